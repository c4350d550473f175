"""What every `veil` command shares: the console, the --debug state, the input options
and the small parsers that turn option strings into library values.

Command modules import from here; nothing here imports a command module, so the
command modules stay independent of each other and of `veil.cli.app`.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from veil.engines.cli import EngineOpt as EngineOpt
from veil.engines.cli import MasterOpt as MasterOpt
from veil.engines.cli import SparkConfOpt as SparkConfOpt
from veil.engines.cli import engine as engine
from veil.errors import UsageError

if TYPE_CHECKING:  # the CLI imports its heavy modules lazily, per command
    from veil.io.formats import Format
    from veil.pipeline import InputSpec

out = Console(soft_wrap=True)
state = {"debug": False}

InputArg = Annotated[Path, typer.Argument(help="input file: .csv, .parquet or .jsonl")]
FormatOpt = Annotated[str | None, typer.Option("--input-format",
                      help="force the input format: csv, parquet or jsonl")]
SepOpt = Annotated[str | None, typer.Option("--sep", help="force the CSV separator")]
JsonOpt = Annotated[bool, typer.Option("--json", help="machine-readable output")]
OutFormatOpt = Annotated[str | None, typer.Option(
    "--format", help="output format (default: the input's): csv, parquet or jsonl")]
OutDirOpt = Annotated[Path, typer.Option("-o", "--output", help="output directory")]
OverwriteOpt = Annotated[bool, typer.Option("--overwrite", help="replace an existing -o")]
ReferenceDateOpt = Annotated[str | None, typer.Option(
    "--reference-date", help="date ages are computed at (default: today)")]


def spec(path: Path, input_format: str | None, sep: str | None) -> InputSpec:
    """The input file as the pipeline opens it, from the command's input options."""
    from veil.io.formats import parse_format
    from veil.pipeline import InputSpec

    checked = separator(sep)
    return InputSpec(path, None if input_format is None else parse_format(input_format),
                     checked)


def separator(sep: str | None) -> str | None:
    """--sep, checked: one character or nothing."""
    if sep is not None and len(sep) != 1:
        raise UsageError(f"--sep must be one character, got {len(sep)}")
    return sep


def reference_date(value: str | None) -> dt.date | None:
    """--reference-date as a date (None when not given)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError("--reference-date must be an ISO date like 2026-01-31") from None


def names(value: str | None, option: str) -> list[str]:
    """A comma-separated list of column names; given but empty is an error."""
    listed = [n.strip() for n in (value or "").split(",") if n.strip()]
    if value is not None and not listed:
        raise UsageError(f"{option} needs at least one column name")
    return listed


def output_format(name: str | None) -> Format | None:
    """--format as a Format (None: the input's)."""
    from veil.io.formats import parse_format

    return None if name is None else parse_format(name)


def print_json(data: object) -> None:
    """Machine-readable output: indented JSON on stdout, nothing else."""
    sys.stdout.write(json.dumps(data, indent=2) + "\n")
