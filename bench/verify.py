"""Benchmark: the verification pass against the data path, and `deidentify` end to end.

Run by hand, not in CI:  .venv/bin/python bench/verify.py --rows 1000000 10000000

For each size (the 30-column table of bench/safe_harbor.py, generated once) it times, in
child processes so that imports count where a user pays them:

- the data path alone: the plan's Polars expressions streamed from the input to Parquet;
- the verification pass alone over that output (`veil.verify.verify_frame`);
- `veil deidentify --no-risk` and `veil deidentify` end to end (command line, wall time,
  peak RSS);
- `veil verify` of the written output (command line).

Record the results in BENCHMARKS.md with the machine and date.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from safe_harbor import OUT, table

_DATA_PATH = """
import sys, time
import datetime as dt
from pathlib import Path
from veil.pipeline import InputSpec, propose_policy, scan_file
from veil.plan import compile_plan
from veil.engines.base import WriteOptions
from veil.engines.polars_engine import PolarsEngine
from veil.io.formats import Format
source, target = Path(sys.argv[1]), Path(sys.argv[2])
spec = InputSpec(source)
proposal = propose_policy(scan_file(spec), reference_date=dt.date(2026, 1, 1))
engine = PolarsEngine()
table = engine.open(spec.source)
plan = compile_plan(proposal.policy, table.columns, source=str(source))
start = time.perf_counter()
engine.write(table, plan, WriteOptions(target, Format.PARQUET))
print(time.perf_counter() - start)
"""

_VERIFY = """
import sys, time
import polars as pl
from veil.verify import verify_frame
start = time.perf_counter()
found = verify_frame(pl.scan_parquet(sys.argv[1]))
print(time.perf_counter() - start, found.passed)
"""


def _child(args: list[str]) -> tuple[float, str, int]:
    """Run one child: its wall time, stdout and its OWN peak RSS in KiB (os.wait4; the
    RUSAGE_CHILDREN maximum would be the largest child so far, not this one)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=errors, text=True)
        assert child.stdout is not None
        out = child.stdout.read()
        child.stdout.close()
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        if child.returncode:
            errors.seek(0)
            raise subprocess.CalledProcessError(child.returncode, args, out,
                                                errors.read().decode(errors="replace"))
    return wall, out.strip(), usage.ru_maxrss


def run(rows: int) -> dict[str, object]:
    source = table(rows)
    python = sys.executable
    veil = str(Path(python).parent / "veil")
    data = OUT / f"data_path_{rows}.parquet"
    _, inner, _ = _child([python, "-c", _DATA_PATH, str(source), str(data)])
    data_path = float(inner)
    _, inner, _ = _child([python, "-c", _VERIFY, str(data)])
    verify_seconds = float(inner.split()[0])
    result: dict[str, object] = {"rows": rows, "data_path_s": round(data_path, 2),
                                 "verify_pass_s": round(verify_seconds, 2)}
    for label, extra in (("deidentify_no_risk", ["--no-risk"]), ("deidentify", [])):
        out = OUT / f"verify_{label}_{rows}"
        shutil.rmtree(out, ignore_errors=True)
        wall, _, peak = _child([veil, "deidentify", str(source), "-o", str(out),
                                "--reference-date", "2026-01-01", *extra])
        result[f"{label}_s"] = round(wall, 2)
        result[f"{label}_peak_mib"] = round(peak / 1024)
    out = OUT / f"verify_deidentify_{rows}"
    wall, _, _ = _child([veil, "verify", str(out / source.name)])
    result["veil_verify_cli_s"] = round(wall, 2)
    result["end_to_end_over_data_path"] = round(
        float(str(result["deidentify_no_risk_s"])) / data_path, 2)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000])
    args = parser.parse_args()
    print(json.dumps({"machine": platform.platform(), "python": platform.python_version()}))
    for rows in args.rows:
        print(json.dumps(run(rows)), flush=True)


if __name__ == "__main__":
    main()
