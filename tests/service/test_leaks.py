"""No identifier and no token ever shows in an error body, the audit log or the service's
own stdout and stderr, whatever a client gets wrong."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.service.conftest import MAX_BODY, MAX_ITEMS, Principals
from tests.service.server import Server

SSN = "078-05-1120"
NAME = "Zelda Quixote-Marlowe"
MRN = "MRN-PLANTED-93417"
PLANTED = [SSN, NAME, MRN]

# (name, principal, method, path, request options, expected status)
BAD: list[tuple[str, str, str, str, dict[str, Any], int]] = [
    ("extra key", "submitter-a", "POST", "/v1/scopes/org-a/codes",
     {"json": {"identifiers": [SSN], MRN: NAME}}, 422),
    ("wrong type", "submitter-a", "POST", "/v1/scopes/org-a/codes",
     {"json": {"identifiers": [SSN, 5, {NAME: MRN}]}}, 422),
    ("too long", "submitter-a", "POST", "/v1/scopes/org-a/codes",
     {"json": {"identifiers": [MRN * 100]}}, 422),
    ("bad json", "submitter-a", "POST", "/v1/scopes/org-a/codes",
     {"content": f'{{"identifiers": ["{SSN}", "{NAME}"'.encode()}, 422),
    ("other scope", "submitter-a", "POST", "/v1/scopes/org-b/codes",
     {"json": {"identifiers": [SSN]}}, 403),
    ("no token", "none", "POST", "/v1/scopes/org-a/codes", {"json": {"identifiers": [SSN]}},
     401),
    ("identifier as token", "planted", "POST", "/v1/scopes/org-a/codes",
     {"json": {"identifiers": [NAME]}}, 401),
    ("identifier in scope path", "submitter-a", "POST", f"/v1/scopes/{SSN}/codes",
     {"json": {"identifiers": [NAME]}}, 403),
    ("identifier as master scope", "broker-hub", "POST", f"/v1/scopes/{NAME}/reidentify",
     {"json": {"codes": ["X"], "purpose": "p"}}, 404),
    ("identifier in unknown path", "submitter-a", "GET", f"/v1/patients/{MRN}", {}, 404),
    ("identifier in query", "auditor", "GET", "/v1/audit", {"params": {"mrn": MRN}}, 200),
    ("identifier in bad query", "auditor", "GET", "/v1/audit", {"params": {"after": SSN}},
     422),
    ("wrong method", "submitter-a", "PUT", "/v1/scopes/org-a/codes",
     {"json": {"identifiers": [SSN]}}, 405),
    ("too many items", "submitter-a", "POST", "/v1/scopes/org-a/codes",
     {"json": {"identifiers": [f"{MRN}-{i}" for i in range(MAX_ITEMS + 1)]}}, 413),
    ("too large", "submitter-a", "POST", "/v1/scopes/org-a/codes",
     {"json": {"identifiers": [NAME] * (MAX_BODY // len(NAME))}}, 413),
    ("control character in purpose", "broker-a", "POST", "/v1/scopes/org-a/reidentify",
     {"json": {"codes": [SSN], "purpose": f"call\x07{NAME}"}}, 422),
    ("no purpose", "broker-a", "POST", "/v1/scopes/org-a/reidentify",
     {"json": {"codes": [SSN], "purpose": "   "}}, 422),
    ("scope name is a value", "admin", "POST", "/v1/scopes", {"json": {"name": 5}}, 422),
    ("NUL in a token id", "admin", "DELETE", "/v1/tokens/%00abc", {}, 404),
    ("NUL in a scope path", "broker-hub", "POST", "/v1/scopes/a%00b/reidentify",
     {"json": {"codes": ["\x00"], "purpose": "p"}}, 404),
    ("NUL in identifiers", "submitter-a", "POST", "/v1/scopes/org-a/codes",
     {"json": {"identifiers": ["\x00", f"{SSN}\x00"]}}, 200),
    ("grant with unknown scope", "admin", "POST", "/v1/tokens",
     {"json": {"role": "broker", "scopes": [MRN]}}, 403),
    ("duplicate key", "submitter-a", "POST", "/v1/scopes/org-a/codes",
     {"content": f'{{"identifiers": ["{SSN}"], "identifiers": ["{MRN}"]}}'.encode(),
      "headers": {"content-type": "application/json"}}, 422),
    ("duplicate purpose", "broker-a", "POST", "/v1/scopes/org-a/reidentify",
     {"content": f'{{"codes": ["X"], "purpose": "audit", "purpose": "{NAME}"}}'.encode(),
      "headers": {"content-type": "application/json"}}, 422),
    ("auditor grant with a scope", "admin", "POST", "/v1/tokens",
     {"json": {"role": "auditor", "scopes": [MRN]}}, 422),
]


@pytest.mark.parametrize(("name", "principal", "method", "path", "options", "status"),
                         BAD, ids=[case[0] for case in BAD])
def test_error_bodies_quote_nothing(server: Server, principals: Principals, name: str,
                                    principal: str, method: str, path: str,
                                    options: dict[str, Any], status: int) -> None:
    token = SSN if principal == "planted" else principals.tokens[principal]
    client = server.session(token)
    answer = client.request(method, path, **options)
    assert answer.status_code == status, answer.text
    body = answer.json()
    if status >= 400:
        assert set(body) <= {"error", "detail", "hint", "errors"}, body
    assert not [p for p in PLANTED if p in answer.text], (name, answer.text)
    assert not [s for s in server.secrets if s in answer.text]


def test_round_trip_then_logs_and_audit_are_clean(server: Server,
                                                  principals: Principals) -> None:
    submitter = server.session(principals.tokens["submitter-a"])
    answer = submitter.post("/v1/scopes/org-a/codes", json={"identifiers": PLANTED})
    assert answer.status_code == 200
    codes = answer.json()["codes"]
    assert not [p for p in PLANTED if p in answer.text]
    broker = server.session(principals.tokens["broker-hub"])
    back = broker.post("/v1/scopes/org-a/reidentify",
                       json={"codes": codes, "purpose": "recall notice"})
    assert back.status_code == 200
    assert [p["identifier"] for p in back.json()["pairs"]] == PLANTED
    for case in BAD:  # make sure every bad request has been sent at least once
        test_error_bodies_quote_nothing(server, principals, *case)
    auditor = server.session(principals.tokens["auditor"])
    audit = auditor.get("/v1/audit", params={"limit": 10_000}).text
    assert not [p for p in PLANTED if p in audit]
    assert not [c for c in codes if c in audit]
    assert not [s for s in server.secrets if s in audit]
    time.sleep(0.3)  # the last log lines are written after the responses
    logs = server.log_text()
    assert not [p for p in PLANTED if p in logs], logs
    assert not [s for s in server.secrets if s in logs]
    assert not [c for c in codes if c in logs]
    assert "POST /v1/scopes/{scope}/codes 200" in logs  # the route template, not the path
    assert "GET (no route) 404" in logs
