"""pseudonym: replace identifiers by random codes held in a KeyStore.

The codes are assigned before the streaming pass (the planner collects the
column's distinct values and asks the store once, in one batch); the
expression then only looks codes up.
"""

from __future__ import annotations

import polars as pl

from veil.actions.context import ActionContext
from veil.errors import InternalError
from veil.policy.models import Pseudonym


def pseudonym(rule: Pseudonym, ctx: ActionContext) -> pl.Expr:
    mapping = ctx.code_maps.get(ctx.column)
    if mapping is None:
        raise InternalError(f"no codes were prepared for column {ctx.column!r}")
    return ctx.col.cast(pl.String).replace_strict(
        mapping["identifier"], mapping["code"], default=None, return_dtype=pl.String
    )


