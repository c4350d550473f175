"""Guards against false positives: eponyms, scales and scores, languages, brands, headings.

A dictionary name is often no person: an eponym ("Parkinson's disease", 'Lawton IADL',
'Braxton Hicks contractions'), a named score ('Tinetti 19/28'), a staging family ('Ann
Arbor IIA'), a language ('a Karen interpreter'), a clinical abbreviation in capitals.
These checks say when a run must not count, and when a lone word after strong context is
still no name; `_EPONYM_AFTER` is also used by the NER filter (`veil.text.ner`).
"""

from __future__ import annotations

import re

from veil.text.lexicon import FUNCTION_WORDS as _TEXT_FUNCTION
from veil.text.lexicon import MONTH_WORDS, TEST_EDITION, fold
from veil.text.names.base import _FinderBase, _ocr_reading
from veil.text.names.context import (
    _MAIL_LABEL,
    _RELATION_BEFORE,
    _RELATION_NEAR,
    _SIGNATURE_DASH_BEFORE,
)
from veil.text.names.tokens import _ASIAN_SURNAMES, _FUNCTION_KEYS, _LOWER_WORD, _STATE_WORDS, _Tok
from veil.text.words import is_english, pronounceable

_EPONYM_AFTER = re.compile(
    r"^" + TEST_EDITION + r"|"  # a test's edition: 'Bayley-4 and', 'WISC-V,'
    # a law's section sign ('D.C. Code § 7-1605'); one or two capitalized words or a count
    # before a test's noun ('Beck Depression Inventory', 'Rey 15-Item Test'), an empty can
    r"^[ \t]*(?:§|Ann\.[ \t]*§)|^[ \t]+empty[ \t]+can\b|"
    r"^[ \t\-]+(?:(?:[A-Z][A-Za-z\-]*|[0-9]+-[A-Za-z]+)[ \t\-]+){1,2}(?i:inventory|test|tests|"
    r"scale|scales|score|scores|index|questionnaire|criteria|classification|battery)\b|"
    # (a line's end is crossed unless the next line is a heading: 'Autumn Lee\nRegimen:' is
    # a name above a heading, 'Hodgkin\ndisease' and 'Addison\nDisease on' wrapped lines; a
    # form's field gap before a label is not: 'Student: Kit Abernethy   Grade: 10' are two
    # fields, and so are 'Bass, Grace      Exam Date/Time:' (a label of up to four words, unless
    # it starts with an eponym's noun: "Murphy's     Sign Present:"); 'Hunt Hess<tab>Grade 2' is
    # a table's eponym and grade)
    r"^(?:['’]s?|s['’])?(?:[ \t]*(?:and|&|/|-)[ \t]*[A-Z][a-z]+(?:['’]s?)?)?"
    r"(?:(?!(?:[ ]{3,}|\t+)(?:[A-Za-z]+|(?!(?i:signs?|tests?|diseases?|syndromes?|reflex|"
    r"maneuver|phenomenon|score|scale)\b)[A-Za-z]+(?:(?:[ ]|[ ]?[/&\-][ ]?)[A-Za-z]+|"
    r"[ ]?\([A-Za-z]+\)|[ ]?#){1,3})[ \t]*:)[ \t\-]+|"
    r"[ \t\-]*\n[ \t]*(?![A-Za-z][A-Za-z \t]{0,30}:))"
    r"(?:(?:I{1,3}|IV|V|[0-9]{1,2})[\s\-]+)?(?:\([A-Za-z]\)[ \t]+)?"
    r"(?i:(?:disease|diseases|syndrome|syndromes|sign|signs|test|"
    r"tests|testing|maneuver|manoeuvre|maneuvers|manoeuvres|score|scores|scale|criteria|"
    r"criterion|lift|boot|society|guidelines?|screen|contractions?|description|pupils?|"
    r"depth|thickness|iud|implant|"
    r"forceps|retractor|clamp|speculum|blade|collar|brace|pessary|stitch|suture|flap|graft|"
    r"classification|class|stage|staging|grade|grading|fracture|palsy|phenomenon|reflex|"
    r"triad|catheter|tube|stain|staining|lymphoma|sarcoma|tumou?r|procedure|operation|"
    r"repair|fundoplication|incision|point|nodes?|ulcers?|esophagus|contracture|cyst|"
    r"nodules?|rings?|lines?|index|ratio|formula|rules?|law|effect|angle|pouch|valve|"
    r"diverticulum|organ|body|bodies|cells?(?![ \t]*+(?:ph(?:one)?|#|no\.?|:)?[ \t]*+[(+0-9])|"
    r"needle|bag|mask|splint|view|position|waves?|"
    r"respirations?|breathing|encephalopathy|aphasia|area|ataxia|dystrophy|an(?:a)?emia|"
    r"thyroiditis|neuroma|neuralgia|hernia|gangrene|equation|questionnaire|inventory|angina|"
    r"assessment|exam|examination|protocol|regimen|technique|approach|method|murmur|"
    r"pulse|spots?|lesions?|dementia|chorea|tremor|scar|ophthalmopathy|orbitopathy|"
    r"thyrotoxicosis|crisis|esophagitis|ileitis|colitis|node|hemorrhage|sclerosis|"
    r"cholangitis|cirrhosis|ulcer|pneumonia|arteritis|vasculitis|purpura|mole|plaque|"
    r"plaques|tangles|paralysis|block|bundle|sinus|duct|capsule|membrane|gland|glands|"
    r"canal|space|fossa|loop|shunt|drain|drains|bandage|stocking|stockings|monitor|"
    r"monitoring|pump|valve|line|mouth|fever|virus|infection|disorder|malformation|spotted|"
    r"adls?|iadls?|"
    r"anomaly|deformity|cycle|curve|law|principle|hypothesis|type|variant|sequence|"
    r"harness|appliance|splint|cast|frame|nail|plate|prosthesis|device|figures|level|"
    r"wort|standard|proteins?|proteinuria|bodies)\b)")
