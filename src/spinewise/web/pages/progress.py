"""The progress page: load and ratio, pain, hold tests, e1RM, and findings then and now.

Charts are separate SVG responses shown with ``<img>`` (an SVG image runs no script), each with
its own narrow Content Security Policy that allows matplotlib's inline styles.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response

from spinewise import services
from spinewise.catalog import load_catalog
from spinewise.errors import CatalogError
from spinewise.units import WeightUnit
from spinewise.web import charts
from spinewise.web.context import WebContext
from spinewise.web.deps import CtxDep, CurrentUser
from spinewise.web.progress import (
    E1RM_MAX_REPS,
    WINDOW_DAYS,
    acwr_rolling,
    best_e1rm_of,
    daily_loads,
    hold_series,
    pain_series,
)
from spinewise.web.security import CHART_CSP
from spinewise.web.templating import render

__all__ = ["router"]

router = APIRouter()

ChartName = Literal["load", "pain", "holds", "e1rm"]


def _names() -> dict[str, str]:
    try:
        return {ex.id: ex.name for ex in load_catalog()}
    except CatalogError:
        return {}


def _window(ctx: WebContext) -> tuple[date, date]:
    """The last :data:`WINDOW_DAYS` days (never more, whatever dates the log holds)."""
    today = ctx.now().date()
    return today - timedelta(days=WINDOW_DAYS - 1), today


@router.get("/progress")
def progress(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """Charts and findings then and now."""
    since, until = _window(ctx)
    data = services.progress_summary(ctx.store, user.athlete_id, since=since, until=until)
    series = daily_loads(data.sessions, until=until)
    ratio = acwr_rolling(series.load_au)
    latest_ratio = next((r for r in reversed(ratio) if r is not None), None)
    return render(
        request,
        "progress.html",
        {
            "n_sessions": data.n_sessions,
            "n_sets": data.n_sets,
            "unrated": series.unrated_sessions,
            "latest_ratio": latest_ratio,
            "first": data.first_assessment,
            "last": data.last_assessment,
            "version": data.n_sessions,
        },
    )


def _chart(name: ChartName, ctx: WebContext, athlete: int, weight_unit: WeightUnit) -> str:
    """The SVG of one chart; each reads only what it draws and is drawn once per data."""
    since, until = _window(ctx)
    if name == "holds":
        holds = hold_series(services.profile_history(ctx.store, athlete))
        return charts.drawn(
            ("holds", charts.frozen_series(holds)), lambda: charts.holds_chart(holds)
        )
    if name == "e1rm":
        loads = services.heaviest_loads_between(
            ctx.store, athlete, since=since, until=until, max_reps=E1RM_MAX_REPS
        )
        best = best_e1rm_of(loads)
        every = _names()
        names = {ex: every[ex] for ex in best if ex in every}
        return charts.drawn(
            ("e1rm", charts.frozen_series(best), tuple(names.items()), weight_unit),
            lambda: charts.e1rm_chart(best, names, weight_unit),
        )
    sessions = services.sessions_between(ctx.store, athlete, since=since, until=until)
    if name == "pain":
        pain = pain_series(sessions)
        return charts.drawn(("pain", charts.frozen_series(pain)), lambda: charts.pain_chart(pain))
    series = daily_loads(sessions, until=until)
    ratio = tuple(acwr_rolling(series.load_au))
    return charts.drawn(("load", series, ratio), lambda: charts.load_chart(series, ratio))


@router.get("/progress/charts/{name}.svg")
def chart(name: ChartName, ctx: CtxDep, user: CurrentUser) -> Response:
    """One chart of the user's data as SVG."""
    return Response(
        _chart(name, ctx, user.athlete_id, user.weight_unit),
        media_type="image/svg+xml",
        headers={"Content-Security-Policy": CHART_CSP, "Cache-Control": "private, no-cache"},
    )
