"""Actions by name: each turns (rule, context) into a Polars expression.

`drop` has no expression: the planner leaves the column out. Adding an action
is adding its rule model in `veil.policy.models`, one function here, and tests.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import polars as pl

from veil.actions.ages import top_code
from veil.actions.basic import keep, mask, redact
from veil.actions.context import ActionContext
from veil.actions.dates import age, year_only
from veil.actions.generalize import generalize
from veil.actions.pseudonym import pseudonym
from veil.actions.surrogates import fake, hmac_token
from veil.actions.zip3 import zip3

Builder = Callable[[Any, ActionContext], pl.Expr]

BUILTIN_ACTIONS: Mapping[str, Builder] = {
    "keep": keep,
    "redact": redact,
    "mask": mask,
    "year_only": year_only,
    "top_code": top_code,
    "age": age,
    "zip3": zip3,
    "generalize": generalize,
    "fake": fake,
    "hmac": hmac_token,
    "pseudonym": pseudonym,
}
