"""The thin wrappers behind `import veil` (veil.workflow): a path or an InputSpec, a policy
as a value, a file, a proposal or a loaded policy, an engine by name; typed results."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

import veil

POLICY = """version: 1
profile: safe-harbor
reference_date: 2026-01-01
columns:
  name: {action: drop}
  zip: {action: zip3}
  age: {action: top_code}
"""


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("workflow") / "small.csv"
    pl.DataFrame({"name": ["Ann Lee", "Bo Diaz", "Cy Park", "Di Wu"] * 5,
                  "zip": ["02139", "10001", "60614", "94110"] * 5,
                  "age": [34, 91, 57, 12] * 5}).write_csv(path)
    return path


def test_policy_in_every_form_gives_the_same_release(data: Path, tmp_path: Path) -> None:
    (tmp_path / "policy.yaml").write_text(POLICY, encoding="utf-8")
    loaded = veil.load_policy(tmp_path / "policy.yaml")
    forms = {"file": tmp_path / "policy.yaml", "loaded": loaded, "value": loaded.policy}
    outputs = {}
    for name, policy in forms.items():
        run = veil.apply_policy(str(data), policy, tmp_path / name, engine="polars",
                                with_risk=False)
        assert isinstance(run.report, veil.DeidentificationReport)
        assert run.report.summary.columns_dropped == 1
        outputs[name] = run.data_file.read_bytes()
    assert len(set(outputs.values())) == 1
    assert (tmp_path / "file" / "policy.yaml").read_text(encoding="utf-8") == POLICY


def test_proposal_and_input_spec(data: Path, tmp_path: Path) -> None:
    spec = veil.InputSpec(data, veil.Format.CSV, ",")
    scan = veil.scan_file(spec)
    proposal = veil.propose_policy(scan, reference_date=dt.date(2026, 1, 1))
    run = veil.apply_policy(spec, proposal, tmp_path / "out", with_risk=False)
    assert run.report.columns[0].reason == proposal.reasons[run.report.columns[0].input]
    assert veil.verify_file(run.data_file).passed


def test_wrong_inputs_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(veil.UsageError, match="a path or an InputSpec"):
        veil.scan_file(pl.DataFrame({"a": [1]}))  # type: ignore[arg-type]
    with pytest.raises(veil.EngineError, match="unknown engine"):
        veil.verify_file(tmp_path / "x.csv", engine="duckdb")
