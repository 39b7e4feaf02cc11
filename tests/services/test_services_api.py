"""The services' public interface: one ``__all__``, every name there, every use case in it."""

from __future__ import annotations

import importlib
import pkgutil

import spinewise.services as services


def test_all_names_exist_and_are_sorted() -> None:
    assert services.__all__ == sorted(services.__all__, key=lambda n: (not n.isupper(), n))
    for name in services.__all__:
        assert hasattr(services, name), name
        assert not name.startswith("_")


def test_every_use_case_module_exports_through_the_package() -> None:
    """What a use-case module lists in its ``__all__`` is reachable from the package."""
    missing = []
    for info in pkgutil.iter_modules(services.__path__):
        module = importlib.import_module(f"spinewise.services.{info.name}")
        if info.name in {"plancache", "handle"}:
            continue
        for name in getattr(module, "__all__", ()):
            if name.isupper() and name not in services.__all__:
                continue  # constants stay in their module
            if name not in services.__all__:
                missing.append(f"{info.name}.{name}")
    assert missing == []
