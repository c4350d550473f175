"""The clinical-note generator: deterministic, exact gold spans, every PHI type, terms."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import polars as pl
import pytest

from veil.synth.notes import (
    NOTE_KINDS,
    PHI_TYPES,
    TABLE_COLUMNS,
    generate_notes,
    hard_negatives,
    short_queries,
    write_corpus,
)
from veil.text.corpus import read_records
from veil.text.spans import PhiType


@pytest.fixture(scope="module")
def corpus() -> tuple[list, pl.DataFrame]:
    return generate_notes(400, seed=11)


def test_same_seed_same_notes_and_other_seed_other_notes() -> None:
    a, table_a = generate_notes(12, seed=5)
    b, table_b = generate_notes(12, seed=5)
    c, _ = generate_notes(12, seed=6)
    assert [n.to_json() for n in a] == [n.to_json() for n in b]
    assert table_a.equals(table_b)
    assert [n.text for n in a] != [n.text for n in c]
    # note i depends only on (seed, i): a longer corpus starts with the same notes
    # about the same patients
    longer, _ = generate_notes(24, seed=5)
    assert longer[0].text == a[0].text


def test_spans_are_exact_sorted_and_disjoint(corpus: tuple[list, pl.DataFrame]) -> None:
    notes, _ = corpus
    for note in notes:
        previous_end = 0
        for span in note.spans:
            value = note.text[span.start:span.end]
            assert value and value == value.strip(), (note.id, span)
            assert value.upper() != "NONE"
            assert span.start >= previous_end, (note.id, span)
            previous_end = span.end
            assert re.search(r"[0-9A-Za-z]", value)


def test_every_phi_type_every_kind_and_long_notes(corpus: tuple[list, pl.DataFrame]) -> None:
    notes, _ = corpus
    types = Counter(s.type for n in notes for s in n.spans)
    assert set(types) == set(PHI_TYPES)
    assert min(types.values()) >= 20, types
    assert set(PHI_TYPES) <= {t.value for t in PhiType}
    assert {n.kind for n in notes} == set(NOTE_KINDS)
    lengths = sorted(len(n.text) for n in notes)
    assert lengths[len(lengths) // 2] > 1200
    # PHI late in the note: the last span of most notes is in their last quarter
    late = sum(n.spans[-1].start > 0.75 * len(n.text) for n in notes)
    assert late > 0.5 * len(notes)


def test_written_forms_vary(corpus: tuple[list, pl.DataFrame]) -> None:
    notes, _ = corpus
    dates = {n.text[s.start:s.end] for n in notes for s in n.spans if s.type == "DATE"}
    shapes = {re.sub(r"[0-9]", "9", re.sub(r"[A-Za-z]+", "A", d)) for d in dates}
    assert len(shapes) >= 15, shapes
    assert any(re.fullmatch(r"\d+(st|nd|rd|th) of [A-Z][a-z]+ \d{4}", d) for d in dates)
    assert any(re.fullmatch(r"[A-Z][a-z]+day", d) for d in dates)  # a weekday alone
    ages = [n.text[s.start:s.end] for n in notes for s in n.spans if s.type == "AGE"]
    assert any(a.isdigit() and int(a) > 89 for a in ages)
    assert any(a.startswith(("ninety", "Ninety", "one hundred")) for a in ages)
    phones = {re.sub(r"[0-9]", "9", n.text[s.start:s.end]) for n in notes for s in n.spans
              if s.type in ("PHONE", "FAX")}
    assert len(phones) >= 8
    caps = [n.text[s.start:s.end] for n in notes for s in n.spans if s.type == "NAME"]
    assert any(c.isupper() and len(c) > 5 for c in caps)


def test_ages_under_90_are_never_spans(corpus: tuple[list, pl.DataFrame]) -> None:
    notes, _ = corpus
    for note in notes:
        for s in note.spans:
            value = note.text[s.start:s.end]
            if s.type == "AGE" and value.isdigit():
                assert int(value) >= 90


def test_terms_are_in_the_text_and_outside_spans(corpus: tuple[list, pl.DataFrame]) -> None:
    notes, _ = corpus
    total = 0
    for note in notes:
        for term in note.terms:
            start = note.text.find(term)
            assert start >= 0
            total += 1
            assert not any(s.start < start + len(term) and start < s.end for s in note.spans
                           if note.text.count(term) == 1)
    assert total > 5 * len(notes)


def test_notes_quote_the_patient_table(corpus: tuple[list, pl.DataFrame]) -> None:
    notes, table = corpus
    assert tuple(table.columns) == TABLE_COLUMNS
    assert table.get_column("patient_id").n_unique() == table.height
    rows = {r["patient_id"]: r for r in table.to_dicts()}
    quoted = 0
    for note in notes:
        row = rows[note.patient_id]
        names = {note.text[s.start:s.end].upper() for s in note.spans if s.type == "NAME"}
        quoted += any(row["last_name"].upper() in n for n in names)
    assert quoted > 0.9 * len(notes)
    # a quarter of the patients are over 89, as the table's birth dates say
    births = table.get_column("birth_date").str.slice(6, 4).cast(pl.Int64)
    assert (births < 1935).mean() > 0.1


def test_hard_negatives_have_no_phi_and_queries_have_some() -> None:
    negatives = hard_negatives(300, seed=2)
    assert all(not n.spans and n.text for n in negatives)
    assert len({n.text for n in negatives}) > 250
    queries = short_queries(200, seed=2, first_person=1000)
    with_phi = [q for q in queries if q.spans]
    assert 0.7 * len(queries) < len(with_phi) < len(queries)
    assert max(len(q.text) for q in queries) < 300
    for q in queries:
        for s in q.spans:
            assert q.text[s.start:s.end].strip()


def test_write_corpus_round_trips(tmp_path: Path) -> None:
    files = write_corpus(tmp_path / "corpus", 6, seed=3, queries=5, negatives=4)
    records = list(read_records(files.notes))
    notes, table = generate_notes(6, seed=3)
    assert [r.to_json() for r in records] == [n.to_json() for n in notes]
    line = json.loads(files.notes.read_text().splitlines()[0])
    assert set(line) == {"id", "patient_id", "kind", "text", "spans", "terms"}
    assert pl.read_parquet(files.patients_parquet).equals(table)
    assert pl.read_csv(files.patients_csv, infer_schema=False).equals(table)
    assert len(list(read_records(files.queries))) == 5
    assert len(list(read_records(files.negatives))) == 4
