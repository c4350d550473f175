"""Dates: parse any common date form, reduce to the year, derive ages.

Parsing tries a list of explicit formats (ISO dates and timestamps, US
`03/14/1958`, `14-Mar-1958`, `March 14, 1958`, compact `19580314`...) and takes
the first that matches, vectorized with `pl.coalesce`. A string that matches no
format falls back to a plain four-digit year inside it; anything else becomes
null. The original text never passes through.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from veil.actions.context import ActionContext
from veil.actions.date_encodings import NUMERIC_ENCODINGS, decode, is_text
from veil.errors import InternalError
from veil.policy.models import AgeFromBirthDate, YearOnly

DATETIME_FORMATS: tuple[str, ...] = (
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%dT%H:%M:%S%.fZ",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%dT%H:%M:%SZ",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %I:%M %p",
)
DATE_FORMATS: tuple[str, ...] = (
    "%Y-%m-%d",
    "%m/%d/%Y",
    "%d-%b-%Y",
    "%d %b %Y",
    "%b %d, %Y",
    "%b %d %Y",
    "%Y/%m/%d",
    "%d.%m.%Y",
    "%Y%m%d",
    "%m-%d-%Y",
)
# Polars 1.36 panics in strptime on some inputs with %B (e.g. "05 Sep 1933" against
# "%d %B %Y"), so full month names are shortened to their %b form before parsing.
_MONTH_NAME = r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
# a standalone four-digit year, or the year of a compact yyyymmdd
_YEAR_IN_TEXT = r"(?:^|[^0-9])((?:1[6-9]|20)[0-9]{2})(?:[^0-9]|$|[01][0-9][0-3][0-9]$)"


def _empty(expr: pl.Expr, dtype: pl.DataType) -> pl.Expr:
    """All null, one row per row of `expr`: for dtypes that cannot hold a date."""
    return pl.when(expr.is_null() & expr.is_not_null()).then(pl.lit(None, dtype))


def _holds_no_date(dtype: pl.DataType) -> bool:
    """Time, Duration (a length of stay), Boolean, Binary, nested and Null columns."""
    return not (
        dtype.is_numeric() or is_text(dtype) or isinstance(dtype, pl.Date | pl.Datetime)
    )


def parse_date(expr: pl.Expr, dtype: pl.DataType, formats: tuple[str, ...] = ()) -> pl.Expr:
    """A Date expression from a column of any date-like type; unparseable -> null.

    Date and Datetime (any unit; a zone-aware one gives its local date) pass;
    integers are read as yyyymmdd; text is tried against `formats`, then the
    built-in formats. Dtypes that cannot hold a date give nulls.
    """
    if dtype == pl.Date:
        return expr
    if isinstance(dtype, pl.Datetime):
        return expr.dt.date()
    if _holds_no_date(dtype):
        return _empty(expr, pl.Date())
    if dtype.is_integer():
        # yyyymmdd integers; a bare year has no day and is handled by `year_of`
        return expr.cast(pl.String).str.to_date("%Y%m%d", strict=False)
    plain = expr.cast(pl.String).str.strip_chars()
    # Each candidate below evaluates its input anew, so the month-name rewrite (a
    # regex) is only paid by the formats with month names.
    named = plain.str.replace_all(_MONTH_NAME, "$1")

    def text(fmt: str) -> pl.Expr:
        return named if "%b" in fmt or "%B" in fmt else plain

    candidates = [text(f).str.to_datetime(f, strict=False).dt.date() for f in formats]
    candidates += [
        text(f).str.to_datetime(f, strict=False, time_zone="UTC").dt.date()
        if f.endswith("%z") else text(f).str.to_datetime(f, strict=False).dt.date()
        for f in DATETIME_FORMATS
    ]
    candidates += [text(f).str.to_date(f, strict=False) for f in DATE_FORMATS]
    return pl.coalesce(candidates)


def date_of(expr: pl.Expr, dtype: pl.DataType, *, encoding: str = "auto",
            formats: tuple[str, ...] = ()) -> pl.Expr:
    """A Date expression from a column in `encoding` (see `year_of`); null where none."""
    if encoding in NUMERIC_ENCODINGS and not (dtype == pl.Date or isinstance(dtype, pl.Datetime)):
        decoded = decode(expr, dtype, encoding)
        return _empty(expr, pl.Date()) if decoded is None else decoded
    if encoding == "text" and not _holds_no_date(dtype):
        return parse_date(expr.cast(pl.String), pl.String(), formats)
    return parse_date(expr, dtype, formats)


def year_of(
    expr: pl.Expr,
    dtype: pl.DataType,
    formats: tuple[str, ...] = (),
    *,
    encoding: str = "auto",
) -> pl.Expr:
    """The year (Int32) of a date-like column, or null where there is none.

    A Date or Datetime gives its year whatever `encoding` says. Numbers and
    digit strings in a numeric `encoding` (see `veil.actions.date_encodings`)
    are decoded; `text` parses any dtype's text form; `auto` reads text as
    dates, integers as 4-digit years or yyyymmdd, and floats as 4-digit years.
    Time, Duration, Boolean, Binary and nested columns hold no date: all null.
    """
    if dtype == pl.Date or isinstance(dtype, pl.Datetime):
        return expr.dt.year().cast(pl.Int32)
    if _holds_no_date(dtype):
        return _empty(expr, pl.Int32())
    if encoding in NUMERIC_ENCODINGS:
        decoded = decode(expr, dtype, encoding)
        if decoded is None:  # unreachable: every remaining dtype is numeric or text
            raise InternalError("a numeric or text dtype could not be decoded")
        return decoded.dt.year().cast(pl.Int32)
    if encoding == "text" or is_text(dtype):
        return _year_of_text(expr.cast(pl.String), formats)
    if encoding != "auto":
        raise ValueError(f"unknown date encoding {encoding!r}")
    value = expr.cast(pl.Int64, strict=False)
    if dtype.is_integer():
        return (
            pl.when(value.is_between(1000, 9999)).then(value)
            .when(value.is_between(10_000_101, 99_991_231)).then(value // 10_000)
            .otherwise(None)
            .cast(pl.Int32)
        )
    whole = pl.when(expr.cast(pl.Float64).round(0) == expr.cast(pl.Float64)).then(value)
    return pl.when(whole.is_between(1000, 9999)).then(whole).otherwise(None).cast(pl.Int32)


def _year_of_text(text: pl.Expr, formats: tuple[str, ...]) -> pl.Expr:
    """The year of date text: user formats first, then the first standalone year.

    Every accepted date form writes the year as the first standalone group of
    four digits (ISO, US, day-month-name, month-name-day-year) or as the first
    four of eight compact digits. One regex pass is ~30x faster than trying
    every format, and only the year leaves either way.
    """
    year = text.str.extract(_YEAR_IN_TEXT, 1).cast(pl.Int32, strict=False)
    if not formats:
        return year
    parsed = parse_date(text, pl.String(), formats).dt.year().cast(pl.Int32)
    return pl.coalesce([parsed, year])


def aggregate_old_years(year: pl.Expr, reference: dt.date, over_89: str) -> pl.Expr:
    """Years that may reveal an age over 89 at `reference` become one category.

    A person born in year Y is 90 or older at some point of `reference.year`
    when Y <= reference.year - 90; those years become that boundary year
    ("this year or earlier") or null.
    """
    boundary = reference.year - 90
    # clip, not when/then: `year` is then computed once per row, not twice
    collapsed = year.clip(lower_bound=boundary)
    return collapsed if over_89 == "collapse" else collapsed.replace(boundary, None)


def year_only(rule: YearOnly, ctx: ActionContext) -> pl.Expr:
    """The year of each date (decoded as `rule.encoding` says), old years aggregated."""
    year = year_of(ctx.col, ctx.dtype, rule.formats, encoding=rule.encoding)
    if rule.top_code_years:
        year = aggregate_old_years(year, ctx.reference_date, rule.over_89)
    return year


_MAX_AGE = 150
"""Ages above this (or below 0) are not ages: null."""


def _day_number(date: pl.Expr) -> pl.Expr:
    """A Date as the integer yyyymmdd, using `date` once.

    Polars evaluates an expression once per use inside when/then and coalesce
    (common subexpressions there are not shared), so a date parsed from text
    and used three times (year, month, day) costs three parses.
    """
    return date.dt.to_string("%Y%m%d").cast(pl.Int32, strict=False)


def age_in_years(birth: pl.Expr, reference: pl.Expr) -> pl.Expr:
    """Completed years between two Date expressions (each evaluated once).

    yyyymmdd numbers differ by 10000 per year and by less within one, so the
    floor of their difference over 10000 counts the birthdays reached.
    """
    return (_day_number(reference) - _day_number(birth)) // 10_000


def top_code_ages(age: pl.Expr, at: int, label: str) -> pl.Expr:
    """Ages as whole-year text, with every age >= `at` written as `label`;
    anything outside 0-150 (or not a number) -> null.

    One lookup over the 151 possible ages, so `age` is evaluated once: a slice of one
    literal string holding every answer at a fixed width (NUL-padded; an empty entry is
    null). Not `replace_strict`: a mapping argument takes the query out of Polars'
    streaming engine (the whole column is held: 0.75 GB per 10M rows), a scalar does not.
    """
    whole = age.cast(pl.Float64).floor().cast(pl.Int64, strict=False)
    if "\0" in label or not label:
        ages = list(range(_MAX_AGE + 1))
        texts = [label if a >= at else str(a) for a in ages]
        return whole.replace_strict(ages, texts, default=None, return_dtype=pl.String)
    # entry 0: below 0; 1..151: ages 0..150; 152: above 150 (both null)
    answers = ["", *(label if a >= at else str(a) for a in range(_MAX_AGE + 1)), ""]
    width = max(len(t) for t in answers)
    table = "".join(t.ljust(width, "\0") for t in answers)
    index = whole.clip(-1, _MAX_AGE + 1) + 1
    return pl.lit(table).str.slice(index * width, width).str.extract(r"^([^\x00]+)", 1)


def age(rule: AgeFromBirthDate, ctx: ActionContext) -> pl.Expr:
    """Age in completed years at the reference date or column, top-coded at `rule.at`."""
    birth = parse_date(ctx.col, ctx.dtype, rule.formats)
    if rule.reference_column is not None:
        ref_dtype = ctx.schema[rule.reference_column]
        reference = parse_date(pl.col(rule.reference_column), ref_dtype, rule.formats)
    else:
        reference = pl.lit(ctx.reference_date, pl.Date)
    return top_code_ages(age_in_years(birth, reference), rule.at, rule.label)
