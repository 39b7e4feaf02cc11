"""Reading JSON files with errors that name file, line and column.

The file is parsed with the standard library; only when a value turns out to be wrong is the
text walked again (with the C decoder skipping whole values) to find where that value is.

Examples
--------
>>> text = '{"a": [1, {"b": "x"}]}'
>>> locate(text, ("a", 1, "b"))
(1, 17)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from json.decoder import scanstring  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any

from spinewise.errors import MalformedFileError

__all__ = ["JsonFile", "locate", "path_text"]

_DECODER = json.JSONDecoder()
_WS = " \t\r\n"


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _WS:
        pos += 1
    return pos


def _offset(text: str, path: Sequence[int | str]) -> int:
    pos = _skip(text, 0)
    for part in path:
        if pos >= len(text) or text[pos] not in "[{":
            return pos
        is_object = text[pos] == "{"
        pos = _skip(text, pos + 1)
        index = 0
        while pos < len(text) and text[pos] not in "]}":
            key: int | str = index
            if is_object:
                key, pos = scanstring(text, pos + 1)
                pos = _skip(text, _skip(text, pos) + 1)  # past ':'
            if key == part:
                break
            _, pos = _DECODER.raw_decode(text, pos)
            pos = _skip(text, pos)
            if pos < len(text) and text[pos] == ",":
                pos = _skip(text, pos + 1)
            index += 1
    return pos


def locate(text: str, path: Sequence[int | str]) -> tuple[int, int]:
    """Line and column (1-based) of the value at ``path``, or of the nearest enclosing one."""
    pos = _offset(text, path)
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def path_text(path: Sequence[int | str]) -> str:
    """``a[1].b`` for the path ``("a", 1, "b")``; ``(document)`` for the whole."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(document)"


class JsonFile:
    """A parsed JSON file that can point at any of its values."""

    def __init__(self, path: Path) -> None:
        self.name = path.name
        try:
            self.text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as err:
            raise MalformedFileError(
                f"{self.name}: line ?, column ?: not UTF-8 text (byte {err.start})"
            ) from None
        try:
            self.data: Any = json.loads(self.text)
        except json.JSONDecodeError as err:
            raise MalformedFileError(
                f"{self.name}: line {err.lineno}, column {err.colno}: not JSON: {err.msg}"
            ) from None
        except RecursionError:
            raise MalformedFileError(
                f"{self.name}: line ?, column ?: nested too deeply to read"
            ) from None

    def where(self, path: Sequence[int | str]) -> str:
        """``FILE: line L, column C (path)``."""
        line, column = locate(self.text, path)
        return f"{self.name}: line {line}, column {column} ({path_text(path)})"

    def problem(self, path: Sequence[int | str], message: str) -> str:
        """One problem line naming where the value is."""
        return f"{self.where(path)}: {message}"
