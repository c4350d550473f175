"""Places written in lower case (chat, portal messages).

When a text has almost no capitals, case is no evidence: a gazetteer town after a place
preposition ('moved to tulsa'), a facility word after naming words ('seen at mercy
clinic'), a word after a verb of care ('transferred to mercy'), a ZIP code after a
lower-case state code ('portland or 97201').
"""

from __future__ import annotations

import re

from veil.text.lexicon import FUNCTION_WORDS, fold
from veil.text.places.base import _PlaceBase
from veil.text.places.facilities import _FACILITY_VERB, _PREP_GROUP
from veil.text.places.vocabulary import (
    _ADJECTIVE_END,
    _COUNTRIES,
    _GENERIC,
    _SERVICE_WORDS,
    _SERVICES,
    _UNITS,
    COUNTRY_OR_REGION,
)
from veil.text.regex_lead import fast_compile
from veil.text.spans import PhiType, Span
from veil.text.words import is_english, zipf

_LOWER_FACILITY = re.compile(
    r"(?<![A-Za-z'’\-])((?:st\.?\s+)?[a-z][a-z'’]+(?:[ \t][a-z][a-z'’]+){1,2})[ \t]+"
    r"(?:rehab(?:ilitation)?(?:\s+cent(?:er|re))?|hospital|clinic|nursing\s+home|hospice|"
    r"manor|pharmacy|medical\s+cent(?:er|re))(?![A-Za-z])")
_RARE_BRAND = 3.5
"""An English word rarer than this before a facility word names the place ('heartland
hospice', 'lakeshore surgical'); commoner ones describe it ('local', 'regular', 'minute')."""
_TITLE_WORD = re.compile(r"(?<![A-Za-z])[A-Z][a-z]")
_TITLE_WORD_CHARS = 1
_CHAT_CAPITALS = 0.015
"""A text whose characters are at most 1.5 % capitals is lower-case chat."""
_EVERYDAY_WORD = 4.5
"""Zipf frequency from which a lower-case word reads as everyday English ('new', 'park')."""
_LOWER_PLACE = fast_compile(
    r"(?<![A-Za-z])(?:in|from|to|near|outside|around|of)[ \t]+(?=([a-z][a-z'’\-]+(?:[ \t]+"
    r"[a-z][a-z'’\-]+){0,2}))")
"""A lower-case word run after a place preposition (read ahead, not consumed: 'to the va in
tomah' tries 'the va in' and then 'tomah')."""
_LOWER_FACILITY_PREP = re.compile(
    r"(?<![A-Za-z])(to|at|from|per|with|through|via)[ \t]+(?:the[ \t]+)?([a-z][a-z'’]{2,})"
    r"(?![A-Za-z'’])")
"""In lower-case chat, one word after a verb of care and its preposition ('seen at geisinger')."""
_ZIP_AFTER_LOWER_CODE = fast_compile(r"(?<=[ ,][a-z]{2}[ ,])[0-9]{5}(?:-[0-9]{4})?(?![0-9])")
"""Five digits after a lower-case two-letter word ('portland or 97201', 'boise id 83702')."""
_TOWN_BEFORE_CODE = re.compile(r"([A-Za-z][A-Za-z'’.\-]+(?:[ \t][A-Za-z][A-Za-z'’.\-]+){0,2}),?"
                               r"[ \t]+[a-z]{2},?[ \t]*$")
_LOWER_STATE_ZIP = re.compile(r",?[ \t]+([a-z]{2}),?[ \t]+([0-9]{5}(?:-[0-9]{4})?)(?![0-9])")
_LOWER_ONE_FACILITY = re.compile(
    r"(?<![A-Za-z'’\-])([a-z][a-z'’]{2,})[ \t]+(?:hospital|clinic|er|urgent[ \t]+care|"
    r"medical[ \t]+cent(?:er|re)|med[ \t]+cent(?:er|re)|rehab|pharmacy|dialysis|hospice|"
    r"surgical|surgery[ \t]+cent(?:er|re)|orthopedics|home[ \t]+health|nursing[ \t]+home)"
    r"(?![A-Za-z])")
"""One lower-case word before a facility word in chat ('baylor hospital', 'sutter er')."""


_COMPARISON = frozenset({"THAN", "THEN", "RATHER", "INSTEAD", "VERSUS", "VS"})
"""Words of a comparison before a kind of care ('better than dialysis'), never a place's name
(some are also given names: 'Than')."""


