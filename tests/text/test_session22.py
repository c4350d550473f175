"""Session 22 mechanisms: a road site read whole (its pieces joined by the words between,
its direction, exit and hundred block), interstates by a word of travel, police and fire
departments and their districts, badge numbers, schools named by everyday words, ages set
off after a name; and the text each must leave alone."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text import Scrubber
from veil.text.road_edges import road_locations
from veil.text.spans import PhiType, Span


@pytest.mark.parametrize(("text", "value"), [
    # a road site: two streets and the words between them, a direction, an exit
    ("Restrained driver, MVC on the Southfield Fwy near the Ford Rd exit, T-bone at 45 mph.",
     "Southfield Fwy near the Ford Rd exit"),
    ("HPI: 63M pedestrian struck on Michigan Ave near 24th St approx 20:30.",
     "Michigan Ave near 24th St"),
    ("Mechanism: House fire, 2700 block N. 38th St, entrapped ~10 min.",
     "2700 block N. 38th St"),
    ("Naloxone x2 on the shoulder of I-90/94 near the Addison St exit. Ambulance 19 came.",
     "I-90/94 near the Addison St exit"),
    ("Location: I-55 NB at Pulaski Rd, right shoulder", "I-55 NB at Pulaski Rd"),
    ("trauma after jumping from the E. 55th St overpass over I-90 on 2/9/24.",
     "E. 55th St overpass over I-90"),
    ("rear-end collision on westbound I-94 at exit 210. He sustained", "I-94 at exit 210"),
    ("The fire was in the 4500 block of Elm, second floor.", "4500 block of Elm"),
    # police and fire departments, their districts, a badge
    ("Chicago PD on scene -- Officer J. Reyes, star #17734", "Chicago PD"),
    ("Chicago PD on scene -- Officer J. Reyes, star #17734", "17734"),
    ("run sheet attached. Detroit Police Ofc. Kevin Lovejoy at bedside", "Detroit Police"),
    ("entrapped ~10 min, rescued by MFD Engine 28. Carbonaceous sputum", "MFD"),
    ("Fire dept report per family, CFD incident 24-0704-7721.", "CFD"),
    ("Agency ........ Cleveland Division of Police, Homicide Unit", "Cleveland Division of Police"),
    ("Milwaukee PD Dist 7 report filed.", "Milwaukee PD Dist 7"),
    ("Officer from 18th District asking about the clothing", "18th District"),
    ("brought in by Chicago Fire ambulance 37 after an altercation", "Chicago Fire"),
    ("Badge ......... 1931   Phone on file", "1931"),
    # schools named by everyday words
    ("School: Capital High School, varsity football (LB)", "Capital High School"),
    ("He tore his ACL playing football for Timpview High on Sept 15.", "Timpview High"),
    ("He's at Centennial High in Boise.", "Centennial High"),
    # ages set off after a name
    ("Gran, at 94, is independent with ADLs, still drives.", "94"),
    ('Winnie Greywater ("Gran," ninety-four, primary caregiver)', "ninety-four"),
    ("she intends to ski again at ninety-two.", "ninety-two"),
    ("Hanna Kovalenko (grandmother), 91 F, here with her grandson", "91"),
    ("My ninety-something grandma got a letter.", "ninety-something"),
    ('Weight loss was "normal for ninety-five." Earlier visit.', "ninety-five"),
    ("Can I have a TAVR if I am in my early nineties?", "in my early nineties"),
    # streets written with a direction's initial, after a label, with an eponym or an
    # everyday word before a street's own suffix, and a second street after '&'
    ("motorcycle vs. car on N. Lincoln Ave at W. Foster Ave; SBP 88",
     "N. Lincoln Ave at W. Foster Ave"),
    ("Assaulted near N. Teutonia Ave & W. Capitol Dr last night.",
     "N. Teutonia Ave & W. Capitol Dr"),
    ("Incident address ... S. Stony Island Ave & E. 79th St, Chicago 60649",
     "S. Stony Island Ave & E. 79th St"),
    ("He was assaulted on W. Wells St on Friday.", "W. Wells St"),
    ("She was hit by a car crossing Division St near our church", "Division St"),
    # schools by a rare name alone, a spa or a salon after 'at'
    ("School: Ridgeway Elementary / Ridgeway Middle - never infectious.", "Ridgeway Middle"),
    ("every morning before Aldine High. Can I take them at night", "Aldine High"),
    ("My wife was exposed at Lotus Nail Spa.", "Lotus Nail Spa"),
    # facilities of other kinds and languages, a department after a found facility
    ("CUMBERLAND HEART & RHYTHM -- DEVICE CLINIC IN-OFFICE", "CUMBERLAND HEART & RHYTHM"),
    ("Mode: Wings Air Rescue, fixed wing not avail", "Wings Air Rescue"),
    ("she ran the Paint Lick Post Office for 31 years", "Paint Lick Post Office"),
    ("co-owns Mai's Nails & Spa in Okolona; works long days", "Mai's Nails & Spa"),
    ("Church - Iglesia Pentecostal Monte de Sion, Sun AM + Wed PM", "Iglesia Pentecostal Monte"),
    ("Peer navigator (Fundación Latino Americana de Acción Social) will meet",
     "Fundación Latino Americana de Acción Social"),
    ("Call from Maury Regional Heart Failure Clinic, Columbia TN today.",
     "Maury Regional Heart Failure Clinic"),
    ("sober living, Hwy 64 Mile Marker 22, Shiprock", "Hwy 64 Mile Marker 22"),
    ("Det. Ruiz, shield 4412, took the report", "4412"),
    ("Found down in the 2700 blk of N 38th St.", "2700 blk of N 38th St"),
    ("Struck on the I-290 ramp to Harlem Ave by a car", "I-290 ramp to Harlem Ave"),
    ("Crash on I94 WB near exit 216", "I94"),
])
def test_found(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    # initials of medicine that end as a department's do, and a drug taken at bedtime
    "RAPD on the left; PPD placed and read at 48 h; COPD report reviewed.",
    "CAPD at bedside was taught to the family; BPD and ADHD were discussed.",
    "LPD on EEG, no seizure; APD noted on exam.",
    "Take Ambien HS for sleep.",
    # a level of risk, a kind of school, iodine
    "She is at Very High risk of falls.",
    "He is at Extremely High risk.",
    "Junior high was hard for him, and high school too.",
    "Received I-131 therapy in 2019; I-131 uptake scan was normal.",
    # a temperature after its route; a vital sign at a value
    "Temp (rectal), 91 F, rewarming started.",
    "Sats at ninety-four, HR at ninety-two, stable.",
    "Pain in the Left Middle. Risk Very High.",
    "The Lab Rd was read twice.",
    # a device's maker and model, a code of a code system, a law's name
    "Device: Abbott Assurity MRI dual pacemaker, interrogated today.",
    "Lead: St. Jude Tendril STS, device check normal.",
    "Remote check CPT 93296 billed.",
    "Reported under Texas Health and Safety Code Chapter 81.",
    # years underground, a county road in lower case, a weekday after a comma
    "RETIRED 38 YRS UNDERGROUND, COAL MINER. CWP.",
    "then met the ambulance at the county road.",
    # the review's cases: medical initials before words of a report, iodine and a form of
    # immigration, values set off by commas, a temperature's route, hidradenitis, a level,
    # a block of a schedule, a fire that is no department, stars that are no badge, roads
    # and courts in lower case
    "G2P1 with prior IUFD case reviewed at perinatal M&M.",
    "Holter: rare PVCs, one VPD run of 6 beats",
    "Delivered by C/S for CPD Lt OA position.",
    "Vestibular: PPPD Chief complaint of rocking dizziness.",
    "Psych: OCPD traits; OCPD took years to recognize.",
    "Occupational health: FFD report sent to employer.",
    "Idiopathic PD case, H&Y stage 2",
    "Baxter PD unit delivered to home",
    "Graves disease s/p I-131 at Outside hospital 2012.",
    "Treated with I-131 by Endocrinology in 2016.",
    "Therapy with I-131 near the end of pregnancy is contraindicated.",
    "Her I-94 near expiration; SW to assist",
    "Full Scale IQ, at 96, falls in the average range.",
    "Sodium, at 112, was corrected slowly",
    "Sats holding at ninety-four on room air.",
    "Heart rate steady at ninety-six, regular rhythm.",
    "Temp (ax), 97 F, HR 88.",
    "Tmax (24h), 99 F",
    "Humira for Axillary HS.",
    "Potassium flagged at Critical High.",
    "Transition To Middle School has been stressful.",
    "Seen in the 1300 block of Dermatology clinic.",
    "Volunteer Fire crew extricated the driver.",
    "CMS Star 2024 measure",
    "gold star 100 times",
    "dragged across the gravel road.",
    "Tripped crossing the tennis court.",
])
def test_left_alone(scrubber: Scrubber, text: str) -> None:
    found = scrubber.find(text)
    assert found == [], [(s.type, text[s.start:s.end]) for s in found]


def test_a_road_site_is_one_address() -> None:
    text = "MVC on Michigan Ave near 24th St NB exit, then"
    first = Span(text.index("Michigan"), text.index(" near"), PhiType.ADDRESS, "t", 0.8)
    second = Span(text.index("24th"), text.index(" NB"), PhiType.ADDRESS, "t", 0.8)
    (joined,) = road_locations(text, [first, second])
    assert text[joined.start:joined.end] == "Michigan Ave near 24th St NB exit"
    assert joined.type is PhiType.ADDRESS


def test_a_road_is_not_joined_to_a_person_or_across_a_sentence() -> None:
    text = "on Oak St. Near Smith was found"
    road = Span(3, 9, PhiType.ADDRESS, "t", 0.8)
    name = Span(text.index("Smith"), text.index(" was"), PhiType.NAME, "t", 0.8)
    assert road_locations(text, [road, name]) == []


def test_a_street_word_never_spreads_as_a_name(scrubber: Scrubber) -> None:
    text = "HPI: pedestrian struck on N. Lincoln Ave at W. Foster Ave. Later: Ave reports pain."
    later = text.rindex("Ave")
    spans = scrubber.find(text)
    assert all(s.type is PhiType.ADDRESS for s in spans if s.start < later)
    assert not any(s.start <= later < s.end for s in spans)


def test_a_hospital_of_a_makers_name_is_still_found(scrubber: Scrubber) -> None:
    text = "Pacemaker placed at St. Jude Medical Center in 2019."
    assert covered(scrubber, text, "St. Jude Medical Center")


def test_a_person_named_like_a_maker_is_still_found(scrubber: Scrubber) -> None:
    text = "Called Abbott Smith at home about the visit."
    assert covered(scrubber, text, "Abbott Smith")


def test_a_lower_case_word_after_a_capitalized_street_is_no_town(scrubber: Scrubber) -> None:
    text = "housing (sober living on W Hays St, house manager on site) stable"
    spans = scrubber.find(text)
    assert covered(scrubber, text, "W Hays St")
    assert not any(text[s.start:s.end] == "house" for s in spans)


ALIGNED_TABLE = """Circle 1 results (8/26-8/28, on-site):
 Name               Badge     Born in      IGRA     Note
 Paw Lah            SM-40812  Myanmar      POS      carpool; CXR nl
 Naw Ree Moo        SM-41177  Myanmar      NEG      repeat in 8 wk
