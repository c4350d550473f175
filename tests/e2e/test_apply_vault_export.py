"""`veil apply|deidentify --vault`: once the release is written, the vault's audit log records
its export (actor, scope, purpose, counts), once; a run that fails records no export."""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from tests.e2e.cli import run_cli
from veil.errors import UsageError

POLICY = """\
version: 1
profile: safe-harbor
reference_date: 2026-01-01
columns:
  "mrn": {action: pseudonym, category: H, scope: study-7}
  "visit": {action: keep, reviewed: true}
"""
# a policy that does not cover the column "visit": refused before anything is written
INCOMPLETE = """\
version: 1
profile: safe-harbor
reference_date: 2026-01-01
columns:
  "mrn": {action: pseudonym, category: H, scope: study-7}
"""


@pytest.fixture
def vault(tmp_path: Path, capsys: pytest.CaptureFixture[str],
          monkeypatch: pytest.MonkeyPatch) -> tuple[str, Path]:
    """A SQLite vault with scopes study-7 and study-8: its URL and key file."""
    monkeypatch.delenv("VEIL_MASTER_KEY", raising=False)
    url = f"sqlite:///{tmp_path / 'vault.db'}"
    key = tmp_path / "master.key"
    assert run_cli(capsys, "vault", "init", "--vault", url, "--key-file", str(key)).code == 0
    for scope in ("study-7", "study-8"):
        assert run_cli(capsys, "vault", "scope", "add", scope, "--vault", url,
                       "--key-file", str(key)).code == 0
    return url, key


def _data(path: Path, rows: int = 5) -> Path:
    pl.DataFrame({"mrn": [f"MRN-{i % 4}" for i in range(rows)],
                  "visit": [f"v{i}" for i in range(rows)]}).write_csv(path)
    return path


def _policy(tmp: Path, text: str) -> Path:
    path = tmp / "policy.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _audit(capsys: pytest.CaptureFixture[str], url: str, key: Path) -> list[dict[str, Any]]:
    outcome = run_cli(capsys, "vault", "audit", "--json", "--vault", url, "--key-file", str(key))
    assert outcome.code == 0, outcome
    entries: list[dict[str, Any]] = json.loads(outcome.stdout)
    return entries


def _actions(entries: list[dict[str, Any]]) -> list[str]:
    return [e["action"] for e in entries]


@pytest.mark.parametrize(("scope", "expected_scope"), [
    ([], "study-7"),  # the rule's scope
    (["--scope", "study-8"], "study-8"),  # --scope overrides it
])
def test_apply_records_one_export_after_writing(vault: tuple[str, Path], tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str],
                                                scope: list[str], expected_scope: str) -> None:
    url, key = vault
    out = tmp_path / "out"
    outcome = run_cli(capsys, "apply", str(_data(tmp_path / "visits.csv")), "--policy",
                      str(_policy(tmp_path, POLICY)), "-o", str(out), "--no-risk",
                      "--vault", url, "--vault-key-file", str(key), *scope,
                      "--purpose", "release R-12 to the registry")
    assert outcome.code == 0, outcome
    assert (out / "visits.csv").exists()
    entries = _audit(capsys, url, key)
    assert _actions(entries) == ["scope-add", "scope-add", "assign", "export"]
    export = entries[-1]
    assert export["scope"] == expected_scope == entries[-2]["scope"]
    assert export["purpose"] == "release R-12 to the registry"
    assert export["actor"] == getpass.getuser()
    assert export["counts"] == {"rows": 5, "columns": 2, "coded_columns": 1}
    assert export["outcome"] == "ok"
    assert "MRN-" not in json.dumps(entries)
    assert run_cli(capsys, "vault", "verify", "--vault", url, "--key-file", str(key)).code == 0


def test_deidentify_records_one_export(vault: tuple[str, Path], tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    url, key = vault
    outcome = run_cli(capsys, "deidentify", str(_data(tmp_path / "visits.csv", rows=7)), "-o",
                      str(tmp_path / "out"), "--no-risk", "--reference-date", "2026-01-01",
                      "--vault", url, "--vault-key-file", str(key), "--scope", "study-8")
    assert outcome.code == 0, outcome
    entries = _audit(capsys, url, key)
    assert _actions(entries).count("export") == 1
    export = entries[-1]
    assert export["action"] == "export" and export["scope"] == "study-8"
    assert export["purpose"] is None
    assert export["counts"]["rows"] == 7


def test_a_failed_run_records_no_export(vault: tuple[str, Path], tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    url, key = vault
    source = _data(tmp_path / "visits.csv")
    before = _audit(capsys, url, key)
    outcome = run_cli(capsys, "apply", str(source), "--policy",
                      str(_policy(tmp_path, INCOMPLETE)), "-o", str(tmp_path / "out"),
                      "--no-risk", "--vault", url, "--vault-key-file", str(key),
                      "--purpose", "never released")
    assert outcome.code == 2, outcome
    assert not (tmp_path / "out").exists()
    assert "export" not in _actions(_audit(capsys, url, key))
    assert _audit(capsys, url, key) == before
    # an output directory that is not empty: refused, nothing exported either
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "keep.txt").write_text("precious")
    outcome = run_cli(capsys, "apply", str(source), "--policy", str(_policy(tmp_path, POLICY)),
                      "-o", str(taken), "--no-risk", "--vault", url, "--vault-key-file",
                      str(key))
    assert outcome.code == 2, outcome
    assert "export" not in _actions(_audit(capsys, url, key))


def test_a_run_failing_after_its_assignments_records_no_export(
        vault: tuple[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    url, key = vault

    def broken(**_: object) -> None:
        raise UsageError("the report cannot be built")

    monkeypatch.setattr("veil.pipeline.build_report", broken)
    outcome = run_cli(capsys, "apply", str(_data(tmp_path / "visits.csv")), "--policy",
                      str(_policy(tmp_path, POLICY)), "-o", str(tmp_path / "out"),
                      "--no-risk", "--vault", url, "--vault-key-file", str(key))
    assert outcome.code == 2, outcome
    assert not (tmp_path / "out").exists()
    assert _actions(_audit(capsys, url, key)) == ["scope-add", "scope-add", "assign"]


def test_purpose_needs_the_vault(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_cli(capsys, "apply", str(_data(tmp_path / "visits.csv")), "--policy",
                      str(_policy(tmp_path, POLICY)), "-o", str(tmp_path / "out"),
                      "--key-file", str(tmp_path / "codes.parquet"), "--purpose", "x")
    assert outcome.code == 2, outcome
    assert "--purpose" in outcome.stderr and "--vault" in outcome.stderr
    assert not (tmp_path / "out").exists()
