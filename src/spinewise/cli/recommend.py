"""``spinewise recommend``: ranked options for the next session, or substitutes for one exercise.

Reads the athlete's newest stored plan (``spinewise log use-plan FILE``) and training log from
the database. Equipment, sensitivities and the findings' demands come from ``--profile`` or the
newest stored profile; without either, the equipment is what the plan's exercises use and no
finding or sensitivity is weighed (a note says so).
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypedDict, cast, get_args

import typer

from spinewise import services
from spinewise.adaptation.coverage import Coverage, CoverageJson, item_coverage
from spinewise.adaptation.recommend import (
    Recommendation,
    RecommendationJson,
)
from spinewise.adaptation.substitutes import Substitute, substitutes
from spinewise.catalog import Catalog, load_catalog
from spinewise.cli import render
from spinewise.cli.db import open_services
from spinewise.errors import InputError
from spinewise.logbook import PlannedSession
from spinewise.planning.from_profile import FLOOR_SPACE
from spinewise.planning.make import spine_compression
from spinewise.planning.periodization import Phase
from spinewise.planning.plan import Plan, Week
from spinewise.planning.request import PlanRequest
from spinewise.profile import Profile, load_profile
from spinewise.settings import DEFAULT_ATHLETE

__all__ = ["recommend"]


class Format(StrEnum):
    """Formats of ``recommend``."""

    text = "text"
    json = "json"


def _read_store(athlete: str, today: date) -> services.RecommendInputs:
    with open_services() as store:
        who = services.athlete_named(store, athlete, create=False)
        return services.recommend_inputs(store, who, today=today, who=athlete)


def _request(profile_file: Path | None, stored: Profile | None) -> PlanRequest | None:
    return services.request_of(load_profile(profile_file) if profile_file is not None else stored)


def _today(request: PlanRequest | None, pain_now: int | None) -> PlanRequest | None:
    """The request with today's pain, when given (the pain gate reads it)."""
    if request is None or pain_now is None:
        return request
    return replace(request, pain_current=pain_now)


def _phase(week: Week) -> Phase | None:
    return cast(Phase, week.phase) if week.phase in get_args(Phase) else None


def _week_of(plan: Plan, week: int) -> Week:
    return next(w for w in plan.weeks if w.index == week)


def _check_missing(missing: list[str], catalog: Catalog) -> list[str]:
    allowed = catalog.vocabulary.values("equipment")
    problems = [
        f"--missing: unknown equipment {m!r}; allowed: {', '.join(allowed)}"
        for m in missing
        if m not in allowed
    ]
    if problems:
        raise InputError(problems)
    return [
        f"A {m} stands for floor space, which is always available (decision 0003)."
        for m in sorted(set(missing) & FLOOR_SPACE)
    ]


def _needed(
    exercise_id: str,
    nxt: PlannedSession | None,
    plan: Plan,
    catalog: Catalog,
    request: PlanRequest | None,
) -> Coverage | None:
    if nxt is None or exercise_id not in {it.exercise_id for it in nxt.items}:
        return None
    week = _week_of(plan, nxt.week)
    return item_coverage(week, nxt.session, exercise_id, catalog=catalog, request=request)


class _NextSessionJson(TypedDict):
    week: int
    session: int
    date: str | None


class _SubstituteJson(TypedDict):
    exercise_id: str
    name: str
    score: float
    shared: list[str]
    keeps: CoverageJson
    loses: CoverageJson
    reason: str
    load_cap_kg: float | None


class _SubstitutesJson(TypedDict):
    exercise_id: str
    needed: CoverageJson | None
    substitutes: list[_SubstituteJson]
    notes: list[str]


class _RecommendationsJson(TypedDict):
    next_session: _NextSessionJson | None
    recommendations: list[RecommendationJson]
    notes: list[str]


def _session_json(nxt: PlannedSession | None, when: date | None) -> _NextSessionJson | None:
    if nxt is None:
        return None
    return {
        "week": nxt.week,
        "session": nxt.session,
        "date": None if when is None else when.isoformat(),
    }


def _session_text(nxt: PlannedSession | None, when: date | None) -> str:
    if nxt is None:
        return "No planned session is left: the options below serve your findings and pain."
    on = f" on {when.isoformat()}" if when else ""
    return f"Next session: week {nxt.week}, session {nxt.session}{on}."


def _substitute_json(s: Substitute) -> _SubstituteJson:
    return {
        "exercise_id": s.exercise_id,
        "name": s.name,
        "score": s.score,
        "shared": list(s.shared),
        "keeps": s.keeps.to_json(),
        "loses": s.loses.to_json(),
        "reason": s.reason,
        "load_cap_kg": s.load_cap_kg,
    }


def _say(line: str) -> None:
    render.console.print(line, markup=False, highlight=False, soft_wrap=True)


