"""The six-week review: pain and function that are not improving call for a clinician.

Exercise for back pain is expected to help within weeks. When, six weeks or more after the first
logged session, pain has not clearly improved, the person is advised to see a doctor or
physiotherapist. The plan carries on as it is; the message says what was compared.

- **Pain**: the mean of the during-session and next-morning ratings of the first two weeks of the
  log against the last two weeks. Not improving: the last mean is still above the safe band
  (:data:`spinewise.pain_bands.SAFE_MAX_0_10`) and less than :data:`MIN_PAIN_CHANGE` (30 %) below
  the first, the minimal important change of Ostelo et al. (2008) [1]_; or the last mean is not
  below the first at all while function has not improved either.
- **Function**: each exercise logged in both windows counts as improved when its best set got
  better (more load at the same or more reps, more reps, or a longer hold). Function improves
  when at least half of them improved.

Status: re-assessing people whose back pain is not improving after about six weeks is how
guideline overviews are usually summarised (Oliveira et al. 2018 [2]_); the exact window and both
rules above are this project's convention, not checked against those sources [U].

References
----------
.. [1] Ostelo RW, Deyo RA, Stratford P, et al. (2008). Interpreting change scores for pain and
   functional status in low back pain: towards international consensus regarding minimal important
   change. Spine 33(1):90-94. doi:10.1097/BRS.0b013e31815e3a10
.. [2] Oliveira CB, Maher CG, Pinto RZ, et al. (2018). Clinical practice guidelines for the
   management of non-specific low back pain in primary care: an updated overview. Eur Spine J
   27(11):2791-2803. doi:10.1007/s00586-018-5673-2
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from spinewise.adaptation.decision import RuleDecision
from spinewise.logbook.entries import SessionLog, SetLog
from spinewise.pain_bands import SAFE_MAX_0_10

__all__ = ["MIN_PAIN_CHANGE", "REVIEW_AFTER_WEEKS", "WINDOW_DAYS", "progress_review"]

#: Weeks after the first logged session at which the review first applies [U].
REVIEW_AFTER_WEEKS = 6
#: Length of the first and the last window compared [days] (project's convention).
WINDOW_DAYS = 14
#: Relative fall in pain that counts as improving: 30 % (Ostelo et al. 2008 [U]).
MIN_PAIN_CHANGE = 0.30

_SOURCE = (
    "Review after about 6 weeks without improvement (guideline overviews, Oliveira et al. 2018); "
    "30 % minimal important change in pain (Ostelo et al. 2008); windows: spinewise"
)


def _pain(sessions: Sequence[SessionLog]) -> float | None:
    values = [
        float(v) for s in sessions for v in (s.pain.during, s.pain.next_morning) if v is not None
    ]
    return sum(values) / len(values) if values else None


def _best(sets: Sequence[SetLog]) -> dict[str, tuple[float, float, float]]:
    """Best (load, reps, hold) per exercise, compared in that order."""
    out: dict[str, tuple[float, float, float]] = {}
    for st in sets:
        if st.set_type == "warmup":
            continue
        key = (float(st.load_kg or 0), float(st.reps or 0), float(st.hold_s or 0))
        if st.exercise_id not in out or key > out[st.exercise_id]:
            out[st.exercise_id] = key
    return out


def _function_improved(first: Sequence[SessionLog], last: Sequence[SessionLog]) -> bool | None:
    before = _best([st for s in first for st in s.sets])
    after = _best([st for s in last for st in s.sets])
    both = sorted(set(before) & set(after))
    if not both:
        return None
    better = sum(after[e] > before[e] for e in both)
    return 2 * better >= len(both)


def progress_review(sessions: Sequence[SessionLog], today: date) -> RuleDecision | None:
    """``see_clinician`` when pain (and function) have not improved after six weeks, else ``None``.

    Parameters
    ----------
    sessions
        The whole log, in any order.
    today
        The day of the review.

    Returns
    -------
    RuleDecision or None
        ``None`` before six weeks of log, without pain ratings in both windows, or when
        improving; otherwise a ``see_clinician`` decision whose reason gives the figures.
    """
    if not sessions:
        return None
    start = min(s.started_at.date() for s in sessions)
    weeks = (today - start).days // 7
    if weeks < REVIEW_AFTER_WEEKS:
        return None
    first = [s for s in sessions if s.started_at.date() < start + timedelta(days=WINDOW_DAYS)]
    last = [s for s in sessions if s.started_at.date() > today - timedelta(days=WINDOW_DAYS)]
    pain_first, pain_last = _pain(first), _pain(last)
    if pain_first is None or pain_last is None:
        return None
    function = _function_improved(first, last)
    little_change = pain_last > (1 - MIN_PAIN_CHANGE) * pain_first
    stuck = pain_last > SAFE_MAX_0_10 and little_change
    no_better = pain_last >= pain_first and pain_last > 0 and function is False
    if not (stuck or no_better):
        return None
    also = (
        " Your exercises have not got better either."
        if function is False
        else " Your exercises have improved, which is good."
        if function
        else ""
    )
    reason = (
        f"After {weeks} weeks your back pain has not clearly improved: about {pain_first:.1f}/10 "
        f"in your first two weeks and {pain_last:.1f}/10 in the last two.{also} Please see a "
        "doctor or physiotherapist to check that this plan suits you; keep training only as "
        "far as your pain stays acceptable."
    )
    return RuleDecision("progress_review", "see_clinician", reason, _SOURCE, "U")
