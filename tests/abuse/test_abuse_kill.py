"""kill -9 of the real HTTP server (``spinewise serve``) mid-import and mid-logging, rows counted.

Both on SQLite and on PostgreSQL (issue 16, part 6):

- **An import is all or nothing.** A large Strong file is uploaded over HTTP; the server is killed
  with SIGKILL once the importer is writing sets (seen from outside: on PostgreSQL the server's
  connection inserting into ``set_logs`` inside an open transaction, on SQLite the write-ahead
  log growing while the import is not committed). After a restart the user has none of the
  file's sets or all of them, the upload left in the dead process's folder is gone, the temporary
  folder is empty, and importing the file again adds every set exactly once.
- **Every acknowledged write survives, none doubles, nothing is partial.** Four clients (two
  accounts, two clients each) log sessions of three sets and then single sets over HTTP; the
  server is killed mid-way. After a restart every session and set the server acknowledged (201)
  is stored, no session or set is stored twice, and every session has its three first sets or
  does not exist.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.engine import make_url

from abuse.real_server import Server, start_server, stop_server
from spinewise.store import create_engine_from_url
from spinewise.store.accounts import UserRow
from spinewise.store.tables import SessionRow, SetRow

pytestmark = [pytest.mark.abuse, pytest.mark.slow]

#: Sets in the imported file: the write phase lasts about 1.5 s on SQLite and 3 s on PostgreSQL.
IMPORT_SETS = 60_000
_SETS_PER_WORKOUT = 100
#: Acknowledged writes (all clients together) after which the server is killed.
ACKS_BEFORE_KILL = 60
#: How long a watcher waits for the moment it kills [s].
PATIENCE_S = 120.0


def _sigkill(server: Server) -> None:
    server.proc.send_signal(signal.SIGKILL)
    server.proc.wait(timeout=30)
    assert server.proc.returncode == -signal.SIGKILL
    if server.proc.stderr is not None:
        server.proc.stderr.close()


@pytest.fixture
def probe(db_url: str) -> Iterator[Engine]:
    """An engine of the test's own on the server's database (counts and watching)."""
    engine = create_engine_from_url(db_url)
    yield engine
    engine.dispose()


def _named(db_url: str, name: str) -> str:
    """``db_url`` with the PostgreSQL ``application_name`` set, so its sessions can be watched."""
    if not db_url.startswith("postgresql"):
        return db_url
    return (
        make_url(db_url)
        .update_query_dict({"application_name": name})
        .render_as_string(hide_password=False)
    )


def _count(engine: Engine, sql: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(sql)).scalar_one())


def _consistent(engine: Engine) -> None:
    """The database is sound: SQLite's own checks pass, no set lacks its session."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    orphans = _count(
        engine,
        "SELECT count(*) FROM set_logs s LEFT JOIN session_logs l ON l.id = s.session_id "
        "WHERE l.id IS NULL",
    )
    assert orphans == 0


# --- (a) an import killed mid-write ---


def _strong_file(n_sets: int) -> bytes:
    """A Strong CSV of ``n_sets`` sets of bird dog, 100 to a workout, one workout an hour."""
    start = datetime(2024, 1, 1, 6)
    header = "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
    rows = [
        f"{start + timedelta(hours=i // _SETS_PER_WORKOUT):%Y-%m-%d %H:%M:%S},W,Bird Dog,"
        f"{i % _SETS_PER_WORKOUT + 1},10,5\n"
        for i in range(n_sets)
    ]
    return (header + "".join(rows)).encode()


#: How much the sets' storage must grow before the kill [bytes] (60,000 sets take about 6 MB).
GROWTH_BEFORE_KILL = 1024 * 1024


def _writing_sets(db_url: str, name: str, probe: Engine) -> Callable[[], bool]:
    """A check: has the server's import written a good part of its sets, still writing?

    On PostgreSQL: the ``set_logs`` table grew by :data:`GROWTH_BEFORE_KILL` (a table grows as
    rows are inserted, before they are committed) while the server's connection has a
    transaction open. On SQLite: the write-ahead log grew by as much (an import of this size
    spills its pages there long before it commits).
    """
    if db_url.startswith("postgresql"):
        table = "SELECT pg_relation_size('set_logs')"
        before = _count(probe, table)
        busy = (
            "SELECT count(*) FROM pg_stat_activity WHERE xact_start IS NOT NULL "
            f"AND application_name = '{name}' AND query ILIKE 'INSERT INTO set_logs%'"
        )

        def inserting() -> bool:
            return _count(probe, table) - before > GROWTH_BEFORE_KILL and _count(probe, busy) > 0

        return inserting
    database = Path(make_url(db_url).database or "")
    wal = database.with_name(database.name + "-wal")
    before = wal.stat().st_size if wal.exists() else 0

    def spilling() -> bool:
        return (wal.stat().st_size if wal.exists() else 0) - before > GROWTH_BEFORE_KILL

    return spilling


