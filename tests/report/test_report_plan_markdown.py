"""Markdown rendering of a plan: every item, its dose and its reasons, escaped and deterministic."""

from __future__ import annotations

import re

import pytest
from plan_fixture import all_items, make_plan, minimal_plan, typed

from spinewise.errors import InputError
from spinewise.planning.plan import Item
from spinewise.report.plan_format import item_name
from spinewise.report.plan_markdown import plan_to_markdown


def test_contains_every_item_name_and_why() -> None:
    plan = make_plan()
    md = plan_to_markdown(typed(plan))
    for item in all_items(plan):
        assert item_name(Item.from_json(item)) in md
        for why in item["why"]:
            assert why in md
    assert "Glute bridge" in md  # no display name: the id in words


def test_document_structure_and_order() -> None:
    md = plan_to_markdown(typed(make_plan()))
    headings = re.findall(r"^#{1,4} .+$", md, flags=re.MULTILINE)
    assert headings[0] == "# spinewise plan for Maria Keller"
    order = [
        "## Athlete",
        "## Findings",
        "## Phases",
        "## Week 1: foundation",
        "## Week 3: build (deload)",
        "## Notes",
        "## Daily habits",
        "## Learn more",
        "## How this plan was made",
    ]
    positions = [md.index(h) for h in order]
    assert positions == sorted(positions)
    assert md.count("### Session ") == 6
    assert "### Session 2 · Thu 2026-12-10" in md
    assert md.endswith("\n")
    assert not md.endswith("\n\n")


def test_athlete_findings_disclaimer_and_overview() -> None:
    md = plan_to_markdown(typed(make_plan()))
    assert "- **Body mass:** 68.5 kg" in md
    assert "- **Sensitivities:** flexion" in md  # a field beyond the schema is still shown
    assert "not a medical device and does not diagnose" in md
    assert "| moderate | Back-extensor endurance" in md
    assert "measured 110, reference 185 (McGill et al. 1999)" in md
    assert "| build | 2–3 | eccentric and tempo strength, unilateral |" in md
    assert re.search(r"^\| 3 \| build \| deload \| 2 \| ~70 min \| 21 min \|$", md, re.MULTILINE)


def test_item_rows_show_dose_tempo_rest_intensity() -> None:
    md = plan_to_markdown(typed(make_plan()))
    assert "| Side plank | 3 × 10 s hold per side, +1 set left side | — | 30 s | bodyweight |" in md
    assert "| Suitcase carry | 3 × 20 m per side | — | 60 s | 30 % 1RM |" in md
    assert "| Bird dog | 3 × 6 reps (10 s hold) per side | — | 30 s |" in md
    assert "3-1-1-0 | 75 s | RPE 7 |" in md
    assert "ballistic, full intent" in md
    assert "*~45 min · peak estimated L5/S1 compression 2,600 N*" in md
    assert "hips square to the floor; reach back with the heel" in md  # cues


def test_relaxed_requirements_listed_or_none() -> None:
    plan = make_plan()
    md = plan_to_markdown(typed(plan))
    assert "- weekly_minutes: raised from 90 to 96 minutes" in md
    plan["solver"]["relaxed"] = []
    assert "None: every requirement was met." in plan_to_markdown(typed(plan))


def test_deterministic() -> None:
    assert plan_to_markdown(typed(make_plan())) == plan_to_markdown(typed(make_plan()))


def test_minimal_plan_renders_with_default_disclaimer() -> None:
    md = plan_to_markdown(typed(minimal_plan()))
    assert "spinewise is not a medical device and does not diagnose" in md
    for absent in ("## Notes", "## Daily habits", "## Learn more", "Work volume"):
        assert absent not in md
    assert "### Session 1 · Mon 2026-12-07" in md  # weekday from the date when `day` is absent
    assert "3 sets per side" in md  # a carry without its distance still renders


def test_plan_text_cannot_break_tables_or_inject_html() -> None:
    plan = make_plan()
    item = plan["weeks"][0]["sessions"][0]["blocks"][0]["items"][0]
    item["name"] = "Cat | camel <b>"
    item["why"] = ["line one\nline two"]
    plan["athlete"]["name"] = "<script>alert(1)</script>"
    md = plan_to_markdown(typed(plan))
    assert "| Cat \\| camel &lt;b&gt; |" in md
    assert "line one line two" in md
    assert "<script>" not in md
    assert "&lt;script&gt;" in md
    row = next(line for line in md.splitlines() if "Cat \\|" in line)
    assert len(re.findall(r"(?<!\\)\|", row)) == 8  # 7 columns, 8 separators


def test_missing_required_field_names_its_path() -> None:
    plan = make_plan()
    del plan["weeks"][1]["sessions"][0]["blocks"]
    with pytest.raises(InputError) as err:
        plan_to_markdown(typed(plan))
    assert err.value.problems == ("weeks[1].sessions[0].blocks: required field missing",)
