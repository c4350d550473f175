"""Generalization hierarchies (issue 4): the model, ARX CSV import/export and builders.

1. Read ARX files with `read_arx_csv` (or find them with `find_hierarchies`).
2. Or build one from the data: `auto`, or `intervals`, `dates`, `masking`,
   `mapping` / `mapping_from_yaml`, `ordered`.
3. Check it against the column with `Hierarchy.check_covers`.
4. Generalize with `Hierarchy.expression(column, level)`.
5. Save it for ARX or for review with `write_arx_csv`.
"""

from veil.hierarchy.arx_csv import find_hierarchies, read_arx_csv, write_arx_csv
from veil.hierarchy.builders import (
    DATE_LEVELS,
    auto,
    dates,
    intervals,
    mapping,
    mapping_from_yaml,
    masking,
    ordered,
)
from veil.hierarchy.model import NULL_VALUE, Hierarchy

__all__ = [
    "DATE_LEVELS",
    "NULL_VALUE",
    "Hierarchy",
    "auto",
    "dates",
    "find_hierarchies",
    "intervals",
    "mapping",
    "mapping_from_yaml",
    "masking",
    "ordered",
    "read_arx_csv",
    "write_arx_csv",
]
