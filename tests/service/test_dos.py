"""Denial of service without a token (issue 12, High 1), against a real `veil serve`.

Each attack runs raw sockets against the real uvicorn process on loopback and measures
what it costs the service: its resident memory (VmRSS in /proc), whether it closes the
attacking connections, and whether /healthz still answers. The bounds are generous
(a loaded CI machine must pass them), and none is a latency target.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.service.server import Server, make_vault, start_server

ATTACKERS = 60
BIG = 10 * 1024 * 1024 - 1  # the Content-Length the attack announces (10 MiB less a byte)
SENT = 3 * 1024 * 1024  # what each attacker tries to push of that body before going quiet
PER_CONNECTION = 256 * 1024  # memory allowed per attacking connection ("well under 1 MiB")


def rss(pid: int) -> int:
    """The resident set size of process `pid`, in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS line")


def _serve(tmp_path_factory: pytest.TempPathFactory, name: str, *extra: str) -> Server:
    workdir = tmp_path_factory.mktemp(name)
    url = f"sqlite:///{workdir / 'vault.db'}"
    make_vault(url, workdir / "master.key")
    return start_server(url, workdir / "master.key", workdir, *extra)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The service with its default body limit (10 MiB), as the attack found it."""
    running = _serve(tmp_path_factory, "dos")
    try:
        yield running
    finally:
        running.stop()


def _connect(server: Server) -> socket.socket:
    host, port = server.url.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=5)


def _push(sockets: list[socket.socket], head: bytes, quota: int) -> None:
    """Send `head` on every socket, then up to `quota` body bytes each, round robin,
    until every socket has sent its quota, was closed, or stalls (the server stopped
    reading); then go quiet, keeping the connections open."""
    for sock in sockets:
        sock.sendall(head)
        sock.setblocking(False)
    chunk = b"x" * 65536
    sent = dict.fromkeys(sockets, 0)
    stalled_since = time.monotonic()
    while sent and time.monotonic() - stalled_since < 1.0:
        for sock in list(sent):
            try:
                count = sock.send(chunk[:quota - sent[sock]])
            except BlockingIOError:
                continue
            except OSError:  # closed by the server
                del sent[sock]
                continue
            stalled_since = time.monotonic()
            sent[sock] += count
            if sent[sock] >= quota:
                del sent[sock]
    for sock in sockets:
        sock.setblocking(True)


def _closed_by_server(sock: socket.socket, within: float) -> bool:
    """Whether the server closes `sock` (EOF or reset) within `within` seconds; what it
    answered first, if anything, is read and dropped."""
    deadline = time.monotonic() + within
    while (left := deadline - time.monotonic()) > 0:
        sock.settimeout(left)
        try:
            if not sock.recv(65536):
                return True
        except TimeoutError:
            return False
        except OSError:
            return True
    return False


def _healthz_seconds(server: Server) -> float:
    started = time.monotonic()
    answer = httpx.get(f"{server.url}/healthz", timeout=10)
    assert answer.status_code == 200
    return time.monotonic() - started


def _close(sockets: list[socket.socket]) -> None:
    for sock in sockets:
        sock.close()


def test_unauthenticated_big_bodies(server: Server) -> None:
    """60 connections without a token announce a 10 MiB body, send part of it and go
    quiet: the service must answer 401 without reading it and close them, its memory
    must stay flat, and /healthz must answer."""
    before = rss(server.process.pid)
    head = (f"POST /v1/scopes/org-a/codes HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Content-Type: application/json\r\nContent-Length: {BIG}\r\n\r\n").encode()
    sockets = [_connect(server) for _ in range(ATTACKERS)]
    try:
        _push(sockets, head, SENT)
        assert _healthz_seconds(server) < 5
        grown = rss(server.process.pid) - before
        assert grown < ATTACKERS * PER_CONNECTION, f"RSS grew by {grown / 2**20:.0f} MiB"
        open_ = [s for s in sockets if not _closed_by_server(s, 5)]
        assert not open_, f"{len(open_)} of {ATTACKERS} connections left open"
    finally:
        _close(sockets)


HEADER_TIMEOUT = 1.0
BODY_TIMEOUT = 2.0
MAX_CONNECTIONS = 40


@pytest.fixture(scope="module")
def tight(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The service with short timeouts and a small connection cap, to test them."""
    running = _serve(tmp_path_factory, "dos-tight", "--header-timeout", str(HEADER_TIMEOUT),
                     "--body-timeout", str(BODY_TIMEOUT),
                     "--max-connections", str(MAX_CONNECTIONS))
    try:
        yield running
    finally:
        running.stop()


