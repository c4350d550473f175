"""Cross-check of veil's k-anonymity, l-diversity and t-closeness against pycanon.

pycanon (CSIC, https://github.com/IFCA-Advanced-Computing/pycanon) lives in its own
environment, `.venv-pycanon` (pinned in tests/crosscheck/requirements.txt, made by
`make test`), because it pins numpy and pandas versions veil's environment does not
have; `pycanon_runner.py` is run there as a child process on a CSV copy of each
table. Without that environment these tests FAIL (run `make test`); set
VEIL_SKIP_CROSSCHECK=1 to skip them on purpose.

The tables: releases of veil's synthetic patients (birth decade or band, sex, ZIP3 or
its first digit, race, ethnicity, age band, admission year; sensitive: diagnosis_code,
categorical, and length_of_stay, numeric) from fine (k = 1) to coarse (l >= 2), and
small random tables with fixed seeds (skewed values, empty cells in a
quasi-identifier and in a categorical sensitive attribute, several l).

What is compared (pycanon's definitions are in pycanon_runner.py's docstring):

- k and distinct l: equal;
- t-closeness: equal to 1e-9; for diagnosis_code (text) pycanon's t is the
  equal-distance EMD (veil's `t_equal`), for length_of_stay (numbers) it is the
  ordered-distance EMD (veil's `t_ordered`); veil's `t_equal` of a numeric attribute
  is compared with pycanon's t of the same column read as text;
- entropy l: pycanon returns `int(exp(min H))`, the exponential truncated, so it is
  compared with floor(veil's entropy_l); when veil's value is within 1e-9 of an
  integer n (a class whose values are equally frequent: exp(log n)), the two sums of
  p log p may round to either side of n, so pycanon may say n - 1 or n. The value
  before truncation (pycanon's own code with `int` shadowed) is compared to 1e-9;
- recursive (c, l): pycanon reports the smallest INTEGER c with r1 < c (r_l + ... +
  r_m) in every class, `floor(r1 / tail) + 1`; veil reports the smallest float c
  (just above the largest r1 / tail), so ceil(veil's c) is the integer one. pycanon
  sorts the counts of a class ASCENDING before taking r1 and the tail, against the
  definition (Machanavajjhala et al. 2007, Def. 4.1: r1 is the MOST frequent
  value's count); veil follows the definition, so veil is compared with pycanon's
  code run with the sort order corrected (descending), for l = 2 and the table's
  l, and `test_recursive_c_as_pycanon_ships_it` records the disagreement with
  pycanon as shipped (strict xfail: it starts failing if pycanon fixes its sort).

Not compared: suppression (veil drops records whose quasi-identifiers are all `*`,
as ARX does; pycanon has no such notion, so no table here has such a record).
"""

from __future__ import annotations

import json
import math
import os
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pytest

from veil.risk import assess
from veil.risk.diversity import Diversity, diversity
from veil.synth.patients import generate_patients

ROOT = Path(__file__).resolve().parents[2]
PYCANON_PYTHON = ROOT / ".venv-pycanon" / "bin" / "python"
RUNNER = Path(__file__).with_name("pycanon_runner.py")
RECURSIVE_L = (2,)  # and each table's own l
TOLERANCE = 1e-9


@dataclass(frozen=True)
class Case:
    name: str
    frame: pl.DataFrame
    quasi: tuple[str, ...]
    categorical: tuple[str, ...] = ()
    numeric: tuple[str, ...] = ()

    @property
    def sensitive(self) -> tuple[str, ...]:
        return (*self.categorical, *self.numeric)


# --------------------------------------------------------------------------- the tables


def _patients(rows: int, seed: int) -> pl.DataFrame:
    """A release of synthetic patients: direct identifiers gone, dates to years."""
    raw = pl.concat(generate_patients(rows, seed=seed))
    birth_year = pl.col("birth_date").str.slice(6, 4).cast(pl.Int64)  # MM/DD/YYYY
    return raw.select(
        birth_decade=birth_year // 10 * 10,
        birth_band=birth_year // 20 * 20,
        age_band=pl.col("age").cut([17, 44, 64], labels=["0-17", "18-44", "45-64", "65+"],
                                   left_closed=False).cast(pl.String),
        sex="sex",
        zip3=pl.col("zip").str.slice(0, 3),
        region=pl.col("zip").str.slice(0, 1),
        race="race",
        ethnicity="ethnicity",
        admission_year=pl.col("admission_date").str.slice(0, 4).cast(pl.Int64),
        diagnosis_code="diagnosis_code",
        length_of_stay="length_of_stay",
    )