class _LowerPlaces(_PlaceBase):
    """Finds lower-case places and facilities."""

    def _lower_places(self, text: str) -> list[Span]:
        """'moved to tulsa', 'live in eau claire ok 74012': in lower-case chat (few capitals),
        a gazetteer town after a place preposition is a city, unless it is an everyday word
        too (word-named towns, names that are words), a state, clinical or a function word."""
        # a writer who capitalizes names ('PTSD', 'VA' do not count) writes a lower-case town
        # of one word only as a word; a town of two words or more that no English phrase
        # spells ('in new orleans') is a town whoever writes it
        capitalizes = len(_TITLE_WORD.findall(text)) * _TITLE_WORD_CHARS > \
            len(text) * _CHAT_CAPITALS
        lex = self.lex
        spans: list[Span] = []
        for match in _LOWER_PLACE.finditer(text):
            words = match.group(1).split()
            keys = [fold(w) for w in words]
            for n in range(len(keys), 0, -1):
                whole = " ".join(keys[:n])
                if whole not in lex.places or whole in lex.states or whole in COUNTRY_OR_REGION \
                        or whole in _COUNTRIES or whole in _GENERIC:
                    continue
                if capitalizes and (n == 1 or all(zipf(k) >= _EVERYDAY_WORD for k in keys[:n])):
                    break
                if n == 1 and (whole in lex.weak or whole in lex.place_words
                               or whole in FUNCTION_WORDS or lex.is_clinical(whole)
                               or whole in lex.not_name or whole in _SERVICES
                               or whole in lex.first or len(whole) < 4):
                    break
                end = match.start(1) + len(" ".join(words[:n]))
                spans.append(Span(match.start(1), end, PhiType.CITY, "place_lower", 0.75))
                code_zip = _LOWER_STATE_ZIP.match(text, end)
                if code_zip and code_zip.group(1).upper() in lex.states:  # 'portland or 97201'
                    spans.append(Span(code_zip.start(2), code_zip.end(2), PhiType.ZIP,
                                      "place_lower", 0.8))
                break
        if capitalizes:
            return spans
        for match in _LOWER_FACILITY_PREP.finditer(text):
            key = fold(match.group(2))
            verb = _FACILITY_VERB[_PREP_GROUP[match.group(1).upper()]]
            if (key in FUNCTION_WORDS or self._plain(key) or key in _SERVICES or len(key) < 3
                    or key in _UNITS or key in lex.places
                    or (is_english(key) and not lex.is_name(key)) or key in lex.weak
                    or not verb.search(text, max(0, match.start() - 45), match.start())):
                continue
            spans.append(Span(match.start(2), match.end(2), PhiType.FACILITY, "facility_lower",
                              0.7))
        for match in _LOWER_ONE_FACILITY.finditer(text):
            key = fold(match.group(1))
            if (key in FUNCTION_WORDS or key in _COMPARISON or self._plain(key)
                    or key in _SERVICES or len(key) < 3
                    or key in lex.states or _ADJECTIVE_END.search(key)
                    or (is_english(key) and not lex.is_name(key) and zipf(key) >= _RARE_BRAND)):
                continue  # 'local clinic', 'walk-in clinic' stay; 'heartland hospice' goes
            spans.append(Span(match.start(1), match.end(), PhiType.FACILITY, "facility_lower",
                              0.7))
        return spans

    def _lower_facilities(self, text: str) -> list[Span]:
        """'cedar bend rehab', 'st agnes hospital' in lower-case chat: two or three lower-case
        words before a facility word, none of them generic, clinical, a function word or
        shaped like an adjective ('pulmonary rehab', 'the local hospital' stay)."""
        lex = self.lex
        spans: list[Span] = []
        for match in _LOWER_FACILITY.finditer(text) if any(
                w in text for w in ("rehab", "hospital", "clinic", "nursing", "hospice",
                                    "manor", "pharmacy")) else ():
            words = list(re.finditer(r"\S+", match.group(1)))
            kept = 0  # the longest run of acceptable words right before the facility word
            for word in reversed(words):
                key = fold(word.group())
                if key in _GENERIC or key in FUNCTION_WORDS or lex.is_clinical(key) \
                        or key in _SERVICE_WORDS or key in lex.states \
                        or _ADJECTIVE_END.search(key) or len(key) < 3:
                    break
                kept += 1
            first = len(words) - kept
            if kept and first > 0 and fold(words[first - 1].group()) == "ST":
                first -= 1
                kept += 1
            if kept < 2:
                continue
            start = match.start(1) + words[first].start()
            spans.append(Span(start, match.end(), PhiType.FACILITY, "facility_lower", 0.75))
        return spans

    def _zip_after_lower_code(self, text: str) -> list[Span]:
        """'portland or 97201': a ZIP after a lower-case state code (codes that are English
        words, 'or', 'in', 'me'... included) when a gazetteer town comes before the code."""
        lex = self.lex
        spans: list[Span] = []
        for match in _ZIP_AFTER_LOWER_CODE.finditer(text):
            code = text[match.start() - 3:match.start() - 1].upper()
            if code not in lex.states:
                continue
            town = _TOWN_BEFORE_CODE.search(text, max(0, match.start() - 50), match.start())
            if not town:
                continue
            words = town.group(1).split()
            for n in range(min(3, len(words)), 0, -1):
                if fold(" ".join(words[-n:])) in lex.places:
                    start = town.start(1) + town.group(1).rfind(" ".join(words[-n:]))
                    spans.append(Span(start, start + len(" ".join(words[-n:])), PhiType.CITY,
                                      "place_zip", 0.85))
                    spans.append(Span(match.start(), match.end(), PhiType.ZIP, "place_zip", 0.85))
                    break
        return spans
