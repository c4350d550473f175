"""Reading a vault's two-slot witness file in tests (`veil.anchor`, ``slots=True``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from veil.anchor import SLOT


def records(path: Path) -> list[dict[str, Any]]:
    """The witness records of a two-slot file (blank slots left out), or of a one-record file."""
    raw = path.read_bytes()
    if len(raw) != 2 * SLOT:
        return [json.loads(raw)]
    parts = [raw[i * SLOT:(i + 1) * SLOT].strip() for i in (0, 1)]
    return [json.loads(part) for part in parts if part]


def newest_record(path: Path) -> dict[str, Any]:
    """The record with the highest sequence number."""
    return max(records(path), key=lambda record: int(record["seq"]))
