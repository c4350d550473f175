"""Where a budget ledger lives: its URL, database engine, key file and tables.

`veil.dp.ledger.Ledger` opens and creates ledgers through these helpers, which turn
every database or file problem into a one-line `LedgerError` naming the location,
never the driver's message. `Ledger.open` creates nothing: `sqlite_tables` reads an
existing SQLite file read-only and `read_meta` refuses a database without a ledger.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine

from veil.dp import ledger_store as store
from veil.dp.ledger_key import default_key_path
from veil.dp.ledger_store import LedgerError
from veil.errors import UsageError, VaultError
from veil.io import db

INIT_HINT = "the custodian creates the ledger once with `veil ledger init --ledger URL`"


def parse_location(url: str) -> URL:
    """The ledger's URL from a file path or database URL; LedgerError if it is neither."""
    try:
        return db.parse_url(url)
    except VaultError as err:
        raise LedgerError(f"cannot open the budget ledger: {err.message}",
                          hint="use a file path, sqlite:///ledger.db or "
                          "postgresql+psycopg://user@host/db") from None


def open_engine(url: URL) -> Engine:
    """A database engine for the ledger at `url` (nothing is created or read yet)."""
    try:
        return db.make_engine(url)
    except VaultError as err:
        raise LedgerError(f"cannot open the budget ledger: {err.message}",
                          hint=err.hint) from None


def key_file_path(url: URL, key_file: Path | None) -> Path:
    """The ledger's key file: the one given, else beside a SQLite ledger (PostgreSQL: given)."""
    if key_file is not None:
        if not str(key_file).strip():
            raise UsageError("the ledger key file path is empty")
        return Path(key_file)
    default = default_key_path(url)
    if default is None:
        raise UsageError("a PostgreSQL budget ledger needs its key file named",
                         hint="pass --ledger-key FILE or set $VEIL_DP_LEDGER_KEY (the file "
                         "`veil ledger init` wrote)")
    return default


def exists_error(location: str) -> LedgerError:
    """The error for creating a ledger where one exists."""
    return LedgerError(f"a budget ledger already exists at {location}",
                       hint="a ledger is created once; open it with --ledger")


def create_sqlite_file(path: Path) -> None:
    """A new, empty SQLite file of mode 0600 (never over an existing file)."""
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as err:
        raise LedgerError(f"{path}: cannot create the budget ledger file "
                          f"({err.strerror})") from None
    os.close(handle)


def sqlite_tables(path: Path, location: str) -> set[str]:
    """The tables of an existing SQLite file, read without writing anything to it."""
    if not path.is_file():
        raise LedgerError(f"no budget ledger at {location}: {path} is not a file",
                          hint=INIT_HINT)
    try:
        raw = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            names = {str(row[0]) for row in
                     raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            raw.close()
    except sqlite3.Error:
        raise LedgerError(f"{path} is not a SQLite database, so not a budget ledger",
                          hint=INIT_HINT) from None
    return names


def check_tables(names: set[str], location: str) -> None:
    """LedgerError unless `names` hold every ledger table (naming an older veil's ledger)."""
    if names >= store.TABLES:
        return
    if "veil_dp_entries" in names:
        raise LedgerError(f"the budget ledger at {location} was made by an earlier veil, "
                          "without data fingerprints or a key",
                          hint="keep it as the record of past releases; start a new ledger "
                          "with `veil ledger init` and register each dataset, with the "
                          "budget it has left, in it")
    raise LedgerError(f"no budget ledger at {location}: the database holds no ledger tables",
                      hint=INIT_HINT)


def read_meta(engine: Engine, url: URL, location: str) -> dict[str, str]:
    """The ledger's format, id and key check; LedgerError where there is no ledger."""
    with guarded(location, "opening the ledger"), db.reading(engine) as conn:
        if db.sqlite_file(url) is None:
            check_tables(set(sa.inspect(conn).get_table_names()), location)
        meta = {str(r.name): str(r.value) for r in conn.execute(sa.select(store.meta_table))}
    if meta.get("format") != store.FORMAT or not {"ledger_id", "key_check"} <= set(meta):
        raise LedgerError(f"the budget ledger at {location} has format "
                          f"{meta.get('format', 'unknown')!r}; this veil reads "
                          f"{store.FORMAT!r}", hint="use the veil that made it")
    return meta


@contextmanager
def guarded(location: str, what: str) -> Iterator[None]:
    """Database errors as one-line LedgerErrors, without the driver's text."""
    try:
        yield
    except db.database_errors() as err:
        kind = type(db.driver_error(err)).__name__
        state = db.sqlstate(err)
        if state:
            kind += f", SQLSTATE {state}"
        raise LedgerError(f"the budget ledger ({location}) failed while {what} ({kind})",
                          hint="check that the database is reachable and writable; the "
                          "driver's own message is withheld") from None
