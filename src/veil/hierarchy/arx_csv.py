"""ARX hierarchy files: read, write and find them.

ARX stores one hierarchy per CSV file with no header and one row per original
value, `value;level1;level2;...;*`. These functions read and write exactly that
format, so hierarchies move between veil and ARX unchanged. Every problem is a
:class:`HierarchyError` naming the file and line; messages describe cells by
position and count only, because hierarchy values may be patient data.

ARX accepts a file that repeats a row exactly, and so does veil: the value is read
once and the hierarchy's `notes` say how many rows repeated (ARX also counts the
repeats in the domain shares of its Loss metric; veil does not, so that metric can
differ slightly from ARX's for such a file). A value listed twice with different
generalizations is ambiguous and stays an error.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from veil.errors import HierarchyError, UsageError
from veil.hierarchy.model import Hierarchy
from veil.io.write import atomic_file

_MARKER = "_hierarchy_"
_FORMAT_HINT = "ARX hierarchy files have no header and one row per value: value;level1;level2;..."


def attribute_from_path(path: Path) -> str:
    """The attribute a file is named for: `adult_hierarchy_age.csv` and `age.csv` give `age`."""
    stem = Path(path).stem
    _, marker, attribute = stem.rpartition(_MARKER)
    return attribute if marker and attribute else stem


def read_arx_csv(path: Path | str, attribute: str | None = None, *, separator: str = ";",
                 encoding: str = "utf-8") -> Hierarchy:
    """Read an ARX hierarchy file; `attribute` defaults to the one the file name gives.

    Blank lines are skipped; cells are kept exactly as written (no trimming), with
    standard CSV quoting (`"a;b"`, doubled `""`). A UTF-8 byte order mark is ignored.
    Rows that repeat an earlier row exactly are read once, with a note in the
    returned hierarchy's `notes` for the caller to show.
    """
    path = Path(path)
    _check_separator(separator)
    name = attribute if attribute is not None else attribute_from_path(path)
    rows, lines = _parse(path, _decode(path, encoding), separator)
    kept, notes = _check_table(path, rows, lines)
    try:
        return Hierarchy.from_rows(name, kept, notes=notes)
    except HierarchyError as error:  # defensive: _check_table catches these with line numbers
        raise HierarchyError(f"{path}: {error.message}", hint=error.hint) from None


def write_arx_csv(hierarchy: Hierarchy, path: Path | str, *, separator: str = ";",
                  encoding: str = "utf-8") -> None:
    """Write `hierarchy` as an ARX file, atomically (a failed write leaves no partial file)."""
    path = Path(path)
    _check_separator(separator)
    with atomic_file(path) as staging, staging.open("w", encoding=encoding, newline="") as out:
        writer = csv.writer(out, delimiter=separator, lineterminator="\n")
        for number, row in enumerate(hierarchy.rows(), start=1):
            try:
                writer.writerow(row)
            except UnicodeEncodeError:
                raise HierarchyError(
                    f"{path}, line {number}: a cell cannot be written in encoding {encoding!r}",
                    hint="write with encoding='utf-8'") from None


def find_hierarchies(directory: Path | str, attributes: Iterable[str]) -> dict[str, Path]:
    """Map each attribute to its hierarchy file in `directory`.

    A file matches attribute `a` when it is named `<dataset>_hierarchy_a.csv` (any
    dataset prefix, as ARX names them) or `a.csv`. Every attribute needs exactly one.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise HierarchyError(f"{directory}: no such directory",
                             hint="pass the directory that holds the hierarchy CSV files")
    files = sorted(entry.name for entry in directory.iterdir() if entry.is_file())
    found: dict[str, Path] = {}
    missing: list[str] = []
    for attribute in attributes:
        candidates = [name for name in files if _names(name, attribute)]
        if not candidates:
            missing.append(attribute)
        elif len(candidates) > 1:
            raise HierarchyError(
                f"{directory}: {len(candidates)} hierarchy files match attribute {attribute!r} "
                f"({', '.join(candidates)})",
                hint="keep one file per attribute, or pass the file explicitly")
        else:
            found[attribute] = directory / candidates[0]
    if missing:
        listed = ", ".join(repr(attribute) for attribute in missing)
        raise HierarchyError(
            f"{directory}: no hierarchy file for {len(missing)} attribute"
            f"{'s' if len(missing) != 1 else ''}: {listed}",
            hint="name each file <dataset>_hierarchy_<attribute>.csv or <attribute>.csv")
    return found


