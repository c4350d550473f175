"""Strong cues that mark an entity in any case, for text written without capitals.

Questions and chat ('pt okafor in bed 12', 'mrs ng's INR', 'attention brenda', 'hi i'm
siobhan ni bhriain', 'my phone is four oh four, five five five...') carry no capital
letters to say where a name starts; what marks it is a cue that rarely precedes anything
else. Each cue below admits a filler only on evidence that does not depend on case:

- **title** ('dr', 'mrs', 'mr', 'ms', 'attn', 'attention') then a word that is a dictionary
  name or rare in English (Zipf frequency below 3.5: 'okafor', 'faleafa'); 'dr love' and
  'dr young' are names, 'dr office' and 'ms symptoms' are not;
- **patient** ('pt', 'patient', 'pt.') then a word that is rare in English, no clinical word
  and no shorthand ('pt xiong', not 'pt refused' or 'pt c/o');
- **introduction** ('my name is', 'hi i'm', 'hello this is') then one to three words up to a
  function word or punctuation: after 'my name is' any words; after a greeting a dictionary
  name or a rare word first;
- **spoken digits**: seven or more digit words in a row ('four oh four, five five five, one
  two one two') are a phone number;
- **personal web page**: a site under a blog or page host ('jenfightsflares.wordpress.com').

Spans carry the sources `cue_title`, `cue_patient`, `cue_intro`, `cue_spoken_phone` and
`cue_page`. Nothing here logs text.
"""

from __future__ import annotations

import re

from veil.text import words
from veil.text.lexicon import FUNCTION_WORDS, MONTH_WORDS, Lexicon, fold
from veil.text.places.vocabulary import _GENERIC, _SERVICE_END, _SERVICES
from veil.text.spans import PhiType, Span

__all__ = ["CueFinder"]

_W = r"[^\W\d_](?:[^\W\d_]|['’](?![sS](?![^\W\d_]))(?=[^\W\d_])|-(?=[^\W\d_]))*"
"""One word: letters, inner hyphens and apostrophes (any script); a possessive 's ends it."""
_TITLE = re.compile(r"(?=[DdMmAa])(?<![A-Za-z])(?i:dr|doctor|mrs|mr|ms|mx|attn|attention)"
                    r"(?:\.|:)?[ \t]+("
                    + _W + r")(?:[ \t]+(" + _W + r"))?")
_PATIENT = re.compile(r"(?=[Pp])(?<![A-Za-z])(?:pt|Pt|pts|Pts|(?i:patient))\.?[ \t]+(" + _W
                      + r")(?![/'’])")
"""'PT' in capitals is physical therapy ('PT eval'), not the patient."""
_INTRO = re.compile(
    r"(?=[MmNnHh])(?<![A-Za-z])(?i:(my[ \t]+name[ \t]+is|my[ \t]+name['’]s|name[ \t]+is)|"
    r"(?:hi|hey|hello|hiya)[ \t,!.]+(?:(?:it['’]?s|this[ \t]+is|i['’]?m|i[ \t]+am)))"
    r"[ \t]+(" + _W + r"(?:[ \t]+" + _W + r"){0,2})")
_DIGIT_WORD = r"(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine)"
_SPOKEN_PHONE = re.compile(r"(?=[ZzOoTtFfSsEeNn])(?<![A-Za-z])(?i:" + _DIGIT_WORD
                           + r"(?:(?:[ \t]*[,\-.][ \t]*|[ \t]+)"
                           + _DIGIT_WORD + r"){6,11})(?![A-Za-z])")
_PAGE = re.compile(
    r"(?i)(?<![A-Za-z0-9@.\-])[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:wordpress|blogspot|tumblr|"
    r"substack|wixsite|weebly|squarespace|medium|github|gitlab|neocities|carrd|typepad|"
    r"livejournal|webflow|ghost|mystrikingly|jimdofree|site123|gofundme|caringbridge)"
    r"\.(?:com|io|co|org|net|me|site)(?:/[^\s<>\"')\]]*)?(?![A-Za-z0-9])")
_PAGE_HOST = re.compile(r"\.(?i:wordpress|blogspot|tumblr|substack|wixsite|weebly|squarespace|"
                        r"medium|github|gitlab|neocities|carrd|typepad|livejournal|webflow|ghost|"
                        r"mystrikingly|jimdofree|site123|gofundme|caringbridge)\.")
