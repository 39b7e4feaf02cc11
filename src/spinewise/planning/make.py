"""Make a plan for a profile: screen and assess it, then plan (what the services call)."""

from __future__ import annotations

from datetime import date

from spinewise.assessment import Assessment, assess
from spinewise.catalog import load_catalog
from spinewise.planning.from_profile import request_from_profile
from spinewise.planning.plan import Plan
from spinewise.planning.planner import make_plan
from spinewise.planning.spine import CompressionFn, model_compression_n
from spinewise.profile import Profile

__all__ = ["assess_and_plan", "make_plan_for_profile", "spine_compression"]


def spine_compression() -> CompressionFn:
    """The compression estimate the planner and validator use."""
    return model_compression_n


def make_plan_for_profile(
    profile: Profile, *, weeks: int | None = None, seed: int = 0, today: date | None = None
) -> Plan:
    """Screen, assess and plan; raise ScreeningStopError when screening did not clear.

    ``today`` dates the screening: a clinician's clearance older than 12 weeks no longer counts.
    """
    request = request_from_profile(profile, assess(profile, today=today), weeks=weeks)
    return make_plan(request, load_catalog(), seed=seed, compression=spine_compression())


def assess_and_plan(
    profile: Profile, *, weeks: int | None = None, seed: int = 0, today: date | None = None
) -> tuple[Assessment, Plan]:
    """Assess and plan in one go (the assessment is computed once)."""
    assessment = assess(profile, today=today)
    request = request_from_profile(profile, assessment, weeks=weeks)
    plan = make_plan(request, load_catalog(), seed=seed, compression=spine_compression())
    return assessment, plan
