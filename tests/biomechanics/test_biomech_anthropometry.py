"""De Leva's segment table and the body about L5/S1."""

from __future__ import annotations

import math

import pytest

from spinewise.biomechanics.anthropometry import (
    body_geometry,
    reference_stature_cm,
    segment_table,
    split_linear_density,
)
from spinewise.errors import InputError

LIMBS = ("upper_arm", "forearm", "hand", "thigh", "shank", "foot")


@pytest.mark.parametrize("sex", ["male", "female"])
def test_segment_masses_add_up_to_the_body(sex):
    seg = segment_table(sex)
    total = seg["head_c7"].mass_fraction + seg["trunk"].mass_fraction
    total += 2 * sum(seg[name].mass_fraction for name in LIMBS)
    assert total == pytest.approx(1.0, abs=0.001)


@pytest.mark.parametrize("sex", ["male", "female"])
def test_trunk_parts_add_up_to_the_trunk(sex):
    seg = segment_table(sex)
    parts = [seg[n] for n in ("upper_trunk", "middle_trunk", "lower_trunk")]
    assert sum(p.mass_fraction for p in parts) == pytest.approx(seg["trunk"].mass_fraction)
    assert sum(p.length_m for p in parts) == pytest.approx(seg["trunk"].length_m)
    # the parts' centres of mass give the whole trunk's (from the suprasternale)
    start, moment = 0.0, 0.0
    for p in parts:
        moment += p.mass_fraction * (start + p.com_fraction * p.length_m)
        start += p.length_m
    com = moment / seg["trunk"].mass_fraction / seg["trunk"].length_m
    assert com == pytest.approx(seg["trunk"].com_fraction, abs=0.01)


def test_published_values_for_men_as_in_science_md():
    seg = segment_table("male")
    assert seg["upper_arm"].mass_fraction == 0.0271
    assert seg["thigh"].com_fraction == 0.4095
    assert seg["trunk"].length_m == pytest.approx(0.5319)
    assert reference_stature_cm("male") == pytest.approx(174.1)
    assert reference_stature_cm("female") == pytest.approx(173.5)


@pytest.mark.parametrize(("com", "cut"), [(0.5, 0.5), (0.6115, 0.5), (0.492, 0.3), (0.4, 0.8)])
def test_linear_density_split_conserves_mass_and_moment(com, cut):
    mass_first, com_first, com_second = split_linear_density(com, cut)
    assert 0 < mass_first < 1
    assert 0 < com_first < cut < com_second < 1
    assert mass_first * com_first + (1 - mass_first) * com_second == pytest.approx(com)


def test_heavier_bottom_puts_less_mass_above_the_cut():
    assert split_linear_density(0.6115, 0.5)[0] < 0.5 < split_linear_density(0.4, 0.5)[0]


@pytest.mark.parametrize("sex", ["male", "female"])
def test_body_above_l5s1(sex):
    body = body_geometry(sex)
    # head, arms, upper and middle trunk, and part of the lower trunk: a little over half the body
    assert 0.5 < body.mass_above_fraction < 0.56
    distances = [d for _, d in body.trunk_parts]
    assert distances == sorted(distances)  # lower trunk, middle, upper, head: upward
    assert body.hip_m < body.pelvis[1] < 0 < body.xiphoid_m < body.shoulder_m
    assert body.pelvis[0] + body.trunk_parts[0][0] == pytest.approx(
        segment_table(sex)["lower_trunk"].mass_fraction
    )
    assert math.isclose(body.legs_mass_fraction, 2 * (0.1416 + 0.0433 + 0.0137)) or sex == "female"


def test_unknown_sex_is_refused():
    with pytest.raises(InputError, match="sex: must be one of male, female"):
        segment_table("other")  # type: ignore[arg-type]
