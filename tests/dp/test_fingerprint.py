"""The data fingerprint: the same for every export of the same people, different for other
people, and keyed (real CSV, Parquet and JSON lines files read as `veil dp` reads them)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veil.dp.fingerprint import unit_fingerprint
from veil.errors import PolicyError
from veil.io.read import open_dataset

KEY = b"k" * 32


def _data() -> pl.DataFrame:
    return pl.DataFrame({
        "mrn": [f"{i:07d}" for i in range(200) for _ in range(3)],
        "dx": ["I10", "E11", "J45"] * 200,
        "age": list(range(600)),
    })


def _of(path: Path, unit: str) -> str:
    return unit_fingerprint(open_dataset(path).frame, unit, key=KEY)


def test_every_export_of_the_same_people_has_one_fingerprint(tmp_path: Path) -> None:
    data = _data()
    data.write_csv(tmp_path / "a.csv")
    expected = _of(tmp_path / "a.csv", "mrn")
    shuffled = data.sample(fraction=1.0, shuffle=True, seed=3)
    exports = {
        "b.parquet": shuffled.select("age", "mrn", "dx"),
        "c.jsonl": shuffled.select("dx", "mrn"),
        "d.csv": shuffled.rename({"mrn": "patient"}).with_columns(pl.lit(1).alias("extra")),
        "e.parquet": shuffled.filter(pl.col("dx") == "I10"),  # fewer rows, the same people
        "f.csv": pl.concat([data, data]),  # every row twice
    }
    for name, frame in exports.items():
        path = tmp_path / name
        if name.endswith(".parquet"):
            frame.write_parquet(path)
        elif name.endswith(".jsonl"):
            frame.write_ndjson(path)
        else:
            frame.write_csv(path)
        unit = "patient" if name == "d.csv" else "mrn"
        assert _of(path, unit) == expected, name


def test_other_people_have_another_fingerprint(tmp_path: Path) -> None:
    data = _data()
    data.write_csv(tmp_path / "a.csv")
    expected = _of(tmp_path / "a.csv", "mrn")
    others = {
        "one_fewer": data.filter(pl.col("mrn") != "0000042"),
        "one_more": pl.concat([data, data.head(1).with_columns(pl.lit("9999999").alias("mrn"))]),
        "recoded": data.with_columns(("X" + pl.col("mrn")).alias("mrn")),
    }
    for name, frame in others.items():
        frame.write_csv(tmp_path / f"{name}.csv")
        assert _of(tmp_path / f"{name}.csv", "mrn") != expected, name
    # another unit column of the same file is another set
    assert _of(tmp_path / "a.csv", "dx") != expected


def test_the_fingerprint_is_keyed_and_reads_numbers_as_text() -> None:
    frame = pl.LazyFrame({"id": [3, 1, 2, None]})
    assert unit_fingerprint(frame, "id", key=KEY) != unit_fingerprint(frame, "id",
                                                                      key=b"j" * 32)
    as_text = pl.LazyFrame({"id": ["1", None, "2", "3", "3"]})
    assert unit_fingerprint(frame, "id", key=KEY) == unit_fingerprint(as_text, "id", key=KEY)
    without_null = pl.LazyFrame({"id": ["1", "2", "3"]})
    assert unit_fingerprint(without_null, "id", key=KEY) != unit_fingerprint(as_text, "id",
                                                                             key=KEY)


def test_a_unit_column_that_is_not_text_is_a_policy_error() -> None:
    frame = pl.LazyFrame({"id": [[1, 2], [3]]})
    with pytest.raises(PolicyError, match="cannot be read as text"):
        unit_fingerprint(frame, "id", key=KEY)


ids = st.lists(st.one_of(st.none(), st.text(max_size=6)), max_size=30)


@settings(max_examples=150, deadline=None)
@given(values=ids, other=ids, seed=st.integers(0, 2**16))
def test_the_fingerprint_is_a_function_of_the_set(values: list[str | None],
                                                  other: list[str | None], seed: int) -> None:
    """Order and repetition never matter; a different set always changes it (no two sets
    share an encoding: values are length-prefixed, the null has its own mark)."""
    frame = pl.DataFrame({"u": pl.Series(values, dtype=pl.String)})
    again = pl.concat([frame, frame]).sample(fraction=1.0, shuffle=True, seed=seed)
    first = unit_fingerprint(frame.lazy(), "u", key=KEY)
    assert unit_fingerprint(again.lazy(), "u", key=KEY) == first
    second = unit_fingerprint(pl.DataFrame({"u": pl.Series(other, dtype=pl.String)}).lazy(),
                              "u", key=KEY)
    assert (second == first) == (set(values) == set(other))


def test_the_module_examples_run() -> None:
    import doctest

    import veil.dp.fingerprint
    import veil.dp.loss

    for module in (veil.dp.fingerprint, veil.dp.loss):
        outcome = doctest.testmod(module)
        assert outcome.attempted > 0 and outcome.failed == 0, module.__name__
