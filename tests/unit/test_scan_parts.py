"""The scanner's building blocks: headers, column samples, validators, custom rules."""

from __future__ import annotations

import datetime as dt
import string

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veil.categories import Kind, Role, role_of
from veil.scan import (
    DEFAULT_RECOGNIZERS,
    ColumnSample,
    Header,
    Recognizer,
    Rule,
    ValueCheck,
    classify_column,
    scan_frame,
)
from veil.scan.ids import vin_check_digit_ok
from veil.scan.people import is_person_name
from veil.scan.recognizer import pattern_check
from veil.scan.sample import VALIDATE_LIMIT, normalize_header


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [("DateOfBirth", "date_of_birth"), ("date-of-birth", "date_of_birth"),
     ("PatientSSN", "patient_ssn"), ("ZIP+4", "zip_4"), ("x7", "x_7"), ("col_12", "col_12"),
     ("  E-mail Address ", "e_mail_address"), ("HbA1c", "hb_a_1_c"), ("", "")],
)
def test_headers_are_normalized_to_tokens(raw: str, normalized: str) -> None:
    assert normalize_header(raw) == normalized


@pytest.mark.parametrize(
    ("header", "score"),
    [("ssn", 1.0), ("patient_ssn", 1.0), ("PatientSSN", 1.0), ("social_security_number", 1.0),
     ("SocialSecurityNo", 1.0), ("ssns", 1.0), ("assn", 0.0), ("lesson", 0.0),
     ("ssn_id", 0.6), ("x7", 0.0), ("ssn_plate", 0.0)],
)
def test_header_synonyms_match_whole_tokens(header: str, score: float) -> None:
    rule = Header(strong=("ssn", "social security", "social security no"), weak=("id",),
                  exclude=("plate",))
    got = rule.score(normalize_header(header))
    if header == "ssn_id":
        assert got == 1.0  # a strong synonym beats a weak one
    else:
        assert got == score


def test_whole_headers_match_synonyms_whatever_their_casing() -> None:
    assert Header(strong=("hba1c",)).score(normalize_header("HbA1c")) == 1.0
    assert Header(strong=("hba1c",)).score(normalize_header("hba1c_result")) == 1.0


def test_column_sample_counts_and_shares() -> None:
    column = ColumnSample("c", pl.Series(["a1", "a1", "b2", None, "zz"]))
    assert (column.rows, column.nonnull, column.distinct) == (5, 4, 3)
    assert column.null_share == pytest.approx(0.2)
    assert column.distinct_ratio == pytest.approx(0.75)
    assert column.row_share(r"\d") == pytest.approx(0.75)
    assert column.row_share(r"\d", exclude=(r"^a",)) == pytest.approx(0.25)
    column.prime([r"^z", r"\d"])
    assert column.row_share(r"^z") == pytest.approx(0.25)


def test_validators_see_a_bounded_number_of_distinct_values() -> None:
    seen: list[str] = []

    def validator(value: str) -> bool:
        seen.append(value)
        return value.endswith("0")

    column = ColumnSample("c", pl.Series([f"v{i}" for i in range(5_000)]))
    found = column.validated(validator, r"^v")
    assert found.tested == VALIDATE_LIMIT
    assert len(seen) == VALIDATE_LIMIT
    assert found.share == pytest.approx(0.1, abs=0.03)
    assert column.validated(validator, r"^v") == found  # cached
    assert len(seen) == VALIDATE_LIMIT


def test_integer_and_float_columns_have_text_and_numbers() -> None:
    ints = ColumnSample("c", pl.Series([1, 22, 333]))
    assert ints.has_text and ints.is_integer
    assert ints.text.to_list() == ["1", "22", "333"]
    assert ints.numeric_share(0, 30) == pytest.approx(2 / 3)
    floats = ColumnSample("c", pl.Series([1.5, 2.0]))
    assert not floats.has_text
    assert floats.numeric_share(0, 3, integral=True) == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("vin", "ok"),
    [("1M8GDM9AXKP042788", True), ("1HGCM82633A004352", True), ("11111111111111111", True),
     ("1M8GDM9A1KP042788", False), ("1HGCM82633A00435", False), ("1HGCM82633A00435I", False)],
)
def test_vin_check_digit(vin: str, ok: bool) -> None:
    assert vin_check_digit_ok(vin) is ok


@pytest.mark.parametrize(
    ("value", "ok"),
    [("John Smith", True), ("Smith, John", True), ("J. Smith", True), ("MARY", True),
     ("Mary-Jane O'Brien", True), ("Metformin", False), ("John 3 Smith", False),
     ("the patient was seen by the team today", False)],
)
def test_person_names(value: str, ok: bool) -> None:
    assert is_person_name(value) is ok


def test_every_default_recognizer_satisfies_the_protocol() -> None:
    names = [r.name for r in DEFAULT_RECOGNIZERS]
    assert len(set(names)) == len(names)
    for recognizer in DEFAULT_RECOGNIZERS:
        assert isinstance(recognizer.kind, Kind)
        assert 0.0 < recognizer.min_share <= 1.0
        assert recognizer.header_score("zzz_qqq") == 0.0
        assert all(isinstance(p, str) for p in recognizer.prefilters)


