"""Equivalence classes over quasi-identifiers: the one core every risk metric,
privacy model and (later) the anonymization search reuse.

Each quasi-identifier is dictionary-encoded to compact integer codes, the codes
are packed into one int64 key per record (mixed radix, re-compacted whenever the
product of cardinalities would overflow), and the keys are sorted once: runs of
equal keys are the classes. Sorting packed integers with NumPy is several times
faster than a hash group-by over string columns when most classes are small,
which is exactly the risky case.

Missing values and suppression follow ARX:
- a null is a value of its own (all nulls of a column are equal), as ARX keeps
  missing values as one dictionary entry;
- a record whose quasi-identifiers are ALL the suppression marker `*` is an
  outlier that was removed by record suppression: it is excluded from the
  classes and counted in `suppressed` (ARX reports risk on the remaining
  records); a `*` in only some quasi-identifiers is an ordinary value (the top
  of a hierarchy), equal to every other `*`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt
import polars as pl

from veil.errors import UsageError

SUPPRESSED = "*"
Codes = npt.NDArray[np.int64]
_PACK_LIMIT = 2**62


@dataclass(frozen=True)
class Encoded:
    """Records as one packed int64 key over the quasi-identifiers (suppressed rows removed)."""

    keys: Codes
    cardinality: int  # an upper bound of distinct keys: keys lie in [0, cardinality)
    suppressed: int
    kept: npt.NDArray[np.bool_] | None  # row mask of records that were not suppressed


def column_codes(series: pl.Series, rows: int | None = None) -> tuple[Codes, int]:
    """Compact integer codes 0..card-1 of a column's values (null is one value).

    `rows`: the records `series` stands for when it holds one entry per distinct
    combination (weighted records, `classes_from_counts`): the coding chosen is the one
    the expanded column would get, so codes (and their order) are the same.
    """
    rows = series.len() if rows is None else rows
    dtype = series.dtype
    if (dtype.is_integer() and dtype != pl.UInt64) or dtype == pl.Boolean:
        values = series.cast(pl.Int64)
    elif isinstance(dtype, pl.Categorical) or dtype.is_temporal():
        # category codes; Date, Datetime, Time and Duration by their integer form
        values = series.to_physical().cast(pl.Int64)
    else:
        # nested values by their JSON text, binary by hex; every value keeps its own code
        if dtype.is_nested():
            text = series.to_frame().select(pl.struct(pl.all()).struct.json_encode()).to_series()
        elif dtype == pl.Binary:
            text = series.bin.encode("hex")
        else:
            text = series.cast(pl.String)
        values = text.cast(pl.Categorical).to_physical().cast(pl.Int64)
    low, high = values.min(), values.max()
    if low is None or high is None:  # all null: one value
        return np.zeros(series.len(), dtype=np.int64), 1
    assert isinstance(low, int) and isinstance(high, int)
    span = high - low + 2  # the last slot is null
    if span <= 4 * rows + 16:
        # dense enough: offsets are codes already, no sort needed (not compact, but exact);
        # held as int32 to halve memory, widened by NumPy where keys are packed
        offsets = (values - low).fill_null(span - 1)
        if span < 2**31:
            offsets = offsets.cast(pl.Int32)
        return offsets.to_numpy(), span
    filled = values.fill_null(low - 1).to_numpy()
    uniques, codes = np.unique(filled, return_inverse=True)
    return codes.astype(np.int64, copy=False), int(uniques.size)


ColumnCache = dict[str, tuple[Codes, int]]


def encode(frame: pl.DataFrame, quasi: Sequence[str], cache: ColumnCache | None = None) -> Encoded:
    """Pack the quasi-identifiers of every non-suppressed record into one key.

    `cache` keeps each column's codes (over all rows of `frame`) so that several
    measures over the same columns encode them once.
    """
    check_columns(frame, quasi)
    kept = _not_suppressed(frame, quasi)
    cache = {} if cache is None else cache
    keys = np.zeros(frame.height if kept is None else int(kept.sum()), dtype=np.int64)
    cardinality = 1
    for name in quasi:
        if name not in cache:
            cache[name] = column_codes(frame.get_column(name))
        codes, card = cache[name]
        if kept is not None:
            codes = codes[kept]
        if cardinality * card >= _PACK_LIMIT:
            keys, cardinality = _compact(keys)
        keys = keys * card + codes
        cardinality *= card
    suppressed = 0 if kept is None else int((~kept).sum())
    return Encoded(keys, cardinality, suppressed, kept)


def _compact(keys: Codes) -> tuple[Codes, int]:
    uniques, codes = np.unique(keys, return_inverse=True)
    return codes.astype(np.int64, copy=False), int(uniques.size)


def _not_suppressed(frame: pl.DataFrame, quasi: Sequence[str]) -> npt.NDArray[np.bool_] | None:
    if any(not _textual(frame.schema[c]) for c in quasi):
        return None  # a number column never holds the marker: no record is all `*`
    text = [pl.col(c) == SUPPRESSED for c in quasi]
    outliers = frame.select(pl.all_horizontal(text).fill_null(False).alias("o")).get_column("o")
    if not outliers.any():
        return None
    return ~outliers.to_numpy()


def _textual(dtype: pl.DataType) -> bool:
    return dtype == pl.String or isinstance(dtype, pl.Categorical | pl.Enum)


def check_columns(frame: pl.DataFrame, names: Sequence[str], *,
                  what: str = "quasi-identifier",
                  empty: str = "give at least one quasi-identifier") -> None:
    """UsageError unless `names` is a list of distinct columns of `frame` (names only)."""
    if isinstance(names, str):
        raise UsageError(f"the {what}s must be a list of column names, not one string")
    if not names:
        raise UsageError(empty)
    if len(set(names)) != len(names):
        raise UsageError(f"a {what} is listed twice")
    missing = [c for c in names if c not in frame.columns]
    if missing:
        prefix = "" if what == "column" else f"{what} "
        raise UsageError(
            f"{prefix}column(s) not in the data: {', '.join(repr(c) for c in missing)}",
            hint=f"the columns are: {', '.join(frame.columns[:30])}",
        )


def runs(sorted_keys: Codes) -> tuple[Codes, Codes]:
    """Start index and length of each run of equal values in a sorted array."""
    n = sorted_keys.size
    if n == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    boundary = np.empty(n, dtype=np.bool_)
    boundary[0] = True
    np.not_equal(sorted_keys[1:], sorted_keys[:-1], out=boundary[1:])
    starts = np.flatnonzero(boundary)
    lengths = np.diff(np.append(starts, n))
    return starts, lengths


@dataclass(frozen=True)
class ClassSizes:
    """The sizes of the equivalence classes of one dataset over its quasi-identifiers."""

    quasi: tuple[str, ...]
    sizes: Codes  # one entry per class
    suppressed: int

    @property
    def records(self) -> int:
        return int(self.sizes.sum())

    @property
    def classes(self) -> int:
        return int(self.sizes.size)

    @property
    def smallest(self) -> int:
        """k: the size of the smallest class (0 for an empty dataset)."""
        return int(self.sizes.min()) if self.sizes.size else 0

    @property
    def largest(self) -> int:
        return int(self.sizes.max()) if self.sizes.size else 0

    @property
    def average(self) -> float:
        return self.records / self.classes if self.classes else 0.0

    @property
    def sample_uniques(self) -> int:
        """Records alone in their class."""
        return int((self.sizes == 1).sum())

    @cached_property
    def histogram(self) -> dict[int, int]:
        """Class size -> number of classes of that size, ascending by size."""
        sizes, counts = np.unique(self.sizes, return_counts=True)
        return {int(s): int(c) for s, c in zip(sizes, counts, strict=True)}


@dataclass(frozen=True)
class WeightedClasses:
    """Equivalence classes built from distinct quasi-identifier combinations and their
    record counts (no record expanded): the sizes, in the order `class_sizes` gives them
    over the expanded records, and each class's column codes (for contributions)."""

    classes: ClassSizes
    codes: dict[str, tuple[Codes, int]]


