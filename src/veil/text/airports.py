"""Airports written as their three-letter IATA codes, where aviation words stand around them.

Crew, travel and occupational notes name where a person is based, flew and landed by the
airport's code ('FA, ATL base', 'KEF-DEN nonstop', 'diverted to ANC', 'ORD southwest cargo').
Such a code names a town as surely as the town's name, so it is a facility to hide. Almost
every three capitals are some airport's code ('ANC', 'LOS', 'DEN' are also a count, a length
of stay, a word), so a code is found only beside the words of flying:

- in a route of two or more codes ('ATL-BOG', 'ORD -> ANC', 'FRA-ORD');
- after a word of flying or of a crew's base ('landed at DFW', 'based ATL', 'flight to KEF');
- before a word of an airport's parts ('ATL base', 'DFW Terminal D', 'ANC north cargo ramp').

A code must be in the shipped list (`airports_iata.txt`) and no clinical initials, unit or
kind of place. Nothing here logs text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from veil.text.lexicon import Lexicon, clinical_acronym
from veil.text.places.vocabulary import UNIT_ACRONYMS
from veil.text.spans import PhiType, Span

__all__ = ["airport_codes"]

_CODE = r"(?<![A-Za-z0-9\-/.])[A-Z]{3}(?![A-Za-z0-9])"
_ROUTE = re.compile(r"(?<![A-Za-z0-9\-/.])[A-Z]{3}(?:(?:[ \t]*(?:-|–|—|->|→|>)[ \t]*|"
                    r"[ \t]to[ \t]|/)[A-Z]{3}(?![A-Za-z0-9]))+")
"""Two or more codes joined by a dash, an arrow, 'to' or a slash ('ATL-BOG', 'ORD -> ANC',
'SEA/ANC/FAI/SEA'); a slash joins three codes at least (two are a clinical pair: 'RCA/LAD')."""
_FLYING = re.compile(
    r"(?i:\b(?:flights?(?![ \t]+of\b)|flt|flew|fl(?:y|ies|ying)|nonstop|non-stop|itinerary|"
    r"layovers?|pairings?|deadhead\w*|airlines?|aircraft|red-eye|airports?|boarding[ \t]+pass|"
    r"domicile[ds]?|travell?(?:ed|ing)|jet[ \t]?lag)\b)")
"""A word of flying on a route's line: clinical pairs ('LIMA-LAD', 'RCA to LAD', 'ACA-MCA') are
written without one, and 'arrival', 'Department', 'trip and fall' or 'flight of stairs' are
no flying."""
_ROUTE_CODE = re.compile(r"[A-Z]{3}")
_ROUTE_NOUN = re.compile(r"[ \t]+(?:trips?|routes?|legs?|sectors?|turns?|rotations?|pairings?|"
                         r"nonstops?|flights?)\b")
"""A noun of travel right after a route ('the new ATL-LOS route', "tomorrow's ATL-BOG trip")."""
_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:(?:[Aa]rriv(?:e|ed|es|ing)|[Ll]and(?:ed|s|ing)|[Dd]epart(?:ed|s|ing)"
    r"|[Dd]ivert(?:ed|s|ing)?|[Ff]lew|[Ff]l(?:y|ies|ying)|[Ff]lights?|[Ff]lt|[Ll]ayovers?|"
    r"[Dd]eadhead(?:ed|ing)?|[Bb]oarded|[Ii]nbound|[Oo]utbound|[Nn]onstop|[Rr]outed)"
    r"(?:[ \t]+in)?[ \t]+(?:to|into|at|from|in|out[ \t]+of|through)"
    r"|(?:[Bb]ased|[Dd]omiciled)[ \t]+(?:at|in|out[ \t]+of)|[Bb]ase[ \t]*:?|[Dd]omicile[ \t]*:?)"
    r"[ \t]+(" + _CODE + r")(?![/\-][A-Za-z])")
"""A code after a word of flying and a preposition, or of a crew's base ('landed at DFW',
'based out of ATL'); an airline's code after 'flight' is a flight's ('flight BCX 9012'), and
a unit one arrives to is a clinical one, vetoed by its list ('arrived to SDU')."""
_AFTER = re.compile(
    r"(" + _CODE + r")(?:[ \t]+(?:north|south|east|west|northeast|northwest|southeast|"
    r"southwest|international|intl|main|old|new))?[ \t]+(?:base|domicile|gates?|[Tt]erminal"
    r"(?=[ \t]+[A-Z0-9](?![A-Za-z]))|Terminal|concourse|Concourse|ramp|cargo|airport|Airport|"
    r"layover|crew[ \t]+room|jet[ \t]?bridge|runway|Int['’]?l|International)(?![A-Za-z])")
_CITY_TO = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?[ \t]*(?:->|→|[ \t]to[ \t])"
                      r"[ \t]*(" + _CODE + r")")
"""A code after a town and 'to' or an arrow on a line of flying ('Tulsa to DFW', 'Nashville
-> DFW')."""
"""A code before a word of an airport's parts ('ATL base', 'DFW Terminal D', 'ANC gate C-3');
'terminal' in lower case only before a terminal's letter ('LAD terminal segment' is a
vessel's)."""
_KINDS = frozenset({"ICU", "SNF", "ALF", "LTC", "CAH", "ASC", "IRF", "OTP", "CHC", "RHC", "ICF",
                    "DME", "HHA", "ACO", "HMO", "PPO", "EPO", "USA", "LLC", "INC", "IHS",
                    "AND", "THE", "FOR", "NOT", "BUT", "ALL", "ANY", "OFF", "OUT", "ARE", "WAS",
                    "HAS", "HAD", "HIS", "HER", "YES", "PER", "AGE", "DOB", "SSN", "MRN", "FAX",
                    "TEL", "CEO", "RSV", "EMS", "ALS", "BLS", "CPR", "AED", "NPO", "PRN", "ADL"})
"""Three capitals that are a word, a label or a kind of place before they are an airport."""


@lru_cache(maxsize=1)
def _airports() -> frozenset[str]:
    text = resources.files("veil").joinpath("data/text/airports_iata.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def _is_airport(code: str, lexicon: Lexicon) -> bool:
    """A listed airport's code that is no clinical initials, unit, kind of place or label."""
    return code in _airports() and code not in _KINDS and code not in UNIT_ACRONYMS \
        and not clinical_acronym(code, lexicon)


def airport_codes(text: str, lexicon: Lexicon) -> list[Span]:
    """Airports' codes in `text` beside the words of flying (see the module docstring)."""
    if not any(c.isupper() for c in text):
        return []
    spans: list[Span] = []
    for route in _ROUTE.finditer(text):
        line_end = text.find("\n", route.end())
        line = text[text.rfind("\n", 0, route.start()) + 1:None if line_end < 0 else line_end]
        if not _FLYING.search(line) and not _ROUTE_NOUN.match(text, route.end()):
            continue
        codes = list(_ROUTE_CODE.finditer(route.group()))
        if "/" in route.group() and len(codes) < 3:
            continue
        if all(_is_airport(code.group(), lexicon) for code in codes):
            spans.extend(Span(route.start() + code.start(), route.start() + code.end(),
                              PhiType.FACILITY, "airport_code", 0.85) for code in codes)
    for match in _CITY_TO.finditer(text):
        line_end = text.find("\n", match.end())
        line = text[text.rfind("\n", 0, match.start()) + 1:None if line_end < 0 else line_end]
        if _FLYING.search(line) and _is_airport(match.group(1), lexicon):
            spans.append(Span(match.start(1), match.end(1), PhiType.FACILITY, "airport_code",
                              0.85))
    for pattern in (_BEFORE, _AFTER):
        spans.extend(Span(match.start(1), match.end(1), PhiType.FACILITY, "airport_code", 0.85)
                     for match in pattern.finditer(text)
                     if _is_airport(match.group(1), lexicon))
    return spans
