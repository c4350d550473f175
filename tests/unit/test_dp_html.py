"""Tests for the DP release page (`veil.report.dp_html.render_dp_html`)."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from veil.report.dp_html import MAX_ROWS, PREVIEW_BANNER, render_dp_html
from veil.report.dp_plots import MAX_BARS

SPECIAL = "<b>&\"x'"
STATEMENT = ("This release satisfies differential privacy with epsilon = 1 (pure differential "
             "privacy)")

_ACC = {"confidence": 0.95, "distribution": "Integer Laplace", "scale": 4.0, "half_width": 12.3}


def _guarantee(accounting: str, parameters: dict[str, Any]) -> dict[str, Any]:
    return {
        "unit_of_privacy": {"level": "user-level (one person, all of their rows)",
                            "column": "patient_id", "max_contributions": 3,
                            "bounding": "rows beyond 3 per 'patient_id' value are dropped"},
        "accounting": accounting,
        "parameters": {"accounting": accounting, **parameters},
        "statement": STATEMENT + " for any one person.",
        "composition": "sequential: the parameters of every release add up in its ledger",
        "mechanisms": "OpenDP (Polars integration): Laplace noise",
        "not_covered": ["other releases of the same people", "the public domains and bounds"],
    }


def pure_record() -> dict[str, Any]:
    """A pure-DP release with one query of each interesting shape."""
    guarantee = _guarantee("pure", {"epsilon": 1.0})
    guarantee["ledger"] = {"spent_before": {"accounting": "pure", "epsilon": 2.0},
                           "left_after": {"accounting": "pure", "epsilon": 7.0}}
    return {
        "format": "veil-dp-release-v1",
        "dataset": "admissions-2026",
        "preview": False,
        "released_at": "2026-11-23T05:00:00+00:00",
        "guarantee": guarantee,
        "ledger": {"location": "sqlite:////data/veil-dp-ledger.sqlite", "entry": 4,
                   "digest": "ab" * 32, "head": {"seq": 4, "digest": "ab" * 32},
                   "note": "keep this digest"},
        "queries": [
            {"name": "admissions", "kind": "count", "query": {"name": "admissions",
                                                              "kind": "count"},
             "budget_share": [0.2], "accuracy": dict(_ACC),
             "rows": [{"value": 1234, "lower": 1221.7, "upper": 1246.3}]},
            {"name": "by_diagnosis", "kind": "count_by",
             "query": {"name": "by_diagnosis", "kind": "count_by", "by": ["diagnosis"],
                       "domain": {"diagnosis": ["I10", "E11", SPECIAL]}},
             "budget_share": [0.2], "accuracy": dict(_ACC),
             "rows": [{"diagnosis": "I10", "value": 400, "lower": 387.7, "upper": 412.3},
                      {"diagnosis": "E11", "value": 5, "lower": 0.0, "upper": 17.3},
                      {"diagnosis": SPECIAL, "value": 88, "lower": 75.7, "upper": 100.3}]},
            {"name": "ages", "kind": "histogram",
             "query": {"name": "ages", "kind": "histogram", "column": "age",
                       "bins": [0, 18, 65, 120]},
             "budget_share": [0.2], "accuracy": dict(_ACC),
             "rows": [{"bin": "[0, 18)", "value": 100, "lower": 87.7, "upper": 112.3},
                      {"bin": "[18, 65)", "value": 700, "lower": 687.7, "upper": 712.3},
                      {"bin": "[65, 120)", "value": 434, "lower": 421.7, "upper": 446.3}]},
            {"name": "stay_by_ward", "kind": "mean",
             "query": {"name": "stay_by_ward", "kind": "mean", "by": ["ward"],
                       "column": "length_of_stay", "bounds": [0, 60],
                       "domain": {"ward": ["A", "B"]}},
             "budget_share": [0.2],
             "accuracy": {"confidence": 0.95, "method": "noisy sum / noisy count",
                          "sum": {"confidence": 0.975, "distribution": "Float Laplace",
                                  "scale": 240.0, "half_width": 885.3},
                          "count": {"confidence": 0.975, "distribution": "Integer Laplace",
                                    "scale": 4.0, "half_width": 14.8},
                          "note": "no interval where the noisy count's lower end is not "
                                  "above zero"},
             "rows": [{"ward": "A", "value": 4.25, "lower": 3.1, "upper": 5.6,
                       "noisy_sum": 2550.5, "noisy_count": 600.0},
                      {"ward": "B", "value": None, "lower": None, "upper": None,
                       "noisy_sum": -3.0, "noisy_count": -2.0}]},
            {"name": "age_median", "kind": "quantile",
             "query": {"name": "age_median", "kind": "quantile", "column": "age",
                       "bounds": [0, 120], "quantiles": [0.5], "candidates": 121},
             "budget_share": [0.2],
             "accuracy": {"distribution": "GumbelMin", "scale": 10.0, "half_width": None,
                          "note": "OpenDP's quantile has no closed-form interval; none is "
                                  "given"},
             "rows": [{"quantile": 0.5, "value": 47.0, "lower": None, "upper": None}]},
        ],
    }


def zcdp_record() -> dict[str, Any]:
    """A zCDP release with its (epsilon, delta) equivalent and the epsilon > 1 caution."""
    record = pure_record()
    guarantee = _guarantee("zcdp", {"rho": 0.5})
    guarantee["epsilon_delta_equivalent"] = {"epsilon": 4.7, "delta": 1e-7,
                                             "note": "report rho as well"}
    guarantee["caution"] = "epsilon above 1: SP 800-226 warns about large values"
    record["guarantee"] = guarantee
    record["queries"] = record["queries"][:3]
    for query in record["queries"]:
        query["budget_share"] = [0.5 / 3]
        query["accuracy"] = {**_ACC, "distribution": "Integer Gaussian"}
    return record


def preview_record() -> dict[str, Any]:
    """The data owner's preview: true values beside released ones, nothing charged."""
    record = pure_record()
    record.update(preview=True, released_at=None, ledger=None, truncated_rows=17)
    record["guarantee"]["preview"] = "PREVIEW ON A COPY, NOT A RELEASE"
    del record["guarantee"]["ledger"]
    truths = iter([1230, 398, 9, 90, 101, 699, 430, 4.3, None, 46.0])
    for query in record["queries"]:
        for row in query["rows"]:
            row["true_value"] = next(truths)
    return record


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return {"pure": render_dp_html(pure_record()), "zcdp": render_dp_html(zcdp_record()),
            "preview": render_dp_html(preview_record())}


