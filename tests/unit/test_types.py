"""Every Arrow type a health extract may hold is read, scanned, transformed and
measured without crashing: dictionaries (pandas `category`, ordered or not, at any
depth), Polars Enum, all temporal types, nested structs, lists and maps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.arrow_types import (
    CATEGORY_COLUMNS,
    DATE_COLUMNS,
    DURATION_COLUMNS,
    NESTED_COLUMNS,
    TIME_COLUMNS,
    all_types_table,
    first_year,
    write_all_types,
)
from veil.actions.context import ActionContext
from veil.actions.registry import BUILTIN_ACTIONS
from veil.categories import Kind
from veil.errors import PolicyError
from veil.io.read import open_dataset, plain_dtype
from veil.policy.models import Keep, Mask, Redact, TopCode, YearOnly
from veil.risk.classes import column_codes
from veil.scan import scan_frame
from veil.scan.dates import DATE_KINDS


def _no_dictionary(dtype: pl.DataType) -> bool:
    if isinstance(dtype, pl.Categorical | pl.Enum):
        return False
    if isinstance(dtype, pl.Struct):
        return all(_no_dictionary(f.dtype) for f in dtype.fields)  # type: ignore[arg-type]
    if isinstance(dtype, pl.List | pl.Array):
        return _no_dictionary(dtype.inner)  # type: ignore[arg-type]
    return True


@pytest.fixture(scope="module")
def all_types(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_all_types(tmp_path_factory.mktemp("types") / "all.parquet")


@pytest.mark.parametrize(("given", "expected"), [
    (pl.Categorical(), pl.String()),
    (pl.Enum(["a", "b"]), pl.String()),
    (pl.Struct({"a": pl.Categorical, "b": pl.Int64}), pl.Struct({"a": pl.String, "b": pl.Int64})),
    (pl.List(pl.Categorical), pl.List(pl.String)),
    (pl.Array(pl.Enum(["x"]), 2), pl.Array(pl.String, 2)),
    (pl.List(pl.Struct({"k": pl.Categorical})), pl.List(pl.Struct({"k": pl.String}))),
    (pl.Datetime("ns", "UTC"), pl.Datetime("ns", "UTC")),
    (pl.Duration("us"), pl.Duration("us")),
])
def test_plain_dtype_replaces_dictionaries_at_any_depth(given: pl.DataType,
                                                        expected: pl.DataType) -> None:
    assert plain_dtype(given) == expected


def test_a_parquet_of_every_type_opens_with_plain_strings(all_types: Path) -> None:
    dataset = open_dataset(all_types)
    schema = dataset.frame.collect_schema()
    assert all(_no_dictionary(dtype) for dtype in schema.dtypes())
    for engine in ("streaming", "in-memory"):
        frame = dataset.frame.collect(engine=engine)  # type: ignore[call-overload]
        assert frame.height == dataset.rows == 400
    table = all_types_table()
    frame = dataset.frame.collect()
    for name in CATEGORY_COLUMNS:  # values survive decoding, ordered or not
        assert frame.get_column(name).to_list() == table.column(name).to_pylist()
    assert frame.get_column("address.city").dtype == pl.String  # structs: one column a leaf
    assert "address" not in frame.columns
    assert frame.get_column("codes").dtype == pl.List(pl.String)


@pytest.mark.parametrize("ordered", [False, True])
@pytest.mark.parametrize("where", ["top", "struct", "list"])
def test_pandas_categories_open_as_strings(tmp_path: Path, ordered: bool, where: str) -> None:
    """pandas writes `category` as an Arrow dictionary with int8 indices (ordered for
    an ordered categorical, which Polars' own reader cannot decode)."""
    values = pa.DictionaryArray.from_arrays(pa.array([0, 1, 0, None], pa.int8()),
                                            pa.array(["F", "M"]), ordered=ordered)
    column = {
        "top": values,
        "struct": pa.StructArray.from_arrays([values], names=["sex"]),
        "list": pa.ListArray.from_arrays(pa.array([0, 1, 2, 3, 4]), values),
    }[where]
    path = tmp_path / "cat.parquet"
    pq.write_table(pa.table({"c": column, "n": [1, 2, 3, 4]}), path)
    frame = open_dataset(path).frame.collect()
    name = "c.sex" if where == "struct" else "c"  # a struct is read one column a leaf
    assert _no_dictionary(frame.schema[name])
    assert frame.height == 4
    flat = frame[name]
    if where == "list":
        flat = flat.explode()
    assert flat.to_list() == ["F", "M", "F", None]


def test_polars_enum_and_categorical_open_as_strings(tmp_path: Path) -> None:
    path = tmp_path / "enum.parquet"
    pl.DataFrame({
        "e": pl.Series(["a", "b", None], dtype=pl.Enum(["a", "b", "c"])),
        "c": pl.Series(["x", "y", "x"], dtype=pl.Categorical),
    }).write_parquet(path)
    frame = open_dataset(path).frame.collect()
    assert frame.schema == pl.Schema({"e": pl.String, "c": pl.String})
    assert frame["e"].to_list() == ["a", "b", None]


def test_scan_classifies_every_type(all_types: Path) -> None:
    found = {f.column: f for f in scan_frame(open_dataset(all_types).frame).columns}
    for name in DATE_COLUMNS:
        assert found[name].kind in DATE_KINDS, name
    assert found["event_epoch"].date_encoding == "epoch_s"
    assert found["admit_serial"].date_encoding == "excel_serial"
    for name in (*TIME_COLUMNS, *DURATION_COLUMNS, "glucose"):
        assert found[name].kind not in DATE_KINDS, name
    for name in NESTED_COLUMNS:  # not inspected: dropped under Safe Harbor (fail closed)
        assert found[name].kind is Kind.FREE_TEXT, name
    assert found["zip"].kind is Kind.ZIP


def _run(frame: pl.DataFrame, rule: object, column: str) -> pl.Series:
    ctx = ActionContext(column=column, dtype=frame.schema[column],
                        reference_date=dt.date(2026, 1, 1), schema=dict(frame.schema))
    return frame.select(BUILTIN_ACTIONS[rule.action](rule, ctx).alias("o"))["o"]  # type: ignore[attr-defined]


def test_actions_on_every_type_give_values_or_a_policy_error(all_types: Path) -> None:
    """keep and redact take any column; actions reading values refuse the ones with
    no text form with a PolicyError (exit 2), never an internal error."""
    frame = open_dataset(all_types).frame.collect()
    no_text = {*DURATION_COLUMNS, *NESTED_COLUMNS}
    for name in frame.columns:
        assert _run(frame, Keep(action="keep"), name).equals(frame[name], check_names=False)
        redacted = _run(frame, Redact(action="redact"), name)
        assert redacted.null_count() == frame[name].null_count()
        year = _run(frame, YearOnly(action="year_only"), name)
        assert year.dtype == pl.Int32 and year.len() == frame.height
        if name in no_text:
            with pytest.raises(PolicyError, match="has no such form") as refusal:
                _run(frame, Mask(action="mask"), name)
            assert str(frame[name][0]) not in str(refusal.value)
        else:
            assert _run(frame, Mask(action="mask"), name).len() == frame.height


def test_year_only_reduces_every_date_column_to_its_year(all_types: Path) -> None:
    frame = open_dataset(all_types).frame.collect()
    table = all_types_table()
    found = {f.column: f for f in scan_frame(frame).columns}
    for name in DATE_COLUMNS:
        rule = YearOnly(action="year_only", top_code_years=False,
                        encoding=found[name].date_encoding or "auto")
        years = _run(frame, rule, name)
        assert years.null_count() == 0, name
        assert years[0] == first_year(table, name), name
    for name in (*TIME_COLUMNS, *DURATION_COLUMNS):
        assert _run(frame, YearOnly(action="year_only"), name).null_count() == frame.height


def test_an_age_kept_as_a_duration_is_top_coded_in_years() -> None:
    frame = pl.DataFrame({"age": [dt.timedelta(days=365.2425 * 45 + 3),
                                  dt.timedelta(days=365.2425 * 95), None]})
    assert _run(frame, TopCode(action="top_code"), "age").to_list() == ["45", "90+", None]


@pytest.mark.parametrize("name", [
    "sex", "birth_d32", "admit_ms_ny", "result_ns_utc", "clock_ns", "stay_s", "stay_ns",
    "address.city", "codes", "tags", "pair", "attrs", "glucose",
])
def test_risk_codes_every_type_by_value(all_types: Path, name: str) -> None:
    """Equal values get one code and different values different codes, whatever the dtype."""
    series = open_dataset(all_types).frame.collect().get_column(name)
    codes, cardinality = column_codes(series)
    assert len(codes) == series.len()
    assert len(set(codes.tolist())) == series.n_unique() <= cardinality
    pairs = pl.DataFrame({"code": np.asarray(codes), "value": series})
    assert pairs.unique().height == series.n_unique()
