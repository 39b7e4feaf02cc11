"""The server-rendered pages (Jinja2 + HTMX); every page reads and writes only its user's data."""

from __future__ import annotations

from fastapi import APIRouter

from spinewise.web.pages import account, library, onboarding, plans, progress, sessions

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
for _module in (account, onboarding, plans, sessions, progress, library):
    router.include_router(_module.router)
