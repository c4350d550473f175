"""What runs on Spark's executors: Polars over each Arrow batch of a `mapInArrow` stage.

A task receives a `TaskSpec`: plain values only (the plan as JSON, Polars
expressions in Polars' own serialized form, dtype tags, the driver's package
versions). It checks that the executor runs the driver's polars, polars-hash and
veil (fail closed: a different Polars could compute different output), rebuilds
the Polars expressions ONCE per task, and applies them to every batch. The
functions here are module-level, so Spark pickles them by reference (the
executor imports veil), never as pickled Polars or plugin expressions.

No code map and no key store ever reaches a task: pseudonym columns leave this
stage as their text form and are joined to the driver-made codes by Spark (a
broadcast join). The HMAC/fake secret does (keyed hashing is per value; it is
not a re-identification key); see docs/spark.md, "Security".

Errors raised here never quote data: a Polars error (whose text may hold a cell
value) is replaced by its class name only.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa

from veil.engines.spark_types import tag_dtype
from veil.io.formats import Format

MISMATCH = "veil-spark-version-mismatch"
FAILED = "veil-spark-batch-failed"
ROW = "__veil_row"
"""The source row position column the driver adds when a task needs positions."""
COUNT_ = "__veil_count"
FIRST_ = "__veil_first"
PACKAGES = ("polars", "polars-hash", "veil")


def driver_versions() -> dict[str, str]:
    """The versions every executor must match."""
    return dict(_installed())


@cache
def _installed() -> tuple[tuple[str, str], ...]:
    # once per process: a metadata lookup scans site-packages (~0.1 s each)
    return tuple((name, version(name)) for name in PACKAGES)


@dataclass(frozen=True)
class TaskSpec:
    """Everything a task needs, as plain serializable values."""

    versions: dict[str, str]
    input_tags: dict[str, str]
    """Column -> dtype tag of every input column, in batch order (the batch schema the
    driver promised; batches arrive with positional names)."""
    kind: str
    """'plan', 'distinct', 'group', 'sums' or 'transform'."""
    plan_json: str = ""
    secret_hex: str | None = field(default=None, repr=False)
    coded: tuple[str, ...] = ()
    """Plan outputs of pseudonym steps: emitted as their String form, joined on the driver."""
    exprs: dict[str, bytes] = field(default_factory=dict)
    derived: tuple[bytes, ...] = ()
    where: bytes | None = None
    where_keys: bytes | None = None
    first_row: bool = False
    transform: Any = None
    """A RowTransform (picklable by contract; holds no key and no code map)."""


def serialize(expr: pl.Expr) -> bytes:
    """A Polars expression in Polars' own binary form (plain, no plugins)."""
    return expr.meta.serialize(format="binary")


def deserialize(data: bytes) -> pl.Expr:
    return pl.Expr.deserialize(io.BytesIO(data), format="binary")


def check_versions(expected: Mapping[str, str]) -> None:
    """Fail the task closed when this executor's packages differ from the driver's."""
    found = dict(_installed())
    different = {k: (v, found.get(k)) for k, v in expected.items() if found.get(k) != v}
    if different:
        shown = ", ".join(f"{k} {d} on the driver, {e} on the executor"
                          for k, (d, e) in sorted(different.items()))
        raise RuntimeError(f"{MISMATCH}: {shown}")


