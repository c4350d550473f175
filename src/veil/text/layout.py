"""Facilities that a document's layout marks: letterheads, header lines and branch tails.

Letters, faxes and reports put the practice's name where nothing else stands: on the line
of (or just above) its street address ('Blue Ridge Internal Medicine\\n88 Patton Ave'), in
the header after the document's title ('DISCHARGE SUMMARY University of Iowa Hospitals &
Clinics — General Medicine'), and chains add a branch or store after the brand ('Fresenius
Kidney Care — Bayou Vista', 'Walgreens #11872'). The words carry no facility word often
enough that no name rule finds them; the position does. `layout_spans` takes a text and its
merged spans (it needs the street lines already found) and returns the extra spans, with
the sources `layout_letterhead`, `layout_header` and `layout_branch`. Nothing here logs text.
"""

from __future__ import annotations

import re

from veil.text import words as words_module
from veil.text.lexicon import FUNCTION_WORDS, MONTH_WORDS, Lexicon, fold
from veil.text.places.vocabulary import _GENERIC, _SERVICES, DEPARTMENT_WORDS
from veil.text.postal import postal_places
from veil.text.spans import PhiType, Span

__all__ = ["CLINICAL_AFTER", "UNIT_WORD", "layout_spans", "town_tail"]

_NAME_WORD = r"(?:[A-Z][A-Za-z0-9'’.&\-]*|&|of|the|and|at|for|de|la|del|on)"
_GAP = r"(?:,? )"
"""Words of one name: one space (after an optional comma); columns have more."""
_RUN_BEFORE = re.compile(r"(?<![A-Za-z0-9'’])(" + _NAME_WORD + r"(?:" + _GAP + _NAME_WORD
                         + r"){1,8})[ \t]*,?[ \t]*$")
"""Capitalized words ending where a street line starts (an optional comma between)."""
_LOWER_EDGES = re.compile(r"(?:[a-z]+[ \t]+)*([A-Z].*?)(?:,?[ \t]+[a-z]+)*[ \t,]*")
"""A run without the lower-case link words at its ends ('at Fine Fare on' -> 'Fine Fare')."""
_MID_SENTENCE = re.compile(r"[a-z][a-z'’]*[ \t]+$")
"""A lower-case word right before a run: it stands inside a sentence, not on a letterhead."""
_LINE_RUN = re.compile(r"^[ \t]*(" + _NAME_WORD + r"(?:" + _GAP + _NAME_WORD
                       + r"){1,8})[ \t]*$")
_SEGMENT_SPLIT = re.compile(r"[ \t]+(?:—|–|--|-|\|)[ \t]+")
_TITLE_WORDS = re.compile(r"^(?:[A-Z0-9&/()'’.,\-]{2,}[ \t]+)*[A-Z0-9&/()'’.,\-]{2,}[ \t]+")
"""An ALL-CAPS document title before a header's first Title-case word."""
_DOCUMENT_WORDS = frozenset({
    "NOTE", "NOTES", "REPORT", "SUMMARY", "EVALUATION", "ASSESSMENT", "RECORD", "TESTING",
    "SCREENING", "INTAKE", "CONSULT", "CONSULTATION", "LETTER", "REFERRAL", "PROGRESS",
    "VISIT", "ENCOUNTER", "ADMISSION", "DISCHARGE", "ORDER", "ORDERS", "REQUEST", "FORM",
    "LOG", "SHEET", "PLAN", "INSTRUCTIONS", "PAGE", "FAX", "COVER", "MESSAGE", "THREAD",
    "UPDATE", "HISTORY", "PHYSICAL", "H&P", "PROCEDURE", "OPERATIVE", "DICTATION", "TITLE",
    "LOCAL", "DATE", "TIME", "PATIENT", "CONFIDENTIAL", "SUBJECT", "RE", "DEAR", "TO",
    "FROM", "PRE-ADMISSION", "SPIRITUAL", "DENTAL", "CARE", "LAB",
})
_HEADS = frozenset({
    "HOSPITAL", "HOSPITALS", "CLINIC", "CLINICS", "CENTER", "CENTRE", "HEALTHCARE", "HOSPICE",
    "PHARMACY", "INFIRMARY", "SANITARIUM", "PRACTICE", "ASSOCIATES", "PARTNERS", "SPECIALISTS",
    "PLLC", "PC", "LLC", "INC", "LLP", "PA", "REHABILITATION", "REHAB", "MANOR", "LIVING",
    "LABORATORY", "LABORATORIES", "HEALTH", "MEDICAL", "PHYSICIANS", "SURGERY", "DIALYSIS",
})
_ADJECTIVE_END = re.compile(r"(?:IC|AL|OGY|ATRIC|ARY|IVE|OUS|ICS)$")
"""Endings of the adjectives and fields that name a department ('PODIATRIC', 'HYPERBARIC')."""
_CAPITAL_HEADS = frozenset({"GROUP", "MEDICINE", "PEDIATRICS", "ORTHOPAEDICS", "ORTHOPEDICS",
                            "DERMATOLOGY", "CARDIOLOGY", "ONCOLOGY", "UROLOGY", "NEUROLOGY"})
