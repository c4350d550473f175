"""Table-driven tests of every action."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ApplyAction
from veil.actions.context import ActionContext
from veil.actions.dates import age as age_action
from veil.actions.dates import year_of
from veil.actions.zip3 import allowed_prefixes
from veil.actions.zip3 import zip3 as zip3_action
from veil.errors import KeyStoreError
from veil.policy.models import (
    AgeFromBirthDate,
    Fake,
    Generalize,
    Hmac,
    Keep,
    Mask,
    Redact,
    TopCode,
    YearOnly,
    Zip3,
)

YEAR_CASES = [
    ("03/14/1958", 1958),
    ("14-Mar-1958", 1958),
    ("1958-03-14", 1958),
    ("2021-04-03T10:15:00", 2021),
    ("2021-04-03T10:15:00Z", 2021),
    ("2021-04-03 10:15:00", 2021),
    ("2021-04-03T10:15:00.123+02:00", 2021),
    ("March 4, 1999", 1999),
    ("19580314", 1958),
    ("1930-01-01", 1936),  # age over 89 at 2026-01-01: aggregated to the boundary year
    ("1936-12-31", 1936),
    ("1937-01-01", 1937),
    ("not a date", None),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("value", "expected"), YEAR_CASES)
def test_year_only_strings(apply_action: ApplyAction, value: str | None,
                           expected: int | None) -> None:
    assert apply_action(YearOnly(action="year_only"), [value], pl.String) == [expected]


def test_year_only_typed_and_null_mode(apply_action: ApplyAction) -> None:
    dates = [dt.date(1958, 3, 14), dt.date(1920, 5, 5), None]
    assert apply_action(YearOnly(action="year_only"), dates) == [1958, 1936, None]
    assert apply_action(YearOnly(action="year_only", over_89="null"), dates) == [1958, None, None]
    stamps = [dt.datetime(2020, 1, 2, 3, 4)]
    assert apply_action(YearOnly(action="year_only"), stamps) == [2020]
    assert apply_action(YearOnly(action="year_only"), [1958, 19580314, 12]) == [1958, 1958, None]


@pytest.mark.parametrize(("value", "expected"), [
    ("45", "45"), ("89", "89"), ("89.9", "89"), ("90", "90+"), ("104", "90+"), ("90+", "90+"),
    ("17 years", "17"), ("abc", None), ("-1", None), ("", None), (None, None),
])
def test_top_code(apply_action: ApplyAction, value: str | None, expected: str | None) -> None:
    assert apply_action(TopCode(action="top_code"), [value], pl.String) == [expected]


def test_top_code_numeric(apply_action: ApplyAction) -> None:
    assert apply_action(TopCode(action="top_code"), [3, 89, 90, 120, None]) == \
        ["3", "89", "90+", "90+", None]
    assert apply_action(TopCode(action="top_code", at=85, label="85 or older"), [84.5, 85.0]) == \
        ["84", "85 or older"]


def test_age_from_birth_date(apply_action: ApplyAction) -> None:
    rule = AgeFromBirthDate(action="age")
    births = ["1958-03-14", "1936-01-02", "1935-12-31", "01/01/2000", "junk"]
    assert apply_action(rule, births, pl.String) == ["67", "89", "90+", "26", None]
    with_ref = AgeFromBirthDate(action="age", reference_column="admit")
    assert apply_action(with_ref, ["1958-03-14", "1958-03-14"], pl.String,
                        admit=["2018-03-13", "2018-03-14"]) == ["59", "60"]


@pytest.mark.parametrize(("value", "expected"), [
    ("02134", "021"), ("02134-1234", "021"), ("021341234", "021"), ("2134", "021"),
    ("03601", "000"), ("05901", "000"), ("69201", "000"), ("20501", "000"), ("79001", "000"),
    ("09001", "000"),  # APO/FPO: no Census population
    ("10001", "100"), ("abcde", None), ("123", None), ("", None), (None, None),
])
def test_zip3(apply_action: ApplyAction, value: str | None, expected: str | None) -> None:
    assert apply_action(Zip3(action="zip3"), [value], pl.String) == [expected]


def test_zip3_integers(apply_action: ApplyAction) -> None:
    assert apply_action(Zip3(action="zip3"), [2134, 3601, 100011234, None]) == \
        ["021", "000", "100", None]


@pytest.mark.parametrize(("rule", "value", "expected"), [
    (Mask(action="mask"), "123-45-6789", "***-**-****"),
    (Mask(action="mask", char="#"), "(617) 555-0100", "(###) ###-####"),
    (Mask(action="mask", keep_separators=False), "a-b", "***"),
    (Mask(action="mask", keep_last=4), "123-45-6789", "***-**-6789"),
    (Mask(action="mask", keep_first=1, keep_last=1), "abcd", "a**d"),
    (Mask(action="mask", keep_last=4), "12", "**"),  # too short to hide anything: all masked
    (Redact(action="redact"), "anything", "[REDACTED]"),
    (Redact(action="redact", replacement="X"), "anything", "X"),
    (Keep(action="keep"), "same", "same"),
])
def test_string_actions(apply_action: ApplyAction, rule: Any, value: str, expected: str) -> None:
    assert apply_action(rule, [value, None], pl.String) == [expected, None]


def test_generalize_bins_and_mapping(apply_action: ApplyAction) -> None:
    bins = Generalize(action="generalize", bins=(18, 65))
    assert apply_action(bins, [3.0, 18, 64.9, 65, None]) == \
        ["<18", "18-<65", "18-<65", ">=65", None]
    mapping = Generalize(action="generalize", mapping={"F": "female", "M": "male"}, other="other")
    assert apply_action(mapping, ["F", "M", "X", None], pl.String) == \
        ["female", "male", "other", "other"]


@pytest.mark.parametrize("provider", [
    "name", "first_name", "last_name", "street_address", "city", "email", "phone", "ssn",
    "digits", "code",
])
def test_fake_is_consistent_and_keyed(apply_action: ApplyAction, provider: str) -> None:
    rule = Fake(action="fake", provider=provider)  # type: ignore[arg-type]
    values = ["Ann Lee", "ann  LEE", "Bob Ray", None]
    out = apply_action(rule, values, pl.String)
    assert out[0] == out[1]  # same person, same surrogate (case/space-insensitive)
    assert out[3] is None
    assert all(v not in {"Ann Lee", "Bob Ray"} for v in out)
    from veil.actions.secrets import Secret

    other = apply_action(rule, values, pl.String, secret=Secret(b"another-secret-0123456789"))
    assert other != out or (provider in {"digits", "code"} and out[0] == "")


def test_fake_formats(apply_action: ApplyAction) -> None:
    ssn = apply_action(Fake(action="fake", provider="ssn"), ["123-45-6789"] * 1, pl.String)[0]
    assert ssn[0] == "9" and len(ssn) == 11  # never-issued 9xx area
    email = apply_action(Fake(action="fake", provider="email"), ["a@b.org"], pl.String)[0]
    assert email.rsplit("@", 1)[1] in {"example.com", "example.org", "example.net"}
    digits = apply_action(Fake(action="fake", provider="digits"), ["00123456"], pl.String)[0]
    assert len(digits) == 8 and digits.isdigit()


def test_keyed_actions_need_a_secret(apply_action: ApplyAction) -> None:
    with pytest.raises(KeyStoreError, match="needs a secret"):
        apply_action(Hmac(action="hmac"), ["x"], pl.String, secret=None)


def test_hmac_matches_standard_hmac(apply_action: ApplyAction) -> None:
    import hashlib
    import hmac

    from tests.conftest import SECRET

    key = SECRET.derive("hmac", "default").encode()
    expected = hmac.new(key, b"MRN-001", hashlib.sha256).hexdigest()[:16]
    assert apply_action(Hmac(action="hmac"), [" MRN-001 "], pl.String) == [expected]


DATE_ALPHABET = [*list("0123456789-/ .:,TZ+"), "Jan", "March", "Sept", "September", "May", "PM"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(DATE_ALPHABET), max_size=12).map("".join),
                min_size=1, max_size=200))
def test_date_parsing_never_crashes_and_keeps_only_the_year(values: list[str]) -> None:
    """Polars' strptime has panicked on odd inputs: no input may crash year_only."""
    out = pl.DataFrame({"c": values}).select(
        year_of(pl.col("c"), pl.String).alias("y"))["y"].to_list()
    assert all(y is None or 1600 <= y <= 2099 for y in out)


