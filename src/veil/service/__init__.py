"""The honest-broker HTTP service over a veil key vault (issue 5).

A tour:

1. A custodian opens the vault and runs ``veil serve --vault URL --key-file KEY
   --bootstrap-admin-token admin.token``; the first admin token lands in a 0600 file.
2. The admin creates scopes (``POST /v1/scopes``) and issues auditor and admin tokens
   (``POST /v1/tokens``); the key custodian issues submitter and broker tokens, over
   named scopes, with ``veil token issue`` (it needs the master key). Tokens expire.
3. A submitter sends identifiers and gets codes: ``POST /v1/scopes/{scope}/codes``.
4. A broker sends codes and a purpose and gets identifiers back:
   ``POST /v1/scopes/{scope}/reidentify`` (a master-scope broker, in every scope).
5. An auditor reads and verifies the hash-chained log (``GET /v1/audit``,
   ``GET /v1/audit/verify``), where refusals are recorded too.

In code, ``create_app(vault, key)`` gives the FastAPI app and
``TokenStore(vault.engine, key)`` issues, authenticates and revokes tokens (``key``: the
vault's master key, which seals every token's grant). Importing this package is cheap:
its names load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from veil.service.app import create_app
    from veil.service.tokens import ROLES, IssuedToken, Role, TokenInfo, TokenStore

__all__ = ["ROLES", "IssuedToken", "Role", "TokenInfo", "TokenStore", "create_app"]


def __getattr__(name: str) -> Any:
    """The public names, imported on first use (the CLI imports this package early)."""
    if name == "create_app":
        from veil.service import app

        return app.create_app
    if name in __all__:
        from veil.service import tokens

        return getattr(tokens, name)
    raise AttributeError(f"module 'veil.service' has no attribute {name!r}")
