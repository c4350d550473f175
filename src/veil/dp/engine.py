"""Turn a release spec into OpenDP measurements over a Polars LazyFrame, and run them.

Every number released here comes out of an OpenDP measurement: veil builds
the Polars plan of each query (truncation to the privacy unit's contribution
bound, clamping bounds, public key sets, binning) on an OpenDP `Context`, and
OpenDP decides whether the plan is private, calibrates the noise to the
query's share of the budget and draws it. No noise is generated in veil.

The work is in two steps so a release can be refused before anything is spent:
`plan` builds and resolves every measurement (this reads no data, only the
schema), `run` executes them (this is the only step that reads the data).
"""

from __future__ import annotations

import itertools
import math
import tempfile
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from veil.dp.spec import Query, ReleaseSpec
from veil.errors import InternalError, PolicyError

SCALE_PRECISION = 1e-9  # relative: the noise scale found is at most this much above the least
_U32_MAX = 2**32 - 1


def opendp() -> Any:
    """The OpenDP objects veil uses (`veil.dp._opendp`), imported on first use."""
    from veil.dp import _opendp

    return _opendp


@dataclass(frozen=True)
class Planned:
    """One query, resolved into an OpenDP measurement, not yet run."""

    query: Query
    measurement: Any  # opendp.mod.Measurement
    share: tuple[float, ...]  # this query's part of the release loss (epsilon[, delta] or rho)
    summary: pl.DataFrame  # OpenDP's accuracy summary at the release's confidence
    summary_half: pl.DataFrame  # ... at half the error probability (for intervals of means)


@dataclass(frozen=True)
class Plan:
    """The measurements of a release, and OpenDP's truncation to the privacy unit's bound."""

    context: Any  # opendp.context.Context over the truncated rows
    truncation: Any  # opendp Transformation: user-level data -> at most N rows per unit
    queries: tuple[Planned, ...]

    def truncate(self, frame: pl.LazyFrame) -> pl.DataFrame:
        """OpenDP's truncation of `frame` (prepared), run once for all the queries."""
        truncated: pl.DataFrame = self.truncation(frame).collect()
        return truncated


def prepare(frame: pl.LazyFrame, spec: ReleaseSpec) -> pl.LazyFrame:
    """The columns the release reads, typed: groups as text, measured columns as Float64.

    The privacy unit becomes a 64-bit hash of its value: grouping 10M rows by an
    integer is several times faster than by text, and the identifier is never
    released. Two units whose hashes collide (about 1 in 10^7 for millions of
    units) are truncated together, which only removes rows: still at most N per unit.
    """
    numeric = {q.column for q in spec.queries if q.column is not None}
    unit = spec.privacy_unit.column
    exprs = [pl.col(unit).cast(pl.String).hash(seed=0x5EED).alias(unit)]
    for name in spec.columns[1:]:
        kind = pl.Float64 if name in numeric else pl.String
        exprs.append(pl.col(name).cast(kind, strict=False))
    return frame.select(exprs)


def check_numbers(raw: pl.LazyFrame, spec: ReleaseSpec) -> None:
    """Measured columns must hold numbers, and missing values need a `fill` (one pass).

    Errors give counts and column names, never a value.
    """
    measured = list(dict.fromkeys(q.column for q in spec.queries if q.column is not None))
    if not measured:
        return
    exprs: list[pl.Expr] = []
    for name in measured:
        parsed = pl.col(name).cast(pl.Float64, strict=False)
        exprs += [pl.col(name).is_not_null().sum().alias(f"given:{name}"),
                  parsed.is_not_null().sum().alias(f"parsed:{name}"),
                  parsed.is_null().sum().alias(f"missing:{name}")]
    counts = raw.select(exprs).collect().row(0, named=True)
    for name in measured:
        bad = counts[f"given:{name}"] - counts[f"parsed:{name}"]
        if bad:
            raise PolicyError(f"column {name!r}: {bad:,} values are not numbers",
                              hint="clean the column or leave it out of numeric queries")
    for name in measured:
        missing = counts[f"missing:{name}"]
        unfilled = [q.name for q in spec.queries if q.column == name and q.fill is None
                    and q.kind != "histogram"]
        if missing and unfilled:
            raise PolicyError(
                f"column {name!r} has {missing:,} missing values and query "
                f"{unfilled[0]!r} gives no 'fill'",
                hint="add 'fill: <a value within bounds>' to the query; DP needs every row "
                     "to have a value, and the choice of fill is yours to state")


