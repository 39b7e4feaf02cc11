"""A typed plan turned into display rows, the one input of every plan renderer.

:func:`build_plan_view` reads a :class:`~spinewise.planning.plan.Plan` with the optional parts
the planner adds (phases, notes, habits, disclaimer, weekly volume, weekday, peak compression,
display names, extra sets for one side, the solver's weeks) and those of hand-written plans
(coaching cues, a finding's measured and reference values). A document read from a file becomes
a plan through :meth:`~spinewise.planning.plan.Plan.read`, which names a missing required field
by its path. An unknown field is ignored, except in ``athlete`` (shown as a key-value line).
``habits`` becomes a :class:`~spinewise.report.plan_habits.HabitsView`
(:mod:`spinewise.report.plan_habits_view`).

The rows hold plain, unescaped text; each renderer escapes for its own format.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spinewise.planning.plan import Athlete, Block, Finding, Item, Phase, Plan, Session, Week
from spinewise.report import plan_format as fmt
from spinewise.report.plan_habits import Field, HabitsView, HabitView
from spinewise.report.plan_habits_view import build_habits_view
from spinewise.units import DEFAULT_WEIGHT_UNIT, WeightUnit, weight_text

__all__ = [
    "BlockView",
    "Field",
    "FindingRow",
    "HabitView",
    "HabitsView",
    "ItemRow",
    "PhaseView",
    "PlanView",
    "SessionView",
    "WeekView",
    "build_plan_view",
]


@dataclass(frozen=True)
class ItemRow:
    """One prescribed exercise of a block, as display text."""

    name: str
    exercise_id: str
    dose: str
    tempo: str
    rest: str
    intensity: str  # the target with its spine-load cap beside it (``RPE 7, at most 72.5 kg``)
    why: tuple[str, ...]
    cues: tuple[str, ...]

    @property
    def why_text(self) -> str:
        """The reasons joined into one line."""
        return "; ".join(self.why)

    def line(self) -> str:
        """The whole prescription on one line, for plain-text descriptions."""
        tempo = "" if self.tempo == fmt.MISSING else f", tempo {self.tempo}"
        return f"{self.name}: {self.dose}{tempo}, rest {self.rest}, {self.intensity}"


@dataclass(frozen=True)
class BlockView:
    """A block of a session (prep, power, strength, stability, conditioning, recovery)."""

    kind: str
    title: str
    items: tuple[ItemRow, ...]


@dataclass(frozen=True)
class SessionView:
    """One session; ``date`` is the ISO date or None, ``when`` its display form."""

    week_index: int
    index: int
    label: str
    date: str | None
    when: str
    estimated_minutes: float
    minutes: str
    peak_compression: str | None
    blocks: tuple[BlockView, ...]

    @property
    def heading(self) -> str:
        """``Session 2 · Thu 2026-12-10``, or ``Session 2`` when neither date nor day is known."""
        when = "" if self.when == fmt.MISSING else f" · {self.when}"
        return f"Session {self.index}{when}"


@dataclass(frozen=True)
class WeekView:
    """One week with its sessions and totals; ``habits_hint`` says what the habits ask that week."""

    index: int
    phase: str
    deload: bool
    total_minutes: str
    volume: str | None
    sessions: tuple[SessionView, ...]
    habits_hint: str = ""
    retest: str = ""


@dataclass(frozen=True)
class PhaseView:
    """A phase of the plan: its weeks as ranges and its focus."""

    phase: str
    weeks: str
    focus: str


@dataclass(frozen=True)
class FindingRow:
    """An assessment finding; ``details`` holds measured, reference and source when given."""

    code: str
    severity: str
    summary: str
    details: str


@dataclass(frozen=True)
class PlanView:
    """Everything a renderer shows, in display order."""

    title: str
    athlete_name: str
    athlete: tuple[Field, ...]
    generated: str
    disclaimer: str
    findings: tuple[FindingRow, ...]
    phases: tuple[PhaseView, ...]
    weeks: tuple[WeekView, ...]
    show_volume: bool
    solver: tuple[Field, ...]
    relaxed: tuple[str, ...]
    per_week: tuple[tuple[str, str, str], ...]
    notes: tuple[str, ...]
    habits: HabitsView | None

    @property
    def sessions(self) -> tuple[SessionView, ...]:
        """Every session of the plan in order."""
        return tuple(s for w in self.weeks for s in w.sessions)


_ATHLETE_LABELS = {
    "name": ("Name", ""),
    "sex": ("Sex", ""),
    "age": ("Age", " years"),
    "body_mass_kg": ("Body mass", " kg"),
    "training_experience": ("Training experience", ""),
}


def _athlete(athlete: Athlete, unit: WeightUnit) -> tuple[Field, ...]:
    known: dict[str, object] = {
        "name": athlete.name,
        "sex": athlete.sex,
        "age": athlete.age,
        "body_mass_kg": athlete.body_mass_kg,
        "training_experience": athlete.training_experience,
    }
    kept = dict(athlete.layout.kept())
    fields = []
    for key in athlete.layout.keys or tuple(known):
        value = kept[key] if key in kept else known[key]
        label, suffix = _ATHLETE_LABELS.get(key, (fmt.humanize_key(key), ""))
        if key == "body_mass_kg" and isinstance(value, int | float) and unit != "kg":
            fields.append(Field(label, weight_text(float(value), unit, decimals=1)))
            continue
        text = fmt.flatten_value(value)
        fields.append(Field(label, text + suffix if value is not None else text))
    return tuple(fields)


def _finding(f: Finding) -> FindingRow:
    details = []
    if f.measured is not None:
        details.append(f"measured {fmt.number_text(f.measured)}")
    if f.reference is not None:
        details.append(f"reference {fmt.number_text(f.reference)}")
    text = ", ".join(details)
    if f.source:
        text = f"{text} ({f.source})" if text else f.source
    return FindingRow(code=f.code, severity=f.severity, summary=f.summary, details=text)


def _item(item: Item, unit: WeightUnit) -> ItemRow:
    return ItemRow(
        name=fmt.item_name(item),
        exercise_id=item.exercise_id,
        dose=fmt.dose_text(item.dose),
        tempo=fmt.tempo_text(item.dose.tempo),
        rest=fmt.rest_text(item.dose.rest_s),
        intensity=fmt.intensity_cap_text(item, unit),
        why=item.why,
        cues=item.cues,
    )


def _block(block: Block, unit: WeightUnit) -> BlockView:
    return BlockView(
        kind=block.kind,
        title=fmt.BLOCK_TITLES.get(block.kind, fmt.humanize_key(block.kind)),
        items=tuple(_item(it, unit) for it in block.items),
    )


def _session(week: Week, s: Session, unit: WeightUnit) -> SessionView:
    peak = s.peak_compression_n
    return SessionView(
        week_index=week.index,
        index=s.index,
        label=fmt.session_label(week, s),
        date=None if s.date is None else s.date.isoformat(),
        when=fmt.when_text(s),
        estimated_minutes=float(s.estimated_minutes),
        minutes=fmt.minutes_text(s.estimated_minutes),
        peak_compression=(f"{peak:,.0f} N" if peak is not None else None),
        blocks=tuple(_block(b, unit) for b in s.blocks),
    )


def _retests(plan: Plan) -> dict[int, str]:
    """Week -> the retest's words (``Retest after session 3: ...``)."""
    out: dict[int, str] = {}
    for r in plan.retests:
        if r.week is None:
            continue
        after = f" after session {r.session}" if r.session is not None else ""
        out[int(r.week)] = f"Retest{after}: {r.what or ''}".strip()
    return out


