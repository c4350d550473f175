"""Evidence that numbers are dates: epoch seconds or milliseconds, spreadsheet
serial days, yyyymmdd integers, as numbers or as strings of digits.

Lab values, counts, codes and ids are numbers too, so a column is a date only
on strong evidence: nearly every value (`CONTENT_SHARE`, or `CONTEXT_SHARE`
with context) decodes to a date in a range plausible for the encoding, there
are several distinct values, and the values do not look like something else
(consecutive integers are a sequence; numbers that fill their whole digit
range are random ids; 10-digit numbers with the NPI checksum are provider
numbers). Ranges, from content alone | with context:

============  ===========================  ===========================
encoding      content alone                with context
============  ===========================  ===========================
epoch_s       1e9-2.1e9 (2001-09 to 2036)  1e8-4e9 (1973-03 to 2096)
epoch_ms      1e12-2.1e12                  1e11-4e12
excel_serial  never (5-digit codes)        3654-73050 (1910 to 2099)
yyyymmdd      18500101-21001231, a valid month and day
============  ===========================  ===========================

Epoch values before 2001 have 9 (or 12) digits like many random ids, 10-digit
phone numbers from 2.1e9 on read as epoch seconds after 2036, and 5-digit
serials overlap ZIP and procedure codes, so those need context: a
date-like header (`DATE_HINT`) or other date columns in the same table
(`veil.scan.dates.revise_numeric_dates`). Header words only ever add
suspicion: they lower thresholds, they never make a column less of a date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import get_args

import polars as pl
from stdnum import luhn

from veil.actions.date_encodings import decode_number
from veil.scan.model import DateEncoding
from veil.scan.recognizer import Header
from veil.scan.sample import ColumnSample

CONTENT_SHARE = 0.99
"""Share of values that must decode to plausible dates when only the content speaks."""
CONTEXT_SHARE = 0.95
"""The same with a date-like header or other date columns in the table."""
MIN_DISTINCT = 3
"""Distinct dates needed from content alone (one repeated number proves nothing)."""

NUMBER_TEXT = r"^[+-]?\d+(\.\d+)?$"
"""Text that is a plain decimal number (a CSV column of numbers)."""

_NPI_SHARE = 0.9
_SEQUENCE_MIN = 20
_ID_FILL = 0.8
_REGULAR_STEPS = 0.2

DATE_HINT = Header(
    strong=("date", "dt", "datetime", "timestamp", "time stamp", "time", "ts", "at", "on",
            "epoch", "unix", "unixtime", "posix", "serial", "excel", "day", "when",
            "admit", "admission", "admitted", "discharge", "discharged", "visit", "service",
            "encounter", "dos", "created", "updated", "modified", "start", "end", "begin",
            "dob", "birth", "born", "bdate", "death", "dod", "died", "deceased"),
    exclude=("count", "year", "years", "yr", "yrs", "days", "hours", "hour", "minutes",
             "minute", "mins", "seconds", "secs", "duration", "los", "length", "interval",
             "elapsed", "age", "id", "number", "num", "no", "nr", "code", "zip", "seq",
             "sequence", "index", "idx", "score", "rate", "dose", "qty", "quantity",
             "weight", "height", "type", "status", "flag", "reason", "location", "unit"),
)
"""Header words that make a numeric date likely (a serial number or a day count is not)."""


@dataclass(frozen=True)
class _Encoding:
    name: DateEncoding
    content: tuple[float, float] | None  # None: never from content alone
    context: tuple[float, float]
    integral: bool
    what: str


ENCODINGS: tuple[_Encoding, ...] = (
    _Encoding("epoch_s", (1e9, 2.1e9), (1e8, 4e9), False, "Unix epoch seconds"),
    _Encoding("epoch_ms", (1e12, 2.1e12), (1e11, 4e12), False, "Unix epoch milliseconds"),
    _Encoding("excel_serial", None, (3654, 73050), False, "spreadsheet serial days"),
    _Encoding("yyyymmdd", (18_500_101, 21_001_231), (18_500_101, 21_001_231), True,
              "yyyymmdd dates"),
)


@dataclass(frozen=True)
class NumericDates:
    """The encoding a column's numbers fit, with the share of values that fit it."""

    encoding: DateEncoding
    share: float
    tested: int  # distinct values decoded
    detail: str


