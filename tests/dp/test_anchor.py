"""The ledger's chain anchored outside its database (issue 12, high 2, the DP half).

The attack first: deleting a release and recomputing the chain (and the head row) after
it passed `verify` and refunded the budget; so did restoring an older copy of the whole
database, and cutting the tail with the head row moved back. Each is done here as an
attacker with write access to the database (but not to the key file) would, on a real
SQLite file and a real PostgreSQL server, and must be named by `verify` with its default
arguments, by `remaining`, and refused by `charge`.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import sqlalchemy as sa

from tests.vault.pgcluster import PgCluster
from veil.chain import GENESIS, link_digest
from veil.dp import ledger_store as store
from veil.dp.ledger import Accounting, Ledger, LedgerError, LedgerFiles, Loss

QUERY = [{"name": "n", "kind": "count"}]
FP = hashlib.sha256(b"visits").hexdigest()
TOTAL = Loss(Accounting.PURE, epsilon=1.0)


def eps(value: float) -> Loss:
    return Loss(Accounting.PURE, epsilon=value)


class Place(NamedTuple):
    url: str
    files: LedgerFiles


@pytest.fixture(params=["sqlite", "postgresql"])
def place(request: pytest.FixtureRequest, tmp_path: Path,
          pg_cluster: PgCluster | None) -> Place:
    """A ledger with 'visits' registered (entry 1) and three releases of 0.25 (2 to 4)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path}/ledger.db"
    elif pg_cluster is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    else:
        url = pg_cluster.new_database()
    files = LedgerFiles(key=tmp_path / "ledger.key")
    with Ledger.create(url, files=files) as ledger:
        ledger.register("visits", TOTAL, actor="custodian", fingerprint=FP, unit="pid")
        for _ in range(3):
            _charge(ledger, 0.25)
        assert ledger.verify().ok
    return Place(url, files)


def _charge(ledger: Ledger, epsilon: float) -> int:
    return ledger.charge("visits", TOTAL, eps(epsilon), actor="analyst", queries=QUERY,
                         fingerprint=FP).entry.seq


def _open(place: Place) -> Ledger:
    return Ledger.open(place.url, files=place.files)


# -- what the attacker does, with the database only ------------------------------------------


def _rows(conn: sa.Connection) -> list[dict[str, Any]]:
    result = conn.execute(sa.select(store.entries_table).order_by(store.entries_table.c.seq))
    return [dict(row._mapping) for row in result]


def _rewrite(url: str, rows: list[dict[str, Any]]) -> None:
    """Replace every entry by `rows`, renumbered and re-chained, and move the head row."""
    previous = GENESIS
    for seq, row in enumerate(rows, start=1):
        row["seq"], row["previous"] = seq, previous
        row["digest"] = previous = link_digest(store._body(row))
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.delete(store.entries_table))
            if rows:
                conn.execute(sa.insert(store.entries_table), rows)
            conn.execute(sa.update(store.head_table).values(seq=len(rows), digest=previous))
    finally:
        engine.dispose()


def _entries(url: str) -> list[dict[str, Any]]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return _rows(conn)
    finally:
        engine.dispose()


def _delete_release_and_recompute(url: str, seq: int) -> None:
    _rewrite(url, [row for row in _entries(url) if row["seq"] != seq])


