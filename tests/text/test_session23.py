"""Session 23 mechanisms: scanned text read again (a name with a 0 at its end, a short
word or a short date read as letters or digits, a found name recurring in its damaged
spelling), dotted initials of residents and their recurrence, a surname in capitals with
its initial after a comma; and the text each must leave alone."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text import Scrubber

_PLAN = " Plan: continue current regimen, labs in 3 months, return to clinic as scheduled." * 9
"""A long note's tail: ages in notes are read more strictly than in short messages."""
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
    ("Residents involved: K.M. (room 3), J.T. (room 5)\nWhat happened: J.T. woke "
     "at 1:22. Called J.T.'s emergency contact. K.M. offered debrief.", "J.T."),
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
    # a relative's age in a note, set off as in a message
    ("Says the hardest thing now is her mother -- 93, widowed, speaks only Polish." + _PLAN,
     "93"),
    ("participant's grandmother (raised him) is 90 and recently moved to hospice" + _PLAN,
     "90"),
    ("pt's babcia died last week at ninety-nine -- pt has not been told" + _PLAN,
     "ninety-nine"),
    ("Gladys Farnsworth (nonagenarian, 96 per chart) called" + _PLAN, "96"),
    # a name after a glottal stop, nicknames in quotes after a name and where they recur
    ("Client: 'Ofa Havili      DOB: 13 Aug 2020", "'Ofa"[1:]),
    ("My mother-in-law 'Ana, who is 92, watches our daughter", "'Ana"[1:]),
    ('Pt: Tou Xiong  (pronounced "Too Shong")   MRN AW-55710923', "Too Shong"),
    ('Original patient (OP): Wesley Tran     aka "Wes", "Duc"\nDOB 1/9/1995. Seen.', "Duc"),
    ('Pt: Wesley Tran (prefers "Wes"). Plan: Wes will return.', "Wes will"[:3]),
    # a place's own initials after it and alone; a department's two fields; a sheriff;
    # a brand's campus in capitals; a brand before its building or after 'through'
    ("Referral to Jefferson Narcotic Addiction Rehabilitation Program (NARP) as backup. "
     "Called NARP today.", "Called NARP"[7:]),
    ("School: Double Diamond Elementary (WCSD)\nTest dates: 9/10/2024.", "WCSD"),
    ("Idaho Department of Health and Welfare\nDivision of Medicaid",
     "Idaho Department of Health and Welfare"),
    ("Project Lifesaver enrollment through Ada County Sheriff, swim lessons",
     "Ada County Sheriff"),
    # a grid city's street by its hundreds; an age with the words it is read with
    ("Tuala keeps climbing the balcony at our place on 900 W in Murray.", "900 W"),
    ("Mrs. Evangeline Ahtone, age 98, of Anadarko, sends cards", "age 98"),
    ("I'm Hope, a foster mom in Spanish Fork. The 4 year old climbs.", "Hope"),
    # days by their ordinal in pairs or before 'of next month', organ donors' ids, an
    # ambulance's unit
    ("sometime between the evening of the 18th and morning of the 19th. Presented", "the 18th"),
    ("she turns 94 on the 2nd of next month per pt", "the 2nd"),
    ("since OHT (transplant 01/19/2024; donor UNOS AFEQ447, bicaval technique)", "AFEQ447"),
    ("Subject: RE: offer AFRT212 - biopsy + NMP question", "AFRT212"),
    ("transferred by ground (Area Ambulance unit M-14) as INR rose", "M-14"),
    ("Pt arrived 2/17/2025 14:22 via Hennepin EMS (unit Medic 427)", "Medic 427"),
    ("Tuala's grandmother, a nonagenarian who uses a walker", "a nonagenarian"),
    ("Organ: kidney\nMayo clinic #: 1-188-042-7     Coordinator: Kelsey", "Mayo clinic"),
    # scanned dates of other shapes, a damaged name recurring
    ("[scanned - OCR] PAT1ENT: R0SAURA ESPIN0ZA\nSeen N0v l5, 2O23 and ll.l5.23", "N0v l5, 2O23"),
    ("[scanned - OCR] PAT1ENT: R0SAURA ESPIN0ZA\nSeen N0v l5, 2O23 and ll.l5.23", "ll.l5.23"),
    ("[scanned - OCR] PAT1ENT: M0RALES, J0HN   D0B 1O/3O/1974\nCalled M0RALES back.",
     "Called M0RALES"[7:]),
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
    # a quotation opened by a capital, a brand's everyday word after 'through'
    "CC: 'My defibrillator shocked me.'",
    "We got through mercy and grace.",
    "A force of 500 N of thrust; weighs 100 N at rest.",
    # a comparison before a kind of care, tests by their edition, a test's index
    "For a patient aged 72 with ESRD, is a kidney transplant still better than dialysis?",
    "What's the difference between the Bayley-4 and the Mullen Scales for a 2 year old?",
    "What does a Vineland-3 adaptive behavior composite of 68 mean for eligibility?",
    "My son's GARS-3 autism index was 96. Is that probable autism?",
    "Why is a Maastricht category III donor different from category IV?",
    "Does St. John's wort lower tacrolimus levels?",
    "I'm Sorry, a bit late. I'm Catholic, a mother of three.",
    # initials of a service or a kind of place in brackets after a place
    "Seen at the clinic (TCM) and the hospital (CAH).",
    # dotted abbreviations of medicine before a verb, in a list of body parts, before a room
    "T.F. started at 20 mL/hr; V.F. began during transport; S.B.P. fell to the 80s.",
    "D.R. stopped progressing after laser. P.N. started via PICC.",
    "Extremities involved: L.E., U.E.",
    "Vessels involved: L.A.D. (proximal), R.C.A.",
    "Report to P.C.U. (bed 4)",
    "S.D.U. (bed 9): pt stable",
    # numbers near a relation that are measurements, counts or percentiles
    "Mother at bedside. Temp 99, HR 88, BP 92/60." + _PLAN,
    "Wife present; Pulse Ox 95, RA. Sat 96, then 94." + _PLAN,
    "Son at bedside, weight 98 kg, Room 92, Bed 94, Score 96." + _PLAN,
    "Her father had a 95% LAD lesion. Daughter at 99th percentile." + _PLAN,
    "Husband drove 95 miles. Mother's glucose, 96, normal. Sister (HR 92) ok." + _PLAN,
    "At 90 days, the graft was patent. At 100%, compliance was excellent." + _PLAN,
    "Heart rate steady at ninety-six, regular rhythm; she was calm." + _PLAN,
    "Her daughter reports sats at ninety-four on room air." + _PLAN,
    # the review's cases: measurements after a relation, an opening 'At 110,', nicknames
    # that are answers or words, quotations, brands after 'through', watts, a mother
    "Wife: blood sugar in the morning was around 110, after eating 150." + _PLAN,
    "Mother reports it is now 102 and he is shivering." + _PLAN,
    "Her son is taking Biology 101, this semester." + _PLAN,
    "HR climbed into the 120s. At 110, metoprolol 5 mg IV was given." + _PLAN,
    "Husband reports 90, 95, 100 on home BP cuff diastolic." + _PLAN,
    "CC: 'Every time I eat my stomach hurts.' Pt asked 'Am I dying?'",
    "Communicated through Swedish interpreter. Rush team activated.",
    "Exercise stopped at 150 W due to leg fatigue; peak of 200 W.",
])
def test_left_alone(scrubber: Scrubber, text: str) -> None:
    found = scrubber.find(text)
    assert found == [], [(s.type, text[s.start:s.end]) for s in found]


