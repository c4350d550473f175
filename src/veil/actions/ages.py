"""top_code: ages over 89 as one category (45 CFR 164.514(b)(2)(i)(C))."""

from __future__ import annotations

import polars as pl

from veil.actions.age_text import top_code_text
from veil.actions.context import ActionContext
from veil.actions.dates import top_code_ages
from veil.policy.models import TopCode


def top_code(rule: TopCode, ctx: ActionContext) -> pl.Expr:
    """Ages as whole-year text; >= `at` becomes `label`; anything not an age -> null."""
    if not ctx.dtype.is_numeric():
        # '19yo', 'nineteen', '6 mo', '>89', bands...: see veil.actions.age_text
        return top_code_text(ctx.col, rule.at, rule.label)
    return top_code_ages(ctx.col.cast(pl.Float64), rule.at, rule.label)
