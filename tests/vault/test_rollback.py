"""Erasing evidence without the master key (issue 12, High 2): the audit chain is anchored
outside the database, so `veil vault verify` with its documented default arguments
(--vault and --key-file) detects a selective rollback, a whole-database rollback and a cut
tail, on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

import json
import shutil
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.e2e.cli import Outcome, run_cli
from tests.vault.witness_file import newest_record
from veil.errors import VaultError
from veil.vault import MasterKey, Vault

Setup = tuple[str, Path]


@pytest.fixture
def keyed(vault_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
          monkeypatch: pytest.MonkeyPatch) -> Setup:
    """A vault made by `veil vault init` with a key file, a scope and two assignments."""
    monkeypatch.delenv("VEIL_MASTER_KEY", raising=False)
    monkeypatch.delenv("VEIL_VAULT_WITNESS", raising=False)
    key_file = tmp_path / "keys" / "master.key"
    assert run_cli(capsys, "vault", "init", "--vault", vault_url, "--key-file",
                   str(key_file)).code == 0
    with Vault.open(vault_url, MasterKey.from_file(key_file)) as vault:
        vault.add_scope("study-1", actor="alice")
        vault.assign("study-1", ["MRN1", "MRN2"], actor="alice")
        vault.assign("study-1", ["MRN3"], actor="alice")
    return vault_url, key_file


def _verify(capsys: pytest.CaptureFixture[str], url: str, key_file: Path) -> Outcome:
    return run_cli(capsys, "vault", "verify", "--vault", url, "--key-file", str(key_file))


def _reidentify_twice(url: str, key_file: Path) -> None:
    with Vault.open(url, MasterKey.from_file(key_file)) as vault:
        [code] = vault.assign("study-1", ["MRN1"], actor="alice")
        for purpose in ("curiosity", "more curiosity"):
            vault.reidentify("study-1", [code], actor="mallory", purpose=purpose)


def test_selective_rollback_with_a_saved_head_is_detected(
        keyed: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    """Save the head row, re-identify twice, delete those entries, restore the head."""
    url, key_file = keyed
    with Vault.open(url, MasterKey.from_file(key_file)) as vault:
        with vault.engine.begin() as conn:
            saved = conn.execute(text("SELECT seq, digest, mac FROM veil_audit_head")).one()
        _reidentify_twice(url, key_file)
        assert [e.action for e in vault.audit()][-2:] == ["reidentify", "reidentify"]
        with vault.engine.begin() as conn:
            conn.execute(text("DELETE FROM veil_audit WHERE seq > :s"), {"s": saved.seq})
            conn.execute(text("UPDATE veil_audit_head SET seq = :s, digest = :d, mac = :m"),
                         {"s": saved.seq, "d": saved.digest, "m": saved.mac})
        result = vault.verify()
    assert not result.ok and result.first_broken == saved.seq + 1, result
    outcome = _verify(capsys, url, key_file)
    assert outcome.code == 2, outcome
    assert "rolled back" in outcome.stderr and outcome.stderr.count("\n") == 1


def test_a_cut_tail_is_detected(keyed: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    """Delete the last entries and point the head (with its saved MAC) at what is left."""
    url, key_file = keyed
    with Vault.open(url, MasterKey.from_file(key_file)) as vault:
        entries = vault.audit()
        with vault.engine.begin() as conn:
            saved = conn.execute(text("SELECT seq, digest, mac FROM veil_audit_head")).one()
        _reidentify_twice(url, key_file)
        with vault.engine.begin() as conn:
            conn.execute(text("DELETE FROM veil_audit WHERE seq > :s"),
                         {"s": entries[-1].seq})
            conn.execute(text("UPDATE veil_audit_head SET seq = :s, digest = :d, mac = :m"),
                         {"s": saved.seq, "d": saved.digest, "m": saved.mac})
    outcome = _verify(capsys, url, key_file)
    assert outcome.code == 2 and "witness" in outcome.stderr, outcome


def test_restoring_an_older_copy_of_the_whole_database_is_detected(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VEIL_VAULT_WITNESS", raising=False)
    url = f"sqlite:///{tmp_path / 'vault.db'}"
    key_file = tmp_path / "keys" / "master.key"
    assert run_cli(capsys, "vault", "init", "--vault", url, "--key-file",
                   str(key_file)).code == 0
    with Vault.open(url, MasterKey.from_file(key_file)) as vault:
        vault.add_scope("study-1", actor="alice")
        vault.assign("study-1", ["MRN1"], actor="alice")
    backup = tmp_path / "backup.db"
    with closing(sqlite3.connect(tmp_path / "vault.db")) as live, \
            closing(sqlite3.connect(backup)) as copy:
        live.backup(copy)  # a consistent copy, as a backup tool takes it
    _reidentify_twice(url, key_file)
    assert _verify(capsys, url, key_file).code == 0
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"vault.db{suffix}").unlink(missing_ok=True)
    shutil.copyfile(backup, tmp_path / "vault.db")
    outcome = _verify(capsys, url, key_file)
    assert outcome.code == 2 and "rolled back" in outcome.stderr, outcome
    # and the vault refuses to write on top of the rolled-back chain
    with Vault.open(url, MasterKey.from_file(key_file)) as vault, \
            pytest.raises(Exception, match="rolled back"):
        vault.assign("study-1", ["MRN9"], actor="alice")


def test_restoring_the_database_and_the_witness_together_is_caught_by_the_mirror(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The documented limit of the witness file, and the append-only mirror that lifts it."""
    monkeypatch.delenv("VEIL_VAULT_WITNESS", raising=False)
    monkeypatch.setenv("VEIL_VAULT_WITNESS_LOG", str(tmp_path / "log" / "witness.jsonl"))
    url = f"sqlite:///{tmp_path / 'vault.db'}"
    key_file = tmp_path / "keys" / "master.key"
    assert run_cli(capsys, "vault", "init", "--vault", url, "--key-file",
                   str(key_file)).code == 0
    with Vault.open(url, MasterKey.from_file(key_file)) as vault:
        vault.add_scope("study-1", actor="alice")
        witness = vault.witness
    assert witness is not None
    saved_witness = witness.read_bytes()
    backup = tmp_path / "backup.db"
    with closing(sqlite3.connect(tmp_path / "vault.db")) as live, \
            closing(sqlite3.connect(backup)) as copy:
        live.backup(copy)
    _reidentify_twice(url, key_file)
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"vault.db{suffix}").unlink(missing_ok=True)
    shutil.copyfile(backup, tmp_path / "vault.db")
    witness.write_bytes(saved_witness)
    outcome = _verify(capsys, url, key_file)
    assert outcome.code == 2 and "rolled back" in outcome.stderr, outcome
    monkeypatch.delenv("VEIL_VAULT_WITNESS_LOG")  # without the mirror: the documented limit
    assert _verify(capsys, url, key_file).code == 0


