"""Lookups written for Polars' streaming engine give what the plain mapping gives."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from veil.actions.dates import top_code_ages


def _mapping(age: pl.Expr, at: int, label: str) -> pl.Expr:
    whole = age.cast(pl.Float64).floor().cast(pl.Int64, strict=False)
    ages = list(range(151))
    return whole.replace_strict(ages, [label if a >= at else str(a) for a in ages],
                                default=None, return_dtype=pl.String)


@settings(max_examples=80, deadline=None)
@given(values=st.lists(st.one_of(st.none(), st.floats(allow_nan=True),
                                 st.floats(-3, 160), st.integers(-5, 155).map(float)),
                       max_size=40),
       at=st.integers(0, 200),
       label=st.sampled_from(["90+", "≥ 90 ans", "a\nb", "X", "", "0"]))
def test_top_code_ages_equals_the_mapping(values: list[float | None], at: int,
                                          label: str) -> None:
    frame = pl.LazyFrame({"a": pl.Series(values, dtype=pl.Float64)})
    for engine in ("in-memory", "streaming"):
        got = frame.select(top_code_ages(pl.col("a"), at, label)).collect(engine=engine)
        want = frame.select(_mapping(pl.col("a"), at, label)).collect(engine=engine)
        assert got.to_series().equals(want.to_series(), check_names=False)
        assert got.to_series().dtype == pl.String
