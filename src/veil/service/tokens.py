"""Bearer tokens of the honest-broker service, stored hashed next to the vault.

A token is ``veil_<id>_<secret>``: a public 12-hex-digit id (it names the token in the
audit log and in ``DELETE /v1/tokens/{id}``) and 256 random bits. Only the SHA-256 of the
whole token is stored, in the ``service_tokens`` table of the vault's database (its own
SQLAlchemy ``MetaData``, so the vault's schema is untouched). Authentication looks the
row up by id and compares the hashes in constant time; the token itself is shown once,
when it is issued, and never stored, logged or audited.

Guarantee:
    A row grants nothing unless its MAC (HMAC-SHA256 under a key derived from the
    vault's master key) matches its id, hash, role, scopes, label, issue and expiry
    times: whoever can write to the database but lacks the master key can neither add
    a token nor widen one (another role, more scopes, a later expiry); they can delete
    tokens, or clear a revocation (the audit log records every revocation). A new
    master key (``veil vault rotate``) ends every token. Every token expires
    (`LIFETIMES`: a default and a maximum per role) and is checked against the
    database on every use, so a revocation counts from the next request on.

Example::

    store = TokenStore(vault.engine, master_key)
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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal, get_args

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Engine,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    insert,
    inspect,
    select,
    text,
    update,
)

from veil.errors import UsageError

if TYPE_CHECKING:
    from veil.vault import MasterKey

Role = Literal["submitter", "broker", "auditor", "admin"]
ROLES: Final[tuple[Role, ...]] = get_args(Role)
SCOPED_ROLES: Final[frozenset[Role]] = frozenset({"submitter", "broker"})


@dataclass(frozen=True)
class Lifetime:
    """How long a token of a role lives: `default` unless asked, at most `longest`."""

    default: dt.timedelta
    longest: dt.timedelta


_DAY = dt.timedelta(days=1)
# brokers re-identify: their tokens live shortest
LIFETIMES: Final[dict[Role, Lifetime]] = {
    "broker": Lifetime(7 * _DAY, 30 * _DAY),
    "submitter": Lifetime(90 * _DAY, 365 * _DAY),
    "auditor": Lifetime(90 * _DAY, 365 * _DAY),
    "admin": Lifetime(30 * _DAY, 90 * _DAY),
}

_TOKEN = re.compile(r"veil_([0-9a-f]{12})_([A-Za-z0-9_-]{43})")
_DURATION = re.compile(r"([0-9]{1,6})([smhd])")
_UNITS: Final = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_MAX_LABEL = 200
_MAC_LABEL = "service/token-grant"
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
    # nullable only for tables made before tokens expired: such rows grant nothing
    Column("expires", DateTime(timezone=True), nullable=True),
    Column("grant_mac", String(64), nullable=True),
)
# built once: read in every re-identification batch's transaction (see `veil.vault.audit`)
_SHARE_TOKENS = (select(service_tokens.c.id, service_tokens.c.revoked)
                 .where(service_tokens.c.id.in_(bindparam("ids", expanding=True)))
                 .with_for_update(read=True))


@dataclass(frozen=True)
class TokenInfo:
    """What a token may do (never the token or its hash).

    `intact` is False for a row whose MAC fails (forged, altered, or sealed under
    another master key): it grants nothing.
    """

    id: str
    role: Role
    scopes: tuple[str, ...]
    label: str
    created: dt.datetime
    revoked: dt.datetime | None
    expires: dt.datetime
    intact: bool = True

    @property
    def actor(self) -> str:
        """How the audit log names the holder of this token."""
        return f"token:{self.id}"

    def expired(self, now: dt.datetime | None = None) -> bool:
        return (now or dt.datetime.now(dt.UTC)) >= self.expires

    def usable(self, now: dt.datetime | None = None) -> bool:
        """Whether the token may be used: intact, not revoked and not expired."""
        return self.intact and self.revoked is None and not self.expired(now)


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
    return f"{info.role} token {info.id}{over}, expires {_when(info.expires)}"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _when(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat(timespec="seconds")


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


def check_lifetime(role: Role, expires_in: dt.timedelta | None) -> dt.timedelta:
    """How long a new `role` token lives: `expires_in`, or the role's default; a
    UsageError when it is not positive or over the role's maximum."""
    allowed = LIFETIMES[role]
    if expires_in is None:
        return allowed.default
    if expires_in <= dt.timedelta(0):
        raise UsageError("a token's lifetime (--expires-in) must be positive")
    if expires_in > allowed.longest:
        raise UsageError(f"a {role} token lives at most {allowed.longest.days} days; asked "
                         f"for {expires_in.total_seconds() / 86400:g}",
                         hint="issue a new token when this one expires")
    return expires_in


