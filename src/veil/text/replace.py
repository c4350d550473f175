"""Replacement: spans become numbered tags or keyed surrogates, dates keep the year.

- Entities: within one text, mentions of the same thing share one replacement:
  the same normalized text, or for names a mention whose words are all words
  of an earlier name ('Mr. Smith' after 'John Smith'). Tags are numbered per
  type in order of first mention: `[NAME_1]`, `[NAME_2]`, `[PHONE_1]`.
- Surrogates (`replacement="surrogate"`): the table `fake` action's own keyed
  construction (`veil.actions.surrogates`): the same secret, purpose and scope
  ('default') and the same normalization, so 'John Smith' becomes the same fake
  name in every note and in a table column faked with provider `name`.
  Phones use the 555 exchange, SSNs the 9xx area, e-mails example.* domains,
  IPs the documentation range 192.0.2.0/24, codes keyed hex of the same length.
- Safe Harbor (`safe_harbor=True`): a date keeps only its four-digit year ('March
  3, 2021' -> '2021'), a date without one becomes a tag; when the text also states
  an age over 89, years go too (a year can reveal such an age). An age over 89
  becomes '90+' with its unit kept ('93-year-old' -> '90+-year-old').
- Date shift (`date_shift=True`, not Safe Harbor): every full date moves by a
  keyed per-patient number of days (`shift_days`), the same for every note and
  table of that patient under the same secret; partial dates keep the year.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from veil.actions.secrets import Secret
from veil.actions.surrogates import _fake_from_mac, keyed_mac, normalized
from veil.text.lexicon import fold, lexicon
from veil.text.spans import PhiType, Span

_YEAR4 = re.compile(r"(?<![0-9])(1[89][0-9]{2}|20[0-9]{2})(?![0-9])")
_AGE_NUMBER = re.compile(
    r"(?i)(?:9[0-9]|1[0-2][0-9])(?:st|nd|rd|th)?|90s|90's|nineties|nonagenarians?|"
    r"centenarians?|supercentenarians?|(?:ninety|(?:one\s+|a\s+)?hundred)(?:[\s\-]+(?:and\s+)?"
    r"[a-z]+)*?(?=[\s\-]*(?:years?|yrs?|yo|y/o|y\.o|year|$))")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]+")
SURROGATE_PROVIDERS: dict[PhiType, str] = {
    PhiType.NAME: "name", PhiType.ADDRESS: "street_address", PhiType.CITY: "city",
    PhiType.EMAIL: "email", PhiType.PHONE: "phone", PhiType.FAX: "phone", PhiType.SSN: "ssn",
    PhiType.ZIP: "digits", PhiType.FACILITY: "last_name", PhiType.COUNTY: "last_name",
}


@dataclass(frozen=True)
class Mention:
    span: Span
    entity: int
    number: int


def shift_days(secret: bytes, patient_key: str, *, max_days: int = 365) -> int:
    """The keyed date shift of one patient: in [-max_days, max_days], never 0.

    HMAC-SHA256 under the secret's 'date_shift/default' key of the patient key;
    the same secret and key give the same shift in notes and tables.
    """
    key = Secret(secret).derive("date_shift", "default").encode()
    mac = hmac.new(key, patient_key.encode(), hashlib.sha256).digest()
    value = int.from_bytes(mac[:8], "big") % (2 * max_days)
    return value - max_days if value < max_days else value - max_days + 1


def entities(text: str, spans: Sequence[Span]) -> list[Mention]:
    """Group mentions into entities and number them per type (see the module docstring)."""
    by_text: dict[tuple[PhiType, str], int] = {}
    name_words: dict[str, int] = {}
    numbers: dict[PhiType, int] = {}
    entity_number: dict[int, int] = {}
    out: list[Mention] = []
    for span in spans:
        surface = text[span.start:span.end]
        norm = re.sub(r"[^0-9a-z]", "", surface.casefold())
        entity: int | None = by_text.get((span.type, norm))
        words: list[str] = []
        if span.type is PhiType.NAME:
            words = [fold(w) for w in _WORD.findall(surface)]
            if entity is None:
                for word in words:
                    if word in name_words:
                        entity = name_words[word]
                        break
        if entity is None:
            entity = len(entity_number)
            numbers[span.type] = numbers.get(span.type, 0) + 1
            entity_number[entity] = numbers[span.type]
        by_text[(span.type, norm)] = entity
        for word in words:
            name_words.setdefault(word, entity)
        out.append(Mention(span, entity, entity_number[entity]))
    return out


def _tag(span: Span, number: int) -> str:
    return f"[{span.type.value}_{number}]"


def age_text(surface: str) -> str:
    """An age over 89 as '90+', its unit words kept."""
    replaced = _AGE_NUMBER.sub("90+", surface, count=1)
    return replaced if replaced != surface else "90+"


def surrogates(pairs: Sequence[tuple[str, str]], secret: bytes) -> list[str]:
    """Fake values for (provider, original) pairs, computed per provider in one Polars pass."""
    out = [""] * len(pairs)
    sec = Secret(secret)
    by_provider: dict[str, list[int]] = {}
    for i, (provider, _value) in enumerate(pairs):
        by_provider.setdefault(provider, []).append(i)
    for provider, rows in by_provider.items():
        key = sec.derive(f"fake/{provider}", "default")
        frame = pl.DataFrame({"v": [pairs[i][1] for i in rows]}, schema={"v": pl.String})
        col = pl.col("v")
        mac = keyed_mac(normalized(col), key)
        values = frame.select(_fake_from_mac(provider, mac, normalized(col))).to_series()
        for i, value in zip(rows, values.to_list(), strict=True):
            out[i] = value
    return out


def _provider(span: Span, surface: str) -> tuple[str, str]:
    """The fake provider and the value it is keyed on, as the table would key it."""
    lex = lexicon()
    if span.type is PhiType.NAME:
        words = [w for w in _WORD.findall(surface) if fold(w) not in lex.titles]
        if "," in surface and len(words) >= 2:
            words = [*words[1:], words[0]]
        if len(words) == 1:
            kind = "first_name" if fold(words[0]) in lex.first and fold(words[0]) not in \
                lex.last else "last_name"
            return kind, words[0]
        return "name", " ".join(words)
    provider = SURROGATE_PROVIDERS.get(span.type)
    if provider is not None:
        return provider, surface
    return "code", surface


def _date_parts(surface: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) read from a date's surface text, any of them None when absent."""
    year_match = _YEAR4.search(surface)
    year = int(year_match.group(1)) if year_match else None
    iso = re.search(r"(\d{4})[\-/.](\d{1,2})[\-/.](\d{1,2})", surface)
    if iso:
        return int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
    numeric = re.search(r"(\d{1,2})[/\-.](\d{1,2})(?:[/\-.](\d{2,4}))?", surface)
    if numeric:
        y = numeric.group(3)
        full_year = int(y) if y and len(y) == 4 else (2000 + int(y) if y else year)
        if full_year and full_year > dt.date.today().year and y and len(y) == 2:
            full_year -= 100
        return full_year, int(numeric.group(1)), int(numeric.group(2))
    months = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    lower = surface.lower()
    month = next((i + 1 for i, m in enumerate(months) if re.search(rf"\b{m}", lower)), None)
    day_match = re.search(r"(?<![0-9])([0-3]?[0-9])(?:st|nd|rd|th)?(?![0-9])", surface)
    day = int(day_match.group(1)) if day_match and 1 <= int(day_match.group(1)) <= 31 else None
    return year, month, day


