"""Places the US Postal Service knows, found in any case: towns before their state, counties, ZIPs.

Chat and portal text writes places in lower case ('going to accident maryland', 'i live in
aroostook county', 'we moved from 70301 to 70360'), and small towns are in no general
gazetteer. Three kinds of evidence are precise enough to use in any case because the
Postal Service's own database (`us_postal.txt.gz`, made by tools/make_text_postal.py from
the pinned `zipcodes` package) confirms them:

- **town before its state**: one to four words, then (a comma and) a state name or code,
  where that town exists in that state ('normal il', 'Mexico, Missouri'); a state code that
  is also an English word ('in', 'me', 'ok', 'or', 'hi') counts in lower case only after a
  comma ('tulsa, ok');
- **county**: words before 'county', 'parish', 'borough' or 'census area' that name a real
  county ('kenai peninsula borough'); the span includes the suffix;
- **ZIP**: five digits that are a real ZIP, in a clause with a word of residence or moving
  ('moved', 'live', 'address', 'zip') before them;
- **town after a place preposition**: 'in', 'near', 'from', 'outside' (and 'to' after a verb
  of moving, flying or transfer) then one to three words that name a postal town, one of
  them at least no common English word (Zipf frequency below 4: 'peoria', 'toksook bay', not
  'normal', 'commerce' or 'cold bay'), none a clinical word, a state or a country ('thrifty
  white in peoria', 'we r in kahului', 'medevac to Nome');
- **a city abroad** after a travel or origin preposition ('resettled from Damak', 'heading
  to Cancun'; GeoNames cities of 15,000+ people, `world_cities.txt.gz`).

The words around still decide nothing alone: a town is found only with its state, a county
only with its suffix, a ZIP only with a residence word. Spans carry the sources
`postal_town`, `postal_county`, `postal_zip`, `postal_after_in`, `postal_after_street` and
`world_city`. Nothing here logs text.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from veil.detect.vocab import STATES
from veil.text import words as words_module
from veil.text.lexicon import FUNCTION_WORDS, MONTH_WORDS, Lexicon, fold
from veil.text.places import COUNTRY_OR_REGION
from veil.text.places.vocabulary import _COUNTRIES, _eponym_after
from veil.text.regex_lead import fast_compile
from veil.text.spans import PhiType, Span
from veil.text.trie import trie_pattern

__all__ = ["PostalFinder", "postal_places", "world_cities"]


@dataclass(frozen=True)
class PostalPlaces:
    """The Postal Service's towns (with their states), counties and ZIPs, folded upper-case."""

    towns: dict[str, frozenset[str]]
    counties: frozenset[str]
    zips: frozenset[str]


@lru_cache(maxsize=1)
def world_cities() -> frozenset[str]:
    """Cities abroad of 15,000+ people (GeoNames via tools/make_text_world.py), folded as
    `lexicon.fold` folds a text's words (no apostrophe: "Ra'anana" is looked up 'RAANANA')."""
    raw = resources.files("veil").joinpath("data/text/world_cities.txt.gz").read_bytes()
    return frozenset(line.replace("'", "") for line in
                     gzip.decompress(raw).decode("utf-8").splitlines() if line and line[0] != "#")


@lru_cache(maxsize=1)
def postal_places() -> PostalPlaces:
    """Load the shipped postal gazetteer once per process."""
    raw = resources.files("veil").joinpath("data/text/us_postal.txt.gz").read_bytes()
    towns: dict[str, set[str]] = {}
    counties: set[str] = set()
    zips: set[str] = set()
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        kind, _, rest = line.partition("\t")
        if kind == "T":
            town, _, state = rest.partition("\t")
            towns.setdefault(town, set()).add(state)
        elif kind == "C":
            counties.add(rest.partition("\t")[0])
        elif kind == "Z":
            zips.add(rest)
    return PostalPlaces({t: frozenset(s) for t, s in towns.items()}, frozenset(counties),
                        frozenset(zips))


_CODE_BY_NAME = {name: code for code, name in STATES.items() if not code.startswith("A")
                 or code in ("AL", "AK", "AZ", "AR")}
