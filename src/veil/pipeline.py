"""The public workflow: scan a file, propose a policy, apply it, report.

Each function is a plain call on plain values; the CLI is a thin layer over
them. Nothing is written until the run has succeeded (atomic output).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

import polars as pl

from veil.actions.keystore import KeyStore
from veil.actions.secrets import Secret
from veil.categories import Category
from veil.detect.header import safe_file_name, safe_names
from veil.engines.base import RunOptions
from veil.engines.polars_engine import PolarsEngine
from veil.errors import UsageError, VerificationError
from veil.io.formats import Format, extension
from veil.io.hashing import sha256_file, sha256_text
from veil.io.read import Dataset, open_dataset
from veil.io.write import atomic_directory, atomic_file
from veil.manifest import build_manifest
from veil.plan import Plan, compile_plan
from veil.policy.models import Policy, Redact
from veil.policy.profiles import Proposal as ProfileProposal
from veil.policy.profiles import safe_harbor_proposal
from veil.policy.render import render_policy
from veil.policy.safe_harbor import check_safe_harbor
from veil.records import DeidentificationReport, ManifestRecord
from veil.report.build import build_report
from veil.report.html import high_risk, render_html
from veil.scan import ScanResult, scan_frame
from veil.verify import Verification, plan_expectations, verify_frame

SAMPLE_ROWS = 10_000


@dataclass(frozen=True)
class InputSpec:
    """Where the input is and how to read it."""

    path: Path
    format: Format | None = None
    separator: str | None = None

    def open(self) -> Dataset:
        return open_dataset(self.path, fmt=self.format, separator=self.separator)


@dataclass(frozen=True)
class Keys:
    """Key material for keyed and coded actions (never written to any output)."""

    secret: Secret | None = None
    keystore: KeyStore | None = None


@dataclass(frozen=True)
class Proposal:
    policy: Policy
    text: str
    reasons: dict[str, str]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class RunResult:
    outdir: Path
    data_file: Path
    report: dict[str, Any]
    manifest: dict[str, Any]


def scan_file(spec: InputSpec, *, sample_rows: int = SAMPLE_ROWS) -> ScanResult:
    """Classify every column of a file from a sample of its rows."""
    dataset = spec.open()
    return scan_frame(dataset.frame, sample_rows=sample_rows, source=str(dataset.path),
                      total_rows=dataset.rows)


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
    policy: Policy,
    outdir: Path,
    *,
    policy_text: str,
    keys: Keys = Keys(),
    output_format: Format | None = None,
    overwrite: bool = False,
    reasons: dict[str, str] | None = None,
    extra_warnings: tuple[str, ...] = (),
    command: str = "apply",
    scan: ScanResult | None = None,
    with_risk: bool = True,
    remediable: bool = False,
) -> RunResult:
    """De-identify one file under `policy` into `outdir` (atomically).

    The written data is verified, every value, before it is moved into place: a
    residual identifier raises VerificationError (nothing written), or, with
    `remediable` (the policy was proposed, not written by a person), `Residuals`
    so that the caller can redact the columns and run again.
    """
    started = dt.datetime.now(dt.UTC)
    _prewarm_plots()
    dataset = spec.open()
    plan = compile_plan(policy, dataset.columns, source=str(dataset.path),
                        run_date=started.date())
    if scan is None:
        scan = scan_frame(dataset.frame, sample_rows=SAMPLE_ROWS, source=str(dataset.path),
                          total_rows=dataset.rows)
    verdict = check_safe_harbor(policy, scan)
    reasons = {**_scan_reasons(plan, scan), **(reasons or {})}
    fmt = output_format or dataset.format
    shown = safe_file_name(dataset.path.name)
    data_name = shown.partition(".")[0] + extension(fmt)
    with atomic_directory(outdir, overwrite=overwrite) as staging:
        data_file = staging / data_name
        result = PolarsEngine().execute(
            dataset, plan, RunOptions(data_file, fmt, keys.secret, keys.keystore))
        verification = _verify(dataset, plan, data_file, fmt, outdir, remediable=remediable)
        (staging / "policy.yaml").write_text(policy_text, encoding="utf-8")
        report = build_report(
            plan=plan,
            categories=verdict.categories,
            reasons=reasons,
            warnings=list(extra_warnings) + list(verdict.warnings)
            + _verification_warnings(verification),
            input_info={"file": shown, "format": dataset.format.value,
                        "rows": result.rows_out, "columns": len(dataset.columns)},
            output_info={"file": data_name, "format": fmt.value, "rows": result.rows_out,
                         "columns": len(result.columns_out)},
            distributions=_distributions(data_file, fmt, plan),
            keys=_key_notes(keys, result.codes_assigned),
            generated_at=started,
        )
        report["verification"] = verification.to_dict(rows=False)
        if with_risk:
            report["risk"] = _risk(data_file, fmt, report["quasi_identifiers"])
            if report["risk"] is not None and high_risk(report["risk"]):
                report["warnings"].append(
                    f"re-identification risk: {report['risk']['summary']} Removing the 18 "
                    "identifiers meets Safe Harbor, but the covered entity must not release "
                    "data it knows could identify people ((b)(2)(ii)); consider generalizing "
                    "or leaving out quasi-identifiers (veil anonymize)")
        report["manifest"] = {
            "input_sha256": sha256_file(dataset.path),
            "output_sha256": sha256_file(data_file),
            "policy_sha256": sha256_text(policy_text),
        }
        (staging / "report.json").write_text(  # validated: a wrong field fails here
            DeidentificationReport.model_validate(report).to_json(), encoding="utf-8")
        (staging / "report.html").write_text(render_html(report), encoding="utf-8")
        manifest = build_manifest(
            command=command,
            input_path=dataset.path,
            outputs=[data_file] + [staging / n for n in ("policy.yaml", "report.json",
                                                          "report.html")],
            output_root=staging,
            policy_sha256=report["manifest"]["policy_sha256"],
            parameters=_parameters(plan, keys, fmt),
            started_at=started,
            finished_at=dt.datetime.now(dt.UTC),
        )
        (staging / "manifest.json").write_text(
            ManifestRecord.model_validate(manifest).to_json(), encoding="utf-8")
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
) -> RunResult:
    """Scan, propose the profile's default policy, and apply it, in one step."""
    scan = scan_file(spec)
    proposal = propose_policy(scan, profile=profile,
                              reference_date=reference_date or dt.date.today())
    run = partial(apply_policy, spec, outdir=outdir, keys=keys, output_format=output_format,
                  overwrite=overwrite, command="deidentify", scan=scan, with_risk=with_risk)
    try:
        return run(proposal.policy, policy_text=proposal.text, reasons=proposal.reasons,
                   extra_warnings=proposal.warnings, remediable=True)
    except ResidualsFoundError as residuals:
        amended = _redact_residuals(proposal, residuals.found, residuals.plan, scan)
    return run(amended.policy, policy_text=amended.text, reasons=amended.reasons,
               extra_warnings=amended.warnings)


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


