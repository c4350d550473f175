"""Recognizing a planted identifier in a column, in each of the `Match` ways, with Polars
expressions over whole columns (Aho-Corasick for the needle sets)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import polars as pl

from tests.shapes.model import Match, Planted

ROW = "row"
MONTHS = {m: str(i) for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_MON = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?"
# (pattern, the order of its groups); a d/m/y pattern is read both ways round
_DATE_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", ("y", "m", "d")),
    (r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", ("m", "d", "y")),
    (r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", ("d", "m", "y")),
    (r"\b(\d{4})(\d{2})(\d{2})\b", ("y", "m", "d")),
    (r"\b(\d{1,2})/(\d{1,2})/(\d{2})\b", ("m", "d", "yy")),
    (r"(\d{1,2})[ \-]*" + _MON + r"[ \-,]*(\d{4})", ("d", "mon", "y")),
    (_MON + r"[ \-]*(\d{1,2})(?:st|nd|rd|th)?,?[ \-]*(\d{4})", ("mon", "d", "y")),
)
# numbers read as dates: (name, low, high, expression from the number `v` to a Date);
# the bounds are 1990-01-01 .. 2030-12-31 in each unit
_V = pl.col("v")
_NUMERIC_DATES: tuple[tuple[str, float, float, pl.Expr], ...] = (
    ("epoch s", 631_152_000, 1_924_991_999, (_V * 1e3).cast(pl.Int64).cast(pl.Datetime("ms"))),
    ("epoch ms", 631_152_000e3, 1_924_991_999e3, _V.cast(pl.Int64).cast(pl.Datetime("ms"))),
    ("epoch us", 631_152_000e6, 1_924_991_999e6,
     (_V / 1e3).cast(pl.Int64).cast(pl.Datetime("ms"))),
    ("epoch ns", 631_152_000e9, 1_924_991_999e9,
     (_V / 1e6).cast(pl.Int64).cast(pl.Datetime("ms"))),
    ("epoch days", 7_305, 22_279, _V.floor().cast(pl.Int32).cast(pl.Date)),
    ("serial days", 32_874, 47_848, (_V.floor() - 25_569).cast(pl.Int32).cast(pl.Date)),
    ("yyyymmdd", 19_000_101, 20_311_231,
     _V.cast(pl.Int64).cast(pl.String).str.to_date("%Y%m%d", strict=False)),
)
_UNITS = {"y": 1.0, "yo": 1.0, "y/o": 1.0, "yr": 1.0, "yrs": 1.0, "year": 1.0, "years": 1.0,
          "m": 12.0, "mo": 12.0, "mos": 12.0, "month": 12.0, "months": 12.0,
          "w": 52.0, "wk": 52.0, "wks": 52.0, "week": 52.0, "weeks": 52.0,
          "d": 365.0, "day": 365.0, "days": 365.0}


def norm_text(value: str) -> str:
    """Case-folded, whitespace collapsed: how TEXT needles and cells are compared."""
    return re.sub(r"\s+", " ", value.lower()).strip()


def compact(value: str) -> str:
    """Letters and digits only, case-folded: how CODE needles and cells are compared."""
    return re.sub(r"[^0-9a-z]", "", value.lower())


def normalize(match: Match, values: Iterable[str]) -> frozenset[str]:
    """Needles for `match` from values as an auditor states them."""
    if match is Match.TEXT:
        return frozenset(n for n in (norm_text(v) for v in values) if n)
    if match in (Match.CODE, Match.TOKEN):
        return frozenset(n for n in (compact(v) for v in values) if n)
    return frozenset(values)


def as_text(s: pl.Series) -> pl.Series:
    """Any column as text, nested values as JSON."""
    if isinstance(s.dtype, pl.Struct | pl.List | pl.Array):
        return s.to_frame("v").select(pl.col("v").cast(pl.String, strict=False)
                                      if not isinstance(s.dtype, pl.Struct)
                                      else pl.col("v").struct.json_encode()).to_series()
    return s.cast(pl.String, strict=False)


def _indexed(values: pl.Series) -> pl.DataFrame:
    return pl.DataFrame({ROW: pl.int_range(0, values.len(), eager=True, dtype=pl.UInt32),
                         "v": values})


def _word_ages() -> dict[str, float]:
    ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen"]
    tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
            "ninety"]

    def say(n: int) -> list[str]:
        if n < 20:
            return [ones[n]]
        if n < 100:
            return [tens[n // 10] + ("" if n % 10 == 0 else " " + ones[n % 10])]
        rest = n - 100
        if rest == 0:
            return ["one hundred", "a hundred", "hundred"]
        return [f"one hundred {r}" for r in say(rest)] + [f"one hundred and {r}"
                                                         for r in say(rest)]

    return {text: float(n) for n in range(121) for text in say(n)}


WORD_AGES = _word_ages()


def parse_ages(s: pl.Series) -> pl.Series:
    """Ages in years from numbers, "19yo", "92 y/o", "6 mos", "ninety-two": null when the
    cell is not one age (a band such as "90+" is not an age)."""
    if s.dtype.is_numeric():
        return s.cast(pl.Float64)
    t = (as_text(s).str.to_lowercase().str.replace_all(r"[\s\-]+", " ").str.strip_chars()
         .str.replace(r"\s*(?:old|of age)$", "").str.strip_chars())
    parts = t.str.extract_groups(r"^(\d+(?:\.\d+)?)\s*([a-z/]*)\.?$")
    number = parts.struct.field("1").cast(pl.Float64, strict=False)
    unit = parts.struct.field("2").replace_strict(
        {"": 1.0} | _UNITS, default=None, return_dtype=pl.Float64)
    words = (t.str.replace(r"\s*(?:years?|yrs?|y/o|yo)$", "")
             .replace_strict(WORD_AGES, default=None, return_dtype=pl.Float64))
    return (number / unit).fill_null(words)


def candidate_days(s: pl.Series) -> pl.DataFrame:
    """Every day a column states, in any common form: columns `row`, `day` (ISO)."""
    parts: list[pl.DataFrame] = []
    dtype = s.dtype
    if dtype == pl.Date:
        parts.append(_indexed(s))
    elif isinstance(dtype, pl.Datetime):
        parts.append(_indexed(s.dt.date()))
        if dtype.time_zone is not None:
            parts.append(_indexed(s.dt.convert_time_zone("UTC").dt.date()))
    elif dtype.is_numeric():
        parts.extend(_numeric_days(s.cast(pl.Float64)))
    elif dtype == pl.Null:
        pass
    else:
        text = as_text(s).str.to_lowercase()
        parts.extend(_string_days(text))
        number = (text.str.strip_chars().str.extract(r"^(-?\d+(?:\.\d+)?)$")
                  .cast(pl.Float64, strict=False))
        parts.extend(_numeric_days(number))
    if not parts:
        return pl.DataFrame(schema={ROW: pl.UInt32, "day": pl.String})
    return (pl.concat([p.select(ROW, pl.col("v").cast(pl.Date).alias("day")) for p in parts])
            .drop_nulls().select(ROW, pl.col("day").cast(pl.String)).unique())


def _numeric_days(values: pl.Series) -> list[pl.DataFrame]:
    """Read as a date in each unit where at least half the column's numbers fall in that
    unit's 1990-2030 range (so lab values and counts are not read as dates)."""
    frame = _indexed(values).drop_nulls()
    out = []
    for _name, low, high, to_date in _NUMERIC_DATES:
        inside = frame.filter(pl.col("v").is_between(low, high))
        if inside.height == 0 or inside.height * 2 < frame.height:
            continue
        out.append(inside.select(ROW, to_date.cast(pl.Date).alias("v")))
    return out


