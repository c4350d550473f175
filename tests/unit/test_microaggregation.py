"""Microaggregation (MDAV and univariate): hand-checked groups, error messages, and
properties for any table (group sizes, means preserved, shape, determinism)."""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veil.anonymize.microaggregation import (
    MDAV_MAX_ROWS,
    Method,
    _mdav,
    _standardize,
    microaggregate,
)
from veil.errors import UsageError
from veil.risk.classes import class_sizes

INCOME = pl.DataFrame({"income": [10.0, 11.0, 12.0, 50.0, 52.0, 54.0], "id": list("abcdef")})


@pytest.mark.parametrize(
    ("values", "k", "method", "expected"),
    [
        pytest.param(INCOME["income"].to_list(), 3, "mdav",
                     [11.0, 11.0, 11.0, 52.0, 52.0, 52.0], id="docstring"),
        # three clear clusters: MDAV takes the two extremes first, then the rest
        pytest.param([21, 1, 11, 2, 22, 12, 3, 20, 10], 3, "mdav",
                     [21.0, 2.0, 11.0, 2.0, 21.0, 11.0, 2.0, 21.0, 11.0], id="mdav-clusters"),
        pytest.param([4, 1, 3], 1, "mdav", [4.0, 1.0, 3.0], id="mdav-k1"),
        pytest.param([4, 1, 3, 8], 4, "mdav", [4.0] * 4, id="mdav-k-is-n"),
        # 2k..3k-1 records left: one group around the farthest record, the rest together
        pytest.param([0, 1, 2, 3, 100], 2, "mdav", [1.0, 1.0, 1.0, 51.5, 51.5],
                     id="mdav-tail"),
        # sorted 1 2 | 3 4 5: the remainder joins the last group
        pytest.param([5, 1, 4, 2, 3], 2, "univariate", [4.0, 1.5, 4.0, 1.5, 4.0],
                     id="univariate-remainder"),
        pytest.param([3, 3, 3, 3], 2, "univariate", [3.0] * 4, id="univariate-constant"),
        pytest.param([4, 1, 3], 1, "univariate", [4.0, 1.0, 3.0], id="univariate-k1"),
    ],
)
def test_one_column(values: list[float], k: int, method: Method, expected: list[float]) -> None:
    frame = pl.DataFrame({"x": values})
    result = microaggregate(frame, columns=["x"], k=k, method=method)
    assert result.frame["x"].to_list() == pytest.approx(expected)
    assert result.frame.schema["x"] == pl.Float64


def test_mdav_groups_records_over_all_columns() -> None:
    frame = pl.DataFrame({"a": [0, 0, 10, 10, 0, 10], "b": [0, 1, 50, 51, 2, 52]})
    out = microaggregate(frame, columns=["a", "b"], k=3).frame
    assert out["a"].to_list() == [0.0, 0.0, 10.0, 10.0, 0.0, 10.0]
    assert out["b"].to_list() == [1.0, 1.0, 51.0, 51.0, 1.0, 51.0]


def test_counts_and_information_loss() -> None:
    result = microaggregate(INCOME, columns=["income"], k=3)
    assert (result.groups, result.smallest) == (2, 3)
    x = INCOME["income"].to_numpy()
    sst = ((x - x.mean()) ** 2).sum()
    sse = 2.0 + 8.0  # (1 + 0 + 1) around 11 and (4 + 0 + 4) around 52
    assert result.information_loss == pytest.approx(sse / sst)
    assert microaggregate(INCOME, columns=["income"], k=6).information_loss == pytest.approx(1.0)
    assert microaggregate(INCOME, columns=["income"], k=1).information_loss == 0.0
    uni = microaggregate(INCOME, columns=["income"], k=4, method="univariate")
    assert (uni.groups, uni.smallest) == (1, 6)


# --------------------------------------------------------------------------- errors

