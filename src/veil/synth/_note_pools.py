"""Word pools of the clinical-note generator: clinical vocabulary that must survive
scrubbing, name and place words that are PHI, and the sentence templates.

A template is a string with `{slot}` placeholders that `veil.synth.notes` fills;
a slot either writes PHI (with a gold span of its type), a clinical term (recorded
in the note's `terms`, which a scrubber must keep verbatim) or plain text.
Clinical terms are chosen to look like PHI to a careless recognizer: eponyms
(Parkinson's, Hodgkin), gene names (BRCA1, KRAS G12C), scores with numbers,
ICD-10/LOINC/CPT codes, doses and lab values, state names and bare years.
"""

from __future__ import annotations

from typing import Final

# --------------------------------------------------------------------------- clinical terms

EPONYMS: Final[tuple[str, ...]] = (
    "Parkinson's disease", "Hodgkin lymphoma", "non-Hodgkin lymphoma", "Crohn's disease",
    "Alzheimer's dementia", "Graves' disease", "Cushing's syndrome", "Addison's disease",
    "Bell's palsy", "Guillain-Barre syndrome", "Hashimoto's thyroiditis", "Down syndrome",
    "Wilson's disease", "Barrett's esophagus", "Raynaud's phenomenon", "Sjogren's syndrome",
    "Kaposi sarcoma", "Huntington's disease", "Meniere's disease", "Paget's disease",
    "Tourette syndrome", "Marfan syndrome", "Wernicke encephalopathy", "Korsakoff syndrome",
    "Takotsubo cardiomyopathy", "Brugada syndrome", "Wolff-Parkinson-White syndrome",
    "Baker's cyst", "Dupuytren's contracture", "Osgood-Schlatter disease", "Kawasaki disease",
    "Hirschsprung disease", "Lyme disease", "Legionnaires' disease", "Ewing sarcoma",
    "Wilms tumor", "Burkitt lymphoma", "Stevens-Johnson syndrome", "Reiter's syndrome",
    "Still's disease", "Behcet's disease", "Mallory-Weiss tear", "Zenker's diverticulum",
)  # fmt: skip

SIGNS: Final[tuple[str, ...]] = (
    "Babinski sign", "Murphy's sign", "Homans sign", "Tinel sign", "Phalen test",
    "Romberg sign", "Kernig sign", "Brudzinski sign", "McMurray test", "Lachman test",
    "Cheyne-Stokes respirations", "Kussmaul breathing", "Virchow's node", "Trousseau sign",
    "Chvostek sign", "Levine sign", "Beck's triad", "Cullen sign", "Grey Turner sign",
)  # fmt: skip

PROCEDURES: Final[tuple[str, ...]] = (
    "Whipple procedure", "Nissen fundoplication", "Hartmann's procedure", "Roux-en-Y bypass",
    "Foley catheter", "Swan-Ganz catheter", "Hickman line", "Jackson-Pratt drain",
    "Ilizarov frame", "Bankart repair", "Billroth II", "Kasai procedure", "Mohs surgery",
    "Seldinger technique", "Heimlich maneuver", "Valsalva maneuver", "Epley maneuver",
)  # fmt: skip

SCORES: Final[tuple[str, ...]] = (
    "GCS 15", "GCS 14", "NIHSS 4", "NIHSS 11", "APGAR 8/9", "PHQ-9 score 12", "MMSE 24/30",
    "MoCA 22/30", "CHA2DS2-VASc 3", "HAS-BLED 2", "ECOG 1", "Wells score 4", "Braden 16",
    "Morse Fall Scale 45", "CURB-65 of 2", "MELD 18", "Child-Pugh B", "TIMI 3", "HEART score 5",
    "NYHA class III", "Killip class II", "Gleason 3+4=7", "Mallampati II", "ASA III",
    "Ranson 3", "qSOFA 2", "Karnofsky 70", "GAD-7 of 9", "AUDIT-C 6", "Hunt and Hess grade 2",
)  # fmt: skip

