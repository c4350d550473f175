"""Bulk code assignment: the hot path of `Vault.assign`.

Guarantee (with the unique constraints of `veil.vault.schema`): after
`assign_codes` returns inside a transaction, every identifier of the batch has
exactly one stored code, and it is the code any concurrent batch sees too.

How: blind indexes are looked up in chunks; the missing identifiers get fresh
codes, are encrypted and inserted in chunks with INSERT ... ON CONFLICT DO
NOTHING, in ascending blind-index order so concurrent PostgreSQL batches take
row locks in one order. A row that did not go in was either stored meanwhile by
a concurrent batch (its code is read back and used) or drew a code that is taken
(a fresh code is drawn and the row tried again).

The statements go to the driver directly (executemany on SQLite, one
INSERT ... SELECT FROM unnest(arrays) per chunk on PostgreSQL), inside the
SQLAlchemy transaction: per-row work in SQLAlchemy would cost several times
the database's own time at a million rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

import polars as pl
from sqlalchemy import Connection

from veil.errors import VaultError
from veil.vault.codemac import SCHEMA, CodeMac
from veil.vault.codes import CodeFormat
from veil.vault.crypto import ScopeCipher

T = TypeVar("T")

LOOKUP_CHUNK = 10_000
INSERT_CHUNK = 20_000
MAX_ROUNDS = 12  # rounds of fresh codes for collisions before giving up

_SQLITE_INSERT = ("INSERT INTO veil_codes (scope_id, code, blind_index, secret, mac) "
                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
_PG_INSERT = ("INSERT INTO veil_codes (scope_id, code, blind_index, secret, mac) "
              "SELECT %s, t.c, t.b, t.s, t.m FROM unnest(%b::text[], %b::bytea[], "
              "%b::bytea[], %b::bytea[]) AS t(c, b, s, m) ON CONFLICT DO NOTHING")
_PG_LOOKUP = ("SELECT scope_id, code, blind_index, secret, mac FROM veil_codes "
              "WHERE scope_id = %s AND blind_index = ANY(%b::bytea[])")
_PG_ANY = "SELECT EXISTS (SELECT 1 FROM veil_codes WHERE scope_id = %s)"
_SQLITE_ANY = "SELECT EXISTS (SELECT 1 FROM veil_codes WHERE scope_id = ?)"


def assign_codes(conn: Connection, scope_id: int, fmt: CodeFormat, cipher: ScopeCipher,
                 distinct: pl.Series, macs: CodeMac) -> tuple[pl.Series, list[str], int]:
    """The `distinct` identifiers (reordered), their codes, and how many codes were new.

    Every stored row the batch finds must pass its MAC (else VaultError: the table was
    altered, and a returning identifier could get another one's code); new rows get one.
    """
    rows = _Rows(conn, scope_id, macs)
    try:
        return _assign(rows, fmt, cipher, distinct)
    finally:
        rows.cursor.close()


def _assign(rows: _Rows, fmt: CodeFormat, cipher: ScopeCipher,
            distinct: pl.Series) -> tuple[pl.Series, list[str], int]:
    # in blind-index order from here on: lookups and inserts walk the index in order
    # (cache-friendly), and concurrent PostgreSQL batches lock rows in one order
    table = cipher.indexed(distinct)
    values = table["identifier"]
    indexes: list[bytes] = table["index"].to_list()
    found = rows.lookup(indexes) if rows.any() else {}
    pending = [i for i, index in enumerate(indexes) if index not in found]
    new = 0
    for _ in range(MAX_ROUNDS):
        if not pending:
            return values, [found[index] for index in indexes], new
        retry: list[int] = []
        for chunk in _chunks(pending, INSERT_CHUNK):
            part = [indexes[i] for i in chunk]
            codes = fmt.draw(len(chunk))
            secrets = cipher.encrypt(values.gather(list(chunk)).to_list(), codes, part)
            if rows.insert(codes, part, secrets) == len(chunk):
                found.update(zip(part, codes, strict=True))
                new += len(chunk)
                continue
            stored = rows.lookup(part)  # who went in, who was there, who must draw again
            for i, index, code in zip(chunk, part, codes, strict=True):
                if index in stored:
                    found[index] = stored[index]
                    new += stored[index] == code
                else:
                    retry.append(i)
        pending = retry  # still ascending
    raise VaultError("no free code found after repeated draws: the scope's code space is "
                     "nearly full", hint="use a new scope with longer codes")


class _Rows:
    """The driver-level statements of one backend, on the transaction's own connection."""

    def __init__(self, conn: Connection, scope_id: int, macs: CodeMac) -> None:
        self.scope_id = scope_id
        self.macs = macs
        self.postgres = conn.dialect.name == "postgresql"
        self.cursor: Any = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]

    def any(self) -> bool:
        self.cursor.execute(_PG_ANY if self.postgres else _SQLITE_ANY, (self.scope_id,))
        return bool(self.cursor.fetchone()[0])

    def lookup(self, indexes: Sequence[bytes]) -> dict[bytes, str]:
        found: dict[bytes, str] = {}
        for chunk in _chunks(indexes, LOOKUP_CHUNK):
            if self.postgres:
                self.cursor.execute(_PG_LOOKUP, (self.scope_id, list(chunk)))
            else:
                marks = ",".join("?" * len(chunk))
                self.cursor.execute("SELECT scope_id, code, blind_index, secret, mac FROM "
                                    "veil_codes WHERE scope_id = ? AND blind_index IN "
                                    f"({marks})", (self.scope_id, *chunk))
            stored = pl.DataFrame(
                [(s, c, _bytes(b), _bytes(x), _bytes(m)) for s, c, b, x, m in
                 self.cursor.fetchall()],
                schema=SCHEMA, orient="row")
            self.macs.require(stored)
            found.update(zip(stored["blind_index"].to_list(), stored["code"].to_list(),
                             strict=True))
        return found

    def insert(self, codes: list[str], indexes: list[bytes], secrets: list[bytes]) -> int:
        """Insert what does not conflict, each row with its MAC; the number that went in."""
        macs = self.macs.sign(self.scope_id, codes, indexes, secrets)
        if self.postgres:
            self.cursor.execute(_PG_INSERT, (self.scope_id, codes, indexes, secrets, macs))
        else:
            self.cursor.executemany(_SQLITE_INSERT, [
                (self.scope_id, c, b, s, m) for c, b, s, m in zip(codes, indexes, secrets,
                                                                  macs, strict=True)])
        return int(self.cursor.rowcount)


def _bytes(value: Any) -> bytes | None:
    return None if value is None else bytes(value)


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
