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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from veil import __version__
from veil.dp.cli import dp_command, ledger_app
from veil.errors import UsageError, VeilError
from veil.vault.cli import pseudonymize, vault_app

if TYPE_CHECKING:  # the CLI imports its heavy modules lazily, per command
    from veil.hierarchy import Hierarchy
    from veil.io.formats import Format
    from veil.pipeline import InputSpec, Keys

app = typer.Typer(
    name="veil",
    help="De-identify health and research data: HIPAA Safe Harbor, re-identification risk, "
         "optimal anonymization, local recoding.",
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


def _spec(path: Path, input_format: str | None, sep: str | None) -> InputSpec:
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


@generate_app.command("voters")
def generate_voters(
    output: Annotated[Path, typer.Option("-o", "--output", help=".csv or .parquet")],
    rows: Annotated[int, typer.Option("--rows", min=1, help="rows of the patient table")] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="the patient table's seed")] = 0,
    sample: Annotated[float, typer.Option("--sample", min=0.0, max=1.0,
                                          help="share of the patients listed")] = 0.5,
    outsiders: Annotated[float, typer.Option("--outsiders", min=0.0,
                                             help="extra people not in the patient table, "
                                             "as a share of those listed")] = 0.0,
) -> None:
    """Write an auxiliary "voter list" (name, birth year, sex, ZIP3) of the same people as
    `generate patients` with the same --rows and --seed, for attack simulations."""
    from veil.synth.voters import write_voter_list

    write_voter_list(output, rows, seed=seed, sample=sample, include_outsiders=outsiders)
    out.print(f"wrote a voter list of {round(rows * sample):,} patients to {output}")


@app.command()
def scan(
    path: InputArg,
    as_json: Annotated[bool, typer.Option("--json", help="machine-readable output")] = False,
    sample_rows: Annotated[int, typer.Option("--sample-rows", min=1)] = 10_000,
    input_format: FormatOpt = None,
    sep: SepOpt = None,
) -> None:
    """Classify every column: which identifier category it holds, with evidence."""
    from veil.pipeline import scan_file

    spec = _spec(path, input_format, sep)
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
def verify(
    path: InputArg,
    profile: Annotated[str, typer.Option("--profile", help="safe-harbor")] = "safe-harbor",
    as_json: Annotated[bool, typer.Option("--json", help="machine-readable output")] = False,
    owner_report: Annotated[Path | None, typer.Option(
        "--report", help="write the data owner's JSON report (with the first row positions of "
        "each finding, never values) to this file")] = None,
    input_format: FormatOpt = None,
    sep: SepOpt = None,
) -> None:
    """Check every value and column name of any file for residual identifiers.

    Exit code 0: nothing found; 3: residual identifiers (counted by column and
    category, never shown); 2: the file or an option is wrong.
    """
    from veil.io.formats import parse_format
    from veil.verify import verify_file

    if profile != "safe-harbor":
        raise UsageError(f"profile {profile!r} is not implemented for verify",
                         hint="use --profile safe-harbor")
    found = verify_file(path, fmt=None if input_format is None else parse_format(input_format),
                        separator=_separator(sep))
    if owner_report is not None:
        from veil.io.write import atomic_file

        with atomic_file(owner_report) as temporary:
            temporary.write_text(json.dumps(found.to_dict(rows=True), indent=2) + "\n",
                                 encoding="utf-8")
    if as_json:
        sys.stdout.write(json.dumps(found.to_dict(rows=False), indent=2) + "\n")
    else:
        _print_verification(found)
    if not found.passed:
        raise typer.Exit(3)


def _separator(sep: str | None) -> str | None:
    if sep is not None and len(sep) != 1:
        raise UsageError(f"--sep must be one character, got {len(sep)}")
    return sep


def _print_verification(found: Any) -> None:
    out.print(found.summary_line(), highlight=False)
    if found.passed:
        return
    table = Table(title="residual identifiers (counts, never values)")
    for name in ("column", "category", "detector", "values"):
        table.add_column(name)
    for item in found.failures:
        table.add_row(item.column, f"{item.category.value} {item.category.label}",
                      item.detector, f"{item.values:,}")
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
    from veil.pipeline import propose_policy, scan_file

    spec = _spec(path, input_format, sep)
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
    from veil.plan import compile_plan
    from veil.policy.load import load_policy

    spec = _spec(path, input_format, sep)
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


