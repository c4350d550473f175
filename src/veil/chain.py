"""A hash chain over stored entries: what the vault's audit log and the DP budget ledger share.

Guarantee:
    Entry n stores ``previous`` = the digest of entry n-1 (`GENESIS` for the first)
    and ``digest`` = SHA-256 of the canonical JSON of its body, `previous`
    included. Editing, deleting, inserting or reordering any entry changes a
    digest the next entry no longer matches, so `walk` names the first broken
    entry. A deleted tail or a chain recomputed from scratch is only caught by
    a separately protected head (the vault keeps one with an HMAC), and an older
    copy of that head restored with the database only by a witness kept outside
    it (`veil.anchor`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

GENESIS = "0" * 64


@dataclass(frozen=True)
class VerifyResult:
    """The outcome of checking a chain: `first_broken` is the first bad sequence number;
    `anchored` says whether the head was also checked against a witness outside the
    database (`veil.anchor`)."""

    ok: bool
    entries: int
    first_broken: int | None
    reason: str | None
    anchored: bool = False


def canonical(body: Mapping[str, object]) -> bytes:
    """The bytes an entry's digest covers: sorted keys, no spaces, UTF-8."""
    return json.dumps(dict(body), sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def link_digest(body: Mapping[str, object]) -> str:
    """SHA-256 (hex) of the canonical JSON of one entry's body (`previous` included)."""
    return hashlib.sha256(canonical(body)).hexdigest()


def walk(rows: Sequence[Mapping[str, object]],
         body_of: Callable[[Mapping[str, object]], Mapping[str, object]]) -> str | VerifyResult:
    """Check stored rows (with ``seq``, ``previous``, ``digest``) in order.

    `body_of(row)` rebuilds the hashed body of a stored row and raises ValueError
    when the row cannot be read. Returns the last digest, or the first failure.
    """
    previous = GENESIS
    total = len(rows)
    for expected, row in enumerate(rows, start=1):
        seq = int(str(row["seq"]))
        if seq != expected:
            return VerifyResult(False, total, expected, f"entry {expected} is missing or out "
                                f"of order (found sequence number {seq} in its place)")
        if row["previous"] != previous:
            return VerifyResult(False, total, seq,
                                f"entry {seq} does not chain to entry {seq - 1}")
        try:
            body = body_of(row)
        except ValueError:
            return VerifyResult(False, total, seq, f"entry {seq} is unreadable")
        if not hmac.compare_digest(link_digest(body), str(row["digest"])):
            return VerifyResult(False, total, seq, f"entry {seq} was altered "
                                "(its digest does not match its content)")
        previous = str(row["digest"])
    return previous
