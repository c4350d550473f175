"""Running the service: uvicorn on a socket bound here, in one process or several.

Why several processes: one Python process runs its event loop (HTTP parsing, FastAPI,
JSON) and the vault's work under one lock, the GIL, so it uses one core at most. With
``workers > 1`` the parent binds the listening socket, starts that many worker
processes (``spawn``: each a fresh interpreter that opens its own vault connection),
and the kernel hands each new connection to one of them. The workers share nothing
but the database: every write is a transaction, and the audit log's head row (a row
lock on PostgreSQL, the database lock on SQLite) puts their entries in one chain;
each worker still groups its own re-identifications into shared transactions
(`veil.service.broker`). On PostgreSQL a worker waiting for the head is woken when it
is free; on SQLite the workers' writers take a file lock first (`veil.io.db`), which
wakes the next one when it is free (SQLite's own busy handler sleeps and polls).

Each worker counts requests without a valid token itself (`veil.service.denials`), so
with N workers a source may get up to N entries a minute. Token checks read the
database on every request in every worker (a re-identification: inside its batch's
transaction, `veil.service.broker`): a revocation counts everywhere at once.

The parent stops every worker (SIGTERM: each finishes its requests and writes its
counts) when it gets SIGTERM or SIGINT, and when any worker exits on its own: the
service then exits 1, for its supervisor (systemd, a container runtime) to restart.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path
from types import FrameType
from typing import Any

from veil.errors import UsageError

multiprocessing.allow_connection_pickling()  # a listening socket goes to each worker


@dataclass(frozen=True)
class Settings:
    """What a process needs to run the service (no key material: a worker reads the key
    file, or $VEIL_MASTER_KEY, itself)."""

    vault: str
    key_file: Path | None
    witness: Path | None
    witness_log: Path | None
    max_body_bytes: int
    max_items: int
    body_timeout: float
    header_timeout: float
    max_connections: int
    ssl_certfile: Path | None
    ssl_keyfile: Path | None


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket on `host`:`port`; a UsageError if it cannot be had.

    Made with the TCP protocol number and TCP_NODELAY (inherited by the connections it
    accepts): asyncio turns Nagle's algorithm off only on sockets whose protocol is
    IPPROTO_TCP, and with Nagle on, a response written in two parts (head, then body)
    waits for the client's delayed ACK, 40 ms on Linux.
    """
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP,
            flags=socket.AI_PASSIVE)[0]
        sock = socket.socket(family, kind, proto)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.bind(address)
            sock.listen(2048)
        except BaseException:
            sock.close()
            raise
        return sock
    except OSError as error:
        raise UsageError(f"cannot listen on {host} port {port} "
                         f"({error.strerror or type(error).__name__})",
                         hint="choose another --port, or stop what holds this one") from None


def serve_process(settings: Settings, sock: socket.socket) -> None:
    """Run the service in this process on `sock` until SIGTERM or SIGINT."""
    import logging

    import uvicorn

    # a log line per request: skip what no format here prints (the caller's file and line,
    # found by walking the stack; thread and process names), per the logging HOWTO's
    # "Optimization" section
    logging._srcfile = None
    logging.logThreads = logging.logProcesses = logging.logMultiprocessing = False

    from veil.service._protocol import protocol_class
    from veil.service.app import create_app
    from veil.vault import MasterKey, Vault
    from veil.vault.anchoring import AnchorOptions

    key = (MasterKey.from_file(settings.key_file) if settings.key_file is not None
           else MasterKey.from_env())
    vault = Vault.open(settings.vault, key,
                       anchor=AnchorOptions(settings.witness, settings.witness_log))
    try:
        app = create_app(vault, key, max_body_bytes=settings.max_body_bytes,
                         max_items=settings.max_items, body_timeout=settings.body_timeout)
        config = uvicorn.Config(
            app, access_log=False, server_header=False, log_config=log_config(),
            proxy_headers=False, ws="none", lifespan="on",
            # libuv's event loop: about a tenth less CPU per request than asyncio's
            # (BENCHMARKS.md, service latency)
            loop="uvloop",
            http=protocol_class(header_timeout=settings.header_timeout,
                                max_connections=settings.max_connections),
            # a request in progress may hold shutdown up to its body timeout
            timeout_graceful_shutdown=int(settings.body_timeout) + 5,
            ssl_certfile=None if settings.ssl_certfile is None else str(settings.ssl_certfile),
            ssl_keyfile=None if settings.ssl_keyfile is None else str(settings.ssl_keyfile))
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        vault.close()


def _worker(settings: Settings, sock: socket.socket) -> None:
    """A worker process's entry point (spawned)."""
    serve_process(settings, sock)


def serve_workers(settings: Settings, sock: socket.socket, workers: int) -> int:
    """Run `workers` worker processes on `sock` until a signal, or until one exits;
    the exit status for the service (0 after a signal, 1 when a worker failed)."""
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=_worker, args=(settings, sock),
                                 name=f"veil-worker-{i}", daemon=False)
                 for i in range(workers)]
    stopping = False

    def stop(signum: int, _: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    previous: dict[int, Any] = {s: signal.signal(s, stop)
                                for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        for process in processes:
            process.start()
        _say(f"veil: {workers} worker processes (pids "
             f"{', '.join(str(p.pid) for p in processes)})")
        while not stopping and all(p.is_alive() for p in processes):
            wait([p.sentinel for p in processes], timeout=0.5)
        failed = not stopping
        if failed:
            dead = [p for p in processes if not p.is_alive()]
            _say(f"veil: error: worker {dead[0].pid} exited (status {dead[0].exitcode}); "
                 "stopping the others")
        _stop(processes, grace=settings.body_timeout + 10)
        return 1 if failed else 0
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _say(text: str) -> None:  # the parent has no logging set up: uvicorn's is per worker
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def _stop(processes: Sequence[multiprocessing.process.BaseProcess], *, grace: float) -> None:
    for process in processes:
        if process.is_alive() and process.pid is not None:
            os.kill(process.pid, signal.SIGTERM)
    for process in processes:
        process.join(grace)
        if process.is_alive():
            process.kill()
            process.join(5)


def log_config() -> dict[str, Any]:
    """uvicorn's logging plus the service's own line per request (route template only)."""
    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = {**LOGGING_CONFIG, "loggers": dict(LOGGING_CONFIG["loggers"])}
    config["loggers"]["veil.service"] = {"handlers": ["default"], "level": "INFO",
                                         "propagate": False}
    return config
