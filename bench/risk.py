"""Benchmark: `veil.risk.assess` time and memory, and pycanon on the same table.

Run by hand, not in CI:  .venv/bin/python bench/risk.py [--rows 10000000]
    [--pycanon-rows 1000000] [--pycanon-timeout 600] [--skip adult big pycanon]

Three measurements, one JSON line each (plus a first line naming the machine):

(a) Adult (shared/data/adult/adult.csv, `;`, read as text as ARX does), with the US
    population of ARX's GUI (317,238,626) and threshold 0.2: the 9 quasi-identifiers;
    then 8 quasi-identifiers + occupation as sensitive attribute. `assess` on the
    in-memory frame, pairs contributions on; two warm-up runs, then the median (and
    min, max) of 20. Target: < 100 ms.
(b) A realistic release of veil's synthetic patients (`generate_patients`, seed 2026),
    --rows rows (10M by default), generated once and cached under bench/out/ as
    Parquet: birth_year (ages 90+ pooled: at most 90 years before admission), sex,
    zip3 (Safe Harbor's restricted areas as 000), race, ethnicity, admission_year
    as quasi-identifiers, diagnosis_code as sensitive attribute. In a child process:
    read the Parquet file, then `assess` with every measure (population size, l/t,
    attribute and pair contributions), median of 3. Target: < 5 s. The child's peak
    resident memory (ru_maxrss) is reported, and its peak right after reading; also
    the CPU time of each run (user + system, all threads: less sensitive to other
    work on the machine than wall time) and the wall time of assess's main parts, each
    run on its own (so each encodes the quasi-identifiers itself; assess does it once).
(c) pycanon 1.3.6 (.venv-pycanon, `make test` creates it) on the first --pycanon-rows
    rows of the same release (the generator's rows do not depend on the row count,
    so it is the same table cut short), as CSV: each of k_anonymity, l_diversity,
    entropy_l_diversity, recursive_c_l_diversity and t_closeness in its own child
    process (tests/crosscheck/pycanon_runner.py) with a time limit per function;
    a function that hits the limit is reported as such and the totals and the ratio
    become lower bounds. veil on the same table: the full `assess` as in (b), and
    the same figures as pycanon alone (class sizes + l/t of the one attribute).

The machine is shared with other work while this runs; the first line gives its load.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow.parquet as pq

from veil.risk import Population, assess, class_sizes
from veil.risk.contributions import contributions
from veil.risk.diversity import diversity
from veil.synth.patients import RESTRICTED_ZIP3, generate_patients

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(__file__).parent / "out"
ADULT = ROOT.parent / "shared" / "data" / "adult" / "adult.csv"
ADULT_QUASI = ("sex", "age", "race", "marital-status", "education", "native-country",
               "workclass", "occupation", "salary-class")
PYCANON = ROOT / ".venv-pycanon" / "bin" / "python"
RUNNER = ROOT / "tests" / "crosscheck" / "pycanon_runner.py"
QUASI = ("birth_year", "sex", "zip3", "race", "ethnicity", "admission_year")
SENSITIVE = "diagnosis_code"
USA = 317_238_626  # ARX's default population (Region.USA)
SEED = 2026


def _median_ms(call: Callable[[], object], runs: int, warmup: int) -> dict[str, float]:
    for _ in range(warmup):
        call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return {"median_ms": round(statistics.median(times), 1), "min_ms": round(min(times), 1),
            "max_ms": round(max(times), 1), "runs": runs}


def _peak_mib() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


# --------------------------------------------------------------------------- (a) Adult


def adult() -> list[dict[str, Any]]:
    frame = pl.read_csv(ADULT, separator=";", infer_schema=False)
    population = Population(size=USA)
    eight = tuple(q for q in ADULT_QUASI if q != "occupation")
    configs: list[tuple[str, Callable[[], object]]] = [
        ("9 QIs", lambda: assess(frame, quasi=ADULT_QUASI, population=population,
                                 threshold=0.2)),
        ("8 QIs + occupation sensitive", lambda: assess(
            frame, quasi=eight, sensitive=["occupation"], population=population,
            threshold=0.2)),
    ]
    return [{"bench": "adult", "rows": frame.height, "config": name,
             **_median_ms(call, runs=20, warmup=2), "target_ms": 100}
            for name, call in configs]


# --------------------------------------------------------------------------- the release


def _release(chunk: pl.DataFrame) -> pl.DataFrame:
    birth = pl.col("birth_date").str.slice(6, 4).cast(pl.Int64)  # MM/DD/YYYY
    admitted = pl.col("admission_date").str.slice(0, 4).cast(pl.Int64)  # ISO
    zip3 = pl.col("zip").str.slice(0, 3)
    return chunk.select(
        birth_year=pl.max_horizontal(birth, admitted - 90),
        sex="sex",
        zip3=pl.when(zip3.is_in(sorted(RESTRICTED_ZIP3))).then(pl.lit("000")).otherwise(zip3),
        race="race",
        ethnicity="ethnicity",
        admission_year=admitted,
        diagnosis_code="diagnosis_code",
    )


def release(rows: int) -> Path:
    """The release table of `rows` rows as Parquet (generated once, cached)."""
    path = OUT / f"risk_release_{rows}.parquet"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    writer = None
    try:
        for chunk in generate_patients(rows, seed=SEED, chunk_rows=500_000):
            table = _release(chunk).to_arrow()
            if writer is None:
                writer = pq.ParquetWriter(tmp, table.schema, compression="zstd")
            writer.write_table(table)
    finally:
        if writer is not None:
            writer.close()
    tmp.replace(path)
    return path


def release_csv(rows: int) -> Path:
    path = OUT / f"risk_release_{rows}.csv"
    if not path.exists():
        pl.read_parquet(release(rows)).write_csv(path)
    return path


# --------------------------------------------------------------------------- (b) veil, child


def _timed(call: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU (user + system, all threads) seconds of one call."""
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    call()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def child(path: Path, runs: int) -> None:
    """Runs in a child process: read `path`, time `assess`, its parts, the pycanon subset."""
    start = time.perf_counter()
    frame = pl.read_parquet(path)
    read_s = time.perf_counter() - start
    after_read = _peak_mib()
    population = Population(size=USA)

    def full() -> object:
        return assess(frame, quasi=QUASI, sensitive=[SENSITIVE], population=population)

    def same_as_pycanon() -> None:  # k and the l/t figures of the one attribute
        class_sizes(frame, QUASI)
        diversity(frame, QUASI, SENSITIVE)

    result = assess(frame, quasi=QUASI, sensitive=[SENSITIVE], population=population)
    timed = [_timed(full) for _ in range(runs)]
    peak_assess = _peak_mib()
    subset = [_timed(same_as_pycanon) for _ in range(runs)]
    parts = {name: round(_timed(call)[0], 2) for name, call in [
        ("class_sizes", lambda: class_sizes(frame, QUASI)),
        ("diversity", lambda: diversity(frame, QUASI, SENSITIVE)),
        ("contributions_with_pairs", lambda: contributions(frame, QUASI, pairs=True)),
    ]}
    d = result.diversity[0]
    print(json.dumps({
        "rows": frame.height, "read_s": round(read_s, 2),
        "assess_median_s": round(statistics.median(w for w, _ in timed), 2),
        "assess_wall_s": [round(w, 2) for w, _ in timed],
        "assess_cpu_s": [round(c, 2) for _, c in timed],
        "k_and_diversity_median_s": round(statistics.median(w for w, _ in subset), 2),
        "parts_s": parts,
        "peak_rss_mib_after_read": after_read, "peak_rss_mib": peak_assess,
        "classes": result.classes.classes, "k": result.classes.smallest,
        "sample_uniques": result.classes.sample_uniques,
        "distinct_l": d.distinct_l, "entropy_l": round(d.entropy_l, 4),
        "recursive_c": None if math.isinf(d.recursive_c) else d.recursive_c,
        "t_equal": round(d.t_equal, 6),
    }))


