"""The edges of a found facility: what the finders leave of its name on either side.

A facility is often found by its proper words only ('Tyson' of 'Tyson plant', 'Walgreens'
of 'Walgreens on Prospect', 'GULF COAST KIDNEY CARE' of 'GULF COAST KIDNEY CARE - MOBILE
WEST'); the words left around it still name the place (a branch, a site, a campus), so the
span is widened over them:

- a firm's legal suffix (", Inc.", ", L.P.");
- a lower-case kind word right after ('Tyson plant', 'Skokie courthouse', 'Stop & Shop
  pharmacy'), also after a found town or county ('cook county jail') and after 'the' and a
  word read as a name ('the Aldridge hotel'), unless a word for people follows ('station
  nurse');
- 'on' or 'at' and a street (a street word after), a numbered street ending the clause or a
  known town ('Walgreens on Prospect St', 'Bethany on 42nd', 'DFCI at Milford'); a bare
  capitalized word is no evidence ('Mercy Hospital on Biktarvy', 'on Oncology');
- a dash and one to three capitalized words to the end of the line or clause, when one of them
  is a place, a person's name or no English word ('GULF COAST KIDNEY CARE - MOBILE WEST',
  'UP Health System - Marquette'; not '- Discharge Summary');
- 'of' and capitalized words, or 'for' and whom the place serves, after an organization's head
  word ('Mercer County Department of Public Works', 'Cooper Center for Healing'; not 'Center
  for Evaluation'), a department's second field ('of Health and Welfare'), a court, division
  or bureau alone after a found place;
- the place's own initials in brackets, and those initials alone elsewhere in the text
  ('Jefferson Narcotic Addiction Rehabilitation Program (NARP)');
- '& Sons' and the trade after a surname ('Doherty & Sons Roofing').
"""

from __future__ import annotations

import re

from veil.text import words as words_module
from veil.text.address_lines import STREET_TYPE
from veil.text.lexicon import (
    CLINICAL_INITIALS,
    FUNCTION_WORDS,
    MONTH_WORDS,
    Lexicon,
    clinical_acronym,
    fold,
)
from veil.text.places.vocabulary import FIRM_SUFFIX, SPECIALTY_NOUN_END, UNIT_ACRONYMS
from veil.text.postal import world_cities
from veil.text.spans import PhiType, Span

__all__ = ["facility_edges", "written_initials"]

_KIND_AFTER = re.compile(
    r"[ \t]+(hospital|clinic|plant|factory|mill|refinery|mine|warehouse|hotel|motel|inn|"
    r"jail|prison|courthouse|church|chapel|mosque|synagogue|temple|school|elementary|"
    r"academy|college|pharmacy|drugstore|nursing[ \t]+home|care[ \t]+home|rest[ \t]+home|"
    r"group[ \t]+home|shelter|casino|hospice|rehab|campus|co-?op|cooperative|"
    r"fire[ \t]+station|fire[ \t]+department|police[ \t]+department|store|"
    r"supermarket|facility|lodge|elevator|grain[ \t]+elevator|feedlot|camp|terminal|depot|"
    r"dealership|garage|daycare|preschool|library|branch|on[ \t]+Aging)(?![A-Za-z\-])"
    r"(?![ \t]+(?:nurse|nurses|staff|clerk|"
    r"room|rooms|worker|workers|student|students|teacher|manager|too|also|as[ \t]+well)\b)")
"""A lower-case word that names the kind of place a proper name before it names."""
_STORE_KIND_AFTER = re.compile(r"[ ](?:Pharmacy|Drug|Drugs|Drugstore|Supermarket|Market|"
                               r"Store|Stores)(?![A-Za-z])")
"""A chain's kind of shop written with a capital after its brand ('CVS Pharmacy')."""
_STORE_NUMBER = re.compile(r"[ ]?(?:#|[Nn]o\.|[Ss]tore)[ \t]*[0-9]{1,6}(?![0-9A-Za-z])")
"""A branch's number after a chain's name ('Walgreens #11872', 'Kroger No. 412')."""
_SHOP_END = re.compile(r"(?i:pharmacy|drugs?|mart|market|store|stores|supermarket|foods?|grocery|"
                       r"walgreens|cvs|rite[ \t]+aid|kroger|safeway|walmart|costco|target)$")
