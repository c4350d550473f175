"""The run manifest: what ran, on what, with which settings, producing what.

It lets anyone re-run or audit a release: the veil and library versions, the
policy hash, SHA-256 of the input and of every output file, and the
parameters (never a secret, only a fingerprint of it).
"""

from __future__ import annotations

import datetime as dt
import platform
from importlib import metadata
from pathlib import Path
from typing import Any

from veil._version import __version__
from veil.detect.header import safe_file_name
from veil.io.hashing import path_bytes, sha256_file, sha256_path

_LIBRARIES = ("polars", "polars-hash", "pyarrow", "pydantic", "faker", "phonenumbers",
              "python-stdnum", "opendp")


def library_versions() -> dict[str, str]:
    versions = {}
    for name in _LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def build_manifest(
    *,
    command: str,
    input_path: Path | None,
    outputs: list[Path],
    output_root: Path,
    policy_sha256: str | None,
    parameters: dict[str, Any],
    started_at: dt.datetime,
    finished_at: dt.datetime,
    input_sha256: str | None = None,
) -> dict[str, Any]:
    """The manifest dict; `input_sha256` when the caller already hashed the input (it is
    read once, not twice)."""
    return {
        "veil_version": __version__,
        "command": command,
        "started_at": started_at.isoformat(timespec="seconds"),
        "finished_at": finished_at.isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "libraries": library_versions(),
        "policy_sha256": policy_sha256,
        "input": None if input_path is None else {
            "file": safe_file_name(input_path.name),
            "sha256": input_sha256 or sha256_path(input_path),
            "bytes": path_bytes(input_path),
        },
        "outputs": [
            {"file": str(p.relative_to(output_root)), "sha256": sha256_file(p),
             "bytes": p.stat().st_size}
            for p in outputs
        ],
        "parameters": parameters,
    }
