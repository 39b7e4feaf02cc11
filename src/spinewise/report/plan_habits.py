"""Habits of a plan, of any shape, as titled entries with labelled fields.

The ``habits`` field of a plan is added by another part of spinewise and its shape may change, so
it is rendered generically: nothing here assumes more than JSON values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spinewise.report import plan_format as fmt

__all__ = ["Field", "HabitEntry", "habit_entries"]


@dataclass(frozen=True)
class Field:
    """One labelled value (an athlete fact, a solver figure, a habit's dose)."""

    label: str
    value: str


@dataclass(frozen=True)
class HabitEntry:
    """One habit (or group of loose habit values) with labelled fields."""

    title: str
    fields: tuple[Field, ...]


def habit_entries(value: Any, heading: str = "General") -> tuple[HabitEntry, ...]:
    """Any habits value as titled entries, whatever its shape.

    An object with a ``title`` is one entry (its other keys become fields); an object without one
    is a group whose loose values form one entry under ``heading`` and whose nested values recurse
    under their key; a list recurses into each element.

    >>> habit_entries({"sleep": {"title": "Sleep", "dose": "7-9 h", "why": ["recovery"]}})
    (HabitEntry(title='Sleep', fields=(Field(label='Dose', value='7-9 h'), Field(label='Why', value='recovery'))),)
    >>> [e.title for e in habit_entries({"walking": "daily", "desk": {"breaks": "every 30 min"}})]
    ['General', 'Desk']
    """  # noqa: E501
    if isinstance(value, Mapping):
        if "title" in value:
            fields = tuple(
                Field(fmt.humanize_key(k), fmt.flatten_value(v))
                for k, v in value.items()
                if k != "title"
            )
            return (HabitEntry(fmt.flatten_value(value["title"]), fields),)
        loose: list[Field] = []
        nested: list[HabitEntry] = []
        for key, sub in value.items():
            if _is_nested(sub):
                nested.extend(habit_entries(sub, fmt.humanize_key(key)))
            else:
                loose.append(Field(fmt.humanize_key(key), fmt.flatten_value(sub)))
        return ((HabitEntry(heading, tuple(loose)),) if loose else ()) + tuple(nested)
    if isinstance(value, Sequence) and not isinstance(value, str):
        entries: list[HabitEntry] = []
        plain: list[Field] = []
        for sub in value:
            if _is_nested(sub):
                entries.extend(habit_entries(sub, heading))
            else:
                plain.append(Field("", fmt.flatten_value(sub)))
        return ((HabitEntry(heading, tuple(plain)),) if plain else ()) + tuple(entries)
    if value is None:
        return ()
    return (HabitEntry(heading, (Field("", fmt.flatten_value(value)),)),)


def _is_nested(value: Any) -> bool:
    if isinstance(value, Mapping):
        return True
    if isinstance(value, Sequence) and not isinstance(value, str):
        return any(isinstance(v, Mapping) for v in value)
    return False
