"""Ages over 89 that stand beside an age already found ('actually 102, not 101', 'She's
90-something, we think 93', '101 (centenarian -- 101 1/2 per him)').

A bare number from 90 to 119 is a pulse, a glucose, a saturation or a weight far more often
than an age, so the pattern rules take one only after a word of age. Once an age has been
found, a second number in the same breath that corrects, guesses or repeats it ('not 101',
'we think 93', '-- 101 1/2', 'or 95') is the same person's age: the evidence is position.
Runs over the merged spans; nothing here logs text.
"""

from __future__ import annotations

import re

from veil.text.spans import PhiType, Span

__all__ = ["ages_beside", "ages_of_persons"]

_AGE = r"(9[0-9]|1[01][0-9])"
_NOT_A_MEASURE = (r"(?![0-9]|[.,][0-9])(?![ \t]*(?:%|/|°|(?i:f|c|ra|percent|pounds|lbs?|kg|mg|mcg|"
                  r"units?|degrees|bpm|mmhg|over|on|at|ml|cc|min|mins|minutes|hours|days|weeks|"
                  r"months|times|x|th|st|nd|rd)\b))")
"""A number that is no measure: no decimal, unit, rate or ordinal after it."""
_JOIN = (r"[ \t]*(?:,|;|--|—|–|-|\(|/)?[ \t]*(?:(?i:not|or|maybe|perhaps|probably|possibly|"
         r"actually|really|nearly|almost|about|around|like|we[ \t]+think|i[ \t]+think|"
         r"they[ \t]+say|she[ \t]+says|he[ \t]+says|per[ \t]+(?:him|her|family|chart)|"
         r"centenarian|nonagenarian)[ \t]*(?:,|--|—|–|-)?[ \t]*){1,2}")
"""Words that correct, guess or restate an age ('not', 'or', 'we think', '-- ')."""
_AFTER = re.compile(r"[^\n.!?0-9]{0,12}?(?:" + _JOIN + r"|[ \t]*(?:--|—|–)[ \t]*)(?<![0-9])" + _AGE
                    + _NOT_A_MEASURE)
"""A second age shortly after a found one (same sentence, only a few words between)."""
_BEFORE = re.compile(r"(?<![0-9./\-])" + _AGE + _NOT_A_MEASURE
                     + r"[ \t]*,?[ \t]*(?i:not|or)[ \t]+$")
"""A number right before 'not'/'or' and a found age ('is actually 102, not 101')."""
_HAS_AGE_NUMBER = re.compile(r"(?<![0-9])(?:9[0-9]|1[01][0-9])(?![0-9])")
"""The cheap test: a number from 90 to 119 somewhere in the text."""
_HALF_AFTER = re.compile(r"[ \t]+1/2(?![0-9/])")
"""'101 1/2': the half belongs to the age."""
_MAX_SPAN_TEXT = 40
"""Only ages written short ('101', '93 y/o', 'ninety-four') lead to a neighbour."""


_AFTER_NAME = re.compile(r"[\"”’']?(?:[ \t]*\([ \t]*" + _AGE + r"[ \t]*\)|[ \t]+(?:is|was|turned|"
                         r"turns|just[ \t]+turned)[ \t]+(?:(?:now|actually|already|almost|"
                         r"nearly|about|like)[ \t]+)?" + _AGE + _NOT_A_MEASURE
                         + r"(?=[ \t]*(?:[,;!?)]|\.(?![0-9])|$|\n|--|(?i:and|but|so|years?|yrs?|yo|"
                         r"y/o|now|this|next|with|not)\b)))")
"""A person's age right after their found name: 'PAN Shuilan (96)', '"Ah Po" is 90 and'."""


def _ages_after_names(text: str, spans: list[Span]) -> list[Span]:
    found = []
    for span in spans:
        if span.type is PhiType.NAME:
            match = _AFTER_NAME.match(text, span.end)
            if match:
                group = 1 if match.group(1) else 2
                found.append(Span(match.start(group), match.end(group), PhiType.AGE,
                                  "age_after_name", 0.8))
    return found


