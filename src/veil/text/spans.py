"""The plain result type between detection and replacement: a typed character span.

Detection (recognizers, the merger) produces `Span`s; replacement consumes them.
Nothing else passes between the two halves, so an evaluator or another
replacement can work on the spans alone (the contract in TEXT_INTERFACE.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class PhiType(StrEnum):
    """The kinds of protected health information found in text (HIPAA Safe Harbor).

    `STATE` exists for evaluators that label states; it is never emitted: a US
    state is not an identifier under Safe Harbor. `AGE` is an age over 89 (younger
    ages are not PHI and are never emitted).
    """

    NAME = "NAME"
    DATE = "DATE"
    AGE = "AGE"
    ADDRESS = "ADDRESS"
    CITY = "CITY"
    COUNTY = "COUNTY"
    STATE = "STATE"
    ZIP = "ZIP"
    FACILITY = "FACILITY"
    PHONE = "PHONE"
    FAX = "FAX"
    EMAIL = "EMAIL"
    SSN = "SSN"
    MRN = "MRN"
    ACCOUNT = "ACCOUNT"
    HEALTH_PLAN = "HEALTH_PLAN"
    LICENSE = "LICENSE"
    PLATE = "PLATE"
    VIN = "VIN"
    DEVICE = "DEVICE"
    URL = "URL"
    IP = "IP"
    ID = "ID"


@dataclass(frozen=True, slots=True)
class Span:
    """PHI at `text[start:end]` (end exclusive), found by `source` with a `score` in (0, 1]."""

    start: int
    end: int
    type: PhiType
    source: str
    score: float = 1.0

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError("a span needs 0 <= start < end")

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end
