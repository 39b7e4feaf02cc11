"""Reading HTML forms: text, numbers and choices, with problems named like the CLI's."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.datastructures import FormData

__all__ = ["FormReader"]


class FormReader:
    """Read typed values from a form, collecting one problem line per bad field."""

    def __init__(self, form: FormData) -> None:
        self.form = form
        self.problems: list[str] = []

    def text(self, name: str) -> str:
        """A text field, trimmed ('' when missing or a file)."""
        value = self.form.get(name)
        return value.strip() if isinstance(value, str) else ""

    def raw(self, name: str) -> str:
        """A text field exactly as sent ('' when missing or a file): passwords keep spaces."""
        value = self.form.get(name)
        return value if isinstance(value, str) else ""

    def number(
        self, name: str, *, whole: bool = False, required: bool = False
    ) -> float | int | None:
        """A number field; blank gives ``None`` (a problem when ``required``)."""
        raw = self.text(name)
        if not raw:
            if required:
                self.problems.append(f"{name}: missing; this field is required")
            return None
        try:
            return int(raw) if whole else float(raw)
        except ValueError:
            kind = "a whole number" if whole else "a number"
            self.problems.append(f'{name}: must be {kind}, got "{raw}"')
            return None

    def yes_no(self, name: str) -> bool | None:
        """A yes/no radio group; unanswered is a problem."""
        raw = self.text(name)
        if raw in ("yes", "no"):
            return raw == "yes"
        self.problems.append(f"{name}: answer yes or no")
        return None

    def many(self, name: str, allowed: Sequence[str]) -> list[str]:
        """The checked boxes of a group, in the allowed order."""
        given = {v for v in self.form.getlist(name) if isinstance(v, str)}
        return [a for a in allowed if a in given]
