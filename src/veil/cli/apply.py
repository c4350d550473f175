"""`veil apply` (a policy) and `veil deidentify` (scan, default policy, apply: one step)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from veil.cli.common import (
    EngineOpt,
    FormatOpt,
    InputArg,
    MasterOpt,
    OutDirOpt,
    OutFormatOpt,
    OverwriteOpt,
    ReferenceDateOpt,
    SepOpt,
    SparkConfOpt,
    engine,
    out,
    output_format,
    reference_date,
    spec,
)
from veil.cli.keys import (
    KeyFileOpt,
    PurposeOpt,
    ScopeOpt,
    SecretOpt,
    VaultKeyOpt,
    VaultOpt,
    exported,
    open_keys,
)

RiskOpt = Annotated[bool, typer.Option(
    "--risk/--no-risk", help="add the re-identification risk of the kept quasi-identifiers")]


def apply(
    path: InputArg,
    policy: Annotated[Path, typer.Option("--policy", help="policy YAML")],
    output: OutDirOpt,
    output_format_: OutFormatOpt = None,
    secret_file: SecretOpt = None,
    key_file: KeyFileOpt = None,
    vault: VaultOpt = None,
    vault_key_file: VaultKeyOpt = None,
    scope: ScopeOpt = None,
    purpose: PurposeOpt = None,
    overwrite: OverwriteOpt = False,
    with_risk: RiskOpt = True,
    input_format: FormatOpt = None,
    sep: SepOpt = None,
    engine_: EngineOpt = "polars",
    master: MasterOpt = None,
    spark_conf: SparkConfOpt = None,
) -> None:
    """Apply a policy: write the de-identified data, report and manifest to a directory."""
    from veil.pipeline import ApplyOptions, LoadedPolicy, apply_policy

    source = spec(path, input_format, sep)
    loaded = LoadedPolicy.from_file(policy)
    runner = engine(engine_, master, spark_conf)
    with open_keys(secret_file, key_file, vault, vault_key_file, scope, purpose) as keys:
        result = apply_policy(source, loaded, output, options=ApplyOptions(
            keys=keys, output_format=output_format(output_format_), overwrite=overwrite,
            with_risk=with_risk, engine=runner))
        exported(keys, result.report)  # only now: the release exists
    _summary(result.report, output)


def deidentify(
    path: InputArg,
    output: OutDirOpt,
    profile: Annotated[str, typer.Option("--profile", help="safe-harbor")] = "safe-harbor",
    reference_date_: ReferenceDateOpt = None,
    output_format_: OutFormatOpt = None,
    secret_file: SecretOpt = None,
    key_file: KeyFileOpt = None,
    vault: VaultOpt = None,
    vault_key_file: VaultKeyOpt = None,
    scope: ScopeOpt = None,
    purpose: PurposeOpt = None,
    overwrite: OverwriteOpt = False,
    with_risk: RiskOpt = True,
    input_format: FormatOpt = None,
    sep: SepOpt = None,
    engine_: EngineOpt = "polars",
    master: MasterOpt = None,
    spark_conf: SparkConfOpt = None,
) -> None:
    """Scan, apply the profile's default policy, and report, in one step."""
    from veil.pipeline import deidentify as run

    source = spec(path, input_format, sep)
    runner = engine(engine_, master, spark_conf)
    with open_keys(secret_file, key_file, vault, vault_key_file, scope, purpose) as keys:
        result = run(
            source, output, profile=profile, reference_date=reference_date(reference_date_),
            keys=keys, overwrite=overwrite, with_risk=with_risk,
            output_format=output_format(output_format_), engine=runner,
        )
        exported(keys, result.report)  # only now: the release exists
    _summary(result.report, output)


def _summary(report: dict[str, object], outdir: Path) -> None:
    summary = report["summary"]
    assert isinstance(summary, dict)
    output = report["output"]
    assert isinstance(output, dict)
    out.print(
        f"de-identified {output['rows']:,} rows: {summary['categories_present']} of 18 "
        f"Safe Harbor categories found and handled; {summary['columns_dropped']} columns "
        f"dropped, {summary['columns_transformed']} transformed, {summary['columns_kept']} kept"
    )
    warnings = report.get("warnings") or []
    assert isinstance(warnings, list)
    if warnings:
        out.print(f"{len(warnings)} warning(s): see the report")
    risk = report.get("risk")
    if isinstance(risk, dict):
        out.print(f"risk:   {risk['summary']}", highlight=False)
    out.print(f"data:   {outdir / str(output['file'])}")
    out.print(f"report: {outdir / 'report.html'} (and report.json, manifest.json)")
