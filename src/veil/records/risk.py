"""The risk record: `veil risk --json` and the `risk` block of report.json.

Only aggregates (class sizes, shares, model estimates); never a value of a
quasi-identifier.
"""

from __future__ import annotations

from veil.records._base import Number, Record


class ModelRiskRecord(Record):
    """Prosecutor or journalist risk."""

    highest: Number
    lowest: Number
    average: Number
    records_at_risk: Number
    records_at_highest: int
    source: str


class MarketerRecord(Record):
    success_rate: Number


class EstimateRecord(Record):
    """One population-uniqueness estimate."""

    available: bool
    uniques: Number
    fraction: Number


class PopulationRecord(Record):
    """Population uniqueness by the Pitman, Zayatz and SNB models and the Dankar choice."""

    population_size: int
    sampling_fraction: Number
    pitman: EstimateRecord
    zayatz: EstimateRecord
    snb: EstimateRecord
    dankar_choice: str
    dankar: EstimateRecord


class SensitiveRecord(Record):
    """l-diversity and t-closeness of one sensitive attribute."""

    attribute: str
    values: int
    distinct_l: int
    entropy_l: Number
    recursive_l: int
    recursive_c: Number | None
    t_closeness_equal: Number
    t_closeness_ordered: Number | None
    t_closeness_hierarchical: Number | None


class ContributionRecord(Record):
    """The sample uniques left without some quasi-identifiers (or one level up)."""

    attributes: list[str]
    uniques_without: int
    uniques_removed: int
    share_removed: Number


class ContributionsRecord(Record):
    uniques: int
    by_attribute: list[ContributionRecord]
    by_pair: list[ContributionRecord]
    by_generalizing_one_level: list[ContributionRecord]


class RiskRecord(Record):
    """The re-identification risk of one table over its quasi-identifiers."""

    quasi_identifiers: list[str]
    threshold: Number
    threshold_source: str
    summary: str
    records: int
    suppressed_records: int
    classes: int
    smallest_class: int
    largest_class: int
    average_class_size: Number
    sample_uniques: int
    sample_uniqueness: Number
    class_size_histogram: list[tuple[int, int]]
    prosecutor: ModelRiskRecord
    journalist: ModelRiskRecord
    marketer: MarketerRecord
    population_uniqueness: PopulationRecord | None
    sensitive: list[SensitiveRecord]
    contributions: ContributionsRecord
