"""The secret and pseudonym key store options shared by `veil apply` and `veil deidentify`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from veil.errors import UsageError

if TYPE_CHECKING:
    from veil.pipeline import Keys

SecretOpt = Annotated[Path | None, typer.Option(
    "--secret-file", help="secret for fake/hmac (else $VEIL_SECRET)")]
KeyFileOpt = Annotated[Path | None, typer.Option(
    "--key-file", help="pseudonym key store (created if missing; keep it apart from the output)")]
VaultOpt = Annotated[str | None, typer.Option(
    "--vault", help="pseudonym codes from the key vault at this URL (sqlite:///F, "
    "postgresql+psycopg://...) instead of a local --key-file")]
VaultKeyOpt = Annotated[Path | None, typer.Option(
    "--vault-key-file", help="the vault's master key file (else $VEIL_MASTER_KEY)")]
ScopeOpt = Annotated[str | None, typer.Option(
    "--scope", help="vault scope for every pseudonym column (else each rule's scope)")]
PurposeOpt = Annotated[str | None, typer.Option(
    "--purpose", help="why, for the key vault's audit log (with --vault)")]


@contextmanager
def open_keys(secret_file: Path | None, key_file: Path | None, vault: str | None = None,
              vault_key_file: Path | None = None, scope: str | None = None,
              purpose: str | None = None) -> Iterator[Keys]:
    """The secret and the pseudonym key store: a local key file, or the key vault.

    With the vault, the store is an `ExportAudit`: the command calls `exported`
    once its output is written, which audits the release's export (nothing is
    audited as exported when the run fails).
    """
    from veil.actions.keystore import LocalKeyStore
    from veil.actions.secrets import load_secret
    from veil.pipeline import Keys

    secret = load_secret(secret_file)
    if vault is None:
        if vault_key_file is not None or scope is not None:
            raise UsageError("--vault-key-file and --scope need --vault URL")
        if purpose is not None:
            raise UsageError("--purpose is recorded in the key vault's audit log: it needs "
                             "--vault URL")
        yield Keys(secret, None if key_file is None else LocalKeyStore(key_file))
        return
    if key_file is not None:
        raise UsageError("give either --key-file (a local key store) or --vault, not both")
    from veil.vault.cli import ExportAudit, actor_name, master_key
    from veil.vault.keystore import VaultKeyStore
    from veil.vault.vault import Vault

    with Vault.open(vault, master_key(vault, vault_key_file, False)) as opened:
        yield Keys(secret, ExportAudit(VaultKeyStore(opened, actor=actor_name(None),
                                                     purpose=purpose, scope=scope)))


def exported(keys: Keys, report: dict[str, Any]) -> None:
    """Audit the export of a written release in the key vault (no-op without the vault)."""
    from veil.vault.cli import ExportAudit

    if isinstance(keys.keystore, ExportAudit):
        output = report["output"]
        keys.keystore.exported(rows=int(output["rows"]), columns=int(output["columns"]))
