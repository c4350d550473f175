"""The vault's master key: where it comes from and how custodians can share it.

The master key is 32 random bytes. It never encrypts data itself: it wraps one
data key per scope (envelope encryption, see `veil.vault.crypto`), so rotating
it re-wraps a few small keys and leaves every code and ciphertext as it is.

Sources: a key file (hex, written with mode 0600), the environment variable
``VEIL_MASTER_KEY`` (same text), or a passphrase stretched with scrypt
(n=2^15, r=8, p=1) and a random salt the vault keeps. For k-of-n custody the key
is split with Shamir's secret sharing (pycryptodome, GF(2^128)): the 32 bytes as
two 16-byte halves shared with the same x-coordinates, so a custodian's share is
one string carrying both halves.

Guarantee (split): fewer than k shares reveal nothing about the key (Shamir,
"How to share a secret", CACM 22(11), 1979); any k of them rebuild it, and the
rebuilt key is checked against the fingerprint carried by every share.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
import secrets
import stat
from dataclasses import dataclass, field
from pathlib import Path

from Crypto.Protocol.SecretSharing import Shamir
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from veil.errors import VaultError

ENV_VAR = "VEIL_MASTER_KEY"
KEY_BYTES = 32
MIN_PASSPHRASE = 12
_SCRYPT_N = 2**15
_SHARE = re.compile(r"^veil-share-v1-(\d+)-(\d+)-([0-9a-f]{64})-([0-9a-f]{12})$")


@dataclass(frozen=True)
class MasterKey:
    """32 bytes of key material; its repr never shows them.

    `salt` is set for a passphrase key (the vault stores it, so the same
    passphrase opens the vault again); `origin` says where the key came from;
    `path` is the key file it was read from, if any (the vault keeps its chain
    witness beside it, see `veil.vault.anchoring`).
    """

    material: bytes = field(repr=False)
    origin: str = "unknown"
    salt: bytes | None = field(default=None, repr=False)
    path: Path | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if len(self.material) != KEY_BYTES:
            raise VaultError(f"a master key has {KEY_BYTES} bytes; the one from {self.origin} "
                             f"has {len(self.material)}")

    @classmethod
    def generate(cls) -> MasterKey:
        """A new key from the operating system's CSPRNG."""
        return cls(secrets.token_bytes(KEY_BYTES), "a new key")

    @classmethod
    def from_file(cls, path: Path | str, *, allow_insecure: bool = False) -> MasterKey:
        """The key written by `write` (64 hex digits; base64 is accepted too).

        A key file that group or others may read, write or run is refused, as ssh
        refuses such a private key, unless `allow_insecure` (`--allow-insecure-key-file`).
        """
        path = Path(path)
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            raise VaultError(f"{path}: no such key file",
                             hint="check the path, or set VEIL_MASTER_KEY") from None
        except OSError as err:
            raise VaultError(f"{path}: cannot read the key file ({err.strerror})") from None
        if mode & 0o077 and not allow_insecure:
            raise VaultError(f"{path}: the key file may be read by group or others "
                             f"(mode {stat.S_IMODE(mode):04o})",
                             hint=f"chmod 600 {path}, or pass --allow-insecure-key-file")
        try:
            text = path.read_text(encoding="ascii").strip()
        except FileNotFoundError:
            raise VaultError(f"{path}: no such key file",
                             hint="check the path, or set VEIL_MASTER_KEY") from None
        except (OSError, UnicodeDecodeError) as err:
            reason = err.strerror if isinstance(err, OSError) else "not ASCII text"
            raise VaultError(f"{path}: cannot read the key file ({reason})") from None
        return cls(_decode(text, f"key file {path.name}"), f"key file {path.name}",
                   path=path.absolute())

    @classmethod
    def from_env(cls, name: str = ENV_VAR) -> MasterKey:
        """The key in environment variable `name` (the text of a key file)."""
        text = os.environ.get(name, "").strip()
        if not text:
            raise VaultError(f"no master key: ${name} is not set",
                             hint="pass --key-file FILE or set the variable")
        return cls(_decode(text, f"${name}"), f"${name}")

    @classmethod
    def from_passphrase(cls, passphrase: str, salt: bytes) -> MasterKey:
        """The key stretched from a passphrase with scrypt (about 0.1 s, 32 MiB)."""
        if len(passphrase) < MIN_PASSPHRASE:
            raise VaultError(f"the passphrase is shorter than {MIN_PASSPHRASE} characters")
        if len(salt) < 16:
            raise VaultError("the passphrase salt must have at least 16 bytes")
        kdf = Scrypt(salt=salt, length=KEY_BYTES, n=_SCRYPT_N, r=8, p=1)
        return cls(kdf.derive(passphrase.encode("utf-8")), "a passphrase", salt)

    @property
    def fingerprint(self) -> str:
        """A short public id of the key for reports and audit (not reversible)."""
        return hmac.new(self.material, b"veil/vault/v1/fingerprint",
                        hashlib.sha256).hexdigest()[:12]

    def derive(self, label: str) -> bytes:
        """An independent 32-byte sub-key for one purpose."""
        return hmac.new(self.material, f"veil/vault/v1/{label}".encode(),
                        hashlib.sha256).digest()

    def write(self, path: Path | str) -> None:
        """Write the key to a new file with mode 0600 (never over an existing file)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise VaultError(f"{path}: exists; a key file is never overwritten",
                             hint="choose a new path") from None
        except OSError as err:
            raise VaultError(f"{path}: cannot create the key file ({err.strerror})") from None
        with os.fdopen(handle, "w", encoding="ascii") as out:
            out.write(self.material.hex() + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.chmod(path, 0o600)  # whatever the umask

    def split(self, k: int, n: int) -> list[str]:
        """`n` custodian shares, any `k` of which rebuild the key (2 <= k <= n <= 255)."""
        if not 2 <= k <= n <= 255:
            raise VaultError(f"a k-of-n split needs 2 <= k <= n <= 255; got k={k}, n={n}")
        low = Shamir.split(k, n, self.material[:16], ssss=False)
        high = Shamir.split(k, n, self.material[16:], ssss=False)
        shares = []
        for (index, first), (same, second) in zip(low, high, strict=True):
            assert index == same
            shares.append(f"veil-share-v1-{k}-{index}-{(first + second).hex()}-{self.fingerprint}")
        return shares

    @classmethod
    def combine(cls, shares: list[str]) -> MasterKey:
        """The key rebuilt from at least k distinct shares of one split."""
        parsed = []
        for number, share in enumerate(shares, start=1):
            match = _SHARE.match(share.strip())
            if match is None:
                raise VaultError(f"share {number} is not a veil key share",
                                 hint="a share looks like veil-share-v1-K-I-<hex>-<fingerprint>")
            parsed.append((int(match[1]), int(match[2]), bytes.fromhex(match[3]), match[4]))
        if not parsed:
            raise VaultError("no key shares were given")
        k, fingerprint = parsed[0][0], parsed[0][3]
        if any(p[0] != k or p[3] != fingerprint for p in parsed):
            raise VaultError("the shares come from different splits")
        distinct = {p[1]: p[2] for p in parsed}
        if len(distinct) < k:
            raise VaultError(f"{len(distinct)} distinct shares given; this split needs {k}")
        chosen = sorted(distinct.items())[:k]
        low = Shamir.combine([(i, s[:16]) for i, s in chosen], ssss=False)
        high = Shamir.combine([(i, s[16:]) for i, s in chosen], ssss=False)
        key = cls(low + high, f"{k} custodian shares")
        if not hmac.compare_digest(key.fingerprint, fingerprint):
            raise VaultError("the shares do not rebuild the key they were split from",
                             hint="a share is damaged; use other custodians' shares")
        return key


def _decode(text: str, origin: str) -> bytes:
    if re.fullmatch(r"[0-9a-fA-F]{64}", text):
        return bytes.fromhex(text)
    try:
        raw = base64.b64decode(text.replace("-", "+").replace("_", "/"), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) == KEY_BYTES:
        return raw
    raise VaultError(f"the master key from {origin} is not 32 bytes in hex or base64",
                     hint="a key file holds 64 hex digits, as written by `veil vault init`")
