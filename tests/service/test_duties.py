"""Separation of duties and token lifetimes (issue 12, Medium 6), on a real `veil serve`.

An admin manages scopes and tokens but cannot give anyone access to a scope's codes:
a submitter or broker token needs the vault's master key (`veil token issue`, by the key
custodian). Each token's grant is bound, with a MAC under a key derived from the master
key, to its hash, role, scopes and expiry, so writing to the token table (without the
key) neither creates nor widens one. Every token expires; revoking one takes effect on
the next request.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, insert, select, update

from tests.e2e.cli import run_cli
from tests.service.conftest import Principals, issue
from tests.service.server import Server
from veil.service.tokens import service_tokens
from veil.vault import MasterKey, Vault


@pytest.fixture
def server(sqlite_server: Server) -> Server:
    """The rules do not depend on the backend; the table edits are SQLite's."""
    return sqlite_server


def _audit(server: Server, principals: Principals) -> list[dict[str, object]]:
    auditor = server.session(principals.tokens["auditor"])
    entries: list[dict[str, object]] = auditor.get(
        "/v1/audit", params={"limit": 10_000}).json()["entries"]
    return entries


@pytest.mark.parametrize("grant", [("broker", ["hub"]), ("broker", ["org-a"]),
                                   ("submitter", ["org-a"])])
def test_admin_cannot_grant_codes(server: Server, principals: Principals,
                                  grant: tuple[str, list[str]]) -> None:
    """The attack: the admin token mints a master-scope broker token and re-identifies
    with it (or a submitter token, a dictionary oracle for the scope's codes)."""
    role, scopes = grant
    admin = server.session(server.admin)
    answer = admin.post("/v1/tokens", json={"role": role, "scopes": scopes})
    if answer.status_code == 201:
        minted = server.session(answer.json()["token"])
        used = (minted.post("/v1/scopes/org-a/reidentify",
                            json={"codes": ["X"], "purpose": "all-scope re-identifier"})
                if role == "broker" else
                minted.post("/v1/scopes/org-a/codes", json={"identifiers": ["MRN-1"]}))
        pytest.fail(f"the admin minted a {role} token over {scopes}; using it: "
                    f"{used.status_code}")
    assert answer.status_code == 403, answer.text
    assert "veil token issue" in answer.json()["hint"]
    assert "token" not in answer.json() or not answer.json().get("token")
    last = _audit(server, principals)[-1]
    assert (last["action"], last["outcome"], last["actor"]) == (
        "token-issue", "denied", f"token:{principals.ids['admin']}")


def test_admin_still_issues_auditors_and_admins(server: Server) -> None:
    admin = server.session(server.admin)
    for role in ("auditor", "admin"):
        answer = admin.post("/v1/tokens", json={"role": role, "label": "duties"})
        assert answer.status_code == 201, answer.text
        server.secrets.append(answer.json()["token"])


def _engine(server: Server):  # type: ignore[no-untyped-def]
    return create_engine(server.vault_url)


def test_a_forged_row_grants_nothing(server: Server, principals: Principals) -> None:
    """Someone who can write to the database, without the master key, inserts a broker
    token of a master scope with a hash of their choosing."""
    token_id = secrets.token_hex(6)
    token = f"veil_{token_id}_{secrets.token_urlsafe(32)}"
    server.secrets.append(token)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    engine = _engine(server)
    try:
        with engine.begin() as conn:
            conn.execute(insert(service_tokens).values(
                id=token_id, sha256=hashlib.sha256(token.encode()).hexdigest(), role="broker",
                scopes=json.dumps(["hub"]), label="forged", created=now,
                expires=now + dt.timedelta(days=1), grant_mac="0" * 64))
    finally:
        engine.dispose()
    answer = server.session(token).post("/v1/scopes/org-a/reidentify",
                                        json={"codes": ["X"], "purpose": "forged"})
    assert answer.status_code == 401


def test_a_widened_row_grants_nothing(server: Server, principals: Principals) -> None:
    """Turning an issued submitter token into a broker, or moving its expiry, breaks it."""
    for change in ({"role": "broker"}, {"scopes": json.dumps(["hub"])},
                   {"expires": dt.datetime(2999, 1, 1, tzinfo=dt.UTC)}):
        token_id, token = issue(server, "submitter", ["org-a"], label="to widen")
        client = server.session(token)
        assert client.post("/v1/scopes/org-a/codes",
                           json={"identifiers": ["MRN-9"]}).status_code == 200
        engine = _engine(server)
        try:
            with engine.begin() as conn:
                conn.execute(update(service_tokens).where(service_tokens.c.id == token_id)
                             .values(**change))
        finally:
            engine.dispose()
        assert client.post("/v1/scopes/org-a/codes",
                           json={"identifiers": ["MRN-9"]}).status_code == 401, change


def test_tokens_expire(server: Server, principals: Principals) -> None:
    token_id, token = issue(server, "broker", ["org-a"], expires_in=dt.timedelta(seconds=2))
    client = server.session(token)
    body = {"codes": ["X"], "purpose": "expiry"}
    assert client.post("/v1/scopes/org-a/reidentify", json=body).status_code == 200
    time.sleep(2.1)
    answer = client.post("/v1/scopes/org-a/reidentify", json=body)
    assert answer.status_code == 401
    assert answer.json()["detail"] == "this token expired"
    last = _audit(server, principals)[-1]
    assert (last["actor"], last["outcome"]) == (f"token:{token_id}", "denied")


