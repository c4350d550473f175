"""Person names in running text: dictionaries, name shapes and context.

Capitalized words are grouped into runs ('Maria de la Cruz', 'Smith, John A.',
'J. Smith'). A run becomes a name when

- it follows strong context: a title ('Dr.', 'Mrs'), a relation ('his daughter',
  'wife,'), a label ('Patient:', 'Name:', 'Dear', 'Signed by'), a signature dash,
  or is followed by a credential (', MD', 'RN') or a relation in brackets; then
  even everyday words ('Hope', 'Young') and unknown surnames are names;
- or it holds a dictionary name that is not an everyday or clinical word
  (`Lexicon.is_strong_name`), possibly with unknown capitalized neighbours,
  initials and particles;
- or it is two dictionary names that are everyday words in the middle of a
  sentence ('Rose Young'), or an initial and a surname ('J. Brown');
- or a reporting verb precedes it ('spoke with', 'seen by') and it is not
  clinical vocabulary.

A word used as an eponym ("Parkinson's disease", 'Wilson disease', 'Foley
catheter') never counts without a title. Titles and credentials stay outside
the span (they are not identifying). All lookups are set lookups; the only
regexes run once per text.

The rules live in one module per family (all private; import from this package):

- `tokens`: runs of capitalized words and the word sets every rule consults;
- `context`: titles, relations, labels, signature dashes, reporting and care verbs, and the
  once-per-text scans that find where such context ends;
- `base`: the lexicon and the memoized test for a word no list knows (`_FinderBase`);
- `guards`: eponyms, scores, staging families, languages, brands, headings: when a
  dictionary name is no person;
- `capitalized`: judging one run (titled and role-word names, dictionary names,
  unknown-word names);
- `lower`: names written in lower case after context (chat, portal messages);
- `forms`: 'LAST, FIRST' headers and table cells, 'and' lists, aliases, nicknames,
  possessives, typist initials, OCR damage;
- `finder`: `NameFinder`, which joins them.
"""

from __future__ import annotations

from veil.text.names.base import lex_first_weak
from veil.text.names.finder import NameFinder
from veil.text.names.tokens import SHORT_SURNAME

__all__ = ["SHORT_SURNAME", "NameFinder", "lex_first_weak"]