_EPONYM_ONLY = re.compile(
    r"^(?:['’]s)?[\s\-]+(?i:disease|syndrome|contractions|maneuvers?|manoeuvres?|palsy|phenomenon|"
    r"reflex|triad|lymphoma|sarcoma|fracture|classification|criteria|staging|pupil|nodule|"
    r"encephalopathy|aphasia|ataxia|dystrophy|procedure|operation|fundoplication|"
    r"anomaly|malformation|sign|lift|boot|sequence|harness|figures?)\b")
"""Words after which a run of dictionary names is eponyms, not a person ('Braxton Hicks
contractions', 'Argyll Robertson pupil'): the whole run stays."""
_EPONYM_WORDS = frozenset({
    "CLASS", "STAGE", "SCALE", "SCORE", "SIGN", "SIGNS", "TEST", "SOCIETY", "IADL", "ADL", "ADLS",
    "IADLS", "LIFT", "BOOT", "DISEASE", "SYNDROME", "CRITERIA", "CLASSIFICATION", "GRADE",
    "MANEUVER", "MANEUVERS", "MANOEUVRE", "MANOEUVRES", "REFLEX", "PROCEDURE", "OPERATION",
    "CATHETER", "SCREEN", "QUESTIONNAIRE", "INVENTORY", "INDEX", "PROTOCOL", "CONTRACTIONS",
    "PUPIL", "DESCRIPTION", "NODULE", "NODE", "TRIAD", "PHENOMENON", "FRACTURE", "PALSY",
    "LYMPHOMA", "SARCOMA", "TUMOR", "ULCER", "STAIN", "STAGING", "SCALES", "SCORES", "DEPTH",
    "THICKNESS", "IUD", "IMPLANT", "RULE", "RULES", "ANGINA",
})
"""Words that make the capitalized word before them an eponym when they are in the same
run ('Lawton IADL', 'Angle Class II', 'Fleischner Society')."""
_EPONYM_GAP = re.compile(
    r"[ \t]+((?:[a-z][a-z\-]{2,}[ \t]+){1,2})(?:scale|score|stage|staging|grade|class|"
    r"classification|criteria|sign|test|maneuver|manoeuvre|cyst|syndrome|disease|fracture|"
    r"reflex|index|questionnaire|inventory|assessment|exam|examination|ulcers?)\b")
_SCORE_AFTER = re.compile(
    r"(?:/[A-Z][a-z]+)?[ \t]*(?:(?P<num>[0-9]{1,3})[ \t]*/[ \t]*(?P<den>[0-9]{1,3})"
    r"(?![0-9/\-]|\.[0-9])|"
    r"(?:\+|-|\u2212)(?=[ \t]*(?:[,.;)]|$))|(?:neg|pos|negative|positive)\b)")
_ROMAN_STAGE = re.compile(r"(?:I{1,3}|IV|V)[A-C]?")
_EPONYM_BEFORE = re.compile(
    r"(?i:\b(?:stage|staging|grade|class|score|scale|classification|type|criteria|test|sign|"
    r"maneuver|manoeuvre|reflex)\b"
    r"(?:[ \t]+(?:is|was|of|per))?(?:[ \t]+(?:I{1,3}|IV|V|[0-9]{1,2})[a-c]?)?[ \t]*[,;:]?"
    r"[ \t]*(?:[A-Z][a-z]+[ \t]+(?:and|&|/)[ \t]+)?)$")
