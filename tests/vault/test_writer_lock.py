"""SQLite writers of every process queue on ``<vault file>-writer.lock`` (`veil.io.db`):
a write waits while another holds the lock and goes on as soon as it is released (no
busy-handler sleep), and the lock file is private."""

from __future__ import annotations

import fcntl
import os
import threading
import time
from pathlib import Path

from veil.vault import MasterKey, Vault


def test_a_write_waits_for_the_writer_lock_and_wakes_when_it_is_free(tmp_path: Path) -> None:
    key = MasterKey.generate()
    key.write(tmp_path / "master.key")
    key = MasterKey.from_file(tmp_path / "master.key")
    url = f"sqlite:///{tmp_path / 'vault.db'}"
    with Vault.create(url, key) as vault:
        vault.add_scope("study-1", actor="test")
        lock = tmp_path / "vault.db-writer.lock"
        assert lock.exists() and lock.stat().st_mode & 0o777 == 0o600
        held = os.open(lock, os.O_RDWR)
        done = threading.Event()
        released = [0.0]
        try:
            fcntl.flock(held, fcntl.LOCK_EX)  # another process's writer, say

            def write() -> None:
                vault.record("note", actor="test")
                done.set()

            thread = threading.Thread(target=write)
            thread.start()
            assert not done.wait(0.5)  # queued behind the lock, not failed, not through
            released[0] = time.monotonic()
        finally:
            os.close(held)  # releases the lock
        assert done.wait(10)
        assert time.monotonic() - released[0] < 0.5  # woken, not polling in 100 ms sleeps
        thread.join()
        result = vault.verify()
        assert result.ok and result.entries == 2