"""A cheap test (a literal '.' first) whether a text names a page host at all."""
_RARE = 3.5
"""Zipf frequency below which a word is no everyday English ('okafor' 2.6, 'hassan' 3.7)."""
_NAME_COMMON = 4.2
"""Zipf frequency from which a dictionary name reads as an everyday word after 'pt'."""
_FAMILY = (r"wife|husband|hubby|son|daughter|sister|brother|sis|bro|mom|mother|mum|mama|mommy|"
           r"dad|father|papa|daddy|grandma|grandpa|grandmother|grandfather|granny|nana|gramma|"
           r"grandson|granddaughter|grandkid|aunt|auntie|uncle|niece|nephew|cousin|friend|"
           r"boyfriend|girlfriend|bf|gf|partner|fiance|fiancee|fiancé|baby|kid|child|toddler|"
           r"neighbor|neighbour|roommate|caregiver|stepson|stepdaughter|stepmom|stepdad|twin")
_RELATION_NAME = re.compile(
    r"(?=[MmOoHhTtYyUu])(?<![A-Za-z])(?i:my|our|his|her|their|your|ur)[ \t]+"
    r"(?:(?i:little|older|younger|big|baby|"
    r"twin|oldest|youngest|middle|elderly|step|ex)[ \t\-]*)?(?i:" + _FAMILY + r")s?[ \t]+("
    + _W + r")(?=[ \t]*(?:[,?!)]|$|[ \t](?i:is|was|has|had|needs?|got|gets|went|goes|can|cant|"
    r"can't|should|will|would|did|does|doesnt|doesn't|didnt|didn't|just|also|keeps|kept|fell|"
    r"says|said|takes|took|started|stopped|turned|turns|wants|tested|woke|lives|lived|"
    r"passed|died|hasnt|hasn't|isnt|isn't|wasnt|wasn't|still|ever|never|already|and)\b))")
"""'does my sister grace need testing', 'my wife joy is 31 weeks': a relation, a given name
and what a person does next; the given name may be an everyday word."""
_MODALS = frozenset({"WILL", "MAY", "CAN", "MIGHT", "MUST", "SHALL", "SHOULD", "WOULD", "COULD",
                     "JUST", "ALSO", "STILL", "NEVER", "EVER", "ALREADY", "ALWAYS", "ONLY"})
_CHILD_AGE = re.compile(r"(?:^|(?<=[,.;!?])[ \t]*|(?<=\n))(" + _W + r")[ \t]+is[ \t]+"
                        r"[0-9]{1,2}(?=[ \t]+(?i:and|yo|y/o|years?|yrs?|months?|mos?|weeks?|"
                        r"wks?)\b|[ \t]*(?:[,.!?]|$))")
"""'miles is 2 and got a DTaP', ', sunny is 3': a given name opening a clause, then an age."""
_LOWER_PAIR = re.compile(r"(?<![A-Za-z'’\-])([a-z][a-z'’\-]+)[ \t]+([a-z][a-z'’\-]+)"
                         r"(?![A-Za-z'’\-])")
_UNIT_AFTER_FACILITY = re.compile(
    r"(?=[AaTtFfIi])(?<![A-Za-z])(?i:at|to|from|in|into)[ \t]+(?:the[ \t]+|The[ \t]+)?"
    r"((?:[A-Z][A-Za-z'’\-]*"
    r"[ \t]+){0,3}[A-Z][A-Za-z'’\-]*)[ \t]+(?:ICU|MICU|SICU|CCU|CVICU|NICU|PICU|ER|ED|L&D|"
    r"(?i:emergency[ \t]+(?:room|department)|icu|er\b|nicu|picu|cath[ \t]+lab|labor[ \t]+and"
    r"[ \t]+delivery))(?![A-Za-z])")
"""'Dad (91yo) at Bethesda ICU', 'at the Fargo VA ER': capitalized words before a hospital
unit name the hospital."""
_GENERIC_CARE = frozenset({"THE", "OUR", "MY", "YOUR", "HOSPITAL", "MEDICAL", "CENTER", "GENERAL",
                           "COMMUNITY", "LOCAL", "MAIN", "ADULT", "PEDIATRIC", "NEURO", "CARDIAC",
                           "SURGICAL", "TRAUMA", "BURN", "NEONATAL", "MEDICINE", "THIS", "THAT",
                           "SAME", "OTHER", "ANOTHER", "OUTSIDE", "NEAREST", "CLOSEST", "REGIONAL"})
_CAP = r"[A-Z](?:[^\W\d_]|['’](?=[^\W\d_])|-(?=[A-Z]))+"
_CAPITALIZED_PAIR = re.compile(r"(?=[A-Z])(?<![\w'’\-])(?<![A-Z][a-z]\s)(?<![A-Z][a-z][a-z]\s)("
                               + _CAP
                               + r") (" + _CAP + r")(?![\w'’\-])(?![ \t]+[A-Z])")
