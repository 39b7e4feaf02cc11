"""Issue 14's "Done when": the quality report over every test profile and the example profile.

One plan per profile (module-scoped). The target assertions are marked ``xfail(strict=False)``,
one mark per figure, while the planner work of issue 14 is in progress: remove a figure's mark
when the planner meets it for every profile. ``pytest -s`` prints the table of figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from spinewise.catalog import load_catalog
from spinewise.cli.render_quality import plan_as_text
from spinewise.planning.make import make_plan_for_profile
from spinewise.profile import Profile, load_profile
from spinewise.report.plan_markdown import plan_to_markdown
from spinewise.report.quality import PlanQuality, is_older_adult, plan_quality

ROOT = Path(__file__).parents[2]
TEST_PROFILES = sorted((ROOT / "tests" / "profiles").glob("*.toml"))
EXAMPLE_PROFILES = sorted((ROOT / "examples").glob("*.toml"))
PROFILES = {p.stem: p for p in (*TEST_PROFILES, *EXAMPLE_PROFILES)}

IN_PROGRESS = pytest.mark.xfail(strict=False, reason="issue 14: planner work in progress")
#: The figures of issue 14's "Done when", each marked while the planner cannot meet it for every
#: profile. None is marked now: the older adult's balance counts the home practice.
TARGETS: dict[str, tuple[pytest.MarkDecorator, ...]] = {
    "time_use": (),
    "pattern_crowding": (),
    "hard_set_ceiling": (),
    "progressing": (),
    "none_falling": (),
    "signature_work": (),
    "balance_older_adult": (),
    "plain_words": (),
}
#: The balance target applies to older adults only.
OLDER_ADULTS = {name for name, path in PROFILES.items() if is_older_adult(load_profile(path))}


@pytest.fixture(scope="module")
def reports() -> dict[str, tuple[Profile, PlanQuality]]:
    catalog = load_catalog()
    out = {}
    for name, path in PROFILES.items():
        profile = load_profile(path)
        plan = make_plan_for_profile(profile)
        printed = (plan_to_markdown(plan), plan_as_text(plan))  # as `plan quality` scans them
        out[name] = (profile, plan_quality(plan, profile, catalog, rendered=printed))
    return out


def test_the_seven_held_out_people_of_issue_14_are_there() -> None:
    assert {p.stem for p in TEST_PROFILES} == {
        "desk_worker_flexion",
        "powerlifter_asymmetry",
        "golfer",
        "older_adult_balance",
        "kettlebell_extension",
        "no_equipment_20min",
        "six_day_athlete",
    }
    assert EXAMPLE_PROFILES


def test_profiles_describe_the_people_they_are_named_after() -> None:
    p = {name: load_profile(path) for name, path in PROFILES.items()}
    assert "flexion" in p["desk_worker_flexion"].pain.aggravated_by
    assert "desk_work" in p["desk_worker_flexion"].goals.focus
    lifter = p["powerlifter_asymmetry"].tests
    assert lifter.side_bridge_left_s is not None
    assert lifter.side_bridge_right_s is not None
    assert abs(lifter.side_bridge_left_s - lifter.side_bridge_right_s) >= 20
    assert "rotational_sport" in p["golfer"].goals.focus
    older = p["older_adult_balance"]
    assert older.athlete.age == 71
    assert older.tests.single_leg_stance_eyes_open_s == 8
    assert "wall" in older.equipment.available
    kb = p["kettlebell_extension"]
    assert set(kb.equipment.available) - {"mat"} == {"kettlebell"}
    assert "extension" in kb.pain.aggravated_by
    bare = p["no_equipment_20min"]
    assert bare.equipment.available == ("none",)
    assert bare.schedule.minutes_per_session == 20
    assert p["six_day_athlete"].schedule.days_per_week == 6


def test_every_report_measures_a_whole_plan(
    reports: dict[str, tuple[Profile, PlanQuality]],
) -> None:
    for name, (profile, q) in reports.items():
        assert len(q.weeks) == profile.schedule.weeks, name
        assert q.training_sessions(), name
        assert all(s.used_s > 0 for s in q.sessions), name
        assert q.older_adult is (name == "older_adult_balance"), name


def test_signature_work_is_ruled_out_only_where_the_person_cannot_do_it(
    reports: dict[str, tuple[Profile, PlanQuality]],
) -> None:
    excluded = {
        name: {s.key for s in q.signatures if s.excluded_because}
        for name, (_, q) in reports.items()
    }
    assert excluded["six_day_athlete"] == set()
    assert excluded["powerlifter_asymmetry"] == {"rotational_throw"}  # no medicine ball
    assert {"rotational_throw", "deadlift", "single_leg_hinge"} <= excluded["older_adult_balance"]
    # an 82 kg man in pain (limit 3,400 N): on the calibrated scale every hinge is beyond it even
    # at half its usual load (a horizontal trunk costs about what McGill's Roman chair does)
    kettlebells = {s.key: s for s in reports["kettlebell_extension"][1].signatures}
    assert kettlebells["deadlift"].excluded_because == (
        "loads the spine beyond the person's limit, even with a lighter load"
    )


@pytest.mark.parametrize(
    ("profile", "target"),
    [
        pytest.param(name, key, marks=mark, id=f"{name}-{key}")
        for name in PROFILES
        for key, mark in TARGETS.items()
        if key != "balance_older_adult" or name in OLDER_ADULTS
    ],
)
def test_target(reports: dict[str, tuple[Profile, PlanQuality]], profile: str, target: str) -> None:
    _, q = reports[profile]
    found = next(t for t in q.targets if t.key == target)
    assert found.passed is not False, f"{found.label}: {found.measured} (target {found.target})"


def test_summary_table(reports: dict[str, tuple[Profile, PlanQuality]]) -> None:
    """Print the figures for every profile (``pytest -s``)."""
    header = (
        f"{'profile':<24}{'time low/all':>13}{'max/pattern':>12}{'max sets (pattern)':>26}"
        f"{'progress':>10}{'ends up':>9}{'falls':>7}{'balance':>9}{'ids':>5}  signature missing"
    )
    lines = [header]
    for name, (_, q) in reports.items():
        heavy = q.most_weekly_hard_sets
        missing = ",".join(s.key for s in q.signatures if not s.met) or "-"
        balance = f"{q.final_balance_min:.0f}" if q.older_adult else "n/a"
        lines.append(
            f"{name:<24}"
            f"{q.time_use_lowest:>6.0%}/{q.time_use_overall:<6.0%}"
            f"{q.most_of_one_pattern:>12}"
            f"{f'{heavy.count} ({heavy.pattern})':>26}"
            f"{q.progressing_share:>10.0%}"
            f"{q.ending_higher_share:>9.0%}"
            f"{len(q.falling):>7}"
            f"{balance:>9}"
            f"{len(q.underscore_identifiers):>5}  {missing}"
        )
    print("\n" + "\n".join(lines))
    assert len(lines) == len(reports) + 1
