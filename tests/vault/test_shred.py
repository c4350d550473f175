"""Shredding destroys what it promises (issue 12, Medium 5): the scope's blind indexes and
ciphertexts go with its data key, the old wrapped key leaves the SQLite file (a reader holding
a snapshot makes the shred fail loudly, not print success), and the master-key holder cannot
re-link the codes through the database any more."""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.e2e.cli import run_cli
from veil.errors import VaultError
from veil.vault import MasterKey, Vault
from veil.vault.crypto import ScopeCipher
from veil.vault.vault import _unwrap

MRNS = [f"{n:07d}" for n in range(1000, 1200)]  # a 7-digit MRN space, as in the report


def _raw(path: Path) -> bytes:
    """The bytes of the SQLite file and its write-ahead log, as a disk thief reads them."""
    return b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal"))
                    if p.exists())


def _stored(vault: Vault, scope: str) -> tuple[bytes, list[bytes], list[bytes]]:
    with vault.engine.begin() as conn:
        wrapped = conn.execute(text("SELECT wrapped_key FROM veil_scopes WHERE name = :s"),
                               {"s": scope}).scalar_one()
        rows = conn.execute(text("SELECT blind_index, secret FROM veil_codes c JOIN "
                                 "veil_scopes s ON s.id = c.scope_id WHERE s.name = :s"),
                            {"s": scope}).all()
    return bytes(wrapped), [bytes(r[0]) for r in rows], [bytes(r[1]) for r in rows]


@pytest.fixture
def sqlite_vault(tmp_path: Path) -> tuple[Path, MasterKey]:
    key = MasterKey.generate()
    path = tmp_path / "vault.db"
    with Vault.create(f"sqlite:///{path}", key) as vault:
        vault.add_scope("study-1", actor="alice")
        vault.add_scope("study-2", actor="alice")
        vault.assign("study-1", MRNS, actor="alice")
        vault.assign("study-2", MRNS[:10], actor="alice")
    return path, key


def test_a_reader_holding_a_snapshot_makes_the_shred_fail_loudly(
        sqlite_vault: tuple[Path, MasterKey]) -> None:
    path, key = sqlite_vault
    with Vault.open(f"sqlite:///{path}", key) as vault:
        wrapped, _, _ = _stored(vault, "study-1")
        with closing(sqlite3.connect(path, isolation_level=None)) as reader:
            reader.execute("BEGIN")
            reader.execute("SELECT count(*) FROM veil_scopes").fetchall()  # a snapshot
            with pytest.raises(VaultError, match="read") as caught:
                vault.shred("study-1", actor="dpo", scrub_timeout=1.0)
            assert "veil vault scrub" in (caught.value.hint or "")
            assert wrapped in _raw(path)  # what the old code left behind, reported now
            reader.execute("COMMIT")
        assert vault.destruction("study-1") is not None  # the shred itself committed
        vault.scrub()
    assert wrapped not in _raw(path)


def test_a_reader_that_finishes_in_time_lets_the_shred_complete(
        sqlite_vault: tuple[Path, MasterKey]) -> None:
    path, key = sqlite_vault
    with Vault.open(f"sqlite:///{path}", key) as vault:
        wrapped, indexes, secrets = _stored(vault, "study-1")
        reader = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM veil_scopes").fetchall()

        def finish() -> None:
            time.sleep(0.5)
            reader.execute("COMMIT")
            reader.close()

        thread = threading.Thread(target=finish)
        thread.start()
        record = vault.shred("study-1", actor="dpo", scrub_timeout=20.0)
        thread.join()
    assert record.codes == len(MRNS)
    raw = _raw(path)
    assert wrapped not in raw
    assert not any(index in raw for index in indexes)
    assert not any(secret[12:] in raw for secret in secrets)


def test_shredding_removes_the_blind_indexes_and_ciphertexts(vault: Vault) -> None:
    codes = vault.assign("study-1", MRNS[:50], actor="alice")
    vault.shred("study-1", actor="dpo")
    with vault.engine.begin() as conn:
        left = conn.execute(text("SELECT count(*), count(blind_index), count(secret), "
                                 "count(mac) FROM veil_codes")).one()
    assert tuple(left) == (50, 0, 0, 0)  # the codes stay, for counting; nothing else
    assert vault.count_held("study-1", codes) == 50
    result = vault.verify_codes()
    assert result.ok, result
    with pytest.raises(VaultError, match="shredded"):
        vault.shred("study-1", actor="dpo")


