"""`spinewise catalog check` names each planted fault: one broken fixture per kind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from spinewise.catalog.check import check_catalog
from spinewise.catalog.loader import default_data_dir, read_catalog_dir
from spinewise.catalog.vocabulary import load_vocabulary
from spinewise.cli.app import main

GOOD = """
[[exercise]]
id = "base_drill"
name = "Base drill"
aliases = ["base"]
patterns = ["bridge"]
regions = { glute_max = "primary" }
qualities = ["isometric_endurance"]
planes = ["sagittal"]
laterality = "bilateral"
integration = "integrated"
loading = "bodyweight"
equipment = []
blocks = ["stability"]
level = 1
progressions = ["next_drill"]
cues = ["Squeeze"]
faults = ["Arching"]
dose = { sets = 2, hold_s = 10, per_side = false, rest_s = 30, intensity = { kind = "bodyweight" } }

[[exercise]]
id = "next_drill"
name = "Next drill"
patterns = ["bridge"]
regions = { glute_max = "primary" }
qualities = ["isometric_endurance"]
planes = ["sagittal"]
laterality = "bilateral"
integration = "integrated"
loading = "bodyweight"
equipment = []
blocks = ["stability"]
level = 2
regressions = ["base_drill"]
cues = ["Squeeze"]
faults = ["Arching"]
dose = { sets = 2, hold_s = 20, per_side = false, rest_s = 30, intensity = { kind = "bodyweight" } }
"""

# (name, text replacement applied to GOOD, exercise id, field, message fragment)
FAULTS = [
    (
        "unknown_tag",
        (
            'patterns = ["bridge"]\nregions = { glute_max = "primary" }\nqualities = '
            '["isometric_endurance"]\nplanes = ["sagittal"]\nlaterality = "bilateral"\n'
            'integration = "integrated"\nloading = "bodyweight"\nequipment = []\nblocks = '
            '["stability"]\nlevel = 1',
            'patterns = ["bridge"]\nregions = { glute_max = "primary" }\nqualities = '
            '["isometric_endurance"]\nplanes = ["diagonal"]\nlaterality = "bilateral"\n'
            'integration = "integrated"\nloading = "bodyweight"\nequipment = []\nblocks = '
            '["stability"]\nlevel = 1',
        ),
        "base_drill",
        "planes",
        "unknown tag 'diagonal'",
    ),
    (
        "duplicate_id",
        ('id = "next_drill"', 'id = "base_drill"'),
        "base_drill",
        "id",
        "duplicate id",
    ),
    (
        "missing_field",
        (
            'cues = ["Squeeze"]\nfaults = ["Arching"]\ndose = { sets = 2, hold_s = 10',
            'faults = ["Arching"]\ndose = { sets = 2, hold_s = 10',
        ),
        "base_drill",
        "cues",
        "Field required",
    ),
    (
        "dangling_link",
        ('progressions = ["next_drill"]', 'progressions = ["ghost_drill"]'),
        "base_drill",
        "progressions",
        "unknown exercise id 'ghost_drill'",
    ),
    (
        "cycle",
        (
            'regressions = ["base_drill"]',
            'regressions = ["base_drill"]\nprogressions = ["base_drill"]',
        ),
        "base_drill",
        "regressions",
        "cyclic",
    ),
    (
        "level_order",
        ("level = 1\nprogressions", "level = 3\nprogressions"),
        "base_drill",
        "progressions",
        "has a lower level (2 < 3)",
    ),
    (
        "dose_misfit",
        ("hold_s = 20, per_side = false", "reps = 8, hold_s = 20, per_side = false"),
        "next_drill",
        "dose.reps",
        "exactly one of reps, hold_s, distance_m",
    ),
    (
        "no_regression_path",
        (
            'regressions = ["base_drill"]\ncues',
            "regressions = []\ncues",
            'progressions = ["next_drill"]',
            "progressions = []",
        ),
        "next_drill",
        "regressions",
        "regression path",
    ),
]


def _write(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "catalog"
    folder.mkdir()
    (folder / "drills.toml").write_text(text, encoding="utf-8")
    return folder


def _problems(folder: Path) -> list[str]:
    loaded = read_catalog_dir(folder)
    return [str(p) for p in check_catalog(loaded, load_vocabulary(), coverage=False)]


def test_good_fixture_has_no_problems(tmp_path: Path) -> None:
    assert _problems(_write(tmp_path, GOOD)) == []


@pytest.mark.parametrize(
    ("kind", "edit", "exercise_id", "field", "fragment"), FAULTS, ids=[f[0] for f in FAULTS]
)
def test_each_planted_fault_is_named(
    tmp_path: Path, kind: str, edit: tuple[str, ...], exercise_id: str, field: str, fragment: str
) -> None:
    text = GOOD
    for old, new in zip(edit[::2], edit[1::2], strict=True):
        assert old in text, kind
        text = text.replace(old, new, 1)
    problems = _problems(_write(tmp_path, text))
    prefix = f"drills.toml: {exercise_id}: {field}: "
    assert any(p.startswith(prefix) and fragment in p for p in problems), problems


def test_regression_with_higher_level_is_named(tmp_path: Path) -> None:
    text = GOOD.replace("level = 1\nprogressions", "level = 3\nprogressions", 1)
    problems = _problems(_write(tmp_path, text))
    assert (
        "drills.toml: next_drill: regressions: regression 'base_drill' has a higher level (3 > 2)"
        in problems
    )


def test_cli_exit_codes_and_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _write(tmp_path, GOOD.replace('planes = ["sagittal"]', 'planes = ["diagonal"]', 1))
    assert main(["catalog", "check", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "drills.toml: base_drill: planes: unknown tag 'diagonal'" in err


def test_packaged_catalogue_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "check"]) == 0, capsys.readouterr().err


def test_packaged_catalogue_copy_with_a_broken_file_fails(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(default_data_dir(), copy)
    (copy / "zz_broken.toml").write_text("[[exercise]]\nid = 'x'\n", encoding="utf-8")
    assert main(["catalog", "check", str(copy)]) == 1
