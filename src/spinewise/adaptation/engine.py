"""Adapt a plan to its log: the adjusted next sessions, a new plan version, and every reason.

1. Missed sessions (two or more before today) re-plan the rest of the plan through the planner
   (:mod:`spinewise.adaptation.replan`).
2. Otherwise the most recent logged planned session decides, exercise by exercise, whether the
   next sessions progress, hold or regress (:mod:`spinewise.adaptation.progression`), and those
   decisions are applied to the upcoming sessions until the end of the following week
   (:mod:`spinewise.adaptation.adjust`).

Every version this makes passes the planner's validator (:mod:`spinewise.adaptation.guard`): a
change that would break a requirement the plan met is refused and the item kept as planned
(``Adaptation.held``, with the reason); a re-plan whose new weeks would break one is not made,
and the plan is adapted to the last log instead.

Next-morning pain is judged against the morning before and the usual morning pain (the median of
the last week of logged mornings); before any morning is logged, the usual pain is the current
pain of the profile the plan was made from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np

from spinewise.adaptation.adjust import adjust_plan
from spinewise.adaptation.decision import RuleDecision
from spinewise.adaptation.guard import refused_replan
from spinewise.adaptation.pain import morning_baseline
from spinewise.adaptation.progression import ExerciseDecision, decide
from spinewise.adaptation.replan import replan_after_missed
from spinewise.adaptation.review import progress_review
from spinewise.adaptation.signals import SessionSignals, session_signals
from spinewise.catalog import Catalog
from spinewise.load.acwr import acwr_ewma
from spinewise.load.daily import daily_load_au, session_load_au
from spinewise.logbook.entries import SessionLog
from spinewise.logbook.planned import PlannedSession, planned_sessions
from spinewise.planning.plan import Plan, PlanChange
from spinewise.planning.request import PlanRequest
from spinewise.planning.spine import CompressionFn, model_compression_n

__all__ = ["Adaptation", "acwr_today", "adapt", "planned_order", "weekly_pain"]


@dataclass(frozen=True)
class Adaptation:
    """The outcome of adapting a plan to its log.

    Attributes
    ----------
    plan
        The adapted version (the plan itself when nothing changed).
    changes
        The changes made, each with its reasons.
    decisions, signals
        What the last logged session decided, exercise by exercise, and the signals it read.
    replanned
        Whether the rest of the plan was planned again after missed sessions.
    summary
        One plain sentence.
    held
        Changes refused because the version would have broken a requirement of the plan (verdict
        ``hold``; the first reason says why in plain words); a refused re-plan too.
    review
        The six-week review's answer (:mod:`spinewise.adaptation.review`), if it has one.
    """

    plan: Plan
    changes: list[PlanChange]
    decisions: dict[str, ExerciseDecision] = field(default_factory=dict)
    signals: SessionSignals | None = None
    replanned: bool = False
    summary: str = ""
    held: list[PlanChange] = field(default_factory=list)
    review: RuleDecision | None = None


def logged_keys(sessions: Sequence[SessionLog]) -> set[tuple[int, int]]:
    """``(week, session)`` of every planned session that has a log."""
    return {(s.planned.week, s.planned.session) for s in sessions if s.planned is not None}


def acwr_today(sessions: Sequence[SessionLog], today: date) -> float | None:
    """The EWMA acute:chronic ratio (7:28 days) of session-RPE load on ``today``, if defined."""
    rated = [s for s in sessions if s.session_rpe is not None and s.duration_min is not None]
    if not rated:
        return None
    first = min(s.started_at.date() for s in rated)
    n_days = (today - first).days + 1
    if n_days < 28:
        return None
    days = [(s.started_at.date() - first).days for s in rated]
    loads = session_load_au(
        [float(s.session_rpe or 0) for s in rated], [float(s.duration_min or 0) for s in rated]
    )
    series = daily_load_au(days, loads, n_days)
    ratio = float(np.asarray(acwr_ewma(series))[-1])
    return None if np.isnan(ratio) else ratio


def weekly_pain(sessions: Sequence[SessionLog], today: date, weeks: int = 3) -> list[float]:
    """Mean pain during the sessions of each of the last ``weeks`` calendar weeks, oldest first."""
    by_week: dict[int, list[float]] = defaultdict(list)
    for s in sessions:
        if s.pain.during is None:
            continue
        age_w = (today - s.started_at.date()).days // 7
        if 0 <= age_w < weeks:
            by_week[age_w].append(float(s.pain.during))
    return [sum(v) / len(v) for age, v in sorted(by_week.items(), reverse=True)]


def _key(session: SessionLog) -> tuple[int, int]:
    ref = session.planned
    return (0, 0) if ref is None else (ref.week, ref.session)


def planned_order(sessions: Sequence[SessionLog]) -> list[SessionLog]:
    """The logged planned sessions in the order the adaptation reads them (the last decides)."""
    return sorted(
        (s for s in sessions if s.planned is not None), key=lambda s: (s.started_at, _key(s))
    )


def _upcoming(
    plan: Plan, after: tuple[int, int], logged: set[tuple[int, int]]
) -> set[tuple[int, int]]:
    week = after[0]
    return {
        s.key
        for s in planned_sessions(plan)
        if s.key > after and s.key not in logged and s.week <= week + 1
    }


def _hold_back_next_session(
    plan: Plan, decisions: dict[str, ExerciseDecision], upcoming: set[tuple[int, int]]
) -> dict[str, ExerciseDecision]:
    """After unacceptable pain the whole next session holds back, not only the same exercises.

    When every exercise of the logged session regresses for unacceptable pain, each exercise of
    the next planned session regresses too, with the same reason: a person who just had a painful
    session gets an easier next session whichever exercises it holds.
    """
    if not decisions or not upcoming:
        return decisions
    first = next(iter(decisions.values()))
    painful = all(
        d.verdict == "regress" and any("unacceptable" in r for r in d.reasons)
        for d in decisions.values()
    )
    if not painful:
        return decisions
    nxt = min(upcoming)
    out = dict(decisions)
    for s in planned_sessions(plan):
        if s.key == nxt:
            for item in s.items:
                out.setdefault(
                    item.exercise_id,
                    replace(first, exercise_id=item.exercise_id, severe=False),
                )
    return out


def _replan(
    plan: Plan,
    logged: set[tuple[int, int]],
    today: date,
    *,
    request: PlanRequest,
    catalog: Catalog,
    seed: int,
    compression: CompressionFn,
) -> tuple[tuple[Plan, PlanChange] | None, PlanChange | None]:
    """The re-planned version if one is due and it passes the validator; else why it was not."""
    replanned = replan_after_missed(
        plan, logged, today, request=request, catalog=catalog, seed=seed, compression=compression
    )
    if replanned is None:
        return None, None
    new, change = replanned
    refused = refused_replan(plan, new, change, request, catalog, compression)
    return (replanned, None) if refused is None else (None, refused)


def adapt(
    plan: Plan,
    sessions: Sequence[SessionLog],
    *,
    request: PlanRequest,
    catalog: Catalog,
    today: date,
    seed: int = 0,
    compression: CompressionFn = model_compression_n,
) -> Adaptation:
    """Adjust the plan's next sessions to what the log says, with reasons (a new version).

    ``compression`` estimates an exercise's peak L5/S1 compression [N], as for the planner: the
    version made passes :func:`~spinewise.planning.validate.validate_plan` with it wherever the
    plan adapted did. The six-week review (:mod:`spinewise.adaptation.review`) rides along: when
    pain has not improved, ``review`` asks the person to see a clinician.
    """
    result = _adapt(
        plan,
        sessions,
        request=request,
        catalog=catalog,
        today=today,
        seed=seed,
        compression=compression,
    )
    return replace(result, review=progress_review(sessions, today))


def _adapt(
    plan: Plan,
    sessions: Sequence[SessionLog],
    *,
    request: PlanRequest,
    catalog: Catalog,
    today: date,
    seed: int,
    compression: CompressionFn,
) -> Adaptation:
    logged = logged_keys(sessions)
    done = planned_order(sessions)
    decisions: dict[str, ExerciseDecision] = {}
    signals: SessionSignals | None = None
    key = (0, 0)
    if done:
        last = done[-1]
        key = _key(last)
        target: PlannedSession | None = next(
            (s for s in planned_sessions(plan) if s.key == key), None
        )
        if target is not None:
            earlier = [
                float(s.pain.next_morning)
                for s in sorted(sessions, key=lambda s: s.started_at)
                if s.pain.next_morning is not None and s.started_at < last.started_at
            ]
            signals = session_signals(
                last,
                baseline_pain=morning_baseline(earlier, request.pain_current),
                previous_morning=earlier[-1] if earlier else None,
                weekly_pain=weekly_pain(sessions, today),
                acwr_ewma=acwr_today(sessions, today),
            )
            decisions = {
                item.exercise_id: decide(
                    item, [st for st in last.sets if st.exercise_id == item.exercise_id], signals
                )
                for item in target.items
            }
    replanned, refused = _replan(
        plan,
        logged,
        today,
        request=request,
        catalog=catalog,
        seed=seed,
        compression=compression,
    )
    held = [] if refused is None else [refused]
    if replanned is not None:
        new, change = replanned
        changes = [change]
        regress = {e: d for e, d in decisions.items() if d.verdict == "regress"}
        if regress:  # a fresh plan must not undo what the last session's pain asked for
            first_week = change.from_week or 1
            upcoming_new = {
                s.key
                for s in planned_sessions(new)
                if s.week <= first_week + 1 and s.week >= first_week
            }
            adjusted = adjust_plan(
                new,
                regress,
                upcoming=upcoming_new,
                catalog=catalog,
                request=request,
                based_on=f"week {key[0]} session {key[1]} (before the re-plan)",
                version=change.version,
                compression=compression,
            )
            new = adjusted.plan
            changes += adjusted.changes
            held += adjusted.held
        return Adaptation(new, changes, decisions, signals, True, change.reasons[0], held)
    if not done:
        return Adaptation(
            plan,
            [],
            summary=_held_summary("Nothing logged yet: the plan stands as made.", held),
            held=held,
        )
    if not decisions:
        return Adaptation(
            plan,
            [],
            summary=_held_summary("The last log is not part of this plan.", held),
            held=held,
        )
    upcoming = _upcoming(plan, key, logged)
    decisions = _hold_back_next_session(plan, decisions, upcoming)
    adjusted = adjust_plan(
        plan,
        decisions,
        upcoming=upcoming,
        catalog=catalog,
        request=request,
        based_on=f"week {key[0]} session {key[1]} logged {last.started_at.date().isoformat()}",
        compression=compression,
    )
    held += adjusted.held
    counts = {
        v: sum(d.verdict == v for d in decisions.values()) for v in ("progress", "hold", "regress")
    }
    summary = (
        f"From week {key[0]} session {key[1]}: {counts['progress']} progress, "
        f"{counts['hold']} hold, {counts['regress']} regress."
    )
    return Adaptation(
        adjusted.plan,
        list(adjusted.changes),
        decisions,
        signals,
        False,
        _held_summary(summary, held),
        held,
    )


def _held_summary(summary: str, held: Sequence[PlanChange]) -> str:
    """The summary, and how many changes were kept as planned because they broke a rule."""
    if not held:
        return summary
    if any(h.verdict == "hold" and h.from_week is not None for h in held):
        summary += " Missed sessions did not re-plan the rest: the new weeks broke a rule."
    items = sum(h.exercise_id is not None for h in held)
    if items:
        summary += f" {items} change(s) kept as planned: they would break a rule every plan keeps."
    return summary
