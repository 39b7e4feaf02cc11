"""Every plan version passes the validator: the check adaptation runs before it keeps a change.

An adapted version is checked with the planner's own validator
(:func:`spinewise.planning.validate.validate_plan`), whose per-item checks
(:func:`spinewise.planning.validate_item.check_item`) adaptation also runs on each exercise it
would put into a plan. A change is refused when the version it makes breaks a requirement that
the version before it met; what the version before already broke (a plan stored by an older
release) is not held against a change. A refused change keeps the item as it was planned, and
says why in plain words. Decision record: docs/decisions/0220-every-plan-version-passes-the-
validator.md.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from spinewise.catalog import Catalog
from spinewise.planning.dosing import item_seconds
from spinewise.planning.plan import Item, Plan, PlanChange, Session
from spinewise.planning.request import PlanRequest
from spinewise.planning.requirements import RELAX_ORDER, REQUIREMENTS
from spinewise.planning.spine import CompressionFn
from spinewise.planning.validate import Violation, validate_plan

__all__ = ["ItemKey", "blamed", "keep_valid", "new_violations", "rule_words", "with_item"]

#: An item's place in a plan: week, session, block and item (week and session from 1).
ItemKey = tuple[int, int, int, int]

#: Plain words for the validator's checks that are not planner requirements.
_VALIDATOR_ONLY = {
    "progression": "a dose does not drop from one loading week to the next within a phase",
    "dose": "each item has exactly one of repetitions, a hold time or a distance",
    "why": "each item says why it is there",
    "exercise": "each exercise is in the catalogue",
    "periodization": "each week keeps the phase the plan gave it",
    "sessions": "each week has the number of training days asked for",
    "weeks": "the plan keeps its length",
    "schema_version": "the plan is in the current format",
}


def rule_words(requirement: str) -> str:
    """A requirement in plain words (its id itself only for an id no one has described)."""
    if requirement in REQUIREMENTS:
        return REQUIREMENTS[requirement]
    return _VALIDATOR_ONLY.get(requirement, requirement.replace("_", " "))


def new_violations(
    before: Collection[Violation],
    after: Plan,
    request: PlanRequest,
    catalog: Catalog,
    compression: CompressionFn,
) -> list[Violation]:
    """What ``after`` breaks that was not broken before (``before``: the earlier version's)."""
    return [
        v
        for v in validate_plan(after, request, catalog, compression=compression)
        if v not in before
    ]


def _week_session(where: str) -> tuple[int | None, int | None]:
    words = where.split()
    week = int(words[1]) if len(words) >= 2 and words[0] == "week" else None
    session = int(words[3]) if len(words) >= 4 and words[2] == "session" else None
    return week, session


def _near(v: Violation, changed: Collection[tuple[int, int]]) -> set[tuple[int, int]]:
    """The changed ``(week, session)`` keys that may have caused ``v`` (empty: none is near).

    A session's violation is near the changes in that session (else in its week); a week's
    violation is near the changes in that week and the week before (progression and deload
    volume compare a week with the one before it).
    """
    week, session = _week_session(v.where)
    near: set[tuple[int, int]] = set()
    if week is not None and session is not None:
        near = {k for k in changed if k == (week, session)}
    if week is not None and not near:
        near = {k for k in changed if k[0] in (week, week - 1)}
    return near


def blamed(
    violations: Sequence[Violation], changed: Collection[tuple[int, int]]
) -> set[tuple[int, int]]:
    """The changed ``(week, session)`` keys that may have caused ``violations``.

    Those near each violation (:func:`_near`); a violation no change is near blames them all.
    """
    out: set[tuple[int, int]] = set()
    for v in violations:
        out |= _near(v, changed) or set(changed)
    return out


def _hold(change: PlanChange, words: str) -> PlanChange:
    return replace(
        change,
        verdict="hold",
        now=change.exercise_id,
        change=f"kept as planned instead of: {change.change}",
        reasons=(f"the change would break a rule every plan keeps ({words})", *change.reasons),
    )


def _relax(plan: Plan, relaxed: Collection[tuple[int, str]]) -> Plan:
    lines = [
        f"week {week}: {rid}: {REQUIREMENTS[rid]} (relaxed: the week was eased after pain)"
        for week, rid in sorted(relaxed)
    ]
    have = set(plan.solver.relaxed)
    new = tuple(line for line in lines if line not in have)
    if not new:
        return plan
    return replace(plan, solver=replace(plan.solver, relaxed=(*plan.solver.relaxed, *new)))


def keep_valid(
    before: Plan,
    after: Plan,
    made: dict[ItemKey, tuple[Item, PlanChange]],
    request: PlanRequest,
    catalog: Catalog,
    compression: CompressionFn,
) -> tuple[Plan, tuple[PlanChange, ...]]:
    """Keep the changes with which ``after`` breaks nothing that ``before`` met.

    ``made`` maps each changed item's place to the item as planned and the change; a refused
    change is taken out of it, its item put back as planned, and it is returned with verdict
    ``hold`` and the reason. A relaxable requirement (``RELAX_ORDER``) that only regressions break
    gives way for that week instead, declared in ``solver.relaxed`` as the planner declares its
    own: easing a week after pain must not be refused because the week then fills fewer minutes
    or loses its signature exercise. Returns the kept version and the refused changes.
    """
    if not made:
        return after, ()
    baseline = frozenset(validate_plan(before, request, catalog, compression=compression))
    held: list[PlanChange] = []
    while made:
        broken = new_violations(baseline, after, request, catalog, compression)
        if not broken:
            break
        sessions = {(k[0], k[1]) for k in made}
        relax: set[tuple[int, str]] = set()
        refuse: dict[tuple[int, int], list[str]] = {}
        for v in broken:
            near = _near(v, sessions)
            week, _ = _week_session(v.where)
            if (
                v.requirement in RELAX_ORDER
                and week is not None
                and near
                and all(c.verdict == "regress" for k, (_, c) in made.items() if k[:2] in near)
            ):
                relax.add((week, v.requirement))
                continue
            for spot in near or sessions:
                refuse.setdefault(spot, []).append(rule_words(v.requirement))
        relaxed = _relax(after, relax)
        if relaxed is after and not refuse:  # pragma: no cover - a declared relaxation is skipped
            refuse = {spot: [rule_words(v.requirement) for v in broken] for spot in sessions}
        after = relaxed
        for key in sorted(k for k in made if k[:2] in refuse):
            original, change = made.pop(key)
            after = _put_back(after, key, original)
            if not any(k[:2] == key[:2] for k in made):
                planned = before.session_at(key[0], key[1])  # nothing left changed in it
                if planned is not None:
                    after = after.with_session(key[0], planned)
            held.append(_hold(change, "; ".join(dict.fromkeys(refuse[key[:2]]))))
    return after, tuple(held)


def _put_back(plan: Plan, key: ItemKey, item: Item) -> Plan:
    week, session_i, block_i, item_i = key
    session = plan.session_at(week, session_i)
    if session is None:  # pragma: no cover - the key came from this plan
        return plan
    return plan.with_session(week, with_item(session, block_i, item_i, item))


def with_item(session: Session, block_i: int, item_i: int, item: Item) -> Session:
    """``session`` with item ``item_i`` of block ``block_i`` replaced, its minutes recomputed."""
    blocks = list(session.blocks)
    items = list(blocks[block_i].items)
    items[item_i] = item
    blocks[block_i] = replace(blocks[block_i], items=tuple(items))
    session = replace(session, blocks=tuple(blocks))
    minutes = round(sum(item_seconds(it.dose) for _, it in session.items()) / 60, 1)
    return replace(session, estimated_minutes=minutes)
