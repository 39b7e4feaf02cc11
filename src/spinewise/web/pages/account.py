"""Pages: home, sign up, log in, log out, account (download, delete), import and export."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import UploadFile

from spinewise import services
from spinewise.errors import InputError
from spinewise.services import IMPORT_FORMATS as FORMATS
from spinewise.web.auth import (
    client_address,
    delete_account,
    end_session,
    log_in,
    set_session_cookie,
    sign_up,
)
from spinewise.web.deps import CtxDep, CurrentUser, MaybeSession
from spinewise.web.pages.forms import FormReader
from spinewise.web.templating import render
from spinewise.web.transfer import export_text, import_upload

__all__ = ["router"]

router = APIRouter()


def _safe_next(target: str) -> str:
    """Only same-site paths are followed after logging in."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


@router.get("/")
def home(request: Request, ctx: CtxDep, session: MaybeSession) -> Response:
    """The landing page, or the user's dashboard."""
    if session is None:
        return render(request, "landing.html")
    athlete = session.user.athlete_id
    day = services.local_today(ctx.now())
    profile = services.current_profile(ctx.store, athlete)
    plan = services.user_plan(ctx.store, athlete)
    nxt = services.next_session(ctx.store, athlete, today=day) if plan else None
    today = None if nxt is None else (nxt.session, nxt.due_today)
    return render(
        request,
        "home.html",
        {"profile": profile, "plan": plan, "today": today, "day": day},
    )


@router.get("/signup")
def signup_page(request: Request) -> Response:
    """The sign-up form."""
    return render(request, "signup.html", {"email": ""})


@router.post("/signup")
async def signup(request: Request, ctx: CtxDep) -> Response:
    """Create the account, log in, and start the onboarding."""
    form = FormReader(await request.form())
    email, password = form.text("email"), form.text("password")
    try:
        await run_in_threadpool(sign_up, ctx, email, password)
    except InputError as err:
        return render(
            request, "signup.html", {"email": email, "errors": err.problems}, status_code=422
        )
    _user, token, _csrf = await run_in_threadpool(
        log_in, ctx, email, password, client_address(request)
    )
    response = RedirectResponse("/onboarding", status_code=303)
    set_session_cookie(ctx, response, token)
    return response


@router.get("/login")
def login_page(request: Request, next: str = "/") -> Response:
    """The log-in form."""
    return render(request, "login.html", {"email": "", "next": _safe_next(next)})


@router.post("/login")
async def login(request: Request, ctx: CtxDep) -> Response:
    """Log in and go where the user was headed."""
    form = FormReader(await request.form())
    email, target = form.text("email"), _safe_next(form.text("next") or "/")
    try:
        _user, token, _csrf = await run_in_threadpool(
            log_in, ctx, email, form.text("password"), client_address(request)
        )
    except HTTPException as err:
        return render(
            request,
            "login.html",
            {"email": email, "next": target, "errors": [str(err.detail)]},
            status_code=err.status_code,
        )
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(ctx, response, token)
    return response


@router.post("/logout")
def logout(request: Request, ctx: CtxDep) -> Response:
    """Log out."""
    response = RedirectResponse("/", status_code=303)
    end_session(ctx, request, response)
    return response


@router.get("/account")
def account(request: Request, user: CurrentUser) -> Response:
    """Download all my data; delete my account."""
    return render(request, "account.html")


@router.post("/account/delete")
async def delete(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """Delete the account after the password and the typed confirmation."""
    form = FormReader(await request.form())
    if form.text("confirm") != "DELETE":
        return render(
            request,
            "account.html",
            {"errors": ["confirm: type DELETE in capitals to confirm"]},
            status_code=422,
        )
    try:
        await run_in_threadpool(delete_account, ctx, user, form.text("password"))
    except InputError as err:
        return render(request, "account.html", {"errors": err.problems}, status_code=422)
    response = render(request, "deleted.html")
    end_session(ctx, request, response)
    return response


@router.get("/data")
def data_page(request: Request, user: CurrentUser) -> Response:
    """Import and export."""
    return render(request, "data.html", {"formats": FORMATS})


@router.get("/data/export.{fmt}")
def export(fmt: str, ctx: CtxDep, user: CurrentUser) -> Response:
    """Download the whole history (JSON backup or CSV)."""
    if fmt not in ("json", "csv"):
        raise HTTPException(404, "export formats: json or csv")
    text, media, name = export_text(ctx, user, fmt)
    return Response(
        text, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@router.post("/data/import")
async def import_history(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """Import a history file (all or nothing) and show what it added."""
    form = await request.form()
    upload = form.get("file")
    fmt = form.get("format")
    if not isinstance(upload, UploadFile) or not isinstance(fmt, str):
        return render(
            request,
            "data.html",
            {"formats": FORMATS, "errors": ["file: choose a file and its format"]},
            status_code=422,
        )
    dry_run = form.get("dry_run") == "yes"
    try:
        with tempfile.TemporaryDirectory(prefix="spinewise-import-") as folder:
            report = await run_in_threadpool(
                import_upload, ctx, user, upload, fmt, Path(folder), dry_run=dry_run
            )
    except InputError as err:
        return render(
            request, "data.html", {"formats": FORMATS, "errors": err.problems}, status_code=422
        )
    return render(request, "data.html", {"formats": FORMATS, "report": report})
