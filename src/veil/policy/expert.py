"""The `expert:` section of a policy: the targets of `veil anonymize`.

An Expert Determination release is generalized until it meets privacy models
(k-anonymity, l-diversity, t-closeness, a risk bound) with the least loss. This
module holds those targets as frozen values, parsed from the policy's
`expert:` section or built from the command line (`veil anonymize --qi ...
--k 5`), and turns them into what `veil.anonymize.anonymize` takes:

    expert:
      quasi_identifiers:
        age: {hierarchy: hierarchies/adult_hierarchy_age.csv}  # relative to the policy
        zip: {builder: masking}
        sex: auto                                              # short for {builder: auto}
      privacy: {k: 5, l: [{attribute: diagnosis, value: 3, variant: entropy}]}
      suppression: 0.02
      metric: loss
      keep: [length_of_stay]
      drop: [name]

Fail closed: every input column must be a quasi-identifier, a sensitive
attribute of a model, or listed in `keep` or `drop` (`resolve` checks it).
Nothing here quotes a cell value; errors name columns, files and counts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, Protocol

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationError,
    model_validator,
)

from veil.errors import PolicyError, UsageError

if TYPE_CHECKING:  # heavy imports only when targets are resolved against data
    import polars as pl

    from veil.anonymize.privacy import PrivacyModel
    from veil.hierarchy import Hierarchy

MetricName = Literal["loss", "entropy", "entropy-nm", "discernibility", "discernibility-nm",
                     "precision", "height", "aecs"]
Fanout = int | tuple[int, ...]
Origin = Literal["policy", "options"]
BUILDERS: tuple[str, ...] = ("auto", "intervals", "dates", "masking", "ordered", "mapping")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# ---------------------------------------------------------------- hierarchies


class HierarchyFile(_Frozen):
    """An ARX hierarchy file (`value;level1;...;*`, no header), relative to the policy."""

    hierarchy: Path
    separator: str = Field(default=";", min_length=1, max_length=1)


class AutoBuilder(_Frozen):
    """A hierarchy proposed from the column's type and values (`veil.hierarchy.auto`)."""

    builder: Literal["auto"]
    fanout: Fanout = 2
    max_categories: int = Field(default=1000, ge=1)
    top: str = "*"


class IntervalsBuilder(_Frozen):
    """Numbers -> intervals of `width` -> `fanout` of them per level -> `top`."""

    builder: Literal["intervals"]
    width: float = Field(gt=0)
    fanout: Fanout = 2
    start: float | None = None
    top: str = "*"


class DatesBuilder(_Frozen):
    """Days -> month -> quarter -> year -> decade -> `top` (any of those levels)."""

    builder: Literal["dates"]
    levels: tuple[Literal["month", "quarter", "year", "decade"], ...] = (
        "month", "quarter", "year", "decade")
    top: str = "*"


class MaskingBuilder(_Frozen):
    """Codes such as ZIP: `step` more trailing characters masked per level."""

    builder: Literal["masking"]
    char: str = Field(default="*", min_length=1, max_length=1)
    step: int = Field(default=1, ge=1)
    top: str | None = None


class OrderedBuilder(_Frozen):
    """Ordered categories (lowest first) -> runs of `fanout` neighbours -> `top`."""

    builder: Literal["ordered"]
    order: tuple[str | int | float, ...] = Field(min_length=1)
    fanout: Fanout = 2
    separator: str = Field(default="-", min_length=1)
    top: str = "*"


class MappingBuilder(_Frozen):
    """Categories grouped by hand: inline `groups`, or a YAML `file` relative to the policy."""

    builder: Literal["mapping"]
    file: Path | None = None
    groups: dict[str, Any] | list[dict[str, Any]] | None = None
    top: str = "*"

    @model_validator(mode="after")
    def _one_source(self) -> MappingBuilder:
        if (self.file is None) == (self.groups is None):
            raise ValueError("give exactly one of 'file' or 'groups'")
        return self


