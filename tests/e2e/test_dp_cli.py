"""`veil dp` and `veil ledger` as a user runs them: spec and quick releases, refusals, leaks."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from tests.e2e.cli import run_cli

PLANTED = "Zelda-Quixote-7781"  # a planted identifier: must appear nowhere veil writes


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = np.random.default_rng(11)
    n = 6000
    frame = pl.DataFrame({
        "patient_id": [f"P{i % 2500:05d}" for i in range(n)],
        "name": rng.choice(["Ann", "Bob", PLANTED], n).tolist(),
        "diagnosis": rng.choice(["I10", "E11", "J45"], n).tolist(),
        "age": rng.integers(0, 100, n).tolist(),
        "stay": rng.uniform(0, 20, n).round(1).tolist(),
    })
    path = tmp_path_factory.mktemp("dp") / "admissions.csv"
    frame.write_csv(path)
    return path


SPEC = """\
dataset: admissions
privacy_unit: {column: patient_id, max_contributions: 3}
budget: {epsilon: 2.0}
release: {epsilon: 1.0}
max_rows: 1000000
queries:
  - {name: patients, kind: count}
  - {name: by_dx, kind: count_by, by: [diagnosis], domain: {diagnosis: [I10, E11, J45]}}
  - {name: stay, kind: mean, column: stay, bounds: [0, 20]}
  - {name: ages, kind: histogram, column: age, bins: [0, 18, 65, 90]}
  - {name: age_median, kind: quantile, column: age, quantiles: [0.5], bounds: [0, 100]}