"""A shop's last word: a number after it is the branch's ('Discount Drug Mart #52')."""
_TOWN_KINDS = frozenset({"hospital", "clinic", "jail", "prison", "courthouse", "plant",
                         "factory", "mill", "refinery", "mine"})
"""Kinds that follow a town's name as a place's name ('Skokie courthouse', 'cook county
jail'); not 'Boston school', 'Tulsa station', which name no one place."""
_ON_OR_AT = re.compile(
    r"[ \t]+(on|at)[ \t]+((?:[0-9]{1,3}(?:st|nd|rd|th)|[A-Z][A-Za-z'’\-]+)"
    r"(?:[ \t]+[A-Z][A-Za-z'’\-]+){0,2})"
    r"(?:[ \t]+(" + STREET_TYPE + r"|Mall[ \t]+Rd\.?))?(?![A-Za-z0-9'’\-])")
_CLAUSE_END = re.compile(r"[ \t]*(?:[,.;:)\n]|$|--)")
_DASH_TAIL = re.compile(
    r"[ \t]+[-–—][ \t]+((?:[A-Z][A-Za-z'’\-]+)(?: [A-Z][A-Za-z'’\-]+){0,2})"
    r"(?=[ \t]*(?:\n|$|[,(;|]|[ \t]{2}|--)|[ \t]+(?:on|for|at|in|to|is|was)\b)")
_HEAD_WORDS = frozenset({
    "SCHOOL", "SCHOOLS", "ACADEMY", "COLLEGE", "UNIVERSITY", "CENTER", "CENTERS", "CENTRE",
    "CARE", "CLINIC", "CLINICS", "OFFICE", "SERVICES", "HOSPITAL", "HOME", "HOUSE",
    "LODGE", "CHURCH", "LIBRARY", "WIC", "SBHC", "FQHC", "CHC", "SHERIFF",
    "PHARMACY", "DAYCARE", "PRESCHOOL", "ELEMENTARY", "SHELTER", "MINISTRIES",
    "CORONER", "EXAMINER",
})
"""Words that end a facility's name ('Riverside University High School', 'Hughes County
Extension Office', 'East Chicago WIC')."""
_GOVERNMENT = re.compile(r"\b(?:Office|OFFICE|Dept|DEPT|Department|DEPARTMENT)\b")
_STATE_OR_COUNTRY_BEFORE = re.compile(
    r"(?:^|[^A-Za-z])(?:[A-Z]{2}|Kuwait|Qatar|Saudi|Emirates|UAE|Embassy|State|Federal|"
    r"National|US|U\.S\.)(?:[ ][A-Z][A-Za-z]+)?$")
"""A state's code, a country or a government before an office ('IL Dept', 'DC Dept',
'Kuwait Health Office'): an agency of a government is no place of a person."""
_PERSON_HEADS = frozenset({"HOME", "HOUSE", "OFFICE", "CARE", "SERVICES", "DEPT",
                           "DEPARTMENT", "SHERIFF"})
"""Head words that follow a person's name without making a place ('John Smith Home',
'Dr. Lee Office', 'Jo Ames Care')."""
_CARE_KINDS_BEFORE = frozenset({"CHILD", "DAY", "KIDS", "KID", "ADULT", "SENIOR", "ELDER",
                                "MEMORY", "RESPITE", "URGENT", "PRIMARY", "HOME"})
"""Words that make the 'Care' after them a kind of care ('Child Care', 'Day Care')."""
_HEAD_TAIL = re.compile(r"(?:[ ](?:&[ ])?(?:[A-Z][A-Za-z'’\-]+|[A-Z]{2,5})){1,4}"
                        r"(?=[ \t]*(?:[,.;:)(\n/|?!]|$|--)|[ \t]{2}|[ ][a-z0-9])")
"""One to four capitalized words to the end of the clause (the last one a head word)."""
_UNIT_HEADS = frozenset({"UNIT", "SUITE", "AUTHORITY", "FACILITY", "CENTER", "CLINIC",
                         "STEPDOWN", "PAVILION", "INSTITUTE"})
