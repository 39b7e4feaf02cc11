r"""The torso-endurance battery: absolute hold times and the three imbalance ratios.

Absolute times are graded against the norm of the person's age and sex where one is published:

- the back-extensor hold from 65 to 85 years against Lohne-Seiler et al. 2016 [2]_ (group means
  without SDs), as the fraction :math:`f = t / \mu_{age}` [s/s]
  (:func:`spinewise.assessment.severity.severity_from_fraction`);
- otherwise against the sex-specific mean and SD of McGill et al. 1999 [1]_ (young adults) as a
  z-score, :math:`z = (t - \mu) / \sigma` [s/s]; from age 40 on such a finding is at most
  "mild" and says that the reference is from young adults.

The ratios are

- flexor:extensor :math:`t_{flex} / t_{ext}`, a finding above 1.0;
- right:left side bridge :math:`|t_{R} / t_{L} - 1|`, a finding above 0.05 when also
  :math:`|t_{R} - t_{L}|` [s] is above the test's typical error (10.95 s, Juan-Recio et al.
  2022 [3]_): a smaller difference cannot be told apart from the day-to-day error of one test;
- side bridge:extensor :math:`\max(t_{R}, t_{L}) / t_{ext}`, a finding above 0.75;

thresholds from McGill's *Low Back Disorders*, confirmed only through secondary sources [C2].
Severity bands are this project's (:mod:`spinewise.assessment.severity`).

References
----------
.. [1] McGill SM, Childs A, Liebenson C (1999). Endurance times for low back stabilization
   exercises: clinical targets for testing and training from a normal database. Arch Phys Med
   Rehabil 80(8):941-944. doi:10.1016/s0003-9993(99)90087-4
.. [2] Lohne-Seiler H, Kolle E, Anderssen SA, Hansen BH (2016). Musculoskeletal fitness and
   balance in older individuals (65-85 years) and its association with steps per day: a cross
   sectional study. BMC Geriatrics 16. doi:10.1186/s12877-016-0188-3
.. [3] Juan-Recio C, Prat-Luri A, Galindo A, Manresa-Rocamora A, Barbado D, Vera-Garcia FJ
   (2022). Is the side bridge test valid and reliable for assessing trunk lateral flexor
   endurance in recreational female athletes? Biology 11(7):1043. doi:10.3390/biology11071043
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from spinewise.assessment.norms import (
    Sex,
    load_endurance_norms,
    load_older_extensor_norms,
    load_ratio_thresholds,
    load_side_bridge_reliability,
)
from spinewise.assessment.results import Consequence, Finding, Severity
from spinewise.assessment.severity import (
    EXTRA_SETS,
    cap_severity,
    exceeds,
    severity_from_excess,
    severity_from_fraction,
    severity_from_z,
)
from spinewise.profile import Tests

__all__ = ["endurance_findings"]

_PEOPLE = {"female": "healthy young women", "male": "healthy young men"}
_SEX_WORD = {"female": "women", "male": "men"}
#: The worst grade of a finding against norms of another age group.
_OTHER_AGE_CAP: Severity = "mild"


def _fmt(x: float) -> str:
    return f"{x:g}"


def _consequences(severity: Severity, target: Consequence) -> tuple[str, tuple[Consequence, ...]]:
    """The plan's answer to a low-endurance grade, in words and as consequences."""
    sets = EXTRA_SETS[severity]
    if sets:
        return (
            f" The plan adds {sets} weekly sets of this kind of endurance work.",
            (replace(target, sets=sets),),
        )
    return " This is within the usual range, so the plan does not change for it.", ()


