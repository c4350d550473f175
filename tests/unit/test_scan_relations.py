"""An age column is found by its relation to two date columns, whatever its name."""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl

from veil.categories import Kind
from veil.scan import scan_frame


def _frame(n: int = 300, *, noise: bool = False) -> pl.DataFrame:
    rng = np.random.default_rng(3)
    births = [dt.date(1920, 1, 1) + dt.timedelta(days=int(x)) for x in rng.integers(0, 30_000, n)]
    visits = [dt.date(2015, 1, 1) + dt.timedelta(days=int(x)) for x in rng.integers(0, 3_000, n)]
    ages = [v.year - b.year - ((v.month, v.day) < (b.month, b.day))
            for b, v in zip(births, visits, strict=True)]
    if noise:
        ages = [int(x) for x in rng.integers(0, 100, n)]
    return pl.DataFrame({
        "c1": [b.strftime("%m/%d/%Y") for b in births],
        "c2": [v.isoformat() for v in visits],
        "c3": [str(a) for a in ages],
        "c4": rng.integers(50, 120, n),
    })


def test_age_found_between_two_dates() -> None:
    found = scan_frame(_frame())
    assert found.finding("c3").kind is Kind.AGE
    assert "'c1' and 'c2'" in found.finding("c3").evidence[0].detail
    assert found.finding("c4").kind is not Kind.AGE


def test_unrelated_numbers_are_not_ages() -> None:
    assert scan_frame(_frame(noise=True)).finding("c3").kind is not Kind.AGE