def _names(value: str | None, option: str) -> list[str]:
    names = [n.strip() for n in (value or "").split(",") if n.strip()]
    if value is not None and not names:
        raise UsageError(f"{option} needs at least one column name")
    return names


@app.command()
def risk(
    path: InputArg,
    qi: Annotated[str, typer.Option("--qi", help="quasi-identifiers, comma-separated")],
    sensitive: Annotated[str | None, typer.Option(
        "--sensitive", help="sensitive attributes, comma-separated (l-diversity, t-closeness)")
    ] = None,
    population: Annotated[int | None, typer.Option(
        "--population", min=1, help="population size the data was sampled from")] = None,
    population_table: Annotated[Path | None, typer.Option(
        "--population-table", help="a file holding the population (same quasi-identifiers)")
    ] = None,
    sampling_fraction: Annotated[float | None, typer.Option(
        "--sampling-fraction", min=0.0, max=1.0, help="sample size / population size")] = None,
    threshold: Annotated[float, typer.Option(
        "--threshold", min=0.0, max=1.0, help="risk threshold (0.09: EMA / Health Canada)")
    ] = 0.09,
    as_json: Annotated[bool, typer.Option("--json", help="machine-readable output")] = False,
    html: Annotated[Path | None, typer.Option("--html", help="write an HTML report here")] = None,
    pairs: Annotated[bool, typer.Option(help="also measure pairs of quasi-identifiers")] = True,
    hierarchies: Annotated[Path | None, typer.Option(
        "--hierarchies", help="directory of ARX hierarchy files <dataset>_hierarchy_<attr>.csv: "
        "hierarchical t-closeness and one-level generalization contributions")] = None,
    hierarchy: Annotated[list[str] | None, typer.Option(
        "--hierarchy", help="ATTR=FILE, an ARX hierarchy file; repeatable")] = None,
    input_format: FormatOpt = None,
    sep: SepOpt = None,
) -> None:
    """Measure re-identification risk: k, prosecutor/journalist/marketer risk,
    population uniqueness, l-diversity, t-closeness and what drives the risk."""
    from veil.pipeline import InputSpec
    from veil.risk import Population, assess

    given = [x is not None for x in (population, population_table, sampling_fraction)]
    if sum(given) > 1:
        raise UsageError("give at most one of --population, --population-table, "
                         "--sampling-fraction")
    if sampling_fraction == 0:
        raise UsageError("--sampling-fraction must be greater than 0")
    spec = _spec(path, input_format, sep)
    table = None
    if population_table is not None:
        table = InputSpec(population_table).open().frame.collect(engine="streaming")
    quasi, sensitive_names = _names(qi, "--qi"), _names(sensitive, "--sensitive")
    result = assess(
        spec.open().frame, quasi=quasi, sensitive=sensitive_names,
        population=Population(population, sampling_fraction, table), threshold=threshold,
        pairs=pairs,
        hierarchies=_risk_hierarchies([*quasi, *sensitive_names], hierarchies, hierarchy or []),
    )
    data = result.to_dict()
    if html is not None:
        from veil.io.write import atomic_file
        from veil.report.risk_html import render_risk_html

        with atomic_file(html) as staging:
            staging.write_text(render_risk_html(data, source=path.name), encoding="utf-8")
    if as_json:
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return
    _print_risk(data)
    if html is not None:
        out.print(f"report: {html}")


def _risk_hierarchies(attributes: list[str], directory: Path | None,
                      explicit: list[str]) -> dict[str, Hierarchy]:
    """Hierarchies given by --hierarchy ATTR=FILE, else found in --hierarchies DIR."""
    from veil.errors import HierarchyError
    from veil.hierarchy import find_hierarchies, read_arx_csv

    files: dict[str, Path] = {}
    for item in explicit:
        attribute, sep_, file = item.partition("=")
        if not sep_ or not attribute or not file:
            raise UsageError("--hierarchy must be ATTR=FILE", hint="e.g. --hierarchy age=age.csv")
        if attribute not in attributes:
            raise UsageError(f"--hierarchy names {attribute!r}, which is not among --qi or "
                             "--sensitive")
        files[attribute] = Path(file)
    if directory is not None:
        for attribute in attributes:
            if attribute in files:
                continue
            try:
                files.update(find_hierarchies(directory, [attribute]))
            except HierarchyError:
                continue  # optional here: attributes without a file are measured without
    read = {a: read_arx_csv(f, a) for a, f in files.items()}
    for note in (note for h in read.values() for note in h.notes):  # stderr: --json stays clean
        sys.stderr.write(f"veil: note: {note}\n")
    return read


