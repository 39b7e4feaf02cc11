"""The "Done when" figures of issue 16 on the real server: hostile requests and a huge log.

Run: ``PYTHONPATH=src python bench/abuse_limits.py [--sets 1000000] [--sets-per-session 20]
[--postgres URL] [--no-sqlite]``.

For each database (the SQLite file, and PostgreSQL when ``--postgres`` or
``SPINEWISE_TEST_POSTGRES_URL`` names a server: the benchmark creates a database of its own
there and drops it afterwards) ``spinewise serve`` runs as a subprocess on 127.0.0.1, as in
production (uvicorn, one worker). One account signs up and logs in; then

1. **hostile requests** (issue 16: "a 4xx within a second, memory under 500 MB"): a session
   dated year 1, a 100 MB JSON body and a 200 MB upload (API and page import routes), each
   with its length declared and sent chunked;
2. ``--sets`` sets are written straight into the account with a few bulk ``INSERT ... SELECT``
   statements (``--sets-per-session`` sets per session, the sessions spread over the ten years
   before today): seconds instead of the importer's minutes;
3. **the huge log** (issue 16: "the first page of the log and a streamed export stay under 500
   MB"): the first and the last page of ``GET /api/v1/logs/sessions`` and of the log
   page ``/sessions``, the progress page's load chart, the streamed exports (API
   ``/api/v1/export`` and page ``/data/export.{csv,json}``), read to the end; and
   ``spinewise log export`` run as its own process.

Memory is the server's resident set: its high-water mark (``VmHWM``) reset through
``/proc/<pid>/clear_refs`` before each request, so each row shows the peak of that request;
"after" is the resident size when the answer is in (memory given back or not). The CLI row
shows the export process's own peak (``ru_maxrss`` of ``wait4``). Times are from the first
byte sent to the last byte read. A row breaks a limit when its status is a 5xx, a hostile
request is not refused with a 4xx, a hostile request is answered after more than a second, or
the peak passes 500 MB; the script exits 1 if any row does.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import httpx

MB = 1024 * 1024
#: The issue's limits: a server under 500 MB, a refusal within a second.
MEMORY_LIMIT_MB = 500.0
REFUSE_WITHIN_S = 1.0
PASSWORD = "bench-password-abuse-limits-1"
START_PATIENCE_S = 120.0
#: How far back the seeded sessions reach [days].
SPAN_DAYS = 3650


@dataclass
class Row:
    """One measured request."""

    what: str
    status: int
    seconds: float
    peak_mb: float
    after_mb: float
    hostile: bool
    note: str = ""

    def broken(self) -> list[str]:
        """The limits this row breaks (empty when none)."""
        out = []
        if self.status >= 500:
            out.append("5xx")
        if self.hostile and not 400 <= self.status < 500:
            out.append("not refused")
        if self.hostile and self.seconds > REFUSE_WITHIN_S:
            out.append("over 1 s")
        if self.peak_mb > MEMORY_LIMIT_MB:
            out.append("over 500 MB")
        return out


class Server:
    """``spinewise serve`` as a subprocess, and its memory from /proc."""

    def __init__(self, db_url: str, folder: Path) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = int(s.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "SPINEWISE_DATABASE_URL": db_url,
            "SPINEWISE_DATA_DIR": str(folder),
            "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src"),
        }
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "spinewise.cli.app", "serve", "--port", str(self.port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + START_PATIENCE_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                err = self.proc.stderr.read().decode()[-2000:]  # type: ignore[union-attr]
                raise SystemExit(f"the server stopped: {err}")
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            time.sleep(0.2)
        self.stop()
        raise SystemExit("the server did not start")

    def _kb(self, field: str) -> int:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
        raise SystemExit(f"no {field} in /proc/{self.proc.pid}/status")

    def reset_peak(self) -> None:
        """Start a new high-water mark at the resident size now."""
        Path(f"/proc/{self.proc.pid}/clear_refs").write_text("5")

    def peak_mb(self) -> float:
        return self._kb("VmHWM") / 1024

    def rss_mb(self) -> float:
        return self._kb("VmRSS") / 1024

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        if self.proc.stderr is not None:
            self.proc.stderr.close()


def _login(server: Server, email: str) -> httpx.Client:
    c = httpx.Client(base_url=server.url, timeout=600)
    r = c.post("/api/v1/auth/signup", json={"email": email, "password": PASSWORD})
    assert r.status_code == 201, r.text
    r = c.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert r.status_code == 200, r.text
    c.headers["X-CSRF-Token"] = r.json()["csrf_token"]
    return c


def _measured(
    server: Server, what: str, call: Callable[[], tuple[int, str]], *, hostile: bool
) -> Row:
    server.reset_peak()
    started = time.perf_counter()
    status, note = call()
    seconds = time.perf_counter() - started
    return Row(what, status, seconds, server.peak_mb(), server.rss_mb(), hostile, note)


def _raw(port: int, head: bytes, body: Iterator[bytes]) -> tuple[int, str]:
    """Send ``head`` and then ``body`` piece by piece until the server answers; its status."""
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        sock.sendall(head)
        answer = b""
        for piece in body:
            sock.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                answer += sock.recv(65536)
            sock.setblocking(True)
            if answer:
                break
            try:
                sock.sendall(piece)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(piece)
        while b"\r\n" not in answer:
            more = sock.recv(65536)
            if not more:
                break
            answer += more
    return int(answer.split(b" ", 2)[1]), f"{sent // MB} MB sent"


def _auth_head(c: httpx.Client) -> bytes:
    cookies = "; ".join(f"{k}={v}" for k, v in c.cookies.items())
    return f"Cookie: {cookies}\r\nX-CSRF-Token: {c.headers['X-CSRF-Token']}\r\n".encode()


def _post_raw(
    server: Server, c: httpx.Client, path: str, kind: str, pieces: list[bytes], declared: bool
) -> Callable[[], tuple[int, str]]:
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {kind}\r\n".encode()
    head += _auth_head(c)
    if declared:
        head += f"Content-Length: {sum(len(p) for p in pieces)}\r\n\r\n".encode()
        body: Iterator[bytes] = iter(pieces)
    else:
        head += b"Transfer-Encoding: chunked\r\n\r\n"
        body = (f"{len(p):x}\r\n".encode() + p + b"\r\n" for p in [*pieces, b""])
    return lambda: _raw(server.port, head, body)


def _hostile(server: Server, c: httpx.Client) -> list[Row]:
    rows = []
    year_1 = {"started_at": "0001-01-01T10:00:00", "sets": []}
    rows.append(
        _measured(
            server,
            "session dated year 1",
            lambda: (c.post("/api/v1/logs/sessions", json=year_1).status_code, ""),
            hostile=True,
        )
    )
    mb = b"x" * MB
    json_pieces = [b'{"started_at": "2026-01-01T10:00:00", "notes": "' + mb, *([mb] * 99)]
    json_pieces[-1] += b'"}'
    for declared in (True, False):
        how = "declared" if declared else "chunked"
        call = _post_raw(
            server, c, "/api/v1/logs/sessions", "application/json", json_pieces, declared
        )
        rows.append(_measured(server, f"100 MB JSON body ({how})", call, hostile=True))
    boundary = "abuselimitsboundary"
    start = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="format"\r\n\r\nstrong\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="s.csv"\r\n'
        "Content-Type: text/csv\r\n\r\n"
    ).encode()
    line = b"2024-01-05 17:32:10,Back day,1h,Bird Dog,1,0,8,0,0,,,\n"
    piece = line * (MB // len(line))
    upload = [start + piece, *([piece] * 199), f"\r\n--{boundary}--\r\n".encode()]
    kind = f"multipart/form-data; boundary={boundary}"
    for path in ("/api/v1/import", "/data/import"):
        for declared in (True, False):
            how = "declared" if declared else "chunked"
            call = _post_raw(server, c, path, kind, upload, declared)
            rows.append(_measured(server, f"200 MB upload {path} ({how})", call, hostile=True))
    return rows


def _seed(db_url: str, email: str, n_sets: int, per_session: int) -> float:
    """Write ``n_sets`` sets for the user with two bulk ``INSERT ... SELECT``; the seconds taken.

    PostgreSQL's statistics are then gathered (``ANALYZE``, as autovacuum would soon after a
    large import); SQLite's are left alone, as the application leaves them.
    """
    from sqlalchemy import create_engine, text

    started = time.perf_counter()
    n_sessions = max(1, n_sets // per_session)
    step_s = SPAN_DAYS * 86400 // n_sessions
    first = (datetime.now() - timedelta(days=SPAN_DAYS + 1)).replace(microsecond=0)
    engine = create_engine(db_url)
    postgres = engine.dialect.name == "postgresql"
    if postgres:
        sessions_from = "(SELECT generate_series(0, :n - 1) AS i) AS s"
        with_sessions = ""
        when = "CAST(:first AS timestamp) + make_interval(secs => s.i * :step)"
        sets_from = "(SELECT generate_series(1, :per) AS k) AS k"
        with_sets = ""
    else:
        sessions_from = "s"
        with_sessions = (
            "WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < :n - 1) "
        )
        when = "datetime(:first, '+' || (s.i * :step) || ' seconds') || '.000000'"
        sets_from = "k"
        with_sets = (
            "WITH RECURSIVE k(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM k WHERE k < :per) "
        )
    with engine.begin() as conn:
        athlete = conn.execute(
            text("SELECT athlete_id FROM users WHERE email = :e"), {"e": email}
        ).scalar_one()
        base = conn.execute(text("SELECT COALESCE(MAX(id), 0) FROM session_logs")).scalar_one()
        conn.execute(
            text(
                f"{with_sessions}INSERT INTO session_logs (athlete_id, started_at, duration_min,"
                " session_rpe, pain_before, pain_during, pain_after, title, source)"
                f" SELECT :athlete, {when}, 45, 6, 1, 2, 1, 'Back day', 'bench'"
                f" FROM {sessions_from}"
            ),
            {"athlete": athlete, "first": first.isoformat(" "), "step": step_s, "n": n_sessions},
        )
        conn.execute(
            text(
                f"{with_sets}INSERT INTO set_logs (session_id, exercise_id, set_number, side,"
                " set_type, reps, load_kg, rpe, notes)"
                " SELECT l.id, CASE WHEN k.k % 2 = 0 THEN 'deadlift' ELSE 'bird_dog' END, k.k,"
                " '', 'normal', 8, CASE WHEN k.k % 2 = 0 THEN 100.0 ELSE NULL END, 7, '=1+1'"
                f" FROM session_logs AS l CROSS JOIN {sets_from}"
                " WHERE l.athlete_id = :athlete AND l.id > :base"
            ),
            {"per": per_session, "athlete": athlete, "base": base},
        )
        if postgres:
            conn.execute(text("ANALYZE"))
    engine.dispose()
    return time.perf_counter() - started


def _read(c: httpx.Client, path: str, **params: str) -> Callable[[], tuple[int, str]]:
    def call() -> tuple[int, str]:
        size = 0
        with c.stream("GET", path, params=params) as r:
            for chunk in r.iter_bytes():
                size += len(chunk)
        return r.status_code, f"{size / MB:.1f} MB" if size >= MB else f"{size / 1024:.0f} kB"

    return call


def _cli_export(db_url: str, folder: Path, athlete: str, fmt: str) -> Row:
    out = folder / f"cli-export.{fmt}"
    env = {
        **os.environ,
        "SPINEWISE_DATABASE_URL": db_url,
        "SPINEWISE_DATA_DIR": str(folder),
        "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src"),
    }
    command = [sys.executable, "-m", "spinewise.cli.app", "log", "export"]
    command += ["--format", fmt, "--out", str(out), "--athlete", athlete]
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, wait_status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(wait_status)
    proc.returncode = code
    err = proc.stderr.read().decode()[-300:] if proc.stderr else ""
    if proc.stderr is not None:
        proc.stderr.close()
    size = out.stat().st_size / MB if out.exists() else 0.0
    peak = usage.ru_maxrss / 1024  # kB on Linux
    status = 200 if code == 0 else 500
    note = f"{size:.1f} MB, exit {code}" + (f": {err.strip()}" if code else "")
    out.unlink(missing_ok=True)
    return Row(f"spinewise log export --format {fmt}", status, seconds, peak, 0.0, False, note)


def _large(server: Server, c: httpx.Client, n_sessions: int) -> list[Row]:
    rows = []

    def get(path: str, **params: str) -> Callable[[], tuple[int, str]]:
        return _read(c, path, **params)

    first = c.get("/api/v1/logs/sessions", params={"limit": 1})
    assert first.status_code == 200, first.text
    rows.append(
        _measured(server, "API log, first page of 50", get("/api/v1/logs/sessions"), hostile=False)
    )
    last = str(max(0, n_sessions - 50))
    rows.append(
        _measured(
            server,
            "API log, last page of 50",
            get("/api/v1/logs/sessions", offset=last),
            hostile=False,
        )
    )
    rows.append(
        _measured(server, "log page /sessions, first page", get("/sessions"), hostile=False)
    )
    last_page = str(max(1, -(-n_sessions // 50)))
    rows.append(
        _measured(
            server, "log page /sessions, last page", get("/sessions", page=last_page), hostile=False
        )
    )
    rows.append(
        _measured(
            server,
            "load chart of the progress page",
            get("/progress/charts/load.svg"),
            hostile=False,
        )
    )
    for fmt in ("csv", "json"):
        rows.append(
            _measured(
                server, f"API export, {fmt}", get("/api/v1/export", format=fmt), hostile=False
            )
        )
    for fmt in ("csv", "json"):
        rows.append(
            _measured(
                server, f"page export /data/export.{fmt}", get(f"/data/export.{fmt}"), hostile=False
            )
        )
    return rows


def _athlete_name(db_url: str, email: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    with engine.connect() as conn:
        name = conn.execute(
            text(
                "SELECT a.name FROM athletes AS a JOIN users AS u ON u.athlete_id = a.id"
                " WHERE u.email = :e"
            ),
            {"e": email},
        ).scalar_one()
    engine.dispose()
    return str(name)


def measure(db_url: str, label: str, n_sets: int, per_session: int) -> list[Row]:
    """Every row of one database."""
    folder = Path(tempfile.mkdtemp(prefix="spinewise-abuse-limits-"))
    server = Server(db_url, folder)
    rows: list[Row] = []
    try:
        email = f"abuse-{uuid.uuid4().hex[:8]}@example.org"
        c = _login(server, email)
        print(f"{label}: server up, resident {server.rss_mb():.0f} MB", flush=True)
        rows += _hostile(server, c)
        seconds = _seed(db_url, email, n_sets, per_session)
        print(f"{label}: {n_sets:,} sets seeded in {seconds:.0f} s", flush=True)
        rows += _large(server, c, max(1, n_sets // per_session))
        c.close()
        athlete = _athlete_name(db_url, email)
        for fmt in ("csv", "json"):
            rows.append(_cli_export(db_url, folder, athlete, fmt))
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return rows


@contextlib.contextmanager
def _postgres_database(url: str) -> Iterator[str]:
    """A new database on the server of ``url``, dropped afterwards."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    name = f"bench_abuse_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.dispose()


