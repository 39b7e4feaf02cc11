"""Read catalogue TOML files into exercises, collecting every structural problem.

A catalogue directory holds ``*.toml`` files, each an array of tables ``[[exercise]]``. Files are
read in sorted order so that the catalogue, and every plan built from it, is deterministic.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from spinewise.catalog.entities import Exercise

__all__ = ["LoadedCatalog", "Problem", "default_data_dir", "read_catalog_dir"]


@dataclass(frozen=True, order=True)
class Problem:
    """One catalogue problem, printed as ``FILE: EXERCISE_ID: FIELD: message``."""

    file: str
    exercise_id: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.exercise_id}: {self.field}: {self.message}"


@dataclass(frozen=True)
class LoadedCatalog:
    """Exercises as read, where each came from, the problems found, and a content hash."""

    exercises: tuple[Exercise, ...]
    files: dict[str, str]
    problems: tuple[Problem, ...]
    digest: str


def default_data_dir() -> Path:
    """Return the packaged catalogue directory (``spinewise/catalog/data/exercises``)."""
    return Path(str(resources.files("spinewise.catalog").joinpath("data/exercises")))


def _field_name(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "(entry)"


def _entry_problems(file: str, entry_id: str, err: ValidationError) -> list[Problem]:
    out = []
    for item in err.errors():
        value = item.get("input")
        shown = "" if item["type"] == "missing" else f" (got {value!r})"
        out.append(Problem(file, entry_id, _field_name(item["loc"]), item["msg"] + shown))
    return out


def read_catalog_dir(directory: Path) -> LoadedCatalog:
    """Read every ``*.toml`` file below ``directory``.

    Parameters
    ----------
    directory
        A folder of catalogue files.

    Returns
    -------
    LoadedCatalog
        The valid exercises, the file each came from, and the structural problems; entries with
        structural problems are left out of ``exercises``.
    """
    exercises: list[Exercise] = []
    files: dict[str, str] = {}
    problems: list[Problem] = []
    digest = hashlib.sha256()
    paths = sorted(directory.glob("**/*.toml"))
    if not paths:
        problems.append(Problem(str(directory), "-", "-", "no catalogue files (*.toml) found"))
    for path in paths:
        name = path.name
        raw_bytes = path.read_bytes()
        digest.update(name.encode() + b"\0" + raw_bytes)
        try:
            # I/O edge: a parsed catalogue TOML file, validated into Exercise models below.
            doc: dict[str, Any] = tomllib.loads(raw_bytes.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            problems.append(Problem(name, "-", "-", f"not valid TOML: {exc}"))
            continue
        unknown = sorted(set(doc) - {"exercise"})
        for key in unknown:
            problems.append(Problem(name, "-", key, "unknown top-level key; expected [[exercise]]"))
        entries = doc.get("exercise", [])
        if not isinstance(entries, list):
            problems.append(Problem(name, "-", "exercise", "must be an array of tables"))
            continue
        for position, entry in enumerate(entries, start=1):
            entry_id = str(entry.get("id", f"#{position}"))
            try:
                exercise = Exercise.model_validate(entry)
            except ValidationError as err:
                problems.extend(_entry_problems(name, entry_id, err))
                continue
            if exercise.id in files:
                problems.append(
                    Problem(name, exercise.id, "id", f"duplicate id (also in {files[exercise.id]})")
                )
                continue
            files[exercise.id] = name
            exercises.append(exercise)
    return LoadedCatalog(tuple(exercises), files, tuple(problems), digest.hexdigest()[:12])
