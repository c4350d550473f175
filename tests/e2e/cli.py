"""Run the `veil` command in-process, as a user would call it, capturing its output."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pytest

from veil.cli import main


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> Outcome:
    """Call `veil ARGS...` and return its exit code and output."""
    old = sys.argv
    sys.argv = ["veil", *args]
    try:
        main()
        code = 0
    except SystemExit as done:
        code = int(done.code or 0) if not isinstance(done.code, str) else 1
    finally:
        sys.argv = old
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err)
