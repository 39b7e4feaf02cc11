"""The CLI and the web app give the same next session for the same log (one test drives both).

Also the user-visible bugs the services fixed: after an adaptation the web app offered a second
and a third session on the same day; starting a session and going back used it up.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from spinewise.cli import render
from spinewise.cli.app import main
from spinewise.settings import Settings
from spinewise.store import reading
from spinewise.store.accounts import find_user_by_email
from spinewise.web import create_app
from stored_versions import assert_every_version_validates
from web.web_helpers import FAST_WEB, NOW, FakeClock, profile_data, signup_login, with_plan

EMAIL = "both@example.org"


@pytest.fixture
def clock() -> list[datetime]:
    return [NOW]


@pytest.fixture
def web(
    engine: Any, db_url: str, clock: list[datetime], monkeypatch: pytest.MonkeyPatch
) -> Iterator[TestClient]:
    """The web app on the database the CLI uses too, with a clock the test moves."""
    monkeypatch.setenv("SPINEWISE_DATABASE_URL", db_url)
    monkeypatch.setattr(render.console, "_width", 200)
    app = create_app(
        Settings(database_url="sqlite:///:memory:"),
        engine=engine,
        # the test moves the clock days ahead: the log-in must outlast it (idle timeout aside)
        web=FAST_WEB.model_copy(update={"idle_minutes": 60 * 24 * 60, "session_days": 60}),
        now=lambda: clock[0],
        monotonic=FakeClock(),
    )
    with TestClient(app) as c:
        yield c


def _athlete(engine: Any) -> str:
    with reading(engine) as db:
        user = find_user_by_email(db, EMAIL)
    assert user is not None
    return user.athlete_name


def _cli_next(capsys: pytest.CaptureFixture[str], athlete: str, day: date) -> Any:
    capsys.readouterr()
    code = main(
        ["log", "next", "--athlete", athlete, "--today", day.isoformat(), "--format", "json"]
    )
    out, err = capsys.readouterr()
    assert (code, err) == (0, ""), err
    return json.loads(out)


def _same(doc: Any) -> tuple[Any, ...]:
    """What both must agree on: plan, week, session, date and each exercise with its sets."""
    return (
        doc["plan_id"],
        doc["week"],
        doc["session"],
        doc["date"],
        [(i["exercise_id"], i["sets"], i["sets_left"], i["sets_right"]) for i in doc["items"]],
    )


def _do_session(web: TestClient, *, pain_during: int) -> int:
    nxt = web.get("/api/v1/sessions/next").json()
    started = web.post("/api/v1/logs/today/start", json={"pain_before": 2})
    assert started.status_code == 201, started.text
    sid = int(started.json()["id"])
    item = nxt["items"][0]
    one = {"exercise_id": item["exercise_id"], "set_number": 1, "reps": item["reps"] or 5}
    assert web.post(f"/api/v1/logs/sessions/{sid}/sets", json=one).status_code == 201
    r = web.patch(
        f"/api/v1/logs/sessions/{sid}",
        json={"session_rpe": 6, "pain_during": pain_during, "pain_after": 2},
    )
    assert r.status_code == 200, r.text
    return sid


def test_cli_and_web_give_the_same_next_session(
    web: TestClient,
    engine: Any,
    clock: list[datetime],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    signup_login(web, EMAIL)
    with_plan(web)
    athlete = _athlete(engine)
    today = clock[0].date()

    first = web.get("/api/v1/sessions/next").json()
    assert _same(_cli_next(capsys, athlete, today)) == _same(first)
    # no start date: dated from the first Monday on or after the day the plan was made
    assert (first["week"], first["session"], first["date"]) == (1, 1, "2026-12-14")

    # done today (early), with unacceptable pain: the plan adapts (version 2) ...
    _do_session(web, pain_during=7)
    assert [p["version"] for p in web.get("/api/v1/plans").json()] == [1, 2]
    after = web.get("/api/v1/sessions/next").json()
    # ... the session logged against version 1 counts, and nothing more is offered today
    assert (after["week"], after["session"]) == (1, 2)
    assert after["date"] > today.isoformat()
    assert "above 5/10" in after["held_back"]
    assert _same(_cli_next(capsys, athlete, today)) == _same(after)
    assert after["plan_id"] == web.get("/api/v1/plans").json()[-1]["id"]
    # the web's older route and the CLI walk-through agree as well
    assert (
        web.get("/api/v1/today").json()["week"],
        web.get("/api/v1/today").json()["session"],
    ) == (1, 2)
    second = web.post("/api/v1/logs/today/start", json={"pain_before": 1})
    assert second.status_code == 422  # no second session on the same day
    assert "above 5/10" in second.json()["detail"][0]["msg"]

    # the next planned day: the same session on both sides, due today
    clock[0] = datetime.fromisoformat(after["date"]) + timedelta(hours=8)
    on_day = web.get("/api/v1/sessions/next").json()
    assert _same(on_day) == _same(after)
    assert on_day["due_today"] is True
    assert _same(_cli_next(capsys, athlete, clock[0].date())) == _same(on_day)
    # every stored version passes `spinewise plan validate` (issue 13)
    versions = [
        (p["version"], json.dumps(web.get(f"/api/v1/plans/{p['id']}").json()))
        for p in web.get("/api/v1/plans").json()
    ]
    assert assert_every_version_validates(versions, profile_data(), tmp_path) == 2


def test_starting_and_going_back_does_not_use_the_session_up(
    web: TestClient, clock: list[datetime]
) -> None:
    signup_login(web, EMAIL)
    with_plan(web)
    clock[0] = datetime(2026, 12, 14, 7, 0)  # the first session's day
    first = web.get("/api/v1/sessions/next").json()
    sid = web.post("/api/v1/logs/today/start", json={"pain_before": 1}).json()["id"]
    clock[0] += timedelta(minutes=5)
    # back on today's page: the same session, open, and starting again resumes it
    again = web.get("/api/v1/sessions/next").json()
    assert _same(again) == _same(first)
    assert again["in_progress_session_id"] == sid
    assert web.post("/api/v1/logs/today/start", json={}).json()["id"] == sid
    assert len(web.get("/api/v1/logs/sessions").json()) == 1  # nothing piles up
    # discarded: gone, and the planned session is still the next one
    assert web.request("DELETE", f"/api/v1/sessions/{sid}").status_code == 204
    assert web.get("/api/v1/logs/sessions").json() == []
    back = web.get("/api/v1/sessions/next").json()
    assert _same(back) == _same(first)
    assert back["in_progress_session_id"] is None
    # a started session abandoned without a set on an earlier day does not count either
    web.post("/api/v1/logs/today/start", json={})
    clock[0] = datetime(2026, 12, 16, 7, 0)
    later = web.get("/api/v1/sessions/next").json()
    assert (later["week"], later["session"]) == (1, 2)  # (1, 1) was missed, not done
    assert later["in_progress_session_id"] is None


def test_a_finished_session_cannot_be_discarded(web: TestClient, clock: list[datetime]) -> None:
    signup_login(web, EMAIL)
    with_plan(web)
    sid = _do_session(web, pain_during=2)
    r = web.request("DELETE", f"/api/v1/sessions/{sid}")
    assert r.status_code == 422
    assert len(web.get("/api/v1/logs/sessions").json()) == 1


def _one_day_profile(tests: dict[str, float]) -> dict[str, Any]:
    """One session a week, so that the week's weaker-side work is in the first session."""
    schedule = {"days_per_week": 1, "minutes_per_session": 45, "weeks": 4}
    return profile_data(tests=tests, schedule=schedule)


