"""Checking the whole code table: every row's MAC and every scope's number of rows.

What is checked is stated in `veil.vault.codemac`. Rows are streamed in pages (memory
stays bounded whatever the table's size) and each page's MACs are computed in Polars
over whole columns.
"""

from __future__ import annotations

from typing import Any

import polars as pl
from sqlalchemy import Connection, select

from veil.vault import schema
from veil.vault.codemac import CodeCheck, CodeMac

_SQLITE_ROWS = ("SELECT scope_id, CAST(scope_id AS TEXT) || '/' || code || '/' || "
                "lower(hex(blind_index)) || '/' || lower(hex(secret)), lower(hex(mac)), "
                "blind_index IS NULL AND secret IS NULL AND mac IS NULL FROM veil_codes")
_PG_ROWS = ("SELECT scope_id, scope_id::text || '/' || code || '/' || "
            "encode(blind_index, 'hex') || '/' || encode(secret, 'hex'), encode(mac, 'hex'), "
            "blind_index IS NULL AND secret IS NULL AND mac IS NULL FROM veil_codes")
_PAGE_SCHEMA = {"scope_id": pl.Int64, "message": pl.String, "mac": pl.String,
                "cleared": pl.Boolean}


def check_codes(conn: Connection, macs: CodeMac, *, page: int = 200_000) -> CodeCheck:
    """`CodeCheck` of every row of the table (in the caller's read transaction).

    The database writes each row's MAC message as text (the same text `CodeMac`
    hashes), a cursor streams the rows page by page (a server-side cursor on
    PostgreSQL), and Polars hashes each page's messages at once.
    """
    scopes = {int(r.id): (str(r.name), r.wrapped_key is None) for r in conn.execute(
        select(schema.scopes.c.id, schema.scopes.c.name, schema.scopes.c.wrapped_key))}
    gone = [i for i, (_, shredded) in scopes.items() if shredded]
    held: dict[int, int] = {}
    bad: dict[int, int] = {}
    total = 0
    raw: Any = conn.connection.dbapi_connection
    postgres = conn.dialect.name == "postgresql"
    cursor = raw.cursor(name="veil_code_check") if postgres else raw.cursor()
    try:
        cursor.execute(_PG_ROWS if postgres else _SQLITE_ROWS)
        while rows := cursor.fetchmany(page):
            scope_ids, messages, stored, cleared = zip(*rows, strict=True)
            frame = pl.DataFrame({"scope_id": scope_ids, "message": messages, "mac": stored,
                                  "cleared": [bool(c) for c in cleared]}, schema=_PAGE_SCHEMA)
            failing = (macs.expected_hex(pl.col("message")) != pl.col("mac")).fill_null(True)
            frame = frame.select(
                "scope_id", bad=pl.when(pl.col("scope_id").is_in(gone))
                .then(~pl.col("cleared")).otherwise(failing))
            for scope_id, count, wrong in frame.group_by("scope_id").agg(
                    pl.len(), pl.col("bad").sum()).iter_rows():
                held[scope_id] = held.get(scope_id, 0) + int(count)
                bad[scope_id] = bad.get(scope_id, 0) + int(wrong)
            total += frame.height
    finally:
        cursor.close()
    assigned = _assigned(conn)
    reasons: list[str] = []
    for scope_id in sorted(set(held) | set(bad)):
        name = scopes.get(scope_id, (f"#{scope_id}", False))[0]
        if scope_id not in scopes:
            reasons.append(f"{held[scope_id]} code rows belong to no scope (id {scope_id})")
        elif bad.get(scope_id):
            reasons.append(f"scope {name!r}: {bad[scope_id]} code rows fail their MAC "
                           "(renamed, swapped, moved or forged)")
    for scope_id, (name, _) in sorted(scopes.items()):
        expected = assigned.get(name, 0)
        if held.get(scope_id, 0) != expected:
            reasons.append(f"scope {name!r} holds {held.get(scope_id, 0)} codes but its "
                           f"audit log assigned {expected} (rows were deleted or inserted)")
    missing = sorted(set(assigned) - {name for name, _ in scopes.values()})
    reasons += [f"scope {name!r} was assigned {assigned[name]} codes but no longer exists"
                for name in missing if assigned[name]]
    return CodeCheck(not reasons, total, sum(bad.values()),
                     "; ".join(reasons[:3]) + (f" (and {len(reasons) - 3} more)"
                                               if len(reasons) > 3 else "") or None)


def _assigned(conn: Connection) -> dict[str, int]:
    """New codes per scope, summed over the audit log's successful assignments."""
    rows = conn.execute(select(schema.audit.c.scope, schema.audit.c.counts)
                        .where(schema.audit.c.action == "assign",
                               schema.audit.c.outcome == "ok")).all()
    if not rows:
        return {}
    frame = pl.DataFrame([(r[0], r[1]) for r in rows], schema={"scope": pl.String,
                                                               "counts": pl.String},
                         orient="row")
    sums = frame.group_by("scope").agg(
        pl.col("counts").str.json_path_match("$.new").cast(pl.Int64).fill_null(0).sum())
    return {str(scope): int(new) for scope, new in sums.iter_rows()}
