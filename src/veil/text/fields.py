"""Field names and their values: which PHI type a field name marks, and whether a value
has the minimal shape of that type.

Structured data pasted into notes (tables, JSON, XML, key=value dumps; see
`veil.text.structured`) says what a value is through its field name. `classify` maps a
field name ('Last Name', 'pt_dob', 'Member ID') to a PHI type through one word table, and
`valid_value` checks a value for its type's minimal shape (a date has a date's digits, a
phone seven digits, a person no digits, not only clinical words and no condition, scale
or test name such as 'Braden Scale', an identifier a digit), so that a drug, lab or
vitals table yields nothing: fail closed on identifier fields, no flood elsewhere.
Placeholders ('N/A', '[REDACTED]', '(pending)') are no values.

Insurers are never PHI: only the member, subscriber, policy and group numbers are, so a
payer, insurer, carrier or plan-name field maps to nothing, and a plan's product name
('PPO 2500') is no identifier. Nothing here logs, prints or raises with text content.
"""

from __future__ import annotations

import re
from functools import lru_cache

from veil.text.lexicon import FUNCTION_WORDS, MONTH_WORDS, Lexicon, fold
from veil.text.spans import PhiType
from veil.text.words import is_english

__all__ = ["by_shape", "classify", "digits", "is_field_name", "is_header_cell", "label_words",
           "names_a_thing", "only_vocabulary", "person_cell", "valid_value"]

_MAX_CELL = 200
_MAX_LABEL = 48

# --- the word table -------------------------------------------------------------------

_LABEL_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+|#")
_FILLER = frozenset({"no", "num", "number", "nbr", "nr", "of", "the", "s", "#", "and", "or",
                     "a", "to", "for", "on", "at", "in", "is", "e", "1", "2", "3"})
_NUMBER_WORDS = frozenset({"id", "no", "num", "number", "nbr", "nr", "#", "identifier"})
_VETO = frozenset({
    "weight", "height", "length", "count", "dose", "dosage", "doses", "strength", "qty",
    "quantity", "amount", "score", "rate", "level", "range", "ref", "reference", "unit",
    "units", "type", "category", "class", "status", "flag", "method", "route", "frequency",
    "freq", "sig", "interpretation", "organism", "history", "hx", "description", "desc",
    "comment", "comments", "note", "notes", "reason", "indication", "diagnosis", "dx", "icd",
    "cpt", "loinc", "snomed", "ndc", "rxnorm", "size", "volume", "temperature", "temp", "bp",
    "pulse", "bmi", "duration", "interval", "sex", "gender", "race", "ethnicity", "language",
    "religion", "marital", "state", "country", "place", "code", "value", "values", "prefix",
    "suffix", "title", "use", "system", "room", "bed", "floor", "ward", "eligible",
    "eligibility", "relationship", "relation", "area", "display", "lot", "expiration", "day",
    "days", "time", "hour", "hours", "minutes", "age", "years", "yrs", "yr", "yo", "y",
})
"""Words of a measurement, a code or a category: a field with one is never an identifier
(except the few compounds `_TYPED` checks first: 'zip code', 'date of birth', 'age')."""
_THING = frozenset({
    "drug", "drugs", "medication", "medications", "med", "meds", "medicine", "rx", "test",
    "tests", "lab", "labs", "panel", "component", "analyte", "product", "brand", "generic",
    "item", "procedure", "study", "file", "field", "column", "document", "form", "vaccine",
    "immunization", "allergen", "allergy", "substance", "antibiotic", "program", "protocol",
    "trial", "service", "department", "problem", "condition", "result", "results", "image",
    "series", "report", "template", "question", "answer", "survey", "task", "insurance",
    "plan", "payer", "organism", "specialty", "role", "team", "group",
})
"""Words of a thing, not a person: 'drug name', 'test ID', 'plan name' are no identifiers."""
ROLE_PERSON = frozenset({
    "observer", "counselor", "counsellor", "worker", "caseworker", "prescriber", "athlete",
    "candidate", "participant", "employee", "owner", "sitter", "aide", "cna", "lpn", "lvn",
    "paramedic", "emt", "medic", "chw", "promotora", "advocate", "coach", "trainer",
    "chaplain", "dietitian", "adjuster", "attorney", "officer", "deputy", "driver", "infant",
    "newborn", "baby"})
