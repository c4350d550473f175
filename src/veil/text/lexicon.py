"""The word sets the text recognizers look words up in, loaded once per process.

Names and places are the scanner's shipped lists (`veil.detect.vocab`: Census and
Faker first names and surnames, GeoNames places of 5,000+ people), plus the names of
every other Faker locale (romanized Chinese, Japanese and Korean, transliterated
Cyrillic; `names_{first,last}_extra.txt`, made by tools/make_text_names.py) and the US
places of phonenumbers' geocoding data (`us_places_extra.txt`, `us_place_words.txt`, made
by tools/make_text_places.py); the text
lists under `veil/data/text/` add what running text needs: names that are also
everyday words (need name context), and the clinical vocabulary that must
survive (eponyms, drugs, genes, scores, lab abbreviations, units) plus a small
nickname table for known-name expansion. All sets hold upper-case words
without apostrophes; lookups are O(1).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from veil.detect import vocab


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """The lookup key of a word: ASCII-folded, upper-case, apostrophes and periods dropped."""
    if not word.isascii():
        word = "".join(c for c in unicodedata.normalize("NFKD", word)
                       if not unicodedata.combining(c))
    return word.upper().replace("'", "").replace("’", "").replace(".", "")


def _lines(name: str) -> list[str]:
    text = resources.files("veil").joinpath(f"data/text/{name}").read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


MONTH_WORDS = frozenset({
    "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER",
    "OCTOBER", "NOVEMBER", "DECEMBER", "JAN", "FEB", "MAR", "APR", "JUN", "JUL", "AUG", "SEP",
    "SEPT", "OCT", "NOV", "DEC", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
    "SATURDAY", "SUNDAY", "MON", "TUE", "TUES", "WED", "THU", "THUR", "THURS", "FRI", "SAT",
    "SUN", "SPRING", "SUMMER", "FALL", "AUTUMN", "WINTER", "CHRISTMAS", "EASTER",
    "THANKSGIVING", "HALLOWEEN",
})

FUNCTION_WORDS = frozenset({
    "A", "AN", "THE", "AND", "OR", "BUT", "IF", "OF", "IN", "ON", "AT", "TO", "FOR", "WITH",
    "FROM", "BY", "AS", "IS", "WAS", "ARE", "WERE", "BE", "BEEN", "HE", "SHE", "HIS", "HER",
    "HIM", "THEY", "THEM", "THEIR", "WE", "OUR", "YOU", "YOUR", "I", "ME", "MY", "IT", "ITS",
    "THIS", "THAT", "THESE", "THOSE", "NO", "NOT", "NONE", "YES", "PER", "VIA", "ALSO", "THEN",
    "VERSUS", "VS", "AMONGST", "WHILST", "TOWARDS", "WITHOUT", "ALTHOUGH", "UNLESS", "WHEREAS",
    "WHEN", "WHILE", "AFTER", "BEFORE", "DURING", "SINCE", "UNTIL", "PATIENT", "PT", "PLAN",
    "HISTORY", "ASSESSMENT", "IMPRESSION", "FINDINGS", "REPORT", "NOTE", "NOTES", "EXAM",
    "DIAGNOSIS", "DIAGNOSES", "MEDICATIONS", "ALLERGIES", "PROCEDURE", "INDICATION",
    "TECHNIQUE", "COMPARISON", "RESULTS", "LABS", "VITALS", "SIGNED", "DICTATED", "DEAR",
    "SINCERELY", "REGARDS", "THANKS", "THANK", "PLEASE", "CONTINUE", "START", "STOP", "HOLD",
    "FOLLOW", "UP", "RETURN", "CALL", "CALLED", "DISCUSSED", "REVIEWED", "SPOKE", "SEEN",
    "DENIES", "REPORTS", "STATES", "NEGATIVE", "POSITIVE", "NORMAL", "STABLE", "IMPROVED",
    "ADMITTED", "DISCHARGED", "TRANSFERRED", "ADMISSION", "DISCHARGE", "CHIEF", "COMPLAINT",
    "PAST", "MEDICAL", "SURGICAL", "SOCIAL", "FAMILY", "PHYSICAL", "REVIEW", "SYSTEMS",
    "PRESENT", "ILLNESS", "COURSE", "HOSPITAL", "CONDITION", "INSTRUCTIONS", "DISPOSITION",
    "GENERAL", "NEURO", "CARDIAC", "PULM", "ABD", "EXT", "SKIN", "PSYCH", "LUNGS", "HEART",
    "ABDOMEN", "EXTREMITIES", "MOTHER", "FATHER", "SON", "DAUGHTER", "WIFE", "HUSBAND",
    "SISTER", "BROTHER", "DR", "MR", "MRS", "MS", "MISS", "PROF", "NEW", "OLD", "MILD",
    "MODERATE", "SEVERE", "LEFT", "RIGHT", "BILATERAL", "ACUTE", "CHRONIC", "TODAY",
    "TOMORROW", "YESTERDAY", "TONIGHT", "WILL", "MAY", "CAN", "COULD", "WOULD", "SHOULD",
    "MUST", "DID", "DOES", "DO", "HAS", "HAVE", "HAD", "LIVES", "ALONE", "HOME", "HERE",
    "THERE", "WHO", "WHAT", "WHERE", "WHY", "HOW", "WHICH", "ANY", "ALL", "SOME", "MOST",
    "OTHER", "SAME", "SUCH", "ONLY", "OVER", "UNDER", "ABOUT", "AROUND", "AGAIN", "NEXT",
    "LAST", "FIRST", "SECOND", "THIRD", "ONE", "TWO", "THREE", "UNIT", "ROOM", "BED",
    "FLOOR", "WARD", "CLINIC", "CENTER", "DEPARTMENT", "SERVICE", "TEAM", "NURSING",
    "PHARMACY", "SOCIALWORK", "CASE", "MANAGEMENT", "TIME", "DATE", "AGE", "SEX", "DOB",
    "MRN", "NAME", "ADDRESS", "PHONE", "FAX", "EMAIL", "CITY", "STATE", "ZIP", "COUNTY",
})
"""Capitalized words of running text and note headings that are never a name part."""


@dataclass(frozen=True)
class Lexicon:
    """Every word set the recognizers use (see the module docstring)."""

    first: frozenset[str]
    last: frozenset[str]
    weak: frozenset[str]
    eponyms: frozenset[str]
    drugs: frozenset[str]
    genes: frozenset[str]
    clinical: frozenset[str]
    places: frozenset[str]
    place_words: frozenset[str]
    """Places named by English words only ('HOPE', 'TEMPLE') and one-word small towns of the
    extra list: a city only in place context."""
    states: frozenset[str]
    titles: frozenset[str]
    suffixes: frozenset[str]
    particles: frozenset[str]
    not_name: frozenset[str]
    nicknames: dict[str, frozenset[str]]

    def is_name(self, key: str) -> bool:
        """A dictionary first name or surname (whatever else it is); a hyphenated word
        whose parts all are ('ANNE-SOPHIE', 'GARCIA-LOPEZ')."""
        if key in self.first or key in self.last:
            return True
        return "-" in key and self._hyphen_name(key)

    def is_strong_name(self, key: str) -> bool:
        """A dictionary name that is not also an everyday or clinical word."""
        if key in self.first or key in self.last:
            return not self.blocks_alone(key)
        # only a double given name ('JEAN-LUC', 'ANNE-SOPHIE') is evidence alone: two
        # surnames joined are the shape of eponyms ('MALLORY-WEISS', 'STEVENS-JOHNSON')
        return "-" in key and self._hyphen_name(key) and not self.is_clinical(key) and all(
            p in self.first and not self.blocks_alone(p) for p in key.split("-"))

    def _hyphen_name(self, key: str) -> bool:
        parts = key.split("-")
        return len(parts) in (2, 3) and all(
            len(p) >= 2 and (p in self.first or p in self.last) and p not in self.eponyms
            and p not in FUNCTION_WORDS and p not in self.clinical for p in parts)

    def blocks_alone(self, key: str) -> bool:
        """True when the word alone is no evidence of a name (a word, a term, a place word)."""
        return (key in self.weak or key in self.eponyms or key in self.drugs
                or key in self.genes or key in self.clinical or key in self.states
                or key in self.not_name or key in MONTH_WORDS or key in FUNCTION_WORDS)

    def is_clinical(self, key: str) -> bool:
        """Clinical vocabulary that should survive scrubbing (eponyms, drugs, genes, terms);
        a hyphenated word with an eponym part too ('MALLORY-WEISS', 'STEVENS-JOHNSON')."""
        if (key in self.eponyms or key in self.drugs or key in self.genes
                or key in self.clinical):
            return True
        return "-" in key and any(part in self.eponyms for part in key.split("-"))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shared lexicon, built once per process."""
    nick: dict[str, set[str]] = {}
    for line in _lines("nicknames.txt"):
        name, _, rest = line.partition("\t")
        for other in rest.split(","):
            if other:
                nick.setdefault(name, set()).add(other)
                nick.setdefault(other, set()).add(name)
    states = frozenset(vocab.STATE_WORDS) | frozenset(
        w for s in vocab.STATES.values() for w in s.split() if len(w) > 3)
    return Lexicon(
        first=vocab.first_names() | frozenset(_lines("names_first_extra.txt")),
        last=vocab.last_names() | frozenset(_lines("names_last_extra.txt")),
        weak=vocab.weak_name_words() | frozenset(_lines("common_word_names.txt")),
        eponyms=frozenset(_lines("eponyms.txt")),
        drugs=frozenset(_lines("drugs.txt")),
        genes=frozenset(_lines("genes.txt")),
        clinical=frozenset(_lines("clinical_words.txt")),
        # keyed as `fold` reads a text's words ("O'Fallon" is looked up as OFALLON)
        places=frozenset(fold(p) for p in vocab.us_places() | frozenset(
            _lines("us_places_extra.txt")) | frozenset(_lines("us_place_words.txt"))),
        # small towns of one word need place context too: a capital alone is weak evidence
        place_words=frozenset(_lines("us_place_words.txt"))
        | frozenset(w for w in _lines("us_places_extra.txt") if " " not in w),
        states=states,
        titles=vocab.NAME_TITLES,
        suffixes=vocab.NAME_SUFFIXES,
        particles=vocab.NAME_PARTICLES,
        not_name=vocab.NOT_NAME_WORDS,
        nicknames={k: frozenset(v) for k, v in nick.items()},
    )


