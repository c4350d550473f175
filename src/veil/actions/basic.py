"""keep, redact and mask: actions that need nothing but the column itself."""

from __future__ import annotations

import polars as pl

from veil.actions.context import ActionContext
from veil.policy.models import Keep, Mask, Redact

_SEPARATORS = r"[\s\-\.\(\)/:@_+]"


def keep(rule: Keep, ctx: ActionContext) -> pl.Expr:
    return ctx.col


def redact(rule: Redact, ctx: ActionContext) -> pl.Expr:
    """Every non-null value becomes `replacement` (with `keep_matching`: every value the
    pattern does not match in full); the column becomes a string."""
    if rule.keep_matching is not None:
        text = ctx.col.cast(pl.String)
        return (pl.when(ctx.col.is_null()).then(None)
                .when(text.str.contains(f"^(?:{rule.keep_matching})$")).then(text)
                .otherwise(pl.lit(rule.replacement)))
    return pl.when(ctx.col.is_null()).then(None).otherwise(pl.lit(rule.replacement))


def mask(rule: Mask, ctx: ActionContext) -> pl.Expr:
    """Replace every character (optionally not separators, nor the first/last n)."""
    text = ctx.col.cast(pl.String)
    pattern = r"[^\s\-\.\(\)/:@_+]" if rule.keep_separators else r"(?s)."
    masked = text.str.replace_all(pattern, rule.char.replace("\\", "\\\\").replace("$", "$$"))
    if rule.keep_first == 0 and rule.keep_last == 0:
        return masked
    length = text.str.len_chars()
    head = text.str.slice(0, rule.keep_first)
    tail = text.str.slice(pl.max_horizontal(length - rule.keep_last, pl.lit(0)))
    middle_start = pl.min_horizontal(pl.lit(rule.keep_first), length)
    middle_len = pl.max_horizontal(length - rule.keep_first - rule.keep_last, pl.lit(0))
    middle = masked.str.slice(middle_start, middle_len)
    short = length <= rule.keep_first + rule.keep_last
    # a value too short to hide anything is masked whole rather than shown whole
    return pl.when(short).then(masked).otherwise(pl.concat_str([head, middle, tail]))
