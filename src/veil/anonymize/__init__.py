"""Optimal anonymization (issue 4): hierarchies in, the least-loss safe release out.

A five-step tour:

1. Hierarchies (`veil.hierarchy`): one per quasi-identifier, from ARX CSV files or
   builders (intervals, dates, masking, mappings, ordered, auto).
2. Privacy models (`veil.anonymize.privacy`): `KAnonymity(5)`, l-diversity,
   t-closeness, `MaxRisk(0.09)`, `AverageRisk(0.05)`; all must hold.
3. A utility model (`"loss"` by default, as ARX) and a suppression limit.
4. `anonymize(frame, quasi=..., hierarchies=..., models=[...], suppression=0.02)`
   searches the lattice of levels for the global optimum and applies it.
5. `result.candidates` lists the best few transformations (`--explain`); the
   risk module (`veil.risk.assess`) checks the output independently.
Local recoding alternatives: `mondrian` and `microaggregate`.
"""

from veil.anonymize.api import Anonymization, anonymize
from veil.anonymize.microaggregation import microaggregate
from veil.anonymize.mondrian import mondrian
from veil.anonymize.privacy import (
    AverageRisk,
    CheckResult,
    DistinctLDiversity,
    EntropyLDiversity,
    KAnonymity,
    MaxRisk,
    PrivacyModel,
    RecursiveCLDiversity,
    TCloseness,
    check_models,
)
from veil.anonymize.search import Candidate, SearchResult, search
from veil.anonymize.utility import METRICS, UtilityModel, metric_named

__all__ = [
    "METRICS",
    "Anonymization",
    "AverageRisk",
    "Candidate",
    "CheckResult",
    "DistinctLDiversity",
    "EntropyLDiversity",
    "KAnonymity",
    "MaxRisk",
    "PrivacyModel",
    "RecursiveCLDiversity",
    "SearchResult",
    "TCloseness",
    "UtilityModel",
    "anonymize",
    "check_models",
    "metric_named",
    "microaggregate",
    "mondrian",
    "search",
]
