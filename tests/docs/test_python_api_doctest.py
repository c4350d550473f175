"""docs/python-api.md is a doctest: its `pycon` blocks run in order, in an empty
temporary directory, and must print what the page says."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

PAGE = Path(__file__).resolve().parents[2] / "docs" / "python-api.md"
BLOCK = re.compile(r"^```pycon\n(.*?)^```", re.MULTILINE | re.DOTALL)


def test_page_has_examples() -> None:
    blocks = BLOCK.findall(PAGE.read_text(encoding="utf-8"))
    assert len(blocks) >= 10
    assert all(">>>" in block for block in blocks)


def test_python_api_page_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VEIL_SECRET", raising=False)
    monkeypatch.delenv("VEIL_VAULT_WITNESS", raising=False)
    monkeypatch.setenv("VEIL_ACTOR", "doctest")
    text = _examples(PAGE.read_text(encoding="utf-8"))
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {}, PAGE.name, str(PAGE), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted > 30
    assert result.failed == 0, f"{result.failed} example(s) of {PAGE.name} failed (see above)"


def _examples(page: str) -> str:
    """The page with every line outside a `pycon` block blanked (line numbers kept)."""
    lines, inside = [], False
    for line in page.splitlines():
        if line.startswith("```"):
            inside = line == "```pycon"
            lines.append("")
        else:
            lines.append(line if inside else "")
    return "\n".join(lines) + "\n"
