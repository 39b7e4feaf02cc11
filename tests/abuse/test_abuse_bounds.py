"""Bounded work per request: dates in a window, bounded charts, deleting a session, body and
upload limits, a paginated log and streamed exports (issue 16, part 1)."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from spinewise.logbook import SessionLog
from spinewise.store import (
    add_session,
    athlete_id,
    backup_json,
    export_backup,
    export_csv,
    iter_backup_json,
    iter_csv,
    writing,
)
from spinewise.web.progress import daily_loads
from web.web_helpers import NOW, a_session

pytestmark = pytest.mark.abuse


def _athlete_name(client: TestClient, engine: Any) -> str:
    from sqlalchemy import text

    email = client.get("/api/v1/me").json()["email"]
    with engine.connect() as conn:
        return str(
            conn.execute(
                text(
                    "SELECT a.name FROM athletes a JOIN users u ON u.athlete_id = a.id "
                    "WHERE u.email = :e"
                ),
                {"e": email},
            ).scalar_one()
        )


@pytest.mark.parametrize(
    "started_at", ["0001-01-01T10:00:00", "9999-12-31T10:00:00", "1969-12-31T23:00:00"]
)
def test_a_session_dated_outside_1970_to_tomorrow_is_refused(ann, started_at):
    r = ann.post("/api/v1/logs/sessions", json=a_session(started_at=started_at))
    assert r.status_code == 422, r.text
    assert "started_at" in r.text
    assert ann.get("/api/v1/logs/sessions").json() == []


def test_a_session_after_tomorrow_is_refused_and_tomorrow_is_not(ann):
    later = (NOW + timedelta(days=2)).replace(microsecond=0).isoformat()
    r = ann.post("/api/v1/logs/sessions", json=a_session(started_at=later))
    assert r.status_code == 422, r.text
    assert "tomorrow" in r.text
    tomorrow = (NOW + timedelta(days=1)).replace(microsecond=0).isoformat()
    assert ann.post("/api/v1/logs/sessions", json=a_session(started_at=tomorrow)).status_code == 201


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_next_morning_pain_for_year_1_or_9999_is_a_422(ann, day):
    r = ann.post("/api/v1/logs/next-morning", json={"date": day, "pain": 3})
    assert r.status_code == 422, r.text


@pytest.mark.parametrize("started_at", ["0001-01-01T10:00:00", "2999-01-01T10:00:00"])
def test_an_import_with_a_session_outside_the_window_is_refused(ann, started_at):
    backup = {
        "schema_version": 1,
        "athlete": {"name": "ann"},
        "sessions": [a_session(started_at=started_at)],
    }
    r = ann.post(
        "/api/v1/import",
        files={"file": ("b.json", json.dumps(backup).encode(), "application/json")},
        data={"format": "json"},
    )
    assert r.status_code == 422, r.text
    assert ann.get("/api/v1/logs/sessions").json() == []


@pytest.mark.parametrize(
    "when", ["0001-01-05 17:32:10", "9999-01-05 17:32:10", "1969-12-31 23:00:00"]
)
def test_a_strong_file_with_a_session_outside_the_window_is_refused(ann, uploads, when):
    csv = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
        f"Workout Notes,RPE\n{when},Back day,1h,Bird Dog,1,20,8,0,0,,,\n"
    )
    r = ann.post(
        "/api/v1/import",
        files={"file": ("my history.csv", csv.encode(), "text/csv")},
        data={"format": "strong"},
    )
    assert r.status_code == 422, r.text
    assert "started_at" in r.text
    # The answer names the file that was sent, never the generated name of its copy.
    assert "my history.csv" in r.text
    assert "upload-" not in r.text
    assert ann.get("/api/v1/logs/sessions").json() == []
    assert [p for p in uploads.rglob("*") if p.is_file()] == []


def test_the_load_series_never_spans_more_than_the_window():
    sessions = [
        SessionLog(started_at=datetime(1970, 1, 1, 9), session_rpe=5, duration_min=30),
        SessionLog(started_at=datetime(2100, 12, 31, 9), session_rpe=5, duration_min=30),
        SessionLog(started_at=datetime(2026, 12, 1, 9), session_rpe=5, duration_min=30),
    ]
    series = daily_loads(sessions, until=NOW.date())
    assert (series.days[0], series.days[-1]) == (date(2026, 12, 1), NOW.date())
    assert sum(series.load_au) == 150.0  # only the session inside the window
    assert len(daily_loads(sessions).days) == 1  # ends at the 2100 session: 1970 is left out
    old = [
        SessionLog(started_at=datetime(1970, 1, 1, 9) + timedelta(days=30 * i)) for i in range(9)
    ]
    assert len(daily_loads(old, until=date(2100, 1, 1)).days) == 0


def test_charts_of_a_log_with_year_1970_and_2100_sessions_stay_small(ann, engine):
    # Written straight to the store (older data, or another client): the charts must cope.
    name = _athlete_name(ann, engine)
    with writing(engine) as db:
        who = athlete_id(db, name)
        for when in (datetime(1970, 1, 1, 9), datetime(2100, 12, 31, 9)):
            add_session(db, who, SessionLog(started_at=when, session_rpe=5, duration_min=30))
    for chart in ("load", "pain", "e1rm"):
        r = ann.get(f"/progress/charts/{chart}.svg")
        assert r.status_code == 200, chart
        assert len(r.content) < 200_000, chart
    page = ann.get("/progress")
    assert page.status_code == 200
    assert "2" in page.text


def test_you_can_delete_your_session_and_no_one_else_can(ann, other):
    sid = ann.post("/api/v1/logs/sessions", json=a_session()).json()["id"]
    assert other.delete(f"/api/v1/logs/sessions/{sid}").status_code == 404
    assert ann.get(f"/api/v1/logs/sessions/{sid}").status_code == 200
    assert ann.delete(f"/api/v1/logs/sessions/{sid}").status_code == 204
    assert ann.get(f"/api/v1/logs/sessions/{sid}").status_code == 404
    assert ann.delete(f"/api/v1/logs/sessions/{sid}").status_code == 404


def test_the_session_page_has_a_delete_button_that_works(ann, other):
    sid = ann.post("/api/v1/logs/sessions", json=a_session()).json()["id"]
    page = ann.get(f"/sessions/{sid}")
    assert f'action="/sessions/{sid}/delete"' in page.text
    token = ann.headers["X-CSRF-Token"]
    r = other.post(
        f"/sessions/{sid}/delete",
        data={"confirm": "yes", "csrf_token": other.headers["X-CSRF-Token"]},
        follow_redirects=False,
    )
    assert r.status_code == 404
    r = ann.post(
        f"/sessions/{sid}/delete",
        data={"confirm": "yes", "csrf_token": token},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert ann.get(f"/api/v1/logs/sessions/{sid}").status_code == 404


def test_a_json_body_over_the_limit_is_refused_before_it_is_stored(ann):
    big = a_session(notes="x" * (100 * 1024))
    r = ann.post("/api/v1/logs/sessions", json=big)
    assert r.status_code == 413, r.text
    assert "larger than" in r.json()["detail"]
    assert ann.get("/api/v1/logs/sessions").json() == []


def test_a_chunked_body_without_a_length_is_counted_while_it_is_read(ann):
    sent = 0

    def chunks():
        nonlocal sent
        yield b'{"started_at": "2026-12-07T18:00:00", "notes": "'
        for _ in range(1000):  # 1000 x 1 kB: far past the 64 kB limit
            sent += 1
            yield b"x" * 1024
        yield b'"}'

    r = ann.post(
        "/api/v1/logs/sessions",
        content=chunks(),
        headers={"Content-Type": "application/json"},
    )
    assert r.status_code == 413, r.text
    assert ann.get("/api/v1/logs/sessions").json() == []


def test_an_upload_over_the_limit_is_a_413_and_leaves_no_file(ann, uploads):
    big = b"Date,Workout Name\n" + b"x" * (400 * 1024)
    r = ann.post(
        "/api/v1/import",
        files={"file": ("strong.csv", big, "text/csv")},
        data={"format": "strong"},
    )
    assert r.status_code == 413, r.text
    # Just over the file limit but under the body limit: the copy stops at the limit.
    near = b"x" * (256 * 1024 + 10)
    r = ann.post(
        "/api/v1/import",
        files={"file": ("strong.csv", near, "text/csv")},
        data={"format": "strong"},
    )
    assert r.status_code == 413, r.text
    assert "file: larger than" in r.json()["detail"]
    assert [p for p in uploads.rglob("*") if p.is_file()] == []


def test_the_import_page_says_the_file_is_too_large(ann):
    near = b"x" * (256 * 1024 + 10)
    r = ann.post(
        "/data/import",
        files={"file": ("strong.csv", near, "text/csv")},
        data={"format": "strong", "csrf_token": ann.headers["X-CSRF-Token"]},
    )
    assert r.status_code == 413
    assert "larger than" in r.text


@pytest.mark.parametrize("name", ["..", "../../../etc/x.json", "a" * 300 + ".json", "\x00.json"])
def test_upload_names_are_never_used_as_paths(ann, uploads, tmp_path, name):
    backup = {"schema_version": 1, "athlete": {"name": "ann"}, "sessions": [a_session()]}
    r = ann.post(
        "/api/v1/import",
        files={"file": (name, json.dumps(backup).encode(), "application/json")},
        data={"format": "json"},
    )
    assert r.status_code == 200, r.text
    assert len(ann.get("/api/v1/logs/sessions").json()) == 1
    assert [p for p in uploads.rglob("*") if p.is_file()] == []
    assert not (tmp_path.parent / "x.json").exists()


def test_the_log_list_is_paginated(ann, engine):
    name = _athlete_name(ann, engine)
    with writing(engine) as db:
        who = athlete_id(db, name)
        for i in range(120):
            add_session(db, who, SessionLog(started_at=datetime(2026, 1, 1) + timedelta(hours=i)))
    r = ann.get("/api/v1/logs/sessions")
    assert len(r.json()) == 50
    assert 'rel="next"' in r.headers["link"]
    r = ann.get("/api/v1/logs/sessions", params={"limit": 50, "offset": 100})
    assert len(r.json()) == 20
    assert "link" not in r.headers
    assert ann.get("/api/v1/logs/sessions", params={"limit": 100_000}).status_code == 422
    page = ann.get("/sessions")
    assert page.text.count('<a href="/sessions/') == 50
    assert "of 120" in page.text
    assert 'href="/sessions?page=2"' in page.text
    assert ann.get("/sessions?page=3").text.count('<a href="/sessions/') == 20


def test_streamed_exports_equal_the_whole_documents(engine):
    with writing(engine) as db:
        who = athlete_id(db, "ann")
        for i in range(450):  # more than one batch
            add_session(
                db,
                who,
                SessionLog.model_validate(
                    a_session(started_at=(datetime(2025, 1, 1) + timedelta(hours=i)).isoformat())
                ),
            )
    backup = export_backup(engine, "ann")
    assert "".join(iter_backup_json(engine, "ann")) == backup_json(backup)
    assert "".join(iter_csv(engine, "ann")) == export_csv(backup)
    with writing(engine) as db:
        athlete_id(db, "empty")
    empty = export_backup(engine, "empty")
    assert "".join(iter_backup_json(engine, "empty")) == backup_json(empty)
    assert json.loads("".join(iter_backup_json(engine, "empty")))["sessions"] == []


def test_the_web_export_is_streamed(ann):
    ann.post("/api/v1/logs/sessions", json=a_session())
    with ann.stream("GET", "/api/v1/export", params={"format": "json"}) as r:
        assert r.status_code == 200
        assert "content-length" not in r.headers  # sent in pieces
        body = b"".join(r.iter_bytes())
    assert json.loads(body)["sessions"][0]["started_at"] == "2026-12-07T18:00:00"
    assert date.fromisoformat("2026-12-07")


def test_uploads_left_by_a_dead_process_are_removed_at_start(make_app, uploads):
    stale = uploads / "999999999"
    stale.mkdir(parents=True)
    (stale / "upload-abc.json").write_text("{}")
    mine = uploads / str(__import__("os").getpid())
    mine.mkdir()
    make_app()
    assert not stale.exists()
    assert mine.exists()


def test_a_far_future_plan_start_is_refused():
    from spinewise.errors import InputError
    from spinewise.profile import parse_profile
    from web.web_helpers import profile_data

    data = profile_data()
    data["schedule"] = {**data["schedule"], "start_date": "9999-12-01"}
    with pytest.raises(InputError, match="start_date"):
        parse_profile(data)


def _log_page_steps(tmp_path: Any, sets_of: Any, pages: tuple[int, ...]) -> list[int]:
    """SQLite virtual-machine steps of each log page ``pages`` of an account of 60 sessions.

    Session ``i`` (0 the oldest) holds ``sets_of(i)`` sets. The steps are counted by SQLite's
    progress handler (one call per instruction): the database's work, not a time.
    """
    from sqlalchemy import event

    from spinewise.logbook import SetLog
    from spinewise.settings import Settings
    from spinewise.store import create_engine_from_url, ensure_current
    from spinewise.web import create_app
    from web.web_helpers import FAST_WEB, signup_login

    engine = create_engine_from_url(f"sqlite:///{tmp_path / f'log-{uuid.uuid4().hex}.db'}")
    steps = [0]
    counting = [False]

    @event.listens_for(engine, "connect")
    def _count(dbapi: Any, _record: Any) -> None:
        def tick() -> int:
            steps[0] += counting[0]
            return 0

        dbapi.set_progress_handler(tick, 1)

    ensure_current(engine)
    app = create_app(
        Settings(database_url="sqlite:///:memory:"), engine=engine, web=FAST_WEB, now=lambda: NOW
    )
    out = []
    with TestClient(app) as client:
        signup_login(client, "steps@example.org")
        name = _athlete_name(client, engine)
        with writing(engine) as db:
            who = athlete_id(db, name)
            for i in range(60):
                sets = [
                    SetLog(exercise_id="bird_dog", set_number=n + 1, reps=8)
                    for n in range(sets_of(i))
                ]
                started = datetime(2026, 1, 1) + timedelta(days=i)
                add_session(db, who, SessionLog(started_at=started, sets=sets))
        for page in pages:
            client.get("/sessions", params={"page": page})  # warm: caches, statements
            steps[0] = 0
            counting[0] = True
            assert client.get("/sessions", params={"page": page}).status_code == 200
            counting[0] = False
            out.append(steps[0])
    engine.dispose()
    return out


def test_a_page_of_the_log_counts_only_its_own_sessions_sets(tmp_path):
    # Page 1 holds the 50 newest sessions, page 2 the 10 oldest (newest first).
    flat = _log_page_steps(tmp_path, lambda i: 1, (1, 2))
    old_heavy = _log_page_steps(tmp_path, lambda i: 1 if i >= 10 else 200, (1,))
    new_heavy = _log_page_steps(tmp_path, lambda i: 200 if i >= 10 else 1, (2,))
    # 1,990 more sets on page 2 are not read by page 1 (the account's sets are not counted:
    # they cost 3.4 steps a set when they were, 0.4 now), and 9,950 more sets on page 1 cost
    # page 2 nothing (the sets of the sessions skipped by the offset are not counted).
    assert old_heavy[0] - flat[0] < 1990
    assert new_heavy[0] == flat[1]


def _subplan_loops(plan: Any) -> list[int]:
    """The loops of every subplan in a PostgreSQL ``EXPLAIN (ANALYZE, FORMAT JSON)`` plan."""
    found = [int(plan["Actual Loops"])] if "Subplan Name" in plan else []
    for inner in plan.get("Plans", []):
        found += _subplan_loops(inner)
    return found


def test_a_deep_page_of_session_lines_counts_the_sets_of_its_sessions_only(engine):
    from sqlalchemy import event

    from spinewise.logbook import SetLog
    from spinewise.store import reading
    from spinewise.store.window import session_lines

    with writing(engine) as db:
        who = athlete_id(db, "deep")
        for i in range(60):
            started = datetime(2026, 1, 1) + timedelta(days=i)
            sets = [SetLog(exercise_id="bird_dog", set_number=n + 1, reps=8) for n in range(i % 3)]
            add_session(db, who, SessionLog(started_at=started, sets=sets))
    sent: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, params: Any, *_rest: Any) -> None:
        sent.append((statement, params))

    event.listen(engine, "before_cursor_execute", keep)
    with reading(engine) as db:
        lines = session_lines(db, who, limit=10, offset=45, newest_first=True)
    event.remove(engine, "before_cursor_execute", keep)
    assert [line.n_sets for line in lines] == [(14 - k) % 3 for k in range(10)]
    if engine.dialect.name != "postgresql":
        return  # SQLite computes the columns of the rows it returns only
    statement, params = next((s, p) for s, p in sent if "count(set_logs.id)" in s)
    with engine.connect() as conn:
        cursor = conn.connection.cursor()
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + statement, params)
        plan = cursor.fetchone()[0][0]["Plan"]
    # The sets are counted for the 10 sessions of the page, not for the 45 skipped too.
    assert _subplan_loops(plan) == [10]
