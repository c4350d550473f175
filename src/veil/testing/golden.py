"""Golden engine cases: inputs and policies every engine must run exactly as Polars does.

Each case is a small, fixed table (generated from a seed, so it is the same on every
machine) and a policy that exercises every built-in action on the dtypes it accepts,
nulls and edge values included. `check_engine` runs them through an engine and the
Polars engine and compares everything (`veil.testing.engines`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import polars as pl

from veil.policy.models import Policy
from veil.synth.patients import people

REFERENCE_DATE = dt.date(2026, 1, 1)


@dataclass(frozen=True)
class GoldenCase:
    """One input table (made on demand) and the policy to apply to it."""

    name: str
    table: Callable[[], pl.DataFrame]
    columns: dict[str, dict[str, Any]]
    group_keys: tuple[str, ...]  # columns to count classes over (risk-like work)

    def policy(self) -> Policy:
        return Policy.model_validate({"profile": "safe-harbor",
                                      "reference_date": REFERENCE_DATE,
                                      "columns": self.columns})


def _patients() -> pl.DataFrame:
    return people(0, 700, seed=13)


_SAFE_HARBOR: dict[str, dict[str, Any]] = {
    "mrn": {"action": "pseudonym", "scope": "mrn", "prefix": "P"},
    "first_name": {"action": "fake", "provider": "first_name"},
    "last_name": {"action": "drop"},
    "sex": {"action": "keep"},
    "birth_date": {"action": "year_only"},
    "age": {"action": "top_code"},
    "race": {"action": "keep"},
    "ethnicity": {"action": "keep"},
    "street_address": {"action": "redact"},
    "city": {"action": "drop"},
    "county": {"action": "drop"},
    "state": {"action": "keep"},
    "zip": {"action": "zip3"},
    "phone": {"action": "mask"},
    "fax": {"action": "drop"},
    "email": {"action": "hmac", "length": 12},
    "ssn": {"action": "redact", "replacement": "***"},
    "health_plan_id": {"action": "drop"},
    "account_number": {"action": "drop"},
    "drivers_license": {"action": "drop"},
    "vehicle_vin": {"action": "drop"},
    "license_plate": {"action": "drop"},
    "device_udi": {"action": "drop"},
    "portal_url": {"action": "drop"},
    "ipv4_address": {"action": "drop"},
    "ipv6_address": {"action": "drop"},
    "fingerprint_id": {"action": "drop"},
    "photo_file": {"action": "drop"},
    "study_subject_id": {"action": "hmac"},
    "admission_date": {"action": "year_only"},
    "discharge_date": {"action": "year_only"},
    "death_date": {"action": "year_only", "over_89": "null"},
    "lab_collected_at": {"action": "year_only"},
    "height_cm": {"action": "generalize", "bins": [150, 170, 190]},
    "weight_kg": {"action": "keep"},
    "diagnosis_code": {"action": "keep"},
    "secondary_diagnoses": {"action": "keep"},
    "hba1c_pct": {"action": "keep"},
    "creatinine_mg_dl": {"action": "keep"},
    "length_of_stay": {"action": "keep"},
    "note": {"action": "drop"},
}


def _typed() -> pl.DataFrame:
    """Typed columns with nulls and edge values: what a Parquet extract holds."""
    n = 60
    i = pl.col("i")
    day = pl.lit(dt.date(1925, 1, 1)) + pl.duration(days=i * 613)
    frame = pl.DataFrame({"i": pl.int_range(0, n, eager=True)}).select(
        day.alias("birth"),
        (day.cast(pl.Datetime("us")) + pl.duration(hours=13, minutes=5)).alias("seen_at"),
        (i * 2 - 3).cast(pl.Int64).alias("age"),
        (i * 2).cast(pl.Int32).alias("age32"),
        (i.cast(pl.Float64) * 2.5).alias("weight"),
        (i % 3 == 0).alias("flag"),
        (i * 1637 + 1000).cast(pl.String).str.zfill(5).alias("zip_text"),
        (i * 1637 + 1000).cast(pl.Int64).alias("zip_int"),
        day.dt.strftime("%m/%d/%Y").alias("when_text"),
        day.cast(pl.Datetime("ms")).cast(pl.Int64).alias("epoch_ms"),
        ("ID-" + (i % 17).cast(pl.String)).alias("code"),
        (i % 7 == 3).alias("_null"),
    )
    return frame.select(pl.when(pl.col("_null")).then(None).otherwise(pl.col(c)).alias(c)
                        if c != "flag" else pl.col(c) for c in frame.columns if c != "_null")


_TYPED: dict[str, dict[str, Any]] = {
    "birth": {"action": "age", "reference_column": None},
    "seen_at": {"action": "year_only"},
    "age": {"action": "top_code", "at": 90, "label": "90+"},
    "age32": {"action": "generalize", "bins": [18, 65], "labels": ["child", "adult", "senior"]},
    "weight": {"action": "generalize", "bins": [50.0, 100.0]},
    "flag": {"action": "keep"},
    "zip_text": {"action": "zip3"},
    "zip_int": {"action": "zip3", "rename": "zip_int3"},
    "when_text": {"action": "year_only"},
    "epoch_ms": {"action": "year_only", "encoding": "epoch_ms"},
    "code": {"action": "pseudonym", "scope": "codes", "length": 8},
}


def _awkward() -> pl.DataFrame:
    """Types Spark changes (unsigned 64-bit, categorical, durations, nanosecond and
    time-zone datetimes, times of day, lists): every engine must refuse them or cast
    them the same documented way (the parity contract)."""
    n = 24
    i = pl.col("i")
    return pl.DataFrame({"i": pl.int_range(0, n, eager=True)}).select(
        ("P" + i.cast(pl.String)).alias("id"),
        (i * 1_000_003).cast(pl.UInt64).alias("count_u64"),
        pl.when(i % 2 == 0).then(pl.lit("a")).otherwise(pl.lit("b")).cast(pl.Categorical)
        .alias("group"),
        pl.duration(hours=i).alias("waited"),
        (pl.lit(dt.datetime(2020, 1, 1)) + pl.duration(minutes=i * 97)).dt.cast_time_unit("ns")
        .dt.replace_time_zone("UTC").alias("stamp_ns_utc"),
        (pl.lit(dt.datetime(2020, 1, 1)) + pl.duration(minutes=i * 53)).dt.time().alias("tod"),
        pl.concat_list(pl.lit("x"), i.cast(pl.String)).alias("tags"),
        pl.when(i % 5 == 0).then(-0.0).otherwise(i.cast(pl.Float64)).alias("signed_zero"),
    )


_AWKWARD: dict[str, dict[str, Any]] = {
    "id": {"action": "keep"}, "count_u64": {"action": "keep"}, "group": {"action": "keep"},
    "waited": {"action": "keep"}, "stamp_ns_utc": {"action": "year_only"},
    "tod": {"action": "keep"}, "tags": {"action": "keep"}, "signed_zero": {"action": "keep"},
}


def _empty() -> pl.DataFrame:
    return _typed().clear()


GOLDEN_CASES: tuple[GoldenCase, ...] = (
    GoldenCase("safe-harbor-patients", _patients, _SAFE_HARBOR, ("sex", "race", "state")),
    GoldenCase("typed-columns", _typed, _TYPED, ("flag", "code")),
    GoldenCase("spark-changed-types", _awkward, _AWKWARD, ("group", "signed_zero")),
)
"""The cases `check_engine` runs by default."""

REFUSED_INPUTS: tuple[tuple[str, Callable[[], pl.DataFrame]], ...] = (
    ("empty-table", _empty),
)
"""Inputs every engine must refuse as the Polars engine does (same VeilError class)."""
