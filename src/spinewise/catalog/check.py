"""Semantic checks of the catalogue: tags, dose fit, the regression graph and coverage.

Each check returns :class:`~spinewise.catalog.loader.Problem` values; ``check_catalog`` runs
them all.
Catalogue-wide problems (coverage) use ``-`` as the exercise id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import chain

from spinewise.catalog.entities import Exercise
from spinewise.catalog.loader import LoadedCatalog, Problem
from spinewise.catalog.vocabulary import Vocabulary

__all__ = [
    "FULL_GYM",
    "MINIMAL_KIT",
    "check_catalog",
    "check_coverage",
    "check_dose",
    "check_graph",
    "check_tags",
]

#: "Bodyweight and a band alone": a floor mat is taken as part of bodyweight training
#: (see docs/decisions/0002-catalogue-format.md).
MINIMAL_KIT: frozenset[str] = frozenset({"band", "mat"})
#: A full gym has every piece of equipment in the vocabulary.
FULL_GYM = "all"

_SINGLE_VALUED = ("laterality", "integration", "loading")
_MULTI_VALUED = ("qualities", "planes", "patterns", "equipment", "sensitivities", "blocks")


def _tag_values(ex: Exercise, section: str) -> tuple[str, ...]:
    if section == "regions":
        return tuple(ex.regions)
    value = getattr(ex, section)
    return (value,) if isinstance(value, str) else tuple(value)


def check_tags(ex: Exercise, file: str, vocab: Vocabulary) -> list[Problem]:
    """Every tag must be a value of its vocabulary section, listed once."""
    out: list[Problem] = []
    for section in ("regions", *_SINGLE_VALUED, *_MULTI_VALUED):
        values = _tag_values(ex, section)
        for tag in values:
            if not vocab.allows(section, tag):
                allowed = ", ".join(vocab.values(section))
                out.append(
                    Problem(file, ex.id, section, f"unknown tag {tag!r}; allowed: {allowed}")
                )
        if len(set(values)) != len(values):
            out.append(Problem(file, ex.id, section, "a tag is listed twice"))
    if "none" in ex.equipment:
        out.append(Problem(file, ex.id, "equipment", "write [] for no equipment, not 'none'"))
    if not ex.primary_regions:
        out.append(Problem(file, ex.id, "regions", "needs at least one primary region"))
    return out


def check_dose(ex: Exercise, file: str) -> list[Problem]:
    """The default dose must fit the exercise (see the rules in docs/catalogue.md)."""
    d = ex.dose
    out: list[Problem] = []

    def bad(field: str, message: str) -> None:
        out.append(Problem(file, ex.id, f"dose.{field}", message))

    measures = [name for name in ("reps", "hold_s", "distance_m") if getattr(d, name) is not None]
    if len(measures) != 1:
        bad(
            "reps", f"exactly one of reps, hold_s, distance_m must be set, got {measures or 'none'}"
        )
    if ex.laterality in ("unilateral", "split") and not d.per_side:
        bad("per_side", f"a {ex.laterality} exercise is dosed per side (per_side = true)")
    if ex.laterality == "bilateral" and d.per_side:
        bad("per_side", "a bilateral exercise is not dosed per side (per_side = false)")
    if d.tempo is not None and d.reps is None:
        bad("tempo", "a tempo needs a dose in reps")
    if d.distance_m is not None and not ({"carry"} & set(ex.patterns)):
        bad("distance_m", "only carries are dosed by distance")
    hold_ok = {"isometric_endurance", "motor_control", "mobility"} & set(ex.qualities)
    if d.hold_s is not None and not hold_ok and ex.loading != "pulsed":
        bad("hold_s", "a hold needs isometric_endurance, motor_control or mobility")
    if ex.loading == "ballistic":
        if d.reps is None:
            bad("reps", "ballistic work is dosed in reps")
        if d.tempo is not None and d.tempo.split("-")[2] != "X":
            bad("tempo", f"ballistic work is fast: the concentric digit must be X, got {d.tempo}")
        if d.intensity.kind != "ballistic":
            bad("intensity", "ballistic loading needs intensity kind 'ballistic'")
    if "eccentric_control" in ex.qualities:
        ecc = d.tempo.split("-")[0] if d.tempo else None
        if ecc is None or ecc == "X" or int(ecc) < 3:
            bad("tempo", "eccentric_control needs a tempo with a lowering of 3 s or more")
    if d.intensity.kind == "percent_1rm" and ex.loading != "constant":
        bad("intensity", "percent_1rm needs a constant external load")
    if d.intensity.kind == "band" and "band" not in ex.equipment:
        bad("intensity", "intensity kind 'band' needs a band")
    return out


def _easier_to_harder(exercises: Iterable[Exercise]) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for ex in exercises:
        edges.setdefault(ex.id, set())
        for r in ex.regressions:
            edges.setdefault(r, set()).add(ex.id)
        for p in ex.progressions:
            edges[ex.id].add(p)
    return edges


def _find_cycle(edges: Mapping[str, set[str]]) -> list[str] | None:
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(edges, white)
    for start in sorted(edges):
        if colour[start] != white:
            continue
        stack: list[tuple[str, list[str]]] = [(start, sorted(edges[start]))]
        path = [start]
        colour[start] = grey
        while stack:
            node, todo = stack[-1]
            if not todo:
                colour[node] = black
                stack.pop()
                path.pop()
                continue
            nxt = todo.pop(0)
            if colour.get(nxt, white) == grey:
                return [*path[path.index(nxt) :], nxt]
            if colour.get(nxt, white) == white:
                colour[nxt] = grey
                path.append(nxt)
                stack.append((nxt, sorted(edges.get(nxt, ()))))
    return None


def check_graph(loaded: LoadedCatalog) -> list[Problem]:
    """Regressions and progressions: no dangling id, no self-link, level order, no cycle."""
    by_id = {ex.id: ex for ex in loaded.exercises}
    out: list[Problem] = []
    for ex in loaded.exercises:
        file = loaded.files[ex.id]
        for field, targets in (("regressions", ex.regressions), ("progressions", ex.progressions)):
            for target in targets:
                other = by_id.get(target)
                if other is None:
                    out.append(Problem(file, ex.id, field, f"unknown exercise id {target!r}"))
                elif target == ex.id:
                    out.append(Problem(file, ex.id, field, "an exercise cannot link to itself"))
                elif field == "regressions" and other.level > ex.level:
                    out.append(
                        Problem(
                            file,
                            ex.id,
                            field,
                            f"regression {target!r} has a higher level "
                            f"({other.level} > {ex.level})",
                        )
                    )
                elif field == "progressions" and other.level < ex.level:
                    out.append(
                        Problem(
                            file,
                            ex.id,
                            field,
                            f"progression {target!r} has a lower level "
                            f"({other.level} < {ex.level})",
                        )
                    )
    edges = {
        k: {v for v in vs if v in by_id}
        for k, vs in _easier_to_harder(by_id.values()).items()
        if k in by_id
    }
    cycle = _find_cycle(edges)
    if cycle is not None:
        first = cycle[0]
        out.append(
            Problem(
                loaded.files[first],
                first,
                "regressions",
                "cyclic regression/progression: " + " -> ".join(cycle),
            )
        )
        return out
    easier: dict[str, set[str]] = {k: set() for k in by_id}
    for k, vs in edges.items():
        for v in vs:
            easier[v].add(k)
    reaches_level1: dict[str, bool] = {}

    def reaches(node: str) -> bool:
        if node not in reaches_level1:
            reaches_level1[node] = by_id[node].level == 1 or any(
                reaches(e) for e in sorted(easier[node])
            )
        return reaches_level1[node]

    for ex in loaded.exercises:
        if ex.level > 1 and not reaches(ex.id):
            out.append(
                Problem(
                    loaded.files[ex.id],
                    ex.id,
                    "regressions",
                    f"level {ex.level} needs a regression path down to a level-1 exercise",
                )
            )
    return out


def _trainable(exercises: Iterable[Exercise], kit: frozenset[str] | None) -> list[Exercise]:
    return [ex for ex in exercises if kit is None or set(ex.equipment) <= kit]


def check_coverage(loaded: LoadedCatalog, vocab: Vocabulary) -> list[Problem]:
    """Every vocabulary value used twice; key regions and weekly qualities at home and in a gym."""
    out: list[Problem] = []
    exercises = loaded.exercises
    for section in ("regions", *_SINGLE_VALUED, *_MULTI_VALUED):
        for tag in vocab.values(section):
            if section == "equipment" and tag == "none":
                users = [ex for ex in exercises if not ex.equipment]
            else:
                users = [ex for ex in exercises if tag in _tag_values(ex, section)]
            if len(users) < 2:
                out.append(
                    Problem(
                        "-",
                        "-",
                        section,
                        f"vocabulary value {tag!r} is used by {len(users)} exercise(s); "
                        "at least 2 needed",
                    )
                )
    for kit_name, kit in (("bodyweight and a band", MINIMAL_KIT), ("a full gym", None)):
        pool = _trainable(exercises, kit)
        for region in vocab.key_regions:
            if not any(region in ex.primary_regions for ex in pool):
                out.append(
                    Problem(
                        "-",
                        "-",
                        "regions",
                        f"key region {region!r} cannot be trained with {kit_name}",
                    )
                )
        for quality in vocab.weekly_qualities:
            if not any(quality in ex.qualities for ex in pool):
                out.append(
                    Problem(
                        "-",
                        "-",
                        "qualities",
                        f"weekly quality {quality!r} cannot be trained with {kit_name}",
                    )
                )
    return out


def check_catalog(
    loaded: LoadedCatalog, vocab: Vocabulary, *, coverage: bool = True
) -> list[Problem]:
    """Run every check and return all problems, sorted by file and exercise."""
    per_exercise = chain.from_iterable(
        chain(check_tags(ex, loaded.files[ex.id], vocab), check_dose(ex, loaded.files[ex.id]))
        for ex in loaded.exercises
    )
    problems = [*loaded.problems, *per_exercise, *check_graph(loaded)]
    if coverage:
        problems.extend(check_coverage(loaded, vocab))
    return sorted(set(problems))