"""Heads that end a letterhead in capitals ('WILSHIRE ORTHOPAEDIC GROUP')."""
_BRANCH = re.compile(r"[ \t]*(?:(?:—|–|-{1,2})[ \t]*([A-Z][a-z'’\-]+(?:[ ][A-Z][a-z'’\-]+){0,2})"
                     r"(?![A-Za-z])|#[ \t]*[0-9]{3,6}(?![0-9])"
                     r"|\((?!(?:19|20)[0-9]{2}\))[0-9]{3,6}\))")
"""A branch after a facility: ' — Bayou Vista', ' - Derby', ' #11872', ' (1405)'; not a year
('Sheppard Pratt (2017)')."""


_ACRONYM = re.compile(r"[ \t]*(?:\([ \t]*([A-Z][A-Z&]{1,7})[ \t]*\)|/[ \t]*([A-Z][A-Z&]{1,7})"
                      r"(?![A-Za-z0-9]))")
"""An acronym defined in parentheses after a facility: 'Heart of the Rockies Regional Medical
Center (HRRMC)'; the note then writes 'report called to HRRMC' (found by propagation)."""
_UNIT_NUMBER = re.compile(r"(?:[ \t]+(?i:medic|unit|rescue|engine|truck|squad))?[ \t]+"
                          r"[0-9]{1,3}(?![0-9/:.]|[ \t]*(?i:mg|ml|units?|%|days?|weeks?|wks?|"
                          r"months?|years?|hours?|hrs?|min|am|pm|times|x)\b)")
UNIT_WORD = re.compile(r"(?i:\b(?:air|flight|evac|ambulance|ems|medic|rescue|clinic|"
                        r"lifeteam|medflight)\b|airevac)\.?[ \t]*$")
"""A facility that numbers its units or clinics: the number after it belongs to the name."""
_TAIL = re.compile(r"[ ]{1,2}+(?![ \t])([A-Z][a-z'’\-]+(?:[ ][A-Z][a-z'’\-]+)?)(?![A-Za-z])")
"""A campus or town right after a facility's name; never across a form's field gap
('Pelican Answering Svc   Acct PAS-0213': 'Acct' labels the next field)."""
_DIRECTIONS = frozenset({"NORTH", "SOUTH", "EAST", "WEST", "NORTHEAST", "NORTHWEST", "SOUTHEAST",
                         "SOUTHWEST", "MIDTOWN", "DOWNTOWN", "UPTOWN", "CENTRAL"})
CLINICAL_AFTER = re.compile(r"[ \t]+(?:negative|positive|levels?|toxicity|dose|doses|trough|"
                            r"peak|infusion|drip|started|stopped|held|given|result|results|panel|"
                            r"panels|test|testing|assay|screen|kit)\b")
"""A lower-case clinical word after a rare word makes it a drug or test ('Mayo Clinic
Tacrolimus levels'), not a campus."""
_EVERYDAY_ZIPF = 4.0
_RARE_ZIPF = 2.5
"""A word this rare in English after a facility is its campus's name, not the next word."""


_TOWN_ALONE_IN_PARENS = re.compile(r"[ \t]*\(([A-Z][a-z'’\-]+(?:[ \t][A-Z][a-z'’\-]+){0,2})"
                                   r"[ \t]*\)")
"""'Down East Community Hospital (Machias)': the town of a facility alone in parentheses."""
_TOWN_IN_PARENS = re.compile(r",[ \t]*([A-Z][a-z'’\-]+(?:[ \t][A-Z][a-z'’\-]+){0,2})[ \t]*[)\]]")


