"""top_code: ages over 89 as one category (45 CFR 164.514(b)(2)(i)(C))."""

from __future__ import annotations

import polars as pl

from veil.actions.age_text import top_code_text
from veil.actions.context import ActionContext
from veil.actions.dates import top_code_ages
from veil.policy.models import TopCode

_YEAR_SECONDS = 365.2425 * 86_400


def top_code(rule: TopCode, ctx: ActionContext) -> pl.Expr:
    """Ages as whole-year text; >= `at` becomes `label`; anything not an age -> null.

    A Duration (an age kept as a time span) counts in years of 365.2425 days.
    """
    if isinstance(ctx.dtype, pl.Duration):
        years = ctx.col.dt.total_seconds() / _YEAR_SECONDS
        return top_code_ages(years, rule.at, rule.label)
    if not ctx.dtype.is_numeric():
        # '19yo', 'nineteen', '6 mo', '>89', bands...: see veil.actions.age_text
        return top_code_text(ctx.col, rule.at, rule.label)
    return top_code_ages(ctx.col.cast(pl.Float64), rule.at, rule.label)
