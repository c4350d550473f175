"""The optimal search reproduces ARX 3.9.2 on Adult (ARX_RESULTS.md sections 1, 3, 6).

Every row states ARX's optimum (levels), score, suppressed rows and classes. Where two
transformations tie exactly (same score, same level sum) ARX's final choice follows
its traversal order; there the test checks that ARX's transformation is an equally
good optimum by evaluating it ourselves.
"""

from __future__ import annotations

import csv

import polars as pl
import pytest

from tests.adult_data import ADULT_DIR
from veil.anonymize import (
    DistinctLDiversity,
    EntropyLDiversity,
    KAnonymity,
    PrivacyModel,
    RecursiveCLDiversity,
    TCloseness,
    anonymize,
)
from veil.anonymize.classes import from_prepared
from veil.anonymize.prepare import Prepared, prepare
from veil.anonymize.search import evaluate, search
from veil.anonymize.utility import Discernibility, Loss, NonUniformEntropy, UtilityModel
from veil.hierarchy import Hierarchy
from veil.risk import assess

ADULT = ADULT_DIR
Q9 = ["sex", "age", "race", "marital-status", "education", "native-country", "workclass",
      "occupation", "salary-class"]
Q8 = [q for q in Q9 if q != "occupation"]



def _hierarchy(attribute: str) -> Hierarchy:
    with (ADULT / f"adult_hierarchy_{attribute}.csv").open(encoding="utf-8") as handle:
        return Hierarchy.from_rows(attribute, list(csv.reader(handle, delimiter=";")))


@pytest.fixture(scope="module")
def adult() -> pl.DataFrame:
    return pl.read_csv(ADULT / "adult.csv", separator=";", infer_schema=False)


@pytest.fixture(scope="module")
def hierarchies() -> dict[str, Hierarchy]:
    return {q: _hierarchy(q) for q in Q9}


@pytest.fixture(scope="module")
def nine(adult: pl.DataFrame, hierarchies: dict[str, Hierarchy]) -> Prepared:
    return prepare(adult, quasi=Q9, hierarchies=hierarchies)


@pytest.fixture(scope="module")
def eight(adult: pl.DataFrame, hierarchies: dict[str, Hierarchy]) -> Prepared:
    return prepare(adult, quasi=Q8, hierarchies=hierarchies, sensitive=["occupation"],
                   sensitive_hierarchies={"occupation": hierarchies["occupation"]})


def _check(prepared: Prepared, models: list[PrivacyModel], metric: UtilityModel,
           suppression: float, levels: list[int] | None, score: float,
           suppressed: int | None = None, classes: int | None = None,
           smallest: int | None = None) -> None:
    result = search(prepared, models, metric=metric, suppression=suppression)
    if levels is None:
        assert not result.found
        return
    assert result.best is not None
    assert result.best.score == pytest.approx(score, rel=1e-12)
    if list(result.best.levels) != levels:
        # an exact tie: ARX's transformation must be just as good
        theirs = evaluate(prepared, from_prepared(prepared, levels), models)
        assert theirs.suppressed <= result.max_suppressed
        assert metric.score(theirs, prepared) == pytest.approx(score, rel=1e-12)
        assert sum(levels) == sum(result.best.levels)
        best_kept = theirs.classes.counts[theirs.ok]
        got_suppressed, got_classes, got_smallest = (theirs.suppressed, int(best_kept.size),
                                                     int(best_kept.min()))
    else:
        got_suppressed, got_classes, got_smallest = (result.best.suppressed,
                                                     result.best.classes, result.best.smallest)
    if suppressed is not None:
        assert got_suppressed == suppressed
    if classes is not None:
        assert got_classes == classes
    if smallest is not None:
        assert got_smallest == smallest


# §1: k-anonymity, 9 QIs, Loss
K_ROWS = [
    (2, 0.0, [0, 4, 1, 1, 3, 2, 0, 2, 0], 0.5296955144342308, 0, 52, 2),
    (2, 0.02, [0, 3, 0, 1, 2, 1, 1, 1, 0], 0.2093709911332433, 573, 872, 2),
    (2, 0.04, [0, 3, 0, 0, 2, 1, 1, 1, 0], 0.17599055898432758, 1009, 1182, 2),
    (2, 1.0, [0, 3, 0, 0, 1, 1, 0, 1, 0], 0.1617597757412803, 2093, 1913, 2),
    (5, 0.0, [0, 4, 1, 1, 3, 2, 2, 1, 0], 0.5731509655590044, 0, 24, 69),
    (5, 0.02, [0, 3, 0, 2, 2, 1, 1, 2, 0], 0.3137130352819242, 506, 222, 5),
    (5, 0.04, [0, 3, 0, 1, 1, 1, 1, 2, 0], 0.26611081915757495, 1178, 370, 5),
    (5, 1.0, [0, 3, 0, 0, 2, 1, 1, 1, 0], 0.22041192847984292, 2553, 602, 5),
    (10, 0.0, [0, 4, 1, 1, 3, 2, 2, 1, 0], 0.5731509655590044, 0, 24, 69),
    (10, 0.02, [0, 4, 0, 1, 2, 1, 1, 2, 0], 0.34233670356549895, 592, 124, 10),
    (10, 0.04, [0, 4, 0, 1, 2, 1, 0, 2, 0], 0.32144043001423905, 1163, 168, 10),
    (10, 1.0, [0, 3, 0, 0, 2, 1, 1, 1, 0], 0.261394038912103, 3983, 381, 10),
]


