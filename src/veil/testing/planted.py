"""`assert_no_planted_identifiers`: no planted identifier survives in an output.

Plant known identifiers in the input (or take them from a generator that says what
it planted), de-identify, then look for every planted value in every cell of the
output: as a substring, case-insensitively, and for values with seven or more
digits also by their digits alone (an SSN written without dashes). The search is
one vectorized Aho-Corasick pass per column (`str.contains_any`), and a failure
names the column, the planted value's position and label and a count, never the
value itself.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

import polars as pl

from veil.errors import UsageError
from veil.testing._failure import ConformanceError

_DIGITS = r"\D"


def assert_no_planted_identifiers(
    data: pl.DataFrame | pl.LazyFrame | str | os.PathLike[str],
    planted: Iterable[str] | Mapping[str, Iterable[str]],
    *,
    min_length: int = 4,
    digit_forms: bool = True,
) -> None:
    """Fail (`ConformanceError`) when any planted value appears in any cell of `data`.

    `data` is a frame, or a file (.csv, .parquet, .jsonl) or a directory of Parquet
    parts (a parallel engine's output). `planted` lists the values, or maps a label
    (a kind, a column) to them; values shorter than `min_length` characters are
    not searched (a sex code or a state abbreviation is not an identifier alone).
    """
    labelled = _labelled(planted, min_length)
    if not labelled:
        raise UsageError(f"no planted value of {min_length} or more characters to look for")
    frame = data.lazy() if isinstance(data, pl.DataFrame) else (
        data if isinstance(data, pl.LazyFrame) else read_output(data))
    needles = [value.lower() for value, _ in labelled]
    by_digits: dict[str, int] = {}
    if digit_forms:
        for position, (value, _) in enumerate(labelled):
            digits = "".join(c for c in value if c.isdigit())
            if len(digits) >= 7:
                by_digits.setdefault(digits, position)
    schema = frame.collect_schema()
    found: list[str] = []
    for column in (c for c, t in schema.items() if not t.is_nested()):
        text = pl.col(column).cast(pl.String, strict=False).str.to_lowercase()
        hits = [_positions(text.str.extract_many(needles, ascii_case_insensitive=True),
                           needles, list(range(len(needles))))]
        if by_digits:
            hits.append(_positions(text.str.replace_all(_DIGITS, "").str.extract_many(
                list(by_digits)), list(by_digits), list(by_digits.values())))
        cells = frame.select(pl.concat_list(hits).list.unique().alias("hit")).select(
            pl.col("hit").explode().drop_nulls().value_counts(sort=True)
        ).collect(engine="streaming").get_column("hit").struct.unnest()
        found += [f"column {column!r}: planted value #{i + 1} ({labelled[i][1]}) in "
                  f"{n} cell(s)" for i, n in sorted(cells.iter_rows())]
    if found:
        shown = "; ".join(found[:10]) + (f"; and {len(found) - 10} more" if len(found) > 10
                                         else "")
        raise ConformanceError(f"{len(found)} planted identifier(s) survive: {shown}")


def _positions(matches: pl.Expr, needles: list[str], positions: list[int]) -> pl.Expr:
    """The planted positions of a list of matched needles."""
    return matches.list.eval(pl.element().replace_strict(needles, positions,
                                                         return_dtype=pl.Int64))


def _labelled(planted: Iterable[str] | Mapping[str, Iterable[str]],
              min_length: int) -> list[tuple[str, str]]:
    """(value, label) pairs, deduplicated, long enough."""
    if isinstance(planted, Mapping):
        pairs = [(str(v), str(label)) for label, values in planted.items() for v in values]
    else:
        pairs = [(str(v), "planted") for v in planted]
    seen: dict[str, str] = {}
    for value, label in pairs:
        if len(value.strip()) >= min_length:
            seen.setdefault(value.strip(), label)
    return list(seen.items())


def read_output(path: str | os.PathLike[str]) -> pl.LazyFrame:
    """An output file (.csv read as text, .parquet, .jsonl) or a directory of Parquet parts."""
    path = Path(path)
    if path.is_dir():
        return pl.scan_parquet(path / "**" / "*.parquet")
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return pl.scan_parquet(path)
    if suffix in (".jsonl", ".ndjson", ".json"):
        return pl.scan_ndjson(path, infer_schema_length=None)
    return pl.scan_csv(path, infer_schema=False)
