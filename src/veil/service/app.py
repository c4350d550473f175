"""The honest-broker HTTP service: a thin FastAPI layer over `veil.vault.Vault`.

Who may do what is decided (in `veil.service.broker`) before the body is even read, so a
refusal (401, 403) comes before any 413 or 422; every refusal of a token holder is recorded
in the vault's audit log with outcome "denied", naming the token by id and never quoting
it, and requests without a valid token are counted per source and minute
(`veil.service.denials`).
Identifiers travel only in request and response bodies, never in paths or queries, and
no response, error body or log line quotes a value sent.
"""

# no `from __future__ import annotations`: FastAPI reads the routes' annotations, which
# name dependencies local to create_app
import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Annotated, Any, Final, TypeVar

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException

from veil._version import __version__
from veil.errors import InternalError, UsageError
from veil.service._fast import FastReidentify
from veil.service._http import (
    ADMIN_BODY_BYTES,
    ApiError,
    ASGIApp,
    AuditPage,
    Authentication,
    CodesRequest,
    CodesResponse,
    ErrorBody,
    Guard,
    Health,
    IssuedOut,
    Limits,
    Receive,
    ReidentifyRequest,
    ReidentifyResponse,
    Scope,
    ScopeOut,
    ScopeRequest,
    ScopesOut,
    Send,
    TokenOut,
    TokenRequest,
    TokensOut,
    VerifyOut,
    clean_errors,
    duplicate_key,
)
from veil.service.broker import Broker
from veil.service.denials import seconds_to_next_minute
from veil.service.tokens import Role, TokenInfo, TokenStore

if TYPE_CHECKING:
    from veil.vault import MasterKey, Vault

M = TypeVar("M", bound=BaseModel)

MAX_BODY_BYTES: Final = 10 * 1024 * 1024
MAX_ITEMS: Final = 10_000
BODY_TIMEOUT: Final = 30.0

DESCRIPTION = """\
The honest broker of a veil key vault: it gives submitters codes for identifiers and
gives brokers identifiers back for codes, for a stated purpose, recording both in the
vault's hash-chained audit log.

**Authentication.** Every `/v1` call needs `Authorization: Bearer <token>`. A token has
one role: `submitter` (codes for identifiers, in its scopes), `broker` (identifiers for
codes, in its scopes; a broker of a *master* scope may re-identify in every scope),
`auditor` (reads and verifies the audit log) or `admin` (scopes and tokens). Tokens are
stored as SHA-256 hashes and shown once, when issued. Every refusal of a token holder is
audited; requests without a valid token are counted per source and minute.

**Privacy.** Identifiers travel only in JSON bodies, never in paths or queries; error
bodies and the service log never quote what was sent.

**Limits.** The token is checked before any body is read: without a valid token a
request may send no body. A submitter's or broker's body over the configured size (10 MB
by default) gets 413, an admin's over 64 KiB too, and so does a request with more
identifiers or codes than the configured maximum (10,000). A body must arrive within the
body timeout (408); a response sent before the body was read closes the connection.

**Key rotation and crypto-shredding are not offered over HTTP**: key material has no
business on the wire. Custodians use `veil vault` on the vault's host.
"""

_bearer = HTTPBearer(auto_error=False, description="a veil service token")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text} for code, text in {
        401: "no valid token", 403: "the token's role or scopes do not allow this",
        413: "the body or the number of items is over the limit",
        422: "the body does not match the schema"}.items()}


def _auth(request: Request) -> Authentication:
    auth = request.scope.get("veil.auth")
    if not isinstance(auth, Authentication):  # the Guard always sets it
        raise InternalError("the request passed no Guard")
    return auth


def _body(model: type[M]) -> Callable[[Request], Any]:
    """A dependency that parses the JSON body as `model` (after the grant, by order)."""

    async def parse(request: Request) -> M:
        raw = await request.body()
        duplicate = duplicate_key(raw)
        if duplicate:
            raise RequestValidationError([{"loc": ("body", *duplicate), "type": "duplicate_key",
                                           "msg": "a key appears twice in one object"}])
        try:
            return model.model_validate_json(raw)
        except ValidationError as error:
            raise RequestValidationError(
                clean_errors(error.errors(include_url=False, include_context=False,
                                          include_input=False))) from None

    return parse


def _doc(model: type[BaseModel]) -> dict[str, Any]:
    """OpenAPI text for a body parsed by `_body` (FastAPI cannot see it)."""
    return {"requestBody": {"required": True, "content": {
        "application/json": {"schema": model.model_json_schema()}}}}