def _week(
    w: Week, habits: HabitsView | None, retests: Mapping[int, str], unit: WeightUnit
) -> WeekView:
    sessions = tuple(_session(w, s, unit) for s in w.sessions)
    volume = f"{round(w.volume_s / 60)} min" if w.volume_s is not None else None
    return WeekView(
        index=w.index,
        phase=w.phase,
        deload=w.deload,
        total_minutes=fmt.minutes_text(sum(s.estimated_minutes for s in sessions)),
        volume=volume,
        sessions=sessions,
        habits_hint=habits.hint(w.index) if habits is not None else "",
        retest=retests.get(w.index, ""),
    )


def _phases(phases: tuple[Phase, ...]) -> tuple[PhaseView, ...]:
    return tuple(
        PhaseView(phase=p.phase, weeks=fmt.week_ranges(p.weeks), focus=p.focus) for p in phases
    )


def _solver(plan: Plan) -> tuple[tuple[Field, ...], tuple[tuple[str, str, str], ...]]:
    solver = plan.solver
    fields = (
        Field("Status", solver.status),
        Field("Solve time", f"{solver.solve_seconds:.2f} s"),
    )
    per_week = tuple(
        (fmt.number_text(row.week), fmt.number_text(row.status), fmt.number_text(row.objective))
        for row in solver.per_week
    )
    return fields, per_week


def build_plan_view(plan: Plan, unit: WeightUnit = DEFAULT_WEIGHT_UNIT) -> PlanView:
    """Turn a plan into the display rows every renderer uses.

    Parameters
    ----------
    plan
        The plan; a document read from a file is first read with
        :meth:`~spinewise.planning.plan.Plan.read`, which checks its required fields.
    unit
        The unit loads, load caps and body mass are written in ("kg" or "lb"; the plan keeps kg).
    """
    athlete = plan.athlete
    name = athlete.name or "athlete"
    gen = plan.generated_by
    generated = " · ".join(
        (
            f"spinewise {gen.version or '?'}",
            f"catalogue {gen.catalog_version or '?'}",
            f"seed {'?' if gen.seed is None else gen.seed}",
        )
    )
    disclaimer = plan.disclaimer.strip()
    if "medical device" not in disclaimer.lower():
        disclaimer = f"{fmt.BASE_DISCLAIMER} {disclaimer}".strip()
    solver_fields, per_week = _solver(plan)
    habits = build_habits_view(plan.habits)
    retests = _retests(plan)
    weeks = tuple(_week(w, habits, retests, unit) for w in plan.weeks)
    return PlanView(
        title=f"spinewise plan for {name}",
        athlete_name=name,
        athlete=_athlete(athlete, unit),
        generated=generated,
        disclaimer=disclaimer,
        findings=tuple(_finding(f) for f in plan.findings),
        phases=_phases(plan.phases),
        weeks=weeks,
        show_volume=any(w.volume is not None for w in weeks),
        solver=solver_fields,
        relaxed=tuple(fmt.relaxed_text(r) for r in plan.solver.relaxed),
        per_week=per_week,
        notes=plan.notes,
        habits=habits,
    )
