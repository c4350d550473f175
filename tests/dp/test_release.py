"""DP releases through the engine: accuracy as stated, truncation, guard rails, the ledger.

The statistical tests plan each query once (OpenDP calibration) and then invoke
the same OpenDP measurement many times on fixed data: the stated 95 % interval
must hold the true value in at least 90 % of 200 runs, and values must vary.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pytest

from veil.dp import engine
from veil.dp.release import release
from veil.dp.results import interpret
from veil.dp.spec import ReleaseSpec
from veil.errors import PolicyError, PrivacyBudgetError

RUNS = 200


def _frame(patients: int = 3000, rows_each: int = 2, seed: int = 7) -> pl.DataFrame:
    """Every patient has exactly `rows_each` rows: truncation at that bound changes nothing."""
    rng = np.random.default_rng(seed)
    n = patients * rows_each
    return pl.DataFrame({
        "pid": [f"P{i:05d}" for i in range(patients) for _ in range(rows_each)],
        "dx": rng.choice(["A", "B", "C"], n).tolist(),
        "stay": rng.uniform(0, 30, n).round(2).tolist(),
    })


def _spec(queries: list[dict[str, Any]], *, release_loss: dict[str, float] | None = None,
          budget: dict[str, float] | None = None, **extra: Any) -> ReleaseSpec:
    return ReleaseSpec.model_validate({
        "dataset": "test", "privacy_unit": {"column": "pid", "max_contributions": 2},
        "budget": budget or {"epsilon": 100.0}, "release": release_loss or {"epsilon": 1.0},
        "max_rows": 10_000_000, "queries": queries, **extra})


def _ledger(tmp_path: Path, source: Path, spec: ReleaseSpec) -> str:
    """A ledger the custodian created, with `spec.dataset` registered for `source`."""
    from veil.dp.ledger import Ledger
    from veil.io.read import open_dataset

    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    with Ledger.create(url) as ledger:
        unit = spec.privacy_unit.column
        ledger.register(spec.dataset, spec.budget.to_loss(), actor="custodian", unit=unit,
                        fingerprint=ledger.fingerprint(open_dataset(source).frame, unit))
    return url


def _repeat(data: pl.DataFrame, spec: ReleaseSpec) -> list[list[dict[str, Any]]]:
    """Plan once, then run every query's measurement RUNS times: rows of each run."""
    plan = engine.plan(engine.prepare(data.lazy(), spec), spec)
    frame = plan.truncate(engine.prepare(data.lazy(), spec)).lazy()
    runs = []
    for _ in range(RUNS):
        rows = []
        for item in plan.queries:
            released = item.measurement(frame).collect()
            rows.append(interpret(item, released, spec.confidence).table.to_dicts())
        runs.append(rows)
    return runs


def _covered(rows: list[dict[str, Any]], truth: float) -> bool:
    return rows[0]["lower"] is not None and rows[0]["lower"] <= truth <= rows[0]["upper"]


@pytest.mark.parametrize("loss", [{"epsilon": 1.0}, {"rho": 0.05}])
def test_count_and_mean_intervals_hold(loss: dict[str, float]) -> None:
    data = _frame()
    spec = _spec([{"name": "n", "kind": "count"},
                  {"name": "stay", "kind": "mean", "column": "stay", "bounds": [0, 30]}],
                 release_loss=loss, budget={k: 100 * v for k, v in loss.items()})
    runs = _repeat(data, spec)
    true_count, true_mean = data.height, float(data["stay"].mean())  # type: ignore[arg-type]
    count_hits = sum(_covered(run[0], true_count) for run in runs)
    mean_hits = sum(_covered(run[1], true_mean) for run in runs)
    assert count_hits >= 0.90 * RUNS, count_hits
    assert mean_hits >= 0.90 * RUNS, mean_hits
    # the noise is real: values differ from run to run, and from the truth
    assert len({run[0][0]["value"] for run in runs}) > 10
    assert any(run[0][0]["value"] != true_count for run in runs)


def test_grouped_counts_hold_per_category() -> None:
    data = _frame()
    spec = _spec([{"name": "dx", "kind": "count_by", "by": ["dx"],
                   "domain": {"dx": ["A", "B", "C", "D"]}}])
    truth = dict(data.group_by("dx").len().iter_rows())
    runs = _repeat(data, spec)
    for category in ("A", "B", "C", "D"):
        hits = 0
        for run in runs:
            row = next(r for r in run[0] if r["dx"] == category)
            hits += row["lower"] <= truth.get(category, 0) <= row["upper"]
        assert hits >= 0.90 * RUNS, (category, hits)


