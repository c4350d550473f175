"""Facilities named by a facility word or by a verb of care before them.

'St. Mary's Hospital', 'Riverside Nursing and Rehabilitation Center', 'University of Iowa
Hospitals' (capitalized words before a facility word; a facility of generic words only,
'the Emergency Department', is not identifying); 'transferred to Mercy', 'seen at
Kaiser', 'records from UCSF' (words after a verb of care or transfer and 'to'/'at'/'from');
'Facility: ...' labels.
"""

from __future__ import annotations

import re

from veil.detect import vocab
from veil.text.gaps import BLANK_RUN, FIELD_GAP
from veil.text.lexicon import CLINICAL_INITIALS, FUNCTION_WORDS, PEOPLES_AND_FAITHS, fold
from veil.text.places.base import _PlaceBase
from veil.text.places.vocabulary import (
    _COUNTRIES,
    _GENERIC,
    _SERVICES,
    _UNITS,
    COUNTRY_OR_REGION,
    FIRM_SUFFIX,
    _eponym_after,
    countries_and_languages,
)
from veil.text.regex_lead import fast_compile
from veil.text.spans import PhiType, Span
from veil.text.words import is_english, zipf

_CAPWORD = (r"(?:Co\.|Twp\.|Bros\.|[A-Z][A-Za-z'’\-]*|[A-Z]\.(?:[A-Z]\.)*|of|the|and|&|for|"
            r"at|de|la|del|los|las)")
_FACILITY_WORD = (
    r"(?:Home[ \t]+Support|(?:Medical|Dental|Pediatrics)[ \t]+P\.?C\.?(?![A-Za-z])|"
    r"Hospitals?|Medical\s+Cent(?:er|re)s?|Medical\s+Campus|Health\s+Cent(?:er|re)s?|"
    r"Health\s+System|Health\s+Services|Healthcare|HealthCare|"
    r"(?:Recovery|Treatment|Dental|Medical|Nursing|Home\s+Care|Care|Hospice|Therapy|"
    r"Rehabilitation|Behavioral\s+Health|Ambulance)\s+Services|Health\s+Care|Health|Clinics?|Infirmary|"
    r"Hospice|Nursing\s+(?:Home|Facility|Center)|(?:Nursing\s+and\s+)?Rehabilitation\s+"
    r"(?:Cent(?:er|re)|Hospital|Institute|Facility)|Rehab(?:ilitation)?|Care\s+Cent(?:er|re)|"
    r"Surgery\s+Cent(?:er|re)|Surgical\s+Cent(?:er|re)|Urgent\s+Care|Pharmacy|Drugs?|"
    r"Laborator(?:y|ies)|Labs?|Medical\s+Group|Medical\s+Associates|Associates|Physicians|"
    r"Family\s+(?:Practice|Medicine)|Pediatrics|Cancer\s+(?:Cent(?:er|re)|Institute)|"
    r"Institute|Cent(?:er|re)s?|Manor|Village|Assisted\s+Living|Senior\s+Living|Living\s+"
    r"Cent(?:er|re)|Memory\s+Care|(?:Mobile\s+)?Home\s+Park|Trailer\s+(?:Park|Court)|RV\s+Park|"
    r"Apartments|Apts|Condominiums|Townhomes|Towers|Gardens|Villas|Meadows|Pointe|Home|Homes|"
    r"Residence|Dialysis|Imaging|Radiology|Home\s+Health|Home\s+Care|Homecare|Ambulance|"
    r"University|College|School|Academy|Elementary|Church|Shelter|Prison|Jail|"
    r"Correctional\s+(?:Facility|Center|Institution)|Detention\s+Cent(?:er|re)|"
    r"Foundation|Sanitarium|Sanatorium|Asylum|Hall|Lodge|Medical|"
    r"Memorial(?:[ \t]+(?:Park|Gardens?))?|General|Pavilion|"
    r"Campus|Surgicenter|Regional|Specialists|Partners|Network|(?:Medical\s+)?Transport(?:ation)?|"
    r"Physician\s+Group|Physicians\s+Group|Service\s+Unit|Occupational\s+Medicine|"
    r"Immediate\s+Care|Express\s+Care|Walk-?In|Care\s+Navigators|Consultants|"
    r"Retina|Eye\s+(?:Care|Center|Institute|Associates)|Vision\s+(?:Center|Care)|"
    r"Wound\s+Cent(?:er|re)|Sleep\s+Cent(?:er|re)|Kidney\s+Care|Heart\s+Institute|"
    r"Women['’]?s\s+Health|Surgical|Audiology|Hearing\s+Cent(?:er|re)|"
    r"Recovery\s+Cent(?:er|re)|Treatment\s+Cent(?:er|re)|Visiting\s+Nurses?(?:\s+Association)?|"
    r"VNA|EMS|CBOC|VAMC|IHS|Medical\s+Supply|Home\s+Infusion|Infusion\s+(?:Cent(?:er|re)|Services)|"
    r"Primary\s+Care|(?:Bone|Heart|Skin|Eye|Ear|Spine|Sleep|Foot|Hand|Joint|Vein|Vascular|Allergy|"
    r"Asthma|Sinus|Back|Neck|Kidney|Liver|Lung)\s*(?:&|and)\s*(?:Joint|Joints|Vascular|Allergy|"
    r"Asthma|Ear|Spine|Sinus|Sleep|Ankle|Wellness|Laser|Vein|Neck|Throat|Skin|Lung|Trauma|Rhythm)|"
    r"Charities|Renal[ \t]+Care|Bank|Guaranty|"
    r"Credit[ \t]+Union|Savings[ \t]+Bank|"
    # agencies of elder care and law, lodging, stores of the trades ('Desert Bloom Senior
    # Care', 'Kellerman Family House', 'Cimarron Inn', 'Elm City Specialty Rx', 'Desert
    # Horizons HH', 'Fort Bend ISD'; practices named by a specialty are `practices`' to find)
    r"Senior[ \t]+Care|Family[ \t]+Care|Elder[ \t]*[Cc]are|Nurse[ \t]+Line|"
    r"Legal[ \t]+(?:Aid|Services)|Elder[ \t]+Law|Law[ \t]+Cent(?:er|re)|"
    r"(?:Family|Guest)[ \t]+House|"
    r"Inn|Hotel|Motel|Suites|(?<![ \t]{2})(?<!\t)(?:Rx|HH|OTP|ISD)(?![0-9\-#])|Co-?op|"
    r"Cooperative|Transit|Respite|Methadone|Outreach|Behavioral(?![ \t]+[A-Z])|Supply|"
    r"Laundromat|Grocery|Supermarket|Fuel|Car[ \t]+Wash|"
    r"Kettering|Permanente|Presbyterian|Baptist|Methodist|Episcopal|Lutheran|Adventist|"
    r"(?<!of[ \t])(?<!OF[ \t])Surgery|Pathology|Teleradiology|NHS(?:[ \t]+Foundation)?[ \t]+Trust|"
    # organizations that are no place of care but name where the patient lives, works, prays
    # or is helped ('Acadiana Geriatrics', 'Navajo Nation Housing Authority', 'Boston Public
    # Schools', 'Greer & Hollins Injury Law', 'Grace Fellowship')
    r"Geriatrics|Diagnostics|Housing[ \t]+Authority|Public[ \t]+Schools|Schools|Fire[ \t\-]+"
    r"(?:Rescue|Department|Dept\.?|District)|Fire[ \t]*(?:/|&|and)[ \t]*(?:EMS|Rescue)|"
    r"Rescue[ \t]+Squad|First[ \t]+Aid[ \t]+Squad|"
    r"Ambulance[ \t]+Corps|Case[ \t]+Management|"
    r"Injury[ \t]+Law|Law[ \t]+(?:Firm|Group|Offices?)|Refinery|Ministries|Fellowship|Chapel|"
    r"Mosque|Synagogue|Mission|Daycare|Day[ \t]+Care|Preschool|Learning[ \t]+Cent(?:er|re)|"
    r"Industries|Logistics|Foods|Farms|Orchards|Growers|Processors|Freightways|Trucking|"
    # carriers and their fleets ('OKT Express', 'H.B.R. Logistics', 'Volunteer State Tank
    # Lines'): most of these heads need a proper word first (`_PROPER_HEAD_ONLY`)
    r"Transportation|Transport|Cartage|Haulers|Hauling|Express|Refrigerated|"
    r"(?:Tank|Freight|Motor|Van|Bus|Truck)[ \t]+Lines|"
    r"Country[ \t]+Club|Golf[ \t]+(?:Club|Course)|Resort|Casino|Polytechnic|"
    # dental and therapy practices, agencies of services, courts, police, jails, firms,
    # libraries, banks ('Smile Junction Pediatric Dentistry', 'Gateway Youth Behavioral
    # Services', 'Pima County Superior Court', 'Waupun Correctional', 'Ostrowski & Vail LLP')
    r"Dentistry|Periodontics|Endodontics|Orthodontics|Prosthodontics|Collective|"
    # reproductive care and its agencies ('Aspira Fertility', 'Cascadia Cryobank', 'Deseret
    # Family Surrogacy', 'SeedTrust Escrow')
    r"Fertility|Eye|Cryobanks?|Sperm[ \t]+Bank|Egg[ \t]+Bank|Andrology|Surrogacy|Escrow|"
    # air carriers ('Wrights Air', 'Katmai Air', 'Alaska Seaplanes', 'Grant Aviation')
    r"Airlines|Airways|Skyways|Aviation|Seaplanes|(?<!King[ \t])Air(?![ \t]+(?:Force|National|Base|"
    r"Station|Rescue|Med|Medical|Methods|Evac|Care|Ambulance|Lift|Tractor))|"
    r"(?:Behavioral|Youth|Family|Social|Protective|Human|Support|Veterans|Counseling|"
    r"Psychological|Community|Equipment|Caregiver|Respite|Senior|Therapy)[ \t]+Services?|"
    r"Police[ \t]+(?:Department|Dept\.?|Service)|Sheriff['’]?s[ \t]+(?:Office|Department|Dept\.?)|"
    r"(?:Superior|District|Circuit|Municipal|Probate|Juvenile|Family|Magistrates['’]?|Crown|"
    r"Drug|Mental[ \t]+Health)[ \t]+Court|Courthouse|Detention[ \t]+(?:Complex|Facility)|"
    r"Correctional|Penitentiary|(?:Defender|Attorney|Prosecutor|Coroner|Examiner)['’]?s[ \t]+"
    r"Office|LLP|PLLC|Library|Bank|Credit[ \t]+Union|Research|Compounding|"
    r"Home[ \t]+for[ \t]+the[ \t]+(?:Aged|Elderly|Blind|Deaf)|"
    r"Health[ \t]+(?:District|Department|Dept\.?|Authority|Board)|"
    r"Fire(?=[ \t]+(?:Medic|Engine|Ladder|Squad|Station|Rescue|[Aa]mbulance|Amb|Med|Truck)"
    r"(?![A-Za-z]))|Division[ \t]+of[ \t]+(?:Police|Fire)|"
    # 'Detroit Police Ofc. Lovejoy', 'Chicago Police 8th District': a town's police named by
    # the word alone, with a word of the service after it
    r"Police(?=[ \t]+(?:Ofc|Officers?|officers?|Det|Detectives?|detectives?|Sgt|Lt|Sergeant|"
    r"report|case|incident|on[ \t]+scene|at[ \t]+bedside|[0-9]{1,2}(?:st|nd|rd|th)[ \t]+"
    r"(?:District|Precinct)|Dist|District|Precinct|arrived|responded|took|were|was|is)"
    r"(?![A-Za-z]))|"
    # insurers and plans named by kind ('Sunflower Plains Health Plan', 'Southern Shield
    # Insurance', 'Lone Star Mutual'), veterans' care ('Tennessee Valley VA', 'Central
    # Arkansas Veterans Healthcare System'), funeral homes, churches by denomination initials,
    # equipment suppliers, convents
    r"Health[ \t]+Plan|Insurance|Mutual|Assurance|Casualty|Farm[ \t]+Bureau|"
    r"VA|Veterans[ \t]+(?:Hospital|Home|Healthcare[ \t]+System|Health[ \t]*[Cc]are[ \t]+System|"
    r"HCS|Affairs[ \t]+Medical[ \t]+Cent(?:er|re))|HCS|Health[ \t]*[Cc]are[ \t]+System|"
    r"Mortuary|Funeral[ \t]+(?:Home|Chapel|Services|Directors?)|Cemetery|Crematory|"
    r"AME|CME|COGIC|Motherhouse|Convent|Monastery|Abbey|DME|Health[ \t]+Station|"
    r"Ambulance[ \t]+Service|Swing[ \t]+Bed|"
    # gyms, physiotherapy practices, churches by denomination, prisons
    r"Gym|CrossFit|Physio(?:therapy)?|Catholic|MBC|Penitentiary|State[ \t]+Prison|"
    r"NHS[ \t]+(?:FT|Trust)|"
    # homes, teams, services, programs, courts and councils of community care, recovery and
    # justice ('Gateway Sober Living', 'Hexley District Nursing Team', 'Tynedale Memory
    # Service', 'Rimrock Opioid Treatment Program', 'Doña Ana County Veterans Treatment
    # Court', 'Kirklees Council'), dental and eye practices, military bases and clinics
    r"Aged[ \t]+Care|Care[ \t]+Home|Residential|Sober[ \t]+(?:Living|House|Home)|"
    r"(?:Halfway|Hospitality|Chapter|Recovery|Ronald[ \t]+McDonald)[ \t]+House|"
    r"(?:Nursing|DN|Care|Health|Support|Outreach|Crisis|Memory|Hospice|ACT)[ \t]+Team|"
    r"(?:Memory|Care|Support|Outreach|Crisis|Recovery|Counselling|Counseling)[ \t]+Service|"
    r"(?:Treatment|Care|Recovery|Methadone|Opioid|Outreach|Wellness|Housing|Addiction|Transplant|"
    r"Donor|Dialysis|Kidney|Liver)"
    r"[ \t]+Program(?:me)?|"
    r"(?:Veterans|Treatment|Tribal|Supreme|Justice|Youth|Regional|County|Housing|Sessions|Immigration|"
    r"Coroner['’]?s|Small[ \t]+Claims)[ \t]+Court|Council|Practice|"
    r"Dental|Optometrists?|Opticians?|Chemists?|Fairgrounds|Soup[ \t]+Kitchen|"
    r"Food[ \t]+(?:Bank|Pantry)|(?:Bowling|Sports|Social|Rugby|Football|Working[ \t]+Men['’]?s)"
    r"[ \t]+Club|Dockyard|Shipyard|Port[ \t]+of[ \t]+Entry|"
    r"(?:Probation|Parole)[ \t]+(?:Office|Department|Dept\.?|Service)|"
    r"Air[ \t]+(?:Force|National[ \t]+Guard)[ \t]+Base|Air[ \t]+Base|"
    r"Naval[ \t]+(?:Station|Hospital|Base|Air[ \t]+Station|Medical[ \t]+Center)|"
    r"Army[ \t]+(?:Base|Medical[ \t]+Center|Community[ \t]+Hospital|Health[ \t]+Clinic)|"
    r"Marine[ \t]+Corps[ \t]+(?:Base|Air[ \t]+Station)|CHC|FQHC|CMHC|MHC|"
    # employers, carriers and services named by their trade ('Versiti Organ Procurement',
    # 'MindBridge Telepsychiatry', 'Salish Sea Ferries', 'HPB Packing', 'Gulfway
    # Petrochemical'): head-only words (`_PROPER_HEAD_ONLY`), a proper word must come first
    r"Tele(?:health|psychiatry|medicine)|Organ[ \t]+Procurement|Travel|Ferries|Airlines|"
    # ship agents, terminals and mutual insurers of shipowners ('Hampton Roads Ship Agency',
    # 'Seagirt Marine Terminal', 'Nordhavn Mutual P&I')
    r"(?:Ship|Shipping|Maritime|Port)[ \t]+(?:Agency|Services)|(?:Marine|Coal|Container|"
    r"Cruise|Cargo|Ferry)[ \t]+Terminal|P&I|"
    r"Airways|Aviation|Restaurant|Caf[eé]|Diner|Bakery|Brewery|Winery|Dairy|Packing|"
    r"Meats|Poultry|Processing|Fabrication|Manufacturing|Construction|Roofing|Staffing|"
    r"Motors|Steel|Lumber|Mining|Petrochemicals?|Chemicals?|Railroad|Railway|Utilities|"
    r"Energy|Electric|Power(?![ \t]+(?i:of|0f|port|midline|picc|line|injector|glide|"
    r"wheelchair|chair|station|plant|supply|cord|steering|lift|tools?|point|meter|flow)\b)|"
    # the oil field, plants and their contractors, carriers and plans ('Golden Triangle
    # Turnaround Services', 'Pecos Valley Midstream', 'Caprock Carriers', 'Saguaro Health
    # Advantage'): trades too, found only after a proper word and a cue of work or cover
    r"Services|Midstream|Fabricators|Roustabouts|Carriers|Constructors|Contractors|"
    r"Sanitation|Aromatics|Pipeline|Refining|Drilling|Oilfield|Welding|Plumbing|Landscaping|"
    r"Janitorial|Towing|Hauling|Tank[ \t]+Lines|Home[ \t]+Delivery|Cremation|Advantage|"
    # births, labs, crews and clubhouses named by a proper word ('Druid Hill Midwives',
    # 'Chesterfield Midwifery Group', 'Helix-Keystone Genomics', 'New Castle County
    # Paramedics', 'Fan District Clubhouse')
    r"Midwives|Midwifery|Genomics|Paramedics|Clubhouse|"
    # companies named by their business, trades (`_TRADES`: a proper word first and a cue of
    # work: 'works at Ironbark Studios', 'placed by Nimbletide Technologies'); labs and
    # practices of a kind of care after a proper word ('NMS Labs Toxicology', 'Sandia
    # Neurodiagnostics', 'Mexico Physical Therapy')
    r"Studios|Productions|Entertainment|Streaming|Technologies|Software|Consulting|Ventures|"
    r"Holdings|Enterprises|Toxicology|Neurodiagnostics|Physical[ \t]+Therapy(?![ \t]+(?i:"
    r"eval|evaluation|notes?|orders?|referral|consult|visits?|sessions?|plan|goals?)\b)|"
    # unions by their local's number ('Aircraft Mechanics Guild Local 17', 'SMART-TD Local
    # 1920', 'Teamsters Local 705')
    r"(?:Guild|Union|Brotherhood|Teamsters|Workers|[A-Z]{2,6}(?:-[A-Z]{2,4})?)[ \t]+Local[ \t]+"
    r"[0-9]{1,4}(?![0-9])|Guild|"
    # adult day care, home care agencies, ambulettes, car services, interpreters and house
    # calls named by a proper word ('Nairi ADHC', 'Nor Arev CBAS', 'Sheepshead Bay Home Care
    # LHCSA', 'Atlantic Ambulette', 'Shant Car Service', 'Lingua Bridge Interpreting')
    r"ADHC|CBAS|LHCSA|CHHA|PACE|Adult[ \t]+Day(?:[ \t]+(?:Health|Care))?(?:[ \t]+Cent(?:er|re))?|"
    r"Ambulette|Car[ \t]+Service|Limo(?:usine)?[ \t]+Service|Taxi|Cab[ \t]+Company|"
    r"Interpreting(?![ \t]*:)|Interpreters|Translation[ \t]+Services|House[ \t]+Calls|"
    r"Answering(?![ \t]+(?:Service|Svc))|"
    # groups and practices without a care word ('Community Health Group', 'Asher Concierge
    # Medicine', 'Delta Orthotics & Prosthetics', 'Silver State Paratransit', 'Nevada
    # Hospitality Risk Pool')
    r"Health[ \t]+(?:Group|Alliance)|Concierge[ \t]+(?:Medicine|Care|Practice)|Orthotics|"
    r"Prosthetics|Paratransit|Risk[ \t]+Pool|Post-Acute|"
    # cathedrals, crisis services and agencies on aging ('Cathedral of the Rockies', 'Spokane
    # Crisis Stabilization Facility', 'King County Crisis Connections', 'Lewis County Area
    # Agency on Aging', 'Comprehensive Healthcare Evaluation & Treatment')
    # community-action agencies and hospitals written short ('LKLP Community Action',
    # 'Upper Connecticut Valley Hosp.')
    r"Community[ \t]+Action|Hosp\.(?=[ \t]|$)(?![ \t]+(?i:course|stay|day|adm|no|num|number|id)\b)|"
    r"Cathedral|Basilica|Tabernacle|Crisis[ \t]+(?:Stabilization|Connections)|"
    r"Stabilization[ \t]+(?:Facility|Unit|Cent(?:er|re))|"
    r"(?:Area[ \t]+|(?<!Area[ \t])(?<!AREA[ \t]))Agency[ \t]+on[ \t]+Aging|"
    r"Evaluation[ \t]*(?:&|and)[ \t]*Treatment|"
    # a physicians' professional corporation and an air ambulance ('Brodsky Medical PC',
    # 'Tri-State CareFlight', 'Island Air Ambulance')
    r"CareFlight|LifeFlight|"
    r"MedFlight|AirCare|Air[ \t]+(?:Ambulance|Evac|Medical[ \t]+Transport|Med|Rescue)|"
    # seafood packers, answering services and maternal programs ('Chauvin Bros. Seafood',
    # 'Pelican Answering Svc', 'Coastal Alabama Healthy Start')
    r"Seafoods?|Answering[ \t]+(?:Service|Svc)|Healthy[ \t]+Start|"
    # post offices, salons and spas, firms of resources ('Paint Lick Post Office', "Mai's
    # Nails & Spa", 'Contura Resources'; the last a trade)
    r"Post[ \t]+Office|Nails|Salon|Spa|Barbershop|Resources|"
    # temples, gurdwaras and mosques by their names ('Sri Venkateswara Temple', 'Guru Nanak
    # Gurdwara', 'Masjid Al-Noor' is the Arabic order, found by the word first elsewhere)
    r"Temple|Gurdwara|Gurudwara|Mandir|Masjid|Vihara|"
    # mills, quarries and canneries that employ the patient ('Pixelle Androscoggin Mill')
    r"Mill|Mills|Sawmill|Paper[ \t]+Mill|Quarry|Cannery|Creamer(?:y|ies))")