def _print_recommendations(
    nxt: PlannedSession | None,
    when: date | None,
    recs: list[Recommendation],
    notes: list[str],
    catalog: Catalog,
) -> None:
    _say(_session_text(nxt, when))
    for note in notes:
        _say(f"Note: {note}")
    _say("Recommended for you:")
    if not recs:
        _say("  Nothing fits today's equipment, sensitivities and pain.")
    for n, r in enumerate(recs, 1):
        how: str = r.kind
        if r.instead_of:
            how = f"alternative to {catalog.get(r.instead_of).name}"
        _say(f"{n:>2}. {r.name} ({r.exercise_id}): {how}, score {r.score:.2f}")
        for reason in r.reasons:
            _say(f"      - {reason}")


def _print_substitutes(
    exercise_id: str,
    needed: Coverage | None,
    subs: list[Substitute],
    notes: list[str],
    catalog: Catalog,
) -> None:
    ex = catalog.get(exercise_id)
    _say(f"Substitutes for {ex.name} ({ex.id}):")
    for note in notes:
        _say(f"Note: {note}")
    if needed is not None and needed.is_empty:
        _say("In your next session, other items cover all it gives the week.")
    elif needed is not None:
        _say(f"In your next session it alone gives the week {needed.describe()}.")
    if not subs:
        _say("  No exercise fits today's equipment, sensitivities and level.")
    for n, s in enumerate(subs, 1):
        _say(f"{n:>2}. {s.name} ({s.exercise_id}), similarity {s.score:.2f}")
        _say(f"      {s.reason}.")


def recommend(
    athlete: Annotated[
        str, typer.Option("--athlete", help="Whose plan and log (default: the local athlete).")
    ] = DEFAULT_ATHLETE,
    today: Annotated[
        datetime | None,
        typer.Option("--today", formats=["%Y-%m-%d"], help="The day (default: today)."),
    ] = None,
    profile: Annotated[
        Path | None,
        typer.Option(
            "--profile",
            help="Profile TOML for equipment, sensitivities and findings "
            "(default: the newest stored profile).",
        ),
    ] = None,
    pain_now: Annotated[
        int | None, typer.Option("--pain-now", min=0, max=10, help="Back pain now, 0-10.")
    ] = None,
    substitute: Annotated[
        str | None,
        typer.Option("--substitute", help="Show substitutes for this exercise id instead."),
    ] = None,
    missing: Annotated[
        list[str] | None,
        typer.Option("--missing", help="Equipment not at hand today (repeat; with --substitute)."),
    ] = None,
    hurts: Annotated[
        bool, typer.Option("--hurts", help="The exercise hurts (with --substitute).")
    ] = False,
    k: Annotated[int, typer.Option("--k", min=1, max=50, help="How many options.")] = 5,
    fmt: Annotated[Format, typer.Option("--format", help="text or json.")] = Format.text,
) -> None:
    """Recommended for you: ranked options for the next session, or substitutes for one."""
    if substitute is None and (missing or hurts):
        raise InputError("--missing/--hurts: only with --substitute EXERCISE_ID")
    catalog = load_catalog()
    if substitute is not None and substitute not in catalog:
        raise InputError(
            f"--substitute: no exercise with id {substitute!r}; see `spinewise catalog list`"
        )
    notes = _check_missing(missing or [], catalog)
    day = today.date() if today else date.today()
    stored = _read_store(athlete, day)
    request = _request(profile, stored.profile)
    if request is None:
        notes.append(
            "no profile: findings and sensitivities are not weighed, and the equipment is what "
            "the plan uses; pass --profile PROFILE."
        )
        kit = services.plan_equipment(stored.plan, catalog)
    else:
        kit = request.equipment
    avoid = request.sensitivities if request else frozenset()
    nxt = stored.next_planned
    if substitute is not None:
        needed = _needed(substitute, nxt, stored.plan, catalog, request)
        subs = substitutes(
            substitute,
            catalog=catalog,
            available_equipment=kit - frozenset(missing or ()),
            avoid_sensitivities=avoid,
            needed=needed,
            k=k,
            hurts=hurts,
            request=_today(request, pain_now),
            phase=None if nxt is None else _phase(_week_of(stored.plan, nxt.week)),
            compression=spine_compression(),
        )
        if fmt is Format.json:
            found: _SubstitutesJson = {
                "exercise_id": substitute,
                "needed": None if needed is None else needed.to_json(),
                "substitutes": [_substitute_json(s) for s in subs],
                "notes": notes,
            }
            typer.echo(json.dumps(found, indent=2, ensure_ascii=False))
        else:
            _print_substitutes(substitute, needed, subs, notes, catalog)
        return
    recs = list(
        services.recommended(
            stored, today=day, request=request, pain_now_0_10=pain_now, k=k, catalog=catalog
        ).recommendations
    )
    if fmt is Format.json:
        doc: _RecommendationsJson = {
            "next_session": _session_json(nxt, stored.next_date),
            "recommendations": [r.to_json() for r in recs],
            "notes": notes,
        }
        typer.echo(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        _print_recommendations(nxt, stored.next_date, recs, notes, catalog)
