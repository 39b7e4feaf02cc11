"""The plan's policies as plain functions and numbers, free of any solver.

The CP-SAT rules (:mod:`spinewise.planning.rules`) and the validator
(:mod:`spinewise.planning.validate`) both read these, so they mean the same thing by every
requirement; the validator never imports the solver.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from spinewise.catalog import Exercise, load_catalog, load_vocabulary
from spinewise.catalog.ballistic import foot_contacts, load_ballistic_rules
from spinewise.habits.balance import needs_balance_practice
from spinewise.habits.rules import load_habit_rules
from spinewise.planning.candidates import FAST_WORK_MAX_PAIN
from spinewise.planning.dosing import ItemDose
from spinewise.planning.periodization import WeekPlan, periodize
from spinewise.planning.request import Demand, PlanRequest

__all__ = [
    "BLOCK_MAX_ITEMS",
    "HEAVY_COMPRESSION_FRACTION",
    "ISOLATED_MAX_SHARE",
    "MINUTES_PER_ITEM",
    "OLDER_ADULT_AGE",
    "POOR_BALANCE_EYES_OPEN_S",
    "SESSION_FILL_SHARE",
    "SESSION_PATTERN_MAX",
    "WEEKLY_PATTERN_SETS_MAX",
    "balance_every_session",
    "counts_as_hard",
    "extra_items",
    "item_foot_contacts",
    "items_per_session",
    "main_pattern",
    "max_foot_contacts",
    "meets_pattern_needs",
    "plan_weeks",
    "required_qualities",
    "serves_demand",
    "throws_required",
    "variant_pairs",
    "weekly_pattern_needs",
]

#: Most items per block in one session (prep needs at least one).
BLOCK_MAX_ITEMS = {
    "prep": 2,
    "power": 2,
    "strength": 3,
    "stability": 3,
    "conditioning": 2,
    "recovery": 1,
}
#: Share of a week's items that may be isolated exercises: 20 % (the issue's rule).
ISOLATED_MAX_SHARE = (1, 5)
#: Minutes of session per item, used to bound the number of items in a session (a design choice:
#: an introductory item with its sets, rests and transition takes about four minutes).
MINUTES_PER_ITEM = 4
#: An item is heavy on the spine when its compression reaches this share of the athlete's limit
#: (a design choice; the limits themselves are NIOSH's, see spinewise.planning.spine).
HEAVY_COMPRESSION_FRACTION = 0.75


#: Most exercises of one main pattern in one session (issue 14's rule against crowding).
SESSION_PATTERN_MAX = 2
#: Weekly ceiling of hard sets per main pattern. Schoenfeld, Ogborn & Krieger 2017 (J Sports Sci
#: 35:1073-1082; abstract confirmed) found a graded dose-response up to their top category of
#: 10+ weekly sets per muscle; the ceiling of 20 is common coaching guidance adopted as a design
#: choice and applied per movement pattern by analogy (not from that paper).
WEEKLY_PATTERN_SETS_MAX = 20
#: Share of the person's minutes a training-week session fills at least (issue 14's target).
SESSION_FILL_SHARE = (4, 5)
#: Patterns whose sets are not hard sets (drills for range of motion and breathing).
_NOT_HARD = frozenset({"mobility_drill", "breathing"})


def main_pattern(ex: Exercise) -> str:
    """An exercise's main movement pattern: the first the catalogue lists."""
    return ex.patterns[0]


def counts_as_hard(ex: Exercise) -> bool:
    """Whether an exercise's working sets count as hard sets (not mobility or breathing drills)."""
    return main_pattern(ex) not in _NOT_HARD


def meets_pattern_needs(ex: Exercise) -> bool:
    """Whether an exercise can meet a week's movement-pattern needs.

    A circuit or interval drill done for conditioning only (the bodyweight and band circuit, the
    band complex, step-up intervals) carries a pattern's name without training it as strength
    work, so a week whose only squat is the squat station of a circuit has no squat (this
    project's choice, as a physiotherapist reading the plan would count it). Nor does a mobility
    drill (pattern ``mobility_drill``: the world's greatest stretch moves through a long lunge
    for range of motion, a few slow repetitions in the warm-up) train its lunge (decision 0290).
    """
    if "mobility_drill" in ex.patterns:
        return False
    return not (set(ex.blocks) <= {"conditioning"} and "metabolic_conditioning" in ex.qualities)


def weekly_pattern_needs(
    week: WeekPlan, request: PlanRequest, open_patterns: frozenset[str]
) -> tuple[tuple[str, ...], ...]:
    """The movement patterns a loading week must contain, each as its alternatives.

    Every loading week has a hinge and a squat, sit-to-stand or lunge; with three or more days a
    week also a pull, a push and a carry. A need is dropped when no exercise open to the person
    has any of its patterns (equipment or sensitivities rule it out). Only exercises for which
    :func:`meets_pattern_needs` holds count, both for what is open and for what meets a need.
    """
    if week.deload:
        return ()
    needs: list[tuple[str, ...]] = [("hinge",), ("squat", "lunge")]
    if request.days_per_week >= 3:
        needs += [("row",), ("push",), ("carry",)]
    return tuple(n for n in needs if open_patterns & set(n))


#: Age from which the older-adult pathway applies [years] (issue 14; habits.toml ``[balance]``).
OLDER_ADULT_AGE = load_habit_rules().balance.older_adult_age
#: Single-leg stance with eyes open below which balance counts as poor [s]: this project's
#: threshold, NOT confirmed against a source (see Blodgett et al. 2022, Ageing Res Rev 73:101501,
#: for one-leg balance and falls); habits.toml ``[balance]``.
POOR_BALANCE_EYES_OPEN_S = load_habit_rules().balance.poor_stance_eyes_open_s


