"""Session 26 mechanisms: centres named 'for' a people or a cause; a nickname in quotes inside
a name (a single letter, capitals, lower case); a given name before 'my wife'; kin words of
South Asian, Arabic and northern European families; agencies on aging, community-action
agencies, electric cooperatives and hospitals written 'Hosp.'; clinics named by a number;
letterheads in capitals named by a lake's or a town's word; centres of a state; facility
tails (a specialty, a police, funds); organizations of a region; saints' whole names; works
after an employer; East Asian hyphenated given names; Korean dates; residence-hall rooms;
lower-case initials; code prefixes before a colon; and the text each must leave alone."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text import Scrubber
from veil.text.spans import PhiType

_SCRUBBER = Scrubber()


@pytest.mark.parametrize(("text", "value"), [
    ("Index referred to linkage: Center for Haitian Studies ID clinic, first appt",
     "Center for Haitian Studies"),
    ("Dr. Priya Venkataraman\nSoutheastern Center for Gender Surgery\n5673 Peachtree Rd NE",
     "Southeastern Center for Gender Surgery"),
    ("Called Journey Center for Safety and Healing hotline, bed available",
     "Journey Center for Safety and Healing"),
    ('PATIENT NAME: AUGUSTUS "GUS" MCCRAW   DATE OF VISIT: FEBRUARY 6, 2024',
     'AUGUSTUS "GUS" MCCRAW'),
    ('Navigator: Jermaine "J" Favrot   Client: Darius Holloway-Pierre', 'Jermaine "J" Favrot'),
    ('pt marcus "mo" delacroix (DOB 10/01/1990, mrn 4471)', 'marcus "mo" delacroix'),
    ("Can Nasreen, my wife, go to Lahore for 6 months?", "Nasreen"),
    ("I am calling about Pedro, my husband.", "Pedro"),
    ("My thatha Thangavel had tenecteplase on March 11", "Thangavel"),
    ("my khala Rubina called the clinic", "Rubina"),
    ("EMERGENCY DEPT -- Upper Connecticut Valley Hosp. / tele-ED backup",
     "Upper Connecticut Valley Hosp"),
    ("medical priority list with Pemiscot-Dunklin Electric Cooperative; account given",
     "Pemiscot-Dunklin Electric Cooperative"),
    ("assistance provided twice by Daniel Boone Community Action van.",
     "Daniel Boone Community Action"),
    ("in Kentucky Medicaid NEMT - LKLP Community Action transit", "LKLP Community Action"),
    ("Referral to Southern Maine Agency on Aging family caregiver program",
     "Southern Maine Agency on Aging"),
    ("living in Birmingham, and the 1917 Clinic says I need a CD4 count", "1917 Clinic"),
    ("1917 CLINIC | UNIVERSITY OF ALABAMA AT BIRMINGHAM\nHIV Outpatient Clinic", "1917 CLINIC"),
    ("CHAMPLAIN VALLEY FAMILY CARDIOLOGY\n75 Beekman Street, Suite 210\nPlattsburgh, NY",
     "CHAMPLAIN VALLEY FAMILY CARDIOLOGY"),
    # second batch: centres of a state, tails of a facility's name, regional organizations,
    # saints' whole names, works after an employer
    ("preservation was completed at Fertility Centers of Illinois prior to surgery",
     "Fertility Centers of Illinois"),
    ("Phone msg -- front desk, Trumbull Regional Radiation Oncology",
     "Trumbull Regional Radiation Oncology"),
    ("campus police escort (Lakeshore University Police, Ofc. R. Dombrowski)",
     "Lakeshore University Police"),
    ("asked if the UMWA Health & Retirement Funds card covers radiation",
     "UMWA Health & Retirement Funds"),
    ("referred to Cancer Support Community of Greater Pittsburgh.",
     "Cancer Support Community of Greater Pittsburgh"),
    ("volunteers on Sundays after Mass at St. Michael the Archangel. Son Greg drives",
     "St. Michael the Archangel"),
    ("transportation ministry, St. Rose of Lima parish, Girard", "St. Rose of Lima"),
    ("insulation, then 12 years at Elk Run coal prep plant). Receiving nivolumab",
     "Elk Run coal prep plant"),
    ("my car is a grey Civic with plates DL 48 992. What do I do?", "DL 48 992"),
    ("Return from Medical Leave -- Kang, Seo-yeon -- student", "Kang, Seo-yeon"),
    ("Jae-won Park, 18, first-year", "Jae-won Park"),
    ("Student: Kim Ji-ho   DOB: 2006. 3. 15.   MRN: HCU-0224410", "2006. 3. 15"),
    ("Jae-won Park, 18, first-year, Leland House 412. RA reports", "Leland House 412"),
    ("radiator heat in Allison Hall, 3W-09). Mood: anxious", "Allison Hall, 3W-09"),
    ("Ronald McDonald House room 312; dad goes back to work", "room 312"),
    ("Caller: RA Summer Kowalczyk, Leland House 4th floor", "Leland House 4th floor"),
    ("2/6/25 @ 16:42     Taken by: lindsey b., RN", "lindsey b"),
    ("DOB 6/30/1963   MRN FMC:0099-2185", "FMC:0099-2185"),
    ("Performed by: Hannah Greer, PharmD, APh; supervised by the attending", "Hannah Greer"),
    ("ATC: Crystal Redbird", "Crystal Redbird"),
    ('Her coach, Will Hartigan, reportedly told the team to "eat clean."', "Will Hartigan"),
    ("Charge RN: Autumn Lee\n\nRegimen: paclitaxel 175 mg/m2", "Autumn Lee"),
    ("says my next shipment is 9/5. What if it's late?", "9/5"),
    ("Christopher Adams but I go by Crystal. The pharmacy", "Crystal"),
    ("Montgomery Voss (chosen name Rowan, they/them)", "Rowan"),
    ('patient requests her preferred name "Dre" be used', "Dre"),
    ("legal for my athletic trainer, Crystal, to tell my coach", "Crystal"),
    ("athletic trainer Crystal Redbird give him ibuprofen", "Crystal Redbird"),
    ("Log taken by R.M. (operator #4471)", "R.M"),
    ("Saturday 3/1, a male rower (H.L.) had sex with her", "H.L"),
    ("msg taken by front desk (kiara) 4/9 9:52am", "kiara"),
    ("caller = shefali das (daughter-in-law / caregiver)", "shefali das"),
    ("dictated by erin mcguire rrt / reviewed dr patel", "erin mcguire"),
    # fourth batch: a month alone after 'due' or before 'visit'; hedged ages in words; towns
    # with an apostrophe; capitals named '... City' after a country's name
    ("THDAP recert due Dec - Luz (CM) to help.", "Dec"),
    ("pt to recheck at Feb visit per NP", "Feb"),
    ("HIV-negative Jan - on PrEP via the clinic", "Jan"),
    ('applicant age stated as "ninety or ninety-one," birth date as per passport',
     "ninety or ninety-one"),
    ("Do we still have our cat at home in O'Fallon?", "O'Fallon"),
    ("moved to Coeur d'Alene last year", "Coeur d'Alene"),
    ("My mother is calling from Mexico City at night", "Mexico City"),
    ("can we meet tomorrow 2pm at the clinic on N Rampart?", "N Rampart"),
    # third batch: three-letter medical-centre acronyms, a brand heading a consult
    ("-- aware and meeting at BMC\n\nREASON FOR TRANSFER", "BMC"),
    ("PSYCHIATRY C-L CONSULT\nCedars-Sinai, 5 North Medicine\nDate 7 Jan 2025",
     "Cedars-Sinai"),
])
def test_found(text: str, value: str) -> None:
    assert covered(_SCRUBBER, text, value), (text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("reported to the Centers for Medicare & Medicaid Services last year", "Medicaid Services"),
    ("University of Texas and Dr Smith reviewed", "and"),
    ("Hey, my wife had her IUD placed", "Hey"),
    ("Sorry, my husband forgot the list", "Sorry"),
    ("Update, my husband is home", "Update"),
    ("We are Rohingya, my daughter is 3", "Rohingya"),
    ("Bonjour, my father is 91", "Bonjour"),
    ("Brief Hosp. course: uneventful", "course"),
    ("She signed a Durable Power of Attorney for Health Care.", "Durable Power of Attorney"),
    ("Health Care Power of Attorney on file", "Power of Attorney"),
    ("Referral to the Area Agency on Aging for meals", "Area Agency on Aging"),
    ("He has found a Higher Power through AA", "Higher Power"),
    ('where Ike "froze" mid-sentence for ten minutes', "mid-sentence"),
    ('Grade "A" today', "A"),
    ("the 2023 Clinic visit was missed", "2023 Clinic"),
    ("at the 1930 Clinic Guidelines meeting", "1930 Clinic"),
    ("patient with Kerlix Packing changed daily", "Kerlix Packing"),
    ("the Center of Excellence for the center of mass", "Center of Excellence"),
    ("Tumors of Central Nervous System: classification", "Central Nervous System"),
    ("Mercy Hospital works with us on discharge", "works"),
    ("Mercy Hospital plant-based diet handout", "plant-based"),
    ("City Hall 2024 budget vote", "2024"),
    ("Town Hall 300 people attended", "300"),
    ("the Lee Walk-in clinic", "Walk-in"),
    ("Kroc Center for Zumba twice a week", "for Zumba"),
    ("Tomás Echeverría, PharmD, APh   CA APh lic RPH 71833", "CA APh"),
    ("Hodgkin\ndisease stage II", "Hodgkin"),
    ("step-off at the CMC joint. Transverse fracture", "CMC"),
    ("door-to-balloon: time from FMC to PCI 70 minutes", "FMC"),
    # the review's families: purposes and scales after 'Center for', dotted list numbers,
    # towers and public halls, clinic slots, products before 'my husband', run-on hyphen
    # words, sports gear after a role, orthopaedic plates, power devices, generic agencies
    ("Use the Center for Epidemiologic Studies Depression Scale (CES-D)", "Center"),
    ("Seen at Urgent Care Center for Ankle Sprain", "Ankle Sprain"),
    ("Schedule at Infusion Center for Iron Sucrose 200 mg", "Iron Sucrose"),
    ("Sent to Wound Center for Hyperbaric Oxygen", "Hyperbaric Oxygen"),
    ("National Center for Health Statistics data", "Health Statistics"),
    ("the Center for Sleep Medicine", "Sleep Medicine"),
    ("1. DM2, diagnosed 2015. 2. 10 units glargine", "2015. 2. 10"),
    ("J Korean Med Sci. 2006. 3. 15(2): 100-5", "2006. 3. 15"),
    ("Patient moved to East Tower 7W-09 for telemetry", "7W-09"),
    ("Rehab Tower 412 bed B", "412"),
    ("Hospitality House 120 beds", "120"),
    ("Eiffel Tower 300 meters", "300"),
    ("Scheduled in the 1030 Clinic slot", "1030"),
    ("The 1000 Clinic is booked", "1000"),
    ("The 504 Clinic plan", "504"),
    ("We switched to Prolia, my husband prefers it", "Prolia"),
    ("With Aetna, our son is covered", "Aetna"),
    ("Bring Nana, my grandmother, to the visit", "Nana"),
    ("Received Tui-na Ma massage", "Tui-na"),
    ("Hwa-byung Lee syndrome was considered", "Hwa-byung"),
    ("Do Re-eval in 2 weeks", "Re-eval"),
    ("Struck by teammate Hockey puck", "Hockey"),
    ("Trainer Gatorade given", "Gatorade"),
    ("ATC Code J01CA04", "Code"),
    ("Plates: Synthes LCP 8H", "LCP"),
    ("Plates AO 3.5", "AO"),
    ("PowerPICC and Power Port placed", "Power Port"),
    ("at Nuclear Power Station", "Power"),
    ("Discussed Community Action programs", "Community Action"),
    ("Referred to the County Agency on Aging", "Agency on Aging"),
    ('dr lee "no" anticoagulation', "anticoagulation"),
    ("Uses Ammi visnaga herbal remedy", "visnaga"),
    ("sats ninety to ninety-five percent on room air", "ninety to ninety-five"),
    ("from New Mexico on Tuesday", "New Mexico"),
    ("placed on E Coli precautions", "E Coli"),
    ("started on S Aureus coverage", "S Aureus"),
])
def test_left_alone(text: str, value: str) -> None:
    spans = _SCRUBBER.find(text)
    start = text.index(value)
    assert not any(s.start < start + len(value) and s.end > start for s in spans
                   if s.type is not PhiType.DATE), (text, value)
