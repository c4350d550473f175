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

from veil.text.lexicon import FUNCTION_WORDS, MONTH_WORDS, Lexicon, fold
from veil.text.places import COUNTRY_OR_REGION, countries_and_languages
from veil.text.spans import PhiType, Span
from veil.text.words import is_english

_TRAVEL = (r"(?:NB|SB|EB|WB|N/B|S/B|E/B|W/B|(?i:northbound|southbound|eastbound|westbound|"
           r"inbound|outbound|"
           r"north[ \t]*bound|south[ \t]*bound|east[ \t]*bound|west[ \t]*bound))")
_ROAD_TAIL = re.compile(
    r"[ \t]+(?:" + _TRAVEL + r"(?![A-Za-z0-9/])|(?:N|S|E|W|NE|NW|SE|SW)(?![A-Za-z0-9'’.])|"
    r"(?i:exit|off-?ramp|on-?ramp|ramp|overpass|"
    r"underpass|bridge|viaduct|tunnel|interchange|MM|mile[ \t]+marker|mile[ \t]+post)"
    r"(?![A-Za-z\-])(?:[ \t]*+#?[ \t]*+[0-9]{1,3}[A-Z]?(?![A-Za-z0-9]))?)")
"""What goes on a road's name: a direction of travel, an exit, a ramp, an overpass, a mile
marker ('I-55 NB', 'the Ford Rd exit', 'E. 55th St overpass', 'I-94 NB MM 340')."""
_CONNECTOR = re.compile(
    r"(?:[ \t]+(?:(?:near|at|by|past|off|over|under|and|to|x|@)[ \t]+(?:the[ \t]+)?|"
    r"(?:just[ \t]+)?(?:north|south|east|west)[ \t]+of[ \t]+(?:the[ \t]+)?)|[ \t]*(?:&|/)[ \t]*)")
"""The words between two places of one site ('near the', 'at', '&', 'just south of')."""
_BLOCK_HEAD = re.compile(r"(?<![A-Za-z0-9])[1-9][0-9]{0,2}00[ \t]+(?i:block)[ \t]+"
                         r"(?:(?i:of)[ \t]+(?:the[ \t]+)?)?$")
"""A hundred block before a street ('2700 block N. 38th St', 'the 4500 block of Elm')."""
_STREET_SHAPE = re.compile(
    r"(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?[ \t]+)?(?:(?:[A-Z][a-z'’\-]+|"
    r"[0-9]{1,3}(?:st|nd|rd|th))[ \t]+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|"
    r"Drive|Dr(?!\.?[ \t]+[A-Z])|Lane|Ln|Parkway|Pkwy|Freeway|Fwy|Expressway|Expy|Highway|"
    r"Hwy|Turnpike|Tpke)\.?(?![A-Za-z0-9])|I-[ ]?[0-9]{1,3}(?:/[0-9]{1,3})?(?![A-Za-z0-9\-])")
"""A street or an interstate by its shape, read only after a connector that follows a found
road ('N. Teutonia Ave & W. Capitol Dr', 'the E. 55th St overpass over I-90')."""
_ROAD_HEAD = re.compile(r"(?<![A-Za-z0-9])(?:Hwy|HWY|Highway|Route|Rte|SR|US|"
                        r"County[ \t]+(?:Rd|Road)|CR|FM)[ \t\-]*$")
"""A road's word before a number found as an address ('Hwy 64 Mile Marker 22')."""
_KIND_AFTER = re.compile(r"[ \t]+(?:jail|prison|clinic|hospital|school|church|station|library|"
                         r"shelter|courthouse|pharmacy|campus|mission|precinct|firehouse)"
                         r"(?![A-Za-z])")
"""A kind of place in lower case after a street's name: the street names the place."""
_ON_STREET = re.compile(r"[ \t]+(?:on|off)[ \t]+(?:the[ \t]+)?")
"""Between a facility and the street it stands on ('Walgreens on Prospect St')."""
_NEIGHBOURHOOD = re.compile(r"[ \t]*\(([A-Z][a-z'’]+(?:[ \t\-][A-Z][a-z'’]+){0,2})\)")
"""A neighbourhood in brackets after a town or a street ('Philadelphia (Fairhill)', 'Michigan
Ave near 24th St (Corktown)', 'W. Madison St (West Garfield Park)')."""
_LANGUAGE_WORD = re.compile(r"(?i:creole|kreyol|kreyòl|patois|dialect|language|sign)")
_LOCATIONS = (PhiType.ADDRESS, PhiType.CITY)


