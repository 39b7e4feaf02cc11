"""One broken requirement as the validator reports it."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Violation"]


@dataclass(frozen=True, order=True)
class Violation:
    """One broken requirement, printed as ``WHERE: REQUIREMENT: message``.

    Attributes
    ----------
    where
        ``plan``, ``week N`` or ``week N session S``.
    requirement
        The requirement's id (:data:`spinewise.planning.requirements.REQUIREMENTS`) or one of the
        validator's own checks of the plan's form
        (:data:`spinewise.planning.checks.registry.VALIDATOR_ONLY`).
    message
        What is wrong, for a developer (exercise ids, field names).
    """

    where: str
    requirement: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.requirement}: {self.message}"
