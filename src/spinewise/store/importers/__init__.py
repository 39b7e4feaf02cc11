"""Imports: Strong, Hevy, Liftosaur and wger histories, and our own backup.

:func:`import_file` reads the file twice, chunk by chunk (:mod:`.stream`): first to check it
(a malformed row stops everything before any write, naming file, line and column), then to
write it in batches inside one transaction: all or nothing, in memory that does not grow with
the file. wger's JSON is read once more before, for its shape (:mod:`.wgerstream`).
Re-importing a file adds nothing: rows whose natural key is stored are counted as merged.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Literal

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from spinewise.errors import InputError, MalformedFileError
from spinewise.logbook import CustomExercise, ExerciseMatcher, Match, SessionLog
from spinewise.logbook import future_problems as _future_problems
from spinewise.store.engine import advisory_lock, reading, writing
from spinewise.store.importers.backup import BackupStream
from spinewise.store.importers.base import ParsedImport, Progress, RawSession, assemble
from spinewise.store.importers.hevy import iter_hevy
from spinewise.store.importers.liftosaur import iter_liftosaur
from spinewise.store.importers.stream import (
    CHUNK_BATCH,
    SET_BATCH,
    Chunks,
    Survey,
    survey,
    write_stream,
)
from spinewise.store.importers.strong import iter_strong
from spinewise.store.importers.wger import parse_wger
from spinewise.store.importers.wgerstream import WgerStream
from spinewise.store.importers.writer import WriteCounts, write_sessions
from spinewise.store.plans import add_custom_exercises, save_plan
from spinewise.store.sessions import athlete_id
from spinewise.store.tables import AssessmentRow, ImportRow, PlanRow, ProfileRow

__all__ = [
    "FORMATS",
    "ImportFormat",
    "ImportReport",
    "import_backup",
    "import_file",
    "parse_file",
]

ImportFormat = Literal["strong", "hevy", "liftosaur", "wger", "json"]
FORMATS: tuple[str, ...] = ("strong", "hevy", "liftosaur", "wger", "json")


@dataclass(frozen=True)
class ImportReport:
    """What an import added, what it found already stored and what it did not recognise."""

    format: str
    file_name: str
    dry_run: bool
    counts: WriteCounts
    custom_added: int = 0
    unrecognised: tuple[Match, ...] = ()
    fuzzy: tuple[Match, ...] = ()
    plans_added: int = 0
    profiles_added: int = 0
    assessments_added: int = 0


@contextmanager
def _bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many acyclic objects.

    Parsing allocates a few objects per set and none of them form cycles, yet every 700
    allocations the collector would scan them all again; pausing it made parsing a
    100,000-set file about 1.5 times faster (bench/import_throughput.py).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _chunks(
    path: Path,
    fmt: str,
    *,
    progress: Progress | None = None,
    weight_unit: str = "kg",
    distance_unit: str = "km",
) -> Chunks:
    """How to read ``path`` chunk by chunk (each call reads it from the start).

    The CSV formats are read a row at a time; wger's JSON is read whole once and its sessions
    are given again on the second call (:func:`parse_file`; imports stream it, :func:`_readers`).
    """
    if fmt == "strong":
        return partial(
            iter_strong,
            path,
            weight_unit=weight_unit,
            distance_unit=distance_unit,
            progress=progress,
        )
    if fmt == "hevy":
        return partial(iter_hevy, path, progress=progress)
    if fmt == "liftosaur":
        return partial(iter_liftosaur, path, progress=progress)
    if fmt == "wger":
        sessions: list[RawSession] = []

        def wger() -> Iterator[RawSession]:
            if not sessions:
                sessions.extend(parse_wger(path, progress=progress))
            return iter(sessions)

        return wger
    raise ValueError(f"not a history format: {fmt!r}")


def _readers(
    path: Path,
    fmt: str,
    matcher: ExerciseMatcher,
    *,
    progress: Progress | None = None,
    weight_unit: str = "kg",
    distance_unit: str = "km",
) -> tuple[Chunks, Chunks]:
    """The two readings of an import: the survey's (told to ``progress``) and the writer's.

    wger's JSON is read as a stream (:class:`.wgerstream.WgerStream`): the second reading
    numbers the sets, from what the first one found.
    """
    if fmt == "wger":
        reader = WgerStream(path, matcher, progress=progress)
        return reader.survey_chunks, reader.write_chunks
    return (
        _chunks(path, fmt, progress=progress, weight_unit=weight_unit, distance_unit=distance_unit),
        _chunks(path, fmt, weight_unit=weight_unit, distance_unit=distance_unit),
    )


def _survey(
    fmt: str, path: Path, read: Chunks, matcher: ExerciseMatcher, today: date | None, name: str
) -> Survey:
    """The first reading (:func:`.stream.survey`).

    For wger, a problem found while checking a set or session waits for the end of the file:
    a value that cannot be read at all, later in the file, is named instead, as when the file
    was read whole before anything was checked.
    """
    chunks = read()
    try:
        with _bulk():
            return survey(fmt, path.name, chunks, matcher, today=today, shown_name=name)
    except MalformedFileError:
        if fmt == "wger":
            try:
                for _chunk in chunks:
                    pass
            except MalformedFileError:
                raise
            except InputError:
                pass  # too many sessions open at once: the first problem is named instead
        raise


def parse_file(
    path: Path,
    fmt: str,
    matcher: ExerciseMatcher,
    *,
    progress: Progress | None = None,
    weight_unit: str = "kg",
    distance_unit: str = "km",
) -> ParsedImport:
    """Parse a whole history file of another app into sessions, in memory (nothing is written).

    Imports do not use it (they stream, :func:`import_file`); it shows what a file holds.
    """
    read = _chunks(
        path, fmt, progress=progress, weight_unit=weight_unit, distance_unit=distance_unit
    )
    with _bulk():
        return assemble(fmt, path.name, _sha256(path), list(read()), matcher)


def _check_dates(sessions: tuple[SessionLog, ...], today: date | None, name: str) -> None:
    """Refuse a file with sessions after tomorrow (``today``: the caller's date)."""
    problems = _future_problems(sessions, today or date.today(), f"{name}: started_at")
    if problems:
        raise InputError(problems)


def _record(athlete: int, fmt: str, name: str, sha: str) -> ImportRow:
    return ImportRow(
        athlete_id=athlete,
        format=fmt,
        file_name=name[:500],
        sha256=sha,
        imported_at=datetime.now().replace(microsecond=0),
        sessions_added=0,
        sets_added=0,
        sets_merged=0,
    )


def import_file(
    engine: Engine,
    path: Path,
    fmt: str,
    athlete: str,
    matcher: ExerciseMatcher,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    weight_unit: str = "kg",
    distance_unit: str = "km",
    today: date | None = None,
    file_name: str | None = None,
) -> ImportReport:
    """Import a Strong, Hevy, Liftosaur or wger history for ``athlete``, all or nothing.

    Sessions after tomorrow (from ``today``, by default the local date) are refused.
    ``file_name`` is the name recorded and reported (by default the path's).
    """
    name = path.name if file_name is None else file_name
    read, quiet = _readers(
        path,
        fmt,
        matcher,
        progress=progress,
        weight_unit=weight_unit,
        distance_unit=distance_unit,
    )
    found = _survey(fmt, path, read, matcher, today, name)
    matches = found.ordered_matches
    unrecognised = tuple(m for m in matches if not m.recognised)
    fuzzy = tuple(m for m in matches if m.method == "fuzzy")
    if dry_run:
        with reading(engine) as db:
            who = athlete_id(db, athlete, create=False)
            counts = write_stream(db, who, found, quiet(), matcher, dry_run=True)
        return ImportReport(fmt, name, True, counts, 0, unrecognised, fuzzy)
    sha = _sha256(path)
    with _bulk(), writing(engine) as db:
        who = athlete_id(db, athlete)
        assert who is not None  # created when missing
        advisory_lock(db, who)
        record = _record(who, fmt, name, sha)
        db.add(record)
        db.flush()
        custom = add_custom_exercises(db, who, found.custom_exercises)
        counts = write_stream(
            db, who, found, quiet(), matcher, import_id=record.id, progress=progress
        )
        record.sessions_added = counts.sessions_added
        record.sets_added = counts.sets_added
        record.sets_merged = counts.sets_merged
    return ImportReport(fmt, name, False, counts, custom, unrecognised, fuzzy)


def _backup_batches(reader: BackupStream) -> Iterator[list[SessionLog]]:
    """The backup's sessions in batches of about :data:`.stream.SET_BATCH` sets.

    A batch holds at most :data:`.stream.CHUNK_BATCH` sessions (a file of one-set sessions).
    """
    batch: list[SessionLog] = []
    size = 0
    for log in reader.sessions():
        batch.append(log)
        size += len(log.sets) + 1
        if size >= SET_BATCH or len(batch) >= CHUNK_BATCH:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _write_backup_sessions(
    db: Session,
    who: int | None,
    path: Path,
    *,
    total: int,
    import_id: int | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> WriteCounts:
    """Read the backup's sessions again and write them a batch at a time (count only: dry run)."""
    counts = WriteCounts()
    for batch in _backup_batches(BackupStream(path, path.name)):
        part = write_sessions(db, who, batch, import_id=import_id, dry_run=dry_run)
        counts = WriteCounts(
            counts.sessions_added + part.sessions_added,
            counts.sessions_merged + part.sessions_merged,
            counts.sets_added + part.sets_added,
            counts.sets_merged + part.sets_merged,
        )
        if progress and not dry_run:
            progress("write", counts.sets_added + counts.sets_merged, total)
    return counts


def import_backup(
    engine: Engine,
    path: Path,
    athlete: str | None = None,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    today: date | None = None,
    file_name: str | None = None,
) -> ImportReport:
    """Restore a backup (into ``athlete``, by default the athlete the backup names).

    Plans are matched by version, profiles and assessments by time, sessions and sets by
    their natural keys; whatever is already stored is left as it is. Sessions after tomorrow
    (from ``today``, by default the local date) are refused. The sessions are read twice, one
    at a time (decision 0277): first to check them, then to write them in batches inside the
    one transaction.
    """
    shown = path.name if file_name is None else file_name
    reader = BackupStream(path, path.name)
    latest = today or date.today()
    future: list[str] = []
    total = 0
    with _bulk():
        for log in reader.sessions():
            total += len(log.sets)
            if len(future) < 20:
                future += _future_problems([log], latest, f"{shown}: started_at")
    if future:
        raise InputError(future)
    backup = reader.head
    assert backup is not None  # set once the sessions are read
    name = athlete or backup.athlete.name
    sha = _sha256(path)
    with writing(engine) as db:
        who = athlete_id(db, name, create=not dry_run)
        if who is not None:
            advisory_lock(db, who)
        versions = (
            set()
            if who is None
            else set(db.scalars(select(PlanRow.version).where(PlanRow.athlete_id == who)))
        )
        profiles = (
            set()
            if who is None
            else set(db.scalars(select(ProfileRow.recorded_at).where(ProfileRow.athlete_id == who)))
        )
        assessed = (
            set()
            if who is None
            else set(
                db.scalars(select(AssessmentRow.recorded_at).where(AssessmentRow.athlete_id == who))
            )
        )
        new_plans = [p for p in backup.plans if p.version not in versions]
        new_profiles = [p for p in backup.profiles if p.recorded_at not in profiles]
        new_assessments = [a for a in backup.assessments if a.recorded_at not in assessed]
        custom: tuple[CustomExercise, ...] = backup.custom_exercises
        if dry_run or who is None:
            counts = _write_backup_sessions(db, who, path, total=total, dry_run=True)
            db.rollback()
            return ImportReport(
                "json",
                shown,
                True,
                counts,
                0,
                (),
                (),
                len(new_plans),
                len(new_profiles),
                len(new_assessments),
            )
        record = _record(who, "json", shown, sha)
        db.add(record)
        for plan in new_plans:
            save_plan(
                db, who, plan.plan, created_at=plan.created_at, seed=plan.seed, version=plan.version
            )
        for prof in new_profiles:
            db.add(ProfileRow(athlete_id=who, recorded_at=prof.recorded_at, profile=prof.profile))
        for item in new_assessments:
            db.add(AssessmentRow(athlete_id=who, recorded_at=item.recorded_at, result=item.result))
        added_custom = add_custom_exercises(db, who, custom)
        db.flush()
        counts = _write_backup_sessions(
            db, who, path, total=total, import_id=record.id, progress=progress
        )
        record.sessions_added = counts.sessions_added
        record.sets_added = counts.sets_added
        record.sets_merged = counts.sets_merged
    return ImportReport(
        "json",
        shown,
        False,
        counts,
        added_custom,
        (),
        (),
        len(new_plans),
        len(new_profiles),
        len(new_assessments),
    )