def _low(
    code: str,
    label: str,
    measured: float,
    test: str,
    sex: Sex,
    age: int,
    target: Consequence,
) -> Finding | None:
    older = load_older_extensor_norms()
    cell = older.norm_for(sex, age) if test == older.test else None
    if cell is not None:
        severity = severity_from_fraction(measured / cell.mean_s)
        if severity is None:
            return None
        summary = (
            f"Your {label} hold of {_fmt(measured)} s is below the average of "
            f"{_fmt(cell.mean_s)} s for {_SEX_WORD[sex]} aged {cell.label} in a study of "
            "older adults."
        )
        words, consequences = _consequences(severity, target)
        if severity == "info":
            words = " This is close to the average, so the plan does not change for it."
        return Finding(
            code,
            severity,
            summary + words,
            measured,
            cell.mean_s,
            older.source,
            consequences,
            "s",
        )
    norms = load_endurance_norms()
    norm = norms.norm(sex, test)
    assert norm.sd is not None
    severity = severity_from_z((measured - norm.mean) / norm.sd)
    younger_reference = age > norms.graded_up_to_age
    if younger_reference:
        severity = cap_severity(severity, _OTHER_AGE_CAP)
    if severity is None:
        return None
    summary = (
        f"Your {label} hold of {_fmt(measured)} s is below the average of {_PEOPLE[sex]} "
        f"({_fmt(norm.mean)} s, typical spread ±{_fmt(norm.sd)} s)."
    )
    if younger_reference:
        summary += (
            " That reference comes from young adults, because no published average for "
            f"{_SEX_WORD[sex]} of your age ({age}) was found, so this counts at most as a mild "
            "finding."
        )
    words, consequences = _consequences(severity, target)
    return Finding(
        code, severity, summary + words, measured, norm.mean, norms.source, consequences, "s"
    )


def _absolute(sex: Sex, age: int, tests: Tests) -> list[Finding]:
    out: list[Finding] = []
    if tests.trunk_extensor_s is not None:
        f = _low(
            "extensor_endurance_low",
            "back-extensor (Biering-Sorensen)",
            tests.trunk_extensor_s,
            "trunk_extensor_s",
            sex,
            age,
            Consequence(
                "extra_volume",
                quality="isometric_endurance",
                region="erector_spinae",
                note="more back-extensor isometric-endurance volume",
            ),
        )
        out += [f] if f else []
    if tests.trunk_flexor_s is not None:
        f = _low(
            "flexor_endurance_low",
            "trunk-flexor",
            tests.trunk_flexor_s,
            "trunk_flexor_s",
            sex,
            age,
            Consequence(
                "extra_volume",
                quality="isometric_endurance",
                region="rectus_abdominis",
                note="more anterior-trunk isometric-endurance volume",
            ),
        )
        out += [f] if f else []
    sides = [
        (side, t, f"side_bridge_{side}_s")
        for side, t in (("right", tests.side_bridge_right_s), ("left", tests.side_bridge_left_s))
        if t is not None
    ]
    graded = [(side, t, key, _low_z(sex, key, t)) for side, t, key in sides]
    if graded:
        side, t, key, _ = min(graded, key=lambda g: (g[3], g[0]))
        f = _low(
            "side_bridge_endurance_low",
            f"{side} side-bridge",
            t,
            key,
            sex,
            age,
            Consequence(
                "extra_volume",
                quality="isometric_endurance",
                pattern="anti_lateral_flexion",
                note="more side-bridge (anti-lateral-flexion) isometric-endurance volume",
            ),
        )
        out += [f] if f else []
    return out


def _low_z(sex: Sex, test: str, measured: float) -> float:
    norm = load_endurance_norms().norm(sex, test)
    assert norm.sd is not None
    return (measured - norm.mean) / norm.sd


def _asymmetry(right: float, left: float) -> Finding | None:
    """The side-bridge asymmetry: beyond both the relative threshold and the test's error.

    Parameters
    ----------
    right, left
        Side-bridge holds [s], not both 0.
    """
    limits = load_ratio_thresholds()
    error = load_side_bridge_reliability()
    weaker: Literal["left", "right"] = "left" if left < right else "right"
    deviation = abs(right / left - 1) if left > 0 else float("inf")
    difference_s = abs(right - left)
    if not exceeds(deviation, limits.side_bridge_max_deviation):
        return None
    if not exceeds(difference_s, error.typical_error_s):
        return None
    sev = severity_from_excess(deviation - limits.side_bridge_max_deviation, 0.10, 0.25)
    return Finding(
        "side_bridge_asymmetry",
        sev,
        f"Your side bridges differ by {_fmt(difference_s)} s (right {_fmt(right)} s, left "
        f"{_fmt(left)} s): the {weaker} side is weaker. That is more than "
        f"{limits.side_bridge_max_deviation:.0%} apart and more than the test's usual "
        f"day-to-day error of about {error.typical_error_s:.0f} s. The plan adds sets on the "
        f"{weaker} side.",
        None if left == 0 else round(right / left, 2),
        1.0,
        f"{limits.source}; {error.source}",
        (
            Consequence(
                "weaker_side",
                pattern="anti_lateral_flexion",
                side=weaker,
                sets=2 if sev == "marked" else 1,
                note=f"extra side-bridge sets on the {weaker} side",
            ),
        ),
        "ratio",
    )