TEST_EDITION = (r"-(?:[1-9]|I{1,3}|IV|V|VI)(?=[ \t]+(?:and|or|scores?|composite|adaptive|"
                r"total|results?|testing|subtests?|index|battery|assessment|evaluation)\b|"
                r"[ \t]*[,;:)?])")
"""A test's edition right after its eponym ('Bayley-4 and', 'Vineland-3 adaptive', 'WISC-V,'):
the word before names the test, no person or town (a regex fragment)."""
LANGUAGES = frozenset({
    "SPANISH", "ENGLISH", "KOREAN", "MANDARIN", "CANTONESE", "VIETNAMESE", "ARABIC", "FRENCH",
    "CREOLE", "PORTUGUESE", "RUSSIAN", "UKRAINIAN", "POLISH", "SOMALI", "AMHARIC",
    "TIGRINYA", "OROMO", "SWAHILI", "NEPALI", "HINDI", "URDU", "PUNJABI", "BENGALI", "TAGALOG",
    "ILOCANO", "HMONG", "BURMESE", "KHMER", "JAPANESE", "CHINESE", "FARSI", "PERSIAN", "DARI",
    "PASHTO", "KURDISH", "TURKISH", "GREEK", "ITALIAN", "GERMAN", "ARMENIAN", "ALBANIAN",
    "BOSNIAN", "SERBIAN", "CROATIAN", "ROMANIAN", "HEBREW", "YIDDISH", "NAVAJO", "MARSHALLESE",
    "CHUUKESE", "SAMOAN", "TONGAN", "MIXTECO", "MIXTEC", "ZAPOTECO", "TRIQUI", "QUECHUA",
    "KICHE", "KINYARWANDA", "KIRUNDI", "LINGALA", "WOLOF", "YORUBA", "IGBO", "TELUGU", "TAMIL",
    "GUJARATI", "MARATHI", "MALAYALAM", "ASL", "FUZHOUNESE", "TEOCHEW", "HAKKA", "TAISHANESE",
    "UZBEK", "TAJIK", "RUSYN", "SINHALA", "INDONESIAN", "MALAY"})
