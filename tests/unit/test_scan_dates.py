"""Date columns: every common text format, native dtypes, and what is not a date."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

import polars as pl
import pytest

from veil.categories import Kind
from veil.scan import scan_frame


def _days(n: int = 80, seed: int = 3) -> list[dt.datetime]:
    rnd = random.Random(seed)
    start = dt.datetime(1925, 1, 1)
    return [start + dt.timedelta(days=rnd.randrange(36_000), minutes=rnd.randrange(1440))
            for _ in range(n)]


def _kind(values: Sequence[object], header: str = "x3") -> Kind:
    return scan_frame(pl.DataFrame({header: list(values)})).finding(header).kind


@pytest.mark.parametrize(
    "fmt",
    ["%m/%d/%Y", "%d-%b-%Y", "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S",
     "%Y-%m-%dT%H:%M:%S.%fZ", "%m/%d/%y", "%d.%m.%Y", "%b %d, %Y", "%B %d, %Y", "%d %b %Y",
     "%Y/%m/%d", "%m/%d/%Y %I:%M %p", "%d-%b-%Y %H:%M", "%Y-%m-%dT%H:%M"],
)
def test_text_dates_in_common_formats_are_dates(fmt: str) -> None:
    assert _kind([d.strftime(fmt) for d in _days()]) is Kind.DATE


def test_upper_case_month_abbreviations_are_dates() -> None:
    assert _kind([d.strftime("%d-%b-%Y").upper() for d in _days()]) is Kind.DATE


def test_examples_from_the_brief() -> None:
    assert _kind(["03/14/1958"] * 3 + ["11/02/1961"]) is Kind.DATE
    assert _kind(["14-Mar-1958", "02-Nov-1961"]) is Kind.DATE
    assert _kind(["1958-03-14", "1961-11-02"]) is Kind.DATE
    assert _kind(["2021-04-03T10:15:00", "2022-01-01T00:00:00"]) is Kind.DATE


def test_compact_dates_are_dates_but_plain_numbers_are_not() -> None:
    days = _days()
    assert _kind([d.strftime("%Y%m%d") for d in days]) is Kind.DATE
    assert _kind([int(d.strftime("%Y%m%d")) for d in days]) is Kind.DATE
    rnd = random.Random(9)
    codes = [str(rnd.randrange(10**7, 10**8)) for _ in range(80)]
    assert _kind(codes) is not Kind.DATE
    counts = [rnd.randrange(0, 500) for _ in range(80)]
    assert _kind(counts) is not Kind.DATE


def test_compact_dates_count_less_than_separated_ones() -> None:
    days = _days()
    compact = scan_frame(pl.DataFrame({"x": [d.strftime("%Y%m%d") for d in days]}))
    iso = scan_frame(pl.DataFrame({"x": [d.strftime("%Y-%m-%d") for d in days]}))
    assert compact.finding("x").confidence < iso.finding("x").confidence


def test_implausible_years_do_not_count() -> None:
    assert _kind(["01/01/0001", "12/31/9999", "06/15/0100"] * 20) is not Kind.DATE


@pytest.mark.parametrize(
    ("header", "kind"),
    [("dob", Kind.BIRTH_DATE), ("DateOfBirth", Kind.BIRTH_DATE), ("birth_dt", Kind.BIRTH_DATE),
     ("date_of_death", Kind.DEATH_DATE), ("deceased_date", Kind.DEATH_DATE),
     ("admit_date", Kind.DATE), ("x3", Kind.DATE), ("col_12", Kind.DATE)],
)
def test_birth_and_death_need_their_header(header: str, kind: Kind) -> None:
    values = [d.strftime("%m/%d/%Y") for d in _days()]
    assert _kind(values, header) is kind


def test_native_temporal_dtypes_are_dates() -> None:
    days = _days()
    assert _kind([d.date() for d in days]) is Kind.DATE
    assert _kind(days) is Kind.DATE
    assert _kind(pl.Series(days).dt.replace_time_zone("UTC").to_list()) is Kind.DATE


def test_mixed_formats_still_count_as_dates() -> None:
    days = _days()
    values = [d.strftime("%m/%d/%Y" if i % 2 else "%Y-%m-%d") for i, d in enumerate(days)]
    assert _kind(values) is Kind.DATE


def test_a_few_unparseable_values_are_tolerated() -> None:
    values = [d.strftime("%Y-%m-%d") for d in _days(90)] + ["unknown"] * 10
    assert _kind(values) is Kind.DATE


def test_discharge_disposition_is_not_a_date() -> None:
    values = ["Home", "SNF", "Expired", "Rehab"] * 20
    assert _kind(values, "discharge_disposition") is not Kind.DATE
