"""Session 29 rules: a shipment's waybill or air waybill number; initials that close a table
cell after a sentence and a dash ('diary. -PM |'); initials after 'Init:' and lists of them
split by a slash; dotted initials in brackets after a record's number ('Subject 115-2213
(H.K.)'); a day in words before its month and a year in words ('fifteenth August nineteen
forty-one'); a boat's registration after a state's code ('CT 2290 BF'); a middle initial
without its dot before a surname ('Dr. John A Smith'); first-aid squads; 'injured' before a
month/day; a device's serial or lot label with its number ('S/N 1400287713'); 'signs' after a
relative's name is no eponym's sign; a second full name after 'and'; and the text each must
leave alone (most of it from a review that removed a dash before capitals after a
word, 'no.' after a comma, 'Init' columns, dispatcher labels and four event words)."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered, touched
from veil.text import Scrubber

_SCRUBBER = Scrubber()


@pytest.mark.parametrize(("text", "value"), [
    ("shipped 5/21/24, waybill AX 5530 2290 117.", "AX 5530 2290 117"),
    ("Arcturus Logistics   Airwaybill: 7712 4409 3318   Service: Priority", "7712 4409 3318"),
    ("Temp excursion -- Site 212 -- shipment SHP-24-00193", "SHP-24-00193"),
    ("Subj. N0: 115-22O4    Init: R.J.T   Age: 9l  Sex: F", "R.J.T"),
    ("Initials: HZJ / MJC\nPermission to contact", "MJC"),
    ("Subject 115-2213 (H.K.), male, 91 years old", "H.K"),
    ("screening # S104-036 (G.E.O.)   Review date", "G.E.O"),
    ("date of birth fifteenth August nineteen forty-one. He is", "fifteenth August nineteen"),
    ("born third June 1950 in Ohio", "third June 1950"),
    ("My boat's registration is CT 2290 BF. What should I include?", "CT 2290 BF"),
    ("Dr. John A Smith called back.", "John A Smith"),
    ("bilateral BTE aids (L s/n 1839K0442, R s/n 1839K0451); he says", "s/n 1839K0442"),
    ("processor SONNET 2 S/N 1400287713) on 8/9/2022", "S/N 1400287713"),
    ("electrode HiFocus SlimJ; lot 0922-R07.", "lot 0922-R07"),
    ("in good light. Granddaughter Faith Brandenburg-Sauer signs some ASL but", "Faith"),
    ("in good light. Granddaughter Faith Brandenburg-Sauer signs some ASL but",
     "Brandenburg-Sauer"),
    ("Parents Lucía Ríos and Olumide Akande present at 1030 with interpreter", "Olumide Akande"),
    ("Patient: John A Smith", "John A Smith"),
    ("Mode: BLS, Sea Girt First Aid Squad", "Sea Girt First Aid Squad"),
    ("Farm in Greenwich; injured 5/31 while riding", "5/31"),
    ("She was born fifteenth August nineteen forty-one in the old county hospital.",
     "fifteenth August nineteen forty-one"),
])
def test_found(text: str, value: str) -> None:
    assert covered(_SCRUBBER, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("The shipment of 40 kits arrived late.", "40"),
    ("Pain 3/10 at rest -PT", "PT"),
    ("DOB 2/2/1932 per clinic note -NT    | Closed", "NT"),
    ("check the culture results -ICU |", "ICU"),
    ("Init. dose: 5 mg daily", "5 mg"),
    ("code 2024-11 (U.S.) spec", "U.S."),
    ("the first May visit went well", "May"),
    ("the second March appointment", "second"),
    ("| Ketones -NEG |", "NEG"),
    ("| functional class -III |", "III"),
    ("Initial dx: CAP", "CAP"),
    ("Initial vent settings: AC / PEEP 5", "AC"),
    ("labs 3-4 (H.H.) pending", "H.H"),
    ("fusion at L4-5 (P.L.F.) healed", "P.L.F"),
    ("Registration: CT 2 VIEW chest", "CT 2 VIEW"),
    ("Reg: PA 2 LAT done", "PA 2 LAT"),
    ("Per Dr. Patel A Follow Up is due", "Follow Up"),
    ("Patient: Baby A Twin Gestation", "Twin"),
    ("glucose 98 mg/dL, no T2DM", "T2DM"),
    ("Antibiotic coverage, no 3rd-generation cephalosporin", "3rd"),
    ("Screened 3/10 participants this week", "3/10"),
    ("Shipment of 5000 syringes arrived", "5000"),
    ("Sister Mary Joseph nodule on exam.", "Mary Joseph"),
    ("Seen by Dr. John Smith and Physical Therapy today.", "Physical Therapy"),
    ("Operator: Alaska Air Ambulance & Rescue ... Aircraft: Beech King Air 200", "King Air"),
    ("gave first aid at the scene", "first aid"),
])
def test_left_alone(text: str, value: str) -> None:
    assert not touched(_SCRUBBER, text, value)