@pytest.mark.parametrize("which", ["pure", "zcdp", "preview"])
def test_renders_a_self_contained_page(pages: dict[str, str], which: str) -> None:
    page = pages[which]
    assert page.startswith("<!DOCTYPE html>")
    assert page.rstrip().endswith("</html>")
    lowered = page.lower()
    assert "<script" not in lowered
    assert "http" not in lowered
    assert "<link" not in lowered
    assert not re.search(r"\b(?:src|href)=\"(?!#)", page)  # only in-page anchors


@pytest.mark.parametrize(("which", "make"), [("pure", pure_record), ("zcdp", zcdp_record),
                                             ("preview", preview_record)])
def test_deterministic_bytes(pages: dict[str, str], which: str, make: Any) -> None:
    assert render_dp_html(make()).encode() == pages[which].encode()


def test_escapes_category_labels(pages: dict[str, str]) -> None:
    page = pages["pure"]
    assert "<b>" not in page
    assert "&lt;b&gt;&amp;" in page  # in the table, the spec's domain and the chart


def test_statement_and_guarantee(pages: dict[str, str]) -> None:
    page = pages["pure"]
    assert STATEMENT in page
    assert "Differential privacy release</h1>" in page
    assert "epsilon 1 (pure)" in page
    assert "epsilon 2 (pure)" in page and "epsilon 7 (pure)" in page  # ledger spent / left
    assert "ab" * 32 in page
    assert "other releases of the same people" in page
    assert "CAUTION" not in page


def test_zcdp_equivalent_and_caution(pages: dict[str, str]) -> None:
    page = pages["zcdp"]
    assert "rho 0.5" in page
    assert "epsilon 4.7 at delta 1e-07" in page
    assert "CAUTION" in page and "SP 800-226 warns about large values" in page
    assert "zero-concentrated differential privacy" in page


