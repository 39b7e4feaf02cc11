"""Jinja2 templates: autoescaped, with a Markdown filter and the CSRF token of each page.

``render(request, name, context)`` puts ``csrf_token`` and ``user`` into every template: the
token of the user's session, or for a visitor a random token also set as the ``sw_csrf``
cookie (double submit), so that every form can carry it.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from markdown_it import MarkdownIt
from markupsafe import Markup
from starlette.responses import Response

from spinewise.logbook.planned import PlannedItem
from spinewise.report.change_words import headline
from spinewise.report.plan_format import intensity_cap_text
from spinewise.web.deps import CSRF_COOKIE, session_of

__all__ = ["make_templates", "markdown_html", "render"]

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def markdown_html(text: str) -> Markup:
    r"""Markdown as HTML; raw HTML in the source is escaped, never passed through.

    >>> str(markdown_html("**Brace**, then <b>breathe</b>")).strip()
    '<p><strong>Brace</strong>, then &lt;b&gt;breathe&lt;/b&gt;</p>'
    """
    return Markup(_MD.render(text))


def _seconds(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g} s"


def _effort(item: PlannedItem) -> str:
    """The item's intensity with its load in kg and spine-load cap, as every renderer writes it."""
    return intensity_cap_text(item.item)


def make_templates(directory: Path) -> Jinja2Templates:
    """The app's template environment."""
    templates = Jinja2Templates(directory=str(directory))
    templates.env.filters["markdown"] = markdown_html
    templates.env.filters["seconds"] = _seconds
    templates.env.filters["effort"] = _effort
    templates.env.filters["headline"] = headline
    templates.env.globals["site_name"] = "spinewise"
    return templates


def render(
    request: Request,
    name: str,
    # I/O edge: a template's variables, as Jinja takes them (onboarding declares its pages' as
    # TypedDicts).
    context: Mapping[str, Any] | None = None,
    *,
    status_code: int = 200,
) -> Response:
    """Render a page with the user and a CSRF token in its context."""
    templates: Jinja2Templates = request.app.state.templates
    session = session_of(request)
    fresh = None
    if session is not None:
        token = session.csrf_token
    else:
        token = request.cookies.get(CSRF_COOKIE) or ""
        if len(token) < 20:
            fresh = token = secrets.token_urlsafe(32)
    values = {
        "user": None if session is None else session.user,
        "csrf_token": token,
        **(context or {}),
    }
    response = templates.TemplateResponse(request, name, values, status_code=status_code)
    if fresh is not None:
        ctx = request.app.state.ctx
        response.set_cookie(
            CSRF_COOKIE, fresh, httponly=True, samesite="lax", secure=ctx.web.cookie_secure
        )
    return response
