"""Session 12: organizations named by their kind (dental and therapy practices, agencies of
services, courts, police, jails, law firms, libraries, banks) with describing words between
the name and the kind; generic agencies, a state's agency and verbs after relation words
stay."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text.scrubber import Scrubber, ScrubOptions


@pytest.fixture(scope="module")
def scrubber() -> Scrubber:
    return Scrubber(ScrubOptions())


@pytest.mark.parametrize(("text", "value"), [
    ("refer to Dr. Vance (Lakeview Periodontics, 614-555-0193).", "Lakeview Periodontics"),
    ("HARBORVIEW FAMILY DENTISTRY -- RECALL VISIT", "HARBORVIEW FAMILY DENTISTRY"),
    ("Dental home: Smile Junction Pediatric Dentistry, last cleaning", "Smile Junction"),
    ("Our son sees Dr. Ortiz at Pathways Child Psychology.", "Pathways Child Psychology"),
    ("Gateway Youth Behavioral Services, after-hours line", "Gateway Youth Behavioral"),
    ("Report made to Fresno Child Protective Services at 13:40.", "Fresno Child Protective"),
    ("Agency: Modesto Police Department, Det. Ruiz.", "Modesto Police Department"),
    ("TO: Judge, Pima County Superior Court, Division 14", "Pima County Superior Court"),
    ("interviewed at Maricopa County Adult Detention Complex, room 3", "Adult Detention Complex"),
    ("(Victor Alcala, Esq., Pima County Legal Defender's Office)", "Legal Defender's Office"),
    ("Release to: Ostrowski & Vail LLP, Portland", "Ostrowski & Vail LLP"),
    ("Working 10 h/wk at Mudd Library circulation desk.", "Mudd Library"),
    ("father incarcerated at Waupun Correctional since May", "Waupun Correctional"),
    ("Home health through Johns Hopkins Home Care Group, start of care", "Home Care Group"),
    ("through their medical group, Torrance Memorial IPA.", "Torrance Memorial IPA"),
    ("He works for Zions Bank from home.", "Zions Bank"),
    ("dispensing via Bayside Compounding, Tampa", "Bayside Compounding"),
    ("lives at St. Joseph's Home for the Aged in Holyoke.", "St. Joseph's Home for the Aged"),
    ("Site name: Sunbelt Oncology Research", "Sunbelt Oncology Research"),
    ("Referring: Dr. Cristiani, Providence Regional Cancer Partnership", "Cancer Partnership"),
    ("Crossroads Hospice & Palliative Care - visit note", "Crossroads Hospice & Palliative Care"),
    ("per Seattle Fire Medic 10 on scene", "Seattle Fire"),
])
def test_organizations_named_by_their_kind(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Referred to Adult Protective Services for a welfare check.",
    "Report filed with Louisiana Adult Protective Services intake line.",
    "Blood Bank called with the crossmatch.",
    "Donated to the Food Bank last week.",
    "Clinical Research Coordinator reviewed the consent.",
    "She donates blood at the clinic every 8 weeks.",
    "my son sees a therapist on Fridays",
    "my mom hopes to go home soon",
    "Pediatric Dentistry consult requested.",
])
def test_generic_agencies_and_verbs_stay(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


def test_a_facility_after_at_takes_no_lower_case_word(scrubber: Scrubber) -> None:
    text = "She donates blood at Vitalant every 8 weeks."
    found = [text[s.start:s.end] for s in scrubber.find(text)]
    assert found == ["Vitalant"]