def _with_tail(text: str, end: int) -> int:
    """The end of a road's name after its direction, exit or overpass words (at most three)."""
    for _ in range(3):
        tail = _ROAD_TAIL.match(text, end)
        if tail is None:
            break
        end = tail.end()
    return end


def _road_inside(text: str, span: Span) -> bool:
    """A span of another type that starts with a road ('I-55 NB' read as a letterhead's
    facility): the road is what it is."""
    shape = _STREET_SHAPE.match(text, span.start)
    return shape is not None and shape.end() <= span.end


def neighbourhoods(text: str, spans: Sequence[Span], lexicon: Lexicon) -> list[Span]:
    """Neighbourhoods in brackets right after a found town or street: words of a place, a
    rare word or a name, none clinical, a month or a function word ('(Fairhill)', '(Little
    Village)'; not '(PR)', '(Spanish)', '(Tuesday)')."""
    out: list[Span] = []
    for span in spans:
        if span.type not in _LOCATIONS:
            continue
        match = _NEIGHBOURHOOD.match(text, span.end)
        if match is None or _LANGUAGE_WORD.search(text, span.start, span.end):
            continue  # ('Haitian Creole (Kreyol)': a language and its own name)
        keys = [fold(w) for w in re.split(r"[ \t\-]", match.group(1))]
        whole = " ".join(keys)
        if any(lexicon.is_clinical(k) or k in FUNCTION_WORDS or k in MONTH_WORDS
               or k in lexicon.states or k in lexicon.titles for k in keys) \
                or whole in COUNTRY_OR_REGION or whole in countries_and_languages():
            continue
        if whole in lexicon.places or any(not is_english(k) for k in keys):
            out.append(Span(match.start(1), match.end(1), PhiType.CITY, "neighbourhood", 0.8))
    return out


def road_locations(text: str, spans: Sequence[Span]) -> list[Span]:
    """Wider address spans for road sites among `spans` (sorted, not overlapping): each
    address with its tail words and hundred block, joined to the next address or town when
    only a connector stands between them. Spans that would not change are not returned."""
    out: list[Span] = []
    index = 0
    while index < len(spans):
        span = spans[index]
        index += 1
        if span.type is PhiType.FACILITY and index < len(spans) \
                and spans[index].type is PhiType.ADDRESS \
                and _ON_STREET.fullmatch(text, span.end, spans[index].start):
            # 'Kroger Pharmacy on Stone Dr': a branch by its street is one place
            out.append(Span(span.start, spans[index].end, PhiType.FACILITY, span.source,
                            span.score))
            continue
        if span.type is not PhiType.ADDRESS and not _road_inside(text, span):
            continue
        kind = _KIND_AFTER.match(text, span.end)
        if kind is not None and span.type is PhiType.ADDRESS and not text[span.start].isdigit():
            # 'the Rice Street jail', 'the Poplar Ave clinic': a place named by its street
            out.append(Span(span.start, kind.end(), PhiType.FACILITY, span.source, span.score))
            continue
        start = span.start
        head = _BLOCK_HEAD.search(text, max(0, start - 24), start)
        if head is not None:
            start = head.start()
        road = _ROAD_HEAD.search(text, max(0, start - 16), start)
        if road is not None and text[start:start + 1].isdigit():
            start = road.start()
        shape = None if span.type is PhiType.ADDRESS else _STREET_SHAPE.match(text, span.start)
        end = _with_tail(text, shape.end() if shape is not None else span.end)
        for _ in range(4):
            link = _CONNECTOR.match(text, end)
            if link is None:
                break
            if index < len(spans) and link.end() == spans[index].start and (
                    spans[index].type in _LOCATIONS or _road_inside(text, spans[index])):
                end = _with_tail(text, spans[index].end)
                index += 1
                continue
            shape = _STREET_SHAPE.match(text, link.end())
            if shape is None or (index < len(spans) and spans[index].start < shape.end()):
                break
            end = _with_tail(text, shape.end())
        if (start, end) != (span.start, span.end) and end > span.start:
            out.append(Span(start, end, PhiType.ADDRESS, span.source, span.score))
    return out
