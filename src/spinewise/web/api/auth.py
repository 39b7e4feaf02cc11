"""``/api/v1/auth``: sign up, log in, log out; ``/api/v1/me``: who is logged in."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Request, Response, status
from pydantic import BaseModel, ConfigDict

from spinewise.web.api.common import responses
from spinewise.web.auth import (
    client_address,
    delete_account,
    end_session,
    log_in,
    set_session_cookie,
    sign_up,
)
from spinewise.web.deps import CtxDep, CurrentUser
from spinewise.web.schemas import Credentials, LoginOut, MeOut

__all__ = ["router"]

router = APIRouter(tags=["auth"])


class PasswordIn(BaseModel):
    """The password, to confirm deleting the account."""

    model_config = ConfigDict(extra="forbid")
    password: str


@router.post(
    "/auth/signup",
    status_code=status.HTTP_201_CREATED,
    response_model=MeOut,
    responses=responses(403, 422),
)
def signup(body: Credentials, ctx: CtxDep) -> MeOut:
    """Create an account (log in afterwards)."""
    user = sign_up(ctx, body.email, body.password)
    return MeOut(email=user.email)


@router.post("/auth/login", response_model=LoginOut, responses=responses(401, 403, 422, 429))
def login(body: Credentials, request: Request, response: Response, ctx: CtxDep) -> LoginOut:
    """Log in: sets the session cookie; send ``csrf_token`` in ``X-CSRF-Token`` from now on."""
    user, token, csrf = log_in(ctx, body.email, body.password, client_address(request))
    set_session_cookie(ctx, response, token)
    return LoginOut(email=user.email, csrf_token=csrf)


@router.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT, responses=responses(401, 403))
def logout(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """End the session."""
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    end_session(ctx, request, response)
    return response


@router.get("/me", response_model=MeOut, responses=responses(401))
def me(user: CurrentUser) -> MeOut:
    """Who is logged in."""
    return MeOut(email=user.email)


@router.delete("/me", status_code=status.HTTP_204_NO_CONTENT, responses=responses(401, 403, 422))
def delete_me(
    body: Annotated[PasswordIn, Body()], request: Request, ctx: CtxDep, user: CurrentUser
) -> Response:
    """Delete the account and all its data (the password confirms it)."""
    delete_account(ctx, user, body.password)
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    end_session(ctx, request, response)
    return response
