"""Which residuals a cell-by-cell remediation can remove.

The second pass flags single values (an SSN, a name, a date written in a cell): those
cells can be replaced and the rest of the column kept. Column-level findings (numbers
that are date parts or epoch times as a whole, ages over 89 under an age header, a
column of names) are about every value: only the column as a whole can go.
"""

from __future__ import annotations

from veil.detect.patterns import DETECTORS
from veil.verify.model import Verification

PER_VALUE: frozenset[str] = frozenset(d.name for d in DETECTORS) - {"age_over_89"}
"""Detectors that judge one value at a time ('age_over_89' is also a column statistic)."""


def per_value_only(found: Verification, label: str) -> bool:
    """True when every failure in column `label` (its values, not its name) is a
    per-value finding, so replacing the flagged cells removes them all."""
    items = [r for r in found.failures if r.column == label and r not in found.header_residuals]
    return bool(items) and all(r.detector in PER_VALUE for r in items)
