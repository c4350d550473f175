"""The recognizer extension point: one declarative rule per kind of column.

A recognizer says which `Kind` it detects, how much a column header supports it
(synonyms matched on header tokens) and, optionally, what share of the sampled
values pass its value check. The scanner (`veil.scan.scanner`) weighs the two;
a recognizer never decides alone. Rules are plain frozen values collected in a
tuple that callers pass to `scan_frame`, so adding one never mutates a global.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from veil.categories import Kind
from veil.scan.model import EvidenceSource
from veil.scan.sample import ColumnSample, Prefilter, normalize_header


@dataclass(frozen=True)
class ValueCheck:
    """How well a column's sampled values fit one recognizer.

    `share` is the estimated share of sampled non-null values that pass the
    check; `strength` (0..1) says how specific the check is: 1 for checksums and
    strict grammars, lower for tests that many unrelated values also pass (any
    5-digit number passes the ZIP test). `detail` names the test, never a value.
    """

    share: float
    tested: int
    detail: str
    strength: float = 1.0
    source: EvidenceSource = "values"


CheckFunction = Callable[[ColumnSample], "ValueCheck | None"]
GateFunction = Callable[[ColumnSample], "tuple[Prefilter, ...] | None"]
"""The prefilters that bound a check's share on a column, or None when nothing does."""


def gate_on(*patterns: str, exclude: tuple[str, ...] = ()) -> tuple[Prefilter, ...]:
    """A gate of one prefilter (for gate functions)."""
    return (Prefilter(patterns, exclude),)


@dataclass(frozen=True)
class Check:
    """A value check, the regexes it tests (evaluated in one batch per column) and its gate.

    `gate(column)` returns prefilters such that the check's share never exceeds
    the largest of their row shares (one prefilter: every value it counts passes
    it; `best_of`: one per check); an empty tuple means the share is 0 (or the
    check returns None), and None (or no gate) means nothing bounds it. The
    scanner skips a check whose bound cannot reach its recognizer's `min_share`
    when the header does not match, which never changes a verdict: such a check
    could not have scored.
    """

    run: CheckFunction
    patterns: tuple[str, ...] = ()
    gate: GateFunction | None = None

    def __call__(self, column: ColumnSample) -> ValueCheck | None:
        return self.run(column)

    def prefilters(self, column: ColumnSample) -> tuple[Prefilter, ...] | None:
        """The gate's prefilters on `column` (None without a gate)."""
        return None if self.gate is None else self.gate(column)


def uses(*patterns: str, gate: GateFunction | None = None) -> Callable[[CheckFunction], Check]:
    """Decorator: make a check function a `Check` that declares its regexes (and gate)."""

    def wrap(run: CheckFunction) -> Check:
        return Check(run, patterns, gate)

    return wrap


class Recognizer(Protocol):
    """Detects one kind of column from its header and its sampled values."""

    @property
    def name(self) -> str:
        """A stable identifier, used in evidence texts."""
        ...

    @property
    def kind(self) -> Kind:
        """The kind this recognizer proposes."""
        ...

    @property
    def needs_header(self) -> bool:
        """True when values alone cannot tell this kind apart (fax vs phone)."""
        ...

    @property
    def min_share(self) -> float:
        """The value share from which content alone is convincing."""
        ...

    def header_score(self, header: str) -> float:
        """0 (no match), 0.6 (weak synonym) or 1 (strong synonym) for a normalized header."""
        ...

    @property
    def prefilters(self) -> tuple[str, ...]:
        """The regexes the value check tests; the scanner runs them all in one pass."""
        ...

    def check(self, column: ColumnSample) -> ValueCheck | None:
        """The value evidence, or None when this recognizer has no value test for the column."""
        ...


