"""Microaggregation of numeric attributes: replace values by the mean of a small group.

Two methods:

- ``mdav`` (Maximum Distance to Average Vector; Domingo-Ferrer and Torra 2005, the
  default of sdcMicro's ``microaggregation``) groups whole records over all the
  columns at once, on z-scores so that no column dominates the distance. Each step
  is a few vectorized distance computations over the records still ungrouped, and
  there are about n/k steps: the cost grows as n²/k (with k=3 and 3 columns, about
  3 s at 50,000 rows, 11 s at 100,000 and 50 s at 200,000 on one core), so it is
  refused above 200,000 rows.
- ``univariate`` treats each column on its own: sort it and cut the sorted values
  into consecutive groups of k (the remainder joins the last group). One sort per
  column; fine for millions of rows, but it protects each column separately, not
  combinations of columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
import polars as pl

from veil.errors import UsageError
from veil.risk.classes import check_columns

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Method = Literal["mdav", "univariate"]

MDAV_MAX_ROWS = 200_000
"""Above this many rows MDAV's n²/k cost runs into minutes: use ``univariate``."""


@dataclass(frozen=True)
class MicroaggregationResult:
    """The microaggregated table and what it cost.

    Guarantee:
        Every group holds at least k records (``smallest`` >= k); with ``mdav``
        every group has k to 2k-1 records, with ``univariate`` each column's groups
        have k to 2k-1 records (see :func:`microaggregate`).
    """

    frame: pl.DataFrame
    """The input with `columns` replaced by their group means (Float64); same row order."""
    groups: int
    """Groups formed (with ``univariate``: per column, the same count for every column)."""
    smallest: int
    """Records in the smallest group."""
    information_loss: float
    """SSE/SST on z-scores: the within-group sum of squares over the total sum of
    squares, summed over the columns; 0 keeps the data, 1 replaces it by the means."""


