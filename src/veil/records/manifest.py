"""The run manifest (manifest.json): what ran, on what, with which settings, producing what."""

from __future__ import annotations

from typing import Any

from veil.records._base import Record


class FileRecord(Record):
    """A file by its (safe) name, SHA-256 and size."""

    file: str
    sha256: str
    bytes: int


class ManifestRecord(Record):
    """manifest.json. `parameters` differ by command (the policy's settings, the engine,
    a secret's fingerprint, never a secret), so they stay a mapping."""

    veil_version: str
    command: str
    started_at: str
    finished_at: str
    python: str
    libraries: dict[str, str]
    policy_sha256: str | None
    input: FileRecord | None
    outputs: list[FileRecord]
    parameters: dict[str, Any]
