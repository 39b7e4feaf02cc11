"""The morning check-in: store the answers, give the guidance and what it means for today.

The questions and the guidance rules are :mod:`spinewise.habits.checkin`'s (decision 0062). The
answers are kept where the CLI keeps them, on session logs: the sleep, soreness, stress and energy
as the readiness of today's session, the back pain this morning as the next-morning pain of the
last session of yesterday (``spinewise log morning``). A check-in is answered before today's
session exists, so the day's answers are also kept in the check-in table and copied onto the
session when it starts (decision 0271).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from spinewise.habits.checkin import LEVELS, CheckIn, Guidance, checkin_guidance
from spinewise.habits.checkin import QUESTIONS as CHECKIN_QUESTIONS
from spinewise.pain_bands import ACCEPTABLE_MAX_0_10, pain_band
from spinewise.profile import parse_profile
from spinewise.services.adapt import AdaptationQueue, finish_session
from spinewise.services.handle import Store
from spinewise.services.schedule import local_today
from spinewise.services.sessions import SessionFields, next_session
from spinewise.store import list_profiles, list_sessions, reading, writing
from spinewise.store.checkins import StoredCheckIn, get_checkin, put_checkin, set_readiness

__all__ = [
    "CHECKIN_QUESTIONS",
    "MorningCheckIn",
    "morning_checkin",
    "record_checkin",
]


@dataclass(frozen=True)
class MorningCheckIn:
    """A morning's check-in with its guidance.

    Attributes
    ----------
    day
        The athlete's local day.
    answers
        The answers (an unanswered question is ``None``).
    guidance
        The advice, most important first (:func:`spinewise.habits.checkin.checkin_guidance`).
    usual_pain
        The athlete's usual back pain [0-10] the guidance compares with: the stored profile's
        current pain, 0 without a profile.
    session_today
        What the guidance means for today's session, in plain words.
    next_morning_on
        The id of yesterday's session that got this morning's pain as its next-morning pain, or
        ``None`` (no pain given, or no session yesterday).
    """

    day: date
    answers: CheckIn
    guidance: tuple[Guidance, ...]
    usual_pain: int
    session_today: str
    next_morning_on: int | None = None

    @property
    def level(self) -> str:
        """The most careful level of the guidance: ``ok``, ``easy``, ``reduce`` or ``skip``."""
        return max((g.level for g in self.guidance), key=LEVELS.index, default="ok")


def _usual_pain(store: Store, athlete: int) -> int:
    with reading(store.engine) as db:
        profiles = list_profiles(db, athlete)
    if not profiles:
        return 0
    return parse_profile(profiles[-1].profile).pain.current


def _session_words(level: str, pain: int | None, due_today: bool | None) -> str:
    """What the guidance means for today's session.

    ``due_today`` is ``None`` when no session is left in the plan (or there is no plan).
    """
    if pain is not None and pain_band(pain) == "unacceptable":
        return (
            f"Back pain above {ACCEPTABLE_MAX_0_10}/10 is more than the plan ever trains "
            "through: do not do today's session and do not add load. Nothing progresses until "
            "your morning pain is back in the acceptable range."
        )
    if due_today is None:
        return "You have no planned session left to do."
    if not due_today:
        rest = "Nothing is planned for today: a rest day."
        if level in ("reduce", "easy"):
            return f"{rest} Easy walking is fine; check in again before your next session."
        return rest
    if level == "reduce":
        return (
            "Do today's session lighter: fewer sets, easier versions and shorter holds, and no "
            "step up in load. Stop an exercise if it takes your pain above "
            f"{ACCEPTABLE_MAX_0_10}/10."
        )
    if level == "easy":
        return (
            "Do today's session at the easy end: the lower number of sets, nothing new, no "
            f"maximal efforts, and stop an exercise if it takes your pain above "
            f"{ACCEPTABLE_MAX_0_10}/10."
        )
    return (
        "Do today's session as planned. Stop an exercise if it takes your pain above "
        f"{ACCEPTABLE_MAX_0_10}/10."
    )


def _outcome(
    store: Store, athlete: int, day: date, answers: CheckIn, on: int | None = None
) -> MorningCheckIn:
    usual = _usual_pain(store, athlete)
    guidance = tuple(checkin_guidance(answers, usual))
    level = max((g.level for g in guidance), key=LEVELS.index, default="ok")
    nxt = next_session(store, athlete, today=day)
    due = None if nxt is None else nxt.due_today
    return MorningCheckIn(
        day=day,
        answers=answers,
        guidance=guidance,
        usual_pain=usual,
        session_today=_session_words(level, answers.next_morning_pain, due),
        next_morning_on=on,
    )


def _answers(stored: StoredCheckIn) -> CheckIn:
    return CheckIn(
        sleep_h=stored.sleep_h,
        soreness=stored.soreness,
        stress=stored.stress,
        energy=stored.energy,
        next_morning_pain=stored.pain_0_10,
    )


def morning_checkin(store: Store, athlete: int, *, today: date) -> MorningCheckIn | None:
    """Today's stored check-in with its guidance; ``None`` when not checked in today."""
    with reading(store.engine) as db:
        stored = get_checkin(db, athlete, today)
    return None if stored is None else _outcome(store, athlete, today, _answers(stored))


def record_checkin(
    store: Store,
    athlete: int,
    answers: CheckIn,
    *,
    now: datetime,
    jobs: AdaptationQueue | None = None,
) -> MorningCheckIn:
    """Store this morning's check-in and give its guidance.

    The answers replace an earlier check-in of the same day. The readiness goes onto the
    sessions already logged today that have none; the pain onto the last session of yesterday
    as its next-morning pain (as ``spinewise log morning``), which adapts the plan like the
    next-morning question of the session page.

    Parameters
    ----------
    answers
        Checked answers (:meth:`spinewise.habits.checkin.CheckIn.from_answers`).
    now
        The athlete's local time.
    jobs
        Where the adaptation is queued (``None``: it runs now).
    """
    day = local_today(now)
    stored = StoredCheckIn(
        day=day,
        recorded_at=now.replace(microsecond=0),
        sleep_h=answers.sleep_h,
        soreness=answers.soreness,
        stress=answers.stress,
        energy=answers.energy,
        pain_0_10=answers.next_morning_pain,
    )
    yesterday = day - timedelta(days=1)
    with writing(store.engine) as db:
        put_checkin(db, athlete, stored)
        set_readiness(db, athlete, day, stored.readiness)
        before = list_sessions(db, athlete, since=yesterday, until=yesterday)
    on = None
    if answers.next_morning_pain is not None and before:
        on = before[-1].id
        finish_session(
            store,
            athlete,
            on,
            SessionFields(pain_next_morning=answers.next_morning_pain),
            now=now,
            jobs=jobs,
        )
    return _outcome(store, athlete, day, answers, on)
