"""Validators of pattern candidates, run once per batch over all candidates of a rule.

The checksum and number rules are the verification pass's own
(`veil.detect.patterns`: SSN area/group/serial rules, IPv4 octets, the VIN
check digit), evaluated as Polars expressions over a Series of the candidate
strings: written once, used for tables and for text. The few text-only checks
(a value must hold a digit; a code-shaped token must not be a clinical code)
are plain functions over the distinct candidates.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise

import phonenumbers
import polars as pl

from veil.detect import patterns
from veil.text import words
from veil.text.lexicon import (
    CLINICAL_INITIALS,
    FUNCTION_WORDS,
    MONTH_WORDS,
    clinical_acronym,
    fold,
    lexicon,
)
from veil.text.names.context import RELATION_WORD
from veil.text.places.vocabulary import _GENERIC
from veil.text.postal import world_cities
from veil.text.rules import STATE_CODES


def _polars(detector: str, normalize: Callable[[str], str] | None = None
            ) -> Callable[[list[str]], list[bool]]:
    def run(values: list[str]) -> list[bool]:
        check = patterns.detector(detector).validate
        if check is None:  # pragma: no cover - every detector named here has one
            return [True] * len(values)
        texts = [normalize(v) for v in values] if normalize else values
        frame = pl.DataFrame({"v": texts}, schema={"v": pl.String})
        return frame.select(check(pl.col("v")).fill_null(False)).to_series().to_list()
    return run


def _ssn_shape(value: str) -> str:
    digits = re.sub(r"[^0-9]", "", value)
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}" if len(digits) == 9 else value


_YEAR_ONLY = re.compile(r"^(?:1[89]|20)[0-9]{2}$")


def _has_digit(values: list[str]) -> list[bool]:
    """A labelled id: holds a digit, is no clinical code and no bare year (kept by Safe Harbor)."""
    return [any(c.isdigit() for c in v) and not _is_clinical_code(v)
            and not _YEAR_ONLY.match(v) and not _DURATION.match(v) for v in values]


_DURATION = re.compile(r"(?i)^[0-9]{1,3}-?(?:day|week|wk|month|mo|year|yr|hour|hr|minute|min)s?$")
"""'Medicare 3-day rule', '30-day supply': a length of time, not an id."""


def _record_number(values: list[str]) -> list[bool]:
    """A value after a medical-record label: holds a digit and is no bare year or dose. The
    label says what it is, so code-system shapes count ('MRN 6620-4471-09' has an NDC's)."""
    return [any(c.isdigit() for c in v) and not _YEAR_ONLY.match(v) and not _DOSE.match(v)
            and not _CODE_SYSTEM.match(v) for v in values]


def _reference(values: list[str]) -> list[bool]:
    """A reference number after the word that names it (session, auth, order, claim): four
    digits or more, no bare year, no dose ('order 1000 mg' is none)."""
    return [(sum(c.isdigit() for c in v) >= 4 or _STRUCTURED_CODE.match(v) is not None
             or (_CAPS_CODE.match(v) is not None and not _CLINICAL_SHAPES.match(v)))
            and not _YEAR_ONLY.match(v) and not _DOSE.match(v)
            and not _CODE_SYSTEM.match(v) and not _COUNT_OF.match(v) for v in values]


_CAPS_CODE = re.compile(r"^(?=(?:[^0-9]*[0-9]){3})(?=(?:[^A-Z]*[A-Z]){2})[A-Z0-9]{6,12}$")
"""'AIBN302': capitals and three digits or more, six characters or more (a donor's id)."""
_STRUCTURED_CODE = re.compile(
    r"^(?=.*[A-Za-z])(?=(?:.*[0-9]){2})[A-Za-z0-9]+(?:-[A-Za-z0-9]+){2,}$")
"""'CUMC-EP-02': letters and digits in three dashed parts or more, a code even with two digits."""


_COUNT_OF = re.compile(r"^[0-9]{1,3}/[0-9]{1,3}$")
"""'session # 24/40': the 24th of 40, a count, not a reference number."""


_CODE_SYSTEM = re.compile(r"(?i)^(?:ICD|CPT|LOINC|SNOMED|NDC|HCPCS|DRG|CVX)(?![a-z])")


_STREET_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_NOT_STREET_NAME = frozenset({"MAIN"})
_FULL_SUFFIX_END = re.compile(r"(?:street|avenue|road|boulevard|lane|drive|parkway|highway|"
                              r"circle|court|terrace|trail|place|way|pike)$")
_STRONG_SUFFIX_END = re.compile(r"(?i:[ \t](?:ave|avenue|blvd|boulevard|fwy|freeway|expy|"
                                r"expressway|pkwy|parkway|hwy|highway|tpke|turnpike|st|street|rd|"
                                r"road)\.?)$")
"""Street words no other phrase ends with: the words before them are a street's name."""
_AVERAGE_WORDS = frozenset({
    "DAILY", "WEEKLY", "MONTHLY", "NIGHTLY", "MORNING", "EVENING", "FASTING", "BEDTIME", "TOTAL",
    "BASAL", "BOLUS", "SENSOR", "OVERALL", "ROLLING", "MOVING", "RUNNING", "MEAN", "MEDIAN",
    "GLUCOSE", "CGM", "WEIGHT", "HOME", "CLINIC", "OFFICE", "AM", "PM", "WEEKDAY", "WEEKEND"})
"""Words before 'Ave' that make it an average ('Fasting Ave', 'Weekly Ave'), no avenue."""
_NOT_STREET_WORDS = frozenset({
    "LEFT", "RIGHT", "LOWER", "UPPER", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
    "SATURDAY", "SUNDAY", "ONCOLOGY", "NEPHROLOGY", "CARDIOLOGY", "NEUROLOGY", "PAIN", "LIP",
    "LESION", "LADDER", "FAMILY", "THE", "CALL", "ON", "BY"})
"""Words that make 'on Left Ave?', 'BY ONCOLOGY DR', 'Fell from the Ladder Rd' no street."""


def _street_name(values: list[str]) -> list[bool]:
    """A street named without its number: its name words are no clinical or function words
    ('on Jericho Tpke', 'on NW 7th Ave'; not 'on IV St', 'at the Lab Rd' of a procedure); in
    lower case a suffix written out after English words is a description ('along the river
    trail'), an abbreviated one a street ('w shields ave', 'main st')."""
    lex = lexicon()
    out = []
    for value in values:
        value = value.rstrip(".")  # 'the gravel road.': the sentence's period
        if value.islower() and _FULL_SUFFIX_END.search(value) and all(
                words.is_english(fold(w)) for w in _STREET_WORD.findall(value)[:-1]):
            out.append(False)
            continue
        keys = [fold(w) for w in _STREET_WORD.findall(value)][:-1]
        names = [k for k in keys if k not in ("N", "S", "E", "W", "NE", "NW", "SE", "SW", "NORTH",
                                               "SOUTH", "EAST", "WEST")]
        # before a suffix only a street has ('Ave', 'Blvd', 'Fwy'), an eponym or an everyday
        # word names a street too ('W. Wells St', 'Division St', 'the Lodge Freeway')
        strong = not value.islower() and bool(_STRONG_SUFFIX_END.search(value))
        if value.endswith(("Ave", "AVE")) and any(k in _AVERAGE_WORDS for k in keys):
            out.append(False)  # 'Fasting Ave 130': an average
            continue
        out.append(bool(names) and not any(
            (lex.is_clinical(k) and k not in _NOT_STREET_NAME
             and not (strong and k in lex.eponyms)) or k in _NOT_STREET_WORDS
            or (k in _GENERIC and not strong) for k in names))
    return out


_DISTINCT_SYLLABLES = frozenset({
    "EH", "NAW", "HTOO", "HSER", "HTEE", "NYAW", "HSA", "KYI", "BWAY", "KYAW", "MYO", "HTET",
    "NAING", "LWIN", "THANT", "HNIN", "MYAT", "PHYO", "THIRI", "NYEIN", "KHIN", "MAUNG", "NWE",
    "THET", "NHIA", "XEE", "CHUE", "YIA", "XIA", "MOUA", "XIONG", "CHOUA", "SHOUA", "TXAWJ",
    "YOUA", "ZOUA", "HOUA", "NTXHI", "NALEE", "PHENG"})
"""Syllables of Karen, Burmese and Hmong names that no English word or other name shares."""


def _syllable_name(values: list[str]) -> list[bool]:
    """Syllables of a name in a row, one of them one only such a name has, none a clinical
    word longer than two letters ('Saw Eh', 'Pa Nhia'; not 'Say Ye', 'Mai Tai', 'Win Win')."""
    lex = lexicon()
    out = []
    for value in values:
        keys = [fold(w) for w in value.split()]
        distinct = [k for k in keys if k in _DISTINCT_SYLLABLES and k != "EH"]
        eh_named = ("EH" in keys[1:] and keys[0] in _KAREN_PREFIXES) or (
            keys[0] == "EH" and any(k in _KAREN_GIVEN for k in keys[1:]))
        out.append(bool(distinct or eh_named) and not any(
            lex.is_clinical(k) and len(k) > 2 for k in keys))
    return out


_KAREN_PREFIXES = frozenset({"SAW", "NAW", "THRA", "NAN"})
"""The words before a Karen man's or woman's name ('Saw Eh', 'Naw Eh Paw')."""
_KAREN_GIVEN = frozenset({"SAY", "PAW", "HTOO", "MOO", "LER", "DOH", "KAW", "HSER", "BLU"})
"""Syllables that follow 'Eh' in a Karen name ('Eh Say', 'Eh Htoo'); 'Eh' alone is also a
word of speech ('Say Eh?')."""


def _bare_street(values: list[str]) -> list[bool]:
    """A street named by its name alone after a word of home ('on Wildemere in Detroit', 'at
    12610 Mendota'): no clinical, function, month, state, benefit, time or unit word ('living
    on Medicaid in Ohio', 'home at 24 Hours', 'located at 11 Cm'); without a house number no
    everyday word either ('living on Ramen in Chicago'), unless streets are often so named
    ('Broadway', 'Main')."""
    lex = lexicon()
    out = []
    for value in values:
        keys = [fold(w) for w in _STREET_WORD.findall(value)]
        numbered = value[:1].isdigit()
        out.append(bool(keys) and not any(
            lex.is_clinical(k) or k in _NOT_STREET_WORDS or k in _GENERIC or k in _BENEFITS
            or k in _UNIT_OR_TIME or k in lex.states
            or (k in lex.not_name and words.is_english(k)) or k in MONTH_WORDS
            or (not numbered and k not in _STREET_NAMES and words.zipf(k) >= _EVERYDAY)
            for k in keys))
    return out


def _compass_street(values: list[str]) -> list[bool]:
    """'N Rampart', 'E Main', 'N Hwy 287': the name after the compass letter is a bare
    street's or a numbered road, and no
    organism or virus written with an initial ('E Coli', 'W Nile')."""
    names = [value.split(None, 1)[1] for value in values]
    return [(ok or _NUMBERED_ROAD.fullmatch(name) is not None)
            and fold(name.split()[0]) not in _INITIAL_ORGANISMS
            for ok, name in zip(_bare_street(names), names, strict=True)]


_NUMBERED_ROAD = re.compile(r"(?:Hwy|Highway|Route|Rte|Road|Rd|Loop|Spur)\.?[ \t]+[0-9]{1,4}[A-Z]?")
"""A road by its number after a compass letter ('N Hwy 287', 'S Road 17')."""


_INITIAL_ORGANISMS = frozenset({"COLI", "NILE", "FAECALIS", "FAECIUM", "AUREUS", "CLOACAE",
                                "EPIDERMIDIS", "NEOFORMANS", "HISTOLYTICA", "NAEGLERIA"})
"""Species and viruses after one letter ('E Coli', 'W Nile', 'S Aureus', 'E Faecalis')."""


_UNIT_OR_TIME = frozenset({
    "HOURS", "HOUR", "HRS", "HR", "OCLOCK", "O'CLOCK", "CM", "MM", "IN", "INCHES", "FEET", "FT",
    "DEGREES", "DEG", "PM", "AM", "NOON", "MIDNIGHT", "WEEKS", "WEEK", "DAYS", "DAY", "MONTHS",
    "YEARS", "MINUTES", "MINS", "MIN", "SECONDS", "MILES", "MI", "YARDS", "METERS", "M", "KM",
    "ACRES", "PERCENT", "MG", "ML", "KG", "LBS", "LB", "POUNDS", "UNITS", "TIMES", "POINTS"})
"""Units and times a number may stand before after 'at' ('located at 15 Mm')."""
_STREET_NAMES = frozenset({
    "BROADWAY", "MAIN", "MARKET", "PARK", "OAK", "ELM", "MAPLE", "PINE", "CEDAR", "WASHINGTON",
    "LINCOLN", "JEFFERSON", "MADISON", "FRANKLIN", "CENTRAL", "WATER", "CHURCH", "MILL", "HIGH",
    "UNION", "GRAND", "LAKE", "HILL", "RIVER", "SPRING", "CHESTNUT", "WALNUT", "SPRUCE",
    "FRONT", "BRIDGE", "CENTER", "COLLEGE", "FOREST", "RIDGE", "VALLEY", "SUNSET"})
"""Everyday words that are common street names, found without a street type."""
_EVERYDAY = 3.5
"""Zipf frequency from which a bare word is everyday English, not a street's name."""


def _spanish_address(values: list[str]) -> list[bool]:
    """A Spanish neighbourhood, street or building ('Urb. Villa Carolina', 'Col. Centro'):
    no clinical word and none of Spanish medicine ('Fracc. Eyección', 'Edificio Principal');
    after a word that also opens other things ('Bo.', 'Sector', 'Col.', 'Ave.', 'Edificio') one
    name word must be rare ('Bo. Cultures', 'Ave. Blood Glucose 180' have none)."""
    lex = lexicon()
    out = []
    for value in values:
        head, _, rest = value.partition(" ")
        keys = [fold(w) for w in _STREET_WORD.findall(rest)]
        names = [k for k in keys if k not in _ES_PARTICLES and k not in _ES_NUMBER_WORDS]
        if any((lex.is_clinical(k) and len(k) > 2) or k in _ES_CLINICAL for k in names):
            out.append(False)
            continue
        strong = fold(head).rstrip(".") in _ES_STRONG_HEADS
        out.append(strong or any(words.zipf(k) < _RARE_WORD for k in names))
    return out


_ES_PARTICLES = frozenset({"DE", "DEL", "LA", "LAS", "LOS", "EL"})
_ES_NUMBER_WORDS = frozenset({"BLOQUE", "BLQ", "APT", "APTO", "EDIF", "CASA", "NUM", "NO"})
_ES_STRONG_HEADS = frozenset({"URB", "URBANIZACION", "BARRIO", "BDA", "BARRIADA", "CALLE",
                              "CALLEJON", "RES", "COND", "CARRER", "AVINGUDA", "PASSEIG", "REHOV",
                              "RECHOV", "SDEROT", "DERECH"})
"""Words that open nothing but an address in Spanish, Catalan and Hebrew."""
_ES_CLINICAL = frozenset({
    "EYECCION", "HEMODINAMICA", "HEMODINAMICO", "LATERAL", "VERTEBRAL", "TERAPEUTICO",
    "TERAPEUTICA", "NODO", "PRINCIPAL", "SINUSAL", "VENTRICULAR", "AURICULAR", "CARDIACA",
    "CARDIACO", "RENAL", "HEPATICO", "HEPATICA", "PULMONAR", "ANTERIOR", "POSTERIOR",
    "SUPERIOR", "INFERIOR", "MEDIO", "DERECHO", "IZQUIERDO", "DERECHA", "IZQUIERDA", "CLINICA",
    "CLINICO", "GENERAL", "ESTABLE", "CRITICO", "CRITICA", "GRAVE", "BUENO", "REGULAR", "MALO",
    "QUIRURGICO", "QUIRURGICA", "CENTRAL", "DISTAL", "PROXIMAL", "TREATMENT"})
"""Spanish words of medicine after a word that may open an address ('Sector Lateral')."""


def _road_place(values: list[str]) -> list[bool]:
    """The place a road is near ('US-83 near Stapleton', 'Hwy 59 south of Bishop Rd'): a
    street type at its end, or a town that is no everyday, clinical or time word ('I-131 near
    Thyroid', 'Hwy 1 past Midnight' are none)."""
    lex = lexicon()
    out = []
    for value in values:
        place = _ROAD_PREPOSITION.split(value, maxsplit=1)[-1]
        keys = [fold(w) for w in _STREET_WORD.findall(place) if fold(w) != "THE"]
        if not keys or any(lex.is_clinical(k) or k in _UNIT_OR_TIME or k in MONTH_WORDS
                           for k in keys):
            out.append(False)
            continue
        out.append(bool(_ROAD_SUFFIX_END.search(place)) or " ".join(keys) in lex.places
                   or all(words.zipf(k) < _EVERYDAY and not words.is_english(k) for k in keys))
    return out


_ROAD_PREPOSITION = re.compile(r"\b(?:near|past|outside(?:[ \t]+of)?|of)[ \t]+")
_ROAD_SUFFIX_END = re.compile(r"\b(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Dr|Drive|Ln|Lane|Hwy|"
                              r"Highway|Pkwy|Way|Pike|Trail|Trl|Loop|Route|Rte)\.?$")


_BENEFITS = frozenset({"MEDICAID", "MEDICARE", "SSI", "SSDI", "DISABILITY", "WELFARE", "SNAP",
                       "TANF", "WIC", "SECTION", "HOSPICE", "OXYGEN", "DIALYSIS", "PROBATION",
                       "PAROLE", "CAMPUS", "BASE", "DUTY", "LEAVE", "CALL", "SITE", "TIME",
                       "SOCIAL", "SECURITY", "UNEMPLOYMENT", "PENSION", "ASSISTANCE"})
"""What one lives 'on' or is 'at' that is no street."""


_FIRST_GROUP = re.compile(r"^\+|^\(?[0-9]{2,}|^1[ .\-]")


def _phone_digits(values: list[str]) -> list[bool]:
    """A phone after a phone word: 8 to 13 digits in the value itself, whose first group is
    no lone digit ('7.35 7.40' is a pH trend, not a number)."""
    return [8 <= sum(c.isdigit() for c in v) <= 13 and bool(_FIRST_GROUP.match(v))
            for v in values]


def _spaced_digits(values: list[str]) -> list[bool]:
    """Digits read out one by one: no run of one digit ('0 0 0 0 0 0 0') and no count
    ('1 2 3 4 5 6 7', '7 6 5 4 3 2 1')."""
    out = []
    for value in values:
        digits = [int(c) for c in value if c.isdigit()]
        steps = {b - a for a, b in pairwise(digits)}
        out.append(len(set(digits)) > 1 and steps not in ({1}, {-1}))
    return out


def _handle(values: list[str]) -> list[bool]:
    """A user name after its label: holds a digit, a dot or an underscore, or is a word no
    dictionary or word list holds ('kjohannsen'; not 'reports', 'denies', 'admin')."""
    lex = lexicon()
    out = []
    for value in values:
        key = fold(value)
        marked = any(c.isdigit() or c in "._" for c in value)
        out.append(marked or (words.zipf(key) == 0.0 and not words.is_english(key)
                              and not lex.is_clinical(key) and len(key) >= 4))
    return out


_ICD10 = re.compile(r"^[A-TV-Z][0-9][0-9AB](?:\.[0-9A-TV-Z]{1,4})?$")
_ICD9 = re.compile(
    r"^(?:[0-9]{3}(?:\.[0-9]{1,2})?|V[0-9]{2}(?:\.[0-9]{1,2})?|E[0-9]{3}(?:\.[0-9])?)$")
_LOINC = re.compile(r"^[0-9]{1,5}-[0-9]$")
_NDC = re.compile(
    r"^(?:[0-9]{4}-[0-9]{4}-[0-9]{2}|[0-9]{5}-[0-9]{3}-[0-9]{2}|[0-9]{5}-[0-9]{4}-[0-9])$")
_DOSE = re.compile(r"(?i)^[0-9]{1,5}(?:\.[0-9]+)?"
                   r"(?:mg|mcg|ug|g|kg|ml|l|units?|iu|meq|mmol|mm|cm|%|hrs?|h|min|d)$")
_CLINICAL_SHAPES = re.compile(
    r"(?i)^(?:ICD-?(?:9|10|11)(?:-CM|-PCS)?|COVID-?19|SARS-CoV-2|T[0-4]N[0-3]M[01]|"
    r"G[0-9]+P[0-9]+.*|HbA1c|CHA2DS2-VASc|PHQ-?[0-9]+|GAD-?[0-9]+|CD[0-9]+|[A-Z]{1,3}[0-9]{1,3}|"
    # a radioisotope ('I-125' seeds, 'Tc-99m', 'Lu-177'), never an implant's serial
    r"(?:I-12[345]|I-131|Tc-99m?|Y-90|Pd-103|Cs-13[17]|Ir-192|Co-60|F-18|Ga-6[78]|Lu-177|"
    r"Ra-223|Sm-153|Sr-89|Rb-82|Tl-201|In-111|Xe-133|Cu-64|Zr-89|Ac-225|C-1[14]|N-13|O-15|"
    r"P-32|Au-198|Kr-81m)|"
    # a class of US visa ('H-2A' farmworkers, 'H-1B', 'J-1'): everyone's, no one's number
    r"[BEFHJKLMOPQR]-[0-9][AB]?)$")
_BILLING_SHAPES = re.compile(
    r"^(?:[A-V][0-9]{4}|CR[0-9]{4}|CMS-[0-9]{3,5}(?:-[A-Z0-9]{1,3})?|"
    r"[0-9]{5}-(?:GT|95|25|59|26|TC|LT|RT|GQ|QW))$")
"""HCPCS Level II and OASIS items ('A4239', 'M1860'), coin cells ('CR2032'), CMS rules and
forms ('CMS-4201-F', 'CMS-2728-U3'), CPT codes with a modifier ('99245-GT'): codes by shape
where no label names the value (a labelled 'Badge #: B1047' or 'Inmate # A1234' stays an id)."""


def _is_clinical_code(value: str) -> bool:
    key = fold(value)
    lex = lexicon()
    return bool(key in lex.genes or key in lex.clinical or _ICD10.match(value.upper())
                or _LOINC.match(value) or _NDC.match(value) or _DOSE.match(value)
                or _CLINICAL_SHAPES.match(value))


def _spaced_number(values: list[str]) -> list[bool]:
    """An identifier in spaced groups: eight digits or more (six with a letter prefix), in
    one run of six or more or in two groups of three or more ('118 774 002', 'QX 412207'), or
    seven digits in three groups or two long ones ('638 42 17', '1178 302'); not a date
    '12 03 2024' or a list '1 2 3 4 5 6'."""
    out = []
    for value in values:
        groups = re.findall(r"[0-9]+", value)
        digits = sum(len(g) for g in groups)
        prefixed = bool(re.match(r"[A-Z]", value))
        long_groups = sum(1 for g in groups if len(g) >= 3)
        # a serial of seven digits in three groups or more ('638 42 17'), never ending in a
        # year ('12 3 2024' is a date)
        serial_of_seven = (digits == 7 and (len(groups) >= 3 or long_groups >= 2)
                           and long_groups >= 1
                           and not re.fullmatch(r"(?:19|20)[0-9]{2}", groups[-1]))
        out.append(((digits >= 8 or (prefixed and digits >= 6))
                    and (long_groups >= 2 or any(len(g) >= 6 for g in groups)))
                   or serial_of_seven)
    return out


def _year_range(value: str) -> bool:
    """Two years, the second later, at most a lifetime apart ('served 1950-1953', 'Navy
    (1984-1992)'): bare years, not a code."""
    match = _YEARS.fullmatch(value)
    return match is not None and 0 < int(match.group(2)) - int(match.group(1)) <= 100


_YEARS = re.compile(r"((?:19|20)[0-9]{2})-((?:19|20)[0-9]{2})")


_STREET_WORDS = (r"(?:Ave|Avenue|St|Street|Rd|Road|Blvd|Boulevard|Pkwy|Parkway|Lane|Way|Hwy|"
                 r"Highway|Ter|Terrace|Trl|Trail|Pike|Expy|Expressway|Fwy|Freeway|AVE|BLVD|PKWY)")
"""Street words that name nothing else in a note ('Dr', 'Ct', 'LN', 'ST', 'Place', 'Drive' are
a doctor, a scan, a lymph node, speech therapy, a place of work, a drive)."""
_STREET_SIDE = re.compile(r"(?:^|[ \t])(?:(?:[NSEW]|NE|NW|SE|SW)[ \t]+[0-9]{1,3}(?:st|nd|rd|th)|"
                          r"[0-9]{1,3}(?:st|nd|rd|th)[ \t]+[A-Z]|[A-Za-z0-9]+[ \t]+" + _STREET_WORDS
                          + r"\.?$)")


def _street_pair(values: list[str]) -> list[bool]:
    """Two streets joined by 'and': at least one side carries a street word or a direction
    before an ordinal, and no word is clinical or a drug ('4th Ave and 52nd St', 'SE 82nd and
    Foster'; not 'Mercy and Baptist', '2nd and 3rd', 'Depakote DR and Keppra')."""
    lex = lexicon()
    out = []
    for value in values:
        sides = re.split(r"[ \t]+(?:and|&)[ \t]+", value, maxsplit=1)
        keys = [fold(w) for w in re.findall(r"[A-Za-z]{3,}", value)]
        out.append(len(sides) == 2 and any(_STREET_SIDE.search(side.strip()) for side in sides)
                   and not any(lex.is_clinical(k) or k in lex.drugs for k in keys))
    return out


def _school_number(values: list[str]) -> list[bool]:
    """'P.S. 811', 'JHS 22' (after a word of school): the undotted 'IS' and 'HS' only with
    three digits ('HS 2' is a heart sound)."""
    out = []
    for value in values:
        digits = "".join(c for c in value if c.isdigit())
        out.append("." in value or not value.startswith(("IS", "HS")) or len(digits) == 3)
    return out


_NOT_SCHOOL_NAMES = frozenset({
    "JUNIOR", "SENIOR", "MIDDLE", "PUBLIC", "PRIVATE", "LOCAL", "CATHOLIC", "CHRISTIAN",
    "CHARTER", "BOARDING", "REGULAR", "VERY", "EXTREMELY", "MODERATELY", "MODERATE", "TOO",
    "LOW", "MEDIUM", "INTERMEDIATE", "SEVERE", "QUITE", "RELATIVELY", "SUPER", "ALL", "RECORD",
    "NEW", "THE", "A", "AN", "HER", "HIS", "MY", "OUR", "THEIR", "THIS", "THAT", "ATTENDS",
    "ATTENDING", "ATTENDED", "GRADUATED", "FINISHED", "COMPLETED", "DROPPED", "IN", "AT", "SOME",
    "ANY", "NO", "AREA", "NEARBY", "SAME", "OLD", "FORMER", "ALTERNATIVE", "SPECIAL",
    "COMMUNITY", "COUNTY", "CITY", "STATE", "RURAL", "URBAN", "SUBURBAN", "NORMAL", "MAINSTREAM",
    "ONLINE", "VIRTUAL", "HOME", "SUMMER", "NIGHT", "SUNDAY", "HEBREW", "MEDICAL", "NURSING",
    "DENTAL", "LAW", "GRADUATE", "SCHOOL", "STARTED", "STARTING", "BEGAN", "ENTERED", "IS",
    "WAS", "DURING", "BEFORE", "AFTER", "SINCE", "SENT", "LEFT", "MISSED", "MISSING", "CRITICAL",
    "PANIC", "ABNORMAL", "FLAGGED", "HIGH", "PARTIAL", "TRANSITION", "TO", "INTO",
    "ENTERING", "STARTS", "NEXT", "LAST", "FIRST", "SECOND", "THIRD", "FOURTH", "BORDERLINE",
    "ELEVATED", "MILDLY", "MARKEDLY", "SLIGHTLY", "UPPER", "LOWER", "MID", "INDETERMINATE",
    "BORDER", "ACCEPTABLE", "OPTIMAL", "DESIRABLE", "SUBOPTIMAL", "RISK"})
"""Words before 'High School' or 'Elementary' that tell a kind of school, a level or the
sentence around it, no school's name ('Junior High School', 'Very High', 'attends High')."""


def _school_name(values: list[str]) -> list[bool]:
    """'Capital High School', 'Timpview High': the words before the kind of school name one
    (any capitalized word but a level, a kind, a clinical word or a drug: not 'Ambien HS')."""
    lex = lexicon()
    out = []
    for value in values:
        words_before = [fold(w) for w in re.findall(r"[A-Za-z'’\-]+", value)]
        kind = next(i for i, w in enumerate(words_before) if w in (
            "HIGH", "HS", "MIDDLE", "JUNIOR", "JR", "ELEMENTARY", "INTERMEDIATE", "PRIMARY"))
        names = words_before[:kind]
        out.append(bool(names) and not any(
            w in _NOT_SCHOOL_NAMES or w in FUNCTION_WORDS or lex.is_clinical(w) or w in lex.drugs
            for w in names))
    return out


def _rare_school(values: list[str]) -> list[bool]:
    """'Ridgeway Middle', 'Raleigh-Egypt Middle', 'Aldine High': a school named by words no
    English list holds (or a town), none clinical ('Left Middle', 'Very High' are no school)."""
    lex = lexicon()
    out = []
    for value in values:
        names = [fold(w) for w in re.findall(r"[A-Za-z'’]+", value)][:-1]
        out.append(bool(names) and all(
            (k in lex.places or (not words.is_english(k) and words.zipf(k) < _RARE_WORD))
            and not lex.is_clinical(k) and k not in lex.drugs for k in names))
    return out


def _block_street(values: list[str]) -> list[bool]:
    """'2700 block N. 38th St', 'the 4500 block of Elm': the words after the block name a
    street, no person's title, clinical, calendar or generic word ('1300 block of Dr. Kim's
    clinic', 'block of Dermatology', 'block of Tuesday')."""
    lex = lexicon()
    out = []
    for value in values:
        keys = [fold(w) for w in re.findall(r"[A-Za-z'’]+", value)
                if fold(w) not in ("BLOCK", "BLK", "OF", "THE")]
        out.append(bool(keys) and not any(
            k in lex.titles or lex.is_clinical(k) or k in MONTH_WORDS or k in _GENERIC
            or k in _NOT_STREET_WORDS for k in keys))
    return out


def _police_town(values: list[str]) -> list[bool]:
    """'Chicago PD', 'Hamtramck PD': the words before the department's initials are a town
    of the gazetteer, none clinical ('Idiopathic PD', 'Baxter PD' are no police)."""
    lex = lexicon()
    out = []
    for value in values:
        keys = [fold(w) for w in value.split()[:-1]]
        whole = " ".join(keys)
        out.append(whole in lex.places and whole not in lex.states
                   and not any(lex.is_clinical(k) or k in lex.drugs for k in keys))
    return out


def _call_sign(values: list[str]) -> list[bool]:
    """A radio call sign that is no gene, clinical word or code ('NS5A', 'NK1R')."""
    lex = lexicon()
    checked = _not_code(values)
    return [ok and value not in lex.genes and not lex.is_clinical(fold(value))
            and not _RECEPTOR_OR_PROTEIN.fullmatch(value)
            for value, ok in zip(values, checked, strict=True)]


_RECEPTOR_OR_PROTEIN = re.compile(r"N[SKRT][0-9][A-Z]{1,2}|[A-Z]{2}[0-9]R")
"""A viral protein's, a receptor's or a nuclear receptor's name shaped like a call sign ('NS5A',
'NK1R', 'NR4A', 'AT1R')."""


def _issuer_code(values: list[str]) -> list[bool]:
    """An issuer's letters before a number: an airline's before a flight's ('PQ 2290', 'BCX
    9012') or an employer's before a worker's ('LCR 28417'); not a vital sign, a lab or a role
    written the same way ('HR 110', 'BP 150', 'ETA 25', 'RN 2', 'O2 2', 'CBC 100')."""
    lex = lexicon()
    return [not clinical_acronym(re.split(r"[ \-]|(?<=[A-Z])(?=[0-9])", value)[0], lex)
            and not value.startswith("O2") for value in values]


def _spelled_word(values: list[str]) -> list[bool]:
    """A word followed by its own letters one by one ('halpert h-a-l-p-e-r-t', 'Nussbaum,
    N U S S B A U M'): a dictated name, spelled for the transcriber, with the given names
    before it. Each word must be a name of the name lists and no everyday English word: a
    test's words ('world W-O-R-L-D'), a supplement, organism or new brand spelled out
    ('kratom', 'Rhizopus', 'Kerendia') are not."""
    lex = lexicon()

    def a_name(word: str) -> bool:
        key = fold(word)
        return lex.is_name(key) and not lex.is_clinical(key) and key not in lex.drugs \
            and not (words.is_english(key) and words.zipf(key) >= 3.0)

    out = []
    for value in values:
        parts = value.replace(",", " ").split()
        first_letter = next((i for i, part in enumerate(parts) if len(part.rstrip(".")) == 1
                             or (len(part) > 1 and part[1] in "-.")), len(parts))
        names, spelled = parts[:first_letter], " ".join(parts[first_letter:])
        letters = "".join(ch for ch in spelled if ch.isalpha())
        # the spelled word and the given names before it ('shayna perel halpert h-a-l-p...')
        out.append(bool(names) and letters.lower() == names[-1].lower()
                   and all(a_name(word) for word in names))
    return out


def _given_name(values: list[str]) -> list[bool]:
    """A known given name or surname that is no common English word, or a word no list of
    English holds at all ('Olena', 'Halyna'; not 'Hola', 'Sober', 'Kaiser')."""
    lex = lexicon()
    out = []
    for value in values:
        key = fold(value.split()[0])
        known = (key in lex.first or key in lex.last) and (
            not words.is_english(key) or words.zipf(key) < 3.5)
        unknown = words.zipf(key) == 0.0 and not words.is_english(key) and len(key) > 3
        out.append((known or unknown) and not lex.is_clinical(key) and key not in lex.places)
    return out


_AFTER_MODAL = frozenset({
    "CALL", "CHECK", "CONTINUE", "CONSIDER", "FOLLOW", "OBTAIN", "ORDER", "MONITOR", "REVIEW",
    "SEE", "START", "STOP", "SEND", "DRAW", "REPEAT", "RECHECK", "SCHEDULE", "REFER", "DISCUSS",
    "HOLD", "INCREASE", "DECREASE", "ADD", "GIVE", "PLAN", "NEED", "RETURN", "COME", "GET",
    "TRY", "KEEP", "WEAN", "PAGE", "UPDATE", "TOUCH", "ARRANGE", "NOTIFY", "CONTACT", "TRIAL",
    "REASSESS", "WALK", "WAIT", "RUSH", "BILL", "WORK", "MEET", "FAX", "MAIL", "TEXT", "LET",
    "HAVE", "BE", "NOT", "ALSO", "STILL", "TAKE", "MAKE", "BRING", "ASK", "TELL",
    "PROCEED", "ADMIT", "DISCHARGE", "TRANSFER", "PLACE", "USE", "REMAIN", "STAY", "PICK",
    "CLEAR", "COVER", "DROP", "LOOK", "FILL", "PASS", "PUSH", "PULL", "SIGN", "SHIP", "DO",
    "WISH", "HOPE", "SPEAK", "LIKELY", "REQUIRE", "BENEFIT", "ATTEND", "VISIT", "WATCH",
    "SWALLOW", "CHEW", "WAKE", "PACE", "BRACE", "COOK", "WASH", "SING", "HANG", "LIE", "DRESS",
    "NURSE", "BATHE", "CARRY", "SWIM", "HEAL", "WEAR", "SIT", "PRAY", "FISH", "HUNT", "GARDEN",
    "DANCE", "TEACH", "REACH", "GROOM", "DOSE", "DRAIN", "PIN", "NAIL", "GRAFT", "BURN", "SHAVE",
    "CAST", "STAPLE", "LOCK", "SWAB", "MASK", "PACK", "BRUSH", "HOOK", "KNOCK", "RING", "CAP",
    "FALL", "MARCH", "TURN", "STAND", "STEP", "SHOWER", "FEED", "CLIMB", "RIDE", "DRIVE", "BOW"})
"""Verbs after 'Will' or 'May' that some list spells as a surname ('Will Page', 'May Hold')."""


def _modal_name(values: list[str]) -> list[bool]:
    """'Will Tran', 'Will Cooper', 'May Ottmers': a surname that is no verb after the modal;
    a known surname below the commonest words (not 'Will See', 'May Be') or a word no list of
    English holds."""
    lex = lexicon()
    out = []
    for value in values:
        key = fold(value.split()[-1])
        known = key in lex.last and words.zipf(key) < 5.0
        unknown = words.zipf(key) == 0.0 and not words.is_english(key) and len(key) > 3
        out.append((known or unknown) and key not in _AFTER_MODAL and not lex.is_clinical(key))
    return out


_NOT_BABY_NAMES = frozenset({
    "TERM", "PRETERM", "STABLE", "HEALTHY", "VIABLE", "VIGOROUS", "LIVE", "ALIVE", "TWIN",
    "TWINS", "APGAR", "APGARS", "SGA", "AGA", "LGA", "NICU", "NURSERY", "BABY", "INFANT",
    "NEWBORN", "BOY", "GIRL", "MALE", "FEMALE", "DECEASED", "STILLBORN", "UNNAMED", "TBD",
    "PENDING", "BABYGIRL", "BABYBOY", "SINGLETON", "FIRST", "SECOND", "THIRD", "ONLY",
    "ADOPTED", "FOSTER", "HISPANIC", "LATINO", "LATINA", "ASIAN", "WHITE", "BLACK",
    "CAUCASIAN", "NATIVE", "AMERICAN", "INDIAN", "MIXED", "OTHER", "UNKNOWN", "DECLINED"})
"""Words in parentheses or quotes after 'girl' or 'male' that describe the baby, no name."""


def _baby_name(values: list[str]) -> list[bool]:
    """A baby's name after 'girl (' or 'female "' ('Willow', 'Magnolia', 'Ti-Jean'): any
    capitalized word there but a description, a race or a clinical word ('Term', 'Hispanic',
    'Down'); everyday words are names here ('Willow', 'Hope')."""
    lex = lexicon()
    return [not any(fold(w) in _NOT_BABY_NAMES or lex.is_clinical(fold(w)) or fold(w) in lex.states
                    for w in re.findall(r"[A-Za-z'’]+", value)) for value in values]


def _year_month(values: list[str]) -> list[bool]:
    """'2023-11' is November 2023; '2011-12' or '2008-10' may be a span of years (the month
    part is a later year's last digits), so only a month below the year's own is one."""
    return [int(v[5:7]) < int(v[:4]) % 100 for v in values]


_ALLELE_PART = re.compile(r"[A-Z]{1,4}[0-9]{1,2}")
_GUIDELINE = re.compile(r"(?:[A-Z]{1,6}-){1,3}(?:19[5-9][0-9]|20[0-4][0-9])")


def _allele(value: str, genes: frozenset[str]) -> bool:
    """'HLA-DRB1-0401': a gene, an allele's locus and its number (not 'ER-20230412')."""
    parts = value.split("-")
    return len(parts) >= 3 and fold(parts[0]) in genes and bool(_ALLELE_PART.fullmatch(parts[1]))


def _guideline(value: str) -> bool:
    """'LI-RADS-2018', 'ACC-AHA-2017': groups of letters and a year name a guideline."""
    return bool(_GUIDELINE.fullmatch(value))


def _not_code(values: list[str]) -> list[bool]:
    genes = lexicon().genes
    return [not _is_clinical_code(v) and not _ICD9.match(v) and not _BILLING_SHAPES.match(v)
            and not _year_range(v) and not _allele(v, genes) and not _guideline(v)
            for v in values]


_NOT_LABEL_FIRST = frozenset({
    "WH", "CMS", "SSA", "LWC", "DOL", "HUD", "FHEO", "MP", "ICD", "PC", "PG", "EQ", "MMPI",
    "DSM", "PHQ", "GAD", "SF", "ASQ", "CD", "HLA", "IL", "COVID", "SARS", "NCT", "ISO", "IEC",
    "ASTM", "ANSI", "USP", "CPT", "AJCC", "FIGO", "WHO", "TNM", "BI", "LI", "PI", "TI", "CAD",
    "ACR", "NYHA", "CCS", "ASA", "ECOG", "KPS", "UN", "PSA"})
"""Form, instrument, staging and code-system prefixes of capital groups ('WH-380-E',
'PC-PTSD-5', 'ICD-10-CM', 'EQ-5D-5L', 'BI-RADS-4'): a form or a scale, no one's label."""
_SPINE_OR_STAGE = re.compile(r"(?:[CTLS][0-9]{1,2}|[CPY]?[TNM](?:[0-4X][A-D]?|IS)|[0-9]{1,2}|"
                             r"[A-Z]|[1-6][A-C]{2})")
"""A vertebra, a TNM part, a small number, a letter or an embryo's grade: 'C5-C6-C7',
'T1A-N0-M0', 'L4-5-S1', '4-A-B', '4AA-5AB-3BB' are anatomy, stages and grades."""


_TOLL_FREE = re.compile(r"(?:1-)?8[0-9]{2}-")
"""A toll-free line spelled in words ('1-800-QUIT-NOW'): a public service's number."""


def _segmented_code(values: list[str]) -> list[bool]:
    """'T3-C5-K22', 'ZW-LX-19-B1', 'MHF-MZ-03': three or more capital groups with a digit
    label one specimen, straw, tank or record; a form's, a scale's or a stage's groups do
    not, nor a run of vertebrae, nor groups with an English word ('35-YEAR-OLD',
    'AK-LUNG-07' is a trial's name)."""
    out = []
    for value in values:
        parts = value.split("-")
        worded = any(len(p) >= 4 and p.isalpha() and words.is_english(p) for p in parts)
        out.append(parts[0] not in _NOT_LABEL_FIRST and not _TOLL_FREE.match(value)
                   and not worded
                   and not all(_SPINE_OR_STAGE.fullmatch(p) for p in parts)
                   and _not_code([value])[0] and not _is_clinical_code("-".join(parts[:2])))
    return out


def _subject_code(values: list[str]) -> list[bool]:
    """A study subject's code: no clinical code or test name ('COVID-19', 'CA-125', 'SF-36',
    'PHQ-9-GAD-7'), no range or ratio of small numbers ('2-3', '12-LEAD')."""
    out = []
    for value in values:
        parts = value.split("-")
        small = all(p.isdigit() and len(p) <= 2 for p in parts)
        test_name = any(_is_clinical_code(p) or _is_clinical_code("-".join(parts[i:i + 2]))
                        for i, p in enumerate(parts)) and sum(c.isdigit() for c in value) < 4
        out.append(not small and not test_name and not _is_clinical_code(value)
                   and not (len(parts) == 2 and parts[0].isalpha() and len(parts[1]) <= 3))
    return out


@lru_cache(maxsize=4096)
def _phone_ok(value: str) -> bool:
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_possible_number(number))


