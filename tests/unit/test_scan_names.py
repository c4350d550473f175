"""Person names by shape and dictionaries, however often they repeat.

The columns here are shaped unlike the project's generator (`veil.synth`):
'Last, First' and 'LAST, FIRST M' forms, titles and credentials, initials,
mixed case, names that are common words, few distinct names repeated over many
rows (a row per visit), meaningless or misleading headers, names only in the
later rows. The negatives are clinical and administrative categories that
share words with surnames ('Parkinson's disease', 'Graves disease', 'White',
'Good/Fair/Poor').
"""

from __future__ import annotations

import random

import polars as pl
import pytest

from veil.categories import Category, Kind
from veil.scan import scan_frame
from veil.scan.names import name_table
from veil.scan.people import is_person_name

FIRST = ["Maria", "James", "Aaliyah", "Nguyen", "Priya", "Chidi", "Olga", "Mateo", "Keisha",
         "Dmitri", "Fatima", "Hiroshi", "Siobhan", "Tomasz", "Lakshmi", "Kwame", "Ingrid",
         "Esperanza", "Darnell", "Yusuf"]
LAST = ["Okafor", "Hernandez", "Kowalski", "Tran", "Patel", "Johansson", "Nakamura",
        "Washington", "Oyelaran", "Fitzgerald", "Castellanos", "Abernathy", "Lindqvist",
        "Mbeki", "Szymanski", "Delacroix", "Ramaswamy", "Whitfield", "Gallagher", "Moreno"]
WORD_NAMES = ["Rose Young", "Hunter King", "Grace Long", "Will Bell", "Amber Stone",
              "Summer Hall", "Dawn Wood", "Crystal Green", "Mark Little", "Joy Hill"]


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("Okafor, Chidi", True), ("OKAFOR, CHIDI A", True), ("okafor, chidi", True),
        ("Dr. Priya Ramaswamy", True), ("Mrs. Olga Lindqvist", True), ("Dr. Oyelaran", True),
        ("J. Gallagher", True), ("Gallagher J", True), ("Hernandez-Moreno, Esperanza", True),
        ("Tran, Nguyen Van", True), ("Ramaswamy, Lakshmi, MD", True), ("Kwame Mbeki Jr.", True),
        ("Rose Young", True), ("SIOBHAN", True), ("José Castellanos", True),
        ("Parkinson's disease", False), ("Graves disease", False), ("Hodgkin Lymphoma", False),
        ("Essential hypertension", False), ("Cardiology", False), ("Emergency Department", False),
        ("Internal Medicine", False), ("White", False), ("Good", False), ("Poor", False),
        ("Mercy Hospital", False), ("San Antonio", False), ("Metformin 500 mg", False),
        ("Not Hispanic or Latino", False), ("Lisinopril", False), ("North", False),
    ],
)
def test_one_value_reads_as_a_name_or_not(value: str, ok: bool) -> None:
    assert is_person_name(value) is ok


def test_name_table_keeps_order_and_counts_words() -> None:
    table = name_table(pl.Series(["Hernandez, Maria", None, "Cardiology", "J. Tran"]))
    assert table.get_column("name").to_list() == [True, False, False, True]
    assert table.get_column("known").to_list()[0] == 2
    assert table.get_column("named").to_list()[3] == 1  # the initial is not a named word


def test_empty_series_gives_an_empty_table() -> None:
    assert name_table(pl.Series([], dtype=pl.String)).height == 0


def _visits(values: list[str], rows: int, seed: int) -> list[str]:
    """Few distinct values repeated over many rows, as in a table with a row per visit."""
    rnd = random.Random(seed)
    return [rnd.choice(values) for _ in range(rows)]


def _full(r: random.Random, style: int) -> str:
    first, last, initial = r.choice(FIRST), r.choice(LAST), r.choice("ABCDEFGHJKLMNPRSTW")
    return [f"{last}, {first}", f"{last.upper()}, {first.upper()} {initial}",
            f"{first} {last}", f"{first[0]}. {last}", f"Dr. {first} {last}",
            f"{last} {initial}", f"{first.lower()} {last.lower()}"][style]


