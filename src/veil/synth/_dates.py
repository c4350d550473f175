"""Calendar dates as text in several layouts, by table lookup.

Every day from 1880 to 2040 is formatted once (vectorized) into tables; a
column of dates is then one gather instead of per-row formatting. Days are
counted from 1970-01-01, like numpy's datetime64[D].
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import numpy as np
import polars as pl

from veil.synth import _vocab as vocab
from veil.synth._chars import Bools, Chars, Ints, Words, cat, digits, lit, number, to_series

FIRST_DAY = (dt.date(1880, 1, 1) - dt.date(1970, 1, 1)).days
LAST_DAY = (dt.date(2040, 12, 31) - dt.date(1970, 1, 1)).days
_N = LAST_DAY - FIRST_DAY + 1

US, ISO, DMY, LONG = 0, 1, 2, 3
"""Layouts: MM/DD/YYYY, YYYY-MM-DD, DD-Mon-YYYY (14-Mar-2021), Month D, YYYY."""


@dataclass(frozen=True)
class _Tables:
    year: Ints
    month: Ints
    day: Ints
    text: pl.Series  # layout * _N + day index; one null at the end
    yymmdd: Words


@functools.cache
def _tables() -> _Tables:
    """Year, month, day and the text layouts of every day in range (built once)."""
    days = np.arange(FIRST_DAY, LAST_DAY + 1, dtype=np.int64)
    d = days.astype("datetime64[D]")
    months = d.astype("datetime64[M]")
    y = d.astype("datetime64[Y]").astype(np.int64) + 1970
    m = months.astype(np.int64) % 12 + 1
    dd = (d - months).astype(np.int64) + 1
    n = days.size
    dash, slash = lit("-", n), lit("/", n)
    layouts = [
        cat(digits(m, 2), slash, digits(dd, 2), slash, digits(y, 4)),
        cat(digits(y, 4), dash, digits(m, 2), dash, digits(dd, 2)),
        cat(digits(dd, 2), dash, Words(vocab.MONTH_ABBR)(m - 1), dash, digits(y, 4)),
        cat(Words(vocab.MONTH_NAMES)(m - 1), lit(" ", n), number(dd, 2), lit(", ", n),
            digits(y, 4)),
    ]  # fmt: skip
    text = pl.concat([to_series("date", c) for c in layouts] + [pl.Series([None], dtype=pl.String)])
    return _Tables(
        year=y,
        month=m,
        day=dd,
        text=text,
        yymmdd=Words.of(cat(digits(y % 100, 2), digits(m, 2), digits(dd, 2))),
    )


def ymd(days: Ints) -> tuple[Ints, Ints, Ints]:
    """Year, month (1-12) and day of month."""
    t, i = _tables(), days - FIRST_DAY
    return t.year[i], t.month[i], t.day[i]


def text(days: Ints, layout: Ints | int, present: Bools | None = None) -> pl.Series:
    """Each date in its layout (US, ISO, DMY or LONG); null where not `present`."""
    idx = np.asarray(layout) * _N + (days - FIRST_DAY)
    if present is not None:
        idx = np.where(present, idx, 4 * _N)
    return _tables().text.gather(idx)


def yymmdd(days: Ints) -> Chars:
    """YYMMDD, as GS1 barcodes write expiry dates."""
    return _tables().yymmdd(days - FIRST_DAY)


def exact_age(birth: Ints, on: Ints) -> Ints:
    """Completed years of life on day `on` for someone born on day `birth`."""
    by, bm, bd = ymd(birth)
    oy, om, od = ymd(on)
    before = (om < bm) | ((om == bm) & (od < bd))
    age: Ints = oy - by - before.astype(np.int64)
    return age
