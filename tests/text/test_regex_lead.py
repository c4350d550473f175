"""The led patterns (veil.text.regex_lead) find exactly what the plain patterns find."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import veil.text
from veil.text.regex_lead import FastRegex, _fold, compile_led, first_characters
from veil.text.rules import RULES

_ALPHABET = (string.ascii_letters + string.digits + " \t\n.,;:/-()#'’@+*&%"
             + "\u017f\u0131\u0130\u212aéüÁñ½°•")
_CORPORA = Path(__file__).parents[2] / "bench" / "corpora"


def _fast_regexes() -> list[tuple[str, FastRegex]]:
    found: dict[int, tuple[str, FastRegex]] = {}
    for info in pkgutil.walk_packages(veil.text.__path__, "veil.text."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, FastRegex):
                found.setdefault(id(value), (f"{info.name}.{name}", value))
    return sorted(found.values(), key=lambda pair: pair[0])


_FAST = _fast_regexes()
_LED_RULES = [(rule, led) for rule in RULES
              if (led := compile_led(rule.pattern, rule.flags)) is not None]


def _corpus() -> list[str]:
    texts = []
    for path in sorted(_CORPORA.glob("blind2*/notes.jsonl"))[:2]:
        texts += [json.loads(line)["text"] for line in path.read_text().splitlines()[:20]]
    return texts


def test_most_rules_and_many_finders_are_led() -> None:
    assert len(_LED_RULES) > 150
    assert len(_FAST) > 25


def test_case_partners_of_ascii_letters_are_all_known() -> None:
    """Under IGNORECASE Python's `re` also matches 'ſ', 'ı', 'İ' and the Kelvin sign to
    ASCII letters: the led class lists them; no other code point does this."""
    ignoring_case = re.compile(r"(?i)[a-z]")
    listed = set().union(*(_fold(letter, True) for letter in string.ascii_letters))
    for code in range(0x110000):
        char = chr(code)
        assert bool(ignoring_case.fullmatch(char)) == (char in listed), hex(code)


@pytest.mark.parametrize(("pattern", "first"), [
    (r"(?i:\bdob)", "D"), (r"(?<![0-9])[0-9]{3}", "7"), (r"\n[ \t]*MRN", "\n"),
    (r"(?:a|b)?c", "c"),
])
def test_first_characters_hold_the_first_character(pattern: str, first: str) -> None:
    chars = first_characters(pattern)
    assert chars is not None
    assert re.fullmatch("[" + chars + "]", first)


@pytest.mark.parametrize("pattern", [
    r"x*", r"(?:ab)?", r".abc", r"[^a]bc", r"\w+", r"\Dx", r"(?i:é)",
])
def test_shapes_it_cannot_lead_are_left_plain(pattern: str) -> None:
    assert first_characters(pattern) is None


def test_a_back_reference_keeps_the_plain_pattern() -> None:
    assert first_characters(r"(a)b\1") is not None
    assert compile_led(r"(a)b\1", 0) is None


def test_rules_find_the_same_spans_on_notes() -> None:
    texts = _corpus()
    for rule, led in _LED_RULES:
        plain = re.compile(rule.pattern, rule.flags)
        for text in texts:
            assert list(led.spans(text, rule.group)) == [
                m.span(rule.group) for m in plain.finditer(text)], rule.name


def test_finders_find_the_same_matches_on_notes() -> None:
    texts = _corpus()
    for name, fast in _FAST:
        for text in texts:
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [
                (m.span(), m.groups()) for m in fast.plain.finditer(text)], name


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=_ALPHABET, min_size=0, max_size=160), st.integers(0, 40))
def test_led_scans_equal_plain_scans_on_any_text(text: str, pos: int) -> None:
    for rule, led in _LED_RULES:
        plain = re.compile(rule.pattern, rule.flags)
        assert list(led.spans(text, rule.group)) == [
            m.span(rule.group) for m in plain.finditer(text)], rule.name
    end = len(text) - pos // 2
    for name, fast in _FAST:
        assert [m.span() for m in fast.finditer(text, pos, end)] == [
            m.span() for m in fast.plain.finditer(text, pos, end)], name
        found, expected = fast.search(text, pos, end), fast.plain.search(text, pos, end)
        assert (found and found.span()) == (expected and expected.span()), name
