"""Cities, towns and ZIP codes after a place name.

Runs of capitalized words found in the place gazetteer (`Lexicon.places`: GeoNames US
places of 5,000+ people): a multi-word place is a city wherever it stands, a one-word
place needs place context ('lives in', 'from', ', TX', 'area') unless it is neither a
dictionary name nor an everyday word; a 'City, ST' pair is a city whatever the gazetteer
says; town-shaped words ('Fredtown') and words no list knows after 'in' with context;
places joined by 'and'/'or' to a found one.
"""

from __future__ import annotations

import re

from veil.text.lexicon import FUNCTION_WORDS, MONTH_WORDS, fold
from veil.text.places.base import _PlaceBase
from veil.text.places.vocabulary import (
    _COUNTRIES,
    _GENERIC,
    _MONTHS_UPPER,
    _SERVICE_WORDS,
    _SERVICES,
    COUNTRY_OR_REGION,
    _eponym_after,
    _region_ahead,
    countries_and_languages,
    country_names,
)
from veil.text.regex_lead import fast_compile
from veil.text.spans import PhiType, Span
from veil.text.words import is_english

_PLACE_RUN = re.compile(r"(?<![A-Za-z'’])(?:St\.|Ft\.|Mt\.|[A-Z][A-Za-z'’\-]*)"
                        r"(?:[ \t]+(?:St\.|Ft\.|Mt\.|[A-Z][A-Za-z'’\-]*)){0,4}")
_NEAR_BEFORE = re.compile(r"\b(?:in|near|outside(?:\s+of)?|around)[ \t]+$")
_WEAK_PLACE_BEFORE = fast_compile(r"(?i:\b(?:in|to|near|at|outside(?:\s+of)?|around|of|into|"
                                 r"from|toward|towards|a|au|em|en|de|desde|vers|between)\s+$)")
"""Words before a place; read over the ASCII reading, so French 'à' is 'a' here."""
_PLACE_BEFORE = fast_compile(
    r"(?:\b(?:Greater|Metro|Downtown|Upstate|Downstate|Suburban|Rural|Southern|Northern|"
    r"Eastern|Western|Central)\s+$)|"
    r"(?i:\b(?:from|visiting|moved\s+to|(?:lives?|living)(?:\s+(?:alone|together|nearby))?\s+in|"
    r"works?\s+in|resides\s+in|residing\s+in|born\s+in|raised\s+in|grew\s+up\s+in|"
    r"relocated\s+to|travel(?:l)?ed\s+to|trip\s+to|returned\s+from|city|town|village|"
    r"hometown|located\s+in|based\s+in|(?:hospital|clinic|cent(?:er|re)|home|care|"
    r"institute|facility|practice)\s+in|native\s+of|city\s+of|town\s+of|village\s+of|"
    r"township\s+of|city:|residence:|hometown:)\s+$)")
_PROVINCES = (r"(?:Quebec|Ontario|Manitoba|Saskatchewan|Alberta|Nova\s+Scotia|"
              r"Prince\s+Edward\s+Island|Newfoundland|British\s+Columbia|Yukon|Nunavut)")
