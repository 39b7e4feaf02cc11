"""Browser journeys of the session a person does (issue 15), desktop and 390 px wide.

Playwright drives Debian's Chromium against a live server (the fixtures of
``test_web_browser.py``); each journey saves screenshots to ``test-artifacts/screenshots/``:
a session with the weaker side's extra sets in the guided player; pause, resume and discard;
"this hurts"; the summary after a painful session naming the changes, and what the next session
holds back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest

from web.test_web_browser import SHOTS, browser, live_url  # noqa: F401  (fixtures)
from web.web_helpers import PASSWORD, planned_session_json, profile_data

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1200, "height": 900}
UNEVEN = {
    "side_bridge_left_s": 40,
    "side_bridge_right_s": 70,
    "trunk_flexor_s": 90,
    "trunk_extensor_s": 120,
}


def _context(browser: Any, viewport: dict[str, int]) -> Any:  # noqa: F811
    phone = viewport["width"] < 500
    return browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)


@pytest.fixture(params=["desktop", "phone"])
def page(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:  # noqa: F811
    context = _context(browser, DESKTOP if request.param == "desktop" else PHONE)
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    pg.problems = problems
    pg.kind = request.param
    yield pg
    context.close()


def _shot(page: Any, name: str, full: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{page.kind}.png"), full_page=full)


def _no_sideways_scroll(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    view = page.evaluate("window.innerWidth")
    assert width <= view, f"{page.url} is {width} px wide on a {view} px screen"


def _api(page: Any, method: str, url: str, token: str | None, body: Any = None) -> Any:
    headers = {} if token is None else {"X-CSRF-Token": token}
    r = page.request.fetch(url, method=method, data=body, headers=headers)
    assert r.status < 300, f"{method} {url}: {r.status} {r.text()}"
    return r.json() if r.status != 204 else None


def _person_with_uneven_plan(page: Any, url: str, email: str, *, first_done: bool) -> str:
    """A person whose left side is weaker, with a plan; the CSRF token of the API."""
    _api(page, "POST", f"{url}/api/v1/auth/signup", None, {"email": email, "password": PASSWORD})
    login = _api(
        page, "POST", f"{url}/api/v1/auth/login", None, {"email": email, "password": PASSWORD}
    )
    token = str(login["csrf_token"])
    _api(page, "PUT", f"{url}/api/v1/profile", token, profile_data(tests=UNEVEN))
    _api(page, "POST", f"{url}/api/v1/plans", token, {"weeks": 4})
    # with first_done: the sessions before the first with the weaker side's extra sets are done
    for days_ago in range(9, 0, -1) if first_done else ():
        nxt = _api(page, "GET", f"{url}/api/v1/sessions/next", token)
        if any(it["sets_left"] != it["sets_right"] for it in nxt["items"]) and days_ago < 9:
            break
        started = (datetime.now() - timedelta(days=days_ago)).replace(microsecond=0)
        log = planned_session_json(nxt, started_at=started, during=2, after=1)
        _api(page, "POST", f"{url}/api/v1/logs/sessions", token, log)
    return token


def _start(page: Any, url: str) -> None:
    page.goto(f"{url}/today")
    page.get_by_label("Back pain right now [0-10]").fill("1")
    page.get_by_role("button", name="Start the session").click()
    page.wait_for_url(re.compile(r".*/sessions/\d+/guide.*"))


def _onward(page: Any) -> Any:
    """The player's button to the next step."""
    return page.get_by_role("button", name=re.compile("Next exercise|Finish the session"))


def _to_finish(page: Any) -> None:
    while _onward(page).is_visible():
        _onward(page).click()


def _visible_steps(page: Any) -> int:
    return int(page.locator("[data-step]:visible").count())


def _go_to_step_with(page: Any, text: str) -> None:
    """Press "Next exercise" until the shown exercise contains ``text``."""
    for _ in range(20):
        if page.locator("[data-step]:visible").filter(has_text=text).count():
            return
        _onward(page).click()
    raise AssertionError(f"no exercise with {text!r}")


def test_session_with_the_weaker_sides_extra_sets(page: Any, live_url: str) -> None:  # noqa: F811
    url = live_url
    _person_with_uneven_plan(page, url, f"extra-{page.kind}@example.org", first_done=True)
    _start(page, url)
    nav = page.locator(".player-nav")
    assert nav.is_visible()
    assert _visible_steps(page) == 1  # one exercise at a time
    assert re.search(r"Exercise 1 of \d+ · 0 of \d+ sets logged", nav.inner_text())
    _no_sideways_scroll(page)
    _shot(page, "20-player-first-exercise")
    _go_to_step_with(page, "extra set for the weaker side")
    step = page.locator("[data-step]:visible")
    left = step.locator(".set-label", has_text=re.compile(r"Set \d+ left"))
    right = step.locator(".set-label", has_text=re.compile(r"Set \d+ right"))
    assert left.count() == right.count() + 2
    assert step.locator(".extra").count() == 2
    # log the first set: the rest timer starts by itself, the count moves on
    step.locator("form.set-form").first.get_by_role("button", name="Log set").click()
    step.locator(".saved").first.wait_for()
    page.wait_for_function(
        "document.querySelector('[data-step]:not([hidden]) .timer.rest.running')"
    )
    assert " · 1 of " in nav.inner_text()
    _no_sideways_scroll(page)
    _shot(page, "21-player-extra-sets-and-rest")
    assert page.problems == [], page.problems