@dataclass(frozen=True)
class Header:
    """Header synonyms, as token sequences ('social security', 'hba1c').

    Synonyms are normalized like headers (`normalize_header`), so 'hba1c' matches
    the header 'hba1c_result' and 'date of birth' matches 'DateOfBirth'; a whole
    header also matches a synonym with separators and case ignored ('HbA1c').
    A header matches when one synonym (optionally plural) occurs as a run of
    whole tokens of the normalized header; `exclude` vetoes the match
    ('license' but not 'license plate').
    """

    strong: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def score(self, header: str) -> float:
        """1 for a strong synonym, 0.6 for a weak one, else 0 (`header` is normalized)."""
        squashed = header.replace("_", "")
        if self.exclude and _pattern(self.exclude).search(header):
            return 0.0
        if self.strong and (_pattern(self.strong).search(header) or squashed in
                            _squashed(self.strong)):
            return 1.0
        if self.weak and (_pattern(self.weak).search(header) or squashed in _squashed(self.weak)):
            return 0.6
        return 0.0


@lru_cache(maxsize=512)
def _squashed(words: tuple[str, ...]) -> frozenset[str]:
    """Synonyms without separators, to match a whole header whatever its casing ('HbA1c')."""
    return frozenset(normalize_header(w).replace("_", "") for w in words)


@lru_cache(maxsize=512)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(normalize_header(w)) for w in words)
    return re.compile(rf"(?:^|_)(?:{alternatives})s?(?:_|$)")


@dataclass(frozen=True)
class Rule:
    """The standard recognizer: header synonyms plus an optional value check."""

    name: str
    kind: Kind
    header: Header = field(default_factory=Header)
    value_check: Check | None = None
    needs_header: bool = False
    min_share: float = 0.8

    def header_score(self, header: str) -> float:
        return self.header.score(header)

    @property
    def prefilters(self) -> tuple[str, ...]:
        return () if self.value_check is None else self.value_check.patterns

    def check(self, column: ColumnSample) -> ValueCheck | None:
        if self.value_check is None or column.nonnull == 0:
            return None
        return self.value_check(column)

    def gate(self, column: ColumnSample) -> tuple[Prefilter, ...] | None:
        """Prefilters that bound the share `check` can return (see `Check`)."""
        if self.value_check is None or column.nonnull == 0:
            return ()
        return self.value_check.prefilters(column)


def pattern_check(
    *patterns: str,
    detail: str,
    validator: Callable[[str], bool] | None = None,
    exclude: tuple[str, ...] = (),
    strength: float = 1.0,
) -> Check:
    """A value check from regex prefilters (all must match) and an optional validator."""

    def check(column: ColumnSample) -> ValueCheck | None:
        if not column.has_text:
            return None
        if validator is None:
            share = column.row_share(*patterns, exclude=exclude)
            return ValueCheck(share, column.nonnull, detail, strength)
        found = column.validated(validator, *patterns, exclude=exclude)
        return ValueCheck(found.share, found.tested, detail, strength)

    def gate(column: ColumnSample) -> tuple[Prefilter, ...]:
        return gate_on(*patterns, exclude=exclude) if column.has_text else ()

    return Check(check, (*patterns, *exclude), gate)


def shared(check: Check) -> Check:
    """The same check, computed once per column however many rules use it."""

    def memoized(column: ColumnSample) -> ValueCheck | None:
        return column.memo(check, lambda: check(column))

    return Check(memoized, check.patterns, check.gate)


def best_of(*checks: Check) -> Check:
    """The check that scores highest (share times strength) among several."""

    def check(column: ColumnSample) -> ValueCheck | None:
        results = [r for r in (c(column) for c in checks) if r is not None]
        if not results:
            return None
        return max(results, key=lambda r: (r.share * r.strength, r.strength))

    def gate(column: ColumnSample) -> tuple[Prefilter, ...] | None:
        # the share is one of the checks' shares, so the largest of their bounds bounds it
        gates = [c.prefilters(column) for c in checks]
        if any(g is None for g in gates):
            return None
        return tuple(p for g in gates if g is not None for p in g)

    return Check(check, tuple(p for c in checks for p in c.patterns), gate)