"""


def custodian(capsys: pytest.CaptureFixture[str], tmp_path: Path, data: Path,
              dataset: str = "admissions", *total: str) -> str:
    """`veil ledger init` and `veil ledger register` as the custodian runs them: the URL."""
    ledger = f"sqlite:///{tmp_path / 'ledger.db'}"
    made = run_cli(capsys, "ledger", "init", "--ledger", ledger)
    assert made.code == 0, made
    registered = run_cli(capsys, "ledger", "register", dataset, str(data), "--unit",
                         "patient_id", *(total or ("--epsilon", "2")), "--ledger", ledger)
    assert registered.code == 0, registered
    assert f"registered dataset {dataset!r}" in registered.stdout
    return ledger


def test_spec_release_then_budget_runs_out(data: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "release.yaml"
    spec.write_text(SPEC)
    ledger = custodian(capsys, tmp_path, data)
    first = run_cli(capsys, "dp", str(data), "--spec", str(spec), "-o", str(tmp_path / "r1"),
                    "--ledger", ledger)
    assert first.code == 0, first
    assert "budget left for this dataset: epsilon 1" in first.stdout
    out = tmp_path / "r1"
    assert {p.name for p in out.iterdir()} == {
        "release.json", "report.html", "manifest.json", "patients.csv", "by_dx.csv",
        "stay.csv", "ages.csv", "age_median.csv"}
    record = json.loads((out / "release.json").read_text())
    assert record["guarantee"]["unit_of_privacy"]["column"] == "patient_id"
    assert [r["diagnosis"] for r in record["queries"][1]["rows"]] == ["I10", "E11", "J45"]
    assert "<svg" in (out / "report.html").read_text()
    assert run_cli(capsys, "dp", str(data), "--spec", str(spec), "-o", str(tmp_path / "r2"),
                   "--ledger", ledger).code == 0
    third = run_cli(capsys, "dp", str(data), "--spec", str(spec), "-o", str(tmp_path / "r3"),
                    "--ledger", ledger)
    assert third.code == 2
    assert "left" in third.stderr and len(third.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "r3").exists()
    shown = run_cli(capsys, "ledger", "show", "--ledger", ledger, "--json")
    entries = json.loads(shown.stdout)["entries"]
    assert [e["kind"] for e in entries] == ["budget", "release", "release"]
    assert run_cli(capsys, "ledger", "verify", "--ledger", ledger).code == 0
    for path in [*out.iterdir(), *tmp_path.glob("ledger.db*")]:
        assert PLANTED.encode() not in path.read_bytes()
        assert b"P00001" not in path.read_bytes()


def test_quick_release_json(data: Path, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_cli(capsys, "dp", str(data), "--unit", "patient_id", "--max-contributions",
                      "3", "--epsilon", "1", "--budget", "3", "--count-by", "diagnosis",
                      "--domain", "I10,E11,J45,Z99", "--ledger",
                      custodian(capsys, tmp_path, data, "admissions", "--epsilon", "3"),
                      "-o", str(tmp_path / "q"), "--json")
    assert outcome.code == 0, outcome
    released = json.loads(outcome.stdout)
    rows = released["queries"]["count_by_diagnosis"]["rows"]
    assert [r["diagnosis"] for r in rows] == ["I10", "E11", "J45", "Z99"]
    assert all(r["lower"] <= r["value"] <= r["upper"] for r in rows)
    assert "epsilon = 1" in released["guarantee"]


def test_preview_shows_truth_and_spends_nothing(data: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "release.yaml"
    spec.write_text(SPEC)
    ledger = tmp_path / "ledger.db"
    outcome = run_cli(capsys, "dp", str(data), "--spec", str(spec), "-o", str(tmp_path / "p"),
                      "--ledger", f"sqlite:///{ledger}", "--preview")
    assert outcome.code == 0, outcome
    assert "NOT FOR RELEASE" in outcome.stdout
    record = json.loads((tmp_path / "p" / "preview.json").read_text())
    assert record["queries"][0]["rows"][0]["true_value"] == 6000
    assert "NOT FOR RELEASE" in (tmp_path / "p" / "preview.html").read_text()
    assert not ledger.exists()


@pytest.mark.parametrize(("edit", "message"), [
    ("queries:\n  - {name: n, kind: count, colour: red}\n",
     "line 7: queries.0.colour: unknown option"),
    ("queries:\n  - {name: s, kind: sum, column: stay}\n", "needs 'bounds"),
    ("queries:\n  - {name: d, kind: count_by, by: [diagnosis]}\n", "no public domain"),
    ("queries:\n  - {name: d, kind: count_by, by: [diagnosis], key_selection: true}\n",
     "needs delta"),
    ("queries:\n  - {name: d, kind: count_by, by: [patient_id], domain: {patient_id: [x]}}\n",
     "privacy unit"),
    ("queries: [\n", "line"),
])
def test_invalid_specs_are_one_line_errors(data: Path, tmp_path: Path, edit: str, message: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text(SPEC.split("queries:")[0] + edit)
    outcome = run_cli(capsys, "dp", str(data), "--spec", str(spec), "-o", str(tmp_path / "o"),
                      "--ledger", f"sqlite:///{tmp_path / 'l.db'}")
    assert outcome.code == 2, outcome
    assert message in outcome.stderr, outcome.stderr
    assert len(outcome.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "o").exists()


def test_quick_release_needs_its_options(data: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_cli(capsys, "dp", str(data), "--unit", "patient_id", "-o", str(tmp_path / "o"))
    assert outcome.code == 2
    assert "--max-contributions" in outcome.stderr
    unit = run_cli(capsys, "dp", str(data), "--unit", "nobody", "--max-contributions", "2",
                   "--epsilon", "1", "--budget", "2", "--count-by", "diagnosis", "--domain",
                   "I10", "-o", str(tmp_path / "o"), "--ledger", f"sqlite:///{tmp_path}/l.db")
    assert unit.code == 2 and "'nobody' is not in the data" in unit.stderr


def test_a_tampered_ledger_is_named(data: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    ledger = tmp_path / "ledger.db"
    custodian(capsys, tmp_path, data, "admissions", "--epsilon", "1")
    args = ["--unit", "patient_id", "--max-contributions", "3", "--epsilon", "0.5",
            "--budget", "1", "--count-by", "diagnosis", "--domain", "I10,E11,J45",
            "--ledger", f"sqlite:///{ledger}"]
    assert run_cli(capsys, "dp", str(data), *args, "-o", str(tmp_path / "a")).code == 0
    with sqlite3.connect(ledger) as conn:  # give back budget by editing a release's spend
        conn.execute("update veil_dp_entries set epsilon = 0.01 where seq = 2")
    conn.close()
    verified = run_cli(capsys, "ledger", "verify", "--ledger", f"sqlite:///{ledger}")
    assert verified.code == 1 and "entry 2" in verified.stderr
    again = run_cli(capsys, "dp", str(data), *args, "-o", str(tmp_path / "b"))
    assert again.code == 2 and "verification" in again.stderr
    assert not (tmp_path / "b").exists()


QUICK = {"--unit": "patient_id", "--max-contributions": "3", "--epsilon": "0.5",
         "--budget": "1", "--count-by": "diagnosis", "--domain": "I10,E11,J45"}


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--epsilon", "0", "--epsilon must be a finite number greater than 0; got 0"),
    ("--epsilon", "-1", "--epsilon must be a finite number greater than 0"),
    ("--epsilon", "nan", "--epsilon must be a finite number greater than 0"),
    ("--epsilon", "inf", "--epsilon must be a finite number greater than 0"),
    ("--budget", "0", "--budget must be a finite number greater than 0; got 0"),
    ("--budget", "-2", "--budget must be a finite number greater than 0"),
    ("--budget", "inf", "--budget must be a finite number greater than 0"),
    ("--max-contributions", "0", "--max-contributions must be a whole number from 1"),
    ("--max-contributions", "-3", "--max-contributions must be a whole number from 1"),
    ("--max-contributions", "100001", "--max-contributions must be a whole number from 1"),
    ("--delta", "0", "--delta must be a number strictly between 0 and 1; got 0"),
    ("--delta", "1", "--delta must be a number strictly between 0 and 1"),
    ("--budget-delta", "0", "--budget-delta must be a number strictly between 0 and 1"),
    ("--budget-delta", "nan", "--budget-delta must be a number strictly between 0 and 1"),
])
def test_every_numeric_quick_option_is_checked(data: Path, tmp_path: Path, option: str,
                                               value: str, message: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """A zero, negative, infinite or NaN amount is a usage error (exit 2) naming the option,
    never an internal error; nothing is written."""
    options = QUICK | {option: value}
    if option in ("--delta", "--budget-delta"):  # both or neither: the other one is valid
        options = {"--delta": "1e-8", "--budget-delta": "1e-6"} | options
    args = [item for pair in options.items() for item in pair]
    outcome = run_cli(capsys, "dp", str(data), *args, "-o", str(tmp_path / "o"),
                      "--ledger", f"sqlite:///{tmp_path / 'l.db'}")
    assert outcome.code == 2, outcome
    assert message in outcome.stderr, outcome.stderr
    assert "internal error" not in outcome.stderr
    assert not (tmp_path / "o").exists()


def test_another_name_or_export_of_the_same_data_gets_no_fresh_budget(
        data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The attack of issue 12: the budget ran out, then the same file under another dataset
    name (or a re-export of it) got a fresh budget. Now the data is recognized."""
    ledger = custodian(capsys, tmp_path, data, "admissions", "--epsilon", "1")
    monkeypatch.setenv("VEIL_DP_LEDGER", ledger)  # the custodian's choice, for every command
    args = [item for pair in (QUICK | {"--epsilon": "1"}).items() for item in pair]
    assert run_cli(capsys, "dp", str(data), *args, "-o", str(tmp_path / "a")).code == 0
    spent = run_cli(capsys, "dp", str(data), *args, "-o", str(tmp_path / "b"))
    assert spent.code == 2 and "too little privacy budget" in spent.stderr
    renamed = run_cli(capsys, "dp", str(data), *args, "--dataset", "admissions-copy",
                      "-o", str(tmp_path / "c"))
    assert renamed.code == 2, renamed
    assert "registered as dataset 'admissions'" in renamed.stderr
    export = tmp_path / "export.parquet"
    pl.read_csv(data).reverse().select("diagnosis", "age", "patient_id").write_parquet(export)
    exported = run_cli(capsys, "dp", str(export), *args, "-o", str(tmp_path / "d"))
    assert exported.code == 2 and "registered as dataset 'admissions'" in exported.stderr
    again = run_cli(capsys, "ledger", "register", "export", str(export), "--unit",
                    "patient_id", "--epsilon", "5")
    assert again.code == 2 and "already registered as dataset 'admissions'" in again.stderr
    for out in ("b", "c", "d"):
        assert not (tmp_path / out).exists()
    shown = json.loads(run_cli(capsys, "ledger", "show", "--json").stdout)
    assert [e["kind"] for e in shown["entries"]] == ["budget", "release"]
    assert PLANTED not in json.dumps(shown) and "P00001" not in json.dumps(shown)


