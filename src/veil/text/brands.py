"""Facilities by brand: health systems, hospitals, pharmacy chains, labs, dialysis, home care.

People name the place of care by its brand, often in lower case and without a facility
word ('my mrn at baptist', 'the cvs by the mall', 'an appt at mass general', 'the lady from
Bayada'). `facility_brands.txt` lists the brands of US care (hand-collected; short forms
too). A brand is found

- anywhere, in any case, when one of its words is rare in English (Zipf frequency below
  3: 'walgreens', 'davita', 'memorial hermann', 'ochsner');
- anywhere when written capitalized inside a sentence and made of two or more words
  ('Good Samaritan', 'Medical City');
- otherwise (everyday words: 'mercy', 'banner', 'mayo', 'baptist', 'mass general') only
  where a place of care stands: after 'at', 'to', 'from', 'with', 'in', 'into', 'the', 'my',
  or before a facility word ('er', 'hospital', 'clinic', 'pharmacy', 'lab', 'icu').

'the VA' (with a town before it: 'the Fargo VA') is a facility after 'at', 'to', 'from'
or 'in' ('employed by the VA' names an employer). Spans carry the
source `brand_facility`. Nothing here logs text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from veil.detect.vocab import STATES
from veil.text import words
from veil.text.address_lines import STREET_TYPE
from veil.text.layout import CLINICAL_AFTER, UNIT_WORD, town_tail
from veil.text.lexicon import FUNCTION_WORDS, MONTH_WORDS, Lexicon, fold
from veil.text.lexicon import lexicon as load_lexicon
from veil.text.places.vocabulary import _GENERIC, _eponym_after, countries_and_languages
from veil.text.regex_lead import fast_compile
from veil.text.spans import PhiType, Span
from veil.text.trie import trie_pattern

__all__ = ["BrandFinder", "facility_brands"]

_WEEKDAYS = frozenset({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
                       "SUNDAY", "MON", "TUE", "TUES", "WED", "THU", "THUR", "THURS", "FRI",
                       "SAT", "SUN", "TODAY", "TOMORROW", "YESTERDAY", "TONIGHT"})
_NOT_STREETS = frozenset({"MEDICARE", "MEDICAID", "CHRISTMAS", "THANKSGIVING", "EASTER",
                          "HALLOWEEN", "MONDAYS", "TUESDAYS", "WEDNESDAYS", "THURSDAYS", "FRIDAYS",
                          "SATURDAYS", "SUNDAYS", "WEEKENDS", "WEEKDAYS", "HOLD", "BACKORDER",
                          "LINE", "CALL", "RECORD", "FILE", "AUTO", "AUTOREFILL", "DELIVERY",
                          "CAREMARK", "AETNA", "OPTUM", "CIGNA", "HUMANA", "BLUE", "EXPRESS",
                          "ANTHEM", "TRICARE", "KAISER", "UNITED", "AMBETTER", "MOLINA",
                          "CENTENE", "WELLCARE", "SPECIALTY", "RX", "BLACK", "FATHER", "FATHERS",
                          "MOTHER", "MOTHERS", "MEMORIAL", "LABOR", "INDEPENDENCE", "NEW",
                          "GOODRX", "PRIME", "DUTY"})
"""Capitalized words after 'on' that are no street ('CVS on Medicare', 'on Hold')."""
_CARE_WORD = re.compile(r"(?i:hospital|health|medical|clinic|cent(?:er|re)|hospice|rehab|care|"
                        r"physicians|memorial|regional)")
"""A place of care's word in the brand: 'on' after it is a treatment or a ward more often than
a street ('Mercy Hospital on Biktarvy'); only stores take their street so."""
_SPECIALTY_SHAPE = re.compile(r"(?:OLOGY|IATRY|IATRICS|SURGERY|RECOVERY|NURSERY|MEDICINE|"
                              r"ATION|ETICS|ATRICS)$")
"""A department's or a treatment's word ('on Oncology', 'on Hospice', 'on Dialysis' are not
streets: 'Mercy Hospital on Oncology service')."""
_SERVICE_NEXT = re.compile(r"[ \t]+(?i:service|unit|floor|team|call|duty|drip|protocol|therapy|"
                           r"diet|pump|support|precautions)\b")
_GENERIC_AFTER = frozenset({"PATIENT", "PATIENTS", "PT", "PHARMACY", "SAYS", "SAID", "CALLED",
                            "NURSE", "DOCTOR", "DOCTORS", "STAFF", "TEAM", "RECORDS", "NOTE",
                            "NOTES", "REPORT", "BILL", "BILLING", "PORTAL", "APP", "APPT",
                            "VISIT", "FOLLOW", "PLEASE", "THANKS", "THANK", "I", "IM", "HE",
                            "SHE", "WE", "THEY", "YOU", "IT"})
"""Capitalized words after a brand that start the next phrase, no campus."""
_RARE = 3.0
"""Zipf frequency below which a brand word is evidence alone ('davita'; not 'mercy')."""
_COINED = 4.0
"""Zipf frequency below which a brand word no English dictionary holds and no name list
knows is evidence alone ('cvs' 3.4, 'walgreens' 3.1, 'unc' 3.3): a coined brand, not a
surname or given name ('Sanford', 'Norton', 'Grady' need a place of care)."""
_BEFORE = re.compile(r"(?i)(?:\b(?:at|to|from|in|into|via|@):?[ \t]+(?:the[ \t]+)?|"
                     r"\bwith[ \t]+the[ \t]+|"
                     r"\b(?:work|employer|employed[ \t]+by|works[ \t]+for|worked[ \t]+for)[ \t]*:?"
                     r"[ \t]*\(?[ \t]*)$")
_CELL_BEFORE = re.compile(r"\|[ \t]*$")
_CELL_AFTER = re.compile(r"[ \t]*\|")
"""A brand that fills a table cell on its own ('| daily | Walgreens | taking |')."""
_THE_BEFORE = re.compile(r"(?i)\b(?:the|my|our|your|his|her|their|any|nearest|local)[ \t]+$")
_AFTER = re.compile(r"(?i)^(?:['’]s)?[ \t]+(?:er|ed|hospital|clinic|pharmacy|pharmacist|lab|labs|"
                    r"urgent[ \t]+care|icu|nicu|picu|emergency|health|medical|cancer|heart|"
                    r"children|hospice|home[ \t]+health|dialysis|rehab|fax|phone|number|"
                    r"main[ \t]+line|front[ \t]+desk|in[ \t]+(?=[A-Z])|records|chart|appt|"
                    r"appointment|infection[ \t]+prevention|infectious|outreach|radiology|"
                    r"transplant|case[ \t]+manager|social[ \t]+worker|discharge|admission|"
                    r"f/u|follow-?up)\b")
_OWNER_BEFORE = re.compile(r"(?i:\b(?:to|at|from)[ \t]+(?:my|your|his|her|their|our)[ \t]+|"
                           r"\bpharmacy[ \t]*[:(][ \t]*)$")
"""'to your CVS', 'Pharmacy (Walgreens': a capitalized brand after whose store it is."""
_SYSTEM_AFTER = re.compile(r"^[ \t]+(?:doctor|doc|member|insurance|coverage)\b")
"""A person or a plan of the brand's system ('my Kaiser doctor', 'Kaiser member')."""
_ORDER_AFTER = re.compile(r"^[ \t]+(?:req|requisition|acc|accession)\b")
"""A lab order of the brand's lab ('Quest req # QD-5503118', 'Quest acc WN188302Q')."""
_EVERYDAY_BRAND = 3.6
"""Zipf frequency from which a capitalized brand word is an everyday word too ('Methodist
member', 'to your Advocate'): then whose it is or a word of its system is no evidence."""
_CAPITALIZED_AFTER = re.compile(r"^[ \t]+(?:Building|Bldg|BUILDING)\b")
"""A building's word after a capitalized brand ('Mayo Building')."""
_KIND_LAST = re.compile(r"(?i)[ \t](?:clinic|hospital|medical[ \t]+cent(?:er|re)|health[ \t]+"
                        r"system)$")
