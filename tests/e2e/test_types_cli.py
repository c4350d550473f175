"""The CLI on files shaped unlike the generator's: a pandas-style Parquet with
categories (ordered and not), every Arrow temporal type, nested columns and dates
stored as numbers; a CSV whose dates are epoch seconds, spreadsheet serials and
yyyymmdd digit strings beside an ordinary date column."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import polars as pl
import pytest

from tests.arrow_types import (
    CATEGORY_COLUMNS,
    DATE_COLUMNS,
    DURATION_COLUMNS,
    NESTED_COLUMNS,
    TIME_COLUMNS,
    all_types_table,
    first_year,
    write_all_types,
)
from tests.e2e.cli import run_cli

REFERENCE = "2026-01-01"
BOUNDARY = 1936  # years before reference year - 89 are aggregated


@pytest.fixture(scope="module")
def all_types(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_all_types(tmp_path_factory.mktemp("types") / "extract.parquet", rows=500)


def test_deidentify_reads_every_type(all_types: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    done = run_cli(capsys, "deidentify", str(all_types), "--profile", "safe-harbor",
                   "--reference-date", REFERENCE, "-o", str(out))
    assert done.code == 0, done.stderr
    assert "internal error" not in done.stderr
    result = pl.read_parquet(out / "extract.parquet")
    assert result.height == 500
    assert not any(isinstance(t, pl.Categorical | pl.Enum) for t in result.schema.dtypes())
    table = all_types_table(rows=500)
    for name in DATE_COLUMNS:  # typed of every unit and zone, and numeric: the year
        assert result.schema[name] == pl.Int32, name
        assert result[name].null_count() == 0, name
        assert result[name][0] == max(first_year(table, name), BOUNDARY), name
        assert result[name].min() >= BOUNDARY  # type: ignore[operator]
    assert set(NESTED_COLUMNS).isdisjoint(result.columns)  # not inspected: dropped
    assert set(result["zip"].unique().to_list()) <= {"021", "100", "941", "000"}
    assert "03601" not in result["zip"].to_list()
    report = json.loads((out / "report.json").read_text())
    assert report["columns"]
    reported = {c["input"] for c in report["columns"]}
    assert {*TIME_COLUMNS, *DURATION_COLUMNS, *CATEGORY_COLUMNS} <= reported


def test_scan_risk_init_and_apply_read_every_type(all_types: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    scanned = run_cli(capsys, "scan", str(all_types), "--json")
    assert scanned.code == 0, scanned.stderr
    kinds = {c["column"]: c for c in json.loads(scanned.stdout)["columns"]}
    assert kinds["event_epoch"]["date_encoding"] == "epoch_s"
    assert kinds["admit_serial"]["date_encoding"] == "excel_serial"
    assert kinds["birth_d32"]["date_encoding"] is None
    quasi = "sex,race,birth_d32,admit_ms_ny,result_ns_utc,clock_ns,stay_us,codes,address.city,pair"
    risk = run_cli(capsys, "risk", str(all_types), "--qi", quasi, "--sensitive", "diagnosis",
                   "--json")
    assert risk.code == 0, risk.stderr
    assert json.loads(risk.stdout)
    policy = tmp_path / "policy.yaml"
    made = run_cli(capsys, "init", str(all_types), "-o", str(policy),
                   "--reference-date", REFERENCE)
    assert made.code == 0, made.stderr
    text = policy.read_text()
    assert "encoding: epoch_s" in text and "encoding: excel_serial" in text
    applied = run_cli(capsys, "apply", str(all_types), "--policy", str(policy),
                      "-o", str(tmp_path / "applied"))
    assert applied.code == 0, applied.stderr
    result = pl.read_parquet(tmp_path / "applied" / "extract.parquet")
    assert result["event_epoch"].dtype == pl.Int32


def test_a_policy_masking_a_duration_is_refused_cleanly(all_types: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    policy = tmp_path / "policy.yaml"
    assert run_cli(capsys, "init", str(all_types), "-o", str(policy)).code == 0
    lines = [("  \"stay_s\": {action: mask}" if line.startswith('  "stay_s":') else line)
             for line in policy.read_text().splitlines()]
    policy.write_text("\n".join(lines) + "\n")
    done = run_cli(capsys, "apply", str(all_types), "--policy", str(policy),
                   "-o", str(tmp_path / "out"))
    assert done.code == 2, done.stderr
    assert "stay_s" in done.stderr and "internal error" not in done.stderr
    assert not (tmp_path / "out").exists()


def _numeric_dates_csv(path: Path, rows: int = 300) -> dict[str, list[int]]:
    """Columns c1..c5 with meaningless names: c1 an ordinary date, c2-c4 the discharge
    as epoch seconds, a spreadsheet serial and yyyymmdd, c5 a lab value; all CSV text."""
    rnd = random.Random(4)
    admit = [dt.datetime(2016, 1, 1, tzinfo=dt.UTC)
             + dt.timedelta(seconds=rnd.randrange(8 * 365 * 86_400)) for _ in range(rows)]
    out = [a + dt.timedelta(days=rnd.randrange(0, 20), hours=rnd.randrange(24)) for a in admit]
    frame = pl.DataFrame({
        "c1": [a.strftime("%m/%d/%Y") for a in admit],
        "c2": [str(int(o.timestamp())) for o in out],
        "c3": [str((o.date() - dt.date(1899, 12, 30)).days) for o in out],
        "c4": [o.strftime("%Y%m%d") for o in out],
        "c5": [str(rnd.randrange(60, 300)) for _ in range(rows)],
    })
    frame.write_csv(path)
    return {"years": [o.year for o in out]}


def test_csv_dates_stored_as_numbers_leave_as_years(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "visits.csv"
    expected = _numeric_dates_csv(source)
    out = tmp_path / "out"
    done = run_cli(capsys, "deidentify", str(source), "--profile", "safe-harbor",
                   "--reference-date", REFERENCE, "-o", str(out))
    assert done.code == 0, done.stderr
    result = pl.read_csv(out / "visits.csv", infer_schema=False)
    for name in ("c2", "c3", "c4"):
        assert result[name].cast(pl.Int64).to_list() == expected["years"], name
    kinds = {c["input"]: c["kind"] for c in json.loads((out / "report.json").read_text())[
        "columns"]}
    assert kinds["c1"] == kinds["c2"] == kinds["c3"] == kinds["c4"] == "date"
    assert kinds["c5"] != "date"  # a lab value is no date
    assert result["c5"].to_list() != [str(y) for y in expected["years"]]
