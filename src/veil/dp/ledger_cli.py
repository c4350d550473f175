"""`veil ledger init|register|show|verify|anchor`: the custodian's side of the DP budget
ledger."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from veil.errors import PolicyError, UsageError

if TYPE_CHECKING:
    from veil.dp.ledger import LedgerFiles

out = Console(highlight=False)

ledger_app = typer.Typer(help="The DP budget ledger: create it, register each dataset with "
                              "its total and its data, list what was spent, and check that "
                              "no entry was edited, removed or rolled back.",
                         no_args_is_help=True)

LedgerArg = Annotated[str, typer.Option(
    "--ledger", envvar="VEIL_DP_LEDGER", help="the budget ledger: a file, sqlite:///file.db "
    "or postgresql+psycopg://user@host/db")]
KeyArg = Annotated[Path | None, typer.Option(
    "--ledger-key", envvar="VEIL_DP_LEDGER_KEY", help="the ledger's key file (default: "
    "beside a SQLite ledger, FILE.key; needed for PostgreSQL)")]

WitnessArg = Annotated[Path | None, typer.Option(
    "--witness", envvar="VEIL_DP_LEDGER_WITNESS", help="the file that anchors the ledger's "
    "chain, or a directory holding veil-dp-ledger-<id>.witness (default: beside the key)")]
WitnessLogArg = Annotated[Path | None, typer.Option(
    "--witness-log", envvar="VEIL_DP_LEDGER_WITNESS_LOG", help="also append every witnessed "
    "head to this JSON lines file (keep it append-only, out of the database writers' reach)")]

_NAME = re.compile(r"[A-Za-z0-9_.-]{1,64}")


@ledger_app.command("init")
def init(ledger: LedgerArg, ledger_key: KeyArg = None, witness: WitnessArg = None,
         witness_log: WitnessLogArg = None) -> None:
    """Create a new, empty budget ledger, its key file (mode 0600) and the witness of its
    chain: the only way a ledger comes to exist; no release creates one."""
    from veil.dp.ledger import Ledger

    with Ledger.create(ledger, files=ledger_files(ledger_key, witness, witness_log)) as made:
        out.print(f"budget ledger created: {made.location} (id {made.id})")
        out.print(f"key file: {made.key_path} (keep it private: it anchors the ledger)")
        out.print(f"witness: {made.witness_path} (keep it: it detects a rolled-back ledger)")


@ledger_app.command("register")
def register(
    dataset: Annotated[str, typer.Argument(help="the dataset's name (what specs name)")],
    path: Annotated[Path, typer.Argument(help="its data (CSV, Parquet or JSON lines)")],
    unit: Annotated[str, typer.Option("--unit", help="the privacy unit column (e.g. the "
                                      "patient id): the people the budget protects")],
    ledger: LedgerArg,
    epsilon: Annotated[float | None, typer.Option(
        "--epsilon", help="the dataset's total epsilon over all releases")] = None,
    delta: Annotated[float | None, typer.Option(
        "--delta", help="its total delta (approximate DP, or zCDP with key selection)")
    ] = None,
    rho: Annotated[float | None, typer.Option("--rho", help="its total rho (zCDP)")] = None,
    ledger_key: KeyArg = None,
    witness: WitnessArg = None,
    witness_log: WitnessLogArg = None,
    actor: Annotated[str | None, typer.Option(
        "--actor", help="who registers (default: $VEIL_ACTOR, else the login name)")] = None,
) -> None:
    """Register a dataset's total budget and the fingerprint of its people (custodian only).

    Registering more data for a registered dataset (the same total) makes it share that
    budget; data whose people are registered under another dataset is refused.
    """
    from veil.dp.ledger import Ledger
    from veil.dp.release import current_actor
    from veil.dp.spec import LossSpec, check_option_numbers
    from veil.io.read import open_dataset

    if not _NAME.fullmatch(dataset):
        raise UsageError("a dataset name has 1 to 64 letters, digits, '_', '.' or '-'",
                         hint="the name a release spec gives as 'dataset:'")
    if (epsilon is None) == (rho is None):
        raise UsageError("give the dataset's total as --epsilon (pure or approximate DP) or "
                         "--rho (zCDP), with --delta if releases may spend one")
    check_option_numbers({"--epsilon": epsilon, "--rho": rho}, {"--delta": delta}, None)
    total = LossSpec(epsilon=epsilon, delta=delta, rho=rho).to_loss()
    data = open_dataset(path)
    if unit not in data.columns:
        raise PolicyError(f"{data.path}: the privacy unit column {unit!r} is not in the data",
                          hint="name the column that identifies a person")
    who = actor or current_actor()
    with Ledger.open(ledger, files=ledger_files(ledger_key, witness, witness_log)) as opened:
        fingerprint = opened.fingerprint(data.frame, unit)
        entry = opened.register(dataset, total, actor=who, fingerprint=fingerprint, unit=unit)
        left = opened.remaining(dataset)
    if entry is None:
        out.print(f"this data was already registered for dataset {dataset!r}: nothing changed")
    elif entry.kind == "budget":
        out.print(f"registered dataset {dataset!r} (entry {entry.seq}): total "
                  f"{total.describe()}, data {fingerprint[:12]}")
    else:
        out.print(f"added data {fingerprint[:12]} to dataset {dataset!r} (entry {entry.seq}): "
                  f"it shares the budget, {left.describe()} left")


@ledger_app.command("show")
def show(
    ledger: LedgerArg,
    ledger_key: KeyArg = None,
    witness: WitnessArg = None,
    witness_log: WitnessLogArg = None,
    dataset: Annotated[str | None, typer.Option("--dataset", help="only this dataset")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="machine-readable output")] = False,
) -> None:
    """List the ledger's entries and what each dataset has left."""
    from veil.dp.ledger import Ledger

    with Ledger.open(ledger, files=ledger_files(ledger_key, witness, witness_log)) as opened:
        entries = opened.entries(dataset)
        names = sorted({e.dataset for e in entries})
        left = {n: opened.remaining(n).to_dict() for n in names}
    if as_json:
        sys.stdout.write(json.dumps({"entries": [e.to_dict() for e in entries],
                                     "remaining": left}, indent=2, default=str) + "\n")
        return
    table = Table(title="ledger entries")
    for name in ("seq", "at", "actor", "kind", "dataset", "amount", "data", "queries"):
        table.add_column(name)
    for e in entries:  # a "budget"/"data" entry's amount is the dataset's total
        table.add_row(str(e.seq), e.at.isoformat(timespec="seconds"), e.actor, e.kind,
                      e.dataset, e.spend.describe(), e.fingerprint[:12], str(len(e.queries)))
    out.print(table)
    for name, remaining in left.items():
        out.print(f"{name}: left "
                  + ", ".join(f"{k} {v:g}" for k, v in remaining.items()
                              if k != "accounting" and v is not None))