_TAIL_WORD = (r"(?:House|Agency|Complex|Building|Unit(?![ \t]*:)|Infusion|Supply|Supplies|"
              r"Vascular|Audiology|Counseling|Recovery|Nursing|Trauma|"
              r"OB/GYN|Ob-?Gyn|Cardiology|Oncology|Neurology|Urology|Orthopaedics|"
              r"Dept\.?|Department|Products|"
              r"Association|Midtown|Downtown|Orthopedics|Specialty\s+Care|"
              r"NHS(?:[ \t]+Foundation)?[ \t]+Trust|Trust|Practice|Partnership|Care|Partners|"
              r"Group|IPA|Palliative[ \t]+Care|Collective|Research|LLP|PLLC|LLC|District|"
              r"Plan|Station|System|Systems|Services?|Delivery|Company|Auto|Post-?Acute|"
              r"Facility|Hospice|Police|Retirement[ \t]+Funds?|"
              r"(?:Radiation|Surgical|Medical|Pediatric|Interventional|Gynecologic)[ \t]+"
              r"(?:Oncology|Cardiology|Radiology)|Hematology|Gastroenterology|Pulmonology|"
              r"Nephrology|Endocrinology|Rheumatology|Dermatology|Psychiatry|Pediatrics|"
              r"(?:Specialty|Outpatient|Retail|Compounding|Infusion)[ \t]+(?:Pharmacy|Rx|Clinic|"
              r"Cent(?:er|re)|Services|Surgery)|"
              r"Cancer[ \t]+(?:Partnership|Alliance|Network|Care|Program|Services)|"
              r"for[ \t]+(?:Women[ \t]*(?:&|and)[ \t]*(?:Children|Infants|Newborns)|Health|"
              r"Women|Children|Mental[ \t]+Health|"
              r"the[ \t]+(?:Aged|Elderly|Blind|Deaf)))")
"""Words that end a facility's name after a facility word ('OptiCare Home Infusion', 'St.
Elizabeth Heart & Vascular', 'Red Rock Counseling & Recovery')."""
_NOT_AFTER_AT = (r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Noon|Midnight|Bedtime|Night|"
                 r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Discharge|Admission|Baseline|"
                 r"Rest|Risk|Home|This|That|Which|Least|Most|All|Last|First)\b")
