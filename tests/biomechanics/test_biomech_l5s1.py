"""Physics checks of the static L5/S1 model."""

from __future__ import annotations

import math

import numpy as np
import pytest

from spinewise.biomechanics import body_geometry, l5s1_load
from spinewise.biomechanics.l5s1 import ALTERNATIVE_MOMENT_ARM_M, DEFAULT_MOMENT_ARM_M
from spinewise.errors import InputError
from spinewise.units import GRAVITY_M_S2

G = GRAVITY_M_S2


def test_upright_unloaded_compression_is_the_upper_body_weight():
    r = l5s1_load(0.0, body_mass_kg=75.0)
    weight_above = G * 75.0 * body_geometry("male").mass_above_fraction
    assert float(r.moment_nm) == pytest.approx(0.0, abs=1e-9)
    assert float(r.extensor_force_n) == 0.0
    assert float(r.compression_n) == pytest.approx(weight_above)
    assert float(r.shear_n) == pytest.approx(0.0, abs=1e-9)
    # the weight above L5/S1 is about half the body weight
    assert 0.5 < float(r.compression_n) / (G * 75.0) < 0.56


def test_upright_compression_is_weight_plus_muscle_force_for_the_moment():
    # arms straight ahead: a moment appears; compression = weight + moment / moment arm
    r = l5s1_load(0.0, upper_arm_deg=90.0)
    weight = float(r.upper_body_weight_n)
    assert float(r.moment_nm) > 0
    expected = weight + float(r.moment_nm) / DEFAULT_MOMENT_ARM_M
    assert float(r.compression_n) == pytest.approx(expected)


def test_compression_rises_with_load():
    loads = np.arange(0.0, 60.0, 5.0)
    r = l5s1_load(45.0, load_kg=loads, upper_arm_deg=45.0)
    assert np.all(np.diff(r.compression_n) > 0)


def test_compression_rises_with_the_loads_distance():
    distances = np.linspace(0.1, 0.7, 7)
    r = l5s1_load(20.0, load_kg=15.0, load_horizontal_m=distances)
    assert np.all(np.diff(r.compression_n) > 0)
    # each 0.1 m adds load weight * 0.1 / moment arm
    step = 15.0 * G * 0.1 / DEFAULT_MOMENT_ARM_M
    assert np.diff(r.compression_n) == pytest.approx(np.full(6, step))


@pytest.mark.parametrize("load_kg", [0.0, 20.0])
def test_compression_rises_with_trunk_inclination(load_kg):
    angles = np.arange(0.0, 81.0, 5.0)
    r = l5s1_load(angles, load_kg=load_kg, upper_arm_deg=angles)  # arms hanging
    assert np.all(np.diff(r.compression_n) > 0)
    assert np.all(np.diff(r.moment_nm) > 0)


def test_near_horizontal_the_weights_axial_share_falls_faster_than_the_moment_grows():
    # the moment keeps growing to 90 degrees, compression peaks a little before
    angles = np.arange(70.0, 91.0, 1.0)
    r = l5s1_load(angles, upper_arm_deg=angles)
    assert np.all(np.diff(r.moment_nm) > 0)
    assert 80.0 <= angles[int(np.argmax(r.compression_n))] < 90.0


def test_moment_arm_sets_the_muscle_force():
    at_6 = l5s1_load(60.0, moment_arm_m=DEFAULT_MOMENT_ARM_M)
    at_5 = l5s1_load(60.0, moment_arm_m=ALTERNATIVE_MOMENT_ARM_M)
    assert float(at_6.moment_nm) == pytest.approx(float(at_5.moment_nm))
    assert float(at_5.extensor_force_n) == pytest.approx(float(at_6.extensor_force_n) * 6 / 5)
    assert float(at_5.compression_n) > float(at_6.compression_n)


def test_leaning_back_is_held_by_the_flexors():
    r = l5s1_load(-20.0, flexor_moment_arm_m=0.08)
    assert float(r.moment_nm) < 0
    assert float(r.extensor_force_n) == 0
    assert float(r.flexor_force_n) == pytest.approx(-float(r.moment_nm) / 0.08)


