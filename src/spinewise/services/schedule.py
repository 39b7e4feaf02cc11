"""Which session is next, which logged sessions count, and what "today" is: decided here once.

A pure module (no database, no clock): the services read the plan and a summary of the log and
ask it. The rules, each with its row in ``tests/services/test_services_schedule.py``:

Dates
    A session dated by the plan (its ``start_date`` was given) keeps its date. An undated plan is
    laid on the calendar as if it had been made with ``start_date`` = the day the plan was made
    (its *anchor*; for an adapted version the day its first version was made): week 1 begins on
    the first Monday on or after that day and each session keeps its weekday (``day``), the rule
    the planner itself uses (:func:`spinewise.planning.render_json.first_monday`). Asked about a
    day before the plan was made (a back-dated ``--today``), the plan is dated from that day
    (:func:`anchor_for`). A session with neither a date nor a weekday is *self-paced*: it is due
    on the first day allowed.
Sessions that count
    A logged session counts for a planned session when it names it in this plan version or in a
    version this one was adapted from (the plan's ``adapted_from_ids``), and it was finished or
    has at least one set. A session logged whole is finished as logged; one started live is
    finished once its duration, RPE or pain during or after is recorded
    (:func:`spinewise.logbook.summary.is_finished`). A session started and left without a set
    does not use the planned session up.
An open session
    A session of the plan started today and not finished is offered again, to resume it.
Missed sessions
    A dated session before today that does not count is missed: it is not offered again (two
    missed sessions re-plan the rest in the adaptation).
One a day, and pain
    At most one planned session per date: after a session of the plan that counts today, the next
    one is tomorrow at the earliest; after pain during or after a session today above 5/10 (the
    pain-monitoring model's "unacceptable", Silbernagel et al. 2007 via
    :func:`spinewise.adaptation.pain.pain_during`), or back pain above 5/10 in this morning's
    check-in, the next session is not offered the same day.
    Upcoming sessions never share a date: a later one moves to the day after the one before.
Today
    The local calendar day of the person's clock (:func:`local_today`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from spinewise.adaptation.pain import pain_during
from spinewise.logbook.planned import PlannedSession, planned_sessions
from spinewise.logbook.summary import SessionSummary
from spinewise.planning.plan import Plan
from spinewise.planning.render_json import first_monday
from spinewise.planning.request import WEEKDAYS

__all__ = [
    "DatedSession",
    "Schedule",
    "anchor_for",
    "counts_as_done",
    "dated_sessions",
    "local_today",
    "plan_schedule",
    "sessions_that_count",
]

#: Why the next session is not today, in the person's words.
TRAINED_TODAY = "You have done a planned session today; the next one is on another day."
PAINFUL_TODAY = (
    "Pain during or after today's session was above 5/10, so the next session is not today. "
    "Rest, and see how your back feels tomorrow."
)
PAINFUL_MORNING = (
    "Your back pain this morning was above 5/10, so the next session is not today. Rest, and "
    "check in again tomorrow morning."
)


def anchor_for(made_on: date, today: date) -> date:
    """The day an undated plan is dated from: the day it was made, or ``today`` if earlier."""
    return min(made_on, today)


def local_today(now: datetime) -> date:
    """The person's calendar day: the date of their local wall-clock time."""
    return now.date()


@dataclass(frozen=True)
class DatedSession:
    """A planned session and the date it is planned for (``None``: self-paced)."""

    planned: PlannedSession
    date: date | None

    @property
    def key(self) -> tuple[int, int]:
        """``(week, session)``."""
        return self.planned.key


def _weekdays(plan: Plan) -> dict[tuple[int, int], str]:
    return {
        (week.index, sess.index): sess.day
        for week, sess in plan.sessions()
        if sess.day is not None and sess.day in WEEKDAYS
    }


def dated_sessions(plan: Plan, anchor: date | None) -> tuple[DatedSession, ...]:
    """Every session of the plan in (week, session) order with the date it is planned for.

    Parameters
    ----------
    plan
        The plan.
    anchor
        The day the plan (its first version) was made; dates undated sessions that have a
        weekday. ``None`` leaves them undated.
    """
    days = _weekdays(plan)
    start = None if anchor is None else first_monday(anchor)
    out = []
    for s in planned_sessions(plan):
        when = s.date
        day = days.get(s.key)
        if when is None and start is not None and day is not None:
            when = start + timedelta(days=7 * (s.week - 1) + WEEKDAYS.index(day))
        out.append(DatedSession(s, when))
    return tuple(out)


def counts_as_done(log: SessionSummary) -> bool:
    """Whether a logged session uses its planned session up: finished, or with a set."""
    return log.finished or log.n_sets > 0


