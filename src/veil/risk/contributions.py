"""Which quasi-identifiers drive the risk: how many sample uniques disappear when
one attribute, or one pair of attributes, is left out.

An attribute whose removal takes away most uniques is the first one to
generalize. With hierarchies, `generalized_one_level` says how many uniques
disappear when one attribute is generalized one level instead of dropped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import numpy.typing as npt
import polars as pl

from veil.hierarchy.model import Hierarchy
from veil.risk.classes import ColumnCache, encode, runs

_MAX_PAIRS_QI = 12


@dataclass(frozen=True)
class Contribution:
    """Uniques without some attributes, and how many that removes."""

    attributes: tuple[str, ...]
    uniques_without: int
    uniques_removed: int
    share_removed: float  # of all sample uniques


def _pack(codes: list[tuple[npt.NDArray[np.int64], int]], size: int) -> npt.NDArray[np.int64]:
    keys = np.zeros(size, dtype=np.int64)
    cardinality = 1
    for values, card in codes:
        if cardinality * card >= 2**61:
            _, keys = np.unique(keys, return_inverse=True)
            keys = keys.astype(np.int64)
            cardinality = int(keys.max()) + 1 if keys.size else 1
        keys = keys * card + values
        cardinality *= card
    return keys


def _uniques_without(codes: list[tuple[npt.NDArray[np.int64], int]],
                     single: npt.NDArray[np.bool_]) -> int:
    """Sample uniques over fewer attributes, computed on classes, not records.

    A record stays unique only if its coarser class holds exactly one of the
    finer classes and that class has one record: the `single` flag rides in the
    lowest bit of the key, so one sort of class keys answers it.
    """
    if not codes:
        return int(single.size == 1 and single[0])
    keys = np.sort(_pack(codes, single.size) * 2 + (~single).astype(np.int64))
    starts, lengths = runs(keys // 2)
    return int(((lengths == 1) & (keys[starts] % 2 == 0)).sum())


def contributions(frame: pl.DataFrame, quasi: Sequence[str], *, pairs: bool = True,
                  cache: ColumnCache | None = None,
                  ) -> tuple[int, list[Contribution], list[Contribution]]:
    """(uniques over all of `quasi`, per-attribute contributions, per-pair contributions),
    each list sorted by uniques removed, largest first. Suppressed records (all `*`)
    are left out, as everywhere else."""
    cache = {} if cache is None else cache
    encoded = encode(frame, quasi, cache)
    order = np.argsort(encoded.keys)
    starts, sizes = runs(encoded.keys[order])
    first = order[starts]  # one record of each class, in the kept records' numbering
    kept = encoded.kept
    codes = {}
    for name in quasi:
        values, card = cache[name]
        if kept is not None:
            values = values[kept]
        codes[name] = (values[first], card)
    return contributions_of_classes(codes, sizes, quasi, pairs=pairs)


def contributions_of_classes(codes: Mapping[str, tuple[npt.NDArray[np.int64], int]],
                             sizes: npt.NDArray[np.int64], quasi: Sequence[str], *,
                             pairs: bool = True,
                             ) -> tuple[int, list[Contribution], list[Contribution]]:
    """`contributions` from the classes themselves: per class its size and the code of
    each quasi-identifier (`veil.risk.classes.classes_from_counts`)."""
    single = sizes == 1
    total = int(single.sum())

    def without(dropped: tuple[str, ...]) -> Contribution:
        left = _uniques_without([codes[q] for q in quasi if q not in dropped], single)
        removed = total - left
        return Contribution(dropped, left, removed, removed / total if total else 0.0)

    singles = sorted((without((q,)) for q in quasi), key=lambda c: -c.uniques_removed)
    doubles: list[Contribution] = []
    if pairs and 2 < len(quasi) <= _MAX_PAIRS_QI:
        doubles = sorted((without(pair) for pair in combinations(quasi, 2)),
                         key=lambda c: -c.uniques_removed)
    return total, singles, doubles


def generalized_one_level(frame: pl.DataFrame, quasi: Sequence[str], total: int,
                          hierarchies: Mapping[str, Hierarchy]) -> list[Contribution]:
    """Uniques left when each attribute with a hierarchy is generalized one level,
    largest reduction first."""
    from veil.risk.classes import class_sizes  # local: classes imports nothing from here

    result = []
    for name in quasi:
        hierarchy = hierarchies.get(name)
        if hierarchy is None or hierarchy.top == 0:
            continue
        hierarchy.check_covers(frame.get_column(name), source="the data")
        coarser = frame.with_columns(hierarchy.expression(name, 1).alias(name))
        left = class_sizes(coarser, quasi).sample_uniques
        removed = total - left
        result.append(Contribution((name,), left, removed, removed / total if total else 0.0))
    return sorted(result, key=lambda c: -c.uniques_removed)
