"""The secret behind keyed actions (fake, hmac): loading it and deriving
independent per-purpose, per-scope keys from it.

A key is derived as HMAC-SHA256(secret, "veil/v1/<purpose>/<scope>"), so tokens
of one scope cannot be linked to another's, and the secret itself never reaches
an expression, a log or the policy.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass, field
from pathlib import Path

from veil.errors import KeyStoreError

MIN_SECRET_BYTES = 16
ENV_VAR = "VEIL_SECRET"


@dataclass(frozen=True)
class Secret:
    """Key material; its repr never shows the bytes."""

    material: bytes = field(repr=False)
    origin: str = "unknown"

    def derive(self, purpose: str, scope: str) -> str:
        """A hex key for one purpose and scope."""
        label = f"veil/v1/{purpose}/{scope}".encode()
        return hmac.new(self.material, label, hashlib.sha256).hexdigest()

    @property
    def fingerprint(self) -> str:
        """A short public id of the secret for manifests (not reversible)."""
        return hmac.new(self.material, b"veil/v1/fingerprint", hashlib.sha256).hexdigest()[:12]


def load_secret(path: Path | None) -> Secret | None:
    """The secret from a file, else from $VEIL_SECRET, else None."""
    if path is not None:
        try:
            material = Path(path).read_bytes().strip()
        except OSError as err:
            raise KeyStoreError(f"{path}: cannot read the secret file ({err.strerror})") from None
        return _checked(material, f"file {Path(path).name}")
    env = os.environ.get(ENV_VAR)
    if env:
        return _checked(env.encode(), f"${ENV_VAR}")
    return None


def _checked(material: bytes, origin: str) -> Secret:
    if len(material) < MIN_SECRET_BYTES:
        raise KeyStoreError(
            f"the secret from {origin} is shorter than {MIN_SECRET_BYTES} bytes",
            hint="use at least 16 random bytes, e.g. `head -c 32 /dev/urandom > secret.key`",
        )
    return Secret(material, origin)
