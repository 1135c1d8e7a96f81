"""Running a search, or an originality check, for one user.

Full text is searched only where the user's entitlement opens it; everywhere else the
title and the outline as the free tier sees it. A snippet is cut from exactly the text
that was searched, so no result shows a line the user may not read. The originality
check compares a draft with every material, but shows a source's own sentence (and
links it) only where the member may read that material.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings

from gaoku.core.originality import CANDIDATES, draft_sentences_check, matched_share
from gaoku.core.readers import read_bytes
from gaoku.core.search import (
    NO_FILTERS,
    Filters,
    Hit,
    Hits,
    QueryError,
    Scope,
    Snippet,
    Term,
    parse,
    phrase_pattern,
    positive_words,
    required_phrases,
    snippet,
)
from gaoku.core.search.tokens import search_fold
from gaoku.core.text import normalize
from gaoku.errors import Forbidden, InvalidInput
from gaoku.library.models import Material
from gaoku.members.selectors import Entitlement
from gaoku.search.engines import search_engine
from gaoku.search.services import public_outline_text, search_index_update

logger = logging.getLogger(__name__)

SORTS = ("relevance", "date")
MAX_LIMIT = 100
# Deep pages are for crawlers, not readers; the engine would have to rank them all.
MAX_OFFSET = 10_000
BAD_SORT = "排序方式只能是 relevance（相关度）或 date（日期）。"
BAD_PAGE = "每页 1 到 {limit} 条，起始位置 0 到 {offset}。"


@dataclass(frozen=True)
class SearchResult:
    material: Material
    score: float
    snippet: Snippet
    full: bool

    @property
    def version(self):
        return self.material.current


@dataclass(frozen=True)
class SearchPage:
    query: str
    total: int
    results: list[SearchResult]
    limit: int
    offset: int


def search_run(
    *,
    query: str,
    entitlement: Entitlement | None,
    filters: Filters = NO_FILTERS,
    sort: str = "relevance",
    limit: int = 20,
    offset: int = 0,
) -> SearchPage:
    """One page of results for ``query``; ``entitlement`` None searches everything (the
    operator's CLI).

    Raises:
        InvalidInput: a query that cannot be run, an unknown sort, a page out of range.
    """
    if sort not in SORTS:
        raise InvalidInput(BAD_SORT)
    if not (1 <= limit <= MAX_LIMIT and 0 <= offset <= MAX_OFFSET):
        raise InvalidInput(BAD_PAGE.format(limit=MAX_LIMIT, offset=MAX_OFFSET))
    try:
        node = parse(query)
    except QueryError as exc:
        raise InvalidInput(str(exc), code="invalid_query") from exc
    phrases = required_phrases(node)
    found = search_engine().search(
        node,
        scope=_scope(entitlement),
        filters=filters,
        sort=sort,
        limit=PHRASE_CANDIDATES if phrases else limit,
        offset=0 if phrases else offset,
    )
    if phrases:
        found = _phrases_checked(found, phrases, limit, offset, entitlement)
    materials = Material.objects.select_related("current").in_bulk([h.id for h in found.hits])
    words = positive_words(node)
    results = []
    for hit in found.hits:
        material = materials.get(hit.id)
        if not _gate(hit, material, entitlement):
            continue
        results.append(
            SearchResult(material, hit.score, _snippet(material, words, hit.full), hit.full)
        )
    # A hit the gate held back is not counted either (a stale entry on another page still
    # is, until the outbox has applied its repair).
    total = found.total - (len(found.hits) - len(results))
    return SearchPage(query, total, results, limit, offset)


# Matches of a query with a quoted phrase of several runs that are checked on their texts.
PHRASE_CANDIDATES = 2000


def _gate(hit: Hit, material: Material | None, entitlement: Entitlement | None) -> bool:
    """The reading gate for a hit: the index proposes, the database decides. A hit the
    index found in a full text stands only where the user may read that text now (the
    reader page's rule); an index that lags behind a change never shows more."""
    if material is None or material.current_id is None:
        return False
    if hit.full and entitlement is not None and not entitlement.covers(material):
        logger.warning("search index entry of material %s is stale; repaired", material.pk)
        search_index_update(material=material)
        return False
    return True


def _phrases_checked(
    found: Hits, phrases: list[Term], limit: int, offset: int, entitlement: Entitlement | None
) -> Hits:
    """The page of ``found`` whose texts hold every phrase as written (see
    gaoku.core.search.query.phrase_pattern); the text searched is the full text, or the
    public outline where the search looked only there."""
    patterns = [phrase_pattern(term) for term in phrases]
    materials = Material.objects.select_related("current").in_bulk([h.id for h in found.hits])
    kept = []
    for hit in found.hits:
        material = materials.get(hit.id)
        if not _gate(hit, material, entitlement):
            continue
        version = material.current
        text = version.text if hit.full else public_outline_text(version.outline)
        folded = search_fold(f"{material.title}\n{text}")
        if all(p.search(folded) for p in patterns):
            kept.append(hit)
    return Hits(len(kept), kept[offset : offset + limit])


def library_holds(phrase: str, *, excluding: int) -> bool:
    """Whether the current text of a material other than ``excluding`` holds ``phrase``
    (a run of Han characters) as written. Both engines match a term exactly."""
    folded = search_fold(phrase)
    found = search_engine().search(
        Term(folded, (folded,)), scope=Scope(everything=True), sort="date", limit=2
    )
    return any(hit.id != excluding for hit in found.hits)


def _scope(entitlement: Entitlement | None) -> Scope:
    if entitlement is None or entitlement.everything:
        return Scope(everything=True)
    if entitlement.access.active and entitlement.access.opens_from is not None:
        return Scope(full_from=entitlement.access.opens_from)
    return Scope()


def _snippet(material: Material, words: list[str], full: bool) -> Snippet:
    version = material.current
    if full:
        return snippet(version.text, words)
    return snippet(public_outline_text(version.outline), words)


def search_document(page: SearchPage) -> dict:
    """The contract's JSON document (DESIGN.md: gaoku search --json)."""
    return {
        "query": page.query,
        "total": page.total,
        "results": [
            {
                "material": r.material.pk,
                "version": r.version.number,
                "title": r.material.title,
                "score": round(r.score, 4),
                "snippet": r.snippet.text,
            }
            for r in page.results
        ],
    }


# -- the originality check ---------------------------------------------------------------

MAX_DRAFT_CHARS = 50_000
NO_DRAFT = "没有可查重的文字：请粘贴草稿或上传文件。"
DRAFT_TOO_LONG = "草稿太长：{chars} 字，最多 {limit} 字。"
MEMBERS_ONLY = "查重是会员功能：请登录并开通会员。"


@dataclass(frozen=True)
class CheckSource:
    """A library material holding a near-duplicate of a draft sentence.

    ``sentence`` is that material's sentence, shown only to who may read the material.
    """

    material: Material
    similarity: float
    sentence: str
    readable: bool


@dataclass(frozen=True)
class CheckedDraftSentence:
    text: str
    start: int
    end: int
    sources: list[CheckSource]


@dataclass(frozen=True)
class CheckReport:
    text: str
    matched_share: float
    sentences: list[CheckedDraftSentence]

    @property
    def matched(self) -> list[CheckedDraftSentence]:
        return [s for s in self.sentences if s.sources]

    def pieces(self) -> list[tuple[str, bool]]:
        """The whole draft cut at its matched sentences: (piece, whether matched)."""
        return Snippet(self.text, tuple((s.start, s.end) for s in self.matched)).pieces()


def draft_read(*, text: str | None = None, data: bytes | None = None, filename: str = "") -> str:
    """The draft's text, pasted or read from a file (TXT, DOCX, PDF, scans by OCR).

    Raises:
        InvalidInput: nothing to check, or too long.
        ImportRejected: a file that cannot be read (the readers' message).
    """
    if data:
        text = read_bytes(data, name=filename, max_bytes=settings.GAOKU_MAX_IMPORT_BYTES).text
    draft = normalize(text or "")
    if not draft:
        raise InvalidInput(NO_DRAFT, code="no_text")
    if len(draft) > MAX_DRAFT_CHARS:
        raise InvalidInput(DRAFT_TOO_LONG.format(chars=len(draft), limit=MAX_DRAFT_CHARS))
    return draft


def check_permitted(entitlement: Entitlement | None) -> None:
    """Raises Forbidden unless the user may run originality checks (members in force)."""
    if entitlement is not None and not entitlement.active:
        raise Forbidden(MEMBERS_ONLY)


def draft_check(*, text: str, entitlement: Entitlement | None) -> CheckReport:
    """Check a draft against the library's current versions; ``entitlement`` None is the
    operator (every source readable).

    Raises:
        Forbidden: the user is not a member in force (nor an editor or admin).
    """
    check_permitted(entitlement)
    engine = search_engine()
    checked = draft_sentences_check(text, propose=lambda s: engine.similar(s, limit=CANDIDATES))
    keys = {m.key for c in checked for m in c.matches}
    materials = Material.objects.select_related("current").in_bulk(keys)
    rows = []
    for c in checked:
        refs = []
        for match in c.matches:
            material = materials.get(match.key)
            if material is None or material.current_id is None:
                continue
            readable = entitlement is None or entitlement.covers(material)
            sentence = match.text if readable else ""
            refs.append(CheckSource(material, match.similarity, sentence, readable))
        rows.append(CheckedDraftSentence(c.sentence.text, c.sentence.start, c.sentence.end, refs))
    return CheckReport(text, matched_share(text, checked), rows)


def check_document(report: CheckReport) -> dict:
    """The contract's JSON document (DESIGN.md: gaoku check --json): matched sentences."""
    return {
        "chars": len(report.text),
        "matched_share": round(report.matched_share, 4),
        "sentences": [
            {
                "text": s.text,
                "start": s.start,
                "end": s.end,
                "sources": [
                    {
                        "material": src.material.pk,
                        "version": src.material.current.number,
                        "similarity": round(src.similarity, 4),
                    }
                    for src in s.sources
                ],
            }
            for s in report.matched
        ],
    }