def test_pause_resume_and_discard(page: Any, live_url: str) -> None:  # noqa: F811
    url = live_url
    _person_with_uneven_plan(page, url, f"pause-{page.kind}@example.org", first_done=False)
    _start(page, url)
    guide = page.url.split("#")[0]
    first = page.locator("[data-step]:visible h2").inner_text()
    page.locator("[data-step]:visible form.set-form").first.get_by_role(
        "button", name="Log set"
    ).click()
    page.locator("[data-step]:visible .saved").first.wait_for()
    # pause
    page.get_by_role("link", name="Pause and continue later today").click()
    page.wait_for_url(f"{url}/today")
    assert "You have a session in progress" in page.content()
    _no_sideways_scroll(page)
    _shot(page, "22-paused-today")
    # resume: the same session, at the exercise with sets still to log
    page.get_by_role("link", name="Continue it").click()
    page.wait_for_url(re.compile(re.escape(guide) + ".*"))
    assert page.locator("[data-step]:visible h2").inner_text() == first
    assert " · 1 of " in page.locator(".player-nav").inner_text()
    # discard
    _to_finish(page)
    page.get_by_label("Throw away this session and its sets").check()
    _shot(page, "23-discard")
    page.get_by_role("button", name="Discard this session").click()
    page.wait_for_url(f"{url}/today")
    content = page.content()
    assert "You have a session in progress" not in content
    assert "Week 1, session 1" in content  # the same session is next: nothing was used up
    page.goto(f"{url}/sessions")
    assert "No sessions yet" in page.content()
    assert page.problems == [], page.problems


def test_this_hurts(page: Any, live_url: str) -> None:  # noqa: F811
    url = live_url
    _person_with_uneven_plan(page, url, f"hurts-{page.kind}@example.org", first_done=False)
    _start(page, url)
    name = page.locator("[data-step]:visible h2").inner_text().split("\n")[-1].strip()
    page.locator("[data-step]:visible").get_by_role("link", name="This hurts").click()
    page.wait_for_url(re.compile(r".*/swap/.*hurts=1.*"))
    assert "spreads into a leg" in page.content()
    options = page.locator(".swap-options li")
    assert options.count() >= 1
    chosen = options.first.locator("strong").inner_text()
    assert options.first.locator(".hint").inner_text().strip()  # each option says why
    _no_sideways_scroll(page)
    _shot(page, "24-this-hurts", full=True)
    options.first.get_by_role("button", name=f"Do {chosen} instead").click()
    page.wait_for_url(re.compile(r".*/guide#.*"))
    shown = page.locator("[data-step]:visible")
    assert chosen in shown.locator("h2").inner_text()
    planned_name = name.split(" ", 1)[-1]  # after the block's badge
    note = f"Done instead of {planned_name} today, because it hurt."
    assert note in shown.inner_text()
    page.reload()  # the swap is kept with the session, not in the address
    assert note in page.locator("[data-step]:visible").inner_text()
    shown.locator("form.set-form").first.get_by_role("button", name="Log set").click()
    shown.locator(".saved").first.wait_for()
    _shot(page, "25-swapped-in-player")
    assert page.problems == [], page.problems


def test_the_summary_names_the_changes(page: Any, live_url: str) -> None:  # noqa: F811
    url = live_url
    _person_with_uneven_plan(page, url, f"summary-{page.kind}@example.org", first_done=False)
    _start(page, url)
    page.locator("[data-step]:visible form.set-form").first.get_by_role(
        "button", name="Log set"
    ).click()
    page.locator("[data-step]:visible .saved").first.wait_for()
    _to_finish(page)
    page.get_by_label("How hard was the whole session? RPE [0-10]").fill("8")
    page.get_by_label("Highest back pain during [0-10]").fill("7")
    page.get_by_label("Back pain now [0-10]").fill("6")
    page.get_by_role("button", name="Finish and save").click()
    page.wait_for_url(re.compile(r".*/sessions/\d+/summary$"))
    next_time = page.locator(".next-time")
    text = next_time.inner_text()
    assert "What changes next time, and why" in text
    assert "Because pain during the session was 7/10, above 5/10: too much." in text
    assert re.search(r"Lighter: \d+ exercises? ", text)
    assert next_time.locator(".change").count() >= 1
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", page.locator("main").inner_text())
    _no_sideways_scroll(page)
    _shot(page, "26-summary", full=True)
    page.goto(f"{url}/today")
    assert "This session holds back, and why" in page.content()
    _no_sideways_scroll(page)
    _shot(page, "27-next-session-holds-back")
    page.goto(f"{url}/plan")
    assert page.locator(".change-log").is_visible()
    _no_sideways_scroll(page)
    _shot(page, "28-plan-change-log")
    assert page.problems == [], page.problems