_STATE_NAMES = sorted(_CODE_BY_NAME, key=len, reverse=True)
_STATE = re.compile(
    r"(?=[ACDFGHIKLMNOPRSTUVW])(?<![A-Za-z])(?:(" + trie_pattern(_STATE_NAMES) + r")|("
    + trie_pattern(c for c in STATES if c in _CODE_BY_NAME.values()) + r")\.?)(?![A-Za-z])",
    re.IGNORECASE)
_WORDY_CODES = frozenset({"IN", "ME", "OR", "OH", "HI", "OK", "PA", "MA", "LA", "AL", "DE", "CO",
                          "ID", "GA", "AS", "AR"})
"""State codes that are English words or common abbreviations ('in', 'ok', 'ga' for gauge):
in lower case they name a state only after a comma."""
_WORD = r"[A-Za-z][A-Za-z'’.\-]*"
_RUN_BEFORE = re.compile(r"(?:(?<![A-Za-z'’.\-])" + _WORD + r"[ \t]+){0,3}" + _WORD
                         + r"(?P<comma>[ \t]*,)?[ \t]*$")
_REGIONS = frozenset({"NORTH", "SOUTH", "EAST", "WEST", "CENTRAL", "NORTHERN", "SOUTHERN",
                      "EASTERN", "WESTERN", "UPSTATE", "DOWNSTATE", "RURAL", "COASTAL", "MID",
                      "UPPER", "LOWER", "NORTHEAST", "NORTHWEST", "SOUTHEAST", "SOUTHWEST",
                      "MIDDLE", "DEEP", "OUTSIDE", "INSIDE", "ALL", "ACROSS", "THROUGHOUT",
                      "IN", "TO", "FROM", "OF", "AND", "OR", "THE", "NEAR", "AT", "ABOUT", "LIVE",
                      "HOME", "BACK", "HERE", "THERE", "MOVED", "VISIT", "VISITING", "BORN"})
"""Words that precede a state without being a town ('west texas', 'rural iowa'), even where
a town of that name exists ('West, TX')."""
_ABBREVIATED = (("SAINT ", ("ST ",)), ("MOUNT ", ("MT ",)), ("FORT ", ("FT ",)))
_COUNTY = fast_compile(r"(?<![A-Za-z])(county|parish|borough|census[ \t]+area)(?![A-Za-z])",
                     re.IGNORECASE)
_ZIP = fast_compile(r"(?<![0-9.$,/\-])([0-9]{5})(?![0-9]|[.,][0-9]|[ \t]*(?i:units?|mg|mcg|ml|"
                  r"iu|cells|copies|steps|calories|cal|dollars|%|/|x\b|times|people|feet|ft|"
                  r"miles|lbs?|k\b))")
_NUMBER_LABEL = re.compile(r"(?i:(?<![A-Za-z])(?:room|rm|bed|bay|specimen|sample|lot|batch|order|"
                           r"accession|cpt|ext|extension|pager|kit|case|ticket|claim|"
                           r"ref|req|item|model|part|catalog|cat)\.?[ \t]*[:#]?[ \t]*$)")
"""A label right before five digits makes them a number of that thing, never a ZIP ('moved to
room 10001', 'specimen 12345')."""
_RESIDENCE = re.compile(r"(?i)(?<![A-Za-z])(?:moved|move|moving|relocat(?:e|ed|ing)|lives?|lived|"
                        r"living|reside[sd]?|residing|address|addr|zip(?:[ \t]*code)?|zipcode|"
                        r"postal[ \t]+code|area[ \t]+of|located)(?![A-Za-z])")
_ZIP_PLACE_BEFORE = re.compile(r"(?i)(?<![A-Za-z])(?:in|near|around|outside|at|pt[ \t]+at)"
                               r"[ \t]+$")
