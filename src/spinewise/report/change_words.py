"""A plan's adaptation changes in people's words: what changes, where, and why.

The adaptation records each change with terse machine-friendly text (``sets 4 -> 3``,
``pain during the session was unacceptable: Pain during activity 7/10 is above 5/10 ...``).
This module turns those records into sentences a person reads after a session, on the plan's
change log and on the next session: no exercise ids, no arrows, no "RPE" without its meaning.

The pain bands quoted are those of :mod:`spinewise.pain_bands` (0-2 safe, 3-5 acceptable, above
5 too much; Silbernagel et al. 2007 [U], see that module).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from spinewise.pain_bands import ACCEPTABLE_MAX_0_10, SAFE_MAX_0_10, pain_band
from spinewise.planning.plan import PlanChange

__all__ = [
    "DECISION_WORDS",
    "ChangeWords",
    "change_words",
    "group_changes",
    "headline",
    "pain_words",
    "plain_change",
    "plain_reason",
]

#: How each adaptation verdict reads (the API keeps the verdict itself as ``decision``).
DECISION_WORDS: Mapping[str, str] = {
    "progress": "A step up",
    "regress": "A step back",
    "hold": "Kept as planned",
    "replan": "Weeks planned again",
    "retest": "Planned again after your retest",
}

_ARROW = re.compile(r"^(sets|reps|hold|distance) ([\d.]+) -> ([\d.]+)( s| m)?$")
_SWAP = re.compile(r"^(?P<old>.+?) -> (?P<new>.+?) \(the catalogue's (?P<kind>\w+)\)$")
_NOT_USED = re.compile(
    r" \((?:[^()]+, )?the catalogue's (progression|regression),? was not used: .*\)$"
)
_PAIN_DURING = re.compile(r"Pain during activity ([\d.]+)(?:/10)?")
_RPE = re.compile(r"\bRPE ([\d.]+)")
_ALL_MET = re.compile(r"\ball \d+ sets met their targets")


def _part(text: str) -> str:
    """One comma-separated part of a change (``sets 4 -> 3``) in words."""
    found = _ARROW.match(text.strip())
    if found is None:
        return text.strip()
    what, before, after, unit = found.groups()
    unit = (unit or "").strip()
    if what == "sets":
        return f"{after} {'set' if after == '1' else 'sets'} instead of {before}"
    if what == "reps":
        return f"{after} {'rep' if after == '1' else 'reps'} instead of {before}"
    if what == "hold":
        return f"{after}-second holds instead of {before} seconds"
    return f"{after} {unit or 'm'} instead of {before} {unit or 'm'}"


def plain_change(change: str | None, name: str, now_name: str | None = None) -> str:
    """What a change does to one exercise, in words.

    Parameters
    ----------
    change
        The adaptation's record of the change (``sets 4 -> 3, hold 30 -> 20 s``, or
        ``Bird dog -> Dead bug (the catalogue's regression)``).
    name
        The exercise's name before the change.
    now_name
        Its name after the change, when it was swapped for another exercise.

    Examples
    --------
    >>> plain_change("sets 4 -> 3, hold 30 -> 25 s", "Side plank")
    'Side plank: 3 sets instead of 4, 25-second holds instead of 30 seconds'
    >>> plain_change("Bird dog -> Dead bug (the catalogue's regression)", "Bird dog", "Dead bug")
    'Dead bug, an easier version, instead of Bird dog'
    """
    if not change:
        return name
    text = _NOT_USED.sub("", change)
    swap = _SWAP.match(text)
    if swap is not None:
        easier = "an easier version" if swap["kind"] == "regression" else "a harder version"
        return f"{now_name or swap['new']}, {easier}, instead of {name}"
    if text == "already at the lightest dose":
        return f"{name}: already at its lightest dose, so it stays as it is"
    if text == "no dose to step":
        return f"{name}: nothing to step up, so it stays as it is"
    return f"{name}: " + ", ".join(_part(p) for p in text.split(","))


def pain_words(pain_0_10: float) -> str:
    """A pain rating with its band, in words.

    Examples
    --------
    >>> pain_words(7)
    '7/10, above 5/10: too much'
    >>> pain_words(2)
    '2/10, in the safe range (0 to 2)'
    """
    shown = f"{pain_0_10:g}/10"
    band = pain_band(pain_0_10)
    if band == "safe":
        return f"{shown}, in the safe range (0 to {SAFE_MAX_0_10})"
    if band == "acceptable":
        return f"{shown}, acceptable ({SAFE_MAX_0_10 + 1} to {ACCEPTABLE_MAX_0_10})"
    return f"{shown}, above {ACCEPTABLE_MAX_0_10}/10: too much"


def _one_reason(reason: str) -> str:
    head, _, detail = reason.partition(": ")
    head_l = head.lower()
    pain = _PAIN_DURING.search(reason)
    if head_l.startswith("pain during the session was unacceptable") and pain:
        return f"pain during the session was {pain_words(float(pain[1]))}"
    if head_l.startswith("next-morning pain rose"):
        return "your back hurt more the next morning" + (
            f" ({detail.rstrip('.')})" if detail else ""
        )
    if head_l.startswith("pain has been rising"):
        return "your pain has been rising from week to week"
    if head_l.startswith("readiness was low"):
        return "you felt less ready to train than usual" + (
            f" ({detail.rstrip('.')})" if detail else ""
        )
    if head_l.startswith("your acute load spiked"):
        return (
            "you trained much more in the last week than in the weeks before, "
            "which raises the risk of a flare-up"
        )
    text = reason.rstrip(".")
    if pain:
        band = pain_words(float(pain[1]))
        text = re.sub(r"Pain during activity [^.;]*(\.|$)", f"pain during was {band}", text)
    text = _ALL_MET.sub("you did every set as planned", text)
    text = _RPE.sub(lambda m: f"an effort of {m[1]}/10", text)
    return text.replace("targets met", "every set was done as planned").replace(
        "all sets met their targets", "every set was done as planned"
    )


def plain_reason(reasons: Sequence[str]) -> str:
    """The reasons of a change as one sentence.

    Examples
    --------
    >>> plain_reason(["pain during the session was unacceptable: Pain during activity 7/10 "
    ...               "is above 5/10, which is too much: stop or regress this exercise."])
    'Because pain during the session was 7/10, above 5/10: too much.'
    """
    parts = [_one_reason(r) for r in reasons if r]
    if not parts:
        return ""
    text = "; ".join(dict.fromkeys(parts))
    return "Because " + text[0].lower() + text[1:] + "."


@dataclass(frozen=True)
class ChangeWords:
    """One change (or a run of the same change over several sessions) in words.

    Attributes
    ----------
    exercise_id
        The exercise changed (``None`` for a re-plan); for the API, not for display.
    decision
        The adaptation's verdict (``progress``, ``regress``, ``replan`` or ``retest``).
    heading
        The verdict in words ("A step back").
    what
        What changes, naming the exercise.
    why
        Why, in one sentence.
    sessions
        ``(week, session)`` of every session the change applies to, in plan order.
    version
        The plan version that made the change.
    """

    exercise_id: str | None
    decision: str
    heading: str
    what: str
    why: str
    sessions: tuple[tuple[int, int], ...]
    version: int

    @property
    def where(self) -> str:
        """The sessions it applies to, in words ("" for a re-plan)."""
        if not self.sessions:
            return ""
        week, session = self.sessions[0]
        if len(self.sessions) == 1:
            return f"in week {week}, session {session}"
        return f"from week {week}, session {session}, in {len(self.sessions)} sessions"


def change_words(change: PlanChange, name_of: Callable[[str], str]) -> ChangeWords:
    """One change record in words; ``name_of`` names an exercise id."""
    heading = DECISION_WORDS.get(change.verdict, change.verdict.capitalize())
    if change.exercise_id is None:
        what = " ".join(change.reasons) or heading
        return ChangeWords(None, change.verdict, heading, what, "", (), change.version)
    name = name_of(change.exercise_id)
    now = name_of(change.now) if change.now and change.now != change.exercise_id else None
    where = (
        () if change.week is None or change.session is None else ((change.week, change.session),)
    )
    return ChangeWords(
        change.exercise_id,
        change.verdict,
        heading,
        plain_change(change.change, name, now),
        plain_reason(change.reasons),
        where,
        change.version,
    )


def group_changes(
    changes: Iterable[PlanChange], name_of: Callable[[str], str]
) -> list[ChangeWords]:
    """The changes in words, one entry per exercise, verdict and reason (its sessions listed).

    The entry says what changes in the first session it applies to (a later session of the same
    exercise may change by another step). The order is that of the changes.
    """
    grouped: dict[tuple[object, ...], ChangeWords] = {}
    for change in changes:
        words = change_words(change, name_of)
        key: tuple[object, ...] = (words.exercise_id, words.decision, words.why, words.version)
        if words.exercise_id is None:
            key = (*key, len(grouped))
        seen = grouped.get(key)
        if seen is None:
            grouped[key] = words
        else:
            sessions = tuple(dict.fromkeys((*seen.sessions, *words.sessions)))
            grouped[key] = ChangeWords(
                seen.exercise_id,
                seen.decision,
                seen.heading,
                seen.what,
                seen.why,
                sessions,
                seen.version,
            )
    return list(grouped.values())


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def headline(changes: Sequence[ChangeWords]) -> str:
    """One sentence that says what the changes add up to ("" when there are none).

    Examples
    --------
    >>> w = ChangeWords("x", "regress", "A step back", "X, an easier version, instead of Y",
    ...                 "Because pain was too high.", ((1, 2),), 2)
    >>> headline([w])
    'Lighter: 1 exercise is swapped for an easier version.'
    """
    if not changes:
        return ""
    back = [c for c in changes if c.decision == "regress"]
    up = [c for c in changes if c.decision == "progress"]
    other = len(changes) - len(back) - len(up)
    parts = []
    if back:
        easier = sum("an easier version" in c.what for c in back)
        lighter = len(back) - easier
        said = []
        if lighter:
            said.append(
                _count(lighter, "exercise gets a lighter dose", "exercises get a lighter dose")
            )
        if easier:
            said.append(
                _count(easier, "exercise is swapped", "exercises are swapped")
                + " for an easier version"
            )
        parts.append("Lighter: " + " and ".join(said))
    if up:
        harder = sum("a harder version" in c.what for c in up)
        said = []
        if len(up) - harder:
            said.append(_count(len(up) - harder, "exercise steps up", "exercises step up"))
        if harder:
            said.append(_count(harder, "exercise moves", "exercises move") + " to a harder version")
        parts.append("Harder: " + " and ".join(said))
    if other:
        parts.append(_count(other, "change to the plan's weeks", "changes to the plan's weeks"))
    return "; ".join(parts) + "."
