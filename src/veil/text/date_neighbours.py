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
_BEFORE_CLOCK = re.compile(r"(?<![0-9/.:A-Za-z])" + _SHORT + r"[ \t]+(?:[01]?[0-9]|2[0-3]):"
                           r"[0-5][0-9](?![0-9])")
"""'16/12 09:20': a month and day, then a clock time with a colon."""
_AFTER_CLOCK = re.compile(r"(?<![0-9/.:])(?<!(?i:in) )(?<!(?i:since) )(?<!(?i:from) )"
                          r"(?:[01][0-9]|2[0-3])[0-5][0-9](?:[ \t]*(?i:h|hrs|hours))?[ \t]+"
                          + _SHORT + _NOT_AFTER + _ENDS)
"""'2230 3/3': a four-digit clock time, then a month and day."""


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
        if span.source in _WEAK_SOURCES:
            continue  # ('Strength 5/5 and 4/5': a date by 'and' alone leads to no other)
        before = _COORDINATED_BEFORE.search(text, max(0, span.start - 12), span.start)
        if before and _plausible(before.group(1), before.group(2)):
            extra.append(Span(before.start(1), before.end(2), PhiType.DATE, "date_coordinated",
                              0.8))
    if "/" in text:
        for pattern in (_BEFORE_CLOCK, _AFTER_CLOCK):
            for match in pattern.finditer(text):
                if _plausible(match.group(1), match.group(2)) and "/" in text[
                        match.end(1):match.start(2)]:
                    extra.append(Span(match.start(1), match.end(2), PhiType.DATE,
                                      "date_by_clock", 0.8))
    return extra