def _is_town(words: str, lexicon: Lexicon) -> bool:
    """A gazetteer town that is no state and no everyday word ('Greenwood'; not 'Main')."""
    key = fold(words)
    return key in lexicon.places and key not in lexicon.states and (
        " " in words or not words_module.is_english(key) or words_module.zipf(key) < 3.0
        or key in postal_places().towns)


def _initials_of(acronym: str, name: str) -> bool:
    """Whether the acronym's letters are, in order, initials of the name's words ('HRRMC' of
    'Heart of the Rockies Regional Medical Center', 'CHOP' of "Children's Hospital of
    Philadelphia"; not 'ED' of 'Mercy Hospital'). Function words may lend their letter."""
    initials = "".join(w[0].upper() for w in re.findall(r"[A-Za-z][A-Za-z'’]*", name))
    letters = acronym.replace("&", "")
    if len(letters) < 2 or not initials or initials[0] != letters[0]:
        return False
    position = 0
    for letter in letters:
        position = initials.find(letter, position) + 1
        if position == 0:
            return False
    return True


def town_tail(text: str, end: int, lexicon: Lexicon) -> int | None:
    """The end of a campus or town written right after a facility's name ('Mercy Iowa City',
    "Saint Luke's South", 'Deaconess Midtown'): a direction word or a gazetteer town that is
    no state and no everyday word."""
    match = _TAIL.match(text, end)
    if match is None:
        return None
    words = match.group(1).split()
    for n in range(len(words), 0, -1):
        key = fold(" ".join(words[:n]))
        if n == 1 and key in _DIRECTIONS:
            return match.start(1) + len(words[0])
        if key in lexicon.places and key not in lexicon.states and (
                n > 1 or words_module.zipf(key) < _EVERYDAY_ZIPF):
            return match.start(1) + len(" ".join(words[:n]))
        if n == 1 and words_module.zipf(key) < _RARE_ZIPF and not words_module.is_english(key) \
                and not lexicon.is_clinical(key) and key not in lexicon.titles \
                and not words_module.term_shaped(key) and not CLINICAL_AFTER.match(
                    text, match.start(1) + len(words[0])):
            return match.start(1) + len(words[0])  # 'Spectrum Health Butterworth'
    return None


def _plausible(words: list[str], lexicon: Lexicon) -> bool:
    """A run names a place of care: two words or more, not only capitals (a title), no word
    of a service or document ('Program', 'Team', 'Reply'), one word no generic, function,
    month or clinical word, and positive evidence: a facility head ('Hospital', 'Clinic',
    'Associates', 'PLLC') or a proper noun (a place, or a word rare in English)."""
    keys = [fold(w.strip(",.")) for w in words if w.strip(",.")]
    if len(keys) < 2:
        return False
    if all(w.isupper() and len(w) > 3 for w in words) and not (
            keys[-1] in _HEADS | _CAPITAL_HEADS and any(
                (((k in lexicon.places or k in postal_places().towns)
                  and words_module.zipf(k) < 3.0)  # 'CHAMPLAIN', a lake's word too
                 or (words_module.zipf(k) < 3.0 and not words_module.is_english(k)))
                and not lexicon.is_clinical(k) and not _ADJECTIVE_END.search(k)
                for k in keys[:-1])):
        return False  # a title in capitals; a letterhead in capitals ends in its head and
        # holds a town's name ('WILSHIRE ORTHOPAEDIC GROUP', 'PALISADES PARK FAMILY PRACTICE')
    if any(k in DEPARTMENT_WORDS for k in keys):
        return False
    headed = any(k in _HEADS for k in keys)
    if not any(k not in _GENERIC and k not in _SERVICES and k not in _DOCUMENT_WORDS
               and k not in FUNCTION_WORDS and k not in MONTH_WORDS and not lexicon.is_clinical(k)
               and (k not in lexicon.states or headed) for k in keys):
        return False  # a state names a facility only with a head ('University of Iowa Hospitals')
    return any(k in _HEADS or k in lexicon.places or k in postal_places().towns
               or (words_module.zipf(k) < 3.0 and not words_module.is_english(k)
                   and not words_module.term_shaped(k) and len(k) > 2) for k in keys)


