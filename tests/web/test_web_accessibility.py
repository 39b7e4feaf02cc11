"""axe on every page, desktop and 390 px wide; no page scrolls sideways on a phone (issue 15).

Playwright drives Debian's Chromium against a live server (the fixtures of
``test_web_browser.py``) through the tour of ``site_tour.py``: a visitor, a newcomer through
the onboarding, the demo athlete with four weeks of history, the error pages. On each page axe
(axe-core, bundled by axe-playwright-python) runs with all its rules; a violation of impact
serious or critical fails the test, named by rule, page and element. On the phone, the page must
be no wider than the screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from spinewise.store import create_engine_from_url
from spinewise.web.demo import DEMO_EMAIL, DEMO_PASSWORD, seed_demo
from spinewise.web.security import PasswordService
from web.site_tour import Visit, demo_tour, logged_out_tour, newcomer_tour
from web.test_web_browser import _live_db_url, browser, live_url  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1200, "height": 900}, "phone": {"width": 390, "height": 844}}
BLOCKING = frozenset({"serious", "critical"})
AXE = Axe()
#: What sticks out on the right of a 390 px screen (outside any box that scrolls), widest first;
#: then the boxes whose text overflows them (a long word or address).
_WIDE_ELEMENTS = """() => {
  const name = e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`;
  const clipped = e => { for (let a = e.parentElement; a; a = a.parentElement)
    { if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
  const all = [...document.querySelectorAll('body *')];
  const out = all.filter(e => e.getBoundingClientRect().right > 390.5 && !clipped(e))
    .sort((x, y) => y.getBoundingClientRect().right - x.getBoundingClientRect().right)
    .map(e => `${name(e)} ends at ${Math.round(e.getBoundingClientRect().right)} px`);
  const text = all.filter(e => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0
      && getComputedStyle(e).overflowX === 'visible')
    .map(e => `${name(e)} holds ${e.scrollWidth} px in ${e.clientWidth} px`);
  return out.concat(text).slice(0, 4);
}"""


class _BrowserHttp:
    """The tour's requests through the page's context (its cookies, its log-in)."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base

    def get(self, path: str) -> tuple[str, str]:
        r = self.page.request.get(self.base + path)
        return r.url.removeprefix(self.base).split("?")[0], r.text()

    def post_form(self, path: str, data: dict[str, str]) -> str:
        r = self.page.request.post(self.base + path, form=data)
        return str(r.url.removeprefix(self.base).split("?")[0])


def blocking_violations(page: Any) -> list[str]:
    """axe's serious and critical violations on the page: rule, element, what is wrong."""
    response = AXE.run(page).response
    out = []
    for violation in response["violations"]:
        if violation["impact"] not in BLOCKING:
            continue
        for node in violation["nodes"]:
            target = ", ".join(map(str, node["target"]))
            summary = " ".join(str(node.get("failureSummary", "")).split())
            out.append(
                f"{violation['id']} ({violation['impact']}) at {target}: {summary}"
                f" | {node['html'][:200]}"
            )
    return out


#: Posts a form as the page's own form would (the answer is the next page).
_POST_FORM = """([url, fields]) => {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = url;
  for (const [name, value] of Object.entries(fields)) {
    const field = document.createElement('input');
    field.type = 'hidden';
    field.name = name;
    field.value = value;
    form.appendChild(field);
  }
  document.body.appendChild(form);
  form.submit();
}"""


def _open(page: Any, base: str, visit: Visit) -> Any:
    if visit.form is None:
        return page.goto(base + visit.url)
    with page.expect_navigation() as answer:
        page.evaluate(_POST_FORM, [base + visit.url, visit.form])
    return answer.value


def _check(page: Any, base: str, visit: Visit, kind: str) -> list[str]:
    response = _open(page, base, visit)
    where = f"[{kind}] {visit.who} {'POST ' if visit.form else ''}{visit.url}"
    found = []
    if response is None or response.status != visit.status:
        found.append(f"{where}: status {None if response is None else response.status}")
    if page.url.startswith(f"{base}/login") and not visit.url.startswith("/login"):
        found.append(f"{where}: sent to the log-in page")
    found += _look(page, where, kind)
    if visit.route == "/sessions/{session_id}/guide":  # the player shows one exercise at a time
        onward = page.get_by_role("button", name=re.compile("^(Next exercise|Finish the session)"))
        steps = 1
        while onward.is_visible() and steps < 30:
            onward.click()
            steps += 1
            found += _look(page, f"{where} (step {steps})", kind)
        if steps < 3:
            found.append(f"{where}: the player showed {steps} steps, not each exercise")
    return found


def _look(page: Any, where: str, kind: str) -> list[str]:
    """axe's serious and critical violations and the width on a phone, all <details> open."""
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    found = [f"{where}: {v}" for v in blocking_violations(page)]
    if kind == "phone":
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > VIEWPORTS["phone"]["width"]:  # a phone widens its window to the page
            wide = page.evaluate(_WIDE_ELEMENTS)
            found.append(f"{where}: {width} px wide on a 390 px phone (scrolls sideways): {wide}")
    return found


@pytest.fixture(scope="module")
def demo(live_url: str) -> str:  # noqa: F811
    engine = create_engine_from_url(_live_db_url(live_url))
    seed_demo(engine, PasswordService(memory_kib=64, time_cost=1, parallelism=1), date.today())
    engine.dispose()
    return DEMO_EMAIL


Tour = Callable[[_BrowserHttp], Iterator[Visit]]


@pytest.mark.parametrize("kind", sorted(VIEWPORTS))
def test_axe_finds_nothing_serious_on_any_page(
    browser: Any,  # noqa: F811
    live_url: str,  # noqa: F811
    demo: str,
    kind: str,
) -> None:
    tours: list[Tour] = [
        logged_out_tour,
        lambda h: newcomer_tour(h, f"axe-{kind}@example.org"),
        lambda h: demo_tour(h, demo, DEMO_PASSWORD),
    ]
    found: list[str] = []
    pages = 0
    for tour in tours:
        phone = kind == "phone"
        context = browser.new_context(viewport=VIEWPORTS[kind], is_mobile=phone, has_touch=phone)
        page = context.new_page()
        for visit in tour(_BrowserHttp(page, live_url)):
            found += _check(page, live_url, visit, kind)
            pages += 1
        context.close()
    assert pages > 30
    assert found == [], f"{len(found)} problems:\n" + "\n".join(found)


def test_axe_names_the_rule_and_the_element_it_finds(browser: Any) -> None:  # noqa: F811
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    page.set_content(
        '<!doctype html><html lang="en"><head><title>t</title></head><body><main>'
        '<h1>Planted</h1><button id="nameless"></button>'
        '<p style="color:#ddd;background:#fff">faint words</p></main></body></html>'
    )
    found = blocking_violations(page)
    context.close()
    assert any(v.startswith("button-name (critical) at #nameless") for v in found), found
    assert any(v.startswith("color-contrast (serious)") for v in found), found
