"""Benchmark: veil's optimal k-anonymity search side by side with anjana, same table.

Run by hand, not in CI:  .venv/bin/python bench/anjana_compare.py --rows 100000

anjana (CSIC, https://github.com/IFCA-Advanced-Computing/anjana; built on pycanon by
the same group) lives in its own environment, `.venv-anjana` at the repository root,
from bench/requirements-anjana.txt (pinned; never a dependency of veil: anjana pins
numpy, pandas and pycanon versions of its own). This script creates it when missing
and runs anjana there as a child process: this same file with `--child`.

Input. The Adult table (shared/data/adult/adult.csv, 30,162 rows, 9 attributes),
sampled WITH replacement to `--rows` rows with a fixed seed and written to
bench/out/anjana/adult_<rows>.csv, plus the ARX hierarchies next to it
(adult_hierarchy_<attr>.csv, `value;level1;...;*`). All 9 attributes are
quasi-identifiers; k = 5 and k = 10; at most 2 % of the records may be suppressed.
Both tools read every cell as text.

veil. `anonymize(frame, quasi=all 9, hierarchies=ARX files, models=[KAnonymity(k)],
suppression=0.02, metric="loss")`: the least-Loss full-domain generalization (a global
optimum over the 12,960-node lattice). Timed: `anonymize()` (prepare + search + the
lazy plan) and `anonymize()` plus collecting the released frame; the ratio uses the
latter, so both tools are timed up to a materialised output. `result.seconds` is the
search alone.

anjana. `anjana.anonymity.k_anonymity(data, ident, quasi_ident, k, supp_level,
hierarchies)` (anjana/anonymity/_k_anonymity.py) is a one-line wrapper returning the
first value of `k_anonymity_inner(...)`, which also returns the suppressed count and
the level it chose per attribute; the child calls `k_anonymity_inner` (same work) to
get those levels. Arguments: `ident=[]`, `supp_level=2` (anjana's unit is percent,
0-100), `hierarchies={attr: {0: originals, 1: level 1, ...}}` (one list per level,
aligned row by row: the ARX file's columns). Its algorithm is greedy, not a search:
until the smallest class has k records it (a) suppresses every class smaller than k
if those records are at most supp_level % of the table, else (b) raises by one level
the attribute that currently has the most distinct values (pycanon group-bys and a
Python loop per record). Suppressed records are DROPPED from its output (and a
column `index` is added by `reset_index()`; dropped here); veil keeps them with all
quasi-identifiers `*`. Timed: that call only, inside the child (reading the CSV and
building the hierarchy dict are not timed).

Checks, in veil's environment, on each released frame: `veil.risk.assess` over the 9
quasi-identifiers (records whose quasi-identifiers are all `*` are not counted, as
ARX does) gives the smallest class and the number of classes; suppressed records are
veil's all-`*` rows and, for anjana, the rows it dropped. anjana's output is scored
with veil's Loss at the levels anjana reports (veil's classes and suppression at that
node, the same rule as anjana's: drop the classes smaller than k), after checking
that veil's class sizes at those levels equal the class sizes of anjana's output.

Each tool runs `--repeats` times per k (default 3) and the median is reported; a tool
whose run took over `--cap` seconds (default 600) is not run again for that k.
Output: one JSON line per measurement, then a Markdown table with the ratios.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import polars as pl

    from veil.hierarchy import Hierarchy

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out" / "anjana"
VENV = ROOT / ".venv-anjana"
REQUIREMENTS = BENCH / "requirements-anjana.txt"
ADULT = ROOT.parent / "shared" / "data" / "adult"
QUASI = ("sex", "age", "race", "marital-status", "education", "native-country",
         "workclass", "occupation", "salary-class")
SEED = 20261123
SUPPRESSION = 0.02  # veil: a share of the records; anjana: supp_level = 2 (percent)


# --- child: runs inside .venv-anjana ----------------------------------------------


def anjana_child(source: Path, hierarchy_dir: Path, target: Path, k: int,
                 supp_level: float, repeats: int, cap: float) -> None:
    """k-anonymise `source` with anjana `repeats` times; print one JSON line."""
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != BENCH]
    from importlib.metadata import version

    # only in .venv-anjana (no stubs there, and not installed in veil's environment)
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    from anjana.anonymity import k_anonymity_inner  # type: ignore[import-not-found, unused-ignore]

    frame = pd.read_csv(source, sep=";", dtype=str, keep_default_na=False)
    quasi = list(QUASI)
    seconds: list[float] = []
    output = None
    suppressed = 0
    levels: dict[str, int] = {}
    for _ in range(repeats):
        hierarchies: dict[str, dict[int, list[str]]] = {}
        for attribute in quasi:
            table = pd.read_csv(hierarchy_dir / f"adult_hierarchy_{attribute}.csv", sep=";",
                                header=None, dtype=str, keep_default_na=False)
            hierarchies[attribute] = {int(level): table[level].tolist()
                                      for level in table.columns}
        started = time.perf_counter()
        output, suppressed, levels = k_anonymity_inner(frame, [], quasi, k, supp_level,
                                                       hierarchies)
        seconds.append(time.perf_counter() - started)
        if seconds[-1] > cap:
            break
    assert output is not None
    output = output.drop(columns=["index"], errors="ignore")
    output.to_csv(target, sep=";", index=False)
    print(json.dumps({
        "anjana": version("anjana"), "pycanon": version("pycanon"),
        "pandas": pd.__version__, "numpy": version("numpy"),
        "seconds": seconds, "rows_out": len(output), "suppressed": int(suppressed),
        "levels": {q: int(levels[q]) for q in quasi},
    }))


# --- parent: runs in veil's environment -------------------------------------------


def sample(rows: int) -> Path:
    """Adult sampled with replacement to `rows` rows (fixed seed), as a `;` CSV."""
    import polars as pl

    target = OUT / f"adult_{rows}_seed{SEED}.csv"
    if not target.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        adult = pl.read_csv(ADULT / "adult.csv", separator=";", infer_schema=False)
        adult.sample(n=rows, with_replacement=True, seed=SEED).write_csv(target, separator=";")
    return target


def anjana_python() -> Path:
    """.venv-anjana's interpreter, created and installed when needed."""
    python = VENV / "bin" / "python"
    stamp = VENV / "requirements.sha256"
    digest = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if python.exists() and stamp.exists() and stamp.read_text() == digest:
        return python
    if not python.exists():
        base = shutil.which("python3.11") or shutil.which("python3") or sys.executable
        subprocess.run([base, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", "-r", str(REQUIREMENTS)], check=True)
    stamp.write_text(digest)
    return python


def hierarchies() -> dict[str, Hierarchy]:
    from veil.hierarchy import read_arx_csv

    return {q: read_arx_csv(ADULT / f"adult_hierarchy_{q}.csv", q) for q in QUASI}


def verify(frame: pl.DataFrame | pl.LazyFrame) -> dict[str, int]:
    """Smallest class, classes and all-`*` records of a released frame (veil.risk)."""
    from veil.risk import assess

    classes = assess(frame, quasi=QUASI, pairs=False).classes
    return {"smallest": int(classes.smallest), "classes": int(classes.classes),
            "all_star_rows": int(classes.suppressed), "records": int(classes.records)}


def run_veil(source: Path, k: int, repeats: int, cap: float) -> dict[str, Any]:
    """veil's `anonymize()` on `source`, `repeats` times in this process."""
    import polars as pl

    from veil.anonymize import KAnonymity, anonymize

    frame = pl.read_csv(source, separator=";", infer_schema=False)
    tree = hierarchies()
    calls: list[float] = []
    totals: list[float] = []
    searches: list[float] = []
    released: pl.DataFrame | None = None
    outcome = None
    for _ in range(repeats):
        started = time.perf_counter()
        outcome = anonymize(frame, quasi=QUASI, hierarchies=tree, models=[KAnonymity(k)],
                            suppression=SUPPRESSION, metric="loss")
        called = time.perf_counter()
        assert outcome.data is not None, "veil found no solution"
        released = outcome.data.collect()
        done = time.perf_counter()
        calls.append(called - started)
        totals.append(done - started)
        searches.append(outcome.result.seconds)
        if totals[-1] > cap:
            break
    assert outcome is not None and released is not None and outcome.result.best is not None
    best = outcome.result.best
    check = verify(released)
    assert check["all_star_rows"] == best.suppressed, (check, best)
    return {
        "tool": "veil", "k": k, "runs": len(totals),
        "wall_seconds": statistics.median(totals),
        "anonymize_seconds": statistics.median(calls),
        "search_seconds": statistics.median(searches),
        "all_wall_seconds": [round(t, 3) for t in totals],
        "levels": dict(zip(QUASI, best.levels, strict=True)),
        "smallest": check["smallest"], "classes": check["classes"],
        "suppressed": check["all_star_rows"], "loss": best.score,
        "evaluated": outcome.result.evaluated, "method": outcome.result.method,
    }


def run_anjana(source: Path, k: int, repeats: int, cap: float) -> dict[str, Any]:
    """anjana's k-anonymity on `source`, in its own environment, in a child process."""
    import numpy as np
    import polars as pl

    from veil.anonymize import KAnonymity
    from veil.anonymize.classes import from_prepared
    from veil.anonymize.prepare import prepare
    from veil.anonymize.search import evaluate
    from veil.anonymize.utility import Loss

    python = anjana_python()
    target = OUT / f"anjana_{source.stem}_k{k}.csv"
    cmd = [str(python), str(Path(__file__).resolve()), "--child", str(source), str(ADULT),
           str(target), "--k", str(k), "--supp-level", str(SUPPRESSION * 100),
           "--repeats", str(repeats), "--cap", str(cap)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"anjana's child exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    child = json.loads(proc.stdout.strip().splitlines()[-1])
    released = pl.read_csv(target, separator=";", infer_schema=False)
    check = verify(released)
    frame = pl.read_csv(source, separator=";", infer_schema=False)
    levels = tuple(child["levels"][q] for q in QUASI)
    prepared = prepare(frame, quasi=QUASI, hierarchies=hierarchies())
    evaluation = evaluate(prepared, from_prepared(prepared, levels), [KAnonymity(k)])
    kept = np.sort(evaluation.classes.counts[evaluation.ok])
    observed = np.sort(released.group_by(list(QUASI)).len()["len"].to_numpy())
    same_node = (evaluation.suppressed == child["suppressed"]
                 and check["all_star_rows"] == 0 and np.array_equal(kept, observed))
    return {
        "tool": "anjana", "k": k, "runs": len(child["seconds"]),
        "wall_seconds": statistics.median(child["seconds"]),
        "all_wall_seconds": [round(t, 3) for t in child["seconds"]],
        "levels": child["levels"],
        "smallest": check["smallest"], "classes": check["classes"],
        "suppressed": frame.height - released.height + check["all_star_rows"],
        "loss": Loss().score(evaluation, prepared) if same_node else None,
        "output_matches_levels": bool(same_node),
        "versions": {n: child[n] for n in ("anjana", "pycanon", "pandas", "numpy")},
    }


def table(rows: Sequence[dict[str, Any]], n: int) -> str:
    lines = ["| tool | k | wall s (median) | runs | min class | classes | suppressed rows "
             "| Loss | levels (sex, age, race, marital, education, country, workclass, "
             "occupation, salary) |", "|" + " --- |" * 9]
    for r in rows:
        loss = "n/a" if r["loss"] is None else f"{r['loss']:.4f}"
        levels = "[" + ",".join(str(r["levels"][q]) for q in QUASI) + "]"
        lines.append(f"| {r['tool']} | {r['k']} | {r['wall_seconds']:.2f} | {r['runs']} "
                     f"| {r['smallest']} | {r['classes']} "
                     f"| {r['suppressed']} ({r['suppressed'] / n:.2%}) | {loss} | {levels} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--k", type=int, nargs="+", default=[5, 10])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--cap", type=float, default=600.0,
                        help="a run longer than this many seconds is not repeated")
    parser.add_argument("--supp-level", type=float, default=SUPPRESSION * 100,
                        help=argparse.SUPPRESS)
    parser.add_argument("--child", nargs=3, type=Path, metavar=("CSV", "HIERARCHIES", "OUT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        source, hierarchy_dir, target = args.child
        anjana_child(source, hierarchy_dir, target, args.k[0], args.supp_level, args.repeats,
                     args.cap)
        return

    import polars as pl

    source = sample(args.rows)
    print(json.dumps({"machine": f"{platform.machine()}, {os.cpu_count()} cores",
                      "python": platform.python_version(), "polars": pl.__version__,
                      "rows": args.rows, "seed": SEED, "input": str(source),
                      "load_average_start": os.getloadavg()}), flush=True)
    results: list[dict[str, Any]] = []
    ratios: dict[str, float] = {}
    for k in args.k:
        veil = run_veil(source, k, args.repeats, args.cap)
        print(json.dumps(veil), flush=True)
        anjana = run_anjana(source, k, args.repeats, args.cap)
        print(json.dumps(anjana), flush=True)
        results += [veil, anjana]
        ratios[f"k={k}"] = round(anjana["wall_seconds"] / veil["wall_seconds"], 1)
    print(json.dumps({"ratio_anjana_over_veil": ratios,
                      "load_average_end": os.getloadavg()}), flush=True)
    print()
    print(table(results, args.rows))


if __name__ == "__main__":
    main()
