"""Capitalized words after a lower-case 'at' or 'near' (or 'past', 'behind', 'outside',
'beyond', 'above'): where someone is, works, lives or is seen.

'worked 38 yrs at Amherst Coal', 'she's at Chrysalis House', 'was at Upper Big Branch the
year before', 'cleared at Pine Hollow': in running text a lower-case 'at' followed by words
in name case names a place far more often than anything else (on the spent hand-written
corpora, 2,423 of 2,530 such phrases lay inside an identifier; the rest were acronyms of
units and levels, weekdays, holidays and services). What is left out here is exactly that
rest: acronyms of up to five capitals (`_AT_ACRONYM` in `facilities` judges those by their
context), words of time, units, services, clinical, drug and gene words, states and
countries, titles and relation words, and phrases of plain words only ('at Physical
Therapy'). A gazetteer place is a CITY, anything else a FACILITY. 'near' is as telling (104
of 106); 'from' is not (it also names causes and sources: 'from Brucella', 'from Adderall
XR', 'a list from CredibleMeds'), so it keeps the verbs of `facilities._FACILITY_PREP`.
"""

from __future__ import annotations

import re

from veil.text.lexicon import FUNCTION_WORDS, MONTH_WORDS, fold
from veil.text.places.base import _PlaceBase
from veil.text.places.facilities import _BUSINESS_NAME_WORDS
from veil.text.places.vocabulary import (
    _COUNTRIES,
    COUNTRY_OR_REGION,
    _eponym_after,
    countries_and_languages,
)
from veil.text.spans import PhiType, Span
from veil.text.words import is_english, term_shaped, zipf

_AT_PHRASE = re.compile(
    r"(?<![A-Za-z@])(?:at|near|past|behind|outside|beyond|above)[ \t]+(?:the[ \t]+)?"
    r"([A-Z][A-Za-z'’&\-]*(?:[ \t](?:[A-Z][A-Za-z'’&\-]*|of|de|del|la|du|y)){0,4})"
    r"(?![A-Za-z0-9'’\-])(?=[ \t]*+(?:[,.;:)?!\n/|\-–—]|$|(?<=[ \t])[a-z(\"“0-9]))")
