"""Every principal against every endpoint, over HTTP: the status each gets, and for each
refusal of a token holder exactly one "denied" audit entry naming the token by id (never
quoting it); a request without a valid token is only counted (see test_denials.py)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from tests.service.conftest import Principals, issue
from tests.service.server import Server

PRINCIPALS = ["none", "malformed", "unknown", "revoked", "submitter-a", "submitter-b",
              "broker-a", "broker-hub", "auditor", "admin"]
UNAUTHENTICATED = {"none", "malformed", "unknown", "revoked"}
ANONYMOUS = {"none", "malformed", "unknown"}  # no token known: counted, not written at once
CODES = {"identifiers": ["MRN-0001", "MRN-0002"]}
REIDENTIFY = {"codes": ["0000000000"], "purpose": "authorization table"}


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str | Callable[[Server], str]
    action: str
    allowed: dict[str, int]  # principal -> status; everyone else gets 401 or 403
    body: dict[str, Any] | Callable[[], dict[str, Any]] | None = None
    scope: str | None = None  # the scope a denial is audited under


def _fresh_token(server: Server) -> str:
    token_id, _ = issue(server, "auditor", [], label="to revoke")
    return f"/v1/tokens/{token_id}"


ENDPOINTS = {
    "codes own": Endpoint("POST", "/v1/scopes/org-a/codes", "assign",
                          {"submitter-a": 200}, CODES, "org-a"),
    "codes other": Endpoint("POST", "/v1/scopes/org-b/codes", "assign",
                            {"submitter-b": 200}, CODES, "org-b"),
    "codes master": Endpoint("POST", "/v1/scopes/hub/codes", "assign", {}, CODES, "hub"),
    "codes unknown scope": Endpoint("POST", "/v1/scopes/nowhere/codes", "assign", {}, CODES),
    "reidentify own": Endpoint("POST", "/v1/scopes/org-a/reidentify", "reidentify",
                               {"broker-a": 200, "broker-hub": 200}, REIDENTIFY, "org-a"),
    "reidentify other": Endpoint("POST", "/v1/scopes/org-b/reidentify", "reidentify",
                                 {"broker-hub": 200}, REIDENTIFY, "org-b"),
    # a master scope holds no codes: the vault refuses (and audits) it
    "reidentify master": Endpoint("POST", "/v1/scopes/hub/reidentify", "reidentify",
                                  {"broker-hub": 409}, REIDENTIFY, "hub"),
    "reidentify unknown scope": Endpoint("POST", "/v1/scopes/nowhere/reidentify",
                                         "reidentify", {"broker-hub": 404}, REIDENTIFY),
    "audit": Endpoint("GET", "/v1/audit", "audit-read", {"auditor": 200}),
    "audit verify": Endpoint("GET", "/v1/audit/verify", "audit-verify", {"auditor": 200}),
    "scopes list": Endpoint("GET", "/v1/scopes", "scope-list", {"admin": 200}),
    "scopes add": Endpoint("POST", "/v1/scopes", "scope-add", {"admin": 201},
                           lambda: {"name": f"study-{uuid.uuid4().hex[:8]}"}),
    "tokens list": Endpoint("GET", "/v1/tokens", "token-list", {"admin": 200}),
    "tokens issue": Endpoint("POST", "/v1/tokens", "token-issue", {"admin": 201},
                             {"role": "auditor", "label": "table"}),
    "tokens revoke": Endpoint("DELETE", _fresh_token, "token-revoke", {"admin": 200}),
    "healthz": Endpoint("GET", "/healthz", "", dict.fromkeys(PRINCIPALS, 200)),
}


def _audit_tail(client: httpx.Client, after: int) -> list[dict[str, Any]]:
    answer = client.get("/v1/audit", params={"after": after, "limit": 10_000})
    assert answer.status_code == 200
    entries: list[dict[str, Any]] = answer.json()["entries"]
    return entries


_last_seq: dict[str, int] = {}  # server URL -> the last audit entry seen


@pytest.mark.parametrize("principal", PRINCIPALS)
@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_authorization_table(server: Server, principals: Principals, endpoint: str,
                             principal: str) -> None:
    spec = ENDPOINTS[endpoint]
    token = principals.tokens[principal]
    auditor = principals.tokens["auditor"]
    assert auditor is not None
    expected = spec.allowed.get(principal, 401 if principal in UNAUTHENTICATED else 403)
    path = spec.path(server) if callable(spec.path) else spec.path
    body = spec.body() if callable(spec.body) else spec.body
    audit = server.session(auditor)
    client = server.session(token)
    if server.url not in _last_seq:
        _last_seq[server.url] = audit.get("/v1/audit/verify").json()["entries"]
    answer = client.request(spec.method, path, json=body)
    assert answer.status_code == expected, answer.text
    new = _audit_tail(audit, _last_seq[server.url])
    _last_seq[server.url] = max([_last_seq[server.url], *(e["seq"] for e in new)])
    # the counts of requests without a token are written at any minute's end: not these
    denied = [e for e in new if e["outcome"] == "denied" and e["action"] != "unauthenticated"]
    if expected in (401, 403) and principal in ANONYMOUS:
        assert answer.json()["error"] == "unauthenticated"
        assert denied == [], new
    elif expected in (401, 403):
        assert answer.json()["error"] in {"unauthenticated", "forbidden"}
        assert len(denied) == 1, new
        entry = denied[0]
        assert (entry["actor"], entry["action"], entry["scope"], entry["counts"]) == (
            f"token:{principals.ids[principal]}", spec.action, spec.scope,
            {"status": expected})
        if expected == 401:
            assert answer.headers["www-authenticate"] == "Bearer"
    else:
        assert denied == []
    text = str(new) + answer.text
    assert not [secret for secret in server.secrets if secret in text]
