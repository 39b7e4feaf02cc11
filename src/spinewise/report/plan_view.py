"""A plan JSON dict turned into display rows, the one input of every plan renderer.

:func:`build_plan_view` reads a plan that follows ``contracts/plan.schema.json`` and the optional
fields the planner adds (``phases``, ``notes``, ``habits``, ``disclaimer``, ``volume_s``, ``day``,
``peak_compression_n``, ``name``, ``cues``, ``extra_sets_side``, ``solver.per_week``). Every
optional field may be absent; an unknown field is ignored, except in ``athlete`` (shown as a
key-value line). ``habits`` becomes a :class:`~spinewise.report.plan_habits.HabitsView`
(:mod:`spinewise.report.plan_habits_view`), read leniently. A missing required field
raises :class:`~spinewise.errors.InputError` naming its path with 0-based list positions, e.g.
``weeks[2].sessions[1].blocks``.

The rows hold plain, unescaped text; each renderer escapes for its own format.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spinewise.errors import InputError
from spinewise.habits.sections import Habits
from spinewise.planning.plan import Plan
from spinewise.report import plan_format as fmt
from spinewise.report.plan_habits import Field, HabitsView, HabitView
from spinewise.report.plan_habits_view import build_habits_view

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


def _need(obj: Mapping[str, Any], key: str, path: str) -> Any:
    if key not in obj:
        raise InputError(f"{path}.{key}: required field missing")
    return obj[key]


def _mapping(value: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InputError(f"{path}: must be an object, got {type(value).__name__}")
    return value


def _list(value: Any, path: str) -> Sequence[Any]:
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise InputError(f"{path}: must be a list, got {type(value).__name__}")
    return value


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Sequence):
        return tuple(fmt.flatten_value(v) for v in value)
    return ()


_ATHLETE_LABELS = {
    "name": ("Name", ""),
    "sex": ("Sex", ""),
    "age": ("Age", " years"),
    "body_mass_kg": ("Body mass", " kg"),
    "training_experience": ("Training experience", ""),
}


def _athlete(athlete: Mapping[str, Any]) -> tuple[Field, ...]:
    fields = []
    for key, value in athlete.items():
        label, unit = _ATHLETE_LABELS.get(key, (fmt.humanize_key(key), ""))
        text = fmt.flatten_value(value)
        fields.append(Field(label, text + unit if value is not None else text))
    return tuple(fields)


def _finding(raw: Any, path: str) -> FindingRow:
    f = _mapping(raw, path)
    details = []
    if f.get("measured") is not None:
        details.append(f"measured {fmt.flatten_value(f['measured'])}")
    if f.get("reference") is not None:
        details.append(f"reference {fmt.flatten_value(f['reference'])}")
    text = ", ".join(details)
    if f.get("source"):
        text = f"{text} ({f['source']})" if text else str(f["source"])
    return FindingRow(
        code=str(_need(f, "code", path)),
        severity=str(_need(f, "severity", path)),
        summary=str(_need(f, "summary", path)),
        details=text,
    )


def _item(raw: Any, path: str) -> ItemRow:
    item = _mapping(raw, path)
    for key in ("exercise_id", "sets", "why"):
        _need(item, key, path)
    return ItemRow(
        name=fmt.item_name(item),
        exercise_id=str(item["exercise_id"]),
        dose=fmt.dose_text(item),
        tempo=fmt.tempo_text(item.get("tempo")),
        rest=fmt.rest_text(item.get("rest_s")),
        intensity=fmt.intensity_cap_text(item),
        why=_strings(item["why"]),
        cues=_strings(item.get("cues")),
    )


def _block(raw: Any, path: str) -> BlockView:
    block = _mapping(raw, path)
    kind = str(_need(block, "kind", path))
    items = _list(_need(block, "items", path), f"{path}.items")
    return BlockView(
        kind=kind,
        title=fmt.BLOCK_TITLES.get(kind, fmt.humanize_key(kind)),
        items=tuple(_item(it, f"{path}.items[{i}]") for i, it in enumerate(items)),
    )


def _session(week: Mapping[str, Any], raw: Any, path: str) -> SessionView:
    s = _mapping(raw, path)
    blocks = _list(_need(s, "blocks", path), f"{path}.blocks")
    date = _need(s, "date", path)
    minutes = _need(s, "estimated_minutes", path)
    peak = s.get("peak_compression_n")
    return SessionView(
        week_index=int(week["index"]),
        index=int(_need(s, "index", path)),
        label=fmt.session_label(week, s),
        date=date if isinstance(date, str) else None,
        when=fmt.when_text(s),
        estimated_minutes=float(minutes) if fmt.is_number(minutes) else 0.0,
        minutes=fmt.minutes_text(minutes),
        peak_compression=(f"{peak:,.0f} N" if fmt.is_number(peak) else None),
        blocks=tuple(_block(b, f"{path}.blocks[{i}]") for i, b in enumerate(blocks)),
    )


def _retests(raw: Any) -> dict[int, str]:
    """Week -> the retest's words (``Retest after session 3: ...``)."""
    out: dict[int, str] = {}
    for r in raw if isinstance(raw, list) else ():
        if not isinstance(r, Mapping) or not fmt.is_number(r.get("week")):
            continue
        session = r.get("session")
        after = f" after session {session}" if fmt.is_number(session) else ""
        out[int(r["week"])] = f"Retest{after}: {fmt.flatten_value(r.get('what', ''))}".strip()
    return out


