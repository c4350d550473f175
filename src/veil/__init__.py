"""veil: de-identification of health and research data.

`import veil` gives the whole workflow; its names load on first use, so importing
the package is cheap. A tour in six steps (docs/python-api.md runs it as a doctest):

1. Scan: which identifier does each column hold? ::

       scan = veil.scan_file("patients.csv")           # a ScanResult, one finding a column
       scan.finding("ssn").category                    # Category.SSN, with evidence, no values

2. Propose a policy and review it (or load one a person wrote)::

       proposal = veil.propose_policy(scan)             # .policy, .text (YAML), .reasons
       policy = veil.load_policy("policy.yaml")         # validated, with its text

3. Apply it, or do 1-3 in one call; every value written is verified first
   (`engine=` runs it on Spark: `veil.get_engine("spark", master="local[2]")`)::

       run = veil.apply_policy("patients.csv", policy, "out", keys=veil.Keys(secret))
       run = veil.deidentify("patients.csv", "out", keys=veil.Keys(secret, store))
       run.report.summary.columns_dropped              # a typed DeidentificationReport
       veil.verify_file("any-file.csv").passed         # the check on any file

4. Measure the re-identification risk of what is kept, and anonymize it::

       risk = veil.assess_risk(frame, quasi=["age", "zip3", "sex"])
       found = veil.anonymize_frame(frame, quasi=[...], hierarchies={...},
                                    models=[veil.KAnonymity(5)])

5. Code identifiers in the key vault (random codes, audited re-identification)::

       with veil.open_vault("sqlite:///vault.db", key, create=True) as vault:
           vault.add_scope("study-1", actor="alice")
           codes = vault.assign("study-1", ids, actor="alice")
           vault.reidentify("study-1", codes[:1], actor="bob", purpose="adverse event")
           vault.shred("study-1", actor="alice")

6. Release differentially private statistics, charged to a budget ledger::

       veil.release_dp("visits.parquet", "release.yaml", "dp-out", ledger="sqlite:///l.db")

Every failure meant for the user is a `VeilError` (`PolicyError`, `InputError`,
`VerificationError`, ...), whose message never contains a cell value.
`veil.testing` holds conformance checks for actions, recognizers, privacy models
and engines; `veil.records` the typed records a run writes.
"""

from __future__ import annotations

import importlib

from veil._version import __version__
from veil.errors import (
    CapabilityError,
    EngineError,
    HierarchyError,
    InputError,
    InternalError,
    KeyStoreError,
    PolicyError,
    PrivacyBudgetError,
    UsageError,
    VaultError,
    VeilError,
    VerificationError,
)

TYPE_CHECKING = False  # `typing` itself costs more to import than the rest of this module
if TYPE_CHECKING:
    from typing import Any

    from veil.actions.keystore import LocalKeyStore
    from veil.actions.secrets import Secret, load_secret
    from veil.anonymize import (
        Anonymization,
        AverageRisk,
        DistinctLDiversity,
        EntropyLDiversity,
        KAnonymity,
        MaxRisk,
        RecursiveCLDiversity,
        TCloseness,
        check_models,
        microaggregate,
        mondrian,
    )
    from veil.anonymize import anonymize as anonymize_frame
    from veil.dp.ledger import Ledger
    from veil.dp.release import ReleaseOutcome
    from veil.dp.spec import ReleaseSpec
    from veil.dp.spec import load_spec as load_release_spec
    from veil.engines import get_engine
    from veil.hierarchy import Hierarchy
    from veil.io.formats import Format
    from veil.pipeline import (
        ApplyOptions,
        InputSpec,
        Keys,
        LoadedPolicy,
        Proposal,
        propose_policy,
    )
    from veil.policy.load import parse_policy
    from veil.policy.models import Policy
    from veil.records import (
        DeidentificationReport,
        ManifestRecord,
        RiskRecord,
        VerificationRecord,
    )
    from veil.risk import Population, RiskAssessment
    from veil.risk import assess as assess_risk
    from veil.scan import ScanResult, scan_frame
    from veil.vault import AnchorOptions, CodeFormat, MasterKey, Vault, VaultKeyStore
    from veil.verify import Verification, verify_frame
    from veil.workflow import (
        Deidentified,
        apply_policy,
        deidentify,
        load_policy,
        open_vault,
        release_dp,
        scan_file,
        verify_file,
    )

