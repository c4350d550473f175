"""`veil init` (propose a policy from a scan) and `veil plan` (show what it will do)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from veil.cli.common import FormatOpt, InputArg, ReferenceDateOpt, SepOpt, out, reference_date, spec
from veil.errors import UsageError


def init(
    path: InputArg,
    output: Annotated[Path, typer.Option("-o", "--output", help="policy file to write")],
    profile: Annotated[str, typer.Option("--profile", help="safe-harbor")] = "safe-harbor",
    reference_date_: ReferenceDateOpt = None,
    overwrite: Annotated[bool, typer.Option("--overwrite")] = False,
    input_format: FormatOpt = None,
    sep: SepOpt = None,
) -> None:
    """Write a policy proposed from a scan, with a comment per column saying why."""
    from veil.io.write import atomic_file
    from veil.pipeline import propose_policy, scan_file

    source = spec(path, input_format, sep)
    if output.exists() and not overwrite:
        raise UsageError(f"{output}: exists", hint="choose another -o or pass --overwrite")
    proposal = propose_policy(scan_file(source), profile=profile,
                              reference_date=reference_date(reference_date_) or dt.date.today())
    with atomic_file(output) as staging:
        staging.write_text(proposal.text, encoding="utf-8")
    out.print(f"wrote policy for {len(proposal.policy.columns)} columns to {output}")
    for warning in proposal.warnings:
        out.print(f"[yellow]warning:[/yellow] {warning}", markup=True, highlight=False)


def plan(
    path: InputArg,
    policy: Annotated[Path, typer.Option("--policy", help="policy YAML")],
    input_format: FormatOpt = None,
    sep: SepOpt = None,
) -> None:
    """Show what a policy will do to each column, without running it."""
    from veil.plan import compile_plan
    from veil.policy.load import load_policy

    dataset = spec(path, input_format, sep).open()
    compiled = compile_plan(load_policy(policy), dataset.columns, source=str(path))
    table = Table(title=f"plan for {path.name}")
    for name in ("column", "action", "output", "category", "options"):
        table.add_column(name)
    for step in compiled.describe():
        table.add_row(step["column"], step["action"], step["output"] or "(dropped)",
                      step["category"] or "", json.dumps(step["options"]) if step["options"]
                      else "")
    out.print(table)
