"""Refusals in the audit log (issue 12, Medium 7), against a real `veil serve`.

Requests without a valid token are counted per source and minute and written as one
entry per source and minute (at the minute's end, and when the service stops), so a
flood of them cannot fill the database; every refusal of a token holder (a revoked
token, a wrong role or scope) is still written one by one, before it is answered.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from tests.service.server import Server, make_vault, start_server
from veil.service.broker import Broker
from veil.service.denials import DenialCounter, Tally, source_of
from veil.service.tokens import TokenStore
from veil.vault import AuditEntry, MasterKey, Vault

FLOODERS = 8
EACH = 25


def _entries(server: Server) -> list[AuditEntry]:
    with Vault.open(server.vault_url, MasterKey.from_file(server.key_file)) as vault:
        return vault.audit()


async def _flood(url: str, headers: dict[str, str], path: str, body: dict[str, object]
                 ) -> list[int]:
    async def one_client() -> list[int]:
        async with httpx.AsyncClient(base_url=url, headers=headers, timeout=30) as client:
            return [(await client.post(path, json=body)).status_code for _ in range(EACH)]
    statuses = await asyncio.gather(*(one_client() for _ in range(FLOODERS)))
    return [status for each in statuses for status in each]


@pytest.fixture
def server(tmp_path: Path) -> Server:
    """A service of its own: the test stops it to see what it wrote at shutdown."""
    url = f"sqlite:///{tmp_path / 'vault.db'}"
    make_vault(url, tmp_path / "master.key")
    return start_server(url, tmp_path / "master.key", tmp_path)


def test_unauthenticated_flood_is_aggregated(server: Server) -> None:
    before = len(_entries(server))
    try:
        statuses = asyncio.run(_flood(
            server.url, {}, "/v1/scopes/org-a/codes", {"identifiers": ["MRN-1"]}))
        statuses += asyncio.run(_flood(
            server.url, {"Authorization": "Bearer veil_0123456789ab_" + "x" * 43},
            "/v1/scopes/org-a/reidentify", {"codes": ["C"], "purpose": "p"}))
        assert statuses == [401] * (2 * FLOODERS * EACH)
        during = [e for e in _entries(server)[before:] if e.actor.startswith("anonymous")]
        # never one entry per request; a minute's count is written when the next minute
        # starts, so a flood that crosses a minute's boundary may see that one entry
        assert len(during) <= 2, "written one by one"
        assert all(e.counts["requests"] >= 1 for e in during)
    finally:
        server.stop()  # the counts are written at shutdown
    written = [e for e in _entries(server)[before:] if e.outcome == "denied"]
    assert 1 <= len(written) <= 3, len(written)  # one per source and minute: loopback
    assert {e.action for e in written} == {"unauthenticated"}
    assert {e.actor for e in written} == {"anonymous from 127.0.0.1"}
    assert sum(e.counts["requests"] for e in written) == 2 * FLOODERS * EACH


def test_denials_of_token_holders_are_each_written(server: Server) -> None:
    admin = server.session(server.admin)
    auditor = admin.post("/v1/tokens", json={"role": "auditor", "scopes": []}).json()
    before = len(_entries(server))
    try:
        statuses = asyncio.run(_flood(  # an auditor may not assign codes
            server.url, {"Authorization": f"Bearer {auditor['token']}"},
            "/v1/scopes/org-a/codes", {"identifiers": ["MRN-1"]}))
        assert statuses == [403] * (FLOODERS * EACH)
        written = [e for e in _entries(server)[before:] if e.outcome == "denied"]
        assert len(written) == FLOODERS * EACH  # before each answer
        assert {(e.actor, e.action, e.scope) for e in written} == {
            (f"token:{auditor['id']}", "assign", "org-a")}
    finally:
        server.stop()


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(("host", "source"), [
    ("192.0.2.7", "192.0.2.7"), ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
    ("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64"), ("::ffff:192.0.2.7", "192.0.2.7"),
    (None, "unknown source"), ("not an address", "unknown source")])
def test_sources(host: str | None, source: str) -> None:
    assert source_of(host) == source


def test_counter_per_source_and_minute() -> None:
    clock = Clock(600.0)  # minute 10
    counter = DenialCounter(max_sources=2, clock=clock)
    for host in ["192.0.2.1", "192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4"]:
        counter.count(host)
    assert counter.take() == []  # the minute has not ended
    clock.now = 659.0
    counter.count("192.0.2.1")
    clock.now = 660.0  # minute 11
    counter.count("192.0.2.9")
    assert counter.take() == [Tally(10, "192.0.2.1", 3), Tally(10, "192.0.2.2", 1),
                              Tally(10, "other sources", 2)]
    assert counter.pending == 1
    taken = counter.take(everything=True)
    assert taken == [Tally(11, "192.0.2.9", 1)]
    assert taken[0].purpose == ("requests without a valid token in the minute from "
                                "1970-01-01T00:11Z")
    counter.give_back(taken)  # a write failed: kept for the next try
    assert counter.take(everything=True) == taken
    assert counter.pending == 0


def test_flush_writes_ended_minutes(tmp_path: Path) -> None:
    """In process: what the service does a second past each minute."""
    url = f"sqlite:///{tmp_path / 'vault.db'}"
    make_vault(url, tmp_path / "master.key")
    key = MasterKey.from_file(tmp_path / "master.key")
    with Vault.open(url, key) as vault:
        broker = Broker(vault, TokenStore(vault.engine, key), max_items=10)
        clock = Clock(600.0)
        broker.denials = DenialCounter(clock=clock)
        try:
            for _ in range(5):
                broker.denials.count("192.0.2.1")
            before = len(vault.audit())
            assert asyncio.run(broker.flush_denials()) == 0
            clock.now = 661.0
            assert asyncio.run(broker.flush_denials()) == 1
            [entry] = vault.audit()[before:]
            assert (entry.action, entry.actor, entry.outcome, entry.counts) == (
                "unauthenticated", "anonymous from 192.0.2.1", "denied", {"requests": 5})
            assert vault.verify().ok
        finally:
            broker.close()
