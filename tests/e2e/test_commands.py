"""The command line as a user meets it: help and docs for every command, init -> plan ->
apply with random codes that stay stable across runs, output format conversion."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pytest

from tests.e2e.cli import run_cli
from veil.cli import app, generate_app
from veil.synth.patients import write_patients

DOCS = Path(__file__).parents[2] / "docs" / "commands.md"


def _commands() -> list[str]:
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in
             app.registered_commands]
    names += [f"generate {c.name}" for c in generate_app.registered_commands]
    return names


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_and_docs(command: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_cli(capsys, *command.split(), "--help")
    assert outcome.code == 0
    assert len(outcome.stdout.strip()) > 80
    assert re.search(rf"^## veil {command}$", DOCS.read_text(), re.MULTILINE), command


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cmd") / "visits.csv"
    write_patients(path, 400, seed=5)
    return path


def test_init_plan_apply_with_pseudonyms(small: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    policy = tmp_path / "policy.yaml"
    assert run_cli(capsys, "init", str(small), "-o", str(policy),
                   "--reference-date", "2026-01-01").code == 0
    text = policy.read_text()
    assert '"mrn": {action: drop' in text
    policy.write_text(text.replace('"mrn": {action: drop',
                                   '"mrn": {action: pseudonym, scope: study-1'))
    outcome = run_cli(capsys, "plan", str(small), "--policy", str(policy))
    assert outcome.code == 0
    assert "pseudonym" in outcome.stdout
    keys = tmp_path / "keys" / "codes.parquet"
    runs = []
    for name in ("first", "second"):
        out = tmp_path / name
        outcome = run_cli(capsys, "apply", str(small), "--policy", str(policy), "-o", str(out),
                          "--key-file", str(keys), "--format", "parquet")
        assert outcome.code == 0, outcome
        runs.append(pl.read_parquet(out / "visits.parquet"))
    codes = runs[0]["mrn"]
    assert codes.n_unique() == 400
    assert codes.str.contains(r"^[0-9A-HJKMNP-TV-Z]{10}$").all()
    assert codes.to_list() == runs[1]["mrn"].to_list()  # stable across batches
    original = pl.read_csv(small, infer_schema=False)["mrn"]
    assert not codes.is_in(original.implode()).any()
    report = (tmp_path / "first" / "report.json").read_text()
    assert "codes.parquet" in report  # where the key is held (not how)
    missing = run_cli(capsys, "apply", str(small), "--policy", str(policy),
                      "-o", str(tmp_path / "third"))
    assert missing.code == 2
    assert "needs a key store" in missing.stderr


def test_existing_output_is_not_overwritten(small: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("precious")
    outcome = run_cli(capsys, "deidentify", str(small), "-o", str(out))
    assert outcome.code == 2
    assert "--overwrite" in outcome.stderr
    assert (out / "keep.txt").read_text() == "precious"
    assert run_cli(capsys, "deidentify", str(small), "-o", str(out), "--overwrite").code == 0
    assert not (out / "keep.txt").exists()


def test_scan_json_and_generate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.jsonl"
    assert run_cli(capsys, "generate", "patients", "--rows", "50", "-o", str(path)).code == 0
    outcome = run_cli(capsys, "scan", str(path), "--json")
    assert outcome.code == 0
    assert '"kind": "ssn"' in outcome.stdout
