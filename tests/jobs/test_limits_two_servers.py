"""The login limit holds across two real server processes sharing one database (or Redis)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from spinewise.store import create_engine_from_url, ensure_current


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _server(env: dict[str, str]) -> Iterator[str]:
    port = _free_port()
    cmd = [
        sys.executable, "-m", "uvicorn", "spinewise.cli.serve:make_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None, proc.communicate()[1]
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.communicate(timeout=20)


@pytest.mark.slow
@pytest.mark.parametrize("shared", ["database", "redis"])
def test_the_login_limit_holds_across_two_server_processes(
    shared: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    db = tmp_path / "web.db"
    engine = create_engine_from_url(f"sqlite:///{db}")
    ensure_current(engine)
    engine.dispose()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPINEWISE_")}
    env.update(
        SPINEWISE_DATABASE_URL=f"sqlite:///{db}",
        SPINEWISE_WEB_ARGON2_MEMORY_KIB="64",
        SPINEWISE_WEB_ARGON2_TIME_COST="1",
        SPINEWISE_WEB_ARGON2_PARALLELISM="1",
        # Other runs on this machine share Redis: only the per-account limit is under test.
        SPINEWISE_WEB_LOGIN_MAX_FAILURES_PER_ADDRESS="1000000",
        SPINEWISE_WEB_SIGNUP_MAX_PER_ADDRESS="1000000",
    )
    if shared == "redis":
        env["SPINEWISE_REDIS_URL"] = request.getfixturevalue("redis_url")
        env["SPINEWISE_JOB_QUEUE"] = f"test-{uuid.uuid4().hex[:12]}"
    email = f"victim-{uuid.uuid4().hex[:8]}@example.org"
    password = "correct horse battery"
    wrong = {"email": email, "password": "not the password"}
    with _server(env) as one, _server(env) as two:
        r = httpx.post(one + "/api/v1/auth/signup", json={"email": email, "password": password})
        assert r.status_code == 201, r.text
        for url in (one, two, one, two, one):  # five failures, split over the two processes
            assert httpx.post(url + "/api/v1/auth/login", json=wrong).status_code == 401
        blocked = httpx.post(two + "/api/v1/auth/login", json={**wrong, "password": password})
        assert blocked.status_code == 429
        assert int(blocked.headers["Retry-After"]) > 0
        assert httpx.post(one + "/api/v1/auth/login", json=wrong).status_code == 429
