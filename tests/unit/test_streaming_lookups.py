"""Lookups written for Polars' streaming engine give what the plain mapping gives."""

from __future__ import annotations

import datetime as dt

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


@settings(max_examples=60, deadline=None)
@given(values=st.lists(st.one_of(st.none(), st.from_regex(r"\A ?[0-9]{3,5}(-[0-9]{4})? ?\Z"),
                                 st.sampled_from(["03601", "05999", "1234", "abc", ""])),
                       max_size=40),
       restricted=st.sets(st.sampled_from(["036", "059", "102", "012", "1.3", "000"]),
                          max_size=4))
def test_zip3_restricted_equals_the_list_replace(values: list[str | None],
                                                 restricted: set[str]) -> None:
    from veil.actions.context import ActionContext
    from veil.actions.zip3 import zip3, zip_to_five
    from veil.policy.models import Zip3

    frame = pl.LazyFrame({"z": pl.Series(values, dtype=pl.String)})
    ctx = ActionContext(column="z", dtype=pl.String(), reference_date=dt.date(2026, 1, 1),
                        zip3_keep=None, zip3_restricted=frozenset(restricted))
    want = zip_to_five(pl.col("z"), pl.String()).str.slice(0, 3).replace(sorted(restricted),
                                                                         "000")
    got = zip3(Zip3(action="zip3"), ctx)
    for engine in ("in-memory", "streaming"):
        a = frame.select(got).collect(engine=engine).to_series()
        b = frame.select(want).collect(engine=engine).to_series()
        assert a.equals(b, check_names=False)
