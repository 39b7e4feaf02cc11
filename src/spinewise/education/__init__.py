"""The education library: short plain-language pages, each with its sources.

Pages are data (``pages/<topic>.md`` with TOML front matter), read by :func:`load_pages` and
rendered by both the CLI (``spinewise learn``) and the web app. Every finding code and every plan
phase has a page (:func:`page_for`); every claim cites the bibliography
(``data/bibliography.toml``).
"""

from spinewise.education.bibliography import Citation, Reference, cite, load_bibliography
from spinewise.education.pages import (
    Page,
    link_index,
    load_pages,
    page_for,
    parse_page,
    resolve_topic,
)
from spinewise.education.topics import FINDING_CODES, HABIT_LINKS, KNOWN_LINKS, PHASES, STATUSES

__all__ = [
    "FINDING_CODES",
    "HABIT_LINKS",
    "KNOWN_LINKS",
    "PHASES",
    "STATUSES",
    "Citation",
    "Page",
    "Reference",
    "cite",
    "link_index",
    "load_bibliography",
    "load_pages",
    "page_for",
    "parse_page",
    "resolve_topic",
]
