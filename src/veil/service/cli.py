"""`veil serve` and `veil token`: thin commands over `veil.service`.

Heavy imports (FastAPI, uvicorn, the vault) happen inside the commands, so `veil --help`
stays quick.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from veil.errors import UsageError

if TYPE_CHECKING:
    from veil.vault import MasterKey, Vault

VaultOpt = Annotated[str, typer.Option(
    "--vault", help="the vault's database URL, e.g. sqlite:///vault.db or postgresql://...")]
KeyOpt = Annotated[Path | None, typer.Option(
    "--key-file", help="the vault's master key file (else $VEIL_MASTER_KEY)")]
WitnessOpt = Annotated[Path | None, typer.Option(
    "--witness", help="the audit chain's witness: a file, or a directory holding "
    "veil-vault-<id>.witness (default: $VEIL_VAULT_WITNESS, else the key file's directory)")]
WitnessLogOpt = Annotated[Path | None, typer.Option(
    "--witness-log", help="also append each new head to this append-only JSON lines log "
    "(default: $VEIL_VAULT_WITNESS_LOG)")]

_LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})

token_app = typer.Typer(help="Issue, list and revoke the honest-broker service's tokens.",
                        no_args_is_help=True)


def _open(vault: str, key_file: Path | None, witness: Path | None = None,
          witness_log: Path | None = None) -> tuple[Vault, MasterKey]:
    """The vault and its master key; the audit chain's witness as `veil vault` finds it
    (`veil.vault.anchoring`)."""
    from veil.vault import MasterKey, Vault
    from veil.vault.anchoring import AnchorOptions

    key = MasterKey.from_file(key_file) if key_file is not None else MasterKey.from_env()
    return Vault.open(vault, key, anchor=AnchorOptions(witness, witness_log)), key


def _say(text: str) -> None:
    sys.stderr.write(text + "\n")


def serve(
    vault: VaultOpt,
    key_file: KeyOpt = None,
    witness: WitnessOpt = None,
    witness_log: WitnessLogOpt = None,
    host: Annotated[str, typer.Option("--host", help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port")] = 8787,
    bootstrap_admin_token: Annotated[Path | None, typer.Option(
        "--bootstrap-admin-token",
        help="if no admin token is valid yet, issue one into this new file (mode 0600)")
    ] = None,
    max_body_bytes: Annotated[int, typer.Option(
        "--max-body-bytes", min=1, help="largest request body accepted (413 above)")
    ] = 10 * 1024 * 1024,
    max_items: Annotated[int, typer.Option(
        "--max-items", min=1, help="most identifiers or codes in one request (413 above)")
    ] = 10_000,
    ssl_certfile: Annotated[Path | None, typer.Option(
        "--ssl-certfile", help="serve HTTPS with this certificate (PEM)")] = None,
    ssl_keyfile: Annotated[Path | None, typer.Option(
        "--ssl-keyfile", help="the certificate's private key (PEM)")] = None,
    header_timeout: Annotated[float, typer.Option(
        "--header-timeout", min=0.1, max=3600,
        help="seconds a connection has to send a whole request head (else closed)")
    ] = 10.0,
    body_timeout: Annotated[float, typer.Option(
        "--body-timeout", min=0.1, max=3600,
        help="seconds a request has to send its whole body, from its head (408)")] = 30.0,
    max_connections: Annotated[int, typer.Option(
        "--max-connections", min=1, max=100_000,
        help="open connections at most (per worker); the oldest idle one makes room for "
        "a new one")
    ] = 256,
    workers: Annotated[int, typer.Option(
        "--workers", min=1, max=64,
        help="worker processes sharing the socket and the database (PostgreSQL)")] = 1,
) -> None:
    """Run the honest-broker HTTP service over a vault: submitters get codes, brokers
    re-identify for a stated purpose, auditors read the audit log, admins manage scopes
    and tokens. The OpenAPI spec is at /openapi.json."""
    from veil.service.server import Settings, listen, serve_process, serve_workers

    if (ssl_certfile is None) != (ssl_keyfile is None):
        raise UsageError("--ssl-certfile and --ssl-keyfile go together")
    if ssl_certfile is not None and ssl_keyfile is not None:
        check_tls(ssl_certfile, ssl_keyfile)
    if ssl_certfile is None and host not in _LOOPBACK:
        _say(f"veil: warning: serving plain HTTP on {host}: tokens and identifiers cross the "
             "network in clear; use --ssl-certfile/--ssl-keyfile or a TLS proxy")
    opened, key = _open(vault, key_file, witness, witness_log)
    try:
        if bootstrap_admin_token is not None:
            issued = bootstrap_admin(opened, key, bootstrap_admin_token)
            _say(f"veil: wrote the first admin token ({issued}) to {bootstrap_admin_token}"
                 if issued else "veil: an admin token exists; no bootstrap token was issued")
    finally:
        opened.close()
    settings = Settings(vault, key_file, witness, witness_log, max_body_bytes, max_items,
                        body_timeout, header_timeout, max_connections, ssl_certfile,
                        ssl_keyfile)
    sock = listen(host, port)
    _say(f"veil: serving on {'https' if ssl_certfile else 'http'}://{host}:{port}"
         + (f" with {workers} worker processes" if workers > 1 else ""))
    with sock:
        if workers == 1:
            serve_process(settings, sock)
        else:
            status = serve_workers(settings, sock, workers)
            if status:
                raise typer.Exit(status)


def check_tls(certfile: Path, keyfile: Path) -> None:
    """Load the certificate and key as the server will; a UsageError (exit 2) if they do
    not load, before the vault is opened. A key behind a passphrase is refused (the
    server would stop to ask for it on the terminal)."""
    import ssl

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    try:
        context.load_cert_chain(certfile, keyfile, password=lambda: b"")
    except OSError as error:  # ssl.SSLError is an OSError; the reason names no secret
        reason = (getattr(error, "reason", None) or error.strerror
                  or type(error).__name__)
        raise UsageError(f"cannot load the TLS certificate {certfile} with key {keyfile} "
                         f"({reason})", hint="pass a PEM certificate and its unencrypted "
                         "PEM private key") from None


def bootstrap_admin(vault: Vault, key: MasterKey, path: Path) -> str | None:
    """Issue a first admin token into the new file `path` (mode 0600) if no admin token is
    valid yet; its id, or None when an admin exists (then `path` is left alone)."""
    from veil.service.tokens import TokenStore, describe, write_token_file

    store = TokenStore(vault.engine, key)
    if store.has_admin():
        return None
    if path.exists():
        raise UsageError(f"{path}: exists; a token file is never overwritten",
                         hint="choose another --bootstrap-admin-token file")
    issued = store.issue("admin", label="bootstrap")
    try:
        write_token_file(path, issued.token)
    except UsageError:
        store.revoke(issued.info.id)
        raise
    vault.record("token-issue", actor="cli:serve", purpose=describe(issued.info))
    return issued.info.id


@token_app.command("issue")
def issue(
    vault: VaultOpt,
    role: Annotated[str, typer.Option("--role", help="submitter, broker, auditor or admin")],
    output: Annotated[Path, typer.Option("-o", "--output",
                                         help="new file to write the token to (mode 0600)")],
    scope: Annotated[list[str] | None, typer.Option(
        "--scope", help="a scope the token covers (submitter, broker); repeatable")] = None,
    label: Annotated[str, typer.Option("--label", help="who or what holds the token")] = "",
    expires_in: Annotated[str | None, typer.Option(
        "--expires-in", help="lifetime, e.g. 12h or 7d (default and maximum per role: "
        "broker 7d/30d, submitter and auditor 90d/365d, admin 30d/90d)")] = None,
    key_file: KeyOpt = None,
    witness: WitnessOpt = None,
    witness_log: WitnessLogOpt = None,
) -> None:
    """Issue a service token into a new file (mode 0600); only its hash is kept. The
    vault's master key seals the grant: submitter and broker tokens are issued only
    here, by the key custodian, never by the service's admins."""
    from veil.service.tokens import (
        TokenStore,
        check_grant,
        check_lifetime,
        describe,
        parse_duration,
        write_token_file,
    )

    scopes = list(scope or ())
    checked = check_grant(role, scopes)
    lifetime = check_lifetime(checked, None if expires_in is None
                              else parse_duration(expires_in))
    if output.exists():
        raise UsageError(f"{output}: exists; a token file is never overwritten")
    opened, key = _open(vault, key_file, witness, witness_log)
    try:
        masters = {s.name: s.master for s in opened.scopes()}
        missing = [name for name in scopes if name not in masters]
        if missing:
            raise UsageError(f"no scope named {', '.join(missing)} in the vault",
                             hint="create it first with `veil vault scope add`")
        if role == "submitter" and any(masters[name] for name in scopes):
            raise UsageError("a master scope holds no codes: a submitter token cannot "
                             "cover it", hint="grant master scopes to brokers")
        issued = TokenStore(opened.engine, key).issue(role, scopes, label=label,
                                                      expires_in=lifetime)
        write_token_file(output, issued.token)
        opened.record("token-issue", actor="cli:token",
                      purpose=describe(issued.info))
    finally:
        opened.close()
    _say(f"veil: wrote {role} token {issued.info.id} to {output} (expires "
         f"{issued.info.expires.isoformat(timespec='seconds')})")


