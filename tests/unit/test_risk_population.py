"""Tests of the population uniqueness models (veil.risk.population) against ARX 3.9.2.

Reference numbers are ARX's (tests/data/adult/ARX_RESULTS.md, section 4):
Adult with all 9 attributes as quasi-identifiers.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import polars as pl
import pytest

from tests.adult_data import ADULT_CSV
from veil.errors import UsageError
from veil.risk import _newton
from veil.risk import population as pop
from veil.risk.population import PopulationUniqueness, population_uniqueness

ADULT = ADULT_CSV
USA = 317_238_626
REL = 1e-6


@pytest.fixture(scope="module")
def adult_histogram() -> dict[int, int]:
    frame = pl.read_csv(ADULT, separator=";", infer_schema=False)
    sizes = frame.group_by(frame.columns).len()["len"].value_counts()
    return {int(size): int(count) for size, count in sizes.iter_rows()}


def test_adult_histogram_is_arx_s(adult_histogram: dict[int, int]) -> None:
    # ARX: 19502 classes over 30162 records; first histogram entries as listed.
    assert sum(adult_histogram.values()) == 19_502
    assert sum(s * c for s, c in adult_histogram.items()) == 30_162
    first = {1: 15512, 2: 2098, 3: 754, 4: 375, 5: 189, 6: 155, 7: 97, 8: 73, 9: 39, 10: 37}
    assert {s: adult_histogram[s] for s in first} == first


@pytest.mark.parametrize(
    ("population", "pitman", "pitman_fraction", "zayatz", "zayatz_fraction"),
    [
        pytest.param(USA, 12339373.4063, 0.03889619, 83930147.6741, 0.26456472, id="usa"),
        pytest.param(3_016_200, 436167.7147, 0.14460835, 819539.9059, 0.27171272, id="f=0.01"),
    ],
)
def test_adult_matches_arx(
    adult_histogram: dict[int, int],
    population: int,
    pitman: float,
    pitman_fraction: float,
    zayatz: float,
    zayatz_fraction: float,
) -> None:
    result = population_uniqueness(adult_histogram, population_size=population)
    assert result.population_size == population
    assert result.sample_size == 30_162
    assert result.sampling_fraction == pytest.approx(30_162 / population, rel=1e-15)

    assert result.pitman.model == "pitman"
    assert result.pitman.available
    assert result.pitman.uniques == pytest.approx(pitman, rel=REL)
    assert result.pitman.fraction == pytest.approx(pitman_fraction, rel=REL)

    assert result.zayatz.model == "zayatz"
    assert result.zayatz.available
    assert result.zayatz.uniques == pytest.approx(zayatz, rel=REL)
    assert result.zayatz.fraction == pytest.approx(zayatz_fraction, rel=REL)

    assert result.snb == pop.UniquenessEstimate("snb", available=False, uniques=0.0, fraction=0.0)

    assert result.dankar_choice == "pitman"
    assert result.dankar == result.pitman


def test_adult_matches_arx_to_its_printed_digits(adult_histogram: dict[int, int]) -> None:
    # Tighter than the 1e-6 contract: ARX prints 4 decimals, and we reproduce them.
    usa = population_uniqueness(adult_histogram, population_size=USA)
    sample = population_uniqueness(adult_histogram, population_size=3_016_200)
    assert round(usa.pitman.uniques, 4) == 12339373.4063
    assert round(usa.zayatz.uniques, 4) == 83930147.6741
    assert round(sample.pitman.uniques, 4) == 436167.7147
    assert round(sample.zayatz.uniques, 4) == 819539.9059


@pytest.mark.parametrize(
    ("population", "choice"),
    [
        pytest.param(301_620, "pitman", id="f=0.1 exactly: pitman"),
        pytest.param(301_619, "zayatz", id="f just above 0.1, snb unavailable: zayatz"),
        pytest.param(60_324, "zayatz", id="f=0.5, snb unavailable: zayatz"),
    ],
)
def test_dankar_sampling_fraction_boundary(
    adult_histogram: dict[int, int], population: int, choice: str
) -> None:
    result = population_uniqueness(adult_histogram, population_size=population)
    assert not result.snb.available
    assert result.dankar_choice == choice
    assert result.dankar == getattr(result, choice)


def test_dankar_takes_the_smaller_of_zayatz_and_snb(adult_histogram: dict[int, int]) -> None:
    # Population = sample (f = 1): SNB converges to the 15512 sample uniques plus
    # 7e-7, Zayatz gives them exactly, so Zayatz is the smaller.
    result = population_uniqueness(adult_histogram, population_size=30_162)
    assert result.snb.available
    assert result.zayatz.uniques == pytest.approx(15_512, rel=1e-12)
    assert result.snb.uniques == pytest.approx(15_512, rel=1e-9)
    assert result.zayatz.uniques < result.snb.uniques
    assert result.dankar_choice == "zayatz"
    assert result.dankar == result.zayatz


def test_snb_converges_on_a_small_sample() -> None:
    # f = 45/56. The value was cross-checked against a line-by-line Java
    # transcription of ARX's ModelSNB and its solver (not an ARX run).
    result = population_uniqueness({1: 10, 2: 5, 3: 10}, population_size=56)
    snb = result.snb
    assert snb.available
    assert math.isfinite(snb.uniques)
    assert 0.0 <= snb.uniques <= 56
    assert snb.uniques == pytest.approx(9.545398557088877, rel=1e-9)
    assert snb.fraction == pytest.approx(snb.uniques / 56, rel=1e-15)
    assert result.zayatz.uniques > snb.uniques
    assert result.dankar_choice == "snb"
    assert result.dankar == snb


@pytest.mark.parametrize(
    "histogram",
    [
        pytest.param(
            {5: 20, 6: 21, 7: 12, 8: 6, 9: 6, 10: 9, 11: 10, 12: 9, 14: 4, 15: 2},
            id="arx 5-anonymous output, 2% suppression (first entries)",
        ),
        pytest.param({69: 1, 102: 1, 161: 1, 176: 1, 189: 1}, id="large classes"),
        pytest.param({7: 1}, id="one class of 7"),
    ],
)
def test_no_sample_uniques_gives_zero_everywhere(histogram: dict[int, int]) -> None:
    result = population_uniqueness(histogram, population_size=USA)
    for estimate in (result.pitman, result.zayatz, result.snb):
        assert estimate.available  # as ARX: "available", with 0 uniques
        assert estimate.uniques == 0.0
        assert estimate.fraction == 0.0
    assert result.dankar_choice == "none"
    none = pop.UniquenessEstimate("none", available=True, uniques=0.0, fraction=0.0)
    assert result.dankar == none


def test_all_uniques() -> None:
    # Every record unique: the Pitman fit has no finite maximum, so Dankar falls
    # back to Zayatz, whose estimate is then the whole population.
    result = population_uniqueness({1: 50}, population_size=1000)
    assert not result.pitman.available
    assert result.zayatz.uniques == pytest.approx(1000, rel=1e-12)
    assert result.zayatz.fraction == pytest.approx(1.0, rel=1e-12)
    assert result.dankar_choice == "zayatz"
    assert result.dankar == result.zayatz


def test_all_uniques_population_is_sample() -> None:
    # Both give the 50 uniques exactly (SNB: its start (1, 1) is the root);
    # on a tie the rule keeps SNB (as ARX).
    result = population_uniqueness({1: 50}, population_size=50)
    assert result.sampling_fraction == 1.0
    assert result.zayatz.uniques == 50.0
    assert result.snb.uniques == 50.0
    assert result.dankar_choice == "snb"
    assert result.dankar == result.snb


def test_single_unique_record() -> None:
    result = population_uniqueness({1: 1}, population_size=100)
    assert result.sample_size == 1
    assert result.zayatz.uniques == pytest.approx(100, rel=1e-12)
    assert result.pitman.available
    assert 0.0 < result.pitman.uniques <= 100
    assert result.dankar_choice == "pitman"


def test_estimates_are_bounded_and_consistent(adult_histogram: dict[int, int]) -> None:
    for population in (30_162, 40_000, 301_620, 3_016_200, USA, 3_000_000_000):
        result = population_uniqueness(adult_histogram, population_size=population)
        assert isinstance(result, PopulationUniqueness)
        for estimate in (result.pitman, result.zayatz, result.snb, result.dankar):
            assert math.isfinite(estimate.uniques)
            assert 0.0 <= estimate.uniques <= population
            assert estimate.fraction == pytest.approx(estimate.uniques / population, rel=1e-15)
            assert estimate.available == (estimate.uniques != 0.0)


def test_zero_counts_are_ignored() -> None:
    with_zero = population_uniqueness({1: 10, 2: 5, 3: 10, 4: 0}, population_size=56)
    assert with_zero == population_uniqueness({1: 10, 2: 5, 3: 10}, population_size=56)


def test_input_order_does_not_matter() -> None:
    forward = population_uniqueness({1: 30, 2: 12, 3: 4, 9: 1}, population_size=10_000)
    backward = population_uniqueness({9: 1, 3: 4, 2: 12, 1: 30}, population_size=10_000)
    assert forward == backward


@pytest.mark.parametrize(
    ("histogram", "population", "fragment"),
    [
        pytest.param({}, 100, "no equivalence classes", id="empty"),
        pytest.param({3: 0}, 100, "no equivalence classes", id="only zero counts"),
        pytest.param({1: 10, 2: 5}, 19, "population_size", id="population below sample"),
        pytest.param({0: 3}, 100, "class size", id="size 0"),
        pytest.param({1: -1}, 100, "number of classes", id="negative count"),
        pytest.param({1: 2.0}, 100, "number of classes", id="float count"),
        pytest.param({True: 2}, 100, "class size", id="bool size"),
        pytest.param({1: 2}, 100.0, "population_size", id="float population"),
    ],
)
def test_usage_errors(histogram: dict[int, int], population: int, fragment: str) -> None:
    with pytest.raises(UsageError, match=fragment):
        population_uniqueness(histogram, population_size=population)


def test_numpy_integers_are_accepted() -> None:
    sizes: dict[Any, Any] = {np.int64(1): np.int64(3), 2: 1}
    population: Any = np.int64(50)
    result = population_uniqueness(sizes, population_size=population)
    assert result.sample_size == 5
    assert result.population_size == 50


# --- internals: the polygamma approximations and the solver schedule


# The array versions do the same operations in the same order as the scalar ones, but
# through numpy's log, tan and sin, which may be vectorized implementations that differ
# from libm's by an ulp or a few (and differ between numpy releases and CPUs): equality
# to the last bit is not a guarantee. The tolerance, 1e-12 relative (several thousand
# ulps) with 1e-12 absolute near the zeros of psi, is far above such differences and
# far below what the estimates resolve (ARX agreement is checked at 1e-6 relative).
# A branch taken differently (a missing reflection, the wrong series) is off by far
# more, and inf and NaN must still sit at the same places.
POLYGAMMA_RTOL = 1e-12
POLYGAMMA_ATOL = 1e-12


def test_polygamma_array_versions_equal_scalar_versions() -> None:
    rng = np.random.default_rng(0)
    special = [-7.3, -2.5, -0.5, -1e-7, 0.0, 1e-7, 5e-5, 1e-3, 0.3, 1.0, 7.99, 8.0, 11.9, 12.0]
    x = np.concatenate([special, [math.inf, math.nan], rng.uniform(-20, 60, 300)])
    assert x.size > pop._SCALAR_UP_TO  # exercises the vectorized path
    pairs = ((pop._digamma_array, pop._digamma), (pop._trigamma_array, pop._trigamma))
    for array_fn, scalar_fn in pairs:
        expected = np.array([scalar_fn(float(v)) for v in x])
        np.testing.assert_allclose(array_fn(x), expected, rtol=POLYGAMMA_RTOL,
                                   atol=POLYGAMMA_ATOL, equal_nan=True)


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        (1.0, -0.5772156649015329),
        (0.5, -0.5772156649015329 - 2 * math.log(2)),
        (13.0, sum(1 / k for k in range(1, 13)) - 0.5772156649015329),
        (-0.5, 0.03648997397857652),
    ],
)
def test_digamma_values(x: float, expected: float) -> None:
    assert pop._digamma(x) == pytest.approx(expected, rel=1e-13, abs=1e-14)


def test_trigamma_as_arx() -> None:
    exact_at_12 = math.pi**2 / 6 - sum(1 / k**2 for k in range(1, 12))
    assert pop._trigamma(12.0) == pytest.approx(exact_at_12, rel=1e-12)
    # ARX leaves out the asymptotic tail when the recurrence stops in [8, 12):
    assert pop._trigamma(9.5) == 0.0
    assert pop._trigamma(0.5) == pytest.approx(sum(1 / (k + 0.5) ** 2 for k in range(8)), rel=1e-14)


def test_solver_start_values_are_arx_s_grid() -> None:
    assert len(_newton.START_VALUES) == 16
    axis = sorted({x for x, _ in _newton.START_VALUES})
    assert axis == pytest.approx([0.0, 0.33, 0.66, 0.99])


def test_solver_finds_a_root_and_gives_up() -> None:
    def equations(x: float, y: float) -> tuple[float, float]:
        return (x * x - 4.0, y - 1.0)

    def jacobian(x: float, y: float) -> tuple[float, float, float, float]:
        return (2.0 * x, 0.0, 0.0, 1.0)

    root = _newton.solve(equations, jacobian, (3.0, 0.0))
    assert root is not None
    assert root[0] == pytest.approx(2.0, rel=1e-6)
    assert root[1] == 1.0

    def no_root(x: float, y: float) -> tuple[float, float]:
        return (x * x + 1.0, y)

    assert _newton.solve(no_root, jacobian, (3.0, 0.0)) is None


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [(1.0, 0.0, math.inf), (-1.0, 0.0, -math.inf), (1.0, -0.0, -math.inf), (0.0, 0.0, math.nan)],
)
def test_ieee_division(a: float, b: float, expected: float) -> None:
    result = _newton.div(a, b)
    assert result == expected or (math.isnan(result) and math.isnan(expected))


def test_java_power() -> None:
    assert math.isnan(_newton.power(-2.0, 0.5))
    assert _newton.power(-2.0, 3.0) == -8.0
    assert _newton.power(0.0, -1.0) == math.inf
    assert _newton.power(10.0, 400.0) == math.inf
    assert _newton.power(math.nan, 0.0) == 1.0
    assert math.isnan(_newton.log(-1.0))
    assert _newton.log(0.0) == -math.inf
    assert _newton.exp(1000.0) == math.inf
