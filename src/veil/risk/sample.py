"""Re-identification risk of the records of a sample, under three attacker models
(El Emam, "Guide to the De-Identification of Personal Health Information"; as
ARX's `RiskModelSampleSummary` computes them).

Guarantee:
    Prosecutor: the attacker knows the target is in the data; a record's risk is
    1 / (size of its class). Journalist: the attacker does not know it; a record's
    risk is 1 / (size of its class in the population) when a population table is
    given, else it is bounded above by the prosecutor risk (ARX reports the same
    bound). Marketer: the expected share of records re-identified when every
    record is attacked; never above the average prosecutor risk.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from veil.risk.classes import ClassSizes


@dataclass(frozen=True)
class ModelRisk:
    """Risk under one attacker model."""

    model: str
    highest: float
    lowest: float
    average: float  # the success rate: expected share of records re-identified
    records_at_risk: float  # share of records whose risk exceeds the threshold
    records_at_highest: int  # records whose risk equals the highest
    source: str  # how it was obtained ("sample", "population table", "bound: prosecutor")


def risk_from_sizes(sample_sizes: npt.NDArray[np.int64], reference_sizes: npt.NDArray[np.float64],
                    threshold: float, model: str, source: str) -> ModelRisk:
    """Risk of each class's records = 1 / reference size, weighted by sample size."""
    if sample_sizes.size == 0:
        return ModelRisk(model, 0.0, 0.0, 0.0, 0.0, 0, source)
    risk = 1.0 / reference_sizes
    records = sample_sizes.sum()
    highest = float(risk.max())
    return ModelRisk(
        model=model,
        highest=highest,
        lowest=float(risk.min()),
        average=float((sample_sizes * risk).sum() / records),
        records_at_risk=float(sample_sizes[risk > threshold].sum() / records),
        records_at_highest=int(sample_sizes[risk >= highest].sum()),
        source=source,
    )


def prosecutor(classes: ClassSizes, threshold: float) -> ModelRisk:
    sizes = classes.sizes
    return risk_from_sizes(sizes, sizes.astype(np.float64), threshold, "prosecutor", "sample")


def journalist(classes: ClassSizes, threshold: float,
               population_sizes: npt.NDArray[np.float64] | None) -> ModelRisk:
    """With `population_sizes` (the population size of each sample class, same order)."""
    if population_sizes is None:
        bound = prosecutor(classes, threshold)
        return ModelRisk("journalist", bound.highest, bound.lowest, bound.average,
                         bound.records_at_risk, bound.records_at_highest,
                         "upper bound: prosecutor risk (no population table)")
    return risk_from_sizes(classes.sizes, population_sizes, threshold, "journalist",
                           "population table")


def marketer(classes: ClassSizes, population_sizes: npt.NDArray[np.float64] | None) -> float:
    """Expected share of records re-identified by matching every record."""
    if classes.records == 0:
        return 0.0
    if population_sizes is None:
        return classes.classes / classes.records
    return float((classes.sizes / population_sizes).sum() / classes.records)
