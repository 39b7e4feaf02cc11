"""The JSON API under ``/api/v1`` (its OpenAPI document is ``/openapi.json``)."""

from __future__ import annotations

from fastapi import APIRouter

from spinewise.web.api import auth, data, jobs, logs, plans, profile, sessions

__all__ = ["PREFIX", "ROUTERS"]

PREFIX = "/api/v1"
#: The API's routers, included into the app directly (one level of routing, not two).
ROUTERS: tuple[APIRouter, ...] = tuple(
    m.router for m in (auth, profile, plans, logs, sessions, data, jobs)
)
