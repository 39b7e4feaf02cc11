"""Walk through a planned session, set by set, and return what was done as a :class:`SessionLog`.

The terminal is reached only through the functions passed in (``ask``, ``say``, ``sleep``,
``now``), so the walk-through runs in tests instantly with scripted answers. Holds get a
countdown (one tick a second) and tempo items a count of each phase of each repetition;
every prescribed value is the default answer, so Enter accepts it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from spinewise.logbook.entries import PainScores, PlannedRef, Readiness, SessionLog, SetLog, Side
from spinewise.logbook.planned import PlannedItem, PlannedSession

__all__ = ["ExerciseInfo", "Prompter", "walk_session"]

T = TypeVar("T", int, float)

_PHASES = ("down", "pause", "up", "pause")


@dataclass(frozen=True)
class ExerciseInfo:
    """What the walk-through shows of an exercise: its name, coaching cues and similar exercises.

    ``also_like`` names similar exercises, shown on one line ("You may also like: ...").
    """

    name: str
    cues: tuple[str, ...] = ()
    also_like: tuple[str, ...] = ()


@dataclass(frozen=True)
class Prompter:
    """The terminal, as functions.

    Attributes
    ----------
    ask
        ``ask(question, default) -> answer``; an empty answer means the default.
    say
        Print one line.
    sleep
        Wait [s].
    now
        The current local time.
    """

    ask: Callable[[str, str], str]
    say: Callable[[str], None]
    sleep: Callable[[float], None]
    now: Callable[[], datetime]

    def number(
        self, question: str, kind: type[T], low: T, high: T, default: T | None = None
    ) -> T | None:
        """Ask for a number in ``[low, high]`` until one is given; blank gives ``default``."""
        while True:
            shown = "" if default is None else f"{default:g}"
            answer = self.ask(question, shown).strip() or shown
            if not answer:
                return None
            try:
                value = kind(answer)
            except ValueError:
                self.say(f"  {question}: expected a number from {low} to {high}, got {answer!r}")
                continue
            if low <= value <= high:
                return value
            self.say(f"  {question}: must be {low} to {high}, got {answer}")


def _countdown(io: Prompter, seconds: float) -> None:
    whole = int(seconds)
    for remaining in range(whole, 0, -1):
        io.say(f"  {remaining}")
        io.sleep(1.0)
    if seconds > whole:
        io.sleep(seconds - whole)
    io.say("  Done.")


def _tempo_count(io: Prompter, tempo: str, reps: int) -> None:
    for rep in range(1, reps + 1):
        io.say(f"  Rep {rep}")
        for phase, part in zip(_PHASES, tempo.split("-"), strict=True):
            if part == "X":
                io.say(f"    {phase}: fast")
                io.sleep(0.5)
                continue
            for count in range(1, int(part) + 1):
                io.say(f"    {phase} {count}")
                io.sleep(1.0)


def _one_set(
    io: Prompter, item: PlannedItem, number: int, side: Side | None, timers: bool
) -> SetLog:
    side_text = "" if side is None else f" ({side})"
    io.say(f"Set {number} of {item.sets}{side_text}")
    hold_s = reps = None
    if item.hold_s is not None:
        if timers:
            io.ask(f"Enter to start the {item.hold_s:g}-s hold", "")
            _countdown(io, item.hold_s)
        hold_s = io.number("Held for [s]", float, 0.0, 3600.0, item.hold_s)
    if item.reps is not None:
        if timers and item.tempo is not None:
            io.ask(f"Enter to start, tempo {item.tempo}", "")
            _tempo_count(io, item.tempo, item.reps)
        reps = io.number("Reps done", int, 0, 1000, item.reps)
    load_kg = io.number("Load [kg] (blank: none)", float, -500.0, 1000.0)
    rpe = io.number("RPE 0-10 (blank: skip)", float, 0.0, 10.0)
    return SetLog(
        exercise_id=item.exercise_id,
        set_number=number,
        side=side,
        reps=reps,
        load_kg=load_kg,
        hold_s=hold_s,
        distance_m=item.distance_m,
        tempo=item.tempo,
        rpe=rpe,
        target_reps=item.reps,
        target_hold_s=item.hold_s,
        target_distance_m=item.distance_m,
        target_rpe=item.intensity_value if item.intensity_kind == "rpe" else None,
        target_rir=item.intensity_value if item.intensity_kind == "rir" else None,
    )


def _dose(item: PlannedItem) -> str:
    amount = (
        f"{item.reps} reps"
        if item.reps is not None
        else f"{item.hold_s:g}-s hold"
        if item.hold_s is not None
        else f"{item.distance_m or 0:g} m"
    )
    side = " per side" if item.per_side else ""
    tempo = f", tempo {item.tempo}" if item.tempo else ""
    return f"{item.sets} x {amount}{side}{tempo}, rest {item.rest_s} s"


def walk_session(
    planned: PlannedSession,
    plan_version: int,
    io: Prompter,
    lookup: Callable[[str], ExerciseInfo | None],
    *,
    timers: bool = True,
) -> SessionLog:
    """Guide the athlete through ``planned`` and return the session they logged.

    Parameters
    ----------
    planned
        The planned session (the next session, as :mod:`spinewise.services.schedule` chose it).
    plan_version
        The stored version of the plan it belongs to.
    io
        The terminal.
    lookup
        Name and cues of an exercise id (``None`` when unknown).
    timers
        Run hold countdowns, tempo counts and rest timers.
    """
    started_at = io.now().replace(microsecond=0)
    io.say(f"Week {planned.week}, session {planned.session}")
    io.say("Before you start:")
    readiness = Readiness(
        sleep_h=io.number("Sleep last night [h] (blank: skip)", float, 0.0, 24.0),
        soreness=io.number("Soreness 1-5 (blank: skip)", int, 1, 5),
        stress=io.number("Stress 1-5 (blank: skip)", int, 1, 5),
        energy=io.number("Energy 1-5 (blank: skip)", int, 1, 5),
    )
    pain_before = io.number("Back pain now, 0-10", int, 0, 10)
    sets: list[SetLog] = []
    for item in planned.items:
        info = lookup(item.exercise_id)
        io.say("")
        io.say(f"[{item.block}] {info.name if info else item.exercise_id}: {_dose(item)}")
        for cue in info.cues if info else ():
            io.say(f"  - {cue}")
        if info and info.also_like:
            io.say(f"  You may also like: {', '.join(info.also_like)}")
        sides: tuple[Side | None, ...] = ("left", "right") if item.per_side else (None,)
        for number in range(1, item.sets + 1):
            for side in sides:
                sets.append(_one_set(io, item, number, side, timers))
            if timers and item.rest_s > 0 and number < item.sets:
                io.say(f"Rest {item.rest_s} s")
                io.sleep(float(item.rest_s))
    io.say("")
    io.say("After the session:")
    session_rpe = io.number("Session RPE 0-10 (how hard was it?)", int, 0, 10)
    pain_during = io.number("Highest back pain during, 0-10", int, 0, 10)
    pain_after = io.number("Back pain now, 0-10", int, 0, 10)
    notes = io.ask("Notes (blank: none)", "").strip() or None
    minutes = (io.now() - started_at).total_seconds() / 60.0
    return SessionLog(
        started_at=started_at,
        duration_min=round(max(minutes, 0.0), 1),
        session_rpe=session_rpe,
        pain=PainScores(before=pain_before, during=pain_during, after=pain_after),
        readiness=readiness,
        notes=notes,
        source="today",
        planned=PlannedRef(plan_version=plan_version, week=planned.week, session=planned.session),
        sets=tuple(sets),
    )