"""'at' in lower case, an optional 'the', one to five words in name case (link words of
place names between them), then punctuation, a line end or a lower-case word (the blanks
before it taken possessively: a run of them cost quadratic time)."""
_CHEAP_GATE = re.compile(r"(?:at|near|past|behind|outside|beyond|above)[ \t]+(?:the[ \t]+)?[A-Z]")
"""A quick test that some preposition is followed by a capital before the full scan."""
_NOT_FIRST = frozenset({
    "NOON", "MIDNIGHT", "BEDTIME", "NIGHT", "DAWN", "DUSK", "BASELINE", "REST", "RISK", "HOME",
    "THIS", "THAT", "WHICH", "LEAST", "MOST", "ALL", "LAST", "FIRST", "ONCE", "TIMES", "TIME",
    "GOAL", "TARGET", "DISCHARGE", "ADMISSION", "BIRTH", "DELIVERY", "PRESENTATION", "INTAKE",
    "ENROLLMENT", "SCREENING", "DIAGNOSIS", "DX", "SURGERY", "TRIAGE", "CHRISTMAS", "EASTER",
    "THANKSGIVING", "HALLOWEEN", "PASSOVER", "RAMADAN", "DIWALI", "HANUKKAH", "KWANZAA",
    "MOM", "MOMS", "DAD", "DADS", "GRANDMA", "GRANDMAS", "GRANDPA", "NANA", "MAMAW", "PAPAW",
    "AUNT", "UNCLE", "CHURCH", "SCHOOL", "WORK", "JOB", "LEVEL", "GRADE", "STAGE", "STEP",
    "PHASE", "WEEK", "WEEKS", "DAY", "DAYS", "MONTH", "MONTHS", "YEAR", "YEARS", "AGE",
    "ROOM", "BED", "BEDSIDE", "LUNCH", "DINNER", "BREAKFAST", "SUPPER", "I", "ME", "US",
    "YOUR", "MY", "OUR", "HIS", "HER", "THEIR", "THESE", "THOSE", "ANY", "SOME",
    "NO", "NONE", "BEST", "WORST", "END", "START", "BEGINNING", "PEAK", "TROUGH", "NADIR",
    "CLOSE", "HAND", "INTERVALS", "VISIT", "FOLLOW", "F", "PT", "PATIENT", "PATIENTS",
    "CAPITOL", "WHITE", "MEDICARE", "MEDICAID", "MEDTRONIC", "DR", "DOCTOR", "NURSE", "SISTER",
    "BROTHER", "MOTHER", "FATHER", "SON", "DAUGHTER", "WIFE", "HUSBAND", "GOD", "JESUS",
    "HEAVEN", "HELL", "MASS", "HAJJ", "UMRAH", "WAR", "VIETNAM", "KOREA", "IRAQ",
    "AFGHANISTAN", "MANDARIN", "CANTONESE", "HMONG", "HAITIAN", "AMISH", "MENNONITE",
    "CAUCASIAN", "JEHOVAH", "NIGHTTIME", "MEALTIME", "MEALTIMES", "MORNING", "EVENING",
    "AFTERNOON", "LUNCHTIME", "EXERTION", "FASTING", "MENSES", "AWAKENING", "INITIAL", "PRIOR",
    "PREMORBID", "SHIFT", "HOUR", "CYCLE", "POST-OP", "PRE-OP", "MAXIMUM", "HALF", "FULL",
    "MENARCHE", "MENOPAUSE", "OPERATION", "SUPERVISION", "MODIFIED", "MIN", "STANDBY",
    "CONTACT", "STAND", "NON", "INCREASED", "LOW", "SIGNIFICANT", "AVERAGE", "MODERATE",
    "TUMOR", "GRAND", "HOLDING", "NUCLEAR", "FRONT", "LOBBY", "APEX", "INCISION", "INJECTION",
    "VERY", "EXTREMELY", "RELATIVELY", "QUITE", "TOO", "SUPER", "ULTRA"})
"""First words after 'at' that are no place: times and occasions, states of care, people
of a household, pronouns."""
_KIND_OF_PLACE = frozenset({
    "HOUSE", "MINE", "MINES", "COAL", "COLLIERY", "COLLIERIES", "PLANT", "MILL", "MILLS", "FARM",
    "FARMS", "RANCH", "CAMP", "SHELTER", "MOTEL", "INN", "HOTEL", "LODGE", "MANOR", "COLONY",
    "CHAPTER", "MISSION", "PARISH", "ACADEMY", "HIGH", "ELEMENTARY", "COLLEGE", "UNIVERSITY",
    "HOSPITAL", "CLINIC", "CENTER", "CENTRE", "HOME", "HOMES", "VILLAGE", "APARTMENTS", "COURT",
    "PARK", "PLAZA", "MALL", "MARKET", "STORE", "STATION", "PRISON", "JAIL", "CHURCH", "CHAPEL",
    "TEMPLE", "MOSQUE", "SYNAGOGUE", "CO-OP", "COOP", "COOPERATIVE", "ELEVATOR", "YARD",
    "SHIPYARD", "REFINERY", "WAREHOUSE", "FACTORY", "DINER", "CAFE", "BAR", "GRILL",
    "RESTAURANT", "BAKERY", "LAUNDROMAT", "PHARMACY", "DRUG", "DRUGS", "BANK", "LIBRARY",
    "TOWERS", "GARDENS", "TERRACE", "VILLAS", "RESIDENCE", "SUITES", "RESORT", "CASINO",
    "BEACH", "LAKE", "RIVER", "CREEK", "HOLLOW", "BRANCH", "FORK", "MOUNTAIN", "RIDGE", "MED",
    "MIDWIFERY", "CONSULTANTS", "ROADHOUSE", "RV", "COTTAGES", "CENTRO", "SPA", "SALON", "NAILS",
    "BARBERSHOP"})
