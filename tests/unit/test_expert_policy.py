"""The `expert:` policy section: parsing, errors with lines, resolving against data, and
the same targets built from command-line options."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import polars as pl
import pytest

from veil.anonymize import (
    METRICS,
    DistinctLDiversity,
    EntropyLDiversity,
    KAnonymity,
    MaxRisk,
    RecursiveCLDiversity,
    TCloseness,
)
from veil.anonymize.targets import resolve
from veil.errors import HierarchyError, PolicyError, UsageError
from veil.policy.expert import (
    AutoBuilder,
    Expert,
    HierarchyFile,
    IntervalsBuilder,
    MaskingBuilder,
    MetricName,
)
from veil.policy.expert_options import CommandLineTargets
from veil.policy.load import load_expert, parse_policy

EXAMPLE = """\
expert:
  quasi_identifiers:
    age: {hierarchy: hierarchies/adult_hierarchy_age.csv}   # relative to the policy
    zip: {builder: masking}
    weight: {builder: intervals, width: 10, fanout: 2}
    admit_date: {builder: dates}
    sex: {builder: auto}
  privacy: {k: 5, l: [{attribute: diagnosis, value: 3, variant: entropy}],
            t: [{attribute: diagnosis, value: 0.2, distance: equal}], max_risk: 0.09}
  suppression: 0.02
  metric: loss
  keep: [length_of_stay]
  drop: [name]
