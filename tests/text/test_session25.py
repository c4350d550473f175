"""Session 25 mechanisms: numbers people name as theirs ('my A-number is ...') or read off a
thing ('the number on the bottle is ...'); ambulance runs; codes after what they authorize;
a camp's address abroad; logins and handles after their account or role; asset tags; a
detective's badge; 'Will' and 'May' as given names; speakers of a text-message log; houses
named 'House of'; mills; the year before the month; and the text each must leave alone."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text import Scrubber
from veil.text.spans import PhiType

_CHAT = ("6/3 10:14 J: hey Darius it's J from the clinic\n6/3 12:51 D: yea i'm good\n"
         "6/3 12:55 J: just bring your ID\n")


@pytest.mark.parametrize(("text", "value"), [
    ("My A-number is A 220 419 867. Do I need to bring my visa?", "A 220 419 867"),
    ("The OPM letter said my CSA number is CSA 2 914 337. Is that approval?", "CSA 2 914 337"),
    ("My case number with the Milwaukee Police is 24-117702. I was hit.", "24-117702"),
    ("the number on the bottom is BPM 0044 7719. The nurse said to call.", "BPM 0044 7719"),
    ("Number on the bottle is 611 0832. I'll come Monday.", "611 0832"),
    ("Milwaukee Fire Department -- Med 2\n\nRun 24-031788 / Incident 5", "24-031788"),
    ("Run # 24-003817      Unit M-7", "24-003817"),
    ("Fairfax County Fire & Rescue, EMS run report 23-118244", "23-118244"),
    ("Paid $75 by Visa ending 4417, auth code 081742, conf # PMT-99018832.", "081742"),
    ("06/02 -- SPK transplant (DCD donor, ID AIBN302), enteric drainage", "AIBN302"),
    ("Cox's Bazar district (Camp 2W, Block B-14, Shelter 0718).", "Camp 2W, Block B-14"),
    ("Flat 3B, Block C, Gulshan-2, Dhaka 1212", "Flat 3B, Block C"),
    ("My username on the portal is kimball.eliza03 and I can't log in.", "kimball.eliza03"),
    ('portal user "nhungdao.fsm") called PFS', "nhungdao.fsm"),
    ("posted on his account @northwoods_dyl that he wants to", "northwoods_dyl"),
    ("A guy I met on Grindr (@nolaboy_504) says he is on PrEP", "nolaboy_504"),
    ("My friend's IG is @ricky.mejia.305 and he messaged me", "ricky.mejia.305"),
    ("Registrar: tlaporte  Station REG-03", "tlaporte"),
    ("Registrar: tlaporte  Station REG-03", "REG-03"),
    ("Log entered by jkowalski at 10:00", "jkowalski"),
    ("via clinic loaner cuff BFHC-BP-07.", "BFHC-BP-07"),
    ("Camera ID FVH-ICU3-CAM / audio bridge", "FVH-ICU3-CAM"),
    ("Detective Curtis Lyle #20318 spoke with the patient", "20318"),
    ("Anesthesia: GA/LMA -- CRNA Will Tran", "Will"),
    ("Assist: Tasha Crumpton, RN, Will Ottmers, RCIS", "Will Ottmers"),
    ("Ibrahim Sesay (ESL), scribe Will Cooper.", "Will Cooper"),
    (_CHAT, "J"),
    (_CHAT, "D"),
    ("performer walking a ball hosted by the House of Ebony Atlanta chapter", "House of Ebony"),
    ("Human Resources\nPixelle Androscoggin Mill\nPO Box 20, Jay, ME 04239",
     "Pixelle Androscoggin Mill"),
    ("HTN, T2DM, hx C. diff 2022 Aug\nMeds:", "2022 Aug"),
    ("Fecha/Date 12 dic 2023   Visit by video", "12 dic 2023"),
    ("read by photographer Kateri Herne", "Kateri Herne"),
    # ages after 'at' in a judgement, a lifetime's mark, words after 'At' and a pronoun
    ("heart clinic referral; at 93 surgical AVR likely prohibitive.", "93"),
    ("high surgical risk at 95 - SAVR not offered.", "95"),
    ('pt says she is "too old at 92 to give up greens," so', "92"),
    ("she wants to make it to 100 on March 3 and dance", "100"),
    ("At ninety-three she remains remarkably independent.", "ninety-three"),
    # temples and congregations, a store's street, Quebec's towns
    ("cooked upma from Sri Venkateswara Temple canteen at 2000", "Sri Venkateswara Temple"),
    ("walked to the mosque (Islamic Center of America) for prayer", "Islamic Center of America"),
    ("halaqa at Islamic Association of Collin County. Sleeping 4 h",
     "Islamic Association of Collin County"),
    ("Rx Descovy 200/25 mg sent to CVS on Canal; card on file", "CVS on Canal"),
    ("Wants to go to CVS on Warren & Telegraph. Also says", "Warren & Telegraph"),
    ("used my name at Bartell Drugs on Rainier Ave S. Could that", "Rainier Ave S"),
    ("Employer: Scierie (sawmill), Lac-Mégantic\nHPI: crash", "Lac-Mégantic"),
    ("Home: 31 rang 9, Saint-Ludger QC G0M 1W0", "Saint-Ludger"),
    # a town before its country, an Indian postal code
    ("since arriving from Telkaif, Iraq, by way of Jordan in 2019", "Telkaif"),
    ("his wife is in Ibb, Yemen, waiting on her visa", "Ibb"),
    ("Family spent eight years in Beldangi, Nepal before resettlement.", "Beldangi"),
    ("near Ongole (Prakasam district, PIN 523001) for a family function", "523001"),
    ("visiting from Navsari (PIN 396445) and has knee pain", "396445"),
    ("Keon Hardaway\nDisease Intervention Specialist, Worker #0623", "0623"),
    ("Gujarati interpreter Falguni Dave (INT-GU-33) present for consent", "INT-GU-33"),
    ("SOCIAL WORK ASSESSMENT\nBeaumont Hospital, Dearborn - Inpatient Case Management",
     "Dearborn"),
    ("TELEHEALTH NOTE\nMagic City Wellness Center, Birmingham\nPlatform: video",
     "Magic City Wellness Center"),
    ("Comprehensive Care Center, Nashville       DOS 12/3/2024", "Comprehensive Care Center"),
])
def test_found(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "My platelet number was 150000 last week.",
    "Her viral load number is 20000 copies.",
    "My room number is 4512.",
    "Plan: Will Call family with results.",
    "Patient Will Follow Up in clinic.",
    "Discharge: May Resume regular diet.",
    "wound zone 2, zone 3 debrided",
    "IL-6 and PD-L1 tested; monitor IL-6 daily",
    "given @bedtime and @home",
    "follow @CDCgov guidance on measles",
    "08:00 BP: 120/80\n08:15 HR: 88",
    "the House of Representatives passed the bill",
    "in 2019 May have been exposed",
    "reviewed by nurse today",
    "run 5 miles a day",
    "O2 sat at 92% on RA; HR at 95 bpm",
    "sats at 92 on room air, high fall risk",
    "MAP at 95, at risk of hypoperfusion",
    "at 90 degrees flexion she had pain",
    "BP at 95 she was dizzy",
    "A. SKIN, LEFT TEMPLE, SHAVE BIOPSY:",
    "ulcerated nodule L temple, 2.2 cm",
    "St. John's wort and Saint-John's wort interact with SSRIs",
    "Is CVS on Medicare Part D?",
    "Veteran? YES -- U.S. Army, Korea. DD-214 on file.",
])
def test_left_alone(scrubber: Scrubber, text: str) -> None:
    assert not scrubber.find(text)


def test_weekday_after_a_store_is_no_street(scrubber: Scrubber) -> None:
    text = "CVS on Monday was out of stock"
    assert not [s for s in scrubber.find(text) if s.type is PhiType.FACILITY and s.end > 4]


def test_a_state_between_town_and_country_is_left(scrubber: Scrubber) -> None:
    text = "Caller: patient (from Guadalajara, Jalisco, Mexico)"
    found = [text[s.start:s.end] for s in scrubber.find(text)]
    assert "Guadalajara" in found and "Jalisco" not in found


def test_a_label_after_a_typist_is_no_initials(scrubber: Scrubber) -> None:
    text = "dictated by Dr. Patel\ntranscriptionist id 4471  job 883021"
    assert "id" not in [text[s.start:s.end] for s in scrubber.find(text)]


@pytest.mark.parametrize(("text", "value"), [
    # review of the session's rules: what each must leave alone
    ("Patient Will Swallow Pills Whole.", "Swallow"),
    ("Plan: Will Cast Wrist in clinic.", "Cast"),
    ("Warning: May Mask Hypoglycemia", "Mask"),
    ("09:30 S: pt reports pain\n09:31 O: afebrile\n09:33 P: continue", "S"),
    ("08:00 T: 37.2 P: 88\n10:15 MAP: 62\nMAP goal > 65", "MAP"),
    ("Sodium at 118 remains low.", "118"),
    ("KPS at 90, remains a candidate for chemo.", "90"),
    ("Platelets at 98, bleeding risk discussed.", "98"),
    ("Mortality risk at 90 days is 4%.", "90"),
    ("FEV1 at 95, surgical candidate.", "95"),
    ("He made it to 100 ft with walker.", "100"),
    ("HR made it to 110 on the treadmill.", "110"),
    ("Pain scale NRS-11 used; kit HIV-1 assay.", "NRS-11"),
    ("Station ICU-3 called for a bed.", "ICU-3"),
    ("The total number was 1350.", "1350"),
    ("Languages: Pashto, Afghanistan-born mother.", "Pashto"),
    ("Received Pfizer, Belgium lot for the clinic.", "Pfizer"),
    ("Port-Wine Stain on the left cheek.", "Port-Wine"),
    ("Cap-Refill under 2 seconds.", "Cap-Refill"),
    ("Pill Mill concerns documented.", "Pill Mill"),
    ("Glucose profile @bedtime reviewed.", "bedtime"),
    ("QC Run 24-0017 passed.", "24-0017"),
    ("Dialysis Run 20-4000 ml removed.", "20-4000"),
    ("Zone 3, Block A1 submitted to pathology.", "Block A1"),
    ("Sector 2, Zone II of the retina.", "Zone II"),
    ("code on the form is 99214", "99214"),
    ("Number on the device label is 2019-04.", "2019-04"),
    ("Repeated 2/3 trials correct.", "2/3"),
    ("Walgreens on Tuesdays for refills.", "Tuesdays"),
    ("CVS on Caremark formulary.", "on"),
    ("Seen today in the Wound Care Center, Boston Medical Center campus.", "Wound Care Center"),
    ("Anticoagulation Clinic, Rolla, MO", "Anticoagulation Clinic"),
])
def test_review_misfires_left_alone(scrubber: Scrubber, text: str, value: str) -> None:
    start = text.index(value)
    assert not [s for s in scrubber.find(text) if s.start < start + len(value) and s.end > start]


@pytest.mark.parametrize(("text", "value"), [
    ("Spoke with Corporal Diaz #3321 at the scene", "3321"),
    ("My badge number with the county is 88213", "88213"),
])
def test_review_misses_found(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)
