"""Charts of the anonymization report, returned as inline SVG text.

Same conventions as `veil.report.plots` and `veil.report.risk_plots` (whose
private drawing helpers are reused, not copied): a bare `Figure`, text kept as
text, a fixed id salt per chart, no date metadata, URL-free output. Labels are
attribute names and numbers only, never values of the data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib import rc_context
from matplotlib.ticker import PercentFormatter

# Private helpers of veil.report.plots, imported on purpose so that every report
# draws (and serializes) charts in exactly the same way.
from veil.report.plots import (
    _RC,
    BAR_COLOR,
    GRID_COLOR,
    _new_figure,
    _no_glyph_warnings,
    _to_svg,
)
from veil.report.risk_plots import SECOND_COLOR

# Class-size buckets (smallest size, largest size or None): the chart's x axis.
BUCKETS: tuple[tuple[int, int | None], ...] = (
    (1, 1), (2, 2), (3, 4), (5, 9), (10, 19), (20, 49), (50, 99), (100, 999), (1000, None))


@dataclass(frozen=True)
class LossBar:
    """One quasi-identifier's information loss and the level chosen for it."""

    attribute: str
    loss: float
    level: int
    top: int


def bucket_label(low: int, high: int | None) -> str:
    """`1`, `3-4`, `1000+`."""
    if high is None:
        return f"{low:,}+"
    return f"{low:,}" if low == high else f"{low:,}-{high:,}"


def records_by_bucket(histogram: Sequence[tuple[int, int]]) -> list[int]:
    """Records in classes of each `BUCKETS` size range, from (size, classes) pairs."""
    counts = [0] * len(BUCKETS)
    for size, classes in histogram:
        for index, (low, high) in enumerate(BUCKETS):
            if size >= low and (high is None or size <= high):
                counts[index] += size * classes
                break
    return counts


def loss_svg(bars: Sequence[LossBar], *, salt: str = "anon-loss") -> str:
    """Horizontal bars: information loss per quasi-identifier (0 = kept as is, 1 = all `*`).

    Each bar is labelled with its loss and the level chosen out of the top level.
    """
    fig = _new_figure(9.0, 1.0 + 0.32 * max(1, len(bars)))
    with rc_context(_RC), _no_glyph_warnings():
        ax = fig.add_subplot()
        ys = list(range(len(bars)))
        ax.barh(ys, [b.loss for b in bars], color=BAR_COLOR, height=0.65)
        ax.set_yticks(ys, [b.attribute for b in bars])
        ax.invert_yaxis()
        for y, bar in zip(ys, bars, strict=True):
            ax.annotate(
                f"{bar.loss:.0%} (level {bar.level} of {bar.top})",
                (bar.loss, y),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                ha="left",
            )
        ax.set_xlim(0, 1.3)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
        ax.xaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))
        ax.grid(axis="x", color=GRID_COLOR, linewidth=0.6)
        ax.set_axisbelow(True)
        ax.set_title("Information loss per quasi-identifier", loc="left")
        ax.set_xlabel("loss (0% = values kept, 100% = fully generalized or suppressed)")
    return _to_svg(fig, salt)


def class_sizes_svg(before: Sequence[int], after: Sequence[int], *,
                    salt: str = "anon-sizes") -> str:
    """Paired bars: the share of records in classes of each size range, before and after.

    `before` and `after` are records per `BUCKETS` entry (`records_by_bucket`);
    shares are of the records assessed (suppressed records are not in a class).
    """
    labels = [bucket_label(low, high) for low, high in BUCKETS]
    fig = _new_figure(9.0, 3.2)
    with rc_context(_RC), _no_glyph_warnings():
        ax = fig.add_subplot()
        xs = list(range(len(labels)))
        width = 0.38
        for offset, color, name, counts in (
            (-width / 2, SECOND_COLOR, "input", before),
            (width / 2, BAR_COLOR, "anonymized", after),
        ):
            total = sum(counts) or 1
            shares = [count / total for count in counts]
            ax.bar([x + offset for x in xs], shares, width=width, color=color, label=name)
            for x, share in zip(xs, shares, strict=True):
                if share > 0:
                    ax.annotate(
                        f"{share:.0%}" if share >= 0.01 else "<1%",
                        (x + offset, share),
                        xytext=(0, 2),
                        textcoords="offset points",
                        ha="center",
                        va="bottom",
                        fontsize=7,
                    )
        ax.set_xticks(xs, labels)
        ax.set_ylim(0, 1.12)
        ax.yaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))
        ax.grid(axis="y", color=GRID_COLOR, linewidth=0.6)
        ax.set_axisbelow(True)
        ax.legend(loc="upper right", frameon=False, fontsize=8)
        ax.set_title("Records by the size of their equivalence class", loc="left")
        ax.set_xlabel("class size (records sharing the same quasi-identifier values)")
        ax.set_ylabel("share of records")
    return _to_svg(fig, salt)
