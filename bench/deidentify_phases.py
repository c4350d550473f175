"""Where `veil deidentify` spends its time: per-phase wall and CPU timers.

Run by hand:
    .venv/bin/python bench/deidentify_phases.py bench/out/patients_1000000.parquet [--no-risk]

Wraps the pipeline's phases (scan, write, verification, non-null counts, distributions,
risk, report HTML, hashing, manifest) with timers and prints one line per phase: calls,
wall seconds, process CPU seconds (all threads, so Polars' worker threads count), plus
the import time and the peak RSS. CPU seconds are the number to compare on a loaded
machine. Each phase's peak RSS is sampled every 10 ms (the highest while it ran).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import resource
import shutil
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

T0 = time.perf_counter()
C0 = time.process_time()

import veil.pipeline as pipeline  # noqa: E402
from veil.cli import app as _cli  # noqa: E402,F401  (what a user pays: the CLI's imports)

IMPORTS = (time.perf_counter() - T0, time.process_time() - C0)
TIMES: dict[str, list[float]] = {}
_PAGE = os.sysconf("SC_PAGE_SIZE")
_PEAK = [0.0]  # the highest RSS (MiB) seen since the innermost running phase began


def _rss_mib() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * _PAGE / 2**20


def _sample_rss() -> None:
    while True:
        _PEAK[0] = max(_PEAK[0], _rss_mib())
        time.sleep(0.01)


def _timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        w, c = time.perf_counter(), time.process_time()
        outer, _PEAK[0] = _PEAK[0], _rss_mib()
        try:
            return fn(*args, **kwargs)
        finally:
            row = TIMES.setdefault(name, [0, 0.0, 0.0, 0.0])
            row[0] += 1
            row[1] += time.perf_counter() - w
            row[2] += time.process_time() - c
            row[3] = max(row[3], _PEAK[0])
            _PEAK[0] = max(outer, _PEAK[0])
    return wrapper


def _patch(module: Any, attr: str, name: str | None = None) -> None:
    setattr(module, attr, _timed(name or attr, getattr(module, attr)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", type=Path)
    parser.add_argument("--no-risk", action="store_true")
    parser.add_argument("--out", type=Path, default=Path("/tmp/veil_phases_out"))
    args = parser.parse_args()
    from veil.engines.polars_engine import PolarsEngine
    from veil.report import html

    for attr in ("scan_file", "_verify", "_emptied", "_distributions", "_risk",
                 "render_html", "sha256_path", "build_report", "compile_plan",
                 "propose_policy", "check_safe_harbor", "verify_table", "part_files"):
        _patch(pipeline, attr)
    _patch(pipeline.RunWriter, "write_manifest")
    for attr in ("write", "sums", "group_counts", "take_every", "distinct"):
        setattr(PolarsEngine, attr, _timed(f"engine.{attr}", getattr(PolarsEngine, attr)))
    _patch(html, "_figures")
    shutil.rmtree(args.out, ignore_errors=True)
    threading.Thread(target=_sample_rss, daemon=True).start()
    w, c = time.perf_counter(), time.process_time()
    pipeline.deidentify(pipeline.InputSpec(args.source), args.out,
                        reference_date=dt.date(2026, 1, 1), with_risk=not args.no_risk)
    total = (time.perf_counter() - w, time.process_time() - c)
    print(f"{'imports':24s}      {IMPORTS[0]:7.2f} s wall {IMPORTS[1]:7.2f} s cpu")
    for name, (calls, wall, cpu, peak) in sorted(TIMES.items(), key=lambda i: -i[1][1]):
        print(f"{name:24s} x{int(calls):<3d} {wall:7.2f} s wall {cpu:7.2f} s cpu "
              f"peak {peak:6.0f} MiB")
    print(f"{'deidentify (total)':24s}      {total[0]:7.2f} s wall {total[1]:7.2f} s cpu")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MiB; load {Path('/proc/loadavg').read_text().split()[:3]}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
