"""Session 23 mechanisms: scanned text read again (a name with a 0 at its end, a short
word or a short date read as letters or digits, a found name recurring in its damaged
spelling), dotted initials of residents and their recurrence, a surname in capitals with
its initial after a comma; and the text each must leave alone."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text import Scrubber

_SCANNED = (
    "[scanned document - OCR]\nMUNICIPAL COURT\nSTATE 0F NEW JERSEY vs. PEGUER0, MARIS0L\n"
    "Complaint N0. 0714-S-2O23-OO8842    Court ID O714\nDOB O4/11/1989\n"
    "it is on this l4th day 0f N0vember, 2O23 ORDERED that the defendant\n"
    "Page 1 of 1        scanned ll/l5/23  by clerk\n"
)
_FAX = (
    "*** FAX ***   FR0M: GIRARD MED CTR OTP   PG 1/3\nMemb er: TORRES, GLADYS    D0B 1O/3O/1974\n"
    "Prescr: H0LLOWAY, P. (intake coord.) f0r Dr R. Nakamura\n"
    "Pls fax determination attn P. Holloway.\n"
)


@pytest.mark.parametrize(("text", "value"), [
    (_SCANNED, "PEGUER0"),
    (_SCANNED, "MARIS0L"),
    (_SCANNED, "O714"),
    (_SCANNED, "l4th day 0f N0vember, 2O23"),
    (_SCANNED, "ll/l5/23"),
    (_FAX, "H0LLOWAY, P."),
    (_FAX, "1O/3O/1974"),
    (_FAX, "TORRES, GLADYS"),
    # residents by their initials, with a room; the same initials later
    ("Residents involved: K.M. (room 3), D.R. (room 5)\nWhat happened: D.R. started "
     "breathing ~1:22. Called D.R.'s emergency contact. K.M. offered debrief.", "D.R."),
    ("Clients: A.B., C.D. -- present", "C.D."),
    ("Witnesses: T.J., staff", "T.J."),
    ("Prescriber: HOLLOWAY, P. (intake) -- call P. Holloway", "HOLLOWAY, P."),
    # an organization's name after 'for' or 'of', a court or a division after a found
    # place, a family firm
    ("To whom it may concern at Mercer County Department of Public Works:",
     "Mercer County Department of Public Works"),
    ("appointment Mon 10/30 10 am at Cooper Center for Healing, 3 Cooper Plaza",
     "Cooper Center for Healing"),
    ("Residence applied to: St. Brigid's House for Men (NARR Level II)",
     "St. Brigid's House for Men"),
    ("Referred by: Mercer County Drug Court (Officer Yolanda Quinones)",
     "Mercer County Drug Court"),
    ("works as a roofer's helper for Doherty & Sons Roofing and plans to return",
     "Doherty & Sons Roofing"),
])
def test_found(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    # a scanned legal form's title, an office a letter goes to
    "[scanned - OCR]\nDURABLE P0WER OF ATT0RNEY F0R HEALTH CARE\n(State of Arizona)\n",
    "DURABLE POWER OF ATTORNEY FOR HEALTH CARE",
    "ADVANCE DIRECTIVE FOR HEALTH CARE",
    "TO: Medical Records Custodian",
    "To: Billing Office",
    "TO: Records Department",
    # a reason for going to a place after its name, not the rest of its name
    "Next week at the Center for Evaluation.",
    # codes and genes that hold a 0 or a 1 in a text with no scan damage
    "NOTCH1 and FOXO1 wild type; T1N0M0; HbA1c 7.1; CDKN1A.",
    "T2N0M0 adenocarcinoma, BRCA1 negative, KRAS G12C absent",
])
def test_left_alone(scrubber: Scrubber, text: str) -> None:
    found = scrubber.find(text)
    assert found == [], [(s.type, text[s.start:s.end]) for s in found]


def test_dotted_initials_recur_as_written(scrubber: Scrubber) -> None:
    text = ("Residents involved: K.M. (room 3), D.R. (room 5)\nWhat happened: D.R. started "
            "breathing ~1:22. Called D.R.'s emergency contact. K.M. offered debrief.")
    spans = scrubber.find(text)
    starts = [i for i in range(len(text)) if text.startswith(("D.R.", "K.M."), i)]
    assert len(starts) == 5
    for at in starts:
        assert any(s.start <= at and at + 3 <= s.end for s in spans), text[at:at + 4]


@pytest.mark.parametrize(("text", "place"), [
    ("seen at Riverside Center for Evaluation today", "Riverside Center"),
    ("admitted to Sunrise House for Detox on the unit", "Sunrise House"),
])
def test_a_reason_after_a_place_is_not_its_name(scrubber: Scrubber, text: str,
                                                place: str) -> None:
    found = [text[s.start:s.end] for s in scrubber.find(text)]
    assert found == [place]