def test_a_custom_recognizer_is_passed_explicitly() -> None:
    badge = Rule(
        name="staff_badge",
        kind=Kind.OTHER_ID,
        header=Header(strong=("badge",)),
        value_check=pattern_check(r"^BDG-\d{4}$", detail="are staff badge numbers"),
    )
    frame = pl.DataFrame({"c0": ["BDG-0001", "BDG-0002", "BDG-0003"] * 3})
    assert scan_frame(frame).finding("c0").kind is Kind.OTHER
    found = scan_frame(frame, recognizers=(*DEFAULT_RECOGNIZERS, badge)).finding("c0")
    assert found.kind is Kind.OTHER_ID
    assert any("staff badge" in e.detail for e in found.evidence)


class _AlwaysHarmless:
    """A minimal Recognizer written without `Rule`, to pin the protocol down."""

    name = "harmless"
    kind = Kind.CLINICAL
    needs_header = False
    min_share = 0.8
    prefilters: tuple[str, ...] = ()

    def header_score(self, header: str) -> float:
        return 0.0

    def check(self, column: ColumnSample) -> ValueCheck | None:
        return ValueCheck(1.0, column.nonnull, "are harmless", strength=0.8)


class _WeakIdentifier(_AlwaysHarmless):
    name = "weak_identifier"
    kind = Kind.OTHER_ID

    def check(self, column: ColumnSample) -> ValueCheck | None:
        return ValueCheck(1.0, column.nonnull, "might identify", strength=0.76)


def test_fail_closed_prefers_a_close_identifier() -> None:
    column = ColumnSample("c", pl.Series(["a", "b", "c"]))
    rules: tuple[Recognizer, ...] = (_AlwaysHarmless(), _WeakIdentifier())
    found = classify_column(column, rules)
    assert found.kind is Kind.OTHER_ID
    assert found.role is Role.DIRECT
    assert any("fail closed" in e.detail for e in found.evidence)
    assert found.alternatives[0][0] is Kind.CLINICAL
    alone = classify_column(ColumnSample("c", pl.Series(["a", "b", "c"])), rules[:1])
    assert alone.kind is Kind.CLINICAL


def test_confidence_orders_content_above_header_alone() -> None:
    ssn = ["123-45-6789", "234-56-7891", "345-67-8912"] * 5
    by_content = scan_frame(pl.DataFrame({"x7": ssn})).finding("x7")
    by_header = scan_frame(pl.DataFrame({"ssn": ["masked"] * 15})).finding("ssn")
    both = scan_frame(pl.DataFrame({"ssn": ssn})).finding("ssn")
    assert both.confidence > by_content.confidence > by_header.confidence
    assert {e.source for e in by_header.evidence} == {"header", "values", "stats"}


@pytest.mark.parametrize(
    "series",
    [
        pl.Series(["", " ", ""]),
        pl.Series(["١٢٣-٤٥-٦٧٨٩", "名字", "😀 emoji"]),
        pl.Series(["x" * 50_000, "y z " * 5_000]),
        pl.Series([-5, 2**40, 0], dtype=pl.Int64),
        pl.Series([2**63], dtype=pl.UInt64),
        pl.Series([float("nan"), float("inf"), 1.0]),
        pl.Series([None, None], dtype=pl.Null),
        pl.Series(["1.50", "2.25"]).cast(pl.Decimal(10, 2)),
        pl.Series([dt.time(10, 15), dt.time(23, 59)]),
        pl.Series([dt.timedelta(days=2), dt.timedelta(hours=5)]),
        pl.Series([b"\x00\x01", b"plain bytes"]),
        pl.Series(["a", "b", "a"], dtype=pl.Categorical),
        pl.Series([True, False, None]),
        pl.Series([object(), object()], dtype=pl.Object),
    ],
    ids=["blank", "unicode", "huge", "ints", "uint64", "nan", "null", "decimal", "time",
         "duration", "binary", "categorical", "bool", "object"],
)
def test_odd_columns_are_scanned_without_error(series: pl.Series) -> None:
    found = scan_frame(pl.DataFrame({"c": series})).finding("c")
    assert 0.0 <= found.confidence <= 1.0
    assert found.role is role_of(found.kind)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet=string.ascii_letters + string.digits + " -@./",
                        min_size=1, max_size=30), min_size=1, max_size=40),
       st.text(alphabet=string.ascii_letters, min_size=14, max_size=20))
def test_arbitrary_text_never_leaks_a_value(values: list[str], secret: str) -> None:
    frame = pl.DataFrame({"c": [*values, secret], "d": [secret, *values]})
    result = scan_frame(frame)
    assert secret not in repr(result.to_dict())
    for found in result.columns:
        assert 0.0 <= found.confidence <= 1.0
