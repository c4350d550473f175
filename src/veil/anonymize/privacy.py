"""Privacy models for the anonymization search, as frozen values.

Each model decides, for every equivalence class of a candidate transformation
at once (vectorized over classes), whether the class satisfies it; classes that
fail are suppressed (all quasi-identifiers become `*`) and the transformation
is acceptable when at most the suppression limit of records is suppressed.
This is ARX's record-suppression semantics, so optima are comparable.
`check(frame, quasi=...)` tests a released table directly (suppressed records,
whose quasi-identifiers are all `*`, are left out, as in `veil.risk`).

The definitions follow ARX 3.9 exactly, down to the floating-point formulas
(entropy in bits as ln(x)/ln(2) with the C library's correctly rounded log, no
tolerance on thresholds): a class whose value is mathematically AT the bound but
computes a hair outside it fails, as in ARX. That is the conservative direction
(the class is suppressed), and it makes optima identical to ARX's.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt
import polars as pl

from veil.anonymize.classes import Classes, SensitiveHistogram, from_prepared, per_class
from veil.anonymize.prepare import Prepared, SensitiveColumn, prepare
from veil.errors import UsageError
from veil.hierarchy import Hierarchy
from veil.risk.classes import SUPPRESSED
from veil.risk.emd import hierarchical_emd, ordered_emd

Bools = npt.NDArray[np.bool_]
Floats = npt.NDArray[np.float64]


@runtime_checkable
class PrivacyModel(Protocol):
    """A privacy model: which classes of a transformation satisfy it."""

    @property
    def sensitive(self) -> str | None:
        """The sensitive attribute the model protects (None for identity disclosure)."""

    def classes_ok(self, classes: Classes, prepared: Prepared) -> Bools:
        """One flag per class: True where the class satisfies the model."""

    def describe(self) -> str:
        """A short human-readable name, e.g. '5-anonymity'."""

    def monotone(self, suppression: bool) -> bool:
        """True when every generalization of an acceptable node is acceptable too
        (with or without record suppression); the search prunes with it."""


@dataclass(frozen=True)
class CheckResult:
    """The outcome of checking a released table against one model."""

    model: str
    satisfied: bool
    classes: int
    failing_classes: int
    failing_records: int


class _Checked:
    """What every model shares: checking a released table against just this model."""

    def check(self, frame: pl.DataFrame, *, quasi: Sequence[str]) -> CheckResult:
        """The model checked on a released table (all-`*` records count as suppressed)."""
        return check_models(frame, [self], quasi=quasi)[0]  # type: ignore[list-item]


def _positive(name: str, value: float, *, minimum: float = 0.0, integer: bool = False) -> None:
    if integer and (not isinstance(value, int) or isinstance(value, bool)):
        raise UsageError(f"the '{name}' parameter must be an integer; got {value!r}")
    if not (value > minimum) or math.isinf(value) or math.isnan(value):
        raise UsageError(f"the '{name}' parameter must be greater than {minimum:g}; "
                         f"got {value!r}")


def _probability(name: str, value: float) -> None:
    """A risk bound: in (0, 1]."""
    _positive(name, value)
    if value > 1:
        raise UsageError(f"the '{name}' parameter must be at most 1; got {value!r}")


@dataclass(frozen=True)
class KAnonymity(_Checked):
    """Every class holds at least k records.

    Guarantee:
        Each released record shares its quasi-identifier values with at least k-1
        others, so a prosecutor who knows a target is in the data and knows the
        target's quasi-identifiers re-identifies with probability at most 1/k.
        Unit: the record. Assumes the quasi-identifiers list every attribute an
        adversary can link on. Sweeney, Int J Uncertain Fuzz 10(5) 2002.
    """

    k: int

    def __post_init__(self) -> None:
        _positive("k", self.k, minimum=0, integer=True)

    @property
    def sensitive(self) -> str | None:
        return None

    def classes_ok(self, classes: Classes, prepared: Prepared) -> Bools:
        return classes.counts >= self.k

    def monotone(self, suppression: bool) -> bool:
        return True

    def describe(self) -> str:
        return f"{self.k}-anonymity"



@dataclass(frozen=True)
class MaxRisk(_Checked):
    """The highest prosecutor re-identification risk (1 / class size) is at most r.

    Guarantee:
        No record can be re-identified by a prosecutor with probability above r;
        equivalent to k-anonymity with k = ceil(1/r). Unit: the record.
        El Emam & Dankar, JAMIA 15(5) 2008; EMA Policy 0070 threshold 0.09.
    """

    r: float

    def __post_init__(self) -> None:
        _probability("max risk", self.r)

    @property
    def sensitive(self) -> str | None:
        return None

    def classes_ok(self, classes: Classes, prepared: Prepared) -> Bools:
        result: Bools = 1.0 / classes.counts <= self.r
        return result

    def monotone(self, suppression: bool) -> bool:
        return True

    def describe(self) -> str:
        return f"max prosecutor risk {self.r:g}"



@dataclass(frozen=True)
class AverageRisk(_Checked):
    """The average prosecutor risk (classes / records) of the release is at most r.

    Not a per-class property: after the class-level models, the search suppresses
    the smallest remaining classes (they raise the average most per record) until
    the average holds or the suppression limit is reached.

    Guarantee:
        The expected share of records a prosecutor re-identifies when attacking
        every record is at most r (the marketer risk). Unit: the record. Individual
        records may carry a higher risk: combine with MaxRisk or k-anonymity.
        El Emam, Guide to the De-identification of Personal Health Information, 2013.
    """

    r: float

    def __post_init__(self) -> None:
        _probability("average risk", self.r)

    @property
    def sensitive(self) -> str | None:
        return None

    def classes_ok(self, classes: Classes, prepared: Prepared) -> Bools:
        return np.ones(classes.size, dtype=np.bool_)

    def settle(self, counts: npt.NDArray[np.int64], ok: Bools) -> Bools:
        """Suppress the smallest kept classes until classes / records <= r."""
        kept = np.flatnonzero(ok)
        if kept.size == 0:
            return ok
        order = kept[np.lexsort((kept, counts[kept]))]  # smallest first, stable
        sizes = counts[order]
        remaining_classes = kept.size - np.arange(kept.size + 1)
        remaining_records = sizes.sum() - np.concatenate(([0], np.cumsum(sizes)))
        with np.errstate(divide="ignore", invalid="ignore"):
            average = np.where(remaining_records > 0,
                               remaining_classes / np.maximum(remaining_records, 1), 0.0)
        drop = int(np.argmax(average <= self.r))
        result = ok.copy()
        result[order[:drop]] = False
        return result

    def monotone(self, suppression: bool) -> bool:
        return False

    def describe(self) -> str:
        return f"average risk {self.r:g}"



def _histogram(classes: Classes, prepared: Prepared,
               attribute: str) -> tuple[SensitiveHistogram, SensitiveColumn]:
    for index, column in enumerate(prepared.sensitive):
        if column.name == attribute:
            return classes.histograms[index], column
    raise UsageError(f"{attribute!r} is not declared as a sensitive attribute",
                     hint="list it among the sensitive attributes of the policy or "
                          "command line")


def _distinct(hist: SensitiveHistogram, classes: int) -> npt.NDArray[np.int64]:
    return np.bincount(hist.cls, minlength=classes).astype(np.int64)


@dataclass(frozen=True)
class DistinctLDiversity(_Checked):
    """Every class holds at least l distinct values of the sensitive attribute.

    Guarantee:
        An adversary who locates a target's class still faces at least l possible
        sensitive values (attribute disclosure). Unit: the record. Distinct values
        may be very unequally frequent: prefer entropy or recursive l-diversity.
        Machanavajjhala et al., ACM TKDD 1(1) 2007.
    """

    attribute: str
    l: int  # noqa: E741 - the model's name

    def __post_init__(self) -> None:
        _positive("l", self.l, minimum=0, integer=True)

    @property
    def sensitive(self) -> str | None:
        return self.attribute

    def classes_ok(self, classes: Classes, prepared: Prepared) -> Bools:
        hist, _ = _histogram(classes, prepared, self.attribute)
        result: Bools = _distinct(hist, classes.size) >= self.l
        return result

    def monotone(self, suppression: bool) -> bool:
        return True

    def describe(self) -> str:
        return f"distinct-{self.l}-diversity({self.attribute})"



def _log2(values: npt.NDArray[np.int64]) -> Floats:
    """log2 of positive integers as ln(x) / ln(2) with the C library's log (as Java's
    Math.log), looked up per distinct value: NumPy's vectorized log may differ by an ulp."""
    uniques, inverse = np.unique(values, return_inverse=True)
    ln2 = math.log(2)
    table = np.array([math.log(v) / ln2 if v > 0 else 0.0 for v in uniques.tolist()])
    result: Floats = table[inverse]
    return result


