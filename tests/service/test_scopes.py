"""Scopes as the service meets them: created over HTTP (names as the vault allows them),
used across organizations by a master-scope broker, and refused once a custodian shreds
them."""

from __future__ import annotations

import uuid

from tests.service.conftest import Principals, issue
from tests.service.server import Server
from veil.vault import MasterKey, Vault


def test_new_scope_round_trip(server: Server, principals: Principals) -> None:
    name = f"site.{uuid.uuid4().hex[:6]}"
    admin = server.session(server.admin)
    for bad in (f"site/{name}", f"{name}\n", "Org-A", "-a", "a" * 64):
        assert admin.post("/v1/scopes", json={"name": bad}).status_code == 422, bad
    created = admin.post("/v1/scopes", json={"name": name})
    assert created.status_code == 201, created.text
    assert created.json() | {"created": None} == {"name": name, "master": False,
                                                  "created": None, "shredded": False,
                                                  "codes": 0}
    assert admin.post("/v1/scopes", json={"name": name}).status_code == 409
    _, token = issue(server, "submitter", [name])
    identifiers = ["A-1", "A-2", "A-1"]
    codes = server.session(token).post(f"/v1/scopes/{name}/codes",
                                       json={"identifiers": identifiers}).json()["codes"]
    assert codes[0] == codes[2] != codes[1]
    again = server.session(token).post(f"/v1/scopes/{name}/codes",
                                       json={"identifiers": identifiers[:1]})
    assert again.json()["codes"] == codes[:1]  # stable across requests
    pairs = server.session(principals.tokens["broker-hub"]).post(
        f"/v1/scopes/{name}/reidentify", json={"codes": codes, "purpose": "linkage"}).json()
    assert [p["identifier"] for p in pairs["pairs"]] == identifiers
    broker_a = server.session(principals.tokens["broker-a"])
    assert broker_a.post(f"/v1/scopes/{name}/reidentify",
                         json={"codes": codes, "purpose": "x"}).status_code == 403
    listed = {s["name"]: s for s in admin.get("/v1/scopes").json()["scopes"]}
    assert listed[name]["codes"] == 2
    assert listed["hub"]["master"] is True


def test_shredded_scope_is_refused(server: Server, principals: Principals) -> None:
    name = f"old-study-{uuid.uuid4().hex[:6]}"
    admin = server.session(server.admin)
    assert admin.post("/v1/scopes", json={"name": name}).status_code == 201
    _, token = issue(server, "submitter", [name])
    submitter = server.session(token)
    codes = submitter.post(f"/v1/scopes/{name}/codes",
                           json={"identifiers": ["S-1"]}).json()["codes"]
    with Vault.open(server.vault_url, MasterKey.from_file(server.key_file)) as custodian:
        custodian.shred(name, actor="test:custodian")
    refused = submitter.post(f"/v1/scopes/{name}/codes", json={"identifiers": ["S-2"]})
    assert refused.status_code == 409
    assert refused.json()["error"] == "vault_refused"
    broker = server.session(principals.tokens["broker-hub"])
    again = broker.post(f"/v1/scopes/{name}/reidentify",
                        json={"codes": codes, "purpose": "too late"})
    assert again.status_code == 409
    assert "S-1" not in again.text
    auditor = server.session(principals.tokens["auditor"])
    entries = auditor.get("/v1/audit", params={"limit": 10_000}).json()["entries"]
    mine = [(e["action"], e["outcome"].split(":")[0]) for e in entries if e["scope"] == name]
    assert mine == [("scope-add", "ok"), ("assign", "ok"), ("shred", "ok"),
                    ("reidentify", "refused")]
    assert auditor.get("/v1/audit/verify").json()["ok"] is True
