"""The progress page: load and ratio, pain, hold tests, e1RM, and findings then and now.

Charts are separate SVG responses shown with ``<img>`` (an SVG image runs no script), each with
its own narrow Content Security Policy that allows matplotlib's inline styles.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response

from spinewise import services
from spinewise.catalog import load_catalog
from spinewise.errors import CatalogError
from spinewise.web import charts
from spinewise.web.context import WebContext
from spinewise.web.deps import CtxDep, CurrentUser
from spinewise.web.progress import (
    WINDOW_DAYS,
    acwr_rolling,
    best_e1rm,
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


def _data(ctx: WebContext, athlete: int) -> services.ProgressInputs:
    """The last :data:`WINDOW_DAYS` days of the log (never more, whatever dates it holds)."""
    today = ctx.now().date()
    return services.progress_inputs(
        ctx.store, athlete, since=today - timedelta(days=WINDOW_DAYS - 1), until=today
    )


@router.get("/progress")
def progress(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """Charts and findings then and now."""
    data = _data(ctx, user.athlete_id)
    sessions = data.sessions
    series = daily_loads(sessions, until=ctx.now().date())
    ratio = acwr_rolling(series.load_au)
    latest_ratio = next((r for r in reversed(ratio) if r is not None), None)
    assessments = data.assessments
    return render(
        request,
        "progress.html",
        {
            "n_sessions": data.n_sessions,
            "n_sets": data.n_sets,
            "unrated": series.unrated_sessions,
            "latest_ratio": latest_ratio,
            "first": assessments[0] if assessments else None,
            "last": assessments[-1] if len(assessments) > 1 else None,
            "version": data.n_sessions,
        },
    )


@router.get("/progress/charts/{name}.svg")
def chart(name: ChartName, ctx: CtxDep, user: CurrentUser) -> Response:
    """One chart of the user's data as SVG."""
    data = _data(ctx, user.athlete_id)
    sessions = data.sessions
    if name == "load":
        series = daily_loads(sessions, until=ctx.now().date())
        svg = charts.load_chart(series, acwr_rolling(series.load_au))
    elif name == "pain":
        svg = charts.pain_chart(pain_series(sessions))
    elif name == "holds":
        svg = charts.holds_chart(hold_series(data.profiles))
    else:
        svg = charts.e1rm_chart(best_e1rm(sessions), _names(), user.weight_unit)
    return Response(
        svg,
        media_type="image/svg+xml",
        headers={"Content-Security-Policy": CHART_CSP, "Cache-Control": "private, no-cache"},
    )
