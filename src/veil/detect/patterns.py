"""The value detectors of the verification pass: one regex and a validation each.

These are deliberately independent of the scanner (`veil.scan`): the scanner
decides what a column is from a sample, the verification pass checks what
actually leaves, every value, with its own patterns. A detector is a prefilter
regex (Rust `regex` syntax: no look-around) plus an optional vectorized
validation over the values the prefilter matched (checksums, dictionaries), so
a detector that cannot be decided by a regex alone still runs as Polars
expressions, never as a Python loop over rows.

Boundaries are spelled `(?:^|[^0-9A-Za-z])` rather than `\\b`, because `\\b`
treats '_' as part of a word and an identifier in `visit_2023-04-17` must be
found too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

import polars as pl

from veil.categories import Category
from veil.detect import vocab
from veil.detect.vocab import (
    ETHNICITY_WORDS,
    RACE_WORDS,
    SEX_WORDS,
    STATE_WORDS,
    STATES,
    cities,
)

_S = r"(?:^|[^0-9A-Za-z])"
"""Start boundary: start of value or a character that is not a letter or digit."""
_E = r"(?:$|[^0-9A-Za-z])"
"""End boundary."""
_SD = r"(?:^|[^0-9])"
_ED = r"(?:$|[^0-9])"
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DAY = r"(?:0?[1-9]|[12][0-9]|3[01])"
_MON = r"(?:0?[1-9]|1[0-2])"
_YEAR4 = r"(?:1[89][0-9]{2}|20[0-9]{2}|21[0-9]{2})"
_STREET = (r"(?:street|st|avenue|ave|av|road|rd|boulevard|blvd|lane|ln|drive|dr|way|court|ct|"
           r"place|pl|terrace|ter|parkway|pkwy|highway|hwy|circle|cir|trail|trl|square|sq|"
           r"plaza|plz|alley|aly|route|rte)")
_FACILITY = (r"(?:hospital|medical cent(?:er|re)|health cent(?:er|re)|clinic|infirmary|"
             r"medical group|surgery cent(?:er|re)|nursing home|rehabilitation cent(?:er|re)|"
             r"health system|healthcare|medical plaza|urgent care)")


Validation = Callable[[pl.Expr], pl.Expr]
"""From the string values the prefilter matched, a boolean: is this a real finding."""


@dataclass(frozen=True)
class ValueDetector:
    """One kind of identifier recognizable in a single value."""

    name: str
    category: Category
    pattern: str
    validate: Validation | None = None

    def matches(self, text: pl.Expr) -> pl.Expr:
        """Boolean per value: the prefilter matches and the validation holds."""
        hit = text.str.contains(self.pattern)
        return hit if self.validate is None else hit & self.validate(text).fill_null(False)


def _ssn_valid(text: pl.Expr) -> pl.Expr:
    parts = text.str.extract_groups(_SD + r"([0-9]{3})[- ]([0-9]{2})[- ]([0-9]{4})" + _ED)
    area, group, serial = (parts.struct.field(f) for f in ("1", "2", "3"))
    return ((~area.is_in(["000", "666"])) & (~area.str.starts_with("9"))
            & (group != "00") & (serial != "0000"))


def _ipv4_valid(text: pl.Expr) -> pl.Expr:
    parts = text.str.extract_groups(
        _SD + r"([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})" + r"(?:$|[^0-9.])")
    octets = [parts.struct.field(str(i)).cast(pl.Int32, strict=False) for i in range(1, 5)]
    ok = pl.lit(True)
    for octet in octets:
        ok = ok & (octet <= 255)
    return ok


_VIN_VALUES = {**{str(d): d for d in range(10)},
               **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
               **dict(zip("JKLMN", range(1, 6), strict=True)), "P": 7, "R": 9,
               **dict(zip("STUVWXYZ", range(2, 10), strict=True))}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def _vin_valid(text: pl.Expr) -> pl.Expr:
    """The ISO 3779 / 49 CFR 565 check digit (position 9), vectorized over 17 slices."""
    vin = text.str.to_uppercase().str.extract(_S + r"([A-HJ-NPR-Z0-9]{17})" + _E, 1)
    total = pl.lit(0, dtype=pl.Int64)
    for position, weight in enumerate(_VIN_WEIGHTS):
        if weight:
            value = vin.str.slice(position, 1).replace_strict(
                _VIN_VALUES, default=None, return_dtype=pl.Int64)
            total = total + value * weight
    check = vin.str.slice(8, 1)
    expected = (total % 11).cast(pl.String).replace("10", "X")
    mixed = vin.str.contains(r"[A-Z]") & vin.str.contains(r"[0-9]")
    return mixed & (check == expected)


def _name_pair(first: str, second: str) -> Validation:
    def validate(text: pl.Expr) -> pl.Expr:
        parts = text.str.extract_groups(_NAME_PAIRS[(first, second)])
        a = parts.struct.field("1").str.to_uppercase()
        b = parts.struct.field("2").str.to_uppercase()
        return a.is_in(_names(first)) & b.is_in(_names(second))
    return validate


_WORD = r"([A-Za-z][A-Za-z'\-]+)"
_NAME_PAIRS = {
    ("last", "first"): r"^\s*" + _WORD + r"\s*,\s*" + _WORD + r"(?:\s+[A-Za-z]\.?)?\s*$",
    ("first", "last"): r"^\s*" + _WORD + r"\s+(?:[A-Za-z]\.?\s+)?" + _WORD + r"\s*$",
}
_TITLED = r"(?i)(?:^|[^0-9A-Za-z])(?:dr|mr|mrs|ms|miss|prof|rev)\.?\s+([A-Za-z][A-Za-z'\-]+)"


def _titled_name(text: pl.Expr) -> pl.Expr:
    return text.str.extract(_TITLED, 1).str.to_uppercase().is_in(_names("last"))


_NOT_NAMES = frozenset({
    *STATE_WORDS, *RACE_WORDS, *SEX_WORDS, *ETHNICITY_WORDS,
    "MAY", "WILL", "HOPE", "FAITH", "GRACE", "JOY", "MARK", "BILL", "SUMMER", "AUTUMN",
    "APRIL", "JUNE", "JULY", "AUGUST", "DAWN", "MORNING", "NIGHT", "DAY", "BED", "WARD",
    "HEAD", "HEART", "STROKE", "COLE", "PAGE", "HALL", "PARK", "HILL", "WOOD", "GREEN",
    "BROWN", "WHITE", "BLACK", "GRAY", "GREY", "YOUNG", "KING", "NORMAL", "HIGH", "LOW",
})


@cache
def _names(which: str) -> list[str]:
    """Upper-cased first or last names (Census and Faker lists shipped with veil), less
    names that are common words ('Will', 'Head') and category values ('White')."""
    source = vocab.first_names() if which == "first" else vocab.last_names()
    return sorted(source - vocab.weak_name_words() - _NOT_NAMES)


@lru_cache(maxsize=1)
def single_names() -> list[str]:
    """Names a whole value may be (column-level check of single-token name columns)."""
    return sorted(set(_names("first")) | set(_names("last")))


_FACILITY_NAME = r"(?i)(?:^|[^0-9a-z])((?:[a-z][a-z'.\-]+\s+){1,5})" + _FACILITY + _E
_PLACE_WORDS = frozenset({"ST", "ST.", "SAINT", "MOUNT", "MT", "MT.", "FORT", "FT", "FT.", "LAKE",
                          "PORT", "NEW", "NORTH", "SOUTH", "EAST", "WEST", "COUNTY"})


@lru_cache(maxsize=1)
def _place_or_name_words() -> list[str]:
    return sorted(cities_words() | set(_names("last")) | _PLACE_WORDS)


@lru_cache(maxsize=1)
def cities_words() -> frozenset[str]:
    """Upper-cased words of the city gazetteer's names (one-word names whole)."""
    return frozenset(w for c in cities() for w in c.split() if len(w) > 2)


