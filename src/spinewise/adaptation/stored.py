"""Adapt a stored plan to its log, with the profile it was made for (what the services call)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from spinewise.adaptation.engine import Adaptation, adapt
from spinewise.assessment import assess
from spinewise.catalog import load_catalog
from spinewise.logbook.entries import SessionLog
from spinewise.planning.from_profile import request_from_profile
from spinewise.planning.make import spine_compression
from spinewise.planning.plan import Plan
from spinewise.profile import Profile, parse_profile

__all__ = ["adapt_stored"]


def adapt_stored(
    plan: Plan,
    sessions: Sequence[SessionLog],
    profile: Profile | Mapping[str, Any],
    *,
    today: date,
) -> Adaptation:
    """Adapt a stored plan to the athlete's log, with the profile the plan was made for.

    The planner's compression estimate is used, so that the version made passes
    ``spinewise plan validate`` with the same profile.
    """
    prof = profile if isinstance(profile, Profile) else parse_profile(profile)
    weeks = len(plan.weeks) or None
    request = request_from_profile(prof, assess(prof), weeks=weeks)
    seed = plan.generated_by.seed or 0
    return adapt(
        plan,
        sessions,
        request=request,
        catalog=load_catalog(),
        today=today,
        seed=seed,
        compression=spine_compression(),
    )
