"""Breathing practice: in every plan, per phase, within the athlete's equipment."""

from __future__ import annotations

from typing import Any

from spinewise.catalog import load_catalog
from spinewise.habits import build_habits, load_habit_rules
from spinewise.habits.breathing import breathing_drills
from spinewise.planning.periodization import periodize

CATALOG = load_catalog()
RULES = load_habit_rules().breathing


def test_every_phase_gets_practice_and_deloads_keep_it(req: Any) -> None:
    weeks = periodize(12)
    breathing = build_habits(req(), weeks, CATALOG).to_json()["breathing"]
    assert [p["phase"] for p in breathing["by_phase"]] == [
        "foundation",
        "build",
        "power",
        "consolidate",
    ]
    covered = sorted(i for p in breathing["by_phase"] for i in p["weeks"])
    assert covered == [w.index for w in weeks]
    assert all(p["minutes_per_day"] > 0 for p in breathing["by_phase"])
    assert "Deload" in breathing["deload"]


def test_drills_respect_equipment_sensitivities_and_level(req: Any) -> None:
    bare = req(equipment=frozenset(), sensitivities=frozenset({"flexion"}), max_level=1)
    for phase in ("foundation", "build", "power", "consolidate"):
        for ex in breathing_drills(CATALOG, bare, phase, RULES):
            assert ex.equipment == ()
            assert "flexion" not in ex.sensitivities
            assert ex.level <= 1
            assert "breathing" in ex.patterns


def test_foundation_prefers_lying_drills_build_standing_ones(req: Any) -> None:
    full = req(equipment=frozenset({"mat", "wall"}))
    foundation = breathing_drills(CATALOG, full, "foundation", RULES)
    build = breathing_drills(CATALOG, full, "build", RULES)
    assert foundation
    assert build
    assert foundation[0].posture is not None
    assert foundation[0].posture.support != "standing"
    assert build[0].posture is not None
    assert build[0].posture.support == "standing"


def test_why_names_the_persons_findings_and_pain(req: Any) -> None:
    request = req(pain_current=4, findings=(("flexor_endurance_low", "mild", "x"),))
    why = " ".join(build_habits(request, periodize(8), CATALOG).to_json()["breathing"]["why"])
    assert "flexor endurance low" in why
    assert "4/10" in why
