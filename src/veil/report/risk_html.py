"""Render a re-identification risk assessment (`RiskAssessment.to_dict()`) as HTML.

Two entry points over one template (`risk.html.j2`):

- `render_risk_html`: a self-contained HTML5 page (inline CSS, inline SVG, no
  scripts, no URLs), like the de-identification report of `veil.report.html`;
- `risk_section_html`: the same content as one `<section id="risk">`, to embed
  in another page (the Safe Harbor report). It uses that report's CSS classes
  only, and its ids all start with `risk-` so they cannot clash with the host's.

Both are deterministic (the same dict gives the same bytes) and tolerant:
missing or null parts (no population size, no sensitive attributes, no
contributions) are said so in words rather than failing. Every string from the
dict is escaped by Jinja2's autoescape; only the SVG drawn by
`veil.report.risk_plots` is inserted as markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

# helpers shared by every page: all reports format values and load templates alike
from veil.report.page import (
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

TEMPLATE = "risk.html.j2"
DEFAULT_TITLE = "Re-identification risk report"

_MODELS: tuple[tuple[str, str, str], ...] = (
    (
        "prosecutor",
        "Prosecutor",
        "the attacker knows the person is in the data",
    ),
    (
        "journalist",
        "Journalist",
        "the attacker does not know whether the person is in the data",
    ),
    (
        "marketer",
        "Marketer",
        "the attacker tries to re-identify as many records as possible",
    ),
)
_POPULATION_MODELS: tuple[tuple[str, str, str], ...] = (
    ("pitman", "Pitman", "Hoshino 2001; for small sampling fractions"),
    ("zayatz", "Zayatz", "Zayatz 1991"),
    ("snb", "SNB", "slide negative binomial, Chen & Keller-McNulty 1998"),
)


@dataclass(frozen=True)
class RiskFigure(Figure):
    """A chart with its anchor and the column headers of its data table."""

    anchor: str = ""
    headers: tuple[str, ...] = ("Value", "Count")
    rows: list[tuple[str, ...]] | None = None  # data table with more than two columns


def render_risk_html(
    risk: Mapping[str, Any], *, title: str = DEFAULT_TITLE, source: str = ""
) -> str:
    """Render `risk` (the plain-JSON risk dict) as a self-contained HTML5 page.

    `source` names the assessed data (e.g. a file name) in the page header.
    Deterministic: nothing here reads the clock, the environment or random state.
    """
    template = _environment().get_template(TEMPLATE)
    return template.render(
        _context(risk), standalone=True, title=title or DEFAULT_TITLE, source=source, h=2
    )


def risk_section_html(risk: Mapping[str, Any]) -> str:
    """The content of `render_risk_html` as one embeddable `<section>` (no page around it).

    The section has one `<h2>` and `<h3>` sub-headings, and relies on the CSS of
    the de-identification report (`report.html.j2`).
    """
    template = _environment().get_template(TEMPLATE)
    return template.render(_context(risk), standalone=False, title="", source="", h=3)


# ---------------------------------------------------------------- formatting


def _float(value: Any) -> float | None:
    """A finite float from a report value, None if it is missing or not a number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    if number != number or number in (float("inf"), float("-inf")):
        return None
    return number


def _risk(value: Any) -> str:
    """A risk in [0, 1] as a short decimal, with "1 in n" when it is 1 / a whole number."""
    x = _float(value)
    if x is None:
        return "—"
    text = f"{x:.2f}" if x >= 0.01 or x == 0 else f"{x:.2g}"
    if x > 0:
        n = 1.0 / x
        if round(n) > 1 and abs(n - round(n)) < 1e-6 * n:
            text += f" (1 in {round(n):,})"
    return text


def _pct(value: Any, digits: int = 1) -> str:
    """A share as a percentage; tiny shares keep two significant digits (0.0095%)."""
    x = _float(value)
    if x is None:
        return "—"
    if 0 < abs(x) < 10.0 ** -(digits + 1):
        return f"{x * 100:.2g}%"
    return f"{x * 100:.{digits}f}%"


def _dec(value: Any, digits: int = 2) -> str:
    x = _float(value)
    return "—" if x is None else f"{x:,.{digits}f}"


def _sig(value: Any) -> str:
    """A value with about 3 significant digits (l and t figures)."""
    x = _float(value)
    if x is None:
        return "—"
    if x.is_integer():
        return f"{int(x):,}"
    return f"{x:.3g}"


def _min_size(threshold: float) -> int:
    """The smallest class size whose records are not above `threshold` (1 / size <= t)."""
    size = max(1, int(1.0 / threshold))
    while 1.0 / size > threshold:
        size += 1
    while size > 1 and 1.0 / (size - 1) <= threshold:
        size -= 1
    return size


# ---------------------------------------------------------------- sections


