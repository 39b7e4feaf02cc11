"""The real server for the abuse tests: ``spinewise serve`` (uvicorn, 127.0.0.1) as a subprocess."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from web.web_helpers import PASSWORD

__all__ = ["Server", "free_port", "start_server", "stop_server"]

#: How long a server may take to start [s] (a few seconds, far more on a loaded machine).
START_PATIENCE_S = 120.0


def free_port() -> int:
    """A TCP port nobody listens on (at the time of asking)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A ``spinewise serve`` process and where it listens."""

    def __init__(self, proc: subprocess.Popen[bytes], port: int) -> None:
        self.proc = proc
        self.port = port
        self.url = f"http://127.0.0.1:{port}"

    def _status_kb(self, field: str) -> int:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
        raise AssertionError(f"no {field} in /proc")

    def peak_kb(self) -> int:
        """The process's peak resident memory [kB] (VmHWM)."""
        return self._status_kb("VmHWM")

    def rss_kb(self) -> int:
        """The process's resident memory now [kB] (VmRSS)."""
        return self._status_kb("VmRSS")

    def client(self, email: str | None = None) -> httpx.Client:
        """A logged-in API client (a fresh account, or ``email``'s if given and signed up)."""
        c = httpx.Client(base_url=self.url, timeout=60)
        if email is None:
            email = f"u{time.monotonic_ns()}@example.org"
            r = c.post("/api/v1/auth/signup", json={"email": email, "password": PASSWORD})
            assert r.status_code == 201, r.text
        r = c.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
        assert r.status_code == 200, r.text
        c.headers["X-CSRF-Token"] = r.json()["csrf_token"]
        return c


def start_server(db_url: str, folder: Path, **env: str) -> Server:
    """Start ``spinewise serve`` on ``db_url``, its data in ``folder``; wait until it answers."""
    port = free_port()
    environment = {
        **os.environ,
        "SPINEWISE_DATABASE_URL": db_url,
        "SPINEWISE_DATA_DIR": str(folder),
        "SPINEWISE_WEB_ARGON2_MEMORY_KIB": "64",
        "SPINEWISE_WEB_ARGON2_TIME_COST": "1",
        "SPINEWISE_WEB_ARGON2_PARALLELISM": "1",
        **env,
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "spinewise.cli.app", "serve", "--port", str(port)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + START_PATIENCE_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"the server stopped: {proc.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return Server(proc, port)
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    proc.wait()
    if proc.stderr is not None:
        proc.stderr.close()
    raise AssertionError(f"the server did not start within {START_PATIENCE_S:.0f} s")


def stop_server(server: Server) -> None:
    """Stop the server (SIGTERM, then SIGKILL after 10 s) and close its pipe."""
    server.proc.terminate()
    try:
        server.proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        server.proc.wait()
    if server.proc.stderr is not None:
        server.proc.stderr.close()
