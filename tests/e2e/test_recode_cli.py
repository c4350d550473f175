"""`veil recode`: Mondrian and microaggregation from the command line, fail closed."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from tests.e2e.cli import run_cli
from veil.risk import assess
from veil.synth.patients import write_patients

QI = ["sex", "age", "race", "state"]
NUMERIC = ["height_cm", "weight_kg"]


@pytest.fixture(scope="module")
def patients(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("recode") / "patients.parquet"
    write_patients(path, 2000, seed=5)
    return path


def _others(path: Path, used: list[str]) -> str:
    return ",".join(c for c in pl.read_parquet_schema(path) if c not in used)


def test_mondrian_output_is_k_anonymous(patients: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "m"
    outcome = run_cli(capsys, "recode", str(patients), "--method", "mondrian", "--qi",
                      ",".join(QI), "--k", "5", "--drop", _others(patients, QI), "-o", str(out),
                      "--json")
    assert outcome.code == 0, outcome
    summary = json.loads(outcome.stdout)
    assert summary["smallest_group"] >= 5 and summary["smallest_class_after"] >= 5
    released = pl.read_parquet(out / "patients.parquet")
    assert released.height == 2000 and released.columns == QI
    assert assess(released, quasi=QI, pairs=False).classes.smallest >= 5
    assert {p.name for p in out.iterdir()} == {"patients.parquet", "recoding.json",
                                               "report.html", "manifest.json"}


def test_microaggregation_keeps_the_column_means(patients: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "u"
    outcome = run_cli(capsys, "recode", str(patients), "--method", "univariate", "--qi",
                      ",".join(NUMERIC), "--k", "4", "--keep", _others(patients, NUMERIC),
                      "-o", str(out))
    assert outcome.code == 0, outcome
    before = pl.read_parquet(patients).select(NUMERIC).mean()
    after = pl.read_parquet(out / "patients.parquet").select(NUMERIC).mean()
    for column in NUMERIC:
        assert after[column][0] == pytest.approx(before[column][0], rel=1e-9)


@pytest.mark.parametrize(("args", "needle"), [
    (["--method", "mondrian", "--qi", "sex", "--k", "5"], "have no role"),
    (["--method", "kmeans", "--qi", "sex", "--k", "5"], "--method must be"),
    (["--method", "univariate", "--qi", "sex", "--k", "5", "--l", "2"], "mondrian only"),
])
def test_bad_requests_exit_2_and_write_nothing(patients: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str],
                                               args: list[str], needle: str) -> None:
    out = tmp_path / "bad"
    if "--l" in args:
        args = [*args, "--sensitive", "race", "--drop", _others(patients, ["sex", "race"])]
    outcome = run_cli(capsys, "recode", str(patients), *args, "-o", str(out))
    assert outcome.code == 2, outcome
    assert needle in outcome.stderr and len(outcome.stderr.strip().splitlines()) == 1
    assert not out.exists()
