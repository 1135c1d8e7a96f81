"""`gaoku worker`: django-tasks-db's worker (or RQ's, with GAOKU_REDIS_URL), with a
heartbeat for the job it runs.

The heartbeat thread touches the running job every few seconds, applies what the search
index's outbox holds (gaoku.search.services) and, now and then,
queues again the jobs whose worker stopped beating (gaoku.ops.jobs.jobs_recover), so a
worker killed midway costs a minute, never the job.
"""

from __future__ import annotations

import logging
import os
import threading

from django.db import close_old_connections, connections
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction
from rq import SimpleWorker

from gaoku.copies.services import readings_prune
from gaoku.live.services import announcements_announce, renewal_reminders_send
from gaoku.live.webhooks import deliveries_rescue
from gaoku.ops import jobs
from gaoku.ops.tasks import tasks_in_database
from gaoku.search.services import index_changes_apply

logger = logging.getLogger(__name__)
BEAT_SECONDS = 5.0
RECOVER_EVERY = 6  # beats


def worker_run(*, once: bool = False, interval: float = 1.0) -> None:
    """Run queued tasks; ``once``: run what is queued, then return."""
    jobs.jobs_recover()
    stop = threading.Event()
    beat = threading.Thread(target=_beat, args=(stop,), name="gaoku-heartbeat", daemon=True)
    beat.start()
    try:
        if tasks_in_database():
            worker = _worker(
                interval=interval,
                batch=once,
                worker_id=f"{os.uname().nodename[:40]}-{os.getpid()}-{get_random_string(6)}",
            )
            if not once:
                worker.configure_signals()
            worker.run()
        else:
            rq_worker().work(burst=once, with_scheduler=True)
    finally:
        stop.set()
        beat.join(timeout=BEAT_SECONDS * 2)


def jobs_run_pending() -> None:
    """Run every queued task here and now, in this thread and this transaction (tests):
    the worker's own loop would close the connection between tasks."""
    worker = _worker(interval=0, batch=True, worker_id=f"inline-{os.getpid()}")
    while True:
        with exclusive_transaction():
            task = DBTaskResult.objects.ready().filter(backend_name="default").get_locked()
            if task is None:
                return
            task.claim(worker.worker_id)
        worker.run_task(task)


def rq_worker() -> SimpleWorker:
    """RQ's worker on the default queue (GAOKU_REDIS_URL), running each task in this
    process rather than a fork of it, beside the heartbeat that watches its job."""
    from django_rq import get_worker

    return get_worker("default", job_class="django_tasks_rq.Job", worker_class=SimpleWorker)


def _worker(*, interval: float, batch: bool, worker_id: str) -> Worker:
    """django-tasks-db's worker on the default queue and backend."""
    return Worker(
        queue_names=["default"],
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


def _beat(stop: threading.Event) -> None:
    beats = 0
    while not stop.wait(BEAT_SECONDS):
        beats += 1
        try:
            close_old_connections()
            if jobs.running_job is not None:
                jobs.heartbeat_touch(jobs.running_job)
            index_changes_apply()
            announcements_announce()
            if beats % RECOVER_EVERY == 0:
                jobs.jobs_recover()
                jobs.jobs_expire()
                readings_prune()
                renewal_reminders_send()
                deliveries_rescue()
        except Exception:
            # A locked or briefly unreachable database: the next beat tries again.
            logger.warning("worker heartbeat failed", exc_info=True)
    connections.close_all()
