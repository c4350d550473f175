"""Short dates that stand beside a date or a clock time ('on 12/2 and 13/2', '(7/1 and
19/1)', '16/12 09:20 - BM 7.1', 'at 2230 3/3, 0430 & 0930 3/4').

A month and day written as two numbers ('13/2') is also a fraction, a score or a grade
('1/4 meals', '2/6 murmur', '5/5 strength'), so the pattern rules date it only after a word
of an event. Two more kinds of evidence are positional: a short date coordinated with a date
already found (after 'and', '&', a comma, 'or', 'to') is one too, and a month and day next to
a clock time ('16/12 09:20', '0930 3/4') is a moment, not a ratio. Runs over the merged
spans; nothing here logs text.
"""

from __future__ import annotations

import re
from itertools import pairwise

from veil.text.spans import PhiType, Span

__all__ = ["dates_beside"]

_SHORT = r"([0-9]{1,2})/([0-9]{1,2})"
_NOT_AFTER = r"(?![0-9/]|[.\-][0-9])"
_ENDS = r"(?=[ \t]*(?:[,;.:)\n]|$|and\b|&|or\b)|[ \t]+(?:[01]?[0-9]|2[0-3]):?[0-5][0-9]\b)"
"""What may follow a short date found by position: punctuation, the end, 'and', a clock
time; never a word ('Seen 14/02/2024, 2/4 blood cultures positive', '0800 1/2 tab')."""
_COORDINATED_AFTER = re.compile(
    r"[ \t]*(?:,|&|and|or|to|through|thru|-|–)[ \t]*(?:(?:[01][0-9]|2[0-3])[0-5][0-9][ \t]+)?"
    r"(?<![0-9/.])" + _SHORT + _NOT_AFTER + _ENDS)
"""A short date after a found date and a word or sign that joins them."""
_COORDINATED_BEFORE = re.compile(r"(?<![0-9/.])" + _SHORT + r"[ \t]*(?:,|&|and|or)[ \t]*$")
"""A short date before a found date and a word or sign that joins them."""
_BEFORE_CLOCK = re.compile(r"(?<![0-9/.:A-Za-z])" + _SHORT + r"[ \t]+(?:(?:(?:at|@)[ \t]*+)?"
                           r"(?:[01]?[0-9]|2[0-3]):[0-5][0-9]|(?:at|@)[ \t]*+(?:[01][0-9]|2[0-3])"
                           r"[0-5][0-9])(?![0-9])")
"""'16/12 09:20', '2/10 at 21:30', '9/6 @ 0415': a month and day, then a clock time (with a
colon, or four digits after 'at')."""
_SCORE_BEFORE = re.compile(r"(?i:\b(?:strength|power|motor|pain|murmur|grade|score|scored|"
                           r"reflex(?:es)?|dtrs?|apgars?|gcs|mmse|moca|slums|ratio)[ \t]*+[:=]?"
                           r"[ \t]*+)$")
"""A score's or a grade's word before the pair ('strength 4/5 at 10:30'): no date."""
_AT_AFTER = re.compile(r"[ \t]+(?:at|@)")
"""'at' between a month/day and its clock time: then the pair must be no fraction."""
_VALUE_ARROW = r"[ \t]+[0-9][0-9,.]*(?:[ \t]*+[A-Za-z/%μ]{1,10})?[ \t]*+(?:->|-->|→|—>)[ \t]*+"
_SERIES_AFTER = re.compile(_VALUE_ARROW + r"(?<![0-9/.])" + _SHORT + _NOT_AFTER
                           + r"(?=[ \t]+[0-9])")
_SERIES_BEFORE = re.compile(r"(?<![0-9/.])" + _SHORT + _VALUE_ARROW + r"$")
"""A trend of dated values ('BK PCR 12/10 14,200 copies/mL -> 1/14 31,000 -> 2/11 9,800'): a
month and day with a value, an arrow, the next; a pain trend ('8/10 -> 3/10') has no value
between."""
_AFTER_CLOCK = re.compile(r"(?<![0-9/.:])(?<!(?i:in) )(?<!(?i:since) )(?<!(?i:from) )"
                          r"(?:[01][0-9]|2[0-3])[0-5][0-9](?:[ \t]*(?i:h|hrs|hours))?[ \t]+"
                          + _SHORT + _NOT_AFTER + _ENDS)
"""'2230 3/3': a four-digit clock time, then a month and day."""


_DATED_VALUES = re.compile(
    r"(?<![0-9/.])[0-9]{1,2}/[0-9]{1,2}[ \t]+[0-9]{1,4}(?:\.[0-9]+)?(?![0-9/])"
    r"(?:[ \t]*[,;][ \t]*[0-9]{1,2}/[0-9]{1,2}[ \t]+[0-9]{1,4}(?:\.[0-9]+)?(?![0-9/])){2,}")
