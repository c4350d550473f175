"""The library workflow behind `import veil`: thin wrappers where the underlying call
carries command-line concerns (an `InputSpec`, the policy's text, a spec's text).

Each function takes the data first (a path, or an `InputSpec` when the format or
separator must be forced), then keyword-only options, and returns typed values:
`Deidentified` holds the validated `report.json` and `manifest.json` records.
The functions that need no wrapper (`propose_policy`, `load_policy`, `assess_risk`,
`anonymize_frame`, ...) are re-exported from their home modules by `veil`.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from veil.errors import UsageError
from veil.io.formats import Format
from veil.pipeline import SAMPLE_ROWS, InputSpec, Keys, Proposal, RunResult
from veil.pipeline import apply_policy as _apply_policy
from veil.pipeline import deidentify as _deidentify
from veil.pipeline import scan_file as _scan_file
from veil.policy.load import load_policy
from veil.policy.models import Policy
from veil.policy.render import render_policy
from veil.records import DeidentificationReport, ManifestRecord
from veil.scan import ScanResult
from veil.verify import Verification
from veil.verify import verify_file as _verify_file

if TYPE_CHECKING:  # the vault (SQLAlchemy, cryptography) and DP (OpenDP) load on first use
    from veil.dp.ledger_anchor import LedgerFiles
    from veil.dp.release import ReleaseOutcome
    from veil.dp.spec import ReleaseSpec
    from veil.vault.anchoring import AnchorOptions
    from veil.vault.keys import MasterKey
    from veil.vault.vault import Vault

Source = str | os.PathLike[str] | InputSpec
"""Input data: a path (.csv, .parquet, .jsonl; the format from the name and content)
or an `InputSpec` that forces the format or the CSV separator."""
NO_KEYS = Keys()
"""No secret and no key store: the default (keyed and coded actions then refuse to run)."""


@dataclass(frozen=True)
class Deidentified:
    """A written release: where it is, and its validated report and manifest."""

    output: Path
    data_file: Path
    report: DeidentificationReport
    manifest: ManifestRecord

    @classmethod
    def of(cls, run: RunResult) -> Deidentified:
        return cls(run.outdir, run.data_file, DeidentificationReport.model_validate(run.report),
                   ManifestRecord.model_validate(run.manifest))


def input_spec(source: Source) -> InputSpec:
    """`source` as an `InputSpec` (a path's format is read from its name and content)."""
    if isinstance(source, InputSpec):
        return source
    if isinstance(source, str | os.PathLike):
        return InputSpec(Path(source))
    raise UsageError(f"the data must be a path or an InputSpec; got a {type(source).__name__}",
                     hint="write a DataFrame to Parquet first, or call veil.scan_frame on it")


def scan_file(source: Source, *, sample_rows: int = SAMPLE_ROWS) -> ScanResult:
    """Classify every column of a file from a sample of its rows (`veil scan`)."""
    return _scan_file(input_spec(source), sample_rows=sample_rows)


def apply_policy(source: Source, policy: Policy | Proposal | str | os.PathLike[str],
                 output: str | os.PathLike[str], *, keys: Keys = NO_KEYS,
                 output_format: Format | None = None, overwrite: bool = False,
                 with_risk: bool = True) -> Deidentified:
    """De-identify `source` under `policy` into the directory `output` (`veil apply`).

    `policy` is a policy file, a `Policy` value or a `Proposal` (its text, with the
    reason per column, is what the output's policy.yaml holds). The output is
    verified, every value, before it is moved into place: VerificationError and
    nothing written when an identifier remains.
    """
    if isinstance(policy, Proposal):
        loaded, text = policy.policy, policy.text
        reasons, warnings = policy.reasons, policy.warnings
    elif isinstance(policy, Policy):
        loaded, text, reasons, warnings = policy, render_policy(policy), None, ()
    else:
        loaded = load_policy(Path(policy))
        text, reasons, warnings = Path(policy).read_text(encoding="utf-8"), None, ()
    return Deidentified.of(_apply_policy(
        input_spec(source), loaded, Path(output), policy_text=text, keys=keys,
        output_format=output_format, overwrite=overwrite, reasons=reasons,
        extra_warnings=warnings, with_risk=with_risk))


def deidentify(source: Source, output: str | os.PathLike[str], *,
               profile: str = "safe-harbor", reference_date: dt.date | None = None,
               keys: Keys = NO_KEYS, output_format: Format | None = None,
               overwrite: bool = False, with_risk: bool = True) -> Deidentified:
    """Scan, propose the profile's policy and apply it, in one step (`veil deidentify`).

    Columns the verification pass finds identifiers in, although the sample did not
    show them, are redacted and the run repeated (the report says which and why).
    """
    return Deidentified.of(_deidentify(
        input_spec(source), Path(output), profile=profile, reference_date=reference_date,
        keys=keys, output_format=output_format, overwrite=overwrite, with_risk=with_risk))


def verify_file(source: Source) -> Verification:
    """Check every value and column name of any file for residual identifiers (`veil verify`).

    Counts by column and Safe Harbor category, never values; `.passed` says whether
    the file is clean.
    """
    spec = input_spec(source)
    return _verify_file(spec.path, fmt=spec.format, separator=spec.separator)


def open_vault(url: str, key: MasterKey, *, create: bool = False,
               anchor: AnchorOptions | None = None) -> Vault:
    """The key vault at `url` (`sqlite:///file.db` or a PostgreSQL URL), or a new one with
    `create`; use it as a context manager (`with veil.open_vault(...) as vault:`)."""
    from veil.vault.vault import Vault

    if create:
        return Vault.create(url, key, anchor=anchor)
    return Vault.open(url, key, anchor=anchor)


def release_dp(source: str | os.PathLike[str], spec: ReleaseSpec | str | os.PathLike[str],
               output: str | os.PathLike[str], *, ledger: str | None = None,
               ledger_files: LedgerFiles | None = None, preview: bool = False,
               actor: str | None = None, overwrite: bool = False) -> ReleaseOutcome:
    """A differentially private release of `spec`'s queries on `source` (`veil dp`).

    The release is charged to the custodian's budget `ledger` (a URL; it must exist and
    hold a registration of this data) before anything is computed. `preview=True` runs
    the same measurements without a ledger and writes the true values beside them, for
    the data owner's eyes only.
    """
    from veil.dp.release import release
    from veil.dp.spec import ReleaseSpec, load_spec

    if isinstance(spec, ReleaseSpec):
        loaded, text = spec, spec.model_dump_json(indent=2)
    else:
        loaded, text = load_spec(Path(spec))
    return release(Path(source), loaded, spec_text=text, out_dir=Path(output),
                   ledger_url=ledger, ledger_files=ledger_files, actor=actor,
                   preview=preview, overwrite=overwrite)
