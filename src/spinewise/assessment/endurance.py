r"""The torso-endurance battery: absolute hold times and the three imbalance ratios.

Absolute times are compared with the sex-specific mean and SD of McGill et al. 1999 [1]_ as a
z-score, :math:`z = (t - \mu) / \sigma` [s/s]. The ratios are

- flexor:extensor :math:`t_{flex} / t_{ext}`, a finding above 1.0;
- right:left side bridge :math:`|t_{R} / t_{L} - 1|`, a finding above 0.05;
- side bridge:extensor :math:`\max(t_{R}, t_{L}) / t_{ext}`, a finding above 0.75;

thresholds from McGill's *Low Back Disorders*, confirmed only through secondary sources [C2].
Severity bands are this project's (:mod:`spinewise.assessment.severity`).

References
----------
.. [1] McGill SM, Childs A, Liebenson C (1999). Endurance times for low back stabilization
   exercises: clinical targets for testing and training from a normal database. Arch Phys Med
   Rehabil 80(8):941-944. doi:10.1016/s0003-9993(99)90087-4
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from spinewise.assessment.norms import Sex, load_endurance_norms, load_ratio_thresholds
from spinewise.assessment.results import Consequence, Finding
from spinewise.assessment.severity import (
    EXTRA_SETS,
    exceeds,
    severity_from_excess,
    severity_from_z,
)
from spinewise.profile import Tests

__all__ = ["endurance_findings"]

_PEOPLE = {"female": "healthy young women", "male": "healthy young men"}


def _fmt(x: float) -> str:
    return f"{x:g}"


def _low(
    code: str, label: str, measured: float, test: str, sex: Sex, target: Consequence
) -> Finding | None:
    norms = load_endurance_norms()
    norm = norms.norm(sex, test)
    assert norm.sd is not None
    z = (measured - norm.mean) / norm.sd
    severity = severity_from_z(z)
    if severity is None:
        return None
    sets = EXTRA_SETS[severity]
    summary = (
        f"Your {label} hold of {_fmt(measured)} s is below the average of {_PEOPLE[sex]} "
        f"({_fmt(norm.mean)} s, typical spread ±{_fmt(norm.sd)} s; z = {z:.2f})."
    )
    if sets:
        summary += f" The plan adds {sets} weekly sets of this kind of endurance work."
        consequences: tuple[Consequence, ...] = (replace(target, sets=sets),)
    else:
        summary += " This is within the usual range, so the plan does not change for it."
        consequences = ()
    return Finding(code, severity, summary, measured, norm.mean, norms.source, consequences, "s")


def _absolute(sex: Sex, tests: Tests) -> list[Finding]:
    out: list[Finding] = []
    if tests.trunk_extensor_s is not None:
        f = _low(
            "extensor_endurance_low",
            "back-extensor (Biering-Sorensen)",
            tests.trunk_extensor_s,
            "trunk_extensor_s",
            sex,
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
        weaker: Literal["left", "right"] = "left" if left < right else "right"
        deviation = abs(right / left - 1) if left > 0 else float("inf")
        if exceeds(deviation, limits.side_bridge_max_deviation):
            sev = severity_from_excess(deviation - limits.side_bridge_max_deviation, 0.10, 0.25)
            shown = "" if left == 0 else f" (right:left {right / left:.2f})"
            out.append(
                Finding(
                    "side_bridge_asymmetry",
                    sev,
                    f"Your side bridges differ by more than "
                    f"{limits.side_bridge_max_deviation:.0%}{shown}: the {weaker} side is "
                    f"weaker. The plan adds sets on the {weaker} side.",
                    None if left == 0 else round(right / left, 2),
                    1.0,
                    limits.source,
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
            )
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


def endurance_findings(sex: Sex, tests: Tests) -> list[Finding]:
    """Findings of the torso-endurance battery, absolute times first, then ratios.

    Parameters
    ----------
    sex
        Selects the sex-specific norms.
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
    >>> fs = endurance_findings("female", Tests(trunk_extensor_s=70, trunk_flexor_s=150))
    >>> [(f.code, f.severity) for f in fs]
    [('extensor_endurance_low', 'moderate'), ('flexor_extensor_ratio_high', 'marked')]
    """
    return _absolute(sex, tests) + _ratios(tests)
