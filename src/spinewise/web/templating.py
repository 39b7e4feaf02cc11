"""Jinja2 templates: autoescaped, with a Markdown filter and the CSRF token of each page.

``render(request, name, context)`` puts ``csrf_token``, ``user`` and ``weight_unit`` into every
template: the token of the user's session, or for a visitor a random token also set as the
``sw_csrf`` cookie (double submit), so that every form can carry it; and the unit ("kg" or "lb")
the user sees weights in, for the filters ``{{ load_kg|weight(weight_unit) }}`` (a recorded
weight) and ``{{ load_kg|plan_weight(weight_unit) }}`` (a planned one, down to a plate step).
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
from spinewise.units import (
    DEFAULT_WEIGHT_UNIT,
    WeightUnit,
    plan_weight_text,
    shown_mass,
    weight_text,
)
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


def _effort(item: PlannedItem, unit: WeightUnit = DEFAULT_WEIGHT_UNIT) -> str:
    """The item's intensity with its load and spine-load cap in ``unit``, as every renderer does."""
    return intensity_cap_text(item.item, unit)


def _weight(mass_kg: float | None, unit: WeightUnit = DEFAULT_WEIGHT_UNIT) -> str:
    """A recorded weight [kg] in ``unit`` with the unit written ("" for none)."""
    return "" if mass_kg is None else weight_text(mass_kg, unit)


def _weight_number(mass_kg: float | None, unit: WeightUnit = DEFAULT_WEIGHT_UNIT) -> str:
    """A recorded weight [kg] as the number a form field in ``unit`` shows ("" for none)."""
    return "" if mass_kg is None else f"{shown_mass(mass_kg, unit):g}"


def _plan_weight(mass_kg: float | None, unit: WeightUnit = DEFAULT_WEIGHT_UNIT) -> str:
    """A planned load [kg] in ``unit``, down to a plate step, with the unit written."""
    return "" if mass_kg is None else plan_weight_text(mass_kg, unit)


#: Sections of a form's field names that the words of a field leave out (``athlete.age``: "Age").
_SECTIONS = frozenset(
    {"athlete", "schedule", "tests", "goals", "equipment", "body", "query", "path"}
)
#: Unit suffixes of field names (names with units), written as the forms' labels write them.
_UNITS = {"s": "s", "kg": "kg", "lb": "lb", "cm": "cm", "min": "min", "m": "m"}


def plain_problem(line: str) -> str:
    """A problem line (``field.path: what is wrong``) for a page: the field in words.

    The API names fields by their snake_case paths; a person reads the words of the form's
    label, with the unit in brackets as the labels write it.

    >>> plain_problem("tests.trunk_flexor_s: must be 0 to 1800, got -3")
    'Trunk flexor [s]: must be 0 to 1800, got -3'
    >>> plain_problem("pain.worst_last_week: missing; this field is required")
    'Pain worst last week: missing; this field is required'
    >>> plain_problem("plan_id: Input should be a valid integer")
    'Plan id: Input should be a valid integer'
    >>> plain_problem("no such plan")
    'no such plan'
    """
    field, sep, rest = line.partition(": ")
    if not sep or " " in field or not field:
        return line
    parts = field.replace("[", ".").replace("]", "").split(".")
    if len(parts) > 1 and parts[0] in _SECTIONS:
        parts = parts[1:]
    words = " ".join(parts).split("_")
    unit = _UNITS.get(words[-1]) if len(words) > 1 else None
    text = " ".join(words[:-1] if unit else words) + (f" [{unit}]" if unit else "")
    return f"{text[:1].upper()}{text[1:]}{sep}{rest}"


def make_templates(directory: Path) -> Jinja2Templates:
    """The app's template environment."""
    templates = Jinja2Templates(directory=str(directory))
    templates.env.filters["markdown"] = markdown_html
    templates.env.filters["seconds"] = _seconds
    templates.env.filters["effort"] = _effort
    templates.env.filters["weight"] = _weight
    templates.env.filters["plan_weight"] = _plan_weight
    templates.env.filters["weight_number"] = _weight_number
    templates.env.filters["headline"] = headline
    templates.env.filters["plain_problem"] = plain_problem
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
        "weight_unit": DEFAULT_WEIGHT_UNIT if session is None else session.user.weight_unit,
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
