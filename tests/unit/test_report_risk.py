"""Tests for the HTML re-identification risk report (`veil.report.risk_html`)."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from tests.adult_data import ADULT_CSV
from veil.report.risk_html import render_risk_html, risk_section_html
from veil.report.risk_plots import THRESHOLD_ID, risk_curve_svg, risk_steps

INJECTION = "<script>alert(1)</script>"
ADULT = ADULT_CSV
ADULT_QUASI = [
    "sex",
    "age",
    "race",
    "marital-status",
    "education",
    "native-country",
    "workclass",
    "salary-class",
]


def _contribution(attrs: list[str], removed: int, total: int) -> dict[str, Any]:
    return {
        "attributes": attrs,
        "uniques_without": total - removed,
        "uniques_removed": removed,
        "share_removed": removed / total,
    }


def make_risk() -> dict[str, Any]:
    """A handmade risk dict in the shape of `RiskAssessment.to_dict()` (Adult-like)."""
    hist = [[1, 8841], [2, 1565], [3, 686], [4, 331], [5, 219], [6, 150], [7, 106]]
    hist += [[s, 60 - s] for s in range(8, 50)] + [[s, 1] for s in (54, 63, 81, 107, 137)]
    records = sum(s * n for s, n in hist)
    classes = sum(n for _, n in hist)
    at_risk = sum(s * n for s, n in hist if 1 / s > 0.09) / records
    model = {
        "highest": 1.0,
        "lowest": 1 / 137,
        "average": classes / records,
        "records_at_risk": at_risk,
        "records_at_highest": 8841,
        "source": "sample",
    }
    uniques = 8841
    return {
        "quasi_identifiers": list(ADULT_QUASI),
        "threshold": 0.09,
        "threshold_source": "EMA Policy 0070 / Health Canada public release (minimum cell size 11)",
        "summary": "29% of records are unique on sex+age+race; the highest risk is 1.00; "
        "above the 0.09 threshold: 66% of records. Leaving out age would remove 78% of "
        "the uniques.",
        "records": records,
        "suppressed_records": 0,
        "classes": classes,
        "smallest_class": 1,
        "largest_class": 137,
        "average_class_size": records / classes,
        "sample_uniques": uniques,
        "sample_uniqueness": uniques / records,
        "class_size_histogram": hist,
        "prosecutor": dict(model),
        "journalist": {
            **model,
            "source": "upper bound: prosecutor risk (no population table)",
        },
        "marketer": {"success_rate": classes / records},
        "population_uniqueness": {
            "population_size": 317238626,
            "sampling_fraction": records / 317238626,
            "pitman": {"available": True, "uniques": 4614481.19, "fraction": 0.014546},
            "zayatz": {"available": True, "uniques": 27295484.25, "fraction": 0.086041},
            "snb": {"available": False, "uniques": 0.0, "fraction": 0.0},
            "dankar_choice": "pitman",
            "dankar": {"available": True, "uniques": 4614481.19, "fraction": 0.014546},
        },
        "sensitive": [
            {
                "attribute": "occupation",
                "values": 14,
                "distinct_l": 1,
                "entropy_l": 1.0,
                "recursive_l": 2,
                "recursive_c": None,
                "t_closeness_equal": 0.9997,
                "t_closeness_ordered": None,
            },
            {
                "attribute": "hours",
                "values": 94,
                "distinct_l": 3,
                "entropy_l": 2.71,
                "recursive_l": 2,
                "recursive_c": 4.5,
                "t_closeness_equal": 0.42,
                "t_closeness_ordered": 0.18,
            },
        ],
        "contributions": {
            "uniques": uniques,
            "by_attribute": [
                _contribution([q], removed, uniques)
                for q, removed in zip(
                    ADULT_QUASI, [1594, 6861, 1539, 2898, 4809, 1481, 3149, 1188], strict=True
                )
            ],
            "by_pair": [
                _contribution(["age", "education"], 8212, uniques),
                _contribution(["age", "native-country"], 8033, uniques),
            ],
        },
    }


def adult_risk() -> dict[str, Any]:
    """The real Adult assessment when `veil.risk` and the data are there, else `make_risk()`."""
    try:
        import polars as pl

        from veil.risk.assess import Population, assess
    except ImportError:  # veil.risk is still being written
        return make_risk()
    frame = pl.read_csv(ADULT, separator=";", infer_schema=False)
    result = assess(
        frame,
        quasi=ADULT_QUASI,
        sensitive=["occupation"],
        population=Population(size=317238626),
    )
    return result.to_dict()


@pytest.fixture(scope="module")
def adult() -> dict[str, Any]:
    return adult_risk()


@pytest.fixture(scope="module")
def page(adult: dict[str, Any]) -> str:
    return render_risk_html(adult, source="adult.csv")


def _svgs(page: str) -> list[str]:
    return re.findall(r"<svg.*?</svg>", page, flags=re.DOTALL)


def test_renders_adult_page(page: str, adult: dict[str, Any]) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert page.rstrip().endswith("</html>")
    assert "<style>" in page
    assert "Re-identification risk report — adult.csv" in page
    assert "ABOVE THRESHOLD" in page
    assert "EMA Policy 0070" in page
    for text in ("Prosecutor", "Journalist", "Marketer", "Pitman", "Zayatz", "SNB"):
        assert text in page
    assert "chosen by the Dankar rule" in page
    assert "not available" in page  # SNB did not converge on Adult
    assert "occupation" in page
    assert "30,162" in page or f"{adult['records']:,}" in page
    assert "8,841" in page
    assert "age + education" in page or "<code>age</code> + <code>education</code>" in page
    assert len(_svgs(page)) == 4  # risk curve, class sizes, contributions, l/t


def test_summary_from_dict(page: str, adult: dict[str, Any]) -> None:
    assert adult["summary"].split(";")[0] in page


def test_class_size_chart_is_capped(page: str) -> None:
    assert "Only the 40 smallest class sizes are drawn" in page
    assert "(log scale)" in page


def test_deterministic_bytes(page: str, adult: dict[str, Any]) -> None:
    again = render_risk_html(copy.deepcopy(adult), source="adult.csv")
    assert again.encode() == page.encode()


def test_no_external_references(page: str) -> None:
    lowered = page.lower()
    assert "http://" not in lowered
    assert "https://" not in lowered
    assert not re.search(r"""(src|href)\s*=\s*["']?//""", lowered)
    assert "@import" not in lowered
    assert "<link" not in lowered
    assert "<script" not in lowered
    assert "<img" not in lowered
    assert "<?xml" not in lowered
    assert "url(" not in re.sub(r"url\(#[^)]*\)", "", lowered)  # only in-page SVG ids


