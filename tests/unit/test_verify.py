"""The verification pass: detectors, column-level checks, action shapes, headers, no leaks."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veil.categories import Category
from veil.detect.header import header_findings
from veil.verify import ColumnExpectation, Expect, verify_frame

POSITIVES = [
    ("ssn", "123-45-6789", Category.SSN),
    ("ssn_spaces", "SSN 123 45 6789 on file", Category.SSN),
    ("email", "jane.doe@example.org", Category.EMAIL),
    ("url", "see https://portal.example.org/p/1", Category.URL),
    ("www", "www.myclinic.com", Category.URL),
    ("ipv4", "10.20.30.40", Category.IP),
    ("ipv6", "2001:db8::ff00:42:8329", Category.IP),
    ("mac", "00:1A:2B:3C:4D:5E", Category.DEVICE),
    ("phone", "(617) 555-0123", Category.TELEPHONE),
    ("phone_dots", "617.555.0123", Category.TELEPHONE),
    ("intl_phone", "+44 20 7946 0958", Category.TELEPHONE),
    ("iso_date", "2023-04-17", Category.DATES),
    ("iso_datetime", "2023-04-17T10:30:00Z", Category.DATES),
    ("us_date", "4/17/2023", Category.DATES),
    ("eu_date", "17.04.2023", Category.DATES),
    ("written_date", "April 17, 2023", Category.DATES),
    ("day_month", "17 Apr 2023", Category.DATES),
    ("dash_month", "17-APR-23", Category.DATES),
    ("month_year", "March 2023", Category.DATES),
    ("year_month", "2023-04", Category.DATES),
    ("age_over_89", "a 93 yo man", Category.DATES),
    ("street", "12 Oak Street", Category.GEOGRAPHY),
    ("street_upper", "4417 N MAPLE AVE", Category.GEOGRAPHY),
    ("po_box", "P.O. Box 1234", Category.GEOGRAPHY),
    ("zip_state", "Dayton, OH 45402", Category.GEOGRAPHY),
    ("zip4", "45402-1234", Category.GEOGRAPHY),
    ("coordinates", "41.8781, -87.6298", Category.GEOGRAPHY),
    ("county", "Cook County", Category.GEOGRAPHY),
    ("facility_city", "Springfield General Hospital", Category.GEOGRAPHY),
    ("vin", "1HGCM82633A004352", Category.VEHICLE),
    ("udi", "(01)00884838048226(17)250101", Category.DEVICE),
    ("serial", "S/N: AB12345X", Category.DEVICE),
    ("card", "4111 1111 1111 1111", Category.ACCOUNT),
    ("mrn_label", "MRN: 00123456", Category.MRN),
    ("member_label", "Member ID: XJ44812", Category.HEALTH_PLAN),
    ("npi_label", "NPI: 1234567893", Category.LICENSE),
    ("last_first", "Smith, John", Category.NAMES),
    ("last_first_upper", "GARCIA, MARIA L", Category.NAMES),
    ("first_last", "Maria Garcia", Category.NAMES),
    ("titled", "Dr. Thompson", Category.NAMES),
]

NEGATIVES = [
    "132/63", "E11.9", "I10", "250.00", "99213", "G0439", "2345-7", "0002-3227-30",
    "12345-6789-01", "5 mg", "0.5 mL", "<0.5", "7.2 mmol/L", "Heart failure", "Cardiology",
    "Cardiology Clinic", "Walk-in Clinic", "Parkinson's disease", "White", "F", "45", "1987",
    "90+", "000", "021", "Ohio", "TX", "Hispanic or Latino", "positive", "n/a", "12:30",
    "3 tabs daily", "BID", "1HGCM82633A004353",  # a VIN shape with a wrong check digit
]


def _one(value: str) -> set[Category]:
    found = verify_frame(pl.LazyFrame({"v": [value]}))
    return {r.category for r in found.failures}


@pytest.mark.parametrize(("name", "value", "category"), POSITIVES, ids=[p[0] for p in POSITIVES])
def test_value_detectors_find_each_kind(name: str, value: str, category: Category) -> None:
    assert category in _one(value), name


@pytest.mark.parametrize("value", NEGATIVES)
def test_clinical_and_harmless_values_pass(value: str) -> None:
    assert _one(value) == set()


def _column(values: list[object], name: str = "v",
            expect: ColumnExpectation | None = None) -> set[tuple[Category, str]]:
    frame = pl.LazyFrame({name: values})
    found = verify_frame(frame, expectations=None if expect is None else {name: expect})
    return {(r.category, r.detector) for r in found.failures}


def test_numbers_shaped_like_dates_are_found_by_column() -> None:
    epoch_s = [1_673_740_800 + i * 86_400 for i in range(50)]
    assert (Category.DATES, "epoch_seconds") in _column(epoch_s, "x1")
    assert (Category.DATES, "epoch_milliseconds") in _column([v * 1000 for v in epoch_s], "x2")
    assert (Category.DATES, "epoch_seconds") in _column([str(v) for v in epoch_s], "x3")
    ymd = [20230101 + i for i in range(28)]
    assert (Category.DATES, "yyyymmdd_number") in _column(ymd, "x4")
    serial = [45000 + i for i in range(50)]
    assert (Category.DATES, "spreadsheet_serial_date") in _column(serial, "visit_dt")
    # the same numbers under a neutral header are not taken for dates (codes, counts)
    assert _column(serial, "x5") == set()


def test_measurements_and_counts_stay_numbers() -> None:
    assert _column([float(i) / 10 for i in range(500)], "hgb") == set()
    assert _column(list(range(300)), "count") == set()
    assert _column([100_000 + i for i in range(300)], "platelets") == set()


def test_long_numbers_are_other_unique_codes() -> None:
    assert (Category.OTHER_UNIQUE, "long_number") in _column(
        [str(5_550_000_000 + i * 7) for i in range(30)], "ref")


def test_whole_value_names_and_cities_by_column() -> None:
    firsts = ["John", "Maria", "James", "Linda", "Robert", "Susan", "David", "Karen",
              "Thomas", "Nancy", "Daniel", "Betty"] * 5
    assert (Category.NAMES, "name_values") in _column(firsts, "who")
    cities = ["Chicago", "Boston", "Denver", "Seattle", "Houston", "Phoenix"] * 5
    assert (Category.GEOGRAPHY, "city_values") in _column(cities, "where")
    assert _column(["White", "Black", "Asian"] * 20, "race") == set()


def test_ages_over_89_under_an_age_header() -> None:
    assert (Category.DATES, "age_over_89") in _column([45, 93, 12], "age")
    assert (Category.DATES, "age_over_89") in _column(["45", "93 yo", "12"], "patient_age")
    assert _column([45, 93, 12], "score") == set()


def test_typed_dates_always_fail() -> None:
    assert (Category.DATES, "typed_date") in _column([dt.date(2020, 1, 2)], "d")
    stamps = pl.Series([dt.datetime(2020, 1, 2, 3)]).dt.replace_time_zone("Europe/Paris")
    assert (Category.DATES, "typed_date") in _column(stamps.to_list(), "t")


@pytest.mark.parametrize(("expect", "good", "bad"), [
    (ColumnExpectation(Expect.YEAR, Category.DATES, min_year=1936), ["1987", "1936"],
     ["1931", "1987-04"]),
    (ColumnExpectation(Expect.ZIP3, Category.GEOGRAPHY, restricted_zip3=frozenset({"036"})),
     ["021", "000"], ["036", "02115"]),
    (ColumnExpectation(Expect.AGE, Category.DATES, label="90+"), ["45", "90+", "89"],
     ["93", "forty"]),
    (ColumnExpectation(Expect.REDACTED, Category.SSN, label="[REDACTED]"), ["[REDACTED]"],
     ["123"]),
    (ColumnExpectation(Expect.MASKED, Category.TELEPHONE, label="*"), ["***-***-****"],
     ["***-555-****"]),
])
def test_action_shapes(expect: ColumnExpectation, good: list[str], bad: list[str]) -> None:
    assert _column([*good, None], "c", expect) == set()
    found = _column([*good, *bad], "c", expect)
    assert found and all(d.startswith("not_") for _, d in found)


def test_codes_and_surrogates_are_not_read_as_identifiers() -> None:
    codes = ["1HGCM82633A004352"] * 3  # a random code may look like anything
    assert _column(codes, "c", ColumnExpectation(Expect.CODE)) == set()
    fakes = ["Smith, John", "Garcia, Maria"]
    surrogate = ColumnExpectation(Expect.SURROGATE, exempt=frozenset({Category.NAMES}))
    assert _column(fakes, "c", surrogate) == set()
    assert _column(["Smith, John 123-45-6789"], "c", surrogate) == {(Category.SSN, "ssn")}


def test_reviewed_keep_is_reported_but_accepted() -> None:
    frame = pl.LazyFrame({"c": ["123-45-6789", "x"]})
    found = verify_frame(frame, expectations={"c": ColumnExpectation(reviewed=True)})
    assert found.passed
    assert [r.accepted for r in found.residuals] == [True]


@pytest.mark.parametrize("header", [
    "visit_2023-04-17", "Smith_John_labs", "john.smith@example.org", "lab_20230417",
    "123-45-6789", "labs for Maria Garcia",
])
def test_identifying_headers_are_found_and_never_named(header: str) -> None:
    assert header_findings([header, "sex"]).keys() == {0}
    found = verify_frame(pl.LazyFrame({header: ["1"], "sex": ["F"]}))
    assert not found.passed
    text = json.dumps(found.to_dict(rows=True)) + found.summary_line()
    assert header not in text
    assert "column_1" in text


@pytest.mark.parametrize("header", ["birth_date", "zip", "visit_dt", "hba1c_pct", "mrn",
                                    "patient_name", "date_2", "q1_score", "icd10_code"])
def test_ordinary_headers_are_not_flagged(header: str) -> None:
    assert header_findings([header]) == {}


def test_nested_leaves_are_checked() -> None:
    frame = pl.LazyFrame({
        "s": [{"street": "12 Oak Street", "n": 1}, {"street": None, "n": 2}],
        "l": [["ok", "jane@example.org"], []],
    })
    found = verify_frame(frame)
    assert {(r.column, r.category) for r in found.failures} == {
        ("s", Category.GEOGRAPHY), ("l", Category.EMAIL)}


def test_every_row_is_read_from_a_file(tmp_path: Path) -> None:
    rows = 200_000
    values = pl.Series(["fine"] * rows).scatter([rows - 1], "123-45-6789")
    path = tmp_path / "f.parquet"
    pl.DataFrame({"c": values, "n": range(rows)}).write_parquet(path, row_group_size=10_000)
    found = verify_frame(pl.scan_parquet(path))
    assert [(r.column, r.category, r.values, r.first_rows) for r in found.failures] == [
        ("c", Category.SSN, 1, (rows - 1,))]


def test_reports_never_quote_values() -> None:
    planted = ["123-45-6789", "jane@example.org", "Smith, John", "12 Oak Street"]
    found = verify_frame(pl.LazyFrame({"c": planted * 3}))
    text = json.dumps(found.to_dict(rows=True)) + found.summary_line()
    assert not any(value in text for value in planted)


_SSN = st.tuples(st.integers(1, 665), st.integers(1, 99), st.integers(1, 9999)).map(
    lambda t: f"{t[0]:03d}-{t[1]:02d}-{t[2]:04d}")


@settings(max_examples=40, deadline=None)
@given(
    size=st.integers(1, 400),
    planted=st.lists(st.tuples(st.integers(0, 10_000), _SSN), min_size=1, max_size=20),
)
def test_property_every_planted_ssn_is_counted(size: int,
                                               planted: list[tuple[int, str]]) -> None:
    positions = sorted({p % size for p, _ in planted})
    chosen = [s for _, s in planted][: len(positions)]
    values = pl.Series(["blood pressure 120/80"] * size).scatter(positions, chosen)
    found = verify_frame(pl.LazyFrame({"c": values}))
    ssn = [r for r in found.failures if r.detector == "ssn"]
    assert len(ssn) == 1 and ssn[0].values == len(positions)
    # the owner's report lists where each distinct flagged value first occurs
    first_seen = sorted({v: p for p, v in reversed(list(zip(positions, chosen, strict=True)))}
                        .values())
    assert ssn[0].first_rows == tuple(first_seen[:5])
    assert not any(value in json.dumps(found.to_dict(rows=True)) for _, value in planted)


@pytest.mark.parametrize(("value", "category"), [
    ("617\u2013555\u20130123", Category.TELEPHONE),  # en dashes
    ("\uff11\uff12\uff13-\uff14\uff15-\uff16\uff17\uff18\uff19", Category.SSN),  # full width
    ("jo\u200bhn@example.org", Category.EMAIL),  # zero-width space
    ("617\u2011555\u20110123", Category.TELEPHONE),  # non-breaking hyphens
    ("May-21", Category.DATES), ("June", Category.DATES), ("May 21", Category.DATES),
    ("P92Y3M", Category.DATES),
])
def test_unicode_and_short_date_forms_are_found(value: str, category: Category) -> None:
    assert category in _one(value)


@pytest.mark.parametrize("value", ["12345-1800-10", "P45Y", "Mayo Clinic test", "Heart failure"])
def test_short_date_forms_do_not_swallow_codes(value: str) -> None:
    assert Category.DATES not in _one(value)


@pytest.mark.parametrize(("header", "values"), [
    ("BIRTHDY", [3, 17, 31]), ("BIRTHMO", [1, 5, 12]), ("dx_dy", ["3", "9", "28"]),
    ("onset_doy", [100, 200, 365]), ("month_of_birth", [2, 7, 11]),
])
def test_date_parts_under_event_headers_are_dates(header: str, values: list[object]) -> None:
    assert (Category.DATES, "date_part") in _column(values * 10, header)


@pytest.mark.parametrize("header", ["count", "los_days", "dx_code_mo", "doses"])
def test_small_numbers_elsewhere_are_not_date_parts(header: str) -> None:
    assert _column([3, 5, 12] * 10, header) == set()


def test_age_headers_without_separators() -> None:
    assert (Category.DATES, "age_over_89") in _column([45, 93], "AGEDX")