@lru_cache(maxsize=8)
def _grassberger_table(largest: int) -> Floats:
    """G(n) for n = 0..largest (natural log), from exact digamma values at (half-)integers.

    G(n) = psi(n) + (-1)^n / 2 * (psi((n + 1) / 2) - psi(n / 2)) (Grassberger 2003,
    arXiv:physics/0307138). Digamma has closed forms at integers (-gamma + H(m-1)) and
    half-integers (-gamma - 2 ln 2 + sum 2/(2k-1)), so no special-function library is needed.
    """
    euler = 0.5772156649015329
    top = largest + 2
    psi_int = np.full(top + 1, np.nan)  # psi(m), m >= 1
    psi_int[1:] = -euler + np.concatenate(([0.0], np.cumsum(1.0 / np.arange(1, top))))
    psi_half = -euler - 2 * math.log(2) + np.concatenate(  # psi(m + 1/2), m >= 0
        ([0.0], np.cumsum(2.0 / (2 * np.arange(1, top + 1) - 1))))
    n = np.arange(largest + 1)
    half = n // 2
    even = n % 2 == 0
    upper = np.where(even, psi_half[half], psi_int[np.minimum(half + 1, top)])
    lower = np.where(even, psi_int[half], psi_half[half])
    table = np.where(n >= 1, psi_int[np.maximum(n, 1)] + np.where(even, 0.5, -0.5)
                     * (upper - lower), 0.0)
    result: Floats = np.nan_to_num(table)
    return result


