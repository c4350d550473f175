"""`check_action`: the contract every action (built-in or your own) must keep.

An action turns (rule, context) into a Polars expression. Run on a sample column of
each common dtype, the expression must:

- build, or refuse the dtype with a `VeilError` whose message quotes no value;
- be Polars expressions all the way down: no Python function called per row or batch
  (`map_elements`, `map_batches`), unless `python_batches=True` says the action is
  deliberately batched Python (a free-text scrubber);
- evaluate eagerly, lazily and in the streaming engine to the same column, with the
  dtype the lazy schema announces (engines plan on it), one output row per input row;
- be row-local: computed on slices of the input it gives the slices of the output
  (a parallel engine runs it batch by batch);
- keep nulls null (unless told otherwise);
- be deterministic: built twice from the same rule and key, the same output; a keyed
  action (one that refuses to run without a secret) gives other output under another
  key, and its refusal quotes no value.

Usage::

    from veil.testing import check_action
    check_action("mask")                         # a built-in, with a default rule
    check_action(my_builder, rule=MyRule(...))   # your own (rule, ctx) -> pl.Expr
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from veil.actions.context import ActionContext
from veil.actions.registry import BUILTIN_ACTIONS
from veil.actions.secrets import Secret
from veil.actions.zip3 import restricted_prefixes
from veil.errors import KeyStoreError, UsageError, VeilError
from veil.policy.models import (
    AgeFromBirthDate,
    Fake,
    Generalize,
    Hmac,
    Keep,
    Mask,
    Pseudonym,
    Redact,
    TopCode,
    YearOnly,
    Zip3,
    ZipSettings,
)
from veil.testing._failure import ConformanceError, safe_text

Builder = Callable[[Any, ActionContext], pl.Expr]

COLUMN = "value"
REFERENCE_DATE = dt.date(2026, 1, 1)
KEY = Secret(b"veil.testing key material, not secret", "veil.testing")
OTHER_KEY = Secret(b"veil.testing other key material 42", "veil.testing")

DEFAULT_RULES: dict[str, Any] = {
    "keep": Keep(action="keep"),
    "redact": Redact(action="redact"),
    "mask": Mask(action="mask"),
    "year_only": YearOnly(action="year_only"),
    "top_code": TopCode(action="top_code"),
    "age": AgeFromBirthDate(action="age"),
    "zip3": Zip3(action="zip3"),
    "generalize": Generalize(action="generalize", bins=(18.0, 65.0)),
    "fake": Fake(action="fake", provider="name"),
    "hmac": Hmac(action="hmac"),
    "pseudonym": Pseudonym(action="pseudonym"),
}
"""A representative rule per built-in action (`check_action(name)` uses it)."""

_TEXT = ["Jane Q. Doe", "123-45-6789", "2019-03-14", "02139", "", None, "  padded  ",
         "Ünïcödé ß", "90", "1931-01-01", "03/14/2019", "jane.doe@example.org", None, "90+"]


def sample_columns() -> list[pl.Series]:
    """One sample column per common dtype, with nulls and edge values (14 rows each)."""
    n = len(_TEXT)

    def fit(values: list[Any]) -> list[Any]:
        return (values * n)[:n]

    dates = fit([dt.date(1931, 1, 1), dt.date(2019, 3, 14), None, dt.date(2026, 1, 1),
                 dt.date(1900, 2, 28), dt.date(2000, 2, 29), dt.date(1970, 1, 1)])
    return [
        pl.Series(COLUMN, _TEXT, dtype=pl.String),
        pl.Series(COLUMN, fit([0, 1, 89, 90, None, 120, -5, 19310101, 2019]), dtype=pl.Int64),
        pl.Series(COLUMN, fit([0, 17, 89, None, 90, 64]), dtype=pl.Int32),
        pl.Series(COLUMN, fit([0.0, 1.5, 89.9, 90.0, None, -0.0, 65.0]), dtype=pl.Float64),
        pl.Series(COLUMN, fit([True, False, None]), dtype=pl.Boolean),
        pl.Series(COLUMN, dates, dtype=pl.Date),
        pl.Series(COLUMN, [None if d is None else dt.datetime(d.year, d.month, d.day, 13, 5)
                           for d in dates], dtype=pl.Datetime("us")),
        pl.Series(COLUMN, [None] * n, dtype=pl.Null),
    ]


@dataclass(frozen=True)
class ActionCheck:
    """What `check_action` found: the dtypes the action accepts and those it refuses."""

    action: str
    accepted: tuple[str, ...]
    refused: tuple[str, ...]
    keyed: bool


def check_action(action: str | Builder, *, rule: Any = None,
                 columns: Sequence[pl.Series] | None = None,
                 nulls_stay_null: bool = True, python_batches: bool = False) -> ActionCheck:
    """Run `action` (a built-in's name or a builder) through the action contract above.

    `rule` defaults to `DEFAULT_RULES[name]` for a built-in; `columns` to
    `sample_columns()` (each named `value`). Raises `ConformanceError` on the first
    broken rule; returns what was accepted and refused.
    """
    name, builder, rule = _resolve(action, rule)
    accepted, refused = [], []
    keyed = False
    for column in columns or sample_columns():
        frame = column.alias(COLUMN).to_frame().with_row_index("row")
        values = _texts(column)
        where = f"action {name!r} on a {column.dtype} column"
        expr = _build(builder, rule, frame, KEY, where, values)
        if expr is None:
            refused.append(str(column.dtype))
            continue
        accepted.append(str(column.dtype))
        if not python_batches and "python_udf" in str(expr):
            raise ConformanceError(f"{where}: the expression calls a Python function "
                                   "(map_elements / map_batches); write it with Polars "
                                   "expressions, or pass python_batches=True if it is "
                                   "deliberately batched")
        out = _evaluate(frame, expr, where)
        _check_rows(frame, expr, out, where, nulls_stay_null)
        again = _build(builder, rule, frame, KEY, where, values)
        if again is None or not out.equals(_evaluate(frame, again, where)):
            raise ConformanceError(f"{where}: not deterministic (built twice with the same "
                                   "rule and key, the outputs differ)")
        if _needs_key(builder, rule, frame, where, values):
            keyed = True
            other = _build(builder, rule, frame, OTHER_KEY, where, values)
            if (other is not None and column.dtype == pl.String
                    and out.equals(_evaluate(frame, other, where)) and out.null_count() < len(out)):
                raise ConformanceError(f"{where}: a keyed action gives the same output under "
                                       "another key (is the key used?)")
    return ActionCheck(name, tuple(accepted), tuple(refused), keyed)


def default_rule(action: str) -> Any:
    """The rule `check_action(name)` uses: `DEFAULT_RULES`, else the action's rule model
    with every option at its default (so a new built-in is checked without listing it)."""
    if action in DEFAULT_RULES:
        return DEFAULT_RULES[action]
    from pydantic import TypeAdapter, ValidationError

    from veil.policy.models import Rule

    try:
        return TypeAdapter(Rule).validate_python({"action": action})
    except ValidationError:
        raise UsageError(f"action {action!r} has options without defaults",
                         hint="pass the rule to check it with: rule=...") from None


def _resolve(action: str | Builder, rule: Any) -> tuple[str, Builder, Any]:
    if isinstance(action, str):
        if action not in BUILTIN_ACTIONS:
            raise UsageError(f"no built-in action {action!r} to check",
                             hint=f"one of: {', '.join(BUILTIN_ACTIONS)}; or pass a builder")
        return action, BUILTIN_ACTIONS[action], default_rule(action) if rule is None else rule
    if rule is None:
        raise UsageError("give the rule to check a builder with (rule=...)")
    return getattr(action, "__name__", type(action).__name__), action, rule


def _context(frame: pl.DataFrame, secret: Secret | None) -> ActionContext:
    distinct = frame.get_column(COLUMN).cast(pl.String).drop_nulls().unique(maintain_order=True)
    codes = distinct.to_frame("identifier").with_row_index("i").select(
        "identifier", pl.format("C{}", pl.col("i")).alias("code"))
    return ActionContext(column=COLUMN, dtype=frame.schema[COLUMN],
                         reference_date=REFERENCE_DATE,
                         zip3_restricted=restricted_prefixes(ZipSettings()), secret=secret,
                         code_maps={COLUMN: codes}, schema=dict(frame.schema))


def _build(builder: Builder, rule: Any, frame: pl.DataFrame, secret: Secret | None,
           where: str, values: tuple[str, ...]) -> pl.Expr | None:
    """The expression, or None when the action refuses the dtype (cleanly)."""
    try:
        return builder(rule, _context(frame, secret))
    except VeilError as refusal:
        if not safe_text(str(refusal), values):
            raise ConformanceError(f"{where}: the refusal's message quotes a value") from None
        return None
    except Exception as error:
        raise ConformanceError(f"{where}: building the expression raised "
                               f"{type(error).__name__} (refuse with a VeilError)") from None


def _needs_key(builder: Builder, rule: Any, frame: pl.DataFrame, where: str,
               values: tuple[str, ...]) -> bool:
    try:
        builder(rule, _context(frame, None))
    except KeyStoreError as refusal:
        if not safe_text(str(refusal), values):
            raise ConformanceError(f"{where}: the missing-key message quotes a value") from None
        return True
    except VeilError:
        return False
    return False


def _evaluate(frame: pl.DataFrame, expr: pl.Expr, where: str) -> pl.Series:
    """Eager, lazy and streaming results (equal, with the announced dtype), or a failure."""
    try:
        eager = frame.select(expr.alias("out")).get_column("out")
        query = frame.lazy().select(expr.alias("out"))
        announced = query.collect_schema()["out"]
        lazy = query.collect().get_column("out")
        streaming = query.collect(engine="streaming").get_column("out")
    except Exception as error:  # Polars messages may quote values: name the type only
        raise ConformanceError(f"{where}: evaluating the expression raised "
                               f"{type(error).__name__}") from None
    if announced != eager.dtype:
        raise ConformanceError(f"{where}: the lazy schema announces {announced}, the result "
                               f"is {eager.dtype} (engines plan on the announced dtype)")
    for other, how in ((lazy, "lazy"), (streaming, "streaming")):
        if not eager.equals(other):
            raise ConformanceError(f"{where}: the {how} result differs from the eager one")
    return eager


def _check_rows(frame: pl.DataFrame, expr: pl.Expr, out: pl.Series, where: str,
                nulls_stay_null: bool) -> None:
    if out.len() != frame.height:
        raise ConformanceError(f"{where}: {out.len()} output rows for {frame.height} input "
                               "rows (an action maps each row to one value)")
    cut = frame.height // 3
    pieces = [frame.slice(0, cut), frame.slice(cut, cut), frame.slice(2 * cut)]
    joined = pl.concat([_evaluate(p, expr, where) for p in pieces])
    if not joined.equals(out):
        raise ConformanceError(f"{where}: not row-local (run on slices of the input, the "
                               "results differ from the whole column's)")
    if nulls_stay_null:
        nulls = frame.get_column(COLUMN).is_null()
        broken = int((nulls & out.is_not_null()).sum())
        if broken:
            raise ConformanceError(f"{where}: {broken} null input value(s) gave a non-null "
                                   "output (nulls must stay null)")


def _texts(column: pl.Series) -> tuple[str, ...]:
    """The column's values as text (bounded: a sample column), to look for in messages."""
    return tuple(column.cast(pl.String, strict=False).drop_nulls().unique().to_list())
