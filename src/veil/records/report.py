"""report.json of `veil apply` and `veil deidentify`: what was done to every column, why,
the Safe Harbor checklist, the verification pass, the risk of what was kept, and hashes.

Names, actions, counts and aggregated distributions of de-identified output columns
only: no input cell value can reach it.
"""

from __future__ import annotations

from veil.records._base import Record
from veil.records.risk import RiskRecord
from veil.records.verification import VerificationRecord


class FileInfo(Record):
    """The input or output data file: safe name, format, rows and columns."""

    file: str
    format: str
    rows: int | None
    columns: int


class ReportSummary(Record):
    categories_present: int
    categories_handled: int
    violations: int
    attestations: int
    columns_dropped: int
    columns_transformed: int
    columns_kept: int


class ChecklistColumn(Record):
    column: str
    action: str
    output: str | None


class ChecklistItem(Record):
    """One of the 18 Safe Harbor categories: present or not, and how it was handled."""

    category: str
    number: int
    label: str
    status: str
    note: str
    columns: list[ChecklistColumn]


class ColumnRecord(Record):
    """What the policy did to one input column (by its policy key), and why."""

    input: str
    output: str | None
    action: str
    kind: str | None
    category: str | None
    role: str | None
    reason: str


class KeptColumn(Record):
    column: str
    role: str
    reason: str


class Zip3List(Record):
    name: str
    version: str
    source: str


class Zip3Record(Record):
    """The ZIP3 rule in force: the restricted lists or a population table."""

    mode: str
    lists: list[Zip3List]
    restricted_prefixes: list[str]
    threshold: int
    population_table: str | None


class Distribution(Record):
    """Value counts of a top-coded output column (output values, never input)."""

    title: str
    counts: list[tuple[str, int]]
    highlight: list[str]


class ReportHashes(Record):
    input_sha256: str
    output_sha256: str
    policy_sha256: str


class DeidentificationReport(Record):
    """report.json, validated before it is written."""

    title: str
    veil_version: str
    profile: str
    generated_at: str
    reference_date: str
    engine: str | None = None
    input: FileInfo
    output: FileInfo
    summary: ReportSummary
    checklist: list[ChecklistItem]
    columns: list[ColumnRecord]
    kept: list[KeptColumn]
    quasi_identifiers: list[str]
    zip3: Zip3Record
    keys: dict[str, str]
    warnings: list[str]
    attestations: list[str]
    distributions: dict[str, Distribution]
    verification: VerificationRecord
    risk: RiskRecord | None = None
    manifest: ReportHashes
