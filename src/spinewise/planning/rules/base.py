"""The shape of a rule: one requirement, one module, one ``build``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from spinewise.planning.context import WeekContext
    from spinewise.planning.solver import WeekModel

__all__ = ["Rule"]


class Rule(Protocol):
    """A requirement of the plan, added to one week's model.

    Attributes
    ----------
    id
        The requirement id from :mod:`spinewise.planning.requirements`.
    """

    id: str

    def applies(self, ctx: WeekContext) -> bool:
        """Whether the requirement binds in this week."""
        ...

    def build(self, m: WeekModel) -> None:
        """Add the requirement's constraints to the week's model."""
        ...
