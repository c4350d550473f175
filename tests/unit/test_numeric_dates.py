"""Dates in any form: epoch seconds and milliseconds, spreadsheet serials, yyyymmdd
(as numbers or digit strings), typed dates of every unit and zone; and the numbers
that are not dates (lab values, counts, codes, ids) staying what they are."""

from __future__ import annotations

import datetime as dt
import random
import typing
from collections.abc import Callable

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ApplyAction
from veil.actions.date_encodings import NUMERIC_ENCODINGS
from veil.categories import Kind
from veil.policy.models import YearOnly
from veil.policy.profiles import safe_harbor_proposal
from veil.scan import scan_frame
from veil.scan.dates import DATE_KINDS, revise_numeric_dates
from veil.scan.model import ColumnFinding, DateEncoding

UTC = dt.UTC
EXCEL_DAY0 = dt.date(1899, 12, 30)


def _year_only(encoding: str, **options: typing.Any) -> YearOnly:
    return YearOnly.model_validate({"action": "year_only", "encoding": encoding,
                                    "top_code_years": False, **options})


# --- decoding: year_only with each encoding ------------------------------------------

DECODE_CASES: list[tuple[str, object, int | None]] = [
    # epoch seconds (UTC)
    ("epoch_s", 1_673_740_800, 2023),
    ("epoch_s", "1673740800", 2023),
    ("epoch_s", " 1673740800 ", 2023),
    ("epoch_s", 1_673_740_800.75, 2023),
    ("epoch_s", 0, 1970),
    ("epoch_s", -1, 1969),
    ("epoch_s", 1_704_067_199, 2023),  # 2023-12-31T23:59:59Z
    ("epoch_s", 1_704_067_200, 2024),
    ("epoch_s", 253_402_300_800, None),  # after 9999-12-31
    ("epoch_s", "1.67e9", None),  # not a plain number
    ("epoch_s", "soon", None),
    # epoch milliseconds
    ("epoch_ms", 1_673_740_800_123, 2023),
    ("epoch_ms", "1673740800123", 2023),
    ("epoch_ms", 1_704_067_199_999, 2023),
    ("epoch_ms", 1_704_067_200_000, 2024),
    # spreadsheet serials, 1900 system with the leap-year bug
    ("excel_serial", 1, 1900),
    ("excel_serial", 59, 1900),  # 1900-02-28
    ("excel_serial", 60, 1900),  # the nonexistent 1900-02-29
    ("excel_serial", 61, 1900),  # 1900-03-01
    ("excel_serial", 25_569, 1970),  # 1970-01-01
    ("excel_serial", 44_927, 2023),  # 2023-01-01
    ("excel_serial", 44_926.99, 2022),  # 2022-12-31 23:59
    ("excel_serial", "45291", 2023),  # 2023-12-31
    ("excel_serial", "45292", 2024),
    ("excel_serial", 0, None),
    ("excel_serial", -5, None),
    ("excel_serial", 2_958_466, None),  # after 9999-12-31
    # yyyymmdd
    ("yyyymmdd", 19_580_314, 1958),
    ("yyyymmdd", "19580314", 1958),
    ("yyyymmdd", 19_580_314.0, 1958),  # pandas ints with NaN become floats
    ("yyyymmdd", 20_240_229, 2024),
    ("yyyymmdd", 20_230_229, None),  # no Feb 29 in 2023
    ("yyyymmdd", 19_581_301, None),  # month 13
    ("yyyymmdd", 1_958_031, None),  # 7 digits
    ("yyyymmdd", 19_580_314.5, None),
    ("yyyymmdd", "1958-03-14", None),
]


@pytest.mark.parametrize(("encoding", "value", "expected"), DECODE_CASES)
def test_year_only_decodes_each_encoding(apply_action: ApplyAction, encoding: str,
                                         value: object, expected: int | None) -> None:
    dtype = pl.String if isinstance(value, str) else (
        pl.Float64 if isinstance(value, float) else pl.Int64)
    assert apply_action(_year_only(encoding), [value, None], dtype) == [expected, None]


