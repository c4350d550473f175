"""The vault's audit log: an append-only, hash-chained list of who did what.

Guarantee:
    The entries form a `veil.chain` hash chain (each carries the SHA-256 of the
    previous one), so editing, deleting, inserting or reordering any entry is
    named by `verify_chain` as the first broken entry. The chain head (last
    sequence number and digest) is kept with an HMAC under the vault's audit
    key, which also detects a deleted tail and a chain recomputed from scratch
    by someone without the master key. The head alone cannot tell an older copy
    of itself (saved, then restored with the rows after it deleted, or a whole
    database restored from a backup): the witness outside the database
    (`veil.vault.anchoring`) does, and the head's MAC also records whether the
    vault is anchored, so that flag cannot be dropped without the key.
    Entries hold who, when, scope, purpose, counts and outcome; never an
    identifier or a code. Actors and purposes with control or format characters
    (line breaks, NEL, line and paragraph separators, bidi overrides) are
    refused: they could forge lines or reorder text in a printed log. An
    attacker holding the master key and write access to the database AND the
    witness can rewrite history: mirror the witness to an append-only log
    (`--witness-log`) if that matters.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, RowMapping, bindparam, insert, select, update

from veil.anchor import Head
from veil.chain import GENESIS, VerifyResult, link_digest, walk
from veil.errors import VaultError
from veil.vault import schema

if TYPE_CHECKING:
    from veil.vault.anchoring import VaultAnchor

__all__ = ["GENESIS", "AuditEntry", "Pending", "VerifyResult", "append", "append_many",
           "entry_digest", "read", "start", "verify_chain"]


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log."""

    seq: int
    at: dt.datetime
    actor: str
    action: str
    scope: str | None
    purpose: str | None
    counts: dict[str, int]
    outcome: str
    previous: str
    digest: str

    def to_dict(self) -> dict[str, object]:
        return {"seq": self.seq, "at": self.at.isoformat(), "actor": self.actor,
                "action": self.action, "scope": self.scope, "purpose": self.purpose,
                "counts": dict(self.counts), "outcome": self.outcome,
                "previous": self.previous, "digest": self.digest}


def entry_digest(seq: int, at: str, actor: str, action: str, scope: str | None,
                 purpose: str | None, counts: Mapping[str, int], outcome: str,
                 previous: str) -> str:
    """SHA-256 (hex) of the canonical JSON of one entry's fields."""
    return link_digest({"seq": seq, "at": at, "actor": actor, "action": action,
                        "scope": scope, "purpose": purpose, "counts": dict(counts),
                        "outcome": outcome, "previous": previous})


def head_mac(key: bytes, seq: int, digest: str, *, anchored: bool = False) -> str:
    """The head row's MAC; an anchored vault's head MACs that fact too."""
    text = f"veil/vault/v1/audit-head/{seq}/{digest}" + ("/anchored" if anchored else "")
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()


def head_state(key: bytes, seq: int, digest: str, mac: str) -> bool | None:
    """Whether a head row is anchored (True), not (False), or fails its MAC (None)."""
    if hmac.compare_digest(mac, head_mac(key, seq, digest, anchored=True)):
        return True
    if hmac.compare_digest(mac, head_mac(key, seq, digest)):
        return False
    return None


def check_fields(action: str, actor: str, counts: Mapping[str, int]) -> None:
    if not action or len(action) > 40 or not action.replace("-", "").isalnum():
        raise VaultError("an audit action is 1 to 40 letters, digits or '-'")
    if not actor.strip():
        raise VaultError("every vault operation needs an actor (who does it)")
    check_text("actor", actor)
    for name, value in counts.items():
        if not isinstance(value, int) or isinstance(value, bool):
            raise VaultError(f"audit count {name!r} must be an integer")


@dataclass(frozen=True)
class Pending:
    """An entry to append: everything but its place in the chain."""

    action: str
    actor: str
    scope: str | None
    purpose: str | None
    counts: Mapping[str, int]
    outcome: str


