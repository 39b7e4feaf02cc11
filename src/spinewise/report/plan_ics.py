"""A plan as an iCalendar file (``spinewise plan PROFILE --format ics``), one event per session.

Choices (see ``docs/decisions/0051-plan-ics.md``):

- ``DTSTART`` is the session's date at ``start_hour``:00 in *floating* local time (no time
  zone), so that the session stays at that hour wherever the athlete's calendar lives.
- The event ends ``estimated_minutes`` later, written as ``DTEND`` (every calendar reads it; some
  ignore ``DURATION``).
- ``UID`` is ``spinewise-w<week>-s<session>-<digest>@<uid_domain>``, where the digest is the first
  16 hex digits of the SHA-256 of the athlete's name, the plan's seed and its catalogue version.
  Re-importing a plan made from the same inputs updates its events instead of duplicating them;
  two athletes' plans do not collide.
- ``DTSTAMP`` (required by RFC 5545 to be the time the object was created, in UTC) is set to
  midnight UTC of the plan's first session date rather than the clock, so that the same plan
  gives a byte-identical file.
- A plan with habits gets one extra, all-day, free-time event on its first session date
  (``UID`` ``spinewise-habits-<digest>@<uid_domain>``) summing the daily habits up in a line
  each; session events do not repeat them (``docs/decisions/0090-habits-view.md``).

References
----------
RFC 5545, Internet Calendaring and Scheduling Core Object Specification (iCalendar), 2009.
https://www.rfc-editor.org/rfc/rfc5545
"""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Calendar, Event

from spinewise.errors import InputError
from spinewise.planning.plan import Plan
from spinewise.report import plan_format as fmt
from spinewise.report.plan_view import PlanView, SessionView, build_plan_view
from spinewise.units import DEFAULT_WEIGHT_UNIT, WeightUnit

__all__ = ["plan_to_ics"]

_PRODID = "-//spinewise//spinewise plan//EN"
_NO_DATES = "schedule.start_date: needed for --format ics, got none"


def _digest(plan: Plan, view: PlanView) -> str:
    gen = plan.generated_by
    seed = "" if gen.seed is None else str(gen.seed)
    key = "\x1f".join((view.athlete_name, seed, gen.catalog_version or ""))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _session_date(session: SessionView) -> dt.date:
    if session.date is None:
        raise InputError(_NO_DATES)
    return dt.date.fromisoformat(session.date)  # a plan's dates are dates (Plan.read checks)


def _description(view: PlanView, session: SessionView) -> str:
    lines = [f"{session.label}, {session.minutes}"]
    if session.peak_compression:
        lines.append(f"Peak estimated L5/S1 compression: {session.peak_compression}")
    for block in session.blocks:
        lines += ["", f"{block.title}:"]
        lines += [f"- {item.line()}" for item in block.items]
    lines += ["", fmt.BASE_DISCLAIMER]
    return "\n".join(lines)


def _habits_event(view: PlanView, first: dt.date, digest: str, uid_domain: str) -> Event | None:
    habits = view.habits
    if habits is None or not (habits.habits or habits.not_included):
        return None
    lines = [f"- {habit.summary}" for habit in habits.habits]
    lines += [f"- {line}" for line in habits.not_included]
    topics = [link.command for habit in habits.habits for link in habit.learn]
    if topics:
        lines += ["", "Read more:", *(f"- {t}" for t in dict.fromkeys(topics))]
    lines += ["", "The plan explains each habit, its dose, its reasons and its sources."]
    event = Event()
    event.add("uid", f"spinewise-habits-{digest}@{uid_domain}")
    event.add("dtstamp", dt.datetime.combine(first, dt.time(0, 0), tzinfo=dt.UTC))
    event.add("dtstart", first)
    event.add("dtend", first + dt.timedelta(days=1))
    event.add("summary", "spinewise daily habits")
    event.add("description", "\n".join(["Between sessions:", *lines]))
    event.add("categories", ["spinewise"])
    event.add("transp", "TRANSPARENT")
    return event


def plan_to_ics(
    plan: Plan,
    *,
    start_hour: int = 18,
    uid_domain: str = "spinewise.local",
    unit: WeightUnit = DEFAULT_WEIGHT_UNIT,
) -> bytes:
    """Render a plan as an iCalendar file: one event per session, one all-day habits note.

    Parameters
    ----------
    plan
        A plan whose sessions all have dates.
    start_hour
        Hour of day each session starts [h, 0 to 23], floating local time.
    uid_domain
        Right-hand side of every event ``UID``.
    unit
        The unit the sessions' loads are written in ("kg" or "lb").

    Returns
    -------
    bytes
        The ``VCALENDAR`` in UTF-8 with CRLF line ends. The same plan and options give the same
        bytes.

    Raises
    ------
    InputError
        A session has no date (``schedule.start_date`` was not given), or ``start_hour`` is
        outside 0 to 23.

    Examples
    --------
    >>> from icalendar import Calendar
    >>> item = {"exercise_id": "bird_dog", "sets": 2, "reps": 6, "hold_s": 8, "per_side": True,
    ...         "tempo": None, "rest_s": 30, "intensity": {"kind": "bodyweight"}, "why": ["x"]}
    >>> plan = {"athlete": {"name": "Ada"}, "findings": [], "weeks": [
    ...     {"index": 1, "phase": "foundation", "deload": False, "sessions": [
    ...         {"index": 1, "date": "2026-12-07", "estimated_minutes": 30,
    ...          "blocks": [{"kind": "stability", "items": [item]}]}]}],
    ...     "solver": {"status": "OPTIMAL", "solve_seconds": 0.1, "relaxed": []}}
    >>> event = Calendar.from_ical(plan_to_ics(Plan.read(plan))).walk("VEVENT")[0]
    >>> str(event["SUMMARY"]), event.decoded("DTSTART")
    ('spinewise W1 S1 · foundation', datetime.datetime(2026, 12, 7, 18, 0))
    """
    if isinstance(start_hour, bool) or not isinstance(start_hour, int) or not 0 <= start_hour <= 23:
        raise InputError(f"start_hour: must be a whole hour 0 to 23, got {start_hour!r}")
    view = build_plan_view(plan, unit)
    sessions = view.sessions
    dates = [_session_date(s) for s in sessions]
    digest = _digest(plan, view)

    cal = Calendar()
    cal.add("prodid", _PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", view.title)
    stamp = (
        dt.datetime.combine(min(dates), dt.time(0, 0), tzinfo=dt.UTC)
        if dates
        else dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    )
    for session, date in zip(sessions, dates, strict=True):
        start = dt.datetime.combine(date, dt.time(start_hour, 0))
        minutes = max(1, round(session.estimated_minutes))
        event = Event()
        event.add("uid", f"spinewise-w{session.week_index}-s{session.index}-{digest}@{uid_domain}")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=minutes))
        event.add("summary", f"spinewise {session.label}")
        event.add("description", _description(view, session))
        event.add("categories", ["spinewise"])
        event.add("transp", "OPAQUE")
        cal.add_component(event)
    note = _habits_event(view, min(dates), digest, uid_domain) if dates else None
    if note is not None:
        cal.add_component(note)
    return bytes(cal.to_ical())
