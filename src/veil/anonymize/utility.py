"""Utility (information-loss) models, defined as ARX 3.9 defines them so scores compare.

Every model scores an evaluated transformation (lower is better) and, where it
can, gives a lower bound for every node of the lattice at once without grouping
any data; the search visits nodes in order of that bound and stops when the
bound exceeds the best score found, which keeps the optimum exact.

- `Loss` (ARX's default, `MetricMDNMLoss`): per attribute, the average domain
  share of the released values (share = leaves under the generalized value /
  leaves of the hierarchy; a suppressed cell counts 1), normalized to [0, 1],
  aggregated by the geometric mean with +1/-1 as ARX does.
- `NonUniformEntropy` (`MetricMDNUEntropyPrecomputed`, monotone by default):
  per attribute, the sum over records of -log2 P(original value | released value);
  the non-monotone variant adds the entropy lost by suppressing records. Sum.
- `Discernibility` (DM*, monotone: sum of squared class sizes; the non-monotone
  DM charges each suppressed record the table size).
- `Precision` (Sweeney): mean generalization height ratio; a suppressed cell counts 1.
- `Height`: sum of the levels. `AverageClassSize`: records / classes, suppressed
  records forming one class.
ARX truncates per-attribute values to 10 decimal digits before aggregating;
so do we, so that equal scores compare equal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from veil.anonymize.classes import Classes
from veil.anonymize.prepare import Ints, Prepared
from veil.errors import UsageError

Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]
_FACTOR = 1e10
_LN2 = math.log(2)


def arx_round(values: Floats) -> Floats:
    """ARX's `Metric.round`: keep the first ten decimal digits (floor)."""
    result: Floats = np.floor(values * _FACTOR) / _FACTOR
    return result


def geometric_mean(values: Floats) -> float:
    """ARX's geometric-mean aggregate: prod((v + 1)^(1/d)) - 1, multiplied in order."""
    result = 1.0
    for value in values:
        result *= math.pow(float(value) + 1.0, 1.0 / values.size)
    return result - 1.0


@dataclass(frozen=True, eq=False)
class Evaluation:
    """A transformation with its classes and which of them are suppressed."""

    classes: Classes
    ok: Bools  # per class: kept (True) or suppressed

    @property
    def suppressed(self) -> int:
        return int(self.classes.counts[~self.ok].sum())


@runtime_checkable
class UtilityModel(Protocol):
    """An information-loss model: lower scores are better."""

    @property
    def name(self) -> str: ...

    @property
    def monotone(self) -> bool:
        """True when generalizing further never lowers the score (allows pruning)."""

    def score(self, evaluation: Evaluation, prepared: Prepared) -> float:
        """The model's score of an evaluated transformation."""

    def per_attribute(self, evaluation: Evaluation, prepared: Prepared) -> Floats | None:
        """Per quasi-identifier values where the model has them (for the report)."""

    def lower_bounds(self, prepared: Prepared, nodes: Ints) -> Floats | None:
        """A bound <= the score of every node (rows of levels), or None if unknown."""


@lru_cache(maxsize=4)  # per prepared table (hashed by identity): not once per node
def _share_sums(prepared: Prepared) -> list[Floats]:
    """Per attribute and level: sum over records of the released value's domain share."""
    sums = []
    for h, counts in zip(prepared.hierarchies, prepared.leaf_counts, strict=True):
        sums.append(np.array([float(np.dot(counts, h.leaf_shares[level][h.maps[level]]))
                              for level in range(h.top + 1)]))
    return sums


