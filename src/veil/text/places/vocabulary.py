"""Word sets every place rule shares: generic facility words, services and units,
countries and regions, and the eponym check for place names.

A place word is often no place: a generic or service word ('Emergency Department',
'Cardiology'), a hospital unit ('MICU'), a country or region (not identifying under Safe
Harbor), or a disease, agent or score named after a place ('Lyme disease', 'Norwalk
agent'). `COUNTRY_OR_REGION` is public: the name finder and the slot rules use it too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from faker.providers.address.en_US import Provider as _AddressProvider
from faker.providers.person import Provider as _PersonProvider

from veil.text.lexicon import TEST_EDITION, fold

_GENERIC = frozenset({
    "THE", "OF", "AND", "&", "FOR", "AT", "OUR", "EMERGENCY", "DEPARTMENT", "DEPT", "GENERAL",
    "MEDICAL", "CENTER", "CENTRE", "HOSPITAL", "HOSPITALS", "CLINIC", "CLINICS", "HEALTH",
    "CARE", "UNIVERSITY", "COMMUNITY", "REGIONAL", "MEMORIAL", "CHILDRENS", "WOMENS",
    "VETERANS", "VA", "COUNTY", "CITY", "STATE", "PRIMARY", "URGENT", "FAMILY", "INTERNAL",
    "MEDICINE", "SURGERY", "SURGICAL", "REHAB", "REHABILITATION", "NURSING", "HOME", "LOCAL",
    "OUTSIDE", "OSH", "ICU", "ED", "ER", "OR", "PACU", "OUTPATIENT", "INPATIENT", "SKILLED",
    "ASSISTED", "LIVING", "SENIOR", "CANCER", "HEART", "DIALYSIS", "IMAGING", "RADIOLOGY",
    "LAB", "LABS", "LABORATORY", "PHARMACY", "SCHOOL", "HIGH", "MIDDLE", "ELEMENTARY",
    "COLLEGE", "CHURCH", "CATHOLIC", "BAPTIST", "METHODIST", "HOSPICE", "INSTITUTE",
    "FOUNDATION", "SERVICES", "SERVICE", "SYSTEM", "GROUP", "ASSOCIATES", "PHYSICIANS",
    "PEDIATRICS", "PEDIATRIC", "CARDIOLOGY", "ONCOLOGY", "NEUROLOGY", "ORTHOPEDIC",
    "ORTHOPEDICS", "PSYCHIATRY", "PSYCHIATRIC", "BEHAVIORAL", "MENTAL", "WOUND", "SLEEP",
    "PAIN", "DIABETES", "TRANSPLANT", "TRAUMA", "BURN", "STROKE", "SPINE", "EYE", "DENTAL",
    "WELLNESS", "PREVENTIVE", "SPECIALTY", "MULTISPECIALTY", "NEW", "PATIENT", "PATIENTS",
    "HIS", "HER", "THEIR", "A", "AN", "THIS", "THAT", "TO", "IN", "ON", "FROM", "WITH", "BY",
    "MEDICARE", "MEDICAID", "DRUG", "DRUGS", "HALL", "LODGE", "MANOR", "VILLAGE", "RESIDENCE",
    "ADMITTED", "DISCHARGED", "TRANSFERRED", "SEEN", "PRESENTED", "RETURNED", "WENT",
    "CALLED", "VISIT", "VISITED", "FOLLOW", "FOLLOWED", "UP", "CONTINUE", "PLAN", "HOSPITALIZED",
    "ACADEMY", "SHELTER", "PRISON", "JAIL", "CORRECTIONAL", "FACILITY", "RV", "APARTMENTS",
    "APTS", "CONDOMINIUMS", "TOWNHOMES", "TOWERS", "DIVISION", "SECTION", "PAST", "CRITICAL",
    "TRANSPORT", "TRANSPORTATION", "NON-EMERGENCY", "NONEMERGENCY", "NON", "SPECIALISTS",
    "PARTNERS", "COUNSELING", "COUNSELLING", "RECOVERY", "TREATMENT", "SUPPLY", "SUPPLIES",
    "NURSE", "NURSES", "ASSOCIATION", "CBOC", "VAMC", "VNA", "INFUSION",
    "AUDIOLOGY", "HEARING", "MIDTOWN", "DOWNTOWN", "AGENCY",
    "NETWORK", "CONSULTANTS", "DERMATOLOGY", "RETINA", "ALLERGY", "UROLOGY", "NEPHROLOGY",
    "GASTROENTEROLOGY", "PULMONOLOGY", "RHEUMATOLOGY", "ENDOCRINOLOGY", "OPHTHALMOLOGY",
    "ORTHOPAEDICS", "ORTHOPAEDIC", "VASCULAR", "OCCUPATIONAL", "IMMEDIATE", "EXPRESS",
    "WALK-IN", "WALKIN", "NAVIGATORS", "PHYSICAL", "THERAPY", "KIDNEY", "OB-GYN", "OBGYN",
    "CHIROPRACTIC", "PODIATRY", "VISION", "UNIT", "PHYSICIAN", "ADVANCED", "INTEGRATED",
    "COMPREHENSIVE", "AMBULANCE", "EMS",
})
_EPONYM_NEXT = re.compile(
    r"^" + TEST_EDITION + r"|"  # 'Vineland-3 adaptive behavior composite'
    r"^(?:['’]s?)?[\s\-]+(?i:disease|syndrome|sign|test|scores?|scale|criteria|classification|"
    r"inventory|"
    r"category|class(?![ \t]+of[ \t]+['’]?[0-9]{2,4})|stage|staging|virus|fever|spots?|"
    r"encephalitis|"
    r"strain|flu|influenza|protocol|"
    r"type|variant|agent|vaccine|spotted|palsy|phenomenon|reflex|maneuver|manoeuvre|ulcers?|"
    r"nodes?|lymphoma|sarcoma|tumou?r|an(?:a)?emia|fracture|sarcoidosis|ataxia|chorea|wort|"
    r"point|line|triangle|incision|space|pouch|ligament|canal|"
    r"dementia|encephalopathy|aphasia|cells?|bodies|criterion|sign|signs|triad|diet|"
    r"regimen|method|technique|operation|repair|approach|questionnaire|rules?|model|"
    r"equation|formula|index|guidelines?|solution|cocktail|mixture|knot|splint|brace|fire|"
    r"valve|dance|choir|point|building|stratification|grade|implant|stimulator|"
    r"pump|catheter|sheath|stent|needle|formula)\b")
"""A place name used as the name of a disease, agent or score ('West Nile virus', 'Paris
classification', 'Norwalk agent'): clinical vocabulary, not the patient's city (a school's
'class of 1943' is no classification)."""
_EPONYM_LATER = re.compile(
    r"^[ \t\-]+(?:(?!(?i:for|a|an|the|to|and|or|with|at|on|in|of|by|her|his|their|my|our|is|"
    r"was|had|has|then|after|before|from|where|since)\b)[A-Za-z][A-Za-z\-]*[ \t\-]+){1,2}"
    r"(?i:rules?|criteria|scores?|scale|model|questionnaire|classification|system|index|"
    r"inventory|"
    r"staging|grading|protocol|tool)\b|^(?:[ \t]+(?:and|&)[ \t]+[A-Z][a-z]+)?[ \t]+(?:Code|Act|"
    r"Statutes?|Regulations)(?![a-z])(?![ \t]+(?:Blue|Red|Stroke|STEMI|Gray|Grey|Pink|White|"
    r"Orange|Yellow|Silver|Black|Green|Brown|Purple|Team)\b)")
"""The same two or three words on ('Ottawa ankle rules', 'Kansas City Cardiomyopathy
Questionnaire', 'Seattle Heart Failure Model')."""


def _region_ahead(keys: list[str], i: int) -> int:
    """How many words from `keys[i]` on name a country or region (0: none)."""
    if keys[i] not in _REGION_FIRST:
        return 0
    for n in range(min(3, len(keys) - i), 1, -1):
        if " ".join(keys[i:i + n]) in COUNTRY_OR_REGION:
            return n
    return 0


SPECIALTY_NOUN_END = re.compile(r"(?:OLOGY|IATRY|IATRICS|ICS|ISTRY|SURGERY|THERAPY|PLASTICS)$")
"""The ending of a specialty's noun ('CARDIOLOGY', 'PEDIATRICS', 'FACIAL PLASTICS'): after a
person's name it ends the name ('Dr. Mary Jones Cardiology'), after a practice's possessive
it continues the practice ("St. Anne's Pediatric Hematology")."""
FIRM_SUFFIX = re.compile(r",?[ \t]*(?:Inc\.?|INC\.?|LLC|L\.L\.C\.|L\.P\.|LLP|L\.L\.P\.|PLLC|"
                         r"Ltd\.?|LTD\.?|Corp\.?|CORP\.?|Co\.|CO\.|P\.C\.|N\.A\.)"
                         r"(?![A-Za-z0-9])")
"""A firm's legal suffix after its name (', Inc.', ', L.P.'); not 'LP', 'PC' or 'P.A.', which
a note writes for a lumbar puncture or a clinician. One pattern for the facility finder and
for the edges of any found facility (`veil.text.facility_edges`)."""


def names_a_rule_after(after: str) -> bool:
    """Two or three words on, a rule, a score or a classification ('San Francisco Syncope
    Rule', 'Canadian Syncope Risk Score'): the words before name the rule, not a person."""
    return bool(_EPONYM_LATER.match(after))


def _eponym_after(after: str) -> bool:
    """A place name here names a disease, agent, score or rule (`_EPONYM_NEXT`, `_EPONYM_LATER`)."""
    return bool(_EPONYM_NEXT.match(after) or _EPONYM_LATER.match(after))


_SERVICE_WORDS = frozenset({
    "WEIGHT", "LOSS", "BONE", "JOINT", "FOOT", "HAND", "SKIN", "EAR", "NOSE", "THROAT", "BREAST",
    "WOMEN", "MEN", "KIDS", "CHILD", "FERTILITY", "VEIN", "LUNG", "LIVER", "KIDNEY", "BRAIN",
    "SPORTS", "HEADACHE", "ALLERGY", "ASTHMA", "COPD", "HIV", "STD", "FLU", "COVID", "VACCINE",
    "SMOKING", "LASER", "MIGRAINE", "SEIZURE", "EPILEPSY", "HEARING", "VISION", "PODIATRY",
    "TRAVEL", "FREE", "RETAIL", "MINUTE", "WALK", "SLEEP", "STUDY", "MEMORY", "PAIN", "WOUND",
    "EYE", "FOLKS", "ANIMAL", "PET", "VET", "STROKE", "HEART", "BLOOD", "SUGAR", "DIABETES",
    "INFUSION", "CHEMO", "DIALYSIS", "METHADONE", "SUBOXONE", "ADDICTION", "RECOVERY",
    "CRISIS", "PSYCH", "MENTAL", "DENTAL", "TEETH", "BACK", "NECK", "SPINE", "KNEE", "HIP",
    "SHOULDER", "CANCER", "TUMOR", "TRANSPLANT", "BURN", "TRAUMA", "REHAB", "SAME", "DAY",
})
_ADJECTIVE_END = re.compile(r"(?:ARY|IC|AL|IVE|OUS|ATRIC|OLOGY|ICS|ING|ED|ER|EST|LY|ENT|ANT)$")
_UNITS = frozenset({
    "ICU", "MICU", "SICU", "CCU", "CICU", "CVICU", "CTICU", "NICU", "PICU", "TICU", "NSICU",
    "NNICU", "BICU", "ED", "ER", "EMS", "OR", "PACU", "SNF", "LTAC", "LTACH", "IRF", "ALF",
    "PCU", "IMU", "TCU", "ECU", "ACU", "CDU", "OBS", "LD", "MRI", "CT", "IR", "CATH", "EP",
    "PT", "OT", "SLP", "HHA", "HH", "VNA", "OSH", "PCP", "GI", "ENT", "OB", "GYN", "NP",
    "MD", "RN", "CM", "SW", "ICF", "LTC", "RHB", "BMT", "HEM", "ONC", "VA", "HOME", "US",
    "USA", "AMA", "IV", "PO", "IM", "SQ", "SC", "ASAP", "STAT", "AM", "PM", "DNR", "DNI",
    "HD", "CRRT", "ECMO", "IABP", "TEE", "TTE", "EEG", "EKG", "ECG", "CXR", "KUB", "OP",
    "TO", "FROM", "THE", "AND", "FOR", "WITH",
})
UNIT_ACRONYMS = _UNITS
"""Units, services and staff by their initials ('ICU', 'PCP'): no place's own initials."""
_SERVICE_END = re.compile(r"(?:OLOGY|IATRY|IATRICS|ICS|TION|SION|MENT|ING|ETRY|APY|IVE|IST|"
                          r"ISTS|ERY)$")
"""Endings of service and department words ('Podiatry', 'Lactation', 'Teaching'): no
facility named by context alone ends so."""
DEPARTMENT_WORDS = frozenset({
    "PROGRAM", "SERVICE", "SERVICES", "TEAM", "REPLY", "CALL", "FOLLOW-UP", "FOLLOWUP",
    "DISEASES", "DISEASE", "DIVISION", "DEPARTMENT", "SECTION", "UNIT", "FLOOR", "WARD",
    "HANDOFF", "ROUNDS", "HUDDLE", "CONFERENCE", "BOARD", "COMMITTEE", "OFFICE",
})
"""Words of a department, service or meeting: a header segment with one names no facility."""
_SERVICES = frozenset({
    "TELEMETRY", "TELE", "TRIAGE", "HOSPITALIST", "HOSPITALISTS", "STEP", "STEPDOWN",
    "STEP-DOWN", "OBSERVATION", "OBS", "MAIN", "PEDS", "GEN", "MED", "MEDS", "MEDSURG",
    "MED-SURG", "FAST", "TRACK", "BEDSIDE", "POD", "RESUS", "RESUSCITATION", "CATH",
    "INTERVENTIONAL", "NEUROSURGERY", "NEURO", "ORTHO", "CARDS", "PULM", "RENAL", "HEME",
    "ONC", "PALLIATIVE", "COMFORT", "RESIDENT", "RESIDENTS", "ATTENDING", "OCCUPATIONAL",
    "SPEECH", "CHAPLAIN", "EPIC", "OUTSIDE", "MICROBIOLOGY", "BANK", "ULTRASOUND", "ECHO",
    "NUCLEAR", "INFUSION", "ENDOSCOPY", "PREOP", "PRE-OP", "POSTOP", "POST-OP", "HOLDING",
    "RECOVERY", "INDEPENDENT", "FOSTER", "CONSULT", "CONSULTATION", "CONSULTS", "ADMITTING",
    "ADMISSIONS", "REGISTRATION", "WAITING", "LOBBY", "GENETICS", "GENETIC", "ANTEPARTUM",
    "POSTPARTUM", "NEWBORN", "NURSERY", "BIRTHING", "LABOR", "MOTHER", "BABY", "CRITICAL",
    "INTERMEDIATE", "PROGRESSIVE", "TRANSITIONAL", "ACUTE", "SUBACUTE", "LONG", "TERM",
    "SHORT", "STAY", "SURGICAL", "MEDICAL", "TEAM", "FLOOR", "WARD", "UNIT", "ROOM", "BED",
    "HALLWAY", "OFFICE", "PCP", "SPECIALIST", "SPECIALISTS", "HOSPITAL", "FACILITY",
    "NURSING", "HOME", "HOSPICE", "SNF", "REHAB", "ER", "ED", "DR", "DOCTOR", "CLINIC",
    "ACADEMIC", "TERTIARY", "QUATERNARY", "COMMUNITY", "RURAL", "LOCAL", "NEARBY", "ANOTHER",
    "DIFFERENT", "SAME", "OUR", "THIS", "TRANSPLANT", "TRAUMA", "BURN", "LEVEL", "STROKE",
    "CARDIAC", "PEDIATRIC", "ADULT", "WOMENS", "CHILDRENS", "VETERANS", "VA", "VAMC", "VAH",
    "MILITARY", "ARMY", "NAVY", "PRIVATE", "STATE", "COUNTY", "CITY", "FEDERAL", "JAIL",
    "PRISON", "SHELTER", "SCHOOL", "WORK", "CHURCH", "MORGUE", "AUTOPSY", "CORONER",
    "PHARMACY", "LAB", "LABS", "LABORATORY", "RADIOLOGY", "PATHOLOGY", "IMAGING", "PT",
    "OT", "SLP", "MEDICINE", "SURGERY", "ICU", "CCU", "MICU", "SICU", "NICU", "PICU",
    "AM", "PM", "NOON", "MIDNIGHT", "NIGHT", "TODAY", "TONIGHT", "TOMORROW", "AMA",
    "DETOX", "RESPITE", "PACS", "EHR", "EMR", "CPOE", "HIE", "MYCHART", "PORTAL", "QUEST",
    "LABCORP", "ANESTHESIA", "PREADMISSION", "PRE-ADMISSION", "SPECIALTY", "TBD", "TBA",
    "PENDING", "UNKNOWN", "NONE", "NA", "UNK", "DECLINED", "VARIOUS", "RHEUM", "DERM",
    "ENDO", "URO", "GYN", "OB", "NEPHRO", "OPHTHO", "OPTHO", "ALLERGY", "IMMUNO", "SURG",
    "GENSURG", "PLASTICS", "VASC", "OTOLARYNGOLOGY", "GERI", "GERIATRICS", "ID",
    "NEUROPSYCH", "NEUROPSYCHOLOGY", "COUNSELING", "THERAPY", "PSYCHOTHERAPY", "HEPATOLOGY",
    "SOCIAL", "CASE", "MANAGEMENT", "CHAPLAINCY", "SPIRITUAL", "DIETITIAN",
    "DIETARY", "NUTRITIONIST", "PHARMACIST",
})
"""Hospital services, units and generic places of care: 'transferred to Telemetry',
'seen at Bedside', 'records from Epic' name no facility."""
_MONTHS_UPPER = frozenset({"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY",
                           "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"})
_COUNTRIES = frozenset({
    "MEXICO", "CANADA", "CHINA", "INDIA", "JAPAN", "KOREA", "VIETNAM", "PHILIPPINES", "CUBA",
    "HAITI", "PUERTO RICO", "GUATEMALA", "HONDURAS", "EL SALVADOR", "NICARAGUA", "COLOMBIA",
    "VENEZUELA", "BRAZIL", "PERU", "ECUADOR", "ARGENTINA", "CHILE", "NIGERIA", "GHANA",
    "KENYA", "ETHIOPIA", "SOMALIA", "EGYPT", "MOROCCO", "ENGLAND", "IRELAND", "SCOTLAND",
    "FRANCE", "GERMANY", "ITALY", "SPAIN", "PORTUGAL", "POLAND", "RUSSIA", "UKRAINE",
    "GREECE", "TURKEY", "IRAN", "IRAQ", "SYRIA", "ISRAEL", "LEBANON", "PAKISTAN",
    "BANGLADESH", "NEPAL", "THAILAND", "CAMBODIA", "LAOS", "INDONESIA", "MALAYSIA",
    "AUSTRALIA", "NEW ZEALAND", "JAMAICA", "DOMINICAN REPUBLIC", "THE US", "THE STATES",
    "OVERSEAS", "ABROAD", "HOME", "HERE", "THERE", "TOWN", "THE CITY", "UNITED KINGDOM", "UK",
})
COUNTRY_OR_REGION = frozenset({
    "UNITED STATES", "USA", "US", "AMERICA", "CANADA", "MEXICO", "AFRICA", "EUROPE", "ASIA",
    "WEST AFRICA", "EAST AFRICA", "NORTH AFRICA", "SOUTH AFRICA", "CENTRAL AFRICA",
    "SOUTHERN AFRICA", "SUB-SAHARAN AFRICA", "SOUTH AMERICA", "CENTRAL AMERICA",
    "LATIN AMERICA", "NORTH AMERICA", "MIDDLE EAST", "NEAR EAST", "FAR EAST", "SOUTHEAST ASIA",
    "SOUTH ASIA", "EAST ASIA", "CENTRAL ASIA", "EASTERN EUROPE", "WESTERN EUROPE",
    "CARIBBEAN", "PACIFIC NORTHWEST", "WEST COAST", "EAST COAST", "GULF COAST", "DEEP SOUTH",
    "WEST BANK", "WEST INDIES", "NEW GUINEA", "WEST NILE",
    "MIDWEST", "NEW ENGLAND", "SOUTH", "NORTH", "EAST", "WEST", "CHINA", "INDIA",
    "CENTRAL EUROPE", "NORTHERN EUROPE", "SOUTHERN EUROPE", "WESTERN AFRICA", "EASTERN AFRICA",
    "NORTHERN AFRICA", "CENTRAL VALLEY",
})

_REGION_FIRST = frozenset(r.split()[0] for r in COUNTRY_OR_REGION if " " in r)
"""First words of the multi-word regions (`_region_ahead` looks further only after one)."""


@lru_cache(maxsize=1)
def country_names() -> tuple[str, ...]:
    """Faker's country names as written, longest first, without their notes in brackets
    ('Slovakia (Slovak Republic)' -> 'Slovakia'; 'Tanzania', 'Yemen', 'Nepal')."""
    names = {n.split(" (")[0].split(",")[0].strip() for n in _AddressProvider.countries}
    return tuple(sorted((n for n in names if n), key=lambda n: (-len(n), n)))


@lru_cache(maxsize=1)
def countries_and_languages() -> frozenset[str]:
    """Every country and language name Faker ships ('Venezuela', 'Korean', 'Somali'), folded:
    words after 'from' that name no place below a state (Faker is a dependency already, and
    its lists are kept; a hand-made list here would lag)."""
    names = [*_AddressProvider.countries, *_PersonProvider.language_names]
    return frozenset(fold(n.split(",")[0].split(" (")[0]) for n in names)
