"""Render the de-identification report (`report.json`'s dict) as one HTML page.

The page is for an auditor: it must open offline years later, print cleanly and
be reproducible, so it is fully self-contained (inline CSS, inline SVG plots, no
scripts, no URLs) and deterministic (the same dict gives the same bytes). Every
string from the report is escaped by Jinja2's autoescape; only the SVG made by
`veil.report.plots` is inserted as markup.

The renderer is tolerant: optional keys (`keys`, `manifest`, `distributions`)
may be missing, and a checklist category the report does not mention is shown
as "not reported" rather than silently left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from veil.categories import Category
from veil.report.page import (  # shared by every page; the names stay importable from here
    Figure,
    Verdict,
    _environment,
    _int,
    _list,
    _mapping,
    _num,
    _plural,
    _text,
)
from veil.report.risk_html import risk_section_html

TEMPLATE = "report.html.j2"

# status text (lower case) -> CSS class; the text itself is always shown too.
_STATUS_CLASS: dict[str, str] = {
    "removed": "removed",
    "transformed": "transformed",
    "not present": "absent",
    "attestation required": "attest",
    "violation": "violation",
}
_NOT_REPORTED = "not reported"
_LETTERS = frozenset(c.value for c in Category)

_MANIFEST_LABELS: dict[str, str] = {
    "input_sha256": "Input SHA-256",
    "output_sha256": "Output SHA-256",
    "policy_sha256": "Policy SHA-256",
}

_ZIP3_MODES: dict[str, str] = {
    "blocklist": "ZIP3 prefixes on the lists below are replaced by 000; all other "
    "prefixes are kept.",
    "allowlist": "Only ZIP3 prefixes known from the population table to have more than "
    "the threshold of people are kept; every other prefix becomes 000.",
}


@dataclass(frozen=True)
class ChecklistColumn:
    """One column counted under a Safe Harbor category, with what was done to it."""

    column: str
    action: str
    output: str | None


@dataclass(frozen=True)
class ChecklistRow:
    """One of the 18 Safe Harbor categories and how this run handled it."""

    letter: str
    number: str
    label: str
    status: str
    status_class: str
    note: str
    columns: list[ChecklistColumn]


def render_html(report: Mapping[str, Any]) -> str:
    """Render `report` (the plain-JSON report dict) as a self-contained HTML5 page.

    Deterministic: the same dict always gives byte-identical output, because
    nothing here reads the clock, the environment or random state.
    """
    template = _environment().get_template(TEMPLATE)
    return template.render(_context(report))


# ---------------------------------------------------------------- helpers


def _status_class(status: str) -> str:
    return _STATUS_CLASS.get(status.strip().lower(), "unknown")


# ---------------------------------------------------------------- sections


def _checklist(report: Mapping[str, Any]) -> list[ChecklistRow]:
    """The 18 categories in regulation order; missing ones marked "not reported"."""
    given: dict[str, Mapping[str, Any]] = {}
    extra: list[Mapping[str, Any]] = []
    for entry in _list(report.get("checklist")):
        entry = _mapping(entry)
        letter = _text(entry.get("category")).strip().upper()
        if letter in _LETTERS and letter not in given:
            given[letter] = entry
        else:
            extra.append(entry)
    rows: list[ChecklistRow] = []
    for cat in Category:
        entry = given.get(cat.value)
        if entry is None:
            rows.append(
                ChecklistRow(
                    cat.value,
                    str(cat.number),
                    cat.label,
                    _NOT_REPORTED,
                    "unknown",
                    "this category is missing from the report",
                    [],
                )
            )
        else:
            rows.append(_checklist_row(entry, cat.value, str(cat.number), cat.label))
    rows.extend(
        _checklist_row(e, _text(e.get("category")), _text(e.get("number")), "") for e in extra
    )
    return rows


def _checklist_row(entry: Mapping[str, Any], letter: str, number: str, label: str) -> ChecklistRow:
    status = _text(entry.get("status")) or _NOT_REPORTED
    css = _status_class(status)
    if css == "violation":
        status = "VIOLATION"
    columns = [
        ChecklistColumn(
            _text(c.get("column")),
            _text(c.get("action")),
            None if c.get("output") is None else _text(c.get("output")),
        )
        for c in map(_mapping, _list(entry.get("columns")))
    ]
    return ChecklistRow(
        letter=letter,
        number=number,
        label=_text(entry.get("label")) or label,
        status=status,
        status_class=css,
        note=_text(entry.get("note")),
        columns=columns,
    )


def _summary(report: Mapping[str, Any], checklist: Sequence[ChecklistRow]) -> list[str]:
    """The plain-language summary: a few sentences an auditor reads first."""
    summary = _mapping(report.get("summary"))
    in_info, out_info = _mapping(report.get("input")), _mapping(report.get("output"))
    real = [r for r in checklist if r.letter in _LETTERS]
    n_real = len(Category)
    present = _int(
        summary.get("categories_present"),
        sum(r.status_class in ("removed", "transformed", "violation") for r in real),
    )
    handled = _int(
        summary.get("categories_handled"),
        sum(r.status_class in ("removed", "transformed") for r in real),
    )
    violations = _int(summary.get("violations"), sum(r.status_class == "violation" for r in real))
    columns = {c.column for r in real for c in r.columns}
    attest_cats = sum(r.status_class == "attest" for r in real)
    attest_items = len(_list(report.get("attestations")))
    n_warn = len(_list(report.get("warnings")))

    out: list[str] = []
    if present == 0:
        out.append(f"None of the {n_real} Safe Harbor categories was found in the input.")
    else:
        first = (
            f"{present:,} of {n_real} Safe Harbor categories {'was' if present == 1 else 'were'} "
            f"present in {_plural(len(columns), 'column')}; "
        )
        if violations == 0 and handled >= present:
            first += (
                "it was removed or transformed."
                if present == 1
                else ("all were removed or transformed.")
            )
        else:
            first += (
                f"{handled:,} were removed or transformed and "
                f"{_plural(violations, 'category', 'categories')} "
                f"{'is a' if violations == 1 else 'are'} VIOLATION{'' if violations == 1 else 'S'}."
            )
        out.append(first)
    if attest_cats:
        verb = "needs" if attest_cats == 1 else "need"
        out.append(f"{_plural(attest_cats, 'category', 'categories')} {verb} a human attestation.")
    if attest_items:
        out.append(
            f"The attestation list below has {_plural(attest_items, 'item')} to sign off "
            "before release."
        )
    if summary or in_info:
        out.append(
            f"Of the {_plural(_int(in_info.get('columns'), 0), 'input column')}, "
            f"{_int(summary.get('columns_dropped')):,} were dropped, "
            f"{_int(summary.get('columns_transformed')):,} transformed and "
            f"{_int(summary.get('columns_kept')):,} kept unchanged; the output has "
            f"{_plural(_int(out_info.get('columns')), 'column')} and "
            f"{_plural(_int(out_info.get('rows')), 'row')}."
        )
    risk = _mapping(report.get("risk"))
    if risk:
        out.append(_risk_sentence(risk))
    out.append(
        f"There {'is' if n_warn == 1 else 'are'} {_plural(n_warn, 'warning')}."
        if n_warn
        else "There are no warnings."
    )
    return out


def high_risk(risk: Mapping[str, Any]) -> bool:
    """True when some record's re-identification risk exceeds the stated threshold."""
    prosecutor = _mapping(risk.get("prosecutor"))
    highest = prosecutor.get("highest")
    threshold = risk.get("threshold")
    return isinstance(highest, int | float) and isinstance(threshold, int | float) \
        and highest > threshold