_LANGUAGE_BEFORE = re.compile(
    r"(?i:\b(?:speaks?|speaking|spoken|reads?|writes?|fluent|language|languages|translated|"
    r"translation|interpreted|interpreting|texts|messages|prefers|preferred|primary)"
    r"(?:[ \t]+(?:only|mostly|mainly|some|little|in|into|is|:))*[ \t]*:?[ \t]*"
    r"(?:[A-Z][a-z]+[ \t]*(?:,|and|or|/)[ \t]*)?$)")
_LANGUAGE_KEYS = re.compile(r"speak|spoken|read|writ|fluent|languag|translat|interpret|"
                            r"texts|messages|prefer|primary")
_EPONYM_BEFORE_KEYS = re.compile(r"stag|grade|class|scor|scal|type|criteri|test|sign|"
                                 r"maneuv|manoeuv|reflex")
_SCORE_LEADS = frozenset("0123456789+-\u2212/np")
"""First characters of what `_scored` reads (a cheap gate before the regex)."""
_INNER_CAP = re.compile(r"[a-z][A-Z]")
"""Cheap prefilters: the context regexes run only when a window holds one of these."""
_IN_BEFORE = re.compile(r"(?<![A-Za-z])in[ \t]+$")
_CLAUSE_END = re.compile(r"[ \t]*(?:[.;!?]|$)")
_LANGUAGE_AFTER = re.compile(
    r"(?:[ \t]+|-)(?i:interpreter|interpretation|speaker|speaking|speaks|translator|language|"
    r"translation)\b")
"""Languages named like people ('Karen', 'Ewe'): a lone word after a verb of speaking,
reading or writing, or followed by 'interpreter'/'speaking'."""
_NUMBER_BEFORE = re.compile(r"[0-9][ \t]?$")


