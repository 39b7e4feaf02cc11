"""From catalogue postures to L5/S1 load: which situation applies, and what follows."""

from __future__ import annotations

import pytest

from spinewise.biomechanics import l5s1_load, posture_load
from spinewise.catalog.entities import Posture
from spinewise.errors import InputError


def P(**kw):
    return Posture(**kw)


def test_standing_is_the_plain_model():
    p = P(support="standing", trunk_flexion_deg=60, arms="hanging", load_kg=20)
    r = posture_load(p)
    direct = l5s1_load(60.0, load_kg=20.0, upper_arm_deg=60.0)
    assert r.method == "cantilever"
    assert not r.coarse
    assert r.compression_n == pytest.approx(float(direct.compression_n))


def test_a_load_on_the_shoulders_sits_at_the_shoulders():
    on_back = posture_load(
        P(support="standing", trunk_flexion_deg=45, arms="shoulders", load_kg=60)
    )
    in_hands = posture_load(P(support="standing", trunk_flexion_deg=45, arms="hanging", load_kg=60))
    assert on_back.compression_n != in_hands.compression_n
    assert (
        on_back.compression_n
        > posture_load(P(support="standing", trunk_flexion_deg=45, arms="shoulders")).compression_n
    )


def test_prescribed_load_overrides_the_catalogue_default():
    p = P(support="standing", trunk_flexion_deg=60, arms="hanging", load_kg=20)
    assert posture_load(p, load_kg=40).compression_n > posture_load(p).compression_n
    assert posture_load(p, load_kg=20).compression_n == posture_load(p).compression_n


def test_bench_with_pad_under_the_pelvis_is_a_cantilever():
    r = posture_load(P(support="bench_prone", trunk_flexion_deg=90, arms="chest"))
    assert r.method == "cantilever"
    assert 1500 < r.compression_n < 3000


def test_planks_are_coarse_bridges_and_the_knee_plank_is_lighter():
    full = posture_load(P(support="prone", trunk_flexion_deg=90, arms="floor"))
    knees = posture_load(
        P(support="prone", trunk_flexion_deg=90, knee_flexion_deg=90, arms="floor")
    )
    assert full.method == knees.method == "bridge"
    assert full.coarse
    assert knees.coarse
    assert 0 < knees.compression_n < full.compression_n


def test_side_bridge_matches_the_plank_in_its_plane():
    side = posture_load(P(support="side_lying", trunk_flexion_deg=90, arms="floor"))
    plank = posture_load(P(support="prone", trunk_flexion_deg=90, arms="floor"))
    assert side.compression_n == pytest.approx(plank.compression_n)


def test_quadruped_spine_is_supported_at_both_ends():
    r = posture_load(
        P(
            support="quadruped",
            trunk_flexion_deg=90,
            hip_flexion_deg=90,
            knee_flexion_deg=90,
            arms="floor",
        )
    )
    assert r.method == "bridge"
    assert r.compression_n < posture_load(P(support="standing", trunk_flexion_deg=90)).compression_n


def test_glute_bridge_is_a_supine_bridge_and_load_on_the_hips_adds():
    base = P(support="supine", trunk_flexion_deg=90, knee_flexion_deg=90, arms="sides")
    loaded = P(
        support="supine", trunk_flexion_deg=90, knee_flexion_deg=90, arms="sides", load_kg=60
    )
    assert posture_load(base).method == "bridge"
    assert posture_load(loaded).compression_n > posture_load(base).compression_n


def test_lying_flat_loads_nothing_and_raised_legs_do():
    flat = posture_load(
        P(support="supine", trunk_flexion_deg=90, hip_flexion_deg=45, knee_flexion_deg=90)
    )
    legs_up = posture_load(P(support="supine", trunk_flexion_deg=90, hip_flexion_deg=20))
    assert flat.method == legs_up.method == "lying"
    assert flat.compression_n == 0.0
    assert legs_up.compression_n > 1000
    assert any("legs raised" in n for n in legs_up.notes)


def test_curl_up_raises_less_than_a_sit_up():
    curl = posture_load(
        P(support="supine", trunk_flexion_deg=80, hip_flexion_deg=45, knee_flexion_deg=90)
    )
    sit_up = posture_load(
        P(support="supine", trunk_flexion_deg=60, hip_flexion_deg=45, knee_flexion_deg=90)
    )
    assert 0 < curl.compression_n < sit_up.compression_n
    assert any("curl-up" in n for n in curl.notes)


def test_prone_with_legs_raised():
    p = P(support="prone", trunk_flexion_deg=90, hip_flexion_deg=-10, arms="overhead")
    r = posture_load(p)
    assert r.method == "lying"
    assert r.compression_n > 0


def test_lying_trunk_angle_zero_is_read_as_flat_and_said():
    r = posture_load(P(support="supine", trunk_flexion_deg=0, hip_flexion_deg=70))
    assert any("read as lying flat" in n for n in r.notes)
    same = posture_load(P(support="supine", trunk_flexion_deg=90, hip_flexion_deg=70))
    assert r.compression_n == pytest.approx(same.compression_n)


def test_hanging_with_straight_legs_is_traction_and_raised_legs_compress():
    dead_hang = posture_load(P(support="hanging", arms="overhead"))
    leg_raise = posture_load(P(support="hanging", hip_flexion_deg=90, arms="overhead"))
    assert dead_hang.method == "hanging"
    assert dead_hang.compression_n < 0 < leg_raise.compression_n


def test_hands_on_the_floor_while_standing_unloads_the_spine():
    free = posture_load(P(support="standing", trunk_flexion_deg=70, arms="hanging"))
    propped = posture_load(P(support="standing", trunk_flexion_deg=70, arms="floor"))
    assert propped.method == "bridge"
    assert propped.compression_n < free.compression_n / 4


def test_bad_body_mass_is_named():
    with pytest.raises(InputError, match="body_mass_kg: must be a positive number of kg"):
        posture_load(P(support="standing"), body_mass_kg=0)


def test_chest_supported_row_rests_on_the_bench():
    row = posture_load(
        P(
            support="bench_prone",
            trunk_flexion_deg=45,
            hip_flexion_deg=45,
            arms="hanging",
            load_kg=32,
        )
    )
    free = posture_load(P(support="standing", trunk_flexion_deg=45, arms="hanging", load_kg=32))
    assert row.method == "bridge"
    assert row.compression_n < free.compression_n / 2