def test_every_numeric_dtype_and_categorical_text_decode(apply_action: ApplyAction) -> None:
    for dtype in (pl.Int64, pl.UInt32, pl.Int32, pl.Float32, pl.Float64, pl.Decimal(12, 2)):
        assert apply_action(_year_only("excel_serial"), [44_927, None], dtype) == [2023, None]
    for dtype in (pl.Categorical, pl.Enum(["1673740800", "x"])):
        assert apply_action(_year_only("epoch_s"), ["1673740800", "x"], dtype) == [2023, None]


def test_old_years_are_aggregated_under_every_encoding(apply_action: ApplyAction) -> None:
    born_1930 = {"epoch_s": -1_262_304_000, "epoch_ms": -1_262_304_000_000,
                 "excel_serial": 10_959, "yyyymmdd": 19_300_101}
    for encoding, value in born_1930.items():
        rule = YearOnly.model_validate({"action": "year_only", "encoding": encoding})
        assert apply_action(rule, [value], pl.Int64) == [1936]  # reference 2026-01-01
        null_rule = rule.model_copy(update={"over_89": "null"})
        assert apply_action(null_rule, [value], pl.Int64) == [None]


def test_text_encoding_parses_any_dtype_as_date_text(apply_action: ApplyAction) -> None:
    assert apply_action(_year_only("text"), [19_580_314, 1958, 7], pl.Int64) == [1958, 1958, None]
    assert apply_action(_year_only("text"), ["14-Mar-1958", "x"], pl.String) == [1958, None]


def test_auto_keeps_the_behaviour_for_integers_and_text(apply_action: ApplyAction) -> None:
    assert apply_action(_year_only("auto"), [1958, 19_580_314, 1_673_740_800, 12]) == \
        [1958, 1958, None, None]
    assert apply_action(_year_only("auto"), [1958.0, 1958.5], pl.Float64) == [1958, None]


TIME_ZONES = [None, "UTC", "America/New_York", "Asia/Tokyo", "Pacific/Kiritimati"]


@pytest.mark.parametrize("unit", ["ns", "us", "ms"])
@pytest.mark.parametrize("zone", TIME_ZONES)
@pytest.mark.parametrize("encoding", ["auto", "text", *NUMERIC_ENCODINGS])
def test_typed_datetimes_of_every_unit_and_zone_give_their_local_year(
    apply_action: ApplyAction, unit: str, zone: str | None, encoding: str
) -> None:
    instant = dt.datetime(2020, 12, 31, 20, 30, tzinfo=UTC)  # 2021 east of UTC+3:30
    values = pl.Series([instant, None]).dt.cast_time_unit(unit)  # type: ignore[arg-type]
    if zone is None:
        values = values.dt.replace_time_zone(None)
        expected = 2020
    else:
        values = values.dt.convert_time_zone(zone)
        expected = 2021 if zone in ("Asia/Tokyo", "Pacific/Kiritimati") else 2020
    assert apply_action(_year_only(encoding), values.to_list(), values.dtype) == [expected, None]


def test_typed_dates_give_their_year_whatever_the_encoding(apply_action: ApplyAction) -> None:
    for encoding in ("auto", "text", *NUMERIC_ENCODINGS):
        assert apply_action(_year_only(encoding), [dt.date(1958, 3, 14), None]) == [1958, None]


@pytest.mark.parametrize("values", [
    [dt.time(1, 2, 3), None, dt.time(4, 5)],
    [dt.timedelta(days=3), None, dt.timedelta(hours=5)],
    [True, None, False],
    [[1, 2], None, [3]],
    [{"a": 1}, None, {"a": 2}],
    [b"\x00\x01", None, b"x"],
])
@pytest.mark.parametrize("encoding", ["auto", "text", *NUMERIC_ENCODINGS])
def test_columns_that_hold_no_date_come_out_empty(apply_action: ApplyAction,
                                                  values: list[object], encoding: str) -> None:
    """Time, Duration (a length of stay), booleans, nested and binary: all null, same rows."""
    assert apply_action(_year_only(encoding), values) == [None, None, None]


