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

from veil.engines.base import Engine
from veil.errors import UsageError
from veil.io.formats import Format
from veil.pipeline import (
    SAMPLE_ROWS,
    ApplyOptions,
    InputSpec,
    Keys,
    LoadedPolicy,
    Proposal,
    RunResult,
)
from veil.pipeline import apply_policy as _apply_policy
from veil.pipeline import deidentify as _deidentify
from veil.pipeline import scan_file as _scan_file
from veil.policy.models import Policy
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


EngineChoice = Engine | str | None
"""An engine (`veil.get_engine("spark", master=...)`), an engine's name, or None for the
embedded Polars engine."""


def engine_of(choice: EngineChoice) -> Engine | None:
    """The engine `choice` names (None stays None: the pipeline's default, Polars)."""
    if choice is None or not isinstance(choice, str):
        return choice
    from veil.engines import get_engine

    return get_engine(choice)


def scan_file(source: Source, *, sample_rows: int = SAMPLE_ROWS,
              engine: EngineChoice = None) -> ScanResult:
    """Classify every column of a file from a sample of its rows (`veil scan`)."""
    return _scan_file(input_spec(source), sample_rows=sample_rows, engine=engine_of(engine))


def load_policy(path: str | os.PathLike[str]) -> LoadedPolicy:
    """The policy file at `path`, validated, with its text (written to the output as is)."""
    return LoadedPolicy.from_file(Path(path))


def apply_policy(source: Source,
                 policy: LoadedPolicy | Policy | Proposal | str | os.PathLike[str],
                 output: str | os.PathLike[str], *, keys: Keys = NO_KEYS,
                 output_format: Format | None = None, overwrite: bool = False,
                 with_risk: bool = True, engine: EngineChoice = None) -> Deidentified:
    """De-identify `source` under `policy` into the directory `output` (`veil apply`).

    `policy` is a loaded policy (`veil.load_policy`), a policy file, a `Policy` value
    (written to the output as veil renders it) or a `Proposal` (its text, with the
    reason per column). The output is verified, every value, before it is moved into
    place: VerificationError, and nothing written, when an identifier remains.
    """
    if isinstance(policy, Proposal):
        loaded = policy.loaded()
    elif isinstance(policy, Policy):
        loaded = LoadedPolicy.of(policy)
    elif isinstance(policy, LoadedPolicy):
        loaded = policy
    else:
        loaded = load_policy(policy)
    options = ApplyOptions(keys=keys, output_format=output_format, overwrite=overwrite,
                           with_risk=with_risk, engine=engine_of(engine))
    return Deidentified.of(_apply_policy(input_spec(source), loaded, Path(output),
                                         options=options))


def deidentify(source: Source, output: str | os.PathLike[str], *,
               profile: str = "safe-harbor", reference_date: dt.date | None = None,
               keys: Keys = NO_KEYS, output_format: Format | None = None,
               overwrite: bool = False, with_risk: bool = True,
               engine: EngineChoice = None) -> Deidentified:
    """Scan, propose the profile's policy and apply it, in one step (`veil deidentify`).

    Columns the verification pass finds identifiers in, although the sample did not
    show them, are redacted and the run repeated (the report says which and why).
    """
    return Deidentified.of(_deidentify(
        input_spec(source), Path(output), profile=profile, reference_date=reference_date,
        keys=keys, output_format=output_format, overwrite=overwrite, with_risk=with_risk,
        engine=engine_of(engine)))


def verify_file(source: Source, *, engine: EngineChoice = None) -> Verification:
    """Check every value and column name of any file for residual identifiers (`veil verify`).

    Counts by column and Safe Harbor category, never values; `.passed` says whether
    the file is clean.
    """
    spec = input_spec(source)
    return _verify_file(spec.path, fmt=spec.format, separator=spec.separator,
                        engine=engine_of(engine))


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
