"""The morning check-in page: the five questions, then the guidance and what it means for today.

The questions and the rules are :mod:`spinewise.habits.checkin`'s; storing and the guidance go
through :mod:`spinewise.services.checkin` (decision 0271). A wrong answer is shown next to its
question, naming the value given and what is allowed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import NotRequired, TypedDict

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from spinewise import services
from spinewise.adaptation.recommend import Recommendation
from spinewise.catalog import load_catalog
from spinewise.education import load_pages
from spinewise.errors import InputError
from spinewise.habits.checkin import CheckIn, Question
from spinewise.logbook import PlannedSession
from spinewise.web.context import WebContext
from spinewise.web.deps import CtxDep, CurrentUser
from spinewise.web.pages.forms import FormReader
from spinewise.web.templating import render

__all__ = ["LABELS", "LEVEL_WORDS", "ForYouBlock", "field_problems", "for_you_block", "router"]

router = APIRouter()

#: Each question's short name, as an error line starts.
LABELS: Mapping[str, str] = {
    "sleep_h": "Sleep last night",
    "soreness": "Muscle soreness",
    "stress": "Stress",
    "energy": "Energy",
    "next_morning_pain": "Back pain this morning",
}

#: Each guidance level in words, mildest first.
LEVEL_WORDS: Mapping[str, str] = {
    "ok": "Train as planned",
    "easy": "Keep it easy today",
    "reduce": "Reduce the load today",
    "skip": "Skip the loaded exercises today",
}


def _allowed(q: Question) -> str:
    """What a question allows, in words: ``a whole number from 1 (not at all) to 5 (...)``."""
    kind = "a whole number" if q.whole else "a number"
    if q.unit == "h":
        return f"{kind} of hours from {q.min:g} to {q.max:g}"
    return f"{kind} from {q.min:g} ({q.low}) to {q.max:g} ({q.high})"


def field_problems(form: FormReader) -> tuple[dict[str, str], dict[str, float | int]]:
    """Each wrong answer's problem by question id, and the good answers.

    A blank answer is not asked. A problem names the question, the value given and what is
    allowed: ``Muscle soreness: 7 is not allowed; give a whole number from 1 (not at all) to 5
    (very sore).``
    """
    problems: dict[str, str] = {}
    good: dict[str, float | int] = {}
    for q in services.CHECKIN_QUESTIONS:
        raw = form.text(q.id)
        if not raw:
            continue
        try:
            number = float(raw.replace(",", "."))
        except ValueError:
            number = None
        bad = (
            number is None
            or number != number  # not a number
            or (q.whole and not number.is_integer())
            or not q.min <= number <= q.max
        )
        if bad or number is None:
            problems[q.id] = f'{LABELS[q.id]}: "{raw}" is not allowed; give {_allowed(q)}.'
            continue
        good[q.id] = int(number) if q.whole else number
    return problems, good


class _CheckInPage(TypedDict):
    """The variables of ``checkin.html``."""

    questions: tuple[Question, ...]
    values: Mapping[str, str]
    problems: Mapping[str, str]
    allowed: Mapping[str, str]
    found: services.MorningCheckIn | None
    level_words: Mapping[str, str]
    page_titles: Mapping[str, str]
    errors: NotRequired[list[str]]


def _page(
    values: Mapping[str, str],
    found: services.MorningCheckIn | None,
    problems: Mapping[str, str] | None = None,
) -> _CheckInPage:
    questions = services.CHECKIN_QUESTIONS
    return _CheckInPage(
        questions=questions,
        values=values,
        problems=problems or {},
        allowed={q.id: _allowed(q) for q in questions},
        found=found,
        level_words=LEVEL_WORDS,
        page_titles={key: page.title for key, page in load_pages().items()},
    )


def _values(answers: CheckIn) -> dict[str, str]:
    """The stored answers as the form shows them."""
    out: dict[str, str] = {}
    for q in services.CHECKIN_QUESTIONS:
        value = getattr(answers, q.id)
        if value is not None:
            out[q.id] = f"{value:g}"
    return out


@router.get("/checkin")
def checkin_page(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """The questions, with this morning's answers and guidance once given."""
    day = services.local_today(ctx.now())
    found = services.morning_checkin(ctx.store, user.athlete_id, today=day)
    values = {} if found is None else _values(found.answers)
    return render(request, "checkin.html", _page(values, found))


@router.post("/checkin")
async def record(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """Store this morning's answers and show the guidance; wrong answers next to their fields."""
    form = FormReader(await request.form())
    problems, good = field_problems(form)
    if problems:
        values = {q.id: form.text(q.id) for q in services.CHECKIN_QUESTIONS}
        context = _page(values, None, problems)
        context["errors"] = list(problems.values())
        return render(request, "checkin.html", context, status_code=422)
    answers = CheckIn.from_answers(good)
    await run_in_threadpool(
        lambda: services.record_checkin(
            ctx.store, user.athlete_id, answers, now=ctx.now(), jobs=ctx.jobs
        )
    )
    return RedirectResponse("/checkin#guidance", status_code=303)


#: How many options "Recommended for you" ranks, and how many of each kind the home page shows.
RANKED_OPTIONS = 12
SHOWN_PLANNED = 4
SHOWN_ALSO_LIKE = 4


class ForYouBlock(TypedDict):
    """The variables of the home page's "Recommended for you" block."""

    next_planned: PlannedSession | None
    next_date: date | None
    planned: tuple[Recommendation, ...]
    also_like: tuple[Recommendation, ...]
    instead_of: Mapping[str, str]
    weighs_profile: bool
    pain_now_0_10: int | None


def for_you_block(
    ctx: WebContext, athlete: int, day: date, morning: services.MorningCheckIn | None
) -> ForYouBlock | None:
    """'Recommended for you' for the home page; ``None`` without a plan.

    This morning's back pain, when checked in, is the pain now the ranking weighs.
    """
    try:
        inputs = services.recommend_inputs(ctx.store, athlete, today=day, who="you")
    except InputError:
        return None
    pain = None if morning is None else morning.answers.next_morning_pain
    found = services.recommended(
        inputs,
        today=day,
        request=services.request_of(inputs.profile),
        pain_now_0_10=pain,
        k=RANKED_OPTIONS,
    )
    catalog = load_catalog()
    also = found.also_like[:SHOWN_ALSO_LIKE]
    return ForYouBlock(
        next_planned=inputs.next_planned,
        next_date=inputs.next_date,
        planned=found.in_next_session[:SHOWN_PLANNED],
        also_like=also,
        instead_of={r.exercise_id: catalog.get(r.instead_of).name for r in also if r.instead_of},
        weighs_profile=found.weighs_profile,
        pain_now_0_10=pain,
    )
