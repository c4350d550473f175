"""Tests for the self-contained HTML report (`veil.report.html.render_html`)."""

from __future__ import annotations

import copy
import html
import re
from typing import Any

import pytest

from veil.categories import Category
from veil.report.html import render_html

INJECTION = "<script>alert(1)</script>"

_STATUS: dict[str, str] = {
    "A": "removed",
    "B": "transformed",
    "C": "transformed",
    "D": "removed",
    "E": "removed",
    "F": "removed",
    "G": "removed",
    "H": "removed",
    "I": "removed",
    "J": "not present",
    "K": "not present",
    "L": "not present",
    "M": "not present",
    "N": "removed",
    "O": "removed",
    "P": "not present",
    "Q": "not present",
    "R": "attestation required",
}
_CHECK_COLUMNS: dict[str, list[dict[str, Any]]] = {
    "A": [{"column": "patient_name", "action": "drop", "output": None}],
    "B": [
        {"column": "zip", "action": "zip3", "output": "zip"},
        {"column": "city", "action": "drop", "output": None},
    ],
    "C": [
        {"column": "birth_date", "action": "generalize", "output": "birth_year"},
        {"column": "age", "action": "top_code", "output": "age"},
    ],
    "D": [{"column": "phone", "action": "drop", "output": None}],
    "E": [{"column": "fax", "action": "drop", "output": None}],
    "F": [{"column": "email", "action": "drop", "output": None}],
    "G": [{"column": "ssn", "action": "drop", "output": None}],
    "H": [{"column": "mrn", "action": "pseudonym", "output": "patient_code"}],
    "I": [{"column": "plan_id", "action": "drop", "output": None}],
    "N": [{"column": "homepage", "action": "drop", "output": None}],
    "O": [{"column": INJECTION, "action": "drop", "output": None}],
}


def make_report() -> dict[str, Any]:
    """A realistic report dict, in the shape `report.json` has."""
    checklist = [
        {
            "category": cat.value,
            "number": cat.number,
            "label": cat.label,
            "status": _STATUS[cat.value],
            "note": (
                "open-ended: a person must confirm no other unique code remains"
                if cat is Category.OTHER_UNIQUE
                else ""
            ),
            "columns": _CHECK_COLUMNS.get(cat.value, []),
        }
        for cat in Category
    ]
    columns = [
        {
            "input": c["column"],
            "output": c["output"],
            "action": c["action"],
            "kind": k,
            "category": letter,
            "role": "direct" if c["output"] is None else "quasi",
            "reason": f"{k} (95%: header '{c['column']}')",
        }
        for letter, cols in _CHECK_COLUMNS.items()
        for c, k in zip(cols, ["kind_" + letter] * len(cols), strict=True)
    ]
    columns += [
        {
            "input": "sex",
            "output": "sex",
            "action": "keep",
            "kind": "sex",
            "category": None,
            "role": "quasi",
            "reason": "sex is allowed by Safe Harbor",
        },
        {
            "input": "dx_code",
            "output": "dx_code",
            "action": "keep",
            "kind": "diagnosis_code",
            "category": None,
            "role": "sensitive",
            "reason": "clinical content",
        },
    ]
    ages = [[str(a), 10 + (a * 7) % 23] for a in range(90)] + [["90+", 31]]
    return {
        "title": "Safe Harbor de-identification report",
        "veil_version": "0.1.0",
        "profile": "safe-harbor",
        "generated_at": "2026-11-22T22:40:00Z",
        "reference_date": "2026-01-01",
        "input": {"file": "patients.csv", "format": "csv", "rows": 10000, "columns": 16},
        "output": {"file": "patients_deid.csv", "format": "csv", "rows": 10000, "columns": 7},
        "summary": {
            "categories_present": 11,
            "categories_handled": 11,
            "violations": 0,
            "attestations": 2,
            "columns_dropped": 9,
            "columns_transformed": 4,
            "columns_kept": 2,
        },
        "checklist": checklist,
        "columns": columns,
        "kept": [
            {"column": "sex", "role": "quasi", "reason": "sex is allowed by Safe Harbor"},
            {"column": "dx_code", "role": "sensitive", "reason": "ICD-10 code, clinical"},
        ],
        "quasi_identifiers": ["sex", "zip", "birth_year", "age"],
        "zip3": {
            "mode": "blocklist",
            "lists": [
                {"name": "hhs-2000", "version": "2012-11", "source": "HHS guidance, 2000 Census"},
                {"name": "census-2010", "version": "2010", "source": "computed from 2010 Census"},
            ],
            "restricted_prefixes": ["036", "059", "063", "102", "203", "205", "369"],
            "threshold": 20000,
        },
        "keys": {
            "pseudonym": "random codes held in local key file keys.parquet "
            "(not part of this output)"
        },
        "warnings": ["column 'x9': high-cardinality code with no known type was redacted"],
        "attestations": [
            "(R) no other unique identifying number, characteristic or code remains",
            "(b)(2)(ii) actual knowledge: the covered entity has no actual knowledge ...",
        ],
        "distributions": {
            "age": {"title": "age after top-coding", "counts": ages, "highlight": ["90+"]},
        },
        "manifest": {
            "input_sha256": "a" * 64,
            "output_sha256": "b" * 64,
            "policy_sha256": "c" * 64,
        },
    }


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(make_report())