def test_next_session_gives_each_side_its_sets(web: TestClient) -> None:
    """Per-side items have sets_left/sets_right with the weaker side's extra sets included."""
    signup_login(web, EMAIL)
    # the left side bridge a third shorter than the right: extra sets on the left side
    tests = {"side_bridge_right_s": 90, "side_bridge_left_s": 60}
    assert web.put("/api/v1/profile", json=_one_day_profile(tests)).status_code == 200
    plan = web.post("/api/v1/plans", json={"weeks": 4}).json()
    nxt = web.get("/api/v1/sessions/next").json()
    planned = {
        it["exercise_id"]: it
        for w in plan["weeks"]
        if w["index"] == nxt["week"]
        for s in w["sessions"]
        if s["index"] == nxt["session"]
        for b in s["blocks"]
        for it in b["items"]
    }
    for item in nxt["items"]:
        source = planned[item["exercise_id"]]
        if not source["per_side"]:
            assert (item["sets"], item["sets_left"], item["sets_right"]) == (
                source["sets"],
                None,
                None,
            )
            continue
        extra = source.get("extra_sets_side") or {"side": None, "sets": 0}
        assert item["sets"] is None
        assert item["sets_left"] == source["sets"] + (
            extra["sets"] if extra["side"] == "left" else 0
        )
        assert item["sets_right"] == source["sets"] + (
            extra["sets"] if extra["side"] == "right" else 0
        )
    uneven = [i for i in nxt["items"] if i["sets_left"] != i["sets_right"]]
    assert uneven, "the week's only session has a side bridge with extra sets on the weaker side"
    assert all(i["sets_left"] > i["sets_right"] for i in uneven)


def test_the_guided_session_has_a_row_for_each_sides_sets(web: TestClient) -> None:
    """The weaker side's extra sets reach the guided session (they used to be dropped)."""
    signup_login(web, EMAIL)
    tests = {"side_bridge_right_s": 90, "side_bridge_left_s": 60}
    assert web.put("/api/v1/profile", json=_one_day_profile(tests)).status_code == 200
    assert web.post("/api/v1/plans", json={"weeks": 4}).status_code == 201
    nxt = web.get("/api/v1/sessions/next").json()
    sid = web.post("/api/v1/logs/today/start", json={}).json()["id"]
    page = web.get(f"/sessions/{sid}/guide").text
    rows = re.findall(
        r'name="exercise_id" value="([^"]+)">\s*<input type="hidden" name="set_number" '
        r'value="\d+">\s*<input type="hidden" name="side" value="([a-z]*)">',
        page,
    )
    counts = Counter(rows)
    for item in nxt["items"]:
        ex = item["exercise_id"]
        if item["sets"] is not None:
            assert counts[(ex, "")] == item["sets"], ex
        else:
            assert (counts[(ex, "left")], counts[(ex, "right")]) == (
                item["sets_left"],
                item["sets_right"],
            ), ex
    assert any(
        counts[(i["exercise_id"], "left")] > counts[(i["exercise_id"], "right")]
        for i in nxt["items"]
    )