def _random_table(seed: int, rows: int, quasi_values: tuple[int, ...], values: int,
                  *, skew: float, empty: float = 0.0) -> pl.DataFrame:
    """Random quasi-identifiers q0.. (q1 text with empty cells), skewed sensitive values."""
    rng = np.random.default_rng(seed)
    columns: dict[str, Any] = {}
    for i, n in enumerate(quasi_values):
        drawn = rng.integers(0, n, rows)
        if i == 1:
            text = [f"v{x}" for x in drawn]
            columns[f"q{i}"] = [None if u < empty else t for u, t in zip(
                rng.random(rows), text, strict=True)]
        else:
            columns[f"q{i}"] = drawn
    weights = 1.0 / np.arange(1, values + 1) ** skew
    codes = rng.choice(values, rows, p=weights / weights.sum())
    columns["code"] = [None if c == values - 1 and empty else f"c{c:02d}" for c in codes]
    columns["amount"] = (codes * 7 + rng.integers(0, 2, rows)).astype(np.int64)
    return pl.DataFrame(columns)


def _cases() -> list[Case]:
    small = _patients(150, seed=11)
    mid = _patients(600, seed=12)
    big = _patients(1_500, seed=13)
    patients = ("diagnosis_code",), ("length_of_stay",)
    cases = [
        Case("patients-decade-sex-zip3-race", small,
             ("birth_decade", "sex", "zip3", "race"), *patients),
        Case("patients-band-sex-region", mid, ("birth_band", "sex", "region"), *patients),
        Case("patients-ageband-sex-ethnicity", big, ("age_band", "sex", "ethnicity"),
             *patients),
        Case("patients-admission-ageband", big, ("admission_year", "age_band"), *patients),
        Case("patients-sex", big, ("sex",), *patients),
    ]
    for seed, rows, quasi, values, skew, empty in [
        (1, 60, (3, 2), 4, 0.0, 0.0),
        (2, 200, (3, 3), 6, 1.5, 0.1),
        (3, 300, (2, 2, 2), 5, 0.8, 0.05),
        (4, 500, (4,), 8, 2.0, 0.0),
        (5, 250, (5, 4), 12, 1.0, 0.2),
        (6, 400, (2,), 3, 3.0, 0.0),
    ]:
        frame = _random_table(seed, rows, quasi, values, skew=skew, empty=empty)
        cases.append(Case(f"random-{seed}", frame, tuple(f"q{i}" for i in range(len(quasi))),
                          ("code",), ("amount",)))
    # Recursive (c, 2): class a has counts 8, 1, 1 (r1 = 8 < c * 2 needs c = 5); class b
    # 1, 1, 1. The textbook c is 5; sorting ascending gives r1 = 1 and c = 1.
    skewed = pl.DataFrame({"q": ["a"] * 10 + ["b"] * 3,
                           "code": ["x"] * 8 + ["y", "z"] + ["x", "y", "z"]})
    skewed = skewed.with_columns(amount=pl.col("code").replace_strict(
        {"x": 1, "y": 2, "z": 3}, return_dtype=pl.Int64))
    cases.append(Case("handmade-skewed", skewed, ("q",), ("code",), ("amount",)))
    return cases


CASES = _cases()


# --------------------------------------------------------------------------- running pycanon


def _arguments(case: Case, directory: Path) -> list[str]:
    path = directory / f"{case.name}.csv"
    case.frame.write_csv(path)  # a null is written as an empty cell
    arguments = [str(path), "--quasi", *case.quasi, "--recursive-l", *map(str, RECURSIVE_L)]
    if case.categorical:
        arguments += ["--categorical", *case.categorical]
    if case.numeric:
        arguments += ["--numeric", *case.numeric]
    return arguments


def _run_pycanon(cases: list[Case], directory: Path) -> list[dict[str, Any]]:
    """The runner's figures for `cases`, in one child process (`--batch`)."""
    jobs = "".join(json.dumps(_arguments(c, directory)) + "\n" for c in cases)
    done = subprocess.run([str(PYCANON_PYTHON), str(RUNNER), "--batch"], input=jobs,
                          capture_output=True, text=True, timeout=600, check=False)
    if done.returncode:
        raise RuntimeError(f"pycanon_runner failed:\n{done.stderr}")
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.fixture(scope="module")
def pycanon(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """pycanon's figures per case name (two child processes, half of the cases each)."""
    if os.environ.get("VEIL_SKIP_CROSSCHECK") == "1":
        pytest.skip("VEIL_SKIP_CROSSCHECK=1: the pycanon cross-check is skipped")
    if not PYCANON_PYTHON.exists():
        pytest.fail(f"{PYCANON_PYTHON} does not exist: run `make test`, which creates the "
                    "pycanon environment from tests/crosscheck/requirements.txt "
                    "(or set VEIL_SKIP_CROSSCHECK=1 to skip this cross-check)", pytrace=False)
    directory = tmp_path_factory.mktemp("pycanon")
    halves = [CASES[0::2], CASES[1::2]]  # the costly patient tables come first
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda cases: _run_pycanon(cases, directory), halves))
    named = {case.name: result for cases, found in zip(halves, results, strict=True)
             for case, result in zip(cases, found, strict=True)}
    assert len(named) == len(CASES)
    return named


def _veil(case: Case) -> tuple[int, dict[str, Diversity]]:
    result = assess(case.frame, quasi=case.quasi, sensitive=case.sensitive)
    return result.classes.smallest, {d.attribute: d for d in result.diversity}


