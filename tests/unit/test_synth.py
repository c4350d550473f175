"""Tests of the synthetic EHR generator (veil.synth.patients).

The generator is the ground truth for scanner and pipeline tests, so these
check that every planted value is what its column claims: valid check digits,
parseable phones, ZIPs of the right state, consistent ages, unique numbers.
"""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path

import numpy as np
import phonenumbers
import polars as pl
import pytest
from faker.providers.address.en_US import Provider as Address
from stdnum import ean, luhn
from stdnum.us import ssn as us_ssn

from veil.categories import KIND_CATEGORY, Category, Kind
from veil.errors import UsageError
from veil.synth import _perm, _random
from veil.synth import patients as synth
from veil.synth.patients import (
    BLOCK_ROWS,
    PLANTED,
    RESTRICTED_ZIP3,
    SCHEMA,
    UNIQUE_COLUMNS,
    generate_patients,
    people,
    write_patients,
)

SMALL = 3_000
RESTRICTED_STATE = {
    "036": "NH", "059": "VT", "063": "CT", "102": "NY", "203": "DC", "205": "DC",
    "369": "AL", "556": "MN", "692": "NE", "790": "TX", "821": "WY", "823": "WY",
    "830": "WY", "831": "WY", "878": "NM", "879": "NM", "884": "NM", "890": "NV",
    "893": "NV",
}  # fmt: skip


@pytest.fixture(scope="module")
def small() -> pl.DataFrame:
    return people(0, SMALL, seed=11)


@pytest.fixture(scope="module")
def large() -> pl.DataFrame:
    """More than one block, enough for rates of about 1 %."""
    return people(0, BLOCK_ROWS + 4_464, seed=5)


# --- shape ---------------------------------------------------------------------------------


def test_columns_types_and_kinds(small: pl.DataFrame) -> None:
    assert small.columns == list(PLANTED)
    assert small.schema == SCHEMA
    assert small.height == SMALL


def test_all_18_safe_harbor_categories_are_planted() -> None:
    planted = {KIND_CATEGORY[k] for k in PLANTED.values() if k in KIND_CATEGORY}
    assert planted == set(Category)


def test_zero_rows_has_the_schema() -> None:
    assert people(0, 0, seed=1).schema == SCHEMA
    assert list(generate_patients(0, seed=1)) == []


# --- determinism ---------------------------------------------------------------------------


def test_same_seed_same_rows_other_seed_other_rows(small: pl.DataFrame) -> None:
    assert people(0, SMALL, seed=11).equals(small)
    other = people(0, SMALL, seed=12)
    assert not other.equals(small)
    assert (other["ssn"] != small["ssn"]).sum() > 0.99 * SMALL


def test_chunking_does_not_change_rows() -> None:
    rows = BLOCK_ROWS + 1_000  # crosses a block boundary
    whole = pl.concat(list(generate_patients(rows, seed=3)))
    chunks = list(generate_patients(rows, seed=3, chunk_rows=7_777))
    assert [c.height for c in chunks[:-1]] == [7_777] * (len(chunks) - 1)
    assert pl.concat(chunks).equals(whole)


def test_row_depends_only_on_its_index(small: pl.DataFrame) -> None:
    assert people(0, 1_000, seed=11).equals(small.head(1_000))
    assert people(1_234, 2_345, seed=11).equals(small.slice(1_234, 1_111))


# --- identifiers are valid for their kind ---------------------------------------------------


def test_ssns_are_valid(small: pl.DataFrame) -> None:
    values = small["ssn"].to_list()
    assert all(us_ssn.is_valid(v) for v in values)
    assert any("-" not in v for v in values)  # some written without dashes


def test_phones_and_faxes_are_valid_us_numbers(small: pl.DataFrame) -> None:
    for column in ("phone", "fax"):
        for value in small[column].drop_nulls().to_list():
            number = phonenumbers.parse(value, "US")
            assert phonenumbers.is_valid_number_for_region(number, "US"), value
    assert 0.3 < small["fax"].null_count() / SMALL < 0.9


def test_vins_have_valid_check_digit(small: pl.DataFrame) -> None:
    values = dict(zip("0123456789", range(10), strict=True))
    values.update(zip("ABCDEFGH", range(1, 9), strict=True))
    values.update(zip("JKLMN", range(1, 6), strict=True))
    values.update({"P": 7, "R": 9})
    values.update(zip("STUVWXYZ", range(2, 10), strict=True))
    weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
    for vin in small["vehicle_vin"].to_list():
        assert len(vin) == 17
        assert not set(vin) & set("IOQ")
        remainder = sum(values[c] * w for c, w in zip(vin, weights, strict=True)) % 11
        assert vin[8] == ("X" if remainder == 10 else str(remainder)), vin