def _shifted(surface: str, days: int) -> str | None:
    year, month, day = _date_parts(surface)
    if month is None or day is None:
        return None
    try:
        moved = dt.date(year or 2000, month, day) + dt.timedelta(days=days)
    except ValueError:
        return None
    if year is None:
        return moved.strftime("%B ") + str(moved.day)
    return moved.isoformat()


def _canonical(mentions: Sequence[Mention]) -> dict[int, Span]:
    canonical: dict[int, Span] = {}
    for mention in mentions:
        best = canonical.get(mention.entity)
        if best is None or mention.span.length > best.length:
            canonical[mention.entity] = mention.span
    return canonical


def surrogate_keys(text: str, spans: Sequence[Span]) -> list[tuple[str, str]]:
    """The (provider, value) pairs `replace_text` will need surrogates for (to batch them)."""
    canonical = _canonical(entities(text, spans))
    return [_provider(s, text[s.start:s.end]) for s in canonical.values()
            if s.type not in (PhiType.DATE, PhiType.AGE)]


def replace_text(text: str, spans: Sequence[Span], *, mode: str, safe_harbor: bool,
                 secret: bytes | None, shift: int | None,
                 table: dict[tuple[str, str], str] | None = None) -> str:
    """The text with every span replaced (see the module docstring).

    `table` holds surrogates computed ahead for a whole batch (`surrogate_keys`).
    """
    if not spans:
        return text
    mentions = entities(text, spans)
    has_old_age = any(s.type is PhiType.AGE for s in spans)
    canonical = _canonical(mentions)
    fakes: dict[int, str] = {}
    if mode == "surrogate" and secret is not None:
        wanted = [(e, _provider(s, text[s.start:s.end])) for e, s in canonical.items()
                  if s.type not in (PhiType.DATE, PhiType.AGE)]
        if table is not None and all(p in table for _e, p in wanted):
            values = [table[p] for _e, p in wanted]
        else:
            values = surrogates([p for _e, p in wanted], secret)
        fakes = {e: _dress(canonical[e], text, v) for (e, _p), v in
                 zip(wanted, values, strict=True)}
    parts: list[str] = []
    last = 0
    for mention in mentions:
        span = mention.span
        surface = text[span.start:span.end]
        parts.append(text[last:span.start])
        parts.append(_one(span, surface, mention, fakes, safe_harbor=safe_harbor,
                          has_old_age=has_old_age, shift=shift, canonical=canonical, text=text))
        last = span.end
    parts.append(text[last:])
    return "".join(parts)


