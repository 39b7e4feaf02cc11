"""Pages: home, sign up, log in, log out, account (units, download, delete), import and export."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response, StreamingResponse
from starlette.datastructures import UploadFile

from spinewise import services
from spinewise.errors import InputError
from spinewise.services import IMPORT_FORMATS as FORMATS
from spinewise.units import WEIGHT_UNIT_NAMES, WEIGHT_UNITS
from spinewise.units import weight_unit as weight_unit_of
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
from spinewise.web.deps import CtxDep, CurrentSession, CurrentUser, MaybeSession
from spinewise.web.pages.checkin import LEVEL_WORDS, for_you_block
from spinewise.web.pages.forms import FormReader
from spinewise.web.templating import render
from spinewise.web.transfer import UploadTooLarge, export_stream, import_upload

__all__ = ["router"]

router = APIRouter()
#: Where every sign-up goes, whether or not the address had an account (nothing tells which).
SIGNED_UP = "/login?created=1&next=/onboarding"


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
    morning = services.morning_checkin(ctx.store, athlete, today=day) if profile else None
    return render(
        request,
        "home.html",
        {
            "profile": profile,
            "plan": plan,
            "today": today,
            "day": day,
            "morning": morning,
            "level_words": LEVEL_WORDS,
            "for_you": for_you_block(ctx, athlete, day, morning) if plan else None,
        },
    )


@router.get("/signup")
def signup_page(request: Request) -> Response:
    """The sign-up form."""
    return render(request, "signup.html", {"email": ""})


@router.post("/signup")
async def signup(request: Request, ctx: CtxDep) -> Response:
    """Create the account (as the API does), then log in; the onboarding follows."""
    form = FormReader(await request.form())
    email, password = form.raw("email"), form.raw("password")
    shown = email[:254].encode("utf-8", "backslashreplace").decode("utf-8")
    try:
        await run_in_threadpool(sign_up, ctx, email, password, client_address(request))
    except InputError as err:
        return render(
            request, "signup.html", {"email": shown, "errors": err.problems}, status_code=422
        )
    except HTTPException as err:
        return render(
            request,
            "signup.html",
            {"email": shown, "errors": [str(err.detail)]},
            status_code=err.status_code,
        )
    return RedirectResponse(SIGNED_UP, status_code=303)


@router.get("/login")
def login_page(request: Request, next: str = "/", created: str = "") -> Response:
    """The log-in form (after a sign-up, with a note on what to do)."""
    return render(
        request, "login.html", {"email": "", "next": _safe_next(next), "created": created == "1"}
    )


@router.post("/login")
async def login(request: Request, ctx: CtxDep) -> Response:
    """Log in and go where the user was headed."""
    form = FormReader(await request.form())
    email, target = form.text("email"), _safe_next(form.text("next") or "/")
    try:
        _user, token, _csrf = await run_in_threadpool(
            log_in, ctx, email, form.raw("password"), client_address(request)
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
def account(request: Request, user: CurrentUser, saved: str = "") -> Response:
    """Weights in kg or lb; download my data; change my password; log out; delete my account."""
    notice = None
    if saved == "units":
        notice = f"Weights are now shown in {WEIGHT_UNIT_NAMES[user.weight_unit]}."
    return render(request, "account.html", {"notice": notice})


@router.post("/account/weight-unit")
async def weight_unit(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """Show and take weights in kilograms or pounds (what is stored stays in kilograms)."""
    form = FormReader(await request.form())
    unit = form.text("weight_unit")
    if unit not in WEIGHT_UNITS:
        choices = " or ".join(f'"{u}" ({WEIGHT_UNIT_NAMES[u]})' for u in WEIGHT_UNITS)
        return render(
            request,
            "account.html",
            {"errors": [f'weight_unit: choose {choices}, got "{unit[:20]}"']},
            status_code=422,
        )
    await run_in_threadpool(services.keep_weight_unit, ctx.store, user.id, weight_unit_of(unit))
    return RedirectResponse("/account?saved=units", status_code=303)


@router.post("/account/logout-everywhere")
def logout_everywhere(ctx: CtxDep, user: CurrentUser) -> Response:
    """End every session of the account."""
    response = RedirectResponse("/login", status_code=303)
    end_all_sessions(ctx, user, response)
    return response


@router.post("/account/password")
async def new_password(request: Request, ctx: CtxDep, session: CurrentSession) -> Response:
    """Change the password (as the API does); other devices are logged out."""
    form = FormReader(await request.form())
    try:
        await run_in_threadpool(
            change_password,
            ctx,
            session,
            form.raw("current_password"),
            form.raw("new_password"),
            client_address(request),
        )
    except InputError as err:
        return render(request, "account.html", {"errors": err.problems}, status_code=422)
    except HTTPException as err:
        return render(
            request, "account.html", {"errors": [str(err.detail)]}, status_code=err.status_code
        )
    return render(request, "account.html", {"notice": "Your password was changed."})


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
        await run_in_threadpool(
            delete_account, ctx, user, form.raw("password"), client_address(request)
        )
    except InputError as err:
        return render(request, "account.html", {"errors": err.problems}, status_code=422)
    except HTTPException as err:
        return render(
            request, "account.html", {"errors": [str(err.detail)]}, status_code=err.status_code
        )
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
    chunks, media, name = export_stream(ctx, user, fmt)
    return StreamingResponse(
        chunks, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
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
        report = await run_in_threadpool(import_upload, ctx, user, upload, fmt, dry_run=dry_run)
    except InputError as err:
        await form.close()
        return render(
            request, "data.html", {"formats": FORMATS, "errors": err.problems}, status_code=422
        )
    except UploadTooLarge as err:
        await form.close()
        return render(
            request, "data.html", {"formats": FORMATS, "errors": [err.detail]}, status_code=413
        )
    await form.close()
    return render(request, "data.html", {"formats": FORMATS, "report": report})