"""A brand written with its kind of place ('Mayo clinic', 'Mercy hospital')."""
_STORE_AFTER = re.compile(r"^[ \t]*(?:#|No\.|Store[ \t]+#?)[ \t]*[0-9]{2,6}(?![0-9])|"
                          r"^,?[ \t]+[0-9]{1,6}[ \t]+(?:[NSEW]\.?[ \t]+)?[A-Z][A-Za-z]+"
                          r"(?:[ \t]+[A-Z][A-Za-z]+)?[ \t]+(?:St|Ave|Rd|Blvd|Dr|Ln|Way|Hwy|Pkwy|"
                          r"Street|Avenue|Road|Boulevard|Drive|Lane|Highway|Parkway|Pike)\b")
"""A store or branch number after a chain's name ('Walgreens #09174'), or the street line of
the store ('CVS 631 Commonwealth Ave'), marks the place."""
_CAMPUS_WORD = re.compile(r"[ \t]+((?:St\.|Saint)[ \t]+[A-Z][a-z'’\-]+(?:['’]s)?|"
                          r"[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*(?:['’]s)?)(?![A-Za-z0-9\-])")
"""A capitalized word after a brand: a campus or branch ('Geisinger Wyoming Valley',
"Mercy Health St. Rita's", 'MetroHealth Old Brooklyn')."""
_ON_STREET_NAME = re.compile(
    r"[ \t]+on[ \t]+((?:[NSEW]\.?[ \t]+)?[A-Z][a-z'’]+(?:[ \t]+[A-Z][a-z'’]+)?(?:[ \t]+(?:St|"
    r"Ave|Rd|Blvd|Dr|Hwy|Pkwy|Street|Avenue|Road|Boulevard|Drive|Highway|Pike)\.?)?"
    r"(?:[ \t]+(?:N|S|E|W|NE|NW|SE|SW)(?![A-Za-z]))?"
    r"(?:[ \t]*(?:&|and)[ \t]*[A-Z][a-z'’]+)?)(?![A-Za-z0-9])")
