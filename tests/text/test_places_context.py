"""Places in short queries and notes: transfer acronyms, employers, facility words, and
the vetoes for place names used as clinical vocabulary (hand-written sentences)."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text.scrubber import Scrubber
from veil.text.spans import PhiType


def _covered(scrubber: Scrubber, text: str, value: str) -> bool:
    return covered(scrubber, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("my aunt in Wichita has the same rash", "Wichita"),
    ("we live near Spokane now, is that ok", "Spokane"),
    ("she drove up from San Angelo for the visit", "San Angelo"),
    ("moving to Chattanooga next month, need records", "Chattanooga"),
    ("Transferred from UMC for higher level of care.", "UMC"),
    ("He works at Walgreens on the night shift.", "Walgreens"),
    ("She is employed by Tyson Foods as a line worker.", "Tyson Foods"),
    ("Followed at St. Agnes Cancer Pavilion for chemo.", "St. Agnes Cancer Pavilion"),
])
def test_places_found(scrubber: Scrubber, text: str, value: str) -> None:
    assert _covered(scrubber, text, value)


def test_transfer_acronym_is_a_facility(scrubber: Scrubber) -> None:
    text = "Transferred from UMC for higher level of care."
    kinds = {s.type for s in scrubber.find(text)}
    assert PhiType.FACILITY in kinds


@pytest.mark.parametrize("text", [
    "Transferred to MICU overnight. Admitted to ICU, then sent to PACU.",
    "Is Ebola still around in West Africa?",
    "Found in Paris classification stage 0-IIa",
    "Lyme disease risk in Connecticut",
    "Works at home; employed by the VA as a clerk.",
    "Hope this helps, in Grace period now",
    "Guidelines for West Nile virus in Texas",
])
def test_clinical_and_generic_places_kept(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value"), [
    ("| Lowell 01852 | home |", "Lowell"), ("| Lowell 01852 | home |", "01852"),
    ("mail the form to Enid 73701 asap", "73701"),
])
def test_place_before_five_digits(scrubber: Scrubber, text: str, value: str) -> None:
    assert _covered(scrubber, text, value)


@pytest.mark.parametrize("text", ["Platelets 15000 today", "Weight 12345 grams logged"])
def test_counts_are_not_zip_codes(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value"), [
    ("she splits time between Hialeah, Florida and Guadalajara now", "Guadalajara"),
    ("family in Enid or Tulsa", "Tulsa"),
])
def test_coordinated_places(scrubber: Scrubber, text: str, value: str) -> None:
    assert _covered(scrubber, text, value)


@pytest.mark.parametrize("text", ["moved from Spokane and Mexico", "Fresno and Tylenol helped"])
def test_coordinated_place_not_a_country_or_drug(scrubber: Scrubber, text: str) -> None:
    found = {text[s.start:s.end] for s in scrubber.find(text)}
    assert "Mexico" not in found and "Tylenol" not in found


@pytest.mark.parametrize(("text", "value"), [
    ("she is at cedar bend rehab now", "cedar bend rehab"),
    ("st agnes hospital called back", "st agnes hospital"),
    ("moved into pine ridge nursing home", "pine ridge nursing home"),
])
def test_lower_case_facilities(scrubber: Scrubber, text: str, value: str) -> None:
    assert _covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "went to pulmonary rehab", "the local hospital", "his primary care clinic",
    "a nursing home", "inpatient psych hospital", "wound care clinic",
    "outpatient physical therapy clinic", "weight loss clinic", "the pain management clinic",
])
def test_generic_lower_case_facilities_kept(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value"), [
    ("she fell in Temple last week", "Temple"),
    ("got tested in Hope on the way home", "Hope"),
    ("lives in Muskogee with her son", "Muskogee"),
    ("from Sandy Hook originally", "Sandy Hook"),
])
def test_small_and_word_towns_in_place_context(scrubber: Scrubber, text: str,
                                               value: str) -> None:
    assert _covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Normal sinus rhythm. Mission accomplished.", "Temple pain on the left",
    "Hope this helps", "Is heparin safe in Bell's palsy?",
])
def test_word_towns_need_place_context(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


def test_place_lists_loaded() -> None:
    from veil.text.lexicon import lexicon

    lex = lexicon()
    assert {"MUSKOGEE", "TEMPLE", "HOPE"} <= lex.places
    assert {"TEMPLE", "HOPE"} <= lex.place_words
    assert "TERRA ALTA" in lex.places and "TERRA ALTA" not in lex.place_words
