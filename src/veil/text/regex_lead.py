"""Faster scans for the text rules: a pattern led by a class of its possible first characters.

CPython's regex engine skips to candidate positions in a tight loop only when a pattern
starts with a literal or a plain character class ('charset prefix'); a pattern that starts
with a look-behind, a word boundary or a case-insensitive keyword group is entered at every
position of the text, which is most of the cost of 260 rules over a note (measured: about
4-5 ms per rule per 300k characters, 2 ms with a leading class, 0.2 ms with a literal).

`first_characters` reads the pattern's parse tree (the standard library's own parser: the
one thing that knows exactly what a pattern means) and returns a class that holds every
character a match can start with, or None when it cannot say (a negated class, '.', a
back-reference, a pattern that can match nothing). `led_pattern` then writes the pattern
as `[FIRST](?<=(?=(?:PATTERN)())(?s:.))`: the engine skips to a first character, steps back one
and runs the original pattern there in a look-ahead; the empty group at its end marks where
the match ends. Matches are the same as the plain pattern's at every start position;
`LedRegex.finditer` drops the ones that start inside an earlier match, as `re.finditer`
never returns them. No third-party regex engine does this better for us: the `regex`
module has no such prefix scan either, and a DFA engine (RE2) lacks look-arounds.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

# The standard library's regex parser (private module, present from Python 3.11 on); any
# shape this module does not know makes `first_characters` answer None: slower, never wrong.
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_C = sre_constants
_ZERO_WIDTH = {_C.AT, _C.ASSERT, _C.ASSERT_NOT}
_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT}
_CATEGORIES = {_C.CATEGORY_DIGIT: r"\d"}  # \w and \s start almost anywhere: not worth it
# Characters outside ASCII that a case-insensitive ASCII letter also matches in Python's
# `re` (tests/text/test_regex_lead.py checks this table over every code point).
_EXTRA_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
_LARGEST_RANGE = 300
# A class of more first characters than this (letters and digits, say) stops the engine at
# so many positions that the led form is slower than the plain one (measured on notes).
_WIDEST = 40


class _UnknownShapeError(Exception):
    """The pattern has a shape whose first characters this module does not work out."""


def _fold(char: str, ignore_case: bool) -> set[str]:
    if not ignore_case:
        return {char}
    if char.isascii() and char.isalpha():
        low = char.lower()
        return {low, low.upper(), *_EXTRA_FOLDS.get(low, "")}
    if char.lower() == char == char.upper():
        return {char}
    raise _UnknownShapeError  # a cased letter beyond ASCII: its case partners are not worth listing


def _class_items(items: list[tuple[Any, Any]], ignore_case: bool) -> set[str]:
    found: set[str] = set()
    for op, value in items:
        if op is _C.LITERAL:
            found |= _fold(chr(value), ignore_case)
        elif op is _C.RANGE:
            low, high = value
            if not ignore_case:
                found.add(f"\\U{low:08x}-\\U{high:08x}")
                continue
            if high - low > _LARGEST_RANGE:
                raise _UnknownShapeError
            for code in range(low, high + 1):
                found |= _fold(chr(code), ignore_case)
        elif op is _C.CATEGORY and value in _CATEGORIES:
            found.add(_CATEGORIES[value])
        else:  # a negated class, \w, \s, \D...
            raise _UnknownShapeError
    return found


def _first(sequence: Any, flags: int) -> tuple[set[str], bool]:
    """The first characters of a parsed sequence, and whether it can match nothing."""
    found: set[str] = set()
    for op, value in sequence:
        chars, empty = _first_item(op, value, flags)
        found |= chars
        if not empty:
            return found, False
    return found, True


def _first_item(op: Any, value: Any, flags: int) -> tuple[set[str], bool]:
    ignore_case = bool(flags & re.IGNORECASE)
    if op is _C.LITERAL:
        return _fold(chr(value), ignore_case), False
    if op is _C.IN:
        return _class_items(value, ignore_case), False
    if op is _C.SUBPATTERN:
        _group, add_flags, del_flags, body = value
        return _first(body, (flags | add_flags) & ~del_flags)
    if op is _C.ATOMIC_GROUP:
        return _first(value, flags)
    if op is _C.BRANCH:
        found: set[str] = set()
        can_be_empty = False
        for branch in value[1]:
            chars, empty = _first(branch, flags)
            found |= chars
            can_be_empty |= empty
        return found, can_be_empty
    if op in _REPEATS:
        minimum, _maximum, body = value
        chars, empty = _first(body, flags)
        return chars, empty or minimum == 0
    if op in _ZERO_WIDTH:
        return set(), True
    raise _UnknownShapeError  # '.', a negated literal, a back-reference, a conditional group


def _width(chars: set[str]) -> int:
    """How many characters a set of class items holds ('\\d' read as ten)."""
    width = 0
    for item in chars:
        if item == r"\d":
            width += 10
        elif "-" in item[1:]:
            low, high = item.split("-")
            width += int(high[2:], 16) - int(low[2:], 16) + 1
        else:
            width += 1
    return width


def first_characters(pattern: str, flags: int = 0) -> str | None:
    """A character-class body holding every character a match of `pattern` can start
    with, or None when the parse tree does not tell (see the module docstring)."""
    try:
        parsed = sre_parse.parse(pattern, flags)
        chars, empty = _first(parsed, parsed.state.flags)
    except _UnknownShapeError:
        return None
    if empty or not chars or _width(chars) > _WIDEST:
        return None
    categories = sorted(c for c in chars if len(c) > 1)
    singles = sorted(c for c in chars if len(c) == 1)
    return "".join(categories) + "".join(f"\\U{ord(c):08x}" for c in singles)


def led_pattern(pattern: str, first: str) -> str:
    """`pattern` behind a case-sensitive class of its first characters (module docstring);
    its own groups keep their numbers, the group after them marks the match's end."""
    return f"(?-i:[{first}])(?<=(?=(?:{pattern})())(?s:.))"


