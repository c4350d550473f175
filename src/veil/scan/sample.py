"""One sampled column and the statistics recognizers share.

Everything over rows is a Polars expression on the column's distinct values
weighted by their counts, so a regex runs once per distinct value, not per row.
Python-level validators (checksums, `phonenumbers`, `ipaddress`) only ever see a
bounded, seeded random subset of at most `VALIDATE_LIMIT` distinct values.
Results are cached per pattern, so rules that share a prefilter pay once.

Regexes are the main cost of a scan, so a column with many distinct values can
first test patterns on a head of its values covering a share of its rows
(`prime_head`, `HEAD_SHARES`). That gives an upper bound of a prefilter's row
share (`share_bound`) that lets the scanner skip a check which cannot reach its
recognizer's `min_share`; the rest is only tested when the exact share is needed.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache, reduce
from typing import TypeVar, cast

import polars as pl

T = TypeVar("T")

VALIDATE_LIMIT = 300
"""How many distinct values a Python validator sees per column and check."""

_CAMEL = re.compile(r"([a-z0-9])([A-Z])|([A-Z]+)([A-Z][a-z])")
_LETTER_DIGIT = re.compile(r"([A-Za-z])(?=[0-9])|([0-9])(?=[A-Za-z])")
_NON_ALNUM = re.compile(r"[^A-Za-z0-9]+")


def normalize_header(name: str) -> str:
    """Lower-case tokens joined by '_': 'DateOfBirth' and 'date-of-birth' -> 'date_of_birth'."""
    text = _CAMEL.sub(lambda m: "_".join(g for g in m.groups() if g), name)
    text = _LETTER_DIGIT.sub(lambda m: (m.group(1) or m.group(2)) + "_", text)
    return _NON_ALNUM.sub("_", text).strip("_").lower()


@dataclass(frozen=True)
class Prefilter:
    """The values that match every pattern and no excluded one.

    A check's gate is a tuple of prefilters whose largest row share bounds the
    check's share (see `veil.scan.recognizer.Check`).
    """

    patterns: tuple[str, ...]
    exclude: tuple[str, ...] = ()

    @property
    def regexes(self) -> tuple[str, ...]:
        return (*self.patterns, *self.exclude)

    @property
    def screening(self) -> tuple[str, ...]:
        """The regexes worth testing on a head: the patterns, or else the exclusions."""
        return self.patterns or self.exclude


HEAD_SHARES = (0.25, 0.55)
"""Shares of a column's rows whose distinct values the scanner tests first, in turn.

A head covering share h rules out a prefilter whose min_share exceeds 1 - h when
too few of the head's rows pass it; 0.25 serves rules needing 80 % of the rows,
0.55 those needing half.
"""
HEAD_MIN_DISTINCT = 1_000
"""Distinct values from which testing a head first pays off."""


@lru_cache(maxsize=64)
def _vocabulary(words: frozenset[str]) -> pl.Series:
    """The words as one list value, for `is_in` (built once per word list)."""
    return pl.Series("words", sorted(words), dtype=pl.String).implode()


@dataclass(frozen=True)
class Share:
    """A share of sampled non-null values, and how many distinct values were validated."""

    share: float
    tested: int


_TEXT_DTYPES = (pl.String, pl.Categorical, pl.Enum)
_NESTED_DTYPES = (pl.List, pl.Array, pl.Struct, pl.Object)


def _dtype_name(dtype: pl.DataType) -> str:
    """The dtype as text, without an Enum's categories (they are values) at any depth."""
    if isinstance(dtype, (pl.Enum, *_NESTED_DTYPES)):
        return type(dtype).__name__
    return str(dtype)


