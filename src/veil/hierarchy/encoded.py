"""A hierarchy as integer arrays, for vectorized generalization and tree distances.

Level l's labels get ids 0..m-1 in sorted label order (deterministic); `maps[l]`
gives each original value's id at level l and `up[l]` each level-l id's parent
id at level l+1, so generalizing a column of ids is one NumPy gather.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl

from veil.hierarchy.model import Hierarchy

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class EncodedHierarchy:
    """A hierarchy as integer arrays: `maps[l][leaf]` is the leaf's id at level l."""

    hierarchy: Hierarchy
    maps: tuple[Ints, ...]
    labels: tuple[tuple[str, ...], ...]  # labels[l][id]
    up: tuple[Ints, ...]  # up[l][id at l] -> id at l + 1
    leaf_shares: tuple[Floats, ...]  # shares[l][id]: leaves under id / all leaves (ARX)

    @property
    def top(self) -> int:
        return len(self.maps) - 1

    def cardinality(self, level: int) -> int:
        return len(self.labels[level])

    @staticmethod
    def build(hierarchy: Hierarchy) -> EncodedHierarchy:
        """Encode `hierarchy` (labels sorted per level)."""
        leaves = len(hierarchy.values)
        maps: list[Ints] = []
        labels: list[tuple[str, ...]] = []
        shares: list[Floats] = []
        for column in hierarchy.levels:
            series = pl.Series(column, dtype=pl.String)
            # dense ranks are ids in sorted label order: deterministic and vectorized
            ids = (series.rank("dense").cast(pl.Int64) - 1).to_numpy()
            uniques = series.unique().sort()
            maps.append(ids.astype(np.int64))
            labels.append(tuple(uniques.to_list()))
            shares.append(np.bincount(ids, minlength=uniques.len()) / leaves)
        up: list[Ints] = []
        for level in range(len(maps) - 1):
            parent = np.zeros(len(labels[level]), dtype=np.int64)
            parent[maps[level]] = maps[level + 1]  # consistent: validated by Hierarchy
            up.append(parent)
        return EncodedHierarchy(hierarchy, tuple(maps), tuple(labels), tuple(up), tuple(shares))
