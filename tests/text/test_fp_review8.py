"""Adversarial review of the session-8 recognizers (veil.text.latin, facility extents, acronyms,
brand campuses, labelled references, phones in any layout, streets without numbers, new date
forms, names in capitals, census lines, nicknames, HL7 facilities, veil.text.structured).

Only behaviour verified good at review time is pinned here: clinical phrases near the new
rules' triggers that must stay whole, and small variations of the PHI the rules claim.
"""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text.scrubber import Scrubber


def _touched(scrubber: Scrubber, text: str, term: str) -> bool:
    """Whether any letter or digit of the first `term` in `text` lies inside a span."""
    start = text.index(term)
    spans = scrubber.find(text)
    return any(any(s.start <= p < s.end for s in spans)
               for p in range(start, start + len(term)) if text[p].isalnum())


@pytest.mark.parametrize("text", [
    # date context words 'for'/'moved' and day.month. after a word of time
    "Take 1/2 tab for 3/4 days.",
    "Pain 4/10 for 2 days. Strength 5/5 for all extremities.",
    "Taking aspirin am 3.12 mg?",
    # phone words before numbers that are no phone
    "Contact 2 tablets 3 times daily for 10 days.",
    "Ph 7.352 pCO2 40.1 HCO3 24.2",
    "Contact isolation 2021 2022 2023 admissions.",
    # labelled references before doses and counts
    "Order 1000 mg vancomycin; order 2 g cefazolin.",
    "Order 4000 units heparin; order 1500 mL bolus.",
    "Order 2000 kcal ADA diet. order 1800 kcal.",
    # streets without a number: drugs and scans after 'on'
    "Pt was on Keppra Dr advised.",
    "on Coumadin Ct scan done.",
    # age ranges that are no ages
    "Page 90 to 95 of the chart. Stage 4 to 95% probability.",
    # facility joins and 'at <Name>' near clinical phrases
    "Started Lasix at Bedtime and Coreg at HS.",
    "Referred to the Heart Failure Clinic at Discharge for titration.",
    "American Heart Association guidelines and American Diabetes Association Standards of Care.",
    "Severe Combined Immunodeficiency (SCID) workup pending.",
    # accented eponyms read through the ASCII reading
    "Sjögren syndrome, Ménière disease, Guillain-Barré syndrome, Behçet disease.",
    # HL7 coded elements
    "OBX|1|CE|8867-4^Heart Rate^LN||Normal Sinus Rhythm^NSR^L",
    # roles in capitals before clinical words
    "RN AWARE. RN NOTIFIED. MD PAGED. NP AT BEDSIDE. CHARGE RN UPDATED.",
    "TECH EKG DONE. RN ZOSYN HUNG. MD HEPARIN GTT. RN TYLENOL GIVEN.",
    # census lines and age-and-sex shorthands after clinical words
    "rm 12 - stable, bed 4: npo, room 5 - afib rvr, bed 2: sepsis",
    "Room 4 - Levophed titrating. Bed 7: Zosyn. Rm 3 - dialysis.",
    "Afib, 72M. CHF, 80F. sepsis; 66F. NSTEMI - 55M",
    # structured data of drugs, labs and observations
    "Name,Dose,Route\nMetoprolol,25 mg,PO\nLisinopril,10 mg,PO",
    "Name|Value\nTroponin|0.04\nTacrolimus|8.2\nLactate|4.1",
    '{"name": "Tacrolimus", "value": 8.2}',
    '<observation><code displayName="Troponin"/><value value="0.04"/></observation>',
    "test=glucose; name=fasting; result=102",
])
def test_clinical_text_is_kept(scrubber: Scrubber, text: str) -> None:
    assert [text[s.start:s.end] for s in scrubber.find(text)] == []


@pytest.mark.parametrize(("text", "term"), [
    ("Geisinger Metformin clinic? Geisinger Lisinopril 10 mg daily.", "Lisinopril"),
    ("12 Oak St, 1000 Units heparin.", "1000 Units heparin"),
    ("Mary Jones \"Penicillin\" allergy.", "Penicillin"),
    ("Dr. Smith (cardiology) consult.", "cardiology"),
])
def test_clinical_word_beside_phi_is_kept(scrubber: Scrubber, text: str, term: str) -> None:
    assert not _touched(scrubber, text, term)


@pytest.mark.parametrize(("text", "phi"), [
    ("Seen at Heart of the Rockies Regional Medical Center (HRRMC). Report called to HRRMC.",
     "HRRMC."),
    ("Transferred from Mercy Medical Center (MMC). Records from MMC.", "MMC."),
    ("Hospice of the Valley admitted patient.", "Hospice of the Valley"),
    ("Heart & Vascular Institute at Mayo Clinic saw her.", "Heart & Vascular Institute"),
    ("Admitted to Geisinger Wyoming Valley yesterday.", "Wyoming Valley"),
    ("Sent to Walgreens #4412 for Eliquis.", "4412"),
    ("Tel 017687 55501 mobile 07700 900418", "07700 900418"),
    ("mobile: +44 7700 900418; Tel.: 08161/555-4471; Handy 0171 1234567", "0171 1234567"),
    ("SSN xxx-xx-8841 and ***-**-4471", "4471"),
    ("Claim CLM 2026 1104 88213 denied.", "CLM 2026 1104 88213"),
    ("Auth # PA-2026-118804. Session ID 887 4410 2291.", "887 4410 2291"),
    ("Police report: NCPD 2026-118804", "2026-118804"),
    ("labs del 20-nov, repeat on 3rd nov", "3rd nov"),
    ("Lives on nw 7th ave.", "nw 7th ave"),
    ("neighbor lives near Fox Hollow Rd.", "Fox Hollow Rd"),
    ("Hauptstraße 41, 85354 Freising.", "85354 Freising"),
    ("Patient Hadžiavdić, Emir seen.", "Hadžiavdić"),
    ("Interpreter Ms. Nguyễn Thị Hương attended.", "Nguyễn Thị Hương"),
    ("MSH|^~\\&|EPIC|UWMC|LAB|NWH|20260101||ADT^A01|1|P|2.5", "NWH"),
    ("NK1|1|SMITH^MARY ANNE^^^^|MTH", "MARY ANNE"),
    ("REPORT TO RN SANTOS. CREW: J. PFEIFFER EMT-P", "J. PFEIFFER"),
    ("rm 614 - kevin tran, bed 3: Mrs Delgado", "kevin tran"),
    ("Euphemia \"Effie\" Cartwright", "Cartwright"),
    ("mrs delgado (consuelo) visited", "consuelo"),
    ("Ages of residents range 78 to 103.", "103"),
    ("Last Name,First Name,DOB\nOkafor,Chidi,1958-03-12", "Chidi"),
    ('{"resourceType":"Patient","name":[{"family":"Okafor","given":["Chidi"]}]}', "Chidi"),
    ("Patient Name|Age\nJohn Smith|93", "93"),
])
def test_phi_variant_is_found(scrubber: Scrubber, text: str, phi: str) -> None:
    assert covered(scrubber, text, phi)
