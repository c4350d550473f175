"""`veil dp`: check a release spec against the data, charge the ledger, release, write it down.

Order matters for privacy and for the user's budget:

1. the spec and the data's columns and types are checked, and every query is
   resolved into an OpenDP measurement (nothing is spent: a typo costs nothing);
2. the guard rails are applied (epsilon cap);
3. the ledger is charged in one transaction that refuses a release past the
   dataset's total (`veil.dp.ledger`);
4. only then are the measurements run, and the outputs written atomically.

A preview (`preview=True`) runs the same measurements on the same data without
charging the ledger and writes the true values beside them, marked as not for
release: it is for the data owner's eyes only.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from veil.dp import engine
from veil.dp.guarantee import epsilon_equivalent, guarantee
from veil.dp.ledger import Charged, Ledger, LedgerEntry, LedgerFiles
from veil.dp.results import Released, describe_query, interpret
from veil.dp.spec import Query, ReleaseSpec
from veil.engines.base import Engine, require
from veil.engines.types import Capability
from veil.errors import InternalError, PolicyError, UsageError
from veil.io.hashing import sha256_file, sha256_text
from veil.io.read import open_dataset
from veil.records import DPReleaseRecord
from veil.report.dp_html import render_dp_html
from veil.runs import RunWriter

RECORD_NAME = "release.json"
PREVIEW_NAME = "preview.json"


@dataclass(frozen=True)
class ReleaseOutcome:
    """What `release` did: the record written, where, and the ledger entry (None in a preview)."""

    record: dict[str, Any]
    out_dir: Path
    entry: LedgerEntry | None

    @property
    def typed(self) -> DPReleaseRecord:
        """The record as the typed model (what release.json holds)."""
        return DPReleaseRecord.model_validate(self.record)


def release(input_path: Path, spec: ReleaseSpec, *, spec_text: str, out_dir: Path,
            ledger_url: str | None, ledger_files: LedgerFiles | None = None,
            actor: str | None = None, preview: bool = False,
            overwrite: bool = False, data_engine: Engine | None = None) -> ReleaseOutcome:
    """Run one release (or a preview) of `spec` on the file at `input_path`.

    The measurements run in OpenDP's Polars context on this process: a `data_engine`
    without the `opendp` capability (Spark) is refused with CapabilityError (exit 2).

    `ledger_url` (and `ledger_files`: its key and witness, by default beside a SQLite
    ledger) name the custodian's ledger, which must exist (`Ledger.create`) and hold
    a registration of this data under `spec.dataset`; a preview needs none.
    """
    if data_engine is not None:
        require(data_engine, Capability.OPENDP, "a differentially private release (OpenDP)")
    started = dt.datetime.now(dt.UTC)
    if not preview and not ledger_url:
        raise UsageError("no budget ledger named: a release is charged to the custodian's "
                         "ledger", hint="pass --ledger URL or set $VEIL_DP_LEDGER (the "
                         "ledger made by `veil ledger init`)")
    dataset = open_dataset(Path(input_path))
    _check_columns(dataset.columns, spec, dataset.path)
    raw = dataset.frame.select(spec.columns)
    engine.check_numbers(raw, spec)
    frame = engine.prepare(raw, spec)
    _guard_rails(spec)
    plan = engine.plan(frame, spec)
    who = actor or current_actor()
    input_sha = sha256_file(dataset.path)
    charged: Charged | None = None
    ledger_location: dict[str, str] | None = None
    if not preview:
        if ledger_url is None:
            raise InternalError("the ledger URL checked above is missing")
        with Ledger.open(ledger_url, files=ledger_files) as ledger:
            ledger_location = {"location": ledger.location, "id": ledger.id}
            fingerprint = ledger.fingerprint(dataset.frame, spec.privacy_unit.column)
            charged = ledger.charge(spec.dataset, spec.budget.to_loss(),
                                    spec.release.to_loss(), actor=who,
                                    queries=[_ledger_query(q) for q in spec.queries],
                                    fingerprint=fingerprint, input_sha256=input_sha)
    answers = [interpret(p, r, spec.confidence) for p, r in
               zip(plan.queries, engine.run(plan, frame), strict=True)]
    record = _record(spec, answers, charged=charged, ledger_location=ledger_location,
                     preview=preview)
    if preview:
        _add_truth(record, frame, spec)
    _write(record, answers, out_dir=Path(out_dir), overwrite=overwrite, spec=spec,
           spec_text=spec_text, input_path=dataset.path, input_sha256=input_sha,
           started=started, preview=preview)
    return ReleaseOutcome(record, Path(out_dir), None if charged is None else charged.entry)


def _check_columns(columns: tuple[str, ...], spec: ReleaseSpec, path: Path) -> None:
    missing = [c for c in spec.columns if c not in columns]
    if missing:
        what = "privacy unit column" if missing[0] == spec.privacy_unit.column else "column"
        raise PolicyError(f"{path}: the spec's {what} {missing[0]!r} is not in the data"
                          + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""),
                          hint="fix the column names in the release spec")


def _guard_rails(spec: ReleaseSpec) -> None:
    """Refuse a release whose epsilon (or its zCDP equivalent) is above the cap."""
    loss = spec.release.to_loss()
    epsilon = epsilon_equivalent(loss, spec.conversion_delta)
    if epsilon > spec.epsilon_cap:
        raise PolicyError(
            f"this release spends epsilon {epsilon:g}"
            + (f" (rho {loss.rho:g} at delta {spec.conversion_delta:g})"
               if loss.rho is not None else "")
            + f", above the cap of {spec.epsilon_cap:g} per release",
            hint="NIST SP 800-226 warns that large epsilon may not provide meaningful "
                 "privacy; spend less, or raise 'epsilon_cap' in the spec deliberately")


def _ledger_query(query: Query) -> dict[str, object]:
    """What the ledger records about a query: its shape, never a category of the data."""
    described: dict[str, object] = {"name": query.name, "kind": query.kind}
    if query.by:
        described["by"] = list(query.by)
    if query.column:
        described["column"] = query.column
    return described


def _record(spec: ReleaseSpec, answers: list[Released], *, charged: Charged | None,
            ledger_location: dict[str, str] | None, preview: bool) -> dict[str, Any]:
    entry = None if charged is None else charged.entry
    return {
        "format": "veil-dp-release-v1",
        "dataset": spec.dataset,
        "preview": preview,
        "released_at": None if entry is None else entry.at.isoformat(),
        "guarantee": guarantee(spec, spent_before=None if charged is None else
                               charged.spent_before,
                               left_after=None if charged is None else charged.left_after,
                               preview=preview),
        "ledger": None if entry is None or ledger_location is None else {
            **ledger_location, "entry": entry.seq, "digest": entry.digest,
            "fingerprint": entry.fingerprint,
            "note": "this entry was the ledger's head when it was written; keep its digest: "
                    "a ledger whose chain no longer reaches it was truncated or rewritten"},
        "queries": [a.to_dict() for a in answers],
    }


def _add_truth(record: dict[str, Any], frame: pl.LazyFrame, spec: ReleaseSpec) -> None:
    """Put the true value beside each released value (preview only: the data owner's copy)."""
    from veil.dp.truth import true_tables, truncated_rows

    record["truncated_rows"] = truncated_rows(frame, spec)
    for query_record, truth in zip(record["queries"], true_tables(frame, spec), strict=True):
        keys = [k for k in truth.columns if k != "true_value"]
        by_key = {tuple(str(r[k]) for k in keys): r["true_value"] for r in truth.to_dicts()}
        absent = 0 if query_record["kind"] in ("count_by", "table", "histogram") else None
        for row in query_record["rows"]:
            row["true_value"] = by_key.get(tuple(str(row[k]) for k in keys), absent)


def _write(record: dict[str, Any], answers: list[Released], *, out_dir: Path, overwrite: bool,
           spec: ReleaseSpec, spec_text: str, input_path: Path, input_sha256: str,
           started: dt.datetime, preview: bool) -> None:
    name = PREVIEW_NAME if preview else RECORD_NAME
    with RunWriter(out_dir, overwrite=overwrite, started=started) as run:
        run.write_text(name, DPReleaseRecord.model_validate(record).to_json())  # validated
        run.write_text("preview.html" if preview else "report.html", render_dp_html(record))
        if not preview:
            for answer in answers:
                path = run.path(f"{answer.query.name}.csv")
                answer.table.write_csv(path)
                run.add(path)
        run.write_manifest(
            command="veil dp" + (" --preview" if preview else ""), input_path=input_path,
            policy_sha256=sha256_text(spec_text),
            parameters={"dataset": spec.dataset, "preview": preview,
                        "release": spec.release.to_loss().to_dict(),
                        "budget": spec.budget.to_loss().to_dict(),
                        "privacy_unit": spec.privacy_unit.model_dump(),
                        "queries": [describe_query(q) for q in spec.queries],
                        "reproducibility": "DP noise comes from OpenDP's CSPRNG and is "
                                           "deliberately not seedable: re-running gives other "
                                           "values (and spends budget again)"},
            input_sha256=input_sha256, ascii_only=True)


def current_actor() -> str:
    """Who runs this: $VEIL_ACTOR, else the login name (recorded in the ledger)."""
    try:
        return os.environ.get("VEIL_ACTOR") or getpass.getuser()
    except (KeyError, OSError):
        raise UsageError("cannot tell who runs this release", hint="set VEIL_ACTOR") from None
