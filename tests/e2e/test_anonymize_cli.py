"""`veil anonymize` as a user runs it: a policy with builders and command-line targets on
synthetic patients, ARX's optimum on Adult, and bad inputs that exit 2 with one line, write
nothing and never echo a cell value."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from tests.adult_data import ADULT_DIR
from tests.e2e.cli import Outcome, run_cli
from tests.e2e.leaks import surviving_identifiers
from veil.anonymize import DistinctLDiversity
from veil.report.anonymize_html import render_anonymize_html
from veil.risk import assess
from veil.synth.patients import write_patients

ADULT = ADULT_DIR
ADULT_QI = ["sex", "age", "race", "marital-status", "education", "native-country",
            "workclass", "occupation", "salary-class"]
QI = ["sex", "age", "race", "state"]
SENSITIVE = "diagnosis_code"
KEEP = ["length_of_stay", "height_cm", "weight_kg"]
OUTPUTS = {"anonymization.json", "report.html", "manifest.json"}


@pytest.fixture(scope="module")
def patients(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("anon") / "patients.csv"
    write_patients(path, 3000, seed=11)
    return path


@pytest.fixture(scope="module")
def source(patients: Path) -> pl.DataFrame:
    return pl.read_csv(patients, infer_schema=False)


@pytest.fixture(scope="module")
def values(source: pl.DataFrame) -> list[str]:
    """Distinctive cell values of the input (5+ characters, not a bare number)."""
    cells = pl.concat([source.get_column(c).drop_nulls().unique() for c in source.columns])
    distinct = cells.unique()
    return distinct.filter((distinct.str.len_chars() >= 5)
                           & ~distinct.str.contains(r"^[\d.]+$")).to_list()


def _drop(source: pl.DataFrame) -> list[str]:
    return [c for c in source.columns if c not in {*QI, SENSITIVE, *KEEP}]


def _leaks(text: str, values: list[str]) -> list[str]:
    """The values found in `text` as whole words (so "Small" is not in "Smallest")."""
    text = re.sub(r'\sd="[^"]*"', "", text)  # SVG path data: numbers only, and bulky
    return [v for v in values if v in text and re.search(rf"(?<!\w){re.escape(v)}(?!\w)", text)]


def _assert_clean_failure(outcome: Outcome, out: Path, values: list[str]) -> None:
    assert outcome.code == 2, outcome
    lines = outcome.stderr.strip().splitlines()
    assert len(lines) == 1, outcome.stderr
    assert lines[0].startswith("veil: error: ")
    assert "Traceback" not in outcome.stderr
    assert _leaks(outcome.stderr + outcome.stdout, values) == []
    assert not out.exists()
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}")] == []


def test_policy_with_builders_meets_its_targets(patients: Path, source: pl.DataFrame,
                                                values: list[str], tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        "expert:\n  quasi_identifiers:\n    sex: auto\n"
        "    age: {builder: intervals, width: 10, fanout: 2}\n    race: auto\n    state: auto\n"
        f"  privacy:\n    k: 5\n    l: [{{attribute: {SENSITIVE}, value: 2}}]\n"
        "  suppression: 0.05\n"
        f"  keep: [{', '.join(KEEP)}]\n  drop: [{', '.join(_drop(source))}]\n")
    out = tmp_path / "out"
    outcome = run_cli(capsys, "anonymize", str(patients), "--policy", str(policy), "-o",
                      str(out), "--json")
    assert outcome.code == 0, outcome
    summary = json.loads(outcome.stdout)
    assert summary["records"] == 3000
    assert set(summary["levels"]) == set(QI)
    assert summary["smallest_class"] >= 5
    assert {p.name for p in out.iterdir()} == OUTPUTS | {"patients.csv"}
    released = pl.read_csv(out / "patients.csv", infer_schema=False)
    assert released.height == 3000
    assert released.columns == [c for c in source.columns if c in {*QI, SENSITIVE, *KEEP}]
    risk = assess(released, quasi=QI).to_dict()
    assert risk["smallest_class"] >= 5
    assert risk["suppressed_records"] == summary["suppressed"] <= 150
    assert DistinctLDiversity(SENSITIVE, 2).check(released, quasi=QI).satisfied
    assert released.select(KEEP).equals(source.select(KEEP))
    assert surviving_identifiers(source, released) == []
    record = json.loads((out / "anonymization.json").read_text())
    assert record["levels"] == summary["levels"]
    assert record["risk_after"]["smallest_class"] == risk["smallest_class"]
    assert record["models"][1]["description"] == f"distinct-2-diversity({SENSITIVE})"
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["command"] == "anonymize"
    assert manifest["policy_sha256"] == hashlib.sha256(policy.read_bytes()).hexdigest()
    for item in manifest["outputs"]:
        assert hashlib.sha256((out / item["file"]).read_bytes()).hexdigest() == item["sha256"]
    report = (out / "report.html").read_text()
    assert "TARGETS MET" in report
    assert render_anonymize_html(record) == render_anonymize_html(record)  # deterministic
    record["risk_after"]["smallest_class"] = 2  # what if the written file did not hold k?
    assert "CHECK FAILED" in render_anonymize_html(record)
    assert "NO RESULT" in render_anonymize_html({})  # tolerant of a sparse record
    assert re.search(r"<script|https?://|<link|<img", report) is None
    for text in (outcome.stdout, report, (out / "anonymization.json").read_text(),
                 (out / "manifest.json").read_text()):
        assert _leaks(text, values) == []


def test_command_line_targets_explain_and_format(patients: Path, source: pl.DataFrame,
                                                 tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    targets = ["--qi", ",".join(QI), *(x for q in QI for x in ("--hierarchy", f"{q}=auto")),
               "--k", "3", "--l", f"{SENSITIVE}=2", "--l-variant", "entropy",
               "--suppression", "0.1", "--keep", ",".join(KEEP), "--drop",
               ",".join(_drop(source))]
    out = tmp_path / "text"
    outcome = run_cli(capsys, "anonymize", str(patients), "--explain", "-o", str(out),
                      *targets)
    assert outcome.code == 0, outcome
    assert "best 10 transformations" in outcome.stdout
    assert "3-anonymity and entropy-2-diversity(diagnosis_code, shannon)" in outcome.stdout
    out = tmp_path / "json"
    outcome = run_cli(capsys, "anonymize", str(patients), "-o", str(out), *targets,
                      "--json", "--explain", "3", "--format", "parquet", "--time-budget", "60")
    assert outcome.code == 0, outcome
    summary = json.loads(outcome.stdout)
    assert len(summary["candidates"]) == 3
    assert summary["candidates"][0]["levels"] == summary["levels"]
    released = pl.read_parquet(out / "patients.parquet")
    assert assess(released, quasi=QI).to_dict()["smallest_class"] >= 3
    again = tmp_path / "again"
    outcome = run_cli(capsys, "anonymize", str(patients), "-o", str(again), *targets,
                      "--json", "--explain", "3", "--format", "parquet")
    assert outcome.code == 0, outcome
    # reproducible: the same input and targets give a byte-identical release
    assert (again / "patients.parquet").read_bytes() == (out / "patients.parquet").read_bytes()


def test_adult_reproduces_arx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "adult"
    outcome = run_cli(capsys, "anonymize", str(ADULT / "adult.csv"), "-o", str(out),
                      "--qi", ",".join(ADULT_QI), "--hierarchies", str(ADULT), "--k", "5",
                      "--suppression", "0.02", "--json")
    assert outcome.code == 0, outcome
    summary = json.loads(outcome.stdout)
    assert summary["levels"] == {"sex": 0, "age": 3, "race": 0, "marital-status": 2,
                                 "education": 2, "native-country": 1, "workclass": 1,
                                 "occupation": 2, "salary-class": 0}
    assert (summary["suppressed"], summary["classes"], summary["smallest_class"]) == \
        (506, 222, 5)
    assert summary["exhaustive"] is True
    released = pl.read_csv(out / "adult.csv", infer_schema=False)
    risk = assess(released, quasi=ADULT_QI).to_dict()
    assert risk["smallest_class"] >= 5
    assert risk["suppressed_records"] == 506
    original = pl.read_csv(ADULT / "adult.csv", separator=";", infer_schema=False)
    cells = pl.concat([original.get_column(c).unique() for c in ADULT_QI]).unique()
    distinct = cells.filter((cells.str.len_chars() >= 5) & ~cells.str.contains(r"^\d+$"))
    for name in ("report.html", "anonymization.json"):
        assert _leaks((out / name).read_text(), distinct.to_list()) == []


Args = Callable[[Path, Path, pl.DataFrame], list[str]]


def _options(*extra: str, qi: tuple[str, ...] = tuple(QI), sex: str = "auto") -> Args:
    def make(data: Path, tmp: Path, source: pl.DataFrame) -> list[str]:
        hierarchies = [x for q in qi for x in ("--hierarchy",
                                                 f"{q}={sex if q == 'sex' else 'auto'}")]
        drop = [c for c in _drop(source) if c not in qi]
        keep = ",".join([*KEEP, SENSITIVE])
        return [str(data), "--qi", ",".join(qi), *hierarchies, "--keep", keep,
                "--drop", ",".join(drop), *extra]
    return make


def _policy(text: str) -> Args:
    def make(data: Path, tmp: Path, source: pl.DataFrame) -> list[str]:
        path = tmp / "policy.yaml"
        path.write_text(text)
        return [str(data), "--policy", str(path)]
    return make


def _uncovered(data: Path, tmp: Path, source: pl.DataFrame) -> list[str]:
    return [str(data), "--qi", "sex", "--hierarchy", "sex=auto", "--k", "2"]


BAD: list[tuple[str, Args, str]] = [
    ("uncovered columns", _uncovered, "not covered by the targets (fail closed): 'mrn', "),
    ("unknown attribute", _options("--k", "2", qi=("sex", "nope")),
     "--qi names 1 column not in the data: 'nope'"),
    ("k zero", _options("--k", "0"), "--k: Input should be greater than or equal to 1"),
    ("t above one", _options("--t", f"{SENSITIVE}=1.5"), "--t: Input should be less than"),
    ("missing hierarchy", _options("--k", "2", sex="/nonexistent/h.csv"),
     "no such file"),
    ("no solution", _options("--k", "100000", "--suppression", "0.02"),
     "no transformation meets 100000-anonymity with at most 2 % suppression"),
    ("invalid policy yaml", _policy("expert: [quasi\n"), "line"),
    ("policy without expert", _policy("profile: safe-harbor\ncolumns: {a: {action: drop}}\n"),
     "no 'expert' section"),
    ("policy and options", lambda d, t, s: [*_policy("expert: {}\n")(d, t, s), "--k", "5"],
     "give either --policy or target options, not both (--k)"),
    ("unknown option", _options("--k", "2", "--frobnicate"), "No such option: --frobnicate"),
    ("bad number", _options("--k", "two"), "Invalid value for '--k'"),
]


@pytest.mark.parametrize(("label", "make", "fragment"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_one_line_and_writes_nothing(
        patients: Path, source: pl.DataFrame, values: list[str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str], label: str, make: Args, fragment: str) -> None:
    out = tmp_path / "out"
    outcome = run_cli(capsys, "anonymize", *make(patients, tmp_path, source), "-o", str(out))
    _assert_clean_failure(outcome, out, values)
    assert fragment in outcome.stderr


def test_existing_output_is_kept_unless_overwrite(patients: Path, source: pl.DataFrame,
                                                  tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("precious")
    args = _options("--k", "2")(patients, tmp_path, source)
    outcome = run_cli(capsys, "anonymize", *args, "-o", str(out))
    assert outcome.code == 2
    assert "--overwrite" in outcome.stderr
    assert (out / "keep.txt").read_text() == "precious"
