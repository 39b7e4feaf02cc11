"""Every plan version passes the validator: the check adaptation runs before it keeps a change.

An adapted version is checked with the planner's own validator
(:func:`spinewise.planning.validate.validate_plan`), whose item safety checks
(:mod:`spinewise.planning.checks.item_rules`, through
:func:`spinewise.planning.validate_item.item_problems`) adaptation also runs on each exercise it
would put into a plan. A change is refused when the version it makes breaks a requirement that
the version before it met; what the version before already broke (a plan stored by an older
release) is not held against a change. A refused change keeps the item as it was planned, and
says why in plain words. Decision record: docs/decisions/0220-every-plan-version-passes-the-
validator.md.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace

from spinewise.catalog import Catalog
from spinewise.planning.dosing import item_seconds
from spinewise.planning.plan import Item, Plan, PlanChange, Session
from spinewise.planning.request import PlanRequest
from spinewise.planning.requirements import RELAX_ORDER, REQUIREMENTS
from spinewise.planning.spine import CompressionFn
from spinewise.planning.validate import Violation, validate_plan

__all__ = [
    "ItemKey",
    "Pending",
    "keep_valid",
    "new_violations",
    "refused_replan",
    "rule_words",
    "suspects",
    "with_item",
]

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
    """What ``after`` breaks that was not broken before (``before``: the earlier version's).

    A violation is the same when the same requirement is broken at the same place (week or
    session): a session already short of its minutes that a change leaves short by another
    figure breaks nothing new.
    """
    known = {(v.where, v.requirement) for v in before}
    return [
        v
        for v in validate_plan(after, request, catalog, compression=compression)
        if (v.where, v.requirement) not in known
    ]


def refused_replan(
    before: Plan,
    after: Plan,
    change: PlanChange,
    request: PlanRequest,
    catalog: Catalog,
    compression: CompressionFn,
) -> PlanChange | None:
    """None when the re-planned ``after`` breaks nothing ``before`` met; else the refusal.

    A re-plan (after missed sessions, or after a retest, with the request it was planned
    with) goes through the planner, so it meets the planner's requirements; this is the check
    that keeps it so. The refusal is ``change`` with verdict ``hold`` and the reason first.
    """
    baseline = validate_plan(before, request, catalog, compression=compression)
    broken = new_violations(baseline, after, request, catalog, compression)
    if not broken:
        return None
    words = "; ".join(dict.fromkeys(rule_words(v.requirement) for v in broken))
    return replace(
        change,
        verdict="hold",
        reasons=(
            f"the plan was not planned again: the new weeks would break a rule every plan "
            f"keeps ({words}); the plan stands as it was",
            *change.reasons,
        ),
    )


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


#: Checks that a dose change can break (the others only a change of exercise can break).
_DOSE_RULES = frozenset(
    {
        "deload_volume",
        "foot_contacts",
        "progression",
        "session_fill",
        "session_time",
        "spine_budget",
        "weekly_pattern_sets",
    }
)


@dataclass(frozen=True)
class Pending:
    """A changed item: the item as planned, and the ways to change it still open, best first.

    ``ways[0]`` is the one in the plan; each way is the changed item and its change record.
    """

    planned: Item
    ways: tuple[tuple[Item, PlanChange], ...]

    @property
    def change(self) -> PlanChange:
        """The change in the plan."""
        return self.ways[0][1]


def _names(exercise_id: str | None, message: str) -> bool:
    return (
        exercise_id is not None and re.search(rf"\b{re.escape(exercise_id)}\b", message) is not None
    )


def suspects(v: Violation, made: Mapping[ItemKey, Pending]) -> set[ItemKey]:
    """The changes that may have caused ``v``, narrowed as far as the violation allows.

    Those near it (:func:`_near`; every change when none is near); of those, only changes of
    exercise when a dose change cannot break the requirement; of those, the ones whose
    exercise the violation names, when it names one.
    """
    near = _near(v, {k[:2] for k in made})
    keys = {k for k in made if k[:2] in near} or set(made)
    swaps = {k for k in keys if made[k].change.now != made[k].change.exercise_id}
    if v.requirement not in _DOSE_RULES and swaps:
        keys = swaps
    named = {
        k
        for k in keys
        if _names(made[k].change.now, v.message) or _names(made[k].change.exercise_id, v.message)
    }
    return named or keys


def _next_way(pending: Pending, words: str) -> Pending:
    """The next way to change the item, saying why the one before it was not used.

    Only a change of exercise has a next way (the dose step or the lighter dose after it).
    """
    refused = pending.ways[0][0]
    item, change = pending.ways[1]
    kind = "progression" if change.verdict == "progress" else "regression"
    what = (
        f"{change.change} ({refused.name}, the catalogue's {kind}, was not used: it would "
        f"break a rule every plan keeps: {words})"
    )
    item = replace(item, why=(f"adapted ({change.verdict}): {what}", *pending.planned.why))
    return Pending(pending.planned, ((item, replace(change, change=what)), *pending.ways[2:]))


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
    made: Mapping[ItemKey, Pending],
    request: PlanRequest,
    catalog: Catalog,
    compression: CompressionFn,
) -> tuple[Plan, dict[ItemKey, PlanChange], tuple[PlanChange, ...]]:
    """Keep the changes with which ``after`` breaks nothing that ``before`` met.

    ``made`` maps each changed item's place to its :class:`Pending` change. A change under
    suspicion for a new violation (:func:`suspects`) gives way to the next way to change its
    item (a dose step instead of the catalogue's progression, a lighter dose instead of its
    regression), and when none is left the item is put back as planned and the change returned
    with verdict ``hold`` and the reason. A relaxable requirement (``RELAX_ORDER``) that only
    regressions break gives way for that week instead, declared in ``solver.relaxed`` as the
    planner declares its own: easing a week after pain is not refused because the week then
    fills fewer minutes or loses its signature exercise.

    Returns
    -------
    (plan, kept, held)
        The version kept, its changes by place, and the changes refused.
    """
    pending = dict(made)
    if not pending:
        return after, {}, ()
    baseline = frozenset(validate_plan(before, request, catalog, compression=compression))
    held: list[PlanChange] = []
    while pending:
        broken = new_violations(baseline, after, request, catalog, compression)
        if not broken:
            break
        relax: set[tuple[int, str]] = set()
        refuse: dict[ItemKey, list[str]] = {}
        for v in broken:
            keys = suspects(v, pending)
            week, _ = _week_session(v.where)
            if (
                v.requirement in RELAX_ORDER
                and week is not None
                and all(pending[k].change.verdict == "regress" for k in keys)
            ):
                relax.add((week, v.requirement))
                continue
            for key in keys:
                refuse.setdefault(key, []).append(rule_words(v.requirement))
        relaxed = _relax(after, relax)
        if relaxed is after and not refuse:  # pragma: no cover - a declared relaxation is skipped
            refuse = {key: [rule_words(v.requirement) for v in broken] for key in pending}
        after = relaxed
        for key in sorted(refuse):
            words = "; ".join(dict.fromkeys(refuse[key]))
            change = pending.pop(key)
            if len(change.ways) > 1:
                pending[key] = _next_way(change, words)
                after = _put_back(after, key, pending[key].ways[0][0])
                continue
            after = _put_back(after, key, change.planned)
            if not any(k[:2] == key[:2] for k in pending):
                planned = before.session_at(key[0], key[1])  # nothing left changed in it
                if planned is not None:
                    after = after.with_session(key[0], planned)
            held.append(_hold(change.change, words))
    kept = {key: p.change for key, p in sorted(pending.items())}
    return after, kept, tuple(held)


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
