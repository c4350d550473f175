"""Benchmark: `veil deidentify` throughput and peak memory (Parquet in, Parquet out).

Run by hand, not in CI:  .venv/bin/python bench/safe_harbor.py --rows 1000000 10000000

For each size it generates (once, cached under bench/out/) a 30-column patient table
without free text from the synthetic EHR generator, then runs the real command line
in a child process and reports wall time, rows per second and the child's peak
resident memory (ru_maxrss). Record the results in BENCHMARKS.md with the machine
and date.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import polars as pl

from veil.synth.patients import write_patients

OUT = Path(__file__).parent / "out"
DROP = ("note",)


def table(rows: int) -> Path:
    """The 30-column benchmark input for `rows` rows (generated once)."""
    path = OUT / f"patients_{rows}.parquet"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    full = OUT / f"full_{rows}.parquet"
    write_patients(full, rows, seed=2026)
    frame = pl.scan_parquet(full)
    keep = [c for c in frame.collect_schema().names() if c not in DROP][:30]
    frame.select(keep).sink_parquet(path)
    full.unlink()
    return path


def run(rows: int) -> dict[str, object]:
    source = table(rows)
    out = OUT / f"deid_{rows}"
    shutil.rmtree(out, ignore_errors=True)
    veil = Path(sys.executable).parent / "veil"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([str(veil), "deidentify", str(source), "-o", str(out),
                    "--reference-date", "2026-01-01"], check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    columns = len(pl.read_parquet_schema(source))
    return {
        "rows": rows,
        "columns_in": columns,
        "wall_seconds": round(wall, 2),
        "rows_per_second": round(rows / wall),
        "peak_rss_mib": round(max(peak_kib, before) / 1024),
        "input_mib": round(source.stat().st_size / 2**20),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000])
    args = parser.parse_args()
    print(json.dumps({"machine": f"{platform.machine()}, {os.cpu_count()} cores",
                      "python": platform.python_version(), "polars": pl.__version__}))
    for rows in args.rows:
        print(json.dumps(run(rows)), flush=True)


if __name__ == "__main__":
    main()
