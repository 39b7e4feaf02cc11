"""Terminal rendering of an assessment (Rich), for ``spinewise assess --format text``."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from spinewise.assessment import Assessment, Finding
from spinewise.cli.names import finding_title

__all__ = ["print_assessment"]

_STATUS = {
    "clear": "[green]CLEAR[/green]: no red flags.",
    "see_clinician": "[yellow]SEE A CLINICIAN FIRST[/yellow]",
    "emergency": "[bold red]EMERGENCY: seek emergency care today.[/bold red]",
}
_COLOUR = {"info": "dim", "mild": "cyan", "moderate": "yellow", "marked": "red"}


def _value(x: float | None, unit: str) -> str:
    if x is None:
        return ""
    shown = f"{x:g}"
    return f"{shown} s" if unit == "s" else f"{shown}/10" if unit == "/10" else shown


def _finding_cells(f: Finding) -> tuple[str, str]:
    colour = _COLOUR[f.severity]
    compared = ""
    if f.measured is not None or f.reference is not None:
        compared = f"you {_value(f.measured, f.unit)}, reference {_value(f.reference, f.unit)}; "
    text = (
        f"[bold]{escape(finding_title(f.code))}[/bold]\n{escape(f.summary)}\n"
        f"[dim]{compared}source: {escape(f.source)}[/dim]"
    )
    return f"[{colour}]{f.severity}[/{colour}]", text


def print_assessment(a: Assessment, console: Console) -> None:
    """Print screening, findings, sensitivities and STarT Back scores for people."""
    s = a.screening
    console.print(f"Screening: {_STATUS[s.status]}")
    for reason in s.reasons:
        console.print(f"  - {escape(reason.why)}")
    if s.status == "emergency":
        console.print("No plan is made. Go to an emergency department today.")
        return
    if s.status == "see_clinician":
        if s.cleared:
            console.print("A clinician has cleared you to train (within the last 12 weeks).")
        elif not all(r.clearable for r in s.reasons):
            console.print(
                "No plan is made now. A clinician's clearance in the profile does not cover "
                "this: see a clinician first, then answer the questions again."
            )
        else:
            console.print(
                "No plan is made until a clinician has examined you and cleared you to train "
                "(then give the date for each question under [screening.clearances] in the "
                "profile; a clearance counts for 12 weeks)."
            )
    console.print(f"\nFindings ({len(a.findings)}):" if a.findings else "\nNo findings.")
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column()
    for f in a.findings:
        grid.add_row(*_finding_cells(f))
    if a.findings:
        console.print(grid)
    if a.sensitivities:
        console.print(f"\nLeft out because they aggravate your pain: {', '.join(a.sensitivities)}")
    if a.start_back is not None:
        sb = a.start_back
        console.print(
            f"\nSTarT Back: total {sb.total}/9, distress {sb.distress}/5, group {sb.risk} "
            "(not a diagnosis)."
        )
