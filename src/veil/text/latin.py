"""The ASCII reading of a text: accented Latin letters read as their base letter, one for one.

Every rule of veil.text was written over ASCII letters ('[A-Z][a-z]+'), and the lexicon folds
its keys to ASCII; a name such as 'Hadžiavdić' or 'öztürk' then breaks into pieces that no rule
joins. Detection therefore runs over a reading of the text in which each accented letter
('á', 'ž', 'ø', 'ł', 'ệ') is replaced by its base letter, an ʻokina inside a word by an
apostrophe ('Kapiʻolani'), a Cyrillic or Greek letter drawn like a Latin letter or digit by
that letter or digit inside a word that holds ASCII ('36З-7905'), and nothing else changes:
the reading
has the same length, so a span found in it is the same span of the text (replacement always
uses the text itself). Letters without a one-letter base ('ß', 'æ', 'þ') and every non-letter
stay as they are. Written by hand because the libraries that transliterate (Unidecode, ICU)
may map one letter to several ('ß' -> 'ss'), which would move every offset after it.
"""

from __future__ import annotations

import re
import unicodedata

_EXTRA = {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ŋ": "n",
          "Ŋ": "N", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ƒ": "f"}
_INNER_OKINA = re.compile(r"(?<=[A-Za-z])[ʻʼ](?=[A-Za-z])")
"""The Hawaiian ʻokina and the modifier apostrophe inside a word ('Kapiʻolani', 'Liliʻuokalani')
read as the apostrophe the rules join words with; at a word's start ('ʻEwa Beach') they stay
a mark before the capital."""
_CONFUSABLE = str.maketrans({
    # Cyrillic and Greek letters drawn like Latin letters or digits ('36З-7905' with a
    # Cyrillic Ze, 'Аnna' with a Cyrillic A): read as what they look like inside a word that
    # also holds ASCII letters or digits, the mark of a spoofed or misread identifier
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "У": "Y", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y",
    "х": "x", "і": "i", "І": "I", "ј": "j", "ѕ": "s", "З": "3", "з": "3", "б": "6",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v",
})
_WORD = re.compile(r"\S+")
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
"""A run without blanks, and the ASCII letter or digit that makes a confusable in it read (one
pass over the text: a pattern that searched for the ASCII inside the run would rescan a long
run from every position)."""
_HAS_CONFUSABLE = re.compile("[" + "".join(chr(c) for c in _CONFUSABLE) + "]")
_RANGES = ((0x00C0, 0x0250), (0x1E00, 0x1F00))
"""Latin-1 letters, Latin Extended-A and -B, Latin Extended Additional (Vietnamese)."""


def _table() -> dict[int, str]:
    table: dict[int, str] = {ord(k): v for k, v in _EXTRA.items()}
    for low, high in _RANGES:
        for code in range(low, high):
            parts = unicodedata.normalize("NFKD", chr(code))
            base = parts[:1]
            if (len(parts) > 1 and base.isascii() and base.isalpha()
                    and all(unicodedata.combining(c) for c in parts[1:])):
                table[code] = base
    return table


_TABLE = _table()


def _read_confusables(match: re.Match[str]) -> str:
    word = match.group()
    if _HAS_CONFUSABLE.search(word) and _ASCII_ALNUM.search(word):
        return word.translate(_CONFUSABLE)
    return word


def ascii_reading(text: str) -> str:
    """`text` with accented Latin letters replaced by their base letter (same length)."""
    if text.isascii():
        return text
    reading = text.translate(_TABLE)
    if "ʻ" in reading or "ʼ" in reading:
        reading = _INNER_OKINA.sub("'", reading)
    if _HAS_CONFUSABLE.search(reading):
        reading = _WORD.sub(_read_confusables, reading)
    return reading
