"""Charts of load, acute:chronic ratio, pain and endurance, as PNG or SVG (matplotlib).

Figures are built with :class:`matplotlib.figure.Figure` directly (no pyplot, no global state)
and saved with fixed metadata and SVG id salt, so the same data give the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, Literal

import matplotlib as mpl
import matplotlib.dates as mdates
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike, NDArray

from spinewise.load.trends import Trend
from spinewise.pain_bands import ACCEPTABLE_MAX_0_10, SAFE_MAX_0_10

__all__ = [
    "ChartFormat",
    "endurance_chart",
    "load_chart",
    "pain_chart",
    "ratio_chart",
    "save_chart",
]

ChartFormat = Literal["png", "svg"]
Days = Sequence[date] | Sequence[int]

_RATIO_NOTE = (
    "A trend of recent against usual load, not an injury prediction: the coupled form shares its "
    "acute days with\nits chronic mean (Lolli et al. 2019), and the ratio behaves as a rescaled "
    "acute load (Impellizzeri et al. 2020)."
)
_PAIN_NOTE = (
    "Bands of the pain-monitoring model (Silbernagel et al. 2007), validated in Achilles "
    "tendinopathy;\nits use for the back is an extrapolation."
)


def _figure(rows: int = 1) -> tuple[Figure, list[Axes]]:
    fig = Figure(figsize=(9.0, 3.2 * rows + 0.8), layout="constrained")
    grid = fig.subplots(rows, 1, sharex=True, squeeze=False)
    return fig, [grid[i, 0] for i in range(rows)]


def _x(days: Days) -> NDArray[Any]:
    """Day positions for matplotlib: datetime64 for dates, integers for day numbers."""
    if len(days) and isinstance(days[0], date):
        return np.asarray(days, dtype="datetime64[D]")
    return np.asarray(days, dtype=np.int64)


def _date_axis(axes: list[Axes], days: Days) -> None:
    """Readable date ticks (month, then days) that do not overlap."""
    if len(days) and isinstance(days[0], date):
        locator = mdates.AutoDateLocator(minticks=3, maxticks=8)  # type: ignore[no-untyped-call]
        for ax in axes:
            ax.xaxis.set_major_locator(locator)
            ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]


def _note(fig: Figure, text: str) -> None:
    fig.supxlabel(text, fontsize=7, color="0.35", ha="center")


def load_chart(
    days: Days,
    load_au: ArrayLike,
    fitness: ArrayLike,
    fatigue: ArrayLike,
    form: ArrayLike,
    *,
    title: str,
    smoothing_note: str = "",
) -> Figure:
    """Daily load as bars, then fitness, fatigue and form as lines."""
    fig, (top, bottom) = _figure(2)
    top.bar(_x(days), np.asarray(load_au), color="#4C72B0", width=0.8)
    top.set_ylabel("daily load [AU]")
    top.set_title(title, loc="left", parse_math=False)
    for values, label, colour in (
        (fitness, "fitness", "#2A9D8F"),
        (fatigue, "fatigue", "#E76F51"),
        (form, "form = fitness - fatigue", "0.3"),
    ):
        bottom.plot(_x(days), np.asarray(values), label=label, color=colour)
    bottom.axhline(0.0, color="0.6", linewidth=0.8)
    bottom.set_ylabel("fitness / fatigue")
    bottom.legend(loc="upper left", fontsize=8)
    _date_axis([top, bottom], days)
    if smoothing_note:
        _note(fig, smoothing_note)
    return fig


def ratio_chart(
    days: Days,
    coupled: ArrayLike,
    uncoupled: ArrayLike,
    ewma: ArrayLike,
    *,
    title: str,
) -> Figure:
    """The three acute:chronic ratios as trends, with their criticisms; no risk zones."""
    fig, (ax,) = _figure(1)
    for values, label, colour in (
        (coupled, "rolling, coupled", "#4C72B0"),
        (uncoupled, "rolling, uncoupled", "#DD8452"),
        (ewma, "EWMA", "#55A868"),
    ):
        ax.plot(_x(days), np.asarray(values), label=label, color=colour)
    ax.axhline(1.0, color="0.6", linewidth=0.8, linestyle="--", label="acute = chronic")
    ax.set_ylabel("acute : chronic load")
    ax.set_title(title, loc="left", parse_math=False)
    ax.legend(loc="upper left", fontsize=8)
    _date_axis([ax], days)
    _note(fig, _RATIO_NOTE)
    return fig


def pain_chart(
    days: Days,
    during: ArrayLike,
    next_morning: ArrayLike,
    *,
    title: str,
    baseline: float | None = None,
) -> Figure:
    """Pain during activity and next morning (0-10) over the model's safe/acceptable bands."""
    safe, acceptable = float(SAFE_MAX_0_10), float(ACCEPTABLE_MAX_0_10)
    fig, (ax,) = _figure(1)
    ax.axhspan(0.0, safe, color="#2A9D8F", alpha=0.12, label=f"safe (0-{safe:g})")
    ax.axhspan(
        safe,
        acceptable,
        color="#E9C46A",
        alpha=0.2,
        label=f"acceptable ({safe + 1:g}-{acceptable:g})",
    )
    ax.axhspan(
        acceptable, 10.0, color="#E76F51", alpha=0.12, label=f"unacceptable (above {acceptable:g})"
    )
    ax.plot(_x(days), np.asarray(during), marker="o", color="#264653", label="during activity")
    ax.plot(_x(days), np.asarray(next_morning), marker="s", color="#6D597A", label="next morning")
    if baseline is not None:
        ax.axhline(baseline, color="0.3", linestyle="--", linewidth=0.9, label="baseline")
    ax.set_ylim(0.0, 10.0)
    ax.set_ylabel("pain [0-10]")
    ax.set_title(title, loc="left", parse_math=False)
    ax.legend(loc="upper left", fontsize=8, ncols=2)
    _date_axis([ax], days)
    _note(fig, _PAIN_NOTE)
    return fig


def endurance_chart(
    days: Days,
    value: ArrayLike,
    *,
    title: str,
    unit: str,
    trend: Trend | None = None,
    trend_days: Days | None = None,
) -> Figure:
    """Repeated tests (hold times, throw distances) with their least-squares trend line."""
    fig, (ax,) = _figure(1)
    ax.plot(_x(days), np.asarray(value), marker="o", color="#264653", label="test")
    if trend is not None and trend_days is not None and len(trend_days) >= 2:
        ends = _x(trend_days)[[0, -1]]
        label = f"trend {trend.slope_per_week:+.3g} {unit}/week"
        ax.plot(ends, [trend.first_fit, trend.last_fit], color="#E76F51", label=label)
    ax.set_ylabel(f"result [{unit}]", parse_math=False)
    ax.set_title(title, loc="left", parse_math=False)
    ax.legend(loc="upper left", fontsize=8)
    _date_axis([ax], days)
    return fig


def save_chart(fig: Figure, out: Path | BinaryIO, fmt: ChartFormat) -> None:
    """Save as PNG or SVG with fixed metadata, so that equal figures give equal bytes."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"fmt must be 'png' or 'svg', got {fmt!r}")
    metadata: dict[str, str | None] = (
        {"Date": None, "Creator": "spinewise"} if fmt == "svg" else {"Software": "spinewise"}
    )
    # parse_math off: a label holding "$" (an exercise id, a name) is text, never mathtext.
    rc: Any = {"svg.hashsalt": "spinewise", "svg.fonttype": "path", "text.parse_math": False}
    with mpl.rc_context(rc):
        fig.savefig(out, format=fmt, metadata=metadata, dpi=110)
