"""Plans made from a profile and not stored: ``spinewise plan``, ``plan quality`` and the demo.

Kept apart from :mod:`spinewise.services.plans` (stored plans) so that making a plan imports no
database layer (decision 0130); :mod:`spinewise.services.plans` re-exports these names.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from spinewise.assessment import Assessment
from spinewise.catalog import load_catalog
from spinewise.planning import make as planning
from spinewise.planning.plan import Plan
from spinewise.profile import Profile

if TYPE_CHECKING:
    from spinewise.report.quality import PlanQuality

__all__ = ["assess_and_plan", "measure_plan", "plan_for_profile"]


def plan_for_profile(
    profile: Profile, *, weeks: int | None = None, seed: int = 0, today: date | None = None
) -> Plan:
    """Screen, assess and plan (``spinewise plan``); nothing is stored.

    Raises ScreeningStopError when screening did not clear (on ``today``, when given).
    """
    return planning.make_plan_for_profile(profile, weeks=weeks, seed=seed, today=today)


def measure_plan(
    plan: Plan, profile: Profile, *, rendered: Sequence[str] | None = None
) -> PlanQuality:
    """The figures a clinician checks in ``plan`` for ``profile`` (``spinewise plan quality``).

    ``rendered`` are the printed forms of the plan to scan for internal names (the markdown
    plan when not given). Raises ScreeningStopError when the profile's screening does not clear.
    """
    from spinewise.report.quality import plan_quality  # only here: not needed to make a plan

    return plan_quality(plan, profile, load_catalog(), rendered=rendered)


def assess_and_plan(
    profile: Profile, *, weeks: int | None = None, seed: int = 0, today: date | None = None
) -> tuple[Assessment, Plan]:
    """The assessment and the plan of a profile (``spinewise demo``); nothing is stored."""
    return planning.assess_and_plan(profile, weeks=weeks, seed=seed, today=today)
