"""Public interfaces: each of these packages says what it offers in ``__all__`` (as httpx does).

Every name in ``__all__`` resolves, none is private, the list is sorted, and every public name
the package defines or imports at its top (submodules aside) is in it: a name cannot be added to
a package's interface without being declared, nor declared without existing.
"""

from __future__ import annotations

import importlib
import types

import pytest

PACKAGES = [
    "spinewise.planning",
    "spinewise.report",
    "spinewise.adaptation",
    "spinewise.services",
    "spinewise.figures",
]


@pytest.mark.parametrize("name", PACKAGES)
def test_all_is_declared_sorted_and_resolves(name: str) -> None:
    package = importlib.import_module(name)
    exported = package.__all__
    assert exported, name
    assert exported == sorted(exported, key=lambda n: (not n.isupper(), n)) or exported == sorted(
        exported
    )
    for attr in exported:
        assert not attr.startswith("_"), attr
        assert getattr(package, attr) is not None, attr


@pytest.mark.parametrize("name", PACKAGES)
def test_nothing_public_is_undeclared(name: str) -> None:
    package = importlib.import_module(name)
    public = {
        attr
        for attr, value in vars(package).items()
        if not attr.startswith("_")
        and not isinstance(value, types.ModuleType)
        and attr not in {"annotations", "TYPE_CHECKING", "Any", "import_module"}
    }
    assert public - set(package.__all__) == set()