class _Guards(_FinderBase):
    """Checks that keep eponyms, scores, languages and headings from becoming names."""

    def _plain_word(self, tok: _Tok) -> bool:
        """An English word (each part of a hyphenated one) that is no dictionary name."""
        return not self.lex.is_name(tok.key) and all(
            is_english(part) for part in tok.key.split("-") if part)

    @staticmethod
    def _eponym_gap(after: str) -> bool:
        """An eponym word one or two lower-case words on ('Ramsey sedation scale', 'Rathke
        pouch cyst'): the words between are English nouns or adjectives, no function word
        and no verb form ('Okafor needs stress test' is a person)."""
        if after[:1] not in (" ", "\t") or not after[1:2].islower():
            return False
        match = _EPONYM_GAP.match(after)
        if not match:
            return False
        return all(is_english(fold(w)) and fold(w) not in _TEXT_FUNCTION
                   and not w.endswith(("ed", "s")) for w in match.group(1).split())

    @staticmethod
    def _scored(after: str, context: bool, text: str, start: int) -> bool:
        """A score, a result or a staging letter right after the word makes it a named scale,
        sign or test ('Lawton 5/8', 'Tinetti 19/28', 'Phalen +', 'Ortolani/Barlow neg',
        'Weber B ankle'). After name context no sign and only a score that cannot be a date;
        outside brackets too ('Pt Okafor 5/8 seen' is a date)."""
        lead = after.lstrip(" \t")[:1]
        if not lead or lead not in "0123456789+-\u2212/np":
            return False
        match = _SCORE_AFTER.match(after)
        if not match:
            return False
        if match.group("num") is None:
            return not context
        first, second = int(match.group("num")), int(match.group("den"))
        if context or text[start - 1:start] != "(":
            return first > 12 or second > 31
        return second > 0 and first <= second

    def _eponym_family(self, text: str, run: list[_Tok]) -> bool:
        """Classification words around the run: 'stage IIIB', 'type II, Binet B', 'grade is
        Hoehn and Yahr', a staging numeral with a letter ('Ann Arbor IIA')."""
        last = run[-1].word
        if len(run) > 1 and _ROMAN_STAGE.fullmatch(last) and last[-1] in "ABC":
            return True
        if len(run) > 1 and len(last) == 1 and last in "ABCD":
            # 'Weber B fibula fracture': a class letter, then what it classifies
            following = _LOWER_WORD.match(text, run[-1].end + 1)
            if following and text[run[-1].end:following.start()] == " " and is_english(
                    fold(following.group())) and fold(following.group()) not in _TEXT_FUNCTION \
                    and not following.group().endswith(("ed", "s")):
                return True
        lex = self.lex
        if len(run) > 3 or not any(t.key in lex.last or t.key in lex.first for t in run):
            return False
        window = text[max(0, run[0].start - 40):run[0].start]
        return bool(_EPONYM_BEFORE_KEYS.search(window.lower())) and bool(
            _EPONYM_BEFORE.search(window))

    @staticmethod
    def _language_before(text: str, start: int) -> bool:
        """A verb of speaking, reading or writing a few words before ('Speaks Karen')."""
        window = text[max(0, start - 40):start]
        return bool(_LANGUAGE_KEYS.search(window.lower())) and bool(
            _LANGUAGE_BEFORE.search(window))

    @staticmethod
    def _title_here(text: str, title: _Tok, after: _Tok) -> bool:
        """A title word is a title when its name follows it directly (no comma) and it
        does not follow a number (a unit: '0.4 MS.'); a whole word ('Nurse') takes no
        period ('charge nurse. Reason')."""
        gap = text[title.end:after.start]
        if "," in gap or _NUMBER_BEFORE.search(text, max(0, title.start - 3), title.start):
            return False
        return "." not in gap or len(title.key) <= 4

    def _asian_surname(self, run: list[_Tok], index: int, text: str = "") -> bool:
        """A short East Asian surname right after or right before a dictionary given name
        that is no everyday word ('Wei He', 'Kevin Ng', 'Li Wei'), or right after an
        unknown given name ('Meiling He'); not before an eponym word (the caller checks
        'NG tube')."""
        lex = self.lex
        tok = run[index]
        if not (tok.word[:1].isupper() and (tok.word[1:].islower() or tok.word.isupper())):
            return False
        if index > 0 and "," in text[run[index - 1].end:tok.start]:
            return False  # 'Caitlinview, MA': a state code after a comma
        for other in (index - 1, index + 1):
            if 0 <= other < len(run):
                key = run[other].key
                if key in lex.first and lex.is_strong_name(key) and len(key) >= 2:
                    return True
        # 'Meiling He': after a given name no list knows
        return index > 0 and self._unknown(run[index - 1].word, run[index - 1].key)

    def _blocking(self, tok: _Tok) -> bool:
        lex = self.lex
        key = tok.key
        if len(key) <= 1:
            return False
        if key in lex.first or key in lex.last:
            return (key in lex.eponyms or key in lex.drugs or key in lex.genes
                    or key in lex.clinical or key in lex.not_name or key in MONTH_WORDS
                    or key in _FUNCTION_KEYS or key in _TEXT_FUNCTION
                    or (key in _STATE_WORDS and key not in lex.last))
        return lex.blocks_alone(key)

    def _not_a_name_here(self, text: str, tok: _Tok) -> bool:
        """A lone word after strong context that is still no name: an acronym that is no
        dictionary name after a relation ("my son's ADHD"), or, after a mail or
        chief-complaint label ('To:', 'CC:'), a note word or an English word ('To: Clinic',
        'CC: SOB')."""
        lex = self.lex
        key = tok.key
        if (lex.is_name(key) and not lex.blocks_alone(key)) or key in _ASIAN_SURNAMES:
            return False
        relation = bool(_RELATION_NEAR.search(text, max(0, tok.start - 30), tok.start))
        if tok.word.isupper() and len(key) >= 2 and not lex.is_name(key) and (
                not pronounceable(key) or (len(key) <= 3 and (
                    is_english(key) or lex.is_clinical(key) or key in self._stop))) \
                and _RELATION_BEFORE.search(text, max(0, tok.start - 30), tok.start):
            return True  # after a label, capitals are initials ('Dictated by: JRM')
        if lex.is_name(key):
            return False
        # 'WELL CHILD VISIT' (an English word in capitals after a relation), '-- Reply from'
        # (after a signature dash), an OCR-damaged heading ('HlSTORY')
        english = is_english(key) or key in _TEXT_FUNCTION or (
            any(c in tok.word for c in "01l") and is_english(fold(_ocr_reading(
                tok.word.replace("l", "I") if tok.word[1:].replace("l", "").isupper()
                else tok.word, lex))))
        if english and len(key) >= 4 and ((relation and tok.word.isupper())
                                           or _SIGNATURE_DASH_BEFORE.search(
                                               text, max(0, tok.start - 12), tok.start)):
            return True
        return bool(_MAIL_LABEL.search(text, max(0, tok.start - 12), tok.start)) and english
