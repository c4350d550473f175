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

from dataclasses import dataclass

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
