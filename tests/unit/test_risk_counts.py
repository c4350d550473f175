"""The risk measures from distinct combinations and their counts (`assess_table`'s
fast path, `classes_from_counts`) equal the measures over the records expanded from
the same counts (`assess` of `records_from_counts`), figure for figure, bit for bit."""

from __future__ import annotations

import numpy as np
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from veil.engines.polars_engine import PolarsEngine, PolarsTable
from veil.risk.assess import Population, assess, assess_table, records_from_counts
from veil.risk.classes import class_sizes, classes_from_counts

_TEXT = st.sampled_from(["x", "y", "*", "zz", "Ünï", None])
_INT = st.sampled_from([1, 2, 7, 10**9, -5, None])


@st.composite
def _frames(draw: st.DrawFn) -> pl.DataFrame:
    rows = draw(st.integers(1, 60))
    return pl.DataFrame({
        "a": draw(st.lists(_TEXT, min_size=rows, max_size=rows)),
        "b": draw(st.lists(st.sampled_from(["*", "p", "q", None]), min_size=rows,
                           max_size=rows)),
        "c": pl.Series(draw(st.lists(_INT, min_size=rows, max_size=rows)), dtype=pl.Int64),
        "d": pl.Series(draw(st.lists(st.integers(0, 4), min_size=rows, max_size=rows)),
                       dtype=pl.Int32),
    })


@settings(max_examples=60, deadline=None)
@given(frame=_frames(), quasi=st.sampled_from([["a"], ["a", "b"], ["a", "b", "c"],
                                               ["c", "d"], ["b", "a", "d", "c"]]))
def test_counts_path_equals_expanded_records(frame: pl.DataFrame, quasi: list[str]) -> None:
    engine = PolarsEngine()
    table = PolarsTable.of_frame(frame)
    fast = assess_table(engine, table, quasi=quasi, pairs=True,
                        population=Population(size=1000))
    expanded = assess(records_from_counts(engine, table, quasi), quasi=quasi, pairs=True,
                      population=Population(size=1000))
    assert fast.to_dict() == expanded.to_dict()
    assert np.array_equal(fast.classes.sizes, expanded.classes.sizes)  # same order too


def test_classes_from_counts_suppressed_and_sizes() -> None:
    frame = pl.DataFrame({"a": ["*", "x", "y", None], "b": ["*", "p", "*", "p"]})
    counts = np.array([4, 2, 1, 3], dtype=np.int64)
    weighted = classes_from_counts(frame, counts, ("a", "b"))
    records = frame[np.repeat(np.arange(4), counts)]
    assert weighted.classes.suppressed == 4
    assert sorted(weighted.classes.sizes.tolist()) == [1, 2, 3]
    assert np.array_equal(np.sort(weighted.classes.sizes),
                          np.sort(class_sizes(records, ("a", "b")).sizes))


def test_codes_follow_the_expanded_records() -> None:
    """Few distinct values spread wide, repeated: coded as the expanded column would be
    (dense offsets, null last), not as the 3 distinct values alone (ranks, null first)."""
    frame = pl.DataFrame({"c": pl.Series([0, 100, None] * 20 + [0, 5, 7],
                                         dtype=pl.Int64)})
    engine = PolarsEngine()
    table = PolarsTable.of_frame(frame)
    fast = assess_table(engine, table, quasi=["c"])
    expanded = assess(records_from_counts(engine, table, ["c"]), quasi=["c"])
    assert np.array_equal(fast.classes.sizes, expanded.classes.sizes)
    assert fast.to_dict() == expanded.to_dict()
