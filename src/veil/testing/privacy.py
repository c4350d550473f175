"""`check_privacy_model`: a privacy model's promise, tested on generated tables.

For each seed a health table is generated (age, ZIP, sex as quasi-identifiers; a
diagnosis and a lab band as sensitive attributes), anonymized under the model alone
with veil's optimal search, and the release is checked:

- against the model itself (`model.check`) and, where the definition is simple
  enough to restate (k-anonymity, the risk bounds, distinct and entropy
  l-diversity, t-closeness with equal distance), against an independent
  computation written here from the definition;
- rows are neither added nor removed, attributes that are not quasi-identifiers are
  unchanged, and at most the suppression limit of records is suppressed.

At least one seed must give a solution, so the check is never vacuous.

Usage::

    from veil.testing import check_privacy_model
    check_privacy_model(KAnonymity(5))
    check_privacy_model(DistinctLDiversity("diagnosis", 3))
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import polars as pl

from veil.anonymize import (
    AverageRisk,
    DistinctLDiversity,
    EntropyLDiversity,
    KAnonymity,
    MaxRisk,
    PrivacyModel,
    TCloseness,
    anonymize,
)
from veil.hierarchy import Hierarchy, intervals, mapping, masking
from veil.risk.classes import SUPPRESSED
from veil.testing._failure import ConformanceError

QUASI = ("age", "zip", "sex")
SENSITIVE = ("diagnosis", "lab_band")
_DIAGNOSES = ("E11.9", "I10", "J45.909", "F32.9", "C50.911", "N18.3", "K21.9", "M54.5")


def health_table(rows: int, seed: int) -> pl.DataFrame:
    """A generated table: skewed ages (some over 89), ZIPs from a few areas, sex, and
    two sensitive attributes with skewed distributions (numpy's seeded generator)."""
    rng = np.random.default_rng(seed)
    areas = rng.choice(["021", "100", "606", "941", "303"], size=rows, p=[.4, .25, .15, .1, .1])
    return pl.DataFrame({
        "age": np.clip(rng.gamma(4.0, 12.0, size=rows), 0, 104).astype(np.int64),
        "zip": pl.Series(areas) + pl.Series(rng.integers(0, 100, size=rows)).cast(pl.String)
        .str.zfill(2),
        "sex": rng.choice(["F", "M"], size=rows),
        "diagnosis": rng.choice(_DIAGNOSES, size=rows,
                                p=[.25, .2, .15, .1, .1, .08, .07, .05]),
        "lab_band": rng.choice(["1", "2", "3", "4", "5"], size=rows, p=[.1, .2, .4, .2, .1]),
    })


def hierarchies(table: pl.DataFrame) -> dict[str, Hierarchy]:
    """Hierarchies of the quasi-identifiers of `health_table`."""
    return {
        "age": intervals(table["age"], width=5, fanout=2, start=0, attribute="age"),
        "zip": masking(table["zip"], attribute="zip"),
        "sex": mapping(table["sex"], [{"F": "*", "M": "*"}], attribute="sex"),
    }


@dataclass(frozen=True)
class PrivacyCheck:
    """What `check_privacy_model` found: tables tried, solved, and how it checked them."""

    model: str
    tables: int
    solved: int
    independent: bool


def check_privacy_model(model: PrivacyModel, *, seeds: Sequence[int] = range(5),
                        rows: int = 300, suppression: float = 0.05) -> PrivacyCheck:
    """Anonymize generated tables under `model` and check every release satisfies it.

    A model over a sensitive attribute must name one of `SENSITIVE` (`diagnosis`,
    or the ordered `lab_band`). Raises `ConformanceError` on a broken promise.
    """
    solved = 0
    independent = _independent(model, pl.DataFrame(), dry=True)
    for seed in seeds:
        table = health_table(rows, seed)
        outcome = anonymize(table, quasi=QUASI, hierarchies=hierarchies(table),
                            models=[model], suppression=suppression)
        if not outcome.found or outcome.data is None:
            continue
        solved += 1
        release = outcome.data.collect()
        where = f"{model.describe()} on generated table (seed {seed}, {rows} rows)"
        _check_shape(table, release, suppression, where)
        result = model.check(release, quasi=QUASI)  # type: ignore[attr-defined]
        if not result.satisfied:
            raise ConformanceError(f"{where}: the release fails the model's own check "
                                   f"({result.failing_classes} failing classes)")
        if not _independent(model, release):
            raise ConformanceError(f"{where}: the release fails the definition recomputed "
                                   "independently of veil.anonymize")
    if not solved:
        raise ConformanceError(f"{model.describe()}: no generated table could be anonymized, "
                               "so nothing was checked (loosen the model or raise rows)")
    return PrivacyCheck(model.describe(), len(seeds), solved, independent)


def _check_shape(table: pl.DataFrame, release: pl.DataFrame, suppression: float,
                 where: str) -> None:
    if release.height != table.height:
        raise ConformanceError(f"{where}: {release.height} rows released of {table.height}")
    for column in SENSITIVE:
        if not release[column].equals(table[column]):
            raise ConformanceError(f"{where}: column {column!r} (not a quasi-identifier) "
                                   "was changed")
    suppressed = release.filter(pl.all_horizontal(pl.col(q).cast(pl.String) == SUPPRESSED
                                                  for q in QUASI)).height
    if suppressed > math.floor(suppression * table.height):
        raise ConformanceError(f"{where}: {suppressed} records suppressed, above the limit "
                               f"of {suppression:.0%}")


def _classes(release: pl.DataFrame) -> pl.DataFrame:
    """The released records that are not suppressed, with their class sizes."""
    kept = release.with_columns(pl.col(q).cast(pl.String) for q in QUASI).filter(
        ~pl.all_horizontal(pl.col(q) == SUPPRESSED for q in QUASI))
    return kept.with_columns(pl.len().over(QUASI).alias("_size"))


def _independent(model: PrivacyModel, release: pl.DataFrame, *, dry: bool = False) -> bool:
    """The model's definition recomputed here; True when it holds (or, `dry`, when this
    module can restate the model at all). Models it cannot restate (recursive l-diversity,
    the Grassberger estimator, ordered and hierarchical distances) rely on model.check."""
    known = (KAnonymity, MaxRisk, AverageRisk, DistinctLDiversity)
    restated = (isinstance(model, known)
                or (isinstance(model, EntropyLDiversity) and model.estimator == "shannon")
                or (isinstance(model, TCloseness) and model.distance == "equal"))
    if dry:
        return restated
    if not restated:
        return True
    data = _classes(release)
    if data.height == 0:
        return True
    smallest = int(data.select(pl.col("_size").min()).item())
    if isinstance(model, KAnonymity):
        return smallest >= model.k
    if isinstance(model, MaxRisk):
        return 1.0 / smallest <= model.r
    if isinstance(model, AverageRisk):
        classes = int(data.select(pl.struct(QUASI).n_unique()).item())
        return classes / data.height <= model.r
    assert isinstance(model, DistinctLDiversity | EntropyLDiversity | TCloseness)
    attribute = model.attribute
    counts = data.group_by([*QUASI, attribute]).len("n")
    if isinstance(model, DistinctLDiversity):
        return int(counts.group_by(QUASI).len("d").select(pl.col("d").min()).item()) >= model.l
    if isinstance(model, EntropyLDiversity):
        entropy = counts.with_columns((pl.col("n") / pl.col("n").sum().over(QUASI)).alias("p")) \
            .group_by(QUASI).agg((-(pl.col("p") * pl.col("p").log(2))).sum().alias("h"))
        return bool((entropy["h"] >= math.log2(model.l) - 1e-9).all())
    assert isinstance(model, TCloseness)
    # the whole table's distribution (suppressed records included, as the search sees it)
    overall = release.group_by(attribute).agg((pl.len() / release.height).alias("q"))
    grid = counts.select(QUASI).unique().join(overall, how="cross")
    per = grid.join(counts, on=[*QUASI, attribute], how="left").with_columns(
        (pl.col("n").fill_null(0) / pl.col("n").fill_null(0).sum().over(QUASI)).alias("p"))
    distance = per.group_by(QUASI).agg((0.5 * (pl.col("p") - pl.col("q")).abs().sum())
                                       .alias("emd"))
    return bool((distance["emd"] <= model.t + 1e-9).all())
