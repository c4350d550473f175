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
from veil.text.regex_lead import fast_compile
from veil.text.words import is_english

_DAMAGED_INSIDE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]+[01]+[A-Za-z][A-Za-z01]*(?![A-Za-z0-9])")
"""A word with a 0 or 1 between letters ('R0SAURA', 'PAT1ENT', 'D1AGNOSTlCS')."""
_WORD = re.compile(r"(?<![A-Za-z0-9])(?=[A-Za-z01]*[A-Za-z]{2})(?=[A-Za-z]*[01])[A-Za-z01]{3,}"
                   r"(?![A-Za-z0-9])")
"""A word of letters and 0/1 only, with two letters in a row ('N1KHIL', 'MBEK1', 'H0USTON')."""
_CAPS_WITH_L = re.compile(r"(?<![A-Za-z0-9])(?=[A-Z0-9l]*[A-Z]{2})[A-Z0-9]*[A-Z][A-Z0-9]*l"
                          r"[A-Z0-9l]*(?![A-Za-z0-9])")
"""A word in capitals with a lower-case l for I ('CHRlSTENSEN', 'ATTENDlNG')."""
_CAPITAL_READ_LOW = re.compile(r"(?<![A-Za-z0-9])([l0])([a-z]{2,}(?:-[A-Za-z]+)?)(?![A-Za-z0-9])")
"""A word whose capital was read as 'l' (I) or '0' (O): 'lngrid', '0konkwo'."""
_SHORT_WORD = re.compile(r"(?<![A-Za-z0-9])(?=[A-Za-z]*[01])[A-Za-z01]{2,3}(?![A-Za-z0-9])")
"""A word of two or three characters with a 0 or 1 ('0f', 'f0r', 'D0B', 'N0'): read only
where the reading is one of `_SHORT_READINGS`."""
_SHORT_READINGS = frozenset({"OF", "TO", "FOR", "DOB", "NO", "IS", "FROM", "BY", "DAY", "MOM",
                             "DR", "MR", "MRS", "PT", "JAN", "FEB", "MAR", "APR", "JUN", "JUL",
                             "AUG", "SEP", "OCT", "NOV", "DEC"})
"""Function words, form labels and months that give a scanned text its context ('this l4th
day 0f N0vember', 'D0B', 'f0r Dr', 'N0v l5'). Two letters with a digit are a code anywhere
else ('T1', 'N0'); none reads as a state's code ('1D 45678' is no 'ID 45678')."""
_LETTER_HINT = fast_compile(r"[A-Z]l[A-Z]|(?<![A-Za-z0-9])(?:l[bcdfghjkmnpqrstvwxz]|0[a-z])")
"""The cheap test for either damage above (an 'l' inside capitals, a word starting 'ln', '0k')."""
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
    capital = "O" + word[1:].replace("0", "o")
    if word[0] == "0" and not upper and not is_english(fold(capital)) and (
            fold(capital) in lex.first or fold(capital) in lex.last):
        word = capital  # '0konkwo': the capital O of a name (not '0hms')
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
    if key in lex.genes or lex.is_clinical(key):
        return True
    if not _CODE_SHAPE.match(word):
        return False
    read = fold(_reading_of(word, lex))
    # a code's shape, unless its reading is a dictionary name and no gene ('PEGUER0',
    # 'MARIS0L': a 0 at the end of a name, or one letter after it, also has a code's shape)
    # or a form's label ('FR0M')
    return not (read in _SHORT_READINGS or (len(read) >= 5 and (
        read in lex.first or read in lex.last) and read not in lex.genes))


def _capital_reading(match: re.Match[str], lex: Lexicon) -> str | None:
    """'Ingrid' for 'lngrid', 'Okonkwo' for '0konkwo': the capital the scanner misread, when
    the word so read is a dictionary name and the word as written no English word."""
    word = match.group()
    read = ("I" if match.group(1) == "l" else "O") + match.group(2)
    key = fold(read.split("-")[0])
    if (key in lex.first or key in lex.last) and not is_english(fold(word)) \
            and not is_english(key):
        return read
    return None


def scanned(text: str, lex: Lexicon) -> bool:
    """Whether the text shows OCR damage inside at least two different words."""
    damaged: set[str] = set()
    hint = _LETTER_HINT.search(text) is not None
    if hint:
        damaged.update(m.group() for m in _CAPS_WITH_L.finditer(text)
                       if is_english(fold(m.group().replace("l", "I").replace("0", "O")))
                       or fold(m.group().replace("l", "I")) in lex.last)
    if hint:
        damaged.update(m.group() for m in _CAPITAL_READ_LOW.finditer(text)
                       if _capital_reading(m, lex))
    if len(damaged) >= _MIN_DAMAGED:
        return True
    if "0" not in text and "1" not in text:
        return False
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
    text = _WORD.sub(lambda m: m.group() if _clinical(m.group(), lex)
                     else _reading_of(m.group(), lex), text)
    text = _SHORT_WORD.sub(lambda m: _short_reading(m.group()), text)
    text = _CAPS_WITH_L.sub(lambda m: m.group().replace("l", "I").replace("0", "O"), text)
    return _CAPITAL_READ_LOW.sub(lambda m: _capital_reading(m, lex) or m.group(), text)


def _short_reading(word: str) -> str:
    """'of' for '0f', 'DOB' for 'D0B': a short word read as letters when so read it is a
    function word or a form's label (`_SHORT_READINGS`), else the word as written."""
    upper = word.upper() == word
    read = word.replace("0", "O" if upper else "o").replace("1", "I" if upper else "i")
    return read if fold(read) in _SHORT_READINGS else word