@app.command()
def attack(
    release: Annotated[Path, typer.Argument(help="the released (de-identified) file")],
    auxiliary: Annotated[Path, typer.Option("--auxiliary", help="the adversary's table")],
    on: Annotated[str, typer.Option(
        "--on", help="matching columns, comma-separated; RELEASE=AUX when names differ")],
    release_id: Annotated[str | None, typer.Option(
        "--release-id", help="ground-truth id column of the release (not matched on)")] = None,
    auxiliary_id: Annotated[str | None, typer.Option(
        "--auxiliary-id", help="ground-truth id column of the auxiliary table")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="machine-readable output")] = False,
    sep: SepOpt = None,
) -> None:
    """Simulate a linkage attack: match an auxiliary table with identities to the release
    and compare the share re-identified with the estimated risk."""
    from veil.pipeline import InputSpec
    from veil.risk import assess
    from veil.risk.attack import link

    pairs = [name.split("=", 1) if "=" in name else [name, name] for name in _names(on, "--on")]
    columns = [mine.strip() for mine, _ in pairs]
    released = InputSpec(release, None, sep).open().frame
    adversary = InputSpec(auxiliary, None, sep).open().frame.rename(
        {theirs.strip(): mine.strip() for mine, theirs in pairs if mine != theirs}, strict=False)
    result = link(released, adversary, on=columns,
                  release_id=release_id, auxiliary_id=auxiliary_id)
    estimate = assess(released, quasi=columns, pairs=False)
    data = result.to_dict() | {
        "estimated_prosecutor_risk": {"highest": estimate.prosecutor.highest,
                                      "average": estimate.prosecutor.average},
    }
    if as_json:
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return
    out.print(
        f"{result.auxiliary_records:,} auxiliary records attacked on {'+'.join(columns)}: "
        f"{result.share_unique:.1%} matched exactly one release record"
        + ("" if result.share_correct is None
           else f", {result.share_correct:.1%} matched correctly")
        + f"; expected success of a random pick {result.expected_success:.1%}. "
        f"Estimated prosecutor risk of the release: average {estimate.prosecutor.average:.1%}, "
        f"highest {estimate.prosecutor.highest:.2f}.", highlight=False)


def _print_risk(data: dict[str, object]) -> None:
    out.print(str(data["summary"]), highlight=False)
    table = Table(title="re-identification risk")
    for name in ("model", "highest", "average (success)", "records above threshold", "source"):
        table.add_column(name)
    for model in ("prosecutor", "journalist"):
        m = data[model]
        assert isinstance(m, dict)
        table.add_row(model, f"{m['highest']:.4f}", f"{m['average']:.4f}",
                      f"{m['records_at_risk']:.2%}", str(m["source"]))
    marketer = data["marketer"]
    assert isinstance(marketer, dict)
    table.add_row("marketer", "", f"{marketer['success_rate']:.4f}", "", "")
    out.print(table)
    out.print(
        f"records {data['records']:,}, classes {data['classes']:,}, smallest class (k) "
        f"{data['smallest_class']}, average size {float(str(data['average_class_size'])):.2f}, "
        f"sample uniques {data['sample_uniques']:,}", highlight=False)
    pop = data.get("population_uniqueness")
    if isinstance(pop, dict):
        chosen = pop["dankar"]
        out.print(f"population uniques ({pop['dankar_choice']}, Dankar rule): "
                  f"{chosen['uniques']:,.1f} ({chosen['fraction']:.4%})", highlight=False)
    for item in data["sensitive"]:  # type: ignore[attr-defined]
        out.print(f"{item['attribute']}: distinct l {item['distinct_l']}, entropy l "
                  f"{item['entropy_l']:.3f}, t (equal) {item['t_closeness_equal']:.4f}",
                  highlight=False)
    contributions = data["contributions"]
    assert isinstance(contributions, dict)
    for item in contributions["by_attribute"][:5]:
        out.print(f"without {'+'.join(item['attributes'])}: {item['uniques_removed']:,} "
                  f"uniques fewer ({item['share_removed']:.0%})", highlight=False)


