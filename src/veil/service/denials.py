"""Requests refused for want of a valid token, counted per source and minute.

Writing an audit entry for each of them let anyone without a token fill the vault's
database (8 flooding clients wrote 123 entries a second). They name no principal, so
one entry per source and minute says all there is to say: the service counts them in
memory and writes, for each minute that has ended, one entry per source
(``action="unauthenticated"``, ``actor="anonymous from <source>"``, ``outcome="denied"``,
``counts={"requests": n}``, the minute in ``purpose``), and the rest when it stops.

A source is the client's IPv4 address, or the /64 prefix of its IPv6 address (one host
commonly holds a whole /64). At most `max_sources` sources are told apart per minute;
requests from further sources that minute are counted together, as "other sources".
Refusals of a token holder (a revoked or expired token, a wrong role or scope) are not
counted here: each is written, before it is answered, naming the token.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

OTHERS: Final = "other sources"
UNKNOWN: Final = "unknown source"


@dataclass(frozen=True)
class Tally:
    """The requests without a valid token from one source in one minute."""

    minute: int  # minutes since the Unix epoch
    source: str
    requests: int

    @property
    def actor(self) -> str:
        return f"anonymous from {self.source}"

    @property
    def purpose(self) -> str:
        start = dt.datetime.fromtimestamp(self.minute * 60, dt.UTC)
        return f"requests without a valid token in the minute from {start:%Y-%m-%dT%H:%MZ}"


def source_of(host: str | None) -> str:
    """How a client address is counted: IPv4 as is, IPv6 by its /64 prefix."""
    if not host:
        return UNKNOWN
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return UNKNOWN
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


class DenialCounter:
    """Counts per (minute, source); `take` hands over the minutes that have ended.

    Thread-safe; memory is bounded by `max_sources` + 1 counts per minute not yet taken.
    """

    def __init__(self, *, max_sources: int = 64,
                 clock: Callable[[], float] = time.time) -> None:
        if max_sources < 1:
            raise ValueError("max_sources must be 1 or more")
        self.max_sources = max_sources
        self.clock = clock
        self._counts: dict[int, dict[str, int]] = {}
        self._lock = threading.Lock()

    def count(self, host: str | None) -> None:
        """One more request without a valid token from `host`, now."""
        source = source_of(host)
        minute = int(self.clock() // 60)
        with self._lock:
            sources = self._counts.setdefault(minute, {})
            if source not in sources and len(sources) >= self.max_sources:
                source = OTHERS
            sources[source] = sources.get(source, 0) + 1

    def take(self, *, everything: bool = False) -> list[Tally]:
        """The tallies of the minutes that have ended (of every minute with
        `everything`), oldest first, removed from the counter."""
        now = int(self.clock() // 60)
        with self._lock:
            done = sorted(m for m in self._counts if everything or m < now)
            taken = [(m, self._counts.pop(m)) for m in done]
        return [Tally(minute, source, requests)
                for minute, sources in taken for source, requests in sorted(sources.items())]

    def give_back(self, tallies: list[Tally]) -> None:
        """Return tallies that could not be written, to be taken again."""
        with self._lock:
            for tally in tallies:
                sources = self._counts.setdefault(tally.minute, {})
                sources[tally.source] = sources.get(tally.source, 0) + tally.requests

    @property
    def pending(self) -> int:
        """Requests counted and not yet taken."""
        with self._lock:
            return sum(sum(s.values()) for s in self._counts.values())


def seconds_to_next_minute(clock: Callable[[], float] = time.time) -> float:
    """Seconds until a second past the next minute (when the last one has ended)."""
    now = clock()
    return 60 - now % 60 + 1
