"""Runs of capitalized words, and the fixed word sets every name rule consults.

`_runs` groups capitalized words into candidate names ('Maria de la Cruz', 'Smith, John
A.', 'J. Smith'), breaking at labels, credentials and titles; the frozensets here (run
breakers, credentials, titles, function words, short East Asian surnames) are shared by the
recognizer families of this package, so they live below all of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from veil.detect import vocab
from veil.text.lexicon import fold

_TOKEN = re.compile(r"(?<![\w'’])[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|['’])*(?:-[^\W\d_](?:[^\W\d_]|['’])*)*"
                    r"(?![0-9])\.?|(?<=['’])(?<!\w['’])[AEIOU][a-z]{1,7}(?=[ \t]+[A-Z][a-z]|,)")
"""A capitalized word (any Latin letters: 'Wiśniewski', 'Fernández'), hyphenated parts joined;
also a name after a glottal stop written as an apostrophe, before a surname or a comma ("'Ofa
Havili", "'Ana,": Tongan, Samoan, Hawaiian), never a word that opens a quotation ("'My
defibrillator', "'Every time I eat")."""
_SLASH_LETTER = re.compile(r"/[A-Za-z]")
"""A slash and a letter after a capital letter: an abbreviation ('S/N', 'N/V'), no initial
('Smith, J/ DOB' keeps its 'J')."""
_PARTICLE_GAP = re.compile(
    r"^\s+(?:de|del|de\s+la|de\s+los|van|van\s+der|van\s+den|von|der|den|la|le|da|di|du|dos|"
    r"das|bin|ibn|al|el|y|st\.?)\s+$")
_GAP = re.compile(r"^(?: {1,2}| ?, {0,2}|-)$")
"""What may stand between two words of one name; a tab is a table's column gap
('Maben Coal<tab>Maben, Wyoming Co' are two cells)."""
_LOWER_WORD = re.compile(r"[a-z][a-z'’\-]*")
_LOWER_STOP = frozenset({
    "SAID", "SAYS", "TOLD", "WANTS", "WANTED", "THINKS", "THOUGHT", "APPT", "APPOINTMENT",
    "OFFICE", "VISIT", "VISITS", "ORDERED", "ORDERS", "RECOMMENDED", "RECOMMENDS", "CALLED",
    "CALLS", "NOTE", "NOTES", "GAVE", "GIVES", "PRESCRIBED", "CHANGED", "STARTED",
    "STOPPED", "INCREASED", "DECREASED", "SENT", "REFERRED", "REFERRAL", "OK", "OKAY", "AND",
    "WHO", "ASKED", "WROTE", "MENTIONED", "NEVER", "JUST", "ALREADY", "STILL",
    "ON", "UNKNOWN", "WITHHELD", "REDACTED", "NONE", "NA", "TBD", "PENDING", "SEE", "SAME",
})


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int
    end: int
    word: str
    key: str


def _runs(text: str, first: frozenset[str] = frozenset()) -> list[list[_Tok]]:
    runs: list[list[_Tok]] = []
    current: list[_Tok] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        end = match.end()
        key = fold(word)
        # a period ends the word unless the word is an initial or a title ('J.', 'Dr.')
        if word.endswith(".") and len(word) > 2 and key.lower() not in _TITLE_WORDS:
            end -= 1
            word = word[:-1]
        if word[-2:] in ("'s", "’s") and len(word) > 3:
            end -= 2
            word = word[:-2]
            key = fold(word)
        elif word[-1:] in ("'", "’"):
            end -= 1
            word = word[:-1]
        tok = _Tok(match.start(), end, word, key)
        if key in _RUN_BREAKERS or (key in _CREDENTIALS and word.isupper() and len(key) > 1) \
                or (len(word) == 1 and _SLASH_LETTER.match(text, end)):
            # a letter before a slash is an abbreviation's ('S/N', 'N/V'), no initial
            if current:
                runs.append(current)
            current = []
            continue
        if current and key.lower() in _RUN_TITLES:
            runs.append(current)
            current = [tok]
            continue
        if current:
            gap = text[current[-1].end:tok.start]
            if gap[:1] == "," and key in _STATE_WORDS and len(key) > 2 and key not in first:
                runs.append(current)  # 'Fredtown, Maine': the state is not part of a name
                current = []
                continue
            if _GAP.match(gap) or _PARTICLE_GAP.match(gap) or (
                    gap in (" ", ". ") and len(current[-1].key) <= 1):
                current.append(tok)
                continue
            runs.append(current)
        current = [tok]
    if current:
        runs.append(current)
    return runs


_STATE_WORDS = vocab.STATE_WORDS
_RUN_BREAKERS = frozenset({
    "DOB", "DOD", "MRN", "SSN", "AGE", "SEX", "DOS", "FIN", "CSN", "NEEDS", "WANTS", "HAS",
    "AND", "OR", "THE", "OF", "TO", "WITH", "FOR", "AT", "IN", "ON", "BY", "FROM", "WAS", "IS",
    "HIS", "HER", "THEIR", "WIFE", "HUSBAND", "SON", "DAUGHTER", "MOTHER", "FATHER", "BROTHER",
    "SISTER", "NIECE", "NEPHEW", "AUNT", "UNCLE", "COUSIN", "GRANDSON", "GRANDDAUGHTER",
    "FRIEND", "NEIGHBOR", "CALLER", "CONTACT", "PATIENT", "NURSE", "CHARGE", "ONCOMING",
    "ENDORSED", "DISCUSSED", "REFERRAL", "PLACED", "ROUTED", "PER", "SEEN", "CALLED", "VIA",
    "NPI", "DEA", "UPIN", "APT", "RM", "STE", "BLDG", "FL", "UNIT", "SUITE",
    # street words no name ends with ('N. Lincoln Ave', 'S. Stony Island Ave')
    "AVE", "BLVD", "RD", "HWY", "PKWY", "FWY", "EXPY", "TPKE",
})
"""Words that end a run of capitalized words (in capitals too): never a part of a name."""
_CREDENTIALS = frozenset({
    "MD", "DO", "RN", "NP", "PA", "PAC", "PA-C", "PHD", "DDS", "DMD", "DPM", "PHARMD", "MBBS",
    "FNP", "APRN", "ARNP", "CRNA", "LPN", "LVN", "MSN", "BSN", "FACP", "FACS", "MPH", "LCSW",
    "DNP", "CNM", "CNA", "DPT", "OTR", "SLP", "RRT", "CMA", "NNP", "RDH", "RDA", "CPHT", "CST",
    "EMT", "NRP", "IBCLC", "CRT", "RDN", "CDE", "CDCES", "CPNP", "COTA", "PTA", "CCRN", "RVT",
    "RDMS", "RDCS", "LMT", "CHW", "LADC", "CADC", "LSW", "CCM",
    # mental-health and community roles written like credentials after a name
    "MHT", "BHT", "PCT", "CPRS", "CRSS", "LPC", "LPCC", "LMFT", "LMHC", "LCPC", "PSYD", "MSW",
    "QMHP", "CPSS", "PMHNP",
    # pharmacists' and trainers' credentials ('PharmD, APh', 'PharmD, BCOP'; 'ATC' is also
    # 'around the clock' after a drug, so it stays out)
    "APH", "BCPS", "BCOP", "BCACP", "BCGP", "BCPP", "BCCCP", "BCIDP", "CSCS",
})
_RUN_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "rev", "miss", "doctor",
                         "professor", "dear"})
