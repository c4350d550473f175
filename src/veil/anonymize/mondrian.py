"""Mondrian multidimensional local recoding (LeFevre, DeWitt and Ramakrishnan 2006).

The records are cut recursively into boxes over the quasi-identifiers until no box
can be cut again without leaving fewer than k records (or, with l-diversity,
fewer than l distinct sensitive values) on one side. Every record is then recoded
to its box: a number range ``lo-hi`` or a set of strings ``{a,b}``.

How: each quasi-identifier is encoded once to dense integer ranks (the order of its
sorted distinct values). The work list holds the partitions still to cut as
contiguous runs of compact arrays, and a whole level of the recursion is done at
once with NumPy: per-run minimum and maximum give the normalized widths, one sort
of (partition, rank) keys gives every partition's median, and running counts move
each half into its own run. Python loops run over levels and dimensions, never
over rows or partitions, so 1M records take a few seconds. Partitions depend only
on the values, never on the order of the rows, so the output is deterministic.

Records removed by record suppression (every quasi-identifier is ``*``, as in
:mod:`veil.risk.classes`) are left as they are and take no part in the partitions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl

from veil.errors import UsageError
from veil.risk.classes import SUPPRESSED, check_columns, column_codes

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]
Ranks = npt.NDArray[np.signedinteger[Any]]


@dataclass(frozen=True)
class MondrianResult:
    """The recoded table and what the recoding cost.

    Guarantee:
        Every equivalence class of ``frame`` over the quasi-identifiers holds at
        least k records (``smallest`` >= k), and at least l distinct sensitive
        values when l-diversity was asked (see :func:`mondrian`).
    """

    frame: pl.DataFrame
    """The input with each quasi-identifier recoded to a string; same columns and row order."""
    partitions: int
    smallest: int
    """Records in the smallest partition."""
    information_loss: float
    """Normalized certainty penalty (Xu et al. 2006) averaged over records and
    quasi-identifiers: a range costs (hi - lo) / (the column's range), a set of m
    values m / (the column's distinct values), one value 0; so 0 is the input and 1
    every value generalized to its whole domain."""


@dataclass(frozen=True)
class _Column:
    name: str
    codes: Ints  # rank of each record's value among the sorted distinct values
    uniques: pl.Series  # the sorted distinct values
    position: Floats  # rank -> place in [0, 1] of the column's domain, for widths and NCP
    numeric: bool


def mondrian(frame: pl.DataFrame, *, quasi: Sequence[str], k: int, l: int | None = None,  # noqa: E741
             sensitive: str | None = None) -> MondrianResult:
    """Recode `quasi` with strict Mondrian partitioning so that every class has >= k records.

    Numbers (integer and float columns) are cut at the median of the dimension with
    the widest normalized range (value range over the column's range) and recoded as
    ``lo-hi`` (just the value when lo == hi). Strings, categoricals and booleans are
    cut over their sorted distinct values at the record median and recoded as the
    values present, ``{a,b}``, or the single value. A cut is allowed only if both
    halves keep >= k records (and >= l distinct values of `sensitive`); when the
    widest dimension has no allowed cut the next widest is tried, and a partition
    with none is final. Other columns, and records whose quasi-identifiers are all
    ``*`` (suppressed), are returned unchanged; k, l and the information loss count
    the other records only, as :func:`veil.risk.classes.class_sizes` does.

    Guarantee:
        k-anonymity (Sweeney 2002) over `quasi`: every combination of recoded
        quasi-identifier values in the output is shared by at least k records, since
        each partition has >= k records and all its records get the same recoding.
        With `l`, distinct l-diversity (Machanavajjhala et al. 2007): each class
        also holds >= l distinct values of `sensitive` (a null counts as one value).
        The unit protected is one row; the guarantee assumes one row per person and
        that `quasi` lists every attribute an attacker may link on.
        Citation: K. LeFevre, D. J. DeWitt, R. Ramakrishnan, "Mondrian
        Multidimensional K-Anonymity", ICDE 2006 (strict partitioning, median cuts).
        Check with :func:`veil.risk.classes.class_sizes` (``smallest >= k``) and
        :func:`veil.risk.diversity.diversity` (``distinct_l >= l``).

    Example:
        >>> frame = pl.DataFrame({"age": [31, 35, 52, 58], "sex": ["F", "M", "F", "F"]})
        >>> mondrian(frame, quasi=["age", "sex"], k=2).frame["age"].to_list()
        ['31-35', '31-35', '52-58', '52-58']
    """
    _check_arguments(frame, quasi, k, l, sensitive)
    kept = _not_suppressed(frame, quasi)
    data = frame if kept is None else frame.filter(kept)
    n = data.height
    if k > n:
        gone = frame.height - n
        raise UsageError(
            f"k={k} is more than the {n} rows of the data"
            + (f" left after {gone} suppressed row(s)" if gone else ""),
            hint="no partition can hold k records; lower k or give more data",
        )
    columns = [_encode(data.get_column(name)) for name in quasi]
    s_codes: Ints | None = None
    s_card = 0
    if l is not None and sensitive is not None:
        codes, _ = column_codes(data.get_column(sensitive))
        uniques, dense = np.unique(codes, return_inverse=True)
        s_codes, s_card = dense.astype(np.int64, copy=False), int(uniques.size)
        if s_card < l:
            raise UsageError(
                f"the sensitive column {sensitive!r} has {s_card} distinct value(s) in all"
                f" {n} rows: no partition can hold l={l}",
                hint=f"give l <= {s_card}",
            )
    ranks = np.stack([c.codes for c in columns])
    position = [c.position for c in columns]
    perm, starts, lengths = _partition(ranks, position, k, l or 1, s_codes, s_card)
    result = _recode(data, columns, ranks, perm, starts, lengths)
    if kept is None:
        return result
    where = pl.Series(np.flatnonzero(kept.to_numpy()))
    back = [pl.repeat(SUPPRESSED, frame.height, eager=True).alias(name)
            .scatter(where, result.frame.get_column(name)) for name in quasi]
    return replace(result, frame=frame.with_columns(back))


# --------------------------------------------------------------------------- validation


def _check_arguments(frame: pl.DataFrame, quasi: Sequence[str], k: int,
                     l: int | None, sensitive: str | None) -> None:  # noqa: E741
    check_columns(frame, quasi)
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise UsageError(f"the 'k' parameter must be an int >= 1. Got {k!r} instead.")
    if l is not None:
        if isinstance(l, bool) or not isinstance(l, int) or l < 1:
            raise UsageError(f"the 'l' parameter must be an int >= 1. Got {l!r} instead.")
        if sensitive is None:
            raise UsageError("l-diversity needs a sensitive column", hint="pass sensitive=NAME")
    elif sensitive is not None:
        raise UsageError("a sensitive column was given without l", hint="pass l=2 or more")
    if sensitive is not None:
        if sensitive not in frame.columns:
            raise UsageError(f"sensitive column {sensitive!r} not in the data")
        if sensitive in quasi:
            raise UsageError(f"column {sensitive!r} is both sensitive and a quasi-identifier")


def _not_suppressed(frame: pl.DataFrame, quasi: Sequence[str]) -> pl.Series | None:
    """Mask of the records not removed by suppression; None when there are none."""
    if not all(_textual(frame.schema[c]) for c in quasi):
        return None  # a number column never holds the marker
    outlier = frame.select(
        pl.all_horizontal([pl.col(c).cast(pl.String) == SUPPRESSED for c in quasi])
        .fill_null(False)
    ).to_series()
    return ~outlier if outlier.any() else None


def _textual(dtype: pl.DataType) -> bool:
    return dtype == pl.String or isinstance(dtype, pl.Categorical | pl.Enum)


def _encode(series: pl.Series) -> _Column:
    dtype = series.dtype
    name = series.name
    if dtype.is_integer() or dtype.is_float():
        bad = series.null_count()
        if dtype.is_float():
            bad += int((~series.is_finite()).sum())
        if bad:
            raise UsageError(
                f"quasi-identifier {name!r} has {bad} null, NaN or infinite value(s)",
                hint="impute or drop them first",
            )
        distinct, inverse = np.unique(series.to_numpy(), return_inverse=True)
        values = distinct.astype(np.float64)
        span = float(values[-1] - values[0])
        position = (values - values[0]) / span if span > 0 else np.zeros(values.size)
        return _Column(name, inverse.astype(np.int64, copy=False),
                       pl.Series(name, distinct, dtype=dtype), position, True)
    if dtype == pl.Boolean or _textual(dtype):
        if series.null_count():
            raise UsageError(
                f"quasi-identifier {name!r} has {series.null_count()} null value(s)",
                hint="fill them with a value of their own (e.g. 'unknown') or drop them first",
            )
        text = series.cast(pl.String)
        codes = (text.rank("dense").cast(pl.Int64) - 1).to_numpy()
        uniques = text.unique().sort()
        card = uniques.len()
        position = np.arange(card, dtype=np.float64) / max(card - 1, 1)
        return _Column(name, codes, uniques, position, False)
    raise UsageError(
        f"quasi-identifier {name!r} has type {dtype}: Mondrian needs numbers or strings",
        hint="cast dates to numbers (e.g. the year) or to strings first",
    )


# --------------------------------------------------------------------------- partitioning


def _partition(ranks: Ints, position: list[Floats], k: int, l: int,  # noqa: E741
               s_codes: Ints | None, s_card: int) -> tuple[Ints, Ints, Ints]:
    """Cut level by level; return the row permutation and the final partitions' runs in it.

    The active records are kept compact and in partition order: `rows` (record
    numbers), `held` (their ranks, one array per dimension, int32 when they fit:
    memory traffic is the cost) and `sizes` (the partition runs). Final partitions
    leave the active arrays at the end of each level.
    """
    dims, n = ranks.shape
    radix = int(ranks.max()) + 1
    rows = np.arange(n, dtype=np.int64)
    held: Ranks = ranks.astype(np.int32) if radix < 2**31 else ranks.copy()
    sizes = np.full(1, n, dtype=np.int64)
    done_rows: list[Ints] = []
    done_sizes: list[Ints] = []
    while sizes.size:
        parts = sizes.size
        offsets = np.cumsum(sizes) - sizes
        seg = np.repeat(np.arange(parts, dtype=np.int64), sizes)
        lo = np.minimum.reduceat(held, offsets, axis=1)
        hi = np.maximum.reduceat(held, offsets, axis=1)
        width = np.stack([position[d][hi[d]] - position[d][lo[d]] for d in range(dims)], axis=1)
        order = np.argsort(-width, axis=1, kind="stable")  # widest first, ties by column order
        left = np.full(parts, -1, dtype=np.int64)
        splittable = sizes >= 2 * k
        for rank in range(dims):
            dim = order[:, rank]
            cand = splittable & (left < 0) & (width[np.arange(parts), dim] > 0)
            if not cand.any():
                break
            left[cand] = _cut(held, rows, dim, cand, seg, sizes, offsets, radix, k, l,
                              s_codes, s_card)
        split = left >= 0
        if not split.all():
            final = ~split[seg]
            done_rows.append(rows[final])
            done_sizes.append(sizes[~split])
            rows, held = rows[~final], np.compress(~final, held, axis=1)
        left = left[split]
        sizes = np.stack([left, sizes[split] - left], axis=1).ravel()
    lengths = np.concatenate(done_sizes)
    return np.concatenate(done_rows), np.cumsum(lengths) - lengths, lengths


def _cut(held: Ranks, rows: Ints, dim: Ints, cand: Mask, seg: Ints, sizes: Ints, offsets: Ints,
         radix: int, k: int, l: int, s_codes: Ints | None, s_card: int) -> Ints:  # noqa: E741
    """Median cut of each candidate partition on its dimension `dim`.

    Returns, per candidate, the size of the left half (-1 when neither cut at the
    median is allowed), and moves the records of every cut partition in place in
    `rows` and `held` so that its left half comes first. One sort of (partition,
    rank) keys finds the medians; the move is a two-way split by running counts,
    so no argsort is needed (the order inside a half does not matter).
    """
    if cand.all():  # the common case: skip the gathers
        at, owner = np.arange(seg.size), seg
    else:
        at = np.flatnonzero(cand[seg])  # their records, partition after partition
        owner = (np.cumsum(cand) - 1)[seg[at]]  # candidate number 0..c-1 of each
    value = held.ravel()[dim[cand][owner] * held.shape[1] + at].astype(np.int64)
    skey = np.sort(owner * radix + value)
    size = sizes[cand]
    first = np.cumsum(size) - size
    median_key = skey[first + (size - 1) // 2]
    after = np.searchsorted(skey, median_key, side="right") - first  # median value goes left
    before = np.searchsorted(skey, median_key, side="left") - first  # median value goes right
    median = median_key - np.arange(size.size) * radix
    ok_after = (after >= k) & (size - after >= k)
    ok_before = (before >= k) & (size - before >= k)
    if s_codes is not None and l > 1:
        secret = s_codes[rows[at]]
        per_record = median[owner]
        ok_after &= _diverse(secret, owner, value <= per_record, ok_after, l, s_card)
        ok_before &= _diverse(secret, owner, value < per_record, ok_before, l, s_card)
    balance_after = np.minimum(after, size - after)
    balance_before = np.minimum(before, size - before)
    take_after = ok_after & (~ok_before | (balance_after >= balance_before))
    chosen = np.where(take_after, after, np.where(ok_before, before, -1))
    done = chosen >= 0
    if done.any():
        moving = done[owner]
        everyone = bool(moving.all())
        source = at if everyone else at[moving]
        part = owner if everyone else owner[moving]
        # records below the threshold go left: the median itself goes left when taking `after`
        goes_left = (value if everyone else value[moving]) < (median + take_after)[part]
        lefts = np.cumsum(goes_left)  # inclusive running counts over all moving records
        rights = np.arange(1, part.size + 1) - lefts
        # target = partition start + running count inside the partition's half
        run = size[done]
        begin = np.cumsum(run) - run  # first moving record of each cut partition
        start = offsets[cand][done]
        base_left = start - (lefts[begin] - goes_left[begin]) - 1
        base_right = start + chosen[done] - (rights[begin] - ~goes_left[begin]) - 1
        target = np.where(goes_left, lefts + np.repeat(base_left, run),
                          rights + np.repeat(base_right, run))
        rows[target] = rows[source]
        for h in held:
            h[target] = h[source]
    return chosen


def _diverse(secret: Ints, owner: Ints, goes_left: Mask, allowed: Mask, l: int,  # noqa: E741
             s_card: int) -> Mask:
    """Whether both halves of each candidate cut hold >= l distinct sensitive values."""
    if not allowed.any():
        return np.zeros(allowed.size, dtype=np.bool_)
    keep = allowed[owner]
    half = owner[keep] * 2 + goes_left[keep]
    pairs = np.unique(half * s_card + secret[keep])
    distinct = np.bincount(pairs // s_card, minlength=2 * allowed.size)
    return np.minimum(distinct[0::2], distinct[1::2]) >= l


# --------------------------------------------------------------------------- recoding


def _recode(frame: pl.DataFrame, columns: list[_Column], ranks: Ints, perm: Ints,
            starts: Ints, lengths: Ints) -> MondrianResult:
    """Recode every record to its partition's box (vectorized per column) and score the loss."""
    n, parts = frame.height, starts.size
    part_of_pos = np.repeat(np.arange(parts, dtype=np.int64), lengths)
    part_of_row = np.empty(n, dtype=np.int64)
    part_of_row[perm] = part_of_pos
    row_index = pl.Series(part_of_row)
    penalty = np.zeros(parts)
    recoded: list[pl.Series] = []
    for d, column in enumerate(columns):
        v = ranks[d, perm]
        if column.numeric:
            lo = np.minimum.reduceat(v, starts)
            hi = np.maximum.reduceat(v, starts)
            penalty += column.position[hi] - column.position[lo]
            boxes = pl.DataFrame({"lo": column.uniques.gather(lo),
                                  "hi": column.uniques.gather(hi)}).select(
                pl.when(pl.col("lo") == pl.col("hi"))
                .then(pl.col("lo").cast(pl.String))
                .otherwise(pl.concat_str([pl.col("lo"), pl.col("hi")], separator="-"))
            ).to_series()
        else:
            card = column.uniques.len()
            pairs = np.unique(part_of_pos * card + v)
            owner = pairs // card
            present = np.bincount(owner, minlength=parts)
            penalty += np.where(present > 1, present / card, 0.0)
            boxes = (
                pl.DataFrame({"p": owner, "v": column.uniques.gather(pairs % card)})
                .group_by("p", maintain_order=True)
                .agg(pl.col("v").str.join(","), pl.len().alias("n"))
                .select(pl.when(pl.col("n") > 1)
                        .then(pl.concat_str([pl.lit("{"), pl.col("v"), pl.lit("}")]))
                        .otherwise(pl.col("v")))
                .to_series()
            )
        recoded.append(boxes.gather(row_index).alias(column.name))
    loss = float((penalty * lengths).sum() / (n * len(columns)))
    return MondrianResult(frame.with_columns(recoded), int(parts), int(lengths.min()),
                          min(max(loss, 0.0), 1.0))