def create_app(vault: "Vault", key: "MasterKey", *, max_body_bytes: int = MAX_BODY_BYTES,
               max_items: int = MAX_ITEMS, body_timeout: float = BODY_TIMEOUT,
               fast: bool = True) -> FastAPI:
    """The service over an open `vault`, whose master key is `key` (it seals and checks
    the tokens' grants, `veil.service.tokens`).

    `max_body_bytes` bounds the body of a submitter's or broker's request (an admin's
    is at most 64 KiB, other requests send none; 413 above) and `max_items` the
    identifiers or codes of one request (413 above it); a body must arrive within
    `body_timeout` seconds of the request head (408). The ``service_tokens`` table is
    created in the vault's database if missing. `fast=False` sends re-identifications
    through FastAPI's route too (`veil.service._fast`: for tests that compare both).
    """
    if max_body_bytes < 1 or max_items < 1 or body_timeout <= 0:
        raise UsageError(f"max_body_bytes and max_items must be 1 or more and body_timeout "
                         f"positive; got {max_body_bytes}, {max_items} and {body_timeout}")
    broker = Broker(vault, TokenStore(vault.engine, key), max_items=max_items)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        async def every_minute() -> None:  # the counts of refusals without a token
            while True:
                await asyncio.sleep(seconds_to_next_minute())
                await broker.flush_denials()

        flusher = asyncio.create_task(every_minute())
        try:
            yield
        finally:
            flusher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await flusher
            await broker.flush_denials(everything=True)
            broker.close()

    # no OpenTelemetry: spans and metrics would carry paths (scope names) to whatever
    # exporter the environment configures, and the check costs every request
    app = _BrokerApp(title="veil honest broker", version=__version__, description=DESCRIPTION,
                     docs_url="/docs", redoc_url=None, responses=_ERRORS, lifespan=lifespan,
                     telemetry={"tracing": False, "metrics": False, "logs": False,
                                "operation_spans": False})
    app.state.broker = broker  # for tests and benchmarks (counts of group commit, fast path)
    limits = Limits(body_timeout=body_timeout, body_bytes={
        "submitter": max_body_bytes, "broker": max_body_bytes,
        "admin": min(max_body_bytes, ADMIN_BODY_BYTES)})
    # in front of FastAPI's own middleware: the Guard, then re-identifications answered
    # without FastAPI's machinery (`veil.service._fast`), then FastAPI for the rest
    app.front = Guard(FastReidentify(app.inner, broker=broker, routes=app.router.routes,
                                     enabled=fast),
                      identify=broker.identify, recall=broker.recall, limits=limits)
    _handlers(app)

    # `_` (the bearer scheme) is for the OpenAPI document; the Guard reads the token
    def scoped(action: str, role: Role) -> Callable[..., Awaitable[TokenInfo]]:
        # a re-identification's batch transaction checks revocation again: a grant
        # recalled from the last second will do (`Broker.recall`)
        fresh = action != "reidentify"

        async def dependency(scope: str, request: Request, _: Credentials) -> TokenInfo:
            return await broker.grant(_auth(request), action=action, roles=(role,),
                                      scope=scope, fresh=fresh)
        return dependency

    def unscoped(action: str, role: Role) -> Callable[..., Awaitable[TokenInfo]]:
        async def dependency(request: Request, _: Credentials) -> TokenInfo:
            return await broker.grant(_auth(request), action=action, roles=(role,))
        return dependency

    @app.get("/healthz", tags=["service"])
    async def healthz() -> Health:
        """The service is up (no token needed)."""
        return Health(status="ok")

    @app.post("/v1/scopes/{scope:path}/codes", tags=["submitter"],
              openapi_extra=_doc(CodesRequest))
    async def codes(scope: str, info: Annotated[TokenInfo, Depends(scoped("assign", "submitter"))],
              body: Annotated[CodesRequest, Depends(_body(CodesRequest))]) -> CodesResponse:
        """Codes for identifiers in a scope, aligned with them (submitter of the scope)."""
        return await broker.codes(info, scope, body)

    @app.post("/v1/scopes/{scope:path}/reidentify", tags=["broker"],
              openapi_extra=_doc(ReidentifyRequest))
    async def reidentify(
        scope: str, info: Annotated[TokenInfo, Depends(scoped("reidentify", "broker"))],
        body: Annotated[ReidentifyRequest, Depends(_body(ReidentifyRequest))],
    ) -> ReidentifyResponse:
        """Identifiers for codes, for a purpose (broker of the scope or of a master scope)."""
        return await broker.reidentify(info, scope, body)

    @app.get("/v1/audit", tags=["auditor"])
    async def audit(_: Annotated[TokenInfo, Depends(unscoped("audit-read", "auditor"))],
              after: Annotated[int, Query(ge=0)] = 0,
              limit: Annotated[int, Query(ge=1, le=10_000)] = 1000) -> AuditPage:
        """Audit entries after sequence number `after`, oldest first (auditor)."""
        return await broker.audit(after, limit)

    @app.get("/v1/audit/verify", tags=["auditor"])
    async def verify(_: Annotated[TokenInfo, Depends(unscoped("audit-verify", "auditor"))],
               ) -> VerifyOut:
        """Check the audit log's hash chain end to end (auditor)."""
        return await broker.verify()

    @app.get("/v1/scopes", tags=["admin"])
    async def scopes(_: Annotated[TokenInfo, Depends(unscoped("scope-list", "admin"))],
                     ) -> ScopesOut:
        """Every scope (admin)."""
        return await broker.list_scopes()

    @app.post("/v1/scopes", tags=["admin"], status_code=201, openapi_extra=_doc(ScopeRequest))
    async def add_scope(info: Annotated[TokenInfo, Depends(unscoped("scope-add", "admin"))],
                  body: Annotated[ScopeRequest, Depends(_body(ScopeRequest))]) -> ScopeOut:
        """Create a scope; a master scope's brokers may re-identify in every scope (admin)."""
        return await broker.add_scope(info, body)

    @app.get("/v1/tokens", tags=["admin"])
    async def tokens(_: Annotated[TokenInfo, Depends(unscoped("token-list", "admin"))],
                     ) -> TokensOut:
        """Every token's grant, revoked ones too; never a token or its hash (admin)."""
        return await broker.list_tokens()

    @app.post("/v1/tokens", tags=["admin"], status_code=201, openapi_extra=_doc(TokenRequest))
    async def issue(info: Annotated[TokenInfo, Depends(unscoped("token-issue", "admin"))],
              body: Annotated[TokenRequest, Depends(_body(TokenRequest))]) -> IssuedOut:
        """Issue a token; the response holds it, once, and only its hash is kept (admin)."""
        return await broker.issue(info, body)

    @app.delete("/v1/tokens/{token_id}", tags=["admin"])
    async def revoke(token_id: str,
               info: Annotated[TokenInfo, Depends(unscoped("token-revoke", "admin"))],
               ) -> TokenOut:
        """Revoke a token by id, at once (admin)."""
        return await broker.revoke(info, token_id)

    return app


