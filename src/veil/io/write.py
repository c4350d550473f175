"""Atomic output: a run writes into a hidden temporary directory beside the
target and renames it into place only when everything succeeded, so a failed or
interrupted run leaves no partial output behind."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import polars as pl

from veil.errors import UsageError
from veil.io.formats import Format


@contextmanager
def atomic_directory(target: Path, *, overwrite: bool = False) -> Iterator[Path]:
    """Yield a fresh temporary directory that becomes `target` on success."""
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target}: exists and is not a directory", hint="choose another -o")
    if target.exists() and any(target.iterdir()) and not overwrite:
        raise UsageError(
            f"{target}: the output directory exists and is not empty",
            hint="choose a new directory, or pass --overwrite to replace it",
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".partial",
                                    dir=target.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap_into_place(staging, target)


def _swap_into_place(staging: Path, target: Path) -> None:
    if target.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old",
                                        dir=target.parent))
        os.rmdir(retired)
        os.replace(target, retired)
        os.replace(staging, target)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        os.replace(staging, target)


@contextmanager
def atomic_file(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target` that is renamed onto it on success."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(handle)
    staging = Path(name)
    try:
        yield staging
        with staging.open("rb") as written:  # durable before it becomes visible
            os.fsync(written.fileno())
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    os.replace(staging, target)


def sink(frame: pl.LazyFrame, path: Path, fmt: Format) -> None:
    """Stream a lazy frame to a file in the given format (streaming engine, bounded memory).

    Polars 1.36's streaming sink panics very rarely under heavy thread contention
    (`Option::unwrap()` in `RecordBatchIter`, not reproducible with the same input); the
    sink is then retried once from scratch, which rewrites the whole file, so the output
    is the same as an uninterrupted run.
    """
    try:
        _sink_once(frame, path, fmt)
    except BaseException as error:  # PanicException derives from BaseException
        if type(error).__name__ != "PanicException":
            raise
        path.unlink(missing_ok=True)
        _sink_once(frame, path, fmt)


def _sink_once(frame: pl.LazyFrame, path: Path, fmt: Format) -> None:
    if fmt is Format.PARQUET:
        frame.sink_parquet(path, compression="zstd", statistics=True)
    elif fmt is Format.CSV:
        frame.sink_csv(path)
    else:
        frame.sink_ndjson(path)
