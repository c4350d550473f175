"""A throwaway PostgreSQL server for tests and benchmarks (initdb + pg_ctl on a temp dir).

Runs the server binaries of Debian's postgresql package (/usr/lib/postgresql/*/bin)
or those on PATH. initdb refuses to run as root: then the cluster belongs to the
`postgres` user (else `nobody`) and the commands run through `runuser`.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg


def server_binaries() -> Path | None:
    """The directory holding initdb and pg_ctl, or None if PostgreSQL is not installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


class PgCluster:
    """One server on a free loopback port; `url(db)` gives SQLAlchemy URLs into it."""

    def __init__(self, *, durable: bool = False) -> None:
        binaries = server_binaries()
        if binaries is None:
            raise FileNotFoundError("PostgreSQL server binaries (initdb, pg_ctl) not found")
        self.bin = binaries
        self.durable = durable
        self.prefix: list[str] = []
        self.root = Path(tempfile.mkdtemp(prefix="veil-pg-"))
        if os.geteuid() == 0:
            user = _unprivileged_user()
            entry = pwd.getpwnam(user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
            self.prefix = ["runuser", "-u", user, "--"]
        self.data = self.root / "data"
        self.port = 0

    def start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        settings = "-c listen_addresses=127.0.0.1 -c unix_socket_directories='' " \
                   "-c max_connections=50 -c shared_buffers=256MB"
        if not self.durable:
            settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        for _ in range(5):  # the free port may be taken between the probe and the start
            self.port = _free_port()
            done = subprocess.run(
                [*self.prefix, str(self.bin / "pg_ctl"), "-D", str(self.data), "-l",
                 str(self.root / "server.log"), "-w", "-t", "60", "-o",
                 f"-p {self.port} {settings}", "start"],
                capture_output=True, text=True, check=False)
            if done.returncode == 0:
                return
        raise RuntimeError(f"PostgreSQL did not start: {done.stderr.strip()}\n"
                           f"{(self.root / 'server.log').read_text(errors='replace')[-2000:]}")

    def stop(self) -> None:
        if self.data.exists():
            subprocess.run([*self.prefix, str(self.bin / "pg_ctl"), "-D", str(self.data),
                            "-m", "immediate", "-w", "stop"], capture_output=True, check=False)
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh empty database; its SQLAlchemy URL."""
        name = f"vault_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres",
                             dbname="postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type,unused-ignore]
        return self.url(name)

    def _run(self, program: str, *args: str) -> None:
        subprocess.run([*self.prefix, str(self.bin / program), *args], check=True,
                       capture_output=True)


def _unprivileged_user() -> str:
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise RuntimeError("running as root and neither a postgres nor a nobody user exists")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
