"""Column names are data: a header can hold a date, a name or a record number.

Headers are few, so they are checked here in plain Python (no rows involved):
the value detectors run over each name with '_' and '.' read as spaces, and
adjacent tokens are compared with the name dictionaries ("Smith_John_labs").
A flagged column is reported, and may only be written, as `column_N`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import polars as pl

from veil.categories import Category
from veil.detect.patterns import DETECTORS, first_names, last_names

_SPLIT = re.compile(r"[\s_.\-/]+")
_DAY_MONTH_YEAR = re.compile(
    r"(?i)^(?:[0-3]?[0-9])?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"(?:[0-9]{2}|[0-9]{4})$")
"""05MAY2021, MAY2021, 5may21: a day and month, or a month and year, in one token."""
_COMPACT_DATE = re.compile(r"^(1[89][0-9]{2}|20[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])$")


_NOT_FOR_HEADERS = frozenset({"month_name"})
"""Detectors that do not apply to a header: a column named 'Jan' (monthly counts) names
no one's date."""


def safe_label(index: int) -> str:
    """The stand-in name of the column at 0-based `index`: column_1, column_2..."""
    return f"column_{index + 1}"


_KNOWN: dict[str, tuple[Category, str] | None] = {}
"""Per column name already checked: its finding or None. A name's finding depends on the
name alone, and one run checks the same names many times (scan, policy, plan, the
verification's output names): each check compiles every detector's regular expression,
so each name is checked once per process. Bounded: cleared past `_KNOWN_MAX` names."""
_KNOWN_MAX = 100_000


def header_findings(names: Sequence[str]) -> dict[int, tuple[Category, str]]:
    """Index -> (category, detector) for every identifier-shaped column name."""
    fresh = list(dict.fromkeys(n for n in names if n not in _KNOWN))
    if fresh:
        if len(_KNOWN) + len(fresh) > _KNOWN_MAX:
            _KNOWN.clear()
        _KNOWN.update(_check_names(fresh))
    return {i: hit for i, n in enumerate(names) if (hit := _KNOWN[n]) is not None}


def _check_names(names: list[str]) -> dict[str, tuple[Category, str] | None]:
    """Name -> (category, detector) or None, the detectors run over all names at once."""
    spaced = [n.replace("_", " ").replace(".", " ") for n in names]
    frame = pl.DataFrame({"raw": names, "spaced": spaced}, schema={"raw": pl.String,
                                                                    "spaced": pl.String})
    detectors = [d for d in DETECTORS if d.name not in _NOT_FOR_HEADERS]
    flags = frame.select(
        *[(d.matches(pl.col("raw")) | d.matches(pl.col("spaced"))).alias(d.name)
          for d in detectors]
    )
    found: dict[str, tuple[Category, str] | None] = {}
    for item in detectors:
        for index in flags.get_column(item.name).arg_true().to_list():
            found.setdefault(names[int(index)], (item.category, item.name))
    for name in names:
        if name not in found:
            found[name] = _token_finding(name)
    return found


def _token_finding(name: str) -> tuple[Category, str] | None:
    tokens = [t for t in _SPLIT.split(name) if t]
    upper = [t.upper() for t in tokens]
    firsts, lasts = first_names(), last_names()
    for a, b in itertools.pairwise(upper):
        if (a in firsts and b in lasts) or (a in lasts and b in firsts):
            return Category.NAMES, "name_in_header"
    for a, b in itertools.pairwise(tokens):
        if (a.upper() in lasts and len(b) == 1 and b.isalpha()) or \
                (b.upper() in lasts and len(a) == 1 and a.isalpha() and a.isupper()):
            return Category.NAMES, "name_in_header"  # HERNANDEZ_R, R_Hernandez
    for token in tokens:
        if _COMPACT_DATE.match(token) or _DAY_MONTH_YEAR.match(token):
            return Category.DATES, "date_in_header"
        if token.isdigit() and len(token) >= 5:
            # a record number, or a file exported without its header row
            return Category.OTHER_UNIQUE, "number_in_header"
    return None


def safe_names(names: Sequence[str]) -> list[str]:
    """Each column name, or `column_N` where the name itself is identifying."""
    found = header_findings(names)
    return [safe_label(i) if i in found else n for i, n in enumerate(names)]


WITHHELD = "input"
"""The stem an identifying input file name is replaced by (`input.csv`)."""


def safe_file_name(name: str) -> str:
    """A file name to write or show: itself, or `input<suffix>` when its stem is
    identifying (`SMITH_John_DOB19580314_vitals.csv`): file names are data too."""
    stem, dot, suffix = name.partition(".")
    found = [hit for hit in (*header_findings([stem]).values(), _token_finding(stem))
             if hit is not None and hit[1] != "number_in_header"]
    # a bare number in a file name is more often a size or a batch than a record number
    return f"{WITHHELD}{dot}{suffix}" if found else name
