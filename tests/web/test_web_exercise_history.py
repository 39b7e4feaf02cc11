"""Per-exercise history and personal records on the exercise page (issue 15, part 3)."""

from __future__ import annotations

import re
from datetime import datetime

from fastapi.testclient import TestClient

from spinewise.logbook.entries import SessionLog, SetLog
from spinewise.logbook.records import exercise_history
from web.test_web_pages import _signup


def _session(day: int, *sets: SetLog) -> SessionLog:
    return SessionLog(started_at=datetime(2026, 11, day, 18, 0), sets=sets)


def _set(n: int, **done: object) -> SetLog:
    return SetLog(exercise_id="back_squat", set_number=n, **done)  # type: ignore[arg-type]


def test_records_come_from_working_sets_and_keep_the_first_day() -> None:
    log = [
        _session(2, _set(1, reps=5, load_kg=100.0), _set(2, reps=8, load_kg=90.0)),
        _session(
            5,
            _set(1, reps=3, load_kg=140.0, set_type="warmup"),  # a warm-up is never a record
            _set(2, reps=5, load_kg=110.0),
        ),
        _session(9, _set(1, reps=5, load_kg=110.0)),  # equals the record: the first day keeps it
        _session(12, SetLog(exercise_id="side_bridge", set_number=1, hold_s=40.0)),
    ]
    found = exercise_history(log, "back_squat")
    assert [(line.on.day, line.sets, line.best) for line in found.sessions] == [
        (9, 1, "5 reps at 110 kg"),
        (5, 1, "5 reps at 110 kg"),
        (2, 2, "5 reps at 100 kg"),
    ]
    records = {r.label: (r.value, r.on.day) for r in found.records}
    assert records["Heaviest set"] == ("5 reps at 110 kg", 5)
    # Epley: 110 x (1 + 5/30) = 128.3 beats 90 x (1 + 8/30) = 114
    assert records["Best estimated one-repetition maximum"] == (
        "about 128.3 kg (5 reps at 110 kg)",
        5,
    )
    assert records["Most repetitions in a set"] == ("8 reps at 90 kg", 2)
    assert "Longest hold" not in records
    holds = exercise_history(log, "side_bridge")
    assert [(r.label, r.value) for r in holds.records] == [("Longest hold", "40 s hold")]


def test_the_exercise_page_shows_your_history_and_records(client: TestClient) -> None:
    anonymous = client.get("/exercises/bird_dog").text
    assert "Your history" not in anonymous
    _signup(client, "rec@example.org")
    assert "You have not logged this exercise yet." in client.get("/exercises/bird_dog").text
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/account").text)
    assert found is not None
    body = {
        "started_at": "2026-11-20T18:00:00",
        "sets": [
            {"exercise_id": "bird_dog", "set_number": 1, "reps": 8, "side": "left"},
            {"exercise_id": "bird_dog", "set_number": 2, "reps": 10, "side": "left"},
        ],
    }
    r = client.post("/api/v1/logs/sessions", json=body, headers={"X-CSRF-Token": found.group(1)})
    assert r.status_code in (200, 201), r.text
    html = client.get("/exercises/bird_dog").text
    assert "Your records" in html
    assert "Most repetitions in a set: <strong>10 reps (left side)</strong>" in html
    assert "2026-11-20" in html
