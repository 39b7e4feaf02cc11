"""iCalendar rendering of a plan: one event per session at the right time, reproducible."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar
from plan_fixture import all_sessions, make_plan, typed

from spinewise.errors import InputError
from spinewise.report.plan_ics import plan_to_ics


def _events(data: bytes) -> list[Calendar]:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_one_event_per_session_with_dates_and_durations() -> None:
    plan = make_plan()
    events = _events(plan_to_ics(typed(plan)))[:-1]  # the last is the all-day habits note
    sessions = all_sessions(plan)
    assert len(events) == len(sessions) == 6
    for event, (week, session) in zip(events, sessions, strict=True):
        start = event.decoded("DTSTART")
        assert start == dt.datetime.combine(dt.date.fromisoformat(session["date"]), dt.time(18))
        assert start.tzinfo is None  # floating local time
        assert event.decoded("DTEND") - start == dt.timedelta(
            minutes=round(session["estimated_minutes"])
        )
        phase = week["phase"] + (" · deload" if week["deload"] else "")
        assert str(event["SUMMARY"]) == f"spinewise W{week['index']} S{session['index']} · {phase}"


def test_description_lists_the_items() -> None:
    plan = make_plan()
    event = _events(plan_to_ics(typed(plan)))[0]
    text = str(event["DESCRIPTION"])
    for block in plan["weeks"][0]["sessions"][0]["blocks"]:
        for item in block["items"]:
            assert item.get("name", "Glute bridge") in text
    assert "- Side plank: 3 × 10 s hold per side, +1 set left side, rest 30 s" in text
    assert "Peak estimated L5/S1 compression: 2,600 N" in text
    assert "not a medical device" in text


def test_deterministic_and_unique_uids() -> None:
    first, second = plan_to_ics(typed(make_plan())), plan_to_ics(typed(make_plan()))
    assert first == second
    events = _events(first)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert all(u.endswith("@spinewise.local") for u in uids)
    assert uids[0].startswith("spinewise-w1-s1-")
    stamps = {e.decoded("DTSTAMP") for e in events}
    assert stamps == {dt.datetime(2026, 12, 7, tzinfo=dt.UTC)}
    assert b"\r\n" in first


def test_uids_follow_seed_and_domain() -> None:
    plan = make_plan()
    plan["generated_by"]["seed"] = 8
    uids_seed8 = [
        str(e["UID"]) for e in _events(plan_to_ics(typed(plan), uid_domain="example.org"))
    ]
    uids_seed7 = [str(e["UID"]) for e in _events(plan_to_ics(typed(make_plan())))]
    assert all(u.endswith("@example.org") for u in uids_seed8)
    assert {u.split("@")[0] for u in uids_seed8}.isdisjoint({u.split("@")[0] for u in uids_seed7})


def test_start_hour() -> None:
    event = _events(plan_to_ics(typed(make_plan()), start_hour=7))[0]
    assert event.decoded("DTSTART") == dt.datetime(2026, 12, 7, 7, 0)


@pytest.mark.parametrize("hour", [-1, 24, 7.5, True])
def test_bad_start_hour_rejected(hour: object) -> None:
    with pytest.raises(InputError, match="start_hour: must be a whole hour 0 to 23"):
        plan_to_ics(typed(make_plan()), start_hour=hour)  # type: ignore[arg-type]


def test_null_dates_name_schedule_start_date() -> None:
    plan = make_plan()
    for _, session in all_sessions(plan):
        session["date"] = None
    with pytest.raises(InputError) as err:
        plan_to_ics(typed(plan))
    assert err.value.problems == ("schedule.start_date: needed for --format ics, got none",)
    assert err.value.exit_code == 2


def test_bad_date_names_the_session() -> None:
    plan = make_plan()
    plan["weeks"][1]["sessions"][1]["date"] = "14/12/2026"
    with pytest.raises(InputError, match=r"weeks\[1\]\.sessions\[1\]\.date: .*'14/12/2026'"):
        plan_to_ics(typed(plan))
