"""Vault fixtures: a real SQLite file and a real, throwaway PostgreSQL server.

The PostgreSQL server is started once per test session (initdb + pg_ctl on a temp
dir, a free loopback port; see pgcluster.py); each test gets a fresh database in
it. Tests over PostgreSQL are skipped, with the reason, only when the server
binaries are not installed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.vault.pgcluster import PgCluster
from veil.vault import MasterKey, Vault

NO_POSTGRES = ("PostgreSQL server binaries (initdb, pg_ctl) not found in "
               "/usr/lib/postgresql/*/bin or on PATH: install Debian's postgresql package")

BACKENDS = ["sqlite", "postgresql"]


UrlFactory = Callable[[str], str]


@pytest.fixture
def make_url(pg_cluster: PgCluster | None, tmp_path: Path) -> UrlFactory:
    """A function giving a fresh, empty vault location on a backend."""
    counter = iter(range(1_000_000))

    def make(backend: str) -> str:
        if backend == "sqlite":
            return f"sqlite:///{tmp_path}/vault-{next(counter)}.db"
        if pg_cluster is None:
            pytest.skip(NO_POSTGRES)
        return pg_cluster.new_database()

    return make


@pytest.fixture(params=BACKENDS)
def vault_url(request: pytest.FixtureRequest, make_url: UrlFactory) -> str:
    """A fresh, empty vault location: a SQLite file, then a PostgreSQL database."""
    return make_url(str(request.param))


@pytest.fixture
def key() -> MasterKey:
    return MasterKey.generate()


@pytest.fixture
def vault(vault_url: str, key: MasterKey) -> Iterator[Vault]:
    """A new vault with one scope, "study-1"."""
    with Vault.create(vault_url, key) as created:
        created.add_scope("study-1", actor="tester")
        yield created
