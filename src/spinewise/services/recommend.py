"""'Recommended for you' and substitutes: what the plan, the log and the profile say."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spinewise.adaptation.recommend import Recommendation, recommended_for_you
from spinewise.assessment import assess
from spinewise.catalog import Catalog, load_catalog
from spinewise.errors import InputError
from spinewise.logbook import PlannedSession, SessionLog
from spinewise.logbook.summary import SessionSummary
from spinewise.planning.from_profile import request_from_profile
from spinewise.planning.plan import Plan
from spinewise.planning.request import PlanRequest
from spinewise.profile import Profile, parse_profile
from spinewise.services.handle import Store
from spinewise.services.plans import plan_entry
from spinewise.services.schedule import plan_schedule
from spinewise.store import list_profiles, list_sessions, reading
from spinewise.store.checkins import get_checkin

__all__ = [
    "ForYou",
    "RecommendInputs",
    "plan_equipment",
    "recommend_inputs",
    "recommended",
    "request_of",
]


@dataclass(frozen=True)
class RecommendInputs:
    """What recommending needs from the store.

    Attributes
    ----------
    plan, plan_version
        The newest plan and its version.
    sessions
        The whole log, in time order.
    profile
        The newest stored profile, if any.
    next_planned, next_date
        The next session (:mod:`spinewise.services.schedule`) and its date; ``None`` when none
        is left.
    """

    plan: Plan
    plan_version: int
    sessions: tuple[SessionLog, ...]
    profile: Profile | None
    next_planned: PlannedSession | None
    next_date: date | None


def recommend_inputs(
    store: Store, athlete: int | None, *, today: date, who: str
) -> RecommendInputs:
    """The newest plan, the log, the newest profile and the next session of an athlete.

    ``who`` names the athlete in the error when there is no plan.
    """
    entry = None if athlete is None else plan_entry(store, athlete)
    if athlete is None or entry is None:
        raise InputError(
            f"--athlete: no plan is stored for {who!r}; run `spinewise log use-plan FILE`"
        )
    with reading(store.engine) as db:
        sessions = tuple(s.log for s in list_sessions(db, athlete))
        profiles = list_profiles(db, athlete)
        morning = get_checkin(db, athlete, today)
    sched = plan_schedule(
        entry.sessions_on(today),
        [SessionSummary.from_log(s) for s in sessions],
        versions=entry.versions,
        today=today,
        morning_pain_0_10=None if morning is None else morning.pain_0_10,
    )
    nxt = sched.next
    return RecommendInputs(
        plan=entry.stored.record.plan,
        plan_version=entry.stored.record.version,
        sessions=sessions,
        profile=parse_profile(profiles[-1].profile) if profiles else None,
        next_planned=None if nxt is None else nxt.planned,
        next_date=None if nxt is None else nxt.date,
    )


#: The note when no profile is stored: what the recommendations do not weigh.
NO_PROFILE = (
    "no profile: findings and sensitivities are not weighed, and the equipment is what the plan "
    "uses"
)


def request_of(profile: Profile | None) -> PlanRequest | None:
    """What a plan for ``profile`` would be asked for (equipment, sensitivities, findings)."""
    return None if profile is None else request_from_profile(profile, assess(profile))


def plan_equipment(plan: Plan, catalog: Catalog) -> frozenset[str]:
    """The equipment the plan's exercises use."""
    ids = {it.exercise_id for _, s in plan.sessions() for _, it in s.items()}
    return frozenset(e for i in ids if i in catalog for e in catalog.get(i).equipment)


@dataclass(frozen=True)
class ForYou:
    """'Recommended for you': the next session and the ranked options for it.

    Attributes
    ----------
    inputs
        What the ranking read from the store (the next session and its date among them).
    recommendations
        The options, best first, each with its reasons in words.
    weighs_profile
        Whether the findings, sensitivities and equipment of a profile were weighed.
    """

    inputs: RecommendInputs
    recommendations: tuple[Recommendation, ...]
    weighs_profile: bool

    @property
    def in_next_session(self) -> tuple[Recommendation, ...]:
        """The options that are items of the next session."""
        return tuple(r for r in self.recommendations if r.kind == "planned")

    @property
    def also_like(self) -> tuple[Recommendation, ...]:
        """'You may also like': alternatives to planned items, and additions."""
        return tuple(r for r in self.recommendations if r.kind != "planned")


def recommended(
    inputs: RecommendInputs,
    *,
    today: date,
    request: PlanRequest | None,
    pain_now_0_10: int | None = None,
    k: int = 5,
    catalog: Catalog | None = None,
) -> ForYou:
    """Rank the options for the next session (as ``spinewise recommend``).

    Parameters
    ----------
    inputs
        From :func:`recommend_inputs`.
    today
        The athlete's local day.
    request
        The plan request of the profile to weigh (:func:`request_of`); ``None``: the plan's own
        equipment, no findings or sensitivities.
    pain_now_0_10
        Back pain now, 0 to 10 (``None``: not asked).
    k
        How many options.
    """
    cat = load_catalog() if catalog is None else catalog
    recs = recommended_for_you(
        plan=inputs.plan,
        sessions=inputs.sessions,
        catalog=cat,
        today=today,
        demands=request.demands if request else (),
        pain_now=pain_now_0_10,
        equipment=request.equipment if request else plan_equipment(inputs.plan, cat),
        sensitivities=request.sensitivities if request else frozenset(),
        plan_version=inputs.plan_version,
        k=k,
        next_planned=inputs.next_planned,
    )
    return ForYou(inputs=inputs, recommendations=tuple(recs), weighs_profile=request is not None)
