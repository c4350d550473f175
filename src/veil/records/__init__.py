"""Typed records: the JSON files a veil run writes, as frozen pydantic models.

Every writer validates its data through one of these before writing (a
misspelt or mistyped field is a bug caught before anything is written), and
the public API returns them instead of `dict[str, Any]`:

- `DeidentificationReport`: report.json of `veil apply` / `veil deidentify`;
- `VerificationRecord`: its `verification` block and `veil verify --json`;
- `RiskRecord`: its `risk` block and `veil risk --json`;
- `ManifestRecord`: manifest.json of every command;
- `DPReleaseRecord`: release.json / preview.json of `veil dp`;
- `AnonymizationRecord`: anonymization.json of `veil anonymize`.

`record.to_json()` gives exactly the text the writer writes, and
`DeidentificationReport.from_json(path.read_text())` reads one back. This
package sits low in the layers: it imports only pydantic and the standard library.
"""

from veil.records._base import Number, Record
from veil.records.anonymize import AnonymizationRecord, CandidateRecord
from veil.records.dp import DPReleaseRecord, GuaranteeRecord, QueryRecord
from veil.records.manifest import FileRecord, ManifestRecord
from veil.records.report import (
    ChecklistColumn,
    ChecklistItem,
    ColumnRecord,
    DeidentificationReport,
    Distribution,
    FileInfo,
    KeptColumn,
    ReportHashes,
    ReportSummary,
    Zip3List,
    Zip3Record,
)
from veil.records.risk import (
    ContributionRecord,
    ContributionsRecord,
    EstimateRecord,
    MarketerRecord,
    ModelRiskRecord,
    PopulationRecord,
    RiskRecord,
    SensitiveRecord,
)
from veil.records.verification import ResidualRecord, VerificationRecord

__all__ = [
    "AnonymizationRecord",
    "CandidateRecord",
    "ChecklistColumn",
    "ChecklistItem",
    "ColumnRecord",
    "ContributionRecord",
    "ContributionsRecord",
    "DPReleaseRecord",
    "DeidentificationReport",
    "Distribution",
    "EstimateRecord",
    "FileInfo",
    "FileRecord",
    "GuaranteeRecord",
    "KeptColumn",
    "ManifestRecord",
    "MarketerRecord",
    "ModelRiskRecord",
    "Number",
    "PopulationRecord",
    "QueryRecord",
    "Record",
    "ReportHashes",
    "ReportSummary",
    "ResidualRecord",
    "RiskRecord",
    "SensitiveRecord",
    "VerificationRecord",
    "Zip3List",
    "Zip3Record",
]