def test_threshold_line_in_risk_plot(page: str) -> None:
    curve = next(svg for svg in _svgs(page) if "Risk of each record" in svg)
    assert f'id="{THRESHOLD_ID}"' in curve
    assert "threshold 0.09" in curve
    # the line is dashed
    group = curve[curve.index(f'id="{THRESHOLD_ID}"') :]
    assert "stroke-dasharray" in group[: group.index("</g>")]


def test_risk_steps_from_histogram() -> None:
    steps = risk_steps([(1, 2), (4, 2)])  # 2 uniques, 8 records in classes of 4
    assert [(s.size, s.records) for s in steps] == [(1, 2), (4, 8)]
    assert steps[0].start == 0.0
    assert steps[0].end == pytest.approx(0.2)
    assert steps[1].end == pytest.approx(1.0)
    assert steps[1].risk == 0.25
    assert f'id="{THRESHOLD_ID}"' in risk_curve_svg([(1, 2), (4, 2)], 0.3)


def test_hostile_column_names_are_escaped() -> None:
    risk = make_risk()
    risk["quasi_identifiers"][0] = INJECTION
    risk["summary"] = f"{INJECTION} is unique & <b>bold</b>"
    risk["threshold_source"] = INJECTION
    risk["sensitive"][0]["attribute"] = INJECTION
    risk["contributions"]["by_attribute"][0]["attributes"] = [INJECTION]
    risk["contributions"]["by_pair"][0]["attributes"] = [INJECTION, "$x$"]
    risk["prosecutor"]["source"] = INJECTION
    out = render_risk_html(risk, title=INJECTION, source=INJECTION)
    assert INJECTION not in out
    assert "<script" not in out.lower()
    assert "<b>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "$x$" in out


