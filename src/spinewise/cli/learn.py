"""``spinewise learn [TOPIC]``: the education pages in the terminal."""

from __future__ import annotations

from typing import Annotated

import typer

from spinewise.cli import render_learn
from spinewise.education import load_pages, resolve_topic

__all__ = ["learn"]


def learn(
    topic: Annotated[
        str | None,
        typer.Argument(help="A topic id, or a finding code or phase it explains; none lists all."),
    ] = None,
) -> None:
    """Read the education pages: why the plan does what it does, with sources."""
    pages = load_pages()
    if topic is None:
        render_learn.topic_table(pages)
        return
    render_learn.page_detail(resolve_topic(topic, pages))
