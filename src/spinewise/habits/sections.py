"""The ``habits`` section of a plan as typed, immutable records.

:func:`spinewise.habits.build_habits` makes a :class:`Habits`; the plan holds it
(:attr:`spinewise.planning.plan.Plan.habits`) and the habits views read its fields. In JSON each
record is an object whose keys are the field names (``docs/science/habits.md``);
``Habits.from_json(doc).to_json()`` gives back ``doc`` byte for byte. Reading is lenient
(:class:`spinewise.json_record.JsonRecord`): a part that is missing, ``null`` or of the wrong
type reads as ``None`` (or an empty tuple), so a plan written by another version still shows
what can be read.

Units: ``*_min`` and ``minutes*`` fields are minutes, ``seconds`` seconds, ``*_h`` hours;
``weeks`` and ``week`` are 1-based plan weeks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from spinewise.education.bibliography import Citation
from spinewise.json_record import NEW_LAYOUT, JsonRecord, Layout

__all__ = [
    "BalanceDose",
    "BalancePractice",
    "BalanceStage",
    "BreakMove",
    "Breathing",
    "BreathingPhase",
    "CheckInQuestion",
    "CheckInRule",
    "CheckInSection",
    "DeloadWeeks",
    "Drill",
    "Habits",
    "MovementBreaks",
    "Recovery",
    "RestDays",
    "Sleep",
    "Source",
    "Walking",
    "WalkingDose",
]

Number = int | float


@dataclass(frozen=True, slots=True)
class Source(JsonRecord):
    """A claim and the publication that supports it, with its status (``C``, ``U``...)."""

    ref: str | None
    cite: str | None
    supports: str | None
    status: str | None
    layout: Layout = field(default=NEW_LAYOUT, compare=False, repr=False)

    @classmethod
    def of_all(cls, citations: Iterable[Citation]) -> tuple[Source, ...]:
        """The sources of these citations, in order."""
        return tuple(cls(c.ref, c.cite, c.supports, c.status) for c in citations)


@dataclass(frozen=True, slots=True)
class Drill(JsonRecord):
    """A catalogue exercise named in a habit."""

    exercise_id: str | None
    name: str | None
    layout: Layout = field(default=NEW_LAYOUT, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class BreathingPhase(JsonRecord):
    """The breathing practice in one phase: its weeks, daily minutes [min], focus and drills."""

    phase: str | None
    weeks: tuple[int, ...]
    minutes_per_day: Number | None
    days_per_week: Number | None
    focus: str | None
    exercises: tuple[Drill, ...]
    layout: Layout = field(default=NEW_LAYOUT, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Breathing(JsonRecord):
    """``habits.breathing``: breathing and bracing practice, by phase."""

    id: str | None
    title: str | None
    what: str | None
    why: tuple[str, ...]
    by_phase: tuple[BreathingPhase, ...]
    deload: str | None
    sources: tuple[Source, ...]
    page: str | None
    layout: Layout = field(default=NEW_LAYOUT, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class BreakMove(JsonRecord):
    """A move of the break menu: its dose in words and the time one set takes [s]."""

    exercise_id: str | None
    name: str | None
    dose: str | None
    seconds: Number | None
    layout: Layout = field(default=NEW_LAYOUT, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class MovementBreaks(JsonRecord):
    """``habits.movement_breaks``: a break every ``every_min`` [min] of ``duration_min`` [min]."""

    id: str | None
    title: str | None
    what: str | None
    why: tuple[str, ...]
    triggers: tuple[str, ...]
    every_min: Number | None
    duration_min: Number | None
    menu: tuple[BreakMove, ...]
    by_phase: str | None
    sources: tuple[Source, ...]
    page: str | None
    layout: Layout = field(default=NEW_LAYOUT, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class WalkingDose(JsonRecord):
    """One week of the walking programme: days × ``minutes_per_day`` [min]."""

    week: int | None
    phase: str | None
    deload: bool | None
    days: int | None
    minutes_per_day: Number | None
    weekly_minutes: Number | None
    pace: str | None
    layout: Layout = field(default=NEW_LAYOUT, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Walking(JsonRecord):
    """``habits.walking``: progressive walking, each walk at most ``cap_min_per_day`` [min]."""

    id: str | None
    title: str | None
    what: str | None
    why: tuple[str, ...]
    cap_min_per_day: Number | None
    budget: str | None
    weeks: tuple[WalkingDose, ...]
    notes: tuple[str, ...]
    sources: tuple[Source, ...]
    page: str | None
    layout: Layout = field(default=NEW_LAYOUT, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class BalanceDose(JsonRecord):
    """One week of balance practice: at home [days × min], in the sessions and in total [min]."""

    week: int | None
    phase: str | None
    deload: bool | None
    days: int | None
    minutes_per_day: Number | None
    weekly_minutes: Number | None
    session_minutes: Number | None
    total_minutes: Number | None
    layout: Layout = field(default=NEW_LAYOUT, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class BalanceStage(JsonRecord):
    """The balance drills from week ``from_week`` on."""

    from_week: int | None
    drills: tuple[str, ...]
    layout: Layout = field(default=NEW_LAYOUT, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class BalancePractice(JsonRecord):
    """``habits.balance_practice``: standing balance at home toward ``target_min_per_week``."""

    id: str | None
    title: str | None
    what: str | None
    why: tuple[str, ...]
    target_min_per_week: Number | None
    weeks: tuple[BalanceDose, ...]
    stages: tuple[BalanceStage, ...]
    notes: tuple[str, ...]
    sources: tuple[Source, ...]
    page: str | None
    layout: Layout = field(default=NEW_LAYOUT, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Sleep(JsonRecord):
    """``habits.recovery.sleep``."""

    title: str | None
    what: str | None
    why: tuple[str, ...]
    sources: tuple[Source, ...]
    page: str | None
    layout: Layout = field(default=NEW_LAYOUT, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class RestDays(JsonRecord):
    """``habits.recovery.rest_days``: the weekdays without a session (``mon`` ... ``sun``)."""

    title: str | None
    weekdays: tuple[str, ...] | None
    what: str | None
    page: str | None
    layout: Layout = field(default=NEW_LAYOUT, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class DeloadWeeks(JsonRecord):
    """``habits.recovery.deload_weeks``: the plan's deload weeks and what they are for."""

    title: str | None
    weeks: tuple[int, ...] | None
    what: str | None
    sources: tuple[Source, ...]
    page: str | None
    layout: Layout = field(default=NEW_LAYOUT, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Recovery(JsonRecord):
    """``habits.recovery``: sleep, rest days and deload weeks."""

    id: str | None
    title: str | None
    sleep: Sleep | None
    rest_days: RestDays | None
    deload_weeks: DeloadWeeks | None
    layout: Layout = field(default=NEW_LAYOUT, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class CheckInQuestion(JsonRecord):
    """A check-in question and its range, ``min`` to ``max`` in ``unit`` (``h`` or ``score``)."""

    id: str | None
    text: str | None
    unit: str | None
    min: Number | None
    max: Number | None
    whole: bool | None
    low: str | None
    high: str | None
    layout: Layout = field(default=NEW_LAYOUT, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class CheckInRule(JsonRecord):
    """A check-in rule in words: ``when`` it fires, its ``level`` and the page explaining it."""

    rule: str | None
    level: str | None
    page: str | None
    when: str | None
    layout: Layout = field(default=NEW_LAYOUT, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class CheckInSection(JsonRecord):
    """``habits.check_in``: the morning questions and the rules in plain words."""

    id: str | None
    title: str | None
    what: str | None
    questions: tuple[CheckInQuestion, ...]
    rules: tuple[CheckInRule, ...]
    sources: tuple[Source, ...]
    page: str | None
    layout: Layout = field(default=NEW_LAYOUT, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Habits(JsonRecord):
    """A plan's daily habits: each habit (``None`` when it does not apply) and the pages to read.

    Attributes
    ----------
    not_included
        ``(habit key, why it is left out)``.
    finding_pages, phase_pages
        ``(finding code or phase, education page id)``.
    pages
        Every page this person should read, their own first.
    """

    schema_version: int | None
    breathing: Breathing | None
    movement_breaks: MovementBreaks | None
    walking: Walking | None
    balance_practice: BalancePractice | None
    recovery: Recovery | None
    check_in: CheckInSection | None
    not_included: tuple[tuple[str, str], ...]
    finding_pages: tuple[tuple[str, str], ...]
    phase_pages: tuple[tuple[str, str], ...]
    pages: tuple[str, ...]
    layout: Layout = field(default=NEW_LAYOUT, compare=False, repr=False)

    @classmethod
    def read(cls, value: object) -> Habits | None:
        """The habits in a plan's ``habits`` value, or None when it is not a JSON object."""
        return cls.from_json(value) if isinstance(value, Mapping) else None
