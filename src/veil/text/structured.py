"""PHI that the field names of structured data pasted into a note mark.

Notes carry pieces of records: a CSV or pipe table copied from a report, a FHIR resource,
a CDA fragment, a `name=...; dob=...` log line. There the *field name* says what a value
is, whatever its shape: 'Okafor' under 'Last Name' is a surname even though no name rule
knows it, and '12345' under 'MRN' is a record number. `structured_spans` reads four
layouts and returns the values whose field names are identifiers:

1. delimited tables (tab, pipe, semicolon, comma; quoted CSV cells; Markdown separator
   rows skipped): a header row of short labels, then the rows with as many cells; tab
   and pipe rows of label/value pairs side by side (2, 4 or 6 cells, empty separator
   columns) mark only the cell after each label, never a label;
2. JSON (valid or not, pretty-printed or on one line, truncated): `"key": value` pairs and
   arrays of strings, with the FHIR keys (`family`, `given`, `line`, `postalCode`,
   `telecom`/`identifier` values, `display` of a subject, `Patient/<id>` references);
3. XML/CDA: element text (`<family>`, `<city>`), `value`/`extension` attributes
   (`<birthTime value=...>`, `<telecom value="tel:...">`, `<id extension=...>`) and
   attributes named like a field;
4. key=value dumps (`name=John Smith; dob=1958-03-12`).

A field name maps to a type, and a value is checked for its type's minimal shape, in
`veil.text.fields` (`classify`, `valid_value`): a drug, lab or vitals table, or a FHIR
Observation, yields nothing; placeholders ('N/A', '[REDACTED]', '***') are never marked.
A bare 'name' is a person's only when nothing beside it says otherwise: no clinical
sibling key (JSON key of the same object, XML element under the same parent, key of a
key=value pair on the same line: 'value', 'dose', 'onset', 'clinicalStatus'...), no
'resourceType' other than a person's; a table cell under a person's column must look like
a name (`person_cell`: 'Afib RVR', 'stable' are no patients), and a header row is never
read as values.

Spans cover exactly the value (no quotes, blanks or delimiters); sources start with
`structured_`; the score is 0.85. The work is linear in the text: each line is split a
bounded number of times, the JSON and XML scans are single regex passes with bounded
repetitions, and nothing here logs, prints or raises with text content.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field

from veil.text.fields import (
    by_shape,
    classify,
    digits,
    is_field_name,
    is_header_cell,
    label_words,
    named_cell,
    names_a_thing,
    only_vocabulary,
    person_cell,
    role_column,
    valid_value,
)
from veil.text.lexicon import Lexicon
from veil.text.spans import PhiType, Span

__all__ = ["structured_spans"]

_SCORE = 0.85
_MAX_LINE = 2000
"""A header line longer than this is prose (or a flattened document), never a table header."""


def _span(start: int, end: int, phi: PhiType, source: str) -> Span:
    return Span(start, end, phi, source, _SCORE)


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of text[start:end] without surrounding blanks and double quotes."""
    while start < end and text[start] in " \t\r\"":
        start += 1
    while end > start and text[end - 1] in " \t\r\"":
        end -= 1
    return start, end


# --- delimited tables -----------------------------------------------------------------

_DELIMITERS = ("\t", "|", ";", ",")
_SEPARATOR_ROW = re.compile(r"[ \t]*[|+]?[ \t]*[:=\-]{2,}[ \t\r:=|+\-]*")
_QUOTED = {d: re.compile(r"[ \t]*\"((?:[^\"\n]|\"\"){0,400})\"[ \t\r]*(?=" + re.escape(d)
                         + r"|$)") for d in ("\t", ";", ",")}
_PLAIN = {d: re.compile(r"[^" + re.escape(d) + r"]*") for d in _DELIMITERS}
_PROSE_START = frozenset({"and", "or", "but", "the", "a", "an", "with", "was", "is", "were",
                          "to", "in", "on", "for", "then", "also", "if", "he", "she", "we"})
_LABEL_CELL = re.compile(r"[A-Za-z][A-Za-z0-9 _.#/()'’&\-]{0,47}")
_INITIALS = re.compile(r"(?:[A-Za-z][.]?[ ]?){1,4}")
_CLINICAL_CONTEXT = frozenset({
    "dose", "dosage", "route", "frequency", "freq", "sig", "strength", "refills", "qty",
    "quantity", "result", "results", "units", "unit", "range", "flag", "loinc", "ndc",
    "rxnorm", "interpretation", "specimen", "value", "reference", "indication",
})
"""Column words of a medication or lab table: its bare 'Name' column names the drug or test."""
_CLINICAL_KEYS = frozenset({"onset", "severity", "clinicalstatus", "verificationstatus",
                            "category", "abatement", "recordeddate", "bodysite", "stage"})
