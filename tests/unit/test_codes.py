"""Random codes and the local key store: unique, stable, not derived from the person."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from veil.actions.codes import ALPHABET, random_codes
from veil.actions.keystore import LocalKeyStore


def test_codes_are_unique_well_formed_and_avoid_taken() -> None:
    taken = {f"P-{t}" for t in random_codes(500, length=6)}
    codes = random_codes(5000, length=6, prefix="P-", taken=taken)
    assert len(set(codes)) == 5000
    assert all(c.startswith("P-") and len(c) == 8 for c in codes)
    assert all(ch in ALPHABET for c in codes for ch in c[2:])
    assert not set(codes) & taken


def test_codes_use_the_whole_alphabet_uniformly() -> None:
    codes = random_codes(20_000, length=8)
    counts = pl.Series(list("".join(codes))).value_counts()["count"]
    expected = 20_000 * 8 / 32
    assert counts.len() == 32
    assert counts.min() > expected * 0.9
    assert counts.max() < expected * 1.1


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=60))
def test_key_store_codes_are_unique_and_stable(tmp_path_factory: object, values: list[str]) -> None:
    path = Path(tmp_path_factory.mktemp("ks")) / "keys.parquet"  # type: ignore[attr-defined]
    store = LocalKeyStore(path)
    first = store.assign("s", pl.Series(values), length=8, prefix="")
    assert first["code"].n_unique() == first.height == len(set(values))
    again = LocalKeyStore(path).assign("s", pl.Series(list(reversed(values))), length=8, prefix="")
    assert dict(first.iter_rows()) == dict(again.iter_rows())
    other_scope = store.assign("t", pl.Series(values), length=8, prefix="")
    assert other_scope.height == first.height


def test_key_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "keys.parquet"
    LocalKeyStore(path).assign("s", pl.Series(["a", "b", None]), length=8, prefix="")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