@dataclass(frozen=True)
class Loss:
    """ARX's Loss with its generalization/suppression factor (0.5 treats both equally)."""

    gs_factor: float = 0.5

    def __post_init__(self) -> None:
        if not 0 <= self.gs_factor <= 1:
            raise UsageError(f"the 'gs_factor' parameter must be in [0, 1]; got {self.gs_factor}")

    @property
    def monotone(self) -> bool:
        return False

    @property
    def name(self) -> str:
        return "loss"

    @property
    def _g(self) -> float:
        return 1.0 if self.gs_factor <= 0.5 else 1.0 - 2.0 * (self.gs_factor - 0.5)

    @property
    def _s(self) -> float:
        return 2.0 * self.gs_factor if self.gs_factor < 0.5 else 1.0

    def _normalize(self, raw: Floats, prepared: Prepared) -> Floats:
        n = float(prepared.records)
        domain = np.array([len(h.hierarchy.values) for h in prepared.hierarchies], float)
        low = self._g * n / domain
        with np.errstate(divide="ignore", invalid="ignore"):
            result = np.where(n - low > 0, (raw - low) / (n - low), 0.0)
        return arx_round(np.maximum(result, 0.0))

    def per_attribute(self, evaluation: Evaluation, prepared: Prepared) -> Floats:
        classes = evaluation.classes
        counts = classes.counts.astype(np.float64)
        raw = np.zeros(len(prepared.hierarchies))
        for i, (h, level) in enumerate(zip(prepared.hierarchies, classes.levels, strict=True)):
            share = counts * h.leaf_shares[level][classes.gen[i]]
            outlier = counts if self._s == 1.0 else share + self._s * (counts - share)
            raw[i] = float(np.where(evaluation.ok, share * self._g, outlier).sum())
        return self._normalize(raw, prepared)

    def score(self, evaluation: Evaluation, prepared: Prepared) -> float:
        return geometric_mean(self.per_attribute(evaluation, prepared))

    def lower_bounds(self, prepared: Prepared, nodes: Ints) -> Floats:
        sums = _share_sums(prepared)
        raw = np.column_stack([sums[i][nodes[:, i]] * self._g for i in range(nodes.shape[1])])
        n = float(prepared.records)
        domain = np.array([len(h.hierarchy.values) for h in prepared.hierarchies], float)
        low = self._g * n / domain
        normalized = arx_round(np.maximum((raw - low) / np.where(n - low > 0, n - low, 1.0), 0))
        result: Floats = np.prod((normalized + 1.0) ** (1.0 / nodes.shape[1]), axis=1) - 1.0
        return result


@lru_cache(maxsize=4)  # per prepared table (hashed by identity): not once per node
def _entropy_tables(prepared: Prepared) -> list[Floats]:
    """Per attribute and level: sum over records of log2(P(original | released)) (<= 0)."""
    tables = []
    for h, counts in zip(prepared.hierarchies, prepared.leaf_counts, strict=True):
        values = []
        a = counts.astype(np.float64)
        present = a > 0
        for level in range(h.top + 1):
            ids = h.maps[level]
            b = np.bincount(ids, weights=a, minlength=h.cardinality(level))[ids]
            values.append(float(np.sum(a[present] * (np.log(a[present] / b[present]) / _LN2))))
        tables.append(np.array(values))
    return tables


@dataclass(frozen=True)
class NonUniformEntropy:
    """Non-uniform entropy (Gionis & Tassa 2009), ARX's precomputed variant; sum aggregate."""

    monotone: bool = True

    @property
    def name(self) -> str:
        return "entropy" if self.monotone else "entropy-nm"

    def per_attribute(self, evaluation: Evaluation, prepared: Prepared) -> Floats:
        classes = evaluation.classes
        tables = _entropy_tables(prepared)
        raw = np.array([tables[i][level] for i, level in enumerate(classes.levels)])
        suppressed = ~evaluation.ok
        total = float(classes.counts[suppressed].sum())
        if not self.monotone and total > 0:
            for i, h in enumerate(prepared.hierarchies):
                ids = classes.gen[i][suppressed]
                per_value = np.bincount(ids, weights=classes.counts[suppressed],
                                        minlength=h.cardinality(classes.levels[i]))
                present = per_value[per_value > 0]
                raw[i] += float(np.sum(present * (np.log(present / total) / _LN2)))
        return arx_round(np.where(raw == 0.0, raw, -raw))

    def score(self, evaluation: Evaluation, prepared: Prepared) -> float:
        return float(np.sum(self.per_attribute(evaluation, prepared)))

    def lower_bounds(self, prepared: Prepared, nodes: Ints) -> Floats:
        tables = _entropy_tables(prepared)
        columns = [arx_round(np.where(t == 0.0, t, -t))[nodes[:, i]]
                   for i, t in enumerate(tables)]
        result: Floats = np.sum(np.column_stack(columns), axis=1)
        return result


