"""Build string columns from numpy byte matrices, without a Python loop over rows.

A `Chars` is an (n, width) matrix of ASCII codes; for variable-length strings
also a keep mask of the same shape and the row lengths: row i is the string of
its kept bytes, left to right. The generator uses it for fixed-width codes
(digits, check digits, VINs...), which become Arrow string_view arrays that
Polars adopts without copying; texts glued from variable pieces are cheaper
with Polars' `concat_str` (see `_tables`).

Speed notes (numpy 2, 2-core machine, measured): `np.take(table, idx, axis=0)`
is several times faster than building masks or 2-D fancy indexing; integer
`//` by a scalar is ~20x faster than `np.divmod`; narrow column-wise copies
cost ~10 ns per row and piece, so fewer, precomposed pieces pay.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl
import pyarrow as pa

from veil.errors import InternalError

U8 = npt.NDArray[np.uint8]
Bools = npt.NDArray[np.bool_]
Ints = npt.NDArray[np.int64]

HEX_LOWER = b"0123456789abcdef"
HEX_UPPER = b"0123456789ABCDEF"


@dataclass(frozen=True)
class Chars:
    """n strings of at most `width` bytes.

    Fixed width when `keep` is None; else `keep` marks the bytes of each row
    and `lengths` counts them.
    """

    mat: U8
    keep: Bools | None = None
    lengths: Ints | None = None

    @property
    def n(self) -> int:
        return int(self.mat.shape[0])

    @property
    def width(self) -> int:
        return int(self.mat.shape[1])

    def kept(self) -> Bools:
        """The keep mask (a read-only broadcast of True for fixed width)."""
        if self.keep is None:
            return np.broadcast_to(np.True_, self.mat.shape)
        return self.keep

    def row_lengths(self) -> Ints:
        if self.lengths is None:
            return np.full(self.n, self.width, dtype=np.int64)
        return self.lengths

    def when(self, present: Bools) -> Chars:
        """The same strings where `present`, empty strings elsewhere."""
        return Chars(
            self.mat,
            self.kept() & present[:, None],
            np.where(present, self.row_lengths(), 0),
        )


class Words:
    """A fixed list of short strings, to look up by index: `words(idx)`.

    Entries are stored left-aligned and padded, with their keep masks, so a
    lookup is two row gathers (`np.take` along axis 0 is fast; building the
    mask by comparison per row is several times slower).
    """

    def __init__(self, words: Sequence[str]) -> None:
        encoded = [w.encode("ascii") for w in words]
        width = max(1, max((len(w) for w in encoded), default=1))
        mat = np.frombuffer(b"".join(w.ljust(width, b"\0") for w in encoded), dtype=np.uint8)
        self._init(mat.reshape(len(encoded), width), np.array([len(w) for w in encoded]))

    @classmethod
    def of(cls, *parts: Chars) -> Words:
        """The strings of `parts`, one after the other, as a lookup table."""
        width = max(p.width for p in parts)
        lengths = np.concatenate([p.row_lengths() for p in parts])
        mat = np.zeros((lengths.size, width), dtype=np.uint8)
        data = np.concatenate([p.mat[p.kept()] for p in parts])
        mat[np.arange(width)[None, :] < lengths[:, None]] = data
        table = cls.__new__(cls)
        table._init(mat, lengths)
        return table

    def _init(self, mat: U8, lengths: npt.NDArray[np.int_]) -> None:
        self._width = int(mat.shape[1])
        self._table = np.ascontiguousarray(mat)
        self._lengths = lengths.astype(np.int64)
        self._keep = np.arange(self._width)[None, :] < self._lengths[:, None]
        self._fixed = bool((self._lengths == self._width).all())

    def __len__(self) -> int:
        return int(self._lengths.size)

    def __call__(self, idx: Ints) -> Chars:
        mat = np.take(self._table, idx, axis=0)
        if self._fixed:
            return Chars(mat)
        return Chars(mat, np.take(self._keep, idx, axis=0), self._lengths[idx])


_D4 = np.frombuffer(b"".join(b"%04d" % i for i in range(10_000)), dtype=np.uint8)
_D4_WORDS = _D4.view(np.uint32)  # "0000".."9999", one 4-byte element each


def lit(text: str, n: int) -> Chars:
    """The same text on every row."""
    row = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    return Chars(np.broadcast_to(row, (n, row.size)))


def cat(*parts: Chars) -> Chars:
    """Concatenate strings row by row."""
    mat = np.concatenate([p.mat for p in parts], axis=1)
    if all(p.keep is None for p in parts):
        return Chars(mat)
    keep = np.concatenate([p.kept() for p in parts], axis=1)
    lengths = np.zeros(parts[0].n, dtype=np.int64)
    fixed = 0
    for p in parts:
        if p.lengths is None:
            fixed += p.width
        else:
            lengths += p.lengths
    return Chars(mat, keep, lengths + fixed)


def alphabet(codes: Ints, symbols: bytes) -> Chars:
    """Map an (n, k) matrix of indices into `symbols` to k characters per row."""
    table = np.frombuffer(symbols, dtype=np.uint8)
    return Chars(table[codes])


def radix(x: Ints, width: int, symbols: bytes) -> Chars:
    """x written in base len(symbols), left-padded with symbols[0] to `width` places."""
    base = len(symbols)
    powers = base ** np.arange(width - 1, -1, -1, dtype=np.int64)
    return alphabet((x[:, None] // powers) % base, symbols)


def digits(x: Ints, width: int) -> Chars:
    """Non-negative integers as zero-padded decimal strings of `width` digits."""
    groups = -(-width // 4)
    parts: list[U8] = []
    rest = x
    for _ in range(groups):
        high = rest // 10_000
        parts.append(_D4_WORDS[rest - high * 10_000].view(np.uint8).reshape(x.size, 4))
        rest = high
    mat = parts[0] if groups == 1 else np.concatenate(parts[::-1], axis=1)
    return Chars(mat[:, groups * 4 - width :])


def number(x: Ints, width: int) -> Chars:
    """Non-negative integers below 10**width as decimal strings without padding."""
    padded = digits(x, width)
    ndig = np.ones(x.size, dtype=np.int64)
    for k in range(1, width):
        ndig += x >= 10**k
    keep = np.arange(width, dtype=np.int64)[None, :] >= (width - ndig)[:, None]
    return Chars(padded.mat, keep, ndig)


def hexa(x: npt.NDArray[np.uint64], width: int, *, upper: bool = False) -> Chars:
    """Unsigned integers as zero-padded hexadecimal strings of `width` digits."""
    shifts = (4 * np.arange(width - 1, -1, -1)).astype(np.uint64)
    nibbles = ((x[:, None] >> shifts[None, :]) & np.uint64(15)).astype(np.intp)
    return alphabet(nibbles, HEX_UPPER if upper else HEX_LOWER)


def choose(cases: Sequence[Chars], which: Ints) -> Chars:
    """Row i of cases[which[i]]; the cases may differ in width."""
    width = max(c.width for c in cases)
    n = cases[0].n
    mat = np.zeros((n, width), dtype=np.uint8)
    keep = np.zeros((n, width), dtype=np.bool_)
    lengths = np.zeros(n, dtype=np.int64)
    for k, case in enumerate(cases):
        rows = (which == k)[:, None]
        np.copyto(mat[:, : case.width], case.mat, where=rows)
        np.copyto(keep[:, : case.width], case.kept(), where=rows)
        np.copyto(lengths, case.row_lengths(), where=rows[:, 0])
    return Chars(mat, keep, lengths)


def to_arrow(
    chars: Chars, *, valid: Bools | None = None, rows: Ints | None = None, n: int | None = None
) -> pa.LargeStringArray:
    """The strings as an Arrow string array.

    Rows where `valid` is false are null. With `rows` (sorted row numbers),
    `chars` holds only those rows of an n-row column whose other rows are null:
    sparse columns are then built for their present rows only.
    """
    if chars.keep is None:
        data = np.ascontiguousarray(chars.mat).reshape(-1)
    else:
        data = chars.mat[chars.keep]
    lengths = chars.row_lengths()
    if rows is not None:
        if n is None:
            raise InternalError("to_arrow: rows given without n")
        full = np.zeros(n, dtype=np.int64)
        full[rows] = lengths
        lengths = full
        valid = np.zeros(n, dtype=np.bool_)
        valid[rows] = True
    size = lengths.size
    offsets = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    bitmap = None if valid is None else pa.py_buffer(np.packbits(valid, bitorder="little"))
    return pa.LargeStringArray.from_buffers(
        size, pa.py_buffer(offsets), pa.py_buffer(data), bitmap, -1 if valid is not None else 0
    )


def _string_view(chars: Chars, valid: Bools | None) -> pa.Array:
    """Fixed-width strings as an Arrow string_view array, without compacting bytes.

    Each 16-byte view holds the length and, up to 12 bytes, the string itself;
    longer strings point into the byte matrix. Polars adopts it without a copy.
    """
    n, width = chars.n, chars.width
    data = np.ascontiguousarray(chars.mat)
    views = np.zeros((n, 16), dtype=np.uint8)
    words = views.view(np.int32)
    words[:, 0] = width
    bitmap = None if valid is None else pa.py_buffer(np.packbits(valid, bitorder="little"))
    buffers = [bitmap, pa.py_buffer(views)]
    if width <= 12:
        views[:, 4 : 4 + width] = data
    else:
        views[:, 4:8] = data[:, :4]
        words[:, 3] = np.arange(n, dtype=np.int32) * width  # buffer 0, this row's offset
        buffers.append(pa.py_buffer(data))
    return pa.Array.from_buffers(pa.string_view(), n, buffers)


def to_series(name: str, chars: Chars, valid: Bools | None = None) -> pl.Series:
    """The strings as a Polars String series; rows where `valid` is false are null."""
    if chars.keep is None and chars.n * chars.width < 2**31:
        array = _string_view(chars, valid)
    else:
        array = to_arrow(chars, valid=valid)
    series = pl.from_arrow(array)
    if not isinstance(series, pl.Series):  # pragma: no cover - from_arrow of an Array
        raise InternalError("pl.from_arrow of an Arrow array did not give a Series")
    return series.alias(name)