def test_a_release_needs_the_custodians_ledger(data: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    args = [item for pair in QUICK.items() for item in pair]
    unnamed = run_cli(capsys, "dp", str(data), *args, "-o", str(tmp_path / "o"))
    assert unnamed.code == 2 and "no budget ledger named" in unnamed.stderr
    elsewhere = run_cli(capsys, "dp", str(data), *args, "-o", str(tmp_path / "o"),
                        "--ledger", f"sqlite:///{tmp_path}/new/dir/ledger.db")
    assert elsewhere.code == 2 and "veil ledger init" in elsewhere.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.parametrize("where", ["missing.db", "dir/missing.db", "clinic.db", "notes.txt"])
def test_verify_and_show_refuse_what_is_not_a_ledger(tmp_path: Path, where: str,
                                                     capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    """`veil ledger verify` on a wrong path or an unrelated database used to create the
    ledger's tables there and say "intact"."""
    import sqlite3

    clinic = tmp_path / "clinic.db"
    with sqlite3.connect(clinic) as conn:
        conn.execute("create table patients (mrn text)")
    conn.close()
    (tmp_path / "notes.txt").write_text("hello\n")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    for command in ("verify", "show"):
        outcome = run_cli(capsys, "ledger", command, "--ledger", str(tmp_path / where))
        assert outcome.code == 2, outcome
        assert "intact" not in outcome.stdout
        assert "ledger" in outcome.stderr and len(outcome.stderr.strip().splitlines()) == 1
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_ledger_init_and_register_refusals(data: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    ledger = f"sqlite:///{tmp_path / 'ledger.db'}"
    assert run_cli(capsys, "ledger", "init", "--ledger", ledger).code == 0
    twice = run_cli(capsys, "ledger", "init", "--ledger", ledger)
    assert twice.code == 2 and "already exists" in twice.stderr
    base = ["ledger", "register", "admissions", str(data), "--ledger", ledger]
    for extra, message in [
        (["--unit", "patient_id", "--epsilon", "0"], "--epsilon must be a finite number"),
        (["--unit", "patient_id", "--rho", "-1"], "--rho must be a finite number"),
        (["--unit", "patient_id", "--epsilon", "1", "--delta", "1"], "--delta must be"),
        (["--unit", "patient_id"], "--epsilon (pure or approximate DP) or --rho"),
        (["--unit", "patient_id", "--epsilon", "1", "--rho", "1"], "or --rho"),
        (["--unit", "nobody", "--epsilon", "1"], "'nobody' is not in the data"),
    ]:
        outcome = run_cli(capsys, *base, *extra)
        assert outcome.code == 2, (extra, outcome)
        assert message in outcome.stderr, (extra, outcome.stderr)
    bad_name = run_cli(capsys, "ledger", "register", "a b", str(data), "--unit", "patient_id",
                       "--epsilon", "1", "--ledger", ledger)
    assert bad_name.code == 2 and "dataset name" in bad_name.stderr
    shown = json.loads(run_cli(capsys, "ledger", "show", "--ledger", ledger, "--json").stdout)
    assert shown["entries"] == []


def test_a_deleted_release_with_a_recomputed_chain_is_caught(
        data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 12, high 2: deleting a release and recomputing the chain used to pass `veil
    ledger verify` and refund the budget. The witness beside the key names it."""
    import sqlite3

    from veil.chain import GENESIS, link_digest
    from veil.dp.ledger_store import _body

    ledger = custodian(capsys, tmp_path, data, "admissions", "--epsilon", "1")
    args = [item for pair in (QUICK | {"--epsilon": "0.5"}).items() for item in pair]
    for out in ("a", "b"):
        done = run_cli(capsys, "dp", str(data), *args, "--ledger", ledger, "-o",
                       str(tmp_path / out))
        assert done.code == 0, done
    with sqlite3.connect(tmp_path / "ledger.db") as conn:  # the attacker: no key needed
        conn.row_factory = sqlite3.Row
        rows = [dict(r) for r in conn.execute("select * from veil_dp_entries order by seq")]
        rows = [r for r in rows if r["seq"] != 3]
        previous = GENESIS
        for seq, row in enumerate(rows, start=1):
            row["seq"], row["previous"] = seq, previous
            row["digest"] = previous = link_digest(_body(row))
        conn.execute("delete from veil_dp_entries")
        conn.executemany(f"insert into veil_dp_entries ({', '.join(rows[0])}) values "
                         f"({', '.join('?' * len(rows[0]))})",
                         [tuple(r.values()) for r in rows])
        conn.execute("update veil_dp_head set seq = ?, digest = ?", (len(rows), previous))
    conn.close()
    verified = run_cli(capsys, "ledger", "verify", "--ledger", ledger)
    assert verified.code == 1, verified
    assert "BROKEN at entry 3" in verified.stderr and "rolled back" in verified.stderr
    refund = run_cli(capsys, "dp", str(data), *args, "--ledger", ledger, "-o",
                     str(tmp_path / "c"))
    assert refund.code == 2 and "fails verification" in refund.stderr
    assert not (tmp_path / "c").exists()
    shown = run_cli(capsys, "ledger", "show", "--ledger", ledger)
    assert shown.code == 2 and "fails verification" in shown.stderr
    anchored = run_cli(capsys, "ledger", "anchor", "--ledger", ledger)
    assert anchored.code == 2 and "already has a witness" in anchored.stderr