@dataclass(frozen=True)
class EntropyLDiversity(_Checked):
    """The entropy of every class's sensitive values is at least log2(l).

    `estimator="shannon"` is the plug-in entropy (Machanavajjhala et al.);
    `"grassberger"` corrects its downward bias for small classes, as ARX offers.

    Guarantee:
        Every class is at least as uncertain as l equally frequent sensitive values,
        bounding attribute disclosure. Unit: the record. Machanavajjhala et al.,
        ACM TKDD 1(1) 2007; Grassberger, arXiv:physics/0307138 (2003).
    """

    attribute: str
    l: float  # noqa: E741
    estimator: Literal["shannon", "grassberger"] = "shannon"

    def __post_init__(self) -> None:
        _positive("l", self.l)
        if self.estimator not in ("shannon", "grassberger"):
            raise UsageError(f"unknown entropy estimator {self.estimator!r}",
                             hint="use 'shannon' or 'grassberger'")

    @property
    def sensitive(self) -> str | None:
        return self.attribute

    def entropy_bits(self, classes: Classes, prepared: Prepared) -> Floats:
        hist, _ = _histogram(classes, prepared, self.attribute)
        counts = hist.count.astype(np.float64)
        total = per_class(hist, counts, classes.size)
        ln2 = math.log(2)
        if self.estimator == "shannon":
            sum1 = per_class(hist, counts * _log2(hist.count), classes.size)
            with np.errstate(divide="ignore", invalid="ignore"):
                result: Floats = -((sum1 / total) - _log2(total.astype(np.int64)))
            return result
        table = _grassberger_table(int(hist.count.max()) if hist.count.size else 1)
        weighted = per_class(hist, counts * table[hist.count], classes.size)
        with np.errstate(divide="ignore", invalid="ignore"):
            nats = np.log(total) - weighted / total
        grass: Floats = nats / ln2
        return grass

    def classes_ok(self, classes: Classes, prepared: Prepared) -> Bools:
        hist, _ = _histogram(classes, prepared, self.attribute)
        enough = _distinct(hist, classes.size) >= int(self.l)
        bits = self.entropy_bits(classes, prepared)
        result: Bools = enough & (bits >= math.log(self.l) / math.log(2))
        return result

    def monotone(self, suppression: bool) -> bool:
        return not suppression

    def describe(self) -> str:
        return f"entropy-{self.l:g}-diversity({self.attribute}, {self.estimator})"



@dataclass(frozen=True)
class RecursiveCLDiversity(_Checked):
    """In every class, r1 < c * (r_l + ... + r_m) for its value counts r1 >= r2 >= ...

    Guarantee:
        The most frequent sensitive value of a class cannot dominate: even after an
        adversary eliminates l-2 values, at least two remain plausible.
        Unit: the record. Machanavajjhala et al., ACM TKDD 1(1) 2007, Def. 4.1.
    """

    attribute: str
    c: float
    l: int  # noqa: E741

    def __post_init__(self) -> None:
        _positive("c", self.c)
        _positive("l", self.l, minimum=0, integer=True)

    @property
    def sensitive(self) -> str | None:
        return self.attribute

    def classes_ok(self, classes: Classes, prepared: Prepared) -> Bools:
        hist, _ = _histogram(classes, prepared, self.attribute)
        n = classes.size
        order = np.lexsort((-hist.count, hist.cls))
        cls, counts = hist.cls[order], hist.count[order]
        first = np.searchsorted(cls, np.arange(n))
        rank = np.arange(cls.size) - first[cls]
        top = np.zeros(n)
        top[cls[rank == 0]] = counts[rank == 0]
        tail = np.bincount(cls, weights=np.where(rank >= self.l - 1, counts, 0), minlength=n)
        result: Bools = (_distinct(hist, n) >= self.l) & (top < self.c * tail)
        return result

    def monotone(self, suppression: bool) -> bool:
        return not suppression

    def describe(self) -> str:
        return f"recursive-({self.c:g},{self.l})-diversity({self.attribute})"



