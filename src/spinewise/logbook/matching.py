"""Map exercise names from other apps to catalogue ids.

Order of tries, first hit wins:

1. the name is a catalogue id;
2. the normalised name equals a normalised catalogue name or alias (with and without the
   parenthesised equipment other apps add, e.g. ``Deadlift (Barbell)``);
3. rapidfuzz ``token_sort_ratio`` against every name and alias, at or above ``threshold``
   (ties go to the smallest id, so the result is deterministic);
4. otherwise a custom exercise ``custom:<slug>``, reported as not recognised.

Examples
--------
>>> m = ExerciseMatcher([("bird_dog", "Bird dog", ("quadruped opposite arm leg",))])
>>> m.match("Bird-Dog").exercise_id, m.match("Bird-Dog").method
('bird_dog', 'name')
>>> m.match("Bird dogs").method
'fuzzy'
>>> m.match("Bench Press (Barbell)").exercise_id
'custom:bench_press_barbell'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from spinewise.catalog import Catalog
from spinewise.logbook.entries import CUSTOM_PREFIX

__all__ = ["DEFAULT_THRESHOLD", "ExerciseMatcher", "Match", "custom_id", "normalise"]

#: Lowest rapidfuzz token_sort_ratio (0-100) that counts as the same exercise.
DEFAULT_THRESHOLD = 88.0

MatchMethod = Literal["id", "name", "alias", "fuzzy", "custom"]

_NON_WORD = re.compile(r"[^a-z0-9]+")
_PARENS = re.compile(r"\([^)]*\)")


def normalise(name: str) -> str:
    """Lower-case words separated by single spaces.

    >>> normalise("  Romanian Deadlift (Dumbbell) ")
    'romanian deadlift dumbbell'
    """
    return " ".join(_NON_WORD.split(name.lower())).strip()


def custom_id(name: str) -> str:
    """The id of a custom exercise made from an unknown name.

    >>> custom_id("Bench Press (Barbell)")
    'custom:bench_press_barbell'
    """
    slug = normalise(name).replace(" ", "_") or "unnamed"
    return f"{CUSTOM_PREFIX}{slug[:100]}"


@dataclass(frozen=True)
class Match:
    """How one name was mapped: the id, how, and the fuzzy score (100 for exact)."""

    name: str
    exercise_id: str
    method: MatchMethod
    score: float

    @property
    def recognised(self) -> bool:
        """Whether the name matched a catalogue exercise."""
        return self.method != "custom"


ExerciseNames = tuple[str, str, tuple[str, ...]]


class ExerciseMatcher:
    """Match names against a catalogue's ids, names and aliases; results are cached.

    Parameters
    ----------
    exercises
        A :class:`~spinewise.catalog.Catalog`, or ``(id, name, aliases)`` triples.
    threshold
        Lowest fuzzy score (0-100) accepted.
    """

    def __init__(
        self,
        exercises: Catalog | Iterable[ExerciseNames],
        threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        triples: list[ExerciseNames] = (
            [(e.id, e.name, e.aliases) for e in exercises.exercises]
            if isinstance(exercises, Catalog)
            else list(exercises)
        )
        triples.sort(key=lambda t: t[0])
        self.threshold = threshold
        self._ids = {t[0] for t in triples}
        self._exact: dict[str, tuple[str, MatchMethod]] = {}
        for ex_id, name, aliases in triples:
            for text, method in [(name, "name"), *((a, "alias") for a in aliases)]:
                for key in {normalise(text), normalise(_PARENS.sub(" ", text))}:
                    if key:
                        self._exact.setdefault(key, (ex_id, method))  # type: ignore[arg-type]
        self._choices = sorted(self._exact)
        self._cache: dict[str, Match] = {}

    def match(self, name: str) -> Match:
        """Return the best match for ``name`` (a custom id when nothing is close)."""
        cached = self._cache.get(name)
        if cached is None:
            cached = self._cache[name] = self._match(name)
        return cached

    def _match(self, name: str) -> Match:
        stripped = name.strip()
        if stripped in self._ids:
            return Match(name, stripped, "id", 100.0)
        keys = [normalise(stripped), normalise(_PARENS.sub(" ", stripped))]
        for key in keys:
            if key in self._exact:
                ex_id, method = self._exact[key]
                return Match(name, ex_id, method, 100.0)
        best: tuple[float, str] | None = None
        for key in keys:
            if not key or not self._choices:
                continue
            found = process.extractOne(
                key, self._choices, scorer=fuzz.token_sort_ratio, score_cutoff=self.threshold
            )
            if found is not None:
                candidate = (float(found[1]), self._exact[found[0]][0])
                if best is None or (-candidate[0], candidate[1]) < (-best[0], best[1]):
                    best = candidate
        if best is not None:
            return Match(name, best[1], "fuzzy", round(best[0], 1))
        return Match(name, custom_id(stripped), "custom", 0.0)
