"""What an action may know besides its own options: the column, its type, the
run's reference date, the ZIP3 rule, secrets and precomputed code mappings.

The context is a plain frozen value built by the planner, so actions stay pure
functions of (rule, context) -> Polars expression.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

import polars as pl

from veil.actions.secrets import Secret
from veil.errors import KeyStoreError


@dataclass(frozen=True)
class ActionContext:
    column: str
    dtype: pl.DataType
    reference_date: dt.date
    zip3_keep: frozenset[str] | None = None  # allow-list from a population table
    zip3_restricted: frozenset[str] = frozenset()
    secret: Secret | None = None
    code_maps: Mapping[str, pl.DataFrame] = field(default_factory=dict)
    schema: Mapping[str, pl.DataType] = field(default_factory=dict)

    @property
    def col(self) -> pl.Expr:
        return pl.col(self.column)

    def require_secret(self, action: str) -> Secret:
        if self.secret is None:
            raise KeyStoreError(
                f"column {self.column!r}: action {action!r} needs a secret key, and none was given",
                hint="pass --secret-file FILE (at least 16 random bytes, e.g. "
                "`head -c 32 /dev/urandom > secret.key`) or set VEIL_SECRET",
            )
        return self.secret