"""Person words of a column that as often holds a role, a group or a kind ('Owner: Social
Work', 'Infant: Baby Girl'): its cells need a name's own evidence (`named_cell`)."""
_PERSON = frozenset({
    "patient", "patients", "pt", "pts", "name", "names", "first", "given", "last", "surname",
    "surnames", "family", "middle", "initial", "initials", "fname", "lname", "mname",
    "firstname", "lastname", "givenname", "familyname", "fullname", "full", "legal",
    "preferred", "maiden", "nickname", "alias", "aka", "guardian", "parent", "parents",
    "mother", "father", "mom", "dad", "spouse", "partner", "husband", "wife", "son",
    "daughter", "child", "sibling", "brother", "sister", "relative", "contact", "emergency",
    "next", "kin", "nok", "caller", "member", "subscriber", "insured", "policyholder",
    "holder", "guarantor", "resident", "client", "student", "person", "provider",
    "physician", "doctor", "dr", "md", "attending", "pcp", "primary", "care", "nurse", "rn",
    "surgeon", "clinician", "practitioner", "author", "referring", "referred", "referrer",
    "ordering", "ordered", "by", "admitting", "consulting", "consultant", "treating",
    "signer", "signed", "signature", "witness", "interpreter", "caregiver", "therapist",
    "pharmacist", "dentist", "midwife", "technician", "tech", "performer", "reviewer",
    "informant", "poa", "proxy", "agent", "representative", "surrogate", "donor",
    "recipient", "responsible", "party", "patientname", "ptname", "seen", "verified",
    "verifier", "checked", "checker", "witnessed", "cosigned", "initialed", "staff",
}) | ROLE_PERSON
"""Words of a person's name field: a label made only of these (and fillers) is a NAME."""
_DONE = frozenset({"administered", "entered", "documented", "collected", "performed",
                   "reviewed", "dispensed", "filled", "obtained", "drawn", "completed",
                   "recorded", "charted", "scanned", "released"})
"""What was done: with 'by' a person's column ('Filled by'), alone a date's ('Collected')."""
_FACILITY = frozenset({"facility", "hospital", "clinic", "pharmacy", "practice",
                       "organization", "organisation", "institution", "agency", "school",
                       "snf", "hospice", "employer"})
_FACILITY_WITH = frozenset({"name", "referring", "admitting", "preferred", "primary",
                            "current", "previous", "prior", "discharge", "nursing", "home",
                            "care", "treating", "receiving", "sending"})
_STRONG_DATE = frozenset({"date", "dob", "dod", "birth", "birthdate", "birthday", "bday",
                          "dt", "deceased", "died", "death", "born"})
_WEAK_DATE = frozenset({"admit", "admitted", "admission", "discharge", "discharged", "visit",
                        "dos", "seen", "appointment", "appt", "issued", "start", "end",
                        "onset", "expired", "due", "fill", "filled", "refill", "refilled",
                        "draw", "doi", "shipped", "mailed"})
_WEAK_DATE_WITH = frozenset({"next", "last", "first", "prior", "previous", "initial",
                             "follow", "up", "on", "of"})

