"""The shared bibliography (``data/bibliography.toml``) and cited claims.

Pages and habits cite a reference by its key and say which claim it supports and how sure that
claim is; :func:`cite` resolves the key into a :class:`Citation` that carries the full citation.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spinewise.education.topics import STATUSES
from spinewise.errors import InputError

__all__ = ["Citation", "Reference", "cite", "load_bibliography"]


@dataclass(frozen=True)
class Reference:
    """One publication (or the project's own design note).

    Attributes
    ----------
    key
        Short id, e.g. ``pocovi_2024``.
    cite
        The full citation.
    seen
        Where the citation and its claims were confirmed.
    """

    key: str
    cite: str
    seen: str


@dataclass(frozen=True)
class Citation:
    """A claim and the reference that supports it.

    Attributes
    ----------
    ref
        The reference's key.
    cite
        The full citation.
    supports
        Which claim or number it supports.
    status
        ``C``, ``C2``, ``U`` or ``design`` (see :data:`spinewise.education.topics.STATUSES`).
    """

    ref: str
    cite: str
    supports: str
    status: str

    def to_json(self) -> dict[str, str]:
        """The citation as JSON."""
        return {
            "ref": self.ref,
            "cite": self.cite,
            "supports": self.supports,
            "status": self.status,
        }


@cache
def load_bibliography() -> dict[str, Reference]:
    """Load the packaged bibliography, keyed and sorted by reference key.

    Examples
    --------
    >>> load_bibliography()["pocovi_2024"].cite.startswith("Pocovi NC")
    True
    """
    text = (
        resources.files("spinewise.education")
        .joinpath("data/bibliography.toml")
        .read_text(encoding="utf-8")
    )
    raw = tomllib.loads(text)
    out: dict[str, Reference] = {}
    for key in sorted(raw):
        entry = raw[key]
        out[key] = Reference(key, str(entry["cite"]), str(entry["seen"]))
    return out


def cite(entry: Any, where: str) -> Citation:
    """Resolve one ``{ref, supports, status}`` table into a :class:`Citation`.

    Parameters
    ----------
    entry
        The table as read from TOML.
    where
        Names the place in error messages, e.g. ``"pages/walking.md: sources[0]"``.

    Raises
    ------
    InputError
        Naming the field, the value and what is allowed.

    Examples
    --------
    >>> cite({"ref": "edwards_2008", "supports": "sleep and next-day pain", "status": "C"},
    ...      "example").cite[:10]
    'Edwards RR'
    """
    problems: list[str] = []
    if not isinstance(entry, dict):
        raise InputError(f"{where}: must be a table with ref, supports and status")
    unknown = sorted(set(entry) - {"ref", "supports", "status"})
    if unknown:
        problems.append(f"{where}: unknown keys {unknown}; allowed: ref, supports, status")
    bib = load_bibliography()
    ref = entry.get("ref")
    if ref not in bib:
        problems.append(f"{where}.ref: unknown reference {ref!r}; add it to bibliography.toml")
    supports = entry.get("supports")
    if not isinstance(supports, str) or len(supports.strip()) < 3:
        problems.append(f"{where}.supports: must say which claim it supports, got {supports!r}")
    status = entry.get("status")
    if status not in STATUSES:
        problems.append(f"{where}.status: must be one of {', '.join(STATUSES)}, got {status!r}")
    if problems:
        raise InputError(problems)
    return Citation(str(ref), bib[str(ref)].cite, str(supports), str(status))
