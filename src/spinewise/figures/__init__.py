"""Pictures of every catalogue exercise: a start and an end position as stick figures (SVG).

The positions come from each exercise's catalogue posture (the biomechanics module's data) and a
drawing template (:mod:`spinewise.figures.positions`); :mod:`spinewise.figures.svg` draws them.
Pure functions of the catalogue and the packaged drawing data: the same exercise always gives the
same bytes.

Examples
--------
>>> from spinewise.catalog import load_catalog
>>> svg = exercise_figure(load_catalog().get("glute_bridge"))
>>> svg.startswith("<svg") and "<title" in svg and "Glute bridge: start and end position" in svg
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spinewise.figures.positions import FigureData, Positions, figure_data, positions
from spinewise.figures.svg import figure_svg

if TYPE_CHECKING:
    from spinewise.catalog.entities import Exercise

__all__ = [
    "FigureData",
    "Positions",
    "exercise_figure",
    "figure_data",
    "figure_svg",
    "figure_title",
    "positions",
]


def figure_title(ex: Exercise) -> str:
    """The picture's title in people's words, e.g. ``"Glute bridge: start and end position"``."""
    return f"{ex.name}: start and end position"


def exercise_figure(ex: Exercise) -> str:
    """The exercise's start and end positions as one SVG document (see the module docstring)."""
    pos = positions(ex)
    return figure_svg(figure_title(ex), pos.start, pos.end)