TDistance = Literal["equal", "ordered", "hierarchical"]


@dataclass(frozen=True)
class TCloseness(_Checked):
    """The Earth Mover's Distance between every class's sensitive distribution and
    the whole table's is at most t.

    `distance="equal"`: every two values are 1 apart (half the L1 distance).
    `"ordered"`: values in order v1 < ... < vm are |i-j|/(m-1) apart (numbers, ordinals).
    `"hierarchical"`: values are apart by the height of their lowest common ancestor
    in `hierarchy`, divided by the hierarchy's height (Li et al. 2007, as ARX).

    Guarantee:
        What an adversary learns about a target's sensitive value from locating the
        target's class is bounded by t (distance from the population distribution).
        Unit: the record. Li, Li & Venkatasubramanian, ICDE 2007.
    """

    attribute: str
    t: float
    distance: TDistance = "equal"
    hierarchy: Hierarchy | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not 0 <= self.t <= 1:
            raise UsageError(f"the 't' parameter must be in [0, 1]; got {self.t!r}")
        if self.distance not in ("equal", "ordered", "hierarchical"):
            raise UsageError(f"unknown t-closeness distance {self.distance!r}",
                             hint="use 'equal', 'ordered' or 'hierarchical'")
        if self.distance == "hierarchical" and self.hierarchy is None:
            raise UsageError(f"hierarchical t-closeness of {self.attribute!r} needs a "
                             "hierarchy for the sensitive attribute")

    @property
    def sensitive(self) -> str | None:
        return self.attribute

    def distances(self, classes: Classes, prepared: Prepared) -> Floats:
        """The EMD of every class."""
        hist, column = _histogram(classes, prepared, self.attribute)
        n = classes.size
        size = per_class(hist, hist.count, n)
        p = hist.count / size[hist.cls]
        q = column.overall
        if self.distance == "equal":
            result: Floats = 0.5 * (1.0 + per_class(hist, np.abs(q[hist.value] - p)
                                                    - q[hist.value], n))
            return result
        if self.distance == "ordered":
            return ordered_emd(hist.cls, hist.value, p, q, n)
        if column.hierarchy is None:
            raise UsageError(f"hierarchical t-closeness of {self.attribute!r} needs the "
                             "sensitive attribute prepared with its hierarchy")
        return hierarchical_emd(hist.cls, hist.value, hist.count, n,
                                np.rint(q * prepared.records), column.hierarchy)

    def classes_ok(self, classes: Classes, prepared: Prepared) -> Bools:
        result: Bools = self.distances(classes, prepared) <= self.t
        return result

    def monotone(self, suppression: bool) -> bool:
        return not suppression

    def describe(self) -> str:
        return f"{self.t:g}-closeness({self.attribute}, {self.distance})"



def check_models(frame: pl.DataFrame, models: Sequence[PrivacyModel], *,
                 quasi: Sequence[str]) -> list[CheckResult]:
    """Check a released table against models; all-`*` records count as suppressed."""
    sensitive = sorted({m.sensitive for m in models if m.sensitive is not None})
    hierarchies = {q: _identity(frame, q) for q in quasi}
    sensitive_hierarchies = {m.attribute: m.hierarchy for m in models
                             if isinstance(m, TCloseness) and m.hierarchy is not None}
    prepared = prepare(frame, quasi=quasi, hierarchies=hierarchies, sensitive=sensitive,
                       sensitive_hierarchies=sensitive_hierarchies)
    classes = from_prepared(prepared, [0] * len(quasi))
    suppressed = np.all(np.column_stack([
        np.asarray(h.labels[0], dtype=object)[classes.gen[i]] == SUPPRESSED
        for i, h in enumerate(prepared.hierarchies)]), axis=1)
    results = []
    for model in models:
        ok = model.classes_ok(classes, prepared) | suppressed
        if isinstance(model, AverageRisk):
            ok = model.settle(classes.counts, ~suppressed) | suppressed
        failing = ~ok
        results.append(CheckResult(model.describe(), not failing.any(),
                                   int((~suppressed).sum()), int(failing.sum()),
                                   int(classes.counts[failing].sum())))
    return results


def _identity(frame: pl.DataFrame, column: str) -> Hierarchy:
    values = frame.get_column(column).cast(pl.String).fill_null("").unique().sort().to_list()
    return Hierarchy.from_levels(column, [values])
