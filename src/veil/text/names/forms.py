"""Names in fixed written forms: 'LAST, FIRST' headers and table cells, lists joined by
'and', aliases and nicknames, possessives, typist and dictation initials, OCR damage, and
lower-case particles before a found name.

These forms are recognized by their layout rather than by a run's context, mostly around
names the other rules already found (`_aliases`, `_coordinated`, `_with_particles`).
"""

from __future__ import annotations

import re
from itertools import pairwise

from veil.text.lexicon import FUNCTION_WORDS as _TEXT_FUNCTION
from veil.text.lexicon import MONTH_WORDS, fold
from veil.text.names.base import _FinderBase, _ocr_reading
from veil.text.names.context import RELATION_WORD
from veil.text.names.tokens import (
    _CREDENTIALS,
    _FUNCTION_KEYS,
    _RUN_BREAKERS,
)
from veil.text.places.vocabulary import SPECIALTY_NOUN_END
from veil.text.regex_lead import fast_compile
from veil.text.spans import PhiType, Span
from veil.text.words import is_english, name_shaped, term_shaped

_HEADER_NAME = re.compile(
    r"(?m)^[ \t]*(?:(?i:(?:patient|pt|member|subscriber|decedent)(?:[ \t]+name)?|(?:resident|"
    r"client|student|employee|insured)[ \t]+name|name|re)[ \t]*:?[ \t]+)?"
    r"([A-Z][A-Za-z'’\-]+,[ \t]*"
    r"[A-Z][A-Za-z'’\-]{2,}(?:[ \t]+[A-Z]\.?)?)(?=[ \t]{2,}|[ \t]+(?:DOB|MRN|[0-9(])|[ \t]*$)")
"""'SMITH, JOHN  123456  Rm 4B', 'Patient Weiss, Cindy DOB ...', 'PT NAME: DOE, JANE A   MRN':
a 'Last, First' header."""
_POSSESSIVE = fast_compile(
    r"(?<![A-Za-z'’\-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)['’]s\s+(?:(?:latest|last|recent|new|"
    r"current|repeat|old|morning|daily|home|blood|pain|fever|heart|kidney|liver|thyroid|"
    r"sugar|glucose|lab|imaging)\s+)?(?i:labs?|results?|scans?|ct|mri|x-?rays?|xr|us|"
    r"ultrasound|echo|ekg|ecg|wbc|hgb|hemoglobin|hba1c|a1c|inr|troponin|potassium|sodium|"
    r"creatinine|cr|tsh|bp|pressure|levels?|numbers|meds|medications?|pills|insulin|dose|"
    r"appointment|appt|visit|doctor|nurse|pcp|surgeon|oncologist|chart|records?|biopsy|"
    r"surgery|pain|fever|cough|rash|symptoms|wound|incision|swelling|readings?|vitals|"
    r"weight|temperature|temp|diet|therapy|infusion|chemo|dialysis|stent|pacemaker|"
    r"referral|prescription|refill|insurance|test|tests|panel|culture|swab|urine|stool|"
    r"sugars?|glucose|counts?)"
    r"(?![A-Za-z])")
"""A possessive before a word for results or care: the owner is a person."""
_APOSTROPHE_S = re.compile(r"['’]s(?![A-Za-z])")
_POSSESSIVE_ANY = re.compile(r"(?<![A-Za-z'’\-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)$")
"""Any possessive: the owner is a person when the word is unknown to every list and stands
in mid-sentence ('met Vakalahi's family')."""
_CELL_NAME = re.compile(r"(?:^|\|)[ \t]*([A-Z][^\W\d_'’\-]+(?:[-'’][^\W\d_]+)?,[ \t]*"
                        r"[A-Z][^\W\d_'’\-]+(?:[ \t]+[A-Z]\.?)?)[ \t]*(?=\|)", re.MULTILINE)
_CELL_INITIAL = re.compile(r"(?:^|\|)[ \t]*([A-Z][^\W\d_'’\-]{2,}(?:-[A-Z][^\W\d_]+)?)[ \t]+"
                           r"([A-Z]\.?)[ \t]*(?=\|)", re.MULTILINE)
