"""Run one table and policy through the Polars engine and the Spark engine and compare.

The parity contract (docs/spark.md): identical values, dtypes and column order,
rows compared order-independently (sorted by every column).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import polars as pl

from veil.actions.secrets import Secret
from veil.engines.base import Engine, WriteOptions
from veil.engines.codes import prepare_codes
from veil.engines.polars_engine import PolarsEngine
from veil.engines.types import Source
from veil.io.formats import Format
from veil.plan import compile_plan
from veil.policy.models import Policy
from veil.testing.engines import GoldenKeyStore

SECRET = Secret(b"spark parity tests secret 0123456789", "tests")
REFERENCE = dt.date(2026, 1, 1)


def policy(columns: dict[str, dict[str, Any]]) -> Policy:
    return Policy.model_validate({"profile": "safe-harbor", "reference_date": REFERENCE,
                                  "columns": columns})


def read(path: Path) -> pl.DataFrame:
    """An output written by either engine (a file, or a directory of parts)."""
    return pl.read_parquet(path / "*.parquet" if path.is_dir() else path)


def write_both(spark: Engine, source: Path, columns: dict[str, dict[str, Any]],
               root: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(Polars output, Spark output) of `columns` applied to `source`."""
    outputs = []
    for engine in (PolarsEngine(), spark):
        table = engine.open(Source(source))
        plan = compile_plan(policy(columns), table.columns, source=str(source),
                            run_date=REFERENCE)
        codes = prepare_codes(engine, table, plan, GoldenKeyStore())
        out = root / f"{engine.name}.parquet"
        engine.write(table, plan, WriteOptions(out, Format.PARQUET, SECRET, codes))
        outputs.append(read(out))
    return outputs[0], outputs[1]


def by_rows(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.sort(frame.columns, nulls_last=True) if frame.width else frame


def assert_same(got: pl.DataFrame, want: pl.DataFrame) -> None:
    """Same columns in the same order, same dtypes, same rows in any order."""
    assert got.columns == want.columns
    assert dict(got.schema) == dict(want.schema)
    assert got.height == want.height
    mine, theirs = by_rows(got), by_rows(want)
    for column in want.columns:
        assert mine[column].equals(theirs[column]), column
