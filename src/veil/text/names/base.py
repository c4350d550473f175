"""The state every name rule shares, and the test for a word no list knows.

`_FinderBase` holds the lexicon and the memo of `_unknown` (a capitalized word that is no
dictionary name, English word, clinical term, place, title or abbreviation and is spelled
like a name): the rule families of this package (capitalized runs, lower-case chat, list
and table forms) are mixins on it, joined in `veil.text.names.finder.NameFinder`.
"""

from __future__ import annotations

from veil.text.lexicon import FUNCTION_WORDS as _TEXT_FUNCTION
from veil.text.lexicon import MONTH_WORDS, Lexicon, fold
from veil.text.names.context import _CARE_BEFORE
from veil.text.names.tokens import _CREDENTIALS, _FUNCTION_KEYS, _LOWER_STOP, _RUN_BREAKERS, _Tok
from veil.text.places import COUNTRY_OR_REGION as REGIONS
from veil.text.words import (
    english_words,
    is_english,
    name_shaped,
    pronounceable,
    term_shaped,
    unknown_stop,
)


def _ocr_reading(word: str, lex: Lexicon) -> str:
    """The letters an OCR-damaged word stands for: 0 is O; 1 is I when that gives a vowel
    or a dictionary name ('MAR1A', 'SM1TH'), else l."""
    word = word.replace("0", "O")
    if "1" not in word:
        return word
    as_i = word.replace("1", "I" if word.isupper() else "i")
    if fold(as_i) in lex.first or fold(as_i) in lex.last:
        return as_i
    as_l = word.replace("1", "L" if word.isupper() else "l")
    return as_l if name_shaped(as_l.capitalize()) and any(
        c in "AEIOUY" for c in as_l.upper()) else as_i


def lex_first_weak(finder: _FinderBase, word: str) -> bool:
    """A lower-case word that is an everyday-word given name ('hope', 'will'): after a
    preposition it is the word, not the name."""
    key = fold(word)
    return key in finder.lex.weak or key in _TEXT_FUNCTION


class _FinderBase:
    """The lexicon, the stop list and the memo shared by the name rules."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        english_words()  # the word list is loaded with the finder, not on the first text
        self._stop = unknown_stop()
        self._unknown_memo: dict[str, bool] = {}

    def _unknown(self, word: str, key: str) -> bool:
        """A capitalized word that no list knows and that is spelled like a name: not a
        dictionary name (the dictionary rules judge those), not English (WordNet, with
        inflections), not clinical vocabulary, a place, a title, a credential, an
        abbreviation or a drug/organism/Latin-shaped word; an ALL-CAPS word must also be
        pronounceable (acronyms are not: 'NSTEMI', 'CABG'). Answers are memoized per word
        (bounded: the memo is cleared past 50,000 words)."""
        memo = self._unknown_memo
        known = memo.get(word)
        if known is None:
            if len(memo) > 50_000:
                memo.clear()
            known = memo[word] = self._unknown_word(word, key)
        return known

    def _unknown_word(self, word: str, key: str) -> bool:
        lex = self.lex
        if len(key) < 3 or key in lex.first or key in lex.last or not self._usable(key):
            return False
        if key in lex.places or key in lex.titles or key in lex.suffixes \
                or key in _CREDENTIALS or key in _RUN_BREAKERS or key in REGIONS \
                or key in self._stop or key in lex.particles:
            return False
        if not name_shaped(word) or is_english(key) or term_shaped(key):
            return False
        return not word.isupper() or pronounceable(key)

    def _usable(self, key: str) -> bool:
        """A word that may be a name part whatever its case: no function word, clinical
        term, month, state or everyday non-name word."""
        lex = self.lex
        return (len(key) >= 2 and key not in _TEXT_FUNCTION and key not in _FUNCTION_KEYS
                and not lex.is_clinical(key) and key not in MONTH_WORDS
                and key not in lex.not_name and key not in lex.states
                and key not in _LOWER_STOP)

    def _care_before(self, text: str, tok: _Tok) -> bool:
        """A hand-off or care verb right before the word ('signed out to', 'Page')."""
        return bool(_CARE_BEFORE.search(text, max(0, tok.start - 40), tok.start))
