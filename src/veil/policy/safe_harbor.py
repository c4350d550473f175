"""Conformance of a policy to the Safe Harbor method, checked before a run.

A rule that would let an identifier through is a violation and stops the run.
Two sources say a column holds an identifier: the policy's own `category`
annotation, and a fresh scan of the data (so deleting the annotation does not
switch the check off). A violation can be lifted only by `keep` with
`reviewed: true`, which the report records as a human decision.
"""

from __future__ import annotations

from dataclasses import dataclass

from veil.categories import KIND_CATEGORY, Category
from veil.errors import PolicyError
from veil.policy.models import (
    AgeFromBirthDate,
    Fake,
    Generalize,
    Hmac,
    Keep,
    Mask,
    Policy,
    Rule,
    Scrub,
    TopCode,
    YearOnly,
    column_position,
)
from veil.scan.model import ScanResult
from veil.text.measured import recall_statement

_SCAN_CONFIDENCE = 0.7
_REMOVING = {"drop", "redact", "pseudonym", "mask", "fake", "hmac"}
_BY_CATEGORY: dict[Category, set[str]] = {
    Category.GEOGRAPHY: _REMOVING | {"zip3", "generalize"},
    Category.DATES: _REMOVING | {"year_only", "age", "top_code", "generalize"},
}


@dataclass(frozen=True)
class Verdict:
    """Warnings of a conforming policy (violations raise instead)."""

    warnings: tuple[str, ...]
    categories: dict[str, Category]


def check_safe_harbor(policy: Policy, scan: ScanResult | None) -> Verdict:
    """Raise PolicyError on the first Safe Harbor violations; return warnings."""
    violations: list[str] = []
    warnings: list[str] = []
    categories: dict[str, Category] = {}
    for column, rule in policy.columns.items():
        category = rule.category
        if isinstance(rule, Scrub):
            warnings.append(f"column {column!r}: {recall_statement()}")
            if rule.replacement == "surrogate":
                warnings.append(f"column {column!r}: scrub surrogates are derived from the "
                                "identifiers with a keyed function, as fake values are: treat "
                                "them as an Expert Determination technique and keep the secret "
                                "like the key")
        found = None if scan is None else _scan_category(scan, column)
        if category is None and found is not None:
            category = found
        if category is None:
            continue
        categories[column] = category
        problem = _problem(rule, category)
        if problem and isinstance(rule, Keep) and rule.reviewed and rule.category is None:
            warnings.append(f"column {column!r}: kept after human review although the scanner "
                            f"flags it as {category.label.lower()} ({category.value})")
            categories.pop(column)
            continue
        if problem:
            violations.append(f"column {column!r} ({category.value}, {category.label}): {problem}")
            continue
        warnings.extend(f"column {column!r}: {w}" for w in _caveats(rule, category))
    if violations:
        shown = "; ".join(violations[:5])
        more = f"; and {len(violations) - 5} more" if len(violations) > 5 else ""
        raise PolicyError(
            f"the policy does not meet Safe Harbor: {shown}{more}",
            hint="drop, redact or pseudonymize identifiers; dates need year_only, ages top_code, "
            "ZIP codes zip3. If the scanner is wrong about a column, use "
            "{action: keep, reviewed: true} without a category",
        )
    return Verdict(tuple(warnings), categories)


def _scan_category(scan: ScanResult, column: str) -> Category | None:
    """The scan's category of the column a policy key names (`#N`: by position)."""
    position = column_position(column)
    if position is not None:
        found = scan.columns[position:position + 1]
    else:
        found = tuple(f for f in scan.columns if f.column == column)
    for finding in found:
        if finding.confidence >= _SCAN_CONFIDENCE:
            return KIND_CATEGORY.get(finding.kind)
    return None


def _problem(rule: Rule, category: Category) -> str | None:
    allowed = _BY_CATEGORY.get(category, _REMOVING)
    if rule.action not in allowed:
        return f"action {rule.action!r} is not allowed for this category"
    if isinstance(rule, Mask) and (rule.keep_first or rule.keep_last):
        return "a mask may not keep any character of an identifier (HHS guidance Q3.2)"
    if isinstance(rule, YearOnly) and not rule.top_code_years:
        return "years that reveal an age over 89 must be aggregated (top_code_years: true)"
    if isinstance(rule, TopCode | AgeFromBirthDate) and rule.at > 90:
        return f"ages from {rule.at - 1} down to 90 would stay; top-code at 90 or lower"
    return None


def _caveats(rule: Rule, category: Category) -> list[str]:
    if isinstance(rule, Fake | Hmac):
        return [f"{rule.action} output is derived from the identifier with a keyed function; "
                "45 CFR 164.514(c) allows only codes not derived from the person, so treat it "
                "as an Expert Determination technique and keep the secret like the key"]
    if isinstance(rule, Generalize):
        return [f"generalize on {category.label.lower()}: a person must confirm the groups are "
                "no finer than Safe Harbor allows (state, year, 90+)"]
    return []
