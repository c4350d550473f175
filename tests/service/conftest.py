"""One `veil serve` process per backend and test session -- a SQLite vault file in a
temp dir, then a database in a throwaway PostgreSQL server (as in tests/vault) -- with
a token per principal of the authorization table."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from tests.service.server import Server, make_vault, start_server
from tests.vault.conftest import NO_POSTGRES
from tests.vault.pgcluster import PgCluster
from veil.service.tokens import TokenStore
from veil.vault import MasterKey

MAX_BODY = 64 * 1024
MAX_ITEMS = 100


@dataclass(frozen=True)
class Principals:
    """Bearer tokens by principal name (None: no Authorization header)."""

    tokens: dict[str, str | None]
    ids: dict[str, str]


def _start(workdir: Path, url: str) -> Server:
    make_vault(url, workdir / "master.key")
    return start_server(url, workdir / "master.key", workdir,
                        "--max-body-bytes", str(MAX_BODY), "--max-items", str(MAX_ITEMS))


@pytest.fixture(scope="session")
def sqlite_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`veil serve` over a SQLite vault file."""
    workdir = tmp_path_factory.mktemp("service-sqlite")
    running = _start(workdir, f"sqlite:///{workdir / 'vault.db'}")
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="session")
def postgresql_server(pg_cluster: PgCluster | None,
                      tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`veil serve` over a vault in a fresh PostgreSQL database."""
    if pg_cluster is None:
        pytest.skip(NO_POSTGRES)
    running = _start(tmp_path_factory.mktemp("service-pg"), pg_cluster.new_database())
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest) -> Server:
    """The service on each backend (modules that need one backend override this)."""
    running: Server = request.getfixturevalue(f"{request.param}_server")
    return running


def issue(server: Server, role: str, scopes: list[str], label: str = "", *,
          expires_in: dt.timedelta | None = None) -> tuple[str, str]:
    """(id, token) of a new token, issued as the key custodian does (`veil token issue`:
    with the master key, in the vault's database; the service's admins issue no submitter
    or broker tokens)."""
    engine = create_engine(server.vault_url)
    try:
        issued = TokenStore(engine, MasterKey.from_file(server.key_file)).issue(
            role, scopes, label=label, expires_in=expires_in)
    finally:
        engine.dispose()
    server.secrets.append(issued.token)
    return issued.info.id, issued.token


_principals: dict[str, Principals] = {}  # by server URL


@pytest.fixture
def principals(server: Server) -> Principals:
    """A token per principal of the authorization table (issued once per server)."""
    if server.url in _principals:
        return _principals[server.url]
    grants = {"submitter-a": ("submitter", ["org-a"]), "submitter-b": ("submitter", ["org-b"]),
              "broker-a": ("broker", ["org-a"]), "broker-hub": ("broker", ["hub"]),
              "auditor": ("auditor", []), "revoked": ("broker", ["org-a"])}
    tokens: dict[str, str | None] = {"none": None, "malformed": "not-a-veil-token",
                                     "unknown": f"veil_{secrets.token_hex(6)}_"
                                                f"{secrets.token_urlsafe(32)}",
                                     "admin": server.admin}
    ids = {}
    for name, (role, scopes) in grants.items():
        ids[name], tokens[name] = issue(server, role, scopes, label=name)
    admin = server.session(server.admin)
    assert admin.delete(f"/v1/tokens/{ids['revoked']}").status_code == 200
    listed = admin.get("/v1/tokens").json()["tokens"]
    ids["admin"] = next(t["id"] for t in listed if t["label"] == "bootstrap")
    server.secrets.extend([str(tokens["unknown"]), str(tokens["malformed"])])
    _principals[server.url] = Principals(tokens, ids)
    return _principals[server.url]
