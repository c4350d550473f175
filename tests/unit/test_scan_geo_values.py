"""Geography inside values: facility and site names with a town in them, addresses in
free-form location fields, coordinates in one value or in latitude/longitude columns.

Headers are meaningless or misleading, values repeat (a row per visit) and the
negatives are clinical categories with place-like words in them.
"""

from __future__ import annotations

import random

import polars as pl
import pytest

from veil.categories import Category, Kind
from veil.scan import scan_frame
from veil.scan.places import place_table
from veil.scan.recognizer import Rule
from veil.scan.registry import DEFAULT_RECOGNIZERS
from veil.scan.sample import ColumnSample

ROWS = 300


def _visits(values: list[str], seed: int = 0, rows: int = ROWS) -> list[str]:
    rnd = random.Random(seed)
    return [rnd.choice(values) for _ in range(rows)]


def _kind(values: list[object], header: str = "c9") -> tuple[Kind, Category | None, dict]:
    found = scan_frame(pl.DataFrame({header: values})).finding(header)
    return found.kind, found.category, found.to_dict()


@pytest.mark.parametrize(
    ("value", "flags"),
    [
        ("Springfield General Hospital", {"facility", "proper", "place"}),
        ("Cook County Clinic", {"facility", "proper", "county"}),
        ("St. Mary's of Boise", {"saint", "proper", "place"}),
        ("Clinic B, 12 Oak St, Dayton OH", {"facility", "proper", "place", "place_state",
                                            "address"}),
        ("Mercy Hospital", {"facility", "proper"}),
        ("Cardiology Clinic", {"facility"}),
        ("Emergency Department", set()),
        ("PO Box 1432, Tulsa", {"address", "proper", "place"}),
        ("Normal sinus rhythm", set()),
    ],
)
def test_place_table_flags(value: str, flags: set[str]) -> None:
    row = place_table(pl.Series([value])).row(0, named=True)
    assert {k for k, v in row.items() if v} == flags


FACILITIES_WITH_PLACES = [
    "Springfield General Hospital", "Mercy Hospital", "Cook County Clinic",
    "St. Mary's of Boise", "Riverside Family Practice", "Cardiology Clinic",
    "DAYTON CHILDREN'S HOSPITAL", "Providence Health Center", "Tulsa Urgent Care",
]


def test_facility_names_with_a_town_are_geography() -> None:
    kind, category, found = _kind(_visits(FACILITIES_WITH_PLACES))
    assert kind is Kind.CITY, found
    assert category is Category.GEOGRAPHY


def test_a_single_facility_repeated_in_every_row_is_geography() -> None:
    kind, _, found = _kind(["Springfield General Hospital"] * ROWS)
    assert kind is Kind.CITY, found


def test_site_names_under_a_site_header_with_towns() -> None:
    kind, _, found = _kind(_visits(["Boise North", "Meridian Main", "Nampa Annex", "Eagle",
                                    "Downtown"]), header="site")
    assert kind is Kind.CITY, found


def test_facility_names_without_a_town_are_other_unique_identifiers() -> None:
    values = _visits(["Mercy Hospital", "Kaiser Permanente Medical Center",
                      "UCSF Medical Center", "St. Luke's", "Cedars-Sinai Medical Center"])
    kind, category, found = _kind(values)
    assert kind is Kind.OTHER_ID, found
    assert category is Category.OTHER_UNIQUE


@pytest.mark.parametrize(
    "values",
    [
        ["Clinic B, 12 Oak St, Dayton OH", "Suite 4, 990 Main Street", "Main campus",
         "Building C, 45 Elm Ave, Toledo OH 43604"],
        ["seen at 1200 Maple Avenue", "Rm 4, 77 N. Lake Shore Dr", "Annex, 5 Pine Rd"],
        ["Outreach van - Boise, Idaho", "Mobile unit - Nampa ID", "Home visit - Eagle, ID"],
        ["PO Box 1432", "P.O. Box 77, Marion", "Post Office Box 9"],
    ],
    ids=["street-and-city", "street-only", "city-and-state", "po-box"],
)
def test_addresses_inside_location_text(values: list[str]) -> None:
    kind, category, found = _kind(_visits(values, 3), header="where")
    assert category is Category.GEOGRAPHY, found
    assert kind in (Kind.STREET_ADDRESS, Kind.CITY), found


