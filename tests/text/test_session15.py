"""Session 15 mechanisms: a found facility widened over what still names the place (a kind
word after, a street or town after 'on'/'at', a branch after a dash), and the text it must
leave alone (dates, weekdays, clinical words, headings, flights)."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text import Scrubber
from veil.text.spans import PhiType


def _types(scrubber: Scrubber, text: str, value: str) -> set[PhiType]:
    start = text.index(value)
    return {s.type for s in scrubber.find(text) if s.start < start + len(value) and s.end > start}


@pytest.mark.parametrize(("text", "value"), [
    ("Lives w/ nephew (works days at Tyson plant), alone 7a-4p.", "Tyson plant"),
    ("Court date 11/5 at Skokie courthouse (2nd Municipal District).", "Skokie courthouse"),
    ("i was released from cook county jail on april 7", "cook county jail"),
    ("Family lodging: 3 suites at the Aldridge hotel; driver service.", "Aldridge hotel"),
    ("does it cover the shingles vaccine at Stop & Shop pharmacy?", "Stop & Shop pharmacy"),
    ("He works at the Kohler factory on weekends.", "Kohler factory"),
    ('"pharmacy at Walgreens on Prospect Ave said insurance needed a PA"',
     "Walgreens on Prospect Ave"),
    ("Recheck LFTs in 2 wks at DFCI at Milford (closer to home).", "DFCI at Milford"),
    ("GULF COAST KIDNEY CARE - MOBILE WEST\nHEMODIALYSIS FLOWSHEET",
     "GULF COAST KIDNEY CARE - MOBILE WEST"),
])
def test_the_words_that_still_name_the_place_are_taken(scrubber: Scrubber, text: str,
                                                        value: str) -> None:
    assert covered(scrubber, text, value)
    assert PhiType.FACILITY in _types(scrubber, text, value)


@pytest.mark.parametrize(("text", "kept"), [
    ("Seen at Mercy Hospital on Monday for follow-up.", "Monday"),
    ("Plays cards at Riverside Senior Center on Thursdays.", "Thursdays"),
    ("Had a lumpectomy at St. Mary's Hospital on 2nd May and healed well.", "2nd May"),
    ("Presented to Walls Cancer Center on 2nd of May 2017 with dyspnea.", "2nd of May 2017"),
    ("Picked up meds at CVS on Coumadin refill day.", "Coumadin"),
    ("Return to Kotzebue Regional Hospital on Alaska Airlines flight.", "Airlines"),
    ("LAKESIDE CLINIC - DISCHARGE SUMMARY\nPatient seen.", "DISCHARGE SUMMARY"),
    ("Mobile clinic at the county fairgrounds on Saturday.", "Mobile clinic"),
    ("Discharged from Mercy Hospital on Biktarvy.", "Biktarvy"),
    ("Started at Mercy Hospital on 2nd line chemo.", "2nd line"),
    ("Seen at Mercy Hospital on Oncology service.", "Oncology"),
    ("Spoke with daughter Emily school nurse.", "school nurse"),
    ("MERCY HOSPITAL - BATH\nAdmission note", "BATH"),
    ("Mercy Hospital station nurse called back.", "station nurse"),
])
def test_what_follows_but_names_no_place_is_left(scrubber: Scrubber, text: str,
                                                 kept: str) -> None:
    start = text.index(kept)
    spans = scrubber.find(text)
    facility = [s for s in spans if s.type is PhiType.FACILITY]
    assert not any(s.start < start + len(kept) and s.end > start for s in facility), \
        [text[s.start:s.end] for s in facility]


def test_a_date_after_on_keeps_its_type(scrubber: Scrubber) -> None:
    text = "Mum was assessed at Hollybank Care Home on 6th March 2024 and we wait."
    assert _types(scrubber, text, "6th March 2024") == {PhiType.DATE}


def test_a_facility_found_after_at_stays_its_own(scrubber: Scrubber) -> None:
    text = "Who treated Sky Ward at Holy Cross Hospital on Jan-20?"
    at = text.index(" at ") + 1
    assert not any(s.start <= at < s.end for s in scrubber.find(text))


@pytest.mark.parametrize(("text", "value"), [
    ("Organ procured by Versiti Organ Procurement; kidney box label attached.",
     "Versiti Organ Procurement"),
    ("Distant site: MindBridge Telepsychiatry, Dr. Olumide Adeyemi.", "MindBridge Telepsychiatry"),
    ("Prior employer plan (Gulfway Petrochemical) -- COBRA lapsed.", "Gulfway Petrochemical"),
    ("trabajo en HPB Packing en Holcomb, me corte la mano", "HPB Packing"),
    ("Return home via Grant Aviation flight on Friday.", "Grant Aviation"),
])
def test_employers_named_by_their_trade(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Resting Energy Expenditure was measured at 1,450 kcal.",
    "ICU Staffing was short overnight.",
    "Discussed Medical Travel insurance in general terms.",
    "Food Processing and diet reviewed with the dietitian.",
])
def test_a_trade_after_plain_words_names_nothing(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type is PhiType.FACILITY]


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("celebrate his ninety-second birthday on Christmas Eve", "ninety-second", PhiType.AGE),
    ("Her hundredth birthday party is next week.", "hundredth", PhiType.AGE),
    ("I'm Evangeline and I'll be 94 in the spring.", "94", PhiType.AGE),
    ("If someone is a hundred and two, is hospice at home better?", "a hundred and two",
     PhiType.AGE),
    ("Can we visit at night? We're the Al-Qasimi family.", "Al-Qasimi", PhiType.NAME),
])
def test_ages_in_words_and_family_names(scrubber: Scrubber, text: str, value: str,
                                        kind: PhiType) -> None:
    assert covered(scrubber, text, value)
    assert kind in _types(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "I'll be 90 minutes late for the infusion.",
    "It'll be 95 degrees at the picnic.",
    "Discussed how the Hispanic family support network can help.",
    "Al-Anon meetings on Tuesdays were suggested.",
])
def test_no_age_or_family_name_in_plain_text(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type in (PhiType.AGE, PhiType.NAME)]


@pytest.mark.parametrize(("text", "value"), [
    ("My sister lives at House 14, Block 7, Gulshan-e-Iqbal, Karachi -- where should she go?",
     "House 14, Block 7, Gulshan-e-Iqbal"),
    ("Home address in India: Plot 27, Road No. 4, Vayupuri, Sainikpuri, Secunderabad 500094.",
     "Plot 27, Road No. 4, Vayupuri, Sainikpuri"),
    ("Shelter\n333 F. Edward Hebert Blvd, Bldg 100\nBelle Chasse, LA 70037\n",
     "333 F. Edward Hebert Blvd, Bldg 100"),
])
def test_the_segments_of_an_address_before_its_town(scrubber: Scrubber, text: str,
                                                     value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize(("text", "kept"), [
    ("Index trauma: Nov 8, 2004, Operation Phantom Fury, Fallujah - clearing a house.",
     "Operation Phantom Fury"),
    ("Patient: Schroeder, Delbert, 66M, Galena IL resident.", "66M"),
    ("Lives w/ mom, stepfather, 4 younger sibs in 2BR, Bronx; strict family.", "younger sibs"),
])
def test_what_stands_before_a_town_but_is_no_address(scrubber: Scrubber, text: str,
                                                     kept: str) -> None:
    start = text.index(kept)
    assert not any(s.type is PhiType.ADDRESS and s.start < start + len(kept) and s.end > start
                   for s in scrubber.find(text))


@pytest.mark.parametrize("text", [
    "Wound: Kerlix Packing changed daily.",
    "Uses Dexcom Travel kit on flights.",
    "Uses Permobil Electric wheelchair at home.",
    "Hx of Lye Chemical burn to the hand.",
    "Drinks Monster Energy drinks daily.",
])
def test_a_product_named_by_a_trade_word_is_no_employer(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type is PhiType.FACILITY]


@pytest.mark.parametrize("text", [
    "She is 94 on room air.",
    "He is 92 on 2L NC overnight.",
    "He was 110 over 70 at triage.",
    "I'll be 100 km away next week.",
    "If someone is 90 or older, screening is not recommended.",
    "We met the Tigrinya family interpreter.",
    "She stays with a host family during school.",
])
def test_vitals_distances_and_peoples_are_no_ages_or_names(scrubber: Scrubber,
                                                           text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type in (PhiType.AGE, PhiType.NAME)]


def test_a_household_names_its_family(scrubber: Scrubber) -> None:
    text = "Met with the Nguyen household about discharge."
    assert covered(scrubber, text, "Nguyen")


@pytest.mark.parametrize(("text", "value"), [
    ("Date : le 3 mars 2025\nPatient : Lucien", "le 3 mars 2025"),
    ("Operado en el Hospital Auxilio Mutuo el 5 de junio. Vomita.", "el 5 de junio"),
    ("LeBlanc, Onesime   DOB 5 fév 1938   HHA chart", "5 fév 1938"),
    ("Date : 11 / 18 / 24\nCONFIDENTIALITY NOTICE", "11 / 18 / 24"),
    ("Collected : 05 /03 /2024 07:50   Received", "05 /03 /2024"),
    ("had a first seizure at work on 18 may. does the DVA need to know", "18 may"),
    ("depuis le décès de son épouse en janvier, mange moins", "janvier"),
])
def test_dates_written_abroad_or_scanned(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)
    assert PhiType.DATE in _types(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Pain score 3 / 4 / 10 today.",
    "Take 1 / 2 tab at night.",
    "18 may be too early to tell.",
    "Il y a des mars et des vénus.",
])
def test_no_date_in_fractions_and_verbs(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type is PhiType.DATE]


@pytest.mark.parametrize(("text", "value"), [
    ("D0B: O3 / 1O / 1934     Age: 9O     Sex: F", "9O"),
    ("HPl: 9O y/o F hx HTN, pacer", "9O"),
    ("Abuela is noventa y dos and won't drink water.", "noventa y dos"),
])
def test_scanned_and_spanish_ages(scrubber: Scrubber, text: str, value: str) -> None:
    assert PhiType.AGE in _types(scrubber, text, value)


@pytest.mark.parametrize("text", ["SpO2 9O% on RA", "Room 9O2 is free.",
                                  "tiene noventa y cinco de tensión"])
def test_no_age_in_saturations_and_pressures(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type is PhiType.AGE]


@pytest.mark.parametrize(("text", "value"), [
    ("Device rep Kirsty Halbur (Medtronic), rep # MDT-SD-0441.", "MDT-SD-0441"),
    ("Erythromycin given. ID bands #40271 checked w/ mother.", "40271"),
    ("histopathology (our HPE no. H/2023/4417), CT CDs", "H/2023/4417"),
    ("My screening number is TW-SCR-0093.", "TW-SCR-0093"),
])
def test_a_code_after_any_word_and_a_number_sign(scrubber: Scrubber, text: str,
                                                 value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Took tablet #2 at noon.",
    "Cycle #3 of FOLFOX given.",
    "Family wishes no 911, no hospital.",
    "SCAT6: symptom number 14/22, severity 38/132.",
    "Her number 1 concern is pain.",
    "Moved to room # 412 upstairs.",
])
def test_counts_and_negations_are_no_codes(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type is PhiType.ID]


@pytest.mark.parametrize("text", [
    "3. Candidate for stereotactic radiosurgery; consider dexamethasone 4 mg BID.",
    "Interim PET: Deauville score 3, residual uptake.",
    "QuantiFERON-TB Gold Plus negative in March.",
    "Similac Special Care 24 kcal via NG.",
    "L tibial plateau fx (Schatzker VI), rib fx x3.",
    "Mild acute cellular rejection (Banff RAI 4).",
])
def test_clinical_vocabulary_stays(scrubber: Scrubber, text: str) -> None:
    assert scrubber.find(text) == []


@pytest.mark.parametrize("text", [
    "qty #180, Dispense #180 tablets.",
    "LDL # 130, TG # 220 this morning.",
    "viral load number 450 copies",
    "He said no. 300 is too much.",
    "ICD code no. 250.00 on the claim.",
    "Call # 911 if worse.",
    "Grip strength 20 / 25 / 30 kg.",
    "PEEP 05 / 10 / 15 trial.",
    "History of 2 AVR 2010 and CABG.",
    "Of the 12 patients, 3 may.",
])
def test_quantities_scores_and_valves_are_no_codes_or_dates(scrubber: Scrubber,
                                                             text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type in (PhiType.ID, PhiType.DATE)]


def test_a_surname_before_a_date_stays_a_name(scrubber: Scrubber) -> None:
    text = "Dr. Le 12/05/2024 note reviewed."
    assert _types(scrubber, text, "Le") == {PhiType.NAME}


@pytest.mark.parametrize("text", ["ANC # 1500 today.", "LDL # 130, TG # 220."])
def test_lab_acronyms_before_a_number_sign_are_no_registries(scrubber: Scrubber,
                                                            text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type is PhiType.ID]


@pytest.mark.parametrize(("text", "value"), [
    ("Glebe Dental Centre (RCDSO #80332)", "80332"),
    ("Implantation am 11.10.2024: Biotronik", "am 11.10.2024"),
])
def test_registry_numbers_and_german_dates(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("States he bought dope near Mass Ave and Melnea Cass around midnight.",
     "Mass Ave and Melnea Cass"),
    ("Sitting on a bench at Westchester Av and Whitlock Av at 04:30.",
     "Westchester Av and Whitlock Av"),
    ("Found him directing traffic at Ashland and 47th and stating he was fine.",
     "Ashland and 47th"),
])
def test_intersections(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)
    assert PhiType.ADDRESS in _types(scrubber, text, value)


@pytest.mark.parametrize("text", ["He is on Medicare and Medicaid now.",
                                  "Stays on Lisinopril and Metformin daily."])
def test_programs_and_drugs_are_no_intersections(scrubber: Scrubber, text: str) -> None:
    assert scrubber.find(text) == []
