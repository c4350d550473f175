"""Session 11: numbers kept whole (an issuer's code before, digit groups after), ages with
'aged' and 'and a half', nicknames in capitals, month/day dates after labs and procedures,
month/year ranges, ordinal days after event words, sign-off initials, lower-case names after
person labels, employers and store chains, towns before their state code."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text.scrubber import Scrubber, ScrubOptions
from veil.text.spans import PhiType


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("officer Stacks badge JPD 2281, report #24-011872.", "JPD 2281", None),
    ("given father's residence, ref KY-CPS 26-31770.", "KY-CPS 26-31770", None),
    ("my dad's VA claim number is C-File 22 441 879, he has", "22 441 879", None),
    ("ion: photo ID checked - PA DL 28 419 776 exp. 08/14/2028.", "28 419 776", None),
    ("Medicaid (MA) MN-MA 00319842. Needs replacement", "MN-MA 00319842", None),
    ("the other car plate was TN 7F3-K21, she's 8 weeks", "TN 7F3-K21", PhiType.PLATE),
    ("My great-aunt Zofia, aged 103, in Hamtramck", "aged 103", PhiType.AGE),
    ("my mother is ninety-nine and a half and takes Ativan", "ninety-nine and a half",
     PhiType.AGE),
    ("my father Nguyen Van Binh, 93 tuổi, lives in", "93 tuổi", PhiType.AGE),
    ('Resident: KOENIG, WILHELMINA "BILLIE"     DOB: 02/11/1931', 'KOENIG, WILHELMINA "BILLIE',
     PhiType.NAME),
    ('Pt: Jaylen "JJ" Washington Jr.   Age 7 yrs', '"JJ', PhiType.NAME),
    ("Last BM 11/2. Skin: stage 2 sacrum, healing", "11/2", PhiType.DATE),
    ("neck fx s/p hemiarthroplasty 12/2; post-op delirium", "12/2", PhiType.DATE),
    ("F/u telepsych 3/6. Return sooner if worse", "3/6", PhiType.DATE),
    ("- 09/2024-03/2025: carboplatin/pemetrexed", "09/2024-03/2025", PhiType.DATE),
    ("Interview the 23rd with pt and son", "the 23rd", PhiType.DATE),
    ("we are scheduled at the clinic for the 27th.", "the 27th", PhiType.DATE),
    ("Closed. /DY", "DY", PhiType.NAME),
    ("ection before pyloromyotomy. -BO", "BO", PhiType.NAME),
    ('lding "besides Mr. Tubbs." -- s. hollis LPN', "s. hollis", PhiType.NAME),
    ("patient: kyle t. brandenburg          mrn: SP-7719024", "kyle t. brandenburg",
     PhiType.NAME),
    ("pt: mcallister-yoon, grace  /  mrn 09918327", "mcallister-yoon, grace", PhiType.NAME),
    ("he fell from a ladder at work (Home Depot in Florence SC)", "Home Depot",
     PhiType.FACILITY),
    ("| omeprazole 20 mg | daily | Walgreens | taking |", "Walgreens", PhiType.FACILITY),
    ("my brother got hurt at the Nucor mill last week", "Nucor", PhiType.FACILITY),
    ("Sunset Manor in Glasgow KY keeps getting UTIs", "Glasgow", PhiType.CITY),
])
def test_session11_mechanisms(scrubber: Scrubber, text: str, value: str,
                              kind: PhiType | None) -> None:
    assert covered(scrubber, text, value, only=kind)


@pytest.mark.parametrize("text", [
    "Plan A 12345 units heparin bolus then infusion.",
    "grade 3/6 systolic murmur at the left sternal border",
    "he had a colonoscopy 1/2 prep taken",
    "here for the 3rd time this year",
    "came back for the 2nd dose of the series",
    "Pt stable. NAD",
    "vitals stable. BP",
    "Refer to ENT",
    "pt: feeling better today",
    "patient: alert and oriented x3",
    "the target dose is 5 mg daily",
    "Target HR 60-70. Delta wave on ECG.",
    "progressive dyspnea and a nationwide shortage of amoxicillin",
    "Glasgow coma scale 14 on arrival",
    'Code status "DNR" confirmed with the family',
])
def test_session11_clinical_text_unchanged(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


def test_number_edges_keep_labels_and_units(scrubber: Scrubber) -> None:
    """A generic label stays outside the span ('member ID'), a clinical word before it too
    ('ICD'), and a dose after the number is not read as one of its groups."""
    text = "member ID W208841177 and ICD 2190345 device; MRN 1234567 45 mg given"
    spans = scrubber.find(text)
    starts = {text[s.start:s.end] for s in spans}
    assert "W208841177" in starts
    assert not any("ID" in text[s.start:s.end] for s in spans)
    assert not any("ICD" in text[s.start:s.end] for s in spans)
    dose = text.index("45 mg")
    assert not any(s.start <= dose < s.end for s in spans)


def test_aged_age_keeps_its_word_under_safe_harbor() -> None:
    """The span covers 'aged 103'; Safe Harbor rewrites the number only."""
    out = Scrubber(ScrubOptions()).scrub("Zofia, aged 103, in pain")
    assert "aged 90+" in out
    assert "103" not in out


@pytest.mark.parametrize(("text", "value", "kind"), [
    ('Mom\'s nursing home is "The Pines" in Bennington and', "The Pines", PhiType.FACILITY),
    ("the nursing home (Cedar Crest) wants to send him", "Cedar Crest", PhiType.FACILITY),
    ("stung by a bee at church (Grace Fellowship) in Goshen", "Grace Fellowship",
     PhiType.FACILITY),
    ("Our daycare, Bright Horizons on Elm Street, had a case", "Bright Horizons",
     PhiType.FACILITY),
    ("My mom's group home (Bridges of Bemidji) keeps giving her", "Bridges of Bemidji",
     PhiType.FACILITY),
    ("He used to work for Rockingham Poultry until last spring.", "Rockingham Poultry",
     PhiType.FACILITY),
    ("she lives out on RR 3 past the feed mill", "RR 3", PhiType.ADDRESS),
    ("i had it in october and now theres a rash again", "october", PhiType.DATE),
    ('he says "almost a hundred") and wants a new knee', "a hundred", PhiType.AGE),
    ('HealthPartners, "Subscriber #" 18847233-01.', "18847233-01", PhiType.HEALTH_PLAN),
    ('Medicaid "recipient number" 30419977B', "30419977B", PhiType.HEALTH_PLAN),
    ("- Medi-Cal BIC # 99482117C4", "99482117C4", PhiType.HEALTH_PLAN),
])
def test_session11_named_places_and_labels(scrubber: Scrubber, text: str, value: str,
                                           kind: PhiType) -> None:
    assert covered(scrubber, text, value, only=kind)


@pytest.mark.parametrize("text", [
    "call the clinic (ENT) tomorrow about the referral",
    "the facility (SNF) said the bed is ready",
    "the clinic (Cardiology) called back",
    "the school nurse called about the inhaler",
    "PHARMACY PRIOR AUTHORIZATION REQUEST",
    "RR 18, HR 90, SpO2 97% on room air",
    "almost a hundred times a day",
    "Does the Epley maneuver work for BPPV in people over 80?",
    "we may go in may cases",
])
def test_session11_departments_and_counts_unchanged(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("Lives at\n  Hauptstrasse 112\n  80331 Munchen\nFamily doctor there", "80331", PhiType.ZIP),
    ("Lives at\n  Hauptstrasse 112\n  80331 Munchen\nFamily doctor there", "Munchen",
     PhiType.CITY),
    ("parents at:\nCalle Hidalgo 42, Col. Centro\n68300 San Juan Bautista Tuxtepec, Oaxaca",
     "68300", PhiType.ZIP),
    ("Dr. Baumgartner, Kaiser-Joseph-Strasse 212, Freiburg", "Kaiser-Joseph-Strasse 212", None),
    ("farmhouse at the very end of Dutch Hollow Rd, past the hall", "Dutch Hollow Rd",
     PhiType.ADDRESS),
    ("about 3 miles north of Pukwana, turn at the grain bins", "Pukwana", PhiType.CITY),
    ("Presented 2/6 with fever, myalgias, cough", "2/6", PhiType.DATE),
    ("I'm a case manager; client D.W., 90, lives in a rooming house", "D.W", PhiType.NAME),
    ("I'm a case manager; client D.W., 90, lives in a rooming house", "90", PhiType.AGE),
])
def test_session11_addresses_abroad_and_initials(scrubber: Scrubber, text: str, value: str,
                                                 kind: PhiType | None) -> None:
    assert covered(scrubber, text, value, only=kind)


@pytest.mark.parametrize("text", [
    "the patient U.S. citizen, no travel",
    "we walked to the end of the road together",
    "Stage 2 of 4\n2024 Annual review",
])
def test_session11_initials_and_roads_unchanged(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


def test_postcode_in_parentheses_after_a_town_not_a_year(scrubber: Scrubber) -> None:
    assert covered(scrubber, "pregnant in Perth (6050) and my iron is 9", "6050", only=PhiType.ZIP)
    assert not any(s.type is PhiType.ZIP for s in scrubber.find("moved to Perth (2019) and"))


def test_acronym_after_a_kind_word_in_a_sentence(scrubber: Scrubber) -> None:
    assert covered(scrubber, "AMH is 0.4. Fertility clinic CCRM says low reserve.", "CCRM",
                   only=PhiType.FACILITY)
    assert scrubber.scrub("the clinic PT said to rest") == "the clinic PT said to rest"


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("I'm Juniper Hale, 24, and I was diagnosed with", "Juniper Hale", PhiType.NAME),
    ("Surgeon: Harrison W. Beauchamp III, MD   Cardiologist:", "Beauchamp III", PhiType.NAME),
    ("PT NAME: GARZA, ROGELIO JR      AGE: 38", "ROGELIO JR", PhiType.NAME),
    ("MPD officer (Ofc. Hardaway, #11294): pedestrian crossing", "11294", PhiType.ID),
    ("Language: Somali, phone interpreter #224871 (CyraCom)", "224871", PhiType.ID),
    ("Branch BR-0312   Provider # 36-7721", "36-7721", PhiType.ID),
    ("fixed-wing air ambulance (LifeTeam -- tail N731LT) weather", "N731LT", PhiType.ID),
    ("SSN: 498-22-6107   (last4 6107)", "6107)", PhiType.SSN),
])
def test_session11_people_and_their_numbers(scrubber: Scrubber, text: str, value: str,
                                            kind: PhiType) -> None:
    assert covered(scrubber, text, value, only=kind)


@pytest.mark.parametrize("text", [
    "I'm Catholic, 45 and worried",
    "This is Type 2, 45 years in",
    "the tail of the pancreas is normal",
    "duodenal ulcer, Forrest III, no active bleeding",
])
def test_session11_people_words_unchanged(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value"), [
    ("5. Transplant: listed at UCHealth 6/2024, UNOS ID pending", "UCHealth"),
    ("collapsed at the gym (24 Hour Fitness on Sepulveda Blvd) on Saturday", "24 Hour Fitness"),
    ("Can a CVS pharmacist give me some without a script?", "CVS"),
])
def test_session11_brands(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.FACILITY)


def test_session11_maker_model_and_atria_kept(scrubber: Scrubber) -> None:
    for text in ("Fresenius 2008T machine", "Echo: both atria dilated"):
        assert scrubber.scrub(text) == text


def test_organization_fields(scrubber: Scrubber) -> None:
    text = "Employer: Zeeland Pallet & Crate\nExam: 18 Nov 2024"
    assert covered(scrubber, text, "Zeeland Pallet & Crate", only=PhiType.FACILITY)
    for kept in ("Employer: retired\n", "Lab: CBC pending\n", "Transport: ALS ground\n"):
        assert scrubber.scrub(kept) == kept


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("my apartment is #212 and the super says the radiator", "#212", PhiType.ADDRESS),
    ("We live in trailer 14 at Sunny Acres and the water", "trailer 14", PhiType.ADDRESS),
    ("My mom is in room 414 at Laurel Manor and keeps", "room 414", PhiType.ADDRESS),
    ("Sri Ramachandra Medical Centre, Porur, Chennai – 600 116", "600 116", PhiType.ZIP),
    ("Sri Ramachandra Medical Centre, Porur, Chennai – 600 116", "Chennai", PhiType.CITY),
])
def test_session11_homes_and_codes(scrubber: Scrubber, text: str, value: str,
                                   kind: PhiType) -> None:
    assert covered(scrubber, text, value, only=kind)


def test_session11_room_air_and_doses_kept(scrubber: Scrubber) -> None:
    for text in ("sats 94% and she is in room air today", "Dose 5 - 500 mg daily"):
        assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value"), [
    ("The VA in Togus told my husband his hearing aids", "VA"),
    ("Mom lives at The Terraces at Bonita Springs, she's 94.", "The Terraces"),
    ("Can I use the Sam's Club pharmacy in Joplin with my card", "Sam's Club"),
])
def test_session11_places_by_context(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.FACILITY)


def test_session11_countries_are_no_homes(scrubber: Scrubber) -> None:
    assert not any(s.type is PhiType.FACILITY
                   for s in scrubber.find("he moved to The Netherlands last year"))


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("DOB 11-Nov-1929        Ward: Yarty       Admitted: 29-Mar-2024", "Yarty",
     PhiType.FACILITY),
    ("found at Mill View Hospital, Caburn Ward. Conveyed by ambulance", "Caburn Ward",
     PhiType.FACILITY),
    ("Resident: Mrs Beryl FORSYTH      Room 17, Waratah wing", "Waratah wing",
     PhiType.FACILITY),
    ("Unit: Goldfine 4\nDate: 11/13/2025", "Goldfine 4", PhiType.FACILITY),
    ("Military Road Medical, 02 9960 1144.", "02 9960 1144", PhiType.PHONE),
    ("MRN: 0O58-2231   Enc#: E24 118 0044", "E24 118 0044", None),
])
def test_session11_wards_and_numbers_abroad(scrubber: Scrubber, text: str, value: str,
                                            kind: PhiType | None) -> None:
    assert covered(scrubber, text, value, only=kind)


@pytest.mark.parametrize("text", [
    "admitted to the Medical Ward today",
    "East Wing lobby entrance",
    "Unit: 4B",
    "Ward: ICU",
    "the Maternity Block is closed",
])
def test_session11_generic_wards_kept(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value"), [
    ("Re: Réjean Bouchard, né le 12 août 1942, RAMQ BOUR 4208 1219", "Réjean Bouchard"),
    ("Re: Maria Gonzalez\nDear colleague,", "Maria Gonzalez"),
    ("Red Lake Housing Authority (Deb, 218-555-0125); client on", "Deb"),
])
def test_session11_subject_lines_and_names_before_phones(scrubber: Scrubber, text: str,
                                                          value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.NAME)


@pytest.mark.parametrize("text", [
    "Re: Prior Authorization for Humira\n",
    "Re: Follow Up Visit\n",
    "Main line: 555-201-3344",
])
def test_session11_subjects_that_are_topics(scrubber: Scrubber, text: str) -> None:
    assert not any(s.type is PhiType.NAME for s in scrubber.find(text))


@pytest.mark.parametrize(("text", "value", "kind"), [
    ('HPI: 46 y/o M, goes by "Dutch" (legal name Dietrich Hollenbeck)', "Dutch", PhiType.NAME),
    ("Son in the Philippines (Arnel) reachable on Viber", "Arnel", PhiType.NAME),
    ("Imani Caldwell, MD / r. pham PA-S", "r. pham", PhiType.NAME),
    ("his friend from the Home, Mr. Arthur Beaudoin", "Home", PhiType.FACILITY),
    ("call scheduler Yesenia at ext 2241 with appt", "2241", PhiType.PHONE),
    ("MPD notified, officer Koenig, badge pending", "MPD", PhiType.FACILITY),
    ("drives to the Price Chopper in Cobleskill once a week", "Price Chopper",
     PhiType.FACILITY),
    ("My daughter is at Penn State and was diagnosed with mono", "Penn State",
     PhiType.FACILITY),
])
def test_session11_nicknames_homes_and_chains(scrubber: Scrubber, text: str, value: str,
                                              kind: PhiType) -> None:
    assert covered(scrubber, text, value, only=kind)


@pytest.mark.parametrize("text", [
    "COPD notified the team; report to PCP",
    "he has COPD and a positive PPD, report to clinic",
    "How is Korsakoff syndrome treated in Washington state?",
    "home health aide from the Home Health agency",
])
def test_session11_acronyms_and_states_kept(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value"), [
    ("Jean-Luc Arceneaux, MD  (Acadiana Geriatrics, ph 337-555-0108)", "Acadiana Geriatrics"),
    ("Referral to Navajo Nation Housing Authority for water hauling", "Navajo Nation Housing"),
    ("retired Boston Public Schools teacher, lives alone", "Boston Public Schools"),
    ("Esq., Greer & Hollins Injury Law -- LOP on file", "Greer & Hollins Injury Law"),
    ("he works at Tyson Foods in Springdale", "Tyson Foods"),
])
def test_session11_organizations_by_head_word(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.FACILITY)


def test_session11_parish_stays_a_county(scrubber: Scrubber) -> None:
    text = "my dad, 95, in Jefferson Parish, got a letter"
    assert covered(scrubber, text, "Jefferson Parish", only=PhiType.COUNTY)
    assert scrubber.scrub("Pain Management follow up") == "Pain Management follow up"


def test_session11_glasgow_the_city_and_the_scale(scrubber: Scrubber) -> None:
    text = "taken to the Priory in Glasgow. Can I visit him?"
    assert covered(scrubber, text, "Glasgow", only=PhiType.CITY)
    for kept in ("Glasgow coma scale 14 on arrival", "scored in Glasgow criteria",
                 "score in Glasgow 14 today", "GCS (Glasgow) 15"):
        assert scrubber.scrub(kept) == kept


def test_session11_town_after_a_facility(scrubber: Scrubber) -> None:
    text = "Yukon-Kuskokwim Delta Regional Hospital, Bethel\nPt: Tobias"
    assert covered(scrubber, text, "Bethel", only=PhiType.CITY)
    for kept in ("St. Mary Hospital, Cardiology\n", "Mercy Hospital, ICU\n"):
        assert not any(s.type is PhiType.CITY for s in scrubber.find(kept))


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("Gate code 1947#. Pt's wife (Darlene) prefers calls", "1947", PhiType.ID),
    ("PA submitted via CoverMyMeds, key BHK7M2QX. Sent 7-day supply", "BHK7M2QX", PhiType.ID),
    ("my grandmother's Medicare card says 4411 82019 2 and she", "4411 82019 2",
     PhiType.HEALTH_PLAN),
    ("my mother Jadwiga (92 lata) lives in Lodz", "92 lata", PhiType.AGE),
])
def test_session11_codes_and_ages(scrubber: Scrubber, text: str, value: str,
                                  kind: PhiType) -> None:
    assert covered(scrubber, text, value, only=kind)


def test_session11_key_findings_kept(scrubber: Scrubber) -> None:
    for text in ("the key KRAS G12C mutation was found", "key finding: BRCA1 positive"):
        assert scrubber.scrub(text) == text


@pytest.mark.parametrize("text", [
    "Problems:\n- PNA\n- SVT\n/ CDI\nMonitor. SBP\nContinue plan",
    "UCx - e. coli, pt notified\n- s. aureus, RN notified",
    "clinic (Heart Failure) and clinic (Wound Care)",
    "nursing home (Long Term Care), pharmacy (Mail Order)",
    "agency (Adult Protective Services)",
    "School: Kindergarten\nPharmacy: Mail order\nDaycare: 3 days/week",
    "works at Pediatric ICU; dialysis unit MWF",
    "Pt A.A.O. x3. Client B.P. elevated.",
    "Fever reached a hundred; HR nearly a hundred; walked almost a hundred feet",
    "scheduled for the 2nd and 3rd doses; PT for the 1st, OT for the 2nd",
    "Ileostomy 3/5 bags; Arthrodesis 1/5 screws",
    "He has been on RR 18 since noon",
    "Tail N1 of the pancreas",
    "pt: self-pay",
    "Visit: SN 2w4, visit 5 of 8",
    "| Target | Result |",
])
def test_session11_review_false_positives(scrubber: Scrubber, text: str) -> None:
    """Clinical text the adversarial review of the session's rules found changed."""
    assert scrubber.scrub(text) == text


