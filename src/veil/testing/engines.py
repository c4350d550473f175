"""`check_engine`: an engine gives exactly what the Polars engine gives.

For every golden case (`veil.testing.golden`), the input is written as Parquet and
opened by both engines; then, compared with the Polars engine:

- the columns and the Polars dtypes row-local expressions see (`batch_schema`);
- the distinct values of a column, the pseudonym code maps made from them on the
  driver (a deterministic test key store), and `write` of the case's policy: output
  columns, their order and dtypes, and the rows compared order-independently;
  the rows, columns and codes the `WriteResult` reports;
- `group_counts` (with the first source row of each group, and with prefilters),
  `sums` of non-null counts, and (when both can) `take_every`.

Usage::

    from veil.testing import check_engine
    check_engine(get_engine("spark", master="local[2]"))
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

import polars as pl

from veil.actions.secrets import Secret
from veil.engines.base import Engine, Table, WriteOptions
from veil.engines.codes import prepare_codes
from veil.engines.types import Capability, Source, WriteResult
from veil.errors import VeilError
from veil.io.formats import Format
from veil.plan import Plan, compile_plan
from veil.testing._failure import ConformanceError
from veil.testing.golden import GOLDEN_CASES, REFERENCE_DATE, REFUSED_INPUTS, GoldenCase
from veil.testing.planted import read_output

KEY = Secret(b"veil.testing golden engine key 0001", "veil.testing")


class GoldenKeyStore:
    """A deterministic key store for golden runs: the code of an identifier depends on the
    identifier only (a hash), so both engines get the same codes whatever the order their
    distinct values arrive in. For tests only: these codes are derived, not random."""

    location = "the veil.testing golden key store"

    def assign(self, scope: str, identifiers: pl.Series, *, length: int,
               prefix: str) -> pl.DataFrame:
        distinct = identifiers.drop_nulls().unique().sort()
        return distinct.to_frame("identifier").with_columns(
            (pl.lit(prefix) + pl.col("identifier").hash(7, 11, 13, 17).cast(pl.String)
             .str.zfill(20).str.slice(0, length)).alias("code"))


@dataclass(frozen=True)
class EngineCheck:
    """What `check_engine` compared."""

    engine: str
    cases: tuple[str, ...]
    operations: int


def check_engine(engine: Engine, *, cases: Sequence[GoldenCase] = GOLDEN_CASES,
                 reference: Engine | None = None, workdir: Path | None = None) -> EngineCheck:
    """Run the golden `cases` through `engine` and the Polars engine; `ConformanceError`
    naming the case, the operation and the column at the first difference."""
    if reference is None:
        from veil.engines.polars_engine import PolarsEngine

        reference = PolarsEngine()
    operations = 0
    with tempfile.TemporaryDirectory(prefix="veil-check-engine-", dir=workdir) as scratch:
        for case in cases:
            operations += _run_case(engine, reference, case, Path(scratch) / case.name)
        for name, table in REFUSED_INPUTS:
            path = Path(scratch) / f"{name}.parquet"
            table().write_parquet(path)
            _same_refusal(engine, reference, path, f"engine {engine.name!r}, input {name!r}")
            operations += 1
    return EngineCheck(engine.name, tuple(c.name for c in cases), operations)


def _run_case(engine: Engine, reference: Engine, case: GoldenCase, root: Path) -> int:
    """The case's operations on both engines; a refusal must be the same in both (the
    rest of the case is then skipped)."""
    root.mkdir(parents=True)
    source = root / "input.parquet"
    case.table().write_parquet(source)
    where = f"engine {engine.name!r}, golden case {case.name!r}"
    try:
        return _compare(engine, reference, case, source, root, where)
    except _BothRefusedError:
        return 1


def _compare(engine: Engine, reference: Engine, case: GoldenCase, source: Path, root: Path,
             where: str) -> int:
    mine, theirs = _paired(f"{where}, open", lambda: engine.open(Source(source)),
                           lambda: reference.open(Source(source)))
    if mine.columns != theirs.columns:
        raise ConformanceError(f"{where}: open() gives other columns or another order")
    for column in theirs.columns:
        if mine.batch_schema[column] != theirs.batch_schema[column]:
            raise ConformanceError(f"{where}: column {column!r} is "
                                   f"{mine.batch_schema[column]} in batches, "
                                   f"{theirs.batch_schema[column]} under Polars")
    plan = compile_plan(case.policy(), theirs.columns, source=str(source),
                        run_date=REFERENCE_DATE)
    _same_write(engine, reference, mine, theirs, plan, root, where)
    key = case.group_keys[0]
    distinct = {key: pl.col(key).cast(pl.String)}
    _same_rows(*_paired(f"{where}, distinct", lambda: engine.distinct(mine, distinct),
                        lambda: reference.distinct(theirs, distinct)),
               f"{where}, distinct", order=False)
    keys = {k: pl.col(k) for k in case.group_keys}
    present = pl.col(key).is_not_null()
    for first_row, where_rows, where_keys in ((True, None, None), (False, present, present)):
        call = f"{where}, group_counts({'first_row' if first_row else 'where, where_keys'})"
        _same_rows(*_paired(
            call,
            partial(engine.group_counts, mine, keys, where=where_rows, where_keys=where_keys,
                    first_row=first_row),
            partial(reference.group_counts, theirs, keys, where=where_rows,
                    where_keys=where_keys, first_row=first_row)), call, order=False)
    nonnull = {f"n_{c}": pl.col(c).is_not_null() for c in theirs.columns}
    got, want = _paired(f"{where}, sums", lambda: engine.sums(mine, nonnull),
                        lambda: reference.sums(theirs, nonnull))
    if got != want:
        raise ConformanceError(f"{where}: sums() of the non-null counts differ")
    operations = 6
    if Capability.TAKE_EVERY in engine.capabilities:
        sample = list(theirs.columns[:3])
        _same_rows(engine.take_every(mine, sample, 7), reference.take_every(theirs, sample, 7),
                   f"{where}, take_every", order=True)
        operations += 1
    return operations


class _BothRefusedError(Exception):
    """Both engines refused an operation with the same VeilError class."""


T = TypeVar("T")


def _paired(where: str, ours: Callable[[], T], polars: Callable[[], T]) -> tuple[T, T]:
    """Both results; a refusal (VeilError) must happen in both, with the same class."""
    results: list[T | None] = []
    refusals: list[type[VeilError] | None] = []
    for call in (ours, polars):
        try:
            results.append(call())
            refusals.append(None)
        except VeilError as refusal:
            results.append(None)
            refusals.append(type(refusal))
    if refusals[0] is not refusals[1]:
        got, want = (r.__name__ if r else "no error" for r in refusals)
        raise ConformanceError(f"{where}: {got}, {want} under Polars")
    if refusals[0] is not None:
        raise _BothRefusedError
    first, second = results
    assert first is not None and second is not None
    return first, second


def _same_refusal(engine: Engine, reference: Engine, path: Path, where: str) -> None:
    """Both engines refuse `path` with the same VeilError class (a clear error, no value)."""
    try:
        _paired(f"{where}, open", lambda: engine.open(Source(path)),
                lambda: reference.open(Source(path)))
    except _BothRefusedError:
        return
    raise ConformanceError(f"{where}: both engines open an input veil must refuse")


def _same_write(engine: Engine, reference: Engine, mine: Table, theirs: Table, plan: Plan,
                root: Path, where: str) -> None:
    store = GoldenKeyStore()
    maps, expected = _paired(f"{where}, pseudonym codes",
                             lambda: prepare_codes(engine, mine, plan, store),
                             lambda: prepare_codes(reference, theirs, plan, store))
    if set(maps) != set(expected) or any(
            not _sorted(maps[c]).equals(_sorted(expected[c])) for c in expected):
        raise ConformanceError(f"{where}: the distinct values behind the pseudonym codes "
                               "differ")
    outputs = []
    for runner, table, code_maps in ((engine, mine, maps), (reference, theirs, expected)):
        out = root / runner.name / "output.parquet"
        out.parent.mkdir(exist_ok=True)
        outputs.append((runner, table, code_maps, out))

    def run(index: int) -> tuple[WriteResult, pl.DataFrame]:
        runner, table, code_maps, out = outputs[index]
        result = runner.write(table, plan, WriteOptions(out, Format.PARQUET, KEY, code_maps))
        return result, read_output(out).collect()

    (got, written), (want, reference_rows) = _paired(f"{where}, write", lambda: run(0),
                                                     lambda: run(1))
    if (got.rows_out, got.columns_out, got.codes_assigned) != (
            want.rows_out, want.columns_out, want.codes_assigned):
        raise ConformanceError(f"{where}: write() reports other rows, columns or codes")
    _same_rows(written, reference_rows, f"{where}, write", order=False)


def _sorted(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.sort(frame.columns, nulls_last=True) if frame.width else frame


def _same_rows(got: pl.DataFrame, want: pl.DataFrame, where: str, *, order: bool) -> None:
    """Equal columns, order, dtypes and values (rows compared as sorted unless `order`);
    the message names a column, never a value."""
    if got.columns != want.columns:
        raise ConformanceError(f"{where}: other output columns or another column order")
    for column in want.columns:
        if got.schema[column] != want.schema[column]:
            raise ConformanceError(f"{where}: column {column!r} is {got.schema[column]}, "
                                   f"{want.schema[column]} under Polars")
    if got.height != want.height:
        raise ConformanceError(f"{where}: {got.height} rows, {want.height} under Polars")
    if not order:
        got, want = _sorted(got), _sorted(want)
    for column in want.columns:
        if not got[column].equals(want[column]):
            raise ConformanceError(f"{where}: the values of column {column!r} differ")
