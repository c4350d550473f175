"""Judging one run of capitalized words: titled and role-word names, dictionary names,
unknown-word names.

`_judge` strips titles and credentials, weighs the context around the run and the
guards, then hands the run (or its parts, split at words that cannot be names) to
`_strong_run` (after strong context), `_dictionary_run` (dictionary names, initials) or
`_unknown_run` (names no dictionary holds, judged by what they are not).
"""

from __future__ import annotations

import re

from veil.text.lexicon import FUNCTION_WORDS as _TEXT_FUNCTION
from veil.text.lexicon import MONTH_WORDS, fold
from veil.text.names.context import (
    _ID_LABEL_AFTER,
    _MAIL_LABEL,
    _MEDIUM_AFTER,
    _PERSON_AFTER,
    _RELATION_BEFORE,
    _ROLE_THEN_NAME,
    _SENTENCE_END,
    _STRONG_AFTER,
    CREDENTIAL_BEFORE,
    CREDENTIAL_BRACKET_AFTER,
    CREDENTIAL_WORDS,
    RELATION_WORD,
)
from veil.text.names.guards import (
    _CLAUSE_END,
    _EPONYM_AFTER,
    _EPONYM_ONLY,
    _EPONYM_WORDS,
    _IN_BEFORE,
    _INNER_CAP,
    _LANGUAGE_AFTER,
    _LANGUAGE_BEFORE,
    _SCORE_LEADS,
    _Guards,
)
from veil.text.names.tokens import (
    _ASIAN_SURNAMES,
    _CREDENTIALS,
    _FUNCTION_KEYS,
    _LATIN_TAIL,
    SHORT_SURNAME,
    _Tok,
)
from veil.text.places import COUNTRY_OR_REGION as REGIONS
from veil.text.spans import PhiType, Span
from veil.text.words import is_english, name_shaped, pronounceable, term_shaped, zipf

_VITAL_SIGNS = frozenset({"BP", "HR", "RR", "SPO2", "SAT", "SATS", "TEMP", "WT", "HT", "BMI",
                          "MAP", "CVP", "GCS", "FSBG", "BG", "CBG"})
"""Vital signs written after a patient's name ('Mr. Bone BP 178/96'): no part of it."""
_CELL_AFTER = re.compile(r"[ \t]+cell\b")
"""A mobile phone's word after the run ('son Manpreet cell 559...')."""
_COMPASS = frozenset({"NORTH", "SOUTH", "EAST", "WEST", "NORTHEAST", "NORTHWEST", "SOUTHEAST",
                      "SOUTHWEST", "CENTRAL", "UPPER", "LOWER", "MAIN", "OLD", "NEW"})
_BUILDING_PARTS = frozenset({"WING", "TOWER", "PAVILION", "ANNEX", "BUILDING", "CAMPUS",
                             "ENTRANCE", "LOBBY", "GARAGE", "ATRIUM", "CORRIDOR", "ELEVATORS"})
"""A direction and a part of a building ('East Wing', 'North Tower') name no person, though
'Wing' and 'Tower' are surnames."""
_CHIEF_COMPLAINT = re.compile(r"(?<![A-Za-z])(?:CC|C/C)[ \t]*:[ \t]*$")
"""'CC:' before a short word in capitals: a chief complaint ('CC: MVC'), not a copy's name."""
_SPANISH_POSSESSIVES = frozenset({"Su", "Sus", "Mi", "Mis", "Tu", "Tus"})
_SPANISH_POSSESSED = re.compile(
    r"[ \t]+(?i:hij|madre|padre|espos|herman|abuel|bisabuel|niet|tia|tio|tía|tío|prim[oa]|"
    r"sobrin|suegr|cu[nñ]ad|mam[aá]|pap[aá]|famil|casa|m[eé]dic|doctor|enfermer|cita|"
    r"seguro|pareja|novi[oa]|amig|vecin|cuidador|nuera|yerno|ahijad|padrin|madrin)")
"""A Spanish possessive before a person or thing of the family ('Su hija', 'Mi mamá'): 'Su'
and 'Mi' are also names, but not there."""

