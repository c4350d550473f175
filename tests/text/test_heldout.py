"""The Scrubber on the held-out red-team corpus (tests/text/heldout/, built by build.py
without the project's note generator): the measured numbers are floors, so a change
that loses recall, clinical terms or hard negatives fails here.

Scoring is done here, independently of veil.text.evaluate: a gold span is found when
every letter and digit in it lies inside some predicted span (of any type); a term is
kept when the scrubbed text holds it at least as often as the original; a hard negative
is changed when its scrubbed text differs from the input. Values are never printed:
failures name record ids, offsets and types only.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from veil.text.scrubber import Scrubber, ScrubOptions

HELDOUT = Path(__file__).parent / "heldout"
_ALNUM = re.compile(r"\w", re.UNICODE)

# Measured at 09:17 UTC, 2026-12-04 on the committed veil.text and on the shared working tree; each
# floor is the lower of the two, rounded down to 3 decimals (see /work/notes/TEXT_REDTEAM.md).
# Raise them when recall improves.
FLOORS: dict[str, float] = {
    "notes_recall": 0.982,  # 1285/1308 gold spans in the notes
    "queries_recall": 0.98,  # 413/421 gold spans in the queries
    "terms_kept": 0.995,  # 466/468 clinical terms
    "negatives_changed_max": 0.01818181818181818,  # 2 of 110 hard negatives changed
}
TYPE_FLOORS: dict[str, float] = {  # notes and queries together (found/gold at measurement)
    "ACCOUNT": 1.0,  # 13/13
    "ADDRESS": 1.0,  # 53/53
    "AGE": 0.989,  # 94/95
    "CITY": 0.957,  # 91/95
    "COUNTY": 1.0,  # 22/22
    "DATE": 0.996,  # 251/252
    "DEVICE": 1.0,  # 23/23
    "EMAIL": 1.0,  # 36/36
    "FACILITY": 0.961,  # 99/103
    "FAX": 1.0,  # 20/20
    "HEALTH_PLAN": 1.0,  # 21/21
    "ID": 1.0,  # 4/4
    "IP": 1.0,  # 21/21
    "LICENSE": 1.0,  # 14/14
    "MRN": 1.0,  # 39/39
    "NAME": 0.972,  # 732/753
    "PHONE": 1.0,  # 70/70
    "PLATE": 1.0,  # 14/14
    "SSN": 1.0,  # 14/14
    "URL": 1.0,  # 16/16
    "VIN": 1.0,  # 13/13
    "ZIP": 1.0,  # 38/38
}


def _load(name: str) -> list[dict[str, Any]]:
    with (HELDOUT / f"{name}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@dataclass
class Scores:
    gold: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    leaks: list[tuple[str, int, str]] = field(default_factory=list)
    terms: int = 0
    terms_kept: int = 0
    lost_terms: list[tuple[str, int]] = field(default_factory=list)

    def recall(self, kind: str | None = None) -> float:
        if kind is None:
            return sum(self.found.values()) / max(1, sum(self.gold.values()))
        return self.found[kind] / max(1, self.gold[kind])


def _score(records: list[dict[str, Any]], scrubber: Scrubber, scores: Scores) -> None:
    texts = [r["text"] for r in records]
    predicted = scrubber.find_batch(texts)
    scrubbed = scrubber.scrub_batch(texts)
    for record, spans, out in zip(records, predicted, scrubbed, strict=True):
        text = record["text"]
        covered = bytearray(len(text))
        for span in spans:
            covered[span.start:span.end] = b"\x01" * (span.end - span.start)
        for gold in record["spans"]:
            kind = gold["type"]
            scores.gold[kind] += 1
            chars = [m.start() for m in _ALNUM.finditer(text, gold["start"], gold["end"])]
            if all(covered[p] for p in chars):
                scores.found[kind] += 1
            else:
                scores.leaks.append((record["id"], gold["start"], kind))
        for k, term in enumerate(record.get("terms", [])):
            scores.terms += 1
            if out.count(term) >= max(1, text.count(term)):
                scores.terms_kept += 1
            else:
                scores.lost_terms.append((record["id"], k))


@pytest.fixture(scope="module")
def measured() -> dict[str, Any]:
    scrubber = Scrubber(ScrubOptions())
    notes, queries = Scores(), Scores()
    _score(_load("notes"), scrubber, notes)
    _score(_load("queries"), scrubber, queries)
    negatives = [r["text"] for r in _load("negatives")]
    changed = [r["id"] for r, out in zip(_load("negatives"), scrubber.scrub_batch(negatives),
                                         strict=True) if out != r["text"]]
    both = Scores(notes.gold + queries.gold, notes.found + queries.found,
                  notes.leaks + queries.leaks, notes.terms + queries.terms,
                  notes.terms_kept + queries.terms_kept, notes.lost_terms + queries.lost_terms)
    return {"notes": notes, "queries": queries, "both": both, "changed": changed,
            "negatives": len(negatives)}


def test_corpus_is_well_formed() -> None:
    """Spans lie inside their text, in order, without overlap or surrounding blanks;
    terms occur in the text; negatives carry no spans."""
    records = _load("notes") + _load("queries")
    assert len(_load("notes")) >= 60 and len(_load("queries")) >= 150
    assert len(_load("negatives")) >= 100
    assert len({r["id"] for r in records}) == len(records)
    for record in records:
        text, last = record["text"], 0
        for span in record["spans"]:
            value = text[span["start"]:span["end"]]
            assert span["start"] >= last and value and value == value.strip(), record["id"]
            last = span["end"]
        for term in record["terms"]:
            assert term in text, record["id"]
    assert all("spans" not in r for r in _load("negatives"))


def test_recall_floors(measured: dict[str, Any]) -> None:
    notes, queries = measured["notes"], measured["queries"]
    assert notes.recall() >= FLOORS["notes_recall"], notes.leaks
    assert queries.recall() >= FLOORS["queries_recall"], queries.leaks


def test_per_type_recall_floors(measured: dict[str, Any]) -> None:
    both: Scores = measured["both"]
    below = {kind: round(both.recall(kind), 4) for kind, floor in TYPE_FLOORS.items()
             if both.recall(kind) < floor}
    assert not below, (below, [leak for leak in both.leaks if leak[2] in below])


def test_clinical_terms_kept(measured: dict[str, Any]) -> None:
    both: Scores = measured["both"]
    assert both.terms_kept / both.terms >= FLOORS["terms_kept"], both.lost_terms


def test_hard_negatives_changed(measured: dict[str, Any]) -> None:
    share = len(measured["changed"]) / measured["negatives"]
    assert share <= FLOORS["negatives_changed_max"], measured["changed"]