SECRET_NUMBER = 987654.321
SECRETS = pl.DataFrame({
    "pay": [SECRET_NUMBER, None, 12345.678, 2.0],
    "f": [float("inf"), 2.5, 7.25, 31.125],
    "name": ["Zebediah-Quux", "Ann", "Bo", "Cy"],
    "ok": [1.0, 2.0, 3.0, 4.0],
})


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"columns": ["pay"], "k": 2}, r"'pay' has 1 null"),
        ({"columns": ["f"], "k": 2}, r"'f' has 1 null, NaN or infinite"),
        ({"columns": ["name"], "k": 2}, r"'name' has type String"),
        ({"columns": ["ok"], "k": 0}, r"'k' parameter must be an int >= 1"),
        ({"columns": ["ok"], "k": 2.0}, r"'k' parameter"),
        ({"columns": ["ok"], "k": 5}, r"k=5 is more than the 4 rows"),
        ({"columns": ["ok"], "k": 2, "method": "kmeans"}, r"'mdav' or 'univariate'"),
        ({"columns": ["ok", "nope"], "k": 2}, r"'nope'"),
        ({"columns": ["ok", "ok"], "k": 2}, r"listed twice"),
        ({"columns": [], "k": 2}, r"at least one"),
        ({"columns": "ok", "k": 2}, r"not one string"),
    ],
)
def test_errors_name_the_problem_never_a_value(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(UsageError, match=match) as caught:
        microaggregate(SECRETS, **kwargs)
    text = str(caught.value)
    for cell in ("987654", "12345", "Zebediah", "31.125", "7.25", "Ann"):
        assert cell not in text


def test_mdav_refuses_big_data_and_points_to_univariate() -> None:
    frame = pl.DataFrame({"x": np.zeros(MDAV_MAX_ROWS + 1)})
    with pytest.raises(UsageError, match="univariate"):
        microaggregate(frame, columns=["x"], k=3)
    result = microaggregate(frame, columns=["x"], k=3, method="univariate")
    assert result.smallest >= 3


# --------------------------------------------------------------------------- properties


@st.composite
def tables(draw: st.DrawFn) -> tuple[pl.DataFrame, list[str], int]:
    n = draw(st.integers(1, 60))
    numbers = st.one_of(
        st.integers(-3, 3),  # many ties
        st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False),
    )
    width = draw(st.integers(1, 3))
    data: dict[str, Any] = {
        f"c{j}": draw(st.lists(numbers, min_size=n, max_size=n)) for j in range(width)
    }
    data = {c: [float(v) for v in values] for c, values in data.items()}
    data["ints"] = draw(st.lists(st.integers(-1000, 1000), min_size=n, max_size=n))
    data["label"] = [f"r{i}" for i in range(n)]
    columns = [*list(data)[:width], *(["ints"] if draw(st.booleans()) else [])]
    return pl.DataFrame(data), columns, draw(st.integers(1, n))


def check_common(frame: pl.DataFrame, columns: list[str], k: int, method: Method) -> None:
    result = microaggregate(frame, columns=columns, k=k, method=method)
    out = result.frame
    assert out.columns == frame.columns
    assert out.height == frame.height
    assert out.drop(columns).equals(frame.drop(columns))
    assert result.smallest >= k
    assert 0.0 <= result.information_loss <= 1.0
    for c in columns:
        assert out[c].mean() == pytest.approx(frame[c].cast(pl.Float64).mean(), rel=1e-9,
                                              abs=1e-6)
        assert class_sizes(out, [c]).smallest >= k  # each column on its own
    assert microaggregate(frame, columns=columns, k=k, method=method).frame.equals(out)


@settings(max_examples=120, deadline=None)
@given(tables())
def test_mdav_properties(case: tuple[pl.DataFrame, list[str], int]) -> None:
    frame, columns, k = case
    check_common(frame, columns, k, "mdav")
    result = microaggregate(frame, columns=columns, k=k)
    assert class_sizes(result.frame, columns).smallest >= k  # k-anonymous over all columns
    values = np.column_stack([frame[c].cast(pl.Float64).to_numpy() for c in columns])
    sizes = np.bincount(_mdav(_standardize(values), k))
    assert sizes.min() >= k
    assert sizes.max() <= max(2 * k - 1, 1)
    assert result.groups == sizes.size


@settings(max_examples=120, deadline=None)
@given(tables())
def test_univariate_properties(case: tuple[pl.DataFrame, list[str], int]) -> None:
    frame, columns, k = case
    check_common(frame, columns, k, "univariate")
    result = microaggregate(frame, columns=columns, k=k, method="univariate")
    assert result.groups == frame.height // k
    # values only move within their own sorted block, so the column order is kept
    for c in columns:
        before = frame[c].cast(pl.Float64).to_numpy()
        after = result.frame[c].to_numpy()
        order = np.argsort(before, kind="stable")
        assert np.all(np.diff(after[order]) >= -1e-9 * (1 + np.abs(after).max()))


def test_univariate_scale() -> None:
    rng = np.random.default_rng(3)
    frame = pl.DataFrame({"a": rng.normal(0, 1, 300_000), "b": rng.integers(0, 90, 300_000)})
    result = microaggregate(frame, columns=["a", "b"], k=5, method="univariate")
    assert result.smallest == 5
    for c in ("a", "b"):
        assert class_sizes(result.frame, [c]).smallest >= 5
        assert result.frame[c].mean() == pytest.approx(frame[c].mean())