def _of_plan(log: SessionSummary, versions: Collection[int]) -> bool:
    return (
        log.plan_version is not None
        and log.plan_version in versions
        and log.planned_key is not None
    )


def sessions_that_count(
    logs: Sequence[SessionSummary], versions: Collection[int]
) -> frozenset[tuple[int, int]]:
    """``(week, session)`` of the planned sessions that the log has done.

    Parameters
    ----------
    logs
        The logged sessions (any order).
    versions
        The plan version and the versions it was adapted from.
    """
    return frozenset(
        log.planned_key  # type: ignore[misc]  # not None: checked by _of_plan
        for log in logs
        if _of_plan(log, versions) and counts_as_done(log)
    )


def _unacceptable(pain: int | None) -> bool:
    return pain is not None and pain_during(pain).decision == "unacceptable"


@dataclass(frozen=True)
class Schedule:
    """What the plan and the log say on one day.

    Attributes
    ----------
    today
        The day asked about.
    done
        ``(week, session)`` of the planned sessions that count as done.
    missed
        Dated sessions before today that were not done, in order.
    open_started_at
        Start of the plan's session begun today and not finished (to resume), if any.
    upcoming
        The sessions still to do in order, each with the date it is now planned for (never
        before today, never two on one date); the first is the next session.
    held_back
        Why the next session is not today although it would be, in plain words, or ``None``.
    """

    today: date
    done: frozenset[tuple[int, int]]
    missed: tuple[tuple[int, int], ...]
    open_started_at: datetime | None
    upcoming: tuple[DatedSession, ...]
    held_back: str | None

    @property
    def next(self) -> DatedSession | None:
        """The next session (the open one, if a session is open), or ``None`` when none is left."""
        return self.upcoming[0] if self.upcoming else None

    @property
    def due_today(self) -> bool:
        """Whether the next session is planned for today."""
        nxt = self.next
        return nxt is not None and nxt.date == self.today


def plan_schedule(
    sessions: Sequence[DatedSession],
    logs: Sequence[SessionSummary],
    *,
    versions: Collection[int],
    today: date,
    morning_pain_0_10: int | None = None,
) -> Schedule:
    """Decide the next session and the dates of those after it.

    Parameters
    ----------
    sessions
        The newest plan version's sessions with their dates (:func:`dated_sessions`).
    logs
        Summaries of the logged sessions: at least those of the plan's versions and every
        session started today.
    versions
        The plan's version and the versions it was adapted from (logs against them count).
    today
        The person's calendar day.
    morning_pain_0_10
        Back pain this morning from today's check-in, 0 to 10 (``None``: not checked in); above
        5/10 holds the next session back like pain in a session today (decision 0271).

    Returns
    -------
    Schedule
        Done, missed, the open session, and the upcoming sessions with their dates.
    """
    by_key = {s.key: s for s in sessions}
    done = sessions_that_count(logs, versions)
    todays = [log for log in logs if log.started_at.date() == today]
    open_logs = sorted(
        (
            log
            for log in todays
            if _of_plan(log, versions) and not log.finished and log.planned_key in by_key
        ),
        key=lambda log: log.started_at,
    )
    opened = open_logs[-1] if open_logs else None
    held_back = None
    if any(_unacceptable(log.pain_during) or _unacceptable(log.pain_after) for log in todays):
        held_back = PAINFUL_TODAY
    elif _unacceptable(morning_pain_0_10):
        held_back = PAINFUL_MORNING
    elif any(
        _of_plan(log, versions) and counts_as_done(log) and log is not opened for log in todays
    ):
        held_back = TRAINED_TODAY
    earliest = today if held_back is None else today + timedelta(days=1)
    missed = tuple(
        s.key for s in sessions if s.key not in done and s.date is not None and s.date < today
    )
    upcoming: list[DatedSession] = []
    if opened is not None and opened.planned_key is not None:
        upcoming.append(DatedSession(by_key[opened.planned_key].planned, today))
        earliest = today + timedelta(days=1)
    taken = {s.key for s in upcoming}
    for s in sessions:
        if s.key in done or s.key in taken or s.key in missed:
            continue
        when = earliest if s.date is None else max(s.date, earliest)
        upcoming.append(DatedSession(s.planned, when))
        earliest = when + timedelta(days=1)
    return Schedule(
        today=today,
        done=done,
        missed=missed,
        open_started_at=None if opened is None else opened.started_at,
        upcoming=tuple(upcoming),
        held_back=held_back if upcoming and upcoming[0].date != today else None,
    )
