"""Checks of what each week covers: one function per requirement, named after it.

A requirement that depends on what is open to the person (a rotational throw, a push, a deadlift)
is checked only when the catalogue has an exercise of that kind for this person this week
(:attr:`~spinewise.planning.checks.scope.WeekScope.open_exercises`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spinewise.catalog import Exercise, load_vocabulary
from spinewise.planning.candidates import (
    is_deadlift,
    is_lateral_shift_bridge,
    is_rotational_throw,
    is_single_leg_hinge,
)
from spinewise.planning.checks.scope import WeekScope
from spinewise.planning.checks.violation import Violation
from spinewise.planning.policy import (
    ISOLATED_MAX_SHARE,
    WEEKLY_PATTERN_SETS_MAX,
    counts_as_hard,
    extra_items,
    main_pattern,
    meets_pattern_needs,
    required_qualities,
    serves_demand,
    throws_required,
    weekly_pattern_needs,
)

__all__ = [
    "finding_volume",
    "isolated_share",
    "key_regions",
    "movement_patterns",
    "periodization",
    "rotational_throws",
    "sessions",
    "signature_work",
    "single_leg_hinge",
    "three_planes",
    "weekly_frequency",
    "weekly_pattern_sets",
    "weekly_qualities",
]


def periodization(ws: WeekScope) -> list[Violation]:
    """Validator-only ``periodization``: the week's phase and deload as the periodization says."""
    week, wp = ws.week, ws.wp
    if week.phase == wp.phase and bool(week.deload) == wp.deload:
        return []
    message = f"phase {week.phase}/deload {week.deload}, expected {wp.phase}/{wp.deload}"
    return [Violation(ws.where, "periodization", message)]


def sessions(ws: WeekScope) -> list[Violation]:
    """Validator-only ``sessions``: as many sessions as the athlete trains days a week."""
    n, want = len(ws.week.sessions), ws.scope.request.days_per_week
    if n == want:
        return []
    return [Violation(ws.where, "sessions", f"{n} sessions, expected {want}")]


def key_regions(ws: WeekScope) -> list[Violation]:
    """Requirement ``key_regions``: every key region primary in at least one item."""
    return [
        Violation(ws.where, "key_regions", f"no item has {region} as a primary region")
        for region in load_vocabulary().key_regions
        if not any(region in ex.primary_regions for ex in ws.exercises)
    ]


def weekly_qualities(ws: WeekScope) -> list[Violation]:
    """Requirement ``weekly_qualities``: every quality the week requires is trained."""
    return [
        Violation(ws.where, "weekly_qualities", f"no item trains {quality}")
        for quality in required_qualities(ws.wp, ws.scope.request)
        if not any(quality in ex.qualities for ex in ws.exercises)
    ]


def three_planes(ws: WeekScope) -> list[Violation]:
    """Requirement ``three_planes``: sagittal, frontal and transverse work every week."""
    return [
        Violation(ws.where, "three_planes", f"no {plane}-plane work")
        for plane in ("sagittal", "frontal", "transverse")
        if not any(plane in ex.planes for ex in ws.exercises)
    ]


def isolated_share(ws: WeekScope) -> list[Violation]:
    """Requirement ``isolated_share``: isolated exercises at most 20 % of the week's items."""
    num, den = ISOLATED_MAX_SHARE
    total = len(ws.exercises)
    isolated = sum(ex.integration == "isolated" for ex in ws.exercises)
    if den * isolated <= num * total:
        return []
    message = f"{isolated} of {total} items are isolated (at most 20 %)"
    return [Violation(ws.where, "isolated_share", message)]


def single_leg_hinge(ws: WeekScope) -> list[Violation]:
    """Requirement ``single_leg_hinge``: a single-leg hinge in every loading week."""
    if ws.wp.deload or any(is_single_leg_hinge(ex) for ex in ws.exercises):
        return []
    return [Violation(ws.where, "single_leg_hinge", "no single-leg hinge in a loading week")]


