"""Logging: whole sessions, next-morning pain, the history, and whose log it is."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date

from spinewise.errors import InputError
from spinewise.logbook import (
    CUSTOM_PREFIX,
    AssessmentRecord,
    CustomExercise,
    PlannedRef,
    ProfileRecord,
    SessionLog,
    SetLog,
    future_problems,
)
from spinewise.logbook.records import ExerciseHistory, exercise_history
from spinewise.services.handle import Store
from spinewise.services.views import catalog_lookup
from spinewise.store import (
    StoredSession,
    add_custom_exercises,
    add_session,
    athlete_id,
    count_logged_sessions,
    count_sessions,
    delete_session,
    latest_plan,
    list_assessments,
    list_profiles,
    list_sessions,
    page_sessions,
    reading,
    set_next_morning_pain,
    writing,
)
from spinewise.store.engine import advisory_lock
from spinewise.units import DEFAULT_WEIGHT_UNIT, WeightUnit

__all__ = [
    "ProgressInputs",
    "athlete_named",
    "check_exercises",
    "delete_logged_session",
    "exercise_record",
    "history",
    "history_page",
    "log_session",
    "log_size",
    "logged_session_count",
    "planned_ref",
    "progress_inputs",
    "record_next_morning",
]


def athlete_named(store: Store, name: str, *, create: bool = True) -> int | None:
    """The id of the athlete called ``name`` (created when missing unless ``create`` is off)."""
    if create:
        with writing(store.engine) as db:
            return athlete_id(db, name)
    with reading(store.engine) as db:
        return athlete_id(db, name, create=False)


def check_exercises(sets: Iterable[SetLog], known: Collection[str] | None = None) -> set[str]:
    """Custom ids the sets use; an input error for ids neither custom nor known.

    ``known`` are the catalogue's ids (the packaged catalogue when not given; no check when it
    cannot be read).
    """
    sets = tuple(sets)
    ids = set(catalog_lookup()) if known is None else set(known)
    problems = [
        f'sets[{i}].exercise_id: not in the catalogue and not custom:<name>, got "{s.exercise_id}"'
        for i, s in enumerate(sets)
        if ids and not s.exercise_id.startswith(CUSTOM_PREFIX) and s.exercise_id not in ids
    ]
    if problems:
        raise InputError(problems)
    return {s.exercise_id for s in sets if s.exercise_id.startswith(CUSTOM_PREFIX)}


def custom_exercises(ids: Iterable[str], *, source: str) -> list[CustomExercise]:
    """The custom exercises of ``ids`` (``custom:<name>``), named after their id, in id order."""
    return [
        CustomExercise(id=c, name=c.removeprefix(CUSTOM_PREFIX), source=source) for c in sorted(ids)
    ]


def log_session(
    store: Store,
    athlete: int,
    log: SessionLog,
    *,
    source: str,
    known: Collection[str] | None = None,
    today: date | None = None,
) -> int:
    """Store a whole session (the backup shape) and its custom exercises; the session's id.

    With ``today`` (the person's local date), a session that starts after tomorrow is refused:
    a log records what was done.
    """
    if today is not None:
        problems = future_problems([log], today)
        if problems:
            raise InputError(problems)
    custom = check_exercises(log.sets, known)
    with writing(store.engine) as db:
        advisory_lock(db, athlete)
        add_custom_exercises(db, athlete, custom_exercises(custom, source=source))
        return add_session(db, athlete, log)


def log_size(store: Store, athlete: int) -> tuple[int, int]:
    """``(sessions, sets)`` the athlete has logged (counted by the database)."""
    with reading(store.engine) as db:
        return count_sessions(db, athlete)


def logged_session_count(store: Store, athlete: int) -> int:
    """How many sessions the athlete has logged (the sets are not counted: the log page's total)."""
    with reading(store.engine) as db:
        return count_logged_sessions(db, athlete)


def delete_logged_session(store: Store, athlete: int, session_id: int) -> bool:
    """Delete one of the athlete's sessions and its sets; ``False`` if it is not theirs."""
    with writing(store.engine) as db:
        advisory_lock(db, athlete)
        return delete_session(db, athlete, session_id)


def planned_ref(store: Store, athlete: int, week: int, session: int) -> PlannedRef:
    """The reference to week ``week``, session ``session`` of the athlete's newest plan."""
    with reading(store.engine) as db:
        plan = latest_plan(db, athlete)
    if plan is None:
        raise InputError("--plan-week: no plan is stored for this athlete")
    return PlannedRef(plan_version=plan.record.version, week=week, session=session)


def record_next_morning(store: Store, athlete: int, day: date, pain: int) -> int:
    """Next-morning pain on the last session of ``day``; that session's id."""
    with writing(store.engine) as db:
        return set_next_morning_pain(db, athlete, day, pain)


def history(
    store: Store,
    athlete: int,
    *,
    since: date | None = None,
    until: date | None = None,
    exercise_id: str | None = None,
) -> list[StoredSession]:
    """The athlete's sessions in time order, filtered by day and exercise."""
    with reading(store.engine) as db:
        return list_sessions(db, athlete, since=since, until=until, exercise_id=exercise_id)


def history_page(
    store: Store, athlete: int, *, limit: int, offset: int = 0, newest_first: bool = False
) -> list[StoredSession]:
    """One page of the athlete's sessions in time order (or newest first)."""
    with reading(store.engine) as db:
        return page_sessions(db, athlete, limit=limit, offset=offset, newest_first=newest_first)


@dataclass(frozen=True)
class ProgressInputs:
    """What the progress views read: the log's window, profiles and assessments, oldest first.

    ``n_sessions`` and ``n_sets`` count the whole log (not only the window).
    """

    sessions: tuple[SessionLog, ...]
    profiles: tuple[ProfileRecord, ...]
    assessments: tuple[AssessmentRecord, ...]
    n_sessions: int = 0
    n_sets: int = 0


def progress_inputs(
    store: Store, athlete: int, *, since: date | None = None, until: date | None = None
) -> ProgressInputs:
    """The log between ``since`` and ``until`` (days, inclusive), profiles and assessments."""
    with reading(store.engine) as db:
        n_sessions, n_sets = count_sessions(db, athlete)
        return ProgressInputs(
            tuple(s.log for s in list_sessions(db, athlete, since=since, until=until)),
            tuple(list_profiles(db, athlete)),
            tuple(list_assessments(db, athlete)),
            n_sessions,
            n_sets,
        )


def exercise_record(
    store: Store, athlete: int, exercise_id: str, unit: WeightUnit = DEFAULT_WEIGHT_UNIT
) -> ExerciseHistory:
    """One exercise's logged sessions (newest first) and the person's records on it.

    Loads are written in ``unit`` ("kg" or "lb").
    """
    with reading(store.engine) as db:
        stored = list_sessions(db, athlete, exercise_id=exercise_id)
    return exercise_history([s.log for s in stored], exercise_id, unit)
