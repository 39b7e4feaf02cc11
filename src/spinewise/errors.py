"""The one exception tree of spinewise.

::

    SpinewiseError
    ├── InputError            bad user input: a profile, a file, an option (CLI exit 2)
    │   └── MalformedFileError    an import or CSV file, with file, line and column
    ├── CatalogError          the exercise catalogue data is invalid (CLI exit 1)
    ├── ScreeningStopError         screening did not clear the athlete (CLI exit 3)
    ├── InfeasiblePlanError   no plan satisfies even the relaxed requirements (CLI exit 4)
    ├── PlanInvalidError      a plan breaks a requirement (validator; CLI exit 1)
    └── StoreError            the training log could not be read or written

Every error carries ``problems``: one plain line per problem, naming the field, the value and
what is allowed, so that the CLI and the web app can show each on its own line.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "CatalogError",
    "InfeasiblePlanError",
    "InputError",
    "MalformedFileError",
    "PlanInvalidError",
    "ScreeningStopError",
    "SpinewiseError",
    "StoreError",
]


class SpinewiseError(Exception):
    """Base of every error spinewise raises on purpose.

    Parameters
    ----------
    problems
        One plain-language line per problem.
    """

    exit_code = 1

    def __init__(self, problems: str | Sequence[str]) -> None:
        self.problems: tuple[str, ...] = (
            (problems,) if isinstance(problems, str) else tuple(problems)
        )
        super().__init__("\n".join(self.problems))


class InputError(SpinewiseError):
    """Bad input: each problem names the field, the value and what is allowed."""

    exit_code = 2


class MalformedFileError(InputError):
    """A file that cannot be read: each problem names the file, line and column."""


class CatalogError(SpinewiseError):
    """Invalid catalogue data: each problem reads ``FILE: EXERCISE_ID: FIELD: message``."""

    exit_code = 1


class ScreeningStopError(SpinewiseError):
    """Screening did not clear the athlete; no plan is made."""

    exit_code = 3


class InfeasiblePlanError(SpinewiseError):
    """No plan meets the requirements even after the documented relaxations."""

    exit_code = 4


class PlanInvalidError(SpinewiseError):
    """A plan breaks at least one requirement."""

    exit_code = 1


class StoreError(SpinewiseError):
    """The training log could not be read or written."""

    exit_code = 1