def append(conn: Connection, key: bytes, *, action: str, actor: str, scope: str | None,
           purpose: str | None, counts: Mapping[str, int], outcome: str) -> AuditEntry:
    """Append one entry inside the caller's transaction (the head row serializes writers)."""
    return append_many(conn, key, [Pending(action, actor, scope, purpose, counts, outcome)])[0]


# Built once: a statement object keeps its cache key, so running it again skips building
# and hashing the statement (most of a re-identification's CPU inside its transaction)
_LOCK_HEAD = (select(schema.audit_head.c.seq, schema.audit_head.c.digest,
                     schema.audit_head.c.mac)
              .where(schema.audit_head.c.id == 1).with_for_update())
_INSERT = insert(schema.audit)
_MOVE_HEAD = (update(schema.audit_head).where(schema.audit_head.c.id == 1)
              .values(seq=bindparam("new_seq"), digest=bindparam("new_digest"),
                      mac=bindparam("new_mac")))


def append_many(conn: Connection, key: bytes, pending: Sequence[Pending], *,
                anchor: VaultAnchor | None = None) -> list[AuditEntry]:
    """Append entries in order inside the caller's transaction: one read of the locked head,
    one multi-row insert, one head update (group commit appends a batch's entries at once).

    With `anchor`, the chain must still hold the witnessed head (else VaultError, nothing
    written) and the new head is marked anchored; the caller advances the witness after
    its commit. Without one, an anchored vault refuses to write.
    """
    for item in pending:
        check_fields(item.action, item.actor, item.counts)
        check_text("purpose", item.purpose)
    if not pending:
        return []
    head = conn.execute(_LOCK_HEAD).one()
    seq, previous = int(head.seq), str(head.digest)
    anchored = head_state(key, seq, previous, str(head.mac))
    if anchored is None:
        raise VaultError("the vault refuses to write: the audit chain head fails its MAC",
                         hint="run `veil vault verify` and restore the vault from a backup")
    if anchor is not None:
        anchor.before_commit(conn, Head(seq, previous), required=anchored)
    elif anchored:
        raise VaultError("the vault refuses to write: its audit chain is anchored by a "
                         "witness file and none was given",
                         hint="pass --witness PATH or set $VEIL_VAULT_WITNESS (a key file's "
                         "directory holds the witness by default)")
    at = dt.datetime.now(dt.UTC)
    at_text = at.isoformat(timespec="microseconds")
    entries: list[AuditEntry] = []
    for item in pending:
        seq += 1
        digest = entry_digest(seq, at_text, item.actor, item.action, item.scope, item.purpose,
                              item.counts, item.outcome, previous)
        entries.append(AuditEntry(seq, at, item.actor, item.action, item.scope, item.purpose,
                                  dict(item.counts), item.outcome, previous, digest))
        previous = digest
    conn.execute(_INSERT, [
        {"seq": e.seq, "at": at_text, "actor": e.actor, "action": e.action, "scope": e.scope,
         "purpose": e.purpose, "counts": _counts_text(e.counts), "outcome": e.outcome,
         "previous": e.previous, "digest": e.digest} for e in entries])
    last = entries[-1]
    conn.execute(_MOVE_HEAD, {"new_seq": last.seq, "new_digest": last.digest,
                              "new_mac": head_mac(key, last.seq, last.digest,
                                                  anchored=anchored or anchor is not None)})
    return entries


def start(conn: Connection, key: bytes, *, anchored: bool = False) -> None:
    """The empty chain's head (inside the transaction that creates the vault)."""
    conn.execute(insert(schema.audit_head).values(
        id=1, seq=0, digest=GENESIS, mac=head_mac(key, 0, GENESIS, anchored=anchored)))


# line breaks, NEL, separators, bidi embeddings/overrides/isolates, other controls
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


