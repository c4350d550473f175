"""Run `veil deidentify --profile safe-harbor` on every extract and print one Markdown table
of what survived: exit code, surviving planted cells by category, utility columns
changed, planted values found outside the data. Counts only, never a value.

    .venv/bin/python -m tests.shapes.table [--scale 1.0] [--seed 0] [--only visits,ages]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.shapes.audit import audit_run, failed_closed, text_leaks
from tests.shapes.extracts import EXTRACTS, build

REFERENCE = "2026-01-01"


def row(name: str, *, scale: float, seed: int, workdir: Path) -> str:
    """One table row for one extract."""
    default = EXTRACTS[name][1]
    extract = build(name, rows=max(50, int(default * scale)), seed=seed)
    run_dir = workdir / name
    run_dir.mkdir()
    source = extract.write(run_dir)
    out = run_dir / "out"
    done = subprocess.run(
        [sys.executable, "-m", "veil", "deidentify", str(source), "--profile", "safe-harbor",
         "--reference-date", REFERENCE, "-o", str(out)],
        capture_output=True, text=True, check=False)
    messages = done.stdout + "\n" + done.stderr
    if done.returncode != 0:
        problems = failed_closed(extract, run_dir, out, source, messages)
        verdict = "failed closed" if not problems else "NOT closed: " + "; ".join(problems)
        return f"| {name} | {done.returncode} | {verdict} | - | - |"
    audit = audit_run(extract, source, out)
    by_category = ", ".join(f"{c}: {n}" for c, n in sorted(audit.by_category().items()))
    lost = ", ".join(f"{u.column} {'missing' if u.missing else f'{u.lost}/{u.rows}'}"
                     for u in audit.utility if u.lost)
    places = audit.leaked_into()
    for leak in text_leaks(messages, extract.planted, "terminal"):
        places["terminal"] = places.get("terminal", 0) + leak.values
    leaks = ", ".join(f"{where}: {n}" for where, n in sorted(places.items()))
    return (f"| {name} | 0 | {audit.surviving()} ({by_category or 'none'}) | "
            f"{lost or 'none'} | {leaks or 'none'} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", default="", help="comma-separated extract names")
    args = parser.parse_args()
    names = [n for n in args.only.split(",") if n] or list(EXTRACTS)
    print("| extract | exit | surviving planted cells (by category) | utility lost | "
          "planted values outside the data (distinct) |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            print(row(name, scale=args.scale, seed=args.seed, workdir=Path(tmp)), flush=True)


if __name__ == "__main__":
    main()
