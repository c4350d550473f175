"""The values of a shredding statement: thresholds, options, the destruction record read,
the vault's evidence, the code column measured, each condition and the statement itself.

`veil.vault.statement` makes and writes statements; `statement_inputs` reads
what they are made from; `statement_checks` decides each condition.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from veil.errors import UsageError
from veil.risk import Population, RiskAssessment
from veil.vault.codes import CodeFormat
from veil.vault.records import DestructionRecord

ANONYMIZED = "anonymized"
PSEUDONYMIZED = "still personal data (pseudonymized)"
RESIDUAL_RISK = "key destroyed but residual risk too high"
FILES = ("statement.json", "statement.html", "manifest.json")
TONES = {ANONYMIZED: "removed", RESIDUAL_RISK: "attest"}  # the page's style; else "violation"

_OPTIONS = {"k": "--k", "max_risk": "--max-risk", "average_risk": "--average-risk",
            "max_marketer": "--max-marketer", "max_uniqueness": "--max-uniqueness",
            "max_population_uniqueness": "--max-population-uniqueness",
            "l_diversity": "--l", "t_closeness": "--t"}


@dataclass(frozen=True)
class Thresholds:
    """The residual-risk bounds a release must meet; None means not asked for."""

    k: int | None = None
    max_risk: float | None = None
    average_risk: float | None = None
    max_marketer: float | None = None
    max_uniqueness: float | None = None
    max_population_uniqueness: float | None = None
    l_diversity: int | None = None
    t_closeness: float | None = None

    def __post_init__(self) -> None:
        for name in ("k", "l_diversity"):
            value = getattr(self, name)
            if value is not None and value < 2:
                raise UsageError(f"{_OPTIONS[name]} must be a whole number of 2 or more; "
                                 f"got {value}")
        for name in _OPTIONS:
            value = getattr(self, name)
            if name not in ("k", "l_diversity") and value is not None and not 0 < value <= 1:
                raise UsageError(f"{_OPTIONS[name]} must be a share in (0, 1]; got {value}")

    def given(self) -> dict[str, float]:
        """The thresholds asked for, by option name."""
        return {_OPTIONS[f.name]: getattr(self, f.name) for f in fields(self)
                if getattr(self, f.name) is not None}


@dataclass(frozen=True)
class StatementOptions:
    """What to check in the release: its code column, quasi-identifiers and thresholds."""

    code_column: str
    quasi: tuple[str, ...]
    thresholds: Thresholds
    sensitive: tuple[str, ...] = ()
    population: Population = field(default_factory=Population)

    def __post_init__(self) -> None:
        if not self.quasi:
            raise UsageError("give the release's quasi-identifiers with --qi")
        if not self.thresholds.given():
            raise UsageError(
                "give at least one risk threshold (--max-risk, --k, --average-risk, "
                "--max-marketer, --max-uniqueness, --max-population-uniqueness, --l, --t): "
                "destroying the key makes the codes irreversible, but a release is "
                "anonymized only if people cannot be singled out from what remains "
                "(GDPR Recital 26), which needs a stated bound",
                hint="e.g. --max-risk 0.09 (EMA Policy 0070) or --k 11")
        if self.code_column in (*self.quasi, *self.sensitive):
            raise UsageError(f"the code column {self.code_column!r} is also named as "
                             "quasi-identifier or sensitive attribute",
                             hint="the code is one key per person: measure the risk of the "
                             "other columns; the statement's caveats cover the code itself")
        t = self.thresholds
        if (t.l_diversity is not None or t.t_closeness is not None) and not self.sensitive:
            raise UsageError("--l and --t need the sensitive attributes (--sensitive)")
        p = self.population
        if t.max_population_uniqueness is not None and p.size is None \
                and p.sampling_fraction is None and p.table is None:
            raise UsageError("--max-population-uniqueness needs --population, "
                             "--sampling-fraction or --population-table")


@dataclass(frozen=True)
class ShredRecord:
    """A destruction record read from its file, with what the file says besides it.

    `public_key` and `code_format` are not covered by the signature: the key
    proves integrity only (see the caveats), the format is a plausibility check.
    """

    record: DestructionRecord
    path: Path
    sha256: str
    public_key: str | None
    code_format: CodeFormat | None
    vault: str | None


@dataclass(frozen=True)
class VaultEvidence:
    """What the vault itself says of a scope (read with the master key)."""

    location: str
    shredded: bool
    signature: str | None
    public_key: str
    code_format: CodeFormat
    release_codes: int  # distinct codes in the release's code column
    held: int  # how many of them the scope holds


@dataclass(frozen=True)
class CodeColumn:
    """Counts about the release's code column (never a value)."""

    column: str
    rows: int
    missing: int
    blank: int
    distinct: int
    shortest: int
    longest: int
    off_format: int | None  # distinct codes not in the scope's format; None: format unknown
    format_source: str | None


@dataclass(frozen=True)
class Condition:
    """One thing the verdict rests on, with what was measured and what was required."""

    name: str
    group: str  # "key", "codes" or "risk"
    passed: bool
    measured: float | str | None
    required: str | None
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "group": self.group, "passed": self.passed,
                "measured": self.measured, "required": self.required, "detail": self.detail}


@dataclass(frozen=True)
class Statement:
    """The verdict on one release, and everything it rests on."""

    verdict: str
    text: str
    conditions: tuple[Condition, ...]
    source: ShredRecord
    public_key: str | None
    key_source: str
    codes: CodeColumn
    risk: RiskAssessment
    caveats: tuple[str, ...]
    release: str
    options: StatementOptions
    vault: VaultEvidence | None = None

    @property
    def exit_code(self) -> int:
        """0 when the release may be called anonymized, else 1."""
        return 0 if self.verdict == ANONYMIZED else 1

    def to_dict(self) -> dict[str, Any]:
        r = self.source.record
        return {
            "verdict": self.verdict,
            "anonymized": self.verdict == ANONYMIZED,
            "statement": self.text,
            "release": self.release,
            "conditions": [c.to_dict() for c in self.conditions],
            "failed": [c.name for c in self.conditions if not c.passed],
            "destruction_record": {
                "file": self.source.path.name, "sha256": self.source.sha256,
                "scope": r.scope, "at": r.at.isoformat(), "actor": r.actor, "codes": r.codes,
                "signature": r.signature or None, "algorithm": "Ed25519",
                "public_key": self.public_key, "public_key_source": self.key_source,
                "vault": self.source.vault},
            "vault_check": None if self.vault is None else {
                "vault": self.vault.location, "shredded": self.vault.shredded,
                "same_signature": self.vault.signature == r.signature,
                "same_public_key": self.vault.public_key == self.public_key},
            "code_column": asdict(self.codes),
            "quasi_identifiers": list(self.options.quasi),
            "sensitive": list(self.options.sensitive),
            "thresholds": self.options.thresholds.given(),
            "residual_risk": self.risk.to_dict(),
            "caveats": list(self.caveats),
        }