"""A place preposition right before a listed ZIP ('a hospital bed in 30318', 'pt at 60629')."""
_ZIP_AND = re.compile(r"[ \t]*(?:,|and|or|&|/)[ \t]*")
"""Between two ZIPs of one list ('60629 and 60632')."""
_PLACE_PREP = fast_compile(
    r"(?<![A-Za-z])(?:in|near|from|outside|outside[ \t]+of|out[ \t]+of|around|"
    r"(?P<spanish>en|de|desde|hacia)|(?P<label>(?i:(?:home[ \t]+)?(?:village|town|community)|"
    r"location|hometown|residence)[ \t]*:)|"
    r"(?:north|south|east|west|"
    r"northeast|northwest|southeast|southwest)[ \t]+of|(?:moved|moving|move|went|"
    r"drove|driving|go|going|headed|heading|back|trip|trips|travel(?:l?ed|l?ing)?|road|ride|"
    r"rides|bus|commute|(?P<care>(?i:flew|flying|fly|flown|flight|flights|medevac(?:ed|'d)?|"
    r"transferred|transfer|transported|evacuated|sent|returned|returning|return)))[ \t]+to)"
    r"[ \t]+(?P<town>[A-Za-z][a-z'’\-]+(?:[ \t]+[A-Za-z][a-z'’\-]+){0,2})")
_COMMON = 4.0
"""Zipf frequency from which a word reads as everyday English ('commerce' 4.4, 'tulsa' 3.5)."""
_AFTER_STREET = re.compile(r"(?:[ \t]*,[ \t]*|[ \t]+)([A-Za-z][A-Za-z'’\-]+(?:[ \t]+[A-Za-z]"
                           r"[A-Za-z'’\-]+){0,2})")
_CAPITALIZED_END = re.compile(r"[A-Z][a-z]*\.?$")
_EVERYDAY_AFTER_STREET = 5.0
"""How common a lower-case word after a capitalized street and a comma must be to be no town
('W Hays St, house manager'; 'Elm Rd, paradise' and 'Main St, liberty' stay towns)."""
"""A street line ending in a capitalized word ('W Hays St'): not chat's lower case."""
_PLACE_END = re.compile(r"[ \t]*(?:[.?!;)]|,[ \t]*[A-Z][a-z]|$|\n)")
"""Where a place name ends a clause or a country follows it ('in Glasgow, Scotland')."""
_TRAVEL_PREP = re.compile(
    r"(?<![A-Za-z])(?:in|to|from|near|via|outside|visiting|visit|around|leaving|left|"
    r"embarking|embarked|disembarking|disembarked|departing|departed|reaching|reached|"
    r"de|du|desde|hacia|depuis|vers|em|en)[ \t]+"
    r"(?=([A-Za-z][A-Za-z'’\-]+(?:[ \t]+[A-Za-z][A-Za-z'’\-]+){0,2}))")
"""A travel or origin preposition and up to three words after it (in a look-ahead, so that
'back to my clinic in Yokohama' is read at 'to' and again at 'in')."""
_FOREIGN_PREP = frozenset({"de", "du", "desde", "hacia", "depuis", "vers", "em", "en"})
"""Prepositions of French, Spanish and Portuguese before a city ('de Montréal', 'desde
Tegucigalpa'): only a capitalized city that is no name ('de León' may be a surname)."""
_TITLE_RUN = re.compile(r"(?<![A-Za-z0-9'’\-])[A-Z][a-z]{2,}(?:(?:[ \t]+|-)(?:[A-Z][a-z]+|upon|de|"
                        r"do|da|del|au|sur|am|im|an|la|le|en))*(?![A-Za-z0-9'’])")
"""A run of capitalized words (with the small words of place names between them)."""
_BEFORE_COUNTRY = re.compile(r"(?<![A-Za-z'’\-])((?:[A-Z][a-z'’]+[ ]){0,3}[A-Z][a-z'’]+),[ \t]*"
                             r"([A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)(?![A-Za-z])")
"""Capitalized words, a comma and a country's name ('Da Nang, Vietnam')."""
_PREFECTURE_AFTER = re.compile(r"-(?:to|fu|ken|do|Prefecture)(?![A-Za-z])|[ \t]+Prefecture\b")
_EVERYDAY_CITY = 4.5
"""Zipf frequency from which a city's name reads as an everyday word ('Reading', 'Mobile')."""
_CITY_LINKS = frozenset({"UPON", "DE", "DO", "DA", "DEL", "AU", "SUR", "AM", "IM", "AN", "LA", "LE",
                         "EN", "CITY"})


def _span_of(run: str, words: int) -> int:
    """The length of the first `words` words of a run (hyphens and blanks kept)."""
    for count, match in enumerate(re.finditer(r"[A-Za-z]+", run), start=1):
        if count == words:
            return match.end()
    return len(run)


