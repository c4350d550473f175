"""`veil scan`: classify every column of a file."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from veil.cli.common import FormatOpt, InputArg, JsonOpt, SepOpt, out, print_json, spec


def scan(
    path: InputArg,
    as_json: JsonOpt = False,
    sample_rows: Annotated[int, typer.Option("--sample-rows", min=1)] = 10_000,
    input_format: FormatOpt = None,
    sep: SepOpt = None,
) -> None:
    """Classify every column: which identifier category it holds, with evidence."""
    from veil.pipeline import scan_file

    result = scan_file(spec(path, input_format, sep), sample_rows=sample_rows)
    if as_json:
        print_json(result.to_dict())
        return
    table = Table(title=f"scan of {path.name} ({result.rows_sampled} rows sampled)")
    for name in ("column", "kind", "role", "category", "confidence", "evidence"):
        table.add_column(name)
    for f in result.columns:
        category = "" if f.category is None else f"{f.category.value} ({f.category.number})"
        evidence = f.evidence[0].detail if f.evidence else ""
        table.add_row(f.column, f.kind.value, f.role.value, category,
                      f"{f.confidence:.0%}", evidence)
    out.print(table)
