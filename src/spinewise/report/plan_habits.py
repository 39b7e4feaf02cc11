"""The display rows of a plan's daily habits, and the careful readers that fill them.

A plan's ``habits`` section (:func:`spinewise.habits.build_habits`, described in
``docs/science/habits.md``) is a typed :class:`spinewise.habits.sections.Habits`; a part that was
missing or unreadable in the stored plan is ``None`` or empty, and is skipped here, never dumped.
:func:`spinewise.report.plan_habits_view.build_habits_view` assembles the rows; each renderer
only lays them out and escapes them.

Examples
--------
>>> from spinewise.habits.sections import Source
>>> source_lines([
...     Source("a", "Doe J (2020). A paper.", "claim one", "C"),
...     Source("a", "Doe J (2020). A paper.", "claim two", "C2"),
...     Source("a", "Doe J (2020). A paper.", "claim one", "C"),
... ])[0].text
'Doe J (2020). A paper. — claim one [C]; claim two [C2]'
>>> lower_first("You have no pain"), lower_first("STarT Back says so")
('you have no pain', 'STarT Back says so')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spinewise.education import load_pages
from spinewise.habits.sections import Source
from spinewise.report import plan_format as fmt

__all__ = [
    "Field",
    "HabitView",
    "HabitsView",
    "Learn",
    "LearnGroup",
    "ListBlock",
    "SourceLine",
    "TableView",
    "learn_link",
    "learn_links",
    "lower_first",
    "minutes",
    "source_lines",
    "strings",
    "text",
]


@dataclass(frozen=True)
class Field:
    """One labelled value (athlete fact, solver figure, habit dose); the label may be empty."""

    label: str
    value: str


@dataclass(frozen=True)
class TableView:
    """A small table of plain text: a caption, column titles and rows of cells."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ListBlock:
    """A titled list of items, each an optional label and its text."""

    title: str
    items: tuple[Field, ...]


@dataclass(frozen=True)
class SourceLine:
    """One publication and every claim it supports here, each with its status in brackets."""

    citation: str
    claims: tuple[str, ...]

    @property
    def text(self) -> str:
        """``Citation — claim [C]; other claim [C2]``."""
        return f"{self.citation} — {'; '.join(self.claims)}" if self.claims else self.citation


@dataclass(frozen=True)
class Learn:
    """An education page: its title (or the topic in words) and its ``spinewise learn`` topic."""

    label: str
    topic: str

    @property
    def command(self) -> str:
        """``spinewise learn TOPIC``."""
        return f"spinewise learn {self.topic}"


@dataclass(frozen=True)
class LearnGroup:
    """Education pages under one heading (``Your findings``, ``Your phases``...)."""

    title: str
    pages: tuple[Learn, ...]


@dataclass(frozen=True)
class HabitView:
    """One daily habit, ready to lay out.

    Attributes
    ----------
    key
        The section's key in ``habits`` (``breathing``, ``movement_breaks``, ``walking``,
        ``recovery``, ``check_in``).
    facts
        How often, how long, the dose: ``facts[0]`` is the one-line summary.
    table
        The dose over time or the menu (walking weeks, breathing phases, break exercises).
    lists
        Further labelled lists (the recovery parts, the check-in's questions and rules).
    """

    key: str
    title: str
    what: str
    facts: tuple[Field, ...]
    table: TableView | None
    lists: tuple[ListBlock, ...]
    why: tuple[str, ...]
    notes: tuple[str, ...]
    learn: tuple[Learn, ...]
    sources: tuple[SourceLine, ...]

    @property
    def summary(self) -> str:
        """The title and the first fact on one line, for short descriptions.

        >>> HabitView("recovery", "Recovery", "", (Field("Rest days", "Sat, Sun"),), None, (),
        ...           (), (), (), ()).summary
        'Recovery: rest days Sat, Sun'
        """
        if not self.facts:
            return self.title
        first = self.facts[0]
        label = "" if first.label in ("", "How often") else f"{first.label.lower()} "
        return f"{self.title}: {label}{first.value}"


@dataclass(frozen=True)
class HabitsView:
    """Everything a renderer shows of a plan's habits.

    Attributes
    ----------
    habits
        The habits present, in reading order, the morning check-in last.
    not_included
        One line per habit left out: ``Walking: not included because ...``.
    learn
        The person's finding and phase pages and the other pages worth reading.
    week_hints
        ``(week, hint)`` for the week-by-week views, e.g. a deload week's shorter walks.
    """

    habits: tuple[HabitView, ...]
    not_included: tuple[str, ...]
    learn: tuple[LearnGroup, ...]
    week_hints: tuple[tuple[int, str], ...]

    def hint(self, week: int) -> str:
        """The hint for one week, or ``""``."""
        return next((h for w, h in self.week_hints if w == week), "")


def text(value: str | None) -> str:
    """A string on one line without surrounding space; ``""`` for None."""
    return " ".join(value.split()) if value is not None else ""


def strings(values: Iterable[str | None]) -> tuple[str, ...]:
    """The non-empty strings, each on one line."""
    return tuple(t for t in (text(v) for v in values) if t)


def minutes(value: int | float) -> str:
    """Minutes as ``5 min``.

    >>> minutes(5), minutes(2.5)
    ('5 min', '2.5 min')
    """
    return f"{fmt.number_text(value)} min"


def lower_first(sentence: str) -> str:
    """The sentence with its first letter in lower case, unless the first word is an acronym."""
    first = sentence.split(" ", 1)[0]
    if first[:1].isupper() and first[1:] == first[1:].lower():
        return sentence[:1].lower() + sentence[1:]
    return sentence


def source_lines(sources: Iterable[Source]) -> tuple[SourceLine, ...]:
    """Citations, one line per publication, each claim once with its status in brackets.

    A source without ``cite`` is shown by its ``ref``, one with neither is skipped. Publications
    keep the order they first appear in.
    """
    claims: dict[str, list[str]] = {}
    for source in sources:
        citation = text(source.cite) or text(source.ref)
        if not citation:
            continue
        found = claims.setdefault(citation, [])
        supports, status = text(source.supports), text(source.status)
        claim = f"{supports} [{status}]" if supports and status else supports or f"[{status}]"
        if claim != "[]" and claim not in found:
            found.append(claim)
    return tuple(SourceLine(citation, tuple(found)) for citation, found in claims.items())


@cache
def _page_titles() -> dict[str, str]:
    return {page_id: page.title for page_id, page in load_pages().items()}


def learn_link(topic: str | None, fallback: str = "") -> Learn | None:
    """The page ``topic`` as a :class:`Learn`, titled from the education library when known.

    >>> learn_link("walking")
    Learn(label='Walking between sessions', topic='walking')
    >>> learn_link("no-such-page", "Something").label, learn_link(None)
    ('Something', None)
    """
    topic = text(topic)
    if not topic or " " in topic:
        return None
    label = _page_titles().get(topic) or fallback or fmt.humanize_key(topic.replace("-", " "))
    return Learn(label, topic)


def learn_links(topics: Iterable[str | None]) -> tuple[Learn, ...]:
    """Each page once, in order; anything that is not a topic id is skipped."""
    seen: dict[str, Learn] = {}
    for topic in topics:
        link = learn_link(topic)
        if link is not None:
            seen.setdefault(link.topic, link)
    return tuple(seen.values())
