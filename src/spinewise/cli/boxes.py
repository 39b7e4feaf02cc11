"""A long table drawn for a terminal without Rich: the same boxes, every value whole.

Rich lays out a table cell by cell, measuring each; for the 200-row exercise list that was half
the time ``spinewise catalog list`` took on a terminal (decision 0130, amended). This draws the
same look (a heavy header box, a bold header, an italic title) with plain string work: each
column is as wide as its longest value while the table fits the terminal, and otherwise the
widest columns give up width first; a value too long for its column wraps, at spaces where it
can and inside a word where it must, so nothing is cut off. Styles are left out when
``NO_COLOR`` is set or the terminal is ``dumb``.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Sequence

__all__ = ["draw_table"]

_BOLD, _ITALIC, _RESET = "\x1b[1m", "\x1b[3m", "\x1b[0m"


def _styled() -> bool:
    return "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _widths(natural: list[int], floors: list[int], room: int) -> list[int]:
    """Column widths within ``room``: the widest column loses one character at a time."""
    widths = list(natural)
    while sum(widths) > room:
        widest = max(range(len(widths)), key=lambda i: (widths[i] > floors[i], widths[i]))
        if widths[widest] <= floors[widest]:
            break  # narrower than this would not be readable; the terminal wraps the lines
        widths[widest] -= 1
    return widths


def _lines(value: str, width: int) -> list[str]:
    return textwrap.wrap(value, width, break_on_hyphens=False) or [""]


def _row(cells: Sequence[str], widths: Sequence[int], edge: str, style: str) -> list[str]:
    wrapped = [_lines(c, w) for c, w in zip(cells, widths, strict=True)]
    height = max(len(w) for w in wrapped)
    out = []
    for i in range(height):
        parts = []
        for lines, w in zip(wrapped, widths, strict=True):
            text = lines[i] if i < len(lines) else ""
            pad = " " * (w - len(text))
            parts.append(f" {style}{text}{_RESET}{pad} " if style else f" {text}{pad} ")
        out.append(edge + edge.join(parts) + edge)
    return out


def draw_table(
    title: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int | None = None,
    styled: bool | None = None,
) -> str:
    """The table as text for a terminal ``width`` characters wide (the terminal's by default).

    Parameters
    ----------
    title
        Shown above the table.
    columns
        The column names.
    rows
        The cells, one sequence of strings per row.
    width
        The terminal's width [characters]; ``COLUMNS`` or the terminal's size when not given.
    styled
        Bold header and italic title (ANSI); by default unless ``NO_COLOR`` or a dumb terminal.
    """
    total = width or shutil.get_terminal_size().columns
    bold = _BOLD if (_styled() if styled is None else styled) else ""
    italic = _ITALIC if bold else ""
    natural = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(columns)]
    floors = [min(n, max(3, len(c))) for n, c in zip(natural, columns, strict=True)]
    widths = _widths(natural, floors, total - 3 * len(columns) - 1)

    def rule(left: str, fill: str, mid: str, right: str) -> str:
        return left + mid.join(fill * (w + 2) for w in widths) + right

    shown = sum(widths) + 3 * len(columns) + 1
    out = [f"{italic}{title.ljust(shown)}{_RESET}" if italic else title]
    out.append(rule("┏", "━", "┳", "┓"))
    out += _row(columns, widths, "┃", bold)
    out.append(rule("┡", "━", "╇", "┩"))
    for row in rows:
        out += _row(row, widths, "│", "")
    out.append(rule("└", "─", "┴", "┘"))
    return "\n".join(out) + "\n"
