"""Practices, pharmacies, brands and chains, acronyms and employers.

Named places of care without a facility word: a practice or agency before a specialty
word ('Lakeside Cardiology'), a pharmacy after a prescription word, a chain's branch
('Walgreens #4411', 'Kaiser of Oakland'), a brand before 'Care', a hospital named after a
saint, a last stay ('last admission at ...'), an acronym after a transfer verb, and an
employer after a word about work.
"""

from __future__ import annotations

import re

from veil.detect.vocab import KINDS_OF_WORKS
from veil.text.lexicon import FUNCTION_WORDS, MONTH_WORDS, fold
from veil.text.places.facilities import FACILITY_SHORT_NAMES, _Facilities
from veil.text.places.vocabulary import (
    _ADJECTIVE_END,
    _COUNTRIES,
    _GENERIC,
    _SERVICE_WORDS,
    _SERVICES,
    _UNITS,
    COUNTRY_OR_REGION,
    _eponym_after,
)
from veil.text.regex_lead import fast_compile
from veil.text.spans import PhiType, Span
from veil.text.words import is_english, zipf

_ACRONYM_FACILITY = fast_compile(
    r"(?<![A-Za-z])(?=[A-Za-z])(?i:\b(?:transferred|transfer(?:red)?|transported|sent|airlifted|flown|moved)\s+"
    r"(?:from|to)\s+(?:the\s+)?|\bOSH\s*\(\s*)([A-Z]{2,6})(?![A-Za-z0-9&])")
"""'transferred from UMC': an acronym after a transfer verb is a facility unless it is a
unit, a service or clinical vocabulary (`_UNITS`)."""
_ACRONYM_NEEDS = ("transfer", "transport", "sent ", "airlift", "flown", "moved", "osh")
_OCCUPATIONS = (r"cashier|manager|clerk|driver|nurse|teacher|architect|engineer|operator|"
                r"technician|mechanic|student|junior|senior|sophomore|freshman|first-year|school|"
                r"professor|cook|chef|server|waitress|waiter|bartender|janitor|custodian|"
                r"housekeeper|welder|electrician|plumber|carpenter|laborer|guard|accountant|"
                r"analyst|developer|programmer|paralegal|receptionist|stocker|supervisor|foreman|"
                r"intern|volunteer|employee|associate|picker|packer|loader|dishwasher|barista|"
                r"pharmacist|therapist|aide|assistant|attorney|lawyer|banker|firefighter|"
                r"officer|secretary|contractor|consultant|miner|trucker|farmer|rancher|"
                r"farmworker|lineman|roofer|logger|fisherman|dispatcher|machinist|assembler|"
                r"butcher|meatpacker|cna|lpn|boss|supervisor|landscaper|painter|caregiver")
_EMPLOYER_NEEDS = ("work", "employ", "job", "shift", "retired", "laid off", "cashier", "manager",
                   "clerk", "driver", "nurse", "teacher", "architect", "engineer", "operator",
                   "technician", "mechanic", "student", "junior", "senior", "sophomore",
                   "freshman", "first-year", "school", "professor", "cook", "chef", "server",
                   "waitress", "waiter", "bartender", "janitor", "custodian", "housekeeper",
                   "welder", "electrician", "plumber", "carpenter", "laborer", "guard",
                   "accountant", "analyst", "developer", "programmer", "paralegal",
                   "receptionist", "stocker", "supervisor", "foreman", "intern", "volunteer",
                   "employee", "associate", "picker", "packer", "loader", "dishwasher", "barista",
                   "pharmacist", "therapist", "aide", "assistant", "attorney", "lawyer", "banker",
                   "firefighter", "officer", "secretary", "contractor", "consultant", "miner",
                   "trucker", "farmer", "rancher", "lineman", "roofer", "logger", "fisherman",
                   "dispatcher", "machinist", "assembler", "butcher", "meatpacker", "cna", "lpn",
                   "boss", "landscaper", "painter", "caregiver", "drive", "drove", "haul",
                   "at work")