def layout_spans(text: str, spans: list[Span], lexicon: Lexicon) -> list[Span]:
    """Extra facility spans the layout marks (see the module docstring)."""
    extra: list[Span] = []
    for span in spans:
        if span.type is PhiType.ADDRESS and span.source != "room_number":  # a room, no line
            found = _letterhead(text, span.start, lexicon)
            if found is not None:
                extra.append(found)
        elif span.type is PhiType.FACILITY:
            match = _BRANCH.match(text, span.end)
            if match and not (match.group(1)
                              and fold(match.group(1).split()[0]) in _DOCUMENT_WORDS):
                # ' - Referral line', ' -- Intake': a document's word, no branch
                extra.append(Span(span.start, match.end(), PhiType.FACILITY, "layout_branch",
                                  0.85))
            named = _TOWN_IN_PARENS.match(text, span.end) or _TOWN_ALONE_IN_PARENS.match(
                text, span.end)
            if named and _is_town(named.group(1), lexicon):
                # '(Delta Family Practice, Greenwood)': the town a facility is in
                extra.append(Span(named.start(1), named.end(1), PhiType.CITY, "layout_town",
                                  0.85))
            town = town_tail(text, span.end, lexicon)
            if town:
                extra.append(Span(span.start, town, PhiType.FACILITY, "layout_branch", 0.85))
            unit = _UNIT_NUMBER.match(text, span.end)
            if unit and UNIT_WORD.search(text, span.start, span.end):
                # 'Air Evac 46', 'CAMBRIA COUNTY EMS MEDIC 7', 'Troop Medical Clinic 4'
                extra.append(Span(span.start, unit.end(), PhiType.FACILITY, "layout_branch",
                                  0.85))
            acronym = _ACRONYM.match(text, span.end)
            group = 1 if acronym and acronym.group(1) else 2
            name = text[span.start:span.end]
            if acronym and (_initials_of(acronym.group(group), name) or (
                    acronym.group(group).endswith("H")
                    and _initials_of(acronym.group(group)[:-1], name))):
                # 'Royal Columbian / RCH': the H of a hospital the name leaves out
                extra.append(Span(acronym.start(group), acronym.end(group), PhiType.FACILITY,
                                  "layout_acronym", 0.85))
    if text.count("\n") >= 2:  # documents have headers; one-line questions do not
        extra.extend(_header(text, lexicon))
    return extra


_LOOK_BACK = 240
"""How far before a street line a letterhead may start: a name of up to nine words. Bounding
the look-back keeps a long one-line text (a flattened document) linear, not quadratic."""


def _letterhead(text: str, start: int, lexicon: Lexicon) -> Span | None:
    line_start = max(text.rfind("\n", 0, start) + 1, start - _LOOK_BACK)
    before = text[line_start:start]
    if before.strip():
        match = _RUN_BEFORE.search(before)
        if match is None or before.rstrip().endswith(":"):
            return None
        run = match.group(1)
        begin = line_start + match.start(1)
        edge = _LOWER_EDGES.fullmatch(run)
        if edge is None or _MID_SENTENCE.search(before, 0, match.start(1) + edge.start(1)):
            return None  # 'works at Fine Fare on Jerome Ave': a sentence, no letterhead
        begin += edge.start(1)
        run = edge.group(1)
    else:
        if line_start == 0 or text[line_start - 1] != "\n":
            return None
        prev_start = max(text.rfind("\n", 0, line_start - 1) + 1, line_start - 1 - _LOOK_BACK)
        match = _LINE_RUN.match(text, prev_start, line_start - 1)
        if match is None:
            return None
        run = match.group(1)
        begin = match.start(1)
    run = run.rstrip(" ,")
    if not _plausible(run.split(), lexicon):
        return None
    return Span(begin, begin + len(run), PhiType.FACILITY, "layout_letterhead", 0.9)


def _header(text: str, lexicon: Lexicon) -> list[Span]:
    """Title-case segments of a note's first line that name its facility."""
    end = text.find("\n")
    line = text if end < 0 else text[:end]
    spans: list[Span] = []
    pos = 0
    for segment in _SEGMENT_SPLIT.split(line):
        offset = line.find(segment, pos)
        pos = offset + len(segment)
        title = _TITLE_WORDS.match(segment)
        body_start = title.end() if title else 0
        body = segment[body_start:].split(",")[0].strip()  # 'X Dermatology, Twin Falls ID'
        if not body or not re.fullmatch(_NAME_WORD + r"(?: " + _NAME_WORD + r"){1,8}", body):
            continue
        if body[0].islower() or not _plausible(body.split(), lexicon):
            continue
        first = offset + segment.find(body, body_start)
        spans.append(Span(first, first + len(body), PhiType.FACILITY, "layout_header", 0.9))
    return spans