def veil_on(path: Path, runs: int) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--child", str(path), "--runs", str(runs)],
                          capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


# --------------------------------------------------------------------------- (c) pycanon


def pycanon_on(path: Path, timeout: float) -> dict[str, Any]:
    if not PYCANON.exists():
        return {"bench": "pycanon", "error": f"{PYCANON} missing: run `make test` first"}
    functions: dict[str, Any] = {}
    version = None
    for metric in ("k", "l", "entropy", "recursive", "t"):
        command = [str(PYCANON), str(RUNNER), str(path), "--quasi", *QUASI,
                   "--categorical", SENSITIVE, "--metrics", metric, "--no-extras"]
        start = time.perf_counter()
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                  check=True)
        except subprocess.TimeoutExpired:
            functions[metric] = {"timed_out_after_s": timeout}
            continue
        wall = time.perf_counter() - start
        out = json.loads(done.stdout)
        version = out["pycanon"]
        seconds = out["seconds"]
        compute = sum(v for k, v in seconds.items() if k != "read")
        functions[metric] = {"compute_s": round(compute, 2), "read_s": seconds["read"],
                             "child_wall_s": round(wall, 2),
                             "value": out.get("k", out["sensitive"].get(SENSITIVE))}
    timed_out = [m for m, f in functions.items() if "timed_out_after_s" in f]
    total = sum(f.get("compute_s", f.get("timed_out_after_s", 0)) for f in functions.values())
    return {"pycanon": version, "functions": functions, "compute_total_s": round(total, 2),
            "lower_bound": bool(timed_out), "timed_out": timed_out}


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--pycanon-rows", type=int, default=1_000_000)
    parser.add_argument("--pycanon-timeout", type=float, default=600.0,
                        help="seconds allowed to each pycanon function")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip", nargs="*", default=[], choices=["adult", "big", "pycanon"])
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.runs)
        return

    print(json.dumps({"machine": f"{platform.machine()}, {os.cpu_count()} cores",
                      "load_average_1m": round(os.getloadavg()[0], 2),
                      "python": platform.python_version(), "polars": pl.__version__}),
          flush=True)
    if "adult" not in args.skip:
        for line in adult():
            print(json.dumps(line), flush=True)
    if "big" not in args.skip:
        start = time.perf_counter()
        path = release(args.rows)
        made = time.perf_counter() - start
        line = {"bench": "release", "quasi": list(QUASI), "sensitive": SENSITIVE,
                **veil_on(path, args.runs), "target_s": 5,
                "parquet_mib": round(path.stat().st_size / 2**20),
                "generated_s": round(made, 1)}
        print(json.dumps(line), flush=True)
    if "pycanon" not in args.skip:
        csv = release_csv(args.pycanon_rows)
        ours = veil_on(release(args.pycanon_rows), args.runs)
        theirs = pycanon_on(csv, args.pycanon_timeout)
        total = theirs.get("compute_total_s")
        bound = ">=" if theirs.get("lower_bound") else ""
        line = {"bench": "pycanon_vs_veil", "rows": args.pycanon_rows, "veil": ours,
                **theirs}
        if total:
            line["ratio_vs_assess"] = f"{bound}{total / ours['assess_median_s']:.0f}"
            line["ratio_vs_same_figures"] = (
                f"{bound}{total / ours['k_and_diversity_median_s']:.0f}")
        print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