"""Words after 'at' that do not continue a facility's name ('Mercy Clinic at Noon')."""
_FACILITY = fast_compile(
    r"(?<![A-Za-z0-9.'’\-])((?:(?:St\.?|ST\.?|Saint|SAINT|Mt\.?|MT\.?|Mount|MOUNT|Our\s+Lady\s+of)"
    r"[ \t]+)?(?:(?:[A-Z]\.(?:[A-Z]\.)*[ \t]?)?[A-Z][A-Za-z'’\-&]*|[A-Z]\.(?:[A-Z]\.)+)"
    r"(?:[ \t]+" + _CAPWORD + r"){0,5}?[ \t]+(?:" + _FACILITY_WORD + r"|Counsel+ing|(?i:"
    + _FACILITY_WORD
    + r")(?<=[A-Z]{3}))(?:[ \t]+(?:(?:&|and|AND)[ \t]+)?(?:" + _FACILITY_WORD + r"|" + _TAIL_WORD
    + r"|(?i:" + _FACILITY_WORD + r"|" + _TAIL_WORD + r")(?<=[A-Z]{3}))){0,2})(?![A-Za-z])"
    r"((?:\s+(?:of|at|AT|OF)\s+(?!" + _NOT_AFTER_AT + r")(?:the\s+)?[A-Z][A-Za-z'’.\-]*"
    r"(?:\s+(?:[A-Z][A-Za-z'’.\-]*|-\s+[A-Z][A-Za-z'’.\-]*)){0,3})?)")
_SPECIALTY_END = re.compile(r"(?:THORACIC|BILIARY|PLASTIC|LOGY|LOGIC|LOGICAL|IATRIC|IATRICS|"
                            r"PEDIC|PEDICS|SURGICAL|RECTAL|FACIAL|VASCULAR|NATAL|ATRIC)$")
"""Endings of specialty adjectives and nouns ('cardiothoracic', 'urogynecology')."""
_LOWER_WORD_AFTER = re.compile(r"[ \t]+([a-z][a-z'’\-]*)")
_NOT_NOUN_AFTER = frozenset({"TODAY", "YESTERDAY", "TONIGHT", "OVERNIGHT", "AGO", "EARLIER",
                             "LATER", "AGAIN", "NOW", "SOON", "TOO", "AS", "WHERE", "WHEN"})
"""Lower-case words after a hospital's short name that leave it one ('from County today')."""
_PLACE_NOUNS = frozenset({"WARD", "UNIT", "CLINIC", "ROOM", "FLOOR", "BED", "CENTER",
                          "DEPARTMENT", "SERVICE", "TEAM", "HOSPITAL"})
"""Nouns of the function-word list that make a short name a kind ('General ward')."""
_TRADES = frozenset({"TELEHEALTH", "TELEPSYCHIATRY", "TELEMEDICINE", "PROCUREMENT", "TRAVEL",
                     "FERRIES", "AIRLINES", "AIRWAYS", "AVIATION", "RESTAURANT", "CAFE", "CAFÉ",
                     "DINER", "BAKERY", "BREWERY", "WINERY", "DAIRY", "PACKING", "MEATS",
                     "POULTRY", "PROCESSING", "FABRICATION", "MANUFACTURING", "CONSTRUCTION",
                     "ROOFING", "STAFFING", "MOTORS", "STEEL", "LUMBER", "MINING",
                     "PETROCHEMICAL", "PETROCHEMICALS", "CHEMICAL", "CHEMICALS", "RAILROAD",
                     "RAILWAY", "UTILITIES", "ENERGY", "ELECTRIC", "POWER", "LAUNDROMAT", "GROCERY",
                     "SUPERMARKET", "FUEL", "WASH", "TRANSIT", "SERVICES",
                     "MIDSTREAM", "FABRICATORS", "ROUSTABOUTS", "CARRIERS", "CONSTRUCTORS",
                     "CONTRACTORS", "SANITATION", "AROMATICS", "PIPELINE", "REFINING",
                     "DRILLING", "OILFIELD", "WELDING", "PLUMBING", "LANDSCAPING", "JANITORIAL",
                     "TOWING", "HAULING", "LINES", "CREMATION", "ADVANTAGE", "RESOURCES",
                     "STUDIOS", "PRODUCTIONS", "ENTERTAINMENT", "STREAMING", "TECHNOLOGIES",
                     "SOFTWARE", "CONSULTING", "VENTURES", "HOLDINGS", "ENTERPRISES"})
"""Trades an employer, a carrier or a service is named by (see `_FACILITY_WORD`); such a name
stands where a workplace, a carrier or a provider is spoken of (`_TRADE_CUE`), never before a
product noun (`_PRODUCT_AFTER`)."""
_TRADE_CUE = re.compile(
    r"(?i:\b(?:at|by|via|through|from|en|employer|employed|employee|works?|worked|working|"
    r"job|company|contractor|carrier|insurer|plan|site|airline|flight|flew|lodging|staying|"
    r"stays|stayed|referred|transferred|outside|inside|near|behind|across|to|into|on|"
    r"utilit(?:y|ies)|electric|power|cooperative|co-op|conductor|engineer|pilot|"
    r"attendant|officer|crew|mechanic|agent|dispatcher|driver|operator|handler|captain|"
    r"capt)\b|\()"
    r"[^.;\n]{0,30}$|(?m:^)[ \t]*$")
_PRODUCT_AFTER = re.compile(
    r"[ \t]+(?i:kit|pack|packs|unit|units|supplies|speed|burn|burns|gloves|scan|wheelchair|"
    r"letter|concentrator|cpap|device|machine|delay|delayed|changed|dressing|gauze|strips?|"
    r"time|index|test|testing|level|levels|exposure|shock|injury|chair|bed|scooter|"
    r"blanket|pump|bag|bags|drink|drinks|bar|bars|shot|shots|study|studies|scintigraphy|"
    r"delayed|plan)\b")
_COMMUNITY_WORDS = frozenset({
    "JEWISH", "CATHOLIC", "MUSLIM", "ISLAMIC", "HINDU", "SIKH", "BUDDHIST", "ORTHODOX", "NATIVE",
    "CHRISTIAN", "HISPANIC", "LATINO", "LATINA", "SLAVIC", "SLAVONIC", "HASIDIC", "PENTECOSTAL",
    "BAPTIST", "METHODIST", "LUTHERAN",
    "EVANGELICAL", "ADVENTIST", "APOSTOLIC", "ASSYRIAN", "CHALDEAN", "COPTIC", "MARONITE",
    "UKRAINIAN", "RUSSIAN", "ARMENIAN", "GEORGIAN", "KAZAKH", "UZBEK", "TAJIK", "KYRGYZ"})
"""Words of a people or a faith that name the community a place serves."""
_LINE_CARRIERS = frozenset({"AIRLINES", "AIRWAYS", "SKYWAYS", "RAILROAD", "RAILWAY"})
"""Heads of an air or rail line: the capitalized word before them names it."""
_NATIONAL_LINES = frozenset({"AMERICAN", "UNITED", "DELTA", "SOUTHWEST", "SPIRIT", "FRONTIER",
                             "JETBLUE", "ALLEGIANT", "HAWAIIAN", "ETHIOPIAN", "BRITISH", "VIRGIN",
                             "EMIRATES", "AMTRAK", "CANADIAN", "PACIFIC", "NATIONAL", "NORFOLK",
                             "UNION", "CSX", "BNSF", "SUN", "COUNTRY"})
"""Words of national air and rail lines, brands that name no place ('Union Pacific Railroad')."""
_NOT_LINE_WORDS = frozenset({"RETIRED", "FORMER", "COMMUTER", "FREIGHT", "CARGO", "REGIONAL",
                             "BUDGET", "TRAM", "LIGHT", "HEAVY", "LOCAL", "FOREIGN", "DOMESTIC",
                             "INTERNATIONAL", "PRIVATE", "COMMERCIAL", "MAJOR", "SECURED",
                             "PATENT", "OPEN", "NARROW", "MAIN", "SMALLER", "LARGER", "MODEL",
                             "TOY", "SCENIC", "HISTORIC", "PASSENGER", "STREET", "ELEVATED"})
"""Words that say which kind of line or airway, never which one ('Regional Airlines')."""
_LINE_ADJECTIVE = re.compile(r"(?:AL|ED|IC|EAL|ARY|IVE|OUS|ING|ABLE|IBLE)$")
"""An English adjective's ending ('Surgical', 'Nasopharyngeal', 'Secured Airways')."""
_AIRWAY_KINDS = frozenset({"REACTIVE", "UPPER", "LOWER", "SMALL", "LARGE", "CENTRAL",
                           "PERIPHERAL", "CONDUCTING", "ARTIFICIAL", "NASAL", "ORAL", "DISTAL",
                           "PROXIMAL", "MAJOR", "MINOR", "HYPERREACTIVE", "DIFFICULT", "ALL",
                           "BOTH", "THE", "HIS", "HER", "THEIR", "PATENT", "CLEAR"})
"""Words before 'Airways' that say which airways of a body, no airline's name."""
_CARE_KIND_HEADS = frozenset({"TOXICOLOGY", "NEURODIAGNOSTICS", "THERAPY"})
"""Heads that are a kind of care or testing: a practice's name only right after its own word."""
_PROPER_HEAD_ONLY = frozenset({"SURGERY", "PATHOLOGY", "TELERADIOLOGY", "PRACTICE", "COUNCIL",
                               "RESIDENTIAL", "DENTAL", "TEAM", "PROGRAM", "PROGRAMME", "CHC",
                               "FQHC", "CMHC", "MHC", "SERVICE", "KITCHEN", "PANTRY",
                               "OPTICIANS", "OPTICIAN", "OPTOMETRISTS", "OPTOMETRIST", "CHEMIST",
                               "CHEMISTS", "RESPITE", "METHADONE", "OUTREACH", "BEHAVIORAL",
                               "SUPPLY", "MIDWIVES", "MIDWIFERY", "GENOMICS", "PARAMEDICS",
                               "CLUBHOUSE", "COOPERATIVE", "ACTION", "AGING", "TRANSPORTATION",
                               "TRANSPORT", "CARTAGE", "HAULERS", "HAULING", "EXPRESS",
                               "REFRIGERATED", "ADHC", "CBAS", "LHCSA", "CHHA", "PACE",
                               "AMBULETTE", "TAXI", "INTERPRETING", "INTERPRETERS", "CALLS",
                               "ANSWERING", *_CARE_KIND_HEADS, *_TRADES})
"""Facility words that are also kinds of care: a facility only after a proper word (a place,
a name, an acronym, a word no English dictionary holds)."""
_DOTTED_FIRST = re.compile(r"(?:the[ \t]+)?(?:[A-Z]\.){2,}")
_DOTTED_SERVICES = frozenset({"CF", "ALS"})
"""Initials of a disease's clinic the clinical lists do not hold ('C.F. Clinic'); the others
('G.I.', 'I.D.', 'O.B.', 'E.N.T.') are clinical words or `CLINICAL_INITIALS` already."""
_REST_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z'’&]+")
"""A word of a facility's name, dotted initials as one ('K.L.M.')."""
_TRAILING_WORDS = re.compile(r"(?:[ \t]+(?:" + _FACILITY_WORD + r"|(?i:" + _FACILITY_WORD
                             + r")(?<=[A-Z]{3}))){1,2}(?![A-Za-z])")
