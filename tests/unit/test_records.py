"""The record models (veil.records): written files validate, and validating the data the
writers build gives back exactly the JSON they always wrote."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from pydantic import ValidationError

from veil.actions.keystore import LocalKeyStore
from veil.actions.secrets import Secret
from veil.pipeline import (
    ApplyOptions,
    InputSpec,
    Keys,
    LoadedPolicy,
    RunResult,
    apply_policy,
    deidentify,
)
from veil.policy.models import Policy
from veil.records import DeidentificationReport, ManifestRecord, RiskRecord, VerificationRecord
from veil.risk import assess
from veil.synth.patients import write_patients
from veil.verify import verify_frame

REFERENCE = dt.date(2026, 1, 1)


def _legacy(data: dict[str, Any]) -> str:
    """The writers' JSON before the records existed."""
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"


@pytest.fixture(scope="module")
def patients(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("records") / "patients.csv"
    write_patients(path, 400, seed=3)
    return path


@pytest.fixture(scope="module")
def runs(patients: Path, tmp_path_factory: pytest.TempPathFactory) -> list[RunResult]:
    root = tmp_path_factory.mktemp("runs")
    keys = Keys(Secret(b"records-test-secret-0123456789", "test"),
                LocalKeyStore(root / "codes.key"))
    first = deidentify(InputSpec(patients), root / "a", reference_date=REFERENCE, keys=keys)
    policy = Policy(profile="safe-harbor", reference_date=REFERENCE, columns={
        name: {"action": "keep"} if name in ("sex", "race") else  # type: ignore[misc]
        {"action": "pseudonym"} if name == "mrn" else {"action": "drop"}
        for name in pl.read_csv(patients, n_rows=1).columns})
    second = apply_policy(InputSpec(patients), LoadedPolicy(policy, "# test\n"), root / "b",
                          options=ApplyOptions(keys=keys, with_risk=False))
    return [first, second]


def test_written_report_and_manifest_are_the_validated_records(runs: list[RunResult]) -> None:
    for run in runs:
        written = (run.outdir / "report.json").read_text(encoding="utf-8")
        assert written == _legacy(run.report)
        assert DeidentificationReport.from_json(written).to_json() == written
        manifest = (run.outdir / "manifest.json").read_text(encoding="utf-8")
        assert manifest == _legacy(run.manifest)
        assert ManifestRecord.from_json(manifest).to_json() == manifest


def test_optional_blocks_stay_absent(runs: list[RunResult]) -> None:
    with_risk, without = (DeidentificationReport.model_validate(r.report) for r in runs)
    assert with_risk.risk is not None and with_risk.risk.records == 400
    assert "risk" not in runs[1].report and "risk" not in without.to_data()
    assert without.verification.passed


def test_report_refuses_unknown_and_mistyped_fields(runs: list[RunResult]) -> None:
    report = dict(runs[0].report)
    with pytest.raises(ValidationError, match="extra"):
        DeidentificationReport.model_validate(report | {"surprise": 1})
    with pytest.raises(ValidationError):
        DeidentificationReport.model_validate(report | {"summary": {"violations": "none"}})
    without = {k: v for k, v in report.items() if k != "verification"}
    with pytest.raises(ValidationError, match="verification"):
        DeidentificationReport.model_validate(without)


def test_records_are_frozen(runs: list[RunResult]) -> None:
    report = DeidentificationReport.model_validate(runs[0].report)
    with pytest.raises(ValidationError):
        report.title = "changed"  # type: ignore[misc]


def test_risk_and_verification_dicts_round_trip() -> None:
    frame = pl.DataFrame({"age": [30, 30, 41, 41, 41, 52], "sex": list("FFMMFF"),
                          "dx": ["a", "b", "a", "a", "c", "b"]})
    risk = assess(frame, quasi=["age", "sex"], sensitive=["dx"], pairs=True).to_dict()
    record = RiskRecord.model_validate(risk)
    assert record.to_json() == _legacy(risk)
    assert record.sensitive[0].attribute == "dx"
    found = verify_frame(frame.lazy(), source="t.csv")
    for rows in (False, True):
        data = found.to_dict(rows=rows)
        assert VerificationRecord.model_validate(data).to_json() == _legacy(data)
        assert found.record(rows=rows).to_data() == data
    assessed = assess(frame, quasi=["age", "sex"], sensitive=["dx"])
    assert assessed.record().smallest_class == assessed.classes.smallest


def test_dp_release_record_is_what_the_writer_writes(patients: Path, tmp_path: Path) -> None:
    from veil.dp.spec import ReleaseSpec
    from veil.records import DPReleaseRecord
    from veil.workflow import release_dp

    spec = ReleaseSpec.model_validate({
        "dataset": "records-test", "privacy_unit": {"column": "mrn", "max_contributions": 1},
        "budget": {"epsilon": 1.0}, "release": {"epsilon": 0.5},
        "queries": [{"name": "by_sex", "kind": "count_by", "by": ["sex"],
                     "domain": {"sex": ["F", "M", "U"]}}]})
    outcome = release_dp(patients, spec, tmp_path / "dp", preview=True)
    written = (tmp_path / "dp" / "preview.json").read_text(encoding="utf-8")
    assert written == json.dumps(outcome.record, indent=2, ensure_ascii=False) + "\n"
    assert outcome.typed.to_json() == written
    assert outcome.typed.guarantee.unit_of_privacy.column == "mrn"
    assert DPReleaseRecord.from_json(written).truncated_rows == 0
    manifest = (tmp_path / "dp" / "manifest.json").read_text(encoding="utf-8")
    assert ManifestRecord.from_json(manifest).to_json(ascii_only=True) == manifest


def test_anonymization_record_reads_what_veil_anonymize_writes(
        runs: list[RunResult], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.e2e.cli import run_cli
    from veil.records import AnonymizationRecord

    release = runs[0].data_file
    kept = pl.read_csv(release, n_rows=1, infer_schema=False).columns
    drop = [c for c in kept if c not in ("sex", "age", "zip", "race")]
    outcome = run_cli(capsys, "anonymize", str(release), "-o", str(tmp_path / "anon"),
                      "--qi", "sex,age,zip", "--hierarchy", "sex=auto", "--hierarchy",
                      "age=auto", "--hierarchy", "zip=auto", "--k", "3", "--suppression",
                      "0.05", "--keep", "race", "--drop", ",".join(drop))
    assert outcome.code == 0, outcome.stderr
    written = (tmp_path / "anon" / "anonymization.json").read_text(encoding="utf-8")
    record = AnonymizationRecord.from_json(written)
    assert record.to_json() == written
    assert record.risk_after.smallest_class >= 3 and record.levels.keys() == {"sex", "age", "zip"}
