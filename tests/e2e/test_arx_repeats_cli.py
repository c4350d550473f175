"""ARX hierarchy files that repeat a row exactly: `veil risk` and `veil anonymize` accept
them and show the note (counts and a line number, never a value) in the terminal or the
report; a value with two different rows stays an error (exit 2, one line)."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from tests.e2e.cli import run_cli

SECRET = "Zq-secret-ward"  # a hierarchy value that must never appear in a note
WARDS = [SECRET, "north", "south", "east"]
NOTE = ("hierarchy file ward.csv: 2 rows repeat an earlier row exactly (first on line 3); "
        "each value is read once")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "visits.csv"
    pl.DataFrame({
        "ward": [WARDS[i % 4] for i in range(40)],
        "sex": ["F", "M"] * 20,
        "dx": [f"D{i % 3}" for i in range(40)],
    }).write_csv(path)
    return path


def _hierarchies(folder: Path, ward_rows: str) -> Path:
    folder.mkdir()
    (folder / "ward.csv").write_text(ward_rows, encoding="utf-8")
    (folder / "sex.csv").write_text("F;*\nM;*\n", encoding="utf-8")
    return folder


REPEATED = f"{SECRET};A;*\nnorth;A;*\n{SECRET};A;*\nsouth;B;*\neast;B;*\nsouth;B;*\n"


def test_risk_prints_the_note_on_stderr(data: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    folder = _hierarchies(tmp_path / "h", REPEATED)
    outcome = run_cli(capsys, "risk", str(data), "--qi", "ward,sex", "--sensitive", "dx",
                      "--hierarchies", str(folder), "--json")
    assert outcome.code == 0, outcome
    json.loads(outcome.stdout)  # the note stays off stdout
    assert outcome.stderr.startswith(f"veil: note: {NOTE}")
    assert outcome.stderr.count("veil: note:") == 1  # sex.csv has no repeats
    assert SECRET not in outcome.stderr


def test_anonymize_shows_the_note_in_the_report(data: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    folder = _hierarchies(tmp_path / "h", REPEATED)
    out = tmp_path / "out"
    outcome = run_cli(capsys, "anonymize", str(data), "-o", str(out), "--qi", "ward,sex",
                      "--hierarchies", str(folder), "--k", "5", "--keep", "dx", "--json")
    assert outcome.code == 0, outcome
    record = json.loads((out / "anonymization.json").read_text(encoding="utf-8"))
    (note,) = record["hierarchies"]["ward"]["notes"]
    assert note.startswith(NOTE)
    assert "notes" not in record["hierarchies"]["sex"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["parameters"]["hierarchies"]["ward"]["notes"] == [note]
    report = (out / "report.html").read_text(encoding="utf-8")
    assert f"(note: {NOTE}" in report
    assert SECRET not in json.dumps(record) and SECRET not in report


def test_conflicting_rows_stay_an_error(data: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    folder = _hierarchies(tmp_path / "h", f"{SECRET};A;*\nnorth;A;*\n{SECRET};B;*\n"
                                          "south;B;*\neast;B;*\n")
    for command in (["risk", str(data), "--qi", "ward,sex"],
                    ["anonymize", str(data), "-o", str(tmp_path / "out"), "--qi", "ward,sex",
                     "--k", "5", "--keep", "dx"]):
        outcome = run_cli(capsys, *command, "--hierarchies", str(folder))
        assert outcome.code == 2, outcome
        assert "line 3: the value in column 1 already appears on line 1 with different " \
               "generalizations" in outcome.stderr
        assert outcome.stderr.count("\n") <= 2 and SECRET not in outcome.stderr
    assert not (tmp_path / "out").exists()