def run_batches(spec: TaskSpec, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """The `mapInArrow` function (bound to a spec with functools.partial)."""
    check_versions(spec.versions)
    try:
        work = _compile(spec)
    except pl.exceptions.PolarsError as err:
        raise RuntimeError(f"{FAILED}: {type(err).__name__} while building") from None
    dtypes = {name: tag_dtype(tag) for name, tag in spec.input_tags.items()}
    names = list(spec.input_tags)  # the batch's columns, in order (they arrive by position)
    for batch in batches:
        try:
            frame = _typed(_named(pl.from_arrow(batch), names), dtypes)
            out = work(frame)
            table = out.to_arrow(compat_level=pl.CompatLevel.oldest())
        except pl.exceptions.PolarsError as err:
            raise RuntimeError(f"{FAILED}: {type(err).__name__}") from None
        yield from table.to_batches()


def _named(frame: pl.DataFrame | pl.Series, names: list[str]) -> pl.DataFrame:
    assert isinstance(frame, pl.DataFrame)
    frame.columns = names
    return frame


def _typed(frame: pl.DataFrame, dtypes: Mapping[str, pl.DataType]) -> pl.DataFrame:
    casts = {n: d for n, d in dtypes.items() if n in frame.columns and frame.schema[n] != d}
    return frame.cast(casts) if casts else frame  # type: ignore[arg-type]


def _compile(spec: TaskSpec) -> Callable[[pl.DataFrame], pl.DataFrame]:
    if spec.kind == "plan":
        return _plan_work(spec)
    if spec.kind == "transform":
        transform = spec.transform
        return lambda frame: transform.apply(frame.lazy()).collect()
    exprs = {name: deserialize(data).alias(name) for name, data in spec.exprs.items()}
    if spec.kind == "distinct":
        return lambda frame: frame.select(exprs.values()).unique()
    if spec.kind == "sums":
        derived = [deserialize(d) for d in spec.derived]
        sums = [e.sum().cast(pl.Int64).alias(n) for n, e in exprs.items()]
        return lambda frame: (frame.with_columns(derived) if derived else frame).select(
            pl.len().cast(pl.Int64).alias(COUNT_), *sums)
    if spec.kind == "group":
        return _group_work(spec, exprs)
    raise ValueError(f"unknown task kind {spec.kind!r}")


def _group_work(spec: TaskSpec,
                keys: Mapping[str, pl.Expr]) -> Callable[[pl.DataFrame], pl.DataFrame]:
    where = None if spec.where is None else deserialize(spec.where)
    where_keys = None if spec.where_keys is None else deserialize(spec.where_keys)
    carried = [pl.col(ROW)] if spec.first_row else []
    aggregates = [pl.len().cast(pl.Int64).alias(COUNT_)]
    if spec.first_row:
        aggregates.append(pl.col(ROW).min().cast(pl.Int64).alias(FIRST_))

    def work(frame: pl.DataFrame) -> pl.DataFrame:
        lazy = frame.lazy()
        if where is not None:
            lazy = lazy.filter(where)
        query = lazy.select(*keys.values(), *carried)
        if where_keys is not None:
            query = query.filter(where_keys)
        return query.group_by(list(keys)).agg(aggregates).collect()

    return work


def plan_to_json(plan: Any) -> str:
    """A Plan as JSON: the policy, the bound steps and the resolved ZIP3 sets."""
    return json.dumps({
        "policy": plan.policy.model_dump(mode="json"),
        "steps": [[s.column, s.key, s.output] for s in plan.steps],
        "reference_date": plan.reference_date.isoformat(),
        "zip3_restricted": sorted(plan.zip3_restricted),
        "zip3_keep": None if plan.zip3_keep is None else sorted(plan.zip3_keep),
    })


def plan_from_json(text: str) -> Any:
    """The Plan `plan_to_json` wrote (rebuilt on the executor)."""
    import datetime as dt

    from veil.plan import ColumnStep, Plan
    from veil.policy.models import Policy

    data = json.loads(text)
    policy = Policy.model_validate(data["policy"])
    steps = tuple(ColumnStep(column, policy.columns[key], output, key)
                  for column, key, output in data["steps"])
    keep = data["zip3_keep"]
    return Plan(policy=policy, steps=steps,
                reference_date=dt.date.fromisoformat(data["reference_date"]),
                zip3_restricted=frozenset(data["zip3_restricted"]),
                zip3_keep=None if keep is None else frozenset(keep))


def plan_exprs(plan: Any, schema: Mapping[str, pl.DataType], secret_hex: str | None,
               coded: tuple[str, ...]) -> list[pl.Expr]:
    """The plan's output expressions; a coded (pseudonym) output is its String form."""
    from veil.actions.secrets import Secret
    from veil.engines.base import WriteOptions
    from veil.engines.polars_engine import compile_plan_exprs
    from veil.policy.models import Pseudonym

    secret = None if secret_hex is None else Secret(bytes.fromhex(secret_hex), "driver")
    plain = plan_without_codes(plan)
    # the options' output and format are not read by the expressions
    exprs = iter(compile_plan_exprs(plain, schema, WriteOptions(
        output=Path("unused"), format=Format.PARQUET, secret=secret)))
    out = []
    for step in plan.outputs:
        if isinstance(step.rule, Pseudonym):
            assert step.output in coded
            out.append(pl.col(step.column).cast(pl.String).alias(step.output))
        else:
            out.append(next(exprs))
    return out


def plan_without_codes(plan: Any) -> Any:
    """`plan` with its pseudonym steps left out (they are joined, not computed)."""
    from dataclasses import replace

    from veil.policy.models import Pseudonym

    return replace(plan, steps=tuple(s for s in plan.steps if not isinstance(s.rule, Pseudonym)))


def _plan_work(spec: TaskSpec) -> Callable[[pl.DataFrame], pl.DataFrame]:
    plan = plan_from_json(spec.plan_json)
    schema = {name: tag_dtype(tag) for name, tag in spec.input_tags.items()}
    exprs = plan_exprs(plan, schema, spec.secret_hex, spec.coded)
    return lambda frame: frame.select(exprs)
