"""Plain-text pieces of a rendered plan, shared by every plan renderer.

Each function turns one part of the typed plan (:mod:`spinewise.planning.plan`) into the words a
person reads, so that the markdown, HTML, iCalendar and terminal renderings say the same thing.
None of them escapes anything: escaping belongs to each output format.

Examples
--------
>>> def item(**fields): return Item.from_json({"exercise_id": "x", **fields})
>>> dose_text(item(sets=3, reps=8, per_side=True).dose)
'3 × 8 per side'
>>> dose_text(item(sets=3, reps=6, hold_s=8, per_side=True).dose)
'3 × 6 reps (8 s hold) per side'
>>> dose_text(item(sets=4, hold_s=10, extra_sets_side={"side": "left", "sets": 1}).dose)
'4 × 10 s hold, +1 set left side'
>>> intensity_text(item(sets=1, intensity={"kind": "percent_1rm", "value": 70}).dose.intensity)
'70 % 1RM'
>>> intensity_cap_text(item(sets=1, intensity={"kind": "rpe", "value": 7}, load_cap_kg=72.5))
'RPE 7, at most 72.5 kg'
>>> week_ranges([1, 2, 3, 5])
'1–3, 5'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeGuard

from spinewise.catalog.entities import Intensity
from spinewise.planning.dosing import ItemDose
from spinewise.planning.plan import Item, Session, Week
from spinewise.units import DEFAULT_WEIGHT_UNIT, WeightUnit, plan_weight_text

__all__ = [
    "BASE_DISCLAIMER",
    "BLOCK_TITLES",
    "EFFORT_CAP_REASON",
    "MISSING",
    "dose_text",
    "flatten_value",
    "humanize_key",
    "intensity_cap_text",
    "intensity_text",
    "is_number",
    "item_name",
    "load_cap_text",
    "minutes_text",
    "number_text",
    "relaxed_text",
    "rest_text",
    "session_label",
    "tempo_text",
    "week_ranges",
    "when_text",
]

#: Shown for an empty cell (a null tempo, an absent value).
MISSING = "—"

#: Always shown, whatever disclaimer the plan carries.
BASE_DISCLAIMER = (
    "spinewise is not a medical device and does not diagnose, treat or prevent any condition. "
    "This plan is training guidance, not medical advice: stop any exercise that brings on sharp, "
    "spreading or worsening pain, and see a clinician about pain that persists."
)

#: Display titles of the block kinds of the schema, in session order.
BLOCK_TITLES = {
    "prep": "Preparation",
    "power": "Power",
    "strength": "Strength",
    "stability": "Stability",
    "conditioning": "Conditioning",
    "recovery": "Recovery",
}

_DAYS = {
    "mon": "Mon",
    "tue": "Tue",
    "wed": "Wed",
    "thu": "Thu",
    "fri": "Fri",
    "sat": "Sat",
    "sun": "Sun",
}


def is_number(value: Any) -> TypeGuard[int | float]:
    """True for an int or float that is not a bool.

    >>> is_number(3), is_number(2.5), is_number(True), is_number("3")
    (True, True, False, False)
    """
    return isinstance(value, int | float) and not isinstance(value, bool)


def number_text(value: Any) -> str:
    """A number without a needless ``.0``; anything else as ``str``.

    >>> number_text(7.0), number_text(7.5), number_text(None), number_text(True)
    ('7', '7.5', '—', 'yes')
    """
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    return str(value)


def humanize_key(key: Any) -> str:
    """A snake_case key as words with a capital: ``training_experience`` → ``Training experience``.

    >>> humanize_key("body_mass_kg")
    'Body mass kg'
    """
    words = str(key).replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def flatten_value(value: object) -> str:
    """Any JSON value as one readable line (lists joined by ``;``, objects as ``Key: value``).

    >>> flatten_value({"minutes": 30, "when": ["morning", "evening"]})
    'Minutes: 30, When: morning; evening'
    """
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return ", ".join(f"{humanize_key(k)}: {flatten_value(v)}" for k, v in value.items())
    if isinstance(value, Sequence):
        return "; ".join(flatten_value(v) for v in value)
    return number_text(value)


def item_name(item: Item) -> str:
    """The item's display ``name``, or its ``exercise_id`` in words when the name is absent."""
    if item.name and item.name.strip():
        return item.name
    return humanize_key(item.exercise_id or "exercise")


