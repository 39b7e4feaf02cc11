"""Reference data for ballistic and impact work: prerequisites and the foot-contact cap.

The data is ``data/ballistic.toml`` (its header documents the rules and their sources); this module
reads and checks it. The planner and the validator (:mod:`spinewise.planning`) enforce it:

- an exercise with a prerequisite may appear in a week only when one of its ``after`` exercises
  appeared in an earlier loading week of the same plan, or when the person's training experience
  is one of ``established_for``;
- a session holds at most ``max_per_session[experience]`` foot contacts
  (:func:`foot_contacts`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from spinewise.errors import CatalogError

__all__ = [
    "EXPERIENCES",
    "BallisticRules",
    "Prerequisite",
    "check_ballistic_rules",
    "foot_contacts",
    "load_ballistic_rules",
]

#: Training experience levels, lowest first (as in the profile and the plan request).
EXPERIENCES: tuple[str, ...] = ("novice", "intermediate", "advanced")


@dataclass(frozen=True)
class Prerequisite:
    """What must come before one exercise.

    Attributes
    ----------
    exercise_id
        The exercise this rule gates.
    after
        Exercise ids of which any one, done in an earlier loading week, opens ``exercise_id``.
    established_for
        Training experience levels for which the step counts as already learnt.
    source
        Where the order comes from, and whether it is confirmed.
    """

    exercise_id: str
    after: tuple[str, ...]
    established_for: frozenset[str]
    source: str

    def met(self, experience: str, done_ids: Iterable[str]) -> bool:
        """Whether the exercise is open: established for ``experience``, or a step is done."""
        if experience in self.established_for:
            return True
        done = set(done_ids)
        return any(a in done for a in self.after)


@dataclass(frozen=True)
class BallisticRules:
    """The prerequisites by exercise id and the foot-contact cap by training experience.

    Attributes
    ----------
    prerequisites
        Exercise id to its :class:`Prerequisite`; exercises not listed have none.
    max_contacts_per_session
        Training experience to the most foot contacts one session may hold [contacts].
    contacts_source
        The source of the cap and its confirmation status.
    """

    prerequisites: MappingProxyType[str, Prerequisite]
    max_contacts_per_session: MappingProxyType[str, int]
    contacts_source: str

    def prerequisite_met(self, exercise_id: str, experience: str, done_ids: Iterable[str]) -> bool:
        """Whether ``exercise_id`` is open to a person of ``experience`` after ``done_ids``."""
        rule = self.prerequisites.get(exercise_id)
        return rule is None or rule.met(experience, done_ids)


def _strings(value: Any, field: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CatalogError(f"ballistic.toml: {where}: {field}: must be a list of strings")
    return tuple(value)


def _prerequisite(raw: Any, position: int) -> Prerequisite:
    if not isinstance(raw, dict):
        raise CatalogError(f"ballistic.toml: prerequisite #{position}: must be a table")
    unknown = sorted(set(raw) - {"exercise", "after", "established_for", "source"})
    exercise = raw.get("exercise")
    where = f"prerequisite #{position} ({exercise})"
    if unknown:
        raise CatalogError(f"ballistic.toml: {where}: unknown keys {unknown}")
    if not isinstance(exercise, str) or not exercise:
        raise CatalogError(f"ballistic.toml: {where}: exercise: must be an exercise id")
    after = _strings(raw.get("after"), "after", where)
    if not after:
        raise CatalogError(f"ballistic.toml: {where}: after: name at least one exercise")
    if exercise in after:
        raise CatalogError(f"ballistic.toml: {where}: after: an exercise cannot precede itself")
    established = _strings(raw.get("established_for", []), "established_for", where)
    bad = sorted(set(established) - set(EXPERIENCES))
    if bad:
        raise CatalogError(
            f"ballistic.toml: {where}: established_for: {bad} not allowed; "
            f"use {', '.join(EXPERIENCES)}"
        )
    source = raw.get("source")
    if not isinstance(source, str) or len(source) < 3:
        raise CatalogError(f"ballistic.toml: {where}: source: say where the order comes from")
    return Prerequisite(exercise, after, frozenset(established), source)


# I/O edge: ``raw`` is the parsed ballistic-rules TOML file.
def _from_mapping(raw: dict[str, Any]) -> BallisticRules:
    contacts = raw.get("foot_contacts", {})
    caps = contacts.get("max_per_session", {})
    if set(caps) != set(EXPERIENCES) or not all(
        isinstance(v, int) and v > 0 for v in caps.values()
    ):
        raise CatalogError(
            "ballistic.toml: foot_contacts: max_per_session: give a positive whole number for "
            f"each of {', '.join(EXPERIENCES)}, got {caps!r}"
        )
    rules: dict[str, Prerequisite] = {}
    for position, entry in enumerate(raw.get("prerequisite", []), start=1):
        rule = _prerequisite(entry, position)
        if rule.exercise_id in rules:
            raise CatalogError(
                f"ballistic.toml: prerequisite #{position}: exercise: {rule.exercise_id} "
                "has two prerequisite entries"
            )
        rules[rule.exercise_id] = rule
    return BallisticRules(
        MappingProxyType(dict(sorted(rules.items()))),
        MappingProxyType({k: int(caps[k]) for k in EXPERIENCES}),
        str(contacts.get("source", "")),
    )


@cache
def load_ballistic_rules(path: Path | None = None) -> BallisticRules:
    """Load the ballistic rules (the packaged ``data/ballistic.toml`` unless ``path`` is given).

    Raises
    ------
    CatalogError
        When the file is malformed; the message names the entry and field.

    Examples
    --------
    >>> rules = load_ballistic_rules()
    >>> rules.prerequisites["single_arm_kettlebell_swing"].after
    ('kettlebell_swing',)
    >>> rules.max_contacts_per_session["novice"]
    80
    """
    if path is None:
        text = resources.files("spinewise.catalog").joinpath("data/ballistic.toml").read_text()
    else:
        text = path.read_text(encoding="utf-8")
    return _from_mapping(tomllib.loads(text))


def check_ballistic_rules(rules: BallisticRules, exercise_ids: Iterable[str]) -> list[str]:
    """Problems of the rules against a catalogue: unknown ids and cycles (empty when sound)."""
    known = set(exercise_ids)
    out = []
    for rule in rules.prerequisites.values():
        for eid in (rule.exercise_id, *rule.after):
            if eid not in known:
                out.append(f"ballistic.toml: {rule.exercise_id}: no exercise with id {eid!r}")
    for start in rules.prerequisites:
        seen: set[str] = set()
        frontier = [start]
        while frontier:
            found = rules.prerequisites.get(frontier.pop())
            for before in found.after if found else ():
                if before == start:
                    out.append(f"ballistic.toml: {start}: its prerequisites lead back to it")
                    frontier = []
                    break
                if before not in seen:
                    seen.add(before)
                    frontier.append(before)
    return out


def foot_contacts(
    reps: int | None, sets: int, per_side: bool, extra_sets_side: tuple[str, int] | None
) -> int:
    """Foot contacts of one item of a jump-pattern exercise [contacts].

    Every repetition is one contact (one landing); per-side repetitions count on each side and a
    weaker side's extra sets count as well (the project's counting convention).

    Examples
    --------
    >>> foot_contacts(15, 3, False, None)
    45
    >>> foot_contacts(4, 3, True, ("left", 1))
    28
    """
    if reps is None:
        return 0
    side_sets = sets * (2 if per_side else 1) + (extra_sets_side[1] if extra_sets_side else 0)
    return reps * side_sets