@contextmanager
def _keys(secret_file: Path | None, key_file: Path | None, vault: str | None = None,
          vault_key_file: Path | None = None, scope: str | None = None,
          purpose: str | None = None) -> Iterator[Keys]:
    """The secret and the pseudonym key store: a local key file, or the key vault.

    With the vault, the store is an `ExportAudit`: the command calls `_exported`
    once its output is written, which audits the release's export (nothing is
    audited as exported when the run fails).
    """
    from veil.actions.keystore import LocalKeyStore
    from veil.actions.secrets import load_secret
    from veil.pipeline import Keys

    secret = load_secret(secret_file)
    if vault is None:
        if vault_key_file is not None or scope is not None:
            raise UsageError("--vault-key-file and --scope need --vault URL")
        if purpose is not None:
            raise UsageError("--purpose is recorded in the key vault's audit log: it needs "
                             "--vault URL")
        yield Keys(secret, None if key_file is None else LocalKeyStore(key_file))
        return
    if key_file is not None:
        raise UsageError("give either --key-file (a local key store) or --vault, not both")
    from veil.vault.cli import ExportAudit, actor_name, master_key
    from veil.vault.keystore import VaultKeyStore
    from veil.vault.vault import Vault

    with Vault.open(vault, master_key(vault, vault_key_file, False)) as opened:
        yield Keys(secret, ExportAudit(VaultKeyStore(opened, actor=actor_name(None),
                                                     purpose=purpose, scope=scope)))


def _exported(keys: Keys, report: dict[str, Any]) -> None:
    """Audit the export of a written release in the key vault (no-op without the vault)."""
    from veil.vault.cli import ExportAudit

    if isinstance(keys.keystore, ExportAudit):
        output = report["output"]
        keys.keystore.exported(rows=int(output["rows"]), columns=int(output["columns"]))


SecretOpt = Annotated[Path | None, typer.Option(
    "--secret-file", help="secret for fake/hmac (else $VEIL_SECRET)")]
KeyFileOpt = Annotated[Path | None, typer.Option(
    "--key-file", help="pseudonym key store (created if missing; keep it apart from the output)")]
VaultOpt = Annotated[str | None, typer.Option(
    "--vault", help="pseudonym codes from the key vault at this URL (sqlite:///F, "
    "postgresql+psycopg://...) instead of a local --key-file")]
VaultKeyOpt = Annotated[Path | None, typer.Option(
    "--vault-key-file", help="the vault's master key file (else $VEIL_MASTER_KEY)")]
ScopeOpt = Annotated[str | None, typer.Option(
    "--scope", help="vault scope for every pseudonym column (else each rule's scope)")]
OutFormatOpt = Annotated[str | None, typer.Option(
    "--format", help="output format (default: the input's): csv, parquet or jsonl")]
OutDirOpt = Annotated[Path, typer.Option("-o", "--output", help="output directory")]
OverwriteOpt = Annotated[bool, typer.Option("--overwrite", help="replace an existing -o")]
RiskOpt = Annotated[bool, typer.Option(
    "--risk/--no-risk", help="add the re-identification risk of the kept quasi-identifiers")]


