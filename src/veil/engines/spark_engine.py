"""The Spark engine: veil's full-dataset work on Apache Spark (PySpark 4.x).

Every row-local step runs as Polars inside ONE `mapInArrow` stage: the task gets
the plan (or the serialized expressions) as plain values, rebuilds the Polars
expressions once per task on the executor and applies them to each Arrow batch
(`veil.engines.spark_tasks`), so the output is the Polars engine's, value for
value. Global steps are Spark's own: `distinct`, `groupBy` (counts per key, the
keys are integer codes or values), sums. Pseudonym codes are assigned on the
driver (key store or vault) from a `distinct`, and joined back with a broadcast
join: no code map and no key store is captured by a task.

Only DataFrame APIs that Spark Connect also has are used in the data path
(mapInArrow, groupBy, distinct, join, broadcast, read/write Parquet, toArrow).

Input: a Parquet file or a directory of Parquet part files. Output: a directory
of part files written to a temporary directory and renamed into place, every
part hashed. Columns whose dtype Spark would change are refused when the input
is opened (`veil.engines.spark_types`). Engine errors never quote data: Spark's
messages (which may hold a Python traceback with a Polars error that quotes a
value) are replaced by their class name.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from pathlib import Path
from typing import Any, TypeVar

import polars as pl

from veil.engines.base import COUNT, FIRST, ROWS, RowTransform, Table, WriteOptions
from veil.engines.spark_session import get_session
from veil.engines.spark_tasks import (
    COUNT_,
    FAILED,
    FIRST_,
    MISMATCH,
    ROW,
    TaskSpec,
    driver_versions,
    plan_to_json,
    run_batches,
    serialize,
)
from veil.engines.spark_types import ddl_schema, schema_tags, tag_dtype
from veil.engines.types import Capability, Part, Schema, Source, WriteResult
from veil.errors import EngineError, InputError
from veil.io.formats import Format, format_from_path
from veil.io.hashing import sha256_file
from veil.io.read import Dataset, leaf_columns, open_dataset
from veil.plan import Plan
from veil.policy.models import Pseudonym

T = TypeVar("T")
_ID, _CODE, _KEY = "__veil_identifier", "__veil_code", "__veil_key"


@dataclass(frozen=True, eq=False)
class SparkTable:
    """A `Table` of the Spark engine: Parquet parts, their Polars view on the driver and
    the dtype tags every task is promised."""

    path: Path
    format: Format
    parts: tuple[Path, ...]
    part_rows: tuple[int, ...]
    frame: pl.LazyFrame = field(repr=False)
    """The driver's own Polars view (the scan's sample; never a full pass)."""
    columns: tuple[str, ...]
    tags: dict[str, str]
    leaves: dict[str, tuple[str, ...]]
    """Column -> its path in the file (a struct leaf `a.b` is ('a', 'b'))."""
    separator: str | None = None

    @property
    def rows(self) -> int | None:
        return sum(self.part_rows)

    @cached_property
    def batch_schema(self) -> pl.Schema:
        return pl.Schema({name: tag_dtype(self.tags[name]) for name in self.columns})

    @cached_property
    def schema(self) -> Schema:
        return Schema.from_polars(dict(self.batch_schema.items()))


class SparkEngine:
    """Spark (`local[N]`, `local-cluster[...]`, `spark://`, `sc://`, or spark-submit's)."""

    name = "spark"
    capabilities: frozenset[Capability] = frozenset({Capability.TAKE_EVERY})

    def __init__(self, master: str | None = "local[2]",
                 conf: Mapping[str, str] | None = None) -> None:
        self.master = master
        self.conf = dict(conf or {})

    @property
    def spark(self) -> Any:
        """The process's session (started on first use)."""
        return get_session(self.master, self.conf)

    # -- open -------------------------------------------------------------------------

    def open(self, source: Source) -> SparkTable:
        path = Path(source.path)
        parts = _parts(path)
        fmt = source.format or (Format.PARQUET if path.is_dir() else format_from_path(path))
        if fmt is not Format.PARQUET:
            raise EngineError(
                f"{path.name}: the Spark engine reads Parquet (a file or a directory of part "
                f"files), not {fmt.value}",
                hint="convert the input to Parquet, or use --engine polars")
        datasets = [_open_part(p, written=source.written) for p in parts]
        first = datasets[0]
        schema = dict(first.frame.collect_schema().items())
        for other in datasets[1:]:
            if dict(other.frame.collect_schema().items()) != schema:
                raise InputError(f"{path}: the part files do not share one schema",
                                 hint="re-export the input as one dataset")
        tags = schema_tags(schema, what=path.name)
        frame = first.frame if len(datasets) == 1 else pl.concat([d.frame for d in datasets])
        raw = pl.scan_parquet(parts[0]).collect_schema()
        leaves = {name: name_path for name, name_path in _leaf_paths(raw)}
        return SparkTable(path=path, format=Format.PARQUET, parts=parts,
                          part_rows=tuple(int(d.rows or 0) for d in datasets), frame=frame,
                          columns=tuple(schema), tags=tags, leaves=leaves)

    def driver_frame(self, table: Table) -> pl.LazyFrame:
        return _table(table).frame

    # -- global operations ----------------------------------------------------------------

    def distinct(self, table: Table, values: Mapping[str, pl.Expr]) -> pl.DataFrame:
        t = _table(table)
        out = _output_tags(t, values)
        spec = self._spec(t, "distinct", exprs={n: serialize(e) for n, e in values.items()})
        stage = self._stage(t, spec, out, uses=list(values.values())).distinct()
        return self._collect(t, stage, out).unique()

    def group_counts(self, table: Table, keys: Mapping[str, pl.Expr], *,
                     where: pl.Expr | None = None, where_keys: pl.Expr | None = None,
                     first_row: bool = False) -> pl.DataFrame:
        from pyspark.sql import functions as F  # noqa: N812

        t = _table(table)
        out = {**_output_tags(t, keys), COUNT_: "i64"}
        if first_row:
            out[FIRST_] = "i64"
        spec = self._spec(t, "group", exprs={n: serialize(e) for n, e in keys.items()},
                          where=None if where is None else serialize(where),
                          where_keys=None if where_keys is None else serialize(where_keys),
                          first_row=first_row)
        uses = [*keys.values(), *([] if where is None else [where])]
        stage = self._stage(t, spec, out, positions=first_row, uses=uses)
        aggregates = [F.sum(_c(COUNT_)).cast("bigint").alias(COUNT)]
        if first_row:
            aggregates.append(F.min(_c(FIRST_)).cast("bigint").alias(FIRST))
        grouped = stage.groupBy(*[_c(k) for k in keys]).agg(*aggregates)
        result = {**{k: out[k] for k in keys}, COUNT: "i64"}
        if first_row:
            result[FIRST] = "i64"
        return self._collect(t, grouped, result)

    def sums(self, table: Table, values: Mapping[str, pl.Expr], *,
             derived: Sequence[pl.Expr] = ()) -> dict[str, int]:
        from pyspark.sql import functions as F  # noqa: N812

        t = _table(table)
        if ROWS in values:
            raise ValueError(f"{ROWS!r} is the reserved name of the row count")
        out = {COUNT_: "i64", **{n: "i64" for n in values}}
        spec = self._spec(t, "sums", exprs={n: serialize(e) for n, e in values.items()},
                          derived=tuple(serialize(d) for d in derived))
        stage = self._stage(t, spec, out, uses=[*values.values(), *derived])
        total = stage.agg(*[F.sum(_c(n)).cast("bigint").alias(n) for n in out])
        row = self._collect(t, total, out).row(0, named=True)
        result = {ROWS: int(row[COUNT_] or 0)}
        result.update({n: int(row[n] or 0) for n in values})
        return result

    def take_every(self, table: Table, columns: Sequence[str], step: int) -> pl.DataFrame:
        from pyspark.sql import functions as F  # noqa: N812

        t = _table(table)
        frame = self._read(t, positions=True)
        slots = [_slot(t.columns.index(c)) for c in columns]
        picked = frame.where(F.col(ROW) % step == 0).select(*slots, ROW)
        tags = {**{s: t.tags[c] for s, c in zip(slots, columns, strict=True)}, ROW: "i64"}
        rows = self._collect(t, picked, tags).sort(ROW).drop(ROW)
        return rows.rename(dict(zip(slots, columns, strict=True)))

    # -- write ---------------------------------------------------------------------------

    def write(self, table: Table, transform: Plan | RowTransform,
              options: WriteOptions) -> WriteResult:
        t = _table(table)
        if options.format is not Format.PARQUET:
            raise EngineError(
                f"the Spark engine writes Parquet (a directory of part files), not "
                f"{options.format.value}", hint="use --format parquet, or --engine polars")
        if isinstance(transform, Plan):
            if not transform.outputs:
                raise EngineError(
                    "the policy drops every column: Spark cannot write rows without columns",
                    hint="keep at least one column, or use --engine polars")
            frame, columns = self._plan_frame(t, transform, options)
        else:
            empty = pl.DataFrame(schema=t.batch_schema).lazy()
            out = schema_tags(dict(transform.apply(empty).collect_schema().items()),
                              what="the output")
            frame = self._stage(t, self._spec(t, "transform", transform=transform), out)
            columns = tuple(out)
        parts = self._write_parts(t, frame, options.output)
        return WriteResult(
            rows_out=int(t.rows or 0),
            columns_out=columns,
            codes_assigned={c: m.height for c, m in options.code_maps.items()},
            parts=parts,
        )

    def _plan_frame(self, t: SparkTable, plan: Plan,
                    options: WriteOptions) -> tuple[Any, tuple[str, ...]]:
        from pyspark.sql import functions as F  # noqa: N812

        from veil.engines.polars_engine import compile_plan_exprs

        # the output dtypes, from the Polars compiler itself on an empty frame (this also
        # raises the same PolicyError for an action a column's dtype cannot take)
        empty = pl.DataFrame(schema=t.batch_schema).lazy()
        exprs = compile_plan_exprs(plan, t.batch_schema, options)
        out = schema_tags(dict(empty.select(exprs).collect_schema().items()),
                          what="the output")
        coded = {s.output: s.column for s in plan.outputs
                 if isinstance(s.rule, Pseudonym) and s.output is not None}
        stage_tags = {n: ("str" if n in coded else tag) for n, tag in out.items()}
        spec = self._spec(t, "plan", plan_json=plan_to_json(plan), coded=tuple(coded),
                          secret_hex=None if options.secret is None
                          else options.secret.material.hex())
        # every output's own column (its action is built from its dtype), and what the
        # expressions read (an age's reference column)
        uses = [*exprs, *(pl.col(s.column) for s in plan.outputs)]
        frame = self._stage(t, spec, stage_tags, uses=uses)
        for output, column in coded.items():
            codes = options.code_maps[column].select(
                pl.col("identifier").cast(pl.String).alias(_ID),
                pl.col("code").cast(pl.String).alias(_CODE))
            lookup = F.broadcast(self.spark.createDataFrame(codes.to_arrow()))
            frame = (frame.withColumnRenamed(output, _KEY)
                     .join(lookup, F.col(_KEY) == F.col(_ID), "left")
                     .drop(_KEY).drop(_ID).withColumnRenamed(_CODE, output))
        return frame.select(*[_c(n) for n in out]), tuple(out)

    def _write_parts(self, t: SparkTable, frame: Any, output: Path) -> tuple[Part, ...]:
        staging = output.parent / f".{output.name}.spark-tmp"
        if staging.exists():
            shutil.rmtree(staging)
        self._guard(t, lambda: frame.write.mode("errorifexists").parquet(
            staging.resolve().as_uri()))
        for extra in list(staging.iterdir()):
            if extra.name.startswith((".", "_")):  # Hadoop's .crc files, _SUCCESS
                extra.unlink()
        staging.rename(output)
        return tuple(Part(f"{output.name}/{p.name}", sha256_file(p))
                     for p in sorted(output.iterdir()))

    # -- plumbing ---------------------------------------------------------------------------

    def _spec(self, t: SparkTable, kind: str, **values: Any) -> TaskSpec:
        return TaskSpec(versions=driver_versions(), input_tags=dict(t.tags), kind=kind,
                        **values)

    def _read(self, t: SparkTable, *, positions: bool = False,
              columns: Sequence[str] | None = None) -> Any:
        """The input (`columns` of it, default all) as a Spark DataFrame, leaves selected;
        with `positions`, the 0-based source row position (parts in name order)."""
        from pyspark.sql import functions as F  # noqa: N812

        spark = self.spark
        reader = spark.read.parquet(*[p.resolve().as_uri() for p in t.parts])
        # positional names: PySpark's mapInArrow resolves its input columns by unquoted
        # name, so a dotted name (a struct leaf `a.b`) would be read as a field path
        chosen = t.columns if columns is None else columns
        selected = [_leaf(t.leaves.get(c, (c,))).alias(_slot(t.columns.index(c)))
                    for c in chosen]
        if positions:
            name = F.element_at(F.split(F.col("_metadata.file_path"), "/"), -1)
            offset: Any = F.lit(0)
            start = 0
            for part, rows in zip(t.parts, t.part_rows, strict=True):
                offset = F.when(name == F.lit(part.name), F.lit(start)).otherwise(offset)
                start += rows
            position = (offset.cast("bigint") + F.col("_metadata.row_index")).alias(ROW)
            selected.append(position)
        return reader.select(*selected)

    def _stage(self, t: SparkTable, spec: TaskSpec, out: Mapping[str, str], *,
               positions: bool = False, uses: Sequence[pl.Expr] | None = None) -> Any:
        """ONE mapInArrow stage running `spec` over every batch; `out`: its columns' tags.
        With `uses`, only the input columns those expressions read cross into Python (a
        dropped column is never read)."""
        columns = list(t.columns)
        if uses is not None:
            roots = {name for e in uses for name in e.meta.root_names()}
            columns = [c for c in t.columns if c in roots] or columns[:1]
        tags = {c: t.tags[c] for c in columns}
        if positions:
            tags[ROW] = "i64"
        spec = replace(spec, input_tags=tags)
        return self._read(t, positions=positions, columns=columns).mapInArrow(
            partial(run_batches, spec), ddl_schema(out))

    def _collect(self, t: SparkTable, frame: Any, tags: Mapping[str, str]) -> pl.DataFrame:
        """A (small) result on the driver, in the dtypes the tags name."""
        table = self._guard(t, frame.toArrow)
        result = pl.from_arrow(table)
        assert isinstance(result, pl.DataFrame)
        return result.cast({n: tag_dtype(tag) for n, tag in tags.items()})

    def _guard(self, t: SparkTable, work: Callable[[], T]) -> T:
        """Run Spark work; its errors may quote data, so replace them by clean ones."""
        try:
            return work()
        except Exception as err:
            text = str(err)
            mismatch = re.search(MISMATCH + r": ([^\n]*)", text)
            if mismatch:
                raise EngineError(
                    f"the Spark executors run other package versions than the driver "
                    f"({_clean(mismatch.group(1))})",
                    hint="install the driver's versions of polars, polars-hash and veil on "
                    "every executor (the output must not depend on where a task ran)",
                ) from None
            failed = re.search(FAILED + r": (\w+)", text)
            cause = failed.group(1) if failed else type(err).__name__
            raise InputError(
                f"{t.path.name}: the Spark engine could not process the input ({cause})",
                hint="check that the input is complete and well-formed; run the same "
                "input with --engine polars --debug as the data owner to see the error",
            ) from None


def _slot(index: int) -> str:
    """The positional Spark name of input column `index` (tasks rename it back)."""
    return f"__veil_c{index}"


def _clean(text: str) -> str:
    """Only versions and package names (the mismatch text is made of nothing else)."""
    return re.sub(r"[^\w.,;: +-]", "", text)[:300]


def _c(name: str) -> Any:
    from pyspark.sql import functions as F  # noqa: N812

    return F.col(_q(name))


def _q(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _leaf(path: tuple[str, ...]) -> Any:
    column = _c(path[0])
    for name in path[1:]:
        column = column.getField(name)
    return column


def _leaf_paths(schema: pl.Schema) -> list[tuple[str, tuple[str, ...]]]:
    """(veil's column name, its path in the file) for every leaf, as `leaf_columns` names
    them."""
    out: list[tuple[str, tuple[str, ...]]] = []

    def walk(name: str, path: tuple[str, ...], dtype: Any) -> None:
        if isinstance(dtype, pl.Struct) and dtype.fields:
            for item in dtype.fields:
                walk(f"{name}.{item.name}", (*path, item.name), item.dtype)
        else:
            out.append((name, path))

    for name, dtype in schema.items():
        walk(name, (name,), dtype)
    assert [n for n, _ in out] == [n for n, _ in leaf_columns(schema)]
    return out


def _parts(path: Path) -> tuple[Path, ...]:
    if not path.exists():
        raise InputError(f"{path}: no such file or directory", hint="check the path")
    if path.is_file():
        return (path,)
    parts = tuple(sorted(p for p in path.iterdir() if p.is_file()
                         and not p.name.startswith((".", "_"))))
    if not parts:
        raise InputError(f"{path}: the directory holds no part files",
                         hint="pass a Parquet file or a directory of Parquet part files")
    return parts


def _open_part(path: Path, *, written: bool) -> Dataset:
    if written:
        frame = pl.scan_parquet(path)
        return Dataset(path, Format.PARQUET, frame, tuple(frame.collect_schema().names()),
                       rows=frame.select(pl.len()).collect().item())
    return open_dataset(path, fmt=Format.PARQUET)


def _output_tags(t: SparkTable, exprs: Mapping[str, pl.Expr]) -> dict[str, str]:
    empty = pl.DataFrame(schema=t.batch_schema).lazy()
    schema = empty.select(e.alias(n) for n, e in exprs.items()).collect_schema()
    return schema_tags(dict(schema.items()), what="a computed column")


def _table(table: object) -> SparkTable:
    if not isinstance(table, SparkTable):
        raise TypeError(f"the Spark engine was given a table of another engine "
                        f"({type(table).__name__})")
    return table
