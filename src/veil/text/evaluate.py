"""Score a text scrubber on a corpus with gold PHI spans.

What counts (all measures are computed from offsets; no value is ever logged):

- **Found (default, "covered" matching).** A gold span is found when every
  alphanumeric character in it lies inside some predicted span, of any type.
  This is the de-identification question: after replacement, is any letter or
  digit of the identifier left? Punctuation and spaces do not count ("Dr."
  outside a name span, the comma of "Bell, Stacey"), and a prediction of the
  wrong type still removes the identifier.
- **Strict matching.** As above, but each of those characters must lie inside a
  predicted span of the gold span's own type. It measures typing, which matters
  for surrogates and for Safe Harbor's date rule (only a DATE keeps its year).
- **Token recall.** Gold tokens (maximal runs of letters and digits inside gold
  spans) whose every character is covered: partial credit for long spans.
- **Precision** is per character: of the alphanumeric characters inside
  predicted spans of type T, the share inside some gold span (of any type).
  F2 = 5PR / (4P + R) weighs recall four times as much as precision.
- **Clinical terms kept.** A term listed for a record is kept when the scrubbed
  text holds it at least as often as the original does (verbatim). Without
  scrubbed texts: when no predicted span touches an alphanumeric character of
  any of its occurrences.
- **Hard negatives changed.** The share of PHI-free queries whose scrubbed text
  differs from the input (without scrubbed texts: that got any predicted span).
- **Leaks** are the gold spans not found, listed as (record id, offset, type),
  never by value; `write_leak_values` writes values to an owner-only file.

The scoring functions take plain spans and texts, so they are testable without
any scrubber; `evaluate_scrubber` runs a scrubber (anything with `find_batch`
and `scrub_batch`) and times it.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from veil.text.corpus import NoteRecord

_ALNUM = re.compile(r"[0-9A-Za-z\u00c0-\u024f]+")


class SpanLike(Protocol):
    """Anything with offsets and a type (veil.text.Span, a gold span, a peer tool's span)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def type(self) -> Any: ...


class ScrubberLike(Protocol):
    """What `evaluate_scrubber` needs of a scrubber (veil.text.Scrubber has it)."""

    def find_batch(self, texts: Sequence[str], known: Sequence[Any | None] | None = None,
                   patient_keys: Sequence[str | None] | None = None) -> list[list[Any]]: ...

    def scrub_batch(self, texts: Sequence[str], known: Sequence[Any | None] | None = None,
                    patient_keys: Sequence[str | None] | None = None) -> list[str]: ...


def type_name(value: Any) -> str:
    """A span type as an upper-case name ('NAME' from PhiType.NAME, 'name' or 'NAME')."""
    return str(getattr(value, "value", value)).upper()


@dataclass(frozen=True)
class Leak:
    """A gold span not found: where it is and what it is, never its value."""

    record: str
    offset: int
    length: int
    type: str

    def to_dict(self) -> dict[str, Any]:
        return {"record": self.record, "offset": self.offset, "length": self.length,
                "type": self.type}


@dataclass
class TypeScore:
    """Counts of one PHI type over the corpus."""

    gold: int = 0
    found: int = 0
    strict_found: int = 0
    predicted_chars: int = 0
    true_chars: int = 0

    @property
    def recall(self) -> float | None:
        return None if self.gold == 0 else self.found / self.gold

    @property
    def strict_recall(self) -> float | None:
        return None if self.gold == 0 else self.strict_found / self.gold

    @property
    def precision(self) -> float | None:
        return None if self.predicted_chars == 0 else self.true_chars / self.predicted_chars

    @property
    def f2(self) -> float | None:
        return f_beta(self.precision, self.recall, beta=2.0)

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "found": self.found, "recall": _r(self.recall),
                "strict_recall": _r(self.strict_recall), "precision": _r(self.precision),
                "f2": _r(self.f2)}


