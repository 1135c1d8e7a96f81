"""The two search engines behind one interface.

- :class:`EmbeddedEngine` (SQLite deployments): gaoku.core.search.SearchIndex, a tantivy
  index in ``GAOKU_SEARCH_DIR``. It is written from the outbox once the database
  transaction commits (gaoku.search.services), so a rolled-back import never reaches the
  index, and a failed index write never undoes or fails an import.
- :class:`PostgresEngine`: PostgreSQL's own full-text machinery. Each material's grams and
  chars are stored as a tsvector with a GIN index, written from the outbox in the
  transaction that empties it. A term's lexemes narrow the rows through the index; ``strpos`` on the
  folded text then checks that the term occurs as written, so matches are exactly the
  embedded engine's.

Both return :class:`gaoku.core.search.Hits`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import connection

from gaoku.core.originality import checkable, sentences
from gaoku.core.search import (
    NO_FILTERS,
    All,
    Any,
    Filters,
    Hit,
    Hits,
    IndexedDoc,
    Node,
    Not,
    Scope,
    SearchIndex,
    Term,
    index_tokens,
    search_fold,
    term_parts,
    wanted_terms,
)
from gaoku.core.search.tokens import GAP, sentence_keys
from gaoku.search.models import SearchDocument, SearchSentence


class EmbeddedEngine:
    in_database = False

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def index(self) -> SearchIndex:
        return _open_index(self.path)

    def put(self, docs: list[IndexedDoc]) -> None:
        self.index.put(docs)

    def remove(self, ids: list[int]) -> None:
        self.index.remove(ids)

    def clear(self) -> None:
        self.index.clear()

    def stamps(self) -> dict[int, int]:
        return self.index.stamps()

    def search(self, node: Node, **options) -> Hits:
        return self.index.search(node, **options)

    def similar(self, text: str, *, limit: int) -> list[tuple[int, str]]:
        return self.index.similar(text, limit=limit)


@cache
def _open_index(path: Path) -> SearchIndex:
    # One open index per folder and process: opening reads the index's metadata.
    return SearchIndex(path)


# tsvector limits: positions above 16383 are stored as 16383, at most 256 per lexeme.
_MAX_POSITION = 16383
_MAX_POSITIONS = 256
_MAX_LEXEME = 200
# PostgreSQL refuses a tsvector over 1 MB.
_MAX_TSVECTOR_BYTES = 900_000


class PostgresEngine:
    in_database = True

    def put(self, docs: list[IndexedDoc]) -> None:
        with connection.cursor() as cursor:
            for doc in docs:
                SearchDocument.objects.update_or_create(
                    material_id=doc.id,
                    defaults={
                        "version_id": doc.stamp,
                        "day": doc.day,
                        "public_text": search_fold(f"{doc.title}\n{doc.public}"),
                        "full_text": search_fold(f"{doc.title}\n{doc.body}"),
                    },
                )
                cursor.execute(
                    "UPDATE search_searchdocument SET public_tsv = %s::tsvector,"
                    " full_tsv = %s::tsvector WHERE material_id = %s",
                    [
                        _tsvector([(doc.title, "A"), (doc.public, "B")]),
                        _tsvector([(doc.title, "A"), (doc.body, "D")]),
                        doc.id,
                    ],
                )
                SearchSentence.objects.filter(material_id=doc.id).delete()
                cursor.executemany(
                    "INSERT INTO search_searchsentence (material_id, text, grams)"
                    " VALUES (%s, %s, %s::tsvector)",
                    [
                        (doc.id, s.text, " ".join(_quoted(g) for g in set(sentence_keys(s.text))))
                        for s in sentences(doc.body)
                        if checkable(s)
                    ],
                )

    def remove(self, ids: list[int]) -> None:
        SearchDocument.objects.filter(material_id__in=ids).delete()
        SearchSentence.objects.filter(material_id__in=ids).delete()

    def clear(self) -> None:
        SearchDocument.objects.all().delete()
        SearchSentence.objects.all().delete()

    def stamps(self) -> dict[int, int]:
        return dict(SearchDocument.objects.values_list("material_id", "version_id"))

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
        sql = _Sql()
        full = _full_condition(scope, sql)
        where = [_scoped(node, full, sql), *_filter_conditions(filters, sql)]
        rank = sql.param(_tsquery_any(node)) + "::tsquery"
        score = (
            f"CASE WHEN {full} THEN ts_rank(d.full_tsv, {rank}) "
            f"ELSE ts_rank(d.public_tsv, {rank}) END"
        )
        base = (
            "FROM search_searchdocument d JOIN library_material m ON m.id = d.material_id "
            f"WHERE {' AND '.join(where)}"
        )
        order = "d.day DESC, d.material_id DESC" if sort == "date" else "2 DESC, d.day DESC"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) {base}", sql.params_for(base))
            total = cursor.fetchone()[0]
            page = (
                f"SELECT d.material_id, {score}, {full} {base}"
                f" ORDER BY {order} LIMIT {sql.param(limit)} OFFSET {sql.param(offset)}"
            )
            cursor.execute(page, sql.params_for(page))
            rows = cursor.fetchall()
        hits = [Hit(mid, float(s) if sort != "date" else 0.0, bool(f)) for mid, s, f in rows]
        return Hits(total, hits)

    def similar(self, text: str, *, limit: int) -> list[tuple[int, str]]:
        """Library sentences holding a run of four characters of ``text`` (three bigrams in
        a row, taken without overlap: a light edit leaves most of them whole), those
        holding the most of its bigrams first."""
        grams = sentence_keys(text)
        if not grams:
            return []
        runs = [grams[i : i + 3] for i in range(0, len(grams), 3)]
        narrow = " | ".join("(" + " & ".join(_quoted(g) for g in run) + ")" for run in runs)
        rank = " | ".join(_quoted(g) for g in dict.fromkeys(grams))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT material_id, text FROM search_searchsentence"
                " WHERE grams @@ %s::tsquery"
                " ORDER BY ts_rank(grams, %s::tsquery) DESC, id LIMIT %s",
                [narrow, rank, limit],
            )
            return [(row[0], row[1]) for row in cursor.fetchall()]


class _Sql:
    """Named parameters collected while composing SQL, bound in order of appearance."""

    def __init__(self) -> None:
        self.values: dict[str, object] = {}

    def param(self, value: object) -> str:
        name = f"%(p{len(self.values)})s"
        self.values[name] = value
        return name

    def params_for(self, fragment: str) -> dict[str, object]:
        return {name[2:-2]: value for name, value in self.values.items() if name in fragment}


def _full_condition(scope: Scope, sql: _Sql) -> str:
    """SQL true where the searcher may look into the full text."""
    if scope.everything:
        return "TRUE"
    if scope.full_from is None:
        return "FALSE"
    return f"d.day >= {sql.param(scope.full_from)}"


def _scoped(node: Node, full: str, sql: _Sql) -> str:
    """``node`` over the full text where ``full`` (SQL) holds, the public text elsewhere."""
    if full == "TRUE":
        return _condition(node, "full", sql)
    if full == "FALSE":
        return _condition(node, "public", sql)
    full_match = _condition(node, "full", sql)
    public_match = _condition(node, "public", sql)
    return f"(({full} AND {full_match}) OR (NOT {full} AND {public_match}))"


def _condition(node: Node, column: str, sql: _Sql) -> str:
    if isinstance(node, Term):
        return " AND ".join(_word_condition(w, column, sql) for w in node.words)
    if isinstance(node, Not):
        return f"NOT ({_condition(node.item, column, sql)})"
    joiner = " AND " if isinstance(node, All) else " OR "
    if not isinstance(node, All | Any):
        raise TypeError(f"not a query node: {node!r}")
    return "(" + joiner.join(_condition(item, column, sql) for item in node.items) + ")"


def _word_condition(word: str, column: str, sql: _Sql) -> str:
    """The GIN-indexed lexeme test of each part, and strpos for the Han runs: a text holds
    every bigram of 主体责任 without holding 主体责任."""
    conditions = []
    for part in term_parts(word):
        lexemes = " & ".join(_quoted(x) for x in part.lexemes)
        conditions.append(f"d.{column}_tsv @@ {sql.param(lexemes)}::tsquery")
        if len(part.grams) > 1:
            conditions.append(f"strpos(d.{column}_text, {sql.param(part.run)}) > 0")
    return "(" + " AND ".join(conditions) + ")"


def _tsquery_any(node: Node) -> str:
    """Every lexeme of the query's wanted words, for ranking."""
    lexemes = [
        x
        for term in wanted_terms(node)
        for word in term.words
        for part in term_parts(word)
        for x in part.lexemes
    ]
    return " | ".join(_quoted(x) for x in dict.fromkeys(lexemes)) or "''"


