"""Time the `age` and `year_only` actions on 100k rows of text dates (by hand, not in CI).

    .venv/bin/python bench/age_action.py [ROWS]

Prints the best of 3 runs, in seconds, per action: `age` with a reference column, `age` at the run's
reference date, and `year_only`, on CSV-like string columns (US and ISO dates).
"""

from __future__ import annotations

import datetime as dt
import sys
import time

import numpy as np
import polars as pl

from veil.actions.context import ActionContext
from veil.actions.registry import BUILTIN_ACTIONS
from veil.policy.models import AgeFromBirthDate, Rule, YearOnly

REFERENCE = dt.date(2026, 1, 1)


def _frame(rows: int) -> pl.DataFrame:
    rng = np.random.default_rng(0)
    birth = pl.Series(rng.integers(-20_000, 18_000, rows)).cast(pl.Date)
    visit = pl.Series(rng.integers(15_000, 20_000, rows) * 86_400_000_000).cast(pl.Datetime("us"))
    return pl.DataFrame({
        "dob": birth.dt.strftime("%m/%d/%Y"),
        "admit": visit.dt.strftime("%Y-%m-%d %H:%M:%S"),
    })


def _time(frame: pl.DataFrame, rule: Rule, column: str) -> float:
    ctx = ActionContext(column=column, dtype=frame.schema[column], reference_date=REFERENCE,
                        schema=dict(frame.schema))
    expr = BUILTIN_ACTIONS[rule.action](rule, ctx)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        frame.lazy().select(expr.alias("out")).collect()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    frame = _frame(rows)
    cases: list[tuple[str, Rule, str]] = [
        ("age, reference_column", AgeFromBirthDate(action="age", reference_column="admit"), "dob"),
        ("age, reference date", AgeFromBirthDate(action="age"), "dob"),
        ("year_only", YearOnly(action="year_only"), "dob"),
    ]
    for label, rule, column in cases:
        print(f"{label:<24} {rows:>9} rows  {_time(frame, rule, column):7.3f} s")


if __name__ == "__main__":
    main()
