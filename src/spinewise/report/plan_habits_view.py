"""A plan's ``habits`` section as display rows: one :class:`HabitView` per habit, in plain words.

Every renderer (Markdown, HTML, iCalendar, the terminal) shows what :func:`build_habits_view`
returns, so they all say the same thing. The input is the ``habits`` dict of
:func:`spinewise.habits.build_habits` (``docs/science/habits.md``); any part may be missing or
null, and unknown keys are ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spinewise.report import plan_format as fmt
from spinewise.report.plan_habits import (
    Field,
    HabitsView,
    HabitView,
    LearnGroup,
    ListBlock,
    TableView,
    learn_link,
    learn_links,
    lower_first,
    mapping,
    mappings,
    minutes,
    number,
    source_lines,
    strings,
    text,
)
from spinewise.report.plan_habits_weeks import walk_rows, week_hints

__all__ = ["build_habits_view"]

_SHORT_NAMES = {
    "breathing": "Breathing practice",
    "movement_breaks": "Movement breaks",
    "walking": "Walking",
    "balance_practice": "Balance practice",
    "recovery": "Recovery",
    "check_in": "Morning check-in",
}
_TRIGGERS = {"prolonged_sitting": "sitting", "prolonged_standing": "standing"}
#: What each check-in guidance level asks of the day, in plain words.
_ADVICE = {
    "skip": "skip today's loaded exercises (easy walking and breathing are fine)",
    "reduce": "reduce today's load (fewer sets, easier versions, shorter holds)",
    "easy": "keep today's session easy",
    "ok": "train as planned",
}


def _title(section: Mapping[str, Any], default: str) -> str:
    return text(section.get("title")) or default


def _range_text(values: list[int | float], unit: str) -> str:
    low, high = min(values), max(values)
    if low == high:
        return f"{fmt.number_text(low)}{unit}"
    return f"{fmt.number_text(low)} to {fmt.number_text(high)}{unit}"


def _exercise_names(raw: Any) -> str:
    names = [
        text(e.get("name")) or fmt.humanize_key(text(e.get("exercise_id")))
        for e in mappings(raw)
        if text(e.get("name")) or text(e.get("exercise_id"))
    ]
    return ", ".join(names)


def _weeks_text(raw: Any) -> str:
    return fmt.week_ranges(raw) if isinstance(raw, list) else ""


def _breathing(b: Mapping[str, Any]) -> HabitView:
    phases = mappings(b.get("by_phase"))
    per_day = [m for p in phases if (m := number(p.get("minutes_per_day"))) is not None]
    days = [d for p in phases if (d := number(p.get("days_per_week"))) is not None]
    how = []
    if days:
        how.append("every day" if set(days) == {7} else _range_text(days, " days a week"))
    if per_day:
        how.append(_range_text(per_day, " min") + (", by phase" if len(set(per_day)) > 1 else ""))
    rows = tuple(
        (
            text(p.get("phase")),
            _weeks_text(p.get("weeks")),
            f"{minutes(m)} a day" if (m := number(p.get("minutes_per_day"))) is not None else "",
            text(p.get("focus")),
            _exercise_names(p.get("exercises")),
        )
        for p in phases
    )
    columns = ("Phase", "Weeks", "Time", "Focus", "Drills")
    return HabitView(
        key="breathing",
        title=_title(b, "Breathing and bracing practice"),
        what=text(b.get("what")),
        facts=(Field("How often", ", ".join(how)),) if how else (),
        table=TableView("By phase", columns, rows) if rows else None,
        lists=(),
        why=strings(b.get("why")),
        notes=strings(b.get("deload")),
        learn=learn_links([b.get("page")]),
        sources=source_lines(mappings(b.get("sources"))),
    )


def _breaks(k: Mapping[str, Any]) -> HabitView:
    every, duration = number(k.get("every_min")), number(k.get("duration_min"))
    triggers = [_TRIGGERS.get(t, t.replace("_", " ")) for t in strings(k.get("triggers"))]
    where = f"of {' or '.join(triggers)}" if triggers else "at your desk"
    facts = []
    if every is not None:
        length = f", about {minutes(duration)} each" if duration is not None else ""
        facts.append(Field("How often", f"every {minutes(every)} {where}{length}"))
    rows = tuple(
        (
            text(m.get("name")) or fmt.humanize_key(text(m.get("exercise_id"))),
            text(m.get("dose")),
            f"~{fmt.number_text(s)} s" if (s := number(m.get("seconds"))) is not None else "",
        )
        for m in mappings(k.get("menu"))
        if text(m.get("name")) or text(m.get("exercise_id"))
    )
    return HabitView(
        key="movement_breaks",
        title=_title(k, "Movement breaks"),
        what=text(k.get("what")),
        facts=tuple(facts),
        table=TableView("Menu: pick one or two", ("Exercise", "Dose", "Time"), rows)
        if rows
        else None,
        lists=(),
        why=strings(k.get("why")),
        notes=strings(k.get("by_phase")),
        learn=learn_links([k.get("page")]),
        sources=source_lines(mappings(k.get("sources"))),
    )


def _walking(w: Mapping[str, Any]) -> HabitView:
    rows = walk_rows(w.get("weeks"))
    facts = []
    loading = [r for r in rows if not r.deload] or rows
    if loading:
        first, last = loading[0], loading[-1]
        how = f"{first.dose} in week {first.week}"
        if (first.days, first.per_day) != (last.days, last.per_day):
            how += f", building to {last.dose} by week {last.week}"
        facts.append(Field("How often", how))
    cap = number(w.get("cap_min_per_day"))
    budget = text(w.get("budget")) or (f"At most {minutes(cap)} a walk." if cap is not None else "")
    if budget:
        facts.append(Field("Time budget", budget))
    paces = list(dict.fromkeys(r.pace for r in rows if r.pace))
    if paces:
        facts.append(Field("Pace", "; ".join(paces)))
    columns = ("Week", "Phase", "Deload", "Days × minutes", "Weekly")
    table_rows = tuple(r.cells() for r in rows)
    return HabitView(
        key="walking",
        title=_title(w, "Progressive walking"),
        what=text(w.get("what")),
        facts=tuple(facts),
        table=TableView("Week by week", columns, table_rows) if table_rows else None,
        lists=(),
        why=strings(w.get("why")),
        notes=strings(w.get("notes")),
        learn=learn_links([w.get("page")]),
        sources=source_lines(mappings(w.get("sources"))),
    )


def _balance_rows(raw: Any) -> tuple[tuple[str, ...], ...]:
    rows = []
    for w in mappings(raw):
        week, days, per_day = (
            number(w.get("week")),
            number(w.get("days")),
            number(w.get("minutes_per_day")),
        )
        if week is None or days is None or per_day is None:
            continue
        in_sessions = number(w.get("session_minutes"))
        total = number(w.get("total_minutes"))
        rows.append(
            (
                fmt.number_text(week),
                text(w.get("phase")),
                "deload" if w.get("deload") is True else "",
                f"{fmt.number_text(days)} × {minutes(per_day)}",
                minutes(in_sessions) if in_sessions is not None else "",
                minutes(total) if total is not None else "",
            )
        )
    return tuple(rows)


def _balance(b: Mapping[str, Any]) -> HabitView:
    rows = _balance_rows(b.get("weeks"))
    target = number(b.get("target_min_per_week"))
    facts = (
        [Field("Weekly goal", f"about {minutes(target)} of balance work by the last training week")]
        if target
        else []
    )
    stages = tuple(
        Field(f"From week {fmt.number_text(week)}", ", ".join(drills))
        for stage in mappings(b.get("stages"))
        if (week := number(stage.get("from_week"))) is not None
        and (drills := strings(stage.get("drills")))
    )
    columns = ("Week", "Phase", "Deload", "At home: days × minutes", "In sessions", "Total")
    return HabitView(
        key="balance_practice",
        title=_title(b, "Balance practice at home"),
        what=text(b.get("what")),
        facts=tuple(facts),
        table=TableView("Week by week", columns, rows) if rows else None,
        lists=(ListBlock("Drills", stages),) if stages else (),
        why=strings(b.get("why")),
        notes=strings(b.get("notes")),
        learn=learn_links([b.get("page")]),
        sources=source_lines(mappings(b.get("sources"))),
    )


def _recovery(r: Mapping[str, Any]) -> HabitView:
    parts = [mapping(r.get(key)) for key in ("sleep", "rest_days", "deload_weeks")]
    _sleep, rest, deload = parts
    facts = []
    if isinstance(rest.get("weekdays"), list):
        days = [d.capitalize() for d in strings(rest["weekdays"])]
        facts.append(Field("Rest days", ", ".join(days) or "none: a session every day"))
    if isinstance(deload.get("weeks"), list):
        weeks = _weeks_text(deload["weeks"])
        facts.append(Field("Deload weeks", f"week {weeks}" if weeks else "none in this plan"))
    labels = ("Sleep", "On rest days", "In deload weeks")
    items = tuple(
        Field(label, text(part.get("what")))
        for part, label in zip(parts, labels, strict=True)
        if text(part.get("what"))
    )
    return HabitView(
        key="recovery",
        title=_title(r, "Recovery"),
        what=text(r.get("what")),
        facts=tuple(facts),
        table=None,
        lists=(ListBlock("What to do", items),) if items else (),
        why=tuple(why for part in parts for why in strings(part.get("why"))),
        notes=(),
        learn=learn_links(part.get("page") for part in parts),
        sources=source_lines(s for part in parts for s in mappings(part.get("sources"))),
    )


def _question_range(q: Mapping[str, Any]) -> str:
    low, high = number(q.get("min")), number(q.get("max"))
    low_words, high_words = text(q.get("low")), text(q.get("high"))
    if low is None or high is None:
        return f"{low_words} to {high_words}" if low_words and high_words else ""
    if q.get("unit") == "h":
        return f"{fmt.number_text(low)} to {fmt.number_text(high)} hours"
    low_text = f"{fmt.number_text(low)} ({low_words})" if low_words else fmt.number_text(low)
    high_text = f"{fmt.number_text(high)} ({high_words})" if high_words else fmt.number_text(high)
    return f"{low_text} to {high_text}"


def _check_in(c: Mapping[str, Any]) -> HabitView:
    questions = tuple(
        Field("", f"{text(q.get('text'))} {_question_range(q)}".strip())
        for q in mappings(c.get("questions"))
        if text(q.get("text"))
    )
    rules = [
        Field(when[:1].upper() + when[1:], _ADVICE.get(level, level))
        for rule in mappings(c.get("rules"))
        if (when := text(rule.get("when"))) and (level := text(rule.get("level")))
    ]
    if rules:
        rules.append(Field("Otherwise", _ADVICE["ok"]))
    lists = tuple(
        block
        for block in (
            ListBlock("Questions", questions),
            ListBlock("What the answers mean", tuple(rules)),
        )
        if block.items
    )
    count = f", {len(questions)} questions" if questions else ""
    return HabitView(
        key="check_in",
        title=_title(c, "Morning check-in"),
        what=text(c.get("what")),
        facts=(Field("How often", f"every morning before you train{count}"),) if lists else (),
        table=None,
        lists=lists,
        why=strings(c.get("why")),
        notes=(),
        learn=learn_links([c.get("page"), *(r.get("page") for r in mappings(c.get("rules")))]),
        sources=source_lines(mappings(c.get("sources"))),
    )


def _has_content(view: HabitView) -> bool:
    return bool(view.what or view.facts or view.table or view.lists or view.why)


def _not_included(raw: Any) -> tuple[str, ...]:
    return tuple(
        f"{_SHORT_NAMES.get(key, fmt.humanize_key(key))}: not included because "
        f"{lower_first(reason)}"
        for key, value in mapping(raw).items()
        if (reason := text(value))
    )


def _learn(habits: Mapping[str, Any], shown: set[str]) -> tuple[LearnGroup, ...]:
    groups = []
    own: set[str] = set()
    for title, key in (("Your findings", "finding_pages"), ("Your phases", "phase_pages")):
        links = [
            link
            for code, page in mapping(habits.get(key)).items()
            if (link := learn_link(page, fmt.humanize_key(code))) is not None
        ]
        own.update(link.topic for link in links)
        if links:
            groups.append(LearnGroup(title, tuple(links)))
    rest = [
        link for link in learn_links(strings(habits.get("pages"))) if link.topic not in own | shown
    ]
    if rest:
        groups.append(LearnGroup("Also worth reading", tuple(rest)))
    return tuple(groups)


def build_habits_view(raw: Any) -> HabitsView | None:
    """The habits of a plan as display rows, or None when there is nothing to show.

    Parameters
    ----------
    raw
        The plan's ``habits`` value (:func:`spinewise.habits.build_habits`); anything else,
        including a partial or older shape, shows what can be read and ignores the rest.

    Examples
    --------
    >>> view = build_habits_view({"walking": {"title": "Walking", "weeks": [
    ...     {"week": 1, "deload": False, "days": 3, "minutes_per_day": 10},
    ...     {"week": 2, "deload": True, "days": 3, "minutes_per_day": 5}]},
    ...     "not_included": {"movement_breaks": "Sitting does not aggravate your pain."}})
    >>> view.habits[0].table.rows
    (('1', '', '', '3 × 10 min', '30 min'), ('2', '', 'deload', '3 × 5 min', '15 min'))
    >>> view.not_included
    ('Movement breaks: not included because sitting does not aggravate your pain.',)
    >>> view.hint(2)
    'Deload week: walking steps back to 3 walks of 5 min, then picks up again.'
    >>> build_habits_view(["not", "habits"]) is None
    True
    """
    habits = mapping(raw)
    builders = (
        ("breathing", _breathing),
        ("movement_breaks", _breaks),
        ("walking", _walking),
        ("balance_practice", _balance),
        ("recovery", _recovery),
        ("check_in", _check_in),
    )
    built = (build(mapping(habits.get(key))) for key, build in builders)
    views = tuple(v for v in built if _has_content(v))
    shown = {link.topic for view in views for link in view.learn}
    result = HabitsView(
        habits=views,
        not_included=_not_included(habits.get("not_included")),
        learn=_learn(habits, shown),
        week_hints=week_hints(habits),
    )
    if not (result.habits or result.not_included or result.learn):
        return None
    return result