_ANY_VALUE = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.integers(min_value=0, max_value=10**14).map(str),
)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # the fixture is stateless
@given(values=st.lists(_ANY_VALUE, min_size=1, max_size=20),
       encoding=st.sampled_from(["auto", "text", *NUMERIC_ENCODINGS]),
       top_code=st.booleans())
def test_year_only_gives_a_year_or_null_for_any_input(
    apply_action: ApplyAction, values: list[object], encoding: str, top_code: bool
) -> None:
    """Whatever the values and dtype, the output is a year (1-9999, or at least the
    over-89 boundary when aggregated) or null, one per row."""
    rule = YearOnly.model_validate({"action": "year_only", "encoding": encoding,
                                    "top_code_years": top_code})
    kinds = {type(v) for v in values if v is not None}
    if kinds <= {int}:
        dtype: pl.DataType = pl.Int64() if all(
            v is None or -(2**63) <= v < 2**63 for v in values) else pl.String()  # type: ignore[operator]
    elif kinds <= {float, int}:
        dtype = pl.Float64()
    else:
        dtype = pl.String()
        values = [None if v is None else str(v) for v in values]
    out = apply_action(rule, values, dtype)
    assert len(out) == len(values)
    low = 1936 if top_code else 1
    assert all(y is None or (isinstance(y, int) and low <= y <= 9999) for y in out)


# --- the policy interface -------------------------------------------------------------

def test_the_encoding_names_agree_everywhere() -> None:
    field = YearOnly.model_fields["encoding"]
    assert set(typing.get_args(field.annotation)) == {"auto", "text", *NUMERIC_ENCODINGS}
    assert set(typing.get_args(DateEncoding)) == set(NUMERIC_ENCODINGS)
    assert field.default == "auto"


def test_the_safe_harbor_proposal_carries_the_encoding() -> None:
    # a timestamp header chooses Unix time among the epochs of seconds (SAS: 1960)
    frame = pl.DataFrame({"c_ts": _epoch_s(_moments())})
    finding = _scan(frame)["c_ts"]
    assert finding.date_encoding == "epoch_s"
    rule = safe_harbor_proposal(finding).rule
    assert isinstance(rule, YearOnly)
    assert rule.encoding == "epoch_s"
    plain = ColumnFinding("d", "Date", Kind.DATE, finding.role, finding.category, 1.0)
    rule = safe_harbor_proposal(plain).rule
    assert isinstance(rule, YearOnly)
    assert rule.encoding == "auto"
    assert finding.to_dict()["date_encoding"] == "epoch_s"


# --- recognition ----------------------------------------------------------------------

def _moments(n: int = 200, seed: int = 5, start: int = 2016, years: int = 8) -> list[dt.datetime]:
    rnd = random.Random(seed)
    first = dt.datetime(start, 1, 1, tzinfo=UTC)
    return [first + dt.timedelta(seconds=rnd.randrange(years * 365 * 86_400)) for _ in range(n)]


def _epoch_s(moments: list[dt.datetime]) -> list[int]:
    return [int(m.timestamp()) for m in moments]


