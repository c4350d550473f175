"""Recognizers for dates and ages (C), and years (a quasi-identifier).

Dates are recognized by content: native Date/Datetime dtypes (any unit, any
time zone), strings that Polars parses with one of `DATE_FORMATS` to a
plausible year (1850-2100), or numbers and digit strings that decode to dates
(epoch seconds or milliseconds, spreadsheet serials, yyyymmdd: see
`veil.scan.numeric_dates`). Time and Duration columns are not dates. What a
date means (birth, death) only the header can say, so those rules need one;
otherwise the column is a generic DATE, which Safe Harbor treats the same way.
Compact yyyymmdd dates are indistinguishable from some 8-digit codes and count
less (random 8-digit codes almost never all parse to plausible dates).

Context from the rest of the table (other date columns make a column of
spreadsheet serials a date) and the encoding a numeric date column holds come
from `revise_numeric_dates`, a pass over all findings after the per-column ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from functools import cache, lru_cache

import polars as pl

from veil.actions.age_text import is_age_text
from veil.actions.date_encodings import SAME_UNIT
from veil.actions.dates import date_of, year_of
from veil.categories import KIND_CATEGORY, Kind, role_of
from veil.scan.model import ColumnFinding, Evidence
from veil.scan.numeric_dates import NUMBER_TEXT, has_date_hint, numeric_dates, resolve_encoding
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

_PREFILTER = (r"^[\dA-Za-z][\dA-Za-z ,./:+\-]{5,34}$", r"\d")
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


@lru_cache(maxsize=1)
def _hit_query() -> tuple[pl.Expr, ...]:
    """The parse of each format (per value) and the row-weighted hit counts.

    Built once: the expressions are the same for every column.
    """
    parses = (pl.col("n"), *(_parses(f) for f in DATE_FORMATS))
    separated = pl.any_horizontal(*DATE_FORMATS)
    return (
        *parses,
        *((pl.col(f) * pl.col("n")).sum() for f in DATE_FORMATS),
        (separated * pl.col("n")).sum().alias("separated"),
        pl.col("n").sum().alias("total"),
    )


def _date_gate(column: ColumnSample) -> tuple[Prefilter, ...] | None:
    """Date text, or (for text) plain numbers; numeric columns are not bounded."""
    if column.is_temporal or column.is_numeric:
        return None
    if column.is_string:
        return (Prefilter(_PREFILTER), Prefilter((NUMBER_TEXT,)))
    return ()


@uses(*_PREFILTER, NUMBER_TEXT, gate=_date_gate)
def _date_check(column: ColumnSample) -> ValueCheck | None:
    """Share of values that are dates: a temporal dtype, date text, or numbers that
    decode to dates (`veil.scan.numeric_dates`; a date-like header is context)."""
    if column.is_temporal:
        detail = f"have the {column.dtype_name} dtype"
        return ValueCheck(1.0, column.nonnull, detail, source="dtype")
    numeric = numeric_dates(column, context=has_date_hint(column.header))
    found = None
    if numeric is not None:
        strength = 0.8 if numeric.encoding == "yyyymmdd" else 0.85
        found = ValueCheck(numeric.share, numeric.tested, numeric.detail, strength)
    if column.is_string:
        text = _text_date_check(column)
        if found is None or text.share * text.strength > found.share * found.strength:
            found = text
    if found is None and column.is_numeric:
        return ValueCheck(0.0, column.nonnull, "are numbers that decode to dates")
    return found


def _text_date_check(column: ColumnSample) -> ValueCheck:
    """Share of text values that parse with a separated date format; the formats
    are tried on <= 300 distinct values (compact yyyymmdd is a numeric encoding)."""
    candidates = column.matching(*_PREFILTER)
    if candidates.height == 0:
        return ValueCheck(0.0, 0, "parse as dates")
    subset = column.spread(candidates)
    # One vectorized pass over <= 300 distinct values, then row-weighted hits per format.
    query = _hit_query()
    parses, sums = query[: len(DATE_FORMATS) + 1], query[len(DATE_FORMATS) + 1:]
    hits = subset.lazy().select(*parses).select(*sums).collect().row(0, named=True)
    scale = float(candidates["n"].sum()) / column.nonnull / float(hits["total"])
    best = max(DATE_FORMATS, key=lambda f: float(hits[f]))
    return ValueCheck(float(hits["separated"]) * scale, subset.height,
                      f"parse as dates (mostly {best})")


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


DATE_KINDS = frozenset({Kind.DATE, Kind.BIRTH_DATE, Kind.DEATH_DATE})
_REVISABLE = frozenset({Kind.CLINICAL, Kind.LAB_VALUE, Kind.OTHER, Kind.OTHER_ID, Kind.ZIP})
"""Kinds a column of numbers gets without positive evidence of what it is."""
_FUTURE_YEARS = 5
"""How far after the table's latest other date a numeric date may lie."""
_ORDERED_SHARE = 0.95
"""Share of rows in which a numeric date must lie on one side of another date column."""
_WITHIN_SHARE = 0.5
"""Share of numeric dates that must fall within another date column's span (+- a year)."""
_SPAN_MARGIN_DAYS = 366
_DISTINCT_SHARE = 0.25
"""A numeric date column's distinct ratio, at least this share of the other's."""
_MAX_MEDIAN_AGE_DAYS = 90 * 365.25
"""Dates before another's in every row are births only at a plausible median age."""
_MIN_RELATED_ROWS = 10


