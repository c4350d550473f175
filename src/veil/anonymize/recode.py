"""`veil recode`: local recoding (Mondrian or microaggregation) of one file, with a record.

Full-domain generalization (`veil anonymize`) recodes every value of an attribute the
same way; local recoding adapts to the data instead: Mondrian cuts the records into
boxes of at least k over the quasi-identifiers (numbers become ranges, text becomes
sets of values), microaggregation replaces numeric attributes by the means of groups
of at least k similar records. Both need no hierarchy; both are in-memory methods
(the frame is collected), unlike the lattice search.

Like every veil command it fails closed (each input column must be a quasi-identifier,
the sensitive attribute, or listed to keep or drop), writes atomically, and records
what it did: `recoding.json` (method, parameters, groups, smallest group, information
loss, the risk of the input and of the output over the quasi-identifiers), a
self-contained `report.html` (the two risk sections) and `manifest.json`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from veil.anonymize.microaggregation import microaggregate
from veil.anonymize.mondrian import mondrian
from veil.engines.base import Engine, require
from veil.engines.types import Capability
from veil.errors import PolicyError, UsageError
from veil.io.formats import Format, extension
from veil.io.read import Dataset, open_dataset
from veil.io.write import sink
from veil.risk import assess
from veil.runs import RunWriter

Method = Literal["mondrian", "mdav", "univariate"]
RECORD = "recoding.json"
REPORT = "report.html"


@dataclass(frozen=True)
class RecodeTargets:
    """What to recode and how."""

    method: Method
    quasi: tuple[str, ...]
    k: int
    l: int | None = None  # noqa: E741 - Mondrian only
    sensitive: str | None = None
    keep: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()


def _covered(targets: RecodeTargets, columns: Sequence[str], source: str) -> None:
    """Fail closed: every column has exactly one role; every named column exists."""
    roles = [*targets.quasi, *targets.keep, *targets.drop,
             *([targets.sensitive] if targets.sensitive else [])]
    missing = sorted({c for c in roles if c not in columns})
    if missing:
        raise UsageError(f"{source}: column(s) not in the data: {', '.join(map(repr, missing))}")
    twice = sorted({c for c in roles if roles.count(c) > 1})
    if twice:
        raise UsageError(f"column(s) given more than one role: {', '.join(map(repr, twice))}")
    uncovered = [c for c in columns if c not in roles]
    if uncovered:
        raise PolicyError(
            f"{source}: {len(uncovered)} column(s) have no role: "
            f"{', '.join(map(repr, uncovered[:20]))}",
            hint="list each as --qi, --sensitive, --keep or --drop (fail closed)")
    if targets.method != "mondrian" and (targets.l is not None or targets.sensitive):
        raise UsageError("--l and --sensitive apply to --method mondrian only")


def recode_file(dataset: Dataset, targets: RecodeTargets, outdir: Path, *,
                output_format: Format | None = None, overwrite: bool = False,
                engine: Engine | None = None) -> dict[str, Any]:
    """Recode one opened file into `outdir` (atomically); returns the summary.

    Mondrian and microaggregation partition the whole table in this process: they need
    the `recoding` capability, which only the Polars engine has (another `engine` is
    refused with CapabilityError, exit 2, before anything is read).

    Guarantee:
        Mondrian: every class of the output over the quasi-identifiers holds at least k
        records (and l distinct sensitive values with `l`). Microaggregation (mdav): every
        group of records sharing the replaced values holds at least k records; univariate:
        per column. Rows are neither added nor removed and keep their order.
    """
    if engine is not None:
        feature = ("Mondrian local recoding" if targets.method == "mondrian"
                   else "microaggregation")
        require(engine, Capability.RECODING, feature)
    source = dataset.path.name
    _covered(targets, dataset.columns, source)
    started = dt.datetime.now(dt.UTC)
    frame = dataset.frame.collect()
    if targets.method == "mondrian":
        result = mondrian(frame, quasi=targets.quasi, k=targets.k, l=targets.l,
                          sensitive=targets.sensitive)
        recoded, groups, smallest = result.frame, result.partitions, result.smallest
        loss, loss_name = result.information_loss, "normalized certainty penalty"
    else:
        micro = microaggregate(frame, columns=targets.quasi, k=targets.k,
                               method=targets.method)
        recoded, groups, smallest = micro.frame, micro.groups, micro.smallest
        loss, loss_name = micro.information_loss, "SSE / SST"
    fmt = output_format or dataset.format
    kept = [c for c in dataset.columns if c not in set(targets.drop)]
    with RunWriter(outdir, overwrite=overwrite, started=started) as run:
        data_file = run.path(dataset.path.stem + extension(fmt))
        sink(recoded.lazy().select(kept), data_file, fmt)
        run.add(data_file)
        sensitive = [targets.sensitive] if targets.sensitive else []
        before = assess(frame, quasi=targets.quasi, sensitive=sensitive, pairs=False)
        written = open_dataset(data_file, fmt=fmt).frame
        after = assess(written, quasi=targets.quasi, sensitive=sensitive, pairs=False)
        record: dict[str, Any] = {
            "command": "recode", "input": source, "output": data_file.name,
            "method": targets.method, "quasi_identifiers": list(targets.quasi), "k": targets.k,
            "l": targets.l, "sensitive": targets.sensitive, "keep": list(targets.keep),
            "drop": list(targets.drop), "records": frame.height, "groups": groups,
            "smallest_group": smallest, "information_loss": loss,
            "information_loss_model": loss_name,
            "risk_before": before.to_dict(), "risk_after": after.to_dict(),
        }
        run.write_json(RECORD, record, ascii_only=True)
        run.write_text(REPORT, _report(record))
        run.write_manifest(
            command="recode", input_path=dataset.path, policy_sha256=None,
            parameters={k: record[k] for k in ("method", "quasi_identifiers", "k", "l",
                                                "sensitive", "keep", "drop")}
            | {"output_format": fmt.value}, ascii_only=True)
    return {k: record[k] for k in ("method", "k", "l", "records", "groups", "smallest_group",
                                   "information_loss", "information_loss_model")} | {
        "smallest_class_after": after.classes.smallest, "output": str(outdir)}


def _report(record: dict[str, Any]) -> str:
    """A self-contained page: what was done, then the risk before and after."""
    from html import escape

    from veil.report.risk_html import risk_section_html

    facts = "".join(
        f"<tr><th>{escape(name)}</th><td>{escape(str(record[key]))}</td></tr>"
        for name, key in (("method", "method"), ("k", "k"), ("l", "l"),
                          ("records", "records"), ("groups", "groups"),
                          ("smallest group", "smallest_group"),
                          ("information loss", "information_loss"),
                          ("loss model", "information_loss_model")))
    return (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>veil recode report</title><style>body{font:14px/1.5 system-ui,sans-serif;"
        "max-width:1120px;margin:0 auto;padding:28px}table{border-collapse:collapse}"
        "th,td{padding:3px 10px;border-bottom:1px solid #dde;text-align:left}"
        ".n{text-align:right}svg{max-width:100%;height:auto}</style></head><body>"
        f"<h1>Local recoding of {escape(record['input'])}</h1>"
        f"<table>{facts}</table>"
        "<h2>Re-identification risk of the input</h2>"
        f"{risk_section_html(record['risk_before'])}"
        "<h2>Re-identification risk of the output</h2>"
        f"{risk_section_html(record['risk_after'])}"
        "</body></html>\n")
