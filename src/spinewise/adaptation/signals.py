"""What a logged session says: pain, readiness and load signals, and whether targets were met.

Pain rules follow the pain-monitoring model (Silbernagel et al. 2007; docs/research/science.md
section 4, with its confirmation status carried by each rule); readiness is the project's
documented score (:mod:`spinewise.adaptation.readiness`); a load spike is an acute:chronic ratio
(EWMA, Williams et al. 2017) of 1.5 or more, the "danger zone" of Gabbett 2016 [C2], used here only
as a signal to hold back, never as an injury prediction (Lolli 2019; Impellizzeri 2020).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spinewise.adaptation.decision import RuleDecision
from spinewise.adaptation.pain import next_morning_response, pain_during, weekly_pain_trend
from spinewise.adaptation.readiness import readiness
from spinewise.logbook.entries import SessionLog, SetLog
from spinewise.logbook.planned import PlannedItem

__all__ = [
    "LOAD_SPIKE_RATIO",
    "SessionSignals",
    "item_targets_met",
    "load_spike",
    "session_signals",
]

#: Acute:chronic ratio (EWMA) at which load counts as spiking: Gabbett 2016's "danger zone",
#: ≥ 1.5 [C2] (docs/research/science.md section 3). A signal to hold back, not an injury prediction.
LOAD_SPIKE_RATIO = 1.5


@dataclass(frozen=True)
class SessionSignals:
    """The rules' answers about one logged session (``None`` where nothing was logged)."""

    pain_during: RuleDecision | None
    next_morning: RuleDecision | None
    pain_trend: RuleDecision | None
    readiness: RuleDecision | None
    load: RuleDecision | None

    def all(self) -> tuple[RuleDecision, ...]:
        """Every rule that answered."""
        return tuple(
            d
            for d in (
                self.pain_during,
                self.next_morning,
                self.pain_trend,
                self.readiness,
                self.load,
            )
            if d is not None
        )


def load_spike(acwr_ewma: float | None) -> RuleDecision | None:
    """``spike`` when the EWMA acute:chronic ratio is 1.5 or more, else ``steady``.

    Examples
    --------
    >>> load_spike(1.62).decision, load_spike(1.1).decision, load_spike(None)
    ('spike', 'steady', None)
    """
    if acwr_ewma is None:
        return None
    source = (
        "Gabbett 2016, Br J Sports Med 50:273-280 (danger zone >= 1.5); criticised by "
        "Lolli 2019 and Impellizzeri 2020: a signal, not a prediction"
    )
    if acwr_ewma >= LOAD_SPIKE_RATIO:
        return RuleDecision(
            "load_spike",
            "spike",
            f"Your recent load is {acwr_ewma:.2f} times your usual load (EWMA "
            f"7:28); at {LOAD_SPIKE_RATIO:g} or more the plan holds back.",
            source,
            "C2",
        )
    return RuleDecision(
        "load_spike",
        "steady",
        f"Your recent load is {acwr_ewma:.2f} times your usual load.",
        source,
        "C2",
    )


def session_signals(
    session: SessionLog,
    *,
    baseline_pain: float,
    previous_morning: float | None = None,
    weekly_pain: Sequence[float] = (),
    acwr_ewma: float | None = None,
) -> SessionSignals:
    """Apply the pain, readiness and load rules to a logged session.

    ``baseline_pain`` is the usual morning pain and ``previous_morning`` the morning rating
    logged before this session's (see :func:`spinewise.adaptation.pain.next_morning_response`).
    """
    pain = session.pain
    during = pain_during(pain.during) if pain.during is not None else None
    morning = (
        next_morning_response(pain.next_morning, baseline_pain, previous_morning)
        if pain.next_morning is not None
        else None
    )
    trend = weekly_pain_trend(weekly_pain) if len(weekly_pain) >= 2 else None
    r = session.readiness
    ready = None
    if None not in (r.sleep_h, r.soreness, r.stress, r.energy):
        ready = readiness(r.sleep_h, r.soreness, r.stress, r.energy).decision  # type: ignore[arg-type]
    return SessionSignals(during, morning, trend, ready, load_spike(acwr_ewma))


def item_targets_met(planned: PlannedItem, sets: Sequence[SetLog]) -> tuple[bool, str]:
    """Whether the logged sets met the item's targets at or below its target RPE.

    Returns
    -------
    (bool, str)
        The verdict and a plain reason naming what was and was not met.
    """
    work = [s for s in sets if s.set_type not in ("warmup",)]
    sides = 2 if planned.per_side else 1
    if len(work) < planned.sets * sides and not (planned.per_side and len(work) >= planned.sets):
        return False, f"{len(work)} of {planned.sets} sets logged"
    short = []
    for s in work:
        if planned.reps is not None and (s.reps or 0) < planned.reps:
            short.append(f"set {s.set_number}: {s.reps or 0} of {planned.reps} reps")
        if planned.hold_s is not None and (s.hold_s or 0) < planned.hold_s:
            short.append(f"set {s.set_number}: {s.hold_s or 0:g} of {planned.hold_s:g} s")
        if planned.distance_m is not None and (s.distance_m or 0) < planned.distance_m:
            short.append(f"set {s.set_number}: {s.distance_m or 0:g} of {planned.distance_m:g} m")
    if short:
        return False, "targets not met (" + "; ".join(short[:3]) + ")"
    target_rpe = planned.intensity_value if planned.intensity_kind == "rpe" else None
    rpes = [s.rpe for s in work if s.rpe is not None]
    if target_rpe is not None and rpes and max(rpes) > target_rpe:
        return False, f"targets met but at RPE {max(rpes):g}, above the target {target_rpe:g}"
    rpe_note = f" at RPE {max(rpes):g}" if rpes else ""
    return True, f"all {planned.sets} sets met their targets{rpe_note}"
