"""The release spec refuses every out-of-range number with a one-line PolicyError (exit 2)
naming the field and its line: zero, negative, infinite, NaN, booleans and wrong kinds."""

from __future__ import annotations

from pathlib import Path

import pytest

from veil.dp.spec import load_spec
from veil.errors import PolicyError

BASE = """\
dataset: admissions
privacy_unit: {column: patient_id, max_contributions: MAXC}
budget: {epsilon: BUDGET}
release: {epsilon: RELEASE}
max_rows: MAXROWS
confidence: CONFIDENCE
epsilon_cap: CAP
conversion_delta: CONV
queries:
  - {name: stay, kind: mean, column: stay, bounds: [BLOW, BHIGH], fill: FILL, weight: WEIGHT}
  - {name: ages, kind: histogram, column: age, bins: [0, BIN, 65]}
  - {name: q, kind: quantile, column: age, quantiles: [QUANT], bounds: [0, 100],
     candidates: CAND}
"""
GOOD = {"MAXC": "3", "BUDGET": "2.0", "RELEASE": "1.0", "MAXROWS": "1000000",
        "CONFIDENCE": "0.95", "CAP": "10", "CONV": "1e-5", "BLOW": "0", "BHIGH": "20",
        "FILL": "0", "WEIGHT": "1", "BIN": "18", "QUANT": "0.5", "CAND": "101"}


def _write(tmp_path: Path, **change: str) -> Path:
    text = BASE
    for key, value in (GOOD | change).items():
        text = text.replace(key, value)
    path = tmp_path / "spec.yaml"
    path.write_text(text)
    return path


def test_the_base_spec_is_valid(tmp_path: Path) -> None:
    spec, _ = load_spec(_write(tmp_path))
    assert spec.privacy_unit.max_contributions == 3


@pytest.mark.parametrize(("key", "value", "where"), [
    ("MAXC", "0", "privacy_unit.max_contributions"),
    ("MAXC", "-1", "privacy_unit.max_contributions"),
    ("MAXC", "100001", "privacy_unit.max_contributions"),
    ("MAXC", "true", "privacy_unit.max_contributions"),
    ("MAXC", "2.5", "privacy_unit.max_contributions"),
    ("BUDGET", "0", "budget.epsilon"),
    ("BUDGET", "-1", "budget.epsilon"),
    ("BUDGET", ".inf", "budget.epsilon"),
    ("BUDGET", ".nan", "budget.epsilon"),
    ("BUDGET", "true", "budget.epsilon"),
    ("RELEASE", "0", "release.epsilon"),
    ("RELEASE", ".inf", "release.epsilon"),
    ("MAXROWS", "0", "max_rows"),
    ("MAXROWS", "true", "max_rows"),
    ("CONFIDENCE", "0.5", "confidence"),
    ("CONFIDENCE", "1", "confidence"),
    ("CONFIDENCE", ".nan", "confidence"),
    ("CAP", "0", "epsilon_cap"),
    ("CAP", ".inf", "epsilon_cap"),
    ("CONV", "0", "conversion_delta"),
    ("CONV", "1", "conversion_delta"),
    ("BLOW", ".nan", "queries.0.bounds"),
    ("BHIGH", ".inf", "queries.0.bounds"),
    ("BLOW", "20", "queries.0"),  # low == high
    ("FILL", "30", "queries.0"),  # outside the bounds
    ("FILL", ".nan", "queries.0.fill"),
    ("WEIGHT", "0", "queries.0.weight"),
    ("WEIGHT", ".inf", "queries.0.weight"),
    ("BIN", "-.inf", "queries.1.bins"),
    ("BIN", "70", "queries.1"),  # not increasing
    ("QUANT", "0", "queries.2"),
    ("QUANT", "1", "queries.2"),
    ("QUANT", ".nan", "queries.2.quantiles"),
    ("CAND", "1", "queries.2.candidates"),
    ("CAND", "true", "queries.2.candidates"),
])
def test_every_numeric_field_is_checked(tmp_path: Path, key: str, value: str,
                                        where: str) -> None:
    with pytest.raises(PolicyError) as refused:
        load_spec(_write(tmp_path, **{key: value}))
    assert refused.value.exit_code == 2
    line = refused.value.one_line()
    assert f"{where}" in line, line
    assert "line " in line, line


@pytest.mark.parametrize("loss", ["{epsilon: 1, delta: 0}", "{epsilon: 1, delta: 1}",
                                  "{rho: 0}", "{rho: -0.5}", "{rho: .inf}"])
def test_every_loss_amount_is_checked(tmp_path: Path, loss: str) -> None:
    text = _write(tmp_path).read_text().replace("release: {epsilon: 1.0}", f"release: {loss}")
    path = tmp_path / "loss.yaml"
    path.write_text(text)
    with pytest.raises(PolicyError, match="release"):
        load_spec(path)
