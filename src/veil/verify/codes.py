"""ZIP-shaped values kept under a code header: the verification's own CPT-or-ZIP call.

A column of five-digit numbers under a header like 'cpt', 'proc_cd' or 'px' may be
procedure codes or ZIP codes; the header does not say which (a header may raise
suspicion, never lower it). The verification pass therefore does not trust the
scanner's or the policy's reading of such a column: it asks the content, with the
same evidence as the scanner (`veil.scan.cpt`): letter codes beside the numbers
(HCPCS, CPT II/III), or mostly frequently billed CPT codes and no number only a ZIP
code can be. Without that evidence the values are counted as ZIP codes (B).

The statistics are sums of per-row booleans, computed in the pass's one streaming
`select` like every other column statistic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import polars as pl

from veil.scan.cpt import cpt_evidence, established

CODE_HINT = r"(?i)(?:cpt|hcpcs|proc|px|code|(?:^|[^a-z])cd(?:$|[^a-z])|svc|service|billing)"
"""Headers of code columns whose five-digit values could be taken for CPT codes."""
_ZIP_HINT = r"(?i)(?:zip|postal|postcode)"
_MOSTLY = 0.9
_LETTERS = r"^\s*(?:[0-9]{4}[FTUftu]|[A-Va-v][0-9]{4})\s*$"
_LETTER_EVIDENCE = 0.1


def code_header(name: str) -> bool:
    """True for a code-like header that is not already a ZIP header."""
    return re.search(CODE_HINT, name) is not None and re.search(_ZIP_HINT, name) is None


def zip_code_aggregates(name: str, text: pl.Expr | None,
                        number: pl.Expr | None) -> Iterable[tuple[str, pl.Expr]]:
    """(statistic suffix, per-row boolean) for a code-headed column; nothing otherwise."""
    if not code_header(name):
        return
    if text is not None:
        five, frequent, not_cpt = cpt_evidence(text)
        yield "cpt_letters", text.str.contains(_LETTERS).fill_null(False)
    elif number is not None:
        five, frequent, not_cpt = cpt_evidence(number, integer=True)
    else:
        return
    yield "cpt_five", five
    yield "cpt_frequent", frequent
    yield "cpt_not", not_cpt


def zip_codes_under_code_header(name: str, stats: Mapping[str, int], alias: str) -> int:
    """How many values count as ZIP codes: the five-digit values of a code-headed column
    made mostly of them, unless the content establishes CPT codes (else 0)."""
    if not code_header(name):
        return 0
    nonnull = stats.get(f"{alias}_nonnull", 0)
    five = stats.get(f"{alias}_cpt_five", 0)
    if nonnull == 0 or five < _MOSTLY * nonnull:
        return 0
    if stats.get(f"{alias}_cpt_letters", 0) >= _LETTER_EVIDENCE * nonnull:
        return 0
    if established(float(nonnull), float(stats.get(f"{alias}_cpt_frequent", 0)),
                   float(stats.get(f"{alias}_cpt_not", 0))):
        return 0
    return five
