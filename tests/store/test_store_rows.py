"""The row values of a set and a session name every column, no more, no fewer."""

from __future__ import annotations

from datetime import datetime

from spinewise.logbook import SessionLog, SetLog
from spinewise.store.rows import SET_VALUE_COLUMNS, session_values, set_values
from spinewise.store.tables import SessionRow, SetRow


def test_set_values_fill_every_column_of_a_set_row() -> None:
    item = SetLog(exercise_id="bird_dog", set_number=2, side="left", reps=8, rpe=7)
    values = set_values(5, item)
    columns = {c.name for c in SetRow.__table__.columns} - {"id"}
    assert set(values) == columns
    assert set(SET_VALUE_COLUMNS) | {"session_id", "side"} == columns
    assert (values["session_id"], values["side"], values["reps"], values["rpe"]) == (
        5,
        "left",
        8,
        7,
    )
    assert set_values(5, item.model_copy(update={"side": None}))["side"] == ""


def test_session_values_fill_every_column_of_a_session_row() -> None:
    log = SessionLog(started_at=datetime(2026, 12, 1, 18), title="Evening")
    values = session_values(3, log, plan_session_id=None, import_id=None)
    assert set(values) == {c.name for c in SessionRow.__table__.columns} - {"id"}
    assert (values["athlete_id"], values["title"]) == (3, "Evening")