_ORG_HEADS = frozenset({"COURT", "DIVISION", "BUREAU"})
"""Heads of a part of a found organization, alone after it ('Mercer County Drug' + 'Court';
'Kessler Rehab' + 'Stroke Division' is a service)."""
"""Heads of a named unit or program of a place, whose words may be clinical ('Foggy Bottom' +
'Inpatient Unit', 'Penn Square Hematology' + 'Suite', 'Iron County Medical Care' +
'Facility'): only after a found facility or town, never after a person's name."""
_AND_TAIL = re.compile(r"[ \t]+(?:and|AND|&)[ \t]+([A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]+)?)"
                       r"(?=[ \t]*(?:[,.;:)(\n/|]|$|--)|[ \t]{2})")
_OF_INSIDE = re.compile(r"[ \t](?:of|OF)[ \t]")
"""A department's name joins two fields after its 'of' ('Idaho Department of Health' + 'and
Welfare', 'Department of Children' + 'and Families')."""
_ACRONYM_AFTER = re.compile(r"((?:[ \t]+[A-Z][A-Za-z'’\-]+){0,2})[ \t]*\(([A-Z][A-Z&]{1,6})\)")
_ACRONYM_BEFORE = re.compile(r"(?<![A-Za-z0-9&])([A-Z][A-Z&]{1,6})[ \t]*\([ \t]*$")
"""Initials right before a bracket that opens on the name they stand for ('LOPA (Louisiana
Organ Procurement Agency)')."""
_KIND_ACRONYMS = frozenset({"CAH", "SNF", "ALF", "LTC", "FQHC", "OTP", "PACE", "CHC", "RHC",
                            "ICF", "IRF", "LTACH", "ASC", "IHS", "VA", "HHA", "PCMH", "ACO",
                            "HMO", "PPO", "EPO", "MCO", "CCRC", "NH", "AL", "IL", "MC", "DME",
                            "ICU", "PICU", "NICU", "ED", "ER", "OR", "HOPD", "CMHC", "CSB",
                            "LLC", "INC", "PC", "PLLC", "LLP", "DBA", "USA", "US", "UK"})
"""Initials in brackets after a place that name its kind, not the place ('(CAH)', '(SNF)',
'(FQHC)'), or a firm's form."""
_FOR_OF_TAIL = re.compile(
    r"[ \t]+(?:for|of)[ \t]+((?:the[ \t]+)?[A-Z][A-Za-z'’\-]+(?:[ \t]+(?:(?:&|and)[ \t]+)?"
    r"[A-Z][A-Za-z'’\-]+){0,3})(?=[ \t]*(?:[,.;:)(\n/|?!]|$|--)|[ \t]{2}|[ \t]+[a-z0-9])")
"""'for' or 'of' and one to four capitalized words to the end of the clause, after a
facility whose name ends in a word of an organization (`_OF_HEADS`): 'Cooper Center' + 'for
Healing', "St. Brigid's House" + 'for Men', 'Mercer County Department' + 'of Public Works'."""
_OF_HEADS = frozenset({"CENTER", "CENTRE", "HOUSE", "HOME", "DEPARTMENT", "DEPT", "AUTHORITY",
                       "COMMUNITY", "INSTITUTE", "FOUNDATION", "SOCIETY", "ASSOCIATION",
                       "ALLIANCE", "COALITION", "COUNCIL", "PROGRAM", "OFFICE", "LEAGUE",
                       "MINISTRIES", "NETWORK", "PARTNERSHIP", "COMMISSION", "BUREAU",
                       "DIVISION", "AGENCY", "SISTERS", "VILLAGE", "FUND", "COLLABORATIVE"})
_FOR_WHOM = frozenset({
    "MEN", "WOMEN", "CHILDREN", "KIDS", "FAMILIES", "FAMILY", "YOUTH", "VETERANS", "SENIORS",
    "GIRLS",
    "BOYS", "BLIND", "DEAF", "AGING", "HEALING", "HOPE", "HUMANITY", "LIFE", "INDEPENDENT",
    "INDEPENDENCE", "NEIGHBORS", "COMMUNITY", "ELDERS", "MOTHERS", "INFANTS", "TEENS",
    "REFUGEES", "IMMIGRANTS", "WORKERS", "HOMELESS", "PEACE", "JUSTICE", "CHANGE", "RECOVERY"})
