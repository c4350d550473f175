"""Seeded randomness for the generator, laid out so rows never depend on chunking.

A block of rows gets one independent generator per named stream, seeded from
(seed, block, stream name). Each stream feeds exactly one numpy call, so the
first k values of a stream are the same however many rows of the block are
drawn: row i of the data depends only on (seed, i).
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from veil.errors import InternalError

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

_DOMAIN_ROWS = 0x7E11_0002  # separates row streams from permutation keys (see _perm)


class Streams:
    """The independent generators of one block, by stream name."""

    def __init__(self, seed: int, block: int) -> None:
        self._seed = seed
        self._block = block
        self._used: set[str] = set()

    def __call__(self, name: str) -> np.random.Generator:
        """A fresh generator for `name`; asking twice for one name is a bug."""
        if name in self._used:
            raise InternalError(f"random stream {name!r} drawn twice in one block")
        self._used.add(name)
        tag = zlib.crc32(name.encode())
        seq = np.random.SeedSequence([self._seed, _DOMAIN_ROWS, self._block, tag])
        return np.random.Generator(np.random.PCG64(seq))


def cdf(weights: Sequence[float]) -> Floats:
    """Cumulative shares ending at exactly 1.0."""
    c = np.cumsum(np.asarray(weights, dtype=np.float64))
    c /= c[-1]
    c[-1] = 1.0
    return c


class Shares:
    """Draw indices with given weights from uniform draws, by inverse CDF.

    A guide table (Chen and Asau's indexed search) jumps close to the answer,
    so a draw costs a comparison or two instead of a binary search; the result
    equals `np.searchsorted(cdf, u, side="right")`.
    """

    def __init__(self, weights: Sequence[float]) -> None:
        self.cdf = cdf(weights)
        self.buckets = 4 * self.cdf.size
        starts = np.arange(-1, self.buckets - 1, dtype=np.float64) / self.buckets
        self.guide: Ints = np.searchsorted(self.cdf, np.maximum(starts, 0.0), side="right")

    def __call__(self, u: Floats) -> Ints:
        bucket = np.minimum((u * self.buckets).astype(np.int64), self.buckets - 1)
        idx: Ints = self.guide[bucket]
        todo = np.flatnonzero(self.cdf[idx] <= u)
        while todo.size:
            idx[todo] += 1
            todo = todo[self.cdf[idx[todo]] <= u[todo]]
        return idx


def below(u: Floats, n: Ints | int) -> Ints:
    """Uniform integers in [0, n) from uniform draws u in [0, 1)."""
    out: Ints = np.minimum((u * n).astype(np.int64), np.asarray(n) - 1)
    return out
