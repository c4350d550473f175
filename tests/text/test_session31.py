"""Session 31 rules: a found facility's initials recur as that facility elsewhere in the same
text ('Boone County Hospital' ... 'BCH records'); a name before a form's field gap and a label of
two words ('Bass, Grace      Exam Date:'); a 'Last, First' header after a label such as 'PT
NAME:' with its middle initial; and the text each must leave alone."""

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
])
def test_left_alone(text: str, value: str) -> None:
    assert not touched(_SCRUBBER, text, value)