def classes_from_counts(frame: pl.DataFrame, counts: npt.NDArray[np.int64],
                        quasi: Sequence[str]) -> WeightedClasses:
    """`class_sizes` of the records `frame` stands for: one row per DISTINCT combination of
    exactly `quasi`, `counts` records each (an engine's `group_counts`), in the order the
    records would be expanded in. Same sizes, same order, same codes as `class_sizes` and
    `encode` over the expanded records, in memory proportional to the combinations."""
    check_columns(frame, quasi)
    rows = int(counts.sum())
    kept = _not_suppressed(frame, quasi)
    weights = counts if kept is None else counts[kept]
    suppressed = 0 if kept is None else int(counts[~kept].sum())
    keys = np.zeros(weights.size, dtype=np.int64)
    cardinality = 1
    columns: dict[str, tuple[Codes, int]] = {}
    for name in quasi:
        codes, card = column_codes(frame.get_column(name), rows)
        if kept is not None:
            codes = codes[kept]
        columns[name] = (codes, card)
        if cardinality * card >= _PACK_LIMIT:
            keys, cardinality = _compact(keys)
        keys = keys * card + codes
        cardinality *= card
    # distinct combinations have distinct keys: sorting them orders the classes as the
    # runs of the expanded records' sorted keys
    order = np.argsort(keys, kind="stable")
    sizes = weights[order].astype(np.int64, copy=False)
    return WeightedClasses(
        ClassSizes(tuple(quasi), sizes, suppressed),
        {n: (c[order], card) for n, (c, card) in columns.items()},
    )


def class_sizes(frame: pl.DataFrame, quasi: Sequence[str],
                cache: ColumnCache | None = None) -> ClassSizes:
    """Equivalence class sizes of `frame` over `quasi` (see the module docstring)."""
    encoded = encode(frame, quasi, cache)
    _, lengths = runs(np.sort(encoded.keys))
    return ClassSizes(tuple(quasi), lengths, encoded.suppressed)

