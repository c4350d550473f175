"""Every module of the library imports first in a fresh interpreter.

A test process imports `veil.text` (and so most modules) before any test runs, which hides
an import cycle that only one order trips: `veil text eval` imported `veil.text.known`
first, whose validators reached the place finder before `validate` had finished. Each
module here is imported first, alone, in its own interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

_SRC = Path(__file__).resolve().parents[2] / "src"
_MODULES = sorted(
    ".".join(path.relative_to(_SRC).with_suffix("").parts)
    for path in (_SRC / "veil").rglob("*.py")
    if path.name != "__main__.py")


def _batches(size: int) -> list[list[str]]:
    return [_MODULES[i:i + size] for i in range(0, len(_MODULES), size)]


@pytest.mark.parametrize("modules", _batches(12), ids=lambda batch: batch[0])
def test_each_module_imports_first(modules: list[str]) -> None:
    """One interpreter per module (in batches of subprocesses, each a fresh interpreter)."""
    failed = []
    for module in modules:
        name = module.removesuffix(".__init__")
        result = subprocess.run([sys.executable, "-c", f"import {name}"],
                                capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            failed.append((module, result.stderr.strip().splitlines()[-1:]))
    assert failed == []
