"""Plan downloads: the plan as an iCalendar file and as a printable page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path
from fastapi.responses import Response

from spinewise import services
from spinewise.web.deps import CtxDep, CurrentUser

__all__ = ["PRINT_CSP", "router"]

router = APIRouter()

PlanId = Annotated[int, Path(ge=1, le=2**31 - 1)]

#: The printable plan is a document of its own with its styles inline; it runs no script.
PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"


def _download(ctx: CtxDep, user: CurrentUser, plan_id: int, fmt: services.PlanFormat) -> Response:
    found = services.plan_file(ctx.store, user.athlete_id, plan_id, fmt, user.weight_unit)
    if found is None:
        raise HTTPException(404, "no such plan")
    disposition = "attachment" if fmt == "ics" else "inline"
    return Response(
        found.content,
        media_type=found.media_type,
        headers={
            "Content-Disposition": f'{disposition}; filename="{found.filename}"',
            "Cache-Control": "private, no-store",
            **({"Content-Security-Policy": PRINT_CSP} if fmt == "html" else {}),
        },
    )


@router.get("/plans/{plan_id}/calendar.ics")
def calendar(plan_id: PlanId, ctx: CtxDep, user: CurrentUser) -> Response:
    """The plan's sessions as calendar events, for a phone's or computer's calendar."""
    return _download(ctx, user, plan_id, "ics")


@router.get("/plans/{plan_id}/print")
def printable(plan_id: PlanId, ctx: CtxDep, user: CurrentUser) -> Response:
    """The whole plan as one page to print or save."""
    return _download(ctx, user, plan_id, "html")
