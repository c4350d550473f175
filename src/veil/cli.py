"""The `veil` command: a thin layer over `veil.pipeline` and friends.

Every user error is a VeilError: one line on stderr, exit code 2, nothing
written. Anything else is a bug: exit code 1, and its text (which might quote
data) is shown only with --debug.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import traceback
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from veil import __version__
from veil.errors import UsageError, VeilError

app = typer.Typer(
    name="veil",
    help="De-identify health and research data (HIPAA Safe Harbor), with a report.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
generate_app = typer.Typer(help="Generate synthetic data for demos, tests and benchmarks.",
                           no_args_is_help=True)
app.add_typer(generate_app, name="generate")

out = Console(soft_wrap=True)
_state = {"debug": False}

InputArg = Annotated[Path, typer.Argument(help="input file: .csv, .parquet or .jsonl")]
FormatOpt = Annotated[str | None, typer.Option("--input-format",
                      help="force the input format: csv, parquet or jsonl")]
SepOpt = Annotated[str | None, typer.Option("--sep", help="force the CSV separator")]


def _spec(path: Path, input_format: str | None, sep: str | None) -> object:
    from veil.io.formats import parse_format
    from veil.pipeline import InputSpec

    if sep is not None and len(sep) != 1:
        raise UsageError(f"--sep must be one character, got {len(sep)}")
    return InputSpec(path, None if input_format is None else parse_format(input_format), sep)


def _reference_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError("--reference-date must be an ISO date like 2026-01-31") from None


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="show tracebacks (may show data)")] = False,
    version: Annotated[bool, typer.Option("--version", help="print the version")] = False,
) -> None:
    """veil: de-identification of health and research data."""
    _state["debug"] = debug
    if version:
        out.print(f"veil {__version__}")
        raise typer.Exit(0)


@generate_app.command("patients")
def generate_patients(
    output: Annotated[Path, typer.Option("-o", "--output", help=".csv, .parquet or .jsonl")],
    rows: Annotated[int, typer.Option("--rows", min=1, help="number of patients")] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="random seed (same seed, same file)")] = 0,
) -> None:
    """Write a synthetic EHR extract with all 18 Safe Harbor identifier categories."""
    from veil.synth.patients import write_patients

    write_patients(output, rows, seed=seed)
    out.print(f"wrote {rows:,} synthetic patients to {output}")


@app.command()
def scan(
    path: InputArg,
    as_json: Annotated[bool, typer.Option("--json", help="machine-readable output")] = False,
    sample_rows: Annotated[int, typer.Option("--sample-rows", min=1)] = 10_000,
    input_format: FormatOpt = None,
    sep: SepOpt = None,
) -> None:
    """Classify every column: which identifier category it holds, with evidence."""
    from veil.pipeline import InputSpec, scan_file

    spec = _spec(path, input_format, sep)
    assert isinstance(spec, InputSpec)
    result = scan_file(spec, sample_rows=sample_rows)
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), indent=2) + "\n")
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


@app.command()
def init(
    path: InputArg,
    output: Annotated[Path, typer.Option("-o", "--output", help="policy file to write")],
    profile: Annotated[str, typer.Option("--profile", help="safe-harbor")] = "safe-harbor",
    reference_date: Annotated[str | None, typer.Option(
        "--reference-date", help="date ages are computed at (default: today)")] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite")] = False,
    input_format: FormatOpt = None,
    sep: SepOpt = None,
) -> None:
    """Write a policy proposed from a scan, with a comment per column saying why."""
    from veil.io.write import atomic_file
    from veil.pipeline import InputSpec, propose_policy, scan_file

    spec = _spec(path, input_format, sep)
    assert isinstance(spec, InputSpec)
    if output.exists() and not overwrite:
        raise UsageError(f"{output}: exists", hint="choose another -o or pass --overwrite")
    proposal = propose_policy(scan_file(spec), profile=profile,
                              reference_date=_reference_date(reference_date) or dt.date.today())
    with atomic_file(output) as staging:
        staging.write_text(proposal.text, encoding="utf-8")
    out.print(f"wrote policy for {len(proposal.policy.columns)} columns to {output}")
    for warning in proposal.warnings:
        out.print(f"[yellow]warning:[/yellow] {warning}", markup=True, highlight=False)


@app.command()
def plan(
    path: InputArg,
    policy: Annotated[Path, typer.Option("--policy", help="policy YAML")],
    input_format: FormatOpt = None,
    sep: SepOpt = None,
) -> None:
    """Show what a policy will do to each column, without running it."""
    from veil.pipeline import InputSpec
    from veil.plan import compile_plan
    from veil.policy.load import load_policy

    spec = _spec(path, input_format, sep)
    assert isinstance(spec, InputSpec)
    dataset = spec.open()
    compiled = compile_plan(load_policy(policy), dataset.columns, source=str(path))
    table = Table(title=f"plan for {path.name}")
    for name in ("column", "action", "output", "category", "options"):
        table.add_column(name)
    for step in compiled.describe():
        table.add_row(step["column"], step["action"], step["output"] or "(dropped)",
                      step["category"] or "", json.dumps(step["options"]) if step["options"]
                      else "")
    out.print(table)


def _keys(secret_file: Path | None, key_file: Path | None) -> object:
    from veil.actions.keystore import LocalKeyStore
    from veil.actions.secrets import load_secret
    from veil.pipeline import Keys

    return Keys(load_secret(secret_file), None if key_file is None else LocalKeyStore(key_file))


SecretOpt = Annotated[Path | None, typer.Option(
    "--secret-file", help="secret for fake/hmac (else $VEIL_SECRET)")]
KeyFileOpt = Annotated[Path | None, typer.Option(
    "--key-file", help="pseudonym key store (created if missing; keep it apart from the output)")]
OutFormatOpt = Annotated[str | None, typer.Option(
    "--format", help="output format (default: the input's): csv, parquet or jsonl")]
OutDirOpt = Annotated[Path, typer.Option("-o", "--output", help="output directory")]
OverwriteOpt = Annotated[bool, typer.Option("--overwrite", help="replace an existing -o")]


@app.command()
def apply(
    path: InputArg,
    policy: Annotated[Path, typer.Option("--policy", help="policy YAML")],
    output: OutDirOpt,
    output_format: OutFormatOpt = None,
    secret_file: SecretOpt = None,
    key_file: KeyFileOpt = None,
    overwrite: OverwriteOpt = False,
    input_format: FormatOpt = None,
    sep: SepOpt = None,
) -> None:
    """Apply a policy: write the de-identified data, report and manifest to a directory."""
    from veil.io.formats import parse_format
    from veil.pipeline import InputSpec, Keys, apply_policy
    from veil.policy.load import load_policy

    spec = _spec(path, input_format, sep)
    assert isinstance(spec, InputSpec)
    loaded = load_policy(policy)
    keys = _keys(secret_file, key_file)
    assert isinstance(keys, Keys)
    result = apply_policy(
        spec, loaded, output, policy_text=policy.read_text(encoding="utf-8"), keys=keys,
        output_format=None if output_format is None else parse_format(output_format),
        overwrite=overwrite,
    )
    _summary(result.report, output)


@app.command()
def deidentify(
    path: InputArg,
    output: OutDirOpt,
    profile: Annotated[str, typer.Option("--profile", help="safe-harbor")] = "safe-harbor",
    reference_date: Annotated[str | None, typer.Option(
        "--reference-date", help="date ages are computed at (default: today)")] = None,
    output_format: OutFormatOpt = None,
    secret_file: SecretOpt = None,
    key_file: KeyFileOpt = None,
    overwrite: OverwriteOpt = False,
    input_format: FormatOpt = None,
    sep: SepOpt = None,
) -> None:
    """Scan, apply the profile's default policy, and report, in one step."""
    from veil.io.formats import parse_format
    from veil.pipeline import InputSpec, Keys
    from veil.pipeline import deidentify as run

    spec = _spec(path, input_format, sep)
    assert isinstance(spec, InputSpec)
    keys = _keys(secret_file, key_file)
    assert isinstance(keys, Keys)
    result = run(
        spec, output, profile=profile, reference_date=_reference_date(reference_date),
        keys=keys, overwrite=overwrite,
        output_format=None if output_format is None else parse_format(output_format),
    )
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
    out.print(f"data:   {outdir / str(output['file'])}")
    out.print(f"report: {outdir / 'report.html'} (and report.json, manifest.json)")


def main() -> None:
    """Entry point: run the app, turning errors into one line and an exit code."""
    try:
        code = app(standalone_mode=False)
    except VeilError as error:
        if _state["debug"]:
            traceback.print_exc()
        _fail_quietly(error)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except typer.Abort:
        sys.stderr.write("veil: aborted\n")
        sys.exit(130)
    except typer.TyperException as error:  # a usage error: unknown option, bad value
        show = getattr(error, "show", None)
        if callable(show):
            show()
        else:
            sys.stderr.write(f"veil: error: {error}\n")
        sys.exit(2)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:
        # from Polars arrive as pyo3's PanicException, which is not an Exception
        if _state["debug"]:
            traceback.print_exc()
        sys.stderr.write(
            f"veil: internal error ({type(error).__name__}); this is a bug. "
            "Re-run with --debug to see details (they may include data).\n")
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


def _fail_quietly(error: VeilError) -> NoReturn:
    sys.stderr.write(f"veil: error: {error.one_line()}\n")
    sys.exit(2)

