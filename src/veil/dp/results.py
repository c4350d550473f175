"""Released tables with their accuracy: each value with the interval OpenDP's accuracy implies.

For counts and sums the interval is value ± the half-width OpenDP's
`summarize` gives at the release's confidence (the noise is the only error
about the truncated, clamped data; counts cannot be negative, so their lower
end stops at zero). A mean is released as a noisy sum over a noisy count,
each with its half-width at half the error probability; the interval is the
range of sum/count over both boxes (a union bound: at least the stated
confidence), cut to the clamping bounds. Quantiles come from OpenDP's
exponential mechanism, which has no closed-form interval: none is invented.
Intervals are post-processing of released values: they cost no budget.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polars as pl

from veil.dp.engine import Planned, public_keys
from veil.dp.spec import Query

_NO_INTERVAL = ("OpenDP's quantile is an exponential-mechanism release with no closed-form "
                "interval; none is given")


@dataclass(frozen=True)
class Released:
    """One query's released table: keys, `value`, `lower`, `upper`, and how to read them."""

    query: Query
    table: pl.DataFrame
    accuracy: dict[str, Any]
    share: tuple[float, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.query.name, "kind": self.query.kind,
                "query": describe_query(self.query), "budget_share": list(self.share),
                "accuracy": self.accuracy, "rows": self.table.to_dicts()}


def interpret(planned: Planned, released: pl.DataFrame, confidence: float) -> Released:
    """The released frame of one query as a table of values with intervals."""
    query = planned.query
    if query.kind == "quantile":
        return _quantiles(planned, released)
    if query.kind == "mean":
        return _means(planned, released, confidence)
    column = "sum" if query.kind == "sum" else "count"
    row = _summary_row(planned.summary, column)
    half = float(row["accuracy"])
    keys = [c for c in released.columns if c != column]
    value = pl.col(column).cast(pl.Int64 if column == "count" else pl.Float64)
    lower = value - half
    if column == "count":
        lower = pl.max_horizontal(lower, pl.lit(0.0))
    table = (released.select(*[pl.col(k).cast(pl.String) for k in keys], value.alias("value"),
                             lower.cast(pl.Float64).alias("lower"),
                             (value + half).cast(pl.Float64).alias("upper"))
             .sort(keys) if keys else
             released.select(value.alias("value"), lower.cast(pl.Float64).alias("lower"),
                             (value + half).cast(pl.Float64).alias("upper")))
    accuracy = _accuracy(row, confidence)
    if "threshold" in row and row["threshold"] is not None:
        accuracy["threshold"] = int(row["threshold"])
        accuracy["note"] = (f"key selection: categories whose noisy count fell below "
                            f"{int(row['threshold'])} are not released (not even their names)")
    return Released(query, _ordered(table, planned), accuracy, planned.share)


def _means(planned: Planned, released: pl.DataFrame, confidence: float) -> Released:
    query = planned.query
    assert query.bounds is not None
    low, high = float(query.bounds[0]), float(query.bounds[1])
    sum_row = _summary_row(planned.summary_half, "sum")
    count_row = _summary_row(planned.summary_half, "count")
    a_sum, a_count = float(sum_row["accuracy"]), float(count_row["accuracy"])
    s, c = pl.col("sum").cast(pl.Float64), pl.col("count").cast(pl.Float64)
    corners = [(s + ds) / (c + dc) for ds in (-a_sum, a_sum) for dc in (-a_count, a_count)]
    usable = (c - a_count) > 0
    keys = [k for k in released.columns if k not in ("sum", "count")]
    table = released.select(
        *[pl.col(k).cast(pl.String) for k in keys],
        pl.when(c > 0).then((s / c).clip(low, high)).otherwise(None).alias("value"),
        pl.when(usable).then(pl.min_horizontal(corners).clip(low, high)).otherwise(None)
        .alias("lower"),
        pl.when(usable).then(pl.max_horizontal(corners).clip(low, high)).otherwise(None)
        .alias("upper"),
        s.alias("noisy_sum"), c.alias("noisy_count"))
    if keys:
        table = table.sort(keys)
    accuracy = {
        "confidence": confidence,
        "method": "noisy sum / noisy count; interval over both half-widths at half the error "
                  "probability each (union bound), cut to the bounds",
        "sum": _accuracy(sum_row, 1 - (1 - confidence) / 2),
        "count": _accuracy(count_row, 1 - (1 - confidence) / 2),
        "note": "no interval where the noisy count's lower end is not above zero"}
    return Released(query, _ordered(table, planned), accuracy, planned.share)


def _quantiles(planned: Planned, released: pl.DataFrame) -> Released:
    query = planned.query
    assert query.quantiles is not None
    row = released.row(0, named=True)
    table = pl.DataFrame(
        {"quantile": [float(q) for q in query.quantiles],
         "value": [float(row[f"q{i}"]) for i in range(len(query.quantiles))],
         "lower": [None] * len(query.quantiles), "upper": [None] * len(query.quantiles)},
        schema={"quantile": pl.Float64, "value": pl.Float64, "lower": pl.Float64,
                "upper": pl.Float64})
    first = planned.summary.row(0, named=True)
    accuracy = {"distribution": first["distribution"], "scale": float(first["scale"]),
                "half_width": None, "note": _NO_INTERVAL}
    return Released(query, table, accuracy, planned.share)


def _ordered(table: pl.DataFrame, planned: Planned) -> pl.DataFrame:
    """Public key sets in the order the spec lists them (histogram bins in bin order)."""
    query = planned.query
    if query.kind == "histogram":
        from veil.dp.engine import bin_labels

        assert query.bins is not None
        order = pl.DataFrame({"bin": bin_labels(query.bins)})
        return order.join(table, on="bin", how="left", maintain_order="left")
    if query.key_selection or not query.by or query.domain is None:
        return table
    return public_keys(query).join(table, on=list(query.by), how="left",
                                   maintain_order="left")


def _summary_row(summary: pl.DataFrame, column: str) -> dict[str, Any]:
    rows = summary.filter(pl.col("column") == column).to_dicts()
    if not rows:  # a single aggregate is summarized under its own alias
        rows = summary.to_dicts()[:1]
    return rows[0]


def _accuracy(row: dict[str, Any], confidence: float) -> dict[str, Any]:
    return {"confidence": confidence, "distribution": row["distribution"],
            "scale": float(row["scale"]),
            "half_width": None if row["accuracy"] is None else float(row["accuracy"])}


def describe_query(query: Query) -> dict[str, Any]:
    """The query as the spec gave it, without defaults that do not apply."""
    return query.model_dump(mode="json", exclude_none=True,
                            exclude={"weight"} if query.weight == 1.0 else set())
