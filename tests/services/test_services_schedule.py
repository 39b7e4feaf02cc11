"""The one rule of the next session, which logs count and today: one row per case."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from spinewise.logbook import PainScores, PlannedRef, SessionLog, SetLog
from spinewise.logbook.summary import SessionSummary
from spinewise.planning.plan import Plan
from spinewise.services.schedule import (
    PAINFUL_MORNING,
    PAINFUL_TODAY,
    TRAINED_TODAY,
    dated_sessions,
    local_today,
    plan_schedule,
)

WED = date(2026, 12, 9)  # a Wednesday
MON = date(2026, 12, 14)  # the first Monday after it


def plan(*sessions: tuple[int, int, str | None, date | None]) -> Plan:
    """A plan of ``(week, session, weekday, date)``."""
    weeks: dict[int, list[dict[str, Any]]] = {}
    for w, s, day, when in sessions:
        entry: dict[str, Any] = {"index": s, "date": None if when is None else when.isoformat()}
        if day is not None:
            entry["day"] = day
        entry["blocks"] = []
        weeks.setdefault(w, []).append(entry)
    return Plan.from_json(
        {"weeks": [{"index": w, "sessions": ss} for w, ss in sorted(weeks.items())]}
    )


def log(
    key: tuple[int, int] | None,
    at: date,
    *,
    version: int = 1,
    finished: bool = True,
    sets: int = 1,
    during: int | None = None,
    hour: int = 8,
) -> SessionSummary:
    return SessionSummary(
        started_at=datetime.combine(at, datetime.min.time()) + timedelta(hours=hour),
        plan_version=None if key is None else version,
        week=None if key is None else key[0],
        session=None if key is None else key[1],
        finished=finished,
        n_sets=sets,
        pain_during=during,
    )


# Dated three sessions a week (mon, wed, fri) from MON.
DATED = plan(
    (1, 1, "mon", MON),
    (1, 2, "wed", MON + timedelta(2)),
    (1, 3, "fri", MON + timedelta(4)),
    (2, 1, "mon", MON + timedelta(7)),
)
# The same plan without a start date (weekdays only).
UNDATED = plan((1, 1, "mon", None), (1, 2, "wed", None), (1, 3, "fri", None), (2, 1, "mon", None))
# Neither dates nor weekdays: self-paced.
SELF_PACED = plan((1, 1, None, None), (1, 2, None, None), (2, 1, None, None))


@dataclass(frozen=True)
class Case:
    name: str
    plan: Plan
    today: date
    logs: tuple[SessionSummary, ...] = ()
    anchor: date | None = WED
    versions: frozenset[int] = frozenset({1})
    morning_pain: int | None = None
    # expected
    next_key: tuple[int, int] | None = None
    next_date: date | None = None
    due_today: bool = False
    missed: tuple[tuple[int, int], ...] = ()
    open: bool = False
    held_back: str | None = None
    done: frozenset[tuple[int, int]] = field(default_factory=frozenset)


CASES = [
    Case(
        "start date: the first session on its date",
        DATED,
        MON,
        next_key=(1, 1),
        next_date=MON,
        due_today=True,
    ),
    Case(
        "start date: before the plan starts, the first session is next, not due",
        DATED,
        WED,
        next_key=(1, 1),
        next_date=MON,
    ),
    Case(
        "no start date: dated from the first Monday on or after the day the plan was made",
        UNDATED,
        WED,
        next_key=(1, 1),
        next_date=MON,
    ),
    Case(
        "no start date, the plan made on a Monday: that Monday",
        UNDATED,
        MON,
        anchor=MON,
        next_key=(1, 1),
        next_date=MON,
        due_today=True,
    ),
    Case(
        "no start date, no weekdays: self-paced, due today",
        SELF_PACED,
        WED,
        next_key=(1, 1),
        next_date=WED,
        due_today=True,
    ),
    Case(
        "rest day: the next session is the next planned date",
        DATED,
        MON + timedelta(1),
        logs=(log((1, 1), MON),),
        next_key=(1, 2),
        next_date=MON + timedelta(2),
        done=frozenset({(1, 1)}),
    ),
    Case(
        "missed days: sessions before today not done are missed, not offered",
        DATED,
        MON + timedelta(3),
        next_key=(1, 3),
        next_date=MON + timedelta(4),
        missed=((1, 1), (1, 2)),
    ),
    Case(
        "missed days without a start date: the same rule on the derived dates",
        UNDATED,
        MON + timedelta(2),
        next_key=(1, 2),
        next_date=MON + timedelta(2),
        due_today=True,
        missed=((1, 1),),
    ),
    Case(
        "an open session today (started, no sets) is offered again to resume",
        DATED,
        MON,
        logs=(log((1, 1), MON, finished=False, sets=0),),
        next_key=(1, 1),
        next_date=MON,
        due_today=True,
        open=True,
    ),
    Case(
        "an open session today with sets: resumed, and it counts",
        DATED,
        MON,
        logs=(log((1, 1), MON, finished=False, sets=2),),
        next_key=(1, 1),
        next_date=MON,
        due_today=True,
        open=True,
        done=frozenset({(1, 1)}),
    ),
    Case(
        "started then abandoned without a set does not use the session up",
        SELF_PACED,
        WED,
        logs=(log((1, 1), WED - timedelta(1), finished=False, sets=0),),
        next_key=(1, 1),
        next_date=WED,
        due_today=True,
    ),
    Case(
        "an abandoned open session with sets counts as done",
        SELF_PACED,
        WED,
        logs=(log((1, 1), WED - timedelta(1), finished=False, sets=3),),
        next_key=(1, 2),
        next_date=WED,
        due_today=True,
        done=frozenset({(1, 1)}),
    ),
    Case(
        "logs against an earlier plan version still count",
        DATED,
        MON + timedelta(2),
        logs=(log((1, 1), MON, version=1),),
        versions=frozenset({1, 2}),
        next_key=(1, 2),
        next_date=MON + timedelta(2),
        due_today=True,
        done=frozenset({(1, 1)}),
    ),
    Case(
        "logs against an unrelated plan version do not count",
        SELF_PACED,
        WED,
        logs=(log((1, 1), WED - timedelta(1), version=7),),
        versions=frozenset({1, 2}),
        next_key=(1, 1),
        next_date=WED,
        due_today=True,
    ),
    Case(
        "at most one planned session per date: after one today, the next is tomorrow",
        SELF_PACED,
        WED,
        logs=(log((1, 1), WED),),
        next_key=(1, 2),
        next_date=WED + timedelta(1),
        held_back=TRAINED_TODAY,
        done=frozenset({(1, 1)}),
    ),
    Case(
        "at most one planned session per date: two dated the same day are split",
        plan((1, 1, None, WED), (1, 2, None, WED)),
        WED,
        logs=(log((1, 1), WED),),
        next_key=(1, 2),
        next_date=WED + timedelta(1),
        held_back=TRAINED_TODAY,
        done=frozenset({(1, 1)}),
    ),
    Case(
        "a painful last session (6/10): the next one is not offered the same day",
        SELF_PACED,
        WED,
        logs=(log((1, 1), WED, during=6),),
        next_key=(1, 2),
        next_date=WED + timedelta(1),
        held_back=PAINFUL_TODAY,
        done=frozenset({(1, 1)}),
    ),
    Case(
        "pain above 5/10 in a session outside the plan holds the plan's session back",
        SELF_PACED,
        WED,
        logs=(log(None, WED, during=7),),
        next_key=(1, 1),
        next_date=WED + timedelta(1),
        held_back=PAINFUL_TODAY,
    ),
    Case(
        "pain 5/10 yesterday is acceptable: today's session is offered",
        SELF_PACED,
        WED,
        logs=(log((1, 1), WED - timedelta(1), during=5),),
        next_key=(1, 2),
        next_date=WED,
        due_today=True,
        done=frozenset({(1, 1)}),
    ),
    Case(
        "back pain 6/10 in this morning's check-in: today's session is not offered",
        SELF_PACED,
        WED,
        morning_pain=6,
        next_key=(1, 1),
        next_date=WED + timedelta(1),
        held_back=PAINFUL_MORNING,
    ),
    Case(
        "back pain 5/10 this morning is acceptable: today's session is offered",
        SELF_PACED,
        WED,
        morning_pain=5,
        next_key=(1, 1),
        next_date=WED,
        due_today=True,
    ),
    Case(
        "everything done: no next session",
        SELF_PACED,
        WED,
        logs=(
            log((1, 1), WED - timedelta(3)),
            log((1, 2), WED - timedelta(2)),
            log((2, 1), WED - timedelta(1)),
        ),
        done=frozenset({(1, 1), (1, 2), (2, 1)}),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_schedule(case: Case) -> None:
    got = plan_schedule(
        dated_sessions(case.plan, case.anchor),
        case.logs,
        versions=case.versions,
        today=case.today,
        morning_pain_0_10=case.morning_pain,
    )
    nxt = got.next
    assert (None if nxt is None else nxt.key) == case.next_key
    assert (None if nxt is None else nxt.date) == case.next_date
    assert got.due_today is case.due_today
    assert got.missed == case.missed
    assert (got.open_started_at is not None) is case.open
    assert got.held_back == case.held_back
    assert got.done == case.done


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_upcoming_sessions_never_share_a_date_nor_fall_before_today(case: Case) -> None:
    got = plan_schedule(
        dated_sessions(case.plan, case.anchor),
        case.logs,
        versions=case.versions,
        today=case.today,
    )
    dates = [s.date for s in got.upcoming]
    assert all(d is not None and d >= case.today for d in dates)
    assert len(set(dates)) == len(dates)


def test_summary_of_a_whole_log_agrees_with_the_rule() -> None:
    started = SessionLog(
        started_at=datetime(2026, 12, 9, 7, 0),
        source="web",
        pain=PainScores(before=2),
        planned=PlannedRef(plan_version=1, week=1, session=1),
    )
    with_set = started.model_copy(update={"sets": (SetLog(exercise_id="bird_dog", set_number=1),)})
    finished = started.model_copy(update={"duration_min": 30.0})
    for whole, counts in ((started, False), (with_set, True), (finished, True)):
        got = plan_schedule(
            dated_sessions(SELF_PACED, None),
            [SessionSummary.from_log(whole)],
            versions={1},
            today=WED,
        )
        assert ((1, 1) in got.done) is counts


def test_today_is_the_local_calendar_day() -> None:
    assert local_today(datetime(2026, 12, 9, 23, 59)) == WED
