"""Tests of the linkage attack (veil.risk.attack) and the voter list (veil.synth.voters).

Tiny hand-made tables pin the matching rules. A generated population checks
the relations between the measures and the prosecutor risk of the release.
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from veil.errors import UsageError
from veil.risk.attack import AttackResult, link
from veil.synth.patients import generate_patients
from veil.synth.voters import COLUMNS, SCHEMA, outsider_seed, voter_list, write_voter_list

QI = ["birth_year", "sex", "zip3"]
ROWS, SEED = 20_000, 11

# --------------------------------------------------------------------------- hand-made tables

# The release keeps the year as text (it holds "*"); the attacker has it as an integer.
RELEASE = pl.DataFrame(
    {
        "rid": [1, 2, 3, 4, 5, 6],
        "birth_year": ["1958", "1958", "1960", None, "*", "1970"],
        "sex": ["F", "F", "M", "F", "*", "*"],
        "zip3": ["021", "021", "100", "200", "*", "300"],
    }
)
AUX = pl.DataFrame(
    {
        "aid": ["1", "3", "4", "9", "5", "6"],
        "birth_year": [1958, 1960, None, 1960, 1980, 1970],
        "sex": ["F", "M", "F", "M", "M", "*"],
        "zip3": ["021", "100", "200", "100", "500", "300"],
    }
)


def test_hand_made_known_answers() -> None:
    """Per aux record: ambiguous (class of 2), unique and right, unique by null = null,
    unique but the wrong person, no match (its release record is suppressed), and
    unique through a partial `*` (an ordinary value)."""
    result = link(RELEASE, AUX, on=QI, release_id="rid", auxiliary_id="aid")
    assert result == AttackResult(
        on=tuple(QI),
        auxiliary_records=6,
        release_records=6,
        matched_any=5,
        matched_unique=4,
        matched_correct=3,
        share_unique=4 / 6,
        share_correct=3 / 6,
        expected_success=(0.5 + 1 + 1 + 1 + 0 + 1) / 6,
    )


def test_lazy_frames_and_no_ground_truth() -> None:
    result = link(RELEASE.lazy(), AUX.lazy(), on=QI)
    assert result.matched_correct is None
    assert result.share_correct is None
    assert (result.matched_any, result.matched_unique) == (5, 4)
    assert result.expected_success == pytest.approx(0.75, abs=1e-15)


def test_int_matches_string() -> None:
    release = pl.DataFrame({"year": ["1958", "1959"], "id": [0, 1]})
    aux = pl.DataFrame({"year": [1958, 1959, 1960], "id": ["0", "0", None]})
    result = link(release, aux, on=["year"], release_id="id", auxiliary_id="id")
    assert (result.matched_any, result.matched_unique, result.matched_correct) == (2, 2, 1)


def test_nulls_equal_only_nulls() -> None:
    release = pl.DataFrame({"a": [None, "x"], "b": ["1", None]})
    aux = pl.DataFrame({"a": [None, None, "x", "x"], "b": ["1", None, None, "1"]})
    result = link(release, aux, on=["a", "b"])
    assert (result.matched_any, result.matched_unique) == (2, 2)


def test_suppressed_records_never_match() -> None:
    release = pl.DataFrame({"a": ["*", "*", "*"], "b": ["*", "*", "1"]})
    aux = pl.DataFrame({"a": ["*", "*"], "b": ["*", "1"]})
    result = link(release, aux, on=["a", "b"])
    assert result.release_records == 3
    # ("*", "*") was suppressed twice: no class; ("*", "1") is an ordinary class.
    assert (result.matched_any, result.matched_unique) == (1, 1)
    assert result.expected_success == 0.5


def test_class_of_every_match_is_counted() -> None:
    release = pl.DataFrame({"q": ["a"] * 4 + ["b"]})
    aux = pl.DataFrame({"q": ["a", "a", "b", "c"]})
    result = link(release, aux, on="q")
    assert result.on == ("q",)
    assert (result.matched_any, result.matched_unique) == (3, 1)
    assert result.expected_success == (0.25 + 0.25 + 1) / 4


def test_no_auxiliary_records() -> None:
    aux = AUX.clear()
    result = link(RELEASE, aux, on=QI, release_id="rid", auxiliary_id="aid")
    assert result.auxiliary_records == 0
    assert result.share_unique == result.share_correct == result.expected_success == 0.0


def test_to_dict_is_json() -> None:
    result = link(RELEASE, AUX, on=QI, release_id="rid", auxiliary_id="aid")
    data = json.loads(json.dumps(result.to_dict()))
    assert data["on"] == QI
    assert data["matched_correct"] == 3


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"on": ["birth_year", "postcode"]}, "postcode"),
        ({"on": []}, "no matching attributes"),
        ({"on": ["sex", "sex"]}, "twice"),
        ({"on": QI, "release_id": "rid"}, "both"),
        ({"on": QI, "release_id": "nope", "auxiliary_id": "aid"}, "release_id"),
        ({"on": QI, "release_id": "rid", "auxiliary_id": "nope"}, "auxiliary_id"),
        ({"on": [*QI, "rid"], "release_id": "rid", "auxiliary_id": "rid"}, "also a matching"),
    ],
)
def test_usage_errors(kwargs: dict[str, object], needle: str) -> None:
    aux = AUX.with_columns(rid=pl.col("aid"))
    with pytest.raises(UsageError) as caught:
        link(RELEASE, aux, **kwargs)  # type: ignore[arg-type]
    message = str(caught.value)
    assert needle in message
    for value in ("1958", "021", "1960"):  # cell values never appear
        assert value not in message


def test_nested_column_is_refused() -> None:
    release = pl.DataFrame({"q": [[1, 2]]})
    with pytest.raises(UsageError, match="cannot be matched"):
        link(release, release, on=["q"])


# --------------------------------------------------------------------------- generated data


@pytest.fixture(scope="module")
def patients() -> pl.DataFrame:
    return pl.concat(generate_patients(ROWS, seed=SEED))


@pytest.fixture(scope="module")
def release(patients: pl.DataFrame) -> pl.DataFrame:
    """A de-identified-like release: birth year, sex, ZIP3, and the ground-truth row index."""
    return patients.select(
        pl.col("birth_date").str.strptime(pl.Date, "%m/%d/%Y").dt.year().alias("birth_year"),
        "sex",
        pl.col("zip").str.slice(0, 3).alias("zip3"),
        pl.int_range(pl.len(), dtype=pl.Int64).alias("person"),
    )


@pytest.fixture(scope="module")
def voters() -> pl.DataFrame:
    return voter_list(ROWS, seed=SEED, sample=0.5)


def _class_sizes(release: pl.DataFrame, voters: pl.DataFrame) -> pl.Series:
    """Size of each attacked person's own equivalence class in the release."""
    sizes = release.with_columns(pl.len().over(QI).alias("size"))
    return voters.join(sizes.select("person", "size"), on="person", how="left")["size"]


