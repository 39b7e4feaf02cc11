"""Parsing the ``--set`` option of ``spinewise log session``.

A set is ``EXERCISE:field=value,field=value``; the exercise is a catalogue id, a name or alias
the catalogue knows, or ``custom:<slug>``. Set numbers count up per exercise and side unless
``set_number`` is given.

Examples
--------
>>> parse_set_spec("bird_dog:reps=8,side=left", 1)
('bird_dog', {'reps': '8', 'side': 'left'})
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from pydantic import ValidationError

from spinewise.errors import InputError
from spinewise.logbook import CUSTOM_PREFIX, ExerciseMatcher, SetLog

__all__ = ["SET_FIELDS", "build_sets", "parse_set_spec"]

#: Fields a ``--set`` may give.
SET_FIELDS: tuple[str, ...] = tuple(f for f in SetLog.model_fields if f != "exercise_id")


def parse_set_spec(spec: str, index: int) -> tuple[str, dict[str, str]]:
    """Split ``EXERCISE:k=v,k=v`` into the exercise and its fields (as text)."""
    exercise, sep, rest = spec.partition(":")
    if exercise == "custom" and sep:  # custom:<slug>:fields
        slug, _, rest = rest.partition(":")
        exercise = f"{CUSTOM_PREFIX}{slug}"
    exercise = exercise.strip()
    if not exercise:
        raise InputError(f"--set[{index}]: no exercise before ':' in {spec!r}")
    fields: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in rest.split(","))):
        key, eq, value = part.partition("=")
        key = key.strip()
        if not eq:
            raise InputError(f"--set[{index}]: expected field=value, got {part!r}")
        if key not in SET_FIELDS:
            raise InputError(
                f"--set[{index}]: unknown field {key!r}; allowed: {', '.join(SET_FIELDS)}"
            )
        fields[key] = value.strip()
    return exercise, fields


def build_sets(specs: Sequence[str], matcher: Callable[[], ExerciseMatcher]) -> tuple[SetLog, ...]:
    """Validate every ``--set`` into a :class:`SetLog`; every problem is one line.

    ``matcher`` is called (once) only when a set names a catalogue exercise.
    """
    problems: list[str] = []
    sets: list[SetLog] = []
    counters: dict[tuple[str, str | None], int] = defaultdict(int)
    matchers: list[ExerciseMatcher] = []
    for index, spec in enumerate(specs, 1):
        try:
            exercise, fields = parse_set_spec(spec, index)
        except InputError as err:
            problems.extend(err.problems)
            continue
        if not exercise.startswith(CUSTOM_PREFIX):
            if not matchers:
                matchers.append(matcher())
            match = matchers[0].match(exercise)
            if not match.recognised:
                problems.append(
                    f"--set[{index}]: unknown exercise {exercise!r}; use a catalogue id "
                    f"(spinewise catalog list) or {match.exercise_id} for your own"
                )
                continue
            exercise = match.exercise_id
        side = fields.get("side") or None
        counters[(exercise, side)] += 1
        fields.setdefault("set_number", str(counters[(exercise, side)]))
        try:
            sets.append(SetLog.model_validate({"exercise_id": exercise, **fields}))
        except ValidationError as err:
            for item in err.errors(include_url=False):
                loc = ".".join(str(p) for p in item["loc"])
                problems.append(f"--set[{index}].{loc}: {item['msg']}, got {item.get('input')!r}")
    if problems:
        raise InputError(problems)
    return tuple(sets)
