"""The public workflow: scan a file, propose a policy, apply it, report.

Each function is a plain call on plain values; the CLI is a thin layer over
them. Nothing is written until the run has succeeded (atomic output).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

import polars as pl

from veil.actions.keystore import KeyStore
from veil.actions.secrets import Secret
from veil.categories import Category
from veil.detect.header import safe_file_name, safe_names
from veil.detect.measurement import MEASUREMENT, MEASUREMENT_KINDS
from veil.engines.base import Engine, Table, WriteOptions
from veil.engines.codes import prepare_codes
from veil.engines.polars_engine import PolarsEngine
from veil.engines.types import Part, Source
from veil.errors import UsageError, VerificationError
from veil.io.formats import Format, extension
from veil.io.hashing import part_files, sha256_path, sha256_text
from veil.io.read import Dataset, open_dataset
from veil.io.write import atomic_file
from veil.plan import Plan, compile_plan
from veil.policy.models import Policy, Redact
from veil.policy.profiles import Proposal as ProfileProposal
from veil.policy.profiles import safe_harbor_proposal
from veil.policy.render import render_policy
from veil.policy.safe_harbor import check_safe_harbor
from veil.records import DeidentificationReport
from veil.report.build import build_report
from veil.report.html import high_risk, render_html
from veil.runs import RunWriter
from veil.scan import ScanResult, scan_frame
from veil.verify import Verification, plan_expectations, verify_table
from veil.verify.cells import per_value_only

SAMPLE_ROWS = 10_000


@dataclass(frozen=True)
class InputSpec:
    """Where the input is and how to read it."""

    path: Path
    format: Format | None = None
    separator: str | None = None

    def open(self) -> Dataset:
        return open_dataset(self.path, fmt=self.format, separator=self.separator)

    @property
    def source(self) -> Source:
        """The engine-neutral source to open with an engine."""
        return Source(self.path, self.format, self.separator)


@dataclass(frozen=True)
class Keys:
    """Key material for keyed and coded actions (never written to any output)."""

    secret: Secret | None = None
    keystore: KeyStore | None = None


@dataclass(frozen=True)
class LoadedPolicy:
    """A policy as a run uses it: the model, its text as written to the output (and hashed
    into the manifest), and what a proposal adds (reasons per key, warnings)."""

    policy: Policy
    text: str
    reasons: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    remediable: bool = False
    """Proposed by veil, not written by a person: columns the verification pass flags
    may be redacted and the run repeated (`deidentify`), instead of failing."""

    @classmethod
    def from_file(cls, path: Path) -> LoadedPolicy:
        """Read and validate a policy YAML file (PolicyError on any problem)."""
        from veil.policy.load import load_policy

        policy = load_policy(path)
        return cls(policy, Path(path).read_text(encoding="utf-8"))

    @classmethod
    def of(cls, policy: Policy) -> LoadedPolicy:
        """A policy built in Python, with veil's rendering of it as its text."""
        return cls(policy, render_policy(policy))


@dataclass(frozen=True)
class ApplyOptions:
    """How to run `apply_policy`: keys, output, risk, and the engine (chosen by the caller;
    None: the Polars engine)."""

    keys: Keys = Keys()
    output_format: Format | None = None
    overwrite: bool = False
    with_risk: bool = True
    engine: Engine | None = None


@dataclass(frozen=True)
class Proposal:
    policy: Policy
    text: str
    reasons: dict[str, str]
    warnings: tuple[str, ...]

    def loaded(self, *, remediable: bool = False) -> LoadedPolicy:
        return LoadedPolicy(self.policy, self.text, self.reasons, self.warnings, remediable)


@dataclass(frozen=True)
class RunResult:
    outdir: Path
    data_file: Path
    report: dict[str, Any]
    manifest: dict[str, Any]


def scan_file(spec: InputSpec, *, sample_rows: int = SAMPLE_ROWS,
              engine: Engine | None = None) -> ScanResult:
    """Classify every column of a file from a sample of its rows (read on the driver)."""
    engine = engine or PolarsEngine()
    table = engine.open(spec.source)
    return scan_frame(engine.driver_frame(table), sample_rows=sample_rows,
                      source=str(table.path), total_rows=table.rows)