def test_attack_measures_the_prosecutor_risk_of_the_attacked(
    release: pl.DataFrame, voters: pl.DataFrame
) -> None:
    """The release contains every voter with the voter's exact values. So each
    voter's matching class is their own equivalence class, and:
    - a unique match is always right: matched_correct = matched_unique = the
      number of voters whose class has size 1, so share_correct is exactly the
      share of attacked people who are sample uniques;
    - expected_success (random pick in the class) = mean over voters of
      1 / class size = the prosecutor risk averaged over the attacked people;
    - it is at least share_correct, since each unique adds 1 to both."""
    result = link(release, voters, on=QI, release_id="person", auxiliary_id="person")
    sizes = _class_sizes(release, voters)
    assert sizes.null_count() == 0
    n = voters.height
    assert result.auxiliary_records == n == ROWS // 2
    assert result.release_records == ROWS
    assert result.matched_any == n
    uniques = int((sizes == 1).sum())
    assert result.matched_correct == result.matched_unique == uniques
    assert result.share_correct == uniques / n
    mean_inverse = (1.0 / sizes).mean()
    assert isinstance(mean_inverse, float)
    assert result.expected_success == pytest.approx(mean_inverse, abs=1e-12)
    assert result.share_correct is not None
    assert result.expected_success >= result.share_correct > 0


