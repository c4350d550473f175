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
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
import polars as pl

from veil.errors import InputError, UsageError
from veil.io.hashing import sha256_file
from veil.io.read import Dataset
from veil.report.statement_html import render_statement_html
from veil.risk import DEFAULT_THRESHOLD, Population, RiskAssessment, assess
from veil.runs import RunWriter
from veil.vault.codes import CodeFormat, _luhn_check
from veil.vault.records import DestructionRecord, verify_destruction

if TYPE_CHECKING:
    from veil.vault.vault import Vault

T = TypeVar("T")

ANONYMIZED = "anonymized"
PSEUDONYMIZED = "still personal data (pseudonymized)"
RESIDUAL_RISK = "key destroyed but residual risk too high"
FILES = ("statement.json", "statement.html", "manifest.json")
TONES = {ANONYMIZED: "removed", RESIDUAL_RISK: "attest"}  # the page's style; else "violation"

_HINT_RECORD = "pass the JSON file that `veil vault shred SCOPE -o FILE` wrote"
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


# -- reading -------------------------------------------------------------------------------

def load_record(path: Path) -> ShredRecord:
    """The destruction record in `path`; InputError (naming the file) if it is malformed.

    A missing or empty signature is not malformed: the statement then fails closed.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError:
        raise InputError(f"{path}: cannot read the destruction record",
                         hint="check the path") from None
    except ValueError:
        raise InputError(f"{path}: not a destruction record (not valid JSON)",
                         hint=_HINT_RECORD) from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: not a destruction record (expected a JSON object)",
                         hint=_HINT_RECORD)
    for name in ("scope", "at", "actor"):
        if not isinstance(data.get(name), str) or not data[name]:
            raise InputError(f"{path}: not a destruction record (field {name!r} must be "
                             "non-empty text)", hint=_HINT_RECORD)
    codes = data.get("codes")
    if not isinstance(codes, int) or isinstance(codes, bool) or codes < 0:
        raise InputError(f"{path}: not a destruction record (field 'codes' must be a "
                         "whole number of 0 or more)", hint=_HINT_RECORD)
    try:
        at = dt.datetime.fromisoformat(data["at"])
    except ValueError:
        raise InputError(f"{path}: not a destruction record (field 'at' is not an ISO "
                         "time)", hint=_HINT_RECORD) from None
    signature = data.get("signature")
    record = DestructionRecord(data["scope"], at, data["actor"], codes,
                               signature if isinstance(signature, str) else "")
    public_key = data.get("public_key")
    return ShredRecord(record, Path(path), sha256_file(Path(path)),
                       public_key if isinstance(public_key, str) else None,
                       _code_format(data.get("code_format"), path),
                       data["vault"] if isinstance(data.get("vault"), str) else None)


def _code_format(value: object, path: Path) -> CodeFormat | None:
    """The scope's code format the record file carries (None if it carries none)."""
    if value is None:
        return None
    try:
        if not isinstance(value, dict):
            raise TypeError
        return CodeFormat(int(value["length"]), str(value["alphabet"]), str(value["prefix"]),
                          bool(value["check"]))
    except (KeyError, TypeError, ValueError, UsageError):
        raise InputError(f"{path}: not a destruction record (field 'code_format' is not a "
                         "code format)", hint=_HINT_RECORD) from None


def read_public_key(value: str) -> str:
    """An Ed25519 public key as 64 lower-case hex digits, from hex text or a file holding it."""
    text = value
    candidate = Path(value)
    try:
        if candidate.is_file():
            text = candidate.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise UsageError(f"{candidate}: cannot read the public key file") from None
    text = text.strip().lower()
    if len(text) != 64 or any(c not in "0123456789abcdef" for c in text):
        raise UsageError("--public-key must be an Ed25519 public key as 64 hex digits, or a "
                         "file holding them",
                         hint="the vault's key is the record's 'public_key'; get it from the "
                         "custodian through a channel other than the record itself")
    return text


