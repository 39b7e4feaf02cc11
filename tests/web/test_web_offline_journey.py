"""Browser journey of a guided session without a network (issue 15, decision 0270).

Desktop and 390 px wide, on the live server of ``test_web_browser.py``: the guided session is
opened online (the service worker keeps it), the network goes away, sets are logged (kept on
the phone), the page is reloaded offline (from the kept copy, the sets still shown as kept), the
network comes back and every set is stored exactly once, also when the same queue is sent a
second time. A login that ended while offline keeps the sets until the person logs in again.
Screenshots go to ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from typing import Any

import pytest
import sqlalchemy

from spinewise.store import create_engine_from_url
from web.test_web_browser import _live_db_url, browser, live_url  # noqa: F401  (fixtures)
from web.test_web_journeys import (
    _no_sideways_scroll,
    _onward,
    _person_with_uneven_plan,
    _shot,
    _start,
    page,  # noqa: F401  (fixture: desktop and phone)
)
from web.web_helpers import PASSWORD

pytestmark = pytest.mark.browser

KEPT = "Saved on this phone, will be sent when you're back online"
QUEUE = "spinewise.waiting-sets"
#: What a browser reports about requests it could not make while offline (not app errors).
OFFLINE_NOISE = ("ERR_INTERNET_DISCONNECTED", "Failed to fetch", "net::ERR_FAILED")


def _stored_sets(url: str, session_id: int) -> Counter[tuple[str, int, str]]:
    """How many times each set (exercise, number, side) of the session is in the database."""
    engine = create_engine_from_url(_live_db_url(url))
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sqlalchemy.text(
                    "SELECT exercise_id, set_number, side FROM set_logs WHERE session_id = :s"
                ),
                {"s": session_id},
            ).all()
    finally:
        engine.dispose()
    return Counter((r[0], int(r[1]), str(r[2])) for r in rows)


def _set_values(url: str, session_id: int, key: tuple[str, int, str]) -> tuple[Any, Any]:
    """The stored reps and hold [s] of one set."""
    engine = create_engine_from_url(_live_db_url(url))
    try:
        with engine.connect() as conn:
            row = conn.execute(
                sqlalchemy.text(
                    "SELECT reps, hold_s FROM set_logs WHERE session_id = :s"
                    " AND exercise_id = :e AND set_number = :n AND side = :d"
                ),
                {"s": session_id, "e": key[0], "n": key[1], "d": key[2]},
            ).one()
    finally:
        engine.dispose()
    return row[0], row[1]


def _until(pg: Any, script: str, what: str, timeout_s: float = 15) -> None:
    """Poll ``script`` in the page until it is true (``wait_for_function`` evaluates a string,
    which the Content Security Policy forbids)."""
    deadline = time.monotonic() + timeout_s
    while not pg.evaluate(script):
        assert time.monotonic() < deadline, f"still not {what} after {timeout_s} s"
        pg.wait_for_timeout(100)


def _kept_offline(pg: Any) -> None:
    """Wait until the service worker is in place and keeps this page for use offline."""
    _until(
        pg,
        """async () => {
            if (!navigator.serviceWorker) return false;
            await navigator.serviceWorker.ready;
            return Boolean(await caches.match(location.pathname + location.search));
        }""",
        "kept by the service worker",
    )


def _queue(pg: Any) -> list[dict[str, Any]]:
    return list(pg.evaluate(f"JSON.parse(localStorage.getItem('{QUEUE}') || '[]')"))


def _log_offline(pg: Any, count: int) -> list[tuple[str, int, str]]:
    """Log ``count`` sets of the shown exercises while offline; the sets' keys."""
    logged: list[tuple[str, int, str]] = []
    while len(logged) < count:
        step = pg.locator("[data-step]:visible")
        forms = step.locator("form.set-form")
        for i in range(forms.count()):
            if len(logged) == count:
                break
            form = forms.nth(i)
            form.get_by_role("button", name="Log set").click()
            assert form.locator(".result").inner_text().strip() == KEPT
            logged.append(
                (
                    form.locator('input[name="exercise_id"]').input_value(),
                    int(form.locator('input[name="set_number"]').input_value()),
                    form.locator('input[name="side"]').input_value(),
                )
            )
        if len(logged) < count:
            _onward(pg).click()
    return logged


def _sent(pg: Any) -> None:
    _until(
        pg,
        f"(localStorage.getItem('{QUEUE}') || '[]') === '[]'"
        " && document.querySelector('[data-queue-status]').hidden",
        "sent",
    )


def _app_problems(pg: Any) -> list[str]:
    return [p for p in pg.problems if not any(n in p for n in OFFLINE_NOISE)]


