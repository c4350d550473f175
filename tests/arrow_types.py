"""A Parquet file holding every Arrow type a health extract may use, written by
pyarrow the way pandas writes it: dictionary-encoded (pandas `category`, ordered
or not, int8 indices), every temporal type (date32/64, timestamps of each unit
with and without a zone, time32/64, durations), nested structs, lists and maps,
and dates stored as numbers (epoch seconds, spreadsheet serials)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

EXCEL_DAY0 = np.datetime64("1899-12-30")
TIMESTAMPS = {  # column -> (unit, zone)
    "admit_s": ("s", None),
    "admit_ms_ny": ("ms", "America/New_York"),
    "lab_us": ("us", None),
    "lab_us_tokyo": ("us", "Asia/Tokyo"),
    "result_ns_utc": ("ns", "UTC"),
    "result_ns": ("ns", None),
}
DATE_COLUMNS = ("birth_d32", "visit_d64", *TIMESTAMPS, "event_epoch", "admit_serial")
"""Columns that hold dates (typed or as numbers): each must leave as a year."""
TIME_COLUMNS = ("clock_s", "clock_ms", "clock_us", "clock_ns")
DURATION_COLUMNS = ("stay_s", "stay_ms", "stay_us", "stay_ns")
NESTED_COLUMNS = ("codes", "tags", "pair", "attrs")
"""Columns that stay nested once read (lists, arrays, maps)."""
STRUCT_LEAVES = ("address.street", "address.city")
"""The struct column `address` as veil reads it: one column per leaf."""
CATEGORY_COLUMNS = ("sex", "race", "zip", "diagnosis")


def _dictionary(values: np.ndarray, *, ordered: bool = False) -> pa.Array:
    """A pandas `category` column: int8 indices into the distinct strings."""
    plain = pa.array(values.tolist(), pa.string())
    encoded = plain.dictionary_encode()
    return pa.DictionaryArray.from_arrays(
        encoded.indices.cast(pa.int8()), encoded.dictionary, ordered=ordered)


def all_types_table(rows: int = 400, seed: int = 3) -> pa.Table:
    rng = np.random.default_rng(seed)
    birth = np.datetime64("1930-01-01") + rng.integers(0, 80 * 365, rows).astype("timedelta64[D]")
    admit = (np.datetime64("2018-01-01T00:00:00")
             + rng.integers(0, 6 * 365 * 86_400, rows).astype("timedelta64[s]"))
    later = admit + rng.integers(0, 30 * 86_400, rows).astype("timedelta64[s]")
    columns: dict[str, pa.Array] = {
        "sex": _dictionary(rng.choice(["F", "M", "U"], rows)),
        "race": _dictionary(rng.choice(["White", "Black", "Asian", "Other"], rows), ordered=True),
        "zip": _dictionary(rng.choice(["02139", "10001", "94110", "03601"], rows)),
        "diagnosis": _dictionary(rng.choice(["E11.9", "I10", "J45.909", "N18.3"], rows)),
        "birth_d32": pa.array(birth, pa.date32()),
        "visit_d64": pa.array(admit.astype("datetime64[D]"), pa.date32()).cast(pa.date64()),
    }
    for name, (unit, zone) in TIMESTAMPS.items():
        source = later if name.startswith(("lab", "result")) else admit
        columns[name] = pa.array(source.astype(f"datetime64[{unit}]"), pa.timestamp(unit, zone))
    seconds = rng.integers(0, 86_400, rows)
    columns |= {
        "clock_s": pa.array(seconds.astype("int32"), pa.time32("s")),
        "clock_ms": pa.array((seconds * 1000).astype("int32"), pa.time32("ms")),
        "clock_us": pa.array(seconds * 1_000_000, pa.time64("us")),
        "clock_ns": pa.array(seconds * 1_000_000_000, pa.time64("ns")),
    }
    stay = rng.integers(0, 40 * 86_400, rows)
    columns |= {f"stay_{u}": pa.array(stay * f, pa.duration(u))
                for u, f in (("s", 1), ("ms", 1000), ("us", 10**6), ("ns", 10**9))}
    cities = rng.choice(["Boston", "Albany", "Fresno"], rows)
    columns |= {
        "address": pa.StructArray.from_arrays(
            [pa.array([f"{n} Main St" for n in rng.integers(1, 999, rows)]),
             _dictionary(cities)], names=["street", "city"]),
        "codes": pa.array([["E11.9", "I10"][: int(k)] for k in rng.integers(0, 3, rows)],
                          pa.list_(pa.dictionary(pa.int8(), pa.string()))),
        "tags": pa.array([["a", "b"]] * rows, pa.large_list(pa.string())),
        "pair": pa.array([[1, 2]] * rows, pa.list_(pa.int32(), 2)),
        "attrs": pa.array([[("k", "v")]] * rows, pa.map_(pa.string(), pa.string())),
        "event_epoch": pa.array(later.astype("int64"), pa.int64()),
        "admit_serial": pa.array((admit.astype("datetime64[D]") - EXCEL_DAY0).astype("int64"),
                                 pa.int64()),
        "glucose": pa.array(rng.integers(60, 300, rows), pa.int64()),
    }
    return pa.table(columns)


def write_all_types(path: Path, rows: int = 400, seed: int = 3) -> Path:
    pq.write_table(all_types_table(rows, seed), path)
    return path


def first_year(table: pa.Table, column: str) -> int:
    """The year of the first value of a date column of `all_types_table`, as written."""
    value = table.column(column)[0].as_py()
    if column == "event_epoch":
        return dt.datetime.fromtimestamp(value, dt.UTC).year
    if column == "admit_serial":
        return (dt.date(1899, 12, 30) + dt.timedelta(days=value)).year
    return int(value.year)
