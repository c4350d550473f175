"""Cities, facilities and other named places in text.

- Facilities: capitalized words before a facility word ('St. Mary's Hospital',
  'Mercy Clinic', 'Riverside Nursing and Rehabilitation Center', 'University of
  Iowa Hospitals'); a facility made only of generic words ('the Emergency
  Department', 'Cardiology Clinic') is not identifying and is not matched.
- Cities: runs of capitalized words found in the place gazetteer (GeoNames US
  places of 5,000+ people, `veil.detect.vocab.us_places`). A multi-word place is a
  city wherever it stands; a one-word place needs place context ('lives in',
  'from', 'moved to', ', TX', 'area') unless it is neither a dictionary name nor an
  everyday word. A 'City, ST' pair is a city whatever the gazetteer says.
States are never emitted (not identifying under Safe Harbor).
"""

from __future__ import annotations

import re

from veil.text.lexicon import FUNCTION_WORDS, MONTH_WORDS, Lexicon, fold
from veil.text.spans import PhiType, Span
from veil.text.words import is_english

_CAPWORD = r"(?:[A-Z][A-Za-z'’\-]*|of|the|and|&|for|at|de|la|del|los|las)"
_FACILITY_WORD = (
    r"(?:Hospitals?|Medical\s+Cent(?:er|re)|Medical\s+Campus|Health\s+Cent(?:er|re)|"
    r"Health\s+System|Health\s+Services|Healthcare|HealthCare|"
    r"(?:Recovery|Treatment|Dental|Medical|Nursing|Home\s+Care|Care|Hospice|Therapy|"
    r"Rehabilitation|Behavioral\s+Health|Ambulance)\s+Services|Health\s+Care|Health|Clinics?|Infirmary|"
    r"Hospice|Nursing\s+(?:Home|Facility|Center)|(?:Nursing\s+and\s+)?Rehabilitation\s+"
    r"(?:Cent(?:er|re)|Hospital|Institute|Facility)|Rehab(?:ilitation)?|Care\s+Cent(?:er|re)|"
    r"Surgery\s+Cent(?:er|re)|Surgical\s+Cent(?:er|re)|Urgent\s+Care|Pharmacy|Drugs?|"
    r"Laborator(?:y|ies)|Labs?|Medical\s+Group|Medical\s+Associates|Associates|Physicians|"
    r"Family\s+(?:Practice|Medicine)|Pediatrics|Cancer\s+(?:Cent(?:er|re)|Institute)|"
    r"Institute|Cent(?:er|re)|Manor|Village|Assisted\s+Living|Senior\s+Living|Living\s+"
    r"Cent(?:er|re)|Memory\s+Care|(?:Mobile\s+)?Home\s+Park|Trailer\s+(?:Park|Court)|RV\s+Park|"
    r"Apartments|Apts|Condominiums|Townhomes|Towers|Gardens|Villas|Meadows|Pointe|Home|Homes|"
    r"Residence|Dialysis|Imaging|Radiology|Home\s+Health|Home\s+Care|Homecare|Ambulance|"
    r"University|College|School|Academy|Elementary|Church|Shelter|Prison|Jail|"
    r"Correctional\s+(?:Facility|Center|Institution)|Detention\s+Cent(?:er|re)|"
    r"Foundation|Sanitarium|Sanatorium|Asylum|Hall|Lodge|Medical|Memorial|General|Pavilion|"
    r"Campus|Surgicenter|"
    r"Kettering|Permanente|Presbyterian|Baptist|Methodist|Episcopal|Lutheran|Adventist)")
_FACILITY = re.compile(
    r"(?<![A-Za-z])((?:(?:St\.?|ST\.?|Saint|SAINT|Mt\.?|MT\.?|Mount|MOUNT|Our\s+Lady\s+of)"
    r"[ \t]+)?[A-Z][A-Za-z'’\-&]*"
    r"(?:[ \t]+" + _CAPWORD + r"){0,5}?[ \t]+(?:" + _FACILITY_WORD + r"|(?i:" + _FACILITY_WORD
    + r")(?<=[A-Z]{3}))(?:[ \t]+(?:" + _FACILITY_WORD + r"|House|Agency|(?i:" + _FACILITY_WORD
    + r"|house|agency)(?<=[A-Z]{3}))){0,2})(?![A-Za-z])"
    r"((?:\s+of\s+(?:the\s+)?[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){0,3})?)")
_TRAILING_WORDS = re.compile(r"(?:[ \t]+(?:" + _FACILITY_WORD + r"|(?i:" + _FACILITY_WORD
                             + r")(?<=[A-Z]{3}))){1,2}(?![A-Za-z])")
"""Facility words right after a facility name found by context."""
_FACILITY_OF = re.compile(
    r"(?=[UHCM])\b(?:University|Hospital|Hospitals|Clinic|Medical\s+Center|Health\s+System)\s+of\s+"
    r"(?:the\s+)?[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){0,3}")
_CUT_WORDS = frozenset({
    "IN", "AT", "TO", "FROM", "ON", "BY", "WITH", "WHO", "WAS", "IS", "ARE", "WERE", "SEEN",
    "PRESENTED", "TRANSFERRED", "ADMITTED", "DISCHARGED", "RESIDES", "LIVES", "WENT", "GO",
    "CALLED", "REFERRED", "FOLLOWED", "VISITED", "RETURNED", "REPEAT", "NEXT", "PLACED",
    "YO", "HE", "SHE", "PATIENT", "PT", "LOCATION", "FACILITY", "ADVISED", "SENT", "OR",
})
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
    "APTS", "CONDOMINIUMS", "TOWNHOMES", "TOWERS",
})

_PLAIN_WORDS = frozenset({
    "LIPID", "STUDENT", "EMPLOYEE", "OCCUPATIONAL", "NUTRITION", "LACTATION", "NEUROSURGERY",
    "INTERVENTIONAL", "CATH", "TELEMETRY", "STAFF", "WELLNESS", "WOMENS", "MENS", "CHILDRENS",
    "ADOLESCENT", "YOUTH", "TEEN", "GERIATRIC", "SENIOR", "VASCULAR", "VEIN", "BARIATRIC",
    "COAGULATION", "ANTICOAGULATION", "COUMADIN", "WARFARIN", "INR", "CHF", "HF", "COPD",
    "DIABETIC", "OSTOMY", "CONTINENCE", "BREAST", "PROSTATE", "COLORECTAL", "LUNG", "LIVER",
    "KIDNEY", "HEADACHE", "SEIZURE", "MOVEMENT", "DISORDERS", "CARDIAC", "INFUSION",
    "TRANSFUSION", "APHERESIS", "INJECTION", "VACCINE", "IMMUNIZATION", "TRAVEL", "EXPRESS",
    "PROCEDURE", "PROCEDURES", "DAY", "SAME", "WALK-IN", "AFTER-HOURS", "NIGHT", "WEEKEND",
    "ROUTINE", "HEALTHY", "MAINTENANCE", "MAIL", "ORDER", "DAILY", "WEEKLY", "MONTHLY",
    "ANNUAL", "YEARLY", "REGULAR", "SCHEDULED", "PLANNED", "INITIAL", "FULL", "BASIC",
})
"""Words of service and clinic names that are no proper name ('Lipid Clinic')."""
_ADJECTIVE_SHAPE = re.compile(r"(?:AL|IVE|OUS|ENT|IC|ARY|ATIC|ABLE|IBLE)$")
"""An English adjective ('Peritoneal', 'Emergent', 'Residential') names no facility."""
_PLAIN_END = re.compile(r"(?:OLOGY|IATRY|IATRICS|APY|OLOGIC|OLOGICAL)$")
_BUILDING_WORDS = frozenset({"HALL", "CHURCH", "LODGE", "MANOR", "TOWERS", "COLLEGE"})
"""Facility words that are surnames too ('Hall Cancer Center' is named after a person)."""
_PLACE_RUN = re.compile(r"(?<![A-Za-z'’])(?:St\.|Ft\.|Mt\.|[A-Z][A-Za-z'’\-]*)"
                        r"(?:[ \t]+(?:St\.|Ft\.|Mt\.|[A-Z][A-Za-z'’\-]*)){0,4}")
_NEAR_BEFORE = re.compile(r"\b(?:in|near|outside(?:\s+of)?|around)[ \t]+$")
_WEAK_PLACE_BEFORE = re.compile(r"(?i:\b(?:in|to|near|at|outside(?:\s+of)?|around|of)\s+$)")
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:Greater|Metro|Downtown|Upstate|Downstate|Suburban|Rural|Southern|Northern|"
    r"Eastern|Western|Central)\s+$)|"
    r"(?i:\b(?:from|visiting|moved\s+to|lives\s+in|"
    r"living\s+in|resides\s+in|residing\s+in|born\s+in|raised\s+in|grew\s+up\s+in|"
    r"relocated\s+to|travel(?:l)?ed\s+to|trip\s+to|returned\s+from|city|town|village|"
    r"hometown|located\s+in|based\s+in|(?:hospital|clinic|cent(?:er|re)|home|care|"
    r"institute|facility|practice)\s+in|native\s+of|city\s+of|town\s+of|village\s+of|"
    r"township\s+of|city:|residence:|hometown:)\s+$)")
_PLACE_AFTER = re.compile(
    r"^(?:\s*,\s*(?:[A-Z]{2}\b|" + r"(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|"
    r"Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|"
    r"Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|"
    r"Missouri|Montana|Nebraska|Nevada|New\s+\w+|North\s+\w+|South\s+\w+|Ohio|Oklahoma|"
    r"Oregon|Pennsylvania|Rhode\s+Island|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    r"West\s+Virginia|Wisconsin|Wyoming))|\s+(?:area|metro|city|township|suburbs?|region)\b)")