def check_text(name: str, value: str | None) -> None:
    """Refuse a field with control or format characters (VaultError naming the field and
    the code point, never the text)."""
    if value is None:
        return
    for char in value:
        if unicodedata.category(char) in _REFUSED_CATEGORIES:
            raise VaultError(f"the {name} holds the control or format character "
                             f"U+{ord(char):04X}", hint="use printable text on one line")


def read(conn: Connection, *, after: int = 0, limit: int | None = None) -> list[AuditEntry]:
    """Entries with a sequence number above `after`, oldest first, at most `limit`."""
    query = select(schema.audit).where(schema.audit.c.seq > after).order_by(schema.audit.c.seq)
    if limit is not None:
        query = query.limit(limit)
    return [_entry(row._mapping) for row in conn.execute(query)]


def verify_chain(conn: Connection, key: bytes, *, anchor: VaultAnchor | None = None,
                 inside_only: bool = False) -> VerifyResult:
    """Check every entry against its predecessor, the chain head and, for an anchored vault
    or with an `anchor`, the witness outside the database (not with `inside_only`)."""
    rows: list[Mapping[str, object]] = [
        dict(row._mapping) for row in
        conn.execute(select(schema.audit).order_by(schema.audit.c.seq))]
    count = len(rows)
    previous = walk(rows, _body)
    if isinstance(previous, VerifyResult):
        return previous
    last_seq = count
    head = conn.execute(select(schema.audit_head)).all()
    if len(head) != 1:
        return VerifyResult(False, count, last_seq + 1, "the chain head is missing")
    mark = head[0]._mapping
    anchored = head_state(key, int(mark["seq"]), str(mark["digest"]), str(mark["mac"]))
    if anchored is None:
        return VerifyResult(False, count, 1, "the chain head fails its MAC: the log was "
                            "rewritten without the master key, or the head was edited")
    if int(mark["seq"]) != last_seq or str(mark["digest"]) != previous:
        if int(mark["seq"]) > last_seq:
            return VerifyResult(False, count, last_seq + 1,
                                f"entries {last_seq + 1} to {mark['seq']} are missing")
        return VerifyResult(False, count, int(mark["seq"]),
                            f"entry {mark['seq']} does not match the chain head")
    if inside_only:
        return VerifyResult(True, count, None, None, anchored=False)
    if anchor is None:
        if anchored:
            return VerifyResult(False, count, last_seq + 1, "the chain is anchored by a "
                                "witness file and none was given: a rollback cannot be "
                                "ruled out")
        return VerifyResult(True, count, None, None, anchored=False)
    mismatch = anchor.verify(conn, Head(last_seq, previous), required=True)
    if mismatch is not None:
        return VerifyResult(False, count, mismatch.entry, mismatch.reason)
    return VerifyResult(True, count, None, None, anchored=True)


def _body(row: Mapping[str, object]) -> dict[str, object]:
    """The hashed fields of a stored entry (ValueError when its counts are unreadable)."""
    return {"seq": int(str(row["seq"])), "at": str(row["at"]), "actor": str(row["actor"]),
            "action": str(row["action"]), "scope": row["scope"], "purpose": row["purpose"],
            "counts": json.loads(str(row["counts"])), "outcome": str(row["outcome"]),
            "previous": str(row["previous"])}


def _counts_text(counts: Mapping[str, int]) -> str:
    return json.dumps(dict(counts), sort_keys=True, separators=(",", ":"))


def _entry(row: RowMapping) -> AuditEntry:
    return AuditEntry(
        seq=int(row["seq"]), at=dt.datetime.fromisoformat(str(row["at"])),
        actor=str(row["actor"]), action=str(row["action"]), scope=row["scope"],
        purpose=row["purpose"], counts={str(k): int(v) for k, v in
                                        json.loads(str(row["counts"])).items()},
        outcome=str(row["outcome"]), previous=str(row["previous"]), digest=str(row["digest"]))
