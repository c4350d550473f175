"""True values of a release's queries, for the data owner's preview only (never released).

Computed with plain Polars on all rows (before the contribution bound), with
the same clamping and public keys as the DP query, so the preview shows what
the noise and the truncation together did. `truncated_rows` counts the rows
the contribution bound drops (rows beyond the bound per unit), a fixed number
even though which rows are dropped is random.
"""

from __future__ import annotations

import polars as pl

from veil.dp.engine import bin_labels
from veil.dp.spec import Query, ReleaseSpec


def truncated_rows(frame: pl.LazyFrame, spec: ReleaseSpec) -> int:
    """Rows beyond the per-unit bound: sum over units of max(rows - bound, 0)."""
    unit = spec.privacy_unit
    excess = (frame.group_by(unit.column).agg(pl.len().alias("rows"))
              .select((pl.col("rows").cast(pl.Int64) - unit.max_contributions)
                      .clip(lower_bound=0).sum()).collect().item())
    return int(excess or 0)


def true_tables(frame: pl.LazyFrame, spec: ReleaseSpec) -> list[pl.DataFrame]:
    """One table per query: its key columns (as text) and `true_value`."""
    return [_truth(frame, q) for q in spec.queries]


def _truth(frame: pl.LazyFrame, query: Query) -> pl.DataFrame:
    if query.kind == "quantile":
        assert query.quantiles is not None and query.column is not None
        values = _clamped(query)
        row = frame.select([values.quantile(q, interpolation="nearest").alias(f"q{i}")
                            for i, q in enumerate(query.quantiles)]).collect().row(0)
        return pl.DataFrame({"quantile": [str(float(q)) for q in query.quantiles],
                             "true_value": [None if v is None else float(v) for v in row]},
                            schema={"quantile": pl.String, "true_value": pl.Float64})
    if query.kind == "histogram":
        assert query.bins is not None and query.column is not None
        frame = frame.with_columns(
            pl.col(query.column).cut(list(query.bins), labels=bin_labels(query.bins),
                                     left_closed=True).cast(pl.String).alias("bin"))
        keys = ["bin"]
    else:
        keys = list(query.by)
    aggregate = _aggregate(query)
    if not keys:
        return frame.select(aggregate.alias("true_value")).collect()
    return (frame.group_by(keys).agg(aggregate.alias("true_value"))
            .with_columns(pl.col(k).cast(pl.String) for k in keys).collect())


def _aggregate(query: Query) -> pl.Expr:
    if query.kind in ("count", "count_by", "table", "histogram"):
        return pl.len().cast(pl.Int64)
    values = _clamped(query)
    return values.sum() if query.kind == "sum" else values.mean()


def _clamped(query: Query) -> pl.Expr:
    assert query.column is not None and query.bounds is not None
    values = pl.col(query.column)
    if query.fill is not None:
        values = values.fill_null(query.fill)
    return values.clip(query.bounds[0], query.bounds[1])
