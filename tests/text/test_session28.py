"""Session 28 mechanisms: a credential in capitals before a name ('RT Faith Oyelaran', 'PT
Will Osei'); a lower-case name found by its context widened over the surname or initial
after it ('taken by: kendra w', 'pt: riley tsosie, 22M'); ZIP codes after a territory or
after 'Hawai'i'; a town and its state before a ZIP code is no 'Last, First' header; a
two-digit month and a year with a dash after a word of when ('reviewed 02-2023'); a family
firm ('& Son', 'Duffel & Sons'), a county's coroner or medical examiner, a memorial park; a
relative's age after the word for them ('wife 90,') and an age after a birth date; and the
text each must leave alone (most of it from a review)."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered, touched
from veil.text import Scrubber
from veil.text.spans import PhiType

_SCRUBBER = Scrubber()


@pytest.mark.parametrize(("text", "value"), [
    ("MDI + spacer teach-back done by RT Faith Oyelaran.", "Faith Oyelaran"),
    ("Her PT Will Osei says 89% on hop tests. Is that enough?", "Will Osei"),
    ("ED charge RN Will Fenton notified 10:58a.", "Will Fenton"),
    ("Report called to ED RN Marcus T. at 06:35.", "Marcus T"),
    ("spoke with charge RN Cricket Eldridge.", "Cricket Eldridge"),
    ("Informed PT Cody.\nNext SN visit: 4/25.", "Cody"),
    ("Taken by: kendra w    Tues 3/18 10:42a", "kendra w"),
    ("Rec'd by: jen w. (RN)\nCaller: Clarence Peter (pt)", "jen w"),
    ("LDL still 104. Pls reconsider\nstaff: brittany k ext 224", "brittany k"),
    ("my grandpa gerald whitehorse lives on the rez near window rock", "gerald whitehorse"),
    ("my momma ida mae trotter is 91 and her sugar dropped last night", "ida mae trotter"),
    ("pt: riley tsosie, 22M, booking CCSO-240817-009", "riley tsosie"),
    ("hx per mom (darla oyelaran, 520-555-0192) of schizophrenia", "darla oyelaran"),
    ("Camacho Road, Tamuning, Guam 96913", "96913"),
    ("133 Route 3, Dededo, Guam 96929\nDISCHARGE INSTRUCTIONS", "96929"),
    ("1301 Punchbowl Street . Honolulu, Hawai'i 96813 . ph 808.555.9400", "96813"),
    ("Honolulu, Hawaiʻi 96813", "96813"),
    ("Lyndon B. Johnson Tropical Medical Center, Pago Pago, AS 96799", "96799"),
    ("Commonwealth Health Center, Garapan, Saipan MP 96950", "96950"),
    ("Pago Pago, American Samoa 96799", "96799"),
    ("Living will dated 04-05-2019, reviewed 02-2023. Advance directive", "02-2023"),
    ("seen in 11-2024 for the same", "11-2024"),
    ("Tinian, Northern Mariana Islands 96952", "96952"),
    ("Saipan, CNMI 96950", "96950"),
    ("Hagatna, GUAM 96910", "96910"),
    ("WHITE, VIRGINIA  (84F)", "WHITE, VIRGINIA"),
    ("Pre-need with Harry McKneely & Son confirmed (contract PN-45871)", "Harry McKneely & Son"),
    ("Jacob Schoen & Son funeral home called 0045, will pick up", "Jacob Schoen & Son"),
    ("rings were left on her at Jacob Schoen & Son. Will they be buried", "Jacob Schoen & Son"),
    ("Referring agency: Baldwin County Coroner (deputy coroner on scene)",
     "Baldwin County Coroner"),
    ("Coroner: Lafayette Parish Coroner case LPC 24-1552", "Lafayette Parish Coroner"),
    ("EAST BATON ROUGE PARISH CORONER -- DEATH REPORTING LINE", "EAST BATON ROUGE PARISH CORONER"),
    ("Body released to Hinds County Medical Examiner (case HCME-24-1930)",
     "Hinds County Medical Examiner"),
    ("Burial: Lakewood Memorial Park.", "Lakewood Memorial Park"),
    ("buried at Forest Lawn Memorial Gardens on Saturday", "Forest Lawn Memorial Gardens"),
    ("the arrangement conference at Duffel & Sons on Monday the 8th?", "Duffel & Sons"),
    ("a roofer's helper for Doherty & Sons Roofing and plans to return", "Doherty & Sons Roofing"),
    ("Risk assessment: wife 90, lives alone now; daughter visits", "90"),
    ("mother 94; dementia, lives with pt", "94"),
    ("--- From Makani (RN, care team), 3/1/24 8:30", "Makani"),
    ("My keiki Makana ate a whole pack of li hing mui", "Makana"),
    ("Progress note 6/11: UTI with hypotension, improving", "6/11"),
    ("Deductible $3,000 reset 1/1. Secondary: none.", "1/1"),
    ("Retrieval 7/10 -- 38 eggs per pt.", "7/10"),
    ("Clinique Sportive Estrie\nSherbrooke QC\nDate: 2025-01-23", "Sherbrooke"),
    ("2024-02-27T16:39:58Z,Bertrand Lussier,patient,Sherbrooke QC,Firefox", "Sherbrooke"),
    ("Moncton NB 2024", "Moncton"),
    ("to Rota for her grandmother's 90th -- no imaging contraindication", "90th"),
    ("Dad's 100th was great, the whole church came", "100th"),
    ("Pt: K.M. (Kamuela Mahoe)   HSH # HSH-08831", "Kamuela Mahoe"),
    ("(page 2 missing -- called clinic, fax resent 2/7.)", "2/7"),
    ("| C-40218 | Putu Ayu Wirawan | Galley, cook 3rd | 13/11 0400 | isolated |", "13/11"),
    ("Joe Theriot   DOB 11/09/1932   91\nPickup: 14:00", "91"),
    ("Honolulu, Hawai‘i 96813", "96813"),
])
def test_session28_identifier_is_covered(text: str, value: str) -> None:
    assert covered(_SCRUBBER, text, value), (text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("RN Will call back after rounds.", "Will"),
    ("RT Mark site before the first fraction.", "Mark"),
    ("PT Plan: continue gait training.", "Plan"),
    ("RT Protocol Weaning started at 0800.", "Protocol"),
    ("OT Goals: independent with dressing.", "Goals"),
    ("my daughter sarah a nurse said to ask", "a nurse"),
    ("my son tom will come by later", "will"),
    ("my son tom walking, fine today", "walking"),
    ("my mom ann diabetic, 80, on insulin", "diabetic"),
    ("my husband joe w/ me at the visit", "w/"),
    ("Is a Colles' fracture with closed reduction billed as 25605 even if splinted?", "25605"),
    ("Honolulu, Hawai'i 96813", "Honolulu, Hawai'i"),
    ("Tamuning, Guam 96913", "Guam"),
    ("smoked 2010-12 then quit", "2010-12"),
    ("range 10-2000 mL/day", "10-2000"),
    ("Shift 07-1900, vitals q4h", "07-1900"),
    ("Room 12-2001 ready", "12-2001"),
    ("BILLED AS 99213 BY THE CLINIC", "99213"),
    ("WBC REPORTED AS 12500 ON REPEAT", "12500"),
    ("RN Will Page Dr. Patel if SBP > 180.", "Will Page"),
    ("NP Will Bill for 99214 today", "Will Bill"),
    ("PT Tinetti 19/28, high fall risk.", "Tinetti"),
    ("PT Dix-Hallpike positive to the left.", "Dix-Hallpike"),
    ("DPT Daptacel dose 4 given in the left thigh.", "Daptacel"),
    ("RN CHPN on call tonight", "CHPN"),
    ("my son tom teething.", "teething"),
    ("my mom ann forgetful, 84", "forgetful"),
    ("taken by: kendra thx", "thx"),
    ("my son leo x 2 days fever", "x 2"),
    ("my son jack q 6 hrs tylenol", "q 6"),
    ("Mother & Son visit today went well", "Mother & Son"),
    ("Per the medical examiner, cause of death pending.", "medical examiner"),
    ("Father & Sons camp starts in June", "Father & Sons"),
    ("wife 90 min away by car", "90"),
    ("mother 95% better after the infusion", "95"),
    ("DOB 1/1/1950  98.6F at triage", "98.6F"),
    ("DOB 1/1/1950  95 kg", "95 kg"),
    ("Foley (RN, removed) at 0800", "Foley"),
    ("Lasix (PT, held) this morning", "Lasix"),
    ("sent 1/2 tab home with the family", "1/2"),
    ("Patient ON oxygen at 2 L.", "Patient"),
    ("her 95th percentile for weight", "95th"),
    ("the patient's 90th day in hospital", "90th"),
    ("my 91st visit this year", "91st"),
    ("Pt: K.M. (Hospice) on the list", "Hospice"),
    ("Lasix ON hold until the creatinine improves", "Lasix"),
    ("Blood BC negative at 48 h.", "Blood"),
    ("placed 2/3 of the way in", "2/3"),
    ("returned 3/4 of the doses unused", "3/4"),
    ("Onset 8/9 of patients in the trial", "8/9"),
    ("my OB is Dr. Tokuda, I'm supposed to deliver on Oct 2", "I'm"),
    ("the 2019-20 season was bad", "2019-20"),
])
def test_session28_text_is_left_alone(text: str, value: str) -> None:
    assert not touched(_SCRUBBER, text, value, ignore=PhiType.CITY), (text, value)
