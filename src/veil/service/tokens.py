"""Bearer tokens of the honest-broker service, stored hashed next to the vault.

A token is ``veil_<id>_<secret>``: a public 12-hex-digit id (it names the token in the
audit log and in ``DELETE /v1/tokens/{id}``) and 256 random bits. Only the SHA-256 of the
whole token is stored, in the ``service_tokens`` table of the vault's database (its own
SQLAlchemy ``MetaData``, so the vault's schema is untouched). Authentication looks the
row up by id and compares the hashes in constant time; the token itself is shown once,
when it is issued, and never stored, logged or audited.

Example::

    store = TokenStore(vault.engine)
    issued = store.issue("broker", ["org-a"], label="study desk")
    assert store.authenticate(issued.token).role == "broker"
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal, get_args

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    MetaData,
    String,
    Table,
    Text,
    insert,
    select,
    update,
)

from veil.errors import UsageError

Role = Literal["submitter", "broker", "auditor", "admin"]
ROLES: Final[tuple[Role, ...]] = get_args(Role)
SCOPED_ROLES: Final[frozenset[Role]] = frozenset({"submitter", "broker"})

_TOKEN = re.compile(r"veil_([0-9a-f]{12})_([A-Za-z0-9_-]{43})")
_MAX_LABEL = 200
# compared against when the id is unknown, so a miss costs what a hit costs
_DUMMY_HASH = hashlib.sha256(b"veil: no such token").hexdigest()

_metadata = MetaData()
service_tokens = Table(
    "service_tokens",
    _metadata,
    Column("id", String(12), primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("scopes", Text, nullable=False),  # a JSON list of scope names
    Column("label", Text, nullable=False),
    Column("created", DateTime(timezone=True), nullable=False),
    Column("revoked", DateTime(timezone=True), nullable=True),
)


@dataclass(frozen=True)
class TokenInfo:
    """What a token may do (never the token or its hash)."""

    id: str
    role: Role
    scopes: tuple[str, ...]
    label: str
    created: dt.datetime
    revoked: dt.datetime | None

    @property
    def actor(self) -> str:
        """How the audit log names the holder of this token."""
        return f"token:{self.id}"

    def usable(self) -> bool:
        """Whether the token may be used: not revoked."""
        return self.revoked is None


@dataclass(frozen=True)
class IssuedToken:
    """A new token: `token` is the secret, shown this once."""

    info: TokenInfo
    token: str

    def __repr__(self) -> str:  # keep the secret out of tracebacks and logs
        return f"IssuedToken(info={self.info!r}, token='***')"


def describe(info: TokenInfo) -> str:
    """How the audit log describes a token it issued or revoked (never the token)."""
    over = f" over {', '.join(info.scopes)}" if info.scopes else ""
    return f"{info.role} token {info.id}{over}"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def check_grant(role: str, scopes: Sequence[str]) -> Role:
    """`role` as a Role, if it and `scopes` make a valid grant; else a UsageError."""
    if role not in ROLES:
        raise UsageError(f"role must be one of {', '.join(ROLES)}; got {role!r}")
    if role in SCOPED_ROLES and not scopes:
        raise UsageError(f"a {role} token needs at least one scope",
                         hint="name the scopes it may use, e.g. --scope org-a")
    if role not in SCOPED_ROLES and scopes:
        raise UsageError(f"an {role} token takes no scopes; got {len(scopes)}")
    if len(set(scopes)) != len(scopes):
        raise UsageError("the scopes of a token must be distinct")
    return role


class TokenStore:
    """The ``service_tokens`` table on a vault's engine (created if missing)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        _metadata.create_all(engine, tables=[service_tokens])

    def issue(self, role: str, scopes: Sequence[str] = (), *, label: str = "") -> IssuedToken:
        """A new token for `role` over `scopes`; only its hash is stored.

        Scope names are not checked against the vault here: callers that know the vault
        (the service, the CLI) check them first.
        """
        checked = check_grant(role, scopes)
        if len(label) > _MAX_LABEL:
            raise UsageError(f"a token label has at most {_MAX_LABEL} characters; "
                             f"got {len(label)}")
        token_id = secrets.token_hex(6)
        token = f"veil_{token_id}_{secrets.token_urlsafe(32)}"
        info = TokenInfo(token_id, checked, tuple(scopes), label,
                         dt.datetime.now(dt.UTC), None)
        with self.engine.begin() as connection:
            connection.execute(insert(service_tokens).values(
                id=info.id, sha256=_digest(token), role=info.role,
                scopes=json.dumps(list(info.scopes)), label=info.label, created=info.created))
        return IssuedToken(info, token)

    def authenticate(self, token: str) -> TokenInfo | None:
        """The grant of `token`, or None if it is malformed, unknown or revoked."""
        info = self.identify(token)
        return None if info is None or info.revoked is not None else info

    def identify(self, token: str) -> TokenInfo | None:
        """The token `token` is, revoked or not; None if it is malformed or unknown.

        The row is found by the token's public id and its hash compared in constant
        time (a made-up id costs the same comparison, against a dummy hash).
        """
        match = _TOKEN.fullmatch(token)
        with self.engine.connect() as connection:
            row = None if match is None else connection.execute(
                select(service_tokens).where(service_tokens.c.id == match.group(1))).first()
        stored = _DUMMY_HASH if row is None else str(row.sha256)
        if not hmac.compare_digest(_digest(token), stored) or row is None:
            return None
        return _info(row)

    def revoke(self, token_id: str) -> TokenInfo | None:
        """Revoke a token by id (idempotent); None if there is no such token."""
        now = dt.datetime.now(dt.UTC)
        with self.engine.begin() as connection:
            connection.execute(update(service_tokens).where(
                service_tokens.c.id == token_id, service_tokens.c.revoked.is_(None)
            ).values(revoked=now))
            row = connection.execute(
                select(service_tokens).where(service_tokens.c.id == token_id)).first()
        return None if row is None else _info(row)

    def tokens(self) -> list[TokenInfo]:
        """Every token ever issued, oldest first (revoked ones too)."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(service_tokens).order_by(service_tokens.c.created)).all()
        return [_info(row) for row in rows]

    def has_admin(self) -> bool:
        """Whether some admin token is still valid."""
        with self.engine.connect() as connection:
            row = connection.execute(select(service_tokens.c.id).where(
                service_tokens.c.role == "admin", service_tokens.c.revoked.is_(None))).first()
        return row is not None


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite gives naive datetimes back; every time stored here is UTC
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def _info(row: object) -> TokenInfo:
    mapping = row._mapping  # type: ignore[attr-defined]
    revoked = mapping["revoked"]
    return TokenInfo(
        id=mapping["id"], role=mapping["role"], scopes=tuple(json.loads(mapping["scopes"])),
        label=mapping["label"], created=_aware(mapping["created"]),
        revoked=None if revoked is None else _aware(revoked))


def write_token_file(path: Path, token: str) -> None:
    """Write `token` to a new file `path` readable by its owner only (mode 0600)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise UsageError(f"{path}: exists; a token file is never overwritten",
                         hint="choose another file, or remove this one first") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot create the token file ({error.strerror})") from None
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(token + "\n")
