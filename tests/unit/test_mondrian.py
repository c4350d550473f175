"""Mondrian local recoding: hand-checked tables, a plain-Python reference of the
algorithm, and properties that must hold for any table (k, l, shape, determinism)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veil.anonymize.mondrian import mondrian
from veil.errors import UsageError
from veil.risk.classes import class_sizes
from veil.risk.diversity import diversity

PEOPLE = pl.DataFrame({"age": [31, 35, 52, 58], "sex": ["F", "M", "F", "F"]})


@pytest.mark.parametrize(
    ("frame", "quasi", "k", "expected"),
    [
        pytest.param(PEOPLE, ["age", "sex"], 2,
                     {"age": ["31-35", "31-35", "52-58", "52-58"],
                      "sex": ["{F,M}", "{F,M}", "F", "F"]}, id="docstring"),
        pytest.param(PEOPLE, ["age", "sex"], 4,
                     {"age": ["31-58"] * 4, "sex": ["{F,M}"] * 4}, id="k-is-n"),
        pytest.param(PEOPLE, ["age", "sex"], 1,
                     {"age": ["31", "35", "52", "58"], "sex": ["F", "M", "F", "F"]}, id="k-1"),
        pytest.param(pl.DataFrame({"x": [4.5, 1.5, 3.5, 2.5]}), ["x"], 2,
                     {"x": ["3.5-4.5", "1.5-2.5", "3.5-4.5", "1.5-2.5"]}, id="floats"),
        pytest.param(pl.DataFrame({"c": ["d", "a", "c", "b"]}), ["c"], 2,
                     {"c": ["{c,d}", "{a,b}", "{c,d}", "{a,b}"]}, id="strings"),
        # strict partitioning: the three 1s stay together, so no cut leaves 2 and 2
        pytest.param(pl.DataFrame({"x": [1, 1, 2, 1]}), ["x"], 2, {"x": ["1-2"] * 4},
                     id="strict-median"),
        pytest.param(pl.DataFrame({"x": [-3, -1, 5, 7]}), ["x"], 2,
                     {"x": ["-3--1", "-3--1", "5-7", "5-7"]}, id="negative"),
        # x spans its whole range, y only half of its own: x is cut first
        pytest.param(pl.DataFrame({"x": [0, 1, 9, 10], "y": [0, 10, 0, 10]}), ["x"], 2,
                     {"x": ["0-1", "0-1", "9-10", "9-10"]}, id="widest-first"),
        pytest.param(pl.DataFrame({"b": [True, False, True, False]}), ["b"], 2,
                     {"b": ["true", "false", "true", "false"]}, id="booleans"),
        pytest.param(pl.DataFrame({"c": pl.Series(["b", "a", "b", "a"], dtype=pl.Categorical)}),
                     ["c"], 2, {"c": ["b", "a", "b", "a"]}, id="categorical"),
    ],
)
def test_recoding(frame: pl.DataFrame, quasi: list[str], k: int,
                  expected: dict[str, list[str]]) -> None:
    out = mondrian(frame, quasi=quasi, k=k).frame
    assert {c: out[c].to_list() for c in expected} == expected


def test_l_diversity_blocks_a_cut() -> None:
    frame = pl.DataFrame({"age": [1, 2, 3, 4], "dx": ["a", "a", "b", "b"]})
    assert mondrian(frame, quasi=["age"], k=2).partitions == 2
    result = mondrian(frame, quasi=["age"], k=2, l=2, sensitive="dx")
    assert result.partitions == 1
    assert result.frame["age"].to_list() == ["1-4"] * 4
    assert result.frame["dx"].to_list() == frame["dx"].to_list()


def test_information_loss_by_hand() -> None:
    result = mondrian(PEOPLE, quasi=["age", "sex"], k=2)
    # age 31-35 and 52-58 over 31-58: 4/27 and 6/27; sex {F,M}: 2/2, F: 0 (Xu et al. 2006)
    expected = (2 * 4 / 27 + 2 * 6 / 27 + 2 * 1.0 + 2 * 0.0) / (4 * 2)
    assert result.information_loss == pytest.approx(expected)
    assert (result.partitions, result.smallest) == (2, 2)
    assert mondrian(PEOPLE, quasi=["age", "sex"], k=4).information_loss == pytest.approx(1.0)
    assert mondrian(PEOPLE, quasi=["age", "sex"], k=1).information_loss == 0.0


# --------------------------------------------------------------------------- errors

SECRET_TEXT = "Zebediah-Quux"
SECRET_NUMBER = 987654321
SECRETS = pl.DataFrame({
    "name": [SECRET_TEXT, "Ann-Other", None, "Bo-Third"],
    "n": [SECRET_NUMBER, None, None, 123456789],
    "f": [float("nan"), 2.5, 7.25, 31.125],
    "d": [dt.date(1961, 7, 4)] * 4,
    "dx": [SECRET_TEXT, SECRET_TEXT, "x", "y"],
    "ok": [1, 2, 3, 4],
})


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"quasi": ["n"], "k": 2}, r"'n' has 2 null"),
        ({"quasi": ["name"], "k": 2}, r"'name' has 1 null"),
        ({"quasi": ["f"], "k": 2}, r"'f' has 1 null, NaN"),
        ({"quasi": ["d"], "k": 2}, r"'d' has type Date"),
        ({"quasi": ["ok"], "k": 0}, r"'k' parameter must be an int >= 1"),
        ({"quasi": ["ok"], "k": True}, r"'k' parameter"),
        ({"quasi": ["ok"], "k": 5}, r"k=5 is more than the 4 rows"),
        ({"quasi": ["ok"], "k": 2, "l": 2}, r"needs a sensitive column"),
        ({"quasi": ["ok"], "k": 2, "sensitive": "dx"}, r"without l"),
        ({"quasi": ["ok"], "k": 2, "l": 0, "sensitive": "dx"}, r"'l' parameter"),
        ({"quasi": ["ok"], "k": 2, "l": 4, "sensitive": "dx"}, r"3 distinct value"),
        ({"quasi": ["ok"], "k": 2, "l": 2, "sensitive": "nope"}, r"'nope' not in the data"),
        ({"quasi": ["ok", "dx"], "k": 2, "l": 2, "sensitive": "dx"}, r"both sensitive"),
        ({"quasi": ["ok", "nope"], "k": 2}, r"'nope'"),
        ({"quasi": ["ok", "ok"], "k": 2}, r"listed twice"),
        ({"quasi": [], "k": 2}, r"at least one"),
        ({"quasi": "ok", "k": 2}, r"not one string"),
    ],
)
def test_errors_name_the_problem_never_a_value(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(UsageError, match=match) as caught:
        mondrian(SECRETS, **kwargs)
    text = str(caught.value)
    for cell in (SECRET_TEXT, str(SECRET_NUMBER), "123456789", "Bo-Third", "31.125", "1961"):
        assert cell not in text


def test_suppressed_records_stay_out() -> None:
    frame = pl.DataFrame({"a": ["x", "y", "*", "x", "y"], "b": ["1", "2", "*", "1", "*"],
                          "v": [1, 2, 3, 4, 5]})
    result = mondrian(frame, quasi=["a", "b"], k=2)
    assert result.frame["a"].to_list() == ["x", "y", "*", "x", "y"]
    assert result.frame["b"].to_list() == ["1", "{*,2}", "*", "1", "{*,2}"]  # a lone * is a value
    assert (result.partitions, result.smallest) == (2, 2)
    assert class_sizes(result.frame, ["a", "b"]).suppressed == 1
    with pytest.raises(UsageError, match="4 rows of the data left after 1 suppressed"):
        mondrian(frame, quasi=["a", "b"], k=5)


def test_empty_frame_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="more than the 0 rows"):
        mondrian(PEOPLE.clear(), quasi=["age"], k=1)


# --------------------------------------------------------------------------- reference


def reference_partitions(frame: pl.DataFrame, quasi: list[str], k: int, l: int,  # noqa: E741
                         sensitive: str | None) -> set[frozenset[int]]:
    """Strict Mondrian written plainly, record by record (for small tables only)."""
    ranks: list[list[int]] = []
    position: list[list[float]] = []
    for name in quasi:
        values = frame[name].to_list()
        if frame.schema[name].is_numeric():
            distinct = sorted(set(values))
            span = float(distinct[-1]) - float(distinct[0])
            position.append([(float(v) - float(distinct[0])) / span if span > 0 else 0.0
                             for v in distinct])
        else:
            values = [str(v).lower() if isinstance(v, bool) else v for v in values]
            distinct = sorted(set(values))
            position.append([i / max(len(distinct) - 1, 1) for i in range(len(distinct))])
        index = {v: i for i, v in enumerate(distinct)}
        ranks.append([index[v] for v in values])
    secret = frame[sensitive].to_list() if sensitive else [0] * frame.height

    def allowed(left: list[int], right: list[int]) -> bool:
        return (len(left) >= k and len(right) >= k
                and len({secret[i] for i in left}) >= l and len({secret[i] for i in right}) >= l)

    def split(rows: list[int]) -> list[list[int]]:
        if len(rows) >= 2 * k:
            width = [position[d][max(ranks[d][i] for i in rows)]
                     - position[d][min(ranks[d][i] for i in rows)] for d in range(len(quasi))]
            for d in sorted(range(len(quasi)), key=lambda d: -width[d]):
                if width[d] <= 0:
                    break
                median = sorted(ranks[d][i] for i in rows)[(len(rows) - 1) // 2]
                cuts = []
                for median_goes_left in (True, False):
                    left = [i for i in rows if ranks[d][i] < median
                            or (median_goes_left and ranks[d][i] == median)]
                    right = [i for i in rows if i not in set(left)]
                    if allowed(left, right):
                        cuts.append((min(len(left), len(right)), left, right))
                if cuts:
                    best = max(cuts, key=lambda c: c[0])  # first (median goes left) on a tie
                    return split(best[1]) + split(best[2])
        return [rows]

    return {frozenset(p) for p in split(list(range(frame.height)))}


def output_classes(frame: pl.DataFrame, quasi: list[str]) -> set[frozenset[int]]:
    groups = frame.with_row_index("_i").group_by(quasi).agg(pl.col("_i"))
    return {frozenset(g) for g in groups["_i"].to_list()}


def suppressed(frame: pl.DataFrame, quasi: list[str]) -> pl.Series:
    """Records whose quasi-identifiers are all the marker (never so with a number column)."""
    return frame.select(pl.all_horizontal([pl.col(c).cast(pl.String) == "*" for c in quasi])
                        .fill_null(False)).to_series()


@st.composite
def tables(draw: st.DrawFn) -> tuple[pl.DataFrame, list[str], int, int | None]:
    n = draw(st.integers(1, 40))
    col = st.lists
    frame = pl.DataFrame({
        "i": draw(col(st.integers(-5, 12), min_size=n, max_size=n)),
        "f": draw(col(st.sampled_from([-1.5, 0.0, 0.25, 2.0, 7.75, 1e6]), min_size=n, max_size=n)),
        "s": draw(col(st.sampled_from(["a", "b", "c", "dd", "e", "ä", "*"]), min_size=n,
                      max_size=n)),
        "dx": draw(col(st.sampled_from(["x", "y", "z", None]), min_size=n, max_size=n)),
        "other": list(range(n)),
    }, schema_overrides={"dx": pl.String})
    quasi = draw(st.lists(st.sampled_from(["i", "f", "s"]), min_size=1, max_size=3, unique=True))
    kept = frame.filter(~suppressed(frame, quasi))
    if kept.is_empty():
        quasi = [*quasi, "i"] if "i" not in quasi else quasi
        kept = frame
    k = draw(st.integers(1, kept.height))
    l = draw(st.none() | st.integers(1, kept["dx"].n_unique()))  # noqa: E741
    return frame, quasi, k, l


@settings(max_examples=150, deadline=None)
@given(tables())
def test_properties(case: tuple[pl.DataFrame, list[str], int, int | None]) -> None:
    frame, quasi, k, l = case  # noqa: E741
    sensitive = "dx" if l is not None else None
    result = mondrian(frame, quasi=quasi, k=k, l=l, sensitive=sensitive)
    out = result.frame
    gone = suppressed(frame, quasi)
    assert out.filter(gone).equals(frame.filter(gone).with_columns(pl.col(quasi).cast(pl.String)))
    sizes = class_sizes(out, quasi)
    assert sizes.suppressed == gone.sum()  # and no recoding is the suppression marker
    assert sizes.smallest >= k
    assert sizes.classes == result.partitions  # every partition has its own recoding
    assert result.smallest == sizes.smallest
    if l is not None:
        assert diversity(out, quasi, "dx").distinct_l >= l
    assert out.columns == frame.columns
    assert out.height == frame.height
    assert out.drop(quasi).equals(frame.drop(quasi))
    assert all(out.schema[c] == pl.String for c in quasi)
    assert 0.0 <= result.information_loss <= 1.0
    assert output_classes(out.filter(~gone), quasi) == reference_partitions(
        frame.filter(~gone), quasi, k, l or 1, sensitive)
    # deterministic, and independent of the row order
    assert mondrian(frame, quasi=quasi, k=k, l=l, sensitive=sensitive).frame.equals(out)
    shuffled = np.random.default_rng(0).permutation(frame.height)
    again = mondrian(frame[shuffled], quasi=quasi, k=k, l=l, sensitive=sensitive).frame
    assert again.equals(out[shuffled])


@pytest.mark.slow
def test_bounded_scale() -> None:
    rng = np.random.default_rng(7)
    n = 200_000
    frame = pl.DataFrame({
        "age": rng.integers(0, 100, n),
        "zip": rng.integers(10_000, 99_999, n),
        "sex": rng.choice(["F", "M"], n),
        "eth": rng.choice([f"e{i}" for i in range(12)], n),
        "weight": rng.normal(70, 10, n),
        "dx": rng.choice(list("abcdefgh"), n),
    })
    quasi = ["age", "zip", "sex", "eth", "weight"]
    result = mondrian(frame, quasi=quasi, k=10, l=3, sensitive="dx")
    assert class_sizes(result.frame, quasi).smallest >= 10
    assert diversity(result.frame, quasi, "dx").distinct_l >= 3
    assert result.partitions > n // 40
