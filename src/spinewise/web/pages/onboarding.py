"""Onboarding: screening first (a stop page when it does not clear), then the profile.

Step 1 asks the red-flag questions; their answers are kept as the user's draft. An emergency or
a see-a-clinician result without clearance ends here, on a page that says what to do. Step 2
asks the hold tests (with instructions and a stopwatch), schedule, equipment, goals and pain,
and stores the profile and its assessment (the same calls as ``spinewise assess``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from spinewise import services
from spinewise.assessment import ScreeningResult, load_red_flags, screen
from spinewise.assessment.interview import load_protocols
from spinewise.catalog import load_vocabulary
from spinewise.errors import InputError
from spinewise.profile import (
    AGGRAVATING_POSTURES,
    FOCUS_VALUES,
    RANGES,
    SCREENING_FLAGS,
    ScreeningAnswers,
)
from spinewise.web.context import WebContext
from spinewise.web.deps import CtxDep, CurrentUser
from spinewise.web.pages.forms import FormReader
from spinewise.web.templating import render

__all__ = ["TEST_FIELDS", "router"]

router = APIRouter()

#: The hold tests in the order they are asked.
TEST_FIELDS: tuple[str, ...] = (
    "trunk_flexor_s",
    "trunk_extensor_s",
    "side_bridge_right_s",
    "side_bridge_left_s",
    "single_leg_stance_eyes_open_s",
    "single_leg_stance_eyes_closed_s",
)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _clearances(form: FormReader, answers: dict[str, Any]) -> dict[str, str]:
    """The dated clearances of the flags answered yes (ISO dates, as the draft stores them)."""
    out: dict[str, str] = {}
    for number, flag in enumerate(load_red_flags(), start=1):
        raw = form.text(f"cleared_on.{flag.key}")
        if not raw or not flag.clearable or flag.level == "emergency":
            continue
        try:
            day = date.fromisoformat(raw)
        except ValueError:
            form.problems.append(
                f"Date a clinician cleared question {number}: must be a date such as "
                f'2026-11-20, got "{raw}"'
            )
            continue
        if answers.get(flag.key) is True:
            out[flag.key] = day.isoformat()
    return out


def _screen(answers: dict[str, Any], ctx: WebContext) -> ScreeningResult:
    """Screen the draft's answers on the athlete's today (clearances lapse after 12 weeks)."""
    return screen(ScreeningAnswers.model_validate(answers), today=services.local_today(ctx.now()))


def _screening_context(answers: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"flags": load_red_flags(), "answers": answers or {}}


@router.get("/onboarding")
def screening_page(request: Request, user: CurrentUser) -> Response:
    """Step 1: the red-flag questions."""
    return render(request, "onboarding_screening.html", _screening_context(user.draft))


@router.post("/onboarding/screening")
async def screening(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """Screen the answers: the stop page, or on to the profile."""
    form = FormReader(await request.form())
    answers: dict[str, Any] = {key: form.yes_no(key) for key in SCREENING_FLAGS}
    answers["cleared_by_clinician"] = False
    answers["clearances"] = _clearances(form, answers)
    if form.problems:
        context = _screening_context(answers) | {"errors": form.problems}
        return render(request, "onboarding_screening.html", context, status_code=422)
    result = _screen(answers, ctx)

    await run_in_threadpool(services.keep_draft, ctx.store, user.id, {"screening": answers})
    if not result.cleared:
        return RedirectResponse("/onboarding/stop", status_code=303)
    return RedirectResponse("/onboarding/profile", status_code=303)


@router.get("/onboarding/stop")
def stop(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """Screening did not clear: what to do instead of training."""
    answers = (user.draft or {}).get("screening")
    if not answers:
        return RedirectResponse("/onboarding", status_code=303)
    result = _screen(answers, ctx)
    if result.cleared:
        return RedirectResponse("/onboarding/profile", status_code=303)
    flags = {f.key: f for f in load_red_flags()}
    reasons = [(flags[r.flag].question, r.why) for r in result.reasons if r.flag in flags]
    return render(request, "onboarding_stop.html", {"result": result, "reasons": reasons})


def _profile_context(values: dict[str, Any]) -> dict[str, Any]:
    vocab = load_vocabulary()
    protocols = load_protocols()
    return {
        "values": values,
        "tests": [(key, protocols.tests[key]) for key in TEST_FIELDS],
        "safety": protocols.safety,
        "ranges": RANGES,
        "equipment": vocab.values("equipment"),
        "aggravators": (*vocab.values("sensitivities"), *AGGRAVATING_POSTURES),
        "focus_values": FOCUS_VALUES,
        "weekdays": _WEEKDAYS,
    }


_DEFAULTS: dict[str, Any] = {
    "athlete.sex": "female",
    "athlete.training_experience": "novice",
    "schedule.days_per_week": "3",
    "schedule.minutes_per_session": "40",
    "schedule.weeks": "8",
    "goals.focus": ["durability"],
    "equipment.available": ["mat"],
    "pain.current": "0",
    "pain.worst_last_week": "0",
}


@router.get("/onboarding/profile")
def profile_page(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """Step 2: hold tests, schedule, equipment, goals and pain."""
    answers = (user.draft or {}).get("screening")
    if not answers or not _screen(answers, ctx).cleared:
        return RedirectResponse("/onboarding", status_code=303)
    return render(request, "onboarding_profile.html", _profile_context(dict(_DEFAULTS)))


def _profile_data(form: FormReader, screening_answers: dict[str, Any]) -> dict[str, Any]:
    """The profile mapping (same structure as the TOML) from the form's fields."""
    tests = {}
    for key in TEST_FIELDS:
        value = form.number(f"tests.{key}")
        if value is not None:
            tests[key] = value
    schedule: dict[str, Any] = {
        "days_per_week": form.number("schedule.days_per_week", whole=True, required=True),
        "minutes_per_session": form.number(
            "schedule.minutes_per_session", whole=True, required=True
        ),
        "weeks": form.number("schedule.weeks", whole=True, required=True),
    }
    if form.text("schedule.start_date"):
        schedule["start_date"] = form.text("schedule.start_date")
    days = form.many("schedule.preferred_days", _WEEKDAYS)
    if days:
        schedule["preferred_days"] = days
    vocab = load_vocabulary()
    return {
        "schema_version": 1,
        "athlete": {
            "name": form.text("athlete.name"),
            "sex": form.text("athlete.sex"),
            "age": form.number("athlete.age", whole=True, required=True),
            "body_mass_kg": form.number("athlete.body_mass_kg", required=True),
            "height_cm": form.number("athlete.height_cm", required=True),
            "training_experience": form.text("athlete.training_experience"),
        },
        "schedule": schedule,
        "equipment": {"available": form.many("equipment.available", vocab.values("equipment"))},
        "goals": {"focus": form.many("goals.focus", FOCUS_VALUES)},
        "screening": screening_answers,
        "pain": {
            "current": form.number("pain.current", whole=True, required=True),
            "worst_last_week": form.number("pain.worst_last_week", whole=True, required=True),
            "aggravated_by": form.many(
                "pain.aggravated_by", (*vocab.values("sensitivities"), *AGGRAVATING_POSTURES)
            ),
        },
        "tests": tests,
    }


