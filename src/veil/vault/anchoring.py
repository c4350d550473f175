"""The vault's audit chain anchored outside its database (`veil.anchor.Witness`).

Where the witness is, in this order:

1. ``Vault.open(..., anchor=AnchorOptions(witness=PATH))`` or ``--witness PATH``;
2. the environment variable ``VEIL_VAULT_WITNESS``;
3. beside the master key file, when the key was read from a file.

A PATH that is a directory holds the file ``veil-vault-<id>.witness`` (``<id>``: 16 hex
digits naming the vault, from its public key), so one directory can anchor several
vaults and every key file of a directory (a rotated key, a key rebuilt from shares)
finds the same witness. A mirror (an append-only JSON lines log) is added with
``mirror=`` / ``--witness-log`` / ``VEIL_VAULT_WITNESS_LOG``.

Guarantee (with `veil.anchor`):
    Every write transaction, before it commits, checks that the chain in the
    database still contains the witnessed head (else it refuses: the database was
    rolled back), and after it commits advances the witness to the new head. The
    witness's MAC key is derived from the vault's audit key, which only the master
    key unwraps. The chain head row records, under its own MAC, that the vault is
    anchored: from then on a writer that has no witness, or finds it missing, is
    refused, and `verify` fails without one. A vault that was never anchored is
    anchored by its first write with a witness location (or `Vault.anchor`).
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, select

from veil.anchor import Head, Mismatch, Witness
from veil.errors import KeyStoreError, VaultError
from veil.vault import schema
from veil.vault.keys import MasterKey

WITNESS_ENV = "VEIL_VAULT_WITNESS"
WITNESS_LOG_ENV = "VEIL_VAULT_WITNESS_LOG"


@dataclass(frozen=True)
class AnchorOptions:
    """Where `Vault.open` and `Vault.create` keep the chain witness.

    `witness`: a file or a directory (None: $VEIL_VAULT_WITNESS, else beside the key
    file); `mirror`: an append-only JSON lines log (None: $VEIL_VAULT_WITNESS_LOG, else
    none); `enabled=False` opens without any witness (refused for an anchored vault's
    writes, and `verify` reports the chain as not anchored).
    """

    witness: Path | None = None
    mirror: Path | None = None
    enabled: bool = True


def vault_id(public_key: bytes) -> str:
    """16 hex digits naming a vault (not secret): its witness file's name."""
    return hashlib.sha256(b"veil/vault/v1/id/" + public_key).hexdigest()[:16]


def witness_name(identity: str) -> str:
    return f"veil-vault-{identity}.witness"


def locate(options: AnchorOptions, key: MasterKey, identity: str) -> Path | None:
    """The witness file of vault `identity` (None when no location is known)."""
    if not options.enabled:
        return None
    where = options.witness
    if where is None and os.environ.get(WITNESS_ENV, "").strip():
        where = Path(os.environ[WITNESS_ENV].strip())
    if where is None and key.path is not None:
        where = key.path.parent
    if where is None:
        return None
    return where / witness_name(identity) if where.is_dir() else where


def mirror_of(options: AnchorOptions) -> Path | None:
    if not options.enabled:
        return None
    if options.mirror is not None:
        return options.mirror
    text = os.environ.get(WITNESS_LOG_ENV, "").strip()
    return Path(text) if text else None


class VaultAnchor:
    """A vault's witness and the checks its transactions make against it."""

    def __init__(self, path: Path, audit_key: bytes, identity: str,
                 mirror: Path | None = None) -> None:
        key = hmac.new(audit_key, b"veil/vault/v1/witness", hashlib.sha256).digest()
        # two slots: one pwrite and one fdatasync per advance (`veil.anchor`)
        self.witness = Witness(path, key=key, label=f"veil-vault:{identity}", mirror=mirror,
                               slots=True)
        self.fresh = False  # a new location (`Vault.anchor`): the witness may be missing

    @property
    def path(self) -> Path:
        return self.witness.path

    def before_commit(self, conn: Connection, head: Head, *, required: bool) -> None:
        """Refuse (VaultError) to extend a chain that does not contain the witnessed head."""
        mismatch = self._check(conn, head, required=required and not self.fresh)
        if mismatch is not None:
            raise VaultError(f"the vault refuses to write: {mismatch.reason}",
                             hint="run `veil vault verify`; restore the database, or the "
                             "witness, from a trusted copy before going on")

    def after_commit(self, head: Head) -> None:
        try:
            self.witness.advance(head)
        except KeyStoreError as error:
            raise VaultError(f"the change committed but its witness was not advanced: "
                             f"{error.message}", hint=error.hint) from None

    def verify(self, conn: Connection, head: Head, *, required: bool) -> Mismatch | None:
        return self._check(conn, head, required=required)

    def _check(self, conn: Connection, head: Head, *, required: bool) -> Mismatch | None:
        try:
            return self.witness.check(head.seq, _digests(conn, head), required=required)
        except KeyStoreError as error:
            return Mismatch(1, error.message)


def _digests(conn: Connection, head: Head) -> Callable[[int], str | None]:
    def digest_at(seq: int) -> str | None:
        if seq == head.seq:
            return head.digest
        found = conn.execute(select(schema.audit.c.digest)
                             .where(schema.audit.c.seq == seq)).scalar_one_or_none()
        return None if found is None else str(found)

    return digest_at
