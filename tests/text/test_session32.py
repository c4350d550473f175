"""Session 32 rules: lower-case names after any person's field label, a title with a dotted
initial, and after a role or trade noun; companies named by their business ('Studios',
'Solutions', 'Physical Therapy'); the NER filter keeping an organization's Title Case name
mid-line, a name before a phone's 'cell' label or after a title, and a code of capitals and
digits after a word of a number; and the text each must leave alone."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered, touched
from veil.text import Scrubber
from veil.text.ner import keep_trained_span

_SCRUBBER = Scrubber()


@pytest.mark.parametrize(("text", "value"), [
    ("athlete: marquis d. fontenot   sport: FB (RB)", "marquis d. fontenot"),
    ("sponsor / pi: prof. t. rasmussen-kyle      protocol(s): G", "t. rasmussen-kyle"),
    ("caller: student maya feldstein, 19F, dob 6-3-05", "maya feldstein"),
    ("employee: jane doe-ramirez", "jane doe-ramirez"),
    ("patient: grace lee", "grace lee"),
    ("patient: white, sarah", "white, sarah"),
    ("surgeon: law, kim", "law, kim"),
    ("grip pete sorensen hurt his wrist", "pete sorensen"),
    ("trans: km   d: 3/4/24", "km"),
    ("Dictated by K. Olsen MD 9/11/2023 / trans jmb", "jmb"),
    ("seen by dr. j. smith today", "j. smith"),
    ("mr. r. lewis called back", "r. lewis"),
    ("dr. m. zapata reviewed the film", "m. zapata"),
    ("dr.j. oakes saw her", "j. oakes"),
    ("employee: john smith, badge pending", "john smith"),
    ("seen by dr. j. oakes today", "j. oakes"),
    ("prof mendoza will call back", "mendoza"),
    ("load-in 0800. rigger pete sorensen c/o low back pain", "pete sorensen"),
    ("keys player noor haddad -- 3rd day of loose stools", "noor haddad"),
    ("contract worker placed by Nimbletide Technologies", "Nimbletide Technologies"),
    ("Laboratory: NMS Labs Toxicology, Horsham, PA", "NMS Labs Toxicology"),
    ("still attending PT at Heartland Physical Therapy twice a week", "Heartland Physical"),
    ("burn on set; works at Ironbark Studios as a grip", "Ironbark Studios"),
    ("referred to Sandia Neurodiagnostics for an EEG", "Sandia Neurodiagnostics"),
])
def test_found(text: str, value: str) -> None:
    assert covered(_SCRUBBER, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Note to driver: bring CPAP compliance report", "bring"),
    ("Eligibility confirmed (donor: friend from Winona State University)", "friend"),
    ("Contact: husband's cell 620-255-7103", "husband"),
    ("supervisor: crew chief agrees to move him", "crew"),
    ("caller: student", "student"),
    ("REPORT OF POSTMORTEM TOXICOLOGY", "TOXICOLOGY"),
    ("Medical Toxicology consult; Emergency Medicine Toxicology fellow aware", "Toxicology"),
    ("Outpatient Physical Therapy referral; Sports Physical Therapy eval", "Physical Therapy"),
    ("Reaction to Contrast Media in 2019; limits social media", "Media"),
    ("brother with fiebre del valle in 2015", "del valle"),
    ("the grace period ended; will power alone", "grace"),
    ("saw maria gonzalez today", "maria"),
    ("CVC tip projects over the superior vena cava.", "vena cava"),
    ("severe MR. s. aureus bacteremia", "aureus"),
    ("pt has mod mr. e. coli in urine", "coli"),
    ("dr. a. line placed; prof. x. ray ordered", "line"),
    ("Chaplain: faith based support offered", "faith"),
    ("Chaplain: grace before meals", "grace"),
    ("Tech: max inspiration achieved", "max"),
    ("Student: gene expression project", "gene"),
    ("Witness: rose from chair", "rose"),
    ("Reviewer: peer", "peer"),
    ("Worker: sterling silver ring removed", "sterling"),
    ("prof fees waived; professor rounds today", "fees"),
    ("professor rounds today", "rounds"),
    ("Driver: uber", "uber"),
    ("baby: needs eval only if grandma has active TB", "needs"),
    ("Bolus with Lactated Ringer's Solutions then maintenance", "Solutions"),
    ("Comparison: Prior Films from 2019, no interval change.", "Films"),
    ("Send Comprehensive Toxicology panel", "Toxicology"),
    ("Chest Physical Therapy twice daily", "Chest"),
    ("Voice Recognition Software used; Recording Studios", "Software"),
    ("Is Hodgkin lymphoma more common in people living with HIV?", "people living"),
    ("Will a Mirena IUD stop bleeding for a trans man on testosterone?", "man"),
])
def test_left_alone(text: str, value: str) -> None:
    assert not touched(_SCRUBBER, text, value)


def _keep(text: str, value: str, label: str) -> bool:
    start = text.index(value)
    return keep_trained_span(text, start, start + len(value), label)


@pytest.mark.parametrize(("text", "value", "label", "kept"), [
    ("Payer: workers' comp -- Lakefront Commuter Rail, claim LCR-WC-00877",
     "Lakefront Commuter Rail", "FAC", True),
    ("My husband flies for Polar Arc Cargo and lives in Kelso", "Polar Arc Cargo", "FAC", True),
    ("Hearing Conservation Program -- Audiometric Review", "Hearing Conservation Program",
     "FAC", False),
    ("Signed: Rohan Desai, MD (Musculoskeletal Radiology)", "Musculoskeletal Radiology",
     "FAC", False),
    ("Postdoctoral fellow (Materials Science & Engineering), UMID 31807752",
     "Materials Science & Engineering", "FAC", False),
    ("SPORTS CARDIOLOGY CLINIC -- FOLLOW-UP", "SPORTS CARDIOLOGY CLINIC", "FAC", False),
    ("supervisor on duty: Ray Dombrowski   cell 630-555-0112", "Ray Dombrowski", "NAME", True),
    ("wife Dilfuza cell 347 856 1093", "Dilfuza", "NAME", True),
    ("Sections show Reed-Sternberg cells", "Reed-Sternberg", "NAME", False),
    ("Smear: Sezary cell 1200/uL", "Sezary", "NAME", False),
    ("watched Fox News all day", "Fox News", "FAC", False),
    ("a veteran of the Gulf War, exposures", "the Gulf War", "FAC", False),
    ("My L-1 visa I-94 number is 11932850A41 -- the pharmacist", "11932850A41", "ID", True),
    ("bus 1 due for pad change (AED SN 14B0038812).", "14B0038812", "ID", True),
    ("Type III ambulance, vehicle # VCA-A17, plate 1489207", "VCA-A17", "ID", True),
    ("HLA-B27 positive, sacroiliitis", "HLA-B27", "ID", False),
    ("order # CBC2 today", "CBC2", "ID", False),
    ('ambulance for our singer "Mrs. Delacroix" -- will the hospital', "Delacroix", "NAME",
     True),
])
def test_the_model_filter(text: str, value: str, label: str, kept: bool) -> None:
    assert _keep(text, value, label) is kept

