"""Pattern rules for identifiers written the way other countries and languages write them.

Joined to `veil.text.rules.RULES`; `NEEDS` and `FIRST_CHARS` are merged into that module's
tables of the same name (a rule is only run over a text holding one of its needed words; the
regex engine skips positions that cannot start a match).
"""

from __future__ import annotations

from veil.text.pattern_rule import PatternRule

__all__ = ["FIRST_CHARS", "NEEDS", "RULES"]

RULES: tuple[PatternRule, ...] = ()

NEEDS: dict[str, tuple[str, ...]] = {}

FIRST_CHARS: dict[str, str] = {}
