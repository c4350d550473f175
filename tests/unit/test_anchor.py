"""The chain witness (`veil.anchor`): MAC'd, atomic, monotonic under concurrent writers,
and `compare` catches a rolled-back, cut or rewritten chain."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veil.anchor import Head, Mismatch, Witness, compare
from veil.errors import KeyStoreError

KEY = b"k" * 32


def _digest(n: int) -> str:
    return hashlib.sha256(str(n).encode()).hexdigest()


def _chain(last: int) -> dict[int, str]:
    return {n: _digest(n) for n in range(1, last + 1)}


def _witness(tmp_path: Path, **kw: object) -> Witness:
    return Witness(tmp_path / "chain.witness", key=KEY, label="test:1", **kw)  # type: ignore[arg-type]


def test_advance_then_read_round_trips_with_mode_0600(tmp_path: Path) -> None:
    witness = _witness(tmp_path)
    assert witness.read() is None
    assert witness.advance(Head(3, _digest(3))) == Head(3, _digest(3))
    assert witness.read() == Head(3, _digest(3))
    assert stat.S_IMODE(witness.path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_never_goes_backwards(tmp_path: Path) -> None:
    witness = _witness(tmp_path)
    witness.advance(Head(5, _digest(5)))
    assert witness.advance(Head(4, _digest(4))) == Head(5, _digest(5))
    assert witness.read() == Head(5, _digest(5))
    assert witness.advance(Head(5, _digest(5))) == Head(5, _digest(5))  # idempotent


def test_a_fork_at_the_witnessed_entry_is_refused(tmp_path: Path) -> None:
    witness = _witness(tmp_path)
    witness.advance(Head(5, _digest(5)))
    with pytest.raises(KeyStoreError, match="forked"):
        witness.advance(Head(5, _digest(55)))


@pytest.mark.parametrize("edit", ["seq", "head", "label", "mac", "garbage"])
def test_an_edited_witness_is_refused(tmp_path: Path, edit: str) -> None:
    witness = _witness(tmp_path)
    witness.advance(Head(7, _digest(7)))
    record = json.loads(witness.path.read_text())
    if edit == "garbage":
        witness.path.write_text("not json")
    else:
        record[edit] = {"seq": 9, "head": _digest(9), "label": "test:2", "mac": "0" * 64}[edit]
        witness.path.write_text(json.dumps(record))
    with pytest.raises(KeyStoreError):
        witness.read()


def test_another_key_or_label_does_not_accept_the_witness(tmp_path: Path) -> None:
    _witness(tmp_path).advance(Head(2, _digest(2)))
    with pytest.raises(KeyStoreError, match="MAC"):
        Witness(tmp_path / "chain.witness", key=b"x" * 32, label="test:1").read()
    with pytest.raises(KeyStoreError, match="another chain"):
        Witness(tmp_path / "chain.witness", key=KEY, label="test:2").read()


def test_compare_detects_rollback_cut_tail_and_rewrite() -> None:
    chain = _chain(10)
    assert compare(Head(10, _digest(10)), 10, chain.get) is None
    assert compare(Head(8, _digest(8)), 10, chain.get) is None  # witness lags: fine
    assert compare(Head(0, "0" * 64), 10, chain.get) is None
    cut = compare(Head(12, _digest(12)), 10, chain.get)
    assert cut == Mismatch(11, cut.reason) and "rolled back" in cut.reason  # type: ignore[union-attr]
    rewritten = {**chain, 8: _digest(88)}
    mismatch = compare(Head(8, _digest(8)), 10, rewritten.get)
    assert mismatch is not None and mismatch.entry == 8 and "rewritten" in mismatch.reason
    assert compare(Head(8, _digest(8)), 10, dict[int, str]().get) is not None


def test_check_requires_a_witness_only_when_asked(tmp_path: Path) -> None:
    witness = _witness(tmp_path)
    assert witness.check(4, _chain(4).get, required=False) is None
    missing = witness.check(4, _chain(4).get, required=True)
    assert missing is not None and "missing" in missing.reason


def test_the_mirror_outlives_a_restored_witness_file(tmp_path: Path) -> None:
    """Restoring an old witness file (with an old database) is caught by the mirror."""
    witness = _witness(tmp_path, mirror=tmp_path / "mirror.jsonl")
    witness.advance(Head(3, _digest(3)))
    old = witness.path.read_bytes()
    witness.advance(Head(6, _digest(6)))
    witness.path.write_bytes(old)  # the attacker restores the file with the database
    assert witness.read() == Head(6, _digest(6))
    mismatch = witness.check(3, _chain(3).get, required=True)
    assert mismatch is not None and mismatch.entry == 4
    lines = (tmp_path / "mirror.jsonl").read_text().splitlines()
    assert [json.loads(line)["seq"] for line in lines] == [3, 6]


def test_the_mirror_skips_torn_and_forged_lines(tmp_path: Path) -> None:
    mirror = tmp_path / "mirror.jsonl"
    witness = _witness(tmp_path, mirror=mirror)
    witness.advance(Head(2, _digest(2)))
    with mirror.open("a") as log:
        log.write(json.dumps({"format": "veil-witness-1", "label": "test:1", "seq": 99,
                              "head": _digest(99), "mac": "0" * 64}) + "\n")
        log.write('{"format": "veil-wit')  # a torn last line
    witness.path.unlink()
    assert witness.read() == Head(2, _digest(2))


def test_the_file_and_mirror_disagreeing_is_reported(tmp_path: Path) -> None:
    mirror = tmp_path / "mirror.jsonl"
    witness = _witness(tmp_path, mirror=mirror)
    witness.advance(Head(2, _digest(2)))
    other = _witness(tmp_path / "elsewhere")
    other.advance(Head(2, _digest(22)))
    os.replace(other.path, witness.path)
    with pytest.raises(KeyStoreError, match="different digests"):
        witness.read()


def test_bad_heads_are_refused(tmp_path: Path) -> None:
    witness = _witness(tmp_path)
    with pytest.raises(KeyStoreError):
        witness.advance(Head(-1, _digest(1)))
    with pytest.raises(KeyStoreError):
        witness.advance(Head(1, "xyz"))
    with pytest.raises(KeyStoreError):
        Witness(tmp_path / "w", key=b"short", label="x")


def _advance_many(path: str, seqs: list[int]) -> None:
    witness = Witness(Path(path), key=KEY, label="test:1")
    for seq in seqs:
        witness.advance(Head(seq, _digest(seq)))
        head = witness.read()  # always a whole, valid file
        assert head is not None and head.seq >= seq


def test_concurrent_processes_leave_the_highest_head(tmp_path: Path) -> None:
    """Four processes advance interleaved sequence numbers in scrambled order: the file
    stays valid throughout and ends at the highest one."""
    path = tmp_path / "chain.witness"
    seqs = list(range(1, 201))
    parts = [seqs[i::4][::-1] if i % 2 else seqs[i::4] for i in range(4)]
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_advance_many, args=(str(path), part)) for part in parts]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    assert Witness(path, key=KEY, label="test:1").read() == Head(200, _digest(200))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=40), max_size=20))
def test_the_witness_is_the_maximum_of_its_advances(tmp_path_factory: pytest.TempPathFactory,
                                                    seqs: list[int]) -> None:
    witness = Witness(tmp_path_factory.mktemp("w") / "w", key=KEY, label="test:1")
    for seq in seqs:
        witness.advance(Head(seq, _digest(seq)))
    assert witness.read() == (Head(max(seqs), _digest(max(seqs))) if seqs else None)