@pytest.mark.parametrize("style", range(7), ids=["last-first", "LAST-FIRST-M", "first-last",
                                                 "initial-last", "title", "last-initial",
                                                 "lower"])
def test_repeated_names_are_names_whatever_the_form(style: int) -> None:
    r = random.Random(style)
    people = sorted({_full(r, style) for _ in range(8)})
    column = _visits(people, 400, style)  # 8 people over 400 rows: distinct ratio 0.02
    found = scan_frame(pl.DataFrame({"c_07": column})).finding("c_07")
    assert found.kind is Kind.PERSON_NAME, found.to_dict()
    assert found.category is Category.NAMES


def test_names_that_are_common_words_are_names() -> None:
    found = scan_frame(pl.DataFrame({"x": _visits(WORD_NAMES, 300, 1)})).finding("x")
    assert found.kind is Kind.PERSON_NAME, found.to_dict()


def test_single_name_columns_in_capitals_and_lower_case() -> None:
    frame = pl.DataFrame({"a": [v.upper() for v in _visits(LAST, 300, 2)],
                          "b": [v.lower() for v in _visits(FIRST, 300, 3)]})
    found = scan_frame(frame)
    assert found.finding("a").kind is Kind.PERSON_NAME, found.finding("a").to_dict()
    assert found.finding("b").kind is Kind.PERSON_NAME, found.finding("b").to_dict()


def test_names_only_in_the_later_rows_are_found() -> None:
    names = _visits([f"{last}, {first}" for first, last in zip(FIRST, LAST, strict=True)], 200, 4)
    column: list[str | None] = [None] * 600 + names  # the first 600 rows are empty
    found = scan_frame(pl.DataFrame({"v": column})).finding("v")
    assert found.kind is Kind.PERSON_NAME, found.to_dict()


def test_a_misleading_header_does_not_hide_names() -> None:
    values = _visits([f"{f} {last}" for f, last in zip(FIRST, LAST, strict=True)], 200, 5)
    found = scan_frame(pl.DataFrame({"diagnosis_code": values})).finding("diagnosis_code")
    assert found.kind is Kind.PERSON_NAME, found.to_dict()


CATEGORIES: list[tuple[str, list[str]]] = [
    ("diagnosis labels", ["Parkinson's disease", "Essential hypertension", "Graves disease",
                          "Hodgkin lymphoma", "Crohn's disease", "Type 2 diabetes mellitus",
                          "Bell's palsy", "Down syndrome", "Alzheimer's disease"]),
    ("diagnosis labels, title case", ["Parkinson Disease", "Hodgkin Lymphoma", "Graves Disease",
                                      "Cushing Syndrome", "Addison Disease", "Lyme Disease"]),
    ("drug names", ["Metformin", "Lisinopril", "Atorvastatin", "Amlodipine", "Warfarin",
                    "Levothyroxine", "Allegra", "Gabapentin"]),
    ("departments", ["Cardiology", "Emergency Department", "Oncology", "Intensive Care Unit",
                     "Internal Medicine", "Pediatrics", "Labor and Delivery", "Radiology"]),
    ("states", ["Georgia", "Virginia", "Washington", "Carolina", "Montana", "Texas"]),
    ("sex", ["Male", "Female", "Unknown"]),
    ("race", ["White", "Black or African American", "Asian", "Other"]),
    ("condition", ["Good", "Fair", "Poor", "Critical", "Stable"]),
    ("specimen", ["Blood", "Urine", "Tissue", "Swab", "Sputum"]),
    ("wards", ["North", "South", "East", "West", "Main"]),
    ("marital status", ["Married", "Single", "Divorced", "Widowed"]),
    ("language", ["English", "Spanish", "Vietnamese", "Russian", "Tagalog"]),
    ("payer", ["Medicare", "Medicaid", "Aetna", "Cigna", "Humana", "Self Pay"]),
]


@pytest.mark.parametrize("values", [v for _, v in CATEGORIES],
                         ids=[n for n, _ in CATEGORIES])
def test_categories_are_not_names(values: list[str]) -> None:
    found = scan_frame(pl.DataFrame({"c3": _visits(values, 300, 6)})).finding("c3")
    assert found.kind is not Kind.PERSON_NAME, found.to_dict()
    assert found.category is not Category.NAMES