def test_session11_date_range_keeps_both_years(scrubber: Scrubber) -> None:
    assert scrubber.scrub("- 09/2024-03/2025: carboplatin") == "- 2024-2025: carboplatin"


@pytest.mark.parametrize("text", [
    "s/p colectomy" + " " * 20000 + "x",
    "interpreter #" + " " * 20000 + "x",
    "tail" + " " * 20000 + "x",
    "bic-" * 15000,
    "a:" + " " * 4000 + "x",
    "the school" + " " * 20000 + "x",
    "seen for" + " " * 20000 + "x",
])
def test_session11_blank_runs_and_repeats_stay_linear(scrubber: Scrubber, text: str) -> None:
    """Inputs that took seconds before possessive quantifiers bounded each rule's retries;
    finishing at all is the check (no timing assertion)."""
    assert scrubber.scrub(text) is not None


def test_section_headings_are_no_surnames(scrubber: Scrubber) -> None:
    text = "No free air.\nVessels: Mild aortoiliac atherosclerosis.\nBones: Degenerative change.\n"
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("Cloonagh, Rosscahill, Co. Galway H91 K2P6", "Co. Galway", PhiType.COUNTY),
    ("Consultant Cardiologist\nMCRN 018823", "018823", PhiType.LICENSE),
    ("melter dept.   Emp # 44718\nSafety manager", "44718", PhiType.ID),
])
def test_session11_counties_and_registrations(scrubber: Scrubber, text: str, value: str,
                                                    kind: PhiType) -> None:
    assert covered(scrubber, text, value, only=kind)


def test_session11_county_words_kept(scrubber: Scrubber) -> None:
    for text in ("on room air, bed rest for 2 days", "county down the road"):
        assert scrubber.scrub(text) == text
