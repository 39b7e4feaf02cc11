"""Browser journeys: Playwright drives Debian's Chromium (headless) against a live server.

Never ``playwright install``: the tests use ``/usr/bin/chromium`` and fail (not skip) when it
is missing (``make test`` installs it). Screenshots go to ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from spinewise.settings import Settings
from spinewise.store import create_engine_from_url, ensure_current
from spinewise.web import create_app
from web.web_helpers import FAST_WEB, PASSWORD

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


_DB_URLS: dict[str, str] = {}


def _live_db_url(live_url: str) -> str:
    return _DB_URLS[live_url]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def live_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    folder = tmp_path_factory.mktemp("browser")
    db_url = f"sqlite:///{folder / 'web.db'}"
    engine = create_engine_from_url(db_url)
    ensure_current(engine)
    app = create_app(Settings(), engine=engine, web=FAST_WEB, migrate=False)
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    url = f"http://127.0.0.1:{port}"
    _DB_URLS[url] = db_url
    yield url
    server.should_exit = True
    thread.join(10)
    engine.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.on(
        "response",
        lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    pg.problems = problems
    yield pg
    context.close()


def _shot(page: Any, name: str, full: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def _sign_up(page: Any, url: str, email: str) -> None:
    page.goto(f"{url}/signup")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    _log_in_after_sign_up(page, url, email)


def _log_in_after_sign_up(page: Any, url: str, email: str) -> None:
    # Sign-up never logs in (that would tell whether the address was new): log in now.
    page.wait_for_url(f"{url}/login?created=1&next=/onboarding")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{url}/onboarding")


def _answer_screening(page: Any, yes: set[str]) -> None:
    for fieldset in page.locator("fieldset.question").all():
        name = fieldset.locator("input[type=radio]").first.get_attribute("name")
        fieldset.locator(f"input[value={'yes' if name in yes else 'no'}]").check()


def test_journey_sign_up_to_progress(page: Any, live_url: str) -> None:
    url = live_url
    _sign_up(page, url, "journey@example.org")
    _shot(page, "01-screening")
    _answer_screening(page, set())
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{url}/onboarding/profile")
    page.get_by_label("Name").fill("Robin")
    page.get_by_label("Age [years]").fill("41")
    page.get_by_label("Body mass [kg]").fill("80")
    page.get_by_label("Height [cm]").fill("180")
    # The built-in stopwatch fills the hold time.
    watch = page.locator('[data-stopwatch="tests.trunk_flexor_s"]')
    watch.get_by_role("button", name="Start").click()
    page.wait_for_timeout(1200)
    watch.get_by_role("button", name="Stop").click()
    held = float(page.locator('[id="tests.trunk_flexor_s"]').input_value())
    assert 1.0 <= held < 5.0
    page.locator('[id="tests.trunk_extensor_s"]').fill("90")
    page.locator('[id="schedule.weeks"]').fill("4")
    _shot(page, "02-profile")
    page.get_by_role("button", name="Save and see my assessment").click()
    page.wait_for_url(f"{url}/assessment")
    assert "extensor" in page.content().lower() or "flexor" in page.content().lower()
    _shot(page, "03-assessment")
    page.get_by_role("button", name="Make my plan").click()
    page.wait_for_url(re.compile(r".*/plans/\d+$"), timeout=60_000)
    assert page.locator("section.week").count() == 4
    page.locator("details.why summary").first.click()
    _shot(page, "04-plan")
    page.goto(f"{url}/today")
    page.get_by_label("Back pain right now [0-10]").fill("2")
    page.get_by_role("button", name="Start the session").click()
    page.wait_for_url(re.compile(r".*/sessions/\d+/guide$"))
    timer = page.locator(".timer").first
    timer.get_by_role("button").first.click()
    page.wait_for_timeout(1100)
    assert re.search(r"\d+ s|done", timer.locator("output").inner_text())
    first_set = page.locator("form.set-form").first
    first_set.get_by_label("RPE").fill("7")
    first_set.get_by_role("button", name="Log set").click()
    page.locator(".saved").first.wait_for()
    assert "Saved set 1" in first_set.inner_text()
    _shot(page, "05-guided-session")
    # the player shows one exercise at a time; the finish form is its last step
    onward = page.get_by_role("button", name=re.compile("Next exercise|Finish the session"))
    while onward.is_visible():
        onward.click()
    page.get_by_label("How hard was the whole session? RPE [0-10]").fill("6")
    page.get_by_label("Highest back pain during [0-10]").fill("3")
    page.get_by_label("Back pain now [0-10]").fill("2")
    page.get_by_label("Minutes").fill("35")
    page.get_by_role("button", name="Finish and save").click()
    page.wait_for_url(re.compile(r".*/sessions/\d+/summary$"))
    assert "Training load 210" in page.content()
    page.goto(f"{url}/progress")
    assert "1 sessions and 1 sets logged" in page.content()
    for img in page.locator(".chart img").all():
        assert img.evaluate("i => i.complete && i.naturalWidth > 0")
    _shot(page, "06-progress")
    assert page.problems == [], page.problems  # no CSP violation, no script error


def test_red_flag_user_is_stopped(page: Any, live_url: str) -> None:
    _sign_up(page, live_url, "redflag@example.org")
    _answer_screening(page, {"new_bladder_or_bowel_change"})
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{live_url}/onboarding/stop")
    assert page.get_by_role("heading", name="Get emergency care today").is_visible()
    _shot(page, "07-red-flag-stop")
    page.goto(f"{live_url}/onboarding/profile")
    assert page.url.endswith("/onboarding")
    assert page.problems == [], page.problems


def test_keyboard_and_phone_layout(browser: Any, live_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(f"{live_url}/signup")
    page.keyboard.press("Tab")  # the skip link first
    assert page.evaluate("document.activeElement.className") == "skip"
    focused = []
    for _ in range(12):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.id || document.activeElement.tagName"))
    assert "email" in focused
    assert "password" in focused
    page.focus("#email")
    page.keyboard.type("keys@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    _log_in_after_sign_up(page, live_url, "keys@example.org")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width  # nothing overflows a phone screen
    _shot(page, "08-phone-screening", full=False)
    context.close()


def test_demo_athlete_dashboard_and_progress(page: Any, live_url: str) -> None:
    from datetime import date

    from spinewise.web.demo import DEMO_EMAIL, DEMO_PASSWORD, seed_demo
    from spinewise.web.security import PasswordService

    app_engine = create_engine_from_url(_live_db_url(live_url))
    account = seed_demo(
        app_engine, PasswordService(memory_kib=64, time_cost=1, parallelism=1), date.today()
    )
    again = seed_demo(
        app_engine, PasswordService(memory_kib=64, time_cost=1, parallelism=1), date.today()
    )
    app_engine.dispose()
    assert account.created
    assert account.sessions == 11
    assert not again.created  # idempotent: `make run` twice keeps one demo
    page.goto(f"{live_url}/login")
    page.get_by_label("E-mail").fill(DEMO_EMAIL)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_url}/")
    _shot(page, "09-demo-home")
    page.goto(f"{live_url}/progress")
    assert "11 sessions" in page.content()
    assert "it is " in page.content()  # the 7:28 ratio has its 28 days
    for img in page.locator(".chart img").all():
        assert img.evaluate("i => i.complete && i.naturalWidth > 0")
    _shot(page, "10-demo-progress")
    page.goto(f"{live_url}/plan")
    assert page.locator(".session-card.done").count() == 11
    _shot(page, "11-demo-plan", full=False)
    assert page.problems == [], page.problems
