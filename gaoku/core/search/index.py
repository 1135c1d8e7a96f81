"""Gaoku's embedded search engine: tantivy over the tokens of :mod:`.tokens`.

tantivy (a Rust search library, with Python bindings) keeps an inverted index in a
folder, answers phrase queries exactly and ranks by BM25; fed the n-grams of
:mod:`.tokens` through its whitespace tokenizer, it finds every term wherever it occurs,
most of them with one lookup. ``bench/search.py`` measures it beside SQLite FTS5 on
bigrams, Whoosh with jieba and tantivy with jieba's words.

One material is one document with two texts, each as a short and a long field: ``body``
(title and full text) and ``public`` (title and the outline as the free tier sees it);
its metadata as filter fields. The title is written :data:`TITLE_TIMES` times, which
weighs a term in the title as BM25F weighs a field, at no cost per query. A search looks
in ``body`` where the user may read the full text and in ``public`` elsewhere. Beside it,
a second index holds every sentence of every body, for the originality check's
candidates (:meth:`SearchIndex.similar`). Writers take each folder's lock for one batch
at a time; readers see this process's commits at once, another's within half a second.
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
from typing import NamedTuple

import tantivy
from tantivy import FieldType, Occur, Order, Query

from gaoku.core.originality import checkable, sentences
from gaoku.core.search.query import All, Any, Node, Not, Term
from gaoku.core.search.tokens import (
    LONG,
    Lookup,
    gram_tokens,
    is_han_run,
    lookups,
    sentence_keys,
)

__all__ = ["NO_FILTERS", "Filters", "Hit", "Hits", "IndexedDoc", "Scope", "SearchIndex"]

# Where a search looks: the full text (the title included) or what the free tier sees
# (the title and the public outline).
FULL, PUBLIC = "body", "public"
# The title says most about a material: it is indexed this many times.
TITLE_TIMES = 3
# Bumped whenever the schema or the tokens change: a new folder is built, and
# search_index_sync (run by `gaoku init` and `gaoku serve`) fills it.
SCHEMA_VERSION = 6
# The originality check's candidates: sentences holding this share of the draft
# sentence's rarest keys, this many of them.
SIMILAR_GRAMS = 16
SIMILAR_SHARE = 0.4
_WRITER_HEAP = 50_000_000
# A batch of more documents than this (a reindex) is written with the larger budget, so
# that it ends in few segments: each segment costs every query a lookup of its own.
_BULK_DOCS = 1000
_BULK_HEAP = 400_000_000
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


class Hit(NamedTuple):
    """One material found; ``full`` when the search looked in its full text. (A named
    tuple: every search builds a page of them.)"""

    id: int
    score: float
    full: bool


@dataclass(frozen=True)
class Hits:
    total: int
    hits: list[Hit]


# Each text's two fields, by text and by the field of a Lookup.
_FIELD_NAMES = {
    (text, kind): f"{text}_{kind}" for text in (FULL, PUBLIC) for kind in ("short", "long")
}


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", indexed=True, fast=True)
    builder.add_integer_field("stamp", fast=True)
    builder.add_integer_field("day", indexed=True, fast=True)
    builder.add_integer_field("year", indexed=True)
    for name in ("doc_type", "level", "topic"):
        builder.add_text_field(name, tokenizer_name="raw")
    for name in (FULL, PUBLIC):
        builder.add_text_field(
            _FIELD_NAMES[name, "short"], tokenizer_name="whitespace", index_option="freq"
        )
        builder.add_text_field(_FIELD_NAMES[name, "long"], tokenizer_name="whitespace")
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
        for index in (self._index, self._sentences):
            # tantivy watches the folder and reloads after another process commits (within
            # half a second); this process's own commits are read at once (_written).
            index.config_reader("OnCommit", 0)

    # -- writing ---------------------------------------------------------------------------

    def put(self, docs: Iterable[IndexedDoc]) -> int:
        """Add or replace documents (by id); one commit. Returns how many."""
        docs = list(docs)
        heap = _BULK_HEAP if len(docs) > _BULK_DOCS else _WRITER_HEAP
        with _writing(self._index, heap) as writer:
            for doc in docs:
                writer.delete_documents_by_term("id", doc.id)
                writer.add_document(self._document(doc))
        with _writing(self._sentences, heap) as writer:
            for doc in docs:
                writer.delete_documents_by_term("id", doc.id)
                for sentence in sentences(doc.body):
                    if checkable(sentence):
                        writer.add_document(_sentence_document(doc.id, sentence.text))
        self._written()
        return len(docs)

    def remove(self, ids: Iterable[int]) -> None:
        ids = list(ids)
        for index in (self._index, self._sentences):
            with _writing(index) as writer:
                for doc_id in ids:
                    writer.delete_documents_by_term("id", doc_id)
        self._written()

    def clear(self) -> None:
        for index in (self._index, self._sentences):
            with _writing(index) as writer:
                writer.delete_all_documents()
        self._written()

    def _written(self) -> None:
        self._index.reload()
        self._sentences.reload()

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
        titles = "\n".join([doc.title] * TITLE_TIMES)
        for name, text in ((FULL, doc.body), (PUBLIC, doc.public)):
            tokens = gram_tokens(f"{titles}\n{text}")
            fields[_FIELD_NAMES[name, "short"]] = tokens.short
            fields[_FIELD_NAMES[name, "long"]] = tokens.long
        return tantivy.Document(**fields)

    # -- reading ---------------------------------------------------------------------------

    def stamps(self) -> dict[int, int]:
        """Every indexed id with its stamp."""
        searcher = self._index.searcher()
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
        searcher = self._index.searcher()
        query = _Compiler(self.schema, searcher, ranked=sort != "date").scoped(node, scope)
        if filters != NO_FILTERS:
            query = Query.boolean_query([(Occur.Must, query), *self._filters(filters)])
        if sort == "date":
            found = searcher.search(
                query, limit, count=True, offset=offset, order_by_field="day", order=Order.Desc
            )
        else:
            found = searcher.search(query, limit, count=True, offset=offset)
        ranked = found.hits  # built anew at each access
        addresses = [address for _score, address in ranked]
        if scope.everything or scope.full_from is None:
            full = [scope.everything] * len(addresses)
        else:
            opened = scope.full_from.toordinal()
            full = [day >= opened for day in searcher.fast_field_values("day", addresses)]
        columns = zip(
            [score for score, _address in ranked],
            searcher.fast_field_values("id", addresses),
            full,
            strict=True,
        )
        hits = [
            Hit(doc_id, float(score) if sort != "date" else 0.0, opened)
            for score, doc_id, opened in columns
        ]
        return Hits(found.count or 0, hits)

    def similar(self, text: str, *, limit: int = 5) -> list[tuple[int, str]]:
        """The indexed sentences most like the sentence ``text``, as (id, sentence):
        candidates for the originality check (gaoku.core.originality).

        A candidate must hold at least :data:`SIMILAR_SHARE` of the sentence's
        :data:`SIMILAR_GRAMS` rarest keys (:func:`.tokens.sentence_keys`) — rare ones say
        the most, and a light edit or a swapped synonym changes only a few — and candidates
        are ranked by BM25.
        """
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


class _Compiler:
    """Turns a parsed query into a tantivy query over one scope's fields."""

    def __init__(self, schema: tantivy.Schema, searcher: tantivy.Searcher, *, ranked: bool) -> None:
        self.schema = schema
        self.searcher = searcher
        # Sorted by date, scores order nothing: the clause that only adds score is left out.
        self.ranked = ranked

    def scoped(self, node: Node, scope: Scope) -> Query:
        if scope.everything:
            return self.compile(node, FULL)
        public = self.compile(node, PUBLIC)
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
        full = self.compile(node, FULL)
        return Query.boolean_query(
            [
                (Occur.Should, Query.boolean_query([(Occur.Must, full), (Occur.Must, after)])),
                (Occur.Should, Query.boolean_query([(Occur.Must, public), (Occur.Must, before)])),
            ]
        )

    def compile(self, node: Node, field: str) -> Query:
        if isinstance(node, Term):
            return self.term(node, field)
        if isinstance(node, Any):
            return Query.boolean_query(
                [(Occur.Should, self.compile(item, field)) for item in node.items]
            )
        if isinstance(node, Not):
            # Only inside All, where it becomes a MustNot clause (the parser sees to that).
            return self.compile(node.item, field)
        if isinstance(node, All):
            return Query.boolean_query(
                [
                    (Occur.MustNot, self.compile(item.item, field))
                    if isinstance(item, Not)
                    else (Occur.Must, self.compile(item, field))
                    for item in node.items
                ]
            )
        raise TypeError(f"not a query node: {node!r}")

    def term(self, term: Term, field: str) -> Query:
        """Each word must occur in ``field``; a text holding the run as typed scores higher.

        That sign is one gram across a join of two words (:func:`_join`), and a text
        holding it scores the gram's idf more: what BM25 gives a term found once in a text
        of average length, without BM25's work for each text. One optional clause costs a
        query little; one per join cost it much more.
        """
        clauses = [(Occur.Must, self.word(word, field)) for word in term.words]
        if len(clauses) == 1:
            return clauses[0][1]
        join = _join(term) if self.ranked else ""
        if join:
            [lookup] = lookups(join)
            count = self.searcher.doc_freq(_FIELD_NAMES[field, lookup.field], join)
            if count:
                bonus = _idf(count, self.searcher.num_docs)
                query = Query.const_score_query(self.lookup(lookup, field), bonus)
                clauses.append((Occur.Should, query))
        return Query.boolean_query(clauses)

    def word(self, word: str, field: str) -> Query:
        """A word matches when each of its lookups does."""
        found = [self.lookup(lookup, field) for lookup in lookups(word)]
        if len(found) == 1:
            return found[0]
        return Query.boolean_query([(Occur.Must, query) for query in found])

    def lookup(self, lookup: Lookup, field: str) -> Query:
        name = _FIELD_NAMES[field, lookup.field]
        if len(lookup.grams) == 1:
            return Query.term_query(self.schema, name, lookup.grams[0][1], index_option="freq")
        return Query.phrase_query(self.schema, name, list(lookup.grams))


