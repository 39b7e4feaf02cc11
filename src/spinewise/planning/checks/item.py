"""Checks of each item of a week: one function per requirement, named after it.

An item whose exercise is not in the catalogue is reported once (``exercise``) and skipped by
every other item check. The safety rules themselves are
:mod:`spinewise.planning.checks.item_rules`, shared with adaptation.
"""

from __future__ import annotations

from spinewise.planning.checks.item_rules import (
    SAFETY_CHECKS,
    ItemFacts,
    SafetyCheck,
    dose_written,
    why_given,
)
from spinewise.planning.checks.scope import WeekScope
from spinewise.planning.checks.violation import Violation

__all__ = [
    "dose",
    "equipment",
    "exercise",
    "fall_risk_jumps",
    "fall_risk_one_leg",
    "finding_exclusions",
    "level_window",
    "pain_gate",
    "sensitivities",
    "spine_budget",
    "why",
]


def _safety(ws: WeekScope, check: SafetyCheck) -> list[Violation]:
    s = ws.scope
    out = []
    for p in ws.placed:
        facts = ItemFacts(s.request, ws.wp.phase, p.item.dose, s.limit_n, s.compression)
        problem = check(p.exercise, facts)
        if problem is not None:
            out.append(Violation(ws.at(p.session), problem.requirement, problem.message))
    return out


def exercise(ws: WeekScope) -> list[Violation]:
    """Validator-only ``exercise``: every item names an exercise of the catalogue."""
    return [
        Violation(ws.at(s), "exercise", f"unknown exercise {item.exercise_id!r}")
        for s in ws.week.sessions
        for _, item in s.items()
        if item.exercise_id not in ws.scope.catalog
    ]


def equipment(ws: WeekScope) -> list[Violation]:
    """Requirement ``equipment``: only exercises whose equipment is available."""
    return _safety(ws, SAFETY_CHECKS["equipment"])


def sensitivities(ws: WeekScope) -> list[Violation]:
    """Requirement ``sensitivities``: no exercise loading a movement that aggravates."""
    return _safety(ws, SAFETY_CHECKS["sensitivities"])


def pain_gate(ws: WeekScope) -> list[Violation]:
    """Requirement ``pain_gate``: no jumps, throws or swings while pain is above 2/10."""
    return _safety(ws, SAFETY_CHECKS["pain_gate"])


def fall_risk_jumps(ws: WeekScope) -> list[Violation]:
    """Requirement ``fall_risk_jumps``: no risky landings for a person at risk of falling."""
    return _safety(ws, SAFETY_CHECKS["fall_risk_jumps"])


def fall_risk_one_leg(ws: WeekScope) -> list[Violation]:
    """Requirement ``fall_risk_one_leg``: no hard one-legged strength work at risk of falling."""
    return _safety(ws, SAFETY_CHECKS["fall_risk_one_leg"])


def finding_exclusions(ws: WeekScope) -> list[Violation]:
    """Requirement ``finding_exclusions``: no exercise a finding rules out."""
    return _safety(ws, SAFETY_CHECKS["finding_exclusions"])


def level_window(ws: WeekScope) -> list[Violation]:
    """Requirement ``level_window``: exercise levels within the phase's window."""
    return _safety(ws, SAFETY_CHECKS["level_window"])


def spine_budget(ws: WeekScope) -> list[Violation]:
    """Requirement ``spine_budget``: no item above the compression limit at its checked load."""
    return _safety(ws, SAFETY_CHECKS["spine_budget"])


def dose(ws: WeekScope) -> list[Violation]:
    """Validator-only ``dose``: every item doses exactly one of reps, a hold or a distance."""
    found = ((p, dose_written(p.item, p.exercise)) for p in ws.placed)
    return [Violation(ws.at(p.session), "dose", f.message) for p, f in found if f is not None]


def why(ws: WeekScope) -> list[Violation]:
    """Validator-only ``why``: every item gives a reason."""
    found = ((p, why_given(p.item, p.exercise)) for p in ws.placed)
    return [Violation(ws.at(p.session), "why", f.message) for p, f in found if f is not None]
