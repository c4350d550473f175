"""`veil generate patients|voters|notes`: synthetic data for demos, tests and benchmarks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from veil.cli.common import out


def patients(
    output: Annotated[Path, typer.Option("-o", "--output", help=".csv, .parquet or .jsonl")],
    rows: Annotated[int, typer.Option("--rows", min=1, help="number of patients")] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="random seed (same seed, same file)")] = 0,
) -> None:
    """Write a synthetic EHR extract with all 18 Safe Harbor identifier categories."""
    from veil.synth.patients import write_patients

    write_patients(output, rows, seed=seed)
    out.print(f"wrote {rows:,} synthetic patients to {output}")


def voters(
    output: Annotated[Path, typer.Option("-o", "--output", help=".csv or .parquet")],
    rows: Annotated[int, typer.Option("--rows", min=1, help="rows of the patient table")] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="the patient table's seed")] = 0,
    sample: Annotated[float, typer.Option("--sample", min=0.0, max=1.0,
                                          help="share of the patients listed")] = 0.5,
    outsiders: Annotated[float, typer.Option("--outsiders", min=0.0,
                                             help="extra people not in the patient table, "
                                             "as a share of those listed")] = 0.0,
) -> None:
    """Write an auxiliary "voter list" (name, birth year, sex, ZIP3) of the same people as
    `generate patients` with the same --rows and --seed, for attack simulations."""
    from veil.synth.voters import write_voter_list

    write_voter_list(output, rows, seed=seed, sample=sample, include_outsiders=outsiders)
    out.print(f"wrote a voter list of {round(rows * sample):,} patients to {output}")


def notes(
    output: Annotated[Path, typer.Option("-o", "--output", help="output directory")],
    rows: Annotated[int, typer.Option("--rows", min=1, help="number of notes")] = 200,
    seed: Annotated[int, typer.Option("--seed", help="random seed (same seed, same files)")] = 0,
    queries: Annotated[int, typer.Option("--queries", min=0,
                                         help="short queries with some PHI")] = 200,
    negatives: Annotated[int, typer.Option("--negatives", min=0,
                                           help="hard-negative queries without PHI")] = 200,
) -> None:
    """Write long clinical notes with gold PHI spans (notes.jsonl), short queries
    (queries.jsonl), hard negatives (negatives.jsonl) and the patients' table
    (patients.csv, patients.parquet) for `veil text eval`."""
    from veil.synth.notes import write_corpus

    files = write_corpus(output, rows, seed=seed, queries=queries, negatives=negatives)
    out.print(f"wrote {rows:,} notes, {queries:,} queries and {negatives:,} hard negatives "
              f"to {files.notes.parent}")