def vault_evidence(vault: Vault, scope: str, codes: Sequence[str]) -> VaultEvidence:
    """What `vault` says of `scope`: shredded or not, its stored signature, key and format,
    and how many of the release's distinct `codes` are the scope's own."""
    info = vault.scope(scope)
    stored = vault.destruction(scope)
    distinct = list(dict.fromkeys(codes))
    return VaultEvidence(vault.location, info.shredded,
                         None if stored is None else stored.signature, vault.public_key,
                         vault.code_format(scope), len(distinct),
                         vault.count_held(scope, distinct))


def release_codes(dataset: Dataset, column: str) -> list[str]:
    """The distinct codes of the release's code column (for the vault to check)."""
    if column not in dataset.columns:
        return []
    codes = _guarded(lambda: dataset.frame.select(
        pl.col(column).cast(pl.String).drop_nulls().unique()).collect(engine="streaming"),
        dataset)
    return [str(c) for c in codes.to_series().to_list()]


# -- checking ------------------------------------------------------------------------------

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
    codes = _guarded(lambda: measure_codes(dataset.frame, options.code_column, fmt,
                                           None if fmt is None else fmt_source), dataset)
    risk = _guarded(lambda: assess(
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


def signature_condition(source: ShredRecord, key: str | None, key_source: str) -> Condition:
    """Whether the record is signed, under `key`, by the vault that holds it."""
    record = source.record
    if not record.signature:
        return Condition("destruction record signed", "key", False, None, "valid Ed25519",
                         "the record carries no signature")
    if key is None:
        return Condition("destruction record signed", "key", False, None, "valid Ed25519",
                         "no public key to check the signature: pass --public-key")
    ok = verify_destruction(record, key)
    other = (source.public_key is not None and source.public_key.strip().lower() != key)
    detail = (f"the signature {'verifies' if ok else 'does NOT verify'} under public key "
              f"{key[:16]}... (from {key_source})")
    if not ok:
        detail += ": the record was altered after signing, or another vault signed it"
    if other:
        detail += "; the record file names a different public key"
    return Condition("destruction record signed", "key", ok, "valid" if ok else "invalid",
                     "valid Ed25519", detail)


def vault_condition(source: ShredRecord, key: str | None, vault: VaultEvidence) -> Condition:
    """Whether the vault confirms the shredding the record states."""
    problems = [] if vault.shredded else ["the scope is not shredded in the vault"]
    if vault.signature != source.record.signature:
        problems.append("the vault holds another destruction signature for the scope")
    if key != vault.public_key:
        problems.append("the public key used is not the vault's")
    if vault.held < vault.release_codes:
        problems.append(f"{vault.release_codes - vault.held:,} of the release's "
                        f"{vault.release_codes:,} distinct codes are not codes of the scope")
    detail = "; ".join(problems) or f"the vault ({vault.location}) holds the same signed record"
    return Condition("vault confirms the shredding", "key", not problems,
                     "confirmed" if not problems else "not confirmed", "confirmed", detail)


def measure_codes(frame: pl.LazyFrame, column: str, fmt: CodeFormat | None,
                  format_source: str | None = None) -> CodeColumn:
    """Counts about `column` (cells, missing, blank, distinct, widths, off-format codes)."""
    col = pl.col(column).cast(pl.String)
    stats = frame.select(
        pl.len().alias("rows"), col.null_count().alias("missing"),
        (col.str.contains(r"\s") | (col.str.len_chars() == 0)).sum().alias("blank"),
        col.drop_nulls().n_unique().alias("distinct"),
        col.str.len_chars().min().alias("shortest"), col.str.len_chars().max().alias("longest"),
    ).collect(engine="streaming").row(0, named=True)
    off = None
    if fmt is not None:
        distinct = frame.select(col.drop_nulls().unique()).collect(engine="streaming")
        off = int((~_in_format(distinct.to_series(), fmt)).sum())
    return CodeColumn(column, int(stats["rows"]), int(stats["missing"]),
                      int(stats["blank"] or 0), int(stats["distinct"]),
                      int(stats["shortest"] or 0), int(stats["longest"] or 0), off,
                      format_source)


def _in_format(codes: pl.Series, fmt: CodeFormat) -> np.ndarray:
    """Whether each code has `fmt` (prefix, width, alphabet, Luhn mod N check symbol).

    Vectorized over the distinct codes, with the check of `veil.vault.codes`
    (whose private `_luhn_check` is imported on purpose: one definition).
    """
    shaped = (codes.str.starts_with(fmt.prefix) & (codes.str.len_bytes() == fmt.width)
              & codes.str.slice(len(fmt.prefix)).str.contains(f"^[{fmt.alphabet}]+$"))
    ok = shaped.fill_null(False).to_numpy().copy()
    if not fmt.check or not ok.any():
        return ok
    bodies = codes.filter(pl.Series(ok)).str.slice(len(fmt.prefix)).to_list()
    width = fmt.length + 1
    raw = np.frombuffer("".join(bodies).encode("ascii"), dtype=np.uint8).reshape(-1, width)
    lookup = np.zeros(256, dtype=np.int64)
    lookup[np.frombuffer(fmt.alphabet.encode("ascii"), dtype=np.uint8)] = np.arange(
        len(fmt.alphabet))
    digits = lookup[raw]
    ok[ok] = _luhn_check(digits[:, :-1], len(fmt.alphabet)) == digits[:, -1]
    return ok


def code_condition(codes: CodeColumn, scope_codes: int) -> Condition:
    """Whether the code column looks like codes of the shredded scope."""
    problems = []
    if codes.distinct == 0:
        problems.append("the column holds no codes")
    if codes.blank:
        problems.append(f"{codes.blank:,} cells are empty or hold white space")
    if codes.off_format:
        problems.append(f"{codes.off_format:,} distinct values are not in the scope's code "
                        f"format (from {codes.format_source})")
    if codes.off_format is None and codes.shortest != codes.longest:
        problems.append(f"the values have widths {codes.shortest} to {codes.longest}, "
                        "while a scope's codes all have one width")
    if codes.distinct > scope_codes:
        problems.append(f"{codes.distinct:,} distinct codes, more than the {scope_codes:,} "
                        "the scope held when it was shredded")
    detail = "; ".join(problems) or (
        f"{codes.distinct:,} distinct codes in {codes.rows:,} rows"
        + (f" ({codes.missing:,} rows without a code)" if codes.missing else "")
        + ("; format checked" if codes.off_format is not None else "; format not known: "
           "one width checked"))
    return Condition(f"{codes.column!r} holds codes of the scope", "codes", not problems,
                     codes.distinct, f"1 to {scope_codes:,} distinct codes", detail)


def risk_conditions(risk: RiskAssessment, thresholds: Thresholds) -> list[Condition]:
    """One condition per threshold given, with the measured value."""
    c = risk.classes
    at_most: list[tuple[str, float | None, float, str]] = [
        ("highest prosecutor risk", thresholds.max_risk, risk.prosecutor.highest,
         "1 / the size of the smallest class"),
        ("average prosecutor risk", thresholds.average_risk, risk.prosecutor.average,
         "expected share of records re-identified"),
        ("marketer risk", thresholds.max_marketer, risk.marketer,
         "expected share re-identified when every record is attacked"),
        ("sample uniqueness", thresholds.max_uniqueness,
         c.sample_uniques / c.records if c.records else 0.0, "share of records alone in "
         "their class"),
    ]
    found = [_at_most(name, limit, value, what) for name, limit, value, what in at_most
             if limit is not None]
    if thresholds.k is not None:
        ok = c.records > 0 and c.smallest >= thresholds.k
        found.append(Condition("k-anonymity", "risk", ok, c.smallest, f">= {thresholds.k}",
                               f"smallest class {c.smallest:,} of {c.classes:,}, "
                               f"{'at least' if ok else 'below'} {thresholds.k} "
                               f"({c.suppressed:,} records suppressed)"))
    if thresholds.max_population_uniqueness is not None:
        found.append(_population_condition(risk, thresholds.max_population_uniqueness))
    for d in risk.diversity:
        if thresholds.l_diversity is not None:
            ok = d.distinct_l >= thresholds.l_diversity
            found.append(Condition(f"distinct l-diversity of {d.attribute!r}", "risk", ok,
                                   d.distinct_l, f">= {thresholds.l_diversity}",
                                   f"{d.distinct_l}, {'at least' if ok else 'below'} "
                                   f"{thresholds.l_diversity} (fewest distinct values in a "
                                   "class)"))
        if thresholds.t_closeness is not None:
            found.append(_at_most(f"t-closeness of {d.attribute!r}", thresholds.t_closeness,
                                  d.t_equal, "largest distance (equal ground distance) of a "
                                  "class's distribution from the whole table's"))
    return found


def _at_most(name: str, limit: float | None, value: float, what: str) -> Condition:
    assert limit is not None
    ok = value <= limit + 1e-12  # 1/5 meets 0.2 despite rounding
    return Condition(name, "risk", ok, value, f"<= {limit:g}",
                     f"{value:.4g}, {'within' if ok else 'above'} {limit:g} ({what})")


def _population_condition(risk: RiskAssessment, limit: float) -> Condition:
    p = risk.population
    if p is None or not p.dankar.available:
        return Condition("population uniqueness", "risk", False, None, f"<= {limit:g}",
                         "could not be estimated (fail closed)")
    return _at_most("population uniqueness", limit, p.dankar.fraction,
                    f"share of the population unique; model {p.dankar_choice}, by the Dankar rule")


def decide(conditions: Sequence[Condition]) -> str:
    """The verdict: anonymized only if every condition holds (see the module's Guarantee)."""
    failed = {c.group for c in conditions if not c.passed}
    if failed & {"key", "codes"}:
        return PSEUDONYMIZED
    return RESIDUAL_RISK if failed else ANONYMIZED


def caveats(codes: CodeColumn, key_source: str, format_unknown: bool) -> tuple[str, ...]:
    """What the verdict does not cover, in plain words."""
    notes = [
        "Copies of the scope's wrapped data key in database backups, replicas or the "
        "write-ahead log survive shredding until the master key they are wrapped with is "
        "destroyed: rotate the master key (`veil vault rotate`) and destroy the old key and "
        "the backups made under it.",
        "Other direct identifiers must already be removed from the release (for example by "
        "`veil deidentify`): this statement checks the code column and measures the risk of "
        "the quasi-identifiers named, nothing else.",
        f"The code column {codes.column!r} remains a unique per-person key within the "
        "release, and it is the same in every release coded in this scope: releases can be "
        "linked to one another through it, and the risk of the linked whole is higher than "
        "that of each part. Drop or re-code it if linkage between releases is not needed.",
        "The risk is measured over the quasi-identifiers named; an attacker who knows other "
        "attributes may single people out more easily. Population figures are model "
        "estimates. This statement supports, and does not replace, an expert's "
        "determination (45 CFR 164.514(b)(1)) or a controller's assessment of the means "
        "reasonably likely to be used (GDPR Recital 26), which must be renewed over time.",
    ]
    if codes.distinct < codes.rows - codes.missing:
        notes.append(f"{codes.rows - codes.missing:,} rows carry {codes.distinct:,} distinct "
                     "codes: some people have several records. The risk is measured per "
                     "record, so classes count records, not people, and the risk per person "
                     "may be underestimated.")
    if key_source == "the record file itself":
        notes.append("The public key was read from the record file itself: the signature "
                     "proves the record was not altered after signing by the holder of that "
                     "key, not that the key is the vault's. Pass --public-key obtained from "
                     "the custodian through another channel, or --vault to confirm.")
    if format_unknown:
        notes.append("The scope's code format was not known (an older record, and no "
                      "--vault): only one width per code was checked.")
    return tuple(notes)


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


def _guarded(work: Callable[[], T], dataset: Dataset) -> T:
    """Run Polars work; its messages may quote cells, so replace them by a clean error."""
    try:
        return work()
    except pl.exceptions.PolarsError:
        raise InputError(f"{dataset.path}: the {dataset.format.value} release could not be "
                         "read to the end", hint="check that the file is complete") from None


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