def _risk_sentence(risk: Mapping[str, Any]) -> str:
    prosecutor = _mapping(risk.get("prosecutor"))
    unique = risk.get("sample_uniqueness")
    share = f"{unique:.0%}" if isinstance(unique, int | float) else "an unknown share"
    if not high_risk(risk):
        return (f"On the kept quasi-identifiers {share} of records are unique and no record's "
                "re-identification risk exceeds the threshold.")
    at_risk = prosecutor.get("records_at_risk")
    above = f"{at_risk:.0%}" if isinstance(at_risk, int | float) else "some"
    return (f"On the kept quasi-identifiers {share} of records are unique; {above} of records "
            f"are above the {risk.get('threshold')} re-identification risk threshold "
            "(see the Risk section).")


def _verdict(report: Mapping[str, Any], checklist: Sequence[ChecklistRow]) -> Verdict:
    """Violation / needs sign-off / no findings, in words as well as colour."""
    summary = _mapping(report.get("summary"))
    violations = max(
        _int(summary.get("violations")),
        sum(r.status_class == "violation" for r in checklist),
    )
    missing = sum(r.status == _NOT_REPORTED for r in checklist)
    pending = len(_list(report.get("attestations"))) + sum(
        r.status_class == "attest" for r in checklist
    )
    if violations:
        return Verdict(
            "violation",
            "VIOLATION",
            f"{_plural(violations, 'Safe Harbor category', 'Safe Harbor categories')} "
            "not handled. This output is not de-identified under Safe Harbor; do not release it.",
        )
    if missing:
        return Verdict(
            "unknown",
            "INCOMPLETE",
            f"The checklist does not report {_plural(missing, 'category', 'categories')}; "
            "review before release.",
        )
    if pending:
        return Verdict(
            "attest",
            "SIGN-OFF NEEDED",
            "No violations were found. Release needs a person to confirm the attestation "
            "items below.",
        )
    if high_risk(_mapping(report.get("risk"))):
        return Verdict(
            "attest",
            "NO VIOLATIONS, HIGH RISK",
            "Every identifier category present was removed or transformed, but the kept "
            "quasi-identifiers single out records above the risk threshold: review the Risk "
            "section before release.",
        )
    return Verdict(
        "removed", "NO VIOLATIONS", "Every identifier category present was removed or transformed."
    )