_TRUNK_ZERO_REGIONS = ("GB", "IE", "FR", "DE", "AT", "CH", "NL", "BE", "AU", "NZ", "IN", "ZA",
                       "NG", "PH", "JP", "BR", "TR", "IL")
"""Countries whose national numbers are written with a leading trunk 0."""


def phone_national_ok(value: str) -> bool:
    """A trunk-0 number of 9 to 11 digits, no count in steps, valid (not merely possible) in
    one of the countries that write numbers so (phonenumbers' metadata, not our guess)."""
    return _phone_national_ok(value)


@lru_cache(maxsize=4096)
def _phone_national_ok(value: str) -> bool:
    digits = sum(c.isdigit() for c in value)
    groups = [int(g) for g in re.findall(r"[0-9]+", value)]
    if not 9 <= digits <= 11 or len({b - a for a, b in pairwise(groups)}) == 1:
        return False  # a count in steps ('05 10 15 20 25') is no number
    for region in _TRUNK_ZERO_REGIONS:
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return True
    return False


def _plate_value(values: list[str]) -> list[bool]:
    """A registration: five to ten letters and digits, both kinds, no clinical code or
    dose ('MA19 XKT', 'M-JF 1951'; not 'CKD 3', 'HbA1c 7'); a state's code before a number
    of three digits or more and two or three letters is the state's ('CT 2290 BF'; not 'CT 2
    VIEW', 'CT 24 HR')."""
    out = []
    for value in values:
        alnum = [c for c in value if c.isalnum()]
        parts = re.split(r"[ \-]", value)
        if len(parts) == 3 and _STATE_CODE.fullmatch(parts[0]) and parts[1].isdigit() \
                and len(parts[1]) >= 3 and parts[2].isalpha() and len(parts[2]) <= 3 \
                and parts[2] not in CLINICAL_INITIALS:
            parts = parts[1:]
        out.append(5 <= len(alnum) <= 10 and any(c.isdigit() for c in alnum)
                   and any(c.isalpha() for c in alnum) and not _is_clinical_code(value)
                   and not any(_is_clinical_code(part) for part in parts if part.isalpha()))
    return out