def propose_policy(scan: ScanResult, *, profile: str = "safe-harbor",
                   reference_date: dt.date | None = None) -> Proposal:
    """A policy from a scan, with a reason per column (the `veil init` output)."""
    if profile != "safe-harbor":
        raise UsageError(f"profile {profile!r} is reserved and not implemented yet",
                         hint="use --profile safe-harbor")
    names = [f.column for f in scan.columns]
    shown = safe_names(names)
    proposals: dict[str, ProfileProposal] = {}
    for index, finding in enumerate(scan.columns):
        proposal = safe_harbor_proposal(finding)
        if shown[index] != finding.column:  # an identifying header is never written down
            key = f"#{index + 1}"
            proposal = ProfileProposal(
                proposal.rule, _unquote(proposal.reason, finding.column, key)
                + "; the header itself looks identifying: named by position, written as "
                + shown[index],
                None if proposal.warning is None
                else _unquote(proposal.warning, finding.column, key))
            proposals[key] = proposal
        else:
            proposals[finding.column] = proposal
    policy = Policy(
        profile="safe-harbor",
        reference_date=reference_date,
        columns={name: p.rule for name, p in proposals.items()},
    )
    reasons = {name: p.reason for name, p in proposals.items()}
    text = render_policy(policy, comments=reasons, header=_policy_header(scan))
    warnings = tuple(f"column {n!r}: {p.warning}" for n, p in proposals.items() if p.warning)
    return Proposal(policy, text, reasons, warnings)


def _scan_reasons(plan: Plan, scan: ScanResult) -> dict[str, str]:
    """Per policy key: the policy's action with the scan's evidence (for `apply`)."""
    reasons = {}
    for index, step in enumerate(plan.steps):
        if index >= len(scan.columns):
            break
        finding = scan.columns[index]
        top = finding.evidence[0].detail if finding.evidence else "no evidence"
        text = (f"set by the policy; the scan found {finding.kind.value} "
                f"({finding.confidence:.0%}: {top})")
        reasons[step.label] = _unquote(text, finding.column, step.label) \
            if step.label != step.column else text
    return reasons


def _prewarm_plots() -> None:
    """Import the report's plotting library in the background (about a second of
    Python) while the data passes run in Polars, which releases the GIL."""
    import threading

    def load() -> None:
        import veil.report.plots  # noqa: F401

    threading.Thread(target=load, name="veil-prewarm-plots", daemon=True).start()