def _table(label: str, rows: list[Row]) -> int:
    print(f"\n{label}")
    header = f"{'request':<44} {'status':>6} {'time s':>8} {'peak MB':>8} {'after MB':>8}  note"
    print(header)
    print("-" * len(header))
    broken = 0
    for r in rows:
        flags = r.broken()
        broken += bool(flags)
        after = f"{r.after_mb:8.0f}" if r.after_mb else f"{'-':>8}"
        verdict = ("  BROKEN: " + ", ".join(flags)) if flags else ""
        figures = f"{r.status:>6} {r.seconds:8.2f} {r.peak_mb:8.0f} {after}"
        print(f"{r.what:<44} {figures}  {r.note}{verdict}")
    return broken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=100_000, help="sets stored in the account")
    parser.add_argument("--sets-per-session", type=int, default=20, help="sets per session")
    parser.add_argument("--postgres", default=os.environ.get("SPINEWISE_TEST_POSTGRES_URL"))
    parser.add_argument("--no-sqlite", action="store_true", help="measure PostgreSQL only")
    args = parser.parse_args()
    broken = 0
    if not args.no_sqlite:
        folder = Path(tempfile.mkdtemp(prefix="spinewise-abuse-db-"))
        try:
            url = f"sqlite:///{folder / 'spinewise.db'}"
            rows = measure(url, "SQLite", args.sets, args.sets_per_session)
            broken += _table(f"SQLite, {args.sets:,} sets", rows)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    if args.postgres:
        with _postgres_database(args.postgres) as url:
            rows = measure(url, "PostgreSQL", args.sets, args.sets_per_session)
            broken += _table(f"PostgreSQL, {args.sets:,} sets", rows)
    else:
        print("PostgreSQL: not measured (no --postgres URL or SPINEWISE_TEST_POSTGRES_URL)")
    if broken:
        print(f"\n{broken} row(s) break a limit")
        raise SystemExit(1)


if __name__ == "__main__":
    main()
