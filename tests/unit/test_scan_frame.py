"""Whole-frame scans: a 30-column synthetic EHR extract, with and without its headers.

The frame is built here from Faker's word lists and seeded random choices (the
synthetic generator in `veil.synth` is tested separately).
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from typing import Any

import polars as pl
import pytest
from faker import Faker

from veil.categories import Category, Kind, Role
from veil.errors import UsageError
from veil.scan import ScanResult, scan_frame
from veil.scan.scanner import _take_sample

ROWS = 10_000


def _frame(rows: int = ROWS, seed: int = 7) -> pl.DataFrame:
    """30 columns: identifiers of most Safe Harbor categories plus clinical columns."""
    fake = Faker("en_US")
    fake.seed_instance(seed)
    rnd = random.Random(seed)

    def pool(make: Callable[[], Any], size: int) -> list[Any]:
        values = [make() for _ in range(size)]
        return [values[rnd.randrange(size)] for _ in range(rows)]

    def each(make: Callable[[random.Random], Any]) -> list[Any]:
        return [make(rnd) for _ in range(rows)]

    def day(r: random.Random, start: int = 1930) -> dt.date:
        return dt.date(start, 1, 1) + dt.timedelta(days=r.randrange(30_000))

    return pl.DataFrame({
        "ssn": each(lambda r: f"{r.randint(1, 665):03d}-{r.randint(1, 99):02d}-"
                              f"{r.randint(1, 9999):04d}"),
        "mrn": each(lambda r: f"MR{r.randrange(10**7):07d}"),
        "first_name": pool(fake.first_name, 400),
        "last_name": pool(fake.last_name, 400),
        "patient_name": pool(fake.name, 1000),
        "dob": each(lambda r: day(r).strftime("%m/%d/%Y")),
        "admit_date": each(lambda r: day(r, 2015).isoformat()),
        "death_date": each(lambda r: day(r, 2015).strftime("%d-%b-%Y")
                           if r.random() < 0.1 else None),
        "phone": pool(fake.phone_number, 1000),
        "fax": pool(fake.phone_number, 500),
        "email": pool(fake.email, 1000),
        "homepage": pool(fake.url, 300),
        "ip_address": pool(fake.ipv4, 1000),
        "street": pool(fake.street_address, 1000),
        "city": pool(fake.city, 300),
        "state": pool(fake.state_abbr, 60),
        "zip": pool(fake.zipcode, 1000),
        "zip_numeric": pool(lambda: int(fake.zipcode()), 1000),
        "age": each(lambda r: r.randint(0, 99)),
        "sex": each(lambda r: r.choice(["M", "F"])),
        "race": each(lambda r: r.choice(["White", "Black or African American", "Asian"])),
        "ethnicity": each(lambda r: r.choice(["Hispanic or Latino", "Not Hispanic or Latino"])),
        "dx_code": each(lambda r: r.choice(["E11.9", "I10", "J45.909", "Z00.00", "F32.9"])),
        "glucose": each(lambda r: round(r.gauss(100, 20), 1)),
        "los_days": each(lambda r: r.randint(0, 30)),
        "clinical_note": pool(lambda: fake.paragraph(nb_sentences=4), 300),
        "vin": pool(fake.vin, 1000),
        "plate_number": pool(fake.license_plate, 1000),
        "card_number": pool(fake.credit_card_number, 1000),
        "encounter_id": each(lambda r: f"{r.getrandbits(128):032x}"),
    })


EXPECTED: dict[str, Kind] = {
    "ssn": Kind.SSN, "mrn": Kind.MRN, "first_name": Kind.PERSON_NAME,
    "last_name": Kind.PERSON_NAME, "patient_name": Kind.PERSON_NAME, "dob": Kind.BIRTH_DATE,
    "admit_date": Kind.DATE, "death_date": Kind.DEATH_DATE, "phone": Kind.PHONE,
    "fax": Kind.FAX, "email": Kind.EMAIL, "homepage": Kind.URL, "ip_address": Kind.IP_ADDRESS,
    "street": Kind.STREET_ADDRESS, "city": Kind.CITY, "state": Kind.STATE, "zip": Kind.ZIP,
    "zip_numeric": Kind.ZIP, "age": Kind.AGE, "sex": Kind.SEX, "race": Kind.RACE,
    "ethnicity": Kind.ETHNICITY, "dx_code": Kind.DIAGNOSIS_CODE, "glucose": Kind.LAB_VALUE,
    "los_days": Kind.LENGTH_OF_STAY, "clinical_note": Kind.FREE_TEXT, "vin": Kind.VIN,
    "plate_number": Kind.LICENSE_PLATE, "card_number": Kind.ACCOUNT_NUMBER,
    "encounter_id": Kind.OTHER_ID,
}

IDENTIFIERS = [c for c, k in EXPECTED.items() if k not in {
    Kind.STATE, Kind.SEX, Kind.RACE, Kind.ETHNICITY, Kind.DIAGNOSIS_CODE, Kind.LAB_VALUE,
    Kind.LENGTH_OF_STAY, Kind.FREE_TEXT, Kind.AGE,
}]
"""Columns that must come out as direct identifiers even without their header.

