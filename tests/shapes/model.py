"""The ground truth of an extract: which values were planted where, of which Safe Harbor
category, how a survivor is recognized, and which columns must come through unchanged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import polars as pl


class Category(StrEnum):
    """The identifiers of 45 CFR 164.514(b)(2)(i), by letter (P and Q are not tabular)."""

    NAME = "A names"
    GEOGRAPHY = "B geography below state"
    DATE = "C dates (day precision)"
    AGE_OVER_89 = "C ages over 89"
    PHONE = "D telephone"
    FAX = "E fax"
    EMAIL = "F email"
    SSN = "G ssn"
    MRN = "H medical record number"
    HEALTH_PLAN = "I health plan number"
    ACCOUNT = "J account number"
    LICENSE = "K certificate or license"
    VEHICLE = "L vehicle"
    DEVICE = "M device"
    URL = "N url"
    IP = "O ip address"
    OTHER = "R other unique number"


class Match(StrEnum):
    """How a surviving planted value is recognized in an output cell.

    TEXT   a needle (case-folded, whitespace collapsed) occurs inside the normalized cell
    CODE   a needle (letters and digits only, case-folded) occurs inside the cell reduced
           the same way: "123-45-6789" survives as "123 45 6789" or 123456789
    TOKEN  a needle is a whole letters-and-digits token of the cell (ZIP codes)
    DATE   the planted day survives in any form: a typed date, a date string in a common
           format, or a number read as epoch s/ms/us/ns, epoch days, spreadsheet serial
           days or yyyymmdd
    COORD  a planted coordinate survives to two decimals (about a kilometre) or finer
    AGE    a value in the same column reads as an age over 89 ("92", "92yo", "ninety-two")
    """

    TEXT = "text"
    CODE = "code"
    TOKEN = "token"
    DATE = "date"
    COORD = "coord"
    AGE = "age"


@dataclass(frozen=True)
class Planted:
    """Identifiers planted in one column (a dotted path for nested fields)."""

    column: str
    category: Category
    match: Match
    needles: frozenset[str] = field(repr=False)
    """What counts as the identifier surviving, already normalized for `match`:
    ISO days for DATE, two-decimal strings for COORD, empty for AGE."""
    raw: frozenset[str] = field(repr=False)
    """The planted values as written in the input, for the exact-match count and the
    search of reports and messages."""
    cells: int = 0
    """Source cells holding a planted value of this entry."""
    label: str = ""
    """How messages name this entry: the column, or a placeholder when the column's
    name is itself the identifier (messages never show a planted value)."""
    in_header: bool = False
    """The identifier is in the column's name, not in its cells."""


class Utility(StrEnum):
    """How a column that must survive is compared with its input."""

    EXACT = "exact"
    """every cell unchanged (whitespace trimmed; numbers compared as numbers)"""
    AGES_TO_89 = "ages up to 89"
    """the multiset of ages of 89 and under (whole years), parsed from words and
    abbreviations, kept"""


@dataclass(frozen=True)
class Extract:
    """One EHR extract: its data, what was planted in it, and how to write it."""

    name: str
    shape: str
    """one line: what makes this extract different"""
    frame: pl.DataFrame = field(repr=False)
    planted: tuple[Planted, ...] = field(repr=False)
    utility: dict[str, Utility] = field(default_factory=dict)
    suffix: str = ".csv"
    writer: Callable[[pl.DataFrame, Path], None] | None = None
    """writes the file when the default writer for `suffix` is not the shape wanted"""
    separator: str = ","
    has_header: bool = True
    """False for a CSV written without its header row (columns column_1, column_2, ...)"""

    def write(self, directory: Path) -> Path:
        """Write the extract as a file in `directory` and return its path."""
        path = directory / f"{self.name}{self.suffix}"
        if self.writer is not None:
            self.writer(self.frame, path)
        elif self.suffix == ".csv":
            self.frame.write_csv(path, separator=self.separator,
                                 include_header=self.has_header)
        elif self.suffix == ".parquet":
            self.frame.write_parquet(path)
        elif self.suffix == ".jsonl":
            self.frame.write_ndjson(path)
        else:
            raise ValueError(f"no writer for {self.suffix}")
        return path

    def categories(self) -> set[Category]:
        return {p.category for p in self.planted}
