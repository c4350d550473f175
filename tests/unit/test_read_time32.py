"""Arrow time32 columns (seconds or milliseconds, top level or nested) are read with
their values: Polars' own Parquet reader returns nulls for them, so veil reads such
files through pyarrow, casting time32 to time64."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from veil.io.read import open_dataset


def test_time32_values_are_read(tmp_path: Path) -> None:
    times = [dt.time(9, 30), None, dt.time(23, 59, 58)] * 40
    table = pa.table({
        "clinic_open": pa.array(times, type=pa.time32("s")),
        "dose_at": pa.array([dt.time(6, 0, 0, 250_000), dt.time(18, 0), None] * 40,
                            type=pa.time32("ms")),
        "shift": pa.array([{"start": t} for t in times],
                          type=pa.struct([("start", pa.time32("s"))])),
        "ward": pa.array(["4N", "ICU", "ED"] * 40).dictionary_encode(),
    })
    path = tmp_path / "times.parquet"
    pq.write_table(table, path)
    frame = open_dataset(path).frame.collect()
    assert frame["clinic_open"].to_list() == times
    assert frame["dose_at"].to_list()[:3] == [dt.time(6, 0, 0, 250_000), dt.time(18, 0), None]
    assert frame["shift.start"].to_list() == times
    assert frame["ward"].to_list()[:3] == ["4N", "ICU", "ED"]
