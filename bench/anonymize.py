"""Benchmark: the optimal anonymization search (issue 4), time and memory.

Run by hand, not in CI:  .venv/bin/python bench/anonymize.py [--rows 10000000]
    [--runs 7] [--skip adult big]

(a) Adult (shared/data/adult/adult.csv, read as text as ARX does, with ARX's hierarchy
    files): the 9 quasi-identifiers, k = 5 at 2 % suppression, Loss — ARX 3.9.2 takes
    970 ms median on a 2-core machine (ARX_RESULTS.md; ARX itself cannot be built here,
    no network). We time `prepare` + `search` (the whole anonymize() minus applying
    the result) after two warm-up runs, median (min, max) of --runs; also the other
    k / suppression rows of ARX's table 1 once each, next to ARX's medians.
(b) --rows rows of veil's synthetic patients as the realistic release of bench/risk.py
    (birth_year, sex, zip3, race, ethnicity, admission_year; cached under bench/out/),
    with hierarchies from veil's builders (intervals of 5 years for birth and admission
    years with fan-out 2, ZIP3 masking, flat hierarchies for the categories), k = 10 at
    1 % suppression, Loss; in a child process so its peak resident memory (ru_maxrss) is
    its own: read -> anonymize() -> write the released Parquet file. Targets: < 60 s,
    < 4 GB.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import polars as pl

from veil.anonymize import KAnonymity, anonymize
from veil.anonymize.prepare import prepare
from veil.anonymize.search import search
from veil.hierarchy import Hierarchy
from veil.hierarchy.builders import auto, intervals, masking

HERE = Path(__file__).resolve().parent
ADULT = HERE.parents[1] / "shared" / "data" / "adult"
ADULT_QUASI = ["sex", "age", "race", "marital-status", "education", "native-country",
               "workclass", "occupation", "salary-class"]
ARX_MS = {(2, 0.0): 184, (2, 0.02): 2763, (2, 0.04): 1228, (2, 1.0): 2753,
          (5, 0.0): 40, (5, 0.02): 970, (5, 0.04): 1297, (5, 1.0): 4194,
          (10, 0.0): 40, (10, 0.02): 810, (10, 0.04): 985, (10, 1.0): 4979}


def _risk_bench() -> Any:
    spec = importlib.util.spec_from_file_location("bench_risk", HERE / "risk.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def adult(runs: int) -> list[dict[str, Any]]:
    frame = pl.read_csv(ADULT / "adult.csv", separator=";", infer_schema=False)
    hierarchies = {}
    for q in ADULT_QUASI:
        with (ADULT / f"adult_hierarchy_{q}.csv").open(encoding="utf-8") as handle:
            hierarchies[q] = Hierarchy.from_rows(q, list(csv.reader(handle, delimiter=";")))

    def once(k: int, limit: float) -> tuple[float, Any]:
        started = time.perf_counter()
        prepared = prepare(frame, quasi=ADULT_QUASI, hierarchies=hierarchies)
        result = search(prepared, [KAnonymity(k)], suppression=limit)
        return (time.perf_counter() - started) * 1000, result

    for _ in range(2):
        once(5, 0.02)
    times = []
    for _ in range(runs):
        ms, result = once(5, 0.02)
        times.append(ms)
    rows = [{"case": "adult k=5 2% (median)", "ms": round(statistics.median(times), 1),
             "min_ms": round(min(times), 1), "max_ms": round(max(times), 1), "runs": runs,
             "arx_ms": ARX_MS[(5, 0.02)], "evaluated": result.evaluated,
             "levels": list(result.best.levels)}]
    for (k, limit), arx in ARX_MS.items():
        ms, result = once(k, limit)
        rows.append({"case": f"adult k={k} {limit:.0%}", "ms": round(ms, 1), "arx_ms": arx,
                     "evaluated": result.evaluated, "score": result.best.score})
    return rows


QUASI = ["birth_year", "sex", "zip3", "race", "ethnicity", "admission_year"]


def child(path: Path, out: Path) -> None:
    """Read, anonymize to 10-anonymity with 1 % suppression, write; print timings."""
    started = time.perf_counter()
    lazy = pl.scan_parquet(path)
    distinct = lazy.select(pl.col(q).unique().implode() for q in QUASI).collect()
    hierarchies = {
        "birth_year": intervals(distinct["birth_year"][0], width=5, fanout=2),
        "admission_year": intervals(distinct["admission_year"][0], width=5, fanout=2),
        "zip3": masking(distinct["zip3"][0]),
        **{q: auto(distinct[q][0]) for q in ("sex", "race", "ethnicity")},
    }
    built = time.perf_counter()
    outcome = anonymize(lazy, quasi=QUASI, hierarchies=hierarchies,
                        models=[KAnonymity(10)], suppression=0.01)
    searched = time.perf_counter()
    assert outcome.data is not None and outcome.result.best is not None
    outcome.data.sink_parquet(out)
    done = time.perf_counter()
    best = outcome.result.best
    print(json.dumps({
        "case": f"{path.name}: k=10, 1 % suppression", "seconds": round(done - started, 2),
        "hierarchies_s": round(built - started, 2),
        "anonymize_s": round(searched - built, 2), "search_s": round(outcome.result.seconds, 2),
        "write_s": round(done - searched, 2),
        "distinct_tuples": int(outcome.prepared.weights.size),
        "levels": outcome.result.levels, "suppressed": best.suppressed, "classes": best.classes,
        "smallest": best.smallest, "score": best.score, "evaluated": outcome.result.evaluated,
        "lattice": outcome.result.lattice_size, "method": outcome.result.method,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))


def big(rows: int) -> dict[str, Any]:
    path = _risk_bench().release(rows)
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run([sys.executable, __file__, "--child", str(path),
                                 str(Path(tmp) / "released.parquet")],
                                capture_output=True, text=True, check=True)
    data: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--skip", nargs="*", default=[], choices=["adult", "big"])
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    print(json.dumps({"machine": platform.platform(), "cpus": os.cpu_count(),
                      "load": os.getloadavg(), "python": platform.python_version(),
                      "date": time.strftime("%Y-%m-%d %H:%M")}))
    if "adult" not in args.skip:
        for row in adult(args.runs):
            print(json.dumps(row), flush=True)
    if "big" not in args.skip:
        print(json.dumps(big(args.rows)), flush=True)


if __name__ == "__main__":
    main()
