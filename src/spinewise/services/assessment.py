"""Assessment: validate and store a profile with its assessment; the newest one back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from spinewise.assessment import Assessment, assess
from spinewise.logbook import AssessmentRecord, ProfileRecord
from spinewise.profile import Profile, ScreeningAnswers
from spinewise.services.handle import Store
from spinewise.store import (
    add_assessment,
    add_profile,
    list_assessments,
    list_profiles,
    reading,
    writing,
)
from spinewise.store.accounts import OnboardingDraft, set_user_draft, set_weight_unit
from spinewise.store.engine import advisory_lock
from spinewise.units import WeightUnit

__all__ = [
    "CurrentProfile",
    "assess_profile",
    "current_profile",
    "keep_draft",
    "keep_weight_unit",
    "save_profile",
]


@dataclass(frozen=True)
class CurrentProfile:
    """The newest stored profile and its assessment (``None`` when none was stored)."""

    profile: ProfileRecord
    assessment: AssessmentRecord | None


def stamp_after(now: datetime, previous: datetime | None) -> datetime:
    """A time after ``previous`` (two saves in one instant must not share a key)."""
    if previous is not None and now <= previous:
        return previous + timedelta(microseconds=1)
    return now


def assess_profile(profile: Profile, *, today: date | None = None) -> Assessment:
    """Screen and assess a profile on ``today`` (nothing is stored)."""
    return assess(profile, today=today)


def save_profile(store: Store, athlete: int, profile: Profile, *, now: datetime) -> Assessment:
    """Store a profile and its assessment (as ``spinewise assess``).

    Raw input (TOML, a JSON body, a form) is checked by :func:`spinewise.profile.parse_profile`
    before it gets here.
    """
    result = assess(profile, today=now.date())
    stored = profile.model_dump(mode="json", exclude_none=True)
    with writing(store.engine) as db:
        advisory_lock(db, athlete)
        profiles = list_profiles(db, athlete)
        at = stamp_after(now, profiles[-1].recorded_at if profiles else None)
        add_profile(db, athlete, ProfileRecord(recorded_at=at, profile=stored))
        add_assessment(db, athlete, AssessmentRecord(recorded_at=at, result=result.to_json()))
    return result


def current_profile(store: Store, athlete: int) -> CurrentProfile | None:
    """The newest stored profile and its assessment, if any."""
    with reading(store.engine) as db:
        profiles = list_profiles(db, athlete)
        assessments = list_assessments(db, athlete)
    if not profiles:
        return None
    return CurrentProfile(profiles[-1], assessments[-1] if assessments else None)


def keep_draft(store: Store, user_id: int, screening: ScreeningAnswers | None) -> None:
    """Keep a web user's screening answers until the onboarding is done (None clears them)."""
    draft = None if screening is None else OnboardingDraft(screening=screening)
    with writing(store.engine) as db:
        set_user_draft(db, user_id, draft)


def keep_weight_unit(store: Store, user_id: int, unit: WeightUnit) -> None:
    """Keep the unit a web user sees and types weights in (stored weights stay in kg)."""
    with writing(store.engine) as db:
        set_weight_unit(db, user_id, unit)