@pytest.mark.parametrize(
    "make",
    [
        lambda r: f"{r.uniform(25, 48):.2f},{r.uniform(-124, -67):.2f}",
        lambda r: f"({r.uniform(25, 48):.5f}; {r.uniform(-124, -67):.5f})",
        lambda r: f"{r.uniform(25, 48):.4f} -{r.uniform(67, 124):.4f}",
        lambda r: f"{r.uniform(25, 48):.4f}° N, {r.uniform(67, 124):.4f}° W",
        lambda r: f"{r.randint(25, 48)}°{r.randint(0, 59)}'{r.randint(0, 59)}\"N "
                  f"{r.randint(67, 124)}°{r.randint(0, 59)}'{r.randint(0, 59)}\"W",
        lambda r: f"POINT({r.uniform(-124, -67):.5f} {r.uniform(25, 48):.5f})",
    ],
    ids=["comma", "parentheses", "space", "hemispheres", "dms", "wkt"],
)
def test_coordinate_pairs(make: object) -> None:
    rnd = random.Random(9)
    values = [make(rnd) for _ in range(60)]  # type: ignore[operator]
    kind, _, found = _kind(values)
    assert kind is Kind.GEO_COORDINATE, found


@pytest.mark.parametrize(("header", "low", "high"),
                         [("pt_lat", 25, 48), ("HomeLng", -124, -67), ("y_coord", 25, 48),
                          ("latitude_deg", 25, 48)])
def test_latitude_and_longitude_columns(header: str, low: float, high: float) -> None:
    rnd = random.Random(2)
    kind, category, found = _kind([round(rnd.uniform(low, high), 5) for _ in range(80)], header)
    assert kind is Kind.GEO_COORDINATE, found
    assert category is Category.GEOGRAPHY


def test_latitudes_as_text() -> None:
    rnd = random.Random(3)
    kind, _, found = _kind([f"{rnd.uniform(25, 48):.5f}" for _ in range(80)], "lat")
    assert kind is Kind.GEO_COORDINATE, found


NOT_GEOGRAPHY: list[tuple[str, list[str]]] = [
    ("departments", ["Cardiology", "Emergency Department", "Oncology", "Intensive Care Unit",
                     "Cardiology Clinic", "General Hospital", "Outpatient Surgery Center"]),
    ("diagnosis labels", ["Norwalk virus gastroenteritis", "Lyme disease",
                          "Rocky Mountain spotted fever", "West Nile virus infection",
                          "Parkinson's disease", "Normal sinus rhythm"]),
    ("discharge disposition", ["Home Health Care", "Skilled Nursing Facility", "Hospice - Home",
                               "Long-Term Care Hospital", "Expired"]),
    ("payers", ["Aetna Health", "Medicare", "Blue Cross Blue Shield", "Humana Health Plan"]),
    ("dose text", ["Take 2 tabs by mouth daily", "1 tab at bedtime", "3 Times Dr visits"]),
    ("sex", ["Male", "Female"]),
    ("race", ["White", "Black or African American", "Asian"]),
]


@pytest.mark.parametrize("values", [v for _, v in NOT_GEOGRAPHY],
                         ids=[n for n, _ in NOT_GEOGRAPHY])
def test_clinical_categories_are_not_geography(values: list[str]) -> None:
    kind, category, found = _kind(_visits(values, 5))
    assert category is not Category.GEOGRAPHY, found
    assert kind is not Kind.OTHER_ID, found


def test_state_names_stay_states() -> None:
    kind, _, found = _kind(_visits(["New York", "Ohio", "Idaho", "Texas", "Georgia"], 6))
    assert kind is Kind.STATE, found


MIXED: dict[str, list[str]] = {
    "coordinate forms": ["41.88,-87.63", "41.8781° N, 87.6298° W", "POINT(-87.63 41.88)"] * 40,
    "location text": ["Clinic B, 12 Oak St, Dayton OH", "PO Box 77", "Boise, Idaho",
                      "Toledo OH 43604", "Main campus"] * 30,
    "facilities": FACILITIES_WITH_PLACES * 20,
    "names and sites": ["Okafor, Chidi", "St. Mary's", "Dr. Priya Ramaswamy",
                        "Mercy Hospital"] * 30,
}


@pytest.mark.parametrize("name", list(MIXED))
@pytest.mark.parametrize("header", ["c0", "site"])
def test_gates_bound_their_checks_on_mixed_columns(name: str, header: str) -> None:
    """A gate's bound must hold when one column mixes the forms a check accepts."""
    series = pl.Series(MIXED[name])
    for rule in DEFAULT_RECOGNIZERS:
        assert isinstance(rule, Rule)
        column = ColumnSample(header, series)
        gate = rule.gate(column)
        found = rule.check(ColumnSample(header, series))
        if gate is None:
            continue
        if not gate:
            assert found is None or found.share == 0.0, rule.name
            continue
        column.prime(r for p in gate for r in p.regexes)
        bound = max(column.share_bound(p) for p in gate)
        assert found is not None, rule.name
        assert found.share <= bound + 1e-9, (rule.name, found.share, bound)