def parse_duration(value: str) -> dt.timedelta:
    """``90s``, ``45m``, ``12h`` or ``7d`` as a timedelta; else a UsageError."""
    match = _DURATION.fullmatch(value.strip())
    if match is None:
        raise UsageError("--expires-in takes a number and a unit: s, m, h or d (e.g. 7d)")
    return dt.timedelta(seconds=int(match.group(1)) * _UNITS[match.group(2)])


class TokenStore:
    """The ``service_tokens`` table on a vault's engine (created if missing), its rows
    sealed with a key derived from the vault's master key `key`."""

    def __init__(self, engine: Engine, key: MasterKey) -> None:
        self.engine = engine
        self._mac_key = key.derive(_MAC_LABEL)
        _metadata.create_all(engine, tables=[service_tokens])
        _add_missing_columns(engine)

    def issue(self, role: str, scopes: Sequence[str] = (), *, label: str = "",
              expires_in: dt.timedelta | None = None) -> IssuedToken:
        """A new token for `role` over `scopes`, living `expires_in` (else the role's
        default lifetime); only its hash is stored, with the grant's MAC.

        Who may call this is the caller's rule: the service issues no submitter or
        broker token (see `veil.service.broker`). Scope names are not checked against
        the vault here: callers that know the vault (the service, the CLI) check them.
        """
        checked = check_grant(role, scopes)
        lifetime = check_lifetime(checked, expires_in)
        if len(label) > _MAX_LABEL:
            raise UsageError(f"a token label has at most {_MAX_LABEL} characters; "
                             f"got {len(label)}")
        token_id = secrets.token_hex(6)
        token = f"veil_{token_id}_{secrets.token_urlsafe(32)}"
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        info = TokenInfo(token_id, checked, tuple(scopes), label, now, None, now + lifetime)
        digest = _digest(token)
        with self.engine.begin() as connection:
            connection.execute(insert(service_tokens).values(
                id=info.id, sha256=digest, role=info.role,
                scopes=json.dumps(list(info.scopes)), label=info.label, created=info.created,
                expires=info.expires, grant_mac=self._mac(info, digest)))
        return IssuedToken(info, token)

    def authenticate(self, token: str) -> TokenInfo | None:
        """The grant of `token`, or None if it is malformed, unknown, revoked or expired."""
        info = self.identify(token)
        return None if info is None or not info.usable() else info

    def identify(self, token: str, *, connection: Connection | None = None,
                 ) -> TokenInfo | None:
        """The token `token` is, revoked or expired or not; None if it is malformed,
        unknown, or its row fails its MAC.

        The row is found by the token's public id and its hash compared in constant
        time (a made-up id costs the same comparison, against a dummy hash). With
        `connection` (one a caller keeps open: no pool checkout, no ping) the read's
        transaction is ended before this returns, so no snapshot is held.
        """
        match = _TOKEN.fullmatch(token)
        row = None
        if match is not None:
            query = select(service_tokens).where(service_tokens.c.id == match.group(1))
            if connection is None:
                with self.engine.connect() as fresh:
                    row = fresh.execute(query).first()
            else:
                try:
                    row = connection.execute(query).first()
                finally:
                    connection.rollback()
        stored = _DUMMY_HASH if row is None else str(row.sha256)
        if not hmac.compare_digest(_digest(token), stored) or row is None:
            return None
        info = self._info(row)
        return info if info.intact else None

    def unusable(self, connection: Connection, token_ids: Sequence[str]) -> dict[str, str]:
        """Of `token_ids`, those that may no longer be used, with why: revoked, or gone
        from the table. Read inside the caller's transaction, with a share lock on the
        rows (PostgreSQL; SQLite's write transaction locks the whole database): a
        revocation either commits before this read and is seen, or waits for the
        caller's commit. Grants cannot have changed (a row's MAC seals them)."""
        wanted = sorted(set(token_ids))
        if not wanted:
            return {}
        rows = {str(row.id): row.revoked
                for row in connection.execute(_SHARE_TOKENS, {"ids": wanted})}
        refused: dict[str, str] = {}
        for token_id in wanted:
            if token_id not in rows:
                refused[token_id] = "a valid bearer token is required"
            elif rows[token_id] is not None:
                refused[token_id] = "this token was revoked"
        return refused

    def revoke(self, token_id: str) -> TokenInfo | None:
        """Revoke a token by id (idempotent); None if there is no such token."""
        now = dt.datetime.now(dt.UTC)
        with self.engine.begin() as connection:
            connection.execute(update(service_tokens).where(
                service_tokens.c.id == token_id, service_tokens.c.revoked.is_(None)
            ).values(revoked=now))
            row = connection.execute(
                select(service_tokens).where(service_tokens.c.id == token_id)).first()
        return None if row is None else self._info(row)

    def tokens(self) -> list[TokenInfo]:
        """Every token ever issued, oldest first (revoked, expired and altered ones too)."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(service_tokens).order_by(service_tokens.c.created)).all()
        return [self._info(row) for row in rows]

    def has_admin(self) -> bool:
        """Whether some admin token is still usable."""
        with self.engine.connect() as connection:
            rows = connection.execute(select(service_tokens).where(
                service_tokens.c.role == "admin", service_tokens.c.revoked.is_(None))).all()
        return any(self._info(row).usable() for row in rows)

    def _mac(self, info: TokenInfo, digest: str) -> str:
        sealed = json.dumps([info.id, digest, info.role, list(info.scopes), info.label,
                             _when(info.created), _when(info.expires)],
                            separators=(",", ":"), ensure_ascii=True)
        return hmac.new(self._mac_key, f"veil/service/v1/token/{sealed}".encode(),
                        hashlib.sha256).hexdigest()

    def _info(self, row: object) -> TokenInfo:
        mapping = row._mapping  # type: ignore[attr-defined]
        revoked, expires, mac = mapping["revoked"], mapping["expires"], mapping["grant_mac"]
        created = _aware(mapping["created"])
        try:
            scopes = tuple(str(s) for s in json.loads(mapping["scopes"]))
        except (ValueError, TypeError):
            scopes = ()
            mac = None
        role: Role = mapping["role"] if mapping["role"] in ROLES else "auditor"
        info = TokenInfo(
            id=mapping["id"], role=role, scopes=scopes, label=mapping["label"],
            created=created, revoked=None if revoked is None else _aware(revoked),
            expires=created if expires is None else _aware(expires))
        intact = (mac is not None and expires is not None and role == mapping["role"]
                  and hmac.compare_digest(str(mac), self._mac(info, str(mapping["sha256"]))))
        return info if intact else replace(info, intact=False)


def _add_missing_columns(engine: Engine) -> None:
    """Add the columns a table made by an older veil lacks (its rows stay unusable)."""
    have = {c["name"] for c in inspect(engine).get_columns(service_tokens.name)}
    missing = [c for c in service_tokens.columns if c.name not in have]
    if not missing:
        return
    with engine.begin() as connection:
        for column in missing:
            kind = column.type.compile(dialect=engine.dialect)
            connection.execute(text(f"ALTER TABLE {service_tokens.name} "
                                    f"ADD COLUMN {column.name} {kind}"))


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite gives naive datetimes back; every time stored here is UTC
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


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
