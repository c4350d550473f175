"""Pattern rules for forms unseen text used (event dates, foreign and spoken dates, labelled
plans, codes and record numbers, ages in phrases), and what they must leave alone."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text.scrubber import Scrubber
from veil.text.spans import PhiType


@pytest.mark.parametrize(("text", "value"), [
    ("R IJ CVC 3/9, L radial art line 3/9. PPx: heparin", "3/9"),
    ("repeat BCx neg. PICC placed 4/8 (serial on file).", "4/8"),
    ("NSTEMI type 2 from UGIB; EGD 1/9: Forrest IIa ulcer", "1/9"),
    ("Immunizations: hepatitis B 10/1; 2-month vaccines 11/1 incl. nirsevimab", "10/1"),
    ("6-mo shots given 1/12. Disposition: home", "1/12"),
    ("Hodgkin lymphoma 1978, ABVD. Labs 11/7: ALC 42k.", "11/7"),
    ("KDIGO stage 2 AKI. Signed FPF/zg 6/4 0712", "6/4"),
    ("roommate, 207-555-0177, last exposure 11/11 IGRA for all", "11/11"),
    ("CCU PROGRESS 5/11 - hospital day 4. Overnight", "5/11"),
    ("Shift: 7p-7a 2/11/24-2/12/24  Resident alert", "2/12/24"),
    ("DOB: 04 / 18 / 1930   Gender: F", "04 / 18 / 1930"),
    ("Narrowband UVB 3x/week (Sept-Nov 2023) stopped", "Sept-Nov 2023"),
    ("Fecha de alta: viernes 18 de octubre  Diagnóstico: apendicitis", "18 de octubre"),
    ("Fecha de nacimiento: 3 de mayo de 2017", "3 de mayo de 2017"),
    ("Rendez-vous le 14 juillet 2024 à Montréal", "14 juillet 2024"),
    ("Date of surgery march third twenty twenty four period", "march third twenty twenty four"),
])
def test_dates_in_forms_notes_use(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.DATE)


@pytest.mark.parametrize("text", [
    "Motor strength 4/5 in the left arm, reflexes 2/4",
    "pain 3/10 after given oxycodone, pain 7/10 before",
    "BCx 2/2 MSSA; placed 1/2 tab under the tongue",
    "given 1/2 tablet, started 3/4 strength formula",
    "murmur 2/6 at the apex, strength given 5/5",
    "BP 3/4 0800 mg? no: took 1/2 1000 mg tablet",
])
def test_scores_and_fractions_stay(scrubber: Scrubber, text: str) -> None:
    assert [s for s in scrubber.find(text) if s.type is PhiType.DATE] == []


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("Insurance on file: Medi-Cal 91837640A. Housing", "91837640A", PhiType.HEALTH_PLAN),
    ("Insurance Medicare A/B #099A272446. Pt email", "099A272446", PhiType.HEALTH_PLAN),
    ("Insurance BCBS #597B645303.", "597B645303", PhiType.HEALTH_PLAN),
    ("Your MyChart activation code: M2P-R8D-H3W (expires in 30 days)", "M2P-R8D-H3W",
     PhiType.ID),
    ("Re: Tewodros Alemu, MRN 6620-4471-09 Date of consult", "6620-4471-09", PhiType.MRN),
    ("comma medical record number 88 41 0 77 2 period", "88 41 0 77 2", PhiType.MRN),
])
def test_labelled_plans_codes_and_record_numbers(scrubber: Scrubber, text: str, value: str,
                                                 kind: PhiType) -> None:
    assert covered(scrubber, text, value, only=kind)


def test_ndc_shaped_values_without_a_record_label_stay(scrubber: Scrubber) -> None:
    text = "Dispensed NDC 0093-7146-56 and ICD-10 E11.65; LOINC 4548-4"
    assert [s for s in scrubber.find(text) if s.type in (PhiType.MRN, PhiType.HEALTH_PLAN)] == []


@pytest.mark.parametrize(("text", "value"), [
    ("She remains independent for a woman of ninety-nine, still cooking", "ninety-nine"),
    ("Patient age at signing: 94. Provider preparing form", "94"),
    ("Resident told staff she is \"one hundred three\" and not a day older",
     "one hundred three"),
    ("Mother Louisa is living, 92, in a nursing home", "92"),
])
def test_ages_over_89_in_phrases(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.AGE)


def test_ages_under_90_and_durations_stay(scrubber: Scrubber) -> None:
    text = "a man of 45 with a woman of 60; a patient of 70 kg"
    assert [s for s in scrubber.find(text) if s.type is PhiType.AGE] == []


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("Pt: O'Shaughnessy, Bridget   MRN BWF 3320 4471   Procedure: R hip", "BWF 3320 4471",
     PhiType.MRN),
    ("DOB: 03/08/1988 Member ID: YRK 441 908 226    Group: 200119", "YRK 441 908 226",
     PhiType.HEALTH_PLAN),
    ("on-post parking pass: plate TX RKJ-4218.", "TX RKJ-4218", PhiType.PLATE),
    ("commercial driver, CDL NC 000042871163). Interpreting", "NC 000042871163",
     PhiType.LICENSE),
    ("Omnipod 5 PDM serial OP5-0071 4823 9; automated mode", "OP5-0071 4823 9", PhiType.DEVICE),
    ("42 Harehills Avenue, Leeds LS8 4EX  Thank you", "LS8 4EX", PhiType.ADDRESS),
    ("1053 Carling Avenue, Ottawa, ON K1Y 4E9  27 November", "K1Y 4E9", PhiType.ADDRESS),
])
def test_identifiers_in_groups_and_foreign_postcodes(scrubber: Scrubber, text: str, value: str,
                                                      kind: PhiType) -> None:
    """Covered whole; the merger may type a part by a neighbouring finding ('Leeds LS8 4EX')."""
    assert covered(scrubber, text, value)
    assert any(s.type is kind for s in scrubber.find(text)) or kind is PhiType.ADDRESS


@pytest.mark.parametrize(("text", "value"), [
    ("RECEIVED 12/O1/2026 14:O7 FROM: (4l2) 555-O137 ---", "(4l2) 555-O137"),
    ("l420 Freeport Rd , Natrona Heights , PA l5O65 Ph:", "l5O65"),
])
def test_scanned_digits_read_as_digits(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


def test_the_ocr_reading_leaves_words_codes_and_pipes(scrubber: Scrubber) -> None:
    text = "TTR V122I genotyping; PV1|1|O|LAB; TITER 1:32|||; Illness 10 days; lol 2"
    assert [s for s in scrubber.find(text) if s.type not in (PhiType.DATE,)] == []


@pytest.mark.parametrize(("text", "value"), [
    ("parking ticket at UAB!! plate AL 1B88F22 vin on the ticket", "AL 1B88F22"),
    ("pharmacy wont fill my son's adderall, his medicaid # is TX 558120447", "TX 558120447"),
    ("pt account HAR 220048811 shows charge for a visit", "HAR 220048811"),
    ("asked my ssn last 4 (4471) and acct", "4471"),
    ("his ssn is on file and he passed 11/12 at home", "11/12"),
    ("pt shared her fundraiser gofund.me/4c7a91e2 for travel", "gofund.me/4c7a91e2"),
    ("two charts merged?? MRNs 44102 and 44120", "44102"),
])
def test_chat_forms_of_identifiers(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


def test_an_apgar_pair_is_no_date(scrubber: Scrubber) -> None:
    assert scrubber.find("What does an Apgar of 7/9 mean for a newborn?") == []


@pytest.mark.parametrize(("text", "value"), [
    ("DTG: 020715DEC26 SM: SPC on sick call", "020715DEC26"),
    ("Hx: T2DM x 20 yrs, A1c 8.9 (Oct). VA sc: 20/60", "Oct"),
    ("Dejó de tomar la metformina en octubre por dolor", "octubre"),
    ("rendez-vous le mercredi 2 déc. à 9h40", "2 déc"),
    ("Admit 11/27/2026.\n| digoxin | 0.125 mg daily | 12/1 am | Continue |", "12/1"),
    ("Seen 11/30/26. Low Na diet. Dispo: likely 12/4. HF clinic f/u", "12/4"),
])
def test_military_month_word_and_dated_note_forms(scrubber: Scrubber, text: str,
                                                  value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.DATE)


@pytest.mark.parametrize("text", [
    "Seen 11/30/26. Independent in ADLs (Katz ADL 6/6), IADLs (Lawton 5/8).",
    "Seen 11/30/26. S3 present, 2/6 holosystolic murmur at apex; pain 8/10",
    "Seen 11/30/26. SpO2 93% on BiPAP 10/5, strength 4/5 bilaterally, PHQ-2: 2/6",
    "I may go if it rains; Dr. May said so",
])
def test_scores_stay_in_dated_notes(scrubber: Scrubber, text: str) -> None:
    assert [text[s.start:s.end] for s in scrubber.find(text)
            if s.type is PhiType.DATE] in ([], ["11/30/26"])
