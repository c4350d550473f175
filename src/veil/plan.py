"""Plan: a policy compiled against a dataset's columns.

The plan is where fail-closed coverage is enforced (every input column has a
rule, every rule names an input column), and it is inspectable (`veil plan`)
before anything runs. It holds no data, only names and settings, so the same
plan can run on any engine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from veil.actions.zip3 import allowed_prefixes, restricted_prefixes
from veil.categories import Category, Kind
from veil.detect.header import safe_label, safe_names
from veil.errors import PolicyError
from veil.policy.models import AgeFromBirthDate, Policy, Pseudonym, Rule, column_position


@dataclass(frozen=True)
class ColumnStep:
    """What happens to one input column."""

    column: str
    rule: Rule
    output: str | None
    key: str = ""
    """The policy key that names the column (`#N` when its header is identifying)."""

    @property
    def label(self) -> str:
        """How reports and messages name the input column (never an identifying header)."""
        return self.key or self.column

    @property
    def action(self) -> str:
        return self.rule.action

    @property
    def category(self) -> Category | None:
        return self.rule.category

    @property
    def kind(self) -> Kind | None:
        return self.rule.kind


@dataclass(frozen=True)
class Plan:
    """A policy bound to one dataset's columns, ready to execute."""

    policy: Policy
    steps: tuple[ColumnStep, ...]
    reference_date: dt.date
    zip3_restricted: frozenset[str]
    zip3_keep: frozenset[str] | None

    @property
    def outputs(self) -> tuple[ColumnStep, ...]:
        return tuple(step for step in self.steps if step.output is not None)

    @property
    def coded_columns(self) -> tuple[ColumnStep, ...]:
        return tuple(step for step in self.steps if isinstance(step.rule, Pseudonym))

    def describe(self) -> list[dict[str, Any]]:
        return [
            {
                "column": step.label,
                "action": step.action,
                "output": step.output,
                "category": None if step.category is None else step.category.value,
                "kind": None if step.kind is None else step.kind.value,
                "options": step.rule.model_dump(
                    mode="json", exclude={"action", "category", "kind", "rename"},
                    exclude_defaults=True),
            }
            for step in self.steps
        ]


def compile_plan(policy: Policy, columns: tuple[str, ...], *, source: str,
                 run_date: dt.date | None = None) -> Plan:
    """Bind `policy` to a dataset with `columns`, or raise PolicyError (fail closed)."""
    keys = bind_keys(policy, columns, source=source)
    shown_names = safe_names(columns)
    uncovered = [i for i, c in enumerate(columns) if c not in keys]
    if uncovered:
        shown = ", ".join(_display(shown_names, i) for i in uncovered[:10])
        more = f" and {len(uncovered) - 10} more" if len(uncovered) > 10 else ""
        raise PolicyError(
            f"{source}: {len(uncovered)} column(s) not covered by the policy: {shown}{more}",
            hint="every input column needs a rule (fail closed); add them to the policy, "
            "e.g. with `veil init` (a column may be named by its header or by '#N')",
        )
    for name, rule in policy.columns.items():
        if isinstance(rule, AgeFromBirthDate) and rule.reference_column is not None \
                and resolve_key(rule.reference_column, columns) not in columns:
            raise PolicyError(f"column {name!r}: reference_column "
                              f"{rule.reference_column!r} is not an input column")
    steps = tuple(
        ColumnStep(c, policy.columns[keys[c]], policy.output_name(keys[c]), keys[c])
        for c in columns
    )
    settings = policy.zip3
    keep = (allowed_prefixes(settings.population_table, settings.threshold)
            if settings.population_table is not None else None)
    return Plan(
        policy=policy,
        steps=steps,
        reference_date=policy.reference_date or run_date or dt.date.today(),
        zip3_restricted=restricted_prefixes(settings),
        zip3_keep=keep,
    )


def _display(names: list[str], index: int) -> str:
    """A column for a message: its name, or `#N` where the name is identifying."""
    name = names[index]
    return f"#{index + 1}" if name == safe_label(index) and name != "" else repr(name)


def resolve_key(key: str, columns: tuple[str, ...]) -> str | None:
    """The input column a policy key names (`#N` by position), or None."""
    position = column_position(key)
    if position is None:
        return key if key in columns else None
    return columns[position] if position < len(columns) else None


def bind_keys(policy: Policy, columns: tuple[str, ...], *, source: str) -> dict[str, str]:
    """Input column -> the policy key that covers it; PolicyError for keys that name no
    column, or two keys for one column."""
    bound: dict[str, str] = {}
    missing = []
    for key in policy.columns:
        column = resolve_key(key, columns)
        if column is None:
            missing.append(key)
            continue
        if column in bound:
            position = columns.index(column) + 1
            raise PolicyError(f"{source}: the policy covers input column #{position} twice "
                              f"({bound[column]!r} and {key!r})", hint="keep one rule per column")
        bound[column] = key
    if missing:
        raise PolicyError(
            f"{source}: the policy names column(s) the input does not have: "
            + ", ".join(repr(c) for c in missing[:10]),
            hint="check the input file, or remove the rules for columns that no longer exist",
        )
    return bound
