"""Session 24 mechanisms: columns of a table named by what people do in them ('Observer
(initials)', 'Given by', 'Worker') or by when ('Next due', 'Last fill'); court case numbers;
codes in a series or a range; capital labels before long numbers; boards' licences; the
numbered roads of a rural grid; initials that sign a log entry; an abbreviated first name,
a widow's name and a short middle name; consulates and institutions named in Spanish; and
the text each must leave alone."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text import Scrubber

_FLOWSHEET = (
    "Time  | Location | Behavior | Observer (initials) | Notes\n"
    "07:00 | B        | S        | JH                  | resp regular\n"
    "07:45 | M        | C        | RT                  | ate 50% bkfst\n"
    "08:00 | D        | T        | RT                  | crying\n"
)
_MAR = ("Date | Dose | Given by | Next due\n2/10 | 5 mg | JH | 3/10\n"
        "2/17 | 5 mg | Rhonda Tate | 3/17\n")
_LOG = ("8/12/24 10:02 Caller: mother. Mom informed 10:05. -ck\n\n---\n"
        "8/12/24 13:40 fax # given for subpoena. -ck\n---\nPA form to be faxed. -CK (Carrie "
        "Kowalski RN)\n")


@pytest.mark.parametrize(("text", "value"), [
    (_FLOWSHEET, "JH"),
    (_FLOWSHEET, "RT"),
    (_MAR, "JH"),
    (_MAR, "3/10"),
    ("Date        | Mode | Doses | Side effects | Worker\n3/4 | DOT | 1 | none | Marisol\n",
     "Marisol"),
    ("Fill date | Drug | Filled by\n4/2 | lisinopril 10 mg | Okafor\n", "Okafor"),
    # court case numbers: the year, the kind of case, the number
    ("ARENKO, Respondent        No. 2024 COMH 003817", "2024 COMH 003817"),
    ("Chukwuemeka Obi, Case 23 CR 0914402, MHC Participant No. MHC-1188", "23 CR 0914402"),
    ("Re: People v. Mariusz Gorski, 24 CF 1883 - Request to admit", "24 CF 1883"),
    ("campus police (UIC PD report 24-08817).", "24-08817"),
    ("TOXICOLOGY REPORT  |  Workorder 24-331987", "24-331987"),
    # a code after a name, codes in a series or a range
    ("Counselor: Tamsin Kraus (CC-117)", "CC-117"),
    ("Linked cases: PISP 24-1337 through PISP 24-1351", "PISP 24-1351"),
    ("MRN 4471882, 4471883 and 4471890 share a room", "4471890"),
    # labels no list knows, boards' licences
    ("Bird Orchards & Packing   UBI 602 118 447", "602 118 447"),
    ("Medicaid (Meridian), RIN 512 803 447.", "512 803 447"),
    ("Medical Board of California A 148302", "A 148302"),
    ("Provider # OR 104773", "OR 104773"),
    # numbered roads
    ("event occurred: Block 14, Road 176 & Avenue 24, Kern County", "Avenue 24"),
    ("camp), Road 24 SW, Mattawa", "Road 24 SW"),
    ("Address: Rancho Los Nogales, 21879 Ave 18 1/2, Madera CA 93637", "21879 Ave 18 1/2"),
    # initials that sign a log entry
    (_LOG, "ck"),
    (_LOG, "CK"),
    ("(21) completed separately.\n-- AR", "AR"),
    # an abbreviated first name, a widow's name, a short middle name
    ('Ma. Guadalupe "Lupita" Ríos, promotora / CHW', "Ma."),
    ("| Ma. Elena Ortiz Mejía       | 44  | eye burning |", "Ma. Elena"),
    ("Resident: Eulalia Contreras viuda de Mora   Room 114-B", "viuda de Mora"),
    ("voicemail: pt Li Na Huang states she is not ok", "Li Na Huang"),
    # consulates and institutions named in Spanish
    ("Consulado de México en Portland\nDepartamento de Protección", "Consulado de México"),
    ("Consulate of Guatemala in Seattle informed at pt's request", "Consulate of Guatemala"),
    ("requested by 3 patients: Consulado General de México en Fresno (Protección)",
     "Consulado General de México"),
    ("Para: Médico tratante, Unidad de Medicina Familiar No. 80 (IMSS), Morelia",
     "Unidad de Medicina Familiar No. 80"),
    ("gave card for Centro Binacional para el Desarrollo Indígena Oaxaqueño (CBDIO) line",
     "Centro Binacional para el Desarrollo Indígena Oaxaqueño"),
    # a legend's initials of a name in capitals, or with a credential in mixed case
    ("Legend: ANA LUISA RUIZ (ALR), TOM J KING (TJK)\nTJK assessed.", "\nTJK"),
    ("Received by: Ji-woo Kang, RPh  (JWK)\nJWK verified.", "\nJWK"),
    ("Key: LMK = Lori M. Kinney, RPh; RS = Ruth Sobczak, CPhT.\n[RS] refilled", "[RS]"),
    # a role and initials, a signature in quotes
    ("Customer vehicle noted by tech A.R.: dark sedan", "A.R"),
    ("is it ok that the pharmacy tech (JR) gave me hydroxyzine", "JR"),
    ('only one initial block signed "BW" at 2000.', "BW"),
    # a town named like an eponym where someone lives
    ("She lives alone in Bethesda. Passive thoughts.", "Bethesda"),
    # said aloud: a birth date, a number in Spanish
    ("calling about her, date of birth six twelve seventy seven, we faxed", "six twelve seventy"),
    ("mi número es dos cero ocho siete cuatro cero tres tres ocho seis gracias",
     "dos cero ocho siete cuatro cero tres tres ocho seis"),
    # a chain's kind and store number, a practice's second field, a law office
    ("PLTF-000356     CVS Pharmacy #4412, prescription profile", "CVS Pharmacy #4412"),
    ("Seen at Foggy Bottom Orthopedics & Sports Medicine last week.",
     "Foggy Bottom Orthopedics & Sports Medicine"),
    ("bill to Law Offices of Desmond Kearney ***", "Law Offices of Desmond Kearney"),
    # a lawyer's bar number, a letter's reference, the VA's last four, a national id
    ("Kwame Acheampong, Esq., VSB 81377", "81377"),
    ("Ref. No.: EEW/CON/2024/0419\nDate: 22 April 2024", "EEW/CON/2024/0419"),
    ("HOLLOWAY, CLARENCE E     Last4: H5512     ICN 1013485562V771294", "H5512"),
    ("SSN (last 4 only requested): 4471", "4471"),
    ("attached copy of her DUI 04417832-6 (Salvadoran national ID).", "04417832-6"),
    # a town after a facility, to a bracket or a field's gap; numbered and named agencies
    ("ED PROVIDER NOTE -- Beaumont Hospital, Dearborn  (Corewell Health East)", "Dearborn"),
    ("REFUSAL\nFairlane Senior Care, Dearborn     Unit: 2 West", "Dearborn"),
    ("Referred to Area Agency on Aging 7 for respite.", "Area Agency on Aging 7"),
    ("referred to Community Action Organization of Scioto County transit",
     "Community Action Organization of Scioto County"),
    ("his office at the Embassy of the Republic of Korea, 2450 Massachusetts Ave NW",
     "Embassy of the Republic of Korea"),
    ("Apotheke am Rathaus\nMarktplatz 7, 79098 Freiburg", "Apotheke am Rathaus"),
    ("defense counsel Harold Pugh, Esq.", "Harold Pugh"),
    # an interpreter's given name before the interpreter's number or way of working, or
    # after a language and a dash; the number
    ("Interpreter: Pashto via video, Zalmai #V2281\n\nS: 33 yo man", "Zalmai #V2281"),
    ("Lang: Ukrainian (video interp Olena, #UKR-1187)\n", "Olena, #UKR-1187"),
    ("Interpreter: Dari by phone, Shabnam (LanguageLine ID 283144)\n", "Shabnam"),
    ("interpreter Arabic in person (Samer, #SAN-A-14).", "Samer, #SAN-A-14"),
    ("Interpreters: Dari -- Shabnam ok for Thurs; Swahili -- we can send Amani.", "Shabnam"),
    # (after the sealed scoring) a misspelled month, a school district by its initials
    ("when he was in the hospital on Febuary 11 thru the 14th for pneumonia", "Febuary 11"),
    ("seen Septmber 3, 2024", "Septmber 3, 2024"),
    ("wife Norma has coverage thru PSJA ISD but he is not on it", "PSJA ISD"),
])
def test_found(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    # a list's items, an abbreviation alone on its line, words of a message
    "Plan:\n- NGS (pending)\n- OEF\n- IR aware of plan",
    "labs pending. -am\nwill call back. -ok\nreviewed. -RN",
    "Will check BMP. -BMP",
    # units, code systems and regulations between numbers
    "Per 42 CFR 418.26 and 45 CFR 164.402 no notice is needed.",
    "Infuse 24 HR 1000 mL; then 2019 COVID 1990 cohort",
    "Reference range 12.0 - 15.0 and 0.51 - 0.95 for this assay.",
    # roads of therapy, a count after a capital word
    "Road 2 of therapy was harder than the first.",
    # a table of drugs, a column of a measuring device
    "Drug name | Dose | Route\nLisinopril | 10 mg | PO\nMetformin | 500 mg | PO\n",
    "Time | Total Cl worker | Hardness gpg\n08:00 | 0.02 | 3\n",
    # the review's cases: labs and vitals between numbers after 'no' or 'case'
    "ECG: no acute ST changes. HR 72 PR 160 QRS 88 QT 400 QTc 430",
    "VS: T 37.0 HR 88 RR 18 SBP 120 DBP 80 SpO2 97",
    "No hemolysis. NA 138 K 4.1 CL 101 CO2 24 GLU 110 BUN 15",
    "No growth. Colony count 10 CFU 10000",
    "No restraint use without a physician order per 22 CCR 72319.",
    "Timed coags: 1900 PTT 0100 PTT 0700",
    "NPO after 2000 CT 0700 tomorrow.",
    # trended values, a provider's time, a dietitian, counts
    "SBP 110 125 140 over the last three checks.",
    "CK 512 689 830, trending up.",
    "UOP 300 250 400 mL per shift",
    "Notified provider 1430, no new orders.",
    "Per provider 1000 mL NS bolus given.",
    "Follow up with RD 2 weeks",
    "Road 2 Recovery program referral",
    "Police report 24 hours after event",
    # credentials and agencies in brackets, a form signed, Spanish units of care
    "Surgical tech (CST) and Counselor (LPC) and Staff (MHT), resident (PGY), Officer (CPD)",
    'Patient signed "POA" paperwork.',
    "Follow-up arranged.  -- HLD",
    "Valorado en Unidad de Dolor. Centro Medico.",
    "Culture | Collected | Positive\nBlood | 2/2 | yes\n",
    # eponyms of tests and laws, languages after an interpreter's label
    "Reviewed Neck Disability Index and Oswestry scores; Beck Depression Inventory-II 27.",
    "Jobe empty can test mildly painful; Rey 15-Item Test 13/15 adequate.",
    "Release only with a court order (D.C. Code § 7-1605).",
    "Interpreter: Korean, in person. Interpreter: Mandarin via phone.",
    "What is the Appelbaum standard for capacity? Can Bence Jones proteins show up?",
    "EXAMINATION\nCervical ROM: flexion 45° (normal 50), extension 55°.",
    "AAA 5.2 cm on CT; replace AAA 3 batteries in the monitor.",
    # the second review's cases: eponyms after 'from' or before a comma, gestational ages
    # and birth order, counting aloud, a group under an owner's column, ranges into years
    "Urine output from Foley, 40 mL/hr. Hypokalemia from Cushing, awaiting surgery.",
    "Devices: Foley, IV, SCDs. Wells, PE unlikely. Upgraded from Forrest IIa to Forrest Ib.",
    "Born thirty two weeks, birth weight 1.8 kg. Born sixth of seven children.",
    "Contar: uno, dos, tres, cuatro, cinco, seis, siete.",
    "Task | Owner | Due by\nLine care | Vascular Access | Tomorrow Morning\n",
    "Walmart store 2 miles away.",
    "Interpreter: Spanish, in person. Interpreter used via phone; Pashto - Declined.",
    "interpreter: Mother, by phone; Sister via phone",
    "Call the ISD office; our local ISD nurse agreed.",
    "Bar graph shows 12 times; reference range 3-5; last 4 weeks stable.",
    "Task | Observer | Result\nBath | Sitter | done\nWalk | Security | done\n",
])
def test_left_alone(scrubber: Scrubber, text: str) -> None:
    found = scrubber.find(text)
    assert found == [], [(s.type, text[s.start:s.end]) for s in found]
