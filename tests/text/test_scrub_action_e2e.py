"""End to end: `veil deidentify` keeps a notes column scrubbed under Safe Harbor and the
verification pass agrees; a residual left in a note fails `veil apply` (exit 3)."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from tests.e2e.cli import run_cli
from veil.synth.notes import generate_notes

REFERENCE = "2026-01-01"


@pytest.fixture(scope="module")
def visits(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A visits table: structured identifiers and a long clinical note per row; and the
    identifiers the notes hold (to check none is written anywhere)."""
    notes, table = generate_notes(40, seed=21)
    rows = {r["patient_id"]: r for r in table.to_dicts()}
    frame = pl.DataFrame({
        "mrn": [rows[n.patient_id]["mrn"] for n in notes],
        "last_name": [rows[n.patient_id]["last_name"] for n in notes],
        "visit_type": ["inpatient" if i % 3 else "outpatient" for i in range(len(notes))],
        "note": [n.text for n in notes],
    })
    path = tmp_path_factory.mktemp("data") / "visits.csv"
    frame.write_csv(path)
    values = sorted({n.text[s.start:s.end] for n in notes for s in n.spans
                     if s.type in ("SSN", "PHONE", "MRN", "EMAIL", "VIN")})
    return path, values


def test_deidentify_keeps_scrubbed_notes_and_passes_verification(
        visits: tuple[Path, list[str]], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path, values = visits
    out = tmp_path / "out"
    outcome = run_cli(capsys, "deidentify", str(path), "--profile", "safe-harbor",
                      "--reference-date", REFERENCE, "-o", str(out))
    assert outcome.code == 0, outcome.stderr
    policy = (out / "policy.yaml").read_text()
    assert "note: {action: scrub" in policy or "action: scrub" in policy
    data = pl.read_csv(out / "visits.csv", infer_schema=False)
    notes = data.get_column("note")
    assert notes.null_count() == 0 and not notes.str.contains(r"^\[REDACTED\]$").any()
    assert notes.str.contains(r"\[NAME").all()  # scrubbed, not dropped or redacted
    written = "\n".join(notes.to_list())
    leaked = [v for v in values if v in written]
    assert leaked == [], f"{len(leaked)} identifier values survived"
    report = json.loads((out / "report.json").read_text())
    assert report["verification"]["passed"] is True
    assert any("recall" in w and "not zero" in w for w in report["warnings"])
    for name in ("report.json", "report.html", "policy.yaml", "manifest.json"):
        text = (out / name).read_text()
        assert not [v for v in values if v in text], name


def test_a_residual_in_a_scrubbed_note_fails_apply(
        visits: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A scrubber that misses (here: one that changes nothing) leaves identifiers in the
    note column; the verification pass runs the recognizers again and fails the run."""
    import veil.actions.scrub as scrub_action

    class Missing:
        def scrub_batch(self, texts, known=None, patient_keys=None):  # type: ignore[no-untyped-def]
            return list(texts)

    monkeypatch.setattr(scrub_action, "scrubber_for", lambda *args: Missing())
    path, values = visits
    policy = tmp_path / "policy.yaml"
    policy.write_text("version: 1\nprofile: safe-harbor\nreference_date: 2026-01-01\ncolumns:\n"
                      "  mrn: {action: drop}\n  last_name: {action: drop}\n"
                      "  visit_type: {action: keep}\n  note: {action: scrub}\n")
    out = tmp_path / "out"
    outcome = run_cli(capsys, "apply", str(path), "--policy", str(policy), "-o", str(out))
    assert outcome.code == 3, outcome.stderr
    assert not out.exists()
    assert "note" in outcome.stderr
    assert not [v for v in values if v in outcome.stderr + outcome.stdout]
    owner = json.loads((tmp_path / "out.rejected-verification.json").read_text())
    assert owner["passed"] is False
    assert {r["column"] for r in owner["residuals"]} == {"note"}
    assert {r["detector"] for r in owner["residuals"]} >= {"text_name", "text_date"}
