"""Session 26 mechanisms: centres named 'for' a people or a cause; a nickname in quotes inside
a name (a single letter, capitals, lower case); a given name before 'my wife'; kin words of
South Asian, Arabic and northern European families; agencies on aging, community-action
agencies, electric cooperatives and hospitals written 'Hosp.'; clinics named by a number;
letterheads in capitals named by a lake's or a town's word; and the text each must leave
alone."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text import Scrubber
from veil.text.spans import PhiType

_SCRUBBER = Scrubber()


@pytest.mark.parametrize(("text", "value"), [
    ("Index referred to linkage: Center for Haitian Studies ID clinic, first appt",
     "Center for Haitian Studies"),
    ("Dr. Priya Venkataraman\nSoutheastern Center for Gender Surgery\n5673 Peachtree Rd NE",
     "Southeastern Center for Gender Surgery"),
    ("Called Journey Center for Safety and Healing hotline, bed available",
     "Journey Center for Safety and Healing"),
    ('PATIENT NAME: AUGUSTUS "GUS" MCCRAW   DATE OF VISIT: FEBRUARY 6, 2024',
     'AUGUSTUS "GUS" MCCRAW'),
    ('Navigator: Jermaine "J" Favrot   Client: Darius Holloway-Pierre', 'Jermaine "J" Favrot'),
    ('pt marcus "mo" delacroix (DOB 10/01/1990, mrn 4471)', 'marcus "mo" delacroix'),
    ("Can Nasreen, my wife, go to Lahore for 6 months?", "Nasreen"),
    ("I am calling about Pedro, my husband.", "Pedro"),
    ("My thatha Thangavel had tenecteplase on March 11", "Thangavel"),
    ("my khala Rubina called the clinic", "Rubina"),
    ("EMERGENCY DEPT -- Upper Connecticut Valley Hosp. / tele-ED backup",
     "Upper Connecticut Valley Hosp"),
    ("medical priority list with Pemiscot-Dunklin Electric Cooperative; account given",
     "Pemiscot-Dunklin Electric Cooperative"),
    ("assistance provided twice by Daniel Boone Community Action van.",
     "Daniel Boone Community Action"),
    ("in Kentucky Medicaid NEMT - LKLP Community Action transit", "LKLP Community Action"),
    ("Referral to Southern Maine Agency on Aging family caregiver program",
     "Southern Maine Agency on Aging"),
    ("living in Birmingham, and the 1917 Clinic says I need a CD4 count", "1917 Clinic"),
    ("1917 CLINIC | UNIVERSITY OF ALABAMA AT BIRMINGHAM\nHIV Outpatient Clinic", "1917 CLINIC"),
    ("CHAMPLAIN VALLEY FAMILY CARDIOLOGY\n75 Beekman Street, Suite 210\nPlattsburgh, NY",
     "CHAMPLAIN VALLEY FAMILY CARDIOLOGY"),
])
def test_found(text: str, value: str) -> None:
    assert covered(_SCRUBBER, text, value), (text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("reported to the Centers for Medicare & Medicaid Services last year", "Medicaid Services"),
    ("University of Texas and Dr Smith reviewed", "and"),
    ("Hey, my wife had her IUD placed", "Hey"),
    ("Sorry, my husband forgot the list", "Sorry"),
    ("Update, my husband is home", "Update"),
    ("We are Rohingya, my daughter is 3", "Rohingya"),
    ("Bonjour, my father is 91", "Bonjour"),
    ("Brief Hosp. course: uneventful", "course"),
    ("She signed a Durable Power of Attorney for Health Care.", "Durable Power of Attorney"),
    ("Health Care Power of Attorney on file", "Power of Attorney"),
    ("Referral to the Area Agency on Aging for meals", "Area Agency on Aging"),
    ("He has found a Higher Power through AA", "Higher Power"),
    ('where Ike "froze" mid-sentence for ten minutes', "mid-sentence"),
    ('Grade "A" today', "A"),
    ("the 2023 Clinic visit was missed", "2023 Clinic"),
    ("at the 1930 Clinic Guidelines meeting", "1930 Clinic"),
    ("patient with Kerlix Packing changed daily", "Kerlix Packing"),
])
def test_left_alone(text: str, value: str) -> None:
    spans = _SCRUBBER.find(text)
    start = text.index(value)
    assert not any(s.start < start + len(value) and s.end > start for s in spans
                   if s.type is not PhiType.DATE), (text, value)
