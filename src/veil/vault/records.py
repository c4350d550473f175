"""Plain values the vault hands out: a scope's summary and a destruction record."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

SIGNATURE_PREFIX = "ed25519:"


@dataclass(frozen=True)
class ScopeInfo:
    """One scope (organization, study or pseudonymisation domain) and how many codes it holds."""

    name: str
    master: bool
    created: dt.datetime
    shredded: bool
    codes: int


@dataclass(frozen=True)
class DestructionRecord:
    """Evidence that a scope's data key was destroyed (crypto-shredding).

    `signature` is ``ed25519:<hex>`` over `signed_bytes()`, made with the vault's
    signing key; anyone holding the vault's public key (`Vault.public_key`, also
    written next to the record by `veil vault shred`) can check it with
    `verify_destruction`, without any secret.
    """

    scope: str
    at: dt.datetime
    actor: str
    codes: int
    signature: str

    def signed_bytes(self) -> bytes:
        return destruction_payload(self.scope, self.at, self.actor, self.codes)

    def to_dict(self) -> dict[str, object]:
        return {"scope": self.scope, "at": self.at.isoformat(), "actor": self.actor,
                "codes": self.codes, "signature": self.signature, "algorithm": "Ed25519",
                "signed": self.signed_bytes().decode("utf-8")}


def destruction_payload(scope: str, at: dt.datetime, actor: str, codes: int) -> bytes:
    """The canonical bytes a destruction record signs."""
    return json.dumps({"record": "veil-vault-destruction-v1", "scope": scope,
                       "at": at.isoformat(), "actor": actor, "codes": codes},
                      sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def verify_destruction(record: DestructionRecord, public_key: str) -> bool:
    """Whether `record` carries a valid signature by the vault whose public key (hex) is given."""
    if not record.signature.startswith(SIGNATURE_PREFIX):
        return False
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key))
        key.verify(bytes.fromhex(record.signature[len(SIGNATURE_PREFIX):]),
                   record.signed_bytes())
    except (InvalidSignature, ValueError):
        return False
    return True
