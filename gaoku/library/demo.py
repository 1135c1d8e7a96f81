"""The demo library: generated materials imported the way an editor would import them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from gaoku.core.generator import GeneratedDocument, generate_corpus
from gaoku.library.models import Material
from gaoku.library.selectors import cleaning_patterns_enabled
from gaoku.library.services import ImportMetadata, Source, import_batch, text_import
from gaoku.search.services import search_index_batched

T = TypeVar("T")

DEMO_SIZE = 36


def demo_library_populate(
    *,
    count: int = DEMO_SIZE,
    seed: int = 2026,
    progress: Callable[[Iterable[T]], Iterable[T]] = lambda it: it,
) -> int:
    """Import ``count`` generated materials, wrappers and all; return how many were new.

    Does nothing when the library already holds materials, so that `gaoku demo` can be
    run again on the same data directory.
    """
    if Material.objects.exists():
        return 0
    patterns = cleaning_patterns_enabled()
    docs = list(generate_corpus(count, seed=seed))
    batch = import_batch(doc.wrapped for doc in docs)
    created = 0
    with search_index_batched():
        for doc in progress(docs):
            outcome = text_import(
                raw=doc.wrapped,
                source=Source(name=f"demo-{created + 1:03d}.txt", format="txt", encoding="utf-8"),
                metadata=_metadata(doc),
                on_similar="new",
                patterns=patterns,
                batch=batch,
            )
            created += outcome.status == "created"
    return created


def _metadata(doc: GeneratedDocument) -> ImportMetadata:
    return ImportMetadata(
        doc_type=doc.doc_type,
        topics=doc.topics,
        published=doc.published,
        level=doc.level,
        occasion=doc.occasion,
    )