def _spec_kind(value: Any) -> str | None:
    """The union member a hierarchy spec is: `file` or its builder's name."""
    if isinstance(value, dict):
        if "builder" in value:
            builder = value["builder"]
            return builder if isinstance(builder, str) and builder in BUILDERS else None
        return "file" if "hierarchy" in value else None
    if isinstance(value, BaseModel):
        return str(getattr(value, "builder", "file"))
    return None


def _shorthand(value: Any) -> Any:
    """`age: path/to/file.csv` means {hierarchy: ...}; `sex: auto` means {builder: auto}
    (any builder name works so, with that builder's defaults)."""
    if isinstance(value, str):
        return {"builder": value} if value in BUILDERS else {"hierarchy": value}
    return value


HierarchySpec = Annotated[
    Annotated[HierarchyFile, Tag("file")]
    | Annotated[AutoBuilder, Tag("auto")]
    | Annotated[IntervalsBuilder, Tag("intervals")]
    | Annotated[DatesBuilder, Tag("dates")]
    | Annotated[MaskingBuilder, Tag("masking")]
    | Annotated[OrderedBuilder, Tag("ordered")]
    | Annotated[MappingBuilder, Tag("mapping")],
    Discriminator(
        _spec_kind,
        custom_error_type="hierarchy_spec",
        custom_error_message="expected {hierarchy: FILE} or {builder: "
        + "|".join(BUILDERS) + "}",
    ),
    BeforeValidator(_shorthand),
]


# ---------------------------------------------------------------- privacy models


class LDiversityTarget(_Frozen):
    """l-diversity of a sensitive attribute: `distinct`, `entropy` or `recursive` (c, l)."""

    attribute: str = Field(min_length=1)
    value: float = Field(gt=0, description="l")
    variant: Literal["distinct", "entropy", "recursive"] = "distinct"
    c: float | None = Field(default=None, gt=0, description="c of recursive (c,l)-diversity")
    estimator: Literal["shannon", "grassberger"] = "shannon"

    @model_validator(mode="after")
    def _consistent(self) -> LDiversityTarget:
        if self.variant != "entropy" and not float(self.value).is_integer():
            raise ValueError(f"{self.variant} l-diversity needs a whole number l")
        if self.variant == "recursive" and self.c is None:
            raise ValueError("recursive (c,l)-diversity needs 'c'")
        if self.variant != "recursive" and self.c is not None:
            raise ValueError("'c' applies to recursive l-diversity only")
        if self.variant != "entropy" and self.estimator != "shannon":
            raise ValueError("'estimator' applies to entropy l-diversity only")
        return self


class TClosenessTarget(_Frozen):
    """t-closeness of a sensitive attribute; `hierarchical` needs the attribute's hierarchy."""

    attribute: str = Field(min_length=1)
    value: float = Field(ge=0, le=1, description="t")
    distance: Literal["equal", "ordered", "hierarchical"] = "equal"
    hierarchy: HierarchySpec | None = None

    @model_validator(mode="after")
    def _consistent(self) -> TClosenessTarget:
        if self.distance == "hierarchical" and self.hierarchy is None:
            raise ValueError("hierarchical t-closeness needs the attribute's 'hierarchy'")
        if self.distance != "hierarchical" and self.hierarchy is not None:
            raise ValueError("'hierarchy' applies to hierarchical t-closeness only")
        return self


class PrivacyTargets(_Frozen):
    """The privacy models a release must meet, all at once."""

    k: int | None = Field(default=None, ge=1)
    l: tuple[LDiversityTarget, ...] = ()  # noqa: E741 - the model's name
    t: tuple[TClosenessTarget, ...] = ()
    max_risk: float | None = Field(default=None, gt=0, le=1)
    average_risk: float | None = Field(default=None, gt=0, le=1)

    @model_validator(mode="after")
    def _at_least_one(self) -> PrivacyTargets:
        if (self.k is None and not self.l and not self.t and self.max_risk is None
                and self.average_risk is None):
            raise ValueError("give at least one privacy model: k, l, t, max_risk or "
                             "average_risk")
        return self

    @property
    def sensitive(self) -> tuple[str, ...]:
        """The sensitive attributes of the l and t models, in order, each once."""
        targets: list[LDiversityTarget | TClosenessTarget] = [*self.l, *self.t]
        return tuple(dict.fromkeys(m.attribute for m in targets))


