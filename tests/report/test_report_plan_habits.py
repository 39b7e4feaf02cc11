"""The daily habits in every plan format, from real ``build_habits`` output for two people.

(a) a desk worker whose pain long sitting aggravates: movement breaks and walking; (b) a pain-free
lifter: neither, and ``not_included`` says why. Each format must show the right titles, the walking
weeks as table rows, the break menu by exercise name, sources with their status, the pages to read,
and never a raw dict or list.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from icalendar import Calendar
from plan_fixture import typed
from rich.console import Console

from spinewise.catalog import load_catalog
from spinewise.cli.render_plan import print_plan
from spinewise.habits import build_habits
from spinewise.planning.periodization import periodize
from spinewise.planning.request import PlanRequest
from spinewise.report.plan_html import plan_to_html
from spinewise.report.plan_ics import plan_to_ics
from spinewise.report.plan_markdown import plan_to_markdown

CATALOG = load_catalog()
START = dt.date(2026, 12, 7)
WEEKS = 8
TITLES = ("Breathing and bracing practice", "Recovery", "Morning check-in")


def _request(**changes: Any) -> PlanRequest:
    base: dict[str, Any] = {
        "name": "Test",
        "sex": "female",
        "age": 35,
        "body_mass_kg": 65.0,
        "training_experience": "novice",
        "days_per_week": 3,
        "minutes_per_session": 40,
        "weeks": WEEKS,
        "equipment": frozenset({"mat", "band", "wall"}),
        "start_date": START,
    }
    return PlanRequest(**(base | changes))


DESK_WORKER = _request(
    name="Desk Worker",
    goals=("durability", "desk_work"),
    posture_triggers=frozenset({"prolonged_sitting"}),
    pain_current=3,
    sensitivities=frozenset({"flexion"}),
    findings=(
        ("pain_current_high", "mild", "pain 3/10"),
        ("extensor_endurance_low", "moderate", "extensors"),
    ),
)
LIFTER = _request(
    name="Pain-free Lifter",
    goals=("lifting",),
    training_experience="advanced",
    age=29,
    equipment=frozenset({"barbell", "dumbbell", "bench", "mat"}),
    findings=(("side_bridge_asymmetry", "mild", "left weaker"),),
)


def _plan(request: PlanRequest) -> dict[str, Any]:
    """A plan with one dated session a week and the real habits of ``request``."""
    weeks = periodize(WEEKS)
    item = {
        "exercise_id": "side_plank",
        "name": "Side plank",
        "sets": 2,
        "reps": None,
        "hold_s": 10,
        "per_side": True,
        "tempo": None,
        "rest_s": 30,
        "intensity": {"kind": "bodyweight", "value": None},
        "why": ["lateral endurance"],
    }
    return {
        "athlete": {"name": request.name, "sex": request.sex, "age": request.age},
        "generated_by": {"version": "test", "catalog_version": "test", "seed": 1},
        "findings": [],
        "solver": {"status": "OPTIMAL", "solve_seconds": 0.1, "relaxed": []},
        "weeks": [
            {
                "index": w.index,
                "phase": w.phase,
                "deload": w.deload,
                "sessions": [
                    {
                        "index": 1,
                        "date": (START + dt.timedelta(weeks=w.index - 1)).isoformat(),
                        "estimated_minutes": 30,
                        "blocks": [{"kind": "stability", "items": [item]}],
                    }
                ],
            }
            for w in weeks
        ],
        "habits": build_habits(request, weeks, CATALOG).to_json(),
    }


def _rich(plan: dict[str, Any]) -> str:
    console = Console(record=True, width=100)
    print_plan(typed(plan), console)
    return console.export_text()


class _Html(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []
        self.tags: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in {"meta", "br"}:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _html_text(plan: dict[str, Any]) -> str:
    parsed = _Html(plan_to_html(typed(plan)))
    assert parsed.errors == []
    assert "script" not in parsed.tags
    return " ".join(" ".join(parsed.text).split())


def _outputs(plan: dict[str, Any]) -> dict[str, str]:
    return {
        "markdown": plan_to_markdown(typed(plan)),
        "html": _html_text(plan),
        "rich": " ".join(_rich(plan).split()),
    }


def _habits_part(text: str) -> str:
    return text[text.index("Daily habits") : text.index("How this plan was made")]


@pytest.mark.parametrize("request_", [DESK_WORKER, LIFTER], ids=["desk", "lifter"])
def test_every_format_shows_the_habits_without_raw_values(request_: PlanRequest) -> None:
    plan = _plan(request_)
    for fmt, text in _outputs(plan).items():
        assert "Daily habits" in text, fmt
        assert "Learn more" in text, fmt
        for title in TITLES:
            assert title in text, (fmt, title)
        for raw in ("{'", "['", "'}", "']", "Schema version", "exercise_id"):
            assert raw not in text, (fmt, raw)
        assert "[C]" in text, fmt  # sources keep their status
        assert "[design]" in text, fmt
    ics = plan_to_ics(typed(plan)).decode()
    assert "{'" not in ics
    assert "['" not in ics


def test_desk_worker_breaks_and_walking_in_every_format() -> None:
    plan = _plan(DESK_WORKER)
    habits = plan["habits"]
    menu = habits["movement_breaks"]["menu"]
    assert menu
    for fmt, text in _outputs(plan).items():
        part = _habits_part(text)
        assert "Movement breaks" in part, fmt
        assert "Progressive walking" in part, fmt
        assert f"every {habits['movement_breaks']['every_min']} min of sitting" in part, fmt
        for item in menu:
            assert item["name"] in part, (fmt, item["name"])
            assert item["exercise_id"] not in part, (fmt, item["exercise_id"])
        assert "not included" not in part, fmt
    md = plan_to_markdown(typed(plan))
    assert "| Week | Phase | Deload | Days × minutes | Weekly |" in md
    for week in habits["walking"]["weeks"]:
        deload = "deload" if week["deload"] else " "
        row = (
            f"| {week['week']} | {week['phase']} | {deload} | {week['days']} × "
            f"{week['minutes_per_day']} min | {week['weekly_minutes']} min |"
        )
        assert row in md
    assert "| 1 | foundation |   | 3 × 10 min | 30 min |" in md  # WalkBack-shaped start


def test_desk_worker_walking_table_in_html_and_rich() -> None:
    plan = _plan(DESK_WORKER)
    html = plan_to_html(typed(plan))
    rich = _rich(plan)
    for week in plan["habits"]["walking"]["weeks"]:
        dose = f"{week['days']} × {week['minutes_per_day']} min"
        cells = f"<td>{week['week']}</td><td>{week['phase']}</td>"
        assert f"<tr>{cells}<td>{'deload' if week['deload'] else ''}</td><td>{dose}</td>" in html
        line = rf"^\s+{week['week']}\s+{week['phase']}\s+(deload\s+)?{re.escape(dose)}\s+"
        assert re.search(line + rf"{week['weekly_minutes']} min", rich, re.MULTILINE)


def test_deload_week_says_walking_steps_back() -> None:
    plan = _plan(DESK_WORKER)
    deloads = [w["week"] for w in plan["habits"]["walking"]["weeks"] if w["deload"]]
    assert deloads
    md = plan_to_markdown(typed(plan))
    for week in plan["weeks"]:
        section = md[md.index(f"## Week {week['index']}: ") :]
        hint = section.splitlines()[2]
        assert ("walking steps back" in hint) == (week["index"] in deloads), hint
    assert "walking steps back" in _rich(plan)
    assert "walking steps back" in plan_to_html(typed(plan))


def test_lifter_gets_neither_and_reads_why() -> None:
    plan = _plan(LIFTER)
    assert plan["habits"]["movement_breaks"] is None
    assert plan["habits"]["walking"] is None
    for fmt, text in _outputs(plan).items():
        part = _habits_part(text)
        assert "Movement breaks: not included because neither long sitting" in part, fmt
        assert "Walking: not included because you have no back pain now" in part, fmt
        assert "Progressive walking" not in part, fmt
        assert "Days × minutes" not in part, fmt
        assert "Menu" not in part, fmt
        assert "walks of" not in text, fmt  # no walking hint in any week


def test_check_in_questions_rules_and_sources() -> None:
    md = plan_to_markdown(typed(_plan(DESK_WORKER)))
    assert "- How sore are your muscles? 1 (not at all) to 5 (very sore)" in md
    assert "- How many hours did you sleep last night? 0 to 16 hours" in md
    assert "- **Back pain this morning above 5/10:** skip today's loaded exercises" in md
    assert "- **Otherwise:** train as planned" in md
    walking = md[md.index("### Progressive walking") : md.index("### Recovery")]
    assert walking.count("Pocovi NC") == 1  # two claims, one citation line
    assert re.search(r"Pocovi NC.* — .*\[C\]; .*\[C2\]$", walking, re.MULTILINE)


def test_learn_more_hints_and_plain_references() -> None:
    plan = _plan(DESK_WORKER)
    md = plan_to_markdown(typed(plan))
    assert "- `spinewise learn extensor-endurance-low`: Back-extensor endurance below" in md
    assert "- `spinewise learn phase-foundation`: Phase 1: foundation" in md
    assert "**Learn more:** `spinewise learn walking` (Walking between sessions)" in md
    html = plan_to_html(typed(plan))
    assert "Back-extensor endurance below average</span>" in html
    assert "(learn topic: extensor-endurance-low)" in html
    assert 'href="' not in html[html.index('id="habits"') :]  # references, not links (yet)
    assert "spinewise learn phase-build: Phase 2: build" in _rich(plan)


def test_html_escapes_habit_text() -> None:
    plan = _plan(DESK_WORKER)
    plan["habits"]["walking"]["why"] = ['<script>alert("x")</script>']
    plan["habits"]["movement_breaks"]["menu"][0]["name"] = "<b>Bold</b> & co"
    html = plan_to_html(typed(plan))
    assert "<script" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in html
    assert '<script>alert("x")</script>' in _html_text(plan)
    md = plan_to_markdown(typed(plan))
    assert "<script>" not in md
    assert "&lt;b&gt;Bold&lt;/b&gt; & co" in md


def test_ics_sessions_unchanged_and_one_all_day_note() -> None:
    plan = _plan(DESK_WORKER)
    without = dict(plan, habits=None)
    events = list(Calendar.from_ical(plan_to_ics(typed(plan))).walk("VEVENT"))
    plain = list(Calendar.from_ical(plan_to_ics(typed(without))).walk("VEVENT"))
    assert len(events) == len(plain) + 1 == WEEKS + 1
    for with_habits, bare in zip(events, plain, strict=False):
        assert with_habits.to_ical() == bare.to_ical()  # session events do not change
    note = events[-1]
    assert str(note["SUMMARY"]) == "spinewise daily habits"
    assert note.decoded("DTSTART") == START  # all day, on the first session's date
    assert note.decoded("DTEND") == START + dt.timedelta(days=1)
    assert str(note["TRANSP"]) == "TRANSPARENT"
    text = str(note["DESCRIPTION"])
    assert "- Movement breaks: every 30 min of sitting, about 2 min each" in text
    assert "- Progressive walking: 3 walks of 10 min in week 1" in text
    assert "spinewise learn walking" in text
    assert plan_to_ics(typed(plan)) == plan_to_ics(typed(_plan(DESK_WORKER)))
    lifter = str(
        list(Calendar.from_ical(plan_to_ics(typed(_plan(LIFTER)))).walk("VEVENT"))[-1][
            "DESCRIPTION"
        ]
    )
    assert "- Walking: not included because" in lifter


def test_deterministic_in_every_format() -> None:
    first, second = _plan(DESK_WORKER), _plan(DESK_WORKER)
    assert plan_to_markdown(typed(first)) == plan_to_markdown(typed(second))
    assert plan_to_html(typed(first)) == plan_to_html(typed(second))
    assert _rich(first) == _rich(second)
