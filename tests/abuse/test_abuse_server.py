"""The real server (``spinewise serve`` on uvicorn, 127.0.0.1) under hostile requests.

A year-1 session, a 100 MB JSON body and a 200 MB upload each get a 4xx at once, and the server's
peak memory (VmHWM of its process, from /proc) stays under 500 MB. The times are printed (run
with ``-s`` to see them) and held under a second where the server need not read the body (see
:data:`ANSWER_WITHIN_S`). Forwarded headers are ignored unless a trusted proxy
is configured, so a rotating ``X-Forwarded-For`` does not get past the log-in limits.
"""

from __future__ import annotations

import contextlib
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from abuse.real_server import Server, start_server, stop_server
from web.web_helpers import a_session

pytestmark = [pytest.mark.abuse, pytest.mark.slow]

#: The server's peak resident memory must stay under this [kB] (the issue's 500 MB).
MEMORY_LIMIT_KB = 500 * 1024
MB = 1024 * 1024
#: The issue's "a 4xx within a second" [s]: asserted where the server refuses before reading
#: much (a year-1 session, a declared length, a chunked JSON body cut at 2 MB). A chunked upload
#: is read up to the 50 MB upload limit first: its time is printed, not asserted.
ANSWER_WITHIN_S = 1.0


@pytest.fixture
def server(db_url: str, tmp_path: Path) -> Iterator[Server]:
    s = start_server(db_url, tmp_path)
    yield s
    stop_server(s)


def _raw_status(port: int, head: bytes, body_chunks: Iterator[bytes]) -> tuple[int, float]:
    """Send a request over a socket, body piece by piece, until the server answers.

    Returns the status code and the seconds from the first byte sent to the answer.
    """
    started = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(head)
        sock.setblocking(False)
        answer = b""
        for chunk in body_chunks:
            with contextlib.suppress(BlockingIOError):
                answer += sock.recv(65536)
            if answer:
                break
            try:
                sock.setblocking(True)
                sock.sendall(chunk)
                sock.setblocking(False)
            except (BrokenPipeError, ConnectionResetError):
                break
        sock.setblocking(True)
        while b"\r\n" not in answer:
            more = sock.recv(65536)
            if not more:
                break
            answer += more
    elapsed = time.perf_counter() - started
    return int(answer.split(b" ", 2)[1]), elapsed


def _cookie_header(c: httpx.Client) -> bytes:
    cookies = "; ".join(f"{k}={v}" for k, v in c.cookies.items())
    return f"Cookie: {cookies}\r\nX-CSRF-Token: {c.headers['X-CSRF-Token']}\r\n".encode()


def _report(what: str, seconds: float, server: Server) -> None:
    print(f"\n{what}: {seconds * 1000:.0f} ms, server peak {server.peak_kb() / 1024:.0f} MB")


def test_a_year_1_session_is_refused_at_once(server: Server) -> None:
    c = server.client()
    started = time.perf_counter()
    r = c.post("/api/v1/logs/sessions", json=a_session(started_at="0001-01-01T10:00:00"))
    elapsed = time.perf_counter() - started
    assert r.status_code == 422
    assert c.get("/progress/charts/load.svg").status_code == 200
    _report("year-1 session", elapsed, server)
    assert elapsed < ANSWER_WITHIN_S
    assert server.peak_kb() < MEMORY_LIMIT_KB
    c.close()


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
def test_a_100_mb_json_body_is_refused_at_once(server: Server, declared: bool) -> None:
    c = server.client()
    size = 100 * MB
    piece = b"x" * MB
    if declared:
        head = (
            b"POST /api/v1/logs/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\n"
            + _cookie_header(c)
            + f"Content-Length: {size}\r\n\r\n".encode()
        )
        body = iter([b'{"notes": "' + piece] + [piece] * 99)
    else:
        head = (
            b"POST /api/v1/logs/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
            + _cookie_header(c)
            + b"\r\n"
        )
        body = iter([f"{len(piece):x}\r\n".encode() + piece + b"\r\n"] * 100)
    status, elapsed = _raw_status(server.port, head, body)
    assert status == 413
    _report(f"100 MB JSON body ({'declared' if declared else 'chunked'})", elapsed, server)
    assert elapsed < ANSWER_WITHIN_S
    assert server.peak_kb() < MEMORY_LIMIT_KB
    assert c.get("/api/v1/logs/sessions").json() == []
    c.close()


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
def test_a_200_mb_upload_is_refused_at_once(server: Server, declared: bool) -> None:
    c = server.client()
    boundary = "spinewiseboundary"
    start = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="format"\r\n\r\nstrong\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="s.csv"\r\n'
        "Content-Type: text/csv\r\n\r\n"
    ).encode()
    piece = b"2024-01-05 17:32:10,Back day,1h,Bird Dog,1,0,8,0,0,,,\n" * 19000  # ~1 MB
    pieces = [start + piece] + [piece] * 199
    kind = f"multipart/form-data; boundary={boundary}"
    if declared:
        size = sum(len(p) for p in pieces) + len(f"\r\n--{boundary}--\r\n")
        head = (
            b"POST /api/v1/import HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + f"Content-Type: {kind}\r\nContent-Length: {size}\r\n".encode()
            + _cookie_header(c)
            + b"\r\n"
        )
        body = iter(pieces)
    else:
        head = (
            b"POST /api/v1/import HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
            + f"Content-Type: {kind}\r\n".encode()
            + _cookie_header(c)
            + b"\r\n"
        )
        body = iter(f"{len(p):x}\r\n".encode() + p + b"\r\n" for p in pieces)
    status, elapsed = _raw_status(server.port, head, body)
    assert status == 413
    _report(f"200 MB upload ({'declared' if declared else 'chunked'})", elapsed, server)
    if declared:  # refused on its length alone
        assert elapsed < ANSWER_WITHIN_S
    assert server.peak_kb() < MEMORY_LIMIT_KB
    assert c.get("/api/v1/logs/sessions").json() == []
    c.close()