_GLOBAL_CITIES = frozenset({"LONDON", "PARIS", "ROME", "MADRID", "BERLIN", "TOKYO", "DELHI",
                            "MANILA", "LAGOS", "CAIRO", "LIMA", "BOGOTA", "MEXICO CITY"})
"""Cities whose names are everyday English words in the frequency list only as names."""
_LATIN = frozenset({"VITRO", "VIVO", "SITU", "UTERO", "TOTO", "EXTREMIS", "LIEU", "SILICO",
                    "VACUO", "LOCO", "VITAE"})
_CLAUSE = re.compile(r"[.!?;\n](?:[ \t]|$)")
_POSTCODE = fast_compile(
    r"(?<=[A-Za-z'’ ,\t])(?P<code>[0-9]{3}-[0-9]{4}|[0-9]{3}[ ]?[0-9]{3}|[0-9]{4,5})"
    r"(?![0-9/:\-]|[.,][0-9]|[ \t]*(?i:mg|mcg|ml|mm|cm|kg|lbs?|units?|cells|copies|%|x\b|k\b|"
    r"per|times|patients|people|beds|staff|steps|words|hours|hrs|days|years|yrs|[ap]\.?m\b))")
"""A postal code's shape (read first: numbers are rarer than capitalized words)."""
_RUN_BEFORE_CODE = re.compile(
    r"(?<![\w'’\-])(?P<run>[A-Z][A-Za-z'’\-]+(?:[ \t][A-Z][A-Za-z'’\-]+){0,2}),?[ \t]*"
    r"(?:[\-–][ \t]*)?(?P<state>(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)[ \t]+)?$")
"""One to three capitalized words (and an Australian state) right before a postal code, or a
dash between them ('Chennai – 600 116')."""
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_ADDRESS_BEFORE = re.compile(r"(?:,|\n|(?<![A-Za-z])(?i:in|at|to|from|near|of|and))[ \t]*$")
"""What may stand before a city with a four- or five-digit code: an address's comma, a line
of its own (not the first), a preposition ('Parnell, Auckland 1052', 'moved to Geelong
3220')."""


def _variants(key: str) -> tuple[str, ...]:
    """A folded town and its spelled-out forms ('ST LOUIS' -> 'SAINT LOUIS')."""
    out = [key]
    for full, shorts in _ABBREVIATED:
        for short in shorts:
            if key.startswith(short):
                out.append(full + key[len(short):])
    return tuple(out)


