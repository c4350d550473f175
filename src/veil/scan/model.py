"""Plain result types of the scanner: what a column holds, and why we think so.

Detection and the policy that acts on it meet only through these values.
Evidence texts describe patterns, counts and shares; they never quote a value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from veil.categories import Category, Kind, Role
from veil.errors import UsageError

EvidenceSource = Literal["header", "values", "dtype", "stats"]
DateEncoding = Literal["epoch_s", "epoch_ms", "excel_serial", "yyyymmdd", "sas_date",
                       "sas_datetime", "stata_tc", "unix_days"]
"""How numbers (or digit strings) hold dates; the same names as `YearOnly.encoding`."""


@dataclass(frozen=True)
class Evidence:
    """One reason for a classification, e.g. '97 % of 500 sampled values are valid SSNs'."""

    source: EvidenceSource
    detail: str
    score: float


@dataclass(frozen=True)
class ColumnFinding:
    """The scanner's verdict on one column."""

    column: str
    dtype: str
    kind: Kind
    role: Role
    category: Category | None
    confidence: float
    evidence: tuple[Evidence, ...] = ()
    distinct_ratio: float = 0.0
    null_share: float = 0.0
    sampled: int = 0
    alternatives: tuple[tuple[Kind, float], ...] = field(default=())
    date_encoding: DateEncoding | None = None
    """How a date column of numbers or digit strings holds its dates ('epoch_s',
    'epoch_ms', 'excel_serial', 'yyyymmdd'); None for typed dates, date text and
    columns that are not dates. The `year_only` rule decodes with it."""
    ambiguous_encodings: tuple[str, ...] = ()
    """For numbers that read as dates in several encodings of one unit whose years differ
    by decades (days since 1899-12-30, 1960 or 1970...): those encodings. The date
    cannot be reduced to a true year, so Safe Harbor redacts it (fail closed)."""
    categories: tuple[str, ...] = field(default=(), repr=False)
    """For a low-cardinality category: its frequent values (the allow-list a Safe Harbor
    policy keeps; anything else is emptied cell by cell). Not in `to_dict`: values stay
    out of scan reports."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "column": self.column,
            "dtype": self.dtype,
            "kind": self.kind.value,
            "role": self.role.value,
            "category": None if self.category is None else self.category.value,
            "category_number": None if self.category is None else self.category.number,
            "category_label": None if self.category is None else self.category.label,
            "confidence": round(self.confidence, 3),
            "evidence": [
                {"source": e.source, "detail": e.detail, "score": round(e.score, 3)}
                for e in self.evidence
            ],
            "distinct_ratio": round(self.distinct_ratio, 4),
            "null_share": round(self.null_share, 4),
            "sampled": self.sampled,
            "alternatives": [[k.value, round(s, 3)] for k, s in self.alternatives],
            "date_encoding": self.date_encoding,
            "ambiguous_encodings": list(self.ambiguous_encodings),
        }


@dataclass(frozen=True)
class ScanResult:
    """Findings for every column of one dataset, in column order."""

    source: str
    rows_sampled: int
    columns: tuple[ColumnFinding, ...]

    def finding(self, column: str) -> ColumnFinding:
        for found in self.columns:
            if found.column == column:
                return found
        raise UsageError(f"column {column!r} is not in the scan of {self.source}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "rows_sampled": self.rows_sampled,
            "columns": [c.to_dict() for c in self.columns],
        }
