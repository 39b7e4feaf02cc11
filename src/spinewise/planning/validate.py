"""The solver-independent validator: checks a plan document against every requirement.

It reads only the plan's JSON, the athlete's request, the catalogue and the shared policies
(:mod:`spinewise.planning.policy`); it knows nothing of CP-SAT. A requirement the plan declares
relaxed for a week (``solver.relaxed``) is not checked for that week, and only relaxable
requirements may be declared so. The checks of one item are
:func:`spinewise.planning.validate_item.check_item`, which adaptation runs too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from spinewise.catalog import Catalog
from spinewise.planning.candidates import eligible, is_rotational_throw
from spinewise.planning.dosing import item_seconds
from spinewise.planning.plan import Plan
from spinewise.planning.policy import BLOCK_MAX_ITEMS, items_per_session, plan_weeks
from spinewise.planning.request import PlanRequest
from spinewise.planning.requirements import RELAX_ORDER
from spinewise.planning.spine import (
    CompressionFn,
    compression_limit_n,
    model_compression_n,
    spine_load,
)
from spinewise.planning.validate_ballistic import check_ballistic, done_before
from spinewise.planning.validate_item import check_item
from spinewise.planning.validate_patterns import check_patterns
from spinewise.planning.validate_week import (
    Violation,
    check_across_weeks,
    check_week,
    item_dose,
)

__all__ = ["Violation", "item_dose", "validate_plan"]

BLOCKS = ("prep", "power", "strength", "stability", "conditioning", "recovery")
_RELAXED = re.compile(r"^week (\d+): ([a-z_]+):")


def _declared_relaxations(plan: Mapping[str, Any], out: list[Violation]) -> set[tuple[int, str]]:
    declared: set[tuple[int, str]] = set()
    for text in plan.get("solver", {}).get("relaxed", []):
        match = _RELAXED.match(str(text))
        if match is None or match.group(2) not in RELAX_ORDER:
            out.append(
                Violation(
                    "plan", "solver.relaxed", f"not a relaxable requirement of a week: {text!r}"
                )
            )
            continue
        declared.add((int(match.group(1)), match.group(2)))
    return declared


def _check_session(
    where: str, session: Mapping[str, Any], request: PlanRequest, catalog: Catalog
) -> list[Violation]:
    out = []
    kinds = [b["kind"] for b in session["blocks"]]
    if kinds != [k for k in BLOCKS if k in kinds] or len(set(kinds)) != len(kinds):
        out.append(Violation(where, "session_structure", f"blocks out of order: {kinds}"))
    if "prep" not in kinds:
        out.append(Violation(where, "session_structure", "no prep block"))
    for block in session["blocks"]:
        if len(block["items"]) > BLOCK_MAX_ITEMS[block["kind"]]:
            out.append(
                Violation(
                    where,
                    "session_structure",
                    f"{len(block['items'])} items in {block['kind']}, "
                    f"at most {BLOCK_MAX_ITEMS[block['kind']]}",
                )
            )
    items = [it for b in session["blocks"] for it in b["items"]]
    low, high = items_per_session(request.minutes_per_session)
    if not low <= len(items) <= high:
        out.append(
            Violation(
                where,
                "session_structure",
                f"{len(items)} items; {low} to {high} suit {request.minutes_per_session} minutes",
            )
        )
    ids = [it["exercise_id"] for it in items]
    if len(set(ids)) != len(ids):
        out.append(Violation(where, "session_structure", "an exercise appears twice"))
    minutes = sum(item_seconds(item_dose(it)) for it in items) / 60
    if minutes > request.minutes_per_session + 1e-9:
        out.append(
            Violation(
                where,
                "session_time",
                f"estimated {minutes:.1f} min, more than {request.minutes_per_session} min",
            )
        )
    if abs(minutes - float(session["estimated_minutes"])) > 0.051:
        out.append(
            Violation(
                where,
                "session_time",
                f"estimated_minutes {session['estimated_minutes']} but the items "
                f"add up to {minutes:.1f}",
            )
        )
    return out


def validate_plan(
    plan: Plan | Mapping[str, Any],
    request: PlanRequest,
    catalog: Catalog,
    *,
    compression: CompressionFn = model_compression_n,
) -> list[Violation]:
    """Check every requirement; return the violations (empty when the plan is valid).

    ``plan`` is a :class:`~spinewise.planning.plan.Plan` or its document as read from a file;
    the checks read the document, so that they know nothing of how the plan was made.
    """
    if isinstance(plan, Plan):
        plan = plan.to_json()
    out: list[Violation] = []
    if plan.get("schema_version") != 1:
        out.append(Violation("plan", "schema_version", "must be 1"))
    declared = _declared_relaxations(plan, out)
    expected = plan_weeks(request)
    weeks: Sequence[Mapping[str, Any]] = plan.get("weeks", [])
    if len(weeks) != len(expected):
        out.append(Violation("plan", "weeks", f"{len(weeks)} weeks, expected {len(expected)}"))
        return sorted(out)
    limit = compression_limit_n(request)
    for week, wp, done in zip(weeks, expected, done_before(weeks, expected), strict=True):
        wk = f"week {wp.index}"
        if week["phase"] != wp.phase or bool(week["deload"]) != wp.deload:
            out.append(
                Violation(
                    wk,
                    "periodization",
                    f"phase {week['phase']}/deload {week['deload']}, expected "
                    f"{wp.phase}/{wp.deload}",
                )
            )
        if len(week["sessions"]) != request.days_per_week:
            out.append(
                Violation(
                    wk,
                    "sessions",
                    f"{len(week['sessions'])} sessions, expected {request.days_per_week}",
                )
            )
        for session in week["sessions"]:
            where = f"{wk} session {session['index']}"
            out.extend(_check_session(where, session, request, catalog))
            for block in session["blocks"]:
                for item in block["items"]:
                    if item["exercise_id"] not in catalog:
                        out.append(
                            Violation(
                                where, "exercise", f"unknown exercise {item['exercise_id']!r}"
                            )
                        )
                        continue
                    ex = catalog.get(item["exercise_id"])
                    out.extend(
                        Violation(where, p.requirement, p.message)
                        for p in check_item(
                            item, ex, request, wp.phase, limit_n=limit, compression=compression
                        )
                    )
        skip = {rid for (w, rid) in declared if w == wp.index}
        open_ex = [
            ex
            for ex in eligible(catalog, request, wp.phase, done)
            if spine_load(ex, request, compression) is not None
        ]
        if not any(is_rotational_throw(ex) for ex in open_ex):
            skip.add("rotational_throws")  # none open yet: their prerequisite comes first
        out.extend(check_week(wk, week, wp, request, catalog, skip, limit, compression))
        out.extend(check_patterns(wk, week, wp, request, catalog, skip, open_ex))
    out.extend(check_across_weeks(weeks, expected, request, catalog, declared, limit, compression))
    out.extend(check_ballistic(weeks, expected, request, catalog))
    return sorted(set(out))
