"""A plan's ``habits`` section as display rows: one :class:`HabitView` per habit, in plain words.

Every renderer (Markdown, HTML, iCalendar, the terminal) shows what :func:`build_habits_view`
returns, so they all say the same thing. The input is the plan's typed
:class:`~spinewise.habits.sections.Habits` (:func:`spinewise.habits.build_habits`,
``docs/science/habits.md``); any part may be missing (``None`` or empty) and is then left out.
"""

from __future__ import annotations

from collections.abc import Iterable

from spinewise.habits.sections import (
    BalanceDose,
    BalancePractice,
    Breathing,
    CheckInQuestion,
    CheckInSection,
    Drill,
    Habits,
    MovementBreaks,
    Recovery,
    Walking,
)
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
    minutes,
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


def _title(title: str | None, default: str) -> str:
    return text(title) or default


def _range_text(values: list[int | float], unit: str) -> str:
    low, high = min(values), max(values)
    if low == high:
        return f"{fmt.number_text(low)}{unit}"
    return f"{fmt.number_text(low)} to {fmt.number_text(high)}{unit}"


def _exercise_names(drills: Iterable[Drill]) -> str:
    names = [
        text(e.name) or fmt.humanize_key(text(e.exercise_id))
        for e in drills
        if text(e.name) or text(e.exercise_id)
    ]
    return ", ".join(names)


def _breathing(b: Breathing) -> HabitView:
    phases = b.by_phase
    per_day = [p.minutes_per_day for p in phases if p.minutes_per_day is not None]
    days = [p.days_per_week for p in phases if p.days_per_week is not None]
    how = []
    if days:
        how.append("every day" if set(days) == {7} else _range_text(days, " days a week"))
    if per_day:
        how.append(_range_text(per_day, " min") + (", by phase" if len(set(per_day)) > 1 else ""))
    rows = tuple(
        (
            text(p.phase),
            fmt.week_ranges(p.weeks),
            f"{minutes(p.minutes_per_day)} a day" if p.minutes_per_day is not None else "",
            text(p.focus),
            _exercise_names(p.exercises),
        )
        for p in phases
    )
    columns = ("Phase", "Weeks", "Time", "Focus", "Drills")
    return HabitView(
        key="breathing",
        title=_title(b.title, "Breathing and bracing practice"),
        what=text(b.what),
        facts=(Field("How often", ", ".join(how)),) if how else (),
        table=TableView("By phase", columns, rows) if rows else None,
        lists=(),
        why=strings(b.why),
        notes=strings([b.deload]),
        learn=learn_links([b.page]),
        sources=source_lines(b.sources),
    )


def _breaks(k: MovementBreaks) -> HabitView:
    every, duration = k.every_min, k.duration_min
    triggers = [_TRIGGERS.get(t, t.replace("_", " ")) for t in strings(k.triggers)]
    where = f"of {' or '.join(triggers)}" if triggers else "at your desk"
    facts = []
    if every is not None:
        length = f", about {minutes(duration)} each" if duration is not None else ""
        facts.append(Field("How often", f"every {minutes(every)} {where}{length}"))
    rows = tuple(
        (
            text(m.name) or fmt.humanize_key(text(m.exercise_id)),
            text(m.dose),
            f"~{fmt.number_text(m.seconds)} s" if m.seconds is not None else "",
        )
        for m in k.menu
        if text(m.name) or text(m.exercise_id)
    )
    return HabitView(
        key="movement_breaks",
        title=_title(k.title, "Movement breaks"),
        what=text(k.what),
        facts=tuple(facts),
        table=TableView("Menu: pick one or two", ("Exercise", "Dose", "Time"), rows)
        if rows
        else None,
        lists=(),
        why=strings(k.why),
        notes=strings([k.by_phase]),
        learn=learn_links([k.page]),
        sources=source_lines(k.sources),
    )


