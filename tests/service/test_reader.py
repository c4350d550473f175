"""The broker's reader thread keeps one database connection for token checks (no pool
checkout or ping per request); a connection the server dropped is replaced, and a
revocation is seen by the very next check."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.service.server import make_vault
from tests.vault.conftest import NO_POSTGRES
from tests.vault.pgcluster import PgCluster
from veil.service.broker import Broker
from veil.service.tokens import TokenStore
from veil.vault import MasterKey, Vault


@pytest.fixture
def postgres_url(pg_cluster: PgCluster | None) -> str:
    if pg_cluster is None:
        pytest.skip(NO_POSTGRES)
    return pg_cluster.new_database()


def test_dropped_connection_is_replaced(postgres_url: str, tmp_path: Path) -> None:
    make_vault(postgres_url, tmp_path / "master.key")
    key = MasterKey.from_file(tmp_path / "master.key")
    with Vault.open(postgres_url, key) as vault:
        store = TokenStore(vault.engine, key)
        issued = store.issue("broker", ["org-a"])
        broker = Broker(vault, store, max_items=10)
        try:
            assert asyncio.run(broker.identify(issued.token)) == issued.info
            database = vault.engine.url.database
            killer = create_engine(postgres_url)
            try:
                with killer.connect() as conn:
                    killed = conn.execute(text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE datname = :db AND pid <> pg_backend_pid()"),
                        {"db": database}).scalar_one()
                    conn.commit()
            finally:
                killer.dispose()
            assert killed >= 1
            assert asyncio.run(broker.identify(issued.token)) == issued.info
            store.revoke(issued.info.id)
            seen = asyncio.run(broker.identify(issued.token))
            assert seen is not None and seen.revoked is not None
        finally:
            broker.close()