def test_sets_logged_offline_are_sent_once_when_back_online(
    page: Any,  # noqa: F811
    live_url: str,  # noqa: F811
) -> None:
    url = live_url
    _person_with_uneven_plan(page, url, f"offline-{page.kind}@example.org", first_done=False)
    _start(page, url)
    session_id = int(re.findall(r"/sessions/(\d+)/guide", page.url)[0])
    manifest = page.locator('link[rel="manifest"]').get_attribute("href")
    assert manifest == "/manifest.webmanifest"
    _kept_offline(page)
    # no network: three sets are kept on the phone, the page says so
    page.context.set_offline(True)
    assert page.evaluate("navigator.onLine") is False
    logged = _log_offline(page, 3)
    status = page.locator("[data-queue-status]")
    assert "3 sets saved on this phone, will be sent when you're back online." in (
        status.inner_text()
    )
    assert re.search(r" · [1-3] of \d+ sets logged", page.locator(".player-nav").inner_text())
    _no_sideways_scroll(page)
    _shot(page, "27-offline-sets-kept", full=True)
    # reloaded offline: the kept copy of the page, the three sets still shown as kept
    reloaded = page.reload()
    assert reloaded is not None
    assert reloaded.from_service_worker  # not the server: the copy kept on the phone
    assert page.evaluate("navigator.onLine") is False
    assert page.locator(".result", has_text=KEPT).count() == 3
    assert "3 sets saved on this phone" in page.locator("[data-queue-status]").inner_text()
    assert _stored_sets(url, session_id) == Counter()
    _shot(page, "28-offline-reloaded", full=True)
    queue = _queue(page)
    assert len(queue) == 3
    assert len({entry["id"] for entry in queue}) == 3  # one id per set
    # back online: sent by themselves, each stored once
    page.context.set_offline(False)
    _sent(page)
    assert _stored_sets(url, session_id) == Counter(logged)
    assert page.locator(".result", has_text=KEPT).count() == 0
    _shot(page, "29-offline-sets-sent")
    # the first set changed online afterwards
    first = logged[0]
    page.goto(f"{url}/sessions/{session_id}/guide#{first[0]}")
    page.reload()  # the player opens at the exercise the address names
    row = page.locator("[data-step]:visible form.set-form")
    for name, value in zip(("exercise_id", "set_number", "side"), first, strict=True):
        row = row.filter(has=page.locator(f'input[name="{name}"][value="{value}"]'))
    assert row.count() == 1
    row.locator('input[type="number"]').first.fill("3")
    row.get_by_role("button", name="Update").click()
    row.locator(".result", has_text="Saved set").wait_for()
    changed = _set_values(url, session_id, first)
    assert 3 in changed
    # the same queue sent again (a lost answer, a second tab): nothing doubles, and the old
    # copy of the first set does not undo its change
    page.evaluate(f"(q) => localStorage.setItem('{QUEUE}', JSON.stringify(q))", queue)
    page.reload()
    _sent(page)
    assert _stored_sets(url, session_id) == Counter(logged)
    assert _set_values(url, session_id, first) == changed
    assert _app_problems(page) == [], page.problems


def test_a_login_that_ended_keeps_the_sets_until_logged_in_again(
    page: Any,  # noqa: F811
    live_url: str,  # noqa: F811
) -> None:
    url = live_url
    email = f"offline-login-{page.kind}@example.org"
    _person_with_uneven_plan(page, url, email, first_done=False)
    _start(page, url)
    guide = page.url.split("#")[0]
    session_id = int(re.findall(r"/sessions/(\d+)/guide", guide)[0])
    _kept_offline(page)
    page.context.set_offline(True)
    logged = _log_offline(page, 2)
    # the login ends while offline (the cookies are gone), then the network comes back
    page.context.clear_cookies()
    page.context.set_offline(False)
    status = page.locator("[data-queue-status]")
    status.get_by_role("link", name="Log in again").wait_for(timeout=15000)
    assert "2 sets saved on this phone" in status.inner_text()
    assert len(_queue(page)) == 2
    assert _stored_sets(url, session_id) == Counter()
    _shot(page, "30-offline-login-ended", full=True)
    # logging in again sends them
    status.get_by_role("link", name="Log in again").click()
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(re.escape(guide) + ".*"))
    _sent(page)
    assert _stored_sets(url, session_id) == Counter(logged)
    # the one refusal expected: the kept sets sent while logged out (403, CSRF without a login)
    expected = re.compile(r"^403 .*/sets$|status of 403")
    problems = [p for p in _app_problems(page) if not expected.search(p)]
    assert problems == [], page.problems
