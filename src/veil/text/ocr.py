"""The letter reading of a scanned text: digits an OCR engine put inside words read as letters.

A faxed lab report reads 'PAT1ENT: ESPIN0ZA, R0SAURA' and 'VER1F1ED BY T. MBEK1': the labels
that give context and the names themselves hold 0 for O and 1 for I or l, so neither the
label sets nor the name lexicon know them. Name, place and cue detection therefore also run
over a reading in which such words are read as letters, one for one (same length, so a span
found in the reading is the same span of the text; replacement always uses the text itself).
The digit side (letters inside numbers, 'O2/28/193l') is the pattern rules' own reading in
`veil.text.scrubber`.

The reading is made only for a text that shows the damage in at least two different words
(a digit between letters that reads as an English word or a dictionary name, not a gene, a
stage, a lab code or a known clinical term): a clinical note naming BRCA1, CDKN1A, T1N0M0 or
HbA1c is not scanned text and is never re-read. Written by hand: OCR
post-correction libraries correct against a language model or dictionary and change the
length of words, which would move every offset after them.
"""

from __future__ import annotations

import re

from veil.text.lexicon import Lexicon, fold
from veil.text.words import is_english

_DAMAGED_INSIDE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]+[01]+[A-Za-z][A-Za-z01]*(?![A-Za-z0-9])")
"""A word with a 0 or 1 between letters ('R0SAURA', 'PAT1ENT', 'D1AGNOSTlCS')."""
_WORD = re.compile(r"(?<![A-Za-z0-9])(?=[A-Za-z01]*[A-Za-z]{2})(?=[A-Za-z]*[01])[A-Za-z01]{3,}"
                   r"(?![A-Za-z0-9])")
"""A word of letters and 0/1 only, with two letters in a row ('N1KHIL', 'MBEK1', 'H0USTON')."""
_MIN_DAMAGED = 2
_CODE_SHAPE = re.compile(r"^(?:HbA1c|A1c|a1c|(?:[A-Z]{1,6}[0-9]+)+[A-Z]?[0-9]*)$")
"""Shapes that hold a digit by right: genes, stages and codes in capitals ('CDKN1A', 'FOXO1',
'SLCO1B1', 'IL10RA', 'T1N0M0', 'G1P0', 'T1W', 'HbA1c'); an OCR-damaged name breaks the
shape with a longer run of letters after its digit ('R0SAURA', 'PAT1ENT')."""


def _reading_of(word: str, lex: Lexicon) -> str:
    """The letters a damaged word stands for: 0 is O; 1 is I in capitals, else i or l,
    whichever gives an English word or a dictionary name ('Th1s', 'Wi1son', 'Mar1a'); a
    lower-case l inside capitals is I ('D1AGNOSTlCS')."""
    upper = sum(c.isupper() for c in word) >= sum(c.islower() for c in word)
    word = word.replace("0", "O" if upper else "o")
    if upper:
        return word.replace("1", "I").replace("l", "I")
    as_i, as_l = word.replace("1", "i"), word.replace("1", "l")
    for reading in (as_i, as_l):
        key = fold(reading)
        if is_english(key) or key in lex.first or key in lex.last:
            return reading
    return as_i


def _clinical(word: str, lex: Lexicon) -> bool:
    key = fold(word)
    return bool(_CODE_SHAPE.match(word)) or key in lex.genes or lex.is_clinical(key)


def scanned(text: str, lex: Lexicon) -> bool:
    """Whether the text shows OCR damage inside at least two different words."""
    if "0" not in text and "1" not in text:
        return False
    damaged: set[str] = set()
    for match in _DAMAGED_INSIDE.finditer(text):
        word = match.group()
        read = fold(_reading_of(word, lex))
        if not _clinical(word, lex) and (is_english(read) or read in lex.first
                                         or read in lex.last):
            damaged.add(word)  # the reading is a word or a name ('PAT1ENT', 'R0SAURA')
            if len(damaged) >= _MIN_DAMAGED:
                return True
    return False


def letter_reading(text: str, lex: Lexicon) -> str:
    """`text` with every word of letters and 0/1 read as letters (same length); the text
    itself when it shows no OCR damage (`scanned`)."""
    if not scanned(text, lex):
        return text
    return _WORD.sub(lambda m: m.group() if _clinical(m.group(), lex)
                     else _reading_of(m.group(), lex), text)