@pytest.mark.parametrize(("k", "limit", "levels", "score", "suppressed", "classes", "smallest"),
                         K_ROWS)
def test_k_anonymity_matches_arx(nine: Prepared, k: int, limit: float, levels: list[int],
                                 score: float, suppressed: int, classes: int,
                                 smallest: int) -> None:
    _check(nine, [KAnonymity(k)], Loss(), limit, levels, score, suppressed, classes, smallest)


def _l_models(name: str, hierarchies: dict[str, Hierarchy]) -> list[PrivacyModel]:
    return {
        "distinct3": [DistinctLDiversity("occupation", 3)],
        "entropy3": [EntropyLDiversity("occupation", 3)],
        "recursive43": [RecursiveCLDiversity("occupation", 4, 3)],
        "k5+distinct3": [KAnonymity(5), DistinctLDiversity("occupation", 3)],
        "t0.2equal": [TCloseness("occupation", 0.2)],
        "t0.2hier": [TCloseness("occupation", 0.2, "hierarchical", hierarchies["occupation"])],
    }[name]  # type: ignore[return-value]


# §3: l-diversity and t-closeness on occupation, 8 QIs, Loss
L_ROWS = [
    ("distinct3", 0.0, [0, 4, 1, 0, 3, 2, 2, 0], 0.542210825407941, 0, 28, 4),
    ("entropy3", 0.0, [0, 4, 1, 1, 3, 2, 2, 0], 0.613171784711847, 0, 8, 406),
    ("recursive43", 0.0, [0, 4, 1, 0, 3, 2, 2, 0], 0.542210825407941, 0, 28, 4),
    ("k5+distinct3", 0.0, [0, 4, 1, 2, 3, 2, 0, 0], 0.542210825407941, 0, 26, 5),
    ("t0.2equal", 0.0, [1, 4, 1, 1, 3, 2, 2, 1], 0.9183953641009659, 0, 2, 14086),
    ("t0.2hier", 0.0, [0, 4, 1, 1, 3, 2, 2, 1], 0.7591763053456835, 0, 4, 1492),
    ("distinct3", 0.02, [0, 3, 0, 0, 3, 1, 1, 0], 0.20269646021407972, 601, 346, 3),
    ("entropy3", 0.02, [0, 3, 0, 1, 3, 1, 1, 0], 0.25515922519937684, 560, 199, 3),
    ("recursive43", 0.02, [0, 2, 0, 1, 3, 1, 1, 0], 0.24280824738761986, 599, 312, 3),
    ("k5+distinct3", 0.02, [0, 3, 0, 2, 2, 1, 1, 0], 0.24691173978907632, 522, 219, 5),
    ("t0.2equal", 0.02, [1, 4, 1, 1, 3, 1, 2, 1], 0.8150031862123897, 235, 6, 233),
    ("t0.2hier", 0.02, [1, 4, 0, 2, 3, 1, 2, 1], 0.7351403745214613, 151, 9, 78),
    ("distinct3", 0.04, [0, 3, 0, 0, 2, 1, 1, 0], 0.1629291266463162, 1102, 473, 3),
    ("entropy3", 0.04, [0, 3, 0, 1, 2, 1, 1, 0], 0.21205459399018012, 1059, 299, 3),
    ("recursive43", 0.04, [0, 2, 0, 1, 2, 1, 1, 0], 0.20131826078575266, 1124, 460, 3),
    ("k5+distinct3", 0.04, [0, 3, 0, 1, 2, 1, 1, 0], 0.20520830677713886, 814, 289, 5),
    ("t0.2equal", 0.04, [1, 4, 1, 1, 3, 1, 2, 1], 0.8150031862123897, 235, 6, 233),
    ("t0.2hier", 0.04, [1, 4, 0, 0, 3, 2, 2, 1], 0.6967582451624326, 1088, 16, 33),
    ("distinct3", 1.0, [0, 3, 0, 0, 2, 1, 0, 0], 0.15386388821529273, 1913, 615, 3),
    ("entropy3", 1.0, [0, 3, 0, 0, 2, 1, 0, 0], 0.18257544673177462, 2859, 493, 3),
    ("recursive43", 1.0, [0, 3, 0, 0, 2, 1, 0, 0], 0.17080038904964612, 2472, 579, 3),
    ("k5+distinct3", 1.0, [0, 3, 0, 0, 2, 1, 0, 0], 0.1667149200536413, 2335, 492, 5),
    ("t0.2equal", 1.0, [1, 2, 0, 0, 3, 0, 2, 1], 0.6041652321342552, 8156, 23, 32),
    ("t0.2hier", 1.0, [0, 3, 0, 0, 3, 0, 2, 1], 0.5049846167763927, 7271, 37, 9),
]


