"""Our own full backup (``log export --format json``) as an import source, read as a stream.

The ``sessions`` array is read one session at a time (:class:`.jsonstream.JsonStream`), so a
backup of a million sets is checked and written in memory that does not grow with it; the other
parts (athlete, custom exercises, plans, profiles, assessments) are read whole. Every problem
names file, line, column and field path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from spinewise.errors import MalformedFileError
from spinewise.logbook import Backup, SessionLog
from spinewise.store.importers.jsonstream import JsonPiece, JsonStream, located
from spinewise.store.importers.starts import StartMap

__all__ = ["BackupStream", "parse_backup_file"]


def _problems(err: ValidationError, where: Callable[[Sequence[int | str]], str]) -> list[str]:
    problems = []
    for item in err.errors(include_url=False):
        got = item.get("input")
        tail = "" if item["type"] == "missing" or isinstance(got, dict | list) else f", got {got!r}"
        loc = [p for p in item["loc"] if isinstance(p, int | str)]
        problems.append(f"{where(loc)}: {item['msg']}{tail}")
    return problems


@dataclass
class BackupStream:
    """A backup file read in one pass: its sessions one at a time, then the rest.

    Iterate :meth:`sessions` to the end; :attr:`head` then holds the backup without sessions.
    Two sessions starting at the same time are refused.
    """

    path: Path
    name: str
    head: Backup | None = None
    # I/O edge: the parts of the document other than ``sessions``, as ``json`` gives them.
    _parts: dict[str, JsonPiece] = field(default_factory=dict)

    def sessions(self) -> Iterator[SessionLog]:
        """Each session, checked, in file order."""
        seen = StartMap()  # where each start was first seen, in 16-20 bytes a session
        with JsonStream(self.path, self.name) as stream:
            if stream.peek() != "{":
                self._whole(stream.value())
            stream.expect("{", "an object")
            has_sessions = False
            for key in stream.members():
                if key != "sessions" or stream.peek() != "[":
                    self._parts[key] = stream.value()
                    continue
                has_sessions = True
                stream.expect("[", "a list")
                for index, piece in enumerate(stream.items()):
                    log = self._session(index, piece)
                    first = seen.setdefault(log.started_at, index)
                    if first != index:
                        raise MalformedFileError(
                            located(self.name, piece, ("sessions", index), ("started_at",))
                            + f": a second session starting at {log.started_at.isoformat()} "
                            f"(the first is sessions[{first}])"
                        )
                    yield log
            stream.end()
        self.head = self._head(has_sessions)

    def _session(self, index: int, piece: JsonPiece) -> SessionLog:
        try:
            return SessionLog.model_validate(piece.value)
        except ValidationError as err:
            prefix = ("sessions", index)
            raise MalformedFileError(
                _problems(err, lambda loc: located(self.name, piece, prefix, loc))
            ) from None

    def _where(self, loc: Sequence[int | str]) -> str:
        if loc and isinstance(loc[0], str) and loc[0] in self._parts:
            return located(self.name, self._parts[loc[0]], loc[:1], loc[1:])
        return located(self.name, JsonPiece(None, "", 1, 1), (), loc)

    def _head(self, has_sessions: bool) -> Backup:
        # I/O edge: the document's other parts as ``json`` gives them, for pydantic to check.
        data: dict[str, Any] = {key: piece.value for key, piece in self._parts.items()}
        if has_sessions:
            data["sessions"] = []
        try:
            return Backup.model_validate(data)
        except ValidationError as err:
            raise MalformedFileError(_problems(err, self._where)) from None

    def _whole(self, piece: JsonPiece) -> None:
        """A document that is not an object: refused as the whole-file check words it."""
        try:
            Backup.model_validate(piece.value)
        except ValidationError as err:
            where = lambda loc: located(self.name, piece, (), loc)  # noqa: E731
            raise MalformedFileError(_problems(err, where)) from None


def parse_backup_file(path: Path) -> Backup:
    """Read and check a whole backup into memory (imports stream it: :class:`BackupStream`)."""
    reader = BackupStream(path, path.name)
    sessions = tuple(reader.sessions())
    assert reader.head is not None  # set once the sessions are read
    return reader.head.model_copy(update={"sessions": sessions})
