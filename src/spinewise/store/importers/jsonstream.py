r"""Reading a JSON file a value at a time, in memory that does not grow with the file.

:class:`JsonStream` reads the file in pieces of a megabyte and decodes one value at a time with
the standard library's C decoder (``JSONDecoder.raw_decode``); what was decoded is dropped from
the buffer. Each value comes with its own text and where it starts, so a problem inside it is
named with the file's line and column (:func:`located`), as :class:`.jsonfile.JsonFile` does.

Examples
--------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a.json"
>>> _ = path.write_text('{"a": [1,\n  {"b": "x"}]}')
>>> stream = JsonStream(path, "a.json")
>>> stream.expect("{", "an object")
'{'
>>> stream.key(), stream.expect("[", "a list")
('a', '[')
>>> [(piece.value, piece.line, piece.column) for piece in stream.items()]
[(1, 1, 8), ({'b': 'x'}, 2, 3)]
>>> stream.close()
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spinewise.errors import MalformedFileError
from spinewise.store.importers.jsonfile import locate, path_text

__all__ = ["JsonPiece", "JsonStream", "located"]

_DECODER = json.JSONDecoder()
_WS = " \t\r\n"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class JsonPiece:
    """A decoded value, its text and where the text starts in the file (1-based)."""

    # I/O edge: a value of the JSON file as ``json`` gives it.
    value: Any
    text: str
    line: int
    column: int


def located(
    name: str, piece: JsonPiece, prefix: Sequence[int | str], inner: Sequence[int | str]
) -> str:
    """``NAME: line L, column C (path)`` of the value at ``inner`` within ``piece``.

    ``prefix`` is the path of the piece itself in the document.
    """
    line, column = locate(piece.text, inner)
    if line == 1:
        column += piece.column - 1
    return f"{name}: line {piece.line + line - 1}, column {column} ({path_text([*prefix, *inner])})"


class JsonStream:
    """One JSON document read from a file piece by piece (see the module docstring).

    Parameters
    ----------
    path
        The file (UTF-8, with or without BOM).
    name
        How messages name the file.
    """

    def __init__(self, path: Path, name: str, chunk: int = _CHUNK) -> None:
        self.name = name
        self._handle = path.open("rb")
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self._bytes = 0  # bytes read so far
        self._chunk = chunk
        self._buf = ""
        self._pos = 0
        self._eof = False
        self._line = 1  # where _buf[0] is in the file
        self._column = 1
        self._mark = (0, 1, 1)  # a position in _buf and where it is: where() scans on from it

    def close(self) -> None:
        """Close the file."""
        self._handle.close()

    def __enter__(self) -> JsonStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _read(self, at_least: int = 0) -> bool:
        """Drop what was consumed and read more; ``False`` at the end of the file."""
        if self._eof:
            return False
        raw = self._handle.read(max(self._chunk, at_least))
        try:
            more = self._decoder.decode(raw, final=not raw)
        except UnicodeDecodeError as err:
            raise MalformedFileError(
                f"{self.name}: line ?, column ?: not UTF-8 text (byte {self._bytes + err.start})"
            ) from None
        self._bytes += len(raw)
        if not raw:  # positions in the buffer stay as they were
            self._eof = True
            self._buf += more
            return False
        if self._pos:
            self._line, self._column = self.where()
            self._buf = self._buf[self._pos :]
            self._pos = 0
            self._mark = (0, self._line, self._column)
        self._buf += more
        return True

    def where(self) -> tuple[int, int]:
        """Line and column (1-based) of the next character.

        The text is scanned on from the last position asked for, so asking after every value
        costs the length of the file once, not once per value.
        """
        start, line, column = self._mark
        newlines = self._buf.count("\n", start, self._pos)
        if newlines:
            line += newlines
            column = self._pos - self._buf.rfind("\n", start, self._pos)
        else:
            column += self._pos - start
        self._mark = (self._pos, line, column)
        return line, column

    def error(self, message: str) -> MalformedFileError:
        """A problem at the next character."""
        line, column = self.where()
        return MalformedFileError(f"{self.name}: line {line}, column {column}: {message}")

    def peek(self) -> str:
        """The next character that is not white space ('' at the end of the file)."""
        while True:
            while self._pos < len(self._buf) and self._buf[self._pos] in _WS:
                self._pos += 1
            if self._pos < len(self._buf):
                return self._buf[self._pos]
            if not self._read():
                return ""

    def expect(self, chars: str, what: str) -> str:
        """Take the next character, one of ``chars`` (else: not JSON, ``what`` was expected)."""
        found = self.peek()
        if not found or found not in chars:
            raise self.error(f"not JSON: expected {what}")
        self._pos += 1
        return found

    def value(self) -> JsonPiece:
        """Decode the next value."""
        piece = self._decode(None)
        assert piece is not None  # no limit
        return piece

    def value_within(self, limit: int) -> JsonPiece | None:
        """Decode the next value if its text is at most about ``limit`` characters.

        ``None`` when it is longer: nothing is read then (read it a part at a time).
        """
        return self._decode(limit)

    def _decode(self, limit: int | None) -> JsonPiece | None:
        self.peek()
        line, column = self.where()
        while True:
            try:
                value, end = _DECODER.raw_decode(self._buf, self._pos)
            except json.JSONDecodeError as err:
                # The text may end inside the value (``tr`` of ``true``, ``1.`` of ``1.5``).
                cut = err.pos >= len(self._buf) - 8 or err.msg.startswith("Unterminated string")
                if cut and limit is not None and len(self._buf) - self._pos > limit:
                    return None
                if (cut or limit is None) and self._read(len(self._buf)):
                    continue
                at_line = self._line + err.lineno - 1
                at_column = err.colno + (self._column - 1 if err.lineno == 1 else 0)
                raise MalformedFileError(
                    f"{self.name}: line {at_line}, column {at_column}: not JSON: {err.msg}"
                ) from None
            except RecursionError:
                raise self.error("nested too deeply to read") from None
            if end >= len(self._buf) and self._read(len(self._buf)):
                continue  # a number at the end of the buffer may go on
            text = self._buf[self._pos : end]
            self._pos = end
            return JsonPiece(value, text, line, column)

    def key(self) -> str:
        """An object's key and its ``:``."""
        if self.peek() != '"':
            raise self.error("not JSON: expected a key in double quotes")
        piece = self.value()
        self.expect(":", "':' after a key")
        return str(piece.value)

    def items(self) -> Iterator[JsonPiece]:
        """The values of the array whose ``[`` was just taken, one at a time, and its ``]``."""
        if self.peek() == "]":
            self._pos += 1
            return
        while True:
            yield self.value()
            if self.expect(",]", "',' or ']'") == "]":
                return

    def members(self) -> Iterator[str]:
        """The keys of the object whose ``{`` was just taken; read each value after its key."""
        if self.peek() == "}":
            self._pos += 1
            return
        while True:
            yield self.key()
            if self.expect(",}", "',' or '}'") == "}":
                return

    def end(self) -> None:
        """Nothing but white space may follow the document."""
        if self.peek():
            raise self.error("not JSON: Extra data")