"""What an organization's name says after 'for': whom it serves or what it stands for ('House
for Men', 'Center for Healing'). Anything else after 'for' is why one went there ('Center for
Evaluation', 'House for Alcohol Withdrawal', 'Kroc Center for Zumba')."""
_SONS_AFTER = re.compile(r"[ \t]*&[ \t]*(?:Sons?|Daughters?|SONS?)"
                         r"((?:[ \t]+[A-Z][A-Za-z'’\-]+){0,2})(?![A-Za-z'’\-])")
"""'& Sons' after a surname and the trade after it ('Doherty & Sons Roofing'): a family firm."""
_WORDS_BEFORE = re.compile(r"(?:(?<=[ \t(])|^)((?:[A-Z][A-Za-z'’\-]+[ ]){1,3})$", re.MULTILINE)
"""Capitalized words right before a span in its line ('Children's' of "Children's Hospital
of Michigan")."""
_AND = re.compile(r"[ ](?:and|&)[ ]")
_PRACTICE_AND_TAIL = re.compile(r"[ ](?:and|&)[ ]((?:[A-Z][A-Za-z'’\-]+[ ]){0,2}[A-Z][A-Za-z'’\-]+)"
                                r"(?![A-Za-z'’\-])")
_PRACTICE_WORDS = frozenset({"MEDICINE", "LASER", "REHABILITATION", "REHAB", "WELLNESS", "SPINE",
                             "IMAGING", "PAIN", "VEIN", "ASSOCIATES", "SPECIALISTS", "AESTHETICS",
                             "HEARING", "VISION", "ORTHOPEDICS", "ORTHOPAEDICS", "SURGEONS"})


def _practice_word(word: str) -> bool:
    """A word that ends a practice's name ('Orthopedics', 'Sports Medicine', 'Laser')."""
    key = fold(word)
    return key in _PRACTICE_WORDS or SPECIALTY_NOUN_END.search(key) is not None


_BRANCH_ACRONYM = re.compile(r"[A-Z]{3,4}")
"""A branch named by its initials after a dash ('Milwaukee Health Services - MLK'), no clinical
one (those are refused before) and no word ('- BATH')."""
_TIME_WORDS = frozenset({"MONDAYS", "TUESDAYS", "WEDNESDAYS", "THURSDAYS", "FRIDAYS",
                         "SATURDAYS", "SUNDAYS", "NOON", "MIDNIGHT", "DAY", "EVE", "NIGHT",
                         "ADMISSION", "DISCHARGE", "HOME", "CALL", "DUTY"})
"""Words after 'on'/'at' that name a time or a state, not a place (weekdays and months are in
`MONTH_WORDS`)."""
_NAME_KINDS = frozenset({"hotel", "motel", "inn", "plant", "factory", "mill", "refinery", "mine",
                        "warehouse", "casino", "store", "supermarket", "academy", "church",
                        "chapel", "co-op", "coop", "cooperative"})
"""Kinds after 'the' and a word read as a person's name that make it a place's ('the Aldridge
hotel', 'the Kohler factory'); not 'clinic', 'school' or 'office', which follow a person's
name as often ('daughter Emily school nurse')."""
_THE = re.compile(r"(?<![A-Za-z])(?:the|The|THE)[ \t]+$")
_TOWN_TYPES = (PhiType.CITY, PhiType.COUNTY)


