"""`veil serve --workers 2`: several processes on one socket and one database, on SQLite
and PostgreSQL. Every answer is audited in one intact chain, a revocation counts in every
worker at once, and stopping the service stops (and flushes) every worker."""

from __future__ import annotations

import asyncio
import re
import signal
from pathlib import Path

import httpx
import pytest

from tests.e2e.cli import run_cli
from tests.service.conftest import issue
from tests.service.server import Server, make_vault, start_server
from tests.vault.conftest import NO_POSTGRES
from tests.vault.pgcluster import PgCluster
from veil.vault import MasterKey, Vault

CLIENTS = 8
EACH = 10


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest, pg_cluster: PgCluster | None,
           tmp_path: Path) -> Server:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'vault.db'}"
    elif pg_cluster is None:
        pytest.skip(NO_POSTGRES)
    else:
        url = pg_cluster.new_database()
    make_vault(url, tmp_path / "master.key")
    return start_server(url, tmp_path / "master.key", tmp_path, "--workers", "2")


async def _load(url: str, token: str, codes: list[str]) -> list[tuple[int, str | None]]:
    async def one(client_no: int) -> list[tuple[int, str | None]]:
        # a new connection per request, so the kernel spreads them over the workers
        got = []
        for i in range(EACH):
            async with httpx.AsyncClient(base_url=url, timeout=30, headers={
                    "Authorization": f"Bearer {token}"}) as client:
                code = codes[(client_no * EACH + i) % len(codes)]
                answer = await client.post("/v1/scopes/org-a/reidentify",
                                           json={"codes": [code], "purpose": "workers"})
                got.append((answer.status_code, answer.json()["pairs"][0]["identifier"]
                            if answer.status_code == 200 else None))
        return got
    results = await asyncio.gather(*(one(n) for n in range(CLIENTS)))
    return [r for each in results for r in each]


def test_workers_share_one_chain(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    try:
        assert re.search(r"2 worker processes \(pids \d+, \d+\)", server.log_text())
        people = [f"MRN-{i:03d}" for i in range(20)]
        submitter = server.session(issue(server, "submitter", ["org-a"])[1])
        codes = submitter.post("/v1/scopes/org-a/codes",
                               json={"identifiers": people}).json()["codes"]
        token_id, token = issue(server, "broker", ["org-a"])
        results = asyncio.run(_load(server.url, token, codes))
        assert all(status == 200 for status, _ in results)
        assert [who for _, who in results] == [
            people[(n * EACH + i) % len(codes)] for n in range(CLIENTS) for i in range(EACH)]
        revoked = run_cli(capsys, "token", "revoke", "--vault", server.vault_url,
                          "--key-file", str(server.key_file), token_id)
        assert revoked.code == 0, revoked
        after = asyncio.run(_load(server.url, token, codes))
        assert {status for status, _ in after} == {401}  # in every worker at once
        anonymous = httpx.post(f"{server.url}/v1/scopes/org-a/codes",
                               json={"identifiers": ["X"]})
        assert anonymous.status_code == 401
    finally:
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(30) == 0
        server.stop()
    with Vault.open(server.vault_url, MasterKey.from_file(server.key_file)) as vault:
        assert vault.verify().ok
        entries = vault.audit()
    ok = [e for e in entries if e.action == "reidentify" and e.outcome == "ok"]
    assert len(ok) == CLIENTS * EACH
    denied = [e for e in entries if e.actor == f"token:{token_id}" and e.outcome == "denied"]
    assert len(denied) == CLIENTS * EACH
    counted = [e for e in entries if e.action == "unauthenticated"]
    assert sum(e.counts["requests"] for e in counted) == 1  # written by its worker at stop
    logs = server.log_text()
    assert len(re.findall(r"group commit: \d+ re-identifications", logs)) == 2


def test_a_dead_worker_stops_the_service(tmp_path: Path) -> None:
    """A worker that dies takes the service down (exit 1) rather than leaving it half."""
    import os

    url = f"sqlite:///{tmp_path / 'vault.db'}"
    make_vault(url, tmp_path / "master.key")
    server = start_server(url, tmp_path / "master.key", tmp_path, "--workers", "2")
    try:
        found = re.search(r"2 worker processes \(pids (\d+), (\d+)\)", server.log_text())
        assert found
        os.kill(int(found.group(1)), signal.SIGKILL)
        assert server.process.wait(60) == 1
        assert "exited" in server.log_text()
        with pytest.raises(httpx.TransportError):
            httpx.get(f"{server.url}/healthz", timeout=2)
    finally:
        server.stop()


def test_listening_socket() -> None:
    """TCP with Nagle off (accepted connections inherit it: a response written in two
    parts must not wait for the client's delayed ACK); a taken port is a usage error."""
    import socket

    from veil.errors import UsageError
    from veil.service.server import listen

    with listen("127.0.0.1", 0) as sock:
        assert sock.proto == socket.IPPROTO_TCP
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        port = sock.getsockname()[1]
        client = socket.create_connection(("127.0.0.1", port))
        accepted, _ = sock.accept()
        with client, accepted:
            assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        with pytest.raises(UsageError, match=f"cannot listen on 127.0.0.1 port {port}"):
            listen("127.0.0.1", port)
