"""Validator checks for pattern balance, time use and the seed method's signature work.

One function per requirement, each reading the plan JSON and the policy's numbers and predicates,
never the solver. A need that depends on what is open to the person (a push where no push
exercise suits them, a deadlift without the equipment) is checked only when the catalogue has an
exercise of that kind for this person this phase.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from spinewise.catalog import Catalog, Exercise
from spinewise.planning.candidates import is_deadlift, is_lateral_shift_bridge
from spinewise.planning.dosing import item_seconds
from spinewise.planning.lifts import is_main_lift, lifter_pathway, main_lifts_per_session
from spinewise.planning.periodization import WeekPlan
from spinewise.planning.policy import (
    SESSION_FILL_SHARE,
    SESSION_PATTERN_MAX,
    WEEKLY_PATTERN_SETS_MAX,
    balance_every_session,
    counts_as_hard,
    main_pattern,
    variant_pairs,
    weekly_pattern_needs,
)
from spinewise.planning.request import PlanRequest
from spinewise.planning.validate_week import Violation, item_dose

__all__ = ["check_patterns"]

_Items = list[tuple[int, Mapping[str, Any], Exercise]]


def _items(week: Mapping[str, Any], catalog: Catalog) -> _Items:
    return [
        (int(s["index"]), it, catalog.get(it["exercise_id"]))
        for s in week["sessions"]
        for b in s["blocks"]
        for it in b["items"]
        if it["exercise_id"] in catalog
    ]


def _pattern_per_session(where: str, items: _Items) -> list[Violation]:
    counts = Counter((s, main_pattern(ex)) for s, _, ex in items)
    return [
        Violation(
            f"{where} session {s}",
            "pattern_per_session",
            f"{n} exercises of the {pattern} pattern, at most {SESSION_PATTERN_MAX}",
        )
        for (s, pattern), n in sorted(counts.items())
        if n > SESSION_PATTERN_MAX
    ]


def _one_variant_per_session(where: str, items: _Items) -> list[Violation]:
    by_session: dict[int, list[Exercise]] = {}
    for s, _, ex in items:
        by_session.setdefault(s, []).append(ex)
    return [
        Violation(
            f"{where} session {s}",
            "one_variant_per_session",
            f"{a} and {b} are variants of one exercise in the same session",
        )
        for s, exs in sorted(by_session.items())
        for a, b in variant_pairs(exs)
    ]


def _weekly_pattern_sets(where: str, items: _Items) -> list[Violation]:
    sets: Counter[str] = Counter()
    for _, it, ex in items:
        if counts_as_hard(ex):
            dose = item_dose(it)
            sets[main_pattern(ex)] += dose.sets + (
                dose.extra_sets_side[1] if dose.extra_sets_side else 0
            )
    return [
        Violation(
            where,
            "weekly_pattern_sets",
            f"{n} hard sets of the {p} pattern, at most {WEEKLY_PATTERN_SETS_MAX}",
        )
        for p, n in sorted(sets.items())
        if n > WEEKLY_PATTERN_SETS_MAX
    ]


def _movement_patterns(
    where: str, items: _Items, wp: WeekPlan, request: PlanRequest, open_ex: Sequence[Exercise]
) -> list[Violation]:
    open_patterns = frozenset(p for ex in open_ex for p in ex.patterns)
    have = {p for _, _, ex in items for p in ex.patterns}
    return [
        Violation(where, "movement_patterns", f"no {' or '.join(need)} this week")
        for need in weekly_pattern_needs(wp, request, open_patterns)
        if not set(need) & have
    ]


def _session_fill(
    where: str, week: Mapping[str, Any], wp: WeekPlan, request: PlanRequest
) -> list[Violation]:
    if wp.deload:
        return []
    num, den = SESSION_FILL_SHARE
    floor_s = request.minutes_per_session * 60 * num // den
    out = []
    for s in week["sessions"]:
        secs = sum(item_seconds(item_dose(it)) for b in s["blocks"] for it in b["items"])
        if secs < floor_s:
            out.append(
                Violation(
                    f"{where} session {s['index']}",
                    "session_fill",
                    f"uses {secs / 60:.1f} of {request.minutes_per_session} minutes, "
                    f"less than {100 * num // den} %",
                )
            )
    return out


_SIGNATURES: tuple[tuple[str, Callable[[Exercise], bool]], ...] = (
    ("a bridge hold with lateral pelvic shifts", is_lateral_shift_bridge),
    ("a deadlift", is_deadlift),
)


def _signature_work(
    where: str, items: _Items, wp: WeekPlan, open_ex: Sequence[Exercise]
) -> list[Violation]:
    if wp.deload:
        return []
    return [
        Violation(where, "signature_work", f"no {name} this week")
        for name, kind in _SIGNATURES
        if any(kind(ex) for ex in open_ex) and not any(kind(ex) for _, _, ex in items)
    ]


def _balance_every_session(
    where: str, week: Mapping[str, Any], request: PlanRequest, open_ex: Sequence[Exercise]
) -> list[Violation]:
    balance_ids = frozenset(e.id for e in open_ex if "balance" in e.patterns)
    if not balance_every_session(request) or not balance_ids:
        return []
    return [
        Violation(f"{where} session {s['index']}", "balance_every_session", "no balance work")
        for s in week["sessions"]
        if not any(it["exercise_id"] in balance_ids for b in s["blocks"] for it in b["items"])
    ]


def check_patterns(
    where: str,
    week: Mapping[str, Any],
    wp: WeekPlan,
    request: PlanRequest,
    catalog: Catalog,
    skip: set[str],
    open_ex: Sequence[Exercise],
) -> list[Violation]:
    """Pattern balance, time use and signature work of one week (relaxed ones in ``skip``).

    ``open_ex`` are the exercises open to the person this week (eligible, prerequisites met by
    the plan's earlier loading weeks, within the spine-load limit).
    """
    items = _items(week, catalog)
    found = [
        *_pattern_per_session(where, items),
        *_one_variant_per_session(where, items),
        *_weekly_pattern_sets(where, items),
        *_movement_patterns(where, items, wp, request, open_ex),
        *_session_fill(where, week, wp, request),
        *_signature_work(where, items, wp, open_ex),
        *_main_lifts(where, items, wp, request, open_ex),
        *_balance_every_session(where, week, request, open_ex),
    ]
    return [v for v in found if v.requirement not in skip]


def _main_lifts(
    where: str, items: _Items, wp: WeekPlan, request: PlanRequest, open_ex: Sequence[Exercise]
) -> list[Violation]:
    lifts = [
        lift for lift in lifter_pathway(request) if any(is_main_lift(lift)(ex) for ex in open_ex)
    ]
    if wp.deload or not lifts:
        return []
    found = [
        Violation(where, "main_lifts", f"no {lift.replace('_', ' ')} this week")
        for lift in lifts
        if not any(is_main_lift(lift)(ex) for _, _, ex in items)
    ]
    cap = main_lifts_per_session(request, len(lifts))
    per_session = Counter(s for s, _, ex in items if any(is_main_lift(lf)(ex) for lf in lifts))
    found += [
        Violation(f"{where} session {s}", "main_lifts", f"{n} main lifts, at most {cap}")
        for s, n in sorted(per_session.items())
        if n > cap
    ]
    return found
