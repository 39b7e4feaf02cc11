"""Reports: markdown, printable HTML, iCalendar and charts.

The public interface is :data:`__all__`; each renderer is loaded on first use (the charts load
matplotlib, the calendar icalendar), so that importing one does not load the others.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spinewise.report.charts import (
        endurance_chart,
        load_chart,
        pain_chart,
        ratio_chart,
        save_chart,
    )
    from spinewise.report.plan_html import plan_to_html
    from spinewise.report.plan_ics import plan_to_ics
    from spinewise.report.plan_markdown import plan_to_markdown
    from spinewise.report.plan_view import PlanView, build_plan_view

__all__ = [
    "PlanView",
    "build_plan_view",
    "endurance_chart",
    "load_chart",
    "pain_chart",
    "plan_to_html",
    "plan_to_ics",
    "plan_to_markdown",
    "ratio_chart",
    "save_chart",
]

_HOME = {
    "PlanView": "plan_view",
    "build_plan_view": "plan_view",
    "endurance_chart": "charts",
    "load_chart": "charts",
    "pain_chart": "charts",
    "plan_to_html": "plan_html",
    "plan_to_ics": "plan_ics",
    "plan_to_markdown": "plan_markdown",
    "ratio_chart": "charts",
    "save_chart": "charts",
}


def __getattr__(name: str) -> Any:
    """Load a renderer on first use."""
    if name in _HOME:
        return getattr(import_module(f"spinewise.report.{_HOME[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
