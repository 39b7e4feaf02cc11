"""Benchmark: L5/S1 postures evaluated per second, numpy against a plain-Python loop.

Run: PYTHONPATH=src python bench/spine_load.py [N]

Both sides compute the same static model (trunk angle, load, body mass, arm angle varying) and are
checked to agree before timing. The target for the numpy path is at least 1 million postures/s.
"""

from __future__ import annotations

import math
import sys
import time

import numpy as np

from spinewise.biomechanics import body_geometry, l5s1_load
from spinewise.units import GRAVITY_M_S2

TARGET_PER_S = 1_000_000


def plain_python(theta_deg, load_kg, mass_kg, arm_deg):
    """The model for one posture in plain Python (math module only)."""
    body = body_geometry("male")
    g = GRAVITY_M_S2
    ua, fa, hand = body.upper_arm, body.forearm, body.hand
    out = []
    for t_deg, load, mass, a_deg in zip(theta_deg, load_kg, mass_kg, arm_deg, strict=True):
        t = math.radians(t_deg)
        sin_t, cos_t = math.sin(t), math.cos(t)
        x_trunk = 0.0
        for m, d in body.trunk_parts:
            x_trunk += m * d * sin_t
        dx = math.sin(math.radians(a_deg) - t)
        sh = body.shoulder_m * sin_t
        elbow = sh + ua.length_m * dx
        wrist = elbow + fa.length_m * dx
        hand_x = wrist + hand.com_fraction * hand.length_m * dx
        x_arms = 2.0 * (
            ua.mass_fraction * (sh + ua.com_fraction * ua.length_m * dx)
            + fa.mass_fraction * (elbow + fa.com_fraction * fa.length_m * dx)
            + hand.mass_fraction * hand_x
        )
        moment = g * (mass * (x_trunk + x_arms) + load * hand_x)
        weight = g * (mass * body.mass_above_fraction + load)
        out.append(abs(moment) / 0.06 + weight * cos_t)
    return out


def best_of(repeats, fn):
    best = math.inf
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    n_loop = max(1, n // 10)
    rng = np.random.default_rng(2026)
    theta = rng.uniform(-20.0, 110.0, n)
    load = rng.uniform(0.0, 60.0, n)
    mass = rng.uniform(45.0, 120.0, n)
    arm = rng.uniform(0.0, 180.0, n)

    # the two paths agree (on the loop's sample)
    vec = l5s1_load(
        theta[:n_loop],
        load_kg=load[:n_loop],
        body_mass_kg=mass[:n_loop],
        upper_arm_deg=arm[:n_loop],
    ).compression_n
    ref = plain_python(
        theta[:n_loop].tolist(),
        load[:n_loop].tolist(),
        mass[:n_loop].tolist(),
        arm[:n_loop].tolist(),
    )
    np.testing.assert_allclose(vec, ref, rtol=1e-9)

    t_numpy = best_of(
        5, lambda: l5s1_load(theta, load_kg=load, body_mass_kg=mass, upper_arm_deg=arm)
    )
    lists = (
        theta[:n_loop].tolist(),
        load[:n_loop].tolist(),
        mass[:n_loop].tolist(),
        arm[:n_loop].tolist(),
    )
    t_loop = best_of(3, lambda: plain_python(*lists))

    numpy_rate = n / t_numpy
    loop_rate = n_loop / t_loop
    print(
        f"numpy (l5s1_load):      {n:>10,d} postures in {t_numpy * 1e3:8.1f} ms "
        f"= {numpy_rate:>13,.0f} postures/s"
    )
    print(
        f"plain-Python loop:      {n_loop:>10,d} postures in {t_loop * 1e3:8.1f} ms "
        f"= {loop_rate:>13,.0f} postures/s"
    )
    print(f"ratio numpy / loop:     {numpy_rate / loop_rate:,.1f}x")
    verdict = "meets" if numpy_rate >= TARGET_PER_S else "misses"
    print(f"target {TARGET_PER_S:,d} postures/s: {verdict}")


if __name__ == "__main__":
    main()
