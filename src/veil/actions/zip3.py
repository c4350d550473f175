"""zip3: the ZIP code rule of 45 CFR 164.514(b)(2)(i)(B).

The first three digits may stay only where the three-digit area has more than
20,000 people; every other prefix becomes 000. Restricted prefixes come from
versioned lists shipped in `veil/data/zip3/restricted.yaml` (default: the union
of all of them, the conservative choice). With a user population table the rule
becomes an allow-list: only prefixes the table shows above the threshold stay.
Values that are not ZIP codes become null, never passed through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import polars as pl
import yaml

from veil.actions.context import ActionContext
from veil.errors import InputError
from veil.policy.models import Zip3, ZipSettings

_ZIP = r"^(\d{5})(?:[-\s]?\d{4})?$"


@dataclass(frozen=True)
class RestrictedList:
    name: str
    version: str
    source: str
    prefixes: frozenset[str]


def restricted_lists() -> dict[str, RestrictedList]:
    """Every shipped list, by name."""
    text = resources.files("veil.data").joinpath("zip3/restricted.yaml").read_text("utf-8")
    data = yaml.safe_load(text)["lists"]
    return {
        name: RestrictedList(name, str(item["version"]), str(item["source"]),
                             frozenset(str(p) for p in item["prefixes"]))
        for name, item in data.items()
    }


def restricted_prefixes(settings: ZipSettings) -> frozenset[str]:
    lists = restricted_lists()
    return frozenset().union(*(lists[name].prefixes for name in settings.restricted_lists))


def allowed_prefixes(table: Path, threshold: int) -> frozenset[str]:
    """Prefixes with population > threshold from a CSV with columns zip3,population."""
    try:
        frame = pl.read_csv(table, schema_overrides={"zip3": pl.String, "population": pl.Int64})
    except Exception:
        raise InputError(
            f"{table}: cannot read the ZIP3 population table",
            hint="expected a CSV with columns zip3,population (integers)",
        ) from None
    if {"zip3", "population"} - set(frame.columns):
        raise InputError(f"{table}: the population table needs columns zip3 and population")
    keep = frame.filter(pl.col("population") > threshold)["zip3"].str.zfill(3)
    return frozenset(keep.to_list())


def zip_to_five(expr: pl.Expr, dtype: pl.DataType) -> pl.Expr:
    """The five-digit ZIP of a column (ZIP+4 and integer forms accepted) or null."""
    if dtype.is_integer():
        value = expr.cast(pl.Int64)
        five = pl.when(value > 99_999).then(value // 10_000).otherwise(value)
        return pl.when(five.is_between(0, 99_999)).then(five.cast(pl.String).str.zfill(5))
    text = expr.cast(pl.String).str.strip_chars()
    # a four-digit value lost its leading zero (spreadsheets do that)
    return text.str.replace(r"^(\d{4})$", "0$1").str.extract(_ZIP, 1)


def zip3(rule: Zip3, ctx: ActionContext) -> pl.Expr:
    # Each sub-expression is written once: Polars does not share repeated ones inside
    # a streaming select, and a when/then on the prefix tripled the cost.
    prefix = zip_to_five(ctx.col, ctx.dtype).str.slice(0, 3)
    if ctx.zip3_keep is None:
        if not ctx.zip3_restricted:
            return prefix
        # one regular expression, not `replace` with a list: a list argument takes the
        # query out of Polars' streaming engine (the whole column is held in memory)
        listed = "|".join(re.escape(z) for z in sorted(ctx.zip3_restricted))
        return prefix.str.replace(f"^(?:{listed})$", "000")
    allowed = sorted(ctx.zip3_keep - ctx.zip3_restricted)
    # every prefix not on the allow-list (unknown ones too) becomes 000; nulls stay null
    marked = prefix.fill_null("null")
    return marked.replace_strict([*allowed, "null"], [*allowed, None], default="000",
                                 return_dtype=pl.String)