def _epoch_ms(moments: list[dt.datetime]) -> list[int]:
    return [int(m.timestamp() * 1000) + m.microsecond // 1000 for m in moments]


def _excel(moments: list[dt.datetime]) -> list[int]:
    return [(m.date() - EXCEL_DAY0).days for m in moments]


def _excel_fraction(moments: list[dt.datetime]) -> list[float]:
    return [(m.date() - EXCEL_DAY0).days + m.hour / 24 for m in moments]


def _yyyymmdd(moments: list[dt.datetime]) -> list[int]:
    return [int(m.strftime("%Y%m%d")) for m in moments]


def _text(encode: Callable[[list[dt.datetime]], list[typing.Any]]) -> Callable[
        [list[dt.datetime]], list[str]]:
    return lambda moments: [str(v) for v in encode(moments)]


def _scan(frame: pl.DataFrame) -> dict[str, ColumnFinding]:
    """Findings of `scan_frame`, which runs the table pass over numeric dates."""
    return {f.column: f for f in scan_frame(frame).columns}


def _reads(found: ColumnFinding, encoding: str) -> bool:
    """The finding reads the numbers in `encoding`, or (fail closed) knows they may be in
    it but cannot tell it from another epoch of the same unit (SAS, Stata: 1960)."""
    return found.date_encoding == encoding or encoding in found.ambiguous_encodings


# dates recognized from content alone, under a meaningless header
CONTENT_CASES: list[tuple[str, Callable[[list[dt.datetime]], list[typing.Any]], str]] = [
    ("epoch seconds", _epoch_s, "epoch_s"),
    ("epoch seconds as text", _text(_epoch_s), "epoch_s"),
    ("epoch seconds with a fraction", lambda ms: [m.timestamp() + 0.5 for m in ms], "epoch_s"),
    ("epoch milliseconds", _epoch_ms, "epoch_ms"),
    ("epoch milliseconds as text", _text(_epoch_ms), "epoch_ms"),
    ("yyyymmdd", _yyyymmdd, "yyyymmdd"),
    ("yyyymmdd as text", _text(_yyyymmdd), "yyyymmdd"),
    ("yyyymmdd as floats", lambda ms: [float(v) for v in _yyyymmdd(ms)], "yyyymmdd"),
]


@pytest.mark.parametrize(("label", "encode", "encoding"), CONTENT_CASES)
def test_numeric_dates_are_dates_from_content(
    label: str, encode: Callable[[list[dt.datetime]], list[typing.Any]], encoding: str
) -> None:
    frame = pl.DataFrame({"c7": encode(_moments())})
    found = _scan(frame)["c7"]
    assert found.kind is Kind.DATE, label
    assert _reads(found, encoding)
    assert not any(str(v) in " ".join(e.detail for e in found.evidence)
                   for v in frame["c7"].head(5))


# dates that need context: a date-like header, or another date column in the table
CONTEXT_CASES: list[tuple[str, Callable[[list[dt.datetime]], list[typing.Any]], str]] = [
    ("spreadsheet serials", _excel, "excel_serial"),
    ("spreadsheet serials as text", _text(_excel), "excel_serial"),
    ("spreadsheet serials with a time", _excel_fraction, "excel_serial"),
    ("epoch seconds before 2001", lambda ms: [v - 500_000_000 for v in _epoch_s(ms)],
     "epoch_s"),
    ("epoch milliseconds before 2001",
     lambda ms: [v - 500_000_000_000 for v in _epoch_ms(ms)], "epoch_ms"),
]


@pytest.mark.parametrize(("label", "encode", "encoding"), CONTEXT_CASES)
@pytest.mark.parametrize("header", ["admit_dt", "DischargeDate", "dob", "created_at",
                                    "svc_ts", "epoch", "serial_day"])
def test_numeric_dates_with_a_date_header_are_dates(
    label: str, encode: Callable[[list[dt.datetime]], list[typing.Any]], encoding: str,
    header: str
) -> None:
    found = _scan(pl.DataFrame({header: encode(_moments())}))[header]
    assert found.kind in DATE_KINDS, label
    assert _reads(found, encoding)


@pytest.mark.parametrize(("label", "encode", "encoding"), CONTEXT_CASES)
def test_numeric_dates_beside_other_dates_are_dates(
    label: str, encode: Callable[[list[dt.datetime]], list[typing.Any]], encoding: str
) -> None:
    """Meaningless headers: the context is the table's other date column (dates after
    these, in every row, like a discharge after a birth)."""
    moments = _moments(start=1990, years=10)
    later = [m + dt.timedelta(days=9_000) for m in moments]
    frame = pl.DataFrame({"c1": [m.strftime("%m/%d/%Y") for m in later],
                          "c2": encode(moments)})
    found = _scan(frame)
    assert found["c1"].kind is Kind.DATE
    assert found["c2"].kind is Kind.DATE, label
    assert _reads(found["c2"], encoding)
    assert "other column(s) of the table hold dates" in " ".join(
        e.detail for e in found["c2"].evidence)


@pytest.mark.parametrize(("label", "encode", "encoding"), CONTEXT_CASES[:3])
def test_serials_without_context_are_not_dates(
    label: str, encode: Callable[[list[dt.datetime]], list[typing.Any]], encoding: str
) -> None:
    assert _scan(pl.DataFrame({"c7": encode(_moments())}))["c7"].kind not in DATE_KINDS, label


def test_serials_with_a_date_header_are_dates_not_zip_codes() -> None:
    """5-digit serials pass the ZIP test too; date context must win."""
    serials = _excel(_moments())
    for header in ("admit_serial", "visit_dt", "discharge"):
        found = _scan(pl.DataFrame({header: serials}))[header]
        assert found.kind is Kind.DATE
        assert found.date_encoding == "excel_serial"
    assert _scan(pl.DataFrame({"c7": serials}))["c7"].kind not in DATE_KINDS  # no context
    admitted = [m - dt.timedelta(days=3) for m in _moments()]
    beside = pl.DataFrame({"c1": [m.date() for m in admitted], "c7": serials})
    assert _scan(beside)["c7"].kind is Kind.DATE
    same_span = pl.DataFrame({"c1": [m.date() for m in _moments(seed=8)], "c7": serials})
    assert _scan(same_span)["c7"].kind is Kind.DATE  # other dates of the same years
    few = pl.DataFrame({"c1": [m.date() for m in _moments(seed=8)],
                        "c7": [serials[i % 5] for i in range(len(serials))]})
    assert _scan(few)["c7"].kind not in DATE_KINDS  # five values repeated: a code


def test_a_numeric_birth_date_header_gives_a_birth_date() -> None:
    moments = _moments(start=1975, years=25)
    frame = pl.DataFrame({"c1": [m.date() for m in _moments()], "DOB": _excel(moments)})
    found = _scan(frame)["DOB"]
    assert found.kind is Kind.BIRTH_DATE
    assert found.date_encoding == "excel_serial"


def _numbers(seed: int) -> dict[str, list[typing.Any]]:
    """Numbers that are not dates, as tables hold them."""
    rnd = random.Random(seed)
    n = 200
    cpt = [99213, 99214, 36415, 80053, 85025, 71046, 93000, 45378, 10060, 20610, 47562]
    return {
        "lab value": [round(rnd.gauss(140, 4), 1) for _ in range(n)],
        "glucose": [rnd.randrange(60, 400) for _ in range(n)],
        "count": [rnd.randrange(0, 60) for _ in range(n)],
        "length of stay": [rnd.randrange(0, 30) for _ in range(n)],
        "5-digit procedure codes": [rnd.choice(cpt) for _ in range(n)],
        "5-digit codes as text": [str(rnd.choice(cpt)) for _ in range(n)],
        "5-digit codes over the whole range": [rnd.randrange(10_000, 100_000) for _ in range(n)],
        "sequential ids": list(range(1_000_000_000, 1_000_000_000 + n)),
        "sequential ms ids": list(range(1_600_000_000_000, 1_600_000_000_000 + 7 * n, 7)),
        "9-digit random ids": [rnd.randrange(10**8, 10**9) for _ in range(n)],
        "12-digit random ids": [rnd.randrange(10**11, 10**12) for _ in range(n)],
        "10-digit random ids": [rnd.randrange(10**9, 10**10) for _ in range(n)],
        "8-digit codes": [str(rnd.randrange(10**7, 10**8)) for _ in range(n)],
        "NPIs": [_npi(rnd) for _ in range(n)],
        "years": [rnd.randrange(1930, 2024) for _ in range(n)],
        "ages in days": [rnd.randrange(0, 40_000) for _ in range(n)],
        "white cells per microlitre": [rnd.randrange(4_000, 11_000) for _ in range(n)],
        "digestive procedure codes": [rnd.choice([43235, 43239, 45378, 45380, 45385, 44950])
                                      for _ in range(n)],
    }


def _npi(rnd: random.Random) -> int:
    from stdnum import luhn

    body = f"1{rnd.randrange(10**8):08d}"
    return int(body + luhn.calc_check_digit(f"80840{body}"))


@pytest.mark.parametrize("label", list(_numbers(0)))
@pytest.mark.parametrize("header", ["c7", "value", "result"])
def test_numbers_that_are_not_dates_stay_numbers(label: str, header: str) -> None:
    values = _numbers(13)[label]
    found = _scan(pl.DataFrame({header: values}))[header]
    assert found.kind not in DATE_KINDS, label
    assert found.date_encoding is None


@pytest.mark.parametrize("label", ["lab value", "glucose", "count", "length of stay",
                                   "5-digit procedure codes", "5-digit codes as text",
                                   "5-digit codes over the whole range", "sequential ids",
                                   "10-digit random ids", "12-digit random ids", "NPIs",
                                   "years", "8-digit codes", "white cells per microlitre",
                                   "digestive procedure codes"])
def test_numbers_that_are_not_dates_stay_numbers_beside_dates(label: str) -> None:
    """Other date columns are context, not proof: codes unrelated to the row's dates stay."""
    frame = pl.DataFrame({"c1": [m.date() for m in _moments(seed=21)],
                          "c7": _numbers(17)[label]})
    found = _scan(frame)
    assert found["c1"].kind is Kind.DATE
    assert found["c7"].kind not in DATE_KINDS, label


@pytest.mark.parametrize("label", ["lab value", "glucose", "count", "length of stay", "years"])
@pytest.mark.parametrize("header", ["time_to_event_days", "admit_count", "los_days",
                                    "visit_year", "dt_minutes"])
def test_date_words_in_a_header_do_not_make_counts_dates(label: str, header: str) -> None:
    found = _scan(pl.DataFrame({header: _numbers(19)[label]}))[header]
    assert found.date_encoding is None, label


def test_a_few_bad_values_are_tolerated_only_with_context() -> None:
    values: list[int | None] = [*_epoch_s(_moments(start=2003, years=20)), None]
    values[:3] = [7, 8, 9]  # 1.5 % junk
    assert _scan(pl.DataFrame({"c7": values}))["c7"].kind not in DATE_KINDS
    found = _scan(pl.DataFrame({"event_ts": values}))["event_ts"]
    assert found.kind is Kind.DATE
    assert found.date_encoding == "epoch_s"


def test_scan_frame_runs_the_table_pass_over_numeric_dates() -> None:
    admitted = [m - dt.timedelta(days=2) for m in _moments()]
    frame = pl.DataFrame({"c1": [m.date() for m in admitted], "c2": _excel(_moments()),
                          "c3": _epoch_s(_moments())})
    found = scan_frame(frame)
    assert found.finding("c2").kind is Kind.DATE
    assert found.finding("c2").date_encoding == "excel_serial"
    assert found.finding("c3").date_encoding == "epoch_s"


def test_the_table_pass_is_idempotent() -> None:
    admitted = [m - dt.timedelta(days=2) for m in _moments()]
    frame = pl.DataFrame({"c1": [m.date() for m in admitted], "c2": _excel(_moments()),
                          "c3": _numbers(3)["glucose"]})
    findings = scan_frame(frame).columns
    assert revise_numeric_dates(frame, findings) == findings