def test_dotted_initials_recur_as_written(scrubber: Scrubber) -> None:
    text = ("Residents involved: K.M. (room 3), J.T. (room 5)\nWhat happened: J.T. woke "
            "at 1:22. Called J.T.'s emergency contact. K.M. offered debrief.")
    spans = scrubber.find(text)
    starts = [i for i in range(len(text)) if text.startswith(("J.T.", "K.M."), i)]
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


@pytest.mark.parametrize(("text", "place"), [
    ("Riverside Center for Medication Refill", "Riverside Center"),
    ("Kroc Center for Zumba", "Kroc Center"),
    ("Trenton Housing Authority for Section 8", "Trenton Housing Authority"),
    ("Kessler Rehab Stroke Division", "Kessler Rehab"),
])
def test_a_service_after_a_place_is_not_its_name(scrubber: Scrubber, text: str,
                                                 place: str) -> None:
    assert [text[s.start:s.end] for s in scrubber.find(text)] == [place]


def test_a_residents_initials_recur_whole_and_never_as_medicine(scrubber: Scrubber) -> None:
    text = "Residents: K.M., D.R. (room 5) fell at 0200.\nExam: mild N.P.D.R. OU, no P.D.R."
    spans = [text[s.start:s.end] for s in scrubber.find(text)]
    assert "N.P.D.R" not in " ".join(spans) and "P.D.R" not in spans
    text = "Residents: K.M., T.B. (room 4).\nT.B. test negative; K.M. asked for water."
    found = [(s.start, s.end) for s in scrubber.find(text)]
    tb_test = text.index("T.B. test")
    assert not any(a <= tb_test < b for a, b in found)