def _week(
    raw: Any, path: str, habits: HabitsView | None, retests: Mapping[int, str] | None = None
) -> WeekView:
    w = _mapping(raw, path)
    for key in ("index", "phase", "deload"):
        _need(w, key, path)
    sessions = tuple(
        _session(w, s, f"{path}.sessions[{i}]")
        for i, s in enumerate(_list(_need(w, "sessions", path), f"{path}.sessions"))
    )
    volume_s = w.get("volume_s")
    volume = f"{round(volume_s / 60)} min" if fmt.is_number(volume_s) else None
    return WeekView(
        index=int(w["index"]),
        phase=str(w["phase"]),
        deload=bool(w["deload"]),
        total_minutes=fmt.minutes_text(sum(s.estimated_minutes for s in sessions)),
        volume=volume,
        sessions=sessions,
        habits_hint=habits.hint(int(w["index"])) if habits is not None else "",
        retest=(retests or {}).get(int(w["index"]), ""),
    )


def _phases(raw: Any) -> tuple[PhaseView, ...]:
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        return ()
    return tuple(
        PhaseView(
            phase=str(p.get("phase", "")),
            weeks=fmt.week_ranges(p["weeks"] if isinstance(p.get("weeks"), list) else ()),
            focus=fmt.flatten_value(p.get("focus", "")),
        )
        for p in raw
        if isinstance(p, Mapping)
    )


def _solver(
    solver: Mapping[str, Any],
) -> tuple[tuple[Field, ...], tuple[tuple[str, str, str], ...]]:
    seconds = _need(solver, "solve_seconds", "solver")
    fields = [
        Field("Status", str(_need(solver, "status", "solver"))),
        Field(
            "Solve time",
            f"{seconds:.2f} s" if fmt.is_number(seconds) else fmt.MISSING,
        ),
    ]
    per_week = tuple(
        (
            fmt.number_text(row.get("week")),
            fmt.number_text(row.get("status")),
            fmt.number_text(row.get("objective")),
        )
        for row in solver.get("per_week") or ()
        if isinstance(row, Mapping)
    )
    return tuple(fields), per_week


def build_plan_view(plan: Plan | Mapping[str, Any]) -> PlanView:
    """Turn a plan into the display rows every renderer uses.

    Parameters
    ----------
    plan
        A :class:`~spinewise.planning.plan.Plan`, or a plan document read from a file (following
        ``docs/contracts/plan.schema.json``, optional fields allowed), checked here.

    Raises
    ------
    InputError
        A required field is missing or has the wrong shape; the message names its path.
    """
    typed_habits = plan.habits if isinstance(plan, Plan) else None
    plan = plan.to_json() if isinstance(plan, Plan) else _mapping(plan, "plan")
    athlete = _mapping(_need(plan, "athlete", "plan"), "athlete")
    name = fmt.flatten_value(athlete.get("name") or "athlete")
    gen = plan.get("generated_by")
    generated = (
        f"spinewise {gen.get('version', '?')} · catalogue {gen.get('catalog_version', '?')}"
        f" · seed {gen.get('seed', '?')}"
        if isinstance(gen, Mapping)
        else "spinewise"
    )
    disclaimer = str(plan.get("disclaimer") or "").strip()
    if "medical device" not in disclaimer.lower():
        disclaimer = f"{fmt.BASE_DISCLAIMER} {disclaimer}".strip()
    findings = _list(_need(plan, "findings", "plan"), "findings")
    solver = _mapping(_need(plan, "solver", "plan"), "solver")
    solver_fields, per_week = _solver(solver)
    if typed_habits is None:
        typed_habits = Habits.read(plan.get("habits"))
    habits = build_habits_view(typed_habits)
    retests = _retests(plan.get("retests"))
    weeks = tuple(
        _week(w, f"weeks[{i}]", habits, retests)
        for i, w in enumerate(_list(_need(plan, "weeks", "plan"), "weeks"))
    )
    return PlanView(
        title=f"spinewise plan for {name}",
        athlete_name=name,
        athlete=_athlete(athlete),
        generated=generated,
        disclaimer=disclaimer,
        findings=tuple(_finding(f, f"findings[{i}]") for i, f in enumerate(findings)),
        phases=_phases(plan.get("phases")),
        weeks=weeks,
        show_volume=any(w.volume is not None for w in weeks),
        solver=solver_fields,
        relaxed=tuple(fmt.relaxed_text(r) for r in _strings(_need(solver, "relaxed", "solver"))),
        per_week=per_week,
        notes=_strings(plan.get("notes")),
        habits=habits,
    )
