"""`veil anonymize` as one function: read, search, write the release and its record.

`anonymize_file` resolves the expert targets against the input (fail closed:
every column needs a role), runs the optimal search, and writes into a
temporary directory that becomes OUTDIR only when everything succeeded:

- the anonymized data (the input's format unless told otherwise; `drop`
  columns removed, quasi-identifiers generalized, suppressed records `*`);
- `anonymization.json`: targets, chosen levels, scores, the best candidates,
  and the re-identification risk of the input and of the written output;
- `report.html`: the same for a reader (counts, levels and scores only);
- `manifest.json`: versions, hashes of the input, the outputs and the policy.

No cell value of the input reaches any of those files except the data itself,
nor any error message: they hold column names, counts, levels and scores.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from veil.anonymize.api import Anonymization, anonymize
from veil.anonymize.privacy import KAnonymity, MaxRisk
from veil.anonymize.targets import Targets, resolve
from veil.engines.base import Engine, Table, WriteOptions
from veil.engines.types import Source
from veil.errors import VeilError
from veil.io.formats import Format, extension
from veil.io.hashing import sha256_file, sha256_text
from veil.io.read import Dataset
from veil.policy.expert import Expert, Origin
from veil.report.anonymize_html import render_anonymize_html
from veil.risk import DEFAULT_THRESHOLD
from veil.risk.assess import assess_table
from veil.runs import RunWriter

RECORD = "anonymization.json"
REPORT = "report.html"
_MAX_PAIRS = 6  # measure pairs of quasi-identifiers (risk contributions) up to this many


@dataclass(frozen=True)
class AnonymizeOptions:
    """How to run and write; what to reach is the `Expert` targets' business."""

    output_format: Format | None = None
    overwrite: bool = False
    candidates: int = 10  # best transformations kept for --explain and the record
    time_budget: float | None = None  # seconds; the search may then not be exhaustive
    engine: Engine | None = None  # where the data work runs (None: the Polars engine)


@dataclass(frozen=True)
class _EngineValues:
    """An engine's table as `veil.anonymize.targets.resolve` reads it (columns, distinct values)."""

    engine: Engine
    table: Table

    @property
    def columns(self) -> Sequence[str]:
        return self.table.columns

    def distinct_values(self, names: Sequence[str]) -> dict[str, pl.Series]:
        return {n: self.engine.distinct(self.table, {n: pl.col(n)}).get_column(n)
                for n in names}


def anonymize_file(source: Source | Table | Dataset, expert: Expert, outdir: Path, *,
                   base: Path = Path(), origin: Origin = "policy",
                   policy_text: str | None = None,
                   options: AnonymizeOptions = AnonymizeOptions()) -> dict[str, Any]:
    """Anonymize one file to the `expert` targets into `outdir` (atomically), on the
    engine of `options` (a `Table` must be that engine's); returns the summary `veil
    anonymize --json` prints. (A `Dataset` already opened by `veil.io.read.open_dataset`
    runs on the Polars engine.)

    `base` is where relative hierarchy paths start (the policy's directory);
    `policy_text` is hashed into the manifest when the targets came from a policy.

    Guarantee:
        When it returns, the written data meets every privacy model of the targets
        over the quasi-identifiers with at most floor(suppression * records) records
        suppressed (`veil.anonymize.anonymize`), and `risk_after` in the record was
        measured on the file as written, not on the search's own view of it.
    """
    started = dt.datetime.now(dt.UTC)
    engine: Engine
    dataset: Table
    if isinstance(source, Dataset):
        from veil.engines.polars_engine import PolarsEngine, PolarsTable

        engine, dataset = PolarsEngine(), PolarsTable(source)
    else:
        if options.engine is None:
            from veil.engines.polars_engine import PolarsEngine

            engine = PolarsEngine()
        else:
            engine = options.engine
        dataset = engine.open(source) if isinstance(source, Source) else source
    name = dataset.path.name
    with RunWriter(outdir, overwrite=options.overwrite, started=started) as run:
        targets = resolve(expert, _EngineValues(engine, dataset), base=base, source=name,
                          origin=origin)
        outcome = anonymize(
            dataset, quasi=targets.quasi, hierarchies=targets.hierarchies,
            models=targets.models, suppression=targets.suppression, metric=targets.metric,
            keep=max(1, options.candidates), time_budget=options.time_budget, source=name,
            engine=engine)
        recoding = outcome.recoding
        if recoding is None or outcome.result.best is None:
            raise _no_solution(targets, outcome)
        fmt = options.output_format or dataset.format
        data_file = run.path(dataset.path.stem + extension(fmt))
        columns = [c for c in dataset.columns if c not in set(targets.drop)]
        engine.write(dataset, recoding.select(columns), WriteOptions(data_file, fmt))
        run.add(data_file)
        threshold, why = _threshold(targets)
        before = _risk(engine, dataset, targets, threshold, why)
        after = _risk(engine, engine.open(Source(data_file, fmt)), targets, threshold, why)
        record = _record(targets, outcome, before=before, after=after,
                         input_info={"file": name, "format": dataset.format.value,
                                     "rows": outcome.prepared.records,
                                     "columns": len(dataset.columns)},
                         output_info={"file": data_file.name, "format": fmt.value,
                                      "rows": outcome.prepared.records,
                                      "columns": len(columns)},
                         time_budget=options.time_budget)
        record["manifest"] = {
            "input_sha256": sha256_file(dataset.path),
            "output_sha256": sha256_file(data_file),
            "policy_sha256": None if policy_text is None else sha256_text(policy_text),
        }
        run.write_json(RECORD, record)
        run.write_text(REPORT, render_anonymize_html(record))
        run.write_manifest(command="anonymize", input_path=dataset.path,
                           policy_sha256=record["manifest"]["policy_sha256"],
                           parameters=_parameters(record, origin, fmt, options))
    return summary(record, outdir)


