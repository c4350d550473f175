"""Which quasi-identifiers drive the risk: how many sample uniques disappear when
one attribute, or one pair of attributes, is left out.

An attribute whose removal takes away most uniques is the first one to
generalize. (Contribution of generalizing one level needs hierarchies, which
come with the anonymization search.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import numpy.typing as npt
import polars as pl

from veil.risk.classes import ColumnCache, encode, runs

_MAX_PAIRS_QI = 12


@dataclass(frozen=True)
class Contribution:
    """Uniques without some attributes, and how many that removes."""

    attributes: tuple[str, ...]
    uniques_without: int
    uniques_removed: int
    share_removed: float  # of all sample uniques


def _uniques(codes: list[tuple[npt.NDArray[np.int64], int]]) -> int:
    keys = np.zeros(codes[0][0].size if codes else 0, dtype=np.int64)
    cardinality = 1
    for values, card in codes:
        if cardinality * card >= 2**62:
            _, keys = np.unique(keys, return_inverse=True)
            keys = keys.astype(np.int64)
            cardinality = int(keys.max()) + 1 if keys.size else 1
        keys = keys * card + values
        cardinality *= card
    if keys.size == 0:
        return 0
    _, lengths = runs(np.sort(keys))
    return int((lengths == 1).sum())


def contributions(frame: pl.DataFrame, quasi: Sequence[str], *, pairs: bool = True,
                  cache: ColumnCache | None = None,
                  ) -> tuple[int, list[Contribution], list[Contribution]]:
    """(uniques over all of `quasi`, per-attribute contributions, per-pair contributions),
    each list sorted by uniques removed, largest first. Suppressed records (all `*`)
    are left out, as everywhere else."""
    encoded = encode(frame, quasi, cache)
    cache = cache or {}
    kept = encoded.kept
    codes = {name: (cache[name][0] if kept is None else cache[name][0][kept], cache[name][1])
             for name in quasi}
    total = _uniques([codes[q] for q in quasi])

    def without(dropped: tuple[str, ...]) -> Contribution:
        rest = [codes[q] for q in quasi if q not in dropped]
        left = _uniques(rest) if rest else 0
        removed = total - left
        return Contribution(dropped, left, removed, removed / total if total else 0.0)

    singles = sorted((without((q,)) for q in quasi), key=lambda c: -c.uniques_removed)
    doubles: list[Contribution] = []
    if pairs and 2 < len(quasi) <= _MAX_PAIRS_QI:
        doubles = sorted((without(pair) for pair in combinations(quasi, 2)),
                         key=lambda c: -c.uniques_removed)
    return total, singles, doubles
