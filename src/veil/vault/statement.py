"""May a coded release be called anonymized? Join a shredded scope's destruction record,
the release and its residual re-identification risk into one signed-off statement.

A tour in five steps (the `veil vault statement` command runs them):

1. `load_record(path)` reads the JSON `veil vault shred -o` wrote (scope, time,
   actor, number of codes, Ed25519 signature, the vault's public key, the
   scope's code format); a malformed file is an `InputError` naming it.
2. `StatementOptions` holds the release's code column, its quasi-identifiers
   and the risk `Thresholds` (at least one is required).
3. `make_statement(dataset, record, options, public_key=...)` checks the
   signature, that the code column holds codes of that scope, and measures the
   residual risk with `veil.risk.assess`; optional `VaultEvidence` (read with
   the master key by `vault_evidence`) confirms the shredding in the vault.
4. `Statement.verdict` is "anonymized" only if every condition holds.
5. `write_statement(statement, outdir, ...)` writes statement.json,
   statement.html and manifest.json atomically.

Guarantee:
    Fail closed. The verdict is `ANONYMIZED` only if (a) the record's signature
    verifies under the public key used (Ed25519 over the canonical bytes of
    scope, time, actor and codes; `veil.vault.records`), (b) the code column
    is non-empty, holds no blank cells, has the scope's code format when that
    is known (else one width) and no more distinct codes than the scope held,
    (c) with `VaultEvidence`, the vault itself says the scope is shredded
    under the same signature and key, and (d) every threshold given is met by
    the risk measured over the named quasi-identifiers (prosecutor risk is
    1 / class size; `veil.risk.assess`). A missing or bad signature gives
    `PSEUDONYMIZED`; a valid one with a threshold missed gives
    `RESIDUAL_RISK`. Assumptions: the quasi-identifiers named are the ones an
    attacker could know, the other direct identifiers were removed before
    release, and one record stands for one person (else the risk per person is
    underestimated; a caveat says so). No cell value of the release is written
    or shown: only counts, widths and column names. References: GDPR Art. 4(5)
    and Recital 26; 45 CFR 164.514(b) and (c); EMA Policy 0070 (0.09).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from veil.errors import UsageError
from veil.io.read import Dataset
from veil.report.statement_html import render_statement_html
from veil.risk import DEFAULT_THRESHOLD, assess
from veil.runs import RunWriter
from veil.vault.records import DestructionRecord
from veil.vault.statement_checks import (
    caveats,
    code_condition,
    decide,
    measure_codes,
    risk_conditions,
    signature_condition,
    vault_condition,
)
from veil.vault.statement_inputs import (
    guarded,
    load_record,
    read_public_key,
    release_codes,
    vault_evidence,
)
from veil.vault.statement_model import (
    ANONYMIZED,
    FILES,
    PSEUDONYMIZED,
    RESIDUAL_RISK,
    TONES,
    CodeColumn,
    Condition,
    ShredRecord,
    Statement,
    StatementOptions,
    Thresholds,
    VaultEvidence,
)


def make_statement(dataset: Dataset, source: ShredRecord, options: StatementOptions, *,
                   public_key: str | None = None,
                   vault: VaultEvidence | None = None) -> Statement:
    """Check the record, the code column and the residual risk of `dataset`; decide."""
    key, key_source = _choose_key(public_key, source, vault)
    if options.code_column not in dataset.columns:
        raise UsageError(f"{dataset.path}: no column named {options.code_column!r} "
                         "(--code-column)",
                         hint=f"the columns are: {', '.join(dataset.columns[:30])}")
    fmt, fmt_source = ((vault.code_format, "the vault") if vault is not None else
                       (source.code_format, "the record file (not signed)"))
    codes = guarded(lambda: measure_codes(dataset.frame, options.code_column, fmt,
                                           None if fmt is None else fmt_source), dataset)
    risk = guarded(lambda: assess(
        dataset.frame, quasi=options.quasi, sensitive=options.sensitive,
        population=options.population,
        threshold=options.thresholds.max_risk or DEFAULT_THRESHOLD, pairs=False), dataset)
    conditions = (signature_condition(source, key, key_source),
                  *([] if vault is None else [vault_condition(source, key, vault)]),
                  code_condition(codes, source.record.codes),
                  *risk_conditions(risk, options.thresholds))
    verdict = decide(conditions)
    return Statement(verdict, _text(verdict, source.record, dataset.path.name, options,
                                    conditions),
                     conditions, source, key, key_source, codes, risk,
                     caveats(codes, key_source, fmt is None), dataset.path.name, options, vault)


def _choose_key(given: str | None, source: ShredRecord,
                vault: VaultEvidence | None) -> tuple[str | None, str]:
    """The public key to check the signature with, and where it came from."""
    if given is not None:
        return given, "--public-key"
    if vault is not None:
        return vault.public_key, "the vault"
    if source.public_key is not None:
        return source.public_key, "the record file itself"
    return None, "none"


def _text(verdict: str, record: DestructionRecord, release: str, options: StatementOptions,
          conditions: Sequence[Condition]) -> str:
    """The statement in one paragraph."""
    qi = "+".join(options.quasi)
    failed = "; ".join(f"{c.name}: {c.detail}" for c in conditions if not c.passed)
    if verdict == ANONYMIZED:
        return (f"The data key of scope {record.scope!r} was destroyed on "
                f"{record.at.isoformat()} by {record.actor} (signed destruction record "
                f"verified), and the residual re-identification risk of {release} over {qi} "
                "meets every threshold given. No one, the custodian included, can map its "
                "codes back to people, and the records cannot be singled out from these "
                "quasi-identifiers beyond the bounds set: the release may be described as "
                "anonymized (GDPR Recital 26; HIPAA 164.514(b)), within the caveats below.")
    if verdict == RESIDUAL_RISK:
        return (f"The data key of scope {record.scope!r} was destroyed (signed destruction "
                f"record verified), but the residual risk of {release} over {qi} is too "
                f"high ({failed}). The codes can no longer be reversed, yet people may still "
                "be singled out, so the release remains personal data (GDPR Recital 26): "
                "generalize or suppress the quasi-identifiers (`veil anonymize`) and assess "
                "again.")
    return (f"It is not established that the data key of scope {record.scope!r} was "
            f"destroyed and that {release} is coded in that scope ({failed}). The release is "
            "pseudonymized data and remains personal data (GDPR Art. 4(5), Recital 26); "
            "under HIPAA its codes are re-identification codes (45 CFR 164.514(c)).")


# -- writing -------------------------------------------------------------------------------

def write_statement(statement: Statement, outdir: Path, *, release_path: Path,
                    started: dt.datetime, overwrite: bool = False) -> dict[str, Any]:
    """Write statement.json, statement.html and manifest.json to `outdir` (atomically)."""
    data = statement.to_dict()
    json_name, html_name, _manifest = FILES
    with RunWriter(outdir, overwrite=overwrite, started=started) as run:
        run.write_json(json_name, data, ascii_only=True)
        tone = TONES.get(str(data["verdict"]), "violation")
        run.write_text(html_name, render_statement_html(data, tone=tone))
        options = statement.options
        run.write_manifest(
            command="vault statement", input_path=release_path, policy_sha256=None,
            parameters={
                "code_column": options.code_column, "quasi_identifiers": list(options.quasi),
                "sensitive": list(options.sensitive), "thresholds": options.thresholds.given(),
                "population_size": options.population.size,
                "sampling_fraction": options.population.sampling_fraction,
                "population_table": options.population.table is not None,
                "destruction_record": {"file": statement.source.path.name,
                                       "sha256": statement.source.sha256},
                "public_key_source": statement.key_source,
                "vault_checked": statement.vault is not None},
            ascii_only=True)
    return data


__all__ = [
    "ANONYMIZED",
    "FILES",
    "PSEUDONYMIZED",
    "RESIDUAL_RISK",
    "TONES",
    "CodeColumn",
    "Condition",
    "ShredRecord",
    "Statement",
    "StatementOptions",
    "Thresholds",
    "VaultEvidence",
    "caveats",
    "code_condition",
    "decide",
    "load_record",
    "make_statement",
    "measure_codes",
    "read_public_key",
    "release_codes",
    "risk_conditions",
    "signature_condition",
    "vault_condition",
    "vault_evidence",
    "write_statement",
]
