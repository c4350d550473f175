"""l-diversity and t-closeness of sensitive attributes over the equivalence classes.

Definitions follow Machanavajjhala et al. 2007 (l-diversity) and Li, Li and
Venkatasubramanian 2007 (t-closeness), as ARX and pycanon implement them:

- distinct l: the fewest distinct sensitive values in any class;
- entropy l: exp of the smallest Shannon entropy (natural log) of a class's
  value distribution, so a class with l equally frequent values scores l;
- recursive (c, l): a class satisfies it when r1 < c * (r_l + ... + r_m) for its
  value counts in descending order; we report the smallest c that every class
  satisfies strictly for the given l (infinite when a class has fewer than l values);
- t-closeness: the largest Earth Mover's Distance between a class's value
  distribution and the whole table's. Equal distance: half the L1 distance.
  Ordered distance (ordinal or numeric values in order v1 < ... < vm):
  sum over i of |cumulative difference up to vi| / (m - 1). Hierarchical distance
  (with a hierarchy of the attribute): Li et al.'s tree EMD (`veil.risk.emd`).

Guarantee:
    A table is distinct/entropy l-diverse for every l up to the reported value and
    t-close for every t at least the reported value, over the given
    quasi-identifiers; records removed by suppression are not counted (as ARX).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl

from veil.hierarchy.encoded import EncodedHierarchy
from veil.hierarchy.model import NULL_VALUE, Hierarchy
from veil.risk.classes import ColumnCache, column_codes, encode, runs
from veil.risk.emd import hierarchical_emd, ordered_emd

Floats = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Diversity:
    """l-diversity and t-closeness of one sensitive attribute."""

    attribute: str
    values: int  # distinct values in the table
    distinct_l: int
    entropy_l: float
    recursive_l: int
    recursive_c: float  # smallest c with every class (c, recursive_l)-diverse; inf if none
    t_equal: float
    t_ordered: float | None  # for numeric/ordinal attributes
    t_hierarchical: float | None  # when a hierarchy of the attribute is given
    per_class_distinct: npt.NDArray[np.int64]
    per_class_t: Floats


def _ordered_codes(series: pl.Series) -> tuple[npt.NDArray[np.int64], int, bool]:
    """Codes in value order when the values have one (numbers, else text order)."""
    if series.dtype.is_numeric():
        values = series.cast(pl.Float64).fill_null(float("inf")).to_numpy()
        uniques, codes = np.unique(values, return_inverse=True)
        return codes.astype(np.int64), int(uniques.size), True
    codes, card = column_codes(series)  # text has no order that matters here
    return codes, card, False


def diversity(frame: pl.DataFrame, quasi: Sequence[str], sensitive: str, *,
              recursive_l: int = 2, cache: ColumnCache | None = None,
              hierarchy: Hierarchy | None = None) -> Diversity:
    """l and t of `sensitive` over the classes of `quasi` (hierarchical t with `hierarchy`)."""
    encoded = encode(frame, quasi, cache)
    data = frame if encoded.kept is None else frame.filter(pl.Series(encoded.kept))
    values, card, numeric = _ordered_codes(data.get_column(sensitive))
    keys = encoded.keys
    if encoded.cardinality * card >= 2**62:
        _, keys = np.unique(keys, return_inverse=True)
    # one sort of (class key, value) pairs gives both the classes and their value counts
    pairs = np.sort(keys.astype(np.int64) * card + values)
    starts, counts = runs(pairs)
    pair_keys = pairs[starts]
    class_starts, _ = runs(pair_keys // card)
    cls = np.repeat(np.arange(class_starts.size), np.diff(np.append(class_starts,
                                                                    pair_keys.size)))
    val = pair_keys % card
    n_classes = int(class_starts.size)
    sizes = np.bincount(cls, weights=counts, minlength=n_classes)
    p = counts / sizes[cls]
    overall = np.bincount(values, minlength=card) / max(values.size, 1)

    distinct = np.bincount(cls, minlength=n_classes).astype(np.int64)
    entropy = np.bincount(cls, weights=-p * np.log(p), minlength=n_classes)
    present_q = np.bincount(cls, weights=overall[val], minlength=n_classes)
    l1 = np.bincount(cls, weights=np.abs(p - overall[val]), minlength=n_classes)
    t_equal = 0.5 * (l1 + (1.0 - present_q))
    # ordered distance only where the values have a numeric order
    t_ordered = ordered_emd(cls, val, p, overall, n_classes) if numeric and card > 1 else None
    t_hier = None
    if hierarchy is not None:
        t_hier = _hierarchical(data.get_column(sensitive), hierarchy, cls, val, counts,
                               n_classes)
    c = _recursive_c(cls, counts, n_classes, recursive_l)
    return Diversity(
        attribute=sensitive,
        values=card,
        distinct_l=int(distinct.min()) if n_classes else 0,
        entropy_l=_snap(math.exp(entropy.min())) if n_classes else 0.0,
        recursive_l=recursive_l,
        recursive_c=c,
        t_equal=float(t_equal.max()) if n_classes else 0.0,
        t_ordered=None if t_ordered is None else float(t_ordered.max()),
        t_hierarchical=None if t_hier is None else (float(t_hier.max()) if n_classes else 0.0),
        per_class_distinct=distinct,
        per_class_t=t_equal,
    )


def _hierarchical(values: pl.Series, hierarchy: Hierarchy, cls: npt.NDArray[np.int64],
                  val: npt.NDArray[np.int64], counts: npt.NDArray[np.int64],
                  n_classes: int) -> Floats:
    """Hierarchical-distance EMD per class: re-code the class histograms by leaf index."""
    hierarchy.check_covers(values, source="the sensitive column")
    codes, _, _ = _ordered_codes(values)
    leaf_of_value = np.zeros(int(codes.max()) + 1 if codes.size else 1, dtype=np.int64)
    leaves = {v: i for i, v in enumerate(hierarchy.values)}
    texts = values.cast(pl.String).fill_null(NULL_VALUE)
    leaf_of_value[codes] = texts.replace_strict(leaves, return_dtype=pl.Int64).to_numpy()
    leaf = leaf_of_value[val]
    global_counts = np.bincount(leaf, weights=counts,
                                minlength=len(hierarchy.values)).astype(np.float64)
    return hierarchical_emd(cls, leaf, counts, n_classes, global_counts,
                            EncodedHierarchy.build(hierarchy))


def _snap(value: float) -> float:
    """exp(ln 3) is 2.9999999999999996 in floating point: snap such values to the integer,
    so a class of l equally frequent values reports exactly l."""
    nearest = round(value)
    return float(nearest) if abs(value - nearest) < 1e-9 else value


def _recursive_c(cls: npt.NDArray[np.int64], counts: npt.NDArray[np.int64], n_classes: int,
                 l_value: int) -> float:
    """Smallest c such that every class has r1 < c * (r_l + ... + r_m).

    `cls` arrives sorted (the pairs are sorted by class), so the l - 1 largest counts of
    every class come from l - 1 rounds of a segmented maximum (`np.maximum.reduceat`),
    each removing one occurrence of the class's maximum: linear time, no sort.
    """
    if n_classes == 0:
        return 0.0
    starts = np.searchsorted(cls, np.arange(n_classes))
    remaining = counts.astype(np.int64, copy=True)
    sizes = np.add.reduceat(remaining, starts)
    top = np.maximum.reduceat(remaining, starts).astype(np.float64)
    removed = np.zeros(n_classes, dtype=np.int64)
    for _ in range(l_value - 1):
        largest = np.maximum.reduceat(remaining, starts)
        hits = np.flatnonzero(remaining == largest[cls])
        first_hit = hits[np.unique(cls[hits], return_index=True)[1]]  # one per class
        removed[cls[first_hit]] += remaining[first_hit]
        remaining[first_hit] = 0
    tail = (sizes - removed).astype(np.float64)
    if (tail == 0).any():
        return math.inf
    return float(np.nextafter((top / tail).max(), math.inf))
