"""Printable HTML rendering of a plan: well-formed, self-contained, escaped, print-ready."""

from __future__ import annotations

from html.parser import HTMLParser

from plan_fixture import all_items, make_plan, minimal_plan, typed

from spinewise.planning.plan import Item
from spinewise.report.plan_format import item_name
from spinewise.report.plan_html import plan_to_html

VOID = {"meta", "link", "br", "hr", "img", "input", "col", "area", "base", "source", "wbr"}


class _Checker(HTMLParser):
    """Records tags and text, and every nesting error (a close tag that does not match)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Checker:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    return checker


def test_well_formed_and_complete() -> None:
    plan = make_plan()
    html = plan_to_html(typed(plan))
    assert html.startswith("<!DOCTYPE html>")
    parsed = _parse(html)
    assert parsed.errors == []
    assert parsed.stack == []
    names = [t for t, _ in parsed.tags]
    assert names.count("section") == 3 + 4  # intro, three weeks, tail, daily habits, learn more
    assert names.count("article") == 6 + 5  # sessions, then the five habits
    text = " ".join(parsed.text)
    for item in all_items(plan):
        assert item_name(Item.from_json(item)) in text
        for why in item["why"]:
            assert why in text


def test_self_contained_without_scripts() -> None:
    html = plan_to_html(typed(make_plan()))
    parsed = _parse(html)
    tags = {t for t, _ in parsed.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed"}
    for _, attrs in parsed.tags:
        assert "src" not in attrs
        href = attrs.get("href")
        assert href is None or href.startswith("#")
        assert not any(k.startswith("on") for k in attrs)  # no inline event handlers
    for remote in ("http://", "https://", "@import", "url("):
        assert remote not in html
    assert ("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}) in (
        parsed.tags
    )


def test_print_stylesheet() -> None:
    html = plan_to_html(typed(make_plan()))
    print_css = html[html.index("@media print") :]
    assert "font-size: 11pt" in print_css
    assert "break-before: page" in print_css
    assert "page-break-before: always" in print_css
    assert "break-inside: avoid" in print_css
    assert "background: transparent !important" in print_css
    assert "thead { display: table-header-group; }" in print_css
    assert '<section class="week" id="week-1">' in html


def test_script_in_athlete_name_is_escaped() -> None:
    plan = make_plan()
    plan["athlete"]["name"] = '<script>alert("x")</script>'
    plan["weeks"][0]["sessions"][0]["blocks"][0]["items"][0]["why"] = ['<img src=x onerror="y">']
    html = plan_to_html(typed(plan))
    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    parsed = _parse(html)
    assert parsed.errors == []
    assert '<script>alert("x")</script>' in " ".join(parsed.text)  # shown as text


def test_minimal_plan_and_determinism() -> None:
    html = plan_to_html(typed(minimal_plan()))
    assert _parse(html).errors == []
    assert "not a medical device and does not diagnose" in html
    assert "Work volume" not in html
    assert "<h2>Daily habits</h2>" not in html
    assert plan_to_html(typed(make_plan())) == plan_to_html(typed(make_plan()))


def test_items_carry_labels_for_phone_cards() -> None:
    html = plan_to_html(typed(make_plan()))
    assert '<td data-label="Dose">3 × 10 s hold per side, +1 set left side</td>' in html
    assert '<td data-label="Tempo">—</td>' in html
    assert "@media screen and (max-width: 40rem)" in html
