"""Connecting to the vault's database: URLs, engines, transactions, clean errors.

SQLite: WAL journal, ``secure_delete`` on, and write transactions begun with
``BEGIN IMMEDIATE`` so two writers queue (up to a minute) instead of failing
when one of them tries to upgrade its read lock. Before that, a writer takes an
exclusive `flock` on ``<file>-writer.lock``: writers of several processes (``veil
serve --workers``, the CLI) then wait in the kernel and the next one wakes as soon
as the lock is free, where SQLite's busy handler sleeps and polls (1, 2, 5, 10 ...
100 ms): with two service workers on one file that sleeping made the slow tail.
PostgreSQL: READ COMMITTED;
concurrent batches meet on the unique constraints (see `veil.vault.vault`).

Database errors become one-line `VaultError`s naming only the operation and the
error class: driver messages can quote statement parameters (identifiers).
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from veil.errors import VaultError

BUSY_TIMEOUT_S = 60.0
SQLITE_CACHE_KIB = 256 * 1024  # page cache per connection, allocated as used


def parse_url(url: str) -> URL:
    """A SQLAlchemy URL; a plain path means a SQLite file."""
    if "://" not in url:
        if not url.strip():
            raise VaultError("the vault location is empty", hint="pass --vault sqlite:///vault.db")
        return URL.create("sqlite", database=str(Path(url)))
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise VaultError("the vault location is not a database URL",
                         hint="use sqlite:///path/to/vault.db or "
                         "postgresql+psycopg://user@host/db") from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise VaultError(f"vault backend {parsed.get_backend_name()!r} is not supported",
                         hint="use sqlite:///path or postgresql+psycopg://...")
    if parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:"):
        raise VaultError("a SQLite vault needs a file", hint="use sqlite:///path/to/vault.db")
    return parsed


def describe(url: URL) -> str:
    """Where the vault is, for messages and reports: never a password."""
    if url.get_backend_name() == "sqlite":
        return f"SQLite file {Path(url.database or '').name}"
    where = url.host or "localhost"
    if url.port:
        where += f":{url.port}"
    return f"PostgreSQL database {url.database or ''} on {where}"


def sqlite_file(url: URL) -> Path | None:
    return Path(url.database or "") if url.get_backend_name() == "sqlite" else None


def make_engine(url: URL) -> Engine:
    try:
        if url.get_backend_name() == "sqlite":
            engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
            event.listen(engine, "connect", partial(_sqlite_connect, Path(url.database or "")))
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        return sa.create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 15})
    except (NoSuchModuleError, ImportError, ArgumentError) as err:
        raise VaultError(f"cannot open a {url.get_backend_name()} database: the driver is "
                         f"missing or the URL is wrong ({type(err).__name__})",
                         hint="for PostgreSQL use postgresql+psycopg://...") from None


def create_sqlite_file(path: Path) -> None:
    """Create an empty SQLite file with mode 0600 (the vault holds encrypted identifiers)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        if path.stat().st_size:
            return  # the caller checks what is inside
        os.chmod(path, 0o600)
        return
    except OSError as err:
        raise VaultError(f"{path}: cannot create the vault file ({err.strerror})") from None
    os.close(handle)


def _sqlite_connect(path: Path, dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # pysqlite must not begin on its own
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")  # 2 MiB by default: far too few
    cursor.close()
    for companion in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:  # the write-ahead log holds vault pages too: as private as the file
            if companion.exists() and companion.stat().st_mode & 0o077:
                os.chmod(companion, 0o600)
        except OSError:
            pass


def _sqlite_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get("veil_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction (committed at the end, rolled back on any error); on SQLite
    under the writers' file lock (see the module)."""
    with _writer_lock(engine), engine.connect() as conn:
        conn.execution_options(veil_write=True)
        with conn.begin():
            yield conn


@contextmanager
def _writer_lock(engine: Engine) -> Iterator[None]:
    """An exclusive flock on ``<SQLite file>-writer.lock`` (nothing for PostgreSQL, whose
    writers queue on the audit head's row lock and are woken when it is free). A lock
    file that cannot be opened (a read-only directory) leaves SQLite's own locking."""
    path = sqlite_file(engine.url)
    handle = -1
    if path is not None:
        try:
            handle = os.open(path.with_name(path.name + "-writer.lock"),
                             os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            handle = -1
    try:
        if handle >= 0:
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        if handle >= 0:
            os.close(handle)  # closing releases the lock


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """One read transaction."""
    with engine.connect() as conn, conn.begin():
        yield conn


@contextmanager
def guarded(what: str, where: str) -> Iterator[None]:
    """Turn database errors into a one-line VaultError without the driver's text."""
    try:
        yield
    except database_errors() as err:
        original = driver_error(err)
        kind = type(original).__name__
        state = sqlstate(err)
        if state:
            kind += f", SQLSTATE {state}"
        if isinstance(original, sqlite3.OperationalError) and (
                "locked" in str(original) or "busy" in str(original)):
            raise VaultError(f"the vault ({where}) stayed locked by another writer while "
                             f"{what}", hint="retry when the other batch has finished") from None
        raise VaultError(f"the vault database ({where}) failed while {what} ({kind})",
                         hint="check that the database is reachable and the URL names a "
                         "veil vault; the driver's own message is withheld (it may quote "
                         "data)") from None


def database_errors() -> tuple[type[Exception], ...]:
    """SQLAlchemy's errors and the drivers' own (raised by statements sent to a driver
    cursor directly)."""
    import psycopg

    return SQLAlchemyError, sqlite3.Error, psycopg.Error


def driver_error(err: BaseException) -> BaseException:
    """The driver's exception behind a SQLAlchemy one (or `err` itself)."""
    original = getattr(err, "orig", None)
    return original if isinstance(original, BaseException) else err


def sqlstate(err: BaseException) -> str | None:
    """PostgreSQL's SQLSTATE code of a database error, if any."""
    state = getattr(driver_error(err), "sqlstate", None)
    return str(state) if state else None


def has_table(engine: Engine, name: str) -> bool:
    return sa.inspect(engine).has_table(name)
