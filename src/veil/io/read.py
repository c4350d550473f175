"""Open a dataset lazily, after checking that it really is what it claims to be.

Nothing else in veil touches input files. CSV is read with every column as a
string, so ZIP codes and record numbers keep their leading zeros and no value is
altered by type inference before the policy decides what to do with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from veil.errors import InputError
from veil.io.csv_check import inspect_csv
from veil.io.formats import Format, format_from_path

_PARQUET_MAGIC = b"PAR1"


@dataclass(frozen=True)
class Dataset:
    """A lazily read table plus where it came from."""

    path: Path
    format: Format
    frame: pl.LazyFrame
    columns: tuple[str, ...]
    separator: str | None = None
    rows: int | None = None  # known without another pass (CSV check, Parquet footer)


def open_dataset(path: Path, *, fmt: Format | None = None, separator: str | None = None) -> Dataset:
    """Check `path` and return it as a lazy Dataset; InputError on anything malformed."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file", hint="check the path")
    if not path.is_file():
        raise InputError(f"{path}: not a regular file",
                         hint="pass a CSV, Parquet or JSON lines file")
    if path.stat().st_size == 0:
        raise InputError(
            f"{path}: the file is empty; expected a header line and at least one row",
            hint="check that the export finished and wrote data",
        )
    fmt = fmt or format_from_path(path)
    if fmt is Format.CSV:
        return _open_csv(path, separator)
    if fmt is Format.PARQUET:
        return _open_parquet(path)
    return _open_jsonl(path)


def _open_csv(path: Path, separator: str | None) -> Dataset:
    layout = inspect_csv(path, separator=separator)
    frame = pl.scan_csv(
        path,
        separator=layout.separator,
        has_header=True,
        infer_schema=False,
        encoding="utf8",
        quote_char='"',
        raise_if_empty=True,
    )
    return Dataset(path, Format.CSV, frame, layout.columns, layout.separator, layout.rows)


def _open_parquet(path: Path) -> Dataset:
    with path.open("rb") as handle:
        head = handle.read(4)
        handle.seek(-4, 2)
        tail = handle.read(4)
    if head != _PARQUET_MAGIC or tail != _PARQUET_MAGIC:
        raise InputError(
            f"{path}: not a Parquet file (the PAR1 signature is missing at its start or end)",
            hint="the file may be truncated or another format; re-export it, or fix the extension",
        )
    try:
        schema = pq.read_schema(path)
    except Exception:
        raise InputError(
            f"{path}: the Parquet footer cannot be read (corrupt or truncated file)",
            hint="re-export the file",
        ) from None
    names = tuple(schema.names)
    if len(set(names)) != len(names):
        raise InputError(f"{path}: duplicate column names in the Parquet schema",
                         hint="rename the columns so they are unique")
    rows = int(pq.ParquetFile(path).metadata.num_rows)
    if rows == 0:
        raise InputError(f"{path}: the Parquet file has no rows")
    return Dataset(path, Format.PARQUET, pl.scan_parquet(path), names, rows=rows)


def _open_jsonl(path: Path) -> Dataset:
    try:
        frame = pl.scan_ndjson(path, infer_schema_length=10_000)
        names = tuple(frame.collect_schema().names())
    except Exception:
        raise _diagnose_jsonl(path) from None
    if not names:
        raise InputError(f"{path}: no columns found in the JSON lines")
    return Dataset(path, Format.JSONL, frame, names)


def _diagnose_jsonl(path: Path) -> InputError:
    import json

    try:
        with path.open("r", encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    value = json.loads(line)
                except json.JSONDecodeError as err:
                    return InputError(
                        f"{path}: line {number}, column {err.colno}: not valid JSON",
                        hint="every line must be one JSON object",
                    )
                if not isinstance(value, dict):
                    return InputError(f"{path}: line {number}: expected a JSON object")
    except UnicodeDecodeError:
        return InputError(f"{path}: not valid UTF-8", hint="re-encode the file as UTF-8")
    return InputError(f"{path}: could not be read as JSON lines")
