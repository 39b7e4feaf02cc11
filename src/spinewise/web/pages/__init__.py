"""The server-rendered pages (Jinja2 + HTMX); every page reads and writes only its user's data."""

from __future__ import annotations

from fastapi import APIRouter

from spinewise.web.pages import (
    account,
    checkin,
    library,
    onboarding,
    outcome,
    plan_files,
    plans,
    player,
    progress,
    retest,
    sessions,
)

__all__ = ["ROUTERS"]

#: The page routers, included into the app directly (pages are not in the OpenAPI document).
ROUTERS: tuple[APIRouter, ...] = tuple(
    m.router
    for m in (
        account,
        onboarding,
        plans,
        plan_files,
        sessions,
        outcome,
        player,
        progress,
        library,
        retest,
        checkin,
    )
)