def _dress(span: Span, text: str, fake: str) -> str:
    surface = text[span.start:span.end]
    if span.type is PhiType.FACILITY:
        tail = _WORD.findall(surface)[-1:] or ["Hospital"]
        return f"{fake.split()[-1]} {tail[0]}"
    if span.type is PhiType.COUNTY:
        return f"{fake.split()[-1]} County"
    if span.type is PhiType.IP:
        octet = int(fake[:2], 16) % 254 + 1 if re.fullmatch(r"[0-9A-F]{2}", fake[:2]) else 1
        return f"192.0.2.{octet}"
    if span.type is PhiType.URL:
        return f"https://example.org/{fake[:8].lower()}"
    if span.type is PhiType.ZIP:
        return fake[:5].ljust(5, "0") + ("-0000" if "-" in surface else "")
    return fake


def _one(span: Span, surface: str, mention: Mention, fakes: dict[int, str], *,
         safe_harbor: bool, has_old_age: bool, shift: int | None,
         canonical: dict[int, Span], text: str) -> str:
    if span.type is PhiType.AGE:
        return age_text(surface)
    if span.type is PhiType.DATE:
        if shift is not None:
            moved = _shifted(surface, shift)
            if moved is not None:
                return moved
        years = list(dict.fromkeys(m.group(1) for m in _YEAR4.finditer(surface)))
        if years and not has_old_age and (safe_harbor or shift is not None):
            return "-".join(years)  # a range keeps both years ('09/2024-03/2025' -> '2024-2025')
        return _tag(span, mention.number)
    fake = fakes.get(mention.entity)
    if fake is None:
        return _tag(span, mention.number)
    if span.type is PhiType.NAME:
        whole = canonical[mention.entity]
        if whole is not span:
            own = [fold(w) for w in _WORD.findall(surface)]
            full = [fold(w) for w in _WORD.findall(text[whole.start:whole.end])]
            fake_words = fake.split()
            if len(own) == 1 and len(full) >= 2 and len(fake_words) >= 2:
                return fake_words[0] if own[0] == full[0] else fake_words[-1]
    return fake
