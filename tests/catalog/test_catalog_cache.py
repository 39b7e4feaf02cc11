"""The checked catalogue kept as JSON in the cache folder (decision 0130, amended).

The cache gives the same catalogue as the TOML files, is read instead of them while nothing
changes, is rebuilt when a data or source file changes or when the file is damaged, is never
written for a catalogue with problems, and is skipped when the folder cannot be written.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from spinewise.catalog import catalog as catalog_module
from spinewise.catalog import load_catalog
from spinewise.catalog.cache import KEEP, CachedCatalog, cache_key, cached
from spinewise.catalog.loader import default_data_dir
from spinewise.errors import CatalogError


class Builds:
    """The real build (TOML files read and checked), counting its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> CachedCatalog:
        self.calls += 1
        return catalog_module._check_default()


def test_the_cache_holds_the_catalogue_the_files_give_and_is_read_instead_of_them(
    tmp_path: Path,
) -> None:
    build = Builds()
    first = cached(build, tmp_path)
    [written] = tmp_path.glob("catalog-*.json")
    again = cached(build, tmp_path)
    assert build.calls == 1  # the second start read the file
    from_files = catalog_module._load(default_data_dir())
    assert again.exercises == first.exercises == from_files.exercises
    assert again.version == from_files.version
    assert catalog_module.vocabulary_from_data(again.vocabulary) == from_files.vocabulary
    assert written.stat().st_size > 10_000


def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path) -> None:
    build = Builds()
    cached(build, tmp_path)
    [written] = tmp_path.glob("catalog-*.json")
    text = written.read_text()
    # a level outside 1 to 5 does not pass validation; a cut file is not JSON
    for damaged in (text.replace('"level":2', '"level":9', 1), text[: len(text) // 2]):
        written.write_text(damaged)
        assert cached(build, tmp_path).exercises == load_catalog().exercises
    assert build.calls == 3
    assert written.read_text() == text


def test_the_key_changes_with_any_data_or_source_file(tmp_path: Path) -> None:
    package = tmp_path / "catalog"
    shutil.copytree(Path(catalog_module.__file__).parent, package)
    before = cache_key(package)
    assert cache_key(package) == before
    data = sorted((package / "data" / "exercises").glob("*.toml"))[0]
    data.write_text(data.read_text() + "\n# a comment\n")
    after_data = cache_key(package)
    source = package / "check.py"
    source.write_text(source.read_text() + "\n# a comment\n")
    after_source = cache_key(package)
    assert len({before, after_data, after_source}) == 3


def test_a_catalogue_with_problems_is_never_cached(tmp_path: Path) -> None:
    def broken() -> CachedCatalog:
        raise CatalogError(["ex.toml: x: level: too high"])

    with pytest.raises(CatalogError):
        cached(broken, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    build = Builds()
    assert cached(build, blocked / "cache").exercises == load_catalog().exercises
    assert cached(build, blocked / "cache").exercises == load_catalog().exercises
    assert build.calls == 2


def test_only_the_newest_cache_files_are_kept(tmp_path: Path) -> None:
    old = [tmp_path / f"catalog-{n:032x}.json" for n in range(KEEP + 2)]
    for n, path in enumerate(old):
        path.write_text("{}")
        os.utime(path, (1_000_000 + n, 1_000_000 + n))
    cached(Builds(), tmp_path)
    kept = set(tmp_path.glob("catalog-*.json"))
    assert len(kept) == KEEP
    assert set(old[-(KEEP - 1) :]) < kept  # the newest older ones, and the one just written
