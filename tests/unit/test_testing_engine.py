"""The Polars engine through `veil.testing.check_engine` (the golden cases), and engines
that differ from it in one way each are caught."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

import polars as pl
import pytest

from veil.engines.base import Table, WriteOptions
from veil.engines.polars_engine import PolarsEngine, PolarsTable
from veil.engines.types import Source, WriteResult
from veil.errors import InputError
from veil.plan import Plan
from veil.testing import ConformanceError, check_engine
from veil.testing.golden import GOLDEN_CASES


def test_polars_engine_passes_the_golden_cases(tmp_path: Path) -> None:
    result = check_engine(PolarsEngine(), workdir=tmp_path)
    assert result.cases == tuple(c.name for c in GOLDEN_CASES)
    assert result.operations >= 6 * len(GOLDEN_CASES)


class _CastsOutput(PolarsEngine):
    """Writes a float column as text: the dtype differs."""

    name = "casts"

    def write(self, table: Table, transform: Plan | object,
              options: WriteOptions) -> WriteResult:
        result = super().write(table, transform, options)  # type: ignore[arg-type]
        frame = pl.read_parquet(options.output)
        floats = [c for c, t in frame.schema.items() if t == pl.Float64]
        frame.with_columns(pl.col(floats).cast(pl.String)).write_parquet(options.output)
        return result


class _LosesARow(PolarsEngine):
    name = "loses"

    def write(self, table: Table, transform: Plan | object,
              options: WriteOptions) -> WriteResult:
        result = super().write(table, transform, options)  # type: ignore[arg-type]
        pl.read_parquet(options.output).slice(1).write_parquet(options.output)
        return result


class _CountsNullsApart(PolarsEngine):
    name = "nulls"

    def group_counts(self, table: Table, keys: Mapping[str, pl.Expr], *,
                     where: pl.Expr | None = None, where_keys: pl.Expr | None = None,
                     first_row: bool = False) -> pl.DataFrame:
        counts = super().group_counts(table, keys, where=where, where_keys=where_keys,
                                      first_row=first_row)
        return counts.drop_nulls()


@pytest.mark.parametrize(("engine", "message"), [
    (_CastsOutput(), "is String, Float64 under Polars"),
    (_LosesARow(), "rows, 700 under Polars"),
    (_CountsNullsApart(), "group_counts"),
])
def test_a_differing_engine_is_caught(engine: PolarsEngine, message: str,
                                      tmp_path: Path) -> None:
    with pytest.raises(ConformanceError, match=message):
        check_engine(engine, workdir=tmp_path)


class _RefusesDurations(PolarsEngine):
    """Refuses a type Polars accepts: the parity contract wants the same in both."""

    name = "strict"

    def open(self, source: Source) -> PolarsTable:
        table = super().open(source)
        if any(isinstance(t, pl.Duration) for t in table.batch_schema.values()):
            raise InputError(f"{source.path}: durations are not supported here")
        return table


class _OpensAnything(PolarsEngine):
    name = "lenient"

    def open(self, source: Source) -> PolarsTable:
        try:
            return super().open(source)
        except InputError:
            return super().open(Source(_NONEMPTY))


_NONEMPTY = Path(__file__)  # replaced per test


@pytest.mark.parametrize(("engine", "message"), [
    (_RefusesDurations(), "open: InputError, no error under Polars"),
    (_OpensAnything(), "empty-table"),
])
def test_refusals_must_match(engine: PolarsEngine, message: str, tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    good = tmp_path / "good.parquet"
    pl.DataFrame({"a": ["x", "y"]}).write_parquet(good)
    monkeypatch.setattr(sys.modules[__name__], "_NONEMPTY", good)
    with pytest.raises(ConformanceError, match=message):
        check_engine(engine, workdir=tmp_path)