def _string_days(text: pl.Series) -> list[pl.DataFrame]:
    out = []
    for pattern, order in _DATE_PATTERNS:
        found = (_indexed(text.str.extract_all(pattern)).explode("v").drop_nulls()
                 .with_columns(pl.col("v").str.extract_groups(pattern).alias("g")))
        if found.height == 0:
            continue
        field = {name: pl.col("g").struct.field(str(i + 1)) for i, name in enumerate(order)}
        month = field.get("m")
        if month is None:
            month = field["mon"].str.slice(0, 3).replace_strict(MONTHS, default=None)
        years = ([field["y"]] if "y" in field else
                 [pl.lit("19") + field["yy"], pl.lit("20") + field["yy"]])  # 4/17/23: both
        for year in years:
            iso = pl.concat_str([year, pl.lit("-"), month.str.zfill(2), pl.lit("-"),
                                 field["d"].str.zfill(2)])
            out.append(found.select(ROW, iso.str.to_date("%Y-%m-%d", strict=False).alias("v"))
                       .filter(pl.col("v").dt.year().is_between(1900, 2031)))
    return out


def candidate_coords(s: pl.Series) -> pl.DataFrame:
    """Every number with two or more decimals that could be a coordinate, as hundredths
    (`row`, `key`): 40.712776 and 40.71 both give "4071"."""
    if s.dtype.is_numeric():
        v = _indexed(s.cast(pl.Float64)).drop_nulls().filter(
            pl.col("v").abs() <= 180,
            ((pl.col("v") * 10) - (pl.col("v") * 10).round()).abs() > 1e-6)
    else:
        v = (_indexed(as_text(s).str.extract_all(r"-?\d{1,3}\.\d{2,}")).explode("v")
             .drop_nulls().with_columns(pl.col("v").cast(pl.Float64)))
    return v.select(ROW, (pl.col("v") * 100).round().cast(pl.Int64).cast(pl.String)
                    .alias("key")).unique()


