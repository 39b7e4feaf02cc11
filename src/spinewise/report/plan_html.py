"""A plan as one printable, self-contained HTML page (``spinewise plan --format html``).

The page has its CSS inline and no scripts, fonts, images or links to fetch, so that it can be
saved, mailed or printed as it is. Its print stylesheet starts each week on a new page, drops
backgrounds, sets 11 pt type and keeps table rows whole; on a phone the exercise tables turn into
one card per exercise. The Jinja2 environment autoescapes everything the plan contributes.
"""

from __future__ import annotations

import jinja2

from spinewise.planning.plan import Plan
from spinewise.report.plan_view import build_plan_view
from spinewise.units import DEFAULT_WEIGHT_UNIT, WeightUnit

__all__ = ["plan_to_html"]

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("spinewise.report", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def plan_to_html(plan: Plan, unit: WeightUnit = DEFAULT_WEIGHT_UNIT) -> str:
    """Render a plan as a printable HTML page.

    Parameters
    ----------
    plan
        The plan (a document from a file is read with :meth:`Plan.read` first).
    unit
        The unit its loads are written in ("kg" or "lb").

    Returns
    -------
    str
        A complete HTML5 document with inline CSS and no external assets. The same plan gives
        the same text.
    """
    view = build_plan_view(plan, unit)
    return _ENV.get_template("plan.html").render(view=view)
