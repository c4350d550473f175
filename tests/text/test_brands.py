"""Facilities by brand and by facility head words (veil.text.brands, places.facilities)."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text.brands import BrandFinder, facility_brands
from veil.text.lexicon import lexicon
from veil.text.scrubber import Scrubber
from veil.text.spans import PhiType


@pytest.fixture(scope="module")
def brands() -> BrandFinder:
    return BrandFinder(lexicon())


def _found(finder: BrandFinder, text: str) -> list[str]:
    return [text[s.start:s.end] for s in finder.find(text)]


def test_the_brand_list_is_loaded_longest_first() -> None:
    listed = facility_brands()
    assert len(listed) > 300
    assert listed.index("Mayo Clinic") < listed.index("Mayo")


@pytest.mark.parametrize(("text", "brand"), [
    ("can you send a 90 day to the walgreens by my house", "walgreens"),
    ("the er at memorial hermann gave me keflex", "memorial hermann"),
    ("my mrn at baptist is on the card", "baptist"),
    ("got a letter from kaiser saying my MRN changed", "kaiser"),
    ("pharmacy is the cvs by the mall", "cvs"),
    ("exercises every morning with the lady from Bayada, who is wonderful", "Bayada"),
    ("anyone know if st joes does same day TAVR workups", "st joes"),
    ("my uncle went to the va in tomah for PTSD", "va"),
    ("Surgery tentatively at the Fargo VA. Insurance on file", "Fargo VA"),
    ("Dialysis at DaVita three times a week", "DaVita"),
])
def test_brands_where_a_place_of_care_stands(brands: BrandFinder, text: str, brand: str) -> None:
    assert brand in _found(brands, text)


@pytest.mark.parametrize("text", [
    "i have mercy on myself and the banner was up",       # everyday words without a place
    "Machine Fresenius 2008T SN on file",                  # a maker before its model
    "is the Mayo Clinic diet good for diabetes",           # a diet named after the clinic
    "Providence is a virtue; advocate for yourself",
    "MSK: Heberden nodes. Started R-CHOP cycle 2",
])
def test_brands_leave_everyday_words_makers_and_diets(brands: BrandFinder, text: str) -> None:
    assert _found(brands, text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("He was seen at Sturgis Regional on 11/29 where BNP was high", "Sturgis Regional"),
    ("VASCULAR REFERRAL DR WOLF, OREGON VASCULAR SPECIALISTS. HHA", "OREGON VASCULAR SPECIALISTS"),
    ("receives aflibercept injections at Georgia Retina. Family", "Georgia Retina"),
])
def test_facility_head_words(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.FACILITY)


@pytest.mark.parametrize("text", [
    "Aiko Watanabe, MD\nDivision of Rheumatology\n",
    "NON-EMERGENCY MEDICAL TRANSPORT - DAILY TRIP SHEET",
    "PAST SURGICAL HISTORY: CABG 2016",
])
def test_generic_department_phrases_are_no_facility(scrubber: Scrubber, text: str) -> None:
    assert [s for s in scrubber.find(text) if s.type is PhiType.FACILITY] == []