@ledger_app.command("verify")
def verify(ledger: LedgerArg, ledger_key: KeyArg = None, witness: WitnessArg = None,
           witness_log: WitnessLogArg = None) -> None:
    """Check the ledger and its witness: exit 0 when intact, 1 naming the first broken entry
    (edited, deleted, reordered, rolled back or cut off), 2 when there is no ledger at that
    place (nothing is created there)."""
    from veil.dp.ledger import Ledger

    with Ledger.open(ledger, files=ledger_files(ledger_key, witness, witness_log)) as opened:
        result = opened.verify()
    if result.ok:
        out.print(f"ledger intact: {result.entries:,} entries")
        return
    Console(stderr=True).print(f"ledger BROKEN at entry {result.first_broken}: {result.reason}",
                               highlight=False)
    raise typer.Exit(1)


@ledger_app.command("anchor")
def anchor(ledger: LedgerArg, ledger_key: KeyArg = None, witness: WitnessArg = None,
           witness_log: WitnessLogArg = None) -> None:
    """Write a new witness for a ledger whose witness file was lost (refused while one
    exists): a rollback made before this can no longer be detected."""
    from veil.dp.ledger import Ledger

    with Ledger.open(ledger, files=ledger_files(ledger_key, witness, witness_log)) as opened:
        seq, digest = opened.anchor()
        where = opened.witness_path
    out.print(f"witness written: {where} names entry {seq} ({digest[:16]})")
    out.print("compare it with the entry and digest the last release.json recorded: a "
              "ledger rolled back before now would show an older entry")


def ledger_files(key: Path | None, witness: Path | None,
                 witness_log: Path | None) -> LedgerFiles:
    """The ledger's files outside its database, as the options and environment name them."""
    from veil.dp.ledger import LedgerFiles

    return LedgerFiles(key=key, witness=witness, witness_log=witness_log)
