"""`check_recognizer`: a scanner recognizer finds what it claims and nothing else.

A column of planted positives (repeated to `rows` values) under `header` must be
classified as the recognizer's kind, by the recognizer alone and, with `alongside`,
among other recognizers (the scanner weighs them all: a more specific rule may not
be shadowed). A column of hard negatives (values that look alike but are not: an
SSN with area 000, a lab value, a clinical code) under a neutral header must not
be. Evidence texts never quote a value, and the same column gives the same finding
twice.

The verification pass's value detectors (`veil.detect.patterns.ValueDetector`) have
their own contract, `check_detector`: every planted positive is found, alone in a cell
and inside a sentence; no hard negative is; the detector is a Polars expression
(no Python per value) and gives the same flags eagerly, lazily and in streaming.

Usage::

    from veil.testing import check_detector, check_recognizer
    check_recognizer(my_rule, positives=["A123456", ...], negatives=["7.2", ...])
    check_detector(my_detector, positives=["123-45-6789"], negatives=["000-12-3456"])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from veil.detect.patterns import ValueDetector
from veil.errors import UsageError
from veil.scan import ColumnFinding, Recognizer, scan_frame
from veil.testing._failure import ConformanceError, safe_text

NEUTRAL_HEADER = "c0"


@dataclass(frozen=True)
class RecognizerCheck:
    """What `check_recognizer` found."""

    recognizer: str
    kind: str
    confidence: float
    negatives_kind: str | None


def check_recognizer(recognizer: Recognizer, *, positives: Sequence[str],
                     negatives: Sequence[str] = (), header: str = NEUTRAL_HEADER,
                     rows: int = 200, alongside: Sequence[Recognizer] = ()) -> RecognizerCheck:
    """Run `recognizer` through the recognizer contract above (`ConformanceError` if broken).

    A recognizer that `needs_header` must be given a `header` its synonyms match.
    """
    if not positives:
        raise UsageError("give at least one planted positive value")
    name = recognizer.name
    values = (*positives, *negatives)
    found = _finding(recognizer, positives, header, rows, (recognizer,), values)
    if found.kind != recognizer.kind:
        raise ConformanceError(f"recognizer {name!r}: a column of {len(positives)} planted "
                               f"positive(s) under header {header!r} is {found.kind.value}, "
                               f"not {recognizer.kind.value}")
    if found != _finding(recognizer, positives, header, rows, (recognizer,), values):
        raise ConformanceError(f"recognizer {name!r}: the same column gave another finding")
    if alongside:
        among = (*[r for r in alongside if r.name != name], recognizer)
        together = _finding(recognizer, positives, header, rows, among, values)
        if together.kind != recognizer.kind:
            raise ConformanceError(f"recognizer {name!r}: among {len(among)} recognizers the "
                                   f"planted positives are {together.kind.value}, not "
                                   f"{recognizer.kind.value}")
    negatives_kind = None
    if negatives:
        against = _finding(recognizer, negatives, NEUTRAL_HEADER, rows, (recognizer,), values)
        if against.kind == recognizer.kind:
            raise ConformanceError(f"recognizer {name!r}: a column of {len(negatives)} hard "
                                   f"negative(s) is classified {recognizer.kind.value}")
        negatives_kind = against.kind.value
    return RecognizerCheck(name, recognizer.kind.value, found.confidence, negatives_kind)


def _finding(recognizer: Recognizer, values: Sequence[str], header: str, rows: int,
             recognizers: Sequence[Recognizer], planted: tuple[str, ...]) -> ColumnFinding:
    repeated = (list(values) * (rows // len(values) + 1))[:rows]
    frame = pl.DataFrame({header: pl.Series(repeated, dtype=pl.String)})
    finding = scan_frame(frame, recognizers=recognizers).columns[0]
    for evidence in finding.evidence:
        if not safe_text(evidence.detail, planted):
            raise ConformanceError(f"recognizer {recognizer.name!r}: an evidence text quotes "
                                   "a value")
    return finding


@dataclass(frozen=True)
class DetectorCheck:
    """What `check_detector` found: positives found (alone, in text), negatives flagged."""

    detector: str
    found_alone: int
    found_in_text: int
    negatives_flagged: int


def check_detector(detector: ValueDetector, *, positives: Sequence[str],
                   negatives: Sequence[str] = (), min_share: float = 1.0,
                   context: str = "seen on {} at the clinic") -> DetectorCheck:
    """Run a verification detector through the detector contract (`ConformanceError`).

    At least `min_share` of the positives must be flagged alone in a cell and, unless
    the detector matches whole values only (its pattern is anchored at `^`), inside
    `context` (a sentence with `{}` where the value goes); no negative may be flagged.
    """
    whole_value = re.sub(r"^\(\?[a-z]+\)", "", detector.pattern).startswith("^")
    if not positives:
        raise UsageError("give at least one planted positive value")
    name = detector.name
    cells = pl.DataFrame({
        "alone": pl.Series([*positives, *negatives, None], dtype=pl.String),
        "in_text": pl.Series([*(context.format(v) for v in positives),
                              *(context.format(v) for v in negatives), None], dtype=pl.String),
    })
    flags = [detector.matches(pl.col(c)).alias(c) for c in cells.columns]
    if any("python_udf" in str(f) for f in flags):
        raise ConformanceError(f"detector {name!r}: calls a Python function per value")
    try:
        eager = cells.select(flags)
        lazy = cells.lazy().select(flags)
        same = eager.equals(lazy.collect()) and eager.equals(lazy.collect(engine="streaming"))
    except Exception as error:  # Polars messages may quote values: name the type only
        raise ConformanceError(f"detector {name!r}: evaluating raised "
                               f"{type(error).__name__}") from None
    if not same:
        raise ConformanceError(f"detector {name!r}: eager, lazy and streaming flags differ")
    n = len(positives)
    if eager["alone"][-1] or eager["in_text"][-1]:
        raise ConformanceError(f"detector {name!r}: a null value is flagged")
    alone = int(eager["alone"].head(n).sum())
    in_text = int(eager["in_text"].head(n).sum())
    for found, how in ((alone, "alone in a cell"), (in_text, "inside a sentence")):
        if how != "alone in a cell" and whole_value:
            continue
        if found < min_share * n:
            raise ConformanceError(f"detector {name!r}: {found} of {n} planted positive(s) "
                                   f"found {how}")
    flagged = int(eager["alone"].slice(n, len(negatives)).sum()
                  + eager["in_text"].slice(n, len(negatives)).sum())
    if flagged:
        raise ConformanceError(f"detector {name!r}: {flagged} hard negative(s) flagged "
                               "(alone or in a sentence)")
    return DetectorCheck(name, alone, in_text, flagged)
