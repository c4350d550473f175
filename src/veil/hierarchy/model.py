"""The generalization hierarchy: one column of values and its coarser levels.

A hierarchy is a table with one row per original value: column 0 is the value
itself, column i its generalization at level i. It is valid when level i+1 is
a function of level i (two rows that agree at level i agree above it), the
original values are distinct, and every row has the same number of levels.
This is exactly ARX's hierarchy format, so ARX files import unchanged and the
search over "levels per attribute" means the same thing in both tools.

Values are strings: numbers, dates and codes are compared by their text form,
as ARX does for its default STRING type. A null in the data is looked up as the
empty string, so a hierarchy covers missing values with a row whose first cell
is empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import polars as pl

from veil.errors import HierarchyError

NULL_VALUE = ""


@dataclass(frozen=True)
class Hierarchy:
    """A validated generalization hierarchy for one attribute.

    `levels[i][j]` is original value `levels[0][j]` generalized to level i;
    level 0 is the identity and `height - 1` is the most general level.
    `notes` are remarks a caller should show the user (e.g. that an ARX file repeated
    rows, see `veil.hierarchy.arx_csv`): counts and line numbers, never values. They
    say how the hierarchy was read, not what it is, so they take no part in equality.
    """

    attribute: str
    levels: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        _validate(self.attribute, self.levels)

    @classmethod
    def from_rows(cls, attribute: str, rows: Iterable[Sequence[str]], *,
                  notes: Sequence[str] = ()) -> Hierarchy:
        """Build from rows `value, level1, level2, ...` (one row per original value)."""
        table = [tuple(str(cell) for cell in row) for row in rows]
        if not table:
            raise HierarchyError(f"hierarchy of {attribute!r} has no rows",
                                 hint="give one row per value: value;level1;level2;...")
        width = len(table[0])
        for index, row in enumerate(table):
            if len(row) != width:
                raise HierarchyError(
                    f"hierarchy of {attribute!r}: row {index + 1} has {len(row)} levels, "
                    f"row 1 has {width}",
                    hint="every row needs the same number of levels; repeat the last "
                         "generalization where a value has fewer")
        return cls(attribute, tuple(tuple(row[level] for row in table) for level in range(width)),
                   tuple(notes))

    @classmethod
    def from_levels(cls, attribute: str, levels: Sequence[Sequence[str]]) -> Hierarchy:
        """Build from level columns (level 0 first)."""
        return cls(attribute, tuple(tuple(str(v) for v in column) for column in levels))

    @property
    def height(self) -> int:
        """Number of levels including level 0 (ARX's height; the top level is height - 1)."""
        return len(self.levels)

    @property
    def top(self) -> int:
        """The most general level."""
        return len(self.levels) - 1

    @property
    def values(self) -> tuple[str, ...]:
        """The original values (level 0)."""
        return self.levels[0]

    def rows(self) -> list[tuple[str, ...]]:
        """The table row by row (value first), as ARX writes it."""
        return list(zip(*self.levels, strict=True))

    def frame(self) -> pl.DataFrame:
        """The table as a frame with columns `level0..levelN` (all strings)."""
        return pl.DataFrame({f"level{i}": list(column) for i, column in enumerate(self.levels)},
                            schema={f"level{i}": pl.String for i in range(self.height)})

    def mapping(self, level: int) -> dict[str, str]:
        """Original value -> its generalization at `level`."""
        self._check_level(level)
        return dict(zip(self.levels[0], self.levels[level], strict=True))

    def expression(self, column: str | pl.Expr, level: int) -> pl.Expr:
        """A Polars expression generalizing `column` to `level` (nulls look up as '')."""
        self._check_level(level)
        source = pl.col(column) if isinstance(column, str) else column
        text = source.cast(pl.String).fill_null(NULL_VALUE)
        if level == 0:
            return text
        return text.replace_strict(self.mapping(level), return_dtype=pl.String)

    def missing(self, series: pl.Series) -> int:
        """How many distinct values of `series` the hierarchy does not cover."""
        present = series.cast(pl.String).fill_null(NULL_VALUE).unique()
        return int((~present.is_in(list(self.levels[0]))).sum())

    def check_covers(self, series: pl.Series, *, source: str = "the data") -> None:
        """Raise if some value of `series` has no row (names the count, never the values)."""
        count = self.missing(series)
        if count:
            raise HierarchyError(
                f"hierarchy of {self.attribute!r} does not cover {count} distinct value"
                f"{'s' if count != 1 else ''} of column {self.attribute!r} in {source}",
                hint="add a row for every value the column holds (an empty first cell covers "
                     "missing values), or build one with `veil hierarchy` / the auto builder")

    @cached_property
    def leaf_counts(self) -> tuple[dict[str, int], ...]:
        """Per level: generalized value -> number of original values below it."""
        counts: list[dict[str, int]] = []
        for column in self.levels:
            level_counts: dict[str, int] = {}
            for value in column:
                level_counts[value] = level_counts.get(value, 0) + 1
            counts.append(level_counts)
        return tuple(counts)

    def _check_level(self, level: int) -> None:
        if not 0 <= level < self.height:
            raise HierarchyError(
                f"hierarchy of {self.attribute!r} has levels 0..{self.top}, level {level} asked",
                hint="choose a level within the hierarchy's height")


def _validate(attribute: str, levels: tuple[tuple[str, ...], ...]) -> None:
    """Distinct originals, equal lengths, and level i+1 a function of level i."""
    if not levels or not levels[0]:
        raise HierarchyError(f"hierarchy of {attribute!r} is empty",
                             hint="give one row per value: value;level1;level2;...")
    size = len(levels[0])
    if any(len(column) != size for column in levels):
        raise HierarchyError(f"hierarchy of {attribute!r}: level columns differ in length",
                             hint="every level needs one entry per original value")
    if len(set(levels[0])) != size:
        duplicates = size - len(set(levels[0]))
        raise HierarchyError(
            f"hierarchy of {attribute!r} lists {duplicates} original value(s) more than once",
            hint="each value may appear only once in the first column")
    for level in range(len(levels) - 1):
        parent: dict[str, str] = {}
        conflicts = 0
        for here, above in zip(levels[level], levels[level + 1], strict=True):
            seen = parent.setdefault(here, above)
            if seen != above:
                conflicts += 1
        if conflicts:
            raise HierarchyError(
                f"hierarchy of {attribute!r}: {conflicts} row(s) generalize the same level-"
                f"{level} value to different level-{level + 1} values",
                hint="level i+1 must be a function of level i: equal values at one level "
                     "need equal generalizations above it")
