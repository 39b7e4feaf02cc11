"""No page shows an internal id or an unexplained abbreviation (issue 15).

Every page of the tour (``site_tour.py``: a visitor, a newcomer through the onboarding, the demo
athlete with four weeks of history, the error pages) is fetched with ``TestClient``; the text a
person reads (text, and the ``alt``, ``placeholder``, ``aria-label`` and button values) must hold
no snake_case token, no hex id (a catalogue hash), no catalogue exercise id, and no abbreviation
of :data:`ABBREVIATIONS` unless the page explains it (``<abbr title>`` or the words written out).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from spinewise.catalog import load_catalog
from spinewise.settings import Settings
from spinewise.store import create_engine_from_url, ensure_current
from spinewise.web import create_app
from spinewise.web.demo import DEMO_EMAIL, DEMO_PASSWORD, seed_demo
from spinewise.web.pages import ROUTERS
from spinewise.web.security import PasswordService
from web.site_tour import (
    ERROR_ROUTES,
    FRAGMENTS,
    NOT_PAGES,
    Visit,
    demo_tour,
    logged_out_tour,
    newcomer_tour,
)
from web.web_helpers import FAST_WEB, NOW

#: Abbreviations a person may not know, and the words that explain each one on a page.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "RPE": ("perceived exertion",),
    "RIR": ("reps in reserve", "repetitions in reserve"),
    "ACWR": ("acute", "7:28"),
    "AU": ("arbitrary unit",),
    "1RM": ("one-rep max", "one-repetition maximum", "heaviest single"),
}
SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
HEX_ID = re.compile(r"\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{8,}\b")
_READ_ATTRS = ("alt", "placeholder", "aria-label")
_SKIPPED = frozenset({"script", "style", "template"})


class _Reader(HTMLParser):
    """The text of a page a person reads; which abbreviations it writes as ``<abbr title>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.explained: set[str] = set()
        self._skipping = 0
        self._abbr_title: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in _SKIPPED:
            self._skipping += 1
        if tag == "abbr":
            self._abbr_title = found.get("title") or None
        self.parts += [v for k, v in attrs if k in _READ_ATTRS and v]
        if tag == "input" and found.get("type") in ("submit", "button") and found.get("value"):
            self.parts.append(str(found["value"]))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        if tag == "abbr":
            self._abbr_title = None

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if self._abbr_title:
            self.explained.add(data.strip())
        self.parts.append(data)


def problems_of(html: str) -> list[str]:
    """What a page shows that a person should not have to decode, in plain words."""
    reader = _Reader()
    reader.feed(html)
    text = " ".join(" ".join(reader.parts).split())
    lower = text.lower()
    found = [f"internal name {m!r}" for m in sorted(set(SNAKE.findall(text)))]
    found += [f"hex id {m!r}" for m in sorted(set(HEX_ID.findall(text)))]
    ids = set(load_catalog().ids)
    found += [f"exercise id {w!r}" for w in sorted(set(re.findall(r"[\w-]+", text)) & ids)]
    for short, long_forms in ABBREVIATIONS.items():
        if not re.search(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text):
            continue
        if short in reader.explained or any(words in lower for words in long_forms):
            continue
        found.append(f"abbreviation {short!r} not explained (<abbr title> or {long_forms[0]!r})")
    return found


@dataclass(frozen=True)
class _Seen:
    visit: Visit
    status: int
    final: str
    html: str


class _ClientHttp:
    def __init__(self, client: TestClient) -> None:
        self.client = client

    def get(self, path: str) -> tuple[str, str]:
        r = self.client.get(path)
        return r.url.path, r.text

    def post_form(self, path: str, data: dict[str, str]) -> str:
        return str(self.client.post(path, data=data).url.path)


