"""`anonymize()`: prepare, search and apply in one call."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import polars as pl

from veil.anonymize.apply import Recoding, recoding, transform
from veil.anonymize.prepare import Prepared, prepare
from veil.anonymize.privacy import PrivacyModel, TCloseness
from veil.anonymize.search import SearchResult, search
from veil.anonymize.utility import Loss, UtilityModel, metric_named
from veil.errors import UsageError
from veil.hierarchy import Hierarchy

if TYPE_CHECKING:
    from veil.engines.base import Engine, Table


@dataclass(frozen=True, eq=False)
class Anonymization:
    """The outcome: the search result and, when a solution exists, the anonymized data."""

    result: SearchResult
    prepared: Prepared
    metric: UtilityModel
    data: pl.LazyFrame | None  # for Polars data in hand; an engine's table: see `recoding`

    @property
    def found(self) -> bool:
        return self.result.found

    @property
    def recoding(self) -> Recoding | None:
        """The solution as a row-local transform any engine writes (`Engine.write`)."""
        return recoding(self.prepared, self.result) if self.result.found else None

    def loss_per_attribute(self) -> dict[str, float]:
        """Information loss per quasi-identifier (the model's own, else ARX Loss)."""
        evaluation = self.result.evaluation
        if evaluation is None:
            return {}
        values = self.metric.per_attribute(evaluation, self.prepared)
        if values is None:
            values = Loss().per_attribute(evaluation, self.prepared)
        return {q: float(v) for q, v in zip(self.prepared.quasi, values, strict=True)}


def anonymize(data: pl.DataFrame | pl.LazyFrame | Table, *, quasi: Sequence[str],
              hierarchies: Mapping[str, Hierarchy], models: Sequence[PrivacyModel],
              suppression: float = 0.0, metric: str | UtilityModel = "loss",
              keep: int = 1, time_budget: float | None = None,
              source: str = "the data", engine: Engine | None = None) -> Anonymization:
    """Find the least-loss full-domain generalization meeting every model, and apply it.

    Guarantee:
        When `found`, the returned data satisfies every model in `models` over
        `quasi` with at most floor(suppression * records) records suppressed (all
        their quasi-identifiers `*`); rows are neither added nor removed and stay in
        input order. The transformation is the global optimum of `metric` unless
        `result.exhaustive` is False (time budget or greedy search on a huge lattice).
    """
    if not models:
        raise UsageError("give at least one privacy model (k, l, t, max risk or average risk)")
    model = metric_named(metric) if isinstance(metric, str) else metric
    sensitive = sorted({m.sensitive for m in models if m.sensitive is not None})
    overlap = set(sensitive) & set(quasi)
    if overlap:
        raise UsageError(f"{', '.join(map(repr, sorted(overlap)))} cannot be both a "
                         "quasi-identifier and a sensitive attribute")
    sensitive_hierarchies = {m.attribute: m.hierarchy for m in models
                             if isinstance(m, TCloseness) and m.hierarchy is not None}
    prepared = prepare(data, quasi=quasi, hierarchies=hierarchies, sensitive=sensitive,
                       sensitive_hierarchies=sensitive_hierarchies, source=source,
                       engine=engine)
    result = search(prepared, models, metric=model, suppression=suppression, keep=keep,
                    time_budget=time_budget)
    output = None
    if result.found and isinstance(data, pl.DataFrame | pl.LazyFrame):
        output = transform(data, prepared, result)
    return Anonymization(result, prepared, model, output)
