"""Session 31 rules: a found facility's initials recur as that facility elsewhere in the same
text ('Boone County Hospital' ... 'BCH records'); a name before a form's field gap and a label of
two words ('Bass, Grace      Exam Date:'); a 'Last, First' header after a label such as 'PT
NAME:' with its middle initial; airports by their codes beside the words of flying, flights'
numbers, an issuer's letters before a number after '#', air and rail lines named by any
capitalized word; and the text each must leave alone."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered, touched
from veil.text import Scrubber

_SCRUBBER = Scrubber()


@pytest.mark.parametrize(("text", "value"), [
    ("Transferred from Boone County Hospital last week. BCH records reviewed.", "BCH"),
    ("Seen at Chicago Dept of Public Health on 3/4; CDPH nurse called back.", "CDPH"),
    ("Letter from KITSAP RECOVERY CENTER. Client KRC-19055 is enrolled at KRC.", "KRC"),
    ("She studies at Hill Country University. HCU student ID on file.", "HCU"),
    ("Patient Name: Bass, Forest R.        Exam Date: Jul-08-2024", "Bass, Forest R"),
    ("Patient Name: Bass, Grace        Exam Date: Jul-08-2024", "Bass, Grace"),
    ("PT NAME: VANDERWATER, CLEMENTINE A        MRN: SH-2207731", "VANDERWATER, CLEMENTINE A"),
    ("Resident Name: Hill, Grace R.   Room 4", "Hill, Grace R"),
    ("FA, ATL base, emp # PQ-118842", "ATL"),
    ("she can't take tomorrow's ATL-BOG trip.", "BOG"),
    ("Tentative 1/12 KEF-DEN nonstop, arriving DEN 18:05", "KEF"),
    ("flight BCX 9012 (Chicago ORD -> ANC), aircraft N782BC", "ANC"),
    ("Brought in by coworker from ANC north cargo ramp.", "ANC"),
    ("continued to DFW per crew, landed 0751", "DFW"),
    ("Itinerary: SJU to EWR May 18, 2024; return EWR to SJU", "SJU"),
    ("flight BCX 9012 (Chicago ORD -> ANC), aircraft N782BC", "BCX 9012"),
    ("layover in Lima, Peru after flt PQ 627", "PQ 627"),
    ("first officer, crew # BCX 5530", "BCX 5530"),
    ("passenger on Front Range Airways flight 1187", "Front Range Airways"),
    ("flight attendant with Lakeshore Airlines since 2010", "Lakeshore Airlines"),
    ("conductor, Denali Northern Railroad; emp no. DNR-006312", "Denali Northern Railroad"),
    ("Slavic Family Pharmacy * 6824 Madison Ave", "Slavic Family Pharmacy"),
    ("PCP of record is Dr. Melnyk at Slavic Medical Center.", "Slavic Medical Center"),
    ("case mgr (Jewish Family Service LA -- MSSP site)", "Jewish Family Service"),
])
def test_found(text: str, value: str) -> None:
    assert covered(_SCRUBBER, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Transferred from Northwick Park Hospital; NPH insulin 10 units at night.", "NPH"),
    ("Seen at American School for the Deaf. ASD evaluation is pending.", "ASD"),
    ("Admitted to Mercy Intensive Care Unit; ICU team aware.", "ICU"),
    ("Transferred from Boone County Hospital. BCHX panel sent.", "BCHX"),
    ("Drug Name: Amoxicillin, Clavulanate   500 mg", "Amoxicillin"),
    ("Donor: DDKT, KDPI 34%, donor ID on file", "DDKT"),
    ("Hunt Hess\tGrade 2", "Hunt Hess"),
    ("CABG x3 (LIMA-LAD, SVG-PDA), vein harvest L leg", "LAD"),
    ("Hx NSTEMI w/ DES to LAD, LDL still 104", "LAD"),
    ("arrived via SIV/refugee pathway 7/15", "SIV"),
    ("ANC 1.2, LOS 4 days. Landed on his arm.", "LOS"),
    ("LANDED ON HIS ARM", "HIS"),
    ("flight of ideas; two flights of stairs", "flight"),
    ("Hx of Reactive Airways Disease, on albuterol", "Reactive Airways"),
    ("Return on Qatar Airways flight, then Alaska Airlines home", "Alaska Airlines"),
    ("son and daughter visit. Family Catholic (parish nearby)", "Family Catholic"),
])
def test_left_alone(text: str, value: str) -> None:
    assert not touched(_SCRUBBER, text, value)
