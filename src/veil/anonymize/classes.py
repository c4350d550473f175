"""Equivalence classes of one transformation (a level per quasi-identifier).

A node's classes are computed either from the prepared distinct tuples or,
much faster, from the classes of a node one generalization step below it:
generalizing merges classes and never splits them (the roll-up property that
Flash and ARX's history exploit), so the parent's class table is a smaller,
exact starting point. Grouping packs the per-column ids into one int64 key and
groups with a dense `bincount` when the key range is small, else a sort.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from veil.anonymize.prepare import Ints, Prepared

_PACK_LIMIT = 2**62


@dataclass(frozen=True, eq=False)
class SensitiveHistogram:
    """Sparse per-class counts of one sensitive attribute, sorted by class."""

    cls: Ints
    value: Ints
    count: Ints


@dataclass(frozen=True, eq=False)
class Classes:
    """The classes of one node: generalized ids per column, sizes, sensitive histograms."""

    levels: tuple[int, ...]
    gen: tuple[Ints, ...]  # per quasi: id of each class's value at the node's level
    counts: Ints
    histograms: tuple[SensitiveHistogram, ...]

    @property
    def size(self) -> int:
        return int(self.counts.size)


def group_rows(keys_by_column: Sequence[Ints], cards: Sequence[int]
               ) -> tuple[Ints, Ints, int]:
    """Group rows by their ids: (a representative row of each group, group index per row, groups).

    Groups are numbered in ascending packed-key order, so results never depend on
    hash order.
    """
    n = keys_by_column[0].size if keys_by_column else 0
    key = np.zeros(n, dtype=np.int64)
    span = 1
    for ids, card in zip(keys_by_column, cards, strict=True):
        if span * card >= _PACK_LIMIT:
            _, key = np.unique(key, return_inverse=True)
            span = int(key.max()) + 1 if n else 1
        key = key * card + ids
        span *= card
    if span <= 4 * n + 1024:
        present = np.bincount(key, minlength=span) > 0
        rank = np.cumsum(present) - 1
        inverse = rank[key]
        groups = int(present.sum())
        first = np.empty(groups, dtype=np.int64)
        first[inverse] = np.arange(n, dtype=np.int64)  # any row represents its group
        return first, inverse.astype(np.int64), groups
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    return first.astype(np.int64), inverse.astype(np.int64), int(first.size)


def unique_keys(keys: Ints, span: int) -> tuple[Ints, Ints]:
    """Sorted distinct keys in [0, span) and each key's index among them.

    A dense presence table when the span is small (no sort), else `np.unique`.
    """
    if span <= 4 * keys.size + 1024:
        present = np.bincount(keys, minlength=span) > 0
        uniq = np.flatnonzero(present)
        rank = np.cumsum(present) - 1
        return uniq.astype(np.int64), rank[keys].astype(np.int64)
    uniq, inverse = np.unique(keys, return_inverse=True)
    return uniq.astype(np.int64), inverse.astype(np.int64)


def _histograms(parent_cls: Ints, values: Ints, counts: Ints, inverse: Ints, groups: int,
                card: int) -> SensitiveHistogram:
    pair = inverse[parent_cls] * card + values
    uniq, inv = unique_keys(pair, groups * card)
    summed = np.bincount(inv, weights=counts, minlength=uniq.size).astype(np.int64)
    return SensitiveHistogram(uniq // card, uniq % card, summed)


def from_prepared(prepared: Prepared, levels: Sequence[int]) -> Classes:
    """Classes of `levels` computed from the distinct tuples."""
    gen = [h.maps[level][column] for h, level, column
           in zip(prepared.hierarchies, levels, prepared.columns, strict=True)]
    cards = [h.cardinality(level) for h, level in zip(prepared.hierarchies, levels, strict=True)]
    first, inverse, groups = group_rows(gen, cards)
    counts = np.bincount(inverse, weights=prepared.weights, minlength=groups).astype(np.int64)
    matrix = tuple(ids[first] for ids in gen)
    rows = np.arange(prepared.weights.size, dtype=np.int64)
    hists = tuple(_histograms(rows, prepared.sensitive_codes[:, s], prepared.weights, inverse,
                              groups, len(column.values))
                  for s, column in enumerate(prepared.sensitive))
    return Classes(tuple(levels), matrix, counts, hists)


def roll_up(prepared: Prepared, parent: Classes, levels: Sequence[int]) -> Classes:
    """Classes of `levels` (each >= the parent's) merged from the parent's classes."""
    gen: list[Ints] = []
    cards: list[int] = []
    for i, (h, low, high) in enumerate(zip(prepared.hierarchies, parent.levels, levels,
                                           strict=True)):
        ids = parent.gen[i]
        for level in range(low, high):
            ids = h.up[level][ids]
        gen.append(ids)
        cards.append(h.cardinality(high))
    first, inverse, groups = group_rows(gen, cards)
    counts = np.bincount(inverse, weights=parent.counts, minlength=groups).astype(np.int64)
    matrix = tuple(ids[first] for ids in gen)
    hists = tuple(_histograms(hist.cls, hist.value, hist.count, inverse, groups,
                              len(column.values))
                  for hist, column in zip(parent.histograms, prepared.sensitive, strict=True))
    return Classes(tuple(levels), matrix, counts, hists)


def per_class(hist: SensitiveHistogram, weights: npt.NDArray[np.float64] | Ints,
              classes: int) -> npt.NDArray[np.float64]:
    """Sum `weights` (one per histogram entry) by class."""
    summed = np.bincount(hist.cls, weights=weights, minlength=classes).astype(np.float64)
    return summed
