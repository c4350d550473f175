"""The state every place rule shares, and the tests for words that cannot name a place.

`_PlaceBase` holds the lexicon and the memo of `_plain` (an everyday or descriptive word,
no naming word); the rule families of this package (facilities, practices and brands,
cities, lower-case chat) are mixins on it, joined in
`veil.text.places.finder.PlaceFinder`.
"""

from __future__ import annotations

import re

from veil.text.lexicon import FUNCTION_WORDS, MONTH_WORDS, Lexicon, fold
from veil.text.places.vocabulary import (
    _COUNTRIES,
    _GENERIC,
    _SERVICE_END,
    _SERVICE_WORDS,
    _SERVICES,
    _UNITS,
    COUNTRY_OR_REGION,
)
from veil.text.words import is_english

_PLAIN_WORDS = frozenset({
    "LIPID", "STUDENT", "EMPLOYEE", "OCCUPATIONAL", "NUTRITION", "LACTATION", "NEUROSURGERY",
    "INTERVENTIONAL", "CATH", "TELEMETRY", "STAFF", "WELLNESS", "WOMENS", "MENS", "CHILDRENS",
    "ADOLESCENT", "YOUTH", "TEEN", "GERIATRIC", "SENIOR", "VASCULAR", "VEIN", "BARIATRIC",
    "COAGULATION", "ANTICOAGULATION", "COUMADIN", "WARFARIN", "INR", "CHF", "HF", "COPD",
    "DIABETIC", "OSTOMY", "CONTINENCE", "BREAST", "PROSTATE", "COLORECTAL", "LUNG", "LIVER",
    "KIDNEY", "HEADACHE", "SEIZURE", "MOVEMENT", "DISORDERS", "CARDIAC", "INFUSION",
    "TRANSFUSION", "APHERESIS", "INJECTION", "VACCINE", "IMMUNIZATION", "TRAVEL", "EXPRESS",
    "PROCEDURE", "PROCEDURES", "DAY", "SAME", "WALK-IN", "AFTER-HOURS", "NIGHT", "WEEKEND",
    "ROUTINE", "HEALTHY", "MAINTENANCE", "MAIL", "ORDER", "DAILY", "WEEKLY", "MONTHLY",
    "ANNUAL", "YEARLY", "REGULAR", "SCHEDULED", "PLANNED", "INITIAL", "FULL", "BASIC",
    "ADULT", "ADULTS", "CLINICAL", "TRANSLATIONAL", "BIOMEDICAL", "NURSING", "PATIENT",
    "RESEARCH", "LIBRARY", "COLLECTIVE", "DENTISTRY", "PERIODONTICS", "ENDODONTICS",
    "ORTHODONTICS", "PROSTHODONTICS", "CORRECTIONAL", "DETENTION", "COMPLEX", "POLICE",
    "COURT", "SUPERIOR", "DISTRICT", "CIRCUIT", "BANK", "FOOD", "BLOOD", "TISSUE", "MILK",
    "SPERM", "CORD", "BONE", "MARROW", "EQUIPMENT", "PROTECTIVE", "SOCIAL", "HUMAN",
    "SUPPORT", "COMPOUNDING", "PALLIATIVE", "FIRE", "LEGAL", "DEFENDER", "PUBLIC",
    "DME", "INSURANCE", "MUTUAL", "PLAN", "STATION", "MORTUARY", "FUNERAL", "CEMETERY",
    "DONOR", "EDUCATION", "STEM", "CELL", "OUTCOMES", "STERILE",
    "EXPOSURE", "SECURITY", "BEGAN", "STARTED", "ATTENDS", "RESOURCE", "MEDICAL",
    "ROMAN", "GYM", "FITNESS", "PHYSIO", "PHYSIOTHERAPY", "CATHOLIC", "ADVICE",
    "AGED", "SOBER", "OPIOID", "METHADONE", "ADDICTION", "MOBILE", "CRISIS", "OUTREACH",
    "RESPITE", "BEHAVIORAL", "SUPPLY", "FAILURE", "LIAISON", "CONSULTATION", "PULMONARY",
    "CARDIOVASCULAR", "ORTHOPEDICS", "ORTHOPAEDICS", "PODIATRY", "CHIROPRACTIC", "TRAUMA",
    "GYN", "GYNE", "GYNAE", "GYNO", "OBGYN", "NEURO", "HEME", "ONC", "PEDS", "PEDI", "URO",
    "CARDS", "PULM", "ENDO", "RHEUM", "NEPHRO", "DERM", "ORTHO", "PSYCH", "SURG", "HEPATOLOGY",
    "THORACIC", "TRANSPLANT", "SARCOMA", "MOLECULAR", "GENETICS", "GENOMICS", "SPORTS",
    "TRIAGE", "LOCAL", "RISK", "GUT", "BOWEL", "ESOPHAGEAL", "NURSE", "LINE", "COMFORT",
    "INN", "HOTEL", "MOTEL", "SUITES", "TRANSIT", "COOPERATIVE", "LAUNDROMAT",
    "GROCERY", "SUPERMARKET", "FUEL", "AID", "ELDER", "GUEST", "OTP", "ISD", "RX",
    "HH", "IMMIGRATION",
})
"""Words of service and clinic names that are no proper name ('Lipid Clinic')."""
_ADJECTIVE_SHAPE = re.compile(r"(?:AL|IVE|OUS|ENT|IC|ARY|ATIC|ABLE|IBLE)$")
"""An English adjective ('Peritoneal', 'Emergent', 'Residential') names no facility."""
_LANDSCAPE_ADJECTIVES = frozenset({"COASTAL", "INTRACOASTAL", "ALPINE", "COLONIAL",
                                   "ARCTIC", "ATLANTIC", "PACIFIC", "CONTINENTAL",
                                   # adjectives hospitals are named by ('Centennial Medical
                                   # Center', 'Capital Regional', 'Cardinal Glennon')
                                   "CENTENNIAL", "BICENTENNIAL", "CAPITAL", "CARDINAL",
                                   "IMPERIAL", "ROYAL", "CRYSTAL", "TERRITORIAL",
                                   "PRESIDENTIAL", "MERIDIAN", "CATHEDRAL"})
