"""Session 12: organizations named by their kind (dental and therapy practices, agencies of
services, courts, police, jails, law firms, libraries, banks) with describing words between
the name and the kind; generic agencies, a state's agency and verbs after relation words
stay."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text.scrubber import Scrubber, ScrubOptions
from veil.text.spans import PhiType


@pytest.fixture(scope="module")
def scrubber() -> Scrubber:
    return Scrubber(ScrubOptions())


@pytest.mark.parametrize(("text", "value"), [
    ("refer to Dr. Vance (Lakeview Periodontics, 614-555-0193).", "Lakeview Periodontics"),
    ("HARBORVIEW FAMILY DENTISTRY -- RECALL VISIT", "HARBORVIEW FAMILY DENTISTRY"),
    ("Dental home: Smile Junction Pediatric Dentistry, last cleaning", "Smile Junction"),
    ("Our son sees Dr. Ortiz at Pathways Child Psychology.", "Pathways Child Psychology"),
    ("Gateway Youth Behavioral Services, after-hours line", "Gateway Youth Behavioral"),
    ("Report made to Fresno Child Protective Services at 13:40.", "Fresno Child Protective"),
    ("Agency: Modesto Police Department, Det. Ruiz.", "Modesto Police Department"),
    ("TO: Judge, Pima County Superior Court, Division 14", "Pima County Superior Court"),
    ("interviewed at Maricopa County Adult Detention Complex, room 3", "Adult Detention Complex"),
    ("(Victor Alcala, Esq., Pima County Legal Defender's Office)", "Legal Defender's Office"),
    ("Release to: Ostrowski & Vail LLP, Portland", "Ostrowski & Vail LLP"),
    ("Working 10 h/wk at Mudd Library circulation desk.", "Mudd Library"),
    ("father incarcerated at Waupun Correctional since May", "Waupun Correctional"),
    ("Home health through Johns Hopkins Home Care Group, start of care", "Home Care Group"),
    ("through their medical group, Torrance Memorial IPA.", "Torrance Memorial IPA"),
    ("He works for Zions Bank from home.", "Zions Bank"),
    ("dispensing via Bayside Compounding, Tampa", "Bayside Compounding"),
    ("lives at St. Joseph's Home for the Aged in Holyoke.", "St. Joseph's Home for the Aged"),
    ("Site name: Sunbelt Oncology Research", "Sunbelt Oncology Research"),
    ("Referring: Dr. Cristiani, Providence Regional Cancer Partnership", "Cancer Partnership"),
    ("Crossroads Hospice & Palliative Care - visit note", "Crossroads Hospice & Palliative Care"),
    ("per Seattle Fire Medic 10 on scene", "Seattle Fire"),
])
def test_organizations_named_by_their_kind(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Referred to Adult Protective Services for a welfare check.",
    "Report filed with Louisiana Adult Protective Services intake line.",
    "Blood Bank called with the crossmatch.",
    "Donated to the Food Bank last week.",
    "Clinical Research Coordinator reviewed the consent.",
    "She donates blood at the clinic every 8 weeks.",
    "my son sees a therapist on Fridays",
    "my mom hopes to go home soon",
    "Pediatric Dentistry consult requested.",
])
def test_generic_agencies_and_verbs_stay(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


def test_a_facility_after_at_takes_no_lower_case_word(scrubber: Scrubber) -> None:
    text = "She donates blood at Vitalant every 8 weeks."
    found = [text[s.start:s.end] for s in scrubber.find(text)]
    assert found == ["Vitalant"]


@pytest.mark.parametrize(("text", "value"), [
    ("states he works nights at Amazon RIC2 and cannot watch her.", "Amazon RIC2"),
    ("works as software engineer at Capital One (West Creek campus)", "Capital One"),
    ("He goes to Tuckahoe Middle and started amoxicillin.", "Tuckahoe Middle"),
    ("India on business (employer: Tata Consultancy Services, Pune).", "Tata Consultancy"),
    ("Dominion Freight & Logistics, Inc.\n4800 Jefferson Davis Hwy", "Logistics, Inc"),
    ("discuss with Pittsylvania-Danville Health District TB nurse", "Health District"),
    ("by EMS (Augusta County Fire-Rescue Medic 12)", "Augusta County Fire-Rescue"),
    ("CUMC Emergency Department / Case Management", "CUMC"),
    ("DISPOSITION: The Willows at Hanover skilled nursing, bed confirmed", "Willows at Hanover"),
    ("Pt chooses Laurels of Bon Air (closest to friend).", "Laurels of Bon Air"),
    ("91 y/o -- correction, 92 per DOB -- F found down", "92"),
    ("he notes patient, at ninety-one, is fully independent", "ninety-one"),
    ("his wife of 68 years, Hazel (herself ninety), and daughter", "ninety"),
    ("My mother is a nonagenarian -- ninety-three to be exact", "ninety-three"),
    ("My sister-in-law is 103 and still lives alone.", "103"),
    ("Compensation: $50 ClinCard ending 2208 loaded.", "2208"),
    ("placed in security Locker L-117 overnight", "L-117"),
    ("Trial subj. PNEUMO-VA-0412 (enrolled in observational arm)", "PNEUMO-VA-0412"),
    ("EMS Medic 12, run # 24-118870)", "24-118870"),
    ("enrolled under clinic ID CUMC-EP-02.", "CUMC-EP-02"),
    ('password for phone updates ("zebra14").', "zebra14"),
    ("shipped to central lab (airbill 7741 9920 3318)", "7741 9920 3318"),
    ("Reported in REDCap (record 0147).", "0147"),
    ("mailed, tracking 1Z 9W8 412 04 7731 0062 |", "1Z 9W8 412 04 7731 0062"),
    ("listing (barreau de Lyon n° 04127).", "04127"),
    ("DT 04/23/2024 job 2207448 tr. kms]", "kms"),
    ("07/2024 06:02   Job 8812047   /lmq", "lmq"),
    ("scanned by dpt  01/03/2024", "dpt"),
    ("M. Ebo, MSW  x6-4419", "M. Ebo"),
    ('Patient: Nikolai Petrov, 88 y/o M ("Kolya")   MRN 62277810', "Kolya"),
    ("DVT on duplex 9/10. PMH: latent TB since 3/14/2022", "9/10"),
    ("spoke w/ Tammy at 10:15 on l2/28.", "l2/28"),
    ("CT chest w/ contrast scheduled l/8", "l/8"),
])
def test_blind20_mechanisms(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Does the Epley maneuver work for BPPV in people over 80?",
    "Social work for Crime Victims Compensation info.",
    "HR at ninety, BP stable",
    "BP 120/80, pulse at ninety, regular",
    "pain 8/10 today, strength 5/5",
    "risk went from Very High to High",
    "School: Kindergarten\nPharmacy: Mail order\nDaycare: 3 days/week",
    "call 911 now. Run 3 of 5.",
    "first CMC joint arthritis",
    "Nurse: RN (TNNMC Reg 118447)",
])
def test_blind20_clinical_text_stays(scrubber: Scrubber, text: str) -> None:
    found = [text[s.start:s.end] for s in scrubber.find(text)]
    assert not [f for f in found if f != "118447"]


@pytest.mark.parametrize("text", [
    "Ki-67 20%, ER+ / PR+ / HER2 1+",
    "Pt not eligible for NCT05388669 screening.",
    "Dexcom G7 CGM, HCPCS E0784, A9274; CGM A4239/E2103",
    "The Ocrevus, J2350, is pended for clinical review.",
    "OASIS M1860 ambulation = 3.",
    "consistent with button battery (likely CR2032).",
    "applicable to MA plans under CMS-4201-F.",
    "LOINC ref: LOINC 2951-2 (Na), LOINC 2160-0 (Creat).",
    "Medicare 3-day rule applies to the SNF stay.",
    "I had a Mirena placed last year.",
    "Has been out of Flovent HFA 44 mcg x 2 weeks.",
    "Background: 41F, SAH Hunt-Hess 3, modified Fisher 3.",
    "found to have Candida albicans fungemia",
    "zolpidem is on the Beers list",
    "white matter disease, Fazekas 2",
    "Lifetime risk by Tyrer-Cuzick 22%.",
    "Can you get C. diff from a roommate?",
])
def test_codes_drugs_and_eponyms_stay(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


def test_a_code_in_parentheses_after_a_name_is_the_persons(scrubber: Scrubber) -> None:
    text = "PATIENT: CALLOWAY,RUFUS T (C4417)     DOB: 11/11/1946"
    assert covered(scrubber, text, "C4417")
    assert scrubber.scrub("Maria Lopez (2019) had a stroke").endswith("(2019) had a stroke")


@pytest.mark.parametrize(("text", "value"), [
    ('Patient: LEROY "SWEDE" JOHANNSEN   DOB 08/04/1925', "SWEDE"),
    ('Requesting attorney: Elizabeth "Libby" Ward, Ward & Castellanos PLLC', "Libby\" Ward"),
    ("report # 25-004419, officer D. Ng, badge #3307.", "D. Ng"),
    ("Per SPD officer Ofc. Ng (badge 7731) at bedside", "Ng"),
    ("R. Dissanayake FRACS  AHPRA MED0001738294", "R. Dissanayake"),
    ("specialty pharmacy liaison Dmitri Volkonsky-Reyes, CPhT", "Volkonsky-Reyes"),
    ("Ennington  transcribed 4/3 by lrg", "lrg"),
    ("March 2025  Typed: 07/03/2025 gw", "gw"),
    ("MD   d: 11/18/25 t: 11/19/25 jm", "jm"),
    ("(42 CFR Part 2) - initial here: DAV", "DAV"),
    ("psychotherapy) -- initialed HTM", "HTM"),
    ("x ray two views for patient rose marie delgado spelled out", "rose marie delgado"),
    ("pt is earl tompkins date of birth six fourteen", "earl tompkins"),
    ("res ida ruth womack rm 114 -- alert, pleasant", "ida ruth womack"),
])
def test_session12_names(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


def test_scanned_names_with_misread_capitals(scrubber: Scrubber) -> None:
    text = ("PATlENT NOTE (scanned)\nRe: HJALMARSON, lngrid     D0B: O6-3O-1932\n"
            "Attending: Dr M. 0konkwo\nImpedance RV 48O 0hms (stable).")
    assert covered(scrubber, text, "lngrid")
    assert covered(scrubber, text, "0konkwo")
    assert not covered(scrubber, text, "0hms")


@pytest.mark.parametrize("text", [
    "patient will need follow up",
    "the patient is ambulating well today",
    "pt denies any pain",
    "patient grace period ends",
    "RN aware of NG tube placement",
    "Pt initialed the form.",
])
def test_session12_lower_case_clinical_text_stays(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value"), [
    ("Kokilaben Dhirubhai Ambani Hospital, Mumbai\nScanner: MR3", "Mumbai"),
    ("residence in the old town (Busan), Korea.", "Busan"),
    ("a fall at her house at Kirkegata 12, 0153 Oslo. Norwegian doctors", "Oslo"),
    ("2 Chillingham Road\nHeaton\nNewcastle upon Tyne\nNE6 5XN", "Newcastle upon Tyne"),
    ("Institute of Cardiac Sciences, Bengaluru. Records translated", "Bengaluru"),
])
def test_cities_abroad_without_context(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "How long after a Kasai procedure can a patient eat?",
    "recently arrived from abroad, Venezuela, with fever",
    "passenger in a 2019 Toyota RAV4, restrained",
    "Hola, my mom called the clinic about her pills",
])
def test_city_names_that_are_other_things_stay(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value"), [
    ("Grandpa Joe (Joseph Kaminski) is ninety and lives in Hamtramck", "ninety"),
    ("my great-grandpa (Washington Lee Harper) is a hundred and one and wont", "a hundred and one"),
    ("my husband Pat (well Patrick) is 92, got a UTI after catheter", "92"),
    ("DORIS (91) keeps taking her pills twice", "91"),
    ("grandma Birdie 97 on lasix 40, potassium 3.1", "97"),
    ("Kahale lives in Hilo and is 90. Her doctor says", "90"),
    ("Mrs. Betty Lou Hatfield here, 93, from Pikeville. My eye doctor", "93"),
])
def test_ages_in_messages_about_a_person(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "my mom's sugar was 95 this morning",
    "her ferritin is 97 and iron 40",
    "my dad's oxygen is 92 on room air",
    "my mom takes 90 mg of iron",
    "he weighs 95 and is 5 feet tall",
    "our room is 96 at the end of the hall",
    "my son scored 98 on the test",
    "he drives at 95 mph",
])
def test_measurements_in_messages_are_no_ages(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type is PhiType.AGE]


@pytest.mark.parametrize(("text", "value"), [
    ("Seen 11/30/24. Diet: soft, thin liquids (SLP eval 12/4)", "12/4"),
    ("Admit 11/28/24.\n quetiapine -- DISCONTINUED 12/5", "12/5"),
    ("trach 11/30/24, PEG 12/4. Vent-weaning in progress.", "12/4"),
])
def test_days_after_any_word_in_dated_notes(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Seen 11/30/24. MoCA 20/30 (delayed recall 1/5, visuospatial 3/5).",
    "Seen 11/30/24. Katz ADL 5/6 (needs help bathing). Mini-Cog 4/5.",
    "Seen 11/30/24. cefazolin 2 g IV q8h day 5/7. BiPAP 12/5 FiO2 40%.",
    "Seen 11/30/24. cor RRR 2/6 SEM. Histologic grade total 6/9.",
])
def test_scores_in_dated_notes_stay(scrubber: Scrubber, text: str) -> None:
    assert [text[s.start:s.end] for s in scrubber.find(text)] == ["11/30/24"]


@pytest.mark.parametrize(("text", "value"), [
    ("Utilization Management\nSunflower Plains Health Plan\nAttn: Prior Authorization",
     "Sunflower Plains Health Plan"),
    ("Insurer (at-fault driver): Southern Shield Insurance, claim pending", "Southern Shield"),
    ("Harry S. Truman Memorial VA / Mexico MO CBOC", "Harry S. Truman Memorial VA"),
    ("pt also gets meds from Tennessee Valley VA).", "Tennessee Valley VA"),
    ("Station: Central Arkansas Veterans Healthcare System / Mountain Home", "Central Arkansas"),
    ("John L. McClellan Memorial Veterans Hospital, Little Rock", "John L. McClellan"),
    ("VA PUGET SOUND HEALTH CARE SYSTEM -- SEATTLE DIVISION", "PUGET SOUND HEALTH CARE SYSTEM"),
    ("eligible for services through W.W. Hastings Hospital.", "W.W. Hastings Hospital"),
    ("Funeral home: Hudgins & Sons Mortuary (478-555-0137)", "Hudgins & Sons Mortuary"),
    ("concentrator pickup requested from Middle Georgia DME, equipment", "Middle Georgia DME"),
    ("video via tablet at Nowata Health Station", "Nowata Health Station"),
])
def test_plans_veterans_care_and_funeral_homes(scrubber: Scrubber, text: str,
                                                value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "The patient has private insurance. Medicare Part D coverage.",
    "Notify VA of changes so duplicate fills are avoided.",
    "Request DME: tub bench, grab bars.",
    "The VA is great. He is a VA patient.",
])
def test_generic_plans_and_verbs_before_kinds_stay(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value"), [
    ("Freeman Hospital\nFreeman Road, High Heaton\nNewcastle upon Tyne NE7 7DN", "Freeman Road"),
    ("Apollo Hospitals, Greams Road, Chennai 600006, India", "Greams Road"),
    ("at her daughter's house, Av. Juárez 1450 Int. 3, Reynosa", "Int. 3"),
    ("in Belo Horizonte at Rua dos Guajajaras, 1450, apto 702, 30180-101", "apto 702"),
    ("Home: R.R. #1, 4421 Route 1, Meteghan, NS B0W 2J0", "R.R. #1"),
    ("her nephew's home in Arisaig (RR 1, 3214 Highway 245). Four falls", "RR 1"),
])
def test_named_streets_and_units(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


def test_a_named_street_needs_an_address_line(scrubber: Scrubber) -> None:
    text = "Wall Street Journal article on statins; Sesame Street characters."
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value"), [
    ("Anh Nguyen is in Ochsner in new orleans after a stroke", "new orleans"),
    ("FR of 38? I'm 74, followed at VA Ann Arbor.", "VA Ann Arbor"),
    ("how do we get him seen at VA Hines faster for his hearing", "VA Hines"),
    ("My 16-year-old Angel was caught vaping at school", "Angel"),
    ("my 5 year old Mason tested for ADHD", "Mason"),
])
def test_session12_messages(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "my 3 year old Has a fever since last night",
    "VA Form 10-10EZ was filed.",
    "Pt's son called. Outpatient anticoag clinic referral placed; he needs dialysis.",
])
def test_session12_messages_without_identifiers(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value"), [
    ("N. Al-Hashimi, MD  pgr 3-6612", "3-6612"),
    ("study UID 1.2.840.113619.2.55.3.2831164721.884.1720126100.315.", "1.2.840.113619.2.55"),
    ("pt left 1650 via LifeFlight N417LF.", "N417LF"),
    ("phone (IMEI recorded: 35 209900 176148 1) held by police", "35 209900 176148 1"),
    ("SPD officer Tran (#8802) obtained a statement", "8802"),
])
def test_session12_numbers(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


def test_versions_and_doses_are_no_uids(scrubber: Scrubber) -> None:
    text = "version 1.2.3 of the app; dose 0.5 mg; grade 1.2.1"
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value"), [
    ("Please schedule a nurse visit. RK\n\n--- Call back 9/13 9:05 AM ---\nok", "RK"),
    ("Path will be reviewed then.\n\nRCD", "RCD"),
    ("ID verified w/ Oregon DL 7841155 -- sj 5/15\n", "sj"),
])
def test_signoff_initials_before_a_break_or_a_date(scrubber: Scrubber, text: str,
                                                   value: str) -> None:
    assert covered(scrubber, text, value)


def test_a_closing_abbreviation_is_no_signoff(scrubber: Scrubber) -> None:
    text = "Plan: continue meds. PRN\n\nNext visit in 2 weeks."
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize("text", [
    "Patient: John Smith, 45" + " " * 3000 + "x",
    "password" + " " * 20000 + "x",
    "Trial subj. " + "A-" * 5000,
    "run #" + " " * 20000 + "x",
    "works nights at" + " " * 20000 + "x",
])
def test_session12_blank_runs_stay_linear(scrubber: Scrubber, text: str) -> None:
    """A name, an age and a run of blanks took n**4 steps in the nickname pattern before its
    blanks were made possessive (3,000 blanks: minutes); finishing is the check."""
    assert scrubber.scrub(text) is not None


@pytest.mark.parametrize("text", [
    "Dialysis run 240 min without issue",
    "BP record 140/90 in clinic",
    "Medical record 2019 reviewed; prior record 2021",
    "able to pass 250 cc urine",
    "Audit: record 120 of 200",
    "Screening: COVID-19 negative. Screening: CA-125 pending",
    "Participant: 2-3 times per week",
    "portal password: reset. Password is required.",
    "Circulaire n° 2004-12 applies",
    "Mallampati class changed to I/II. Reduce to l/2 tab daily",
    "Rate controlled at ninety and regular",
    "She weighs herself 95, down from 99",
    "Results scanned: CXR and EKG",
    "DTaP given 0.5 mL IM /lt",
    "T: 98.6 HR 80 RR 16 /ok",
    "up from Borderline High",
    "Variants of Normal",
    "Consultant from Infectious Disease saw pt",
    "IDMC review completed",
    "92 yo F, HR: 96",
    "93 yo M -- 98 on arrival",
])
def test_session12_review_false_positives(scrubber: Scrubber, text: str) -> None:
    """Clinical text the adversarial review of the session's rules found changed."""
    found = [text[s.start:s.end] for s in scrubber.find(text)]
    assert [f for f in found if not f.endswith(("yo F", "yo M"))] == []