def _wrong_logins(server: Server, email: str, n: int) -> list[int]:
    codes = []
    with httpx.Client(base_url=server.url, timeout=30) as c:
        for i in range(n):
            r = c.post(
                "/api/v1/auth/login",
                json={"email": email, "password": "not the password at all"},
                headers={"X-Forwarded-For": f"203.0.113.{i + 1}"},
            )
            codes.append(r.status_code)
    return codes


def test_a_rotating_forwarded_for_does_not_get_past_the_login_limit(server: Server) -> None:
    c = server.client()
    email = c.get("/api/v1/me").json()["email"]
    codes = _wrong_logins(server, email, 7)
    assert codes[:5] == [401] * 5
    assert codes[5:] == [429, 429]
    c.close()


def test_a_trusted_proxy_is_believed(db_url: str, tmp_path: Path) -> None:
    server = start_server(db_url, tmp_path, SPINEWISE_WEB_TRUSTED_PROXIES="127.0.0.1")
    try:
        c = server.client()
        email = c.get("/api/v1/me").json()["email"]
        # Each attempt comes "from" another address: only the per-account limit (20) applies.
        assert _wrong_logins(server, email, 7) == [401] * 7
        c.close()
    finally:
        stop_server(server)


#: Sets stored for the large-log test (the issue's million: SPINEWISE_ABUSE_SETS=1000000).
LARGE_SETS = int(os.environ.get("SPINEWISE_ABUSE_SETS", "100000"))
_SETS_PER_SESSION = 100


def _fill(db_url: str, email: str, n_sets: int) -> None:
    """Store ``n_sets`` sets for the user, straight through the store (fast)."""
    from datetime import datetime, timedelta

    from sqlalchemy import insert, select, text

    from spinewise.store import create_engine_from_url, writing
    from spinewise.store.tables import SessionRow, SetRow

    engine = create_engine_from_url(db_url)
    try:
        with engine.connect() as conn:
            athlete = conn.execute(
                text("SELECT athlete_id FROM users WHERE email = :e"), {"e": email}
            ).scalar_one()
        start = datetime(2020, 1, 1, 7)
        n_sessions = n_sets // _SETS_PER_SESSION
        for first in range(0, n_sessions, 500):
            with writing(engine) as db:
                rows = [
                    {"athlete_id": athlete, "started_at": start + timedelta(hours=6 * i)}
                    for i in range(first, min(first + 500, n_sessions))
                ]
                db.execute(insert(SessionRow), rows)
                ids = list(
                    db.scalars(
                        select(SessionRow.id).where(
                            SessionRow.athlete_id == athlete,
                            SessionRow.started_at >= rows[0]["started_at"],
                        )
                    )
                )
                sets = [
                    {
                        "session_id": sid,
                        "exercise_id": "bird_dog",
                        "set_number": n + 1,
                        "side": "",
                        "set_type": "normal",
                        "reps": 8,
                        "notes": "=1+1",
                    }
                    for sid in ids
                    for n in range(_SETS_PER_SESSION)
                ]
                db.execute(insert(SetRow), sets)
    finally:
        engine.dispose()


def test_a_large_log_pages_and_streams_in_bounded_memory(server: Server, db_url: str) -> None:
    c = server.client()
    email = c.get("/api/v1/me").json()["email"]
    _fill(db_url, email, LARGE_SETS)
    started = time.perf_counter()
    first = c.get("/api/v1/logs/sessions")
    assert first.status_code == 200
    assert len(first.json()) == 50
    _report(f"first page of {LARGE_SETS} sets (API)", time.perf_counter() - started, server)
    started = time.perf_counter()
    assert c.get("/sessions").status_code == 200
    _report("first page of the log (page)", time.perf_counter() - started, server)
    started = time.perf_counter()
    lines = 0
    with c.stream("GET", "/api/v1/export", params={"format": "csv"}) as r:
        assert r.status_code == 200
        for chunk in r.iter_bytes():
            lines += chunk.count(b"\n")
    assert lines == LARGE_SETS + 1
    _report(f"streamed CSV export of {LARGE_SETS} sets", time.perf_counter() - started, server)
    started = time.perf_counter()
    size = 0
    with c.stream("GET", "/api/v1/export", params={"format": "json"}) as r:
        assert r.status_code == 200
        for chunk in r.iter_bytes():
            size += len(chunk)
    _report(f"streamed JSON export ({size // MB} MB)", time.perf_counter() - started, server)
    assert server.peak_kb() < MEMORY_LIMIT_KB
    # Memory is given back: the resident size after the exports is under the limit too.
    print(f"server resident after the exports: {server.rss_kb() / 1024:.0f} MB")
    assert server.rss_kb() < MEMORY_LIMIT_KB
    c.close()
