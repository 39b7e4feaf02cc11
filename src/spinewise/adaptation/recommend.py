"""'Recommended for you': ranked options for the next session.

The options are the next planned session's items, their close alternatives and additions that
serve a finding (or, in pain, gentle work). Each option that can be done today (equipment, no
avoided sensitivity, level cap) gets a score, the sum of five parts:

=========  =============================================================================  ======
part       rule                                                                           range
=========  =============================================================================  ======
fit        1 for a planned item; else the tag similarity to the closest planned item      0..1
findings   +1 per finding whose demand it serves (at most 2)                              0..2
recency    -1 when done today or yesterday; +0.5 x (days - 7) / 21 after 7 days           -1..0.5
           (full at 28 days); 0 otherwise and when never logged
hurt       -2 when a session with it in the last 28 days had pain during above 5/10;     -2..0
           two such sessions drop it
pain now   at pain 4/10 or more: +1 for gentle work (level 1-2, isometric endurance or    -1..1
           motor control), -1 for demanding work (level 3+, ballistic, rate of force
           development, heavy hinge); above 5/10 demanding work drops out
=========  =============================================================================  ======

The weights, the 28-day windows and the 0.6 similarity that makes an option an alternative are
design choices (docs/science/recommendations.md), not published values. The pain bands are the
pain-monitoring model's (:func:`spinewise.adaptation.pain.pain_during`; Silbernagel et al. 2007,
[C2], validated in Achilles tendinopathy, extrapolated to the back). Pain during is rated per
session, so every exercise of a painful session is blamed. Ties are broken by exercise id.

References
----------
Silbernagel KG, Thomeé R, Eriksson BI, Karlsson J (2007). Continued sports activity, using a
pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy: a randomized
controlled study. Am J Sports Med 35(6):897-906. doi:10.1177/0363546506298279.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from types import EllipsisType
from typing import Literal, TypedDict

from spinewise.adaptation.coverage import demand_text
from spinewise.adaptation.pain import pain_during
from spinewise.adaptation.recommend_inputs import (
    HURT_WINDOW_D,
    ExerciseHistory,
    logged_keys,
    next_session,
)
from spinewise.catalog import Catalog, Exercise, similarity_index
from spinewise.errors import InputError
from spinewise.logbook.entries import SessionLog
from spinewise.logbook.planned import PlannedSession, planned_sessions
from spinewise.planning.candidates import is_heavy_hinge
from spinewise.planning.from_profile import FLOOR_SPACE
from spinewise.planning.plan import Plan
from spinewise.planning.policy import serves_demand
from spinewise.planning.request import Demand

__all__ = [
    "ALTERNATIVE_MIN_SIMILARITY",
    "HURT_WINDOW_D",
    "Recommendation",
    "logged_keys",
    "next_session",
    "recommended_for_you",
]

Kind = Literal["planned", "alternative", "addition"]


class RecommendationJson(TypedDict):
    """:meth:`Recommendation.to_json`: one recommendation as ``spinewise recommend`` writes it."""

    exercise_id: str
    name: str
    score: float
    kind: Kind
    instead_of: str | None
    reasons: list[str]
    parts: dict[str, float]


# Every weight and window below is a design choice, not a published value (see the module
# docstring and docs/science/recommendations.md).
#: Points per finding an option serves, and how many findings count at most.
FINDING_POINTS, MAX_FINDINGS = 1.0, 2
#: Points for an exercise done at most this many days ago [d] (0 = today, 1 = yesterday).
RECENT_PENALTY, RECENT_MAX_D = -1.0, 1
#: Points for an exercise not done for a while: none up to STALE_FROM_D days [d], rising
#: linearly to STALE_BONUS at STALE_FULL_D days [d] and more.
STALE_BONUS, STALE_FROM_D, STALE_FULL_D = 0.5, 7, 28
#: Points for an exercise in a session with unacceptable pain during in the last
#: HURT_WINDOW_D days; this many such sessions drop it.
HURT_PENALTY, HURT_DROP_SESSIONS = -2.0, 2
#: Points for gentle and for demanding work when pain now is 4/10 or more.
GENTLE_POINTS, DEMANDING_POINTS = 1.0, -1.0
#: A non-planned option at least this similar to a planned item is an alternative to it.
ALTERNATIVE_MIN_SIMILARITY = 0.6
#: At most this many alternatives to the same planned item in one list.
MAX_PER_PLANNED = 2


@dataclass(frozen=True)
class Recommendation:
    """One ranked option for the next session.

    Attributes
    ----------
    exercise_id, name
        The exercise.
    score
        The sum of ``parts`` (rounded to 3 decimals); higher is better.
    kind
        ``planned`` (in the next session), ``alternative`` (close to a planned item, named in
        ``instead_of``) or ``addition``.
    instead_of
        The planned item an alternative could replace.
    reasons
        Plain sentences, one per part that counted.
    parts
        ``(part, points)`` of the score: ``fit``, ``findings``, ``recency``, ``hurt``,
        ``pain_now``.
    """

    exercise_id: str
    name: str
    score: float
    kind: Kind
    instead_of: str | None
    reasons: tuple[str, ...]
    parts: tuple[tuple[str, float], ...]

    def to_json(self) -> RecommendationJson:
        """The recommendation as JSON."""
        return {
            "exercise_id": self.exercise_id,
            "name": self.name,
            "score": self.score,
            "kind": self.kind,
            "instead_of": self.instead_of,
            "reasons": list(self.reasons),
            "parts": dict(self.parts),
        }


def _gentle(ex: Exercise) -> bool:
    return ex.level <= 2 and bool({"isometric_endurance", "motor_control"} & set(ex.qualities))


def _demanding(ex: Exercise) -> bool:
    return (
        ex.level >= 3
        or ex.loading == "ballistic"
        or "rate_of_force_development" in ex.qualities
        or is_heavy_hinge(ex)
    )


def _validate(plan: Plan, pain_now: int | None, k: int) -> None:
    problems = []
    if not plan.weeks:
        problems.append("plan: not a plan (it has no weeks)")
    if pain_now is not None and (
        isinstance(pain_now, bool) or not isinstance(pain_now, int) or not 0 <= pain_now <= 10
    ):
        problems.append(f"pain_now: must be a whole number from 0 to 10, got {pain_now!r}")
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        problems.append(f"k: must be a whole number of at least 1, got {k!r}")
    if problems:
        raise InputError(problems)


def _plan_exercises(plan: Plan, catalog: Catalog) -> list[Exercise]:
    ids = {it.exercise_id for s in planned_sessions(plan) for it in s.items}
    return [catalog.get(e) for e in sorted(ids) if e in catalog]


def _week_phase(plan: Plan, week: int) -> str | None:
    for w in plan.weeks:
        if w.index == week:
            return w.phase
    return None


def _recency(last: date | None, today: date) -> tuple[float, str | None]:
    if last is None:
        return 0.0, None
    days = (today - last).days
    if days <= RECENT_MAX_D:
        when = "today" if days == 0 else "yesterday"
        return RECENT_PENALTY, f"Done {when}: give it a rest day."
    if days > STALE_FROM_D:
        share = min(1.0, (days - STALE_FROM_D) / (STALE_FULL_D - STALE_FROM_D))
        return STALE_BONUS * share, f"Not done for {days} days."
    return 0.0, None


@dataclass(frozen=True)
class _Context:
    """Everything the score of one option depends on."""

    catalog: Catalog
    today: date
    nxt: PlannedSession | None
    planned: tuple[str, ...]
    kit: frozenset[str]
    avoid: frozenset[str]
    max_level: int
    foundation: bool
    demands: tuple[Demand, ...]
    pain_now: int | None
    history: ExerciseHistory

    @property
    def pain_band(self) -> str | None:
        return None if self.pain_now is None else pain_during(self.pain_now).decision


def _level_cap(
    plan: Plan, catalog: Catalog, nxt: PlannedSession | None, in_plan: list[Exercise]
) -> int:
    week = {
        it.exercise_id
        for s in planned_sessions(plan)
        if nxt is not None and s.week == nxt.week
        for it in s.items
    }
    levels = [catalog.get(e).level for e in week if e in catalog] or [ex.level for ex in in_plan]
    return max(levels, default=5)


def _doable(ex: Exercise, ctx: _Context, planned: bool) -> bool:
    if not set(ex.equipment) <= ctx.kit or set(ex.sensitivities) & ctx.avoid:
        return False
    if not planned and (ex.level > ctx.max_level or (ctx.foundation and "jump" in ex.patterns)):
        return False
    if len(ctx.history.hurt_days.get(ex.id, ())) >= HURT_DROP_SESSIONS:
        return False
    return not (ctx.pain_band == "unacceptable" and _demanding(ex))


def _fit(
    ex: Exercise, ctx: _Context
) -> tuple[Kind, str | None, list[tuple[str, float]], list[str]]:
    if ex.id in ctx.planned:
        assert ctx.nxt is not None
        where = f"week {ctx.nxt.week}, session {ctx.nxt.session}"
        return "planned", None, [("fit", 1.0)], [f"In your next session ({where})."]
    if not ctx.planned:
        return "addition", None, [], []
    index = similarity_index(ctx.catalog)
    anchor = min(ctx.planned, key=lambda p: (-round(index.score(ex.id, p), 12), p))
    sim = round(index.score(ex.id, anchor), 4)
    if sim < ALTERNATIVE_MIN_SIMILARITY:
        return "addition", None, [("fit", sim)], []
    name = ctx.catalog.get(anchor).name
    text = f"Close to {name} in your next session (similarity {sim:.2f})."
    return "alternative", anchor, [("fit", sim)], [text]


def _option(ex: Exercise, ctx: _Context) -> Recommendation | None:
    """Score one exercise as an option; ``None`` when it is not one."""
    if not _doable(ex, ctx, ex.id in ctx.planned):
        return None
    kind, instead_of, parts, reasons = _fit(ex, ctx)
    served = {d.finding: d for d in ctx.demands if serves_demand(ex, d)}
    if served:
        parts.append(("findings", FINDING_POINTS * min(len(served), MAX_FINDINGS)))
        texts = "; ".join(demand_text(served[f]) for f in sorted(served))
        reasons.append(f"Serves your finding{'s' if len(served) > 1 else ''} {texts}.")
    points, text = _recency(ctx.history.last_day.get(ex.id), ctx.today)
    if text:
        parts.append(("recency", round(points, 4)))
        reasons.append(text)
    hurts = ctx.history.hurt_days.get(ex.id, ())
    if hurts:
        day, worst = hurts[-1]
        parts.append(("hurt", HURT_PENALTY))
        reasons.append(
            f"Back pain during reached {worst}/10 in a session with it ({day.isoformat()}): "
            "ranked down."
        )
    favoured = False
    if ctx.pain_band in ("acceptable", "unacceptable"):
        if _gentle(ex):
            favoured = True
            parts.append(("pain_now", GENTLE_POINTS))
            reasons.append(f"Pain now {ctx.pain_now}/10: gentle isometric or motor-control work.")
        elif _demanding(ex):
            parts.append(("pain_now", DEMANDING_POINTS))
            reasons.append(f"Pain now {ctx.pain_now}/10: demanding work ranks down.")
    if kind == "addition" and not (served or favoured):
        return None
    return Recommendation(
        exercise_id=ex.id,
        name=ex.name,
        score=round(sum(p for _, p in parts), 3),
        kind=kind,
        instead_of=instead_of,
        reasons=tuple(reasons),
        parts=tuple(parts),
    )


def recommended_for_you(
    *,
    plan: Plan,
    sessions: Sequence[SessionLog],
    catalog: Catalog,
    today: date,
    demands: Sequence[Demand] = (),
    pain_now: int | None = None,
    equipment: frozenset[str] | None = None,
    sensitivities: frozenset[str] = frozenset(),
    max_level: int | None = None,
    plan_version: int | None = None,
    k: int = 5,
    next_planned: PlannedSession | EllipsisType | None = ...,
) -> list[Recommendation]:
    """The ``k`` best options for the next session, best first, each with its reasons.

    Parameters
    ----------
    plan
        The plan.
    sessions
        The training log.
    catalog
        The catalogue.
    today
        The local date; the next session is the first unlogged one on or after it.
    demands
        The findings' demands (:attr:`spinewise.planning.request.PlanRequest.demands`).
    pain_now
        Back pain now, 0-10 (``None``: not asked).
    equipment
        Equipment at hand (a mat is always available); ``None``: what the plan's exercises use.
    sensitivities
        Sensitivities to avoid: options loading one drop out.
    max_level
        Highest exercise level; ``None``: the highest level in the plan's week.
    plan_version
        When given, only logged sessions of this plan version count as done.
    k
        How many options.
    next_planned
        The next session as the caller's schedule decided it (``None``: none is left); by
        default the first unlogged one on or after ``today``.

    Raises
    ------
    InputError
        When the plan has no weeks, ``pain_now`` is outside 0-10 or ``k`` is below 1.
    """
    _validate(plan, pain_now, k)
    nxt = (
        next_session(plan, today, logged_keys(sessions, plan_version))
        if isinstance(next_planned, EllipsisType)
        else next_planned
    )
    in_plan = _plan_exercises(plan, catalog)
    kit = frozenset(e for ex in in_plan for e in ex.equipment) if equipment is None else equipment
    ctx = _Context(
        catalog=catalog,
        today=today,
        nxt=nxt,
        planned=tuple(
            sorted({it.exercise_id for it in nxt.items if it.exercise_id in catalog}) if nxt else ()
        ),
        kit=frozenset(kit) | FLOOR_SPACE,
        avoid=frozenset(sensitivities),
        max_level=_level_cap(plan, catalog, nxt, in_plan) if max_level is None else max_level,
        foundation=nxt is not None and _week_phase(plan, nxt.week) == "foundation",
        demands=tuple(demands),
        pain_now=pain_now,
        history=ExerciseHistory.read(sessions, today),
    )
    scored = [r for ex in catalog.exercises if (r := _option(ex, ctx)) is not None]
    scored.sort(key=lambda r: (-r.score, r.exercise_id))
    out: list[Recommendation] = []
    per_planned: Counter[str] = Counter()
    for rec in scored:
        if rec.instead_of is not None:
            if per_planned[rec.instead_of] >= MAX_PER_PLANNED:
                continue
            per_planned[rec.instead_of] += 1
        out.append(rec)
        if len(out) == k:
            break
    return out