@pytest.mark.parametrize(("name", "limit", "levels", "score", "suppressed", "classes",
                          "smallest"), L_ROWS)
def test_diversity_and_closeness_match_arx(eight: Prepared, hierarchies: dict[str, Hierarchy],
                                           name: str, limit: float, levels: list[int],
                                           score: float, suppressed: int, classes: int,
                                           smallest: int) -> None:
    _check(eight, _l_models(name, hierarchies), Loss(), limit, levels, score, suppressed,
           classes, smallest)


@pytest.mark.parametrize(("limit", "levels", "score", "suppressed", "classes", "smallest"), [
    (0.0, [0, 4, 0, 2, 3, 2, 2, 1], 0.5915849773198221, 0, 30, 16),
    (0.02, [0, 4, 0, 2, 2, 1, 1, 1], 0.37042019486741684, 560, 159, 2),
])
def test_binary_sensitive_attribute_matches_arx(adult: pl.DataFrame,
                                                hierarchies: dict[str, Hierarchy], limit: float,
                                                levels: list[int], score: float,
                                                suppressed: int, classes: int,
                                                smallest: int) -> None:
    quasi = [q for q in Q9 if q != "salary-class"]
    prepared = prepare(adult, quasi=quasi, hierarchies=hierarchies, sensitive=["salary-class"])
    _check(prepared, [DistinctLDiversity("salary-class", 2)], Loss(), limit, levels, score,
           suppressed, classes, smallest)


def test_distinct_3_diversity_of_a_binary_attribute_has_no_solution(
        adult: pl.DataFrame, hierarchies: dict[str, Hierarchy]) -> None:
    quasi = [q for q in Q9 if q != "salary-class"]
    prepared = prepare(adult, quasi=quasi, hierarchies=hierarchies, sensitive=["salary-class"])
    assert not search(prepared, [DistinctLDiversity("salary-class", 3)], suppression=0.02).found


ENTROPY = NonUniformEntropy(monotone=True)
ENTROPY_NM = NonUniformEntropy(monotone=False)
DM_STAR = Discernibility(monotone=True)

# §6: ARX's own JUnit expectations. In TestAnonymizationTCloseness the k-anonymity cases
# run together with hierarchical 0.2-closeness on occupation (the table lists only the
# k-anonymity part): with that model both the optima and the scores match to the digit,
# while k-anonymity alone has strictly better optima, so the combination is what ARX ran.
JUNIT = [
    ("nine", 0.04, ENTROPY, "k5", 255559.85455731067, [1, 0, 1, 1, 3, 2, 2, 0, 1]),
    ("nine", 0.04, ENTROPY, "k100", 379417.3460570988, [1, 1, 1, 1, 3, 2, 2, 1, 1]),
    ("nine", 0.0, ENTROPY, "k5", 407289.5388925293, [1, 2, 1, 1, 3, 2, 2, 1, 1]),
    ("nine", 0.0, ENTROPY, "k100", 453196.8932458743, [0, 4, 1, 1, 3, 2, 2, 1, 1]),
    ("eight", 0.04, ENTROPY_NM, "entropy5", 228878.2039109517, [1, 0, 1, 1, 2, 2, 2, 1]),
    ("eight", 0.04, ENTROPY_NM, "entropy100", 0.0, None),
    ("eight", 0.0, ENTROPY_NM, "entropy5", 324620.5269918692, [1, 1, 1, 1, 3, 2, 2, 1]),
    ("eight", 0.0, ENTROPY_NM, "entropy100", 0.0, None),
    ("eight", 0.0, ENTROPY_NM, "grassberger5", 324620.5269918692, [1, 1, 1, 1, 3, 2, 2, 1]),
    ("eight", 0.04, DM_STAR, "t0.2equal+k5", 3.11880088e8, [1, 4, 1, 0, 3, 2, 2, 1]),
    ("eight", 0.04, DM_STAR, "t0.2equal+k100", 3.11880088e8, [1, 4, 1, 0, 3, 2, 2, 1]),
    ("eight", 0.04, ENTROPY, "k5+t0.2hier", 377622.78458729305, [1, 4, 0, 0, 3, 2, 2, 1]),
    ("eight", 0.04, ENTROPY, "k100+t0.2hier", 390765.61326019815, [1, 4, 1, 0, 3, 1, 2, 1]),
    ("eight", 0.0, DM_STAR, "t0.2equal+k5", 4.56853172e8, [1, 4, 1, 1, 3, 2, 2, 1]),
    ("eight", 0.0, DM_STAR, "t0.2equal+k100", 4.56853172e8, [1, 4, 1, 1, 3, 2, 2, 1]),
    ("eight", 0.0, ENTROPY, "k5+t0.2hier", 398400.0741806447, [0, 4, 1, 1, 3, 2, 2, 1]),
    ("eight", 0.0, ENTROPY, "k100+t0.2hier", 398400.0741806447, [0, 4, 1, 1, 3, 2, 2, 1]),
    ("eight", 0.1, ENTROPY_NM, "grassberger100", 0.0, None),
]


