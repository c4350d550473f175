"""The hierarchy model and ARX CSV files: validation, errors without values, round trips."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from tests.adult_data import ADULT_DIR
from veil.errors import HierarchyError, UsageError
from veil.hierarchy import Hierarchy, find_hierarchies, read_arx_csv, write_arx_csv

ADULT = ADULT_DIR
ADULT_ATTRIBUTES = ["sex", "age", "race", "marital-status", "education", "native-country",
                    "workclass", "occupation", "salary-class"]
SECRET = "Zq-secret-value"  # a value that must never surface in a message



def education() -> Hierarchy:
    return Hierarchy.from_rows("education", [
        ("Bachelors", "Undergraduate", "Higher", "*"),
        ("Masters", "Graduate", "Higher", "*"),
        ("9th", "High School", "Secondary", "*"),
        ("", "*", "*", "*"),
    ])


# ---------------------------------------------------------------- the model

@pytest.mark.parametrize(("rows", "fragment"), [
    pytest.param([(SECRET, "a", "*"), ("b", "*")], "row 2 has 2 levels, row 1 has 3", id="ragged"),
    pytest.param([(SECRET, "a", "*"), (SECRET, "a", "*")], "1 original value(s) more than once",
                 id="duplicate-originals"),
    pytest.param([(SECRET, "a", "*"), ("b", "a", SECRET)], "1 row(s) generalize the same level-1",
                 id="inconsistent-path"),
    pytest.param([], "has no rows", id="empty"),
])
def test_invalid_tables_are_refused_without_values(rows: list[tuple[str, ...]],
                                                   fragment: str) -> None:
    with pytest.raises(HierarchyError) as caught:
        Hierarchy.from_rows("attr", rows)
    assert fragment in str(caught.value)
    assert SECRET not in str(caught.value)


def test_levels_must_have_equal_lengths() -> None:
    with pytest.raises(HierarchyError, match="differ in length"):
        Hierarchy.from_levels("attr", [["a", "b"], ["*"]])


def test_coverage_error_names_the_count_never_the_value() -> None:
    data = pl.Series("education", ["Bachelors", SECRET, SECRET, "Doctorate", None])
    assert education().missing(data) == 2
    with pytest.raises(HierarchyError, match="does not cover 2 distinct values") as caught:
        education().check_covers(data)
    assert SECRET not in str(caught.value)
    assert "Doctorate" not in str(caught.value)


def test_expression_generalizes_and_looks_up_null_as_empty() -> None:
    frame = pl.DataFrame({"education": ["Masters", None, "9th"]})
    out = frame.select(education().expression("education", 2))["education"].to_list()
    assert out == ["Higher", "*", "Secondary"]
    assert education().leaf_counts[2] == {"Higher": 2, "Secondary": 1, "*": 1}


def test_level_outside_the_height_is_refused() -> None:
    with pytest.raises(HierarchyError, match=r"levels 0\.\.3, level 4 asked"):
        education().expression("education", 4)


# ---------------------------------------------------------------- ARX files

def write(path: Path, text: str | bytes) -> Path:
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


@pytest.mark.parametrize(("content", "fragment"), [
    pytest.param(f"{SECRET};a;*\nb;*\n", "line 2: 2 cells, but line 1 has 3", id="ragged"),
    pytest.param("\n\n", "the file is empty", id="blank-only"),
    pytest.param("", "the file is empty", id="empty"),
    pytest.param(f"a;x;*\n\n{SECRET};y;*\n{SECRET};z;*\n",
                 "line 4: the value in column 1 already appears on line 3 with different "
                 "generalizations", id="conflicting-duplicate"),
    pytest.param(f"{SECRET};x;*\n{SECRET};x;*\n{SECRET};x;{SECRET}\n",
                 "line 3: the value in column 1 already appears on line 1 with different "
                 "generalizations", id="conflict-after-a-repeat"),
    pytest.param(f"{SECRET};x;*\n{SECRET};x ;*\n",
                 "line 2: the value in column 1 already appears on line 1", id="not-exact"),
    pytest.param(f"a;x;*\nb;x;{SECRET}\n", "line 2: column 3 differs from line 1", id="path"),
    pytest.param(b"a;x;*\nb\xff;x;*\n", "line 2: the bytes are not valid utf-8", id="encoding"),
    pytest.param(f'a;x;*\n"{SECRET}"oops;x;*\n', "line 2: not valid CSV", id="quoting"),
])
def test_malformed_files_name_file_and_line_never_values(tmp_path: Path, content: str | bytes,
                                                         fragment: str) -> None:
    path = write(tmp_path / "h.csv", content)
    with pytest.raises(HierarchyError) as caught:
        read_arx_csv(path)
    error = caught.value
    assert str(path) in error.message
    assert fragment in error.message
    assert "\n" not in error.message
    assert error.hint
    assert SECRET not in str(error)


def test_exact_repeats_are_read_once_with_a_note_without_values(tmp_path: Path) -> None:
    """ARX accepts a file that repeats a row exactly; so does veil, and says so."""
    once = read_arx_csv(write(tmp_path / "zip.csv", f"a;x;*\n{SECRET};x;*\n;*;*\n"))
    assert once.notes == ()
    path = write(tmp_path / "adult_hierarchy_zip.csv",
                 f"a;x;*\n{SECRET};x;*\n\n{SECRET};x;*\n;*;*\na;x;*\n{SECRET};x;*\n")
    repeated = read_arx_csv(path)
    assert repeated == once  # the same table; notes take no part in equality
    assert repeated.rows() == [("a", "x", "*"), (SECRET, "x", "*"), ("", "*", "*")]
    assert repeated.leaf_counts[1] == {"x": 2, "*": 1}  # each value counted once
    (note,) = repeated.notes
    assert note.startswith("hierarchy file adult_hierarchy_zip.csv: 3 rows repeat an earlier "
                           "row exactly (first on line 4); each value is read once")
    assert "ARX" in note and "Loss" in note
    assert SECRET not in note and "\n" not in note
    out = tmp_path / "written.csv"
    write_arx_csv(repeated, out)
    assert out.read_text(encoding="utf-8").count(SECRET) == 1  # written once


def test_one_exact_repeat_is_counted_in_the_singular(tmp_path: Path) -> None:
    (note,) = read_arx_csv(write(tmp_path / "h.csv", "a;*\nb;*\na;*\n")).notes
    assert ": 1 row repeats an earlier row exactly (first on line 3)" in note


def test_the_model_itself_still_refuses_repeated_values() -> None:
    """Only the ARX reader merges exact repeats; a table built in code must be clean."""
    with pytest.raises(HierarchyError, match="more than once"):
        Hierarchy.from_rows("attr", [("a", "*"), ("a", "*")], notes=["n"])
    assert Hierarchy.from_rows("attr", [("a", "*")], notes=["n"]).notes == ("n",)


def test_missing_file_is_a_hierarchy_error(tmp_path: Path) -> None:
    with pytest.raises(HierarchyError, match="no such file"):
        read_arx_csv(tmp_path / "absent.csv")


def test_bad_separator_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="'separator' parameter"):
        read_arx_csv(write(tmp_path / "h.csv", "a;*\n"), separator=";;")


@pytest.mark.parametrize(("name", "attribute"), [
    ("adult_hierarchy_age.csv", "age"),
    ("my_data_hierarchy_marital-status.csv", "marital-status"),
    ("zip.csv", "zip"),
])
def test_attribute_comes_from_the_file_name(tmp_path: Path, name: str, attribute: str) -> None:
    assert read_arx_csv(write(tmp_path / name, "a;*\n")).attribute == attribute
    assert read_arx_csv(tmp_path / name, "other").attribute == "other"


def test_read_handles_bom_crlf_quotes_and_latin1(tmp_path: Path) -> None:
    path = write(tmp_path / "h.csv", '\ufeff"a;b";x;*\r\n"say ""hi""";x;*\r\n;*;*\r\n')
    assert read_arx_csv(path).rows() == [("a;b", "x", "*"), ('say "hi"', "x", "*"),
                                         ("", "*", "*")]
    latin = write(tmp_path / "l.csv", "Zürich;CH;*\n".encode("latin-1"))
    assert read_arx_csv(latin, encoding="latin-1").values == ("Zürich",)