def _verify(dataset: Dataset, plan: Plan, data_file: Path, fmt: Format,
            outdir: Path, *, remediable: bool = False) -> Verification:
    """Check every value written; on a residual identifier fail before anything is moved
    into place, leaving only the data owner's verification report beside `outdir`."""
    if not plan.outputs:  # every column dropped: rows without values leave, nothing to read
        return Verification(source=data_file.name, rows=dataset.rows or 0, columns_checked=0,
                            residuals=())
    found = verify_frame(_scan_output(data_file, fmt), expectations=plan_expectations(plan),
                         source=data_file.name)
    found = replace(found, emptied=_emptied(dataset, plan, found))
    if found.passed:
        return found
    if remediable:
        raise ResidualsFoundError(found, plan)
    rejected = outdir.parent / f"{outdir.name}.rejected-verification.json"
    with atomic_file(rejected) as temporary:
        temporary.write_text(_json(found.to_dict(rows=True)), encoding="utf-8")
    raise VerificationError(
        f"{safe_file_name(dataset.path.name)}: the output failed verification and was not "
        "written: "
        f"{found.summary_line()}",
        hint=f"the data owner's report (counts and row positions, no values) is {rejected}; "
        "drop or redact these columns in the policy, or keep a column the finding is wrong "
        "about with {action: keep, reviewed: true}",
    )


