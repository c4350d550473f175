"""Session 20 mechanisms: the unit and rural-route labels bounded on hostile blank runs, ages
under a label with its unit, in foreign words or before a word of being old, service numbers of
seven digits, blood-unit donation numbers, missions and flights by number, postcodes after
their label or after a street line abroad, lodges, wards, universities by a short name,
employers before their works, saints with an epithet, places after their form label, babies'
names and deliveries, legends' initials, military units, ships, bases and Pacific islands;
and the text each must leave alone."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text import Scrubber


@pytest.mark.parametrize(("text", "value"), [
    # ages
    ("Age (yrs): 97\n  Residence: 88 Hopewell Ridge", "97"),
    ("AGE (Y) 94", "94"),
    ("MRN CRH-77310      Age noventa y tres (93)", "noventa y tres"),
    ("Is 96 too old for hip surgery? My grandma", "96"),
    ("Is 104 the oldest anyone has been on dialysis?", "104"),
    ("Age of decedent on certificate: 95.", "95"),
    # numbers
    ("Service no. 638 42 17. Uploaded to chart.", "638 42 17"),
    ("Service number on DD-214 RA 15 294 118. Already receiving", "RA 15 294 118"),
    ("blood bank record (units W0367 24 118449 0, W0367 24 118452 7).", "W0367 24 118449 0"),
    ("Mission No. TCSAR 24-0187     Page date", "TCSAR 24-0187"),
    ("FLT# BSMF 250301-1\nDATE", "BSMF 250301-1"),
    # postcodes
    ("from Byron Bay NSW, postcode 2481. She had", "2481"),
    ("PLZ 80807 München", "80807"),
    ("Postal code: V6B 4Y8", "V6B 4Y8"),
    ("back home at 19 Aubrey Road, Wanaka 9305. Her GP", "9305"),
    ("back home at 19 Aubrey Road, Wanaka 9305. Her GP", "Wanaka"),
    # places named by a number, a short name or the works after them
    ("military honors requested -- contact VFW Post 6441 in Carrollton", "VFW Post 6441"),
    ("a letter from the Post commander of American Legion Post 15.", "American Legion Post 15"),
    ("Ward bishop Bro. Kent Merrill (Naples 3rd Ward) has organized meals", "Naples 3rd Ward"),
    ("He plays D1 football at Utah State and had his 4th concussion", "Utah State"),
    ("a wrestler at Montana State, got skin infection", "Montana State"),
    ("a long-time resident, worked Trane plant 22 years", "Trane"),
    ("Burial Tues 11/14 10 am at St. John the Baptist Church in Newburgh",
     "St. John the Baptist Church"),
    ("son has contacted Milward Funeral Directors who work with", "Milward Funeral Directors"),
    # form labels of places, a county's short form before a word of its offices
    ("Empire, LA 70050     Parish: Plaquemines\nPhone: 504", "Plaquemines"),
    ("City: Foley\nState: AL", "Foley"),
    ("County of residence: Tangipahoa", "Tangipahoa"),
    ("Car: 2B41K7 (Mobile Co. tag) -- car seat inspection", "Mobile Co"),
    # births: the baby's name, the delivery's date, tests and shots by month/day
    ('1512 SVD of viable female "Magnolia" by Dr. Kowalczyk.', "Magnolia"),
    ("Pt is a 24 yo P2 s/p SVD 10/6 of healthy girl (Willow). Pt and partner", "Willow"),
    ("Pt is a 24 yo P2 s/p SVD 10/6 of healthy girl (Willow). Pt and partner", "10/6"),
    ("HPI: 30 y/o P1, SVD 11/3 at Touro, uncomplicated.", "11/3"),
    ("Immunizations: HepB 2/6, 2-month vaccines 3/4. Nirsevimab given", "2/6"),
    ("Immunizations: HepB 2/6, 2-month vaccines 5/14. Nirsevimab given", "5/14"),
    ("Our NICU baby at Children's of Mississippi was born early", "Children's of Mississippi"),
    ("Our Lady of Lourdes Women's & Children's, Lafayette   Pod B",
     "Our Lady of Lourdes Women's & Children's"),
    ("Can I deliver at Women's & Children's even though my doctor", "Women's & Children's"),
    # people: an eponym's surname before a credential, a legend's clinical-looking initials
    ("Counseling >50%. CPT 96041.\nH. Scheuermann, CGC", "H. Scheuermann"),
    ("Philomene Metoyer, age 9l (reads 91), Kouri-Vini", "9l"),
    ("SSN: 576-02-9918     Age: 1OO\nAddress:", "1OO"),
    # military and the Pacific: units, ships, bases, islands, date stamps, service numbers
    ("Sponsor: SPC Rusty Lanki, B Co, 2-27 IN, 3IBCT, 25ID, Schofield Barracks",
     "B Co, 2-27 IN, 3IBCT, 25ID"),
    ("Veteran served USMC 1950-1953 (1st Marine Division, 11th Marines, artillery)",
     "1st Marine Division"),
    ("1C Jaylen Torres, 22 M, 36th Contingency Response Group, EDIPI 1622758490",
     "36th Contingency Response Group"),
    ("Capt Daniel Brooks, USMC, MAG-36, MCAS Futenma", "MAG-36"),
    ("survived the attack aboard USS Pennsylvania in dry dock", "USS Pennsylvania"),
    ("EMERGENCY MEDICINE\nCamp Foster, Okinawa, Japan", "Camp Foster"),
    ("Place: Pohakuloa Training Area, Range 11T", "Pohakuloa Training Area"),
    ("Route: Andersen AFB (PGUA) -> JB Pearl Harbor-Hickam (PHIK)", "JB Pearl Harbor-Hickam"),
    ("from Nuuuli, American Samoa, living on Oahu since 2014", "Oahu"),
    ("a man who has lived at Kalaupapa, Molokai since he was sent there", "Molokai"),
    ("Requested: 03 MAR 25 0710L    Validated by PMRC: 03 MAR 25 1120L", "03 MAR 25"),
    ("howitzer crew). Service number 1178 302. Reports no hearing protection", "1178 302"),
    # a relative's age in parentheses, landscape-named practices, seafood packers
    ("Husband en route; kids with grandma-in-law (90) in Ocean Springs.", "90"),
    ("Prenatal care at Coastal Family Health Center on Pass Rd; records faxed",
     "Coastal Family Health Center"),
    ("after working her shift at Chauvin Bros. Seafood (peeling shrimp)",
     "Chauvin Bros. Seafood"),
    ("To: Children's of the Crescent NICU (Level IV), New Orleans",
     "Children's of the Crescent NICU"),
    ("Transport: Acadian Air Med fixed-wing? no -- ground", "Acadian Air Med"),
    ("MMSE 17/30 (education 12th grade, McKinley High School class of 1943).",
     "McKinley High School"),
    ("Clinician: Heather Moniz, PA-C, North Hawaii Dermatology, Waimea",
     "North Hawaii Dermatology"),
    ("My tutu Engracia is 96, on warfarin, and fell", "Engracia"),
    ("Lives with his wife of 68 years, Chiyoko, and son Glenn.", "Chiyoko"),
    ("Consult-Liaison     Date: Tuesday the 12th (Nov) 2024", "Tuesday the 12th (Nov) 2024"),
    ("Attending: Gregory Ficklin, MD    Scribe: T.W.", "T.W"),
])
def test_found(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "The room 101 is very old and drafty.",
    "A score of 95 is considered good.",
    "Service level 3 of 5 per protocol.",
    "Is a steady state reached at 96 hours?",
    "Drug levels at Steady State were checked.",
    "Take 2 tabs, Dose 1000.",
    "He worked at the Power plant for years.",
    "Elevated 3rd ward rounds at noon.",
    "County: Unknown",
    "City: Same as above",
    "45 yo male (Hispanic) with chest pain",
    "baby girl (Down syndrome) seen in clinic",
    "FHT 140s, no decels. BPP 8/8. EFW 1210 g.",
    "Children's Tylenol 5 mL every 6 hours",
    "the 2nd Group of patients was randomized",
    "Take 2-3 in daily with food.",
    "room (94) was cleaned",
    "HR (96) and SpO2 (99) on room air",
    "Tropical Medicine Clinic referral placed",
    "NYHA class III heart failure, class of drugs reviewed",
    "Parish: Catholic",
    "Can Kiesselbach's plexus bleeding be stopped with silver nitrate?",
    "Is the Medtronic pump or the Inspire implant safe in MRI?",
    "ate seafood last night; Healthy Start program information given",
    # an adversarial review's cases
    "PSA 92 is too old to use, repeat today.",
    "Lot 97 is too old, discard per pharmacy.",
    "Of the 104 the oldest was 88 years.",
    "Tube feed: delivered 3/4 of goal volume overnight.",
    "Delivered 1/2 of bolus before vomiting.",
    "Immunizations: HepB 2/3, needs 3rd dose.",
    "OGTT 2/4, dx GDM.",
    "2 mo vaccines: DTaP, IPV, Hib, PCV, Rota, HepB given.",
    "City: Patient declined",
    "County: Unable to assess",
    "Place of birth: Hospital",
    "Post code 0315 ABG: pH 7.1, pCO2 60.",
    "Plz 1000 mg tylenol q6 prn pain",
    "CEP 8 gain on FISH; CEP 1234 ratio.",
    "Call out 0245 for chest pain, gave nitro.",
    "Lithium level drawn at Trough State per protocol.",
    "Pain along Trigeminal 3rd Branch distribution.",
    "Contact dermatitis after exposure to the Poison Ivy plant while gardening.",
    "Plays bingo at the Moose 3 times a week.",
    "Pt is 100% SC, DAV 70% rating.",
    "45 yo female (Vietnamese) with chest pain",
    "34 yo female (Jehovah's Witness) declines blood products.",
    "A 2nd RCT confirmed the benefit of SGLT2 inhibitors.",
    "Attended her 4th Support Group session.",
    "Lasix renogram (MAG-3) showed obstruction.",
    "Stage 3 CKD, 1st ID visit tomorrow.",
    "HHC, 2-3 IN wound care weekly.",
    "Completed Camp Physical Form today.",
    "Child swallowed JB Weld, poison control contacted.",
    "Gait Training Area used for session.",
    "MVA on Highway, Admitted 2023.",
])
def test_left_alone(scrubber: Scrubber, text: str) -> None:
    assert scrubber.find(text) == []


def test_a_name_run_into_the_next_field_spreads_no_label(scrubber: Scrubber) -> None:
    """'Walter Amundsen           Hospice ID:': the label word after the field gap is not
    propagated as a name through the rest of the note."""
    text = ("Patient: Walter Amundsen           Hospice ID: SHS-1234\n"
            "Priya Venkataraman, MD -- Hospice Physician, Sonoran Hearth Hospice\n")
    assert "Hospice Physician" in scrubber.scrub(text)


def test_a_clinical_looking_key_stays_in_prose(scrubber: Scrubber) -> None:
    """'MS = Mary Smith, RN': the key is hers in the grid's cells, morphine and multiple
    sclerosis in the sentences stay."""
    text = ("MAR legend: MS = Mary Smith, RN. MS 4 mg IV given for pain. Hx of MS.\n"
            "| 0900 | MS  | MS |\n")
    scrubbed = scrubber.scrub(text)
    assert "MS 4 mg" in scrubbed and "Hx of MS." in scrubbed and "| MS" not in scrubbed


def test_a_legend_key_stands_for_its_person_in_every_row(scrubber: Scrubber) -> None:
    """'AB = Andrea Bias, RN': the key is the person's in the grid too, though 'AB' also
    abbreviates something clinical; a field's label after a gap stays ('Unit:')."""
    text = ("Facility: Ravenswood Village Nursing Home    Unit: Magnolia Hall\n"
            "Scheduled | 1000  | AB  | AB  | R   | DM  |\n"
            "Legend: JS = Jeanette Simms, LPN   AB = Andrea Bias, RN   DM = Dustin Meadows, CMA\n")
    scrubbed = scrubber.scrub(text)
    assert "AB" not in scrubbed and "DM" not in scrubbed
    assert "Unit:" in scrubbed and "| R " in scrubbed


@pytest.mark.parametrize("text", [
    "lives 12 Elm St apt" + " " * 20000 + "#",
    "Unit" + " " * 20000 + "#",
    "Rural Route 3" + " " * 20000 + "," + " " * 20000 + "box",
    "zip" + " " * 20000 + "code" + " " * 20000 + ":",
    "postcode" + " " * 20000 + "x",
    "Age (yrs)" + " " * 20000 + ":",
    "worked" + " " * 20000 + "at",
    "at Utah" + " " * 20000 + "State",
    "Is 96" + " " * 20000 + "too old",
    "lives 12 Elm St" + " " * 20000 + "," + " " * 20000 + "apt 4",
    "Age 96" + " " * 20000 + "," + " " * 20000 + "2 mo",
    "03 MAR" + " " * 20000 + "25",
    "Age" + " " * 20000 + "noventa",
    "postcode" + " " * 20000 + "2481",
    "x" + " " * 20000 + "x",
])
def test_blank_runs_stay_linear(scrubber: Scrubber, text: str) -> None:
    """'apt' or 'Unit', 60,000 blanks and '#' took minutes in the unit label's adjacent
    optional blanks before they were made possessive; finishing is the check."""
    assert scrubber.scrub(text) is not None