def plan(frame: pl.LazyFrame, spec: ReleaseSpec) -> Plan:
    """Build and resolve every measurement on `frame` (prepared); reads no data."""
    dp = opendp()
    loss = spec.release
    if loss.rho is not None:
        privacy_loss = dp.loss_of(rho=loss.rho, delta=loss.delta)
    else:
        privacy_loss = dp.loss_of(epsilon=loss.epsilon, delta=loss.delta)
    truncation, d_rows = _truncation(frame, spec)
    context = _context(truncation, d_rows, frame, spec, privacy_loss)
    shares = _shares(context.d_mids)
    planned = []
    for index, (query, share) in enumerate(zip(spec.queries, shares, strict=True)):
        built = _build(_start(context, index), query)
        measurement = _resolve(built, query, spec)
        alpha = 1.0 - spec.confidence
        summary = _summary(measurement, alpha)
        half = _summary(measurement, alpha / 2) if query.kind == "mean" else summary
        planned.append(Planned(query, measurement, share, summary, half))
    return Plan(context, truncation, tuple(planned))


def _truncation(frame: pl.LazyFrame, spec: ReleaseSpec) -> tuple[Any, Any]:
    """OpenDP's stable truncation to at most N rows per unit, and the row distance it gives.

    The same plan `LazyFrameQuery.truncate_per_group` writes (a random N of each
    unit's rows), compiled once by OpenDP into a stable transformation from the
    user-level metric (one unit added or removed) to a row-level one, so the
    10M-row window that truncation needs runs once per release, not once per query.
    """
    dp = opendp()
    from opendp.domains import _lazyframe_from_domain
    from opendp.extras.polars import Bound
    from opendp.transformations import make_stable_lazyframe

    domain = dp.domain_of(frame, infer=True)
    if spec.max_rows is not None:
        domain = dp.with_margin(domain, dp.Margin(by=(), max_length=spec.max_rows))
    unit = pl.col(spec.privacy_unit.column)
    metric, d_in = dp.unit_of(contributions=[Bound(per_group=1)], identifier=unit)
    root = _lazyframe_from_domain(domain)  # OpenDP plans start from an empty frame
    kept = (root.filter(pl.int_range(pl.len()).shuffle().over(unit)
                        < spec.privacy_unit.max_contributions)
            .select([pl.col(c) for c in _kept_columns(spec)]))
    truncation = make_stable_lazyframe(domain, metric, lazyframe=kept,
                                       MO="FrameDistance<SymmetricDistance>")
    return truncation, truncation.map(d_in)  # type: ignore[no-untyped-call]


def _kept_columns(spec: ReleaseSpec) -> tuple[str, ...]:
    """What the truncated rows keep: the columns queries read, not the unit (fewer values
    for OpenDP to check) unless nothing else is read (a frame without columns has no rows)."""
    return spec.columns[1:] or spec.columns[:1]


def _context(truncation: Any, d_in: Any, frame: pl.LazyFrame, spec: ReleaseSpec,
             privacy_loss: Any) -> Any:
    """An OpenDP sequential-composition Context over the truncated rows, a share per query.

    `Context.compositor(split_by_weights=...)` searches a scale for the shares and,
    with (epsilon, delta) losses, can meet a float rounding where epsilon rounds up
    while delta rounds down, which OpenDP cannot order ("unknown ordering"). So the
    shares are computed here, rounded down, and OpenDP's own composition map checks
    that they add up to at most the release's loss before anything runs.
    """
    dp = opendp()
    domain, metric = truncation.output_domain, truncation.output_metric
    if spec.max_rows is not None:  # truncation keeps rows from the input: the bound still holds
        domain = dp.with_margin(domain, dp.Margin(by=(), max_length=spec.max_rows))
    measure, d_out = privacy_loss
    weights = spec.weights
    total = math.fsum(weights)
    parts = d_out if isinstance(d_out, tuple) else (d_out,)
    d_mids = []
    for weight in weights:
        share = tuple(math.nextafter(p * weight / total, 0.0) for p in parts)
        d_mids.append(share if isinstance(d_out, tuple) else share[0])
    for _ in range(60):  # shrink until OpenDP's composition map fits (float rounding)
        accountant = dp.combinators.make_adaptive_composition(
            input_domain=domain, input_metric=metric, output_measure=measure, d_in=d_in,
            d_mids=d_mids)
        composed = accountant.map(d_in)
        spent = composed if isinstance(composed, tuple) else (composed,)
        if all(s <= p for s, p in zip(spent, parts, strict=True)):
            break
        d_mids = [tuple(x * (1 - 1e-12) for x in m) if isinstance(m, tuple)
                  else m * (1 - 1e-12) for m in d_mids]
    else:
        raise PolicyError("the release's budget cannot be split over its queries",
                          hint="use fewer queries or larger weights")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        queryable = accountant(truncation(frame))  # lazy: replaced by `run`, never queried
    return dp.Context(accountant=accountant, queryable=queryable, d_in=d_in,
                   d_mids=list(d_mids))


