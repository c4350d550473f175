"""Profile defaults: the rule a profile gives a column of a detected kind.

Safe Harbor (45 CFR 164.514(b)(2)): direct identifiers are dropped; ZIP codes
become ZIP3 under the 20,000 rule; every date keeps its year only, with years
that reveal an age over 89 aggregated; ages over 89 become "90+"; free text is
scrubbed (`veil.text` finds and replaces its identifiers); an unclassified
high-cardinality code is treated as "any other unique identifying number" and
redacted. Deny by default: a column is kept only on content evidence that it
holds no identifier (see `keep_evidence`); anything else is redacted with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from veil.categories import KIND_CATEGORY, Kind, Role, role_of
from veil.policy.models import (
    Drop,
    Generalize,
    Keep,
    Redact,
    Rule,
    Scrub,
    TopCode,
    YearOnly,
    Zip3,
)
from veil.scan.model import ColumnFinding

AgeUnit = Literal["years", "months", "weeks", "days"]


@dataclass(frozen=True)
class Proposal:
    """A proposed rule for one column, the reason for it, and an optional warning."""

    rule: Rule
    reason: str
    warning: str | None = None


def safe_harbor_proposal(finding: ColumnFinding) -> Proposal:
    """The Safe Harbor default for one scanned column."""
    kind = finding.kind
    category = KIND_CATEGORY.get(kind)
    why = _why(finding)
    if kind is Kind.ZIP:
        return Proposal(Zip3(action="zip3", category=category, kind=kind),
                        f"{why}; ZIP3 kept only for areas over 20,000 people, else 000",
                        warning=_code_header_warning(finding))
    if kind in (Kind.BIRTH_DATE, Kind.DEATH_DATE, Kind.DATE) and finding.ambiguous_encodings:
        return Proposal(
            Redact(action="redact", category=category, kind=kind),
            f"{why}; numbers that read as dates in several epochs "
            f"({', '.join(finding.ambiguous_encodings)}): no true year can be kept, redacted",
            warning="numbers read as dates in several encodings whose years differ by "
            f"decades ({', '.join(finding.ambiguous_encodings)}); redacted rather than "
            "written with a wrong year: set year_only with the right 'encoding' in the "
            "policy to keep the year")
    if kind in (Kind.BIRTH_DATE, Kind.DEATH_DATE, Kind.DATE, Kind.YEAR):
        return Proposal(YearOnly(action="year_only", category=category, kind=kind,
                                 encoding=finding.date_encoding or "auto"),
                        f"{why}; only the year may stay, years revealing age > 89 aggregated")
    if kind is Kind.AGE:
        unit = age_unit(finding.column)
        return Proposal(TopCode(action="top_code", category=category, kind=kind, unit=unit),
                        f"{why}; ages over 89 become one category 90+"
                        + ("" if unit == "years" else f" (numbers read as {unit})"))
    if kind is Kind.OTHER_ID:
        return Proposal(
            Redact(action="redact", category=category, kind=kind),
            f"{why}; treated as 'any other unique identifying number' (R)",
            warning="redacted as 'any other unique identifying number, characteristic, or "
            f"code' (R) ({_top(finding)}); review it and keep it only if it is not identifying",
        )
    if category is not None:
        return Proposal(Drop(action="drop", category=category, kind=kind),
                        f"{why}; direct identifier ({category.value}) removed")
    role = role_of(kind)
    if role is Role.TEXT and finding.dtype.startswith(_NESTED):
        return Proposal(Drop(action="drop", kind=kind),
                        f"{why}; nested values (lists, arrays, structs) are not scrubbed: "
                        "dropped")
    if role is Role.TEXT:
        return Proposal(Scrub(action="scrub", kind=kind),
                        f"{why}; free text: identifiers found and replaced by veil.text "
                        "(dates keep the year, ages over 89 become 90+)")
    evidence = keep_evidence(finding)
    if evidence is None:
        return Proposal(
            Redact(action="redact", kind=kind),
            f"{why}; no positive evidence that it holds no identifier: redacted (deny by "
            "default)",
            warning="unclassified: no content evidence that it holds no identifier, so it was "
            "redacted by default; review it and keep it with {action: keep, reviewed: true} if "
            "it is harmless",
        )
    if kind is Kind.OTHER and finding.categories:
        rare = next((e.detail for e in finding.evidence if "outside the category" in e.detail),
                    None)
        return Proposal(
            Generalize(action="generalize", kind=kind,
                       mapping={v: v for v in finding.categories}),
            f"{why}; category kept as its {len(finding.categories)} frequent values, any other "
            "value emptied cell by cell (counted in the report)",
            warning=None if rare is None else
            f"category: {rare}; values outside them are emptied (counts in the report)")
    return Proposal(Keep(action="keep", kind=kind, role=role),
                    f"{why}; {role.value}, kept on {evidence}")


_UNITS: tuple[tuple[str, AgeUnit], ...] = (
    (r"(?i)(?:^|[^a-z])(?:days?|dys?|d)(?:$|[^a-z])|days$", "days"),
    (r"(?i)(?:^|[^a-z])(?:weeks?|wks?)(?:$|[^a-z])|weeks$", "weeks"),
    (r"(?i)(?:^|[^a-z])(?:months?|mos?|mths?)(?:$|[^a-z])|months$", "months"),
)


def age_unit(header: str) -> AgeUnit:
    """The unit an age column's bare numbers are in, by its header (AGE_DAYS, age_mo):
    ages of infants in days or months are not years (an unknown unit stays years)."""
    for pattern, unit in _UNITS:
        if re.search(pattern, header):
            return unit
    return "years"


KEEP_SHARE = 0.5
"""Share of sampled values a content check must pass for a column to be kept."""


def keep_evidence(finding: ColumnFinding) -> str | None:
    """What shows a column holds no identifier (deny by default), or None.

    Only content counts: a clinical code, a measurement, a low-cardinality
    category or a quasi-identifier recognized from most of its values. Header
    words never do: they may raise suspicion, never lower it.
    """
    if role_of(finding.kind) not in (Role.QUASI, Role.SENSITIVE, Role.OTHER):
        return None
    for item in finding.evidence:
        if item.source == "values" and item.score >= KEEP_SHARE:
            return f"content evidence ({item.score:.0%} of sampled values)"
    return None


_NESTED = ("List", "Array", "Struct")
_CODE_KINDS = frozenset({Kind.PROCEDURE_CODE, Kind.DIAGNOSIS_CODE, Kind.CLINICAL_CODE})


def _code_header_warning(finding: ColumnFinding) -> str | None:
    """A warning when a clinical code was the header's reading of ZIP-shaped values:
    the content did not establish codes, so they are treated as ZIP codes (fail closed)."""
    if not any(kind in _CODE_KINDS for kind, _ in finding.alternatives):
        return None
    return ("five-digit values under a procedure or code header were not established as "
            "codes by their content (no letter codes, few frequently billed CPT codes), so "
            "they were treated as ZIP codes (ZIP3, fail closed); review it and keep it with "
            "{action: keep, reviewed: true} if they are procedure codes")


def _top(finding: ColumnFinding) -> str:
    """The first content-based evidence of a finding (else its first evidence)."""
    for item in finding.evidence:
        if item.source in ("values", "stats"):
            return item.detail
    return finding.evidence[0].detail if finding.evidence else "no evidence"


def _why(finding: ColumnFinding) -> str:
    top = finding.evidence[0].detail if finding.evidence else "no evidence"
    return f"{finding.kind.value} ({finding.confidence:.0%}: {top})"