def test_a_scanned_code_is_no_state_and_zip(scrubber: Scrubber) -> None:
    text = "[scanned - OCR] PAT1ENT: J0NES\nSpecimen 1D 45678 received. Lot 0R 97201 used."
    assert [text[s.start:s.end] for s in scrubber.find(text)] == ["J0NES"]


def test_initials_of_a_service_after_a_place_are_not_the_place(scrubber: Scrubber) -> None:
    text = "Seen at Mercy Clinic (TCM) and Bear Lodge Community Hospital (CAH)."
    assert [text[s.start:s.end] for s in scrubber.find(text)] == [
        "Mercy Clinic", "Bear Lodge Community Hospital"]


def test_a_name_never_spreads_into_its_eponym(scrubber: Scrubber) -> None:
    text = "Dr. Wilson saw pt. History of Wilson's disease in brother."
    assert [text[s.start:s.end] for s in scrubber.find(text)] == ["Wilson"]


def test_a_field_of_a_pharmacy_card_is_no_pharmacy(scrubber: Scrubber) -> None:
    text = "Pharmacy: BIN 610020  PCN 03200000  Group RX1234"
    assert "BIN" not in [text[s.start:s.end] for s in scrubber.find(text)]


def test_a_name_before_a_forms_next_label_is_kept(scrubber: Scrubber) -> None:
    text = "Beneficiary: Tuilagi, Losa   Category: Retiree (TRICARE Prime)"
    assert covered(scrubber, text, "Tuilagi, Losa")


def test_a_nickname_is_a_name_not_an_answer(scrubber: Scrubber) -> None:
    text = ('Code status: John Smith ("DNR"). Mark Hill ("POA") agrees; POA signed. '
            'Karen White ("The Boss") decided. Tauiliili ("Lili") came; Lili stayed.')
    found = [text[s.start:s.end] for s in scrubber.find(text)]
    assert "DNR" not in found and "POA" not in found and "The Boss" not in found
    assert found.count("Lili") == 2


def test_a_places_two_letter_initials_never_spread(scrubber: Scrubber) -> None:
    text = "Seen at Providence Hospital (PH) today. ABG: PH 7.31, pCO2 48."
    found = [(s.start, text[s.start:s.end]) for s in scrubber.find(text)]
    assert (text.index("PH 7.31"), "PH") not in found


def test_a_legends_initials_after_a_credential_stand_for_the_person(scrubber: Scrubber) -> None:
    text = ("Signatures: J. Hodges MHT (JH) / Mi-Kyung Kang MHT (MK)\n"
            "07:00 | B | S | JH\n09:15 | B | C | MK\n")
    found = [text[s.start:s.end] for s in scrubber.find(text)]
    assert found.count("JH") == 2 and found.count("MK") == 2 and "MHT" not in " ".join(found)


def test_a_county_never_runs_across_a_line(scrubber: Scrubber) -> None:
    text = ("IN THE CIRCUIT COURT OF COOK COUNTY, ILLINOIS\n"
            "COUNTY DEPARTMENT, MENTAL HEALTH DIVISION")
    assert "ILLINOIS\nCOUNTY" not in [text[s.start:s.end] for s in scrubber.find(text)]
