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
    if rule.unit != "years":
        return _top_code_in_unit(rule, ctx)
    if not ctx.dtype.is_numeric():
        # '19yo', 'nineteen', '6 mo', '>89', bands...: see veil.actions.age_text
        return top_code_text(ctx.col, rule.at, rule.label)
    return top_code_ages(ctx.col.cast(pl.Float64), rule.at, rule.label)


UNIT_PER_YEAR: dict[str, float] = {"years": 1.0, "months": 12.0, "weeks": 52.1775,
                                   "days": 365.2425}
"""How many of each unit make a year."""


def _top_code_in_unit(rule: TopCode, ctx: ActionContext) -> pl.Expr:
    """Bare numbers in months, weeks or days (an infant's age): converted to years before
    the `at` rule; an age under it stays as written (a NICU's '3' days stays '3'), an age
    at or over it becomes the label. Text with its own unit ('11 mo') is read by
    `top_code_text`; anything else is null (fail closed)."""
    per_year = UNIT_PER_YEAR[rule.unit]
    if ctx.dtype.is_numeric():
        number = ctx.col.cast(pl.Float64)
        written = ctx.col.cast(pl.String)
    else:
        written = ctx.col.cast(pl.String).str.strip_chars()
        number = written.str.extract(r"^([0-9]+(?:\.[0-9]+)?)$", 1).cast(pl.Float64, strict=False)
    years = number / per_year
    bare = (pl.when(years >= rule.at).then(pl.lit(rule.label))
            .when(years >= 0).then(written))
    if ctx.dtype.is_numeric():
        return bare.alias(ctx.column)
    return pl.when(number.is_not_null()).then(bare).otherwise(
        top_code_text(ctx.col, rule.at, rule.label)).alias(ctx.column)
