"""A tour of every page of the web app, for the checks that hold on all pages (issue 15).

The tour is written once and walked by two drivers: ``TestClient`` (the plain-words check, fast)
and Playwright (axe and the phone width, ``test_web_accessibility.py``). Each person's tour is a
generator that yields a :class:`Visit` when a page is ready to be looked at and carries on from
there (starting a session, answering the screening) when the caller asks for the next one.

:data:`NOT_PAGES` lists the GET routes that are not pages (files, pictures); every other GET
route of the app's page routers must be visited, so a new page cannot be forgotten
(``test_every_page_route_is_in_the_tour``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from spinewise.profile import SCREENING_FLAGS
from web.web_helpers import PASSWORD

#: GET routes that answer with a file or a picture, not a page a person reads.
NOT_PAGES = frozenset(
    {
        "/data/export.{fmt}",
        "/plans/{plan_id}/calendar.ics",
        "/progress/charts/{name}.svg",
        "/exercises/{exercise_id}/figure.svg",
        "/manifest.webmanifest",
        "/sw.js",
    }
)
#: Templates no tour shows as a page: the fragment HTMX puts into the guided player.
FRAGMENTS = frozenset({"set_saved.html"})
#: Routes of the error pages (no route of the router: what any unknown or wrong address shows).
ERROR_ROUTES = frozenset({"404", "422"})


@dataclass(frozen=True)
class Visit:
    """A page to look at: who looks, the route it comes from, its address, its status.

    With ``form``, the page is the answer to posting that form to ``url`` (a form's problems,
    the page after a retest or after deleting the account).
    """

    who: str
    route: str
    url: str
    status: int = 200
    form: dict[str, str] | None = None


class Http(Protocol):
    """What the tour needs of a driver: GET a page and post a form, following redirects."""

    def get(self, path: str) -> tuple[str, str]:
        """The final path and the HTML of a GET."""
        ...

    def post_form(self, path: str, data: dict[str, str]) -> str:
        """Post a form (the CSRF token is the caller's); the final path."""
        ...


def csrf_token(html: str) -> str:
    """The CSRF token of a page's forms."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found is not None, "the page has no form with a CSRF token"
    return found.group(1)


def _first(pattern: str, html: str, what: str) -> str:
    found = re.search(pattern, html)
    assert found is not None, f"no {what} on the page"
    return found.group(1)


def log_in(http: Http, email: str, password: str = PASSWORD) -> None:
    """Log in through the form."""
    _, html = http.get("/login")
    data = {"email": email, "password": password, "csrf_token": csrf_token(html)}
    assert http.post_form("/login", data) != "/login", f"could not log in as {email}"


def sign_up(http: Http, email: str) -> None:
    """Sign up through the form, then log in."""
    _, html = http.get("/signup")
    data = {"email": email, "password": PASSWORD, "csrf_token": csrf_token(html)}
    http.post_form("/signup", data)
    log_in(http, email)


def _screen(http: Http, red_flag: str | None) -> str:
    _, html = http.get("/onboarding")
    data = {flag: "yes" if flag == red_flag else "no" for flag in SCREENING_FLAGS}
    data["csrf_token"] = csrf_token(html)
    return http.post_form("/onboarding/screening", data)


def _learn_and_library(http: Http, who: str) -> Iterator[Visit]:
    yield Visit(who, "/exercises", "/exercises")
    _, html = http.get("/exercises")
    exercise = _first(r'href="/exercises/([a-z0-9_]+)"', html, "link to an exercise")
    yield Visit(who, "/exercises/{exercise_id}", f"/exercises/{exercise}")
    yield Visit(who, "/learn", "/learn")
    _, html = http.get("/learn")
    for page_id in re.findall(r'href="/learn/([a-z0-9_-]+)"', html):
        yield Visit(who, "/learn/{page_id}", f"/learn/{page_id}")


def logged_out_tour(http: Http) -> Iterator[Visit]:
    """The pages of a visitor who is not logged in, and the error pages."""
    who = "visitor"
    yield Visit(who, "/", "/")
    yield Visit(who, "/login", "/login")
    yield Visit(who, "/login", "/login?created=1&next=/onboarding")
    yield Visit(who, "/signup", "/signup")
    yield from _learn_and_library(http, who)
    yield Visit(who, "404", "/no-such-page", 404)
    yield Visit(who, "404", "/exercises/no_such_exercise", 404)


def newcomer_tour(http: Http, email: str) -> Iterator[Visit]:
    """A person who just signed up: the empty pages and the onboarding steps."""
    who = "newcomer"
    sign_up(http, email)
    for route in ("/", "/onboarding", "/today", "/plans", "/sessions", "/progress", "/retest"):
        yield Visit(who, route, route)
    yield Visit(who, "/account", "/account")
    yield Visit(who, "/data", "/data")
    yield Visit(who, "/checkin", "/checkin")
    _, html = http.get("/onboarding")
    unanswered = {"csrf_token": csrf_token(html)}
    yield Visit(who, "/onboarding", "/onboarding/screening", 422, unanswered)
    assert _screen(http, red_flag=SCREENING_FLAGS[0]) == "/onboarding/stop"
    yield Visit(who, "/onboarding/stop", "/onboarding/stop")
    assert _screen(http, red_flag=None) == "/onboarding/profile"
    yield Visit(who, "/onboarding/profile", "/onboarding/profile")
    _, html = http.get("/onboarding/profile")
    wrong = {"csrf_token": csrf_token(html), "athlete.age": "7", "schedule.weeks": "many"}
    yield Visit(who, "/onboarding/profile", "/onboarding/profile", 422, wrong)
    _, html = http.get("/account")
    gone = {"csrf_token": csrf_token(html), "password": PASSWORD, "confirm": "DELETE"}
    yield Visit(who, "/account", "/account/delete", 200, gone)


def demo_tour(http: Http, email: str, password: str) -> Iterator[Visit]:
    """The demo athlete, with four weeks of history: every page with something on it."""
    who = "demo athlete"
    log_in(http, email, password)
    for route in ("/", "/today", "/plans", "/assessment", "/onboarding", "/retest"):
        yield Visit(who, route, route)
    plan_path, _ = http.get("/plan")
    yield Visit(who, "/plan", "/plan")
    assert re.fullmatch(r"/plans/\d+", plan_path), plan_path
    yield Visit(who, "/plans/{plan_id}", plan_path)
    yield Visit(who, "/plans/{plan_id}/print", f"{plan_path}/print")
    yield Visit(who, "/sessions", "/sessions")
    _, html = http.get("/sessions")
    done = _first(r'href="(/sessions/\d+)"', html, "link to a logged session")
    yield Visit(who, "/sessions/{session_id}", done)
    yield Visit(who, "/sessions/{session_id}/summary", f"{done}/summary")
    yield Visit(who, "/progress", "/progress")
    yield from _learn_and_library(http, who)
    yield Visit(who, "/account", "/account")
    yield Visit(who, "/data", "/data")
    yield Visit(who, "404", "/sessions/999999999", 404)
    yield Visit(who, "422", "/plans/not-a-number", 422)
    _, html = http.get("/today")
    under_way = re.search(r'href="(/sessions/\d+/guide)"', html)
    if under_way is None:
        data = {"pain_before": "1", "csrf_token": csrf_token(html)}
        guide = http.post_form("/today/start", data)
    else:  # the tour's session of an earlier walk
        guide = under_way.group(1)
    assert re.fullmatch(r"/sessions/\d+/guide", guide), guide
    yield Visit(who, "/sessions/{session_id}/guide", guide)
    yield Visit(who, "/today", "/today")  # with a session under way
    _, html = http.get(guide)
    swap = _first(r'href="(/sessions/\d+/swap/[a-z0-9_]+)', html, "swap link")
    yield Visit(who, "/sessions/{session_id}/swap/{exercise_id}", swap)
    yield Visit(who, "/sessions/{session_id}/swap/{exercise_id}", f"{swap}?hurts=1")
    _, html = http.get("/retest")
    fields = re.findall(r'name="(tests\.[a-z_]+)"', html)
    assert fields, "no hold test on the retest page"
    token = csrf_token(html)
    yield Visit(who, "/retest", "/retest", 422, {"csrf_token": token, fields[0]: "-3"})
    yield Visit(who, "/retest", "/retest", 200, {"csrf_token": token, fields[0]: "61"})
    yield from _morning_checkin(http, who)


def _morning_checkin(http: Http, who: str) -> Iterator[Visit]:
    """The morning check-in: its questions, a wrong answer, the advice (then home and today)."""
    yield Visit(who, "/checkin", "/checkin")
    _, html = http.get("/checkin")
    lowest = dict(re.findall(r'name="([a-z_]+)" type="number"[^>]* min="(\d+)"', html))
    assert lowest, "no question on the check-in page"
    token = csrf_token(html)
    wrong = {"csrf_token": token, **lowest, next(iter(lowest)): "-5"}
    yield Visit(who, "/checkin", "/checkin", 422, wrong)
    yield Visit(who, "/checkin", "/checkin", 200, {"csrf_token": token, **lowest})
    yield Visit(who, "/", "/")
    yield Visit(who, "/today", "/today")
