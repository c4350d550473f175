"""tests/system.py: a missing system program skips its tests locally and fails them in CI."""

from __future__ import annotations

import pytest

from tests.system import in_ci, require


@pytest.mark.parametrize(("value", "expected"), [
    (None, False), ("", False), ("0", False), ("false", False), ("False", False), ("no", False),
    ("true", True), ("1", True), ("yes", True), ("TRUE", True),
])
def test_ci_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch, value: str | None,
                                         expected: bool) -> None:
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)
    assert in_ci() is expected


def test_present_programs_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    require(True, "not shown")


def test_missing_program_skips_locally(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="tool is missing"):
        require(False, "tool is missing")


def test_missing_program_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"tool is missing.*must run, not be skipped"):
        require(False, "tool is missing")
