"""Custody of the budget ledger (issue 12): budgets bound to the people in the data, not to a
dataset name; a ledger only where the custodian created one; its key file.

The attack first: the same data under another name (or re-exported) used to get a fresh
budget, a spec's `ledger:` could point anywhere, and opening a wrong place created a ledger
there. Every test runs real SQLite files (and a real PostgreSQL server where noted).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pytest

from tests.vault.pgcluster import PgCluster
from veil.dp.ledger import Accounting, Ledger, LedgerError, LedgerFiles, Loss
from veil.dp.release import release
from veil.dp.spec import ReleaseSpec
from veil.errors import KeyStoreError, PolicyError, PrivacyBudgetError, UsageError

PURE = Accounting.PURE
QUERY = [{"name": "n", "kind": "count"}]


def _frame(patients: int = 300, rows_each: int = 2, seed: int = 5) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    n = patients * rows_each
    return pl.DataFrame({
        "pid": [f"P{i:05d}" for i in range(patients) for _ in range(rows_each)],
        "dx": rng.choice(["A", "B", "C"], n).tolist(),
        "stay": rng.uniform(0, 30, n).round(2).tolist(),
    })


def _spec(dataset: str, unit: str = "pid", epsilon: float = 0.5,
          budget: float = 1.0) -> ReleaseSpec:
    return ReleaseSpec.model_validate({
        "dataset": dataset, "privacy_unit": {"column": unit, "max_contributions": 2},
        "budget": {"epsilon": budget}, "release": {"epsilon": epsilon}, "queries": QUERY})


def _files(directory: Path) -> set[str]:
    return {p.name for p in directory.iterdir()}


@pytest.fixture
def custodian(tmp_path: Path) -> tuple[str, Path]:
    """A ledger the custodian created, with dataset 'admissions' registered for data.csv
    (epsilon 1.0 in all): the ledger URL and the data file."""
    data = tmp_path / "data.csv"
    _frame().write_csv(data)
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    with Ledger.create(url) as ledger:
        ledger.register("admissions", Loss(PURE, epsilon=1.0), actor="custodian",
                        fingerprint=ledger.fingerprint(pl.scan_csv(data), "pid"), unit="pid")
    return url, data


def _release(data: Path, spec: ReleaseSpec, url: str, out: Path) -> Any:
    return release(data, spec, spec_text="x", out_dir=out, ledger_url=url, actor="analyst")


# -- the attack: another name, another export of the same people ----------------------------


def test_renaming_the_dataset_gets_no_fresh_budget(custodian: tuple[str, Path],
                                                   tmp_path: Path) -> None:
    url, data = custodian
    for run in range(2):  # the registered budget: two releases of 0.5
        assert _release(data, _spec("admissions"), url, tmp_path / f"r{run}").entry is not None
    with pytest.raises(PrivacyBudgetError, match="too little privacy budget"):
        _release(data, _spec("admissions"), url, tmp_path / "r2")
    # the attack: the same file under another dataset name
    with pytest.raises(LedgerError, match="registered as dataset 'admissions'") as refused:
        _release(data, _spec("admissions-copy"), url, tmp_path / "copy")
    assert refused.value.exit_code == 2
    assert "P0000" not in str(refused.value)
    # ... or another export of it: Parquet, columns reordered and renamed, rows shuffled,
    # a column dropped, another file name
    export = tmp_path / "elsewhere.parquet"
    (pl.read_csv(data).sample(fraction=1.0, shuffle=True, seed=1)
     .select(pl.col("dx"), pl.col("pid").alias("patient")).write_parquet(export))
    with pytest.raises(LedgerError, match="registered as dataset 'admissions'"):
        _release(export, _spec("fresh-name", unit="patient"), url, tmp_path / "export")
    with Ledger.open(url) as ledger:  # nothing was registered on the way
        assert {e.dataset for e in ledger.entries()} == {"admissions"}
        assert ledger.remaining("admissions") == Loss(PURE, epsilon=0.0)
        assert ledger.verify().ok
    assert not {"r2", "copy", "export"} & _files(tmp_path)


def test_a_release_never_registers_a_dataset(tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    _frame().write_csv(data)
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    Ledger.create(url).close()
    with pytest.raises(LedgerError, match="'admissions' is not registered") as refused:
        _release(data, _spec("admissions"), url, tmp_path / "out")
    assert "veil ledger register" in str(refused.value)
    with Ledger.open(url) as ledger:
        assert ledger.entries() == []


def test_other_people_are_not_the_registered_data(custodian: tuple[str, Path],
                                                  tmp_path: Path) -> None:
    url, data = custodian
    other = tmp_path / "other.csv"
    _frame().filter(pl.col("pid") != "P00007").write_csv(other)  # one person fewer
    with pytest.raises(LedgerError, match="not registered for dataset 'admissions'"):
        _release(other, _spec("admissions"), url, tmp_path / "out")
    # the custodian may attach it: it then shares the budget of 'admissions'
    with Ledger.open(url) as ledger:
        added = ledger.register("admissions", Loss(PURE, epsilon=1.0), actor="custodian",
                                fingerprint=ledger.fingerprint(pl.scan_csv(other), "pid"),
                                unit="pid")
        assert added is not None and added.kind == "data"
    _release(other, _spec("admissions"), url, tmp_path / "a")
    _release(data, _spec("admissions"), url, tmp_path / "b")
    with pytest.raises(PrivacyBudgetError, match="too little"):
        _release(other, _spec("admissions"), url, tmp_path / "c")


def test_registering_the_same_people_twice_is_refused(custodian: tuple[str, Path]) -> None:
    url, data = custodian
    with Ledger.open(url) as ledger:
        fingerprint = ledger.fingerprint(pl.scan_csv(data), "pid")
        with pytest.raises(LedgerError, match="already registered as dataset 'admissions'"):
            ledger.register("admissions-2", Loss(PURE, epsilon=5.0), actor="custodian",
                            fingerprint=fingerprint, unit="pid")
        assert len(ledger.entries()) == 1


def test_a_recomputed_chain_with_unregistered_data_fails_verify(
        custodian: tuple[str, Path], tmp_path: Path) -> None:
    """The replay checks bindings too: a release rewritten onto other data, with every digest
    after it recomputed and the head row moved, is still named."""
    from veil.chain import link_digest
    from veil.dp.ledger_store import _body

    url, data = custodian
    _release(data, _spec("admissions"), url, tmp_path / "r")
    path = tmp_path / "ledger.db"
    with sqlite3.connect(path) as raw:
        raw.row_factory = sqlite3.Row
        row = dict(raw.execute("SELECT * FROM veil_dp_entries WHERE seq = 2").fetchone())
        row["fingerprint"] = hashlib.sha256(b"other").hexdigest()
        digest = link_digest(_body(row))
        raw.execute("UPDATE veil_dp_entries SET fingerprint = ?, digest = ? WHERE seq = 2",
                    (row["fingerprint"], digest))
        raw.execute("UPDATE veil_dp_head SET digest = ?", (digest,))
    raw.close()
    with Ledger.open(url) as ledger:
        result = ledger.verify()
    assert (result.ok, result.first_broken) == (False, 2)
    assert "not registered for it" in str(result.reason)


# -- where the ledger is: the custodian's choice, never created implicitly -------------------


def test_a_spec_cannot_choose_the_ledger(tmp_path: Path) -> None:
    from veil.dp.spec import load_spec

    spec = tmp_path / "spec.yaml"
    spec.write_text("dataset: a\nprivacy_unit: {column: pid, max_contributions: 1}\n"
                    "budget: {epsilon: 1}\nrelease: {epsilon: 0.5}\n"
                    f"ledger: sqlite:///{tmp_path}/new/dir/ledger.db\n"
                    "queries: [{name: n, kind: count}]\n")
    with pytest.raises(PolicyError, match="line 5: ledger: a release spec cannot choose"):
        load_spec(spec)
    assert not (tmp_path / "new").exists()


def test_a_release_needs_a_ledger_named(tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    _frame(patients=20).write_csv(data)
    with pytest.raises(UsageError, match="no budget ledger named"):
        release(data, _spec("a"), spec_text="x", out_dir=tmp_path / "o", ledger_url=None)
    assert _files(tmp_path) == {"data.csv"}


def test_opening_a_missing_ledger_creates_nothing(tmp_path: Path) -> None:
    for url in (str(tmp_path / "ledger.db"), f"sqlite:///{tmp_path}/deep/er/ledger.db"):
        with pytest.raises(LedgerError, match="no budget ledger at") as refused:
            Ledger.open(url)
        assert "veil ledger init" in str(refused.value)
    assert _files(tmp_path) == set()


def test_opening_an_unrelated_database_changes_nothing(tmp_path: Path) -> None:
    other = tmp_path / "clinic.db"
    with sqlite3.connect(other) as raw:
        raw.execute("CREATE TABLE patients (mrn TEXT)")
        raw.execute("INSERT INTO patients VALUES ('1234567')")
    raw.close()
    text = tmp_path / "notes.txt"
    text.write_text("not a database at all\n" * 100)
    before = {p: p.read_bytes() for p in (other, text)}
    with pytest.raises(LedgerError, match="holds no ledger tables"):
        Ledger.open(str(other))
    with pytest.raises(LedgerError, match="not a SQLite database"):
        Ledger.open(str(text))
    assert {p: p.read_bytes() for p in (other, text)} == before
    assert _files(tmp_path) == {"clinic.db", "notes.txt"}


def test_an_empty_postgresql_database_is_not_a_ledger(pg_cluster: PgCluster | None,
                                                      tmp_path: Path) -> None:
    if pg_cluster is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    import sqlalchemy as sa

    url = pg_cluster.new_database()
    with pytest.raises(UsageError, match="PostgreSQL budget ledger needs its key file"):
        Ledger.create(url)
    with pytest.raises(LedgerError, match="holds no ledger tables"):
        Ledger.open(url, files=LedgerFiles(key=tmp_path / "k"))
    engine = sa.create_engine(url)
    try:
        assert sa.inspect(engine).get_table_names() == []
    finally:
        engine.dispose()
    Ledger.create(url, files=LedgerFiles(key=tmp_path / "k")).close()
    with pytest.raises(LedgerError, match="already exists"):
        Ledger.create(url, files=LedgerFiles(key=tmp_path / "k2"))
    assert not (tmp_path / "k2").exists()  # the refused creation left no key behind
    with Ledger.open(url, files=LedgerFiles(key=tmp_path / "k")) as ledger:
        assert ledger.verify().ok


def test_an_earlier_ledger_is_named(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    with sqlite3.connect(old) as raw:
        for table in ("veil_dp_entries", "veil_dp_datasets", "veil_dp_head"):
            raw.execute(f"CREATE TABLE {table} (x)")
    raw.close()
    with pytest.raises(LedgerError, match="made by an earlier veil"):
        Ledger.open(str(old))


def test_create_refuses_an_existing_ledger_and_a_missing_directory(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    Ledger.create(str(path)).close()
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert os.stat(tmp_path / "ledger.db.key").st_mode & 0o777 == 0o600
    with pytest.raises(LedgerError, match="already exists"):
        Ledger.create(str(path))
    with pytest.raises(LedgerError, match="does not exist"):
        Ledger.create(str(tmp_path / "missing" / "ledger.db"))
    assert not (tmp_path / "missing").exists()
    (tmp_path / "other.db.key").write_text("x")
    with pytest.raises(KeyStoreError, match="never overwritten"):
        Ledger.create(str(tmp_path / "other.db"))
    assert not (tmp_path / "other.db").exists()


# -- the key --------------------------------------------------------------------------------


def test_the_key_file_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    Ledger.create(str(path)).close()
    Ledger.create(str(tmp_path / "b.db")).close()
    key = tmp_path / "ledger.db.key"
    with pytest.raises(LedgerError, match="is not the key of the budget ledger"):
        Ledger.open(str(path), files=LedgerFiles(key=tmp_path / "b.db.key"))
    key.chmod(0o644)
    with pytest.raises(KeyStoreError, match="open to group or others") as refused:
        Ledger.open(str(path))
    assert "chmod 600" in str(refused.value) and refused.value.exit_code == 2
    key.chmod(0o600)
    key.write_text("not a key\n")
    with pytest.raises(KeyStoreError, match="not a ledger key file"):
        Ledger.open(str(path))
    key.unlink()
    with pytest.raises(KeyStoreError, match="no such ledger key file"):
        Ledger.open(str(path))
