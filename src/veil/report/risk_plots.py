"""Charts of the re-identification risk report, returned as inline SVG text.

Same conventions as `veil.report.plots` (whose private drawing helpers are
reused here, not copied): a bare `Figure`, text kept as text, a fixed id salt
per chart, no date metadata, URL-free output. Every chart states its key
numbers in text as well (labels, annotations), so none relies on colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib import rc_context
from matplotlib.ticker import (
    MaxNLocator,
    NullFormatter,
    PercentFormatter,
    StrMethodFormatter,
)

# Private helpers of veil.report.plots, imported on purpose so that both reports
# draw (and serialize) charts in exactly the same way.
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

SECOND_COLOR = "#9db4cf"  # a lighter companion of BAR_COLOR for paired bars
THRESHOLD_COLOR = HIGHLIGHT_COLOR
THRESHOLD_ID = "risk-threshold"  # the id of the threshold line's group in the risk SVG

MAX_SIZES = 40  # the class-size chart shows at most this many (smallest) sizes
MAX_CONTRIBUTIONS = 25  # bars in the contribution chart
_LOG_RANGE = 20  # use a log y axis when the largest count is this many times the smallest


def above(size: int, threshold: float) -> bool:
    """Whether a record in a class of `size` has a risk (1 / size) above `threshold`."""
    return 1.0 / size > threshold


def class_sizes_svg(
    histogram: Sequence[tuple[int, int]], threshold: float, *, salt: str = "risk-sizes"
) -> str:
    """Bars: how many equivalence classes have each size (the smallest `MAX_SIZES` sizes).

    Classes whose records are above the risk threshold are drawn in the
    highlight colour; a legend names both colours. The y axis is logarithmic
    when the counts span a wide range (typically many uniques, few large classes).
    """
    shown = list(histogram[:MAX_SIZES])
    labels = [str(size) for size, _ in shown]
    counts = [count for _, count in shown]
    risky = [above(size, threshold) for size, _ in shown]
    log = bool(counts) and max(counts) >= _LOG_RANGE * max(1, min(counts))
    fig = _new_figure(min(9.0, 3.0 + 0.22 * len(shown)), 3.2)
    with rc_context(_RC), _no_glyph_warnings():
        ax = fig.add_subplot()
        xs = list(range(len(shown)))
        for flag, color, name in (
            (True, HIGHLIGHT_COLOR, f"records above the {threshold:g} threshold"),
            (False, BAR_COLOR, "records at or below the threshold"),
        ):
            idx = [i for i in xs if risky[i] is flag]
            if idx:
                ax.bar(
                    idx,
                    [counts[i] for i in idx],
                    color=color,
                    width=0.8 if len(xs) > 12 else 0.6,
                    label=name,
                )
        step = 1 if len(xs) <= 24 else 2
        ticks = xs[::step]
        ax.set_xticks(ticks, [labels[i] for i in ticks])
        if len(xs) == 1:
            ax.set_xlim(-1, 1)
        top = max(counts, default=0)
        if log:
            ax.set_yscale("log")
            ax.set_ylim(0.7, top * 2.2)
            ax.yaxis.set_minor_formatter(NullFormatter())
        else:
            ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
            ax.set_ylim(0, top * 1.15 if top > 0 else 1)
        ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
        ax.grid(axis="y", color=GRID_COLOR, linewidth=0.6)
        ax.set_axisbelow(True)
        labelled = xs if len(xs) <= 12 else xs[:1]
        for i in labelled:
            ax.annotate(
                f"{counts[i]:,}",
                (i, counts[i]),
                xytext=(0, 2),
                textcoords="offset points",
                ha="left" if i == 0 and len(xs) > 12 else "center",
                va="bottom",
                fontsize=8,
            )
        if shown:
            ax.legend(loc="upper right", frameon=False, fontsize=8)
        ax.set_title("Equivalence classes by size", loc="left")
        ax.set_xlabel("class size (records sharing the same quasi-identifier values)")
        ax.set_ylabel("classes" + (" (log scale)" if log else ""))
    return _to_svg(fig, salt)


@dataclass(frozen=True)
class Step:
    """One level of the sorted risk curve: records of all classes of one size."""

    size: int
    records: int
    start: float  # share of records before this step
    end: float  # share of records up to and including this step

    @property
    def risk(self) -> float:
        return 1.0 / self.size


def risk_steps(histogram: Sequence[tuple[int, int]]) -> list[Step]:
    """Records sorted by prosecutor risk (1 / class size), highest first, as steps.

    A class size `s` with `n` classes contributes `n * s` records of risk `1 / s`.
    """
    total = sum(size * count for size, count in histogram)
    steps: list[Step] = []
    done = 0
    for size, count in sorted(histogram):
        records = size * count
        if records <= 0 or total <= 0:
            continue
        steps.append(Step(size, records, done / total, (done + records) / total))
        done += records
    return steps


def risk_curve_svg(
    histogram: Sequence[tuple[int, int]], threshold: float, *, salt: str = "risk-curve"
) -> str:
    """A step line of every record's risk, records sorted from highest to lowest risk.

    x is the share of records, y the risk 1 / class size. A dashed horizontal line
    (group id `THRESHOLD_ID`) marks the threshold; a dotted vertical line marks
    the share of records above it.
    """
    steps = risk_steps(histogram)
    at_risk = sum(s.records for s in steps if above(s.size, threshold))
    share = at_risk / sum(s.records for s in steps) if steps else 0.0
    fig = _new_figure(9.0, 3.4)
    with rc_context(_RC), _no_glyph_warnings():
        ax = fig.add_subplot()
        if steps:
            edges = [steps[0].start, *(s.end for s in steps)]
            values = [s.risk for s in steps]
            ax.stairs(values, edges, fill=True, color=SECOND_COLOR, alpha=0.35, linewidth=0)
            ax.stairs(values, edges, color=BAR_COLOR, linewidth=1.8, baseline=None)
        (line,) = ax.plot(
            [0, 1],
            [threshold, threshold],
            linestyle=(0, (6, 4)),
            color=THRESHOLD_COLOR,
            linewidth=1.4,
        )
        line.set_gid(THRESHOLD_ID)
        ax.annotate(
            f"threshold {threshold:g}",
            (1.0, threshold),
            xytext=(-2, 3),
            textcoords="offset points",
            ha="right",
            va="bottom",
            color=THRESHOLD_COLOR,
            fontweight="bold",
        )
        if 0 < share < 1:
            ax.axvline(share, color=TEXT_COLOR, linestyle=":", linewidth=1)
            ax.annotate(
                f"{share:.0%} of records above the threshold",
                (share, 0.55),
                xytext=(5, 0),
                textcoords="offset points",
                ha="left",
                va="center",
            )
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1.05)
        ax.xaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))
        ax.grid(axis="both", color=GRID_COLOR, linewidth=0.6)
        ax.set_axisbelow(True)
        ax.set_title("Risk of each record, highest first (prosecutor model)", loc="left")
        ax.set_xlabel("share of records")
        ax.set_ylabel("risk = 1 / class size")
    return _to_svg(fig, salt)


def contributions_svg(
    items: Sequence[tuple[str, float, int]], *, salt: str = "risk-contrib"
) -> str:
    """Horizontal bars: the share of sample uniques removed by leaving out each attribute.

    `items` are (attribute, share removed, uniques removed), drawn in the given
    order (largest first); each bar is labelled with its share and count.
    """
    items = list(items[:MAX_CONTRIBUTIONS])
    fig = _new_figure(9.0, 1.0 + 0.3 * max(1, len(items)))
    with rc_context(_RC), _no_glyph_warnings():
        ax = fig.add_subplot()
        ys = list(range(len(items)))
        shares = [share for _, share, _ in items]
        ax.barh(ys, shares, color=BAR_COLOR, height=0.65)
        ax.set_yticks(ys, [name for name, _, _ in items])
        ax.invert_yaxis()
        for y, (_, share, removed) in zip(ys, items, strict=True):
            ax.annotate(
                f"{share:.0%} ({removed:,})",
                (share, y),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                ha="left",
            )
        ax.set_xlim(0, 1.12)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
        ax.xaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))
        ax.grid(axis="x", color=GRID_COLOR, linewidth=0.6)
        ax.set_axisbelow(True)
        ax.set_title("Sample uniques removed by leaving out one quasi-identifier", loc="left")
        ax.set_xlabel("share of sample uniques removed")
    return _to_svg(fig, salt)


@dataclass(frozen=True)
class DiversityBar:
    """The l and t figures of one sensitive attribute, for the chart."""

    attribute: str
    distinct_l: float
    entropy_l: float
    t_equal: float
    t_ordered: float | None


def diversity_svg(rows: Sequence[DiversityBar], *, salt: str = "risk-diversity") -> str:
    """Two small panels per sensitive attribute: l (distinct, entropy) and t (equal, ordered).

    Higher l is better (more distinct sensitive values in the worst class);
    lower t is better (the worst class's values are distributed like the table's).
    """
    fig = _new_figure(9.0, 1.3 + 0.55 * max(1, len(rows)))
    with rc_context(_RC), _no_glyph_warnings():
        left, right = fig.subplots(1, 2, sharey=True)
        ys = list(range(len(rows)))
        height = 0.36
        top_l = max([max(r.distinct_l, r.entropy_l) for r in rows], default=1.0)
        for offset, color, name, values in (
            (-height / 2, BAR_COLOR, "distinct l", [r.distinct_l for r in rows]),
            (height / 2, SECOND_COLOR, "entropy l", [r.entropy_l for r in rows]),
        ):
            at = [y + offset for y in ys]
            left.barh(at, values, height=height, color=color, label=name)
            for y, v in zip(at, values, strict=True):
                left.annotate(
                    f"{name} {v:.3g}",
                    (v, y),
                    xytext=(3, 0),
                    textcoords="offset points",
                    va="center",
                    ha="left",
                    fontsize=8,
                )
        left.set_xlim(0, max(2.0, top_l) * 1.6)
        left.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
        left.set_title("l-diversity (higher is safer)", loc="left")
        left.set_xlabel("l (different sensitive values in the worst class)")
        left.set_yticks(ys, [r.attribute for r in rows])
        left.invert_yaxis()
        for offset, color, name, tvalues in (
            (-height / 2, BAR_COLOR, "equal", [r.t_equal for r in rows]),
            (height / 2, SECOND_COLOR, "ordered", [r.t_ordered for r in rows]),
        ):
            for y, t in zip(ys, tvalues, strict=True):
                if t is None:
                    continue
                right.barh(y + offset, t, height=height, color=color)
                right.annotate(
                    f"{name} {t:.2f}",
                    (t, y + offset),
                    xytext=(3, 0),
                    textcoords="offset points",
                    va="center",
                    ha="left",
                    fontsize=8,
                )
        right.tick_params(axis="y", left=False)
        right.set_xlim(0, 1.35)
        right.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
        right.set_title("t-closeness (lower is safer)", loc="left")
        right.set_xlabel("t (0 = same distribution as the whole table)")
        for ax in (left, right):
            ax.grid(axis="x", color=GRID_COLOR, linewidth=0.6)
            ax.set_axisbelow(True)
    return _to_svg(fig, salt)
