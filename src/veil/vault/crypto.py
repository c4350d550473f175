"""Envelope encryption and the blind index of the vault.

Key hierarchy::

    master key (32 B, outside the vault)
      -> wrapping key = HMAC-SHA256(master, "veil/vault/v1/wrap")
           wraps, with AES-256-GCM, one random 32-byte data key per scope
           and the vault's audit key and Ed25519 signing key
    data key of a scope (32 B, random, stored only wrapped)
      -> index key      = HMAC-SHA256(data key, "index")
           blind index    = HMAC-SHA256(hex(index key) as ASCII, identifier as UTF-8)
      -> encryption key = HMAC-SHA256(data key, "encrypt")
           ciphertext     = AES-256-GCM(identifier; aad = scope id, code, blind index)

Guarantee:
    An identifier is stored only as AES-256-GCM ciphertext (random 96-bit nonce,
    associated data binding it to its scope, code and blind index, so a row
    cannot be moved or relabelled without failing authentication), and found
    only through its blind index, HMAC-SHA256 under the scope's index key: equal
    identifiers give equal indexes within a scope, and without the key an index
    reveals nothing about the identifier (HMAC is a PRF; Bellare, Canetti,
    Krawczyk 1996). Indexes of one scope cannot be linked to another's. Destroying
    a scope's wrapped data key (crypto-shredding) makes both its ciphertexts and
    its indexes useless, so codes can be neither reversed nor matched again.
    Identifiers are used exactly as given (no case or Unicode normalization).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence

import polars as pl
import polars_hash  # noqa: F401 - registers the `chash` expression namespace
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from veil.errors import VaultError

NONCE = 12
INDEX_BYTES = 32


def new_key() -> bytes:
    """32 random bytes from the CSPRNG."""
    return secrets.token_bytes(32)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """AES-256-GCM: nonce || ciphertext || tag."""
    nonce = secrets.token_bytes(NONCE)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def unseal(key: bytes, blob: bytes, aad: bytes, *, what: str) -> bytes:
    """The plaintext of `seal`; VaultError naming `what` if the key or data is wrong."""
    try:
        return AESGCM(key).decrypt(blob[:NONCE], blob[NONCE:], aad)
    except (InvalidTag, ValueError):
        raise VaultError(f"{what} cannot be decrypted: wrong key or altered data") from None


class ScopeCipher:
    """The index and encryption keys of one scope, derived from its data key."""

    def __init__(self, data_key: bytes, scope_id: int) -> None:
        self._index_key = hmac.new(data_key, b"index", hashlib.sha256).digest()
        self._aead = AESGCM(hmac.new(data_key, b"encrypt", hashlib.sha256).digest())
        self._scope = f"veil/vault/v1/scope/{scope_id}/".encode()

    def indexed(self, identifiers: pl.Series) -> pl.DataFrame:
        """Columns identifier and index (the blind index, Binary), sorted by index.

        The index is HMAC-SHA256 of the identifier (UTF-8) under the scope's index
        key, computed over the whole column in Rust by polars-hash, whose key
        argument is text: the key is the 64 hex digits of the index key, as ASCII.
        """
        mac = pl.col("identifier").chash.hmac_sha256(  # type: ignore[attr-defined]
            key=self._index_key.hex())
        return (identifiers.rename("identifier").to_frame()
                .with_columns(mac.str.decode("hex").alias("index")).sort("index"))

    def blind_indexes(self, identifiers: Sequence[str]) -> list[bytes]:
        """The blind index of each identifier, in order (see `indexed`)."""
        key = self._index_key.hex().encode("ascii")
        return [hmac.digest(key, value.encode("utf-8"), "sha256") for value in identifiers]

    def encrypt(self, identifiers: Sequence[str], codes: Sequence[str],
                indexes: Sequence[bytes]) -> list[bytes]:
        """Ciphertexts of the identifiers, each bound to its code and blind index."""
        nonces = secrets.token_bytes(NONCE * len(identifiers))
        encrypt = self._aead.encrypt
        scope = self._scope
        return [
            nonces[NONCE * i: NONCE * (i + 1)] + encrypt(
                nonces[NONCE * i: NONCE * (i + 1)], value.encode("utf-8"),
                scope + code.encode("utf-8") + b"/" + index)
            for i, (value, code, index) in enumerate(zip(identifiers, codes, indexes,
                                                        strict=True))
        ]

    def decrypt(self, blob: bytes, code: str, index: bytes) -> str:
        """The identifier behind one stored row; VaultError if the row was altered."""
        try:
            plain = self._aead.decrypt(blob[:NONCE], blob[NONCE:],
                                       self._scope + code.encode("utf-8") + b"/" + index)
        except (InvalidTag, ValueError):
            raise VaultError("a stored identifier fails authentication: the vault's mapping "
                             "table was altered", hint="run `veil vault verify` and restore "
                             "the vault from a backup") from None
        return plain.decode("utf-8")
