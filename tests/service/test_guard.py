"""The outermost ASGI guard, in process: an exception escaping the app becomes a bare JSON
500 and a log line naming only its type, never its message (which could quote data); the
body reaches the app only within the limit of the token's role."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable

import httpx
import pytest

from veil.service._http import ApiError, Guard, Limits, Message, Receive, Scope, Send
from veil.service.tokens import TokenInfo

PLANTED = "078-05-1120"
TOKEN = "veil_0123456789ab_secret"
LIMITS = Limits(body_bytes={"submitter": 100}, body_timeout=5)


async def _identify(token: str) -> TokenInfo | None:
    if token != TOKEN:
        return None
    now = dt.datetime.now(dt.UTC)
    return TokenInfo("0123456789ab", "submitter", ("org-a",), "", now, None,
                     now + dt.timedelta(hours=1))


def _guard(app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> Guard:
    return Guard(app, identify=_identify, limits=LIMITS)


async def _failing(scope: Scope, receive: Receive, send: Send) -> None:
    await receive()
    raise RuntimeError(f"INSERT failed [parameters: ('{PLANTED}',)]")


async def _echo_size(scope: Scope, receive: Receive, send: Send) -> None:
    try:
        message: Message = await receive()
    except ApiError as error:  # the app's exception handler does this
        await send({"type": "http.response.start", "status": error.status, "headers": []})
        await send({"type": "http.response.body", "body": error.body.error.encode()})
        return
    body = str(len(message["body"])).encode()
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": body})


def _post(app: Guard, content: bytes, token: str | None = TOKEN) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        headers = {} if token is None else {"Authorization": f"Bearer {token}"}
        async with httpx.AsyncClient(transport=transport, base_url="http://test",
                                     headers=headers) as client:
            return await client.post(f"/v1/x/{PLANTED}", content=content)
    return asyncio.run(go())


def test_exception_becomes_a_bare_500(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="veil.service"):
        answer = _post(_guard(_failing), PLANTED.encode())
    assert answer.status_code == 500
    assert answer.json() == {"error": "internal", "detail": "internal error; this is a bug",
                             "hint": "the service log names the error type"}
    assert "RuntimeError" in caplog.text
    assert PLANTED not in caplog.text + answer.text


@pytest.mark.parametrize(("token", "size", "status"), [
    (TOKEN, 0, 200), (TOKEN, 100, 200), (TOKEN, 101, 413),
    (None, 0, 200), (None, 1, 413), ("veil_0123456789ab_other", 1, 413)])
def test_body_limit_in_process(token: str | None, size: int, status: int) -> None:
    answer = _post(_guard(_echo_size), b"x" * size, token)
    assert answer.status_code == status
    if status == 200:
        assert answer.text == str(size)
    else:
        assert answer.headers["connection"] == "close"  # the rest of the body is not read
