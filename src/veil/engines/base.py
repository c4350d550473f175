"""The Engine protocol: something that executes a Plan over a Dataset.

The plan holds the logic; an engine only decides how it runs (embedded Polars
streaming now, Spark later), so every engine gives identical output.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from veil.actions.keystore import KeyStore
from veil.actions.secrets import Secret
from veil.io.formats import Format
from veil.io.read import Dataset
from veil.plan import Plan


@dataclass(frozen=True)
class RunOptions:
    """How to run a plan: where to write, in which format, with which keys."""

    output: Path
    format: Format
    secret: Secret | None = None
    keystore: KeyStore | None = None


@dataclass(frozen=True)
class EngineResult:
    rows_out: int
    columns_out: tuple[str, ...]
    codes_assigned: dict[str, int]


class Engine(Protocol):
    name: str

    def execute(self, dataset: Dataset, plan: Plan, options: RunOptions) -> EngineResult:
        ...