def test_revocation_is_immediate(server: Server, principals: Principals,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    token_id, token = issue(server, "broker", ["org-a"])
    client = server.session(token)
    body = {"codes": ["X"], "purpose": "revocation"}
    for _ in range(5):
        assert client.post("/v1/scopes/org-a/reidentify", json=body).status_code == 200
    outcome = run_cli(capsys, "token", "revoke", "--vault", server.vault_url, "--key-file",
                      str(server.key_file), token_id)
    assert outcome.code == 0, outcome
    assert client.post("/v1/scopes/org-a/reidentify", json=body).status_code == 401


@pytest.mark.parametrize(("role", "scope", "expires_in", "days"), [
    ("broker", "org-a", None, 7), ("broker", "org-a", "30d", 30),
    ("submitter", "org-a", None, 90), ("auditor", None, "12h", 0.5),
    ("admin", None, None, 30)])
def test_cli_expiry(server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                    role: str, scope: str | None, expires_in: str | None,
                    days: float) -> None:
    out = tmp_path / "t.token"
    args = ["token", "issue", "--vault", server.vault_url, "--key-file", str(server.key_file),
            "--role", role, "-o", str(out)]
    args += ["--scope", scope] if scope else []
    args += ["--expires-in", expires_in] if expires_in else []
    started = dt.datetime.now(dt.UTC)
    outcome = run_cli(capsys, *args)
    assert outcome.code == 0, outcome
    token = out.read_text().strip()
    server.secrets.append(token)
    engine = _engine(server)
    try:
        with engine.connect() as conn:
            expires = conn.execute(select(service_tokens.c.expires).where(
                service_tokens.c.id == token.split("_")[1])).scalar_one()
    finally:
        engine.dispose()
    expires = expires.replace(tzinfo=dt.UTC) if expires.tzinfo is None else expires
    assert abs((expires - started).total_seconds() - days * 86400) < 60


@pytest.mark.parametrize(("args", "message"), [
    (["--role", "broker", "--scope", "org-a", "--expires-in", "31d"], "at most 30 days"),
    (["--role", "admin", "--expires-in", "0s"], "expires-in"),
    (["--role", "admin", "--expires-in", "soon"], "expires-in"),
])
def test_cli_expiry_refused(server: Server, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str], args: list[str],
                            message: str) -> None:
    out = tmp_path / "t.token"
    outcome = run_cli(capsys, "token", "issue", "--vault", server.vault_url, "--key-file",
                      str(server.key_file), *args, "-o", str(out))
    assert outcome.code == 2, outcome
    assert message in outcome.stderr
    assert not out.exists()


def test_http_expiry(server: Server) -> None:
    admin = server.session(server.admin)
    over = admin.post("/v1/tokens", json={"role": "admin", "expires_in_seconds": 91 * 86400})
    assert over.status_code == 422
    short = admin.post("/v1/tokens", json={"role": "auditor", "expires_in_seconds": 3600})
    assert short.status_code == 201
    server.secrets.append(short.json()["token"])
    issued = dt.datetime.fromisoformat(short.json()["created"])
    expires = dt.datetime.fromisoformat(short.json()["expires"])
    assert expires - issued == dt.timedelta(hours=1)


def test_rotation_ends_every_token(tmp_path: Path) -> None:
    """Tokens are bound to the master key: a rotated key ends them all (re-issue)."""
    from tests.service.server import make_vault
    from veil.service.tokens import TokenStore

    url = f"sqlite:///{tmp_path / 'vault.db'}"
    make_vault(url, tmp_path / "master.key")
    key = MasterKey.from_file(tmp_path / "master.key")
    with Vault.open(url, key) as vault:
        issued = TokenStore(vault.engine, key).issue("broker", ["org-a"])
        assert TokenStore(vault.engine, key).authenticate(issued.token) is not None
        other = TokenStore(vault.engine, MasterKey.generate())
        assert other.authenticate(issued.token) is None


def test_tokens_from_before_expiry_grant_nothing(tmp_path: Path) -> None:
    """A token table made by an older veil (no expiry, no MAC) gets the new columns; its
    rows are listed as altered and grant nothing (re-issue them)."""
    from sqlalchemy import text

    from veil.service.tokens import TokenStore

    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    token = f"veil_{'a' * 12}_{'b' * 43}"
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE service_tokens (id VARCHAR(12) PRIMARY KEY, "
                              "sha256 VARCHAR(64) NOT NULL UNIQUE, role VARCHAR(16) NOT NULL, "
                              "scopes TEXT NOT NULL, label TEXT NOT NULL, created DATETIME "
                              "NOT NULL, revoked DATETIME)"))
            conn.execute(text("INSERT INTO service_tokens VALUES (:id, :sha, 'admin', '[]', "
                              "'old', '2026-01-01 00:00:00', NULL)"),
                         {"id": "a" * 12, "sha": hashlib.sha256(token.encode()).hexdigest()})
        store = TokenStore(engine, MasterKey.generate())
        assert store.authenticate(token) is None
        assert [(t.id, t.intact) for t in store.tokens()] == [("a" * 12, False)]
        assert not store.has_admin()
        assert store.authenticate(store.issue("admin").token) is not None
    finally:
        engine.dispose()
