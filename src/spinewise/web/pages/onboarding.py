"""Onboarding: screening first (a stop page when it does not clear), then the profile.

Step 1 asks the red-flag questions; their answers are kept as the user's draft. An emergency or
a see-a-clinician result without clearance ends here, on a page that says what to do. Step 2
asks the hold tests (with instructions and a stopwatch), schedule, equipment, goals and pain,
and stores the profile and its assessment (the same calls as ``spinewise assess``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, NotRequired, TypedDict

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from spinewise import services
from spinewise.assessment import RedFlag, ScreeningResult, load_red_flags, screen
from spinewise.assessment.interview import HoldTestProtocol, load_protocols
from spinewise.catalog import load_vocabulary
from spinewise.errors import InputError
from spinewise.profile import (
    AGGRAVATING_POSTURES,
    FOCUS_VALUES,
    RANGES,
    SCREENING_FLAGS,
    WEEKDAYS,
    Profile,
    ScreeningAnswers,
    parse_profile,
)
from spinewise.web.context import WebContext
from spinewise.web.deps import CtxDep, CurrentUser
from spinewise.web.pages.forms import FormReader
from spinewise.web.templating import render

__all__ = ["TEST_FIELDS", "FormValues", "router", "stored_values"]

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

#: A form's fields as sent, to show them again: one value, or the checked boxes of a group.
FormValues = Mapping[str, str | list[str]]


class _ScreeningPage(TypedDict):
    """The variables of ``onboarding_screening.html``."""

    flags: tuple[RedFlag, ...]
    answers: Mapping[str, bool | None]
    clearances: Mapping[str, date]
    errors: NotRequired[list[str]]


class _StopPage(TypedDict):
    """The variables of ``onboarding_stop.html``."""

    result: ScreeningResult
    reasons: list[tuple[str, str]]


class _ProfilePage(TypedDict):
    """The variables of ``onboarding_profile.html``."""

    values: FormValues
    tests: list[tuple[str, HoldTestProtocol]]
    safety: str
    ranges: Mapping[str, tuple[float, float]]
    equipment: tuple[str, ...]
    aggravators: tuple[str, ...]
    focus_values: tuple[str, ...]
    weekdays: tuple[str, ...]
    errors: NotRequired[list[str]]


def _clearances(form: FormReader, answers: Mapping[str, bool | None]) -> dict[str, date]:
    """The dated clearances of the flags answered yes."""
    out: dict[str, date] = {}
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
            out[flag.key] = day
    return out


def _screen(answers: ScreeningAnswers, ctx: WebContext) -> ScreeningResult:
    """Screen the draft's answers on the athlete's today (clearances lapse after 12 weeks)."""
    return screen(answers, today=services.local_today(ctx.now()))


def _draft_screening(user: CurrentUser) -> ScreeningAnswers | None:
    """The screening answers the user's draft keeps, if any."""
    return None if user.draft is None else user.draft.screening


def _screening_page(
    answers: Mapping[str, bool | None],
    clearances: Mapping[str, date],
    errors: list[str] | None = None,
) -> _ScreeningPage:
    page = _ScreeningPage(flags=load_red_flags(), answers=answers, clearances=clearances)
    if errors:
        page["errors"] = errors
    return page


