"""Whole values shaped like names, whatever their language: the verification's own
version of the scanner's name-shape evidence (`veil.scan.names.name_shaped`).

The name dictionaries miss most names of other origins ('Nguyễn Văn An', 'TRAN-LE,
MAI'); a column whose values are mostly two or three capitalized words, or 'Last,
First', holds names (or places) however often they repeat. Estimated on the pass's
evenly spread sample of rows, like the dictionary shares.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from veil.scan.names import NAME_SHAPED_DISTINCT, marked_name, name_shaped

NAME_SHAPED_SHARE = 0.5
"""Share of a column's values that must be name-shaped to flag it."""


def name_shape_stats(values: pl.Series, alias: str, step: int) -> dict[str, int]:
    """Estimated name-shaped values of one column (`step`: rows per sampled row)."""
    text = values.cast(pl.String).str.strip_chars()
    # the regular expressions run once per distinct value (sampled columns repeat a lot),
    # each value weighted by how often it occurs: the same sums as over every row
    frame = text.to_frame("v").group_by("v").agg(n=pl.len()) \
        .with_columns(s=name_shaped(pl.col("v"))) \
        .select(shaped=pl.col("n").filter(pl.col("s")).sum(),
                present=pl.col("n").filter(pl.col("v").is_not_null()).sum(),
                distinct=pl.col("s").sum(),
                marked=pl.col("n").filter(pl.col("s") & marked_name(pl.col("v"))).sum())
    shaped, present, distinct, marked = frame.row(0)
    if not (int(distinct or 0) >= NAME_SHAPED_DISTINCT or int(marked or 0)):
        shaped = 0  # a few unmarked two-word values: device models, not names
    return {f"{alias}_shaped": int(shaped or 0) * step,
            f"{alias}_shaped_of": int(present or 0) * step}


def name_shaped_residual(stats: Mapping[str, int], alias: str) -> int:
    """The estimated name-shaped values when they are most of the column, else 0."""
    shaped = stats.get(f"{alias}_shaped", 0)
    present = stats.get(f"{alias}_shaped_of", 0)
    return shaped if present and shaped >= NAME_SHAPED_SHARE * present else 0
