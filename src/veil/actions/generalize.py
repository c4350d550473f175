"""generalize: numeric bins or a value mapping. Unmapped values become `other`
(null by default), so nothing outside the mapping passes through."""

from __future__ import annotations

from itertools import pairwise

import polars as pl

from veil.actions.context import ActionContext
from veil.policy.models import Generalize


def _bin_labels(edges: tuple[float, ...]) -> list[str]:
    def fmt(x: float) -> str:
        return str(int(x)) if float(x).is_integer() else str(x)

    labels = [f"<{fmt(edges[0])}"]
    labels += [f"{fmt(a)}-<{fmt(b)}" for a, b in pairwise(edges)]
    labels.append(f">={fmt(edges[-1])}")
    return labels


def generalize(rule: Generalize, ctx: ActionContext) -> pl.Expr:
    if rule.bins is not None:
        labels = list(rule.labels) if rule.labels else _bin_labels(rule.bins)
        value = ctx.col.cast(pl.Float64, strict=False)
        return value.cut(list(rule.bins), labels=labels, left_closed=True).cast(pl.String)
    assert rule.mapping is not None
    text = ctx.col.cast(pl.String)
    return text.replace_strict(
        list(rule.mapping), list(rule.mapping.values()), default=rule.other,
        return_dtype=pl.String,
    )