def _snapshot(url: str) -> dict[str, list[dict[str, Any]]]:
    """Every row of every ledger table (a backup of the whole database)."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return {table.name: [dict(r._mapping) for r in conn.execute(sa.select(table))]
                    for table in store.metadata.sorted_tables}
    finally:
        engine.dispose()


def _restore(url: str, snapshot: dict[str, list[dict[str, Any]]]) -> None:
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            for table in store.metadata.sorted_tables:
                conn.execute(sa.delete(table))
                if snapshot[table.name]:
                    conn.execute(sa.insert(table), snapshot[table.name])
    finally:
        engine.dispose()


def _assert_caught(place: Place, entry: int, words: str) -> None:
    """verify names `entry`; remaining and charge refuse; nothing is appended."""
    with _open(place) as ledger:
        result = ledger.verify()
        assert (result.ok, result.first_broken) == (False, entry), result
        assert words in str(result.reason), result.reason
        before = len(ledger.entries())
        with pytest.raises(LedgerError, match="fails verification"):
            ledger.remaining("visits")
        with pytest.raises(LedgerError, match="fails verification"):
            _charge(ledger, 0.1)
        assert len(ledger.entries()) == before


# -- the attacks ----------------------------------------------------------------------------


def test_a_deleted_release_with_a_recomputed_chain_is_named(place: Place) -> None:
    _delete_release_and_recompute(place.url, 3)
    # the chain alone is consistent again, and would refund the release's budget
    engine = sa.create_engine(place.url)
    try:
        with engine.connect() as conn:
            state = store.read_state(conn)
    finally:
        engine.dispose()
    assert isinstance(state, store.State)
    assert state.tallies["visits"].left_loss() == eps(0.5)
    _assert_caught(place, 4, "were removed or the database was rolled back")


def test_a_deleted_release_replaced_by_a_forged_one_is_named(place: Place) -> None:
    """The count restored with a cheaper release in place of the deleted one."""
    rows = [row for row in _entries(place.url) if row["seq"] != 3]
    forged = dict(rows[-1], epsilon=0.01, at="2026-01-01T00:00:00.000000+00:00")
    _rewrite(place.url, [*rows, forged])
    _assert_caught(place, 4, "is not the one its witness names")


def test_a_whole_database_rollback_is_named(place: Place, tmp_path: Path) -> None:
    if place.url.startswith("sqlite"):  # a copy of the file, as a backup tool makes it
        path = tmp_path / "ledger.db"
        backup = tmp_path / "backup.db"
        with sqlite3.connect(path) as source, sqlite3.connect(backup) as copy:
            source.backup(copy)
        source.close()
        copy.close()
        with _open(place) as ledger:
            _charge(ledger, 0.25)
        for suffix in ("-wal", "-shm"):
            (tmp_path / f"ledger.db{suffix}").unlink(missing_ok=True)
        shutil.copyfile(backup, path)
    else:
        snapshot = _snapshot(place.url)
        with _open(place) as ledger:
            _charge(ledger, 0.25)
        _restore(place.url, snapshot)
    _assert_caught(place, 5, "were removed or the database was rolled back")


def test_a_cut_tail_with_the_head_row_moved_back_is_named(place: Place) -> None:
    rows = _entries(place.url)[:2]
    engine = sa.create_engine(place.url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.delete(store.entries_table).where(store.entries_table.c.seq > 2))
            conn.execute(sa.update(store.head_table).values(seq=2, digest=rows[-1]["digest"]))
    finally:
        engine.dispose()
    _assert_caught(place, 3, "the chain ends at entry 2 but its witness names entry 4")


def test_a_rolled_back_then_extended_ledger_is_refused(place: Place) -> None:
    """A fork: the release deleted, the chain recomputed, then charged again as if the
    budget were back; the charge is refused before anything is appended."""
    _delete_release_and_recompute(place.url, 4)
    with _open(place) as ledger, pytest.raises(LedgerError, match="fails verification"):
        _charge(ledger, 0.25)
    assert len(_entries(place.url)) == 3


# -- the witness itself ---------------------------------------------------------------------


def test_an_honest_ledger_keeps_its_witness_at_the_head(place: Place) -> None:
    with _open(place) as ledger:
        record = json.loads(ledger.witness_path.read_text())
        assert (record["seq"], record["head"]) == ledger.head()
        assert ledger.witness_path.name == f"veil-dp-ledger-{ledger.id}.witness"
        assert ledger.witness_path.parent == place.files.key.parent  # type: ignore[union-attr]
        assert ledger.verify().ok


def test_a_forged_or_edited_witness_is_named(place: Place) -> None:
    with _open(place) as ledger:
        path = ledger.witness_path
    record = json.loads(path.read_text())
    path.write_text(json.dumps(record | {"seq": 1}) + "\n")  # without the key: bad MAC
    with _open(place) as ledger:
        result = ledger.verify()
        assert not result.ok and "fails its MAC" in str(result.reason)
        with pytest.raises(LedgerError, match="fails verification"):
            _charge(ledger, 0.1)


def test_a_lost_witness_fails_until_the_custodian_anchors_again(place: Place) -> None:
    with _open(place) as ledger:
        ledger.witness_path.unlink()
        result = ledger.verify()
        assert not result.ok and "is missing" in str(result.reason)
        with pytest.raises(LedgerError, match="fails verification"):
            _charge(ledger, 0.1)
        assert ledger.anchor() == ledger.head()
        with pytest.raises(LedgerError, match="already has a witness"):
            ledger.anchor()
        assert ledger.verify().ok
        _charge(ledger, 0.1)


def test_the_mirror_survives_the_witness_file(place: Place, tmp_path: Path) -> None:
    """With an append-only mirror, deleting the witness file and rolling back the
    database together is still named."""
    files = LedgerFiles(key=place.files.key, witness_log=tmp_path / "witness.log")
    mirrored = Place(place.url, files)
    snapshot = _snapshot(place.url)
    with _open(mirrored) as ledger:
        _charge(ledger, 0.1)
        ledger.witness_path.unlink()
    _restore(place.url, snapshot)
    with _open(mirrored) as ledger:
        result = ledger.verify()
    assert (result.ok, result.first_broken) == (False, 5), result


def test_init_refuses_an_existing_witness_and_leaves_nothing(tmp_path: Path) -> None:
    witness = tmp_path / "w.witness"
    witness.write_text("old\n")
    with pytest.raises(LedgerError, match="witness already exists"):
        Ledger.create(str(tmp_path / "l.db"), files=LedgerFiles(witness=witness))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.witness"]
    target = tmp_path / "anchors"
    target.mkdir()
    with Ledger.create(str(tmp_path / "l.db"), files=LedgerFiles(witness=target)) as ledger:
        assert ledger.witness_path.parent == target
    with Ledger.open(str(tmp_path / "l.db")) as ledger:  # none at the default place
        assert "is missing" in str(ledger.verify().reason)
    with Ledger.open(str(tmp_path / "l.db"), files=LedgerFiles(witness=target)) as ledger:
        assert ledger.verify().ok