"""
LAB_TABLE = """Accession       Name                      DOB          Nil    TB1-Nil  Result
T24-77103       Htoo, Eh Say              11/30/2011   0.11   2.41     POSITIVE
T24-77106       Taylor, Destiny           09/15/2012   0.20   0.31     NEGATIVE
"""
DRUG_TABLE = """Name            Dose       Route    Frequency
Metoprolol      25 mg      PO       BID
Lisinopril      10 mg      PO       daily
"""


@pytest.mark.parametrize(("text", "value"), [
    (ALIGNED_TABLE, "Paw Lah"), (ALIGNED_TABLE, "Naw Ree Moo"),
    (LAB_TABLE, "Htoo, Eh Say"), (LAB_TABLE, "Taylor, Destiny"),
    # a code of two letter groups and a number, a police department by its initials
    ("I'm on the loop recorder study LOU-EP-0374. Is that research?", "LOU-EP-0374"),
    ("POLICE: CCPD OFFICER M. SALINAS", "CCPD"),
    ("Subject refused to leave. BPD was called (CC# 24F-19283).", "BPD"),
    ("Your file no. 3311; DPD case 2410150041", "DPD"),
    # a name in name case after 'my name is', whatever a gene is called
    ("I'm Class B1 TB. My name is Hla Hla Win. What is that?", "Hla Hla Win"),
])
def test_found_later(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


def test_a_drug_table_laid_out_with_blanks_keeps_its_drugs(scrubber: Scrubber) -> None:
    spans = scrubber.find(DRUG_TABLE)
    assert not any(DRUG_TABLE[s.start:s.end] in ("Metoprolol", "Lisinopril") for s in spans)


def test_an_allele_after_its_gene_is_no_code(scrubber: Scrubber) -> None:
    assert scrubber.find("HLA-DRB1-0401 positive; CCPD cycler alarms overnight.") == []


@pytest.mark.parametrize(("text", "value"), [
    ("Isolation notified: Grady infection prevention nurse", "Grady"),
    ("Attended Legacy appt: started Biktarvy.", "Legacy"),
    ("Prepared by Okonjo, R. / reviewed today", "Okonjo"),
    ("Form completed by Adebayo, T. on site", "Adebayo"),
    # a city abroad before its country, a hospital named in Vietnamese
    ("Home: Đà Nẵng, Vietnam -- returns in August", "Đà Nẵng"),
    ("Born La Ceiba, Honduras.  Screen: No rash", "La Ceiba"),
    ("brought records from Bệnh viện C Đà Nẵng dated 2023", "Bệnh viện C Đà Nẵng"),
    # a branch by its street, a chain and its kind in capitals, a hospital named by an
    # adjective
    ("Recheck INR at Kroger Pharmacy on Stone Dr. - Bleeding precautions",
     "Kroger Pharmacy on Stone Dr"),
    ("GOT FLU AT FOOD CITY PHARMACY 10/20.", "FOOD CITY PHARMACY"),
    ("HOURLY FLOWSHEET -- CENTENNIAL MEDICAL CENTER, 5 HEART", "CENTENNIAL MEDICAL CENTER"),
])
def test_found_by_context(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Device: Medtronic Azure XT DR MRI, interrogated",
    "Entered by RN",
    "Dictated today, transcribed by Dragon, not proofread.",
    "I completed Form I-693 medical examinations for him.",
    "ALCOHOL TESTING FORM -- data as entered\nTest No. 0217       Breath Alcohol",
    "Central line placed; capital equipment budget.",
    "Is TTR V122I common in people of West African ancestry?",
    "What does an Osborn (J) wave on an ECG mean in hypothermia?",
])
def test_left_alone_later(scrubber: Scrubber, text: str) -> None:
    found = scrubber.find(text)
    assert found == [], [(s.type, text[s.start:s.end]) for s in found]


def test_a_doctor_in_capitals_is_still_found(scrubber: Scrubber) -> None:
    assert covered(scrubber, "Attending DR LEE today.", "LEE")


@pytest.mark.parametrize(("text", "value"), [
    # the second review: people and hospitals named like device makers, codes that start
    # like a gene, towns in lower case after a street
    ("Lead RN: Baxter Williams. Pump alarms addressed.", "Baxter Williams"),
    ("Daughter Abbott Green will monitor his sugars at home.", "Abbott Green"),
    ("Follows at Abbott Northwestern Heart Hospital device clinic.", "Abbott Northwestern"),
    ("Treated at St. Jude Memphis; implanted port device in place.", "St. Jude Memphis"),
    ("Called Medtronic Jane Park about the device alert.", "Jane Park"),
    ("Visit ER-20230412 reviewed with charge nurse.", "ER-20230412"),
    ("Moved to 12 Elm Rd, paradise last year.", "paradise"),
    ("Pt lives at 19 N Main St, liberty.", "liberty"),
])
def test_the_second_review_keeps(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


ROLE_TABLE = """Medication       Dose      Time     Given By
Heparin          5000 u    08:00    Night Shift
Insulin          4 u       12:00    Float Pool
Ondansetron      4 mg      14:00    Charge Nurse
"""


@pytest.mark.parametrize("text", [
    "LI-RADS-2018 category 3; ACC-AHA-2017 guideline; QIV-HD-2024 given.",
    "Home BP log: Morning Ave 142/88, Evening Ave 136/82. FSBG Fasting Ave 130.",
    "Velcade Rd induction, then Daratumumab Rd maintenance.",
    "Location: Level II LN, 1.2 cm",
    "Works at a Nail Salon; folliculitis after Hot Tub Spa use.",
    ROLE_TABLE,
])
def test_the_second_review_leaves(scrubber: Scrubber, text: str) -> None:
    found = scrubber.find(text)
    assert found == [], [(s.type, text[s.start:s.end]) for s in found]


@pytest.mark.parametrize(("text", "value"), [
    ("Bonjour, je suis arrivé de Montréal en juin.", "Montréal"),
    ("Vengo desde Tegucigalpa con mi hija.", "Tegucigalpa"),
    ("Emanuel was taken from Rice Street jail to the hospital.", "Rice Street jail"),
    ("I'm Hla Hla and I have diabetes now", "Hla Hla"),
])
def test_found_in_messages(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Bonjour, je suis malade depuis trois jours.",
    "Hola, mi hijo tiene fiebre.",
    "I'm Diabetic and tired all the time.",
])
def test_greetings_and_conditions_are_no_names(scrubber: Scrubber, text: str) -> None:
    found = scrubber.find(text)
    assert found == [], [(s.type, text[s.start:s.end]) for s in found]


def test_a_particle_before_a_surname_is_no_trip(scrubber: Scrubber) -> None:
    text = "María de León llamó."
    assert all(s.type is PhiType.NAME for s in scrubber.find(text))


def test_a_log_of_dated_values_is_dated(scrubber: Scrubber) -> None:
    text = "Weight: 142.6 lb (telemonitor log: 3/4 139.8, 3/5 140.4, 3/6 141.8) stable"
    for value in ("3/4", "3/5", "3/6"):
        assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Strength 1/5 3, 2/5 2, 3/5 1 noted",
    "Pain 2/10 3, 3/10 4, 5/10 6 today",
    "Doses 1/4 2, 2/4 3, 3/4 4 given",
])
def test_grades_on_one_scale_are_no_log(scrubber: Scrubber, text: str) -> None:
    assert not any(s.type is PhiType.DATE for s in scrubber.find(text))


@pytest.mark.parametrize(("text", "value"), [
    ("OTN: T 123456-7, SID 458812", "T 123456-7"),
    ("OTN: T 123456-7, SID 458812", "458812"),
    ("PPN 1234567 on the arrest sheet", "1234567"),
])
def test_numbers_of_custody(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Next dose due 07/10/24.   Reviewed: TL", "TL"),
    ("Tech: CW / LJ Results released", "LJ"),
])
def test_initials_after_a_signoff_label(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Reviewed: OK", "Verified: RN", "Checked: NA", "Verified: MAR", "Reviewed: CBC",
])
def test_no_initials_after_a_signoff_label(scrubber: Scrubber, text: str) -> None:
    assert scrubber.find(text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("moved to Philadelphia (Fairhill) at age 14.", "Fairhill"),
    ("struck on Michigan Ave near 24th St (Corktown) approx 20:30", "Corktown"),
    ("Parole unit 7 (Kensington) callback at noon", "Kensington"),
])
def test_a_neighbourhood_in_brackets(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


def test_a_bracket_after_a_town_that_names_no_place(scrubber: Scrubber) -> None:
    text = "moved to Chicago (Tuesday) and to Denver (PR) later"
    spans = scrubber.find(text)
    assert not any(text[s.start:s.end] in ("PR",) for s in spans)
    assert all(s.source != "neighbourhood" for s in spans)