def test_zip3_population_table_is_an_allow_list(tmp_path: Path) -> None:
    table = tmp_path / "zip3.csv"
    table.write_text("zip3,population\n021,500000\n100,20001\n101,20000\n036,90000\n")
    keep = allowed_prefixes(table, 20_000)
    assert keep == {"021", "100", "036"}
    frame = pl.DataFrame({"c": ["02134", "10001", "10101", "03601", "99999", None]})
    ctx = ActionContext(column="c", dtype=pl.String, reference_date=dt.date(2026, 1, 1),
                        zip3_keep=keep, zip3_restricted=frozenset({"036"}))
    out = frame.select(zip3_action(Zip3(action="zip3"), ctx))["c"].to_list()
    # 101 is at the threshold, 999 unknown, 036 on a restricted list: all become 000
    assert out == ["021", "100", "000", "000", "000", None]


def _completed_years(born: dt.date, at: dt.date) -> int:
    """The scalar reference: birthdays reached between two dates."""
    return at.year - born.year - ((at.month, at.day) < (born.month, born.day))


_DAYS = st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2100, 12, 31))


@settings(max_examples=80, deadline=None)
@given(pairs=st.lists(st.tuples(_DAYS, _DAYS), min_size=1, max_size=30),
       at=st.integers(min_value=1, max_value=200))
def test_age_with_a_reference_column_matches_completed_years(
    pairs: list[tuple[dt.date, dt.date]], at: int
) -> None:
    """The vectorized age (one parse per column) equals the scalar definition, for
    typed dates and for dates written as text (leap days, birthdays, reversed order)."""
    births, references = [p[0] for p in pairs], [p[1] for p in pairs]
    expected = []
    for born, ref in pairs:
        years = _completed_years(born, ref)
        expected.append(None if not 0 <= years <= 150 else ("90+" if years >= at else str(years)))
    rule = AgeFromBirthDate(action="age", reference_column="ref", at=at, label="90+")
    for frame in (
        pl.DataFrame({"c": births, "ref": references}),
        pl.DataFrame({"c": [b.strftime("%m/%d/%Y") for b in births],
                      "ref": [r.isoformat() + " 10:15:00" for r in references]}),
    ):
        ctx = ActionContext(column="c", dtype=frame.schema["c"],
                            reference_date=dt.date(2026, 1, 1), schema=dict(frame.schema))
        out = frame.select(age_action(rule, ctx).alias("o"))["o"].to_list()
        assert out == expected


def test_age_of_columns_that_hold_no_date_is_null(apply_action: ApplyAction) -> None:
    rule = AgeFromBirthDate(action="age")
    assert apply_action(rule, [dt.time(1, 2), None]) == [None, None]
    assert apply_action(rule, [dt.timedelta(days=3), None]) == [None, None]
    assert apply_action(rule, [dt.datetime(1958, 3, 14, 23, tzinfo=dt.UTC)]) == ["67"]
