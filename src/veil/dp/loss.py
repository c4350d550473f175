"""Privacy losses and how they compose: the amounts the budget ledger adds up, exactly.

Guarantee:
    `Tally.fits` decides ``spent + spend <= total * (1 + 1e-9)`` per amount with exact
    integer arithmetic on the stored doubles (every finite double is a whole number of
    2**-1074): the tolerance only absorbs the rounding of the decimal amounts people
    write, so that ten releases of epsilon 0.1 fit a budget of 1.0. Composition is
    basic sequential composition (Dwork & Roth, "The Algorithmic Foundations of
    Differential Privacy", 2014, Thm 3.16; Bun & Steinke, "Concentrated Differential
    Privacy", TCC 2016, Lemma 2.3 for zCDP): pure DP adds epsilons, approximate DP adds
    epsilons and deltas, zCDP adds rhos (and deltas, when a release also spends one).

Example:
    >>> tally = Tally(Loss(Accounting.PURE, epsilon=1.0), budget_seq=1)
    >>> for _ in range(10):
    ...     tally.add(Loss(Accounting.PURE, epsilon=0.1))
    >>> tally.fits(Loss(Accounting.PURE, epsilon=0.1))
    False
    >>> tally.left_loss().describe()
    'epsilon 0'
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from veil.errors import UsageError

__all__ = ["FIELDS", "TOLERANCE", "Accounting", "Loss", "Tally", "require_positive"]

TOLERANCE = 1e-9  # relative: absorbs decimal rounding, see the module docstring


class Accounting(StrEnum):
    """How losses are measured and composed."""

    PURE = "pure"  # epsilon-DP
    APPROXIMATE = "approximate"  # (epsilon, delta)-DP
    ZCDP = "zcdp"  # rho-zCDP, with an optional delta for key selection thresholds


FIELDS: dict[Accounting, tuple[str, ...]] = {
    Accounting.PURE: ("epsilon",),
    Accounting.APPROXIMATE: ("epsilon", "delta"),
    Accounting.ZCDP: ("rho", "delta"),
}
_REQUIRED: dict[Accounting, tuple[str, ...]] = {
    Accounting.PURE: ("epsilon",),
    Accounting.APPROXIMATE: ("epsilon", "delta"),
    Accounting.ZCDP: ("rho",),
}


@dataclass(frozen=True)
class Loss:
    """A privacy loss: a total budget, one release's spend, or what is spent or left.

    Amounts are finite and >= 0 (delta below 1); zero appears only in what is
    spent or left: the ledger requires budgets and spends to be positive.
    """

    accounting: Accounting
    epsilon: float | None = None
    delta: float | None = None
    rho: float | None = None

    def __post_init__(self) -> None:
        try:
            accounting = Accounting(self.accounting)
        except ValueError:
            raise UsageError("a privacy loss's accounting must be pure, approximate or "
                             "zcdp") from None
        object.__setattr__(self, "accounting", accounting)
        for name in ("epsilon", "delta", "rho"):
            object.__setattr__(self, name, _amount(accounting, name, getattr(self, name)))

    def describe(self) -> str:
        """The amounts for messages, e.g. "epsilon 0.5, delta 1e-07"."""
        return ", ".join(f"{name} {value:.6g}" for name, value in self._items())

    def to_dict(self) -> dict[str, object]:
        return {"accounting": str(self.accounting), **dict(self._items())}

    def _items(self) -> list[tuple[str, float]]:
        return [(name, value) for name in FIELDS[self.accounting]
                if (value := getattr(self, name)) is not None]


def _amount(accounting: Accounting, name: str, value: object) -> float | None:
    """One validated amount of a loss (a float), or None where it has none."""
    if value is None:
        if name in _REQUIRED[accounting]:
            raise UsageError(f"a {accounting} privacy loss needs {name}")
        return None
    if name not in FIELDS[accounting]:
        raise UsageError(f"a {accounting} privacy loss has no {name}",
                         hint=f"{accounting} losses have {' and '.join(FIELDS[accounting])}")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise UsageError(f"the privacy loss's {name} must be a number; got "
                         f"{type(value).__name__}")
    number = float(value)
    upper = "1" if name == "delta" else "inf"
    if not math.isfinite(number) or number < 0 or (name == "delta" and number >= 1):
        raise UsageError(f"the privacy loss's {name} must be in [0, {upper}); got {number!r}")
    return number


def require_positive(loss: Loss, what: str) -> None:
    """Budgets and spends spend something; a total's delta, when it has one, is > 0."""
    main = "rho" if loss.accounting is Accounting.ZCDP else "epsilon"
    names = [main] + (["delta"] if what == "total" and loss.delta is not None else [])
    for name in names:
        if not getattr(loss, name):
            raise UsageError(f"the {what}'s {name} must be greater than 0",
                             hint="a zero budget allows no release at all")



_UNIT = 2**1074  # every finite double is a whole number of 2**-1074: exact integer sums
_SLACK = round(1 / TOLERANCE)  # spent * SLACK <= total * (SLACK + 1), in integers


def units(value: float | None) -> int:
    """`value` as an exact whole number of 2**-1074 (fast exact arithmetic)."""
    if value is None:
        return 0
    numerator, denominator = value.as_integer_ratio()
    return numerator * (_UNIT // denominator)


@dataclass
class Tally:
    """A dataset while replaying the chain: its total and the exact sum of its spends."""

    total: Loss
    budget_seq: int
    spent: dict[str, int] = field(default_factory=dict)  # in units of 2**-1074
    limit: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.limit = {name: units(getattr(self.total, name)) * (_SLACK + 1)
                      for name in FIELDS[self.total.accounting]}

    def fits(self, spend: Loss) -> bool:
        """Whether spent + spend <= total, per amount, within the relative tolerance."""
        return all((self.spent.get(name, 0) + units(getattr(spend, name))) * _SLACK <= limit
                   for name, limit in self.limit.items())

    def add(self, spend: Loss) -> None:
        for name in FIELDS[spend.accounting]:
            self.spent[name] = self.spent.get(name, 0) + units(getattr(spend, name))

    def spent_loss(self) -> Loss:
        return self._loss(lambda name: self.spent.get(name, 0) / _UNIT)

    def left_loss(self) -> Loss:
        return self._loss(lambda name: max(
            0, units(getattr(self.total, name)) - self.spent.get(name, 0)) / _UNIT)

    def _loss(self, amount: Callable[[str], float]) -> Loss:
        """A loss shaped like the total (a zCDP total without delta: none)."""
        values = {name: amount(name) for name in FIELDS[self.total.accounting]
                  if getattr(self.total, name) is not None}
        return Loss(self.total.accounting, **values)
