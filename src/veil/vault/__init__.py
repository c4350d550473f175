"""The key vault: random codes per scope, identifiers encrypted, every use audited.

A tour in five steps:

1. Make a master key and keep it apart from the vault::

       key = MasterKey.generate(); key.write("master.key")      # mode 0600
       # or MasterKey.from_env() / from_passphrase(p, salt) / combine(shares)

2. Create the vault (a SQLite file, or PostgreSQL by URL) and a scope; its audit
   chain is anchored by a witness file outside the database (by default beside the
   key file; see `veil.vault.anchoring`)::

       vault = Vault.create("sqlite:///vault.db", MasterKey.from_file("master.key"))
       # or Vault.create(url, key, anchor=AnchorOptions(witness=Path("/var/lib/veil")))
       vault.add_scope("study-1", actor="alice", code_format=CodeFormat(length=8))

3. Assign codes, batch after batch; the same identifier keeps its code::

       codes = vault.assign("study-1", identifiers, actor="alice", purpose="extract 7")
       # or through the pseudonym action: Keys(keystore=VaultKeyStore(vault, actor="alice"))

4. Re-identify with a stated purpose (audited), rotate the master key, or
   shred a scope (its data key, blind indexes and ciphertexts) so its codes can
   never be reversed::

       vault.reidentify("study-1", ["7KQ2M9XH4"], actor="bob", purpose="adverse event")
       vault.rotate(MasterKey.generate(), actor="alice")
       record = vault.shred("study-1", actor="alice")

5. Check the hash-chained audit log against its witness, and every code row::

       assert vault.verify().ok and vault.verify_codes().ok

Guarantees are stated in `veil.vault.vault` (one code per identifier and scope,
atomic batches), `veil.vault.codes` (CSPRNG codes), `veil.vault.crypto`
(AES-256-GCM envelope encryption, HMAC blind index), `veil.vault.audit`
(hash chain), `veil.vault.anchoring` (the witness outside the database) and
`veil.vault.codemac` (a MAC on every code row). docs/custody.md says what they
detect and what a shred destroys.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from veil.vault.anchoring import AnchorOptions
    from veil.vault.audit import AuditEntry, VerifyResult
    from veil.vault.codemac import CodeCheck
    from veil.vault.codes import CodeFormat
    from veil.vault.keys import MasterKey
    from veil.vault.keystore import VaultKeyStore
    from veil.vault.records import DestructionRecord, ScopeInfo, verify_destruction
    from veil.vault.vault import Vault

# imported on first use, so `veil --help` does not load SQLAlchemy and cryptography
_HOMES = {
    "AnchorOptions": "anchoring", "CodeCheck": "codemac",
    "AuditEntry": "audit", "VerifyResult": "audit", "CodeFormat": "codes", "MasterKey": "keys",
    "VaultKeyStore": "keystore", "DestructionRecord": "records", "ScopeInfo": "records",
    "verify_destruction": "records", "Vault": "vault",
}

__all__ = [
    "AnchorOptions",
    "AuditEntry",
    "CodeCheck",
    "CodeFormat",
    "DestructionRecord",
    "MasterKey",
    "ScopeInfo",
    "Vault",
    "VaultKeyStore",
    "VerifyResult",
    "verify_destruction",
]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(f"veil.vault.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'veil.vault' has no attribute {name!r}")