_STATE_CODE = re.compile(STATE_CODES)


def _national_digits(values: list[str]) -> list[bool]:
    """A national or plan number in groups: 8 to 17 digits, not one digit repeated."""
    out = []
    for value in values:
        digits = [c for c in value if c.isdigit()]
        out.append(8 <= len(digits) <= 17 and len(set(digits)) > 1)
    return out


_CLINICAL_H = frozenset({
    "PAH", "LVH", "RVH", "BPH", "IIH", "SAH", "ICH", "NPH", "PPH", "CAH", "FSH", "TSH", "LDH",
    "PTH", "IVH", "SDH", "EDH", "PNH", "AIH", "ACTH", "SIADH", "GNRH", "GHRH", "NASH", "MASH",
    "FISH", "CISH", "TORCH", "HELLP", "ADH", "ANH", "BNH", "DKH", "GAH", "HHH", "LH", "GH", "PH",
    "RH", "NH", "DH", "MH", "IMC", "PMC", "CMC", "DMC", "HMC", "MCH", "OCH", "VCH", "SCH",
    "OSH", "DDH", "DSH", "CDH", "AMH", "IPH", "BOH", "LTCH", "DOH", "TAH", "ECH",
})
"""Clinical acronyms with a hospital's ending (hypertension, haemorrhage, hormones)."""


