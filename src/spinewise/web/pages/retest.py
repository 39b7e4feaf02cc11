"""The Retest page: the hold tests again at the end of a phase; the rest of the plan uses them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NotRequired, TypedDict

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from spinewise import services
from spinewise.assessment.interview import HoldTestProtocol, load_protocols
from spinewise.errors import InputError, ScreeningStopError
from spinewise.profile import RANGES
from spinewise.web.context import WebContext
from spinewise.web.deps import CtxDep, CurrentUser
from spinewise.web.pages.forms import FormReader
from spinewise.web.pages.onboarding import TEST_FIELDS
from spinewise.web.templating import render

__all__ = ["router"]

router = APIRouter()


class _RetestPage(TypedDict):
    """The variables of ``retest.html``."""

    values: Mapping[str, str]
    tests: list[tuple[str, HoldTestProtocol]]
    safety: str
    ranges: Mapping[str, tuple[float, float]]
    before: Mapping[str, float]
    errors: NotRequired[list[str]]


def _context(
    values: Mapping[str, str], before: Mapping[str, float], errors: list[str] | None = None
) -> _RetestPage:
    protocols = load_protocols()
    page = _RetestPage(
        values=values,
        tests=[(key, protocols.tests[key]) for key in TEST_FIELDS],
        safety=protocols.safety,
        ranges=RANGES,
        before=before,
    )
    if errors is not None:
        page["errors"] = errors
    return page


def _before(ctx: WebContext, athlete: int) -> dict[str, float]:
    """The newest stored hold times [s], by form field (``tests.trunk_flexor_s``)."""
    found = services.current_profile(ctx.store, athlete)
    tests = {} if found is None else found.profile.profile.get("tests", {})
    return {f"tests.{k}": v for k, v in tests.items()}


@router.get("/retest")
def retest_page(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """The six hold tests, filled in with the stored results, which are also shown above."""
    if services.current_profile(ctx.store, user.athlete_id) is None:
        return RedirectResponse("/onboarding", status_code=303)
    before = _before(ctx, user.athlete_id)
    # the form starts from the stored results: change the ones retested (decision 0271)
    values = {field: f"{value:g}" for field, value in before.items()}
    return render(request, "retest.html", _context(values, before))


@router.post("/retest")
async def record(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """Store the retest and re-plan the weeks to come; show the problems when a field is wrong."""
    form = FormReader(await request.form())
    holds = {key: form.number(f"tests.{key}") for key in TEST_FIELDS}
    problems = list(form.problems)
    outcome = None
    if not problems:
        try:
            outcome = await run_in_threadpool(
                lambda: services.record_retest(ctx.store, user.athlete_id, holds, now=ctx.now())
            )
        except InputError as err:
            problems = list(err.problems)
        except ScreeningStopError:
            return RedirectResponse("/assessment", status_code=303)
    if outcome is None:
        values = {f"tests.{k}": form.text(f"tests.{k}") for k in TEST_FIELDS}
        context = _context(values, _before(ctx, user.athlete_id), problems)
        return render(request, "retest.html", context, status_code=422)
    return render(
        request,
        "retest_done.html",
        {
            "change": outcome.change,
            "plan": outcome.plan,
            "held": outcome.held,
        },
    )