"""A store's street after its brand ('CVS on Canal', 'Rouses on Baronne', 'CVS on Warren &
Telegraph'): the branch, which names where the patient shops or works."""
_STORE_STREET = re.compile(
    r"[ \t]+on[ \t]+(?:(?:[NSEW]\.?[ \t]+)?[A-Z][a-z'’]+(?:[ \t]+[A-Z][a-z'’]+)?[ \t]+"
    + STREET_TYPE + r"(?![A-Za-z])|"
    r"[0-9]{1,3}(?:st|nd|rd|th)(?:[ \t]+" + STREET_TYPE + r"(?![A-Za-z])|[ \t]*(?:&|and)[ \t]*"
    r"(?:[A-Z][a-z'’]+|[A-Z](?![A-Za-z])|[0-9]{1,3}(?:st|nd|rd|th))))(?![A-Za-z0-9])")
"""A street with its type, or a numbered street and its cross street, after a brand that is
also a clinical word ('The CVS on Aramingo Ave', 'CVS on 14th & U'; not 'CVS on Telemetry',
'CVS on 2nd review')."""
_MODEL_AFTER = re.compile(r"[ \t](?=[A-Za-z0-9\-]*[0-9])[A-Za-z0-9][A-Za-z0-9\-]*(?![A-Za-z0-9])"
                          r"(?![,./\-][0-9])"
                          r"(?![ \t]*(?i:st|nd|rd|th)\b)")
"""A model number after a maker's name ('Fresenius 2008T', 'Baxter 6060')."""
_HEADING_AFTER = re.compile(r"[ \t]*(?:[\-–—,(|]|\n|$)")
"""What follows a place's name on a header line: a branch dash, a comma, a bracket, the end."""
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n][ \t\"'“(]*|\n[ \t]*[-*•][ \t]*)$")
_VA = fast_compile(r"(?:(?<![A-Za-z])(?i:at|to|from|in|into)[ \t]+(?:the|The|THE)[ \t]+"
                 r"|(?<![A-Za-z])[Tt]he[ \t]+(?=(?:VA|V\.A\.)[ \t]+(?:in|at|of)[ \t]+[A-Z]))"
                 r"((?:[A-Z][a-z]+[ \t]+)?(?:VA|va|V\.A\.)"
                 r"(?:[ \t]+(?i:hospital|medical[ \t]+center|clinic|cboc|vamc))?)(?![A-Za-z])")


