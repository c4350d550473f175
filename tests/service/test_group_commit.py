"""Group commit of re-identifications in the broker, on SQLite and PostgreSQL.

In process: the writer thread is held while requests queue, so what shares a
transaction is deterministic; commits are counted with SQLAlchemy "commit" events.
Over HTTP: 200 requests from 32 concurrent clients against a real `veil serve`
process; every answer arrives only once its audit entry is committed, each client's
entries are in its order, the chain verifies, and fewer transactions than requests ran.
"""

from __future__ import annotations

import asyncio
import functools
import itertools
import re
import threading
import uuid
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError

from tests.service.server import make_vault, start_server
from tests.vault.commits import Commits
from tests.vault.conftest import NO_POSTGRES
from tests.vault.pgcluster import PgCluster
from veil.service._http import ApiError, ReidentifyResponse
from veil.service._http import ReidentifyRequest as Body
from veil.service.broker import BATCH_REQUESTS, Broker
from veil.service.tokens import TokenInfo, TokenStore
from veil.vault import MasterKey, Vault

PEOPLE = [f"MRN-{i:04d}" for i in range(40)]
MAX_ITEMS = 100


@pytest.fixture(params=["sqlite", "postgresql"])
def vault_url(request: pytest.FixtureRequest, pg_cluster: PgCluster | None,
              tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'vault.db'}"
    if pg_cluster is None:
        pytest.skip(NO_POSTGRES)
    return pg_cluster.new_database()


@dataclass
class Setup:
    vault: Vault
    broker: Broker
    codes: list[str]
    org: TokenInfo  # a broker of org-a
    hub: TokenInfo  # a broker of the master scope hub
    commits: Commits


@pytest.fixture
def setup(vault_url: str, tmp_path: Path) -> Iterator[Setup]:
    make_vault(vault_url, tmp_path / "master.key")
    key = MasterKey.from_file(tmp_path / "master.key")
    vault = Vault.open(vault_url, key)
    codes = vault.assign("org-a", PEOPLE, actor="test:setup")
    store = TokenStore(vault.engine, key)
    org = store.issue("broker", ["org-a"]).info
    hub = store.issue("broker", ["hub"]).info
    broker = Broker(vault, store, max_items=MAX_ITEMS)
    commits = Commits()
    event.listen(vault.engine, "commit", commits)
    try:
        yield Setup(vault, broker, codes, org, hub, commits)
    finally:
        broker.close()
        vault.close()


Call = Callable[[], Coroutine[Any, Any, ReidentifyResponse]]


async def _queued(broker: Broker, calls: list[Call]) -> list[asyncio.Task[ReidentifyResponse]]:
    """Start `calls` one after the other while the writer is held, so they queue in this
    order; the writer is released when they are all queued (the caller awaits them)."""
    gate = threading.Event()
    held = broker._writer.submit(gate.wait)
    tasks: list[asyncio.Task[ReidentifyResponse]] = []
    try:
        for number, call in enumerate(calls, start=1):
            tasks.append(asyncio.create_task(call()))
            for _ in range(5000):
                if broker.queued >= number or tasks[-1].done():
                    break
                await asyncio.sleep(0.001)
            assert broker.queued == number, "the request did not reach the queue"
    finally:
        gate.set()
    await asyncio.wrap_future(held)
    return tasks


def _call(setup: Setup, info: TokenInfo, scope: str, codes: list[str], purpose: str) -> Call:
    return lambda: setup.broker.reidentify(info, scope, Body(codes=codes, purpose=purpose))


def _entries(vault: Vault, prefix: str) -> list[Any]:
    return [e for e in vault.audit() if e.purpose is not None and e.purpose.startswith(prefix)]


def test_queued_requests_share_one_transaction_in_arrival_order(setup: Setup) -> None:
    codes = setup.codes
    plan: list[tuple[TokenInfo, str, list[str]]] = []
    for i in range(12):
        if i % 4 == 3:
            plan.append((setup.hub, "hub", codes[i:i + 1]))  # a master scope: refused
        elif i % 4 == 2:
            plan.append((setup.hub, "org-a", [codes[i], "NOSUCHCODE", codes[i]]))
        else:
            plan.append((setup.org, "org-a", codes[i:i + 2]))
    before = setup.vault.audit()[-1].seq
    visible: list[bool] = []

    def answered(purpose: str, _: object) -> None:  # runs as the caller gets its answer
        visible.append(_committed(setup, purpose))

    async def run() -> list[ReidentifyResponse | BaseException]:
        calls = [_call(setup, info, scope, sent, f"gc-{i}")
                 for i, (info, scope, sent) in enumerate(plan)]
        tasks = await _queued(setup.broker, calls)
        for i, task in enumerate(tasks):
            task.add_done_callback(functools.partial(answered, f"gc-{i}"))
        return await asyncio.gather(*tasks, return_exceptions=True)

    results = asyncio.run(run())
    assert setup.commits.count == 1
    assert (setup.broker.group_commit.transactions, setup.broker.group_commit.requests) == (1, 12)
    assert visible == [True] * 12  # each answer came after its entry had committed
    for i, ((_, scope, sent), result) in enumerate(zip(plan, results, strict=True)):
        if scope == "hub":
            assert isinstance(result, ApiError) and result.status == 409
            continue
        assert isinstance(result, ReidentifyResponse), result
        assert [(p.code, p.identifier) for p in result.pairs] == [
            (c, None if c == "NOSUCHCODE" else PEOPLE[codes.index(c)]) for c in sent], i
    entries = setup.vault.audit(after=before)
    assert [(e.actor, e.scope, e.purpose, e.outcome.split(":")[0]) for e in entries] == [
        (info.actor, scope, f"gc-{i}", "refused" if scope == "hub" else "ok")
        for i, (info, scope, _) in enumerate(plan)]
    assert [e.counts.get("found") for e in entries] == [
        None if scope == "hub" else len({c for c in sent if c != "NOSUCHCODE"})
        for _, scope, sent in plan]
    assert setup.vault.verify().ok


