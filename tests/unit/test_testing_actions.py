"""Every built-in action passes `veil.testing.check_action`, and the check catches the
faults it claims to (each broken builder below breaks one rule)."""

from __future__ import annotations

import itertools
from typing import Any

import polars as pl
import pytest

from veil.actions.context import ActionContext
from veil.actions.registry import BUILTIN_ACTIONS
from veil.errors import PolicyError, UsageError
from veil.policy.models import Keep
from veil.testing import ConformanceError, check_action
from veil.testing.actions import sample_columns

RULE = Keep(action="keep")
PYTHON_BATCHES = {"scrub"}  # free text through the scrubber, batch by batch (veil.text)


@pytest.mark.parametrize("name", sorted(BUILTIN_ACTIONS))
def test_builtin_action_conforms(name: str) -> None:
    result = check_action(name, python_batches=name in PYTHON_BATCHES)
    assert "String" in result.accepted  # every action reads text
    assert len(result.accepted) + len(result.refused) == len(sample_columns())
    assert result.keyed == (name in ("fake", "hmac"))


def test_own_builder_conforms() -> None:
    def upper(rule: Any, ctx: ActionContext) -> pl.Expr:
        return ctx.col.cast(pl.String).str.to_uppercase()

    assert check_action(upper, rule=RULE).accepted


_counter = itertools.count()


def _not_row_local(rule: Any, ctx: ActionContext) -> pl.Expr:
    return ctx.col.cast(pl.String).rank("dense").cast(pl.String)


def _fills_nulls(rule: Any, ctx: ActionContext) -> pl.Expr:
    return ctx.col.cast(pl.String).fill_null("missing")


def _not_deterministic(rule: Any, ctx: ActionContext) -> pl.Expr:
    return pl.when(ctx.col.is_null()).then(None).otherwise(pl.lit(str(next(_counter))))


def _raises_plainly(rule: Any, ctx: ActionContext) -> pl.Expr:
    raise ValueError("not a VeilError")


def _fails_on_data(rule: Any, ctx: ActionContext) -> pl.Expr:
    return ctx.col.cast(pl.String).cast(pl.Int64, strict=True)


def _quotes_a_value(rule: Any, ctx: ActionContext) -> pl.Expr:
    raise PolicyError("cannot read 'Jane Q. Doe'")


def _per_row_python(rule: Any, ctx: ActionContext) -> pl.Expr:
    return ctx.col.cast(pl.String).map_elements(str.upper, return_dtype=pl.String)


def _ignores_key(rule: Any, ctx: ActionContext) -> pl.Expr:
    ctx.require_secret("ignores_key")
    return ctx.col.cast(pl.String).str.reverse()


@pytest.mark.parametrize(("builder", "message"), [
    (_not_row_local, "not row-local"),
    (_fills_nulls, "nulls must stay null"),
    (_not_deterministic, "not deterministic"),
    (_raises_plainly, "raised ValueError"),
    (_fails_on_data, "evaluating the expression raised"),
    (_quotes_a_value, "quotes a value"),
    (_ignores_key, "same output under another key"),
    (_per_row_python, "calls a Python function"),
])
def test_check_catches_a_broken_builder(builder: Any, message: str) -> None:
    with pytest.raises(ConformanceError, match=message) as failure:
        check_action(builder, rule=RULE)
    assert "Jane" not in str(failure.value) and "123-45-6789" not in str(failure.value)


def test_unknown_action_and_missing_rule_are_usage_errors() -> None:
    with pytest.raises(UsageError, match="no built-in action"):
        check_action("shred")
    with pytest.raises(UsageError, match="rule"):
        check_action(_fills_nulls)
