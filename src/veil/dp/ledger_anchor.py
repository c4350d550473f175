"""The budget ledger's chain anchored outside its database (`veil.anchor.Witness`).

Without it, whoever could write the ledger's database could delete a release,
recompute the chain and the head row after it, and get the budget back: the
rewritten chain is consistent, so nothing inside the database can tell. The
witness is a small file that names the last committed entry (sequence number and
digest) under a MAC whose key is derived from the ledger's key file
(`veil.dp.ledger_key`), so only a key holder can write a valid one.

Where the files are (`LedgerFiles`), in this order:

- the key: ``--ledger-key`` / ``$VEIL_DP_LEDGER_KEY``, else ``FILE.key`` beside a
  SQLite ledger (PostgreSQL: must be named);
- the witness: ``--witness`` / ``$VEIL_DP_LEDGER_WITNESS`` (a file, or a directory
  that holds ``veil-dp-ledger-<id>.witness``), else that file beside the key;
- an optional mirror, an append-only JSON lines log: ``--witness-log`` /
  ``$VEIL_DP_LEDGER_WITNESS_LOG`` (keep it where the database's writers cannot
  truncate it: ``chattr +a``, a remote log collector).

Guarantee (with `veil.anchor`):
    `veil ledger init` writes the witness of the empty chain. Every write (a
    registration or a charge) checks, inside its locked transaction and before it
    appends anything, that the chain still contains the witnessed head, and refuses
    otherwise; after it commits it advances the witness to the new head.
    `Ledger.verify` (``veil ledger verify`` with its default arguments), `spent` and
    `remaining` check it too. So a release deleted with the chain recomputed, a
    whole-database rollback to an older copy and a cut tail are all named, and no
    budget is refunded by them. A missing witness is a failure, not a fresh start.

Not detected (see `veil.anchor`): a rollback of the database and the witness
together to a matching older pair (unless the mirror survives it); entries
committed after the last advance that reached the file (a process killed between
its commit and its advance); anything done by a holder of the key file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from veil.anchor import Head, Witness
from veil.chain import GENESIS, VerifyResult
from veil.dp.ledger_key import LedgerKey
from veil.dp.ledger_store import LedgerError
from veil.errors import KeyStoreError

__all__ = ["LedgerAnchor", "LedgerFiles", "witness_name"]


@dataclass(frozen=True)
class LedgerFiles:
    """Where the ledger's files outside its database are (None: the defaults above)."""

    key: Path | None = None
    witness: Path | None = None
    witness_log: Path | None = None


def witness_name(ledger_id: str) -> str:
    return f"veil-dp-ledger-{ledger_id}.witness"


class LedgerAnchor:
    """One ledger's witness and the checks its transactions make against it."""

    def __init__(self, files: LedgerFiles, key: LedgerKey, ledger_id: str) -> None:
        where = files.witness if files.witness is not None else key.path.parent
        path = where / witness_name(ledger_id) if where.is_dir() else where
        self.witness = Witness(path, key=key.derive("witness"),
                               label=f"veil-dp-ledger:{ledger_id}", mirror=files.witness_log)

    @property
    def path(self) -> Path:
        return self.witness.path

    def start(self) -> None:
        """Witness the empty chain of a new ledger (refused where a witness already is)."""
        if self.path.exists():
            raise LedgerError(f"{self.path}: a chain witness already exists there",
                              hint="name another --witness, or remove the old one "
                              "deliberately")
        try:
            self.witness.advance(Head(0, GENESIS))
        except KeyStoreError as error:
            raise LedgerError(f"cannot write the new ledger's witness: {error.message}",
                              hint="name a writable --witness") from None

    def problem(self, seq: int, digest_at: Callable[[int], str | None]) -> VerifyResult | None:
        """Why a verified chain of `seq` entries disagrees with its witness, if it does."""
        try:
            mismatch = self.witness.check(seq, digest_at, required=True)
        except KeyStoreError as error:
            return VerifyResult(False, seq, None, f"the ledger's witness cannot be trusted: "
                                f"{error.message}")
        if mismatch is None:
            return None
        return VerifyResult(False, seq, mismatch.entry, mismatch.reason)

    def ready(self) -> None:
        """Refuse before committing when the witness could not be advanced afterwards (its
        directory not writable): a charge must not be spent without its witness."""
        if not os.access(self.path.parent, os.W_OK) or (
                self.path.exists() and not os.access(self.path, os.R_OK)):
            raise LedgerError(f"{self.path}: the ledger's witness cannot be updated here",
                              hint="run releases as a user who may write the witness "
                              "(--witness or $VEIL_DP_LEDGER_WITNESS)")

    def advance(self, seq: int, digest: str) -> None:
        """After a commit: the witness names entry `seq` (or a later one)."""
        try:
            self.witness.advance(Head(seq, digest))
        except KeyStoreError as error:
            raise LedgerError(f"entry {seq} committed but the ledger's witness was not "
                              f"advanced: {error.message}",
                              hint=error.hint or "run `veil ledger verify`; restore the "
                              "witness or the database from a trusted copy") from None
