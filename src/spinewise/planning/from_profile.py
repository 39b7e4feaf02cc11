"""Build the planner's request from a profile and its assessment.

Findings reach the planner only through their consequences: ``avoid_sensitivity`` joins the
excluded sensitivities, ``level_cap`` lowers the level window, and the others become
:class:`~spinewise.planning.request.Demand` values. When several findings ask for the same
thing, the largest request wins (they are not added up).
"""

from __future__ import annotations

from spinewise.assessment import Assessment
from spinewise.errors import ScreeningStopError
from spinewise.planning.request import Demand, PlanRequest
from spinewise.profile import Profile

__all__ = ["FLOOR_SPACE", "request_from_profile"]

#: A mat stands for floor space: floor exercises are open to everyone, with or without a mat
#: (a towel on carpet serves). See docs/decisions/0003-mat-is-floor-space.md.
FLOOR_SPACE = frozenset({"mat"})


def request_from_profile(
    profile: Profile, assessment: Assessment, *, weeks: int | None = None
) -> PlanRequest:
    """The plan request for a screened profile.

    Raises
    ------
    ScreeningStopError
        When screening did not clear the athlete (emergency, or see a clinician first).
    """
    if not assessment.screening.cleared:
        status = assessment.screening.status
        lines = [f"screening: {status}: no plan is made"]
        lines += [f"screening.{r.flag}: {r.why}" for r in assessment.screening.reasons]
        raise ScreeningStopError(lines)
    sensitivities = set(assessment.sensitivities)
    max_level: int | None = None
    demands: dict[tuple[object, ...], Demand] = {}
    for finding in assessment.findings:
        for c in finding.consequences:
            if c.kind == "avoid_sensitivity" and c.sensitivity:
                sensitivities.add(c.sensitivity)
            elif c.kind == "level_cap" and c.max_level is not None:
                max_level = c.max_level if max_level is None else min(max_level, c.max_level)
            elif c.kind in ("extra_volume", "weaker_side", "every_session", "prefer"):
                key = (c.kind, c.quality, c.region, c.pattern, c.side)
                demand = Demand(
                    kind=c.kind,
                    finding=finding.code,
                    quality=c.quality,
                    region=c.region,
                    pattern=c.pattern,
                    side=c.side,
                    sets=c.sets,
                    note=c.note,
                )
                if key not in demands or demands[key].sets < demand.sets:
                    demands[key] = demand
    a, s = profile.athlete, profile.schedule
    triggers = frozenset(
        p for p in profile.pain.aggravated_by if p in ("prolonged_sitting", "prolonged_standing")
    )
    return PlanRequest(
        name=a.name,
        sex=a.sex,
        age=a.age,
        body_mass_kg=a.body_mass_kg,
        training_experience=a.training_experience,
        days_per_week=s.days_per_week,
        minutes_per_session=s.minutes_per_session,
        weeks=weeks or s.weeks,
        equipment=(frozenset(profile.equipment.available) - {"none"}) | FLOOR_SPACE,
        sensitivities=frozenset(sensitivities),
        pain_current=profile.pain.current,
        goals=tuple(profile.goals.focus),
        demands=tuple(demands[k] for k in sorted(demands, key=str)),
        max_level=max_level,
        start_date=s.start_date,
        preferred_days=s.preferred_days,
        height_cm=a.height_cm,
        posture_triggers=triggers,
        findings=tuple((f.code, f.severity, f.summary) for f in assessment.findings),
        tested_holds_s=_tested_holds(profile),
        maxes_kg=tuple(
            (lift, float(kg))
            for lift, kg in (
                ("squat", profile.maxes.squat_kg),
                ("deadlift", profile.maxes.deadlift_kg),
                ("bench_press", profile.maxes.bench_press_kg),
            )
            if kg is not None
        ),
    )


def _tested_holds(profile: Profile) -> tuple[tuple[str, float], ...]:
    """The tested maximal holds by family of exercise [s] (the weaker side for side bridges)."""
    t = profile.tests
    sides = [v for v in (t.side_bridge_left_s, t.side_bridge_right_s) if v is not None]
    pairs = (
        ("side_bridge", min(sides) if sides else None),
        ("single_leg_stance", t.single_leg_stance_eyes_open_s),
        ("trunk_extensor", t.trunk_extensor_s),
        ("trunk_flexor", t.trunk_flexor_s),
    )
    return tuple((family, float(v)) for family, v in pairs if v is not None)
