"""The plan as a typed, immutable value: plan, week, session, block and item.

The JSON document of ``docs/contracts/plan.schema.json`` is only the plan's form at the edges (a
file, the store, the API); everything between the planner and the renderers passes a
:class:`Plan`. ``Plan.from_json(doc).to_json()`` gives back ``doc`` byte for byte (the same keys
in the same order, the same values), fields added over time included: each object remembers the
order of the keys it was read with and keeps keys it does not know as JSON text.

Frozen dataclasses with slots, not pydantic models: reading a plan of a few hundred items must
not validate each one again (the document was validated when it was made or stored), and a
dataclass holds a JSON value such as ``30`` or ``30.0`` exactly as it came, which a
validating model would coerce.

An item's dose is :class:`~spinewise.planning.dosing.ItemDose`, the one definition of a
prescription (sets, reps, hold, distance, tempo, rest, intensity, extra sets, load cap).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from spinewise.catalog.entities import Intensity
from spinewise.errors import InputError
from spinewise.habits.sections import Habits
from spinewise.json_record import NEW_LAYOUT, JsonRecord, Layout
from spinewise.planning.dosing import ItemDose

__all__ = [
    "Athlete",
    "Block",
    "Finding",
    "GeneratedBy",
    "Habits",
    "Item",
    "Layout",
    "Phase",
    "Plan",
    "PlanChange",
    "Retest",
    "Session",
    "SolverInfo",
    "Week",
    "WeekSolve",
]

#: A JSON object as read from or written to a file: the type of the I/O edge.
JsonObject = Mapping[str, Any]


_NEW = NEW_LAYOUT


@dataclass(frozen=True, slots=True)
class Item:
    """One prescribed exercise: what, how much (its dose) and why.

    ``cues`` (coaching cues) appear in plans written by hand or by other tools; the planner
    writes none, and an item without cues writes no ``cues`` key.
    """

    exercise_id: str
    name: str
    dose: ItemDose
    why: tuple[str, ...]
    cues: tuple[str, ...] = ()
    layout: Layout = field(default=_NEW, compare=False, repr=False)
    intensity_layout: Layout = field(default=_NEW, compare=False, repr=False)

    KEYS = (
        "exercise_id",
        "name",
        "sets",
        "reps",
        "hold_s",
        "distance_m",
        "per_side",
        "tempo",
        "rest_s",
        "intensity",
        "extra_sets_side",
        "load_kg",
        "load_cap_kg",
        "effort_cap",
        "why",
    )

    @classmethod
    def from_json(cls, obj: JsonObject) -> Item:
        """Read a plan item (the schema's ``items[]``)."""
        raw = obj.get("intensity") or {}
        side = obj.get("extra_sets_side")
        dose = ItemDose(
            sets=obj["sets"],
            reps=obj.get("reps"),
            hold_s=obj.get("hold_s"),
            distance_m=obj.get("distance_m"),
            per_side=obj.get("per_side", False),
            tempo=obj.get("tempo"),
            rest_s=obj.get("rest_s", 0),
            intensity=Intensity.model_construct(
                kind=raw.get("kind", "rpe"), value=raw.get("value")
            ),
            extra_sets_side=(side["side"], side["sets"]) if side else None,
            load_cap_kg=obj.get("load_cap_kg"),
            effort_cap=bool(obj.get("effort_cap", False)),
            load_kg=obj.get("load_kg"),
        )
        cues = obj.get("cues")
        readable = isinstance(cues, list) and all(isinstance(c, str) for c in cues)
        return cls(
            exercise_id=obj["exercise_id"],
            name=obj.get("name", ""),
            dose=dose,
            why=tuple(obj.get("why", ())),
            cues=tuple(cues) if readable and cues else (),
            layout=Layout.of(obj, (*cls.KEYS, "cues"), kept=() if readable else ("cues",)),
            intensity_layout=Layout.of(raw, ("kind", "value")),
        )

    def to_json(self) -> dict[str, Any]:
        """The item as JSON."""
        d = self.dose
        side = d.extra_sets_side
        known = {
            "exercise_id": self.exercise_id,
            "name": self.name,
            "sets": d.sets,
            "reps": d.reps,
            "hold_s": d.hold_s,
            "distance_m": d.distance_m,
            "per_side": d.per_side,
            "tempo": d.tempo,
            "rest_s": d.rest_s,
            "intensity": self.intensity_layout.emit(
                {"kind": d.intensity.kind, "value": d.intensity.value}
            ),
            "extra_sets_side": None if side is None else {"side": side[0], "sets": side[1]},
            "load_kg": d.load_kg,
            "load_cap_kg": d.load_cap_kg,
            "effort_cap": d.effort_cap,
            "why": list(self.why),
        }
        if not d.effort_cap and (self.layout.keys is None or "effort_cap" not in self.layout.keys):
            del known["effort_cap"]  # written only when set, so plans without it keep their bytes
        if d.load_kg is None and (self.layout.keys is None or "load_kg" not in self.layout.keys):
            del known["load_kg"]  # likewise: only lifts with a known max carry a load
        if self.cues or (self.layout.keys is not None and "cues" in self.layout.keys):
            known["cues"] = list(self.cues)
        return self.layout.emit(known, appendable=("effort_cap", "load_kg"))

    def with_dose(self, dose: ItemDose) -> Item:
        """The same item at another dose."""
        return replace(self, dose=dose)


@dataclass(frozen=True, slots=True)
class Block:
    """A part of a session (``prep``, ``power``, ``strength``, ...) and its items in order."""

    kind: str
    items: tuple[Item, ...]
    layout: Layout = field(default=_NEW, compare=False, repr=False)

    @classmethod
    def from_json(cls, obj: JsonObject) -> Block:
        """Read a block."""
        items = tuple(Item.from_json(it) for it in obj.get("items", ()))
        return cls(obj["kind"], items, Layout.of(obj, ("kind", "items")))

    def to_json(self) -> dict[str, Any]:
        """The block as JSON."""
        return self.layout.emit({"kind": self.kind, "items": [i.to_json() for i in self.items]})


@dataclass(frozen=True, slots=True)
class Session:
    """One training session: its day, date (``None`` until the plan has a start date) and blocks."""

    index: int
    day: str | None
    date: dt.date | None
    estimated_minutes: float
    peak_compression_n: float | None
    blocks: tuple[Block, ...]
    layout: Layout = field(default=_NEW, compare=False, repr=False)

    KEYS = ("index", "day", "date", "estimated_minutes", "peak_compression_n", "blocks")

    @classmethod
    def from_json(cls, obj: JsonObject) -> Session:
        """Read a session."""
        when = obj.get("date")
        return cls(
            index=obj["index"],
            day=obj.get("day"),
            date=None if when is None else dt.date.fromisoformat(when),
            estimated_minutes=obj.get("estimated_minutes", 0),
            peak_compression_n=obj.get("peak_compression_n"),
            blocks=tuple(Block.from_json(b) for b in obj.get("blocks", ())),
            layout=Layout.of(obj, cls.KEYS),
        )

    def to_json(self) -> dict[str, Any]:
        """The session as JSON."""
        known = {
            "index": self.index,
            "day": self.day,
            "date": None if self.date is None else self.date.isoformat(),
            "estimated_minutes": self.estimated_minutes,
            "peak_compression_n": self.peak_compression_n,
            "blocks": [b.to_json() for b in self.blocks],
        }
        return self.layout.emit(known)

    def items(self) -> Iterator[tuple[Block, Item]]:
        """Every item with its block, in order."""
        for block in self.blocks:
            for item in block.items:
                yield block, item

    def map_items(self, fn: Callable[[Item], Item]) -> Session:
        """The session with ``fn`` applied to every item."""
        blocks = tuple(replace(b, items=tuple(fn(i) for i in b.items)) for b in self.blocks)
        return replace(self, blocks=blocks)


@dataclass(frozen=True, slots=True)
class Week:
    """One week: its phase, whether it is a deload, and its sessions.

    ``kept`` marks a week of an earlier plan that the planner keeps unchanged (only while
    re-planning; a finished plan has none).
    """

    index: int
    phase: str
    deload: bool
    volume_s: float | None
    sessions: tuple[Session, ...]
    kept: bool = False
    layout: Layout = field(default=_NEW, compare=False, repr=False)

    KEYS = ("index", "phase", "deload", "volume_s", "sessions", "kept")

    @classmethod
    def from_json(cls, obj: JsonObject) -> Week:
        """Read a week."""
        return cls(
            index=obj["index"],
            phase=obj.get("phase", ""),
            deload=obj.get("deload", False),
            volume_s=obj.get("volume_s"),
            sessions=tuple(Session.from_json(s) for s in obj.get("sessions", ())),
            kept=obj.get("kept", False),
            layout=Layout.of(obj, cls.KEYS),
        )

    def to_json(self) -> dict[str, Any]:
        """The week as JSON."""
        if self.kept and self.layout.keys is None:
            return {"index": self.index, "kept": True}
        known: dict[str, object] = {
            "index": self.index,
            "phase": self.phase,
            "deload": self.deload,
            "volume_s": self.volume_s,
            "sessions": [s.to_json() for s in self.sessions],
        }
        if self.kept:
            known["kept"] = True
        return self.layout.emit(known)


@dataclass(frozen=True, slots=True)
class GeneratedBy(JsonRecord):
    """What made the plan: the program's version, the catalogue's version and the seed."""

    version: str
    catalog_version: str
    seed: int
    layout: Layout = field(default=_NEW, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Athlete(JsonRecord):
    """Who the plan is for, as the plan records it."""

    name: str
    sex: str | None
    age: int | None
    body_mass_kg: float | None
    training_experience: str
    layout: Layout = field(default=_NEW, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Finding(JsonRecord):
    """An assessment finding the plan responds to.

    ``measured`` and ``reference`` (in the test's unit) and ``source`` appear in plans written
    by hand or by other tools; the planner leaves them out.
    """

    code: str
    severity: str
    summary: str
    measured: float | None = None
    reference: float | None = None
    source: str | None = None
    layout: Layout = field(default=_NEW, compare=False, repr=False)

    OMITTED_WHEN_NONE = ("measured", "reference", "source")


@dataclass(frozen=True, slots=True)
class WeekSolve(JsonRecord):
    """How the solver ended on one week."""

    week: int
    status: str
    bound: float
    objective: float
    layout: Layout = field(default=_NEW, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class SolverInfo:
    """How the solver ended: status, deterministic time [s] and requirements relaxed."""

    status: str
    solve_seconds: float
    relaxed: tuple[str, ...]
    per_week: tuple[WeekSolve, ...] = ()
    layout: Layout = field(default=_NEW, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Phase:
    """A phase of the periodization, its weeks and what it focuses on."""

    phase: str
    weeks: tuple[int, ...]
    focus: str
    layout: Layout = field(default=_NEW, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Retest(JsonRecord):
    """A scheduled retest of the hold tests: after ``session`` of ``week``, and what to do."""

    week: int
    session: int
    date: str | None
    what: str
    layout: Layout = field(default=_NEW, compare=False, repr=False)


_CHANGE_KEYS = (
    "version",
    "week",
    "session",
    "exercise_id",
    "now",
    "verdict",
    "change",
    "reasons",
    "based_on",
)
_REPLAN_KEYS = ("version", "verdict", "from_week", "starts", "reasons")


@dataclass(frozen=True, slots=True)
class PlanChange:
    """One change an adaptation made to a plan version, with its reasons.

    Two kinds: an exercise's ``verdict`` (``progress`` or ``regress``) in one session, with the
    ``change`` made and the exercise it is ``now``; or ``replan`` from week ``from_week``, with
    the date the re-planned weeks start.
    """

    version: int
    verdict: str
    reasons: tuple[str, ...]
    week: int | None = None
    session: int | None = None
    exercise_id: str | None = None
    now: str | None = None
    change: str | None = None
    based_on: str | None = None
    from_week: int | None = None
    starts: str | None = None
    layout: Layout = field(default=_NEW, compare=False, repr=False)

    @classmethod
    def from_json(cls, obj: JsonObject) -> PlanChange:
        """Read a change record."""
        fields = {k: obj[k] for k in (*_CHANGE_KEYS, *_REPLAN_KEYS) if k in obj}
        fields["reasons"] = tuple(obj.get("reasons", ()))
        return cls(**fields, layout=Layout.of(obj, (*_CHANGE_KEYS, *_REPLAN_KEYS)))

    def to_json(self) -> dict[str, Any]:
        """The change as JSON."""
        layout = self.layout
        if layout.keys is None:
            layout = Layout(_REPLAN_KEYS if self.verdict in ("replan", "retest") else _CHANGE_KEYS)
        known = {k: getattr(self, k) for k in (*_CHANGE_KEYS, *_REPLAN_KEYS)}
        known["reasons"] = list(self.reasons)
        return layout.emit(known)


#: What a plan document must have: (key, kind, what is inside), by object.
_REQUIRED: dict[str, tuple[tuple[str, str, str | None], ...]] = {
    "plan": (
        ("athlete", "object", None),
        ("findings", "list", "finding"),
        ("solver", "object", "solver"),
        ("weeks", "list", "week"),
    ),
    "finding": (("code", "", None), ("severity", "", None), ("summary", "", None)),
    "solver": (("status", "", None), ("solve_seconds", "number", None), ("relaxed", "list", None)),
    "week": (
        ("index", "", None),
        ("phase", "", None),
        ("deload", "", None),
        ("sessions", "list", "session"),
    ),
    "session": (
        ("index", "", None),
        ("date", "date", None),
        ("estimated_minutes", "", None),
        ("blocks", "list", "block"),
    ),
    "block": (("kind", "", None), ("items", "list", "item")),
    "item": (("exercise_id", "", None), ("sets", "", None), ("why", "", None)),
}


def _check_document(doc: object, kind: str = "plan", path: str = "plan") -> list[str]:
    """The problems of a plan document, each naming the field's path (empty when none)."""
    if not isinstance(doc, Mapping):
        return [f"{path}: must be an object, got {type(doc).__name__}"]
    problems: list[str] = []
    for key, shape, inner in _REQUIRED[kind]:
        if key not in doc:
            problems.append(f"{path}.{key}: required field missing")
            continue
        value = doc[key]
        at = key if kind == "plan" else f"{path}.{key}"
        if shape == "list" and (isinstance(value, str) or not isinstance(value, list)):
            problems.append(f"{at}: must be a list, got {type(value).__name__}")
        elif shape == "object" and not isinstance(value, Mapping):
            problems.append(f"{at}: must be an object, got {type(value).__name__}")
        elif shape == "number" and (isinstance(value, bool) or not isinstance(value, int | float)):
            problems.append(f"{at}: must be a number, got {type(value).__name__}")
        elif shape == "date" and value is not None and not _is_date(value):
            problems.append(f"{at}: must be a date (YYYY-MM-DD) or null, got {value!r}")
        elif shape == "list" and inner is not None:
            for i, entry in enumerate(value):
                problems += _check_document(entry, inner, f"{at}[{i}]")
        elif shape == "object" and inner is not None:
            problems += _check_document(value, inner, at)
    return problems


def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


_PLAN_KEYS = (
    "schema_version",
    "generated_by",
    "athlete",
    "findings",
    "solver",
    "phases",
    "disclaimer",
    "notes",
    "habits",
    "retests",
    "weeks",
    "version",
    "adaptations",
    "adapted_from_ids",
)
#: Keys that adaptation adds at the end of a plan made without them.
_APPENDED = ("version", "adaptations", "adapted_from_ids", "retests")


@dataclass(frozen=True, slots=True)
class Plan:
    """A periodized plan: who it is for, its findings, phases, habits and weeks.

    ``version`` counts adaptations (``None`` for a plan as the planner made it),
    ``adaptations`` lists every change made since, and ``adapted_from_ids`` names the stored
    versions it descends from, so that sessions logged against those still count.
    """

    generated_by: GeneratedBy
    athlete: Athlete
    findings: tuple[Finding, ...]
    solver: SolverInfo
    phases: tuple[Phase, ...]
    disclaimer: str
    notes: tuple[str, ...]
    habits: Habits | None
    weeks: tuple[Week, ...]
    schema_version: int = 1
    version: int | None = None
    adaptations: tuple[PlanChange, ...] = ()
    adapted_from_ids: tuple[int, ...] = ()
    retests: tuple[Retest, ...] = ()
    layout: Layout = field(default=_NEW, compare=False, repr=False)

    @classmethod
    def from_json(cls, obj: JsonObject) -> Plan:
        """Read a plan document."""
        solver = obj.get("solver", {})
        habits = obj.get("habits")
        readable = habits is None or isinstance(habits, Mapping)
        return cls(
            schema_version=obj.get("schema_version", 1),
            generated_by=GeneratedBy.from_json(obj.get("generated_by", {})),
            athlete=Athlete.from_json(obj.get("athlete", {})),
            findings=tuple(Finding.from_json(f) for f in obj.get("findings", ())),
            solver=SolverInfo(
                status=solver.get("status", "FEASIBLE"),
                solve_seconds=solver.get("solve_seconds", 0.0),
                relaxed=tuple(solver.get("relaxed", ())),
                per_week=tuple(WeekSolve.from_json(w) for w in solver.get("per_week", ())),
                layout=Layout.of(solver, ("status", "solve_seconds", "relaxed", "per_week")),
            ),
            phases=tuple(
                Phase(
                    p["phase"],
                    tuple(p["weeks"]),
                    p.get("focus", ""),
                    Layout.of(p, ("phase", "weeks", "focus")),
                )
                for p in obj.get("phases", ())
            ),
            disclaimer=obj.get("disclaimer", ""),
            notes=tuple(obj.get("notes", ())),
            habits=Habits.read(habits),
            weeks=tuple(Week.from_json(w) for w in obj.get("weeks", ())),
            version=obj.get("version"),
            adaptations=tuple(PlanChange.from_json(a) for a in obj.get("adaptations", ())),
            adapted_from_ids=tuple(obj.get("adapted_from_ids", ())),
            retests=tuple(Retest.from_json(r) for r in obj.get("retests", ())),
            layout=Layout.of(obj, _PLAN_KEYS, kept=() if readable else ("habits",)),
        )

    @classmethod
    def read(cls, doc: object) -> Plan:
        """Read a plan document from outside (a file, a request), checking what a plan needs.

        Raises
        ------
        InputError
            One problem per missing or malformed required field, named by its path with 0-based
            list positions, e.g. ``weeks[2].sessions[1].blocks: required field missing``.
        """
        problems = _check_document(doc)
        if problems:
            raise InputError(problems)
        assert isinstance(doc, Mapping)  # checked above
        return cls.from_json(doc)

    def to_json(self) -> dict[str, Any]:
        """The plan document (``docs/contracts/plan.schema.json``)."""
        solver = self.solver.layout.emit(
            {
                "status": self.solver.status,
                "solve_seconds": self.solver.solve_seconds,
                "relaxed": list(self.solver.relaxed),
                "per_week": [w.to_json() for w in self.solver.per_week],
            }
        )
        known: dict[str, object] = {
            "schema_version": self.schema_version,
            "generated_by": self.generated_by.to_json(),
            "athlete": self.athlete.to_json(),
            "findings": [f.to_json() for f in self.findings],
            "solver": solver,
            "phases": [
                p.layout.emit({"phase": p.phase, "weeks": list(p.weeks), "focus": p.focus})
                for p in self.phases
            ],
            "disclaimer": self.disclaimer,
            "notes": list(self.notes),
            "habits": None if self.habits is None else self.habits.to_json(),
            "retests": [r.to_json() for r in self.retests],
            "weeks": [w.to_json() for w in self.weeks],
        }
        if not self.retests:
            del known["retests"]
        if self.habits is None and self.layout.keys is None:
            del known["habits"]
        if self.version is not None:
            known["version"] = self.version
        if self.adaptations or self.version is not None:
            known["adaptations"] = [a.to_json() for a in self.adaptations]
        if self.adapted_from_ids:
            known["adapted_from_ids"] = list(self.adapted_from_ids)
        return self.layout.emit(known, _APPENDED)

    def dumps(self) -> str:
        """The plan document as JSON text, as ``spinewise plan --format json`` writes it."""
        return json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n"

    def sessions(self) -> Iterator[tuple[Week, Session]]:
        """Every session with its week, in order (kept weeks have none)."""
        for week in self.weeks:
            for session in week.sessions:
                yield week, session

    def session_at(self, week: int, session: int) -> Session | None:
        """Session ``session`` of week ``week`` (both from 1), or ``None``."""
        for w, s in self.sessions():
            if w.index == week and s.index == session:
                return s
        return None

    def with_session(self, week: int, session: Session) -> Plan:
        """The plan with week ``week``'s session of the same index replaced."""
        weeks = tuple(
            w
            if w.index != week
            else replace(
                w, sessions=tuple(session if s.index == session.index else s for s in w.sessions)
            )
            for w in self.weeks
        )
        return replace(self, weeks=weeks)

    def with_weeks(self, weeks: Sequence[Week]) -> Plan:
        """The plan with these weeks."""
        return replace(self, weeks=tuple(weeks))