def test_preview_banner_only_in_previews(pages: dict[str, str]) -> None:
    assert PREVIEW_BANNER in pages["preview"]
    assert "Differential privacy release — PREVIEW" in pages["preview"]
    assert "True value" in pages["preview"]
    assert "17 rows were dropped" in pages["preview"]
    for which in ("pure", "zcdp"):
        assert "NOT FOR RELEASE" not in pages[which]
        assert "True value" not in pages[which]


def test_preview_true_values_shown(pages: dict[str, str]) -> None:
    page = pages["preview"]
    assert '<td class="n truth">398</td>' in page
    assert "true value 1,230" in page  # the ungrouped count's line


@pytest.mark.parametrize("which", ["pure", "preview"])
def test_plots_for_grouped_queries(pages: dict[str, str], which: str) -> None:
    page = pages[which]
    assert page.count("<svg") == 3  # count_by, histogram, grouped mean
    for anchor in ("query-2-plot", "query-3-plot", "query-4-plot"):
        assert f'id="{anchor}"' in page
    assert 'id="query-1-plot"' not in page and 'id="query-5-plot"' not in page


def test_reading_of_each_query(pages: dict[str, str]) -> None:
    page = pages["pure"]
    assert "95 % interval: value ± 12.3 (Integer Laplace, scale 4)." in page
    assert "1,234 [1,221.7, 1,246.3]" in page
    assert "Noisy sum: ± 885.3 at 97.5 %" in page
    assert "No interval: OpenDP&#39;s quantile has no closed-form interval" in page
    assert "epsilon 0.2 (20.0% of the release&#39;s 1)" in page


def test_long_tables_and_charts_are_capped() -> None:
    record = pure_record()
    query = record["queries"][1]
    record["queries"] = [query]
    query["rows"] = [{"diagnosis": f"D{i:03}", "value": i, "lower": i - 1.5, "upper": i + 1.5}
                     for i in range(MAX_ROWS + 50)]
    page = render_dp_html(record)
    table = page.split("<tbody>")[-1]
    assert "<td>D199</td>" in table and "D200" not in table
    assert f"{MAX_ROWS:,} of {MAX_ROWS + 50:,} rows are shown; 50 more" in page
    assert f"first {MAX_BARS} of {MAX_ROWS + 50:,} bars" in page


def test_table_kind_uses_combined_labels() -> None:
    record = pure_record()
    record["queries"] = [{
        "name": "ward_by_sex", "kind": "table",
        "query": {"name": "ward_by_sex", "kind": "table", "by": ["ward", "sex"],
                  "domain": {"ward": ["A", "B"], "sex": ["F", "M"]}},
        "budget_share": [1.0], "accuracy": dict(_ACC),
        "rows": [{"ward": w, "sex": s, "value": 10, "lower": 0.0, "upper": 22.3}
                 for w in ("A", "B") for s in ("F", "M")]}]
    page = render_dp_html(record)
    assert "A × F" in page and "B × M" in page
    assert page.count("<svg") == 1


def test_tolerates_missing_keys_and_does_not_mutate() -> None:
    assert "Differential privacy release" in render_dp_html({})
    record = preview_record()
    record["queries"] = record["queries"][:2]
    before = copy.deepcopy(record)
    render_dp_html(record)
    assert record == before


@pytest.mark.parametrize(("kind", "row", "expected"), [
    ("sum", {"value": 12345.67, "lower": 11000.5, "upper": 13690.8},
     "12,345.7 [11,000.5, 13,690.8]"),
    ("mean", {"value": 4.25, "lower": 3.1, "upper": 5.6, "noisy_sum": 2550.5,
              "noisy_count": 600.0}, "4.25 [3.1, 5.6] (noisy sum 2,550.5; noisy count 600)"),
    ("count", {"value": 7, "lower": None, "upper": None}, "7<"),
])
def test_ungrouped_queries_are_one_line(kind: str, row: dict[str, Any], expected: str) -> None:
    record = pure_record()
    record["queries"] = [{"name": "total", "kind": kind, "query": {"name": "total", "kind": kind},
                          "budget_share": [1.0], "accuracy": dict(_ACC), "rows": [row]}]
    page = render_dp_html(record)
    assert f'<p class="single">{expected}' in page
    assert "<svg" not in page