_CITY_STATE = re.compile(
    r"(?=[A-Z])(?<![A-Za-z'’])((?:[A-Z][a-z'’.\-]+)(?:[ \t]+[A-Z][a-z'’.\-]+){0,3})"
    r"(?:,[ \t]*|[ \t]+"
    r"(?=[A-Z]{2}[ \t]+[0-9]{5}))(?:AL|AK|AZ|AR|CA|"
    r"CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|"
    r"OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)\b(?:[ \t]+[0-9]{5}|(?![a-z]))")
_TOWN_SUFFIX = (r"(?:berg|borough|burgh|bury|chester|fort|furt|haven|land|mouth|port|shire|side|"
                r"stad|ton|town|view|ville|field|wood|ford|dale|ridge|springs|falls|ham|polis)")
_TOWN_PREFIX = r"(?:North|South|East|West|New|Lake|Port|Fort|Saint|St\.|Mount|Mt\.)"
_TOWN_SHAPE = re.compile(
    r"(?=[A-Z])(?<![A-Za-z'’])(?:(" + _TOWN_PREFIX + r"[ \t]+)?[A-Z][a-z]{2,}" + _TOWN_SUFFIX
    + r"|(" + _TOWN_PREFIX.upper() + r"[ \t]+)?[A-Z]{3,}" + _TOWN_SUFFIX.upper()
    + r"|(" + _TOWN_PREFIX + r"[ \t]+|" + _TOWN_PREFIX.upper() + r"[ \t]+)[A-Z][A-Za-z]{2,})"
    r"(?![A-Za-z])")
_CREDENTIAL_CODES = frozenset({"MD", "PA", "DO", "OR", "IN", "ME", "OK", "HI", "DE", "NP"})
_EPONYM_NEXT = re.compile(
    r"^(?:['’]s?)?[\s\-]+(?i:disease|syndrome|sign|test|score|scale|criteria|classification|"
    r"class|stage|staging|virus|fever|spots?|encephalitis|strain|flu|influenza|protocol|"
    r"type|variant|agent|vaccine|spotted|palsy|phenomenon|reflex|maneuver|manoeuvre|ulcers?|"
    r"nodes?|lymphoma|sarcoma|tumou?r|an(?:a)?emia|fracture|sarcoidosis|ataxia|chorea|wort|"
    r"dementia|encephalopathy|aphasia|cells?|bodies|criterion|sign|signs|triad|diet|"
    r"regimen|method|technique|operation|repair|approach|questionnaire|rules?|model|"
    r"equation|formula|index|guidelines?|solution|cocktail|mixture|knot|splint|brace)\b")
"""A place name used as the name of a disease, agent or score ('West Nile virus', 'Paris
classification', 'Norwalk agent'): clinical vocabulary, not the patient's city."""
_EPONYM_LATER = re.compile(
    r"^[ \t\-]+(?:(?!(?i:for|a|an|the|to|and|or|with|at|on|in|of|by|her|his|their|my|our|is|"
    r"was|had|has|then|after|before|from|where|since)\b)[A-Za-z][A-Za-z\-]*[ \t\-]+){1,2}"
    r"(?i:rules?|criteria|score|scale|model|questionnaire|classification|system|index|"
    r"staging|grading|protocol|tool)\b")
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


def _eponym_after(after: str) -> bool:
    """A place name here names a disease, agent, score or rule (`_EPONYM_NEXT`, `_EPONYM_LATER`)."""
    return bool(_EPONYM_NEXT.match(after) or _EPONYM_LATER.match(after))

_TERM_AFTER = re.compile(r"^[ \t]+(?i:sinus|saline|range|limits?|rhythm|appearance|variant|"
                         r"study|exam|findings|size|caliber|pressure|flora|values?|result)\b")
"""A word after 'Normal' that makes it an adjective, not the town ('in Normal sinus rhythm')."""
_ACRONYM_FACILITY = re.compile(
    r"(?<![A-Za-z])(?=[A-Za-z])(?i:\b(?:transferred|transfer(?:red)?|transported|sent|airlifted|flown|moved)\s+"
    r"(?:from|to)\s+(?:the\s+)?|\bOSH\s*\(\s*)([A-Z]{2,6})(?![A-Za-z0-9&])")
"""'transferred from UMC': an acronym after a transfer verb is a facility unless it is a
unit, a service or clinical vocabulary (`_UNITS`)."""
_COORDINATED_PLACE = re.compile(
    r"(?:,?[ \t]*(?:[A-Z]{2}\b|(?:New|North|South|West|Rhode)?[ \t]?[A-Z][a-z]+))?[ \t]+"
    r"(?:and|or|&)[ \t]+([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)(?![A-Za-z'’\-])")
"""A city, its optional state, then 'and'/'or' and capitalized words."""
_LOWER_FACILITY = re.compile(
    r"(?<![A-Za-z'’\-])((?:st\.?\s+)?[a-z][a-z'’]+(?:[ \t][a-z][a-z'’]+){1,2})[ \t]+"
    r"(?:rehab(?:ilitation)?(?:\s+cent(?:er|re))?|hospital|clinic|nursing\s+home|hospice|"
    r"manor|pharmacy|medical\s+cent(?:er|re))(?![A-Za-z])")
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
_PLACE_ZIP = re.compile(r"(?<![A-Za-z'’\-])([A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2}),?[ \t]+"
                        r"([0-9]{5}(?:-[0-9]{4})?)(?![0-9]|[ \t]*(?i:units?|mg|mcg|ml|iu|cells|"
                        r"copies|/|%))")
_ACRONYM_NEEDS = ("transfer", "transport", "sent ", "airlift", "flown", "moved", "osh")
_EMPLOYER_NEEDS = ("work", "employ", "job", "shift", "cashier", "manager", "clerk", "driver",
                   "nurse", "teacher")
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
_EMPLOYER = re.compile(
    r"(?<![A-Za-z])(?=[A-Za-z])(?i:\b(?:works|worked|working|employed|employment|job|jobs|shifts?|cashier|manager|"
    r"clerk|driver|nurse|teacher)\s+(?:at|for|by|with)\s+(?:the\s+)?)"
    r"((?:[A-Z][A-Za-z'’&\-]+|[A-Z]{2,})(?:[ \t]+(?:[A-Z][A-Za-z'’&\-]+|of|&)){0,3})")
"""'works at Walgreens', 'employed by Tyson Foods': the employer (a quasi-identifier that
the notes' gold marks as a facility)."""
_CONTEXT_PLACE = re.compile(
    r"(?=[MmLlRrBbGgNnHhTtVvIiCcAaOoWw])(?i:\b(?:moved\s+(?:here\s+)?(?:to|from)|move\s+to|moving\s+to|lives\s+in|living\s+in|resides\s+in|residing\s+in|"
    r"born\s+in|raised\s+in|grew\s+up\s+in|relocated\s+(?:to|from)|native\s+of|"
    r"hometown\s+(?:of|is)|visiting\s+from|travel(?:l)?ed\s+(?:to|from)|trip\s+to|"
    r"vacation\s+in|is\s+from|are\s+from|am\s+from|i'm\s+from|comes\s+from|"
    r"came\s+from|originally\s+from|lived\s+in|works\s+in|worked\s+in)\s+)"
    r"((?:St\.\s+|Ft\.\s+|Mt\.\s+)?[A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]+){0,2})")
_TOWN_STATE = re.compile(
    r",[ \t]*(?:" + "|".join(
        ("Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
         "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
         "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan",
         "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
         r"New[ \t]+(?:Hampshire|Jersey|Mexico|York)", r"North[ \t]+(?:Carolina|Dakota)", "Ohio",
         "Oklahoma", "Oregon", "Pennsylvania", r"Rhode[ \t]+Island",
         r"South[ \t]+(?:Carolina|Dakota)", "Tennessee", "Texas", "Utah", "Vermont", "Virginia",
         "Washington", r"West[ \t]+Virginia", "Wisconsin", "Wyoming", r"Puerto[ \t]+Rico"))
    + r"|(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|"
    r"NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)(?=[ \t]*(?:[0-9]|$|"
    r"[.,;)\n])))(?![A-Za-z])")
"""A comma, then a US state name or a state code at a phrase end (the town before it is
`_TOWN_WORDS`; the comma first makes the scan fast)."""
_TOWN_WORDS = re.compile(r"(?<![A-Za-z'’.])([A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+){0,2})$")
_WEAK_CONTEXT_WORD = re.compile(r"\b(?:in|at|near|around|outside)[ \t]+([A-Z][a-z]{3,})\b")
_FACILITY_PREP = re.compile(
    r"(?=[tTaAfFiIpPwWvVbB])(?<![A-Za-z])(to|at|from|into|per|with|through|via|by|TO|AT|FROM|"
    r"INTO|PER|WITH|THROUGH|VIA|BY)[ \t]+(?:(?:the|an?|THE|The)[ \t]+)?"
    r"((?:(?:St|ST|Mt|MT)\.?|Saint|SAINT|Mount|MOUNT)[ \t]+)?"
    r"([A-Z][A-Za-z'’&\-]*(?:[ \t]+(?:[A-Z][A-Za-z'’&\-]*|(?:of|at)(?=[ \t]+[A-Z])))"
    r"{0,4})")
"""A preposition of movement or place before capitalized words ('to Mercy', 'from UCSF', 'at
The Glenview at Pelican Bay')."""
_MEMO_MAX = 65536
_FIRST_WORD = re.compile(r"[^ \t'’]+")
_PREP_GROUP = {"TO": "TO", "INTO": "TO", "AT": "AT", "FROM": "FROM", "PER": "FROM",
               "WITH": "WITH", "THROUGH": "WITH", "VIA": "WITH", "BY": "WITH"}