"""'| Kowalska J |': a surname and an initial alone in a table cell."""
_COORDINATED = re.compile(r"[ \t]+(?:and|&|or)[ \t]+([A-Z][a-z'’]+)(?![A-Za-z'’\-])")
_PARALLEL_ITEM = re.compile(
    r"(?P<tail>[ \t]*(?:[0-9]{1,3}(?![0-9/:.,][0-9])|\([^()\n]{1,40}\)))[ \t]*(?:,|;|and|&|or)"
    r"[ \t]*(?:and[ \t]+|&[ \t]+)?(?P<name>[A-Z][a-z'’]+)"
    r"(?P<next>[ \t]*(?:[0-9]{1,3}(?![0-9/])(?=[ \t]*(?:[,;)]|and\b|&|$))|\((?![ \t]*(?i:score|"
    r"disease|syndrome|inhibitor|sign|test|stage|class|grade|criteria|type)\b)))")
"""The next item of a list of people with the same tail ('Tony 31, Maya 28', 'Maddie (in
Madison) and Cole (in Duluth)', 'Corbin (41, Fort Dodge) and Jessa (36, ...)')."""
_COORDINATED_BEFORE = re.compile(r"(?<![A-Za-z'’\-])([A-Z][a-z'’]+)[ \t]+(?:and|&)[ \t]+$")
"""'Tsiory and Mosese Vakalahi': an unknown word joined to a found name before it."""
_DICTATION_INITIALS = re.compile(
    r"(?m)(?<![A-Za-z0-9/])([A-Za-z]{2,3}/(?:[a-z]{2,3}|[A-Z]{2,3}))"
    r"(?=[ \t]*(?:$|D:|T:|DD:|DT:|d:|t:|cc:))")
"""Dictation initials ('KM/ts', 'RLB/JH') at the end of a report, before 'D:'/'T:' stamps."""
_INITIALS_BEFORE = re.compile(r"(?:^|\n|\.)[ \t]*$")
_TYPIST_LABEL = re.compile(r"transcr|trans\b|typ(?:ed|ist)|dict|d/t|t/d|scribe")
"""Where a typist label may start, searched in the lower-cased text (a fast literal scan)."""
_BARE_TRANS = re.compile(r"(?i:trans)[ \t]+[A-Za-z]")
"""'trans' with no colon, dot, dash or 'by' before the letters: the adjective ('trans man')."""
_TYPIST = re.compile(
    r"(?i:\b(?:transcribed|transcriptionist|transcr|trans|typed|typist|dictated|dict|"
    r"dictation|d/t|t/d|scribe)\b\.?(?:[ \t]+by)?[ \t]*[:\-]?[ \t]*)"
    r"([A-Za-z]{2,3}(?:/[A-Za-z]{2,3})?)(?![A-Za-z0-9/])")
"""Typist and dictation initials after their label ('Transcribed: KM/ts', 'transcr. by ab')."""
_INITIALS_LOWER = re.compile(r"/([a-z]{2,3})(?![A-Za-z0-9/])|(?<=[A-Z]{2})/[ \t]([a-z]{2,3})"
                             r"(?=[ \t]*\))")
