"""Terminal rendering of a plan's quality report with Rich (``spinewise plan quality``).

Every cell is a :class:`rich.text.Text`, never console markup; pattern names are in people's
words (:func:`spinewise.report.quality.pattern_words`).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from spinewise.cli.render_plan import print_plan
from spinewise.planning.plan import Plan
from spinewise.report.quality import PatternCount, PlanQuality, pattern_words

__all__ = ["plan_as_text", "print_quality"]

_RESULT = {True: ("met", "green"), False: ("not met", "red"), None: ("does not apply", "dim")}


def _table(title: str, columns: Sequence[str]) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    for col in columns:
        table.add_column(col)
    return table


def _counts(counts: Sequence[PatternCount], top: int = 4) -> str:
    return ", ".join(f"{pattern_words(c.pattern)} {c.count}" for c in counts[:top]) or "none"


def plan_as_text(plan: Plan) -> str:
    """The plan as ``spinewise plan PROFILE`` prints it, wide enough that no cell is cut."""
    buffer = io.StringIO()
    print_plan(plan, Console(file=buffer, width=400, color_system=None))
    return buffer.getvalue()


def print_quality(report: PlanQuality, console: Console) -> None:
    """Print the targets, then the figures behind them."""
    console.print(
        Text(f"Plan quality for {report.athlete} ({report.minutes_per_session} minutes a session)")
    )
    targets = _table("Targets", ("figure", "target", "measured", "result"))
    for t in report.targets:
        word, style = _RESULT[t.passed]
        targets.add_row(Text(t.label), Text(t.target), Text(t.measured), Text(word, style=style))
    console.print(targets)

    weeks = _table(
        "Weeks",
        ("week", "phase", "minutes used", "hard sets by pattern (most first)", "standing balance"),
    )
    for w in report.weeks:
        used = sum(s.used_s for s in report.sessions if s.week == w.week) / 60
        phase = w.phase + (" (lighter week)" if w.deload else "")
        weeks.add_row(
            Text(str(w.week)),
            Text(phase),
            Text(f"{used:.0f}"),
            Text(_counts(w.hard_sets)),
            Text(f"{w.balance_min:.0f} min"),
        )
    console.print(weeks)

    crowded = [(s, s.crowded()) for s in report.session_patterns if s.crowded()]
    if crowded:
        table = _table(
            "Sessions with more than two exercises of one pattern", ("session", "too many")
        )
        for s, over in crowded:
            table.add_row(Text(f"week {s.week}, session {s.session}"), Text(_counts(over)))
        console.print(table)

    signatures = _table("Signature work", ("work", "in the plan"))
    for sig in report.signatures:
        if sig.present:
            shown = ", ".join(sig.present)
        elif sig.excluded_because:
            shown = f"left out: {sig.excluded_because}"
        else:
            shown = "missing"
        signatures.add_row(Text(sig.label), Text(shown))
    console.print(signatures)

    falling = report.falling
    console.print(
        Text(
            f"{len(report.progress)} exercises recur; "
            f"{sum(p.progresses for p in report.progress)} progress, "
            f"{sum(p.ends_higher for p in report.progress)} end above where they start, "
            f"{len(falling)} fall within a phase."
        )
    )
    for p in falling:
        weeks_text = ", ".join(str(w) for w in p.falls_in_weeks)
        console.print(Text(f"  {p.name}: the dose falls in week {weeks_text}"))
    if report.underscore_identifiers:
        console.print(
            Text(
                "Internal names in the printed plan: " + ", ".join(report.underscore_identifiers),
                style="red",
            )
        )
