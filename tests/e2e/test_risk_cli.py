"""`veil risk` and `veil attack` on generated data and on Adult."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from tests.adult_data import ADULT_CSV
from tests.e2e.cli import run_cli
from veil.synth.patients import write_patients
from veil.synth.voters import write_voter_list

ADULT = ADULT_CSV


def test_risk_on_adult_sniffs_the_semicolon(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    qi = "sex,age,race,marital-status,education,native-country,workclass,salary-class"
    html = tmp_path / "risk.html"
    outcome = run_cli(capsys, "risk", str(ADULT), "--qi", qi, "--sensitive", "occupation",
                      "--population", "317238626", "--threshold", "0.2", "--json",
                      "--html", str(html))
    assert outcome.code == 0, outcome
    data = json.loads(outcome.stdout)
    assert data["records"] == 30_162
    assert data["population_uniqueness"]["dankar_choice"] == "pitman"
    assert data["sensitive"][0]["attribute"] == "occupation"
    assert data["contributions"]["by_attribute"][0]["attributes"] == ["age"]
    assert "<svg" in html.read_text()


def test_risk_with_hierarchies(capsys: pytest.CaptureFixture[str]) -> None:
    qi = "sex,age,race,marital-status,education,native-country,workclass,salary-class"
    outcome = run_cli(capsys, "risk", str(ADULT), "--qi", qi, "--sensitive", "occupation",
                      "--hierarchies", str(ADULT.parent), "--no-pairs", "--json")
    assert outcome.code == 0, outcome
    data = json.loads(outcome.stdout)
    t_hier = data["sensitive"][0]["t_closeness_hierarchical"]
    assert 0 < t_hier < data["sensitive"][0]["t_closeness_equal"]
    one_level = data["contributions"]["by_generalizing_one_level"]
    assert one_level[0]["attributes"] == ["age"]
    assert len(one_level) == 8
    bad = run_cli(capsys, "risk", str(ADULT), "--qi", qi, "--hierarchy", "salary", "--json")
    assert bad.code == 2 and "ATTR=FILE" in bad.stderr


def test_risk_errors_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tmp_path / "d.csv"
    data.write_text("a,b\n1,Secretvalue\n2,x\n")
    outcome = run_cli(capsys, "risk", str(data), "--qi", "a,nope")
    assert outcome.code == 2
    assert "'nope'" in outcome.stderr
    assert "Secretvalue" not in outcome.stderr
    outcome = run_cli(capsys, "risk", str(data), "--qi", "a", "--population", "10",
                      "--sampling-fraction", "0.1")
    assert outcome.code == 2


def test_attack_matches_the_estimate(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The share of attacked people re-identified correctly equals the share whose class in
    the release is unique, and an attacker picking at random among matches succeeds on
    average as often as the prosecutor risk of the attacked people predicts."""
    patients = tmp_path / "p.parquet"
    write_patients(patients, 5_000, seed=21)
    voters = tmp_path / "v.csv"
    write_voter_list(voters, 5_000, seed=21, sample=1.0)
    release = tmp_path / "release.parquet"
    pl.read_parquet(patients).select(
        pl.col("birth_date").str.slice(6, 4).cast(pl.Int64).alias("birth_year"),
        pl.col("sex"), pl.col("zip").str.slice(0, 3).alias("zip"),
        pl.int_range(pl.len()).alias("person"),
    ).write_parquet(release)
    outcome = run_cli(capsys, "attack", str(release), "--auxiliary", str(voters),
                      "--on", "birth_year,sex,zip=zip3", "--release-id", "person",
                      "--auxiliary-id", "person", "--json")
    assert outcome.code == 0, outcome
    data = json.loads(outcome.stdout)
    frame = pl.read_parquet(release)
    sizes = frame.select(pl.len().over(["birth_year", "sex", "zip"])).to_series()
    assert data["share_correct"] == pytest.approx(float((sizes == 1).mean()))
    # every person is attacked (sample=1.0): the expected success of a random pick is the
    # average prosecutor risk of the release
    assert data["expected_success"] == pytest.approx(
        data["estimated_prosecutor_risk"]["average"], rel=1e-9)
