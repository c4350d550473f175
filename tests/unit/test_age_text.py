"""Ages written as text: parsed by Polars expressions, then top-coded (ages >= 90 -> '90+')."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ApplyAction
from veil.actions.age_text import age_years, is_age_text, top_code_text
from veil.policy.models import TopCode

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def in_words(n: int, hyphen: str = "-", hundred: str = "one hundred", conj: str = " and ") -> str:
    """English words for 0 <= n < 200, written independently of the parser."""
    if n >= 100:
        rest = n - 100
        return hundred if rest == 0 else f"{hundred}{conj}{in_words(rest, hyphen)}"
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] if ones == 0 else f"{_TENS[tens]}{hyphen}{_ONES[ones]}"


def _top_coded(values: list[str | None], at: int = 90, label: str = "90+") -> list[str | None]:
    frame = pl.DataFrame({"a": values}, schema={"a": pl.String})
    return frame.select(top_code_text(pl.col("a"), at, label)).to_series().to_list()


CASES: list[tuple[str | None, str | None]] = [
    ("19", "19"), ("19yo", "19"), ("19 y/o", "19"), ("19 yrs", "19"), ("19 years", "19"),
    ("19 Y.O.", "19"), ("19-year-old", "19"), ("19 years old", "19"), ("45 yo F", "45"),
    ("nineteen", "19"), ("Nineteen", "19"), ("ninety-two", "90+"), ("ninety two", "90+"),
    ("twentyone", "21"), ("seventy", "70"), ("one hundred and five", "90+"),
    ("92 y", "90+"), ("6 mo", "0"), ("6 months", "0"), ("18 months", "1"), ("3 wks", "0"),
    ("10 days", "0"), ("Age: 45", "45"), ("aged 30", "30"), ("  12  ", "12"), ("89.9", "89"),
    ("90+", "90+"), ("90 +", "90+"), ("90 or older", "90+"), (">89", "90+"), ("> 89", "90+"),
    (">=90", "90+"), ("\u226590", "90+"), ("<1", "0"), ("104", "90+"),
    ("90-94", "90+"), ("90\u201394", "90+"),
    # fail closed: a value that may lie on either side of 90, or is no age at all
    ("85+", None), (">65", None), ("<5", None), ("85-94", None), ("40-49", None), ("45 M", None),
    ("abc", None), ("-1", None), ("", None), ("sevent", None), ("a", None), (None, None),
    ("200", None),
]


@pytest.mark.parametrize(("value", "expected"), CASES)
def test_written_ages_are_top_coded(value: str | None, expected: str | None) -> None:
    assert _top_coded([value]) == [expected]


@pytest.mark.parametrize(("value", "expected"), CASES)
def test_the_scanner_reads_what_top_code_reads(value: str | None, expected: str | None) -> None:
    """Every value top_code keeps is age text for the scanner, and nothing else is but bounds."""
    frame = pl.DataFrame({"a": [value]}, schema={"a": pl.String})
    shaped = frame.select(is_age_text(pl.col("a"))).item()
    if expected is not None:
        assert shaped
    elif value in ("abc", "-1", "", "sevent", "a", None, "45 M"):
        assert not shaped


def test_top_code_action_reads_written_ages(apply_action: ApplyAction) -> None:
    values = ["nineteen", "19yo", "92 y/o", "6 mo", ">89", "unknown"]
    assert apply_action(TopCode(action="top_code"), values, pl.String) == \
        ["19", "19", "90+", "0", "90+", None]


def test_other_threshold_and_label() -> None:
    assert _top_coded(["84", "85", "eighty-five", "85 or older", "80-84", "85-89"],
                      at=85, label="85 or older") == \
        ["84", "85 or older", "85 or older", "85 or older", None, "85 or older"]


def test_months_are_fractions_of_a_year() -> None:
    frame = pl.DataFrame({"a": ["6 mo", "18 months", "one year"]})
    years = frame.select(age_years(pl.col("a"), 90, "90+")).to_series().to_list()
    assert years == [0.5, 1.5, 1.0]


_WRITTEN = st.sampled_from([
    "{n}", "{n}yo", "{n} yo", "{n} y/o", "{n} yrs", "{n} years", "{n} years old", "{n}y",
    "{n}-year-old", "{w}", "{w} years old", "{W}", "{w2}", "Age {n}",
])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(min_value=0, max_value=120), _WRITTEN),
                min_size=1, max_size=40))
def test_any_written_age_parses_back_and_top_codes(cases: list[tuple[int, str]]) -> None:
    """Any age 0-120, in digits, with an abbreviation or in words, reads back as itself."""
    texts = [form.format(n=n, w=in_words(n), W=in_words(n).upper(),
                         w2=in_words(n, hyphen=" ", hundred="a hundred", conj=" "))
             for n, form in cases]
    frame = pl.DataFrame({"a": texts})
    years = frame.select(age_years(pl.col("a"), 90, "90+")).to_series().to_list()
    assert years == [float(n) for n, _ in cases], texts
    assert _top_coded(texts) == [str(n) if n < 90 else "90+" for n, _ in cases]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=120), min_size=1, max_size=50))
def test_a_column_is_parsed_row_for_row(ages: list[int]) -> None:
    texts = [in_words(a) if i % 2 else f"{a} yrs" for i, a in enumerate(ages)]
    assert _top_coded(texts) == [str(a) if a < 90 else "90+" for a in ages]


_PIECES = st.sampled_from(["9", "19", "90", "120", "-", "+", ">", "<", "=", " ", ".", "5",
                           "yo", "y/o", "mo", "years", "old", "ninety", "two", "hundred", "and",
                           "age", "or older", "m", "f", "abc", "\u2265", "\u2013"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=6).map("".join), min_size=1, max_size=40))
def test_output_is_a_whole_age_below_the_threshold_the_label_or_null(texts: list[str]) -> None:
    """The shape the verification pass checks, whatever the input text."""
    for at, label in ((90, "90+"), (85, "85 or older")):
        for out in _top_coded(texts, at=at, label=label):
            assert out is None or out == label or (out.isdigit() and 0 <= int(out) < at), out
