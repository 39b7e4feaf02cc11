"""Terminal rendering of the education pages (Rich), for ``spinewise learn``."""

from __future__ import annotations

from collections.abc import Mapping

from rich.markdown import Markdown
from rich.markup import escape
from rich.table import Table

from spinewise.cli.render import console
from spinewise.education import Page

__all__ = ["STATUS_WORDS", "page_detail", "topic_table"]

#: How each source status reads in the terminal.
STATUS_WORDS: dict[str, str] = {
    "C": "confirmed",
    "C2": "confirmed from a secondary source",
    "U": "unconfirmed",
    "design": "spinewise's own choice",
}


def topic_table(pages: Mapping[str, Page]) -> None:
    """Print one row per page: id, title and what it explains."""
    table = Table(
        title=f"spinewise learn: {len(pages)} topics (spinewise learn TOPIC)", title_justify="left"
    )
    table.add_column("topic", no_wrap=True)
    table.add_column("title")
    table.add_column("explains")
    for page in sorted(pages.values(), key=lambda p: p.id):
        table.add_row(page.id, escape(page.title), ", ".join(page.links) or "-")
    console.print(table)


def page_detail(page: Page) -> None:
    """Print a page as Markdown, then its sources with how sure each claim is."""
    console.print(Markdown(f"# {page.title}\n\n*{page.summary}*\n\n{page.body_md}"))
    console.print()
    console.print("[bold]Sources[/bold]")
    for src in page.sources:
        console.print(
            f"  • {escape(src.cite)}\n    [dim]supports: {escape(src.supports)} "
            + escape(f"[{src.status}: {STATUS_WORDS.get(src.status, src.status)}]")
            + "[/dim]",
            highlight=False,
        )
    if page.links:
        console.print(f"[dim]Explains: {', '.join(page.links)}[/dim]")
    console.print("[dim]spinewise is not a medical device and never diagnoses.[/dim]")