def _histogram(risk: Mapping[str, Any]) -> list[tuple[int, int]]:
    """`class_size_histogram` as (size, classes) pairs, ascending; bad items skipped."""
    raw = risk.get("class_size_histogram")
    items = raw.items() if isinstance(raw, Mapping) else _list(raw)
    out: dict[int, int] = {}
    for item in items:
        pair = _list(item)
        if len(pair) != 2:
            continue
        size, count = _int(pair[0], -1), _int(pair[1], -1)
        if size >= 1 and count >= 1:
            out[size] = out.get(size, 0) + count
    return sorted(out.items())


def _threshold(risk: Mapping[str, Any]) -> float | None:
    t = _float(risk.get("threshold"))
    return t if t is not None and 0 < t <= 1 else None


def _verdict(risk: Mapping[str, Any], threshold: float | None) -> Verdict:
    prosecutor = _mapping(risk.get("prosecutor"))
    records = _int(risk.get("records"))
    highest = _float(prosecutor.get("highest"))
    share = _float(prosecutor.get("records_at_risk")) or 0.0
    if records == 0 or highest is None:
        return Verdict("unknown", "NO RECORDS", "There are no records to assess.")
    if threshold is None:
        return Verdict(
            "unknown",
            "NO THRESHOLD",
            f"The highest risk of a record is {_risk(highest)}; no threshold was given.",
        )
    if highest > threshold:
        return Verdict(
            "violation",
            "ABOVE THRESHOLD",
            f"{_pct(share)} of records have a re-identification risk above the "
            f"{threshold:g} threshold (the highest is {_risk(highest)}). Generalize or "
            "suppress quasi-identifiers before release.",
        )
    return Verdict(
        "removed",
        "WITHIN THRESHOLD",
        f"No record's risk is above the {threshold:g} threshold (the highest is {_risk(highest)}).",
    )