# public name -> (module, attribute there); imported on first use (PEP 562)
_LAZY: dict[str, tuple[str, str]] = {
    # the workflow
    "scan_file": ("veil.workflow", "scan_file"),
    "scan_frame": ("veil.scan", "scan_frame"),
    "ScanResult": ("veil.scan", "ScanResult"),
    "propose_policy": ("veil.pipeline", "propose_policy"),
    "Proposal": ("veil.pipeline", "Proposal"),
    "load_policy": ("veil.workflow", "load_policy"),
    "LoadedPolicy": ("veil.pipeline", "LoadedPolicy"),
    "ApplyOptions": ("veil.pipeline", "ApplyOptions"),
    "parse_policy": ("veil.policy.load", "parse_policy"),
    "Policy": ("veil.policy.models", "Policy"),
    "apply_policy": ("veil.workflow", "apply_policy"),
    "deidentify": ("veil.workflow", "deidentify"),
    "Deidentified": ("veil.workflow", "Deidentified"),
    "InputSpec": ("veil.pipeline", "InputSpec"),
    "Keys": ("veil.pipeline", "Keys"),
    "Format": ("veil.io.formats", "Format"),
    "Secret": ("veil.actions.secrets", "Secret"),
    "load_secret": ("veil.actions.secrets", "load_secret"),
    "LocalKeyStore": ("veil.actions.keystore", "LocalKeyStore"),
    "verify_file": ("veil.workflow", "verify_file"),
    "verify_frame": ("veil.verify", "verify_frame"),
    "Verification": ("veil.verify", "Verification"),
    # risk and anonymization
    "assess_risk": ("veil.risk", "assess"),
    "Population": ("veil.risk", "Population"),
    "RiskAssessment": ("veil.risk", "RiskAssessment"),
    "anonymize_frame": ("veil.anonymize", "anonymize"),
    "Anonymization": ("veil.anonymize", "Anonymization"),
    "KAnonymity": ("veil.anonymize", "KAnonymity"),
    "DistinctLDiversity": ("veil.anonymize", "DistinctLDiversity"),
    "EntropyLDiversity": ("veil.anonymize", "EntropyLDiversity"),
    "RecursiveCLDiversity": ("veil.anonymize", "RecursiveCLDiversity"),
    "TCloseness": ("veil.anonymize", "TCloseness"),
    "MaxRisk": ("veil.anonymize", "MaxRisk"),
    "AverageRisk": ("veil.anonymize", "AverageRisk"),
    "check_models": ("veil.anonymize", "check_models"),
    "mondrian": ("veil.anonymize", "mondrian"),
    "microaggregate": ("veil.anonymize", "microaggregate"),
    "Hierarchy": ("veil.hierarchy", "Hierarchy"),
    # engines (where the full-dataset work runs)
    "get_engine": ("veil.engines", "get_engine"),
    # the key vault
    "open_vault": ("veil.workflow", "open_vault"),
    "Vault": ("veil.vault", "Vault"),
    "MasterKey": ("veil.vault", "MasterKey"),
    "CodeFormat": ("veil.vault", "CodeFormat"),
    "AnchorOptions": ("veil.vault", "AnchorOptions"),
    "VaultKeyStore": ("veil.vault", "VaultKeyStore"),
    # differential privacy
    "release_dp": ("veil.workflow", "release_dp"),
    "load_release_spec": ("veil.dp.spec", "load_spec"),
    "ReleaseSpec": ("veil.dp.spec", "ReleaseSpec"),
    "ReleaseOutcome": ("veil.dp.release", "ReleaseOutcome"),
    "Ledger": ("veil.dp.ledger", "Ledger"),
    # typed records
    "DeidentificationReport": ("veil.records", "DeidentificationReport"),
    "ManifestRecord": ("veil.records", "ManifestRecord"),
    "RiskRecord": ("veil.records", "RiskRecord"),
    "VerificationRecord": ("veil.records", "VerificationRecord"),
}

__all__ = [
    "AnchorOptions",
    "Anonymization",
    "ApplyOptions",
    "AverageRisk",
    "CapabilityError",
    "CodeFormat",
    "DeidentificationReport",
    "Deidentified",
    "DistinctLDiversity",
    "EngineError",
    "EntropyLDiversity",
    "Format",
    "Hierarchy",
    "HierarchyError",
    "InputError",
    "InputSpec",
    "InternalError",
    "KAnonymity",
    "KeyStoreError",
    "Keys",
    "Ledger",
    "LoadedPolicy",
    "LocalKeyStore",
    "ManifestRecord",
    "MasterKey",
    "MaxRisk",
    "Policy",
    "PolicyError",
    "Population",
    "PrivacyBudgetError",
    "Proposal",
    "RecursiveCLDiversity",
    "ReleaseOutcome",
    "ReleaseSpec",
    "RiskAssessment",
    "RiskRecord",
    "ScanResult",
    "Secret",
    "TCloseness",
    "UsageError",
    "Vault",
    "VaultError",
    "VaultKeyStore",
    "VeilError",
    "Verification",
    "VerificationError",
    "VerificationRecord",
    "__version__",
    "anonymize_frame",
    "apply_policy",
    "assess_risk",
    "check_models",
    "deidentify",
    "get_engine",
    "load_policy",
    "load_release_spec",
    "load_secret",
    "microaggregate",
    "mondrian",
    "open_vault",
    "parse_policy",
    "propose_policy",
    "release_dp",
    "scan_file",
    "scan_frame",
    "verify_file",
    "verify_frame",
]


if not TYPE_CHECKING:  # hidden from type checkers, which see the imports above instead
    # (a visible module __getattr__ would make every misspelt name type-check as Any)

    def __getattr__(name: str) -> Any:
        """A public name, imported from its home module on first use."""
        home = _LAZY.get(name)
        if home is None:
            raise AttributeError(f"module 'veil' has no attribute {name!r}")
        value = getattr(importlib.import_module(home[0]), home[1])
        globals()[name] = value  # later lookups skip this function
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