Age is left out on purpose: integers 0-120 without a header are not told apart
from other small clinical counts.
"""


@pytest.fixture(scope="module")
def frame() -> pl.DataFrame:
    return _frame()


@pytest.fixture(scope="module")
def named(frame: pl.DataFrame) -> ScanResult:
    return scan_frame(frame, source="synthetic")


@pytest.fixture(scope="module")
def anonymous(frame: pl.DataFrame) -> tuple[ScanResult, dict[str, str]]:
    renamed = {c: f"c{i}" for i, c in enumerate(frame.columns)}
    return scan_frame(frame.rename(renamed)), renamed


def test_every_column_gets_its_kind_with_headers(named: ScanResult) -> None:
    got = {f.column: f.kind for f in named.columns}
    assert got == EXPECTED
    assert [f.column for f in named.columns] == list(EXPECTED)
    assert named.rows_sampled == ROWS
    assert named.source == "synthetic"


@pytest.mark.parametrize("column", IDENTIFIERS)
def test_identifiers_stay_direct_without_headers(
    anonymous: tuple[ScanResult, dict[str, str]], column: str
) -> None:
    result, renamed = anonymous
    found = result.finding(renamed[column])
    assert found.role is Role.DIRECT, found.to_dict()
    assert found.category is not None


@pytest.mark.parametrize(
    ("column", "kind"),
    [("ssn", Kind.SSN), ("dob", Kind.DATE), ("email", Kind.EMAIL), ("vin", Kind.VIN),
     ("phone", Kind.PHONE), ("fax", Kind.PHONE), ("street", Kind.STREET_ADDRESS),
     ("zip", Kind.ZIP), ("ip_address", Kind.IP_ADDRESS), ("card_number", Kind.ACCOUNT_NUMBER),
     ("mrn", Kind.OTHER_ID), ("patient_name", Kind.PERSON_NAME), ("sex", Kind.SEX),
     ("dx_code", Kind.DIAGNOSIS_CODE), ("clinical_note", Kind.FREE_TEXT),
     ("glucose", Kind.CLINICAL)],
)
def test_content_decides_without_headers(
    anonymous: tuple[ScanResult, dict[str, str]], column: str, kind: Kind
) -> None:
    result, renamed = anonymous
    assert result.finding(renamed[column]).kind is kind


def test_headers_raise_confidence(
    named: ScanResult, anonymous: tuple[ScanResult, dict[str, str]]
) -> None:
    result, renamed = anonymous
    for column in ("ssn", "email", "vin"):
        assert named.finding(column).confidence > result.finding(renamed[column]).confidence


def test_evidence_names_header_values_and_stats(named: ScanResult) -> None:
    ssn = named.finding("ssn")
    sources = {e.source for e in ssn.evidence}
    assert {"header", "values", "stats"} <= sources
    assert ssn.category is Category.SSN
    assert ssn.distinct_ratio > 0.9
    assert ssn.sampled == ROWS
    dates = named.finding("death_date")
    assert dates.null_share == pytest.approx(0.9, abs=0.02)


def test_scan_of_30_columns_and_10k_rows_is_fast(frame: pl.DataFrame) -> None:
    scan_frame(frame.head(50))  # warm up word lists
    elapsed = []
    for _ in range(2):
        started = time.perf_counter()
        scan_frame(frame)
        elapsed.append(time.perf_counter() - started)
    assert min(elapsed) < 2.0


def test_lazy_frames_are_sampled_over_the_whole_file(frame: pl.DataFrame) -> None:
    result = scan_frame(frame.lazy(), sample_rows=500)
    assert result.rows_sampled == 500
    assert result.finding("ssn").kind is Kind.SSN
    # the first, middle and last rows of a lazy input are all in the sample
    rows = pl.DataFrame({"i": range(10_000)})
    taken = _take_sample(rows.lazy(), 500, 10_000).get_column("i")
    assert taken.len() == 500 and taken.min() == 0 and taken.max() == 9_999
    assert taken.is_between(4_000, 6_000).sum() > 0


def test_large_frames_are_sampled_deterministically(frame: pl.DataFrame) -> None:
    first = scan_frame(frame, sample_rows=500)
    again = scan_frame(frame, sample_rows=500)
    assert first.rows_sampled == 500
    assert first.to_dict() == again.to_dict()


def test_all_null_and_empty_columns_are_other_with_low_confidence() -> None:
    frame = pl.DataFrame({
        "ssn": pl.Series([None] * 20, dtype=pl.String),
        "x": pl.Series([None] * 20, dtype=pl.Int64),
    })
    for found in scan_frame(frame).columns:
        assert found.kind is Kind.OTHER
        assert found.confidence <= 0.1
        assert found.null_share == 1.0
        assert any("null" in e.detail for e in found.evidence)
    empty = scan_frame(pl.DataFrame({"a": pl.Series([], dtype=pl.String)}))
    assert empty.finding("a").kind is Kind.OTHER
    assert empty.rows_sampled == 0
    assert scan_frame(pl.DataFrame()).columns == ()


@pytest.mark.parametrize("header", ["zip", "ZipCode", "postal_code"])
def test_numeric_zip_integers_are_zips(header: str) -> None:
    rnd = random.Random(1)
    values = [rnd.choice([2138, 2139, 10001, 60614, 94110, 1002, 98101]) for _ in range(200)]
    found = scan_frame(pl.DataFrame({header: values})).finding(header)
    assert found.kind is Kind.ZIP
    assert found.role is Role.DIRECT


def test_native_dates_and_datetimes_are_dates() -> None:
    frame = pl.DataFrame({
        "c0": [dt.date(1958, 3, 14), dt.date(2001, 1, 2)],
        "c1": [dt.datetime(2021, 4, 3, 10, 15), dt.datetime(2022, 1, 1)],
        "birth_dt": [dt.date(1958, 3, 14), dt.date(2001, 1, 2)],
    })
    result = scan_frame(frame)
    assert result.finding("c0").kind is Kind.DATE
    assert result.finding("c1").kind is Kind.DATE
    assert result.finding("birth_dt").kind is Kind.BIRTH_DATE
    assert any(e.source == "dtype" for e in result.finding("c0").evidence)


def test_nested_columns_are_flagged_as_text() -> None:
    frame = pl.DataFrame({"c0": [[1, 2], [3]], "c1": [{"a": "x"}, {"a": "y"}]})
    for found in scan_frame(frame).columns:
        assert found.kind is Kind.FREE_TEXT
        assert found.confidence < 0.5


def test_sample_rows_must_be_positive() -> None:
    with pytest.raises(UsageError, match="sample_rows"):
        scan_frame(pl.DataFrame({"a": [1]}), sample_rows=0)


def test_unknown_column_lookup_is_an_error(named: ScanResult) -> None:
    with pytest.raises(UsageError):
        named.finding("no such column")


SECRETS = {
    "ssn": "219-45-6781",
    "name": "Zebulon Quixotica",
    "email": "zq.secret.7731@example.org",
    "phone": "(617) 555-0199",
    "mrn": "MRN-00SECRET42",
    "street": "4417 Obscurity Lane",
    "dob": "02/29/1944",
    "note": "Patient Zebulon Quixotica called from 617-555-0199 about the results",
    "code": "ZQ-PLANTED-99881",
}


def test_no_value_leaks_into_the_result() -> None:
    """Evidence describes counts and patterns; a planted value must never come back."""
    rnd = random.Random(5)
    filler: dict[str, Callable[[], str]] = {
        "ssn": lambda: f"{rnd.randint(1, 665):03d}-{rnd.randint(1, 99):02d}-"
                       f"{rnd.randint(1, 9999):04d}",
        "name": lambda: rnd.choice(["John Smith", "Mary Jones", "Ana Garcia"]),
        "email": lambda: f"u{rnd.randrange(10**6)}@example.com",
        "phone": lambda: f"({rnd.randint(201, 989)}) {rnd.randint(200, 999)}-"
                         f"{rnd.randint(0, 9999):04d}",
        "mrn": lambda: f"MRN-{rnd.randrange(10**8):08d}",
        "street": lambda: f"{rnd.randint(1, 999)} Main St",
        "dob": lambda: f"{rnd.randint(1, 12):02d}/{rnd.randint(1, 28):02d}/19{rnd.randint(20, 99)}",
        "note": lambda: "Follow up in two weeks with repeat labs and a call to the clinic",
        "code": lambda: f"ZQ-{rnd.randrange(10**9)}",
    }
    columns = {}
    for i, (key, make) in enumerate(filler.items()):
        values = [make() for _ in range(199)] + [SECRETS[key]]
        columns[f"c{i}"] = values
        columns[f"{key}_h"] = list(reversed(values))
    frame = pl.DataFrame(columns).with_columns(
        pl.col("name_h").cast(pl.Enum(sorted(set(columns["name_h"])))).alias("enum_names"),
        pl.col("name_h").cast(pl.Categorical).alias("categorical_names"),
        pl.concat_list("c1", "c2").alias("nested"),
    )
    text = repr(scan_frame(frame).to_dict())
    for secret in SECRETS.values():
        assert secret not in text
        for part in secret.replace(",", " ").split():
            if len(part) >= 6:
                assert part not in text, part
