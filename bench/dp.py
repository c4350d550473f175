"""Benchmark: a DP release of 20 queries over 10M rows (issue 6), veil vs plain OpenDP.

Run by hand, not in CI:  .venv/bin/python bench/dp.py [--rows 10000000]
    [--skip veil veil-pure plain]

Data: --rows admissions of --rows/4 patients (cached Parquet under bench/out/):
patient_id, diagnosis (20 codes), region (8), sex, age, length_of_stay. The spec
has 20 queries (counts, grouped counts, a 3-way table, histograms, sums, means,
quantiles, one key-selection query), approximate DP (epsilon 1, delta 1e-7), user-level
with at most 5 rows per patient.

(a) veil: `veil.dp.release.release` end to end (checks, calibration, ledger
    charge, the 20 releases, outputs) in a child process, so its peak RSS is its own.
(b) plain OpenDP: the same 20 queries through `opendp.prelude` and the Context API
    as OpenDP's documentation writes them (`query.release().collect()`, which
    resolves each query with OpenDP's own float search), without veil's outputs.
Target: (a) under 30 s.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
DX = [f"D{i:02d}" for i in range(20)]
REGIONS = [f"R{i}" for i in range(8)]

SPEC = {
    "dataset": "bench-admissions",
    "privacy_unit": {"column": "patient_id", "max_contributions": 5},
    "budget": {"epsilon": 100.0, "delta": 1e-5},
    "release": {"epsilon": 1.0, "delta": 1e-7},
    "max_rows": 100_000_000,
    "queries": [
        {"name": "rows", "kind": "count"},
        {"name": "by_dx", "kind": "count_by", "by": ["diagnosis"], "domain": {"diagnosis": DX}},
        {"name": "by_region", "kind": "count_by", "by": ["region"],
         "domain": {"region": REGIONS}},
        {"name": "by_sex", "kind": "count_by", "by": ["sex"], "domain": {"sex": ["F", "M"]}},
        {"name": "dx_region", "kind": "table", "by": ["diagnosis", "region"],
         "domain": {"diagnosis": DX, "region": REGIONS}},
        {"name": "dx_region_sex", "kind": "table", "by": ["diagnosis", "region", "sex"],
         "domain": {"diagnosis": DX, "region": REGIONS, "sex": ["F", "M"]}},
        {"name": "dx_selected", "kind": "count_by", "by": ["diagnosis"], "key_selection": True},
        {"name": "ages", "kind": "histogram", "column": "age",
         "bins": [0, 10, 20, 30, 40, 50, 60, 70, 80, 90]},
        {"name": "stays", "kind": "histogram", "column": "length_of_stay",
         "bins": [0, 1, 2, 3, 5, 8, 13, 21, 34]},
        {"name": "stay_total", "kind": "sum", "column": "length_of_stay", "bounds": [0, 60]},
        {"name": "age_total", "kind": "sum", "column": "age", "bounds": [0, 110]},
        {"name": "stay_mean", "kind": "mean", "column": "length_of_stay", "bounds": [0, 60]},
        {"name": "age_mean", "kind": "mean", "column": "age", "bounds": [0, 110]},
        {"name": "stay_by_dx", "kind": "mean", "column": "length_of_stay", "bounds": [0, 60],
         "by": ["diagnosis"], "domain": {"diagnosis": DX}},
        {"name": "age_by_region", "kind": "mean", "column": "age", "bounds": [0, 110],
         "by": ["region"], "domain": {"region": REGIONS}},
        {"name": "stay_sum_by_sex", "kind": "sum", "column": "length_of_stay",
         "bounds": [0, 60], "by": ["sex"], "domain": {"sex": ["F", "M"]}},
        {"name": "age_quartiles", "kind": "quantile", "column": "age",
         "quantiles": [0.25, 0.5, 0.75], "bounds": [0, 110], "candidates": 111},
        {"name": "stay_median", "kind": "quantile", "column": "length_of_stay",
         "quantiles": [0.5], "bounds": [0, 60], "candidates": 121},
        {"name": "age_p90", "kind": "quantile", "column": "age", "quantiles": [0.9],
         "bounds": [0, 110], "candidates": 111},
        {"name": "sex_region", "kind": "table", "by": ["sex", "region"],
         "domain": {"sex": ["F", "M"], "region": REGIONS}},
    ],
}


def data(rows: int) -> Path:
    """The cached benchmark table."""
    path = OUT / f"dp_admissions_{rows}.parquet"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(2026)
    patients = max(1, rows // 4)
    pl.DataFrame({
        "patient_id": pl.Series(rng.integers(0, patients, rows)).cast(pl.String),
        "diagnosis": pl.Series(rng.choice(np.array(DX), rows)),
        "region": pl.Series(rng.choice(np.array(REGIONS), rows)),
        "sex": pl.Series(rng.choice(np.array(["F", "M"]), rows)),
        "age": pl.Series(rng.integers(0, 100, rows)),
        "length_of_stay": pl.Series(rng.gamma(2.0, 3.0, rows).round(1)),
    }).write_parquet(path)
    return path


def pure_spec() -> dict[str, object]:
    """The spec in pure DP without the key-selection query (what plain OpenDP's compositor
    can split: with (epsilon, delta) it stops on "unknown ordering", see BENCHMARKS.md)."""
    queries = [q for q in SPEC["queries"] if not q.get("key_selection")]  # type: ignore[union-attr]
    return {**SPEC, "budget": {"epsilon": 100.0}, "release": {"epsilon": 1.0},
            "queries": queries}


def veil_child(path: str, pure: bool) -> None:
    from veil.dp.release import release
    from veil.dp.spec import ReleaseSpec

    spec = ReleaseSpec.model_validate(pure_spec() if pure else SPEC)
    with tempfile.TemporaryDirectory() as tmp:
        _custodian(f"sqlite:///{tmp}/ledger.db", Path(path), spec)  # once, not timed
        started = time.perf_counter()
        release(Path(path), spec, spec_text=json.dumps(SPEC), out_dir=Path(tmp) / "out",
                ledger_url=f"sqlite:///{tmp}/ledger.db", actor="bench")
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak}))


def _custodian(url: str, path: Path, spec: object) -> None:
    """`veil ledger init` and `veil ledger register` for the release's dataset."""
    from veil.dp.ledger import Ledger
    from veil.dp.spec import ReleaseSpec

    assert isinstance(spec, ReleaseSpec)
    unit = spec.privacy_unit.column
    with Ledger.create(url) as ledger:
        ledger.register(spec.dataset, spec.budget.to_loss(), actor="bench", unit=unit,
                        fingerprint=ledger.fingerprint(pl.scan_parquet(path), unit))


