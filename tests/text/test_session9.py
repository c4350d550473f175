"""Session 9 mechanisms: national phone layouts, ages after birth dates and in other
languages, OCR-damaged words, names before an identifier label, care roles in chat."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text.lexicon import lexicon
from veil.text.ocr import letter_reading, scanned
from veil.text.scrubber import Scrubber
from veil.text.spans import PhiType


@pytest.mark.parametrize(("text", "value"), [
    ("Téléphone de la fille: 06 21 43 65 87.", "06 21 43 65 87"),
    ("GP rang on (02) 9555 0183 and asked for a review.", "(02) 9555 0183"),
    ("Son informed on 0413 555 027 this morning.", "0413 555 027"),
    ("Ring the surgery on 020 7946 0321 if worse.", "020 7946 0321"),
    ("Daughter on 0161 496 0753 after 5pm.", "0161 496 0753"),
])
def test_national_phone_layouts_without_a_phone_word(scrubber: Scrubber, text: str,
                                                     value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.PHONE)


@pytest.mark.parametrize("text", [
    "Doses 05 10 15 20 25 mg over five days.",
    "Dates 01 02 2026 and 03 04 2026.",
    "Times 0800 1200 1600 2000.",
    "Counts 012 345 678 in the log.",
])
def test_number_lists_are_no_national_phones(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type is PhiType.PHONE]


@pytest.mark.parametrize(("text", "value"), [
    ("Patientin Frau Ilse Brandt, geb. 14.02.1932 (94 J.), lebt allein.", "94"),
    ("Mme Odette Lamy, née le 03/09/1929, 97 ans, vit seule.", "97"),
    ("Sr. Tomás Ibarra, 92 años, viudo.", "92 años"),
    ("Client DOB: 11/12/1933 (93), lives with niece.", "(93)"),
    ("DOB March 3, 1930 (96), widowed.", "96"),
    ("born 1928 (98) per family", "98"),
    ("her great-aunt (grandpa's sister, 99!!) visited", "99"),
])
def test_ages_after_birth_dates_and_in_other_languages(scrubber: Scrubber, text: str,
                                                       value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.AGE)


@pytest.mark.parametrize("text", [
    "Hgb 1930 (95) in the lab table.",
    "In 1931, 95 patients were enrolled.",
    "shocked at 120 J. then ROSC",
])
def test_numbers_near_years_are_no_ages(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type is PhiType.AGE]


_FAX = ("FAX RCVD 11/03/2026 PG 1/1\n"
        "PAT1ENT: DR0GHEDA, MAR1SOL      D0B: 02/11/1961\n"
        "ORDER1NG: VASQUEZ, R0DR1GO NP1 1234567893\n"
        "CR1T1CAL RESULT CALLED TO MAR1LYN J0NES AT 14:10\n"
        "VER1F1ED BY K. 0KAFOR MT(ASCP)\n")


def test_ocr_damaged_names_and_labels_are_read_as_letters(scrubber: Scrubber) -> None:
    for value in ("DR0GHEDA, MAR1SOL", "VASQUEZ, R0DR1GO", "MAR1LYN"):
        assert covered(scrubber, _FAX, value, only=PhiType.NAME), value
    names = [_FAX[s.start:s.end] for s in scrubber.find(_FAX) if s.type is PhiType.NAME]
    assert not any("NP1" in n for n in names)  # the NPI label ends the name


def test_letter_reading_keeps_offsets_and_leaves_clean_text_alone() -> None:
    lex = lexicon()
    reading = letter_reading(_FAX, lex)
    assert len(reading) == len(_FAX)
    assert "PATIENT: DROGHEDA, MARISOL" in reading
    assert "02/11/1961" in reading  # digits stay digits
    note = "BRCA1 and CDKN1A variants; HbA1c 7.1; FOXO1 not tested."
    assert not scanned(note, lex)
    assert letter_reading(note, lex) is note


@pytest.mark.parametrize(("text", "value"), [
    ("Patient Oluwaseun Adebayo-Hart, medical record number 5 5 2 0 1 9 4, seen today.",
     "Oluwaseun Adebayo-Hart"),
    ("2. Sage Thornbury, MRN KX88120043, device SN PM-4410982", "Sage Thornbury"),
    ("Faith Walker, DOB 3/4/1950, referred for echo", "Faith Walker"),
    ("3. Lark Thatcher, MRN QX40019921, remote monitor due", "Lark Thatcher"),
])
def test_a_name_before_an_identifier_label(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.NAME)


def test_a_sex_letter_before_dob_is_no_name(scrubber: Scrubber) -> None:
    text = "Patient: Ivy Nolan, 7 mo F, DOB 07/01/2023"
    names = [text[s.start:s.end] for s in scrubber.find(text) if s.type is PhiType.NAME]
    assert "F" not in names


@pytest.mark.parametrize(("text", "value"), [
    ("found on floor by cna journey at 0310. no injury", "journey"),
    ("mar 3 - nurse autumn called, bp fine", "autumn"),
    ("pt fitted today. tech dusty. home after", "dusty"),
])
def test_everyday_given_names_after_care_roles_in_chat(scrubber: Scrubber, text: str,
                                                       value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.NAME)


@pytest.mark.parametrize("text", [
    "the nurse will call you tomorrow",
    "nurse may be able to help",
    "the tech was late again",
    "nurse practitioner called back",
])
def test_care_roles_before_ordinary_words(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type is PhiType.NAME]


@pytest.mark.parametrize("text", [
    "Christmas tree allergy is that real",
    "flu season peak usually in February?",
    "Monday morning headaches from caffeine",
    "is it safe to fast during Ramadan with type 2 diabetes",
])
def test_calendar_words_in_a_question_about_no_one(scrubber: Scrubber, text: str) -> None:
    assert scrubber.find(text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("mom fell on Christmas, is her hip broken", "Christmas"),
    ("should I skip my statin on Thanksgiving", "Thanksgiving"),
    ("Admitted over Diwali with chest pain.", "Diwali"),
    ("seen again Monday", "Monday"),
    ("Can Earl restart furosemide after the Whipple procedure on Monday?", "Monday"),
    ("Refill for Ines Duarte, pick up Thursday?", "Thursday"),
])
def test_calendar_words_about_someone(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.DATE)


def test_a_holiday_after_a_title_stays_a_name(scrubber: Scrubber) -> None:
    text = "Mr. Easter is 45 and lives alone."
    assert covered(scrubber, text, "Easter", only=PhiType.NAME)


@pytest.mark.parametrize(("text", "value"), [
    ("Wiedervorstellung am 14. Januar in unserer Ambulanz.", "14. Januar"),
    ("serologia negativa (marzo 2025).", "marzo 2025"),
    ("Follow-up: on 23/8 at the OPD.", "23/8"),
    ("Next review 30/04 with the team.", "30/04"),
    ("DOB: 07 11 1948  SEX: M", "07 11 1948"),
    ("ADMIT 04 02 2022 ROOM 12", "04 02 2022"),
    ("   05 06 2025  11  99213  25  A  120.00", "05 06 2025"),
])
def test_dates_of_other_layouts(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.DATE)


@pytest.mark.parametrize("text", [
    "BiPAP titrated from 15/5 to 18/8 overnight.",
    "12 30 24 18 12 were the counts.",
    "Also MGUS, Mayo 2018 risk low.",
    "on 20/10 mg daily",
])
def test_numbers_that_are_no_dates(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type is PhiType.DATE]


@pytest.mark.parametrize(("text", "value"), [
    ("Her Fiesta is reg LB72 KPD; advised not to drive.", "LB72 KPD"),
    ("Staff parking pass (MH 12 AB 3381) returned.", "MH 12 AB 3381"),
    ("Er fährt noch (Kennzeichen HH-KL 2207).", "HH-KL 2207"),
    ("our truck (nh KTR 581) was towed", "KTR 581"),
])
def test_registration_plates_of_other_countries(scrubber: Scrubber, text: str,
                                                value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.PLATE)


@pytest.mark.parametrize("text", [
    "reg insulin 10 units before meals",
    "car MVA 55 mph, restrained",
    "registration CKD 3 stage noted",
])
def test_registration_words_before_no_plate(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type is PhiType.PLATE]


@pytest.mark.parametrize(("text", "value"), [
    ("Records custodian, Two Riverfront Plaza Dr, Louisville, KY 40202",
     "Two Riverfront Plaza Dr"),
    ("Clinic: 20417 Memorial N Ste 210, Humble TX 77338", "20417 Memorial N Ste 210"),
    ("The Lindens Surgery, 7 Parkway, Withington, Manchester M20 4BX", "7 Parkway"),
    ("Flat 3, 41 Wilbraham Road, Fallowfield, M14 6JS", "Flat 3"),
])
def test_street_lines_before_a_town_and_units_before_a_street(scrubber: Scrubber, text: str,
                                                              value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Insured vehicle: 2019 Chevy Malibu, VIN pending",
    "Gave 20 mg, Boston MA 02115",
    "BMI 37.9, Neck 18.5 in, Indianapolis clinic",
])
def test_numbers_before_a_town_that_are_no_street(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type is PhiType.ADDRESS]


@pytest.mark.parametrize(("text", "value"), [
    ("Adjuster Ivy Rivers; claimant portal open", "Ivy Rivers"),
    ("sat - brother hunter drove down from concord", "hunter"),
    ("church today. pastor glen came by after.", "glen"),
    ("[2230] Name--Last: PRICE   [2240] Name--First: HOPE", "PRICE"),
])
def test_names_after_roles_relations_and_registry_labels(scrubber: Scrubber, text: str,
                                                         value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.NAME)


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("my great-grandpa's 102 birthday is friday, can he fly", "102", PhiType.AGE),
    ("pt at Mercy icu, ninety four, on 2 pressors, ethics?", "ninety four", PhiType.AGE),
    ("seen at the er on fri the 12th, ekg abnormal", "12th", PhiType.DATE),
    ("pt Long in 6C refuses lovenox, options", "Long", PhiType.NAME),
    ("LPN 448120 license verification for agency nurse", "448120", PhiType.LICENSE),
])
def test_question_shapes(scrubber: Scrubber, text: str, value: str, kind: PhiType) -> None:
    assert covered(scrubber, text, value, only=kind)


@pytest.mark.parametrize("text", [
    "pt Denies chest pain",
    "HR ninety one, BP 120/80",
    "pt Education completed",
])
def test_question_shapes_without_phi(scrubber: Scrubber, text: str) -> None:
    assert scrubber.find(text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("PhilHealth No.: 19-026654321-3   Ward 4", "19-026654321-3"),
    ("N° de sécurité sociale : 1 84 03 75 112 009 41", "1 84 03 75 112 009 41"),
    ("Plano: Unimed, carteirinha 0 865 004512 7731 002", "0 865 004512 7731 002"),
    ("Obra social: Swiss Medical, Nº afiliado 80 441207 3 02", "80 441207 3 02"),
    ("Dr Anil Verma MD, CPSBC 40912", "40912"),
    ("Counsel: J. Reyes, Esq., KBA No. 88120", "88120"),
    ("Médico: Dr. Pablo Ruiz - M.N. 118.402", "118.402"),
    ("MDCN Folio MDCN/R/51207 on file.", "MDCN/R/51207"),
    ("Her TikTok handle @maddie.heals.22 shows the rash.", "@maddie.heals.22"),
    ("per police form RCMP 2026-004417, driver belted", "2026-004417"),
])
def test_identifiers_of_other_countries_and_networks(scrubber: Scrubber, text: str,
                                                     value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "give 5 mg @bedtime",
    "follow @CDCgov guidance on measles",
])
def test_at_words_without_a_network_are_no_handles(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type is PhiType.ID]


_HL7 = ("MSH|^~\\&|ADT|NWMH|||20260101083000||ADT^A03|MSG1|P|2.5.1\n"
        "EVN|A03|20260101082900|||KLEE88^LEE^KAREN\n"
        "PID|1||Q4410293^^^NWMH^MR||PARK^MINJI||19310203|F|||9 ELM RD^^CHICAGO^IL^60640^USA||"
        "^PRN^PH^^1^312^5550187|||W\n"
        "ZPD|AGE|94|ADVANCE DIRECTIVE ON FILE|DNR\n")


@pytest.mark.parametrize(("value", "kind"), [
    ("KLEE88", PhiType.ID), ("1^312^5550187", PhiType.PHONE), ("94", PhiType.AGE),
])
def test_hl7_operator_ids_component_phones_and_age_codes(scrubber: Scrubber, value: str,
                                                         kind: PhiType) -> None:
    assert covered(scrubber, _HL7, value, only=kind)


@pytest.mark.parametrize(("text", "value"), [
    ("Hx: 92 y/o M from Windcrest Nursing with PAD", "Windcrest Nursing"),
    ("referred to Kessler Dermatology for biopsy", "Kessler Dermatology"),
    ("BILLING PROVIDER: NORTH TULSA ORTHOPEDICS PA  PH 918-555-0100", "NORTH TULSA ORTHOPEDICS PA"),
    ("clinic Lakewood Family Med phone 951.555.0137", "Lakewood Family Med"),
])
def test_practices_named_before_a_specialty(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Consult Pediatric Cardiology today.",
    "Interventional Cardiology to see.",
    "DX VASCULAR DEMENTIA CHF",
    "Device: Boston Scientific Accolade MRI DR pacemaker",
])
def test_departments_and_devices_are_no_practices(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type is PhiType.FACILITY]


@pytest.mark.parametrize(("text", "value"), [
    ("Biopsy on Friday revealed invasive ductal carcinoma.", "Friday"),
    ("Male, 67, CABG in March, now dyspneic on exertion.", "March"),
    ("Intubated Friday, extubated Sunday.", "Sunday"),
    ("Labs Wednesday: K 5.9, repeat Thursday.", "Thursday"),
    ("Rash began over Christmas, worse on arms.", "Christmas"),
])
def test_short_records_keep_their_calendar_words(scrubber: Scrubber, text: str,
                                                 value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.DATE)


@pytest.mark.parametrize(("text", "word"), [
    # review of session 9: headings before an identifier label, words after a care role,
    # NDC codes and dose lists, table rows, dictated vitals, angles, ratios, brands across
    # sentences, everyday short forms, count nouns before a town, immunoglobulin, 'the
    # first', race words after 'pt', registry look-alikes, the Mayo model, a scale's town
    ("Full Code, DOB 01/01/1950", "Full Code"),
    ("Fall Risk, MRN 4459281", "Fall Risk"),
    ("Pt refused meds, nurse said, until son arrives.", "said"),
    ("Called rn page at 2200, see page 3 of the MAR.", "page"),
    ("Insulin glargine (NDC 0088-2220-33) 10 units", "0088-2220-33"),
    ("Insulin drip rates 02 04 06 09 12 units/h", "02 04 06"),
    ("APGAR\n01 05 10\n08 09 09", "01 05 10"),
    ("Titrate insulin from 10 12 14 units", "10 12 14"),
    ("Oxygen saturation, ninety two, on room air.", "ninety two"),
    ("abduction 90 lat rotation", "90"),
    ("LVOT gradient 95 AR mild", "95"),
    ("Patient on 24/7 oxygen", "24/7"),
    ("Started on 18/8 BiPAP", "18/8"),
    ("she is Baptist. Health maintenance: colonoscopy due", "Health"),
    ("Starting insulin was a Turning Point for glycemic control.", "Turning Point"),
    ("Chemo: 4 Cycles FOLFOX, Completed 2019, Houston TX 77030", "4 Cycles"),
    ("Hx: 30 Pack Years, Quit 2010, Denver, CO", "30 Pack"),
    ("Tetanus IG given @1430", "@1430"),
    ("Pt sat the first time since surgery", "the first"),
    ("pt Black, 67M, presents with CP", "Black"),
    ("pt Long term care resident", "Long"),
    ("Transfused PRC 1000 ml", "1000"),
    ("Per MAYO 2022 stratification", "MAYO"),
    ("Kansas City Cardiomyopathy Questionnaire done.", "Kansas City"),
])
def test_review9_misfires(scrubber: Scrubber, text: str, word: str) -> None:
    start = text.index(word)
    assert not [s for s in scrubber.find(text) if s.start < start + len(word) and s.end > start]


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("Eval date: May the 3rd, 2025", "May the 3rd, 2025", PhiType.DATE),
    ("produce, on or before the 21st day of April, 2025, at noon", "21st day of April, 2025",
     PhiType.DATE),
    ("my birthday is the fourth of March, I am 70", "fourth of March", PhiType.DATE),
    ("Keika: Reiwa 5-nen 8-gatsu yori, 9-gatsu 12-ka ni", "9-gatsu 12-ka", PhiType.DATE),
    ("cisplatin  90 mg  IVPB   0900   1000   RB/JL", "RB", PhiType.NAME),
    ("cisplatin  90 mg  IVPB   0900   1000   RB/JL", "JL", PhiType.NAME),
])
def test_letter_dates_japanese_dates_and_administration_initials(
        scrubber: Scrubber, text: str, value: str, kind: PhiType) -> None:
    assert covered(scrubber, text, value, only=kind)


def test_routes_closing_a_row_are_no_initials(scrubber: Scrubber) -> None:
    assert scrubber.find("heparin 5000 u SC 0900   PO") == []


def test_medicare_beneficiary_identifiers_by_their_format(scrubber: Scrubber) -> None:
    text = "Insurance: Medicare 7RH4-XM2-PQ55; supplemental plan on file."
    assert covered(scrubber, text, "7RH4-XM2-PQ55")
    other = "Lab code 1SAB2LZ0O99 pending."  # S, L, Z and O are no MBI letters
    assert not [s for s in scrubber.find(other) if s.type is PhiType.HEALTH_PLAN]


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("where can i rent a hospital bed in 30318", "30318", PhiType.ZIP),
    ("pt at 60629 and 60632 both listed, which is current", "60632", PhiType.ZIP),
    ("got out of rehab yesterday the 11th and stopped meds", "11th", PhiType.DATE),
])
def test_bare_zips_after_a_place_word_and_days_after_yesterday(
        scrubber: Scrubber, text: str, value: str, kind: PhiType) -> None:
    assert covered(scrubber, text, value, only=kind)


@pytest.mark.parametrize(("text", "value"), [
    ("resident is a nonagenarian of 97, long-stay since 2019", "97"),
    ("wir berichten über Ihre 94-jährige Patientin", "94-jährige"),
    ("onze 92-jarige patiënt woont alleen", "92-jarige"),
])
def test_ages_in_group_words_and_adjectives_abroad(scrubber: Scrubber, text: str,
                                                   value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.AGE)


def test_a_facility_acronym_after_a_slash(scrubber: Scrubber) -> None:
    text = "Transferred to Lions Gate Hospital / LGH for CT."
    assert covered(scrubber, text, "LGH", only=PhiType.FACILITY)
    assert not [s for s in scrubber.find("Mercy Hospital / ED staff") if s.type is PhiType.FACILITY
                and "ED" in "Mercy Hospital / ED staff"[s.start:s.end]]


@pytest.mark.parametrize(("text", "value"), [
    ("Seriousness: hospitalization\nHospital: Northside (non-study site)", "Northside"),
    ("Examination facility: Jesse Brown VA Medical Center, Chicago", "Jesse Brown"),
])
def test_facilities_after_hospital_and_facility_labels(scrubber: Scrubber, text: str,
                                                       value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Clinic: Follow Up in 2 weeks",
    "Hospital: Day 3 of admission",
    "Lab: Sputum AFB smear 3+",
])
def test_facility_labels_before_no_place(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type is PhiType.FACILITY]