def _hash_in_background(path: Path) -> Future[str]:
    """The input's SHA-256 (for the report and the manifest, hashed once), computed in a
    thread while the data passes run: hashlib releases the GIL, and at 10M rows the
    input is gigabytes."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="veil-hash-input")
    try:
        return pool.submit(sha256_path, path)
    finally:
        pool.shutdown(wait=False)


def _output_sha256(data_file: Path, parts: tuple[Part, ...]) -> str:
    """The written data's SHA-256: the engine's own hash of a single file, else hashed."""
    if len(parts) == 1 and data_file.is_file() and parts[0].path == data_file.name:
        return parts[0].sha256
    return sha256_path(data_file)


def _policy_header(scan: ScanResult) -> str:
    return (
        f"veil policy proposed from a scan of {safe_file_name(Path(scan.source).name)} "
        f"({scan.rows_sampled} rows sampled).\n"
        "Review every rule: the scanner proposes, the policy decides. Every input column\n"
        "must be listed (fail closed). Actions: drop keep redact mask year_only top_code age\n"
        "zip3 generalize fake hmac pseudonym (see docs/policy.md)."
    )


def _unquote(text: str, name: str, key: str) -> str:
    """`text` with every mention of an identifying header replaced by its position key,
    quoted as evidence texts quote it (repr escapes) or as it is."""
    if not name:
        return text
    return text.replace(repr(name), repr(key)).replace(name, key)


def apply_policy(
    spec: InputSpec,
    policy: LoadedPolicy | Policy,
    outdir: Path,
    *,
    options: ApplyOptions = ApplyOptions(),
) -> RunResult:
    """De-identify one file under `policy` into `outdir` (atomically), on the engine
    the options name (default: the Polars engine).

    The written data is verified, every value, before it is moved into place: a
    residual identifier raises VerificationError (nothing written). A bare `Policy`
    is written to the output as veil renders it; a `LoadedPolicy` as it was read.
    """
    loaded = policy if isinstance(policy, LoadedPolicy) else LoadedPolicy.of(policy)
    return _apply(spec, loaded, outdir, options, command="apply")


def _apply(spec: InputSpec, loaded: LoadedPolicy, outdir: Path, options: ApplyOptions, *,
           command: str, scan: ScanResult | None = None) -> RunResult:
    """`apply_policy` with what internal callers know: the command for the manifest and
    the scan already made (`deidentify`). With `loaded.remediable` a residual raises
    `ResidualsFoundError` so that the caller can redact the columns and run again."""
    policy, policy_text, keys = loaded.policy, loaded.text, options.keys
    engine = options.engine or PolarsEngine()
    started = dt.datetime.now(dt.UTC)
    _prewarm_plots()
    table = engine.open(spec.source)
    input_sha256 = _hash_in_background(table.path)
    plan = compile_plan(policy, table.columns, source=str(table.path),
                        run_date=started.date())
    if scan is None:
        scan = scan_frame(engine.driver_frame(table), sample_rows=SAMPLE_ROWS,
                          source=str(table.path), total_rows=table.rows)
    verdict = check_safe_harbor(policy, scan)
    reasons = {**_scan_reasons(plan, scan), **loaded.reasons}
    fmt = options.output_format or table.format
    shown = safe_file_name(table.path.name)
    data_name = shown.partition(".")[0] + extension(fmt)
    with RunWriter(outdir, overwrite=options.overwrite, started=started) as run:
        data_file = run.path(data_name)
        code_maps = prepare_codes(engine, table, plan, keys.keystore)
        result = engine.write(table, plan, WriteOptions(data_file, fmt, keys.secret, code_maps))
        run.add(*part_files(data_file))
        written = engine.open(Source.output(data_file, fmt))
        verification = _verify(engine, table, plan, written, outdir,
                               remediable=loaded.remediable)
        run.write_text("policy.yaml", policy_text)
        report = build_report(
            plan=plan,
            categories=verdict.categories,
            reasons=reasons,
            warnings=list(loaded.warnings) + list(verdict.warnings)
            + _verification_warnings(verification),
            input_info={"file": shown, "format": table.format.value,
                        "rows": result.rows_out, "columns": len(table.columns)},
            output_info={"file": data_name, "format": fmt.value, "rows": result.rows_out,
                         "columns": len(result.columns_out)},
            distributions=_distributions(engine, written, plan),
            keys=_key_notes(keys, result.codes_assigned),
            generated_at=started,
        )
        report["verification"] = verification.to_dict(rows=False)
        if options.with_risk:
            report["risk"] = _risk(engine, written, report["quasi_identifiers"])
            if report["risk"] is not None and high_risk(report["risk"]):
                report["warnings"].append(
                    f"re-identification risk: {report['risk']['summary']} Removing the 18 "
                    "identifiers meets Safe Harbor, but the covered entity must not release "
                    "data it knows could identify people ((b)(2)(ii)); consider generalizing "
                    "or leaving out quasi-identifiers (veil anonymize)")
        report["manifest"] = {
            "input_sha256": input_sha256.result(),
            "output_sha256": _output_sha256(data_file, result.parts),
            "policy_sha256": sha256_text(policy_text),
        }
        run.write_text("report.json",  # validated: a wrong field fails here
                       DeidentificationReport.model_validate(report).to_json())
        run.write_text("report.html", render_html(report))
        manifest = run.write_manifest(
            command=command, input_path=table.path, input_sha256=input_sha256.result(),
            policy_sha256=report["manifest"]["policy_sha256"],
            parameters=_parameters(plan, keys, fmt, engine.name))
    return RunResult(outdir, outdir / data_name, report, manifest)


def deidentify(
    spec: InputSpec,
    outdir: Path,
    *,
    profile: str = "safe-harbor",
    reference_date: dt.date | None = None,
    keys: Keys = Keys(),
    output_format: Format | None = None,
    overwrite: bool = False,
    with_risk: bool = True,
    engine: Engine | None = None,
) -> RunResult:
    """Scan, propose the profile's default policy, and apply it, in one step, on `engine`
    (default: the Polars engine)."""
    engine = engine or PolarsEngine()
    scan = scan_file(spec, engine=engine)
    proposal = propose_policy(scan, profile=profile,
                              reference_date=reference_date or dt.date.today())
    options = ApplyOptions(keys=keys, output_format=output_format, overwrite=overwrite,
                           with_risk=with_risk, engine=engine)
    run = partial(_apply, spec, outdir=outdir, options=options, command="deidentify", scan=scan)
    try:
        return run(proposal.loaded(remediable=True))
    except ResidualsFoundError as residuals:
        amended = _redact_residuals(proposal, residuals.found, residuals.plan, scan)
    return run(amended.loaded())


def _redact_residuals(proposal: Proposal, found: Verification, plan: Plan,
                      scan: ScanResult) -> Proposal:
    """The proposal with every column the verification pass flagged redacted.

    The scanner classifies from a sample; the verification pass sees every value.
    Where it finds identifiers in a column the proposal kept, that column is
    redacted (category from the finding) and the report says why; a column whose
    name was flagged is written by position.
    """
    by_output = {s.output: s for s in plan.outputs}
    columns = dict(proposal.policy.columns)
    reasons = dict(proposal.reasons)
    warnings = list(proposal.warnings)
    for label, categories in found.by_column().items():
        step = by_output.get(label.removesuffix(" name"))
        if step is None:
            continue
        letter = max(categories, key=lambda c: categories[c])
        category = Category(letter)
        counts = ", ".join(f"{c} {n:,}" for c, n in sorted(categories.items()))
        if (step.action == "keep" and step.kind in MEASUREMENT_KINDS
                and per_value_only(found, label)):
            # the kind is established: replace the offending cells, not the column
            columns[step.key] = Redact(action="redact", category=category, kind=step.kind,
                                       keep_matching=MEASUREMENT)
            reasons[step.key] = (f"the verification pass found identifiers in values the "
                                 f"sample did not show ({counts}): values that are not "
                                 "measurements replaced cell by cell (fail closed)")
            warnings.append(f"column {step.key!r}: identifiers found by the verification pass "
                            f"({counts}) in a {step.kind.value} column; the values that are "
                            "not measurements were replaced, the rest kept")
            continue
        columns[step.key] = Redact(action="redact", category=category, kind=step.kind)
        reasons[step.key] = (f"the verification pass found identifiers in values the sample "
                             f"did not show ({counts}): redacted (fail closed)")
        warnings.append(f"column {step.key!r}: identifiers found by the verification pass "
                        f"({counts}) although the scan proposed {step.action!r}; redacted")
    policy = proposal.policy.model_copy(update={"columns": columns})
    text = render_policy(policy, comments=reasons, header=_policy_header(scan))
    return Proposal(policy, text, reasons, tuple(warnings))


class ResidualsFoundError(Exception):
    """Internal: the verification of a proposed policy's output found identifiers."""

    def __init__(self, found: Verification, plan: Plan) -> None:
        super().__init__("residual identifiers in a proposed policy's output")
        self.found = found
        self.plan = plan


