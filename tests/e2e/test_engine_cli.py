"""`--engine`, `--master`, `--spark-conf` on the commands that run full-dataset work:
the engine is chosen on the command line, unknown engines and features an engine
cannot run are refused with exit code 2 and one clear line."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from tests.e2e.cli import run_cli

COMMANDS = {
    "deidentify": lambda data, out: ["deidentify", str(data), "-o", str(out)],
    "apply": lambda data, out: ["apply", str(data), "--policy", str(data.with_suffix(".yaml")),
                                "-o", str(out)],
    "verify": lambda data, out: ["verify", str(data)],
    "risk": lambda data, out: ["risk", str(data), "--qi", "sex,zip"],
    "anonymize": lambda data, out: ["anonymize", str(data), "-o", str(out), "--qi", "sex",
                                    "--k", "2", "--keep", "zip"],
    "pseudonymize": lambda data, out: ["pseudonymize", str(data), "--column", "sex",
                                       "--vault", f"sqlite:///{out}.db", "--scope", "s",
                                       "-o", str(out) + ".csv"],
}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "small.csv"
    pl.DataFrame({"sex": ["F", "M"] * 10, "zip": ["021"] * 20}).write_csv(path)
    path.with_suffix(".yaml").write_text(
        "profile: safe-harbor\ncolumns:\n  sex: {action: keep}\n  zip: {action: keep}\n")
    return path


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_unknown_engine_is_refused_with_exit_2(
        command: str, data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    outcome = run_cli(capsys, *COMMANDS[command](data, out), "--engine", "dask")
    assert outcome.code == 2, outcome
    assert "unknown engine 'dask'" in outcome.stderr
    assert "polars, spark" in outcome.stderr
    assert not out.exists()


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_spark_options_without_spark_are_refused(
        command: str, data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    outcome = run_cli(capsys, *COMMANDS[command](data, out), "--master", "local[2]")
    assert outcome.code == 2, outcome
    assert "--engine spark only" in outcome.stderr


def test_a_malformed_spark_conf_is_refused_without_echoing_it(
        data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_cli(capsys, "verify", str(data), "--engine", "spark",
                      "--spark-conf", "spark.authenticate.secret")
    assert outcome.code == 2, outcome
    assert "--spark-conf takes KEY=VALUE" in outcome.stderr
    assert "authenticate" not in outcome.stderr


@pytest.mark.parametrize(("method", "feature"), [("mondrian", "Mondrian local recoding"),
                                                 ("mdav", "microaggregation")])
def test_recoding_on_spark_is_refused_naming_the_feature(
        method: str, feature: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "n.parquet"
    pl.DataFrame({"a": list(range(20)), "b": ["x"] * 20}).write_parquet(data)
    out = tmp_path / "out"
    outcome = run_cli(capsys, "recode", str(data), "-o", str(out), "--method", method,
                      "--qi", "a", "--k", "2", "--keep", "b", "--engine", "spark",
                      "--master", "local[1]")
    assert outcome.code == 2, outcome
    assert f"{feature} cannot run on the spark engine" in outcome.stderr
    assert not out.exists()


def test_the_polars_engine_named_explicitly_is_the_default(
        data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = run_cli(capsys, "risk", str(data), "--qi", "sex,zip", "--json")
    second = run_cli(capsys, "risk", str(data), "--qi", "sex,zip", "--json",
                     "--engine", "polars")
    assert first.code == second.code == 0
    assert json.loads(first.stdout) == json.loads(second.stdout)
    out = tmp_path / "run"
    applied = run_cli(capsys, "apply", str(data), "--policy", str(data.with_suffix(".yaml")),
                      "-o", str(out), "--engine", "polars")
    assert applied.code == 0, applied
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["parameters"]["engine"] == "polars"
