"""Web latency under load: logging a set and loading today's session at a fixed request rate.

Run: ``PYTHONPATH=src python bench/web_latency.py [--rate 200] [--seconds 10] [--postgres URL]``.

For each database (the embedded SQLite file, and PostgreSQL when ``--postgres`` or
``SPINEWISE_TEST_POSTGRES_URL`` names a server; the benchmark works in a schema of its own and
drops it afterwards) it starts ``spinewise serve`` on a free 127.0.0.1 port, prepares one user
with a profile, a plan and a started session, and then runs a separate load-generating process
(asyncio + httpx) that sends requests open-loop at ``--rate`` per second for ``--seconds``:

- ``GET /healthz``: the baseline, a route that touches neither the session nor the database;
- ``GET /api/v1/today``: today's session (session lookup, plan read, catalogue names);
- ``POST /api/v1/logs/sessions/{id}/sets``: one new set per request (CSRF check, one write
  transaction; SQLite commits with ``synchronous=FULL``).

The generator is a minimal HTTP/1.1 keep-alive client on asyncio streams (up to 64
connections), so that its own cost stays small beside the server's.

Latency is measured from each request's scheduled start (so a server that falls behind is
charged for the queue, no coordinated omission). Target: p99 <= 20 ms at 200 requests per
second on SQLite. Traffic goes only to 127.0.0.1 and every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from spinewise.profile import EXAMPLE_MINIMAL

SCENARIOS = ("healthz", "today", "log_set")
EMAIL = "bench@spinewise.local"
PASSWORD = "bench-password-1"


# --- the load generator (runs in its own process) ---------------------------------------------
#
# A minimal HTTP/1.1 keep-alive client on asyncio streams: requests are pre-built bytes and
# responses are read by Content-Length, so that the generator spends far less CPU per request
# than a general client would, and the figures are the server's.


class _Pool:
    """Keep-alive connections to one host, opened on demand up to ``size``."""

    def __init__(self, host: str, port: int, size: int) -> None:
        self.host, self.port, self.size = host, port, size
        self.idle: asyncio.Queue[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = (
            asyncio.Queue()
        )
        self.opened = 0

    async def request(self, raw: bytes) -> int:
        if self.idle.empty() and self.opened < self.size:
            self.opened += 1
            conn = await asyncio.open_connection(self.host, self.port)
        else:
            conn = await self.idle.get()
        reader, writer = conn
        writer.write(raw)
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        if length:
            await reader.readexactly(length)
        self.idle.put_nowait(conn)
        return status

    async def close(self) -> None:
        while not self.idle.empty():
            _, writer = self.idle.get_nowait()
            writer.close()


def _raw(method: str, path: str, host: str, setup: dict[str, Any], body: bytes = b"") -> bytes:
    lines = [
        f"{method} {path} HTTP/1.1",
        f"Host: {host}",
        f"Cookie: sw_session={setup['cookie']}",
        f"X-CSRF-Token: {setup['csrf']}",
        "Accept: application/json",
    ]
    if body:
        lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def _generate(args: argparse.Namespace) -> dict[str, Any]:
    setup = json.loads(args.setup)
    parsed = httpx.URL(args.url)
    host = f"{parsed.host}:{parsed.port}"
    pool = _Pool(parsed.host, int(parsed.port or 80), size=64)
    total = int(args.rate * args.seconds)
    latencies_ms: list[float] = []
    errors: dict[str, int] = {}

    def build(i: int) -> bytes:
        if args.scenario == "healthz":
            return _raw("GET", "/healthz", host, setup)
        if args.scenario == "today":
            return _raw("GET", "/api/v1/today", host, setup)
        body = json.dumps(
            {
                "exercise_id": setup["exercise_id"],
                "set_number": i + 1,
                "reps": 8,
                "load_kg": 20.0,
                "rpe": 7,
            }
        ).encode()
        return _raw("POST", f"/api/v1/logs/sessions/{setup['session_id']}/sets", host, setup, body)

    requests = [build(i) for i in range(total)]

    async def one(i: int, due: float) -> None:
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        try:
            status = await asyncio.wait_for(pool.request(requests[i]), timeout=30)
            key, ok = str(status), status < 400
        except (OSError, asyncio.IncompleteReadError, TimeoutError) as err:
            key, ok = type(err).__name__, False
        latencies_ms.append((time.perf_counter() - due) * 1000.0)
        if not ok:
            errors[key] = errors.get(key, 0) + 1

    for _ in range(20):  # warm-up, not measured
        await pool.request(_raw("GET", "/healthz", host, setup))
    start = time.perf_counter() + 0.05
    tasks = [asyncio.create_task(one(i, start + i / args.rate)) for i in range(total)]
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - start
    await pool.close()
    return {"latencies_ms": latencies_ms, "errors": errors, "elapsed_s": elapsed, "sent": total}


# --- the orchestrator ------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_server(database_url: str, data_dir: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {
        **os.environ,
        "SPINEWISE_DATABASE_URL": database_url,
        "SPINEWISE_DATA_DIR": str(data_dir),
    }
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(Path(__file__).resolve().parents[1] / "src"), env.get("PYTHONPATH")])
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "spinewise.cli.app", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=1.0).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(
        f"spinewise serve did not start: {proc.stderr.read().decode() if proc.stderr else ''}"
    )


def _prepare(url: str) -> dict[str, Any]:
    with httpx.Client(base_url=url, timeout=60.0) as client:
        creds = {"email": EMAIL, "password": PASSWORD}
        client.post("/api/v1/auth/signup", json=creds).raise_for_status()
        login = client.post("/api/v1/auth/login", json=creds)
        login.raise_for_status()
        csrf = login.json()["csrf_token"]
        client.headers["X-CSRF-Token"] = csrf
        client.put("/api/v1/profile", json=EXAMPLE_MINIMAL).raise_for_status()
        client.post("/api/v1/plans", json={"weeks": 8}).raise_for_status()
        today = client.get("/api/v1/today").json()
        started = client.post("/api/v1/logs/today/start", json={"pain_before": 1})
        started.raise_for_status()
        return {
            "csrf": csrf,
            "cookie": client.cookies["sw_session"],
            "session_id": started.json()["id"],
            "exercise_id": today["items"][0]["exercise_id"],
        }


def _run_load(
    url: str, setup: dict[str, Any], scenario: str, rate: float, seconds: float
) -> dict[str, Any]:
    cmd = [
        sys.executable,
        __file__,
        "--generate",
        "--url",
        url,
        "--scenario",
        scenario,
        "--rate",
        str(rate),
        "--seconds",
        str(seconds),
        "--setup",
        json.dumps(setup),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds * 6 + 60, check=True)
    return dict(json.loads(done.stdout))


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _measure(label: str, database_url: str, args: argparse.Namespace) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="spinewise-bench-") as folder:
        proc, url = _start_server(database_url, Path(folder))
        try:
            setup = _prepare(url)
            rows = []
            for scenario in SCENARIOS:
                result = _run_load(url, setup, scenario, args.rate, args.seconds)
                lat = result["latencies_ms"]
                rows.append(
                    {
                        "database": label,
                        "scenario": scenario,
                        "requests": len(lat),
                        "rate": len(lat) / max(result["elapsed_s"], 1e-9),
                        "p50": statistics.median(lat),
                        "p99": _quantile(lat, 0.99),
                        "max": max(lat),
                        "errors": sum(result["errors"].values()),
                    }
                )
            return rows
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


def _postgres_schema(base: str) -> tuple[str, Any]:
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    return url.render_as_string(hide_password=False), drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200.0, help="requests per second")
    parser.add_argument("--seconds", type=float, default=10.0, help="per scenario")
    parser.add_argument("--postgres", default=os.environ.get("SPINEWISE_TEST_POSTGRES_URL"))
    parser.add_argument("--generate", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--scenario", choices=SCENARIOS, help=argparse.SUPPRESS)
    parser.add_argument("--setup", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not 1 <= args.rate <= 1000 or not 1 <= args.seconds <= 120:
        raise SystemExit("--rate must be 1 to 1000 and --seconds 1 to 120")
    if args.generate:
        print(json.dumps(asyncio.run(_generate(args))))
        return
    rows = []
    with tempfile.TemporaryDirectory(prefix="spinewise-bench-db-") as folder:
        rows += _measure("SQLite", f"sqlite:///{Path(folder) / 'bench.db'}", args)
    if args.postgres:
        url, drop = _postgres_schema(args.postgres)
        try:
            rows += _measure("PostgreSQL", url, args)
        finally:
            drop()
    print(
        f"Web latency at {args.rate:g} requests/s for {args.seconds:g} s per scenario "
        "(open loop, from the scheduled start; one uvicorn worker; load from a separate process)"
    )
    heads = ("database", "scenario", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "errors")
    widths = (-11, -9, 8, 7, 7, 7, 7, 6)
    print(
        " ".join(f"{h:<{-w}}" if w < 0 else f"{h:>{w}}" for h, w in zip(heads, widths, strict=True))
    )
    for r in rows:
        print(
            f"{r['database']:<11} {r['scenario']:<9} {r['requests']:>8} {r['rate']:>7.1f} "
            f"{r['p50']:>7.2f} {r['p99']:>7.2f} {r['max']:>7.1f} {r['errors']:>6}"
        )
    target = [r for r in rows if r["database"] == "SQLite" and r["scenario"] != "healthz"]
    verdict = all(r["p99"] <= 20.0 for r in target)
    print(f"Target p99 <= 20 ms on SQLite for today and log_set: {'met' if verdict else 'NOT met'}")


if __name__ == "__main__":
    main()
