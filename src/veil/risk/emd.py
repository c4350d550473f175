"""Earth Mover's Distances of class distributions from the table's (t-closeness).

Shared by the risk measurement and the anonymization search. Classes arrive as a
sparse histogram sorted by class: `cls[i]` holds `count[i]` records of value
`value[i]`. Dense per-class rows are built in chunks of classes so memory stays
bounded whatever the number of classes.

- ordered distance (Li et al. 2007): values in order v1 < ... < vm are |i-j|/(m-1)
  apart; the EMD is the sum of absolute cumulative differences / (m-1), m counting
  the values that occur in the table;
- hierarchical distance: values are apart by the level of their lowest common
  ancestor / the hierarchy's height; computed bottom-up as Li et al. (and ARX) do:
  each inner node moves min(positive, negative) surplus of its children at a cost of
  its level / height. Integer arithmetic in float64 is exact here (counts < 2^53).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import numpy.typing as npt

from veil.hierarchy.encoded import EncodedHierarchy

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
_CHUNK_CELLS = 8_000_000


def _chunks(cls: Ints, value: Ints, weights: Floats, n: int,
            width: int) -> list[tuple[int, int, Floats]]:
    per_chunk = max(1, _CHUNK_CELLS // max(width, 1))
    bounds = np.searchsorted(cls, np.arange(0, n + per_chunk, per_chunk))
    chunks = []
    for index, start in enumerate(range(0, n, per_chunk)):
        stop = min(start + per_chunk, n)
        lo, hi = bounds[index], bounds[index + 1]
        dense = np.zeros((stop - start, width))
        dense[cls[lo:hi] - start, value[lo:hi]] = weights[lo:hi]
        chunks.append((start, stop, dense))
    return chunks


def ordered_emd(cls: Ints, value: Ints, share: Floats, overall: Floats, n: int) -> Floats:
    """Ordered-distance EMD per class; `share` is the value's share within its class and
    `overall` the table's distribution over the value codes (in value order)."""
    present = np.flatnonzero(overall > 0)
    m = present.size
    result = np.zeros(n)
    if m <= 1:
        return result
    for start, stop, dense in _chunks(cls, value, share, n, overall.size):
        diff = np.cumsum(dense[:, present] - overall[present], axis=1)[:, :-1]
        result[start:stop] = np.abs(diff).sum(axis=1) / (m - 1)
    return result


def hierarchical_emd(cls: Ints, value: Ints, count: Ints, n: int, global_counts: Floats,
                     hierarchy: EncodedHierarchy) -> Floats:
    """Hierarchical EMD per class; `value` are leaf indexes of `hierarchy` and
    `global_counts` the table's record count per leaf."""
    height = hierarchy.top
    result = np.zeros(n)
    if height == 0 or n == 0:
        return result
    records = float(global_counts.sum())
    sizes = np.bincount(cls, weights=count, minlength=n)
    for start, stop, dense in _chunks(cls, value, count.astype(np.float64), n,
                                      global_counts.size):
        q_total = sizes[start:stop, None]
        net = global_counts[None, :] * q_total - dense * records  # leaf surplus, scaled
        cost = np.zeros(stop - start)
        for level in range(1, height + 1):
            parent = _indicator(hierarchy, level)
            positive = np.maximum(net, 0) @ parent
            negative = np.maximum(-net, 0) @ parent
            cost += (level / height) * np.minimum(positive, negative).sum(axis=1)
            net = net @ parent
        result[start:stop] = cost / (records * sizes[start:stop])
    return result


@lru_cache(maxsize=64)
def _indicator(hierarchy: EncodedHierarchy, level: int) -> Floats:
    """0/1 matrix from the ids of level-1 (leaf indexes for level 1) to the ids of `level`."""
    if level == 1:
        below = len(hierarchy.hierarchy.values)
        targets = hierarchy.maps[1]
    else:
        below = hierarchy.cardinality(level - 1)
        targets = hierarchy.up[level - 1]
    matrix = np.zeros((below, hierarchy.cardinality(level)))
    matrix[np.arange(below), targets] = 1.0
    return matrix