def _form_values(form: FormReader) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key in form.form:
        items = [v for v in form.form.getlist(key) if isinstance(v, str)]
        values[key] = items if len(items) > 1 or key in _LISTS else (items[0] if items else "")
    for key in _LISTS:
        values.setdefault(key, [])
    return values


_LISTS = frozenset(
    {"goals.focus", "equipment.available", "pain.aggravated_by", "schedule.preferred_days"}
)


@router.post("/onboarding/profile")
async def save_profile(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """Store the profile and its assessment; show the problems when a field is wrong."""
    answers = (user.draft or {}).get("screening")
    if not answers:
        return RedirectResponse("/onboarding", status_code=303)
    form = FormReader(await request.form())
    data = _profile_data(form, answers)
    problems = list(form.problems)
    if not problems:
        try:
            await run_in_threadpool(
                lambda: services.save_profile(ctx.store, user.athlete_id, data, now=ctx.now())
            )
        except InputError as err:
            problems = list(err.problems)
    if problems:
        context = _profile_context(_form_values(form)) | {"errors": problems}
        return render(request, "onboarding_profile.html", context, status_code=422)
    return RedirectResponse("/assessment", status_code=303)


@router.get("/assessment")
def assessment(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """The assessment of the newest profile, then the button that makes the plan."""
    found = services.current_profile(ctx.store, user.athlete_id)
    if found is None:
        return RedirectResponse("/onboarding", status_code=303)
    profile, result = found.profile, found.assessment
    return render(
        request,
        "assessment.html",
        {"profile": profile, "result": None if result is None else result.result},
    )