"""A log of three or more dated values ('3/4 139.8, 3/5 140.4, 3/6 141.8')."""
_SCALES = frozenset({2, 3, 4, 5, 6, 8, 10, 12})
"""Denominators of scales and fractions ('4/5 strength', '7/10 pain', '3/4 tab')."""
_DATED_VALUE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})[ \t]+[0-9]")


def _dated_log(text: str) -> list[Span]:
    """The dates of a log of dated values whose days go forward ('3/4 139.8, 3/5 140.4, 3/6
    141.8'; never scores or doses that do not: '5/5 3, 4/5 2, 3/5 1')."""
    found: list[Span] = []
    for run in _DATED_VALUES.finditer(text):
        pairs = [(m.start(1), m.end(2), int(m.group(1)), int(m.group(2)))
                 for m in _DATED_VALUE.finditer(text, run.start(), run.end())]
        days = [(month, day) for _s, _e, month, day in pairs]
        scale = {d for _m, d in days}
        if (len(scale) == 1 and next(iter(scale)) in _SCALES and all(m <= d for m, d in days)) \
                or _SCORE_BEFORE.search(text, max(0, run.start() - 24), run.start()):
            continue  # 'Strength 1/5 3, 2/5 2, 3/5 1': grades on one scale, no days
        if all(_plausible(str(m), str(d)) for m, d in days) and (
                all(a < b for a, b in pairwise(days))
                or all((a[1], a[0]) < (b[1], b[0]) for a, b in pairwise(days))):
            found.extend(Span(a, b, PhiType.DATE, "date_series", 0.8) for a, b, _m, _d in pairs)
    return found


_MAX_CHAIN = 4
"""At most this many steps along a chain of coordinated dates per found span."""
_WEAK_SOURCES = frozenset({"date_context_short", "date_coordinated", "date_by_clock"})
"""Short dates found by a context word or a neighbour: no evidence for the date before."""


def _plausible(first: str, second: str) -> bool:
    """Month and day in either order ('3/14', '14/3'), never a zero."""
    a, b = int(first), int(second)
    if a == 0 or b == 0:
        return False
    return (a <= 12 and b <= 31) or (a <= 31 and b <= 12)


def dates_beside(text: str, spans: list[Span]) -> list[Span]:
    """Short dates coordinated with a found date or next to a clock time."""
    extra: list[Span] = []
    queue = [s for s in spans if s.type is PhiType.DATE]
    seen = 0
    while queue and seen < _MAX_CHAIN * max(1, len(spans)):
        span = queue.pop()
        seen += 1
        match = _COORDINATED_AFTER.match(text, span.end)
        if match and _plausible(match.group(1), match.group(2)):
            found = Span(match.start(1), match.end(2), PhiType.DATE, "date_coordinated", 0.8)
            extra.append(found)
            queue.append(found)  # ('12/02/2024, 13/2 and 14/2')
        series = _SERIES_AFTER.match(text, span.end)
        if series and _plausible(series.group(1), series.group(2)):
            found = Span(series.start(1), series.end(2), PhiType.DATE, "date_series", 0.8)
            extra.append(found)
            queue.append(found)  # ('-> 2/11 9,800 -> 3/4 7,100')
        if span.source in _WEAK_SOURCES:
            continue  # ('Strength 5/5 and 4/5': a date by 'and' alone leads to no other)
        earlier = _SERIES_BEFORE.search(text, max(0, span.start - 50), span.start)
        if earlier and _plausible(earlier.group(1), earlier.group(2)):
            extra.append(Span(earlier.start(1), earlier.end(2), PhiType.DATE, "date_series", 0.8))
        before = _COORDINATED_BEFORE.search(text, max(0, span.start - 12), span.start)
        if before and _plausible(before.group(1), before.group(2)):
            extra.append(Span(before.start(1), before.end(2), PhiType.DATE, "date_coordinated",
                              0.8))
    if "/" in text:
        extra.extend(_dated_log(text))
        for pattern in (_BEFORE_CLOCK, _AFTER_CLOCK):
            for match in pattern.finditer(text):
                at_clock = pattern is _BEFORE_CLOCK and _AT_AFTER.match(text, match.end(2))
                fraction = int(match.group(1)) < int(match.group(2)) <= 10
                if _plausible(match.group(1), match.group(2)) and "/" in text[
                        match.end(1):match.start(2)] and not _SCORE_BEFORE.search(
                        text, max(0, match.start() - 24), match.start()) and not (
                        at_clock and fraction):  # 'pain 6/10 at 14:00', 'ate 1/4 @ 1730'
                    extra.append(Span(match.start(1), match.end(2), PhiType.DATE,
                                      "date_by_clock", 0.8))
    return extra
