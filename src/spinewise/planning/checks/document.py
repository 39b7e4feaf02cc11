"""Checks of the plan as a whole: its schema version, its declared relaxations, its weeks."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spinewise.planning.checks.violation import Violation
from spinewise.planning.periodization import WeekPlan
from spinewise.planning.plan import Plan
from spinewise.planning.requirements import RELAX_ORDER

__all__ = ["declared_relaxations", "relaxations", "schema_version", "weeks"]

_RELAXED = re.compile(r"^week (\d+): ([a-z_]+):")


def schema_version(version: object) -> list[Violation]:
    """Validator-only ``schema_version``: the plan document's version of the schema is 1."""
    return [] if version == 1 else [Violation("plan", "schema_version", "must be 1")]


def relaxations(plan: Plan) -> list[Violation]:
    """Validator-only ``solver.relaxed``: only relaxable requirements of a week are relaxed."""
    return [
        Violation("plan", "solver.relaxed", f"not a relaxable requirement of a week: {text!r}")
        for text in plan.solver.relaxed
        if _declared(text) is None
    ]


def declared_relaxations(plan: Plan) -> set[tuple[int, str]]:
    """``(week, requirement)`` of each well-formed relaxation the plan declares."""
    return {d for d in map(_declared, plan.solver.relaxed) if d is not None}


def _declared(text: object) -> tuple[int, str] | None:
    match = _RELAXED.match(str(text))
    if match is None or match.group(2) not in RELAX_ORDER:
        return None
    return int(match.group(1)), match.group(2)


def weeks(plan: Plan, expected: Sequence[WeekPlan]) -> list[Violation]:
    """Validator-only ``weeks``: as many weeks as the periodization expects."""
    n = len(plan.weeks)
    if n == len(expected):
        return []
    return [Violation("plan", "weeks", f"{n} weeks, expected {len(expected)}")]