_CLINICAL_KEY_PREFIXES = ("onset", "abatement")
"""Keys of a FHIR Condition, AllergyIntolerance or assessment ('onsetDateTime'): a bare
'name' beside one names the condition or the scale, not a person."""


def _clinical_key(key: str) -> bool:
    """Whether a sibling key (JSON key, XML element, key of key=value) says its record is
    a drug, a test or a condition (see `_CLINICAL_CONTEXT`, `_CLINICAL_KEYS`)."""
    lower = key.rsplit(":", 1)[-1].lower()
    return (lower in _CLINICAL_KEYS or lower.startswith(_CLINICAL_KEY_PREFIXES)
            or bool(set(label_words(key)) & _CLINICAL_CONTEXT))


def _bare_name(key: str) -> bool:
    """A field called only 'name': whose name it is, its siblings say."""
    return key.rsplit(":", 1)[-1].lower() in ("name", "names")

Cell = tuple[int, int]
"""A cell's value bounds in the text (blanks and quotes stripped; may be empty)."""


def _split(text: str, start: int, end: int, delimiter: str) -> list[Cell]:
    """The cells of one line; quoted cells ("Smith, John") keep their delimiters; the outer
    pipes of a pipe table ('| a | b |') open and close no cell."""
    if delimiter == "|":
        start, end = _stripped(text, start, end)
        if start < end and text[start] == "|":
            start += 1
        if end > start and text[end - 1] == "|":
            end -= 1
    quoted = _QUOTED.get(delimiter)
    plain = _PLAIN[delimiter]
    cells: list[Cell] = []
    pos = start
    while len(cells) <= 64:
        match = quoted.match(text, pos, end) if quoted is not None else None
        if match is not None:
            cells.append(_stripped(text, match.start(1), match.end(1)))
        else:
            match = plain.match(text, pos, end)
            if match is None:  # never: [^d]* matches the empty string
                break
            cells.append(_stripped(text, match.start(), match.end()))
        if match.end() >= end:
            break
        pos = match.end() + 1
    return cells


def _header_types(text: str, cells: list[Cell], delimiter: str) -> list[PhiType | None] | None:
    """The PHI type of each header cell, or None when the row is no header: at least two
    cells, none empty, short labels (few digits, no sentence), at least one identifier
    column. Commas and semicolons also separate clauses of prose ('Contact, droplet
    precautions'), so there a label is capitalized or one word, and a header of two cells
    maps both or names the other a field ('Age,Count')."""
    labels = [text[a:b] for a, b in cells]
    if len(labels) < 2 or not all(labels):
        return None  # a blank form ('Patient | | MRN |'): its labels are no columns
    if delimiter in ",;" and any(
            label[:1].islower() and " " in label for label in labels):
        return None
    labelled = sum(1 for label in labels if _LABEL_CELL.fullmatch(label)
                   and digits(label) <= 1 and len(label.split()) <= 5)
    if labelled * 4 < len(labels) * 3 or any(
            label[-1:] in ".!?:" or label.split(" ", 1)[0].lower() in _PROSE_START
            for label in labels):
        return None
    types = [classify(label) if label else None for label in labels]
    if delimiter in ",;" and len(types) == 2 and any(
            phi is None and not is_field_name(label) for phi, label in zip(
                types, labels, strict=True)):
        return None  # 'Patient, Stable': a clause; 'Age,Count' is a header
    return types if any(t is not None for t in types) else None


def _clinical_table(text: str, header: list[Cell]) -> bool:
    return any(set(label_words(text[a:b])) & _CLINICAL_CONTEXT for a, b in header)


_PERSON_FIELD_LABELS = frozenset({"emergency", "patient", "contact", "guarantor", "subscriber",
                                  "insured", "member", "provider", "attending", "pcp"})
"""Labels of person fields: as a cell value the label itself, not a person ('Dad' is)."""


def _field_label(value: str) -> bool:
    """A cell that is a field's label rather than a value ('Insurance', 'MRN', 'Emergency',
    'VIN (MVC)': a note in parentheses after the label is the label's)."""
    value = _LABEL_NOTE.sub("", value)
    return is_header_cell(value) and (classify(value) is not PhiType.NAME
                                      or value.strip().casefold() in _PERSON_FIELD_LABELS)


_LABEL_NOTE = re.compile(r"[ \t]*\([^()]*\)[ \t]*$")


def _person_columns(text: str, header: list[Cell], types: list[PhiType | None]) -> bool:
    """A column of birth dates, record or social security numbers in the header: the
    table's rows are people ('Accession | Name | DOB | Nil | TB1-Nil | Result')."""
    for (a, b), phi in zip(header, types, strict=True):
        words = set(label_words(text[a:b]))
        if phi in (PhiType.MRN, PhiType.SSN) or (
                phi is PhiType.DATE and words & {"dob", "birth", "born", "birthdate"}):
            return True
    return False