def coord_needles(values: Iterable[float]) -> frozenset[str]:
    """Hundredths keys of planted coordinates, rounded and truncated."""
    out = set()
    for v in values:
        out.add(str(round(v * 100)))
        out.add(str(int(v * 100)))
    return frozenset(out)


@dataclass(frozen=True)
class Found:
    """What of one planted entry one column holds (values stay inside the auditor)."""

    cells: int
    exact: int
    values: frozenset[str] = field(repr=False)


NOTHING = Found(0, 0, frozenset())


def find(s: pl.Series, planted: Planted, exclude: frozenset[str] = frozenset()) -> Found:
    """The cells of `s` holding a needle of `planted` (needles in `exclude` do not count)."""
    needles = sorted(planted.needles - exclude)
    if s.len() == 0 or s.dtype == pl.Null:
        return NOTHING
    exact = 0
    if planted.raw and planted.match is not Match.AGE:
        exact = int(as_text(s).str.strip_chars().is_in(sorted(planted.raw)).sum())
    match planted.match:
        case Match.AGE:
            ages = parse_ages(s)
            over = ages.filter(ages > 89)
            return Found(over.len(), over.len(), frozenset(str(a) for a in over.unique()))
        case Match.TEXT | Match.CODE:
            if not needles:
                return Found(0, exact, frozenset())
            text = as_text(s).str.to_lowercase()
            text = (text.str.replace_all(r"\s+", " ").str.strip_chars()
                    if planted.match is Match.TEXT else text.str.replace_all(r"[^0-9a-z]", ""))
            hits = text.str.extract_many(needles, overlapping=True)
            cells = int((hits.list.len() > 0).sum())
            values = frozenset(hits.explode().drop_nulls().unique().to_list())
            return Found(cells, exact, values)
        case Match.TOKEN:
            tokens = (_indexed(as_text(s).str.to_lowercase().str.extract_all(r"[\p{L}\p{N}]+"))
                      .explode("v").filter(pl.col("v").is_in(needles)))
            return Found(tokens[ROW].n_unique(), exact, frozenset(tokens["v"].unique()))
        case Match.DATE:
            days = candidate_days(s).filter(pl.col("day").is_in(needles))
            return Found(days[ROW].n_unique(), exact, frozenset(days["day"].unique()))
        case Match.COORD:
            keys = candidate_coords(s).filter(pl.col("key").is_in(needles))
            return Found(keys[ROW].n_unique(), exact, frozenset(keys["key"].unique()))
    raise AssertionError(planted.match)


def find_aligned(out: pl.Series, src: pl.Series, planted: Planted,
                 exclude: frozenset[str] = frozenset()) -> Found:
    """DATE and COORD needles are dense (thousands of days in a few years, every
    hundredth of a degree over a region), so a needle found in row r of an output column
    counts only where row r of the planted source column held that same needle. The
    output keeps the input's row order (the same number of rows, in order)."""
    assert planted.match in (Match.DATE, Match.COORD)
    pairs, name = ((candidate_days, "day") if planted.match is Match.DATE
                   else (candidate_coords, "coord_key"))
    needles = sorted(planted.needles - exclude)

    def held(s: pl.Series) -> pl.DataFrame:
        found = pairs(s)
        return found.rename({found.columns[1]: name}).filter(pl.col(name).is_in(needles))

    hits = held(out).join(held(src), on=[ROW, name], how="semi")
    rows = hits[ROW].unique()
    same = (as_text(out).str.strip_chars() == as_text(src).str.strip_chars()).fill_null(False)
    exact = int(same.gather(rows).sum()) if rows.len() else 0
    return Found(rows.len(), exact, frozenset(hits[name].unique()))

