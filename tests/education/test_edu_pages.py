"""The education library: coverage of codes and phases, sources, loader errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from spinewise.education import (
    FINDING_CODES,
    HABIT_LINKS,
    KNOWN_LINKS,
    PHASES,
    STATUSES,
    link_index,
    load_bibliography,
    load_pages,
    page_for,
    parse_page,
    resolve_topic,
)
from spinewise.errors import InputError
from spinewise.planning.periodization import PHASES as PLANNER_PHASES

PAGES = load_pages()
PAGE_DIR = Path(__file__).resolve().parents[2] / "src" / "spinewise" / "education" / "pages"

GOOD = """+++
id = "sample"
title = "A sample page"
summary = "One sentence."
tags = ["x"]
links = ["walking"]
sources = [{ ref = "pocovi_2024", supports = "walking helped", status = "C" }]
+++
Body text.
"""


def test_phases_match_the_planner() -> None:
    assert PHASES == PLANNER_PHASES


@pytest.mark.parametrize("code", FINDING_CODES)
def test_every_finding_code_has_a_page(code: str) -> None:
    page_id = page_for(code, PAGES)
    assert page_id is not None, f"no page explains {code}"
    assert code in PAGES[page_id].links


@pytest.mark.parametrize("phase", PHASES)
def test_every_phase_has_its_own_page(phase: str) -> None:
    page_id = page_for(phase, PAGES)
    assert page_id == f"phase-{phase}"
    assert "phase" in PAGES[page_id].tags


@pytest.mark.parametrize("link", HABIT_LINKS)
def test_every_habit_has_a_page(link: str) -> None:
    assert page_for(link, PAGES) in PAGES


@pytest.mark.parametrize(
    "page_id",
    [
        "chain-not-isolation",
        "deload-and-rest",
        "bracing-and-breathing",
        "posture-variety",
        "pain-and-load",
        "when-to-see-a-clinician",
        "walking",
        "sleep-and-recovery",
        "movement-breaks",
    ],
)
def test_the_issue_topics_exist(page_id: str) -> None:
    assert page_id in PAGES


@pytest.mark.parametrize("page_id", sorted(PAGES))
def test_every_page_has_a_published_source(page_id: str) -> None:
    page = PAGES[page_id]
    assert page.sources
    assert any(s.status != "design" for s in page.sources)
    assert all(s.status in STATUSES for s in page.sources)
    assert all(s.ref in load_bibliography() for s in page.sources)


_CITED = re.compile(r"\b([A-Z][\w'\-]+)(?: & [A-Z][\w'\-]+)? ((?:19|20)\d\d)\b")


@pytest.mark.parametrize("page_id", sorted(PAGES))
def test_every_author_year_in_a_page_is_among_its_sources(page_id: str) -> None:
    page = PAGES[page_id]
    text = " ".join(page.body_md.split())
    cited = _CITED.findall(text)
    for name, year in cited:
        assert any(name in s.cite and f"({year})" in s.cite for s in page.sources), (
            f"{page_id}: '{name} {year}' is named in the text but not in its sources"
        )


@pytest.mark.parametrize("page_id", sorted(PAGES))
def test_pages_are_short_and_plain(page_id: str) -> None:
    page = PAGES[page_id]
    words = len(page.body_md.split())
    assert 80 <= words <= 600, f"{page_id}: {words} words"
    assert not page.body_md.lstrip().startswith("# "), "the title is rendered from front matter"


def test_each_link_has_exactly_one_page() -> None:
    owners: dict[str, list[str]] = {}
    for page in PAGES.values():
        for link in page.links:
            owners.setdefault(link, []).append(page.id)
    assert all(len(ids) == 1 for ids in owners.values()), owners
    assert set(owners) <= KNOWN_LINKS


def test_every_bibliography_entry_is_cited_somewhere() -> None:
    habits_toml = (PAGE_DIR.parents[1] / "habits" / "data" / "habits.toml").read_text("utf-8")
    used = {s.ref for page in PAGES.values() for s in page.sources}
    unused = [k for k in load_bibliography() if k not in used and f'"{k}"' not in habits_toml]
    assert unused == []


def test_packaged_pages_are_the_files_on_disk() -> None:
    assert sorted(PAGES) == sorted(p.stem for p in PAGE_DIR.glob("*.md"))


def test_resolve_topic_by_id_code_and_phase() -> None:
    assert resolve_topic("walking", PAGES).id == "walking"
    assert resolve_topic("aggravated_by_impact", PAGES).id == "movement-sensitivity"
    assert resolve_topic("power", PAGES).id == "phase-power"
    with pytest.raises(InputError) as err:
        resolve_topic("not-a-topic", PAGES)
    assert "allowed:" in err.value.problems[0]
    assert "walking" in err.value.problems[0]


def test_parse_page_reads_a_good_page() -> None:
    page = parse_page(GOOD.replace('"sample"', '"sample"'), "sample.md")
    assert page.id == "sample"
    assert page.links == ("walking",)
    assert page.sources[0].cite.startswith("Pocovi")
    assert page.to_json()["body_md"] == "Body text.\n"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("no front matter", "sample.md", "front matter"),
        (GOOD, "other.md", "must match the file name"),
        (GOOD.replace('links = ["walking"]', 'links = ["walkin"]'), "sample.md", "walkin"),
        (GOOD.replace("pocovi_2024", "nobody_1999"), "sample.md", "nobody_1999"),
        (GOOD.replace('status = "C"', 'status = "sure"'), "sample.md", "status"),
        (GOOD.replace('status = "C"', 'status = "design"'), "sample.md", "not 'design'"),
        (
            GOOD.replace(
                'sources = [{ ref = "pocovi_2024", supports = "walking helped", status = "C" }]',
                "sources = []",
            ),
            "sample.md",
            "at least one source",
        ),
        (GOOD.replace("Body text.\n", ""), "sample.md", "no text"),
        (GOOD.replace('tags = ["x"]', 'tags = ["x"]\nauthor = "me"'), "sample.md", "unknown keys"),
    ],
)
def test_parse_page_names_each_problem(text: str, name: str, expected: str) -> None:
    with pytest.raises(InputError) as err:
        parse_page(text, name)
    assert any(expected in line and name in line for line in err.value.problems), err.value


def test_load_pages_from_a_folder_rejects_a_link_with_two_pages(tmp_path: Path) -> None:
    (tmp_path / "sample.md").write_text(GOOD, encoding="utf-8")
    assert list(load_pages(tmp_path)) == ["sample"]
    (tmp_path / "twin.md").write_text(GOOD.replace('"sample"', '"twin"'), encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_pages(tmp_path)
    assert "exactly one page" in str(err.value)


def test_load_pages_rejects_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_pages(tmp_path / "nope")


def test_load_pages_returns_a_fresh_dict() -> None:
    first = load_pages()
    first.pop("walking")
    assert "walking" in load_pages()


def test_link_index_covers_every_known_link() -> None:
    assert set(link_index(PAGES)) == KNOWN_LINKS