@dataclass(frozen=True)
class LedRegex:
    """A compiled led pattern that finds what the plain pattern's `finditer` finds."""

    regex: re.Pattern[str]

    def spans(self, text: str, group: int | str) -> Iterator[tuple[int, int]]:
        """(start, end) of `group` (0: the whole match) of each match, left to right,
        without the matches that start inside an earlier one."""
        end_group = self.regex.groups
        last_end = -1
        for match in self.regex.finditer(text):
            start = match.start()
            if start < last_end:
                continue
            last_end = match.start(end_group)
            if group == 0:
                yield start, last_end
            else:
                yield match.span(group)


class FastRegex:
    """A compiled pattern whose `finditer` and `search` skip to the pattern's first
    characters (the led form) and return the plain pattern's own match objects, so callers
    see the spans and groups `re` gives them (only a match's `.pos` differs: it is where the
    match starts, not where the search did); patterns without a first-character class run
    plain."""

    __slots__ = ("_led", "plain")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.plain = re.compile(pattern, flags)
        led = compile_led(pattern, flags)
        self._led = led.regex if led else None

    @property
    def pattern(self) -> str:
        return self.plain.pattern

    @property
    def flags(self) -> int:
        return self.plain.flags

    @property
    def groups(self) -> int:
        return self.plain.groups

    @property
    def groupindex(self) -> Mapping[str, int]:
        return self.plain.groupindex

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0
            ) -> str:
        return self.plain.sub(repl, text, count)

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.plain.findall(text, pos, endpos)

    def split(self, text: str, maxsplit: int = 0) -> list[str | Any]:
        return self.plain.split(text, maxsplit)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize
                 ) -> Iterator[re.Match[str]]:
        if self._led is None:
            return self.plain.finditer(text, pos, endpos)
        return self._matches(self._led, text, pos, endpos)

    def _matches(self, led: re.Pattern[str], text: str, pos: int, endpos: int
                 ) -> Iterator[re.Match[str]]:
        # search on from each match's end, never through it: inside a long match the led
        # form would re-run the pattern's look-ahead at every character ('_{3,}' over 100k
        # underscores was quadratic, 3 s), all to be skipped
        plain = self.plain
        position = pos
        while (found := led.search(text, position, endpos)) is not None:
            start = found.start()
            match = plain.match(text, start, endpos)
            if match is None:  # cannot happen: the led form matched the pattern here
                position = start + 1
                continue
            position = match.end() if match.end() > start else start + 1
            yield match

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize
               ) -> re.Match[str] | None:
        if self._led is None:
            return self.plain.search(text, pos, endpos)
        found = self._led.search(text, pos, endpos)
        return None if found is None else self.plain.match(text, found.start(), endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize
              ) -> re.Match[str] | None:
        return self.plain.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize
                  ) -> re.Match[str] | None:
        return self.plain.fullmatch(text, pos, endpos)


def fast_compile(pattern: str, flags: int = 0) -> FastRegex:
    """`re.compile` for a pattern scanned over whole texts (see `FastRegex`)."""
    return FastRegex(pattern, flags)


def compile_led(pattern: str, flags: int, first: str | None = None) -> LedRegex | None:
    """The led form of `pattern` (with `first`, or the first characters worked out), or None
    when there is no first-character class or the led form does not compile (a
    back-reference inside the look-behind)."""
    first = first or first_characters(pattern, flags)
    if first is None:
        return None
    try:
        return LedRegex(re.compile(led_pattern(pattern, first), flags))
    except re.error:
        return None
