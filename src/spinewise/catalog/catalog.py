"""The Catalog: validated exercises and the queries plans and people ask of them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from spinewise.catalog.entities import Exercise
from spinewise.catalog.vocabulary import Vocabulary, vocabulary_from_data
from spinewise.errors import CatalogError, InputError

if TYPE_CHECKING:
    from spinewise.catalog.cache import CachedCatalog

__all__ = ["Catalog", "ExerciseFilter", "load_catalog"]


@dataclass(frozen=True)
class ExerciseFilter:
    """A query over the catalogue; every given criterion must hold.

    ``equipment`` is what is available: an exercise passes when it needs nothing else.
    """

    region: str | None = None
    primary_only: bool = False
    quality: str | None = None
    plane: str | None = None
    pattern: str | None = None
    equipment: frozenset[str] | None = None
    laterality: str | None = None
    min_level: int = 1
    max_level: int = 5
    exclude_sensitivities: frozenset[str] = field(default_factory=frozenset)

    def matches(self, ex: Exercise) -> bool:
        """Tell whether ``ex`` meets every criterion."""
        regions = ex.primary_regions if self.primary_only else tuple(ex.regions)
        return (
            (self.region is None or self.region in regions)
            and (self.quality is None or self.quality in ex.qualities)
            and (self.plane is None or self.plane in ex.planes)
            and (self.pattern is None or self.pattern in ex.patterns)
            and (self.equipment is None or set(ex.equipment) <= self.equipment)
            and (self.laterality is None or ex.laterality == self.laterality)
            and self.min_level <= ex.level <= self.max_level
            and not (self.exclude_sensitivities & set(ex.sensitivities))
        )


@dataclass(frozen=True, eq=False)
class Catalog:
    """An immutable, validated exercise catalogue, in sorted id order.

    Attributes
    ----------
    exercises
        The exercises sorted by id.
    version
        A short content hash of the data files, recorded in every plan.
    vocabulary
        The vocabulary the tags come from.
    """

    exercises: tuple[Exercise, ...]
    version: str
    vocabulary: Vocabulary
    _by_id: dict[str, Exercise] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.exercises, key=lambda e: e.id))
        object.__setattr__(self, "exercises", ordered)
        object.__setattr__(self, "_by_id", {e.id: e for e in ordered})

    def __len__(self) -> int:
        return len(self.exercises)

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises)

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._by_id

    @property
    def ids(self) -> tuple[str, ...]:
        """Every exercise id, sorted."""
        return tuple(e.id for e in self.exercises)

    def get(self, exercise_id: str) -> Exercise:
        """Return one exercise; an unknown id is an input error naming it."""
        try:
            return self._by_id[exercise_id]
        except KeyError:
            raise InputError(f"exercise: no exercise with id {exercise_id!r}") from None

    def find(self, criteria: ExerciseFilter) -> tuple[Exercise, ...]:
        """Return the exercises matching ``criteria``, sorted by id."""
        return tuple(e for e in self.exercises if criteria.matches(e))

    def subset(self, ids: Iterable[str]) -> Catalog:
        """Return a catalogue of just these exercises (for tests and focused plans)."""
        wanted = set(ids)
        return Catalog(
            tuple(e for e in self.exercises if e.id in wanted), self.version, self.vocabulary
        )


def _load(directory: Path) -> Catalog:
    # The reading and checking modules are imported here: a start that finds the checked
    # catalogue in the cache (spinewise.catalog.cache) needs neither.
    from spinewise.catalog.check import check_catalog
    from spinewise.catalog.loader import read_catalog_dir
    from spinewise.catalog.vocabulary import load_vocabulary

    loaded = read_catalog_dir(directory)
    vocab = load_vocabulary()
    problems = check_catalog(loaded, vocab)
    if problems:
        raise CatalogError([str(p) for p in problems])
    return Catalog(loaded.exercises, loaded.digest, vocab)


def _check_default() -> CachedCatalog:
    """Read and check the packaged catalogue and its reference files (raises on any problem)."""
    from spinewise.catalog.ballistic import check_ballistic_rules, load_ballistic_rules
    from spinewise.catalog.cache import CachedCatalog
    from spinewise.catalog.exclusions import load_finding_exclusions
    from spinewise.catalog.loader import default_data_dir
    from spinewise.catalog.vocabulary import vocabulary_data

    catalog = _load(default_data_dir())
    problems = check_ballistic_rules(load_ballistic_rules(), catalog.ids)
    missing = sorted(
        eid for rule in load_finding_exclusions() for eid in rule.exercises if eid not in catalog
    )
    problems += [f"finding_exclusions.toml: no exercise with id {eid!r}" for eid in missing]
    if problems:
        raise CatalogError(problems)
    return CachedCatalog(
        version=catalog.version, vocabulary=vocabulary_data(), exercises=catalog.exercises
    )


@cache
def _load_default() -> Catalog:
    from spinewise.catalog.cache import cached

    found = cached(_check_default)
    return Catalog(found.exercises, found.version, vocabulary_from_data(found.vocabulary))


def load_catalog(directory: Path | None = None) -> Catalog:
    """Load and validate a catalogue (the packaged one unless ``directory`` is given).

    The packaged catalogue is also checked against its reference files (``data/ballistic.toml``,
    ``data/finding_exclusions.toml``): every id they name must be a catalogue exercise. Once
    checked, it is kept in the user's cache folder (:mod:`spinewise.catalog.cache`) and read
    from there while neither its files nor the code that checks them change.

    Raises
    ------
    CatalogError
        When the data has any problem; each problem is one line.
    """
    return _load_default() if directory is None else _load(directory)
