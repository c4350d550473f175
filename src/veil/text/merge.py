"""The span merger: overlapping findings become one span, adjacent name parts one name.

Rules, in order:

1. Overlapping spans (of any types) are merged into one span covering their
   union (fail closed: a character any recognizer flagged stays flagged); the
   merged span takes the type of its best member (highest score, then the
   longer, then the type order in `PRIORITY`); a name or town inside a facility's
   name or a street line leaves it a facility or an address.
2. Two NAME spans separated only by a space, a hyphen or ', ' join ('Maria' +
   'Lopez'); so do a NAME span and a following initial-and-surname.
3. Spans shorter than one character after trimming spaces and punctuation are
   dropped.

Before merging, a NAME span that is a found city plus ', State' ('Eugene, Indiana' read
as 'Last, First') is dropped: the city stays a city and the state, not PHI, stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from veil.text.spans import PhiType, Span

PRIORITY: tuple[PhiType, ...] = (
    PhiType.SSN, PhiType.EMAIL, PhiType.URL, PhiType.IP, PhiType.VIN, PhiType.DEVICE,
    PhiType.PHONE, PhiType.FAX, PhiType.MRN, PhiType.HEALTH_PLAN, PhiType.ACCOUNT,
    PhiType.LICENSE, PhiType.PLATE, PhiType.AGE, PhiType.DATE, PhiType.ADDRESS, PhiType.ZIP,
    PhiType.FACILITY, PhiType.COUNTY, PhiType.CITY, PhiType.NAME, PhiType.ID, PhiType.STATE,
)
_RANK = {t: i for i, t in enumerate(PRIORITY)}
_JOIN_GAP = re.compile(r"^(?: |-|, ?)$")
_STRIP = " \t\r\n,;:.[]{}\""
_STATE_TAIL = re.compile(
    r",[ \t]*(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|"
    r"Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|"
    r"Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|"
    r"New[ \t]+(?:Hampshire|Jersey|Mexico|York)|North[ \t]+(?:Carolina|Dakota)|Ohio|Oklahoma|"
    r"Oregon|Pennsylvania|Rhode[ \t]+Island|South[ \t]+(?:Carolina|Dakota)|Tennessee|Texas|"
    r"Utah|Vermont|Virginia|Washington|West[ \t]+Virginia|Wisconsin|Wyoming|[A-Z]{2})[ \t]*")


def _drop_city_state_names(spans: list[Span], text: str) -> list[Span]:
    """Without the NAME spans that are exactly a found city, a comma and a state."""
    starts = {s.start: s.end for s in spans if s.type is PhiType.CITY}
    if not starts:
        return spans
    return [s for s in spans if not (
        s.type is PhiType.NAME and s.start in starts and s.end > starts[s.start]
        and _STATE_TAIL.fullmatch(text, starts[s.start], s.end))]


def _better(a: Span, b: Span) -> Span:
    key_a = (a.score, a.length, -_RANK[a.type])
    key_b = (b.score, b.length, -_RANK[b.type])
    return a if key_a >= key_b else b


def _part_of_facility(outer: Span, inner: Span) -> bool:
    """A name or town inside a facility's name ('Mercy Medical Center - Roseburg', 'St. Luke's
    Hospital') or a street line ('1148 W Madison') is part of it: the whole keeps the
    facility's or the address's type (so a street's name never spreads as a person's)."""
    return (outer.type in (PhiType.FACILITY, PhiType.ADDRESS) and inner.end <= outer.end
            and inner.type in (PhiType.NAME, PhiType.CITY, PhiType.COUNTY))


def _name_then_facility(name: Span, facility: Span, text: str) -> int:
    """Where a name read on into a facility after a comma ends (the comma), or -1: a signer's
    name, a comma and the practice ('Dr. Chaim Lefkowitz, Williamsburg Pediatric Care') are
    two findings, so the practice's words never spread as a person's name."""
    if name.type is not PhiType.NAME or facility.type is not PhiType.FACILITY \
            or facility.start <= name.start or facility.end <= name.end:
        return -1
    comma = text.rfind(",", name.start, facility.start)
    if comma <= name.start or text[comma + 1:facility.start].strip(" \t"):
        return -1
    return comma


def merge(spans: Iterable[Span], text: str) -> list[Span]:
    """Merged, non-overlapping spans sorted by start (see the module docstring)."""
    ordered = sorted(_drop_city_state_names(list(spans), text), key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    for raw in ordered:
        span = _trim(raw, text)
        if span is None:
            continue
        if out and span.start < out[-1].end:
            prev = out[-1]
            comma = _name_then_facility(prev, span, text)
            if comma > 0:  # 'Dr. Chaim Lefkowitz, Williamsburg Pediatric Care'
                out[-1] = Span(prev.start, comma, prev.type, prev.source, prev.score)
                out.append(span)
                continue
            # a name of the same extent as a street ('N. Lincoln Ave' read as a person too)
            # is part of the street as well
            best = prev if _part_of_facility(prev, span) else span if (
                span.start == prev.start and prev.type is PhiType.NAME
                and span.type is PhiType.ADDRESS and span.end >= prev.end) \
                else _better(prev, span)
            out[-1] = Span(prev.start, max(prev.end, span.end), best.type,
                           best.source, max(prev.score, span.score))
            continue
        if (out and out[-1].type is PhiType.NAME and span.type is PhiType.NAME
                and _JOIN_GAP.match(text[out[-1].end:span.start])):
            prev = out[-1]
            out[-1] = Span(prev.start, span.end, PhiType.NAME, prev.source,
                           max(prev.score, span.score))
            continue
        out.append(span)
    return out


def _trim(span: Span, text: str) -> Span | None:
    start, end = span.start, span.end
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP and not (
            text[end - 1] == "." and end - start <= 3):
        end -= 1
    if end <= start:
        return None
    if (start, end) == (span.start, span.end):
        return span
    return Span(start, end, span.type, span.source, span.score)
