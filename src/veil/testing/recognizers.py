"""`check_recognizer`: a scanner recognizer finds what it claims and nothing else.

A column of planted positives (repeated to `rows` values) under `header` must be
classified as the recognizer's kind, by the recognizer alone and, with `alongside`,
among other recognizers (the scanner weighs them all: a more specific rule may not
be shadowed). A column of hard negatives (values that look alike but are not: an
SSN with area 000, a lab value, a clinical code) under a neutral header must not
be. Evidence texts never quote a value, and the same column gives the same finding
twice.

Usage::

    from veil.testing import check_recognizer
    check_recognizer(my_rule, positives=["A123456", ...], negatives=["7.2", ...])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

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