"""Two capitalized words standing alone (one space between; no capitalized word right before
or after: table columns and longer names are other rules' business)."""
_NOT_AFTER_TITLE = frozenset({
    "SAID", "SAYS", "TOLD", "THINKS", "WANTS", "OFFICE", "OFFICES", "APPT", "APPOINTMENT",
    "VISIT", "VISITS", "NOTE", "NOTES", "ORDERS", "ORDER", "REFERRAL", "LETTER", "CALLED",
    "PRESCRIBED", "RECOMMENDED", "ORDERED", "GAVE", "PUT", "ASKED", "WILL", "WOULD", "CAN",
    "COULD", "SHOULD", "MAY", "MIGHT", "DID", "DOES", "HAS", "HAD", "IS", "WAS", "VISITED",
    "SCAN", "MRI", "ANGIO", "ANGIOGRAPHY", "CONTRAST", "SEQUENCE", "SIGNAL", "PATIENTS",
    "SYMPTOMS", "FLARE", "RELAPSE", "DIAGNOSIS", "MEDS", "MEDICATION", "TREATMENT", "AND",
    "PLEASE", "NOW", "TODAY", "TOMORROW", "YESTERDAY", "HERE", "THERE", "NOT", "NO", "ON",
    "OFF", "WHO", "WHAT", "ONLY", "JUST", "ALSO", "STILL", "ALWAYS", "NEVER", "TOO",
    "RE", "PER", "CC", "FYI", "DOCTOR", "DOCTORS", "NURSE", "NURSES", "CLINIC", "TEAM", "GROUP",
    "STAFF",
})
"""Words after 'dr'/'ms'/'mr' that continue a sentence about the doctor or the disease."""


