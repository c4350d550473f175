"""The `scrub` policy action, its Safe Harbor proposal and report statement, and the
verification pass over scrubbed text (unit level; end to end in test_scrub_action_e2e)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import polars as pl
import pytest
from pydantic import ValidationError

from veil.actions.context import ActionContext
from veil.actions.registry import BUILTIN_ACTIONS
from veil.categories import Category, Kind, Role
from veil.policy.models import Policy, Scrub
from veil.policy.profiles import safe_harbor_proposal
from veil.policy.safe_harbor import check_safe_harbor
from veil.scan.model import ColumnFinding, Evidence
from veil.text.scrubber import Scrubber
from veil.verify import ColumnExpectation, Expect, verify_frame

NOTES = [
    "Pt John Smith (SSN 123-45-6789) seen 05/03/2021 for Parkinson's disease; call 617-555-0199.",
    None,
    "Follow up in 2 weeks; BRCA1 negative, HbA1c 7.2%.",
    "Spoke with his daughter Maria Lopez at 508.555.0143 on 3rd of May 2021.",
]


def _ctx(frame: pl.DataFrame, column: str = "note") -> ActionContext:
    return ActionContext(column=column, dtype=frame.schema[column],
                         reference_date=dt.date(2026, 1, 1), schema=dict(frame.schema))


def _run(frame: pl.DataFrame, rule: Scrub) -> list[str | None]:
    expr = BUILTIN_ACTIONS["scrub"](rule, _ctx(frame))
    return frame.lazy().select(expr.alias("note")).collect(engine="streaming") \
        .get_column("note").to_list()


def test_scrub_replaces_phi_keeps_terms_and_nulls() -> None:
    frame = pl.DataFrame({"note": NOTES})
    out = _run(frame, Scrub(action="scrub"))
    assert out[1] is None
    joined = "\n".join(o for o in out if o)
    for value in ("John", "Smith", "123-45-6789", "05/03", "617-555-0199", "Maria", "Lopez",
                  "508.555.0143", "3rd of May"):
        assert value not in joined, value
    assert "Parkinson's disease" in out[0] and "2021" in out[0]  # Safe Harbor keeps the year
    assert out[2] == NOTES[2]


def test_scrub_is_batched_not_per_row(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    original = Scrubber.scrub_batch

    def counting(self: Scrubber, texts, known=None, patient_keys=None):  # type: ignore[no-untyped-def]
        calls.append(len(texts))
        return original(self, texts, known, patient_keys)

    monkeypatch.setattr(Scrubber, "scrub_batch", counting)
    frame = pl.DataFrame({"note": [f"Seen by Dr. Alan Whitfield on visit {i}."
                                   for i in range(3000)]})
    out = _run(frame, Scrub(action="scrub"))
    assert sum(calls) == 3000 and len(calls) <= 10
    assert not any("Whitfield" in o for o in out if o)


def test_known_columns_are_that_rows_identifiers() -> None:
    frame = pl.DataFrame({
        "note": ["Ms Qorvath called about her INR 2.3.", "Qorvath is a word in this row."],
        "last_name": ["Qorvath", "Other"],
        "mrn": ["48213377", "55555555"],
    })
    out = _run(frame, Scrub(action="scrub", known_columns=("last_name", "mrn")))
    assert out[0] is not None and "Qorvath" not in out[0] and "INR 2.3" in out[0]


def test_known_columns_must_exist() -> None:
    from veil.errors import PolicyError

    frame = pl.DataFrame({"note": ["x"]})
    with pytest.raises(PolicyError):
        BUILTIN_ACTIONS["scrub"](Scrub(action="scrub", known_columns=("nope",)), _ctx(frame))


def test_scrub_rule_is_a_typed_value() -> None:
    policy = Policy.model_validate({"profile": "safe-harbor", "columns": {
        "note": {"action": "scrub", "known_columns": ["mrn"]}, "mrn": {"action": "drop"}}})
    rule = policy.columns["note"]
    assert isinstance(rule, Scrub) and rule.replacement == "tag" and rule.known_columns == ("mrn",)
    with pytest.raises(ValidationError):
        Policy.model_validate({"profile": "safe-harbor",
                               "columns": {"note": {"action": "scrub", "strength": 3}}})


def test_safe_harbor_proposes_scrub_and_states_recall_and_residual_risk() -> None:
    finding = ColumnFinding(column="note", dtype="String", kind=Kind.FREE_TEXT,
                            role=Role.TEXT, category=None, confidence=0.9,
                            evidence=(Evidence("values", "long free text", 0.9),))
    proposal = safe_harbor_proposal(finding)
    assert isinstance(proposal.rule, Scrub)
    policy = Policy(profile="safe-harbor", columns={"note": proposal.rule})
    verdict = check_safe_harbor(policy, None)
    (warning,) = verdict.warnings
    assert "recall" in warning and "not zero" in warning


def test_a_scrubbed_identifier_category_is_still_a_violation() -> None:
    from veil.errors import PolicyError

    policy = Policy(profile="safe-harbor",
                    columns={"ssn": Scrub(action="scrub", category=Category.SSN)})
    with pytest.raises(PolicyError):
        check_safe_harbor(policy, None)


def test_verification_runs_the_recognizers_on_scrubbed_text() -> None:
    expect = {"note": ColumnExpectation(Expect.SCRUBBED)}
    clean = pl.LazyFrame({"note": ["[NAME] seen in 2021 for Hodgkin lymphoma, [PHONE].", None]})
    assert verify_frame(clean, expectations=expect).passed
    planted = pl.LazyFrame({"note": ["[NAME] seen in 2021.", None, "Call 617-555-0199 today.",
                                     "SSN 123-45-6789"]})
    found = verify_frame(planted, expectations=expect)
    assert not found.passed
    by_category = {r.category: r for r in found.residuals}
    assert by_category[Category.TELEPHONE].first_rows == (2,)
    assert by_category[Category.SSN].values == 1
    # The wall-clock time is the one float in the record and may hold any digits: zero it.
    shown = repr(dataclasses.replace(found, seconds=0.0))
    assert "617" not in shown and "6789" not in shown


def test_surrogate_scrubbed_text_is_checked_for_dates_only() -> None:
    """Fakes look real to every recognizer: a surrogate-scrubbed column is exempt from the
    categories surrogates imitate (as `fake` columns are), and still checked for dates."""
    from veil.plan import compile_plan
    from veil.verify import plan_expectations

    policy = Policy(profile="safe-harbor", columns={
        "note": Scrub(action="scrub", replacement="surrogate"),
        "other": Scrub(action="scrub")})
    expect = plan_expectations(compile_plan(policy, ("note", "other"), source="t"))
    assert Category.NAMES in expect["note"].exempt and Category.DATES not in expect["note"].exempt
    assert not expect["other"].exempt
    frame = pl.LazyFrame({"note": ["Dr. Alan Whitfield called 617-555-0199.",
                                   "Seen on 05/03/2021."],
                          "other": ["[NAME_1] seen in 2021.", "ok"]})
    found = verify_frame(frame, expectations=expect)
    assert {(r.column, r.category) for r in found.residuals} == {("note", Category.DATES)}


def test_surrogate_scrub_carries_the_keyed_surrogate_caveat() -> None:
    policy = Policy(profile="safe-harbor",
                    columns={"note": Scrub(action="scrub", replacement="surrogate")})
    warnings = check_safe_harbor(policy, None).warnings
    assert len(warnings) == 2 and "Expert Determination" in warnings[1]
