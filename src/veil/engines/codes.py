"""Pseudonym codes for a plan, made on the driver: distinct values -> key store -> code maps.

The engine only reads the distinct values and, later, joins the code maps in
(`WriteOptions.code_maps`); the key store (a local key file or the vault) is
used here, on the driver, and never travels with the data work.
"""

from __future__ import annotations

import polars as pl

from veil.actions.keystore import KeyStore
from veil.engines.base import Engine, Table
from veil.errors import KeyStoreError
from veil.plan import Plan
from veil.policy.models import Pseudonym


def prepare_codes(engine: Engine, table: Table, plan: Plan,
                  keystore: KeyStore | None) -> dict[str, pl.DataFrame]:
    """Column -> DataFrame(identifier, code) for every pseudonymized column of `plan`."""
    maps: dict[str, pl.DataFrame] = {}
    for step in plan.coded_columns:
        rule = step.rule
        assert isinstance(rule, Pseudonym)
        if keystore is None:
            raise KeyStoreError(
                f"column {step.column!r}: action 'pseudonym' needs a key store, and none was given",
                hint="pass --key-file FILE (created if missing; keep it apart from the output)",
            )
        maps[step.column] = keystore.assign(
            rule.scope, distinct_text(engine, table, step.column), length=rule.length,
            prefix=rule.prefix)
    return maps


def distinct_text(engine: Engine, table: Table, column: str) -> pl.Series:
    """The distinct values of `column` as text (null included), on the driver."""
    return engine.distinct(table, {column: pl.col(column).cast(pl.String)}).to_series()
