"""``/api/v1/auth`` (sign up, log in, log out) and ``/api/v1/me`` (who, weight unit, deletion)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Request, Response, status
from pydantic import BaseModel, ConfigDict

from spinewise import services
from spinewise.web.api.common import responses
from spinewise.web.auth import (
    change_password,
    client_address,
    delete_account,
    end_all_sessions,
    end_session,
    log_in,
    set_session_cookie,
    sign_up,
)
from spinewise.web.deps import CtxDep, CurrentSession, CurrentUser
from spinewise.web.schemas import (
    Credentials,
    LoginOut,
    MeOut,
    NewPassword,
    Password,
    SignUpIn,
    WeightUnitIn,
    WeightUnitOut,
)
from spinewise.web.security import normalise_email

__all__ = ["router"]

router = APIRouter(tags=["auth"])


class PasswordIn(BaseModel):
    """The password, to confirm deleting the account."""

    model_config = ConfigDict(extra="forbid")
    password: Password


class PasswordChange(BaseModel):
    """The current password and the new one (10+ characters, not easy to guess)."""

    model_config = ConfigDict(extra="forbid")
    current_password: Password
    new_password: NewPassword


@router.post(
    "/auth/signup",
    status_code=status.HTTP_201_CREATED,
    response_model=MeOut,
    responses=responses(403, 422, 429),
)
def signup(body: SignUpIn, request: Request, ctx: CtxDep) -> MeOut:
    """Create an account, then log in. The answer is the same when the address has one."""
    sign_up(ctx, body.email, body.password, client_address(request))
    return MeOut(email=normalise_email(body.email))


@router.post("/auth/login", response_model=LoginOut, responses=responses(401, 403, 422, 429))
def login(body: Credentials, request: Request, response: Response, ctx: CtxDep) -> LoginOut:
    """Log in: sets the session cookie; send ``csrf_token`` in ``X-CSRF-Token`` from now on."""
    user, token, csrf = log_in(ctx, body.email, body.password, client_address(request))
    set_session_cookie(ctx, response, token)
    return LoginOut(email=user.email, csrf_token=csrf)


@router.post(
    "/auth/logout-everywhere",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(401, 403),
)
def logout_everywhere(ctx: CtxDep, user: CurrentUser) -> Response:
    """End every session of your account, this one included."""
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    end_all_sessions(ctx, user, response)
    return response


@router.post(
    "/me/password",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(401, 403, 422, 429),
)
def new_password(
    body: PasswordChange, request: Request, ctx: CtxDep, session: CurrentSession
) -> Response:
    """Change the password (the current one confirms it); every other session ends."""
    change_password(ctx, session, body.current_password, body.new_password, client_address(request))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


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


@router.get("/me/weight-unit", response_model=WeightUnitOut, responses=responses(401))
def weight_unit(user: CurrentUser) -> WeightUnitOut:
    """The unit the web pages show and take weights in; every API weight stays in kg."""
    return WeightUnitOut(weight_unit=user.weight_unit)


@router.put("/me/weight-unit", response_model=WeightUnitOut, responses=responses(401, 403, 422))
def set_weight_unit(body: WeightUnitIn, ctx: CtxDep, user: CurrentUser) -> WeightUnitOut:
    """Show and take weights on the web pages in kg or lb; every API weight stays in kg."""
    services.keep_weight_unit(ctx.store, user.id, body.weight_unit)
    return WeightUnitOut(weight_unit=body.weight_unit)


@router.delete(
    "/me", status_code=status.HTTP_204_NO_CONTENT, responses=responses(401, 403, 422, 429)
)
def delete_me(
    body: Annotated[PasswordIn, Body()], request: Request, ctx: CtxDep, user: CurrentUser
) -> Response:
    """Delete the account and all its data (the password confirms it)."""
    delete_account(ctx, user, body.password, client_address(request))
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    end_session(ctx, request, response)
    return response
