"""JSON API for background jobs: the state a job page polls."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router
from ninja.security import django_auth

from gaoku.ops.jobs import job_get
from gaoku.ops.models import Job

router = Router(tags=["jobs"])


def job_to_dict(job: Job) -> dict:
    return {
        "id": job.pk,
        "kind": job.kind,
        "state": job.state,
        "state_label": job.get_state_display(),
        "done": len(job.items),
        "total": job.total,
        "attempts": job.attempts,
        "error": job.error,
        "items": job.items,
        "result": job.result,
        "created": job.created_at.isoformat(),
        "finished": job.finished_at.isoformat() if job.finished_at else None,
    }


@router.get("/{job_id}", auth=django_auth, summary="A background job you submitted")
def job_read(request: HttpRequest, job_id: int) -> dict:
    return job_to_dict(job_get(job_id, user=request.auth))
