"""anonymization.json of `veil anonymize`: the targets, the chosen generalization levels,
scores, the best candidates and the risk before and after (counts and levels, no values)."""

from __future__ import annotations

from typing import Any

from veil.records._base import Number, Record
from veil.records.report import FileInfo
from veil.records.risk import RiskRecord


class CandidateRecord(Record):
    """One of the best transformations found (`--explain`)."""

    rank: int
    levels: dict[str, int]
    score: Number
    suppressed: int
    classes: int
    smallest_class: int


class AnonymizationHashes(Record):
    input_sha256: str
    output_sha256: str
    policy_sha256: str | None  # None: the targets came from options, not a policy


class AnonymizationRecord(Record):
    """anonymization.json. A hierarchy's description and a model's parameters differ by
    builder and model, so they stay mappings."""

    command: str
    input: FileInfo
    output: FileInfo
    quasi_identifiers: list[str]
    sensitive_attributes: list[str]
    keep: list[str]
    drop: list[str]
    hierarchies: dict[str, dict[str, Any]]
    models: list[dict[str, Any]]
    suppression_limit: Number
    max_suppressed: int
    metric: str
    time_budget: Number | None
    levels: dict[str, int]
    suppressed: int
    classes: int
    smallest_class: int
    score: Number
    loss_per_attribute: dict[str, Number]
    method: str
    exhaustive: bool
    evaluated: int
    lattice_size: int
    seconds: Number
    candidates: list[CandidateRecord]
    risk_threshold: Number | None
    risk_before: RiskRecord
    risk_after: RiskRecord
    manifest: AnonymizationHashes