class ColumnSample:
    """One column of the sample: dtype facts, counts, and cached pattern shares."""

    def __init__(self, name: str, series: pl.Series) -> None:
        self.name = name
        self.header = normalize_header(name)
        self.dtype = series.dtype
        self.dtype_name = _dtype_name(series.dtype)
        self.rows = series.len()
        self.values = series.drop_nulls()
        self.nonnull = self.values.len()
        self.null_share = 0.0 if self.rows == 0 else 1.0 - self.nonnull / self.rows
        self._matching: dict[tuple[tuple[str, ...], tuple[str, ...]], pl.DataFrame] = {}
        self._validated: dict[tuple[object, ...], Share] = {}
        self._shares: dict[str, float] = {}
        self._memo: dict[object, object] = {}
        self._contains: dict[str, pl.Series] = {}
        self._head: dict[str, pl.Series] = {}
        self._head_bounds: dict[tuple[Prefilter, int], float] = {}  # by tested size

    # dtype facts ---------------------------------------------------------
    @property
    def is_string(self) -> bool:
        return isinstance(self.dtype, _TEXT_DTYPES)

    @property
    def is_integer(self) -> bool:
        return self.dtype.is_integer()

    @property
    def is_float(self) -> bool:
        return self.dtype.is_float() or isinstance(self.dtype, pl.Decimal)

    @property
    def is_numeric(self) -> bool:
        return self.is_integer or self.is_float

    @property
    def is_temporal(self) -> bool:
        return isinstance(self.dtype, pl.Date | pl.Datetime)

    @property
    def is_binary(self) -> bool:
        return isinstance(self.dtype, pl.Binary)

    @property
    def is_nested(self) -> bool:
        return isinstance(self.dtype, _NESTED_DTYPES)

    @property
    def has_text(self) -> bool:
        """True when the values have a meaningful string form (strings and integers)."""
        return self.is_string or self.is_integer

    # statistics ------------------------------------------------------------
    @property
    def _has_string_form(self) -> bool:
        return self.is_string or self.is_numeric or self.is_temporal or isinstance(
            self.dtype, pl.Boolean | pl.Time
        )

    @cached_property
    def text(self) -> pl.Series:
        """Non-null values as stripped strings (empty for binary, nested, duration...)."""
        if not self._has_string_form:
            return pl.Series("v", [], dtype=pl.String)
        stripped = pl.col("v").cast(pl.String).str.strip_chars()  # one query, not two
        return self.values.to_frame("v").select(stripped).get_column("v")

    @cached_property
    def counts(self) -> pl.DataFrame:
        """Distinct text values ('v') with their row counts ('n'), first-seen order."""
        frame = self.text.to_frame("v")
        if self.text.n_unique() == self.text.len():  # all distinct (ids): nothing to group
            return frame.with_columns(pl.lit(1).cast(pl.get_index_type()).alias("n"))
        return frame.select(
            pl.col("v").unique(maintain_order=True), pl.col("v").unique_counts().alias("n")
        )

    @cached_property
    def distinct(self) -> int:
        if self._has_string_form:
            return self.counts.height
        if self.is_binary or isinstance(self.dtype, pl.Duration):
            return self.values.n_unique()
        return self.nonnull  # nested and object values: assume distinct (fail closed)

    @property
    def distinct_ratio(self) -> float:
        return 0.0 if self.nonnull == 0 else self.distinct / self.nonnull

    @cached_property
    def numbers(self) -> pl.Series:
        """Non-null values as Float64 (empty unless the dtype is numeric)."""
        if not self.is_numeric:
            return pl.Series("v", [], dtype=pl.Float64)
        return self.values.cast(pl.Float64)

    def numeric_share(self, low: float, high: float, *, integral: bool = False) -> float:
        """Share of non-null numeric values within [low, high] (and whole, if asked)."""
        if self.nonnull == 0 or not self.is_numeric:
            return 0.0
        numbers = self.numbers
        inside = numbers.is_between(low, high)
        if integral:
            inside = inside & (numbers.round(0) == numbers)
        return float(inside.sum()) / self.nonnull

    @cached_property
    def _cumulative(self) -> pl.Series:
        """Running row count over the distinct values, in order."""
        return self.counts.get_column("n").cum_sum()

    def head_size(self, share: float) -> int:
        """How many leading distinct values cover `share` of the rows (0: test all at once)."""
        height = self.counts.height if self.has_text else 0
        if height < HEAD_MIN_DISTINCT:
            return 0
        target = share * self.nonnull
        if height == self.nonnull:  # every value distinct: no need to add counts up
            return min(math.ceil(target), height)
        return min(int(self._cumulative.search_sorted(target, side="left")) + 1, height)

    def _tested(self, pattern: str) -> int:
        """How many leading distinct values have been tested against `pattern`."""
        if pattern in self._contains:
            return self.counts.height
        head = self._head.get(pattern)
        return 0 if head is None else head.len()

    def _extend(self, patterns: Iterable[str], size: int) -> None:
        """Test patterns on the first `size` distinct values, batched by where each stopped."""
        by_start: dict[int, list[str]] = {}
        for pattern in dict.fromkeys(patterns):
            start = self._tested(pattern)
            if start < size:
                by_start.setdefault(start, []).append(pattern)
        for start, group in by_start.items():
            found = self.counts.slice(start, size - start).select(
                pl.col("v").str.contains(p).alias(str(i)) for i, p in enumerate(group)
            )
            for i, pattern in enumerate(group):
                part = found.get_column(str(i))
                if start > 0:
                    part = pl.concat([self._head[pattern], part])
                if size == self.counts.height:
                    self._contains[pattern] = part
                    self._head.pop(pattern, None)
                else:
                    self._head[pattern] = part

    def prime_head(self, patterns: Iterable[str], share: float) -> None:
        """Test patterns on the distinct values that cover `share` of the rows, for `share_bound`.

        Does nothing for columns with few distinct values: testing all of them at
        once (`prime`) costs less than several passes.
        """
        size = self.head_size(share)
        if size > 0:
            self._extend(patterns, size)

    def prime(self, patterns: Iterable[str]) -> None:
        """Evaluate many regexes in one vectorized pass (Polars runs them in parallel).

        Patterns already tested on a head (`prime_head`) are tested on the rest only.
        """
        if self.has_text and self.counts.height > 0:
            self._extend(patterns, self.counts.height)

    def contains(self, pattern: str) -> pl.Series:
        """Per distinct value: does the text contain a match of `pattern` (cached, vectorized)."""
        if pattern not in self._contains:
            if pattern in self._head:
                self._extend([pattern], self.counts.height)
            else:
                self._contains[pattern] = self.counts["v"].str.contains(pattern)
        return self._contains[pattern]

    def share_bound(self, prefilter: Prefilter) -> float:
        """An upper bound of the share of rows that pass `prefilter` (exact once primed).

        Uses the regexes tested on the most distinct values (a head, or all of
        them): the rows of the head that pass those, plus every row after it.
        Leaving a regex out only loosens the bound.
        """
        if self.nonnull == 0:
            return 0.0
        sizes = {r: self._tested(r) for r in prefilter.regexes}
        size = max(sizes.values(), default=self.counts.height)
        if size == 0:
            return 1.0
        used = Prefilter(tuple(p for p in prefilter.patterns if sizes[p] == size),
                         tuple(p for p in prefilter.exclude if sizes[p] == size))
        key = (used, size)
        if key not in self._head_bounds:
            self._head_bounds[key] = self._bound(used, size)
        return self._head_bounds[key]

    def _bound(self, prefilter: Prefilter, size: int) -> float:
        """Rows among the first `size` distinct values that pass, plus all rows after them."""
        if size == self.counts.height:
            return self.row_share(*prefilter.patterns, exclude=prefilter.exclude)

        def head(regex: str) -> pl.Series:
            tested = self._contains.get(regex)
            return (self._head[regex] if tested is None else tested).head(size)

        # every regex of `prefilter` was tested on `size` < height values: masks is not empty
        masks = [head(p) for p in prefilter.patterns] + [~head(p) for p in prefilter.exclude]
        passed = reduce(operator.and_, masks)
        counts = self.counts.get_column("n").head(size)
        after = self.nonnull - int(counts.sum())
        return float(int(counts.filter(passed).sum()) + after) / self.nonnull

    @cached_property
    def _upper(self) -> pl.Series:
        return self.counts.get_column("v").str.to_uppercase()

    def in_vocab(self, key: str, words: frozenset[str]) -> pl.Series:
        """Per distinct value: is the upper-cased text one of `words` (cached under `key`)."""
        cache_key = f"vocab:{key}"
        if cache_key not in self._contains:
            self._contains[cache_key] = self._upper.is_in(_vocabulary(words))
        return self._contains[cache_key]

    def mask(self, patterns: tuple[str, ...], exclude: tuple[str, ...] = ()) -> pl.Series:
        """Per distinct value: matches every pattern and no excluded one."""
        result: pl.Series | None = None
        for pattern in patterns:
            hit = self.contains(pattern)
            result = hit if result is None else result & hit
        for pattern in exclude:
            miss = ~self.contains(pattern)
            result = miss if result is None else result & miss
        if result is None:
            return pl.Series("m", [True] * self.counts.height, dtype=pl.Boolean)
        return result

    def share_of(self, mask: pl.Series) -> float:
        """Share of non-null rows whose distinct value is selected by `mask`."""
        if self.nonnull == 0:
            return 0.0
        return float(self.counts["n"].filter(mask).sum()) / self.nonnull

    def matching(self, *patterns: str, exclude: tuple[str, ...] = ()) -> pl.DataFrame:
        """Distinct values (with counts) that match every pattern and no excluded one."""
        key = (patterns, exclude)
        if key not in self._matching:
            mask = self.mask(patterns, exclude)
            # Series.filter runs natively; DataFrame.filter would build a lazy query
            self._matching[key] = pl.DataFrame([c.filter(mask) for c in self.counts.get_columns()])
        return self._matching[key]

    def row_share(self, *patterns: str, exclude: tuple[str, ...] = ()) -> float:
        """Share of non-null rows whose text matches every pattern (vectorized)."""
        return self.share_of(self.mask(patterns, exclude)) if self.nonnull else 0.0

    def memo(self, key: object, compute: Callable[[], T]) -> T:
        """`compute()` once per key and column (for checks several rules share)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return cast(T, self._memo[key])

    def expr_share(self, key: str, predicate: pl.Expr) -> float:
        """Share of non-null rows whose text satisfies a boolean expression on column 'v'.

        `key` names the predicate for the cache; equal keys must mean equal predicates.
        """
        if self.nonnull == 0:
            return 0.0
        if key not in self._shares:
            found = self.counts.filter(predicate)["n"].sum()
            self._shares[key] = float(found) / self.nonnull
        return self._shares[key]

    def vocab_share(self, key: str, words: frozenset[str]) -> float:
        """Share of rows whose upper-cased text is one of `words` (vectorized `is_in`)."""
        return self.share_of(self.in_vocab(key, words)) if self.nonnull else 0.0

    def spread(self, frame: pl.DataFrame) -> pl.DataFrame:
        """At most VALIDATE_LIMIT rows of `frame`, drawn with a fixed seed (deterministic).

        Random rather than evenly spaced, so periodic or sorted data cannot alias.
        """
        if frame.height <= VALIDATE_LIMIT:
            return frame
        return frame.sample(n=VALIDATE_LIMIT, seed=0)

    def validated(
        self,
        validator: Callable[[str], bool],
        *patterns: str,
        exclude: tuple[str, ...] = (),
    ) -> Share:
        """Estimated share of rows that pass the prefilter patterns and the validator.

        The validator runs on a seeded random subset of at most VALIDATE_LIMIT
        distinct prefiltered values; its pass rate, weighted by row counts, scales
        the prefilter share.
        """
        key = (validator, patterns, exclude)
        if key in self._validated:
            return self._validated[key]
        candidates = self.matching(*patterns, exclude=exclude)
        if candidates.height == 0 or self.nonnull == 0:
            result = Share(0.0, 0)
        else:
            subset = self.spread(candidates)
            # Python loop over at most VALIDATE_LIMIT distinct values, never over rows.
            passed = [validator(v) for v in subset["v"].to_list()]
            weights = subset["n"].to_list()
            pass_rate = sum(w for w, ok in zip(weights, passed, strict=True) if ok) / sum(weights)
            prefiltered = float(candidates["n"].sum()) / self.nonnull
            result = Share(prefiltered * pass_rate, subset.height)
        self._validated[key] = result
        return result

    @cached_property
    def text_stats(self) -> tuple[float, float]:
        """Median length in characters and median number of words of the text values."""
        if self.text.len() == 0:
            return (0.0, 0.0)
        stats = self.text.to_frame("v").select(
            pl.col("v").str.len_chars().median().alias("len"),
            (pl.col("v").str.count_matches(r"\s+") + 1).median().alias("words"),
        )
        return (float(stats["len"][0]), float(stats["words"][0]))
