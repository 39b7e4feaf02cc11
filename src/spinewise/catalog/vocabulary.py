"""The controlled vocabulary of the catalogue's tags.

The project's copy lives in ``data/vocabulary.toml``; it starts from the contract in
``docs/contracts/vocabulary.toml`` and may add values, never rename or drop one.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

__all__ = ["TAG_FIELDS", "Vocabulary", "load_vocabulary", "vocabulary_data", "vocabulary_from_data"]

#: The exercise fields whose values come from a vocabulary section of the same name
#: (``regions`` keys, ``blocks`` a list of block kinds).
TAG_FIELDS: tuple[str, ...] = (
    "regions",
    "qualities",
    "planes",
    "patterns",
    "laterality",
    "integration",
    "loading",
    "equipment",
    "sensitivities",
    "blocks",
)


@dataclass(frozen=True)
class Vocabulary:
    """Every allowed tag, by section, with its meaning.

    Attributes
    ----------
    sections
        Section name to ``{tag: meaning}``.
    key_regions
        Regions that every week of training must cover.
    weekly_qualities
        Qualities that every full training week trains.
    """

    sections: MappingProxyType[str, MappingProxyType[str, str]]
    key_regions: tuple[str, ...]
    weekly_qualities: tuple[str, ...]

    def values(self, section: str) -> tuple[str, ...]:
        """Return the allowed tags of one section, in file order."""
        return tuple(self.sections[section])

    def allows(self, section: str, tag: str) -> bool:
        """Tell whether ``tag`` is an allowed value of ``section``."""
        return tag in self.sections.get(section, MappingProxyType({}))


def _meaning(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("means", ""))
    return str(value)


# I/O edge: ``raw`` is the parsed vocabulary TOML file.
def vocabulary_from_data(raw: dict[str, Any]) -> Vocabulary:
    """The vocabulary of a parsed vocabulary file (:func:`vocabulary_data`)."""
    sections = {
        name: MappingProxyType({tag: _meaning(v) for tag, v in body.items()})
        for name, body in raw.items()
        if isinstance(body, dict)
    }
    key_regions = tuple(
        t for t, v in raw["regions"].items() if isinstance(v, dict) and v.get("key") is True
    )
    weekly = tuple(
        t for t, v in raw["qualities"].items() if isinstance(v, dict) and v.get("weekly") is True
    )
    return Vocabulary(MappingProxyType(sections), key_regions, weekly)


@cache
def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """Load the vocabulary (the packaged copy unless ``path`` is given).

    Examples
    --------
    >>> vocab = load_vocabulary()
    >>> "multifidus" in vocab.key_regions
    True
    >>> vocab.allows("planes", "transverse")
    True
    """
    return vocabulary_from_data(vocabulary_data(path))


# I/O edge: the parsed TOML document.
def vocabulary_data(path: Path | None = None) -> dict[str, Any]:
    """The vocabulary file as parsed (the packaged copy unless ``path`` is given)."""
    if path is None:
        text = resources.files("spinewise.catalog").joinpath("data/vocabulary.toml").read_text()
    else:
        text = path.read_text(encoding="utf-8")
    return tomllib.loads(text)
