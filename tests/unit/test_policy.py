"""Policy YAML: valid policies load, invalid ones fail with the line and no traceback."""

from __future__ import annotations

import datetime as dt

import pytest

from veil.categories import Category
from veil.errors import PolicyError
from veil.plan import compile_plan
from veil.policy.load import parse_policy
from veil.policy.models import Drop, Keep, Mask, Policy, TopCode, YearOnly, Zip3
from veil.policy.render import render_policy
from veil.policy.safe_harbor import check_safe_harbor

GOOD = """\
version: 1
profile: safe-harbor
reference_date: 2026-01-01
columns:
  name: {action: drop, category: A}
  ssn: {action: mask, category: G}
  zip: {action: zip3}
  dob: {action: year_only}
  age: {action: top_code, at: 90}
  sex: {action: keep, role: quasi}
"""


def test_good_policy_loads() -> None:
    policy = parse_policy(GOOD)
    assert policy.reference_date == dt.date(2026, 1, 1)
    assert isinstance(policy.columns["name"], Drop)
    assert policy.columns["name"].category is Category.NAMES
    assert isinstance(policy.columns["ssn"], Mask)
    assert isinstance(policy.columns["zip"], Zip3)
    assert isinstance(policy.columns["dob"], YearOnly)
    assert isinstance(policy.columns["age"], TopCode)
    assert isinstance(policy.columns["sex"], Keep)


@pytest.mark.parametrize(("text", "line", "fragment"), [
    ("profile: safe-harbor\ncolumns:\n  a: {action: scramble}\n", 3, "unknown or missing action"),
    ("profile: safe-harbor\ncolumns:\n  a: {action: mask, keep_lst: 4}\n", 3,
     "unknown option 'keep_lst'"),
    ("profile: safe-harbor\ncolumns:\n  a: {action: drop}\n  a: {action: keep}\n", 4,
     "appears twice"),
    ("profile: safe-harbor\ncolumns:\n  a: [drop\n", 4, ""),
    ("profile: expert\ncolumns:\n  a: {action: drop}\n", 1, "reserved"),
    ("profile: safe-harbor\ncolumns:\n  a: {action: top_code, at: 0}\n", 3,
     "greater than or equal to 1"),
    ("profile: safe-harbor\nsurprise: 1\ncolumns: {}\n", 2, "unknown option 'surprise'"),
    ("columns:\n  a: {action: drop}\n", 1, "required field is missing"),
    ("- just\n- a list\n", 1, "expected a mapping"),
    ("", 0, "empty"),
    ("profile: safe-harbor\ncolumns:\n  a: {action: generalize}\n", 3, "exactly one of"),
])
def test_bad_policy_names_the_line(text: str, line: int, fragment: str) -> None:
    with pytest.raises(PolicyError) as caught:
        parse_policy(text, source="p.yaml")
    message = caught.value.one_line()
    assert message.startswith("p.yaml")
    if line:
        assert f"line {line}" in message
    assert fragment in message


def test_render_round_trips() -> None:
    policy = parse_policy(GOOD)
    text = render_policy(policy, comments={"zip": "a # tricky\ncomment"}, header="hello")
    assert parse_policy(text) == policy
    assert "# a tricky comment" in text


def test_columns_with_odd_names_round_trip() -> None:
    policy = Policy(profile="safe-harbor", columns={
        "weird: name #1": Drop(action="drop"), "ünï 'q'": Keep(action="keep"),
        "yes": Drop(action="drop")})
    assert parse_policy(render_policy(policy)) == policy


def test_plan_fails_closed_on_uncovered_and_missing_columns() -> None:
    policy = parse_policy(GOOD)
    with pytest.raises(PolicyError, match="not covered by the policy: 'extra'"):
        compile_plan(policy, ("name", "ssn", "zip", "dob", "age", "sex", "extra"), source="f")
    with pytest.raises(PolicyError, match="does not have: 'sex'"):
        compile_plan(policy, ("name", "ssn", "zip", "dob", "age"), source="f")


def test_two_rules_cannot_write_the_same_output() -> None:
    with pytest.raises(PolicyError, match="both write output column"):
        parse_policy("profile: safe-harbor\ncolumns:\n  a: {action: keep}\n"
                     "  b: {action: keep, rename: a}\n")


@pytest.mark.parametrize(("rule", "fragment"), [
    ("{action: keep, category: G}", "not allowed"),
    ("{action: mask, keep_last: 4, category: G}", "Q3.2"),
    ("{action: year_only, top_code_years: false, category: C}", "over 89"),
    ("{action: top_code, at: 95, category: C}", "top-code at 90"),
    ("{action: zip3, category: G}", "not allowed"),
])
def test_safe_harbor_violations(rule: str, fragment: str) -> None:
    policy = parse_policy(f"profile: safe-harbor\ncolumns:\n  c: {rule}\n")
    with pytest.raises(PolicyError, match="does not meet Safe Harbor") as caught:
        check_safe_harbor(policy, None)
    assert fragment in str(caught.value)


def test_safe_harbor_warns_on_derived_tokens() -> None:
    policy = parse_policy("profile: safe-harbor\ncolumns:\n  c: {action: hmac, category: H}\n")
    verdict = check_safe_harbor(policy, None)
    assert any("164.514(c)" in w for w in verdict.warnings)