_ABBREVIATION_GAP = "\x00"
"""Marks the gap after a short word of a canonical brand ('st', 'mt', 'ft'), where a period
may stand ('St. Luke's'); a gap after a longer word takes none ('Baptist. Health' is two
sentences, not a brand)."""


def _piece(char: str) -> str:
    """One character of a brand's canonical form as a regex: blanks between words (after a
    short word a period too), an 's' that may follow an apostrophe ('st lukes' reads
    'St. Luke's')."""
    if char == " ":
        return r"[ \t]+"
    if char == _ABBREVIATION_GAP:
        return r"\.?[ \t]+"
    if char == "s":
        return r"['’]?s"
    return re.escape(char)


def _canonical(brand: str) -> str:
    """A brand without its periods and apostrophes, lower case: 'St. Luke's' and 'St Lukes'
    are one entry, so the longest spelling of a name is always tried ('St. Luke's Boise'
    beside 'St Luke's' from another list)."""
    plain = re.sub(r"['’]", "", brand.lower()).strip()
    plain = re.sub(r"(?<![a-z])([a-z]{1,3})\.?[ \t]+", "\\1" + _ABBREVIATION_GAP, plain)
    return plain.replace(".", "")


_HOSPITAL_TAIL = re.compile(
    r"(?i)(?:[ \t,\-]+(?:hospitals?|hosp|medical[ \t]+cent(?:er|re)|cent(?:er|re)|health[ \t]+"
    r"system|health[ \t]+care|healthcare|campus|inc|llc|the|of|and|&|[0-9]+))+$")
"""The facility words a hospital's name ends with, which people leave out when they name it
('Middlesboro ARH Hospital' -> 'Middlesboro ARH', 'Sentara Norfolk General Hospital' ->
'Sentara Norfolk General')."""


_DIRECTIONS = frozenset({"NORTH", "SOUTH", "EAST", "WEST", "NORTHERN", "SOUTHERN", "EASTERN",
                         "WESTERN", "CENTRAL", "UPPER", "LOWER", "GREATER", "MID", "AREA", "VALLEY",
                         "ST", "SAINT", "MT", "MOUNT", "NEW", "GOOD", "HOLY", "SACRED"})
_STATE_WORDS = frozenset(w for name in STATES.values() for w in name.split()) | frozenset(STATES)


def _short_form(name: str) -> str | None:
    """A hospital's name without its trailing facility words, when two or more words remain
    and one of them is more than a facility word, a direction or a state."""
    short = re.split(r"(?i)[ \t]+(?:hospitals?|medical[ \t]+center)[ \t]+of[ \t]+", name)[0]
    short = _HOSPITAL_TAIL.sub("", short).strip(" ,-")
    keys = [fold(w) for w in re.findall(r"[A-Za-z][A-Za-z'’]*", short)]
    if len(keys) < 2 or short == name:
        return None
    if all(k in _GENERIC or k in _DIRECTIONS or k in _STATE_WORDS for k in keys):
        return None  # ('Regional Medical' alone names no one place)
    return short


