"""Slot rules for informal text: an entity that only the words around it mark.

Patient chat ('we went to zoom care 9/23', 'bf rituparna thinks i have mono', 'the pa
tesfaye at baystate said') writes facilities, towns and given names in lower case,
often as brands or words no dictionary holds. What marks them is a *slot*: a
fixed frame of words with one open position. The frames:

- **place slot**: a verb of care, movement, purchase, transfer or residence (or a
  procedure or visit noun, or a clinician or role word just before) and then a location
  preposition ('at', 'to', 'from', 'in'): 'had a colonoscopy at <x>', 'can i get one at
  <x>', 'moved to <x>', 'transferred from St. Agnes to <x>'; 'the' only before a brand;
- **from-to pair**: 'moved from <a> to <b>': when one side is a gazetteer place, the other
  side of the same frame is a place too;
- **name slot**: an informal relation or role word ('bf', 'my auntie', 'the pa', 'the
  nurse'; ambiguous abbreviations like 'pa', 'rn' need a determiner) and then a given
  name; an introduction ('this is <x>,'); a sign-off between a dash and a credential
  ('--<x> rn');
- **name line**: two or three words at the start of a line followed by 'dob' or a date
  ('KANE ELIAS 09/04/1964', 'jo smith dob ...');
- **age after a person**: a relation word (and its name) and then an age over 89 in
  parentheses, between commas or after 'is' ('grandpa (ninety-two!)', 'my nana, 94,');
- **brand and facility word**: a capitalized word no English list holds before a
  facility word, anywhere ('BrightStar Care', 'Costco pharmacy').

The slot's filler runs up to a function word, punctuation, a digit (a date or time), a
time word or a clinical word. A filler that is an English function word, a pronoun, a
generic place ('home', 'the er', 'work', 'school', 'bed', 'night'), a kind of care
('comfort care') or a clinical term is no entity. What the filler is comes from
evidence: a gazetteer place after a movement or residence frame (or after 'office in')
is a CITY; a facility word with a modifier that is a name, a place or a brand
('billings clinic'), a home word ('care', 'living', 'place') with any everyday modifier
('pine haven care'), an organization suffix ('Inc'), or a brand-like word (no English
word, no clipped or derived one: 'anticoag', 'interventional') after a care frame is a
FACILITY; a given name (or a word no list knows) in a name slot is a NAME. An English
word fills a name slot only before what follows a person ('said', 'at', '(').

The frames are matched case-sensitively on a lower-case copy (tries of the trigger words,
literal first characters where possible), and each match costs a few set lookups; the
spans carry the sources `slot_facility`, `slot_city`, `slot_name`, `slot_name_line` and
`slot_age`. Nothing here logs text.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from veil.text import words
from veil.text.lexicon import FUNCTION_WORDS, MONTH_WORDS, Lexicon, fold
from veil.text.places import COUNTRY_OR_REGION
from veil.text.regex_lead import fast_compile
from veil.text.rules import NINETY
from veil.text.spans import PhiType, Span
from veil.text.trie import trie_pattern

__all__ = ["SlotFinder"]

_W = r"[^\W\d_](?:[^\W\d_]|['’\-](?=[^\W\d_]))*"
"""One word: letters, inner hyphens and apostrophes (any script: 'oğuz', 'seo-yeon')."""

# --- word classes ---


def _words(block: str) -> frozenset[str]:
    """The words of a whitespace-separated block (lower case as written)."""
    return frozenset(block.split())


_MOVE_VERBS = _words("""
went go goes going gone drove drive driving took take taking taken brought bring sent send
referred refer transferred transfer transferring moved moving move admitted discharged
released rushed headed heading came come coming transported flown flew fly flying travel
traveled travelled traveling ambulance ems walked
""")
"""Verbs of moving a person somewhere."""
_CARE_VERBS = _MOVE_VERBS | _words("""
seen saw see seeing treated stayed staying stay stays born delivered work works working had
got get gets getting fell falling falls fall keeps kept happened scheduled booked checked
visited visit visiting tested testing vaccinated diagnosed operated buy bought buying fill
filled filling pick picked picking pickup ordered order grab grabbed live lives lived living
reside resides resided relocated relocating grew raised shot shots appointment appt surgery
procedure scan test labs bloodwork meds prescription refill refills rx script vaccine booster
pharmacy er ed icu trial study program therapy dialysis infusion chemo treatment transplant
consult follow-up followup check-up checkup physical mammogram x-ray xray ultrasound mri ct
enrolled registered signed
""")
"""Verbs (and visit nouns) after which a location preposition opens a place slot."""
_RESIDENCE = _words("""
live lives lived living reside resides resided moved moving move relocated relocating grew
raised born from drove drive driving flew fly flying travel traveled travelled traveling
visiting trip vacation headed heading came come coming back
""")
"""Verbs of residence and travel: a gazetteer place after them is a town."""
_TRANSFER = _words("""
transferred transfer transferring admitted readmitted discharged referred sent rushed
airlifted life-flighted transported ambulanced
""")
"""Verbs that move a patient between facilities: a brand after 'to'/'from' is a facility."""
_PURCHASE = _words("""
get got buy bought pick picked fill filled refill grab grabbed shop shopping find found
""")
"""Verbs of getting something from a store or pharmacy."""
_DOSE_AFTER = re.compile(r"(?i)[ \t]*[0-9][0-9.,]*[ \t]*(?:mg|mcg|µg|g|ml|units?|iu|%|tabs?|"
                         r"pills?|puffs?|drops?|mg/kg)\b")
"""A number and a unit after the filler: a drug and its dose, never a place."""
_INSTITUTION_BEFORE = re.compile(
    r"(?<![a-z])(?:office|clinic|practice|hospital|pharmacy|location|branch|"
    r"doctor|doc|dr|dentist|specialist|[a-z]+olog(?:ist|y)|one)s?[ \t]*$")
"""'dr lee's office in <x>', 'a cardiologist in <x>': a gazetteer place after them is a town
(matched on the lower-case clause)."""
_CLAUSE_END = re.compile(r"(?<![^A-Za-z][A-Z][a-z])(?<![^A-Za-z][A-Z])[.!?](?![A-Za-z0-9])|"
                         r"[;:,()\n\"]|\s-\s")
"""Where a clause ends ('St. Anthony's' and 'Dr. Lee' do not end one)."""

_PLACE_SLOT = fast_compile(
    r"(?<![A-Za-z])(?:(at|to|from)[ \t]+(the[ \t]+)?|(in|into|near|@)[ \t]+)"
    r"(?!(?:the|a|an|my|his|her|their|our|your|this|that|these|those|some|any|all|it|its|"
    r"me|him|them|us|you|be|get|see|take|do|have|make|go|come|bed|home|work|school|"
    r"night|least|most|first|last|once|times?|all|least|about|around|out|up|and|or)"
    r"(?![A-Za-z]))(?=[^\W\d_])")
_FROM_TO = re.compile(
    r"from[ \t]+(" + _W + r"(?:[ \t]" + _W + r"){0,2})[ \t]+to[ \t]+("
    + _W + r"(?:[ \t]" + _W + r"){0,2})")

_FACILITY_HEADS = frozenset({
    "CARE", "CLINIC", "CLINICS", "HOSPITAL", "HEALTH", "HEALTHCARE", "MEDICAL", "CENTER",
    "CENTRE", "LIVING", "PLACE", "MANOR", "PHARMACY", "HOSPICE", "REHAB", "NURSING",
    "LAB", "LABS", "URGENT", "ORTHOPEDICS", "PEDIATRICS", "DENTAL", "IMAGING", "RADIOLOGY",
    "GARDENS", "TERRACE", "COMMONS", "VILLA", "LODGE", "HOUSE", "HEIGHTS", "POINTE",
    "MEDICINE", "WELLNESS", "SURGERY", "SURGICAL", "INFIRMARY", "SANITARIUM",
})
"""Words that head a facility name ('zoom care', 'pine haven care', 'benedictine living')."""
_GROUP_NOUNS = frozenset({"PEOPLE", "PERSONS", "ADULTS", "CHILDREN", "KIDS", "WOMEN", "MEN",
                          "PATIENTS", "VETERANS", "SENIORS", "ELDERS", "FAMILIES", "YOUTH",
                          "TEENS", "INDIVIDUALS", "RESIDENTS", "THOSE", "OTHERS", "FOLKS"})
"""Groups of people before 'living', 'care' ('in people living with HIV'): no home's name."""
_HOME_HEADS = frozenset({"CARE", "LIVING", "PLACE", "MANOR", "GARDENS", "TERRACE", "COMMONS",
                         "VILLA", "LODGE", "HOUSE", "HEIGHTS", "POINTE", "HOSPICE", "NURSING",
                         "SANITARIUM"})
"""Heads of home and residence names, which everyday words modify ('pine haven care'); the
other heads name services too ('travel clinic', 'infusion center', 'employee health'), so
their modifier must be a name, a place or a brand."""
_CARE_KINDS = frozenset({
    "COMFORT", "PALLIATIVE", "RESPITE", "SKILLED", "INTENSIVE", "CRITICAL", "WOUND", "FOOT",
    "SELF", "CHILD", "AFTER", "ACUTE", "SUBACUTE", "TRANSITIONAL", "SUPPORTIVE", "END",
    "PERSONAL", "PATIENT", "CONTINUING", "LONG", "TERM", "INPATIENT", "OUTPATIENT", "POST",
    "PRENATAL", "POSTNATAL", "POSTPARTUM", "NEWBORN", "DIABETIC", "DIABETES", "SPECIAL",
    "GENERAL", "FULL", "MEDICAL", "DENTAL", "HEALTH", "ROUTINE", "STANDARD", "USUAL",
    "OSTOMY", "TRACH", "CATHETER", "LINE", "SKIN", "ORAL", "MOUTH", "EYE", "PERI", "CORD",
    "HOUSE", "GROUP", "FOSTER", "HALFWAY", "BOARDING", "SAFE", "OPEN", "OUTSIDE", "OTHER",
})
"""Kinds of care and of house ('comfort care', 'group home'): no facility name."""
_ORG_SUFFIXES = frozenset({"INC", "LLC", "PLLC", "LLP", "LTD", "CORP", "CORPORATION",
                           "ASSOCIATES", "PARTNERS", "GROUP", "PC", "PA"})
"""Words that end an organization's name ('Primary Health Care Inc'): the phrase is one
facility even when every word before them is generic."""
_GENERIC = frozenset({
    "HOME", "ER", "ED", "ICU", "WORK", "SCHOOL", "BED", "NIGHT", "HOSPITAL", "CLINIC",
    "DOCTOR", "DOCTORS", "DOC", "PHARMACY", "OFFICE", "LAB", "LABS", "CHURCH", "STORE",
    "GYM", "FLOOR", "WARD", "UNIT", "ROOM", "URGENT", "CARE", "WALK", "WALK-IN", "EMERGENCY",
    "REHAB", "HOSPICE", "NURSING", "SENIOR", "ASSISTED", "LIVING", "MEMORY", "DAY", "EYE",
    "DENTAL", "DENTIST", "CANCER", "HEART", "WOMENS", "WOMEN", "CHILDRENS", "KIDS", "VA",
    "LOCAL", "NEAREST", "NEAR", "NEW", "OLD", "BIG", "MAIN", "COMMUNITY", "COUNTY", "CITY",
    "STATE", "PRIMARY", "FAMILY", "MEDICAL", "HEALTH", "CENTER", "CENTRE", "PLACE", "HOUSE",
    "TOWN", "DOWNTOWN", "UPTOWN", "HOSPITALS", "CLINICS", "SPECIALIST", "SPECIALISTS",
    "LUNCH", "DINNER", "BREAKFAST", "BEDTIME", "REST", "BASELINE", "RISK", "TIME", "TIMES",
    "WEEK", "WEEKS", "MONTH", "MONTHS", "YEAR", "YEARS", "MORNING", "EVENING", "NOON",
    "MIDNIGHT", "WEEKEND", "TODAY", "TONIGHT", "TOMORROW", "YESTERDAY", "NOW", "FIRST",
    "LEAST", "BEST", "WORST", "ALL", "ONCE", "GOAL", "TARGET", "PARKING", "LOT", "GARAGE",
    "AIRPORT", "BEACH", "PARK", "MALL", "CAR", "BUS", "TRAIN", "PLANE", "BATHROOM",
    "KITCHEN", "SHOWER", "STAIRS", "YARD", "JAIL", "PRISON", "SHELTER",
    "SURGERY", "IMAGING", "RADIOLOGY", "MEDICINE", "WELLNESS", "URGENTCARE",
    "FRONT", "DESK", "WAITING", "TRIAGE", "OR", "PACU", "NICU", "PICU", "MICU", "SICU",
    "TELEMETRY", "TELE", "STEPDOWN", "GP", "PCP", "OB", "OBGYN", "DERM",
    "ORTHOPEDICS", "PEDIATRICS", "PEDS", "SAME", "OTHER", "ANOTHER", "DIFFERENT", "THIS",
})
"""Generic place nouns and modifiers: a filler made only of these names no entity.
"""
_TIME_WORDS = frozenset({
    "TODAY", "TONIGHT", "TOMORROW", "YESTERDAY", "NOW", "MORNING", "AFTERNOON", "EVENING",
    "NIGHT", "WEEK", "WEEKEND", "MONTH", "YEAR", "AGO", "LAST", "NEXT", "THIS", "SOON",
    "LATER", "EARLIER", "TMRW", "TMR", "ASAP", "RN", "STAT", "AM", "PM",
    "RIGHT", "AGAIN", "ALREADY", "YET", "STILL", "ONLY", "JUST", "TOO", "EITHER",
})
_STOP_AFTER = frozenset({
    # verbs and words that follow a slot and never belong to it
    "SAID", "SAYS", "SAY", "TOLD", "TELLS", "THINKS", "THINK", "THOUGHT", "WANTS", "WANT",
    "WANTED", "KEEPS", "KEEP", "NEEDS", "NEED", "ASKED", "ASKS", "CALLED", "CALLS",
    "TEXTED", "GAVE", "GIVES", "GOT", "GETS", "WENT", "GOES", "TOOK", "TAKES", "IS", "WAS",
    "ARE", "WERE", "HAS", "HAD", "HAVE", "WILL", "WOULD", "CAN", "COULD", "SHOULD", "MAY",
    "MIGHT", "MUST", "DID", "DOES", "DO", "DONT", "DIDNT", "DOESNT", "CANT", "WONT", "ISNT",
    "WASNT", "WHO", "WHICH", "THAT", "HERE", "THERE", "AND", "OR", "BUT", "SO", "BECAUSE",
    "BC", "CUZ", "WHEN", "WHILE", "SINCE", "AFTER", "BEFORE", "UNTIL", "IF", "THEN", "ALSO",
    "NEVER", "ALWAYS", "REALLY", "STARTED", "STOPPED", "PRESCRIBED", "RECOMMENDED",
    "DIAGNOSED", "CHANGED", "INCREASED", "DECREASED", "UPPED", "LOWERED", "ORDERED",
    "ORDERS", "SENT", "SENDS", "SEES", "SAW", "MENTIONED", "EXPLAINED", "WROTE", "SIGNED",
    "HELPED", "HELPS", "TRIED", "TRIES", "LEFT", "CAME", "COMES", "LOOKED", "CHECKED",
    "FOUND", "NOTED", "AGREED", "DISAGREED", "INSISTED", "SUGGESTED", "SUGGESTS", "USED",
    "USES", "GOING", "GONNA", "WANNA", "GOTTA", "HATES", "LOVES", "LIKES", "FELL", "FALLS",
    "LIVES", "LIVED", "DIED", "PASSED", "STAYS", "STAYED", "WORKS", "WORKED", "SAYING",
    "TALKED", "SPOKE", "REFUSED", "REFUSES", "DENIED", "DENIES", "ON", "OFF", "WITH", "FOR",
    "AT", "TO", "FROM", "IN", "OF", "BY", "ABOUT", "OVER", "UNDER", "UP", "OUT", "BACK",
    "DOWN", "AWAY", "TOO", "VERY", "PLS", "PLZ", "PLEASE", "THX", "THANKS", "LOL", "IDK",
    "TBH", "OK", "OKAY", "YES", "NO", "YEAH", "NOPE", "HI", "HEY", "HELLO", "SORRY",
})
"""Words that end a slot's filler (verbs, conjunctions, adverbs, chat words)."""
_CONT = frozenset({
    ",", "(", ")", "-", ";", ".", "!", "?", "'", "’", "AT", "FROM", "SAID", "SAYS",
    "TOLD", "THINKS", "THOUGHT", "WANTS", "KEEPS", "IS", "WAS", "HAS", "HAD", "AND",
    "WHO", "JUST", "CALLED", "TEXTED", "ASKED", "GAVE", "GOT", "WENT", "TOOK", "HERE",
    "NEEDS", "STARTED", "PRESCRIBED", "RECOMMENDED", "DIAGNOSED", "SAW", "SEES", "ORDERED",
    "SENT", "MENTIONED", "EXPLAINED", "WANTED", "INSISTED", "SUGGESTED", "DOESNT", "DIDNT",
    "WONT", "CANT", "ISNT", "WASNT", "DOES", "DID", "WILL", "CAN", "NEVER", "STILL",
    "FELL", "FALLS", "LIVES", "DIED", "PASSED", "REFUSED", "DENIES", "HATES", "LOVES",
})
"""What may follow a given name that is also an English word ('the pa faith at ...')."""

_FAMILY_WORDS = (
    "bf", "gf", "bff", "boyfriend", "girlfriend", "fiance", "fiancee", "fiancé", "fiancée",
    "hubby", "husband", "wife", "wifey", "partner", "spouse", "auntie", "aunty", "aunt", "tia",
    "tio", "uncle", "unc", "mom", "mommy", "momma", "mama", "mum", "mother", "dad", "daddy",
    "papa", "pops", "father", "grandpa", "grandma", "granny", "gran", "grandad", "granddad",
    "grandmother", "grandfather", "nana", "nanna", "gramma", "grampa", "gramps", "abuela",
    "abuelo", "lola", "lolo", "bubbe", "zayde", "sis", "sister", "bro", "brother", "cousin",
    "cuz", "sibling", "sib", "twin", "grandson", "granddaughter", "grandchild", "stepbrother",
    "stepsister", "son", "daughter", "stepson", "stepdaughter", "stepmom", "stepdad", "niece",
    "nephew", "roommate", "neighbor", "neighbour", "friend", "coworker", "co-worker", "boss",
    "caregiver", "landlord", "ex", "surrogate",
)
"""Informal relation words (family, partner, friends) that open a name slot."""
_ROLE_WORDS = (
    "social worker", "case manager", "nurse practitioner", "physician assistant", "pa",
    "pa-c", "np", "rn", "lpn", "cna", "md", "do", "doc", "nurse", "midwife", "doula",
    "therapist", "pt", "ot", "slp", "surgeon", "dentist", "ob", "obgyn", "ob-gyn", "pcp",
    "provider", "tech", "aide", "caseworker", "counselor", "counsellor", "chaplain",
    "pharmacist", "resident", "intern", "attending", "hospitalist", "cardiologist",
    "oncologist", "neurologist", "dermatologist", "endocrinologist", "psychiatrist",
    "psychologist", "urologist", "radiologist", "anesthesiologist", "gi", "specialist",
    "receptionist", "scheduler", "coordinator", "dr", "doctor", "worker", "caseworker",
)
"""Clinician and staff role words (with the abbreviations of chat) that open a name slot."""


_trie = trie_pattern


_REL_FAMILY = _trie(_FAMILY_WORDS)
_REL_ROLE = _trie(_ROLE_WORDS)
_DETERMINERS = ("my", "the", "our", "his", "her", "their", "your", "ur", "pt", "pts", "patient",
                "patients")
_NAME_SLOT = re.compile(
    r"(?<![A-Za-z'’])(?P<rel>" + _REL_FAMILY + r"|" + _REL_ROLE + r")(?![A-Za-z])"
    r"(?:\.?[ \t]++(?P<w1>" + _W + r")(?:[ \t]++(?P<w2>" + _W + r"))?)?")
"""A relation or role word and the one or two words after it (the age frame starts at the
same relation words, so one pass finds both)."""
_DET_BEFORE = re.compile(r"(?<![a-z])(?:" + _trie(_DETERMINERS) + r")[ \t]+$")
"""'the pa', 'my son': the determiner that ambiguous role words need."""
_FAMILY_KEYS = frozenset(fold(w) for w in _FAMILY_WORDS)
_ROLE_NEEDS_DET = frozenset({"PA", "PA-C", "NP", "RN", "LPN", "CNA", "MD", "DO", "PT", "OT",
                             "SLP", "OB", "GI", "TECH", "EX", "RESIDENT", "INTERN",
                             "PROVIDER", "AIDE", "ATTENDING", "COORDINATOR", "SCHEDULER",
                             "SPECIALIST", "CUZ", "UNC", "BRO", "SIS", "POPS", "LOLA", "LOLO",
                             "TIA", "TIO", "GRAN", "DOC", "BOSS", "FRIEND", "SON", "MUM"})
"""Role and relation words that are also other words ('pa' the state, 'rn' right now,
'do', 'son' in 'son of'): a name slot after them needs a determiner ('the pa', 'my son')."""
_ROLES = frozenset(fold(w) for w in _FAMILY_WORDS + _ROLE_WORDS if " " not in w)
_INTRO_CUES = ("this is", "it's", "its", "it’s", "my name is", "name is", "i'm", "im", "i’m",
               "i am")
_INTRO = re.compile(
    r"(?<![A-Za-z'’])(?P<cue>" + _trie(_INTRO_CUES) + r")[ \t]++(?P<w1>" + _W + r")"
    r"(?:[ \t]++(?P<w2>" + _W + r"))?"
    r"(?=[ \t]*(?:,|\s-|–|—|\.(?:\s|$)|!|$|\n|[ \t]+(?:from|here|and|calling|again)\b))")
_NAME_LINE_BODY = (
    r"[ \t]*(?:(?:re|pt|patient|name)[ \t]*:[ \t]*)?(?P<w1>" + _W + r")[ \t]++(?P<w2>"
    + _W + r")(?:[ \t]+(?!dob\b|born\b|date\b)(?P<w3>" + _W + r"))?(?:[ \t]*+,)?[ \t]++"
    r"(?=(?:dob|d\.o\.b\.?|born|date\s+of\s+birth)\b|[0-9]{1,2}[/\-.][0-9]{1,2}[/\-.][0-9]{2,4}\b)")
_NAME_LINE = re.compile(r"\n" + _NAME_LINE_BODY)
"""A name line after a line break (a literal first character: the engine skips ahead)."""
_NAME_LINE_FIRST = re.compile(_NAME_LINE_BODY)
"""A name line at the start of the text."""
_SIGN_OFF = re.compile(
    r"(?:--|—|–)[ \t]*(?P<w1>" + _W + r")(?:[ \t]++(?P<w2>" + _W + r"))?(?:[ \t]*+,)?[ \t]++"
    r"(?:rn|np|md|lpn|cna|pa-c|pa|do|msw|lcsw|pharmd|dpt|rd|bsn|aprn|fnp|cnm|crna)"
    r"(?![a-z])")
"""A sign-off after a dash: '--bożena rn', '— ana lima, np'."""
_AGE = (r"(?:9[0-9]|1[01][0-9]|(?:" + NINETY + r"(?:[\s\-]+(?:one|two|three|four|five|"
        r"six|seven|"
        r"eight|nine))?|one\s+hundred(?:\s+and\s+[a-z]+)?|a\s+hundred))")
_AGE_AFTER_REL = re.compile(
    r"(?<![A-Za-z])(?:" + _REL_FAMILY + r")(?P<between>(?:[ \t]+" + _W + r"){0,2})"
    r"(?:[ \t]*\([ \t]*(?P<a1>" + _AGE + r")[ \t]*(?:y/?o|yrs?|years?(?:\s+old)?)?[ \t]*[!?.]*"
    r"[ \t]*\)|[ \t]*,[ \t]*(?P<a2>" + _AGE + r")[ \t]*(?:y/?o|yrs?|years?(?:\s+old)?)?[ \t]*"
    r"[!?]*[ \t]*,|[ \t]+(?:is|was|turned|turns|just\s+turned|is\s+now)[ \t]+(?P<a3>" + _AGE + r")"
    r"(?![0-9]|[.,][0-9]|[ \t]*(?:%|mg|kg|lbs?|pounds|bpm|mm|/|percent|degrees|°|times|"
    r"minutes|mins|seconds|days|weeks|months|over|units)))")
_INTRO_GATE = ("this is", "its ", "it's", "it’s", "name is", "i'm", "im ", "i’m", "i am")
"""Substrings without which the introduction frame cannot match (tested before it runs)."""
_CHAT = frozenset({"PLS", "PLZ", "THX", "LOL", "IDK", "TBH", "OMG", "BTW", "IMO", "ASAP",
                   "TMRW", "TMR", "RN", "BC", "CUZ", "HRS", "YRS", "MINS", "WKS", "DR",
                   "MR", "MRS", "MS", "ETC", "VS", "AKA", "FYI", "ILY", "SMH", "NVM", "YALL",
                   "GONNA", "WANNA", "GOTTA", "KINDA", "SORTA", "DUNNO", "LEMME", "GIMME",
                   "AINT", "YA", "U", "UR", "CUS", "COS", "IM", "IVE", "ID", "ILL", "HES",
                   "SHES", "THEYRE", "THATS", "WHATS", "DONT", "CANT", "WONT", "DIDNT"})
_PLACE_PREPS = frozenset({"TO", "FROM", "IN", "INTO", "NEAR"})


@lru_cache(maxsize=1)
def _sorted_english() -> tuple[str, ...]:
    return tuple(sorted(words.english_words()))


@lru_cache(maxsize=8192)
def _clipped(key: str) -> bool:
    """The first 6+ letters of a longer English word: a clipped term in a note
    ('anticoag clinic', 'hemonc'), not a brand."""
    if len(key) < 6:
        return False
    table = _sorted_english()
    i = bisect_left(table, key)
    return i < len(table) and table[i] != key and table[i].startswith(key)


def _derived(key: str) -> bool:
    """An English word plus a derivational suffix ('INTERVENTIONAL', 'ANESTHETIC')."""
    english = words.english_words()
    return any(key.endswith(suffix) and key[:-len(suffix)] in english
               for suffix in ("AL", "IC", "ARY", "IVE", "OUS", "ICAL", "ISTS", "IST"))


class SlotFinder:
    """Spans of the slot frames of informal text (see the module docstring)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    # --- word tests ---
    def _blocked(self, key: str) -> bool:
        """A word that never fills a slot: function, time, clinical, month, state, chat."""
        lex = self.lex
        return (key in FUNCTION_WORDS or key in _TIME_WORDS or key in _STOP_AFTER
                or key in MONTH_WORDS or key in _CHAT or key in _ROLES or lex.is_clinical(key)
                or key in lex.states or words.term_shaped(key))

    def _brand(self, key: str) -> bool:
        """A word no English list, clinical list or stop list holds ('hyvee'), and no
        clipped English word ('anticoag', 'cardiol')."""
        return (len(key) >= 4 and not words.is_english(key) and not self._blocked(key)
                and key not in words.unknown_stop() and not _clipped(key)
                and key.replace("-", "") not in words.english_words()
                and not _derived(key))

    def _name_word(self, key: str, follow: str, *, second: bool = False) -> bool:
        """A word that fills a name slot, given the token after it (upper case)."""
        if len(key) < 2 or self._blocked(key) or key in _GENERIC or key in words.unknown_stop():
            return False
        lex = self.lex
        in_dict = lex.is_name(key)
        cont = follow in _CONT or follow == ""
        if not words.is_english(key):
            if not words.near_english(key) or (in_dict and key not in lex.weak):
                return True
            return cont
        if second:
            return in_dict and key not in lex.weak and cont
        # an English word is a name here only before what follows a person ('said',
        # 'at', '('): a dictionary name ('faith', 'sander'), or a word that is English only
        # by an inflection rule or by its hyphen parts ('pieter', 'sung-min')
        return cont and (in_dict or self._loose_english(key))

    @staticmethod
    def _loose_english(key: str) -> bool:
        """English only by a suffix rule that no verb or plural takes ('PIETER'), or by its
        parts ('SUNG-MIN'): not itself in the word list."""
        if key in words.english_words():
            return False
        if "-" in key:
            return True
        return not key.endswith(("ED", "ING", "S", "LY"))

    # --- frames ---
    def find(self, text: str) -> list[Span]:
        """The slot spans of one text (unmerged; the scrubber merges).

        The frames are matched case-sensitively on a lower-case copy of the same length
        (three times faster than case-insensitive matching); offsets are the text's."""
        out: list[Span] = []
        lower = text.lower()
        if len(lower) != len(text):
            lower = text.translate(_ASCII_LOWER)
        if " at " in lower or " to " in lower or " from " in lower or " in " in lower \
                or "@" in text:
            out.extend(self._places(text, lower))
        out.extend(self._names(text, lower))
        out.extend(self._brand_heads(text, lower))
        return out

    def _brand_heads(self, text: str, lower: str) -> list[Span]:
        """'BrightStar Care', 'Costco pharmacy': a capitalized word no English list holds
        before a facility word names a facility wherever it stands (a store brand before
        'pharmacy' too); lower-case and ALL-CAPS words are left to the slot frames, as
        clinical abbreviations ('anticoag clinic') look the same."""
        out: list[Span] = []
        for match in _BRAND_HEAD.finditer(lower):
            begin = max(0, match.start() - 40)
            prev = _PREV_WORD.search(text, begin, match.start())
            if prev is None:
                continue
            word = prev.group()
            if not word[0].isupper() or word.isupper():
                continue
            key = fold(word)
            head = match.group(1)
            if self._brand(key) or (head == "pharmacy" and key in words.unknown_stop()
                                    and not self.lex.is_clinical(key)):
                out.append(Span(prev.start(), match.end(1), PhiType.FACILITY, "slot_facility",
                                0.85))
        return out

    def _tokens_after(self, text: str, pos: int, limit: int = 6) -> list[tuple[int, int]]:
        """Up to `limit` word/punctuation tokens from `pos` on the same line."""
        toks: list[tuple[int, int]] = []
        for match in _TOKEN.finditer(text, pos, min(len(text), pos + 80)):
            if match.group() == "\n":
                break
            toks.append(match.span())
            if len(toks) >= limit:
                break
        return toks

    @staticmethod
    def _context(text: str, lower: str, start: int) -> str:
        """The clause before `start` (back to punctuation, at most 60 characters), in
        lower case."""
        begin = max(0, start - 60)
        ends = [m.end() for m in _CLAUSE_END.finditer(text, begin, start)]
        return lower[ends[-1] if ends else begin:start]

    def _places(self, text: str, lower: str) -> list[Span]:
        out: list[Span] = []
        lex = self.lex
        for match in _PLACE_SLOT.finditer(lower):
            first = _WORD_ONLY.match(lower, match.end())
            if first is None or not self._first_may_fill(fold(first.group()), lower,
                                                          first.end()):
                continue  # the cheap test on the first word before any tokenizing
            prep = (match.group(1) or match.group(3)).upper()
            filler = self._filler(text, match.end())
            if not filler:
                continue
            keys = [fold(text[s:e]) for s, e in filler]
            if not self._may_fill(keys):
                continue
            context = self._context(text, lower, match.start())
            cwords = frozenset(_WORD_ONLY.findall(context))
            if prep == "FROM" and match.start() < 40 and _INTRO_FROM.fullmatch(context) and \
                    context == lower[:match.start()]:
                cwords |= {"live"}  # 'shirin from <x>:' the writer says where they live
            titled = text[filler[0][0]].isupper()
            if prep == "AT" and titled and not cwords.isdisjoint(_BE):
                cwords |= {"stay"}  # 'was at Methodist': a stay at a named place
            if cwords.isdisjoint(_CARE_VERBS) and not self._clinical_before(context) and \
                    _ROLE_NAME_BEFORE.search(context) is None and \
                    _ROLE_BEFORE.search(context) is None:
                continue
            closed = _CLOSED.match(text, filler[0][1]) is not None
            kind, count = None, 0
            if not match.group(2) or self._the_brand(keys):
                caps = [text[start].isupper() for start, _end in filler]
                kind, count = self._classify(keys, prep, context, cwords, caps, closed)
            if kind is None:
                # 'urgent care on lake 9/4': a generic facility named by its street
                head = max((i for i, k in enumerate(keys) if k in _FACILITY_HEADS), default=-1)
                if head >= 0 and all(k in _GENERIC for k in keys[:head + 1]):
                    tail = self._on_tail(text, filler[head][1])
                    if tail > filler[head][1]:
                        out.append(Span(filler[0][0], tail, PhiType.FACILITY, "slot_facility",
                                        0.85))
                continue
            start, end = filler[0][0], filler[count - 1][1]
            if _DOSE_AFTER.match(text, end):
                continue
            if kind is PhiType.FACILITY:
                end = self._on_tail(text, end)
            out.append(Span(start, end, kind, "slot_" + kind.value.lower(), 0.85))
        for match in _FROM_TO.finditer(lower) if "from " in lower else ():
            if match.start() and lower[match.start() - 1].isalpha():
                continue  # the pattern starts with a literal (fast); the word start is here
            context = self._context(text, lower, match.start())
            if frozenset(_WORD_ONLY.findall(context)).isdisjoint(_RESIDENCE):
                continue
            sides = []
            for group in (1, 2):
                keys = [fold(w) for w in match.group(group).split()]
                sides.append((group, keys))
            places = [any(" ".join(keys[:n]) in lex.places for n in range(len(keys), 0, -1))
                      for _g, keys in sides]
            if not any(places):
                continue
            for (group, keys), _is_place in zip(sides, places, strict=True):
                n = self._place_extent(keys)
                if n == 0:
                    continue
                start = match.start(group)
                end = start + len(" ".join(match.group(group).split()[:n]))
                out.append(Span(start, end, PhiType.CITY, "slot_city", 0.85))
        return out

    def _first_may_fill(self, key: str, lower: str, end: int) -> bool:
        """A first word that may start an entity: a place, a name, no English word, or
        any word with a facility or organization word among the next two."""
        lex = self.lex
        if key in _STOP_AFTER or key in _TIME_WORDS or key in _ROLES:
            return False
        if key in lex.places or lex.is_name(key) or not words.is_english(key):
            return True
        return _HEAD_AHEAD.match(lower, end) is not None

    def _strong_modifier(self, key: str, cap: bool) -> bool:
        """A modifier that makes a facility name of any facility word: a brand, a
        dictionary name that is no everyday word, or a gazetteer place ('billings'); when
        capitalized, any dictionary name or place ('Green Memorial Hospital')."""
        lex = self.lex
        if key in _GENERIC or key in _CARE_KINDS or self._blocked(key):
            return False
        if cap and (lex.is_name(key) or key in lex.places):
            return True
        return self._brand(key) or (lex.is_name(key) and key not in lex.weak) or (
            key in lex.places and key not in lex.place_words)

    def _the_brand(self, keys: list[str]) -> bool:
        """After 'the', only a brand ('get to the hy-vee') or a brand and a facility word
        ('the zorbex pharmacy') names a facility: 'the er', 'the clinic' are generic."""
        first = keys[0]
        return self._brand(first) and not words.near_english(first) and \
            not self.lex.is_name(first)

    def _may_fill(self, keys: list[str]) -> bool:
        """The cheap test before the context is read: a facility word after another word,
        or a first word that is a place, a name or no English word."""
        lex = self.lex
        first = keys[0]
        if len(keys) > 1 and any(k in _FACILITY_HEADS or k in _ORG_SUFFIXES for k in keys[1:]):
            return True
        if first in _GENERIC or (self._blocked(first) and first not in lex.places):
            return False
        return (first in lex.places or first in lex.first or first in lex.last
                or not words.is_english(first))

    def _clinical_before(self, context: str) -> bool:
        """A clinical word (a procedure, a test) in the clause: 'colonoscopy at <x>'."""
        lex = self.lex
        return any(lex.is_clinical(fold(w)) for w in _WORD_ONLY.findall(context)[-4:])

    def _filler(self, text: str, pos: int) -> list[tuple[int, int]]:
        """The words of the slot from `pos` up to the first stop (at most four)."""
        filler: list[tuple[int, int]] = []
        for start, end in self._tokens_after(text, pos, 5):
            token = text[start:end]
            if not token[0].isalpha():
                break
            key = fold(token)
            if key in _FACILITY_HEADS or key in _GENERIC or (key in _ORG_SUFFIXES and filler):
                filler.append((start, end))
                continue
            if token.istitle() and key in self.lex.places and key in FUNCTION_WORDS:
                # 'lives alone in Normal': a capitalized town that is also a heading word
                filler.append((start, end))
                continue
            if self._blocked(key):
                break
            filler.append((start, end))
            if len(filler) >= 4:
                break
        return filler

    def _place_extent(self, keys: Sequence[str]) -> int:
        """How many leading words of a from/to side form a place (0: none)."""
        n = 0
        for key in keys:
            if self._blocked(key) or key in _GENERIC:
                break
            n += 1
        return n

    def _classify(self, keys: list[str], prep: str, context: str, cwords: frozenset[str],
                  caps: list[bool], closed: bool) -> tuple[PhiType | None, int]:
        """(FACILITY or CITY or None, how many filler words the entity spans); `caps`: which
        filler words start with a capital (an English surname or place word then counts);
        `closed`: punctuation or the end right after the first word ('office in chester?')."""
        lex = self.lex
        titled = caps[0]
        org = next((i for i, k in enumerate(keys) if k in _ORG_SUFFIXES), -1)
        if org >= 1 and all(not self._blocked(k) or k in _GENERIC or k in _FACILITY_HEADS
                            for k in keys[:org]):
            return PhiType.FACILITY, org + 1
        head = max((i for i, k in enumerate(keys) if k in _FACILITY_HEADS), default=-1)
        if head >= 1:
            modifiers = keys[:head]
            # a facility head after a name, a place or a brand ('billings clinic'); a home
            # head after any everyday word that is no kind of care ('pine haven care')
            pairs = zip(modifiers, caps[:head], strict=True)
            if any(self._strong_modifier(k, cap) for k, cap in pairs) or (
                    keys[head] in _HOME_HEADS and not any(k in _GROUP_NOUNS for k in modifiers)
                    and any(
                        k not in _GENERIC and k not in _CARE_KINDS and not self._blocked(k)
                        and k not in words.unknown_stop() and not _clipped(k)
                        for k in modifiers)):
                return PhiType.FACILITY, head + 1
        # entity words: no generic noun, no English word that is no name and no place
        n = 0
        for key in keys:
            if key in _GENERIC or key in _FACILITY_HEADS or (
                    self._blocked(key) and not (key in FUNCTION_WORDS and key in lex.places)):
                break
            n += 1
        if n == 0:
            return None, 0
        residence = not cwords.isdisjoint(_RESIDENCE)
        institution = prep == "IN" and _INSTITUTION_BEFORE.search(context) is not None
        if any(" ".join(keys[:size]) in COUNTRY_OR_REGION for size in range(1, len(keys) + 1)):
            return None, 0  # 'lived in Central America': a region, no town
        for size in range(n, 0, -1):
            joined = " ".join(keys[:size])
            if joined in lex.places and prep in _PLACE_PREPS and (
                    residence or (institution and (joined not in lex.place_words or closed))):
                return PhiType.CITY, size
        first = keys[0]
        if prep in ("AT", "@"):
            brand = self._brand(first) or (first in words.unknown_stop()
                                           and not cwords.isdisjoint(_PURCHASE)
                                           and not lex.is_clinical(first))
            named = (first in lex.places or first in lex.first or first in lex.last) and \
                not words.is_english(first)
            known_place = first in lex.places and _ROLE_NAME_BEFORE.search(context) is not None
            # a capitalized name, place or plural after 'at' mid-sentence: 'at Kaiser'
            titled_name = titled and (lex.is_name(first) or first in lex.places
                                      or self._loose_english(first))
            if brand or named or known_place or titled_name or (
                    (first in lex.places or first in lex.last) and first not in lex.weak
                    and not words.is_english(first)):
                size = 1
                while size < n and (caps[size] or not titled) and (
                        self._brand(keys[size]) or keys[size] in lex.places
                        or keys[size] in lex.last):  # ('at Vitalant every week')
                    size += 1
                return PhiType.FACILITY, size
            return None, 0
        transfer = not cwords.isdisjoint(_TRANSFER)
        if prep in ("TO", "FROM", "INTO") and self._brand(first) and (
                transfer or not cwords.isdisjoint(_PURCHASE) or
                (not cwords.isdisjoint(_MOVE_VERBS) and not residence)):
            return PhiType.FACILITY, 1
        if prep in _PLACE_PREPS and self._brand(first) and not words.near_english(first) \
                and residence:
            return PhiType.CITY, 1
        return None, 0

    def _on_tail(self, text: str, end: int) -> int:
        """'urgent care on lake 2/28': a street word after 'on' belongs to the facility."""
        match = _ON_TAIL.match(text, end)
        if match and not self._blocked(fold(match.group(1))) and \
                fold(match.group(1)) not in _GENERIC and not (
                    match.group(1)[:1].isupper() and fold(match.group(1)) not in self.lex.places):
            return match.end(1)  # ('Mercy Hospital on Biktarvy.': a capitalized word must
        return end  # be a known place; lower-case chat names its streets so: 'on lake')

    def _names(self, text: str, lower: str) -> list[Span]:
        out: list[Span] = []
        for match in _NAME_SLOT.finditer(lower):
            rel = fold(match.group("rel"))
            if rel in _FAMILY_KEYS:
                age = _AGE_AFTER_REL.match(lower, match.start("rel"))
                if age is not None:
                    self._age(age, out)
            if match.group("w1") is None:
                continue
            if rel in _ROLE_NEEDS_DET and not _DET_BEFORE.search(
                    lower, max(0, match.start() - 10), match.start()):
                continue
            if text[match.end("rel"):match.end("rel") + 1] == "." and len(rel) > 3:
                continue  # 'charge nurse. Reason: ...': a sentence ended after the role word
            self._name_span(text, match, out)
        intro = any(cue in lower for cue in _INTRO_GATE)
        for match in _INTRO.finditer(lower) if intro else ():
            cue = fold(match.group("cue"))
            w1 = fold(match.group("w1"))
            if cue in ("IM", "I AM") and words.is_english(w1):
                continue
            self._name_span(text, match, out)
        first_line = _NAME_LINE_FIRST.match(lower)
        if first_line is not None:
            self._name_line(text, first_line, out)
        for match in _NAME_LINE.finditer(lower):
            self._name_line(text, match, out)
        for match in _SIGN_OFF.finditer(lower) if "--" in lower or "—" in lower else ():
            self._name_span(text, match, out, signed=True)
        return out

    def _age(self, match: re.Match[str], out: list[Span]) -> None:
        """An age over 89 after a relation word and its name; no age after a measurement
        ('my dad heart rate is 95')."""
        group = next(g for g in ("a1", "a2", "a3") if match.group(g))
        between = [fold(w) for w in match.group("between").split()]
        if any(not self.lex.is_name(k) and (words.is_english(k) or self._blocked(k))
               for k in between):
            return
        out.append(Span(match.start(group), match.end(group), PhiType.AGE, "slot_age", 0.9))

    def _follow(self, text: str, end: int) -> str:
        """The token right after `end` (upper case), '' at the end of the text or line."""
        match = _NEXT.match(text, end)
        if not match or match.group(1) in ("", "\n"):
            return ""
        return fold(match.group(1)) if match.group(1)[0].isalpha() else match.group(1)

    def _name_span(self, text: str, match: re.Match[str], out: list[Span], *,
                   signed: bool = False) -> None:
        """A NAME span for the slot's one or two words; `signed`: the words stand between a
        dash and a credential, which closes the slot as a person would ('-- ana lima, np')."""
        w1, w2 = match.group("w1"), match.group("w2")
        k1 = fold(w1)
        follow1 = "" if signed else self._follow(text, match.end("w1"))
        if not self._name_word(k1, follow1):
            # 'my mom grace', 'the pa said': the second word is tried only after a name
            return
        end = match.end("w1")
        if w2 is not None and text[match.end("w1"):match.start("w2")].strip() == "":
            k2 = fold(w2)
            follow2 = "" if signed else self._follow(text, match.end("w2"))
            if self._name_word(k2, follow2, second=not signed):
                end = match.end("w2")
        if text[end - 2:end].lower() in ("'s", "’s"):
            end -= 2  # 'dr manalo's pool': the possessive is no part of the name
        out.append(Span(match.start("w1"), end, PhiType.NAME, "slot_name", 0.85))

    def _name_line(self, text: str, match: re.Match[str], out: list[Span]) -> None:
        """'KANE ELIAS 09/04/1964', 'jo smith dob ...': every word a possible name part, one
        of them a dictionary name that is no everyday word, or a word no list knows."""
        lex = self.lex
        groups = [g for g in ("w1", "w2", "w3") if match.group(g)]
        keys = [fold(match.group(g)) for g in groups]
        if any(self._blocked(k) or k in _GENERIC or k in words.unknown_stop() for k in keys):
            return
        strong = [(lex.is_name(k) and k not in lex.weak) or not words.is_english(k)
                  or ("-" in k and self._loose_english(k)) for k in keys]
        if not any(strong) or sum(not s for s in strong) > 1:
            return
        out.append(Span(match.start(groups[0]), match.end(groups[-1]), PhiType.NAME,
                        "slot_name_line", 0.85))


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_TOKEN = re.compile(r"\n|" + _W + r"|[0-9]+|[^\s\w]")
_WORD_ONLY = re.compile(_W)
_NEXT = re.compile(r"[ \t]*(\n|" + _W + r"|[^\s\w]|)")
_BRAND_HEAD = fast_compile(
    r"(?<=[^\W\d_][ \t])(" + _trie(("care", "clinic", "pharmacy", "hospital", "healthcare",
                                     "medical", "living", "manor", "hospice", "rehab",
                                     "imaging", "home health", "urgent care")) + r")(?![a-z])")
"""A facility word after a word ('BrightStar Care'); the word is checked by `_brand_heads`."""
_PREV_WORD = re.compile(r"(?<![\w'’\-])" + _W + r"(?=[ \t]*$)")
_ON_TAIL = re.compile(r"[ \t]+on[ \t]+(" + _W + r"|[0-9]{1,3}(?:st|nd|rd|th))"
                      r"(?=[ \t]*(?:[0-9]|[.,!?;]|$|yesterday|today|last|this))", re.I)
_ROLE_NAME_BEFORE = re.compile(
    r"(?<![a-z])(?:dr|doctor|the\s+(?:" + _REL_ROLE + r")|nurse)\.?[ \t]+"
    + _W + r"(?:[ \t]+" + _W + r")?[ \t]*$")
"""'dr aziz at ...', 'the pa tesfaye at ...': a clinician named just before the slot."""
_HEAD_AHEAD = re.compile(
    r"(?:[ \t]+" + _W + r"){0,1}[ \t]+(?:" + "|".join(
        sorted((w.lower() for w in _FACILITY_HEADS | _ORG_SUFFIXES), key=len, reverse=True))
    + r")(?![A-Za-z])")
"""A facility or organization word among the next two words ('pine haven care')."""
_INTRO_FROM = re.compile(r"[ \t]*(?:(?:hi|hey|hello)[ \t,!]+)?(?:(?:this[ \t]+is|its|it's|"
                         r"it’s|i'm|im|i’m)[ \t]+)?" + _W + r"[ \t]*")
"""A message that opens with a name and 'from': '<name> from <town>: ...'."""
_BE = frozenset({"was", "were", "been", "is", "am", "are", "stayed", "staying"})
_CLOSED = re.compile(r"[ \t]*(?:[?,.!;:)]|$)")
_ROLE_BEFORE = re.compile(r"(?<![a-z])(?:" + _REL_ROLE + r"|caregivers?)s?[ \t]*$")
"""'the aide from <x>', 'a nurse at <x>': a role word right before the preposition."""