_RARE_NAME = 3.0
"""Zipf frequency below which a capitalized word is no everyday English ('Bankole')."""
_EVERYDAY_SURNAME = 3.8
"""Zipf frequency from which a surname that is also an English word ('Speaks', 'Heard',
'Means') is no evidence alone at a sentence's start."""
_SIGNS_VERB = re.compile(r"[ \t]+signs?[ \t]+(?!(?:positive|negative|present|absent|noted|"
                         r"was|were|is|are|elicited|bilaterally|on|of)\b)[a-z]")
"""'signs' as a verb after a person's name ('signs some ASL', 'signs fluently')."""
_COMMON_WORD = 5.5
_PLAIN_PAIR = 4.95
"""A run holding a word this frequent ('Full' 5.5), or only words from 4.95 ('Fall Risk'),
reads as a heading before an identifier label, not as a person ('Christian Bell' 4.9/4.6)."""
_NUMBER_NEXT = re.compile(r"[ \t]*:?[ \t]*[0-9]")
_OFFICE_WORDS = frozenset({"RECORDS", "RECORD", "CUSTODIAN", "DEPARTMENT", "DEPT", "OFFICE",
                           "BILLING", "ADMISSIONS", "REGISTRATION", "HIM", "ROI", "INTAKE",
                           "SCHEDULING", "DESK"})
"""Words of an office a letter or fax goes to ('TO: Medical Records Custodian'), never of a
person unless a dictionary name stands beside them."""


_ANTIBODY_WORDS = frozenset({"Ab", "Abs", "Ag", "IgG", "IgM", "IgA", "IgE"})
"""An antibody or antigen as a lab test writes it, case and all (never the name 'Ab')."""
_LAB_PARTS = frozenset({"SURFACE", "CORE", "TOTAL", "ANTIBODY", "ANTIGEN", "SCREEN", "QUANT",
                       "QUAL", "HEP", "HBS", "HCV", "HIV", "HAV", "HBV", "RPR", "TP",
                       "TREPONEMAL", "NR", "NEG", "POS"})
"""Words beside 'Ab' or 'Ag' that make it a lab test ('Hep B Surface Ag', 'HIV Ag/Ab')."""
_ANTIBODY_NEXT = re.compile(r"[ \t]+(?:Ab|Abs|Ag|IgG|IgM|IgA|IgE)\b")