def ages_beside(text: str, spans: list[Span]) -> list[Span]:
    """Ages over 89 next to an age already found, joined by a word that corrects or guesses,
    or right after a found name."""
    extra: list[Span] = _ages_after_names(text, spans) if _HAS_AGE_NUMBER.search(text) else []
    queue = [s for s in spans if s.type is PhiType.AGE and s.end - s.start <= _MAX_SPAN_TEXT]
    for _ in range(3):  # a chain: '102, not 101, maybe 100'
        found: list[Span] = []
        for span in queue:
            match = _AFTER.match(text, span.end, min(len(text), span.end + 60))
            if match and not _NOT_AGE_BEFORE.search(text, span.end, match.end() + _NEAR_AFTER):
                end = match.end(1)
                half = _HALF_AFTER.match(text, end)
                found.append(Span(match.start(1), half.end() if half else end, PhiType.AGE,
                                  "age_beside", 0.8))
            before = _BEFORE.search(text, max(0, span.start - 12), span.start)
            if before:
                found.append(Span(before.start(1), before.end(1), PhiType.AGE, "age_beside",
                                  0.8))
            half = _HALF_AFTER.match(text, span.end)
            if half and text[span.start:span.end].isdigit():
                found.append(Span(span.start, half.end(), PhiType.AGE, "age_beside", 0.8))
        extra.extend(found)
        queue = found
        if not queue:
            break
    return extra


_PERSON_IS = re.compile(
    r"(?i:\b(?:she|he|they|grandma|granny|grammy|grandpa|granddad|granddaddy|grandmother|"
    r"grandfather|great-grandmother|great-grandfather|mom|momma|mama|mum|dad|daddy|mother|"
    r"father|aunt|auntie|uncle|patient|pt|resident|client|husband|wife|abuela|abuelo|"
    r"nana|papa|memaw|mawmaw|pawpaw|granny)(?:[ \t]+(?:is|are|turned|turns|just[ \t]+turned)|"
    r"['’](?:s|re))[ \t]+(?:(?:actually|really|already|supposedly|officially|finally)[ \t]+)?)"
    + _AGE + r"(?=[ \t]*(?:[,;!?(]|\.(?![0-9])|$|\n|--|—|-[ \t]*something|"
    r"(?i:but|so|years?|yrs?|yo|y/o|not|or|going|this[ \t]+year|next)\b))", re.MULTILINE)
"""A person, 'is' and a number ('grandma is actually 102', "if they're 99?", 'she's 93 and
still'): the number ends the clause or is followed by a word of age, never by a unit."""
_NOT_AGE_BEFORE = re.compile(
    r"(?i:fever|febrile|temp|temperature|°|degrees|\bsat|spo2|\bo2\b|oxygen|pulse|heart[ \t]*"
    r"rate|\bhr\b|\bbp\b|pressure|sugar|glucose|\bbs\b|\bbg\b|weigh|lbs|pounds|\biq\b|score|"
    r"grade|percent|bpm|rate|reading|level|number|count|motrin|tylenol|ibuprofen|acetaminophen|"
    r"advil|\bra\b|room[ \t]+air|nasal|\bnc\b|recheck|rating|\bf\b)")
"""Words of a measurement near the number ('she had a fever, she's 103', "they're 91 on
room air"): a reading, no age."""
_NEAR_BEFORE = 120
_NEAR_AFTER = 40


def ages_of_persons(text: str) -> list[Span]:
    """Ages over 89 said of a person with 'is' ('grandma is actually 102', "they're 99?"),
    unless a measurement is named earlier in the same sentence."""
    if not _HAS_AGE_NUMBER.search(text):
        return []
    found: list[Span] = []
    for match in _PERSON_IS.finditer(text):
        if _NOT_AGE_BEFORE.search(text, max(0, match.start() - _NEAR_BEFORE),
                                  min(len(text), match.end() + _NEAR_AFTER)):
            continue
        found.append(Span(match.start(1), match.end(1), PhiType.AGE, "age_person_is", 0.8))
    return found