def run(plan: Plan, frame: pl.LazyFrame) -> list[pl.DataFrame]:
    """Truncate `frame` once (OpenDP), then run every planned measurement on it in order.

    The truncated rows go to a Parquet file in a private temporary directory
    (mode 0700, removed on return) and OpenDP is handed a scan of it: OpenDP
    serializes a LazyFrame's plan to reach its core, and a plan that holds 10M
    rows in memory took 17 s to hand over where a scan takes well under one.
    """
    with tempfile.TemporaryDirectory(prefix="veil-dp-") as private:
        path = Path(private) / "truncated.parquet"
        plan.truncate(frame).write_parquet(path)
        truncated = pl.scan_parquet(path)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # the same accountant (budget shares) over the truncated rows: the queryable
            # made while planning held only the lazy plan and released nothing
            plan.context.queryable = plan.context.accountant(truncated)
        results = []
        for item in plan.queries:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                released = plan.context(item.measurement).collect()
            results.append(released)
    return results


def _shares(d_mids: Sequence[Any]) -> list[tuple[float, ...]]:
    return [tuple(float(x) for x in d) if isinstance(d, tuple) else (float(d),)
            for d in d_mids]


def _start(context: Any, index: int) -> Any:
    """An empty OpenDP LazyFrameQuery on `context` with the budget share of query `index`.

    `Context.query()` always takes the next unspent share, which is right only when
    each query is released before the next is built; here all are built (and
    calibrated) before any runs, so each gets its own share explicitly.
    """
    from opendp.context import Query as OpenDPQuery
    from opendp.domains import _lazyframe_from_domain
    from opendp.extras.polars import LazyFrameQuery

    accountant = context.accountant
    query = OpenDPQuery(chain=accountant.input_space, output_measure=accountant.output_measure,
                        d_in=context.d_in, d_out=context.d_mids[index], context=context)
    empty = _lazyframe_from_domain(accountant.input_domain)
    return LazyFrameQuery(empty, query)  # type: ignore[no-untyped-call]


def _build(base: Any, query: Query) -> Any:
    """The OpenDP LazyFrameQuery of one spec query, on an empty query `base`."""
    dp = opendp()
    count = dp.dp_len(signed=False).alias("count")
    if query.kind == "count":
        return base.select(count)
    if query.kind in ("count_by", "table"):
        return _keyed(base.group_by(*query.by).agg(count), query)
    if query.kind == "histogram":
        assert query.column is not None and query.bins is not None
        labels = bin_labels(query.bins)
        binned = base.with_columns(
            pl.col(query.column).cut(list(query.bins), labels=labels,
                                     left_closed=True).alias("bin"))
        return _histogram(binned, query, labels)
    assert query.column is not None and query.bounds is not None
    value: Any = pl.col(query.column)  # Any: OpenDP registers the `.dp` namespace at run time
    if query.fill is not None:
        value = value.fill_null(query.fill)
    bounds = (float(query.bounds[0]), float(query.bounds[1]))
    if query.kind == "quantile":
        assert query.quantiles is not None
        candidates = [float(c) for c in _candidates(bounds, query.candidates)]
        return base.select(*[value.dp.quantile(q, candidates).alias(f"q{i}")
                             for i, q in enumerate(query.quantiles)])
    aggs = [value.dp.sum(bounds).alias("sum")]
    if query.kind == "mean":
        aggs.append(count)
    if not query.by:
        return base.select(*aggs)
    return _keyed(base.group_by(*query.by).agg(*aggs), query)


def _histogram(binned: Any, query: Query, labels: Sequence[str]) -> Any:
    """Counts per bin, over the public list of bins (every bin released, even empty)."""
    dp = opendp()
    keys = pl.DataFrame({"bin": list(labels)}, schema={"bin": pl.Categorical})
    return binned.group_by("bin").agg(dp.dp_len(signed=False).alias("count")).with_keys(keys)


def _keyed(grouped: Any, query: Query) -> Any:
    """A grouped query over its public key set, or left to DP key selection."""
    if query.key_selection:
        return grouped
    return grouped.with_keys(public_keys(query))


def public_keys(query: Query) -> pl.DataFrame:
    """Every combination of the query's public categories, as text, in the spec's order.

    Categories are compared as text because group columns are read as text: YAML
    booleans become ``true``/``false`` as Polars writes them, numbers their str().
    """
    assert query.domain is not None
    keys: pl.DataFrame | None = None
    for column in query.by:
        part = pl.DataFrame({column: [_as_text(v) for v in query.domain[column]]},
                            schema={column: pl.String})
        keys = part if keys is None else keys.join(part, how="cross", maintain_order="left")
    assert keys is not None
    return keys