def dose_text(dose: ItemDose) -> str:
    """Sets × reps, hold [s] or distance [m], ``per side``, and any extra sets for one side."""
    sets = number_text(dose.sets)
    reps, hold_s, distance_m = dose.reps, dose.hold_s, dose.distance_m
    parts: list[str] = []
    if distance_m is not None:
        parts.append(f"{number_text(distance_m)} m")
    if hold_s is not None:
        parts.append(f"{number_text(hold_s)} s hold")
    if reps is not None:
        amount = number_text(reps)
        text = f"{sets} × {amount} reps ({', '.join(parts)})" if parts else f"{sets} × {amount}"
    else:
        text = f"{sets} × {', '.join(parts)}" if parts else f"{sets} sets"
    if dose.per_side:
        text += " per side"
    if dose.extra_sets_side is not None and dose.extra_sets_side[1]:
        side, n = dose.extra_sets_side
        text += f", +{number_text(n)} set{'' if n == 1 else 's'} {side or ''} side"
    return text.replace("  ", " ")


def intensity_text(intensity: Intensity | None) -> str:
    """An intensity target in words: ``RPE 7``, ``RIR 2``, ``70 % 1RM``, ``bodyweight``."""
    if intensity is None:
        return MISSING
    kind, value = intensity.kind, intensity.value
    shown = "" if value is None else number_text(value)
    if kind == "rpe":
        return f"RPE {shown}".strip()
    if kind == "rir":
        return f"RIR {shown}".strip()
    if kind == "percent_1rm":
        return f"{shown} % 1RM" if shown else "% 1RM"
    if kind in ("bodyweight", "band"):
        return f"{kind} ({shown})" if shown else str(kind)
    if kind == "ballistic":
        return "ballistic, full intent"
    return f"{kind} {shown}".strip()


_RELAXED_ID = re.compile(r"^(week \d+): [a-z][a-z0-9_]*: ")


def relaxed_text(relaxed: str) -> str:
    """A relaxed requirement as the solver records it, without the requirement's internal name.

    >>> relaxed_text("week 2: single_leg_hinge: a single-leg hinge in every loading week (relaxed)")
    'week 2: a single-leg hinge in every loading week (relaxed)'
    """
    return _RELAXED_ID.sub(r"\1: ", relaxed)


#: What an effort cap asks, by intensity kind (``{v}``: the target's value).
_EFFORT_CAP = {
    "rpe": "and no harder",
    "rir": "and no fewer in reserve",
    "percent_1rm": "and no heavier",
    "bodyweight": "no added weight",
    "band": "no heavier band",
    "ballistic": "no added weight",
}
#: Why an item is capped by effort, in plain words.
EFFORT_CAP_REASON = "estimated spine load near your limit; no safe weight in kg is known"


def load_cap_text(dose: ItemDose, unit: WeightUnit = DEFAULT_WEIGHT_UNIT) -> str:
    """The item's spine-load cap in words, or ``""`` when it states none.

    ``load_cap_kg`` reads ``at most 72.5 kg`` (in ``unit``, down to its plate step:
    :func:`spinewise.units.plan_mass`); ``effort_cap`` (an item near the spine-load limit
    whose load is not known in kg) says that the effort target is the cap, and why.

    >>> def dose(**fields): return Item.from_json({"exercise_id": "x", "sets": 1, **fields}).dose
    >>> load_cap_text(dose(load_cap_kg=40.0))
    'at most 40 kg'
    >>> load_cap_text(dose(load_cap_kg=40.0), "lb")
    'at most 88 lb'
    >>> load_cap_text(dose(intensity={"kind": "rpe", "value": 7}, effort_cap=True))
    'and no harder (estimated spine load near your limit; no safe weight in kg is known)'
    >>> load_cap_text(dose(intensity={"kind": "rpe", "value": 7}))
    ''
    """
    if dose.load_cap_kg is not None:
        return f"at most {plan_weight_text(float(dose.load_cap_kg), unit)}"
    if dose.effort_cap:
        rule = _EFFORT_CAP.get(str(dose.intensity.kind), "and no harder")
        return f"{rule} ({EFFORT_CAP_REASON})"
    return ""


