"""What a red-team attack is, and the small tools its builders share.

An `Attack` is a tests/shapes `Extract` (the file, its planted identifiers, its utility
columns) plus checks the shapes auditor does not make:

- `Aligned`: identifying cells that are not identifiers one by one (a birth day of 17, a
  birth month of 5, a birth year of 1931 that reveals an age over 89): they must not come
  out unchanged in the same row of any output column;
- `CleanRows`: a column that must come through unchanged except in the few rows where an
  identifier was typed into it (a category column contaminated by free text);
- `YearCheck`: a date column whose year must be the true year when it comes out as one;
- `AgeCheck`: an age column whose ages up to 89 must stay readable;
- `file_needles`: identifiers in the input file's name.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import polars as pl
from faker import Faker

from tests.shapes import fakes
from tests.shapes.match import normalize
from tests.shapes.model import Category, Extract, Match, Planted

Cell = str | None
Rng = np.random.Generator


@dataclass(frozen=True)
class Aligned:
    """Cells of `column` (where `rows` is true) that must not survive row-aligned: in any
    output column holding at least half of them unchanged (small numbers meet other small
    numbers by chance), or with `same_name`, in the output column of the same name
    (any number of them)."""

    column: str
    category: Category
    rows: tuple[bool, ...] = field(repr=False)
    label: str = ""
    same_name: bool = False


@dataclass(frozen=True)
class YearCheck:
    """A date column whose output, when it is reduced to the year, must hold the true
    year (a date read on the wrong epoch gives a wrong year, silently)."""

    column: str
    years: tuple[int | None, ...] = field(repr=False)


@dataclass(frozen=True)
class CleanRows:
    """Cells of `column` (where `rows` is true) that must come through unchanged."""

    column: str
    rows: tuple[bool, ...] = field(repr=False)


@dataclass(frozen=True)
class AgeCheck:
    """An age column whose ages up to 89 must still be readable in the output: the first
    number of the output cell, in whole years, is the true age (None: not checked)."""

    column: str
    ages: tuple[int | None, ...] = field(repr=False)


@dataclass(frozen=True)
class Attack:
    """One red-team extract and what it aims at."""

    extract: Extract
    aims: str
    """one line: the weakness this extract probes"""
    aligned: tuple[Aligned, ...] = ()
    clean: tuple[CleanRows, ...] = ()
    years: tuple[YearCheck, ...] = ()
    ages: tuple[AgeCheck, ...] = ()
    file_needles: tuple[str, ...] = field(default=(), repr=False)
    """identifying parts of the file's own name: searched in the output's file names,
    reports and the terminal; the name is not shown in results"""


Builder = Callable[[int, int], Attack]


def tools(seed: int, salt: str, locale: str | Sequence[str] = "en_US") -> tuple[Faker, Rng]:
    """A seeded Faker (one locale or several) and a seeded numpy generator."""
    fake = Faker(list(locale) if not isinstance(locale, str) else locale)
    fake.seed_instance(seed * 1_000_003 + zlib.crc32(salt.encode()))
    return fake, np.random.default_rng([seed, zlib.crc32(salt.encode())])


def plant(column: str, category: Category, match: Match, written: Sequence[Cell] | pl.Series,
          needles: Iterable[str], *, label: str | None = None, header: bool = False,
          cells: int | None = None) -> Planted:
    """One planted entry (as tests/shapes/extracts.py builds them): `written` are the
    column's cells holding it (None elsewhere); TEXT needles include the raw values."""
    if isinstance(written, pl.Series):
        written = written.cast(pl.String).to_list()
    raw = frozenset(v.strip() for v in written if v is not None and v.strip())
    if header:
        raw = frozenset(needles)
    count = sum(1 for v in written if v is not None and v.strip())
    needles = list(needles)
    if match is Match.TEXT:
        needles = [*needles, *raw]
    return Planted(column, category, match, normalize(match, needles), raw,
                   count if cells is None else cells, label=label or column, in_header=header)


def cells(values: Sequence[str]) -> list[Cell]:
    """Text values as a column that may also hold nulls."""
    return list(values)


def only(values: Sequence[Cell], keep: Sequence[bool] | np.ndarray) -> list[Cell]:
    return [v if k else None for v, k in zip(values, keep, strict=True)]


def iso(days: Iterable[np.datetime64] | np.ndarray) -> set[str]:
    return set(pl.Series(np.asarray(days, dtype="datetime64[D]")).cast(pl.String).to_list())


def as_dates(days: np.ndarray) -> list[dt.date]:
    return pl.Series(np.asarray(days, dtype="datetime64[D]")).to_list()


def strftime(days: np.ndarray, fmt: str) -> list[str]:
    return pl.Series(np.asarray(days, dtype="datetime64[D]")).dt.strftime(fmt).to_list()


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th ... 11th, 12th, 13th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def repeat(rng: Rng, rows: int, low: int, high: int) -> np.ndarray:
    """Owner index of each row: owners with `low`..`high` rows each, in blocks."""
    counts = rng.integers(low, high + 1, size=rows // low + 1)
    return np.repeat(np.arange(counts.size), counts)[:rows]


def name_needles(first: str, last: str) -> set[str]:
    """A full name in the orders exports write it (the shapes auditor's set, plus the
    DICOM/HL7 caret form)."""
    return fakes.name_needles(first, last) | {f"{last}^{first}".lower()}


def mask(values: Sequence[object], test: Callable[[object], bool]) -> tuple[bool, ...]:
    return tuple(v is not None and test(v) for v in values)


def sprinkle(rng: Rng, rows: int, count: int, *, start: float = 0.0) -> np.ndarray:
    """A boolean mask of `count` random rows at or after the fraction `start` of the file."""
    first = int(rows * start)
    chosen = rng.choice(np.arange(first, rows), size=min(count, rows - first), replace=False)
    out = np.zeros(rows, dtype=bool)
    out[chosen] = True
    return out


def people(fake: Faker, n: int) -> list[tuple[str, str, str]]:
    return fakes.people(fake, n)