def _facility_named(text: pl.Expr) -> pl.Expr:
    """A facility named after a place, a saint or a person: identifying (B)."""
    words = text.str.extract(_FACILITY_NAME, 1).str.to_uppercase().str.strip_chars()
    return words.str.split(" ").list.eval(pl.element().is_in(_place_or_name_words())).list.any()


_STATE_CODES = "|".join(sorted(c for c in STATES if len(c) == 2))

DETECTORS: tuple[ValueDetector, ...] = (
    ValueDetector("ssn", Category.SSN,
                  _SD + r"[0-9]{3}[- ][0-9]{2}[- ][0-9]{4}" + _ED, _ssn_valid),
    ValueDetector("email", Category.EMAIL,
                  r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"),
    ValueDetector("url", Category.URL,
                  r"(?i)(?:^|[^a-z])(?:https?|ftp)://[^\s]+|(?:^|[^0-9a-z])www\.[a-z0-9\-]+\.[a-z]{2,}"),
    ValueDetector("ipv4", Category.IP,
                  _SD + r"[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}(?:$|[^0-9.])",
                  _ipv4_valid),
    ValueDetector("ipv6", Category.IP,
                  r"(?i)(?:^|[^0-9a-z:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}"
                  r"|(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:?){0,6}[0-9a-f]{1,4})(?:$|[^0-9a-z:])"),
    ValueDetector("mac_address", Category.DEVICE,
                  r"(?:^|[^0-9A-Fa-f:\-])[0-9A-Fa-f]{2}(?:[:\-][0-9A-Fa-f]{2}){5}"
                  r"(?:$|[^0-9A-Fa-f:\-])"),
    ValueDetector("phone", Category.TELEPHONE,
                  _SD + r"(?:\+?1[\s.\-]?)?(?:\([2-9][0-9]{2}\)\s*|[2-9][0-9]{2}[\s.\-])"
                  r"[0-9]{3}[\s.\-][0-9]{4}" + _ED),
    ValueDetector("international_phone", Category.TELEPHONE,
                  r"(?:^|[^0-9A-Za-z+])\+[0-9]{1,3}[\s.\-]?\(?[0-9]{1,4}\)?(?:[\s.\-]?[0-9]{2,4}){2,4}"
                  + _ED),
    ValueDetector("date_iso", Category.DATES,
                  _SD + _YEAR4 + r"[\-/.]" + _MON + r"[\-/.]" + _DAY + _ED),
    ValueDetector("date_numeric", Category.DATES,
                  _SD + "(?:" + "|".join(
                      f"(?:{_MON}{sep}{_DAY}|{_DAY}{sep}{_MON}){sep}(?:[0-9]{{4}}|[0-9]{{2}})"
                      for sep in (r"/", r"\-", r"\.")) + r")(?:$|[^0-9.]|\.(?:$|[^0-9]))"),
    ValueDetector("date_written", Category.DATES,
                  r"(?i)" + _S + r"(?:" + _MONTH + r"\.?\s+" + _DAY + r"(?:st|nd|rd|th)?,?\s+"
                  r"(?:[0-9]{4}|'[0-9]{2})|" + _DAY + r"(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH
                  + r"\.?,?\s+[0-9]{4}|" + _DAY + r"[\-\s]" + _MONTH + r"[\-\s][0-9]{2,4})" + _E),
    ValueDetector("month_year", Category.DATES,
                  r"(?i)" + _S + r"(?:" + _MONTH + r"\.?,?\s+|" + _MON + r"/)" + _YEAR4 + _E),
    ValueDetector("year_month", Category.DATES,
                  r"(?:^|[^0-9\-])" + _YEAR4 + r"-(?:0[1-9]|1[0-2])" + r"(?:$|[^0-9\-])"),
    ValueDetector("month_with_number", Category.DATES,
                  r"(?i)" + _S + _MONTH + r"\.?[\s\-'/]+[0-9]{1,4}" + _E),
    ValueDetector("month_name", Category.DATES, r"(?i)^\s*" + _MONTH + r"\.?\s*$"),
    ValueDetector("iso_duration_age", Category.DATES,
                  r"(?i)(?:^|[^a-z0-9])P(?:9[0-9]|1[0-4][0-9])Y(?:[0-9]+[MWD])*" + _E),
    ValueDetector("timestamp_compact", Category.DATES,
                  _SD + _YEAR4 + r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[T ]?"
                  r"(?:[01][0-9]|2[0-3])[0-5][0-9]"),
    ValueDetector("age_over_89", Category.DATES,
                  r"(?i)" + _S + r"(?:9[0-9]|1[0-4][0-9])\s*(?:-|\s)?(?:yo|y/o|y\.o\.|yrs?|"
                  r"years?(?:[\s\-]+old)?|year-old)" + _E),
    ValueDetector("street_address", Category.GEOGRAPHY,
                  r"(?i)" + _S + r"[0-9]{1,6}[a-z]?\s+(?:[nsew]\.?\s+)?(?:[a-z0-9'.\-]+\s+){1,4}"
                  + _STREET + r"\.?" + _E),
    ValueDetector("po_box", Category.GEOGRAPHY, r"(?i)" + _S + r"p\.?\s*o\.?\s*box\s+[0-9]+"),
    ValueDetector("zip_with_state", Category.GEOGRAPHY,
                  r"(?:^|[^0-9A-Za-z])(?:" + _STATE_CODES + r"),?\s+[0-9]{5}(?:-[0-9]{4})?"
                  + r"(?:$|[^0-9\-])"),
    ValueDetector("zip_plus_four", Category.GEOGRAPHY,
                  r"(?:^|[^0-9\-])[0-9]{5}-[0-9]{4}(?:$|[^0-9\-])"),
    ValueDetector("coordinates", Category.GEOGRAPHY,
                  r"(?:^|[^0-9.])-?[0-9]{1,2}\.[0-9]{3,}\s*[,;/ ]\s*-?[0-9]{1,3}\.[0-9]{3,}"
                  r"(?:$|[^0-9.])"),
    ValueDetector("county", Category.GEOGRAPHY,
                  r"(?:^|[^0-9A-Za-z])[A-Z][A-Za-z'.\-]+(?:\s+[A-Z][A-Za-z'.\-]+)?\s+"
                  r"(?:County|Parish|Borough|COUNTY|PARISH)" + _E),
    ValueDetector("vin", Category.VEHICLE, _S + r"[A-HJ-NPR-Za-hj-npr-z0-9]{17}" + _E, _vin_valid),
    ValueDetector("udi", Category.DEVICE,
                  r"\(01\)[0-9]{14}|(?:^|[^0-9A-Za-z])\+[A-Z][0-9A-Z]{3}[0-9A-Z]{1,18}[0-9A-Z/$]"
                  r"(?:$|\s)|(?i)(?:^|[^a-z])(?:s/n|serial(?:\s+(?:no|number|#))?)\s*[:#]?\s*"
                  r"[a-z0-9][a-z0-9\-]{4,}"),
    ValueDetector("card_number", Category.ACCOUNT,
                  _SD + r"[0-9]{4}[ \-][0-9]{4}[ \-][0-9]{4}[ \-][0-9]{1,7}" + _ED),
    ValueDetector("labelled_record_number", Category.MRN,
                  r"(?i)(?:^|[^a-z])(?:mrn|medical\s+record(?:\s+(?:number|no\.?|#))?)"
                  r"\s*[:#]?\s*[a-z0-9][a-z0-9\-]{3,}"),
    ValueDetector("labelled_account", Category.ACCOUNT,
                  r"(?i)(?:^|[^a-z])(?:acct|account)(?:\s+(?:number|no\.?|#))?\s*[:#]\s*"
                  r"[a-z0-9][a-z0-9\-]{3,}"),
    ValueDetector("labelled_plan_number", Category.HEALTH_PLAN,
                  r"(?i)(?:^|[^a-z])(?:member|subscriber|policy|beneficiary)\s*(?:id|number|no\.?|#)"
                  r"\s*[:#]?\s*[a-z0-9][a-z0-9\-]{3,}"),
    ValueDetector("labelled_license", Category.LICENSE,
                  r"(?i)(?:^|[^a-z])(?:npi|dea|licen[cs]e(?:\s+(?:number|no\.?|#))?)\s*[:#]\s*"
                  r"[a-z0-9][a-z0-9\-]{3,}"),
    ValueDetector("license_plate", Category.VEHICLE,
                  r"(?i)(?:^|[^a-z])(?:licen[cs]e\s+plate(?:\s+(?:number|no\.?|#))?|"
                  r"plate\s*(?:number|no\.?|#|:))\s*[:#]?\s*[a-z0-9][a-z0-9\- ]{1,7}[a-z0-9]"),
    ValueDetector("name_last_first", Category.NAMES, _NAME_PAIRS[("last", "first")],
                  _name_pair("last", "first")),
    ValueDetector("name_first_last", Category.NAMES, _NAME_PAIRS[("first", "last")],
                  _name_pair("first", "last")),
    ValueDetector("titled_name", Category.NAMES, _TITLED, _titled_name),
    ValueDetector("facility_name", Category.GEOGRAPHY, _FACILITY_NAME, _facility_named),
)
"""Every value detector, in report order."""

ANY_PATTERN = "|".join(f"(?:{d.pattern})" for d in DETECTORS)
"""One alternation of every prefilter: the first, cheap pass over every value."""


def detector(name: str) -> ValueDetector:
    """The built-in detector called `name`."""
    for item in DETECTORS:
        if item.name == name:
            return item
    raise KeyError(name)


@lru_cache(maxsize=1)
def cities_list() -> list[str]:
    """Upper-cased city names a whole value may be (column-level check)."""
    return sorted(cities())


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    return frozenset(_names("first"))


@lru_cache(maxsize=1)
def last_names() -> frozenset[str]:
    return frozenset(_names("last"))
