"""English words and word shapes: what lets an unknown capitalized word count as a name.

A name that no dictionary holds ('Randrianasolo') is still recognisable in a clinical
note by what it is not: no English word, no clinical term, no drug, gene, organism,
unit or abbreviation. This module answers the first part with the WordNet word list
shipped as `data/text/english_words.txt.gz` (made by tools/make_text_words.py; ~83k
words, loaded once per process), undoing regular inflections with the English
lemmatizer's own suffix rules ('discussed' -> 'discuss', 'kidneys' -> 'kidney'; a hyphenated
word is English when all its parts are), and
the shape part with cheap checks on the spelling:

- `name_shaped`: letters (hyphen and apostrophe pieces allowed), a vowel, no inner
  capital except after name prefixes ('McDonald', 'DeShawn', not 'FreeStyle');
- `pronounceable`: for ALL-CAPS words, where acronyms live ('NSTEMI', 'CABG', 'ERCP'):
  a word starts with a consonant cluster that begins words, has no run of four
  consonants and ends with a cluster that ends words;
- `near_english`: one edit away from an English word (a typo in chat, not a name);
- `term_shaped`: the endings of drug stems, Latin anatomy and organism names and
  clinical suffixes ('-mab', '-ectomy', '-coccus', '-ensis'), which no list can hold
  exhaustively.

The clinical lists themselves live in `veil.text.lexicon`; the extra stop words here
(`data/text/unknown_stop.txt`) are abbreviations, chat shorthand and product words that
are neither in WordNet nor in those lists. Everything is a set lookup or a short loop
over one word's letters; nothing logs text.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources

_SUFFIX_RULES: tuple[tuple[str, str], ...] = (
    # the English lemmatizer's rules (spaCy 'lemma_rules'), upper case, longest first
    ("SHES", "SH"), ("CHES", "CH"), ("SES", "S"), ("VES", "F"), ("XES", "X"), ("ZES", "Z"),
    ("MEN", "MAN"), ("IES", "Y"), ("EST", ""), ("EST", "E"), ("ING", ""), ("ING", "E"),
    ("ED", ""), ("ED", "E"), ("ES", ""), ("ES", "E"), ("ER", ""), ("ER", "E"), ("S", ""),
    ("LY", ""), ("IED", "Y"), ("IER", "Y"), ("IEST", "Y"), ("ILY", "Y"), ("NESS", ""),
)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The shipped English word list, upper case (see the module docstring)."""
    raw = resources.files("veil").joinpath("data/text/english_words.txt.gz").read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    words = {line.upper() for line in text.split("\n") if line and line[0] != "#"}
    return frozenset(words | _CLOSED_CLASS)


_CLOSED_CLASS = frozenset({
    "OF", "TO", "THAT", "THIS", "MY", "IF", "THEY", "WE", "WHAT", "WHEN", "HER", "THEIR",
    "WHICH", "THEM", "COULD", "HIM", "INTO", "ITS", "OUR", "BECAUSE", "SHOULD", "THESE",
    "WHERE", "THOSE", "SINCE", "AGAINST", "DURING", "WITHOUT", "ANYTHING", "UNTIL", "EVERYONE",
    "EVERYTHING", "ANYONE", "ELSE", "ALTHOUGH", "AMONG", "MYSELF", "WHETHER", "HIMSELF",
    "THEMSELVES", "CANNOT", "TOWARDS", "WHOSE", "UNLESS", "EVERYBODY", "HERSELF", "ONTO",
    "WHOM", "TOWARD", "ANYBODY", "OURSELVES", "WHENEVER", "OUGHT", "WHEREAS", "WHILST",
    "WHOEVER", "AMONGST", "BESIDE", "OURS", "ANYTIME", "AMID", "HERS", "THEIRS", "UNTO",
    "YOURSELF", "YOURSELVES", "YOURS", "ITSELF", "WHEREVER", "WHATEVER", "WHICHEVER",
})
"""Pronouns, prepositions and conjunctions WordNet leaves out (it holds content words only):
without them 'because' or 'into' looked like a name no dictionary holds ('because pharmacy'
read as a pharmacy's name in lower-case chat)."""