class CueFinder:
    """Finds names, phones and pages that a case-free cue marks (see the module docstring)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def find(self, text: str) -> list[Span]:
        """All cue spans of one text (unmerged)."""
        spans = self._titles(text)
        spans.extend(self._patients(text))
        spans.extend(self._introductions(text))
        spans.extend(self._relation_names(text))
        if " is " in text:
            spans.extend(self._child_ages(text))
        if not any(c.isupper() for c in text[:2000]):
            spans.extend(self._lower_pairs(text))
        spans.extend(self._facilities_before_units(text))
        spans.extend(self._capitalized_pairs(text))
        spans.extend(Span(m.start(), m.end(), PhiType.PHONE, "cue_spoken_phone", 0.9)
                     for m in _SPOKEN_PHONE.finditer(text))
        if _PAGE_HOST.search(text):
            spans.extend(Span(m.start(), m.end(), PhiType.URL, "cue_page", 0.9)
                         for m in _PAGE.finditer(text))
        return spans

    def _blocked(self, key: str) -> bool:
        lex = self.lexicon
        return (key in FUNCTION_WORDS or key in MONTH_WORDS or key in _NOT_AFTER_TITLE
                or lex.is_clinical(key) or key in lex.states
                or (key in words.unknown_stop() and not lex.is_name(key)))

    def _name_like(self, key: str) -> bool:
        """A dictionary name, or a word rare in English that no list calls a term."""
        if self._blocked(key):
            return False
        return self.lexicon.is_name(key) or (
            words.zipf(key) < _RARE and not words.is_english(key) and not words.term_shaped(key)
            and not words.near_english(key) and words.pronounceable(key))

    def _titles(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for match in _TITLE.finditer(text):
            first = fold(match.group(1))
            title = text[match.start():match.start(1)].strip().rstrip(".:")
            courtesy = title.upper() in ("MRS", "MISS") or (
                title.upper() in ("MR", "MS", "MX") and "." in text[match.start():match.start(1)])
            # after 'Mrs'/'Mr.' even a term is a surname ('mrs ng', 'Mr. Bell')
            if not (self._name_like(first) or (courtesy and self.lexicon.is_name(first)
                                               and first not in FUNCTION_WORDS)):
                continue
            if title.upper() in ("MS", "MR", "MX") and not text[match.start():match.start(1)] \
                    .rstrip().endswith(".") and (title.isupper() or words.zipf(first) >= 4.0):
                continue  # 'MS' and 'MR' name a disease and a scan; 'ms doctor' is no name
            end = match.end(1)
            if match.group(2) and self._name_like(fold(match.group(2))):
                end = match.end(2)
            spans.append(Span(match.start(1), end, PhiType.NAME, "cue_title", 0.85))
        return spans

    def _patients(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for match in _PATIENT.finditer(text):
            word = match.group(1)
            key = fold(word)
            if word.isupper() and not text.isupper():
                continue  # an abbreviation ('Patient SSN', 'pt ID')
            if len(key) < 2 or self._blocked(key) or not words.pronounceable(key) \
                    or words.term_shaped(key):
                continue
            known = self.lexicon.is_name(key) or ("-" in key and any(
                p in self.lexicon.last for p in key.split("-") if len(p) > 2))
            if known:
                # a dictionary surname that is no everyday word ('hassan', 'al-sayed')
                if words.zipf(key) >= _NAME_COMMON or ("-" not in key and words.is_english(key)):
                    continue
            elif words.zipf(key) >= _RARE or words.is_english(key) or words.near_english(key):
                continue  # clipped words ('eval', 'ambulating' misspelt) are no surname
            spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "cue_patient", 0.85))
        return spans

    def _introductions(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for match in _INTRO.finditer(text):
            parts = list(re.finditer(_W, match.group(2)))
            keys = [fold(p.group()) for p in parts]
            taken = 0
            for key in keys:
                if key in FUNCTION_WORDS or self.lexicon.is_clinical(key) \
                        or key in _NOT_AFTER_TITLE:
                    break  # months and seasons are given names here ('april', 'autumn rain')
                if taken and not (self._name_like(key) or key in self.lexicon.particles
                                  or key in MONTH_WORDS):
                    break
                taken += 1
            if not taken:
                continue
            if not match.group(1) and not self._name_like(keys[0]):
                continue
            base = match.start(2)
            spans.append(Span(base + parts[0].start(), base + parts[taken - 1].end(),
                              PhiType.NAME, "cue_intro", 0.85))
        return spans

    def _relation_names(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for match in _RELATION_NAME.finditer(text):
            key = fold(match.group(1))
            if key in _MODALS or key not in self.lexicon.first or self._blocked(key):
                continue
            spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "cue_relation", 0.85))
        return spans

    def _child_ages(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for match in _CHILD_AGE.finditer(text):
            key = fold(match.group(1))
            if key in _MODALS or key not in self.lexicon.first or self._blocked(key) \
                    or key in ("SHE", "HE", "IT", "WHO", "THAT", "THIS", "WHICH"):
                continue
            spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "cue_child_age", 0.8))
        return spans

    def _lower_pairs(self, text: str) -> list[Span]:
        """'need a letter for work: marcus bell': in text without capitals, a given name that is
        no everyday word followed by a dictionary surname."""
        spans: list[Span] = []
        lex = self.lexicon
        for match in _LOWER_PAIR.finditer(text):
            first, last = fold(match.group(1)), fold(match.group(2))
            if first not in lex.first or words.is_english(first) or words.zipf(first) >= 4.5 \
                    or self._blocked(first) or lex.is_clinical(first):
                continue
            if last not in lex.last or self._blocked(last) or last in lex.particles \
                    or words.zipf(last) >= 5.0:
                continue
            spans.append(Span(match.start(1), match.end(2), PhiType.NAME, "cue_lower_pair", 0.8))
        return spans

    def _facilities_before_units(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for match in _UNIT_AFTER_FACILITY.finditer(text):
            keys = [fold(w) for w in match.group(1).split()]
            if all(k in FUNCTION_WORDS or k in _GENERIC_CARE or k in _GENERIC or k in _SERVICES
                   or _SERVICE_END.search(k) for k in keys):
                continue
            spans.append(Span(match.start(1), match.end(1), PhiType.FACILITY, "cue_unit_facility",
                              0.85))
        return spans

    def _capitalized_pairs(self, text: str) -> list[Span]:
        """'Sathish Kulkarni': two capitalized words, one a dictionary name that is no English
        word, the other such a name too or a word no list holds (any origin's names)."""
        spans: list[Span] = []
        lex = self.lexicon
        for match in _CAPITALIZED_PAIR.finditer(text):
            if match.group(1).isupper() or match.group(2).isupper():
                continue
            keys = [fold(match.group(1)), fold(match.group(2))]
            # (the scanner's 'weak' list is not consulted: word frequency decides here)
            if any(lex.is_clinical(k) or k in lex.not_name or k in lex.places or self._blocked(k)
                   for k in keys):
                continue
            named = [self._dictionary_name(k) for k in keys]
            if not any(named) or not all(
                    n or self._unknown(k) for n, k in zip(named, keys, strict=True)):
                continue
            spans.append(Span(match.start(1), match.end(2), PhiType.NAME, "cue_name_pair", 0.8))
        return spans

    def _dictionary_name(self, key: str) -> bool:
        return self.lexicon.is_name(key) and words.zipf(key) < 4.0 and not words.is_english(key)

    @staticmethod
    def _unknown(key: str) -> bool:
        return (words.zipf(key) == 0.0 and not words.is_english(key)
                and not words.near_english(key) and words.pronounceable(key)
                and not words.term_shaped(key) and key not in words.unknown_stop())
