"""Actions by name: each turns (rule, context) into a Polars expression.

`drop` has no expression: the planner leaves the column out. Adding an action
is adding its rule model in `veil.policy.models`, one function here, and tests.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import polars as pl

from veil.actions.ages import top_code
from veil.actions.basic import keep, mask, redact
from veil.actions.context import ActionContext
from veil.actions.dates import age, year_only
from veil.actions.generalize import generalize
from veil.actions.pseudonym import pseudonym
from veil.actions.scrub import scrub
from veil.actions.surrogates import fake, hmac_token
from veil.actions.zip3 import zip3
from veil.errors import PolicyError

Builder = Callable[[Any, ActionContext], pl.Expr]


def has_text_form(dtype: pl.DataType) -> bool:
    """True when values of `dtype` can be read as text or numbers (not Duration,
    Binary, Object or nested: Polars cannot cast those to String)."""
    return not (dtype.is_nested() or isinstance(dtype, pl.Duration | pl.Binary | pl.Object))


def _reads_values(name: str, builder: Builder, *, durations: bool = False) -> Builder:
    """`builder`, refusing columns whose values have no text form (PolicyError, exit 2);
    Durations pass when the builder reads them (`durations`)."""

    def build(rule: Any, ctx: ActionContext) -> pl.Expr:
        passes = durations and isinstance(ctx.dtype, pl.Duration)
        if not (passes or has_text_form(ctx.dtype)):
            raise PolicyError(
                f"column {ctx.column!r}: action {name!r} reads values as text or numbers, "
                f"and the column's dtype {type(ctx.dtype).__name__} has no such form",
                hint="use keep, redact or drop for this column",
            )
        return builder(rule, ctx)

    return build


BUILTIN_ACTIONS: Mapping[str, Builder] = {
    "keep": keep,
    "redact": redact,
    "mask": _reads_values("mask", mask),
    "year_only": year_only,  # dtypes that hold no date give null
    "top_code": _reads_values("top_code", top_code, durations=True),  # a Duration: years
    "age": age,
    "zip3": _reads_values("zip3", zip3),
    "generalize": _reads_values("generalize", generalize),
    "fake": _reads_values("fake", fake),
    "hmac": _reads_values("hmac", hmac_token),
    "pseudonym": _reads_values("pseudonym", pseudonym),
    "scrub": _reads_values("scrub", scrub),
}
