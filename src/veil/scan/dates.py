"""Recognizers for dates and ages (C), and years (a quasi-identifier).

Dates are recognized by content: native Date/Datetime dtypes, or strings that
Polars parses with one of `DATE_FORMATS` to a plausible year (1850-2100). What
a date means (birth, death) only the header can say, so those rules need one;
otherwise the column is a generic DATE, which Safe Harbor treats the same way.
Compact `%Y%m%d` dates are indistinguishable from some 8-digit codes and count
less (random 8-digit codes almost never all parse to plausible dates).
"""

from __future__ import annotations

from functools import lru_cache

import polars as pl

from veil.actions.age_text import is_age_text
from veil.categories import Kind
from veil.scan.recognizer import Header, Rule, ValueCheck, gate_on, shared, uses
from veil.scan.sample import ColumnSample, Prefilter

DATE_FORMATS: tuple[str, ...] = (
    "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S%.f%#z", "%Y-%m-%d %H:%M:%S%.f%#z", "%Y/%m/%d",
    "%m/%d/%Y", "%m/%d/%y", "%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %I:%M:%S %p", "%d/%m/%Y", "%m-%d-%Y", "%d-%m-%Y", "%d.%m.%Y",
    "%d-%b-%Y", "%d-%b-%y", "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%b %d %Y",
    "%d-%b-%Y %H:%M", "%d-%b-%Y %H:%M:%S",
)
"""Formats tried on string columns, each with `str.strptime(strict=False)`."""

COMPACT_FORMAT = "%Y%m%d"
_PREFILTER = (r"^[\dA-Za-z][\dA-Za-z ,./:+\-]{5,34}$", r"\d")
_COMPACT = r"^\d{8}$"
_YEARS = (1850, 2100)
_YEAR_TEXT = r"^(18[5-9]|19\d|20\d)\d$|^2100$"


def _parses(fmt: str) -> pl.Expr:
    source = pl.col("v")
    if "%B" in fmt:
        # Polars 1.36 panics on '%d %B %Y' given a 3-letter month ('05 Sep 1933'):
        # full-month formats only see values with a word of 4+ letters.
        source = pl.when(source.str.contains(r"[A-Za-z]{4,}")).then(source)
    parsed = source.str.strptime(pl.Datetime("us"), fmt, strict=False)
    return parsed.dt.year().is_between(*_YEARS).fill_null(False).alias(fmt)


@lru_cache(maxsize=2)
def _hit_query(
    compact_only: bool,
) -> tuple[tuple[str, ...], tuple[pl.Expr, ...], tuple[pl.Expr, ...]]:
    """The formats tried, the parse of each (per value) and the row-weighted hit counts.

    Built once: the expressions are the same for every column.
    """
    formats = (COMPACT_FORMAT,) if compact_only else (*DATE_FORMATS, COMPACT_FORMAT)
    parses = (pl.col("n"), *(_parses(f) for f in formats))
    separated = pl.lit(False) if compact_only else pl.any_horizontal(*DATE_FORMATS)
    sums = (
        *((pl.col(f) * pl.col("n")).sum() for f in formats),
        (separated * pl.col("n")).sum().alias("separated"),
        pl.col("n").sum().alias("total"),
    )
    return formats, parses, sums


def _date_patterns(column: ColumnSample) -> tuple[str, ...]:
    """The prefilter of values worth parsing: 8 digits for integers."""
    return (_COMPACT,) if column.is_integer else _PREFILTER


def _date_gate(column: ColumnSample) -> tuple[Prefilter, ...] | None:
    if column.is_temporal:
        return None
    return gate_on(*_date_patterns(column)) if column.has_text else ()


@uses(*_PREFILTER, _COMPACT, gate=_date_gate)
def _date_check(column: ColumnSample) -> ValueCheck | None:
    """Share of values that parse as dates; the formats are tried on <= 300 distinct values."""
    if column.is_temporal:
        detail = f"have the {column.dtype_name} dtype"
        return ValueCheck(1.0, column.nonnull, detail, source="dtype")
    if not column.has_text:
        return None
    compact_only = column.is_integer
    patterns = _date_patterns(column)
    candidates = column.matching(*patterns)
    if candidates.height == 0:
        return ValueCheck(0.0, 0, "parse as dates")
    subset = column.spread(candidates)
    formats, parses, sums = _hit_query(compact_only)
    # One vectorized pass over <= 300 distinct values, then row-weighted hits per format.
    hits = subset.lazy().select(*parses).select(*sums).collect().row(0, named=True)
    scale = float(candidates["n"].sum()) / column.nonnull / float(hits["total"])
    sep_share = float(hits["separated"]) * scale
    compact_share = float(hits[COMPACT_FORMAT]) * scale
    best = max(formats, key=lambda f: float(hits[f]))
    if sep_share >= compact_share:
        return ValueCheck(sep_share, subset.height, f"parse as dates (mostly {best})")
    return ValueCheck(compact_share, subset.height, f"parse as compact dates ({best})",
                      strength=0.8)


