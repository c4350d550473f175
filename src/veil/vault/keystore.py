"""The vault as the `KeyStore` of the `pseudonym` action.

Guarantee: the same as `Vault.assign` (random codes, one per identifier and
scope, stable across batches). The code format is the scope's, fixed when the
scope was created: the `length` and `prefix` options of a pseudonym rule are
ignored here, because a scope's codes must all have one format.
"""

from __future__ import annotations

import polars as pl

from veil.vault.vault import Vault


class VaultKeyStore:
    """A KeyStore backed by a `Vault`; `scope`, when given, overrides the rule's scope."""

    def __init__(self, vault: Vault, *, actor: str, purpose: str | None = None,
                 scope: str | None = None) -> None:
        self.vault = vault
        self.actor = actor
        self.purpose = purpose
        self.scope = scope

    @property
    def location(self) -> str:
        return f"key vault ({self.vault.location})"

    def assign(self, scope: str, identifiers: pl.Series, *, length: int,
               prefix: str) -> pl.DataFrame:
        """Codes for the distinct non-null `identifiers` (columns identifier, code)."""
        wanted = identifiers.cast(pl.String).drop_nulls().unique().sort()
        codes = self.vault.assign(self.scope or scope, wanted, actor=self.actor,
                                  purpose=self.purpose)
        return pl.DataFrame({"identifier": wanted, "code": pl.Series(codes, dtype=pl.String)},
                            schema={"identifier": pl.String, "code": pl.String})
