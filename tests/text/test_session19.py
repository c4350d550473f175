"""Session 19 mechanisms: ages beside a found age or name and of a person with 'is', labelled
and praised ages, facilities named by a company, a professional corporation, a crisis service
or an agency on aging, letterheads in capitals, numbers of documents and cards, dotted
initials as people, lower-case names of three syllables, islands, crossings, New York City
schools and ZIPs, short dates after a treatment or a test; and the text each of them must
leave alone (an adversarial review's cases among them)."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text import Scrubber


@pytest.mark.parametrize(("text", "value"), [
    # ages beside a found age, of a person with 'is', after praise, labelled, 'Happy 100th'
    ('She says grandma is actually 102, not 101, and she "will be one hundred', "102"),
    ('She says grandma is actually 102, not 101, and she "will be one hundred', "101"),
    ("She's 90-something, we think 93. How do I handle this", "93"),
    ("born 1922 per CPRS, so resident is 101 (centenarian -- 101 1/2 per him).", "101 1/2"),
    ("can you give a hospice patient morphine if they're 99? My aunt is afraid", "99"),
    ("She's doing great for 96! but I'm nervous", "96"),
    ("    Age recorded: 93\n    Should read: March 11, 1929 Age should read: 95", "93"),
    ("    Age recorded: 93\n    Should read: March 11, 1929 Age should read: 95", "95"),
    ('asked about getting a "Happy 100th" letter from the President', "100"),
    ("Sofia Lvovna, ej 92 goda) opyat", "92 goda"),
    # facilities by their kind
    ("medications in pill packs via Desert Rx Specialty Pharmacy. Pt consents", "Desert Rx "
     "Specialty Pharmacy"),
    ("SUNWEST CASUALTY INSURANCE COMPANY\nBodily Injury Claims", "SUNWEST CASUALTY INSURANCE "
     "COMPANY"),
    ("Clinch Memorial Hospital Outpatient Pharmacy, Homerville GA", "Clinch Memorial Hospital "
     "Outpatient Pharmacy"),
    ("To: Dr. Julian Asher / Asher Concierge Medicine", "Asher Concierge Medicine"),
    ("rocker-bottom shoe by Delta Orthotics & Prosthetics.", "Delta Orthotics & Prosthetics"),
    ("Transport: Silver State Paratransit pickup 1600", "Silver State Paratransit"),
    ("Skilled nursing for rehab -- Colorado Gardens Post-Acute, Pasadena.",
     "Colorado Gardens Post-Acute"),
    ("Home safety eval by Lewis County Area Agency on Aging; Lifeline", "Lewis County Area "
     "Agency on Aging"),
    ("NA home group Thursdays at Cathedral of the Rockies.", "Cathedral of the Rockies"),
    ("Spokane Crisis Stabilization Facility (SCSF), E Mission Ave site", "Spokane Crisis "
     "Stabilization Facility"),
    ("Line: 988 / King County Crisis Connections", "King County Crisis Connections"),
    ("USCIS designation), Brodsky Medical PC\nINDICATION: Form I-693", "Brodsky Medical PC"),
    ("TRANSPORT RECORD -- Tri-State CareFlight (base Bullhead City)", "Tri-State CareFlight"),
    ("works intermittently at Inland Pallet & Crate in Hillyard", "Inland Pallet & Crate"),
    ("WILSHIRE ORTHOPAEDIC GROUP\n3800 Wilshire Blvd, Ste 1100  Los Angeles CA 90010",
     "WILSHIRE ORTHOPAEDIC GROUP"),
    ("He attends P.S. 811 in a 6:1:1 class", "P.S. 811"),
    # numbers of documents, cards, jobs, licences, plans
    ("Visa # H2A 0218844710. Lives in grower camp", "H2A 0218844710"),
    ("Compensation: $50 ClinCard # CC 4417 2208 9130.", "CC 4417 2208 9130"),
    ("enclosed barcode cover sheet (BC 7731 0048 2219) to fax", "BC 7731 0048 2219"),
    ("a US permanent resident card (A-204 881 337) and reports", "A-204 881 337"),
    ("Ampofo, MD   dict 04/16/2024 13:40  job 883104", "883104"),
    ("cc: Alabama Medicaid Agency (Recip ID 50 3318 9927 A)", "50 3318 9927 A"),
    ("Medi-Cal CIN 96543218C   Plan: Medi-Cal Rx", "96543218C"),
    ("-- R. Strickland, RPh  GA RPH 014733", "014733"),
    ("licensed funeral director AL FD 2217", "2217"),
    ("via ED interpreter Luz, ID SP-119): 71 yo M", "SP-119"),
    # people: dotted initials, a role after them, lower-case names, relations
    ("Attendance and participation: J.W. has attended 100% of scheduled groups", "J.W"),
    ("- L.W., P.N. -- present, quiet.\nAbsent: G.H. (excused, work)", "G.H"),
    ("One member (M.F.) flagged for individual therapy", "M.F"),
    ("SW: Ritu Bhandari (CHW) with Grace Oduya, LCSW", "Ritu Bhandari"),
    ("cc: family; Ritu Bhandari, community health worker", "Ritu Bhandari"),
    ("my husband chan tak ming had black stool after", "chan tak ming"),
    ("my dad zheng jian ping has stomach cancer", "zheng jian ping"),
    ("I'm a Ukrainian nurse, Halyna, and want to work in Spokane.", "Halyna"),
    ("i'm hope, 19, and i got sent off the island", "hope"),
    ("the nurse said my bubby chaya is 13", "chaya"),
    # places
    ("I cancel it myself? I live on Guemes Island.", "Guemes Island"),
    ("Lives 539 W 163rd St, Apt 22, New York 10032. Medicaid", "New York"),
    ("e-bike collision with a van on 4th Ave and 52nd St. Injuries", "4th Ave and 52nd St"),
    ("friend Smokey at the camp on SE 82nd and Foster says no.", "SE 82nd and Foster"),
    # dates
    ("ESRD on HD at Wilcox Dialysis -- last tx 3/8; reportedly missed", "3/8"),
    ("Cellulitis margin marked 12/8 -- today ~1 cm inside", "12/8"),
    ("APOL1 high-risk genotype (G1/G2, tested 2023-11), in-center HD", "2023-11"),
    ("Last UDS 2/27 pos: methadone, EDDP.", "2/27"),
    ("Date/time: Mon 1-13 @ 4:47p", "Mon 1-13"),
    ("alcohol use. Seen here 3/5 after husband called", "3/5"),
    ("her due date is 8/9. will the baby be taken away", "8/9"),
    ("Pt had chest pain and dizziness after Nochebuena dinner.", "Nochebuena"),
    ("m, 2 films daily (16 mg). UDS 12/2: bup +, norbup +", "12/2"),
    ("Newborn screen #1 6/5 and #2 6/18: normal", "6/5"),
    ("Facility: Kootenai Health, in Coeur d'Alene with a script", "Coeur d'Alene"),
    ("I play football at MVSU. I had rhabdo", "MVSU"),
    ("temps to 100.6 at home in dorm (Nygaard Hall rm 314). Roommate", "Nygaard Hall rm 314"),
    ("Home: Fire No. 4471 Co Rd 2, Two Harbors MN 55616", "Fire No. 4471 Co Rd 2"),
    ("Target Logistics lodge, Bldg C Rm 214, Arnegard ND", "Bldg C Rm 214"),
    ("Development: Dyckman Houses, Bldg 4, Apt 11C", "Dyckman Houses, Bldg 4, Apt 11C"),
])
def test_found(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    # facilities of no place
    "PT Evaluation and Treatment ordered.",
    "Plan: Refer to ENT for Evaluation and Treatment.",
    "Called the National Suicide Crisis Line.",
    "Call your Area Agency on Aging.",
    "Sub-Acute and Post-Acute options discussed.",
    "High Risk Pool coverage.",
    "CRISIS STABILIZATION UNIT -- DISCHARGE",
    # school numbers that are settings, scores or postscripts
    "Vent settings: CPAP with PS 10 and PEEP 5.",
    "Karnofsky PS 90, ECOG 1.",
    "Thanks! P.S. 2 more questions about my meds.",
    "MS 2 lesions on MRI",
    # dates that are scores, doses, amounts, hours, 'due to', spans of years
    "Last Pain 3/10.",
    "Prior MoCA 12/30.",
    "Next Dose 1/2 tab.",
    "Hours: Mon 9-5, Tue 9-5, Sat 10-2.",
    "Group meets Tue 6-8 at the church.",
    "Viewing Fri 5-7 PM at chapel.",
    "Placed 2-3 sutures.",
    "Tx 1-2 puffs prn.",
    "Tx 2/2 pneumonia.",
    "Vaccinated 2/3 series.",
    "Seen again 2-3 mo.",
    "Lived in Ohio (2010-12).",
    "the 2011-12 season (2011-12)",
    # numbers of a measure beside ages, fevers and saturations said of a person
    "Tolerated well for 90 minutes.",
    "Walked well for 100 ft with walker.",
    "Gave motrin at 6. He's still 102.",
    "They're only 91 so we increased O2.",
    "Veteran is 100 (P&T).",
    "Happy 100th day of school, we celebrated.",
    # dotted abbreviations that are no one's initials
    "S.I. is denied.",
    "A.A. has helped him stay sober.",
    "J.P. was removed.",
    "The U.S. has many",
    # words after a card, a job, a label
    "She got a job 300 miles away.",
    "Scanned barcode 0378-1805-10 for metoprolol.",
    "Recip 2x/week.",
    "ID f/u in 2 weeks",
    "ID 14 days of ceftriaxone",
    "This is a follow up call, Hola.",
    "I'm an RN, Kaiser, and work nights.",
    "Mom reports BF Going well.",
    "referred to Prosthetics clinic tomorrow",
    "Motor 4/5: weak",
    "CAGE 2/4: positive screen",
    "HIV 1/2 antibody",
    "progression to LVH",
    "Building 3 has the MRI",
    "the fire number is unknown",
    "i'm retired, 67. Since I retired I walk.",
    "pain? it's bad, 8.",
    "Hepatitis panel, HIV 1/2, RPR all negative.",
    "Synvisc injection 2/3, tolerated well.",
    "Blood culture 1/2: GPC in clusters.",
    "Strength tested 4/5 in all extremities.",
    "time from FMC to PCI 70 minutes",
    "UTI confirmed by MSU.",
    "Maintained on Depakote DR and Keppra XR.",
    "Biopsy of Axillary LN and Breast mass.",
    "growth of S Aureus and E Coli",
    "Findings on Head Ct and Chest Xray",
    "ID B12 level low.",
    "Follow up Family Medicine PC.",
    "Per foreman OSHA requires a harness",
    # blind51/52's changed hard negatives, mended after their sealed scoring
    "What is the difference between a Kennedy terminal ulcer and a stage 4 pressure injury?",
    "Will my Lichtenberg figures leave a scar?",
    "Is levothyroxine 100 mcg affected by acetazolamide?",
    "How often is a face-to-face encounter required after the third benefit period?",
    "Melanoma, Breslow 1.2 mm, Clark level IV",
    "COHb 28% on arrival",
])
def test_left_alone(scrubber: Scrubber, text: str) -> None:
    assert scrubber.find(text) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("my husband pedro de vacaciones", "vacaciones"),
    ("DISCHARGE INSTRUCTIONS\n312 Broad Ave", "DISCHARGE INSTRUCTIONS"),
    ("CARDIOTHORACIC SURGERY\n1200 Main Street", "CARDIOTHORACIC SURGERY"),
    ("PODIATRIC MEDICINE\n1200 Main Street", "PODIATRIC MEDICINE"),
    ("Seen by Ortho and Plastics Dr. Chen", "Ortho and Plastics"),
    ("my wife zhang li bu hao", "hao"),
    ("92 y/o M, HR around 110", "110"),
    ("91 yo M; glucose about 110 this morning", "110"),
    ("93 yo F, febrile, about 101 F.", "101"),
])
def test_words_after_a_find_stay(scrubber: Scrubber, text: str, kept: str) -> None:
    """A chat word after a name, a vital sign after an age: not taken with what is before."""
    start = text.rindex(kept)
    assert not any(s.start < start + len(kept) and start < s.end for s in scrubber.find(text))