def has_date_hint(header: str) -> bool:
    """True when a normalized header suggests a date (`DATE_HINT`)."""
    return DATE_HINT.score(header) > 0.0


def _distinct_numbers(column: ColumnSample) -> pl.DataFrame | None:
    """Distinct values as Float64 ('x') with row counts ('n'); None for other dtypes."""
    if column.is_numeric:
        return (column.numbers.to_frame("x").group_by("x")
                .agg(pl.len().cast(pl.Int64).alias("n")))
    if column.is_string:
        found = column.matching(NUMBER_TEXT)
        return found.select(pl.col("v").cast(pl.Float64, strict=False).alias("x"),
                            pl.col("n").cast(pl.Int64))
    return None


def _fits(encoding: _Encoding, low: float, high: float, latest_year: int | None) -> pl.Expr:
    """Per distinct value: a number of the encoding's shape that decodes to a plausible date."""
    x = pl.col("x")
    fits = x.is_between(low, high) & decode_number(x, encoding.name).is_not_null()
    if encoding.integral:
        fits = fits & (x == x.floor())
    if latest_year is not None:
        fits = fits & (decode_number(x, encoding.name).dt.year() <= latest_year)
    return fits.fill_null(False)


def numeric_dates(
    column: ColumnSample, *, context: bool, latest_year: int | None = None
) -> NumericDates | None:
    """The date encoding the column's numbers fit, when the evidence is strong enough.

    `context` (a date-like header, other date columns) widens the ranges and
    lowers the share needed; `latest_year` bounds the decoded years (the latest
    year of the table's other dates, plus a margin). None when no encoding fits.
    """
    numbers = _distinct_numbers(column)
    if numbers is None or numbers.height == 0 or column.nonnull == 0:
        return None
    candidates = [(e, e.context if context else e.content) for e in ENCODINGS]
    usable = [(e, r) for e, r in candidates if r is not None]
    fits = numbers.select(
        *((pl.col("n") * _fits(e, *r, latest_year)).sum().alias(e.name) for e, r in usable),
        *(_fits(e, *r, latest_year).sum().alias(f"{e.name}:distinct") for e, r in usable),
    ).row(0, named=True)
    encoding, bounds = max(usable, key=lambda item: int(fits[item[0].name]))
    share = float(fits[encoding.name]) / column.nonnull
    distinct = int(fits[f"{encoding.name}:distinct"])
    needed = CONTEXT_SHARE if context else CONTENT_SHARE
    if share < needed or distinct < (1 if context else MIN_DISTINCT):
        return None
    inside = numbers.filter(_fits(encoding, *bounds, latest_year))
    if encoding.name in ("epoch_s", "epoch_ms") and _looks_like_ids(inside, context=context):
        return None
    detail = f"are {encoding.what}" + (" (with date context)" if context else "")
    return NumericDates(encoding.name, share, distinct, detail)


def _looks_like_ids(numbers: pl.DataFrame, *, context: bool) -> bool:
    """True for consecutive or evenly spaced integers (a sequence), random numbers
    of one length (ids) or 10-digit NPIs (provider numbers).

    Event times a second apart for every row are no health record's, and
    without context nor are times a fixed step apart (with a date header they
    may be a monitor's readings); random
    ids of k digits spread over most of [10**(k-1), 10**k), which dates of one
    digit count (1973-2001 for 9-digit epoch seconds) rarely do; NPIs carry a
    Luhn check digit over the prefix 80840, which one random number in ten
    passes. The checksum runs in Python over at most 300 distinct values.
    """
    values = numbers.get_column("x")
    low, high = values.min(), values.max()
    if values.len() < _SEQUENCE_MIN or not isinstance(low, float) or not isinstance(high, float):
        return False
    if high - low < 2 * values.len():
        return True
    steps = values.sort().diff().drop_nulls()
    if not context and steps.n_unique() <= _REGULAR_STEPS * steps.len():
        return True
    digits = len(str(int(low)))
    if digits == len(str(int(high))) and high - low >= _ID_FILL * 9 * 10 ** (digits - 1):
        return True
    ten_digits = values.filter(values.is_between(1e9, 1e10 - 1) & (values == values.floor()))
    if ten_digits.len() < MIN_DISTINCT:
        return False
    subset = ten_digits.sample(n=min(ten_digits.len(), 300), seed=0).cast(pl.Int64).to_list()
    npis = sum(bool(luhn.is_valid(f"80840{v}")) for v in subset)
    return npis >= _NPI_SHARE * len(subset)


_HINTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"(?i)sas|dtt?m$", ("sas_date", "sas_datetime")),
    (r"(?i)stata|%t[cd]", ("stata_tc", "sas_date")),
    (r"(?i)unix|posix|epoch|(?:^|[^a-z])(?:ts|timestamp|time)(?:$|[^a-z])|[a-z]_at$|^at$",
     ("unix_days", "epoch_s", "epoch_ms")),
    (r"(?i)excel|serial|xl", ("excel_serial",)),
)
"""Header words naming an epoch: they choose among encodings the content allows."""
PLAUSIBLE_SHARE = 0.95
"""Share of values that must decode to a year in 1850..latest for an encoding to stay."""
DISAGREE_DAYS = 4 * 365
"""How much nearer (median days, row by row) to a neighbouring date column one encoding
must be than every other for the neighbours to choose it."""


@dataclass(frozen=True)
class Resolution:
    """The encoding chosen among those of one unit, or None (ambiguous), and why."""

    encoding: DateEncoding | None
    candidates: tuple[str, ...]
    detail: str


def resolve_encoding(values: pl.Series, encoding: DateEncoding, *, header: str,
                     latest_year: int, neighbours: pl.DataFrame | None) -> Resolution:
    """Which of the encodings sharing `encoding`'s unit (days since 1899-12-30, 1960 or
    1970; seconds or milliseconds since 1960 or 1970) the numbers are in.

    The candidates whose years stay in 1850..`latest_year` remain; a header naming
    an epoch (`_sas`, 'stata', 'unix', 'excel') chooses among them; else the
    row-aligned distance to the table's other dates (`neighbours`, day numbers)
    does, when one candidate lies at least `DISAGREE_DAYS` nearer than every other;
    else a single remaining candidate. Otherwise None:
    the column is ambiguous between years decades apart (fail closed).
    """
    import re

    from veil.actions.date_encodings import SAME_UNIT
    from veil.actions.dates import date_of

    family = SAME_UNIT.get(encoding, (encoding,))
    if len(family) == 1:
        return Resolution(encoding, family, "")
    frame = values.to_frame("v")
    days = frame.select(*(date_of(pl.col("v"), values.dtype, encoding=e).cast(pl.Int32).alias(e)
                          for e in family))
    present = max(1, int(values.is_not_null().sum()))
    low = (dt.date(1850, 1, 1) - dt.date(1970, 1, 1)).days
    high = (dt.date(latest_year, 12, 31) - dt.date(1970, 1, 1)).days
    plausible = [e for e in family
                 if float(days.get_column(e).is_between(low, high).sum()) / present
                 >= PLAUSIBLE_SHARE]
    names = ", ".join(family)
    for pattern, hinted in _HINTS:
        chosen = [e for e in hinted if e in plausible]
        if chosen and re.search(pattern, header):
            return Resolution(_as_encoding(chosen[0]), family,
                              f"the header names the epoch ({chosen[0]})")
    if len(plausible) > 1 and neighbours is not None and neighbours.width:
        distance = {e: _nearest(days.get_column(e), neighbours) for e in plausible}
        best = min(plausible, key=lambda e: distance[e])
        if all(distance[e] >= distance[best] + DISAGREE_DAYS for e in plausible if e != best):
            return Resolution(_as_encoding(best), family,
                              f"{best}: agrees row by row with another date column")
    if len(plausible) == 1:
        return Resolution(_as_encoding(plausible[0]), family,
                          f"{plausible[0]}: the only epoch giving plausible years")
    return Resolution(None, family, f"the numbers read as plausible dates in several "
                      f"encodings ({', '.join(plausible) or names}) whose years differ by "
                      "decades, and nothing in the table tells them apart")


def _nearest(mine: pl.Series, neighbours: pl.DataFrame) -> float:
    """The smallest median absolute distance (days) to one of the neighbour columns."""
    best = float("inf")
    for name in neighbours.columns:  # a loop over columns, at most a few dozen
        gap = (mine.cast(pl.Int64) - neighbours.get_column(name).cast(pl.Int64)).abs().median()
        if isinstance(gap, int | float):
            best = min(best, float(gap))
    return best


def _as_encoding(name: str) -> DateEncoding:
    for item in get_args(DateEncoding):
        if item == name:
            return item  # type: ignore[no-any-return]
    raise ValueError(name)
