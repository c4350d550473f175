"""Benchmark: the Spark engine against the Polars engine and against plain PySpark.

Run by hand, not in CI:

    .venv/bin/python bench/spark.py --rows 1000000 10000000 [--master local[2]] [--full]

For each size (input generated once, cached under bench/out/, the same 40-column
patient table as bench/safe_harbor.py without free text) it times, in this process:

- `polars write`: the Polars engine writing the Safe Harbor plan veil proposes;
- `spark write`: the Spark engine writing the same plan (session already warm);
- `plain mapInArrow`: a hand-written PySpark job doing the same per-batch work: read
  the Parquet file, `mapInArrow` with a function that builds the plan's Polars
  expressions once per task and applies them to each batch, write Parquet. What the
  engine adds over it is its own overhead (task spec, version check, dtype checks,
  positional names, the temporary directory and rename, hashing every part);
- with `--full`, `deidentify` end to end (scan, write, verification, report, risk)
  on both engines.

Each Spark timing is the best of `--repeat` runs. Record the results in
BENCHMARKS.md with the machine, the date and the load average.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa

from veil.engines.base import WriteOptions
from veil.engines.polars_engine import PolarsEngine, compile_plan_exprs
from veil.engines.spark_engine import SparkEngine
from veil.engines.spark_session import stop_session
from veil.engines.spark_types import ddl_schema, schema_tags
from veil.engines.types import Source
from veil.io.formats import Format
from veil.pipeline import InputSpec, deidentify, propose_policy, scan_file
from veil.plan import Plan, compile_plan
from veil.synth.patients import write_patients

OUT = Path(__file__).parent / "out"
REFERENCE = dt.date(2026, 1, 1)


def table(rows: int) -> Path:
    """The benchmark input for `rows` rows (generated once)."""
    path = OUT / f"spark_patients_{rows}.parquet"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    full = OUT / f"spark_full_{rows}.parquet"
    write_patients(full, rows, seed=2026)
    pl.scan_parquet(full).drop("note").sink_parquet(path)
    full.unlink()
    return path


def safe_harbor_plan(source: Path) -> Plan:
    spec = InputSpec(source)
    proposal = propose_policy(scan_file(spec), reference_date=REFERENCE)
    columns = tuple(pl.read_parquet_schema(source))
    return compile_plan(proposal.policy, columns, source=str(source), run_date=REFERENCE)


def timed(work: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def _fresh(path: Path) -> Path:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
    return path


def _plain_batches(plan: Plan, schema: dict[str, pl.DataType],
                   batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    exprs = compile_plan_exprs(plan, schema, WriteOptions(Path("x"), Format.PARQUET))
    for batch in batches:
        frame = pl.from_arrow(batch)
        assert isinstance(frame, pl.DataFrame)
        yield from frame.select(exprs).to_arrow(
            compat_level=pl.CompatLevel.oldest()).to_batches()


def plain_job(spark: Any, source: Path, plan: Plan, out: Path) -> None:
    """The same per-batch work as a hand-written PySpark job."""
    schema = dict(pl.read_parquet_schema(source))
    empty = pl.DataFrame(schema=schema).lazy()
    exprs = compile_plan_exprs(plan, schema, WriteOptions(Path("x"), Format.PARQUET))
    tags = schema_tags(dict(empty.select(exprs).collect_schema().items()), what="output")
    # like the engine, only the columns the plan reads cross into Python
    roots = {n for e in exprs for n in e.meta.root_names()} | {s.column for s in plan.outputs}
    used = [c for c in schema if c in roots]
    frame = spark.read.parquet(source.resolve().as_uri()).select(*used)
    frame.mapInArrow(partial(_plain_batches, plan, {c: schema[c] for c in used}),
                     ddl_schema(tags)) \
        .write.mode("overwrite").parquet(out.resolve().as_uri())


def run(rows: int, master: str, repeat: int, full: bool) -> dict[str, Any]:
    source = table(rows)
    plan = safe_harbor_plan(source)
    spark_engine = SparkEngine(master)
    result: dict[str, Any] = {"rows": rows, "master": master,
                              "columns_in": len(plan.steps), "columns_out": len(plan.outputs)}
    polars = PolarsEngine()
    result["polars_write_s"] = timed(lambda: polars.write(
        polars.open(Source(source)), plan,
        WriteOptions(_fresh(OUT / "bench_polars.parquet"), Format.PARQUET)), repeat)
    # start the session, the Python workers and their imports of veil and Polars outside
    # the timings (the first job of a session pays them; both jobs below then run warm)
    warm = spark_engine.open(Source(source))
    spark_engine.sums(warm, {"n": pl.col(warm.columns[0]).is_not_null()})
    result["spark_write_s"] = timed(lambda: spark_engine.write(
        spark_engine.open(Source(source)), plan,
        WriteOptions(_fresh(OUT / "bench_spark.parquet"), Format.PARQUET)), repeat)
    result["plain_mapinarrow_s"] = timed(lambda: plain_job(
        spark_engine.spark, source, plan, _fresh(OUT / "bench_plain.parquet")), repeat)
    result["veil_over_plain"] = result["spark_write_s"] / result["plain_mapinarrow_s"]
    if full:
        for name, engine in (("polars", polars), ("spark", spark_engine)):
            out = _fresh(OUT / f"bench_deid_{name}")
            result[f"{name}_deidentify_s"] = timed(lambda e=engine, o=out: deidentify(  # type: ignore[misc]
                InputSpec(source), _fresh(o), reference_date=REFERENCE, engine=e), 1)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--full", action="store_true", help="also deidentify end to end")
    args = parser.parse_args()
    print(json.dumps({"machine": platform.machine(), "cpus": os.cpu_count(),
                      "python": platform.python_version(), "date": str(dt.date.today()),
                      "load": os.getloadavg()}), flush=True)
    for rows in args.rows:
        print(json.dumps(run(rows, args.master, args.repeat, args.full)), flush=True)
    stop_session()
    sys.exit(0)


if __name__ == "__main__":
    main()