def _column_spans(text: str, header: list[Cell], types: list[PhiType | None],
                  rows: list[list[Cell]], lexicon: Lexicon) -> Iterator[Span]:
    """The spans of a table's identifier columns (see `_header_types`)."""
    clinical = _clinical_table(text, header)
    for column, phi in enumerate(types):
        if phi is None:
            continue
        name = text[header[column][0]:header[column][1]]
        values = [row[column] for row in rows if row[column][0] < row[column][1]
                  and text[row[column][0]:row[column][1]].casefold() != name.casefold()
                  and not _field_label(text[row[column][0]:row[column][1]])]
        # (a cell that repeats its column's label, or is another field's label, is no value:
        # pairs read as a table, 'Patient | X' over 'Insurance | ...', 'Emergency | ...')
        label = set(label_words(name))
        if label & {"initial", "initials"}:
            for a, b in values:  # 'MI', 'P.E.': initials, even when they spell a term
                if (_INITIALS.fullmatch(text[a:b]) and not _WORD_NOT_INITIALS.fullmatch(
                        text[a:b])) or valid_value(text[a:b], phi, lexicon, ""):
                    yield _span(a, b, phi, "structured_table")
            continue
        if phi is PhiType.NAME:
            bare = label <= {"name", "names", "s", "#"}
            if bare and clinical and not _person_columns(text, header, types):
                continue  # (a birth date or a record number beside it: a person's name)
            vocabulary = sum(1 for a, b in values if only_vocabulary(text[a:b], lexicon))
            if vocabulary >= 2 and vocabulary * 2 >= len(values):
                continue  # a drug or test list under a 'Name' header
        role = phi is PhiType.NAME and role_column(label)
        for a, b in values:
            if valid_value(text[a:b], phi, lexicon, name) and (
                    phi is not PhiType.NAME or person_cell(text[a:b], lexicon)) and (
                    not role or named_cell(text[a:b], lexicon)):
                yield _span(a, b, phi, "structured_table")


def _pair_spans(text: str, rows: list[list[Cell]], lexicon: Lexicon) -> Iterator[Span]:
    """Label/value pairs ('| DOB | 03/12/1958 |'): only the cell after a label is marked."""
    for (la, lb), (va, vb) in rows:
        phi = classify(text[la:lb]) if la < lb else None
        value = text[va:vb]
        if phi is not None and va < vb and classify(value) is None and not is_header_cell(
                value) and valid_value(value, phi, lexicon, text[la:lb]) and (
                    phi is not PhiType.NAME or person_cell(value, lexicon)):
            yield _span(va, vb, phi, "structured_pair")


_PAIR_WIDTHS = (2, 4, 6)
_MAX_PAIR_CELLS = 9
"""Three pairs and their empty separator cells at most ('| MRN | 12 | | DOB | 1/2/50 |')."""


def _block(text: str, lines: list[tuple[int, int]], i: int, delimiter: str,
           width: int) -> tuple[list[list[Cell]], int]:
    """The lines from `i` with exactly `width` cells (Markdown separator rows skipped), up
    to the first other line or the first header row after the first line
    (`_header_row`: 'Contact | Relationship' below pairs starts a table), and the index
    after them."""
    rows: list[list[Cell]] = []
    while i < len(lines):
        start, end = lines[i]
        if end - start > _MAX_LINE or delimiter not in text[start:end]:
            break
        if _SEPARATOR_ROW.fullmatch(text, start, end) is None:
            cells = _split(text, start, end, delimiter)
            if len(cells) != width or (rows and _header_row(text, cells)):
                break
            rows.append(cells)
        i += 1
    return rows, i


def _header_row(text: str, cells: list[Cell]) -> bool:
    """Whether a row is column labels ('Contact | Relationship', 'Name | Phone'): two or
    more cells, every one a label (`is_header_cell`), not all of them person fields ('Contact
    | Mother' is a pair: the mother is the contact). Such a row is never read as values."""
    labels = [text[a:b] for a, b in cells if a < b]
    return len(labels) >= 2 and all(is_header_cell(label) for label in labels) and any(
        classify(label) is not PhiType.NAME for label in labels)