_TYPED: tuple[tuple[frozenset[str], PhiType], ...] = (
    (frozenset({"email", "mail", "mailto"}), PhiType.EMAIL),
    (frozenset({"ip", "ipv4", "ipv6", "ipaddress"}), PhiType.IP),
    (frozenset({"url", "uri", "website", "web", "homepage", "link", "href"}), PhiType.URL),
    (frozenset({"fax", "facsimile"}), PhiType.FAX),
    (frozenset({"phone", "telephone", "tel", "mobile", "cell", "cellphone", "pager",
                "beeper", "telecom", "phonenumber"}), PhiType.PHONE),
    (frozenset({"ssn", "social", "socsec", "ssan"}), PhiType.SSN),
    (frozenset({"mrn", "chart", "record", "medrec", "mrno"}), PhiType.MRN),
    (frozenset({"plate"}), PhiType.PLATE),
    (frozenset({"vin"}), PhiType.VIN),
    (frozenset({"zip", "zipcode", "postal", "postcode", "postalcode"}), PhiType.ZIP),
    (frozenset({"county", "parish", "borough", "district"}), PhiType.COUNTY),
    (frozenset({"city", "town", "municipality", "village"}), PhiType.CITY),
    (frozenset({"address", "addr", "street", "streetaddress"}), PhiType.ADDRESS),
)
"""Label words that decide the type whatever else the label says, in priority order."""
_ALWAYS = frozenset({"zip", "zipcode", "postal", "postcode", "postalcode", "dob",
                     "birthdate", "mrn", "ssn", "email", "phone", "fax"})
"""Words that win over a veto word ('zip code', 'DOB type' stays a date)."""
_MEASURE = frozenset({"weight", "height", "length", "count", "dose", "dosage", "strength",
                      "qty", "quantity", "amount", "score", "rate", "level", "size", "volume",
                      "temperature", "temp", "bp", "pulse", "bmi", "place", "order", "age"})
"""Veto words that even a date word does not override ('birth weight', 'place of birth')."""
_ADDRESS_PARTS = (frozenset({"address", "addr", "street"}), frozenset({"city", "town"}),
                  frozenset({"zip", "zipcode", "postal", "postcode"}))
_USER = frozenset({"user", "username", "userid", "login", "handle", "screenname"})
_LICENSE = frozenset({"license", "licence", "lic", "npi", "dea", "upin", "certificate"})
_DEVICE = frozenset({"serial", "sn", "udi", "imei", "device", "mac"})
_ACCOUNT = frozenset({"account", "acct", "acc", "fin", "csn", "encounter", "billing",
                      "claim", "invoice", "har"})
_PLAN = frozenset({"member", "subscriber", "policy", "group", "insurance", "plan", "payer",
                   "medicaid", "medicare", "beneficiary", "hic", "hicn", "mbi"})
_PLAN_ALONE = frozenset({"policy", "mbi", "hicn", "medicaid", "medicare"})
_INSURER = frozenset({"payer", "payor", "insurer", "carrier", "underwriter"})
"""Words of the insurer itself: its name, phone or payer ID is no patient's identifier."""
_INSURED = frozenset({"member", "subscriber", "policy", "group", "beneficiary", "insured",
                      "policyholder", "holder", "mbi", "hicn", "hic"})
"""Words of the insured person: with one, an insurer's field names the member ('Payer Member
ID')."""
_OTHER_FIELDS = frozenset({"allergies", "insurance", "coverage", "copay", "deductible",
                           "problems", "diagnoses", "procedures", "vitals"})
"""Field names of a record that mark no PHI (with `_THING` and `_VETO`): labels all the same."""
_FIELD_WORDS = _THING | _VETO | _INSURER | _OTHER_FIELDS | _PERSON
_IDS = frozenset({"id", "identifier", "uid", "uuid", "guid", "ident", "accession"})
_AGE = frozenset({"age", "years", "yrs", "yr", "y", "yo", "old", "current"})


def label_words(label: str) -> list[str]:
    """The lower-case words of a field name: split on blanks, '_', '.', '-' and camelCase."""
    return [w.lower() for w in _LABEL_WORD.findall(label)]


def is_field_name(label: str) -> bool:
    """Whether a cell is a field name, PHI or not ('MRN', 'VIN (MVC)', 'Insurance',
    'Allergies'): in a table of label/value pairs, such cells are labels, never values."""
    if not 1 < len(label) <= _MAX_LABEL:
        return False  # 'Y', 'M': a one-letter cell is an answer, not a field
    words = label_words(label)
    return bool(words) and len(words) <= 6 and (classify(label) is not None or bool(
        {w for w in words if len(w) > 1} & (_THING | _VETO | _INSURER | _OTHER_FIELDS)))