def test_a_forged_witness_fails_verify(keyed: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    url, key_file = keyed
    with Vault.open(url, MasterKey.from_file(key_file)) as vault:
        witness = vault.witness
    assert witness is not None and witness.parent == key_file.parent
    record = newest_record(witness)
    witness.write_text(json.dumps(record | {"seq": record["seq"] - 1}))
    outcome = _verify(capsys, url, key_file)
    assert outcome.code == 2 and "MAC" in outcome.stderr, outcome


def test_an_anchored_vault_refuses_writers_without_its_witness(
        keyed: Setup, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A key from the environment has no directory: writes and verify need the witness."""
    url, key_file = keyed
    bare = MasterKey(MasterKey.from_file(key_file).material)  # no file, no witness
    with Vault.open(url, bare) as vault:
        assert vault.witness is None
        with pytest.raises(VaultError, match="anchored"):
            vault.assign("study-1", ["MRN7"], actor="alice")
        assert not vault.verify().ok
    monkeypatch.setenv("VEIL_MASTER_KEY", bare.material.hex())
    outcome = run_cli(capsys, "vault", "verify", "--vault", url)
    assert outcome.code == 2 and "witness" in outcome.stderr, outcome
    assert run_cli(capsys, "vault", "verify", "--vault", url, "--no-witness").code == 0
    monkeypatch.setenv("VEIL_VAULT_WITNESS", str(key_file.parent))
    with Vault.open(url, bare) as vault:
        vault.assign("study-1", ["MRN7"], actor="alice")
    assert run_cli(capsys, "vault", "verify", "--vault", url).code == 0


def test_a_vault_never_anchored_is_anchored_on_request(
        vault_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VEIL_MASTER_KEY", raising=False)
    monkeypatch.delenv("VEIL_VAULT_WITNESS", raising=False)
    key = MasterKey.generate()
    key_file = tmp_path / "master.key"
    key.write(key_file)
    with Vault.create(vault_url, key) as vault:  # a key from no file: not anchored
        assert vault.witness is None
        vault.add_scope("study-1", actor="alice")
        assert vault.verify().ok and not vault.verify().anchored
    outcome = _verify(capsys, vault_url, key_file)
    assert outcome.code == 2 and "missing" in outcome.stderr, outcome
    outcome = run_cli(capsys, "vault", "anchor", "--vault", vault_url, "--key-file",
                      str(key_file))
    assert outcome.code == 0 and "entry 2" in outcome.stdout, outcome
    outcome = _verify(capsys, vault_url, key_file)
    assert outcome.code == 0 and "witness" in outcome.stdout, outcome
    with Vault.open(vault_url, MasterKey.from_file(key_file)) as vault:
        assert [e.action for e in vault.audit()] == ["scope-add", "anchor"]


def test_rotation_to_another_directory_moves_the_witness(
        keyed: Setup, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url, key_file = keyed
    new_key = tmp_path / "elsewhere" / "master-2.key"
    outcome = run_cli(capsys, "vault", "rotate", "--vault", url, "--key-file", str(key_file),
                      "--new-key-file", str(new_key))
    assert outcome.code == 0 and "witness now at" in outcome.stdout, outcome
    _reidentify_twice(url, new_key)
    assert _verify(capsys, url, new_key).code == 0


def test_concurrent_writers_leave_the_witness_at_the_head(keyed: Setup) -> None:
    """Threads of two vault handles (as the service's workers) commit batches at once."""
    url, key_file = keyed
    with Vault.open(url, MasterKey.from_file(key_file)) as one, \
            Vault.open(url, MasterKey.from_file(key_file)) as two:
        def work(n: int) -> None:
            vault = one if n % 2 else two
            for batch in range(5):
                vault.assign("study-1", [f"P{n}-{batch}"], actor=f"worker {n}")
        with ThreadPoolExecutor(6) as pool:
            list(pool.map(work, range(6)))
        result = one.verify()
        assert result.ok and result.anchored and result.entries == 3 + 30, result
        assert one.witness is not None
        assert newest_record(one.witness)["seq"] == result.entries


def test_a_group_or_world_readable_key_file_is_refused(
        keyed: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    url, key_file = keyed
    key_file.chmod(0o640)
    outcome = _verify(capsys, url, key_file)
    assert outcome.code == 2 and outcome.stderr.count("\n") == 1, outcome
    assert "group or others" in outcome.stderr and "0640" in outcome.stderr
    with pytest.raises(VaultError, match="group or others"):
        MasterKey.from_file(key_file)
    assert run_cli(capsys, "vault", "verify", "--vault", url, "--key-file", str(key_file),
                   "--allow-insecure-key-file").code == 0