def _junit_models(name: str, hierarchies: dict[str, Hierarchy]) -> list[PrivacyModel]:
    hier = TCloseness("occupation", 0.2, "hierarchical", hierarchies["occupation"])
    return {
        "k5": [KAnonymity(5)], "k100": [KAnonymity(100)],
        "entropy5": [EntropyLDiversity("occupation", 5)],
        "entropy100": [EntropyLDiversity("occupation", 100)],
        "grassberger5": [EntropyLDiversity("occupation", 5, "grassberger")],
        "grassberger100": [EntropyLDiversity("occupation", 100, "grassberger")],
        "t0.2equal+k5": [TCloseness("occupation", 0.2), KAnonymity(5)],
        "t0.2equal+k100": [TCloseness("occupation", 0.2), KAnonymity(100)],
        "k5+t0.2hier": [KAnonymity(5), hier], "k100+t0.2hier": [KAnonymity(100), hier],
    }[name]  # type: ignore[return-value]


@pytest.mark.parametrize(("data", "limit", "metric", "name", "score", "levels"), JUNIT)
def test_arx_junit_expectations(request: pytest.FixtureRequest,
                                hierarchies: dict[str, Hierarchy], data: str, limit: float,
                                metric: UtilityModel, name: str, score: float,
                                levels: list[int] | None) -> None:
    prepared = request.getfixturevalue(data)
    _check(prepared, _junit_models(name, hierarchies), metric, limit, levels, score)


@pytest.mark.xfail(strict=True, reason=(
    "ARX's Grassberger estimator differs from Grassberger 2003 (G(1) = -gamma - ln 2), which "
    "veil implements; ARX's source for it is not available offline. Flipping the sign of "
    "the correction term reproduces ARX's optimum levels in both rows but not its scores "
    "(216874.35 vs 216092.12), so ARX's formula is not recovered. Shannon rows match."))
@pytest.mark.parametrize(("limit", "l_value", "score", "levels"), [
    (0.04, 5, 216092.124036387, [1, 0, 1, 0, 3, 2, 2, 0]),
    (0.05, 3, 180347.4325366015, [0, 0, 1, 1, 2, 2, 2, 0]),
])
def test_arx_grassberger_rows(eight: Prepared, limit: float, l_value: int, score: float,
                              levels: list[int]) -> None:
    _check(eight, [EntropyLDiversity("occupation", l_value, "grassberger")], ENTROPY_NM,
           limit, levels, score)


def test_practical_monotonicity_row_differs_because_veil_returns_the_true_optimum(
        eight: Prepared, hierarchies: dict[str, Hierarchy]) -> None:
    """ARX with practical monotonicity reports 390765.61 {1,4,1,0,3,1,2,1} for k=5 +
    hierarchical 0.2-closeness at 4 %: a heuristic assumption. veil's exhaustive search
    finds the better optimum ARX itself reports without that assumption."""
    result = search(eight, _junit_models("k5+t0.2hier", hierarchies), metric=ENTROPY,
                    suppression=0.04)
    assert result.best is not None
    assert result.best.score == pytest.approx(377622.78458729305, rel=1e-12)
    assert result.best.score < 390765.61326019815


def test_the_anonymized_output_is_5_anonymous_by_the_risk_module(
        adult: pl.DataFrame, hierarchies: dict[str, Hierarchy]) -> None:
    outcome = anonymize(adult, quasi=Q9, hierarchies=hierarchies, models=[KAnonymity(5)],
                        suppression=0.02)
    assert outcome.data is not None
    released = outcome.data.collect()
    assert released.height == adult.height
    risk = assess(released, quasi=Q9, pairs=False)
    assert risk.classes.smallest >= 5
    assert risk.classes.suppressed == 506
    assert risk.classes.classes == 222
    assert risk.prosecutor.average == pytest.approx(0.007486, abs=1e-6)
