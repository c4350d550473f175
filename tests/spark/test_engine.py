"""The Spark engine's contract beyond single operations: the golden cases of
`veil.testing.check_engine`, executors with other package versions, and errors
that never quote data."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import veil.engines.spark_engine as spark_module
from veil.engines import get_engine
from veil.engines.spark_engine import SparkEngine
from veil.engines.spark_tasks import MISMATCH, check_versions, driver_versions
from veil.engines.types import Capability, Source
from veil.errors import CapabilityError, EngineError, InputError
from veil.testing import check_engine
from veil.testing.golden import GOLDEN_CASES

SPARK_CHANGED = "spark-changed-types"


def test_golden_cases_match_the_polars_engine(spark_engine: SparkEngine,
                                              tmp_path: Path) -> None:
    cases = [c for c in GOLDEN_CASES if c.name != SPARK_CHANGED]
    done = check_engine(spark_engine, cases=cases, workdir=tmp_path)
    assert done.engine == "spark"
    assert done.cases == tuple(c.name for c in cases)
    assert done.operations >= 10


def test_the_types_spark_changes_are_refused_at_open(tmp_path: Path) -> None:
    """The golden case of the types Spark would change: the Spark engine refuses it when
    opening (InputError, exit 2, columns by position), where Polars reads it; so no
    output can differ (docs/spark.md, "Types")."""
    [case] = [c for c in GOLDEN_CASES if c.name == SPARK_CHANGED]
    path = tmp_path / "awkward.parquet"
    frame = case.table()
    frame.write_parquet(path)
    with pytest.raises(InputError) as refused:
        SparkEngine("local[2]").open(Source(path))
    changed = [i + 1 for i, d in enumerate(frame.dtypes)
               if not (d == pl.String or d == pl.Float64 or isinstance(d, pl.Categorical))]
    assert f"{len(changed)} column(s)" in str(refused.value)
    for position in changed:
        assert f"#{position} " in str(refused.value)


def test_factory_gives_the_spark_engine(spark_engine: SparkEngine) -> None:
    engine = get_engine("spark", master="local[2]")
    assert isinstance(engine, SparkEngine)
    assert engine.spark is spark_engine.spark  # one session per process


def test_another_master_in_the_same_process_is_refused(spark_engine: SparkEngine) -> None:
    with pytest.raises(EngineError, match="already runs Spark"):
        SparkEngine("local[1]").spark  # noqa: B018


def test_recoding_is_not_a_spark_capability(spark_engine: SparkEngine) -> None:
    from veil.engines.base import require

    with pytest.raises(CapabilityError):
        require(spark_engine, Capability.RECODING, "Mondrian local recoding")


def test_executor_versions_must_match_the_driver() -> None:
    check_versions(driver_versions())
    with pytest.raises(RuntimeError, match=MISMATCH):
        check_versions({**driver_versions(), "polars": "0.0.1"})


def test_a_version_mismatch_fails_the_run_closed(spark_engine: SparkEngine, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The driver says polars 0.0.1: every task refuses to run, and the error says why."""
    path = tmp_path / "t.parquet"
    pl.DataFrame({"a": [1, 2, 3]}).write_parquet(path)
    table = spark_engine.open(Source(path))
    monkeypatch.setattr(spark_module, "driver_versions",
                        lambda: {**driver_versions(), "polars": "0.0.1"})
    with pytest.raises(EngineError) as refused:
        spark_engine.sums(table, {"n": pl.col("a") > 1})
    text = str(refused.value)
    assert "polars 0.0.1 on the driver" in text
    assert f"{pl.__version__} on the executor" in text


def test_a_failing_batch_never_quotes_data(spark_engine: SparkEngine, tmp_path: Path) -> None:
    """A Polars error on an executor (its text would hold the value) reaches the user as
    the error's class only."""
    path = tmp_path / "t.parquet"
    pl.DataFrame({"a": ["1", "SECRET-VALUE-42"]}).write_parquet(path)
    table = spark_engine.open(Source(path))
    with pytest.raises(InputError) as failed:
        spark_engine.sums(table, {"n": pl.col("a").cast(pl.Int64, strict=True) > 0})
    assert "SECRET-VALUE-42" not in str(failed.value)
    assert "InvalidOperationError" in str(failed.value) or "ComputeError" in str(failed.value)


def test_other_formats_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("a\n1\n")
    with pytest.raises(EngineError, match="reads Parquet"):
        SparkEngine("local[2]").open(Source(path))
