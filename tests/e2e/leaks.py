"""Ground-truth checks of a de-identified output against the generator's planted values."""

from __future__ import annotations

import polars as pl

from veil.categories import Kind, Role, role_of
from veil.synth.patients import PLANTED

# Kinds whose values Safe Harbor transforms rather than removes: checked by shape instead.
TRANSFORMED = {Kind.ZIP, Kind.BIRTH_DATE, Kind.DEATH_DATE, Kind.DATE, Kind.AGE}
IDENTIFIER_COLUMNS = [c for c, k in PLANTED.items()
                      if role_of(k) is Role.DIRECT and k not in TRANSFORMED]
PATTERNS = {
    "ssn": r"\b\d{3}-\d{2}-\d{4}\b",
    "email": r"[\w.+-]+@[\w-]+\.[\w.]+",
    "phone": r"\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b",
    "url": r"https?://",
    "ipv4": r"\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b",
    "full date": r"\b\d{1,2}/\d{1,2}/\d{4}\b|\b\d{4}-\d{2}-\d{2}\b",
}


def surviving_identifiers(source: pl.DataFrame, output: pl.DataFrame,
                          rename: dict[str, str] | None = None) -> list[str]:
    """Names of planted identifier columns whose values appear in any output cell,
    plus identifier-shaped patterns found in the output; empty when nothing leaked."""
    rename = rename or {}
    found: list[str] = []
    planted = pl.concat([
        source.get_column(rename.get(c, c)).cast(pl.String).drop_nulls()
        for c in IDENTIFIER_COLUMNS
    ]).unique()
    planted = planted.filter(planted.str.len_chars() >= 4)
    for column in output.columns:
        text = output.get_column(column).cast(pl.String)
        suspects = planted
        if column in source.columns and column not in {rename.get(c, c) for c in
                                                       IDENTIFIER_COLUMNS}:
            # a kept column may share words with names ("White" is a race and a surname):
            # only identifier values that this column did not already hold count
            own = source.get_column(column).cast(pl.String).drop_nulls().unique()
            suspects = planted.filter(~planted.is_in(own.implode()))
        if text.is_in(suspects.implode()).any():
            found.append(f"{column}: holds planted identifier values")
        for name, pattern in PATTERNS.items():
            if text.str.contains(pattern).any():
                found.append(f"{column}: {name}-shaped value")
    return found


def shape_violations(output: pl.DataFrame, *, reference_year: int) -> list[str]:
    """Safe Harbor shape rules of the transformed kinds, on every output column."""
    problems = []
    for column in output.columns:
        text = output.get_column(column).cast(pl.String).drop_nulls()
        if text.str.contains(r"^\d{5}").any() and column.endswith("zip"):
            problems.append(f"{column}: five-digit ZIP")
    return problems
