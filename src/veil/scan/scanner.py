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
from veil.scan.dates import revise_numeric_dates
from veil.scan.longitudinal import find_per_person_codes
from veil.scan.model import ColumnFinding, Evidence, ScanResult
from veil.scan.names import NAME_SHAPED_DISTINCT, marked_name, name_shaped
from veil.scan.recognizer import Recognizer, Rule, ValueCheck
from veil.scan.registry import DEFAULT_RECOGNIZERS
from veil.scan.relations import find_ages
from veil.scan.sample import HEAD_SHARES, ColumnSample, Prefilter

FAIL_CLOSED_MARGIN = 0.05
"""How far below a harmless winner a direct-identifier candidate may be and still win."""

_MAX_ALTERNATIVES = 3
_BOUND_SLACK = 1e-9
"""Rounding slack when comparing a share bound with min_share (shares scale floats)."""
_NUMBER_TEXT = r"^[<>]?=?\s*[+\-]?\d+([.,]\d+)?(?:\s*[-–]\s*[+\-]?\d+([.,]\d+)?)?$"
"""A measurement as text: a number (decimal point or comma, a comparator) or a range."""


@dataclass(frozen=True)
class _Candidate:
    kind: Kind
    confidence: float
    order: int
    evidence: tuple[Evidence, ...]
    categories: tuple[str, ...] = ()


def scan_frame(
    frame: pl.LazyFrame | pl.DataFrame,
    *,
    sample_rows: int = 10_000,
    source: str = "",
    recognizers: Sequence[Recognizer] = DEFAULT_RECOGNIZERS,
    total_rows: int | None = None,
) -> ScanResult:
    """Propose a kind, role and Safe Harbor category for every column, with evidence.

    A frame larger than `sample_rows` is sampled over its whole length (head,
    tail and evenly spaced runs of rows between; `total_rows` saves counting a lazy
    input), and a column that is mostly null in those rows adds non-null values
    from the whole file. Evidence never quotes a value.

    >>> import polars as pl
    >>> found = scan_frame(pl.DataFrame({"x7": ["123-45-6789", "234-56-7890"]}))
    >>> found.finding("x7").kind.value, found.finding("x7").role.value
    ('ssn', 'direct')
    """
    if sample_rows < 1:
        raise UsageError(
            f"the 'sample_rows' parameter must be an int >= 1. Got {sample_rows} instead."
        )
    sample = _take_sample(frame, sample_rows, total_rows)
    extra = _sparse_values(frame, sample, sample_rows)
    findings = tuple(
        classify_column(ColumnSample(name, _with_extra(sample.get_column(name), extra)),
                        recognizers)
        for name in sample.columns
    )
    findings = find_ages(sample, revise_numeric_dates(sample, findings))
    findings = find_per_person_codes(sample, findings)
    return ScanResult(source=source, rows_sampled=sample.height, columns=findings)