_ALONE_OK = frozenset({"PRESBYTERIAN", "BAPTIST", "METHODIST", "EPISCOPAL", "LUTHERAN",
                       "ADVENTIST", "CHILDRENS", "SHRINERS", "PERMANENTE", "KETTERING"})
"""Facility words that name a hospital alone after a verb of care ('delivery planned at
Methodist', 'transferred to Children's')."""
_DATE_FILLER = (r"[ \t]+(?:on[ \t]+)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
                r"\.?[ \t]+[0-9]{1,2}(?:st|nd|rd|th)?,?(?:[ \t]+(?:19|20)[0-9]{2})?|"
                r"[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?|(?:19|20)[0-9]{2})")
"""A date between a verb of care and its preposition ('implanted May 4, 2021 at X')."""
_ADVERB = (r"(?:[ \t]+(?:previously|recently|originally|emergently|urgently|directly|back|"
           r"initially|twice|once|again|already|yesterday|today|overnight|were|was|been|being|"
           r"are|is|requested|obtained|received|reviewed|faxed|sent)|" + _DATE_FILLER
           + r")?[ \t]+$")
_FACILITY_VERB = {
    "TO": re.compile(r"(?i:\b(?:transferred|transfer|transferring|transported|transport|sent|"
                     r"referred|referral|referrals|refer|accepted|placed|placement|"
                     r"called\s+in|e-?prescribed|faxed|refilled|filled|"
                     r"airlifted|flown|admitted|readmitted|admission|admit|presented|presents|"
                     r"presenting|discharged|went|goes|go|going|return|returned|returning|"
                     r"headed|drove|driven|rushed|diverted|routed|taken|brought|trf|xfer|xferred|"
                     r"trx)"
                     + _ADVERB + ")"),
    "AT": re.compile(r"(?i:\b(?:seen|evaluated|treated|followed|follows|managed|hospitalized|"
                     r"admitted|delivered|stayed|stay|care|dialyzes|dialysis|infusions?|chemo|"
                     r"radiation|surgery|procedure|biopsy|cath|visit|visits|appointment|appt|"
                     r"f/u|follow[\s\-]?up|born|imaging|ct|mri|scan|lives|resides|living|"
                     r"residing|stays|staying|delivery|planned|scheduled|booked|registered|"
                     r"enrolled|established|patient|pt|doctors?|dr|pcp|provider|physician|"
                     r"specialist|[a-z]+ologist|surgeon|obgyn|ob|therapist|counselor|nurse|np|"
                     r"accepted|bed|beds|opening|waitlist|waitlisted|tx|treatment|therapy|"
                     r"implanted|placed|performed|done|inserted|repaired|operated|reviewed|"
                     r"consulted|respite|"
                     r"team|office|er|ed|ward|unit|icu|nicu|floor|bed|room)" + _ADVERB + ")"),
    "FROM": re.compile(r"(?i:\b(?:records?|films?|imaging|images|notes?|reports?|results|"
                       r"doctors?|dr|pcp|provider|physician|specialist|[a-z]+ologist|surgeon|"
                       r"nurse|someone|somebody|call|called|letter|bill|billing|offer|"
                       r"acceptance|denial|authorization|auth|referral|"
                       r"studies|labs|workup|work-up|transferred|transfer|transported|"
                       r"discharged|requested|obtained|received|faxed|outside\s+\w+|"
                       r"ct|mri|scans?|echo|biopsy|path(?:ology)?|slides|blocks)" + _ADVERB
                       + ")"),
    "WITH": re.compile(r"(?i:\b(?:home\s+health|hh|hospice|dialysis|services?|agency|infusions?|"
                       r"dme|oxygen|o2|aides?|nursing|enrolled|arranged|set\s+up|contracted|"
                       r"provided|hhc|hha|vna|transported|transport|transferred|flown|"
                       r"airlifted|evacuated|brought|taken)" + _ADVERB + ")"),
}
"""The verb or noun before `_FACILITY_PREP` (by preposition) that makes the capitalized words a
place of care: 'transferred to Mercy', 'seen at Kaiser', 'records from Hopkins'."""
_TERM_END = re.compile(r"(?:OLOGY|IATRY|IATRICS|TION|SION|MENT|APY)$")
"""Endings of abstract nouns ('Lactation', 'Podiatry'): no unknown town ends so."""
_SERVICE_END = re.compile(r"(?:OLOGY|IATRY|IATRICS|ICS|TION|SION|MENT|ING|ETRY|APY|IVE|IST|"
                          r"ISTS|ERY)$")
"""Endings of service and department words ('Podiatry', 'Lactation', 'Teaching'): no
facility named by context alone ends so."""
_FACILITY_AND = re.compile(r"[ \t]*(?:,[ \t]*(?:and|or|&)?|and|or|&|/)[ \t]*(?:(?:the|THE)[ \t]+)?"
                           r"([A-Z][A-Za-z'’&\-]*(?:[ \t]+[A-Z][A-Za-z'’&\-]*){0,2})")
_MONTH_AHEAD = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
                r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
                r"[0-9]{1,2}/[0-9]{1,2})\b")
_AT_ACRONYM = re.compile(r"at(?<![A-Za-z]at)[ \t]+(?:the[ \t]+)?([A-Z]{3,6})"
                         r"(?![A-Za-z0-9&%/\-])(?=[ \t]*(?:[.,;:)\n]|$|(?:in|for|on|and|with|by|"
                         r"where|then|last|since|until|after|before|x)\b|" + _MONTH_AHEAD
                         + r"))")
"""'CABG '15 at UAB', 'MRI done @ OHSU.': an acronym of three to six capitals after 'at', at
a phrase end, is a place of care when a procedure, a treatment or a year comes just before
(`_AT_ACRONYM_BEFORE`), unless it is a unit, a service or clinical vocabulary."""
_AT_ACRONYM_BEFORE = re.compile(
    r"(?i:\b(?:surgery|cabg|pci|cath|mri|ct|pet|biopsy|egd|colonoscopy|delivered|born|treated|"
    r"diagnosed|dx'?d|done|performed|placed|implanted|resected|transplant(?:ed)?|repair(?:ed)?|"
    r"replaced|replacement|operated|chemo(?:therapy)?|radiation|xrt|dialysis|rehab|residency|"
    r"trained|works?|worked|employed|nurse|admission|admitted|stay|hospitalized|"
    r"[a-z]+(?:ology|iatry|iatrics)|podiatry|wound\s+care|infusions?|appt|appointment|visit|"
    r"follow[\s\-]?up|f/u|seen|"
    r"(?:19|20)[0-9]{2})\b|'[0-9]{2}\b)[^.;\n]{0,25}$")
_PHARMACY_CONTEXT = re.compile(
    r"(?=[PpRrMmSsEe])(?i:\b(?:pharmacy|pharm|rx|prescriptions?|refills?|meds|medications?|scripts?|e-?scribed|"
    r"erx)\b)(?:[^.\n:(]{0,25}?(?:\b(?:at|to|from|with|via)\b|@)|[ \t]*[:(])[ \t]*(?:the[ \t]+)?"
    r"([A-Z][A-Za-z'’&\-]*(?:[ \t]+[A-Z][A-Za-z'’&\-]*){0,2})")
"""'picks up meds at CVS', 'Rx sent to Walgreens', 'Pharmacy: Rite Aid #1180'."""
_SPECIALTY_FACILITY = re.compile(
    r"(?:Neurology|Cardiology|Orthopa?edics|Dermatology|Oncology|Urology|Gastroenterology|"
    r"Pulmonology|Rheumatology|Psychiatry|Ophthalmology|Endocrinology|Nephrology|Podiatry|"
    r"Chiropractic|Dentistry|Dental|Optometry|Eye[ \t]+Care|Audiology|"
    r"OB/?GYN|Women'?s[ \t]+Health|Heart|Vascular|Sports[ \t]+Medicine|"
    r"Physical[ \t]+Therapy|Hospice|Dialysis|Behavioral[ \t]+Health|Wellness|"
    r"Air[ \t]+(?:Care|Evac|Ambulance)|Life[ \t]*Flight|EMS)(?![A-Za-z])"
    r"(?![ \t]+(?i:failure|surgery|disease|attack|rate|sounds?|block|transplant|murmur|cath|"
    r"catheterization|exam|consult|note|service|team|fellow|resident|attending|follow|f/u|"
    r"appointment|appt|evaluation|eval|referral|admission|floor|unit|rounds|recs|"
    r"recommendations|valve|team|defect|health)\b)(?<=[A-Za-z])")
"""'Valley Cardiology', 'Bryan Heart', 'Sunrise Hospice': a practice or agency named by a proper
word before a specialty or service word (the words before must name, not describe); the
specialty word is found first (a fast scan), then `_NAMING_WORDS` before it."""
_NAMING_WORDS = re.compile(r"(?<![A-Za-z'’])([A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]+){0,2})"
                           r"[ \t]+$")
_LOWER_CONTEXT_FACILITY = re.compile(
    r"(?=[atfp])(?<![A-Za-z])(?:at|to|from|per)[ \t]+(?:the[ \t]+)?(?:(st\.?|saint)[ \t]+"
    r"([a-z]{3,}(?:['’]?s)?)"
    r"|([a-z]{3,})[ \t]+(?:er|ed|urgent[ \t]+care))(?![A-Za-z])")
