"""The Engine protocol: the one interface in front of all full-dataset work.

The logic lives in plan values and in row-local Polars expressions built by veil;
an engine only decides where and how they run (embedded Polars streaming,
Spark), so every engine gives identical output. The caller chooses the engine
(`engine=` in the Python API, `--engine` on the command line); nothing inside
the pipeline does.

Six operations cover every path (apply/deidentify, verify, risk, anonymize
prepare and apply, pseudonymize):

- `open`: a source (file, or directory of parts) -> the engine's table handle,
  with an engine-neutral `schema` and the Polars `batch_schema` its row-local
  expressions see;
- `distinct`: the distinct rows of a few row-local expressions (small, on the driver);
- `group_counts`: counts per combination of row-local keys (integer codes, or values),
  optionally with the first source row of each;
- `sums`: one pass of sums of row-local numeric/boolean expressions (plus the rows);
- `take_every`: every n-th row of a few columns, in source order (small samples);
- `write`: a plan (or a row-local transform) -> the output, with the part hashes.

Pseudonyms flow: `distinct` -> the key store / vault on the driver -> code maps
in `WriteOptions.code_maps`, joined in the engine; no code map or key is captured
in a row-local closure. See /docs/architecture.md ("Engines").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

import polars as pl

from veil.actions.secrets import Secret
from veil.engines.types import (
    COUNT,
    FIRST,
    ROWS,
    Capability,
    Schema,
    Source,
    WriteResult,
    require,
)
from veil.io.formats import Format
from veil.plan import Plan


@dataclass(frozen=True)
class WriteOptions:
    """Where and how to write a transform's output.

    `output` is inside a staging area the caller renames into place on success
    (atomic output); the engine writes there only (Polars: one file; an engine
    writing in parallel: a directory of part files).
    `code_maps`: column -> DataFrame(identifier: String, code: String), made on the
    driver (`veil.engines.codes.prepare_codes`); the engine joins them in.
    """

    output: Path
    format: Format
    secret: Secret | None = None
    code_maps: Mapping[str, pl.DataFrame] = field(default_factory=dict)


class RowTransform(Protocol):
    """A row-local transform that is not a Plan (anonymize's recoding): a picklable value
    whose `apply` maps a lazy batch to its output columns. It holds no key and no code
    map; it may hold small non-secret tables (hierarchy labels, failing classes)."""

    def apply(self, frame: pl.LazyFrame) -> pl.LazyFrame:
        ...


@runtime_checkable
class Table(Protocol):
    """An engine's handle on an opened source."""

    @property
    def path(self) -> Path:
        """The source path (a file, or a directory of parts)."""
        ...

    @property
    def format(self) -> Format:
        ...

    @property
    def separator(self) -> str | None:
        """The CSV separator found (None for other formats)."""
        ...

    @property
    def columns(self) -> tuple[str, ...]:
        ...

    @property
    def schema(self) -> Schema:
        """Column names and veil's logical types, in order."""
        ...

    @property
    def batch_schema(self) -> pl.Schema:
        """The Polars dtype of each column as row-local expressions see it (the same in
        every engine for the same input: the parity contract)."""
        ...

    @property
    def rows(self) -> int | None:
        """The row count when known without a pass (CSV check, Parquet footer), else None."""
        ...


class Engine(Protocol):
    """Runs veil's full-dataset work. Every method may raise `InputError` (never quoting
    data) when the source cannot be read."""

    name: str
    capabilities: frozenset[Capability]

    def open(self, source: Source) -> Table:
        """Check and open `source` lazily (nothing read beyond headers and footers)."""
        ...

    def driver_frame(self, table: Table) -> pl.LazyFrame:
        """A lazy Polars frame over the source that the driver reads itself: the scan's
        sample (a few evenly spaced runs of rows), never a full pass."""
        ...

    def distinct(self, table: Table, values: Mapping[str, pl.Expr]) -> pl.DataFrame:
        """The distinct rows of the named row-local expressions (nulls included), one
        column per name, in no particular order."""
        ...

    def group_counts(self, table: Table, keys: Mapping[str, pl.Expr], *,
                     where: pl.Expr | None = None, where_keys: pl.Expr | None = None,
                     first_row: bool = False) -> pl.DataFrame:
        """Per distinct combination of the named row-local `keys` (nulls are one value),
        the number of rows (`COUNT`, Int64) and, with `first_row`, the smallest 0-based
        source row position (`FIRST`, Int64). Only rows where `where` (over the source
        columns, evaluated first: a cheap prefilter) and then `where_keys` (over the keys,
        by name) hold count. In no particular order."""
        ...

    def sums(self, table: Table, values: Mapping[str, pl.Expr], *,
             derived: Sequence[pl.Expr] = ()) -> dict[str, int]:
        """One pass: the sum over all rows of each named row-local boolean or integer
        expression (nulls count 0), and the row count under `ROWS`. `derived` are
        row-local columns added first, which `values` may refer to."""
        ...

    def take_every(self, table: Table, columns: Sequence[str], step: int) -> pl.DataFrame:
        """Rows 0, step, 2*step, ... (source order) of `columns`."""
        ...

    def write(self, table: Table, transform: Plan | RowTransform,
              options: WriteOptions) -> WriteResult:
        """Run `transform` over every row and write the output at `options.output`.

        A `Plan` is compiled by the engine (the Polars engine builds the action
        expressions); output columns in plan order, rows in source order.
        """
        ...


__all__ = [
    "COUNT",
    "FIRST",
    "ROWS",
    "Capability",
    "Engine",
    "RowTransform",
    "Schema",
    "Source",
    "Table",
    "WriteOptions",
    "WriteResult",
    "require",
]