"""Facility words right after a facility name found by context."""
_FACILITY_OF = fast_compile(
    r"(?=[UHCMVRIWSANELABJP])\b(?:(?:University|Hospitals?|Clinic|Medical\s+Center|Health\s+System|"
    # a congregation's centre or society of a town or region ('Islamic Center of America',
    # 'Islamic Association of Collin County', 'Hindu Temple of Central Indiana')
    r"(?:Islamic|Muslim|Hindu|Sikh|Jewish|Buddhist|Jain)\s+(?:Center|Centre|Society|"
    r"Association|Community\s+Center|Temple|Cultural\s+Center)|"
    r"Consulate(?:\s+General)?|Embassy|High\s+Commission|Law\s+Offices?|"
    r"Community\s+Action\s+(?:Agency|Organization|Partnership|Council|Committee|Program)|"
    r"Area\s+Agency\s+on\s+Aging|"
    r"Hospice(?:\s+(?:House|Care|Center|Centre|Services))?|Urgent\s+Care|VNA|"
    r"Home\s+Health|Home\s+Care|Visiting\s+Nurse\s+(?:Association|Service)|Rehabilitation\s+"
    r"(?:Center|Hospital)|Infirmary|Women['’]s\s+(?:Care|Health|Clinic|Center)|"
    r"Senior\s+Living|Assisted\s+Living|Nursing\s+(?:Home|Center)|Surgery\s+Center|"
    r"Care\s+Center|Medical\s+(?:Group|Associates)|"
    # 'Fertility Centers of Illinois': centres of a state or town (never a centre of mass,
    # gravity or excellence)
    r"(?:Associates|Consultants|Physicians|Specialists)(?=\s+of\s+"
    r"(?:the\s+)?[A-Z])|"
    r"Cent(?:er|re)s?(?=\s+of\s+(?!(?:Excellence|Gravity|Mass|Pressure|Rotation|Attention|"
    r"Care|Expertise|Competence|the\s+(?:Lesion|Mass|Field))\b)))\s+of|"
    # a centre for a people, a cause or a kind of care ('Center for Haitian Studies',
    # 'Journey Center for Safety and Healing'), never the federal 'Centers for Disease
    # Control' or 'Centers for Medicare & Medicaid Services'
    r"(?:Hospital|Clinic|Institute|Hospice|Healthcare|Cent(?:er|re)s?|"
    r"Health\s+Care)\s+for)\s+(?!(?:[A-Z]{2,6}|Eval\w*|Management|Treatment|Care|the\s+United"
    r"\s+States|Disease|Medicare|Medicaid|Biologics|Drug|Devices|Medications?|Refills?|Detox|"
    r"Testing|Screening|Labs?|Imaging|Vaccines?|Shots?|Appointments?|Visits?|Infusions?|"
    r"Therapy|Rehab|Dialysis|"
    r"the\s+(?:Public\s+Defender|Attorney\s+General|District\s+Attorney))\b)"
    r"(?:the\s+)?[A-Z][A-Za-z'’.\-]*(?:(?<![a-z]{3}\.)\s+(?:(?:and|&)\s+(?=[A-Z])(?!(?:Dr|Mr|Mrs|Ms|Miss|Prof)\b))?"
    r"[A-Z][A-Za-z'’.\-]*){0,3}"
    # a second 'of' inside the name ('Embassy of the Republic of Korea')
    r"(?:(?<=Republic)\s+of(?:\s+the)?\s+[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*)?)?")
_CAPITALS_BEFORE = re.compile(r"(?<![A-Za-z'’&\-.])(?:[A-Z][A-Za-z'’&\-]*[ \t]+){1,3}$")
_PRACTICE_OF = re.compile(r"(?:Associates|Consultants|Physicians|Specialists)\s")
_DIRECTIONS = frozenset({"NORTHERN", "SOUTHERN", "EASTERN", "WESTERN", "CENTRAL", "GREATER",
                         "UPSTATE", "DOWNSTATE", "COASTAL", "NORTH", "SOUTH", "EAST", "WEST"})
_REGIONS = frozenset({"SOUTHWEST", "NORTHWEST", "SOUTHEAST", "NORTHEAST", "MIDWEST", "ROCKIES",
                      "CAROLINAS", "OZARKS", "MID-SOUTH",
                      "MIDLANDS", "LOWCOUNTRY", "UPSTATE", "TRIAD", "TRIANGLE", "BLUEGRASS",
                      "PIEDMONT", "PANHANDLE", "PACIFIC", "GULF", "DESERT", "MOUNTAINS", "PLAINS",
                      "VALLEY", "SOUTHLAND", "HEARTLAND", "SHORE", "COAST", "ISLANDS"})
"""Regions a practice is named after ('Retina Associates of the Southwest', 'Cardiology
Consultants of the Carolinas')."""
_INSTRUMENT_AFTER = re.compile(r"[ \t]+(?i:scale|score|index|questionnaire|inventory|survey|"
                               r"criteria|team|program|programs|protocol)\b")
"""A scale or a team after a 'Center for' phrase: the centre's instrument or department."""
_WORD_BEFORE_CENTRE = re.compile(r"([A-Za-z'’\-]+)[ \t]+$")
_FOREIGN_FACILITY = fast_compile(
    r"(?<![A-Za-z])(?:Hospital(?=[ \t]+(?:de|da|das|do|dos|del|General|Universitari[oa]?|"
    r"Regional|Municipal|Provincial|Central|Nacional|Militar|Infantil|Materno)(?![A-Za-z]))|"
    r"Hopital|Klinikum|Krankenhaus|Clinica|Clinique|Sanatorio|"
    r"Policlinico|Policlinica|Ospedale|Hotel-Dieu|Centro\s+de\s+Salud|Centre\s+hospitalier|"
    r"CHU|CHUM|CHSLD|CLSC|CIUSSS|CISSS|UMC|GMF|UMF|HMP|Universitair\s+Medisch\s+Centrum|"
    r"Caisse\s+populaire|Caisse\s+Desjardins|Societe|Centre\s+de\s+jour|"
    r"Reseau\s+de\s+sante|Familiprix|Jean\s+Coutu|Uniprix|Pharmaprix|"
    r"(?:Foyer|Manoir|Couvent|Residence|Maison|Villa)(?=[ \t]+(?:de|du|des|la|le|Notre-|Saint-|"
    r"Sainte-|St-|Ste-))|"
    # churches and foundations of other languages ('Iglesia Pentecostal Monte de Sion', 'Eglise
    # Baptiste Haitienne de l'Esperance', 'Fundacion Latino Americana de Accion Social')
    r"(?:Iglesia|Eglise|Igreja|Chiesa|Templo|Capilla|Parroquia|Paroisse|Fundacion|Fondation|"
    r"Fundacao|Fondazione|Asociacion|Associacao|Benh[ \t]+vien|Rumah[ \t]+Sakit)"
    r"(?=[ \t]+[A-Z])|"
    # consulates, embassies, institutes, schools and centres of Spanish and French names
    # ('Consulado General de Mexico en Fresno', 'Centro Binacional para el Desarrollo Indigena
    # Oaxaqueno', 'Unidad de Medicina Familiar No. 80', 'Ambassade du Senegal')
    r"(?:Consulado|Embajada|Ambassade|Consulat|Instituto|Escuela|Colegio|Universidad|Hogar|"
    r"Dispensario|Farmacia|Cooperativa|Unidad|Centro|Oficina|Comite|Apotheke)"
    r"(?=[ \t]+(?:[A-Z]|de[l]?[ \t]|du[ \t]|para[ \t]|am[ \t]|im[ \t]|zum[ \t]|zur[ \t])))"
    r"(?:[ \t]+(?:(?:de|da|das|do|dos|del|della|di|der|des|du|la|le|el|y|e|und|rechts|links|para|"
    r"am|im|zum|zur|"
    r"General|Universitari[oa]?|Universitaire|No\.?|[0-9]{1,3}|regional|general|"
    r"universitaire|municipal|provincial|central|psychiatrique|pediatrique)(?![A-Za-z0-9'’])|"
    r"[dl]['’](?:[A-Z][A-Za-z\-]*)?|[A-Z][A-Za-z'’\-]*)){1,6}")
"""A facility named in another language, its facility word first ('Hospital General de Zona
No. 33', 'Hospital das Clínicas da FMUSP', 'Klinikum rechts der Isar', "l'Hôtel-Dieu de Lévis",
'CHSLD Saint-Jean-Eudes', 'UMC Utrecht'); read over the ASCII reading of the text."""
_KIND_FIRST = re.compile(
    r"(?<![A-Za-z])(?:Hospital|Cl[ií]nica|Centro[ \t]+M[ée]dico|Sanatorio|Hôpital|Hopital)[ \t]+"
    r"((?:[A-Z][A-Za-zÀ-ÿ'’\-]+|[A-Z]{2,5})"
    r"(?:[ \t]+(?:del|de|la|las|los|y|[A-Z][A-Za-zÀ-ÿ'’\-]+)){0,3})"
    r"(?<![ \t])(?![A-Za-z])")
"""'Hospital San José', 'Hospital Puerta del Valle', 'Centro Médico ABC': the kind first, then
a proper name (a place, a surname, a word no English dictionary holds)."""
_POSSESSIVE_HOSPITAL = re.compile(
    r"(?<![A-Za-z'’])((?:[A-Z][a-z]+[ \t]+)?[A-Z][a-z]+(?:[ \t]+(?:and|&))?)"
    r"[ \t]+(?:Women|Children)['’]s(?:[ \t]*(?:&|and)[ \t]*Infants)?(?![A-Za-z])"
    r"(?![ \t]+[A-Z])")
""""Brigham and Women's", "Liverpool Women's", "Bronx Children's": a hospital by its short name
(a proper word before 'Women's' or 'Children's', no word of care after)."""
_GENERIC_HEADS_ABROAD = frozenset({"UNIDAD", "CENTRO", "OFICINA", "COMITE", "ESCUELA", "FARMACIA",
                                   "COOPERATIVA", "INSTITUTO", "COLEGIO", "UNIVERSIDAD", "HOGAR",
                                   "DISPENSARIO"})
"""Heads of a Spanish institution that also name a kind of unit ('Unidad de Dolor')."""
_GENERIC_ABROAD = frozenset({
    "CUIDADOS", "INTENSIVOS", "INTERMEDIOS", "DOLOR", "CORONARIA", "ICTUS", "SALUD", "ATENCION",
    "PRIMARIA", "SECUNDARIA", "MEDICO", "MEDICA", "MEDICINA", "TRANSFUSION", "DIA", "SUENO",
    "HOSPITALIZACION", "ETICA", "INVESTIGACION", "TRABAJO", "SOCIAL", "CONTROL",
    "ENFERMEDADES", "URGENCIAS", "EMERGENCIAS", "QUEMADOS", "DIALISIS", "REHABILITACION",
    "AMERICANO", "AMERICANA", "NACIONAL", "CARDIOLOGIA", "PEDIATRIA", "ONCOLOGIA",
    "PUBLICA", "PUBLICO", "GENERAL", "SERVICIOS", "DIAGNOSTICO", "TRATAMIENTO", "CIRUGIA",
    "AMBULATORIA", "NEONATAL", "NEONATALES", "INTERMEDIA", "CRITICOS", "AGUDOS"})
"""Words of a kind of care or an office after a Spanish head: no one place's name."""
_LINK_WORDS = frozenset({"de", "da", "das", "do", "dos", "del", "della", "di", "der", "des", "du",
                         "la", "le", "el", "y", "e", "und", "no", "no.", "para"})
_CUT_WORDS = frozenset({
    "IN", "AT", "TO", "FROM", "ON", "BY", "WITH", "WHO", "WAS", "IS", "ARE", "WERE", "SEEN",
    "PRESENTED", "TRANSFERRED", "ADMITTED", "DISCHARGED", "RESIDES", "LIVES", "WENT", "GO",
    "CALLED", "REFERRED", "FOLLOWED", "VISITED", "RETURNED", "REPEAT", "NEXT", "PLACED",
    "YO", "HE", "SHE", "PATIENT", "PT", "LOCATION", "FACILITY", "ADVISED", "SENT", "OR",
    "NOTIFY", "NOTIFIED", "REQUEST", "REQUESTED", "CONTACTED", "CALL", "ORDER",
    "ORDERED", "FAXED", "PER", "VIA", "SEE", "ASK", "ASKED", "INFORM", "INFORMED",
    "ATTORNEY", "DIRECTIVE",  # a legal form's title ("DURABLE POWER OF ATTORNEY FOR HEALTH CARE")
})
_MILITARY_BASE = fast_compile(r"(?<![A-Za-z])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+"
                              r"(?:AFB|AHC|ANGB|JRB)(?![A-Za-z])")
"""'Eielson AFB', 'Bliss AHC', 'Davis-Monthan AFB': a base or its clinic by the place or person
it is named after ('Sputum AFB' names a stain: an English word before is no name)."""
_NEW_HEADS = frozenset({"PRACTICE", "COUNCIL", "RESIDENTIAL", "DENTAL", "TEAM", "PROGRAM",
                        "PROGRAMME", "CHC", "FQHC", "CMHC", "MHC", "SERVICE", "KITCHEN",
                        "PANTRY", "OPTICIANS", "OPTICIAN", "OPTOMETRISTS", "OPTOMETRIST",
                        "CHEMIST", "CHEMISTS", "RESPITE", "METHADONE", "OUTREACH", "BEHAVIORAL",
                        "SUPPLY"})
"""Head-only words of departments, programs and practices: after a word of a place of care
('Royal Darwin Hospital - Top End Health Service') they need no proper word, and an acronym
before them is no name ('GP Practice')."""
_AGENCY_KIND = frozenset({"BEHAVIORAL", "YOUTH", "FAMILY", "SOCIAL", "PROTECTIVE", "HUMAN",
                          "VETERANS", "PSYCHOLOGICAL", "CAREGIVER", "RESPITE", "SENIOR"})
"""Kinds of agency whose 'Service' names one ('Northern Ohio Family Service')."""
_PLACE_OF_CARE = frozenset({"HOSPITAL", "HOSPITALS", "MEDICAL", "HEALTH", "HEALTHCARE",
                            "CLINIC", "CLINICS", "INFIRMARY", "HOSPICE"})
