"""Classify every column of a frame from its header and a sample of its values.

Each recognizer yields a candidate with a confidence built from two parts:

- content, when at least `min_share` of the sampled values pass its check:
  ``strength * (0.6 + 0.3 * share) + 0.1 * header``, so 0.84-1.0 for a strict
  check. Content that convinces outranks any header alone, which is how an SSN
  column named ``x7`` comes out SSN and a 'phone' column of emails comes out EMAIL.
- header only (``0.45 + 0.2 * header``), or header with unconvincing content
  (``0.35 + 0.2 * header + 0.2 * share``): at most about 0.7.

The candidate keeps the higher of the two.

Without a header match, a check whose share stays below `min_share` yields no
candidate, so its gate (`veil.scan.recognizer.Check`) lets the scanner skip it
once a head of the values proves the share cannot get there: verdicts are the
same as running every check, at a fraction of the regex work.

The most confident candidate wins; ties go to the earlier recognizer. Fail
closed: a direct identifier within `FAIL_CLOSED_MARGIN` of a harmless winner
replaces it. Columns no recognizer claims fall back by dtype, and distinct
code-like or string columns come out OTHER_ID rather than OTHER.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from veil.categories import KIND_CATEGORY, Kind, Role, role_of
from veil.errors import UsageError
from veil.scan.model import ColumnFinding, Evidence, ScanResult
from veil.scan.recognizer import Recognizer, Rule, ValueCheck
from veil.scan.registry import DEFAULT_RECOGNIZERS
from veil.scan.relations import find_ages
from veil.scan.sample import HEAD_SHARES, ColumnSample, Prefilter

FAIL_CLOSED_MARGIN = 0.05
"""How far below a harmless winner a direct-identifier candidate may be and still win."""

_MAX_ALTERNATIVES = 3
_BOUND_SLACK = 1e-9
"""Rounding slack when comparing a share bound with min_share (shares scale floats)."""
_NUMBER_TEXT = r"^[<>]?=?\s*[+\-]?\d+(\.\d+)?$"


@dataclass(frozen=True)
class _Candidate:
    kind: Kind
    confidence: float
    order: int
    evidence: tuple[Evidence, ...]


def scan_frame(
    frame: pl.LazyFrame | pl.DataFrame,
    *,
    sample_rows: int = 10_000,
    source: str = "",
    recognizers: Sequence[Recognizer] = DEFAULT_RECOGNIZERS,
) -> ScanResult:
    """Propose a kind, role and Safe Harbor category for every column, with evidence.

    A DataFrame larger than `sample_rows` is sampled at random (fixed seed); a
    LazyFrame contributes its first `sample_rows` rows, so a lazy scan reads no
    more than that. Evidence never quotes a value.

    >>> import polars as pl
    >>> found = scan_frame(pl.DataFrame({"x7": ["123-45-6789", "234-56-7890"]}))
    >>> found.finding("x7").kind.value, found.finding("x7").role.value
    ('ssn', 'direct')
    """
    if sample_rows < 1:
        raise UsageError(
            f"the 'sample_rows' parameter must be an int >= 1. Got {sample_rows} instead."
        )
    sample = _take_sample(frame, sample_rows)
    findings = tuple(
        classify_column(ColumnSample(name, sample.get_column(name)), recognizers)
        for name in sample.columns
    )
    findings = find_ages(sample, findings)
    return ScanResult(source=source, rows_sampled=sample.height, columns=findings)


def _take_sample(frame: pl.LazyFrame | pl.DataFrame, rows: int) -> pl.DataFrame:
    if isinstance(frame, pl.LazyFrame):
        return frame.head(rows).collect()
    if frame.height > rows:
        return frame.sample(n=rows, seed=0)
    return frame


def classify_column(column: ColumnSample, recognizers: Sequence[Recognizer]) -> ColumnFinding:
    """The finding for one sampled column (see the module docstring for the scoring)."""
    if column.nonnull == 0:
        detail = "column is empty" if column.rows == 0 else "all sampled values are null"
        return _finding(column, _Candidate(Kind.OTHER, 0.1, 0, (Evidence("stats", detail, 0.0),)))
    if column.is_nested:
        evidence = Evidence("dtype", f"nested dtype {column.dtype_name}; values not inspected", 0.2)
        return _finding(column, _Candidate(Kind.FREE_TEXT, 0.2, 0, (evidence,)))
    headers = [r.header_score(column.header) for r in recognizers]
    eligible = [_Plan(i, r, h, _gate(r, column))
                for i, (r, h) in enumerate(zip(recognizers, headers, strict=True))
                if h > 0.0 or not r.needs_header]
    # Skip checks that cannot score: bound their share on heads of the values
    # first (columns with many distinct values), then test the rest only for the
    # checks that may still reach min_share.
    if column.head_size(HEAD_SHARES[0]) > 0:
        for share in HEAD_SHARES:
            column.prime_head((r for plan in eligible if plan.skippable
                               and plan.recognizer.min_share > 1.0 - share
                               for p in plan.gate or () for r in p.screening), share)
            eligible = [plan for plan in eligible if plan.may_score(column)]
    column.prime(p for plan in eligible for p in plan.regexes)
    eligible = [plan for plan in eligible if plan.may_score(column)]
    candidates = [c for plan in eligible
                  if (c := _score(plan.recognizer, column, plan.header, plan.order)) is not None]
    ranked = sorted(candidates, key=lambda c: (-c.confidence, c.order))
    if not ranked:
        return _finding(column, _fallback(column))
    best = ranked[0]
    if role_of(best.kind) is not Role.DIRECT:
        direct = next((c for c in ranked if role_of(c.kind) is Role.DIRECT), None)
        if direct is not None and direct.confidence >= best.confidence - FAIL_CLOSED_MARGIN:
            note = Evidence("stats", f"preferred over {best.kind.value} (fail closed)", 0.0)
            best = _Candidate(direct.kind, direct.confidence, direct.order,
                              (*direct.evidence, note))
    alternatives: list[tuple[Kind, float]] = []
    for other in ranked:
        if other.kind is not best.kind and all(k is not other.kind for k, _ in alternatives):
            alternatives.append((other.kind, other.confidence))
    return _finding(column, best, tuple(alternatives[:_MAX_ALTERNATIVES]))


@dataclass(frozen=True)
class _Plan:
    """One recognizer to run on a column: its order, header score and gate."""

    order: int
    recognizer: Recognizer
    header: float
    gate: tuple[Prefilter, ...] | None

    @property
    def skippable(self) -> bool:
        """Without a header, a check below min_share gives no candidate: a gate may skip it."""
        return self.header == 0.0 and self.gate is not None

    @property
    def regexes(self) -> tuple[str, ...]:
        if self.gate is None:
            return self.recognizer.prefilters
        return tuple(r for p in self.gate for r in p.regexes)

    def may_score(self, column: ColumnSample) -> bool:
        """False when the gate proves the check's share below min_share (no candidate)."""
        if not self.skippable or self.gate is None:
            return True
        bound = max((column.share_bound(p) for p in self.gate), default=0.0)
        return bound >= self.recognizer.min_share - _BOUND_SLACK