def intensity_cap_text(item: Item, unit: WeightUnit = DEFAULT_WEIGHT_UNIT) -> str:
    """The intensity with the spine-load cap beside it: ``RPE 7, at most 72.5 kg``.

    Loads are written in ``unit``, down to its plate step (:func:`spinewise.units.plan_mass`).

    An item read from a document without an intensity shows a dash for it.

    >>> def item(**fields): return Item.from_json({"exercise_id": "x", "sets": 1, **fields})
    >>> capped = intensity_cap_text(item(intensity={"kind": "bodyweight"}, effort_cap=True))
    >>> capped == f"bodyweight, no added weight ({EFFORT_CAP_REASON})"
    True
    >>> EFFORT_CAP_REASON
    'estimated spine load near your limit; no safe weight in kg is known'
    >>> intensity_cap_text(item(intensity={"kind": "percent_1rm", "value": 82}))
    '82 % 1RM'
    >>> intensity_cap_text(item(intensity={"kind": "percent_1rm", "value": 80}, load_kg=160.0))
    '80 % 1RM: 160 kg'
    >>> heavy = item(intensity={"kind": "percent_1rm", "value": 80}, load_kg=160.0)
    >>> intensity_cap_text(heavy, "lb")
    '80 % 1RM: 352.5 lb'
    >>> intensity_cap_text(item())
    '—'
    """
    keys = item.layout.keys
    dose = item.dose
    text = intensity_text(dose.intensity if keys is None or "intensity" in keys else None)
    if dose.load_kg is not None:
        text = f"{text}: {plan_weight_text(dose.load_kg, unit)}"
    cap = load_cap_text(dose, unit)
    return f"{text}, {cap}" if cap else text


def tempo_text(tempo: str | None) -> str:
    """The tempo string (eccentric-pause-concentric-pause [s]) or a dash when there is none."""
    return tempo if tempo else MISSING


def rest_text(rest_s: float | None) -> str:
    """Rest between sets [s] as ``90 s``."""
    return MISSING if rest_s is None else f"{number_text(rest_s)} s"


def minutes_text(minutes: float | None) -> str:
    """Duration [min] as ``~45 min`` (rounded to the minute)."""
    if not is_number(minutes):
        return MISSING
    return f"~{round(minutes)} min"


def when_text(session: Session) -> str:
    """The session's weekday and date (``Mon 2026-12-07``), what of it is known, or a dash.

    The weekday comes from the date when there is one, else from ``day``.

    >>> def session(**fields): return Session.from_json({"index": 1, **fields})
    >>> when_text(session(date="2026-12-07", day="mon")), when_text(session(date=None, day="fri"))
    ('Mon 2026-12-07', 'Fri')
    """
    if session.date is not None:
        return f"{session.date:%a} {session.date.isoformat()}"
    if session.day:
        return _DAYS.get(session.day.lower(), session.day)
    return MISSING


def session_label(week: Week, session: Session) -> str:
    """``W3 S2 · build``, with ``· deload`` on a deload week."""
    label = f"W{week.index} S{session.index} · {week.phase}"
    return label + (" · deload" if week.deload else "")


def week_ranges(weeks: Iterable[int]) -> str:
    """Week numbers as ranges: ``[1, 2, 3, 5]`` → ``1–3, 5``."""
    nums = sorted({int(w) for w in weeks if is_number(w)})
    runs: list[list[int]] = []
    for n in nums:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