def _filter_conditions(filters: Filters, sql: _Sql) -> list[str]:
    out = []
    if filters.doc_type:
        out.append(f"m.doc_type = {sql.param(filters.doc_type)}")
    if filters.level:
        out.append(f"m.level = {sql.param(filters.level)}")
    if filters.year:
        start, end = date(filters.year, 1, 1), date(filters.year + 1, 1, 1)
        out.append(f"d.day >= {sql.param(start)} AND d.day < {sql.param(end)}")
    if filters.topic:
        out.append(
            "EXISTS (SELECT 1 FROM library_material_topics mt JOIN library_topic t"
            " ON t.id = mt.topic_id WHERE mt.material_id = d.material_id"
            f" AND t.name = {sql.param(filters.topic)})"
        )
    return out


def _tsvector(weighted: Iterable[tuple[str, str]]) -> str:
    """A tsvector literal of the texts' grams and chars, each text with its weight.

    Written as a literal, not through to_tsvector, so that no parser or dictionary (and
    no locale deciding what a letter is) stands between the tokens and the index.
    """
    positions: dict[str, list[str]] = {}
    position = 0
    for text, weight in weighted:
        tokens = index_tokens(text)
        for token in [*tokens.grams.split(" "), *tokens.chars.split(" ")]:
            if not token or token == GAP or len(token) > _MAX_LEXEME:
                continue
            position = min(position + 1, _MAX_POSITION)
            found = positions.setdefault(token, [])
            if len(found) < _MAX_POSITIONS:
                found.append(f"{position}{weight}")
    literal = " ".join(f"{_quoted(x)}:{','.join(p)}" for x, p in positions.items())
    if len(literal.encode()) > _MAX_TSVECTOR_BYTES:
        # A very long text: lexemes without positions (ranking loses weights, matching
        # loses nothing), and past the limit only the lexemes that first fit.
        literal = " ".join(_quoted(x) for x in positions)
        literal = literal.encode()[:_MAX_TSVECTOR_BYTES].decode(errors="ignore")
        literal = literal[: literal.rfind("' '") + 1]
    return literal


def _quoted(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def search_engine() -> EmbeddedEngine | PostgresEngine:
    """The engine for the database in use."""
    if connection.vendor == "postgresql":
        return PostgresEngine()
    return EmbeddedEngine(Path(settings.GAOKU_SEARCH_DIR))
