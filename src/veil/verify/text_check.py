"""Verification of scrubbed free-text columns: the text recognizers, run again.

A column written by the `scrub` action is checked by the same recognizers
(`veil.text.Scrubber.find_batch`) over the written text: a span found there is
an identifier the replacement left (a missed variant, a tag that rebuilt one, a
bug), and fails the run like any other residual. Under Safe Harbor what scrub
legitimately leaves (a year, "90+", the tags) is not PHI to the recognizers.

The check rides the verification's one streaming pass of sums: per value, a
bit mask of the PHI types found (a row-local `map_batches` over batches, so the
scrubber's dictionaries are loaded once per process); only when a type is found
does a second pass group the flagged rows to report their first positions.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

import polars as pl

from veil.categories import Category
from veil.engines.types import FIRST
from veil.verify.model import ColumnExpectation, Residual

if TYPE_CHECKING:
    from veil.engines.base import Engine, Table
    from veil.text.scrubber import Scrubber

TYPE_CATEGORY: dict[str, Category] = {
    "NAME": Category.NAMES, "DATE": Category.DATES, "AGE": Category.DATES,
    "ADDRESS": Category.GEOGRAPHY, "CITY": Category.GEOGRAPHY, "COUNTY": Category.GEOGRAPHY,
    "ZIP": Category.GEOGRAPHY, "FACILITY": Category.GEOGRAPHY, "PHONE": Category.TELEPHONE,
    "FAX": Category.FAX, "EMAIL": Category.EMAIL, "SSN": Category.SSN, "MRN": Category.MRN,
    "ACCOUNT": Category.ACCOUNT, "HEALTH_PLAN": Category.HEALTH_PLAN,
    "LICENSE": Category.LICENSE, "PLATE": Category.VEHICLE, "VIN": Category.VEHICLE,
    "DEVICE": Category.DEVICE, "URL": Category.URL, "IP": Category.IP,
    "ID": Category.OTHER_UNIQUE,
}  # fmt: skip
"""The Safe Harbor category of each text PHI type (a state is not PHI: never emitted)."""
TYPES: tuple[str, ...] = tuple(TYPE_CATEGORY)
SURROGATE_EXEMPT: frozenset[Category] = frozenset(TYPE_CATEGORY.values()) - {Category.DATES}
"""Categories a surrogate-scrubbed column is not checked for: its fakes look like the real
thing to any recognizer (as the table's `fake` columns are exempt from their category).
Dates and ages are still checked (Safe Harbor leaves only years and 90+)."""
_BIT = {t: 1 << k for k, t in enumerate(TYPES)}


@functools.cache
def _scrubber() -> Scrubber:
    """The recognizers as the scrub action runs them (tags; the NER signal stays off, as
    in the action's default)."""
    from veil.text.scrubber import Scrubber, ScrubOptions

    return Scrubber(ScrubOptions(replacement="tag", safe_harbor=True))


def phi_mask(texts: pl.Series) -> pl.Series:
    """Per text: a bit mask of the PHI types the recognizers find in it (null: 0)."""
    present = texts.is_not_null()
    values = texts.filter(present).cast(pl.String).to_list()
    masks = [0] * texts.len()
    if values:
        found = _scrubber().find_batch(values)
        for position, text, spans in zip(present.arg_true().to_list(), values, found,
                                         strict=True):
            bits = 0
            for span in spans:
                kind = str(getattr(span.type, "value", span.type))
                if kind == "AGE" and text.startswith("+", span.end):
                    continue  # the Safe Harbor label "90+" itself
                bits |= _BIT.get(kind, 0)
            masks[position] = bits
    return pl.Series(texts.name, masks, dtype=pl.Int64)


def mask_column(text: pl.Expr, alias: str) -> pl.Expr:
    """The derived column of PHI bit masks of one scrubbed column (row-local)."""
    return text.map_batches(phi_mask, return_dtype=pl.Int64, is_elementwise=True).alias(alias)


def aggregates(mask: str, alias: str) -> Iterable[tuple[str, pl.Expr]]:
    """Per PHI type: how many values of the column still hold one."""
    for kind in TYPES:
        yield f"{alias}_text_{kind}", ((pl.col(mask) & _BIT[kind]) != 0).cast(pl.Int64)


def found_types(stats: dict[str, int], alias: str) -> dict[str, int]:
    """PHI type -> values holding it, for the types found."""
    return {k: stats.get(f"{alias}_text_{k}", 0) for k in TYPES
            if stats.get(f"{alias}_text_{k}", 0)}


def residuals(engine: Engine, table: Table, label: str, text: pl.Expr, stats: dict[str, int],
              alias: str, expect: ColumnExpectation, limit: int) -> list[Residual]:
    """The residuals of one scrubbed column: per PHI type found, the values holding it
    and (from a second pass, only then) their first row positions."""
    found = {k: n for k, n in found_types(stats, alias).items()
             if TYPE_CATEGORY[k] not in expect.exempt}
    if not found:
        return []
    rows = first_rows(engine, table, text, found, limit)
    return [Residual(label, TYPE_CATEGORY[k], f"text_{k.lower()}", n, rows[k],
                     accepted=expect.reviewed) for k, n in found.items()]


def first_rows(engine: Engine, table: Table, text: pl.Expr, kinds: Iterable[str],
               limit: int) -> dict[str, tuple[int, ...]]:
    """The first row positions holding each PHI type (a second pass, on failure only)."""
    wanted = 0
    for kind in kinds:
        wanted |= _BIT[kind]
    grouped = engine.group_counts(
        table, {"m": mask_column(text, "m")}, where_keys=(pl.col("m") & wanted) != 0,
        first_row=True)
    return {kind: tuple(int(r) for r in grouped.filter((pl.col("m") & _BIT[kind]) != 0)
                        .get_column(FIRST).sort().head(limit))
            for kind in kinds}