def _hospital_acronym(values: list[str]) -> list[bool]:
    """'HRH', 'NVRH', 'EMMC': a hospital's acronym, no clinical one ('LVH', 'PAH', 'TSH')."""
    lex = lexicon()
    return [v not in _CLINICAL_H and v not in CLINICAL_INITIALS and not lex.is_clinical(v)
            and not words.is_english(v) for v in values]  # ('EACH ORTHO', 'HIGH ORTHO')


_MONTH_STARTS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
                 "DEC")
_FULL_MONTHS = ("JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST",
                "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER")


def _month_pair(values: list[str]) -> list[bool]:
    """Two months written out or abbreviated ('Oct--Nov', 'June-July'): each word a month's
    name or its start ('Marc-Apr' is no range of months)."""
    out = []
    for value in values:
        parts = [p.strip(". ").upper() for p in re.split(r"-{1,2}|–|—|/", value) if p.strip()]
        out.append(len(parts) == 2 and all(
            (p[:3] in _MONTH_STARTS and any(m.startswith(p) for m in _FULL_MONTHS))
            or p == "SEPT" for p in parts))
    return out


def _ramq(values: list[str]) -> list[bool]:
    """A Quebec health card number ('GOSY 3159 1208'): four letters (surname, given name),
    then the birth date as YYMMDD with 50 added to a woman's month, then two digits."""
    out = []
    for value in values:
        digits = "".join(c for c in value if c.isdigit())
        month, day = int(digits[2:4]), int(digits[4:6])
        letters = "".join(c for c in value if c.isalpha())
        out.append((1 <= month <= 12 or 51 <= month <= 62) and 1 <= day <= 31
                   and not words.is_english(letters) and letters not in CLINICAL_INITIALS
                   and not lexicon().is_clinical(letters))  # not 'STAT 0810 1205'
    return out


