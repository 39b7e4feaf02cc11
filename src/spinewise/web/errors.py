"""Errors as responses: 422 with one message per field, 409 for a screening stop, never a 500.

Every bad request becomes a 422 whose ``detail`` lists each problem with its field path and a
line naming the field, the value and what is allowed, like the CLI's
(``schedule.days_per_week: must be 1 to 7, got 9``). Pages show the same lines in HTML.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TypedDict

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic_core import ErrorDetails
from starlette.exceptions import HTTPException as StarletteHTTPException

from spinewise.errors import InfeasiblePlanError, InputError, ScreeningStopError
from spinewise.store import DataError, IntegrityError
from spinewise.validation import show_value
from spinewise.web.deps import LoginRequired, is_api

__all__ = ["ProblemItem", "install_error_handlers", "problem_items", "validation_lines"]


class ProblemItem(TypedDict):
    """One item of a 422's ``detail``: where, which field, the line naming it, and the kind."""

    loc: list[int | str]
    field: str
    msg: str
    type: str


_LOCATIONS = frozenset({"body", "query", "path", "header", "cookie"})
_RANGE_WORDS = {
    "greater_than_equal": "must be at least {ge}",
    "less_than_equal": "must be at most {le}",
    "greater_than": "must be more than {gt}",
    "less_than": "must be less than {lt}",
}


def _path(loc: Sequence[int | str]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "body"


def _line(err: ErrorDetails) -> tuple[list[int | str], str]:
    loc = [p for p in err.get("loc", ()) if not (p in _LOCATIONS and p == err["loc"][0])]
    path = _path(loc)
    kind = str(err.get("type", ""))
    ctx = err.get("ctx") or {}
    got = (
        ""
        if "input" not in err or isinstance(err["input"], Mapping)
        else (f", got {show_value(err['input'])}")
    )
    if kind == "missing":
        return loc, f"{path}: missing; this field is required"
    if kind == "extra_forbidden":
        return loc, f"{path}: unknown field"
    if kind == "json_invalid":
        return loc, f"{path}: not valid JSON ({ctx.get('error', 'parse error')})"
    if kind in _RANGE_WORDS:
        return loc, f"{path}: {_RANGE_WORDS[kind].format(**ctx)}{got}"
    msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
    return loc, f"{path}: {msg}{got}"


def validation_lines(errors: Iterable[ErrorDetails]) -> list[tuple[list[int | str], str]]:
    """``(loc, line)`` of each validation error, duplicates removed."""
    out: dict[str, list[int | str]] = {}
    for err in errors:
        loc, line = _line(err)
        out.setdefault(line, loc)
    return [(loc, line) for line, loc in out.items()]


def problem_items(lines: Iterable[str], kind: str = "value_error") -> list[ProblemItem]:
    """Problem lines (``field.path: message``) as 422 ``detail`` items."""
    items = []
    for line in lines:
        field = line.split(": ", 1)[0] if ": " in line else "body"
        loc: list[int | str] = list(field.replace("[", ".").replace("]", "").split("."))
        items.append(ProblemItem(loc=loc, field=field, msg=line, type=kind))
    return items


def _problems(request: Request, status: int, items: list[ProblemItem]) -> Response:
    if is_api(request):
        return JSONResponse({"detail": items}, status_code=status)
    from spinewise.web.templating import render

    context = {"status": status, "title": "Please check your input"}
    return render(
        request, "error.html", context | {"lines": [i["msg"] for i in items]}, status_code=status
    )


def _message(request: Request, status: int, message: str, title: str) -> Response:
    if is_api(request):
        return JSONResponse({"detail": message}, status_code=status)
    from spinewise.web.templating import render

    context = {"status": status, "title": title, "lines": [message]}
    return render(request, "error.html", context, status_code=status)


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers on the app."""

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        items: list[ProblemItem] = []
        seen: set[str] = set()
        for err in exc.errors():  # pydantic's error details, as FastAPI passes them on
            loc, line = _line(err)
            if line not in seen:
                seen.add(line)
                field = line.split(": ", 1)[0]
                items.append(ProblemItem(loc=loc, field=field, msg=line, type=str(err["type"])))
        return _problems(request, 422, items)

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError) -> Response:
        return _problems(request, 422, problem_items(exc.problems))

    @app.exception_handler(InfeasiblePlanError)
    async def _infeasible(request: Request, exc: InfeasiblePlanError) -> Response:
        return _problems(request, 422, problem_items(exc.problems, "infeasible"))

    @app.exception_handler(ScreeningStopError)
    async def _stop(request: Request, exc: ScreeningStopError) -> Response:
        text = " ".join(exc.problems)
        if is_api(request):
            return JSONResponse({"detail": text}, status_code=409)
        return RedirectResponse("/onboarding/stop", status_code=303)

    @app.exception_handler(LoginRequired)
    async def _login(request: Request, exc: LoginRequired) -> Response:
        if is_api(request):
            return JSONResponse(
                {"detail": "not logged in"}, status_code=401, headers={"WWW-Authenticate": "Cookie"}
            )
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)

    @app.exception_handler(DataError)
    @app.exception_handler(IntegrityError)
    async def _database(request: Request, exc: DataError | IntegrityError) -> Response:
        # A backstop: the schemas refuse such values first; never a 500 if one slips through.
        line = "body: a value does not fit what can be stored (too long, too large or a clash)"
        return _problems(request, 422, problem_items([line], "database"))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        titles = {
            403: "Forbidden",
            404: "Not found",
            405: "Not allowed",
            413: "Too large",
            429: "Too many attempts",
        }
        response = _message(
            request, exc.status_code, str(exc.detail), titles.get(exc.status_code, "Error")
        )
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response
