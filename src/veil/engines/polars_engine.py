"""The default engine: Polars' streaming engine over a lazy scan, on this machine.

`write` compiles a plan into one `select` that carries every column's action
expression (the Polars compiler of plan steps lives here), so the input is read
once and memory stays bounded by the streaming engine's batch size. Every other
operation is one streaming query. Polars errors quote data: each is replaced by
a clean `InputError` (`_guarded`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TypeVar

import polars as pl

from veil.actions.context import ActionContext
from veil.actions.registry import BUILTIN_ACTIONS
from veil.engines.base import COUNT, FIRST, ROWS, RowTransform, Table, WriteOptions
from veil.engines.types import Capability, Part, Schema, Source, WriteResult
from veil.errors import InputError
from veil.io.csv_check import diagnose_csv
from veil.io.formats import Format, format_from_path
from veil.io.hashing import sha256_file
from veil.io.read import Dataset, open_dataset
from veil.io.write import sink
from veil.plan import Plan

T = TypeVar("T")
_ROW = "__veil_row"


@dataclass(frozen=True, eq=False)
class PolarsTable:
    """A `Table` of the Polars engine: an opened `Dataset`."""

    dataset: Dataset

    @classmethod
    def of_frame(cls, frame: pl.LazyFrame | pl.DataFrame, name: str = "<frame>") -> PolarsTable:
        """A table over a frame already in hand (the Python API's in-memory data)."""
        lazy = frame.lazy()
        names = tuple(lazy.collect_schema().names())
        return cls(Dataset(Path(name), Format.PARQUET, lazy, names))

    @property
    def path(self) -> Path:
        return self.dataset.path

    @property
    def format(self) -> Format:
        return self.dataset.format

    @property
    def separator(self) -> str | None:
        return self.dataset.separator

    @property
    def columns(self) -> tuple[str, ...]:
        return self.dataset.columns

    @property
    def rows(self) -> int | None:
        return self.dataset.rows

    @property
    def frame(self) -> pl.LazyFrame:
        return self.dataset.frame

    @cached_property
    def batch_schema(self) -> pl.Schema:
        return _guarded(self.dataset.frame.collect_schema, self.dataset)

    @cached_property
    def schema(self) -> Schema:
        return Schema.from_polars(dict(self.batch_schema.items()))


class PolarsEngine:
    """Embedded Polars (streaming); can run everything veil does."""

    name = "polars"
    capabilities: frozenset[Capability] = frozenset(Capability)

    def open(self, source: Source) -> PolarsTable:
        if not source.written:
            return PolarsTable(open_dataset(source.path, fmt=source.format,
                                            separator=source.separator))
        fmt = source.format or format_from_path(source.path)
        frame = scan_written(source.path, fmt)
        dataset = Dataset(source.path, fmt, frame, ())
        names = tuple(_guarded(frame.collect_schema, dataset).names())
        return PolarsTable(Dataset(source.path, fmt, frame, names))

    def driver_frame(self, table: Table) -> pl.LazyFrame:
        return _table(table).frame

    def distinct(self, table: Table,
                 values: Mapping[str, pl.Expr]) -> pl.DataFrame:
        t = _table(table)
        query = t.frame.select(e.alias(n) for n, e in values.items())
        if len(values) == 1:  # one column: Polars' own unique of the column
            [name] = values
            query = t.frame.select(values[name].alias(name).unique())
        else:
            query = query.unique()
        return _guarded(lambda: query.collect(engine="streaming"), t.dataset)

    def group_counts(self, table: Table, keys: Mapping[str, pl.Expr], *,
                     where: pl.Expr | None = None, where_keys: pl.Expr | None = None,
                     first_row: bool = False) -> pl.DataFrame:
        t = _table(table)
        frame = t.frame.with_row_index(_ROW) if first_row else t.frame
        if where is not None:
            frame = frame.filter(where)
        carried = [pl.col(_ROW)] if first_row else []
        query = frame.select(*[e.alias(n) for n, e in keys.items()], *carried)
        if where_keys is not None:
            query = query.filter(where_keys)
        aggregates = [pl.len().cast(pl.Int64).alias(COUNT)]
        if first_row:
            aggregates.append(pl.col(_ROW).min().cast(pl.Int64).alias(FIRST))
        grouped = query.group_by(list(keys)).agg(aggregates)
        return _guarded(lambda: grouped.collect(engine="streaming"), t.dataset)

    def sums(self, table: Table, values: Mapping[str, pl.Expr], *,
             derived: Sequence[pl.Expr] = ()) -> dict[str, int]:
        t = _table(table)
        if ROWS in values:
            raise ValueError(f"{ROWS!r} is the reserved name of the row count")
        frame = t.frame.with_columns(derived) if derived else t.frame
        query = frame.select(pl.len().alias(ROWS), *[e.sum().alias(n) for n, e in values.items()])
        row = _guarded(lambda: query.collect(engine="streaming").row(0, named=True), t.dataset)
        return {k: int(v or 0) for k, v in row.items()}

    def take_every(self, table: Table, columns: Sequence[str],
                   step: int) -> pl.DataFrame:
        t = _table(table)
        query = t.frame.select([pl.col(c) for c in columns]).gather_every(step)
        return _guarded(query.collect, t.dataset)

    def write(self, table: Table, transform: Plan | RowTransform,
              options: WriteOptions) -> WriteResult:
        t = _table(table)
        dataset = t.dataset
        if isinstance(transform, Plan):
            frame = t.frame.select(compile_plan_exprs(transform, t.batch_schema, options))
            columns = tuple(s.output for s in transform.outputs if s.output is not None)
        else:
            frame = transform.apply(t.frame)
            columns = tuple(_guarded(frame.collect_schema, dataset).names())
        _guarded(lambda: sink(frame, options.output, options.format), dataset)
        # rows are never added or removed by a transform: count them on the input, from
        # what opening it already learned when possible (a CSV is not read again)
        rows = dataset.rows if dataset.rows is not None else _guarded(
            lambda: dataset.frame.select(pl.len()).collect().item(), dataset)
        return WriteResult(
            rows_out=int(rows),
            columns_out=columns,
            codes_assigned={c: m.height for c, m in options.code_maps.items()},
            parts=(Part(options.output.name, sha256_file(options.output)),),
        )


def compile_plan_exprs(plan: Plan, schema: Mapping[str, pl.DataType],
                       options: WriteOptions) -> list[pl.Expr]:
    """The Polars expression of every output column of `plan`, in plan order.

    Row-local: an engine that runs Polars per batch (Spark's mapInArrow) may call it on
    each executor with the same plan, schema and secret (code maps: see base.py).
    """
    schema = dict(schema)
    return [
        BUILTIN_ACTIONS[step.action](
            step.rule,
            ActionContext(
                column=step.column,
                dtype=schema[step.column],
                reference_date=plan.reference_date,
                zip3_keep=plan.zip3_keep,
                zip3_restricted=plan.zip3_restricted,
                secret=options.secret,
                code_maps=options.code_maps,
                schema=schema,
            ),
        ).alias(step.output)
        for step in plan.outputs
        if step.output is not None
    ]


def scan_written(path: Path, fmt: Format) -> pl.LazyFrame:
    """Read veil's own output back exactly as written."""
    if fmt is Format.PARQUET:
        return pl.scan_parquet(path)
    if fmt is Format.CSV:
        return pl.scan_csv(path, infer_schema=False)
    # every line's keys: a kept field first filled after line 100 must not be typed Null
    return pl.scan_ndjson(path, infer_schema_length=None)


def _table(table: object) -> PolarsTable:
    if not isinstance(table, PolarsTable):
        raise TypeError(f"the Polars engine was given a table of another engine "
                        f"({type(table).__name__})")
    return table


def _guarded(work: Callable[[], T], dataset: Dataset) -> T:
    """Run Polars work; its errors quote data, so replace them by a clean InputError."""
    try:
        return work()
    except pl.exceptions.PolarsError as err:
        if dataset.format is Format.CSV and dataset.separator is not None:
            raise diagnose_csv(dataset.path, dataset.separator, len(dataset.columns)) from err
        raise InputError(
            f"{dataset.path}: the {dataset.format.value} input could not be processed "
            f"({type(err).__name__})",
            hint="check that the file is complete and well-formed; re-run with --debug "
            "as the data owner to see the engine's own message",
        ) from err
