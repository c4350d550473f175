"""Expert targets resolved against one table: what `veil.anonymize.anonymize` takes.

The policy layer holds the targets as values (`veil.policy.expert.Expert`); this
module, in the anonymization layer, checks them against a table's columns,
reads or builds every hierarchy from the column's distinct values and makes the
privacy models. Fail closed: a named column missing from the data, or an input
column with no role, is an error naming the columns (never values).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from veil.errors import PolicyError, UsageError
from veil.policy.expert import (
    HINTS,
    AutoBuilder,
    DatesBuilder,
    Expert,
    HierarchyFile,
    HierarchySpec,
    IntervalsBuilder,
    MappingBuilder,
    MaskingBuilder,
    OrderedBuilder,
    Origin,
    PrivacyTargets,
    count,
    quoted,
)

if TYPE_CHECKING:  # heavy imports only when targets are resolved against data
    import polars as pl

    from veil.anonymize.privacy import PrivacyModel
    from veil.hierarchy import Hierarchy


@dataclass(frozen=True, eq=False)
class Targets:
    """Expert targets resolved against one table: what `veil.anonymize.anonymize` takes."""

    quasi: tuple[str, ...]
    hierarchies: Mapping[str, Hierarchy]
    models: tuple[PrivacyModel, ...]
    sensitive: tuple[str, ...]
    suppression: float
    metric: str
    keep: tuple[str, ...]
    drop: tuple[str, ...]
    sources: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def describe_models(self) -> list[dict[str, Any]]:
        """Each model as plain data: its class, parameters and description."""
        described = []
        for model in self.models:
            params: dict[str, Any] = ({f.name: getattr(model, f.name) for f in fields(model)
                       if f.name != "hierarchy"} if is_dataclass(model) else {})
            described.append({"model": type(model).__name__, **params,
                              "description": model.describe()})
        return described




class DistinctValues(Protocol):
    """Data that can say its columns and the distinct values of some of them (an engine's
    table, `veil.anonymize.run`); a Polars LazyFrame serves too."""

    @property
    def columns(self) -> Sequence[str]:
        ...

    def distinct_values(self, names: Sequence[str]) -> dict[str, pl.Series]:
        ...


def resolve(expert: Expert, frame: pl.LazyFrame | DistinctValues, *, base: Path, source: str,
            origin: Origin = "policy") -> Targets:
    """Check `expert` against the table's columns and build its hierarchies and models.

    File paths are relative to `base` (the policy's directory, or the working
    directory for command-line targets). Builders read the distinct values of
    their column. Raises a VeilError naming the columns (never values) when a
    named column is missing or an input column has no role (fail closed).
    """
    columns = (list(frame.columns) if hasattr(frame, "distinct_values")
               else frame.collect_schema().names())
    error = PolicyError if origin == "policy" else UsageError
    sensitive = expert.privacy.sensitive
    named = list(dict.fromkeys((*expert.quasi, *sensitive, *expert.keep, *expert.drop)))
    missing = [c for c in named if c not in columns]
    if missing:
        raise error(f"{source}: {count(missing, 'column')} named as a target "
                    f"{'is' if len(missing) == 1 else 'are'} not in the data: {quoted(missing)}",
                    hint=HINTS[origin]["missing"])
    uncovered = [c for c in columns if c not in set(named)]
    if uncovered:
        raise error(f"{source}: {count(uncovered, 'column')} not covered by the targets "
                    f"(fail closed): {quoted(uncovered)}", hint=HINTS[origin]["uncovered"])
    specs: dict[str, HierarchySpec] = dict(expert.quasi_identifiers)
    specs.update({t.attribute: t.hierarchy for t in expert.privacy.t if t.hierarchy is not None})
    built, sources = _hierarchies(specs, frame, base)
    return Targets(
        quasi=expert.quasi,
        hierarchies={q: built[q] for q in expert.quasi},
        models=_models(expert.privacy, built),
        sensitive=sensitive,
        suppression=expert.suppression,
        metric=expert.metric,
        keep=expert.keep,
        drop=expert.drop,
        sources=sources,
    )


def _hierarchies(specs: Mapping[str, HierarchySpec], frame: pl.LazyFrame | DistinctValues,
                 base: Path) -> tuple[dict[str, Hierarchy], dict[str, dict[str, Any]]]:
    """Every hierarchy, read or built, and a value-free note of where each came from."""
    import polars as pl

    from veil.hierarchy import read_arx_csv
    from veil.io.hashing import sha256_file

    built: dict[str, Hierarchy] = {}
    sources: dict[str, dict[str, Any]] = {}
    builders = [name for name, spec in specs.items() if not isinstance(spec, HierarchyFile)]
    distinct: dict[str, pl.Series] = {}
    if builders and hasattr(frame, "distinct_values"):
        distinct = frame.distinct_values(builders)
    elif builders:  # one pass over the data for every builder's distinct values
        row = frame.select(pl.col(c).unique().implode() for c in builders).collect()  # type: ignore[union-attr]
        distinct = {c: row.get_column(c)[0] for c in builders}
    for name, spec in specs.items():
        if isinstance(spec, HierarchyFile):
            path = spec.hierarchy if spec.hierarchy.is_absolute() else base / spec.hierarchy
            built[name] = read_arx_csv(path, name, separator=spec.separator)
            sources[name] = {"source": "file", "file": path.name, "sha256": sha256_file(path)}
            if built[name].notes:  # e.g. repeated rows ARX accepts: counts, never values
                sources[name]["notes"] = list(built[name].notes)
        else:
            built[name] = _build(name, spec, distinct[name].rename(name), base)
            sources[name] = _described(spec)
        sources[name]["levels"] = built[name].height
    return built, sources


def _described(spec: HierarchySpec) -> dict[str, Any]:
    """A builder's settings without the categories it lists (they are data values)."""
    described: dict[str, Any] = {"source": "builder",
                                 **spec.model_dump(mode="json", exclude={"order", "groups"})}
    if isinstance(spec, OrderedBuilder):
        described["categories"] = len(spec.order)
    if isinstance(spec, MappingBuilder) and spec.file is not None:
        described["file"] = spec.file.name
    return described


