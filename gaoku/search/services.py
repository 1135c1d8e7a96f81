"""Keeping the search index in step with the library.

The library calls :func:`search_index_update` whenever a material gets a version or its
metadata changes, and :func:`search_index_remove` when materials are deleted; both run
inside the caller's transaction. ``gaoku reindex`` rebuilds everything;
:func:`search_index_sync` repairs entries that missed an update (a crash between the
database commit and the embedded index's) and runs when the server starts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from gaoku.core.search import IndexedDoc
from gaoku.library.models import Material
from gaoku.members.selectors import outline_preview, publication_day
from gaoku.search.engines import search_engine

_BATCH = 500


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
    """Index ``material`` as it now stands (its current version and metadata)."""
    entry = search_entry(material)
    if entry is None:
        search_index_remove(material_ids=[material.pk])
    else:
        search_engine().put([entry])


def search_index_remove(*, material_ids: list[int]) -> None:
    search_engine().remove(list(material_ids))


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
    """Index what is missing or stale, drop what is gone. Returns the entries fixed."""
    engine = search_engine()
    indexed = engine.stamps()
    current = dict(Material.objects.filter(current__isnull=False).values_list("pk", "current_id"))
    gone = [pk for pk in indexed if pk not in current]
    stale = [pk for pk, stamp in current.items() if indexed.get(pk) != stamp]
    if gone:
        engine.remove(gone)
    for batch in _batches(_materials().filter(pk__in=stale)):
        engine.put([e for e in (search_entry(m) for m in batch) if e is not None])
    return len(gone) + len(stale)


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
