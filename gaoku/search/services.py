"""Keeping the search index in step with the library: an outbox.

Whatever changes what search shows (an import, a version, metadata, a topic renamed, a
deletion) calls :func:`search_index_update` or :func:`search_index_remove` inside its own
transaction. They write an :class:`IndexChange` row there, so the change and the duty to
index it commit together; once the transaction commits the change is applied here and
now, and whatever could not be applied (the index locked, the disk full) stays in the
outbox, logged, and is retried by `gaoku worker` every few seconds and by
:func:`search_index_sync` when the server starts. The index is a cache: search decides
what a hit may show from the database (gaoku.search.selectors). ``gaoku reindex``
rebuilds everything.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from itertools import islice

from django.db import transaction
from django.db.models import F

from gaoku.core.search import IndexedDoc
from gaoku.library.models import Material
from gaoku.members.selectors import outline_preview, publication_day
from gaoku.search.engines import search_engine
from gaoku.search.models import IndexChange

logger = logging.getLogger(__name__)

_BATCH = 500
# A batch of imports (search_index_batched) applies its outbox at least this often.
_BATCH_EVERY = 200
_BATCH_SECONDS = 5.0

_batching = threading.local()


def search_entry(material: Material) -> IndexedDoc | None:
    """What the index holds of ``material``; None when it has no version yet."""
    version = material.current
    if version is None:
        return None
    return IndexedDoc(
        id=material.pk,
        stamp=version.pk,
        day=publication_day(material),
        title=material.title,
        public=public_outline_text(version.outline),
        body=version.text,
        doc_type=material.doc_type,
        level=material.level,
        topics=tuple(t.name for t in material.topics.all()),
    )


def public_outline_text(outline: dict) -> str:
    """The outline as the free tier reads it, one item per line: what visitors search."""
    preview = outline_preview(outline)
    lines = [preview["salutation"]]
    for part in preview["parts"]:
        lines += [part["heading"], *part["points"]]
    lines.append(preview["closing"])
    return "\n".join(line for line in lines if line)


def search_index_update(*, material: Material) -> None:
    """Index ``material`` as it will stand once the caller's transaction commits."""
    _changed([material.pk])


def search_index_remove(*, material_ids: list[int]) -> None:
    _changed(material_ids)


def _changed(material_ids: Iterable[int]) -> None:
    IndexChange.objects.bulk_create([IndexChange(material_id=pk) for pk in material_ids])
    transaction.on_commit(_batch_tick if getattr(_batching, "due", None) else index_changes_apply)


@contextmanager
def search_index_batched() -> Iterator[None]:
    """Apply the outbox once per batch of changes rather than once per transaction.

    For a run of many imports (a folder, an import job, the demo library): each index
    write is a commit of the index's files, which costs more than importing a text. The
    changes still commit with their transactions, so nothing is lost if the run dies:
    the worker and the next start apply them. Search shows the run's materials every
    ``_BATCH_EVERY`` changes or ``_BATCH_SECONDS``, and all of them when it ends.
    """
    if getattr(_batching, "due", None):  # already inside a batch
        yield
        return
    _batching.due = (0, time.monotonic() + _BATCH_SECONDS)
    try:
        yield
    finally:
        _batching.due = None
        index_changes_apply()


def _batch_tick() -> None:
    pending, deadline = _batching.due or (0, 0.0)
    pending += 1
    if pending >= _BATCH_EVERY or time.monotonic() >= deadline:
        index_changes_apply()
        pending, deadline = 0, time.monotonic() + _BATCH_SECONDS
    if _batching.due:
        _batching.due = (pending, deadline)


def index_changes_apply(*, limit: int = _BATCH) -> int:
    """Apply the outbox, oldest first; the number of changes applied. A batch that fails
    stays, with its error, for the next call."""
    applied = 0
    while rows := list(IndexChange.objects.order_by("pk")[:limit]):
        ids = sorted({row.material_id for row in rows})
        engine = search_engine()
        try:
            # PostgreSQL's index is tables: written and emptied of its changes at once.
            # The embedded index is files, never written inside a database transaction.
            with transaction.atomic() if engine.in_database else nullcontext():
                entries = [e for e in map(search_entry, _materials().filter(pk__in=ids)) if e]
                gone = sorted(set(ids) - {e.id for e in entries})
                if entries:
                    engine.put(entries)
                if gone:
                    engine.remove(gone)
                IndexChange.objects.filter(pk__in=[r.pk for r in rows]).delete()
        except Exception as exc:  # the index is a cache: never fail the caller
            logger.warning("search index write failed, %d changes kept: %s", len(rows), exc)
            IndexChange.objects.filter(pk__in=[r.pk for r in rows]).update(
                attempts=F("attempts") + 1, last_error=str(exc)[:500]
            )
            return applied
        applied += len(rows)
    return applied


def search_reindex(*, progress: Callable[[Iterable], Iterable] = lambda x: x) -> int:
    """Rebuild the whole index from the library. Returns the number of materials."""
    engine = search_engine()
    engine.clear()
    count = 0
    for batch in _batches(progress(_materials())):
        engine.put([e for e in (search_entry(m) for m in batch) if e is not None])
        count += len(batch)
    return count


def search_index_sync() -> int:
    """Apply the outbox, then index what is still missing or stale and drop what is gone
    (an index restored from elsewhere, or older than the outbox). Returns the entries
    fixed."""
    applied = index_changes_apply()
    engine = search_engine()
    indexed = engine.stamps()
    current = dict(Material.objects.filter(current__isnull=False).values_list("pk", "current_id"))
    gone = [pk for pk in indexed if pk not in current]
    stale = [pk for pk, stamp in current.items() if indexed.get(pk) != stamp]
    if gone:
        engine.remove(gone)
    for batch in _batches(_materials().filter(pk__in=stale)):
        engine.put([e for e in (search_entry(m) for m in batch) if e is not None])
    return applied + len(gone) + len(stale)


def _materials():
    return (
        Material.objects.filter(current__isnull=False)
        .select_related("current")
        .prefetch_related("topics")
        .order_by("pk")
    )


def _batches(items: Iterable[Material]) -> Iterator[list[Material]]:
    iterator = iter(items)
    while batch := list(islice(iterator, _BATCH)):
        yield batch