_BASE_WORD = re.compile(r"AFB|AHC|ANGB|JRB")
"""A cheap literal test before the base pattern runs."""
_KIND_BEFORE_HEAD = frozenset({"FAMILY", "MEDICAL", "DENTAL", "GENERAL", "GROUP",
                               "VETERINARY"})
"""Words that make a head-only word a facility word of its own ('Clear Creek Family
Practice', 'Fife Health and Social Care Partnership'), as `_FACILITY_WORD` lists them."""
_PLACE_COMPOUND = re.compile(r"^[A-Z]{3,}(?:WOOD|SIDE|FIELD|DALE|BROOK|FORD|CREST|HAVEN|VIEW|"
                             r"MEAD|MOOR|HURST|GATE|WORTH|BRIDGE|STEAD|VALE|GLEN|MONT)$")
"""A compound of English words in the shape of an English place name ('Beechwood',
'Rosewood', 'Lakeside', 'Highfield'): a name before a facility word, though a dictionary
holds it ('Beechwood Surgery' is a general practice, 'Open Heart Surgery' none)."""
_NOT_PLACE_COMPOUNDS = frozenset({
    "INSIDE", "OUTSIDE", "BEDSIDE", "BACKSIDE", "UPSIDE", "DOWNSIDE", "ALONGSIDE", "BESIDE",
    "OFFSIDE", "ROADSIDE", "WAYSIDE", "SEASIDE", "COUNTRYSIDE", "RINGSIDE", "HARDWOOD",
    "PLYWOOD", "DRIFTWOOD", "FIREWOOD", "SOFTWOOD", "BATTLEFIELD", "MINEFIELD", "AIRFIELD",
    "MIDFIELD", "OUTFIELD", "INFIELD", "CASEWORTH", "PATHWAY", "OVERVIEW", "INTERVIEW",
    "PREVIEW", "REVIEW", "WORLDVIEW", "TOLLGATE", "FLOODGATE", "TAILGATE", "STOPGATE",
    "HOMESTEAD", "INSTEAD", "BEDSTEAD", "FOOTBRIDGE", "DRAWBRIDGE", "CARTRIDGE"})
_LABEL_CUT_WORDS = frozenset({"LOCATION", "FACILITY"})
"""Cut words only as a label ('Facility: Mercy'; not 'Yellowstone County Detention Facility
Medical Unit')."""
_FACILITY_PREP = re.compile(
    r"(?=[tTaAfFiIpPwWvVbB])(?<![A-Za-z])(to|at|from|into|per|with|through|via|by|TO|AT|FROM|"
    r"INTO|PER|WITH|THROUGH|VIA|BY)[ \t]+(?:(?:the|an?|THE|The)[ \t]+)?"
    r"((?:(?:St|ST|Mt|MT)\.?|Saint|SAINT|Mount|MOUNT)[ \t]+)?"
    r"([A-Z][A-Za-z'’&\-]*(?:[ \t]+(?:[A-Z][A-Za-z'’&\-]*|(?:of|at)(?=[ \t]+[A-Z])))"
    r"{0,4})")
"""A preposition of movement or place before capitalized words ('to Mercy', 'from UCSF', 'at
The Glenview at Pelican Bay')."""
_FIRST_WORD = re.compile(r"[^ \t'’]+")
_PREP_GROUP = {"TO": "TO", "INTO": "TO", "AT": "AT", "FROM": "FROM", "PER": "FROM",
               "WITH": "WITH", "THROUGH": "WITH", "VIA": "WITH", "BY": "WITH"}
FACILITY_SHORT_NAMES = frozenset({"PRESBYTERIAN", "BAPTIST", "METHODIST", "EPISCOPAL", "LUTHERAN",
                       "ADVENTIST", "CHILDRENS", "SHRINERS", "PERMANENTE", "KETTERING",
                       "WOMENS", "COUNTY", "GENERAL", "U", "ROYAL"})
"""Facility words that name a hospital alone after a verb of care ('delivery planned at
Methodist', 'transferred to Children's', 'transferred from County', 'followed at the U',
'born at Women's', 'discharged from the Royal'); capitalized in running text, they are a
hospital's short name."""
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
                     r"called\s+in|e-?prescribed|faxed|fax|send|sending|order|ordered|orders|"
                     r"refilled|filled|"
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
                     r"consulted|respite|drawn|draw|labs?|bloodwork|tested|testing|"
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
_FACILITY_AND = re.compile(r"[ \t]*(?:,[ \t]*(?:and|or|&)?|and|or|&|/)[ \t]*(?:(?:the|THE)[ \t]+)?"
                           r"([A-Z][A-Za-z'’&\-]*(?:[ \t]+[A-Z][A-Za-z'’&\-]*){0,2})")
_MONTH_AHEAD = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
                r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
                r"[0-9]{1,2}/[0-9]{1,2})\b")
_NOT_AFTER_AT_RE = re.compile(_NOT_AFTER_AT)
_AT_SPEAKER = fast_compile(
    r"(?<![A-Za-z])(?:at|from)[ \t]+(?:the[ \t]+)?([A-Z][A-Za-z'’&\-]+(?:[ \t]+[A-Z][A-Za-z'’&\-]+)"
    r"{0,3})[ \t]+(?:said|says|told|tells|wants|wanted|recommended|recommends|diagnosed|"
    r"thinks|thought|found|did|gave|prescribed|called|refused|suggested|suggests|is\s+saying|"
    r"keeps|kept|won['’]t|doesn['’]t|didn['’]t|can['’]t)\b")
"""'Dr. Greenfield at Northwestern said', 'the doctors at Memorial Regional told me': capitalized
words after 'at'/'from' that then speak or act are an institution (or a person)."""
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
_HOSPITAL_ACRONYM = re.compile(r"(?<![A-Za-z])(?:at|via|from|to|by|@)[ \t]+(?:the[ \t]+)?"
                               r"([A-Z]{2,5}(?:H|HC|MC)|[A-Z]{2,3}SU)(?![A-Za-z0-9&%/\-])")
"""'arrived by medevac via SSMH', 'transfer from USNH', 'approved by YKHC', 'football at MVSU':
an acronym of four to seven capitals that ends as a hospital's, a health corporation's, a
medical center's or a state university's does ('...H', '...HC', '...MC', '...SU'), after a
preposition of place, is that place, unless it is clinical vocabulary ('ACTH', 'SIADH'; three
letters are too often clinical: 'LVH', 'FMC', 'MSU')."""
_NOT_HOSPITALS = frozenset({"ACTH", "SIADH", "GNRH", "GHRH", "NASH", "MASH", "FISH", "CISH",
                            "SISH", "TORCH", "HELLP", "IMC", "PMC", "CMC", "DMC", "HMC"})
"""Clinical acronyms that end as a hospital's do (English words are left out as well)."""
_ON_STREET = re.compile(r"[ \t]+on[ \t]+(?:(?:Hwy|Highway|Route|Rte|County[ \t]+(?:Rd|Road)|"
                        r"US|SR)[ \t\-]*[0-9]{1,4}|[0-9]{1,3}(?:st|nd|rd|th)(?:[ \t]+(?:St|Street|"
                        r"Ave|Avenue))?|[A-Z][a-z]+[ \t]+(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Dr|"
                        r"Drive|Pkwy|Parkway|Hwy))(?![A-Za-z0-9])")
"""A branch's street after a store or clinic name ('Walmart on Hwy 55', 'CVS on Main St')."""
_NAMED_SERVICE = re.compile(r"[ \t]+[A-Z][a-z]+[ \t]+(?:Health|Center|Centre|Clinic|Institute)"
                            r"(?![A-Za-z])")
"""A service named after a facility's name ('North Memorial Sleep Health')."""
_EVERYDAY_LABEL = re.compile(r"(?i:school|daycare|day[ \t]+care|employer|workplace|place[ \t]+of)")
"""Labels whose value is often an everyday word ('School: Kindergarten', 'Employer: retired')
rather than a name: there only a value with a name, a place or a word no dictionary holds
counts."""
_ON_AGING = re.compile(r"[ \t]+(?:Aging|AGING)(?![A-Za-z])")
"""'Area Agency on Aging': the 'on' of the kind word cuts nothing."""
_LEADING_NOT_NAME = re.compile(
    r"^(?i:(?:The|A|An|At|To|In|From|On|Of|Patient|Pt|Admitted|Seen|Transferred|Discharged|"
    r"Repeat|Follow|Up|Via|By|Does|Do|Did|Can|Could|Should|Would|Is|Are|Was|Were|Has|Have|Had|"
    r"My|Our(?![ \t]+Lady)|Your|Their|Please|Consult|Consulted|Recommend|Recommended|Contact|"
    r"Notify|Paged|Defer|Discussed|Appreciate)\s+)+")
"""Words before a facility's name that are no part of it ('Does Fort Bend ISD cover')."""
_ORDER_WORDS = frozenset({"CONSULT", "CONSULTED", "CONSULTS", "RECOMMEND", "RECOMMENDED",
                          "RECOMMENDS", "PAGE", "PAGED", "CALL", "CALLED", "NOTIFY", "NOTIFIED",
                          "DISCUSS", "DISCUSSED", "REFER", "REFERRED", "DEFER", "CONTACT",
                          "CONTACTED", "APPRECIATE", "PLEASE", "WILL", "NEEDS", "NEED", "ASK",
                          "ASKED", "SEE", "SEEN", "FOLLOW", "FOLLOWED", "PER", "VIA", "PENDING",
                          "ASSOCIATE", "ASSISTANT", "PROFESSOR", "DIRECTOR", "CHIEF", "FELLOW",
                          "RESIDENT", "ATTENDING", "CONSULTANT", "DIVISION", "SECTION", "OLD",
                          "FCCP", "FACC", "FACP", "FAAN", "FACS", "CONTINUE", "CHANGED"})
"""Words of an order or a request before a short kind word: it is no name there ('Continue
Rx')."""
_RARE_NAMED_HEADS = frozenset({"RX", "HH", "OTP", "ISD"})
"""Short kind words that name a pharmacy, an agency, a program or a school district only
after a naming word ('Magnolia Rx', 'Desert Horizons HH'; not 'New Rx', 'Sliding HH')."""
_COINED_HEADS = frozenset({"FERTILITY", "EYE", "CRYOBANK", "CRYOBANKS", "ANDROLOGY",
                           "SURROGACY", "ESCROW", "AIR", "SEAPLANES", "AVIATION"})
"""Kinds of reproductive care and its agencies that name one only after a coined word or a
place ('Cascadia Cryobank', 'SeedTrust Escrow', 'Deseret Family Surrogacy'; not 'Lupron IVF',
'AMH Fertility', 'Mexico Surrogacy', 'Turner Fertility counseling')."""
_CARRIER_HEADS = frozenset({"AIR", "SEAPLANES", "AVIATION"})
"""Air carriers' heads, which a surname may name too ('Wright Air', 'Grant Aviation'; not
'Room Air', 'Free Air'), and a noun may follow ('Bering Air dispatch')."""
_CARRIER_NAME_ZIPF = 5.0
"""A surname before an air carrier's head is no everyday word ('Wright', 'Grant'; not 'Free')."""
_NOUN_AFTER = re.compile(r"[ \t]+(?!(?:in|at|on|and|or|of|for|to|is|was|has|had|with|by|"
                         r"from|said|says|called|will)\b)[a-z]{3,}")
"""A lower-case noun after a kind word: the kind word is a modifier ('Fertility monitor')."""
_PROGRAM_HEADS = frozenset({"OTP", "ISD"})
"""Kind words of programs and districts that two words before name too ('Westside Recovery
OTP', 'Four Directions Wellness OTP'; one word does not: 'Daily OTP', 'Local ISD')."""
_BUSINESS_NAME_WORDS = frozenset({
    "VALLEY", "CREEK", "FORK", "RIVER", "RIVERS", "LAKE", "LAKES", "RIDGE", "HILL", "HILLS",
    "MOUNTAIN", "MOUNTAINS", "MESA", "DESERT", "PRAIRIE", "PLAINS", "CANYON", "COAST",
    "COASTAL", "BAY", "HARBOR", "HARBOUR", "SUMMIT", "PEAK", "PEAKS", "PINE", "PINES", "OAK",
    "OAKS", "CEDAR", "ELM", "MAPLE", "WILLOW", "ASPEN", "SPRUCE", "BIRCH", "MEADOW", "MEADOWS",
    "GROVE", "GLEN", "HOLLOW", "SPRINGS", "FALLS", "ROCK", "STONE", "SUN", "SUNRISE",
    "SUNSET", "SUNBELT", "HORIZON", "HORIZONS", "HEARTLAND", "FRONTIER", "PIONEER", "GATEWAY",
    "CRYSTAL", "SILVER", "GOLDEN", "EAGLE", "BLUFF", "BLUFFS", "HIGHLAND", "HIGHLANDS",
    "TIDEWATER", "PIEDMONT", "GULF", "ATLANTIC", "PACIFIC", "CAPITAL", "METRO", "TRI-COUNTY",
    "PREMIER", "ALLIED", "SACRED", "LIBERTY", "HERITAGE", "LEGACY", "CORNERSTONE", "KEYSTONE",
    "EVERGREEN", "BLUEGRASS", "CUMBERLAND", "APPALACHIAN", "OZARK", "SIERRA", "CASCADE",
    "MIDLANDS", "NORTHLAND", "SOUTHLAND", "TRINITY", "COMMUNITY", "REGIONAL", "UNITED",
    "BASIN", "DELTA", "TIMBERLINE", "WOODLANDS", "BAYOU", "LOWCOUNTRY", "UPSTATE"})