def _walking(w: Walking) -> HabitView:
    rows = walk_rows(w.weeks)
    facts = []
    loading = [r for r in rows if not r.deload] or rows
    if loading:
        first, last = loading[0], loading[-1]
        how = f"{first.dose} in week {first.week}"
        if (first.days, first.per_day) != (last.days, last.per_day):
            how += f", building to {last.dose} by week {last.week}"
        facts.append(Field("How often", how))
    cap = w.cap_min_per_day
    budget = text(w.budget) or (f"At most {minutes(cap)} a walk." if cap is not None else "")
    if budget:
        facts.append(Field("Time budget", budget))
    paces = list(dict.fromkeys(r.pace for r in rows if r.pace))
    if paces:
        facts.append(Field("Pace", "; ".join(paces)))
    columns = ("Week", "Phase", "Deload", "Days × minutes", "Weekly")
    table_rows = tuple(r.cells() for r in rows)
    return HabitView(
        key="walking",
        title=_title(w.title, "Progressive walking"),
        what=text(w.what),
        facts=tuple(facts),
        table=TableView("Week by week", columns, table_rows) if table_rows else None,
        lists=(),
        why=strings(w.why),
        notes=strings(w.notes),
        learn=learn_links([w.page]),
        sources=source_lines(w.sources),
    )


def _balance_rows(weeks: Iterable[BalanceDose]) -> tuple[tuple[str, ...], ...]:
    rows = []
    for w in weeks:
        week, days, per_day = w.week, w.days, w.minutes_per_day
        if week is None or days is None or per_day is None:
            continue
        in_sessions, total = w.session_minutes, w.total_minutes
        rows.append(
            (
                fmt.number_text(week),
                text(w.phase),
                "deload" if w.deload is True else "",
                f"{fmt.number_text(days)} × {minutes(per_day)}",
                minutes(in_sessions) if in_sessions is not None else "",
                minutes(total) if total is not None else "",
            )
        )
    return tuple(rows)


def _balance(b: BalancePractice) -> HabitView:
    rows = _balance_rows(b.weeks)
    target = b.target_min_per_week
    facts = (
        [Field("Weekly goal", f"about {minutes(target)} of balance work by the last training week")]
        if target
        else []
    )
    stages = tuple(
        Field(f"From week {fmt.number_text(stage.from_week)}", ", ".join(drills))
        for stage in b.stages
        if stage.from_week is not None and (drills := strings(stage.drills))
    )
    columns = ("Week", "Phase", "Deload", "At home: days × minutes", "In sessions", "Total")
    return HabitView(
        key="balance_practice",
        title=_title(b.title, "Balance practice at home"),
        what=text(b.what),
        facts=tuple(facts),
        table=TableView("Week by week", columns, rows) if rows else None,
        lists=(ListBlock("Drills", stages),) if stages else (),
        why=strings(b.why),
        notes=strings(b.notes),
        learn=learn_links([b.page]),
        sources=source_lines(b.sources),
    )


def _recovery(r: Recovery) -> HabitView:
    sleep, rest, deload = r.sleep, r.rest_days, r.deload_weeks
    facts = []
    if rest is not None and rest.weekdays is not None:
        days = [d.capitalize() for d in strings(rest.weekdays)]
        facts.append(Field("Rest days", ", ".join(days) or "none: a session every day"))
    if deload is not None and deload.weeks is not None:
        weeks = fmt.week_ranges(deload.weeks)
        facts.append(Field("Deload weeks", f"week {weeks}" if weeks else "none in this plan"))
    parts = (
        ("Sleep", sleep.what if sleep else None),
        ("On rest days", rest.what if rest else None),
        ("In deload weeks", deload.what if deload else None),
    )
    items = tuple(Field(label, text(what)) for label, what in parts if text(what))
    sources = (*(sleep.sources if sleep else ()), *(deload.sources if deload else ()))
    return HabitView(
        key="recovery",
        title=_title(r.title, "Recovery"),
        what="",
        facts=tuple(facts),
        table=None,
        lists=(ListBlock("What to do", items),) if items else (),
        why=strings(sleep.why if sleep else ()),
        notes=(),
        learn=learn_links(part.page if part else None for part in (sleep, rest, deload)),
        sources=source_lines(sources),
    )