def test_write_then_read_is_identity_with_awkward_cells(tmp_path: Path) -> None:
    hierarchy = Hierarchy.from_rows("x", [("a;b", 'q"x', "*"), ("", "*", "*"),
                                          ("line\nbreak", "y", "*")])
    path = tmp_path / "out" / "x_hierarchy_x.csv"
    write_arx_csv(hierarchy, path)
    assert read_arx_csv(path) == hierarchy
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]


def test_write_leaves_no_partial_file_on_failure(tmp_path: Path) -> None:
    hierarchy = Hierarchy.from_rows("x", [("a", "*"), ("Zürich", "*")])
    path = tmp_path / "x.csv"
    with pytest.raises(HierarchyError, match="line 2: a cell cannot be written") as caught:
        write_arx_csv(hierarchy, path, encoding="ascii")
    assert "Zürich" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_find_hierarchies_matches_prefixed_and_plain_names(tmp_path: Path) -> None:
    for name in ("adult_hierarchy_age.csv", "sex.csv", "adult_hierarchy_marital-status.csv",
                 "notes.txt"):
        write(tmp_path / name, "a;*\n")
    found = find_hierarchies(tmp_path, ["age", "sex", "marital-status"])
    assert found == {"age": tmp_path / "adult_hierarchy_age.csv", "sex": tmp_path / "sex.csv",
                     "marital-status": tmp_path / "adult_hierarchy_marital-status.csv"}