@token_app.command("revoke")
def revoke(
    vault: VaultOpt,
    token_id: Annotated[str, typer.Argument(help="the token's id (see `veil token list`)")],
    key_file: KeyOpt = None,
    witness: WitnessOpt = None,
    witness_log: WitnessLogOpt = None,
) -> None:
    """Revoke a service token by id; it stops working at once."""
    from veil.service.tokens import TokenStore, describe

    opened, key = _open(vault, key_file, witness, witness_log)
    try:
        revoked = TokenStore(opened.engine, key).revoke(token_id)
        if revoked is None:
            raise UsageError(f"no token with id {token_id}", hint="see `veil token list`")
        opened.record("token-revoke", actor="cli:token",
                      purpose=describe(revoked))
    finally:
        opened.close()
    _say(f"veil: revoked {revoked.role} token {revoked.id}")


@token_app.command("list")
def list_tokens(vault: VaultOpt, key_file: KeyOpt = None) -> None:
    """List the service tokens: id, role, scopes, label, issued, revoked and expiry times,
    and "altered" for a row that fails its MAC (it grants nothing)."""
    from veil.service.tokens import TokenStore

    opened, key = _open(vault, key_file)
    try:
        tokens = TokenStore(opened.engine, key).tokens()
    finally:
        opened.close()
    for t in tokens:
        revoked = t.revoked.isoformat(timespec="seconds") if t.revoked else "-"
        sys.stdout.write(f"{t.id}\t{t.role}\t{','.join(t.scopes) or '-'}\t{t.label or '-'}\t"
                         f"{t.created.isoformat(timespec='seconds')}\t{revoked}\t"
                         f"{t.expires.isoformat(timespec='seconds')}\t"
                         f"{'intact' if t.intact else 'altered'}\n")
