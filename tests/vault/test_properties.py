"""Hypothesis properties of vault codes on both backends: unique per scope, stable
across batches, and not a function of the identifier (two vaults, same key, same
identifiers: unrelated codes)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.vault.conftest import BACKENDS, NO_POSTGRES
from tests.vault.pgcluster import PgCluster
from veil.vault import CodeFormat, MasterKey, Vault

identifiers = st.text(max_size=24)  # any Unicode, the empty string and NUL included
batches = st.lists(st.lists(identifiers, max_size=40), min_size=1, max_size=4)
SETTINGS = settings(max_examples=30, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module", params=BACKENDS)
def two_vaults(request: pytest.FixtureRequest, pg_cluster: PgCluster | None,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Vault, Vault]]:
    """Two vaults under the same master key (so only chance could make codes agree)."""
    key = MasterKey.generate()
    if request.param == "sqlite":
        folder = tmp_path_factory.mktemp("vaults")
        urls = [f"sqlite:///{folder}/a.db", f"sqlite:///{folder}/b.db"]
    elif pg_cluster is None:
        pytest.skip(NO_POSTGRES)
    else:
        urls = [pg_cluster.new_database(), pg_cluster.new_database()]
    first, second = Vault.create(urls[0], key), Vault.create(urls[1], key)
    yield first, second
    first.close()
    second.close()


def _new_scope(vault: Vault, fmt: CodeFormat | None = None) -> str:
    name = f"s-{uuid.uuid4().hex[:12]}"
    vault.add_scope(name, actor="hypothesis", code_format=fmt)
    return name


@SETTINGS
@given(batches)
def test_codes_are_unique_per_scope_and_stable_across_batches(
        two_vaults: tuple[Vault, Vault], runs: list[list[str]]) -> None:
    vault = two_vaults[0]
    scope = _new_scope(vault, CodeFormat(length=6, prefix="H"))
    code_of: dict[str, str] = {}
    for batch in runs:
        codes = vault.assign(scope, batch, actor="hypothesis")
        assert len(codes) == len(batch)
        for identifier, code in zip(batch, codes, strict=True):
            assert code_of.setdefault(identifier, code) == code
    assert len(set(code_of.values())) == len(code_of)
    assert vault.scope(scope).codes == len(code_of)
    back = vault.reidentify(scope, list(code_of.values()), actor="hypothesis", purpose="test")
    assert back == {code: identifier for identifier, code in code_of.items()}


@SETTINGS
@given(st.lists(identifiers, min_size=1, max_size=40, unique=True))
def test_codes_are_not_a_function_of_the_identifier(two_vaults: tuple[Vault, Vault],
                                                    people: list[str]) -> None:
    first, second = two_vaults
    mine = first.assign(_new_scope(first), people, actor="hypothesis")
    theirs = second.assign(_new_scope(second), people, actor="hypothesis")
    # 40 random bits per code: an agreement by chance has probability below 2^-34 here
    assert not any(a == b for a, b in zip(mine, theirs, strict=True))
    also_mine = first.assign(_new_scope(first), people, actor="hypothesis")
    assert not any(a == b for a, b in zip(mine, also_mine, strict=True))
