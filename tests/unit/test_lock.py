"""requirements.lock pins every dependency pyproject.toml declares, within its range.

`make` installs with `pip install -c requirements.lock -e '.[test]'`: a requirement the
lock does not pin would install whatever is newest that day, and a pin outside the
declared range would make pip's resolution fail. Either means `make lock` was not run
after pyproject.toml changed.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _lock() -> dict[str, Version]:
    pins: dict[str, Version] = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, sep, version = line.partition("==")
        assert sep and version, f"not an exact pin: {line!r}"
        pins[_canonical(name)] = Version(version)
    return pins


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in [*project["dependencies"],
                                     *project["optional-dependencies"]["test"]]]


def test_every_line_is_an_exact_pin_of_a_distinct_package() -> None:
    lines = [line for line in (ROOT / "requirements.lock").read_text(encoding="utf-8")
             .splitlines() if line.strip() and not line.startswith("#")]
    assert len(_lock()) == len(lines) > 0


def test_every_declared_dependency_is_pinned_within_its_range() -> None:
    pins = _lock()
    for requirement in _declared():
        name = _canonical(requirement.name)
        assert name in pins, f"{requirement.name} is not in requirements.lock: run make lock"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"requirements.lock pins {requirement.name} {pins[name]}, outside "
            f"{requirement.specifier}: run make lock")


def test_the_crosscheck_environment_is_pinned_exactly() -> None:
    text = (ROOT / "tests" / "crosscheck" / "requirements.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert lines and all(re.fullmatch(r"[A-Za-z0-9_.-]+==[\w.+!-]+", line) for line in lines)