_PARSING = ("year_only", "top_code", "age", "zip3", "generalize")


def _emptied(dataset: Dataset, plan: Plan, found: Verification) -> dict[str, int]:
    """Per transformed output column: input values the transform turned into null."""
    steps = [s for s in plan.outputs if s.action in _PARSING and s.output is not None]
    if not steps:
        return {}
    counts = _parquet_nonnull(dataset, [s.column for s in steps])
    if counts is None:
        counts = dataset.frame.select(
            [pl.col(s.column).is_not_null().sum().alias(str(i)) for i, s in enumerate(steps)]
        ).collect(engine="streaming").row(0)
    emptied = {}
    for step, before in zip(steps, counts, strict=True):
        assert step.output is not None
        lost = int(before) - found.nonnull.get(step.output, int(before))
        if lost > 0:
            emptied[step.output] = lost
    return emptied


def _parquet_nonnull(dataset: Dataset, columns: list[str]) -> tuple[int, ...] | None:
    """Non-null counts from a Parquet footer's statistics (no data read), or None."""
    if dataset.format is not Format.PARQUET or dataset.rows is None:
        return None
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(dataset.path).metadata
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
    return tuple(dataset.rows - n for n in nulls)


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


def _parameters(plan: Plan, keys: Keys, fmt: Format) -> dict[str, Any]:
    return {
        "profile": plan.policy.profile,
        "reference_date": plan.reference_date.isoformat(),
        "zip3_lists": list(plan.policy.zip3.restricted_lists),
        "zip3_population_table": None if plan.policy.zip3.population_table is None
        else str(plan.policy.zip3.population_table),
        "output_format": fmt.value,
        "engine": PolarsEngine.name,
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


def _distributions(data_file: Path, fmt: Format, plan: Plan) -> dict[str, Any]:
    """Value counts of top-coded age columns in the written output."""
    columns = [s.output for s in plan.outputs if s.action in ("top_code", "age") and s.output]
    if not columns:
        return {}
    frame = _scan_output(data_file, fmt)
    result: dict[str, Any] = {}
    for column in columns:
        counts = (frame.group_by(pl.col(column).cast(pl.String)).len()
                  .collect(engine="streaming").drop_nulls())
        rows = sorted(((str(v), int(n)) for v, n in counts.iter_rows()), key=_age_order)
        label = next((s.rule.label for s in plan.outputs if s.output == column
                      and hasattr(s.rule, "label")), "90+")
        result[column] = {"title": f"{column} after top-coding", "counts": rows,
                          "highlight": [label]}
    return result


def _risk(data_file: Path, fmt: Format, quasi: list[str]) -> dict[str, Any] | None:
    """The re-identification risk of the output over the quasi-identifiers it kept."""
    if not quasi:
        return None
    from veil.risk import assess

    return assess(_scan_output(data_file, fmt), quasi=quasi, pairs=len(quasi) <= 6).to_dict()


def _age_order(item: tuple[str, int]) -> tuple[int, str]:
    value = item[0]
    return (int(value), "") if value.isdigit() else (10_000, value)


def _scan_output(path: Path, fmt: Format) -> pl.LazyFrame:
    if fmt is Format.PARQUET:
        return pl.scan_parquet(path)
    if fmt is Format.CSV:
        return pl.scan_csv(path, infer_schema=False)
    # every line's keys: a kept field first filled after line 100 must not be typed Null
    return pl.scan_ndjson(path, infer_schema_length=None)