@router.get("/onboarding")
def screening_page(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """Step 1: the red-flag questions, with the answers the draft (or the stored profile) keeps."""
    kept = _draft_screening(user)
    if kept is None:
        found = services.current_profile(ctx.store, user.athlete_id)
        kept = None if found is None else parse_profile(found.profile.profile).screening
    if kept is None:
        return render(request, "onboarding_screening.html", _screening_page({}, {}))
    answers = {key: getattr(kept, key) for key in SCREENING_FLAGS}
    context = _screening_page(answers, kept.clearances)
    return render(request, "onboarding_screening.html", context)


@router.post("/onboarding/screening")
async def screening(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """Screen the answers: the stop page, or on to the profile."""
    form = FormReader(await request.form())
    given = {key: form.yes_no(key) for key in SCREENING_FLAGS}
    clearances = _clearances(form, given)
    answered = {key: yes for key, yes in given.items() if yes is not None}
    if form.problems or len(answered) != len(SCREENING_FLAGS):
        context = _screening_page(given, clearances, form.problems)
        return render(request, "onboarding_screening.html", context, status_code=422)
    answers = ScreeningAnswers(**answered, cleared_by_clinician=False, clearances=clearances)
    result = _screen(answers, ctx)

    await run_in_threadpool(services.keep_draft, ctx.store, user.id, answers)
    if not result.cleared:
        return RedirectResponse("/onboarding/stop", status_code=303)
    return RedirectResponse("/onboarding/profile", status_code=303)


@router.get("/onboarding/stop")
def stop(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """Screening did not clear: what to do instead of training."""
    answers = _draft_screening(user)
    if answers is None:
        return RedirectResponse("/onboarding", status_code=303)
    result = _screen(answers, ctx)
    if result.cleared:
        return RedirectResponse("/onboarding/profile", status_code=303)
    flags = {f.key: f for f in load_red_flags()}
    reasons = [(flags[r.flag].question, r.why) for r in result.reasons if r.flag in flags]
    return render(request, "onboarding_stop.html", _StopPage(result=result, reasons=reasons))


def _profile_page(values: FormValues, errors: list[str] | None = None) -> _ProfilePage:
    vocab = load_vocabulary()
    protocols = load_protocols()
    page = _ProfilePage(
        values=values,
        tests=[(key, protocols.tests[key]) for key in TEST_FIELDS],
        safety=protocols.safety,
        ranges=RANGES,
        equipment=vocab.values("equipment"),
        aggravators=(*vocab.values("sensitivities"), *AGGRAVATING_POSTURES),
        focus_values=FOCUS_VALUES,
        weekdays=WEEKDAYS,
    )
    if errors:
        page["errors"] = errors
    return page


_DEFAULTS: FormValues = {
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


#: The sections of a stored profile the profile form shows again.
_FORM_SECTIONS = ("athlete", "schedule", "equipment", "goals", "pain", "tests")


def _shown(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def stored_values(profile: Profile) -> dict[str, str | list[str]]:
    """A stored profile as the profile form's fields, to update it rather than start again.

    Examples
    --------
    >>> from spinewise.profile import EXAMPLE_MINIMAL
    >>> stored_values(parse_profile(EXAMPLE_MINIMAL))["athlete.age"]
    '34'
    """
    data = profile.model_dump(mode="json", exclude_none=True)
    values: dict[str, str | list[str]] = {}
    for section in _FORM_SECTIONS:
        for key, value in data.get(section, {}).items():
            field = f"{section}.{key}"
            if isinstance(value, list):
                values[field] = [_shown(v) for v in value]
            elif not isinstance(value, dict):
                values[field] = _shown(value)
    for key in _LISTS:
        values.setdefault(key, [])
    return values


@router.get("/onboarding/profile")
def profile_page(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """Step 2: hold tests, schedule, equipment, goals and pain; the stored answers when updating."""
    answers = _draft_screening(user)
    if answers is None or not _screen(answers, ctx).cleared:
        return RedirectResponse("/onboarding", status_code=303)
    found = services.current_profile(ctx.store, user.athlete_id)
    values = (
        dict(_DEFAULTS) if found is None else stored_values(parse_profile(found.profile.profile))
    )
    return render(request, "onboarding_profile.html", _profile_page(values))


# I/O edge: the form's fields, unchecked (see the docstring).
def _profile_data(form: FormReader, screening: ScreeningAnswers) -> dict[str, Any]:
    """The profile's input mapping (same structure as the TOML) from the form's fields.

    I/O edge: the HTML form's fields, unchecked, in the shape :func:`parse_profile` reads, so
    that a bad field is named as the CLI names it (``athlete.age: must be 16 to 100, got 15``).
    """
    tests = {}
    for key in TEST_FIELDS:
        value = form.number(f"tests.{key}")
        if value is not None:
            tests[key] = value
    start = form.text("schedule.start_date")
    days = form.many("schedule.preferred_days", WEEKDAYS)
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
        "schedule": {
            "days_per_week": form.number("schedule.days_per_week", whole=True, required=True),
            "minutes_per_session": form.number(
                "schedule.minutes_per_session", whole=True, required=True
            ),
            "weeks": form.number("schedule.weeks", whole=True, required=True),
            **({"start_date": start} if start else {}),
            **({"preferred_days": days} if days else {}),
        },
        "equipment": {"available": form.many("equipment.available", vocab.values("equipment"))},
        "goals": {"focus": form.many("goals.focus", FOCUS_VALUES)},
        "screening": screening,
        "pain": {
            "current": form.number("pain.current", whole=True, required=True),
            "worst_last_week": form.number("pain.worst_last_week", whole=True, required=True),
            "aggravated_by": form.many(
                "pain.aggravated_by", (*vocab.values("sensitivities"), *AGGRAVATING_POSTURES)
            ),
        },
        "tests": tests,
    }


def _form_values(form: FormReader) -> dict[str, str | list[str]]:
    values: dict[str, str | list[str]] = {}
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
    answers = _draft_screening(user)
    if answers is None:
        return RedirectResponse("/onboarding", status_code=303)
    form = FormReader(await request.form())
    data = _profile_data(form, answers)
    problems = list(form.problems)
    if not problems:
        try:
            profile = parse_profile(data)
            await run_in_threadpool(
                lambda: services.save_profile(ctx.store, user.athlete_id, profile, now=ctx.now())
            )
        except InputError as err:
            problems = list(err.problems)
    if problems:
        context = _profile_page(_form_values(form), problems)
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
