"""A table of bad inputs: each gives one line on stderr naming the file and the
problem, exit code 2, no traceback, no cell value, and no output written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.cli import run_cli

SECRET_VALUE = "Zebediah-987-65-4321"  # planted in bad files: must never be echoed

GOOD_POLICY = "profile: safe-harbor\ncolumns:\n  a: {action: drop}\n  b: {action: drop}\n"


def _write(name: str, content: bytes) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(content)
        return path
    return make


S = SECRET_VALUE.encode()
CASES: list[tuple[str, Callable[[Path], Path], str]] = [
    ("empty file", _write("e.csv", b""), "empty"),
    ("blank file", _write("e.csv", b"\n\n  \n"), "empty"),
    ("header only", _write("h.csv", b"a,b\n"), "no data rows"),
    ("short row", _write("r.csv", b"a,b,c\n1,2,3\n" + S + b",5\n"), "line 3 has 2 fields"),
    ("long row", _write("r.csv", b"a,b\n1,2\n3,4," + S + b"\n"), "line 3 has 3 fields"),
    ("latin-1 bytes", _write("l.csv", b"a,b\n1,caf\xe9 " + S + b"\n"), "line 2"),
    ("duplicate headers", _write("d.csv", b"a,a\n1,2\n"), "duplicate column name"),
    ("empty header name", _write("d.csv", b"a,,c\n1,2,3\n"), "empty column name"),
    ("binary junk", _write("j.csv", b"\x00\x01\x02" + S + b"\xff" * 100), "binary"),
    ("fake parquet", _write("f.parquet", b"a,b\n1," + S + b"\n"), "not a Parquet file"),
    ("truncated parquet", _write("t.parquet", b"PAR1" + S + b"PAR1"), "Parquet"),
    ("unterminated quote", _write("q.csv", b'a,b\n1,"' + S + b"\n2,3\n"), "malformed CSV"),
    ("bad json lines", _write("b.jsonl", b'{"a": 1}\n{"a": ' + S + b"\n"), "line 2"),
    ("missing file", lambda tmp: tmp / "nope.csv", "no such file"),
    ("unknown extension", _write("x.xlsx", b"a,b\n1,2\n"), "cannot tell the file format"),
]


@pytest.mark.parametrize(("label", "make", "fragment"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("command", ["deidentify", "apply", "scan"])
def test_bad_input_is_one_clean_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     label: str, make: Callable[[Path], Path], fragment: str,
                                     command: str) -> None:
    path = make(tmp_path)
    policy = tmp_path / "policy.yaml"
    policy.write_text(GOOD_POLICY)
    out = tmp_path / "out"
    args = {
        "deidentify": ["deidentify", str(path), "-o", str(out)],
        "apply": ["apply", str(path), "--policy", str(policy), "-o", str(out)],
        "scan": ["scan", str(path)],
    }[command]
    outcome = run_cli(capsys, *args)
    assert outcome.code == 2, outcome
    lines = outcome.stderr.strip().splitlines()
    assert len(lines) == 1, outcome.stderr
    assert lines[0].startswith("veil: error: ")
    assert path.name in lines[0]
    assert fragment in lines[0]
    assert "Traceback" not in outcome.stderr
    assert SECRET_VALUE not in outcome.stderr + outcome.stdout
    assert "987" not in lines[0]
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


POLICY_CASES = [
    ("invalid yaml", "profile: [safe-harbor\n", "line"),
    ("unknown action", "profile: safe-harbor\ncolumns:\n  a: {action: scramble}\n"
     "  b: {action: drop}\n", "line 3"),
    ("unknown option", "profile: safe-harbor\ncolumns:\n  a: {action: drop, force: yes}\n"
     "  b: {action: drop}\n", "unknown option 'force'"),
    ("uncovered column", "profile: safe-harbor\ncolumns:\n  a: {action: drop}\n",
     "not covered by the policy: 'b'"),
    ("keeps an SSN", "profile: safe-harbor\ncolumns:\n  a: {action: drop}\n"
     "  b: {action: keep}\n", "does not meet Safe Harbor"),
]


@pytest.mark.parametrize(("label", "text", "fragment"), POLICY_CASES,
                         ids=[c[0] for c in POLICY_CASES])
def test_bad_policy_is_one_clean_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      label: str, text: str, fragment: str) -> None:
    data = tmp_path / "d.csv"
    ssns = "\n".join(f"x{i},{100 + i:03d}-{10 + i % 80:02d}-{1000 + i:04d}" for i in range(60))
    data.write_text("a,b\n" + ssns + "\n")
    policy = tmp_path / "policy.yaml"
    policy.write_text(text)
    out = tmp_path / "out"
    outcome = run_cli(capsys, "apply", str(data), "--policy", str(policy), "-o", str(out))
    assert outcome.code == 2, outcome
    lines = outcome.stderr.strip().splitlines()
    assert len(lines) == 1, outcome.stderr
    assert fragment in lines[0]
    assert "-10-1000" not in outcome.stderr
    assert not out.exists()


def test_unknown_cli_option_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_cli(capsys, "deidentify", "x.csv", "-o", str(tmp_path / "o"), "--frobnicate")
    assert outcome.code == 2
    assert "frobnicate" in outcome.stderr
