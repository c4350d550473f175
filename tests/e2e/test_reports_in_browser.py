"""Reports opened in a real browser (headless Debian chromium): the page loads from the file
alone, its charts are in the DOM Chromium builds, and a screenshot is drawn.

Chromium is found as `chromium` (Debian's package), else `chromium-browser`, on PATH: the
same check `make test` makes before installing the package. Without it these tests are
skipped on a developer's machine and fail in CI (tests/system.py).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from tests.e2e.cli import run_cli
from tests.system import require

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NO_CHROMIUM = ("chromium is not installed (neither chromium nor chromium-browser is on PATH): "
               "`make test` installs Debian's chromium as root, or apt-get install chromium")


@pytest.fixture(autouse=True)
def _chromium_present() -> None:
    require(CHROMIUM is not None, NO_CHROMIUM)


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-extensions", *args],
        capture_output=True, text=True, timeout=120, check=False)


def _open(page: Path, tmp_path: Path) -> str:
    """The DOM Chromium built from `page`, after checking it also draws a screenshot."""
    shot = tmp_path / f"{page.stem}.png"
    drawn = _chromium("--window-size=1200,2000", f"--screenshot={shot}", page.as_uri())
    assert shot.exists() and shot.stat().st_size > 20_000, drawn.stderr[-2000:]
    dom = _chromium("--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    return dom.stdout


@pytest.fixture(scope="module")
def admissions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = np.random.default_rng(5)
    n = 4000
    path = tmp_path_factory.mktemp("browser") / "admissions.csv"
    pl.DataFrame({
        "patient_id": [f"P{i % 1500:05d}" for i in range(n)],
        "sex": rng.choice(["F", "M"], n).tolist(),
        "age_band": rng.choice(["0-17", "18-64", "65+"], n).tolist(),
        "diagnosis": rng.choice(["I10", "E11", "J45", "<b>x&y</b>"], n).tolist(),
        "stay": rng.uniform(0, 20, n).round(1).tolist(),
    }).write_csv(path)
    return path


def test_dp_report_and_preview(admissions: Path, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "release.yaml"
    spec.write_text(
        "dataset: admissions\n"
        "privacy_unit: {column: patient_id, max_contributions: 3}\n"
        "budget: {epsilon: 4.0}\nrelease: {epsilon: 1.0}\nmax_rows: 1000000\n"
        "queries:\n"
        "  - {name: by_dx, kind: count_by, by: [diagnosis],\n"
        "     domain: {diagnosis: [I10, E11, J45, '<b>x&y</b>']}}\n"
        "  - {name: stay_by_sex, kind: mean, column: stay, bounds: [0, 20], by: [sex],\n"
        "     domain: {sex: [F, M]}}\n")
    ledger = f"sqlite:///{tmp_path / 'ledger.db'}"
    assert run_cli(capsys, "ledger", "init", "--ledger", ledger).code == 0
    assert run_cli(capsys, "ledger", "register", "admissions", str(admissions), "--unit",
                   "patient_id", "--epsilon", "4", "--ledger", ledger).code == 0
    for out, extra in (("release", []), ("preview", ["--preview"])):
        outcome = run_cli(capsys, "dp", str(admissions), "--spec", str(spec), "-o",
                          str(tmp_path / out), "--ledger", ledger, *extra)
        assert outcome.code == 0, outcome
    dom = _open(tmp_path / "release" / "report.html", tmp_path)
    assert "Differential privacy release" in dom and dom.count("<svg") >= 2
    assert "&lt;b&gt;x&amp;y&lt;/b&gt;" in dom and "<b>x&y</b>" not in dom
    preview = _open(tmp_path / "preview" / "preview.html", tmp_path)
    assert "NOT FOR RELEASE" in preview


def test_risk_report(admissions: Path, tmp_path: Path,
                     capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "risk.html"
    outcome = run_cli(capsys, "risk", str(admissions), "--qi", "sex,age_band",
                      "--sensitive", "diagnosis", "--html", str(page))
    assert outcome.code == 0, outcome
    dom = _open(page, tmp_path)
    assert "<svg" in dom and "P00001" not in dom
