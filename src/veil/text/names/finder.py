"""`NameFinder`: every name rule family of this package over one text.

The class only joins the mixins (`_RunJudge`, `_LowerCase`, `_Forms`, all on
`_FinderBase`) and runs them in a fixed order; see the package docstring for what makes a
name.
"""

from __future__ import annotations

import re

from veil.text import words as words_module
from veil.text.lexicon import fold
from veil.text.names.capitalized import _RunJudge
from veil.text.names.context import (
    _label_ends,
    _medium_ends,
    _strong_ends,
    _words,
    subject_line_ends,
)
from veil.text.names.forms import (
    _DICTATION_INITIALS,
    _HEADER_NAME,
    _INITIALS_BEFORE,
    _UNIT_WORDS,
    _Forms,
)
from veil.text.names.lower import _LowerCase
from veil.text.names.tokens import _runs
from veil.text.spans import PhiType, Span

_COLON_AFTER = re.compile(r"[ \t]*:")
_ZIP_AFTER = re.compile(r"[ \t]+[0-9]{5}(?![0-9])")


class NameFinder(_RunJudge, _LowerCase, _Forms):
    """Finds person names in text (see the `veil.text.names` docstring)."""

    def find(self, text: str) -> list[Span]:
        spans: list[Span] = [*self._table_cells(text)]
        spans += [Span(m.start(1), m.end(1), PhiType.NAME, "name_header", 0.9)
                  for m in _HEADER_NAME.finditer(text)
                  if not self._town_and_state(text, m.group(1), m.end(1))
                  and not self._everyday_pair(m.group(1))]
        words = _words(text)
        strong = subject_line_ends(text, _label_ends(text, _strong_ends(text, words)))
        medium = _medium_ends(text, words)
        for run in _runs(text, self.lex.first):
            spans.extend(self._judge(text, run, strong, medium))
        spans.extend(self._lower_case_intro(text))
        spans.extend(self._lower_case_context(text))
        spans.extend(self._lower_unknown(text, strong, medium))
        spans.extend(self._ocr_names(text, strong))
        spans.extend(self._aliases(text, spans))
        spans.extend(self._coordinated(text, spans))
        spans.extend(self._possessive(text))
        spans.extend(Span(m.start(1), m.end(1), PhiType.NAME, "name_initials", 0.8)
                     for m in _DICTATION_INITIALS.finditer(text)
                     if _INITIALS_BEFORE.search(text, max(0, m.start(1) - 40), m.start(1))
                     and not any(fold(half) in _UNIT_WORDS or self.lex.is_clinical(fold(half))
                                 for half in m.group(1).split("/")))
        spans.extend(self._initials(text))
        spans.extend(self._nicknames(text))
        spans = [s for s in spans if not self._section_label(text, s)]
        spans.extend(self._compound_surnames(text, spans, strong))
        spans.extend(self._joined_by_particle(text, spans))
        return self._with_particles(text, self._lower_tails(text, spans))

    def _town_and_state(self, text: str, header: str, end: int) -> bool:
        """'Tamuning, Guam 96913', "Honolulu, Hawai'i 96819": a town and its state or
        territory before a ZIP code, not a 'Last, First' header ('WHITE, VIRGINIA  (84F)'
        is one)."""
        given = header.split(",", 1)[1].split()[0]
        key = re.sub(r"['’‘ʻ]", "", fold(given))
        return (key in self.lex.states or key == "CNMI") \
            and bool(_ZIP_AFTER.match(text, end))

    def _everyday_pair(self, header: str) -> bool:
        """'Employee: Yes, Full-time', 'Resident Alert, Cooperative', 'Insured: Self,
        Primary': a form's answers, every word an English or clinical word and none a name
        of the lists (unlike 'Bass, Forest' or 'Hill, Grace')."""
        keys = [fold(word) for word in re.findall(r"[A-Za-z'’]+", header) if len(word) > 1]
        return bool(keys) and all(
            (words_module.is_english(key) or self.lex.is_clinical(key))
            and not self.lex.is_name(key)
            for key in keys)

    def _section_label(self, text: str, span: Span) -> bool:
        """A dictionary surname alone at a line's start before a colon that is an English
        word and no given name ('Bones: degenerative change', 'Vessels:', 'Lines:'): the
        heading of a section, not a person."""
        if span.source != "name_dictionary" or " " in text[span.start:span.end]:
            return False
        line_start = text.rfind("\n", 0, span.start) + 1
        if text[line_start:span.start].strip(" \t-*•") or not _COLON_AFTER.match(text, span.end):
            return False
        key = fold(text[span.start:span.end])
        return words_module.is_english(key) and key not in self.lex.first
