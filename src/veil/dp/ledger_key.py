"""The budget ledger's key: a secret file the custodian keeps, made by `veil ledger init`.

The key is 32 random bytes (64 hex digits) in a new file of mode 0600. Two things
hang on it:

- the data fingerprints (`veil.dp.fingerprint`) are keyed with it, so a fingerprint
  stored in the ledger cannot be tested against guessed identifiers (a one-patient
  extract, a 7-digit MRN space) by someone who can read the ledger but not the key;
- the chain's witness outside the database (`veil.anchor`) is MAC'd with it, so
  someone who can write the ledger's database but cannot read this file can neither
  roll the ledger back unseen nor forge a witness.

The ledger stores a check value (an HMAC of its id under the key): another ledger's
key file is named as such, never taken for this one's. A key file that group or
others may read or write is refused, as ssh refuses such a private key.

Where: ``--ledger-key FILE`` (or ``$VEIL_DP_LEDGER_KEY``); a SQLite ledger's default
is beside its file (``ledger.db`` -> ``ledger.db.key``). A PostgreSQL ledger needs it
named. Whoever holds the key can forge a witness: the anchor protects against those
who can write the database but not read the key file (database administrators,
restored backups), not against a key holder.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import URL

from veil.errors import KeyStoreError
from veil.io import db

__all__ = ["KEY_BYTES", "LedgerKey", "default_key_path"]

KEY_BYTES = 32
_LABEL = "veil/dp-ledger/v1/"


@dataclass(frozen=True)
class LedgerKey:
    """The ledger's 32-byte key and the file it lives in; its repr never shows the bytes."""

    material: bytes = field(repr=False)
    path: Path

    def __post_init__(self) -> None:
        if len(self.material) != KEY_BYTES:
            raise KeyStoreError(f"{self.path}: a ledger key has {KEY_BYTES} bytes")

    @classmethod
    def generate(cls, path: Path) -> LedgerKey:
        """A new key (from the operating system's CSPRNG) for the file `path` (not written)."""
        return cls(secrets.token_bytes(KEY_BYTES), Path(path).absolute())

    @classmethod
    def read(cls, path: Path) -> LedgerKey:
        """The key in `path`: KeyStoreError if it is missing, too open or malformed."""
        path = Path(path)
        try:
            handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        except FileNotFoundError:
            raise KeyStoreError(f"{path}: no such ledger key file",
                                hint="the key is made by `veil ledger init` beside a SQLite "
                                "ledger; name it with --ledger-key FILE or "
                                "$VEIL_DP_LEDGER_KEY") from None
        except OSError as err:
            raise KeyStoreError(f"{path}: cannot read the ledger key file "
                                f"({err.strerror})") from None
        try:
            mode = os.fstat(handle).st_mode
            if not stat.S_ISREG(mode):
                raise KeyStoreError(f"{path}: the ledger key is not a regular file")
            if mode & 0o077:
                raise KeyStoreError(
                    f"{path}: the ledger key file is open to group or others (mode "
                    f"{stat.S_IMODE(mode):04o})",
                    hint=f"chmod 600 {path}; if others could read it, treat the key as "
                    "disclosed (its holder can forge the ledger's witness)")
            raw = os.read(handle, 4096)
        finally:
            os.close(handle)
        try:
            material = bytes.fromhex(raw.decode("ascii").strip())
        except (UnicodeDecodeError, ValueError):
            material = b""
        if len(material) != KEY_BYTES:
            raise KeyStoreError(f"{path}: not a ledger key file (expected {2 * KEY_BYTES} "
                                "hexadecimal digits)")
        return cls(material, path.absolute())

    def write(self) -> None:
        """Write the key to its file, which must not exist yet (mode 0600, fsync'd)."""
        try:
            handle = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise KeyStoreError(f"{self.path}: exists; a ledger key file is never overwritten",
                                hint="name another --ledger-key, or remove the old key "
                                "deliberately (the ledger it belongs to becomes unusable)"
                                ) from None
        except OSError as err:
            raise KeyStoreError(f"{self.path}: cannot create the ledger key file "
                                f"({err.strerror})") from None
        try:
            os.fchmod(handle, 0o600)  # whatever the umask
            os.write(handle, (self.material.hex() + "\n").encode("ascii"))
            os.fsync(handle)
        finally:
            os.close(handle)

    def derive(self, purpose: str) -> bytes:
        """An independent 32-byte sub-key for one purpose ("witness", "fingerprint")."""
        return hmac.new(self.material, (_LABEL + purpose).encode("utf-8"),
                        hashlib.sha256).digest()

    def check_value(self, ledger_id: str) -> str:
        """What the ledger `ledger_id` stores to recognize its key (not the key itself)."""
        return hmac.new(self.material, (_LABEL + "check/" + ledger_id).encode("utf-8"),
                        hashlib.sha256).hexdigest()


def default_key_path(url: URL) -> Path | None:
    """Beside a SQLite ledger (``ledger.db.key``); None for PostgreSQL (it must be named)."""
    path = db.sqlite_file(url)
    if path is None:
        return None
    return path.with_name(path.name + ".key")
