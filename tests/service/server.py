"""Start `veil serve` as a real uvicorn process on a free loopback port, and talk to it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from veil.vault import MasterKey, Vault

SCOPES = {"org-a": False, "org-b": False, "hub": True}  # name -> master


def make_vault(url: str, key_file: Path) -> None:
    """A vault with two organization scopes and one master scope; its key in `key_file`."""
    key = MasterKey.generate()
    key.write(key_file)
    vault = Vault.create(url, key)
    try:
        for name, master in SCOPES.items():
            vault.add_scope(name, actor="test:setup", master=master)
    finally:
        vault.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    """A running `veil serve` process; `secrets` collects every token seen, for leak checks."""

    process: subprocess.Popen[bytes]
    url: str
    logs: Path
    admin: str
    vault_url: str
    key_file: Path
    secrets: list[str] = field(default_factory=list)
    _sessions: dict[str | None, httpx.Client] = field(default_factory=dict)

    def client(self, token: str | None = None) -> httpx.Client:
        """A new client sending `token` (close it; `session` is cheaper)."""
        headers = {} if token is None else {"Authorization": f"Bearer {token}"}
        return httpx.Client(base_url=self.url, headers=headers, timeout=10)

    def session(self, token: str | None = None) -> httpx.Client:
        """A client kept open for `token` (a new httpx client costs tens of ms)."""
        if token not in self._sessions:
            self._sessions[token] = self.client(token)
        return self._sessions[token]

    def log_text(self) -> str:
        return "".join(p.read_text(encoding="utf-8", errors="replace")
                       for p in sorted(self.logs.glob("*.log")))

    def stop(self) -> None:
        for session in self._sessions.values():
            session.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


def start_server(vault_url: str, key_file: Path, workdir: Path, *extra: str) -> Server:
    """`veil serve` on a free port, logging to WORKDIR/*.log; waits until /healthz answers."""
    admin_file = workdir / "admin.token"
    env = {k: v for k, v in os.environ.items() if k != "VEIL_MASTER_KEY"}
    env["PYTHONUNBUFFERED"] = "1"
    last: Exception | None = None
    for _attempt in range(3):  # another process may take the port between probe and bind
        port = free_port()
        out = (workdir / f"stdout-{port}.log").open("wb")
        err = (workdir / f"stderr-{port}.log").open("wb")
        process = subprocess.Popen(
            [sys.executable, "-m", "veil", "serve", "--vault", vault_url, "--key-file",
             str(key_file), "--port", str(port), "--bootstrap-admin-token", str(admin_file),
             *extra], stdout=out, stderr=err, env=env, cwd=workdir)
        out.close()
        err.close()
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    admin = admin_file.read_text(encoding="utf-8").strip()
                    return Server(process, url, workdir, admin, vault_url, key_file,
                                  [admin])
            except httpx.TransportError as error:
                last = error
            time.sleep(0.05)
        if process.poll() is None:
            process.kill()
            process.wait(10)
    logs = "".join(p.read_text(errors="replace") for p in workdir.glob("*.log"))
    raise RuntimeError(f"veil serve did not start ({last!r}):\n{logs}")