_RARE_WORD = 3.0
"""Zipf frequency below which a word is no everyday English ('Caloocan' 0, 'Inner' 4.5)."""


def _town_city(values: list[str]) -> list[bool]:
    """'Caloocan City': the words before 'City' hold one that is a place or a rare word,
    and none is clinical or generic ('Medical City', 'Inner City', 'the City')."""
    lex = lexicon()
    out = []
    for value in values:
        keys = [fold(w) for w in value.split()[:-1]]
        out.append(any(k in lex.places or words.zipf(k) < _RARE_WORD for k in keys)
                   and not any(lex.is_clinical(k) or k in _GENERIC for k in keys))
    return out


def _labelled_place(values: list[str]) -> list[bool]:
    """'Parish: Plaquemines', 'City: Foley': after a place's form label, a gazetteer place or
    words that are no everyday English ('Catholic', 'Rural', 'Inner' are no place)."""
    lex = lexicon()
    out = []
    for value in values:
        keys = [fold(w) for w in re.findall(r"[A-Za-z'’]+", value)
                if fold(w) not in ("COUNTY", "PARISH", "CO")]
        whole = " ".join(keys)
        out.append(bool(keys) and (whole in lex.places or any(
            k in lex.places or words.zipf(k) < _RARE_WORD for k in keys)))
    return out


def _place_words(values: list[str]) -> list[bool]:
    """'Utah State', 'Naples 3rd Ward', 'Trane': the words before a kind word ('State',
    an ordinal, 'plant') hold a place or a rare word, and none is clinical ('Trough State',
    'Trigeminal 3rd Branch', 'the Poison Ivy plant' name nothing)."""
    lex = lexicon()
    out = []
    for value in values:
        keys = [fold(w) for w in re.findall(r"[A-Za-z'’]+", value)
                if fold(w) not in ("STATE", "WARD", "BRANCH", "ST", "ND", "RD", "TH", "THE")]
        out.append(bool(keys) and any(
            k in lex.places or k in lex.states
            or (not words.is_english(k) and (words.zipf(k) < _RARE_WORD or lex.is_name(k)))
            for k in keys) and not any(lex.is_clinical(k) for k in keys))
    return out


_UNIT_CHAIN_PART = re.compile(r"[A-H][ \t]+(?:Co|Company|Btry|Battery|Trp|Troop)|[0-9]+(?:IBCT|S"
  r"BCT|"
                              r"ABCT|BCT|ID|CAB)|[0-9]+(?:st|nd|rd|th|d)[ \t]+(?:ID|Bde)|"
                              r"[0-9]-[0-9]+[ \t]+(?:CAV|FA|AR|ADA|AV|EN)|MAG-[0-9]{2}")
"""A part of a unit's short form that no clinical phrase shares (not 'HHC', '2-3 IN')."""


_CAMP_WORD = re.compile(r"(?:^|,)[ \t]*([A-Za-z]+)")
"""The kind of each unit of a camp's address ('Camp', 'Block')."""
_CAMP_EVIDENCE = re.compile(r"(?i:camp|shelter|tent|hut|compound)\b|\bFlat[ \t]+[0-9]")
"""A camp's or a flat's word with its number: zones, sectors and blocks alone are also a
slide's, a hand's or a retina's ('Zone 3, Block A1', 'Sector 2, Zone II')."""


def _camp_units(values: list[str]) -> list[bool]:
    """'Camp 2W, Block B-14', 'Flat 3B, Block C': two kinds of unit or more ('Zone 2, Zone 3'
    is one kind), one of them a camp's or a numbered flat."""
    return [len({w.upper() for w in _CAMP_WORD.findall(value)}) >= 2
            and bool(_CAMP_EVIDENCE.search(value)) for value in values]


_NOT_SPEAKERS = frozenset({"AM", "PM", "BP", "HR", "RR", "RE", "CC", "TO", "PS", "NB", "ED",
                           "OR", "IV", "PO", "ID", "DX", "RX", "TX", "HX", "SX", "FX",
                           "S", "O", "A", "P", "T", "K", "Q", "R", "L", "H", "W", "B", "I", "E",
                           "WT", "HT", "LT", "RT", "NA", "CL", "CA", "MG", "HB", "FE", "PT", "OT",
                           "ST", "SW", "CM", "BS", "GI", "GU", "BG", "DR", "RN", "MD", "NP",
                           "PA", "MA", "SP", "PH", "IN", "UP", "ON", "AT", "IS", "NO"})


def _chat_speaker(values: list[str]) -> list[bool]:
    """'J', 'D', 'Mo': who speaks in a log, never a SOAP letter, a vital sign or an
    abbreviation that labels a line ('S:', 'Wt:', 'Rx:')."""
    return [v.upper() not in _NOT_SPEAKERS for v in values]


_FRENCH_PART = re.compile(r"-(?:d['’]|(?:de|du|des|la|le|aux)-)?([A-ZÉÎ][^\-]*)")


def _french_place(values: list[str]) -> list[bool]:
    """'Saint-Ludger', 'Lac-Mégantic', 'Val-d'Or': the word after the prefix is no English
    word ('Port-Wine Stain', 'Cap-Refill', 'St-Segment' are a clinic's words)."""
    out = []
    for value in values:
        part = _FRENCH_PART.search(value)
        key = fold(part.group(1)) if part else ""
        out.append(bool(key) and not words.is_english(key))
    return out