class _BrokerApp(FastAPI):
    """FastAPI with the service's own ASGI layers in FRONT of FastAPI's middleware.

    Why: FastAPI wraps every request in its error, telemetry and body-limit middlewares
    before any user middleware runs; the Guard (`veil.service._http`) does all of that
    for this service already (body limits by role, a JSON 500 that quotes nothing), and
    on the re-identification path those layers cost about a tenth of the service's CPU.
    HTTP requests go through `front` (set by `create_app`); lifespan events go to FastAPI.
    """

    front: ASGIApp | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.front is not None and scope["type"] == "http":
            await self.front(scope, receive, send)
        else:
            await super().__call__(scope, receive, send)

    async def inner(self, scope: Scope, receive: Receive, send: Send) -> None:
        """FastAPI itself (its middleware, routing and handlers), behind the front."""
        await super().__call__(scope, receive, send)


def _handlers(app: FastAPI) -> None:
    """JSON error bodies that never echo the request."""

    async def api_error(_: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, ApiError)
        return JSONResponse(error.body.model_dump(exclude_none=True), status_code=error.status,
                            headers=error.headers)

    async def invalid(_: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestValidationError)
        body = ErrorBody(error="invalid_request", detail="the request does not match the API",
                         hint="see /openapi.json", errors=clean_errors(error.errors()))
        return JSONResponse(body.model_dump(exclude_none=True), status_code=422)

    async def http_error(_: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, HTTPException)
        name = {404: "not_found", 405: "method_not_allowed"}.get(error.status_code, "http")
        detail = {404: "no such endpoint", 405: "method not allowed here"}.get(
            error.status_code, "the request was refused")
        return JSONResponse(ErrorBody(error=name, detail=detail).model_dump(exclude_none=True),
                            status_code=error.status_code, headers=error.headers)

    async def internal(_: Request, error: Exception) -> JSONResponse:
        # FastAPI's last handler (the Guard, in front, logs the error's type): the same
        # bare JSON 500 the Guard sends, never the exception's text
        return JSONResponse(ErrorBody(error="internal", detail="internal error; this is a bug",
                                      hint="the service log names the error type")
                            .model_dump(exclude_none=True), status_code=500)

    app.add_exception_handler(Exception, internal)
    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(HTTPException, http_error)
