"""`veil token` and `veil serve --bootstrap-admin-token`, as custodians use them next to a
running service: help and docs, 0600 token files, tokens that work and stop working."""

from __future__ import annotations

import datetime as dt
import re
import stat
from pathlib import Path

import pytest

from tests.e2e.cli import run_cli
from tests.service.server import Server, make_vault
from veil.errors import UsageError
from veil.service.cli import bootstrap_admin, token_app
from veil.service.tokens import TokenStore, describe
from veil.vault import MasterKey, Vault

DOCS = Path(__file__).parents[2] / "docs" / "commands.md"
COMMANDS = ["serve", "token", *[f"token {c.name}" for c in token_app.registered_commands]]


@pytest.fixture
def server(sqlite_server: Server) -> Server:
    """These checks do not depend on the backend: SQLite only."""
    return sqlite_server


@pytest.mark.parametrize("command", COMMANDS)
def test_help_and_docs(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_cli(capsys, *command.split(), "--help")
    assert outcome.code == 0
    assert len(outcome.stdout.strip()) > 80
    assert re.search(rf"^## veil {command}$", DOCS.read_text(), re.MULTILINE), command


def _vault_args(server: Server) -> list[str]:
    return ["--vault", server.vault_url, "--key-file", str(server.key_file)]


def test_issue_list_revoke(server: Server, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "auditor.token"
    issued = run_cli(capsys, "token", "issue", *_vault_args(server), "--role", "auditor",
                     "--label", "desk 7", "-o", str(out))
    assert issued.code == 0, issued
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    token = out.read_text().strip()
    server.secrets.append(token)
    token_id = token.split("_")[1]
    assert token_id in issued.stderr and token not in issued.stderr + issued.stdout
    client = server.session(token)
    assert client.get("/v1/audit/verify").json()["ok"] is True
    listed = run_cli(capsys, "token", "list", *_vault_args(server))
    assert listed.code == 0
    line = next(row for row in listed.stdout.splitlines() if row.startswith(token_id))
    assert line.split("\t")[1:4] == ["auditor", "-", "desk 7"]
    assert "veil_" not in listed.stdout  # ids only, never a token
    revoked = run_cli(capsys, "token", "revoke", *_vault_args(server), token_id)
    assert revoked.code == 0, revoked
    client = server.session(token)
    assert client.get("/v1/audit/verify").status_code == 401
    client = server.session(server.admin)
    audited = client.get("/v1/tokens").json()["tokens"]
    assert next(t for t in audited if t["id"] == token_id)["revoked"] is not None


@pytest.mark.parametrize(("args", "message"), [
    (["--role", "broker"], "needs at least one scope"),
    (["--role", "auditor", "--scope", "org-a"], "takes no scopes"),
    (["--role", "root"], "role must be one of"),
    (["--role", "broker", "--scope", "nowhere"], "no scope named nowhere"),
    (["--role", "submitter", "--scope", "hub"], "master scope holds no codes"),
])
def test_issue_refuses(server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                       args: list[str], message: str) -> None:
    out = tmp_path / "t.token"
    outcome = run_cli(capsys, "token", "issue", *_vault_args(server), *args, "-o", str(out))
    assert outcome.code == 2
    assert message in outcome.stderr
    assert not out.exists()


def test_issue_never_overwrites(server: Server, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "t.token"
    out.write_text("precious")
    outcome = run_cli(capsys, "token", "issue", *_vault_args(server), "--role", "auditor",
                      "-o", str(out))
    assert outcome.code == 2
    assert out.read_text() == "precious"


def test_key_from_environment(server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("VEIL_MASTER_KEY", server.key_file.read_text())
    out = tmp_path / "env.token"
    outcome = run_cli(capsys, "token", "issue", "--vault", server.vault_url, "--role", "broker",
                      "--scope", "org-a", "--scope", "org-b", "-o", str(out),
                      "--witness", str(server.key_file.parent))  # no key file to find it by
    assert outcome.code == 0, outcome
    server.secrets.append(out.read_text().strip())
    monkeypatch.setenv("VEIL_MASTER_KEY", MasterKey.generate().material.hex())
    wrong = run_cli(capsys, "token", "list", "--vault", server.vault_url)
    assert wrong.code == 2
    assert "does not open the vault" in wrong.stderr


def test_bootstrap_admin_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'vault.db'}"
    make_vault(url, tmp_path / "master.key")
    with Vault.open(url, MasterKey.from_file(tmp_path / "master.key")) as vault:
        first = tmp_path / "admin.token"
        key = MasterKey.from_file(tmp_path / "master.key")
        token_id = bootstrap_admin(vault, key, first)
        assert token_id is not None
        assert stat.S_IMODE(first.stat().st_mode) == 0o600
        store = TokenStore(vault.engine, key)
        info = store.authenticate(first.read_text().strip())
        assert info is not None and (info.id, info.role) == (token_id, "admin")
        assert bootstrap_admin(vault, key, tmp_path / "again.token") is None  # an admin exists
        assert not (tmp_path / "again.token").exists()
        store.revoke(token_id)
        with pytest.raises(UsageError, match="never overwritten"):
            bootstrap_admin(vault, key, first)  # no admin any more, but the file is there
        entries = [e for e in vault.audit() if e.action == "token-issue"]
        assert [e.purpose for e in entries] == [describe(info)]
        assert info.expires - info.created == dt.timedelta(days=30)
        assert first.read_text().strip() not in str(vault.audit())


def test_serve_checks_before_starting(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    half = run_cli(capsys, "serve", "--vault", f"sqlite:///{tmp_path / 'v.db'}",
                   "--ssl-certfile", str(tmp_path / "cert.pem"))
    assert half.code == 2
    assert "go together" in half.stderr
    missing = run_cli(capsys, "serve", "--vault", f"sqlite:///{tmp_path / 'v.db'}",
                      "--key-file", str(tmp_path / "master.key"))
    assert missing.code == 2
    assert "no such key file" in missing.stderr


@pytest.mark.parametrize("problem", ["missing", "garbage", "key mismatch"])
def test_serve_bad_certificate_is_a_usage_error(tmp_path: Path, problem: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """A TLS certificate that cannot be loaded is the user's error (exit 2, one line)."""
    url = f"sqlite:///{tmp_path / 'vault.db'}"
    make_vault(url, tmp_path / "master.key")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    if problem != "missing":
        cert.write_text("-----BEGIN CERTIFICATE-----\nnot base64 at all\n"
                        "-----END CERTIFICATE-----\n")
        key.write_text("not a key\n")
    if problem == "key mismatch":
        _self_signed(cert, tmp_path / "unused.pem")
        _self_signed(tmp_path / "other.pem", key)
    outcome = run_cli(capsys, "serve", "--vault", url, "--key-file", str(tmp_path / "master.key"),
                      "--port", "1", "--ssl-certfile", str(cert), "--ssl-keyfile", str(key))
    assert outcome.code == 2, outcome
    assert outcome.stderr.count("\n") == 1 and "TLS" in outcome.stderr, outcome.stderr


def _self_signed(cert: Path, key: Path) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    private = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    built = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
             .public_key(private.public_key()).serial_number(x509.random_serial_number())
             .not_valid_before(now).not_valid_after(now + dt.timedelta(days=1))
             .sign(private, hashes.SHA256()))
    cert.write_bytes(built.public_bytes(serialization.Encoding.PEM))
    key.write_bytes(private.private_bytes(serialization.Encoding.PEM,
                                          serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
