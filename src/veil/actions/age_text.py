"""Ages written as text: '19', '19yo', '19 y/o', '19 yrs', 'nineteen', 'ninety-two years old',
'6 mo', '90+', '>89', '85-89'.

EHR extracts write ages in many ways; `top_code` must read them all or the age
is lost. Everything here is a Polars expression over the whole column: one
regex extraction splits a value into comparator, number (digits or words),
'+' and unit, and number words become numbers through `replace_strict` on
the extracted word groups, never a Python loop over rows.

Reading rules (fail closed: anything else is null, which the verification pass
counts):

- a number, in digits or English words up to 'one hundred and ninety-nine',
  optionally prefixed by 'age'/'aged' and followed by a unit: years ('y', 'yo',
  'y/o', 'y.o.', 'yr', 'yrs', 'year(s)', 'year(s) old', '-year-old'), months
  ('mo', 'mos', 'm/o', 'month(s)'), weeks ('wk', 'wks', 'week(s)') or days
  ('d', 'd/o', 'day(s)'); months, weeks and days become fractional years (so
  '6 mo' is 0 whole years);
- an open top category ('90+', '90 or older', '>89', '>=90') is the top
  category when all of it lies at or above `at`, else null: '85+' could be 85;
- '<1' (and '<= 0.5' and the like) is 0 years; other upper bounds are null;
- a band 'lo-hi' becomes the top category when all of it lies at or above
  `at`, else null: the output holds whole ages and the label only (the
  verification pass checks that shape);
- the label itself ('90+', whatever `label` is) stays the top category.
"""

from __future__ import annotations

import polars as pl

from veil.actions.dates import top_code_ages

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
"""Number words below twenty."""
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
"""Tens words (with the common misspelling 'fourty')."""


def _alternatives(words: dict[str, int]) -> str:
    # longest first, so 'seventeen' is tried before 'seven'
    return "|".join(sorted(words, key=len, reverse=True))


_SEP = r"[ \-]"
_WORDS = (
    rf"^(?:(?P<hundred>(?:(?:one|a){_SEP}+)?hundred)(?:{_SEP}+and)?{_SEP}*)?"
    rf"(?:(?P<tens>{_alternatives(TENS)}){_SEP}*)?"
    rf"(?P<units>{_alternatives(UNITS)})?$"
)
_UNIT = (
    r"y/o|y\.o\.?|yo|yrs?\.?|years?|y|mos?\.?|m/o|months?|wks?\.?|weeks?|days?|d/o|d"
)
_SEX = r"(?:m|f|male|female|man|woman|boy|girl)"
"""A sex written after an age with its unit ('45 yo F'); without a unit 'm' could be months."""
_CMP = r">=|<=|=>|=<|≥|≤|>|<"
_WORD = _alternatives({**UNITS, **TENS, "hundred": 100, "and": 0, "a": 1})
_AGE = (
    r"^(?:aged?\s*:?\s*)?"
    rf"(?P<cmp>{_CMP})?\s*"
    rf"(?:(?P<num>\d+(?:\.\d+)?)|(?P<words>(?:{_WORD})(?:{_SEP}*(?:{_WORD}))*))\s*"
    r"(?P<plus>\+|(?:or|and)\s+(?:older|over|above|more))?"
    rf"(?:[ \-]*(?P<unit>{_UNIT})(?:[ \-]*old|\s+of\s+age)?(?:\s+{_SEX})?)?\.?$"
)
_BAND = r"^(\d{1,3})\s*-\s*(\d{1,3})$"
_YEARS_PER_UNIT = {"y": 1.0, "m": 1.0 / 12.0, "w": 7.0 / 365.25, "d": 1.0 / 365.25}


_DICOM_AGE = {"d": "days", "w": "weeks", "m": "months", "y": "years"}
"""DICOM Age String (AS): three digits and D, W, M or Y ('003M' is three months)."""