def revise_numeric_dates(
    sample: pl.DataFrame, findings: tuple[ColumnFinding, ...]
) -> tuple[ColumnFinding, ...]:
    """Findings with numeric date encodings set, and numbers that are dates in the
    context of the table's other date columns re-classified as dates.

    A date finding over numbers or digit strings gets the `date_encoding` its
    values fit (the `year_only` rule decodes with it). A column of numbers that
    came out as a plain number, a code or a ZIP (with no header saying so)
    becomes a date when the table has other date columns, nearly all of its
    values decode to dates no later than a few years after theirs, and they
    relate to one of those columns (`_relation`): about as many distinct
    values, and mostly within its span, or before it in nearly every row at a
    plausible age (a birth), or after it (a death). Codes repeat a few values;
    lab counts that decode to a century ago give implausible ages. Idempotent.
    """
    annotated = _resolve_all(tuple(_annotate(f, sample) for f in findings), sample)
    dates = [f for f in annotated if f.kind in DATE_KINDS and f.column in sample.columns
             and not f.ambiguous_encodings]
    if not dates:
        return annotated
    years = sample.select(
        year_of(pl.col(f.column), sample.schema[f.column], encoding=f.date_encoding or "auto")
        .max().alias(f.column)
        for f in dates
    ).row(0)
    found = [y for y in years if isinstance(y, int)]
    latest = max(found) + _FUTURE_YEARS if found else None

    @cache
    def days() -> pl.DataFrame:
        """The other dates as day numbers, parsed only when a candidate needs them."""
        return sample.select(
            date_of(pl.col(f.column), sample.schema[f.column],
                    encoding=f.date_encoding or "auto").cast(pl.Int32).alias(f.column)
            for f in dates
        )

    return tuple(_revise(f, sample, days, latest) for f in annotated)


def _numeric_sample(finding: ColumnFinding, sample: pl.DataFrame) -> ColumnSample | None:
    if finding.column not in sample.columns:
        return None
    column = ColumnSample(finding.column, sample.get_column(finding.column))
    return column if (column.is_numeric or column.is_string) and column.nonnull else None


def _annotate(finding: ColumnFinding, sample: pl.DataFrame) -> ColumnFinding:
    if finding.kind not in DATE_KINDS or finding.date_encoding is not None:
        return finding
    column = _numeric_sample(finding, sample)
    found = None if column is None else numeric_dates(column, context=True)
    return finding if found is None else replace(finding, date_encoding=found.encoding)


def _revise(finding: ColumnFinding, sample: pl.DataFrame, other_days: Callable[[], pl.DataFrame],
            latest: int | None) -> ColumnFinding:
    if finding.kind not in _REVISABLE or any(e.source == "header" for e in finding.evidence):
        return finding
    column = _numeric_sample(finding, sample)
    if column is None:
        return finding
    found = numeric_dates(column, context=True, latest_year=latest)
    if found is None:
        return finding
    mine = sample.select(date_of(pl.col(finding.column), column.dtype,
                                 encoding=found.encoding).cast(pl.Int32)).to_series()
    days = other_days()
    relation = _relation(mine, days)
    if relation is None:
        return finding
    # related as found: which epoch of the unit the dates are in is decided only now
    resolved = resolve_encoding(sample.get_column(finding.column), found.encoding,
                                header=column.header, latest_year=latest or _this_year(),
                                neighbours=days)
    kind = next((r.kind for r in (BIRTH_DATE, DEATH_DATE) if r.header_score(column.header) > 0),
                Kind.DATE)
    strength = 0.8 if found.encoding == "yyyymmdd" else 0.85
    evidence = (
        Evidence("values", f"{found.share:.0%} of {column.nonnull} sampled non-null values "
                 f"{found.detail}", found.share),
        Evidence("stats", f"{days.width} other column(s) of the table hold dates; {relation}",
                 1.0),
        *((Evidence("stats", f"date encoding: {resolved.detail}", 0.0),)
          if resolved.detail else ()),
    )
    return ColumnFinding(
        column=finding.column, dtype=finding.dtype, kind=kind, role=role_of(kind),
        category=KIND_CATEGORY[kind], confidence=round(strength * (0.6 + 0.3 * found.share), 4),
        evidence=(*evidence, *finding.evidence), distinct_ratio=finding.distinct_ratio,
        null_share=finding.null_share, sampled=finding.sampled,
        alternatives=((finding.kind, finding.confidence), *finding.alternatives[:2]),
        date_encoding=resolved.encoding,
        ambiguous_encodings=() if resolved.encoding else resolved.candidates,
    )