def _build(name: str, spec: HierarchySpec, values: pl.Series, base: Path) -> Hierarchy:
    """One builder's hierarchy from the column's distinct values."""
    from veil.hierarchy import auto, dates, intervals, mapping, mapping_from_yaml, masking, ordered

    if isinstance(spec, AutoBuilder):
        return auto(values, fanout=spec.fanout, top=spec.top,
                    max_categories=spec.max_categories, attribute=name)
    if isinstance(spec, IntervalsBuilder):
        return intervals(values, width=spec.width, fanout=spec.fanout, start=spec.start,
                         top=spec.top, attribute=name)
    if isinstance(spec, DatesBuilder):
        return dates(values, levels=spec.levels, top=spec.top, attribute=name)
    if isinstance(spec, MaskingBuilder):
        return masking(values, char=spec.char, step=spec.step, top=spec.top, attribute=name)
    if isinstance(spec, OrderedBuilder):
        return ordered(values, order=spec.order, fanout=spec.fanout, separator=spec.separator,
                       top=spec.top, attribute=name)
    if isinstance(spec, MappingBuilder):
        if spec.file is not None:
            path = spec.file if spec.file.is_absolute() else base / spec.file
            return mapping_from_yaml(path, name, values=values, top=spec.top)
        assert spec.groups is not None  # the model guarantees exactly one
        return mapping(values, spec.groups, top=spec.top, attribute=name)
    raise PolicyError(f"{name!r}: a file hierarchy reached the builders")  # pragma: no cover


def _models(privacy: PrivacyTargets, built: Mapping[str, Hierarchy]) -> tuple[PrivacyModel, ...]:
    """The `veil.anonymize` privacy models of the targets, k and risk first."""
    from veil.anonymize import (
        AverageRisk,
        DistinctLDiversity,
        EntropyLDiversity,
        KAnonymity,
        MaxRisk,
        RecursiveCLDiversity,
        TCloseness,
    )

    models: list[PrivacyModel] = []
    if privacy.k is not None:
        models.append(KAnonymity(privacy.k))
    if privacy.max_risk is not None:
        models.append(MaxRisk(privacy.max_risk))
    for target in privacy.l:
        if target.variant == "distinct":
            models.append(DistinctLDiversity(target.attribute, int(target.value)))
        elif target.variant == "entropy":
            models.append(EntropyLDiversity(target.attribute, target.value, target.estimator))
        else:
            assert target.c is not None  # the model guarantees it
            models.append(RecursiveCLDiversity(target.attribute, target.c, int(target.value)))
    for t in privacy.t:
        models.append(TCloseness(t.attribute, t.value, t.distance,
                                 built.get(t.attribute) if t.distance == "hierarchical" else None))
    if privacy.average_risk is not None:
        models.append(AverageRisk(privacy.average_risk))
    return tuple(models)


__all__ = ["DistinctValues", "Targets", "resolve"]
