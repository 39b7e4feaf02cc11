"""The demo athlete of ``spinewise serve --demo``: the example profile, its plan, four weeks of log.

Everything is derived from the example profile, the day it is made and a fixed seed, so the same
day gives the same demo. The plan starts on the Monday four weeks before this week, so that four
weeks are logged (one session missed), the 7:28 load ratio has its 28 days, and this week's
sessions are still to do; a retest of the hold tests a day ago shows findings then and now.
"""

from __future__ import annotations

import random
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from importlib import resources
from typing import Any

from spinewise.assessment import assess
from spinewise.logbook import (
    AssessmentRecord,
    PainScores,
    PlannedRef,
    ProfileRecord,
    Readiness,
    SessionLog,
    SetLog,
    planned_sessions,
)
from spinewise.planning.make import make_plan_for_profile
from spinewise.profile import Profile, Tests, parse_profile
from spinewise.store import Engine, add_assessment, add_profile, add_session, save_plan, writing
from spinewise.store.accounts import create_user, find_user_by_email
from spinewise.web.security import PasswordService

__all__ = ["DEMO_EMAIL", "DEMO_PASSWORD", "DemoAccount", "demo_profile", "seed_demo"]

DEMO_EMAIL = "demo@spinewise.local"
DEMO_PASSWORD = "spinewise-demo"
_SEED = 7
_LOGGED_WEEKS = 4
#: Hold-test gains of the retest after four weeks (a plausible demo, not a prediction).
_RETEST_GAIN = 1.12


@dataclass(frozen=True)
class DemoAccount:
    """The demo's credentials and what was made (``created`` is False when it existed)."""

    email: str
    password: str
    created: bool
    sessions: int


def demo_profile(today: date) -> Profile:
    """The example profile, starting on the Monday four weeks before this week."""
    text = resources.files("spinewise.examples").joinpath("profile.example.toml").read_text()
    example = parse_profile(tomllib.loads(text))
    monday = today - timedelta(days=today.weekday()) - timedelta(weeks=_LOGGED_WEEKS)
    return example.model_copy(
        update={
            "athlete": example.athlete.model_copy(update={"name": "Demo Athlete"}),
            "schedule": example.schedule.model_copy(update={"start_date": monday}),
        }
    )


def _sets(rng: random.Random, items: Any, week: int) -> tuple[SetLog, ...]:
    out: list[SetLog] = []
    for item in items:
        sides = ("left", "right") if item.per_side else (None,)
        loaded = item.reps is not None and item.reps <= 10 and item.intensity_kind in ("rpe", "rir")
        for number in range(1, item.sets + 1):
            for side in sides:
                hold = None
                if item.hold_s is not None:
                    hold = round(max(1.0, item.hold_s + rng.choice((-2, -1, 0, 0, 1))), 1)
                out.append(
                    SetLog(
                        exercise_id=item.exercise_id,
                        set_number=number,
                        side=side,
                        reps=item.reps,
                        hold_s=hold,
                        load_kg=(10.0 + 2.5 * week + 2.5 * rng.randint(0, 2)) if loaded else None,
                        tempo=item.tempo,
                        rpe=float(rng.choice((6, 6.5, 7, 7.5))) if loaded else None,
                        target_reps=item.reps,
                        target_hold_s=item.hold_s,
                    )
                )
    return tuple(out)


def seed_demo(engine: Engine, passwords: PasswordService, today: date) -> DemoAccount:
    """Create the demo user with profile, plan and log, unless it exists already."""
    with writing(engine) as db:
        if find_user_by_email(db, DEMO_EMAIL) is not None:
            return DemoAccount(DEMO_EMAIL, DEMO_PASSWORD, False, 0)
    profile = demo_profile(today)
    plan = make_plan_for_profile(profile, seed=0)
    start = profile.schedule.start_date or today
    first_at = datetime.combine(start - timedelta(days=1), time(19, 0))
    held = profile.tests.model_dump(exclude_none=True)
    retest_tests = Tests(
        **{
            k: min(round(v * _RETEST_GAIN), 45) if "stance" in k else round(v * _RETEST_GAIN)
            for k, v in held.items()
        }
    )
    retest_profile = profile.model_copy(update={"tests": retest_tests})
    rng = random.Random(_SEED)
    hashed = passwords.hash(DEMO_PASSWORD)
    logged = 0
    with writing(engine) as db:
        user = create_user(db, DEMO_EMAIL, hashed, now=first_at)
        who = user.athlete_id
        for when, prof in (
            (first_at, profile),
            (datetime.combine(today - timedelta(days=1), time(20, 0)), retest_profile),
        ):
            add_profile(
                db,
                who,
                ProfileRecord(
                    recorded_at=when, profile=prof.model_dump(mode="json", exclude_none=True)
                ),
            )
            add_assessment(
                db, who, AssessmentRecord(recorded_at=when, result=assess(prof).to_json())
            )
        stored = save_plan(db, who, plan, created_at=first_at, seed=0)
        for sess in planned_sessions(plan):
            if sess.date is None or sess.date >= today or sess.week > _LOGGED_WEEKS:
                continue
            if (sess.week, sess.session) == (2, 2):
                continue  # one missed session, as in real life
            minutes = round((sess.estimated_minutes or 40.0) + rng.uniform(-4, 6), 1)
            before = rng.choice((1, 2, 2, 3))
            log = SessionLog(
                started_at=datetime.combine(sess.date, time(18, rng.randrange(0, 50, 5))),
                duration_min=minutes,
                session_rpe=rng.choice((5, 6, 6, 7)) + (1 if sess.week == 3 else 0),
                pain=PainScores(
                    before=before,
                    during=max(0, before + rng.choice((-1, 0, 1))),
                    after=max(0, before - rng.choice((0, 1, 1))),
                    next_morning=max(0, before - rng.choice((0, 1))),
                ),
                readiness=Readiness(
                    sleep_h=round(rng.uniform(6.5, 8.5), 1), energy=rng.randint(3, 4)
                ),
                source="demo",
                planned=PlannedRef(
                    plan_version=stored.record.version, week=sess.week, session=sess.session
                ),
                sets=_sets(rng, sess.items, sess.week),
            )
            add_session(db, who, log)
            logged += 1
    return DemoAccount(DEMO_EMAIL, DEMO_PASSWORD, True, logged)
