"""Education pages: one Markdown file per topic with TOML front matter.

A page file ``pages/<id>.md`` looks like::

    +++
    id = "walking"
    title = "Walking between sessions"
    summary = "One sentence for lists."
    tags = ["habit"]
    links = ["walking"]
    sources = [
      { ref = "pocovi_2024", supports = "the claim it supports", status = "C" },
    ]
    +++
    The page in plain Markdown.

``links`` name the finding codes, phases and habits the page explains
(:mod:`spinewise.education.topics`); ``sources`` cite the bibliography. The CLI (``spinewise
learn``) and the web app render the same files.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypedDict

from spinewise.education.bibliography import Citation, cite
from spinewise.education.topics import KNOWN_LINKS
from spinewise.errors import InputError

__all__ = [
    "Page",
    "PageJson",
    "link_index",
    "load_pages",
    "page_for",
    "parse_page",
    "resolve_topic",
]

_FRONT = re.compile(r"\A\+\+\+\n(?P<meta>.*?)\n\+\+\+\n(?P<body>.*)\Z", re.DOTALL)
_ID = re.compile(r"^[a-z][a-z0-9-]*$")
_KEYS = ("id", "title", "summary", "tags", "links", "sources")


class PageJson(TypedDict):
    """A :class:`Page` as JSON (for the web app and the plan)."""

    id: str
    title: str
    summary: str
    tags: list[str]
    links: list[str]
    sources: list[dict[str, str]]
    body_md: str


@dataclass(frozen=True)
class Page:
    """One education page.

    Attributes
    ----------
    id
        The topic id, also the file name without ``.md``.
    title, summary
        Plain words; ``summary`` is one sentence for lists.
    tags
        Free labels (``finding``, ``phase``, ``habit``, ``safety``...).
    links
        The finding codes, phases and habits this page explains.
    sources
        At least one, and at least one that is not a ``design`` choice.
    body_md
        The page in Markdown, without the title.
    """

    id: str
    title: str
    summary: str
    tags: tuple[str, ...]
    links: tuple[str, ...]
    sources: tuple[Citation, ...]
    body_md: str

    def to_json(self) -> PageJson:
        """The page as JSON (for the web app and the plan)."""
        return {
            "id": self.id,
            "title": self.title,
            "summary": self.summary,
            "tags": list(self.tags),
            "links": list(self.links),
            "sources": [s.to_json() for s in self.sources],
            "body_md": self.body_md,
        }


# I/O edge: ``meta`` is a page's parsed TOML front matter.
def _strings(meta: Mapping[str, Any], key: str, where: str, problems: list[str]) -> tuple[str, ...]:
    value = meta.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(f"{where}: {key}: must be a list of strings, got {value!r}")
        return ()
    return tuple(value)


def parse_page(text: str, name: str) -> Page:
    """Parse one page file.

    Parameters
    ----------
    text
        The file's content.
    name
        The file name, e.g. ``walking.md``; its stem must equal the page's id.

    Raises
    ------
    InputError
        One line per problem, each naming the file and the field.
    """
    match = _FRONT.match(text.replace("\r\n", "\n"))
    if match is None:
        raise InputError(f"{name}: must start with TOML front matter between '+++' lines")
    try:
        meta = tomllib.loads(match["meta"])
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"{name}: front matter is not valid TOML: {err}") from None
    problems: list[str] = []
    unknown = sorted(set(meta) - set(_KEYS))
    if unknown:
        problems.append(f"{name}: unknown keys {unknown}; allowed: {', '.join(_KEYS)}")
    page_id = meta.get("id")
    if not isinstance(page_id, str) or not _ID.match(page_id):
        problems.append(f"{name}: id: must be lowercase words joined by '-', got {page_id!r}")
    elif f"{page_id}.md" != name:
        problems.append(f"{name}: id: {page_id!r} must match the file name")
    for key in ("title", "summary"):
        value = meta.get(key)
        if not isinstance(value, str) or len(value.strip()) < 3:
            problems.append(f"{name}: {key}: must be a non-empty string, got {value!r}")
    tags = _strings(meta, "tags", name, problems)
    links = _strings(meta, "links", name, problems)
    for link in links:
        if link not in KNOWN_LINKS:
            problems.append(
                f"{name}: links: unknown link {link!r}; allowed: finding codes, phases and "
                "habits of spinewise.education.topics"
            )
    raw_sources = meta.get("sources", [])
    sources: list[Citation] = []
    if not isinstance(raw_sources, list) or not raw_sources:
        problems.append(f"{name}: sources: at least one source is required")
    else:
        for i, entry in enumerate(raw_sources):
            try:
                sources.append(cite(entry, f"{name}: sources[{i}]"))
            except InputError as err:
                problems.extend(err.problems)
        if sources and all(s.status == "design" for s in sources):
            problems.append(f"{name}: sources: at least one must be a publication, not 'design'")
    body = match["body"].strip()
    if not body:
        problems.append(f"{name}: the page has no text after the front matter")
    if problems:
        raise InputError(problems)
    return Page(
        id=str(page_id),
        title=str(meta["title"]).strip(),
        summary=str(meta["summary"]).strip(),
        tags=tags,
        links=links,
        sources=tuple(sources),
        body_md=body + "\n",
    )


def _read_all(files: Iterable[tuple[str, str]]) -> dict[str, Page]:
    pages: dict[str, Page] = {}
    problems: list[str] = []
    for name, text in sorted(files):
        try:
            page = parse_page(text, name)
        except InputError as err:
            problems.extend(err.problems)
            continue
        pages[page.id] = page
    owner: dict[str, str] = {}
    for page in pages.values():
        for link in page.links:
            if link in owner:
                problems.append(
                    f"{page.id}.md: links: {link!r} is already explained by {owner[link]}.md; "
                    "each link has exactly one page"
                )
            owner.setdefault(link, page.id)
    if problems:
        raise InputError(problems)
    return pages


def _packaged_files() -> list[tuple[str, str]]:
    folder: Traversable = resources.files("spinewise.education").joinpath("pages")
    return [
        (f.name, f.read_text(encoding="utf-8")) for f in folder.iterdir() if f.name.endswith(".md")
    ]


@cache
def _load_default() -> dict[str, Page]:
    return _read_all(_packaged_files())


def load_pages(directory: Path | None = None) -> dict[str, Page]:
    """Load and check the education pages, sorted by id.

    Parameters
    ----------
    directory
        A folder of ``*.md`` pages; the packaged pages by default.

    Raises
    ------
    InputError
        One line per problem, naming the file and the field.

    Examples
    --------
    >>> pages = load_pages()
    >>> pages["walking"].title
    'Walking between sessions'
    """
    if directory is None:
        return dict(_load_default())
    if not directory.is_dir():
        raise InputError(f"DIR: not a folder: {directory}")
    files = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.md"))]
    return _read_all(files)


def link_index(pages: Mapping[str, Page]) -> dict[str, str]:
    """Map every link (finding code, phase, habit) to the id of the page that explains it."""
    return {link: page.id for page in pages.values() for link in page.links}


def page_for(link: str, pages: Mapping[str, Page] | None = None) -> str | None:
    """The page id explaining a finding code, phase or habit; None when no page does.

    Examples
    --------
    >>> page_for("sitting_intolerance")
    'movement-breaks'
    >>> page_for("build")
    'phase-build'
    >>> page_for("not_a_code") is None
    True
    """
    return link_index(pages if pages is not None else load_pages()).get(link)


def resolve_topic(topic: str, pages: Mapping[str, Page] | None = None) -> Page:
    """Find a page by its id, or by a finding code, phase or habit it explains.

    Raises
    ------
    InputError
        For an unknown topic, naming the allowed topics.

    Examples
    --------
    >>> resolve_topic("extensor_endurance_low").id
    'extensor-endurance-low'
    """
    pages = pages if pages is not None else load_pages()
    if topic in pages:
        return pages[topic]
    by_link = link_index(pages)
    if topic in by_link:
        return pages[by_link[topic]]
    raise InputError(
        f"TOPIC: unknown topic {topic!r}; allowed: {', '.join(sorted(pages))} "
        "(or a finding code or phase name)"
    )
