"""release.json (and the data owner's preview.json) of `veil dp`.

The guarantee block is typed; a query's description, accuracy and rows vary with its
kind and its grouping columns, so they stay mappings (rows hold released, noisy
values and, in a preview only, the true ones).
"""

from __future__ import annotations

from typing import Any, Literal

from veil.records._base import Number, Record


class PrivacyUnitRecord(Record):
    level: str
    column: str
    max_contributions: int
    bounding: str


class EquivalentRecord(Record):
    """The (epsilon, delta) equivalent of a zCDP release."""

    epsilon: Number
    delta: Number
    note: str


class GuaranteeLedger(Record):
    spent_before: dict[str, Any]
    left_after: dict[str, Any] | None


class GuaranteeRecord(Record):
    """What the release guarantees, to whom, under which accounting, and what it does not cover."""

    unit_of_privacy: PrivacyUnitRecord
    accounting: str
    parameters: dict[str, Any]
    statement: str
    composition: str
    mechanisms: str
    not_covered: list[str]
    epsilon_delta_equivalent: EquivalentRecord | None = None
    caution: str | None = None
    ledger: GuaranteeLedger | None = None
    preview: str | None = None


class LedgerEntryRef(Record):
    """The ledger entry a release was charged to (keep its digest)."""

    location: str
    id: str
    entry: int
    digest: str
    fingerprint: str
    note: str


class QueryRecord(Record):
    name: str
    kind: str
    query: dict[str, Any]
    budget_share: list[Number]
    accuracy: dict[str, Any]
    rows: list[dict[str, Any]]


class DPReleaseRecord(Record):
    """release.json (or preview.json, with `truncated_rows` and true values)."""

    format: Literal["veil-dp-release-v1"]
    dataset: str
    preview: bool
    released_at: str | None
    guarantee: GuaranteeRecord
    ledger: LedgerEntryRef | None
    queries: list[QueryRecord]
    truncated_rows: int | None = None
