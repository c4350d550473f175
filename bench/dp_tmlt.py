"""Benchmark: the 19 pure-DP queries of bench/dp.py in Tumult Analytics (issue 6).

Run by hand, not in CI, with the interpreter of its own virtualenv (never a veil dependency):

    python3 -m venv bench/.venv-tmlt
    bench/.venv-tmlt/bin/pip install -r bench/requirements-tmlt.txt
    .venv/bin/python bench/dp.py --rows N --skip veil veil-pure plain   # the cached Parquet
    bench/.venv-tmlt/bin/python bench/dp_tmlt.py --rows N [--repeat 2]

The spec is `pure_spec()` of bench/dp.py, read through veil's interpreter (--veil-python)
so both benchmarks run the same queries: epsilon 1 split evenly over the 19 queries,
user-level privacy with patient_id as the privacy ID and at most 5 rows per patient
(`AddRowsWithID` + `enforce(MaxRowsPerID(5))`, `PureDPBudget`). Grouped counts, tables and
grouped sums / means run over the spec's public KeySets; histograms bin the column with a
`BinningSpec` over the spec's bins (left-closed, plus an open bin below the first edge and
one from the last, as veil labels them); sums and means clamp to the spec's bounds;
quantiles use `quantile` with the spec's bounds (Tumult's quantile is continuous over
[low, high]: it has no candidate list). A quantile query with k quantiles is k `evaluate`
calls sharing that query's epsilon (Tumult has no multi-aggregation query in 0.21).

Each run is a child process (Spark local[2], its JVM a grandchild). The child times the
Spark start, reading the Parquet, building the Session, and each query (`evaluate`, then
`toPandas()` to force the lazy result). The parent samples the RSS of the whole process
tree (child + JVM) with psutil and reports its peak, plus the child's `ru_maxrss` from `os.wait4`
(the largest single process among the child and the descendants it waited for: in practice
not the JVM, so the tree peak is the number to read). With --timeout the run is killed and
the queries finished so far are reported.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
VEIL_PYTHON = HERE.parent / ".venv" / "bin" / "python"
SOURCE = "admissions"


def load_spec(veil_python: str) -> dict[str, Any]:
    """`pure_spec()` of bench/dp.py, through the interpreter that has its dependencies."""
    code = ("import json, sys; sys.path.insert(0, sys.argv[1]); import dp; "
            "print(json.dumps(dp.pure_spec()))")
    done = subprocess.run([veil_python, "-c", code, str(HERE)], capture_output=True,
                          text=True, check=True)
    spec: dict[str, Any] = json.loads(done.stdout)
    return spec


def _keyset(analytics: Any, q: dict[str, Any]) -> Any:
    return analytics.KeySet.from_dict({c: list(q["domain"][c]) for c in q["by"]})


def _binning(analytics: Any, q: dict[str, Any], integer: bool) -> tuple[Any, list[str]]:
    """Bins [a, b) per pair of edges, plus one below the first edge and one from the last."""
    edges = [int(e) if integer else float(e) for e in q["bins"]]
    shown = [str(int(e)) if float(e).is_integer() else repr(e) for e in edges]
    names = [f"< {shown[0]}", *[f"[{a}, {b})" for a, b in itertools.pairwise(shown)],
             f">= {shown[-1]}"]
    low, high = (-(2**63), 2**63 - 1) if integer else (float("-inf"), float("inf"))
    spec = analytics.BinningSpec([low, *edges, high], names=names, right=False,
                                 include_both_endpoints=True)
    return spec, names


def build_queries(analytics: Any, q: dict[str, Any],
                  schema: dict[str, str]) -> list[tuple[str, Any]]:
    """The Tumult queries of one spec query (more than one for several quantiles)."""
    def base() -> Any:
        return analytics.QueryBuilder(SOURCE).enforce(analytics.MaxRowsPerID(5))

    kind = q["kind"]
    name = q["name"]
    if kind == "count":
        return [(name, base().count())]
    if kind in ("count_by", "table"):
        return [(name, base().groupby(_keyset(analytics, q)).count())]
    column = q["column"]
    if kind == "histogram":
        spec, names = _binning(analytics, q, schema[column] == "bigint")
        keys = analytics.KeySet.from_dict({"bin": names})
        return [(name, base().bin_column(column, spec, name="bin").groupby(keys).count())]
    low, high = (float(x) for x in q["bounds"])
    if schema[column] == "bigint":
        low, high = int(low), int(high)
    grouped = (base().groupby(_keyset(analytics, q)) if q.get("by")
               else base().groupby(analytics.KeySet.from_dict({})))
    if kind == "sum":
        return [(name, grouped.sum(column, low, high))]
    if kind == "mean":
        return [(name, grouped.average(column, low, high))]
    if kind == "quantile":
        return [(f"{name}[{a}]", base().quantile(column, float(a), low, high))
                for a in q["quantiles"]]
    raise ValueError(f"unknown query kind {kind!r}")


def child(path: str, spec_json: str, driver_memory: str, shuffle_partitions: int) -> None:
    timings: dict[str, Any] = {}
    started = time.perf_counter()
    import tmlt.analytics as analytics
    from pyspark.sql import SparkSession
    from tmlt.core.utils import cleanup

    timings["import_seconds"] = time.perf_counter() - started
    spec = json.loads(spec_json)
    with tempfile.TemporaryDirectory(prefix="tmlt-bench-") as tmp:
        t = time.perf_counter()
        spark = (SparkSession.builder.master("local[2]").appName("veil-dp-tmlt")
                 .config("spark.driver.memory", driver_memory)
                 .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
                 .config("spark.sql.warehouse.dir", f"{tmp}/warehouse")
                 .config("spark.local.dir", f"{tmp}/local")
                 .config("spark.ui.enabled", "false")
                 .config("spark.driver.extraJavaOptions",
                         "-Dio.netty.tryReflectionSetAccessible=true "
                         f"-Dderby.system.home={tmp}")
                 .getOrCreate())
        spark.sparkContext.setLogLevel("ERROR")
        timings["spark_start_seconds"] = time.perf_counter() - t

        t = time.perf_counter()
        df = spark.read.parquet(path)
        schema = dict(df.dtypes)
        n_queries = len(spec["queries"])
        session = (analytics.Session.Builder()
                   .with_privacy_budget(analytics.PureDPBudget(spec["release"]["epsilon"]))
                   .with_id_space("patients")
                   .with_private_dataframe(
                       SOURCE, df,
                       protected_change=analytics.AddRowsWithID("patient_id", "patients"))
                   .build())
        timings["session_seconds"] = time.perf_counter() - t
        print(f"SESSION {timings['spark_start_seconds']:.2f} {timings['session_seconds']:.2f}",
              flush=True)

        per_query: dict[str, float] = {}
        results: dict[str, Any] = {}
        evaluate_total = collect_total = 0.0
        t_all = time.perf_counter()
        for q in spec["queries"]:
            built = build_queries(analytics, q, schema)
            share = spec["release"]["epsilon"] / n_queries / len(built)
            for label, query in built:
                t = time.perf_counter()
                answer = session.evaluate(query, analytics.PureDPBudget(share))
                t_eval = time.perf_counter() - t
                frame = answer.toPandas()
                t_collect = time.perf_counter() - t - t_eval
                evaluate_total += t_eval
                collect_total += t_collect
                per_query[label] = round(t_eval + t_collect, 3)
                print(f"QUERY {label} {t_eval:.2f} {t_collect:.2f}", flush=True)
                results[label] = frame.head(3).to_dict(orient="records")
        timings["queries_seconds"] = time.perf_counter() - t_all
        timings["evaluate_seconds"] = evaluate_total
        timings["collect_seconds"] = collect_total
        timings["evaluate_calls"] = len(per_query)
        timings["per_query_seconds"] = per_query
        timings["remaining_budget"] = str(session.remaining_privacy_budget)
        timings["total_seconds"] = time.perf_counter() - started
        timings["sample"] = {k: results[k] for k in ("rows", "by_sex", "age_mean")}
        cleanup.cleanup()
        spark.stop()
    print("RESULT " + json.dumps(timings, default=str))


def run_once(path: Path, spec: dict[str, Any], args: argparse.Namespace) -> dict[str, Any]:
    import psutil

    cmd = [sys.executable, __file__, "--child", "--path", str(path),
           "--spec-json", json.dumps(spec), "--driver-memory", args.driver_memory,
           "--shuffle-partitions", str(args.shuffle_partitions)]
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        # Spark's Python workers (the binning map is a Python UDF) must use this interpreter.
        env = {**os.environ, "PYSPARK_PYTHON": sys.executable,
               "PYSPARK_DRIVER_PYTHON": sys.executable}
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True, env=env,
                                cwd=tempfile.gettempdir())
        root = psutil.Process(proc.pid)
        peak = 0
        timed_out = False
        rusage: resource.struct_rusage | None = None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                proc.returncode = os.waitstatus_to_exitcode(status)
                rusage = usage
                break
            total = 0
            try:
                for p in [root, *root.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        total += p.memory_info().rss
            except psutil.Error:
                pass
            peak = max(peak, total)
            if time.perf_counter() - started > args.timeout:
                timed_out = True
                for p in [*root.children(recursive=True), root]:
                    with contextlib.suppress(psutil.Error):
                        p.kill()
                _, status, rusage = os.wait4(proc.pid, 0)
                proc.returncode = os.waitstatus_to_exitcode(status)
                break
            time.sleep(0.2)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    record: dict[str, Any] = {"wall_seconds": round(wall, 2),
                              "peak_tree_rss_mb": round(peak / 2**20)}
    if rusage is not None:  # the child and the descendants it waited for (KiB on Linux)
        record["child_maxrss_mb"] = round(rusage.ru_maxrss / 1024)
    lines = [x for x in stdout.splitlines() if x.startswith("RESULT ")]
    if timed_out or proc.returncode != 0 or not lines:  # what finished before it stopped
        record["progress"] = [x for x in stdout.splitlines()
                              if x.startswith(("SESSION ", "QUERY "))]
    if timed_out:
        record["error"] = f"stopped after {args.timeout} s"
    elif proc.returncode != 0 or not lines:
        errors = [x for x in stderr.splitlines() if "Error" in x or "Exception" in x]
        record["error"] = errors[-1] if errors else stderr[-500:]
    else:
        record.update(json.loads(lines[-1][len("RESULT "):]))
    return record


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--driver-memory", default="8g")
    parser.add_argument("--shuffle-partitions", type=int, default=8)
    parser.add_argument("--timeout", type=float, default=1200.0)
    parser.add_argument("--veil-python", default=str(VEIL_PYTHON))
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--path")
    parser.add_argument("--spec-json")
    args = parser.parse_args()
    if args.child:
        child(args.path, args.spec_json, args.driver_memory, args.shuffle_partitions)
        return
    path = OUT / f"dp_admissions_{args.rows}.parquet"
    if not path.exists():
        sys.exit(f"{path} is missing: run .venv/bin/python bench/dp.py --rows {args.rows} "
                 "--skip veil veil-pure plain")
    spec = load_spec(args.veil_python)
    print(f"{platform.node()} {os.cpu_count()} cores; {args.rows:,} rows, "
          f"{len(spec['queries'])} queries; Spark local[2], driver memory {args.driver_memory}")
    for i in range(args.repeat):
        print(f"tmlt run {i + 1}", json.dumps(run_once(path, spec, args)), flush=True)


if __name__ == "__main__":
    main()
