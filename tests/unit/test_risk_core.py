"""The equivalence-class core, l-diversity and t-closeness on hand-checked tables,
and properties that must hold for any table."""

from __future__ import annotations

import math

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veil.errors import UsageError
from veil.risk import assess, class_sizes
from veil.risk.diversity import diversity

TABLE = pl.DataFrame({
    "age": ["30", "30", "30", "40", "40", None, None, "*"],
    "sex": ["F", "F", "F", "M", "M", "F", "F", "*"],
    "dx": ["a", "b", "a", "c", "c", "a", "b", "z"],
    "los": [1, 2, 3, 4, 4, 1, 9, 7],
})


def test_classes_nulls_and_suppression() -> None:
    c = class_sizes(TABLE, ["age", "sex"])
    # (30,F)x3, (40,M)x2, (null,F)x2; the all-* record is suppressed
    assert sorted(c.sizes.tolist()) == [2, 2, 3]
    assert c.suppressed == 1
    assert (c.records, c.classes, c.smallest, c.sample_uniques) == (7, 3, 2, 0)
    assert c.histogram == {2: 2, 3: 1}


def test_partial_star_is_a_value() -> None:
    frame = pl.DataFrame({"a": ["*", "*", "x"], "b": ["1", "2", "*"]})
    c = class_sizes(frame, ["a", "b"])
    assert c.suppressed == 0
    assert c.classes == 3


def test_l_diversity_and_t_closeness_by_hand() -> None:
    d = diversity(TABLE, ["age", "sex"], "dx")
    # classes: {a,b,a}, {c,c}, {a,b}; overall (7 records): a 3/7, b 2/7, c 2/7
    assert d.distinct_l == 1
    assert d.entropy_l == pytest.approx(1.0)
    assert d.recursive_c == math.inf
    emd_aba = 0.5 * (abs(2 / 3 - 3 / 7) + abs(1 / 3 - 2 / 7) + 2 / 7)
    emd_cc = 0.5 * (3 / 7 + 2 / 7 + abs(1 - 2 / 7))
    emd_ab = 0.5 * (abs(0.5 - 3 / 7) + abs(0.5 - 2 / 7) + 2 / 7)
    assert sorted(d.per_class_t.tolist()) == pytest.approx(sorted([emd_aba, emd_cc, emd_ab]))
    assert d.t_equal == pytest.approx(emd_cc)
    assert d.t_ordered is None  # text values have no order of their own


def test_ordered_emd_by_hand() -> None:
    frame = pl.DataFrame({"g": ["x", "x", "y", "y"], "v": [1, 2, 2, 3]})
    d = diversity(frame, ["g"], "v")
    # overall 1:1/4 2:1/2 3:1/4; class x: 1/2,1/2,0 ; class y: 0,1/2,1/2
    # x: cumulative differences 1/4, 1/4 -> (1/4+1/4)/2 = 0.25 ; y the same
    assert d.t_ordered == pytest.approx(0.25)
    assert d.distinct_l == 2
    assert d.entropy_l == pytest.approx(2.0)
    assert d.recursive_c == pytest.approx(1.0)


def test_recursive_c() -> None:
    frame = pl.DataFrame({"g": ["x"] * 6, "v": ["a", "a", "a", "b", "b", "c"]})
    d = diversity(frame, ["g"], "v", recursive_l=2)
    # r1 = 3 < c * (2 + 1): the smallest c is just above 1
    assert d.recursive_c == pytest.approx(1.0)
    assert d.recursive_c > 1.0


def test_unknown_columns_are_usage_errors() -> None:
    with pytest.raises(UsageError, match="'nope'"):
        assess(TABLE, quasi=["age", "nope"])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.sampled_from(["F", "M", None]),
                          st.integers(0, 3)), min_size=1, max_size=200))
def test_classes_agree_with_a_plain_group_by(rows: list[tuple[int, str | None, int]]) -> None:
    frame = pl.DataFrame(rows, schema=["a", "b", "s"], orient="row")
    c = class_sizes(frame, ["a", "b"])
    expected = frame.group_by(["a", "b"]).len()["len"].sort().to_list()
    assert sorted(c.sizes.tolist()) == expected
    result = assess(frame, quasi=["a", "b"], sensitive=["s"], threshold=0.5, pairs=False)
    assert result.prosecutor.highest == 1 / min(expected)
    assert result.prosecutor.average == pytest.approx(len(expected) / len(rows))
    per_class = frame.group_by(["a", "b"]).agg(pl.col("s").n_unique())["s"]
    assert result.diversity[0].distinct_l == per_class.min()


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 6), st.integers(0, 2**32 - 1))
def test_k_anonymous_tables_have_every_class_at_least_k(k: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    base = pl.DataFrame({"a": rng.integers(0, 6, 300), "b": rng.integers(0, 3, 300)})
    released = base.filter(pl.len().over(["a", "b"]) >= k)
    if released.height == 0:
        return
    c = class_sizes(released, ["a", "b"])
    assert c.smallest >= k
    assert (c.sizes >= k).all()