def _sentence_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    builder.add_text_field("text", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("grams", tokenizer_name="whitespace", index_option="freq")
    return builder.build()


def _sentence_document(doc_id: int, text: str) -> tantivy.Document:
    return tantivy.Document(id=doc_id, text=text, grams=" ".join(sentence_keys(text)))


@contextmanager
def _writing(index: tantivy.Index, heap: int = _WRITER_HEAP) -> Iterator[tantivy.IndexWriter]:
    """The index's writer for one commit; another process may hold the lock a moment."""
    deadline = time.monotonic() + _LOCK_WAIT_S
    while True:
        try:
            writer = index.writer(heap_size=heap, num_threads=1)
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


def _idf(count: int, total: int) -> float:
    """BM25's inverse document frequency (tantivy's) of a term ``count`` of ``total``
    texts hold."""
    return math.log(1 + (total - count + 0.5) / (count + 0.5))


def _join(term: Term) -> str:
    """For a run typed without spaces, a gram across a join of two of its words: the first
    with two Han characters on either side (落实全面 in 落实全面从严治党主体责任), failing that
    the longest; "" for a run of one word."""
    best, end = "", 0
    for word in term.words[:-1]:
        start = term.text.find(word, end)
        if start < 0:
            break
        end = start + len(word)
        gram = term.text[max(0, end - 2) : end + 2]
        if len(gram) > len(best) and is_han_run(gram):
            best = gram
            if len(gram) == LONG:
                break
    return best