def _committed(setup: Setup, purpose: str) -> bool:
    """Whether the entry with `purpose` is visible to a new transaction (committed)."""
    return any(e.purpose == purpose for e in setup.vault.audit())


def test_a_failed_batch_fails_every_request_and_writes_nothing(setup: Setup) -> None:
    entries = setup.vault.audit()

    def fail(conn: Connection) -> None:  # the commit of a write transaction fails
        if conn.get_execution_options().get("veil_write"):
            raise OperationalError("injected", {}, RuntimeError("injected failure"))

    async def run() -> list[ReidentifyResponse | BaseException]:
        calls = [_call(setup, setup.org, "org-a", setup.codes[i:i + 1], f"fail-{i}")
                 for i in range(6)]
        calls.append(_call(setup, setup.hub, "hub", setup.codes[:1], "fail-hub"))
        tasks = await _queued(setup.broker, calls)
        return await asyncio.gather(*tasks, return_exceptions=True)

    event.listen(setup.vault.engine, "commit", fail)
    try:
        results = asyncio.run(run())
    finally:
        event.remove(setup.vault.engine, "commit", fail)
    assert setup.broker.group_commit.transactions == 1
    for result in results:
        assert isinstance(result, ApiError)
        assert result.status == 409
        assert "failed while re-identifying" in result.body.detail
        assert not any(code in result.body.model_dump_json() for code in setup.codes)
    assert setup.vault.audit() == entries  # not even the refusal's entry
    assert setup.vault.verify().ok
    after = asyncio.run(_call(setup, setup.org, "org-a", setup.codes[:1], "after")())
    assert after.pairs[0].identifier == PEOPLE[0]  # the writer goes on
    assert setup.vault.verify().ok


def test_batches_are_capped_and_keep_the_order(setup: Setup) -> None:
    count = BATCH_REQUESTS + 6

    async def run(calls: list[Call]) -> list[ReidentifyResponse]:
        return list(await asyncio.gather(*await _queued(setup.broker, calls)))

    calls = [_call(setup, setup.org, "org-a", setup.codes[i % 40:i % 40 + 1], f"cap-{i}")
             for i in range(count)]
    results = asyncio.run(run(calls))
    assert [r.pairs[0].identifier for r in results] == [PEOPLE[i % 40] for i in range(count)]
    stats = setup.broker.group_commit
    assert (stats.transactions, stats.requests, stats.largest) == (2, count, BATCH_REQUESTS)
    # codes: 40 + 40 fit in MAX_ITEMS = 100, a third request of 40 does not
    calls = [_call(setup, setup.org, "org-a", setup.codes, f"items-{i}") for i in range(5)]
    asyncio.run(run(calls))
    assert (stats.transactions, stats.requests) == (5, count + 5)
    assert [e.purpose for e in _entries(setup.vault, "cap-")] == [
        f"cap-{i}" for i in range(count)]
    assert [e.purpose for e in _entries(setup.vault, "items-")] == [
        f"items-{i}" for i in range(5)]
    assert setup.vault.verify().ok


def test_a_caller_that_left_before_its_batch_is_not_reidentified(setup: Setup) -> None:
    async def run() -> list[ReidentifyResponse | BaseException]:
        calls = [_call(setup, setup.org, "org-a", setup.codes[i:i + 1], f"left-{i}")
                 for i in range(3)]
        gate = threading.Event()
        held = setup.broker._writer.submit(gate.wait)
        tasks: list[asyncio.Task[ReidentifyResponse]] = []
        for number, call in enumerate(calls, start=1):
            tasks.append(asyncio.create_task(call()))
            while setup.broker.queued < number:
                await asyncio.sleep(0.001)
        tasks[1].cancel()
        await asyncio.sleep(0.01)
        gate.set()
        await asyncio.wrap_future(held)
        return await asyncio.gather(*tasks, return_exceptions=True)

    results = asyncio.run(run())
    assert isinstance(results[1], asyncio.CancelledError)
    assert [type(r) for r in (results[0], results[2])] == [ReidentifyResponse] * 2
    assert [e.purpose for e in _entries(setup.vault, "left-")] == ["left-0", "left-2"]
    assert setup.broker.group_commit.requests == 2
    assert setup.vault.verify().ok