def facility_edges(text: str, spans: list[Span], lexicon: Lexicon) -> list[Span]:
    """Facility spans widened over the words that still name the place (module docstring)."""
    extra: list[Span] = []
    # 'Sky Ward at Holy Cross Hospital': what follows 'at' is found already (a town may be
    # taken: 'DFCI at Milford')
    starts = {span.start for span in spans if span.type not in _TOWN_TYPES}
    searched: set[str] = set()
    for span in spans:
        if span.type is PhiType.FACILITY:
            end = span.end
            kind = _KIND_AFTER.match(text, end) or _STORE_KIND_AFTER.match(text, end)
            if kind:
                end = kind.end()
            elif text[span.start:end].isupper():  # 'FOOD CITY' + 'PHARMACY': all capitals
                upper = _KIND_AFTER.match(text[end:end + 40].lower())
                if upper and text[end:end + upper.end()].isupper():
                    end += upper.end()
            store = _STORE_NUMBER.match(text, end) if (
                kind or span.source == "brand_facility" or _SHOP_END.search(text, span.start, end)
            ) else None
            if store:  # 'CVS Pharmacy #4412', 'Discount Drug Mart #52': the branch's number
                end = store.end()
            firm = FIRM_SUFFIX.match(text, end)
            if firm:  # 'Llano Estacado Well Service, Inc.'
                end = firm.end()
            sons = _SONS_AFTER.match(text, end)
            if sons and _plain_words(sons.group(1), lexicon):  # 'at Jacob Schoen' + '& Son'
                end = sons.end()
            place = _ON_OR_AT.match(text, end)
            if place and place.start(2) not in starts and _names_a_site(text, place, lexicon):
                end = place.end()
            end = _head_tail(text, end, lexicon, practice=True)
            of_tail = _FOR_OF_TAIL.match(text, end)
            if of_tail and fold(text[span.start:end].split()[-1]) in _OF_HEADS and (
                    (_plain_words(of_tail.group(1), lexicon) and _names_whom(of_tail, lexicon))
                    or _names_field(of_tail, lexicon)):
                end = of_tail.end(1)
            department = _AND_TAIL.match(text, end)
            if department and _OF_INSIDE.search(text, span.start, end) \
                    and _plain_words(department.group(1), lexicon):
                end = department.end(1)  # 'Department of Health' + 'and Welfare'
            joined = _AND.match(text, end)
            if joined and fold(text[span.start:end].split()[-1]) in _HEAD_WORDS:
                # 'Roosevelt College' + 'and Career Academy': one school's name
                tail_end = _head_tail(text, joined.end() - 1, lexicon, person=True)
                if tail_end > joined.end():
                    end = tail_end
            practice_and = _PRACTICE_AND_TAIL.match(text, end)
            if practice_and and _practice_word(text[span.start:end].split()[-1]) \
                    and _practice_word(practice_and.group(1).split()[-1]):
                end = practice_and.end(1)  # 'Foggy Bottom Orthopedics' + '& Sports Medicine'
            dash = _DASH_TAIL.match(text, end)
            if dash and _names_a_branch(dash.group(1), lexicon):
                end = dash.end(1)
            start = _words_before(text, span, lexicon)
            if end > span.end or start < span.start:
                extra.append(Span(start, end, PhiType.FACILITY, span.source, span.score))
            extra.extend(_own_initials(text, start, end, span, lexicon, searched))
            continue
        sons = _SONS_AFTER.match(text, span.end) if span.type is PhiType.NAME else None
        if sons and _plain_words(sons.group(1), lexicon) and not any(
                lexicon.is_name(fold(w)) for w in sons.group(1).split()):
            # ('SON' is a function word; 'Wife Mary & Son Jacob' names two people)
            extra.append(Span(span.start, sons.end(), PhiType.FACILITY, "facility_kind",
                              span.score))
            continue
        if span.type in _TOWN_TYPES or span.type is PhiType.NAME:
            # 'Hughes County Extension Office', 'East Chicago WIC', and a place's name read
            # as a person's: 'Progressive Community' + 'Health Centers'
            town_words = text[span.start:span.end].split()
            wordy = span.type is PhiType.CITY and len(town_words) == 1 \
                and words_module.is_english(fold(town_words[0]))
            # ('MOBILE CLINIC', 'MOBILE MAMMOGRAPHY UNIT': a word, not the town Mobile)
            end = span.end if wordy else _head_tail(text, span.end, lexicon,
                                                    person=span.type is PhiType.NAME)
            if span.type is PhiType.NAME and fold(
                    text[span.start:span.end].split()[-1]) in _HEAD_WORDS:
                # a place's name read as a person's, with its branch after a dash
                # ('PCP: Covenant Community Care - Joy-Southfield')
                dash = _DASH_TAIL.match(text, end)
                if dash and _names_a_branch(dash.group(1), lexicon):
                    end = dash.end(1)
            if end > span.end:
                extra.append(Span(span.start, end, PhiType.FACILITY, "facility_kind",
                                  span.score))
                continue
        if span.type in _TOWN_TYPES or span.type is PhiType.NAME:
            kind = _KIND_AFTER.match(text, span.end)
            if kind is None:
                continue
            if span.type is PhiType.NAME:
                named = kind.group(1).lower() in _NAME_KINDS and bool(
                    _THE.search(text, max(0, span.start - 4), span.start))
            else:  # 'Skokie courthouse', 'cook county jail'; not 'Mobile clinic' (on wheels)
                named = kind.group(1).lower() in _TOWN_KINDS and (
                    span.type is PhiType.COUNTY or not any(
                        words_module.is_english(fold(word))
                        for word in text[span.start:span.end].split()))
            if named:
                extra.append(Span(span.start, kind.end(), PhiType.FACILITY, "facility_kind",
                                  span.score))
    return extra


