"""Speed of the education loader and of build_habits, against baselines measured in the same run.

Run: ``PYTHONPATH=src python bench/habits_learn.py``

- ``load_pages`` (uncached: parse and check all pages) against the bare cost of reading the same
  files and parsing their front matter with tomllib;
- ``build_habits`` for a desk worker (every section present) and a pain-free lifter, against one
  pass over the catalogue (the least any catalogue-based habit could cost).
"""

from __future__ import annotations

import statistics
import time
import tomllib
from collections.abc import Callable
from importlib import resources

from spinewise.catalog import load_catalog
from spinewise.education import pages as pages_module
from spinewise.education.pages import load_pages
from spinewise.habits import build_habits
from spinewise.planning.periodization import periodize
from spinewise.planning.request import PlanRequest


def _time_us(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(repeat):
            fn()
        samples.append((time.perf_counter() - start) / repeat * 1e6)
    return statistics.median(samples)


def _bare_front_matter() -> None:
    folder = resources.files("spinewise.education").joinpath("pages")
    for f in folder.iterdir():
        if f.name.endswith(".md"):
            tomllib.loads(f.read_text(encoding="utf-8").split("+++")[1])


def _request(**changes: object) -> PlanRequest:
    base: dict[str, object] = {
        "name": "bench",
        "sex": "female",
        "age": 38,
        "body_mass_kg": 64.0,
        "training_experience": "novice",
        "days_per_week": 3,
        "minutes_per_session": 40,
        "weeks": 12,
        "equipment": frozenset({"mat", "band", "wall", "dumbbell"}),
    }
    base.update(changes)
    return PlanRequest(**base)  # type: ignore[arg-type]


def main() -> None:
    """Print each figure and its ratio to the baseline."""
    catalog = load_catalog()
    weeks = periodize(12)
    pages = load_pages()
    desk = _request(
        goals=("durability", "desk_work"),
        posture_triggers=frozenset({"prolonged_sitting"}),
        pain_current=3,
        sensitivities=frozenset({"flexion"}),
        findings=(("sitting_intolerance", "mild", "s"), ("pain_current_high", "mild", "p")),
    )
    lifter = _request(goals=("lifting",), training_experience="advanced")

    bare = _time_us(_bare_front_matter, 20)
    loader = _time_us(lambda: pages_module._read_all(pages_module._packaged_files()), 20)
    one_pass = _time_us(lambda: [e for e in catalog if e.equipment == ()], 200)
    desk_us = _time_us(lambda: build_habits(desk, weeks, catalog, pages), 50)
    lifter_us = _time_us(lambda: build_habits(lifter, weeks, catalog, pages), 50)

    print(f"pages: {len(pages)}, catalogue: {len(catalog)} exercises, plan: {len(weeks)} weeks")
    print(f"baseline  read + tomllib front matter  {bare:9.0f} us")
    print(f"load_pages (parse and check, uncached) {loader:9.0f} us  x{loader / bare:.1f}")
    print(f"baseline  one pass over the catalogue  {one_pass:9.1f} us")
    print(f"build_habits, desk worker              {desk_us:9.0f} us  x{desk_us / one_pass:.0f}")
    print(
        f"build_habits, pain-free lifter         {lifter_us:9.0f} us  x{lifter_us / one_pass:.0f}"
    )


if __name__ == "__main__":
    main()