def is_header_cell(value: str) -> bool:
    """Whether a cell is a column label rather than a value: a field name all of whose
    words are field words ('Relationship', 'Phone Number'; not 'Rose Day', a name with one
    veto word). A row of pairs whose value cell is one is a header row."""
    if not is_field_name(value):
        return False
    content = [w for w in label_words(value) if w not in _FILLER]
    return bool(content) and all(
        classify(w) is not None or w in _FIELD_WORDS for w in content)


def names_a_thing(label: str) -> bool:
    """Whether a field name has a word of a thing, a measurement or a category ('medication',
    'dose', 'code'): what such a field holds is not a person."""
    return bool(set(label_words(label)) & (_THING | _VETO))


@lru_cache(maxsize=4096)
def classify(label: str) -> PhiType | None:
    """The PHI type a field name (header cell, JSON key, XML tag, key of key=value) marks,
    or None. Cached: a document repeats its few field names."""
    if len(label) > _MAX_LABEL:
        return None
    raw = label_words(label)
    if not raw or len(raw) > 6:
        return None
    words = set(raw)
    content = [w for w in raw if w not in _FILLER]
    if not content or (words & _INSURER and not words & _INSURED):
        return None
    if words & _VETO and not words & _ALWAYS:
        if set(content) <= _AGE and "age" in words:
            return PhiType.AGE
        if not words & _STRONG_DATE or words & _MEASURE:
            return None
    if sum(1 for part in _ADDRESS_PARTS if words & part) >= 2:
        return PhiType.ADDRESS  # 'City/State/Zip', 'Street, City'
    for keys, phi in _TYPED:
        if words & keys:
            if phi is PhiType.ADDRESS and words & _THING:
                return None
            return phi
    return _by_role(raw, words, set(content))


def _by_role(raw: list[str], words: set[str], content: set[str]) -> PhiType | None:
    """The second half of `classify`: the field names whose words need each other."""
    if words & _STRONG_DATE:
        return PhiType.DATE
    if words & _USER or ("screen" in words and "name" in words):
        return PhiType.ID
    if words & _LICENSE:
        return PhiType.LICENSE
    if words & _DEVICE:
        return PhiType.DEVICE if not words & _THING else None
    if words & _ACCOUNT or ("visit" in words and words & _IDS):
        return PhiType.ACCOUNT
    if words & _PLAN and (words & _NUMBER_WORDS or words & _PLAN_ALONE):
        return PhiType.HEALTH_PLAN
    if content & _WEAK_DATE and content <= _WEAK_DATE | _WEAK_DATE_WITH and "by" not in words:
        return PhiType.DATE
    if words & _THING:
        return None
    if "by" in words and content <= _PERSON | _DONE:
        return PhiType.NAME  # 'Filled by', 'Entered by'
    if content & _FACILITY and content <= _FACILITY | _FACILITY_WITH:
        return PhiType.FACILITY
    if words & _IDS:
        return PhiType.ID
    if content <= _PERSON:
        return PhiType.NAME
    return None


# --- values ---------------------------------------------------------------------------