@lru_cache(maxsize=1)
def facility_brands() -> tuple[str, ...]:
    """The shipped brand list and the US hospitals of CMS's list (`facility_names.txt`), by
    their short forms where they have one, longest first (so 'Mayo Clinic' wins over 'Mayo')."""
    data = resources.files("veil").joinpath("data/text")
    brands = set()
    for name in ("facility_brands.txt", "organization_brands.txt"):
        text = data.joinpath(name).read_text("utf-8")
        brands |= {line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"}
    hospitals = data.joinpath("facility_names.txt").read_text("utf-8")
    for line in hospitals.splitlines():
        if not line or line[0] == "#":
            continue
        name = line.split("\t", 1)[0].strip()
        # the short form alone when there is one: the facility word after it is found by
        # veil.text.places, and half the entries keep the brand scan fast
        brands.add(_short_form(name) or name)
    return tuple(sorted(brands, key=lambda b: (-len(b), b)))


@lru_cache(maxsize=1)
def _everyday_short_forms() -> frozenset[str]:
    """Canonical short forms of CMS hospitals made of everyday words only ('Turning Point',
    'Good Shepherd', 'Medical Arts'): found only where a place of care stands."""
    data = resources.files("veil").joinpath("data/text/facility_names.txt").read_text("utf-8")
    lexicon = load_lexicon()
    places, names = lexicon.places, lexicon.first
    everyday = set()
    for line in data.splitlines():
        if not line or line[0] == "#":
            continue
        short = _short_form(line.split("\t", 1)[0].strip())
        keys = [fold(w) for w in re.findall(r"[A-Za-z]+", short or "")]
        if short and all(words.zipf(k) >= _RARE and words.is_english(k) and k not in places
                         and k not in names for k in keys):
            everyday.add(_canonical(short))
    return frozenset(everyday)


@lru_cache(maxsize=1)
def _compiled() -> re.Pattern[str]:
    brands = {_canonical(b) for b in facility_brands()} - {""}
    firsts = "".join(sorted({b[0] for b in brands} | {b[0].upper() for b in brands}))
    return re.compile(r"(?=[" + re.escape(firsts) + r"])(?<![A-Za-z0-9])(?:"
                      + trie_pattern(brands, _piece) + r")(?![A-Za-z0-9])", re.IGNORECASE)


class BrandFinder:
    """Finds facilities by brand (see the module docstring)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.regex = _compiled()
        _everyday_short_forms()  # loaded with the finder, not on the first text

    def find(self, text: str) -> list[Span]:
        """All brand-facility spans of one text (unmerged)."""
        spans: list[Span] = []
        for match in self.regex.finditer(text):
            if self._accepted(text, match):
                spans.append(Span(match.start(), self._campus_end(text, match.start(),
                                                                  match.end()),
                                  PhiType.FACILITY, "brand_facility", 0.85))
        spans.extend(Span(m.start(1), m.end(1), PhiType.FACILITY, "brand_facility", 0.85)
                     for m in _VA.finditer(text))
        return spans

    def _campus_end(self, text: str, start: int, end: int) -> int:
        """The end of the campus words after a brand (up to three): capitalized words that
        are no function word, month, weekday, title, state or clinical word ('Geisinger
        Wyoming Valley'; 'Mercy Monday', 'Geisinger Dr. Lee' stop at the brand)."""
        lex = self.lexicon
        town = town_tail(text, end, lex)
        if town is not None:  # 'Mercy Iowa City': a town or a direction is the campus whole
            return town
        for _ in range(3):
            match = _CAMPUS_WORD.match(text, end)
            if match is None:
                break
            key = fold(re.sub(r"['’]s$", "", match.group(1)))
            if key in lex.states and not _CAMPUS_WORD.match(text, match.end()):
                break  # 'Geisinger Danville PA': a state ends it ('Wyoming Valley' goes on)
            if key in FUNCTION_WORDS or key in MONTH_WORDS or key in _WEEKDAYS \
                    or key in lex.titles or lex.is_clinical(key) or key in _GENERIC_AFTER \
                    or CLINICAL_AFTER.match(text, match.end()):
                break  # ('Invitae Multi-Cancer panel': the product, not a campus)
            end = match.end()
        if not _CARE_WORD.search(text, start, end):
            store = _STORE_STREET.match(text, end)
            end = max(store.end() if store else end, self._street_end(text, end) or end)
        return end

    def _street_end(self, text: str, end: int) -> int | None:
        """The end of a store's street after its brand ('CVS on Canal'), or None where 'on'
        starts a treatment, a date or a service ('on Medicare')."""
        lex = self.lexicon
        street = _ON_STREET_NAME.match(text, end)
        if street is None:
            return None
        first = fold(re.findall(r"[A-Za-z][a-z'’]+", street.group(1))[0])
        if first in FUNCTION_WORDS or first in MONTH_WORDS or first in _WEEKDAYS \
                or first in lex.titles or lex.is_clinical(first) or first in _GENERIC_AFTER \
                or first in lex.states or first in _NOT_STREETS or first in lex.drugs \
                or first in countries_and_languages() \
                or _SPECIALTY_SHAPE.search(first) or _SERVICE_NEXT.match(text, street.end()):
            return None
        return street.end()

    def _person(self, key: str) -> bool:
        lex = self.lexicon
        return key in lex.first or key in lex.last or key in lex.weak

    def _accepted(self, text: str, match: re.Match[str]) -> bool:
        after = text[match.end():match.end() + 40]
        if (_MODEL_AFTER.match(after) and not UNIT_WORD.search(match.group())) \
                or _eponym_after(after):
            return False  # a maker before its model ('Fresenius 2008T'; not 'AirEvac 102')
        surface = match.group()
        keys = [fold(w) for w in re.findall(r"[A-Za-z][A-Za-z'’\-]*", surface)]
        if _canonical(surface) in _everyday_short_forms():
            start = match.start()
            return bool(_BEFORE.search(text[max(0, start - 12):start]) or _AFTER.match(after)
                        or (surface[:1].isupper() and _CAPITALIZED_AFTER.match(after)))
        if len(keys) > 1 and surface[:1].isupper() and _KIND_LAST.search(surface) \
                and keys[0] not in ("VA", "THE") and words.zipf(keys[0]) < _COINED:
            return True  # 'Mayo clinic #:': the brand with its kind of place, in any case
        if any(words.zipf(k) < _RARE and not words.is_english(k) for k in keys) \
                or keys[0] in ("ST", "SAINT", "OUR"):
            return True
        if any(words.zipf(k) < _COINED and not words.is_english(k) and not self._person(k)
               and not self.lexicon.is_clinical(k) for k in keys):
            return True  # a coined word no dictionary holds, not rare ('CVS', 'Walgreens')
        start = match.start()
        before = text[max(0, start - 12):start]
        if len(keys) > 1 and all(w[:1].isupper() or w[:1].isdigit() for w in surface.split()) and (
                not _SENTENCE_START.search(text[max(0, start - 4):start])
                or any(len(w) <= 4 and w.isupper() for w in surface.split())):
            return True  # ('ECMO center: UT Southwestern': an acronym decides after a colon)
        if (len(keys) > 1 or "-" in surface) \
                and all(w[:1].isupper() for w in surface.split() if w[:1].isalpha()) \
                and _HEADING_AFTER.match(after) and (len(keys) > 1 or _LINE_START.search(before)):
            return True  # a letterhead or header line: 'Baylor Scott & White - Temple'
        if _THE_BEFORE.search(before) and not all(words.is_english(k) for k in keys) \
                and not (surface.isupper() and any(self.lexicon.is_clinical(k) for k in keys)):
            # ('the cvs by the mall'; 'His CVS exam' in capitals is the cardiovascular system)
            return True  # 'the cvs', 'my ochsner' (never 'the banner')
        if surface[:1].isupper() and _CAPITALIZED_AFTER.match(after):
            return True
        if not _CARE_WORD.search(surface) and _STORE_STREET.match(text, match.end()):
            return True  # a store on its street: 'The CVS on Aramingo Ave' (not 'CVS on exam')
        coined = all(words.zipf(k) < _EVERYDAY_BRAND or not words.is_english(k) for k in keys) \
            and not any(k in countries_and_languages() for k in keys)
        if surface[:1].isupper() and (_ORDER_AFTER.match(after) or (coined and (
                _OWNER_BEFORE.search(before) or (
                    _SYSTEM_AFTER.match(after) and not _SENTENCE_START.search(before))))):
            return True  # 'to your CVS', 'Quest req', 'my Kaiser doctor' (not 'Swedish
            # insurance', 'an active Methodist member')
        return bool(_BEFORE.search(before) or _AFTER.match(after) or _STORE_AFTER.match(after)
                    or (_CELL_BEFORE.search(before) and _CELL_AFTER.match(after)))