def _label_pairs(text: str, block: list[list[Cell]]) -> list[list[Cell]] | None:
    """The (label, value) cells of a block laid out as label/value pairs side by side
    ('| MRN | 4471882 | | VIN | 1FTYR2CM5HKA81172 |'), or None when it is no such block.

    Columns empty in every row are separators. The rest are 2, 4 or 6 columns, label and
    value in turn: most label cells are field names (PHI or not: 'Insurance' is a label),
    no value cell of the first row names a PHI field (else it is a header: 'Name | Phone'),
    and a lone line of several pairs has a value no label could be (digits, accents)."""
    kept = [c for c in range(len(block[0])) if any(row[c][0] < row[c][1] for row in block)]
    if len(kept) not in _PAIR_WIDTHS:
        return None
    rows = [[row[c] for c in kept] for row in block]
    labels = [text[a:b] for row in rows for a, b in row[0::2] if a < b]
    if sum(1 for label in labels if is_field_name(label)) * 2 <= len(labels):
        return None
    first = [(text[la:lb], text[va:vb]) for (la, lb), (va, vb) in zip(
        rows[0][0::2], rows[0][1::2], strict=True) if va < vb]
    if any(classify(value) is not None or (is_field_name(value) and classify(label) is not None)
           for label, value in first):
        return None  # a header: 'Name | Phone', 'Name | Dose' (but 'Field | Value' is none)
    values = [value for _, value in first]
    if len(rows) == 1 and len(kept) > 2 and all(
            _LABEL_CELL.fullmatch(value) and digits(value) <= 1 for value in values):
        return None  # 'Patient | Complaint | DOB | Notes': a header without its rows
    return [row[j:j + 2] for row in rows for j in range(0, len(row), 2)]