@pytest.mark.parametrize(("text", "value"), [
    ("Badge #: B1047 issued", "B1047"),
    ("Inmate # A1234 in custody", "A1234"),
    ("Certificate # 12345-26", "12345-26"),
])
def test_labelled_ids_shaped_like_billing_codes_stay_found(scrubber: Scrubber, text: str,
                                                         value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Subject: " + "A-" * 10000,
    "Fire-" * 4000,
    "Abernathy-" * 2000,
])
def test_hyphen_runs_stay_linear(scrubber: Scrubber, text: str) -> None:
    """A capitalized word may not start right after a hyphen (it is inside a word), so a run of
    hyphenated capitals is read once, not from each hyphen (10,000 'A-' took 20 s)."""
    assert scrubber.scrub(text) is not None


@pytest.mark.parametrize(("text", "value"), [
    ("Kaiser-Joseph-Straße 212, 79098 Freiburg", "Kaiser-Joseph-Straße 212"),
    ("Lives in Pima County with her son", "Pima County"),
    ("see smith-clinic.com/forms for the forms", "smith-clinic.com/forms"),
])
def test_hyphenated_names_still_found(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


def test_icd_categories_are_not_read_as_scanned_digits(scrubber: Scrubber) -> None:
    text = "PMH: CHF (I50.9), HTN (I10), prior MI (I21.4); GDM (O24.4)."
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value"), [
    ("records sent from Oregon Health & Science University to my doctor", "Science University"),
    ("Assessment: Centenarian (note: 102) with post-op delirium", "102"),
])
def test_session12_review_losses_mended(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("prostate cancer, Gleason 4+3, at Duke. The urologist offered surgery", "Duke"),
    ("been on the transplant list at Northwestern for 2 years.", "Northwestern"),
    ("is the ER at Stroger closer for appendicitis", "Stroger"),
])
def test_academic_centers_by_short_name(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


def test_a_short_name_that_is_a_word_needs_a_place_of_care(scrubber: Scrubber) -> None:
    assert scrubber.scrub("Northwestern winds today.") == "Northwestern winds today."


@pytest.mark.parametrize(("text", "value"), [
    ("which I increased in Dec. Also on ropinirole", "Dec"),
    ("recurrent aspiration pneumonia (Nov, Jan), CKD 3", "Jan"),
    ("last seen Sept. Brought by her sister", "Sept"),
    ("son has been on hospice since aug and they say", "aug"),
    ("prior cx Feb E. coli pan-S", "Feb"),
])
def test_months_alone_are_date_elements(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.DATE)


def test_a_given_name_jan_and_lower_case_dec_stay_words(scrubber: Scrubber) -> None:
    text = "Jan Kowalski called. dec BS bilaterally."
    assert {text[s.start:s.end] for s in scrubber.find(text)} == {"Jan Kowalski"}


@pytest.mark.parametrize(("text", "value"), [
    ("he started CrossFit at Iron Prairie Gym with coworkers", "Iron Prairie Gym"),
    ("short of breath on the stairs at church (St. Genevieve Catholic) yesterday",
     "St. Genevieve Catholic"),
    ("Community -- Flat Rock MBC, extended family", "Flat Rock MBC"),
    ("HMP DURHAM -- Healthcare Department", "HMP DURHAM"),
    ("Cita en UMF No. 15 en 1 semana", "UMF No. 15"),
])
def test_blind21_22_places(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "MEDICAL EXAMINATION REPORT FOR COMMERCIAL DRIVER FITNESS DETERMINATION",
    "EVENT TERM (MedDRA PT): Pneumonitis",
    "Seen 11/8/24: inattention 6/9 items (was 8/9), hyperactivity 4/9 (was 7/9)",
    "the midwife said my Hb 98 is too low. Can I raise it?",
])
def test_blind21_22_clinical_text_stays(scrubber: Scrubber, text: str) -> None:
    found = [text[s.start:s.end] for s in scrubber.find(text)]
    assert [f for f in found if f != "11/8/24"] == []


