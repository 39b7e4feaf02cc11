"""Exercise pictures in the web app: the figure route, the library, a plan and a guided session."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from fastapi.testclient import TestClient

from spinewise.catalog import load_catalog
from web.test_web_pages import PROFILE_FORM, _screen, _signup, _token

SVG = "{http://www.w3.org/2000/svg}"
IMG = re.compile(
    r'<img class="exercise-figure-small" src="/exercises/([a-z0-9_]+)/figure\.svg" alt="([^"]+)"'
)


def test_figure_route_serves_a_cacheable_svg(lite: TestClient) -> None:
    r = lite.get("/exercises/side_bridge/figure.svg")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("image/svg+xml")
    assert "public" in r.headers["cache-control"]
    assert "max-age=86400" in r.headers["cache-control"]
    assert "default-src 'none'" in r.headers["content-security-policy"]
    root = ET.fromstring(r.text)
    title = root.find(f"{SVG}title")
    assert title is not None
    assert title.text == "Side bridge (side plank): start and end position"
    etag = r.headers["etag"]
    again = lite.get("/exercises/side_bridge/figure.svg", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    other = lite.get("/exercises/bird_dog/figure.svg")
    assert other.headers["etag"] != etag
    assert lite.get("/exercises/no_such_thing/figure.svg").status_code == 404


def test_library_list_and_page_show_the_figure(lite: TestClient) -> None:
    catalog = load_catalog()
    page = lite.get("/exercises").text
    shown = IMG.findall(page)
    assert {i for i, _ in shown} == {ex.id for ex in catalog}
    for ex_id, alt in shown:
        assert alt == f"{catalog.get(ex_id).name}: start and end position".replace("'", "&#39;")
    hints = re.findall(r'<span class="hint">([^<]*)</span>', page)
    assert hints
    assert not [h for h in hints if "_" in h]
    one = lite.get("/exercises/conventional_deadlift").text
    inline = re.search(r'<figure class="exercise-figure">(<svg.*?</svg>)</figure>', one, re.S)
    assert inline is not None
    root = ET.fromstring(inline.group(1))
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Conventional barbell deadlift: start and end position"  # type: ignore[union-attr]


def test_plan_and_guided_session_show_each_item_s_figure(lite: TestClient) -> None:
    _signup(lite, "pictures@example.org")
    _screen(lite)
    token = _token(lite.get("/onboarding/profile").text)
    lite.post("/onboarding/profile", data={**PROFILE_FORM, "csrf_token": token})
    r = lite.post("/plans/new", data={"csrf_token": token}, follow_redirects=False)
    plan = lite.get(r.headers["location"]).text
    linked = re.findall(r'<li><img[^>]*><a href="/exercises/([a-z0-9_]+)">', plan)
    assert linked
    assert '<li><a href="/exercises/' not in plan  # no plan item without its picture
    assert [i for i, _ in IMG.findall(plan)] == linked
    r = lite.post(
        "/today/start", data={"pain_before": "1", "csrf_token": token}, follow_redirects=False
    )
    guide = lite.get(r.headers["location"]).text
    sections = re.findall(
        r'<section class="exercise" id="([a-z0-9_]+)"(.*?)</section>', guide, re.S
    )
    assert sections
    for ex_id, body in sections:
        pictures = IMG.findall(body)
        assert [i for i, _ in pictures] == [ex_id], ex_id
        assert "_" not in pictures[0][1]  # the alt text is the exercise's name, not its id