def _lines(text: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        bounds.append((start, start + len(line)))
        start += len(line) + 1
    return bounds


def _table_spans(text: str, lexicon: Lexicon) -> Iterator[Span]:
    """Spans of every delimited table in the text (a table ends at a blank line). Tab and
    pipe lines are first read as label/value pairs (`_label_pairs`); a block that is none
    is not read so again (which keeps the scan linear), and then as a table with a header."""
    lines = _lines(text)
    i = 0
    no_pairs_before = {"\t": 0, "|": 0}
    while i < len(lines):
        start, end = lines[i]
        i += 1
        if end - start > _MAX_LINE:
            continue
        line = text[start:end]
        for delimiter in _DELIMITERS:
            if delimiter not in line:
                continue
            header = _split(text, start, end, delimiter)
            if no_pairs_before.get(delimiter, i) < i and 2 <= len(header) <= _MAX_PAIR_CELLS:
                block, after = _block(text, lines, i - 1, delimiter, len(header))
                pairs = _label_pairs(text, block) if block else None
                if pairs is not None:
                    yield from _pair_spans(text, pairs, lexicon)
                    i = after
                    break
                no_pairs_before[delimiter] = after
            types = _header_types(text, header, delimiter)
            rows: list[list[Cell]] = []
            if types is not None:
                rows, after = _rows(text, lines, i, delimiter, len(header))
            if types is None or not rows:
                if len(header) == 2 and delimiter in "\t|":  # one label | value line
                    yield from _pair_spans(text, _label_pairs(text, [header]) or [], lexicon)
                continue
            i = after
            pairs = _label_pairs(text, [header, *rows]) if len(header) == 2 else None
            if pairs is not None and delimiter in "\t|":
                yield from _pair_spans(text, pairs, lexicon)  # a vertical table
            else:
                yield from _column_spans(text, header, types, rows, lexicon)
            break


_WORD_NOT_INITIALS = re.compile(r"[A-Z][a-z]{2,}")
"""A capitalized word under 'Initials' ('Held', 'Given') is a status, no one's initials."""
_ALIGNED_GAP = re.compile(r"[ ]{2,}|\t")
_ALIGNED_CELL = re.compile(r"\S(?:[^ \t\n]|[ ](?=\S))*")
"""A cell of a column-aligned table: words with single spaces between them."""
_ALIGN_SLACK = 2
_MIN_ALIGNED_COLUMNS = 3


def _aligned_cells(text: str, start: int, end: int) -> list[Cell]:
    return [(m.start(), m.end()) for m in _ALIGNED_CELL.finditer(text, start, end)]


def _aligned_row(text: str, start: int, end: int, columns: dict[int, int],
                 width: int) -> list[Cell] | None:
    """A row's cells placed under the header's columns by where they start (a cell that
    starts under no column is left out); None when fewer than two cells line up."""
    row: list[Cell] = [(start, start)] * width
    placed = 0
    for a, b in _aligned_cells(text, start, end):
        column = columns.get(a - start)
        if column is not None and row[column][0] == row[column][1]:
            row[column] = (a, b)
            placed += 1
    return row if placed >= 2 else None


def _aligned_spans(text: str, lexicon: Lexicon) -> Iterator[Span]:
    """Spans of tables laid out with blanks ('Name               Badge     Born in' over 'Paw
    Lah            SM-40812  Myanmar'): a header of three or more labels apart by two
    blanks or more, then the lines whose cells start under its labels, to a blank line.
    Each cell is read under the label its start lines up with, so a name with one blank
    inside ('Paw Lah', 'Htoo, Eh Say') stays one cell."""
    lines = _lines(text)
    i = 0
    while i < len(lines):
        start, end = lines[i]
        i += 1
        if end - start > _MAX_LINE or not _ALIGNED_GAP.search(text, start, end) \
                or "\t" in text[start:end] or "|" in text[start:end]:
            continue  # a tab or pipe table is `_table_spans`' (its cells may hold two blanks)
        header = _aligned_cells(text, start, end)
        if len(header) < _MIN_ALIGNED_COLUMNS:
            continue
        types = _header_types(text, header, "  ")
        if types is None:
            continue
        columns: dict[int, int] = {}  # offset in the line (with slack) -> column
        for column, (a, _b) in enumerate(header):
            for offset in range(a - start - _ALIGN_SLACK, a - start + _ALIGN_SLACK + 1):
                columns.setdefault(offset, column)
        rows: list[list[Cell]] = []
        missed = 0
        while i < len(lines) and missed < 3:
            row_start, row_end = lines[i]
            if not text[row_start:row_end].strip() or row_end - row_start > _MAX_LINE:
                break
            i += 1
            row = _aligned_row(text, row_start, row_end, columns, len(header))
            if row is None:
                missed += 1
                continue
            missed = 0
            rows.append(row)
        if rows:
            if _clinical_table(text, header):  # ('Serial | Result': serial troponins)
                types = [None if phi is PhiType.DEVICE else phi for phi in types]
            yield from _column_spans(text, header, types, rows, lexicon)


def _rows(text: str, lines: list[tuple[int, int]], i: int, delimiter: str,
          width: int) -> tuple[list[list[Cell]], int]:
    """The data rows after a header (ragged rows skipped; a blank line, a line without the
    delimiter or three ragged rows in a row end the table) and the index after them."""
    rows: list[list[Cell]] = []
    ragged = 0
    while i < len(lines):
        start, end = lines[i]
        line = text[start:end]
        if not line.strip() or delimiter not in line or end - start > _MAX_LINE:
            break
        i += 1
        if _SEPARATOR_ROW.fullmatch(line):
            continue
        cells = _split(text, start, end, delimiter)
        if len(cells) == width:
            rows.append(cells)
            ragged = 0
        else:
            ragged += 1
            if ragged >= 3:
                break
    return rows, i


# --- JSON -----------------------------------------------------------------------------

_JSON_TOKEN = re.compile(
    r"\"((?:[^\"\\\n]|\\.){0,400})\"(?:[ \t\r\n]{0,40}(:))?|([\[{])|([\]}])")
_JSON_VALUE = re.compile(
    r"[ \t\r\n]{0,40}(?:\"((?:[^\"\\\n]|\\.){0,400})\"|(-?[0-9][0-9.eE+\-]{0,30}))")
_JSON_KEYS: dict[str, PhiType | None] = {
    "family": PhiType.NAME, "given": PhiType.NAME, "line": PhiType.ADDRESS,
    "district": PhiType.COUNTY, "postalcode": PhiType.ZIP, "birthdate": PhiType.DATE,
    "issued": PhiType.DATE, "start": PhiType.DATE, "end": PhiType.DATE,
    "prefix": None, "suffix": None, "text": None, "value": None, "display": None,
    "reference": None, "state": None, "country": None, "use": None, "system": None,
    "id": PhiType.ID,
}
"""FHIR keys whose meaning the word table does not give (None: decided by context)."""
_PERSON_HOLDERS = frozenset({
    "subject", "patient", "performer", "practitioner", "generalpractitioner", "requester",
    "author", "recorder", "asserter", "participant", "individual", "actor", "informant",
    "attester", "party", "beneficiary", "subscriber", "policyholder", "enterer", "verifier",
    "sender", "recipient", "source", "who", "agent", "contact", "relatedperson", "person",
})
_REFERENCE = re.compile(r"(?:Patient|Practitioner|RelatedPerson|Person)/([A-Za-z0-9.\-]{1,64})")
_FACILITY_HOLDERS = frozenset({"organization", "managingorganization", "serviceprovider",
                               "facility", "hospital", "pharmacy", "location", "insurer"})
_MAX_DEPTH = 64


def _json_type(key: str, holder: str, value: str) -> PhiType | None:
    """The type of a JSON value from its key and its nearest keyed container ('holder')."""
    lower = key.lower()
    if lower == "name" and holder in _FACILITY_HOLDERS:
        return PhiType.FACILITY
    if lower in _JSON_KEYS:
        phi = _JSON_KEYS[lower]
        if phi is not None or lower not in ("text", "value", "display"):
            return phi
        if lower == "text":
            return {"name": PhiType.NAME, "address": PhiType.ADDRESS}.get(holder)
        if lower == "display":
            return PhiType.NAME if holder in _PERSON_HOLDERS else None
        if holder == "telecom":
            return by_shape(value) or PhiType.PHONE
        return (by_shape(value) or PhiType.ID) if holder == "identifier" else None
    phi = classify(key)
    if phi is PhiType.NAME and holder and (holder in _FACILITY_HOLDERS
                                           or names_a_thing(holder)):
        return None
    return phi


@dataclass(slots=True)
class _Container:
    """One open JSON object or array: the key it is the value of, its nearest keyed holder,
    whether a sibling key is clinical ('dose', 'unit', 'value') and the person names of a
    bare 'name' key held until the object closes."""

    key: str
    holder: str
    array: bool
    clinical: bool = False
    resource: str = ""
    held: list[Span] = field(default_factory=list)

    def release(self, text: str, lexicon: Lexicon) -> Iterator[Span]:
        """The held names once the object is read: none beside a clinical key or in a
        resource that is no person ('Medication', 'Condition'); the name of an
        'Organization' or a 'Location' is a facility."""
        if self.clinical or (self.resource and self.resource not in _PERSON_RESOURCES):
            if self.resource in _FACILITY_RESOURCES:
                yield from (_span(s.start, s.end, PhiType.FACILITY, s.source) for s in self.held
                            if valid_value(text[s.start:s.end], PhiType.FACILITY, lexicon, ""))
            return
        yield from self.held


_PERSON_RESOURCES = frozenset({"Patient", "Practitioner", "RelatedPerson", "Person"})
_FACILITY_RESOURCES = frozenset({"Organization", "Location"})


def _json_spans(text: str, lexicon: Lexicon) -> Iterator[Span]:
    """Key/value pairs of JSON (valid or not) in one pass over its strings and brackets.
    A bare 'name' is a person's only if no key of its object is clinical and its
    'resourceType', if any, is a person's: the object '{"name": "Hemoglobin", "value": 13.2,
    "unit": "g/dL"}' is a test, '{"name": "Parkinson Disease", "onset": "2019"}' a condition,
    and keys may come in any order, so those names wait for the object's end (or the
    text's, if truncated)."""
    open_: list[_Container] = []
    pending = ""  # the key just read, waiting for its container
    consumed = -1  # the end of the last value read with its key
    for token in _JSON_TOKEN.finditer(text):
        if token.start() < consumed:
            continue
        if token.group(3) is not None:
            holder = pending.lower() or (open_[-1].holder if open_ else "")
            if len(open_) < _MAX_DEPTH:
                open_.append(_Container(pending, holder, token.group(3) == "["))
            pending = ""
        elif token.group(4) is not None:
            if open_:
                yield from open_.pop().release(text, lexicon)
            pending = ""
        elif token.group(2) is not None:
            key = token.group(1)
            current = open_[-1] if open_ else None
            if current is not None and _clinical_key(key):
                current.clinical = True
            value = _JSON_VALUE.match(text, token.end())
            pending = key
            if value is None:
                continue
            group = 1 if value.group(1) is not None else 2
            consumed = value.end()
            pending = ""
            if current is not None and key == "resourceType" and value.group(1) is not None:
                current.resource = value.group(1).strip()
            found = _json_value(text, key, current.holder if current else "",
                                value.start(group), value.end(group), lexicon)
            for span in found:
                if current is not None and span.type is PhiType.NAME and _bare_name(key):
                    current.held.append(span)
                else:
                    yield span
        elif open_ and open_[-1].array and open_[-1].key:
            # a string in an array under a key: '"given": ["John", "Q"]'
            outer = open_[-2].holder if len(open_) > 1 else ""
            yield from _json_value(text, open_[-1].key, outer, token.start(1), token.end(1),
                                   lexicon)
    for container in open_:
        yield from container.release(text, lexicon)


def _json_value(text: str, key: str, holder: str, start: int, end: int,
                lexicon: Lexicon) -> list[Span]:
    """The span of one JSON value (none, or one; a reference marks only its id)."""
    start, end = _stripped(text, start, end)
    if start >= end:
        return []
    value = text[start:end]
    if key.lower() == "reference":
        match = _REFERENCE.search(value)
        return [_span(start + match.start(1), start + match.end(1), PhiType.ID,
                      "structured_json")] if match else []
    phi = _json_type(key, holder, value)
    if phi is not None and valid_value(value, phi, lexicon, key):
        return [_span(start, end, phi, "structured_json")]
    return []


# --- XML ------------------------------------------------------------------------------

_XML_ELEMENT = re.compile(
    r"<(?:[A-Za-z][\w.\-]{0,20}:)?([A-Za-z][\w.\-]{0,40})(?:[ \t\r\n][^<>]{0,400})?>"
    r"([^<>]{1,300})</")
_XML_TAG = re.compile(r"<(?:[A-Za-z][\w.\-]{0,20}:)?([A-Za-z][\w.\-]{0,40})"
                      r"((?:[ \t\r\n]+[A-Za-z][\w:.\-]{0,40}[ \t]*=[ \t]*\"[^\"<>]{0,300}\"){1,12})"
                      r"[ \t\r\n]*/?>")
_XML_ATTRIBUTE = re.compile(r"([A-Za-z][\w:.\-]{0,40})[ \t]*=[ \t]*\"([^\"<>]{0,300})\"")
_XML_KEYS: dict[str, PhiType] = {
    "family": PhiType.NAME, "given": PhiType.NAME, "streetaddressline": PhiType.ADDRESS,
    "postalcode": PhiType.ZIP, "county": PhiType.COUNTY, "censustract": PhiType.COUNTY,
    "birthtime": PhiType.DATE, "deceasedtime": PhiType.DATE, "effectivetime": PhiType.DATE,
    "time": PhiType.DATE, "low": PhiType.DATE, "high": PhiType.DATE, "center": PhiType.DATE,
}
_MARKUP_ATTRIBUTES = frozenset({"id", "class", "style", "for", "lang", "rel", "src", "type",
                                "role", "title", "width", "height", "align", "colspan",
                                "rowspan", "xmlns", "root", "classcode", "moodcode"})
"""Attributes of the markup itself, never a record's field ('<section id="risk">')."""
_SCHEME = re.compile(r"(tel|fax|mailto|http|https|sms):/{0,2}", re.IGNORECASE)
_SCHEME_TYPE = {"tel": PhiType.PHONE, "sms": PhiType.PHONE, "fax": PhiType.FAX,
                "mailto": PhiType.EMAIL, "http": PhiType.URL, "https": PhiType.URL}


_XML_ANY_TAG = re.compile(r"<(/?)(?:[A-Za-z][\w.\-]{0,20}:)?([A-Za-z][\w.\-]{0,40})"
                          r"[^<>]{0,400}?(/?)>")
_SIBLING_WINDOW = 1500
"""How far (characters) either side of a bare `<name>` element its siblings are looked for."""


def _xml_siblings(text: str, start: int, end: int) -> Iterator[str]:
    """The tags of the elements beside the element text[start:end] under the same parent,
    within `_SIBLING_WINDOW` characters either side (bounded: the scan stays linear)."""
    before = list(_XML_ANY_TAG.finditer(text, max(0, start - _SIBLING_WINDOW), start))
    depth = 0
    for tag in reversed(before):
        closing, self_closing = tag.group(1) == "/", tag.group(3) == "/"
        if closing:
            if depth == 0:
                yield tag.group(2)
            depth += 1
        elif self_closing:
            if depth == 0:
                yield tag.group(2)
        elif depth == 0:
            break  # the parent's opening tag
        else:
            depth -= 1
    depth = 0
    for tag in _XML_ANY_TAG.finditer(text, end, min(len(text), end + _SIBLING_WINDOW)):
        closing, self_closing = tag.group(1) == "/", tag.group(3) == "/"
        if closing:
            if depth == 0:
                break  # the parent's closing tag
            depth -= 1
        elif depth == 0:
            yield tag.group(2)
            depth += 0 if self_closing else 1
        elif not self_closing:
            depth += 1


def _xml_spans(text: str, lexicon: Lexicon) -> Iterator[Span]:
    """Element text and attributes of XML/CDA fragments. A bare `<name>` is a person's
    only if no sibling element is clinical ('<name>Tacrolimus</name><value>8.2</value>')."""
    for element in _XML_ELEMENT.finditer(text):
        tag = element.group(1)
        phi = _XML_KEYS.get(tag.lower()) or classify(tag)
        start, end = _stripped(text, element.start(2), element.end(2))
        if phi is None or start >= end or not valid_value(text[start:end], phi, lexicon, tag):
            continue
        if phi is PhiType.NAME and _bare_name(tag) and any(
                _clinical_key(sibling) for sibling in _xml_siblings(
                    text, element.start(), text.find(">", element.end(2)) + 1)):
            continue
        yield _span(start, end, phi, "structured_xml")
    for element in _XML_TAG.finditer(text):
        tag = element.group(1).lower()
        for attribute in _XML_ATTRIBUTE.finditer(text, element.start(2), element.end(2)):
            yield from _xml_attribute(text, tag, attribute, lexicon)


def _xml_attribute(text: str, tag: str, attribute: re.Match[str],
                   lexicon: Lexicon) -> Iterator[Span]:
    name = attribute.group(1).rsplit(":", 1)[-1].lower()
    start, end = _stripped(text, attribute.start(2), attribute.end(2))
    if start >= end:
        return
    phi: PhiType | None
    if name == "value" and tag == "telecom":
        scheme = _SCHEME.match(text, start, end)
        if scheme is not None:
            phi = _SCHEME_TYPE[scheme.group(1).lower()]
            start = scheme.end() if phi is not PhiType.URL else start
        else:
            phi = by_shape(text[start:end]) or PhiType.PHONE
    elif name == "value":
        phi = _XML_KEYS.get(tag)
    elif name == "extension" and tag == "id":
        phi = PhiType.ID
    elif name in _MARKUP_ATTRIBUTES:
        return
    else:
        phi = classify(attribute.group(1).rsplit(":", 1)[-1])
    if phi is not None and start < end and valid_value(text[start:end], phi, lexicon, name):
        yield _span(start, end, phi, "structured_xml")


# --- key=value ------------------------------------------------------------------------

_KEY_VALUE = re.compile(
    r"(?<![\w.\-/=])([A-Za-z][\w.\-]{0,40})[ \t]*=[ \t]*(?![=>])"
    r"(?:\"([^\"\n]{0,200})\"|'([^'\n]{0,200})'|((?:[^;,&|()\[\]{}<>\"\n]"
    r"|,(?![ \t]*[A-Za-z][\w.\-]{0,40}[ \t]*=)){0,200}))")


def _key_value_spans(text: str, lexicon: Lexicon) -> Iterator[Span]:
    """Values of `key=value` dumps whose key is an identifier field. A comma ends a value
    unless the dump separates its pairs with ';' or '&' ('name=Smith, John; dob=...') or
    what follows it is one or two capitalized words ('name=Smith, John'). A bare 'name' is
    a person's only if no other key on its line is clinical ('name=Tacrolimus; value=8.2')."""
    pairs = list(_KEY_VALUE.finditer(text))
    newlines = [m.start() for m in re.finditer("\n", text)]
    clinical_lines = {bisect_left(newlines, pair.start()) for pair in pairs
                      if _clinical_key(pair.group(1))}
    for pair in pairs:
        phi = classify(pair.group(1))
        if phi is None or _inside_tag(text, pair.start()):
            continue
        if phi is PhiType.NAME and _bare_name(pair.group(1)) and bisect_left(
                newlines, pair.start()) in clinical_lines:
            continue
        group = next(g for g in (2, 3, 4) if pair.group(g) is not None)
        start, end = pair.start(group), pair.end(group)
        comma = text.find(",", start, end)
        if group == 4 and comma >= 0 and text[end:end + 1] not in (";", "&") and not (
                _CAPITALIZED_TAIL.fullmatch(text, comma + 1, end)):
            end = comma
        while end > start and text[end - 1] in " \t\r.,:'":
            end -= 1
        start, end = _stripped(text, start, end)
        value = text[start:end]
        if phi is PhiType.NAME and value.islower():
            continue  # 'pt=improving': a logged name is written with capitals
        if start < end and valid_value(value, phi, lexicon, pair.group(1)):
            yield _span(start, end, phi, "structured_kv")


_CAPITALIZED_TAIL = re.compile(r"[ \t]*[A-Z][\w'’\-]*\.?(?:[ \t]+[A-Z][\w'’\-]*\.?)?[ \t.]*")
_TAG_LOOK_BACK = 400


def _inside_tag(text: str, position: int) -> bool:
    """Whether a position is inside a markup tag ('<section id="risk"'): the XML scan reads
    attributes; a bounded look-back keeps this constant time."""
    low = max(0, position - _TAG_LOOK_BACK)
    return text.rfind("<", low, position) > text.rfind(">", low, position)


# --- entry point ----------------------------------------------------------------------

_JSON_HINT = re.compile(r"\"[ \t]*:")
_XML_HINT = re.compile(r"</|/>")


def _disjoint(spans: list[Span]) -> list[Span]:
    """The spans without overlaps: the earlier (then the longer) span of an overlap wins."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def structured_spans(text: str, lexicon: Lexicon) -> list[Span]:
    """PHI spans that the field names of tables, JSON, XML and key=value dumps in `text` mark.

    Offsets index `text`; each span covers exactly one value; no two spans overlap.
    """
    spans = list(_table_spans(text, lexicon))
    if "  " in text:
        spans.extend(_aligned_spans(text, lexicon))
    if _JSON_HINT.search(text):
        spans.extend(_json_spans(text, lexicon))
    if "<" in text and _XML_HINT.search(text):
        spans.extend(_xml_spans(text, lexicon))
    if "=" in text:
        spans.extend(_key_value_spans(text, lexicon))
    return _disjoint(spans)
