"""No adapted plan ever fails the validator (issue 13, part 4): a property over random logs.

For the held-out test profiles (tests/profiles/), random logs (pain during the session, session
RPE, targets met or not, next-morning pain, missed sessions) are fed to the adaptation, twice in
a row (the second time to the version the first made); every version made must pass
:func:`~spinewise.planning.validate.validate_plan` as the planner's plan does. Plans are four
weeks long and the examples few, to keep the suite fast.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adaptation.log_fixtures import session_log
from spinewise.adaptation.engine import Adaptation, adapt
from spinewise.assessment import assess
from spinewise.catalog import load_catalog
from spinewise.logbook.entries import SessionLog
from spinewise.logbook.planned import planned_sessions
from spinewise.planning.from_profile import request_from_profile
from spinewise.planning.plan import Plan
from spinewise.planning.planner import make_plan
from spinewise.planning.request import PlanRequest
from spinewise.planning.validate import validate_plan
from spinewise.profile import load_profile

PROFILES = Path(__file__).resolve().parents[1] / "profiles"
#: Five of the seven people, by the name of their profile file: two novices (one at 3/10 pain,
#: one older with poor balance), two in pain with a direction of sensitivity, and no equipment in
#: 20 minutes. The advanced six-day and powerlifting plans take seconds to re-plan.
NAMES = (
    "desk_worker_flexion",
    "golfer",
    "kettlebell_extension",
    "no_equipment_20min",
    "older_adult_balance",
)
CATALOG = load_catalog()


@cache
def _planned(name: str) -> tuple[PlanRequest, Plan]:
    profile = load_profile(PROFILES / f"{name}.toml")
    request = request_from_profile(profile, assess(profile), weeks=4)
    return request, make_plan(request, CATALOG)


def test_the_people_and_their_plans_are_valid() -> None:
    assert set(NAMES) < {p.stem for p in PROFILES.glob("*.toml")}
    for name in NAMES:
        request, plan = _planned(name)
        assert validate_plan(plan, request, CATALOG) == [], name


#: One planned session's fate: missed (None) or logged with pain during it [0-10], session RPE
#: of its sets [1-10], targets met or not, and next-morning pain [0-10] or none recorded.
FATE = st.one_of(
    st.none(),
    st.tuples(
        st.integers(0, 10),
        st.floats(1, 10, allow_nan=False),
        st.booleans(),
        st.one_of(st.none(), st.integers(0, 10)),
    ),
)
Fate = tuple[int, float, bool, int | None] | None


def _logs(
    plan: Plan, fates: list[Fate], start: int, version: int
) -> tuple[list[SessionLog], date | None]:
    """Logs of the planned sessions ``start`` onwards, one fate each; the date of the last."""
    sessions = planned_sessions(plan)[start : start + len(fates)]
    logs = [
        session_log(
            ps, pain_during=f[0], rpe=f[1], met=f[2], next_morning=f[3], plan_version=version
        )
        for ps, f in zip(sessions, fates, strict=False)
        if f is not None
    ]
    return logs, sessions[-1].date if sessions else None


def _adapt(plan: Plan, logs: list[SessionLog], request: PlanRequest, today: date) -> Adaptation:
    return adapt(plan, logs, request=request, catalog=CATALOG, today=today)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    name=st.sampled_from(NAMES),
    first=st.lists(FATE, min_size=1, max_size=6),
    then=st.lists(FATE, min_size=0, max_size=4),
    late_days=st.integers(0, 3),
)
def test_no_adapted_plan_fails_the_validator(
    name: str, first: list[Fate], then: list[Fate], late_days: int
) -> None:
    request, plan = _planned(name)
    logs, last = _logs(plan, first, 0, 1)
    assert last is not None
    one = _adapt(plan, logs, request, last + timedelta(days=late_days))
    assert validate_plan(one.plan, request, CATALOG) == [], (name, one.changes, one.held)
    more, last = _logs(one.plan, then, len(first), one.plan.version or 1)
    if last is None:
        return
    two = _adapt(one.plan, logs + more, request, last + timedelta(days=late_days))
    assert validate_plan(two.plan, request, CATALOG) == [], (name, two.changes, two.held)
