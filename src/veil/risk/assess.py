"""`assess`: every re-identification risk measure of one dataset, as one frozen value.

The sample metrics, the population models, l-diversity/t-closeness and the
attribute contributions all come from the same equivalence-class core
(`veil.risk.classes`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import polars as pl

from veil.errors import UsageError
from veil.hierarchy.model import Hierarchy
from veil.records import RiskRecord
from veil.risk.classes import (
    SUPPRESSED,
    ClassSizes,
    ColumnCache,
    WeightedClasses,
    class_sizes,
    classes_from_counts,
)
from veil.risk.contributions import (
    Contribution,
    contributions,
    contributions_of_classes,
    generalized_one_level,
)
from veil.risk.diversity import Diversity, diversity
from veil.risk.population import PopulationUniqueness, population_uniqueness
from veil.risk.sample import ModelRisk, journalist, marketer, prosecutor

if TYPE_CHECKING:
    from veil.engines.base import Engine, Table

DEFAULT_THRESHOLD = 0.09
THRESHOLD_SOURCES = {
    0.33: "some custodians (minimum cell size 3)",
    0.2: "the historical cell size of five",
    0.09: "EMA Policy 0070 / Health Canada public release (minimum cell size 11)",
    0.05: "public Canadian and US patent data (minimum cell size 20)",
}


@dataclass(frozen=True)
class Population:
    """What is known about the population the sample was drawn from (at most one)."""

    size: int | None = None
    sampling_fraction: float | None = None
    table: pl.DataFrame | None = field(default=None, repr=False)

    def resolved_size(self, sample: int) -> int | None:
        if self.size is not None:
            return self.size
        if self.sampling_fraction is not None:
            return round(sample / self.sampling_fraction)
        if self.table is not None:
            return self.table.height
        return None


@dataclass(frozen=True)
class RiskAssessment:
    """The re-identification risk of one dataset over its quasi-identifiers."""

    quasi: tuple[str, ...]
    threshold: float
    classes: ClassSizes
    prosecutor: ModelRisk
    journalist: ModelRisk
    marketer: float
    population: PopulationUniqueness | None
    diversity: tuple[Diversity, ...]
    uniques_total: int
    by_attribute: tuple[Contribution, ...]
    by_pair: tuple[Contribution, ...]
    by_generalization: tuple[Contribution, ...] = ()  # one level up, with hierarchies

    @property
    def summary(self) -> str:
        """The findings in plain language."""
        c, p = self.classes, self.prosecutor
        qi = "+".join(self.quasi)
        share = c.sample_uniques / c.records if c.records else 0.0
        text = (
            f"{share:.0%} of records are unique on {qi}; the highest risk is {p.highest:.2f}; "
            f"above the {self.threshold:g} threshold: {p.records_at_risk:.0%} of records."
        )
        if self.by_attribute and self.uniques_total:
            top = self.by_attribute[0]
            if top.uniques_removed:
                text += (f" Leaving out {top.attributes[0]} would remove "
                         f"{top.share_removed:.0%} of the uniques.")
            else:
                text += (" No single quasi-identifier accounts for the uniques: several "
                         "must be generalized together.")
        return text

    def record(self) -> RiskRecord:
        """The typed record (`veil risk --json`, the `risk` block of report.json)."""
        return RiskRecord.model_validate(self.to_dict())

    def to_dict(self) -> dict[str, Any]:
        c = self.classes
        return {
            "quasi_identifiers": list(self.quasi),
            "threshold": self.threshold,
            "threshold_source": THRESHOLD_SOURCES.get(self.threshold, "set by the user"),
            "summary": self.summary,
            "records": c.records,
            "suppressed_records": c.suppressed,
            "classes": c.classes,
            "smallest_class": c.smallest,
            "largest_class": c.largest,
            "average_class_size": c.average,
            "sample_uniques": c.sample_uniques,
            "sample_uniqueness": c.sample_uniques / c.records if c.records else 0.0,
            "class_size_histogram": [[s, n] for s, n in c.histogram.items()],
            "prosecutor": _model(self.prosecutor),
            "journalist": _model(self.journalist),
            "marketer": {"success_rate": self.marketer},
            "population_uniqueness": None if self.population is None else _population(
                self.population),
            "sensitive": [_diversity(d) for d in self.diversity],
            "contributions": {
                "uniques": self.uniques_total,
                "by_attribute": [_contribution(x) for x in self.by_attribute],
                "by_pair": [_contribution(x) for x in self.by_pair],
                "by_generalizing_one_level": [_contribution(x) for x in self.by_generalization],
            },
        }


def assess(frame: pl.DataFrame | pl.LazyFrame, *, quasi: Sequence[str],
           sensitive: Sequence[str] = (), population: Population | None = None,
           threshold: float = DEFAULT_THRESHOLD, pairs: bool = True,
           hierarchies: Mapping[str, Hierarchy] | None = None) -> RiskAssessment:
    """Measure the re-identification risk of `frame` over `quasi`.

    `hierarchies` (optional, by attribute) add hierarchical-distance t-closeness for
    sensitive attributes and the uniques removed by generalizing each
    quasi-identifier one level.

    Guarantee:
        Exact sample statistics over the quasi-identifiers (prosecutor risk is
        1 / class size); population figures are model estimates (Pitman,
        Zayatz, SNB; Dankar et al. 2012 pick one) or exact with a population
        table. Nulls are one value per column; records whose quasi-identifiers
        are all `*` are treated as suppressed (as ARX does).
    """
    if not 0 < threshold <= 1:
        raise UsageError(f"the threshold must be in (0, 1], got {threshold}")
    quasi = tuple(quasi)
    data = _collect(frame, [*quasi, *sensitive])
    cache: ColumnCache = {}
    classes = class_sizes(data, quasi, cache)
    population = population or Population()
    pop_sizes = None
    if population.table is not None:
        classes, pop_sizes = _with_population_table(data, population.table, quasi)
    pop_n = population.resolved_size(classes.records)
    uniqueness = None
    if pop_n is not None and classes.records:
        uniqueness = population_uniqueness(classes.histogram, population_size=pop_n)
    total, singles, doubles = contributions(data, quasi, pairs=pairs, cache=cache)
    hierarchies = dict(hierarchies or {})
    one_level = generalized_one_level(data, quasi, total, hierarchies) if hierarchies else []
    return RiskAssessment(
        quasi=quasi,
        threshold=threshold,
        classes=classes,
        prosecutor=prosecutor(classes, threshold),
        journalist=journalist(classes, threshold, pop_sizes),
        marketer=marketer(classes, pop_sizes),
        population=uniqueness,
        diversity=tuple(diversity(data, quasi, s, cache=cache, hierarchy=hierarchies.get(s))
                        for s in sensitive),
        uniques_total=total,
        by_attribute=tuple(singles),
        by_pair=tuple(doubles),
        by_generalization=tuple(one_level),
    )


def assess_table(engine: Engine, table: Table, *, quasi: Sequence[str],
                 sensitive: Sequence[str] = (), population: Population | None = None,
                 threshold: float = DEFAULT_THRESHOLD, pairs: bool = True,
                 hierarchies: Mapping[str, Hierarchy] | None = None) -> RiskAssessment:
    """`assess` over an engine's table: the engine counts the records per combination of
    the quasi-identifiers and sensitive attributes (one `group_counts` pass); the
    measures are computed on the driver from those counts, so every engine gives the
    same figures."""
    columns = [*quasi, *sensitive]
    _check_names(list(table.columns), columns)
    if quasi and not sensitive and not hierarchies \
            and (population is None or population.table is None):
        # the measures need only the classes: computed from the distinct combinations and
        # their counts, never expanded back to one row per record
        if not 0 < threshold <= 1:
            raise UsageError(f"the threshold must be in (0, 1], got {threshold}")
        distinct, counts = _canonical_counts(engine, table, columns)
        return _assess_classes(classes_from_counts(distinct, counts, tuple(quasi)),
                               population=population, threshold=threshold, pairs=pairs)
    return assess(records_from_counts(engine, table, columns), quasi=quasi, sensitive=sensitive,
                  population=population, threshold=threshold, pairs=pairs,
                  hierarchies=hierarchies)


def _assess_classes(weighted: WeightedClasses, *, population: Population | None,
                    threshold: float, pairs: bool) -> RiskAssessment:
    """`assess` without sensitive attributes, hierarchies or a population table, from the
    classes (the same figures: see `classes_from_counts`)."""
    classes = weighted.classes
    pop_n = (population or Population()).resolved_size(classes.records)
    uniqueness = None
    if pop_n is not None and classes.records:
        uniqueness = population_uniqueness(classes.histogram, population_size=pop_n)
    total, singles, doubles = contributions_of_classes(weighted.codes, classes.sizes,
                                                       classes.quasi, pairs=pairs)
    return RiskAssessment(
        quasi=classes.quasi,
        threshold=threshold,
        classes=classes,
        prosecutor=prosecutor(classes, threshold),
        journalist=journalist(classes, threshold, None),
        marketer=marketer(classes, None),
        population=uniqueness,
        diversity=(),
        uniques_total=total,
        by_attribute=tuple(singles),
        by_pair=tuple(doubles),
    )


def records_from_counts(engine: Engine, table: Table, columns: Sequence[str]) -> pl.DataFrame:
    """The records of `columns`, rebuilt on the driver from the engine's counts per
    distinct combination (text as Categorical, as `_collect` holds it), in a canonical
    order (independent of the engine's)."""
    distinct, counts = _canonical_counts(engine, table, columns)
    return distinct[np.repeat(np.arange(distinct.height), counts)]


def _canonical_counts(engine: Engine, table: Table, columns: Sequence[str],
                      ) -> tuple[pl.DataFrame, npt.NDArray[np.int64]]:
    """The distinct combinations of `columns` (text as Categorical) and the records of each,
    in a canonical order (independent of the engine's). Text is made Categorical on the
    distinct rows, in this order: the codes the expanded records would get."""
    from veil.engines.types import COUNT

    # one chunk first: gathering rows of a many-chunked frame costs several times more
    counts = engine.group_counts(table, {c: pl.col(c) for c in columns}).rechunk()
    if counts.height:
        order = counts.select(pl.struct(pl.all()).hash(seed=0).alias("h"),
                              pl.int_range(pl.len()).alias("i")).sort("h", "i")
        counts = counts[order.get_column("i").to_numpy()]
    distinct = counts.select(columns)
    distinct = distinct.with_columns(pl.col(c).cast(pl.Categorical) for c in columns
                                     if distinct.schema[c] == pl.String)
    return distinct, counts.get_column(COUNT).to_numpy().astype(np.int64, copy=False)


def _check_names(names: list[str], columns: list[str]) -> None:
    missing = [c for c in columns if c not in names]
    if missing:
        raise UsageError(
            f"column(s) not in the data: {', '.join(repr(c) for c in missing)}",
            hint=f"the columns are: {', '.join(names[:30])}",
        )
    if len(set(columns)) != len(columns):
        raise UsageError("a column is named both as quasi-identifier and as sensitive")


def _collect(frame: pl.DataFrame | pl.LazyFrame, columns: list[str]) -> pl.DataFrame:
    names = frame.collect_schema().names() if isinstance(frame, pl.LazyFrame) else frame.columns
    _check_names(list(names), columns)
    if isinstance(frame, pl.LazyFrame):
        # text as Categorical: equal values stay equal, nulls stay null, and ten million
        # rows of a column hold 4-byte codes instead of strings
        schema = frame.collect_schema()
        return frame.select(
            pl.col(c).cast(pl.Categorical) if schema[c] == pl.String else pl.col(c)
            for c in columns
        ).collect(engine="streaming")
    return frame.select(columns)


def _with_population_table(sample: pl.DataFrame, table: pl.DataFrame,
                           quasi: tuple[str, ...]) -> tuple[ClassSizes, np.ndarray]:
    missing = [q for q in quasi if q not in table.columns]
    if missing:
        raise UsageError("the population table lacks quasi-identifier column(s): "
                         + ", ".join(repr(c) for c in missing))
    keys = [pl.col(q).cast(pl.String) for q in quasi]
    outlier = pl.all_horizontal([k == SUPPRESSED for k in keys]).fill_null(False)
    counts = sample.filter(~outlier).group_by(keys).agg(pl.len().alias("f"))
    reference = table.group_by(keys).agg(pl.len().alias("F"))
    joined = counts.join(reference, on=list(quasi), how="left", nulls_equal=True)
    # the sample is part of the population: a class is at least as large there
    sizes = joined.select(
        pl.col("f").cast(pl.Int64),
        pl.max_horizontal("f", pl.col("F").fill_null(0)).cast(pl.Float64).alias("F"),
    )
    suppressed = int(sample.select(outlier.sum()).item())
    classes = ClassSizes(quasi, sizes["f"].to_numpy(), suppressed)
    return classes, sizes["F"].to_numpy()


def _model(risk: ModelRisk) -> dict[str, Any]:
    return {"highest": risk.highest, "lowest": risk.lowest, "average": risk.average,
            "records_at_risk": risk.records_at_risk,
            "records_at_highest": risk.records_at_highest, "source": risk.source}


def _population(p: PopulationUniqueness) -> dict[str, Any]:
    def one(e: Any) -> dict[str, Any]:
        return {"available": e.available, "uniques": e.uniques, "fraction": e.fraction}

    return {"population_size": p.population_size, "sampling_fraction": p.sampling_fraction,
            "pitman": one(p.pitman), "zayatz": one(p.zayatz), "snb": one(p.snb),
            "dankar_choice": p.dankar_choice, "dankar": one(p.dankar)}


def _diversity(d: Diversity) -> dict[str, Any]:
    return {"attribute": d.attribute, "values": d.values, "distinct_l": d.distinct_l,
            "entropy_l": d.entropy_l, "recursive_l": d.recursive_l,
            "recursive_c": None if d.recursive_c == float("inf") else d.recursive_c,
            "t_closeness_equal": d.t_equal, "t_closeness_ordered": d.t_ordered,
            "t_closeness_hierarchical": d.t_hierarchical}


def _contribution(c: Contribution) -> dict[str, Any]:
    return {"attributes": list(c.attributes), "uniques_without": c.uniques_without,
            "uniques_removed": c.uniques_removed, "share_removed": c.share_removed}
