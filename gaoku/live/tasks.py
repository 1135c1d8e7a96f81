"""Live sharing's background task: sending a receiver what is due."""

from __future__ import annotations

from django_tasks import task


@task()
def webhook_flush_task(webhook_id: int) -> None:
    from gaoku.live.webhooks import webhook_flush

    webhook_flush(webhook_id)
