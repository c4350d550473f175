"""The column types the Spark engine carries, and how each maps to Spark's.

The parity contract: for the same input, the Spark engine's output has the same
values, dtypes and column order as the Polars engine's. Spark has no unsigned
integers, keeps timestamps in microseconds (in the session's time zone, or
without one), and has no Polars Time, Duration, Categorical or nested lists the
way Polars reads them; its grouping folds -0.0 into 0.0. A column of such a type
cannot round-trip through Spark unchanged, so the Spark engine REFUSES it when
it opens the input (InputError, exit 2, naming the column by position and its
dtype, never a value) instead of changing it silently. The table is in
docs/spark.md ("Types").

Every supported dtype is named here by a short tag: the tag travels to the
executors in the task spec (plain JSON), never a pickled Polars object.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from veil.errors import InputError

# tag -> (Polars dtype, Spark DDL type)
_SIMPLE: dict[str, tuple[pl.DataType, str]] = {
    "bool": (pl.Boolean(), "boolean"),
    "i8": (pl.Int8(), "tinyint"),
    "i16": (pl.Int16(), "smallint"),
    "i32": (pl.Int32(), "int"),
    "i64": (pl.Int64(), "bigint"),
    "f32": (pl.Float32(), "float"),
    "f64": (pl.Float64(), "double"),
    "str": (pl.String(), "string"),
    "bin": (pl.Binary(), "binary"),
    "date": (pl.Date(), "date"),
    "ts": (pl.Datetime("us"), "timestamp_ntz"),
    "ts_utc": (pl.Datetime("us", "UTC"), "timestamp"),
}

REFUSED_WHY: dict[str, str] = {
    "UInt": "Spark has no unsigned integers (UInt64 does not fit a long)",
    "Datetime": "Spark keeps timestamps in microseconds, either without a time zone or in "
                "UTC; other units and zones would change",
    "Time": "Spark 4 has no time-of-day type that round-trips through Arrow",
    "Duration": "Spark has no Arrow duration type",
    "List": "lists and arrays are not carried by the Spark engine",
    "Array": "lists and arrays are not carried by the Spark engine",
    "Struct": "struct columns are not carried by the Spark engine",
    "Categorical": "Spark has no dictionary type",
    "Enum": "Spark has no dictionary type",
    "Null": "a column with no type cannot be declared to Spark",
    "Object": "Python objects cannot be carried",
}


def dtype_tag(dtype: pl.DataType) -> str | None:
    """The tag of a dtype the Spark engine carries unchanged, else None."""
    for tag, (known, _) in _SIMPLE.items():
        if dtype == known:
            return tag
    if isinstance(dtype, pl.Decimal) and dtype.precision is not None \
            and dtype.precision <= 38:
        return f"dec:{dtype.precision}:{dtype.scale}"
    return None


def tag_dtype(tag: str) -> pl.DataType:
    """The Polars dtype of a tag (the inverse of `dtype_tag`)."""
    if tag.startswith("dec:"):
        _, precision, scale = tag.split(":")
        return pl.Decimal(int(precision), int(scale))
    return _SIMPLE[tag][0]


def spark_ddl(tag: str) -> str:
    """The Spark SQL type of a tag."""
    if tag.startswith("dec:"):
        _, precision, scale = tag.split(":")
        return f"decimal({precision},{scale})"
    return _SIMPLE[tag][1]


def schema_tags(schema: Mapping[str, pl.DataType], *, what: str) -> dict[str, str]:
    """Column -> tag for every column; InputError (exit 2) naming each refused column by
    position and dtype (a header may itself be identifying, so never by name)."""
    tags: dict[str, str] = {}
    refused: list[str] = []
    for position, (name, dtype) in enumerate(schema.items(), start=1):
        tag = dtype_tag(dtype)
        if tag is None:
            refused.append(f"#{position} {_why(dtype)}")
        else:
            tags[name] = tag
    if refused:
        shown = "; ".join(refused[:10]) + ("; ..." if len(refused) > 10 else "")
        raise InputError(
            f"{what}: the Spark engine cannot carry {len(refused)} column(s) unchanged: "
            f"{shown}",
            hint="use --engine polars, or cast these columns before (see the type table "
            "in docs/spark.md: the engines must give identical output, so Spark refuses "
            "what it would change)",
        )
    return tags


def _why(dtype: pl.DataType) -> str:
    """The dtype by family (with a datetime's unit and zone), never its repr: an Enum's
    repr lists its categories, which are data."""
    family = type(dtype).__name__
    shown = family
    if isinstance(dtype, pl.Datetime):
        shown = f"Datetime({dtype.time_unit}, {dtype.time_zone or 'no zone'})"
    for prefix, reason in REFUSED_WHY.items():
        if family.startswith(prefix):
            return f"{shown}: {reason}"
    return f"{shown}: not carried by the Spark engine"


def ddl_schema(tags: Mapping[str, str]) -> str:
    """A Spark DDL schema string for `tags` (names back-quoted)."""
    return ", ".join(f"{_quote(name)} {spark_ddl(tag)}" for name, tag in tags.items())


def _quote(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"
