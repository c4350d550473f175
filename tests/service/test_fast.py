"""The re-identification fast path (`veil.service._fast`) answers exactly as the FastAPI
route does, and a token revoked after it was recalled is refused inside the batch.

Two apps over two vaults built alike, one with the fast path and one without, get the
same requests (good ones and every kind of bad one); status, content type, body and
the audit entries written must be the same. In process (httpx's ASGI transport, inside
the app's lifespan: the broker's writer thread, a real SQLite vault)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.service.server import make_vault
from veil.service.app import create_app
from veil.service.broker import Broker
from veil.service.tokens import TokenStore
from veil.vault import MasterKey, Vault

PEOPLE = [f"MRN-{i:04d}" for i in range(20)]


class Client:
    """An in-process client of an app, its lifespan entered on a loop of its own."""

    def __init__(self, app: Any) -> None:
        self.loop = asyncio.new_event_loop()
        self.life: AbstractAsyncContextManager[None] = app.router.lifespan_context(app)
        self.loop.run_until_complete(self.life.__aenter__())
        self.http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                      base_url="http://test")

    def post(self, path: str, *, content: bytes, headers: dict[str, str]) -> httpx.Response:
        return self.loop.run_until_complete(
            self.http.post(path, content=content, headers=headers))

    def close(self) -> None:
        self.loop.run_until_complete(self.http.aclose())
        self.loop.run_until_complete(self.life.__aexit__(None, None, None))
        self.loop.close()


@dataclass
class Side:
    client: Client
    broker: Broker
    vault: Vault
    tokens: dict[str, str]
    codes: list[str]
    store: TokenStore


@pytest.fixture
def sides(tmp_path: Path) -> Iterator[dict[bool, Side]]:
    made: dict[bool, Side] = {}
    opened: list[tuple[Client, Vault]] = []
    try:
        for fast in (True, False):
            workdir = tmp_path / ("fast" if fast else "slow")
            workdir.mkdir()
            url = f"sqlite:///{workdir / 'vault.db'}"
            make_vault(url, workdir / "master.key")
            key = MasterKey.from_file(workdir / "master.key")
            vault = Vault.open(url, key)
            codes = vault.assign("org-a", PEOPLE, actor="test:setup")
            store = TokenStore(vault.engine, key)
            tokens = {
                "org": store.issue("broker", ["org-a"]).token,
                "hub": store.issue("broker", ["hub"]).token,
                "orgb": store.issue("broker", ["org-b"]).token,
                "submitter": store.issue("submitter", ["org-a"]).token,
                "revoked": store.issue("broker", ["org-a"]).token,
            }
            store.revoke(tokens["revoked"].split("_")[1])
            app = create_app(vault, key, max_body_bytes=4096, max_items=5, fast=fast)
            client = Client(app)
            opened.append((client, vault))
            made[fast] = Side(client, _broker_of(app), vault, tokens, codes, store)
        yield made
    finally:
        for client, vault in opened:
            client.close()
            vault.close()


def _broker_of(app: Any) -> Broker:
    broker = app.state.broker
    assert isinstance(broker, Broker)
    return broker


def _cases(side: Side) -> list[tuple[str | None, str, bytes]]:
    """(token, scope, raw body) to send; codes are named by position, so both sides
    send the codes of the same people."""
    good = json.dumps({"codes": [side.codes[3], side.codes[7]], "purpose": "follow-up"})
    t = side.tokens
    return [
        (t["org"], "org-a", good.encode()),
        (t["org"], "org-a", json.dumps({"codes": ["NOPE-1"], "purpose": "x"}).encode()),
        (t["hub"], "org-a", good.encode()),  # a master scope's broker
        (t["org"], "hub", good.encode()),  # not covered
        (t["hub"], "hub", good.encode()),  # a master scope holds no codes
        (t["orgb"], "org-a", good.encode()),
        (t["submitter"], "org-a", good.encode()),
        (t["revoked"], "org-a", good.encode()),
        (None, "org-a", good.encode()),
        ("veil_000000000000_" + "A" * 43, "org-a", good.encode()),
        (t["org"], "org-a", b"{not json"),
        (t["org"], "org-a", b""),
        (t["org"], "org-a", b"[]"),
        (t["org"], "org-a", b'{"codes": ["a"], "purpose": "x", "purpose": "y"}'),
        (t["org"], "org-a", b'{"codes": ["a"], "purpose": "x", "extra": 1}'),
        (t["org"], "org-a", b'{"codes": ["a"], "purpose": ""}'),
        (t["org"], "org-a", b'{"codes": ["a"], "purpose": "line\\nbreak"}'),
        (t["org"], "org-a", json.dumps({"codes": ["a"] * 6, "purpose": "x"}).encode()),
        (t["org"], "org-a", json.dumps({"codes": ["a"], "purpose": "x" * 5000}).encode()),
        (t["org"], "nowhere", good.encode()),
        (t["org"], "org-a/../org-b", good.encode()),
        (t["org"], "org-a", good.encode()),
    ]


def _send(side: Side, token: str | None, scope: str, raw: bytes) -> tuple[int, str, object]:
    headers = {"content-type": "application/json"}
    if token is not None:
        headers["authorization"] = f"Bearer {token}"
    answer = side.client.post(f"/v1/scopes/{scope}/reidentify", content=raw, headers=headers)
    body: object = answer.json() if answer.content else None
    return answer.status_code, answer.headers.get("content-type", ""), body


def _audit(side: Side) -> list[tuple[object, ...]]:
    return [(e.action, e.scope, e.purpose, tuple(sorted(e.counts.items())), e.outcome)
            for e in side.vault.audit()]


def test_fast_path_answers_as_the_route_does(sides: dict[bool, Side]) -> None:
    fast, slow = sides[True], sides[False]
    for (token_f, scope, raw_f), (token_s, _, raw_s) in zip(_cases(fast), _cases(slow),
                                                              strict=True):
        got_f = _send(fast, token_f, scope, raw_f)
        got_s = _send(slow, token_s, scope, raw_s)
        # the identifiers are the same people; the codes differ between the vaults
        assert got_f[:2] == got_s[:2], (scope, raw_f[:40], got_f, got_s)
        if got_f[0] == 200:
            assert isinstance(got_f[2], dict) and isinstance(got_s[2], dict)
            assert [p["identifier"] for p in got_f[2]["pairs"]] == \
                   [p["identifier"] for p in got_s[2]["pairs"]]
        else:
            assert got_f[2] == got_s[2]
    assert _audit(fast) == _audit(slow)
    assert fast.vault.verify().ok
    # the fast side answered all but the first request to each scope itself
    assert _broker(fast).fast_answers >= len(_cases(fast)) - 4  # 4 scopes named
    assert _broker(slow).fast_answers == 0


def _broker(side: Side) -> Broker:
    return side.broker


def test_revocation_after_recall_is_refused_in_the_batch(sides: dict[bool, Side]) -> None:
    side = sides[True]
    good = json.dumps({"codes": [side.codes[1]], "purpose": "follow-up"}).encode()
    assert _send(side, side.tokens["org"], "org-a", good)[0] == 200  # recalled from now on
    # revoked by another process (the CLI): the service's recalled grant is stale
    other = TokenStore(side.vault.engine, MasterKey.from_file(
        Path(str(side.vault.witness)).parent / "master.key"))
    assert other.revoke(side.tokens["org"].split("_")[1]) is not None
    status, _, body = _send(side, side.tokens["org"], "org-a", good)
    assert status == 401
    assert body == {"error": "unauthenticated", "detail": "this token was revoked"}
    last = side.vault.audit()[-1]
    assert (last.action, last.outcome, last.counts, last.scope) == \
        ("reidentify", "denied", {"status": 401}, "org-a")
    assert last.actor == f"token:{side.tokens['org'].split('_')[1]}"
    assert _send(side, side.tokens["org"], "org-a", good)[0] == 401
    assert side.vault.verify().ok