def test_contributions_are_truncated_to_the_bound() -> None:
    """One patient with 5,000 rows moves the count by at most max_contributions (+ noise)."""
    data = pl.concat([_frame(patients=500, rows_each=1),
                      pl.DataFrame({"pid": ["HEAVY"] * 5000, "dx": ["A"] * 5000,
                                    "stay": [1.0] * 5000})])
    spec = _spec([{"name": "n", "kind": "count"}], release_loss={"epsilon": 9.0})
    prepared = engine.prepare(data.lazy(), spec)
    plan = engine.plan(prepared, spec)
    values = []
    for _ in range(20):  # a fresh random truncation each time, as in a release
        frame = plan.truncate(prepared).lazy()
        released = plan.queries[0].measurement(frame).collect()
        values.append(interpret(plan.queries[0], released, 0.95).table["value"][0])
    assert max(values) < 500 + 2 + 20  # scale 2/9: noise beyond 18 is impossible in practice
    assert min(values) > 500 - 20


def test_key_selection_hides_a_rare_category(tmp_path: Path) -> None:
    data = pl.concat([_frame(), pl.DataFrame({"pid": ["RARE1"], "dx": ["ZZ-one-patient"],
                                              "stay": [3.0]})])
    source = tmp_path / "data.csv"
    data.write_csv(source)
    spec = _spec([{"name": "dx", "kind": "count_by", "by": ["dx"], "key_selection": True}],
                 release_loss={"epsilon": 1.0, "delta": 1e-8},
                 budget={"epsilon": 10.0, "delta": 1e-6})
    outcome = release(source, spec, spec_text="x", out_dir=tmp_path / "out",
                      ledger_url=_ledger(tmp_path, source, spec), actor="tester")
    released = {row["dx"] for row in outcome.record["queries"][0]["rows"]}
    assert released == {"A", "B", "C"}
    assert outcome.record["queries"][0]["accuracy"]["threshold"] > 1
    for path in (tmp_path / "out").iterdir():
        text = path.read_text()
        assert "ZZ-one-patient" not in text and "RARE1" not in text and "P00001" not in text


def test_the_ledger_stops_a_release_past_the_budget(tmp_path: Path) -> None:
    source = tmp_path / "data.parquet"
    _frame(patients=200).write_parquet(source)
    spec = _spec([{"name": "n", "kind": "count"}], release_loss={"epsilon": 0.6},
                 budget={"epsilon": 1.0})
    ledger = _ledger(tmp_path, source, spec)
    first = release(source, spec, spec_text="x", out_dir=tmp_path / "one", ledger_url=ledger,
                    actor="tester")
    assert first.entry is not None
    # a count-only release reads no column but the unit: it must still count the rows
    assert abs(first.record["queries"][0]["rows"][0]["value"] - 400) < 60
    left = first.record["guarantee"]["ledger"]["left_after"]["epsilon"]
    assert left == pytest.approx(0.4)
    with pytest.raises(PrivacyBudgetError) as refused:
        release(source, spec, spec_text="x", out_dir=tmp_path / "two", ledger_url=ledger,
                actor="tester")
    assert "0.4" in str(refused.value)
    assert not (tmp_path / "two").exists()
    # a preview spends nothing, even with the budget exhausted
    preview = release(source, spec, spec_text="x", out_dir=tmp_path / "preview",
                      ledger_url=ledger, actor="tester", preview=True)
    assert preview.entry is None
    record = json.loads((tmp_path / "preview" / "preview.json").read_text())
    assert record["preview"] and record["queries"][0]["rows"][0]["true_value"] == 400


def test_a_failing_query_spends_nothing(tmp_path: Path) -> None:
    source = tmp_path / "data.csv"
    _frame(patients=50).write_csv(source)
    spec = ReleaseSpec.model_validate({
        "dataset": "test", "privacy_unit": {"column": "pid", "max_contributions": 2},
        "budget": {"epsilon": 1.0}, "release": {"epsilon": 1.0},
        "queries": [{"name": "s", "kind": "sum", "column": "stay", "bounds": [0, 30]}]})
    ledger = _ledger(tmp_path, source, spec)
    with pytest.raises(PolicyError, match="max_rows"):
        release(source, spec, spec_text="x", out_dir=tmp_path / "out", ledger_url=ledger,
                actor="tester")
    assert [e.kind for e in _entries(ledger)] == ["budget"]


def _entries(url: str) -> list[Any]:
    from veil.dp.ledger import Ledger

    with Ledger.open(url) as ledger:
        return ledger.entries()


@pytest.mark.parametrize(("change", "message"), [
    ({"release": {"epsilon": 20.0}, "budget": {"epsilon": 100.0}}, "above the cap of 10"),
    ({"release": {"rho": 5.0}, "budget": {"rho": 10.0}}, "above the cap of 10"),
])
def test_epsilon_above_the_cap_is_refused(tmp_path: Path, change: dict[str, Any],
                                          message: str) -> None:
    source = tmp_path / "data.csv"
    _frame(patients=20).write_csv(source)
    spec = ReleaseSpec.model_validate({
        "dataset": "test", "privacy_unit": {"column": "pid", "max_contributions": 2},
        "queries": [{"name": "n", "kind": "count"}], **change})
    with pytest.raises(PolicyError, match=message):
        release(source, spec, spec_text="x", out_dir=tmp_path / "out",
                ledger_url=f"sqlite:///{tmp_path / 'l.db'}", actor="tester")


