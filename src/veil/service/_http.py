"""The HTTP plumbing of the service: JSON models, error bodies, and one ASGI guard.

Nothing here ever echoes what a client sent: error bodies name fields by position and
field name, and the log line of a request names its route template, never its path.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints

log = logging.getLogger("veil.service")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_IDENTIFIER = 1024
MAX_PURPOSE = 500
ScopeName = Annotated[str, StringConstraints(min_length=1, max_length=128)]
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

    name: ScopeName
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
    """A token to issue: submitters and brokers need scopes, auditors and admins none."""

    role: Literal["submitter", "broker", "auditor", "admin"]
    scopes: list[ScopeName] = Field(default_factory=list, max_length=1000)
    label: Annotated[str, StringConstraints(max_length=200, pattern=_TEXT)] = ""


class TokenOut(_Model):
    """A token's grant (never the token or its hash)."""

    id: str
    role: str
    scopes: list[str]
    label: str
    created: str
    revoked: str | None


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
                     "after", "limit"})


def clean_errors(errors: Any) -> list[dict[str, Any]]:
    """Validation errors without the input, context or URL, and with masked keys."""
    cleaned = []
    for error in errors:
        loc = [part if isinstance(part, int) or part in _FIELDS else "<key>"
               for part in error.get("loc", ())]
        cleaned.append({"loc": loc, "type": str(error.get("type", "invalid")),
                        "msg": str(error.get("msg", "invalid value"))})
    return cleaned


class Guard:
    """Outermost ASGI layer: body size limit, a log line per request, and a JSON 500.

    * A body over `max_body_bytes` (by Content-Length, or counted as it streams) gets 413
      before the app sees it; smaller bodies are buffered and replayed.
    * The log line is ``METHOD ROUTE-TEMPLATE STATUS MS`` -- the template, so a path or
      query a client got wrong (and maybe filled with an identifier) is never logged.
    * An exception escaping the app is logged by type only (its message could quote
      data, e.g. SQL parameters) and answered with a bare 500; it is not re-raised, so
      the server does not print its traceback either.
    """

    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = {"code": 0}

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = int(message["status"])
            await send(message)

        try:
            replay = await self._buffer(scope, receive)
            if replay is None:
                await _send_error(watch, 413, ErrorBody(
                    error="too_large",
                    detail=f"the request body is over {self.max_body_bytes:,} bytes",
                    hint="send fewer identifiers per request"))
            else:
                await self.app(scope, replay, watch)
        except Exception as error:  # the last line of defence
            log.error("internal error %s in %s %s", type(error).__name__, scope.get("method"),
                      _route(scope))
            if status["code"] == 0:
                await _send_error(watch, 500, ErrorBody(
                    error="internal", detail="internal error; this is a bug",
                    hint="the service log names the error type"))
        log.info("%s %s %d %.1fms", scope.get("method"), _route(scope), status["code"],
                 (time.perf_counter() - started) * 1000)

    async def _buffer(self, scope: Scope, receive: Receive) -> Receive | None:
        """A `receive` that replays the whole body, or None if it is too large."""
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    if int(value) > self.max_body_bytes:
                        return None
                except ValueError:
                    pass
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # a disconnect: let the app see it
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return replay


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
