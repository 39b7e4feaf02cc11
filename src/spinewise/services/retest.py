"""Retests: new hold times in, a new profile and the rest of the plan planned again, out.

``spinewise retest`` and the web app's Retest page call :func:`record_retest`. The new profile
and the re-planned version are written in one transaction: both or neither.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from spinewise.adaptation.engine import logged_keys
from spinewise.adaptation.guard import refused_replan
from spinewise.adaptation.retest import replan_after_retest
from spinewise.assessment import Assessment, assess
from spinewise.catalog import load_catalog
from spinewise.errors import InputError, ScreeningStopError
from spinewise.logbook import AssessmentRecord, ProfileRecord
from spinewise.planning.from_profile import request_from_profile
from spinewise.planning.make import spine_compression
from spinewise.planning.plan import PlanChange
from spinewise.profile import Profile, Tests, parse_profile
from spinewise.services.assessment import stamp_after
from spinewise.services.handle import Store
from spinewise.services.plans import plan_entry
from spinewise.store import (
    StoredPlan,
    add_assessment,
    add_profile,
    list_profiles,
    list_sessions,
    reading,
    save_plan,
    writing,
)
from spinewise.store.engine import advisory_lock

__all__ = ["RetestOutcome", "record_retest"]


@dataclass(frozen=True)
class RetestOutcome:
    """What a retest did: the new assessment, and the re-planned version with its reason.

    ``held`` is the re-plan refused because its new weeks would break a requirement of the plan
    (:func:`spinewise.adaptation.guard.refused_replan`; the plan then stands, the first reason
    says why), else None.
    """

    assessment: Assessment
    plan: StoredPlan | None
    change: PlanChange | None
    held: PlanChange | None = None


def _with_tests(profile: Profile, holds_s: Mapping[str, float | None]) -> Profile:
    known = tuple(Tests.model_fields)
    unknown = sorted(set(holds_s) - set(known))
    if unknown:
        raise InputError(f"tests: unknown test {', '.join(unknown)}; allowed: {', '.join(known)}")
    given = {k: v for k, v in holds_s.items() if v is not None}
    if not given:
        raise InputError("tests: give at least one hold time from the retest")
    data = profile.model_dump(mode="json", exclude_none=True)
    data["tests"] = {**data.get("tests", {}), **given}
    return parse_profile(data)


def record_retest(
    store: Store, athlete: int, holds_s: Mapping[str, float | None], *, now: datetime
) -> RetestOutcome:
    """Store the retest's hold times and plan the weeks still to come again with them.

    Parameters
    ----------
    holds_s
        Hold times [s] by test field (``trunk_flexor_s``, ``side_bridge_left_s``...); tests not
        given keep their earlier values.

    Raises
    ------
    InputError
        No stored profile, an unknown test, or a hold time out of range (nothing is stored).
    ScreeningStopError
        The profile's screening does not clear on ``now``'s date (nothing is stored).
    """
    today = now.date()
    with reading(store.engine) as db:
        records = list_profiles(db, athlete)
        sessions = [s.log for s in list_sessions(db, athlete)]
    if not records:
        raise InputError("profile: no profile yet; complete the onboarding first")
    before_profile = parse_profile(records[-1].profile)
    after_profile = _with_tests(before_profile, holds_s)
    after_assessment = assess(after_profile, today=today)
    if not after_assessment.screening.cleared:
        raise ScreeningStopError(
            [f"screening.{r.flag}: {r.why}" for r in after_assessment.screening.reasons]
        )
    entry = plan_entry(store, athlete)
    replanned = None
    held = None
    if entry is not None:
        plan = entry.stored.record.plan
        weeks = len(plan.weeks) or None
        before = request_from_profile(before_profile, assess(before_profile), weeks=weeks)
        after = request_from_profile(after_profile, after_assessment, weeks=weeks)
        replanned = replan_after_retest(
            plan,
            logged_keys(sessions),
            today,
            before=before,
            after=after,
            catalog=load_catalog(),
            seed=plan.generated_by.seed or 0,
        )
        if replanned is not None:
            held = refused_replan(
                plan, replanned[0], replanned[1], after, load_catalog(), spine_compression()
            )
            if held is not None:
                replanned = None
    data = after_profile.model_dump(mode="json", exclude_none=True)
    with writing(store.engine) as db:
        advisory_lock(db, athlete)
        at = stamp_after(now, list_profiles(db, athlete)[-1].recorded_at)
        add_profile(db, athlete, ProfileRecord(recorded_at=at, profile=data))
        add_assessment(
            db, athlete, AssessmentRecord(recorded_at=at, result=after_assessment.to_json())
        )
        saved = None
        if replanned is not None and entry is not None:
            new, _change = replanned
            adapted = replace(
                new, adapted_from_ids=(*entry.stored.record.plan.adapted_from_ids, entry.stored.id)
            )
            saved = save_plan(db, athlete, adapted, created_at=now, seed=entry.stored.record.seed)
    return RetestOutcome(after_assessment, saved, None if replanned is None else replanned[1], held)
