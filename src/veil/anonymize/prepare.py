"""Encode a table once for the lattice search: distinct quasi-identifier tuples with counts.

The search evaluates hundreds of transformations, so the data is reduced first:
one Polars group-by (streaming, so the input may exceed memory) turns the rows
into their distinct (quasi-identifiers, sensitive values) combinations with a
count. Each quasi-identifier is then an integer index into its hierarchy's
rows, and each hierarchy level is an integer array mapping that index to the
generalized value's id at the level, so generalizing a column is one NumPy
gather.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import polars as pl

from veil.engines.types import COUNT
from veil.errors import HierarchyError, InternalError, UsageError
from veil.hierarchy.encoded import EncodedHierarchy
from veil.hierarchy.model import NULL_VALUE, Hierarchy

if TYPE_CHECKING:
    from veil.engines.base import Engine, Table

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class SensitiveColumn:
    """A sensitive attribute as codes 0..m-1 in its value order, with the overall distribution."""

    name: str
    values: tuple[str, ...]
    overall: Floats  # share of all records holding each value
    ordered: bool  # values have a meaningful order (numbers, or an explicit order)
    hierarchy: EncodedHierarchy | None  # codes are the hierarchy's leaf indexes when given


@dataclass(frozen=True, eq=False)
class Prepared:
    """The reduced table every node evaluation starts from."""

    quasi: tuple[str, ...]
    hierarchies: tuple[EncodedHierarchy, ...]
    codes: Ints  # distinct tuples x quasi: leaf index into each hierarchy
    weights: Ints  # records per distinct tuple
    sensitive: tuple[SensitiveColumn, ...]
    sensitive_codes: Ints  # distinct tuples x sensitive
    records: int
    leaf_counts: tuple[Ints, ...]  # per quasi: records holding each leaf value

    @cached_property
    def columns(self) -> tuple[Ints, ...]:
        """The leaf codes as one contiguous array per quasi-identifier (fast gathers)."""
        return tuple(np.ascontiguousarray(self.codes[:, i]) for i in range(self.codes.shape[1]))

    @property
    def heights(self) -> tuple[int, ...]:
        return tuple(h.top for h in self.hierarchies)


def on_engine(data: pl.DataFrame | pl.LazyFrame | Table,
              engine: Engine | None) -> tuple[Engine, Table]:
    """The engine and table to run on: a Polars frame in hand runs on the Polars engine;
    an engine's table on that engine (which must then be given)."""
    if isinstance(data, pl.DataFrame | pl.LazyFrame):
        from veil.engines.polars_engine import PolarsEngine, PolarsTable

        return engine or PolarsEngine(), PolarsTable.of_frame(data)
    if engine is None:
        raise UsageError("a table opened by an engine needs that engine (engine=...)")
    return engine, data


