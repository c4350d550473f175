"""Session 27 mechanisms: a chain's store on its street or after a pharmacy label, a brand's
doctor, member or requisition; the pronouns and conjunctions WordNet leaves out (never a
facility's or a person's name); a hyphenated surname with a capital after its hyphen; labels
of capital groups after what they label; practices of a region; reproductive-care and eye
practices; a centre's field; cities abroad with an apostrophe or without 'Ciudad'; sign-off
initials; cryostore positions; quoted chosen names; Catalan, Hebrew and Mexican streets; a
surrogate's name; and the text each must leave alone (most of it from two reviews)."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text import Scrubber
from veil.text.spans import PhiType

_SCRUBBER = Scrubber()


@pytest.mark.parametrize(("text", "value"), [
    ("Can a pharmacy refuse? The CVS on Aramingo Ave told me they were out.", "CVS"),
    ("because pharmacy (CVS on 14th & U) said prior auth expired.", "CVS on 14th & U"),
    ("Pharmacy: CVS, refills sent", "CVS"),
    ("twice daily for 5 days to your CVS. Also phenazopyridine", "CVS"),
    ("Why does my Kaiser doctor in Vancouver WA want a sleep study", "Kaiser"),
    ("Lab: Quest acc WN188302Q.", "Quest"),
    ("culture swab sent (Quest req # QD-5503118).", "Quest"),
    ("My pharmacist Yer Her-Lor told my grandma to stop meloxicam", "Yer Her-Lor"),
    ("Cane T5-C3-K12 contains 1 straw", "T5-C3-K12"),
    ("labels ZW-LX-19-B1, ZW-LX-19-B3. Created", "ZW-LX-19-B3"),
    ("Embryo to use: AS-24-E3 (PGT-A euploid)", "AS-24-E3"),
    ("at your facility (embryo IDs MHF-MZ-03 and MHF-MZ-05), created", "MHF-MZ-05"),
    ("remaining donor vials: 3 (stored T1-C4-K02).", "T1-C4-K02"),
    ("Per records from Eye Associates of New Mexico (Santa Fe), last SD-OCT",
     "Eye Associates of New Mexico"),
    ("discussed with Dr. Rostami (Retina Consultants of Arizona, Phoenix)",
     "Retina Consultants of Arizona"),
    ("My surgery is at Eye Physicians of the Southwest on 12/3.",
     "Eye Physicians of the Southwest"),
    ("Cascadia Cryobank, Portland OR", "Cascadia Cryobank"),
    ("the agency (Deseret Family Surrogacy) has it", "Deseret Family Surrogacy"),
    ("deposited with the escrow agent, SeedTrust Escrow, account", "SeedTrust Escrow"),
    ("Is there an age limit for IVF at University of Utah Center for Reproductive Medicine?",
     "University of Utah Center for Reproductive Medicine"),
    ("We're IPs in Ra'anana. Can our baby get Israeli citizenship?", "Ra'anana"),
    ("I'm a US citizen but live in Juárez? My son is blind in one eye", "Juárez"),
    ("Coordinator sign-off: KL 7/24/24", "KL"),
    ("Tech on log: KB\n\n| # | Patient |", "KB"),
    ("Transferred to the donor program pt. Corrected 9/25 JL.", "JL"),
    ("Kidney Specialists of Southern Nevada called", "Kidney Specialists of Southern Nevada"),
    ("used my name at Bartell Drugs on Rainier Ave S. Could that", "Rainier Ave S"),
    ("- Care manager Nakamura-san at the centre", "Nakamura-san"),
    ("| KJA-0612-E2  | 5   | 4A | CT-77412-01 | T3-C5-K22   |", "T3-C5-K22"),
    ("MRN MVE-100433\nMesilla Valley Eye, Las Cruces", "Mesilla Valley Eye"),
    ("at PSFI in tank position Dewar 6 / Can 2 / Cane 41 per their statement",
     "Dewar 6 / Can 2 / Cane 41"),
    ("stored Tank 2 can A cane 9.", "Tank 2 can A cane 9"),
    ("location CRP Tank 7 / canister 4 / goblet 2", "Tank 7 / canister 4 / goblet 2"),
    ('Chen Meiling (preferred name "May")     MRN: WRC-0092231', "May"),
    ('Pt Kevin Ochoa-Luna (prefers to be called "K.O."), 20M, sophomore', "K.O"),
    ("our surrogate Jessamyn had a bleed", "Jessamyn"),
    ("bosun on bulk carrier Arcadia Dawn. MRN 00-3318-274.", "Arcadia Dawn"),
    ("Galley cook, cruise ship Azure Promenade, disembarked", "Azure Promenade"),
    ("exam today / MV KESTREL BAY / berth 3", "KESTREL BAY"),
    ("Agent Hampton Roads Ship Agency (Keith Arrington)", "Hampton Roads Ship Agency"),
    ("at Seagirt Marine Terminal. Honduran.", "Seagirt Marine Terminal"),
    ("P&I club: Nordhavn Mutual P&I, club ref 0613.", "Nordhavn Mutual P&I"),
    ("07/02/2021 10:14  inbound  [csr tamara g]\nPt called", "tamara g"),
    ("1. dewi kartika - fever 38.2\n2. cough", "dewi kartika"),
    ("domiciled at Carrer de Provença 214, 3r 1a, 08036 Barcelona",
     "Carrer de Provença 214, 3r 1a"),
    ("courier to Rehov Moriah 56, apt 7, Haifa 3457112.", "Rehov Moriah 56"),
    ("vive en Calle de Alcalá 120, 4º B, 28009 Madrid", "Calle de Alcalá 120, 4º B"),
    ("Blvd. Kino 1012, Col. Pitic, Hermosillo", "Blvd. Kino 1012"),
])
def test_found(text: str, value: str) -> None:
    assert covered(_SCRUBBER, text, value), (text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("because pharmacy (CVS on 14th & U) said prior auth expired.", "because pharmacy"),
    ("CVS on exam: RRR, no murmur.", "CVS"),
    ("Heart: CVS on auscultation normal", "CVS"),
    ("Will my Swedish insurance card work here?", "Swedish"),
    ("since pharmacy is closed we called", "since pharmacy"),
    ("without pharmacy input the dose was doubled", "without pharmacy"),
    ("The signed WH-380-F form is enclosed.", "WH-380-F"),
    ("update the Wisconsin WKC-16-B form accordingly", "WKC-16-B"),
    ("fusion C5-C6-C7 stable; staged T2-N1-M0", "C5-C6-C7"),
    ("fusion C5-C6-C7 stable; staged T2-N1-M0", "T2-N1-M0"),
    ("PC-PTSD-5 = 4, EQ-5D-5L completed", "PC-PTSD-5"),
    ("PC-PTSD-5 = 4, EQ-5D-5L completed", "EQ-5D-5L"),
    ("gender incongruence (ICD-10-CM F64.0)", "ICD-10-CM"),
    ("quitline 1-800-QUIT-NOW.", "1-800-QUIT-NOW"),
    ("HISTORY: 35-YEAR-OLD WOMAN, ARMY VETERAN", "35-YEAR-OLD"),
    ("Not eligible for AK-LUNG-07 trial", "AK-LUNG-07"),
    ("Room: 4W-418-B Admit Date: 10/14/2025", "4W-418-B"),
    ("BI-RADS-4 lesion, LI-RADS-5 nodule", "BI-RADS-4"),
    ("the Associates of the patient were present", "Associates"),
    ("Physicians of the future must learn this", "Physicians"),
    ("Female Fertility Preservation counseling done", "Fertility"),
    ("Gestational Surrogacy Agreement signed", "Surrogacy"),
    ("seen at Mercy Center for Evaluation", "Evaluation"),
    ("Reviewed 9/25 ECG unchanged.", "ECG"),
    ("Corrected 9/25 OK.", "OK"),
    ("Sign-off: RN", "RN"),
    # from the review: leads, stages, grades, assays and regimens out of a label's place
    ("GCS 15 (E4-V5-M6) on arrival", "E4-V5-M6"),
    ("ECG leads V4-V5-V6 ST elevation", "V4-V5-V6"),
    ("Triple negative: ER-PR-HER2 negative", "ER-PR-HER2"),
    ("sample HSV-1-2 PCR pending", "HSV-1-2"),
    ("staged T1A-N0-M0 after resection", "T1A-N0-M0"),
    ("Blastocyst 4-A-B transferred", "4-A-B"),
    ("embryo 4AA-5AB-3BB graded today", "4AA-5AB-3BB"),
    ("Regimen FOLFOX-6-M cycle 3", "FOLFOX-6-M"),
    ("CVS on Telemetry: sinus rhythm", "CVS"),
    ("CVS on Milrinone and Lasix", "CVS"),
    ("CVS on 2nd review normal", "CVS"),
    ("Thrombus in the left atrium location confirmed on TEE", "atrium"),
    ("Quality: Sharp Location: lower back", "Sharp"),
    ("she is an active Methodist member", "Methodist"),
    ("talk to your Advocate at the bank", "Advocate"),
    ("She went back to her Baptist church for support.", "Baptist"),
    ("Lupron IVF trigger used", "Lupron"),
    ("AMH Fertility workup", "AMH"),
    ("Clearblue Fertility monitor", "Clearblue"),
    ("Mexico Surrogacy is illegal", "Mexico"),
    ("Sexual Partners of the Delta variant case", "Partners"),
    ("Specialists of Texas? She could not recall", "Specialists"),
    ("Consultants of the East", "Consultants"),
    ("Pharmacist Re-Check of doses", "Re-Check"),
    ("Pharmacist Co-Pay assistance", "Co-Pay"),
    ("Pharmacist FlexPen teaching", "FlexPen"),
    ("Dx: Pink Eye, Lazy Eye, Dry Eye, Thyroid Eye disease", "Eye"),
    ("Cardiac Solutions were given IV", "Solutions"),
    ("switched to Plasmalyte Solutions overnight", "Plasmalyte"),
    ("Per Hospital Courier, the specimen arrived", "Courier"),
    ("Hx of Kearns-Sayre Eye.", "Eye"),
    ("Ozurdex Eye.", "Ozurdex"),
    ('Prefers "Morning" appointments. Morning labs drawn.', "Morning"),
    ('Prefers "Spanish" for all visits', "Spanish"),
    ("Vaccines stored in Freezer 2, Rack 3", "Freezer"),
    ("Slot 4 position 2 tracking error", "Slot"),
    ("Sector de Urgencias 3", "Urgencias"),
    ("Calz. Ortopedico 42", "Ortopedico"),
    ("The donor Kidney was placed", "Kidney"),
    ("small vessel Disease on MRI", "Disease"),
    ("MV Repair planned for spring", "Repair"),
    ("the vessel Wall was thickened", "Wall"),
    ("bleeding vessel Kiesselbach's plexus", "Kiesselbach"),
    ("the P&I club pays", "P&I"),
    ("smokes reefer Daily", "Daily"),
    ("[see a] and [mark b] per protocol", "see a"),
    ("1. left knee -- swelling\n2. chest pain -- resolved", "left knee"),
    ("3. mark lesion -- biopsy", "mark lesion"),
    ("Pt works on a tug Boat", "Boat"),
    ("Oxygen tank 2 L, cane 1 prn", "tank"),
    ("rack 2 of the dishwasher", "rack"),
    ('pt prefers "Mom" to be called', "Mom"),
    ('he prefers "Sir"', "Sir"),
    ('prefers "Tylenol" over ibuprofen', "Tylenol"),
    ("Blvd. Glucose 120 at noon", "Glucose"),
])
def test_left_alone(text: str, value: str) -> None:
    spans = _SCRUBBER.find(text)
    start = text.index(value)
    assert not any(s.start < start + len(value) and s.end > start for s in spans
                   if s.type is not PhiType.DATE), (text, value)
