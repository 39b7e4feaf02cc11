"""The seed article's unsupported shear-percentage claim never appears in the project."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# "32 %" or "32%" (any spacing) within 120 characters of "shear", either order.
_NUMBER = r"\b32\s*(?:%|per\s*cent|percent)"
CLAIM = re.compile(rf"{_NUMBER}[\s\S]{{0,120}}shear|shear[\s\S]{{0,120}}{_NUMBER}", re.IGNORECASE)
# docs/research holds verbatim copies of the project's research notes, which quote the claim in
# order to refute it ("No source for the 32 % figure was found"); everything else is scanned.
REFUTED_IN = ROOT / "docs" / "research"
SCANNED = sorted(
    p
    for folder in ("src", "docs", "bench")
    for p in (ROOT / folder).rglob("*")
    if p.suffix in {".md", ".toml", ".py", ".json", ".html", ".txt", ".csv"}
    and p.is_file()
    and REFUTED_IN not in p.parents
)


def test_the_detector_catches_the_claim() -> None:
    sample = "isolated training raises lumbar " + "sh" + "ear by up to 3" + "2 %"
    assert CLAIM.search(sample)
    assert CLAIM.search("3" + "2% more " + "sh" + "ear")
    assert not CLAIM.search("a 31.8% reduction in discomfort")


def test_the_scan_covers_the_pages_and_the_code() -> None:
    names = {p.name for p in SCANNED}
    assert {"walking.md", "bibliography.toml", "habits.toml", "build.py"} <= names


@pytest.mark.parametrize("path", SCANNED, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_file_states_the_unsupported_shear_claim(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    match = CLAIM.search(text)
    assert match is None, f"{path}: {match.group(0) if match else ''}"
