"""SHA-256 of files, streamed, for manifests."""

from __future__ import annotations

import hashlib
from pathlib import Path

_CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_path(path: Path) -> str:
    """A file's SHA-256; for a directory of part files (the Spark engine's output), the
    SHA-256 of its sorted `name<TAB>sha256` lines (each part is also listed on its own)."""
    if not path.is_dir():
        return sha256_file(path)
    lines = "".join(f"{p.name}\t{sha256_file(p)}\n" for p in part_files(path))
    return sha256_text(lines)


def part_files(path: Path) -> list[Path]:
    """`path` itself for a file; the files of a directory, sorted by name."""
    if not path.is_dir():
        return [path]
    return sorted(p for p in path.iterdir() if p.is_file())


def path_bytes(path: Path) -> int:
    """The size of a file, or of all the files of a directory."""
    return sum(p.stat().st_size for p in part_files(path))


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