def _models(risk: Mapping[str, Any]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for key, name, who in _MODELS:
        m = _mapping(risk.get(key))
        if key == "marketer":
            rows.append(
                {
                    "name": name,
                    "who": who,
                    "highest": "—",
                    "highest_note": "",
                    "lowest": "—",
                    "average": _pct(m.get("success_rate")),
                    "at_risk": "—",
                    "source": _text(m.get("source"))
                    or "expected share of records re-identified when every record is attacked",
                }
            )
            continue
        at_highest = m.get("records_at_highest")
        rows.append(
            {
                "name": name,
                "who": who,
                "highest": _risk(m.get("highest")),
                "highest_note": ""
                if at_highest is None
                else f"{_plural(_int(at_highest), 'record')} at the highest risk",
                "lowest": _risk(m.get("lowest")),
                "average": _pct(m.get("average")),
                "at_risk": _pct(m.get("records_at_risk")),
                "source": _text(m.get("source")) or "—",
            }
        )
    return rows


def _classes(risk: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(label, value, explanation) rows of the class statistics."""
    records = risk.get("records")
    return [
        ("Records assessed", _num(records), "records not removed by suppression"),
        (
            "Suppressed records",
            _num(risk.get("suppressed_records")),
            "records whose quasi-identifiers are all *; not counted in the risk",
        ),
        (
            "Equivalence classes",
            _num(risk.get("classes")),
            "groups of records with the same quasi-identifier values",
        ),
        (
            "Smallest class (k)",
            _num(risk.get("smallest_class")),
            "the data set is k-anonymous for this k",
        ),
        ("Largest class", _num(risk.get("largest_class")), ""),
        ("Average class size", _dec(risk.get("average_class_size")), "records per class"),
        (
            "Sample uniques",
            _num(risk.get("sample_uniques")),
            f"{_pct(risk.get('sample_uniqueness'))} of records are alone in their class",
        ),
    ]


def _population(risk: Mapping[str, Any]) -> dict[str, Any] | None:
    pop = risk.get("population_uniqueness")
    if not isinstance(pop, Mapping):
        return None
    choice = _text(pop.get("dankar_choice")).lower()
    models = []
    for key, name, ref in _POPULATION_MODELS:
        m = _mapping(pop.get(key))
        available = m.get("available") is not False and bool(m)
        uniques = _float(m.get("uniques")) if available else None
        models.append(
            {
                "name": name,
                "ref": ref,
                "available": available,
                "uniques": "—" if uniques is None else _num(round(uniques)),
                "fraction": _pct(m.get("fraction"), 2) if available else "—",
                "chosen": key == choice,
            }
        )
    dankar = _mapping(pop.get("dankar"))
    names = {key: name for key, name, _ in _POPULATION_MODELS}
    chosen_uniques = _float(dankar.get("uniques"))
    if choice in names:
        chosen = (
            f"The Dankar et al. (2012) rule chose {names[choice]}: an estimated "
            f"{_num(None if chosen_uniques is None else round(chosen_uniques))} people "
            f"({_pct(dankar.get('fraction'), 2)} of the population) are unique on the "
            "quasi-identifiers."
        )
    elif choice == "none":
        chosen = (
            "The Dankar et al. (2012) rule chose no model: there are no sample uniques, "
            "so the estimated population uniques are 0."
        )
    else:
        chosen = "The Dankar et al. (2012) rule did not choose a model."
    return {
        "size": _num(pop.get("population_size")),
        "fraction": _pct(pop.get("sampling_fraction"), 3),
        "models": models,
        "chosen": chosen,
    }


def _sensitive(risk: Mapping[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for s in map(_mapping, _list(risk.get("sensitive"))):
        l_value = _int(s.get("recursive_l"), 2)
        c = _float(s.get("recursive_c"))
        recursive = f"c = {_sig(c)}, l = {l_value}" if c is not None else f"none for l = {l_value}"
        recursive_note = "" if c is not None else f"a class has fewer than {l_value} values"
        t_ordered = _float(s.get("t_closeness_ordered"))
        t_hier = _float(s.get("t_closeness_hierarchical"))
        rows.append(
            {
                "attribute": _text(s.get("attribute")),
                "n_values": _num(s.get("values")),
                "distinct_l": _num(s.get("distinct_l")),
                "entropy_l": _sig(s.get("entropy_l")),
                "recursive": recursive,
                "recursive_note": recursive_note,
                "t_equal": _dec(s.get("t_closeness_equal"), 3),
                "t_ordered": _dec(t_ordered, 3) if t_ordered is not None else "—",
                "t_ordered_note": "" if t_ordered is not None else "not numeric",
                "t_hier": _dec(t_hier, 3) if t_hier is not None else "",
                "_bar": (
                    _float(s.get("distinct_l")) or 0.0,
                    _float(s.get("entropy_l")) or 0.0,
                    _float(s.get("t_closeness_equal")) or 0.0,
                    t_ordered,
                ),
            }
        )
    return rows


def _sensitive_sentences(rows: list[dict[str, Any]]) -> list[str]:
    out: list[str] = []
    for r in rows:
        distinct = _int(_float(r["_bar"][0]))
        if distinct <= 1:
            out.append(
                f"{r['attribute']}: in at least one class every record has the same value, "
                f"so anyone who can place a person in that class learns their {r['attribute']} "
                "(distinct l = 1)."
            )
        else:
            out.append(
                f"{r['attribute']}: every class has at least {distinct:,} different values "
                f"(distinct l = {distinct:,})."
            )
    return out


def _contributions(risk: Mapping[str, Any]) -> dict[str, Any]:
    contrib = _mapping(risk.get("contributions"))

    def rows(key: str) -> list[dict[str, Any]]:
        out = []
        for c in map(_mapping, _list(contrib.get(key))):
            attrs = [_text(a) for a in _list(c.get("attributes"))]
            out.append(
                {
                    "attributes": attrs,
                    "label": " + ".join(attrs),
                    "removed": _num(c.get("uniques_removed")),
                    "share": _pct(c.get("share_removed")),
                    "left": _num(c.get("uniques_without")),
                    "_share": _float(c.get("share_removed")) or 0.0,
                    "_removed": _int(c.get("uniques_removed")),
                }
            )
        return out

    singles, pairs = rows("by_attribute"), rows("by_pair")
    uniques = contrib.get("uniques", risk.get("sample_uniques"))
    lead = ""
    if singles and _int(uniques) and singles[0]["_removed"] > 0:
        top = singles[0]
        lead = (
            f"Leaving out {top['label']} alone removes {top['share']} of them: it is the "
            "first attribute to generalize."
        )
        if pairs and pairs[0]["_removed"] > 0:
            lead += (
                f" Of the pairs, leaving out {pairs[0]['label']} removes the most "
                f"({pairs[0]['share']})."
            )
    return {"uniques": _num(uniques), "singles": singles, "pairs": pairs, "lead": lead,
            "one_level": rows("by_generalizing_one_level")}


def _figures(
    risk: Mapping[str, Any],
    threshold: float | None,
    hist: list[tuple[int, int]],
    sensitive: list[dict[str, Any]],
    contributions: dict[str, Any],
) -> dict[str, RiskFigure]:
    """The class-size, risk-curve, contribution and l/t charts that have data, by name."""
    from veil.report import risk_plots  # matplotlib costs ~0.6 s to import: only when drawing

    figures: dict[str, RiskFigure] = {}
    t = threshold if threshold is not None else 1.0
    if hist:
        shown = hist[: risk_plots.MAX_SIZES]
        rest = hist[risk_plots.MAX_SIZES :]
        note = (
            f"Only the {len(shown)} smallest class sizes are drawn; the "
            f"{_plural(len(rest), 'larger size')} ({rest[0][0]:,} to {rest[-1][0]:,} records) "
            f"with {_plural(sum(n for _, n in rest), 'class', 'classes')} and "
            f"{_plural(sum(s * n for s, n in rest), 'record')} are in the data table."
            if rest
            else ""
        )
        uniques = hist[0][1] if hist[0][0] == 1 else 0
        caption = (
            "How many equivalence classes have each size. A class of size 1 is a record that "
            "no other record shares its quasi-identifier values with"
            + (f" (there are {uniques:,} of them)" if uniques else "")
        )
        if threshold is not None:
            caption += (
                f"; classes smaller than {_min_size(threshold):,} records (red) put their "
                f"records above the {threshold:g} threshold"
            )
        figures["sizes"] = RiskFigure(
            caption=caption,
            svg=Markup(risk_plots.class_sizes_svg(hist, t)),  # matplotlib escapes text
            note=note,
            anchor="risk-plot-sizes",
            headers=("Class size", "Classes", "Records"),
            rows=[(f"{s:,}", f"{n:,}", f"{s * n:,}") for s, n in hist],
        )
        steps = risk_plots.risk_steps(hist)
        above = sum(s.records for s in steps if risk_plots.above(s.size, t))
        total = sum(s.records for s in steps)
        caption = (
            "Every record's prosecutor risk (1 / the size of its class), records sorted from "
            "highest to lowest risk; the dashed red line is the threshold"
        )
        if threshold is not None and total:
            caption += (
                f". {above / total:.0%} of records ({above:,} of {total:,}) lie above the "
                f"{threshold:g} threshold, i.e. share their values with fewer than "
                f"{_min_size(threshold) - 1:,} other records"
            )
        figures["curve"] = RiskFigure(
            caption=caption,
            svg=Markup(risk_plots.risk_curve_svg(hist, t)),
            anchor="risk-plot-curve",
            headers=("Risk", "Records", "Share of records (cumulative)"),
            rows=[(_risk(s.risk), f"{s.records:,}", f"{s.end:.1%}") for s in steps],
        )
    singles = contributions["singles"]
    if singles and any(r["_removed"] > 0 for r in singles):
        items = [(r["label"], r["_share"], r["_removed"]) for r in singles]
        top = singles[0]
        figures["contributions"] = RiskFigure(
            caption=(
                "How many of the sample uniques would no longer be unique if one "
                f"quasi-identifier were left out. Longer bars point to the attributes to "
                f"generalize first; here {top['label']} ({top['share']})"
            ),
            svg=Markup(risk_plots.contributions_svg(items)),
            note=(
                f"Only the first {risk_plots.MAX_CONTRIBUTIONS} attributes are drawn."
                if len(items) > risk_plots.MAX_CONTRIBUTIONS
                else ""
            ),
            anchor="risk-plot-contributions",
        )
    if sensitive:
        bars = [risk_plots.DiversityBar(r["attribute"], *r["_bar"]) for r in sensitive]
        figures["diversity"] = RiskFigure(
            caption=(
                "l-diversity and t-closeness of each sensitive attribute, for the worst "
                "class. l counts how many different sensitive values the worst class has "
                "(1 means everyone in it shares one value); t measures how far the worst "
                "class's values are from the whole table's (0 = the same, 1 = completely "
                "different)"
            ),
            svg=Markup(risk_plots.diversity_svg(bars)),
            anchor="risk-plot-diversity",
        )
    return figures


def _context(risk: Mapping[str, Any]) -> dict[str, Any]:
    """Everything the template shows, as plain display values."""
    threshold = _threshold(risk)
    hist = _histogram(risk)
    sensitive = _sensitive(risk)
    contributions = _contributions(risk)
    source = _text(risk.get("threshold_source"))
    if threshold is not None:
        explain = (
            f"A record's risk is 1 / the number of records that share its quasi-identifier "
            f"values. The threshold {threshold:g} means each record should share them with "
            f"at least {_min_size(threshold) - 1:,} other records (classes of "
            f"{_min_size(threshold):,} or more)."
        )
    else:
        explain = "No valid threshold was given."
    return {
        "quasi": [_text(q) for q in _list(risk.get("quasi_identifiers"))],
        "summary": _text(risk.get("summary")),
        "threshold": "—" if threshold is None else f"{threshold:g}",
        "threshold_source": source or "not stated",
        "threshold_explain": explain,
        "verdict": _verdict(risk, threshold),
        "models": _models(risk),
        "classes": _classes(risk),
        "population": _population(risk),
        "sensitive": sensitive,
        "sensitive_sentences": _sensitive_sentences(sensitive),
        "contributions": contributions,
        "figures": _figures(risk, threshold, hist, sensitive, contributions),
    }
