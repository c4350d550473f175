"""The outermost ASGI guard, in process: an exception escaping the app becomes a bare JSON
500 and a log line naming only its type, never its message (which could quote data)."""

from __future__ import annotations

import asyncio
import logging

import httpx
import pytest

from veil.service._http import Guard, Message, Receive, Scope, Send

PLANTED = "078-05-1120"


async def _failing(scope: Scope, receive: Receive, send: Send) -> None:
    await receive()
    raise RuntimeError(f"INSERT failed [parameters: ('{PLANTED}',)]")


async def _echo_size(scope: Scope, receive: Receive, send: Send) -> None:
    message: Message = await receive()
    body = str(len(message["body"])).encode()
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": body})


def _post(app: Guard, content: bytes) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.post(f"/v1/x/{PLANTED}", content=content)
    return asyncio.run(go())


def test_exception_becomes_a_bare_500(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="veil.service"):
        answer = _post(Guard(_failing, max_body_bytes=100), PLANTED.encode())
    assert answer.status_code == 500
    assert answer.json() == {"error": "internal", "detail": "internal error; this is a bug",
                             "hint": "the service log names the error type"}
    assert "RuntimeError" in caplog.text
    assert PLANTED not in caplog.text + answer.text


@pytest.mark.parametrize(("size", "status"), [(0, 200), (100, 200), (101, 413)])
def test_body_limit_in_process(size: int, status: int) -> None:
    answer = _post(Guard(_echo_size, max_body_bytes=100), b"x" * size)
    assert answer.status_code == status
    if status == 200:
        assert answer.text == str(size)
