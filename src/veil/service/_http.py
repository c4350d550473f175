"""The HTTP plumbing of the service: JSON models, error bodies, and one ASGI guard.

Nothing here ever echoes what a client sent: error bodies name fields by position and
field name, and the log line of a request names its route template, never its path.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints

if TYPE_CHECKING:
    from veil.service.tokens import TokenInfo

log = logging.getLogger("veil.service")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_IDENTIFIER = 1024
MAX_PURPOSE = 500
ScopeName = Annotated[str, StringConstraints(min_length=1, max_length=128)]
# a new scope's name, as the vault allows it (veil.vault.vault.SCOPE_NAME)
NewScopeName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]{0,62}$")]
Identifier = Annotated[str, StringConstraints(min_length=1, max_length=MAX_IDENTIFIER)]
Code = Annotated[str, StringConstraints(min_length=1, max_length=MAX_IDENTIFIER)]
_TEXT = r"^[^\x00-\x1f\x7f]*$"  # free text without control characters
Purpose = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                           max_length=MAX_PURPOSE, pattern=_TEXT)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CodesRequest(_Model):
    """Identifiers to code in one scope."""

    identifiers: list[Identifier]


class CodesResponse(_Model):
    """The codes, aligned with the identifiers sent."""

    codes: list[str]


class ReidentifyRequest(_Model):
    """Codes to reverse, and why (recorded in the audit log)."""

    codes: list[Code]
    purpose: Purpose


class Pair(_Model):
    """A code and its identifier (null when the scope has no such code)."""

    code: str
    identifier: str | None


class ReidentifyResponse(_Model):
    """One pair per code sent, in the same order."""

    pairs: list[Pair]


class ScopeRequest(_Model):
    """A new scope; a master scope's brokers may re-identify in every scope."""

    name: NewScopeName
    master: StrictBool = False


class ScopeOut(_Model):
    """A scope as the vault describes it."""

    name: str
    master: bool
    created: str
    shredded: bool
    codes: int


class ScopesOut(_Model):
    """Every scope of the vault."""

    scopes: list[ScopeOut]


class TokenRequest(_Model):
    """A token to issue. Over HTTP only auditor and admin tokens: a submitter or broker
    token (which needs scopes) is issued by the key custodian, `veil token issue`."""

    role: Literal["submitter", "broker", "auditor", "admin"]
    scopes: list[ScopeName] = Field(default_factory=list, max_length=1000)
    label: Annotated[str, StringConstraints(max_length=200, pattern=_TEXT)] = ""
    expires_in_seconds: Annotated[int, Field(ge=1, le=10 * 365 * 86400)] | None = None


class TokenOut(_Model):
    """A token's grant (never the token or its hash); `intact` is false for a row that
    fails its MAC (forged, altered, or from before the master key was rotated)."""

    id: str
    role: str
    scopes: list[str]
    label: str
    created: str
    expires: str
    revoked: str | None
    intact: bool


class IssuedOut(TokenOut):
    """A new token: `token` is shown this once and stored only as a hash."""

    token: str


class TokensOut(_Model):
    """Every token ever issued, revoked ones too."""

    tokens: list[TokenOut]


class AuditEntryOut(_Model):
    """One audit entry: who did what, where, why and how many (never an identifier)."""

    seq: int
    at: str
    actor: str
    action: str
    scope: str | None
    purpose: str | None
    counts: dict[str, int]
    outcome: str
    previous: str
    digest: str


class AuditPage(_Model):
    """Audit entries after a sequence number; `next` continues the listing."""

    entries: list[AuditEntryOut]
    next: int | None


class VerifyOut(_Model):
    """Whether the audit log's hash chain is intact, and where it breaks if not."""

    ok: bool
    entries: int
    first_broken: int | None
    reason: str | None


class Health(_Model):
    """The service is up."""

    status: Literal["ok"]


class ErrorBody(_Model):
    """Every error: a short code, a sentence, maybe a hint; never a value sent."""

    error: str
    detail: str
    hint: str | None = None
    errors: list[dict[str, Any]] | None = None


