"""Speed of the recommendations, against baselines measured in the same run.

Run: ``PYTHONPATH=src python bench/recommend.py``

- ``recommended_for_you`` for the example profile's plan with a 120-day log of 60 sessions,
  against one ``most_similar`` query per planned item (the similarity lookups it cannot avoid);
- ``substitutes`` with the week's coverage, against one ``most_similar`` query;
- ``item_coverage`` of every item of a plan week.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from importlib import resources

from spinewise.adaptation import item_coverage, recommended_for_you, substitutes
from spinewise.adaptation.recommend import next_session
from spinewise.assessment import assess
from spinewise.catalog import load_catalog, similarity_index
from spinewise.logbook import PainScores, SessionLog, SetLog
from spinewise.planning.from_profile import request_from_profile
from spinewise.planning.make import make_plan_for_profile
from spinewise.profile import parse_profile


def _time_us(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(repeat):
            fn()
        samples.append((time.perf_counter() - start) / repeat * 1e6)
    return statistics.median(samples)


def main() -> None:
    """Print each figure and its ratio to the baseline."""
    import tomllib

    text = resources.files("spinewise.examples").joinpath("profile.example.toml").read_text()
    profile = parse_profile(tomllib.loads(text))
    request = request_from_profile(profile, assess(profile))
    catalog = load_catalog()
    plan = make_plan_for_profile(profile, weeks=8)
    today = date(2027, 1, 4)
    nxt = next_session(plan, today)
    assert nxt is not None
    planned = [it.exercise_id for it in nxt.items]
    rng = random.Random(7)
    log = [
        SessionLog(
            started_at=datetime(2026, 9, 6, 18) + timedelta(days=2 * n),
            pain=PainScores(during=rng.randint(0, 7)),
            sets=tuple(SetLog(exercise_id=e, set_number=1, reps=8) for e in rng.sample(planned, 4)),
        )
        for n in range(60)
    ]
    index = similarity_index(catalog)
    week = next(w for w in plan.weeks if w.index == nxt.week)

    def lookups() -> None:
        for e in planned:
            index.most_similar(e, 5)

    def rec() -> None:
        recommended_for_you(
            plan=plan,
            sessions=log,
            catalog=catalog,
            today=today,
            demands=request.demands,
            pain_now=4,
            equipment=request.equipment,
            sensitivities=request.sensitivities,
        )

    first = planned[0]
    needed = item_coverage(week, nxt.session, first, catalog=catalog, request=request)

    def subs() -> None:
        substitutes(
            first,
            catalog=catalog,
            available_equipment=request.equipment,
            avoid_sensitivities=request.sensitivities,
            needed=needed,
        )

    def coverage() -> None:
        for s in week.sessions:
            for _, it in s.items():
                item_coverage(week, s.index, it.exercise_id, catalog=catalog)

    base_all = _time_us(lookups, 20)
    base_one = _time_us(lambda: index.most_similar(first, 5), 200)
    rec_us = _time_us(rec, 20)
    subs_us = _time_us(subs, 50)
    cov_us = _time_us(coverage, 20)
    n_items = sum(len(b.items) for s in week.sessions for b in s.blocks)
    print(f"catalogue: {len(catalog)} exercises; next session: {len(planned)} items; log: 60")
    print(f"baseline most_similar x {len(planned)}:   {base_all:10.0f} us")
    print(f"recommended_for_you:           {rec_us:10.0f} us  ({rec_us / base_all:.1f}x baseline)")
    print(f"baseline most_similar x 1:     {base_one:10.0f} us")
    print(
        f"substitutes (with coverage):   {subs_us:10.0f} us  ({subs_us / base_one:.1f}x baseline)"
    )
    print(f"item_coverage x {n_items} (a week):  {cov_us:10.0f} us")


if __name__ == "__main__":
    main()
