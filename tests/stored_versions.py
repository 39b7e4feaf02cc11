"""`spinewise plan validate` on every stored plan version (imported by the tests that store them).

Issue 13, part 4: every plan version a test stores, the planner's and each adapted one, passes
the validator through the command a person would run.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import tomli_w

from spinewise.cli.app import main
from spinewise.store import Engine, list_plans, reading


def stored_versions(engine: Engine, athlete: int) -> list[tuple[int, str]]:
    """``(version, plan JSON)`` of every stored plan version of the athlete, oldest first."""
    with reading(engine) as db:
        return [(p.record.version, p.record.plan.dumps()) for p in list_plans(db, athlete)]


def profile_file(profile: Path | Mapping[str, Any], folder: Path) -> Path:
    """The profile as a file (written as TOML when given as a mapping)."""
    if isinstance(profile, Path):
        return profile
    path = folder / "profile.toml"
    path.write_text(tomli_w.dumps(dict(profile)), encoding="utf-8")
    return path


def assert_every_version_validates(
    versions: Iterable[tuple[int, str]], profile: Path | Mapping[str, Any], folder: Path
) -> int:
    """Run ``spinewise plan validate FILE --profile PROFILE`` on each version; how many ran."""
    prof = profile_file(profile, folder)
    n = 0
    for version, text in versions:
        path = folder / f"plan-v{version}.json"
        path.write_text(text, encoding="utf-8")
        code = main(["plan", "validate", str(path), "--profile", str(prof)])
        assert code == 0, f"stored plan version {version} fails `spinewise plan validate`"
        n += 1
    return n