def test_an_import_killed_mid_write_is_all_or_nothing(
    db_url: str, probe: Engine, tmp_path: Path
) -> None:
    name = f"spinewise-kill-{time.monotonic_ns()}"
    url = _named(db_url, name)
    data_dir = tmp_path / "data"
    temp = tmp_path / "tmp"
    temp.mkdir()
    server = start_server(url, data_dir, TMPDIR=str(temp))
    sender: threading.Thread | None = None
    answers: list[int | str] = []
    try:
        with contextlib.closing(server.client()) as c:
            email = c.get("/api/v1/me").json()["email"]
            body = _strong_file(IMPORT_SETS)
            writing = _writing_sets(db_url, name, probe)

            def upload() -> None:
                try:
                    r = c.post(
                        "/api/v1/import",
                        data={"format": "strong"},
                        files={"file": ("big.csv", body, "text/csv")},
                        timeout=PATIENCE_S,
                    )
                    answers.append(r.status_code)
                except httpx.TransportError as err:
                    answers.append(type(err).__name__)

            sender = threading.Thread(target=upload)
            started = time.perf_counter()
            sender.start()
            deadline = time.monotonic() + PATIENCE_S
            while not writing():
                assert sender.is_alive(), f"the import ended before it was seen writing: {answers}"
                assert time.monotonic() < deadline, "the import was never seen writing"
                time.sleep(0.02)
            waiting = list((data_dir / "uploads" / str(server.proc.pid)).iterdir())
            _sigkill(server)
            killed_after = time.perf_counter() - started
            sender.join(timeout=30)
    finally:
        if server.proc.poll() is None:
            stop_server(server)
        if sender is not None:
            sender.join(timeout=30)
    assert len(answers) == 1
    assert isinstance(answers[0], str), answers  # no answer: the server died
    assert len(waiting) == 1  # the upload was on disk when the server died

    _consistent(probe)
    sets = _count(probe, "SELECT count(*) FROM set_logs")
    print(f"\nkilled {killed_after:.2f} s into the import of {IMPORT_SETS} sets: {sets} stored")
    assert sets in (0, IMPORT_SETS)
    if sets == 0:
        for table in ("imports", "session_logs", "custom_exercises"):
            assert _count(probe, f"SELECT count(*) FROM {table}") == 0, table

    again = start_server(url, data_dir, TMPDIR=str(temp))
    try:
        # The dead process's upload folder is removed at start; nothing else was left behind.
        assert not (data_dir / "uploads" / str(server.proc.pid)).exists()
        assert list(temp.iterdir()) == []
        with contextlib.closing(again.client(email)) as c:
            started = time.perf_counter()
            r = c.post(
                "/api/v1/import",
                data={"format": "strong"},
                files={"file": ("big.csv", body, "text/csv")},
                timeout=PATIENCE_S,
            )
        print(f"imported again after the restart in {time.perf_counter() - started:.2f} s")
        assert r.status_code == 200, r.text
        assert r.json()["sets_added"] + r.json()["sets_merged"] == IMPORT_SETS
        assert r.json()["sets_added"] == IMPORT_SETS - sets
    finally:
        stop_server(again)
    _consistent(probe)
    assert _count(probe, "SELECT count(*) FROM set_logs") == IMPORT_SETS
    assert _count(probe, "SELECT count(*) FROM session_logs") == IMPORT_SETS // _SETS_PER_WORKOUT
    if sets == 0:
        assert _count(probe, "SELECT count(*) FROM imports") == 1


# --- (b) concurrent logging killed mid-way ---


