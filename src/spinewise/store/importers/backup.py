"""Our own full backup (``log export --format json``) as an import source."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from spinewise.errors import MalformedFileError
from spinewise.logbook import Backup
from spinewise.store.importers.jsonfile import JsonFile

__all__ = ["parse_backup_file"]


def parse_backup_file(path: Path) -> Backup:
    """Read and validate a backup; every problem names file, line, column and field path."""
    doc = JsonFile(path)
    try:
        backup = Backup.model_validate(doc.data)
    except ValidationError as err:
        problems = []
        for item in err.errors(include_url=False):
            got = item.get("input")
            tail = (
                ""
                if item["type"] == "missing" or isinstance(got, dict | list)
                else f", got {got!r}"
            )
            loc = [p for p in item["loc"] if isinstance(p, int | str)]
            problems.append(doc.problem(loc, f"{item['msg']}{tail}"))
        raise MalformedFileError(problems) from None
    seen: dict[object, int] = {}
    for index, session in enumerate(backup.sessions):
        if session.started_at in seen:
            raise MalformedFileError(
                doc.problem(
                    ("sessions", index, "started_at"),
                    f"a second session starting at {session.started_at.isoformat()} "
                    f"(the first is sessions[{seen[session.started_at]}])",
                )
            )
        seen[session.started_at] = index
    return backup