"""Canadian provinces written out (after the ASCII reading: 'Québec' is 'Quebec')."""
_PLACE_AFTER = re.compile(
    r"^(?:\s*,\s*(?:[A-Z]{2}\b|" + r"(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|"
    r"Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|"
    r"Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|"
    r"Missouri|Montana|Nebraska|Nevada|New\s+\w+|North\s+\w+|South\s+\w+|Ohio|Oklahoma|"
    r"Oregon|Pennsylvania|Rhode\s+Island|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    r"West\s+Virginia|Wisconsin|Wyoming|" + _PROVINCES + r")(?![A-Za-z]))|\s*\(\s*(?:QC|Qc|ON|NB|"
    + _PROVINCES + r")\s*\)|\s+(?:area|metro|city|township|suburbs?|region)\b)")
_CITY_STATE = re.compile(
    r"(?=[A-Z])(?<![A-Za-z'’])((?:[A-Z][a-z'’.\-]+)(?:[ \t]+[A-Z][a-z'’.\-]+){0,3})"
    r"(?:,[ \t]*|[ \t]+"
    r"(?=[A-Z]{2}[ \t]+[0-9]{5}))(?:AL|AK|AZ|AR|CA|"
    r"CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|"
    r"OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)\b(?:[ \t]+[0-9]{5}|(?![a-z]))")
_TOWN_SUFFIX = (r"(?:berg|borough|burgh|bury|chester|fort|furt|haven|land|mouth|port|shire|side|"
                r"stad|ton|town|view|ville|field|wood|ford|dale|ridge|springs|falls|ham|polis)")
_TOWN_PREFIX = r"(?:North|South|East|West|New|Lake|Port|Fort|Saint|St\.|Mount|Mt\.)"
_TOWN_SHAPE = re.compile(
    r"(?=[A-Z])(?<![A-Za-z'’])(?:(" + _TOWN_PREFIX + r"[ \t]+)?[A-Z][a-z]{2,}" + _TOWN_SUFFIX
    + r"|(" + _TOWN_PREFIX.upper() + r"[ \t]+)?[A-Z]{3,}" + _TOWN_SUFFIX.upper()
    + r"|(" + _TOWN_PREFIX + r"[ \t]+|" + _TOWN_PREFIX.upper() + r"[ \t]+)[A-Z][A-Za-z]{2,})"
    r"(?![A-Za-z])")
_CREDENTIAL_CODES = frozenset({"MD", "PA", "DO", "OR", "IN", "ME", "OK", "HI", "DE", "NP"})

_GRADE_AFTER = re.compile(r"[ \t]+(?:[IVX]{1,4}[a-c]?|[0-9][A-Ca-c]?)(?![A-Za-z0-9])")
_RESIDENCE_BEFORE = re.compile(
    r"(?i:\b(?:(?:lives?|living)(?:[ \t]+(?:alone|together|nearby))?[ \t]+in|resides[ \t]+in|"
    r"residing[ \t]+in|moved[ \t]+to|relocated[ \t]+to|born[ \t]+in|raised[ \t]+in|"
    r"grew[ \t]+up[ \t]+in|hometown(?:[ \t]+is|:)?|(?:city|town|village)[ \t]+of)[ \t]+$)")
"""Words of where someone lives, the only ones that make an eponym a town ('lives in
Bethesda'); 'from Cushing', 'from Wells' name a cause or a score."""
_DEVICE_EPONYMS = frozenset({"FOLEY"})
"""A grade or class after an eponym ('Bethesda III', 'Hunt and Hess 3'): the eponym's scale."""
_TERM_AFTER = re.compile(r"^[ \t]+(?i:sinus|saline|range|limits?|rhythm|appearance|variant|"
                         r"study|exam|findings|size|caliber|pressure|flora|values?|result)\b")
"""A word after 'Normal' that makes it an adjective, not the town ('in Normal sinus rhythm')."""
_COORDINATED_PLACE = re.compile(
    r"(?:,?[ \t]*(?:[A-Z]{2}\b|(?:New|North|South|West|Rhode)?[ \t]?[A-Z][a-z]+))?[ \t]+"
    r"(?:and|or|&)[ \t]+([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)(?![A-Za-z'’\-])")
"""A city, its optional state, then 'and'/'or' and capitalized words."""
_PLACE_ZIP = fast_compile(r"(?<![A-Za-z'’\-])([A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2}),?[ \t]+"
                        r"([0-9]{5}(?:-[0-9]{4})?)(?![0-9]|[ \t]*(?i:units?|mg|mcg|ml|iu|cells|"
                        r"copies|/|%))")
_CONTEXT_PLACE = re.compile(
    r"(?=[MmLlRrBbGgNnHhTtVvIiCcAaOoWw])(?i:\b(?:moved\s+(?:here\s+)?(?:to|from)|move\s+to|moving\s+to|lives\s+in|living\s+in|resides\s+in|residing\s+in|"
    r"born\s+in|raised\s+in|grew\s+up\s+in|relocated\s+(?:to|from)|native\s+of|"
    r"hometown\s+(?:of|is)|visiting\s+from|travel(?:l)?ed\s+(?:to|from)|trip\s+to|"
    r"vacation\s+in|is\s+from|are\s+from|am\s+from|i'm\s+from|comes\s+from|"
    r"came\s+from|originally\s+from|lived\s+in|works\s+in|worked\s+in)\s+)"
    r"((?:St\.\s+|Ft\.\s+|Mt\.\s+)?[A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]+){0,2})")
_TOWN_STATE = re.compile(
    r",[ \t]*(?:" + "|".join(
        ("Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
         "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
         "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan",
         "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
         r"New[ \t]+(?:Hampshire|Jersey|Mexico|York)", r"North[ \t]+(?:Carolina|Dakota)", "Ohio",
         "Oklahoma", "Oregon", "Pennsylvania", r"Rhode[ \t]+Island",
         r"South[ \t]+(?:Carolina|Dakota)", "Tennessee", "Texas", "Utah", "Vermont", "Virginia",
         "Washington", r"West[ \t]+Virginia", "Wisconsin", "Wyoming", r"Puerto[ \t]+Rico"))
    + r"|(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|"
    r"NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)(?=[ \t]*(?:[0-9]|$|"
    r"[.,;)\n])))(?![A-Za-z])")
"""A comma, then a US state name or a state code at a phrase end (the town before it is
`_TOWN_WORDS`; the comma first makes the scan fast)."""
_TOWN_COUNTRY = re.compile(
    r",[ \t]*(?:" + "|".join(re.escape(n).replace(r"\ ", r"[ \t]+") for n in country_names())
    + r")(?=[ \t]*(?:$|[.,;:)(\n]|--|—|[ \t](?:and|or|in|on|by|to|for|since|until|before|"
    r"after|where|when|who|with|via)\b))")
"""A comma, then a country's name at a phrase's end ('from Telkaif, Iraq', 'in Ibb, Yemen,
waiting'): the town before it is below the country (`_town_before_state`)."""
_SERVICES_ABROAD = frozenset({"ARMY", "NAVY", "AIR FORCE", "MARINES", "MARINE CORPS",
                              "COAST GUARD", "NATIONAL GUARD", "PEACE CORPS", "RED CROSS"})
"""Services named before the country they served in ('U.S. Army, Korea')."""
_LIST_BEFORE = re.compile(r"[A-Za-z'’\-]{3,},[ \t]*$")
"""A town and a comma before the words: those words are its state or province."""
_TOWN_WORDS = re.compile(r"(?<![A-Za-z'’.])([A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+){0,2})$")
_WEAK_CONTEXT_WORD = fast_compile(r"\b(?:in|at|near|around|outside)[ \t]+([A-Z][a-z]{3,})\b")
_ARTICLE_BEFORE = re.compile(r"\ba\s+$")
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]")
_TERM_END = re.compile(r"(?:OLOGY|IATRY|IATRICS|TION|SION|MENT|APY)$")
"""Endings of abstract nouns ('Lactation', 'Podiatry'): no unknown town ends so."""


