"""Open a dataset lazily, after checking that it really is what it claims to be.

Nothing else in veil touches input files. CSV is read with every column as a
string, so ZIP codes and record numbers keep their leading zeros and no value is
altered by type inference before the policy decides what to do with it.

Dictionary-encoded columns (pandas `category`, Arrow dictionaries, Polars
Categorical and Enum) are read as plain strings, at any depth of a struct or
list: the category is the value, and nothing downstream (scanner, actions, risk)
needs to know how a file stored it (a Parquet file with an ordered dictionary,
which Polars' own reader cannot decode, is read through pyarrow). Every other
type, including all Arrow temporal types (date32/64, timestamps of any unit and
zone, time32/64, duration), lists and maps, is read as Polars reads it. Struct
columns are read as one column per leaf, named by its path (`patient.name.family`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
from polars.datatypes import DataTypeClass

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
        return _flatten(_plain_text(_open_parquet(path)))
    return _flatten(_plain_text(_open_jsonl(path)))


def leaf_columns(schema: pl.Schema) -> list[tuple[str, pl.Expr]]:
    """Every column, with struct columns replaced by one column per leaf ("a.b.c").

    Nested objects (FHIR-like JSON, Parquet structs) then get a rule, a scan and a
    verification per leaf, like any column; lists stay whole (one value per row).
    """
    leaves: list[tuple[str, pl.Expr]] = []

    def walk(name: str, expr: pl.Expr, dtype: pl.DataType) -> None:
        if isinstance(dtype, pl.Struct) and dtype.fields:
            for field in dtype.fields:
                inner = field.dtype() if isinstance(field.dtype, DataTypeClass) else field.dtype
                walk(f"{name}.{field.name}", expr.struct.field(field.name), inner)
        else:
            leaves.append((name, expr.alias(name)))

    for name, dtype in schema.items():
        walk(name, pl.col(name), dtype)
    return leaves


def _flatten(dataset: Dataset) -> Dataset:
    schema = dataset.frame.collect_schema()
    if not any(isinstance(d, pl.Struct) for d in schema.dtypes()):
        return dataset
    leaves = leaf_columns(schema)
    names = [n for n, _ in leaves]
    if len(set(names)) != len(names):
        raise InputError(
            f"{dataset.path}: a nested field and a column would have the same dotted name",
            hint="rename the column that contains a dot, or the nested field",
        )
    return replace(dataset, frame=dataset.frame.select(e for _, e in leaves),
                   columns=tuple(names))


def plain_dtype(given: pl.DataType | DataTypeClass) -> pl.DataType:
    """`given` with Categorical and Enum replaced by String, at any depth."""
    # a struct field may hold a class (pl.Int64) rather than an instance
    dtype: pl.DataType = given() if isinstance(given, DataTypeClass) else given
    if isinstance(dtype, pl.Categorical | pl.Enum):
        return pl.String()
    if isinstance(dtype, pl.Struct):
        return pl.Struct([pl.Field(f.name, plain_dtype(f.dtype)) for f in dtype.fields])
    if isinstance(dtype, pl.List):
        return pl.List(plain_dtype(dtype.inner))
    if isinstance(dtype, pl.Array):
        return pl.Array(plain_dtype(dtype.inner), dtype.shape)
    return dtype


def plain_text(frame: pl.LazyFrame) -> pl.LazyFrame:
    """`frame` with every dictionary-encoded column (or field) cast to String."""
    casts = {name: plain for name, dtype in frame.collect_schema().items()
             if (plain := plain_dtype(dtype)) != dtype}
    return frame.with_columns(pl.col(n).cast(d) for n, d in casts.items()) if casts else frame


def _plain_text(dataset: Dataset) -> Dataset:
    return replace(dataset, frame=plain_text(dataset.frame))


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
    if any(_has_ordered_dictionary(field.type) or _has_time32(field.type) for field in schema):
        # Polars 1.36's reader fails (or panics, inside a struct) on ordered
        # dictionaries, as pandas writes an ordered `category`, and reads Arrow time32
        # columns as nulls: read them through pyarrow, which decodes dictionaries to
        # their values and casts time32 to time64, still lazily.
        import pyarrow.dataset as ds

        plain = pa.schema([pa.field(f.name, _plain_arrow(f.type), f.nullable) for f in schema])
        frame = pl.scan_pyarrow_dataset(ds.dataset(path, format="parquet", schema=plain))
        return Dataset(path, Format.PARQUET, frame, names, rows=rows)
    return Dataset(path, Format.PARQUET, pl.scan_parquet(path), names, rows=rows)


def _has_ordered_dictionary(dtype: pa.DataType) -> bool:
    if isinstance(dtype, pa.DictionaryType):
        return bool(dtype.ordered) or _has_ordered_dictionary(dtype.value_type)
    return any(_has_ordered_dictionary(dtype.field(i).type) for i in range(dtype.num_fields))


def _has_time32(dtype: pa.DataType) -> bool:
    if pa.types.is_time32(dtype):
        return True
    if isinstance(dtype, pa.DictionaryType):
        return _has_time32(dtype.value_type)
    if isinstance(dtype, pa.ListType | pa.LargeListType | pa.FixedSizeListType):
        return _has_time32(dtype.value_type)
    return any(_has_time32(dtype.field(i).type) for i in range(dtype.num_fields))


def _plain_arrow(dtype: pa.DataType) -> pa.DataType:
    """An Arrow type with every dictionary replaced by its value type and every time32 by
    time64 (microseconds), at any depth."""
    if pa.types.is_time32(dtype):
        return pa.time64("us")
    if isinstance(dtype, pa.DictionaryType):
        return _plain_arrow(dtype.value_type)
    if isinstance(dtype, pa.StructType):
        return pa.struct([pa.field(f.name, _plain_arrow(f.type), f.nullable) for f in dtype])
    if isinstance(dtype, pa.MapType):
        return pa.map_(_plain_arrow(dtype.key_type), _plain_arrow(dtype.item_type))
    if isinstance(dtype, pa.FixedSizeListType):
        return pa.list_(_plain_arrow(dtype.value_type), dtype.list_size)
    if isinstance(dtype, pa.LargeListType):
        return pa.large_list(_plain_arrow(dtype.value_type))
    if isinstance(dtype, pa.ListType):
        return pa.list_(_plain_arrow(dtype.value_type))
    return dtype


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
