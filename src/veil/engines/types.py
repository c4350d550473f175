"""Engine-neutral values: what a source is, its schema in veil's own logical types,
what an engine can do, and what a write returns.

Nothing here is specific to Polars or Spark: callers (pipeline, verify, risk,
anonymize, the vault) speak these values to whichever engine they were given.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

import polars as pl

from veil.errors import CapabilityError
from veil.io.formats import Format

ROWS = "rows"
"""The key of the row count in `Engine.sums` results (a reserved name)."""
COUNT = "count"
"""The count column of `Engine.group_counts` (Int64)."""
FIRST = "first"
"""The first-row column of `Engine.group_counts(first_row=True)` (Int64, 0-based, in
source order)."""


class LogicalType(StrEnum):
    """The type of a column as veil reasons about it (not an engine's physical type).

    Every engine maps its own types onto these; two engines agree on a column's
    logical type for the same input (the parity contract).
    """

    STRING = "string"
    INTEGER = "integer"
    FLOAT = "float"
    DECIMAL = "decimal"
    BOOLEAN = "boolean"
    DATE = "date"
    DATETIME = "datetime"
    TIME = "time"
    DURATION = "duration"
    BINARY = "binary"
    LIST = "list"
    STRUCT = "struct"
    NULL = "null"
    OTHER = "other"

    @property
    def textual(self) -> bool:
        return self is LogicalType.STRING

    @property
    def nested(self) -> bool:
        return self in (LogicalType.LIST, LogicalType.STRUCT)

    @property
    def temporal(self) -> bool:
        return self in (LogicalType.DATE, LogicalType.DATETIME, LogicalType.TIME,
                        LogicalType.DURATION)

    @property
    def numeric(self) -> bool:
        return self in (LogicalType.INTEGER, LogicalType.FLOAT, LogicalType.DECIMAL)


def logical_type(dtype: pl.DataType) -> LogicalType:
    """The logical type of a Polars dtype (how a batch of Arrow data reads in Polars)."""
    if dtype == pl.String or isinstance(dtype, pl.Categorical | pl.Enum):
        return LogicalType.STRING
    if dtype.is_integer():
        return LogicalType.INTEGER
    if dtype.is_float():
        return LogicalType.FLOAT
    if dtype.is_decimal():
        return LogicalType.DECIMAL
    simple: dict[Any, LogicalType] = {
        pl.Boolean: LogicalType.BOOLEAN, pl.Date: LogicalType.DATE, pl.Time: LogicalType.TIME,
        pl.Binary: LogicalType.BINARY, pl.Null: LogicalType.NULL,
    }
    for kind, logical in simple.items():
        if dtype == kind:
            return logical
    if isinstance(dtype, pl.Datetime):
        return LogicalType.DATETIME
    if isinstance(dtype, pl.Duration):
        return LogicalType.DURATION
    if isinstance(dtype, pl.List | pl.Array):
        return LogicalType.LIST
    if isinstance(dtype, pl.Struct):
        return LogicalType.STRUCT
    return LogicalType.OTHER


_REPRESENTATIVE: dict[LogicalType, pl.DataType] = {
    LogicalType.STRING: pl.String(),
    LogicalType.INTEGER: pl.Int64(),
    LogicalType.FLOAT: pl.Float64(),
    LogicalType.DECIMAL: pl.Decimal(38, 9),
    LogicalType.BOOLEAN: pl.Boolean(),
    LogicalType.DATE: pl.Date(),
    LogicalType.DATETIME: pl.Datetime("us"),
    LogicalType.TIME: pl.Time(),
    LogicalType.DURATION: pl.Duration("us"),
    LogicalType.BINARY: pl.Binary(),
    LogicalType.LIST: pl.List(pl.String()),
    LogicalType.STRUCT: pl.Struct([]),
    LogicalType.NULL: pl.Null(),
    LogicalType.OTHER: pl.Object(),
}


def representative_dtype(logical: LogicalType) -> pl.DataType:
    """A Polars dtype of the logical type's family, for code that builds Polars
    expressions by kind of column (the verification pass): the expressions it
    builds depend on the family only, never on the width or unit."""
    return _REPRESENTATIVE[logical]


@dataclass(frozen=True)
class Field:
    """One column: its name and logical type."""

    name: str
    type: LogicalType


@dataclass(frozen=True)
class Schema:
    """The columns of a table in order, engine-neutral."""

    fields: tuple[Field, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def __getitem__(self, name: str) -> LogicalType:
        for item in self.fields:
            if item.name == name:
                return item.type
        raise KeyError(name)

    def __contains__(self, name: object) -> bool:
        return any(f.name == name for f in self.fields)

    def __iter__(self) -> Iterator[Field]:
        return iter(self.fields)

    def __len__(self) -> int:
        return len(self.fields)

    @classmethod
    def from_polars(cls, schema: Mapping[str, pl.DataType]) -> Schema:
        return cls(tuple(Field(n, logical_type(d)) for n, d in schema.items()))


@dataclass(frozen=True)
class Source:
    """What to open: a file (or, for engines that read them, a directory of part files).

    `written` marks veil's own output being read back (verification, risk of the
    release, report distributions): CSV is then read as text throughout and JSON
    lines with every line's keys, exactly as they were written; nested columns are
    not flattened again.
    """

    path: Path
    format: Format | None = None
    separator: str | None = None
    written: bool = False

    @classmethod
    def output(cls, path: Path, fmt: Format) -> Source:
        return cls(Path(path), fmt, written=True)


class Capability(StrEnum):
    """What an engine can run. The core operations (open, driver_frame, distinct,
    group_counts, sums, write) are required of every engine and are not listed."""

    RECODING = "recoding"
    """Local recoding: Mondrian and microaggregation (whole-table algorithms on the driver)."""
    OPENDP = "opendp"
    """Differentially private releases through OpenDP's Polars context."""
    TAKE_EVERY = "take_every"
    """`Engine.take_every`: every n-th row in source order (the verification pass's name
    and city shares); verification refuses an engine without it."""


@dataclass(frozen=True)
class Part:
    """One written file of an output: its path relative to the output root, its SHA-256."""

    path: str
    sha256: str


@dataclass(frozen=True)
class WriteResult:
    """What `Engine.write` produced."""

    rows_out: int
    columns_out: tuple[str, ...]
    codes_assigned: dict[str, int] = field(default_factory=dict)
    parts: tuple[Part, ...] = ()


class _Capable(Protocol):
    name: str
    capabilities: frozenset[Capability]


def require(engine: _Capable, capability: Capability, feature: str) -> None:
    """Refuse (CapabilityError, exit 2) a feature the engine cannot run."""
    if capability not in engine.capabilities:
        raise CapabilityError(engine.name, feature, capability.value)
