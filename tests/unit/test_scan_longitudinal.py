"""Per-person uniqueness in a table with several rows per person (one row per visit).

The table is built here, unlike the project's generator: 3-20 rows per
patient, meaningless or misleading headers, names as 'Last, First' and in
capitals, a facility per visit, a provider number and an account code that
repeat within a patient, and per-visit clinical values around them.
"""

from __future__ import annotations

import random
from typing import Any

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veil.categories import Category, Kind
from veil.scan import scan_frame
from veil.scan.longitudinal import EVIDENCE, find_per_person_codes
from veil.scan.model import ColumnFinding

FIRST = ["Maria", "James", "Aaliyah", "Priya", "Olga", "Mateo", "Keisha", "Dmitri", "Fatima",
         "Hiroshi", "Siobhan", "Tomasz", "Lakshmi", "Ingrid", "Esperanza", "Darnell", "Yusuf",
         "Robert", "Linda", "Wei"]
LAST = ["Okafor", "Hernandez", "Kowalski", "Tran", "Patel", "Johansson", "Nakamura",
        "Washington", "Fitzgerald", "Castellanos", "Abernathy", "Lindqvist", "Szymanski",
        "Delacroix", "Ramaswamy", "Whitfield", "Gallagher", "Moreno", "Brooks", "Nguyen"]
FACILITIES = ["Springfield General Hospital", "Mercy Hospital", "Cook County Clinic",
              "St. Mary's of Boise", "Riverside Family Practice"]
DIAGNOSES = ["Essential hypertension", "Type 2 diabetes mellitus", "Parkinson's disease",
             "Acute bronchitis", "Major depressive disorder", "Chronic kidney disease"]
DEPARTMENTS = ["Cardiology", "Emergency Department", "Oncology", "Internal Medicine"]
INSURANCE = ["Medicare", "Medicaid", "Commercial", "Self Pay"]


def visit_table(patients: int = 40, seed: int = 11) -> pl.DataFrame:
    """One row per visit, 3-20 visits per patient, identifiers that repeat per patient.

    Fewer than 50 patients: the row-level rule (many distinct codes) cannot see
    the codes, only the per-person rule can.
    """
    rnd = random.Random(seed)
    rows: list[dict[str, Any]] = []
    for p in range(patients):
        first, last = rnd.choice(FIRST), rnd.choice(LAST)
        person = {
            "k": f"Q{rnd.randint(10**6, 10**7 - 1)}",
            "who": f"{last}, {first}" if p % 2 else f"{last.upper()}, {first.upper()} "
                                                     f"{rnd.choice('ABCDEFG')}",
            "category": rnd.randint(100, 999_999),  # provider number, misleading header
            "grp": f"A-{rnd.randint(1000, 99999)}",  # patient account code
            "ins": rnd.choice(INSURANCE),
            "height_txt": f"{rnd.uniform(150, 195):.1f}",
        }
        for _ in range(rnd.randint(3, 20)):
            rows.append({
                **person,
                "place": rnd.choice(FACILITIES),
                "dx_label": rnd.choice(DIAGNOSES),
                "dept": rnd.choice(DEPARTMENTS),
                "pulse": rnd.randint(55, 120),
                "score": rnd.randint(0, 40),
            })
    return pl.DataFrame(rows)


def _scan(frame: pl.DataFrame) -> dict[str, ColumnFinding]:
    findings = find_per_person_codes(frame, scan_frame(frame).columns)
    return {f.column: f for f in findings}


@pytest.fixture(scope="module")
def visits() -> dict[str, ColumnFinding]:
    return _scan(visit_table())


def test_names_and_facilities_repeating_per_visit_are_identifiers(
    visits: dict[str, ColumnFinding],
) -> None:
    assert visits["who"].kind is Kind.PERSON_NAME, visits["who"].to_dict()
    assert visits["place"].category is Category.GEOGRAPHY, visits["place"].to_dict()


@pytest.mark.parametrize("column", ["category", "grp", "k"])  # rows alone do not tell
def test_codes_constant_per_person_become_other_unique_ids(
    visits: dict[str, ColumnFinding], column: str,
) -> None:
    found = visits[column]
    assert found.kind is Kind.OTHER_ID, found.to_dict()
    assert found.category is Category.OTHER_UNIQUE
    assert any(EVIDENCE in e.detail for e in found.evidence), found.to_dict()


@pytest.mark.parametrize("column", ["dx_label", "dept", "pulse", "score", "ins", "height_txt"])
def test_per_visit_values_and_categories_are_left(
    visits: dict[str, ColumnFinding], column: str,
) -> None:
    found = visits[column]
    assert found.kind is not Kind.OTHER_ID, found.to_dict()
    assert all(EVIDENCE not in e.detail for e in found.evidence)


def test_identifiers_late_in_the_table_are_found() -> None:
    frame = visit_table().sample(fraction=1.0, shuffle=True, seed=3)  # visits interleaved
    late = frame.with_columns(pl.when(pl.int_range(pl.len()) < pl.len() * 0.6)
                              .then(None).otherwise(pl.col("grp")).alias("grp"))
    assert _scan(late)["grp"].kind is Kind.OTHER_ID


def test_first_and_last_name_columns_link_the_rows() -> None:
    frame = visit_table().with_columns(
        pl.col("who").str.split(", ").list.get(0).alias("surname"),
        pl.col("who").str.split(", ").list.get(1).alias("given"),
    ).drop("k", "who")
    found = _scan(frame)
    assert found["grp"].kind is Kind.OTHER_ID, found["grp"].to_dict()


def test_a_header_names_the_person_link() -> None:
    frame = visit_table().rename({"k": "SubjectNo"}).drop("who")
    found = _scan(frame)
    assert found["category"].kind is Kind.OTHER_ID


def test_one_row_per_person_changes_nothing() -> None:
    frame = visit_table().unique(subset="k", keep="first", maintain_order=True)
    scanned = scan_frame(frame).columns
    assert find_per_person_codes(frame, scanned) == scanned


def test_positive_evidence_of_a_clinical_kind_is_kept() -> None:
    frame = visit_table().rename({"category": "glucose"})  # a lab header over constant codes
    found = _scan(frame)
    assert found["glucose"].kind is Kind.LAB_VALUE


def test_empty_and_tiny_frames() -> None:
    empty = pl.DataFrame({"k": [], "v": []}, schema={"k": pl.String, "v": pl.Int64})
    assert find_per_person_codes(empty, scan_frame(empty).columns) == scan_frame(empty).columns
    assert find_per_person_codes(empty, ()) == ()


@settings(max_examples=25, deadline=None)
@given(persons=st.integers(20, 80), visits=st.integers(2, 6), seed=st.integers(0, 10**6))
def test_a_per_person_code_is_always_found_and_a_per_visit_value_never(
    persons: int, visits: int, seed: int,
) -> None:
    rnd = random.Random(seed)
    codes = [f"PRV-{c}" for c in rnd.sample(range(10**5, 10**6), persons)]
    rows = [(f"P{p}", codes[p], rnd.randint(0, 10**6)) for p in range(persons)
            for _ in range(visits)]
    frame = pl.DataFrame(rows, schema=["patient_id", "code", "noise"], orient="row")
    found = {f.column: f for f in find_per_person_codes(frame, scan_frame(frame).columns)}
    assert found["code"].kind is Kind.OTHER_ID
    assert all(EVIDENCE not in e.detail for e in found["noise"].evidence)