"""Languages a note names after 'Interpreter:' or 'Language:' (never a person's name alone;
the ambiguous 'Karen', 'Lao', 'Thai' and 'Chin' are left out)."""
PEOPLES_AND_FAITHS = frozenset({
    "CHRISTIAN", "CATHOLIC", "PROTESTANT", "ORTHODOX", "MUSLIM", "ISLAMIC", "JEWISH", "HINDU",
    "BUDDHIST", "SIKH", "MORMON", "LATTER", "QURAN", "KORAN", "BIBLE", "TORAH", "NATIVE",
    "INDIGENOUS", "ABORIGINAL", "BLACK", "WHITE", "ASIAN", "HISPANIC", "LATINO", "LATINA",
    "LATINX", "CAUCASIAN", "AFRICAN", "ARAB", "BALKANS", "SOUTHWEST", "MIDWEST", "NORTHEAST",
    "SOUTHEAST", "NORTHWEST", "APPALACHIA"})
"""Words of a faith, a people or a region: no person's name after 'Pt:' and no facility,
town or person the NER model may add alone ('Christian Science', 'Native Hawaiian', 'the
Balkans', 'the desert Southwest')."""
CLINICAL_ACRONYMS = frozenset({
    # vessels, grafts, rhythms and devices of cardiology and neurology
    "RCA", "LAD", "LCX", "LCA", "LIMA", "RIMA", "SVG", "PDA", "OM", "ACA", "MCA", "PCA", "ICA",
    "ECA", "NSR", "SVT", "PSVT", "PAF", "AVR", "MVR", "TVR", "TAVR", "TAVI", "LVH", "RVH", "LBBB",
    "RBBB", "AVB", "VSD", "ASD", "PFO", "EVD", "ICP", "TPA", "TNK", "LVAD", "IABP", "ECMO",
    # diseases, bleeds and hormones
    "PAH", "SAH", "SDH", "EDH", "ICH", "IVH", "PPH", "BPH", "NPH", "GIB", "UGIB", "LGIB", "PAD",
    "PVD", "VTE", "ACS", "DKA", "HHS", "AKI", "ARDS", "TSH", "LDH", "PTH", "FSH", "ACTH", "NASH",
    # airway, breathing and lines
    "HME", "NRB", "BVM", "BIPAP", "CPAP", "HFNC", "ETT", "NGT", "OGT", "PEG", "PICC", "CVC",
    "VAC", "NPWT", "ICS", "LABA", "LAMA", "SABA", "MDI", "DPI", "SBP", "DBP", "MAP", "SPO2",
    # records, panels and units of care
    "EMR", "EHR", "MAR", "CMP", "BMP", "LFT", "LFTS", "CBC", "ABG", "VBG", "SDU", "MAU", "PACU",
    "LGI", "HCT", "FEV", "ETA", "GCS", "RN", "LPN", "CNA"})
