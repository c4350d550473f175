"""The verification record: counts by column and category, never a value.

The `verification` block of report.json, `veil verify --json`, and the data
owner's rejected-verification report (`first_rows` only there).
"""

from __future__ import annotations

from veil.records._base import Record


class ResidualRecord(Record):
    """Values of one column that one detector flags (a count and, for the owner, rows)."""

    column: str
    category: str
    category_label: str
    detector: str
    values: int
    accepted_by_review: bool
    first_rows: list[int] | None = None


class VerificationRecord(Record):
    """One verification pass over a whole file."""

    source: str
    passed: bool
    rows: int
    columns_checked: int
    summary: str
    residuals: list[ResidualRecord]
    header_residuals: list[ResidualRecord]
    emptied_by_transform: dict[str, int]
    non_null_values: dict[str, int]
    not_inspected: list[str]
    seconds: float
