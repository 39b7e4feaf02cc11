"""Terminal rendering of a plan with Rich: every session item shown, text never read as markup."""

from __future__ import annotations

from plan_fixture import all_items, make_plan, minimal_plan, typed
from rich.console import Console

from spinewise.cli.render_plan import print_plan
from spinewise.planning.plan import Item
from spinewise.report.plan_format import item_name


def _render(plan: dict[str, object]) -> str:
    console = Console(record=True, width=120, color_system=None)
    print_plan(typed(plan), console)
    return console.export_text()


def test_contains_header_overview_and_items() -> None:
    plan = make_plan()
    text = _render(plan)
    assert "spinewise plan for Maria Keller" in text
    assert "not a medical device and does not diagnose" in text
    assert "extensor_endurance_low" in text
    assert "Week 3: build (deload)" in text
    assert text.count("Session 1 · ") == 3
    flat = " ".join(text.split())
    for item in all_items(plan):
        assert item_name(Item.from_json(item)) in flat
    assert "weekly_minutes: raised from 90 to 96 minutes" in flat
    assert "Progressive walking" in text


def test_why_is_dimmed() -> None:
    console = Console(record=True, width=120, force_terminal=True, color_system="standard")
    print_plan(typed(make_plan()), console)
    ansi = console.export_text(styles=True)
    dim = "\x1b[2m"
    line = next(ln for ln in ansi.splitlines() if "wakes the glutes" in ln)
    assert dim in line[: line.index("wakes the glutes")]


def test_markup_in_plan_text_printed_literally() -> None:
    plan = make_plan()
    plan["athlete"]["name"] = "[red]Ada[/red]"
    plan["weeks"][0]["sessions"][0]["blocks"][0]["items"][0]["name"] = "Cat-camel [bold]x[/]"
    text = _render(plan)
    assert "[red]Ada[/red]" in text
    assert "Cat-camel [bold]x[/]" in text


def test_minimal_plan_renders() -> None:
    text = _render(minimal_plan())
    assert "Relaxed requirements:" in text
    assert "Glute bridge" in text


def test_an_80_column_terminal_lists_the_reasons_under_each_block() -> None:
    """At 80 columns a "why" column wrapped each reason into dozens of near-empty lines."""
    plan = make_plan()
    console = Console(record=True, width=80, color_system=None)
    print_plan(typed(plan), console)
    text = console.export_text()
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    runs = "\n".join("" if line.strip() else "<blank>" for line in lines)
    assert "<blank>\n<blank>\n<blank>" not in runs, "three blank lines in a row"
    flat = " ".join(text.split())
    for item in all_items(plan):
        why = "; ".join(str(w) for w in item.get("why", []))
        if why:
            assert f"{item_name(Item.from_json(item))}: {' '.join(why.split())}" in flat