@app.command()
def apply(
    path: InputArg,
    policy: Annotated[Path, typer.Option("--policy", help="policy YAML")],
    output: OutDirOpt,
    output_format: OutFormatOpt = None,
    secret_file: SecretOpt = None,
    key_file: KeyFileOpt = None,
    vault: VaultOpt = None,
    vault_key_file: VaultKeyOpt = None,
    scope: ScopeOpt = None,
    purpose: Annotated[str | None, typer.Option(
        "--purpose", help="why, for the key vault's audit log (with --vault)")] = None,
    overwrite: OverwriteOpt = False,
    with_risk: RiskOpt = True,
    input_format: FormatOpt = None,
    sep: SepOpt = None,
) -> None:
    """Apply a policy: write the de-identified data, report and manifest to a directory."""
    from veil.pipeline import apply_policy
    from veil.policy.load import load_policy

    spec = _spec(path, input_format, sep)
    loaded = load_policy(policy)
    with _keys(secret_file, key_file, vault, vault_key_file, scope, purpose) as keys:
        result = apply_policy(
            spec, loaded, output, policy_text=policy.read_text(encoding="utf-8"), keys=keys,
            output_format=_output_format(output_format), overwrite=overwrite,
            with_risk=with_risk)
        _exported(keys, result.report)  # only now: the release exists
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
    vault: VaultOpt = None,
    vault_key_file: VaultKeyOpt = None,
    scope: ScopeOpt = None,
    purpose: Annotated[str | None, typer.Option(
        "--purpose", help="why, for the key vault's audit log (with --vault)")] = None,
    overwrite: OverwriteOpt = False,
    with_risk: RiskOpt = True,
    input_format: FormatOpt = None,
    sep: SepOpt = None,
) -> None:
    """Scan, apply the profile's default policy, and report, in one step."""
    from veil.pipeline import deidentify as run

    spec = _spec(path, input_format, sep)
    with _keys(secret_file, key_file, vault, vault_key_file, scope, purpose) as keys:
        result = run(
            spec, output, profile=profile, reference_date=_reference_date(reference_date),
            keys=keys, overwrite=overwrite, with_risk=with_risk,
            output_format=_output_format(output_format),
        )
        _exported(keys, result.report)  # only now: the release exists
    _summary(result.report, output)