class Expert(_Frozen):
    """The `expert:` section: quasi-identifiers with hierarchies, models, and the rest."""

    quasi_identifiers: dict[str, HierarchySpec] = Field(min_length=1)
    privacy: PrivacyTargets
    suppression: float = Field(default=0.0, ge=0, le=1,
                               description="largest share of records that may be suppressed")
    metric: MetricName = "loss"
    keep: tuple[str, ...] = Field(default=(), description="other columns copied unchanged")
    drop: tuple[str, ...] = Field(default=(), description="other columns removed")

    @model_validator(mode="after")
    def _one_role_each(self) -> Expert:
        for name, items in (("keep", self.keep), ("drop", self.drop)):
            twice = sorted({c for c in items if items.count(c) > 1})
            if twice:
                raise ValueError(f"{name} lists {_quoted(twice)} twice")
        roles = {"a quasi-identifier": set(self.quasi_identifiers),
                 "a sensitive attribute": set(self.privacy.sensitive),
                 "kept": set(self.keep), "dropped": set(self.drop)}
        names = list(roles)
        for i, first in enumerate(names):
            for second in names[i + 1:]:
                if (first, second) == ("a sensitive attribute", "kept"):
                    continue  # sensitive attributes are kept anyway: saying so is harmless
                both = sorted(roles[first] & roles[second])
                if both:
                    raise ValueError(f"{_quoted(both)} cannot be both {first} and {second}")
        return self

    @property
    def quasi(self) -> tuple[str, ...]:
        return tuple(self.quasi_identifiers)


# ---------------------------------------------------------------- resolving against data


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


_HINTS: dict[Origin, dict[str, str]] = {
    "policy": {
        "missing": "fix the names in the policy's expert section",
        "uncovered": "list every column in the expert section: as a quasi-identifier, as a "
                     "sensitive attribute of an l or t model, or under keep or drop",
    },
    "options": {
        "missing": "check the names given to --qi, --l, --t, --keep and --drop",
        "uncovered": "name every column: as a quasi-identifier (--qi), as a sensitive "
                     "attribute (--l/--t), or in --keep or --drop",
    },
}


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
        raise error(f"{source}: {_count(missing, 'column')} named as a target "
                    f"{'is' if len(missing) == 1 else 'are'} not in the data: {_quoted(missing)}",
                    hint=_HINTS[origin]["missing"])
    uncovered = [c for c in columns if c not in set(named)]
    if uncovered:
        raise error(f"{source}: {_count(uncovered, 'column')} not covered by the targets "
                    f"(fail closed): {_quoted(uncovered)}", hint=_HINTS[origin]["uncovered"])
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


# ---------------------------------------------------------------- command-line targets