def _take_sample(frame: pl.LazyFrame | pl.DataFrame, rows: int,
                 total: int | None = None) -> pl.DataFrame:
    """Rows spread over the whole input, head and tail included.

    Identifiers that appear only late in a file must be seen by the scanner too (the
    verification pass covers every row anyway). A DataFrame gives an even stride; a lazy
    input gives `BLOCKS` runs of consecutive rows at evenly spaced offsets, each read on
    its own, so memory stays at a block (a Parquet row group), not the file. `total`
    saves a counting pass when the reader already knows the row count.
    """
    if isinstance(frame, pl.DataFrame):
        if frame.height <= rows:
            return frame
        return frame.with_row_index(_ROW).filter(_spread(frame.height, rows)).drop(_ROW)
    if total is None:
        total = int(frame.select(pl.len()).collect(engine="streaming").item())
    if total <= rows:
        return frame.collect(engine="streaming")
    sizes = [rows // BLOCKS + (1 if i < rows % BLOCKS else 0) for i in range(BLOCKS)]
    sizes = [size for size in sizes if size]
    last = len(sizes) - 1
    starts = [round(i * (total - sizes[i]) / max(1, last)) for i in range(len(sizes))]
    return pl.concat([frame.slice(start, size).collect(engine="streaming")
                      for start, size in zip(starts, sizes, strict=True)])


BLOCKS = 16
"""Runs of rows a lazy input's sample is made of (the first and last among them)."""
_ROW = "__veil_scan_row"


def _spread(total: int, rows: int) -> pl.Expr:
    """Row positions: the first and last eighth of `rows`, and a stride through the rest."""
    edge = max(1, rows // 8)
    middle = max(1, rows - 2 * edge)
    step = max(1, (total - 2 * edge) // middle)
    index = pl.col(_ROW)
    inner = (index >= edge) & (index < total - edge) & ((index - edge) % step == 0)
    return (index < edge) | (index >= total - edge) | (inner & (index < edge + middle * step))


def _sparse_values(frame: pl.LazyFrame | pl.DataFrame, sample: pl.DataFrame,
                   rows: int) -> dict[str, pl.Series]:
    """More non-null values for columns that are (nearly) empty in the row sample.

    A column that is null in most rows gets the first `rows` non-null values of the whole
    file (one streaming query per such column), so a rarely filled field is classified
    from what it holds, not from nulls; the verification pass reads every value.
    """
    sparse = [c for c in sample.columns
              if sample.height >= _SPARSE_MIN_ROWS
              and sample.get_column(c).null_count() > sample.height - _SPARSE_MIN_VALUES]
    if not sparse:
        return {}
    lazy = frame.lazy()
    found = pl.collect_all([lazy.select(pl.col(c)).drop_nulls().head(rows) for c in sparse],
                           engine="streaming")
    return {c: part.get_column(c) for c, part in zip(sparse, found, strict=True)}


_SPARSE_MIN_ROWS = 200
_SPARSE_MIN_VALUES = 50


def _with_extra(series: pl.Series, extra: dict[str, pl.Series]) -> pl.Series:
    more = extra.get(series.name)
    if more is None or more.len() == 0:
        return series
    return pl.concat([series, more.cast(series.dtype)])


def classify_column(column: ColumnSample, recognizers: Sequence[Recognizer]) -> ColumnFinding:
    """The finding for one sampled column (see the module docstring for the scoring)."""
    if column.nonnull == 0:
        detail = "column is empty" if column.rows == 0 else "all sampled values are null"
        return _finding(column, _Candidate(Kind.OTHER, 0.1, 0, (Evidence("stats", detail, 0.0),)))
    if isinstance(column.dtype, pl.Time):
        # a time of day carries no date element: whatever the header says, not a date
        return _finding(column, _Candidate(Kind.CLINICAL, 0.5, 0, (
            Evidence("values", "times of day (no date element)", 0.5),)))
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
    if best.kind is Kind.OTHER_ID and not _content_backed(best):
        # "any other code" from a header word alone, over content that is measurements or a
        # small category (numbers, ranges): the content decides, the header is noted
        shaped = _fallback(column)
        if shaped.kind in (Kind.CLINICAL, Kind.OTHER) and _content_backed(shaped):
            note = Evidence("stats", f"header suggested {best.kind.value}; the values are "
                            "measurements or categories, not codes", 0.0)
            shaped = _Candidate(shaped.kind, shaped.confidence, best.order,
                                (*shaped.evidence, note))
            return _finding(column, shaped, ((best.kind, best.confidence),))
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
    if (header > 0.0 and recognizer.kind in _DATE_KINDS and _numeric_content(column)
            and (check is None or check.share < recognizer.min_share)):
        # a day count, a time of day, a duration: header words never make numbers a date;
        # whole numbers under a years header are ages or durations in years, and 90 years
        # or more is an age over 89 whatever it measures (fail closed: top-coded)
        if recognizer.kind is Kind.YEAR and _share_in(column, 0, 150) >= _AGE_SHARE:
            return _Candidate(Kind.AGE, 0.55, order, (Evidence(
                "values", "numbers in 0-150 under a years header: ages or durations in years "
                "(not calendar years); 90 and over top-coded", 0.5),))
        return None
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


_DATE_KINDS = frozenset({Kind.DATE, Kind.BIRTH_DATE, Kind.DEATH_DATE, Kind.YEAR})
_AGE_SHARE = 0.95
_TIME_OF_DAY = r"^([01][0-9]|2[0-3])[0-5][0-9][0-5][0-9](?:\.[0-9]+)?$"
"""DICOM TM and HL7 times of day (HHMMSS with an optional fraction): no date element."""


def _numeric_content(column: ColumnSample) -> bool:
    """Numbers, or text that is numbers (a measurement, a count, a duration)."""
    return column.is_numeric or (column.is_string and column.row_share(_NUMBER_TEXT) >= 0.8)


def _share_in(column: ColumnSample, low: float, high: float) -> float:
    """Share of rows holding a number in [low, high], numbers as text included."""
    if column.is_numeric:
        return column.numeric_share(low, high)
    number = pl.col("v").str.strip_chars().cast(pl.Float64, strict=False)
    return column.expr_share(f"in:{low}:{high}", number.is_between(low, high).fill_null(False))


def _value_evidence(column: ColumnSample, check: ValueCheck) -> Evidence:
    detail = f"{check.share:.0%} of {column.nonnull} sampled non-null values {check.detail}"
    if 0 < check.tested < column.nonnull:
        detail += f" ({check.tested} distinct values validated)"
    return Evidence(check.source, detail, check.share)


def _content_backed(candidate: _Candidate) -> bool:
    """True when the candidate rests on values (not only a header word)."""
    return any(e.source == "values" and e.score >= 0.5 for e in candidate.evidence)


def _fallback(column: ColumnSample) -> _Candidate:
    """The kind of a column no recognizer claims, by dtype, shape and distinctness.

    Deny by default: the evidence says whether the column may be kept (source
    "values" with a score of at least 0.5 is positive evidence that it is not an
    identifier: numeric measurements, a low-cardinality category). Code-shaped
    numbers (one digit count, many distinct values) are "any other unique
    identifying number" (R); everything else stays unclassified and the Safe
    Harbor profile redacts it.
    """
    many = column.distinct_ratio >= 0.9 and column.distinct >= 20
    if column.is_binary:
        return _Candidate(Kind.OTHER_ID, 0.3, 0, (
            Evidence("dtype", "binary values of unknown content (fail closed)", 0.3),
        ))
    numeric_text = column.is_string and column.row_share(_NUMBER_TEXT) >= 0.8
    if column.is_numeric or numeric_text or isinstance(column.dtype, pl.Duration):
        return _numeric_fallback(column, many)
    if column.is_string and many:
        words = column.text_stats[1]
        kind = Kind.FREE_TEXT if words >= 4 else Kind.OTHER_ID
        return _Candidate(kind, 0.4, 0, (
            Evidence("stats", f"distinct ratio {column.distinct_ratio:.2f}: distinct strings "
                     "that no recognizer claims (fail closed)", column.distinct_ratio),
        ))
    if column.distinct <= _CATEGORY_MAX and column.distinct_ratio <= 0.5:
        return _category(column)
    return _Candidate(Kind.OTHER, 0.3, 0, (
        Evidence("dtype", f"dtype {column.dtype_name}; no recognizer matched and "
                 f"{column.distinct} distinct values: unclassified", 0.3),
    ))


_CATEGORY_MAX = 50
"""At most this many distinct values make an unrecognized column a category."""
NAME_SHAPED_SHARE = 0.5
"""Share of rows with name-shaped values that makes a small set of values names, not a
category (a longitudinal table repeats each person's name on every row)."""
CATEGORY_MIN_ROWS = 3
CATEGORY_MIN_SHARE = 0.001
"""A value is one of a category's values when it fills at least this many sampled rows
and this share of them; rarer values are what a clerk typed, not a category."""


def _category(column: ColumnSample) -> _Candidate:
    """A low-cardinality column: a category, kept as the allow-list of its frequent values,
    unless its values are shaped like names.

    Few distinct values are positive evidence only when they are not name-shaped
    (`veil.scan.names.name_shaped`: no dictionary needed, so names of any origin count).
    The category's values are those seen often in the sample with no identifier
    detector hit: every other value, seen rarely or never (late rows), is what the
    column must not pass through, and the profile empties it cell by cell.
    """
    counts = column.counts
    named = counts.filter(name_shaped(pl.col("v")))
    share = float(named["n"].sum() or 0) / column.nonnull
    if share >= NAME_SHAPED_SHARE and (named.height >= NAME_SHAPED_DISTINCT or bool(
            named.select(marked_name(pl.col("v")).any()).item())):
        return _Candidate(Kind.PERSON_NAME, 0.6, 0, (
            Evidence("values", f"{share:.0%} of sampled values are shaped like names (two or "
                     "three capitalized words, or 'Last, First'): a few names repeated per "
                     "row, not a category", share),))
    floor = max(CATEGORY_MIN_ROWS, CATEGORY_MIN_SHARE * column.nonnull)
    frequent = counts.filter(pl.col("n") >= floor)
    allowed = frequent.filter(~_identifier_hit(pl.col("v"))).get_column("v").to_list()
    rare = column.nonnull - int(counts.filter(pl.col("v").is_in(allowed))["n"].sum() or 0)
    detail = f"low-cardinality category ({column.distinct} distinct values in {column.nonnull} "
    detail += "sampled)"
    evidence = [Evidence("values", detail, 0.5)]
    if rare:
        evidence.append(Evidence("stats", f"{rare} sampled value(s) outside the category's "
                                 f"{len(allowed)} frequent values: emptied cell by cell", 0.0))
    return _Candidate(Kind.OTHER, 0.5, 0, tuple(evidence),
                      categories=tuple(str(v) for v in allowed))


def _identifier_hit(text: pl.Expr) -> pl.Expr:
    """Per value: a verification detector flags it (a category never holds one)."""
    from veil.detect.patterns import DETECTORS

    return pl.any_horizontal(*(d.matches(text) for d in DETECTORS)).fill_null(False)
_CODE_DIGITS = 5
"""Integers with one digit count of at least this many look like codes, not amounts."""


def _numeric_fallback(column: ColumnSample, many: bool) -> _Candidate:
    """Numbers no recognizer claims: measurements and counts, or identifier-like codes."""
    if isinstance(column.dtype, pl.Duration):
        return _Candidate(Kind.CLINICAL, 0.5, 0, (
            Evidence("values", "durations (no identifier pattern)", 0.5),))
    if column.distinct >= 20 and column.has_text and column.row_share(_TIME_OF_DAY) >= 0.99:
        # random six-digit numbers all read as valid times of day only by chance (9 % each)
        return _Candidate(Kind.CLINICAL, 0.5, 0, (
            Evidence("values", "times of day as HHMMSS (no date element)", 0.5),))
    digits = column.memo("fallback_digits", lambda: _digit_profile(column))
    integral, same_length, length = digits
    if integral and (many or (same_length and length >= _CODE_DIGITS and column.distinct >= 20)):
        return _Candidate(Kind.OTHER_ID, 0.45, 0, (
            Evidence("stats", f"whole numbers of {'one length' if same_length else 'many'} "
                     f"digits with {column.distinct} distinct values: code-like, treated as "
                     "an identifying number (fail closed)", column.distinct_ratio),))
    detail = ("decimal measurements" if not integral
              else f"whole numbers with {column.distinct} distinct values (counts or amounts)")
    return _Candidate(Kind.CLINICAL, 0.5, 0, (
        Evidence("values", f"{detail}; no identifier pattern", 0.5),))


def _digit_profile(column: ColumnSample) -> tuple[bool, bool, int]:
    """(all whole numbers, >= 90 % share one digit count, that digit count)."""
    text = column.text
    if text.len() == 0:
        return (False, False, 0)
    frame = text.to_frame("v").select(
        pl.col("v").str.contains(r"^[+\-]?[0-9]+(?:[.,]0+)?$").mean().alias("whole"),
        pl.col("v").str.replace(r"^[+\-]", "").str.replace(r"[.,]0+$", "").str.len_chars()
        .alias("len"),
    )
    whole = float(frame["whole"][0] or 0.0) >= 0.99
    lengths = frame.get_column("len").value_counts(sort=True)
    top_len, top_count = int(lengths[0, 0]), int(lengths[0, 1])
    return (whole, top_count >= 0.9 * text.len(), top_len)


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
        categories=chosen.categories,
    )
