"""What an item of a plan week contributes that the week needs: its coverage.

A week of a plan must cover every key region as a primary region, train every weekly quality,
work the three planes, have unilateral work in every session, a single-leg hinge in every loading
week, rotational throws when they are required, and the volume its findings ask for
(:mod:`spinewise.planning.rules`; the same predicates are used here, from
:mod:`spinewise.planning.candidates` and :mod:`spinewise.planning.policy`). An item's coverage
is the part of those needs that would be lost without it; a substitute for the item should keep
it (:func:`spinewise.adaptation.substitutes.substitutes`).

Examples
--------
>>> needed = Coverage(
...     regions=frozenset({"hamstrings", "glute_max"}),
...     qualities=frozenset({"eccentric_control"}),
...     planes=frozenset({"sagittal"}),
... )
>>> needed.describe()
'glute max and hamstrings (primary), eccentric control and the sagittal plane'
>>> needed.size
4
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypedDict, cast

from spinewise.catalog import Catalog, Exercise
from spinewise.planning.candidates import (
    is_rotational_throw,
    is_single_leg_hinge,
    is_unilateral_work,
)
from spinewise.planning.periodization import Phase, WeekPlan
from spinewise.planning.plan import Week
from spinewise.planning.policy import (
    extra_items,
    required_qualities,
    serves_demand,
    throws_required,
)
from spinewise.planning.request import Demand, PlanRequest

__all__ = [
    "PLANES",
    "Coverage",
    "coverage_of",
    "demand_text",
    "item_coverage",
    "week_exercise_ids",
    "week_needs",
]

#: The planes every week works (the ``three_planes`` rule).
PLANES: tuple[str, ...] = ("sagittal", "frontal", "transverse")


def _words(tag: str) -> str:
    return tag.replace("_", " ")


def _join(parts: Sequence[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def demand_text(demand: Demand) -> str:
    """A demand in words, e.g. ``extensor endurance low (isometric endurance, erector spinae)``."""
    targets = [_words(t) for t in (demand.quality, demand.region, demand.pattern) if t]
    if demand.kind == "weaker_side":
        targets = [f"unilateral {_words(demand.pattern or 'work')}"]
    finding = _words(demand.finding)
    return f"{finding} ({', '.join(targets)})" if targets else finding


class CoverageJson(TypedDict):
    """:meth:`Coverage.to_json`: what an exercise covers, as ``spinewise recommend`` writes it."""

    regions: list[str]
    qualities: list[str]
    planes: list[str]
    unilateral: bool
    single_leg_hinge: bool
    rotational_throw: bool
    findings: list[str]


@dataclass(frozen=True)
class Coverage:
    """A set of week requirements: what a week needs, or what one item contributes to it.

    Attributes
    ----------
    regions
        Key regions, each to be trained as a primary region.
    qualities
        Weekly qualities.
    planes
        Planes of motion.
    unilateral
        Unilateral, alternating or split-stance work (required in every session).
    single_leg_hinge
        The seed method's single-leg hinge.
    rotational_throw
        A rotational medicine-ball throw.
    demands
        Findings' demands (:class:`~spinewise.planning.request.Demand`) the item serves.
    """

    regions: frozenset[str] = frozenset()
    qualities: frozenset[str] = frozenset()
    planes: frozenset[str] = frozenset()
    unilateral: bool = False
    single_leg_hinge: bool = False
    rotational_throw: bool = False
    demands: tuple[Demand, ...] = ()

    @property
    def is_empty(self) -> bool:
        """Whether nothing is named."""
        return not self.size

    @property
    def size(self) -> int:
        """How many requirements are named (a demand counts once)."""
        return (
            len(self.regions)
            + len(self.qualities)
            + len(self.planes)
            + int(self.unilateral)
            + int(self.single_leg_hinge)
            + int(self.rotational_throw)
            + len(self.demands)
        )

    def kept_by(self, ex: Exercise) -> Coverage:
        """The part of this coverage that exercise ``ex`` provides."""
        return Coverage(
            regions=self.regions & frozenset(ex.primary_regions),
            qualities=self.qualities & frozenset(ex.qualities),
            planes=self.planes & frozenset(ex.planes),
            unilateral=self.unilateral and is_unilateral_work(ex),
            single_leg_hinge=self.single_leg_hinge and is_single_leg_hinge(ex),
            rotational_throw=self.rotational_throw and is_rotational_throw(ex),
            demands=tuple(d for d in self.demands if serves_demand(ex, d)),
        )

    def minus(self, other: Coverage) -> Coverage:
        """What this coverage names that ``other`` does not."""
        return Coverage(
            regions=self.regions - other.regions,
            qualities=self.qualities - other.qualities,
            planes=self.planes - other.planes,
            unilateral=self.unilateral and not other.unilateral,
            single_leg_hinge=self.single_leg_hinge and not other.single_leg_hinge,
            rotational_throw=self.rotational_throw and not other.rotational_throw,
            demands=tuple(d for d in self.demands if d not in other.demands),
        )

    def phrases(self) -> tuple[str, ...]:
        """Each part in words, in a fixed order."""
        out: list[str] = []
        if self.regions:
            out.append(_join([_words(r) for r in sorted(self.regions)]) + " (primary)")
        out.extend(_words(q) for q in sorted(self.qualities))
        planes = [p for p in PLANES if p in self.planes]
        planes += sorted(self.planes - set(PLANES))
        if planes:
            out.append(f"the {_join(planes)} plane{'s' if len(planes) > 1 else ''}")
        if self.unilateral:
            out.append("unilateral work")
        if self.single_leg_hinge:
            out.append("a single-leg hinge")
        if self.rotational_throw:
            out.append("a rotational throw")
        out.extend(f"finding {demand_text(d)}" for d in self.demands)
        return tuple(out)

    def describe(self) -> str:
        """The coverage as one phrase, e.g. ``hamstrings (primary), eccentric control and ...``."""
        return _join(list(self.phrases())) or "nothing the week needs"

    def to_json(self) -> CoverageJson:
        """The coverage as JSON (sorted lists)."""
        return {
            "regions": sorted(self.regions),
            "qualities": sorted(self.qualities),
            "planes": [p for p in PLANES if p in self.planes],
            "unilateral": self.unilateral,
            "single_leg_hinge": self.single_leg_hinge,
            "rotational_throw": self.rotational_throw,
            "findings": [d.finding for d in self.demands],
        }


def week_exercise_ids(week: Week) -> tuple[tuple[str, ...], ...]:
    """The exercise ids of each session of a plan week, in order."""
    return tuple(tuple(it.exercise_id for _, it in s.items()) for s in week.sessions)


def _week_plan(index: int, phase: str, deload: bool) -> WeekPlan:
    return WeekPlan(
        index=index,
        phase=cast(Phase, phase or "build"),
        deload=deload,
        phase_week=1,
        phase_length=1,
    )


def week_needs(week: Week, catalog: Catalog, request: PlanRequest | None = None) -> Coverage:
    """What a plan week must cover.

    With the plan's ``request``, the needs are the planner's own (weekly qualities by phase and
    pain, throws when required, the findings' demands). Without it they are read from the week:
    every key region and plane, the weekly qualities, single-leg hinge and throws the week has
    (the planner put them there), and no demands (findings' demands are not in the plan JSON).
    """
    exercises = [catalog.get(e) for ids in week_exercise_ids(week) for e in ids if e in catalog]
    return _needs(_week_plan(week.index, week.phase, week.deload), exercises, catalog, request)


def _needs(
    wp: WeekPlan, exercises: Sequence[Exercise], catalog: Catalog, request: PlanRequest | None
) -> Coverage:
    vocab = catalog.vocabulary
    if request is not None:
        qualities = frozenset(required_qualities(wp, request))
        throws = throws_required(wp, request)
        demands = tuple(d for d in request.demands if d.kind != "prefer")
    else:
        present = {q for ex in exercises for q in ex.qualities}
        qualities = frozenset(q for q in vocab.weekly_qualities if q in present)
        throws = any(is_rotational_throw(ex) for ex in exercises)
        demands = ()
    return Coverage(
        regions=frozenset(vocab.key_regions),
        qualities=qualities,
        planes=frozenset(PLANES),
        unilateral=True,
        single_leg_hinge=not wp.deload,
        rotational_throw=throws,
        demands=demands,
    )


def _demand_still_met(
    demand: Demand, week: Sequence[Exercise], session: Sequence[Exercise], deload: bool
) -> bool:
    serving = sum(serves_demand(ex, demand) for ex in week)
    if demand.kind == "extra_volume":
        return deload or serving >= extra_items(demand)
    if demand.kind == "every_session":
        return any(serves_demand(ex, demand) for ex in session)
    return serving >= 1


def coverage_of(
    item_exercise_id: str,
    week_items_exercise_ids: Iterable[str],
    request_or_needs: PlanRequest | Coverage,
    *,
    catalog: Catalog,
    session_exercise_ids: Iterable[str] | None = None,
    deload: bool = False,
) -> Coverage:
    """What one item contributes uniquely to its week: what the week would lose without it.

    Parameters
    ----------
    item_exercise_id
        The item's exercise.
    week_items_exercise_ids
        Every item of the week (the item itself included once; repeats count).
    request_or_needs
        The week's needs (:func:`week_needs`), or the plan's request, whose key regions, weekly
        qualities (for a loading week after the foundation phase) and demands are the needs.
    catalog
        The catalogue the ids come from (ids it lacks, e.g. custom exercises, provide nothing).
    session_exercise_ids
        The items of the item's session (for unilateral work and every-session demands, which
        are per-session requirements); the whole week when not given.
    deload
        Whether the week is a deload week (extra-volume demands do not apply then).
    """
    needs = request_or_needs
    if isinstance(needs, PlanRequest):
        needs = _needs(_week_plan(1, "build", deload), (), catalog, needs)
    ex = catalog.get(item_exercise_id)
    week_ids = list(week_items_exercise_ids)
    session_ids = list(week_ids if session_exercise_ids is None else session_exercise_ids)
    for ids in (week_ids, session_ids):
        if item_exercise_id in ids:
            ids.remove(item_exercise_id)
    others = [catalog.get(e) for e in week_ids if e in catalog]
    session = [catalog.get(e) for e in session_ids if e in catalog]
    contributes = needs.kept_by(ex)
    held = Coverage(
        regions=frozenset(
            r for r in contributes.regions if any(r in o.primary_regions for o in others)
        ),
        qualities=frozenset(
            q for q in contributes.qualities if any(q in o.qualities for o in others)
        ),
        planes=frozenset(p for p in contributes.planes if any(p in o.planes for o in others)),
        unilateral=any(is_unilateral_work(o) for o in session),
        single_leg_hinge=any(is_single_leg_hinge(o) for o in others),
        rotational_throw=any(is_rotational_throw(o) for o in others),
        demands=tuple(
            d for d in contributes.demands if _demand_still_met(d, others, session, deload)
        ),
    )
    return contributes.minus(held)


def item_coverage(
    week: Week,
    session_index: int,
    exercise_id: str,
    *,
    catalog: Catalog,
    request: PlanRequest | None = None,
) -> Coverage:
    """:func:`coverage_of` for an item of a plan week.

    ``session_index`` is the session's 1-based ``index`` in the week.
    """
    sessions = week_exercise_ids(week)
    positions = [s.index for s in week.sessions]
    session = sessions[positions.index(session_index)] if session_index in positions else ()
    return coverage_of(
        exercise_id,
        [e for ids in sessions for e in ids],
        week_needs(week, catalog, request),
        catalog=catalog,
        session_exercise_ids=session,
        deload=week.deload,
    )