_PLACEHOLDERS = frozenset({
    "", "n/a", "na", "n.a.", "none", "unknown", "unk", "-", "--", "---", "—", "–", "?",
    "??", "null", "nil", "nan", "redacted", "[redacted]", "<redacted>", "(redacted)", "***",
    "**", "*", "tbd", "not available", "not applicable", "declined", "not given",
    "not provided", "none on file", "on file", "yes", "no", "true", "false", "same", "self",
    "see above", "see below", "pending", "...", "x", "xx", "xxx", "open-ended", "ongoing",
    "not recorded",
})
_BRACKETED = re.compile(r"[(\[]([^()\[\]]{0,40})[)\]]")
"""A value wholly in brackets: '(open-ended)', '(none)', '[pending]', '(N/A)'."""
_PRODUCT = re.compile(r"(?:^|[ \t])[A-Za-z]{3,}(?=[ \t]|$)")
"""A word of letters alone in a plan value ('PPO 2500', 'Gold 80 HMO'): a product name."""
_TAG = re.compile(r"[\[<{(]+[A-Z0-9_ \-]{1,30}[\]>})]+|[*xX#._\-]+")
"""An already-scrubbed tag ('[NAME]', '<PHONE_2>') or a mask ('****', 'xxxx')."""
_DIGIT = re.compile(r"[0-9]")
_DATE_SHAPE = re.compile(
    r"(?<![0-9.])(?:[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-][0-9]{2,4}|[0-9]{4}[/.\-][0-9]{1,2}"
    r"|[0-9]{1,2}/[0-9]{1,2})(?![0-9.])|(?<![0-9])[0-9]{8}(?:[0-9]{4,6})?(?![0-9])|(?i:(?:jan|feb|mar|"
    r"apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?[ \t]*[0-9]|[0-9][ \t\-]*(?:jan|feb|mar|"
    r"apr|may|jun|jul|aug|sep|oct|nov|dec))")
_AGE_VALUE = re.compile(r"([0-9]{2,3})\+?[ \t]*(?:y|yo|y/o|yr|yrs|years?(?:[ \t]+old)?)?\.?",
                        re.IGNORECASE)