def _question_range(q: CheckInQuestion) -> str:
    low, high = q.min, q.max
    low_words, high_words = text(q.low), text(q.high)
    if low is None or high is None:
        return f"{low_words} to {high_words}" if low_words and high_words else ""
    if q.unit == "h":
        return f"{fmt.number_text(low)} to {fmt.number_text(high)} hours"
    low_text = f"{fmt.number_text(low)} ({low_words})" if low_words else fmt.number_text(low)
    high_text = f"{fmt.number_text(high)} ({high_words})" if high_words else fmt.number_text(high)
    return f"{low_text} to {high_text}"


def _check_in(c: CheckInSection) -> HabitView:
    questions = tuple(
        Field("", f"{text(q.text)} {_question_range(q)}".strip())
        for q in c.questions
        if text(q.text)
    )
    rules = [
        Field(when[:1].upper() + when[1:], _ADVICE.get(level, level))
        for rule in c.rules
        if (when := text(rule.when)) and (level := text(rule.level))
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
        title=_title(c.title, "Morning check-in"),
        what=text(c.what),
        facts=(Field("How often", f"every morning before you train{count}"),) if lists else (),
        table=None,
        lists=lists,
        why=(),
        notes=(),
        learn=learn_links([c.page, *(r.page for r in c.rules)]),
        sources=source_lines(c.sources),
    )


def _has_content(view: HabitView) -> bool:
    return bool(view.what or view.facts or view.table or view.lists or view.why)


def _not_included(reasons: Iterable[tuple[str, str]]) -> tuple[str, ...]:
    return tuple(
        f"{_SHORT_NAMES.get(key, fmt.humanize_key(key))}: not included because "
        f"{lower_first(reason)}"
        for key, value in reasons
        if (reason := text(value))
    )


def _learn(habits: Habits, shown: set[str]) -> tuple[LearnGroup, ...]:
    groups = []
    own: set[str] = set()
    for title, pages in (
        ("Your findings", habits.finding_pages),
        ("Your phases", habits.phase_pages),
    ):
        links = [
            link
            for code, page in pages
            if (link := learn_link(page, fmt.humanize_key(code))) is not None
        ]
        own.update(link.topic for link in links)
        if links:
            groups.append(LearnGroup(title, tuple(links)))
    rest = [link for link in learn_links(strings(habits.pages)) if link.topic not in own | shown]
    if rest:
        groups.append(LearnGroup("Also worth reading", tuple(rest)))
    return tuple(groups)


def build_habits_view(habits: Habits | None) -> HabitsView | None:
    """The habits of a plan as display rows, or None when there is nothing to show.

    Parameters
    ----------
    habits
        The plan's habits (:func:`spinewise.habits.build_habits`), or None; a part missing
        from a plan of another version is left out.

    Examples
    --------
    >>> view = build_habits_view(Habits.from_json({"walking": {"title": "Walking", "weeks": [
    ...     {"week": 1, "deload": False, "days": 3, "minutes_per_day": 10},
    ...     {"week": 2, "deload": True, "days": 3, "minutes_per_day": 5}]},
    ...     "not_included": {"movement_breaks": "Sitting does not aggravate your pain."}}))
    >>> view.habits[0].table.rows
    (('1', '', '', '3 × 10 min', '30 min'), ('2', '', 'deload', '3 × 5 min', '15 min'))
    >>> view.not_included
    ('Movement breaks: not included because sitting does not aggravate your pain.',)
    >>> view.hint(2)
    'Deload week: walking steps back to 3 walks of 5 min, then picks up again.'
    >>> build_habits_view(Habits.from_json({"future": {"title": "A habit"}})) is None
    True
    """
    if habits is None:
        return None
    h = habits
    built = (
        _breathing(h.breathing) if h.breathing else None,
        _breaks(h.movement_breaks) if h.movement_breaks else None,
        _walking(h.walking) if h.walking else None,
        _balance(h.balance_practice) if h.balance_practice else None,
        _recovery(h.recovery) if h.recovery else None,
        _check_in(h.check_in) if h.check_in else None,
    )
    views = tuple(v for v in built if v is not None and _has_content(v))
    shown = {link.topic for view in views for link in view.learn}
    result = HabitsView(
        habits=views,
        not_included=_not_included(habits.not_included),
        learn=_learn(habits, shown),
        week_hints=week_hints(habits),
    )
    if not (result.habits or result.not_included or result.learn):
        return None
    return result
