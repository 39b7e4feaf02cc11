"""Import and export: a history from another app (or a backup) in, the whole history out."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spinewise.errors import InputError
from spinewise.logbook import ExerciseMatcher
from spinewise.services.handle import Store
from spinewise.store import (
    athlete_id,
    backup_json,
    count_logged_sessions,
    export_backup,
    export_csv,
    iter_backup_json,
    iter_csv,
    reading,
)
from spinewise.store.importers import FORMATS, ImportReport, import_backup, import_file
from spinewise.store.importers.base import Progress

__all__ = [
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "ExportFile",
    "ExportStream",
    "ImportReport",
    "Progress",
    "count_history",
    "export_history",
    "import_history",
    "stream_history",
]

#: Formats an import reads (``json`` is the spinewise backup).
IMPORT_FORMATS: tuple[str, ...] = FORMATS
#: Formats an export writes.
EXPORT_FORMATS: tuple[str, ...] = ("json", "csv")


@dataclass(frozen=True)
class ExportFile:
    """An export: its text, media type, a file name and how many sessions it holds."""

    text: str
    media_type: str
    file_name: str
    n_sessions: int


def export_history(store: Store, athlete_name: str, fmt: str) -> ExportFile:
    """The athlete's whole history: the JSON backup or one CSV row per set."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"format: must be json or csv, got {fmt!r}")
    backup = export_backup(store.engine, athlete_name)
    n = len(backup.sessions)
    if fmt == "csv":
        return ExportFile(export_csv(backup), "text/csv; charset=utf-8", "spinewise-history.csv", n)
    return ExportFile(backup_json(backup), "application/json", "spinewise-backup.json", n)


@dataclass(frozen=True)
class ExportStream:
    """An export written piece by piece (bounded memory), its media type and a file name."""

    pieces: Iterator[str]
    media_type: str
    file_name: str


def stream_history(store: Store, athlete_name: str, fmt: str) -> ExportStream:
    """The athlete's whole history as pieces of text, read inside one transaction.

    The pieces are read while they are consumed, so the store must stay open until then.
    """
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"format: must be json or csv, got {fmt!r}")
    if fmt == "csv":
        return ExportStream(
            iter_csv(store.engine, athlete_name),
            "text/csv; charset=utf-8",
            "spinewise-history.csv",
        )
    return ExportStream(
        iter_backup_json(store.engine, athlete_name), "application/json", "spinewise-backup.json"
    )


def count_history(store: Store, athlete_name: str) -> int:
    """How many sessions the athlete has logged (0 for an athlete without data)."""
    with reading(store.engine) as db:
        who = athlete_id(db, athlete_name, create=False)
        return 0 if who is None else count_logged_sessions(db, who)


@contextmanager
def _named_as(path: Path, file_name: str | None) -> Iterator[None]:
    """Problems name the file the person sent, never the generated name of its stored copy.

    An upload is kept under a generated name (an internal id) for a request or a background
    job; ``file_name`` is the name the person gave it.
    """
    try:
        yield
    except InputError as err:
        if not file_name or file_name == path.name:
            raise
        problems = [
            p.replace(str(path), file_name).replace(path.name, file_name) for p in err.problems
        ]
        raise type(err)(problems) from err


def import_history(
    store: Store,
    path: Path,
    fmt: str,
    athlete_name: str | None,
    matcher: ExerciseMatcher | None,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    weight_unit: str = "kg",
    distance_unit: str = "km",
    today: date | None = None,
    file_name: str | None = None,
) -> ImportReport:
    """Import a file into the athlete's log, all or nothing.

    A backup (``json``) goes to ``athlete_name`` or, when that is ``None``, to the athlete the
    file names; other formats need ``matcher`` to recognise exercise names. Sessions dated after
    tomorrow (from ``today``, by default the local date) are refused; ``file_name`` is how the
    file is named in messages (an upload's own name, not where it was stored).
    """
    with _named_as(path, file_name):
        if fmt not in IMPORT_FORMATS:
            allowed = ", ".join(IMPORT_FORMATS)
            raise InputError(f"format: must be one of {allowed}, got {fmt[:40]!r}")
        if fmt == "json":
            return import_backup(
                store.engine,
                path,
                athlete_name,
                dry_run=dry_run,
                progress=progress,
                today=today,
                file_name=file_name,
            )
        if matcher is None or athlete_name is None:
            raise InputError(f"format: {fmt} needs an athlete and the catalogue")
        return import_file(
            store.engine,
            path,
            fmt,
            athlete_name,
            matcher,
            dry_run=dry_run,
            progress=progress,
            weight_unit=weight_unit,
            distance_unit=distance_unit,
            today=today,
            file_name=file_name,
        )
