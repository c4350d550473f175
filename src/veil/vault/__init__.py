"""The key vault: random codes per scope, identifiers encrypted, every use audited.

A tour in five steps:

1. Make a master key and keep it apart from the vault::

       key = MasterKey.generate(); key.write("master.key")      # mode 0600
       # or MasterKey.from_env() / from_passphrase(p, salt) / combine(shares)

2. Create the vault (a SQLite file, or PostgreSQL by URL) and a scope::

       vault = Vault.create("sqlite:///vault.db", key)
       vault.add_scope("study-1", actor="alice", code_format=CodeFormat(length=8))

3. Assign codes, batch after batch; the same identifier keeps its code::

       codes = vault.assign("study-1", identifiers, actor="alice", purpose="extract 7")
       # or through the pseudonym action: Keys(keystore=VaultKeyStore(vault, actor="alice"))

4. Re-identify with a stated purpose (audited), rotate the master key, or
   shred a scope so its codes can never be reversed::

       vault.reidentify("study-1", ["7KQ2M9XH4"], actor="bob", purpose="adverse event")
       vault.rotate(MasterKey.generate(), actor="alice")
       record = vault.shred("study-1", actor="alice")

5. Check the hash-chained audit log::

       assert vault.verify().ok

Guarantees are stated in `veil.vault.vault` (one code per identifier and scope,
atomic batches), `veil.vault.codes` (CSPRNG codes), `veil.vault.crypto`
(AES-256-GCM envelope encryption, HMAC blind index) and `veil.vault.audit`
(hash chain).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from veil.vault.audit import AuditEntry, VerifyResult
    from veil.vault.codes import CodeFormat
    from veil.vault.keys import MasterKey
    from veil.vault.keystore import VaultKeyStore
    from veil.vault.records import DestructionRecord, ScopeInfo, verify_destruction
    from veil.vault.vault import Vault

# imported on first use, so `veil --help` does not load SQLAlchemy and cryptography
_HOMES = {
    "AuditEntry": "audit", "VerifyResult": "audit", "CodeFormat": "codes", "MasterKey": "keys",
    "VaultKeyStore": "keystore", "DestructionRecord": "records", "ScopeInfo": "records",
    "verify_destruction": "records", "Vault": "vault",
}

__all__ = [
    "AuditEntry",
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
