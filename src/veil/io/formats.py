"""File formats veil reads and writes, chosen by extension unless forced."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from veil.errors import UsageError


class Format(StrEnum):
    CSV = "csv"
    PARQUET = "parquet"
    JSONL = "jsonl"


_EXTENSIONS: dict[str, Format] = {
    ".csv": Format.CSV,
    ".tsv": Format.CSV,
    ".txt": Format.CSV,
    ".parquet": Format.PARQUET,
    ".pq": Format.PARQUET,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
}


def format_from_path(path: Path) -> Format:
    """The format a file name implies, or a UsageError naming the accepted extensions."""
    suffix = path.suffix.lower()
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    raise UsageError(
        f"{path}: cannot tell the file format from the extension {suffix or '(none)'!r}; "
        f"expected one of {', '.join(sorted(_EXTENSIONS))}",
        hint="rename the file or pass --format csv|parquet|jsonl",
    )


def parse_format(name: str) -> Format:
    """A Format from a user-given name such as 'parquet'."""
    try:
        return Format(name.lower())
    except ValueError:
        raise UsageError(
            f"unknown format {name!r}; expected one of {', '.join(f.value for f in Format)}"
        ) from None


def extension(fmt: Format) -> str:
    return {Format.CSV: ".csv", Format.PARQUET: ".parquet", Format.JSONL: ".jsonl"}[fmt]