def _head_tail(text: str, end: int, lexicon: Lexicon, *, person: bool = False,
               practice: bool = False) -> int:
    """Past the capitalized words after a place's name when the last of them heads a
    facility ('Riverside University' + 'High School', 'Progressive Community' + 'Health
    Centers', 'Bradley Tech High School' + 'SBHC'); no clinical, function or time word."""
    tail = _HEAD_TAIL.match(text, end)
    if not tail:
        return end
    if _GOVERNMENT.search(tail.group()) and _STATE_OR_COUNTRY_BEFORE.search(
            text, max(0, end - 40), end):
        return end  # 'IL Dept on Aging', 'Kuwait Health Office': a government's office
    keys = [fold(word) for word in tail.group().split() if word != "&"]
    last_before = text[max(0, end - 40):end].split()
    before = fold(last_before[-1]) if last_before else ""
    if person and keys[-1] == "CARE" and before in _CARE_KINDS_BEFORE:
        person = False  # 'Precious Angels Child' + 'Care': a day care's name
    possessive = bool(last_before) and last_before[-1].endswith(("'s", "’s"))
    unit = not person and (keys[-1] in _UNIT_HEADS or (
        practice and possessive and SPECIALTY_NOUN_END.search(keys[-1]) is not None))
    org = practice and len(keys) == 1 and keys[0] in _ORG_HEADS
    if (keys[-1] not in _HEAD_WORDS and not unit and not org) \
            or (person and keys[-1] in _PERSON_HEADS) \
            or any((key in FUNCTION_WORDS and not (unit and (
                key is keys[-1] or (lexicon.is_clinical(key) and len(key) > 3))))
                   or key in MONTH_WORDS or key in _TIME_WORDS
                   or key in lexicon.titles
                   or (lexicon.is_clinical(key) and key not in _HEAD_WORDS and not unit)
                   for key in keys):
        return end
    return tail.end()


_PROGRAM_ENDS = frozenset({"PROGRAM", "ASSISTANCE", "TEAM", "PROFESSIONAL", "TRANSPORTATION",
                           "SERVICE", "SERVICES", "ADMINISTRATION", "ACT"})
_DISTRICT = re.compile(r"[A-Z]{1,4}(?:SD|USD|ISD)")
_SCHOOL_END = re.compile(r"(?i:elementary|school|middle|high|academy|preschool)$")
"""A school's district by its initials after the school ('Double Diamond Elementary (WCSD)')."""


