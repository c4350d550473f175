"""The default engine: Polars' streaming engine over a lazy scan.

One `select` carries every column's expression, so the input is read once
(plus one distinct-values pass per pseudonymized column), and memory stays
bounded by the streaming engine's batch size, not the input size.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TypeVar

import polars as pl

from veil.actions.context import ActionContext
from veil.actions.registry import BUILTIN_ACTIONS
from veil.engines.base import EngineResult, RunOptions
from veil.errors import InputError, KeyStoreError
from veil.io.csv_check import diagnose_csv
from veil.io.formats import Format
from veil.io.read import Dataset
from veil.io.write import sink
from veil.plan import Plan
from veil.policy.models import Pseudonym

T = TypeVar("T")


class PolarsEngine:
    name = "polars"

    def execute(self, dataset: Dataset, plan: Plan, options: RunOptions) -> EngineResult:
        schema = _schema(dataset)
        code_maps = _prepare_codes(dataset, plan, options)
        exprs = [
            BUILTIN_ACTIONS[step.action](
                step.rule,
                ActionContext(
                    column=step.column,
                    dtype=schema[step.column],
                    reference_date=plan.reference_date,
                    zip3_keep=plan.zip3_keep,
                    zip3_restricted=plan.zip3_restricted,
                    secret=options.secret,
                    code_maps=code_maps,
                    schema=schema,
                ),
            ).alias(step.output)
            for step in plan.outputs
            if step.output is not None
        ]
        frame = dataset.frame.select(exprs)
        _guarded(lambda: sink(frame, options.output, options.format), dataset)
        # rows are never added or removed under Safe Harbor: count them on the input,
        # from what opening it already learned when possible (a CSV is not read again)
        rows = dataset.rows if dataset.rows is not None else _guarded(
            lambda: dataset.frame.select(pl.len()).collect().item(), dataset)
        return EngineResult(
            rows_out=int(rows),
            columns_out=tuple(step.output for step in plan.outputs if step.output is not None),
            codes_assigned={c: m.height for c, m in code_maps.items()},
        )


def _schema(dataset: Dataset) -> dict[str, pl.DataType]:
    schema = _guarded(lambda: dataset.frame.collect_schema(), dataset)
    return dict(schema.items())


def _prepare_codes(dataset: Dataset, plan: Plan, options: RunOptions) -> dict[str, pl.DataFrame]:
    maps: dict[str, pl.DataFrame] = {}
    for step in plan.coded_columns:
        rule = step.rule
        assert isinstance(rule, Pseudonym)
        if options.keystore is None:
            raise KeyStoreError(
                f"column {step.column!r}: action 'pseudonym' needs a key store, and none was given",
                hint="pass --key-file FILE (created if missing; keep it apart from the output)",
            )
        distinct = dataset.frame.select(pl.col(step.column).cast(pl.String).unique())
        values = _guarded(partial(_collect_series, distinct), dataset)
        maps[step.column] = options.keystore.assign(
            rule.scope, values, length=rule.length, prefix=rule.prefix)
    return maps


def _collect_series(query: pl.LazyFrame) -> pl.Series:
    return query.collect(engine="streaming").to_series()


def _guarded(work: Callable[[], T], dataset: Dataset) -> T:
    """Run Polars work; its errors quote data, so replace them by a clean InputError."""
    try:
        return work()
    except pl.exceptions.PolarsError as err:
        if dataset.format is Format.CSV and dataset.separator is not None:
            raise diagnose_csv(dataset.path, dataset.separator, len(dataset.columns)) from err
        raise InputError(
            f"{dataset.path}: the {dataset.format.value} input could not be processed "
            f"({type(err).__name__})",
            hint="check that the file is complete and well-formed; re-run with --debug "
            "as the data owner to see the engine's own message",
        ) from err

