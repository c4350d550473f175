"""Render a differential-privacy release record (`release.json`'s dict) as one HTML page.

Like the other reports, the page is self-contained (inline CSS and SVG, no
scripts, no URLs) and deterministic (the same dict gives the same bytes). It
shows the guarantee first (the statement, the unit of privacy, the
parameters, composition and the ledger entry, what is not covered), then each
query: its spec, its share of the budget, how to read its intervals, its
released rows and, for grouped queries, a bar chart with the intervals as
error bars. Category labels are the released output itself, so they are shown;
the page adds nothing that is not in the record. A preview (true values beside
the DP values, nothing charged) carries a red banner on top.

Every string is escaped by Jinja2's autoescape; only the SVG drawn by
`veil.report.dp_plots` (matplotlib escapes its text) is inserted as markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

# Private helpers of veil.report.html, imported on purpose: every report formats
# values and loads templates the same way.
from veil.report.page import Figure, _environment, _list, _mapping, _num, _text

TEMPLATE = "dp.html.j2"
TITLE = "Differential privacy release"
PREVIEW_BANNER = ("PREVIEW — NOT FOR RELEASE: true values are shown; nothing was charged to "
                  "the ledger; do not share")
MAX_ROWS = 200  # rows listed per query; the rest are counted
MAX_LISTED = 20  # public categories or bin edges listed in a query's spec

# Row fields that are not key columns.
_SPECIAL = ("value", "lower", "upper", "noisy_sum", "noisy_count", "true_value", "quantile")
_COUNTS = frozenset({"count", "count_by", "histogram", "table"})
_GROUPED = frozenset({"count_by", "histogram", "table", "sum", "mean"})
_SHARE_NAMES: dict[str, tuple[str, ...]] = {
    "pure": ("epsilon",),
    "approximate": ("epsilon", "delta"),
    "zcdp": ("rho", "delta"),
}
_ACCOUNTING: dict[str, str] = {
    "pure": "pure differential privacy (epsilon)",
    "approximate": "approximate differential privacy (epsilon, delta)",
    "zcdp": "zero-concentrated differential privacy (rho)",
}
_KINDS: dict[str, str] = {
    "count": "number of rows",
    "count_by": "number of rows per category",
    "histogram": "number of rows per bin of a numeric column",
    "table": "contingency table: number of rows per combination of categories",
    "sum": "sum of a numeric column, each value clamped to the bounds",
    "mean": "mean of a numeric column, each value clamped to the bounds",
    "quantile": "quantiles of a numeric column, each value clamped to the bounds",
}
_LOSS_KEYS = ("epsilon", "delta", "rho")


@dataclass(frozen=True)
class Row:
    """One released row as display text."""

    keys: list[str]
    quantile: str
    value: str
    interval: str
    noisy_sum: str
    noisy_count: str
    truth: str


@dataclass(frozen=True)
class Section:
    """One query of the release, ready for the template."""

    anchor: str
    name: str
    kind: str
    spec: list[tuple[str, str]]
    share: str
    reading: list[str]
    single: str | None
    key_columns: list[str]
    interval_header: str
    show_quantile: bool
    show_noisy: bool
    rows: list[Row]
    total: int
    omitted: int
    figure: Figure | None
    figure_note: str


def render_dp_html(record: Mapping[str, Any]) -> str:
    """Render `record` (the plain-JSON DP release record) as a self-contained page.

    Deterministic: nothing here reads the clock, the environment or random state.
    """
    template = _environment().get_template(TEMPLATE)
    return template.render(_context(record))


# ---------------------------------------------------------------- formatting


def _float(value: Any) -> float | None:
    """A finite number from a record value, None for anything else."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return None if number != number or number in (float("inf"), float("-inf")) else number


def _amount(value: Any) -> str:
    """A released number: whole numbers with separators, others to four digits."""
    x = _float(value)
    if x is None:
        return "—"
    if x.is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    if abs(x) >= 1000:
        return f"{x:,.1f}"
    return f"{x:.4g}"


def _param(value: Any) -> str:
    """A privacy parameter or scale, to six significant digits."""
    x = _float(value)
    return "—" if x is None else f"{x:.6g}"


def _confidence(value: Any) -> str:
    x = _float(value)
    return "" if x is None else f"{x * 100:g} %"


def _interval(lower: Any, upper: Any) -> str:
    lo, hi = _float(lower), _float(upper)
    return "—" if lo is None or hi is None else f"[{_amount(lo)}, {_amount(hi)}]"


def _listed(values: Sequence[Any], limit: int = MAX_LISTED) -> str:
    """Values joined by commas, the first `limit` of them and how many more."""
    shown = ", ".join(_text(v) for v in values[:limit])
    return shown + (f", … and {len(values) - limit:,} more" if len(values) > limit else "")


