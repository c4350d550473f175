"""The `veil dp` command and `veil ledger show|verify`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from veil.dp.ledger_cli import KeyArg, WitnessArg, WitnessLogArg, ledger_app, ledger_files
from veil.errors import InternalError, UsageError

if TYPE_CHECKING:
    from veil.dp.spec import ReleaseSpec

__all__ = ["dp_command", "ledger_app"]

out = Console(highlight=False)

LedgerOpt = Annotated[str | None, typer.Option(
    "--ledger", envvar="VEIL_DP_LEDGER", help="the custodian's budget ledger (made by `veil "
    "ledger init`): a file, sqlite:///file.db or postgresql+psycopg://...; a release spec "
    "cannot choose it")]


def dp_command(
    path: Annotated[Path, typer.Argument(help="the data (CSV, Parquet or JSON lines)")],
    output: Annotated[Path, typer.Option("-o", "--output", help="output directory")],
    spec_file: Annotated[Path | None, typer.Option(
        "--spec", help="the release spec (YAML); see docs/dp.md")] = None,
    ledger: LedgerOpt = None,
    ledger_key: KeyArg = None,
    witness: WitnessArg = None,
    witness_log: WitnessLogArg = None,
    preview: Annotated[bool, typer.Option(
        "--preview", help="data owner only: DP values beside the true values, on a copy, "
        "not charged to the ledger and NOT FOR RELEASE")] = False,
    unit: Annotated[str | None, typer.Option(
        "--unit", help="quick release: the privacy unit column (e.g. patient id)")] = None,
    max_contributions: Annotated[int | None, typer.Option(
        "--max-contributions", help="quick release: rows kept per unit")] = None,
    epsilon: Annotated[float | None, typer.Option(
        "--epsilon", help="quick release: epsilon this release spends")] = None,
    delta: Annotated[float | None, typer.Option(
        "--delta", help="quick release: delta this release spends (needed without --domain)")
    ] = None,
    count_by: Annotated[str | None, typer.Option(
        "--count-by", help="quick release: the column to count by (a DP histogram)")] = None,
    domain: Annotated[str | None, typer.Option(
        "--domain", help="quick release: the public categories of --count-by, comma-"
        "separated (without it, DP key selection, which needs --delta)")] = None,
    budget: Annotated[float | None, typer.Option(
        "--budget", help="quick release: the dataset's total epsilon over all releases")] = None,
    budget_delta: Annotated[float | None, typer.Option(
        "--budget-delta", help="quick release: the dataset's total delta")] = None,
    dataset: Annotated[str | None, typer.Option(
        "--dataset", help="quick release: the dataset's name in the ledger, as the custodian "
        "registered it (default: the file's name)")] = None,
    actor: Annotated[str | None, typer.Option(
        "--actor", help="who releases (default: $VEIL_ACTOR, else the login name)")] = None,
    as_json: Annotated[bool, typer.Option(
        "--json", help="print the released values with their intervals as JSON")] = False,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="replace an existing -o")
                         ] = False,
) -> None:
    """Release differentially private statistics (through OpenDP) and charge the dataset's
    budget ledger; writes release.json, one CSV per query, report.html and manifest.json."""
    from veil.dp.release import release

    quick = {"--unit": unit, "--max-contributions": max_contributions, "--epsilon": epsilon,
             "--count-by": count_by, "--domain": domain, "--budget": budget,
             "--delta": delta, "--budget-delta": budget_delta, "--dataset": dataset}
    given = [name for name, value in quick.items() if value is not None]
    if spec_file is not None:
        if given:
            raise UsageError(f"give either --spec or the quick-release options, not both "
                             f"({', '.join(given)})")
        from veil.dp.spec import load_spec

        spec, text = load_spec(spec_file)
    else:
        spec = _quick(path, unit, max_contributions, epsilon, count_by, domain, budget, delta,
                      budget_delta, dataset)
        text = spec.model_dump_json()
    outcome = release(path, spec, spec_text=text, out_dir=output, ledger_url=ledger,
                      ledger_files=ledger_files(ledger_key, witness, witness_log),
                      actor=actor, preview=preview, overwrite=overwrite)
    if as_json:
        sys.stdout.write(json.dumps(_json_view(outcome.record), indent=2) + "\n")
        return
    _print(outcome.record, output)


def _quick(path: Path, unit: str | None, max_contributions: int | None,
           epsilon: float | None, count_by: str | None, domain: str | None,
           budget: float | None, delta: float | None, budget_delta: float | None,
           dataset: str | None) -> ReleaseSpec:
    from pydantic import ValidationError

    from veil.dp.spec import check_option_numbers, quick_spec

    needed = {"--unit": unit, "--max-contributions": max_contributions,
              "--epsilon": epsilon, "--count-by": count_by, "--budget": budget}
    missing = [name for name, value in needed.items() if value is None]
    if missing:
        raise UsageError(f"a release needs --spec FILE, or the quick-release options; "
                         f"missing {', '.join(missing)}",
                         hint="veil dp FILE --unit patient_id --max-contributions 5 "
                              "--epsilon 1 --budget 3 --count-by diagnosis --domain A,B,C "
                              "-o OUTDIR")
    check_option_numbers({"--epsilon": epsilon, "--budget": budget},
                   {"--delta": delta, "--budget-delta": budget_delta}, max_contributions)
    categories = None
    if domain is not None:
        categories = [c.strip() for c in domain.split(",")]
        if any(not c for c in categories):
            raise UsageError("--domain has an empty category", hint="--domain A,B,C")
    if (delta is None) != (budget_delta is None):
        raise UsageError("give both --delta (this release) and --budget-delta (the total), "
                         "or neither")
    name = dataset or "".join(c if c.isalnum() or c in "_.-" else "_" for c in path.stem)[:64]
    if unit is None or max_contributions is None or epsilon is None or count_by is None \
            or budget is None:
        raise InternalError("a quick-release option checked above is missing")
    try:
        return quick_spec(dataset=name or "dataset", unit=unit,
                          max_contributions=max_contributions, epsilon=epsilon, budget=budget,
                          count_by=count_by, domain=categories, delta=delta,
                          budget_delta=budget_delta)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise UsageError(f"quick release: {where}: "
                         f"{first['msg'].removeprefix('Value error, ')}") from None


def _json_view(record: dict[str, Any]) -> dict[str, Any]:
    """The released values per query, with intervals and the guarantee statement."""
    return {"dataset": record["dataset"], "preview": record["preview"],
            "guarantee": record["guarantee"]["statement"],
            "parameters": record["guarantee"]["parameters"],
            "ledger": record["ledger"],
            "queries": {q["name"]: {"kind": q["kind"], "confidence":
                                    q["accuracy"].get("confidence"), "rows": q["rows"]}
                        for q in record["queries"]}}


def _print(record: dict[str, Any], output: Path) -> None:
    guarantee = record["guarantee"]
    if record["preview"]:
        out.print("[bold red]PREVIEW: true values shown, nothing charged; NOT FOR RELEASE"
                  "[/bold red]")
    out.print(guarantee["statement"])
    if "caution" in guarantee:
        out.print(f"[yellow]caution:[/yellow] {guarantee['caution']}")
    ledger = guarantee.get("ledger")
    if ledger and ledger.get("left_after"):
        left = {k: v for k, v in ledger["left_after"].items() if k != "accounting"}
        out.print("budget left for this dataset: "
                  + ", ".join(f"{k} {v:g}" for k, v in left.items() if v is not None))
    table = Table(title="released queries")
    for name in ("query", "kind", "rows", "interval"):
        table.add_column(name)
    for query in record["queries"]:
        accuracy = query["accuracy"]
        half = accuracy.get("half_width")
        reading = (f"± {half:.4g} at {accuracy['confidence']:.0%}" if half is not None
                   else "per row" if query["kind"] == "mean" else "none")
        table.add_row(query["name"], query["kind"], f"{len(query['rows']):,}", reading)
    out.print(table)
    files = "preview.json, preview.html" if record["preview"] else \
        "release.json, one CSV per query, report.html"
    out.print(f"output: {output} ({files}, manifest.json)")