@dataclass(frozen=True)
class CommandLineTargets:
    """The targets as `veil anonymize` options give them (None: option not given)."""

    qi: tuple[str, ...] = ()
    hierarchies: Path | None = None
    hierarchy: tuple[str, ...] = ()  # ATTR=FILE or ATTR=auto
    k: int | None = None
    l: tuple[str, ...] = ()  # noqa: E741 - ATTR=N
    l_variant: str | None = None
    c: float | None = None
    t: tuple[str, ...] = ()  # ATTR=T
    t_distance: str | None = None
    max_risk: float | None = None
    average_risk: float | None = None
    suppression: float | None = None
    metric: str | None = None
    keep: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()

    def given(self) -> list[str]:
        """The options that were given, as they are spelt on the command line."""
        return [f"--{f.name.replace('_', '-')}" for f in fields(self)
                if getattr(self, f.name) not in (None, ())]

    def to_expert(self, columns: Sequence[str] | None = None, *,
                  source: str = "the data") -> Expert:
        """The same targets as an `Expert` section; UsageError naming the bad option.

        With `columns`, every column an option names is checked first, so a misspelt
        name is reported as such rather than as a missing hierarchy file.
        """
        if not self.qi:
            raise UsageError("give the quasi-identifiers with --qi (or a policy with --policy)",
                             hint="e.g. --qi age,sex,zip --hierarchies DIR --k 5")
        if columns is not None:
            self._check_names(columns, source)
        if self.c is not None and self.l_variant != "recursive":
            raise UsageError("--c applies to --l-variant recursive only")
        if self.l_variant is not None and not self.l:
            raise UsageError("--l-variant needs at least one --l ATTR=N")
        if self.t_distance is not None and not self.t:
            raise UsageError("--t-distance needs at least one --t ATTR=T")
        l_targets = [{"attribute": a, "value": v, "variant": self.l_variant or "distinct"}
                     | ({} if self.c is None else {"c": self.c})
                     for a, v in _pairs(self.l, "--l", "N", "diagnosis=3")]
        distance = self.t_distance or "equal"
        t_pairs = _pairs(self.t, "--t", "T", "diagnosis=0.2")
        explicit = dict(_pairs(self.hierarchy, "--hierarchy", "FILE", "age=age.csv"))
        wanted = list(self.qi) + [a for a, _ in t_pairs if distance == "hierarchical"]
        stray = [a for a in explicit if a not in wanted]
        if stray:
            raise UsageError(f"--hierarchy names {_quoted(stray)}, which "
                             f"{'is' if len(stray) == 1 else 'are'} not a quasi-identifier"
                             + (" or a hierarchical t-closeness attribute"
                                if distance == "hierarchical" else ""),
                             hint="give hierarchies only for --qi attributes")
        specs = self._specs(wanted, explicit)
        data = {
            "quasi_identifiers": {q: specs[q] for q in self.qi},
            "privacy": {
                "k": self.k, "max_risk": self.max_risk, "average_risk": self.average_risk,
                "l": l_targets,
                "t": [{"attribute": a, "value": v, "distance": distance}
                      | ({"hierarchy": specs[a]} if distance == "hierarchical" else {})
                      for a, v in t_pairs],
            },
            "suppression": 0.0 if self.suppression is None else self.suppression,
            "metric": self.metric or "loss",
            "keep": list(self.keep),
            "drop": list(self.drop),
        }
        if len(set(self.qi)) != len(self.qi):
            raise UsageError("--qi lists a column twice")
        try:
            return Expert.model_validate(data)
        except ValidationError as err:
            raise _option_error(err) from None

    def _check_names(self, columns: Sequence[str], source: str) -> None:
        """UsageError naming the first option that names a column the data lacks."""
        named = {
            "--qi": self.qi,
            "--l": [a for a, _ in _pairs(self.l, "--l", "N", "diagnosis=3")],
            "--t": [a for a, _ in _pairs(self.t, "--t", "T", "diagnosis=0.2")],
            "--hierarchy": [a for a, _ in _pairs(self.hierarchy, "--hierarchy", "FILE",
                                                 "age=age.csv")],
            "--keep": self.keep,
            "--drop": self.drop,
        }
        for option, names in named.items():
            missing = [n for n in names if n not in columns]
            if missing:
                raise UsageError(
                    f"{source}: {option} names {_count(missing, 'column')} not in the data: "
                    f"{_quoted(missing)}", hint=_HINTS["options"]["missing"])

    def _specs(self, wanted: Sequence[str], explicit: Mapping[str, str]) -> dict[str, Any]:
        """A hierarchy spec per attribute: --hierarchy first, else a file in --hierarchies."""
        from veil.hierarchy import find_hierarchies

        specs: dict[str, Any] = {a: ({"builder": "auto"} if f == "auto" else {"hierarchy": f})
                                 for a, f in explicit.items()}
        rest = [a for a in wanted if a not in specs]
        if rest and self.hierarchies is None:
            raise UsageError(f"no hierarchy for {_quoted(rest)}",
                             hint="give --hierarchies DIR (files <dataset>_hierarchy_<attr>.csv) "
                                  "or --hierarchy ATTR=FILE|auto")
        if rest and self.hierarchies is not None:
            found = find_hierarchies(self.hierarchies, rest)
            specs.update({a: {"hierarchy": str(path)} for a, path in found.items()})
        return specs