_TITLE_WORDS = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "rev", "fr", "st", "sgt",
                          "capt", "lt", "col", "det", "atty", "jr", "sr"})
SHORT_SURNAME = "name_short_surname"
"""The source of a two- or three-letter East Asian surname in name case after strong
context that is also a clinical abbreviation ('Ng'/'NG', 'Do'): the scrubber's clinical
veto skips it."""

_ASIAN_SURNAMES = frozenset({
    "HE", "LI", "NG", "DO", "HO", "MA", "LEE", "PARK", "YE", "LO", "KO", "OH", "HA", "LY", "TA",
    "TU", "LAM", "NAM", "CHO", "GU", "KANG", "MIN", "NA", "CHA", "HONG", "LIM", "SHIN", "TAN",
    "TAY", "CHIN", "LAI", "PANG", "POON", "TAM", "TANG", "TONG", "WAN", "CHOW", "LIN", "MAO",
    "SHI", "YAN", "YIN", "DAO", "QUAN", "VI", "SONG", "HAN", "MOON", "SUN", "LONG", "FAN", "PAN",
    "WU", "XU", "YU", "LU", "HU", "VU", "VO", "KIM", "BUI", "CAO", "HUA", "MAI", "JI", "JO", "SU",
})
"""East Asian surnames that are English words or two letters ('He', 'Ng', 'Do', 'Park'):
a name part right next to a dictionary given name ('Wei He', 'Kevin Ng', 'Park Ji-hoon'),
a word elsewhere."""
_LATIN_TAIL = ("US", "IS", "AE", "II", "UM", "ANS", "ENS", "ICA", "ATA", "OSA", "IUM", "ES")
"""Endings of organism species and Latin terms: an unknown word with one after an initial
('E. Faecium') is no 'J. Okafor'."""

_FUNCTION_KEYS = frozenset({
    "THE", "A", "AN", "AND", "OR", "OF", "IN", "ON", "AT", "TO", "FOR", "WITH", "FROM", "BY",
    "PATIENT", "PT", "HE", "SHE", "HIS", "HER", "THEY", "THEIR", "THIS", "THAT", "NO", "NOT",
    "PLAN", "HISTORY", "DR", "MR", "MRS", "MS", "SIGNED", "PER", "DEAR", "CC", "RE",
})
