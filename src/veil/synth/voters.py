"""An auxiliary "voter list" of the synthetic population, for linkage attacks.

A voter list is the public record of Sweeney's attack: names with birth
date, sex and ZIP code. This one lists a random share of the SAME people as
``generate_patients(rows, seed=seed)``. Row i of the population depends only
on (seed, i) (see :mod:`veil.synth.patients`), so each voter's birth year,
sex, ZIP3 and state are the patient's own values. The ``person`` column is
the patient's row index, the ground truth that tells a correct linkage from a
wrong one.

Outsiders (people who are not patients) come from another seed. They have a
null ``person`` and may share quasi-identifiers with patients by chance, as
real non-patients do.

Everything is vectorized: a numpy sample of row indices, Polars gathers and
string expressions, and a keyed permutation for the made-up voter ids.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import numpy as np
import polars as pl

from veil.errors import UsageError
from veil.io.write import atomic_file
from veil.synth._perm import key, permute
from veil.synth.patients import MAX_ROWS, generate_patients, people

COLUMNS: Final[tuple[str, ...]] = (
    "voter_id", "first_name", "last_name", "birth_year", "sex", "zip3", "state", "person",
)  # fmt: skip
"""The columns of a voter list, in order."""

SCHEMA: Final[pl.Schema] = pl.Schema(
    {c: pl.Int64 if c in ("birth_year", "person") else pl.String for c in COLUMNS}
)
"""Column types of a voter list."""

_DOMAIN_SAMPLE = 0x7E11_0003  # separates the voter sample from the generator's streams
_DOMAIN_OUTSIDERS = 0x7E11_0004
_ID_DIGITS = 10
_SUFFIXES: Final = {".csv": "csv", ".parquet": "parquet"}


def _public(frame: pl.DataFrame) -> pl.DataFrame:
    """The public-record columns of patient rows (no voter_id or person yet)."""
    return frame.select(
        "first_name",
        "last_name",
        pl.col("birth_date").str.strptime(pl.Date, "%m/%d/%Y").dt.year().cast(pl.Int64)
        .alias("birth_year"),
        "sex",
        pl.col("zip").str.slice(0, 3).alias("zip3"),
        "state",
    )  # fmt: skip


def _population(rows: int, seed: int) -> pl.DataFrame:
    """The public columns of generate_patients(rows, seed) with the row index as person."""
    parts = [_public(chunk) for chunk in generate_patients(rows, seed=seed)]
    frame = pl.concat(parts) if parts else _public(people(0, 0, seed=seed))
    return frame.with_columns(pl.int_range(pl.len(), dtype=pl.Int64).alias("person"))


def outsider_seed(seed: int) -> int:
    """The seed of the outsiders of `seed`: another population, never `seed` itself."""
    state = np.random.SeedSequence([seed, _DOMAIN_OUTSIDERS]).generate_state(2, dtype=np.uint64)
    for word in state:
        other = int(word) >> 1  # in [0, 2**63), as generate_patients requires
        if other != seed:
            return other
    return (seed + 1) % 2**63  # pragma: no cover - two 63-bit collisions in a row


def voter_list(
    rows: int,
    *,
    seed: int,
    sample: float = 0.5,
    sample_seed: int = 1,
    include_outsiders: float = 0.0,
) -> pl.DataFrame:
    """A public voter list of a random `sample` share of the patients of (rows, seed).

    Exactly ``round(sample * rows)`` patients are listed. Who is listed, and
    in what order, depends only on (rows, seed, sample, sample_seed).
    `include_outsiders` adds ``round(include_outsiders * listed)`` people who
    are not patients (from :func:`outsider_seed`), with a null ``person``.
    They are shuffled in among the patients. Columns are :data:`COLUMNS`:
    - ``voter_id``: a made-up id, "V" and 10 digits, distinct within a list;
    - ``first_name``, ``last_name``, ``sex`` and ``state``: the patient's own
      values;
    - ``birth_year``: the year of the patient's ``birth_date`` (Int64);
    - ``zip3``: the first 3 digits of the patient's ``zip``;
    - ``person``: the patient's row index in ``generate_patients(rows,
      seed=seed)``, or null for an outsider.
    """
    if not 0.0 <= sample <= 1.0:
        raise UsageError(f"sample must be a share in [0, 1]; got {sample}")
    if not 0.0 <= include_outsiders < float("inf"):
        raise UsageError(f"include_outsiders must be a finite share >= 0; got {include_outsiders}")
    if not 0 <= sample_seed < 2**63:
        raise UsageError("sample_seed must be an integer in [0, 2**63)")
    population = _population(rows, seed)  # checks rows and seed
    listed = round(sample * rows)
    extra = round(include_outsiders * listed)
    if extra > MAX_ROWS:
        raise UsageError(
            f"include_outsiders asks for {extra:,} outsiders; at most {MAX_ROWS:,} can be made",
            hint="lower include_outsiders",
        )
    rng = np.random.Generator(
        np.random.PCG64(np.random.SeedSequence([seed, _DOMAIN_SAMPLE, sample_seed]))
    )
    chosen = rng.choice(rows, size=listed, replace=False) if listed else np.empty(0, np.int64)
    frame = population[chosen]
    if extra:
        others = _population(extra, outsider_seed(seed)).with_columns(
            pl.lit(None, dtype=pl.Int64).alias("person")
        )
        frame = pl.concat([frame, others])[rng.permutation(listed + extra)]
    n = frame.height  # distinct ids for distinct positions: permute is a bijection
    ids = permute(np.arange(n, dtype=np.uint64), 10**_ID_DIGITS, key(seed, f"voter:{sample_seed}"))
    number = pl.Series("voter_id", ids.astype(np.int64))
    return frame.with_columns(
        pl.format("V{}", pl.lit(number).cast(pl.String).str.zfill(_ID_DIGITS)).alias("voter_id")
    ).select(COLUMNS)


def write_voter_list(
    path: Path,
    rows: int,
    *,
    seed: int,
    sample: float = 0.5,
    sample_seed: int = 1,
    include_outsiders: float = 0.0,
) -> None:
    """Write :func:`voter_list` to `path` (.csv or .parquet, by extension).

    The file is written beside the target and renamed onto it when complete
    (:func:`veil.io.write.atomic_file`), so readers never see a partial file.
    """
    path = Path(path)
    fmt = _SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(
            f"cannot tell the output format of {path.name!r} from its extension",
            hint="use one of " + ", ".join(_SUFFIXES),
        )
    frame = voter_list(
        rows, seed=seed, sample=sample, sample_seed=sample_seed, include_outsiders=include_outsiders
    )
    with atomic_file(path) as staging:
        if fmt == "parquet":
            frame.write_parquet(staging, compression="zstd")
        else:
            frame.write_csv(staging)
