"""``build_habits``: the ``habits`` section of a plan, from the request and its weeks.

The planner calls :func:`build_habits` when it builds the plan JSON; every renderer shows the
result. It is pure: the same request, weeks, catalogue and pages give the same habits, and so the
same JSON, key for key.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from spinewise.catalog import Catalog
from spinewise.education import Page, link_index, load_pages
from spinewise.errors import InputError
from spinewise.habits.balance import build_balance_practice
from spinewise.habits.breaks import build_movement_breaks
from spinewise.habits.breathing import build_breathing
from spinewise.habits.checkin import checkin_section
from spinewise.habits.recovery import build_recovery
from spinewise.habits.rules import load_habit_rules
from spinewise.habits.sections import Habits
from spinewise.habits.walking import build_walking

if TYPE_CHECKING:
    from spinewise.planning.periodization import WeekPlan
    from spinewise.planning.request import PlanRequest

__all__ = ["HABITS_SCHEMA_VERSION", "build_habits"]

HABITS_SCHEMA_VERSION = 1

#: Pages every plan links to, after the person's own.
GENERAL_PAGES: tuple[str, ...] = ("chain-not-isolation", "pain-and-load", "when-to-see-a-clinician")


def _not_included(request: PlanRequest, breaks: bool, walking: bool) -> dict[str, str]:
    out: dict[str, str] = {}
    if not breaks:
        out["movement_breaks"] = (
            "Neither long sitting nor long standing aggravates your pain, and desk work is not "
            "among your goals, so the plan adds no movement breaks."
        )
    if not walking:
        running = (
            " Running is among your goals and already keeps you on your feet."
            if "running" in request.goals
            else ""
        )
        out["walking"] = (
            "You have no back pain now, sitting and standing do not aggravate it, and desk work "
            "is not among your goals, so the plan prescribes no walking programme; walk whenever "
            f"you like.{running}"
        )
    return out


def build_habits(
    request: PlanRequest,
    weeks: Sequence[WeekPlan],
    catalog: Catalog,
    pages: Mapping[str, Page] | None = None,
    session_balance_min: Sequence[float] | None = None,
) -> Habits:
    """Build the ``habits`` section of a plan.

    Parameters
    ----------
    request
        The planner's input (goals, pain, posture triggers, time, equipment, findings...).
    weeks
        The plan's weeks (:func:`spinewise.planning.periodization.periodize`).
    catalog
        The catalogue the break menu and breathing drills come from.
    pages
        The education pages; the packaged ones by default.
    session_balance_min
        Standing balance in each week's sessions [min] (none when not given): the balance
        practice adds what the weekly total needs.

    Returns
    -------
    Habits
        ``schema_version``; ``breathing`` (always); ``movement_breaks`` and ``walking`` (None
        when they do not apply, with the reason in ``not_included``); ``recovery``;
        ``check_in``; ``finding_pages`` and ``phase_pages`` (code or phase to page id); and
        ``pages``, the ids of every page this person should read, their own first.

    Raises
    ------
    InputError
        When ``weeks`` is empty.
    """
    if not weeks:
        raise InputError("weeks: a plan has at least one week, got none")
    pages = pages if pages is not None else load_pages()
    index = link_index(pages)
    rules = load_habit_rules()
    breathing = build_breathing(request, weeks, catalog, rules.breathing, index.get("breathing"))
    breaks = build_movement_breaks(request, catalog, rules.breaks, index.get("movement_breaks"))
    walking = build_walking(request, weeks, rules.walking, index.get("walking"))
    in_sessions = list(session_balance_min or [0.0] * len(weeks))
    balance = build_balance_practice(
        request, weeks, catalog, in_sessions, rules.balance, index.get("balance_practice")
    )
    recovery = build_recovery(request, weeks, rules.recovery, index)
    check_in = checkin_section()
    finding_pages = {
        code: index[code] for code, _severity, _summary in request.findings if code in index
    }
    phase_pages = {
        phase: index[phase] for phase in dict.fromkeys(w.phase for w in weeks) if phase in index
    }
    habit_links = ["breathing"]
    habit_links += ["movement_breaks"] if breaks else []
    habit_links += ["walking"] if walking else []
    habit_links += ["balance_practice"] if balance else []
    habit_links += ["sleep", "deload", "check_in"]
    general = list(GENERAL_PAGES) + (["posture-variety"] if breaks else [])
    ordered = [
        *finding_pages.values(),
        *phase_pages.values(),
        *(index[link] for link in habit_links if link in index),
        *(p for p in general if p in pages),
    ]
    return Habits(
        schema_version=HABITS_SCHEMA_VERSION,
        breathing=breathing,
        movement_breaks=breaks,
        walking=walking,
        balance_practice=balance,
        recovery=recovery,
        check_in=check_in,
        not_included=tuple(_not_included(request, breaks is not None, walking is not None).items()),
        finding_pages=tuple(finding_pages.items()),
        phase_pages=tuple(phase_pages.items()),
        pages=tuple(dict.fromkeys(ordered)),
    )