def test_account_numbers_pass_luhn_and_devices_have_valid_gtin(small: pl.DataFrame) -> None:
    assert all(luhn.is_valid(v) for v in small["account_number"].to_list())
    udis = small["device_udi"].drop_nulls().to_list()
    assert 0.2 < len(udis) / SMALL < 0.5
    pattern = re.compile(r"\(01\)(\d{14})\(17\)\d{6}\(10\)[0-9A-Z]{6}\(21\)\d{9}")
    for udi in udis:
        match = pattern.fullmatch(udi)
        assert match, udi
        assert ean.is_valid(match.group(1))


def test_health_plan_ids_are_medicare_for_65_plus(small: pl.DataFrame) -> None:
    mbi = re.compile(r"[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y]"
                     r"[AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y]{2}\d{2}")  # fmt: skip
    for plan, age in small.select("health_plan_id", "age").iter_rows():
        if age >= 65:
            assert mbi.fullmatch(plan), plan
        else:
            assert re.fullmatch(r"[A-Z]{3}\d{9}", plan), plan


def test_ip_addresses_parse(small: pl.DataFrame) -> None:
    for v4 in small["ipv4_address"].to_list():
        address = ipaddress.ip_address(v4)
        assert address.version == 4
        assert address.is_global, v4
    for v6 in small["ipv6_address"].to_list():
        assert ipaddress.ip_address(v6).version == 6


def test_other_identifier_shapes(small: pl.DataFrame) -> None:
    shapes = {
        "mrn": r"\d{9}",
        "zip": r"\d{5}(-\d{4})?",
        "drivers_license": r"[A-Z]\d{7}",
        "license_plate": r"[A-Z]{3}\d{4}|\d[A-Z]{3}\d{3}|[A-Z]{3}-\d{4}",
        "email": r"[a-z]+\.?[a-z]+\d{0,2}@[a-z]+\.(com|net)",
        "portal_url": r"https://[a-z.-]+/patient/[a-z2-9]{8}",
        "fingerprint_id": r"FP-[0-9A-F]{16}",
        "photo_file": r"photos/[0-9a-f]{12}\.jpg",
        "study_subject_id": r"SUBJ-\d{2}-\d{6}",
        "birth_date": r"\d{2}/\d{2}/\d{4}",
        "admission_date": r"\d{4}-\d{2}-\d{2}",
        "discharge_date": r"\d{2}-[A-Z][a-z]{2}-\d{4}",
        "death_date": r"[A-Z][a-z]+ \d{1,2}, \d{4}",
        "lab_collected_at": r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00",
        "diagnosis_code": r"[A-Z]\d{2}(\.[0-9A-Z]{1,4})?",
        "secondary_diagnoses": r"[A-Z]\d{2}(\.[0-9A-Z]{1,4})?(;[A-Z]\d{2}(\.[0-9A-Z]{1,4})?){0,2}",
        "state": r"[A-Z]{2}",
    }
    for column, shape in shapes.items():
        values = small[column].drop_nulls()
        assert values.len() > 0, column
        bad = values.filter(~values.str.contains(f"^(?:{shape})$"))
        assert bad.len() == 0, (column, bad.head(3).to_list())


def test_unique_identifiers_are_unique(large: pl.DataFrame) -> None:
    for column in UNIQUE_COLUMNS:
        values = large[column].drop_nulls()
        assert values.n_unique() == values.len(), column


def test_unique_numbers_come_from_a_bijection() -> None:
    keys = _perm.key(1, "test")
    for n in (1, 2, 7, 1000, 4097):
        out = _perm.permute(np.arange(n, dtype=np.uint64), n, keys)
        assert sorted(out.tolist()) == list(range(n))


def test_guided_sampling_matches_searchsorted() -> None:
    rng = np.random.default_rng(0)
    for weights in ([1.0], [1.0, 2.0], [0.5, 0.0, 0.5], list(rng.random(500) ** 6)):
        shares = _random.Shares(weights)
        u = rng.random(20_000)
        expected = np.minimum(np.searchsorted(shares.cdf, u, side="right"), len(weights) - 1)
        assert (shares(u) == expected).all()


# --- geography and dates are consistent ------------------------------------------------------


def test_zip_codes_lie_in_their_state(large: pl.DataFrame) -> None:
    ranges = Address.states_postcode
    for state, zip_code in large.select("state", "zip").iter_rows():
        zip5 = zip_code[:5]
        if zip5[:3] in RESTRICTED_ZIP3:
            assert RESTRICTED_STATE[zip5[:3]] == state, (state, zip_code)
        else:
            low, high = ranges[state]
            assert low <= int(zip5) <= high, (state, zip_code)
    plus4 = large.select(pl.col("zip").str.contains("-").mean()).item()
    assert 0.2 < plus4 < 0.4