DRUGS: Final[tuple[str, ...]] = (
    "metoprolol succinate 25 mg PO daily", "apixaban 5 mg BID", "furosemide 40 mg IV",
    "Lasix 80 mg PO", "insulin glargine 20 units qHS", "Tylenol 650 mg q6h PRN",
    "atorvastatin 40 mg nightly", "lisinopril 10 mg daily", "metformin 1000 mg BID",
    "warfarin 5 mg", "heparin 5000 units SC q8h", "vancomycin 1.25 g IV q12h",
    "piperacillin-tazobactam 4.5 g IV q6h", "prednisone 40 mg daily", "levothyroxine 88 mcg",
    "Eliquis 2.5 mg BID", "Keppra 500 mg BID", "Zofran 4 mg IV PRN", "oxycodone 5 mg q4h PRN",
    "aspirin 81 mg", "clopidogrel 75 mg", "amlodipine 5 mg", "sertraline 50 mg",
    "gabapentin 300 mg TID", "pantoprazole 40 mg", "ceftriaxone 1 g IV daily",
    "carbidopa-levodopa 25/100 TID", "methotrexate 15 mg weekly", "Humira 40 mg q2 weeks",
    "vitamin B12 1000 mcg", "potassium chloride 20 mEq", "magnesium sulfate 2 g IV",
)  # fmt: skip

GENES: Final[tuple[str, ...]] = (
    "BRCA1", "BRCA2", "EGFR exon 19 deletion", "KRAS G12C", "HER2", "JAK2 V617F", "APOE e4",
    "CFTR F508del", "HLA-B27", "MTHFR C677T", "TP53", "ALK rearrangement", "BRAF V600E",
    "PD-L1 50%", "MSI-high", "FLT3-ITD", "NPM1", "BCR-ABL", "HFE C282Y", "Factor V Leiden",
)  # fmt: skip

LABS: Final[tuple[str, ...]] = (
    "Hgb 9.8 g/dL", "creatinine 1.27 mg/dL", "HbA1c 7.2%", "BNP 1,250 pg/mL", "K 3.4",
    "INR 2.3", "troponin 0.04 ng/mL", "eGFR 45 mL/min/1.73m2", "WBC 12.3 K/uL",
    "Na 131 mmol/L", "lactate 2.8", "platelets 98 K/uL", "TSH 6.8 mIU/L", "LDL 142 mg/dL",
    "ALT 88 U/L", "bilirubin 2.1", "CRP 45 mg/L", "ESR 62 mm/hr", "ferritin 12 ng/mL",
    "glucose 243", "PSA 6.4 ng/mL", "D-dimer 1.8", "procalcitonin 0.9", "albumin 2.9 g/dL",
)  # fmt: skip

VITALS: Final[tuple[str, ...]] = (
    "BP 142/88", "HR 96", "SpO2 94% on 2L NC", "T 38.2 C", "RR 22", "BP 98/60",
    "HR 112", "SpO2 99% on RA", "Temp 101.3 F", "weight 82.4 kg", "BMI 31.2",
)  # fmt: skip

CODES: Final[tuple[str, ...]] = (
    "LOINC 4548-4", "LOINC 2160-0", "CPT 99213", "CPT 93000", "CPT 71046", "NDC 0093-7214-01",
    "SNOMED 44054006", "HCPCS J1885", "RxNorm 197361", "DRG 291",
)  # fmt: skip

STATE_NAMES: Final[tuple[str, ...]] = (
    "Massachusetts", "Ohio", "Texas", "Florida", "Georgia", "Virginia", "Washington state",
    "Indiana", "Maine", "Nevada", "Arizona", "Oregon", "Michigan", "Vermont", "Montana",
)  # fmt: skip

STUDIES: Final[tuple[str, ...]] = (
    "chest x-ray", "CT head without contrast", "MRI brain with and without contrast",
    "CT abdomen/pelvis with IV contrast", "transthoracic echocardiogram", "CTA chest",
    "renal ultrasound", "bilateral lower extremity venous duplex", "PET-CT",
    "MRI lumbar spine", "KUB", "mammogram", "DEXA scan", "carotid duplex",
)  # fmt: skip

