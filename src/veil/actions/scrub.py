"""scrub: find and replace PHI in a free-text column with `veil.text`.

The scrubber works on whole batches of texts (its dictionaries and optional
model are loaded once per process), so the action is one `map_batches` over the
column, elementwise (the streaming engine hands it one morsel at a time; no
Python loop over rows here). With `known_columns`, the other columns of the
same row are that row's identifiers: they travel with the text in a struct and
are expanded to their written variants by `veil.text.known_phi_from_table`.
Nulls stay null.

The action does not use the worker pool of `veil.text.parallel` (which `veil scrub
--workers` does): on the Spark engine it already runs in one Python worker per core,
where a pool would multiply processes and model copies; under Polars it would start
resident processes from inside the engine's threads (also inside the long-lived
service) and cannot start at all from daemonic processes. Parallelism for tables
belongs to the engine.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Literal

import polars as pl

from veil.actions.context import ActionContext
from veil.errors import PolicyError
from veil.policy.models import Scrub

if TYPE_CHECKING:  # veil.text loads its word lists on first use, not at import
    from veil.text.scrubber import Scrubber

_TEXT = "__veil_text"
_ROW = "__veil_row"


@functools.lru_cache(maxsize=8)
def scrubber_for(replacement: Literal["tag", "surrogate"], ner: bool,
                 secret: bytes | None) -> Scrubber:
    """One Scrubber per option set and process (loading it is the expensive part)."""
    from veil.text.scrubber import Scrubber, ScrubOptions

    options = ScrubOptions(replacement=replacement, safe_harbor=True, ner=ner, secret=secret)
    return Scrubber(options)


def _options_scrubber(rule: Scrub, ctx: ActionContext) -> Scrubber:
    secret = ctx.require_secret("scrub").material if rule.replacement == "surrogate" else None
    return scrubber_for(rule.replacement, rule.ner, secret)


def scrub(rule: Scrub, ctx: ActionContext) -> pl.Expr:
    """The column with every PHI span the recognizers find replaced (tags or surrogates)."""
    missing = [c for c in rule.known_columns if c not in ctx.schema]
    if missing:
        raise PolicyError(
            f"column {ctx.column!r}: known_columns names {len(missing)} column(s) the input "
            "does not have",
            hint="list input columns whose values are the row's identifiers, or none")
    scrubber = _options_scrubber(rule, ctx)
    text = ctx.col.cast(pl.String)
    if not rule.known_columns:
        return text.map_batches(functools.partial(_scrub_texts, scrubber),
                                return_dtype=pl.String, is_elementwise=True)
    fields = [text.alias(_TEXT)] + [pl.col(c).cast(pl.String).alias(f"k{i}")
                                    for i, c in enumerate(rule.known_columns)]
    return pl.struct(fields).map_batches(functools.partial(_scrub_with_known, scrubber),
                                         return_dtype=pl.String, is_elementwise=True)


def _scrub_texts(scrubber: Scrubber, texts: pl.Series) -> pl.Series:
    """Scrub the non-null texts of one batch, in one call."""
    present = texts.is_not_null()
    values = texts.filter(present).to_list()
    scrubbed = scrubber.scrub_batch(values) if values else []
    return _scatter(texts, present, scrubbed)


def _scrub_with_known(scrubber: Scrubber, rows: pl.Series) -> pl.Series:
    """Scrub one batch of (text, known columns...) rows, each with its row's identifiers."""
    from veil.text.known import known_phi_from_table

    frame = rows.struct.unnest()
    texts = frame.get_column(_TEXT)
    present = texts.is_not_null()
    # the link key is "~N~": known_phi_from_table expands the key too, and a shape no
    # value pattern accepts keeps a row number from becoming a "known" identifier
    chosen = frame.filter(present).with_row_index(_ROW).with_columns(
        pl.format("~{}~", pl.col(_ROW)).alias(_ROW))
    if chosen.height == 0:
        return texts
    known_by_row = known_phi_from_table(chosen.drop(_TEXT), _ROW)
    keys = chosen.get_column(_ROW).to_list()
    scrubbed = scrubber.scrub_batch(chosen.get_column(_TEXT).to_list(),
                                    [known_by_row.get(k) for k in keys])
    return _scatter(texts, present, scrubbed)


def _scatter(texts: pl.Series, present: pl.Series, scrubbed: list[str]) -> pl.Series:
    """`texts` with its non-null values replaced, in order, by `scrubbed`."""
    if not scrubbed:
        return texts.cast(pl.String)
    positions = present.arg_true()
    return texts.cast(pl.String).scatter(positions, pl.Series(scrubbed, dtype=pl.String))