def _age_gate(column: ColumnSample) -> tuple[Prefilter, ...] | None:
    # written ages ('nineteen') have no regex bound: strings are not gated
    return None if column.is_numeric or column.is_string else ()


@uses(gate=_age_gate)
def _age_check(column: ColumnSample) -> ValueCheck | None:
    """Numbers in 0-120, or text that `top_code` reads as an age (see veil.actions.age_text)."""
    if column.is_numeric:
        return ValueCheck(column.numeric_share(0, 120), column.nonnull, "are numbers in 0-120")
    if not column.is_string:
        return None
    share = column.expr_share("age_text", is_age_text(pl.col("v")))
    return ValueCheck(share, column.nonnull, "are ages or age bands in digits or words "
                      "('45', '19 y/o', 'nineteen', '6 mo', '90+', '40-49')")


_AGE_STATED = (
    r"(?i)[0-9a-z][\s\-]*(y/o|y\.o\.?|yo|yrs?\.?|years?|(months?|mos?|weeks?|wks?|days?)"
    r"[\s\-]+old|m/o|d/o)([\s\-]+old)?\.?(\s+(m|f|male|female|man|woman|boy|girl))?$"
)
"""An age with its unit ('19yo', '92 y/o', '45 yrs', 'six months old'; 'w/o' means without).

Years without 'old' may be a duration ('30 years' smoking), but a value of 90
years or more is an age over 89 whatever it measures: fail closed, top-code.
"""


def _age_stated_gate(column: ColumnSample) -> tuple[Prefilter, ...]:
    return gate_on(_AGE_STATED) if column.is_string else ()


@uses(_AGE_STATED, gate=_age_stated_gate)
def _age_stated_check(column: ColumnSample) -> ValueCheck | None:
    if not column.is_string:
        return None
    stated = pl.col("v").str.contains(_AGE_STATED) & is_age_text(pl.col("v"))
    share = column.expr_share("age_stated", stated)
    return ValueCheck(share, column.nonnull, "are ages written with a unit of years or 'old'",
                      strength=0.9)


def _year_gate(column: ColumnSample) -> tuple[Prefilter, ...] | None:
    if column.is_numeric:
        return None
    return gate_on(_YEAR_TEXT) if column.has_text else ()


@uses(_YEAR_TEXT, gate=_year_gate)
def _year_check(column: ColumnSample) -> ValueCheck | None:
    if column.is_numeric:
        share = column.numeric_share(*_YEARS, integral=True)
        return ValueCheck(share, column.nonnull, "are whole numbers in 1850-2100", strength=0.9)
    if not column.has_text:
        return None
    return ValueCheck(column.row_share(_YEAR_TEXT), column.nonnull, "are 4-digit years", 0.9)


BIRTH_DATE = Rule(
    name="birth_date",
    kind=Kind.BIRTH_DATE,
    header=Header(strong=("dob", "birth", "birthdate", "birth date", "date of birth",
                          "dateofbirth", "birthday", "bdate", "born", "d o b", "birth dt")),
    value_check=shared(_date_check),
    needs_header=True,
)

DEATH_DATE = Rule(
    name="death_date",
    kind=Kind.DEATH_DATE,
    header=Header(strong=("dod", "death", "deathdate", "death date", "date of death",
                          "dateofdeath", "deceased", "deceased date", "died", "expired date",
                          "death dt")),
    value_check=shared(_date_check),
    needs_header=True,
)

DATE = Rule(
    name="date",
    kind=Kind.DATE,
    header=Header(
        strong=("date", "dt", "datetime", "timestamp", "time stamp", "dos", "service date",
                "visit date", "encounter date", "admit date", "admission date",
                "discharge date", "disch date"),
        weak=("time", "day", "at", "on", "when", "created", "updated", "start", "end", "admit",
              "admission", "discharge"),
        exclude=("disposition", "type", "status", "source", "reason", "diagnosis", "dx",
                 "location", "unit", "flag", "count", "year", "weekday", "shift"),
    ),
    value_check=shared(_date_check),
)

AGE = Rule(
    name="age",
    kind=Kind.AGE,
    header=Header(strong=("age", "ages", "age years", "age yrs", "ageyears", "patient age",
                          "age group", "age band", "age range", "age at")),
    value_check=_age_check,
    needs_header=True,
)

AGE_STATED = Rule(
    name="age_stated",
    kind=Kind.AGE,
    value_check=_age_stated_check,
)

YEAR = Rule(
    name="year",
    kind=Kind.YEAR,
    header=Header(strong=("year", "yr", "yob", "year of birth", "birth year", "birthyear",
                          "yyyy")),
    value_check=_year_check,
)

RECOGNIZERS = (BIRTH_DATE, DEATH_DATE, DATE, AGE, AGE_STATED, YEAR)
