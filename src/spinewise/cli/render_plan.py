"""Terminal rendering of a plan with Rich (``spinewise plan PROFILE``, ``--format text``).

Every piece of plan text goes into a :class:`rich.text.Text`, never through console markup, so a
``[`` in a name prints as it is.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from spinewise.planning.plan import Plan
from spinewise.report.plan_habits import HabitsView, HabitView
from spinewise.report.plan_view import PlanView, SessionView, build_plan_view

__all__ = ["print_plan"]

#: Names and doses up to this many characters stay on one line (at 100+ columns).
_NAME_WIDTH_MAX = 44

#: Below this many columns the reasons are listed under each block instead of in a column: at
#: 80 columns the column was a few characters wide and wrapped each reason into dozens of lines.
_WHY_COLUMN_MIN_WIDTH = 140


def _table(title: str | None, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    for col in columns:
        table.add_column(col)
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    return table


def _header(view: PlanView) -> Panel:
    facts = Text()
    for i, f in enumerate(view.athlete):
        if i:
            facts.append("   ")
        facts.append(f"{f.label}: ", style="dim")
        facts.append(f.value)
    body = Group(
        Text(view.generated, style="dim"),
        facts,
        Text(view.disclaimer, style="yellow"),
    )
    return Panel(body, title=Text(view.title, style="bold"), title_align="left")


def _overview(view: PlanView, console: Console) -> None:
    if view.findings:
        console.print(
            _table(
                "Findings",
                ("severity", "finding", "details"),
                [(f.severity, f.summary, f.details) for f in view.findings],
            )
        )
    else:
        console.print(Text("Findings: none; the assessment found nothing to target."))
    if view.phases:
        console.print(
            _table(
                "Phases",
                ("phase", "weeks", "focus"),
                [(p.phase, p.weeks, p.focus) for p in view.phases],
            )
        )
    columns = ["week", "phase", "deload", "sessions", "time"]
    if view.show_volume:
        columns.append("work volume")
    rows = []
    for w in view.weeks:
        row = [str(w.index), w.phase, "deload" if w.deload else "", str(len(w.sessions))]
        row.append(w.total_minutes)
        if view.show_volume:
            row.append(w.volume or "")
        rows.append(row)
    console.print(_table("Weeks", columns, rows))


def _session(session: SessionView, console: Console) -> None:
    head = Text(session.heading, style="bold")
    meta = [session.minutes]
    if session.peak_compression:
        meta.append(f"peak estimated L5/S1 compression {session.peak_compression}")
    head.append("   " + " · ".join(meta), style="dim")
    console.print(head)
    # One table a session, each block a titled group of rows: a table per block measured its
    # columns again for every block (a 12-week plan printed some 180 tables).
    wide = console.width >= _WHY_COLUMN_MIN_WIDTH
    # At 80 columns the minimum widths must leave room for every column, or Rich cuts the last
    # one (the intensity, which carries the spine-load cap) off.
    cap = 1.0 if wide else 0.6
    items = [it for block in session.blocks for it in block.items]

    def widest(texts: Sequence[str], limit: int) -> int:
        longest = min(max((len(t) for t in texts), default=0), _NAME_WIDTH_MAX)
        return min(longest, int(limit * cap))

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    table.add_column("exercise", min_width=widest([it.name for it in items], 30))
    table.add_column("dose", min_width=widest([it.dose for it in items], 20))
    table.add_column("tempo", no_wrap=True)
    table.add_column("rest", no_wrap=True)
    # wraps: the intensity carries the spine-load cap, which must never be cut off
    table.add_column("intensity", min_width=widest([it.intensity for it in items], 16))
    if wide:
        table.add_column("why", ratio=1, style="dim")
    for block in session.blocks:
        table.add_row(Text(block.title, style="bold cyan"))
        for n, it in enumerate(block.items, start=1):
            name = Text(it.name)
            for cue in it.cues:
                name.append(f"\n› {cue}", style="dim italic")
            cells = [name, Text(it.dose), Text(it.tempo), Text(it.rest), Text(it.intensity)]
            table.add_row(
                *cells,
                *([Text(it.why_text)] if wide else []),
                end_section=n == len(block.items),
            )
    console.print(table)
    if not wide:
        # A narrow terminal has no room for a readable "why" column: each reason goes under the
        # session's table, after its exercise's name, wrapped to the full width.
        reasons = [f"{it.name}: {it.why_text}" for it in items if it.why_text]
        _bullets(console, "Why", reasons, style="dim")


def _bullets(console: Console, heading: str, items: Sequence[str], style: str = "") -> None:
    """A bold heading and a bulleted list whose wrapped lines hang under their text.

    Wrapped here rather than laid out as a Rich grid: a plan prints a few hundred of these lists,
    and the grid's measuring took a third of the rendering time.
    """
    if not items:
        return
    console.print(Text(heading, style="bold"))
    width = max(20, console.width - 1)
    for item in items:
        lines = textwrap.wrap(
            item,
            width=width,
            initial_indent="  • ",
            subsequent_indent="    ",
            break_long_words=False,
            break_on_hyphens=False,
        )
        console.print(Text("\n".join(lines), style=style), soft_wrap=True)


def _habit(habit: HabitView, console: Console) -> None:
    console.print(Text(habit.title, style="bold cyan"))
    if habit.what:
        console.print(Text(habit.what))
    for f in habit.facts:
        line = Text(f"{f.label}: ", style="dim")
        line.append(f.value, style="bold")
        console.print(line)
    if habit.table is not None:
        console.print(_table(habit.table.caption, habit.table.columns, habit.table.rows))
    for block in habit.lists:
        items = [f"{f.label}: {f.value}" if f.label else f.value for f in block.items]
        _bullets(console, block.title or "What to do", items)
    _bullets(console, "Why", habit.why)
    _bullets(console, "Good to know", habit.notes)
    if habit.learn:
        line = Text("Learn more: ", style="bold")
        line.append("; ".join(f"{link.command} ({link.label})" for link in habit.learn))
        console.print(line)
    _bullets(console, "Sources", [s.text for s in habit.sources], style="dim")
    console.print()


def _habits(habits: HabitsView, console: Console) -> None:
    if habits.habits or habits.not_included:
        console.rule(Text("Daily habits"), align="left")
    for habit in habits.habits:
        _habit(habit, console)
    _bullets(console, "Not included", habits.not_included)
    if habits.learn:
        console.rule(Text("Learn more"), align="left")
        for group in habits.learn:
            _bullets(console, group.title, [f"{p.command}: {p.label}" for p in group.pages])


def _tail(view: PlanView, console: Console) -> None:
    if view.notes:
        console.rule(Text("Notes"), align="left")
        for note in view.notes:
            console.print(Text(f"• {note}"))
    if view.habits is not None:
        _habits(view.habits, console)
    console.rule(Text("How this plan was made"), align="left")
    console.print(Text("   ".join(f"{f.label}: {f.value}" for f in view.solver)))
    if view.relaxed:
        console.print(Text("Relaxed requirements:", style="bold"))
        for req in view.relaxed:
            console.print(Text(f"• {req}"))
    else:
        console.print(Text("Relaxed requirements: none; every requirement was met."))
    if view.per_week:
        console.print(_table("Solver by week", ("week", "status", "objective"), view.per_week))


def print_plan(plan: Plan, console: Console) -> None:
    """Print a plan to a Rich console: header, findings, overview, then every session's blocks.

    Parameters
    ----------
    plan
        The plan (a document from a file is read with :meth:`Plan.read` first).
    console
        Where to print, e.g. :data:`spinewise.cli.render.console`.
    """
    view = build_plan_view(plan)
    console.print(_header(view))
    _overview(view, console)
    for week in view.weeks:
        title = f"Week {week.index}: {week.phase}" + (" (deload)" if week.deload else "")
        console.rule(Text(title, style="bold"), align="left")
        if week.habits_hint:
            console.print(Text(week.habits_hint, style="dim italic"))
        if week.retest:
            console.print(Text(week.retest, style="bold"))
        if not week.sessions:
            console.print(Text("No sessions this week.", style="dim"))
        for session in week.sessions:
            _session(session, console)
    _tail(view, console)
