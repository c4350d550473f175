"""Column scanner: propose a kind, role and Safe Harbor category for every column.

1. `scan_frame(frame)` samples the frame (10,000 rows by default).
2. Every recognizer in the registry scores every column: header synonyms, and
   the share of sampled values that pass its check (regex prefilters over the
   sample, real validators on at most 300 distinct values).
3. Content that convinces beats a header; headers alone give lower confidence.
4. When unsure between an identifier and a harmless kind, the identifier wins.
5. The `ScanResult` lists one `ColumnFinding` per column with its evidence,
   which never quotes a value; the policy decides what to do with it.

Add a recognizer by passing your own tuple: `scan_frame(frame,
recognizers=(*DEFAULT_RECOGNIZERS, my_rule))`.
"""

from veil.scan.model import ColumnFinding, Evidence, ScanResult
from veil.scan.recognizer import Header, Recognizer, Rule, ValueCheck
from veil.scan.registry import DEFAULT_RECOGNIZERS
from veil.scan.sample import ColumnSample
from veil.scan.scanner import classify_column, scan_frame

__all__ = [
    "DEFAULT_RECOGNIZERS",
    "ColumnFinding",
    "ColumnSample",
    "Evidence",
    "Header",
    "Recognizer",
    "Rule",
    "ScanResult",
    "ValueCheck",
    "classify_column",
    "scan_frame",
]