_EMPLOYER = re.compile(
    r"(?<![A-Za-z])(?=[A-Za-z])(?i:\b(?:(?:(?:i|we|they|who|currently|used[ \t]+to)[ \t]+"
    r"work|works|worked|working)(?:[ \t]+(?:still|also|now|[a-z]{3,}ly))?(?:[ \t]+(?:nights|days|"
    r"evenings|weekends|overnights?|nightshift|full[ \t\-]time|part[ \t\-]time|remotely|"
    r"on[ \t]+the[ \t]+(?:line|floor|(?:night|day|late|early)[ \t]+shift)|[0-9]{1,2}-?(?:hr|hour)"
    r"[ \t]+shifts|"
    r"as[ \t]+(?:an?[ \t]+)?[a-z]+(?:[ \t]+[a-z]+)?))?|employed|employment|job|jobs|"
    r"(?:drives|drove|driving|hauls|hauled|trucks)(?=[ \t]+for)|"
    r"shifts?|" + _OCCUPATIONS + r"|"
    r"retired|laid\s+off)\s+(?:at|for|by|with|from)\s+(?:the\s+)?)"
    r"((?:(?:[A-Z]\.){1,3}[ \t]?)?(?:[A-Z][A-Za-z'’&\-]+|[A-Z]{2,})(?:[ \t]+(?:[A-Z]{2,5}"
    r"[0-9]{1,3}(?![A-Za-z0-9])|[A-Z][A-Za-z'’&\-]+|of|&)){0,3})")
"""'works at Walgreens', 'employed by Tyson Foods', 'works nights at Amazon RIC2': the employer
(a quasi-identifier that the notes' gold marks as a facility)."""
_AT_WORK = re.compile(r"(?i:\bat[ \t]+work)[ \t]*\([ \t]*((?:[A-Z][A-Za-z'’&\-]+)(?:[ \t]+"
                      r"(?:[A-Z][A-Za-z'’&\-]+|of|&)){0,3})[ \t]*\)")
"""'at work (Landry's Auto Parts)': the employer in parentheses after 'at work'."""
_VA_NAMED = re.compile(r"(?<![A-Za-z])VA[ \t]+([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?![A-Za-z])")
"""'VA Ann Arbor', 'VA Hines', 'VA Pittsburgh': a veterans' medical center by its town or
name (not 'VA Medical Center', 'VA Form')."""
_SERVICE_PREP = re.compile(r"(?i:\b(?:aide|assistant|officer|consultant|pharmacist|associate|"
                           r"therapist|nurse|supervisor|intern|volunteer|employee|technician|"
                           r"student|manager|clerk|secretary|contractor)\s+(?:for|by|with|from)\s)")
"""A role before a preposition ('Consultant from Infectious Disease'): its object may be a
department made of English words, which only a name or a place makes an employer."""
_COMMITTEES = frozenset({"IDMC", "DSMC", "CDMC", "DMC", "IRMC", "ESMC", "TSMC", "SDMC"})
"""Data and safety monitoring committees, named like medical centers."""
_GRADE_WORDS = frozenset({"BORDERLINE", "INTERMEDIATE", "NORMAL", "LOW", "MODERATE", "VERY",
                          "CRITICAL", "ELEVATED", "AVERAGE"})
"""Words of a scale before 'High' ('Borderline High'): no school's name."""
_CENTER_ACRONYM = re.compile(r"(?<![A-Za-z0-9&/\-])[A-Z]{2,5}MC(?![A-Za-z0-9&/\-])"
                             r"(?![ \t]*+(?i:reg|no\b|#|licen|number|member))")
"""'CUMC', 'BIDMC', 'UPMC': an acronym of four or more capitals ending in 'MC' (Medical
Center) names a hospital wherever it stands, unless it is clinical vocabulary or a council
before its registration number ('TNMC Reg. No. 58214': a Medical Council). Three capitals
are too often clinical ('CMC', 'IMC', 'PMC', 'MMC')."""
_SENIOR_LIVING = fast_compile(
    r"(?<![A-Za-z])((?:The[ \t]+)?[A-Z][a-z]+s)[ \t]+(?:at|of)[ \t]+"
    r"([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})(?![A-Za-z])")
"""'The Willows at Hanover', 'Laurels of Bon Air': a plural proper word, 'at'/'of' and a
gazetteer town (a senior-living community or a care home named by its town)."""
_SCHOOL = re.compile(
    r"(?<![A-Za-z])(?:goes[ \t]+to|go[ \t]+to|attends|attending|attended|at|plays[ \t]+for|"
    r"student[ \t]+at|teaches[ \t]+at)[ \t]+"
    r"((?:[A-Z][A-Za-z'’\-]+[ \t]+){1,2}(?:High|Middle|Elementary|Junior[ \t]+High|Primary))"
    r"(?![A-Za-z])")