def f_beta(precision: float | None, recall: float | None, *, beta: float) -> float | None:
    """F-beta from precision and recall (None when either is undefined; 0 when both are 0)."""
    if precision is None or recall is None:
        return None
    b2 = beta * beta
    denominator = b2 * precision + recall
    return 0.0 if denominator == 0 else (1 + b2) * precision * recall / denominator


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass
class EvalResult:
    """Scores of one scrubber on one corpus."""

    records: int = 0
    chars: int = 0
    gold_spans: int = 0
    found: int = 0
    strict_found: int = 0
    gold_tokens: int = 0
    tokens_found: int = 0
    predicted_chars: int = 0
    true_chars: int = 0
    per_type: dict[str, TypeScore] = field(default_factory=dict)
    terms: int = 0
    terms_kept: int = 0
    negatives: int = 0
    negatives_changed: int = 0
    find_seconds: float | None = None
    scrub_seconds: float | None = None
    negative_chars: int = 0
    leaks: list[Leak] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        return None if self.gold_spans == 0 else self.found / self.gold_spans

    @property
    def strict_recall(self) -> float | None:
        return None if self.gold_spans == 0 else self.strict_found / self.gold_spans

    @property
    def token_recall(self) -> float | None:
        return None if self.gold_tokens == 0 else self.tokens_found / self.gold_tokens

    @property
    def precision(self) -> float | None:
        return None if self.predicted_chars == 0 else self.true_chars / self.predicted_chars

    @property
    def terms_kept_share(self) -> float | None:
        return None if self.terms == 0 else self.terms_kept / self.terms

    @property
    def negatives_changed_share(self) -> float | None:
        return None if self.negatives == 0 else self.negatives_changed / self.negatives

    @property
    def find_chars_per_second(self) -> float | None:
        if not self.find_seconds:
            return None
        return (self.chars + self.negative_chars) / self.find_seconds

    @property
    def scrub_chars_per_second(self) -> float | None:
        if not self.scrub_seconds:
            return None
        return (self.chars + self.negative_chars) / self.scrub_seconds

    def min_type_recall(self) -> tuple[str, float] | None:
        scored = [(t, s.recall) for t, s in self.per_type.items() if s.recall is not None]
        return min(scored, key=lambda item: item[1]) if scored else None

    def to_dict(self, *, leaks: int = 50) -> dict[str, Any]:
        """The scores as JSON-ready values; at most `leaks` leak positions (no values)."""
        return {
            "records": self.records, "chars": self.chars, "gold_spans": self.gold_spans,
            "found": self.found, "recall": _r(self.recall),
            "strict_recall": _r(self.strict_recall), "token_recall": _r(self.token_recall),
            "precision": _r(self.precision),
            "f2": _r(f_beta(self.precision, self.recall, beta=2.0)),
            "per_type": {t: s.to_dict() for t, s in sorted(self.per_type.items())},
            "terms": self.terms, "terms_kept": _r(self.terms_kept_share),
            "negatives": self.negatives,
            "negatives_changed": _r(self.negatives_changed_share),
            "find_chars_per_second": _round_rate(self.find_chars_per_second),
            "scrub_chars_per_second": _round_rate(self.scrub_chars_per_second),
            "leaks_total": len(self.leaks),
            "leaks": [leak.to_dict() for leak in self.leaks[:leaks]],
        }


def _round_rate(value: float | None) -> int | None:
    return None if value is None else round(value)


# --------------------------------------------------------------------------- pure scoring


def coverage(length: int, spans: Sequence[SpanLike]) -> list[str | None]:
    """Per character of a text of `length`: the type of the predicted span covering it
    (the last one listed where spans overlap), else None."""
    cover: list[str | None] = [None] * length
    for span in spans:
        start, end = max(0, span.start), min(length, span.end)
        if start < end:
            kind = type_name(span.type)
            cover[start:end] = [kind] * (end - start)
    return cover


def _typed_coverage(length: int, spans: Sequence[SpanLike]) -> dict[str, bytearray]:
    """Per predicted type: a 0/1 mask of the characters its spans cover."""
    masks: dict[str, bytearray] = {}
    for span in spans:
        kind = type_name(span.type)
        mask = masks.setdefault(kind, bytearray(length))
        start, end = max(0, span.start), min(length, span.end)
        if start < end:
            mask[start:end] = b"\x01" * (end - start)
    return masks


def alnum_positions(text: str, start: int, end: int) -> list[int]:
    """Offsets of the letters and digits of text[start:end]."""
    return [p for m in _ALNUM.finditer(text, start, end) for p in range(m.start(), m.end())]


def score_record(result: EvalResult, record: NoteRecord, predicted: Sequence[SpanLike],
                 scrubbed: str | None = None) -> None:
    """Add one record's counts to `result` (gold spans, precision chars, terms)."""
    text = record.text
    n = len(text)
    masks = _typed_coverage(n, predicted)
    any_mask = bytearray(n)
    for mask in masks.values():
        any_mask = bytearray(a | b for a, b in zip(any_mask, mask, strict=True))
    gold_mask = bytearray(n)
    result.records += 1
    result.chars += n
    for gold in record.spans:
        kind = type_name(gold.type)
        stats = result.per_type.setdefault(kind, TypeScore())
        stats.gold += 1
        result.gold_spans += 1
        start, end = max(0, gold.start), min(n, gold.end)
        gold_mask[start:end] = b"\x01" * max(0, end - start)
        positions = alnum_positions(text, start, end)
        if all(any_mask[p] for p in positions):
            stats.found += 1
            result.found += 1
        else:
            result.leaks.append(Leak(record.id, gold.start, gold.end - gold.start, kind))
        own = masks.get(kind)
        if own is not None and all(own[p] for p in positions):
            stats.strict_found += 1
            result.strict_found += 1
        for token in _ALNUM.finditer(text, start, end):
            result.gold_tokens += 1
            if all(any_mask[token.start():token.end()]):
                result.tokens_found += 1
    for kind, mask in masks.items():
        stats = result.per_type.setdefault(kind, TypeScore())
        for m in _ALNUM.finditer(text):
            for p in range(m.start(), m.end()):
                if mask[p]:
                    stats.predicted_chars += 1
                    result.predicted_chars += 1
                    if gold_mask[p]:
                        stats.true_chars += 1
                        result.true_chars += 1
    for term in dict.fromkeys(record.terms):
        result.terms += 1
        if term_kept(text, term, predicted=predicted, scrubbed=scrubbed):
            result.terms_kept += 1