class PostalFinder:
    """Finds towns before their state, counties and ZIPs the Postal Service confirms."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.places = postal_places()
        self.lexicon = lexicon

    def find(self, text: str) -> list[Span]:
        """All postal-confirmed spans of one text (unmerged)."""
        spans = self._towns(text)
        if "ounty" in text or "OUNTY" in text or "arish" in text or "ARISH" in text or \
                "orough" in text or "OROUGH" in text or "rea" in text or "REA" in text:
            spans.extend(self._counties(text))
        spans.extend(self._zips(text))
        spans.extend(self._towns_after_prepositions(text))
        spans.extend(self._world_cities(text))
        spans.extend(self._cities_with_postcodes(text))
        spans.extend(self._unmistakable_cities(text))
        if "," in text:
            spans.extend(self._cities_before_country(text))
        return spans

    def _cities_before_country(self, text: str) -> list[Span]:
        """'Da Nang, Vietnam', 'Born La Ceiba, Honduras', 'Can Tho, Vietnam': the last one to
        three capitalized words before a comma and a country name a city abroad (GeoNames)
        even when short or everyday words: the country says they are a place."""
        spans: list[Span] = []
        cities = world_cities()
        lex = self.lexicon
        for match in _BEFORE_COUNTRY.finditer(text):
            if fold(match.group(2)) not in _COUNTRIES:
                continue
            words = match.group(1).split()
            for n in range(min(len(words), 3), 0, -1):
                keys = [fold(w) for w in words[-n:]]
                if " ".join(keys) not in cities or all(
                        k in FUNCTION_WORDS or len(k) < 3 for k in keys) or any(
                        lex.is_clinical(k) or (k in lex.states and len(k) > 2)
                        or k in MONTH_WORDS for k in keys):
                    continue
                start = match.end(1) - len(" ".join(words[-n:]))
                spans.append(Span(start, match.end(1), PhiType.CITY, "city_country", 0.85))
                break
        return spans

    def _unmistakable_cities(self, text: str) -> list[Span]:
        """'Mumbai', 'Ho Chi Minh City', 'Port-au-Prince' anywhere: capitalized words naming a
        city abroad (GeoNames) that no name list, English dictionary, clinical list or US
        state holds and that English text rarely uses (Zipf < 3): no context needed. A city
        that is also a surname or a word keeps needing its context (`_world_cities`). (US post
        towns no dictionary knows were tried here too, 'Tuntutuliak': car models, rivers and
        Spanish words are post towns as well -- 'Silverado', 'Neches', 'Esto'.)"""
        spans: list[Span] = []
        cities = world_cities()
        lex = self.lexicon
        for match in _TITLE_RUN.finditer(text):
            parts = match.group().replace("-", " - ").split()
            words = [w for w in parts if w != "-"]
            for n in range(min(len(words), 4), 0, -1):
                keys = [fold(w) for w in words[:n]]
                key = " ".join(keys)
                if key not in cities:
                    key = "-".join(keys)
                    if key not in cities:
                        continue
                if any(k in lex.first or k in lex.last or k in lex.states or lex.is_clinical(k)
                       or k in FUNCTION_WORDS or k in MONTH_WORDS or k in COUNTRY_OR_REGION
                       or k in lex.place_words or k in lex.not_name or k in _LATIN
                       or k in _COUNTRIES or k in words_module.unknown_stop() or k in lex.eponyms
                       or words_module.zipf(k) >= _EVERYDAY_CITY
                       or len(k) < 4 for k in keys if k not in _CITY_LINKS):
                    break
                end = match.start() + _span_of(match.group(), n)
                if _eponym_after(text[end:end + 40]) or _PREFECTURE_AFTER.match(text, end):
                    break  # 'Kasai procedure'; 'Tokyo-to', 'Osaka-fu' name a prefecture
                spans.append(Span(match.start(), end, PhiType.CITY, "world_city_alone", 0.8))
                break
        return spans

    def _cities_with_postcodes(self, text: str) -> list[Span]:
        """'Auckland 1052', 'Tokyo 160-0023', 'Coogee NSW 2034', 'Pune 411001': one to three
        capitalized words naming a city abroad (GeoNames) or a US postal town, then a postal
        code; both are found. A city that is an everyday English word ('Reading', 'Bath')
        needs a code no count or dose has: six digits, a hyphen, or a state before it; a
        four-digit year is no code."""
        spans: list[Span] = []
        cities = world_cities()
        lex = self.lexicon
        for found in _POSTCODE.finditer(text):
            match = _RUN_BEFORE_CODE.search(text, max(0, found.start() - 70), found.start())
            if match is None:
                continue
            run, code = match.group("run"), found.group("code")
            if _YEAR.fullmatch(code) and not match.group("state"):
                continue
            words = run.split()
            for n in range(len(words), 0, -1):
                tail = words[len(words) - n:]
                keys = [fold(w) for w in tail]
                key = " ".join(keys)
                if key not in cities and key not in self.places.towns:
                    continue
                if any(k in FUNCTION_WORDS or k in MONTH_WORDS or lex.is_clinical(k)
                       or k in lex.states or k in COUNTRY_OR_REGION or k in lex.not_name
                       for k in keys):
                    break
                plain = len(code) >= 6 or "-" in code or bool(match.group("state"))
                if not plain and n == 1 and words_module.is_english(keys[0]) and \
                        words_module.zipf(keys[0]) >= _COMMON and keys[0] not in _GLOBAL_CITIES:
                    break
                start = match.start("run") + len(run) - len(" ".join(tail))
                if not plain and not _ADDRESS_BEFORE.search(text, max(0, start - 12), start):
                    break  # 'Saline 1500 today', 'Kappa 1500': a count after a word, no address
                spans.append(Span(start, match.end("run"), PhiType.CITY, "city_postcode", 0.85))
                spans.append(Span(found.start("code"), found.end("code"), PhiType.ZIP,
                                  "city_postcode", 0.85))
                break
        return spans

    def town_after_street(self, text: str, end: int) -> Span | None:
        """The postal town right after a street line ('2217 e 9th st, apt 3, tulsa'), in any
        case: one to three words after a comma or a space that name a town the Postal
        Service knows (any state), and no state, month or function word."""
        match = _AFTER_STREET.match(text, end)
        if match is None:
            return None
        lex = self.lexicon
        parts = match.group(1).split()
        for n in range(len(parts), 0, -1):
            keys = [fold(p) for p in parts[:n]]
            if " ".join(keys) not in self.places.towns or any(
                    k in FUNCTION_WORDS or k in lex.states or k in MONTH_WORDS
                    or lex.is_clinical(k) for k in keys):
                continue
            capitalized = _CAPITALIZED_END.search(text, max(0, end - 12), end) is not None
            if ("," not in text[end:match.start(1)] or capitalized) and parts[0].islower() and any(
                    words_module.is_english(k) and words_module.zipf(k) >= (
                        _EVERYDAY_AFTER_STREET if "," in text[end:match.start(1)] else 3.0)
                    for k in keys):
                continue  # 'Shady Pines mobile home park', 'on W Hays St, house manager': a
                # word goes on, no town (a street written in capitals names its town so too)
            stop = match.start(1) + len(" ".join(parts[:n]))
            return Span(match.start(1), stop, PhiType.CITY, "postal_after_street", 0.85)
        return None

    def _world_cities(self, text: str) -> list[Span]:
        """'resettled from Damak', 'heading to Cancun', 'his father in Ibadan': one to three
        words after a travel or origin preposition that name a city of 15,000+ people abroad
        (GeoNames). Capitalized, any such city but a common English word; in lower case only
        a word rare in English."""
        spans: list[Span] = []
        cities = world_cities()
        lex = self.lexicon
        for match in _TRAVEL_PREP.finditer(text):
            parts = match.group(1).split()
            for n in range(len(parts), 0, -1):
                words = parts[:n]
                keys = [fold(w) for w in words]
                if " ".join(keys) not in cities:
                    continue
                lower = all(w.islower() for w in words)
                named = keys[:-1] if n > 1 and keys[-1] == "CITY" else keys  # 'Cebu City'
                end = match.start(1) + len(" ".join(words))
                # a state by its whole name ('South Carolina'), never by one of its words
                # ('Puerto Vallarta', 'Carolina' alone stays a state word)
                capital = n > 1 and keys[-1] == "CITY"  # 'Mexico City', 'Panama City'
                if (" ".join(named) in lex.states and not capital) or any(
                        k in FUNCTION_WORDS or k in MONTH_WORDS
                        or (k in COUNTRY_OR_REGION and not capital)
                        or (n == 1 and k in lex.states) for k in named) or (
                        any(lex.is_clinical(k) for k in named) and (
                            lower or not _PLACE_END.match(text, end))):
                    break  # ('in Glasgow coma scale'; 'moved to Glasgow.' is the city)
                common = max(words_module.zipf(k) for k in keys)
                if (lower and (common >= _COMMON or any(words_module.is_english(k)
                                                        for k in keys))) or \
                        (not lower and n == 1 and common >= 5.0 and words_module.is_english(
                            keys[0]) and keys[0] not in _GLOBAL_CITIES):
                    break
                if _eponym_after(text[end:end + 40]):
                    break  # 'Paris classification', 'Norwalk agent'
                if text[match.start():match.start(1)].strip() in _FOREIGN_PREP and (
                        lower or any(k in lex.first or k in lex.last for k in keys)):
                    break  # 'arrivé de Montréal'; not 'María de León', a name's particle
                source = "world_city_ended" if any(lex.is_clinical(k) for k in named) \
                    else "world_city"
                spans.append(Span(match.start(1), end, PhiType.CITY, source, 0.85))
                break
        return spans

    def _towns_after_prepositions(self, text: str) -> list[Span]:
        spans: list[Span] = []
        towns = self.places.towns
        lex = self.lexicon
        for match in _PLACE_PREP.finditer(text):
            if re.match(r"[^ \t]*['’]", match.group("town")):
                continue  # a possessive is a person or an eponym ("in Bell's palsy")
            town = match.group("town")
            if (match.group("care") or match.group("spanish") or match.group("label")) \
                    and town[:1].islower():
                continue  # after a verb of care or a Spanish preposition, a capitalized town
                # ('sent to Nome', 'en Canóvanas'; not 'return to intercourse', 'de la')
            words = town.split()
            for n in range(len(words), 0, -1):
                key = fold(" ".join(words[:n]))
                keys = key.split()
                # every word may be no clinical, function, state, month or country word, and
                # one at least no everyday English word ('Toksook Bay', 'Fort Yukon'; not
                # 'Cold Bay', 'Commerce')
                if key not in towns or all(words_module.zipf(k) >= _COMMON for k in keys) or any(
                        lex.is_clinical(k) or k in FUNCTION_WORDS or k in lex.states
                        or k in MONTH_WORDS or k in _LATIN or k in COUNTRY_OR_REGION
                        for k in keys) or (match.group("care") and n == 1
                                           and words_module.zipf(keys[0]) >= 3.0):
                    continue  # (one word after a verb of care must be rare: not 'Nursery')
                end = match.start("town") + len(" ".join(words[:n]))
                spans.append(Span(match.start("town"), end, PhiType.CITY, "postal_after_in",
                                  0.85))
                break
        return spans

    def _towns(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for match in _STATE.finditer(text):
            if match.group(1):
                code = _CODE_BY_NAME[fold(re.sub(r"\s+", " ", match.group(1)))]
            else:
                code = match.group(2).upper()
            line_start = text.rfind("\n", 0, match.start()) + 1
            before = _RUN_BEFORE.search(text, max(line_start, match.start() - 60), match.start())
            if before is None:
                continue
            if match.group(2) and code in _WORDY_CODES and match.group(2).islower() \
                    and not before.group("comma"):
                continue
            run_end = before.start("comma") if before.group("comma") else before.end()
            run = text[before.start():run_end].rstrip()
            found = self._longest_town(run, code)
            if found is not None:
                offset = before.start() + found
                spans.append(Span(offset, before.start() + len(run), PhiType.CITY,
                                  "postal_town", 0.9))
        return spans

    def _longest_town(self, run: str, code: str) -> int | None:
        """Where in `run` the longest trailing word sequence naming a town in `code` starts."""
        starts = [m.start() for m in re.finditer(_WORD, run)]
        for start in starts:
            key = fold(re.sub(r"[ \t\-]+", " ", run[start:])).strip()
            if key in _REGIONS or key.split(" ", 1)[0] in ("THE", "A", "AN", "MY", "IN"):
                continue
            for variant in _variants(key):
                if code in self.places.towns.get(variant, ()):
                    return start
        return None

    def _counties(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for match in _COUNTY.finditer(text):
            suffix = fold(re.sub(r"\s+", " ", match.group(1)))
            line_start = text.rfind("\n", 0, match.start()) + 1
            before = _RUN_BEFORE.search(text, max(line_start, match.start() - 60), match.start())
            if before is None or before.group("comma"):
                continue
            run = text[before.start():before.end()].rstrip()
            for word in re.finditer(_WORD, run):
                key = fold(re.sub(r"[ \t\-]+", " ", run[word.start():])).strip()
                if key + " " + suffix in self.places.counties or (
                        key.startswith("ST ") and "SAINT " + key[3:] + " " + suffix
                        in self.places.counties):
                    spans.append(Span(before.start() + word.start(), match.end(),
                                      PhiType.COUNTY, "postal_county", 0.9))
                    break
        return spans

    def _zips(self, text: str) -> list[Span]:
        spans: list[Span] = []
        zips = self.places.zips
        for match in _ZIP.finditer(text):
            if match.group(1) not in zips:
                continue
            window_start = max(0, match.start() - 60)
            clause = [m.end() for m in _CLAUSE.finditer(text, window_start, match.start())]
            if clause:
                window_start = clause[-1]
            if _NUMBER_LABEL.search(text, max(0, match.start() - 16), match.start()):
                continue
            if _RESIDENCE.search(text, window_start, match.start()) or _ZIP_PLACE_BEFORE.search(
                    text, max(0, match.start() - 12), match.start(1)) or (
                    spans and _ZIP_AND.fullmatch(text, spans[-1].end, match.start(1))):
                spans.append(Span(match.start(1), match.end(1), PhiType.ZIP, "postal_zip", 0.9))
        return spans