def test_generalizing_the_release_lowers_every_share(
    release: pl.DataFrame, voters: pl.DataFrame
) -> None:
    """Birth year to decade on both sides (the attacker codes their list the same way)."""
    exact = link(release, voters, on=QI, release_id="person", auxiliary_id="person")
    start = (pl.col("birth_year") // 10) * 10
    decade = pl.format("{}-{}", start, start + 9)
    coarse = link(
        release.with_columns(decade.alias("birth_year")),
        voters.with_columns(decade.alias("birth_year")),
        on=QI,
        release_id="person",
        auxiliary_id="person",
    )
    assert exact.share_correct is not None and coarse.share_correct is not None
    assert coarse.share_unique < exact.share_unique
    assert coarse.share_correct < exact.share_correct
    assert coarse.expected_success < exact.expected_success
    assert coarse.matched_any == exact.matched_any == voters.height


def test_outsiders_add_only_wrong_or_no_matches(release: pl.DataFrame) -> None:
    insiders = voter_list(ROWS, seed=SEED, sample=0.5)
    mixed = voter_list(ROWS, seed=SEED, sample=0.5, include_outsiders=0.2)
    a = link(release, insiders, on=QI, release_id="person", auxiliary_id="person")
    b = link(release, mixed, on=QI, release_id="person", auxiliary_id="person")
    assert b.auxiliary_records == a.auxiliary_records + round(0.2 * a.auxiliary_records)
    assert b.matched_correct == a.matched_correct
    assert b.matched_unique >= a.matched_unique  # an outsider may hit a unique: a false match


# --------------------------------------------------------------------------- voter list


def test_voter_list_is_the_patients_own_values(
    patients: pl.DataFrame, voters: pl.DataFrame
) -> None:
    assert voters.schema == SCHEMA
    assert tuple(voters.columns) == COLUMNS
    assert voters.height == ROWS // 2
    assert voters["person"].null_count() == 0
    assert voters["person"].n_unique() == voters.height
    assert voters["voter_id"].n_unique() == voters.height
    assert voters["voter_id"].str.contains(r"^V\d{10}$").all()
    truth = patients.with_row_index("person").with_columns(pl.col("person").cast(pl.Int64))
    both = voters.join(truth, on="person", how="left", suffix="_p")
    assert (both["first_name"] == both["first_name_p"]).all()
    assert (both["last_name"] == both["last_name_p"]).all()
    assert (both["sex"] == both["sex_p"]).all()
    assert (both["state"] == both["state_p"]).all()
    assert (both["zip3"] == both["zip"].str.slice(0, 3)).all()
    assert (both["birth_year"].cast(pl.String) == both["birth_date"].str.slice(6, 4)).all()


def test_voter_list_is_deterministic_and_seeded() -> None:
    first = voter_list(3_000, seed=SEED, sample=0.5)
    assert voter_list(3_000, seed=SEED, sample=0.5).equals(first)
    other = voter_list(3_000, seed=SEED, sample=0.5, sample_seed=2)
    assert set(other["person"]) != set(first["person"])
    assert voter_list(100, seed=SEED, sample=0.25).height == 25
    assert voter_list(100, seed=SEED, sample=0.0).height == 0
    assert set(voter_list(100, seed=SEED, sample=1.0)["person"]) == set(range(100))
    assert voter_list(0, seed=SEED).schema == SCHEMA


def test_outsiders_are_other_people() -> None:
    mixed = voter_list(2_000, seed=SEED, sample=0.5, include_outsiders=0.5)
    assert mixed.height == 1_500
    assert mixed["person"].null_count() == 500
    assert mixed["voter_id"].n_unique() == 1_500
    outsiders = mixed.filter(pl.col("person").is_null())
    others = pl.concat(generate_patients(500, seed=outsider_seed(SEED)))
    assert outsiders["first_name"].sort().equals(others["first_name"].sort())
    assert outsider_seed(SEED) != SEED


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_write_voter_list(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"voters{suffix}"
    write_voter_list(path, 500, seed=SEED, sample=0.4)
    back = pl.read_csv(path, schema=SCHEMA) if suffix == ".csv" else pl.read_parquet(path)
    assert back.equals(voter_list(500, seed=SEED, sample=0.4))
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [({"sample": 1.5}, "sample"), ({"include_outsiders": -0.1}, "include_outsiders")],
)
def test_voter_list_errors(kwargs: dict[str, float], needle: str) -> None:
    with pytest.raises(UsageError, match=needle):
        voter_list(10, seed=SEED, **kwargs)  # type: ignore[arg-type]


def test_write_voter_list_refuses_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="extension"):
        write_voter_list(tmp_path / "voters.xlsx", 10, seed=SEED)
    assert not list(tmp_path.iterdir())