_ZIP_VALUE = re.compile(r"[0-9]{3,5}(?:-[0-9]{4})?|[A-Za-z0-9]{2,4}[ \-]?[A-Za-z0-9]{2,4}")
_IP_VALUE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:]+")
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’.\-]*(?:['’.\-][^\W\d_]+)*")
_SSN_SHAPE = re.compile(r"[0-9]{3}-[0-9]{2}-[0-9]{4}")
_EMAIL_SHAPE = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
_URL_SHAPE = re.compile(r"(?i:https?://|www\.)\S+")


def digits(value: str) -> int:
    return len(_DIGIT.findall(value))


def _placeholder(value: str) -> bool:
    """An empty or masked value, or a yes/no answer: never PHI, never marked."""
    key = value.casefold()
    if key in _PLACEHOLDERS or _TAG.fullmatch(value) is not None:
        return True
    bracketed = _BRACKETED.fullmatch(value)
    if bracketed is None:
        return False
    inner = bracketed.group(1).strip()
    # a lower-case note in brackets ('(open-ended)', '(not on file)'), never a name or number
    return inner.casefold() in _PLACEHOLDERS or (inner == inner.lower() and _DIGIT.search(
        inner) is None)


def only_vocabulary(value: str, lexicon: Lexicon) -> bool:
    """Every word is clinical vocabulary, a heading/function word or a month: a drug or a
    term under a 'name' field, not a person."""
    found = _NAME_WORD.findall(value)
    return bool(found) and all(
        lexicon.is_clinical(k) or k in FUNCTION_WORDS or k in MONTH_WORDS
        for k in (fold(w) for w in found))


_HEAD_NOUNS = frozenset({
    "disease", "diseases", "syndrome", "syndromes", "lymphoma", "lymphomas", "carcinoma",
    "carcinomas", "cancer", "cancers", "sarcoma", "leukemia", "leukaemia", "tumor", "tumour",
    "scale", "scales", "score", "scores", "index", "criteria", "criterion", "test", "tests",
    "panel", "panels", "level", "levels", "deficiency", "disorder", "disorders", "infection",
    "infections", "fracture", "fractures", "injury", "injuries", "palsy", "sign", "signs",
    "maneuver", "manoeuvre", "classification", "toxicity", "failure", "insufficiency",
    "anemia", "anaemia", "assay", "screen", "questionnaire", "inventory", "assessment",
    "reflex", "phenomenon", "ulcer", "aneurysm", "neuropathy", "dystrophy", "encephalopathy",
    "myopathy", "stenosis", "regurgitation", "malformation", "anomaly", "virus", "vaccine",
})
"""Last words of a disease, a scale or a test ('Parkinson Disease', 'Hodgkin lymphoma',
'Braden Scale'): under a 'name' field such a value names the condition, not a person."""
_ROLE_WORDS = frozenset({
    "shift", "pool", "nurse", "intern", "staff", "consult", "hospitalist", "physician", "order",
    "auto", "triage", "clinic", "fellow", "float", "resident", "pharmacy", "team", "service",
    "provider", "department", "unit", "verbal", "system", "health", "attending", "on-call",
    "charge", "emergency", "night", "day", "evening", "agency", "registry", "student", "tech",
    "technician", "therapist", "home", "desk", "office", "lab", "laboratory", "radiology",
    "protocol", "standing", "telephone", "phone", "self", "patient", "family", "unknown",
    "security", "safety", "services", "housekeeping", "interface", "device", "support",
    "educator", "monitor", "sitter", "parent", "teacher", "twin", "sonographer", "phlebotomy",
    "venipuncture", "epic", "cpoe", "autoverified", "video", "public", "peer", "ombudsman",
    "environmental", "bathing", "ambulation", "cath", "straight", "mht", "bht", "aide",
    "neighbor", "stray", "intake", "group", "subject", "control", "overnight", "baby", "girl",
    "boy", "freshman", "senior", "varsity", "housekeeper", "facilitator", "restrained",
    "mornings", "vascular", "access", "social", "work"})
"""Words of a role, a service or a shift in a person's column ('Night Shift', 'Float Pool',
'Charge Nurse', 'Verbal Order', 'Home Health'): no person's name."""
_STATUS_WORDS = frozenset({
    "stable", "unstable", "improving", "improved", "worse", "worsening", "better",
    "unchanged", "pending", "discharged", "admitted", "transferred", "critical", "guarded",
    "fair", "good", "poor", "serious", "deceased", "expired", "resolved", "resolving",
    "declining", "awaiting", "ready", "boarding", "holding", "sleeping", "comfortable",
    "intubated", "extubated", "sedated", "ambulating", "npo", "dnr", "dni", "confused",
    "agitated", "ok", "same", "active", "inactive", "new", "off", "on",
})
"""Words of a patient's status on a board ('stable', 'improving'): never a name cell."""
_TERM_SHAPE = ("MAB", "NIB", "LIMUS", "MYCIN", "CILLIN", "PRIL", "OLOL", "STATIN", "EMIA",
               "ITIS", "OSIS", "OMA", "NIN", "ASE")
"""Endings of drug stems and lab or disease terms ('tacrolimus', 'troponin', 'lipase')."""


def _clinical_phrase(words: list[str], lexicon: Lexicon) -> bool:
    """A condition, scale or test: the last word is a clinical head noun ('Braden Scale'),
    or a head noun follows an eponym or a clinical word ('Crohn disease flare')."""
    lower = [w.lower().rstrip(".") for w in words]
    if lower[-1] in _HEAD_NOUNS and (len(words) > 1 or lexicon.is_clinical(fold(words[-1]))):
        return True
    return any(word in _HEAD_NOUNS and (lexicon.is_clinical(key) or lexicon.is_clinical(
        key.removesuffix("S"))) for key, word in zip(map(fold, words), lower[1:], strict=False))


def role_column(label_words_: set[str]) -> bool:
    """A person's column named by a role or a kind of person (`ROLE_PERSON`)."""
    return bool(label_words_ & ROLE_PERSON)


_INITIALS_CELL = re.compile(r"[A-Z]{2,3}|(?:[A-Z]\.[ ]?){2,3}")


def named_cell(value: str, lexicon: Lexicon) -> bool:
    """A cell that names someone by its own evidence: initials, a dictionary name that is no
    everyday word, or a word no English dictionary holds ('JH', 'Okafor'; not 'Social Work',
    'Baby Girl', 'Overnight')."""
    if _INITIALS_CELL.fullmatch(value.strip()):
        return True
    for word in _NAME_WORD.findall(value):
        key = fold(word)
        if (lexicon.is_name(key) and not lexicon.blocks_alone(key)) or not is_english(key):
            return True
    return False


def person_cell(value: str, lexicon: Lexicon) -> bool:
    """Whether a table cell under a person's column looks like a person's name: no clinical
    word (an eponym written as a name, 'Parkinson', stays), no word shaped like a drug or a
    lab ('Tacrolimus', 'troponin'; a dictionary name is kept: 'Chase'), no status word
    ('stable', 'improving'), and no lower-case English word ('Afib with RVR', 'troponin
    leak'; particles such as 'van', 'de' are kept). A board's 'Patient' column often
    holds the problem, not the person."""
    words = _NAME_WORD.findall(value)
    if any(word.lower() in _ROLE_WORDS for word in words) and not all(
            lexicon.is_name(fold(word)) and not is_english(fold(word)) for word in words):
        return False
    for word in words:
        key = fold(word)
        named = lexicon.is_name(key) and word[:1].isupper()
        if word.lower() in _STATUS_WORDS and not (named and not word.isupper()):
            return False  # 'stable', 'IMPROVING'; 'Good' may be a surname
        if lexicon.is_clinical(key) and not (named and key in lexicon.eponyms):
            return False
        if not named and len(key) >= 5 and key.endswith(_TERM_SHAPE):
            return False
        if (word.islower() and len(word) > 2 and key not in lexicon.particles
                and key not in FUNCTION_WORDS and is_english(key)):
            return False
    return True


def valid_value(value: str, phi: PhiType, lexicon: Lexicon, label: str) -> bool:
    """Whether a field's value has the minimal shape of its type (see the module docstring).
    An ID needs a digit unless its field names a user ('login': 'jdoe'): an element id
    ('id="risk-models"') or a FHIR resource id ('example') is a name, not an identifier.
    A plan value with a word of letters and fewer than five digits is a product ('PPO 2500').
    """
    if len(value) > _MAX_CELL or _placeholder(value):
        return False
    if phi is PhiType.NAME:
        words = _NAME_WORD.findall(value)
        return (bool(words) and len(words) <= 6 and len(value) <= 80
                and _DIGIT.search(value) is None and "@" not in value
                and not only_vocabulary(value, lexicon) and not _clinical_phrase(words, lexicon))
    if phi is PhiType.DATE:
        return _DATE_SHAPE.search(value) is not None
    if phi is PhiType.AGE:
        match = _AGE_VALUE.fullmatch(value)
        return match is not None and 89 < int(match.group(1)) < 130
    if phi in (PhiType.PHONE, PhiType.FAX):
        return 7 <= digits(value) <= 15
    if phi is PhiType.SSN:
        return 4 <= digits(value) <= 9
    if phi is PhiType.EMAIL:
        return _EMAIL_SHAPE.fullmatch(value) is not None
    if phi is PhiType.URL:
        return " " not in value and ("." in value or "/" in value)
    if phi is PhiType.IP:
        return _IP_VALUE.fullmatch(value) is not None
    if phi is PhiType.ZIP:
        return _DIGIT.search(value) is not None and _ZIP_VALUE.fullmatch(value) is not None
    if phi in (PhiType.CITY, PhiType.COUNTY, PhiType.FACILITY):
        return (len(value) <= 80 and _NAME_WORD.search(value) is not None
                and not only_vocabulary(value, lexicon))
    if phi is PhiType.ADDRESS:
        return _NAME_WORD.search(value) is not None or digits(value) > 0
    if phi is PhiType.ID:
        return len(value) <= 64 and (digits(value) > 0 or (
            " " not in value and len(value) >= 2 and bool(set(label_words(label)) & _USER)))
    if phi is PhiType.HEALTH_PLAN and digits(value) < 5 and _PRODUCT.search(value):
        return False
    return digits(value) > 0 and len(value) <= 64  # MRN, account, plan, licence, plate...


def by_shape(value: str) -> PhiType | None:
    """The type of a contact point or identifier value whose field says only 'value'."""
    if _EMAIL_SHAPE.fullmatch(value):
        return PhiType.EMAIL
    if _URL_SHAPE.match(value):
        return PhiType.URL
    if _SSN_SHAPE.fullmatch(value):
        return PhiType.SSN
    return None