def test_section_is_embeddable(adult: dict[str, Any]) -> None:
    section = risk_section_html(adult)
    assert section.lstrip().startswith('<section id="risk"')
    assert section.rstrip().endswith("</section>")
    outside_svg = re.sub(r"<svg.*?</svg>", "", section, flags=re.DOTALL).lower()
    for tag in ("<html", "<head", "<body", "<style", "<!doctype", "<h1"):
        assert tag not in outside_svg
    assert "<h2>Re-identification risk</h2>" in section
    assert '<h3 id="risk-models">' in section
    ids = re.findall(r'\bid="([^"]+)"', outside_svg)
    assert ids and all(i.startswith("risk") for i in ids)
    assert len(_svgs(section)) == 4
    assert risk_section_html(copy.deepcopy(adult)).encode() == section.encode()


def test_page_headings(page: str) -> None:
    assert page.count("<h1>") == 1
    assert '<h2 id="risk-models">' in page
    assert "<h3" not in re.sub(r"<svg.*?</svg>", "", page, flags=re.DOTALL)


def test_no_sensitive_no_population_no_contributions() -> None:
    risk = make_risk()
    risk["sensitive"] = []
    risk["population_uniqueness"] = None
    risk["contributions"] = {"uniques": 8841, "by_attribute": [], "by_pair": []}
    out = render_risk_html(risk)
    assert "Not computed: give a population size" in out
    assert "No sensitive attributes were assessed" in out
    assert "No contributions were computed" in out
    assert len(_svgs(out)) == 2  # risk curve and class sizes only
    assert 'href="#risk-sensitive"' not in out


def test_missing_keys_do_not_crash() -> None:
    risk = make_risk()
    for key in ("sensitive", "population_uniqueness", "contributions", "marketer"):
        del risk[key]
    out = render_risk_html(risk)
    assert "Not computed: give a population size" in out
    out = render_risk_html({})
    assert "NO RECORDS" in out
    assert "<svg" not in out


def test_within_threshold_and_no_uniques() -> None:
    risk = make_risk()
    hist = [[12, 10], [20, 5]]
    records = 220
    risk.update(
        class_size_histogram=hist,
        records=records,
        classes=15,
        smallest_class=12,
        sample_uniques=0,
        sample_uniqueness=0.0,
    )
    for model in ("prosecutor", "journalist"):
        risk[model].update(highest=1 / 12, lowest=1 / 20, records_at_risk=0.0)
    risk["contributions"] = {
        "uniques": 0,
        "by_attribute": [_contribution([q], 0, 1) for q in ADULT_QUASI],
        "by_pair": [],
    }
    risk["population_uniqueness"]["dankar_choice"] = "none"
    out = render_risk_html(risk)
    assert "WITHIN THRESHOLD" in out
    assert "0.083 (1 in 12)" in out or "0.08 (1 in 12)" in out
    assert "chose no model" in out
    assert len(_svgs(out)) == 3  # no contribution chart when nothing is unique
    assert "Only the" not in out  # two sizes: nothing capped


def test_other_threshold_is_labelled() -> None:
    risk = make_risk()
    risk["threshold"] = 0.2
    risk["threshold_source"] = "the historical cell size of five"
    out = render_risk_html(risk)
    assert "threshold 0.2" in out
    assert "at least 4 other records (classes of 5 or more)" in out


def test_does_not_mutate_input() -> None:
    risk = make_risk()
    before = copy.deepcopy(risk)
    render_risk_html(risk)
    assert risk == before
