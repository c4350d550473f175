"""`assert_no_planted_identifiers` and the hypothesis strategies of `veil.testing`:
a de-identified table holds none of the identifiers the strategies planted, and the
check finds them (in any case, or by their digits) where they remain."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veil.actions.registry import BUILTIN_ACTIONS
from veil.errors import UsageError
from veil.testing import ConformanceError, assert_no_planted_identifiers
from veil.testing import strategies as vst
from veil.testing.actions import default_rule
from veil.testing.engines import GoldenKeyStore


def test_found_by_text_case_and_digits_without_quoting(tmp_path: Path) -> None:
    frame = pl.DataFrame({"note": ["seen: JANE DOE today", None, "ok"],
                          "ssn": ["123456789", "n/a", None], "n": [1, 2, 3]})
    planted = {"name": ["Jane Doe"], "ssn": ["123-45-6789"], "short": ["NY"]}
    with pytest.raises(ConformanceError) as failure:
        assert_no_planted_identifiers(frame, planted)
    text = str(failure.value)
    assert "column 'note': planted value #1 (name) in 1 cell(s)" in text
    assert "column 'ssn': planted value #2 (ssn) in 1 cell(s)" in text
    assert "Jane" not in text and "6789" not in text
    path = tmp_path / "out.parquet"
    frame.write_parquet(path)
    with pytest.raises(ConformanceError):
        assert_no_planted_identifiers(path, planted)
    with pytest.raises(ConformanceError, match="column 'note'"):
        assert_no_planted_identifiers(frame, planted, digit_forms=False)
    assert_no_planted_identifiers(frame.drop("note", "ssn"), planted)


def test_nothing_to_look_for_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        assert_no_planted_identifiers(pl.DataFrame({"a": ["x"]}), ["NY", "F"])


def _transform(table: pl.DataFrame) -> pl.DataFrame:
    """Safe Harbor handling of a strategies table with the built-in actions."""
    from veil.actions.context import ActionContext
    from veil.testing.actions import KEY, REFERENCE_DATE

    rules = {"mrn": "hmac", "name": "redact", "ssn": "redact", "birth_date": "year_only",
             "age": "top_code", "zip": "zip3", "state": "keep", "sex": "keep",
             "diagnosis": "keep"}
    return table.select(
        BUILTIN_ACTIONS[action](default_rule(action), ActionContext(
            column=column, dtype=table.schema[column], reference_date=REFERENCE_DATE,
            secret=KEY, schema=dict(table.schema))).alias(column)
        for column, action in rules.items())


@settings(max_examples=25, deadline=None)
@given(vst.health_tables(min_rows=1, max_rows=25))
def test_no_planted_identifier_survives_the_actions(table: pl.DataFrame) -> None:
    assert table.get_column("mrn").n_unique() == table.height
    planted = {c: table.get_column(c).to_list() for c in ("mrn", "name", "ssn")}
    assert_no_planted_identifiers(_transform(table), planted)
    with pytest.raises(ConformanceError):
        assert_no_planted_identifiers(table, planted)


@settings(max_examples=40, deadline=None)
@given(vst.encoded_dates(encodings=("iso", "us", "european", "month_name", "abbreviated",
                                    "yyyymmdd", "epoch_s", "epoch_ms", "excel_serial")))
def test_year_only_reads_every_encoding(case: tuple[dt.date, str, str | int]) -> None:
    from veil.policy.models import YearOnly
    from veil.testing.actions import REFERENCE_DATE

    day, encoding, value = case
    named = {"epoch_s": "epoch_s", "epoch_ms": "epoch_ms", "excel_serial": "excel_serial",
             "yyyymmdd": "yyyymmdd"}.get(encoding, "auto")
    formats = ("%d.%m.%Y", "%B %d, %Y", "%d-%b-%Y") if named == "auto" else ()
    rule = YearOnly(action="year_only", encoding=named, formats=formats,  # type: ignore[arg-type]
                    top_code_years=False)
    from veil.actions.context import ActionContext

    frame = pl.DataFrame({"d": [value]})
    ctx = ActionContext(column="d", dtype=frame.schema["d"], reference_date=REFERENCE_DATE,
                        schema=dict(frame.schema))
    year = frame.select(BUILTIN_ACTIONS["year_only"](rule, ctx).alias("y")).item()
    assert year is not None and int(year) == day.year


@given(vst.longitudinal_tables(max_patients=4, max_visits=4))
@settings(max_examples=15, deadline=None)
def test_longitudinal_visits_increase_per_patient(table: pl.DataFrame) -> None:
    ordered = table.group_by("mrn", maintain_order=True).agg(
        (pl.col("visit_date").diff().dt.total_days() > 0).all().alias("increasing"))
    assert ordered.get_column("increasing").fill_null(True).all()


@given(vst.ages())
def test_ages_cover_the_over_89_boundary(age: int) -> None:
    assert 0 <= age <= 115


def test_ages_include_over_89() -> None:
    seen = set()

    @settings(max_examples=60, deadline=None)
    @given(vst.ages())
    def collect(age: int) -> None:
        seen.add(age >= 90)

    collect()
    assert seen == {True, False}


@given(vst.clinical_codes())
def test_clinical_codes_are_well_formed(code: tuple[str, str]) -> None:
    system, value = code
    pattern = {"icd10cm": r"^[A-Z]\d\d(\.\d{1,4})?$", "cpt": r"^\d{5}$",
               "loinc": r"^\d{4,5}-\d$", "ndc": r"^\d{4}-\d{4}-\d{2}$"}[system]
    assert pl.Series([value]).str.contains(pattern).item()


@given(st.data())
def test_golden_key_store_codes_do_not_depend_on_order(data: st.DataObject) -> None:
    values = data.draw(st.lists(vst.mrns(), min_size=1, max_size=20, unique=True))
    store = GoldenKeyStore()
    forward = store.assign("s", pl.Series(values), length=8, prefix="P")
    backward = store.assign("s", pl.Series(values[::-1]), length=8, prefix="P")
    assert forward.equals(backward)


def test_strategies_say_how_to_install_hypothesis() -> None:
    code = ("import sys; sys.modules['hypothesis'] = None\n"
            "try:\n    import veil.testing.strategies\n"
            "except ImportError as e:\n    print(e)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert "pip install 'veil[test]'" in out
