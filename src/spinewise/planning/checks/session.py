"""Checks of each session of a week: one function per requirement, named after it."""

from __future__ import annotations

from collections import Counter

from spinewise.catalog.ballistic import load_ballistic_rules
from spinewise.planning.candidates import is_unilateral_work, prerequisite_met
from spinewise.planning.checks.scope import WeekScope
from spinewise.planning.checks.violation import Violation
from spinewise.planning.dosing import item_seconds
from spinewise.planning.plan import Session
from spinewise.planning.policy import (
    BLOCK_MAX_ITEMS,
    SESSION_FILL_SHARE,
    SESSION_PATTERN_MAX,
    balance_every_session,
    item_foot_contacts,
    items_per_session,
    main_pattern,
    max_foot_contacts,
    variant_pairs,
)

__all__ = [
    "BLOCKS",
    "balance_every_session_check",
    "foot_contacts",
    "one_variant_per_session",
    "pattern_per_session",
    "prerequisites",
    "session_fill",
    "session_structure",
    "session_time",
    "unilateral_each_session",
]

#: The blocks of a session in the order they must come.
BLOCKS = ("prep", "power", "strength", "stability", "conditioning", "recovery")


def _seconds(session: Session) -> float:
    """The session's estimated duration from its items' doses [s]."""
    return sum(item_seconds(item.dose) for _, item in session.items())


def _structure(ws: WeekScope, session: Session) -> list[str]:
    kinds = [b.kind for b in session.blocks]
    out = []
    if kinds != [k for k in BLOCKS if k in kinds] or len(set(kinds)) != len(kinds):
        out.append(f"blocks out of order: {kinds}")
    if "prep" not in kinds:
        out.append("no prep block")
    for block in session.blocks:
        most = BLOCK_MAX_ITEMS[block.kind]
        if len(block.items) > most:
            out.append(f"{len(block.items)} items in {block.kind}, at most {most}")
    minutes = ws.scope.request.minutes_per_session
    ids = [item.exercise_id for _, item in session.items()]
    low, high = items_per_session(minutes)
    if not low <= len(ids) <= high:
        out.append(f"{len(ids)} items; {low} to {high} suit {minutes} minutes")
    if len(set(ids)) != len(ids):
        out.append("an exercise appears twice")
    return out


def session_structure(ws: WeekScope) -> list[Violation]:
    """Requirement ``session_structure``: blocks in order, a prep block, sizes within bounds."""
    return [
        Violation(ws.at(s), "session_structure", message)
        for s in ws.week.sessions
        for message in _structure(ws, s)
    ]


def session_time(ws: WeekScope) -> list[Violation]:
    """Requirement ``session_time``: the estimated duration fits and is stated truly."""
    allowed = ws.scope.request.minutes_per_session
    out = []
    for s in ws.week.sessions:
        minutes = _seconds(s) / 60
        if minutes > allowed + 1e-9:
            message = f"estimated {minutes:.1f} min, more than {allowed} min"
            out.append(Violation(ws.at(s), "session_time", message))
        if abs(minutes - float(s.estimated_minutes)) > 0.051:
            message = (
                f"estimated_minutes {s.estimated_minutes} but the items add up to {minutes:.1f}"
            )
            out.append(Violation(ws.at(s), "session_time", message))
    return out


def session_fill(ws: WeekScope) -> list[Violation]:
    """Requirement ``session_fill``: a loading-week session uses at least 80 % of its minutes."""
    if ws.wp.deload:
        return []
    num, den = SESSION_FILL_SHARE
    minutes = ws.scope.request.minutes_per_session
    floor_s = minutes * 60 * num // den
    return [
        Violation(
            ws.at(s),
            "session_fill",
            f"uses {secs / 60:.1f} of {minutes} minutes, less than {100 * num // den} %",
        )
        for s in ws.week.sessions
        if (secs := _seconds(s)) < floor_s
    ]


def unilateral_each_session(ws: WeekScope) -> list[Violation]:
    """Requirement ``unilateral_each_session``: unilateral, alternating or split work each time."""
    return [
        Violation(
            ws.where,
            "unilateral_each_session",
            f"session {n} has no unilateral, alternating or split work",
        )
        for n, exs in enumerate(ws.per_session, start=1)
        if not any(is_unilateral_work(ex) for ex in exs)
    ]


def pattern_per_session(ws: WeekScope) -> list[Violation]:
    """Requirement ``pattern_per_session``: at most two exercises of a main pattern a session."""
    counts = Counter((p.session.index, main_pattern(p.exercise)) for p in ws.placed)
    return [
        Violation(
            f"{ws.where} session {s}",
            "pattern_per_session",
            f"{n} exercises of the {pattern} pattern, at most {SESSION_PATTERN_MAX}",
        )
        for (s, pattern), n in sorted(counts.items())
        if n > SESSION_PATTERN_MAX
    ]


def one_variant_per_session(ws: WeekScope) -> list[Violation]:
    """Requirement ``one_variant_per_session``: no exercise with its direct variant."""
    by_session: dict[int, list[str]] = {}
    for p in ws.placed:
        by_session.setdefault(p.session.index, []).append(p.exercise.id)
    catalog = ws.scope.catalog
    return [
        Violation(
            f"{ws.where} session {s}",
            "one_variant_per_session",
            f"{a} and {b} are variants of one exercise in the same session",
        )
        for s, ids in sorted(by_session.items())
        for a, b in variant_pairs([catalog.get(i) for i in ids])
    ]


def balance_every_session_check(ws: WeekScope) -> list[Violation]:
    """Requirement ``balance_every_session``: balance work each session where it is needed."""
    balance_ids = frozenset(e.id for e in ws.open_exercises if "balance" in e.patterns)
    if not balance_every_session(ws.scope.request) or not balance_ids:
        return []
    return [
        Violation(ws.at(s), "balance_every_session", "no balance work")
        for s in ws.week.sessions
        if not any(item.exercise_id in balance_ids for _, item in s.items())
    ]


def foot_contacts(ws: WeekScope) -> list[Violation]:
    """Requirement ``foot_contacts``: a session's jump landings within the experience's cap."""
    request, catalog = ws.scope.request, ws.scope.catalog
    cap = max_foot_contacts(request)
    out = []
    for s in ws.week.sessions:
        contacts = sum(
            item_foot_contacts(catalog.get(item.exercise_id), item.dose)
            for _, item in s.items()
            if item.exercise_id in catalog
        )
        if contacts > cap:
            message = (
                f"{contacts} foot contacts, at most {cap} for training experience "
                f"{request.training_experience}"
            )
            out.append(Violation(ws.at(s), "foot_contacts", message))
    return out


def prerequisites(ws: WeekScope) -> list[Violation]:
    """Requirement ``prerequisites``: ballistic work after its prerequisite, in earlier weeks."""
    rules = load_ballistic_rules()
    return [
        Violation(
            ws.at(p.session),
            "prerequisites",
            f"{p.exercise.id} needs one of {', '.join(rules.prerequisites[p.exercise.id].after)} "
            "in an earlier loading week",
        )
        for p in ws.placed
        if not prerequisite_met(p.exercise, ws.scope.request, ws.done)
    ]
