"""The JSON API under ``/api/v1`` (its OpenAPI document is ``/openapi.json``)."""

from __future__ import annotations

from fastapi import APIRouter

from spinewise.web.api import auth, data, logs, plans, profile

__all__ = ["router"]

router = APIRouter(prefix="/api/v1")
for _module in (auth, profile, plans, logs, data):
    router.include_router(_module.router)