def _login_name(values: list[str]) -> list[bool]:
    """'tlaporte', 'mgarza', 'jkowalski': one or two initials and a known surname in one
    lower-case word that no list of English holds ('tlaporte'; not 'reviewed', 'nurse')."""
    lex = lexicon()
    out = []
    for value in values:
        key = fold(value)
        english = words.zipf(key) > 0.0 or words.is_english(key)
        out.append(not english and not lex.is_clinical(key) and any(
            key[n:] in lex.last and len(key) - n >= 4 for n in (1, 2)))
    return out


_EAST_ASIAN_SURNAMES = frozenset({
    "KIM", "LEE", "PARK", "CHOI", "JUNG", "JEONG", "KANG", "CHO", "JO", "YOON", "YUN", "JANG",
    "CHANG", "LIM", "IM", "HAN", "OH", "SEO", "SHIN", "KWON", "HWANG", "AHN", "AN", "SONG", "YOO",
    "YU", "HONG", "JEON", "CHUN", "KO", "GO", "MOON", "MUN", "YANG", "SON", "BAE", "BAEK", "PAIK",
    "HEO", "HUR", "NAM", "SHIM", "SIM", "NOH", "ROH", "HA", "KWAK", "SUNG", "SEONG", "CHA", "JOO",
    "CHOO", "WOO", "KOO", "GU", "MIN", "RYU", "NA", "JIN", "JI", "UM", "EOM", "CHAE", "WON",
    "BANG", "GONG", "HYUN", "PYO", "YEO", "DO", "SEOK", "SEOL", "GIL", "YEON", "CHEN", "LIN",
    "WANG", "HUANG", "LIU", "TSAI", "CAI", "HSU", "XU", "CHENG", "ZHENG", "HSIEH", "XIE", "KUO",
    "GUO", "LAI", "HUNG", "CHIU", "QIU", "TSENG", "ZENG", "LIAO", "SU", "CHOU", "ZHOU", "YEH",
    "YE", "LU", "WU", "ZHANG", "LI", "ZHAO", "SUN", "MA", "HU", "GAO", "LUO", "LIANG", "TANG",
    "FENG", "DENG", "CAO", "PENG", "JIANG", "ZHU", "HE", "TAN", "WONG", "CHAN", "LAU", "LEUNG",
    "CHOW", "HO", "NG", "YIP", "TSANG", "KWOK", "FONG", "TAM", "YEUNG", "CHIANG", "KAO", "SHEN",
})
"""Korean and Chinese surnames written beside a hyphenated given name."""
_HYPHEN_NOT_SYLLABLE = frozenset({"IN", "UP", "ON", "OUT", "OFF", "OP", "EX", "CARE", "AID",
                                  "WAY", "OVER", "RATE", "TIME", "DAY", "TERM", "LINE", "SIDE",
                                  "RAY", "LIKE", "FREE", "BACK", "DOWN", "SHOT", "ENDS", "AGE"})
"""Second halves of hyphenated English words ('Walk-in', 'Co-op', 'X-ray'), no syllable."""


def _hyphen_given_name(values: list[str]) -> list[bool]:
    """'Kang, Seo-yeon', 'Ji-ho Kim': one word an East Asian surname, the other two syllables
    joined by a hyphen that spell no English word."""
    out = []
    for value in values:
        tokens = value.replace(",", " ").split()
        given = next((t for t in tokens if "-" in t), "")
        surname = next((t for t in tokens if "-" not in t), "")
        second = given.partition("-")[2]
        out.append(fold(surname) in _EAST_ASIAN_SURNAMES
                   and fold(second) not in _HYPHEN_NOT_SYLLABLE
                   and not words.is_english(fold(given))
                   and not words.is_english(fold(given.replace("-", ""))))
    return out


def _first_last(values: list[str]) -> list[bool]:
    """'Crystal Redbird', 'Will Hartigan': a dictionary given name, then a surname that is
    no clinical or common word ('Ice Pack', 'Hockey Puck' name no one)."""
    lex = lexicon()
    out = []
    for value in values:
        first, last = (fold(w) for w in value.split()[:2])
        out.append(first in lex.first and not lex.is_clinical(first) and first not in MONTH_WORDS
                   and first not in FUNCTION_WORDS and not lex.is_clinical(last)
                   and last not in FUNCTION_WORDS and words.zipf(last) < 4.0
                   and (last in lex.last or words.zipf(last) < 2.5))
    return out


_PUBLIC_HALLS = frozenset({
    "CITY", "TOWN", "VILLAGE", "COUNTY", "MUSIC", "CONCERT", "DINING", "LECTURE", "STUDY",
    "EXHIBIT", "EXHIBITION", "GREAT", "MAIN", "ASSEMBLY", "UNION", "MEMORIAL", "CARNEGIE",
    "OPEN", "FULL", "WAREHOUSE", "STATE", "COURT", "GUILD", "MESS", "BANQUET", "FAME", "EAST",
    "WEST", "NORTH", "SOUTH", "CENTRAL", "REHAB", "HOSPITALITY", "MEDICARE", "MEDICAID", "SALT",
    "HALFWAY", "SOBER", "RECOVERY", "GROUP", "HOSPICE", "SAFE", "TRANSITIONAL",
})
"""Words of public halls and houses ('City Hall', 'Open House'): no one's room after them."""


_RELATIVE_DAYS = frozenset({"TODAY", "TOMORROW", "YESTERDAY", "TONIGHT"})
"""Days named relative to now ('goes by Today'); weekdays are in `MONTH_WORDS` already."""


def _chosen_name(values: list[str]) -> list[bool]:
    """'Crystal', 'Rowan', 'Dre': a dictionary given name or a word no list holds that a
    person chose, never a function word, month, weekday, clinical term or everyday word
    ('goes by Sliding Scale', 'preferred name Verified', 'went by Bus')."""
    lex = lexicon()
    out = []
    for value in values:
        keys = [fold(w) for w in value.split()]
        out.append(bool(keys) and not any(
            k in FUNCTION_WORDS or k in MONTH_WORDS or k in _RELATIVE_DAYS or lex.is_clinical(k)
            or k in _GENERIC or k in ("UNKNOWN", "NONE", "PENDING", "SAME", "DECLINED")
            for k in keys) and all(
            k in lex.first or (k in lex.last and i > 0)
            or (words.zipf(k) < 3.0 and not words.is_english(k)) for i, k in enumerate(keys)))
    return out


_KIN_CALLED = frozenset({"MOM", "MOMMY", "MAMA", "MA", "DAD", "DADDY", "PAPA", "PA", "GRANDMA",
                         "GRANDPA", "NANA", "PAPPY", "GRANNY", "AUNTIE", "UNCLE", "BABY",
                         "HONEY", "DEAR", "BUDDY", "BOSS", "CHIEF", "DOC"})
"""What a person may ask to be called that names no one ('prefers "Mom"', 'prefers "Doc"')."""


def _world_city(values: list[str]) -> list[bool]:
    """A city of the gazetteer or of the world-city list, no clinical, function, month or
    common English word ('Sherbrooke', 'Moncton'; not 'Patient', 'Central', 'Oral')."""
    lex = lexicon()
    cities = world_cities()
    out = []
    for value in values:
        key = fold(value).replace("'", "").replace("’", "").replace("-", " ")
        words_in = key.split()
        out.append((key in cities or key in lex.places) and not any(
            lex.is_clinical(k) or k in FUNCTION_WORDS or k in MONTH_WORDS
            or (words.is_english(k) and words.zipf(k) >= _COMMON_CITY_WORD) for k in words_in))
    return out


_COMMON_CITY_WORD = 3.0
"""A city's word that is also common English ('Central', 'Oral', 'Male', 'Harmony') names no
city before a province's code ('Central PE', 'Oral BC', 'Male NB' are clinical)."""


def _firm_and_sons(values: list[str]) -> list[bool]:
    """'Duffel & Sons', 'Harry McKneely & Son', 'Doherty & Sons Roofing': the words before
    '& Son' are a surname (a given name before it allowed) or an uncommon word, the words
    after it a trade; never a relation's word, the one names take as context (`RELATION_WORD`:
    'Mother & Son', 'Niece & Son', 'Caregiver & Son'), nor 'Duffel & Sons Monday'."""
    lex = lexicon()
    out = []
    for value in values:
        owner, _, rest = value.partition("&")
        trade = rest.split()[1:]
        plain = [not (k in FUNCTION_WORDS or k in lex.titles or lex.is_clinical(k)
                      or k in MONTH_WORDS) for k in (fold(w) for w in [*owner.split(), *trade])]
        last = fold(owner.split()[-1]) if owner.split() else ""
        out.append(bool(last) and all(plain) and not any(
            RELATION_WORD.fullmatch(part) or fold(part) in ("PT", "PATIENT")
            for word in owner.split() for part in word.split("-"))
            and (last in lex.last or words.zipf(last) < _FIRM_WORD_ZIPF))
    return out


_FIRM_WORD_ZIPF = 4.0
"""A firm's word before '& Sons' that is English is no common one ('Duffel', not 'Good')."""


def _vessel_name(values: list[str]) -> list[bool]:
    """'Arcadia Dawn', 'KESTREL BAY', 'Samudra Jaya 12': a vessel's name, never a date, a
    clinical word, an eponym, a title or a word of the sentence ('ship Date', 'vessel Disease',
    'MV Repair', "bleeding vessel Kiesselbach's plexus"), nor one English word alone ('tug
    Boat', 'reefer Daily'; a ship is named so in capitals only)."""
    lex = lexicon()
    out = []
    for value in values:
        keys = [fold(w) for w in value.split() if not w.isdigit()]
        lone_word = len(value.split()) == 1 and not value.isupper() \
            and words.is_english(keys[0])
        possessive = "'s" in value or "’s" in value
        out.append(bool(keys) and not lone_word and not possessive and not any(
            k in FUNCTION_WORDS or k in MONTH_WORDS or lex.is_clinical(k) or k in lex.titles
            or k in _GENERIC or k in _VESSEL_NOT_NAME or k in lex.eponyms for k in keys))
    return out


_VESSEL_NOT_NAME = frozenset({"REPAIR", "REPLACEMENT", "DATE", "DISEASE", "INJURY", "WALL",
                              "DISSECTION", "OCCLUSION", "STENOSIS", "SIZE", "DIAMETER",
                              "TO", "FROM", "SHORE", "PORT", "STARBOARD", "CREW", "CAPTAIN",
                              "MASTER", "AGENT", "DOCTOR", "OFFICER", "ENGINEER", "IMO",
                              "FLAG", "VOYAGE", "BERTH", "NAME", "TYPE"})
"""Words after 'vessel', 'ship' or 'MV' that start the sentence's next part or name anatomy
('vessel Wall', 'ship Captain', 'MV Repair', 'Vessel Name:')."""