"""Words that name a kind of place: with one of them the name-case words are a place even
when every other word is an everyday one ('at Chrysalis House', 'at Red Onion Collieries')."""
_NO_PLACE_WORDS = frozenset({
    "SCALE", "SCORE", "CRITERIA", "CLASSIFICATION", "STAGE", "GRADE", "INDEX", "SYNDROME",
    "DISEASE", "TEST", "SIGN", "TOOL", "QUESTIONNAIRE", "ASSIST", "SITE", "RISK", "LEVEL",
    "DOSE", "TERM", "ONSET", "DEATH", "BASELINE", "CONFERENCE", "ROUNDS", "BOARD", "AREA",
    "ENTRANCE", "DESK", "BAY", "JUNCTION", "FLEXURE", "ANONYMOUS", "PROGRAM"})
"""Words that make the phrase a score, a level of care, a part of the body or a meeting
('at Glasgow Coma Scale', 'at Contact Guard Assist', 'at Incision Site', 'at Tumor Board')."""
_SCORE_AFTER = re.compile(r"[ \t]+(?:and[ \t]+[A-Z][a-z]+[ \t]+)?[0-9]")
_ROMAN = re.compile(r"(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})[ABC]?")
_ANATOMY_HEADS = frozenset({"LIGAMENT", "AMPULLA", "SPHINCTER", "CIRCLE", "ISLETS", "CANAL",
                            "SPACE", "POUCH", "TRIANGLE", "LOOP", "ANGLE", "FORAMEN", "BUNDLE",
                            "NODE", "ISLET", "DUCT", "FOSSA", "SINUS", "VALVE", "TUBERCLE"})
"""Heads of eponymous anatomy ('Ligament of Treitz', 'Circle of Willis', 'Ampulla of Vater')."""
_NAME_ZIPF = 3.0
_THE_PLACE_WORDS = frozenset({
    "COTTAGES", "PINES", "MEADOWS", "WILLOWS", "OAKS", "PALMS", "GABLES", "ARBORS", "KNOLLS",
    "BLUFFS", "COMMONS", "GARDENS", "VILLAS", "TOWERS", "TERRACES", "HEIGHTS", "WOODS", "GROVES",
    "SPRINGS", "LAKES", "POINTE", "LANDING", "MANOR", "HAVEN", "HARBOR", "HARBOUR", "SUMMIT",
    "ORCHARD", "ORCHARDS", "CROSSING", "RESIDENCE", "HERMITAGE", "SANCTUARY", "RETREAT", "LODGE",
    "COVE", "MATER", "MED", "ELMS", "MAPLES", "CEDARS", "BIRCHES", "ASPENS", "HIGHLANDS", "GLEN",
    "GLADES", "FOUNTAINS", "ANCHORAGE", "PRESERVE", "ESTATES", "CHATEAU", "PLAZA", "ARMS",
    "COURTYARD", "PAVILION", "BEACON", "LIGHTHOUSE", "DEPOT", "ARMORY", "WILLOWBROOK"})
"""Words a residence, a home or a hospital goes by after 'the' ('at the Cottages', 'at the
Pines', 'at the Mater', 'at the Med'); other single words after 'at the' are left alone ('at
the Heel', 'at the Bases')."""
"""A person's name names a place only when it is rare as an English word ('Kristy's')."""
_LATIN_ENDINGS = ("UM", "US", "OID", "OSIS", "SCOPY", "TOMY", "COCCUS", "MONAS", "ULE", "ILLA",
                  "INA", "AE", "ITIS", "EAL", "IAL", "ALIS", "IS", "AL")
"""Endings of Latin anatomy and organisms ('Sacrum', 'Umbilicus', 'Xiphoid', 'Ampulla'): a
word no dictionary holds that ends so is a term, not a place."""
_MAX_ACRONYM = 5
"""Acronyms of up to five capitals ('at SNF', 'at HD', 'at L5') are left to the
acronym rules, which need a procedure or a year before them."""




