"""Where pseudonym codes live: a small `KeyStore` protocol and a local file store.

The local store is a Parquet file (scope, identifier, code) written atomically
with mode 0600. It IS the re-identification key: whoever holds it can reverse
the codes, so it must be kept apart from the coded data. The full vault of
issue 5 (encryption, blind index, audit log, scopes) implements the same
protocol and replaces it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

import polars as pl

from veil.actions.codes import random_codes
from veil.errors import KeyStoreError
from veil.io.write import atomic_file

_SCHEMA = {"scope": pl.String, "identifier": pl.String, "code": pl.String}


class KeyStore(Protocol):
    """Assigns and remembers random codes per (scope, identifier)."""

    def assign(self, scope: str, identifiers: pl.Series, *, length: int,
               prefix: str) -> pl.DataFrame:
        """Codes for the distinct non-null `identifiers` (columns identifier, code),
        reusing stored ones and drawing new random ones for the rest."""
        ...

    @property
    def location(self) -> str:
        """Where the key is held, for the report (never its content)."""
        ...


class LocalKeyStore:
    """A KeyStore in one local Parquet file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @property
    def location(self) -> str:
        return f"local key file {self.path.name}"

    def _load(self) -> pl.DataFrame:
        if not self.path.exists():
            return pl.DataFrame(schema=_SCHEMA)
        try:
            frame = pl.read_parquet(self.path)
        except Exception:
            raise KeyStoreError(f"{self.path}: the key file cannot be read as a veil key store",
                                hint="check the path; a key store is a Parquet file") from None
        if frame.schema != pl.Schema(_SCHEMA):
            raise KeyStoreError(f"{self.path}: the key file has an unexpected layout")
        return frame

    def assign(self, scope: str, identifiers: pl.Series, *, length: int,
               prefix: str) -> pl.DataFrame:
        stored = self._load()
        wanted = identifiers.cast(pl.String).drop_nulls().unique().sort()
        in_scope = stored.filter(pl.col("scope") == scope)
        known = in_scope.filter(pl.col("identifier").is_in(wanted.implode()))
        missing = wanted.filter(~wanted.is_in(in_scope["identifier"].implode()))
        if missing.len():
            taken = set(in_scope["code"].to_list())
            fresh = pl.DataFrame({
                "scope": [scope] * missing.len(),
                "identifier": missing,
                "code": random_codes(missing.len(), length=length, prefix=prefix, taken=taken),
            }, schema=_SCHEMA)
            self._save(pl.concat([stored, fresh]))
            known = pl.concat([known, fresh])
        return known.select("identifier", "code")

    def _save(self, frame: pl.DataFrame) -> None:
        with atomic_file(self.path) as staging:
            frame.write_parquet(staging)
            os.chmod(staging, 0o600)