def _quoted_chosen(values: list[str]) -> list[bool]:
    """'May', 'K.O.', 'Dre' in quotes after 'preferred name' or 'to be called': initials, a
    dictionary given name or a word no dictionary holds, never a clinical term, a drug, a
    title or a form's word ('called "Tylenol"', "preferred name 'None'", 'to be called
    "Coach"')."""
    lex = lexicon()
    out = []
    for value in values:
        keys = [fold(w) for w in value.split()]
        initials = all(len(k) == 1 for k in value.replace(".", " ").split())
        out.append(bool(keys) and (initials or all(
            k in lex.first or (words.zipf(k) < 3.0 and not words.is_english(k)) for k in keys))
            and not any(
            (k in FUNCTION_WORDS and k not in lex.first) or lex.is_clinical(k)
            or k in lex.drugs or k in _GENERIC or k in lex.titles or k in _KIN_CALLED
            or k in ("UNKNOWN", "NONE", "PENDING", "SAME", "DECLINED", "NA", "NO", "YES")
            for k in keys))
    return out


_VIRTUE_NAMES = frozenset({
    "HOPE", "JUSTICE", "GRACE", "FAITH", "JOY", "CHARITY", "PATIENCE", "MERCY", "HONOR",
    "DESTINY", "TRINITY", "PEACE", "LIBERTY", "UNITY", "PRUDENCE", "CONSTANCE", "VIRTUE",
    "HARMONY", "SERENITY", "BLESSING", "PRECIOUS", "TRUTH", "JUSTUS", "EVE", "MAX", "ART",
    "DON", "PAT", "MARK", "RAY", "BILL", "SUE", "WILL", "DAWN", "SKY", "RAIN", "STORM", "IVY",
    "HOLLY", "AMBER", "ROBIN", "TERRY", "JEWEL", "PEARL",
})
"""Given names that are everyday nouns or shifts ('Navigator, Hope, program', 'charge RN
(eve)', 'RN (max) assist'): a name only where stronger context says so (months and seasons
are `MONTH_WORDS`, which every caller checks)."""


def _first_name(values: list[str]) -> list[bool]:
    """A dictionary given name, however common a word it also is ('Crystal', 'Will'), that
    is no clinical term, month or function word."""
    lex = lexicon()
    out = []
    for value in values:
        key = fold(value)
        out.append(key in lex.first and not lex.is_clinical(key) and key not in MONTH_WORDS
                   and key not in FUNCTION_WORDS and key not in _RELATIVE_DAYS
                   and key not in _VIRTUE_NAMES and (not words.is_english(key)
                                                     or words.zipf(key) < 4.5))
    return out


def _person_initials(values: list[str]) -> list[bool]:
    """Dotted initials that spell no abbreviation of time, place, dose, credential or care
    ('(D.N.R.)', 'taken by P.O.', '(E.K.G.)')."""
    lex = lexicon()
    out = []
    for value in values:
        letters = value.replace(".", "").replace(" ", "").upper()
        out.append(letters not in _NOT_INITIAL_LETTERS and not lex.is_clinical(letters)
                   and letters not in lex.states)
    return out


_NOT_INITIAL_LETTERS = frozenset({
    "DNR", "DNI", "PCP", "AMA", "AA", "NA", "QHS", "QOD", "EKG", "ECG", "MRI", "UTI", "CHF",
    "DVT", "WNL", "SOB", "CKD", "AKI", "BPH", "ACL", "PPE", "IU", "LPN", "CNA", "EMT", "ATC",
    "USP", "JD", "MA", "QA", "UPS", "RT", "PT", "OT", "ST", "RN", "MD", "NP", "PA", "DO", "PO",
    "PRN", "NPO", "BID", "TID", "QID", "QD", "HS", "AC", "PC", "OD", "OS", "OU", "AS", "AD",
    "AU", "BM", "UA", "ED", "ER", "OR", "ICU", "IV", "IM", "SC", "SQ", "SL", "GI", "GU", "ENT",
    "CPR", "BLS", "ACLS", "HIV", "TB", "COPD", "CAD", "HTN", "DM", "MI", "CVA", "TIA", "PE",
    "RA", "OA", "MS", "ALS", "CF", "SLE", "US", "USA", "UK", "EU", "UN", "DC", "AM", "PM", "NB",
    "EG", "IE", "CV", "PS", "BS", "BC", "VA", "RD", "SW", "CM", "CS", "LE", "UE", "ROM", "ADL",
    "FYI", "ASAP", "ETA", "DOB", "MRN", "SSN", "PIN", "FBI", "CIA", "IRS", "DMV", "POA", "HCP",
    "SLP", "IUD", "UPC",
})
"""Letters of dotted abbreviations of care, dose, place and office ('(D.N.R.)', '(U.S.)',
'P.O.', '(B.I.D.)'): no one's initials."""


def _lower_names(values: list[str], *, unheard_first: bool) -> list[bool]:
    """Each word a dictionary name no commoner than 'Erin' or no word at all; the first a
    dictionary given name (or, with `unheard_first`, no word at all either)."""
    lex = lexicon()
    out = []
    for value in values:
        keys = [fold(w) for w in value.split()]
        unheard = [words.zipf(k) == 0.0 and not words.is_english(k) for k in keys]
        out.append((keys[0] in lex.first or (unheard_first and unheard[0]))
                   and keys[0] not in _VIRTUE_NAMES and all(
            not lex.is_clinical(k) and k not in FUNCTION_WORDS and k not in MONTH_WORDS
            and (unheard[i] or ((k in lex.first or k in lex.last) and words.zipf(k) < 4.0))
            for i, k in enumerate(keys)))
    return out


def _lower_given_name(values: list[str]) -> list[bool]:
    """'kiara', 'erin mcguire': a lower-case name whose first word is a dictionary given name
    and each word a dictionary name no commoner than 'Erin' or no word at all ('peds ortho',
    'gyn onc' are services; 'eve', 'max' are shifts and amounts)."""
    return _lower_names(values, unheard_first=False)


def _lower_name_loose(values: list[str]) -> list[bool]:
    """'shefali das' before '(daughter-in-law': with a relation in brackets after it, a first
    word no list holds at all is a given name too ('grandmother's place' and 'bereavement
    follow up' are words)."""
    return _lower_names(values, unheard_first=True)


def _staff_tag(values: list[str]) -> list[bool]:
    """'tamara g', 'Ron B.': a dictionary given name and an initial ('see a', 'per md' are
    no one)."""
    lex = lexicon()
    out = []
    for value in values:
        first = fold(value.split()[0])
        out.append(first in lex.first and first not in FUNCTION_WORDS
                   and first not in _VIRTUE_NAMES and not lex.is_clinical(first)
                   and not words.is_english(first))
    return out


def _lower_name_list(values: list[str]) -> list[bool]:
    """'mary grace dela cruz', 'dewi kartika': a lower-case name opening a list item; the first
    word a dictionary given name, the others names, particles or words no list holds ('left
    knee', 'chest pain', 'mark lesion' are findings)."""
    lex = lexicon()
    out = []
    for value in values:
        keys = [fold(w) for w in value.split()]
        out.append(keys[0] in lex.first and keys[0] not in _VIRTUE_NAMES
                   and keys[0] not in FUNCTION_WORDS and keys[0] not in MONTH_WORDS
                   and not lex.is_clinical(keys[0])
                   and all(k in lex.particles or (
                       not lex.is_clinical(k) and k not in FUNCTION_WORDS
                       and k not in MONTH_WORDS and (
                           ((k in lex.first or k in lex.last) and words.zipf(k) < 4.6)
                           or (words.zipf(k) == 0.0 and not words.is_english(k))))
                       for k in keys[1:]))
    return out


_ORG_WORDS = frozenset({
    "CHARITIES", "COMMUNITY", "SERVICES", "SOCIETY", "ASSOCIATION", "ALLIANCE", "COUNCIL",
    "FOUNDATION", "CENTER", "CENTRE", "CLUB", "LEAGUE", "NETWORK", "COALITION", "WAY",
    "PARTNERSHIP", "FEDERATION", "FUND", "BANK", "MINISTRIES", "INSTITUTE", "AGENCY", "AUTHORITY",
    "HOSPICE", "HEALTH", "HUMANITY", "YMCA", "YWCA", "GOODWILL", "CHAPTER", "CLINIC", "CLINICS",
})
"""Words of an organization before 'of Central Texas' ('Catholic Charities'); without one,
only 'of Greater' or 'of Metro' names an organization's region ('Native of West Virginia')."""


def _org_of_region(values: list[str]) -> list[bool]:
    """'Cancer Support Community of Greater Pittsburgh': the region's place is a town or a
    state, and the organization's first word no function or clinical word ('Tumors of
    Central Nervous System' names no place)."""
    lex = lexicon()
    out = []
    for value in values:
        head, _, region = value.rpartition(" of ")
        region_words = [w for w in region.split() if w != "the"]
        direction, place = fold(region_words[0]), fold(" ".join(region_words[1:]))
        first = fold(head.split()[0]) if head.split() else ""
        heads = {fold(w) for w in head.split()}
        out.append((place in lex.places or place in lex.states)
                   and fold(f"{direction} {place}") not in lex.states
                   and (direction in ("GREATER", "METRO", "METROPOLITAN")
                        or bool(heads & _ORG_WORDS))
                   and first not in FUNCTION_WORDS and not lex.is_clinical(first))
    return out


def _residence_room(values: list[str]) -> list[bool]:
    """'Leland House 412', 'Allison Hall, 3W-09': no public hall, and no year as the room."""
    out = []
    for value in values:
        first = fold(value.split()[0])
        number = value.split()[-1].lstrip("#")
        year = number.isdigit() and len(number) == 4 and number[:2] in ("19", "20")
        out.append(first not in _PUBLIC_HALLS and not year and first not in FUNCTION_WORDS
                   and not lexicon().is_clinical(first) and first not in _GENERIC)
    return out


def _asset_tag(values: list[str]) -> list[bool]:
    """'BFHC-BP-07', 'FVH-ICU3-CAM', 'REG-03': a tag with a digit and a part of two capitals
    or more, never a code system's or a gene's shape ('ICD-10', 'IL-6', 'HLA-B27')."""
    return [any(c.isdigit() for c in v) and any(len(p) >= 2 and p.isalpha() for p in v.split("-"))
            and not _CODE_SYSTEM.match(v) and not _CLINICAL_SHAPES.match(v)
            and not _TAG_NOT.match(v) for v in values]