#: Steps through the catalogue's regressions and progressions within which two exercises of one
#: main pattern count as variants of one exercise (this project's choice: the curl-up and the
#: curl-up with a pre-brace are two steps apart; a deadlift and a single-leg deadlift are more).
VARIANT_STEPS = 2


@cache
def _neighbours() -> dict[str, frozenset[str]]:
    """Exercise id -> the ids within :data:`VARIANT_STEPS` steps of it, same main pattern."""
    catalog = load_catalog()
    links: dict[str, set[str]] = {ex.id: set() for ex in catalog}
    for ex in catalog:
        for other in (*ex.regressions, *ex.progressions):
            if other in links and main_pattern(catalog.get(other)) == main_pattern(ex):
                links[ex.id].add(other)
                links[other].add(ex.id)
    out = {}
    for eid in links:
        reach, frontier = {eid}, {eid}
        for _ in range(VARIANT_STEPS):
            frontier = {n for f in frontier for n in links[f]} - reach
            reach |= frontier
        out[eid] = frozenset(reach - {eid})
    return out


def variant_pairs(exercises: Sequence[Exercise]) -> tuple[tuple[str, str], ...]:
    """Pairs of the given exercises that are variants of one exercise, sorted.

    Variants are within :data:`VARIANT_STEPS` steps of each other through the catalogue's
    regressions and progressions and share their main pattern (McGill's curl-up, the curl-up
    with elbows lifted and the curl-up with a pre-brace). A session gives one of them: two
    variants crowd the session without adding a movement (issue 14; this project's rule).
    """
    near = _neighbours()
    ids = sorted({ex.id for ex in exercises})
    return tuple(
        (a, b) for i, a in enumerate(ids) for b in ids[i + 1 :] if b in near.get(a, frozenset())
    )


def balance_every_session(request: PlanRequest) -> bool:
    """Whether every session needs standing balance work: 65 or older, or poor one-leg balance.

    Falls prevention needs balance challenged often and progressively (Sherrington et al. 2017,
    Br J Sports Med 51:1750-1758; 2019, Cochrane CD012424).
    """
    return needs_balance_practice(request, load_habit_rules().balance)


def item_foot_contacts(ex: Exercise, dose: ItemDose) -> int:
    """Foot contacts of one item [contacts]: its repetitions if it is a jump, else 0.

    Counting as :func:`spinewise.catalog.ballistic.foot_contacts` (one landing per repetition,
    each side counted).
    """
    if "jump" not in ex.patterns:
        return 0
    return foot_contacts(dose.reps, dose.sets, dose.per_side, dose.extra_sets_side)


def max_foot_contacts(request: PlanRequest) -> int:
    """The most foot contacts one session may hold for this person [contacts].

    By training experience, from ``catalog/data/ballistic.toml`` (80 / 100 / 120: the lower end
    of plyometric guidance attributed to the NSCA, not confirmed against the source).
    """
    return load_ballistic_rules().max_contacts_per_session[request.training_experience]


def plan_weeks(request: PlanRequest) -> tuple[WeekPlan, ...]:
    """The phases and deloads of this person's plan (no power phase while fast work waits)."""
    return periodize(request.weeks, fast_work=request.pain_current <= FAST_WORK_MAX_PAIN)


def items_per_session(minutes_per_session: int) -> tuple[int, int]:
    """The allowed number of items in a session (low, high) for the time available.

    Examples
    --------
    >>> items_per_session(40)
    (8, 10)
    >>> items_per_session(15)
    (2, 4)
    """
    high = max(4, min(12, round(minutes_per_session / MINUTES_PER_ITEM)))
    return max(2, high - 2), high


def required_qualities(week: WeekPlan, request: PlanRequest) -> tuple[str, ...]:
    """Weekly qualities this week must train (none in a deload).

    Rate of force development may be left out in foundation weeks and for an athlete whose current
    pain is 3/10 or more (the issue's rule; vocabulary.toml's note on weekly qualities).
    """
    if week.deload:
        return ()
    skip_rfd = week.phase == "foundation" or request.in_pain
    return tuple(
        q
        for q in load_vocabulary().weekly_qualities
        if not (q == "rate_of_force_development" and skip_rfd)
    )


def throws_required(week: WeekPlan, request: PlanRequest) -> bool:
    """Whether this week must have rotational medicine-ball throws.

    They are required when a medicine ball is available, rotation does not aggravate, current pain
    is below 3/10, and the week is a loading week after the foundation phase.
    """
    return (
        "medicine_ball" in request.equipment
        and "rotation" not in request.sensitivities
        and not request.in_pain
        and not week.deload
        and week.phase != "foundation"
    )


def serves_demand(ex: Exercise, demand: Demand) -> bool:
    """Whether an exercise serves a finding's demand (a demand with no target serves none)."""
    if demand.kind == "weaker_side":
        return ex.laterality == "unilateral" and (
            demand.pattern is None or demand.pattern in ex.patterns
        )
    if demand.quality is None and demand.region is None and demand.pattern is None:
        return False
    ok = True
    if demand.quality is not None:
        ok = ok and demand.quality in ex.qualities
    if demand.region is not None:
        ok = ok and demand.region in ex.primary_regions
    if demand.pattern is not None:
        ok = ok and demand.pattern in ex.patterns
    return ok


def extra_items(demand: Demand) -> int:
    """Items per week an ``extra_volume`` demand asks for: one, and a second from 2 extra sets."""
    return 1 + (1 if demand.sets >= 2 else 0)
