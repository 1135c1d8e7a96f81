"""Gaoku's embedded search engine: tantivy over the tokens of :mod:`.tokens`.

tantivy (a Rust search library, with Python bindings) keeps an inverted index with
positions in a folder, answers phrase queries exactly and ranks by BM25; fed the grams
and chars of :mod:`.tokens` through its whitespace tokenizer, it finds every term wherever
it occurs. ``bench/search.py`` measures it beside SQLite FTS5 on the same tokens (exact
too, but several times slower at p95), Whoosh with jieba and tantivy with jieba's words.

One material is one document with three texts, each as grams and chars: ``body`` (title
and full text), ``public`` (title and the outline as the free tier sees it) and ``title``
(which only adds score); its metadata as filter fields. A search looks in ``body`` where
the user may read the full text and in ``public`` elsewhere. Beside it, a second index
holds every sentence of every body, for the originality check's candidates
(:meth:`SearchIndex.similar`). Writers take each folder's lock for one batch at a time;
readers see each commit after ``reload``.
"""

from __future__ import annotations

import math
import shutil
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import tantivy
from tantivy import FieldType, Occur, Order, Query

from gaoku.core.originality import checkable, sentences
from gaoku.core.search.query import All, Any, Node, Not, Term
from gaoku.core.search.tokens import (
    bigrams_of,
    index_tokens,
    phrase_offsets,
    sentence_keys,
    term_parts,
)

__all__ = ["NO_FILTERS", "Filters", "Hit", "Hits", "IndexedDoc", "Scope", "SearchIndex"]

# Where a search looks: the full text (the title included) or what the free tier sees
# (the title and the public outline).
FULL, PUBLIC = "body", "public"
# A term found in the title as well scores this much more: it says most about a material.
TITLE_BOOST = 3.0
# A run typed without spaces scores this much more for each of the bigrams joining its
# words (实主 in 落实主体责任) that a text holds: a cheap sign of the run as typed.
JOIN_BOOST = 1.0
# Bumped whenever the schema or the tokens change: a new folder is built, and
# search_index_sync (run by `gaoku init` and `gaoku serve`) fills it.
SCHEMA_VERSION = 5
_TEXTS = ("title", "public", "body")
# The originality check's candidates: sentences holding this share of the draft
# sentence's rarest keys, this many of them.
SIMILAR_GRAMS = 16
SIMILAR_SHARE = 0.4
_WRITER_HEAP = 50_000_000
_LOCK_WAIT_S = 30.0


@dataclass(frozen=True)
class IndexedDoc:
    """What the index holds of one material.

    ``public`` is the outline as the free tier sees it; ``body`` the full text. ``stamp``
    identifies what was indexed (the version), to tell a stale entry.
    """

    id: int
    stamp: int
    day: date
    title: str
    public: str
    body: str
    doc_type: str = ""
    level: str = ""
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Filters:
    doc_type: str | None = None
    topic: str | None = None
    level: str | None = None
    year: int | None = None


NO_FILTERS = Filters()


@dataclass(frozen=True)
class Scope:
    """Where a search may look: the full text of materials published on or after
    ``full_from`` (of every material when ``everything``); the title and public outline
    of all others."""

    everything: bool = False
    full_from: date | None = None


@dataclass(frozen=True)
class Hit:
    id: int
    stamp: int
    score: float
    full: bool


@dataclass(frozen=True)
class Hits:
    total: int
    hits: list[Hit]


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", indexed=True, fast=True)
    builder.add_integer_field("stamp", fast=True)
    builder.add_integer_field("day", indexed=True, fast=True)
    builder.add_integer_field("year", indexed=True)
    for name in ("doc_type", "level", "topic"):
        builder.add_text_field(name, tokenizer_name="raw")
    for name in _TEXTS:
        builder.add_text_field(f"{name}_g", tokenizer_name="whitespace")
        builder.add_text_field(f"{name}_c", tokenizer_name="whitespace", index_option="freq")
    return builder.build()


