"""Background tasks in Redis (GAOKU_REDIS_URL, django-tasks-rq): a job's task is sent once
its row is committed, RQ's worker runs it, and a job whose task was lost between its commit
and Redis is queued again. Needs the Redis that `.ci/run` starts (skipped without one)."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
import redis
from django.utils import timezone

from gaoku.core.generator import generate_document
from gaoku.library.models import Material
from gaoku.ops.jobs import job_submit, jobs_recover
from gaoku.ops.models import Job
from gaoku.ops.worker import rq_worker
from tests.conftest import account

pytestmark = pytest.mark.django_db
URL = "redis://127.0.0.1:6379/13"  # a database of its own, emptied around each test


@pytest.fixture
def in_redis(settings):
    server = redis.Redis.from_url(URL)
    try:
        server.ping()
    except redis.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    server.flushdb()
    settings.GAOKU_REDIS_URL = URL
    settings.RQ_QUEUES = {"default": {"URL": URL}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    yield server
    server.flushdb()


def _queued(server: redis.Redis) -> int:
    return server.llen("rq:queue:default")


def _import_job(seed: int) -> Job:
    text = io.BytesIO(generate_document(seed).text.encode())
    return job_submit(
        kind=Job.Kind.IMPORT, by=account("editor"), params={"metadata": {}}, files=[("a.txt", text)]
    )


def test_a_jobs_task_goes_to_redis_when_the_job_is_committed_and_rqs_worker_runs_it(
    in_redis, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as sent:
        job = _import_job(3)
        assert _queued(in_redis) == 0 and job.task_id == ""  # not before the commit
    for send in sent:
        send()
    assert _queued(in_redis) == 1
    job.refresh_from_db()
    assert job.task_id
    with django_capture_on_commit_callbacks(execute=True):
        rq_worker().work(burst=True)
    job.refresh_from_db()
    assert job.state == "done" and len(job.items) == 1
    assert Material.objects.count() == 1
    assert _queued(in_redis) == 1  # the new version's slot plan, queued by the import
    rq_worker().work(burst=True)
    assert _queued(in_redis) == 0
    assert Material.objects.get().current.slot_plans.count() == 1


def test_a_job_whose_task_never_reached_redis_is_queued_again(
    in_redis, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks():  # the process dies before they run
        job = _import_job(4)
    assert _queued(in_redis) == 0
    assert jobs_recover() == 0  # a minute's grace: the task may be on its way
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(minutes=2))
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs_recover() == 1
    rq_worker().work(burst=True)
    job.refresh_from_db()
    assert job.state == "done" and Material.objects.count() == 1
