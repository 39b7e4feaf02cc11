"""Morning check-ins: one row per athlete and day, the five answers of the check-in.

The CLI keeps the same answers on session logs (readiness on the session, next-morning pain on
the session of the day before); a web check-in is answered before any session of the day exists,
so the day's answers are kept here and copied onto the sessions by the services (decision 0271).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta

from sqlalchemy import Date, Float, ForeignKey, SmallInteger, UniqueConstraint, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from spinewise.logbook import Readiness
from spinewise.store.tables import Base, SessionRow

__all__ = ["CheckInRow", "StoredCheckIn", "get_checkin", "put_checkin", "set_readiness"]


class CheckInRow(Base):
    """One morning's check-in of an athlete; an unanswered question is NULL."""

    __tablename__ = "morning_checkins"
    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    recorded_at: Mapped[datetime]
    sleep_h: Mapped[float | None] = mapped_column(Float)
    soreness: Mapped[int | None] = mapped_column(SmallInteger)
    stress: Mapped[int | None] = mapped_column(SmallInteger)
    energy: Mapped[int | None] = mapped_column(SmallInteger)
    pain_0_10: Mapped[int | None] = mapped_column(SmallInteger)
    __table_args__ = (UniqueConstraint("athlete_id", "day"),)


@dataclass(frozen=True)
class StoredCheckIn:
    """A stored check-in.

    Attributes
    ----------
    day
        The athlete's local day of the check-in.
    recorded_at
        When it was (last) answered, local time.
    sleep_h
        Hours slept [h].
    soreness, stress, energy
        Ratings 1 to 5.
    pain_0_10
        Back pain that morning, 0 to 10.
    """

    day: date
    recorded_at: datetime
    sleep_h: float | None
    soreness: int | None
    stress: int | None
    energy: int | None
    pain_0_10: int | None

    @property
    def readiness(self) -> Readiness:
        """The sleep, soreness, stress and energy, as a session's readiness."""
        return Readiness(
            sleep_h=self.sleep_h, soreness=self.soreness, stress=self.stress, energy=self.energy
        )


def _stored(row: CheckInRow) -> StoredCheckIn:
    return StoredCheckIn(**{f.name: getattr(row, f.name) for f in fields(StoredCheckIn)})


def get_checkin(db: Session, athlete: int, day: date) -> StoredCheckIn | None:
    """The athlete's check-in of ``day``, if any."""
    row = db.scalar(
        select(CheckInRow).where(CheckInRow.athlete_id == athlete, CheckInRow.day == day)
    )
    return None if row is None else _stored(row)


def put_checkin(db: Session, athlete: int, answers: StoredCheckIn) -> None:
    """Store the check-in of ``answers.day``, replacing an earlier one of the same day.

    The values must already be checked (:class:`spinewise.habits.checkin.CheckIn`).
    """
    row = db.scalar(
        select(CheckInRow).where(CheckInRow.athlete_id == athlete, CheckInRow.day == answers.day)
    )
    if row is None:
        row = CheckInRow(athlete_id=athlete, day=answers.day, recorded_at=answers.recorded_at)
        db.add(row)
    row.recorded_at = answers.recorded_at
    row.sleep_h = answers.sleep_h
    row.soreness = answers.soreness
    row.stress = answers.stress
    row.energy = answers.energy
    row.pain_0_10 = answers.pain_0_10
    db.flush()


def set_readiness(db: Session, athlete: int, day: date, readiness: Readiness) -> int:
    """Give the athlete's sessions started on ``day`` without any readiness this readiness.

    Returns how many sessions got it.
    """
    start = datetime.combine(day, time())
    result = db.execute(
        update(SessionRow)
        .where(
            SessionRow.athlete_id == athlete,
            SessionRow.started_at >= start,
            SessionRow.started_at < start + timedelta(days=1),
            SessionRow.sleep_h.is_(None),
            SessionRow.soreness.is_(None),
            SessionRow.stress.is_(None),
            SessionRow.energy.is_(None),
        )
        .values(
            sleep_h=readiness.sleep_h,
            soreness=readiness.soreness,
            stress=readiness.stress,
            energy=readiness.energy,
        )
    )
    return int(getattr(result, "rowcount", 0))
