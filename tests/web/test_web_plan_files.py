"""Plan downloads from the web app: an iCalendar file and a printable page (issue 15, part 3)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from icalendar import Calendar

from web.test_web_pages import PROFILE_FORM, _screen, _signup, _token


def _plan(client: TestClient, email: str) -> str:
    _signup(client, email)
    _screen(client)
    token = _token(client.get("/onboarding/profile").text)
    client.post("/onboarding/profile", data={**PROFILE_FORM, "csrf_token": token})
    r = client.post("/plans/new", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303
    return str(r.headers["location"])


def test_the_plan_page_offers_a_calendar_and_a_printable_plan(client: TestClient) -> None:
    url = _plan(client, "cal@example.org")
    page = client.get(url).text
    assert f'href="{url}/calendar.ics"' in page
    assert f'href="{url}/print"' in page

    ics = client.get(f"{url}/calendar.ics")
    assert ics.status_code == 200
    assert ics.headers["content-type"].startswith("text/calendar")
    assert "attachment" in ics.headers["content-disposition"]
    events = Calendar.from_ical(ics.content).walk("VEVENT")
    # 4 weeks of 2 sessions, each dated although the profile gave no start date
    dated = [e for e in events if str(e["SUMMARY"]).startswith("spinewise W")]
    assert len(dated) == 8, [str(e["SUMMARY"]) for e in events]
    assert len({e.decoded("DTSTART").date() for e in dated}) == 8

    printed = client.get(f"{url}/print")
    assert printed.status_code == 200
    assert printed.headers["content-type"].startswith("text/html")
    assert "script-src" not in printed.headers["content-security-policy"]
    assert "<script" not in printed.text
    assert "Robin" in printed.text
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", re.sub(r"<[^>]+>", " ", printed.text)), (
        "no internal name in the printable plan"
    )


def test_someone_elses_plan_cannot_be_downloaded(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    url = _plan(client, "owner@example.org")
    other = TestClient(app)
    _signup(other, "other@example.org")
    for tail in ("calendar.ics", "print"):
        assert other.get(f"{url}/{tail}").status_code == 404
    assert client.get("/plans/999999/calendar.ics").status_code == 404
