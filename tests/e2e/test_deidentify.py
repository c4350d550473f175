"""End to end on generated data: every planted identifier is gone, the Safe Harbor
shape rules hold, the scanner finds identifiers without headers, runs are reproducible."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from tests.e2e.cli import run_cli
from tests.e2e.leaks import surviving_identifiers
from veil.actions.zip3 import restricted_prefixes
from veil.categories import Kind, Role, role_of
from veil.pipeline import InputSpec, deidentify
from veil.policy.models import ZipSettings
from veil.scan import scan_frame
from veil.synth.patients import PLANTED, write_patients

REFERENCE = "2026-01-01"


@pytest.fixture(scope="module")
def patients(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("data") / "patients.parquet"
    write_patients(path, 100_000, seed=11)
    return path


@pytest.fixture(scope="module")
def deidentified(patients: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    import datetime as dt

    out = tmp_path_factory.mktemp("run") / "out"
    deidentify(InputSpec(patients), out, reference_date=dt.date.fromisoformat(REFERENCE))
    return out


def test_no_planted_identifier_survives(patients: Path, deidentified: Path) -> None:
    source = pl.read_parquet(patients)
    output = pl.read_parquet(deidentified / "patients.parquet")
    assert output.height == source.height == 100_000
    assert surviving_identifiers(source, output) == []


def test_safe_harbor_shapes_hold(patients: Path, deidentified: Path) -> None:
    output = pl.read_parquet(deidentified / "patients.parquet")
    source = pl.read_parquet(patients)
    ages = output.get_column("age").drop_nulls()
    assert ages.is_in([str(a) for a in range(90)] + ["90+"]).all()
    assert (ages == "90+").sum() == (source.get_column("age") >= 90).sum()
    for column in ("birth_date", "admission_date", "discharge_date", "death_date",
                   "lab_collected_at"):
        years = output.get_column(column)
        assert years.dtype == pl.Int32, column
        assert years.drop_nulls().is_between(1936, 2026).all(), column
    zips = output.get_column("zip").drop_nulls()
    assert zips.str.contains(r"^\d{3}$").all()
    restricted = sorted(restricted_prefixes(ZipSettings()))
    planted_restricted = source.get_column("zip").str.slice(0, 3).is_in(restricted)
    assert planted_restricted.sum() > 0
    assert (zips == "000").sum() >= planted_restricted.sum()
    assert not zips.is_in(restricted).any()
    # free text is scrubbed under Safe Harbor (issue 14), neither dropped nor redacted
    notes, planted = output.get_column("note"), source.get_column("note")
    assert notes.null_count() == planted.null_count()
    assert notes.drop_nulls().str.contains(r"\[(NAME|MRN|DATE)").mean() > 0.9


def test_report_and_manifest(deidentified: Path) -> None:
    report = json.loads((deidentified / "report.json").read_text())
    statuses = {row["category"]: row["status"] for row in report["checklist"]}
    assert len(statuses) == 18
    assert all(s in {"removed", "transformed"} for c, s in statuses.items() if c != "R")
    manifest = json.loads((deidentified / "manifest.json").read_text())
    assert {o["file"] for o in manifest["outputs"]} == {
        "patients.parquet", "policy.yaml", "report.json", "report.html"}
    assert manifest["parameters"]["reference_date"] == REFERENCE
    html = (deidentified / "report.html").read_text()
    assert "http://" not in html
    assert "https://" not in html


def test_report_holds_no_input_value(patients: Path, deidentified: Path) -> None:
    source = pl.read_parquet(patients).head(5_000)
    words = set()
    for column, kind in PLANTED.items():
        if role_of(kind) is Role.DIRECT and kind not in {Kind.AGE}:
            words |= {v for v in source.get_column(column).cast(pl.String).drop_nulls().to_list()
                      if len(v) >= 6}
    patterns = sorted(words)
    for name in ("report.json", "report.html", "manifest.json", "policy.yaml"):
        text = pl.Series([(deidentified / name).read_text()])
        # Aho-Corasick over every identifier value at once
        assert not text.str.contains_any(patterns).item(), name


def test_scanner_finds_every_identifier_without_headers(patients: Path) -> None:
    frame = pl.read_parquet(patients).head(10_000)
    renamed = frame.rename({c: f"c{i}" for i, c in enumerate(frame.columns)})
    found = scan_frame(renamed)
    for i, (column, kind) in enumerate(PLANTED.items()):
        finding = found.finding(f"c{i}")
        if role_of(kind) is Role.DIRECT:
            assert finding.role is Role.DIRECT, (column, finding.kind)


def test_renamed_headers_still_leave_nothing(patients: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    frame = pl.read_parquet(patients).head(5_000)
    mapping = {c: f"x{i}" for i, c in enumerate(frame.columns)}
    source = tmp_path / "renamed.csv"
    frame.rename(mapping).write_csv(source)
    out = tmp_path / "out"
    outcome = run_cli(capsys, "deidentify", str(source), "-o", str(out),
                      "--reference-date", REFERENCE)
    assert outcome.code == 0, outcome
    output = pl.read_csv(out / "renamed.csv", infer_schema=False)
    assert surviving_identifiers(frame.rename(mapping), output, rename=mapping) == []
    age_column = mapping["age"]
    assert output.get_column(age_column).drop_nulls().is_in(
        [str(a) for a in range(90)] + ["90+"]).all()


def test_same_input_gives_byte_identical_output(patients: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    small = tmp_path / "small.csv"
    pl.read_parquet(patients).head(3_000).write_csv(small)
    secret = tmp_path / "secret.key"
    secret.write_bytes(b"0123456789abcdef-test-secret")
    policy = tmp_path / "policy.yaml"
    assert run_cli(capsys, "init", str(small), "-o", str(policy),
                   "--reference-date", REFERENCE).code == 0
    text = policy.read_text().replace('"first_name": {action: drop',
                                      '"first_name": {action: fake, provider: first_name')
    policy.write_text(text)
    digests = []
    for run in ("a", "b"):
        out = tmp_path / run
        outcome = run_cli(capsys, "apply", str(small), "--policy", str(policy), "-o", str(out),
                          "--secret-file", str(secret))
        assert outcome.code == 0, outcome
        digests.append((out / "small.csv").read_bytes())
    assert digests[0] == digests[1]
    names = pl.read_csv(tmp_path / "a" / "small.csv", infer_schema=False)["first_name"]
    original = pl.read_csv(small, infer_schema=False)["first_name"]
    assert not names.is_in(original.implode()).all()
