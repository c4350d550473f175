"""The vault's two-slot witness (`veil.anchor.Witness(slots=True)`): one pwrite and one
fdatasync per advance, alternating slots; a torn slot leaves the previous head in
force, a forged one is reported; a one-record file is read and converted."""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path

import pytest

from tests.vault.witness_file import newest_record, records
from veil.anchor import SLOT, Head, Witness
from veil.errors import KeyStoreError
from veil.vault import MasterKey, Vault

KEY = b"k" * 32


def _head(seq: int) -> Head:
    return Head(seq, hashlib.sha256(f"entry {seq}".encode()).hexdigest())


def _witness(path: Path, *, slots: bool = True) -> Witness:
    return Witness(path, key=KEY, label="veil-vault:test", slots=slots)


def test_advances_alternate_slots_of_a_fixed_size_file(tmp_path: Path) -> None:
    witness = _witness(tmp_path / "w.witness")
    witness.advance(_head(1))
    assert (tmp_path / "w.witness").stat().st_size == 2 * SLOT
    inode = (tmp_path / "w.witness").stat().st_ino
    slots = []
    for seq in range(2, 7):
        witness.advance(_head(seq))
        raw = (tmp_path / "w.witness").read_bytes()
        slots.append([json.loads(raw[i * SLOT:(i + 1) * SLOT])["seq"] for i in (0, 1)])
        assert _witness(tmp_path / "w.witness").read() == _head(seq)  # a fresh reader
    assert slots == [[1, 2], [3, 2], [3, 4], [5, 4], [5, 6]]
    assert (tmp_path / "w.witness").stat().st_ino == inode  # written in place, no new file
    assert witness.advance(_head(3)) == _head(6)  # never backwards


def test_a_torn_slot_leaves_the_previous_head(tmp_path: Path) -> None:
    path = tmp_path / "w.witness"
    witness = _witness(path)
    for seq in (1, 2, 3):
        witness.advance(_head(seq))
    raw = bytearray(path.read_bytes())
    newest = 0 if json.loads(raw[:SLOT])["seq"] == 3 else 1
    raw[newest * SLOT + 40:newest * SLOT + SLOT] = b"\0" * (SLOT - 40)  # cut mid-record
    path.write_bytes(bytes(raw))
    assert _witness(path).read() == _head(2)
    witness.advance(_head(4))  # overwrites the torn slot
    assert _witness(path).read() == _head(4)
    assert sorted(r["seq"] for r in records(path)) == [2, 4]


def test_a_forged_slot_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "w.witness"
    witness = _witness(path)
    for seq in (1, 2):
        witness.advance(_head(seq))
    raw = bytearray(path.read_bytes())
    record = newest_record(path)
    forged = json.dumps(record | {"seq": 9}).encode()
    newest = 0 if json.loads(raw[:SLOT])["seq"] == 2 else 1
    raw[newest * SLOT:(newest + 1) * SLOT] = forged + b" " * (SLOT - len(forged))
    path.write_bytes(bytes(raw))
    with pytest.raises(KeyStoreError, match="MAC"):
        _witness(path).read()


def test_two_torn_slots_are_no_witness(tmp_path: Path) -> None:
    path = tmp_path / "w.witness"
    _witness(path).advance(_head(1))
    path.write_bytes(b"{" + b"x" * (2 * SLOT - 1))
    with pytest.raises(KeyStoreError, match="not a veil chain witness"):
        _witness(path).read()


def test_a_fork_between_the_slots_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "w.witness"
    witness = _witness(path)
    witness.advance(_head(1))
    one = witness._line(Head(5, _head(5).digest))
    other = witness._line(Head(5, _head(6).digest))
    path.write_bytes(one + b" " * (SLOT - len(one)) + other + b" " * (SLOT - len(other)))
    with pytest.raises(KeyStoreError, match="forked"):
        _witness(path).read()


def test_a_one_record_file_is_read_then_converted(tmp_path: Path) -> None:
    path = tmp_path / "w.witness"
    _witness(path, slots=False).advance(_head(4))
    assert len(path.read_bytes()) < SLOT  # the one-record format
    witness = _witness(path)
    assert witness.read() == _head(4)
    witness.advance(_head(5))
    assert path.stat().st_size == 2 * SLOT
    assert _witness(path).read() == _head(5)
    assert _witness(path, slots=False).read() == _head(5)  # any reader reads both


def test_a_vault_writes_a_two_slot_witness_and_detects_its_rollback(tmp_path: Path) -> None:
    key = MasterKey.generate()
    key.write(tmp_path / "master.key")
    key = MasterKey.from_file(tmp_path / "master.key")
    url = f"sqlite:///{tmp_path / 'vault.db'}"
    with Vault.create(url, key) as vault:
        vault.add_scope("study-1", actor="test")
        codes = vault.assign("study-1", ["A", "B"], actor="test")
        witness = vault.witness
        assert witness is not None and witness.stat().st_size == 2 * SLOT
    saved = {p.name: p.read_bytes() for p in tmp_path.glob("vault.db*")}  # closed: one file
    with Vault.open(url, key) as vault:
        vault.reidentify("study-1", codes[:1], actor="test", purpose="check")
        assert newest_record(witness)["seq"] == vault.verify().entries
    for path in tmp_path.glob("vault.db*"):
        path.unlink()
    for name, content in saved.items():  # the database rolled back, not the witness
        (tmp_path / name).write_bytes(content)
    with Vault.open(url, key) as vault:
        result = vault.verify()
        assert not result.ok and "rolled back" in (result.reason or ""), result


def test_reads_during_advances_never_fail(tmp_path: Path) -> None:
    """A slot is written in place while other threads and handles read the file: a half
    copied slot would be read again under the shared lock, never reported as forged. (A
    stress test: on this machine no half-copied slot was seen in 60,000 reads even
    without the retry, so it guards against regressions more than it shows the race.)"""
    path = tmp_path / "w.witness"
    writer = _witness(path)
    writer.advance(_head(1))
    stop = threading.Event()
    seen: list[int] = []
    failures: list[BaseException] = []

    def read() -> None:
        reader = _witness(path)
        while not stop.is_set():
            try:
                head = reader.read()
            except BaseException as error:  # collected for the assertion
                failures.append(error)
                return
            assert head is not None
            seen.append(head.seq)

    threads = [threading.Thread(target=read) for _ in range(2)]
    for thread in threads:
        thread.start()
    try:
        for seq in range(2, 300):
            writer.advance(_head(seq))
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert failures == []
    assert seen and max(seen) <= 299
    assert _witness(path).read() == _head(299)
