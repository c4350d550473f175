"""Charts of the differential-privacy release report, returned as inline SVG text.

Same conventions as `veil.report.plots` (whose private drawing helpers are
reused, not copied): a bare `Figure`, text kept as text, a fixed id salt per
chart, no date metadata, URL-free output. Category labels are released values
(the DP output itself), so they may appear here; matplotlib escapes them in
the SVG, and math text is off so a "$" stays a "$".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from matplotlib import rc_context
from matplotlib.ticker import MaxNLocator, StrMethodFormatter

# Private helpers of veil.report.plots, imported on purpose so that every report
# draws (and serializes) charts in exactly the same way.
from veil.report.plots import (
    _RC,
    BAR_COLOR,
    GRID_COLOR,
    HIGHLIGHT_COLOR,
    TEXT_COLOR,
    _new_figure,
    _no_glyph_warnings,
    _to_svg,
)

MAX_BARS = 60  # a chart shows at most this many categories (the table lists more)
MAX_LABEL = 32  # longer category labels are cut on the chart (the table has them whole)
ERROR_COLOR = TEXT_COLOR


@dataclass(frozen=True)
class Bar:
    """One released category: its label, value, interval ends and (previews only) true value."""

    label: str
    value: float | None
    lower: float | None = None
    upper: float | None = None
    truth: float | None = None


def short_label(label: str, limit: int = MAX_LABEL) -> str:
    """`label`, cut to `limit` characters with an ellipsis."""
    return label if len(label) <= limit else label[: limit - 1] + "…"


def values_svg(
    bars: Sequence[Bar],
    *,
    title: str,
    xlabel: str,
    interval: str,
    salt: str,
) -> str:
    """Horizontal bars of released values with their intervals as error bars.

    Horizontal, so that long (combined) category labels stay readable; the
    first category is at the top, in the order of the record. At most
    `MAX_BARS` bars are drawn (the caller says so). A category without a value
    is labelled "no value" instead of a bar. True values, present only in a
    preview, are drawn as red diamonds and named in the legend, so the chart
    does not rely on colour alone.
    """
    shown = list(bars[:MAX_BARS])
    n = max(1, len(shown))
    fig = _new_figure(9.0, 1.3 + 0.27 * n)
    with rc_context(_RC), _no_glyph_warnings():
        ax = fig.add_subplot()
        ys = list(range(len(shown)))
        drawn = [(y, b) for y, b in zip(ys, shown, strict=True) if b.value is not None]
        handles: list[Any] = []
        bars_drawn = ax.barh([y for y, _ in drawn], [_f(b.value) for _, b in drawn],
                             color=BAR_COLOR, height=0.65, label="released value")
        if drawn:
            handles.append(bars_drawn)
        ranged = [(y, b) for y, b in drawn if b.lower is not None and b.upper is not None]
        if ranged:
            handles.append(ax.errorbar(
                [_f(b.value) for _, b in ranged],
                [y for y, _ in ranged],
                xerr=[[max(0.0, _f(b.value) - _f(b.lower)) for _, b in ranged],
                      [max(0.0, _f(b.upper) - _f(b.value)) for _, b in ranged]],
                fmt="none",
                ecolor=ERROR_COLOR,
                elinewidth=0.9,
                capsize=2.5,
                label=interval,
            ))
        truths = [(y, b.truth) for y, b in zip(ys, shown, strict=True) if b.truth is not None]
        if truths:
            handles.append(ax.scatter([_f(t) for _, t in truths], [y for y, _ in truths],
                                      marker="D", s=22, color=HIGHLIGHT_COLOR, zorder=3,
                                      label="true value (preview only)"))
        for y, bar in zip(ys, shown, strict=True):
            if bar.value is None:
                ax.annotate("no value", (0, y), xytext=(3, 0), textcoords="offset points",
                            va="center", ha="left", color=TEXT_COLOR, fontstyle="italic")
        ax.set_yticks(ys, [short_label(b.label) for b in shown])
        if not shown:
            ax.set_yticks([])
        ax.set_ylim(len(shown) - 0.5 if shown else 0.5, -0.5)  # first category on top
        ends = [0.0] + [_f(x) for b in shown for x in (b.value, b.lower, b.upper, b.truth)
                        if x is not None]
        low, high = min(ends), max(ends)
        pad = (high - low) * 0.05 or 1.0
        ax.set_xlim(low - pad if low < 0 else 0.0, high + pad)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
        ax.xaxis.set_major_formatter(StrMethodFormatter("{x:,.6g}"))
        ax.axvline(0.0, color="#888888", linewidth=0.6)
        ax.grid(axis="x", color=GRID_COLOR, linewidth=0.6)
        ax.set_axisbelow(True)
        if handles:
            fig.legend(handles=handles, loc="outside lower center", ncols=3, frameon=False,
                       fontsize=8)
        ax.set_title(title, loc="left")
        ax.set_xlabel(xlabel)
    return _to_svg(fig, salt)


def _f(value: float | None) -> float:
    """`value`, which the caller has checked is not None, as a float."""
    assert value is not None
    return float(value)
