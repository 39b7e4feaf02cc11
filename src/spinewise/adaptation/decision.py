"""The answer every adaptation rule gives: a decision, a plain reason, and its source."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

__all__ = ["STATUS_MEANING", "RuleDecision", "Status", "load_rule_data"]

Status = Literal["C", "C2", "U"]

#: What each confirmation status of docs/research/science.md means.
STATUS_MEANING: dict[Status, str] = {
    "C": "confirmed from the source",
    "C2": "confirmed only from a secondary source",
    "U": "unconfirmed",
}


@dataclass(frozen=True)
class RuleDecision:
    """One rule's answer.

    Attributes
    ----------
    rule
        Which rule answered, e.g. ``"pain_during"``.
    decision
        The rule's verdict, a short token such as ``"acceptable"`` or ``"reduce"``.
    reason
        One plain sentence saying why, with the numbers used.
    source
        Where the rule comes from.
    status
        How sure that source is: ``"C"``, ``"C2"`` or ``"U"`` (docs/research/science.md).
    """

    rule: str
    decision: str
    reason: str
    source: str
    status: Status

    @property
    def status_meaning(self) -> str:
        """The status in words, e.g. ``"unconfirmed"``."""
        return STATUS_MEANING[self.status]


@cache
def load_rule_data(filename: str) -> dict[str, Any]:
    """Read a packaged rule data file from ``spinewise/adaptation/data`` (cached)."""
    text = resources.files("spinewise.adaptation").joinpath("data", filename).read_text("utf-8")
    return tomllib.loads(text)