def summary(record: Mapping[str, Any], outdir: Path) -> dict[str, Any]:
    """The short result `veil anonymize --json` prints (a subset of the record)."""
    keys = ("quasi_identifiers", "levels", "suppressed", "classes", "smallest_class", "score",
            "metric", "method", "exhaustive", "evaluated", "lattice_size", "seconds",
            "candidates")
    return {
        "input": record["input"]["file"],
        "records": record["input"]["rows"],
        "output": str(outdir),
        "data": str(outdir / record["output"]["file"]),
        "models": [m["description"] for m in record["models"]],
        **{key: record[key] for key in keys},
    }


def _no_solution(targets: Targets, outcome: Anonymization) -> VeilError:
    """Why nothing was written: the models, the limit, and what to relax."""
    result = outcome.result
    models = " and ".join(m.describe() for m in targets.models)
    limit = ("no suppression" if targets.suppression == 0
             else f"at most {targets.suppression * 100:g} % suppression "
                  f"({result.max_suppressed:,} of {outcome.prepared.records:,} records)")
    if not result.exhaustive:
        return VeilError(
            f"no transformation meeting {models} with {limit} was found within the time "
            f"budget ({result.evaluated:,} of {result.lattice_size:,} transformations "
            "evaluated); nothing was written",
            hint="raise --time-budget, allow more suppression, or relax the model")
    return VeilError(f"no transformation meets {models} with {limit}; nothing was written",
                     hint="allow more suppression, relax the model, or use hierarchies "
                          "with more levels")


def _threshold(targets: Targets) -> tuple[float, str | None]:
    """The risk threshold the targets imply (1/k, max risk), for the before/after risk."""
    bounds = [(1.0 / m.k, m.describe()) for m in targets.models if isinstance(m, KAnonymity)]
    bounds += [(m.r, m.describe()) for m in targets.models if isinstance(m, MaxRisk)]
    if not bounds:
        return DEFAULT_THRESHOLD, None
    value, name = min(bounds)
    return value, f"the target of this run ({name})"


def _risk(engine: Engine, table: Table, targets: Targets, threshold: float,
          why: str | None) -> dict[str, Any]:
    """`veil.risk.assess` over the quasi-identifiers (and sensitive attributes)."""
    risk = assess_table(engine, table, quasi=targets.quasi, sensitive=targets.sensitive,
                        threshold=threshold, pairs=len(targets.quasi) <= _MAX_PAIRS).to_dict()
    if why is not None:
        risk["threshold_source"] = why
    return risk


def _record(targets: Targets, outcome: Anonymization, *, before: dict[str, Any],
            after: dict[str, Any], input_info: dict[str, Any], output_info: dict[str, Any],
            time_budget: float | None) -> dict[str, Any]:
    """Everything `anonymization.json` holds: counts, levels and scores, no values."""
    result = outcome.result
    best = result.best
    assert best is not None  # the caller checked
    quasi = targets.quasi
    hierarchies = {q: dict(targets.sources.get(q, {})) for q in quasi}
    for q in quasi:
        h = targets.hierarchies[q]
        hierarchies[q]["top_level"] = h.top
        hierarchies[q]["groups_at_level"] = [len(set(level)) for level in h.levels]
    return {
        "command": "anonymize",
        "input": input_info,
        "output": output_info,
        "quasi_identifiers": list(quasi),
        "sensitive_attributes": list(targets.sensitive),
        "keep": list(targets.keep),
        "drop": list(targets.drop),
        "hierarchies": hierarchies,
        "models": targets.describe_models(),
        "suppression_limit": targets.suppression,
        "max_suppressed": result.max_suppressed,
        "metric": targets.metric,
        "time_budget": time_budget,
        "levels": result.levels,
        "suppressed": best.suppressed,
        "classes": best.classes,
        "smallest_class": best.smallest,
        "score": best.score,
        "loss_per_attribute": outcome.loss_per_attribute(),
        "method": result.method,
        "exhaustive": result.exhaustive,
        "evaluated": result.evaluated,
        "lattice_size": result.lattice_size,
        "seconds": round(result.seconds, 3),
        "candidates": [
            {"rank": rank, "levels": dict(zip(quasi, c.levels, strict=True)),
             "score": c.score, "suppressed": c.suppressed, "classes": c.classes,
             "smallest_class": c.smallest}
            for rank, c in enumerate(result.candidates, start=1)
        ],
        "risk_threshold": before.get("threshold"),
        "risk_before": before,
        "risk_after": after,
    }


def _parameters(record: Mapping[str, Any], origin: Origin, fmt: Format,
                options: AnonymizeOptions) -> dict[str, Any]:
    """The settings that reproduce the run, for the manifest."""
    return {
        "targets_from": "policy" if origin == "policy" else "command line",
        "quasi_identifiers": record["quasi_identifiers"],
        "hierarchies": record["hierarchies"],
        "models": record["models"],
        "suppression": record["suppression_limit"],
        "metric": record["metric"],
        "keep": record["keep"],
        "drop": record["drop"],
        "time_budget": options.time_budget,
        "candidates_kept": options.candidates,
        "output_format": fmt.value,
        "engine": "veil.anonymize (full-domain generalization, record suppression)",
        "seed": None,
    }
