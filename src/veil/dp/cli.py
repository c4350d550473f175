"""The `veil dp` command and `veil ledger show|verify`."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from veil.errors import InternalError, UsageError

if TYPE_CHECKING:
    from veil.dp.spec import ReleaseSpec

out = Console(highlight=False)

ledger_app = typer.Typer(help="The DP budget ledger: what each dataset has spent, and a check "
                              "that no entry was edited or removed.", no_args_is_help=True)

LedgerOpt = Annotated[str | None, typer.Option(
    "--ledger", help="the budget ledger: sqlite:///file.db or postgresql+psycopg://... "
    "(default: the spec's 'ledger', else veil-dp-ledger.sqlite beside the input)")]


def dp_command(
    path: Annotated[Path, typer.Argument(help="the data (CSV, Parquet or JSON lines)")],
    output: Annotated[Path, typer.Option("-o", "--output", help="output directory")],
    spec_file: Annotated[Path | None, typer.Option(
        "--spec", help="the release spec (YAML); see docs/dp.md")] = None,
    ledger: LedgerOpt = None,
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
        "--dataset", help="quick release: the dataset's name in the ledger (default: the "
        "file's name)")] = None,
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

    from veil.dp.spec import quick_spec

    needed = {"--unit": unit, "--max-contributions": max_contributions,
              "--epsilon": epsilon, "--count-by": count_by, "--budget": budget}
    missing = [name for name, value in needed.items() if value is None]
    if missing:
        raise UsageError(f"a release needs --spec FILE, or the quick-release options; "
                         f"missing {', '.join(missing)}",
                         hint="veil dp FILE --unit patient_id --max-contributions 5 "
                              "--epsilon 1 --budget 3 --count-by diagnosis --domain A,B,C "
                              "-o OUTDIR")
    _check_numbers({"--epsilon": epsilon, "--budget": budget},
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


def _check_numbers(positive: dict[str, float | None], probabilities: dict[str, float | None],
                   max_contributions: int | None) -> None:
    """Every numeric quick-release option in its range, named as the user typed it."""
    from veil.dp.spec import MAX_CONTRIBUTIONS

    for name, value in positive.items():
        if value is not None and not (math.isfinite(value) and value > 0):
            raise UsageError(f"{name} must be a finite number greater than 0; got {value:g}",
                             hint=f"{name} is an epsilon: for example {name} 1 (a zero "
                             "epsilon allows no release at all)")
    for name, value in probabilities.items():
        if value is not None and not (math.isfinite(value) and 0 < value < 1):
            raise UsageError(f"{name} must be a number strictly between 0 and 1; got "
                             f"{value:g}", hint=f"for example {name} 1e-7 (omit --delta and "
                             "--budget-delta for pure DP)")
    if max_contributions is not None and not 1 <= max_contributions <= MAX_CONTRIBUTIONS:
        raise UsageError(f"--max-contributions must be a whole number from 1 to "
                         f"{MAX_CONTRIBUTIONS:,}; got {max_contributions}",
                         hint="the rows kept per privacy unit: for example "
                         "--max-contributions 5")


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


@ledger_app.command("show")
def show(
    ledger: Annotated[str, typer.Option("--ledger", help="the budget ledger URL")],
    dataset: Annotated[str | None, typer.Option("--dataset", help="only this dataset")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="machine-readable output")] = False,
) -> None:
    """List the ledger's entries and what each dataset has left."""
    from veil.dp.ledger import Ledger

    with Ledger.open(ledger) as opened:
        entries = opened.entries(dataset)
        names = sorted({e.dataset for e in entries})
        left = {n: opened.remaining(n).to_dict() for n in names}
    if as_json:
        sys.stdout.write(json.dumps({"entries": [e.to_dict() for e in entries],
                                     "remaining": left}, indent=2, default=str) + "\n")
        return
    table = Table(title="ledger entries")
    for name in ("seq", "at", "actor", "kind", "dataset", "amount", "queries"):
        table.add_column(name)
    for e in entries:  # a "budget" entry's amount is the dataset's total, a release's its spend
        table.add_row(str(e.seq), e.at.isoformat(timespec="seconds"), e.actor, e.kind,
                      e.dataset, e.spend.describe(), str(len(e.queries)))
    out.print(table)
    for name, remaining in left.items():
        out.print(f"{name}: left "
                  + ", ".join(f"{k} {v:g}" for k, v in remaining.items()
                              if k != "accounting" and v is not None))


@ledger_app.command("verify")
def verify(
    ledger: Annotated[str, typer.Option("--ledger", help="the budget ledger URL")],
) -> None:
    """Check the ledger's hash chain: exit 0 when intact, 1 naming the first broken entry."""
    from veil.dp.ledger import Ledger

    with Ledger.open(ledger) as opened:
        result = opened.verify()
    if result.ok:
        out.print(f"ledger intact: {result.entries:,} entries")
        return
    Console(stderr=True).print(f"ledger BROKEN at entry {result.first_broken}: {result.reason}",
                               highlight=False)
    raise typer.Exit(1)