def _as_text(value: str | int | float | bool) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _resolve(built: Any, query: Query, spec: ReleaseSpec) -> Any:
    """OpenDP's measurement for one query, or a one-line reason it cannot be private."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _calibrate(built)
    except Exception as err:  # OpenDPException and search failures carry plan text
        raise PolicyError(f"query {query.name!r} ({query.kind}) cannot be made differentially "
                          f"private as written: {_reason(err, query, spec)}",
                          hint="see docs/dp.md for what each query kind needs") from None


def _calibrate(built: Any) -> Any:
    """The measurement of `built` with the least noise (and threshold) its budget share allows.

    The same steps as OpenDP's `LazyFrameQuery.resolve`, whose float search runs
    until adjacent floats (about a thousand plan compilations per query, 8 s each
    on this machine); here the scale is searched in log space to a relative
    precision of SCALE_PRECISION (a few dozen compilations). Every candidate is
    OpenDP's own `make_private_lazyframe`, and the result is accepted only when
    OpenDP's privacy map says it fits the share: no privacy arithmetic is done here.
    """
    dp = opendp()
    plan_ = object.__getattribute__(built, "polars_plan")
    query = object.__getattribute__(built, "_query")
    domain, metric = query._chain
    d_in, d_out = query._d_in, query._d_out
    measure = query._output_measure

    def make(scale: float, threshold: int | None = None) -> Any:
        return dp.make_private_lazyframe(domain, metric, measure, plan_, global_scale=scale,
                                         threshold=threshold)

    try:  # already private without noise (a public key set, or nothing to protect)
        zero = make(0.0)
        if zero.check(d_in, d_out):
            return zero
    except dp.OpenDPException:
        pass
    make(1.0, _U32_MAX if isinstance(d_out, tuple) else None)  # a plan OpenDP refuses: why
    if isinstance(d_out, tuple):  # (epsilon, delta): the scale pays epsilon, the threshold delta
        scale = _least(lambda s: make(s, _U32_MAX).map(d_in)[0] <= d_out[0])
        try:
            measurement = make(scale)
        except dp.OpenDPException:  # a threshold is needed (DP key selection)
            threshold = _least_int(lambda t: make(scale, t).map(d_in)[1] <= d_out[1])
            measurement = make(scale, threshold)
    else:
        scale = _least(lambda s: make(s).check(d_in, d_out))
        measurement = make(scale)
    if not measurement.check(d_in, d_out):
        raise InternalError("a calibrated measurement does not fit its budget share")
    return measurement


def _least(fits: Any) -> float:
    """The least positive scale (to SCALE_PRECISION) for which `fits` holds; fits is monotone."""
    high = 1.0
    for _ in range(2100):  # up to the largest floats
        if _holds(fits, high):
            break
        high *= 2.0
    else:
        raise PolicyError("no amount of noise makes this query private")
    low = high / 2.0
    while low > 1e-300 and _holds(fits, low):
        high, low = low, low / 2.0
    while high - low > SCALE_PRECISION * high:
        middle = math.sqrt(low * high) if low > 0 else high / 2.0
        if _holds(fits, middle):
            high = middle
        else:
            low = middle
    return high


def _least_int(fits: Any) -> int:
    """The least threshold in [0, 2^32 - 1] for which `fits` holds; fits is monotone."""
    low, high = -1, _U32_MAX
    if not _holds(fits, high):
        raise PolicyError("no threshold makes key selection fit this query's delta")
    while high - low > 1:
        middle = (low + high) // 2
        if _holds(fits, middle):
            high = middle
        else:
            low = middle
    return high


def _holds(fits: Any, value: float | int) -> bool:
    try:
        return bool(fits(value))
    except Exception:  # OpenDP refuses some parameters (overflow): that value does not fit
        return False


def _reason(err: Exception, query: Query, spec: ReleaseSpec) -> str:
    text = str(err)
    if "max_length" in text or "max_num_partitions" in text:
        return ("OpenDP needs a public upper bound on the number of rows for sums and means "
                "(set 'max_rows' in the spec)")
    if "threshold" in text.lower() and spec.release.delta is None:
        return "key selection needs delta"
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    # OpenDP's messages name plan parts (columns, operations), never data values
    return first[:300] or type(err).__name__


def _summary(measurement: Any, alpha: float) -> pl.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        summary: pl.DataFrame = opendp().summarize_polars_measurement(measurement, alpha)
    return summary


def _candidates(bounds: tuple[float, float], count: int) -> list[float]:
    low, high = bounds
    step = (high - low) / (count - 1)
    return [low + i * step for i in range(count - 1)] + [high]


def bin_labels(edges: Sequence[float]) -> list[str]:
    """Labels of the histogram's bins: below the first edge, [a, b) per pair, from the last."""
    shown = [_number(e) for e in edges]
    inner = [f"[{a}, {b})" for a, b in itertools.pairwise(shown)]
    return [f"< {shown[0]}", *inner, f">= {shown[-1]}"]


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(value)

