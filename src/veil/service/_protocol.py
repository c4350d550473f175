"""uvicorn's httptools protocol with a deadline and a size cap for request heads, and a cap
on connections.

Why a protocol class: uvicorn arms no timer before a request head is complete (its
``timeout_keep_alive`` starts only after a response, and any byte received cancels it),
so a client that connects and sends nothing, or trickles a header a byte at a time,
holds its connection for ever; ``limit_concurrency`` only answers 503 once a head is
complete, to /healthz as to anyone, while the idle connections holding the slots are
never closed; and with httptools nothing bounds a head's size (the parser keeps a header
value until it ends). uvicorn takes a protocol class as its ``http`` setting; this one
adds:

* **head deadline**: from the moment a connection opens, or a response on it ends,
  the next request head must be complete within `header_timeout` seconds, however
  the bytes trickle in; else the connection is closed (no answer: nothing was asked);
* **head size**: more than `MAX_HEAD_BYTES` received before a head is complete (or a
  request line and headers longer than that) gets uvicorn's bare 400 and the
  connection is closed, so a connection waiting for a head holds at most that plus
  one read; reading pauses once a request is whole until its response ends, so no
  next head piles up uncounted behind a slow response (pipelining still works);
* **connection cap**: when a new connection would make more than `max_connections`,
  the oldest connection that is only waiting for a request head (idle keep-alive, or
  a slow head) is closed to make room; if every connection is in the middle of a
  request, the new one gets a bare 503 and is closed. Since the body limits
  (`veil.service._http.Guard`) answer a request without a valid token before its body
  is read, a client without a token can only hold connections that are waiting for a
  head, which make room for others: /healthz and token holders still get in.

Why httptools (llhttp, in C) rather than h11: parsing and writing HTTP with h11 was about
a third of the service's CPU per re-identification (BENCHMARKS.md, service latency).
Requests in progress are bounded by the Guard's body timeout and size limits.
"""

from __future__ import annotations

import asyncio
import itertools
from typing import Any, Final

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

MAX_HEAD_BYTES: Final = 8 * 1024  # a request line and headers (a token is ~70 bytes)
_BUSY: Final = (b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain\r\n"
                b"content-length: 5\r\nconnection: close\r\n\r\nbusy\n")
_order = itertools.count()


class _HeadTooLarge(Exception):  # noqa: N818 - raised inside the parser's callback
    """A request line and headers over `MAX_HEAD_BYTES` (the parser turns it into its
    own error, which uvicorn answers with a bare 400)."""


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    """`HttpToolsProtocol` with a request-head deadline and size cap and a connection cap
    (see the module).

    Subclass it with `protocol_class` to set the limits; they are class attributes
    because uvicorn builds one protocol per connection from the class alone.
    """

    header_timeout: float = 10.0
    max_connections: int = 256

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_timer: asyncio.TimerHandle | None = None
        self._opened = next(_order)
        self._awaiting_head = True  # no request head since the last response ended
        self._head_bytes = 0  # bytes received while awaiting a head
        self._head_size = 0  # request line and header bytes parsed for this head

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if not self._make_room():
            transport.write(_BUSY)
            transport.close()
            return
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        awaiting = self._awaiting_head
        super().data_received(data)
        if awaiting and self._awaiting_head and not self.transport.is_closing():
            self._head_bytes += len(data)
            if self._head_bytes > MAX_HEAD_BYTES:  # still no whole head: cut it here
                self.send_400_response("Invalid HTTP request received.")

    # parser callbacks

    def on_message_begin(self) -> None:
        self._head_size = 0
        super().on_message_begin()

    def on_url(self, url: bytes) -> None:
        self._grow(len(url))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._grow(len(name) + len(value) + 4)
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._awaiting_head = False
        self._head_bytes = 0
        self._disarm()
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        # no reading past a whole request while its response is pending: the next head's
        # bytes would be counted nowhere (the head cap counts from a response's end) and
        # the parser keeps an unfinished header value whole; uvicorn resumes reading when
        # the response ends (`on_response_complete`)
        if self.cycle is not None and not self.cycle.response_complete:
            self.flow.pause_reading()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing() and not self.pipeline:
            self._awaiting_head = True
            self._arm()  # the next head, if any, is due within the deadline

    def waiting_for_head(self) -> bool:
        """Whether this connection holds no request in progress (idle, or mid-head)."""
        return self._awaiting_head and (self.cycle is None or self.cycle.response_complete)

    def _grow(self, size: int) -> None:
        self._head_size += size
        if self._head_size > MAX_HEAD_BYTES:
            raise _HeadTooLarge

    def _arm(self) -> None:
        self._disarm()
        self._head_timer = self.loop.call_later(self.header_timeout, self._head_late)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_late(self) -> None:
        self._head_timer = None
        if self._awaiting_head and not self.transport.is_closing():
            self.transport.close()

    def _make_room(self) -> bool:
        """Close the oldest idle connection if this one is over the cap; False when
        there is none to close (every other connection has a request in progress)."""
        live = [c for c in self.connections
                if not c.transport.is_closing() and c is not self]
        if len(live) < self.max_connections:
            return True
        idle = [c for c in live
                if isinstance(c, GuardedHttpToolsProtocol) and c.waiting_for_head()]
        if not idle:
            return False
        min(idle, key=lambda c: c._opened).transport.close()
        return True


def protocol_class(*, header_timeout: float, max_connections: int,
                   ) -> type[GuardedHttpToolsProtocol]:
    """A `GuardedHttpToolsProtocol` subclass with these limits (uvicorn's ``http``)."""
    return type("VeilHttpProtocol", (GuardedHttpToolsProtocol,),
                {"header_timeout": header_timeout, "max_connections": max_connections})