def prepare(data: pl.DataFrame | pl.LazyFrame | Table, *, quasi: Sequence[str],
            hierarchies: Mapping[str, Hierarchy], sensitive: Sequence[str] = (),
            sensitive_hierarchies: Mapping[str, Hierarchy] | None = None,
            source: str = "the data", engine: Engine | None = None) -> Prepared:
    """Group `data` by its quasi-identifiers (and sensitive attributes) and encode them,
    on `engine` (one `group_counts` pass, plus `distinct` for sensitive attributes)."""
    engine, table = on_engine(data, engine)
    quasi = tuple(quasi)
    sensitive = tuple(sensitive)
    sensitive_hierarchies = dict(sensitive_hierarchies or {})
    _check_names(list(table.columns), quasi, sensitive, hierarchies)
    reader = _Reader(engine, table)
    schema = table.batch_schema
    encoded = tuple(EncodedHierarchy.build(hierarchies[q]) for q in quasi)
    sens_columns = tuple(_sensitive_column(reader, name, schema[name],
                                           sensitive_hierarchies.get(name), source)
                         for name in sensitive)
    # every column becomes an integer code before grouping (hierarchy row for
    # quasi-identifiers, value index for sensitive attributes; -1 where uncovered), and
    # the codes are packed into one int64 key: grouping one integer column is several
    # times faster than grouping many, and sorting the keys gives a deterministic order
    exprs = [leaf_index(q, schema[q], enc) for q, enc in zip(quasi, encoded, strict=True)]
    exprs += [_value_index(column) for column in sens_columns]
    radices = [len(enc.hierarchy.values) + 1 for enc in encoded]
    radices += [len(column.values) + 1 for column in sens_columns]
    names = [*quasi, *sensitive]
    digits = _group(reader, exprs, names, radices)
    weights = digits.pop()
    for name, enc, found in zip(quasi, encoded, digits, strict=False):
        if found.size and found.min() < 0:
            _report_uncovered(reader, name, enc.hierarchy, source)
    records = int(weights.sum())
    rows = weights.size
    codes = (np.column_stack(digits[:len(quasi)]) if quasi else np.zeros((rows, 0), np.int64))
    leaf_counts = tuple(np.bincount(codes[:, i], weights=weights,
                                    minlength=len(enc.hierarchy.values)).astype(np.int64)
                        for i, enc in enumerate(encoded))
    final_columns = []
    for column, values in zip(sens_columns, digits[len(quasi):], strict=True):
        if values.size and values.min() < 0:  # a value appeared after the distinct pass
            raise InternalError(f"sensitive attribute {column.name!r} changed while read")
        overall = np.bincount(values, weights=weights, minlength=len(column.values))
        final_columns.append(SensitiveColumn(column.name, column.values,
                                             overall / max(records, 1), column.ordered,
                                             column.hierarchy))
    s_matrix = (np.column_stack(digits[len(quasi):]) if sensitive
                else np.zeros((rows, 0), np.int64))
    return Prepared(quasi, encoded, codes.astype(np.int64), weights, tuple(final_columns),
                    s_matrix.astype(np.int64), records, leaf_counts)


@dataclass(frozen=True)
class _Reader:
    """The engine and table every pass of `prepare` reads through."""

    engine: Engine
    table: Table

    def distinct_text(self, name: str) -> pl.Series:
        """The column's distinct values as text, null as `NULL_VALUE`."""
        expr = pl.col(name).cast(pl.String).fill_null(NULL_VALUE)
        return self.engine.distinct(self.table, {name: expr}).get_column(name)


def _group(reader: _Reader, exprs: list[pl.Expr], names: list[str],
           radices: list[int]) -> list[Ints]:
    """Distinct code tuples (one array per column, in ascending tuple order) and, last,
    the number of records of each."""
    if math.prod(radices) < 2**62:
        key = pl.lit(0, pl.Int64)
        for expr, radix in zip(exprs, radices, strict=True):
            key = key * radix + (expr.cast(pl.Int64) + 1)
        grouped = reader.engine.group_counts(reader.table, {"__veil_key": key})
        keys = grouped.get_column("__veil_key").to_numpy()
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        counts = grouped.get_column(COUNT).to_numpy()[order].astype(np.int64)
        digits: list[Ints] = []
        for radix in reversed(radices):
            digits.append((keys % radix - 1).astype(np.int64))
            keys = keys // radix
        return [*reversed(digits), counts]
    grouped = reader.engine.group_counts(
        reader.table, {n: e for e, n in zip(exprs, names, strict=True)})
    order = np.lexsort([grouped.get_column(n).to_numpy() for n in reversed(names)])
    grouped = grouped[order] if grouped.height else grouped
    return [*(grouped.get_column(n).cast(pl.Int64).to_numpy() for n in names),
            grouped.get_column(COUNT).to_numpy().astype(np.int64)]