"""'RLB/jh' anywhere; 'VC/ tlm' with a blank only inside the brackets of a signature."""
_INITIALS_UPPER = re.compile(r"(?<![A-Za-z0-9/.])([A-Z]{2,3})$")
"""Dictator/typist initials anywhere ('... in cassette 2. RLB/jh'), units and clinical
abbreviations excluded ('IU/ml', 'BP/hr')."""
_UNIT_WORDS = frozenset({
    "ML", "DL", "HR", "HRS", "MIN", "KG", "MG", "DAY", "WK", "MO", "YR", "MCG", "SEC", "HPF",
    "LPF", "MM", "CM", "LB", "OZ", "UL", "MOL", "MEQ", "IU", "DOSE", "TAB", "CAP", "QD", "BID",
    "TID", "PRN", "NEG", "POS", "WNL", "OK", "NA", "ND", "NT", "HX", "DAYS", "WKS", "YRS",
    "MOS", "MMOL", "NG", "PG", "FL", "GM", "KCAL", "CC", "TSP", "TBS", "AMP", "VOL", "AND",
    "OR", "NOT", "YES", "NO", "PER", "ADD", "MAX", "AVG", "SEE", "REF",
})
_NICK_INSIDE = fast_compile(
    r"(?<![A-Za-z'’\-])([A-Z][a-z'’\-]+)[ \t]+(?:[\"“'‘(]{1,2}[ \t]*)([A-Z][a-z]+)"
    r"(?:[ \t]*[\"”'’)]{1,2})[ \t]+([A-Z][a-z'’\-]+)(?![A-Za-z])")
"""'Tsiory "Tsi" Randrianasolo', 'Mosese (“Moss”) Vakalahi': a nickname between names."""
_PARTICLES_BEFORE = fast_compile(
    r"(?i:\b(?:dr|mr|mrs|ms|prof|doctor)\.?)[ \t]+((?:(?:de|del|della|van|der|den|von|da|di|du|"
    r"dos|das|le|la|bin|ibn|al|el|ten|ter|y)[ \t]+){1,3})$")
"""Particles written in lower case between a title and a surname ('Dr. de la Vega')."""
_JOINING_PARTICLE = re.compile(r"[ \t]+(?:St[e]?\.?|Sainte?|SAINTE?|STE?\.?|de|du|des|la|le|"
                               r"van|von|der|den|da|di|dos|das|y)[ \t]+")
"""A particle between two found names of one person ('Ste.' of 'Rebecca Ste. Marie')."""
_DIT_AFTER = re.compile(r"[ \t]+dite?[ \t]+([A-Z][A-Za-zÀ-ÿ'’\-]+)")
_DIT_BEFORE = re.compile(r"((?:[A-Z][A-Za-zÀ-ÿ'’\-]*\.?[ \t]+){0,2}[A-Z][A-Za-zÀ-ÿ'’\-]+)"
                         r"[ \t]+dite?[ \t]+$")
"""A French 'dit' name: a family's alias surname after 'dit' ('Bouchard dit Lavallée')."""
_OCR_RUN = re.compile(r"[A-Z][A-Za-z01]{1,30}(?:[ \t]*,?[ \t]*[A-Z][A-Za-z01]{1,30}){0,2}"
                      r"(?![A-Za-z0-9])")
_OCR_DIGIT = re.compile(r"[A-Za-z][01]|[01][A-Za-z]")
"""A capitalized run where 0/1 stand for O/l (OCR), and the test for a digit inside letters."""
_ALIAS_AFTER = re.compile(r"[ \t]*[(\"“'‘]{1,2}[ \t]*([A-Z][a-z]+(?:['’\-][A-Za-z]+)*"
                          r"(?:[ \t]+[A-Z][a-z]+(?:['’\-][A-Za-z]+)*)?)[ \t]*[)\"”'’]{1,2}"
                          r"(?![A-Za-z])")

