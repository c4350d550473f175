"""Known PHI: a patient's identifiers from a structured table, found in that patient's notes.

`known_phi_from_table(frame, link)` treats every column of the patient's rows as
identifiers by content, whatever the column is called: a value that reads as a
date gives the date in its usual written forms ('1958-03-14', '3/14/58',
'March 14th, 1958', '14 Mar 1958', 'March 14'); a phone number, SSN or record
number gives a pattern that accepts any separators ('(617) 555-0134',
'617.555.0134'); a name gives each of its words (any case, or capitalized only
for everyday words such as 'Rose'), initials before and after ('J. Smith',
'John S.'), 'Smith, John' and the nicknames of the shipped table ('Bill' for
'William'); a street line gives its number and words with the suffix spelled
either way ('St'/'Street'); a city its name. Values that identify nobody are
skipped: short numbers (counts, ages), decimals (measurements), sex, race,
ethnicity and state words, clinical codes and vocabulary, and long free text.

The result is a read-only mapping from the link value to `KnownPhi`, built
lazily per patient (only the patients whose notes are scrubbed are expanded),
so a large table costs one group-by, not one Python object per row.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import polars as pl

from veil.detect import vocab
from veil.errors import UsageError
from veil.text.lexicon import MONTH_WORDS, fold, lexicon
from veil.text.spans import PhiType, Span
from veil.text.validate import VALIDATORS

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_ORDINAL = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
_STREET_FORMS = {
    "STREET": "St", "AVENUE": "Ave", "ROAD": "Rd", "BOULEVARD": "Blvd", "LANE": "Ln",
    "DRIVE": "Dr", "COURT": "Ct", "PLACE": "Pl", "TERRACE": "Ter", "PARKWAY": "Pkwy",
    "HIGHWAY": "Hwy", "CIRCLE": "Cir", "TRAIL": "Trl", "SQUARE": "Sq", "PLAZA": "Plz",
    "NORTH": "N", "SOUTH": "S", "EAST": "E", "WEST": "W", "APARTMENT": "Apt", "SUITE": "Ste",
}
_SHORT_TO_LONG = {v.upper(): k for k, v in _STREET_FORMS.items()}
_B = r"(?<![A-Za-z0-9])"
_E = r"(?![A-Za-z0-9])"
_NOT_IDENTIFYING = frozenset(
    vocab.SEX_WORDS | vocab.RACE_WORDS | vocab.ETHNICITY_WORDS | vocab.STATE_WORDS
    | {"TRUE", "FALSE", "YES", "NO", "Y", "N", "NULL", "NONE", "NAN", "NA", "N/A", "UNKNOWN",
       "MARRIED", "SINGLE", "DIVORCED", "WIDOWED", "SEPARATED", "ENGLISH", "SPANISH",
       "MEDICARE", "MEDICAID", "SELF", "PRIVATE", "COMMERCIAL", "INPATIENT", "OUTPATIENT",
       "EMERGENCY", "ACTIVE", "INACTIVE", "ALIVE", "DECEASED", "USA", "US", "UNITED STATES"})


@dataclass(frozen=True)
class KnownPhi:
    """One patient's identifiers as regex sources with their types (see the module docstring).

    `find(text)` returns every occurrence in `text`; the patterns are compiled
    once per object (one alternation per case mode).
    """

    patterns: tuple[tuple[str, PhiType, bool], ...] = ()
    """(regex source, type, case_sensitive)."""
    _cache: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def _compiled(self) -> list[tuple[re.Pattern[str], list[PhiType]]]:
        out: list[tuple[re.Pattern[str], list[PhiType]]] = []
        for sensitive in (False, True):
            items = sorted({(p, t) for p, t, s in self.patterns if s is sensitive},
                           key=lambda item: -len(item[0]))
            if not items:
                continue
            source = "|".join(f"(?P<k{i}>{p})" for i, (p, _t) in enumerate(items))
            flags = 0 if sensitive else re.IGNORECASE
            out.append((re.compile(_B + "(?:" + source + ")" + _E, flags),
                        [t for _p, t in items]))
        return out

    def find(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for regex, types in self._compiled:
            for match in regex.finditer(text):
                group = match.lastgroup
                kind = types[int(group[1:])] if group else PhiType.ID
                spans.append(Span(match.start(), match.end(), kind, "known", 1.0))
        return spans

    def __bool__(self) -> bool:
        return bool(self.patterns)


class KnownTable(Mapping[str, KnownPhi]):
    """Read-only mapping link value -> KnownPhi, expanded on first access (bounded cache)."""

    def __init__(self, groups: dict[str, list[str]]) -> None:
        self._groups = groups

    def __getitem__(self, key: str) -> KnownPhi:
        values = self._groups[key]
        return _expand(key, tuple(values))

    def __iter__(self) -> Iterator[str]:
        return iter(self._groups)

    def __len__(self) -> int:
        return len(self._groups)


def known_phi_from_table(frame: pl.DataFrame, link: str) -> KnownTable:
    """Per-patient known PHI from a table joined to notes by the `link` column.

    Every column's distinct values per link value are collected with one
    Polars group-by (values cast to text; dates written ISO); expansion into
    written variants happens lazily per patient.
    """
    if link not in frame.columns:
        raise UsageError(f"--link: the table has no column named {link!r}",
                         hint="name the column that holds the patient id shared with the notes")
    text_cols = []
    for name, dtype in frame.schema.items():
        col = pl.col(name)
        if dtype.is_temporal():
            col = col.dt.strftime("%Y-%m-%d") if dtype != pl.Time else col.cast(pl.String)
        text_cols.append(col.cast(pl.String).alias(name))
    long = (frame.lazy().select(text_cols)
            .with_columns(pl.col(link).alias("__link"))
            .unpivot(index="__link", value_name="__value")
            .drop_nulls("__value").filter(pl.col("__link").is_not_null())
            .group_by("__link").agg(pl.col("__value").unique(maintain_order=True))
            .collect())
    groups = dict(zip(long.get_column("__link").to_list(),
                      long.get_column("__value").to_list(), strict=True))
    return KnownTable(groups)


@lru_cache(maxsize=4096)
def _expand(key: str, values: Sequence[str]) -> KnownPhi:
    out: list[tuple[str, PhiType, bool]] = []
    for value in {key, *values}:
        out.extend(value_patterns(value))
    return KnownPhi(tuple(dict.fromkeys(out)))


def value_patterns(value: str) -> list[tuple[str, PhiType, bool]]:
    """The regex variants of one cell value (see the module docstring)."""
    value = " ".join(str(value).split())
    if not value or len(value) > 80:
        return []
    if fold(value) in _NOT_IDENTIFYING:
        # a state or category word; when it is also a given name ('Virginia'), the patient's
        # capitalized mentions of it are kept as a name (fail closed)
        key = fold(value)
        if key in lexicon().first and len(key) >= 4 and value.isalpha():
            return [(_capitalized(key), PhiType.NAME, True)]
        return []
    date = _as_date(value)
    if date is not None:
        return [(p, PhiType.DATE, False) for p in date_patterns(date)]
    if "@" in value and re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", value):
        return [(re.escape(value), PhiType.EMAIL, False)]
    if re.fullmatch(r"(?i)https?://\S+|www\.\S+", value):
        return [(re.escape(value), PhiType.URL, False)]
    digits = re.sub(r"[^0-9]", "", value)
    if re.fullmatch(r"[0-9()+.\-\s]+", value):
        return _number_patterns(value, digits)
    if re.fullmatch(r"[0-9]{1,6}[A-Za-z]?\s+\S.*", value):
        return _address_patterns(value)
    if re.fullmatch(r"[A-Za-zÀ-ÿ'’.\-, ]+", value):
        return _word_patterns(value)
    if re.fullmatch(r"[A-Za-z0-9\-./ ]{4,30}", value) and digits:
        if not VALIDATORS["not_code"]([value])[0]:
            return []
        return [(_flexible(value), PhiType.ID, False)]
    return []


def _number_patterns(value: str, digits: str) -> list[tuple[str, PhiType, bool]]:
    if re.fullmatch(r"[0-9]+\.[0-9]+", value) or len(digits) < 4:
        return []  # a measurement, a count, an age
    if len(digits) == 10 or (len(digits) == 11 and digits[0] == "1"):
        d = digits[-10:]
        sep = r"[\s.\-]*"
        full = rf"(?:\+?1{sep})?\(?{d[:3]}\)?{sep}{d[3:6]}{sep}{d[6:]}"
        return [(full, PhiType.PHONE, False), (rf"{d[3:6]}[\s.\-]?{d[6:]}", PhiType.PHONE, False)]
    if len(digits) == 9 and re.fullmatch(r"[0-9]{3}[\- ][0-9]{2}[\- ][0-9]{4}", value):
        return [(rf"{digits[:3]}[\s\-]?{digits[3:5]}[\s\-]?{digits[5:]}", PhiType.SSN, False)]
    if len(digits) == 5 or re.fullmatch(r"[0-9]{5}-[0-9]{4}", value):
        return [(re.escape(value), PhiType.ZIP, False)]
    return [(_flexible(digits), PhiType.ID, False)]


def _flexible(value: str) -> str:
    """The characters of an id with any of ' ', '-', '.' or '/' allowed between them."""
    chars = [re.escape(c) for c in value if c.isalnum()]
    return r"[\s\-./]?".join(chars)


def _word_patterns(value: str) -> list[tuple[str, PhiType, bool]]:
    lex = lexicon()
    if "," in value:
        last, _, first = value.partition(",")
        words = [*first.split(), *last.split()]
    else:
        words = value.split()
    words = [w.strip(".,") for w in words if w.strip(".,")]
    if not words or len(words) > 5:
        return []
    keys = [fold(w) for w in words]
    if any(lex.is_clinical(k) or k in lex.not_name for k in keys):
        return []
    whole = fold(" ".join(words))
    if whole in lex.places:
        sensitive = len(words) == 1 and (whole in lex.weak or lex.blocks_alone(whole))
        return [(r"\s+".join(re.escape(w) for w in words), PhiType.CITY, sensitive)]
    if len(words) > 1 and any(w[:1].islower() and k not in lex.particles
                              for w, k in zip(words, keys, strict=True)):
        return []  # lower-case words: text, not a name
    out: list[tuple[str, PhiType, bool]] = []
    for key in keys:
        if len(key) < 2 or key in lex.particles or key in lex.titles or key in lex.suffixes:
            continue
        if key in MONTH_WORDS or key in _NOT_IDENTIFYING:
            if key in lex.first and len(key) >= 3:  # 'April', 'June', 'Virginia'
                out.append((_capitalized(key), PhiType.NAME, True))
            continue
        forms = {key, *lex.nicknames.get(key, ())}
        for form in forms:
            weak = form in lex.weak or lex.blocks_alone(form)
            pattern = _name_word(form)
            if weak:
                out.append((_capitalized(form), PhiType.NAME, True))
                out.append((r"[A-Z]\.?\s?" + _capitalized(form), PhiType.NAME, True))
            else:
                out.append((pattern, PhiType.NAME, False))
                out.append((r"[A-Z]\.\s?(?i:" + pattern + ")", PhiType.NAME, True))
                out.append(("(?i:" + pattern + r")\s+[A-Z]\.", PhiType.NAME, True))
    return out


def _name_word(key: str) -> str:
    """A name word in any case, with its apostrophe or hyphen optional ('OBRIEN' ~ "O'Brien")."""
    parts = [re.escape(c) for c in key]
    return r"['’\-]?".join(parts) if len(key) > 3 else "".join(parts)


def _capitalized(key: str) -> str:
    rest = key[1:]
    return (re.escape(key[0]) + "(?:" + re.escape(rest.lower()) + "|" + re.escape(rest) + ")")


def _address_patterns(value: str) -> list[tuple[str, PhiType, bool]]:
    out: list[tuple[str, PhiType, bool]] = []
    for part in re.split(r"\s*,\s*", value):
        words = part.split()
        if not words:
            continue
        alts = []
        for word in words:
            key = fold(word)
            forms = {re.escape(word)}
            if key in _STREET_FORMS:
                forms.add(_STREET_FORMS[key] + r"\.?")
            if key in _SHORT_TO_LONG:
                forms.add(_SHORT_TO_LONG[key].capitalize())
            alts.append("(?:" + "|".join(sorted(forms)) + ")")
        if len(words) >= 2 and re.match(r"[0-9]", words[0]):
            out.append((r"\s+".join(alts), PhiType.ADDRESS, False))
            if len(words) >= 3:  # the street without its number ('Main Street')
                out.append((r"\s+".join(alts[1:]), PhiType.ADDRESS, False))
        elif part and fold(part) in lexicon().places:
            out.append((r"\s+".join(alts), PhiType.CITY, False))
    return out


def _as_date(value: str) -> dt.date | None:
    text = value.strip()
    for pattern, order in ((r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?", "ymd"),
                           (r"(\d{4})/(\d{1,2})/(\d{1,2})", "ymd"),
                           (r"(\d{1,2})/(\d{1,2})/(\d{4})", "mdy"),
                           (r"(\d{1,2})-(\d{1,2})-(\d{4})", "mdy"),
                           (r"(\d{4})(\d{2})(\d{2})", "ymd")):
        match = re.fullmatch(pattern, text)
        if match:
            a, b, c = (int(g) for g in match.groups())
            y, m, d = (a, b, c) if order == "ymd" else (c, a, b)
            try:
                date = dt.date(y, m, d)
            except ValueError:
                return None
            return date if 1850 <= date.year <= 2100 else None
    return None


def date_patterns(date: dt.date) -> list[str]:
    """Regexes for the written forms of one date (numeric, month names, ordinals, no year)."""
    y, m, d = date.year, date.month, date.day
    month = _MONTHS[m - 1]
    mon = "(?:" + month + "|" + month[:3] + (r"|Sept" if m == 9 else "") + r")\.?"
    day = rf"0?{d}(?:{_ORDINAL.get(d, 'th')})?"
    year = rf"(?:{y}|'?{y % 100:02d})"
    sep = r"[/\-.]"
    mm, dd = rf"0?{m}", rf"0?{d}"
    return [
        rf"{y}{sep}0?{m}{sep}0?{d}",
        rf"{mm}{sep}{dd}{sep}{year}",
        rf"{dd}{sep}{mm}{sep}{year}",
        rf"{mon}\s+{day},?\s+{year}",
        rf"(?:the\s+)?{day}\s+(?:of\s+)?{mon},?\s+{year}",
        rf"{dd}-{mon}-{year}",
        rf"{d:02d}{month[:3]}{y}",
        rf"{y}{m:02d}{d:02d}",
        rf"{mon}\s+{day}",
        rf"(?:the\s+)?{day}\s+of\s+{mon}",
        rf"{mm}/{dd}",
    ]