def _this_year() -> int:
    return dt.date.today().year + 1


def _resolve_all(findings: tuple[ColumnFinding, ...],
                 sample: pl.DataFrame) -> tuple[ColumnFinding, ...]:
    """Date findings whose numbers fit several epochs of one unit (SAS, Stata, Unix days,
    spreadsheet serials...): the epoch the content and the table's other dates choose
    (`resolve_encoding`), or the finding marked ambiguous (fail closed)."""
    multi = [f for f in findings if f.kind in DATE_KINDS and f.date_encoding is not None
             and len(SAME_UNIT.get(f.date_encoding, ())) > 1 and f.column in sample.columns]
    if not multi:
        return findings
    references = [f for f in findings if f.kind in DATE_KINDS and f.column in sample.columns
                  and f.date_encoding in (None, "yyyymmdd")]
    days = sample.select(
        date_of(pl.col(f.column), sample.schema[f.column],
                encoding=f.date_encoding or "auto").cast(pl.Int32).alias(f.column)
        for f in references)
    latest = _latest_year(days)
    out = []
    for finding in findings:
        if finding not in multi or finding.date_encoding is None or any(
                e.detail.startswith("date encoding:") for e in finding.evidence):
            out.append(finding)
            continue
        resolved = resolve_encoding(sample.get_column(finding.column), finding.date_encoding,
                                    header=finding.column, latest_year=latest,
                                    neighbours=days)
        note = Evidence("stats", f"date encoding: {resolved.detail}", 0.0)
        out.append(replace(finding, date_encoding=resolved.encoding,
                           ambiguous_encodings=() if resolved.encoding else resolved.candidates,
                           evidence=(*finding.evidence, note)))
    return tuple(out)


def _latest_year(days: pl.DataFrame) -> int:
    """The latest year of the reference dates (day numbers) plus a margin, else next year."""
    found = [v for v in (days.max().row(0) if days.width and days.height else ())
             if isinstance(v, int)]
    if not found:
        return _this_year()
    return (dt.date(1970, 1, 1) + dt.timedelta(days=max(found))).year + _FUTURE_YEARS


def _distinct_ratio(days: pl.Series) -> float:
    known = days.drop_nulls()
    return 0.0 if known.len() == 0 else known.n_unique() / known.len()


def _relation(mine: pl.Series, days: pl.DataFrame) -> str | None:
    """How the decoded days relate to one of the table's date columns, or None.

    Dates vary about as much as the table's other dates (a code column repeats a
    few values), and either mostly fall within their span (visits, results), or
    lie before them in nearly every row at a plausible age (a birth), or after
    them (a death). Texts name no column: a header may itself be an identifier.
    """
    ratio = _distinct_ratio(mine)
    for name in days.columns:  # a loop over columns, at most a few dozen
        other = days.get_column(name)
        low, high = other.min(), other.max()
        both = int((mine.is_not_null() & other.is_not_null()).sum())
        if (both < _MIN_RELATED_ROWS or ratio < _DISTINCT_SHARE * _distinct_ratio(other)
                or not isinstance(low, int) or not isinstance(high, int)):
            continue
        within = mine.is_between(low - _SPAN_MARGIN_DAYS, high + _SPAN_MARGIN_DAYS).mean()
        if isinstance(within, float) and within >= _WITHIN_SHARE:
            return f"{within:.0%} of these dates fall within the span of another one's"
        before = float((mine <= other).sum()) / both
        gap = (other - mine).median()
        if before >= _ORDERED_SHARE and isinstance(gap, float) and gap <= _MAX_MEDIAN_AGE_DAYS:
            return f"these dates precede another one's in {before:.0%} of the rows (a birth)"
        after = float((mine >= other).sum()) / both
        if after >= _ORDERED_SHARE:
            return f"these dates follow another one's in {after:.0%} of the rows"
    return None
