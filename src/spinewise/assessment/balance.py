"""Balance: single-leg stance, eyes open and closed, best of three, against Springer et al. 2007.

The reference is the best-of-three mean of the athlete's age group and sex, capped at the 45-s
trial limit (a perfect 45 s is never "below" a group mean of 45.1 s). The paper's SDs are not
available here, so the grade uses the fraction :math:`f = t / t_{ref}` [s/s]
(:func:`spinewise.assessment.severity.severity_from_fraction`). Mild or worse asks for
proprioception work in every session.

References
----------
.. [1] Springer BA, Marin R, Cyhan T, Roberts H, Gill NW (2007). Normative values for the
   unipedal stance test with eyes open and closed. J Geriatr Phys Ther 30(1):8-15.
   doi:10.1519/00139143-200704000-00003
"""

from __future__ import annotations

from spinewise.assessment.norms import Sex, load_balance_norms
from spinewise.assessment.results import Consequence, Finding
from spinewise.assessment.severity import severity_from_fraction
from spinewise.profile import Tests

__all__ = ["balance_findings"]

_SEX_WORD = {"female": "women", "male": "men"}


def _one(code: str, eyes: str, measured: float, column: str, sex: Sex, age: int) -> Finding | None:
    norms = load_balance_norms()
    group = norms.group_for(age)
    norm = group.cells[column][sex]
    reference = min(norm.mean, norms.trial_cap_s)
    fraction = measured / reference
    severity = severity_from_fraction(fraction)
    if severity is None:
        return None
    summary = (
        f"Standing on one leg with eyes {eyes}, your best of three was {measured:g} s, below "
        f"the average of {reference:g} s for {_SEX_WORD[sex]} aged {group.label}."
    )
    if not group.age_min <= age <= group.age_max:
        summary += f" (Your age, {age}, is outside the study's groups; the nearest was used.)"
    consequences: tuple[Consequence, ...] = ()
    if severity == "info":
        summary += " This is close to the average, so the plan does not change for it."
    else:
        summary += " The plan includes balance (proprioception) work in every session."
        consequences = (
            Consequence(
                "every_session",
                quality="proprioception",
                note="balance and position-sense work in every session",
            ),
        )
    return Finding(code, severity, summary, measured, reference, norms.source, consequences, "s")


def balance_findings(sex: Sex, age: int, tests: Tests) -> list[Finding]:
    """Findings of the single-leg stance tests.

    Parameters
    ----------
    sex
        Selects the sex-specific cell.
    age
        Selects the age group [years].
    tests
        ``single_leg_stance_eyes_open_s`` and ``single_leg_stance_eyes_closed_s``, best of
        three [s]; tests not done are skipped.

    Returns
    -------
    list of Finding
        ``balance_eyes_open_low`` and ``balance_eyes_closed_low`` when below the reference.

    Examples
    --------
    >>> tests = Tests(single_leg_stance_eyes_open_s=45, single_leg_stance_eyes_closed_s=9)
    >>> [(f.code, f.severity, f.reference) for f in balance_findings("female", 34, tests)]
    [('balance_eyes_closed_low', 'mild', 13.1)]
    """
    out: list[Finding] = []
    for code, eyes, measured, column in (
        ("balance_eyes_open_low", "open", tests.single_leg_stance_eyes_open_s, "eyes_open_best_s"),
        (
            "balance_eyes_closed_low",
            "closed",
            tests.single_leg_stance_eyes_closed_s,
            "eyes_closed_best_s",
        ),
    ):
        if measured is not None:
            f = _one(code, eyes, measured, column, sex, age)
            out += [f] if f else []
    return out
