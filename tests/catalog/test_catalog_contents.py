"""The packaged catalogue: size, vocabulary use, the seed method's exercises, export shape."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from spinewise.catalog import ExerciseFilter, load_catalog, load_vocabulary
from spinewise.catalog.check import MINIMAL_KIT
from spinewise.cli.app import main

CATALOG = load_catalog()
VOCAB = load_vocabulary()


def test_at_least_150_exercises() -> None:
    assert len(CATALOG) >= 150


@pytest.mark.parametrize(
    "section",
    [
        "regions",
        "qualities",
        "planes",
        "patterns",
        "laterality",
        "integration",
        "loading",
        "equipment",
        "sensitivities",
        "blocks",
    ],
)
def test_every_vocabulary_value_used_at_least_twice(section: str) -> None:
    counts: Counter[str] = Counter()
    for ex in CATALOG:
        if section == "regions":
            counts.update(list(ex.regions))
        elif section == "equipment" and not ex.equipment:
            counts["none"] += 1
        else:
            value = getattr(ex, section)
            counts.update([value] if isinstance(value, str) else value)
    for tag in VOCAB.values(section):
        assert counts[tag] >= 2, f"{section}.{tag} used {counts[tag]} times"


@pytest.mark.parametrize(
    "kit", [MINIMAL_KIT, frozenset(VOCAB.values("equipment"))], ids=["band_and_mat", "full_gym"]
)
def test_key_regions_and_weekly_qualities_trainable(kit: frozenset[str]) -> None:
    pool = CATALOG.find(ExerciseFilter(equipment=kit))
    for region in VOCAB.key_regions:
        assert any(region in ex.primary_regions for ex in pool), region
    for quality in VOCAB.weekly_qualities:
        assert any(quality in ex.qualities for ex in pool), quality


SEED_METHOD = {
    # the seed method's exercises, found by what they are rather than by id
    "conventional deadlift": lambda e: (
        "hinge" in e.patterns
        and "barbell" in e.equipment
        and "deadlift" in e.name.lower()
        and "romanian" not in e.name.lower()
    ),
    "trap-bar deadlift": lambda e: "trap_bar" in e.equipment and "hinge" in e.patterns,
    "Romanian deadlift": lambda e: "romanian" in e.name.lower() and e.laterality == "bilateral",
    "bent-over row": lambda e: "row" in e.patterns and "bent" in e.name.lower(),
    "one-arm row": lambda e: (
        "row" in e.patterns and e.laterality == "unilateral" and "dumbbell" in e.equipment
    ),
    "single-leg RDL with 3-4 s lowering": lambda e: (
        "hinge" in e.patterns
        and e.laterality == "unilateral"
        and e.dose.tempo is not None
        and e.dose.tempo[0] in "34"
    ),
    "rotational scoop toss": lambda e: "throw" in e.patterns and "scoop" in e.name.lower(),
    "shot-put throw": lambda e: "throw" in e.patterns and "shot" in e.name.lower(),
    "side toss against a wall": lambda e: (
        "throw" in e.patterns and "wall" in e.equipment and "side" in e.name.lower()
    ),
    "glute bridge hold with lateral pelvic shifts": lambda e: (
        "bridge" in e.patterns and "frontal" in e.planes and "isometric_endurance" in e.qualities
    ),
    "McGill curl-up": lambda e: "curl-up" in e.name.lower() or "curl up" in e.name.lower(),
    "side bridge": lambda e: "side bridge" in e.name.lower() or "side plank" in e.name.lower(),
    "bird dog": lambda e: "bird dog" in e.name.lower() or "bird-dog" in e.name.lower(),
    "dead bug": lambda e: "dead bug" in e.name.lower(),
    "Pallof press": lambda e: "pallof" in e.name.lower(),
    "Pallof press, band": lambda e: "pallof" in e.name.lower() and "band" in e.equipment,
    "suitcase carry": lambda e: "suitcase" in e.name.lower() and "carry" in e.patterns,
    "farmer's carry": lambda e: "farmer" in e.name.lower(),
    "Copenhagen plank": lambda e: "copenhagen" in e.name.lower(),
    "Nordic curl": lambda e: "nordic" in e.name.lower(),
    "45-degree back extension": lambda e: "back_extension_bench" in e.equipment and "45" in e.name,
    "reverse hyperextension": lambda e: "reverse hyper" in e.name.lower(),
    "kettlebell swing": lambda e: "swing" in e.name.lower() and "kettlebell" in e.equipment,
    "hip thrust": lambda e: "hip thrust" in e.name.lower(),
    "good morning": lambda e: "good morning" in e.name.lower(),
    "step-up": lambda e: "step-up" in e.name.lower() or "step up" in e.name.lower(),
    "split squat": lambda e: "split squat" in e.name.lower(),
    "band-resisted (variable resistance)": lambda e: (
        e.loading == "variable" and "band" in e.equipment
    ),
    "pulsed tension": lambda e: e.loading == "pulsed",
    "90/90 breathing": lambda e: "90/90" in e.name and "breathing" in e.patterns,
    "bracing drill": lambda e: "brac" in e.name.lower() and "motor_control" in e.qualities,
    "thoracic rotation": lambda e: "thoracic" in e.name.lower() and "transverse" in e.planes,
    "cat-camel": lambda e: "cat" in e.name.lower() and "camel" in e.name.lower(),
}


@pytest.mark.parametrize("what", sorted(SEED_METHOD))
def test_seed_method_exercise_present(what: str) -> None:
    assert any(SEED_METHOD[what](ex) for ex in CATALOG), what


def test_every_exercise_above_level_1_has_a_regression_or_is_a_progression_target() -> None:
    targets = {p for ex in CATALOG for p in ex.progressions}
    for ex in CATALOG:
        if ex.level > 1:
            assert ex.regressions or ex.id in targets, ex.id


def test_export_shape_matches_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "export", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == len(CATALOG) >= 150
    contract_keys = {
        "id",
        "name",
        "patterns",
        "regions",
        "qualities",
        "planes",
        "laterality",
        "integration",
        "loading",
        "equipment",
        "sensitivities",
        "level",
        "compression_n",
        "regressions",
        "progressions",
    }
    for item in data:
        assert contract_keys <= set(item)
        assert set(item["regions"].values()) <= {"primary", "secondary"}
        assert "none" not in item["equipment"]
    assert [d["id"] for d in data] == sorted(d["id"] for d in data)
    for item in data:
        compression = item["compression_n"]
        assert compression is not None, item["id"]
        # the static model ignores co-contraction: a supported or hanging posture with no net
        # gravitational moment at L5/S1 may estimate 0 N, and says it is coarse
        assert compression["value"] > 0 or compression["coarse"], item["id"]
        assert compression["body_mass_kg"] == 75
        assert compression["basis"] in ("model", "published")
        assert compression["model_value"] >= 0
        if compression["basis"] == "published":
            assert compression["source"]
            assert compression["model_value"] > 0


@pytest.mark.parametrize(
    ("exercise_id", "sensitivity"),
    [
        ("waiters_carry", "extension"),  # the weight overhead pulls the low back into extension
        ("single_arm_kettlebell_swing", "rotation"),  # one-arm load twists the trunk
        ("band_chop_half_kneeling", "rotation"),
        ("half_kneeling_cable_chop", "rotation"),
        ("cable_chop_high_low", "rotation"),
        ("band_explosive_chop", "rotation"),
        ("landmine_rainbow", "rotation"),
        ("renegade_row", "rotation"),
        ("worlds_greatest_stretch", "flexion"),  # a deep lunge with the trunk bent forward
        ("worlds_greatest_stretch", "rotation"),
    ],
)
def test_audited_sensitivity_tags(exercise_id: str, sensitivity: str) -> None:
    assert sensitivity in load_catalog().get(exercise_id).sensitivities


def test_every_chop_rainbow_renegade_row_and_one_arm_swing_loads_rotation() -> None:
    """The audit's classes by name, so that a new entry of one of them is tagged too."""
    found = []
    for ex in load_catalog():
        name = ex.name.lower()
        one_arm_swing = "swing" in name and ex.laterality == "unilateral"
        if one_arm_swing or any(w in name for w in ("chop", "rainbow", "renegade")):
            found.append(ex.id)
            assert "rotation" in ex.sensitivities, ex.id
    assert {"single_arm_kettlebell_swing", "landmine_rainbow", "renegade_row"} <= set(found)
