"""The re-identification route without FastAPI's machinery on the way: the service's hot path.

Why: at 32 concurrent brokers the service spends most of its CPU outside the vault, and
FastAPI's exception and body-limit middlewares, routing, dependency resolution and
response validation cost about 0.3 ms of it per request, as much as the rest of the
request's work in Python. This ASGI layer sits inside the `Guard` (which still limits and
times the body, logs the route and answers a 500) and answers
``POST /v1/scopes/{scope}/reidentify`` itself, through the very same calls the FastAPI
route makes: `Broker.grant` (refusals audited as before), the body parsed by the same
model with the same duplicate-key check, `Broker.reidentify`, and errors rendered as the
app's exception handler renders them.

Anything else goes to FastAPI unchanged: other routes, a scope the broker does not know
(FastAPI answers 404 or the refusal), and a body that does not parse -- FastAPI is then
handed the body already read and gives the 422 it always gives. So the fast path only
ever answers what the FastAPI route would have answered, byte for byte (tested in
tests/service/test_fast.py against the app with this layer switched off).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from pydantic import ValidationError
from starlette.responses import JSONResponse, Response

from veil.service._http import (
    ApiError,
    Authentication,
    Message,
    Receive,
    ReidentifyRequest,
    Scope,
    Send,
    duplicate_key,
)

if TYPE_CHECKING:
    from veil.service._http import ASGIApp
    from veil.service.broker import Broker

_PREFIX: Final = "/v1/scopes/"
_SUFFIX: Final = "/reidentify"


class FastReidentify:
    """ASGI: re-identifications answered directly, the rest passed to `app` (see module)."""

    def __init__(self, app: ASGIApp, *, broker: Broker, routes: list[Any],
                 enabled: bool = True) -> None:
        self.app = app
        self.broker = broker
        self.enabled = enabled
        # FastAPI's route object, for the Guard's log line (the stack is built on the
        # first request, when every route exists)
        self.route = next((r for r in routes if getattr(r, "name", None) == "reidentify"
                           and "POST" in (getattr(r, "methods", None) or ())), None)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        name = self._scope_name(scope) if self.enabled else None
        auth = scope.get("veil.auth")
        if name is None or not isinstance(auth, Authentication):
            await self.app(scope, receive, send)
            return
        if self.route is not None:
            scope["route"] = self.route
        self.broker.fast_answers += 1
        try:
            info = await self.broker.grant(auth, action="reidentify", roles=("broker",),
                                           scope=name, fresh=False)
        except ApiError as error:
            await _error(error)(scope, receive, send)
            return
        try:
            raw = await _read_body(receive)
        except ApiError as error:
            await _error(error)(scope, receive, send)
            return
        except _Disconnected:  # the client left: nothing to answer
            return
        body = _parse(raw)
        if body is None:  # FastAPI says what is wrong with it (the body replayed)
            await self.app(scope, _replay(raw, receive), send)
            return
        try:
            answer = await self.broker.reidentify(info, name, body)
        except ApiError as error:
            await _error(error)(scope, receive, send)
            return
        await _send_json(send, answer.model_dump_json().encode("utf-8"))

    def _scope_name(self, scope: Scope) -> str | None:
        """The scope of a re-identification request to a scope the broker knows, else
        None (FastAPI's routing decides everything else)."""
        if scope.get("type") != "http" or scope.get("method") != "POST" \
                or scope.get("root_path"):
            return None
        path = scope.get("path", "")
        if not (path.startswith(_PREFIX) and path.endswith(_SUFFIX)):
            return None
        name = path[len(_PREFIX):-len(_SUFFIX)]
        return name if self.broker.known_scope(name) else None


async def _read_body(receive: Receive) -> bytes:
    """The whole body (`receive` is the Guard's limited reader: ApiError 408, 413)."""
    parts: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":  # a disconnect: nothing to answer
            raise _Disconnected
        parts.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(parts)


class _Disconnected(Exception):  # noqa: N818 - a control-flow signal, not an error
    pass


def _parse(raw: bytes) -> ReidentifyRequest | None:
    """The body as the route's model, if it is valid and has no key twice; else None."""
    if duplicate_key(raw):
        return None
    try:
        return ReidentifyRequest.model_validate_json(raw)
    except ValidationError:
        return None


def _replay(raw: bytes, receive: Receive) -> Receive:
    """A `receive` that hands over `raw` once, then what the connection says."""
    sent = False

    async def again() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": raw, "more_body": False}
        return await receive()

    return again


async def _send_json(send: Send, content: bytes) -> None:
    """A 200 with a JSON body, with the headers Starlette's `Response` would send (in its
    order), without building one per request."""
    await send({"type": "http.response.start", "status": 200, "headers": [
        (b"content-length", str(len(content)).encode("ascii")),
        (b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": content})


def _error(error: ApiError) -> Response:
    """An ApiError as the app's exception handler renders it."""
    return JSONResponse(error.body.model_dump(exclude_none=True), status_code=error.status,
                        headers=error.headers)