"""Words practices, pharmacies and agencies are named with (landscape, direction, virtue)."""
_AND_MORE = re.compile(r"[ \t]*&[ \t]+(?:[A-Z][A-Za-z'’\-]*[ \t]+){0,2}(?:"
                       + _FACILITY_WORD + r")(?![A-Za-z])")
"""A second kind of care joined to a facility's name ('Sonoran Dermatology & Mohs Surgery')."""
_AIR_SUFFIX = re.compile(r"[ \t]+(?:One|Flight|Air|MedFlight|AirCare|AirMed)(?![A-Za-z])")
"""The word that makes a hospital's name an air ambulance's ('Mayo One')."""
_STORE_NUMBER = re.compile(r"[ \t]*(?:#|No\.|Store[ \t]+#?)[ \t]*[0-9]{1,6}(?![0-9])|"
                           r"(?:(?<=District)|(?<=Station)|(?<=Precinct)|(?<=Squad)|"
                           r"(?<=Company))[ \t]+[0-9]{1,3}(?![0-9.,:/]|[ \t]*(?i:%|x\b|mg|ml|"
                           r"units?|days?|weeks?|months?|years?|hours?|times|pm|am)\b)")
"""A branch number after a facility or store name ('Walgreens #4412')."""


_NEXT_GAP = re.compile(r"[ \t]+")
_PLACE_AFTER = re.compile(r"(?:[ \t]+|[ \t]*\([ \t]*)"
                          r"([A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]+)?)"
                          r"(?=[ \t]*(?:[,.;:)\n]|$|--|—|in\b|on\b))")
TOWN_AFTER_FACILITY = re.compile(r",[ \t]*([A-Z][A-Za-z'’\-]+(?:[ \t][A-Z][A-Za-z'’\-]+){0,2})"
                                 r"(?=[ \t]*(?:\n|$|[),;(]|\.[ \t]*(?:\n|$)|[ \t]+(?!AM\b|PM\b)"
                                 r"[A-Z]{2}\b)|[ \t]{2,}|\t|[ \t]+(?:-{1,2}|—|–)[ \t])")
"""'Delta Regional Hospital, Bethel', 'Hôpital Notre-Dame, Montréal': a town after a
facility and a comma, ending the line, the clause or the field ('Beaumont Hospital, Dearborn
(Corewell Health)', 'Fairlane Senior Care, Dearborn     Unit: 2', 'Beaumont Hospital,
Dearborn - Inpatient Case Management')."""
_DENOMINATIONS = frozenset({"CATHOLIC", "BAPTIST", "METHODIST", "PRESBYTERIAN", "LUTHERAN",
                            "ADVENTIST", "EPISCOPAL", "JEWISH", "MENNONITE", "MORAVIAN",
                            "SHRINERS"})
_CARE_WORDS = frozenset({"HOSPITAL", "HOSPITALS", "MEDICAL", "HEALTH", "HEALTHCARE", "CLINIC",
                         "CLINICS", "INFIRMARY", "HOSPICE", "HOME", "NURSING", "MANOR", "REHAB",
                         "REHABILITATION", "PAVILION", "SANATORIUM"})
_FUNERAL_WORDS = frozenset({"FUNERAL", "MORTUARY", "PHARMACY", "DRUGS", "DRUG"})
"""Kinds of place before a trade that make the trade their second line ('Seabreeze Funeral
Home & Cremation', 'Saguaro Health Advantage'): no cue of work needed."""
_AGENCY_END = frozenset({"SERVICES", "SERVICE", "COURT", "DEPARTMENT", "DEPT", "OFFICE"})
"""Last words of an agency's name: a state's agency names no one below the state."""
_STATE_NAMES = frozenset(vocab.STATES.values())
"""Whole state names, in capitals ('NEW YORK', 'WEST VIRGINIA')."""
_BUSINESS_END = frozenset({"ASSOCIATES", "PARTNERS", "CONSULTANTS", "SPECIALISTS", "PLLC", "LLC",
                           "PC", "INC", "LLP"})


_PROPER_ONLY_HEADS = frozenset({"MIDWIVES", "MIDWIFERY", "GENOMICS", "PARAMEDICS", "CLUBHOUSE",
                                "STABILIZATION", "ORTHOTICS", "EVALUATION", "ACUTE",
                                "POOL", "SPA", "SALON", "NAILS", "BARBERSHOP"})
"""Heads a person's name before does not make a place's ('Nurse Midwifery Group')."""
_SIDES = frozenset({"LT", "RT", "L", "R", "LEFT", "RIGHT", "BILATERAL", "BILAT", "LATERAL"})
_NOT_MILL_BEFORE = frozenset({"PILL", "RUMOR", "RUMOUR", "HAND", "PEPPER", "COFFEE", "SAW", "WIND",
                              "WATER", "GRIST", "PUPPY", "DIPLOMA", "SPICE", "SALT", "GRAIN",
                              "FLOUR", "TREAD", "PAPER", "STEEL", "CIDER", "STAMP", "ROLLING"})
"""Words before 'Mill' that make a thing or a figure of speech ('pill mill', 'pepper mill')."""
_WORSHIP_HEADS = frozenset({"TEMPLE", "GURDWARA", "GURUDWARA", "MANDIR", "MASJID", "VIHARA"})
"""Last words of a house of worship's name, which needs a proper word before them ('Sri
Venkateswara Temple'; a side's 'LEFT TEMPLE' is the head's, 'Temple Care Center' a town's)."""
_SERVICE_KINDS = frozenset({"RECOVERY", "TREATMENT", "DENTAL", "MEDICAL", "NURSING", "CARE",
                            "HOSPICE", "THERAPY", "REHABILITATION", "BEHAVIORAL", "HEALTH",
                            "AMBULANCE", "YOUTH", "FAMILY", "SOCIAL", "PROTECTIVE", "HUMAN",
                            "SUPPORT", "VETERANS", "COUNSELING", "PSYCHOLOGICAL", "COMMUNITY",
                            "EQUIPMENT", "CAREGIVER", "RESPITE", "SENIOR", "INFUSION", "LEGAL",
                            "PHARMACY", "LABORATORY", "IMAGING", "RADIOLOGY", "DIALYSIS",
                            "SURGICAL", "EMERGENCY", "PEDIATRIC", "HOME", "HEARING", "VISION",
                            "REHAB", "AGING", "ELDER", "FINANCIAL", "CLINICAL", "PASTORAL"})


def _trade_after_care(words: list[str]) -> bool:
    """A trade after a kind of place of care ('Seabreeze Funeral Home & Cremation', 'Saguaro
    Health Advantage'): the second line of a named place, which needs no cue of work."""
    return bool(words) and words[-1] in _TRADES and any(
        w in _CARE_WORDS or w in _FUNERAL_WORDS for w in words[:-1])


def _kind_of_services(words: list[str]) -> bool:
    """'Recovery Services', 'Youth Behavioral Services': services of a kind of care, a facility
    word of their own, not the trade 'Services' of a contractor."""
    return len(words) >= 2 and words[-1] == "SERVICES" and (
        words[-2] in _SERVICE_KINDS or words[-2] in _TRADES)  # 'Energy Services' as before


def _named_by_kind(words: list[str]) -> bool:
    """Generic words that still name one place: a denomination's hospital ('Catholic Medical
    Center', 'Baptist Health'; not its church or school) or a practice's business name
    ('Eye Care Associates', 'Cutaneous Pathology Partners': a department never ends so)."""
    if any(w in _DENOMINATIONS for w in words) and any(w in _CARE_WORDS for w in words):
        return True
    named = [w for w in words[:-1] if w not in FUNCTION_WORDS and w != "&"]
    return bool(words) and words[-1] in _BUSINESS_END and len(named) >= 2


_PRODUCT_NEXT = re.compile(r"[ \t]+(?:therapy|device|system|implant|procedure|stimulator|sensor|"
                           r"app|program)\b")
"""A lower-case product word after one everyday capitalized word: the word is the product's
name ('Inspire therapy', 'Nucleus device'), no place of care."""
_LABEL_NEXT = re.compile(r"[ \t]*:")
_NUMBER_NEXT = re.compile(r"[ \t]*#?[0-9]")
"""A number after the word ('Unit 6', 'Pharmacy #512'): the word is the facility's own (not a
label in capitals: 'Merced Kidney Center   CCN 05-2619')."""


def _before_next_label(text: str, start: int, end: int) -> int:
    """The end of a facility before the next field of a form's line ('Ravenswood Village
    Nursing Home    Unit: Magnolia Hall', 'Pelican Answering Svc   Acct PAS-0213'): a word
    after a field gap that labels the next field (a colon after it, or one word alone after
    three blanks or a tab) ends no name."""
    gaps = list(BLANK_RUN.finditer(text, start, end))
    if not gaps or gaps[-1].start() <= start:
        return end
    last = gaps[-1]
    if _LABEL_NEXT.match(text, end) or (
            FIELD_GAP.search(last.group())
            and " " not in text[last.end():end] and "\t" not in text[last.end():end]
            and (not _NUMBER_NEXT.match(text, end) or text[last.end():end].isupper())):
        return last.start()
    return end


_SAINT_THE = re.compile(r"(?:St\.?|ST\.?|Saint|SAINT)[ \t]+[A-Z][a-z]+[ \t]+")
"""A saint before 'the' of an epithet ('St. John the Baptist Church'): 'the' is no cut."""