def _ratios(tests: Tests) -> list[Finding]:
    limits = load_ratio_thresholds()
    out: list[Finding] = []
    flex, ext = tests.trunk_flexor_s, tests.trunk_extensor_s
    right, left = tests.side_bridge_right_s, tests.side_bridge_left_s
    extensor_work = Consequence(
        "extra_volume",
        quality="isometric_endurance",
        region="erector_spinae",
        note="extensor endurance lags the other directions: more back-extensor endurance work",
    )
    if flex is not None and ext is not None and ext > 0:
        ratio = flex / ext
        if exceeds(ratio, limits.flexor_extensor_max):
            sev = severity_from_excess(ratio - limits.flexor_extensor_max, 0.25, 0.5)
            out.append(
                Finding(
                    "flexor_extensor_ratio_high",
                    sev,
                    f"Your trunk-flexor hold is {ratio:.2f} times your back-extensor hold; "
                    f"above {limits.flexor_extensor_max:g} the back extensors lag behind. "
                    "The plan adds back-extensor endurance work.",
                    round(ratio, 2),
                    limits.flexor_extensor_max,
                    limits.source,
                    (replace(extensor_work, sets=1 if sev == "mild" else 2),),
                    "ratio",
                )
            )
    if right is not None and left is not None and (right > 0 or left > 0):
        f = _asymmetry(right, left)
        out += [f] if f else []
    bridges = [t for t in (right, left) if t is not None]
    if bridges and ext is not None and ext > 0:
        ratio = max(bridges) / ext
        if exceeds(ratio, limits.side_bridge_extensor_max):
            sev = severity_from_excess(ratio - limits.side_bridge_extensor_max, 0.15, 0.30)
            out.append(
                Finding(
                    "side_bridge_extensor_ratio_high",
                    sev,
                    f"Your longer side bridge is {ratio:.2f} times your back-extensor hold; "
                    f"above {limits.side_bridge_extensor_max:g} the back extensors lag behind. "
                    "The plan adds back-extensor endurance work.",
                    round(ratio, 2),
                    limits.side_bridge_extensor_max,
                    limits.source,
                    (replace(extensor_work, sets=1 if sev == "mild" else 2),),
                    "ratio",
                )
            )
    return out


def endurance_findings(sex: Sex, age: int, tests: Tests) -> list[Finding]:
    """Findings of the torso-endurance battery, absolute times first, then ratios.

    Parameters
    ----------
    sex
        Selects the sex-specific norms.
    age
        Age [years]: selects an age-specific norm where one is published; from 40 on, a finding
        against young adults' norms is at most mild.
    tests
        The profile's hold times [s]; tests not done are skipped.

    Returns
    -------
    list of Finding
        ``extensor_endurance_low``, ``flexor_endurance_low``, ``side_bridge_endurance_low``
        (the weaker side), ``flexor_extensor_ratio_high``, ``side_bridge_asymmetry``,
        ``side_bridge_extensor_ratio_high``, each only when it applies.

    Examples
    --------
    >>> tests = Tests(trunk_extensor_s=70, trunk_flexor_s=150)
    >>> [(f.code, f.severity) for f in endurance_findings("female", 30, tests)]
    [('extensor_endurance_low', 'moderate'), ('flexor_extensor_ratio_high', 'marked')]
    >>> [(f.code, f.severity) for f in endurance_findings("female", 71, tests)]
    [('flexor_extensor_ratio_high', 'marked')]
    """
    return _absolute(sex, age, tests) + _ratios(tests)
