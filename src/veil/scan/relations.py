"""Cross-column evidence: an age is the number of years between two dates.

Without a telling header an age column looks like any small integer (a heart
rate, a score), yet Safe Harbor must top-code it. A column whose values equal
the completed years between two date columns of the same rows (birth and
admission, say) is an age, whatever its name.
"""

from __future__ import annotations

from itertools import permutations

import polars as pl

from veil.actions.dates import year_of
from veil.categories import KIND_CATEGORY, Kind, role_of
from veil.scan.model import ColumnFinding, Evidence

_DATE_KINDS = {Kind.DATE, Kind.BIRTH_DATE, Kind.DEATH_DATE}
_REVISABLE = {Kind.CLINICAL, Kind.LAB_VALUE, Kind.LENGTH_OF_STAY, Kind.OTHER, Kind.YEAR,
              Kind.OTHER_ID}
_MIN_ROWS = 20
_MIN_SHARE = 0.9
_MIN_SPREAD = 10
_MAX_DATE_COLUMNS = 8


def find_ages(
    sample: pl.DataFrame, findings: tuple[ColumnFinding, ...]
) -> tuple[ColumnFinding, ...]:
    """Findings with number columns that are ages between two dates re-classified as AGE."""
    found = [f for f in findings if f.kind in _DATE_KINDS][:_MAX_DATE_COLUMNS]
    dates = [f.column for f in found]
    if len(dates) < 2:
        return findings
    # Years alone suffice: a true age is the year difference or one less, so the
    # +-1 tolerance below holds, and one regex per column is far cheaper than parsing.
    years = sample.select(
        year_of(pl.col(f.column), sample.schema[f.column], encoding=f.date_encoding or "auto")
        .alias(f.column) for f in found)
    gaps = {
        (first, second): years.get_column(second) - years.get_column(first)
        for first, second in permutations(dates, 2)
    }
    spread = {pair: gap.n_unique() for pair, gap in gaps.items()}
    return tuple(_revise(f, sample, gaps, spread) for f in findings)


def _revise(finding: ColumnFinding, sample: pl.DataFrame,
            gaps: dict[tuple[str, str], pl.Series],
            spread: dict[tuple[str, str], int]) -> ColumnFinding:
    if finding.kind not in _REVISABLE:
        return finding
    values = _numbers(sample.get_column(finding.column))
    if values is None:
        return finding
    for (first, second), gap in gaps.items():
        # dates a few days apart (admission, discharge) give 0 years for everyone:
        # only year differences that vary across people can identify an age
        if spread[(first, second)] < _MIN_SPREAD:
            continue
        checked = ((values.floor() - gap).abs() <= 1).drop_nulls()
        if checked.len() >= _MIN_ROWS and checked.mean() >= _MIN_SHARE:  # type: ignore[operator]
            share = float(checked.mean())  # type: ignore[arg-type]
            evidence = Evidence(
                "values",
                f"in {share:.0%} of {checked.len()} sampled rows the value is within a year of the "
                f"years between columns {first!r} and {second!r} (an age)",
                share,
            )
            return ColumnFinding(
                column=finding.column, dtype=finding.dtype, kind=Kind.AGE,
                role=role_of(Kind.AGE), category=KIND_CATEGORY[Kind.AGE],
                confidence=max(0.85, share * 0.95), evidence=(evidence, *finding.evidence),
                distinct_ratio=finding.distinct_ratio, null_share=finding.null_share,
                sampled=finding.sampled,
                alternatives=((finding.kind, finding.confidence), *finding.alternatives[:2]),
            )
    return finding


def _numbers(column: pl.Series) -> pl.Series | None:
    """The column as floats when it is mostly numbers in the range of human ages."""
    values = column.cast(pl.Float64, strict=False) if column.dtype != pl.Boolean else None
    if values is None or column.null_count() == column.len():
        return None
    known = values.drop_nulls()
    if known.len() < max(_MIN_ROWS, 0.9 * column.drop_nulls().len()):
        return None
    low, high = known.min(), known.max()
    assert isinstance(low, float) and isinstance(high, float)
    if low < 0 or high > 125:
        return None
    return values
