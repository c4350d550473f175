"""Word-start dispatch: run a keyword-led rule only where a word starts with its first letters.

Most text rules start at a word boundary with one of a few dozen keywords ('record', 'ref',
'DOB', month names...). Led by a class of their first characters (`veil.text.regex_lead`),
the regex engine still stops at every character of that class inside every word: for a
rule led by fifteen letters that is most of the text. Here the text's word starts are found
once per text, and each is looked up by its first two characters (case-folded) in an index
built from every rule's possible first two characters; a rule's pattern is then tried with
`match` only at the word starts that can begin it (measured on notes: about a quarter less
scan time than the led form, same matches).

`word_keys` reads the pattern's parse tree (the standard library's own parser, as
`regex_lead` does) and returns the set of case-folded one- or two-character prefixes that
every match starts with, or None when the rule is not word-led (it does not start with a
word boundary or a look-behind that excludes ASCII letters and digits), can start with a
character that is not a word character, or has too many prefixes to be worth it. A set that
is too large (a superset of the truth) only costs time; a prefix missing from it would lose
matches, so every shape this module does not know either widens to 'any character' or makes
the rule ineligible. No library offers this: a multi-pattern matcher (Hyperscan, Aho-
Corasick) has no look-arounds, and the `regex` module has no such prefix index.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# The standard library's regex parser (private module, present from Python 3.11 on); see
# veil.text.regex_lead for the same use.
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

__all__ = ["WordIndex", "fold", "word_keys", "word_starts"]

_C = sre_constants
_ANY = "\0"  # stands for 'any character' in a prefix
_MOST_PREFIXES = 400  # more prefixes than this: the rule stays with the led regex (measured)
_WIDEST_RANGE = 300
_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT}
_ASCII_ALNUM = {(ord("A"), ord("Z")), (ord("a"), ord("z")), (ord("0"), ord("9"))}
# The characters beyond ASCII that Python's case-insensitive matching pairs with an ASCII
# letter (the same table as regex_lead._EXTRA_FOLDS, which a test checks over every code
# point), and U+0130, the one character whose lower case is two characters long.
_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u212a": "k", "\u017f": "s"})
_WORD_START = re.compile(r"(?<![A-Za-z0-9])\w")
"""Every position where a word-led rule can match: a word character after anything but an
ASCII letter or digit (a superset of both leads `word_keys` accepts)."""


class _TooManyError(Exception):
    """The prefixes outgrow `_MOST_PREFIXES`."""


def fold(text: str) -> str:
    """`text` case-folded for prefix lookups, one character for one (so positions hold)."""
    return text.translate(_FOLDS).lower()


def _char(code: int) -> str:
    """A pattern's character as a key, or 'any character' for a cased letter beyond ASCII
    (its case partners under IGNORECASE, such as the final sigma, are not worth following)."""
    char = fold(chr(code))
    return _ANY if not char.isascii() and char.lower() != char.upper() else char


def _class_chars(items: list[tuple[Any, Any]]) -> set[str]:
    found: set[str] = set()
    for op, value in items:
        if op is _C.LITERAL:
            found.add(_char(value))
        elif op is _C.RANGE and value[1] - value[0] <= _WIDEST_RANGE:
            found |= {_char(code) for code in range(value[0], value[1] + 1)}
        else:  # a negated class, \d (any script's digits), \w, \s, a wide range: any character
            return {_ANY}
    return found


def _join(heads: set[str], tails: Iterable[str], size: int) -> set[str]:
    """Every head continued by every tail, cut to `size` (a full head stays as it is)."""
    tails = tuple(tails)
    joined = {head for head in heads if len(head) >= size}
    for head in heads:
        if len(head) < size:
            joined |= {(head + tail)[:size] for tail in tails}
    if len(joined) > _MOST_PREFIXES:
        raise _TooManyError
    return joined


def _sequence(items: Sequence[tuple[Any, Any]], size: int) -> set[str]:
    """The prefixes (up to `size` characters; shorter when a match can end there) of a
    parsed sequence."""
    found = {""}
    for op, value in items:
        if all(len(prefix) >= size for prefix in found):
            break
        found = _join(found, _item(op, value, size), size)
    return found


def _item(op: Any, value: Any, size: int) -> set[str]:
    if op is _C.LITERAL:
        return {_char(value)}
    if op is _C.IN:
        return _class_chars(value)
    if op is _C.SUBPATTERN:
        return _sequence(value[3], size)
    if op is _C.ATOMIC_GROUP:
        return _sequence(value, size)
    if op is _C.BRANCH:
        found: set[str] = set()
        for branch in value[1]:
            found |= _sequence(branch, size)
        return found
    if op in _REPEATS:
        minimum, maximum, body = value
        return _repeat(minimum, maximum, body, size)
    if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
        return {""}  # zero width: matches start where they would without it
    return {_ANY}  # '.', a negated literal, a back-reference, a conditional group...


def _repeat(minimum: int, maximum: int, body: Any, size: int) -> set[str]:
    once = _sequence(body, size)
    found: set[str] = set()
    current = {""}
    count = 0
    while True:
        if count >= minimum:
            found |= current
        if count == maximum or all(len(prefix) >= size for prefix in current):
            break
        following = _join(current, once, size)
        if following == current:
            break
        current = following
        count += 1
    # stopped at the maximum, at full prefixes or at a fixed point: more repeats add nothing
    return found | current


def _word_led(items: Sequence[tuple[Any, Any]]) -> bool:
    """Whether every match starts where the character before is no ASCII letter or digit:
    the pattern opens (after look-aheads) with a word boundary or with a look-behind whose
    class holds A-Z, a-z and 0-9 (the first characters are checked to be word characters
    by the caller)."""
    for op, value in items:
        if op in (_C.ASSERT, _C.ASSERT_NOT) and value[0] == 1:
            continue  # a look-ahead: the match still starts here
        if op is _C.AT:
            return bool(value is _C.AT_BOUNDARY)
        if op is _C.ASSERT_NOT:
            return _excludes_alnum_before(value)
        if op is _C.SUBPATTERN:
            return _word_led(value[3])
        if op is _C.ATOMIC_GROUP:
            return _word_led(value)
        if op is _C.BRANCH:
            return all(_word_led(branch) for branch in value[1])
        return False
    return False


def _excludes_alnum_before(assertion: Any) -> bool:
    direction, body = assertion
    if direction != -1 or len(body) != 1 or body[0][0] is not _C.IN:
        return False
    items = body[0][1]
    if any(op is _C.NEGATE for op, _value in items):
        return False
    if any(op is _C.CATEGORY and item in (_C.CATEGORY_WORD, _C.CATEGORY_UNI_WORD)
           for op, item in items):
        return True
    return {item for op, item in items if op is _C.RANGE} >= _ASCII_ALNUM


def word_keys(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The case-folded one- or two-character prefixes every match of a word-led `pattern`
    starts with (a one-character key: any second character), or None (module docstring)."""
    try:
        parsed = sre_parse.parse(pattern, flags)
        if not _word_led(parsed):
            return None
        prefixes = _sequence(parsed, 2)
    except _TooManyError:
        return None
    keys: set[str] = set()
    for prefix in prefixes:
        first = prefix[:1]
        if not first or first == _ANY or not (first.isalnum() or first == "_"):
            return None
        keys.add(first if len(prefix) == 1 or prefix[1] == _ANY else prefix)
    return frozenset(keys)


def word_starts(text: str) -> list[int]:
    """The positions where a word-led rule can start a match in `text`."""
    return [match.start() for match in _WORD_START.finditer(text)]


class WordIndex:
    """Rules (by number) under their keys; `positions` gives each rule its word starts."""

    def __init__(self, keys_by_rule: dict[int, frozenset[str]]) -> None:
        self._index: dict[str, list[int]] = {}
        for rule, keys in keys_by_rule.items():
            for key in keys:
                self._index.setdefault(key, []).append(rule)

    def positions(self, text: str) -> dict[int, list[int]]:
        """For each indexed rule with a candidate in `text`, its candidate positions in
        ascending order (a rule under both a one- and a two-character key of the same word
        start is listed once)."""
        index = self._index
        folded = fold(text)
        found: dict[int, list[int]] = {}
        for start in word_starts(text):
            pair = folded[start:start + 2]
            for key in (pair, pair[:1]) if len(pair) == 2 else (pair,):
                for rule in index.get(key, ()):
                    starts = found.get(rule)
                    if starts is None:
                        found[rule] = [start]
                    elif starts[-1] != start:
                        starts.append(start)
        return found