def _gate(recognizer: Recognizer, column: ColumnSample) -> tuple[Prefilter, ...] | None:
    return recognizer.gate(column) if isinstance(recognizer, Rule) else None


def _score(
    recognizer: Recognizer, column: ColumnSample, header: float, order: int
) -> _Candidate | None:
    check = recognizer.check(column)
    evidence: list[Evidence] = []
    if header > 0.0:
        strength = "" if header >= 1.0 else " (weak synonym)"
        detail = f"header {column.name!r} matches {recognizer.name} synonyms{strength}"
        evidence.append(Evidence("header", detail, header))
    if check is not None and (check.share > 0.0 or header > 0.0):
        evidence.append(_value_evidence(column, check))
    scores = []
    if check is not None and check.share >= recognizer.min_share:
        scores.append(check.strength * (0.6 + 0.3 * check.share) + 0.1 * header)
    if header > 0.0:
        by_header = 0.45 if check is None else 0.35 + 0.2 * check.share
        scores.append(by_header + 0.2 * header)
    if not scores:
        return None
    return _Candidate(recognizer.kind, min(max(scores), 1.0), order, tuple(evidence))


def _value_evidence(column: ColumnSample, check: ValueCheck) -> Evidence:
    detail = f"{check.share:.0%} of {column.nonnull} sampled non-null values {check.detail}"
    if 0 < check.tested < column.nonnull:
        detail += f" ({check.tested} distinct values validated)"
    return Evidence(check.source, detail, check.share)


def _fallback(column: ColumnSample) -> _Candidate:
    """The kind of a column no recognizer claims, by dtype and distinctness."""
    many = column.distinct_ratio >= 0.9 and column.distinct >= 20
    if column.is_numeric or isinstance(column.dtype, pl.Duration):
        return _Candidate(Kind.CLINICAL, 0.3, 0, (
            Evidence("dtype", f"numeric dtype {column.dtype_name} with no identifier pattern", 0.3),
        ))
    if column.is_binary:
        return _Candidate(Kind.OTHER_ID, 0.3, 0, (
            Evidence("dtype", "binary values of unknown content (fail closed)", 0.3),
        ))
    if column.is_string and column.row_share(_NUMBER_TEXT) >= 0.8:
        return _Candidate(Kind.CLINICAL, 0.3, 0, (
            Evidence("values", "numbers stored as text with no identifier pattern", 0.3),
        ))
    if column.is_string and many:
        words = column.text_stats[1]
        kind = Kind.FREE_TEXT if words >= 4 else Kind.OTHER_ID
        return _Candidate(kind, 0.4, 0, (
            Evidence("stats", f"distinct ratio {column.distinct_ratio:.2f}: distinct strings "
                     "that no recognizer claims (fail closed)", column.distinct_ratio),
        ))
    return _Candidate(Kind.OTHER, 0.3, 0, (
        Evidence("dtype", f"dtype {column.dtype_name}; no recognizer matched", 0.3),
    ))


def _finding(
    column: ColumnSample,
    chosen: _Candidate,
    alternatives: tuple[tuple[Kind, float], ...] = (),
) -> ColumnFinding:
    stats = Evidence(
        "stats",
        f"{column.distinct} distinct of {column.nonnull} sampled non-null values "
        f"(null share {column.null_share:.0%})",
        column.distinct_ratio,
    )
    return ColumnFinding(
        column=column.name,
        dtype=column.dtype_name,
        kind=chosen.kind,
        role=role_of(chosen.kind),
        category=KIND_CATEGORY.get(chosen.kind),
        confidence=round(chosen.confidence, 4),
        evidence=(*chosen.evidence, stats),
        distinct_ratio=column.distinct_ratio,
        null_share=column.null_share,
        sampled=column.nonnull,
        alternatives=tuple((k, round(c, 4)) for k, c in alternatives),
    )
