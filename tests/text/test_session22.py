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
])
def test_found(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    # initials of medicine that end as a department's do, and a drug taken at bedtime
    "RAPD on the left; PPD placed and read at 48 h.",
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
