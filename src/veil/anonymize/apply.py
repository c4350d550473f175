"""Apply a chosen transformation to the full data, lazily and on integers.

Each quasi-identifier is mapped straight to the id of its generalization at the
chosen level (matched in the column's own type, as the search did); the ids are
packed into one class key, records of the classes the search suppressed are found
by a join on that key against the (small) table of failing classes, and the ids
become labels last, by casting them to an Enum of the level's labels plus `*`.
So the output is exactly what was evaluated, and ten million rows never go
through a string hash. Other columns pass through untouched; the caller decides
which may stay. Quasi-identifier columns come out as Enum (categorical) strings.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import polars as pl

from veil.anonymize.prepare import Prepared, leaf_index
from veil.anonymize.search import SearchResult
from veil.errors import InternalError
from veil.hierarchy.encoded import EncodedHierarchy
from veil.risk.classes import SUPPRESSED

_MARK = "__veil_suppressed"
_KEY = "__veil_class"


def transform(data: pl.DataFrame | pl.LazyFrame, prepared: Prepared,
              result: SearchResult) -> pl.LazyFrame:
    """The anonymized data for the best transformation of `result`."""
    return recoding(prepared, result).apply(data.lazy())


@dataclass(frozen=True, eq=False)
class Recoding:
    """The chosen transformation as a row-local transform an engine can run per batch
    (`veil.engines.base.RowTransform`): hierarchy maps, the levels, and the small table
    of the classes the search suppressed (ids only, no values of the data)."""

    quasi: tuple[str, ...]
    hierarchies: tuple[EncodedHierarchy, ...]
    levels: tuple[int, ...]
    failing: pl.DataFrame  # one Int64 column of generalized ids per quasi-identifier
    columns: tuple[str, ...] | None = None  # the output columns, in order (None: all)

    def select(self, columns: Sequence[str]) -> Recoding:
        return replace(self, columns=tuple(columns))

    def apply(self, frame: pl.LazyFrame) -> pl.LazyFrame:
        output = self._recode(frame)
        return output if self.columns is None else output.select(self.columns)

    def _recode(self, lazy: pl.LazyFrame) -> pl.LazyFrame:
        schema = lazy.collect_schema()
        parts = list(zip(self.quasi, self.hierarchies, self.levels, strict=True))
        ids = [f"__veil_id_{i}" for i in range(len(parts))]
        return _recode(lazy, schema, parts, ids, self.failing)


def recoding(prepared: Prepared, result: SearchResult) -> Recoding:
    """The `Recoding` of the best transformation of `result`."""
    if result.best is None or result.evaluation is None:
        raise InternalError("transform() called without a solution")
    levels = result.best.levels
    evaluation = result.evaluation
    if evaluation.classes.levels != levels:
        raise InternalError("the kept evaluation does not belong to the best transformation")
    failing = np.flatnonzero(~evaluation.ok)
    table = pl.DataFrame({f"__veil_id_{i}": evaluation.classes.gen[i][failing].astype(np.int64)
                          for i in range(len(prepared.quasi))})
    return Recoding(prepared.quasi, prepared.hierarchies, tuple(levels), table)


def _recode(lazy: pl.LazyFrame, schema: pl.Schema,
            parts: list[tuple[str, EncodedHierarchy, int]], ids: list[str],
            table: pl.DataFrame) -> pl.LazyFrame:
    with_ids = lazy.with_columns(
        leaf_index(name, schema[name], h, h.maps[level]).alias(column)
        for column, (name, h, level) in zip(ids, parts, strict=True))
    suppressed: pl.Expr = pl.lit(False)
    drop = list(ids)
    if table.height:
        cards = [h.cardinality(level) for _, h, level in parts]
        if math.prod(cards) < 2**62:
            with_ids = with_ids.with_columns(_pack([pl.col(c) for c in ids], cards).alias(_KEY))
            table = table.select(_pack([pl.col(c) for c in ids], cards).alias(_KEY))
            on = [_KEY]
            drop.append(_KEY)
        else:
            table = table.with_columns(pl.col(c).cast(pl.Int32) for c in ids)
            on = ids
        with_ids = with_ids.join(table.with_columns(pl.lit(True).alias(_MARK)).lazy(), on=on,
                                 how="left", maintain_order="left")
        suppressed = pl.col(_MARK).fill_null(False)
        drop.append(_MARK)
    columns = []
    for column, (name, h, level) in zip(ids, parts, strict=True):
        labels = list(h.labels[level])
        star = labels.index(SUPPRESSED) if SUPPRESSED in labels else len(labels)
        categories = labels if star < len(labels) else [*labels, SUPPRESSED]
        code = pl.when(suppressed).then(pl.lit(star)).otherwise(pl.col(column))
        columns.append(code.cast(pl.UInt32).cast(pl.Enum(categories)).alias(name))
    return with_ids.with_columns(columns).drop(drop)


def _pack(columns: list[pl.Expr], cards: list[int]) -> pl.Expr:
    key = pl.lit(0, pl.Int64)
    for column, card in zip(columns, cards, strict=True):
        key = key * card + column.cast(pl.Int64)
    return key