def _verify(engine: Engine, table: Table, plan: Plan, written: Table,
            outdir: Path, *, remediable: bool = False) -> Verification:
    """Check every value written; on a residual identifier fail before anything is moved
    into place, leaving only the data owner's verification report beside `outdir`."""
    if not plan.outputs:  # every column dropped: rows without values leave, nothing to read
        return Verification(source=written.path.name, rows=table.rows or 0, columns_checked=0,
                            residuals=())
    found = verify_table(engine, written, expectations=plan_expectations(plan),
                         source=written.path.name)
    found = replace(found, emptied=_emptied(engine, table, plan, found))
    if found.passed:
        return found
    if remediable:
        raise ResidualsFoundError(found, plan)
    rejected = outdir.parent / f"{outdir.name}.rejected-verification.json"
    with atomic_file(rejected) as temporary:
        temporary.write_text(_json(found.to_dict(rows=True)), encoding="utf-8")
    raise VerificationError(
        f"{safe_file_name(table.path.name)}: the output failed verification and was not "
        "written: "
        f"{found.summary_line()}",
        hint=f"the data owner's report (counts and row positions, no values) is {rejected}; "
        "drop or redact these columns in the policy, or keep a column the finding is wrong "
        "about with {action: keep, reviewed: true}",
    )


_PARSING = ("year_only", "top_code", "age", "zip3", "generalize")