def _columns(report: Mapping[str, Any]) -> list[dict[str, str | None]]:
    rows: list[dict[str, str | None]] = []
    for c in map(_mapping, _list(report.get("columns"))):
        rows.append(
            {
                "input": _text(c.get("input")),
                "kind": _text(c.get("kind")),
                "category": _text(c.get("category")),
                "action": _text(c.get("action")),
                "output": None if c.get("output") is None else _text(c.get("output")),
                "role": _text(c.get("role")),
                "reason": _text(c.get("reason")),
            }
        )
    return rows


def _kept(report: Mapping[str, Any]) -> list[dict[str, str]]:
    return [
        {
            "column": _text(k.get("column")),
            "role": _text(k.get("role")),
            "reason": _text(k.get("reason")),
        }
        for k in map(_mapping, _list(report.get("kept")))
    ]


def _zip3(report: Mapping[str, Any]) -> dict[str, Any] | None:
    z = _mapping(report.get("zip3"))
    if not z:
        return None
    mode = _text(z.get("mode"))
    return {
        "mode": mode,
        "explain": _ZIP3_MODES.get(mode.lower(), ""),
        "threshold": z.get("threshold"),
        "lists": [
            {
                "name": _text(item.get("name")),
                "version": _text(item.get("version")),
                "source": _text(item.get("source")),
            }
            for item in map(_mapping, _list(z.get("lists")))
        ],
        "prefixes": [_text(p) for p in _list(z.get("restricted_prefixes"))],
        "population_table": _text(z.get("population_table")),
    }


