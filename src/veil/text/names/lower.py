"""Names written in lower case (chat, portal messages, quick notes).

Case is no evidence here, so only context counts: a title ('dr okafor'), a name label
('pt name: ana reyes'), a relation ('my daughter tsiory', 'paris jordan (daughter)'), a
self-introduction ('hi its maria', 'bea here'), 'call ... 405...', a sign-off, 'pt ...',
a birth-date label after the name, or a communication verb ('spoke w okafor').
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from veil.text.fields import ROLE_PERSON
from veil.text.lexicon import FUNCTION_WORDS as _TEXT_FUNCTION
from veil.text.lexicon import MONTH_WORDS, fold
from veil.text.names.base import _FinderBase, lex_first_weak
from veil.text.names.context import (
    _CLAUSE_GOES_ON,
    _PLURAL_RELATION_BEFORE,
    _RELATION,
    _RELATION_BEFORE,
    CHILD_WORDS,
)
from veil.text.names.tokens import _ASIAN_SURNAMES, _LOWER_STOP, _LOWER_WORD
from veil.text.regex_lead import FastRegex, fast_compile
from veil.text.spans import PhiType, Span
from veil.text.words import is_english, near_english, pronounceable, term_shaped, zipf

_CHILD_BEFORE = re.compile(r"(?i:\b" + CHILD_WORDS + r")\s*$")
_EVERYDAY_NAME = 4.0
_TOO_COMMON = 5.25
_ROLE_FOLLOWERS = frozenset({"PAGE", "SOON", "CALL", "NOTE", "REPORT", "AWARE", "ORDER",
                             "CHECK", "LONG", "RISK", "FALL", "CODE", "STAT", "TODAY", "NIGHT",
                             "DAY", "SHIFT", "STATION", "DESK", "VISIT", "PHONE"})
"""Words that follow a care role as the word they are ('rn page at 2200', 'pharmacist soon')."""
"""Zipf frequency from which a lower-case word after a care role is the word, unless the
list of everyday-word given names holds it ('summer', 'destiny'; not 'said', 'soon')."""

_INTRO = fast_compile(r"(?i:\b(?:my\s+name\s+is|name's|i\s+am|i'm|im|its|it's|this\s+is)\s+)"
                    r"([a-z][a-z'’\-]+)(?:[ \t]+([a-z][a-z'’\-]+))?")
_AGE_AFTER_INTRO = re.compile(r",[ \t]*(?:[1-9][0-9]?|1[01][0-9])(?:[ \t]*(?:yo|y/o|f|m))?"
                              r"[ \t]*[,.;!]")
"""", 19," after a self-introduction: the word before is a name, whatever it means."""
_NOT_INTRODUCED = frozenset({"ONLY", "JUST", "NOW", "ALMOST", "NEARLY", "TURNING", "ABOUT",
                             "OVER", "UNDER", "AGED", "AGE", "LIKE", "SO", "HERE", "SORRY",
                             "PREGNANT", "MALE", "FEMALE", "DIABETIC", "OLD", "YOUNG"})
"""Words that stand before an age without being a name ("i'm only, 19," is no one's)."""
_LOWER_TITLED = fast_compile(r"(?<![A-Za-z])(dr\.?|mrs\.?|mr\.?|doctor|prof\.?|professor)"
                           r"[ \t]+([a-z][a-z'’\-]+)(?:[ \t]+([a-z][a-z'’\-]+))?")
"""'dr okafor', 'mrs lee' in lower case (the title itself in lower case too)."""
_LOWER_TITLED_INITIAL = fast_compile(
    r"(?<![A-Za-z])(?:[Dd]r|[Mm]rs|[Mm]r|[Mm]s|[Pp]rof|[Pp]rofessor|[Dd]octor)(?:\.[ \t]*|[ \t]+)"
    r"([a-z]\.[ \t]*[a-z][a-z'’\-]+)(?![A-Za-z0-9])")
"""A title, a dotted initial and a lower-case word ('prof. t. rasmussen-kyle', 'dr j. oakes');
the title as written in prose (not 'MR.' or 'MS.', mitral regurgitation, multiple sclerosis)."""
_LATIN_ENDING = re.compile(r"(?:US|AE|II|IS|UM|ANS|ENS|OSA|ICA|IDIS|ILIS|ARIS|ALIS|ATA|ITA)$")
"""Endings of a species' epithet after a genus's initial ('s. aureus', 'e. faecalis',
'k. pneumoniae', 'c. albicans', 't. gondii'): an organism, unless the surname lists hold
the word ('dr. r. lewis', 'dr. m. zapata')."""
_EPITHETS = frozenset({"COLI", "PYLORI", "JEJUNI", "TYPHI", "DIFFICILE", "BURGDORFERI", "CRUZI"})
"""Epithets without such an ending ('e. coli', 'h. pylori', 'c. difficile')."""
_LOWER_LABEL = fast_compile(r"(?i:\b(?:pt|patient|pt's|patient's|full|legal|preferred)\s+name"
                          r"\s*(?:is|:|-|=)\s*|\b(?:name|from|caller|sender)\s*:\s*)(?=[a-z])")
_PERSON_LABELS = (
    "patient", "pt", "resident", "client", "member", "subscriber", "guarantor", "insured",
    "signed", "signed by", "attending", "surgeon", "rn", "md", "np", "lpn", "nurse",
    "provider", "physician")
"""The labels of a person's field whose lower-case value is read generously (a list word)."""
_PERSON_FIELD_WORDS = tuple(sorted(ROLE_PERSON | {
    "policyholder", "cosigned by", "pa", "player", "student", "caller", "contact",
    "emergency contact", "supervisor", "manager", "coordinator", "sponsor", "pi",
    "technician", "tech", "therapist", "pharmacist", "dentist", "midwife", "interpreter",
    "caregiver", "guardian", "witness", "scribe", "reviewer", "informant", "proxy",
    "applicant", "claimant", "requester", "requestor", "donor", "recipient", "visitor",
    "crew member", "captain", "pilot", "mentor", "advisor", "adviser", "landlord", "roommate",
    "teammate", "coworker", "co-worker"} - set(_PERSON_LABELS)))
"""More person nouns that label a field holding one person's name (the role words of a
table's person column, `veil.text.fields.ROLE_PERSON`, and more); as often they hold a role
or a word ('Chaplain: faith based support', 'Tech: max inspiration'), so their lower-case
value needs a word that reads as a name by itself (`_name_by_itself`)."""
_PERSON_WORDS = frozenset(w for w in (*_PERSON_LABELS, *_PERSON_FIELD_WORDS) if " " not in w
                          ) | frozenset({"friend", "neighbor", "neighbour", "cousin", "nephew",
                                         "niece"})
_TRADE_NOUNS = frozenset({
    "rigger", "drummer", "guitarist", "bassist", "singer", "vocalist", "keyboardist", "grip",
    "gaffer", "electrician", "carpenter", "mechanic", "cook", "chef", "clerk", "nanny",
    "intern", "barista", "roadie", "welder", "plumber", "roofer", "farmer", "rancher", "miner",
    "trucker", "teacher", "janitor", "custodian", "cashier", "bartender", "server", "waiter",
    "waitress", "dancer", "actor", "actress", "stuntman", "stuntwoman", "producer", "director",
    "engineer", "operator", "foreman", "laborer", "labourer", "housekeeper", "landscaper",
    "groundskeeper", "lifeguard", "firefighter", "cop", "soldier", "sailor", "fisherman",
    "deckhand", "guard", "dispatcher", "courier", "roommate", "housemate", "boyfriend",
    "girlfriend", "fiance", "fiancee", "stepson", "stepdaughter", "grandson", "granddaughter"})
"""Nouns of a trade or a household role before a person's lower-case name ('rigger pete
sorensen'): the words themselves, never a shape (an '-er' adjective such as 'superior'
stands before 'vena cava')."""


def _alternation(words: Iterable[str]) -> str:
    """Words as a regex alternation, longest first, a space matching spaces and tabs."""
    return "|".join(w.replace(" ", r"[ \t]+") for w in sorted(words, key=len, reverse=True))


def _label_pattern(words: Sequence[str]) -> FastRegex:
    return fast_compile(r"(?i:\b(?:" + _alternation(words) + r")[ \t]{0,8}:[ \t]{0,8})(?=[a-z])")


_LOWER_PERSON_LABEL = _label_pattern(_PERSON_LABELS)
_LOWER_ROLE_LABEL = _label_pattern(_PERSON_FIELD_WORDS)
"""A field label for a person, then lower-case words ('pt: mcallister-yoon, grace',
'signed: tran, quoc-bao MD', 'patient: kyle t. brandenburg', 'wound RN: s. abernathy',
'athlete: marquis d. fontenot'); `_lower_labelled_person` reads the words."""
_POSSESSIVE_END = re.compile(r"['’]s?$")
_EVERYDAY_VALUE = 3.2
"""Zipf from which a word of the English lists after a role's label may be that word ('faith',
'max', 'gene', 'chase', 'bill' are names too), whatever the name lists say."""
_RARE_NAME_ZIPF = 3.6
"""Zipf below which a word no English list holds is rare enough to be a surname ('mendoza'
3.2; not 'kyle', 'jane', 'uber')."""
_NOT_PERSON_PARTS = frozenset({"SELF", "PAY", "POST", "PRE", "DAY", "NONE", "UNKNOWN", "SAME",
                               "HOME", "NEW", "OLD", "WALK", "CASH", "PRIVATE"})
"""Words a field value is made of that no name is ('pt: self-pay', 'pt: post-op day 2')."""
_LOWER_TAIL = re.compile(r"[ \t]([a-z](?:[a-z'’\-]*[a-z])?)(?:\.(?=[ \t\n]|$))?(?![A-Za-z0-9/'’@])")
"""One more lower-case word right after a lower-case name (an initial may take a period)."""
_CLAUSE_ENDS = r"$|\n|[,;:)(\]]|--"
_INITIAL_CLOSES = re.compile(r"\.?(?:[ \t]*(?:" + _CLAUSE_ENDS + r")|[ \t]{2,}|\t|"
                             r"[ \t]+(?:ext|x)\b)")
"""An initial ends the name: a line end, punctuation, a bracket, a wide gap or an extension
('kendra w    Tues 3/18', 'brittany k ext 224'), never a number ('leo x 2 days')."""
_TAIL_CLOSES = re.compile(r"\.?(?:[ \t]*(?:" + _CLAUSE_ENDS + r"|[0-9])|[ \t]{2,}|\t|"
                          r"[ \t]+(?:ext|x)\b)")
"""The clause ends after a word: as for an initial, or a number ('riley tsosie, 22M')."""
_RARE_TAIL = 3.0
"""Zipf below which a word after a lower-case name is rare enough to be its surname."""
_TAILED_SOURCES = frozenset({"name_lower_relation", "name_lower_label", "name_lower_intro",
                             "name_intro", "name_lower_pt",
                             "name_lower_person", "name_lower_role", "name_context",
                             "name_dictionary", "name_shape"})
"""Sources of lower-case names found by their context (a label, a relation, a title)."""
_LOWER_NAME_TOKEN = re.compile(r"[a-z](?:[a-z'’\-]*[a-z])?\.?")
_LOWER_RELATION = re.compile(
    r"(?<![A-Za-z'’])([a-z]{2,}(?:[ \t][a-z]{2,})?)[ \t]*\("
    r"(?:(?:my|his|her|their|pt'?s|the\s+pt'?s|patient'?s)[ \t]+)?"
    r"(?:" + _RELATION + r")(?![A-Za-z])"
    r"(?:[ \t]+of[ \t]+(?:pt|patient|the\s+patient)[ \t]+([a-z]{2,}(?:[ \t][a-z]{2,})?))?")
"""Lower-case chat: 'paris jordan (daughter of pt may jordan)'."""
_LOWER_MORE = re.compile(r"[ \t]+((?:de|del|de[ \t]+la|da|dos|van|von|bin|binti|al|el)[ \t]+)?"
                         r"([a-z][a-z'’\-]+)(?![A-Za-z])")
"""One more lower-case word of a name, a particle allowed before it."""
_SYLLABLE = re.compile(r"(?:[bcdfghjklmnpqrstwxyz]{1,2}h?)?[aeiou]{1,3}(?:ng|n|m|k|p|t|h)?$")
"""One romanized Chinese, Cantonese or Korean syllable ('chan', 'zheng', 'jian', 'tak', 'ah'):
two such words after a relation make a third short one part of the name."""
_SYLLABLE_ZIPF = 4.0
"""A short word rarer than this in English is read as a syllable of a Chinese given name."""
_TREATMENT_ENDINGS = ("SURGERY", "THERAPY", "TACTIC", "OLOGY", "OLOGIC", "OLOGICAL", "SCOPIC")
"""Endings of kinds of treatment and study that no lower-case name has."""
_HERE_INTRO = re.compile(r"(?m)(?:^|[.!?]\s+|,\s*|\b(?:hi|hello|hey)[,!]?\s+)"
                         r"([A-Z][a-z]+|[a-z]{3,})\s+here\b(?![ \t]+(?:is|are|was|at|in|on)\b)")
"""'Joy here, 90 years old', 'hi, bea here': a given name introducing itself."""
_LOWER_PERSON_WORDS = fast_compile(
    r"(?<![A-Za-z])(?:patient|pt|res|resident|client|member)(?:[ \t]+(?:is|named|name))?[ \t]+"
    r"([a-z][a-z'’]{1,})[ \t]+([a-z][a-z'’\-]{1,})(?:[ \t]+([a-z][a-z'’\-]{2,}))?(?![A-Za-z])")
"""'for patient rose marie delgado spelled', 'pt is earl tompkins', 'res ida ruth womack': a
lower-case full name (a given name first, a surname last) after a word for the patient."""
_LOWER_PAIR = re.compile(r"(?:(?<=[ \t])w(?:/[ \t]*|[ \t]+))?([a-z][a-z'’\-]{2,})(?![A-Za-z])"
                         r"(?:[ \t]+([a-z][a-z'’\-]{1,})(?![A-Za-z]))?")
"""One or two lower-case words right after a context match ('w/' skipped: 'spoke w okafor')."""
_LOWER_TALK = re.compile(r"(?i:\b(?:spoke|speaking|talked|talking|chatted)[ \t]+(?:with|to)?[ \t]*|"
                         r"\b(?:met|discussed|d/w)[ \t]+with[ \t]+|\b(?:called|texted|messaged|"
                         r"paged|emailed|phoned)[ \t]+)$")
"""Of the communication verbs, those a lower-case person follows ('reviewed troponin' is no
person: lab names are missing from WordNet)."""
_INTRO_WORD = fast_compile(r"(?<=[ \t,])(?:from|here|again)\b")
_LOWER_AFTER_INTRO = re.compile(
    r"(?:^|[.!?\n]\s*)([A-Za-z][a-z'’\-]{2,})(?:[ \t]+([a-z][a-z'’\-]{2,}))?"
    r"[ \t]*,?[ \t]+$")
"""'vakalahi from dallas again', 'Tsiory again, any news?': a self-introduction at the
start of a message."""
_LOWER_AFTER_PREP = fast_compile(
    r"(?<![A-Za-z])(?:for|from|about)[ \t]+([a-z][a-z'’\-]{2,})(?:[ \t]+([a-z][a-z'’\-]{2,}))?"
    r"(?=[ \t]*(?:$|[,.?!;:)]|\n|(?:dob|re|about|pls|please|thanks|thx)\b))")
"""'appt for tsiory randrianasolo': a lower-case full name closing a clause after
'for'/'from'/'about' (two words, each no list knows or a dictionary name; one word alone
there is as often a drug brand: 'prior auth for nurtec')."""
_CALL_PHONE = fast_compile(
    r"(?i:\bcall(?:ed)?|\btext(?:ed)?|\breach)[ \t]+([a-z][a-z'’\-]{2,})"
    r"(?:[ \t]+([a-z][a-z'’\-]{2,}))?[ \t]+(?:at[ \t]+|@[ \t]*|on[ \t]+)?\(?[0-9]{3}")
"""'pls call tsiory 4055550187': a lower-case name between 'call' and a phone number."""
_LOWER_SIGNOFF = re.compile(
    r"(?:[-—–~]+|\b(?:thanks|thank\s+you|thx|ty|regards|sincerely|love|cheers))[ \t,]*"
    r"([a-z][a-z'’\-]{1,})(?:[ \t]+([a-z][a-z'’\-]{1,}))?[ \t.!]*$")
"""A lower-case name signing off at the very end of a message ('... - maria lopez',
'thanks tsiory')."""
_LOWER_PT = fast_compile(r"(?<![A-Za-z])(?:pt|patient)[ \t]+([a-z][a-z'’\-]{2,})[ \t]+"
                       r"([a-z][a-z'’\-]{2,})(?![A-Za-z])")
"""Lower-case 'pt tsiory randrianasolo': two name words after 'pt'."""
_LOWER_ROLE_NAME = re.compile(
    r"(?<![A-Za-z])(?:nurse|cna|tech|aide|rn|lpn|lvn|np|therapist|sitter|medic|emt|chaplain|"
    r"pharmacist|dietitian|interpreter|driver|caseworker|scheduler|receptionist)[ \t]+"
    r"([a-z][a-z'’\-]{2,})(?=[ \t]*(?:[,.;:!?)]|$|\n|(?:is|was|has|had|will|and|called|calls|"
    r"said|says|came|stopped|at|from|who|asked|told|texted|checked|gave|did|took|left|"
    r"dropped|brought|helped|found|noticed|reported)\b))")
"""'cna destiny at 2140', 'nurse summer called', 'tech rocky.': a lower-case given name
right after a care role, closing the clause or before a verb (the everyday-word names
'summer', 'rocky', 'destiny' are names here, not words: no noun follows a role so)."""
_PAIR_GIVEN_ZIPF = 4.6
"""Zipf from which a given name is an everyday word first ('will', 'mark', 'grace', 'rose')."""
_ROLE_THEN_PAIR = fast_compile(
    r"(?<![A-Za-z])(?i:" + _alternation(_PERSON_WORDS | _TRADE_NOUNS) + r")[ \t]+"
    r"([a-z][a-z'’]+)[ \t]([a-z][a-z'’]*[a-z])(?![A-Za-z0-9@_/]|\.[a-z])")
"""A role or trade noun, then two lower-case words for `_lower_pair` ('rigger pete
sorensen')."""
_DOB_WORD = fast_compile(r"(?<![A-Za-z])(?i:dob|d\.o\.b|date\s+of\s+birth|born)\b")
_LOWER_BEFORE_DOB = re.compile(
    r"(?<![A-Za-z])([a-z][a-z'’\-]{2,})(?:[ \t]+([a-z][a-z'’\-]{2,}))?[ \t]*[,(]?[ \t]*$")
"""'mosese vakalahi dob 3/4/1950': a lower-case name right before a birth date label."""


class _LowerCase(_FinderBase):
    """Finds lower-case names after context."""

    def _lower_case_context(self, text: str) -> list[Span]:
        """Lower-case names after strong context: 'dr okafor', 'mrs lee', 'pt name: ana
        reyes'. After 'dr'/'dr.' any usable word counts (a lower-case chat rarely puts
        another word there); after 'mr', 'mrs', 'doctor' only a dictionary name; after a
        name label up to three usable words."""
        lex = self.lex
        spans: list[Span] = []
        titled = _LOWER_TITLED.finditer(text) if ("dr" in text or "mr" in text
                                                  or "doctor" in text or "prof" in text) else ()
        for match in _LOWER_TITLED_INITIAL.finditer(text) if "." in text else ():
            surname = fold(match.group(1).split(".", 1)[1].strip())
            parts = [part for part in surname.split("-") if part]
            if parts and all(self._usable(k) and not lex.is_clinical(k) and k not in lex.drugs
                             and (len(k) > 2 or k in _ASIAN_SURNAMES)
                             and k not in _EPITHETS
                             and not (_LATIN_ENDING.search(k) and k not in lex.last)
                             and (lex.is_name(k) or not is_english(k)) for k in parts) \
                    and any(self._name_by_itself(k) for k in parts):
                spans.append(Span(match.start(1), match.end(1), PhiType.NAME,
                                  "name_lower_title", 0.8))
        for match in titled:
            title = match.group(1).lower().rstrip(".")
            first = fold(match.group(2))
            closed = match.end(2) == len(text) or text[match.end(2)] in ",.;:!?)\n"
            if title == "dr" and lex.is_name(first) and first not in _LOWER_STOP and closed \
                    and not lex.is_clinical(first):
                pass  # 'hi dr may,', 'thanks dr will.': a name word closed by punctuation
            elif title == "dr" and first in _ASIAN_SURNAMES:
                pass  # 'dr ng said', 'thanks dr li.'
            elif not self._usable(first) or (title != "dr" and not lex.is_name(first)) or (
                    title.startswith("prof") and not self._name_by_itself(first, alone=True)):
                continue
            end = match.end(2)
            if match.group(3):
                second = fold(match.group(3))
                if self._usable(second) and lex.is_name(second):
                    end = match.end(3)
            spans.append(Span(match.start(2), end, PhiType.NAME, "name_lower_title", 0.8))
        for match in _LOWER_RELATION.finditer(text) if "(" in text else ():
            for group in (1, 2):
                words = (match.group(group) or "").split()
                keys = [fold(w) for w in words]
                if words and all(self._usable(k) for k in keys) and (any(
                        lex.is_name(k) and (k in lex.first or not lex.blocks_alone(k))
                        for k in keys) or all(
                        self._lower_name_word(w, i == 0) for i, w in enumerate(words))):
                    spans.append(Span(match.start(group), match.end(group), PhiType.NAME,
                                      "name_lower_relation", 0.8))
        for match in _LOWER_PERSON_WORDS.finditer(text):
            words = [w for w in match.groups() if w]
            while len(words) >= 2:
                keys = [fold(w) for w in words]
                if keys[0] in lex.first \
                        and (keys[-1] in lex.last or self._lower_name_word(words[-1], False)) \
                        and all(lex.is_name(k) or self._lower_name_word(w, False)
                                for k, w in zip(keys[1:], words[1:], strict=True)) \
                        and not all(is_english(k) for k in keys) \
                        and not any(k in _TEXT_FUNCTION or lex.is_clinical(k) for k in keys):
                    spans.append(Span(match.start(1), match.end(len(words)), PhiType.NAME,
                                      "name_lower_person", 0.8))
                    break
                words.pop()
        for match in _HERE_INTRO.finditer(text) if " here" in text else ():
            word = match.group(1)
            key = fold(word)
            if (key in lex.first and self._usable(key)) or (
                    pronounceable(key) and self._unknown(word.capitalize(), key)):
                spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "name_here", 0.8))
        labels = _LOWER_LABEL.finditer(text) if "ame" in text else ()
        for match in labels:
            start = end = -1
            for word in _LOWER_WORD.finditer(text, match.end(), min(len(text), match.end() + 60)):
                gap = text[end:word.start()] if end >= 0 else text[match.end():word.start()]
                if (end >= 0 and gap not in (" ", "  ", "\t", ", ")) or not self._usable(
                        fold(word.group())):
                    break  # words apart by spaces, or one comma ('stone, hope': last, first)
                if start < 0:
                    start = word.start()
                end = word.end()
                if word.start() - match.end() > 40:
                    break
            if start >= 0:
                spans.append(Span(start, end, PhiType.NAME, "name_lower_label", 0.8))
        for pattern, strict in ((_LOWER_PERSON_LABEL, False), (_LOWER_ROLE_LABEL, True)):
            for match in pattern.finditer(text) if ":" in text else ():
                span = self._lower_labelled_person(text, match.end(), strict=strict)
                if span is not None:
                    spans.append(span)
        return spans

    def _lower_labelled_person(self, text: str, at: int, *, strict: bool = False
                               ) -> Span | None:
        """Up to four lower-case words after a person's field label, each a name word, an
        initial ('t.') or a word no dictionary holds, joined by one space or a comma
        (last, first); the first other word or a wider gap ends the name; a dotted initial may
        open it before a name word ('RN: s. abernathy'). A clause after the label ('pt:
        feeling better') is no name: its words are English. `strict` (a role's label that as
        often holds a word): a role noun may come first ('caller: student maya feldstein'),
        and one word at least must read as a name by itself (`_name_by_itself`: 'athlete:
        marquis d. fontenot', 'employee: john smith'; not 'Chaplain: grace before meals')."""
        lex = self.lex
        start = end = initial = -1
        named = distinct = phrase = False
        for count, word in enumerate(_LOWER_NAME_TOKEN.finditer(text, at, min(len(text),
                                                                            at + 60))):
            gap = text[end:word.start()] if end >= 0 else ""
            if count >= 4 or (end >= 0 and gap not in (" ", ", ")):
                break
            value = word.group().rstrip(".")
            if len(value) == 1:
                if start < 0 and (initial >= 0 or not word.group().endswith(".")):
                    break  # an initial opens a name only with its dot, once ('s. abernathy')
                if start < 0:
                    initial = word.start()
                end = word.end()
                continue
            if strict and start < 0 and initial < 0 and count == 0 \
                    and value.lower() in _PERSON_WORDS:
                end = word.end()
                continue  # a role before the name ('caller: student maya feldstein')
            parts = [fold(part) for part in value.split("-") if part]
            if not parts or any(k in _NOT_PERSON_PARTS for k in parts) or not all(
                    self._usable(k) and len(k) > 2 and (lex.is_name(k) or (
                        not is_english(k) and pronounceable(k))) for k in parts) \
                    or (strict and (_POSSESSIVE_END.search(value)
                                    or any(self._plural_or_verb(k) for k in parts))):
                phrase = start >= 0 and gap == " "  # a word goes on the value: a phrase
                break  # ("contact: husband's cell", 'baby: needs eval')
            distinct = distinct or any(self._name_by_itself(k) for k in parts)
            named = named or any(lex.is_name(k) for k in parts) or len(parts) > 1
            if start < 0:
                start = initial if initial >= 0 else word.start()
            end = word.start() + len(value)
        if start < 0 or not named:
            return None
        if phrase and " " not in text[start:end] and zipf(fold(text[start:end])) >= \
                _EVERYDAY_VALUE:
            return None  # an everyday word, then a plain one ('crew member: crew chief')
        if strict and not (distinct and (" " in text[start:end] or self._name_by_itself(
                fold(text[start:end]), alone=True))):
            return None  # list words only after a role ('Chaplain: grace', 'Reviewer: peer')
        return Span(start, end, PhiType.NAME, "name_lower_label", 0.8)

    def _name_by_itself(self, key: str, *, alone: bool = False) -> bool:
        """A word that reads as a name whatever its label says: rare and a name or no English
        word ('feldstein', 'rasmussen', 'mendoza'; not 'faith', 'max', 'maya', 'gene',
        'uber', 'line'); beside other words also a strong name of the lists that is no
        English plural ('smith', 'davis', 'zapata'; not 'fees', 'rounds')."""
        lex = self.lex
        if zipf(key) < _RARE_NAME_ZIPF and (
                not is_english(key) or (lex.is_name(key) and zipf(key) < _EVERYDAY_VALUE)):
            return True
        return not alone and lex.is_strong_name(key) and not self._plural_or_verb(key)

    def _plural_or_verb(self, key: str) -> bool:
        """An English plural or a verb's -s form ('fees', 'rounds', 'needs', 'sees'), not a
        given name ('james')."""
        return key.endswith("S") and key not in self.lex.first and is_english(key) and (
            is_english(key[:-1]) or (key.endswith("ES") and is_english(key[:-2])))

    def _lower_pair(self, given: str, family: str) -> bool:
        """A given name that is no everyday word, then a rare surname, both in lower case, after
        a person's role or trade ('rigger pete sorensen', 'keys player noor haddad'); only
        there: in Spanish or French text list words pair up by chance ('del valle')."""
        lex = self.lex
        first, last = fold(given), fold(family)
        return first in lex.first and last in lex.last and len(last) >= 4 \
            and not (is_english(first) and zipf(first) >= _PAIR_GIVEN_ZIPF) \
            and (not is_english(last) or zipf(last) < _RARE_TAIL or lex.is_strong_name(last)) \
            and not (is_english(last) and near_english(last)) \
            and self._usable(first) and self._usable(last) \
            and not lex.is_clinical(first) and not lex.is_clinical(last) \
            and not lex.blocks_alone(first) and first not in _TEXT_FUNCTION \
            and last not in lex.drugs and not term_shaped(last)

    def _lower_name_word(self, word: str, first: bool, strict: bool = False) -> bool:
        """A lower-case chat word that is a surname (or a given name, for the first word), no
        everyday word, or a pronounceable word unknown to every list (strict: and not one
        edit away from an English word, a likely typo, where the context is weak)."""
        key = fold(word)
        lex = self.lex
        if term_shaped(key) or key.endswith(_TREATMENT_ENDINGS):
            return False  # 'candidate for stereotactic radiosurgery': clinical morphology
        if self._plural_or_verb(key):
            return False  # 'my son sees', 'mom hopes': a verb or a plural, not a surname
        if (key in lex.last or (first and key in lex.first)) and not lex.blocks_alone(key) \
                and self._usable(key):
            return True
        return pronounceable(key) and self._unknown(word.capitalize(), key) \
            and not (strict and near_english(key))

    def _lower_unknown(self, text: str, strong: set[int], medium: set[int]) -> list[Span]:
        """Lower-case chat names right after strong context (a relation, a title, a label:
        'brother obinna ezeilo', 'my daughter tsiory'; a given name, then a surname) or
        after a communication verb ('spoke w okafor': one word no list knows). Reuses the
        context scans' match ends, so it costs no pass of its own."""
        spans: list[Span] = []
        for word_match in _INTRO_WORD.finditer(text):
            match = _LOWER_AFTER_INTRO.search(text, max(0, word_match.start() - 40),
                                              word_match.start())
            if not match or not self._lower_name_word(match.group(1), True) or (
                    match.group(1)[0].isupper() and not self._unknown(
                        match.group(1), fold(match.group(1)))):
                continue
            stop = match.end(1)
            if match.group(2) and self._lower_name_word(match.group(2), False):
                stop = match.end(2)
            spans.append(Span(match.start(1), stop, PhiType.NAME, "name_lower_intro", 0.75))
        for match in _LOWER_AFTER_PREP.finditer(text) if " f" in text or " a" in text else ():
            words = [w for w in (match.group(1), match.group(2)) if w]
            if len(words) == 2 and all(self._lower_name_word(w, i == 0, strict=True)
                                       and not lex_first_weak(self, w)
                                       for i, w in enumerate(words)):
                spans.append(Span(match.start(1), match.end(len(words)), PhiType.NAME,
                                  "name_lower_for", 0.7))
        for match in _CALL_PHONE.finditer(text) if "all" in text or "ext" in text \
                or "each" in text else ():
            words = [w for w in (match.group(1), match.group(2)) if w]
            if all(self._lower_name_word(w, i == 0) for i, w in enumerate(words)):
                spans.append(Span(match.start(1), match.end(len(words)), PhiType.NAME,
                                  "name_lower_call", 0.75))
        tail = _LOWER_SIGNOFF.search(text, max(0, len(text) - 60))
        if tail:
            words = [w for w in (tail.group(1), tail.group(2)) if w]
            if all(self._lower_name_word(w, i == 0) or (
                    i == 1 and fold(w) in _ASIAN_SURNAMES) for i, w in enumerate(words)):
                spans.append(Span(tail.start(1), tail.end(len(words)), PhiType.NAME,
                                  "name_lower_signoff", 0.75))
        for match in _LOWER_PT.finditer(text) if "pt" in text or "patient" in text else ():
            name_words = (match.group(1), match.group(2))
            if all(self._lower_name_word(w, i == 0, strict=True) and not lex_first_weak(self, w)
                   for i, w in enumerate(name_words)):
                spans.append(Span(match.start(1), match.end(2), PhiType.NAME, "name_lower_pt",
                                  0.7))
        for match in _ROLE_THEN_PAIR.finditer(text):
            if self._lower_pair(match.group(1), match.group(2)):
                spans.append(Span(match.start(1), match.end(2), PhiType.NAME, "name_lower_pair",
                                  0.7))
        for match in _LOWER_ROLE_NAME.finditer(text):
            key = fold(match.group(1))
            if key in self.lex.first and key not in _TEXT_FUNCTION \
                    and not self.lex.is_clinical(key) and zipf(key) < _TOO_COMMON \
                    and key not in _ROLE_FOLLOWERS and (
                        key in self.lex.weak or zipf(key) < _EVERYDAY_NAME):
                spans.append(Span(match.start(1), match.end(1), PhiType.NAME, "name_lower_role",
                                  0.75))
        for label in _DOB_WORD.finditer(text):
            match = _LOWER_BEFORE_DOB.search(text, max(0, label.start() - 40), label.start())
            if not match:
                continue
            words = [w for w in (match.group(1), match.group(2)) if w]
            if all(self._lower_name_word(w, i == 0) for i, w in enumerate(words)):
                spans.append(Span(match.start(1), match.end(len(words)), PhiType.NAME,
                                  "name_lower_dob", 0.75))
        for ends, is_strong in ((strong, True), (medium, False)):
            for end in ends:
                if end >= len(text) or not text[end].islower() or (
                        end and text[end - 1].isalpha()):
                    continue  # not a word start ('rev' of 'reviewed' is a title's match)
                pair = _LOWER_PAIR.match(text, end)
                if not pair:
                    continue
                word = pair.group(1)
                if is_strong and _CHILD_BEFORE.search(text, max(0, end - 24), end):
                    continue  # 'pending newborn add': a child word names only in name case
                if is_strong and is_english(fold(word)) and _PLURAL_RELATION_BEFORE.search(
                        text, max(0, end - 30), end):
                    continue  # 'my sons records', 'her kids school': a possessive, a noun
                if is_strong:
                    second = pair.group(2)
                    everyday = fold(word) in self.lex.first and self._usable(fold(word))
                    if not self._lower_name_word(word, True) and not (
                            everyday and second and (
                                fold(second) in _ASIAN_SURNAMES
                                or self._lower_name_word(second, False))) and not (
                            everyday and _RELATION_BEFORE.search(text, max(0, end - 30), end)
                            and _CLAUSE_GOES_ON.match(text, pair.end(1))):
                        continue  # 'my daughter joy ho', 'my daughter hope is coming'
                    if not self._lower_name_word(word, True) and second and not (
                            fold(second) in _ASIAN_SURNAMES
                            or self._lower_name_word(second, False)):
                        second = None
                    stop = pair.end(1)
                    if second and (self._lower_name_word(second, False)
                                   or fold(second) in _ASIAN_SURNAMES):
                        stop = pair.end(2)
                    stop = self._lower_name_more(text, stop, asian=bool(
                        second and stop == pair.end(2) and all(
                            _SYLLABLE.match(w) for w in (word, second))))
                    spans.append(Span(pair.start(1), stop, PhiType.NAME,
                                      "name_lower_relation", 0.75))
                elif len(word) >= 4 and self._lower_name_word(word, False, strict=True) \
                        and _LOWER_TALK.search(
                            text, max(0, end - 24), end):
                    spans.append(Span(pair.start(1), pair.end(1), PhiType.NAME,
                                      "name_lower_care", 0.7))
        return spans

    def _lower_name_more(self, text: str, stop: int, *, asian: bool) -> int:
        """Up to two more lower-case words of a name found after a relation: a known surname
        that is no English word (a particle before it allowed: 'van wyk'), or -- after two
        romanized syllables -- one more short syllable rare in English ('chan tak ming',
        'zheng jian ping'; not 'zhang li bu hao', 'pedro de vacaciones')."""
        for _ in range(2):
            more = _LOWER_MORE.match(text, stop)
            if not more:
                break
            key = fold(more.group(2))
            if key in _TEXT_FUNCTION or key in _LOWER_STOP or self.lex.is_clinical(key):
                break
            syllable = asian and not more.group(1) and len(key) <= 5 and zipf(key) < _SYLLABLE_ZIPF
            surname = key in self.lex.last and not is_english(key) and not self.lex.blocks_alone(
                key)
            if not (syllable or surname):
                break
            stop = more.end()
            asian = False  # one syllable more at most ('chan tak ming', not 'wang li hen lei')
        return stop

    def _lower_tails(self, text: str, spans: list[Span]) -> list[Span]:
        """Lower-case names found by context, widened over the surname or initial the rules
        left after them ('taken by: kendra w', 'pt: riley tsosie, 22M', 'my grandpa
        gerald whitehorse lives', 'pt kody reyes-whitehorse (id ...)'): see `_lower_tail`."""
        out = []
        for span in spans:
            if span.type is PhiType.NAME and span.source in _TAILED_SOURCES \
                    and text[span.start:span.end].islower() \
                    and len(text[span.start:span.end].split()) < 3:  # 'zhang li bu' + 'hao'
                end = self._lower_tail(text, span.end)
                if end > span.end:
                    span = Span(span.start, end, span.type, span.source, span.score)
            out.append(span)
        return out

    def _lower_tail(self, text: str, end: int) -> int:
        """Where a lower-case name ends after `end`: one more word that is an initial ('w',
        'k.') closing the clause or before a wide gap, a bracket or a label (not a number:
        'leo x 2 days'); a hyphenated surname whose parts are names or rare words; a rare
        word (Zipf below 3: 'whitehorse', 'minh') that is a surname, a place or a
        pronounceable word no English or shorthand list holds; or, when the clause ends
        after it, such a surname not common in English (Zipf below 4: 'trotter,'). An
        English adjective is no surname ('tom teething', 'ann forgetful,', 'ann smh')."""
        tail = _LOWER_TAIL.match(text, end)
        if tail is None:
            return end
        word = tail.group(1)
        key = fold(word)
        closes = bool(_TAIL_CLOSES.match(text, tail.end(1)))
        lex = self.lex
        if len(word) == 1:
            initial = word not in "aio" and bool(_INITIAL_CLOSES.match(text, tail.end(1)))
            return tail.end() if initial else end
        if key in _TEXT_FUNCTION or key in _LOWER_STOP or lex.is_clinical(key) \
                or term_shaped(key) or key in MONTH_WORDS or key in lex.titles:
            return end
        parts = [fold(part) for part in word.split("-") if part]
        if len(parts) > 1:
            named = all(len(k) > 1 and (lex.is_name(k) or zipf(k) < _RARE_TAIL) for k in parts)
            return tail.end(1) if named else end
        unknown = not is_english(key) and pronounceable(key) and key not in self._stop
        if zipf(key) < _RARE_TAIL and (key in lex.last or key in lex.places or unknown):
            return tail.end(1)
        if closes and zipf(key) < _EVERYDAY_NAME and (key in lex.last or unknown):
            return tail.end(1)
        return end

    def _lower_case_intro(self, text: str) -> list[Span]:
        """'hi its maria again', 'my name is john smith': a dictionary given name written in
        lower case right after a self-introduction (and a surname after it)."""
        lex = self.lex
        spans: list[Span] = []
        for match in _INTRO.finditer(text):
            first = fold(match.group(1))
            aged = not match.group(2) and _AGE_AFTER_INTRO.match(text, match.end(1)) and \
                first not in _TEXT_FUNCTION and not self.lex.is_clinical(first) and \
                first not in _NOT_INTRODUCED and first in lex.first and \
                match.group().lower().startswith(("i", "my", "this"))
            if not aged and (first not in lex.first or lex.blocks_alone(first)
                             or first in lex.weak) and \
                    not (pronounceable(first) and self._unknown(match.group(1).capitalize(), first)
                         and not near_english(first)):
                continue  # ("i'm wren, 19,": a word and an age after 'i'm' name a person)
            end = match.end(1)
            if match.group(2) and ((fold(match.group(2)) in lex.last and not lex.blocks_alone(
                    fold(match.group(2)))) or self._lower_name_word(match.group(2), False)):
                end = match.end(2)
            spans.append(Span(match.start(1), end, PhiType.NAME, "name_intro", 0.85))
        return spans
