"""Keyed bijections of integer ranges, to give every row a unique random-looking number.

A 4-round Feistel network permutes [0, 2**(2h)); cycle walking restricts it to
[0, n). Applied to the absolute row index, it makes identifiers (SSN, MRN...)
unique across a whole dataset with no set of issued values, whatever the
chunking. It is a generator of test data, not a cipher.
"""

from __future__ import annotations

import zlib

import numpy as np
import numpy.typing as npt

U64 = npt.NDArray[np.uint64]

_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_KEY_DOMAIN = 0x7E11_0001  # separates permutation keys from row streams


def key(seed: int, tag: str) -> U64:
    """Four 64-bit round keys for the permutation named `tag` under `seed`."""
    seq = np.random.SeedSequence([seed, _KEY_DOMAIN, zlib.crc32(tag.encode())])
    keys: U64 = seq.generate_state(4, dtype=np.uint64).astype(np.uint64)
    return keys


def _mix(x: U64, k: np.uint64) -> U64:
    """A splitmix64-style finalizer of x keyed by k (wrapping uint64 arithmetic)."""
    z = (x ^ k) * _M1
    z ^= z >> np.uint64(31)
    z *= _M2
    z ^= z >> np.uint64(29)
    return z


def feistel(x: U64, half_bits: int, keys: U64) -> U64:
    """A bijection of [0, 2**(2*half_bits)) for 1 <= half_bits <= 32."""
    mask = np.uint64((1 << half_bits) - 1)
    shift = np.uint64(half_bits)
    left = x >> shift
    right = x & mask
    for k in keys:
        left, right = right, left ^ (_mix(right, k) & mask)
    out: U64 = (left << shift) | right
    return out


def permute(x: U64, n: int, keys: U64) -> U64:
    """A bijection of [0, n) (n <= 2**64), applied to every element of x (all < n)."""
    half_bits = max(1, ((n - 1).bit_length() + 1) // 2)
    y = feistel(x, half_bits, keys)
    if n >= 1 << 64:
        return y
    limit = np.uint64(n)
    out = y.copy()
    todo = np.flatnonzero(out >= limit)
    while todo.size:
        out[todo] = feistel(out[todo], half_bits, keys)
        todo = todo[out[todo] >= limit]
    return out
