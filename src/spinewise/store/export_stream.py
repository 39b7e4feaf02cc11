"""Exports written piece by piece: the same bytes as :mod:`spinewise.store.exporters`.

The sessions are read a batch at a time (:func:`spinewise.store.sessions.iter_sessions`) and
plans one at a time, and each piece of text is yielded as soon as it is made, so an export of a
million sets holds one batch in memory, never the whole history. The text equals
``backup_json(export_backup(...))`` and ``export_csv(export_backup(...))`` byte for byte.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from spinewise.errors import InputError
from spinewise.logbook import SCHEMA_VERSION, PlanRecord
from spinewise.store.engine import reading
from spinewise.store.exporters import CSV_COLUMNS, csv_rows
from spinewise.store.plans import list_assessments, list_custom_exercises, list_profiles
from spinewise.store.sessions import athlete_id, iter_sessions
from spinewise.store.tables import PlanRow

__all__ = ["iter_backup_json", "iter_csv"]

#: Sessions rendered per yielded piece of text.
_PIECE = 50


def _who(db: Session, athlete: str) -> int:
    who = athlete_id(db, athlete, create=False)
    if who is None:
        raise InputError(f"--athlete: no athlete named {athlete!r} has any data")
    return who


def _dumps(value: Any, indent: str) -> str:
    """``json.dumps`` with a two-space indent, nested ``indent`` deep."""
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + indent)


def _array(key: str, items: Iterable[Any], last: bool = False) -> Iterator[str]:
    """``"key": [...]`` as ``json.dumps(indent=2)`` writes it one level deep, item by item."""
    yield f"  {json.dumps(key)}: ["
    empty = True
    buffer: list[str] = []
    for item in items:
        buffer.append(("\n" if empty else ",\n") + "    " + _dumps(item, "    "))
        empty = False
        if len(buffer) >= _PIECE:
            yield "".join(buffer)
            buffer = []
    yield "".join(buffer) + ("]" if empty else "\n  ]") + ("\n" if last else ",\n")


# I/O edge: each plan record as the JSON written into the export.
def _plans(db: Session, who: int) -> Iterator[dict[str, Any]]:
    ids = list(
        db.scalars(select(PlanRow.id).where(PlanRow.athlete_id == who).order_by(PlanRow.version))
    )
    for plan_id in ids:
        row = db.get_one(PlanRow, plan_id)
        record = PlanRecord(
            version=row.version, created_at=row.created_at, seed=row.seed, plan=row.plan
        )
        db.expunge_all()
        yield record.model_dump(mode="json")


def _streamed(
    engine: Engine, athlete: str, body: Callable[[Session, int], Iterator[str]]
) -> Iterator[str]:
    """Yield ``body``'s pieces inside one read transaction, opened at the first piece.

    An athlete with no data is an input error at the first piece, before any text.
    """
    with reading(engine) as db:
        yield from body(db, _who(db, athlete))


def _backup_pieces(db: Session, who: int, athlete: str) -> Iterator[str]:
    yield "{\n"
    yield f'  "schema_version": {SCHEMA_VERSION},\n'
    yield f'  "athlete": {_dumps({"name": athlete}, "  ")},\n'
    yield from _array("sessions", (s.log.model_dump(mode="json") for s in iter_sessions(db, who)))
    custom = [c.model_dump(mode="json") for c in list_custom_exercises(db, who)]
    yield from _array("custom_exercises", custom)
    yield from _array("plans", _plans(db, who))
    yield from _array("profiles", (p.model_dump(mode="json") for p in list_profiles(db, who)))
    assessed = (a.model_dump(mode="json") for a in list_assessments(db, who))
    yield from _array("assessments", assessed, last=True)
    yield "}\n"


def _csv_pieces(db: Session, who: int) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for n, stored in enumerate(iter_sessions(db, who), start=1):
        writer.writerows(csv_rows(stored.log))
        if n % _PIECE == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


def iter_backup_json(engine: Engine, athlete: str) -> Iterator[str]:
    """The backup of ``athlete`` as pieces of JSON text; an input error when there is none."""
    return _streamed(engine, athlete, lambda db, who: _backup_pieces(db, who, athlete))


def iter_csv(engine: Engine, athlete: str) -> Iterator[str]:
    """The sessions of ``athlete`` as pieces of CSV text (one row per set)."""
    return _streamed(engine, athlete, _csv_pieces)