def test_restricted_zip3_areas_are_planted(large: pl.DataFrame) -> None:
    assert set(RESTRICTED_STATE) == RESTRICTED_ZIP3
    share = large.select(pl.col("zip").str.slice(0, 3).is_in(list(RESTRICTED_ZIP3)).mean())
    assert 0.006 < share.item() < 0.015


def test_age_matches_birth_and_admission(large: pl.DataFrame) -> None:
    dates = large.select(
        pl.col("birth_date").str.to_date("%m/%d/%Y").alias("birth"),
        pl.col("admission_date").str.to_date("%Y-%m-%d").alias("admit"),
        pl.col("discharge_date").str.to_date("%d-%b-%Y").alias("discharge"),
        pl.col("death_date").str.to_date("%B %-d, %Y").alias("death"),
        pl.col("lab_collected_at").str.to_datetime("%Y-%m-%dT%H:%M:%S").alias("lab"),
        "age",
        "length_of_stay",
    )
    b, a = pl.col("birth"), pl.col("admit")
    before_birthday = (a.dt.month() < b.dt.month()) | (
        (a.dt.month() == b.dt.month()) & (a.dt.day() < b.dt.day())
    )
    expected = a.dt.year() - b.dt.year() - before_birthday.cast(pl.Int32)
    checks = dates.select(
        (expected == pl.col("age")).all().alias("age"),
        ((pl.col("discharge") - a).dt.total_days() == pl.col("length_of_stay")).all().alias("los"),
        (pl.col("lab").dt.date().is_between(a, pl.col("discharge"))).all().alias("lab"),
        (pl.col("death").is_null() | (pl.col("death") >= pl.col("discharge"))).all().alias("death"),
        (b <= a).all().alias("born_before_admission"),
    )
    assert checks.row(0) == (True,) * 5
    assert 0.8 < dates["death"].null_count() / dates.height < 0.99


def test_many_patients_are_90_or_older(large: pl.DataFrame) -> None:
    share, youngest, oldest = large.select(
        (pl.col("age") >= 90).mean().alias("share"),
        pl.col("age").min().alias("youngest"),
        pl.col("age").max().alias("oldest"),
    ).row(0)
    assert 0.015 < share < 0.04
    assert youngest == 0
    assert oldest <= 106


# --- the note ----------------------------------------------------------------------------------


def test_note_quotes_identifiers_of_its_row(small: pl.DataFrame) -> None:
    for col in ("first_name", "last_name", "mrn", "phone", "diagnosis_code"):
        assert small.select(pl.col("note").str.contains(pl.col(col), literal=True).all()).item()
    quoted_date = small.select(
        pl.col("note").str.contains(pl.col("admission_date"), literal=True)
        | pl.col("note").str.contains(pl.col("birth_date"), literal=True)
        | pl.col("note").str.contains(pl.col("discharge_date"), literal=True)
    )
    assert quoted_date.to_series().all()


# --- files -------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".jsonl", ".ndjson"])
def test_file_round_trip_and_same_bytes(tmp_path: Path, suffix: str) -> None:
    first, second = tmp_path / f"a{suffix}", tmp_path / "sub" / f"b{suffix}"
    write_patients(first, 2_000, seed=4)
    write_patients(second, 2_000, seed=4)
    assert first.read_bytes() == second.read_bytes()
    if suffix == ".csv":
        back = pl.read_csv(first, schema=SCHEMA)
    elif suffix == ".parquet":
        back = pl.read_parquet(first)
    else:
        back = pl.read_ndjson(first, schema=SCHEMA)
    assert back.equals(people(0, 2_000, seed=4))
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a" + suffix, "b" + suffix, "sub"]


def test_write_is_atomic_on_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(synth, "_write", broken)
    with pytest.raises(RuntimeError):
        write_patients(target, 10, seed=1)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_bad_arguments_raise_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        write_patients(tmp_path / "out.xlsx", 10, seed=1)
    with pytest.raises(UsageError):
        write_patients(tmp_path / "out.csv", -1, seed=1)
    with pytest.raises(UsageError):
        next(generate_patients(10, seed=-1))
    with pytest.raises(UsageError):
        next(generate_patients(10, seed=1, chunk_rows=0))
    with pytest.raises(UsageError):
        people(5, 4, seed=1)
    assert not list(tmp_path.iterdir())


def test_planted_kinds_cover_dates_in_distinct_layouts() -> None:
    dated = [c for c, k in PLANTED.items() if k in (Kind.BIRTH_DATE, Kind.DATE, Kind.DEATH_DATE)]
    assert len(dated) >= 5
    sample = people(0, 200, seed=2)
    layouts = {
        re.sub(r"[A-Za-z]+", "a", re.sub(r"\d", "9", v))
        for c in dated
        for v in sample[c].drop_nulls().head(1).to_list()
    }
    assert len(layouts) == len(dated)
