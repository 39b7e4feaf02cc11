"""The contracts the code implements live in the repository (``docs/contracts``).

They are copies of the project's stable interfaces. Where the project's shared folder is beside
the checkout (``../shared/contracts``), the copies must equal it byte for byte; either way the
code must accept what the copies promise: the contract's example profile loads and assesses,
and every tag of the contract's vocabulary is in the packaged one (values may be added, never
renamed or dropped).
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from spinewise.assessment import assess
from spinewise.profile import load_profile

REPO = Path(__file__).resolve().parents[1]
CONTRACTS = REPO / "docs" / "contracts"
SHARED = REPO.parent / "shared" / "contracts"
FILES = ("README.md", "plan.schema.json", "profile.example.toml", "vocabulary.toml")


@pytest.mark.parametrize("name", FILES)
def test_the_copy_is_in_the_repository_and_equals_the_shared_contract(name: str) -> None:
    copy = (CONTRACTS / name).read_bytes()
    assert copy.strip()
    if SHARED.is_dir():  # beside a developer's checkout and in CI; a plain clone has only the copy
        assert copy == (SHARED / name).read_bytes(), f"docs/contracts/{name} is stale"


def test_the_contract_example_profile_loads_and_assesses() -> None:
    profile = load_profile(CONTRACTS / "profile.example.toml")
    assert assess(profile).screening.status == "clear"


def test_every_contract_tag_is_in_the_packaged_vocabulary() -> None:
    contract = tomllib.loads((CONTRACTS / "vocabulary.toml").read_text(encoding="utf-8"))
    packaged = tomllib.loads(
        resources.files("spinewise.catalog").joinpath("data/vocabulary.toml").read_text()
    )
    for section, values in contract.items():
        if isinstance(values, dict):
            assert set(values) <= set(packaged[section]), section


def test_no_source_file_cites_the_shared_folder() -> None:
    """Code and packaged data cite the project's own copies (docs/), never ``../shared``."""
    cited = [
        str(p.relative_to(REPO))
        for p in sorted((REPO / "src").rglob("*"))
        if p.suffix in {".py", ".toml", ".json", ".md", ".html", ".csv"}
        and re.search(r"shared/(contracts|research|ARCHITECTURE)", p.read_text(encoding="utf-8"))
    ]
    assert cited == []
