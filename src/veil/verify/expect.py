"""What each output column of a plan must look like, for the verification pass.

The action that wrote a column promises a shape (a year, a ZIP3, a top-coded
age, the redaction constant); kept and generalized columns promise nothing and
get every detector. This is the only place the verification pass learns about
the policy: the checks themselves do not trust the scanner's classification.
"""

from __future__ import annotations

from veil.actions.ages import UNIT_PER_YEAR
from veil.categories import Category, Kind
from veil.plan import ColumnStep, Plan
from veil.policy.models import (
    AgeFromBirthDate,
    Fake,
    Keep,
    Mask,
    Redact,
    Scrub,
    TopCode,
    YearOnly,
    Zip3,
)
from veil.verify.model import ColumnExpectation, Expect
from veil.verify.text_check import SURROGATE_EXEMPT

CLINICAL_CODE_KINDS: frozenset[Kind] = frozenset({
    Kind.DIAGNOSIS_CODE, Kind.PROCEDURE_CODE, Kind.CLINICAL_CODE,
})
"""Kinds whose long digit strings are codes of a public code system, not identifiers."""

_FAKED: dict[str, frozenset[Category]] = {
    "name": frozenset({Category.NAMES}),
    "first_name": frozenset({Category.NAMES}),
    "last_name": frozenset({Category.NAMES}),
    "street_address": frozenset({Category.GEOGRAPHY}),
    "city": frozenset({Category.GEOGRAPHY}),
    "email": frozenset({Category.EMAIL}),
    "phone": frozenset({Category.TELEPHONE}),
    "ssn": frozenset({Category.SSN}),
    "digits": frozenset({Category.OTHER_UNIQUE}),
    "code": frozenset({Category.OTHER_UNIQUE}),
}


def plan_expectations(plan: Plan) -> dict[str, ColumnExpectation]:
    """Output column name -> its expectation, for every column the plan writes."""
    return {step.output: _expectation(step, plan) for step in plan.outputs
            if step.output is not None}


def _expectation(step: ColumnStep, plan: Plan) -> ColumnExpectation:
    rule = step.rule
    category = step.category
    if isinstance(rule, YearOnly):
        boundary = plan.reference_date.year - 90 if rule.top_code_years else None
        return ColumnExpectation(Expect.YEAR, Category.DATES, min_year=boundary)
    if isinstance(rule, Zip3):
        return ColumnExpectation(Expect.ZIP3, Category.GEOGRAPHY,
                                 restricted_zip3=plan.zip3_restricted)
    if isinstance(rule, TopCode) and rule.unit != "years":
        # ages under the rule stay as written in their unit (days, weeks, months)
        at = int(rule.at * UNIT_PER_YEAR[rule.unit])
        return ColumnExpectation(Expect.AGE, Category.DATES, label=rule.label, age_at=at)
    if isinstance(rule, TopCode | AgeFromBirthDate):
        return ColumnExpectation(Expect.AGE, Category.DATES, label=rule.label, age_at=rule.at)
    if isinstance(rule, Redact) and rule.keep_matching is not None:
        # only the offending cells were replaced: every detector runs on the values kept
        return ColumnExpectation(Expect.ANY, category)
    if isinstance(rule, Redact):
        return ColumnExpectation(Expect.REDACTED, category, label=rule.replacement)
    if isinstance(rule, Mask):
        return ColumnExpectation(Expect.MASKED, category, label=rule.char)
    if isinstance(rule, Scrub):
        exempt = SURROGATE_EXEMPT if rule.replacement == "surrogate" else frozenset()
        return ColumnExpectation(Expect.SCRUBBED, category, exempt=exempt)
    if isinstance(rule, Fake):
        names = "name" in rule.provider  # surrogate given names include April, May, June
        return ColumnExpectation(Expect.SURROGATE, category, exempt=_FAKED[rule.provider],
                                 exempt_detectors=frozenset({"month_name"} if names else ()))
    if step.action in ("pseudonym", "hmac"):
        return ColumnExpectation(Expect.CODE, category)
    kind = step.kind
    return ColumnExpectation(
        Expect.ANY, category,
        reviewed=isinstance(rule, Keep) and rule.reviewed,
        clinical_code=kind in CLINICAL_CODE_KINDS,
        age_column=kind is Kind.AGE,
    )
