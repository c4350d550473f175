"""Plain values of the verification pass: what each column is expected to hold,
and what was found. Nothing here holds a cell value: findings are counts and row
positions, so a verification report can travel where the data cannot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from veil.categories import Category
from veil.records import VerificationRecord


class Expect(StrEnum):
    """What a column of the output should hold, by the action that wrote it."""

    ANY = "any"  # kept or generalized: every detector runs
    YEAR = "year"  # year_only: four-digit years, none before the over-89 boundary
    ZIP3 = "zip3"  # three digits, never a restricted prefix (except 000)
    AGE = "age"  # whole ages below the top-coding age, or its label
    REDACTED = "redacted"  # the replacement constant or null
    MASKED = "masked"  # mask characters and separators only
    SURROGATE = "surrogate"  # fake values: detectors of the faked category do not apply
    CODE = "code"  # random codes or keyed tokens, not derived content
    SCRUBBED = "scrubbed"  # scrub: the text recognizers run again over the written text


@dataclass(frozen=True)
class ColumnExpectation:
    """How to verify one output column.

    `category` is the Safe Harbor category of the input column (for shape
    failures); `exempt` the categories a surrogate imitates; `reviewed` marks a
    human-reviewed keep, whose findings are reported as accepted, not failures.
    """

    expect: Expect = Expect.ANY
    category: Category | None = None
    label: str = ""
    min_year: int | None = None
    age_at: int = 90
    restricted_zip3: frozenset[str] = frozenset()
    exempt: frozenset[Category] = frozenset()
    exempt_detectors: frozenset[str] = frozenset()
    reviewed: bool = False
    clinical_code: bool = False
    age_column: bool = False


@dataclass(frozen=True)
class Residual:
    """Values of one column that one detector flags (a count, never a value)."""

    column: str
    category: Category
    detector: str
    values: int
    first_rows: tuple[int, ...] = ()
    accepted: bool = False

    def to_dict(self, *, rows: bool) -> dict[str, Any]:
        item: dict[str, Any] = {
            "column": self.column, "category": self.category.value,
            "category_label": self.category.label, "detector": self.detector,
            "values": self.values, "accepted_by_review": self.accepted,
        }
        if rows:
            item["first_rows"] = list(self.first_rows)
        return item


@dataclass(frozen=True)
class Verification:
    """The outcome of one verification pass over a whole file."""

    source: str
    rows: int
    columns_checked: int
    residuals: tuple[Residual, ...]
    header_residuals: tuple[Residual, ...] = ()
    emptied: dict[str, int] = field(default_factory=dict)
    nonnull: dict[str, int] = field(default_factory=dict)
    not_inspected: tuple[str, ...] = ()
    seconds: float = 0.0

    @property
    def failures(self) -> tuple[Residual, ...]:
        """Residuals that fail the run (everything not accepted by a human review)."""
        return tuple(r for r in (*self.header_residuals, *self.residuals) if not r.accepted)

    @property
    def passed(self) -> bool:
        return not self.failures

    def by_column(self) -> dict[str, dict[str, int]]:
        """column -> category letter -> flagged values (largest detector per category).

        A finding in a column's name is listed under "<label> name" with count 1.
        """
        table: dict[str, dict[str, int]] = {}
        headers = set(self.header_residuals)
        for item in self.failures:
            key = f"{item.column} name" if item in headers else item.column
            cats = table.setdefault(key, {})
            cats[item.category.value] = max(cats.get(item.category.value, 0), item.values)
        return table

    def summary_line(self) -> str:
        """One line naming columns and categories with counts (never a value)."""
        if self.passed:
            return (f"verified {self.rows:,} rows x {self.columns_checked} columns: "
                    "no residual identifier found")
        parts = []
        for column, cats in self.by_column().items():
            detail = ", ".join(f"{Category(c).value} {Category(c).label.split(' (')[0].lower()}: "
                               f"{n:,}" for c, n in sorted(cats.items()))
            parts.append(f"{column} ({detail})")
        shown = "; ".join(parts[:8])
        more = f"; and {len(parts) - 8} more column(s)" if len(parts) > 8 else ""
        return (f"residual identifiers in {len(parts)} column(s) of {self.rows:,} rows: "
                f"{shown}{more}")

    def record(self, *, rows: bool = False) -> VerificationRecord:
        """The typed record (`veil verify --json`; with `rows`, the data owner's report)."""
        return VerificationRecord.model_validate(self.to_dict(rows=rows))

    def to_dict(self, *, rows: bool = False) -> dict[str, Any]:
        """JSON-ready; `rows` adds the first row positions of each finding (data owner)."""
        return {
            "source": self.source,
            "passed": self.passed,
            "rows": self.rows,
            "columns_checked": self.columns_checked,
            "summary": self.summary_line(),
            "residuals": [r.to_dict(rows=rows) for r in self.residuals],
            "header_residuals": [r.to_dict(rows=False) for r in self.header_residuals],
            "emptied_by_transform": dict(self.emptied),
            "non_null_values": dict(self.nonnull),
            "not_inspected": list(self.not_inspected),
            "seconds": round(self.seconds, 3),
        }