def plain_child(path: str) -> None:
    """The same queries (pure DP) in plain OpenDP, as its documentation writes them."""
    import opendp.prelude as dp

    dp.enable_features("contrib")
    started = time.perf_counter()
    lf = pl.scan_parquet(path).with_columns(pl.col("age").cast(pl.Float64),
                                            pl.col("length_of_stay").cast(pl.Float64))
    ctx = dp.Context.compositor(
        data=lf, privacy_unit=dp.unit_of(contributions=1, identifier=pl.col("patient_id")),
        privacy_loss=dp.loss_of(epsilon=1.0), split_evenly_over=len(pure_spec()["queries"]),
        margins=[dp.polars.Margin(by=(), max_length=100_000_000)])
    calibrate = 0.0
    for query in pure_spec()["queries"]:  # type: ignore[attr-defined]
        assert isinstance(query, dict)
        built = _plain_query(dp, ctx.query().truncate_per_group(5), query)
        t = time.perf_counter()
        measurement = built.resolve()
        calibrate += time.perf_counter() - t
        ctx(measurement).collect()
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "calibration_seconds": calibrate, "peak_mb": peak}))


def _plain_query(dp: object, base: object, q: dict[str, object]) -> object:
    d = dp  # the prelude module
    b = base
    count = d.len(signed=False)  # type: ignore[attr-defined]
    kind = q["kind"]
    if kind == "count":
        return b.select(count)  # type: ignore[attr-defined]
    if kind in ("count_by", "table"):
        grouped = b.group_by(*q["by"]).agg(count)  # type: ignore[attr-defined]
        if q.get("key_selection"):
            return grouped
        keys = None
        for c in q["by"]:  # type: ignore[attr-defined]
            part = pl.DataFrame({c: q["domain"][c]})  # type: ignore[index]
            keys = part if keys is None else keys.join(part, how="cross")
        return grouped.with_keys(keys)
    column = pl.col(str(q["column"]))
    if kind == "histogram":
        from veil.dp.engine import bin_labels

        edges = list(q["bins"])  # type: ignore[call-overload]
        labels = bin_labels(edges)
        keys = pl.DataFrame({"bin": labels}, schema={"bin": pl.Categorical})
        cut = column.cut(edges, labels=labels, left_closed=True).alias("bin")
        return b.with_columns(cut).group_by("bin").agg(count).with_keys(  # type: ignore[attr-defined]
            keys)
    bounds = tuple(float(x) for x in q["bounds"])  # type: ignore[attr-defined]
    if kind == "quantile":
        lo, hi = bounds
        n = int(q["candidates"])  # type: ignore[call-overload]
        cands = [lo + i * (hi - lo) / (n - 1) for i in range(n)]
        return b.select(*[column.dp.quantile(a, cands).alias(f"q{i}")  # type: ignore[attr-defined]
                          for i, a in enumerate(q["quantiles"])])  # type: ignore[arg-type]
    aggs = [column.dp.sum(bounds)]  # type: ignore[attr-defined]
    if kind == "mean":
        aggs.append(count)
    if not q.get("by"):
        return b.select(*aggs)  # type: ignore[attr-defined]
    part = pl.DataFrame({q["by"][0]: q["domain"][q["by"][0]]})  # type: ignore[index]
    return b.group_by(*q["by"]).agg(*aggs).with_keys(part)  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--skip", nargs="*", default=[])
    parser.add_argument("--child", choices=["veil", "plain"])
    parser.add_argument("--pure", action="store_true",
                        help="veil on the pure-DP spec of 19 queries (as plain OpenDP runs)")
    parser.add_argument("--path")
    args = parser.parse_args()
    if args.child == "veil":
        veil_child(args.path, args.pure)
        return
    if args.child == "plain":
        plain_child(args.path)
        return
    path = data(args.rows)
    print(f"{platform.node()} {os.cpu_count()} cores; {args.rows:,} rows, 20 queries")
    runs = [("veil", []), ("veil-pure", ["--pure"]), ("plain", [])]
    for label, extra in runs:
        if label in args.skip:
            continue
        child = label.split("-")[0]
        done = subprocess.run([sys.executable, __file__, "--child", child, "--path", str(path),
                               *extra], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"{label}: failed\n{done.stderr[-2000:]}")
            continue
        print(label, done.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