"""Lower-case chat: 'seen at st lukes', 'went to mercy er'."""
_FACILITY_LABEL = re.compile(
    r"(?im:^[ \t]*(?:[-*•][ \t]*)?(?:agency|hha|home[ \t]+health(?:[ \t]+agency)?|"
    r"hospice(?:[ \t]+agency)?|"
    r"dialysis(?:[ \t]+(?:unit|center|centre))?|snf|alf|ltc|ltach|irf|facility|placement|"
    r"pharmacy|referring[ \t]+(?:facility|hospital|clinic)|transferring[ \t]+facility|"
    r"sending[ \t]+facility|receiving[ \t]+facility|outside[ \t]+hospital|osh|pcp[ \t]+office|"
    r"practice|treatment[ \t]+(?:center|centre|program)|rehab(?:ilitation)?[ \t]+facility|"
    r"nursing[ \t]+home|residence|living[ \t]+facility|ambulance|ems[ \t]+agency|"
    r"transport(?:ed)?[ \t]+by)[ \t]*[:=][ \t]*)"
    r"([A-Z][A-Za-z'’&\-.]*(?:[ \t]+(?:[A-Z][A-Za-z'’&\-.]*|of|the|at|on|&)){0,5})")
"""A labelled place of care ('Agency: BrightStar Care', 'SNF: Sunrise of Oak Park')."""
_OUR_LADY = re.compile(r"(?<![A-Za-z])(?:Our|OUR)[ \t]+(?:Lady|LADY)[ \t]+(?:of|OF)[ \t]+"
                       r"(?:(?:the|THE)[ \t]+)?[A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]+){0,2}")
"""'Our Lady of Lourdes', 'Our Lady of the Lake': a Marian title names a hospital."""
_CHILDRENS = re.compile(r"(?<![A-Za-z])(?:Children|CHILDREN)['’](?:s|S)[ \t]+"
                        r"([A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]+){0,2})")
""""Children's Mercy", "Children's Wisconsin": a children's hospital named by one more word
(not a drug: "Children's Tylenol")."""
_BRAND_BEFORE_OF = re.compile(r"(?<![A-Za-z])(?:at|to|from|with|per)[ \t]+(?:the[ \t]+)?"
                              r"([A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]+)?)$")
_TOWN_AFTER_OF = re.compile(r"([A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+)?)(?![A-Za-z])")
"""'respite at Sunrise of Edina', 'placed at Brookdale of Fargo': a brand and 'of' a gazetteer
town after a place preposition is a branch of a facility chain."""
_OF_CAPITAL = re.compile(r" of [A-Z]")
_U_OF = re.compile(r"(?<![A-Za-z])(?:the[ \t]+)?U[ \t]+of[ \t]+[A-Z][A-Za-z]*(?:[ \t]+(?i:clinic|"
                   r"hospital|medical[ \t]+cent(?:er|re)|health|er|ed))?(?![A-Za-z])")
"""'seen at the U of M clinic', 'U of I hospital': a university's hospital by its short name."""
_BRAND_CARE = re.compile(r"(?<![A-Za-z'’\-])([A-Z][A-Za-z'’\-]+)[ \t]+$")
"""'Accra Care', 'BrightStar Care': a home-care brand (not an English word before 'Care':
'Comfort Care', 'Kangaroo Care', 'Child Care' stay)."""
_TYPE_AFTER_NAME = re.compile(r"(?:SNF|ALF|LTACH|LTAC|IRF|HHA|ECF)(?![A-Za-z])")
"""The kind of a facility after its name ('Brookdale SNF', 'Sunrise ALF'); the name is
`_NAMING_WORDS` before it (the kind first: a fast scan)."""
_DROP_UPPER = {c: None for c in range(ord("A"), ord("Z") + 1)}
_CHAT_CAPITALS = 0.015
"""A text whose characters are at most 1.5 % capitals is lower-case chat."""
_LOWER_PLACE = re.compile(
    r"(?<![A-Za-z])(?:in|from|to|near|outside|around|of)[ \t]+([a-z][a-z'’\-]+(?:[ \t]+"
    r"[a-z][a-z'’\-]+){0,2})")
"""A lower-case word run after a place preposition."""
_SAINT_NAME = re.compile(
    r"(?=S)(?:(?<![A-Za-z0-9][ \t])|(?<=[ \t(]at[ \t])|(?<=[ \t(]to[ \t])|(?<=[ \t]from[ \t])|"
    r"(?<=[ \t]per[ \t])|(?<=[ \t]in[ \t])|(?<=[ \t]by[ \t])|(?<=[ \t]and[ \t])|"
    r"(?<=[ \t]or[ \t]))(?<![A-Za-z0-9.])(?:St\.?|ST\.?|Saint|SAINT)[ \t]+"
    r"([A-Z][a-z]+(?:['’]s)?|[A-Z]{3,}(?:['’]S)?)(?![A-Za-z])")
"""'St. Vincent's called', 'per ST JOSEPH': a saint's name (not after a street name, not a
gazetteer town, not a plant or disease) names a hospital."""
_STREET_BEFORE = re.compile(r"(?<![A-Za-z0-9])[NSEW]?[0-9]{1,6}[A-Za-z]?(?:[ \t]?(?:½|1/2))?"
                            r"[ \t]+(?:[A-Z0-9][A-Za-z0-9'’.\-]*[ \t]+){1,4}$")
"""A house number and street words right before a street suffix."""
_STREET_THEN_TOWN = re.compile(
    r"(?:St|Street|Ave|Avenue|Av|Rd|Road|Dr|Drive|Ln|"
    r"Lane|Blvd|Boulevard|Ct|Court|Way|Pl|"
    r"Place|Cir|Circle|Hwy|Highway|Trl|Trail|Pkwy|Parkway|Ter|Terrace|Loop|Row|Run|Pike|Route|"
    r"Rte|STREET|ST|AVE|RD|ROAD|DR|LN|BLVD|HWY)\.?(?:[ \t]+(?:N|S|E|W|NE|NW|SE|SW)\.?)?"
    r"(?:,?[ \t]*(?:Apt|Unit|Suite|Ste|Lot|Trlr|Fl|Floor|Rm|Bldg|Spc|Space|APT|UNIT|SUITE|STE|"
    r"LOT|TRLR|FL|RM|BLDG|SPC|#)[^,;\n]{0,10}?)?(?:,[ \t]*|[ \t]{2,})"
    r"([A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+){0,2}|[A-Z]{3,}(?:[ \t][A-Z]{3,}){0,2})"
    r"(?=[ \t]*(?:[,;.\n]|$))")
"""A street suffix and the town after it ('12 Oak St, Hope;', '4 Elm Rd, Apt 2, Normal.'); the
street line before it is `_STREET_BEFORE` (the suffix first: a fast scan)."""
_LOWER_FACILITY_PREP = re.compile(
    r"(?<![A-Za-z])(to|at|from|per|with|through|via)[ \t]+(?:the[ \t]+)?([a-z][a-z'’]{2,})"
    r"(?![A-Za-z'’])")
"""In lower-case chat, one word after a verb of care and its preposition ('seen at geisinger')."""
_ZIP_AFTER_LOWER_CODE = re.compile(r"(?<=[ ,][a-z]{2}[ ,])[0-9]{5}(?:-[0-9]{4})?(?![0-9])")
"""Five digits after a lower-case two-letter word ('portland or 97201', 'boise id 83702')."""
_TOWN_BEFORE_CODE = re.compile(r"([A-Za-z][A-Za-z'’.\-]+(?:[ \t][A-Za-z][A-Za-z'’.\-]+){0,2}),?"
                               r"[ \t]+[a-z]{2},?[ \t]*$")
_LOWER_STATE_ZIP = re.compile(r",?[ \t]+([a-z]{2}),?[ \t]+([0-9]{5}(?:-[0-9]{4})?)(?![0-9])")
_LOWER_ONE_FACILITY = re.compile(
    r"(?<![A-Za-z'’\-])([a-z][a-z'’]{2,})[ \t]+(?:hospital|clinic|er|urgent[ \t]+care|"
    r"medical[ \t]+cent(?:er|re)|med[ \t]+cent(?:er|re)|rehab|pharmacy|dialysis|hospice)"
    r"(?![A-Za-z])")
"""One lower-case word before a facility word in chat ('baylor hospital', 'sutter er')."""
_ON_STREET = re.compile(r"[ \t]+on[ \t]+(?:(?:Hwy|Highway|Route|Rte|County[ \t]+(?:Rd|Road)|"
                        r"US|SR)[ \t\-]*[0-9]{1,4}|[0-9]{1,3}(?:st|nd|rd|th)(?:[ \t]+(?:St|Street|"
                        r"Ave|Avenue))?|[A-Z][a-z]+[ \t]+(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Dr|"
                        r"Drive|Pkwy|Parkway|Hwy))(?![A-Za-z0-9])")
"""A branch's street after a store or clinic name ('Walmart on Hwy 55', 'CVS on Main St')."""
_NAMED_SERVICE = re.compile(r"[ \t]+[A-Z][a-z]+[ \t]+(?:Health|Center|Centre|Clinic|Institute)"
                            r"(?![A-Za-z])")
"""A service named after a facility's name ('North Memorial Sleep Health')."""
_LAST_STAY = re.compile(
    r"(?=[LlPpRrMm])(?i:\b(?:last|prior|previous|recent|most[ \t]+recent)[ \t]+(?:admit|admission|"
    r"hospitali[sz]ation|stay|inpatient[ \t]+stay)[ \t]+(?:at[ \t]+|to[ \t]+)?)"
    r"([A-Za-z][A-Za-z'’\-]+(?:[ \t]+[A-Za-z][A-Za-z'’\-]+)?)[ \t]+(?=(?i:jan|feb|mar|apr|may|"
    r"jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+(?:[0-9]{1,2}\b|(?:19|20)[0-9]{2})|"
    r"[0-9]{1,2}/[0-9]{1,2})")
