"""Copies' background task: a new version's slot plan, made before its first reader.

Making a plan segments the whole text (jieba, with the lexicon's words added: seconds the
first time in a process, a tenth of a second per document after), which a member should
not wait for on the first page or download of a new material.
"""

from __future__ import annotations

from django_tasks import task


@task()
def slot_plan_task(version_id: int) -> None:
    from gaoku.copies.services import slot_plan_prepare

    slot_plan_prepare(version_id)
