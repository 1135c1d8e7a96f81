"""The tasks the queue carries, and how any of them is queued.

Tasks go to the database (django-tasks-db, the default) or, where one machine is not
enough, to Redis (django-tasks-rq, when ``GAOKU_REDIS_URL`` is set). A task in the
database is written in the transaction that asks for it, so it exists exactly when that
transaction's rows do. Redis is not part of the transaction: a task for it is sent once
the transaction commits, and what a crash loses in between is found again (a job left
queued without a task by gaoku.ops.jobs.jobs_recover, a webhook's deliveries by
gaoku.live.webhooks.deliveries_rescue, a slot plan by its first reader).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django_tasks import task
from django_tasks.base import Task


@task()
def job_task(job_id: int) -> None:
    from gaoku.ops.jobs import job_execute

    job_execute(job_id)


def tasks_in_database() -> bool:
    return not settings.GAOKU_REDIS_URL


def task_enqueue(task: Task, *args: object, queued: Callable[[str], None] | None = None) -> None:
    """Queue ``task(*args)`` with the current transaction (see the module docstring);
    ``queued`` is given the task's id once it is queued."""

    def send() -> None:
        result = task.enqueue(*args)
        if queued is not None:
            queued(str(result.id))

    if tasks_in_database():
        send()
    else:
        transaction.on_commit(send)
