"""`veil verify`: check any file for residual identifiers (exit code 3 when found)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from veil.cli.common import (
    EngineOpt,
    FormatOpt,
    InputArg,
    JsonOpt,
    MasterOpt,
    SepOpt,
    SparkConfOpt,
    engine,
    out,
    print_json,
    separator,
)
from veil.errors import UsageError

if TYPE_CHECKING:
    from veil.verify import Verification


def verify(
    path: InputArg,
    profile: Annotated[str, typer.Option("--profile", help="safe-harbor")] = "safe-harbor",
    as_json: JsonOpt = False,
    owner_report: Annotated[Path | None, typer.Option(
        "--report", help="write the data owner's JSON report (with the first row positions of "
        "each finding, never values) to this file")] = None,
    input_format: FormatOpt = None,
    sep: SepOpt = None,
    engine_: EngineOpt = "polars",
    master: MasterOpt = None,
    spark_conf: SparkConfOpt = None,
) -> None:
    """Check every value and column name of any file for residual identifiers.

    Exit code 0: nothing found; 3: residual identifiers (counted by column and
    category, never shown); 2: the file or an option is wrong.
    """
    from veil.io.formats import parse_format
    from veil.verify import verify_file

    if profile != "safe-harbor":
        raise UsageError(f"profile {profile!r} is not implemented for verify",
                         hint="use --profile safe-harbor")
    found = verify_file(path, fmt=None if input_format is None else parse_format(input_format),
                        separator=separator(sep), engine=engine(engine_, master, spark_conf))
    if owner_report is not None:
        from veil.io.write import atomic_file

        with atomic_file(owner_report) as temporary:
            temporary.write_text(json.dumps(found.to_dict(rows=True), indent=2) + "\n",
                                 encoding="utf-8")
    if as_json:
        print_json(found.to_dict(rows=False))
    else:
        _print_verification(found)
    if not found.passed:
        raise typer.Exit(3)


def _print_verification(found: Verification) -> None:
    out.print(found.summary_line(), highlight=False)
    if found.passed:
        return
    table = Table(title="residual identifiers (counts, never values)")
    for name in ("column", "category", "detector", "values"):
        table.add_column(name)
    for item in found.failures:
        table.add_row(item.column, f"{item.category.value} {item.category.label}",
                      item.detector, f"{item.values:,}")
    out.print(table)