def test_the_master_key_holder_cannot_relink_after_a_shred(
        sqlite_vault: tuple[Path, MasterKey], tmp_path: Path) -> None:
    """A dictionary over the MRN space, with the data key from a pre-shred backup, finds no
    code in the shredded database; only what the backup itself holds stays exposed (the
    record says: rotate the master key and purge such backups)."""
    path, key = sqlite_vault
    backup = tmp_path / "backup.db"
    with closing(sqlite3.connect(path)) as live, closing(sqlite3.connect(backup)) as copy:
        live.backup(copy)
    url = f"sqlite:///{path}"
    with Vault.open(url, key) as vault:
        late = vault.assign("study-1", ["9999999"], actor="alice")  # after the backup
        vault.shred("study-1", actor="dpo")
    with closing(sqlite3.connect(backup)) as old:
        scope_id, wrapped = old.execute(
            "SELECT id, wrapped_key FROM veil_scopes WHERE name = 'study-1'").fetchone()
    data_key = _unwrap(key, "data-key/study-1", wrapped, "backup")
    cipher = ScopeCipher(data_key, scope_id)
    dictionary = [*MRNS, "9999999"]
    indexes = cipher.blind_indexes(dictionary)
    with closing(sqlite3.connect(path)) as shredded:
        marks = ",".join("?" * len(indexes))
        found = shredded.execute(f"SELECT code FROM veil_codes WHERE blind_index IN ({marks})",
                                 indexes).fetchall()
        held = shredded.execute("SELECT count(*) FROM veil_codes WHERE code = ?",
                                late).fetchone()
    assert found == [] and held == (1,)  # the late code is held, and links to nothing
    # the index key really is the scope's: the backup re-links what it holds itself
    with closing(sqlite3.connect(backup)) as old:
        assert old.execute(f"SELECT count(*) FROM veil_codes WHERE blind_index IN ({marks})",
                           indexes).fetchone() == (len(MRNS),)
    index_key = hmac.new(data_key, b"index", hashlib.sha256).digest()
    assert indexes[0] == hmac.digest(index_key.hex().encode(), MRNS[0].encode(), "sha256")


def test_the_cli_record_says_what_else_to_do(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'v.db'}"
    key_file = tmp_path / "master.key"
    assert run_cli(capsys, "vault", "init", "--vault", url, "--key-file",
                   str(key_file)).code == 0
    with Vault.open(url, MasterKey.from_file(key_file)) as vault:
        vault.add_scope("study-1", actor="alice")
        vault.assign("study-1", MRNS[:5], actor="alice")
    record = tmp_path / "record.json"
    outcome = run_cli(capsys, "vault", "shred", "study-1", "--vault", url, "--key-file",
                      str(key_file), "--yes", "-o", str(record))
    assert outcome.code == 0, outcome
    saved = json.loads(record.read_text())
    steps = " ".join(saved["remaining"])
    assert "rotate the master key" in steps and "backups" in steps
    assert saved["destroyed"]["blind_indexes"] == 5
    outcome = run_cli(capsys, "vault", "verify", "--vault", url, "--key-file", str(key_file))
    assert outcome.code == 0, outcome


def test_the_cli_shred_exits_2_while_a_reader_blocks_and_scrub_finishes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VEIL_MASTER_KEY", raising=False)
    path = tmp_path / "v.db"
    url = f"sqlite:///{path}"
    key_file = tmp_path / "master.key"
    assert run_cli(capsys, "vault", "init", "--vault", url, "--key-file",
                   str(key_file)).code == 0
    with Vault.open(url, MasterKey.from_file(key_file)) as vault:
        vault.add_scope("study-1", actor="alice")
        vault.assign("study-1", MRNS[:5], actor="alice")
        wrapped, _, _ = _stored(vault, "study-1")
    keyed = ("--vault", url, "--key-file", str(key_file))
    record = tmp_path / "record.json"
    with closing(sqlite3.connect(path, isolation_level=None)) as reader:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM veil_scopes").fetchall()
        outcome = run_cli(capsys, "vault", "shred", "study-1", *keyed, "--yes", "-o",
                          str(record), "--scrub-timeout", "0.5")
        assert outcome.code == 2 and "veil vault scrub" in outcome.stderr, outcome
        assert record.exists()  # the shred committed: its record is written
        assert run_cli(capsys, "vault", "scrub", *keyed, "--timeout", "0.5").code == 2
        reader.execute("COMMIT")
    outcome = run_cli(capsys, "vault", "scrub", *keyed)
    assert outcome.code == 0, outcome
    assert wrapped not in _raw(path)
