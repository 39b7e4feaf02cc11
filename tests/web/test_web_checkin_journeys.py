"""Browser journeys of the morning check-in, "Recommended for you" and the retest (decision 0271),
desktop and 390 px wide, with the fixtures of ``test_web_journeys.py``.

Each journey saves screenshots to ``test-artifacts/screenshots/`` (``40-`` to ``49-``).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from web.test_web_browser import browser, live_url  # noqa: F401  (fixtures)
from web.test_web_journeys import (
    UNEVEN,
    _no_sideways_scroll,
    _person_with_uneven_plan,
    _shot,
    page,  # noqa: F401  (fixture: desktop and phone)
)

pytestmark = pytest.mark.browser


def test_morning_checkin_from_the_home_page_to_its_guidance(
    page: Any,  # noqa: F811
    live_url: str,  # noqa: F811
) -> None:
    url = live_url
    _person_with_uneven_plan(page, url, f"checkin-{page.kind}@example.org", first_done=False)
    page.goto(f"{url}/")
    card = page.locator("section", has=page.get_by_role("heading", name="Morning check-in"))
    card.get_by_role("link", name="Check in").click()
    page.wait_for_url(f"{url}/checkin")
    _shot(page, "40-checkin-questions", full=True)
    page.get_by_label("How many hours did you sleep last night?").fill("5")
    page.get_by_label("How sore are your muscles?").fill("9")
    page.get_by_label("How much does your back hurt this morning?").fill("6")
    page.get_by_role("button", name="See today's advice").click()
    # the wrong answer is named next to its question, with what is allowed; the others stay
    error = page.locator("#soreness-error")
    assert error.inner_text() == (
        'Muscle soreness: "9" is not allowed; give a whole number from 1 (not at all) to 5 '
        "(very sore)."
    )
    assert page.get_by_label("How many hours did you sleep last night?").input_value() == "5"
    _no_sideways_scroll(page)
    _shot(page, "41-checkin-error-next-to-its-field", full=True)
    page.problems.clear()  # the 422 of the wrong answer is expected
    page.get_by_label("How sore are your muscles?").fill("2")
    page.get_by_role("button", name="See today's advice").click()
    page.wait_for_url(re.compile(r".*/checkin(#guidance)?$"))
    guidance = page.locator("#guidance")
    assert guidance.get_by_role("heading").inner_text() == "Skip the loaded exercises today"
    words = guidance.inner_text()
    assert "above 5/10" in words
    assert "do not do today's session" in words
    assert "You slept 5 hours" in words
    assert guidance.get_by_role("link", name=re.compile("Read: Pain and load")).count() == 1
    _no_sideways_scroll(page)
    _shot(page, "42-checkin-guidance", full=True)
    page.get_by_role("link", name="Back to the home page").click()
    page.wait_for_url(f"{url}/")
    assert "You checked in this morning: Skip the loaded exercises today" in page.inner_text("main")
    assert page.problems == [], page.problems


def test_recommended_for_you_is_on_the_home_page_and_its_links_work(
    page: Any,  # noqa: F811
    live_url: str,  # noqa: F811
) -> None:
    url = live_url
    _person_with_uneven_plan(page, url, f"for-you-{page.kind}@example.org", first_done=False)
    page.goto(f"{url}/")
    block = page.locator("section.for-you")
    block.scroll_into_view_if_needed()
    assert block.get_by_role("heading", name="Recommended for you").is_visible()
    words = block.inner_text()
    assert re.search(r"Your next session: week 1, session 1", words)
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", words), words  # no snake_case, no ids
    _no_sideways_scroll(page)
    _shot(page, "45-recommended-for-you", full=True)
    also = block.locator("h3:has-text('You may also like') + ul > li > a")
    assert also.count() >= 1
    name = also.first.inner_text()
    also.first.click()
    page.wait_for_url(re.compile(r".*/exercises/[^/]+$"))
    assert page.get_by_role("heading", level=1).inner_text().startswith(name)
    _shot(page, "46-recommended-exercise-page")
    page.go_back()
    page.locator("section.for-you").get_by_role("link", name="Open it").click()
    page.wait_for_url(f"{url}/today")
    assert page.get_by_role("button", name="Start the session").is_visible()
    assert page.problems == [], page.problems


def test_retest_starts_from_the_stored_profile(
    page: Any,  # noqa: F811
    live_url: str,  # noqa: F811
) -> None:
    url = live_url
    _person_with_uneven_plan(page, url, f"retest-{page.kind}@example.org", first_done=False)
    page.goto(f"{url}/retest")
    left = page.locator("input[name='tests.side_bridge_left_s']")
    flexor = page.locator("input[name='tests.trunk_flexor_s']")
    assert left.input_value() == f"{UNEVEN['side_bridge_left_s']:g}"
    assert flexor.input_value() == f"{UNEVEN['trunk_flexor_s']:g}"
    assert page.locator("input[name='tests.trunk_extensor_s']").input_value() == (
        f"{UNEVEN['trunk_extensor_s']:g}"
    )
    _no_sideways_scroll(page)
    _shot(page, "48-retest-from-stored-profile", full=True)
    left.fill("66")
    page.get_by_role("button", name="Save the retest and update my plan").click()
    page.wait_for_selector("h1:has-text('Retest saved')")
    lead = page.locator("p.lead").inner_text()
    assert "side-bridge" in lead.lower() or "side bridge" in lead.lower(), lead
    assert "40 s -> 66 s" in lead, lead
    _shot(page, "49-retest-re-planned", full=True)
    link = page.get_by_role("link", name="See your updated plan")
    if link.count():
        link.click()
        page.wait_for_url(re.compile(r".*/plans/\d+$"))
    assert page.problems == [], page.problems