_TAG_NOT = re.compile(r"(?i)^(?:IL|HLA|CD|COVID|SARS|PHQ|GAD|MAG|HER|BRCA|TNF|IGF|FGF|PD|CA|"
                      r"ECOG|NYHA|ASA|GCS|TIMI|BI|RADS|TI|ICU|ED|ER|OR|PACU|NICU|PICU|CODE|USB|"
                      r"ECG|EKG|EEG|BIS|XR|HIV|HPV|KRAS|BRAF|EGFR|BCR|FLT|NRS|EQ|SF|GDS|KCCQ|"
                      r"PCL|HADS|BBS|ODI|NIHSS|EPDS|FORA|ACCU|BAY|BED|RM|ROOM|RN|MD)-")
"""Labs, genes, scores and classes written with a dash ('IL-6', 'PD-L1', 'BI-RADS')."""


def _unit_chain(values: list[str]) -> list[bool]:
    """'B Co, 2-27 IN, 3IBCT, 25ID', 'C Trp, 3-4 CAV', 'MAG-36': a company, a brigade or
    division, a cavalry or artillery battalion or a Marine aircraft group among the parts
    ('HHC, 2-3 IN' is home health care and a range)."""
    return [bool(_UNIT_CHAIN_PART.search(value)) for value in values]


def _base_name(values: list[str]) -> list[bool]:
    """'Camp Foster', 'Pohakuloa Training Area', 'JB Pearl Harbor-Hickam': the name of a base
    is a person's name, a place or a rare word, never clinical or an everyday word ('Camp
    Physical Form', 'Gait Training Area', 'Camp Nurse')."""
    lex = lexicon()
    out = []
    for value in values:
        keys = [fold(w) for w in re.findall(r"[A-Za-z'’]+", value)
                if fold(w) not in ("CAMP", "TRAINING", "AREA", "CENTER", "RANGE", "JB", "JBSA",
                                   "JOINT", "BASE")]
        out.append(bool(keys) and not any(lex.is_clinical(k) for k in keys) and (
            keys[0] in lex.places or words.zipf(keys[0]) < _RARE_WORD
            or (lex.is_name(keys[0]) and words.zipf(keys[0]) < 4.5)))
    return out


def _county_words(values: list[str]) -> list[bool]:
    """'Harlan Co', 'Wyoming Co': the words before 'Co' name a place of the gazetteer and
    none is clinical (a firm is named 'Westmoreland Coal Co.')."""
    lex = lexicon()
    out = []
    for value in values:
        keys = [fold(w) for w in value.split()[:-1]]
        whole = " ".join(keys)
        out.append(bool(keys) and (whole in lex.places or whole in lex.states or all(
            k in lex.places for k in keys)) and not any(lex.is_clinical(k) for k in keys))
    return out





def _initials(values: list[str]) -> list[bool]:
    """Dotted initials that are no clinical abbreviation."""
    lex = lexicon()
    out = []
    for value in values:
        letters = "".join(c for c in value if c.isalpha())
        out.append(letters not in CLINICAL_INITIALS and not lex.is_clinical(letters))
    return out


def _initials_pair(values: list[str]) -> list[bool]:
    """Two people's initials ('KK/TR' of a medication record): neither half a route, a
    frequency or another clinical abbreviation ('IV/PO', 'BID/PRN')."""
    lex = lexicon()
    return [all(part not in CLINICAL_INITIALS and not lex.is_clinical(part)
                for part in value.upper().split("/")) for value in values]


def _person_words(values: list[str]) -> list[bool]:
    """Words that can be a person's name: one a known name or a word no English dictionary
    holds, none clinical or a state ('Juniper Hale'; not 'Catholic', 'Diabetic', 'Type')."""
    lex = lexicon()
    out = []
    for value in values:
        keys = [fold(w) for w in value.split()]
        out.append(any(lex.is_name(k) or not words.is_english(k) for k in keys) and not any(
            lex.is_clinical(k) or k in lex.states for k in keys))
    return out


def _spaced_date(values: list[str]) -> list[bool]:
    """'09 12 1961', '17 09 1933', '02 03 25': month and day in either order are a calendar
    day (one of the first two at most 12)."""
    out = []
    for value in values:
        first, second = (int(p) for p in value.split()[:2])
        out.append((first <= 12 and second <= 31) or (second <= 12 and first <= 31))
    return out


def _phone(values: list[str]) -> list[bool]:
    return [_phone_ok(v) for v in values]


_SIGN_OFF_WORDS = frozenset({"OK", "NO", "AM", "PM", "YES", "END", "TBD", "ETC", "NA", "NB", "PS",
                             "FYI", "THX", "TY", "LOL", "ASAP", "CC", "BCC", "EOM", "MAR",
                             "HLD", "IVF", "UE", "LE", "FU", "RTC", "WC", "POA"})
"""Capitals that end a message without signing it ('-- OK', '-- FYI', '-- HLD')."""


def person_initials(value: str, not_a_person: frozenset[str]) -> bool:
    """Whether initials ('ck', 'AR', 'A.R.') can stand for a person: no clinical abbreviation
    (of two letters the common ones, of three any term: 'BMP'), none of the caller's
    `not_a_person` capitals, no English word when written in lower case ('-ok', '-am')."""
    letters = value.replace(".", "").replace(" ", "")
    upper = letters.upper()
    return (upper not in CLINICAL_INITIALS and upper not in not_a_person
            and not (letters.islower() and words.is_english(fold(letters)))
            and not (len(letters) == 3 and lexicon().is_clinical(upper)))


def _sign_off_initials(values: list[str]) -> list[bool]:
    """Initials that sign an entry ('... 10:05. -ck', '-- AR'): see `person_initials`."""
    return [person_initials(value, _SIGN_OFF_WORDS) for value in values]


_CASE_PARTS = re.compile(r"(?:19|20)?[0-9]{2}[ \t\-]*([A-Z]{1,5})[ \t\-]*[0-9]+")
_CODE_SYSTEMS = frozenset({"SNOMED", "SCT", "ICD", "CPT", "LOINC", "NDC", "DIN", "NPN", "HCPCS",
                           "RXCUI", "CVX", "UMLS", "CUI", "MESH", "OMIM", "PMID", "DOI", "NCT",
                           "RS", "GTIN", "UPC", "EAN", "ATC", "MEDDRA", "PMCID", "ORPHA"})
"""Labels of a code system: the number after them is a code, no one's identifier."""
_CASE_KINDS = frozenset({"CR", "CF", "CM", "CV", "JV", "DR", "FA", "TR", "SC", "DV", "JD", "JA",
                         "MH", "COMH", "OP", "CH", "LA", "ME", "CX", "GN", "MR", "DT", "OV"})
"""Kinds of court case that are also clinical abbreviations ('23 CR 0914402': criminal)."""
_LAB_LABELS = frozenset({"SBP", "DBP", "MAP", "UOP", "PTT", "APTT", "INR", "NIHSS", "FSBG", "POC",
                         "LAB", "LABS", "PRN", "QRS", "QTC", "CFU", "PCT", "GLU", "BUN", "EGFR",
                         "ANC", "CD", "VL", "HCT", "MCV", "RDW", "LDH", "CRP", "ESR", "BNP", "TSH"})
"""Capitals before numbers that name a measurement, a lab or a vital sign."""


def _court_case(values: list[str]) -> list[bool]:
    """A court's case number ('24 CF 1883', '2024 COMH 003817'): the capitals between the
    numbers name a kind of case, no lab, vital sign, unit or clinical abbreviation ('18 SBP
    120', '72 PR 160', '24 GLU 110')."""
    out = []
    for value in values:
        match = _CASE_PARTS.fullmatch(value)
        kind = match.group(1) if match else ""
        out.append(bool(kind) and (kind in _CASE_KINDS or (
            kind not in CLINICAL_INITIALS and kind not in _LAB_LABELS
            and not lexicon().is_clinical(kind))))
    return out


def _caps_label(values: list[str]) -> list[bool]:
    """A long number after capitals that are an issuer's label ('UBI 602 118 447'), not a
    lab's, a vital sign's or a clinical abbreviation ('SBP 110 125 140', 'CK 512 689 830')."""
    out = []
    for value in values:
        label = re.match(r"[A-Z]+", value)
        key = label.group() if label else ""
        out.append(bool(key) and key not in CLINICAL_INITIALS and key not in _LAB_LABELS
                   and key not in _CODE_SYSTEMS and not lexicon().is_clinical(key))
    return out


VALIDATORS: dict[str, Callable[[list[str]], list[bool]]] = {
    "court_case": _court_case,
    "issuer_code": _issuer_code,
    "caps_label": _caps_label,
    "ramq": _ramq,
    "month_pair": _month_pair,
    "hospital_acronym": _hospital_acronym,
    "ssn": _polars("ssn", _ssn_shape),
    "ipv4": _polars("ipv4"),
    "vin": _polars("vin"),
    "has_digit": _has_digit,
    "sign_off_initials": _sign_off_initials,
    "record_number": _record_number,
    "reference": _reference,
    "subject_code": _subject_code,
    "segmented_code": _segmented_code,
    "quoted_chosen": _quoted_chosen,
    "vessel_name": _vessel_name,
    "firm_and_sons": _firm_and_sons,
    "world_city": _world_city,
    "street_name": _street_name,
    "bare_street": _bare_street,
    "road_place": _road_place,
    "spanish_address": _spanish_address,
    "syllable_name": _syllable_name,
    "handle": _handle,
    "spaced_digits": _spaced_digits,
    "phone_digits": _phone_digits,
    "not_code": _not_code,
    "year_month": _year_month,
    "school_number": _school_number,
    "given_name": _given_name,
    "spelled_word": _spelled_word,
    "call_sign": _call_sign,
    "school_name": _school_name,
    "police_town": _police_town,
    "block_street": _block_street,
    "rare_school": _rare_school,
    "place_words": _place_words,
    "unit_chain": _unit_chain,
    "camp_units": _camp_units,
    "login_name": _login_name,
    "chat_speaker": _chat_speaker,
    "french_place": _french_place,
    "asset_tag": _asset_tag,
    "residence_room": _residence_room,
    "org_of_region": _org_of_region,
    "chosen_name": _chosen_name,
    "first_name": _first_name,
    "person_initials": _person_initials,
    "lower_given_name": _lower_given_name,
    "lower_name_loose": _lower_name_loose,
    "lower_name_list": _lower_name_list,
    "staff_tag": _staff_tag,
    "first_last": _first_last,
    "compass_street": _compass_street,
    "hyphen_given_name": _hyphen_given_name,
    "modal_name": _modal_name,
    "base_name": _base_name,
    "labelled_place": _labelled_place,
    "baby_name": _baby_name,
    "street_pair": _street_pair,
    "spaced_number": _spaced_number,
    "phone": _phone,
    "spaced_date": _spaced_date,
    "plate_value": _plate_value,
    "national_digits": _national_digits,
    "town_city": _town_city,
    "county_words": _county_words,
    "initials": _initials,
    "initials_pair": _initials_pair,
    "person_words": _person_words,
}
"""Validator name (as named by a `PatternRule`) -> batch check of candidate strings."""