def test_a_closed_broker_refuses_at_once(setup: Setup) -> None:
    asyncio.run(_call(setup, setup.org, "org-a", setup.codes[:1], "open")())  # scopes cached
    setup.broker.close()
    with pytest.raises(RuntimeError, match="closed"):
        asyncio.run(_call(setup, setup.org, "org-a", setup.codes[:1], "closed")())
    assert setup.broker.queued == 0
    assert [e.purpose for e in _entries(setup.vault, "")][-1] == "open"


# -- over HTTP: a real `veil serve` process ------------------------------------------------

REQUESTS = 200
CLIENTS = 32
_STATS = re.compile(r"group commit: (\d+) re-identifications in (\d+) transactions")


@dataclass(frozen=True)
class Sent:
    ticket: int
    client: int
    scope: str
    codes: list[str]
    purpose: str


def test_concurrent_clients_over_http(vault_url: str, tmp_path: Path) -> None:
    key_file = tmp_path / "master.key"
    make_vault(vault_url, key_file)
    key = MasterKey.from_file(key_file)
    with Vault.open(vault_url, key) as vault:
        codes = vault.assign("org-a", PEOPLE, actor="test:setup")
        token = TokenStore(vault.engine, key).issue("broker", ["hub"], label="gc").token
    server = start_server(vault_url, key_file, tmp_path, "--max-items", str(MAX_ITEMS))
    run = uuid.uuid4().hex[:8]
    watcher = create_engine(vault_url)
    try:
        answers = asyncio.run(_clients(server.url, token, codes, run, watcher))
    finally:
        watcher.dispose()
        server.stop()
    assert len(answers) == REQUESTS
    for sent, status, body, committed in answers:
        assert committed == 1, f"request {sent.ticket} was answered before its entry committed"
        if sent.scope == "hub":
            assert status == 409
            continue
        assert status == 200, body
        assert [(p["code"], p["identifier"]) for p in body["pairs"]] == [
            (c, None if c == "NOSUCHCODE" else PEOPLE[codes.index(c)]) for c in sent.codes]
    with Vault.open(vault_url, MasterKey.from_file(key_file)) as vault:
        assert vault.verify().ok
        entries = {e.purpose: e for e in vault.audit() if e.action == "reidentify"}
    assert len(entries) == REQUESTS
    by_client: dict[int, list[int]] = {}
    for sent, _, _, _ in sorted(answers, key=lambda a: a[0].ticket):
        entry = entries[sent.purpose]
        assert entry.outcome.split(":")[0] == ("refused" if sent.scope == "hub" else "ok")
        assert entry.counts["requested"] == len(sent.codes)
        by_client.setdefault(sent.client, []).append(entry.seq)
    for seqs in by_client.values():  # a client sends again only once answered
        assert seqs == sorted(seqs)
    stats = _STATS.findall(server.log_text())
    assert stats, "the service logged no group commit statistics"
    requests, transactions = map(int, stats[-1])
    assert requests == REQUESTS
    assert transactions < requests, "no two re-identifications shared a transaction"
    if vault_url.startswith("postgresql"):  # the database's own account: inserting xids
        probe = create_engine(vault_url)
        try:
            with probe.connect() as conn:
                xids = conn.execute(text(
                    "SELECT count(DISTINCT xmin::text) FROM veil_audit WHERE purpose LIKE :p"),
                    {"p": f"gc-{run}-%"}).scalar_one()
        finally:
            probe.dispose()
        assert xids == transactions < REQUESTS


async def _clients(url: str, token: str, codes: list[str], run: str,
                   watcher: Engine) -> list[tuple[Sent, int, Any, int]]:
    tickets = itertools.count()
    answers: list[tuple[Sent, int, Any, int]] = []
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60,
                                 headers={"Authorization": f"Bearer {token}"}) as http:

        async def client(number: int) -> None:
            while (ticket := next(tickets)) < REQUESTS:
                scope = "hub" if ticket % 10 == 3 else "org-a"
                sent_codes = [codes[ticket % 40], codes[(ticket * 7) % 40]]
                if ticket % 5 == 0:
                    sent_codes.append("NOSUCHCODE")
                sent = Sent(ticket, number, scope, sent_codes, f"gc-{run}-{ticket}")
                answer = await http.post(f"/v1/scopes/{scope}/reidentify",
                                         json={"codes": sent.codes, "purpose": sent.purpose})
                with watcher.connect() as conn:  # at once, before anything else runs
                    committed = conn.execute(
                        text("SELECT count(*) FROM veil_audit WHERE purpose = :p"),
                        {"p": sent.purpose}).scalar_one()
                answers.append((sent, answer.status_code, answer.json(), int(committed)))

        await asyncio.gather(*(client(n) for n in range(CLIENTS)))
    return answers