"""'goes to Tuckahoe Middle', 'kids at Cascade High': a school by its short name after a
preposition (the name must be a proper word, not 'Very High')."""
_SCHOOL_NUMBER = re.compile(
    r"(?<![A-Za-z0-9.])(?:(?:P|I|M|J\.?H)\.?S\.?|(?:p|m|j\.?h)\.?s\.?)[ \t](?!0)[0-9]{1,3}"
    r"(?![0-9]|[/.:,][0-9]|[ \t]*(?:%|mg|mm|/))"
    r"(?:[ \t]+(?:The[ \t]+|Dr\.[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,3}"
    r"(?=[ \t]*(?:\n|$|--|[,.()—–|]|[ \t]{2})))?")
"""'at PS 24', 'School: IS 131 Dr. Sun Yat Sen', 'PS 48 William Wordsworth': a New York City
public school by its number, with a school word near (`_SCHOOL_NEAR`) or 'at'/'to' before;
lower case ('ps 161') only after 'at'/'to'."""
_SCHOOL_NEAR = re.compile(r"(?i:school|student|teacher|principal|kindergarten|pre-?k|pta|"
                          r"guidance|classroom|osis|homeroom)")
_NOT_SCHOOL_NEAR = re.compile(r"(?i:ecog|karnofsky|kps|performance|zubrod|chemo|cycle|ctcae|"
                              r"toxicity|fatigue|neuropathy|nyha|echo|lesion)")
_SCHOOL_PREP = re.compile(r"(?i:\b(?:at|to|from|attends|attending|attended)[ \t]+|school[ \t]*"
                          r":?[ \t]*|\()$")
_PERFORMANCE_STATUS = re.compile(r"(?i:ecog|who|zubrod|performance[ \t]+status)[ \t:]*$")
_PHARMACY_CONTEXT = re.compile(
    r"(?=[PpRrMmSsEe])(?i:\b(?:pharmacy|pharm|rx|prescriptions?|refills?|meds|medications?|scripts?|e-?scribed|"
    r"erx)\b)(?:[^.\n:(]{0,25}?(?:\b(?:at|to|from|with|via)\b|@)|[ \t]*[:(])[ \t]*(?:the[ \t]+)?"
    r"([A-Z][A-Za-z'’&\-]*(?:[ \t]+[A-Z][A-Za-z'’&\-]*){0,2})")
"""'picks up meds at CVS', 'Rx sent to Walgreens', 'Pharmacy: Rite Aid #1180'."""
_SPECIALTY_FACILITY = re.compile(
    r"(?=[A-Z])(?i:Neurology|Cardiology|Orthopa?edics|Dermatology|Oncology|Urology|"
    r"Hematology(?:[ \t]*(?:&|and|/)[ \t]*Oncology)?|Cancer[ \t]+Care|Infusion[ \t]+Services?|"
    r"Cardiovascular[ \t]+Services?|Family[ \t]+Doctors|Pediatric[ \t]+Care|Pediatrics|"
    r"Genetics[ \t]+Program|Hearing[ \t]*(?:&|and)[ \t]*Balance|Rehab(?:ilitation)?[ \t]*"
    r"(?:&|and)[ \t]*Sports[ \t]+Medicine|Birth[ \t]+(?:House|Cent(?:er|re))|"
    r"Allergy[ \t]*(?:&|and)[ \t]*Asthma|Spine[ \t]*(?:&|and)[ \t]*Pain|"
    r"Gastroenterology|Pulmonology|Dermatopathology|Rheumatology|"
    r"Psychiatry|Ophthalmology|Endocrinology|"
    r"Nephrology|Podiatry|Chiropractic|Dentistry|Dental|Optometry|Eye[ \t]+Care|Audiology|"
    r"Periodontics|Endodontics|Orthodontics|Prosthodontics|Oral[ \t]+Surgery|Psychology|"
    r"Counseling|Counselling|Psychotherapy|Speech[ \t]+Therapy|Occupational[ \t]+Therapy|"
    r"Physio(?:therapy)?|"
    r"OB/?GYN|Women'?s[ \t]+Health|Heart|Vascular|Sports[ \t]+Medicine|"
    r"Physical[ \t]+Therapy|Hospice|Dialysis|Behavioral[ \t]+Health|Wellness|"
    r"Air[ \t]+(?:Care|Evac|Ambulance)|Life[ \t]*Flight|EMS|Nursing|Family[ \t]+Med(?:icine)?|"
    r"Internal[ \t]+Med(?:icine)?|Pain[ \t]+Management|Sleep[ \t]+Disorders)"
    r"(?:[ \t]+(?:PA|P\.A\.|PC|P\.C\.|LLC|PLLC|Group|GROUP|Associates|ASSOCIATES|Ctr|"
    r"Center|CENTER))?(?![A-Za-z])"
    r"(?![ \t]+(?i:failure|surgery|disease|attack|rate|sounds?|block|transplant|murmur|cath|"
    r"catheterization|exam|consult|note|service|team|fellow|resident|attending|follow|f/u|"
    r"appointment|appt|evaluation|eval|referral|admission|floor|unit|rounds|recs|"
    r"recommendations|valve|team|defect|health|embolism|embolus|emboli|hypertension|edema|"
    r"fibrosis|nodules?|function|infarct|status|risk|disease|rehab|exam|review|system)\b)"
    r"(?![ \t]*:)(?<=[A-Za-z])")
