"""Latency of one re-identification request to `veil serve`, with N concurrent clients.

Sets up a vault in a temp dir (a scope with --codes codes and a broker token): a SQLite
file, or with ``--backend postgresql`` a database in a throwaway PostgreSQL server
(tests/vault/pgcluster.py, durable: fsync and synchronous commit on), starts `veil serve`
(``--workers N`` processes) on a free loopback port, then runs --clients asyncio clients,
each sending --requests re-identifications of one random code. Prints median, p90, p99
and max latency and the throughput, after a warm-up, and how many re-identifications
shared a transaction (group commit; from the service's log, warm-up included), and the
CPU time per request of the service (all its processes) and of the load generator, which
share the machine's cores: on a busy machine the CPU per request is the steadier figure.
Target: median < 20 ms, p99 < 50 ms with 32 clients.

The clients are a bare HTTP/1.1 keep-alive client on asyncio streams (0.1 ms of CPU per
request); ``--httpx`` uses httpx instead (about 4 ms per request: on 2 shared cores that
measures the client more than the service).

Two loads:

* closed loop (default): each client sends its next request as soon as the last one is
  answered, so the service is saturated and latency = clients / throughput;
* open loop (``--rate R``): the clients together send R requests per second at fixed
  times, whether or not earlier ones were answered (latency at a given load).

    .venv/bin/python bench/service.py [--clients 32] [--requests 200] [--rate R]
                                      [--backend sqlite|postgresql] [--workers N] [--httpx]

``--batch-cap 1`` runs the service with one re-identification per transaction (group
commit off), to compare under the same conditions.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import json as _json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

import httpx

from veil.service.tokens import TokenStore
from veil.vault import MasterKey, Vault


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _setup(workdir: Path, codes: int, url: str | None = None,
           ) -> tuple[str, Path, str, list[str]]:
    url = url or f"sqlite:///{workdir / 'vault.db'}"
    MasterKey.generate().write(workdir / "master.key")
    key = MasterKey.from_file(workdir / "master.key")
    with Vault.create(url, key) as vault:
        vault.add_scope("org-a", actor="bench")
        assigned = vault.assign("org-a", [f"MRN{i:08d}" for i in range(codes)], actor="bench")
        token = TokenStore(vault.engine, key).issue("broker", ["org-a"], label="bench").token
    return url, workdir / "master.key", token, assigned


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of process `pid` and its reaped and live children."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for one in pids:
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(f) for f in fields[11:15]) / ticks  # utime stime cutime cstime
    return total


def _serve(url: str, key_file: Path, port: int, log: Path,
           batch_cap: int | None = None, workers: int = 1) -> subprocess.Popen[bytes]:
    launch = ["-m", "veil"]
    if batch_cap is not None:  # patch the broker's cap in the service process only
        launch = ["-c", "import sys, veil.service.broker as b; sys.argv[0] = 'veil'; "
                  f"b.BATCH_REQUESTS = {batch_cap}; from veil.cli import main; main()"]
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, *launch, "serve", "--vault", url, "--key-file", str(key_file),
             "--port", str(port), "--workers", str(workers)], stdout=sink, stderr=sink,
            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.05)
    process.kill()
    raise SystemExit(f"veil serve did not start; see {log}")


class _RawClient:
    """A bare HTTP/1.1 keep-alive client on asyncio streams (a pool of idle connections):
    it costs the benchmark machine far less CPU than httpx, which shares the CPUs with
    the service (``--raw``: to tell the service's latency from the client's)."""

    def __init__(self, port: int, token: str) -> None:
        self.port = port
        self.token = token
        self.idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
        self.all: list[asyncio.StreamWriter] = []

    async def post(self, path: str, *, json: Mapping[str, object]) -> httpx.Response:
        body = _json.dumps(json).encode()
        request = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                   f"{self.token}\r\nContent-Type: application/json\r\nContent-Length: "
                   f"{len(body)}\r\n\r\n").encode() + body
        for fresh in (False, True):  # the server closes connections idle for 5 s
            if self.idle and not fresh:
                reader, writer = self.idle.pop()
            else:
                reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
                self.all.append(writer)
            try:
                writer.write(request)
                await writer.drain()
                head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
            except (asyncio.IncompleteReadError, ConnectionError):
                writer.close()
                continue
            size = next(int(h.split(":")[1]) for h in head
                        if h.lower().startswith("content-length"))
            content = await reader.readexactly(size)
            self.idle.append((reader, writer))
            return httpx.Response(int(head[0].split()[1]), content=content)
        raise ConnectionError("the service closed a new connection")

    async def aclose(self) -> None:
        for writer in self.all:
            writer.close()


Client = httpx.AsyncClient | _RawClient


RETRIES = [0]  # requests sent again after httpx met a keep-alive connection the server closed


async def _client(client: Client, codes: list[str], requests: int,
                  latencies: list[float], batch: int = 1) -> None:
    for _ in range(requests):
        body = {"codes": random.sample(codes, batch), "purpose": "benchmark"}
        started = time.perf_counter()
        try:
            answer = await client.post("/v1/scopes/org-a/reidentify", json=body)
        except (httpx.ReadError, httpx.RemoteProtocolError):  # as _RawClient does: once
            RETRIES[0] += 1
            answer = await client.post("/v1/scopes/org-a/reidentify", json=body)
        latencies.append(time.perf_counter() - started)
        if answer.status_code != 200:
            raise SystemExit(f"unexpected status {answer.status_code}: {answer.text}")


async def _paced(client: Client, codes: list[str], requests: int, period: float,
                 latencies: list[float], batch: int) -> None:
    """Open loop: one request every `period` seconds (random phase), not waiting."""
    await asyncio.sleep(random.uniform(0, period))
    start = time.perf_counter()
    pending = []
    for i in range(requests):
        await asyncio.sleep(max(0.0, start + i * period - time.perf_counter()))
        pending.append(asyncio.create_task(_client(client, codes, 1, latencies, batch)))
    await asyncio.gather(*pending)


async def _run(port: int, token: str, codes: list[str], clients: int, requests: int,
               rate: float | None, batch: int, raw: bool) -> tuple[list[float], float]:
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    client: Client
    if raw:
        client = _RawClient(port, token)
    else:
        client = httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", limits=limits,
                                   timeout=30, headers={"Authorization": f"Bearer {token}"})
    try:
        await asyncio.gather(*(_client(client, codes, 5, []) for _ in range(clients)))  # warm
        latencies: list[float] = []
        started = time.perf_counter()
        if rate is None:
            await asyncio.gather(*(_client(client, codes, requests, latencies, batch)
                                   for _ in range(clients)))
        else:
            await asyncio.gather(*(_paced(client, codes, requests, clients / rate, latencies,
                                          batch) for _ in range(clients)))
        return latencies, time.perf_counter() - started
    finally:
        await client.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--requests", type=int, default=200, help="per client")
    parser.add_argument("--codes", type=int, default=10_000, help="codes in the scope")
    parser.add_argument("--rate", type=float, default=None,
                        help="open loop: total requests per second (default: closed loop)")
    parser.add_argument("--batch", type=int, default=1, help="codes per request")
    parser.add_argument("--httpx", action="store_true",
                        help="httpx as the client instead of the bare asyncio one (the "
                        "default since 2026-12-04): ~4 ms of client CPU per request, so on "
                        "a 2-core machine it measures the client more than the service")
    parser.add_argument("--raw", action="store_true",
                        help="the bare asyncio client (the default; kept for old commands)")
    parser.add_argument("--batch-cap", type=int, default=None,
                        help="most re-identifications per transaction (1: no group commit)")
    parser.add_argument("--workers", type=int, default=1, help="veil serve --workers")
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    cluster = None
    if args.backend == "postgresql":
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from tests.vault.pgcluster import PgCluster

        cluster = PgCluster(durable=True)
        cluster.start()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        url, key_file, token, codes = _setup(
            workdir, args.codes, None if cluster is None else cluster.new_database())
        port = _free_port()
        server = _serve(url, key_file, port, workdir / "serve.log", args.batch_cap,
                        args.workers)
        try:
            cpu_before = _cpu_seconds(server.pid)
            client_before = time.process_time()
            latencies, seconds = asyncio.run(
                _run(port, token, codes, args.clients, args.requests, args.rate, args.batch,
                     not args.httpx))
            service_cpu = _cpu_seconds(server.pid) - cpu_before
            client_cpu = time.process_time() - client_before
        except BaseException:  # the service's side of it (its log names routes, no values)
            state = "was running" if server.poll() is None else f"exited ({server.poll()})"
            print(f"veil serve {state}; its log ends with:", file=sys.stderr)
            print((workdir / "serve.log").read_text(errors="replace")[-3000:], file=sys.stderr)
            raise
        finally:
            server.terminate()
            server.wait(30)
            if cluster is not None:
                cluster.stop()
        grouped = re.findall(r"group commit: (\d+) re-identifications in (\d+) transactions",
                             (workdir / "serve.log").read_text(errors="replace"))
        handled = sum(int(g[0]) for g in grouped)
        transactions = sum(int(g[1]) for g in grouped)
    ms = sorted(x * 1000 for x in latencies)
    result = {
        "clients": args.clients, "requests": len(ms), "codes_in_scope": args.codes,
        "load": "closed loop" if args.rate is None else f"open loop, {args.rate:g}/s",
        "codes_per_request": args.batch, "client": "httpx" if args.httpx else "raw asyncio",
        "batch_cap": args.batch_cap,
        "median_ms": round(statistics.median(ms), 2),
        "p90_ms": round(ms[int(0.90 * (len(ms) - 1))], 2),
        "p99_ms": round(ms[int(0.99 * (len(ms) - 1))], 2), "max_ms": round(ms[-1], 2),
        "requests_per_s": round(len(ms) / seconds, 1), "cpus": os.cpu_count(),
        "load_average": round(load, 2),
        "backend": args.backend, "workers": args.workers,
        "per_transaction": (round(handled / max(1, transactions), 1) if grouped else None),
        "retries": RETRIES[0],
        # warm-up included (5 requests a client): CPU per request of each side
        "service_cpu_ms": round(service_cpu * 1000 / (len(ms) + 5 * args.clients), 3),
        "client_cpu_ms": round(client_cpu * 1000 / (len(ms) + 5 * args.clients), 3),
        "load_average_after": round(os.getloadavg()[0], 2),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{args.backend}, {args.workers} worker(s): "
              f"{result['requests']} re-identifications of {args.batch} code(s) "
              f"({result['load']}, {result['client']} client), "
              f"{args.clients} concurrent clients, "
              f"{os.cpu_count()} CPUs: median {result['median_ms']} ms, p90 "
              f"{result['p90_ms']} ms, p99 {result['p99_ms']} ms, max {result['max_ms']} ms; "
              f"{result['requests_per_s']} requests/s, {result['per_transaction']} "
              f"re-identifications per transaction, {RETRIES[0]} sent again; CPU per request: "
              f"service {result['service_cpu_ms']} ms, client {result['client_cpu_ms']} ms "
              f"(load average before: {result['load_average']}, after: "
              f"{result['load_average_after']})")


if __name__ == "__main__":
    main()
