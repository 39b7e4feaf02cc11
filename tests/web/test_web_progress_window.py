"""The progress figures computed by the database agree with the whole log read into Python.

Decision 0275: the progress page, its charts and the log page read session lines (sets counted
by the database) and the heaviest load per day, exercise and repetitions, instead of every set.
These tests build random histories on SQLite and PostgreSQL and compare every figure with the
computation of the whole sessions (the code path of before, kept as ``progress_inputs`` and
``history_page``), and the e1RM with the original per-set computation copied below.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from spinewise import services
from spinewise.load.strength import e1rm_epley
from spinewise.logbook import AssessmentRecord, PainScores, SessionLog, SetLog
from spinewise.logbook.window import SessionLine
from spinewise.services.handle import Store
from spinewise.store import add_assessment, add_session, athlete_id, writing
from spinewise.web import charts
from spinewise.web.progress import (
    E1RM_MAX_REPS,
    acwr_rolling,
    best_e1rm,
    best_e1rm_of,
    daily_loads,
    pain_series,
)

UNTIL = date(2026, 12, 9)
SINCE = UNTIL - timedelta(days=364)


def _original_best_e1rm(sessions: Sequence[SessionLog]) -> dict[str, list[tuple[date, float]]]:
    """``best_e1rm`` as it was before decision 0275: every set, one by one."""
    best: dict[str, dict[date, float]] = defaultdict(dict)
    for s in sessions:
        for item in s.sets:
            if item.reps is None or item.load_kg is None or item.load_kg <= 0:
                continue
            if not 1 <= item.reps <= E1RM_MAX_REPS:
                continue
            value = e1rm_epley(item.load_kg, item.reps)
            days = best[item.exercise_id]
            days[s.day] = max(days.get(s.day, 0.0), value)
    return {ex: sorted(days.items()) for ex, days in sorted(best.items())}


_scores = st.none() | st.integers(0, 10)
_loads = st.none() | st.sampled_from([0.0, -5.0, 20.0, 20.5, 40.0]) | st.floats(-50, 300)
_sets = st.builds(
    SetLog,
    exercise_id=st.sampled_from(["goblet_squat", "bird_dog", "trap_bar_deadlift"]),
    set_number=st.integers(1, 6),
    side=st.sampled_from([None, "left", "right"]),
    # Few rep counts, so that one day often holds several sets of an exercise at the same reps.
    reps=st.none() | st.sampled_from([0, 1, 5, 10, 11]) | st.integers(0, 14),
    load_kg=_loads,
)
#: Start times around the window's edges as well as anywhere in two years.
_edges = st.sampled_from(
    [
        datetime.combine(SINCE, time()),
        datetime.combine(SINCE, time()) - timedelta(seconds=1),
        datetime.combine(UNTIL, time(23, 59, 59)),
        datetime.combine(UNTIL + timedelta(days=1), time()),
    ]
)
#: A few days, so that some days hold two sessions.
_busy_days = st.builds(
    lambda day, hour: datetime.combine(day, time(hour)),
    st.sampled_from([SINCE, date(2026, 3, 3), UNTIL]),
    st.integers(0, 23),
)
_starts = (
    _edges
    | _busy_days
    | st.datetimes(datetime(2025, 6, 1), datetime(2027, 1, 10)).map(
        lambda d: d.replace(microsecond=0)
    )
)
_sessions = st.builds(
    SessionLog,
    started_at=_starts,
    duration_min=st.none() | st.floats(0, 240),
    session_rpe=_scores,
    pain=st.builds(PainScores, before=_scores, during=_scores, after=_scores, next_morning=_scores),
    sets=st.lists(_sets, max_size=8, unique_by=lambda s: s.key).map(tuple),
)
_assessed = st.lists(
    st.datetimes(datetime(2024, 1, 1), datetime(2026, 12, 1)).map(
        lambda d: d.replace(microsecond=0)
    ),
    max_size=3,
    unique=True,
)


def _store(engine: Any, sessions: list[SessionLog], assessed: list[datetime]) -> tuple[Store, int]:
    with writing(engine) as db:
        who = athlete_id(db, uuid.uuid4().hex)
        assert who is not None
        for log in sessions:
            add_session(db, who, log)
        for i, at in enumerate(assessed):
            add_assessment(db, who, AssessmentRecord(recorded_at=at, result={"n": i}))
    return Store(engine), who


def _line(stored: services.StoredSession) -> SessionLine:
    return SessionLine.from_log(stored.id, stored.log)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sessions=st.lists(_sessions, max_size=12, unique_by=lambda s: s.started_at),
    assessed=_assessed,
)
def test_progress_figures_from_the_database_equal_the_whole_log(
    engine: Any, sessions: list[SessionLog], assessed: list[datetime]
) -> None:
    store, who = _store(engine, sessions, assessed)
    whole = services.progress_inputs(store, who, since=SINCE, until=UNTIL)
    summary = services.progress_summary(store, who, since=SINCE, until=UNTIL)
    lines = services.sessions_between(store, who, since=SINCE, until=UNTIL)
    assert list(summary.sessions) == lines
    assert (summary.n_sessions, summary.n_sets) == (whole.n_sessions, whole.n_sets)
    # The load and its ratio, the unrated sessions, the pain series.
    old_load = daily_loads(whole.sessions, until=UNTIL)
    assert daily_loads(lines, until=UNTIL) == old_load
    assert acwr_rolling(daily_loads(lines, until=UNTIL).load_au) == acwr_rolling(old_load.load_au)
    assert pain_series(lines) == pain_series(whole.sessions)
    # The strength chart: the heaviest loads give the e1RM of every set, exactly.
    loads = services.heaviest_loads_between(
        store, who, since=SINCE, until=UNTIL, max_reps=E1RM_MAX_REPS
    )
    assert best_e1rm_of(loads) == _original_best_e1rm(whole.sessions)
    assert best_e1rm(whole.sessions) == _original_best_e1rm(whole.sessions)
    # Findings then and now: the first and the newest assessment.
    first = whole.assessments[0] if whole.assessments else None
    last = whole.assessments[-1] if len(whole.assessments) > 1 else None
    assert (summary.first_assessment, summary.last_assessment) == (first, last)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sessions=st.lists(_sessions, max_size=9, unique_by=lambda s: s.started_at),
    limit=st.integers(1, 4),
    offset=st.integers(0, 10),
    newest_first=st.booleans(),
)
def test_log_lines_equal_the_whole_sessions_page_by_page(
    engine: Any, sessions: list[SessionLog], limit: int, offset: int, newest_first: bool
) -> None:
    store, who = _store(engine, sessions, [])
    whole = services.history_page(store, who, limit=limit, offset=offset, newest_first=newest_first)
    lines = services.log_lines(store, who, limit=limit, offset=offset, newest_first=newest_first)
    assert lines == [_line(s) for s in whole]


def test_the_log_page_counts_each_sessions_sets(client: Any) -> None:
    from web.web_helpers import a_session, signup_login

    signup_login(client, f"{uuid.uuid4().hex}@example.org")
    three = [
        {"exercise_id": "bird_dog", "set_number": n, "side": None, "reps": 8} for n in (1, 2, 3)
    ]
    for started, sets in (("2026-12-07T18:00:00", three), ("2026-12-08T18:00:00", [])):
        r = client.post("/api/v1/logs/sessions", json=a_session(started_at=started, sets=sets))
        assert r.status_code == 201, r.text
    html = client.get("/sessions").text
    rows = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0].split("</tr>")
    assert rows[0].endswith("<td>0</td>")  # newest first: the session without sets
    assert rows[1].endswith("<td>3</td>")


@pytest.mark.parametrize("heights", [[0.0, 0.0], [3.0, 0.0, 120.5, 7.0], [5.0] * 365])
def test_the_load_bars_span_what_bar_would(heights: list[float]) -> None:
    x = np.arange(len(heights), dtype=np.float64) + 20_000.0
    drawn, reference = Figure().add_subplot(), Figure().add_subplot()
    charts._bars(drawn, x, heights, "#1f6f8b")
    reference.bar(x, heights, width=0.8)
    assert drawn.get_ylim() == pytest.approx(reference.get_ylim())
    assert drawn.dataLim.bounds == pytest.approx(reference.dataLim.bounds)


def test_a_chart_is_drawn_once_per_data_and_few_are_kept() -> None:
    drawings: list[int] = []

    def draw(n: int) -> str:
        drawings.append(n)
        return f"<svg>{n}</svg>"

    key = ("test-chart", uuid.uuid4().hex)
    assert charts.drawn((*key, 1), lambda: draw(1)) == "<svg>1</svg>"
    assert charts.drawn((*key, 1), lambda: draw(99)) == "<svg>1</svg>"  # kept: not drawn
    assert charts.drawn((*key, 2), lambda: draw(2)) == "<svg>2</svg>"  # other data: drawn
    for n in range(3, 3 + charts.DRAWN_CHARTS):
        charts.drawn((*key, n), lambda n=n: draw(n))
    assert charts.drawn((*key, 1), lambda: draw(1)) == "<svg>1</svg>"  # dropped: drawn again
    assert drawings == [1, 2, *range(3, 3 + charts.DRAWN_CHARTS), 1]


def test_the_load_chart_changes_when_a_session_is_logged(client: Any) -> None:
    from web.web_helpers import a_session, signup_login

    signup_login(client, f"{uuid.uuid4().hex}@example.org")
    empty = client.get("/progress/charts/load.svg").text
    assert client.get("/progress/charts/load.svg").text == empty
    r = client.post("/api/v1/logs/sessions", json=a_session())
    assert r.status_code == 201, r.text
    logged = client.get("/progress/charts/load.svg").text
    assert logged != empty
    assert "No sessions logged yet" in empty
    assert "No sessions logged yet" not in logged