@pytest.mark.parametrize(("text", "value"), [
    ("Scan QR or visit reports.mediscanlab.co.in/verify with Lab ID.",
     "reports.mediscanlab.co.in/verify"),
    ("  - Online: pay.cvhs-example.org (have your guarantor # ready)", "pay.cvhs-example.org"),
    ("Paediatric Ward\nCairns and Hinterland Hospital and Health Service\n165 The Esplanade",
     "Hospital and Health Service"),
])
def test_hosts_and_health_services(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


def test_file_names_versions_and_bare_domains_stay(scrubber: Scrubber) -> None:
    text = "see notes.txt; v1.2.3; e.g. 5.5 mg; google.com is a search site"
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value"), [
    ("Secretary: 0113 206 4417   Switchboard 0113 243 3144", "0113 243 3144"),
    ("Mother Lorraine Reid (0191 555 0187) -- he consents", "0191 555 0187"),
    ("OPD: 0484 255 1234   Email: opd@example.org", "0484 255 1234"),
    ("Surname: McLAUGHLIN           Forename(s): Fiona", "McLAUGHLIN"),
    ("Social: married to Mariama Camara; two children.", "Mariama Camara"),
    ("flight (Chicago - Frankfurt) on 04.09.. Findings:", "04.09"),
    ("Meri maa Kamla ki umar 91 saal hai", "91"),
])
def test_blind21_22_numbers_names_dates(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "NDC 0088 222 0033 and 0123 456 789 units",
    "see section 4.3. for details; Hb am 12.1. pm 11.8.",
    "married to the idea of surgery",
])
def test_blind21_22_numbers_that_stay(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value"), [
    ("March 2024      Typed: 19.03.24 / kb\n\nDr P. Featherstone\n", "kb"),
    ("STAFF RADIOLOGIST\n/MF  Results called to Dr. Abernathy-Chu 08:15", "MF"),
    ("Review by phone Friday 8th.\nFPJ", "FPJ"),
    ("monitoring visit 6/3.\nSVZ 05/21/2025 16:40\n", "SVZ"),
])
def test_line_initials(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


def test_units_and_doses_at_a_line_start_are_no_initials(scrubber: Scrubber) -> None:
    text = "Plan reviewed.\nPRN\nICU 05/21/2025 16:40\n/BID dosing"
    found = [text[s.start:s.end] for s in scrubber.find(text)]
    assert found == ["05/21/2025 16:40"]