def _weak_context(before: str, after: str) -> bool:
    """A preposition of place before the words ('in', 'into', French 'à', 'de'); not the
    article 'a' before a brand ('a Boston Scientific device')."""
    return bool(_WEAK_PLACE_BEFORE.search(before)) and not (
        _ARTICLE_BEFORE.search(before) and _CAPITAL_AFTER.match(after))


_DEMONYM_END = re.compile(r"^(?:NORTH|SOUTH|EAST|WEST|CENTRAL|NORTHERN|SOUTHERN|EASTERN|WESTERN)"
                          r" (?:AFRICAN|ASIAN|EUROPEAN|AMERICAN|INDIAN|ARAB|ARABIAN|CARIBBEAN|"
                          r"PACIFIC|MEDITERRANEAN|SLAVIC|NORDIC|ASIATIC)$")
"""A direction and a people ('West African', 'South Asian'): ancestry, no town."""

class _Cities(_PlaceBase):
    """Finds cities and towns (and a ZIP code right after one)."""

    def _cities(self, text: str) -> list[Span]:
        lex = self.lex
        spans: list[Span] = []
        for match in _CITY_STATE.finditer(text):
            key = fold(match.group(1))
            code = text[match.end(1):match.end()].strip(", \t")[:2]
            if code in _CREDENTIAL_CODES and not re.search(r"[0-9]", match.group()) \
                    and key not in lex.places:
                continue
            if key not in lex.states and key not in FUNCTION_WORDS:
                spans.append(Span(match.start(1), match.end(1), PhiType.CITY, "city_state", 0.95))
        places = lex.places
        for match in _PLACE_RUN.finditer(text):
            words = match.group().split()
            if len(words) == 1 and fold(words[0]) not in places:
                continue  # the common case: one capitalized word that is no place
            offsets = [m.start() + match.start() for m in re.finditer(r"\S+", match.group())]
            i = 0
            folded = [fold(w) for w in words]
            while i < len(words):
                region = _region_ahead(folded, i)
                if region:  # 'Central America', 'West Africa': a region, not a town
                    i += region
                    continue
                found = 0
                for n in range(min(4, len(words) - i), 0, -1):
                    key = fold(" ".join(words[i:i + n]))
                    if key in lex.places and key not in lex.states and key not in \
                            COUNTRY_OR_REGION:
                        found = n
                        break
                if not found:
                    i += 1
                    continue
                start = offsets[i]
                end = offsets[i + found - 1] + len(words[i + found - 1])
                score = self._city_score(text, start, end, found,
                                         fold(" ".join(words[i:i + found])))
                if score:
                    key = fold(" ".join(words[i:i + found]))
                    # a town named like a word or an eponym is a town by its context alone
                    source = "place_town" if key in FUNCTION_WORDS else (
                        "place_eponym" if self.lex.is_clinical(key) else "gazetteer")
                    spans.append(Span(start, end, PhiType.CITY, source, score))
                i += found
        return spans

    def _city_score(self, text: str, start: int, end: int, words: int, key: str) -> float:
        """0 when the gazetteer hit is not a city here, else the span's score."""
        lex = self.lex
        before = text[max(0, start - 30):start]
        after = text[end:end + 30]
        state_after = bool(_PLACE_AFTER.match(after))
        strong = bool(_PLACE_BEFORE.search(before)) or state_after
        context = strong or _weak_context(before, after)
        if key in FUNCTION_WORDS and strong and not lex.is_clinical(key) \
                and not _eponym_after(text[end:end + 50]) and not _TERM_AFTER.match(after):
            return 0.85  # 'Memorial Hospital in Normal', 'from Normal, IL': a word-named town
        if _RESIDENCE_BEFORE.search(before) and key in lex.eponyms and key not in _DEVICE_EPONYMS \
                and not (key in lex.drugs or key in lex.genes or key in lex.clinical) \
                and not _eponym_after(text[end:end + 50]) and not _TERM_AFTER.match(after) \
                and not _GRADE_AFTER.match(after):
            return 0.85  # 'lives alone in Bethesda', 'moved to Graves': no system, no grade
        if lex.is_clinical(key) or key in FUNCTION_WORDS or _eponym_after(text[end:end + 50]):
            return 0.0
        word_place = key in lex.place_words
        if words >= 2 and not word_place:
            return 0.9
        if context:
            if (key not in lex.weak and not word_place) or strong:
                return 0.9
            if not is_english(key) and not lex.is_name(key):
                return 0.85  # 'crossed daily into Coaticook', 'vit seule à Edmundston'
            # an everyday word that is also a town, capitalized right after 'in'/'near'
            # ('fell in Temple', 'a clinic near Hope'): mid-sentence capitals make it a name
            near = _NEAR_BEFORE.search(before)
            return 0.8 if near and not re.match(r"['’\-]", after) else 0.0
        if not lex.is_name(key) and key not in lex.weak and not lex.blocks_alone(key) \
                and not word_place:
            return 0.8
        return 0.0

    def _shaped_cities(self, text: str) -> list[Span]:
        """Town-shaped names ('West Sharonberg', 'Isaiahburgh') in place context."""
        spans: list[Span] = []
        for match in _TOWN_SHAPE.finditer(text):
            start, end = match.span()
            key = fold(match.group())
            if key in self.lex.states or self.lex.is_clinical(key) or key in FUNCTION_WORDS \
                    or (" " not in key and key not in self.lex.places and is_english(key)) \
                    or (key in self.lex.place_words and is_english(key) and not (
                        _PLACE_BEFORE.search(text[max(0, start - 30):start])
                        or _PLACE_AFTER.match(text[end:end + 30]))) \
                    or key in COUNTRY_OR_REGION or _eponym_after(text[end:end + 50]) \
                    or _DEMONYM_END.search(key):
                continue  # ('West African ancestry', 'South Asian', 'East European': a people)
            before = text[max(0, start - 30):start]
            after = text[end:end + 30]
            prefixed = bool(match.group(1) or match.group(2))
            if (prefixed and not match.group(3)) or _PLACE_BEFORE.search(before) \
                    or re.search(r",[ \t]*$", before) or _weak_context(before, after) \
                    or _PLACE_AFTER.match(after):
                spans.append(Span(start, end, PhiType.CITY, "town_shape", 0.85))
        return spans

    def _context_places(self, text: str) -> list[Span]:
        """Capitalized words after strong place context ('moved to Guadalajara', 'lives in
        Eau Claire', 'from Hope'): a place whatever the gazetteer says, unless it is a state,
        a country or region, clinical vocabulary or a function word."""
        spans: list[Span] = []
        lex = self.lex
        for match in _CONTEXT_PLACE.finditer(text):
            words = match.group(1).split()
            keys = [fold(w) for w in words]
            town = self._leading_place(keys)
            if town:  # 'grew up in Normal', 'lives in Hope': the gazetteer says it is a town
                end = match.start(1) + len(" ".join(words[:town])) if town == 1 else \
                    match.start(1) + match.group(1).find(words[town - 1]) + len(words[town - 1])
                spans.append(Span(match.start(1), end, PhiType.CITY, "place_town", 0.8))
                continue
            while keys and (keys[-1] in FUNCTION_WORDS or lex.is_clinical(keys[-1])
                            or keys[-1] in _MONTHS_UPPER):
                keys.pop()
                words.pop()
            if not keys:
                continue
            whole = " ".join(keys)
            if whole in lex.states or whole in COUNTRY_OR_REGION or whole in _COUNTRIES \
                    or keys[0] in FUNCTION_WORDS or keys[0] in _MONTHS_UPPER \
                    or any(lex.is_clinical(k) or k in lex.not_name for k in keys):
                continue
            start = match.start(1)
            end = start + len(" ".join(words)) if len(words) == 1 else \
                match.start(1) + match.group(1).find(words[-1]) + len(words[-1])
            spans.append(Span(start, end, PhiType.CITY, "place_context", 0.8))
        return spans

    def _leading_place(self, keys: list[str]) -> int:
        """How many leading words form a gazetteer town (0: none), whatever the words are
        ('NORMAL', 'HOPE'), states, countries and generic words excepted."""
        lex = self.lex
        if _region_ahead(keys, 0):
            return 0  # 'Central America'
        for n in range(len(keys), 0, -1):
            whole = " ".join(keys[:n])
            if whole in lex.places and whole not in lex.states and whole not in \
                    COUNTRY_OR_REGION and whole not in _COUNTRIES and whole not in _GENERIC:
                return n
        return 0

    def _town_before_state(self, text: str) -> list[Span]:
        """'Eugene, Indiana', 'from Why, Arizona', 'in Normal, IL': capitalized words before a
        comma and a state name or code are a town (the state stays: it is not PHI), unless
        they are clinical, a title or a month, or a function word or a dictionary name
        without a place preposition before ('Thanks, Georgia', 'Smith, Virginia')."""
        lex = self.lex
        spans: list[Span] = []
        abroad = [m for m in _TOWN_COUNTRY.finditer(text)] if ", " in text else []
        for state in [*_TOWN_STATE.finditer(text), *abroad]:
            match = _TOWN_WORDS.search(text, max(0, state.start() - 60), state.start())
            if not match:
                continue
            words = match.group(1).split()
            keys = [fold(w) for w in words]
            before = text[max(0, match.start(1) - 12):match.start(1)]
            placed = bool(_WEAK_PLACE_BEFORE.search(before) or _PLACE_BEFORE.search(before))
            while len(keys) > 1 and (keys[0] in FUNCTION_WORDS or keys[0] in lex.titles
                                     or keys[0] in MONTH_WORDS):
                keys.pop(0)  # 'Lives Eugene' cannot be; 'Dr Xyz, Ohio' is a name's line
                words.pop(0)
                placed = False
            whole = " ".join(keys)
            if whole in lex.states or whole in COUNTRY_OR_REGION or whole in _COUNTRIES or (
                    state.re is _TOWN_COUNTRY and (
                        whole in countries_and_languages() or whole in _SERVICES_ABROAD
                        or _LIST_BEFORE.search(text, max(0, match.start(1) - 40),
                                               match.start(1)))):
                continue  # 'Arabic, Iraq' (a language), 'Army, Korea' (a service),
                # 'Guadalajara, Jalisco, Mexico' (a state or province between town and country)
            gazetteer = whole in lex.places and whole not in _GENERIC
            if state.re is _TOWN_COUNTRY and not placed and not gazetteer:
                continue  # 'Pashto, Afghanistan', 'Pfizer, Belgium': a town abroad needs 'from',
                # 'in', 'near'... before it or the gazetteer ('from Telkaif, Iraq')
            if not gazetteer and (any(lex.is_clinical(k) or k in lex.titles or k in MONTH_WORDS
                                      or k in _GENERIC or k in lex.states for k in keys)
                                  or (not placed and any(k in FUNCTION_WORDS or k in lex.not_name
                                                         or lex.is_name(k) for k in keys))):
                continue
            if gazetteer and not placed and (keys[0] in FUNCTION_WORDS
                                             or keys[0] in lex.not_name):
                continue
            start = match.end(1) - len(" ".join(words)) if len(words) == 1 else \
                match.start(1) + match.group(1).rfind(" ".join(words))
            spans.append(Span(start, match.end(1), PhiType.CITY, "town_state", 0.85))
        return spans

    def _unknown_after_in(self, text: str) -> list[Span]:
        """'diagnosed in Xyzville on ...': a capitalized word that no dictionary knows (not a
        name, not an English or clinical word, not a state) after 'in', 'at' or 'near'."""
        lex = self.lex
        spans: list[Span] = []
        for match in _WEAK_CONTEXT_WORD.finditer(text):
            key = fold(match.group(1))
            if (len(key) < 4 or lex.is_name(key) or lex.blocks_alone(key) or key in _COUNTRIES
                    or key in COUNTRY_OR_REGION or key in lex.places or _TERM_END.search(key)
                    or is_english(key) or key in _SERVICES or key in _SERVICE_WORDS):
                continue
            after = text[match.end(1):match.end(1) + 3]
            if after[:1] in ("-", "'", "’"):
                continue  # 'in Crohn's', 'in Non-Hodgkin'
            spans.append(Span(match.start(1), match.end(1), PhiType.CITY, "place_unknown", 0.7))
        return spans

    def _place_then_zip(self, text: str) -> list[Span]:
        """'Lowell 01852', 'Enid 73701' (a table cell, an envelope without the state): a
        gazetteer place right before five digits is a city and the digits its ZIP code,
        even when the place is also a name or an everyday word."""
        lex = self.lex
        spans: list[Span] = []
        for match in _PLACE_ZIP.finditer(text):
            key = fold(match.group(1))
            if key not in lex.places or lex.is_clinical(key) or key in lex.states \
                    or key in FUNCTION_WORDS:
                continue
            spans.append(Span(match.start(1), match.end(1), PhiType.CITY, "place_zip", 0.85))
            spans.append(Span(match.start(2), match.end(2), PhiType.ZIP, "place_zip", 0.85))
        return spans

    def _coordinated(self, text: str, spans: list[Span]) -> list[Span]:
        """'between Hialeah, Florida and Guadalajara', 'Enid or Tulsa': a capitalized word
        joined by 'and'/'or' to a found city is a city too, unless it is a state, a country
        or region, clinical vocabulary or a function word."""
        lex = self.lex
        extra: list[Span] = []
        for span in spans:
            if span.type is not PhiType.CITY:
                continue
            match = _COORDINATED_PLACE.match(text, span.end)
            if not match:
                continue
            words = match.group(1).split()
            keys = [fold(w) for w in words]
            whole = " ".join(keys)
            if whole in lex.states or whole in COUNTRY_OR_REGION or whole in _COUNTRIES \
                    or whole in countries_and_languages() or any(
                    lex.is_clinical(k) or k in FUNCTION_WORDS or k in _MONTHS_UPPER
                    or k in lex.not_name for k in keys):
                continue
            extra.append(Span(match.start(1), match.end(1), PhiType.CITY, "place_and", 0.75))
        return extra
