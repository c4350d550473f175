"""Session 10, second part: ages after a person and a verb of being, HL7 patient names,
login names, employers by their suffix, facilities by their edges, addresses of Poland,
Korea, the Philippines and Mexico, dates with weekdays and day-first pairs."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text.scrubber import Scrubber
from veil.text.spans import PhiType


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("grandpa Arnold in Halifax is 104 and they found a 3 cm aneurysm", "104", PhiType.AGE),
    ("My Nana Clover is a sprightly 96 and her GP is worried", "a sprightly 96", PhiType.AGE),
    ("My great-aunt Ivy Mae is well over ninety and was just told", "well over ninety",
     PhiType.AGE),
    ("My aunt in Quezon City is ninety and her doctor says", "ninety", PhiType.AGE),
    ("Opal Sparrow, our pt, now 95 and home after her ICU stay", "95", PhiType.AGE),
    ("PID|1||2299018774^^^HUMC^MR||DELA CRUZ^JOSEPHINE^M||19610815|F", "DELA CRUZ",
     PhiType.NAME),
    ("PID|1||2299018774^^^HUMC^MR||DELA CRUZ^JOSEPHINE^M||19610815|F", "JOSEPHINE",
     PhiType.NAME),
    ("  printed 09/14/2024 03:02 by rkoenig", "rkoenig", PhiType.NAME),
    ("note (interface analyst gpatel2): the MR id", "gpatel2", PhiType.NAME),
    ("husband's employer (Tree Top Inc., employee # TT-33190)", "Tree Top Inc",
     PhiType.FACILITY),
    ("WORKERS COMP - ACME FREIGHT LLC|WC-2024-0087731", "ACME FREIGHT LLC", PhiType.FACILITY),
    ("software architect at Cardinal Logistics, s/p lap sigmoidectomy", "Cardinal Logistics",
     PhiType.FACILITY),
    ("My father passed at Hospice House of Greenville on March 8th.",
     "Hospice House of Greenville", PhiType.FACILITY),
    ("OB PRENATAL VISIT -- Valley Women's Care (Yakima, WA)", "Valley Women's Care",
     PhiType.FACILITY),
    ("arranged through Buckeye Home Care Partners, referral", "Buckeye Home Care Partners",
     PhiType.FACILITY),
    ("HPI: 90yo M transferred from County where he was seen earlier today", "County",
     PhiType.FACILITY),
    ("Copy to Leeds Teaching Hospitals NHS Trust virtual ward",
     "Leeds Teaching Hospitals NHS Trust", PhiType.FACILITY),
    ("ORDERING: K. Dunleavy, DO — BMH ED", "BMH", PhiType.FACILITY),
    ("papers to ul. Dluga 17 m. 4, 31-147 Krakow.", "ul. Dluga 17 m. 4", PhiType.ADDRESS),
    ("papers to ul. Dluga 17 m. 4, 31-147 Krakow.", "31-147", PhiType.ZIP),
    ("sister, 서울특별시 강남구 테헤란로 152, 1203호", "서울특별시 강남구 테헤란로 152, 1203호",
     PhiType.ADDRESS),
    ("81 Irwon-ro, Gangnam-gu, Seoul 06351", "81 Irwon-ro", PhiType.ADDRESS),
    ("81 Irwon-ro, Gangnam-gu, Seoul 06351", "Gangnam-gu", PhiType.CITY),
    ("Blk 7 Lot 22 Sampaguita St., Antipolo City", "Blk 7 Lot 22", PhiType.ADDRESS),
    ("#45 Mabini St., Purok 3, Tacloban City", "Purok 3", PhiType.ADDRESS),
    ("Ciudad Victoria, Tamps., C.P. 87000", "87000", PhiType.ZIP),
    ("triage cat 3, Sat 22/06/2024 23:41.", "Sat", PhiType.DATE),
    ("Fracture clinic Tuesday 25/6 0900.", "Tuesday 25/6", PhiType.DATE),
    ("last dose given on ward 14/08)", "14/08", PhiType.DATE),
    ("eGFR has declined from 48 (2023/3) to 29", "2023/3", PhiType.DATE),
    ("Outcome: APPROVED 11/6, auth # AUTH-2411-88201", "11/6", PhiType.DATE),
])
def test_session10_mechanisms(scrubber: Scrubber, text: str, value: str,
                              kind: PhiType) -> None:
    assert covered(scrubber, text, value, only=kind)


@pytest.mark.parametrize("text", [
    "T 38.2 C. Pt states she feels better. Pulse is 94 and SpO2 was 96%.",
    "Glucose is 104 and stable.",
    "Her weight is 95 and BMI 30.",
    "HR now 95 and regular.",
    "taken by mouth, arrived by ambulance, confirmed by phone",
    "The Company policy applies.",
    "Open Heart Surgery in 2010.",
    "BONE MARROW PATHOLOGY CONSULTATION",
    "Referred to General Surgery and Cardiac Surgery.",
    "BiPAP titrated from 15/5 to 18/8 overnight.",
    "ratio 12-345 Units",
    "Hb am 12.1. pm 11.8.",
    "moved to the county last year",
])
def test_session10_clinical_text_unchanged(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("or go back to my clinic in Yokohama?", "Yokohama", PhiType.CITY),
    ("my sister in Cebu City has dengue", "Cebu City", PhiType.CITY),
    ("her mother flew back to Wrocław on Jan 5", "Wrocław", PhiType.CITY),
    ("lives at ul. Piotrkowska 104, Łódź. He has a pacemaker", "Łódź", PhiType.CITY),
    ("07/02/24 10:14 kbroussard — Claim submitted", "kbroussard", PhiType.NAME),
    ("Pt name: stone, hope   Age: 28", "stone, hope", PhiType.NAME),
])
def test_session10_places_abroad_and_names(scrubber: Scrubber, text: str, value: str,
                                           kind: PhiType) -> None:
    assert covered(scrubber, text, value, only=kind)


@pytest.mark.parametrize("text", [
    "07/22/24 09:03 patient — called back",
    "Name: insulin, glargine",
    "We moved to the city last year.",
    "seen by telehealth, attends by livestream",
])
def test_session10_no_names_or_places(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text)
                if s.type in (PhiType.NAME, PhiType.CITY, PhiType.FACILITY)]


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("Bystander: daughter Deepa (98410 55237), son-in-law Karthik", "98410 55237",
     PhiType.PHONE),
    ("Oluwaseun Adebayo, FY2, bleep 2241 | Consultant", "2241", PhiType.PHONE),
    ("DONNELL, Brendan James   UR: 1173 0994   Medicare: 2947 51823 1/2", "1173 0994",
     PhiType.MRN),
    ("NEIL, Flora    HCN: 0012 345 678    Chart #: H0488127", "0012 345 678",
     PhiType.HEALTH_PLAN),
    ("Pension/Concession: 204 981 377X", "204 981 377X", PhiType.HEALTH_PLAN),
    ("Dr R. Bhat, MS, MCh (KMC Reg. 49231)", "49231", PhiType.LICENSE),
    ("DOB: 11-Nov-1929 (94)        Ward: 5", "94", PhiType.AGE),
    ("Age: ninety-nine (99), lives alone", "99", PhiType.AGE),
])
def test_session10_labels_and_ages(scrubber: Scrubber, text: str, value: str,
                                   kind: PhiType) -> None:
    assert covered(scrubber, text, value, only=kind)


@pytest.mark.parametrize("text", ["counts 70000 12345 cells", "NSW Reg 2000 data",
                                  "Urine UR 1.020"])
def test_session10_numbers_stay(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value"), [
    ("Hi, my name is Will Baker and I'm 45. My LDL is 190", "Will Baker"),
    ("My brother in law Chidi was told his eGFR is 22", "Chidi"),
    ("1:1 sitter requested, PSW Grace assigned 0045.", "Grace"),
])
def test_session10_names_after_strong_context(scrubber: Scrubber, text: str,
                                              value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.NAME)


@pytest.mark.parametrize("text", ["my son Tylenol was given at night",
                                  "my mom Metformin says nothing"])
def test_session10_drugs_after_relations_stay(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type is PhiType.NAME]


def test_institution_that_speaks(scrubber: Scrubber) -> None:
    text = ("Dr. Greenfield at Northwestern said it's too late; the doctors at Memorial "
            "Regional told me")
    assert covered(scrubber, text, "Northwestern", only=PhiType.FACILITY)
    assert covered(scrubber, text, "Memorial Regional", only=PhiType.FACILITY)
    assert not [s for s in scrubber.find("pain at Rest said to improve; at Night said worse")
                if s.type is PhiType.FACILITY]


@pytest.mark.parametrize(("text", "value"), [
    ("I live at 2201 N Halsted in Chicago and there's black mold", "2201 N Halsted"),
    ("Address 2/47 Gertrude St, Fitzroy VIC 3065", "2/47 Gertrude St"),
    ("Home: Plot 14, Ring Road, Oluyole Estate, Ibadan.", "Plot 14, Ring Road"),
])
def test_session10_street_lines(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


def test_plot_of_a_figure_stays(scrubber: Scrubber) -> None:
    assert scrubber.scrub("Plot 3 shows the curve.") == "Plot 3 shows the curve."


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("T-boned on driver side at Hwy 63 & Caraway Rd approx 2315.", "Hwy 63 & Caraway Rd",
     PhiType.ADDRESS),
    ("rear-ended at light on Memorial Dr at Columbia Dr. DeKalb", "Memorial Dr at Columbia Dr",
     PhiType.ADDRESS),
    ("cousin at Hwy 1 E #33, Ponemah, MN 56666.", "Hwy 1 E #33", PhiType.ADDRESS),
    ("Age 99 yrs 4 mo   MRN CCH-00312", "99 yrs 4 mo", PhiType.AGE),
    ("passed at home on march 8 at 102, hospice nurse", "102", PhiType.AGE),
    ("berg balance score for someone 101? my great aunt", "101", PhiType.AGE),
    ("(dictated, not read -- bn/kls)", "bn/kls", PhiType.NAME),
    ("EXAM DATE: 03/09/2025 02:17", "03/09/2025 02:17", PhiType.DATE),
])
def test_session10_roads_ages_initials_times(scrubber: Scrubber, text: str, value: str,
                                            kind: PhiType) -> None:
    assert covered(scrubber, text, value, only=kind)


@pytest.mark.parametrize("text", ["BP 120/80 at 10:30", "given 2/3 tab at 14:00",
                                  "score for someone 45? normal"])
def test_session10_times_and_scores_stay(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text