def _close(ours: float | None, theirs: float | None) -> bool:
    assert ours is not None
    assert theirs is not None
    return abs(ours - theirs) <= TOLERANCE * max(1.0, abs(theirs))


ids = [c.name for c in CASES]
parametrize = pytest.mark.parametrize("case", CASES, ids=ids)


# --------------------------------------------------------------------------- the comparisons


def test_pycanon_version(pycanon: dict[str, dict[str, Any]]) -> None:
    requirements = (Path(__file__).with_name("requirements.txt")).read_text()
    for result in pycanon.values():
        assert f"pycanon=={result['pycanon']}" in requirements


@parametrize
def test_k(case: Case, pycanon: dict[str, dict[str, Any]]) -> None:
    k, _ = _veil(case)
    assert k == pycanon[case.name]["k"]


@parametrize
def test_distinct_l(case: Case, pycanon: dict[str, dict[str, Any]]) -> None:
    _, ours = _veil(case)
    for name in case.sensitive:
        assert ours[name].distinct_l == pycanon[case.name]["sensitive"][name]["l"], name


@parametrize
def test_entropy_l(case: Case, pycanon: dict[str, dict[str, Any]]) -> None:
    _, ours = _veil(case)
    for name in case.sensitive:
        theirs = pycanon[case.name]["sensitive"][name]
        value = ours[name].entropy_l
        assert _close(value, theirs["entropy_l_exact"]), name
        nearest = round(value)
        if abs(value - nearest) <= TOLERANCE:  # exp(log n): either side of n
            assert theirs["entropy_l"] in (nearest - 1, nearest), name
        else:
            assert theirs["entropy_l"] == math.floor(value), name


def _integer_c(d: Diversity) -> float:
    """The smallest integer c with every class (c, l)-diverse, as pycanon counts it."""
    return math.inf if math.isinf(d.recursive_c) else float(math.ceil(d.recursive_c))


def _veil_c(case: Case, name: str, l_value: int) -> float:
    return _integer_c(diversity(case.frame, case.quasi, name, recursive_l=l_value))


def _compare_recursive(case: Case, pycanon: dict[str, dict[str, Any]], key: str,
                       check: Callable[[float, float | None], bool]) -> list[str]:
    wrong = []
    _, ours = _veil(case)
    for name in case.sensitive:
        theirs = pycanon[case.name]["sensitive"][name]
        assert ours[name].recursive_l == 2
        for l_text, c in theirs[key].items():
            l_value = int(l_text)
            mine = _veil_c(case, name, l_value)
            if l_value == 2:
                assert mine == _integer_c(ours[name])
            if not check(mine, c):
                wrong.append(f"{name}, l={l_value}: veil c={mine}, pycanon c={c}")
    return wrong


@parametrize
def test_recursive_c(case: Case, pycanon: dict[str, dict[str, Any]]) -> None:
    """veil == pycanon's code with each class's counts in descending order (the definition)."""

    def same(mine: float, theirs: float | None) -> bool:
        # pycanon has no c when a class has fewer than l values; veil says inf
        return math.isinf(mine) if theirs is None else mine == theirs

    assert _compare_recursive(case, pycanon, "recursive_c_descending", same) == []
    for name in case.sensitive:  # pycanon's own (c, l) pair, l being the table's l
        theirs = pycanon[case.name]["sensitive"][name]
        assert theirs["recursive"]["l"] == theirs["l"]


@pytest.mark.xfail(strict=True, reason=(
    "pycanon 1.3.6 recursive_c_l_diversity sorts a class's counts ascending "
    "(np.sort) and takes r[0] (the LEAST frequent value) as r1 and r[l-1:] as the tail, "
    "against Machanavajjhala et al. 2007 Def. 4.1 (r1 the most frequent); e.g. counts "
    "8, 1, 1 with l = 2: textbook c = 5 (8 < 5 * 2), pycanon c = 1"))
def test_recursive_c_as_pycanon_ships_it(pycanon: dict[str, dict[str, Any]]) -> None:
    def same(mine: float, theirs: float | None) -> bool:
        return math.isinf(mine) if theirs is None else mine == theirs

    wrong = [f"{case.name}: {w}" for case in CASES
             for w in _compare_recursive(case, pycanon, "recursive_c", same)]
    assert wrong == []


@parametrize
def test_t_closeness(case: Case, pycanon: dict[str, dict[str, Any]]) -> None:
    _, ours = _veil(case)
    for name in case.categorical:
        theirs = pycanon[case.name]["sensitive"][name]
        assert ours[name].t_ordered is None
        assert _close(ours[name].t_equal, theirs["t"]), name
    for name in case.numeric:
        theirs = pycanon[case.name]["sensitive"][name]
        assert _close(ours[name].t_ordered, theirs["t"]), name  # ordered distance
        assert _close(ours[name].t_equal, theirs["t_equal"]), name  # equal distance