class SearchIndex:
    """A search index in ``path`` (created when missing)."""

    def __init__(self, path: Path) -> None:
        folder = path / f"v{SCHEMA_VERSION}"
        for old in path.glob("v*"):
            # An index of an earlier schema; the new one is filled by search_index_sync.
            if old != folder and old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
        (folder / "sentences").mkdir(parents=True, exist_ok=True)
        self.schema = _schema()
        self._index = tantivy.Index(self.schema, path=str(folder), reuse=True)
        # The sentences of every body, one document each, for the originality check.
        self._sentence_schema = _sentence_schema()
        self._sentences = tantivy.Index(
            self._sentence_schema, path=str(folder / "sentences"), reuse=True
        )

    # -- writing ---------------------------------------------------------------------------

    def put(self, docs: Iterable[IndexedDoc]) -> int:
        """Add or replace documents (by id); one commit. Returns how many."""
        docs = list(docs)
        with _writing(self._index) as writer:
            for doc in docs:
                writer.delete_documents_by_term("id", doc.id)
                writer.add_document(self._document(doc))
        with _writing(self._sentences) as writer:
            for doc in docs:
                writer.delete_documents_by_term("id", doc.id)
                for sentence in sentences(doc.body):
                    if checkable(sentence):
                        writer.add_document(_sentence_document(doc.id, sentence.text))
        return len(docs)

    def remove(self, ids: Iterable[int]) -> None:
        ids = list(ids)
        for index in (self._index, self._sentences):
            with _writing(index) as writer:
                for doc_id in ids:
                    writer.delete_documents_by_term("id", doc_id)

    def clear(self) -> None:
        for index in (self._index, self._sentences):
            with _writing(index) as writer:
                writer.delete_all_documents()

    def _document(self, doc: IndexedDoc) -> tantivy.Document:
        fields: dict[str, object] = {
            "id": doc.id,
            "stamp": doc.stamp,
            "day": doc.day.toordinal(),
            "year": doc.day.year,
            "doc_type": doc.doc_type,
            "level": doc.level,
            "topic": list(doc.topics),
        }
        texts = {
            "title": doc.title,
            "public": f"{doc.title}\n{doc.public}",
            "body": f"{doc.title}\n{doc.body}",
        }
        for name, text in texts.items():
            tokens = index_tokens(text)
            fields[f"{name}_g"] = tokens.grams
            fields[f"{name}_c"] = tokens.chars
        return tantivy.Document(**fields)

    # -- reading ---------------------------------------------------------------------------

    def stamps(self) -> dict[int, int]:
        """Every indexed id with its stamp."""
        searcher = self._searcher()
        found = searcher.search(Query.all_query(), max(searcher.num_docs, 1), count=False)
        addresses = [address for _score, address in found.hits]
        ids = searcher.fast_field_values("id", addresses)
        return dict(zip(ids, searcher.fast_field_values("stamp", addresses), strict=True))

    def search(
        self,
        node: Node,
        *,
        scope: Scope,
        filters: Filters = NO_FILTERS,
        sort: str = "relevance",
        limit: int = 20,
        offset: int = 0,
    ) -> Hits:
        """The page ``[offset, offset + limit)`` of the documents matching ``node``,
        best first (or newest first with ``sort="date"``), and how many match in all."""
        if limit < 1 or offset < 0:
            raise ValueError("limit must be >= 1 and offset >= 0")
        query = self._scoped(node, scope)
        conditions = [(Occur.Must, query), *self._filters(filters)]
        if len(conditions) > 1:
            query = Query.boolean_query(conditions)
        searcher = self._searcher()
        if sort == "date":
            found = searcher.search(
                query, limit, count=True, offset=offset, order_by_field="day", order=Order.Desc
            )
        else:
            found = searcher.search(query, limit, count=True, offset=offset)
        addresses = [address for _score, address in found.hits]
        columns = zip(
            [score for score, _address in found.hits],
            searcher.fast_field_values("id", addresses),
            searcher.fast_field_values("stamp", addresses),
            searcher.fast_field_values("day", addresses),
            strict=True,
        )
        hits = []
        for score, doc_id, stamp, day in columns:
            opened = scope.full_from is not None and day >= scope.full_from.toordinal()
            relevance = float(score) if sort != "date" else 0.0
            hits.append(Hit(doc_id, stamp, relevance, scope.everything or opened))
        return Hits(found.count or 0, hits)

    def similar(self, text: str, *, limit: int = 5) -> list[tuple[int, str]]:
        """The indexed sentences most like the sentence ``text``, as (id, sentence):
        candidates for the originality check (gaoku.core.originality).

        A candidate must hold at least :data:`SIMILAR_SHARE` of the sentence's
        :data:`SIMILAR_GRAMS` rarest keys (:func:`.tokens.sentence_keys`) — rare ones say
        the most, and a light edit or a swapped synonym changes only a few — and candidates
        are ranked by BM25.
        """
        self._sentences.reload()
        searcher = self._sentences.searcher()
        keys = set(sentence_keys(text))
        grams = sorted(keys, key=lambda g: (searcher.doc_freq("grams", g), g))[:SIMILAR_GRAMS]
        if not grams:
            return []
        clauses = [
            (Occur.Should, Query.term_query(self._sentence_schema, "grams", g, index_option="freq"))
            for g in grams
        ]
        wanted = max(1, math.ceil(SIMILAR_SHARE * len(grams)))
        query = Query.boolean_query(clauses, minimum_number_should_match=wanted)
        found = searcher.search(query, limit, count=False)
        out = []
        for _score, address in found.hits:
            doc = searcher.doc(address)
            out.append((doc["id"][0], doc["text"][0]))
        return out

    def _searcher(self) -> tantivy.Searcher:
        self._index.reload()
        return self._index.searcher()

    def _scoped(self, node: Node, scope: Scope) -> Query:
        if scope.everything:
            return self._compile(node, FULL)
        public = self._compile(node, PUBLIC)
        if scope.full_from is None:
            return public
        opened = scope.full_from.toordinal()
        # Filters add nothing to the score.
        after = Query.const_score_query(
            Query.range_query(self.schema, "day", FieldType.Integer, lower_bound=opened), 0.0
        )
        before = Query.const_score_query(
            Query.range_query(
                self.schema, "day", FieldType.Integer, upper_bound=opened, include_upper=False
            ),
            0.0,
        )
        full = self._compile(node, FULL)
        return Query.boolean_query(
            [
                (Occur.Should, Query.boolean_query([(Occur.Must, full), (Occur.Must, after)])),
                (Occur.Should, Query.boolean_query([(Occur.Must, public), (Occur.Must, before)])),
            ]
        )

    def _filters(self, filters: Filters) -> list[tuple[Occur, Query]]:
        wanted = {
            "doc_type": filters.doc_type,
            "level": filters.level,
            "topic": filters.topic,
            "year": filters.year,
        }
        return [
            (Occur.Must, Query.const_score_query(Query.term_query(self.schema, name, value), 0.0))
            for name, value in wanted.items()
            if value
        ]

    def _compile(self, node: Node, field: str) -> Query:
        if isinstance(node, Term):
            return self._term(node, field)
        if isinstance(node, Any):
            return Query.boolean_query(
                [(Occur.Should, self._compile(item, field)) for item in node.items]
            )
        if isinstance(node, Not):
            # Only inside All, where it becomes a MustNot clause (the parser sees to that).
            return self._compile(node.item, field)
        if isinstance(node, All):
            return Query.boolean_query(
                [
                    (Occur.MustNot, self._compile(item.item, field))
                    if isinstance(item, Not)
                    else (Occur.Must, self._compile(item, field))
                    for item in node.items
                ]
            )
        raise TypeError(f"not a query node: {node!r}")

    def _term(self, term: Term, field: str) -> Query:
        """Each word must occur in ``field``; the title and the run as typed add score."""
        clauses = [(Occur.Must, self._word(word, field)) for word in term.words]
        title = [(Occur.Must, self._word(word, "title")) for word in term.words]
        clauses.append((Occur.Should, Query.boost_query(_all(title), TITLE_BOOST)))
        for gram in _joins(term):
            join = Query.term_query(self.schema, f"{field}_g", gram)
            clauses.append((Occur.Should, Query.boost_query(join, JOIN_BOOST)))
        return Query.boolean_query(clauses)

    def _word(self, word: str, field: str) -> Query:
        """A word matches when each of its parts occurs in ``field``."""
        lookups = []
        for part in term_parts(word):
            if part.char:
                q = Query.term_query(self.schema, f"{field}_c", part.char, index_option="freq")
            elif len(part.grams) == 1:
                q = Query.term_query(self.schema, f"{field}_g", part.grams[0])
            else:
                words = [(i, part.grams[i]) for i in phrase_offsets(len(part.grams))]
                q = Query.phrase_query(self.schema, f"{field}_g", words)
            lookups.append((Occur.Must, q))
        return _all(lookups)


