"""Hospitals of CMS's list and their short forms are found as facilities (veil.text.brands)."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text.brands import _short_form
from veil.text.scrubber import Scrubber
from veil.text.spans import PhiType


@pytest.mark.parametrize(("name", "short"), [
    ("Middlesboro ARH Hospital", "Middlesboro ARH"),
    ("Sentara Norfolk General Hospital", "Sentara Norfolk General"),
    ("Women & Infants Hospital of Rhode Island", "Women & Infants"),
    ("Abbeville Area Medical Center", "Abbeville Area"),
    ("Regional Medical Center", None),
    ("Mercy Hospital", None),
    ("North Valley Hospital", None),
])
def test_short_forms_keep_a_distinctive_word(name: str, short: str | None) -> None:
    assert _short_form(name) == short


@pytest.mark.parametrize(("text", "value"), [
    ("Caller will take him to Abbott Northwestern tonight.", "Abbott Northwestern"),
    ("i work nights at sentara norfolk general", "sentara norfolk general"),
    ("c-section on the 14th at Women and Infants, recovery?", "Women and Infants"),
    ("is st lukes boise open on sunday", "st lukes boise"),
])
def test_hospitals_named_without_their_facility_word(scrubber: Scrubber, text: str,
                                                     value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.FACILITY)
