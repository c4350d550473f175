"""top_code: ages over 89 as one category (45 CFR 164.514(b)(2)(i)(C))."""

from __future__ import annotations

import polars as pl

from veil.actions.context import ActionContext
from veil.actions.dates import top_code_ages
from veil.policy.models import TopCode

_NUMBER = r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(?:y|yr|yrs|years?)?\s*$"


def top_code(rule: TopCode, ctx: ActionContext) -> pl.Expr:
    """Ages as whole-year text; >= `at` becomes `label`; anything not an age -> null."""
    if ctx.dtype.is_numeric():
        value = ctx.col.cast(pl.Float64)
    else:
        text = ctx.col.cast(pl.String).str.to_lowercase()
        value = text.str.extract(_NUMBER, 1).cast(pl.Float64, strict=False)
        # an input that is already the top category stays in it
        already = text.str.strip_chars().str.replace(r"\s", "") == rule.label.replace(" ", "")
        value = pl.when(already).then(pl.lit(float(rule.at))).otherwise(value)
    return top_code_ages(value, rule.at, rule.label)
