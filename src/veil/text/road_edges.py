"""A road location read whole: a street found with its direction of travel, its exit or
overpass, its hundred block, and the road or town it is near.

Crash and assault sites are written as one place made of pieces ('the Southfield Fwy near
the Ford Rd exit', 'I-55 NB at Pulaski Rd', '2700 block N. 38th St', 'N. Lincoln Ave at W.
Foster Ave'). The street rules find the pieces one by one; the words between them ('near the',
'NB at') describe the site too and go with it, so a reader sees one hidden place, not two
streets and the words that tie them. Plain regexes on the text around found spans: no
library reads a road's description.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from veil.text.spans import PhiType, Span

_TRAVEL = (r"(?:NB|SB|EB|WB|N/B|S/B|E/B|W/B|(?i:northbound|southbound|eastbound|westbound|"
           r"north[ \t]*bound|south[ \t]*bound|east[ \t]*bound|west[ \t]*bound))")
_ROAD_TAIL = re.compile(
    r"[ \t]+(?:" + _TRAVEL + r"(?![A-Za-z0-9/])|(?i:exit|off-?ramp|on-?ramp|ramp|overpass|"
    r"underpass|bridge|viaduct|tunnel|interchange|MM|mile[ \t]+marker|mile[ \t]+post)"
    r"(?![A-Za-z\-])(?:[ \t]*+#?[ \t]*+[0-9]{1,3}[A-Z]?(?![A-Za-z0-9]))?)")
"""What goes on a road's name: a direction of travel, an exit, a ramp, an overpass, a mile
marker ('I-55 NB', 'the Ford Rd exit', 'E. 55th St overpass', 'I-94 NB MM 340')."""
_CONNECTOR = re.compile(
    r"(?:[ \t]+(?:(?:near|at|by|past|off|over|under|and|x|@)[ \t]+(?:the[ \t]+)?|"
    r"(?:just[ \t]+)?(?:north|south|east|west)[ \t]+of[ \t]+(?:the[ \t]+)?)|[ \t]*(?:&|/)[ \t]*)")
"""The words between two places of one site ('near the', 'at', '&', 'just south of')."""
_BLOCK_HEAD = re.compile(r"(?<![A-Za-z0-9])[1-9][0-9]{0,2}00[ \t]+(?i:block)[ \t]+"
                         r"(?:(?i:of)[ \t]+(?:the[ \t]+)?)?$")
"""A hundred block before a street ('2700 block N. 38th St', 'the 4500 block of Elm')."""
_LOCATIONS = (PhiType.ADDRESS, PhiType.CITY)


def _with_tail(text: str, end: int) -> int:
    """The end of a road's name after its direction, exit or overpass words (at most three)."""
    for _ in range(3):
        tail = _ROAD_TAIL.match(text, end)
        if tail is None:
            break
        end = tail.end()
    return end


def road_locations(text: str, spans: Sequence[Span]) -> list[Span]:
    """Wider address spans for road sites among `spans` (sorted, not overlapping): each
    address with its tail words and hundred block, joined to the next address or town when
    only a connector stands between them. Spans that would not change are not returned."""
    out: list[Span] = []
    index = 0
    while index < len(spans):
        span = spans[index]
        index += 1
        if span.type is not PhiType.ADDRESS:
            continue
        start = span.start
        head = _BLOCK_HEAD.search(text, max(0, start - 24), start)
        if head is not None:
            start = head.start()
        end = _with_tail(text, span.end)
        while index < len(spans) and spans[index].type in _LOCATIONS:
            link = _CONNECTOR.match(text, end)
            if link is None or link.end() != spans[index].start:
                break
            end = _with_tail(text, spans[index].end)
            index += 1
        if (start, end) != (span.start, span.end):
            out.append(Span(start, end, PhiType.ADDRESS, span.source, span.score))
    return out
