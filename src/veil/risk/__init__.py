"""Re-identification risk for Expert Determination.

A five-step tour:

1. `assess(frame, quasi=[...])` computes the equivalence classes over the
   quasi-identifiers once (`veil.risk.classes`) and every measure from them.
2. Prosecutor, journalist and marketer risk (`RiskAssessment.prosecutor` ...),
   with the share of records above a threshold (0.09 by default: EMA/Health Canada).
3. With `Population(size=N)` (or a sampling fraction, or a population table):
   population uniqueness by the Pitman, Zayatz and SNB models and the Dankar rule.
4. With `sensitive=[...]`: l-diversity and t-closeness per attribute.
5. `by_attribute` / `by_pair` say which quasi-identifiers drive the uniques;
   `veil.risk.attack.link` checks the estimates against a simulated linkage attack.
"""

from veil.risk.assess import DEFAULT_THRESHOLD, Population, RiskAssessment, assess
from veil.risk.classes import SUPPRESSED, ClassSizes, class_sizes

__all__ = [
    "DEFAULT_THRESHOLD",
    "SUPPRESSED",
    "ClassSizes",
    "Population",
    "RiskAssessment",
    "assess",
    "class_sizes",
]