class ApiError(Exception):
    """An error response; its text must never quote a request's content."""

    def __init__(self, status: int, error: str, detail: str, *, hint: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.body = ErrorBody(error=error, detail=detail, hint=hint)
        self.headers = headers


# Field names an error location may show; anything else (a key a client made up) is masked.
_FIELDS = frozenset({"body", "path", "query", "header", "identifiers", "codes", "purpose",
                     "name", "master", "role", "scopes", "label", "scope", "token_id",
                     "after", "limit", "expires_in_seconds"})


def clean_errors(errors: Any) -> list[dict[str, Any]]:
    """Validation errors without the input, context or URL, and with masked keys."""
    cleaned = []
    for error in errors:
        loc = [part if isinstance(part, int) or part in _FIELDS else "<key>"
               for part in error.get("loc", ())]
        cleaned.append({"loc": loc, "type": str(error.get("type", "invalid")),
                        "msg": str(error.get("msg", "invalid value"))})
    return cleaned


class _DuplicateKeyError(Exception):
    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKeyError(key)
        found[key] = value
    return found


def duplicate_key(raw: bytes) -> tuple[str] | None:
    """The key that appears twice in one JSON object of `raw`, if any (pydantic keeps
    the last of them silently: two "purpose" keys could show one to a reviewer and
    record the other). Invalid JSON is left to the model's parser to report."""
    try:
        json.loads(raw, object_pairs_hook=_no_duplicates)
    except _DuplicateKeyError as duplicate:
        return (duplicate.key,)
    except (ValueError, RecursionError):
        return None
    return None


ADMIN_BODY_BYTES: Final = 64 * 1024  # a scope or a token to create: small


@dataclass(frozen=True)
class Limits:
    """What the Guard allows a request: body bytes by role, and time to send the body.

    A request without a valid token (none, unknown, revoked or expired) may send no
    body at all, and so may a role whose endpoints take none: it is refused before one
    byte of its body is read.
    """

    body_bytes: Mapping[str, int]  # by role; a role not named sends no body
    body_timeout: float  # seconds from the complete request head to the body's last byte

    def __post_init__(self) -> None:
        if self.body_timeout <= 0 or any(v < 0 for v in self.body_bytes.values()):
            raise ValueError("body limits are >= 0 and the body timeout > 0")

    def for_token(self, info: TokenInfo | None) -> int:
        """Body bytes allowed to a request made with `info` (None: no valid token)."""
        if info is None or not info.usable():
            return 0
        return self.body_bytes.get(info.role, 0)


Identify = Callable[[str], Awaitable["TokenInfo | None"]]


class Authentication:
    """The bearer token of one request, looked up at most once or twice (kept in the ASGI
    scope, under ``veil.auth``, by the Guard; the routes' grant reads it from there).

    `recall` may answer from a short-lived cache (the Guard's body limit, and the
    re-identification route, whose batch transaction checks revocation again);
    `identify` reads the database, for every other route's grant.
    """

    def __init__(self, token: str | None, identify: Identify, *, client: str | None = None,
                 recall: Identify | None = None) -> None:
        self.token = token
        self.client = client  # the client's address, to count refusals per source
        self._identify = identify
        self._recall = recall or identify
        self._info: TokenInfo | None = None
        self._done = False
        self._fresh = False

    async def info(self, *, fresh: bool = False) -> TokenInfo | None:
        """The token's grant, revoked or expired ones too; None if no token is known.
        With `fresh`, as the database has it now (not from a cache)."""
        if not self._done or (fresh and not self._fresh):
            if self.token is None:
                self._info = None
            elif fresh or self._recall is self._identify:
                self._info = await self._identify(self.token)
                self._fresh = True
            else:
                self._info = await self._recall(self.token)
            self._done = True
        return self._info

    def known(self) -> TokenInfo | None:
        """The grant already looked up (None if not yet, or none)."""
        return self._info


def bearer_token(scope: Scope) -> str | None:
    """The token of the request's one ``Authorization: Bearer`` header, else None (two
    such headers are ambiguous: no token)."""
    values = [value for name, value in scope.get("headers", ()) if name == b"authorization"]
    if len(values) != 1:
        return None
    scheme, _, token = values[0].decode("latin-1").partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


class _Body:
    """The request's `receive`, limited: the token is authenticated before the first
    byte of the body is handed over, and the body must fit the token's role's limit
    (413) and arrive before the deadline (408); both raise an ApiError in the reader."""

    def __init__(self, receive: Receive, scope: Scope, auth: Authentication, limits: Limits,
                 ) -> None:
        self.receive = receive
        self.auth = auth
        self.limits = limits
        self.deadline = asyncio.get_running_loop().time() + limits.body_timeout
        self.announced: int | None = None
        chunked = False
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    self.announced = int(value)
                except ValueError:
                    self.announced = None
            elif name == b"transfer-encoding":
                chunked = True
        # h11 (uvicorn) reads a request with neither header as one without a body
        self.done = not chunked and not self.announced
        self.allowed: int | None = None
        self.size = 0

    async def __call__(self) -> Message:
        if self.allowed is None:
            self.allowed = self.limits.for_token(await self.auth.info())
        if self.done:
            return await self.receive()  # the app asks again: a disconnect, in time
        if self.announced is not None and self.announced > self.allowed:
            raise self._too_large()
        try:
            async with asyncio.timeout_at(self.deadline):
                message = await self.receive()
        except TimeoutError:
            raise ApiError(408, "timeout", "the request body did not arrive in time",
                           hint=f"send the whole body within {self.limits.body_timeout:g} "
                           "seconds") from None
        if message["type"] == "http.request":
            self.size += len(message.get("body", b""))
            if self.size > self.allowed:
                raise self._too_large()
            self.done = not message.get("more_body", False)
        return message

    def _too_large(self) -> ApiError:
        allowed = self.allowed or 0
        if allowed == 0:
            return ApiError(413, "too_large", "this request may not carry a body")
        return ApiError(413, "too_large", f"the request body is over {allowed:,} bytes",
                        hint="send fewer identifiers per request")


class Guard:
    """Outermost ASGI layer: limits on the request body, a log line, and a JSON 500.

    * The request body is handed to the app only through `_Body`: after the bearer
      token (from the headers) is known and allows a body of that size, and within
      the body timeout. The routes decide who may do what before reading a body, so a
      request without a valid token is refused without reading one byte of it.
    * A response sent before the request body was read to its end (a refusal, 408,
      413) closes the connection: the rest of that body is never read.
    * The log line is ``METHOD ROUTE-TEMPLATE STATUS MS`` -- the template, so a path or
      query a client got wrong (and maybe filled with an identifier) is never logged.
    * An exception escaping the app is logged by type only (its message could quote
      data, e.g. SQL parameters) and answered with a bare 500; it is not re-raised, so
      the server does not print its traceback either.
    """

    def __init__(self, app: ASGIApp, *, identify: Identify, limits: Limits,
                 recall: Identify | None = None) -> None:
        self.app = app
        self.identify = identify
        self.recall = recall
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = {"code": 0}
        client = scope.get("client")
        auth = Authentication(bearer_token(scope), self.identify,
                              client=str(client[0]) if client else None, recall=self.recall)
        scope["veil.auth"] = auth
        body = _Body(receive, scope, auth, self.limits)

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = int(message["status"])
                if not body.done:  # the rest of the body is not read: close after this
                    message = {**message, "headers": [
                        *[(k, v) for k, v in message.get("headers", ()) if k != b"connection"],
                        (b"connection", b"close")]}
            await send(message)

        try:
            await self.app(scope, body, watch)
        except Exception as error:  # the last line of defence
            log.error("internal error %s in %s %s", type(error).__name__, scope.get("method"),
                      _route(scope))
            if status["code"] == 0:
                await _send_error(watch, 500, ErrorBody(
                    error="internal", detail="internal error; this is a bug",
                    hint="the service log names the error type"))
        log.info("%s %s %d %.1fms", scope.get("method"), _route(scope), status["code"],
                 (time.perf_counter() - started) * 1000)


def _route(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path_format", None)
    return path if isinstance(path, str) else "(no route)"


async def _send_error(send: Send, status: int, body: ErrorBody) -> None:
    content = json.dumps(body.model_dump(exclude_none=True)).encode("utf-8")
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(content)).encode("ascii")),
        (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": content})