_SURNAME_TAIL = re.compile(r"(?:[ ][A-Z][a-z'’]+){1,3}")
"""Up to three capitalized words right after a found given name ('Tristan Her Many
Horses', 'Jaylen Takes The Gun', 'Shaylee Bird In Ground')."""
_TAIL_STOP = re.compile(r"[ \t]{2,}|[ \t]*(?:[,.;)(\n]|$)|['’]s(?![A-Za-z])|[ \t]+[a-z0-9(]")
"""Where a name ends in a line: a column gap, punctuation, a possessive, a lower-case word
or a number (not a colon: 'Name: Jo Ames Date: ...' ends before the label)."""
_SURNAME_PARTICLES = frozenset({"HER", "HIS", "THE", "IN", "ON", "NOT"})
"""Small words inside Plains and other compound surnames, never at their end."""
_NOT_SURNAME = frozenset({
    "HOSPITAL", "CLINIC", "CENTER", "CENTRE", "HEALTH", "MEDICAL", "MEDICINE", "CARE",
    "DEPARTMENT", "DEPT", "OFFICE", "SERVICES", "SERVICE", "GROUP", "PRACTICE", "PROGRAM",
    "TEAM", "UNIT", "SCHOOL", "UNIVERSITY", "COLLEGE", "COUNTY", "FAMILY", "PEDIATRICS",
    "INTERNAL", "EMERGENCY", "URGENT", "PHARMACY", "ASSOCIATES", "PARTNERS", "FEMALE",
    "MALE", "PATIENT", "PHYSICIAN", "NURSE", "ATTENDING", "RESIDENT", "FELLOW", "INTERN",
    "PRESENT", "AVAILABLE", "REACHABLE", "ANSWER", "UNKNOWN", "PENDING", "REGISTRATION",
    "VISIT", "CALL", "CAREGIVER", "LAB", "TYPE", "INPATIENT", "OUTPATIENT", "TELEHEALTH",
    "DEMENTIA", "STROKE", "DIABETES", "DIABETIC", "PRIMARY", "NO", "ONE", "TWO", "ROOM",
    "DECEASED", "ALIVE", "WELL", "STABLE", "ABSENT", "BEDSIDE", "NOTIFIED", "UPDATED",
    "REGIONAL", "MEMORIAL", "GENERAL", "COMMUNITY", "PARTNERSHIP", "INSTITUTE",
    "FOUNDATION", "ASSOCIATION", "NETWORK", "SYSTEM", "CANCER", "CHILDREN'S", "CHILDRENS",
    "SIGNED", "ELECTRONICALLY", "REVIEWED", "DICTATED", "MONDAY", "TUESDAY", "WEDNESDAY",
    "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "TODAY", "TOMORROW", "YESTERDAY",
})
"""Words of a department, a role, a status, an illness or a day that may follow a name in a
heading, never a surname's part ('Dr. Ann Lee Family Practice', 'Jo Ames Attending', 'Son Mark
Not Present', 'Grandmother Mae Stroke')."""


