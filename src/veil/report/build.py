"""The run report as plain JSON data (`report.json`); `report.html` renders it.

Everything here is names, actions, counts and aggregated distributions of
already de-identified output columns: no input cell value can reach it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from veil._version import __version__
from veil.actions.zip3 import restricted_lists
from veil.categories import Category, Role, role_of
from veil.plan import ColumnStep, Plan
from veil.policy.models import Generalize, Keep

ATTESTATIONS: tuple[str, ...] = (
    "(R) Any other unique identifying number, characteristic, or code is open-ended: a person "
    "must confirm that no such code remains in the kept columns.",
    "(b)(2)(ii) Actual knowledge: the covered entity must not have actual knowledge that the "
    "remaining information could be used, alone or in combination, to identify an individual.",
    "Identifiers of relatives, employers and household members are covered too: confirm that "
    "none remain in the kept columns.",
)
_GENERALIZING = {"zip3", "year_only", "top_code", "age", "generalize"}


def output_role(step: ColumnStep) -> str:
    """The role a column plays in the output, for the risk assessment."""
    if isinstance(step.rule, Generalize) and step.rule.mapping is not None and all(
            k == v for k, v in step.rule.mapping.items()):
        # an allow-list of a category's values (others emptied) generalizes nothing
        return role_of(step.kind).value if step.kind is not None else Role.OTHER.value
    if step.action in _GENERALIZING:
        return Role.QUASI.value
    if step.action in {"pseudonym", "hmac", "fake", "redact", "mask"}:
        return "code" if step.action in {"pseudonym", "hmac"} else "masked"
    if isinstance(step.rule, Keep) and step.rule.role is not None:
        return step.rule.role.value
    if step.kind is not None:
        return role_of(step.kind).value
    return Role.OTHER.value


def build_report(
    *,
    plan: Plan,
    categories: Mapping[str, Category],
    reasons: Mapping[str, str],
    warnings: list[str],
    input_info: dict[str, Any],
    output_info: dict[str, Any],
    distributions: dict[str, Any],
    keys: dict[str, str],
    generated_at: dt.datetime,
) -> dict[str, Any]:
    checklist = _checklist(plan, categories)
    dropped = sum(1 for s in plan.steps if s.output is None)
    kept = [s for s in plan.steps if s.action == "keep"]
    present = [c for c in checklist if c["columns"]]
    return {
        "title": f"{_title(plan.policy.profile)} de-identification report",
        "veil_version": __version__,
        "profile": plan.policy.profile,
        "generated_at": generated_at.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "reference_date": plan.reference_date.isoformat(),
        "input": input_info,
        "output": output_info,
        "summary": {
            "categories_present": len(present),
            "categories_handled": len(present),
            "violations": 0,
            "attestations": len(ATTESTATIONS),
            "columns_dropped": dropped,
            "columns_transformed": len(plan.steps) - dropped - len(kept),
            "columns_kept": len(kept),
        },
        "checklist": checklist,
        "columns": [
            {
                "input": s.label,
                "output": s.output,
                "action": s.action,
                "kind": None if s.kind is None else s.kind.value,
                "category": categories[s.label].value if s.label in categories else None,
                "role": output_role(s) if s.output is not None else None,
                "reason": reasons.get(s.label, "set by the policy"),
            }
            for s in plan.steps
        ],
        "kept": [
            {"column": s.label, "role": output_role(s),
             "reason": reasons.get(s.label, "kept by the policy")}
            for s in kept
        ],
        "quasi_identifiers": [
            s.output for s in plan.outputs if output_role(s) == Role.QUASI.value
        ],
        "zip3": _zip3(plan),
        "keys": keys,
        "warnings": warnings,
        "attestations": list(ATTESTATIONS),
        "distributions": distributions,
    }


def _title(profile: str) -> str:
    return {"safe-harbor": "Safe Harbor"}.get(profile, profile)


def _checklist(plan: Plan, categories: Mapping[str, Category]) -> list[dict[str, Any]]:
    rows = []
    for category in Category:
        steps = [s for s in plan.steps if categories.get(s.label) is category]
        if not steps:
            status = "attestation required" if category is Category.OTHER_UNIQUE else "not present"
        elif all(s.output is None for s in steps):
            status = "removed"
        else:
            status = "transformed"
        note = ""
        if category is Category.OTHER_UNIQUE:
            note = "open-ended: a person must confirm no other unique code remains"
        elif category in (Category.BIOMETRIC, Category.PHOTO) and not steps:
            note = "detected from column names and file references; images inside cells are " \
                   "not inspected"
        rows.append({
            "category": category.value,
            "number": category.number,
            "label": category.label,
            "status": status,
            "note": note,
            "columns": [{"column": s.label, "action": s.action, "output": s.output}
                        for s in steps],
        })
    return rows


def _zip3(plan: Plan) -> dict[str, Any]:
    lists = restricted_lists()
    settings = plan.policy.zip3
    return {
        "mode": "allowlist" if plan.zip3_keep is not None else "blocklist",
        "lists": [
            {"name": n, "version": lists[n].version, "source": lists[n].source}
            for n in settings.restricted_lists
        ],
        "restricted_prefixes": sorted(plan.zip3_restricted),
        "threshold": settings.threshold,
        "population_table": None if settings.population_table is None
        else settings.population_table.name,
    }