FINDINGS: Final[tuple[str, ...]] = (
    "No acute intracranial hemorrhage.", "Small left pleural effusion.",
    "Mild cardiomegaly without pulmonary edema.", "Stable 6 mm right upper lobe nodule.",
    "No evidence of pulmonary embolism.", "Moderate degenerative disc disease at L4-L5.",
    "LVEF estimated at 35% with global hypokinesis.", "Cholelithiasis without cholecystitis.",
    "Hepatic steatosis.", "Nonobstructing 4 mm left renal calculus.",
    "Chronic small vessel ischemic changes.", "Right lower lobe consolidation.",
    "BI-RADS 2, benign findings.", "T-score -2.7 at the femoral neck.",
)  # fmt: skip

# --------------------------------------------------------------------------- PHI words

WORD_NAMES_FIRST: Final[tuple[str, ...]] = (
    "Hope", "Faith", "Grace", "Joy", "May", "June", "April", "Summer", "Will", "Mark",
    "Bill", "Frank", "Rich", "Guy", "Art", "Sandy", "Dawn", "Rose", "Iris", "Ivy",
    "Holly", "Crystal", "Penny", "Chase", "Hunter", "Major", "Royal", "Sunny", "Pat", "Cliff",
)  # fmt: skip
"""Given names that are also common words: the hard cases of name recognition."""

WORD_NAMES_LAST: Final[tuple[str, ...]] = (
    "Young", "King", "Brown", "White", "Green", "Black", "Hill", "Wood", "Stone", "Strong",
    "Best", "Love", "Sharp", "Short", "Little", "Rich", "Price", "Cook", "Baker", "Parker",
    "Rose", "Bush", "Fox", "Wolf", "Day", "Morning", "Bond", "Church", "Bell", "Hall",
    "Moody", "Glass", "Gentle", "Steel", "Sugar", "Banks", "Fields", "Waters", "Street", "Post",
)  # fmt: skip
"""Surnames that are also common words."""

REAL_CITIES: Final[tuple[str, ...]] = (
    "Boston", "Worcester", "Springfield", "Columbus", "Dayton", "Fresno", "Tulsa", "Omaha",
    "Albany", "Savannah", "Provo", "Billings", "Burlington", "Lowell", "Quincy", "Toledo",
    "Akron", "Mobile", "Normal", "Hope", "Independence", "Paris", "Florence", "Troy",
    "Aurora", "Lancaster", "Salem", "Concord", "Madison", "Lincoln", "Jackson", "Orlando",
)  # fmt: skip
"""Real US city names, several of them also words or given names."""

FACILITY_FORMS: Final[tuple[str, ...]] = (
    "{last} Memorial Hospital", "St. {first}'s Medical Center", "{city} Regional Medical Center",
    "{city} Family Health Center", "{last} Rehabilitation Institute", "{city} Nursing Home",
    "{city} General Hospital", "{last} Cancer Center", "{city} Community Hospital",
    "{last}-{last2} Clinic", "{city} Urgent Care", "{last} Skilled Nursing Facility",
    "{city} VA Medical Center", "{last} Children's Hospital", "Mount {last} Hospital",
)  # fmt: skip

HOLIDAYS: Final[tuple[str, ...]] = (
    "Thanksgiving", "Christmas Eve", "New Year's Day", "Easter", "Labor Day",
    "the Fourth of July", "Memorial Day",
)  # fmt: skip

RELATIVES_FEMALE: Final[tuple[str, ...]] = (
    "daughter", "wife", "sister", "mother", "niece", "granddaughter", "aunt",
)  # fmt: skip
RELATIVES_MALE: Final[tuple[str, ...]] = (
    "son", "husband", "brother", "father", "nephew", "grandson", "uncle",
)  # fmt: skip
RELATIVES_ANY: Final[tuple[str, ...]] = ("partner", "friend", "neighbor", "caregiver",
                                          "health care proxy", "roommate")
CLINICIAN_SUFFIXES: Final[tuple[str, ...]] = ("MD", "DO", "NP", "PA-C", "RN", "MD, PhD",
                                               "FNP-BC", "DPM", "PharmD", "LCSW")
RADIOLOGY_EXAMS: Final[tuple[str, ...]] = STUDIES

ORDINAL_WORDS: Final[tuple[str, ...]] = (
    "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)  # fmt: skip
TENS_WORDS: Final[tuple[str, ...]] = ("", "", "twenty", "thirty", "forty", "fifty", "sixty",
                                      "seventy", "eighty", "ninety")