"""Adjectives of a landscape or a history that practices are named with ('Coastal Family
Health Center', 'Alpine Family Medicine'), not a kind of care."""
_PLAIN_END = re.compile(r"(?:OLOGY|IATRY|IATRICS|APY|OLOGIC|OLOGICAL)$")
_BUILDING_WORDS = frozenset({"HALL", "CHURCH", "LODGE", "MANOR", "TOWERS", "COLLEGE"})
"""Facility words that are surnames too ('Hall Cancer Center' is named after a person)."""
_MEMO_MAX = 65536


class _PlaceBase:
    """The lexicon and the memo shared by the place rules."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._plain_seen: dict[str, bool] = {}
        """`_plain` per word, memoized (a bounded vocabulary of capitalized words)."""

    def _plain(self, key: str) -> bool:
        """A word that names a kind of care, not one place ('Anticoagulation Clinic', 'Wound
        Care Center', 'Employee Health'): generic, a service, clinical vocabulary."""
        known = self._plain_seen.get(key)
        if known is None:
            if len(self._plain_seen) > _MEMO_MAX:
                self._plain_seen.clear()
            known = self._plain_seen[key] = self._plain_word(key)
        return known

    def is_plain(self, key: str) -> bool:
        """Public `_plain`: a folded word that names a kind of care or is everyday vocabulary,
        never one place (a generic facility word, a service, clinical vocabulary)."""
        return self._plain(key)

    def _plain_word(self, key: str) -> bool:
        lex = self.lex
        if key in _GENERIC:
            return True
        if key in lex.places or "-" in key:
            return False  # 'Normal General Hospital', 'WELLS-FOLEY CLINIC'
        return (key in _SERVICE_WORDS or key in _PLAIN_WORDS or key in lex.drugs
                or key in lex.clinical or key in lex.not_name or bool(_PLAIN_END.search(key))
                or bool(_ADJECTIVE_SHAPE.search(key) and is_english(key)
                        and key not in _LANDSCAPE_ADJECTIVES))

    def _facility_blocked(self, key: str) -> bool:
        """A word that cannot start or end a facility name found by context alone."""
        lex = self.lex
        return (key in FUNCTION_WORDS or key in _GENERIC or key in _UNITS or key in _SERVICES
                or key in MONTH_WORDS or key in lex.not_name or key in lex.titles
                or lex.is_clinical(key) or len(key) < 2 or bool(_SERVICE_END.search(key))
                or ("-" in key and (key.replace("-", "") in _SERVICES or any(
                    self._facility_blocked(part) for part in key.split("-") if part))))

    def _named_building(self, words: list[str]) -> bool:
        """'Hall Cancer Center', 'CHURCH MEMORIAL HOSPITAL': a building word that is also a
        surname, first and followed by other facility words, names the facility."""
        return len(words) >= 2 and words[0] in _BUILDING_WORDS and words[0] in self.lex.last

    def _of_town(self, tail: str) -> bool:
        """' of Kalamazoo', ' of the Twin Cities': the words after 'of' are a gazetteer town
        (not a state or a country)."""
        words = re.findall(r"[A-Za-z'’.\-]+", tail)[1:]
        if words and words[0] == "the":
            words = words[1:]
        lex = self.lex
        for n in range(len(words), 0, -1):
            whole = fold(" ".join(words[:n]))
            if whole in lex.places and whole not in lex.states and whole not in _COUNTRIES \
                    and whole not in COUNTRY_OR_REGION:
                return True
        return False