def term_kept(text: str, term: str, *, predicted: Sequence[SpanLike] = (),
              scrubbed: str | None = None) -> bool:
    """Is `term` still there after scrubbing (see the module docstring)?"""
    if scrubbed is not None:
        return scrubbed.count(term) >= max(1, text.count(term))
    cover = coverage(len(text), predicted)
    start = text.find(term)
    if start < 0:
        return False
    while start >= 0:
        if any(cover[p] is not None for p in alnum_positions(text, start, start + len(term))):
            return False
        start = text.find(term, start + 1)
    return True


def score_negatives(result: EvalResult, originals: Sequence[str],
                    scrubbed: Sequence[str] | None = None,
                    predicted: Sequence[Sequence[SpanLike]] | None = None) -> None:
    """Count the hard-negative queries that scrubbing changed."""
    result.negatives += len(originals)
    result.negative_chars += sum(len(t) for t in originals)
    if scrubbed is not None:
        result.negatives_changed += sum(a != b for a, b in zip(originals, scrubbed, strict=True))
    elif predicted is not None:
        result.negatives_changed += sum(bool(p) for p in predicted)


def score_corpus(records: Sequence[NoteRecord], predicted: Sequence[Sequence[SpanLike]], *,
                 scrubbed: Sequence[str] | None = None) -> EvalResult:
    """Scores of predicted spans (and, optionally, scrubbed texts) against gold records."""
    if len(predicted) != len(records) or (scrubbed is not None and len(scrubbed) != len(records)):
        raise ValueError("one prediction (and scrubbed text) per record is needed")
    result = EvalResult()
    for k, record in enumerate(records):
        score_record(result, record, predicted[k], None if scrubbed is None else scrubbed[k])
    return result


# --------------------------------------------------------------------------- running a scrubber


def evaluate_scrubber(scrubber: ScrubberLike, records: Sequence[NoteRecord], *,
                      known: Mapping[str, Any] | None = None,
                      negatives: Sequence[str] = (), scrub: bool = True) -> EvalResult:
    """Run `scrubber` over the corpus (and the hard negatives) and score it.

    `known` maps a record's `patient_id` to that patient's identifiers (from
    `veil.text.known_phi_from_table`); records without a patient get none.
    Speeds are measured over the records and the negatives together.
    """
    texts = [r.text for r in records]
    known_list = None if known is None else [
        None if r.patient_id is None else known.get(r.patient_id) for r in records]
    # a longitudinal corpus: the scrubber sees which notes are one patient's
    keys = [r.patient_id for r in records] if any(r.patient_id for r in records) else None
    started = time.perf_counter()
    found = scrubber.find_batch(texts, known_list, keys)
    negative_spans = scrubber.find_batch(list(negatives)) if negatives else []
    find_seconds = time.perf_counter() - started
    scrubbed: list[str] | None = None
    negative_out: list[str] | None = None
    scrub_seconds = None
    if scrub:
        started = time.perf_counter()
        scrubbed = scrubber.scrub_batch(texts, known_list, keys)
        negative_out = scrubber.scrub_batch(list(negatives)) if negatives else []
        scrub_seconds = time.perf_counter() - started
    result = score_corpus(records, found, scrubbed=scrubbed)
    if negatives:
        score_negatives(result, negatives, negative_out, negative_spans)
    result.find_seconds = find_seconds
    result.scrub_seconds = scrub_seconds
    return result


def write_leak_values(path: Path, records: Sequence[NoteRecord], leaks: Sequence[Leak], *,
                      context: int = 30) -> None:
    """Write each leak WITH its value and some context to `path`, readable by its owner
    only (mode 0600): for the data owner debugging a recognizer, never for logs."""
    by_id = {r.id: r for r in records}
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    descriptor = os.open(path, flags, 0o600)
    os.chmod(path, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        for leak in leaks:
            text = by_id[leak.record].text
            end = leak.offset + leak.length
            handle.write(json.dumps({
                **leak.to_dict(), "value": text[leak.offset:end],
                "context": text[max(0, leak.offset - context):end + context],
            }, ensure_ascii=False) + "\n")
