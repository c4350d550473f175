"""The conditions of a shredding statement, each decided on its own, and the verdict.

Fail closed: a condition passes only on positive evidence (a verified
signature, the vault's own record, a code column of the scope's format, every
risk threshold met); `decide` gives `ANONYMIZED` only if every condition passed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import polars as pl

from veil.risk import RiskAssessment
from veil.vault.codes import CodeFormat, _luhn_check
from veil.vault.records import verify_destruction
from veil.vault.statement_model import (
    ANONYMIZED,
    PSEUDONYMIZED,
    RESIDUAL_RISK,
    CodeColumn,
    Condition,
    ShredRecord,
    Thresholds,
    VaultEvidence,
)


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