class _Facilities(_PlaceBase):
    """Finds facilities by their facility word or by care context."""

    def _facilities(self, text: str) -> list[Span]:
        spans: list[Span] = []
        position = 0
        while (match := _FACILITY.search(text, position)) is not None:
            position = match.end()
            words = [fold(w) for w in re.findall(r"[A-Za-z'’&]+", match.group(1))]
            start = match.start(1)
            # 'Urology Associates of Kalamazoo': plain words before a facility word name one
            # place when a gazetteer town follows 'of'
            of_place = bool(match.group(2)) and self._of_town(match.group(2))
            place_end = -1 if match.group(2) else self._place_after(text, match.end(1))
            heading = place_end < 0 and not match.group(2) and len(words) >= 3 \
                and self._heading_town(text, start, match.end(1))
            if self._all_plain(words) and not self._named_building(words) \
                    and not of_place and not _named_by_kind(words) and place_end < 0 \
                    and not heading:
                # plain words may lead into a name further on ('DISCHARGE SUMMARY University
                # of Iowa Hospitals & Clinics'): search again from the next word
                gap = _NEXT_GAP.search(text, start, match.end(1))
                position = gap.end() if gap else match.end()
                continue
            end = match.end(2) if match.group(2) else match.end(1)
            if place_end > end and "(" not in text[end:place_end]:
                end = place_end  # 'National Cancer Centre Singapore'
            # trim leading words that are function words
            segment = text[start:end]
            trimmed = _LEADING_NOT_NAME.match(segment)
            if trimmed:
                start += trimmed.end()
            # a function word inside ('YO SEEN IN CLINIC', 'resides at X Hospital', 'Started
            # the Mayo Clinic'): the facility name starts after the last one
            cut = start
            previous = ""
            for inner in re.finditer(r"[A-Za-z'’]+", text[start:match.end(1)]):
                word = inner.group()
                key = fold(word)
                if (key in _CUT_WORDS or (
                        word == "the" and previous not in ("of", "at", "for")
                        and not _SAINT_THE.fullmatch(text, start, start + inner.start()))
                        ) and start + inner.end() < match.end(1) and not (
                        key in _LABEL_CUT_WORDS and text[start + inner.end()] != ":") and not (
                        _ON_AGING.match(text, start + inner.end())):
                    cut = start + inner.end()
                previous = word
            start = cut
            while start < end and text[start] in " \t":
                start += 1
            # dotted initials are one word ('K.L.M. Refrigerated': an acronym, a proper word),
            # never a specialty's or a disease's ('G.I. Clinic', 'E.N.T. Clinic', 'C.F. Clinic')
            rest = [fold(w.replace(".", "")) for w in _REST_WORD.findall(text[start:end])]
            if _DOTTED_FIRST.match(text, start) and rest and (
                    self.lex.is_clinical(rest[0]) or rest[0] in CLINICAL_INITIALS
                    or rest[0] in _DOTTED_SERVICES):
                continue
            if len(rest) < 2 and not (rest and rest[0] in FACILITY_SHORT_NAMES):
                continue  # 'Does IHS cover': a kind word alone once the question word is cut
            if rest and rest[-1] in _RARE_NAMED_HEADS:
                before = [w for w in rest[:-1] if w not in ("OF", "THE", "AND", "&", "AT", "FOR")]
                acronym = any(w.isupper() and len(w) <= 4 for w in re.findall(
                    r"[A-Za-z'’&]+", text[start:end])[:-1]) and not text[start:end].isupper()
                if acronym or not (self._names_practice(before) or (
                        rest[-1] in _PROGRAM_HEADS and len(before) >= 2
                        and not any(w in _ORDER_WORDS or w in self.lex.drugs for w in before)
                        and not all(self._plain(w) for w in before))):
                    continue  # 'Continue Rx', 'MRN HH0091744', 'Sliding HH'
            carrier = bool(rest) and rest[-1] in _CARRIER_HEADS
            if rest and rest[-1] in _COINED_HEADS and (
                    (_NOUN_AFTER.match(text, end) and not carrier) or not any(
                        self._coined_or_place(word, places_only=rest[-1] == "EYE")
                        or (carrier and self.lex.is_name(fold(word))
                            and zipf(fold(word)) < _CARRIER_NAME_ZIPF)
                        for word in re.findall(r"[A-Za-z'’&\-]+", text[start:end])[:-1])):
                continue  # 'Lupron IVF', 'Clearblue Fertility monitor'
            if _eponym_after(text[end:end + 50]):
                continue  # 'the Mayo Clinic diet', 'Cleveland Clinic protocol'
            firm = FIRM_SUFFIX.match(text, end)
            if firm:  # 'Dominion Freight & Logistics, Inc.'
                end = firm.end()
            number = _STORE_NUMBER.match(text, end)
            if number:  # 'Kroger Pharmacy #512'
                end = number.end()
            more = _AND_MORE.match(text, end)
            if more:  # 'Rainier Valley Neurology & Memory Clinic'
                end = more.end()
            named = _NAMED_SERVICE.match(text, end)
            if named:  # 'North Memorial Sleep Health'
                end = named.end()
            head = next((i for i in range(len(rest) - 1, -1, -1) if (
                rest[i] in _PROPER_HEAD_ONLY and not _kind_of_services(rest[:i + 1])
                and not _trade_after_care(rest[:i + 1]))
                         or (rest[i] == "NHS" and rest[i + 1:i + 2] in (["TRUST"],
                                                                        ["FOUNDATION"]))), -1)
            if head >= 0 and rest[head + 1:head + 2] in ([], ["FOR"], ["TRUST"]) and not (
                    head and ((rest[head] == "PRACTICE" and rest[head - 1] in _KIND_BEFORE_HEAD)
                             or (rest[head] == "SERVICE" and rest[head - 1] in _AGENCY_KIND))
                    and not text[start:end].isupper()) and not (
                    rest[head] in _NEW_HEADS and any(w in _PLACE_OF_CARE for w in rest[:head])) \
                    and not any(self._head_proper(w, rest[head]) for w in rest[:head]):
                continue  # 'Open Heart Surgery', 'Pediatric Surgery for Children', 'Local
                # NHS Trust' (not 'Parkside Surgery', 'Leeds ... NHS Trust', a firm's tail:
                # 'Cutaneous Pathology Partners')
            if rest[-1] in _CARE_KIND_HEADS and any(w in ("AND", "&", "OR") for w in rest):
                continue  # 'Dr. John Smith and Physical Therapy': two parties, no practice
            only = next((i for i, w in enumerate(rest) if w in _PROPER_ONLY_HEADS), -1)
            if only >= 0 and not any(self._proper(w) for w in rest[:only]):
                continue  # 'Nurse Midwifery Group', 'Clinical Genomics'
            if rest[-1] in ("MILL", "MILLS") and len(rest) == 2 and rest[0] in _NOT_MILL_BEFORE:
                continue  # 'Pill Mill', 'Pepper Mill'
            if rest[-1] in _WORSHIP_HEADS and not any(self._proper(w) and w not in _SIDES
                                                      for w in rest[:-1]):
                continue  # 'SKIN, LEFT TEMPLE': a side of the head
            if rest and rest[-1] in _AGENCY_END and self._state_agency(rest):
                continue  # 'Louisiana Adult Protective Services': a state's agency
            if rest and rest[-1] in _TRADES and not _kind_of_services(rest) \
                    and not _trade_after_care(rest) and (
                    not _TRADE_CUE.search(text, max(0, start - 48), start)
                    or _PRODUCT_AFTER.match(text, end)):
                continue  # 'Kerlix Packing changed', 'Dexcom Travel kit': a product
            if end > start and (not self._all_plain(rest)
                                or self._named_building(rest) or of_place
                                or _named_by_kind(rest) or place_end >= 0 or heading):
                cut = _before_next_label(text, start, end)
                # a field's value before the next label keeps no head ('Base: Gypsum
                # Mission #:', 'Walter Amundsen           Hospice ID:'): still a value to
                # hide, but a person's name found there wins its type
                headless = cut < end and not _FACILITY.search(text[start:cut])
                spans.append(Span(start, cut, PhiType.FACILITY, "facility",
                                  0.7 if headless else 0.9))
        for match in _MILITARY_BASE.finditer(text) if _BASE_WORD.search(text) else ():
            key = fold(match.group(1).split("-")[0])
            if not self.lex.blocks_alone(key) and (key in self.lex.places or not is_english(key)):
                spans.append(Span(match.start(), match.end(), PhiType.FACILITY, "facility", 0.85))
        for match in _FACILITY_OF.finditer(text):
            if match.group().startswith("Cent") and " for " in match.group() \
                    and not self._centre_named(text, match):
                continue  # 'Kroc Center for Zumba', 'Infusion Center for Iron Sucrose'
            if match.group().startswith("Cent") and " of " in match.group() \
                    and " for " not in match.group() and not self._centres_of_place(match.group()):
                continue  # 'Center of Chest', 'Center of Town': a place in a body or a map
            start = match.start()
            if _PRACTICE_OF.match(match.group()):
                start = self._practice_start(text, start)
                if start == match.start() or not self._of_region(match.group()) \
                        or _NOUN_AFTER.match(text, match.end()):
                    continue  # 'Associates of the patient', 'Specialists of Texas?', 'Physicians
                    # of Boston residents': a practice has a name, and is of a state or region
            spans.append(Span(start, match.end(), PhiType.FACILITY, "facility_of", 0.9))
        for match in _FOREIGN_FACILITY.finditer(text):
            end = match.end()
            while end > match.start() and text[end - 1] in " \t":
                end -= 1
            words = re.findall(r"[A-Za-z0-9'’\-]+", text[match.start():end])
            while words and (words[-1].lower() in _LINK_WORDS):
                end = text.rindex(words.pop(), match.start(), end)
            if len(words) >= 2 and (fold(words[0]) not in _GENERIC_HEADS_ABROAD
                                    or self._proper_abroad(words[1:])):
                spans.append(Span(match.start(), end, PhiType.FACILITY, "facility_abroad", 0.85))
        for match in _KIND_FIRST.finditer(text) if ("Hospital" in text or "Cl" in text
                                                    or "Centro" in text) else ():
            keys = [fold(w) for w in match.group(1).split() if w not in _LINK_WORDS]
            if keys and not self._facility_blocked(keys[0]) and any(self._proper(k) for k in keys):
                spans.append(Span(match.start(), match.end(), PhiType.FACILITY, "facility_abroad",
                                  0.8))
        for match in _POSSESSIVE_HOSPITAL.finditer(text) if "’s" in text or "'s" in text else ():
            keys = [fold(w) for w in match.group(1).split() if w not in ("and", "&")]
            if keys and not any(self._facility_blocked(k) for k in keys) and any(
                    self._proper(k) or k == "ROYAL" for k in keys):
                spans.append(Span(match.start(), match.end(), PhiType.FACILITY, "facility_short",
                                  0.75))
        return spans

    def _practice_start(self, text: str, start: int) -> int:
        """The start of a practice's name before its kind ('Retina' of 'Retina Consultants of
        Arizona'): up to three capitalized words right before it, no function word or title."""
        words = _CAPITALS_BEFORE.search(text, max(0, start - 60), start)
        if words is None:
            return start
        for word in reversed(list(re.finditer(r"[^ \t]+", words.group()))):
            key = fold(word.group())
            if key in FUNCTION_WORDS or key in self.lex.titles or key in self.lex.states:
                break
            start = words.start() + word.start()
        return start

    def _of_region(self, phrase: str) -> bool:
        """'Associates of New Mexico', 'Consultants of the Southwest': a practice of a state,
        a gazetteer town or a region of the country."""
        place = phrase.partition(" of ")[2].removeprefix("the ").strip()
        keys = [fold(w) for w in place.split()]
        if keys and keys[0] in _DIRECTIONS:
            keys = keys[1:]  # 'of Southern Nevada'
        return any(" ".join(keys[:n]) in self.lex.states or " ".join(keys[:n]) in self.lex.places
                   for n in range(len(keys), 0, -1)) or bool(keys and keys[0] in _REGIONS)

    def _centres_of_place(self, phrase: str) -> bool:
        """'Fertility Centers of Illinois', 'Eye Centers of Florida': centres (plural) of a
        state or a gazetteer town, never 'Center of Chest' or 'Center of Town'."""
        head, _, place = phrase.partition(" of ")
        key = fold(place.removeprefix("the ").strip())
        return head.rstrip().endswith("s") and (key in self.lex.states or key in self.lex.places)

    def _centre_named(self, text: str, match: re.Match[str]) -> bool:
        """'Center for Haitian Studies', 'Journey Center for Safety and Healing': a centre
        named for a people or a cause. Not a department's purpose ('Infusion Center for Iron
        Sucrose', 'Wound Center for Hyperbaric Oxygen': a kind of care before 'Center'), a
        scale ('Center for Epidemiologic Studies Depression Scale'), a federal centre
        ('National Center for Health Statistics') or one word after 'for' ('Kroc Center for
        Zumba')."""
        lex = self.lex
        after = [fold(w) for w in re.findall(r"[A-Za-z'’\-]+", match.group().split(" for ", 1)[1])
                 if w not in ("and", "&", "the")]
        if len(after) < 2 or _INSTRUMENT_AFTER.match(text, match.end()) \
                or _INSTRUMENT_AFTER.match(" " + after[-1].lower()):
            return False
        before = _WORD_BEFORE_CENTRE.search(text, max(0, match.start() - 30), match.start())
        if before is not None and before.group(1)[:1].isupper():
            key = fold(before.group(1))
            if key in _GENERIC or key in _SERVICES or lex.is_clinical(key) or key in _UNITS \
                    or key in ("NATIONAL", "TRANSFER", "FEDERAL", "INFUSION", "WOUND", "MEMORY",
                               "TRANSPLANT", "SLEEP", "PAIN", "CANCER", "HEART", "STROKE"):
                return False  # a department or a federal centre
            if not self._plain(key) and key not in FUNCTION_WORDS:
                return True  # 'Journey Center for ...': a proper word names it
        return any(not self._plain(k) and not lex.is_clinical(k) and k not in lex.drugs
                   and k not in _SERVICES and k not in FUNCTION_WORDS for k in after)

    def _coined_or_place(self, word: str, *, places_only: bool = False) -> bool:
        """A word that names a business: a place or a state, or a word no dictionary holds
        that is no acronym, drug, gene, clinical word or country ('Cascadia', 'SeedTrust');
        `places_only` for 'Eye', which eponyms and drugs precede ('Adie Eye', 'Ozurdex Eye')."""
        key = fold(word)
        lex = self.lex
        if "-" in key or key in lex.eponyms:
            return False  # 'Kearns-Sayre', 'Irvine-Gass': an eponym's names
        if key in lex.places or key in lex.states:
            return key not in COUNTRY_OR_REGION and key not in _COUNTRIES
        return not places_only and not (
            word.isupper() or is_english(key) or key in lex.drugs or key in lex.genes
            or lex.is_clinical(key) or key in FUNCTION_WORDS or key in _COUNTRIES
            or key in COUNTRY_OR_REGION)

    def _names_practice(self, before: list[str]) -> bool:
        """The words before a short kind word ('Rx', 'HH', 'OTP', 'ISD') name a practice:
        no word of an order or a role ('Continue', 'Professor'), no drug or gene, and a
        naming word -- a place of the gazetteer or a state ('Eagle Pass ISD',
        'Frankford Comprehensive OTP'), a person's name that is no everyday word, or a word
        businesses are named with (`_BUSINESS_NAME_WORDS`: 'Desert Horizons HH', 'Heartland
        Senior Rx'). A disease, a drug or a device before the kind word names none
        ('Adderall Rx', 'Paraesophageal HH', 'Daily OTP')."""
        lex = self.lex
        if not before or any(w in _ORDER_WORDS or w in lex.titles or w in lex.suffixes
                             or w in lex.drugs or w in lex.genes for w in before):
            return False
        whole = " ".join(before)
        if whole in lex.places or whole in lex.states:
            return True
        return any(w in lex.places or w in lex.states or w in _BUSINESS_NAME_WORDS
                   or (lex.is_name(w) and not lex.blocks_alone(w)) for w in before)

    def _state_agency(self, keys: list[str]) -> bool:
        """Plain words and at most one whole state's name ('Louisiana Adult Protective
        Services', 'New York State Office of Mental Health'): the agency of a state, which
        names no one below it; a region of a state is below it ('Northern Virginia Family
        Service', whose 'NORTHERN' is a word of 'Northern Mariana Islands')."""
        states = 0
        i = 0
        while i < len(keys):
            width = next((n for n in (3, 2, 1) if " ".join(keys[i:i + n]) in _STATE_NAMES), 0)
            if width:
                states += 1
                i += width
            elif self._plain(keys[i]):
                i += 1
            else:
                return False
        return states <= 1

    def _heading_town(self, text: str, start: int, end: int) -> bool:
        """A letterhead's line of generic words, a comma and a town ('Magic City Wellness
        Center, Birmingham', 'Comprehensive Care Center, Nashville     DOS 12/3'): the town
        makes the words one place's name. Only at a line's start, never after a
        hospital's name on the line ('Beaumont Hospital - Wound Care Center, Dearborn' keeps
        the department out)."""
        line_start = text.rfind("\n", 0, start) + 1
        if text[line_start:start].strip():
            return False
        town = TOWN_AFTER_FACILITY.match(text, end)
        if town is None:
            return False
        key = fold(town.group(1))
        lex = self.lex
        return key in lex.places and key not in lex.states and key not in _COUNTRIES \
            and key not in COUNTRY_OR_REGION and not lex.is_clinical(key) \
            and not self._plain(key.split()[0])

    def _place_after(self, text: str, end: int) -> int:
        """Where a town or country right after a facility's generic name ends ('National Cancer
        Centre Singapore', 'NATIONAL SKIN CENTRE (SINGAPORE)'), or -1: the place makes the
        generic words one institution."""
        match = _PLACE_AFTER.match(text, end)
        if not match:
            return -1
        key = fold(match.group(1))
        lex = self.lex
        if key in lex.states or lex.is_clinical(key) or key in FUNCTION_WORDS or not (
                key in lex.places or key in _COUNTRIES or key in COUNTRY_OR_REGION
                or key in vocab.WORLD_COUNTRIES):
            return -1
        return match.end(1)

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
            if self._facility_blocked(key) and not (key in FACILITY_SHORT_NAMES and not kept):
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
                k in FACILITY_SHORT_NAMES for k in keys):
            return []  # 'Seen at Travel Clinic'
        whole = " ".join(keys)
        if saint < 0 and (whole in self.lex.states or whole in COUNTRY_OR_REGION
                          or whole in _COUNTRIES):
            return []
        end = start + words[kept - 1].end()
        if _eponym_after(text[end:end + 50]):
            return []
        if len(keys) == 1 and is_english(keys[0]) and _PRODUCT_NEXT.match(text, end):
            return []  # 'from Inspire therapy': a product (a brand 'Mercy therapy' is a brand's)
        trailing = _TRAILING_WORDS.match(text, end)
        if trailing:  # 'Methodist Hospital', 'Children's Medical Center'
            end = trailing.end()
        elif all(k in FACILITY_SHORT_NAMES for k in keys):
            noun = _LOWER_WORD_AFTER.match(text, end)
            key = fold(noun.group(1)) if noun else ""
            if key in _PLACE_NOUNS or (
                    key and key not in FUNCTION_WORDS and key not in _NOT_NOUN_AFTER
                    and not key.endswith("LY") and is_english(key)):
                return []  # 'from County jail', 'from General ward': a kind, not a hospital
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
            joined = self._facility_words(text, more.start(1), more.group(1), -1)
            if not joined and all(k in FACILITY_SHORT_NAMES for k in keys):
                return []  # "to Women's and Children's Services": one service line's name
            out.extend(joined)
        return out

    def _all_plain(self, words: list[str]) -> bool:
        """Every word of a facility's name plain, so it names no one place; before the last
        word (its head), a people's, a language's or a faith's word names the place
        ('Slavic Medical Center', 'Armenian Relief Society', 'Jewish Family Service'): the
        community it serves. A head that is such a word stays plain ('Family Catholic')."""
        return all(self._plain(word) and (index == len(words) - 1 or (
            word not in _COMMUNITY_WORDS and word not in countries_and_languages()))
            for index, word in enumerate(words))

    def _head_proper(self, key: str, head: str) -> bool:
        """A word that makes a head-only word a place's name: a proper word, or a person's
        name ('Fielding Family Dental', "St Anne's Residential"); before the heads of
        departments and programs, never an acronym ('GP Practice', 'MDT Support Team')."""
        if head in ("ACTION", "AGING") and key in self.lex.states:
            return True  # 'Southern Maine Agency on Aging': a state's region names it
        if head in _NEW_HEADS and len(key) <= 4 and key not in self.lex.places:
            return False
        if head in _PROPER_ONLY_HEADS:
            return self._proper(key)  # 'Chesterfield Midwifery'; not 'Nurse Midwifery'
        if head in _LINE_CARRIERS:
            # a small air or rail line is named by any capitalized word ('Front Range Airways',
            # 'Lakeshore Airlines'); a nation's or a state's line is a brand that names no
            # place ('Alaska Airlines', 'Qatar Airways', 'American Airlines'), and an airway's
            # kind no line at all ('Reactive Airways', 'Upper Airways')
            return key not in _AIRWAY_KINDS and not self.lex.is_clinical(key) \
                and key not in FUNCTION_WORDS and key not in self.lex.states \
                and key not in countries_and_languages() and key not in PEOPLES_AND_FAITHS \
                and key not in _NATIONAL_LINES and key not in _NOT_LINE_WORDS \
                and not (_LINE_ADJECTIVE.search(key) and is_english(key))

        return self._proper(key) or (self.lex.is_name(key) and not self.lex.blocks_alone(key)) \
            or (key in _BUSINESS_NAME_WORDS and not self._plain(key))  # 'Sierra Donor Services'

    def _proper_abroad(self, words: list[str]) -> bool:
        """The words after a Spanish or French institution's head name one ('Consulado de
        Mexico', 'Unidad de Medicina Familiar No. 80', 'Centro Infantil Los Girasoles'), not
        its kind ('Unidad de Cuidados Intensivos', 'Centro de Control de Enfermedades'): a
        place, a person's name, a number or initials among them, an article inside the name
        ('Los Girasoles'), or three words or more of which none is a generic one."""
        content = [w for w in words if w.lower() not in _LINK_WORDS]
        for word in content:
            key = fold(word)
            if word.isdigit() or (word.isupper() and len(word) >= 2) or key in self.lex.places \
                    or key in _COUNTRIES or key in COUNTRY_OR_REGION \
                    or (self.lex.is_name(key) and not self.lex.blocks_alone(key)
                        and key not in _GENERIC_ABROAD):
                return True
        if any(w in ("Los", "Las", "La", "El", "Les", "Le") for w in words[1:]):
            return True
        return len(content) >= 3 and not any(fold(w) in _GENERIC_ABROAD for w in content)

    def _proper(self, key: str) -> bool:
        """A folded word that names one place: a gazetteer place, or a word no English
        dictionary holds and no clinical list knows ('QML', 'Parkside'; not 'Marrow')."""
        lex = self.lex
        if lex.is_clinical(key) or key in FUNCTION_WORDS or key in _SERVICES or \
                key in _UNITS or _SPECIALTY_END.search(key):
            return False  # 'Cardiothoracic', 'Ortho', 'Hepatobiliary': a kind of care
        return key in lex.places or not is_english(key) or (
            bool(_PLACE_COMPOUND.search(key)) and key not in _NOT_PLACE_COMPOUNDS)

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
        if _EVERYDAY_LABEL.search(match.group(0)[:match.start(1) - match.start(0)]) and all(
                is_english(k) and k not in self.lex.places and not self.lex.is_name(k)
                for k in keys):
            return []  # 'School: Kindergarten', 'Employer: Self-employed'
        start = match.start(1)
        return [Span(start, _before_next_label(text, start, start + words[-1].end()),
                     PhiType.FACILITY, "facility_label", 0.85)]

    def _facility_context(self, text: str) -> list[Span]:
        """'transferred to Mercy', 'seen at Kaiser', 'admitted to St. Luke's', 'records from
        Hopkins', 'outside films from Valley', 'records from UCSF and OHSU': capitalized
        words (or an acronym) after a verb of care or transfer and 'to'/'at'/'from' name a
        place of care even without a facility word, unless they are a unit, a service,
        clinical vocabulary, a month, a state or a country ('transferred to Telemetry',
        'sent to MICU', 'went to Florida' stay)."""
        spans: list[Span] = []
        for match in _AT_SPEAKER.finditer(text):
            if _NOT_AFTER_AT_RE.match(match.group(1)):
                continue  # 'at Night said', 'at Rest'
            keys = [fold(w) for w in match.group(1).split()]
            if any(self.lex.is_clinical(k) or k in FUNCTION_WORDS or k in self.lex.states
                   or k in COUNTRY_OR_REGION or k in _COUNTRIES for k in keys):
                continue  # 'from Tylenol said', 'at Texas said'
            spans.append(Span(match.start(1), match.end(1), PhiType.FACILITY, "facility_context",
                              0.75))
        for match in _AT_ACRONYM.finditer(text):
            key = match.group(1)
            if self._facility_blocked(key) or key in self.lex.states or key in _COUNTRIES \
                    or key in COUNTRY_OR_REGION:
                continue
            if not _AT_ACRONYM_BEFORE.search(text, max(0, match.start() - 40), match.start()) \
                    and (len(key) < 4 or self.lex.is_clinical(key) or key in CLINICAL_INITIALS
                         or is_english(key)):
                continue  # four capitals and more no list knows name a place after 'at' alone
                # ('interprets for me at CVTI.'); three need a procedure before ('CABG at UAB')
            spans.append(Span(match.start(1), match.end(1), PhiType.FACILITY, "facility_context",
                              0.75))
        for match in _HOSPITAL_ACRONYM.finditer(text):
            key = match.group(1)
            if len(key) < 4 or key in _NOT_HOSPITALS \
                    or self._facility_blocked(key) \
                    or key in self.lex.states or self.lex.is_clinical(key) or is_english(key):
                continue
            spans.append(Span(match.start(1), match.end(1), PhiType.FACILITY, "facility_context",
                              0.75))
        for match in _FACILITY_PREP.finditer(text):
            if not match.group(2):
                first = fold(_FIRST_WORD.match(match.group(3)).group())  # type: ignore[union-attr]
                if self._facility_blocked(first) and first not in FACILITY_SHORT_NAMES:
                    continue  # 'to ED', 'by Dr': no verb check needed
                # 'was at Methodist for': a denomination alone after a place preposition
                alone = first in FACILITY_SHORT_NAMES and " " not in match.group(3) \
                    and match.group(1).upper() in ("AT", "TO", "FROM")
            else:
                alone = False
            verb = _FACILITY_VERB[_PREP_GROUP[match.group(1).upper()]]
            if not alone and not verb.search(text, max(0, match.start() - 45), match.start()):
                continue
            spans.extend(self._facility_words(text, match.start(3), match.group(3),
                                              match.start(2) if match.group(2) else -1))
        return spans