@lru_cache(maxsize=1)
def unknown_stop() -> frozenset[str]:
    """Abbreviations, chat shorthand and product words that are no name (upper case)."""
    text = resources.files("veil").joinpath("data/text/unknown_stop.txt").read_text("utf-8")
    return frozenset(line.strip().upper() for line in text.splitlines()
                     if line.strip() and line[0] != "#")


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, int]:
    raw = resources.files("veil").joinpath("data/text/english_freq.txt.gz").read_bytes()
    out: dict[str, int] = {}
    for line in gzip.decompress(raw).decode("utf-8").split("\n"):
        if line and line[0] != "#":
            word, _, zipf = line.partition("\t")
            out[word] = int(zipf)
    return out


def zipf(key: str) -> float:
    """How common an (upper-case) word is in English text, on the Zipf scale: 7 for 'THE',
    5 for 'NORMAL', 4 for 'COMMERCE', below 3 for rare words and most surnames and small
    towns ('OKAFOR', 'TOMAH'); 0.0 when the shipped list (Zipf >= 3, from wordfreq; made by
    tools/make_text_freq.py) does not hold it. A word list says whether a word exists;
    frequency says whether lower-case text can be read as the everyday word."""
    return _frequencies().get(key, 0) / 10


@lru_cache(maxsize=65536)
def is_english(key: str) -> bool:
    """An English word (upper-case key), or a regular inflection of one, or a hyphenated
    word whose parts all are ('ADEYEMI-BRANDT' is not: 'Brandt' is no word)."""
    words = english_words()
    if key in words:
        return True
    if "-" in key:
        parts = [part for part in key.split("-") if part]
        return bool(parts) and all(is_english(part) for part in parts)
    for suffix, repl in _SUFFIX_RULES:
        # the stem keeps 3+ letters ('DIED' -> 'DIE', 'TIES' -> 'TIE'; not 'BED' -> 'B')
        if len(key) > len(suffix) + 1 and len(key) - len(suffix) + len(repl) >= 3 \
                and key.endswith(suffix):
            stem = key[: -len(suffix)] + repl
            if stem in words:
                return True
            # doubled consonant before -ed/-ing/-er ('stopped' -> 'stop')
            if repl == "" and suffix in ("ED", "ING", "ER", "EST") and len(stem) > 3 \
                    and stem[-1] == stem[-2] and stem[:-1] in words:
                return True
    return False


_VOWELS = frozenset("AEIOUY")
_INNER_CAP_PREFIXES = ("Mc", "Mac", "O'", "O’", "De", "Di", "Da", "Du", "La", "Le", "Van",
                       "Von", "St", "Fitz", "Al", "El", "Ab", "Ben", "D'", "D’", "N'", "Te")


def name_shaped(word: str) -> bool:
    """Letters of a name (pieces joined by '-' or an apostrophe), a vowel in every piece
    of 3+ letters, and no inner capital except after a name prefix ('McDonald',
    "O'Brien", 'DeShawn') in a word that is not all capitals."""
    pieces = word.replace("’", "'").replace("'", "-").split("-")
    upper = word.isupper()
    for piece in pieces:
        if not piece or not piece.isalpha():
            return False
        if len(piece) >= 3 and not any(c in _VOWELS for c in piece.upper()):
            return False
        if not upper and not piece[0].isupper() and piece is pieces[0]:
            return False
        inner = sum(c.isupper() for c in piece[1:])
        if not upper and inner and (inner > 1 or not piece.startswith(_INNER_CAP_PREFIXES)) \
                and not _PREFIX_THEN_CAPITALS.fullmatch(piece):
            return False
    return True


_PREFIX_THEN_CAPITALS = re.compile(r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von)[A-Z]{3,}")
"""A surname's prefix before the rest in capitals, as forms print it ('McLAUGHLIN',
'LeBLANC', 'DeSOUZA')."""