class _AtPlaces(_PlaceBase):
    """Finds the capitalized place after a lower-case 'at' (see the module docstring)."""

    def _at_places(self, text: str) -> list[Span]:
        if not _CHEAP_GATE.search(text):
            return []
        spans: list[Span] = []
        for match in _AT_PHRASE.finditer(text):
            words = match.group(1).split()
            while words and words[-1] in ("of", "de", "del", "la", "du", "y", "&"):
                words.pop()
            if not words:
                continue
            bare = [re.sub(r"['’]s?$", "", w) or w for w in words]
            if any(re.search(r"[a-z][A-Z]", w) for w in bare):
                continue  # 'HeartMate', 'CareLink': a device's or a portal's name
            after = text[match.end(1):match.end(1) + 12]
            if _SCORE_AFTER.match(after) or any(_ROMAN.fullmatch(w) for w in bare):
                continue  # 'at Bishop 6', 'at Hunt and Hess 2', 'at Ann Arbor IIIB': a score
            keys = [fold(w) for w in bare]
            the = text[match.start():match.start(1)].rstrip(" \t").endswith("the")
            if not self._names_a_place(bare, keys, the=the):
                continue
            start = match.start(1)
            end = text.index(words[-1], start) + len(words[-1])
            if _eponym_after(text[end - (len(words[-1]) - len(bare[-1])):end + 50]):
                continue  # "at Palmer's point", 'at McBurney's point'
            whole = " ".join(keys)
            kind = PhiType.CITY if whole in self.lex.places else PhiType.FACILITY
            spans.append(Span(start, end, kind, "place_at", 0.7))
        return spans

    def _names_a_place(self, words: list[str], keys: list[str], *, the: bool = False) -> bool:
        """Name-case words that can name a place: not a short acronym, no word of time,
        state or country first, no clinical, drug, gene or unit word, not plain only."""
        lex = self.lex
        first = keys[0]
        if len(words) == 1 and words[0].isupper() and len(words[0]) <= _MAX_ACRONYM:
            return False  # 'at SNF', 'at HD': the acronym rules' to judge
        if any(any(c.isdigit() for c in w) for w in words):
            return False
        if first in _NOT_FIRST or first in MONTH_WORDS or first in lex.titles \
                or (first in FUNCTION_WORDS and first not in lex.places):
            return False
        whole = " ".join(keys)
        if whole in lex.states or whole in _COUNTRIES or whole in COUNTRY_OR_REGION \
                or (first in lex.states and len(keys) == 1) \
                or whole in countries_and_languages():
            return False  # 'at Iowa', 'at Canada': a state or a country names no one
        if any((lex.is_clinical(k) or any(lex.is_clinical(p) for p in k.split("-") if p))
               and k not in lex.places for k in keys):
            return False  # 'at Parkinson's onset', 'at Lisinopril 10'
        if any(k in _NO_PLACE_WORDS or k in _ANATOMY_HEADS for k in keys):
            return False
        if all(self._plain(k) or k in FUNCTION_WORDS or (w.isupper() and len(w) <= 3)
               for w, k in zip(words, keys, strict=True)):
            return False  # 'at GP Practice', 'at Physical Therapy'
        if any(self._names_at(k) for k in keys):
            return True
        if len(keys) > 1 and any(k in _KIND_OF_PLACE for k in keys):
            return True  # 'at Chrysalis House', 'at Rose City Midwifery', 'at Camp Carefree'
        # 'at the Mater', 'at the Med', 'at the Cottages': one rare word after 'the' is the
        # short name a place goes by
        return the and len(keys) == 1 and keys[0] in _THE_PLACE_WORDS

    def _names_at(self, key: str) -> bool:
        """A word that names: a gazetteer place, a person's name that is no everyday word, a
        word businesses are named with, or a word no dictionary holds that has no clinical
        shape ('Amherst', 'Hindman', 'Cimarron'; not 'Onset', 'Carina', 'Staphylococcus')."""
        lex = self.lex
        if key in lex.places or key in _BUSINESS_NAME_WORDS:
            return True
        if lex.is_name(key) and not lex.blocks_alone(key) and zipf(key) < _NAME_ZIPF:
            return True
        return not is_english(key) and zipf(key) == 0.0 and not term_shaped(key) \
            and not lex.is_clinical(key) and not key.endswith(_LATIN_ENDINGS)