"""'Valley Cardiology', 'Bryan Heart', 'Sunrise Hospice': a practice or agency named by a proper
word before a specialty or service word (the words before must name, not describe); the
specialty word is found first (a fast scan), then `_NAMING_WORDS` before it."""
_WEAK_HEAD = re.compile(
    r"(?i:Hematology.*|Cancer[ \t]+Care|Infusion[ \t]+Services?|Cardiovascular[ \t]+Services?|"
    r"Family[ \t]+Doctors|Pediatric[ \t]+Care|Pediatrics|Genetics[ \t]+Program|Hearing.*|"
    r"Rehab.*|Birth.*|Allergy.*|Spine.*)")
"""Kinds of care a department is named by as often as a practice: one naming word before them
must be a proper word ('Ponsonby Family Doctors'; not 'Thyroid Cancer Care')."""
_FELLOWSHIPS = frozenset({"FCCP", "FACC", "FACP", "FAAN", "FACS", "FACOG", "FAAP", "FACE",
                          "FASN", "FAHA", "FASCO", "FRCPC", "FRCP", "FRCS", "FACEP", "FAAFP"})
"""Credentials of a fellowship after a signer's name ('MD, FCCP Pulmonary & Critical Care')."""
_NAMING_WORDS = re.compile(r"(?<![A-Za-z'’\-])([A-Z][A-Za-z'’\-]++"
                           r"(?:[ ]{1,2}+(?![ \t])[A-Z][A-Za-z'’\-]++){0,2})"
                           r"[ ]{1,2}$")
"""Up to three capitalized words right before a specialty, never across a form's field gap
('Walter Amundsen           Hospice ID:' names no hospice)."""
_LOWER_CONTEXT_FACILITY = re.compile(
    r"(?=[atfp])(?<![A-Za-z])(?:at|to|from|per)[ \t]+(?:the[ \t]+)?(?:(st\.?|saint)[ \t]+"
    r"([a-z]{3,}(?:['’]?s)?)"
    r"|([a-z]{3,})[ \t]+(?:er|ed|urgent[ \t]+care))(?![A-Za-z])")
