"""Parity tier: each action, each carried dtype, the global operations, and the
refusals, Spark against Polars on small frames (one Spark job per table, the
assertions parametrized over its columns)."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from tests.spark.parity import assert_same, by_rows, write_both
from veil.engines.polars_engine import PolarsEngine
from veil.engines.spark_engine import SparkEngine
from veil.engines.types import Source
from veil.errors import InputError

N = 400


def _people() -> pl.DataFrame:
    i = pl.int_range(0, N, eager=True)
    frame = pl.DataFrame({"i": i}).select(
        ("Ann " + (pl.col("i") % 37).cast(pl.String) + "  LEE").alias("name"),
        (pl.lit(dt.date(1920, 3, 1)) + pl.duration(days=pl.col("i") * 211)).alias("birth"),
        (pl.col("i") * 7919 % 100_000).cast(pl.String).str.zfill(5).alias("zip"),
        (pl.col("i") % 107).alias("age"),
        ((pl.col("i") % 90).cast(pl.Float64) * 2.1).alias("weight"),
        ("555-01" + (pl.col("i") % 100).cast(pl.String).str.zfill(2)).alias("phone"),
        ("M" + (pl.col("i") % 150).cast(pl.String)).alias("mrn"),
        ("user" + (pl.col("i") % 60).cast(pl.String) + "@mail.test").alias("email"),
        (pl.col("i") % 13).cast(pl.String).alias("dx"),
        pl.col("i").cast(pl.String).alias("ssn"),
        (pl.lit(dt.date(2020, 1, 1)) + pl.duration(days=pl.col("i"))).dt.strftime(
            "%m/%d/%Y").alias("visit_text"),
    )
    # nulls in every column, at different rows
    return frame.with_columns(
        pl.when(pl.int_range(0, N) % (k + 5) == 0).then(None).otherwise(pl.col(c)).alias(c)
        for k, c in enumerate(frame.columns))


# two policies; between them every action, each on a column it takes
PLANS: tuple[dict[str, dict[str, Any]], ...] = (
    {"dx": {"action": "keep"}, "ssn": {"action": "redact", "replacement": "***"},
     "phone": {"action": "mask", "keep_last": 2}, "birth": {"action": "year_only"},
     "visit_text": {"action": "year_only"}, "age": {"action": "top_code"},
     "zip": {"action": "zip3"}, "weight": {"action": "generalize", "bins": [50.0, 100.0]},
     "name": {"action": "fake", "provider": "name"},
     "email": {"action": "hmac", "length": 16},
     "mrn": {"action": "pseudonym", "scope": "mrn", "prefix": "P"}},
    {"dx": {"action": "drop"}, "ssn": {"action": "fake", "provider": "digits"},
     "phone": {"action": "drop"}, "birth": {"action": "age"},
     "visit_text": {"action": "drop"}, "age": {"action": "keep"},
     "zip": {"action": "hmac"}, "weight": {"action": "keep"},
     "name": {"action": "fake", "provider": "first_name"},
     "email": {"action": "fake", "provider": "email"},
     "mrn": {"action": "pseudonym", "scope": "mrn2", "length": 6}},
)
ACTIONS = sorted({rule["action"] for plan in PLANS for rule in plan.values()})


@pytest.fixture(scope="module")
def people_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("people") / "people.parquet"
    _people().write_parquet(path)
    return path


@pytest.fixture(scope="module")
def both_plans(spark_engine: SparkEngine, people_file: Path,
               tmp_path_factory: pytest.TempPathFactory
               ) -> list[tuple[pl.DataFrame, pl.DataFrame]]:
    """(Polars output, Spark output) of each policy of PLANS: one Spark job each."""
    return [write_both(spark_engine, people_file, plan, tmp_path_factory.mktemp("plan"))
            for plan in PLANS]


def test_whole_outputs_match(both_plans: list[tuple[pl.DataFrame, pl.DataFrame]]) -> None:
    for (polars_out, spark_out), plan in zip(both_plans, PLANS, strict=True):
        assert_same(spark_out, polars_out)
        assert polars_out.height == N
        assert polars_out.columns == [c for c in _people().columns
                                      if plan[c]["action"] != "drop"]


@pytest.mark.parametrize("action", ACTIONS)
def test_action_matches_polars(action: str,
                               both_plans: list[tuple[pl.DataFrame, pl.DataFrame]]) -> None:
    checked = 0
    for (polars_out, spark_out), plan in zip(both_plans, PLANS, strict=True):
        for column, rule in plan.items():
            if rule["action"] != action:
                continue
            checked += 1
            if action == "drop":
                assert column not in spark_out.columns
                continue
            assert spark_out.schema[column] == polars_out.schema[column]
            assert by_rows(spark_out)[column].equals(by_rows(polars_out)[column]), column
    assert checked


def _typed() -> pl.DataFrame:
    """Every dtype the Spark engine carries, with nulls and edge values."""
    return pl.DataFrame({
        "bool": [True, False, None, True],
        "i8": pl.Series([-128, 127, None, 0], dtype=pl.Int8),
        "i16": pl.Series([-32768, 32767, None, 0], dtype=pl.Int16),
        "i32": pl.Series([-(2**31), 2**31 - 1, None, 0], dtype=pl.Int32),
        "i64": pl.Series([-(2**63), 2**63 - 1, None, 0], dtype=pl.Int64),
        "f32": pl.Series([-0.0, math.inf, None, math.nan], dtype=pl.Float32),
        "f64": pl.Series([-0.0, -math.inf, None, math.nan], dtype=pl.Float64),
        "str": ["", "Zoë ✓ 東京", None, "a\nb"],
        "bin": [b"\x00\xff", b"", None, b"abc"],
        "date": [dt.date(1, 1, 1), dt.date(9999, 12, 31), None, dt.date(1970, 1, 1)],
        "ts": pl.Series([dt.datetime(1900, 1, 1, 0, 0, 0, 1), dt.datetime(2262, 4, 11),
                         None, dt.datetime(1970, 1, 1)], dtype=pl.Datetime("us")),
        "ts_utc": pl.Series([dt.datetime(1950, 6, 1, 12), dt.datetime(2030, 1, 1), None,
                             dt.datetime(1970, 1, 1)], dtype=pl.Datetime("us", "UTC")),
        "dec": pl.Series([Decimal("-1.25"), Decimal("99999.99"), None, Decimal("0.00")],
                         dtype=pl.Decimal(12, 2)),
        "cat": pl.Series(["x", "y", None, "x"], dtype=pl.Categorical),
        "enum": pl.Series(["lo", "hi", None, "lo"], dtype=pl.Enum(["lo", "hi"])),
    })


DTYPES = tuple(_typed().columns)


@pytest.fixture(scope="module")
def typed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("typed") / "typed.parquet"
    _typed().write_parquet(path)
    return path


@pytest.fixture(scope="module")
def typed_kept(spark_engine: SparkEngine, typed_file: Path,
               tmp_path_factory: pytest.TempPathFactory) -> tuple[pl.DataFrame, pl.DataFrame]:
    return write_both(spark_engine, typed_file, {c: {"action": "keep"} for c in DTYPES},
                      tmp_path_factory.mktemp("typed-kept"))


@pytest.mark.parametrize("column", DTYPES)
def test_dtype_is_carried_unchanged(column: str,
                                    typed_kept: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    polars_out, spark_out = typed_kept
    assert spark_out.columns == polars_out.columns == list(DTYPES)
    assert spark_out.schema[column] == polars_out.schema[column]
    assert by_rows(spark_out)[column].equals(by_rows(polars_out)[column])


def test_dictionary_columns_are_text_in_both_engines(typed_kept: tuple[pl.DataFrame,
                                                                       pl.DataFrame]) -> None:
    """Categorical and Enum are read as String by both engines (the documented cast)."""
    polars_out, spark_out = typed_kept
    assert polars_out.schema["cat"] == spark_out.schema["cat"] == pl.String
    assert polars_out.schema["enum"] == spark_out.schema["enum"] == pl.String


def test_batch_schema_matches_polars(spark_engine: SparkEngine, typed_file: Path) -> None:
    mine = spark_engine.open(Source(typed_file))
    theirs = PolarsEngine().open(Source(typed_file))
    assert mine.columns == theirs.columns
    assert dict(mine.batch_schema) == dict(theirs.batch_schema)
    assert mine.schema == theirs.schema
    assert mine.rows == theirs.rows == 4


def test_group_counts_over_every_dtype(spark_engine: SparkEngine, typed_file: Path) -> None:
    """Nulls are one group; -0.0/NaN group as in Polars (the counts, not the key shown)."""
    keys = {c: pl.col(c) for c in DTYPES if c not in ("f32", "f64")}
    floats = {c: pl.col(c) for c in ("f32", "f64")}
    for chosen in (keys, floats):
        got = spark_engine.group_counts(spark_engine.open(Source(typed_file)), chosen,
                                        first_row=True)
        want = PolarsEngine().group_counts(PolarsEngine().open(Source(typed_file)), chosen,
                                           first_row=True)
        assert dict(got.schema) == dict(want.schema)
        assert sorted(got["count"].to_list()) == sorted(want["count"].to_list())
        assert sorted(got["first"].to_list()) == sorted(want["first"].to_list())


REFUSED = {
    "uint8": pl.Series([1, 2], dtype=pl.UInt8),
    "uint64": pl.Series([1, 2**64 - 1], dtype=pl.UInt64),
    "ts_ns": pl.Series([dt.datetime(2020, 1, 1), None], dtype=pl.Datetime("ns")),
    "ts_ms": pl.Series([dt.datetime(2020, 1, 1), None], dtype=pl.Datetime("ms")),
    "ts_paris": pl.Series([dt.datetime(2020, 1, 1), None],
                          dtype=pl.Datetime("us", "Europe/Paris")),
    "time": pl.Series([dt.time(1, 2, 3), None]),
    "duration": pl.Series([dt.timedelta(days=1), None]),
    "list": pl.Series([[1, 2], None]),
    "null": pl.Series([None, None], dtype=pl.Null),
}


def test_a_refused_enum_output_does_not_list_its_categories() -> None:
    """An Enum's repr lists its categories (data): the refusal names the family only."""
    from veil.engines.spark_types import schema_tags

    with pytest.raises(InputError) as refused:
        schema_tags({"x": pl.Enum(["SMITH", "JONES"])}, what="the output")
    assert "SMITH" not in str(refused.value)
    assert "#1 Enum:" in str(refused.value)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_types_spark_would_change_are_refused(name: str, tmp_path: Path) -> None:
    path = tmp_path / "x.parquet"
    pl.DataFrame({"ok": ["a", "b"], "SMITH_John": REFUSED[name]}).write_parquet(path)
    with pytest.raises(InputError) as refused:
        SparkEngine("local[2]").open(Source(path))  # open: no Spark job, no session
    assert refused.value.exit_code == 2
    assert "#2" in str(refused.value)
    assert "SMITH" not in str(refused.value)  # a header may be identifying: by position
    assert "2020" not in str(refused.value)  # never a value


