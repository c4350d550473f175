"""Small matplotlib charts for the HTML report, returned as inline SVG text.

The report must open offline and be byte-identical for the same input, so every
chart is drawn to an in-memory SVG with text kept as text (`svg.fonttype=none`),
a fixed id salt per chart (`svg.hashsalt`), no date metadata, and then stripped
of everything that names a URL (XML prolog, DOCTYPE, RDF metadata, namespace
declarations, comments). Charts are drawn on a bare `Figure`, never through
pyplot, so no GUI backend or global figure state is involved.
"""

from __future__ import annotations

import io
import math
import re
import warnings
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, StrMethodFormatter

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

BAR_COLOR = "#5b7fa6"
HIGHLIGHT_COLOR = "#c0392b"
TEXT_COLOR = "#222222"
GRID_COLOR = "#d9d9d9"

_MAX_X_LABELS = 24  # more category labels than this on one axis become unreadable
_FEW_BARS = 12  # up to this many bars, each one is labelled with its count

_RC: dict[RcKeyType, Any] = {
    "svg.fonttype": "none",  # text stays text: smaller, selectable, no glyph paths
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],  # ships with matplotlib: same layout everywhere
    "font.size": 9,
    "text.parse_math": False,  # a "$" in a column value must not start mathtext
    "text.color": TEXT_COLOR,
    "axes.labelcolor": TEXT_COLOR,
    "axes.edgecolor": "#888888",
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": TEXT_COLOR,
    "ytick.color": TEXT_COLOR,
    "path.simplify": False,
}

_STRIP = [
    re.compile(r"<\?xml[^>]*\?>\s*"),
    re.compile(r"<!DOCTYPE[^>]*>\s*", re.DOTALL),
    re.compile(r"<!--.*?-->\s*", re.DOTALL),
    re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL),
    re.compile(r'\s+xmlns(?::\w+)?="[^"]*"'),
]


@contextmanager
def _no_glyph_warnings() -> Iterator[None]:
    """Silence only matplotlib's missing-glyph warning.

    Labels come from the data (any script, emoji); DejaVu Sans lacks some glyphs,
    which only makes the layout estimate approximate: the browser draws the text
    with its own fonts because SVG text is kept as text. A run must not fail on it.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
        yield


def _to_svg(fig: Figure, salt: str) -> str:
    """Serialize `fig` to URL-free, deterministic SVG text for inlining in HTML.

    `salt` seeds matplotlib's element ids; give each chart of a page its own so
    that ids (clip paths) of two inline SVGs never collide.
    """
    buf = io.StringIO()
    rc: dict[RcKeyType, Any] = {**_RC, "svg.hashsalt": f"veil-{salt}"}
    with rc_context(rc), _no_glyph_warnings():
        fig.savefig(buf, format="svg", metadata={"Date": None})
    svg = buf.getvalue()
    for pattern in _STRIP:
        svg = pattern.sub("", svg)
    # Inline SVG in HTML needs no namespace; <svg> opens the fragment.
    return svg[svg.index("<svg") :].strip()


def _new_figure(width: float, height: float) -> Figure:
    with rc_context(_RC):
        return Figure(figsize=(width, height), layout="constrained")


def _tick_positions(n: int, keep: Sequence[int]) -> list[int]:
    """At most about `_MAX_X_LABELS` evenly spaced tick indices, always incl. `keep`.

    Regular ticks that would crowd a kept (highlighted) one are dropped.
    """
    step = max(1, math.ceil(n / _MAX_X_LABELS))
    if step == 1:
        return list(range(n))
    regular = [i for i in range(0, n, step) if all(abs(i - k) * 2 > step for k in keep)]
    return sorted(set(regular) | set(keep))


def distribution_svg(
    title: str,
    counts: Sequence[tuple[str, int | float]],
    highlight: Sequence[str] = (),
    *,
    salt: str = "dist",
    xlabel: str = "value",
) -> str:
    """A bar chart of value counts, highlighted categories in a second colour.

    Highlighted bars (e.g. "90+" after top-coding) also carry their label and
    count as text, so the chart does not rely on colour alone; with few bars,
    every bar is labelled with its count.
    """
    labels = [str(label) for label, _ in counts]
    values = [float(value) for _, value in counts]
    wanted = {str(h) for h in highlight}
    hi = [i for i, label in enumerate(labels) if label in wanted]
    # Few categories get a narrow chart, so bars do not turn into slabs.
    fig = _new_figure(min(9.0, 3.0 + 0.5 * len(labels)), 3.0)
    with rc_context(_RC), _no_glyph_warnings():
        ax = fig.add_subplot()
        xs = list(range(len(labels)))
        colors = [HIGHLIGHT_COLOR if i in hi else BAR_COLOR for i in xs]
        ax.bar(xs, values, color=colors, width=0.8 if len(xs) > _FEW_BARS else 0.6)
        ticks = _tick_positions(len(labels), hi)
        ax.set_xticks(ticks, [labels[i] for i in ticks])
        if any(len(labels[i]) > 4 for i in ticks):
            ax.tick_params(axis="x", labelrotation=45)
            for tick in ax.get_xticklabels():
                tick.set_horizontalalignment("right")
                tick.set_rotation_mode("anchor")
        if len(xs) == 1:
            ax.set_xlim(-1, 1)
        # Label every bar with its count when there is room, else the highlighted ones.
        labelled = xs if len(xs) <= _FEW_BARS else hi
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True, steps=[1, 2, 2.5, 5, 10]))
        ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
        ax.grid(axis="y", color=GRID_COLOR, linewidth=0.6)
        ax.set_axisbelow(True)
        top = max(values, default=0.0)
        ax.set_ylim(0, top * 1.15 if top > 0 else 1)
        for i in labelled:
            ax.annotate(
                f"{labels[i]}: {values[i]:,.0f}" if len(xs) > _FEW_BARS else f"{values[i]:,.0f}",
                (i, values[i]),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                va="bottom",
                color=HIGHLIGHT_COLOR if i in hi else TEXT_COLOR,
                fontweight="bold" if i in hi else "normal",
            )
        ax.set_title(title, loc="left")
        ax.set_xlabel(xlabel)
        ax.set_ylabel("rows")
    return _to_svg(fig, salt)


def actions_svg(action_counts: Mapping[str, int], *, salt: str = "actions") -> str:
    """A horizontal bar chart of how many columns received each action.

    Bars are sorted by count (then name) and labelled with their count.
    """
    items = sorted(action_counts.items(), key=lambda kv: (-kv[1], kv[0]))
    fig = _new_figure(9.0, 0.9 + 0.3 * max(1, len(items)))
    with rc_context(_RC), _no_glyph_warnings():
        ax = fig.add_subplot()
        ys = list(range(len(items)))
        values = [count for _, count in items]
        ax.barh(ys, values, color=BAR_COLOR, height=0.65)
        ax.set_yticks(ys, [name for name, _ in items])
        ax.invert_yaxis()
        ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
        ax.grid(axis="x", color=GRID_COLOR, linewidth=0.6)
        ax.set_axisbelow(True)
        top = max(values, default=0)
        ax.set_xlim(0, top * 1.12 + 0.5 if top > 0 else 1)
        for y, value in zip(ys, values, strict=True):
            ax.annotate(
                f"{value:,}",
                (value, y),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                ha="left",
            )
        ax.set_title("Columns by action applied", loc="left")
        ax.set_xlabel("number of input columns")
        ax.set_ylabel("action")
    return _to_svg(fig, salt)