def _emptied(engine: Engine, table: Table, plan: Plan,
             found: Verification) -> dict[str, int]:
    """Per transformed output column: input values the transform turned into null."""
    steps = [s for s in plan.outputs if s.action in _PARSING and s.output is not None]
    if not steps:
        return {}
    counts = _parquet_nonnull(table, [s.column for s in steps])
    if counts is None:
        sums = engine.sums(table, {str(i): pl.col(s.column).is_not_null()
                                   for i, s in enumerate(steps)})
        counts = tuple(sums[str(i)] for i in range(len(steps)))
    emptied = {}
    for step, before in zip(steps, counts, strict=True):
        assert step.output is not None
        lost = int(before) - found.nonnull.get(step.output, int(before))
        if lost > 0:
            emptied[step.output] = lost
    return emptied


def _parquet_nonnull(table: Table, columns: list[str]) -> tuple[int, ...] | None:
    """Non-null counts from a Parquet file's footer statistics (no data read), or None."""
    if table.format is not Format.PARQUET or table.rows is None or not table.path.is_file():
        return None
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(table.path).metadata
    paths = {meta.row_group(0).column(i).path_in_schema: i
             for i in range(meta.num_columns)} if meta.num_row_groups else {}
    nulls = []
    for column in columns:
        index = paths.get(column)
        if index is None:
            return None
        total = 0
        for group in range(meta.num_row_groups):
            stats = meta.row_group(group).column(index).statistics
            if stats is None or not stats.has_null_count:
                return None
            total += stats.null_count
        nulls.append(total)
    return tuple(table.rows - n for n in nulls)


def _verification_warnings(found: Verification) -> list[str]:
    warnings = [
        f"column {column!r}: {count:,} value(s) could not be read as the rule expects (or the "
        "rule removes them) and were emptied (fail closed); review the column's format"
        for column, count in found.emptied.items()
    ]
    warnings += [
        f"column {r.column!r}: {r.values:,} value(s) look like {r.category.label.lower()} "
        f"({r.category.value}, {r.detector}); kept because a person reviewed the column"
        for r in found.residuals if r.accepted
    ]
    return warnings


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"


def _parameters(plan: Plan, keys: Keys, fmt: Format, engine: str) -> dict[str, Any]:
    return {
        "profile": plan.policy.profile,
        "reference_date": plan.reference_date.isoformat(),
        "zip3_lists": list(plan.policy.zip3.restricted_lists),
        "zip3_population_table": None if plan.policy.zip3.population_table is None
        else str(plan.policy.zip3.population_table),
        "output_format": fmt.value,
        "engine": engine,
        "secret_fingerprint": None if keys.secret is None else keys.secret.fingerprint,
        "keystore": None if keys.keystore is None else keys.keystore.location,
        "seed": None,
    }


def _key_notes(keys: Keys, codes: dict[str, int]) -> dict[str, str]:
    notes = {}
    if codes and keys.keystore is not None:
        notes["pseudonym"] = (
            f"random codes for {', '.join(codes)} are held in the {keys.keystore.location} "
            "(not part of this output); the data is coded, not anonymous, while that key exists"
        )
    if keys.secret is not None:
        notes["secret"] = f"keyed actions used secret fingerprint {keys.secret.fingerprint}"
    return notes


def _distributions(engine: Engine, written: Table, plan: Plan) -> dict[str, Any]:
    """Value counts of top-coded age columns in the written output."""
    columns = [s.output for s in plan.outputs if s.action in ("top_code", "age") and s.output]
    if not columns:
        return {}
    result: dict[str, Any] = {}
    for column in columns:
        counts = engine.group_counts(written, {column: pl.col(column).cast(pl.String)}
                                     ).drop_nulls()
        rows = sorted(((str(v), int(n)) for v, n in counts.iter_rows()), key=_age_order)
        label = next((s.rule.label for s in plan.outputs if s.output == column
                      and hasattr(s.rule, "label")), "90+")
        result[column] = {"title": f"{column} after top-coding", "counts": rows,
                          "highlight": [label]}
    return result


def _risk(engine: Engine, written: Table, quasi: list[str]) -> dict[str, Any] | None:
    """The re-identification risk of the output over the quasi-identifiers it kept."""
    if not quasi:
        return None
    from veil.risk.assess import assess_table

    return assess_table(engine, written, quasi=quasi, pairs=len(quasi) <= 6).to_dict()


def _age_order(item: tuple[str, int]) -> tuple[int, str]:
    value = item[0]
    return (int(value), "") if value.isdigit() else (10_000, value)