#: The templates the tour rendered (with the ones they extend and include).
_RENDERED: set[str] = set()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The app on SQLite with the demo athlete."""
    folder: Path = tmp_path_factory.mktemp("plain-words")
    engine = create_engine_from_url(f"sqlite:///{folder / 'web.db'}")
    ensure_current(engine)
    seed_demo(engine, PasswordService(memory_kib=64, time_cost=1, parallelism=1), NOW.date())
    yield create_app(Settings(), engine=engine, web=FAST_WEB, now=lambda: NOW, migrate=False)
    engine.dispose()


@pytest.fixture(scope="module")
def seen(site: Any) -> list[_Seen]:
    app = site
    env = app.state.templates.env
    load = env.get_template

    def recorded(name: Any, *args: Any, **kwargs: Any) -> Any:
        _RENDERED.add(str(name))
        return load(name, *args, **kwargs)

    env.get_template = recorded
    out: list[_Seen] = []
    tours = (
        lambda h: logged_out_tour(h),
        lambda h: newcomer_tour(h, "plain-words@example.org"),
        lambda h: demo_tour(h, DEMO_EMAIL, DEMO_PASSWORD),
    )
    for tour in tours:
        with TestClient(app) as client:
            for visit in tour(_ClientHttp(client)):
                if visit.form is None:
                    r = client.get(visit.url)
                else:
                    r = client.post(visit.url, data=visit.form)
                out.append(_Seen(visit, r.status_code, r.url.path, r.text))
    env.get_template = load
    return out


def test_every_page_route_is_in_the_tour(seen: list[_Seen]) -> None:
    pages = {
        route.path
        for router in ROUTERS
        for route in router.routes
        if "GET" in getattr(route, "methods", set()) and route.path not in NOT_PAGES
    }
    toured = {s.visit.route for s in seen}
    assert pages - toured == set(), "pages nobody visits: add them to site_tour.py"
    assert toured - pages - ERROR_ROUTES == set(), "routes of the tour the app does not have"


def test_every_page_template_is_shown_by_the_tour(seen: list[_Seen]) -> None:
    folder = Path(create_app.__code__.co_filename).parent / "templates"
    pages = {p.name for p in folder.glob("*.html") if not p.name.startswith("_")}
    assert pages - _RENDERED - FRAGMENTS - {"base.html"} == set(), "add them to site_tour.py"


def test_each_page_answers_as_the_tour_expects(seen: list[_Seen]) -> None:
    wrong = [f"{s.visit.who} {s.visit.url}: {s.status}" for s in seen if s.status != s.visit.status]
    wrong += [
        f"{s.visit.who} {s.visit.url}: sent to {s.final}"
        for s in seen
        if s.final == "/login" and not s.visit.url.startswith("/login")
    ]
    assert wrong == []


def test_no_page_shows_an_internal_id_or_an_unexplained_abbreviation(seen: list[_Seen]) -> None:
    found = [
        f"{s.visit.who} {s.visit.url}: {problem}" for s in seen for problem in problems_of(s.html)
    ]
    assert found == [], "\n".join(found)


def test_no_exercise_page_shows_an_internal_id(site: Any) -> None:
    """The tour opens one exercise; its words come from the catalogue, so all are read here."""
    found = []
    with TestClient(site) as client:
        for exercise in load_catalog().ids:
            r = client.get(f"/exercises/{exercise}")
            assert r.status_code == 200, exercise
            found += [f"/exercises/{exercise}: {p}" for p in problems_of(r.text)]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        ("<p>Do back_squat today</p>", "internal name 'back_squat'"),
        ("<p>catalogue 7d2f33ae04a9</p>", "hex id '7d2f33ae04a9'"),
        ("<p>RPE 7</p>", "abbreviation 'RPE' not explained"),
        ('<img alt="core_block">', "internal name 'core_block'"),
    ],
)
def test_the_check_finds_what_a_person_should_not_decode(html: str, problem: str) -> None:
    assert any(p.startswith(problem) for p in problems_of(html)), problems_of(html)


@pytest.mark.parametrize(
    "html",
    [
        '<p><abbr title="rating of perceived exertion">RPE</abbr> 7</p>',
        "<p>How hard it felt (rating of perceived exertion, RPE): 7</p>",
        "<script>let a_b = 1</script><p>Back squat, 8 reps</p>",
        "<p>Total 2026-12-09 at 18:30, 12345678 steps</p>",
    ],
)
def test_the_check_lets_plain_words_pass(html: str) -> None:
    assert problems_of(html) == []
