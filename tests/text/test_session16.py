"""Session 16 mechanisms: practices named by their specialty, short kind words after a rare
word, list items of people, initials with an age, bare month/days after a word of an event,
and the text each of them must leave alone."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text import Scrubber


@pytest.mark.parametrize(("text", "value"), [
    # a specialty after a practice's own name ('practices')
    # a second kind of care joined by '&'
    ("Sonoran Dermatology & Mohs Surgery -- Scottsdale, AZ",
     "Sonoran Dermatology & Mohs Surgery"),
    ("Rainier Valley Neurology & Memory Clinic, Seattle",
     "Rainier Valley Neurology & Memory Clinic"),
    # short kind words after a rare word
    ("Medicare Part D via Heartland Senior Rx, member HSR-77120984", "Heartland Senior Rx"),
    ("HH PT/OT referral (Desert Horizons HH), rollator.", "Desert Horizons HH"),
    ("methadone 120 mg at Sacred Heart OTP. He got arrested", "Sacred Heart OTP"),
    ("later 20 yrs with Eagle Pass ISD), MDD recurrent", "Eagle Pass ISD"),
    # agencies, lodging, co-ops, courts, transit
    ("My mom is at Desert Bloom Senior Care and the NP says", "Desert Bloom Senior Care"),
    ("PCA through Saigon Family Care agency", "Saigon Family Care"),
    ("Lodging: both men at Kellerman Family House, 418 Pruitt Street", "Kellerman Family House"),
    ("Wife works part-time cleaning at Cimarron Inn.", "Cimarron Inn"),
    ("I drive for Ag Valley Co-op out of Aberdeen.", "Ag Valley Co-op"),
    ("EOIR hearing: 01/22/2025, Newark Federal Immigration Court",
     "Newark Federal Immigration Court"),
    ("legal aid referral (Asylum Hill Legal Aid) for custody", "Asylum Hill Legal Aid"),
    ("transportation by Finney County Transit.", "Finney County Transit"),
    ("Discharge anticipated to Eliot Street Respite if bed available", "Eliot Street Respite"),
    ("was seen by Heartland Health Outreach van.", "Heartland Health Outreach"),
    ("ordered from Gorge Medical Supply (order GMS-77201).", "Gorge Medical Supply"),
    # a county's abbreviation, a unit's number, the rest of a name after a facility word
    ("Home visit by Washington Co. Public Health nurse Dana Pfeiffer",
     "Washington Co. Public Health"),
    ("Extracted by Rooks County Fire District 2 using retaining wall.",
     "Rooks County Fire District 2"),
    ("PRENATAL VISIT -- Kandi Lakes Medical Center OB/GYN (Willmar MN)",
     "Kandi Lakes Medical Center OB/GYN"),
    ("Dad is in Red Cedar Bench Rehabilitation & Nursing, ninety.",
     "Red Cedar Bench Rehabilitation & Nursing"),
    ("Referral to Catholic Charities of the High Plains for rent assistance.",
     "Catholic Charities of the High Plains"),
    ("flown to Sioux Valley Heart & Trauma. how long", "Sioux Valley Heart & Trauma"),
])
def test_practices_agencies_and_their_tails_are_found(scrubber: Scrubber, text: str,
                                                      value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Consult Cardiology. Recommend Pulmonary follow up.",
    "Please Consult Cardiology now. Will Consult Cardiology in the morning.",
    "Pediatric Cardiology and Interventional Cardiology and Adult Congenital Cardiology.",
    "Recent Cardiology visit. Outpatient Pediatric Cardiology. General Cardiology.",
    "Seen in Neurology. Per Neurology. Acute Stroke Neurology. Child Psychiatry.",
    "CONSULTATION-LIAISON PSYCHIATRY",
    "Consultant in Old Age Psychiatry",
    "New Rx: ciprofloxacin. Continue Rx. Changed Rx to clotrimazole.",
    "Reason for HH: CHF exacerbation.",
    "PATIENT IN HIS THIRTIES, ORIENTED AND COOPERATIVE.",
    "MEDICAL RESPITE -- NURSING ADMISSION NOTE",
    "Gyn Oncology. Surgical Oncology. Neuro Oncology.",
    "IgG kappa multiple myeloma diagnosed 2020; Sarcoma Medical Oncology to see.",
    "Has IHS eligibility. Does IHS cover the Nexplanon?",
])
def test_services_and_orders_stay(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize("text", [
    "Farah Siddiqui, MD - Consultation-Liaison Psychiatry",
    "Ruth Esterhazy, MD, C-L Psychiatry",
    "Anjali Venkataraman, MD\nAssociate Professor of Neurology",
])
def test_a_signer_s_service_is_no_facility(scrubber: Scrubber, text: str) -> None:
    assert not any(s.type.value == "FACILITY" for s in scrubber.find(text))
    assert scrubber.scrub(text).endswith(text[text.index("MD"):])


def test_a_name_before_a_table_code_stays_a_name(scrubber: Scrubber) -> None:
    text = "Patient: Shane T. Wolfchild    OTP ID RF-3309"
    names = [text[s.start:s.end] for s in scrubber.find(text) if s.type.value == "NAME"]
    assert names == ["Shane T. Wolfchild"]
    assert covered(scrubber, "MRN HH0091744 today", "HH0091744")
    assert "MRN" in scrubber.scrub("MRN HH0091744 today")


@pytest.mark.parametrize(("text", "value"), [
    ("My sister has 3 kids (Tony 31, Maya 28, Elias 22). If she is", "Maya"),
    ("his kids Maddie (in Madison) and Cole (in Duluth).", "Cole"),
    ("Corbin (41, Fort Dodge) and Jessa (36, Story City) -- he will", "Jessa"),
    ("our newborn Noa has a positive screen", "Noa"),
    ("he delivered Travis's little girl Braelynn back when", "Braelynn"),
    ("CASE 1 -- D.T. (5M), MRN LCH-7204418. Trio exome", "D.T"),
    ("CASE 2 -- Y.O.B. (67M), somatic BRCA2", "Y.O.B"),
    ("CASE 3 -- S.E.B-R. (3F, intl adoptee)", "S.E.B-R"),
])
def test_list_items_initials_and_children_are_names(scrubber: Scrubber, text: str,
                                                    value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "BP 120/80 (sitting), HR 88 (regular) and Temp 37 (oral).",
    "Metoprolol 25 (held), Lisinopril 10 (given)",
    "Seen 8 A.M., 10 min late. Tylenol P.O. (5 mg).",
])
def test_lists_of_measures_stay(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value"), [
    ("Esperanza Villalobos, 67F, adm 9/3 for CHF exacerbation.", "9/3"),
    ("no vaginal discharge. LMP 4/2, not pregnant", "4/2"),
    ("Drinks 12 beers/d, last drink 4/9? Hx of withdrawal seizures.", "4/9"),
    ("had a concussion Friday night 10/11. When can he go back?", "10/11"),
    ("my son got his shingles shot #2 on 10/5 in Herington, now he has a rash", "10/5"),
])
def test_month_day_after_an_event_word_without_other_dates(scrubber: Scrubber, text: str,
                                                            value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Strength 4/5 in the left leg, given 1/2 tab, pain 3/10.",
    "Last dose 1/2 tab at night; murmur 2/6; reflexes 2/4.",
    "Hep B series 2/3 done. PHQ-2 0/6.",
    "Level 3/4 of the program; test 5/5 correct.",
])
def test_fractions_and_scores_after_event_words_stay(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize("text", [
    # review of session 16: drugs, devices and diseases before a short kind word
    "Adderall Rx sent. Nurtec Rx faxed. Rollator Rx given.",
    "EGD: Sliding HH. Paraesophageal HH repaired.",
    "Daily OTP dosing; Current OTP is methadone.",
    # specialties used as adjectives or headings
    "Dx: Saddle Pulmonary Embolism.",
    "Neck: Supple, no JVD Cardiovascular: RRR",
    "Sickle Cell Hematology note reviewed.",
    # motility studies, generic lodging and lines
    "Whole Gut Transit study normal. Small Bowel Transit time 4 h.",
    "Local Motel voucher given.",
    # nursery headings
    "Newborn: Vitamin K given. Newborn - Hepatitis B vaccine. Preemie: Caffeine.",
    "pending newborn add to Medicaid.",
    # dotted clinical abbreviations with a duration
    "c/o N.V.D. (2 d) and C.P. (3 d); H.T.N. (15 y); G.C.S., 15, on arrival.",
    # list items that are eponyms or measures
    "Emma 14, Tanner 4. Breast Tanner 4.",
    "Mary (68), Graves (disease) in remission.",
    # UK durations, frequencies and visual acuity after an event word
    "Vomiting started 3/7 ago. CPAP use 6/7 nights. Visual acuity checked 6/9 today, stable.",
    "Seen at GP Practice.",
])
def test_review16_misfires_stay(scrubber: Scrubber, text: str) -> None:
    found = scrubber.find(text)
    assert not [text[s.start:s.end] for s in found if s.type.value != "NAME"
                or text[s.start:s.end] not in ("Emma", "Mary")], found


@pytest.mark.parametrize(("text", "value"), [
    ("Worked 38 yrs at Amherst Coal in the Lundale mines", "Amherst Coal"),
    ("her mom is in rehab at Chrysalis House. Can she visit?", "Chrysalis House"),
    ("was at Upper Big Branch the year before the explosion", "Upper Big Branch"),
    ("We can see you at Pine Hollow -- call Kristy", "Pine Hollow"),
    ("great-aunt Mossie Hensley at Hazard ARH has a heart rate of 38.", "Hazard ARH"),
    ("Which hospital near Eastgate Plaza does device checks?", "Eastgate Plaza"),
    # rural places
    ("mother lives alone up Caney Fork near Hindman.", "Caney Fork"),
    ("Directions: KY-80 to Hindman, left on Caney Fork, 2.3 mi", "KY-80"),
    ("my friend overdosed in his truck on US-421 last night", "US-421"),
    ("Slate Creek Holiness Church, Rt. 643 near Big Rock, Grundy, VA", "Rt. 643"),
    ("i live on rt 1428 at allen in the red brick house", "rt 1428"),
    ("road closed at N-12 MP 44", "N-12 MP 44"),
    ("Location: US-421 N, approx mile marker 7.4, at the pull-off", "mile marker 7.4"),
    ("Maben Coal\tMaben, Wyoming Co\tbeltman", "Wyoming Co"),
])
def test_places_after_at_and_rural_places(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "seen at SNF, at HD, at L5-S1, at Rest, at Baseline, at Physical Therapy.",
    "Trip to Iowa: at Canada border. Meds at Bedtime. BP at Goal. Pain at McBurney's point.",
    "CA-125 was 35 on CA-125 trend. PA-C saw her. Route 2 tabs.",
])
def test_words_after_at_and_codes_that_are_no_place_stay(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


def test_a_tab_splits_a_name_of_a_table() -> None:
    from veil.text.names.tokens import _runs
    runs = _runs("Maben Coal\tMaben, Wyoming")
    assert next([t.word for t in run] for run in runs) == ["Maben", "Coal"]


@pytest.mark.parametrize(("text", "value"), [
    ("PCP: Dr . S . Lipinski    Ph 847-555-0614", "S . Lipinski"),
    ("Physician: A . Goldfarb MD        Scribe: kpr", "A . Goldfarb"),
    ("SQ abd\tKK/TR 10:35\tdoxorubicin\t100 mg\tIVP", "KK/TR"),
])
def test_spaced_initials_and_initials_of_a_medication_record(scrubber: Scrubber, text: str,
                                                             value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Changed IV/PO 10:00 today; BID/PRN 10:00; HR/BP 10:00.",
    "Views AP/LAT 10:30; OS/OD 20/40.",
    "Kenji Matsumoto, MD, OB/GYN",
    "plan per B. Haas, PA-C. Ambulated with PT.",
])
def test_routes_and_credentials_are_no_initials(scrubber: Scrubber, text: str) -> None:
    spans = [text[s.start:s.end] for s in scrubber.find(text)]
    assert all("/" not in v and not v.startswith("C.") for v in spans), spans


@pytest.mark.parametrize(("text", "value"), [
    ("Hermann is 96 at Cliffrose in Kolob Springs.", "Kolob Springs"),
    ("Grandson Tyler visited from Cache Ridge, nice visit.", "Cache Ridge"),
    ("who lives alone in Cimarrón Viejo? she wants to drive", "Cimarrón Viejo"),
    ("my father lives in Big Stone City and breathed", "Big Stone City"),
])
def test_the_last_word_of_a_town_joins_it(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    # second review of session 16: forms, levels of care, anatomy, procedures, scores
    "Age at Onset: 25. Sudden onset of chest pain.",
    "Age at Menarche: 12. Father - Age at Death: 65.",
    "Ambulates at Supervision level; transfers at Contact Guard Assist.",
    "Bruising at Incision Site. Ulcer at Sacrum. ETT tip at Carina.",
    "Findings at Colonoscopy: polyp. Found at Laparotomy.",
    "Grew at Staphylococcus aureus. Readings at FreeStyle Libre were high.",
    "Family at Peace with decision. Episode of near Syncope yesterday.",
    "Stent on Obtuse Marginal Branch; Left Bundle Branch block; Anion Gap 18.",
    "RT 2 at bedside. Rt 1 above knee amputation.",
    "Good Cardiovascular fitness; Good Pulmonary effort.",
])
def test_review16b_misfires_stay(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value"), [
    ("Plan: follow up 10/14 in clinic.", "10/14"),
    ("Seen in ER 9/3 night shift.", "9/3"),
])
def test_review16b_dates_kept_found(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Patient at High Fall Risk. Infant born at Term.",
    "Cervix at Bishop 6. Graded at Hunt and Hess 2. Staged at Ann Arbor IIIB.",
    "Compression at Ligament of Treitz. Aneurysm near Circle of Willis.",
    "Weaned to NC-2 at 0800; IA-2 at diagnosis; Given B-12 MP 500.",
])
def test_review16b_no_place_or_road(scrubber: Scrubber, text: str) -> None:
    """(Other, older rules still read 'Hess' or 'High Fall Risk' as names; these new ones
    must add no facility and no road.)"""
    assert not [s for s in scrubber.find(text) if s.source in ("place_at", "state_route",
                                                               "state_route_prep",
                                                               "road_milepost", "route_near")
                or s.type.value in ("FACILITY", "ADDRESS")]


@pytest.mark.parametrize(("text", "value"), [
    ("at 28 weeks at Rose City Midwifery. Does she need", "Rose City Midwifery"),
    ("grandma Pearl at the Cottages in Hutchinson has", "Cottages"),
    ("injections every 6 weeks at Retina Consultants of Minnesota in Edina",
     "Retina Consultants of Minnesota"),
])
def test_kinds_of_place_and_residences_after_at(scrubber: Scrubber, text: str,
                                                value: str) -> None:
    assert covered(scrubber, text, value)


def test_single_words_after_at_the_stay(scrubber: Scrubber) -> None:
    text = "ETT tip at the Carina. Pain at the Heel. Crackles at the Bases."
    assert scrubber.scrub(text) == text