def _io(value: Any) -> dict[str, str]:
    """File name, format and row/column counts of the input or output, as text."""
    info = _mapping(value)
    return {
        "file": _text(info.get("file")) or "—",
        "format": _text(info.get("format")) or "—",
        "rows": _num(info.get("rows")),
        "columns": _num(info.get("columns")),
    }


def _pairs(value: Any) -> list[tuple[str, str]]:
    """A mapping as (key, text) pairs in its own order; nested values as compact text."""
    return [(_text(k), _text(v)) for k, v in _mapping(value).items()]


def _counts(raw: Any) -> list[tuple[str, int | float]]:
    """Distribution counts from `[[label, n], ...]` or `{label: n}`; bad items skipped."""
    items: Iterable[Any] = raw.items() if isinstance(raw, Mapping) else _list(raw)
    out: list[tuple[str, int | float]] = []
    for item in items:
        pair = _list(item)
        if len(pair) == 2 and isinstance(pair[1], int | float) and not isinstance(pair[1], bool):
            out.append((str(pair[0]), pair[1]))
    return out


def _figures(report: Mapping[str, Any]) -> list[Figure]:
    """One bar chart per distribution, then the columns-by-action chart."""
    from veil.report import plots  # matplotlib costs ~0.6 s to import: only when drawing

    figures: list[Figure] = []
    dists = _mapping(report.get("distributions"))
    for index, (name, spec) in enumerate(dists.items()):
        spec = _mapping(spec)
        counts = _counts(spec.get("counts"))
        if not counts:
            continue
        title = _text(spec.get("title")) or _text(name)
        highlight = [_text(h) for h in _list(spec.get("highlight"))]
        svg = plots.distribution_svg(
            title, counts, highlight, salt=f"dist{index}", xlabel=_text(name)
        )
        note = (
            f"Highlighted in red and labelled with its count: {', '.join(highlight)}."
            if highlight
            else ""
        )
        figures.append(
            Figure(
                caption=f"Distribution of {title}",
                svg=Markup(svg),  # matplotlib escapes text in SVG
                note=note,
                table=[(label, _text(n)) for label, n in counts],
            )
        )
    actions = Counter(
        _text(c.get("action")) or "(none)" for c in map(_mapping, _list(report.get("columns")))
    )
    if actions:
        figures.append(
            Figure(
                caption="Number of input columns that received each action",
                svg=Markup(plots.actions_svg(actions)),
                table=[
                    (a, _text(n))
                    for a, n in sorted(actions.items(), key=lambda kv: (-kv[1], kv[0]))
                ],
            )
        )
    return figures


def _context(report: Mapping[str, Any]) -> dict[str, Any]:
    """Everything the template shows, as plain display values."""
    checklist = _checklist(report)
    keys = report.get("keys")
    manifest = _mapping(report.get("manifest"))
    risk = report.get("risk")
    risk_section = None
    if isinstance(risk, Mapping) and risk:
        risk_section = Markup(risk_section_html(risk))  # rendered with autoescape on
    return {
        "risk_section": risk_section,
        "title": _text(report.get("title")) or "De-identification report",
        "veil_version": _text(report.get("veil_version")),
        "profile": _text(report.get("profile")),
        "generated_at": _text(report.get("generated_at")),
        "reference_date": _text(report.get("reference_date")),
        "input": _io(report.get("input")),
        "output": _io(report.get("output")),
        "verdict": _verdict(report, checklist),
        "summary": _summary(report, checklist),
        "checklist": checklist,
        "columns": _columns(report),
        "kept": _kept(report),
        "quasi": [_text(q) for q in _list(report.get("quasi_identifiers"))],
        "zip3": _zip3(report),
        "keys": None if keys is None else _pairs(keys),
        "warnings": [_text(w) for w in _list(report.get("warnings"))],
        "attestations": [_text(a) for a in _list(report.get("attestations"))],
        "figures": _figures(report),
        "manifest": [(_MANIFEST_LABELS.get(k, k), _text(v)) for k, v in manifest.items()],
    }