def _names(filename: str, attribute: str) -> bool:
    """Whether `filename` is a hierarchy file for `attribute`."""
    if filename == f"{attribute}.csv":
        return True
    suffix = f"{_MARKER}{attribute}.csv"
    return filename.endswith(suffix) and len(filename) > len(suffix)


def _check_separator(separator: str) -> None:
    if len(separator) != 1 or separator in "\"\r\n":
        raise UsageError(f"the 'separator' parameter must be one character other than a quote "
                         f"or line break; got {len(separator)} character(s)",
                         hint="ARX uses ';'")


def _decode(path: Path, encoding: str) -> str:
    """The file's text; missing files and undecodable bytes name the file and line."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise HierarchyError(f"{path}: no such file", hint="check the path") from None
    except IsADirectoryError:
        raise HierarchyError(f"{path}: is a directory, not a hierarchy file",
                             hint="pass the CSV file itself") from None
    except OSError as error:
        raise HierarchyError(f"{path}: cannot be read ({error.strerror})",
                             hint="check the file's permissions") from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise HierarchyError(f"{path}, line {line}: the bytes are not valid {encoding}",
                             hint="pass the file's encoding, e.g. encoding='latin-1'") from None
    except LookupError:
        raise UsageError(f"unknown encoding {encoding!r}",
                         hint="use a Python codec name such as 'utf-8'") from None
    return text.removeprefix("\ufeff")


def _parse(path: Path, text: str, separator: str) -> tuple[list[list[str]], list[int]]:
    """Rows and the line each starts on; blank lines skipped."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    rows: list[list[str]] = []
    lines: list[int] = []
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error:
            raise HierarchyError(
                f"{path}, line {reader.line_num}: not valid CSV (a stray quote or a NUL byte)",
                hint='quote a cell as "..." and double any quote inside it') from None
        if row:
            rows.append(row)
            lines.append(start)
        start = reader.line_num + 1
    if not rows:
        raise HierarchyError(f"{path}: the file is empty; expected one row per value",
                             hint=_FORMAT_HINT)
    return rows, lines


def _check_table(path: Path, rows: Sequence[Sequence[str]],
                 lines: Sequence[int]) -> tuple[list[Sequence[str]], list[str]]:
    """The rows without exact repeats, and a note if there were any.

    Ragged rows, a value with two different rows and inconsistent paths are errors,
    located by line.
    """
    width = len(rows[0])
    first: dict[str, tuple[Sequence[str], int]] = {}
    kept: list[Sequence[str]] = []
    kept_lines: list[int] = []
    repeats: list[int] = []
    for row, line in zip(rows, lines, strict=True):
        if len(row) != width:
            raise HierarchyError(
                f"{path}, line {line}: {len(row)} cells, but line {lines[0]} has {width}",
                hint="every row needs the same number of levels; repeat the last "
                     "generalization where a value has fewer")
        earlier, seen = first.setdefault(row[0], (row, line))
        if seen == line:
            kept.append(row)
            kept_lines.append(line)
        elif list(earlier) == list(row):
            repeats.append(line)
        else:
            raise HierarchyError(
                f"{path}, line {line}: the value in column 1 already appears on line {seen} "
                "with different generalizations",
                hint="each original value may have only one row (an exact repeat of a row "
                     "is read once)")
    _check_paths(path, kept, kept_lines)
    return kept, ([_repeats_note(path, repeats)] if repeats else [])


def _repeats_note(path: Path, repeats: Sequence[int]) -> str:
    """The note on exact repeats: the file, how many and the first line; no values."""
    count = len(repeats)
    rows = f"{count} row{'s' if count != 1 else ''} repeat{'s' if count == 1 else ''}"
    return (f"hierarchy file {path.name}: {rows} an earlier row exactly (first on line "
            f"{repeats[0]}); each value is read once. ARX accepts such rows too, but counts "
            "the repeats in its Loss metric's domain shares, so that metric can differ "
            "slightly from ARX's")


def _check_paths(path: Path, rows: Sequence[Sequence[str]], lines: Sequence[int]) -> None:
    """Level i+1 a function of level i, located by line."""
    width = len(rows[0])
    for level in range(width - 1):
        parent: dict[str, tuple[str, int]] = {}
        for row, line in zip(rows, lines, strict=True):
            above, origin = parent.setdefault(row[level], (row[level + 1], line))
            if above != row[level + 1]:
                raise HierarchyError(
                    f"{path}, line {line}: column {level + 2} differs from line {origin}, "
                    f"although column {level + 1} is the same",
                    hint="level i+1 must be a function of level i: equal values at one level "
                         "need equal generalizations above it")