@dataclass
class Acks:
    """What the server acknowledged (201) to the clients, shared by their threads."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    #: (e-mail, start) -> session id, for every acknowledged session.
    sessions: dict[tuple[str, str], int] = field(default_factory=dict)
    #: (session id, set number) for every acknowledged single set.
    sets: set[tuple[int, int]] = field(default_factory=set)
    failures: list[str] = field(default_factory=list)

    def total(self) -> int:
        with self.lock:
            return len(self.sessions) + len(self.sets)


def _a_set(number: int) -> dict[str, Any]:
    return {"exercise_id": "bird_dog", "set_number": number, "side": "left", "reps": 8}


def _log_until_killed(c: httpx.Client, email: str, slot: int, acks: Acks) -> None:
    """Log sessions of 3 sets, then sets 4 and 5 one by one, until the server goes away."""
    base = datetime(2025, 1, 1, 6) + timedelta(minutes=slot)
    for i in range(10_000):
        started = (base + timedelta(hours=i)).isoformat()
        try:
            r = c.post(
                "/api/v1/logs/sessions",
                json={"started_at": started, "sets": [_a_set(n) for n in (1, 2, 3)]},
            )
            if r.status_code != 201:
                acks.failures.append(f"session {r.status_code} {r.text[:200]}")
                return
            session_id = r.json()["id"]
            with acks.lock:
                acks.sessions[(email, started)] = session_id
            for number in (4, 5):
                r = c.post(f"/api/v1/logs/sessions/{session_id}/sets", json=_a_set(number))
                if r.status_code != 201:
                    acks.failures.append(f"set {r.status_code} {r.text[:200]}")
                    return
                with acks.lock:
                    acks.sets.add((r.json()["session_id"], number))
        except httpx.TransportError:
            return


def test_concurrent_logging_killed_mid_way_keeps_every_acknowledged_write(
    db_url: str, probe: Engine, tmp_path: Path
) -> None:
    server = start_server(db_url, tmp_path / "data")
    acks = Acks()
    threads: list[threading.Thread] = []
    with contextlib.ExitStack() as open_clients:
        try:
            first, second = server.client(), server.client()
            emails = [c.get("/api/v1/me").json()["email"] for c in (first, second)]
            clients = [first, second, server.client(emails[0]), server.client(emails[1])]
            for c in clients:
                open_clients.callback(c.close)
            owners = [emails[0], emails[1], emails[0], emails[1]]
            threads = [
                threading.Thread(target=_log_until_killed, args=(c, owner, slot, acks))
                for slot, (c, owner) in enumerate(zip(clients, owners, strict=True))
            ]
            started = time.perf_counter()
            for t in threads:
                t.start()
            deadline = time.monotonic() + PATIENCE_S
            while acks.total() < ACKS_BEFORE_KILL:
                assert not acks.failures, acks.failures
                assert time.monotonic() < deadline, f"only {acks.total()} writes acknowledged"
                time.sleep(0.005)
            in_flight = sum(t.is_alive() for t in threads)
            _sigkill(server)
            killed_after = time.perf_counter() - started
        finally:
            if server.proc.poll() is None:
                stop_server(server)
            for t in threads:
                t.join(timeout=60)
    assert not acks.failures, acks.failures
    assert in_flight == 4  # every client was still writing when the server died

    _consistent(probe)
    with probe.connect() as conn:
        stored = conn.execute(
            select(UserRow.email, SessionRow.started_at, SessionRow.id).join(
                UserRow, UserRow.athlete_id == SessionRow.athlete_id
            )
        ).all()
        sets = conn.execute(select(SetRow.session_id, SetRow.set_number, SetRow.side)).all()
    sessions = {(email, at.isoformat()): sid for email, at, sid in stored}
    print(
        f"\nkilled {killed_after:.2f} s in: {len(acks.sessions)} sessions and {len(acks.sets)} "
        f"sets acknowledged; {len(stored)} sessions and {len(sets)} sets stored"
    )
    # No session and no set stored twice.
    assert len(sessions) == len(stored)
    assert len(set(sets)) == len(sets)
    # Every acknowledged session and set is there.
    for key, sid in acks.sessions.items():
        assert sessions.get(key) == sid, key
    numbers: dict[int, set[int]] = {}
    for sid, number, _side in sets:
        numbers.setdefault(sid, set()).add(number)
    for sid, number in acks.sets:
        assert number in numbers.get(sid, set()), (sid, number)
    # Nothing partial: every stored session has its three first sets; at most one write
    # per client (the one in flight) was stored without its answer reaching the client.
    for sid in sessions.values():
        assert {1, 2, 3} <= numbers.get(sid, set()), sid
    unanswered = (len(sessions) - len(acks.sessions)) + (
        sum(len(n - {1, 2, 3}) for n in numbers.values()) - len(acks.sets)
    )
    assert 0 <= unanswered <= len(threads)

    # The restarted server shows the same log to each user.
    again = start_server(db_url, tmp_path / "data")
    try:
        for email in emails:
            with contextlib.closing(again.client(email)) as c:
                shown = c.get("/api/v1/logs/sessions", params={"limit": 200}).json()
            mine = {k: v for k, v in sessions.items() if k[0] == email}
            assert len(mine) < 200  # one page holds them all
            assert sorted(s["id"] for s in shown) == sorted(mine.values())
    finally:
        stop_server(again)
