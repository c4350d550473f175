"""Hierarchy builders: label formats, errors that name counts, and properties of every output."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veil.errors import HierarchyError, UsageError
from veil.hierarchy import (
    Hierarchy,
    auto,
    dates,
    intervals,
    mapping,
    mapping_from_yaml,
    masking,
    ordered,
)

SECRET = "Zq-secret-value"


def row(hierarchy: Hierarchy, value: str) -> tuple[str, ...]:
    """The row of one original value."""
    return next(r for r in hierarchy.rows() if r[0] == value)


def assert_sound(hierarchy: Hierarchy, values: pl.Series) -> None:
    """Covers every value (null too), one top value, levels never grow, expression applies."""
    assert hierarchy.missing(values) == 0
    assert len(set(hierarchy.levels[-1])) == 1
    sizes = [len(set(level)) for level in hierarchy.levels]
    assert sizes == sorted(sizes, reverse=True)
    frame = pl.DataFrame({"v": values})
    for level in range(hierarchy.height):
        out = frame.select(hierarchy.expression("v", level))["v"]
        assert out.null_count() == 0


# ---------------------------------------------------------------- intervals

@pytest.mark.parametrize(("values", "options", "value", "expected"), [
    pytest.param([17, 39, 90], {"width": 10}, "17", ("17", "10-19", "0-19", "0-39", "0-79",
                                                     "0-159", "*"), id="aligned-decades"),
    pytest.param([str(a) for a in range(1, 101)], {"width": 5, "fanout": (2, 2)}, "23",
                 ("23", "20-24", "20-29", "20-39", "*"), id="arx-age-shape"),
    pytest.param([17, 39], {"width": 10, "start": 15}, "17", ("17", "15-24", "15-34", "15-54", "*"),
                 id="start"),
    pytest.param([3, 4], {"width": 1}, "3", ("3", "3", "2-3", "0-3", "0-7", "*"),
                 id="width-one"),
    pytest.param([0.3, 0.71], {"width": 0.1}, "0.3", ("0.3", "[0.3, 0.4)", "[0.2, 0.4)",
                                                      "[0, 0.4)", "[0, 0.8)", "*"), id="floats"),
    pytest.param(["39.5", "12"], {"width": 10}, "12", ("12", "[10, 20)", "[0, 20)", "[0, 40)",
                                                       "*"), id="float-strings"),
    pytest.param([-3, 7], {"width": 5}, "-3", ("-3", "-5--1", "-5-4", "-5-14", "*"),
                 id="straddles-zero"),
    pytest.param([20, 40], {"width": 10, "fanout": 5, "top": "any"}, "20",
                 ("20", "20-29", "0-49", "any"), id="fanout-top"),
])
def test_intervals_labels(values: list[Any], options: dict[str, Any], value: str,
                          expected: tuple[str, ...]) -> None:
    hierarchy = intervals(values, **options)
    assert row(hierarchy, value) == expected
    assert_sound(hierarchy, pl.Series(values))


def test_intervals_map_nulls_to_top_at_every_level() -> None:
    series = pl.Series("age", [17, None, 40])
    hierarchy = intervals(series, width=10)
    assert hierarchy.attribute == "age"
    assert set(row(hierarchy, "")[1:]) == {"*"}
    assert intervals([None, None], width=5).rows() == [("", "*")]


@pytest.mark.parametrize(("values", "options", "error", "fragment"), [
    pytest.param(["1", SECRET, SECRET, "x"], {"width": 5}, HierarchyError,
                 "2 distinct value(s) are not finite numbers", id="non-numeric"),
    pytest.param([1.0, float("nan"), float("inf")], {"width": 5}, HierarchyError,
                 "2 distinct value(s) are not finite", id="nan-inf"),
    pytest.param([1, 2, 30], {"width": 5, "start": 10}, HierarchyError,
                 "2 distinct value(s) lie below", id="below-start"),
    pytest.param([True, False], {"width": 1}, HierarchyError, "dtype Boolean", id="dtype"),
    pytest.param([], {"width": 1}, HierarchyError, "no values", id="empty"),
    pytest.param([1], {"width": 0}, UsageError, "'width' parameter", id="width-zero"),
    pytest.param([1], {"width": 1, "fanout": 1}, UsageError, "'fanout' parameter", id="fanout"),
    pytest.param([1], {"width": 1, "fanout": []}, UsageError, "'fanout'", id="fanout-empty"),
    pytest.param([0, 10**17], {"width": 1e-2}, UsageError, "more than", id="too-many"),
])
def test_intervals_errors_name_counts(values: list[Any], options: dict[str, Any],
                                      error: type[Exception], fragment: str) -> None:
    with pytest.raises(error) as caught:
        intervals(pl.Series("c", values), **options)
    assert fragment in str(caught.value)
    assert SECRET not in str(caught.value)


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize(("values", "options", "value", "expected"), [
    pytest.param([dt.date(2020, 3, 15)], {}, "2020-03-15",
                 ("2020-03-15", "2020-03", "2020-Q1", "2020", "2020s", "*"), id="date"),
    pytest.param(["2019-12-31T23:59:00", "2020-01-01"], {"levels": ("quarter", "decade")},
                 "2019-12-31T23:59:00", ("2019-12-31T23:59:00", "2019-Q4", "2010s", "*"),
                 id="iso-strings"),
    pytest.param([dt.datetime(1999, 7, 1, 12)], {"levels": ("year",), "top": "any"},
                 "1999-07-01 12:00:00.000000", ("1999-07-01 12:00:00.000000", "1999", "any"),
                 id="datetime"),
    pytest.param([dt.date(2021, 5, 1)], {"levels": ()}, "2021-05-01", ("2021-05-01", "*"),
                 id="no-levels"),
])
def test_dates_labels(values: list[Any], options: dict[str, Any], value: str,
                      expected: tuple[str, ...]) -> None:
    hierarchy = dates([*values, None], **options)
    assert row(hierarchy, value) == expected
    assert set(row(hierarchy, "")[1:]) == {expected[-1]}


@pytest.mark.parametrize(("values", "options", "error", "fragment"), [
    pytest.param(["2020-01-01", SECRET, "2020-13-01", "20-01-01"], {}, HierarchyError,
                 "3 distinct value(s) are not ISO dates", id="not-iso"),
    pytest.param([1, 2], {}, HierarchyError, "not dates", id="dtype"),
    pytest.param(["2020-01-01"], {"levels": ("year", "month")}, UsageError, "finest first",
                 id="order"),
    pytest.param(["2020-01-01"], {"levels": ("week",)}, UsageError, "'levels'", id="unknown"),
])
def test_dates_errors(values: list[Any], options: dict[str, Any], error: type[Exception],
                      fragment: str) -> None:
    with pytest.raises(error) as caught:
        dates(values, **options)
    assert fragment in str(caught.value)
    assert SECRET not in str(caught.value)


# ---------------------------------------------------------------- masking

@pytest.mark.parametrize(("values", "options", "value", "expected"), [
    pytest.param(["02139", "90210"], {}, "02139",
                 ("02139", "0213*", "021**", "02***", "0****", "*****"), id="zip"),
    pytest.param(["02139", "021"], {}, "021",
                 ("021", "021**", "021**", "02***", "0****", "*****"), id="right-pad"),
    pytest.param(["02139"], {"step": 2, "top": "*"}, "02139",
                 ("02139", "021**", "0****", "*****", "*"), id="step-top"),
    pytest.param(["AB12"], {"char": "#", "top": "####"}, "AB12",
                 ("AB12", "AB1#", "AB##", "A###", "####"), id="char-top-equal"),
    pytest.param([None, None], {}, "", ("", "*"), id="only-nulls"),
])
def test_masking_labels(values: list[Any], options: dict[str, Any], value: str,
                        expected: tuple[str, ...]) -> None:
    hierarchy = masking(values, **options)
    assert row(hierarchy, value) == expected
    assert_sound(hierarchy, pl.Series(values))


def test_masking_null_row_is_fully_masked() -> None:
    assert row(masking(["021", None]), "") == ("", "***", "***", "***")


@pytest.mark.parametrize("options", [{"char": "**"}, {"step": 0}, {"step": 1.5}])
def test_masking_bad_options(options: dict[str, Any]) -> None:
    with pytest.raises(UsageError):
        masking(["02139"], **options)


# ---------------------------------------------------------------- mapping

EDUCATION = {
    "Higher education": {"Undergraduate": ["Bachelors", "Some-college"],
                         "Graduate": ["Masters", "Doctorate"]},
    "Primary education": {"Primary School": ["Preschool", "1st-4th"]},
}
LEVEL_DICTS = [
    {"Bachelors": "Undergraduate", "Some-college": "Undergraduate", "Masters": "Graduate",
     "Doctorate": "Graduate", "Preschool": "Primary School", "1st-4th": "Primary School"},
    {"Higher education": ["Undergraduate", "Graduate"], "Primary education": ["Primary School"]},
]


@pytest.mark.parametrize("groups", [EDUCATION, LEVEL_DICTS, [*LEVEL_DICTS, {
    "Higher education": "*", "Primary education": "*"}]], ids=["nested", "levels", "top-given"])
def test_mapping_layouts_agree(groups: Any) -> None:
    data = pl.Series("education", ["Bachelors", "Masters", None, "Preschool"])
    hierarchy = mapping(data, groups)
    assert row(hierarchy, "Masters") == ("Masters", "Graduate", "Higher education", "*")
    assert row(hierarchy, "") == ("", "*", "*", "*")
    assert len(hierarchy.values) == 7  # values in the groups but not in the data are kept
    assert_sound(hierarchy, data)


def test_mapping_null_member_groups_missing_values() -> None:
    hierarchy = mapping(["a", None], {"known": ["a"], "unknown": [None]})
    assert row(hierarchy, "") == ("", "unknown", "*")


@pytest.mark.parametrize(("groups", "fragment"), [
    pytest.param({"G": ["a"]}, "miss 2 distinct value(s)", id="uncovered"),
    pytest.param({"G": {"H": ["a"]}, "K": [SECRET]}, "different depths (1 and 2", id="ragged"),
    pytest.param({"G": ["a", SECRET], "H": [SECRET]}, "1 value(s) more than once", id="twice"),
    pytest.param([{"a": "G", SECRET: "H"}, {"G": "*"}], "no group for 1 label(s)", id="link"),
    pytest.param([{"G": ["a"], "H": ["a"]}], "puts a value in two groups", id="level-twice"),
    pytest.param({}, "list no values", id="empty"),
    pytest.param("nonsense", "nested mapping or a list", id="shape"),
])
def test_mapping_errors_never_name_values(groups: Any, fragment: str) -> None:
    with pytest.raises(HierarchyError) as caught:
        mapping(["a", SECRET, "b"] if fragment.startswith("miss") else ["a"], groups)
    assert fragment in str(caught.value)
    assert SECRET not in str(caught.value)


def test_mapping_from_yaml(tmp_path: Path) -> None:
    keyed = tmp_path / "groups.yaml"
    keyed.write_text("education:\n  Higher:\n    Graduate: [Masters]\nsex: {All: [M, F]}\n")
    hierarchy = mapping_from_yaml(keyed, "education", values=["Masters", None])
    assert hierarchy.rows() == [("Masters", "Graduate", "Higher", "*"), ("", "*", "*", "*")]
    whole = tmp_path / "zip.yaml"
    whole.write_text("- {'02139': Boston, '10001': NYC}\n- {East: [Boston, NYC]}\n")
    assert row(mapping_from_yaml(whole, "zip"), "02139") == ("02139", "Boston", "East", "*")


@pytest.mark.parametrize(("content", "fragment"), [
    pytest.param("a: [b\n", "line 2: not readable as UTF-8 YAML", id="syntax"),
    pytest.param("", "nested mapping or a list", id="empty"),
    pytest.param("G: [a]\n", "miss 1 distinct", id="coverage"),
])
def test_mapping_from_yaml_errors_name_the_file(tmp_path: Path, content: str,
                                                fragment: str) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(content)
    with pytest.raises(HierarchyError) as caught:
        mapping_from_yaml(path, "x", values=["a", SECRET])
    assert str(path) in str(caught.value)
    assert fragment in str(caught.value)
    assert SECRET not in str(caught.value)
    with pytest.raises(HierarchyError, match="no such file"):
        mapping_from_yaml(tmp_path / "absent.yaml", "x")


# ---------------------------------------------------------------- ordered

@pytest.mark.parametrize(("options", "value", "expected"), [
    pytest.param({}, "mid", ("mid", "low-mid", "low-high", "*"), id="pairs"),
    pytest.param({}, "high", ("high", "high", "low-high", "*"), id="single-run"),
    pytest.param({"fanout": 3}, "low", ("low", "low-high", "*"), id="fanout"),
    pytest.param({"separator": "..", "fanout": (2,)}, "low", ("low", "low..mid", "*"),
                 id="sequence"),
])
def test_ordered_labels(options: dict[str, Any], value: str, expected: tuple[str, ...]) -> None:
    hierarchy = ordered(["low", "high", None], order=["low", "mid", "high"], **options)
    assert row(hierarchy, value) == expected
    assert set(row(hierarchy, "")[1:]) == {"*"}


@pytest.mark.parametrize(("values", "order", "error", "fragment"), [
    pytest.param(["a", SECRET], ["a", "b"], HierarchyError, "miss 1 distinct", id="uncovered"),
    pytest.param(["a"], ["a", "a"], UsageError, "1 of 2 are repeats", id="repeats"),
    pytest.param(["a"], ["a", "b-c", "a-b", "c"], HierarchyError, "same label", id="separator"),
])
def test_ordered_errors(values: list[str], order: list[str], error: type[Exception],
                        fragment: str) -> None:
    with pytest.raises(error) as caught:
        ordered(values, order=order)
    assert fragment in str(caught.value)
    assert SECRET not in str(caught.value)


# ---------------------------------------------------------------- auto

@pytest.mark.parametrize(("series", "value", "second"), [
    pytest.param(pl.Series("age", [17, 39, 90]), "39", "35-39", id="ints-width-5"),
    pytest.param(pl.Series("age", ["17", "39", "90"]), "39", "35-39", id="int-strings"),
    pytest.param(pl.Series("bmi", [18.2, 24.9, 41.0]), "24.9", "[24, 26)", id="floats"),
    pytest.param(pl.Series("zip", ["02139", "90210", None]), "02139", "0213*", id="zip"),
    pytest.param(pl.Series("icd", ["A01", "B20"]), "A01", "A0*", id="codes"),
    pytest.param(pl.Series("d", [dt.date(2020, 3, 1)]), "2020-03-01", "2020-03", id="date"),
    pytest.param(pl.Series("d", ["2020-03-01"]), "2020-03-01", "2020-03", id="iso"),
    pytest.param(pl.Series("sex", ["M", "F", None]), "M", "*", id="flat"),
    pytest.param(pl.Series("flag", [True, False]), "true", "*", id="bool"),
    pytest.param(pl.Series("zip", ["02139"], dtype=pl.Categorical), "02139", "0213*",
                 id="categorical"),
    pytest.param(pl.Series("bp", ["120", "95"]), "120", "120-121", id="varying-digits"),
    pytest.param(pl.Series("sev", ["mid", "low"], dtype=pl.Enum(["low", "mid", "high"])),
                 "mid", "low-mid", id="enum"),
])
def test_auto_picks_by_type(series: pl.Series, value: str, second: str) -> None:
    hierarchy = auto(series)
    assert hierarchy.attribute == series.name
    assert row(hierarchy, value)[1] == second
    assert hierarchy.levels[-1][0] == "*"
    assert_sound(hierarchy, series)


def test_auto_refuses_identifiers() -> None:
    with pytest.raises(HierarchyError, match="1001 distinct values") as caught:
        auto(pl.Series("name", [f"{SECRET}{i}" for i in range(1001)]))
    assert SECRET not in str(caught.value)


def test_sequences_and_attribute_names() -> None:
    assert auto([1, 2, 3], attribute="n").attribute == "n"
    assert masking(["ab"]).attribute == "value"
    with pytest.raises(UsageError, match="not one string"):
        masking("02139")


# ---------------------------------------------------------------- properties

fanouts = st.one_of(st.integers(2, 5), st.lists(st.integers(2, 4), min_size=1, max_size=3))
maybe = st.none()


def sound(build: Callable[[pl.Series], Hierarchy], values: list[Any],
          dtype: pl.DataType | None = None) -> None:
    series = pl.Series("c", values, dtype=dtype)
    assert_sound(build(series), series)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-10**6, 10**6) | maybe, min_size=1, max_size=30),
       st.integers(1, 500), fanouts, st.booleans())
def test_intervals_int_property(values: list[int | None], width: int, fanout: Any,
                                as_text: bool) -> None:
    data = [None if v is None else str(v) for v in values] if as_text else values
    sound(lambda s: intervals(s, width=width, fanout=fanout), data)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False) | maybe, min_size=1, max_size=30),
       st.floats(1e-3, 1e3), fanouts)
def test_intervals_float_property(values: list[float | None], width: float, fanout: Any) -> None:
    sound(lambda s: intervals(s, width=width, fanout=fanout), values, pl.Float64())


@settings(max_examples=40, deadline=None)
@given(st.lists(st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31)) | maybe, min_size=1,
                max_size=30), st.sampled_from(["date", "datetime", "iso"]),
       st.lists(st.sampled_from(["month", "quarter", "year", "decade"]), unique=True))
def test_dates_property(values: list[dt.date | None], kind: str, levels: list[str]) -> None:
    chosen = [level for level in ("month", "quarter", "year", "decade") if level in levels]
    data: list[Any] = values
    if kind == "datetime":
        data = [None if v is None else dt.datetime(v.year, v.month, v.day, 7) for v in values]
    elif kind == "iso":
        data = [None if v is None else v.isoformat() for v in values]
    sound(lambda s: dates(s, levels=chosen), data)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text("0123AZ*", max_size=7) | maybe, min_size=1, max_size=30),
       st.integers(1, 3), st.sampled_from([None, "*", "ALL"]))
def test_masking_property(values: list[str | None], step: int, top: str | None) -> None:
    sound(lambda s: masking(s, step=step, top=top), values, pl.String())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text("abcd", min_size=1, max_size=3), min_size=1, max_size=12, unique=True),
       st.data(), st.booleans())
def test_mapping_property(categories: list[str], data: st.DataObject, nested: bool) -> None:
    group = {c: data.draw(st.integers(0, 3)) for c in categories}
    values = data.draw(st.lists(st.sampled_from(categories) | maybe, min_size=1))
    groups: Any
    if nested:
        groups = {}
        for c, g in group.items():
            groups.setdefault(f"S{g // 2}", {}).setdefault(f"G{g}", []).append(c)
    else:
        groups = [{c: f"G{g}" for c, g in group.items()},
                  {f"G{g}": f"S{g // 2}" for g in group.values()}]
    sound(lambda s: mapping(s, groups), values, pl.String())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text("abc", min_size=1, max_size=3), min_size=1, max_size=12, unique=True),
       st.data(), fanouts)
def test_ordered_property(order: list[str], data: st.DataObject, fanout: Any) -> None:
    values = data.draw(st.lists(st.sampled_from(order) | maybe, min_size=1))
    sound(lambda s: ordered(s, order=order, fanout=fanout), values, pl.String())


@settings(max_examples=60, deadline=None)
@given(st.one_of(
    st.lists(st.integers(0, 120) | maybe, min_size=1, max_size=30),
    st.lists(st.floats(-50, 50, allow_nan=False) | maybe, min_size=1, max_size=30),
    st.lists(st.dates() | maybe, min_size=1, max_size=30),
    st.lists(st.text("0123", min_size=5, max_size=5) | maybe, min_size=1, max_size=30),
    st.lists(st.text("xyz0", max_size=4) | maybe, min_size=1, max_size=30),
))
def test_auto_property(values: list[Any]) -> None:
    sound(auto, values)