def _sentence_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    builder.add_text_field("text", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("grams", tokenizer_name="whitespace", index_option="freq")
    return builder.build()


def _sentence_document(doc_id: int, text: str) -> tantivy.Document:
    return tantivy.Document(id=doc_id, text=text, grams=" ".join(sentence_keys(text)))


@contextmanager
def _writing(index: tantivy.Index) -> Iterator[tantivy.IndexWriter]:
    """The index's writer for one commit; another process may hold the lock a moment."""
    deadline = time.monotonic() + _LOCK_WAIT_S
    while True:
        try:
            writer = index.writer(heap_size=_WRITER_HEAP, num_threads=1)
            break
        except ValueError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    try:
        yield writer
        writer.commit()
    except BaseException:
        writer.rollback()
        raise
    finally:
        writer.wait_merging_threads()


def _all(clauses: list[tuple[Occur, Query]]) -> Query:
    return clauses[0][1] if len(clauses) == 1 else Query.boolean_query(clauses)


def _joins(term: Term) -> list[str]:
    """The bigrams of a run typed without spaces that join two of its words."""
    if len(term.words) < 2:
        return []
    inside = {g for word in term.words for g in bigrams_of(word)}
    return [g for g in dict.fromkeys(bigrams_of(term.text)) if g not in inside]