_ONSETS = frozenset({
    "BL", "BR", "CH", "CL", "CR", "DR", "DJ", "DZ", "FL", "FR", "GH", "GL", "GN", "GR", "GW",
    "KH", "KL", "KN", "KR", "KV", "KW", "MB", "MW", "ND", "NG", "NJ", "NK", "NT", "NY", "NZ",
    "PF", "PH", "PL", "PR", "PS", "QU", "RH", "SC", "SH", "SK", "SL", "SM", "SN", "SP", "ST",
    "SV", "SW", "SZ", "TH", "TR", "TS", "TW", "TZ", "VL", "VR", "WR", "ZH", "ZL", "ZW", "HR",
    "HV", "BJ", "FJ", "KJ", "MJ", "SJ", "TJ", "DW", "SCH", "SHR", "SPR", "STR", "SCR", "SPL",
    "THR", "CHR", "TSH", "NDL", "MBW", "NGW", "SKR", "SHCH", "TSCH", "PHR", "SQU", "SCHW",
    "SCHL", "SCHM", "SCHN", "SCHR", "SHT", "SHV", "ZV", "ZB", "ZD", "ZG", "KS", "GV", "DV",
    # South Asian, Vietnamese, Welsh, Polish, West African, Hmong, Nahuatl, Greek onsets
    "BH", "DH", "JH", "CHH", "NGH", "NH", "LL", "FF", "HM", "HL", "HN", "BRZ", "PRZ", "SZCZ",
    "CHRZ", "STRZ", "GRZ", "KRZ", "TRZ", "DRZ", "WRZ", "CZ", "WL", "TL", "TX", "PT", "MN", "KT",
    "PN", "GB", "KP", "MH", "SHM", "SHN", "SHL", "TSV", "ZHV", "KHV", "DZH", "SHW",
})
_CODAS = frozenset({
    "B", "C", "D", "F", "G", "H", "J", "K", "L", "M", "N", "P", "Q", "R", "S", "T", "V", "W",
    "X", "Z", "CH", "CK", "CZ", "DT", "FF", "FT", "GH", "GT", "HL", "HN", "HR", "HT", "KS", "LD",
    "LF", "LK", "LL", "LM", "LS", "LT", "LZ", "MM", "MP", "MS", "ND", "NG", "NK", "NN", "NS",
    "NT", "NZ", "PH", "PS", "RD", "RG", "RK", "RL", "RM", "RN", "RR", "RS", "RT", "RZ", "SH",
    "SK", "SS", "ST", "SZ", "TH", "TS", "TT", "TZ", "WN", "WS", "GS", "DS", "KH", "NDT", "NGS",
    "RTZ", "NTZ", "RST", "RTH", "TCH", "SCH", "NCH", "RCH", "LCH", "RDS", "NDS", "LDS", "RTS",
    "NTS", "LTS", "CHT", "LLS", "TTS", "PF", "MPF", "RF", "LP", "RB", "RP", "RV", "LV", "SP",
    "ZT", "NCK", "RCK", "NGH", "GG", "DD", "BB", "PP", "ZZ", "CHS", "CKS", "SHT",
})


def pronounceable(key: str) -> bool:
    """An upper-case word spelled like a word, not like an acronym: a word-initial
    consonant cluster, no four consonants in a row, a word-final cluster."""
    for piece in key.replace("'", "-").split("-"):
        if not piece:
            return False
        if piece.startswith("MC") and len(piece) > 3:
            piece = piece[2:]  # 'MCDONALD', 'MCGREGOR': the prefix is no cluster
        i = 0
        while i < len(piece) and piece[i] not in _VOWELS:
            i += 1
        if i == len(piece):
            return False
        if i > 1 and piece[:i] not in _ONSETS:
            return False
        j = len(piece)
        while j > 0 and piece[j - 1] not in _VOWELS:
            j -= 1
        coda = piece[j:]
        if len(coda) > 1 and coda not in _CODAS:
            return False
        run = 0
        for c in piece[i:j]:
            run = 0 if c in _VOWELS else run + 1
            if run >= 4:
                return False
    return True


