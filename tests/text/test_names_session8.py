"""Names in capitals after a role, on census lines, before an age-and-sex shorthand and in
parentheses after a name (session 8), beside what each guard must keep."""

from __future__ import annotations

import pytest

from veil.text.scrubber import Scrubber
from veil.text.spans import PhiType


def _names(scrubber: Scrubber, text: str) -> list[str]:
    return [text[s.start:s.end] for s in scrubber.find(text) if s.type is PhiType.NAME]


@pytest.mark.parametrize(("text", "value"), [
    ("REPORT TO RN SANTOS CREW: J. PFEIFFER EMT-P CERT 044187", "J. PFEIFFER"),
    ("REPORT CALLED TO ED RN KASEY 0610", "KASEY"),
    ("rm 614 - kevin tran, dka resolving, gap closed", "kevin tran"),
    ("admit from the ED, r. singh 45M pancreatitis, lipase 2100", "r. singh"),
    ("- Dale Voss, 71F, CHF exacerbation", "Dale Voss"),
    ("rm 612 - mrs delgado (consuelo) 81yo, s/p lap chole today", "consuelo"),
])
def test_names_found(scrubber: Scrubber, text: str, value: str) -> None:
    assert any(value in found for found in _names(scrubber, text))


@pytest.mark.parametrize("text", [
    "RN AWARE. MD NOTIFIED OF K 6.2. RN AT BEDSIDE.",
    "Svetlana K., RN CCM; Hyun-woo S., MD   CRNA: present",
    "bed 3: chest pain 45M",
    "Assessment: Pneumonia 45M",
    "rm 7 - copd exacerbation",
    "caller Luana P. (self), callback; Parent/guardian: A. L. (mom)",
    "Passenger L. B. (cousin) taken to the clinic; Family at bedside: H. (niece)",
])
def test_roles_relations_and_clinical_words_stay(scrubber: Scrubber, text: str) -> None:
    found = _names(scrubber, text)
    for word in ("AWARE", "NOTIFIED", "CCM", "CRNA", "chest pain", "Pneumonia", "copd",
                 "self", "mom", "cousin", "niece"):
        assert not any(word in f for f in found), (word, found)


@pytest.mark.parametrize(("text", "value"), [
    ("Site #: 118   Subject initials: H-JP   Year of birth: 1958", "H-JP"),
    ("Student: Kaylee Two Crow   Gr 7", "Kaylee Two Crow"),
    ("Examinee: Emir Hadžiavdić DOB: 08/02/1972", "Emir Hadžiavdić"),
    ("First: Leilani   Middle: K.   DOB: 1930", "K."),
    ("TX LP RMT-8841 SUBSCRIBER: ODUM, PRISCILLA K  CB 936-555-0172", "ODUM, PRISCILLA K"),
    ('Other names used: Evangeline Price, "Vangie" DOB: Sept 9, 1983', "Vangie"),
    ("grandma nana Pearl just turned 95, she lives alone", "Pearl"),
])
def test_form_labels_initials_and_relations(scrubber: Scrubber, text: str, value: str) -> None:
    assert any(value in found for found in _names(scrubber, text))


@pytest.mark.parametrize(("text", "kept"), [
    ("Fitting: Phonak Lumity L90 RIC left", "L90"),
    ("no STE, TWI V4-V6 on the repeat ECG", "V4"),
])
def test_a_letter_of_a_model_or_lead_is_no_initial(scrubber: Scrubber, text: str,
                                                   kept: str) -> None:
    assert not any(kept in found for found in _names(scrubber, text))


def test_a_zip_after_a_town_found_by_propagation() -> None:
    text = "nurse to 1180 Peachtree St NE apt 2204, atlanta 30309 - atlanta is far"
    assert "30309" in [text[s.start:s.end] for s in Scrubber().find(text)]


@pytest.mark.parametrize(("text", "value"), [
    ("Dictated by: H. B., MD Transcribed: HB/mt D: 11/1 T: 11/2 Report faxed", "HB"),
    ("Dictated by: H. B., MD Transcribed: HB/mt D: 11/1 T: 11/2 Report faxed", "mt"),
    ("Dr. X / dictated 7/22 / transcr. by aa --- page break ---", "aa"),
    ("pt's son called back, scheduled 12/8. -- kt", "kt"),
    ("Routed to the doctor's pool. -- Mykola in call center", "Mykola"),
    ("training for 4 ppl total contacts 17. -nate b", "nate b"),
    ("case # 91-JV-55063, worker Pieter de Vries (651.555.0163). Order", "Pieter de Vries"),
    ("NICU ADMISSION NOTE Baby Girl de Vries - now named", "de Vries"),
    ("Community health worker visit - family van Dijk Address verified", "van Dijk"),
    ("Interpreter (Hmong): Kou Her.", "Kou Her"),
    ("Interpreter (Karen) used for all teaching: Eh Kaw Lay (in person)", "Eh Kaw Lay"),
])
def test_signatures_initials_particles(scrubber: Scrubber, text: str, value: str) -> None:
    assert any(value in found for found in _names(scrubber, text))


@pytest.mark.parametrize("text", [
    "heparin 5000 IU/ml and insulin 1 U/kg/hr",
    "de Quervain tenosynovitis and von Willebrand disease; de novo mutation",
    "take it with food -- ok thx",
    "Dictated but not read. Typed by: unit clerk",
    "letter scanned into chart, transcribed by HIM)",
    "PHONE CALL TRANSCRIPT (auto-transcribed) follows",
    "Please tell the team To come in.",
])
def test_units_eponyms_and_chat_stay(scrubber: Scrubber, text: str) -> None:
    assert _names(scrubber, text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("the lady at the front desk of Hennepin (Rogério) said my referral expired", "Rogério"),
    ("the lady at the front desk of the clinic (Lovelie) said my referral expired", "Lovelie"),
    ("my mom Dawn Her is ninety-four and lives alone", "Dawn Her"),
    ("can you tell Will Stone his Holter results came back, thanks", "Will Stone"),
])
def test_parenthesized_and_addressed_names(scrubber: Scrubber, text: str, value: str) -> None:
    assert any(value in found for found in _names(scrubber, text))


@pytest.mark.parametrize("text", [
    "Drug requested: upadacitinib (Rinvoq) 15 mg daily, claim PA-26-3381970",
    "dupilumab (Dupixent) 300 mg SC every 2 weeks; surfactant (Curosurf) x1",
    "Interpreter (Spanish) present. Furosemide (Lasix) given.",
])
def test_drug_brands_and_languages_in_parentheses_stay(scrubber: Scrubber, text: str) -> None:
    found = _names(scrubber, text)
    assert not any(w in f for f in found for w in ("Rinvoq", "Dupixent", "Curosurf", "Lasix"))


def test_a_town_after_in_when_only_acronyms_are_capitalized(scrubber: Scrubber) -> None:
    text = "my uncle wade went to the va in tomah for PTSD inpatient, can we visit"
    assert "tomah" in [text[s.start:s.end] for s in scrubber.find(text)]
