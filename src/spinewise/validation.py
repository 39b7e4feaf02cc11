"""Pydantic validation errors as plain lines: ``field.path: what is allowed, got value``.

Every input model of spinewise (the profile; later plan requests) reports bad input the same
way: one line per problem, naming the field, what is allowed and the value given, with values
written as in TOML (``"text"``, ``true``, ``9``).

Examples
--------
>>> from pydantic import BaseModel, ConfigDict, Field, ValidationError
>>> class Week(BaseModel):
...     model_config = ConfigDict(extra="forbid")
...     days: int = Field(ge=1, le=7)
>>> try:
...     Week.model_validate({"days": 9, "colour": "red"})
... except ValidationError as exc:
...     for line in problem_lines(exc, {"days": (1, 7)}):
...         print(line)
days: must be 1 to 7, got 9
colour: unknown field
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Annotated, Any

from pydantic import AfterValidator, Field, ValidationError
from pydantic_core import ErrorDetails

__all__ = [
    "Text",
    "Text40",
    "Text120",
    "Text200",
    "Text500",
    "Text5000",
    "check_text",
    "problem_lines",
    "show_value",
]


def check_text(value: str) -> str:
    r"""Refuse text that no database column can store: NUL and lone surrogates.

    PostgreSQL refuses the NUL character in text, and a lone UTF-16 surrogate (which JSON's
    ``\udXXX`` escapes can produce) cannot be encoded as UTF-8 at all.

    >>> check_text("bird dog")
    'bird dog'
    >>> check_text("a\x00b")
    Traceback (most recent call last):
    ...
    ValueError: must not contain the NUL character (\x00)
    """
    if "\x00" in value:
        raise ValueError("must not contain the NUL character (\\x00)")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode text (it holds a lone surrogate)") from None
    return value


_CLEAN = AfterValidator(check_text)
#: Text a person typed or a file held, safe for every column (no NUL, no lone surrogate). The
#: sized forms match the columns they are stored in (``String(N)``; notes are ``Text`` columns
#: held to 5,000 characters so that one request stays small).
Text = Annotated[str, _CLEAN]
Text40 = Annotated[str, Field(max_length=40), _CLEAN]
Text120 = Annotated[str, Field(max_length=120), _CLEAN]
Text200 = Annotated[str, Field(max_length=200), _CLEAN]
Text500 = Annotated[str, Field(max_length=500), _CLEAN]
Text5000 = Annotated[str, Field(max_length=5000), _CLEAN]


#: The longest text an error message repeats back [characters].
_SHOWN_CHARS = 80
#: The most list items an error message repeats back.
_SHOWN_ITEMS = 10


def show_value(value: Any) -> str:
    """Render a value the way it would be written in TOML.

    Examples
    --------
    >>> show_value("x"), show_value(True), show_value([1, 2.5]), show_value({"a": 1})
    ('"x"', 'true', '[1, 2.5]', 'a table')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= _SHOWN_CHARS else value[:_SHOWN_CHARS] + "…"
        # A lone surrogate cannot be sent back as UTF-8: show it escaped.
        shown = shown.encode("utf-8", "backslashreplace").decode("utf-8")
        return json.dumps(shown, ensure_ascii=False)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list | tuple):
        more = ", …" if len(value) > _SHOWN_ITEMS else ""
        return "[" + ", ".join(show_value(v) for v in value[:_SHOWN_ITEMS]) + more + "]"
    return repr(value)


def _path(loc: Sequence[int | str]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _line(
    err: ErrorDetails,
    ranges: Mapping[str, tuple[float, float]],
    count_hints: Mapping[str, str],
) -> str:
    kind = str(err["type"])
    loc = tuple(err["loc"])
    ctx = err.get("ctx") or {}
    path = _path(loc)
    bare = ".".join(p for p in loc if isinstance(p, str))
    got = f", got {show_value(err.get('input'))}"
    if kind == "missing":
        return f"{path}: missing; this field is required"
    if kind == "extra_forbidden":
        return f"{path}: unknown field"
    if kind in {"greater_than_equal", "less_than_equal"} and bare in ranges:
        lo, hi = ranges[bare]
        return f"{path}: must be {_num(lo)} to {_num(hi)}{got}"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"{path}: must be a whole number{got}"
    if kind in {"float_type", "float_parsing"}:
        return f"{path}: must be a number{got}"
    if kind in {"bool_type", "bool_parsing"}:
        return f"{path}: must be true or false{got}"
    if kind == "string_type":
        return f"{path}: must be text{got}"
    if kind == "string_too_short":
        return f"{path}: must not be empty"
    if kind == "string_too_long":
        return f"{path}: must be at most {ctx.get('max_length')} characters long"
    if kind == "literal_error":
        return f"{path}: must be {ctx.get('expected')}{got}"
    if kind in {"tuple_type", "list_type"}:
        return f"{path}: must be a list{got}"
    if kind in {"too_short", "too_long"}:
        if bare in count_hints:
            return f"{path}: {count_hints[bare]}{got}"
        bound = (
            f"at least {ctx.get('min_length')}"
            if kind == "too_short"
            else f"at most {ctx.get('max_length')}"
        )
        return f"{path}: must list {bound} value(s){got}"
    if kind.startswith("date"):
        return f"{path}: must be a date such as 2026-12-07{got}"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"{path or 'input'}: must be a table{got}"
    if kind == "value_error":
        return f"{path}: {str(err['msg']).removeprefix('Value error, ')}"
    return f"{path}: {err['msg']}{got}"


def problem_lines(
    exc: ValidationError,
    ranges: Mapping[str, tuple[float, float]] | None = None,
    count_hints: Mapping[str, str] | None = None,
) -> list[str]:
    """Turn a pydantic ``ValidationError`` into one plain line per problem, in field order.

    Parameters
    ----------
    exc
        The error raised by ``model_validate``.
    ranges
        Inclusive ``(low, high)`` of numeric fields by dotted path, so that a range error
        names both ends: ``days: must be 1 to 7, got 9``.
    count_hints
        Messages for list-length errors by dotted path, e.g.
        ``{"start_back.items": "must have exactly 8 answers"}``.
    """
    lines = [_line(e, ranges or {}, count_hints or {}) for e in exc.errors(include_url=False)]
    return list(dict.fromkeys(lines))