def test_slow_headers_are_cut(tight: Server) -> None:
    """Connections that send half a request head (or nothing) and go quiet are closed
    after the header timeout, however they trickle."""
    sockets = [_connect(tight) for _ in range(ATTACKERS // 2)]
    try:
        for i, sock in enumerate(sockets):
            if i % 3:  # a third send nothing at all
                sock.sendall(b"POST /v1/scopes/org-a/codes HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        started = time.monotonic()
        trickler = sockets[1]
        while time.monotonic() - started < HEADER_TIMEOUT + 1.5:  # a byte every 0.2 s
            try:
                trickler.sendall(b"X")
            except OSError:
                break
            time.sleep(0.2)
        open_ = [s for s in sockets if not _closed_by_server(s, HEADER_TIMEOUT + 3)]
        assert not open_, f"{len(open_)} of {len(sockets)} connections left open"
    finally:
        _close(sockets)


def test_slow_body_is_cut(tight: Server) -> None:
    """An authenticated client that announces a body and stops sending it gets 408 and
    the connection closes after the body timeout."""
    sock = _connect(tight)
    try:
        sock.sendall((f"POST /v1/scopes HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                      f"{tight.admin}\r\nContent-Type: application/json\r\n"
                      f"Content-Length: 100\r\n\r\n{{\"name\": ").encode())
        sock.settimeout(BODY_TIMEOUT + 5)
        answer = sock.recv(65536)
        assert answer.startswith(b"HTTP/1.1 408 "), answer[:40]
        assert _closed_by_server(sock, 3)
    finally:
        sock.close()


def test_connection_cap_keeps_healthz(tight: Server) -> None:
    """More idle connections than the cap: the oldest idle ones are closed to make room,
    so /healthz still answers at once and the service never holds more than the cap."""
    sockets = [_connect(tight) for _ in range(MAX_CONNECTIONS * 2)]
    try:
        time.sleep(0.3)
        assert _healthz_seconds(tight) < 5
        closed = sum(_closed_by_server(s, 0.5) for s in sockets[:MAX_CONNECTIONS])
        assert closed >= MAX_CONNECTIONS - 1, closed  # the first ones made room
    finally:
        _close(sockets)


@pytest.mark.parametrize(("token", "size", "status"), [
    ("admin", 64 * 1024 + 1, 413),  # an admin's bodies are small (a scope, a token)
    ("none", 10 * 1024 * 1024 + 5, 401),  # a refusal comes before the size
])
def test_body_cap_per_role(tight: Server, token: str, size: int, status: int) -> None:
    """The body a request may send depends on its token's role; without a token, none."""
    sock = _connect(tight)
    try:
        auth = f"Authorization: Bearer {tight.admin}\r\n" if token == "admin" else ""
        sock.sendall((f"POST /v1/scopes HTTP/1.1\r\nHost: 127.0.0.1\r\n{auth}"
                      f"Content-Type: application/json\r\nContent-Length: {size}\r\n\r\n"
                      ).encode() + b" " * 1000)
        sock.settimeout(5)
        answer = sock.recv(65536)
        assert answer.startswith(f"HTTP/1.1 {status} ".encode()), answer[:40]
        assert _closed_by_server(sock, 3)
    finally:
        sock.close()


def test_oversized_head_is_refused(server: Server) -> None:
    """A request head longer than the cap (8 KiB) gets a bare 400 and the connection
    closes; a head just under it is served."""
    sock = _connect(server)
    try:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: "
                     + b"a" * (9 * 1024) + b"\r\n\r\n")
        sock.settimeout(5)
        assert sock.recv(65536).startswith(b"HTTP/1.1 400 ")
        assert _closed_by_server(sock, 3)
    finally:
        sock.close()
    answer = httpx.get(f"{server.url}/healthz", headers={"X-Pad": "a" * 7000}, timeout=10)
    assert answer.status_code == 200


def test_endless_header_value_is_cut_and_memory_bounded(server: Server) -> None:
    """Connections streaming one header value that never ends (the parser would keep all
    of it) are cut once a head passes the cap, without growing the service."""
    before = rss(server.process.pid)
    sockets = [_connect(server) for _ in range(ATTACKERS // 2)]
    try:
        for sock in sockets:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: ")
        _push(sockets, b"", 1024 * 1024)  # 1 MiB of header value each, if accepted
        open_ = [s for s in sockets if not _closed_by_server(s, 3)]
        assert not open_, f"{len(open_)} of {len(sockets)} connections left open"
        assert rss(server.process.pid) - before < PER_CONNECTION * len(sockets)
        assert _healthz_seconds(server) < 5
    finally:
        _close(sockets)


def test_pipelined_requests_are_all_answered(server: Server) -> None:
    """Reading pauses once a request is whole until its response ends (no next head piles
    up uncounted behind a slow response); pipelined requests are still all answered."""
    sock = _connect(server)
    try:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" * 3)
        sock.settimeout(5)
        received = b""
        while received.count(b"HTTP/1.1 200 ") < 3:
            chunk = sock.recv(65536)
            assert chunk, received[:40]
            received += chunk
    finally:
        sock.close()