class _RunJudge(_Guards):
    """Turns runs of capitalized words into name spans."""

    def _judge(self, text: str, run: list[_Tok], strong_ends: set[int],
               medium_ends: set[int]) -> list[Span]:
        lex = self.lex
        # leading titles are context, not name
        titled = False
        while run and run[0].key in lex.titles:
            if len(run) > 1 and not self._title_here(text, run[0], run[1]):
                # 'moderate MR, TAPSE', '0.4 MS. P WAVE', 'in DR, FiO2': no title
                return self._judge(text, run[1:], strong_ends, medium_ends)
            titled = True
            run = run[1:]
        # trailing credentials / suffixes
        while run and run[-1].key in lex.suffixes and run[-1].word.isupper() and len(run) > 1:
            run = run[:-1]
        if not run:
            return []
        lone = run[0].key
        if not titled and len(run) == 1 and run[0].start not in strong_ends and (
                lone in _TEXT_FUNCTION or lex.is_clinical(lone) or lone in MONTH_WORDS
                or lone in lex.not_name):
            return []  # a lone heading or sentence word: no context can make it a name
        line_start = text.rfind("\n", 0, run[0].start) + 1
        after = text[run[-1].end:run[-1].end + 60]
        # a credential followed by a name is that name's role ('Triage RN J. Paris'), not
        # the suffix of the words before it
        role_before_name = bool(_ROLE_THEN_NAME.match(after))
        strong = titled or run[0].start in strong_ends or (
            bool(CREDENTIAL_BRACKET_AFTER.match(after)) and self._person_words(run) and all(
                lex.is_name(t.key) or not is_english(t.key) for t in run)) or (
            bool(_STRONG_AFTER.match(after)) and not (
                role_before_name and len(run) == 1 and not lex.is_name(lone))) or (
            len(run[-1].word) > 1 and not run[-1].word.rsplit("-", 1)[-1].islower()
            and bool(_ID_LABEL_AFTER.match(after)) and self._person_words(run))
        medium_after = bool(_MEDIUM_AFTER.match(after))
        medium = run[0].start in medium_ends or medium_after
        sentence_start = bool(_SENTENCE_END.search(text[max(0, run[0].start - 4):run[0].start])) \
            or run[0].start == line_start
        if medium and not strong and run[0].start not in medium_ends and sentence_start \
                and len(run) == 1 and not lex.is_name(lone):
            medium = False  # 'Autopsy declined.': a capital at a sentence start is no evidence
        # after a relative's word, 'signs' and a word is what the person does ('Daughter
        # Faith Sauer signs some ASL'), no eponym's sign ('Sister Mary Joseph nodule' is one)
        signing = bool(_SIGNS_VERB.match(after)) and bool(_RELATION_BEFORE.search(
            text, max(0, run[0].start - 30), run[0].start))
        eponym = not titled and not signing and (bool(_EPONYM_AFTER.match(after)) or (
            after[1:2].islower() and self._eponym_gap(after)) or (
            after[:2].strip(" \t")[:1] in _SCORE_LEADS
            and self._scored(after, strong or medium, text, run[0].start)))
        if not titled and not strong and (len(run) > 1 or lone in lex.first or lone in lex.last) \
                and self._eponym_family(text, run):
            return []
        single = len(run) == 1 or (len(run) == 2 and run[0].word in ("A", "An", "The"))
        if not titled and not strong and lex.is_name(run[-1].key) and ((single and (
                self._language_before(text, run[0].start)
                or _LANGUAGE_AFTER.match(after) or (
                    len(run) == 1 and _IN_BEFORE.search(text, max(0, run[0].start - 4),
                                                        run[0].start)
                    and _CLAUSE_END.match(after) and run[0].key not in lex.places))) or (
                len(run) == 2 and _LANGUAGE_BEFORE.fullmatch(run[0].word + " "))):
            return []  # 'prefers texts in Karen', 'a Karen interpreter': a language
        if not titled and (len(run) > 1 or run[0].word[1:] != run[0].word[1:].lower()) \
                and _INNER_CAP.search(text, run[0].start, run[-1].end) and any(
                t.word[1:] != t.word[1:].lower() and not t.word.isupper()
                and not name_shaped(t.word) and t.key not in _CREDENTIALS
                and t.key not in lex.suffixes for t in run):
            return []  # 'Dexcom G7', 'FreeStyle', a trial 'KEYNOTE' in mixed case: a brand
        whole = " ".join(t.key for t in run)
        if not titled and (whole in lex.eponyms or whole in REGIONS):
            return []
        if not titled and len(run) == 1 and RELATION_WORD.fullmatch(run[0].word):
            return []  # 'Mom called.', 'Re: Mom's meds': a kinship noun, not a name
        if len(run) == 1 and text[run[0].end:run[0].end + 1] == "#":
            return []  # 'ID# 4471', 'Acct#': a label
        if strong and not eponym:
            if not titled and len(run) > 1 and lone in lex.drugs and not any(
                    lex.is_name(t.key) for t in run):
                return []  # 'Drug Name: Amoxicillin, Clavulanate': medicine under a name label
            if not titled and len(run) == 1 and self._not_a_name_here(text, run[0]):
                return []
            if not titled and len(run) == 1 and run[0].word.isupper() and len(lone) <= 4 \
                    and not lex.is_name(lone) \
                    and _CHIEF_COMPLAINT.search(text, max(0, run[0].start - 8), run[0].start):
                return []  # 'CC: MVC': a chief complaint's abbreviation ('CC: KIM' is a copy's)
            if not titled and len(run) == 1 and _CELL_AFTER.match(after) \
                    and is_english(lone) and lone not in lex.first:
                return []  # 'Contact: Mexican cell +52 ...': whose phone, not who
            if not titled and len(run) <= 3 and _MAIL_LABEL.search(
                    text, max(0, run[0].start - 12), run[0].start) and all(
                    (t.key in _TEXT_FUNCTION or is_english(t.key)) and not lex.is_name(t.key)
                    for t in run):
                return []  # 'From: Nursing Station', 'To: Provider Pool'
            return self._strong_run(text, run, titled)
        if not eponym and CREDENTIAL_BEFORE.search(text, max(0, run[0].start - 8),
                                                   run[0].start) \
                and self._named_after_credential(run):
            return self._strong_run(text, run, False)  # 'RN Will Fenton', 'RT Faith Oyelaran'
        if not eponym and len(run) > 1 and run[0].word in CREDENTIAL_WORDS \
                and self._named_after_credential(run[1:]):
            return self._strong_run(text, run[1:], False)  # 'RT Pua', 'PT Will Cook'
        for index in range(1, min(len(run), 3)):
            # 'Partner Tsiory', 'Baby Girl Vakalahi', 'Page Gebremariam': a capitalized
            # relation, role or verb starts the run, the name follows it
            if any(lex.is_name(t.key) and not lex.blocks_alone(t.key) for t in run[:index]):
                break
            tok = run[index]
            unknown = self._unknown(tok.word, tok.key)
            if tok.start in strong_ends and index == len(run) - 1 \
                    and self._not_a_name_here(text, tok):
                return []  # 'WELL CHILD VISIT'
            if tok.start in strong_ends and (unknown or lex.is_name(tok.key)):
                return self._strong_run(text, run[index:], False)
            if unknown and self._care_before(text, tok):
                run = run[index:]
                sentence_start = False
                break
        # split the run at words that can never be part of a name here
        parts: list[list[_Tok]] = [[]]
        for index, tok in enumerate(run):
            next_is_name = index + 1 < len(run) and lex.is_name(run[index + 1].key)
            if (index > 0 or next_is_name) and tok.key in MONTH_WORDS and lex.is_name(tok.key) \
                    and not re.match(r"\s*(?:[0-9]|of\b)", text[tok.end:tok.end + 4]):
                parts[-1].append(tok)
            elif index > 0 and parts[-1] and lex.is_name(parts[-1][-1].key) \
                    and tok.key in lex.first and tok.key not in MONTH_WORDS \
                    and len(tok.key) >= 2 and not lex.is_clinical(tok.key):
                parts[-1].append(tok)  # 'Nguyen Van An', 'Tran Thi Ha': a given name after one
            elif tok.key in _ASIAN_SURNAMES and self._asian_surname(run, index, text):
                parts[-1].append(tok)  # 'Wei He', 'Kevin Ng', 'Park Ji-hoon'
            elif parts[-1] and tok.key in lex.eponyms and tok.key in lex.last \
                    and parts[-1][-1].key in lex.first and not self._blocking(parts[-1][-1]) \
                    and len(parts[-1][-1].key) > 2 and (
                        tok is run[-1] or "," in text[tok.end:run[index + 1].start]) \
                    and not _EPONYM_AFTER.match(text[tok.end:tok.end + 60]) \
                    and not self._eponym_gap(text[tok.end:tok.end + 60]):
                parts[-1].append(tok)  # '-- Luc Bouchard, inf.': a given name, then a surname
                # that is also an eponym, and no word of a disease or a sign after it (the run's
                # end, or a comma before the next name: 'Sandra Pugh, Marcus Leflore')
            elif index > 0 and tok.key in _EPONYM_WORDS and not titled:
                # 'Lawton IADL', 'Angle Class': the word before is an eponym; English words
                # between go with it ('Ramsey Agitation-Sedation Scale')
                while len(parts[-1]) > 1 and self._plain_word(parts[-1][-1]):
                    parts[-1].pop()
                if parts[-1]:
                    parts[-1].pop()
                parts.append([])
            elif self._blocking(tok):
                if parts[-1] and tok.key in lex.eponyms and parts[-1][-1].key in lex.first \
                        and _EPONYM_ONLY.match(text[tok.end:tok.end + 40]):
                    parts[-1].pop()  # 'Lou Gehrig's disease': the eponym's given name
                parts.append([])
            else:
                parts[-1].append(tok)
        spans: list[Span] = []
        for part_index, part in enumerate(p for p in parts if p):
            last_part = part[-1] is run[-1]
            if eponym and last_part and 2 <= len(part) <= 3 and _EPONYM_ONLY.match(after) and all(
                    lex.is_name(t.key) or t.key in lex.eponyms for t in part):
                continue  # 'Braxton Hicks contractions': two eponyms, no person
            if (eponym and last_part) or (not last_part and not titled and (
                    _EPONYM_AFTER.match(text[part[-1].end:part[-1].end + 60])
                    or self._eponym_gap(text[part[-1].end:part[-1].end + 60]))):
                part = part[:-1]
                if not part:
                    continue
            first_part = part[0] is run[0]
            spans.extend(self._dictionary_run(
                part, sentence_start=first_part and sentence_start and part_index == 0,
                medium=medium and first_part, text=text))
        return spans

    def _named_after_credential(self, run: list[_Tok]) -> bool:
        """Words after a credential in capitals that are a person's ('RT Faith Oyelaran', 'PT
        Will Cook', 'PT Cody', 'RN Cricket Eldridge'), in name case: one word is a given name
        no everyday word blocks and no eponym ('PT Cody'; not 'PT Tinetti', 'RT Ambu', 'PT
        Nustep'); two or three are names or words no dictionary holds, one of them a name no
        everyday word blocks or no English word, no everyday word after the first, and a
        modal first ('Will') only before a surname no English word is ('RN Will Fenton'; not
        'RN Will Page', 'RN Will call')."""
        lex = self.lex
        words = [t for t in run if len(t.key) > 1][:3]
        if not words or any(t.word.isupper() for t in words):
            return False  # 'RN CHPN', 'RN DON': credentials
        if len(words) == 1:  # not 'PT Tinetti', 'PT Dix-Hallpike'
            key = words[0].key
            return key in lex.first and not lex.blocks_alone(key) and not lex.is_clinical(key) \
                and key not in lex.eponyms
        naming = [(lex.is_name(t.key) and not lex.blocks_alone(t.key))
                  or not (is_english(t.key) or lex.is_clinical(t.key)) for t in words]
        everyday = [not lex.is_name(t.key) and (is_english(t.key) or lex.is_clinical(t.key))
                    for t in words]
        if words[0].key in _TEXT_FUNCTION and is_english(words[1].key):
            return False  # 'RN Will Page Dr. Patel', 'NP Will Bill for 99214'
        return not any(everyday[1:]) and (any(naming) or all(
            lex.is_name(t.key) for t in words))

    def _surname_after_initial(self, tok: _Tok) -> bool:
        """Whether the word after a capital letter without its dot makes the letter a middle
        initial: a surname or a word no list holds, capitalized, no everyday or clinical word
        ('John A Smith'; not 'Patel A Follow Up', 'Baby A Twin', 'Team A Hospitalist')."""
        lex = self.lex
        key = tok.key
        return tok.word[:1].isupper() and len(key) > 1 and not lex.is_clinical(key) \
            and not term_shaped(key) and (key in lex.last or not is_english(key)) \
            and zipf(key) < _COMMON_WORD

    def _person_words(self, run: list[_Tok]) -> bool:
        """Words that may be a person's before an identifier label: each a dictionary name
        or no everyday English word, none clinical ('Wren Hatch, MRN', 'Olumide Bankole,';
        not 'Full Code, DOB', 'Caucasian Male, DOB', 'Fall Risk, MRN')."""
        lex = self.lex
        keys = [fold(tok.word) for tok in run]
        freqs = [zipf(k) for k in keys]
        if max(freqs) >= _COMMON_WORD or min(freqs) >= _PLAIN_PAIR:
            return False  # 'Full Code', 'Fall Risk': everyday words, a heading
        return all(not lex.is_clinical(k) and (
            k in lex.first or k in lex.last or k in lex.weak or zipf(k) < _RARE_NAME)
            for k in keys)

    def _strong_run(self, text: str, run: list[_Tok], titled: bool) -> list[Span]:
        lex = self.lex
        first = run[0]
        if len(run) == 1 and len(first.key) == 1 and text[first.end:first.end + 1] in "-‐":
            return []  # 'employer H-2A housing', 'pt B-12 level': a class or code, no initial
        if first.word.isupper() and len(first.key) <= 5 and len(run) == 1 \
                and text[max(0, first.start - 3):first.start].rstrip(" \t").endswith(
                    ("'s", "’s")):
            return []  # "my daughter's ANA was positive": a relative's test, not a name
        kept: list[_Tok] = []
        for index, tok in enumerate(run):
            initial = len(tok.key) == 1 and (tok.word.endswith(".") or (
                tok.word.isupper() and index + 1 < len(run)
                and self._surname_after_initial(run[index + 1])))  # 'John A Smith'

            if initial and kept:
                kept.append(tok)
                continue
            month = tok.key in MONTH_WORDS and not (lex.is_name(tok.key) and not re.match(
                r"\s*(?:[0-9]|of\b)", text[tok.end:tok.end + 4]))
            if kept and tok.word[:2] in ("I'", "I’"):
                break  # "Dr. Tokuda, I'm supposed to": the pronoun starts the next clause
            if kept and tok is run[-1] and tok.word.isupper() and not kept[-1].word.isupper() \
                    and tok.key in _VITAL_SIGNS:
                break  # 'Mr. Bone BP 178/96': a vital sign's abbreviation after the name
            last_surname = tok is run[-1] and tok.key in lex.last
            if kept and not last_surname and (tok.key in lex.not_name
                                              or tok.key in _FUNCTION_KEYS
                                              or tok.key in lex.clinical or month):
                break
            if not kept and not titled and (tok.key in _FUNCTION_KEYS or tok.word[:2] in (
                    "I'", "I’")) and not (len(tok.key) == 1 and tok.word.endswith(".")) and not (
                    tok.key in _ASIAN_SURNAMES and tok.word[1:].islower()):
                continue  # "I'm Tsiory's daughter": the pronoun is no name part ('Uncle He' is)
            kept.append(tok)
        if not kept:
            return []
        if len(kept) == 1 and kept[0].word.isupper() and kept[0].key in _VITAL_SIGNS \
                and _NUMBER_NEXT.match(text, kept[0].end):
            return []  # 'Sister (HR 92)': a vital sign and its value after a relation
        if not titled and any(t.key in _OFFICE_WORDS for t in kept) and not any(
                t.key in lex.first or t.key in lex.last for t in kept
                if t.key not in _OFFICE_WORDS and not lex.is_clinical(t.key)):
            return []  # 'TO: Medical Records Custodian', 'To: Billing Office': an office
        if len(kept) == 1 and kept[0].key in _ASIAN_SURNAMES and len(kept[0].key) <= 3 \
                and kept[0].word[1:].islower() and lex.is_clinical(kept[0].key):
            # 'Patient: Ng', 'Attending: Do': a short surname in name case after strong
            # context; its own source, so the clinical veto ('NG tube') does not drop it
            return [Span(kept[0].start, kept[0].end, PhiType.NAME, SHORT_SURNAME, 0.95)]
        return [Span(kept[0].start, kept[-1].end, PhiType.NAME, "name_context", 0.95)]

    def _dictionary_run(self, part: list[_Tok], *, sentence_start: bool,
                        medium: bool, text: str = "") -> list[Span]:
        lex = self.lex
        initials = sum(1 for t in part if len(t.key) == 1)
        core = [t for t in part if len(t.key) > 1]
        if not core:
            return []
        strong = sum(1 for t in core if lex.is_strong_name(t.key))
        known = sum(1 for t in core if lex.is_name(t.key))
        allcaps = all(t.word.isupper() for t in core)
        if allcaps and (len(core) < 2 or known < 2 or strong < 1 or (
                not any(t.key in lex.first for t in core)
                and any(is_english(t.key) for t in core))):
            # in capitals the case is no evidence: 'NEEDS PRIOR AUTH' is no 'Prior Auth'
            return self._unknown_run(part, core, sentence_start=sentence_start, text=text)
        article = part[0].word in ("A", "An") and len(part) == 2
        if sentence_start and not medium and (not initials or article) and len(core) == 1 \
                and core[0].key not in lex.first and is_english(core[0].key) \
                and zipf(core[0].key) >= _EVERYDAY_SURNAME:
            return []  # 'Speaks mostly Polish.', 'A Best Practice Advisory': a word, capitalized
        if len(part) == 1 and part[0].word in _SPANISH_POSSESSIVES \
                and _SPANISH_POSSESSED.match(text, part[0].end):
            return []  # 'Su hija vive sola', 'Mi mamá': a possessive, not the surname 'Su'
        if len(core) == 2 and core[0].key in _COMPASS and core[1].key in _BUILDING_PARTS:
            return []  # '5th Floor East Wing', 'North Tower': a part of a building
        if any(t.word in _ANTIBODY_WORDS for t in core) and (
                all(t.word in _ANTIBODY_WORDS for t in core)
                or any(len(t.key) == 1 or lex.is_clinical(t.key) or t.key in _LAB_PARTS
                       for t in part)):
            return []  # 'Hep B Surface Ab, Quant', 'HIV Ag': a lab test, not 'Ab' (but
            # 'Dakota Prairie Ag' is a farm supplier)
        if text and _ANTIBODY_NEXT.match(text, part[-1].end) and any(
                len(t.key) == 1 or t.key in _LAB_PARTS for t in part):
            return []  # 'Hep B Surface' before 'Ag neg'
        score = 0.0
        if strong >= 1 and len(core) <= 5:
            score = 0.85
        elif initials and (known >= 1 or medium):
            score = 0.8
        elif known >= 2 and (not sentence_start or (
                core[0].key in lex.first and core[-1].key in lex.last)):
            score = 0.75
        elif medium and len(core) <= 3 and not all(
                (is_english(t.key) or t.key in self._stop or term_shaped(t.key)
                 or lex.is_clinical(t.key)) and not lex.is_name(t.key) for t in core):
            score = 0.7  # 'spoke with Okafor', not 'discussed with Nutrition', 'Per Os'

        if not score:
            return self._unknown_run(part, core, sentence_start=sentence_start, text=text)
        return [Span(part[0].start, part[-1].end, PhiType.NAME, "name_dictionary", score)]

    def _unknown_run(self, part: list[_Tok], core: list[_Tok], *,
                     sentence_start: bool, text: str) -> list[Span]:
        """Names no dictionary holds, by what they are not: two to four capitalized (or
        ALL-CAPS) words, each either unknown to every list (`_unknown`: no English word,
        clinical term, drug, organism, place, abbreviation) or a dictionary name, at least
        one unknown ('Tsiory Randrianasolo', 'CHIDI OKONKWO'); a dictionary name that is
        an everyday word only as the first word and not at a sentence start ('Grace
        Nwachukwu'); or an initial and one unknown word without a Latin ending
        ('T. Randrianasolo', not 'E. Faecium'); or one unknown word after a hand-off or
        care verb ('signed out to Vakalahi') or before a verb only a person does
        ('Randrianasolo denies pain')."""
        lex = self.lex
        unknown = [self._unknown(t.word, t.key) for t in core]
        if not any(unknown) or any(text[t.end:t.end + 1].isalnum() for t in core):
            return []  # no unknown word, or a word cut out of a code ('KNA' of 'KNAJ2H8...')
        commas = [i for i in range(1, len(part)) if "," in text[part[i - 1].end:part[i].start]]
        if len(commas) >= 2 or (commas and len(core) > 4):
            # a list of names ('Tsiory Randrianasolo, Mosese Vakalahi, Bolat ...'): each item
            pieces = [part[a:b] for a, b in zip([0, *commas], [*commas, len(part)], strict=True)]
            return [span for piece in pieces if len(piece) >= 2 for span in self._unknown_run(
                piece, [t for t in piece if len(t.key) > 1], sentence_start=False, text=text)]
        initials = len(part) - len(core)
        if len(core) == 1:
            key = core[0].key
            if (initials and part[0] is not core[0] and not key.endswith(_LATIN_TAIL)
                    and len(key) >= 4) or (not initials and (
                        self._care_before(text, part[0])
                        or _PERSON_AFTER.match(text, core[0].end, core[0].end + 40))):
                return [Span(part[0].start, part[-1].end, PhiType.NAME, "name_shape", 0.7)]
            return []
        if len(core) > 4:
            return []
        for index, (tok, new) in enumerate(zip(core, unknown, strict=True)):
            if new or (tok.key in _ASIAN_SURNAMES and index > 0 and unknown[index - 1]
                       and "," not in text[core[index - 1].end:tok.start]):
                continue  # a word no list knows, or 'He' after one ('Meiling He')
            key = tok.key
            if not lex.is_name(key) or not self._usable(key) or lex.is_clinical(key) \
                    or (key in lex.places and key not in lex.last and key not in lex.first):
                return []
            if lex.blocks_alone(key) and not (
                    index == 0 and key in lex.first and not tok.word.isupper()
                    and (not sentence_start or all(unknown[1:]))):
                return []
            if tok.word.isupper() and (len(key) < 3 or not pronounceable(key)):
                return []
        return [Span(part[0].start, part[-1].end, PhiType.NAME, "name_shape", 0.7)]
