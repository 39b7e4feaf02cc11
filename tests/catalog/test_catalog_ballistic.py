"""The ballistic reference data (catalog/data/ballistic.toml): sound, and bad data named."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinewise.catalog import load_catalog
from spinewise.catalog.ballistic import check_ballistic_rules, load_ballistic_rules
from spinewise.errors import CatalogError

CAPS = "[foot_contacts]\nmax_per_session = { novice = 80, intermediate = 100, advanced = 120 }\n"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ballistic.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_packaged_rules_name_only_catalogue_exercises_and_have_no_cycle() -> None:
    rules = load_ballistic_rules()
    assert check_ballistic_rules(rules, load_catalog().ids) == []
    assert rules.contacts_source
    assert "NOT confirmed" in rules.contacts_source


@pytest.mark.parametrize(
    ("entry", "named"),
    [
        ('exercise = "box_jump"\nafter = []\nsource = "x y z"', "after: name at least one"),
        ('exercise = "box_jump"\nafter = ["box_jump"]\nsource = "x y z"', "cannot precede itself"),
        (
            'exercise = "box_jump"\nafter = ["snap_down_stick"]\nestablished_for = ["expert"]\n'
            'source = "x y z"',
            "established_for: ['expert'] not allowed",
        ),
        ('exercise = "box_jump"\nafter = ["snap_down_stick"]', "source:"),
        (
            'exercise = "box_jump"\nafter = ["snap_down_stick"]\nsource = "x y z"\nlevel = 2',
            "level",
        ),
    ],
)
def test_a_bad_prerequisite_is_named(tmp_path: Path, entry: str, named: str) -> None:
    path = _write(tmp_path, f"{CAPS}\n[[prerequisite]]\n{entry}\n")
    with pytest.raises(CatalogError, match="box_jump") as err:
        load_ballistic_rules(path)
    assert named in str(err.value)


def test_missing_contact_caps_are_named(tmp_path: Path) -> None:
    path = _write(tmp_path, "[foot_contacts]\nmax_per_session = { novice = 80 }\n")
    with pytest.raises(CatalogError, match=r"max_per_session.*intermediate"):
        load_ballistic_rules(path)


def test_unknown_ids_and_cycles_are_reported(tmp_path: Path) -> None:
    text = (
        f'{CAPS}\n[[prerequisite]]\nexercise = "box_jump"\nafter = ["broad_jump"]\n'
        'source = "x y z"\n\n[[prerequisite]]\nexercise = "broad_jump"\n'
        'after = ["box_jump", "moon_jump"]\nsource = "x y z"\n'
    )
    problems = check_ballistic_rules(
        load_ballistic_rules(_write(tmp_path, text)), load_catalog().ids
    )
    assert any("moon_jump" in p for p in problems)
    assert any("box_jump: its prerequisites lead back to it" in p for p in problems)