"""Clinical abbreviations that also read as an airport's or a place's initials ('RCA to LAD',
'NSR' of an ECG line, 'PCA' of a pump): never a place by its initials or code."""


def clinical_acronym(word: str, lex: Lexicon) -> bool:
    """A word in capitals that is a clinical abbreviation, initials or term ('NSR', 'HTN')."""
    return word in CLINICAL_ACRONYMS or word in CLINICAL_INITIALS or lex.is_clinical(fold(word))


CLINICAL_INITIALS = frozenset({
    "NVD", "CP", "HA", "TB", "DM", "HTN", "UTI", "CT", "MRI", "QOD", "RR", "GCS", "VAS", "NKDA",
    "NPH", "ASD",
    "SOB", "CVA", "MI", "PE", "AF", "BP", "HR", "OD", "OS", "OU", "PO", "IV", "IM", "ER", "OR",
    "PT", "OT", "MS", "RA", "OA", "GI", "GU", "UA", "CHF", "COPD", "CKD", "ESRD", "DVT", "PNA",
    "LOC", "ETOH", "NPO", "DNR", "DNI", "AMA", "ADL", "ROM", "ICU", "ED", "EMS", "HIV", "HCV",
    "STD", "STI", "URI", "AKI", "ARF", "GERD", "BPH", "CAD", "PVD", "TIA", "LBP", "NAD", "WNL",
    "SQ", "SC", "SL", "NG", "GT", "IVP", "IVPB", "TD", "TOP", "INH", "NEB", "AD", "AS", "AU",
    "BID", "TID", "QID", "PRN", "QHS", "QD", "HS", "AC", "PC", "QAM", "QPM", "STAT", "PEG",
    "IO", "ID", "IN", "LUE", "RUE", "LLE", "RLE", "LUQ", "RUQ", "LLQ", "RLQ", "DC", "OK",
    # psychiatry, recovery and team abbreviations written with dots ('S.I. denied', 'A.A. has
    # helped', 'R.D. has recommended', 'J.P. was removed')
    "SI", "HI", "AVH", "DV", "AA", "NA", "IOP", "CBT", "DBT", "ECT", "PHP", "SW", "RD", "MH",
    "HMO", "LTC", "JP", "VQ", "NV", "HO", "QA", "EGD", "HH", "SN", "GP", "SA", "SUD", "OUD",
    "AUD", "MAT", "IPV", "CPS", "APS", "SNF", "ALF", "PCP", "NP", "RN", "MD", "DO", "LPN",
    "OB", "GYN", "OBGYN", "ENT", "PMR", "HEM", "ONC", "NEURO", "PEDS", "CARDS", "MFM", "NICU",
    "PICU", "CCU", "PACU", "ICN", "LAT", "AP", "PA", "CXR", "KUB", "EKG", "ECG", "EEG", "EMG",
    # drugs by their initials, paired with a slash in combinations ('TDF/FTC', 'TMP/SMX')
    "TDF", "FTC", "TAF", "ABC", "AZT", "ZDV", "DTG", "EFV", "RPV", "BIC", "DRV", "ATV", "LPV",
    "RTV", "EVG", "CAB", "TMP", "SMX", "SXT", "ASA", "APAP", "RIF", "PZA", "EMB", "MTX", "HCQ",
    "SSZ", "MMF", "CSA", "TAC", "PCN", "AMP", "GENT", "VANC", "PIP", "TAZO", "NTG", "KCL",
    "NS", "LR", "PRBC", "FFP", "TPN", "BM", "HB", "HGB", "MR", "ST", "RT", "CM", "NC", "LP",
    "BS", "BG"})
"""Dotted clinical abbreviations that are no one's initials ('H.T.N. (15 y)', 'C.P.')."""