"""Lower-case chat: 'seen at st lukes', 'went to mercy er'."""
_FACILITY_LABEL = re.compile(
    r"(?im:(?:^|(?<=[^ \t\n][ \t]{2})|(?<=\())[ \t]*+(?:[-*•][ \t]*+)?(?:agency|hha|"
    r"home[ \t]+health(?:[ \t]+agency)?|sending|receiving|referring|accepting|"
    r"hospice(?:[ \t]+agency)?|"
    r"dialysis(?:[ \t]+(?:unit|center|centre))?|snf|alf|ltc|ltach|irf|facility|placement|"
    r"(?:examination|exam|treating|admitting|performing|reporting|service|receiving)?[ \t]*+"
    r"(?:facility|hospital|clinic)(?:[ \t]+name)?|hospital|clinic|"
    r"pharmacy|referring[ \t]+(?:facility|hospital|clinic)|transferring[ \t]+facility|"
    r"sending[ \t]+facility|receiving[ \t]+facility|outside[ \t]+hospital|osh|pcp[ \t]+office|"
    r"practice|treatment[ \t]+(?:center|centre|program)|rehab(?:ilitation)?[ \t]+facility|"
    r"nursing[ \t]+home|residence|living[ \t]+facility|ambulance|ems[ \t]+agency|"
    r"transport(?:ed)?[ \t]+by|employer|workplace|place[ \t]+of[ \t]+(?:employment|work)|"
    r"school|daycare|day[ \t]+care)[ \t]*+[:=][ \t]*+)"
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
_SAINT_NAME = fast_compile(
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
_STORE_BRANCH = re.compile(r"(?<![A-Za-z'’\-])([A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]+)?)"
                           r"[ \t]*$")
_BRANCH_NUMBER = re.compile(r"#[ \t]*[0-9]{3,6}(?![0-9])")
"""'Walgreens #84511' in a pharmacy note: a store and its branch number."""


_REGION_OF_STATE = frozenset({"NORTH", "SOUTH", "EAST", "WEST", "NORTHERN", "SOUTHERN",
                              "EASTERN", "WESTERN", "CENTRAL", "UPSTATE", "DOWNSTATE",
                              "NORTHEAST", "NORTHWEST", "SOUTHEAST", "SOUTHWEST"})
"""Words of a region before a state's name ('North Hawaii', 'Southern Arizona'): below the
state, so a practice named so is one practice."""
_WORKS_AFTER = re.compile(r"[ \t]+(?:plant|factory|mill|refinery|smelter|cannery|shipyard|"
                          r"foundry|mine)s?\b")
"""A lower-case word of works after a kind ('the Power plant')."""


class _Practices(_Facilities):
    """Finds practices, pharmacies, brands, acronyms and employers."""

    def _naming(self, key: str) -> bool:
        """A word that can name a practice before its specialty: not blocked, not plain, no
        English adjective, no state, no eponym."""
        lex = self.lex
        return not (self._facility_blocked(key) or self._plain(key)
                    or (_ADJECTIVE_END.search(key) and is_english(key))
                    or key in lex.states or key in lex.eponyms)

    def _soft_blocked(self, key: str) -> bool:
        """A word blocked only by its shape or as a weekday's short form ('SUN', 'MOTION',
        'SPRING'): after a naming word it is part of the name."""
        lex = self.lex
        return not (key in FUNCTION_WORDS or key in _GENERIC or key in _UNITS
                    or key in _SERVICES or key in lex.not_name or key in lex.titles
                    or lex.is_clinical(key) or len(key) < 3 or self._plain(key)
                    or (key in MONTH_WORDS and len(key) > 3))

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
            # up to two describing words may stand between the name and the specialty
            # ('Smile Junction Pediatric Dentistry', 'Pathways Child Psychology')
            described = len(keys)
            while described > max(1, len(keys) - 2) and keys[described - 1] not in \
                    FUNCTION_WORDS and self._plain(keys[described - 1]):
                described -= 1
            kept = described  # the longest run of naming words right before the specialty
            while kept:
                if self._naming(keys[kept - 1]):
                    kept -= 1  # ('Kessler', 'Windcrest' end like adjectives but are no words)
                elif kept >= 2 and self._soft_blocked(keys[kept - 1]) \
                        and self._naming(keys[kept - 2]):
                    kept -= 2  # 'Desert Sun Orthopedics', 'Peak Motion Physical Therapy'
                elif kept >= 2 and keys[kept - 1] in lex.states \
                        and keys[kept - 2] in _REGION_OF_STATE:
                    kept -= 2  # 'North Hawaii Dermatology': a region of a state names it
                else:
                    break
            if kept == described:
                continue
            if _WEAK_HEAD.fullmatch(special.group()) and described - kept < 2 \
                    and not self._proper(keys[kept]):
                continue  # 'Thyroid Cancer Care', 'Myeloma Hematology/Oncology': a service
            while kept < described - 1 and is_english(keys[kept]) \
                    and self._naming(keys[kept + 1]) and (
                    match.start(1) + words[kept].start() == 0
                    or text[:match.start(1) + words[kept].start()].rstrip(" \t")[-1:] in ".\n:;"):
                kept += 1  # 'Sees Bryan Heart': a sentence's first word is no part of the name
            if all(len(k) < 3 for k in keys[kept:]) or len(keys[kept]) < 3 \
                    or any(k in lex.suffixes or k in _FELLOWSHIPS for k in keys[kept:]):
                continue  # 'DX VASCULAR DEMENTIA', 'GU Medical Oncology', 'MD, FCCP Pulmonary'
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
                           k in _GENERIC and k not in FACILITY_SHORT_NAMES for k in keys):
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
                if all(self._plain(k) and k not in lex.states and k not in lex.places
                       for k in keys):
                    continue  # "Women's and Children's Services": a service line
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
        employers = list(_EMPLOYER.finditer(text)) if any(w in low for w in _EMPLOYER_NEEDS) \
            else []
        if "at work" in low:
            employers.extend(_AT_WORK.finditer(text))
        for match in employers:
            words = match.group(1).split()
            while words and (fold(words[-1]) in FUNCTION_WORDS or fold(words[-1]) in ("OF", "&")
                             or lex.is_clinical(fold(words[-1]))) and not (
                                 words[-1] == "One" and len(words) > 1):  # 'Capital One'
                words.pop()
            keys = [fold(w) for w in words]
            if not keys or all(k in _GENERIC or k in FUNCTION_WORDS or lex.is_clinical(k)
                               or k in _UNITS or k in lex.states for k in keys):
                continue
            if _SERVICE_PREP.search(match.group(0)) and all(
                    is_english(k) and k not in lex.places and not lex.is_name(k) for k in keys):
                continue  # 'Consultant from Infectious Disease', 'aide for ADLs': a service
            offsets = [(m.start(), m.end()) for m in re.finditer(r"\S+", match.group(1))]
            start = match.start(1)
            end = start + offsets[len(words) - 1][1]
            if all(k in KINDS_OF_WORKS or k in FUNCTION_WORDS for k in keys) \
                    and _WORKS_AFTER.match(text, end):
                continue  # 'worked at the Power plant': a kind of works, no employer
            spans.append(Span(start, end, PhiType.FACILITY, "employer", 0.75))
        for match in _VA_NAMED.finditer(text) if "VA " in text else ():
            keys = [fold(w) for w in match.group(1).split()]
            if not any(self._plain(k) or k in FUNCTION_WORDS or lex.is_clinical(k)
                       or k in MONTH_WORDS or k in lex.states for k in keys) and (
                    " ".join(keys) in lex.places or lex.is_name(keys[0]) or zipf(keys[0]) < 3.0):
                spans.append(Span(match.start(), match.end(), PhiType.FACILITY,
                                  "facility_va", 0.8))
        for match in _CENTER_ACRONYM.finditer(text) if "MC" in text else ():
            if not lex.is_clinical(match.group()) and match.group() not in _UNITS \
                    and match.group() not in _COMMITTEES:
                spans.append(Span(match.start(), match.end(), PhiType.FACILITY,
                                  "facility_acronym", 0.8))
        for match in _SENIOR_LIVING.finditer(text) if (" at " in text or " of " in text) else ():
            head = fold(match.group(1).split()[-1])
            town = fold(match.group(2))
            if town in lex.places and town not in lex.states and town not in _COUNTRIES \
                    and min(zipf(w) for w in town.split()) < 4.0 \
                    and head not in FUNCTION_WORDS and not lex.is_clinical(head) \
                    and not self._plain(head) and not lex.is_clinical(head[:-1]):
                spans.append(Span(match.start(1), match.end(2), PhiType.FACILITY,
                                  "facility_of_town", 0.75))
        for match in _SCHOOL_NUMBER.finditer(text) if ("S" in text or "s" in text) else ():
            before = text[max(0, match.start() - 30):match.start()]
            near = text[max(0, match.start() - 80):match.end() + 80]
            if _PERFORMANCE_STATUS.search(before):
                continue  # 'ECOG PS 1'
            prep = bool(_SCHOOL_PREP.search(before))
            if (match.group()[:1].islower() or match.group()[:1] != "P") and not prep:
                continue  # 'MS 2 lesions', 'IS 131' without 'at' or 'School:' before
            if _NOT_SCHOOL_NEAR.search(near) or match.group().startswith("P.S. "):
                continue  # 'PS 2 (ECOG)', 'P.S. 3 kids in her class'
            if prep or _SCHOOL_NEAR.search(near):
                spans.append(Span(match.start(), match.end(), PhiType.FACILITY, "school",
                                  0.75))
        schools = _SCHOOL.finditer(text) if ("High" in text or "Middle" in text
                                             or "Elementary" in text or "Primary" in text) else ()
        for match in schools:
            keys = [fold(w) for w in match.group(1).split()[:-1]]
            if keys[-1] == "JUNIOR":
                keys.pop()
            if keys and not any(self._plain(k) or k in FUNCTION_WORDS or lex.is_clinical(k)
                                or k in lex.states or zipf(k) >= 4.5 or k.endswith("LY")
                                or k in _GRADE_WORDS for k in keys):
                spans.append(Span(match.start(1), match.end(1), PhiType.FACILITY, "school",
                                  0.75))
        return spans