def test_find_hierarchies_refuses_missing_and_ambiguous(tmp_path: Path) -> None:
    for name in ("adult_hierarchy_age.csv", "age.csv", "adult_hierarchy_status.csv"):
        write(tmp_path / name, "a;*\n")
    with pytest.raises(HierarchyError, match="2 hierarchy files match attribute 'age'"):
        find_hierarchies(tmp_path, ["age"])
    with pytest.raises(HierarchyError, match="no hierarchy file for 2 attributes: 'sex', 'race'"):
        find_hierarchies(tmp_path, ["status", "sex", "race"])
    with pytest.raises(HierarchyError, match="no such directory"):
        find_hierarchies(tmp_path / "absent", ["age"])


# ---------------------------------------------------------------- the Adult files

@pytest.mark.parametrize("attribute", ADULT_ATTRIBUTES)
def test_adult_hierarchies_round_trip(tmp_path: Path, attribute: str) -> None:
    source = find_hierarchies(ADULT, [attribute])[attribute]
    hierarchy = read_arx_csv(source)
    assert hierarchy.attribute == attribute
    assert set(hierarchy.levels[-1]) == {"*"}
    raw = pl.read_csv(source, separator=";", has_header=False, infer_schema=False)
    assert hierarchy.rows() == list(raw.iter_rows())
    target = tmp_path / source.name
    write_arx_csv(hierarchy, target)
    assert read_arx_csv(target) == hierarchy
    assert target.read_text().splitlines() == source.read_text().splitlines()


def test_adult_hierarchies_cover_the_data() -> None:
    data = pl.read_csv(ADULT / "adult.csv", separator=";", infer_schema=False)
    for attribute, path in find_hierarchies(ADULT, ADULT_ATTRIBUTES).items():
        read_arx_csv(path).check_covers(data[attribute], source="adult.csv")