def test_renders_html5_page(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert page.rstrip().endswith("</html>")
    assert "<style>" in page
    assert "Safe Harbor de-identification report" in page
    for text in (
        "safe-harbor",
        "0.1.0",
        "2026-11-22T22:40:00Z",
        "2026-01-01",
        "patients.csv",
        "patients_deid.csv",
        "10,000",
    ):
        assert text in page


def test_all_18_category_labels(page: str) -> None:
    for cat in Category:
        assert html.escape(cat.label, quote=False) in page, cat


def test_summary_sentence(page: str) -> None:
    assert "11 of 18 Safe Harbor categories were present in 13 columns" in page
    assert "all were removed or transformed" in page
    assert "1 category needs a human attestation" in page
    assert "There is 1 warning." in page


def test_script_injection_is_escaped(page: str) -> None:
    assert INJECTION not in page
    assert "<script" not in page.lower()
    assert html.escape(INJECTION) in page or "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_no_external_references(page: str) -> None:
    lowered = page.lower()
    assert "http://" not in lowered
    assert "https://" not in lowered
    assert not re.search(r"""(src|href)\s*=\s*["']?//""", lowered)
    assert "@import" not in lowered
    assert "<link" not in lowered
    assert "url(" not in re.sub(r"url\(#[^)]*\)", "", lowered)  # only in-page SVG ids


def test_deterministic_bytes() -> None:
    assert render_html(make_report()).encode() == render_html(make_report()).encode()


def test_plots_inline_svg(page: str) -> None:
    assert page.count("<svg") == 2  # the age distribution and the actions chart
    assert "90+" in page
    assert "Columns by action applied" in page
    assert "<?xml" not in page
    assert "<img" not in page


def test_quasi_and_risk_note(page: str) -> None:
    assert "veil risk" in page
    assert "birth_year" in page


def test_zip3_and_keys_and_manifest(page: str) -> None:
    assert "blocklist" in page
    assert "hhs-2000" in page and "2012-11" in page
    assert "<code>369</code>" in page
    assert "keys.parquet" in page
    assert "a" * 64 in page and "c" * 64 in page


def test_violation_is_visible() -> None:
    report = make_report()
    entry = report["checklist"][6]  # (G) SSN
    entry["status"] = "VIOLATION"
    entry["columns"] = [{"column": "ssn", "action": "keep", "output": "ssn"}]
    report["summary"]["violations"] = 1
    report["summary"]["categories_handled"] = 10
    report["distributions"] = {}  # not under test here; keeps the test fast
    out = render_html(report)
    assert 'class="status violation">VIOLATION</span>' in out
    assert 'class="verdict violation"' in out
    assert "do not release" in out
    assert "1 category is a VIOLATION" in out


def test_empty_optional_sections() -> None:
    report = make_report()
    report["distributions"] = {}
    report["keys"] = {}
    del report["manifest"]
    out = render_html(report)
    assert out.count("<svg") == 1  # only the actions chart
    assert "This run used no keys." in out
    for key in ("distributions", "keys"):
        del report[key]
    out = render_html(report)
    assert 'id="keys"' not in out


def test_minimal_report_does_not_crash() -> None:
    out = render_html({"title": "t", "checklist": []})
    assert out.count("not reported") >= 18
    assert "INCOMPLETE" in out
    assert "<svg" not in out


def test_hostile_distribution_labels() -> None:
    report = copy.deepcopy(make_report())
    report["distributions"] = {
        INJECTION: {
            "title": "$x$ & <b>",
            "counts": [["a$b", 1], [INJECTION, 2]],
            "highlight": [INJECTION],
        },
        "one": {"title": "single", "counts": [["only", 5]], "highlight": []},
        "unicode": {"title": "年龄 🙂", "counts": [["男", 3], ["🙂", 4]], "highlight": ["🙂"]},
    }
    out = render_html(report)
    assert INJECTION not in out
    assert "<b>" not in out
    assert out.count("<svg") == 4
    assert "&lt;b&gt;" in out


def test_does_not_mutate_report() -> None:
    report = make_report()
    before = copy.deepcopy(report)
    render_html(report)
    assert report == before


def test_many_bars_stay_readable() -> None:
    """Hundreds of values give a bounded number of tick labels and no warnings."""
    report = make_report()
    report["distributions"] = {
        "zip3": {
            "title": "ZIP3",
            "counts": [[f"{i:03d}", i % 7 + 1] for i in range(300)],
            "highlight": ["000"],
        },
    }
    out = render_html(report)
    svg = out[out.index("<svg") : out.index("</svg>")]
    assert svg.count("<text") < 60