def test_a_missing_column_and_non_numbers_are_named_without_values(tmp_path: Path) -> None:
    source = tmp_path / "data.csv"
    data = _frame(patients=20).with_columns(
        pl.when(pl.int_range(pl.len()) == 3).then(pl.lit("SECRET-VALUE"))
        .otherwise(pl.col("stay").cast(pl.String)).alias("stay"))
    data.write_csv(source)
    ledger = f"sqlite:///{tmp_path / 'l.db'}"
    spec = _spec([{"name": "n", "kind": "count"}])
    bad_unit = spec.model_copy(update={"privacy_unit": spec.privacy_unit.model_copy(
        update={"column": "patient"})})
    with pytest.raises(PolicyError, match="privacy unit column 'patient' is not in the data"):
        release(source, bad_unit, spec_text="x", out_dir=tmp_path / "o", ledger_url=ledger)
    spec = _spec([{"name": "m", "kind": "mean", "column": "stay", "bounds": [0, 30]}])
    with pytest.raises(PolicyError) as err:
        release(source, spec, spec_text="x", out_dir=tmp_path / "o", ledger_url=ledger)
    assert "1 values are not numbers" in str(err.value)
    assert "SECRET" not in str(err.value)


def test_weights_split_the_budget_and_every_share_is_used(tmp_path: Path) -> None:
    """Query i is calibrated to share i: weights 1 and 3 give noise scales 3 : 1."""
    source = tmp_path / "data.csv"
    _frame(patients=100).write_csv(source)
    spec = _spec([{"name": "light", "kind": "count"},
                  {"name": "heavy", "kind": "count", "weight": 3},
                  {"name": "dx", "kind": "count_by", "by": ["dx"],
                   "domain": {"dx": ["A", "B", "C"]}, "weight": 2}],
                 release_loss={"epsilon": 1.2})
    outcome = release(source, spec, spec_text="x", out_dir=tmp_path / "out",
                      ledger_url=_ledger(tmp_path, source, spec), actor="tester")
    scales = [q["accuracy"]["scale"] for q in outcome.record["queries"]]
    assert scales[0] == pytest.approx(3 * scales[1], rel=1e-6)
    assert scales[0] == pytest.approx(2 / 0.2, rel=1e-6)  # 2 rows per unit, epsilon 1.2/6
    shares = [q["budget_share"][0] for q in outcome.record["queries"]]
    assert sum(shares) <= 1.2 and shares == pytest.approx([0.2, 0.6, 0.4])


def test_boolean_and_integer_groups_match_their_yaml_domain(tmp_path: Path) -> None:
    source = tmp_path / "data.parquet"
    frame = _frame(patients=300).with_columns(
        (pl.col("stay") > 15).alias("long"), (pl.col("stay") // 10).cast(pl.Int64).alias("band"))
    frame.write_parquet(source)
    spec = _spec([{"name": "long", "kind": "count_by", "by": ["long"],
                   "domain": {"long": [True, False]}},
                  {"name": "band", "kind": "table", "by": ["band", "dx"],
                   "domain": {"band": [0, 1, 2], "dx": ["A", "B", "C"]}}],
                 release_loss={"epsilon": 8.0})
    outcome = release(source, spec, spec_text="x", out_dir=tmp_path / "out",
                      ledger_url=_ledger(tmp_path, source, spec), actor="tester")
    long_rows = outcome.record["queries"][0]["rows"]
    assert [r["long"] for r in long_rows] == ["true", "false"]
    assert sum(r["value"] for r in long_rows) == pytest.approx(600, abs=40)
    band_rows = outcome.record["queries"][1]["rows"]
    assert len(band_rows) == 9 and sum(r["value"] for r in band_rows) == pytest.approx(600, abs=60)


def test_concurrent_releases_never_pass_the_budget(tmp_path: Path) -> None:
    """Four releases race for a budget that holds two: exactly two land, two are refused
    with nothing written, and the ledger's chain holds."""
    from concurrent.futures import ThreadPoolExecutor

    from veil.dp.ledger import Ledger

    source = tmp_path / "data.parquet"
    _frame(patients=300).write_parquet(source)
    spec = _spec([{"name": "n", "kind": "count"}], release_loss={"epsilon": 0.5},
                 budget={"epsilon": 1.0})
    ledger = _ledger(tmp_path, source, spec)

    def attempt(i: int) -> str:
        try:
            release(source, spec, spec_text="x", out_dir=tmp_path / f"out{i}",
                    ledger_url=ledger, actor=f"analyst-{i}")
        except PrivacyBudgetError:
            return "refused"
        return "released"

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = sorted(pool.map(attempt, range(4)))
    assert outcomes == ["refused", "refused", "released", "released"]
    assert sum((tmp_path / f"out{i}").exists() for i in range(4)) == 2
    with Ledger.open(ledger) as opened:
        assert opened.verify().ok
        assert opened.remaining("test").epsilon == 0.0