def _own_initials(text: str, start: int, end: int, span: Span, lexicon: Lexicon,
                  searched: set[str]) -> list[Span]:
    """A place's own initials in brackets after its name (its capitals in order, or a school's
    district), and wherever the text uses them alone ('Jefferson Narcotic Addiction
    Rehabilitation' + 'Program (NARP)'... 'NARP called'; 'Double Diamond Elementary (WCSD)').
    Never initials of a kind of place, a unit or medicine ('(CAH)', '(ICU)', '(TCM)')."""
    match = _ACRONYM_AFTER.match(text, end)
    before = _ACRONYM_BEFORE.search(text, max(0, start - 12), start) \
        if match is None and text.startswith(")", end) else None
    if before is not None:  # 'RRDC (Rochester Recreation Deaf Club)': the initials first
        initials, at, name_end = before.group(1), before.span(1), end
    elif match is None:
        return []
    else:
        initials, at = match.group(2), match.span(2)
        name_end = match.end(1) if match.group(1) else end
    if initials in _KIND_ACRONYMS or initials in CLINICAL_INITIALS or initials in UNIT_ACRONYMS:
        return []
    capitals = "".join(w[0] for w in text[start:name_end].split() if w[:1].isupper())
    district = _DISTRICT.fullmatch(initials) is not None and _SCHOOL_END.search(
        text, start, end) is not None and not (match and match.group(1))
    if not district and not _subsequence(initials.replace("&", ""), capitals):
        return []  # ('Mercy Clinic (TCM)': a service's initials, not the clinic's)
    keys = [fold(word) for word in text[start:name_end].split()]
    if not district and keys[-1] in _PROGRAM_ENDS and all(
            words_module.is_english(key) and not (
                lexicon.is_name(key) and words_module.zipf(key) < 4.5) for key in keys):
        return []  # 'Foreign Medical Program (FMP)': a program of everyday words, no place
    spans = [Span(start, name_end, PhiType.FACILITY, span.source, span.score),
             Span(at[0], at[1], PhiType.FACILITY, span.source, span.score)]
    if len(initials) >= 3 and not words_module.is_english(initials) \
            and initials not in searched:
        # elsewhere alone too, three letters at least ('PH' of an ABG is no hospital), each
        # initials searched once per text (a header repeated on every page stays linear)
        searched.add(initials)
        spans.extend(Span(m.start(), m.end(), PhiType.FACILITY, span.source, span.score)
                     for m in re.finditer(r"(?<![A-Za-z0-9])" + re.escape(initials)
                                          + r"(?![A-Za-z0-9])", text))
    return spans


_INITIAL_WORD = re.compile(r"[A-Z][A-Za-z'’.]*")


def written_initials(surface: str, lexicon: Lexicon) -> str:
    """The initials a found facility's name is written as elsewhere in the same text: the
    first letters of its words, each capitalized but for function words ('Chicago Dept of
    Public Health' -> 'CDPH', "St. Luke's Nampa" -> 'SLN', 'KITSAP RECOVERY CENTER' -> 'KRC').
    '' when such letters could stand for anything else: fewer than three, an English word,
    a kind of place, a unit or clinical initials ('Neonatal Intensive Care Unit' -> no 'NICU',
    'Northwick Park Hospital' -> no 'NPH')."""
    letters = []
    for word in surface.split():
        if _INITIAL_WORD.fullmatch(word):
            letters.append(word[0])
        elif fold(word) not in FUNCTION_WORDS and word != "&":
            return ""  # a lower-case word or a number: the name is not spelled out by it
    initials = "".join(letters)
    if not 3 <= len(initials) <= 6 or initials in _KIND_ACRONYMS \
            or clinical_acronym(initials, lexicon) or initials in UNIT_ACRONYMS:
        return ""
    if words_module.is_english(initials) or initials in lexicon.states:
        return ""
    return initials


def _subsequence(letters: str, capitals: str) -> bool:
    """Whether `letters` are, in order, among `capitals` ('NARP' of 'JNARP')."""
    rest = iter(capitals)
    return all(letter in rest for letter in letters)


def _names_whom(tail: re.Match[str], lexicon: Lexicon) -> bool:
    """An 'of' tail is the rest of a name ('Department of Public Works'); a 'for' tail only
    with a word of `_FOR_WHOM` or a place ('Center for Women', 'Coalition for Iowa')."""
    if tail.group().split()[0] == "of":
        return True
    keys = [fold(word) for word in tail.group(1).split() if word not in ("the", "&", "and")]
    whole = fold(tail.group(1))
    return any(key in _FOR_WHOM for key in keys) or whole in lexicon.states or (
        whole in lexicon.places and not words_module.is_english(whole))


