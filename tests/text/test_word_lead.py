"""Word-start dispatch (veil.text.word_lead): the rules find exactly what the plain patterns
find, in the same order, on notes and on hostile text."""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veil.text.regex_lead import FastRegex, LedRegex
from veil.text.rules import _BLANKS, _IPV6_FULL, CompiledRules
from veil.text.word_lead import WordIndex, fold, word_keys, word_starts

_CORPORA = Path(__file__).parents[2] / "bench" / "corpora"
_HELDOUT = Path(__file__).parent / "heldout"
_COMPILED = CompiledRules()


def _plain_scan(text: str) -> Iterator[tuple[int, int, str]]:
    """Every rule over the whole text with `finditer` (what `scan` did before dispatch)."""
    low = " " + text.lower().translate(_BLANKS) + " "
    for rule, regex, needs in _COMPILED._compiled:
        if isinstance(needs, FastRegex):
            if needs.search(low) is None:
                continue
        elif (needs is not None and not any(need in low for need in needs)
              and not (rule.name == "ipv6" and low.count(":") >= _IPV6_FULL)):
            continue
        spans = (regex.spans(text, rule.group) if isinstance(regex, LedRegex)
                 else (match.span(rule.group) for match in regex.finditer(text)))
        yield from ((start, end, rule.name) for start, end in spans if end > start)


def _scan(text: str) -> list[tuple[int, int, str]]:
    return [(found.start, found.end, found.rule.name) for found in _COMPILED.scan(text)]


def _texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(_CORPORA.glob("*/*.jsonl")) + sorted(_HELDOUT.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines()[:25]:
            texts.append(json.loads(line).get("text", ""))
    return texts


_TEXTS = _texts()
_WORDS = sorted({word for text in _TEXTS[:400] for word in re.findall(r"\S+", text)})


def test_many_rules_are_dispatched_by_word_start() -> None:
    assert len(_COMPILED._word_led) > 150


def test_scan_equals_the_plain_scan_on_every_corpus() -> None:
    assert len(_TEXTS) > 500
    for text in _TEXTS:
        assert _scan(text) == list(_plain_scan(text))


_SEPARATORS = st.sampled_from([" ", "  ", "\n", "\t", ", ", ": ", "-", "/", "(", ")", "#",
                               ".", "", "_", "é", "\u0130", "\u017f"])
_TOKENS = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS).map(str.upper),
    st.sampled_from(_WORDS).map(str.lower),
    st.text(alphabet=string.ascii_letters + string.digits + "\u017f\u0131\u0130\u212a"
            "ςσΣºéÉ°½_", max_size=5),
)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(_TOKENS, _SEPARATORS), max_size=40))
def test_scan_equals_the_plain_scan_on_any_text(parts: list[tuple[str, str]]) -> None:
    text = "".join(token + separator for token, separator in parts)
    assert _scan(text) == list(_plain_scan(text))


def test_every_code_point_folds_to_one_character() -> None:
    for code in range(0x110000):
        assert len(fold(chr(code))) == 1, hex(code)


def _keys(pattern: str) -> set[str]:
    keys = word_keys(pattern)
    assert keys is not None
    return set(keys)


def test_keyword_rules_are_keyed_by_their_first_two_letters() -> None:
    assert _keys(r"(?i:\b(?:dob|date\s+of\s+birth|mrn))") == {"do", "da", "mr"}
    assert _keys(r"(?<![A-Za-z0-9])(?:0?[1-9]|1[0-2])/[0-9]{2}") >= {"01", "1/", "12"}


def test_a_second_character_the_parse_cannot_list_is_any_character() -> None:
    assert _keys(r"\bx\s+ray") == {"x"}
    assert _keys(r"\b[a-b][^q]") == {"a", "b"}
    assert word_keys(r"(?i:\bé)") is None  # a cased letter beyond ASCII: not followed
    assert _keys(r"(?i:\baé)") == {"a"}


@pytest.mark.parametrize("pattern", [
    r"dob",  # no word boundary: it can start inside a word
    r"(?<![0-9])[0-9]{3}",  # letters may stand before it
    r"(?<![A-Za-z0-9])#\d+",  # it starts with a character that is not a word character
    r"\b(?:ab)?",  # it can match nothing
    r"\b.x",  # it can start with any character
    r"(?m:^)MRN",  # a line start is not a word start
    r"\b(?:[a-z][a-z0-9][a-z0-9])",  # too many prefixes to be worth it
])
def test_rules_it_cannot_key_are_left_to_the_led_scan(pattern: str) -> None:
    assert word_keys(pattern) is None


def test_a_look_ahead_before_the_boundary_is_allowed() -> None:
    assert word_keys(r"(?=[0-9])(?<![A-Za-z0-9])[0-9]{4}") is not None


def test_word_starts_follow_ascii_letters_and_digits_only() -> None:
    assert word_starts("ab 12 éx_y") == [0, 3, 6, 7, 9]


def test_the_index_lists_each_start_once_per_rule() -> None:
    index = WordIndex({0: frozenset({"ab", "a"}), 1: frozenset({"x"})})
    assert index.positions("ab abc xa ba") == {0: [0, 3], 1: [7]}
