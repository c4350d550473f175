"""`PatternRule`: one regex recognizer of `veil.text.rules` (its own module so that rule
modules can be split without import cycles)."""

from __future__ import annotations

from dataclasses import dataclass

from veil.text.spans import PhiType

__all__ = ["PatternRule"]


@dataclass(frozen=True)
class PatternRule:
    """One regex recognizer (see `veil.text.rules`)."""

    name: str
    type: PhiType
    pattern: str
    score: float = 0.95
    group: int = 0
    flags: int = 0
    validator: str | None = None
    """Name of a validator in `VALIDATORS` run over the batch's candidates."""