def normalize(text: pl.Expr) -> pl.Expr:
    """Lower-case, trimmed, with dashes unified and runs of white space made one space;
    a DICOM age string ('003m') written with its unit in full ('003 months')."""
    out = (
        text.cast(pl.String).str.to_lowercase().str.strip_chars()
        .str.replace_all(r"[\u2010-\u2015]", "-").str.replace_all(r"\s+", " ")
    )
    for letter, unit in _DICOM_AGE.items():
        out = out.str.replace(rf"^([0-9]{{3}}){letter}$", f"${{1}} {unit}")
    return out


def words_to_number(words: pl.Expr) -> pl.Expr:
    """'ninety-two' -> 92.0, 'one hundred and five' -> 105.0; anything else -> null."""
    parts = words.str.strip_chars().str.extract_groups(_WORDS)
    hundred = parts.struct.field("hundred")
    tens = parts.struct.field("tens")
    units = parts.struct.field("units")
    value = (
        pl.when(hundred.is_not_null()).then(pl.lit(100.0)).otherwise(pl.lit(0.0))
        + tens.replace_strict(TENS, default=None, return_dtype=pl.Float64).fill_null(0.0)
        + units.replace_strict(UNITS, default=None, return_dtype=pl.Float64).fill_null(0.0)
    )
    known = hundred.is_not_null() | tens.is_not_null() | units.is_not_null()
    return pl.when(known).then(value)


def _amount(parts: pl.Expr) -> pl.Expr:
    """The number of a parsed age in years (digits or words, scaled by its unit), or null."""
    number = parts.struct.field("num").cast(pl.Float64, strict=False)
    number = pl.coalesce(number, words_to_number(parts.struct.field("words")))
    scale = (
        parts.struct.field("unit").str.slice(0, 1)
        .replace_strict(_YEARS_PER_UNIT, default=1.0, return_dtype=pl.Float64)
        .fill_null(1.0)
    )
    return number * scale


def is_age_text(text: pl.Expr) -> pl.Expr:
    """True for values written like an age or an age band (for the scanner), whatever `at`."""
    clean = normalize(text)
    parsed = _amount(clean.str.extract_groups(_AGE)).is_not_null()
    return (parsed | clean.str.contains(_BAND)).fill_null(False)


def age_years(text: pl.Expr, at: int, label: str) -> pl.Expr:
    """Age in years (Float64) of text values; `at` for the top category; null if unreadable.

    A band is not an age in years: it is null here (see `top_code_text`).
    """
    clean = normalize(text)
    parts = clean.str.extract_groups(_AGE)
    years = _amount(parts)
    cmp = parts.struct.field("cmp")
    open_top = parts.struct.field("plus").is_not_null() | cmp.is_in([">=", "=>", "≥"])
    above = cmp == ">"
    below = cmp.is_in(["<", "<=", "=<", "≤"])
    top = pl.lit(float(at))
    is_label = clean.str.replace_all(" ", "") == label.lower().replace(" ", "")
    return (
        pl.when(is_label).then(top)
        .when(open_top).then(pl.when(years >= at).then(top))
        .when(above).then(pl.when(years + 1 >= at).then(top))
        .when(below).then(pl.when(years <= 1).then(pl.lit(0.0)))
        .otherwise(years)
    )


def top_code_text(text: pl.Expr, at: int, label: str) -> pl.Expr:
    """Top-coded ages of a text column: whole years below `at`, `label` from `at` on.

    Bands at or above `at` become `label`; other bands and anything unreadable
    become null (fail closed).
    """
    clean = normalize(text)
    band = clean.str.extract_groups(_BAND)
    low = band.struct.field("1").cast(pl.Int64, strict=False)
    high = band.struct.field("2").cast(pl.Int64, strict=False)
    is_band = low.is_not_null() & high.is_not_null() & (low <= high)
    single = top_code_ages(age_years(clean, at, label), at, label)
    return pl.when(is_band).then(pl.when(low >= at).then(pl.lit(label))).otherwise(single)
