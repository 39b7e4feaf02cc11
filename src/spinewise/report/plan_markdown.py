"""A plan as a Markdown document (``spinewise plan PROFILE --format markdown``).

The document reads top to bottom: title, athlete, disclaimer, findings, the phases and a week
overview, then each week (with a one-line habits hint), its sessions, their blocks and one table
row per exercise, then notes, the daily habits (what, how often, why, the walking weeks, the break
menu, the check-in, sources), the pages to read (``spinewise learn TOPIC``) and how the plan was
made (solver status and any relaxed requirement).

Text from the plan is escaped so that it cannot break the document: ``|`` and backslashes in table
cells, ``<`` and ``>`` everywhere (a Markdown viewer would otherwise pass HTML through), and line
breaks become spaces. Emphasis characters are left alone: exercise ids such as ``bird_dog`` read
better unescaped, and GitHub-flavoured Markdown does not emphasise inside words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spinewise.planning.plan import Plan
from spinewise.report.plan_habits import HabitsView, HabitView
from spinewise.report.plan_view import PlanView, SessionView, WeekView, build_plan_view

__all__ = ["plan_to_markdown"]

_ITEM_COLUMNS = ("Exercise", "Dose", "Tempo", "Rest", "Intensity", "Why")


def _text(value: str) -> str:
    """Escape plan text for Markdown prose."""
    flat = " ".join(value.split())
    return flat.replace("<", "&lt;").replace(">", "&gt;")


def _cell(value: str) -> str:
    """Escape plan text for a Markdown table cell."""
    return _text(value).replace("\\", "\\\\").replace("|", "\\|") or " "


def _table(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = [
        "| " + " | ".join(columns) + " |",
        "|" + "|".join("---" for _ in columns) + "|",
    ]
    lines.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
    return [*lines, ""]


def _head(view: PlanView) -> list[str]:
    lines = [f"# {_text(view.title)}", "", f"*{_text(view.generated)}*", "", "## Athlete", ""]
    lines += [f"- **{_text(f.label)}:** {_text(f.value)}" for f in view.athlete]
    lines += ["", f"> **Please read.** {_text(view.disclaimer)}", "", "## Findings", ""]
    if view.findings:
        lines += _table(
            ("Severity", "Finding", "Details"),
            ((f.severity, f.summary, f.details) for f in view.findings),
        )
    else:
        lines += ["No findings: the assessment found nothing to target.", ""]
    return lines


def _overview(view: PlanView) -> list[str]:
    lines = ["## Phases", ""]
    if view.phases:
        lines += _table(
            ("Phase", "Weeks", "Focus"), ((p.phase, p.weeks, p.focus) for p in view.phases)
        )
    columns = ["Week", "Phase", "Deload", "Sessions", "Time"]
    if view.show_volume:
        columns.append("Work volume")
    rows = []
    for w in view.weeks:
        row = [str(w.index), w.phase, "deload" if w.deload else "", str(len(w.sessions))]
        row.append(w.total_minutes)
        if view.show_volume:
            row.append(w.volume or "")
        rows.append(row)
    return lines + _table(columns, rows)


def _session(session: SessionView) -> list[str]:
    facts = [session.minutes]
    if session.peak_compression:
        facts.append(f"peak estimated L5/S1 compression {session.peak_compression}")
    lines = [
        f"### {_text(session.heading)}",
        "",
        f"*{_text(' · '.join(facts))}*",
        "",
    ]
    for block in session.blocks:
        lines += [f"#### {_text(block.title)}", ""]
        with_cues = any(item.cues for item in block.items)
        columns = [*_ITEM_COLUMNS, "Cues"] if with_cues else list(_ITEM_COLUMNS)
        rows = []
        for it in block.items:
            row = [it.name, it.dose, it.tempo, it.rest, it.intensity, it.why_text]
            if with_cues:
                row.append("; ".join(it.cues))
            rows.append(row)
        lines += _table(columns, rows)
    return lines


def _week(week: WeekView) -> list[str]:
    title = f"## Week {week.index}: {week.phase}" + (" (deload)" if week.deload else "")
    lines = [_text(title), ""]
    if week.habits_hint:
        lines += [f"*{_text(week.habits_hint)}*", ""]
    if week.retest:
        lines += [f"**{_text(week.retest)}**", ""]
    if not week.sessions:
        lines += ["No sessions this week.", ""]
    for session in week.sessions:
        lines += _session(session)
    return lines


def _bullets(items: Iterable[str]) -> list[str]:
    return [f"- {_text(item)}" for item in items]


def _habit(habit: HabitView) -> list[str]:
    lines = [f"### {_text(habit.title)}", ""]
    if habit.what:
        lines += [_text(habit.what), ""]
    if habit.facts:
        lines += [f"- **{_text(f.label)}:** {_text(f.value)}" for f in habit.facts] + [""]
    if habit.table is not None:
        lines += [f"*{_text(habit.table.caption)}*", ""]
        lines += _table(habit.table.columns, habit.table.rows)
    for block in habit.lists:
        lines += [f"**{_text(block.title)}**", ""] if block.title else []
        for f in block.items:
            label = f"**{_text(f.label)}:** " if f.label else ""
            lines.append(f"- {label}{_text(f.value)}")
        lines.append("")
    for title, items in (("Why", habit.why), ("Good to know", habit.notes)):
        if items:
            lines += [f"**{title}**", "", *_bullets(items), ""]
    if habit.learn:
        links = ", ".join(f"`{link.command}` ({_text(link.label)})" for link in habit.learn)
        lines += [f"**Learn more:** {links}", ""]
    if habit.sources:
        lines += ["**Sources**", "", *_bullets(s.text for s in habit.sources), ""]
    return lines


def _habits(habits: HabitsView) -> list[str]:
    lines: list[str] = []
    if habits.habits or habits.not_included:
        lines += ["## Daily habits", ""]
    for habit in habits.habits:
        lines += _habit(habit)
    if habits.not_included:
        lines += ["### Not included", "", *_bullets(habits.not_included), ""]
    if habits.learn:
        lines += ["## Learn more", ""]
        for group in habits.learn:
            lines += [f"**{_text(group.title)}**", ""]
            lines += [f"- `{link.command}`: {_text(link.label)}" for link in group.pages] + [""]
    return lines


def _tail(view: PlanView) -> list[str]:
    lines: list[str] = []
    if view.notes:
        lines += ["## Notes", ""] + [f"- {_text(n)}" for n in view.notes] + [""]
    if view.habits is not None:
        lines += _habits(view.habits)
    lines += ["## How this plan was made", ""]
    lines += [f"- **{_text(f.label)}:** {_text(f.value)}" for f in view.solver]
    lines += ["", "### Relaxed requirements", ""]
    if view.relaxed:
        lines += [f"- {_text(r)}" for r in view.relaxed]
    else:
        lines.append("None: every requirement was met.")
    lines.append("")
    if view.per_week:
        lines += ["### Solver by week", ""]
        lines += _table(("Week", "Status", "Objective"), view.per_week)
    return lines


def plan_to_markdown(plan: Plan) -> str:
    """Render a plan as a Markdown document.

    Parameters
    ----------
    plan
        The plan (a document from a file is read with :meth:`Plan.read` first).

    Returns
    -------
    str
        The document, ending with one newline. The same plan gives the same text.
    """
    view = build_plan_view(plan)
    lines = _head(view) + _overview(view)
    for week in view.weeks:
        lines += _week(week)
    lines += _tail(view)
    return "\n".join(lines).rstrip("\n") + "\n"