@dataclass(frozen=True)
class Discernibility:
    """DM* (monotone: sum of squared class sizes) or DM (suppressed records cost n each)."""

    monotone: bool = True

    @property
    def name(self) -> str:
        return "discernibility" if self.monotone else "discernibility-nm"

    def per_attribute(self, evaluation: Evaluation, prepared: Prepared) -> None:
        return None

    def score(self, evaluation: Evaluation, prepared: Prepared) -> float:
        counts = evaluation.classes.counts.astype(np.float64)
        if self.monotone:
            return float(np.sum(counts * counts))
        kept = np.where(evaluation.ok, counts * counts, counts * prepared.records)
        return float(np.sum(kept))

    def lower_bounds(self, prepared: Prepared, nodes: Ints) -> None:
        return None


@dataclass(frozen=True)
class Precision:
    """Sweeney's precision: per attribute, the mean of level / top level over records
    (a suppressed cell counts 1); arithmetic mean over attributes."""

    monotone: bool = False

    @property
    def name(self) -> str:
        return "precision"

    def per_attribute(self, evaluation: Evaluation, prepared: Prepared) -> Floats:
        classes = evaluation.classes
        counts = classes.counts.astype(np.float64)
        n = float(prepared.records)
        out = np.zeros(len(prepared.hierarchies))
        for i, (h, level) in enumerate(zip(prepared.hierarchies, classes.levels, strict=True)):
            ratio = level / h.top if h.top else 0.0
            if self.monotone:
                out[i] = ratio
            else:
                out[i] = float(np.where(evaluation.ok, counts * ratio, counts).sum()) / n
        return arx_round(out)

    def score(self, evaluation: Evaluation, prepared: Prepared) -> float:
        return float(np.mean(self.per_attribute(evaluation, prepared)))

    def lower_bounds(self, prepared: Prepared, nodes: Ints) -> Floats:
        tops = np.array([max(h.top, 1) for h in prepared.hierarchies], float)
        result: Floats = np.mean(arx_round(nodes / tops), axis=1)
        return result


@dataclass(frozen=True)
class Height:
    """The sum of generalization levels (independent of the data)."""

    @property
    def monotone(self) -> bool:
        return True

    @property
    def name(self) -> str:
        return "height"

    def per_attribute(self, evaluation: Evaluation, prepared: Prepared) -> Floats:
        return np.array(evaluation.classes.levels, dtype=np.float64)

    def score(self, evaluation: Evaluation, prepared: Prepared) -> float:
        return float(sum(evaluation.classes.levels))

    def lower_bounds(self, prepared: Prepared, nodes: Ints) -> Floats:
        result: Floats = nodes.sum(axis=1).astype(np.float64)
        return result


@dataclass(frozen=True)
class AverageClassSize:
    """Records per class, all suppressed records counted as one class (ARX's AECS)."""

    @property
    def monotone(self) -> bool:
        return False

    @property
    def name(self) -> str:
        return "aecs"

    def per_attribute(self, evaluation: Evaluation, prepared: Prepared) -> None:
        return None

    def score(self, evaluation: Evaluation, prepared: Prepared) -> float:
        classes = int(evaluation.ok.sum()) + (1 if evaluation.suppressed else 0)
        return prepared.records / classes if classes else 0.0

    def lower_bounds(self, prepared: Prepared, nodes: Ints) -> None:
        return None


MetricName = Literal["loss", "entropy", "entropy-nm", "discernibility", "discernibility-nm",
                     "precision", "height", "aecs"]
METRICS: dict[str, UtilityModel] = {
    "loss": Loss(),
    "entropy": NonUniformEntropy(monotone=True),
    "entropy-nm": NonUniformEntropy(monotone=False),
    "discernibility": Discernibility(monotone=True),
    "discernibility-nm": Discernibility(monotone=False),
    "precision": Precision(),
    "height": Height(),
    "aecs": AverageClassSize(),
}


def metric_named(name: str) -> UtilityModel:
    """The utility model called `name` (see METRICS)."""
    try:
        return METRICS[name]
    except KeyError:
        raise UsageError(f"unknown utility model {name!r}",
                         hint=f"choose one of: {', '.join(METRICS)}") from None
