"""Session 29 rules: a shipment's waybill or air waybill number; initials that close a table
cell or a line after a dash ('per clinic note -OH |'); initials after 'Init:' and lists of
them split by a slash; a table column headed 'Init'; dotted initials in brackets after a
record's number ('Subject 115-2213 (H.K.)'); a day in words before its month and a year
in words ('fifteenth August nineteen forty-one'); a boat's registration after a state's
code ('CT 2290 BF'); a middle initial without its dot ('Dr. John A Smith'); who took a call
('Dispatcher: DENISE'); first-aid squads; a licence's 'no.' after a comma; more event words
before a month/day; and the text each must leave alone."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered, touched
from veil.text import Scrubber

_SCRUBBER = Scrubber()


@pytest.mark.parametrize(("text", "value"), [
    ("shipped 5/21/24, waybill AX 5530 2290 117.", "AX 5530 2290 117"),
    ("Arcturus Logistics   Airwaybill: 7712 4409 3318   Service: Priority", "7712 4409 3318"),
    ("Temp excursion -- Site 212 -- shipment SHP-24-00193", "SHP-24-00193"),
    ("DOB 2/2/1932 per clinic note -OH    | Closed", "OH"),
    ("Subj. N0: 115-22O4    Init: R.J.T   Age: 9l  Sex: F", "R.J.T"),
    ("Initials: HZJ / MJC\nPermission to contact", "MJC"),
    ("Scr #      | Init | Outcome\n-----------|------|--------\nS104-031   | MJD  | ENROLLED\n"
     "S104-032   | RLB  | SCREEN FAIL", "RLB"),
    ("Subject 115-2213 (H.K.), male, 91 years old", "H.K"),
    ("screening # S104-036 (G.E.O.)   Review date", "G.E.O"),
    ("date of birth fifteenth August nineteen forty-one. He is", "fifteenth August nineteen"),
    ("born third June 1950 in Ohio", "third June 1950"),
    ("My boat's registration is CT 2290 BF. What should I include?", "CT 2290 BF"),
    ("Dr. John A Smith called back.", "John A Smith"),
    ("Patient: John A Smith", "John A Smith"),
    ("#1   08/30  05:47   Dispatcher: DENISE\nCaller: Hank Tillinghast", "DENISE"),
    ("Mode: BLS, Sea Girt First Aid Squad", "Sea Girt First Aid Squad"),
    ("a standard NY class D license, no. 739 184 226. Counseled", "739 184 226"),
    ("ENROLLED, randomized 2/26 per IRT", "2/26"),
])
def test_found(text: str, value: str) -> None:
    assert covered(_SCRUBBER, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("The shipment of 40 kits arrived late.", "40"),
    ("Pain 3/10 at rest -PT", "PT"),
    ("check the culture results -ICU |", "ICU"),
    ("Init. dose: 5 mg daily", "5 mg"),
    ("code 2024-11 (U.S.) spec", "U.S."),
    ("the first May visit went well", "May"),
    ("the second March appointment", "second"),
    ("Dispatcher: ask for the on-call", "ask"),
    ("Operator: Alaska Air Ambulance & Rescue ... Aircraft: Beech King Air 200", "King Air"),
    ("gave first aid at the scene", "first aid"),
])
def test_left_alone(text: str, value: str) -> None:
    assert not touched(_SCRUBBER, text, value)