def microaggregate(frame: pl.DataFrame, *, columns: Sequence[str], k: int,
                   method: Method = "mdav") -> MicroaggregationResult:
    """Replace each of `columns` by the mean of its group of >= k similar records.

    ``mdav`` groups records over all `columns` together (O(n²/k), refused above
    ``MDAV_MAX_ROWS`` rows); ``univariate`` groups each column separately by sorted
    value (O(n log n)). Group means are computed on the original scale, so each
    column's overall mean is preserved. Other columns are returned unchanged.

    Guarantee:
        With ``mdav``: every record shares its values of `columns` with at least
        k-1 other records (groups of k to 2k-1 records, all recoded to the same mean
        vector), so the output is k-anonymous over `columns`.
        With ``univariate``: each column separately has every value shared by at
        least k records; combinations of columns are NOT protected.
        The unit protected is one row; no guarantee about columns not listed.
        Citation: J. Domingo-Ferrer and V. Torra, "Ordinal, continuous and
        heterogeneous k-anonymity through microaggregation", Data Mining and
        Knowledge Discovery 11(2), 2005 (MDAV); Templ, Kowarik and Meindl,
        "Statistical Disclosure Control for Micro-Data Using the R Package
        sdcMicro", JSS 67(4), 2015. Check with :func:`veil.risk.classes.class_sizes`
        over `columns` (``smallest >= k`` for mdav; per column for univariate).

    Example:
        >>> frame = pl.DataFrame({"income": [10.0, 11.0, 12.0, 50.0, 52.0, 54.0]})
        >>> microaggregate(frame, columns=["income"], k=3).frame["income"].to_list()
        [11.0, 11.0, 11.0, 52.0, 52.0, 52.0]
    """
    cols = _validate(frame, columns, k, method)
    n = frame.height
    if method == "mdav":
        labels = _mdav(_standardize(np.column_stack(cols)), k)
        sizes = np.bincount(labels)
        out = [(np.bincount(labels, weights=x) / sizes)[labels] for x in cols]
    else:  # consecutive runs of k in sorted order, the remainder joins the last run
        sizes = np.full(n // k, k, dtype=np.int64)
        sizes[-1] += n % k
        starts = np.cumsum(sizes) - sizes
        out = []
        for x in cols:
            order = np.argsort(x, kind="stable")
            recoded = np.empty(n)
            recoded[order] = np.repeat(np.add.reduceat(x[order], starts) / sizes, sizes)
            out.append(recoded)
    series = [pl.Series(name, o, dtype=pl.Float64) for name, o in zip(columns, out, strict=True)]
    return MicroaggregationResult(frame.with_columns(series), int(sizes.size),
                                  int(sizes.min()), _loss(cols, out))


def _validate(frame: pl.DataFrame, columns: Sequence[str], k: int,
              method: str) -> list[Floats]:
    check_columns(frame, columns, what="column",
                  empty="give at least one column to microaggregate")
    if method not in ("mdav", "univariate"):
        raise UsageError(f"the 'method' parameter must be 'mdav' or 'univariate'. Got {method!r}.")
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise UsageError(f"the 'k' parameter must be an int >= 1. Got {k!r} instead.")
    n = frame.height
    if k > n:
        raise UsageError(f"k={k} is more than the {n} rows of the data",
                         hint="no group can hold k records; lower k or give more data")
    if method == "mdav" and n > MDAV_MAX_ROWS:
        raise UsageError(
            f"mdav takes time quadratic in the rows: {n:,} rows is over its limit of"
            f" {MDAV_MAX_ROWS:,}",
            hint="use method='univariate' (one sort per column), or microaggregate"
            " smaller strata separately",
        )
    for name in columns:
        series = frame.get_column(name)
        if not (series.dtype.is_integer() or series.dtype.is_float()):
            raise UsageError(f"column {name!r} has type {series.dtype}: microaggregation"
                             " needs numbers")
        bad = series.null_count()
        if series.dtype.is_float():
            bad += int((~series.is_finite()).sum())
        if bad:
            raise UsageError(
                f"column {name!r} has {bad} null, NaN or infinite value(s)",
                hint="impute or drop them first",
            )
    return [np.ascontiguousarray(frame.get_column(c).cast(pl.Float64).to_numpy(), dtype=np.float64)
            for c in columns]


def _standardize(values: Floats) -> Floats:
    """z-scores per column (a constant column stays all zeros)."""
    mean = values.mean(axis=0)
    std = values.std(axis=0)
    z: Floats = (values - mean) / np.where(std > 0, std, 1.0)
    return z


_DEAD = 1e300  # added to the norms of grouped records: never the farthest nor the nearest


def _mdav(z: Floats, k: int) -> Ints:
    """MDAV group label of each record (groups of k to 2k-1 records).

    While at least 3k records remain: take the record r farthest from their
    centroid and group it with its k-1 nearest; then the record s farthest from r
    (among the rest) and its k-1 nearest. Then, with 2k or more left, one more group
    around the record farthest from the centroid; the rest is the last group.

    Squared distances to a point v are ranked as |z|² - 2 z·v (|v|² is the same for
    every record): one pass over the columns of ``zt`` per point, reused for the
    nearest and the farthest record from r. A grouped record gets norm -_DEAD for
    "farthest" and +_DEAD for "nearest" queries, and grouped records are dropped
    once they are half of the arrays (amortized O(1) per record). The products are
    einsum loops, not BLAS: multi-threaded BLAS calls on arrays this shape are
    slower, and their rounding may depend on the thread count.
    """
    n = z.shape[0]
    if k == 1:  # every record is its own group
        return np.arange(n, dtype=np.int64)
    labels = np.full(n, -1, dtype=np.int64)
    zt = np.ascontiguousarray(z.T)  # one row per column: the products stream memory
    norms = np.einsum("ij,ij->j", zt, zt)
    far_norm, near_norm = norms.copy(), norms
    ids = np.arange(n, dtype=np.int64)  # record of each array position
    total = z.sum(axis=0)
    free = n
    group = 0

    def minus_two_dot(point: Floats) -> Floats:
        dots: Floats = np.einsum("i,ij->j", -2.0 * point, zt)
        return dots

    def farthest(dots: Floats) -> int:
        return int(np.argmax(dots + far_norm))

    def close(centre: int, dots: Floats) -> None:
        """Group `centre` (free) with its k-1 nearest free records."""
        nonlocal group, total, free
        dist = dots + near_norm
        dist[centre] = -np.inf  # the centre itself, even among duplicates
        if k <= 16:  # k argmin passes beat one argpartition for small k
            members = np.empty(k, dtype=np.int64)
            for i in range(k):
                members[i] = np.argmin(dist)
                dist[members[i]] = np.inf
        else:
            members = np.argpartition(dist, k - 1)[:k]
        labels[ids[members]] = group
        group += 1
        total = total - zt[:, members].sum(axis=1)
        free -= k
        far_norm[members] = -_DEAD
        near_norm[members] = _DEAD

    def compact() -> None:
        nonlocal zt, far_norm, near_norm, ids
        if free * 2 < ids.size:
            keep = far_norm > -_DEAD
            zt = np.ascontiguousarray(zt[:, keep])
            far_norm, near_norm, ids = far_norm[keep], near_norm[keep], ids[keep]

    while free >= 3 * k:
        r = farthest(minus_two_dot(total / free))
        from_r = minus_two_dot(zt[:, r])
        close(r, from_r)
        s = farthest(from_r)
        close(s, minus_two_dot(zt[:, s]))
        compact()
    if free >= 2 * k:
        r = farthest(minus_two_dot(total / free))
        close(r, minus_two_dot(zt[:, r]))
    labels[labels < 0] = group
    return labels


def _loss(before: list[Floats], after: list[Floats]) -> float:
    """SSE/SST on z-scores: sum over columns of SSE_j / var_j over sum of SST_j / var_j = n."""
    sse = sst = 0.0
    for x, y in zip(before, after, strict=True):
        var = float(x.var())
        if var > 0:  # a constant column loses nothing and weighs nothing
            sse += float(((x - y) ** 2).sum()) / var
            sst += x.size
    return min(sse / sst, 1.0) if sst > 0 else 0.0
