"""Background jobs of the logged-in athlete: "your plan is being updated", then the result."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel

from spinewise import services
from spinewise.web.api.common import responses
from spinewise.web.deps import CtxDep, CurrentUser

__all__ = ["JobOut", "router"]

router = APIRouter(tags=["jobs"])

_WHAT = {
    "adapt": "Updating your plan after your session",
    "replan": "Re-planning after missed sessions",
    "import": "Importing your history",
    "export": "Exporting your history",
}


class JobOut(BaseModel):
    """One background job, in words and state."""

    what: str
    state: Literal["queued", "running", "done", "failed"]
    attempts: int
    plan_version: int | None = None
    message: str


def job_out(job: services.JobState) -> JobOut:
    """A job as the API shows it."""
    version = None if job.result is None else job.result.get("plan_version")
    if job.state == "done" and job.kind == "import":
        added = 0 if job.result is None else job.result.get("sessions_added", 0)
        message = f"Done: {added} session{'s' if added != 1 else ''} added to your log."
    elif job.state == "done":
        message = f"Done: plan version {version} is ready." if version else "Done: no change."
    elif job.state == "failed" and job.problems:
        what = "This file could not be imported" if job.kind == "import" else "This did not work"
        message = f"{what}: " + " ".join(job.problems)
    elif job.state == "failed":
        message = "This did not work; please try again later."
    elif job.kind == "import":
        message = "Your history is being imported."
    else:
        message = "Your plan is being updated."
    return JobOut(
        what=_WHAT.get(job.kind, "Background work"),
        state=job.state,
        attempts=job.attempts,
        plan_version=version,
        message=message,
    )


@router.get("/jobs", response_model=list[JobOut], responses=responses(401))
def list_jobs(ctx: CtxDep, user: CurrentUser) -> list[JobOut]:
    """Your newest background jobs first (plan updates, imports, exports)."""
    return [job_out(j) for j in services.athlete_jobs(ctx.store, user.athlete_id)]
