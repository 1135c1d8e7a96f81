"""The task the queue carries: a job's id (gaoku.ops.jobs says why nothing more)."""

from __future__ import annotations

from django_tasks import task


@task()
def job_task(job_id: int) -> None:
    from gaoku.ops.jobs import job_execute

    job_execute(job_id)