_TERM_ENDINGS: tuple[str, ...] = (
    # drug stems
    "MAB", "NIB", "PRIL", "OLOL", "SARTAN", "STATIN", "AZOLE", "CILLIN", "MYCIN", "FLOXACIN",
    "CYCLINE", "PARIN", "XABAN", "GATRAN", "GLIPTIN", "GLIFLOZIN", "GLUTIDE", "DIPINE",
    "AZEPAM", "ZOLAM", "TRIPTAN", "TIDINE", "PRAZOLE", "SETRON", "LUKAST", "TEROL", "OLONE",
    "CAINE", "PROFEN", "OXETINE", "AFIL", "DRONATE", "CEPT", "VIR", "ZUMAB", "PLATIN",
    "TAXEL", "RUBICIN", "SONIDE", "METASONE", "TRIPTYLINE", "AZINE", "APINE", "IDONE",
    "OXACIN", "OSTAT", "TINIB", "CICLIB", "PARIB", "LISIB", "RAFENIB", "ERGOLINE",
    # Latin anatomy, organisms, pathology and procedures
    "COCCUS", "COCCI", "BACTER", "BACTERIUM", "BACILLUS", "MONAS", "MYCES", "PLASMA",
    "SPORA", "OIDES", "ENSIS", "ALIS", "ILIS", "IDIS", "ORUM", "IUM", "IAE", "II",
    "OSIS", "OMATA", "AEMIA", "PATHY", "ECTOMY", "OTOMY", "OSTOMY",
    "PLASTY", "SCOPY", "GRAPHY", "CELE", "ALGIA", "RRHEA", "RRHOEA", "PENIA",
    "CYTOSIS", "PHILIA", "PHOBIA", "TROPHY", "PLEGIA", "PARESIS", "LYSIS", "STASIS",
    "MEGALY", "ATUM", "OSUM", "ATUS", "ULUS", "ICANS", "ORMANS", "ESCENS", "PHILUS",
    "OCYTE", "OBLAST", "GENES", "IFORMIS", "OIDEA", "IFORM", "OPATHY", "EMIC",
    # more drug and laboratory stems ('troponin', 'tacrolimus', 'filgrastim', 'amikacin')
    "ININE", "UMIN", "PLASMIN", "TECTIN", "STEINE", "CYTES", "CYTE", "AMYL", "IMUS",
    "OLATE", "ONATE", "SPORINE", "IROLE", "EXOLE", "EPINE", "AMIDE", "MIDE", "ITABINE",
    "TECAN", "OSIDE", "ERONE", "ROLIDE", "GRASTIM", "POETIN", "XYTOL", "CALCET", "FUNGIN",
    "MECTIN", "BACTAM", "OZANE", "KACIN", "BUTOL", "QUONE", "IDINE", "PENEM", "EPIME",
    "OXIME", "ALOL", "OXIN", "ONIDE", "ASONE", "ADONE", "ORPHINE", "ORPHONE",
    "ODONE", "ANYL", "ESTRANT", "STIM", "ALITY", "ATRIPTAN", "IFENE", "OXIFENE", "ZOLE",
    "TRIL", "LAST", "ULAST", "IPINE", "OXACIN", "MUSTINE", "RELIN", "RELIX", "TIDE", "GLITAZONE",
    "FIBRATE", "TASE", "NASE", "YLASE", "IDASE", "PONIN", "TONIN", "PARIN", "FARIN", "AEMIA",
    "IAE", "CAE", "ZAE", "EAE", "ITOL", "ADOL", "OFOL", "URANE", "OCAINE", "ONIUM", "CURIUM",
)


def term_shaped(key: str) -> bool:
    """A word ending like a drug stem, a Latin anatomical or organism name, or a
    clinical term ('-mab', '-ensis', '-ectomy'). Endings that many real names share
    ('-ase': Chase, '-aris': Damaris, '-itis': Arvanitis) are left out."""
    if len(key) < 5:
        return False
    return key.endswith(_TERM_ENDINGS)


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@lru_cache(maxsize=16384)
def near_english(key: str) -> bool:
    """One edit (a letter dropped, added, changed or two swapped) away from an English word
    of 4+ letters: in lower-case chat such a word is more likely a typo ('recieved',
    'tomorow', 'apointment') than a name no list holds."""
    words = english_words()
    if len(key) < 4:
        return False
    splits = [(key[:i], key[i:]) for i in range(len(key) + 1)]
    for left, right in splits:
        if right and len(key) > 4 and left + right[1:] in words:
            return True
        if len(right) > 1 and left + right[1] + right[0] + right[2:] in words:
            return True
        for letter in _LETTERS:
            if right and letter != right[0] and left + letter + right[1:] in words:
                return True
            if left + letter + right in words:
                return True
    return False