def _loss(value: Any) -> str:
    """A loss dict ({"accounting", "epsilon", ...}) as "epsilon 0.5, delta 1e-07"."""
    loss = _mapping(value)
    parts = [f"{k} {_param(loss[k])}" for k in _LOSS_KEYS if _float(loss.get(k)) is not None]
    parts += [f"{_text(k)} {_param(v)}" for k, v in loss.items()
              if k not in _LOSS_KEYS and k != "accounting" and _float(v) is not None]
    accounting = _text(loss.get("accounting"))
    text = ", ".join(parts) or "—"
    return f"{text} ({accounting})" if accounting and parts else text


# ---------------------------------------------------------------- guarantee


def _guarantee(record: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(label, text) rows of the guarantee table, in the order a reader needs them."""
    g = _mapping(record.get("guarantee"))
    unit = _mapping(g.get("unit_of_privacy"))
    accounting = _text(g.get("accounting"))
    rows: list[tuple[str, str]] = [("Dataset", _text(record.get("dataset")) or "—")]
    released = _text(record.get("released_at"))
    rows.append(("Released at", released or ("not released: a preview" if record.get("preview")
                                             else "—")))
    if unit:
        rows += [
            ("Unit of privacy", _text(unit.get("level")) or "—"),
            ("Privacy unit column", _text(unit.get("column")) or "—"),
            ("Contributions per person", f"at most {_num(unit.get('max_contributions'))} rows"),
            ("Contribution bounding", _text(unit.get("bounding")) or "—"),
        ]
    rows.append(("Accounting", _ACCOUNTING.get(accounting, accounting) or "—"))
    rows.append(("Privacy parameters", _loss(g.get("parameters"))))
    equivalent = _mapping(g.get("epsilon_delta_equivalent"))
    if equivalent:
        text = (f"epsilon {_param(equivalent.get('epsilon'))} at delta "
                f"{_param(equivalent.get('delta'))}")
        note = _text(equivalent.get("note"))
        rows.append(("(epsilon, delta) equivalent", f"{text} ({note})" if note else text))
    for key, label in (("composition", "Composition"), ("mechanisms", "Mechanisms")):
        if g.get(key):
            rows.append((label, _text(g.get(key))))
    budget = _mapping(g.get("ledger"))
    if budget:
        rows.append(("Spent before this release", _loss(budget.get("spent_before"))
                     if budget.get("spent_before") is not None else "—"))
        rows.append(("Left after this release", _loss(budget.get("left_after"))
                     if budget.get("left_after") is not None else "—"))
    return rows


def _ledger(record: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(label, text) rows naming the ledger entry that paid for this release."""
    ledger = _mapping(record.get("ledger"))
    if not ledger:
        return []
    head = _mapping(ledger.get("head"))
    rows = [
        ("Ledger", _text(ledger.get("location")) or "—"),
        ("Ledger entry", _num(ledger.get("entry"))),
        ("Entry digest", _text(ledger.get("digest")) or "—"),
    ]
    if head:
        rows += [("Ledger head", _num(head.get("seq"))),
                 ("Head digest", _text(head.get("digest")) or "—")]
    return rows


# ---------------------------------------------------------------- queries


def _spec(kind: str, query: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The query's spec fields as (label, text); defaults that do not apply are left out."""
    rows = [("Kind", f"{kind}: {_KINDS[kind]}" if kind in _KINDS else kind or "—")]
    shown = {"name", "kind", "by", "domain", "key_selection", "column", "bounds", "bins",
             "quantiles", "candidates", "fill", "weight"}
    by = [_text(c) for c in _list(query.get("by"))]
    if by:
        rows.append(("Grouped by", ", ".join(by)))
    if query.get("column") is not None:
        rows.append(("Column", _text(query.get("column"))))
    for column, categories in _mapping(query.get("domain")).items():
        values = _list(categories)
        rows.append((f"Public categories of {_text(column)}",
                     f"{len(values):,}: {_listed(values)}"))
    if query.get("key_selection") is True:
        rows.append(("Categories", "DP key selection: taken from the data, and released only "
                     "where their noisy count passes a threshold"))
    bounds = _list(query.get("bounds"))
    if len(bounds) == 2:
        rows.append(("Bounds", f"[{_param(bounds[0])}, {_param(bounds[1])}]: each value is "
                     "clamped to this range, which bounds one person's influence"))
    bins = _list(query.get("bins"))
    if bins:
        rows.append(("Bin edges", f"{len(bins):,}: {_listed([_param(b) for b in bins])}"))
    quantiles = _list(query.get("quantiles"))
    if quantiles:
        rows.append(("Quantiles", ", ".join(_param(q) for q in quantiles)))
    if kind == "quantile" and query.get("candidates") is not None:
        rows.append(("Candidates", f"{_num(query.get('candidates'))} candidate values between "
                     "the bounds"))
    if query.get("fill") is not None:
        rows.append(("Fill", f"{_param(query.get('fill'))} stands in for a missing value"))
    if query.get("weight") is not None:
        rows.append(("Budget weight", _param(query.get("weight"))))
    for key, value in query.items():
        if key not in shown and value is not None:
            listed = _list(value)
            rows.append((_text(key), _listed(listed) if listed else _text(value)))
    return rows


def _share(record: Mapping[str, Any], share: Sequence[Any]) -> str:
    """The query's part of the release's loss, named, with its fraction of the total."""
    g = _mapping(record.get("guarantee"))
    names = _SHARE_NAMES.get(_text(g.get("accounting")), ())
    parts = []
    for index, amount in enumerate(share):
        name = names[index] if index < len(names) else f"share {index + 1}"
        parts.append(f"{name} {_param(amount)}")
    if not parts:
        return "—"
    first, total = _float(share[0]), _float(_mapping(g.get("parameters")).get(names[0])
                                             if names else None)
    if first is not None and total:
        parts[0] += f" ({first / total:.1%} of the release's {_param(total)})"
    return ", ".join(parts)


def _noise(accuracy: Mapping[str, Any]) -> str:
    """"Integer Laplace, scale 4" from an accuracy dict."""
    parts = [_text(accuracy.get("distribution"))] if accuracy.get("distribution") else []
    if _float(accuracy.get("scale")) is not None:
        parts.append(f"scale {_param(accuracy.get('scale'))}")
    return ", ".join(parts)


def _reading(kind: str, accuracy: Mapping[str, Any]) -> list[str]:
    """How to read the values and intervals of one query, in a few sentences."""
    confidence = _confidence(accuracy.get("confidence"))
    noise = _noise(accuracy)
    lines: list[str] = []
    if kind == "quantile":
        note = _text(accuracy.get("note")).rstrip(".")
        lines.append(f"No interval: {note}." if note else "No interval is given.")
        if noise:
            lines.append(f"Noise: {noise}.")
        return lines
    if kind == "mean":
        method = _text(accuracy.get("method"))
        lines.append(f"{confidence} interval".strip().capitalize()
                     + (f": {method}." if method else "."))
        for part in ("sum", "count"):
            sub = _mapping(accuracy.get(part))
            if sub:
                half = _float(sub.get("half_width"))
                lines.append(f"Noisy {part}: "
                             + (f"± {_amount(half)}" if half is not None else "no interval")
                             + (f" at {_confidence(sub.get('confidence'))}"
                                if _confidence(sub.get("confidence")) else "")
                             + (f" ({_noise(sub)})" if _noise(sub) else "") + ".")
    else:
        half = _float(accuracy.get("half_width"))
        if half is None:
            lines.append("No interval is given." + (f" ({noise})" if noise else ""))
        else:
            lines.append(f"{confidence} interval: value ± {_amount(half)}"
                         + (f" ({noise})" if noise else "") + ".")
            if kind in _COUNTS:
                lines.append("A count cannot be negative, so the lower end stops at 0.")
    if accuracy.get("note"):
        lines.append(_text(accuracy.get("note")).rstrip(".") + ".")
    return lines


def _key_columns(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """Key columns in the order they first appear in the rows."""
    keys: list[str] = []
    for row in rows:
        keys += [k for k in row if k not in _SPECIAL and k not in keys]
    return keys


def _row(row: Mapping[str, Any], keys: Sequence[str]) -> Row:
    return Row(
        keys=[_text(row.get(k)) if row.get(k) is not None else "—" for k in keys],
        quantile=_param(row.get("quantile")),
        value=_amount(row.get("value")),
        interval=_interval(row.get("lower"), row.get("upper")),
        noisy_sum=_amount(row.get("noisy_sum")),
        noisy_count=_amount(row.get("noisy_count")),
        truth=_amount(row.get("true_value")),
    )


def _single(row: Mapping[str, Any], *, preview: bool) -> str:
    """"value [lower, upper]" of an ungrouped count, sum or mean."""
    text = _amount(row.get("value"))
    if _float(row.get("lower")) is not None and _float(row.get("upper")) is not None:
        text += f" {_interval(row.get('lower'), row.get('upper'))}"
    extra = [f"noisy {part} {_amount(row.get(f'noisy_{part}'))}" for part in ("sum", "count")
             if f"noisy_{part}" in row]
    if preview:
        extra.append(f"true value {_amount(row.get('true_value'))}")
    return text + (f" ({'; '.join(extra)})" if extra else "")


def _axis_label(kind: str, query: Mapping[str, Any]) -> str:
    column = _text(query.get("column"))
    if kind == "sum":
        return f"sum of {column}"
    if kind == "mean":
        return f"mean of {column}"
    return "number of rows"


def _figure(index: int, name: str, kind: str, query: Mapping[str, Any],
            rows: Sequence[Mapping[str, Any]], keys: Sequence[str], confidence: str,
            *, preview: bool) -> tuple[Figure | None, str]:
    """The bar chart of a grouped query, and a note when bars were left out."""
    if kind not in _GROUPED or not keys or not rows:
        return None, ""
    from veil.report import dp_plots as plots  # matplotlib only when drawing

    bars = [plots.Bar(label=" × ".join(_text(r.get(k)) if r.get(k) is not None else "—"
                                       for k in keys),
                      value=_float(r.get("value")), lower=_float(r.get("lower")),
                      upper=_float(r.get("upper")),
                      truth=_float(r.get("true_value")) if preview else None)
            for r in rows]
    interval = f"{confidence} interval".strip()
    svg = plots.values_svg(bars, title=name, xlabel=_axis_label(kind, query),
                           interval=interval, salt=f"dp-{index}")
    what = "bin" if kind == "histogram" else "category" if len(keys) == 1 else "combination"
    caption = (f"Released {_axis_label(kind, query)} per {what} of "
               f"{' × '.join(keys)}, with the {interval} as error bars"
               + ("; red diamonds are the true values (preview only)" if preview else ""))
    note = ""
    if len(bars) > plots.MAX_BARS:
        note = (f"The chart shows the first {plots.MAX_BARS} of {len(bars):,} bars; "
                "the table lists the rows.")
    return Figure(caption=caption, svg=Markup(svg)), note  # matplotlib escapes text


def _section(index: int, query_record: Mapping[str, Any], record: Mapping[str, Any],
             *, preview: bool) -> Section:
    kind = _text(query_record.get("kind"))
    name = _text(query_record.get("name")) or f"query {index + 1}"
    query = _mapping(query_record.get("query"))
    accuracy = _mapping(query_record.get("accuracy"))
    rows = [_mapping(r) for r in _list(query_record.get("rows"))]
    keys = _key_columns(rows)
    single = (_single(rows[0], preview=preview)
              if kind in ("count", "sum", "mean") and not keys and len(rows) == 1 else None)
    confidence = _confidence(accuracy.get("confidence"))
    figure, note = _figure(index, name, kind, query, rows, keys, confidence, preview=preview)
    return Section(
        anchor=f"query-{index + 1}",
        name=name,
        kind=kind,
        spec=_spec(kind, query),
        share=_share(record, _list(query_record.get("budget_share"))),
        reading=_reading(kind, accuracy),
        single=single,
        key_columns=keys,
        interval_header=f"{confidence} interval".strip().capitalize(),
        show_quantile=any("quantile" in r for r in rows),
        show_noisy=any("noisy_sum" in r or "noisy_count" in r for r in rows),
        rows=[_row(r, keys) for r in rows[:MAX_ROWS]],
        total=len(rows),
        omitted=max(0, len(rows) - MAX_ROWS),
        figure=figure,
        figure_note=note,
    )


def _context(record: Mapping[str, Any]) -> dict[str, Any]:
    """Everything the template shows, as plain display values."""
    preview = record.get("preview") is True
    g = _mapping(record.get("guarantee"))
    unit = _mapping(g.get("unit_of_privacy"))
    truncated = record.get("truncated_rows")
    return {
        "title": f"{TITLE} — PREVIEW" if preview else TITLE,
        "dataset": _text(record.get("dataset")),
        "format": _text(record.get("format")),
        "released_at": _text(record.get("released_at")),
        "preview": preview,
        "banner": PREVIEW_BANNER,
        "preview_note": _text(g.get("preview")),
        "truncated": None if truncated is None else
        (f"{_num(truncated)} rows were dropped by contribution bounding (rows beyond "
         f"{_num(unit.get('max_contributions'))} per {_text(unit.get('column')) or 'person'}) "
         "before any statistic was computed."),
        "statement": _text(g.get("statement")),
        "caution": _text(g.get("caution")),
        "guarantee": _guarantee(record),
        "ledger": _ledger(record),
        "ledger_note": _text(_mapping(record.get("ledger")).get("note")),
        "not_covered": [_text(x) for x in _list(g.get("not_covered"))],
        "sections": [_section(i, _mapping(q), record, preview=preview)
                     for i, q in enumerate(_list(record.get("queries")))],
        "row_limit": MAX_ROWS,
    }
