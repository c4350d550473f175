"""Ages of infants in days, weeks or months are converted to years before the >89 rule:
ages under it stay exactly as written; only an age of 90 years or more is top-coded.
Headers and values are not the generator's (DOL, age_wks, AgeInMonths; numbers and text)."""

from __future__ import annotations

import datetime as dt
import random

import polars as pl
import pytest

from veil.actions.ages import top_code
from veil.actions.context import ActionContext
from veil.policy.models import TopCode
from veil.policy.profiles import age_unit, safe_harbor_proposal
from veil.scan import scan_frame


@pytest.mark.parametrize(("header", "unit"), [
    ("AGE_DAYS", "days"), ("age_wks", "weeks"), ("AgeInMonths", "months"),
    ("pt_age_mo", "months"), ("age", "years"), ("age_yrs", "years")])
def test_the_unit_comes_from_the_header(header: str, unit: str) -> None:
    assert age_unit(header) == unit


def _apply(rule: TopCode, series: pl.Series) -> list[str | None]:
    ctx = ActionContext(column="a", dtype=series.dtype, reference_date=dt.date(2026, 1, 1))
    return pl.DataFrame({"a": series}).select(top_code(rule, ctx)).to_series().to_list()


def test_days_and_months_under_the_rule_stay_as_written() -> None:
    days = TopCode(action="top_code", unit="days")
    assert _apply(days, pl.Series(["0", "3", "120", "400", "33000", "x"])) == \
        ["0", "3", "120", "400", "90+", None]
    months = TopCode(action="top_code", unit="months")
    assert _apply(months, pl.Series([0, 11, 216, 1100])) == ["0", "11", "216", "90+"]
    assert _apply(months, pl.Series(["11 mo", "95 years"])) == ["0", "90+"]


def test_a_nicu_table_keeps_its_ages() -> None:
    rnd = random.Random(4)
    frame = pl.DataFrame({"age_days": [str(rnd.randint(0, 120)) for _ in range(2_000)],
                          "wt_g": [str(rnd.randint(500, 4500)) for _ in range(2_000)]})
    finding = scan_frame(frame).finding("age_days")
    rule = safe_harbor_proposal(finding).rule
    assert isinstance(rule, TopCode) and rule.unit == "days"
    assert _apply(rule, frame["age_days"]) == frame["age_days"].to_list()


def test_dicom_age_strings_carry_their_unit() -> None:
    rule = TopCode(action="top_code")
    values = pl.Series(["067Y", "011M", "006W", "020D", "095Y", "000D", "024M"])
    assert _apply(rule, values) == ["67", "0", "0", "0", "90+", "0", "2"]
