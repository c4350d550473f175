"""Safe Harbor on data veil has never seen (issue 11): nineteen EHR extracts shaped unlike
the project's generator (tests/shapes/extracts.py), each with known planted identifiers.

For each extract the real CLI runs `veil deidentify FILE --profile safe-harbor
--reference-date 2026-01-01 -o OUT`, and then EITHER
  - it exited 0 and no planted identifier survives in the output data (any column, any
    form: tests/shapes/audit.py), none is in report.json, report.html, policy.yaml,
    manifest.json, the output's column names or the terminal output; and, asserted
    separately (UTILITY), the clinical columns come through unchanged;
  - OR it failed closed: non-zero exit, no output directory and nothing else written,
    a message naming columns or categories with counts, never a value.

Failure messages give counts, column labels and categories only, never a planted value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from tests.e2e.cli import run_cli
from tests.shapes.audit import Audit, audit_run, failed_closed, text_leaks
from tests.shapes.extracts import EXTRACTS, build
from tests.shapes.model import Extract

REFERENCE = "2026-01-01"
NAMES = list(EXTRACTS)


@dataclass(frozen=True)
class Run:
    extract: Extract
    code: int
    messages: str = field(repr=False)
    audit: Audit | None = field(repr=False)
    """the audit of the output, when the run exited 0"""
    not_closed: list[str] = field(repr=False)
    """why a run that exited non-zero did not fail closed (empty when it did)"""


_RUNS: dict[str, Run] = {}


def deidentify(name: str, capsys: pytest.CaptureFixture[str],
               factory: pytest.TempPathFactory) -> Run:
    """Run the CLI once per extract (the three tests of an extract share the run)."""
    if name not in _RUNS:
        extract = build(name)
        run_dir = factory.mktemp(name)
        source = extract.write(run_dir)
        out = run_dir / "out"
        outcome = run_cli(capsys, "deidentify", str(source), "--profile", "safe-harbor",
                          "--reference-date", REFERENCE, "-o", str(out))
        messages = outcome.stdout + "\n" + outcome.stderr
        if outcome.code == 0:
            _RUNS[name] = Run(extract, 0, messages, audit_run(extract, source, out), [])
        else:
            _RUNS[name] = Run(extract, outcome.code, messages, None,
                              failed_closed(extract, run_dir, out, source, messages))
    return _RUNS[name]


def _finished(run: Run) -> Audit:
    """The audit of a run that wrote its output; skips when the run failed closed."""
    if run.audit is None:
        assert run.not_closed == [], (
            f"{run.extract.name}: exit {run.code} without failing closed: "
            + "; ".join(run.not_closed))
        pytest.skip(f"{run.extract.name}: failed closed (exit {run.code}), nothing written")
    return run.audit


@pytest.mark.parametrize("name", NAMES)
def test_no_planted_identifier_survives_or_the_run_fails_closed(
        name: str, capsys: pytest.CaptureFixture[str],
        tmp_path_factory: pytest.TempPathFactory) -> None:
    run = deidentify(name, capsys, tmp_path_factory)
    if run.code != 0:
        assert run.not_closed == [], (
            f"{name}: exit {run.code} without failing closed: " + "; ".join(run.not_closed))
        return
    assert run.audit is not None
    surviving = run.audit.surviving()
    assert surviving == 0, run.audit.survivors_text()


@pytest.mark.parametrize("name", NAMES)
def test_no_planted_value_in_reports_policy_manifest_headers_or_terminal(
        name: str, capsys: pytest.CaptureFixture[str],
        tmp_path_factory: pytest.TempPathFactory) -> None:
    run = deidentify(name, capsys, tmp_path_factory)
    audit = _finished(run)
    terminal = text_leaks(run.messages, run.extract.planted, "terminal")
    leaks = [*audit.leaks, *terminal]
    assert leaks == [], "\n".join(
        f"  {leak.where}: {leak.values} planted values of {leak.label} "
        f"[{leak.category.value}]" for leak in leaks)


@pytest.mark.parametrize("name", NAMES)
def test_utility_columns_come_through_unchanged(
        name: str, capsys: pytest.CaptureFixture[str],
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """UTILITY, not privacy: clinical codes, measurements, low-cardinality categories and
    ages up to 89 are kept as they were."""
    run = deidentify(name, capsys, tmp_path_factory)
    audit = _finished(run)
    lost = audit.utility_lost()
    assert lost == 0, audit.utility_text()
