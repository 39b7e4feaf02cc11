"""Validator checks for ballistic and impact work: prerequisites and foot contacts per session.

Reads the plan JSON, the request, the catalogue and ``catalog/data/ballistic.toml`` through the
shared predicates of :mod:`spinewise.planning.candidates` and :mod:`spinewise.planning.policy`;
never the solver. Neither requirement is relaxable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from spinewise.catalog import Catalog
from spinewise.catalog.ballistic import load_ballistic_rules
from spinewise.planning.candidates import prerequisite_met
from spinewise.planning.periodization import WeekPlan
from spinewise.planning.policy import item_foot_contacts, max_foot_contacts
from spinewise.planning.request import PlanRequest
from spinewise.planning.validate_week import Violation, item_dose

__all__ = ["check_ballistic", "done_before"]


def _week_ids(week: Mapping[str, Any]) -> set[str]:
    return {it["exercise_id"] for s in week["sessions"] for b in s["blocks"] for it in b["items"]}


def done_before(
    weeks: Sequence[Mapping[str, Any]], expected: Sequence[WeekPlan]
) -> list[frozenset[str]]:
    """For each week, the exercises of the plan's earlier loading weeks (deloads do not count)."""
    out: list[frozenset[str]] = []
    done: set[str] = set()
    for week, wp in zip(weeks, expected, strict=True):
        out.append(frozenset(done))
        if not wp.deload:
            done |= _week_ids(week)
    return out


def check_ballistic(
    weeks: Sequence[Mapping[str, Any]],
    expected: Sequence[WeekPlan],
    request: PlanRequest,
    catalog: Catalog,
) -> list[Violation]:
    """Every item's prerequisite met by earlier loading weeks; every session's foot contacts."""
    rules = load_ballistic_rules()
    cap = max_foot_contacts(request)
    out: list[Violation] = []
    for week, wp, done in zip(weeks, expected, done_before(weeks, expected), strict=True):
        for session in week["sessions"]:
            where = f"week {wp.index} session {session['index']}"
            contacts = 0
            for block in session["blocks"]:
                for item in block["items"]:
                    if item["exercise_id"] not in catalog:
                        continue
                    ex = catalog.get(item["exercise_id"])
                    if not prerequisite_met(ex, request, done):
                        after = rules.prerequisites[ex.id].after
                        out.append(
                            Violation(
                                where,
                                "prerequisites",
                                f"{ex.id} needs one of {', '.join(after)} in an earlier "
                                "loading week",
                            )
                        )
                    contacts += item_foot_contacts(ex, item_dose(item))
            if contacts > cap:
                out.append(
                    Violation(
                        where,
                        "foot_contacts",
                        f"{contacts} foot contacts, at most {cap} for a "
                        f"{request.training_experience} trainee",
                    )
                )
    return out
