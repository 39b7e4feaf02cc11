"""What the API modules share: error responses for the OpenAPI document, id parameters."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path

from spinewise.web.schemas import ProblemDetail

__all__ = ["PROBLEMS", "PlanId", "SessionId", "responses"]

#: Plan ids are 32-bit; session ids 64-bit (both kept well inside SQLite's integer range).
# The contract names these path parameters `{id}` (docs/contracts/README.md).
PlanId = Annotated[int, Path(alias="id", ge=1, le=2**31 - 1, description="The plan's id.")]
SessionId = Annotated[int, Path(alias="id", ge=1, le=2**62, description="The session's id.")]

_TEXT = {
    401: "Not logged in.",
    403: "CSRF token missing or wrong.",
    404: "No such object of yours.",
    409: "Screening did not clear: no plan is made.",
    413: "The request body or the file is larger than allowed.",
    422: "Invalid input: one message per field, naming the value and what is allowed.",
    429: "Too many attempts (failed password checks or sign-ups); see Retry-After.",
}
#: I/O edge: OpenAPI response objects, in the shape FastAPI's ``responses=`` takes them.
PROBLEMS: dict[int | str, dict[str, Any]] = {
    code: {"model": ProblemDetail, "description": text} for code, text in _TEXT.items()
}


def responses(*codes: int) -> dict[int | str, dict[str, Any]]:  # I/O edge, as PROBLEMS
    """The error responses of a route, for the OpenAPI document."""
    return {code: PROBLEMS[code] for code in codes}
