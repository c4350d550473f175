"""Pushing shredded values out of the database files (`Vault.scrub`).

SQLite keeps a changed page in its write-ahead log until a checkpoint copies it into
the database file, and a checkpoint cannot pass a page that another connection's read
snapshot still needs: until then the file and the log keep the page as it was, old
wrapped key included. With ``secure_delete`` on (every vault connection sets it) the
new page images carry zeros where deleted values were, so a completed TRUNCATE
checkpoint leaves neither in the file nor in the (emptied) log. PostgreSQL keeps dead
row versions in the table files until they are rewritten: ``VACUUM (FULL)`` rewrites
both tables.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from veil.errors import VaultError
from veil.io import db

_HINT = ("close other connections to the vault (a running `veil serve`, an open sqlite3 "
         "shell, a backup in progress), then run `veil vault scrub`")
_CHUNK = 8 << 20


def scrub_sqlite(engine: Engine, path: Path, *, timeout: float,
                 destroyed: Sequence[bytes] = ()) -> None:
    """A completed TRUNCATE checkpoint (retried until `timeout`), then none of the
    `destroyed` byte strings left in the file or its log; VaultError otherwise."""
    deadline = time.monotonic() + max(timeout, 0.0)
    pause = 0.05
    with engine.connect() as conn:
        raw: Any = conn.connection.driver_connection  # autocommit (see veil.io.db)
        raw.execute("PRAGMA busy_timeout = 200")
        try:
            while True:
                busy, log, done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                if busy == 0 and log in (0, done):
                    break
                if time.monotonic() >= deadline:
                    raise VaultError(
                        "the shredded values are still in the database file: another "
                        f"connection holds a read transaction, so the checkpoint could not "
                        f"complete within {timeout:g} s (the shred itself has committed)",
                        hint=_HINT)
                time.sleep(pause)
                pause = min(pause * 2, 1.0)
        finally:
            raw.execute(f"PRAGMA busy_timeout = {int(db.BUSY_TIMEOUT_S * 1000)}")
    for companion in (path, path.with_name(path.name + "-wal")):
        if destroyed and _holds(companion, destroyed):
            raise VaultError(f"{companion.name} still holds a destroyed key after the "
                             "checkpoint (the shred itself has committed)", hint=_HINT)


def scrub_postgres(engine: Engine, *, timeout: float) -> None:
    """``VACUUM (FULL)`` of the scopes and codes tables (locks waited for up to `timeout`)."""
    with engine.connect() as conn:
        auto = conn.execution_options(isolation_level="AUTOCOMMIT")
        auto.exec_driver_sql(f"SET lock_timeout = {max(int(timeout * 1000), 1)}")
        try:
            for table in ("veil_scopes", "veil_codes"):
                auto.exec_driver_sql(f"VACUUM (FULL) {table}")
        except db.database_errors() as err:
            if db.sqlstate(err) != "55P03":  # lock_not_available
                raise
            raise VaultError("the shredded values are still in the table files: another "
                             f"session held the tables for more than {timeout:g} s, so "
                             "VACUUM (FULL) could not run (the shred itself has committed)",
                             hint=_HINT) from None


def _holds(path: Path, needles: Sequence[bytes]) -> bool:
    """Whether the file holds any of `needles` (read in chunks that overlap)."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return False
    overlap = max((len(n) for n in needles), default=1) - 1
    with handle:
        tail = b""
        while block := handle.read(_CHUNK):
            window = tail + block
            if any(needle in window for needle in needles):
                return True
            tail = window[-overlap:] if overlap else b""
    return False
