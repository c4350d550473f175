"""Session 18 mechanisms: Spanish addresses as Puerto Rico and Mexico write them, ages over
89 in Spanish and Portuguese digits, compound surnames of everyday words, Karen, Burmese and
Hmong names by their syllables, the words left around a found facility, street crossings,
roads and directions, towns after a road, ages of relatives, employer tax numbers, letters
drawn like digits; and the text each of them must leave alone."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text import Scrubber


@pytest.mark.parametrize(("text", "value"), [
    # Spanish neighbourhoods, streets and buildings, numbers after them
    ("Vive en Urb. Villa Carolina, Calle 45 Bloque 12 #7, Carolina.", "Urb. Villa Carolina"),
    ("Vive en Urb. Villa Carolina, Calle 45 Bloque 12 #7, Carolina.", "Calle 45 Bloque 12 #7"),
    ("Dirección: Bo. Helechal, Carr. 152 Km 4.7, Barranquitas PR 00794", "Bo. Helechal"),
    ("Dirección: Bo. Helechal, Carr. 152 Km 4.7, Barranquitas PR 00794", "Carr. 152 Km 4.7"),
    ("Vive en Col. Centro, Calle Benito Juárez #123, Tijuana", "Calle Benito Juárez #123"),
    ("Res. Luis Llorens Torres Edif 45 Apt 872", "Res. Luis Llorens Torres Edif 45 Apt 872"),
    ("lives at Ave. Ponce de León 1203, Santurce", "Ave. Ponce de León 1203"),
    ("Address: URB LAS LOMAS CALLE 3 #45", "URB LAS LOMAS"),
    ("mailing: Carretera PR-2 km 12.3, Barrio Sabana", "Carretera PR-2 km 12.3"),
    # ages in Spanish and Portuguese digits after a verb of age, 'a los' or a person
    ("Tengo 98. Mi abuela murió a los 94, en Ponce.", "98"),
    ("Tengo 98. Mi abuela murió a los 94, en Ponce.", "94"),
    ("Es una señora de 94. Vive sola.", "94"),
    ("A avó tinha 96 anos quando caiu.", "96"),
    ("Mi papá ya cumplió 101.", "101"),
    ("su madre murió a los noventa y dos.", "noventa y dos"),
    # compound surnames of everyday words after strong context
    ("Name: Tristan Her Many Horses       DOB: Oct 2, 2010", "Tristan Her Many Horses"),
    ("lives with grandmother Marlene Her Many Horses in Antelope", "Marlene Her Many Horses"),
    ("Member: Travis Not Afraid\nMedicaid ID: MT0061482290", "Travis Not Afraid"),
    ("Student: Jaylen Takes The Gun     Gr 9", "Jaylen Takes The Gun"),
    ("MOTHER: Shaylee Bird In Ground, 22 yo", "Shaylee Bird In Ground"),
    ("grandmother Evangeline Pretty On Top 406-639-2237.", "Evangeline Pretty On Top"),
    # Karen, Burmese and Hmong names by their syllables
    ("Interpreter: Karen/Burmese - Naw Paw Say (agency)", "Naw Paw Say"),
    ("Hi, I'm Pa Nhia. My daughter has asthma", "Pa Nhia"),
    ("My 9yo Saw Eh has asthma, we live in Cleveland", "Saw Eh"),
    # facilities: the words left around a found name, a federal system's hospital by its town
    ("Address ......... Target Logistics lodge, Bldg C Rm 214", "Target Logistics lodge"),
    ("Hughes County Extension Office\n3800 E Hwy 34, Suite 2, Pierre",
     "Hughes County Extension Office"),
    ("Attending Riverside University High School, 10th grade",
     "Riverside University High School"),
    ("PCP: Progressive Community Health Centers, fax 414-882-2151.",
     "Progressive Community Health Centers"),
    ("ED PROVIDER NOTE\nChildren's Hospital of Michigan - Emergency",
     "Children's Hospital of Michigan"),
    ("WIC (East Chicago WIC) notified", "East Chicago WIC"),
    ("Bradley Tech High School SBHC (operated by", "Bradley Tech High School SBHC"),
    ("my grandma and the IHS in Pine Ridge wants to put her", "IHS"),
    # streets: crossings with a direction, a direction or a flat after the street, roads
    ("GSW at a block party near Linwood and W. Davison. Per medics", "Linwood and W. Davison"),
    ("on August 9 near E. 105th and St. Clair. You had", "E. 105th and St. Clair"),
    ("staying at a motel on 10th Ave S; her cell", "10th Ave S"),
    ("400 Mack Ave, Suite 1 East, Detroit MI 48201", "400 Mack Ave, Suite 1 East"),
    ("Address verified: 5247 N. Milwaukee Ave, 3R, Chicago, 60630", "3R"),
    ("rollover on Hwy 59 south of Bishop Rd, ejected", "Hwy 59 south of Bishop Rd"),
    ("collision on US-83 near Stapleton; other vehicle", "US-83 near Stapleton"),
    ("meet ambulance en route on WY 120. RN called", "WY 120"),
    ("she lives 14 mi out on a BIA road (BIA Rte 7, 2nd place past", "BIA Rte 7"),
    ("We live on Wildemere in Detroit and the city", "Wildemere"),
    ("The former home at 12610 Mendota had a lead hazard", "12610 Mendota"),
    # towns after a road or a capital verb of care
    ("can't get to the clinic this week cuz the road to Busby is bad", "Busby"),
    ("Medevac to Nome on arrival.", "Nome"),
    # ages: lived to be, someone, a relative is
    ('"My mother lived to be 102 and she never took a pill," she says', "102"),
    ("new confusion in someone 91 can be an infection", "91"),
    ("my granny is like 100 and she keeps giving my baby candy", "100"),
    # numbers: an employer's tax number, a nurse's licence with a suffix, a court case
    ("Employer FEIN: 48-1190327\nInsurer", "48-1190327"),
    ("Paulette Ogunbiyi, RN   WI RN# 244917-30\nDetention", "244917-30"),
    ("County Probate Division, case 2024 P 003317, entered", "2024 P 003317"),
    # plates after a state or province, phones with blanks around the marks
    ("Driver's plate was IL DW 38211. He has", "IL DW 38211"),
    ("unit plate Alberta 8XR-441, trailer", "Alberta 8XR-441"),
    ("callback 773 . 202 . 6519\nPatient", "773 . 202 . 6519"),
    # a facility's branch by its initials or a hyphenated place, a day care, a school joined
    # by 'and', a regional hospital named by a direction
    ("Milwaukee Health Services - MLK on 8/6", "Milwaukee Health Services - MLK"),
    ("PCP: Covenant Community Care - Joy-Southfield\nNurse",
     "Covenant Community Care - Joy-Southfield"),
    ("weekdays at Precious Angels Child Care on Center St", "Precious Angels Child Care"),
    ("Attending Roosevelt College and Career Academy, 10th grade",
     "Roosevelt College and Career Academy"),
    ("need for Riverside University High School? Her name", "Riverside University High School"),
    ("08/27/2019 (outside, Regional West).", "Regional West"),
    ("consent via dad, documented 1/10.\n\nBED 12", "1/10"),
    # a named unit of a place, a practice after a possessive, a fiancée's name
    ("MD (Psychiatry, Foggy Bottom Inpatient Unit)\n", "Foggy Bottom Inpatient Unit"),
    ("Fairmount University Health System -- Penn Square Hematology Suite\nx",
     "Penn Square Hematology Suite"),
    ("From: St. Anne's Pediatric Hematology, Wilmington DE", "St. Anne's Pediatric Hematology"),
    ("NOTE -- Adult protective concern\nIron County Medical Care Facility\nx",
     "Iron County Medical Care Facility"),
    ("My fiancée Autumn had preeclampsia", "Autumn"),
    # a letter drawn like a digit or a Latin letter inside an identifier
    ("Intake      FAX#: (773) 36З-7905\nFrom: Denise", "36З-7905"),
    ("Patient Аnna Smith, SSN 123-45-67О9", "123-45-67О9"),
    ("driving home on ND 1804 at night", "ND 1804"),
    ("Vive en calle Guayacán #2345", "calle Guayacán #2345"),
    # a postal town after a Spanish preposition, capitalized
    ("trabajando en Ferretería Los Ángeles en Canóvanas. Dice", "Canóvanas"),
    ("llegó en la ambulancia municipal de Loíza", "Loíza"),
])
def test_found(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Saturación tiene 95 de oxígeno; tiene 98.6 grados; tiene 94% de saturación.",
    "en los noventa vivía en Texas.",
    "The sector was quiet. Av. 72 bpm. Res. rate 18.",
    "Col. count 10^5 CFU; cond. improved.",
    "Pt on SR 2 liters. On CA 125 monitoring; on MS 4 weeks; from NY 2019; on TX 2 days.",
    "living on Medicaid in Ohio; lives on Social Security in Texas.",
    "the road to recovery is long; a ride to Dialysis.",
    "my dad is 98.6 today; my wife is 100 percent sure; my mom is 92 pounds.",
    "Иван Петров живёт в Москве.",
    "pain documented 1/10 pain; plate 2 of the culture.",
    # the adversarial review of the first batch (each was changed by it, fixed after)
    "Stable on NC 2 overnight; ambulance on NC 4L; on NE 10 and phenylephrine; started on IL-2.",
    "Down from SC 30 to SC 20. (NB 3) neuroblastoma stage; on TX 2 protocol.",
    "SR 70 near Baseline; I-131 near Thyroid; US 1 west of Liver.",
    "Cond. Stable; Ave. Blood Glucose 180; Fracc. Eyección 45; Sector Lateral.",
    "Edificio Principal; Bo. Cultures; Residencial Treatment; Paseo Terapéutico.",
    "La saturación tiene 93, la paciente tiene 97. A los 90, se repite gasometría.",
    "A saturação tem 96. Fez 98.",
    "My mom is 90 days post-op. My husband is 95 days sober. My mother is 95 percentile.",
    "Someone 90 with sepsis; anyone 99 on room air.",
    "Home at 24 Hours post op; Located at 11 Cm; Lesion located at 15 Mm; House at 200 Feet.",
    "Viral load range 20-1000000 copies/mL; Linear range: 15-1000000 IU/mL.",
    "Cultures from Sputum and S. Aureus. Meet at Station and E. Entrance.",
    "Interpreting: the IHS in Spanish and Navajo.",
    "Case 2024 HR 110 reviewed.",
    "Say Eh? Pa Eh. Eh Ye. Eh Eh.",
    "Se fue de la casa en ambulancia; en espera de resultados; desde ayer.",
    # hard negatives of blind47 changed at its sealed scoring (fixed after it)
    "Bell's palsy on the left side since last Tuesday. Is prednisone 60 mg still useful?",
    "How much water per hour should an outdoor worker drink when it is 105 F?",
    "What is the dose of Anascorp for a child versus an adult?",
    # hard negatives of blind45/46 changed at their start scoring (fixed after it)
    "My son's HbA1c went from 11.8% to 7.9% in three months. Is that too fast?",
    "My daughter's ANA was positive 1:160. Does that mean lupus at age 13?",
])
def test_left_alone(scrubber: Scrubber, text: str) -> None:
    assert scrubber.find(text) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("Adult Inpatient Unit (Unit 3 North) admission.", "North"),
    ("Report made to: IL Dept on Aging APS hotline.", "Dept"),
    ("Win Win situation. Say Ye.", "Say Ye"),
    ("MERCY HOSPITAL - BATH\nAdmission note", "BATH"),
    ("MOBILE MAMMOGRAPHY UNIT -- SCREENING REPORT", "MAMMOGRAPHY"),
    ("Humana Medicare Advantage -- Grievance & Appeals Dept.\nP.O. Box", "Appeals"),
    ("Mercy Hospital and Home Care services were arranged.", "services"),
    ("Son Mark Not Present at the meeting.", "Not Present"),
    ("Mother: Rose Dementia screening", "Dementia"),
    ("Contact: Susan No Answer x2", "No Answer"),
    ("TO: Montana Healthcare Programs (Medicaid) Drug PA Unit", "Programs"),
    ("driving home on WY 12 liters of oxygen", "WY 12"),
    ("My dad is 93 mmhg systolic today.", "93"),
])
def test_words_after_a_find_stay(scrubber: Scrubber, text: str, kept: str) -> None:
    """A ward's direction, a government's office, a specialty after a name, syllables that are
    English words: not pulled into the span before them."""
    start = text.index(kept)
    assert not any(s.start < start + len(kept) and start < s.end for s in scrubber.find(text))