class _Forms(_FinderBase):
    """Finds names by their written form."""

    def _compound_surnames(self, text: str, spans: list[Span], strong: set[int]) -> list[Span]:
        """A given name found after strong context (a label, a relation, a title) takes the
        capitalized words after it to the end of its clause: compound surnames made of
        everyday words ('Name: Tristan Her Many Horses', 'grandmother Evangeline Pretty On
        Top', 'Worker: Alicia Leader Charge, BSW'), which the word-by-word rules stop at."""
        lex = self.lex
        out: list[Span] = []
        for span in spans:
            if span.type is not PhiType.NAME or span.start not in strong:
                continue
            if "," in text[span.start:span.end]:
                continue  # 'Cristiani, Providence Regional': a list, not one name
            first = fold(text[span.start:span.end].split()[0].strip(".,"))
            if first not in lex.first or first in lex.states:
                continue  # 'Montana Healthcare Programs': a state's agency, not Montana X
            tail = _SURNAME_TAIL.match(text, span.end)
            if not tail:
                continue
            ends = [span.end + m.end() for m in re.finditer(r"[A-Za-z'’]+", tail.group())]
            keys = [fold(w) for w in tail.group().split()]
            for count in range(len(keys), 0, -1):
                used = keys[:count]
                if used[-1] in _SURNAME_PARTICLES or not _TAIL_STOP.match(text, ends[count - 1]):
                    continue
                if all(k in _SURNAME_PARTICLES or (
                        k not in _RUN_BREAKERS and k not in _NOT_SURNAME
                        and k.removesuffix("S") not in _NOT_SURNAME and k not in MONTH_WORDS
                        and k not in _CREDENTIALS and k not in lex.titles
                        and k not in lex.states and not lex.is_clinical(k)
                        and not SPECIALTY_NOUN_END.search(k)) for k in used):
                    out.append(Span(span.start, ends[count - 1], PhiType.NAME,
                                    "name_compound", span.score))
                break
        return out

    def _with_particles(self, text: str, spans: list[Span]) -> list[Span]:
        """'Dr. de la Vega', 'Mr. van der Berg': lower-case particles between a title and a
        found name belong to the name."""
        out: list[Span] = []
        for span in spans:
            if span.type is PhiType.NAME and span.start > 3:
                match = _PARTICLES_BEFORE.search(text, max(0, span.start - 30), span.start)
                if match:
                    span = Span(match.start(1), span.end, span.type, span.source, span.score)
            out.append(span)
        return out

    def _joined_by_particle(self, text: str, spans: list[Span]) -> list[Span]:
        """'Bouchard dit Lavallée', 'Rebecca Ste. Marie', 'Fournier dit Préfontaine': a
        particle between two found names, or a French 'dit' name (an alias surname joined by
        'dit') beside one found name, make one name."""
        names = sorted((s for s in spans if s.type is PhiType.NAME), key=lambda s: s.start)
        out: list[Span] = []
        for left, right in pairwise(names):
            if 0 < right.start - left.end <= 12 and _JOINING_PARTICLE.fullmatch(
                    text, left.end, right.start):
                out.append(Span(left.start, right.end, PhiType.NAME, left.source, left.score))
        if " dit" in text:
            for span in names:
                after = _DIT_AFTER.match(text, span.end)
                if after and fold(after.group(1)) not in self.lex.last:
                    after = None  # 'Tremblay dit Non', 'Julie dit Maman': the verb 'says'
                before = _DIT_BEFORE.search(text, max(0, span.start - 60), span.start)
                if before and fold(text[span.start:span.end].split()[0]) not in self.lex.last:
                    before = None
                start = before.start(1) if before else span.start
                for word in re.finditer(r"[^ \t]+", text[start:span.start]):
                    if fold(word.group()) not in self.lex.titles:
                        break
                    start = min(span.start, start + word.end() + 1)  # 'Mr.' stays out
                end = after.end(1) if after else span.end
                if (start, end) != (span.start, span.end):
                    out.append(Span(start, end, PhiType.NAME, span.source, span.score))
        return out

    def _ocr_names(self, text: str, strong: set[int]) -> list[Span]:
        """Scanned records with OCR damage ('R0DRIGUEZ, MAR1A' after 'Patient:'): after
        strong context, one to three capitalized words where a digit 0 or 1 stands inside
        the letters of at least one of them (the letter reading is a name shape)."""
        if "0" not in text and "1" not in text:
            return []
        spans: list[Span] = []
        for end in strong:
            if end >= len(text) or not text[end].isupper():
                continue
            match = _OCR_RUN.match(text, end)
            if not match or not _OCR_DIGIT.search(match.group()):
                continue
            stop = match.start()
            words: list[str] = []
            for word in re.finditer(r"[^ \t,]+", match.group()):
                if fold(word.group()) in _RUN_BREAKERS:
                    break  # 'R0DRIGUEZ, MAR1A  DOB ...': the label ends the name
                words.append(word.group())
                stop = match.start() + word.end()
            readable = [_ocr_reading(w, self.lex) for w in words]
            damaged = [r for w, r in zip(words, readable, strict=True) if w != r]
            lex = self.lex
            if any(lex.is_clinical(fold(w)) for w in words):
                continue  # "my son's HbA1c": a lab's name with its digit, no OCR damage
            if words and damaged and all(len(r) >= 4 for r in damaged) and all(
                    r.isalpha() and name_shaped(r.capitalize()) and len(r) >= 2
                    and not lex.is_clinical(fold(r)) and not term_shaped(fold(r))
                    and (fold(r) in lex.first or fold(r) in lex.last or not is_english(fold(r)))
                    for r in readable):
                spans.append(Span(match.start(), stop, PhiType.NAME, "name_ocr", 0.92))
        return spans

    def _nicknames(self, text: str) -> list[Span]:
        """A nickname in quotes or brackets between a given name and a surname, each a
        dictionary name or a word no list knows (none clinical or an everyday word)."""
        lex = self.lex
        spans: list[Span] = []
        for match in _NICK_INSIDE.finditer(text) if ('"' in text or "“" in text or "(" in text
                                                     or "'" in text) else ():
            words = (match.group(1), match.group(3))
            if all(self._unknown(w, fold(w)) or (lex.is_name(fold(w)) and not lex.blocks_alone(
                    fold(w))) for w in words):
                spans.append(Span(match.start(1), match.end(3), PhiType.NAME, "name_nickname",
                                  0.8))
        return spans

    def _initials(self, text: str) -> list[Span]:
        """Typist initials after a transcription label, and 'RLB/jh' pairs anywhere whose
        halves are no unit or clinical abbreviation."""
        lex = self.lex
        spans: list[Span] = []
        for slash in _INITIALS_LOWER.finditer(text):
            lower = fold(slash.group(1) or slash.group(2))
            if lower in _UNIT_WORDS:
                continue
            upper_match = _INITIALS_UPPER.search(text, max(0, slash.start() - 3), slash.start())
            if not upper_match:
                continue
            upper = upper_match.group(1)
            if upper in _UNIT_WORDS or lex.is_clinical(upper) or upper in _TEXT_FUNCTION \
                    or upper in self._stop or upper in lex.states or upper in _CREDENTIALS:
                continue
            spans.append(Span(upper_match.start(1), slash.end(), PhiType.NAME, "name_initials",
                              0.75))
        lowered = text.lower()
        for label in _TYPIST_LABEL.finditer(lowered):
            match = _TYPIST.match(text, label.start())
            if not match:
                continue
            value = match.group(1)
            key = fold(value)
            if _BARE_TRANS.match(text, label.start()) and "/" not in value and is_english(key):
                continue  # 'a trans man', 'trans women': a word, no typist's label ('trans jmr')
            if "/" not in value and (key in _TEXT_FUNCTION or key in _FUNCTION_KEYS
                                     or key in lex.titles or key in _CREDENTIALS
                                     or key in _UNIT_WORDS or key in lex.suffixes):
                continue
            spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "name_initials", 0.8))
        return spans

    def _possessive(self, text: str) -> list[Span]:
        """'Is Dagny's potassium ok?', "Temitope's scans": a capitalized word in mid-sentence
        with a possessive before a word for a patient's results, care or body is a person,
        unless it is an eponym, a clinical word, a month, a place word or a function word."""
        lex = self.lex
        spans: list[Span] = []
        for match in _POSSESSIVE.finditer(text):
            word = match.group(1)
            key = fold(word)
            if not self._usable(key) or key in lex.eponyms or key in lex.places \
                    or key in lex.titles or (word.isupper() and len(word) <= 4) \
                    or RELATION_WORD.fullmatch(word):
                continue
            before = text[max(0, match.start(1) - 3):match.start(1)]
            if re.search(r"(?:^|[.!?\n]\s*)$", before) and not lex.is_name(key) \
                    and not self._unknown(word, key):
                continue  # a capital at a sentence start is no evidence
            spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "name_possessive", 0.75))
        for apostrophe in _APOSTROPHE_S.finditer(text):
            owner = _POSSESSIVE_ANY.search(text, max(0, apostrophe.start() - 40),
                                           apostrophe.start())
            if not owner:
                continue
            word = owner.group(1)
            if self._unknown(word, fold(word)) and not re.search(
                    r"(?:^|[.!?:;\n\-*•]\s*)$", text[max(0, owner.start(1) - 3):owner.start(1)]):
                spans.append(Span(owner.start(1), owner.end(1), PhiType.NAME, "name_possessive",
                                  0.7))
        return spans

    def _coordinated(self, text: str, spans: list[Span]) -> list[Span]:
        """'his daughters Faith and Joy', 'Dr. Ames or Dr. Lowe': a dictionary given name
        joined by 'and'/'or'/'&' to a name found by context is a name too, even when it is
        an everyday word; a word no list knows joined to any found name is one too ('Dr.
        Abara and Vakalahi', 'Tsiory and Mosese Vakalahi')."""
        extra: list[Span] = []
        lex = self.lex
        for span in [*spans, *self._parallel_items(text, spans)]:
            if span.type is not PhiType.NAME:
                continue
            if span.source == "name_item":
                extra.append(span)
            match = _COORDINATED.match(text, span.end)
            if match:
                word = match.group(1)
                key = fold(word)
                if (span.source == "name_context" and key in lex.first
                        and not lex.is_clinical(key) and key not in MONTH_WORDS
                        and key not in _TEXT_FUNCTION) or self._unknown(word, key):
                    extra.append(Span(match.start(1), match.end(1), PhiType.NAME, "name_and",
                                      0.8))
            before = _COORDINATED_BEFORE.search(text, max(0, span.start - 40), span.start)
            if before and self._unknown(before.group(1), fold(before.group(1))):
                extra.append(Span(before.start(1), before.end(1), PhiType.NAME, "name_and", 0.75))
        return extra

    def _parallel_items(self, text: str, spans: list[Span]) -> list[Span]:
        """Items of a list of people after a found name, written the same way: each a given
        name of the dictionary (an everyday word too: 'Maya', 'Cole') or a word no list
        knows, followed by an age or a bracket as the found name is ('Tony 31, Maya 28')."""
        lex = self.lex
        found: list[Span] = []
        queue = [s for s in spans if s.type is PhiType.NAME]
        while queue and len(found) < 64:
            span = queue.pop()
            match = _PARALLEL_ITEM.match(text, span.end)
            if not match or match.group("tail").strip()[:1].isdigit() != match.group(
                    "next").strip()[:1].isdigit():
                continue
            word = match.group("name")
            key = fold(word)
            if key in lex.eponyms or lex.is_clinical(key):
                continue  # 'Emma 14, Tanner 4', 'Mary (68), Graves (disease)'
            if (key in lex.first and key not in MONTH_WORDS
                    and key not in _TEXT_FUNCTION and key not in lex.states) \
                    or self._unknown(word, key):
                item = Span(match.start("name"), match.end("name"), PhiType.NAME, "name_item",
                            0.8)
                found.append(item)
                queue.append(item)
        return found

    def _table_cells(self, text: str) -> list[Span]:
        """'| Okafor, Chidi |': a 'Last, First' table cell with a dictionary name in it and
        no clinical word ('| Hypertension, Essential |' stays)."""
        if "|" not in text:
            return []
        lex = self.lex
        spans: list[Span] = []
        for match in _CELL_NAME.finditer(text):
            keys = [fold(w) for w in re.findall(r"[^\W\d_][^\W\d_'’\-]*", match.group(1))]
            if keys and any(lex.is_name(k) for k in keys) and all(
                    self._usable(k) or len(k) == 1 for k in keys):
                spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "name_cell", 0.85))
        for match in _CELL_INITIAL.finditer(text):
            key = fold(match.group(1))
            if (lex.is_strong_name(key) and self._usable(key)) or self._unknown(
                    match.group(1), key):
                spans.append(Span(match.start(1), match.end(2), PhiType.NAME, "name_cell", 0.8))
        return spans

    def _aliases(self, text: str, spans: list[Span]) -> list[Span]:
        """A nickname or a surname in brackets or quotes right after a found name:
        'Theodore Blackwood (Teddy)', 'Ana "Nena" Ruiz', 'her son Miles (Okonkwo)'."""
        extra: list[Span] = []
        for span in spans:
            if span.type is not PhiType.NAME:
                continue
            match = _ALIAS_AFTER.match(text, span.end)
            if not match:
                continue
            keys = [fold(w) for w in match.group(1).split()]
            if all(self._usable(k) for k in keys):
                extra.append(Span(match.start(1), match.end(1), PhiType.NAME, "name_alias", 0.85))
        return extra
