"""Concurrent batches and killed processes, on SQLite and PostgreSQL.

Two (or four) writers bringing overlapping new identifiers at the same moment
must end with one code per identifier; a process killed in the middle of a
batch must leave no trace of it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pytest

from tests.vault.workers import assign_at
from veil.vault import MasterKey, Vault

ROOT = Path(__file__).parents[2]


def _windows(workers: int, width: int, step: int) -> list[list[str]]:
    """Overlapping batches: worker w brings identifiers [w*step, w*step + width)."""
    return [[f"P{i:06d}" for i in range(w * step, w * step + width)] for w in range(workers)]


def _check_one_code_each(vault: Vault, batches: list[list[str]], results: list[list[str]],
                         code_of: dict[str, str] | None = None) -> None:
    """All writers agree; one code per identifier; each identifier new exactly once.

    `code_of` carries the codes of earlier rounds."""
    code_of = {} if code_of is None else code_of
    for batch, codes in zip(batches, results, strict=True):
        assert len(codes) == len(batch)
        for identifier, code in zip(batch, codes, strict=True):
            assert code_of.setdefault(identifier, code) == code  # all writers agree
    assert len(set(code_of.values())) == len(code_of)  # distinct people, distinct codes
    assert vault.scope("study-1").codes == len(code_of)
    new = sum(e.counts["new"] for e in vault.audit() if e.action == "assign")
    assert new == len(code_of)  # each identifier was new in exactly one batch
    assert vault.verify().ok


@pytest.mark.parametrize("workers", [2, 4])
def test_threads_with_overlapping_new_identifiers(vault: Vault, vault_url: str,
                                                  key: MasterKey, workers: int) -> None:
    batches = _windows(workers, 4_000, 2_000)
    for batch in batches[1::2]:
        batch.reverse()  # not all in one order
    barrier = threading.Barrier(workers)

    def work(batch: list[str]) -> list[str]:
        with Vault.open(vault_url, key) as mine:
            mine.scope("study-1")
            barrier.wait()
            return mine.assign("study-1", batch, actor="thread")

    code_of: dict[str, str] = {}
    for _ in range(2):  # the second round: half known, half new
        with ThreadPoolExecutor(workers) as pool:
            results = list(pool.map(work, batches))
        _check_one_code_each(vault, batches, results, code_of)
        batches = [[f"{x}b" if i % 2 else x for i, x in enumerate(batch)] for batch in batches]


def test_processes_with_overlapping_new_identifiers(vault: Vault, vault_url: str,
                                                    key: MasterKey) -> None:
    batches = _windows(2, 20_000, 10_000)
    start_at = time.time() + 4.0  # after both children have imported veil and connected
    with ProcessPoolExecutor(2, mp_context=get_context("spawn")) as pool:
        futures = [pool.submit(assign_at, vault_url, key.material.hex(), "study-1", batch,
                               start_at) for batch in batches]
        results = [f.result(timeout=120) for f in futures]
    _check_one_code_each(vault, batches, results)


def test_a_process_killed_mid_batch_leaves_no_partial_mapping(vault: Vault, vault_url: str,
                                                              key: MasterKey,
                                                              tmp_path: Path) -> None:
    before = vault.assign("study-1", ["ID0000001", "someone else"], actor="tester")
    marker = tmp_path / "mid-batch"
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.vault.workers", vault_url, key.material.hex(),
         str(marker), "45000"], cwd=ROOT, env=env, stderr=subprocess.PIPE)
    try:
        deadline = time.time() + 90
        while not marker.exists():
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            assert time.time() < deadline, "the child never reached the middle of its batch"
            time.sleep(0.05)
    finally:
        child.kill()
        child.wait(timeout=30)
        if child.stderr:
            child.stderr.close()
    assert child.returncode < 0  # killed, not finished
    with Vault.open(vault_url, key) as after:
        assert after.scope("study-1").codes == 2  # none of the 45,000
        assert [e.actor for e in after.audit() if e.action == "assign"] == ["tester"]
        assert after.verify().ok
        again = after.assign("study-1", [f"ID{i:07d}" for i in range(45_000)], actor="tester")
        assert again[1] == before[0]
        assert after.scope("study-1").codes == 45_001


def test_one_vault_shared_by_threads(vault: Vault) -> None:
    """The service shares one Vault between its worker threads."""
    batches = _windows(4, 1_000, 500)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda b: vault.assign("study-1", b, actor="shared"), batches))
    _check_one_code_each(vault, batches, results)
