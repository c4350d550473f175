"""Session 21 mechanisms: one rule per form label of a place (validated), one field gap for
every rule that stops a name at a form's next field, a facility's rare first word found
alone later in the same note, a relation's possessive that is no cue for a name, products
after one everyday word, parts of a building; and the text each must leave alone."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text import Scrubber
from veil.text.gaps import BLANK_RUN, FIELD_GAP
from veil.text.spans import PhiType


@pytest.mark.parametrize(("text", "value"), [
    # a place after its form label: one validated rule reads them all
    ("City: Foley\nState: AL", "Foley"),
    ("Suburb: Parramatta NSW 2150", "Parramatta"),
    ("Town: Springfield, IL", "Springfield"),
    # a facility's value before the next label of the form's line
    ("Program: Summit LifeFlight  Base: Gypsum   Mission #: SLF-2025-0219-03", "Gypsum"),
    ("Service: TriState MedAnswer   Practice: Tug River Family Medicine", "TriState MedAnswer"),
    # a facility's rare first word alone later in the note
    ("Receiving: Comer Children's PICU, Chicago IL\nTransport: Comer critical care team, ground",
     "Comer critical"[:5]),
    ("Admitted to Sentara Heart Hospital. Later the Sentara team called.", "Sentara team"[:7]),
    # a relation's name after a possessive with its connector
    ("her son's name is Kevin", "Kevin"),
    ("my daughter's, Emma, school", "Emma"),
    ("my friend Tom Wing visited", "Tom Wing"),
])
def test_found(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


def test_the_later_mention_is_the_second_occurrence(scrubber: Scrubber) -> None:
    text = "Receiving: Comer Children's PICU\nTransport: Comer critical care team"
    later = text.rindex("Comer")
    assert any(s.start <= later < s.end for s in scrubber.find(text))


@pytest.mark.parametrize("text", [
    # a label read by no place rule without a place after it
    "Town: Rural",
    "City: Inner",
    "Locality: Rural",
    # a service line, a part of a building, a product
    "Referred to Women's and Children's Services for follow-up.",
    "Transferred to 5th Floor East Wing.",
    "Patient moved to the East Wing after the procedure.",
    "Will a BMI of 30.8 disqualify someone from Inspire therapy?",
    "Is the Inspire device safe in an MRI?",
    # a relation's possessive before a thing of theirs
    "mother's Humira refill was late",
    "Husband's Medicare card is in the chart",
    # a people or a language beside a facility of the same word
    "Hmong Funeral Home of Eau Claire arranged it. Hmong interpreter present; in Hmong custom",
    "seen at Blackfeet Community Hospital. 23-year-old Blackfeet woman from the reservation",
])
def test_left_alone(scrubber: Scrubber, text: str) -> None:
    found = scrubber.find(text)
    if text.startswith(("Hmong Funeral", "seen at Blackfeet")):
        later = text.index(". ") + 2
        found = [s for s in found if s.start >= later]
    assert found == [], [(s.type, text[s.start:s.end]) for s in found]


def test_a_name_before_a_facility_label_keeps_its_type(scrubber: Scrubber) -> None:
    text = "Walter Amundsen           Hospice ID: 4471"
    spans = scrubber.find(text)
    name = [s for s in spans if text[s.start:s.end] == "Walter Amundsen"]
    assert name and name[0].type is PhiType.NAME
    assert not any("Hospice" in text[s.start:s.end] for s in spans)


def test_a_facility_stops_at_the_next_field(scrubber: Scrubber) -> None:
    text = "Pelican Answering Svc   Acct PAS-0213"
    spans = scrubber.find(text)
    assert not any("Acct" in text[s.start:s.end] for s in spans)
    assert covered(scrubber, text, "Pelican Answering Svc")
    assert covered(scrubber, text, "PAS-0213")


@pytest.mark.parametrize(("gap", "field", "blank"), [
    ("   ", True, True), ("\t", True, True), (" \t ", True, True),
    ("  ", False, True), (" ", False, False),
])
def test_one_field_gap_for_every_rule(gap: str, field: bool, blank: bool) -> None:
    assert bool(FIELD_GAP.search(gap)) is field
    assert bool(BLANK_RUN.fullmatch(gap)) is blank