"""'last admit north memorial may 2025': the place of the last stay, before its date."""
_LAST_STAY_WORDS = tuple(f"{a} {b}" for a in ("last", "Last", "LAST", "prior", "Prior",
                                              "previous", "Previous", "recent", "Recent")
                         for b in ("admi", "ADMI", "stay", "hosp", "inpatient"))
_AIR_SUFFIX = re.compile(r"[ \t]+(?:One|Flight|Air|MedFlight|AirCare|AirMed)(?![A-Za-z])")
"""The word that makes a hospital's name an air ambulance's ('Mayo One')."""
_STORE_BRANCH = re.compile(r"(?<![A-Za-z'’\-])([A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]+)?)"
                           r"[ \t]*$")
_BRANCH_NUMBER = re.compile(r"#[ \t]*[0-9]{3,6}(?![0-9])")
"""'Walgreens #84511' in a pharmacy note: a store and its branch number."""
_STORE_NUMBER = re.compile(r"[ \t]*(?:#|No\.|Store[ \t]+#?)[ \t]*[0-9]{1,6}(?![0-9])")
"""A branch number after a facility or store name ('Walgreens #4412')."""
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


class PlaceFinder:
    """Finds facilities and cities (see the module docstring)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._plain_seen: dict[str, bool] = {}
        """`_plain` per word, memoized (a bounded vocabulary of capitalized words)."""

    def find(self, text: str) -> list[Span]:
        spans = [*self._facilities(text), *self._cities(text), *self._shaped_cities(text),
                 *self._context_places(text), *self._unknown_after_in(text),
                 *self._acronyms_and_employers(text), *self._place_then_zip(text),
                 *self._lower_facilities(text), *self._facility_context(text),
                 *self._town_before_state(text), *self._named_practices(text),
                 *self._lower_places(text), *self._zip_after_lower_code(text),
                 *self._brand_facilities(text)]
        return spans + self._coordinated(text, spans)

    def _facility_blocked(self, key: str) -> bool:
        """A word that cannot start or end a facility name found by context alone."""
        lex = self.lex
        return (key in FUNCTION_WORDS or key in _GENERIC or key in _UNITS or key in _SERVICES
                or key in MONTH_WORDS or key in lex.not_name or key in lex.titles
                or lex.is_clinical(key) or len(key) < 2 or bool(_SERVICE_END.search(key))
                or ("-" in key and (key.replace("-", "") in _SERVICES or any(
                    self._facility_blocked(part) for part in key.split("-") if part))))

    def _facility_context(self, text: str) -> list[Span]:
        """'transferred to Mercy', 'seen at Kaiser', 'admitted to St. Luke's', 'records from
        Hopkins', 'outside films from Valley', 'records from UCSF and OHSU': capitalized
        words (or an acronym) after a verb of care or transfer and 'to'/'at'/'from' name a
        place of care even without a facility word, unless they are a unit, a service,
        clinical vocabulary, a month, a state or a country ('transferred to Telemetry',
        'sent to MICU', 'went to Florida' stay)."""
        spans: list[Span] = []
        for match in _AT_ACRONYM.finditer(text):
            key = match.group(1)
            if self._facility_blocked(key) or key in self.lex.states or key in _COUNTRIES \
                    or key in COUNTRY_OR_REGION or not _AT_ACRONYM_BEFORE.search(
                        text, max(0, match.start() - 40), match.start()):
                continue
            spans.append(Span(match.start(1), match.end(1), PhiType.FACILITY, "facility_context",
                              0.75))
        for match in _FACILITY_PREP.finditer(text):
            if not match.group(2):
                first = fold(_FIRST_WORD.match(match.group(3)).group())  # type: ignore[union-attr]
                if self._facility_blocked(first) and first not in _ALONE_OK:
                    continue  # 'to ED', 'by Dr': no verb check needed
                # 'was at Methodist for': a denomination alone after a place preposition
                alone = first in _ALONE_OK and " " not in match.group(3) \
                    and match.group(1).upper() in ("AT", "TO", "FROM")
            else:
                alone = False
            verb = _FACILITY_VERB[_PREP_GROUP[match.group(1).upper()]]
            if not alone and not verb.search(text, max(0, match.start() - 45), match.start()):
                continue
            spans.extend(self._facility_words(text, match.start(3), match.group(3),
                                              match.start(2) if match.group(2) else -1))
        return spans

    def _lower_places(self, text: str) -> list[Span]:
        """'moved to tulsa', 'live in eau claire ok 74012': in lower-case chat (few capitals),
        a gazetteer town after a place preposition is a city, unless it is an everyday word
        too (word-named towns, names that are words), a state, clinical or a function word."""
        if len(text) - len(text.translate(_DROP_UPPER)) > len(text) * _CHAT_CAPITALS:
            return []
        lex = self.lex
        spans: list[Span] = []
        for match in _LOWER_PLACE.finditer(text):
            words = match.group(1).split()
            keys = [fold(w) for w in words]
            for n in range(len(keys), 0, -1):
                whole = " ".join(keys[:n])
                if whole not in lex.places or whole in lex.states or whole in COUNTRY_OR_REGION \
                        or whole in _COUNTRIES or whole in _GENERIC:
                    continue
                if n == 1 and (whole in lex.weak or whole in lex.place_words
                               or whole in FUNCTION_WORDS or lex.is_clinical(whole)
                               or whole in lex.not_name or whole in _SERVICES
                               or whole in lex.first or len(whole) < 4):
                    break
                end = match.start(1) + len(" ".join(words[:n]))
                spans.append(Span(match.start(1), end, PhiType.CITY, "place_lower", 0.75))
                code_zip = _LOWER_STATE_ZIP.match(text, end)
                if code_zip and code_zip.group(1).upper() in lex.states:  # 'portland or 97201'
                    spans.append(Span(code_zip.start(2), code_zip.end(2), PhiType.ZIP,
                                      "place_lower", 0.8))
                break
        for match in _LOWER_FACILITY_PREP.finditer(text):
            key = fold(match.group(2))
            verb = _FACILITY_VERB[_PREP_GROUP[match.group(1).upper()]]
            if (key in FUNCTION_WORDS or self._plain(key) or key in _SERVICES or len(key) < 3
                    or key in _UNITS or key in lex.places
                    or (is_english(key) and not lex.is_name(key)) or key in lex.weak
                    or not verb.search(text, max(0, match.start() - 45), match.start())):
                continue
            spans.append(Span(match.start(2), match.end(2), PhiType.FACILITY, "facility_lower",
                              0.7))
        for match in _LOWER_ONE_FACILITY.finditer(text):
            key = fold(match.group(1))
            if (key in FUNCTION_WORDS or self._plain(key) or key in _SERVICES or len(key) < 3
                    or (is_english(key) and not lex.is_name(key))):
                continue
            spans.append(Span(match.start(1), match.end(), PhiType.FACILITY, "facility_lower",
                              0.7))
        return spans

    def _named_practices(self, text: str) -> list[Span]:
        """Practices and agencies named before a specialty word (`_SPECIALTY_FACILITY`),
        pharmacies after a prescription word (`_PHARMACY_CONTEXT`) and lower-case facility
        names in chat (`_LOWER_CONTEXT_FACILITY`)."""
        lex = self.lex
        spans: list[Span] = []
        for special in _SPECIALTY_FACILITY.finditer(text):
            match = _NAMING_WORDS.search(text, max(0, special.start() - 60), special.start())
            if not match:
                continue
            words = list(re.finditer(r"[^ \t]+", match.group(1)))
            keys = [fold(w.group()) for w in words]
            kept = len(keys)  # the longest run of naming words right before the specialty
            while kept and not (self._facility_blocked(keys[kept - 1])
                                or self._plain(keys[kept - 1])
                                or _ADJECTIVE_END.search(keys[kept - 1])
                                or keys[kept - 1] in lex.states or keys[kept - 1] in lex.eponyms):
                kept -= 1
            if kept == len(keys):
                continue
            while kept < len(keys) - 1 and is_english(keys[kept]) and (
                    match.start(1) + words[kept].start() == 0
                    or text[:match.start(1) + words[kept].start()].rstrip(" \t")[-1:] in ".\n:;"):
                kept += 1  # 'Sees Bryan Heart': a sentence's first word is no part of the name
            start = match.start(1) + words[kept].start()
            spans.append(Span(start, special.end(), PhiType.FACILITY, "facility_practice", 0.8))
        for match in _STREET_THEN_TOWN.finditer(text):
            if not _STREET_BEFORE.search(text, max(0, match.start() - 60), match.start()):
                continue
            key = fold(match.group(1))
            if key in lex.states or key in COUNTRY_OR_REGION or key in _COUNTRIES \
                    or lex.is_clinical(key) or key in MONTH_WORDS:
                continue
            spans.append(Span(match.start(1), match.end(1), PhiType.CITY, "town_state", 0.85))
        for match in _SAINT_NAME.finditer(text) if ("St" in text or "ST" in text
                                                    or "Saint" in text) else ():
            name = fold(re.sub(r"['’][sS]$", "", match.group(1)))
            town = fold(text[match.start():match.end(1)])
            # a possessive ("St. Luke's") names a hospital even when a town has the saint's name
            # a possessive ("St. Luke's") or a saint in parentheses ('outside CT (St. Ives)')
            # names a hospital even when a town has the saint's name
            possessive = match.group(1)[-2:-1] in ("'", "’") or (
                text[match.start() - 1:match.start()] == "("
                and text[match.end():match.end() + 1] == ")")
            if lex.is_clinical(name) or name in FUNCTION_WORDS or name in MONTH_WORDS \
                    or (not possessive and (town in lex.places or fold("ST " + name) in lex.places
                                            or fold("SAINT " + name) in lex.places)) \
                    or _eponym_after(
                        text[match.end():match.end() + 50]):
                continue
            spans.append(Span(match.start(), match.end(), PhiType.FACILITY, "facility_saint",
                              0.8))
        if ":" in text or "=" in text:
            for match in _FACILITY_LABEL.finditer(text):
                spans.extend(self._labelled_facility(text, match))
        for kind in _TYPE_AFTER_NAME.finditer(text):
            if not kind.start() or text[kind.start() - 1] not in " \t":
                continue
            match = _NAMING_WORDS.search(text, max(0, kind.start() - 60), kind.start())
            if not match:
                continue
            words = list(re.finditer(r"[^ \t]+", match.group(1)))
            keys = [fold(w.group()) for w in words]
            kept = len(keys)
            while kept and not (self._facility_blocked(keys[kept - 1])
                                or self._plain(keys[kept - 1]) or keys[kept - 1] in lex.states):
                kept -= 1
            if kept < len(keys):
                spans.append(Span(match.start(1) + words[kept].start(), match.end(1),
                                  PhiType.FACILITY, "facility_kind", 0.8))
        if any(w in text for w in _LAST_STAY_WORDS):
            for match in _LAST_STAY.finditer(text):
                keys = [fold(w) for w in match.group(1).split()]
                if any(k in FUNCTION_WORDS or lex.is_clinical(k) or k in MONTH_WORDS
                       or k in _SERVICES or k in _UNITS for k in keys) or all(
                           k in _GENERIC and k not in _ALONE_OK for k in keys):
                    continue
                spans.append(Span(match.start(1), match.end(1), PhiType.FACILITY, "facility",
                                  0.7))
        if "#" in text and ("harm" in text or "HARM" in text):
            for number in _BRANCH_NUMBER.finditer(text):  # the number first, then its store
                match = _STORE_BRANCH.search(text, max(0, number.start() - 50), number.start())
                if not match:
                    continue
                keys = [fold(w) for w in match.group(1).split()]
                if any(self._facility_blocked(k) or self._plain(k) for k in keys):
                    continue
                spans.append(Span(match.start(1), number.end(), PhiType.FACILITY, "facility",
                                  0.75))
        if any(w in text for w in ("harm", "Rx", "RX", "rx ", "rescri", "efill", "meds",
                                   "edication", "cript")):
            for match in _PHARMACY_CONTEXT.finditer(text):
                spans.extend(self._facility_words(text, match.start(1), match.group(1), -1))
        lower = _LOWER_CONTEXT_FACILITY.finditer(text) if any(
            w in text for w in (" er", " ed", "urgent care", " st ", " st.", "saint")) else ()
        for match in lower:
            key = fold(match.group(2) or match.group(3))
            if lex.is_clinical(key) or key in FUNCTION_WORDS or key in _SERVICES \
                    or key in _GENERIC or key in _SERVICE_WORDS or (
                        match.group(3) and key in ("THE", "MAIN", "PEDS", "LOCAL", "NEAREST")):
                continue
            start = match.start(1) if match.group(1) else match.start(3)
            end = match.end(2) if match.group(2) else match.end(3)
            spans.append(Span(start, end, PhiType.FACILITY, "facility_lower", 0.75))
        return spans

    def _brand_facilities(self, text: str) -> list[Span]:
        """Facilities named without a usual facility word: a Marian title (`_OUR_LADY`), a
        children's hospital (`_CHILDRENS`), a chain's branch 'of' a town (`_BRAND_BEFORE_OF`),
        a university's short name (`_U_OF`) and a home-care brand (`_BRAND_CARE`)."""
        lex = self.lex
        spans: list[Span] = []
        if "Our Lady" in text or "OUR LADY" in text:
            spans.extend(Span(m.start(), m.end(), PhiType.FACILITY, "facility", 0.85)
                         for m in _OUR_LADY.finditer(text))
        if "ildren's" in text or "ildren’s" in text or "ILDREN'S" in text:
            for match in _CHILDRENS.finditer(text):
                keys = [fold(w) for w in match.group(1).split()]
                if keys[0] in lex.drugs or keys[0] in FUNCTION_WORDS or keys[0] in _UNITS:
                    continue
                spans.append(Span(match.start(), match.end(), PhiType.FACILITY,
                                  "facility", 0.8))
        for of in _OF_CAPITAL.finditer(text):  # ' of ' first, then the brand before it
            brand = _BRAND_BEFORE_OF.search(text, max(0, of.start() - 60), of.start())
            town = _TOWN_AFTER_OF.match(text, of.end() - 1)
            if not brand or not town:
                continue
            keys = [fold(w) for w in brand.group(1).split()]
            if not self._of_town(" of " + town.group(1)) or any(
                    self._facility_blocked(k) or k in lex.states for k in keys):
                continue
            spans.append(Span(brand.start(1), town.end(1), PhiType.FACILITY, "facility", 0.75))
        if "U of" in text:
            spans.extend(Span(m.start(), m.end(), PhiType.FACILITY, "facility", 0.8)
                         for m in _U_OF.finditer(text))
        at = text.find(" Care")
        while at >= 0:  # 'Care' first (a fast find), then the word before it
            after = at + 5
            at = text.find(" Care", after)
            if after < len(text) and text[after].isalpha():
                continue
            before = _BRAND_CARE.search(text, max(0, after - 45), after - 4)
            if before:
                key = fold(before.group(1))
                if self._facility_blocked(key) or self._plain(key) or (
                        is_english(key) and key not in lex.places) or key in lex.states:
                    continue
                spans.append(Span(before.start(1), after, PhiType.FACILITY, "facility", 0.75))
        return spans

    def _labelled_facility(self, text: str, match: re.Match[str]) -> list[Span]:
        """The value after a facility label, up to its end; none when it is only service,
        unit or clinical words ('Location: ED', 'Pharmacy: please verify')."""
        words = list(re.finditer(r"[^ \t]+", match.group(1)))
        while words and fold(words[-1].group()) in FUNCTION_WORDS | {"OF", "THE", "AT", "ON", "&"} \
                and not words[-1].group()[:1].isupper():
            words.pop()
        keys = [fold(w.group().rstrip(".")) for w in words]
        if not keys or all(self._plain(k) or self._facility_blocked(k) for k in keys):
            return []
        return [Span(match.start(1), match.start(1) + words[-1].end(), PhiType.FACILITY,
                     "facility_label", 0.85)]

    def _facility_words(self, text: str, start: int, phrase: str, saint: int) -> list[Span]:
        """The facility name at the start of `phrase` (its words up to the first blocked
        one), then the ones coordinated with it ('UCSF and OHSU')."""
        words = list(re.finditer(r"[^ \t]+", phrase))
        kept = 0
        for word in words:
            key = fold(re.sub(r"['’]s?$", "", word.group()))
            if key in ("OF", "AT") and kept and word.group().islower():
                kept += 1
                continue
            if self._facility_blocked(key) and not (key in _ALONE_OK and not kept):
                break
            kept += 1
        while kept and words[kept - 1].group() in ("of", "at"):
            kept -= 1
        if not kept:
            return []
        if kept < len(words):
            # 'Hand Surgery', 'Comfort Care': a service; 'Mercy ICU', 'MERCY FOR CATH' go on
            following = fold(words[kept].group())
            if following not in _UNITS and following not in FUNCTION_WORDS:
                return []
        keys = [fold(w.group()) for w in words[:kept]]
        if saint < 0 and all(self._plain(k) for k in keys) and not all(
                k in _ALONE_OK for k in keys):
            return []  # 'Seen at Travel Clinic'
        whole = " ".join(keys)
        if saint < 0 and (whole in self.lex.states or whole in COUNTRY_OR_REGION
                          or whole in _COUNTRIES):
            return []
        end = start + words[kept - 1].end()
        if _eponym_after(text[end:end + 50]):
            return []
        trailing = _TRAILING_WORDS.match(text, end)
        if trailing:  # 'Methodist Hospital', 'Children's Medical Center'
            end = trailing.end()
        number = _STORE_NUMBER.match(text, end)
        if number:  # 'Walgreens #4412': the branch's number belongs to the name
            end = number.end()
        air = _AIR_SUFFIX.match(text, end)
        if air:  # 'transported by Mayo One'
            end = air.end()
        branch = _ON_STREET.match(text, end)
        if branch:  # 'Walmart on Hwy 55': the branch's street belongs to the name
            end = branch.end()
        out = [Span(saint if saint >= 0 else start, end, PhiType.FACILITY, "facility_context",
                    0.8)]
        more = _FACILITY_AND.match(text, end)
        if more:
            out.extend(self._facility_words(text, more.start(1), more.group(1), -1))
        return out

    def _coordinated(self, text: str, spans: list[Span]) -> list[Span]:
        """'between Hialeah, Florida and Guadalajara', 'Enid or Tulsa': a capitalized word
        joined by 'and'/'or' to a found city is a city too, unless it is a state, a country
        or region, clinical vocabulary or a function word."""
        lex = self.lex
        extra: list[Span] = []
        for span in spans:
            if span.type is not PhiType.CITY:
                continue
            match = _COORDINATED_PLACE.match(text, span.end)
            if not match:
                continue
            words = match.group(1).split()
            keys = [fold(w) for w in words]
            whole = " ".join(keys)
            if whole in lex.states or whole in COUNTRY_OR_REGION or whole in _COUNTRIES or any(
                    lex.is_clinical(k) or k in FUNCTION_WORDS or k in _MONTHS_UPPER
                    or k in lex.not_name for k in keys):
                continue
            extra.append(Span(match.start(1), match.end(1), PhiType.CITY, "place_and", 0.75))
        return extra

    def _lower_facilities(self, text: str) -> list[Span]:
        """'cedar bend rehab', 'st agnes hospital' in lower-case chat: two or three lower-case
        words before a facility word, none of them generic, clinical, a function word or
        shaped like an adjective ('pulmonary rehab', 'the local hospital' stay)."""
        lex = self.lex
        spans: list[Span] = []
        for match in _LOWER_FACILITY.finditer(text) if any(
                w in text for w in ("rehab", "hospital", "clinic", "nursing", "hospice",
                                    "manor", "pharmacy")) else ():
            words = list(re.finditer(r"\S+", match.group(1)))
            kept = 0  # the longest run of acceptable words right before the facility word
            for word in reversed(words):
                key = fold(word.group())
                if key in _GENERIC or key in FUNCTION_WORDS or lex.is_clinical(key) \
                        or key in _SERVICE_WORDS or key in lex.states \
                        or _ADJECTIVE_END.search(key) or len(key) < 3:
                    break
                kept += 1
            first = len(words) - kept
            if kept and first > 0 and fold(words[first - 1].group()) == "ST":
                first -= 1
                kept += 1
            if kept < 2:
                continue
            start = match.start(1) + words[first].start()
            spans.append(Span(start, match.end(), PhiType.FACILITY, "facility_lower", 0.75))
        return spans

    def _zip_after_lower_code(self, text: str) -> list[Span]:
        """'portland or 97201': a ZIP after a lower-case state code (codes that are English
        words, 'or', 'in', 'me'... included) when a gazetteer town comes before the code."""
        lex = self.lex
        spans: list[Span] = []
        for match in _ZIP_AFTER_LOWER_CODE.finditer(text):
            code = text[match.start() - 3:match.start() - 1].upper()
            if code not in lex.states:
                continue
            town = _TOWN_BEFORE_CODE.search(text, max(0, match.start() - 50), match.start())
            if not town:
                continue
            words = town.group(1).split()
            for n in range(min(3, len(words)), 0, -1):
                if fold(" ".join(words[-n:])) in lex.places:
                    start = town.start(1) + town.group(1).rfind(" ".join(words[-n:]))
                    spans.append(Span(start, start + len(" ".join(words[-n:])), PhiType.CITY,
                                      "place_zip", 0.85))
                    spans.append(Span(match.start(), match.end(), PhiType.ZIP, "place_zip", 0.85))
                    break
        return spans

    def _place_then_zip(self, text: str) -> list[Span]:
        """'Lowell 01852', 'Enid 73701' (a table cell, an envelope without the state): a
        gazetteer place right before five digits is a city and the digits its ZIP code,
        even when the place is also a name or an everyday word."""
        lex = self.lex
        spans: list[Span] = []
        for match in _PLACE_ZIP.finditer(text):
            key = fold(match.group(1))
            if key not in lex.places or lex.is_clinical(key) or key in lex.states \
                    or key in FUNCTION_WORDS:
                continue
            spans.append(Span(match.start(1), match.end(1), PhiType.CITY, "place_zip", 0.85))
            spans.append(Span(match.start(2), match.end(2), PhiType.ZIP, "place_zip", 0.85))
        return spans

    def _acronyms_and_employers(self, text: str) -> list[Span]:
        """Facility acronyms after a transfer verb and employers after 'works at' (see
        `_ACRONYM_FACILITY`, `_EMPLOYER`), vetoed by units and clinical vocabulary."""
        lex = self.lex
        spans: list[Span] = []
        low = text.lower()
        acronyms = _ACRONYM_FACILITY.finditer(text) if any(
            w in low for w in _ACRONYM_NEEDS) else ()
        for match in acronyms:
            key = match.group(1)
            if key not in _UNITS and not lex.is_clinical(key) and key not in lex.states \
                    and key not in FUNCTION_WORDS:
                spans.append(Span(match.start(1), match.end(1), PhiType.FACILITY,
                                  "facility_acronym", 0.8))
        employers = _EMPLOYER.finditer(text) if any(w in low for w in _EMPLOYER_NEEDS) else ()
        for match in employers:
            words = match.group(1).split()
            while words and (fold(words[-1]) in FUNCTION_WORDS or fold(words[-1]) in ("OF", "&")
                             or lex.is_clinical(fold(words[-1]))):
                words.pop()
            keys = [fold(w) for w in words]
            if not keys or all(k in _GENERIC or k in FUNCTION_WORDS or lex.is_clinical(k)
                               or k in _UNITS or k in lex.states for k in keys):
                continue
            offsets = [(m.start(), m.end()) for m in re.finditer(r"\S+", match.group(1))]
            start = match.start(1)
            end = start + offsets[len(words) - 1][1]
            spans.append(Span(start, end, PhiType.FACILITY, "employer", 0.75))
        return spans

    def _facilities(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for match in _FACILITY.finditer(text):
            words = [fold(w) for w in re.findall(r"[A-Za-z'’&]+", match.group(1))]
            start = match.start(1)
            # drop leading generic/function words ('the', 'admitted to')
            lead = re.match(r"(?:(?:[A-Z][a-z]*|the|of|to|at|and)\s+)*?"
                            r"(?=(?:St\.?|Saint|Mt\.?|Mount|Our)\s|[A-Z])", match.group(1))
            del lead
            # 'Urology Associates of Kalamazoo': plain words before a facility word name one
            # place when a gazetteer town follows 'of'
            of_place = bool(match.group(2)) and self._of_town(match.group(2))
            if all(self._plain(w) for w in words) and not self._named_building(words) \
                    and not of_place:
                continue
            end = match.end(2) if match.group(2) else match.end(1)
            # trim leading words that are function words
            segment = text[start:end]
            trimmed = re.match(r"^(?i:(?:The|A|An|At|To|In|From|On|Of|Patient|Pt|Admitted|"
                               r"Seen|Transferred|Discharged|Repeat|Follow|Up|Via|By)\s+)+",
                               segment)
            if trimmed:
                start += trimmed.end()
            # a function word inside ('YO SEEN IN CLINIC', 'resides at X Hospital', 'Started
            # the Mayo Clinic'): the facility name starts after the last one
            cut = start
            previous = ""
            for inner in re.finditer(r"[A-Za-z'’]+", text[start:end]):
                word = inner.group()
                if (fold(word) in _CUT_WORDS or (word == "the" and previous not in ("of", "at"))
                        ) and start + inner.end() < end:
                    cut = start + inner.end()
                previous = word
            start = cut
            while start < end and text[start] in " \t":
                start += 1
            rest = [fold(w) for w in re.findall(r"[A-Za-z'’&]+", text[start:end])]
            if _eponym_after(text[end:end + 50]):
                continue  # 'the Mayo Clinic diet', 'Cleveland Clinic protocol'
            number = _STORE_NUMBER.match(text, end)
            if number:  # 'Kroger Pharmacy #512'
                end = number.end()
            named = _NAMED_SERVICE.match(text, end)
            if named:  # 'North Memorial Sleep Health'
                end = named.end()
            if end > start and (not all(self._plain(w) for w in rest)
                                or self._named_building(rest) or of_place):
                spans.append(Span(start, end, PhiType.FACILITY, "facility", 0.9))
        for match in _FACILITY_OF.finditer(text):
            spans.append(Span(match.start(), match.end(), PhiType.FACILITY, "facility_of", 0.9))
        return spans

    def _of_town(self, tail: str) -> bool:
        """' of Kalamazoo', ' of the Twin Cities': the words after 'of' are a gazetteer town
        (not a state or a country)."""
        words = re.findall(r"[A-Za-z'’.\-]+", tail)[1:]
        if words and words[0] == "the":
            words = words[1:]
        lex = self.lex
        for n in range(len(words), 0, -1):
            whole = fold(" ".join(words[:n]))
            if whole in lex.places and whole not in lex.states and whole not in _COUNTRIES \
                    and whole not in COUNTRY_OR_REGION:
                return True
        return False

    def _plain(self, key: str) -> bool:
        """A word that names a kind of care, not one place ('Anticoagulation Clinic', 'Wound
        Care Center', 'Employee Health'): generic, a service, clinical vocabulary."""
        known = self._plain_seen.get(key)
        if known is None:
            if len(self._plain_seen) > _MEMO_MAX:
                self._plain_seen.clear()
            known = self._plain_seen[key] = self._plain_word(key)
        return known

    def _plain_word(self, key: str) -> bool:
        lex = self.lex
        if key in _GENERIC:
            return True
        if key in lex.places or "-" in key:
            return False  # 'Normal General Hospital', 'WELLS-FOLEY CLINIC'
        return (key in _SERVICE_WORDS or key in _PLAIN_WORDS or key in lex.drugs
                or key in lex.clinical or key in lex.not_name or bool(_PLAIN_END.search(key))
                or bool(_ADJECTIVE_SHAPE.search(key) and is_english(key)))

    def _named_building(self, words: list[str]) -> bool:
        """'Hall Cancer Center', 'CHURCH MEMORIAL HOSPITAL': a building word that is also a
        surname, first and followed by other facility words, names the facility."""
        return len(words) >= 2 and words[0] in _BUILDING_WORDS and words[0] in self.lex.last

    def _context_places(self, text: str) -> list[Span]:
        """Capitalized words after strong place context ('moved to Guadalajara', 'lives in
        Eau Claire', 'from Hope'): a place whatever the gazetteer says, unless it is a state,
        a country or region, clinical vocabulary or a function word."""
        spans: list[Span] = []
        lex = self.lex
        for match in _CONTEXT_PLACE.finditer(text):
            words = match.group(1).split()
            keys = [fold(w) for w in words]
            town = self._leading_place(keys)
            if town:  # 'grew up in Normal', 'lives in Hope': the gazetteer says it is a town
                end = match.start(1) + len(" ".join(words[:town])) if town == 1 else \
                    match.start(1) + match.group(1).find(words[town - 1]) + len(words[town - 1])
                spans.append(Span(match.start(1), end, PhiType.CITY, "place_town", 0.8))
                continue
            while keys and (keys[-1] in FUNCTION_WORDS or lex.is_clinical(keys[-1])
                            or keys[-1] in _MONTHS_UPPER):
                keys.pop()
                words.pop()
            if not keys:
                continue
            whole = " ".join(keys)
            if whole in lex.states or whole in COUNTRY_OR_REGION or whole in _COUNTRIES \
                    or keys[0] in FUNCTION_WORDS or keys[0] in _MONTHS_UPPER \
                    or any(lex.is_clinical(k) or k in lex.not_name for k in keys):
                continue
            start = match.start(1)
            end = start + len(" ".join(words)) if len(words) == 1 else \
                match.start(1) + match.group(1).find(words[-1]) + len(words[-1])
            spans.append(Span(start, end, PhiType.CITY, "place_context", 0.8))
        return spans

    def _leading_place(self, keys: list[str]) -> int:
        """How many leading words form a gazetteer town (0: none), whatever the words are
        ('NORMAL', 'HOPE'), states, countries and generic words excepted."""
        lex = self.lex
        if _region_ahead(keys, 0):
            return 0  # 'Central America'
        for n in range(len(keys), 0, -1):
            whole = " ".join(keys[:n])
            if whole in lex.places and whole not in lex.states and whole not in \
                    COUNTRY_OR_REGION and whole not in _COUNTRIES and whole not in _GENERIC:
                return n
        return 0

    def _town_before_state(self, text: str) -> list[Span]:
        """'Eugene, Indiana', 'from Why, Arizona', 'in Normal, IL': capitalized words before a
        comma and a state name or code are a town (the state stays: it is not PHI), unless
        they are clinical, a title or a month, or a function word or a dictionary name
        without a place preposition before ('Thanks, Georgia', 'Smith, Virginia')."""
        lex = self.lex
        spans: list[Span] = []
        for state in _TOWN_STATE.finditer(text):
            match = _TOWN_WORDS.search(text, max(0, state.start() - 60), state.start())
            if not match:
                continue
            words = match.group(1).split()
            keys = [fold(w) for w in words]
            before = text[max(0, match.start(1) - 12):match.start(1)]
            placed = bool(_WEAK_PLACE_BEFORE.search(before) or _PLACE_BEFORE.search(before))
            while len(keys) > 1 and (keys[0] in FUNCTION_WORDS or keys[0] in lex.titles
                                     or keys[0] in MONTH_WORDS):
                keys.pop(0)  # 'Lives Eugene' cannot be; 'Dr Xyz, Ohio' is a name's line
                words.pop(0)
                placed = False
            whole = " ".join(keys)
            if whole in lex.states or whole in COUNTRY_OR_REGION or whole in _COUNTRIES:
                continue
            gazetteer = whole in lex.places and whole not in _GENERIC
            if not gazetteer and (any(lex.is_clinical(k) or k in lex.titles or k in MONTH_WORDS
                                      or k in _GENERIC or k in lex.states for k in keys)
                                  or (not placed and any(k in FUNCTION_WORDS or k in lex.not_name
                                                         or lex.is_name(k) for k in keys))):
                continue
            if gazetteer and not placed and (keys[0] in FUNCTION_WORDS
                                             or keys[0] in lex.not_name):
                continue
            start = match.end(1) - len(" ".join(words)) if len(words) == 1 else \
                match.start(1) + match.group(1).rfind(" ".join(words))
            spans.append(Span(start, match.end(1), PhiType.CITY, "town_state", 0.85))
        return spans

    def _unknown_after_in(self, text: str) -> list[Span]:
        """'diagnosed in Xyzville on ...': a capitalized word that no dictionary knows (not a
        name, not an English or clinical word, not a state) after 'in', 'at' or 'near'."""
        lex = self.lex
        spans: list[Span] = []
        for match in _WEAK_CONTEXT_WORD.finditer(text):
            key = fold(match.group(1))
            if (len(key) < 4 or lex.is_name(key) or lex.blocks_alone(key) or key in _COUNTRIES
                    or key in COUNTRY_OR_REGION or key in lex.places or _TERM_END.search(key)
                    or is_english(key) or key in _SERVICES or key in _SERVICE_WORDS):
                continue
            after = text[match.end(1):match.end(1) + 3]
            if after[:1] in ("-", "'", "’"):
                continue  # 'in Crohn's', 'in Non-Hodgkin'
            spans.append(Span(match.start(1), match.end(1), PhiType.CITY, "place_unknown", 0.7))
        return spans

    def _cities(self, text: str) -> list[Span]:
        lex = self.lex
        spans: list[Span] = []
        for match in _CITY_STATE.finditer(text):
            key = fold(match.group(1))
            code = text[match.end(1):match.end()].strip(", \t")[:2]
            if code in _CREDENTIAL_CODES and not re.search(r"[0-9]", match.group()) \
                    and key not in lex.places:
                continue
            if key not in lex.states and key not in FUNCTION_WORDS:
                spans.append(Span(match.start(1), match.end(1), PhiType.CITY, "city_state", 0.95))
        places = lex.places
        for match in _PLACE_RUN.finditer(text):
            words = match.group().split()
            if len(words) == 1 and fold(words[0]) not in places:
                continue  # the common case: one capitalized word that is no place
            offsets = [m.start() + match.start() for m in re.finditer(r"\S+", match.group())]
            i = 0
            folded = [fold(w) for w in words]
            while i < len(words):
                region = _region_ahead(folded, i)
                if region:  # 'Central America', 'West Africa': a region, not a town
                    i += region
                    continue
                found = 0
                for n in range(min(4, len(words) - i), 0, -1):
                    key = fold(" ".join(words[i:i + n]))
                    if key in lex.places and key not in lex.states and key not in \
                            COUNTRY_OR_REGION:
                        found = n
                        break
                if not found:
                    i += 1
                    continue
                start = offsets[i]
                end = offsets[i + found - 1] + len(words[i + found - 1])
                score = self._city_score(text, start, end, found,
                                         fold(" ".join(words[i:i + found])))
                if score:
                    key = fold(" ".join(words[i:i + found]))
                    spans.append(Span(start, end, PhiType.CITY, "place_town" if key in
                                      FUNCTION_WORDS else "gazetteer", score))
                i += found
        return spans

    def _shaped_cities(self, text: str) -> list[Span]:
        """Town-shaped names ('West Sharonberg', 'Isaiahburgh') in place context."""
        spans: list[Span] = []
        for match in _TOWN_SHAPE.finditer(text):
            start, end = match.span()
            key = fold(match.group())
            if key in self.lex.states or self.lex.is_clinical(key) or key in FUNCTION_WORDS \
                    or (" " not in key and key not in self.lex.places and is_english(key)) \
                    or (key in self.lex.place_words and is_english(key) and not (
                        _PLACE_BEFORE.search(text[max(0, start - 30):start])
                        or _PLACE_AFTER.match(text[end:end + 30]))) \
                    or key in COUNTRY_OR_REGION or _eponym_after(text[end:end + 50]):
                continue
            before = text[max(0, start - 30):start]
            after = text[end:end + 30]
            prefixed = bool(match.group(1) or match.group(2))
            if (prefixed and not match.group(3)) or _PLACE_BEFORE.search(before) \
                    or re.search(r",[ \t]*$", before) or _WEAK_PLACE_BEFORE.search(before) \
                    or _PLACE_AFTER.match(after):
                spans.append(Span(start, end, PhiType.CITY, "town_shape", 0.85))
        return spans

    def _city_score(self, text: str, start: int, end: int, words: int, key: str) -> float:
        """0 when the gazetteer hit is not a city here, else the span's score."""
        lex = self.lex
        before = text[max(0, start - 30):start]
        after = text[end:end + 30]
        state_after = bool(_PLACE_AFTER.match(after))
        strong = bool(_PLACE_BEFORE.search(before)) or state_after
        context = strong or bool(_WEAK_PLACE_BEFORE.search(before))
        if key in FUNCTION_WORDS and strong and not lex.is_clinical(key) \
                and not _eponym_after(text[end:end + 50]) and not _TERM_AFTER.match(after):
            return 0.85  # 'Memorial Hospital in Normal', 'from Normal, IL': a word-named town
        if lex.is_clinical(key) or key in FUNCTION_WORDS or _eponym_after(text[end:end + 50]):
            return 0.0
        word_place = key in lex.place_words
        if words >= 2 and not word_place:
            return 0.9
        if context:
            if (key not in lex.weak and not word_place) or strong:
                return 0.9
            # an everyday word that is also a town, capitalized right after 'in'/'near'
            # ('fell in Temple', 'a clinic near Hope'): mid-sentence capitals make it a name
            near = _NEAR_BEFORE.search(before)
            return 0.8 if near and not re.match(r"['’\-]", after) else 0.0
        if not lex.is_name(key) and key not in lex.weak and not lex.blocks_alone(key) \
                and not word_place:
            return 0.8
        return 0.0