def test_global_operations_match(spark_engine: SparkEngine, people_file: Path) -> None:
    mine = spark_engine.open(Source(people_file))
    polars = PolarsEngine()
    theirs = polars.open(Source(people_file))
    values = {"z": pl.col("zip").str.slice(0, 3), "a": pl.col("age") // 10}
    assert_same(spark_engine.distinct(mine, values), polars.distinct(theirs, values))
    for options in ({"first_row": True},
                    {"where": pl.col("age") > 20, "where_keys": pl.col("a") < 8}):
        assert_same(spark_engine.group_counts(mine, values, **options),
                    polars.group_counts(theirs, values, **options))
    sums = {"adults": pl.col("age") >= 18, "named": pl.col("name").is_not_null(),
            "long": pl.col("n") > 10}
    derived = [pl.col("name").str.len_chars().alias("n")]
    assert spark_engine.sums(mine, sums, derived=derived) == polars.sums(theirs, sums,
                                                                          derived=derived)
    picked = spark_engine.take_every(mine, ["mrn", "age"], 7)
    assert picked.equals(polars.take_every(theirs, ["mrn", "age"], 7))


def test_an_output_without_columns_is_refused(spark_engine: SparkEngine,
                                               people_file: Path, tmp_path: Path) -> None:
    """Spark cannot write rows without columns (Polars writes an empty-schema file)."""
    from veil.errors import EngineError

    with pytest.raises(EngineError, match="every column"):
        write_both(spark_engine, people_file,
                   {c: {"action": "drop"} for c in _people().columns}, tmp_path)


def test_directory_of_parts_in_and_out(spark_engine: SparkEngine, tmp_path: Path) -> None:
    """A directory of part files reads as their concatenation in name order; the output
    is a directory of parts, each hashed, with no Hadoop leftovers."""
    from tests.spark.parity import REFERENCE, SECRET, policy, read
    from veil.engines.base import WriteOptions
    from veil.io.formats import Format
    from veil.io.hashing import sha256_file
    from veil.plan import compile_plan

    frame = _people()
    parts = tmp_path / "in"
    parts.mkdir()
    for k, start in enumerate(range(0, N, 150)):
        frame.slice(start, 150).write_parquet(parts / f"part-{k:03d}.parquet")
    table = spark_engine.open(Source(parts))
    assert table.rows == N
    picked = spark_engine.take_every(table, ["mrn"], 50)
    assert picked["mrn"].equals(frame["mrn"].gather_every(50))
    plan = compile_plan(policy({c: {"action": "keep"} for c in frame.columns}),
                        table.columns, source="in", run_date=REFERENCE)
    out = tmp_path / "out.parquet"
    result = spark_engine.write(table, plan, WriteOptions(out, Format.PARQUET, SECRET))
    assert out.is_dir()
    names = sorted(p.name for p in out.iterdir())
    assert names and all(n.startswith("part-") and n.endswith(".parquet") for n in names)
    assert not list(tmp_path.glob(".*spark-tmp"))
    assert {p.path: p.sha256 for p in result.parts} == {
        f"out.parquet/{n}": sha256_file(out / n) for n in names}
    assert_same(read(out), frame)


def test_struct_leaves_match(spark_engine: SparkEngine, tmp_path: Path) -> None:
    path = tmp_path / "nested.parquet"
    pl.DataFrame({"id": ["a", "b", None],
                  "patient": [{"name": {"family": "Lee"}, "zip": "02139"},
                              {"name": {"family": None}, "zip": "10001"}, None]}
                 ).write_parquet(path)
    columns = {"id": {"action": "keep"}, "patient.name.family": {"action": "redact"},
               "patient.zip": {"action": "zip3"}}
    polars_out, spark_out = write_both(spark_engine, path, columns, tmp_path)
    assert spark_out.columns == ["id", "patient.name.family", "patient.zip"]
    assert_same(spark_out, polars_out)
