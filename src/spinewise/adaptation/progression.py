"""Progress, hold or regress: one decision per exercise, always with its reasons.

The order of the rules is the safety order: anything that says regress wins, and nothing
progresses unless pain during the session was in the safe band (0-2/10). So no adaptation ever
progresses anything after a session with unacceptable pain (a property test pins this).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from spinewise.adaptation.decision import RuleDecision
from spinewise.adaptation.signals import SessionSignals, item_targets_met
from spinewise.logbook.entries import SetLog
from spinewise.logbook.planned import PlannedItem

__all__ = ["ExerciseDecision", "Verdict", "decide"]

Verdict = Literal["progress", "hold", "regress"]

#: Rule answers that mean regress.
_REGRESS = {
    ("pain_during", "unacceptable"): "pain during the session was unacceptable",
    ("next_morning", "reduce"): "next-morning pain rose",
    ("weekly_pain_trend", "regress"): "pain has been rising week to week",
    ("readiness", "consider_rest"): "readiness was low",
    ("readiness", "consider_lighter"): "readiness was low",
    ("load_spike", "spike"): "your acute load spiked",
}


@dataclass(frozen=True)
class ExerciseDecision:
    """The decision for one exercise and why."""

    exercise_id: str
    verdict: Verdict
    reasons: tuple[str, ...]
    rules: tuple[RuleDecision, ...]
    severe: bool = False

    def to_json(self) -> dict[str, object]:
        """Plain JSON."""
        return {
            "exercise_id": self.exercise_id,
            "verdict": self.verdict,
            "reasons": list(self.reasons),
            "rules": [
                {"rule": r.rule, "decision": r.decision, "source": r.source, "status": r.status}
                for r in self.rules
            ],
        }


def decide(
    planned: PlannedItem, sets: Sequence[SetLog], signals: SessionSignals
) -> ExerciseDecision:
    """Decide the next dose of one exercise from its logged sets and the session's signals.

    Regress when pain was unacceptable, next-morning pain rose above baseline, pain is rising week
    to week, readiness was low or the acute load spiked; progress when every target was met at or
    below the target RPE and pain during was safe (0-2/10); otherwise hold.
    """
    regress = [
        (r, _REGRESS[(r.rule, r.decision)])
        for r in signals.all()
        if (r.rule, r.decision) in _REGRESS
    ]
    if regress:
        severe = any(r.rule == "pain_during" for r, _ in regress)
        return ExerciseDecision(
            planned.exercise_id,
            "regress",
            tuple(f"{why}: {r.reason}" for r, why in regress),
            tuple(r for r, _ in regress),
            severe,
        )
    met, why_met = item_targets_met(planned, sets)
    pain = signals.pain_during
    if pain is None:
        return ExerciseDecision(
            planned.exercise_id,
            "hold",
            (f"{why_met}; pain during was not logged, so the dose holds",),
            (),
        )
    if met and pain.decision == "safe":
        return ExerciseDecision(
            planned.exercise_id, "progress", (f"{why_met}; {pain.reason}",), (pain,)
        )
    if met:
        return ExerciseDecision(
            planned.exercise_id,
            "hold",
            (f"{why_met}, but pain was not in the safe band: {pain.reason}",),
            (pain,),
        )
    return ExerciseDecision(planned.exercise_id, "hold", (f"{why_met}; the dose holds",), (pain,))