@app.command()
def anonymize(
    path: InputArg,
    output: OutDirOpt,
    policy: Annotated[Path | None, typer.Option(
        "--policy", help="policy YAML with an expert: section (instead of the target options)")
    ] = None,
    qi: Annotated[str | None, typer.Option("--qi", help="quasi-identifiers, comma-separated")
                  ] = None,
    hierarchies: Annotated[Path | None, typer.Option(
        "--hierarchies", help="directory of ARX hierarchy files <dataset>_hierarchy_<attr>.csv")
    ] = None,
    hierarchy: Annotated[list[str] | None, typer.Option(
        "--hierarchy", help="ATTR=FILE (an ARX hierarchy) or ATTR=auto; repeatable")] = None,
    k: Annotated[int | None, typer.Option("--k", help="k-anonymity: classes of k or more")
                 ] = None,
    l_models: Annotated[list[str] | None, typer.Option(
        "--l", help="l-diversity of a sensitive attribute, ATTR=N; repeatable")] = None,
    l_variant: Annotated[str | None, typer.Option(
        "--l-variant", help="distinct (default), entropy or recursive")] = None,
    c: Annotated[float | None, typer.Option("--c", help="c of recursive (c,l)-diversity")
                 ] = None,
    t_models: Annotated[list[str] | None, typer.Option(
        "--t", help="t-closeness of a sensitive attribute, ATTR=T; repeatable")] = None,
    t_distance: Annotated[str | None, typer.Option(
        "--t-distance", help="equal (default), ordered or hierarchical")] = None,
    max_risk: Annotated[float | None, typer.Option(
        "--max-risk", help="highest prosecutor risk allowed (1 / class size)")] = None,
    average_risk: Annotated[float | None, typer.Option(
        "--average-risk", help="average prosecutor risk allowed")] = None,
    suppression: Annotated[float | None, typer.Option(
        "--suppression", help="largest share of records that may be suppressed (default 0)")
    ] = None,
    metric: Annotated[str | None, typer.Option(
        "--metric", help="utility model: loss (default), entropy, entropy-nm, discernibility, "
        "discernibility-nm, precision, height or aecs")] = None,
    keep: Annotated[str | None, typer.Option(
        "--keep", help="other columns to copy unchanged, comma-separated")] = None,
    drop: Annotated[str | None, typer.Option(
        "--drop", help="other columns to remove, comma-separated")] = None,
    explain: Annotated[int | None, typer.Option(
        "--explain", help="print the best N transformations (10 when N is left out)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="machine-readable output")] = False,
    time_budget: Annotated[float | None, typer.Option(
        "--time-budget", help="stop the search after SECONDS (then maybe not optimal)")] = None,
    output_format: OutFormatOpt = None,
    overwrite: OverwriteOpt = False,
    input_format: FormatOpt = None,
    sep: SepOpt = None,
) -> None:
    """Generalize the quasi-identifiers, with the least information loss, until the data
    meets k-anonymity, l-diversity, t-closeness or a risk bound; write data and report."""
    from veil.anonymize.run import AnonymizeOptions, anonymize_file
    from veil.policy.expert import CommandLineTargets, load_expert

    targets = CommandLineTargets(
        qi=tuple(_names(qi, "--qi")), hierarchies=hierarchies, hierarchy=tuple(hierarchy or ()),
        k=k, l=tuple(l_models or ()), l_variant=l_variant, c=c, t=tuple(t_models or ()),
        t_distance=t_distance, max_risk=max_risk, average_risk=average_risk,
        suppression=suppression, metric=metric, keep=tuple(_names(keep, "--keep")),
        drop=tuple(_names(drop, "--drop")))
    if explain is not None and explain < 1:
        raise UsageError(f"--explain must be a whole number of 1 or more; got {explain}")
    if time_budget is not None and not time_budget > 0:
        raise UsageError(f"--time-budget must be a number of seconds above 0; got {time_budget}")
    if policy is not None and targets.given():
        raise UsageError(f"give either --policy or target options, not both "
                         f"({', '.join(targets.given())})")
    expert, text = load_expert(policy) if policy is not None else (None, None)
    dataset = _spec(path, input_format, sep).open()
    if expert is None:
        expert = targets.to_expert(dataset.columns, source=path.name)
    summary = anonymize_file(
        dataset, expert, output, base=policy.parent if policy is not None else Path(),
        origin="policy" if policy is not None else "options", policy_text=text,
        options=AnonymizeOptions(_output_format(output_format), overwrite,
                                 max(10, explain or 0), time_budget))
    candidates = summary.pop("candidates")
    if explain is not None:
        summary["candidates"] = candidates[:explain]
    if as_json:
        sys.stdout.write(json.dumps(summary, indent=2) + "\n")
        return
    _print_anonymization(summary)


@app.command()
def recode(
    path: InputArg,
    output: OutDirOpt,
    method: Annotated[str, typer.Option(
        "--method", help="mondrian (k-anonymous boxes: ranges and value sets), mdav "
        "(multivariate microaggregation of numbers) or univariate (per column, for big data)")],
    qi: Annotated[str, typer.Option(
        "--qi", help="the columns to recode (numeric for microaggregation), comma-separated")],
    k: Annotated[int, typer.Option("--k", help="smallest group size")],
    l_value: Annotated[int | None, typer.Option(
        "--l", help="Mondrian only: distinct values of --sensitive per box")] = None,
    sensitive: Annotated[str | None, typer.Option(
        "--sensitive", help="Mondrian only: the sensitive attribute for --l")] = None,
    keep: Annotated[str | None, typer.Option(
        "--keep", help="other columns to copy unchanged, comma-separated")] = None,
    drop: Annotated[str | None, typer.Option(
        "--drop", help="other columns to remove, comma-separated")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="machine-readable output")] = False,
    output_format: OutFormatOpt = None,
    overwrite: OverwriteOpt = False,
    input_format: FormatOpt = None,
    sep: SepOpt = None,
) -> None:
    """Local recoding without hierarchies: Mondrian boxes or microaggregation to groups of
    at least k; writes data, recoding.json, report.html and manifest.json."""
    from typing import cast

    from veil.anonymize.recode import Method, RecodeTargets, recode_file

    if method not in ("mondrian", "mdav", "univariate"):
        raise UsageError(f"--method must be mondrian, mdav or univariate; got {method!r}")
    targets = RecodeTargets(cast(Method, method), tuple(_names(qi, "--qi")), k, l_value,
                            sensitive, tuple(_names(keep, "--keep")), tuple(_names(drop, "--drop")))
    summary = recode_file(_spec(path, input_format, sep).open(), targets, output,
                          output_format=_output_format(output_format), overwrite=overwrite)
    if as_json:
        sys.stdout.write(json.dumps(summary, indent=2) + "\n")
        return
    out.print(f"recoded {summary['records']:,} records by {method}: {summary['groups']:,} "
              f"groups, smallest {summary['smallest_group']:,}; information loss "
              f"{summary['information_loss']:.4g} ({summary['information_loss_model']})",
              highlight=False)
    out.print(f"output: {output} (data, recoding.json, report.html, manifest.json)",
              highlight=False)


def _print_anonymization(summary: dict[str, Any]) -> None:
    levels = summary["levels"]
    out.print(
        f"anonymized {summary['records']:,} records to {' and '.join(summary['models'])}: "
        f"{summary['classes']:,} classes, smallest {summary['smallest_class']:,}, "
        f"{summary['suppressed']:,} suppressed", highlight=False)
    out.print("levels: " + ", ".join(f"{q} {v}" for q, v in levels.items()), highlight=False)
    out.print(
        f"score {summary['score']:.6g} ({summary['metric']}); {summary['evaluated']:,} of "
        f"{summary['lattice_size']:,} transformations evaluated, "
        f"{'exhaustive' if summary['exhaustive'] else 'NOT exhaustive (stopped early)'}, "
        f"{summary['seconds']:.1f} s", highlight=False)
    candidates = summary.get("candidates")
    if candidates:
        table = Table(title=f"best {len(candidates)} transformations; levels of "
                      + ", ".join(levels))
        for name in ("rank", "levels", "score", "suppressed", "classes", "smallest"):
            table.add_column(name, justify="right")
        for c in candidates:
            table.add_row(str(c["rank"]), " ".join(str(c["levels"][q]) for q in levels),
                          f"{c['score']:.6g}", f"{c['suppressed']:,}", f"{c['classes']:,}",
                          f"{c['smallest_class']:,}")
        out.print(table)
    out.print(f"data:   {summary['data']}")
    out.print(f"report: {Path(summary['output']) / 'report.html'} "
              "(and anonymization.json, manifest.json)")


def _output_format(name: str | None) -> Format | None:
    from veil.io.formats import parse_format

    return None if name is None else parse_format(name)


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


app.command("pseudonymize")(pseudonymize)
app.add_typer(vault_app, name="vault")
app.command("dp")(dp_command)
app.add_typer(ledger_app, name="ledger")


def main() -> None:
    """Entry point: run the app, turning errors into one line and an exit code."""
    try:
        code = app(args=_optional_values(sys.argv[1:]), standalone_mode=False)
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
        if type(error).__name__ == "NoArgsIsHelpError" and callable(show):
            show()  # `veil` or `veil generate` alone: the help
        else:
            sys.stderr.write(f"veil: error: {_usage_line(error)}\n")
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


# Options whose value may be left out, with the value that then applies (click has no
# optional values): `veil anonymize FILE --explain` means `--explain=10`.
_OPTIONAL_VALUES: dict[str, dict[str, str]] = {"anonymize": {"--explain": "10"}}


def _optional_values(argv: list[str]) -> list[str]:
    """`argv` with each optional-value option that has no number after it given its default."""
    command = next((arg for arg in argv if not arg.startswith("-")), "")
    options = _OPTIONAL_VALUES.get(command, {})
    return [f"{arg}={options[arg]}" if arg in options
            and not (i + 1 < len(argv) and argv[i + 1].isdigit()) else arg
            for i, arg in enumerate(argv)]


def _usage_line(error: Exception) -> str:
    """A command-line usage error as one line, pointing at the command's help."""
    format_message = getattr(error, "format_message", None)
    text = " ".join(str(format_message() if callable(format_message) else error).split())
    path = getattr(getattr(error, "ctx", None), "command_path", None)
    return f"{text} (fix: see '{path} --help')" if path else text


def _fail_quietly(error: VeilError) -> NoReturn:
    sys.stderr.write(f"veil: error: {error.one_line()}\n")
    sys.exit(error.exit_code)


# the honest-broker service (issue 5): `veil serve` and `veil token ...`
from veil.service.cli import serve, token_app  # noqa: E402

app.command("serve")(serve)
app.add_typer(token_app, name="token")
