"""``/api/v1/profile``: the athlete profile (same structure as the TOML) and its assessment."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException

from spinewise import services
from spinewise.profile import parse_profile
from spinewise.web.api.common import responses
from spinewise.web.deps import CtxDep, CurrentUser
from spinewise.web.schemas import AssessmentOut, ProfileOut

__all__ = ["PROFILE_PATH", "PROFILE_SCHEMA_REF", "router"]

router = APIRouter(tags=["profile"])

#: Where the OpenAPI document keeps the profile's schema; the app's ``openapi()`` puts it there
#: and points this route's body at it (the body is read as a mapping and validated by
#: :func:`spinewise.profile.parse_profile`, which names each bad field as the CLI does).
PROFILE_SCHEMA_REF = "#/components/schemas/Profile"
PROFILE_PATH = "/api/v1/profile"


@router.get("/profile", response_model=ProfileOut, responses=responses(401, 404))
def get_profile(ctx: CtxDep, user: CurrentUser) -> ProfileOut:
    """The newest stored profile and its assessment."""
    found = services.current_profile(ctx.store, user.athlete_id)
    if found is None:
        raise HTTPException(404, "no profile yet")
    profile, assessment = found.profile, found.assessment
    return ProfileOut(
        recorded_at=profile.recorded_at,
        profile=profile.profile,
        assessment=None if assessment is None else AssessmentOut.model_validate(assessment.result),
    )


@router.put(
    "/profile",
    response_model=AssessmentOut,
    responses=responses(401, 403, 422),
)
def put_profile(
    # I/O edge: the HTTP body, checked by parse_profile.
    body: Annotated[dict[str, Any], Body()],
    ctx: CtxDep,
    user: CurrentUser,
) -> AssessmentOut:
    """Store the profile and return its assessment (as ``spinewise assess --format json``).

    Bad fields give a 422 naming each field, its value and what is allowed.
    """
    profile = parse_profile(body)
    result = services.save_profile(ctx.store, user.athlete_id, profile, now=ctx.now())
    return AssessmentOut.model_validate(result.to_json())