def test_horizontal_trunk_by_hand():
    # trunk horizontal, arms along the trunk: moment = g m sum(fraction * distance) by hand
    body = body_geometry("male")
    scale = 180.0 / body.reference_stature_cm
    ua, fa, hand = body.upper_arm, body.forearm, body.hand
    sh = body.shoulder_m * scale
    arm = 2 * (
        ua.mass_fraction * (sh - ua.com_fraction * ua.length_m * scale)
        + fa.mass_fraction * (sh - (ua.length_m + fa.com_fraction * fa.length_m) * scale)
        + hand.mass_fraction
        * (sh - (ua.length_m + fa.length_m + hand.com_fraction * hand.length_m) * scale)
    )
    trunk = sum(m * d * scale for m, d in body.trunk_parts)
    expected_moment = G * 80.0 * (trunk + arm)
    r = l5s1_load(90.0, body_mass_kg=80.0, height_cm=180.0)
    assert float(r.moment_nm) == pytest.approx(expected_moment)
    assert float(r.compression_n) == pytest.approx(expected_moment / 0.06, rel=1e-9, abs=1e-6)
    assert float(r.shear_n) == pytest.approx(float(r.upper_body_weight_n))


def test_scales_with_body_mass_and_stature():
    base = l5s1_load(60.0, body_mass_kg=70.0, height_cm=170.0)
    heavier = l5s1_load(60.0, body_mass_kg=84.0, height_cm=170.0)
    taller = l5s1_load(60.0, body_mass_kg=70.0, height_cm=187.0)
    assert float(heavier.compression_n) == pytest.approx(float(base.compression_n) * 1.2)
    assert float(taller.moment_nm) == pytest.approx(float(base.moment_nm) * 1.1)


def test_women_use_their_own_table():
    assert float(l5s1_load(60.0, sex="female").moment_nm) != float(l5s1_load(60.0).moment_nm)


def _scalar_reference(theta_deg, load_kg, mass_kg, arm_deg):
    """An independent plain-Python evaluation of one posture."""
    body = body_geometry("male")
    t = math.radians(theta_deg)
    x_trunk = sum(m * d * math.sin(t) for m, d in body.trunk_parts)
    phi = math.radians(arm_deg) - t
    dx = math.sin(phi)
    sh = body.shoulder_m * math.sin(t)
    ua, fa, hand = body.upper_arm, body.forearm, body.hand
    elbow = sh + ua.length_m * dx
    wrist = elbow + fa.length_m * dx
    hand_x = wrist + hand.com_fraction * hand.length_m * dx
    x_arms = 2 * (
        ua.mass_fraction * (sh + ua.com_fraction * ua.length_m * dx)
        + fa.mass_fraction * (elbow + fa.com_fraction * fa.length_m * dx)
        + hand.mass_fraction * hand_x
    )
    moment = G * (mass_kg * (x_trunk + x_arms) + load_kg * hand_x)
    weight = G * (mass_kg * body.mass_above_fraction + load_kg)
    return abs(moment) / 0.06 + weight * math.cos(t)


def test_vectorized_matches_a_plain_python_loop():
    rng = np.random.default_rng(7)
    theta = rng.uniform(-20, 110, 200)
    load = rng.uniform(0, 50, 200)
    mass = rng.uniform(45, 120, 200)
    arm = rng.uniform(0, 180, 200)
    r = l5s1_load(theta, load_kg=load, body_mass_kg=mass, upper_arm_deg=arm)
    expected = [_scalar_reference(*row) for row in zip(theta, load, mass, arm, strict=True)]
    assert r.compression_n == pytest.approx(np.array(expected))
    assert r.compression_n.shape == (200,)


def test_broadcasting():
    r = l5s1_load(np.array([[0.0], [45.0]]), load_kg=np.array([0.0, 10.0, 20.0]))
    assert r.compression_n.shape == (2, 3)
    assert r.upper_body_weight_n.shape == (2, 3)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"body_mass_kg": -70.0}, "body_mass_kg: must be a positive number of kg, got -70.0"),
        ({"height_cm": 0.0}, "height_cm: must be a positive number of cm, got 0.0"),
        ({"load_kg": -1.0}, "load_kg: must be 0 or more kg"),
        ({"moment_arm_m": 0.0}, "moment_arm_m: must be a positive distance in metres, got 0.0"),
        ({"sex": "x"}, "sex: must be one of male, female, got 'x'"),
    ],
)
def test_bad_input_is_named(kwargs, message):
    with pytest.raises(InputError) as err:
        l5s1_load(30.0, **kwargs)
    assert err.value.problems == (message,)