_OPTIONS: dict[tuple[str, ...], str] = {
    ("privacy", "k"): "--k",
    ("privacy", "max_risk"): "--max-risk",
    ("privacy", "average_risk"): "--average-risk",
    ("privacy", "l", "value"): "--l",
    ("privacy", "l", "c"): "--c",
    ("privacy", "l", "variant"): "--l-variant",
    ("privacy", "l"): "--l",
    ("privacy", "t", "value"): "--t",
    ("privacy", "t", "distance"): "--t-distance",
    ("privacy", "t"): "--t",
    ("privacy",): "privacy models",
    ("suppression",): "--suppression",
    ("metric",): "--metric",
    ("keep",): "--keep",
    ("drop",): "--drop",
    ("quasi_identifiers",): "--qi",
}


def _option_error(err: ValidationError) -> UsageError:
    """The first validation error, named by its command-line option."""
    first = err.errors()[0]
    loc = tuple(str(p) for p in first["loc"] if not isinstance(p, int))
    option = next((_OPTIONS[loc[:n]] for n in range(len(loc), 0, -1) if loc[:n] in _OPTIONS),
                  "the targets")
    message = first["msg"].removeprefix("Value error, ")
    value = first.get("input")
    shown = isinstance(value, int | float | str) and not isinstance(value, bool)
    got = f"; got {value!r}" if shown and first["type"] not in ("value_error", "missing") else ""
    return UsageError(f"{option}: {message}{got}")


def _pairs(items: Sequence[str], option: str, what: str,
           example: str) -> list[tuple[str, str]]:
    """`ATTR=VALUE` items as pairs; UsageError when one is malformed."""
    pairs = []
    for item in items:
        attribute, sep, value = item.partition("=")
        if not sep or not attribute.strip() or not value.strip():
            raise UsageError(f"{option} expects ATTR={what}; got {item!r}",
                             hint=f"e.g. {option} {example}")
        pairs.append((attribute.strip(), value.strip()))
    names = [a for a, _ in pairs]
    twice = sorted({a for a in names if names.count(a) > 1})
    if twice:
        raise UsageError(f"{option} names {_quoted(twice)} twice")
    return pairs


def load_expert(path: Path) -> tuple[Expert, str]:
    """The expert section of the policy at `path`, and the policy's text (for its hash)."""
    from veil.policy.load import load_policy

    policy = load_policy(path)
    if policy.expert is None:
        raise PolicyError(f"{path}: the policy has no 'expert' section, which veil anonymize "
                          "needs", hint="add one (see docs/commands.md, veil anonymize) or give "
                                        "the targets as options (--qi, --k ...)")
    return policy.expert, Path(path).read_text(encoding="utf-8")


def _quoted(names: Sequence[str]) -> str:
    return ", ".join(repr(n) for n in names)


def _count(items: Sequence[str], noun: str) -> str:
    return f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"


__all__ = [
    "AutoBuilder",
    "CommandLineTargets",
    "DatesBuilder",
    "Expert",
    "HierarchyFile",
    "HierarchySpec",
    "IntervalsBuilder",
    "LDiversityTarget",
    "MappingBuilder",
    "MaskingBuilder",
    "OrderedBuilder",
    "PrivacyTargets",
    "TClosenessTarget",
    "Targets",
    "load_expert",
    "resolve",
]
