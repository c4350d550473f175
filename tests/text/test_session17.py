"""Session 17 mechanisms: rooms, lots and units of a home, firms by their legal suffix and
contractors by their trade, ages after a comma or a dot leader, initials a chart's legend
gives a person, small towns after a verb of travel, fraction-like days in a dated note,
abbreviated months; and the text each of them must leave alone."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text import Scrubber
from veil.text.spans import PhiType


@pytest.mark.parametrize(("text", "value"), [
    # a resident's room, bed or cabin; a unit with a letter and a hyphen
    ("Resident: Solomon Birnbaum   Apt C-207   Age: 99", "Apt C-207"),
    ("independent living apt D-12 with failure to thrive", "apt D-12"),
    ("Eleanor Brickhouse   Room M-112   Res ID SG-20417", "Room M-112"),
    ("Theodora Papadakis   Rm MC-118A   DOB March 9 1931", "Rm MC-118A"),
    ("Admit date 05/06/2024    Bed 212-W", "Bed 212-W"),
    ("Maureen O'Shaughnessy   Cabin 8142 (Deck 8 aft)", "Cabin 8142"),
    # a lot, a space or a site of a mobile home or an RV
    ("Neighbour in Lot 320 (Wally Kurtz) called", "Lot 320"),
    ("Sundance Village Mobile Home Park, Space 61, 8865 E Broadway Rd", "Space 61"),
    ("lives in an RV at Lot 318. He doubled his warfarin", "Lot 318"),
    # firms by a legal suffix after a comma, whoever found the name
    ("Employer: Llano Estacado Well Service, Inc.", "Llano Estacado Well Service, Inc"),
    ("DELAHOUSSAYE & BREAUX, L.L.C.\nAttorneys at Law", "DELAHOUSSAYE & BREAUX, L.L.C"),
    ("Terrence Cheramie v. Bayou Lafourche Fabricators, Inc. and the carrier",
     "Bayou Lafourche Fabricators, Inc"),
    ("contractor Galveston Refining L.P. on site", "Galveston Refining L.P"),
    # contractors, carriers and plans by their trade after a proper word and a cue
    ("contractor w/ Golden Triangle Turnaround Services, badge 33172",
     "Golden Triangle Turnaround Services"),
    ("crew assigned to Pecos Valley Midstream compressor station build",
     "Pecos Valley Midstream"),
    ("owner-operator (leased on to Caprock Carriers, USDOT 1960384)", "Caprock Carriers"),
    ("MA plan DesertCare Advantage, member H7762", "DesertCare Advantage"),
    ("Called RxHarbor Home Delivery at 1-800-555-0143", "RxHarbor Home Delivery"),
    ("Funeral home: Seabreeze Funeral Home & Cremation, notified",
     "Seabreeze Funeral Home & Cremation"),
    ("AUD tx - Lakeside Recovery Services intake call", "Lakeside Recovery Services"),
    # ages after a name and a comma, after a dot leader, before 'too'
    ("His wife, Lorna, is 91 herself and cannot help", "91"),
    ("Patient: Beatrice Oyelowo, 94F    MRN 4419083", "94"),
    ("Carrasquillo Pizarro   Edad: 95   Récord: UPRC-118492", "95"),  # after blind43's scoring
    ("DOB ........ 1931-01-19    Age ........ 93    Sex ........ F", "93"),
    ("Is ninety-one too old for a knee replacement?", "ninety-one"),
    # initials after a slash and a blank
    ("Celestine, MD -- attending    (VC/ tlm)", "VC/ tlm"),
    # ages at an event of a life, a sentence's 'At ninety-two,'
    ("Mrs. Voorhees was admitted at 93 from Agave Gardens", "93"),
    ("At ninety-two, he was still telling stories", "ninety-two"),
    # numbers of boards, registries, commissions; immigration; donors; deeds
    ("Sonographer: Cassie Blackburn, RVT (ARDMS 220184)", "ARDMS 220184"),
    ("Notary Public, commission # NP 2207811, exp. 11/30/2022", "NP 2207811"),
    ("Delahoussaye\nLa. Bar Roll No. 29174", "29174"),
    ("lawful permanent resident; A# A219 447 083)", "A219 447 083"),
    ("sperm donor from Xytex (donor 4423).", "4423"),
    ("recorded Collier County OR Book 5987 Page 2210.", "5987 Page 2210"),
    # small towns after a verb of travel, with one word no everyday English
    ("Pt from Toksook Bay, came to Anchorage 8 yrs ago", "Toksook Bay"),
    ("medevac to Nome then Anchorage", "Nome"),
    ("this is a return visit from fort yukon who comes in", "fort yukon"),
    # the Hawaiian okina inside a name; 'for Women & Children'
    ("MFM tele-consult (Kapiʻolani Medical Center for Women & Children outreach).",
     "Kapiʻolani Medical Center for Women & Children"),
    ("Queen Liliʻuokalani Heart Institute\n1301 Punchbowl Loop", "Queen Liliʻuokalani"),
    # a hospital's acronym after a preposition of place
    ("arrived by medevac via SSMH\nTetanus updated at SSMH.", "SSMH"),
    ("Escort travel approved by YKHC patient travel", "YKHC"),
    # births, labs and crews named by a place; ships in a text about ships
    ("Referring: Kathleen Brophy, CNM, Chesterfield Midwifery Group",
     "Chesterfield Midwifery Group"),
    ("Travel visit for a 34-night cruise, MS Aurora Meridian, embarking in May",
     "MS Aurora Meridian"),
    ("Vessel: MV Seabright Serenade   Voyage SS2405", "MV Seabright Serenade"),
    # a trade before 'Services' as before
    ("My employer Bayou City Energy Services says I must use their doctor.",
     "Bayou City Energy Services"),
    # cities abroad with a word of a state's name, after leaving or embarking
    ("my dad wants to ride a zip line in Puerto Vallarta on the cruise", "Puerto Vallarta"),
    ("leaving Buenos Aires on a ship next week", "Buenos Aires"),
    # the okina at a word's start stays a mark before the capital
    ("Home: 91-1020 Kaiwawalo St, ʻEwa Beach HI 96706", "Ewa Beach"),
    ("lives in ʻEwa Beach with mom", "Ewa Beach"),
    # a pharmacy's services, a plan after a word of care, a level after a dash
    ("ROADRUNNER HOSPICE PHARMACY SERVICES -- DELIVERY MANIFEST",
     "ROADRUNNER HOSPICE PHARMACY SERVICES"),
    ("PLAN: Saguaro Health Advantage (HMO-POS), subscriber # SHA0091847702",
     "Saguaro Health Advantage"),
    ("EMERGENCY DEPARTMENT PHYSICIAN RECORD\nHarborview Medical Center -- Level I Trauma",
     "Harborview Medical Center"),
    # a code under a person's label keeps whatever shape it has
    ("MRN: N18.6", "N18.6"),
    # months abbreviated after a word that dates them
    ("She stopped amlodipine mid-Nov because meds ran out", "Nov"),
    ("went to the fiesta in Oct and ate a lot", "Oct"),
    ("Weight 98.4 lb (Feb 99.0).", "Feb"),
])
def test_found(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Exam Room 104 is free; room air sats fine; bed 2 by the window.",
    "Head of bed 30 degrees, HOB 30, bed 45°.",
    "INFORMATION FOR RELEASE",
    "in bed. 0600 sleeping.",
    "Implant at site 36, bone adequate.",
    "Injection at site 2 in the deltoid.",
    "The patient had an LP today; bedside LP tolerated.",
    "referred to Adult Protective Services and Environmental Services",
    "enrolled in a Medicare Advantage plan",
    "in Cold Bay today",
    "Wound edges (Dec erythema) improving.",
    "Strength & Dec sensation in left foot.",
    "Bill, is 95% sure of the dose.",
    "Took 3/4 of meals, 1/2 tab at night.",
    "IV site 1, R hand; intercostal space 4, 5 and 6; in space 60 mL.",
    "Enrolled at site 104 of the trial; Trial site 301, randomized.",
    "Endoscopy Room 301; IR room 214; Bed 100 kg; Bed CT-1; room 68F.",
    "since Dec hgb drop; after Dec dose; in Sep shock",
    "May return to intercourse in 6 weeks. Baby transferred to Nursery.",
    "CP/ sob, SOB/ doe, Hx DM/ htn",
    "HR at ninety, BP stable.",
    "Alternate 93 days; alter 95 mg if needed.",
    "APRN 2 visits; cert 2019; registry 2; board certified 2015; Book 12 page 30.",
    "MDM2 amplification by FISH, confirmed by TORCH titers.",
    "On the cruise ship she had an MS flare; MV repair planned.",
    "Clinical Genomics reviewed the variant.",
    "moved to South Carolina",
    # rules and scores named by a place or a name; drug, variant, diagnosis and stage codes
    "Risk: San Francisco Syncope Rule negative; Canadian Syncope Risk Score -1.",
    "Rx: apixaban 5 mg (DIN 02377233) BID",
    "PrEP: TDF/FTC 300/200 mg daily",
    "BRCA1 c.5266dupC (p.Gln1756Profs*74); c.6067G>A (p.Gly2023Arg); CFTR c.3846G>A (W1282X)",
    "Dx: CKD N18.6; I69.351 hemiplegia; pT2 pN1mi(sn)",
    "Invasive ductal carcinoma, Nottingham grade 2, ER+",
    # hard negatives of blind43/44 changed at their sealed scoring (fixed after it)
    "Does Zika still cause birth defects if the mother was infected before pregnancy?",
    "Is a GCS of 14 after a ski crash enough to need a head CT under the Canadian CT Head Rule?",
    "Are Ludwig's angina and peritonsillar abscess treated with the same antibiotics?",
    "What does Frankl behavior rating 2 mean in pediatric dentistry?",
])
def test_left_alone(scrubber: Scrubber, text: str) -> None:
    assert scrubber.find(text) == []


def test_a_legend_makes_initials_a_person_in_every_row(scrubber: Scrubber) -> None:
    text = ("0800\tdonepezil 10 mg\tgiven\tTG\tcrushed\n"
            "0900\tsertraline 50 mg\tREFUSED\tTG\tspit out\n"
            "2100\tmelatonin 3 mg\tgiven\tRk\n"
            "Key: TG = Tiffany Goins, CMA; Rk = Rukhsana Kazmi, RN.")
    found = [text[s.start:s.end] for s in scrubber.find(text)]
    assert found.count("TG") == 3 and found.count("Rk") == 2


def test_an_oxygen_saturation_after_a_name_is_no_age(scrubber: Scrubber) -> None:
    text = "Mr. Ortiz, was 94 on RA and 96 on 2L."
    assert [text[s.start:s.end] for s in scrubber.find(text)] == ["Ortiz"]


def test_a_legend_with_a_credential_and_clinical_initials(scrubber: Scrubber) -> None:
    text = "Tiffany Goins, RN (TG) gave meds; TG charted at 0800."
    assert [text[s.start:s.end] for s in scrubber.find(text)].count("TG") == 2
    text = "Rita Anderson (RA) saw her. SpO2 94% on RA."
    assert "RA" not in [text[s.start:s.end] for s in scrubber.find(text)]


def test_a_legend_whose_initials_are_not_the_name_s_is_no_key(scrubber: Scrubber) -> None:
    text = "Charge RN = Mary Jones\nVitals: RN to recheck at 0400."
    assert "RN" not in [text[s.start:s.end] for s in scrubber.find(text)]


def test_a_fraction_like_day_is_a_date_only_in_a_dated_note(scrubber: Scrubber) -> None:
    dated = "Admitted 12/01/2024. Nirsevimab 50 mg given 3/4 (RSV season)."
    assert any(dated[s.start:s.end] == "3/4" and s.type is PhiType.DATE
               for s in scrubber.find(dated))
    undated = "Nirsevimab 50 mg given, ate 3/4 of the tray."
    assert scrubber.find(undated) == []
    counted = "Admitted 12/01/2024. Given 1/2 NS bolus; drink 1/2 ensure."
    assert "1/2" not in [counted[s.start:s.end] for s in scrubber.find(counted)]
