"""Progress charts as SVG, drawn on the server with matplotlib (no pyplot, no global state).

Each function returns the SVG text of one chart; the same data always gives the same bytes
(fixed hash salt, no date in the metadata). Charts say "no data yet" rather than draw nothing.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

import matplotlib as mpl
import numpy as np
import numpy.typing as npt
from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from spinewise.units import DEFAULT_WEIGHT_UNIT, WeightUnit, mass_from_kg
from spinewise.web.progress import LoadSeries

__all__ = ["e1rm_chart", "empty_chart", "holds_chart", "load_chart", "pain_chart"]

_RC: Any = {
    "svg.hashsalt": "spinewise",
    "svg.fonttype": "none",
    # Labels are text, never mathtext: a "$" in an exercise id or name must not break a chart.
    "text.parse_math": False,
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
_COLOURS = ("#1f6f8b", "#e07a1f", "#6a994e", "#bc4749", "#7b2cbf", "#555555")
_SIZE_IN = (7.0, 2.8)
#: The shortest time span a chart shows, so that one session is not spread over years [d].
_MIN_SPAN_D = 14


def _x(when: Sequence[date | datetime]) -> npt.NDArray[np.float64]:
    """Dates as matplotlib's day numbers."""
    return np.asarray(mdates.date2num(list(when)), dtype=np.float64)  # type: ignore[no-untyped-call]


def _date_axis(ax: Axes, when: Sequence[date | datetime]) -> None:
    """Dates on the x axis: at least two weeks shown, concise labels."""
    days = [w.date() if isinstance(w, datetime) else w for w in when]
    first, last = min(days), max(days)
    spare = max(0, _MIN_SPAN_D - (last - first).days) / 2
    low, high = _x([first - timedelta(days=spare + 1), last + timedelta(days=spare + 1)])
    ax.set_xlim(float(low), float(high))
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]


def _svg(fig: Figure) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "spinewise"})
    return buffer.getvalue()


def _figure() -> Figure:
    fig = Figure(figsize=_SIZE_IN, layout="constrained")
    return fig


def empty_chart(message: str) -> str:
    """A chart that only says why it is empty."""
    with mpl.rc_context(_RC):
        fig = _figure()
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.text(0.5, 0.5, message, ha="center", va="center", color="#555555")
        return _svg(fig)


def load_chart(series: LoadSeries, ratio: Sequence[float | None]) -> str:
    """Daily session load (bars) and the 7:28 ratio as a trend line on its own axis."""
    if not series.days:
        return empty_chart("No sessions logged yet")
    with mpl.rc_context(_RC):
        fig = _figure()
        ax = fig.add_subplot()
        ax.bar(_x(series.days), series.load_au, color=_COLOURS[0], width=0.8, label="load")
        ax.set_ylabel("session RPE × min [AU]")
        pairs = [(d, r) for d, r in zip(series.days, ratio, strict=True) if r is not None]
        if pairs:
            twin = ax.twinx()
            twin.plot(_x([d for d, _ in pairs]), [r for _, r in pairs], color=_COLOURS[1], lw=1.8)
            twin.set_ylabel("7:28 ratio (trend only)", color=_COLOURS[1])
            twin.spines["right"].set_visible(True)
            twin.set_ylim(bottom=0)
        ax.set_title("Training load per day")
        _date_axis(ax, series.days)
        return _svg(fig)


def _plot_series(
    ax: Axes,
    series: Mapping[str, Sequence[tuple[Any, float]]],
    label: Callable[[str], str],
    ms: float | None = None,
) -> None:
    """One line with markers per named series of (day, value) points, in the chart colours."""
    for colour, (name, points) in zip(_COLOURS, series.items(), strict=False):
        if points:
            ax.plot(
                _x([d for d, _ in points]),
                [v for _, v in points],
                marker="o",
                lw=1.2,
                color=colour,
                label=label(name),
                ms=mpl.rcParams["lines.markersize"] if ms is None else ms,
            )


def pain_chart(series: Mapping[str, Sequence[tuple[date, int]]]) -> str:
    """Pain 0-10 before, during, after and the next morning, per session day."""
    if not any(series.values()):
        return empty_chart("No pain ratings logged yet")
    with mpl.rc_context(_RC):
        fig = _figure()
        ax = fig.add_subplot()
        _plot_series(ax, series, lambda name: name.replace("_", " "), ms=3)
        ax.set_ylim(0, 10)
        ax.set_ylabel("pain 0-10")
        ax.set_title("Back pain around sessions")
        ax.legend(loc="upper right", ncols=4, frameon=False)
        _date_axis(ax, [d for points in series.values() for d, _ in points])
        return _svg(fig)


def holds_chart(series: Mapping[str, Sequence[tuple[datetime, float]]]) -> str:
    """The torso hold tests [s] over time (one point per stored profile)."""
    if not any(series.values()):
        return empty_chart("No hold tests recorded yet")
    with mpl.rc_context(_RC):
        fig = _figure()
        ax = fig.add_subplot()
        _plot_series(ax, series, lambda name: name.removesuffix("_s").replace("_", " "))
        ax.set_ylabel("hold [s]")
        ax.set_ylim(bottom=0)
        ax.set_title("Hold tests")
        ax.legend(loc="lower right", ncols=2, frameon=False)
        _date_axis(ax, [d for points in series.values() for d, _ in points])
        return _svg(fig)


def e1rm_chart(
    series: Mapping[str, Sequence[tuple[date, float]]],
    names: Mapping[str, str],
    unit: WeightUnit = DEFAULT_WEIGHT_UNIT,
) -> str:
    """Best Epley e1RM per day for up to six exercises with loaded sets of ≤ 10 reps.

    ``series`` is in kg; the chart is drawn in ``unit`` ("kg" or "lb").
    """
    if not series:
        return empty_chart("No loaded sets of 1 to 10 reps yet")
    with mpl.rc_context(_RC):
        fig = _figure()
        ax = fig.add_subplot()
        ranked = sorted(series.items(), key=lambda kv: (-len(kv[1]), kv[0]))[: len(_COLOURS)]
        for colour, (ex_id, points) in zip(_COLOURS, ranked, strict=False):
            ax.plot(
                _x([d for d, _ in points]),
                [mass_from_kg(v, unit) for _, v in points],
                marker="o",
                ms=3,
                lw=1.2,
                color=colour,
                label=names.get(ex_id, ex_id),
            )
        ax.set_ylabel(f"e1RM [{unit}] (Epley)")
        ax.set_title("Estimated one-rep max")
        ax.legend(loc="upper left", frameon=False, fontsize=8)
        _date_axis(ax, [d for _, points in ranked for d, _ in points])
        return _svg(fig)