def leaf_index(name: str, dtype: pl.DataType, enc: EncodedHierarchy,
               targets: Ints | None = None) -> pl.Expr:
    """An expression mapping column `name` to hierarchy row indexes (-1 where uncovered),
    or to `targets[row]` when given (e.g. the row's id at some level).

    Integer and date columns are matched in their own type (no string cast of every
    row): the hierarchy's labels are converted once and kept only where the conversion
    round-trips to the same text, so the match is exactly the text match.
    """
    labels = pl.Series(enc.hierarchy.values, dtype=pl.String)
    index = pl.Series((np.arange(labels.len()) if targets is None else targets).astype(np.int32))
    null_rows = np.flatnonzero(labels.to_numpy() == NULL_VALUE)
    null_index = int(index[int(null_rows[0])]) if null_rows.size else -1
    column = pl.col(name)
    native: pl.Series | None = None
    if dtype.is_integer():
        native = labels.cast(dtype, strict=False)
        same = native.cast(pl.String) == labels
    elif dtype == pl.Date:
        native = labels.str.strptime(pl.Date, "%Y-%m-%d", strict=False)
        same = native.dt.to_string("%Y-%m-%d") == labels
    if native is not None:
        keep = same.fill_null(False)
        mapped = column.replace_strict(native.filter(keep), index.filter(keep), default=-1,
                                       return_dtype=pl.Int32)
        return (pl.when(column.is_null()).then(pl.lit(null_index, pl.Int32))
                .otherwise(mapped).alias(name))
    text = column.cast(pl.String).fill_null(NULL_VALUE)
    return text.replace_strict(labels, index, default=-1, return_dtype=pl.Int32).alias(name)


def _report_uncovered(reader: _Reader, name: str, hierarchy: Hierarchy,
                      source: str) -> None:
    """Raise the coverage error, counting the distinct uncovered values (never naming them)."""
    distinct = reader.distinct_text(name)
    hierarchy.check_covers(distinct, source=source)
    raise HierarchyError(f"hierarchy of {name!r} does not cover column {name!r} in {source}")


def _sensitive_column(reader: _Reader, name: str, dtype: pl.DataType,
                      hierarchy: Hierarchy | None, source: str) -> SensitiveColumn:
    """The attribute's values in order (the overall distribution is filled in later)."""
    distinct = reader.distinct_text(name)
    if hierarchy is not None:
        hierarchy.check_covers(distinct, source=source)
        return SensitiveColumn(name, hierarchy.values, np.zeros(0), False,
                               EncodedHierarchy.build(hierarchy))
    ordered = dtype.is_numeric()
    if ordered:
        numbers = distinct.cast(pl.Float64, strict=False)
        frame = pl.DataFrame({"v": distinct, "n": numbers}).sort(["n", "v"], nulls_last=True)
        values = frame.get_column("v").to_list()
    else:
        values = sorted(distinct.to_list())
    return SensitiveColumn(name, tuple(values), np.zeros(0), ordered, None)


def _value_index(column: SensitiveColumn) -> pl.Expr:
    labels = pl.Series(column.values, dtype=pl.String)
    index = pl.Series(np.arange(labels.len(), dtype=np.int32))
    return (pl.col(column.name).cast(pl.String).fill_null(NULL_VALUE)
            .replace_strict(labels, index, default=-1, return_dtype=pl.Int32))


def _check_names(columns: list[str], quasi: tuple[str, ...],
                 sensitive: tuple[str, ...], hierarchies: Mapping[str, Hierarchy]) -> None:
    if not quasi:
        raise UsageError("give at least one quasi-identifier")
    names = (*quasi, *sensitive)
    if len(set(names)) != len(names):
        raise UsageError("a column is listed twice among the quasi-identifiers and "
                         "sensitive attributes")
    missing = [c for c in names if c not in columns]
    if missing:
        raise UsageError(f"column(s) not in the data: {', '.join(map(repr, missing))}",
                         hint=f"the columns are: {', '.join(columns[:30])}")
    lacking = [q for q in quasi if q not in hierarchies]
    if lacking:
        raise HierarchyError(
            f"no hierarchy for quasi-identifier(s) {', '.join(map(repr, lacking))}",
            hint="give one per quasi-identifier (an ARX CSV, a builder in the policy, "
                 "or `auto`)")
