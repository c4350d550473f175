"""Validation of CSV input before any transformation touches it.

Polars reads CSV fast but forgives too much for de-identification: a short row
is silently padded with nulls (so every later value shifts into the wrong
column, and an SSN could land in a column the policy keeps), duplicate headers
are silently renamed, and its error texts quote cell values. So every CSV is
first checked in one streaming pass with PyArrow's C++ reader (strict column
counts, strict UTF-8). Only when that pass fails do we walk the file with
Python's csv module to name the exact line: slow, but only on the error path.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

from veil.errors import InputError

_SNIFF_BYTES = 64 * 1024
_BLOCK_BYTES = 16 * 1024 * 1024
_SEPARATORS = ",;\t|"
# csv's own limit is 128 KiB per field; clinical notes can be longer.
_FIELD_LIMIT = 256 * 1024 * 1024


@dataclass(frozen=True)
class CsvLayout:
    """What the checks learned about a CSV file: its separator and header."""

    separator: str
    columns: tuple[str, ...]
    has_bom: bool
    rows: int


def inspect_csv(path: Path, *, separator: str | None = None) -> CsvLayout:
    """Check a CSV file completely and return its layout, or raise InputError."""
    head = _read_head(path)
    has_bom = head.startswith(codecs.BOM_UTF8)
    text = _decode_head(path, head[3:] if has_bom else head)
    sep = separator or _sniff_separator(text)
    columns = _header(path, text, sep)
    rows = _full_pass(path, sep, columns, skip_bom=has_bom)
    return CsvLayout(separator=sep, columns=columns, has_bom=has_bom, rows=rows)


def _read_head(path: Path) -> bytes:
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    if not head.strip():
        raise InputError(
            f"{path}: the file is empty; expected a header line and at least one row",
            hint="check that the export finished and wrote data",
        )
    if b"\x00" in head:
        raise InputError(
            f"{path}: the file contains NUL bytes, so it is binary, not CSV text",
            hint="pass the real CSV file, or give a .parquet extension if it is Parquet",
        )
    return head


def _decode_head(path: Path, head: bytes) -> str:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        return decoder.decode(head, final=False)
    except UnicodeDecodeError as err:
        line = head[: err.start].count(b"\n") + 1
        raise _not_utf8(path, line, err.start) from None


def _not_utf8(path: Path, line: int, offset: int) -> InputError:
    return InputError(
        f"{path}: line {line} (byte {offset}) is not valid UTF-8",
        hint="re-encode the file as UTF-8, e.g. `iconv -f latin1 -t utf-8 in.csv > out.csv`",
    )


def _sniff_separator(text: str) -> str:
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=_SEPARATORS).delimiter
    except csv.Error:
        return ","


def _header(path: Path, text: str, sep: str) -> tuple[str, ...]:
    first = next(csv.reader(io.StringIO(text), delimiter=sep), [])
    names = tuple(name.strip() for name in first)
    if not names or all(not n for n in names):
        raise InputError(f"{path}: line 1 has no column names; expected a header line")
    for position, name in enumerate(names, start=1):
        if not name:
            raise InputError(
                f"{path}: line 1, column {position} has an empty column name",
                hint="give every column a name in the header",
            )
    seen: set[str] = set()
    for position, name in enumerate(names, start=1):
        if name in seen:
            raise InputError(
                f"{path}: line 1, column {position}: duplicate column name {name!r}",
                hint="column names must be unique; rename one of them",
            )
        seen.add(name)
    return names


def _full_pass(path: Path, sep: str, columns: tuple[str, ...], *, skip_bom: bool) -> int:
    """Read the whole file strictly; the number of data rows."""
    read = pacsv.ReadOptions(block_size=_BLOCK_BYTES, column_names=list(columns), skip_rows=1)
    parse = pacsv.ParseOptions(delimiter=sep, newlines_in_values=True)
    convert = pacsv.ConvertOptions(column_types={name: pa.string() for name in columns})
    try:
        reader = pacsv.open_csv(
            path, read_options=read, parse_options=parse, convert_options=convert
        )
        rows = 0
        for batch in reader:
            rows += batch.num_rows
    except (pa.ArrowInvalid, pa.ArrowException, OSError):
        # PyArrow's message quotes the offending row: never show it. Locate it ourselves.
        raise diagnose_csv(path, sep, len(columns)) from None
    if _odd_quote_count(path):
        # PyArrow accepts a quoted field left open at the end of the file (it swallows
        # every later row); an odd number of quote characters is the cheap tell.
        problem = find_csv_problem(path, sep, len(columns))
        if problem is not None:
            raise problem
    if rows == 0:
        raise InputError(
            f"{path}: the file has a header but no data rows",
            hint="check that the export finished and wrote data",
        )
    return rows


def _odd_quote_count(path: Path) -> bool:
    count = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_BLOCK_BYTES):
            count += chunk.count(b'"')
    return count % 2 == 1


def diagnose_csv(path: Path, sep: str, width: int) -> InputError:
    """The first problem of a CSV file that failed to parse, described without values."""
    return find_csv_problem(path, sep, width) or InputError(
        f"{path}: could not be parsed as CSV with separator {sep!r}",
        hint="check the separator (force it with --sep) and the quoting",
    )


def find_csv_problem(path: Path, sep: str, width: int) -> InputError | None:
    """Walk the file with Python's csv module; the first problem, or None."""
    csv.field_size_limit(_FIELD_LIMIT)
    line: int | str = "?"
    try:
        with path.open("r", encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, delimiter=sep, strict=True)
            next(reader, None)
            line = reader.line_num
            for record in reader:
                line = reader.line_num
                if record and len(record) != width:
                    return InputError(
                        f"{path}: line {reader.line_num} has {len(record)} fields; "
                        f"expected {width} like the header",
                        hint="fix the row (a missing separator or an unquoted separator "
                        "inside a value), or quote values that contain the separator",
                    )
    except UnicodeDecodeError:
        return _locate_bad_utf8(path)
    except csv.Error:
        return InputError(
            f"{path}: after line {line}: malformed CSV (an unterminated quote or a stray quote "
            "character)",
            hint="quote fields with double quotes and double any quote inside a field",
        )
    return None


def _locate_bad_utf8(path: Path) -> InputError:
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    lines = 1
    with path.open("rb") as handle:
        while chunk := handle.read(_SNIFF_BYTES):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as err:
                return _not_utf8(path, lines + chunk[: max(err.start, 0)].count(b"\n"),
                                 offset + max(err.start, 0))
            lines += chunk.count(b"\n")
            offset += len(chunk)
    return _not_utf8(path, lines, offset)
