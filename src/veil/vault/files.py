"""Whole files through the vault: pseudonymize columns, re-identify a list of codes.

Both write their output atomically. A re-identification output holds
identifiers: it is written with mode 0600 and is as sensitive as the source data.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import polars as pl

from veil.actions.keystore import KeyStore
from veil.errors import InputError, UsageError
from veil.io.formats import Format, format_from_path
from veil.io.read import Dataset, open_dataset
from veil.io.write import atomic_file, sink
from veil.plan import Plan, compile_plan
from veil.policy.models import Keep, Policy, Pseudonym, Rule
from veil.vault.vault import Vault

if TYPE_CHECKING:
    from veil.engines.base import Engine

T = TypeVar("T")


@dataclass(frozen=True)
class PseudonymizeResult:
    output: Path
    columns: tuple[str, ...]
    distinct: dict[str, int]  # column -> distinct identifiers coded


@dataclass(frozen=True)
class ReidentifyResult:
    output: Path
    requested: int
    found: int


def pseudonymize_file(source: Path, output: Path, *, columns: Sequence[str],
                      keystore: KeyStore, scope: str, overwrite: bool = False,
                      input_format: Format | None = None, separator: str | None = None,
                      engine: Engine | None = None) -> PseudonymizeResult:
    """Copy `source` to `output` with each of `columns` replaced by its codes in `scope`,
    on `engine` (default: the Polars engine).

    Codes come from the vault through the `pseudonym` action: the engine reads each
    column's distinct values, the vault assigns codes on this machine (new identifiers
    get new codes, known ones their old codes), and the engine joins them in. Other
    columns are copied unchanged.
    """
    from veil.engines.base import WriteOptions
    from veil.engines.codes import prepare_codes
    from veil.engines.types import Source

    _check_output(source, output, overwrite)
    if not columns:
        raise UsageError("give at least one --column to pseudonymize")
    if engine is None:
        from veil.engines.polars_engine import PolarsEngine

        engine = PolarsEngine()
    table = engine.open(Source(Path(source), input_format, separator))
    absent = [c for c in columns if c not in table.columns]
    if absent:
        raise UsageError(f"{source}: no column named {', '.join(map(repr, absent))}",
                         hint=f"the columns are {', '.join(table.columns)}")
    fmt = format_from_path(output)
    plan = _coding_plan(table.columns, dict.fromkeys(columns), scope, str(source))
    maps = prepare_codes(engine, table, plan, keystore)
    with atomic_file(output) as staging:
        engine.write(table, plan, WriteOptions(staging, fmt, code_maps=maps))
    return PseudonymizeResult(output, tuple(maps), {c: m.height for c, m in maps.items()})


def _coding_plan(names: tuple[str, ...], coded: Mapping[str, None], scope: str,
                 source: str) -> Plan:
    """A plan that keeps every column and codes `coded` (each column named by position,
    so no header can be mistaken for a policy key, and written under its own name)."""
    rules: dict[str, Rule] = {
        f"#{i + 1}": Pseudonym(action="pseudonym", scope=scope, rename=name)
        if name in coded else Keep(action="keep", rename=name)
        for i, name in enumerate(names)
    }
    policy = Policy(profile="safe-harbor", reference_date=dt.date.today(), columns=rules)
    return compile_plan(policy, names, source=source)


def reidentify_file(codes_file: Path, output: Path, *, vault: Vault, scope: str, actor: str,
                    purpose: str, overwrite: bool = False) -> ReidentifyResult:
    """Write the pairs (code, identifier) for the codes in a one-column file.

    One row per distinct code in input order; the identifier is empty for codes
    the scope does not hold.
    """
    _check_output(codes_file, output, overwrite)
    fmt = format_from_path(output)
    dataset = open_dataset(codes_file)
    if len(dataset.columns) != 1:
        raise InputError(f"{codes_file}: expected one column of codes, found "
                         f"{len(dataset.columns)}", hint="keep only the code column")
    column = dataset.columns[0]
    codes = _polars(dataset, partial(
        _collect_series, dataset.frame.select(pl.col(column).cast(pl.String).str.strip_chars())))
    wanted = list(dict.fromkeys(codes.drop_nulls().to_list()))
    found = vault.reidentify(scope, wanted, actor=actor, purpose=purpose)
    pairs = pl.DataFrame({"code": wanted, "identifier": [found[c] for c in wanted]},
                         schema={"code": pl.String, "identifier": pl.String})
    with atomic_file(output) as staging:
        os.chmod(staging, 0o600)
        sink(pairs.lazy(), staging, fmt)
        os.chmod(staging, 0o600)
    return ReidentifyResult(output, len(wanted), sum(v is not None for v in found.values()))


def _collect_series(query: pl.LazyFrame) -> pl.Series:
    return query.collect(engine="streaming").to_series()


def _check_output(source: Path, output: Path, overwrite: bool) -> None:
    if output.exists() and not overwrite:
        raise UsageError(f"{output}: exists", hint="choose another -o or pass --overwrite")
    if output.exists() and source.exists() and output.resolve() == source.resolve():
        raise UsageError(f"{output}: is the input file", hint="write to a new file")


def _polars(dataset: Dataset, work: Callable[[], T]) -> T:
    """Run Polars work; its errors quote data, so replace them by a clean InputError."""
    try:
        return work()
    except pl.exceptions.PolarsError:
        raise InputError(f"{dataset.path}: the {dataset.format.value} input could not be "
                         "processed", hint="check that the file is complete and "
                         "well-formed") from None