"""

SECRET = "Zebediah-4417"  # a cell value: must never reach a message


def _expert(body: str) -> Expert:
    policy = parse_policy(body, source="p.yaml")
    assert policy.expert is not None
    return policy.expert


def test_example_policy_with_only_an_expert_section_loads() -> None:
    policy = parse_policy(EXAMPLE)
    assert policy.profile == "expert"
    assert policy.columns == {}
    expert = policy.expert
    assert expert is not None
    assert expert.quasi == ("age", "zip", "weight", "admit_date", "sex")
    assert expert.quasi_identifiers["age"] == HierarchyFile(
        hierarchy=Path("hierarchies/adult_hierarchy_age.csv"))
    assert expert.quasi_identifiers["zip"] == MaskingBuilder(builder="masking")
    assert expert.quasi_identifiers["weight"] == IntervalsBuilder(builder="intervals", width=10,
                                                                  fanout=2)
    assert expert.privacy.k == 5
    assert expert.privacy.max_risk == 0.09
    assert expert.privacy.sensitive == ("diagnosis",)
    assert (expert.suppression, expert.metric) == (0.02, "loss")
    assert (expert.keep, expert.drop) == (("length_of_stay",), ("name",))


def test_shorthands_and_a_safe_harbor_policy_with_an_expert_section() -> None:
    expert = _expert("expert:\n  quasi_identifiers: {sex: auto, zip: masking, age: a.csv}\n"
                     "  privacy: {k: 2}\n")
    assert expert.quasi_identifiers["sex"] == AutoBuilder(builder="auto")
    assert expert.quasi_identifiers["zip"] == MaskingBuilder(builder="masking")
    assert expert.quasi_identifiers["age"] == HierarchyFile(hierarchy=Path("a.csv"))
    both = parse_policy("profile: safe-harbor\ncolumns:\n  a: {action: drop}\n"
                        "expert:\n  quasi_identifiers: {a: auto}\n  privacy: {k: 2}\n")
    assert both.profile == "safe-harbor"
    assert both.expert is not None


def test_the_metric_names_are_the_engines() -> None:
    assert set(get_args(MetricName)) == set(METRICS)


QI = "expert:\n  quasi_identifiers:\n    zip: auto\n"
BAD = [
    ("unknown builder", "expert:\n  quasi_identifiers:\n    zip: {builder: maskng}\n"
     "  privacy: {k: 5}\n", 3, "expected {hierarchy: FILE} or {builder:"),
    ("neither file nor builder", "expert:\n  quasi_identifiers:\n    zip: {}\n"
     "  privacy: {k: 5}\n", 3, "expected {hierarchy: FILE}"),
    ("bad builder option", "expert:\n  quasi_identifiers:\n    zip: {builder: masking, step: 0}\n"
     "  privacy: {k: 5}\n", 3, "greater than or equal to 1"),
    ("unknown builder option", "expert:\n  quasi_identifiers:\n"
     "    zip: {builder: masking, keep: 2}\n  privacy: {k: 5}\n", 3, "unknown option 'keep'"),
    ("intervals without width", "expert:\n  quasi_identifiers:\n"
     "    w: {builder: intervals}\n  privacy: {k: 5}\n", 3, "required field is missing"),
    ("mapping file and groups", "expert:\n  quasi_identifiers:\n"
     "    w: {builder: mapping, file: m.yaml, groups: {a: [b]}}\n  privacy: {k: 5}\n", 3,
     "exactly one of 'file' or 'groups'"),
    ("no model", QI + "  privacy: {}\n", 4, "at least one privacy model"),
    ("k zero", QI + "  privacy: {k: 0}\n", 4, "greater than or equal to 1"),
    ("t above one", QI + "  privacy: {t: [{attribute: d, value: 1.5}]}\n", 4,
     "less than or equal to 1"),
    ("fractional distinct l", QI + "  privacy: {l: [{attribute: d, value: 2.5}]}\n", 4,
     "whole number"),
    ("recursive without c", QI + "  privacy: {l: [{attribute: d, value: 2, "
     "variant: recursive}]}\n", 4, "needs 'c'"),
    ("c without recursive", QI + "  privacy: {l: [{attribute: d, value: 2, c: 3}]}\n", 4,
     "recursive l-diversity only"),
    ("hierarchical without hierarchy", QI + "  privacy: {t: [{attribute: d, value: 0.2, "
     "distance: hierarchical}]}\n", 4, "needs the attribute's 'hierarchy'"),
    ("suppression above one", QI + "  privacy: {k: 2}\n  suppression: 1.5\n", 5,
     "less than or equal to 1"),
    ("unknown metric", QI + "  privacy: {k: 2}\n  metric: utility\n", 5, "'loss'"),
    ("quasi and kept", QI + "  privacy: {k: 2}\n  keep: [zip]\n", 1,
     "'zip' cannot be both a quasi-identifier and kept"),
    ("sensitive and dropped", QI + "  privacy: {l: [{attribute: d, value: 2}]}\n"
     "  drop: [d]\n", 1, "'d' cannot be both a sensitive attribute and dropped"),
    ("listed twice", QI + "  privacy: {k: 2}\n  drop: [a, a]\n", 1, "'a' twice"),
    ("unknown key", QI + "  privacy: {k: 2}\n  budget: 3\n", 5, "unknown option 'budget'"),
    ("no quasi-identifiers", "expert:\n  quasi_identifiers: {}\n  privacy: {k: 2}\n", 2,
     "at least 1 item"),
    ("expert profile with columns", "profile: expert\ncolumns:\n  a: {action: drop}\n", 1,
     "reserved"),
]


@pytest.mark.parametrize(("label", "text", "line", "fragment"), BAD, ids=[b[0] for b in BAD])
def test_invalid_expert_sections_name_the_line(label: str, text: str, line: int,
                                               fragment: str) -> None:
    with pytest.raises(PolicyError) as caught:
        parse_policy(text, source="p.yaml")
    message = caught.value.one_line()
    assert message.startswith(f"p.yaml: line {line}: "), message
    assert fragment in message


def test_a_policy_without_an_expert_section_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text("profile: safe-harbor\ncolumns:\n  a: {action: drop}\n")
    with pytest.raises(PolicyError, match="no 'expert' section"):
        load_expert(path)
    path.write_text(EXAMPLE)
    expert, text = load_expert(path)
    assert expert.privacy.k == 5
    assert text == EXAMPLE


# ---------------------------------------------------------------- resolve against data


@pytest.fixture
def frame() -> pl.LazyFrame:
    n = 60
    return pl.LazyFrame({
        "name": [f"{SECRET}{i}" for i in range(n)],
        "age": [str(20 + i % 50) for i in range(n)],
        "zip": [f"021{i % 7:02d}" for i in range(n)],
        "visit": [f"2020-0{1 + i % 9}-1{i % 10}" for i in range(n)],
        "grade": [("low", "mid", "high")[i % 3] for i in range(n)],
        "sex": [("F", "M")[i % 2] for i in range(n)],
        "diagnosis": [("A01", "B02", "C03", "D04")[i % 4] for i in range(n)],
        "stay": [str(i % 9) for i in range(n)],
    })


def _write_hierarchy(path: Path) -> None:
    path.write_text("".join(f"{v};*\n" for v in ("F", "M")))


def test_resolve_builds_hierarchies_and_models(tmp_path: Path, frame: pl.LazyFrame) -> None:
    _write_hierarchy(tmp_path / "data_hierarchy_sex.csv")
    expert = _expert(
        "expert:\n  quasi_identifiers:\n"
        "    age: {builder: intervals, width: 10}\n"
        "    zip: masking\n"
        "    visit: {builder: dates, levels: [month, year]}\n"
        "    grade: {builder: ordered, order: [low, mid, high]}\n"
        "    sex: data_hierarchy_sex.csv\n"
        "  privacy:\n    k: 3\n    max_risk: 0.5\n"
        "    l: [{attribute: diagnosis, value: 2}, {attribute: diagnosis, value: 1.5, "
        "variant: entropy}, {attribute: diagnosis, value: 2, variant: recursive, c: 3}]\n"
        "    t: [{attribute: diagnosis, value: 0.4, distance: hierarchical, hierarchy: auto}]\n"
        "  keep: [stay]\n  drop: [name]\n")
    targets = resolve(expert, frame, base=tmp_path, source="d.csv")
    assert targets.quasi == ("age", "zip", "visit", "grade", "sex")
    assert targets.sensitive == ("diagnosis",)
    assert targets.hierarchies["sex"].height == 2
    assert targets.hierarchies["visit"].height == 4  # day, month, year, *
    assert targets.hierarchies["zip"].levels[1][0] == "0210*"
    kinds = [type(m) for m in targets.models]
    assert kinds == [KAnonymity, MaxRisk, DistinctLDiversity, EntropyLDiversity,
                     RecursiveCLDiversity, TCloseness]
    closeness = targets.models[-1]
    assert isinstance(closeness, TCloseness)
    assert closeness.hierarchy is not None
    assert targets.sources["sex"]["source"] == "file"
    assert targets.sources["sex"]["file"] == "data_hierarchy_sex.csv"
    assert targets.sources["grade"] == {"source": "builder", "builder": "ordered", "fanout": 2,
                                        "separator": "-", "top": "*", "categories": 3,
                                        "levels": targets.hierarchies["grade"].height}
    described = targets.describe_models()
    assert described[0] == {"model": "KAnonymity", "k": 3, "description": "3-anonymity"}
    assert "hierarchy" not in described[-1]


@pytest.mark.parametrize(("body", "error", "fragment"), [
    ("  quasi_identifiers: {sex: auto}\n  privacy: {k: 2}\n  drop: [name]\n", PolicyError,
     "6 columns not covered by the targets (fail closed): 'age', 'zip', 'visit', 'grade', "
     "'diagnosis', 'stay'"),
    ("  quasi_identifiers: {sex: auto, nope: auto}\n  privacy: {k: 2}\n", PolicyError,
     "1 column named as a target is not in the data: 'nope'"),
    ("  quasi_identifiers: {name: auto}\n  privacy: {k: 2}\n  drop: [age, zip, visit, grade, "
     "sex, diagnosis, stay]\n", None, ""),
    ("  quasi_identifiers: {name: {builder: auto, max_categories: 10}}\n  privacy: {k: 2}\n"
     "  drop: [age, zip, visit, grade, sex, diagnosis, stay]\n", HierarchyError,
     "60 distinct values"),
    ("  quasi_identifiers: {sex: missing.csv}\n  privacy: {k: 2}\n  drop: [name, age, zip, "
     "visit, grade, diagnosis, stay]\n", HierarchyError, "no such file"),
])
def test_resolve_fails_closed_naming_columns_never_values(
        tmp_path: Path, frame: pl.LazyFrame, body: str, error: type[Exception] | None,
        fragment: str) -> None:
    expert = _expert("expert:\n" + body)
    if error is None:
        resolve(expert, frame, base=tmp_path, source="d.csv")
        return
    with pytest.raises(error) as caught:
        resolve(expert, frame, base=tmp_path, source="d.csv")
    assert fragment in str(caught.value)
    assert SECRET not in str(caught.value)


# ---------------------------------------------------------------- command-line targets


def test_command_line_targets_become_the_same_expert(tmp_path: Path) -> None:
    _write_hierarchy(tmp_path / "data_hierarchy_sex.csv")
    options = CommandLineTargets(
        qi=("sex", "age"), hierarchies=tmp_path, hierarchy=("age=auto",), k=3,
        l=("diagnosis=2",), l_variant="recursive", c=3.0, t=("diagnosis=0.3",),
        suppression=0.1, keep=("stay",), drop=("name",))
    assert options.given() == ["--qi", "--hierarchies", "--hierarchy", "--k", "--l",
                               "--l-variant", "--c", "--t", "--suppression", "--keep",
                               "--drop"]
    expert = options.to_expert(["sex", "age", "diagnosis", "stay", "name"])
    assert expert.quasi_identifiers["age"] == AutoBuilder(builder="auto")
    assert expert.quasi_identifiers["sex"] == HierarchyFile(
        hierarchy=tmp_path / "data_hierarchy_sex.csv")
    assert expert.privacy.l[0].variant == "recursive"
    assert expert.privacy.l[0].c == 3.0
    assert expert.privacy.t[0].distance == "equal"
    assert (expert.suppression, expert.metric) == (0.1, "loss")
    hierarchical = CommandLineTargets(qi=("age",), hierarchy=("age=auto", "diagnosis=auto"),
                                      t=("diagnosis=0.3",), t_distance="hierarchical")
    assert hierarchical.to_expert().privacy.t[0].hierarchy == AutoBuilder(builder="auto")


@pytest.mark.parametrize(("options", "fragment"), [
    (CommandLineTargets(), "give the quasi-identifiers with --qi"),
    (CommandLineTargets(qi=("age",), hierarchy=("age=auto",), k=0),
     "--k: Input should be greater than or equal to 1; got 0"),
    (CommandLineTargets(qi=("age",), hierarchy=("age=auto",), t=("d=1.5",)),
     "--t: Input should be less than or equal to 1"),
    (CommandLineTargets(qi=("age",), hierarchy=("age=auto",), l=("d=x",)), "--l: "),
    (CommandLineTargets(qi=("age",), hierarchy=("age=auto",), l=("d",)),
     "--l expects ATTR=N"),
    (CommandLineTargets(qi=("age",), hierarchy=("age=auto",), l=("d=2",), c=2.0),
     "--c applies to --l-variant recursive only"),
    (CommandLineTargets(qi=("age",), hierarchy=("age=auto",), l=("d=2",),
                        l_variant="fancy"), "--l-variant: "),
    (CommandLineTargets(qi=("age",), hierarchy=("age=auto",), t=("d=0.2",),
                        t_distance="far"), "--t-distance: "),
    (CommandLineTargets(qi=("age",), hierarchy=("age=auto",), max_risk=2.0),
     "--max-risk: Input should be less than or equal to 1"),
    (CommandLineTargets(qi=("age",), hierarchy=("age=auto",), k=2, metric="fast"),
     "--metric: "),
    (CommandLineTargets(qi=("age",), k=2), "no hierarchy for 'age'"),
    (CommandLineTargets(qi=("age",), hierarchy=("age=auto", "sex=auto"), k=2),
     "--hierarchy names 'sex', which is not a quasi-identifier"),
    (CommandLineTargets(qi=("age", "age"), hierarchy=("age=auto",), k=2),
     "--qi lists a column twice"),
    (CommandLineTargets(qi=("age",), hierarchy=("age=auto",)), "at least one privacy model"),
])
def test_bad_command_line_targets_name_the_option(options: CommandLineTargets,
                                                  fragment: str) -> None:
    with pytest.raises(UsageError) as caught:
        options.to_expert()
    assert fragment in caught.value.one_line()


def test_command_line_names_are_checked_against_the_columns() -> None:
    options = CommandLineTargets(qi=("age", "agee"), hierarchy=("age=auto",), k=2)
    with pytest.raises(UsageError, match="--qi names 1 column not in the data: 'agee'"):
        options.to_expert(["age", "sex"], source="d.csv")
