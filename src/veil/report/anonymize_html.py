"""Render the anonymization record (`anonymization.json`'s dict) as one HTML page.

Like the other reports, the page is self-contained (inline CSS and SVG, no
scripts, no URLs) and deterministic (the same dict gives the same bytes). It
shows counts, levels and scores only: the search summary, the level chosen for
each quasi-identifier with its information loss, the best transformations,
class sizes before and after, and the re-identification risk of the input and
of the written output, each drawn by the risk report's own section renderer
(`veil.report.risk_html.risk_section_html`, its ids prefixed so both fit on
one page). Every string is escaped by Jinja2's autoescape; only the SVG drawn
here and the risk sections (rendered with autoescape) are inserted as markup.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

# Private helpers of veil.report.html, imported on purpose: every report formats
# values and loads templates the same way.
from veil.report.page import Figure, Verdict, _environment, _int, _list, _mapping, _num, _text
from veil.report.risk_html import risk_section_html

TEMPLATE = "anonymize.html.j2"
TITLE = "Anonymization report"

_ID = re.compile(r'(\s(?:id|for|aria-labelledby)="|href="#)risk')
_RISK_HEADING = "<h2>Re-identification risk</h2>"


def render_anonymize_html(record: Mapping[str, Any]) -> str:
    """Render `record` (the plain-JSON anonymization record) as a self-contained page.

    Deterministic: nothing here reads the clock, the environment or random state.
    """
    template = _environment().get_template(TEMPLATE)
    return template.render(_context(record))


def embedded_risk(risk: Mapping[str, Any], *, prefix: str, heading: str) -> Markup:
    """The risk report's section for `risk`, its ids prefixed with `prefix-` and its
    heading replaced, so that two of them can share a page."""
    html = risk_section_html(risk)  # rendered with autoescape: safe markup
    html = _ID.sub(lambda m: f"{m.group(1)}{prefix}-risk", html)
    html = html.replace(_RISK_HEADING, f"<h2>{Markup.escape(heading)}</h2>", 1)
    return Markup(html)  # the section is autoescaped HTML from our own template


# ---------------------------------------------------------------- formatting


def _float(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return None if number != number or number in (float("inf"), float("-inf")) else number


def _score(value: Any) -> str:
    x = _float(value)
    if x is None:
        return "—"
    return f"{x:,.0f}" if abs(x) >= 1e5 else f"{x:.6g}"


def _fixed(value: Any, digits: int) -> str:
    x = _float(value)
    return "—" if x is None else f"{x:.{digits}f}"


def _pct(value: Any) -> str:
    x = _float(value)
    return "—" if x is None else f"{x * 100:.1f}%"


def _ratio(part: Any, whole: Any) -> str:
    p, w = _float(part), _float(whole)
    if p is None or not w:
        return "—"
    return f"{p / w:.1%}"


# ---------------------------------------------------------------- sections


def _models(record: Mapping[str, Any]) -> list[str]:
    return [_text(_mapping(m).get("description")) for m in _list(record.get("models"))]


def _verdict(record: Mapping[str, Any]) -> Verdict:
    """Targets met (checked again on the written file), or a violation if not."""
    if not _mapping(record.get("levels")):
        return Verdict("unknown", "NO RESULT", "The record holds no transformation.")
    after = _mapping(record.get("risk_after"))
    smallest = _int(after.get("smallest_class"))
    highest = _float(_mapping(after.get("prosecutor")).get("highest"))
    failing = []
    for model in map(_mapping, _list(record.get("models"))):
        k = model.get("k") if model.get("model") == "KAnonymity" else None
        r = model.get("r") if model.get("model") == "MaxRisk" else None
        if isinstance(k, int) and after.get("records") and smallest < k:
            failing.append(_text(model.get("description")))
        if isinstance(r, int | float) and highest is not None and highest > r:
            failing.append(_text(model.get("description")))
    models = " and ".join(_models(record)) or "the targets"
    suppressed = _int(record.get("suppressed"))
    rows = _int(_mapping(record.get("input")).get("rows"))
    share = _ratio(suppressed, rows)
    if failing:
        return Verdict("violation", "CHECK FAILED",
                       f"The written file does not meet {', '.join(failing)} when measured "
                       "again. Do not release it; report this as a bug.")
    text = (f"The release meets {models}, with {_num(suppressed)} of {_num(rows)} records "
            f"({share}) suppressed (limit {_num(record.get('max_suppressed'))}). "
            f"Measured again on the written file: smallest class {_num(smallest)}.")
    if record.get("exhaustive") is False:
        return Verdict("attest", "TARGETS MET, NOT PROVEN OPTIMAL",
                       text + " The search stopped early (time budget or a very large "
                       "lattice), so a transformation with less loss may exist.")
    return Verdict("removed", "TARGETS MET",
                   text + f" Of the {_num(record.get('lattice_size'))} possible "
                   f"transformations, this one loses the least information "
                   f"({_text(record.get('metric'))}).")


def _search(record: Mapping[str, Any]) -> list[tuple[str, str]]:
    budget = _float(record.get("time_budget"))
    limit = _float(record.get("suppression_limit"))
    source = _mapping(record.get("input"))
    rows = source.get("rows")
    return [
        ("Input", f"{_text(source.get('file'))}, {_num(rows)} records"),
        ("Privacy models", "; ".join(_models(record)) or "—"),
        ("Suppression limit", "—" if limit is None else
         f"{limit * 100:g}% ({_num(record.get('max_suppressed'))} records)"),
        ("Utility metric", _text(record.get("metric"))),
        ("Lattice size", f"{_num(record.get('lattice_size'))} transformations"),
        ("Evaluated", f"{_num(record.get('evaluated'))} transformations"),
        ("Method", _text(record.get("method"))),
        ("Exhaustive", "yes: the optimum is global" if record.get("exhaustive")
         else "no: the search stopped early"),
        ("Time budget", "none" if budget is None else f"{budget:g} s"),
        ("Search time", f"{_float(record.get('seconds')) or 0:.2f} s"),
        ("Score", _score(record.get("score"))),
        ("Suppressed records",
         f"{_num(record.get('suppressed'))} ({_ratio(record.get('suppressed'), rows)})"),
        ("Equivalence classes", _num(record.get("classes"))),
        ("Smallest class", _num(record.get("smallest_class"))),
    ]


def _hierarchy_source(info: Mapping[str, Any]) -> str:
    if info.get("source") == "file":
        notes = "".join(f" (note: {_text(n)})" for n in _list(info.get("notes")))
        return f"file {_text(info.get('file'))}{notes}"
    if info.get("source") == "builder":
        return f"builder {_text(info.get('builder'))}"
    return "—"


def _levels(record: Mapping[str, Any]) -> list[dict[str, str]]:
    levels = _mapping(record.get("levels"))
    loss = _mapping(record.get("loss_per_attribute"))
    hierarchies = _mapping(record.get("hierarchies"))
    rows = []
    for q in map(_text, _list(record.get("quasi_identifiers"))):
        info = _mapping(hierarchies.get(q))
        level = _int(levels.get(q))
        groups = _list(info.get("groups_at_level"))
        at_level = _int(groups[level]) if level < len(groups) else None
        rows.append({
            "attribute": q,
            "hierarchy": _hierarchy_source(info),
            "level": f"{level} of {_int(info.get('top_level'))}",
            "groups": "—" if at_level is None or not groups else
            f"{_num(at_level)} of {_num(groups[0])}",
            "loss": _pct(loss.get(q)),
        })
    return rows


def _candidates(record: Mapping[str, Any]) -> dict[str, Any]:
    quasi = [_text(q) for q in _list(record.get("quasi_identifiers"))]
    rows = []
    for c in map(_mapping, _list(record.get("candidates"))):
        levels = _mapping(c.get("levels"))
        rows.append({
            "rank": _num(c.get("rank")),
            "levels": [_num(levels.get(q)) for q in quasi],
            "score": _score(c.get("score")),
            "suppressed": _num(c.get("suppressed")),
            "classes": _num(c.get("classes")),
            "smallest": _num(c.get("smallest_class")),
        })
    return {"quasi": quasi, "rows": rows}


_CLASS_ROWS: tuple[tuple[str, str, str], ...] = (
    ("records", "Records assessed", "num"),
    ("suppressed_records", "Suppressed records", "num"),
    ("classes", "Equivalence classes", "num"),
    ("smallest_class", "Smallest class (k)", "num"),
    ("largest_class", "Largest class", "num"),
    ("average_class_size", "Average class size", "dec"),
    ("sample_uniques", "Sample uniques", "num"),
)


def _comparison(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[tuple[str, ...]]:
    """(label, input, anonymized) rows of class and risk figures."""
    rows: list[tuple[str, ...]] = []
    for key, label, kind in _CLASS_ROWS:
        if kind == "num":
            rows.append((label, _num(before.get(key)), _num(after.get(key))))
        else:
            b, a = _float(before.get(key)), _float(after.get(key))
            rows.append((label, "—" if b is None else f"{b:,.2f}",
                         "—" if a is None else f"{a:,.2f}"))
    for key, label in (("highest", "Highest prosecutor risk"),
                       ("average", "Average prosecutor risk"),
                       ("records_at_risk", "Records above the threshold")):
        b = _mapping(before.get("prosecutor")).get(key)
        a = _mapping(after.get("prosecutor")).get(key)
        digits = 2 if key == "highest" else 4
        if key == "records_at_risk":
            rows.append((label, _pct(b), _pct(a)))
        else:
            rows.append((label, _fixed(b, digits), _fixed(a, digits)))
    return rows


def _histogram(risk: Mapping[str, Any]) -> list[tuple[int, int]]:
    pairs = []
    for item in _list(risk.get("class_size_histogram")):
        pair = _list(item)
        if len(pair) == 2 and _int(pair[0]) >= 1 and _int(pair[1]) >= 1:
            pairs.append((_int(pair[0]), _int(pair[1])))
    return pairs


def _figures(record: Mapping[str, Any], before: Mapping[str, Any],
             after: Mapping[str, Any]) -> dict[str, Figure]:
    from veil.report import anonymize_plots as plots  # matplotlib only when drawing

    figures: dict[str, Figure] = {}
    levels = _mapping(record.get("levels"))
    loss = _mapping(record.get("loss_per_attribute"))
    hierarchies = _mapping(record.get("hierarchies"))
    bars = [plots.LossBar(_text(q), _float(loss.get(q)) or 0.0, _int(levels.get(q)),
                          _int(_mapping(hierarchies.get(q)).get("top_level")))
            for q in _list(record.get("quasi_identifiers"))]
    if bars:
        figures["loss"] = Figure(
            caption=("Information loss of each quasi-identifier at the chosen level (ARX's "
                     "loss: the average share of the attribute's domain a released value "
                     "covers; a suppressed value covers all of it)"),
            svg=Markup(plots.loss_svg(bars)),  # matplotlib escapes text
            table=[(b.attribute, f"{b.loss:.1%}") for b in bars],
        )
    hist_before, hist_after = _histogram(before), _histogram(after)
    if hist_before or hist_after:
        counts_before = plots.records_by_bucket(hist_before)
        counts_after = plots.records_by_bucket(hist_after)
        figures["sizes"] = Figure(
            caption=("The share of records in equivalence classes of each size, in the input "
                     "and in the anonymized release (suppressed records are in no class). "
                     "Records in small classes are the easiest to re-identify"),
            svg=Markup(plots.class_sizes_svg(counts_before, counts_after)),
            table=[(plots.bucket_label(low, high), f"{b:,} → {a:,}")
                   for (low, high), b, a in zip(plots.BUCKETS, counts_before, counts_after,
                                                strict=True)],
        )
    return figures


def _context(record: Mapping[str, Any]) -> dict[str, Any]:
    """Everything the template shows, as plain display values."""
    before = _mapping(record.get("risk_before"))
    after = _mapping(record.get("risk_after"))
    return {
        "title": TITLE,
        "source": _text(_mapping(record.get("input")).get("file")),
        "quasi": [_text(q) for q in _list(record.get("quasi_identifiers"))],
        "sensitive": [_text(s) for s in _list(record.get("sensitive_attributes"))],
        "keep": [_text(s) for s in _list(record.get("keep"))],
        "drop": [_text(s) for s in _list(record.get("drop"))],
        "output": _text(_mapping(record.get("output")).get("file")),
        "verdict": _verdict(record),
        "search": _search(record),
        "levels": _levels(record),
        "candidates": _candidates(record),
        "comparison": _comparison(before, after),
        "figures": _figures(record, before, after),
        "risk_before": embedded_risk(before, prefix="input",
                                     heading="Re-identification risk of the input")
        if before else None,
        "risk_after": embedded_risk(after, prefix="output",
                                    heading="Re-identification risk of the release")
        if after else None,
        "manifest": [(label, _text(_mapping(record.get("manifest")).get(key)))
                     for key, label in (("input_sha256", "Input SHA-256"),
                                        ("output_sha256", "Output SHA-256"),
                                        ("policy_sha256", "Policy SHA-256"))
                     if _mapping(record.get("manifest")).get(key)],
    }