_FIELD_END = re.compile(r"(?:MEDICINE|HEALTH|RESEARCH|SCIENCES?|STUDIES|SURGERY|CARE|WELLNESS|"
                        r"OLOGY|IATRY|IATRICS|ICS)$")
"""The last word of a field a centre is named for ('for Reproductive Medicine', 'for
Cardiovascular Research', 'for Digestive Health')."""


def _names_field(tail: re.Match[str], lexicon: Lexicon) -> bool:
    """'University of Utah Center' + 'for Reproductive Medicine': two or more words of a field
    after 'for', the last a field's noun; one word is why one went there ('for Evaluation')."""
    keys = [fold(word) for word in tail.group(1).split() if word not in ("the", "&", "and")]
    return tail.group().split()[0] == "for" and len(keys) >= 2 \
        and _FIELD_END.search(keys[-1]) is not None \
        and not any(key in FUNCTION_WORDS or key in MONTH_WORDS or key in _TIME_WORDS
                    or key in lexicon.titles for key in keys)


def _plain_words(words: str, lexicon: Lexicon) -> bool:
    """Words that may go on an organization's name: no clinical, time, month, title or
    function word ('and' and 'the' aside)."""
    return not any(
        (key in FUNCTION_WORDS and key not in ("AND", "THE")) or key in MONTH_WORDS
        or key in _TIME_WORDS or key in lexicon.titles or lexicon.is_clinical(key)
        for key in (fold(word) for word in words.split()))


def _words_before(text: str, span: Span, lexicon: Lexicon) -> int:
    """Back over capitalized words before a found facility that begins with its head word
    ("Children's" of "Children's Hospital of Michigan"); not a label, a function, clinical
    or time word."""
    head = fold(text[span.start:span.end].split()[0])
    if head not in _HEAD_WORDS:
        return span.start
    before = _WORDS_BEFORE.search(text, max(0, span.start - 60), span.start)
    if not before:
        return span.start
    start = span.start
    for word in reversed(list(re.finditer(r"\S+", before.group(1)))):
        key = fold(word.group())
        if key in FUNCTION_WORDS or key in MONTH_WORDS or key in _TIME_WORDS \
                or key in lexicon.titles or lexicon.is_clinical(key) or key in lexicon.states:
            break
        start = before.start(1) + word.start()
    return start


def _names_a_site(text: str, place: re.Match[str], lexicon: Lexicon) -> bool:
    """'on Prospect Ave', 'on Route 9', 'on 42nd St', 'at Milford': positive evidence only -- a
    street word after the words, an ordinal ending the clause, or a known town (the
    gazetteer, a city abroad); never a clinical, function, time, state or title word
    ('Mercy Hospital on Biktarvy', 'on Oncology', 'on 2nd line chemo', 'at Baseline')."""
    words = place.group(2).split()
    keys = [fold(word) for word in words]
    if any(key in FUNCTION_WORDS or key in MONTH_WORDS or key in _TIME_WORDS
           or key in lexicon.states or lexicon.is_clinical(key) or key in lexicon.titles
           for key in keys):
        return False
    if place.group(3):
        return True
    if keys[0][:1].isdigit():
        return len(keys) == 1 and bool(_CLAUSE_END.match(text, place.end()))
    whole = fold(place.group(2))
    return whole in lexicon.places or whole in world_cities()


def _names_a_branch(words: str, lexicon: Lexicon) -> bool:
    """A dash tail that names a branch by its place: a town no English word ('MOBILE WEST',
    'Marquette'; not '- BATH', '- HOPE') or a possessive ('Tillman's Corner'); no clinical
    word."""
    keys = [fold(word) for word in words.split()]
    if any(lexicon.is_clinical(key) or key in FUNCTION_WORDS or key in MONTH_WORDS
           or key in _TIME_WORDS for key in keys):
        return False
    parts = [part for key in keys for part in key.split("-") if part]
    return any(((key in lexicon.places or key in world_cities())
               and (len(parts) > 1 or not words_module.is_english(key)))
               or key.endswith(("'S", "’S")) for key in parts) or (
        len(keys) == 1 and _BRANCH_ACRONYM.fullmatch(words) is not None
        and not words_module.is_english(keys[0]))