def rotational_throws(ws: WeekScope) -> list[Violation]:
    """Requirement ``rotational_throws``: a rotational throw in the weeks that call for one.

    Only once a throw is open to the person (its prerequisite comes first).
    """
    if not throws_required(ws.wp, ws.scope.request):
        return []
    if not any(is_rotational_throw(ex) for ex in ws.open_exercises):
        return []
    if any(is_rotational_throw(ex) for ex in ws.exercises):
        return []
    message = "no rotational medicine-ball throw although the athlete can do them"
    return [Violation(ws.where, "rotational_throws", message)]


def finding_volume(ws: WeekScope) -> list[Violation]:
    """Requirement ``finding_volume``: extra volume, weaker-side sets, every-session work."""
    out = []
    for demand in ws.scope.request.demands:
        serving = [ex for ex in ws.exercises if serves_demand(ex, demand)]
        if demand.kind == "extra_volume" and not ws.wp.deload:
            need = extra_items(demand)
            if len(serving) < need:
                message = f"{demand.finding}: {len(serving)} item(s), {need} needed"
                out.append(Violation(ws.where, "finding_volume", message))
        elif demand.kind == "weaker_side" and not serving:
            message = f"{demand.finding}: no unilateral item"
            out.append(Violation(ws.where, "finding_volume", message))
        elif demand.kind == "every_session":
            out.extend(
                Violation(
                    ws.where,
                    "finding_volume",
                    f"{demand.finding}: session {n} has no {demand.quality} item",
                )
                for n, exs in enumerate(ws.per_session, start=1)
                if not any(serves_demand(ex, demand) for ex in exs)
            )
    return out


def weekly_frequency(ws: WeekScope) -> list[Violation]:
    """Requirement ``weekly_frequency``: an exercise at most twice a week."""
    counts = Counter(ex.id for ex in ws.exercises)
    return [
        Violation(ws.where, "weekly_frequency", f"{eid} appears {n} times (at most twice a week)")
        for eid, n in sorted(counts.items())
        if n > 2
    ]


def weekly_pattern_sets(ws: WeekScope) -> list[Violation]:
    """Requirement ``weekly_pattern_sets``: at most 20 hard sets a week per main pattern."""
    sets: Counter[str] = Counter()
    for p in ws.placed:
        if counts_as_hard(p.exercise):
            side = p.item.dose.extra_sets_side
            sets[main_pattern(p.exercise)] += p.item.dose.sets + (side[1] if side else 0)
    return [
        Violation(
            ws.where,
            "weekly_pattern_sets",
            f"{n} hard sets of the {pattern} pattern, at most {WEEKLY_PATTERN_SETS_MAX}",
        )
        for pattern, n in sorted(sets.items())
        if n > WEEKLY_PATTERN_SETS_MAX
    ]


def movement_patterns(ws: WeekScope) -> list[Violation]:
    """Requirement ``movement_patterns``: the week's pattern needs, where they are open."""
    open_patterns = frozenset(
        p for ex in ws.open_exercises if meets_pattern_needs(ex) for p in ex.patterns
    )
    have = {p for ex in ws.exercises if meets_pattern_needs(ex) for p in ex.patterns}
    return [
        Violation(ws.where, "movement_patterns", f"no {' or '.join(need)} this week")
        for need in weekly_pattern_needs(ws.wp, ws.scope.request, open_patterns)
        if not set(need) & have
    ]


_SIGNATURES: tuple[tuple[str, Callable[[Exercise], bool]], ...] = (
    ("bridge hold with lateral pelvic shifts", is_lateral_shift_bridge),
    ("deadlift", is_deadlift),
)


def signature_work(ws: WeekScope) -> list[Violation]:
    """Requirement ``signature_work``: a lateral-shift bridge and a deadlift each loading week."""
    if ws.wp.deload:
        return []
    return [
        Violation(ws.where, "signature_work", f"no {name} this week")
        for name, kind in _SIGNATURES
        if any(kind(ex) for ex in ws.open_exercises) and not any(kind(ex) for ex in ws.exercises)
    ]
